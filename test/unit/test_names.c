// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Type names by number, as upstream spells them (libbpf's tables, kernel 6.18): the numbers
 * are written out here, not taken from uapi/, so a wrong enum value or a misspelt name fails.
 */
#include <stddef.h>

#include "names.h"
#include "tlib.h"

static const char *const prog_names[] = {
	"unspec", "socket_filter", "kprobe", "sched_cls", "sched_act", "tracepoint", "xdp",
	"perf_event", "cgroup_skb", "cgroup_sock", "lwt_in", "lwt_out", "lwt_xmit", "sock_ops",
	"sk_skb", "cgroup_device", "sk_msg", "raw_tracepoint", "cgroup_sock_addr",
	"lwt_seg6local", "lirc_mode2", "sk_reuseport", "flow_dissector", "cgroup_sysctl",
	"raw_tracepoint_writable", "cgroup_sockopt", "tracing", "struct_ops", "ext", "lsm",
	"sk_lookup", "syscall", "netfilter",
};

static const char *const map_names[] = {
	"unspec", "hash", "array", "prog_array", "perf_event_array", "percpu_hash",
	"percpu_array", "stack_trace", "cgroup_array", "lru_hash", "lru_percpu_hash", "lpm_trie",
	"array_of_maps", "hash_of_maps", "devmap", "sockmap", "cpumap", "xskmap", "sockhash",
	"cgroup_storage", "reuseport_sockarray", "percpu_cgroup_storage", "queue", "stack",
	"sk_storage", "devmap_hash", "struct_ops", "ringbuf", "inode_storage", "task_storage",
	"bloom_filter", "user_ringbuf", "cgrp_storage", "arena",
	"insn_array", "rhash",	/* after 6.18; newest upstream names them */
};

Test(names, every_prog_type_of_6_18)
{
	uint32_t i, n = sizeof(prog_names) / sizeof(prog_names[0]);

	cr_assert_eq(n, 33);
	for (i = 0; i < n; i++)
		cr_expect_str_eq(prog_type_name(i), prog_names[i], "prog type %u", i);
	cr_expect_null(prog_type_name(n), "a newer type prints as its number");
	cr_expect_null(prog_type_name(UINT32_MAX));
}

Test(names, every_map_type_of_6_18_and_newest_upstream)
{
	uint32_t i, n = sizeof(map_names) / sizeof(map_names[0]);

	cr_assert_eq(n, 36);
	for (i = 0; i < n; i++) {
		cr_expect_str_eq(map_type_name(i), map_names[i], "map type %u", i);
		if (i)
			cr_expect_eq(map_type_by_name(map_names[i]), (int)i, "%s", map_names[i]);
	}
	cr_expect_null(map_type_name(n));
	cr_expect_null(map_type_name(UINT32_MAX));
	cr_expect_eq(map_type_by_name("has"), -1, "create matches type names exactly");
	cr_expect_eq(map_type_by_name(""), -1);
}
