/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* What we know about one map, gathered once: bpf_map_info plus what the kernel shows elsewhere. */
#ifndef MAPDESC_H
#define MAPDESC_H

#include <net/if.h>

#include <linux/bpf.h>

/*
 * The offload device's name into name[IF_NAMESIZE] when the map is offloaded to a device in
 * our network namespace (upstream's ifindex_to_name_ns()); "" otherwise.
 */
void map_dev_name(const struct bpf_map_info *info, char *name);

#endif
