/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* Element commands: update/push/enqueue, lookup/peek, getnext, delete, pop/dequeue; dump. */
#ifndef MAP_ELEM_H
#define MAP_ELEM_H

#include <linux/types.h>

#include "cmd.h"

int do_map_update(struct ctx *c, struct args *a);
int do_map_lookup(struct ctx *c, struct args *a);
int do_map_getnext(struct ctx *c, struct args *a);
int do_map_delete(struct ctx *c, struct args *a);
int do_map_pop(struct ctx *c, struct args *a);
int do_map_dequeue(struct ctx *c, struct args *a);
/* map_dump.c */
int do_map_dump(struct ctx *c, struct args *a);

/* upstream's usage(): the map help on stderr (JSON: null), then failure (-1). */
/*
 * Possible CPUs for a per-CPU map's values (1 for the other maps); reports a missing
 * /sys with p_err() and returns -1.
 */
int map_elem_ncpus(__u32 map_type);

struct btf;
struct bpf_map_info;
/*
 * The BTF a map's entries are formatted with (btf_load_for_map_shared(): NULL when the map
 * has no value type); reports upstream's "failed to get btf" (struct_ops: "failed to get
 * kernel btf") and returns -errno when it cannot be read.
 */
int map_elem_btf(const struct bpf_map_info *info, struct btf **vmlinux, struct btf **btf);

#endif
