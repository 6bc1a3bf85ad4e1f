/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* The peak memory (resident KiB) of one run of the binary under test. */
#ifndef PEAK_H
#define PEAK_H

/*
 * Runs bpftool with the words (NULL-terminated), stdout and stderr to /dev/null, and returns
 * its peak RSS in KiB: the largest of VmHWM at its exit stop and VmRSS just before each
 * system call that can give memory back (munmap, brk, mremap, madvise; stopped by a seccomp
 * filter with SECCOMP_RET_TRACE) -- VmHWM alone misses buffers freed before exit. *status
 * gets the exit status. The same method as tools/bench/runone -m.
 */
long t_peak_kib(const char *const *words, int *status);

#endif
