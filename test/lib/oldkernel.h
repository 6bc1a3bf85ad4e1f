/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* An older kernel, emulated at the bpf(2) boundary while the binary under test runs. */
#ifndef OLDKERNEL_H
#define OLDKERNEL_H

#include <stdbool.h>

#include <linux/bpf.h>

#include "tlib.h"

#define OLDK_CMDS 64
/* The charge a map or program needs under RLIMIT_MEMLOCK accounting, in this model. */
#define OLDK_MEMLOCK_NEED (1024 * 1024)

/*
 * The kernel modelled: every field left 0 behaves as the running kernel does. Each bpf(2)
 * call of the binary traps to a supervisor thread in the test process (seccomp user
 * notification), which answers as that kernel would, in the order __sys_bpf() checks:
 *  1. attr_size: a caller's attr longer than the kernel's union bpf_attr must be zero past
 *     it, else E2BIG (bpf_check_uarg_tail_zero());
 *  2. ncmds: commands from ncmds on are unknown: EINVAL (the default of the command switch);
 *  3. attr_end[cmd]: the end of the command's last field; non-zero bytes after it, within
 *     the kernel's union, are EINVAL (CHECK_ATTR());
 *  4. fail_cmd/fail_err: that command fails with that errno;
 *  5. map_types: BPF_MAP_CREATE of a type from map_types on: EINVAL (find_and_alloc_map());
 *  6. memlock_rlimit: BPF_MAP_CREATE and BPF_PROG_LOAD fail with EPERM while the caller's
 *     soft RLIMIT_MEMLOCK is below OLDK_MEMLOCK_NEED (the accounting before Linux 5.11);
 *  7. map_info_len/prog_info_len: the kernel's struct bpf_map_info/bpf_prog_info is that
 *     long: BPF_OBJ_GET_INFO_BY_FD fills no more and reports that length, after the tail
 *     check of 1. on the caller's info buffer.
 * Everything else goes on to the real kernel unchanged.
 */
struct oldk {
	__u32 attr_size;
	__u32 ncmds;
	__u32 attr_end[OLDK_CMDS];
	int fail_cmd;
	int fail_err;		/* 0: no command fails */
	__u32 map_types;
	bool memlock_rlimit;
	__u32 map_info_len;
	__u32 prog_info_len;
	/* run in the child before the filter goes in (limits, capabilities...); optional */
	void (*setup)(void *arg);
	void *setup_arg;

	/* what the run asked, filled in by the supervisor */
	unsigned int calls[OLDK_CMDS];
	unsigned int refused[OLDK_CMDS];
	bool created;				/* a BPF_MAP_CREATE came */
	unsigned long long memlock_at_create;	/* the soft limit at the last one */

	int sock[2];	/* the child hands the listener to the supervisor over it */
};

/*
 * Runs the binary as t_run() does (words split on spaces), answering its bpf(2) calls as
 * k's kernel. Skips the test (fails under CI) when seccomp user notification is missing.
 */
struct run oldk_run(struct oldk *k, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
