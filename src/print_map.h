/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* Map renderers, plain and JSON side by side. No syscalls here: the data comes gathered. */
#ifndef PRINT_MAP_H
#define PRINT_MAP_H

#include <linux/bpf.h>

#include "json.h"
#include "mapdesc.h"
#include "sink.h"

/* Shared by map and program listings: the offload device, pinned paths and holders. */
void obj_dev_plain(struct sink *s, __u32 ifindex, __u64 ns_dev, __u64 ns_ino, const char *ifname);
void obj_dev_json(struct json *j, __u32 ifindex, __u64 ns_dev, __u64 ns_ino, const char *ifname);
/* "\n\tpinned PATH" per path; "\n\tpids comm(pid), ..." when there are holders. */
void obj_pins_plain(struct sink *s, const struct bpffs_pin *pins, size_t n);
void obj_pids_plain(struct sink *s, const struct pid_ref *pids, size_t n);
/* "pinned":[...] (always, even empty: the caller decides); "pids":[...] when n > 0. */
void obj_pins_json(struct json *j, const struct bpffs_pin *pins, size_t n);
void obj_pids_json(struct json *j, const struct pid_ref *pids, size_t n);

/*
 * The first line of `map show` (and the per-map header of a multi-map dump):
 * "ID: TYPE  [name NAME  ]flags 0xF[  offloaded_to DEV]\n". ifname is the offload device's
 * name when it is in our network namespace, else "" (mapdesc.c: map_dev_name()).
 */
void map_header_plain(struct sink *s, const struct bpf_map_info *info, const char *ifname);
/* "id", "type", ["name"], "flags" fields, into an object the caller opened. */
void map_header_json(struct json *j, const struct bpf_map_info *info);
/* upstream's print_dev_json(): the "dev" object of an offloaded map; nothing otherwise. */
void map_dev_json(struct json *j, const struct bpf_map_info *info, const char *ifname);


/*
 * One map as `map show` prints it (reference 2.2): the header line, sizes and memlock, the
 * prog array owner, -f paths, btf_id/frozen, holders; plain ends with a newline, JSON is one
 * object.
 */
void map_show_plain(struct sink *s, const struct map_desc *d);
void map_show_json(struct json *j, const struct map_desc *d);

#endif
