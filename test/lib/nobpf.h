/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* A kernel without bpf(2), simulated: a seccomp filter that makes bpf(2) fail with ENOSYS. */
#ifndef NOBPF_H
#define NOBPF_H

/*
 * Installs the filter in the calling process (a Criterion worker: one per test) and in every
 * program it runs afterwards, t_run() included; 32-bit x86 programs are covered too, so the
 * i386 build sees the same. Skips the test (fails under CI=true) if seccomp is unavailable.
 */
void t_block_bpf(void);

#endif
