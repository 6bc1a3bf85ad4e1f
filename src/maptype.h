/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* Map type families: which types keep a value per CPU, hold fds, have no keys, or index slots. */
#ifndef MAPTYPE_H
#define MAPTYPE_H

#include <stdbool.h>

#include <linux/bpf.h>

/* Values are one slot per possible CPU, each round_up(value_size, 8) bytes. */
static inline bool map_is_per_cpu(__u32 type)
{
	return type == BPF_MAP_TYPE_PERCPU_HASH || type == BPF_MAP_TYPE_PERCPU_ARRAY ||
	       type == BPF_MAP_TYPE_LRU_PERCPU_HASH || type == BPF_MAP_TYPE_PERCPU_CGROUP_STORAGE;
}

/* Values are written as map fds and read back as inner map ids. */
static inline bool map_is_map_of_maps(__u32 type)
{
	return type == BPF_MAP_TYPE_ARRAY_OF_MAPS || type == BPF_MAP_TYPE_HASH_OF_MAPS;
}

/* Values are written as program fds and read back as program ids. */
static inline bool map_is_map_of_progs(__u32 type)
{
	return type == BPF_MAP_TYPE_PROG_ARRAY;
}

/* Queues and stacks: the kernel's pop (BPF_MAP_LOOKUP_AND_DELETE_ELEM without a key). */
static inline bool map_is_queue_stack(__u32 type)
{
	return type == BPF_MAP_TYPE_QUEUE || type == BPF_MAP_TYPE_STACK;
}

/*
 * Keys are slot numbers that always exist (0 .. max_entries - 1): get_next_key never
 * restarts the walk, and a failed lookup does not mean the key went away.
 */
static inline bool map_is_indexed(__u32 type)
{
	switch (type) {
	case BPF_MAP_TYPE_ARRAY:
	case BPF_MAP_TYPE_PERCPU_ARRAY:
	case BPF_MAP_TYPE_PROG_ARRAY:
	case BPF_MAP_TYPE_PERF_EVENT_ARRAY:
	case BPF_MAP_TYPE_CGROUP_ARRAY:
	case BPF_MAP_TYPE_ARRAY_OF_MAPS:
	case BPF_MAP_TYPE_DEVMAP:
	case BPF_MAP_TYPE_SOCKMAP:
	case BPF_MAP_TYPE_CPUMAP:
	case BPF_MAP_TYPE_XSKMAP:
	case BPF_MAP_TYPE_REUSEPORT_SOCKARRAY:
		return true;
	default:
		return false;
	}
}

#endif
