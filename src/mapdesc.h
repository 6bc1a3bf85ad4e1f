/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* What we know about one map, gathered once: bpf_map_info plus what the kernel shows elsewhere. */
#ifndef MAPDESC_H
#define MAPDESC_H

#include <stdbool.h>
#include <stddef.h>
#include <net/if.h>

#include <linux/bpf.h>

#include "bpffs.h"
#include "pids.h"

/*
 * The offload device's name into name[IF_NAMESIZE] when the map is offloaded to a device in
 * our network namespace (upstream's ifindex_to_name_ns()); "" otherwise.
 */
void map_dev_name(const struct bpf_map_info *info, char *name);
/* The same for any object's ifindex and network namespace (programs too). */
void obj_dev_name(__u32 ifindex, __u64 ns_dev, __u64 ns_ino, char *name);

/* The fdinfo lines `map show` uses; each has_* says whether the line was there. */
struct map_fdinfo {
	bool read;		/* the fdinfo could be read at all (not without /proc) */
	bool has_memlock, has_frozen, has_owner_type, has_owner_jited;
	unsigned long long memlock;
	bool frozen;
	__u32 owner_prog_type;
	bool owner_jited;
};

/* Parses those lines from a map's fdinfo text (owner only for prog arrays). Pure. */
void map_fdinfo_parse(struct map_fdinfo *f, const char *buf, __u32 map_type);

/* Everything `map show` prints about one map. Renderers take it const; no syscalls there. */
struct map_desc {
	struct bpf_map_info info;
	char ifname[IF_NAMESIZE];	/* offload device, "" when not ours or not offloaded */
	struct map_fdinfo fd;		/* all has_* false without /proc */
	bool show_pinned;		/* -f, and some map is pinned: JSON "pinned" for all */
	const struct bpffs_pin *pins;	/* this map's paths (pointing into the table) */
	size_t n_pins;
	const struct pid_ref *pids;	/* the processes holding it */
	size_t n_pids;
};

struct listing;

/* Fills d for the map open at fd whose info the caller read (zeroed per map). */
void map_desc_gather(struct map_desc *d, int fd, const struct bpf_map_info *info,
		     const struct listing *src);

#endif
