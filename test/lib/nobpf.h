/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* A kernel without bpf(2), simulated: a seccomp filter that makes bpf(2) fail with ENOSYS. */
#ifndef NOBPF_H
#define NOBPF_H

#include <linux/types.h>

/*
 * Installs the filter in the calling process (a Criterion worker: one per test) and in every
 * program it runs afterwards, t_run() included; 32-bit x86 programs are covered too, so the
 * i386 build sees the same. Skips the test (fails under CI=true) if seccomp is unavailable.
 */
void t_block_bpf(void);

/*
 * The filter itself, for any bpf command (cmd < 0: all of them) and errno: what an old or
 * restricted kernel would answer. Safe between fork() and exec() (no Criterion calls).
 * Returns 0 or -errno.
 */
int t_bpf_fail_filter(int cmd, int err);

/*
 * The one filter behind every bpf(2) seam of the tests: bpf(2) of the native ABI or of
 * i386 (the i386 build runs on this kernel too) -- any command (cmd < 0) or only cmd --
 * gets the seccomp `action`; everything else runs. flags as for SECCOMP_SET_MODE_FILTER
 * (SECCOMP_FILTER_FLAG_NEW_LISTENER: returns the listener fd). Between fork and exec too.
 * Returns what seccomp(2) returns, -1 with errno on failure.
 */
int t_bpf_seccomp(__u32 action, int cmd, unsigned int flags);

/* perf_event_open(2) fails with err (a kernel without perf events: ENOSYS), bpf(2) works. */
void t_block_perf(int err);

#endif
