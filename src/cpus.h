/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* CPU lists ("0-3,8") as the kernel writes them in /sys/devices/system/cpu/{possible,online}. */
#ifndef CPUS_H
#define CPUS_H

#include <stdbool.h>

/*
 * Parses a CPU list (trailing newline allowed) into mask[0..nbits); returns the number of
 * CPUs listed, or -EINVAL for a malformed list or a CPU >= nbits. Pure.
 */
int cpulist_parse(const char *s, bool *mask, int nbits);

/*
 * The number of possible CPUs, as per-CPU map values are laid out: the highest possible CPU
 * + 1 (libbpf's libbpf_num_possible_cpus()). -errno when the file cannot be read (no /sys).
 */
int cpus_possible(void);

/* The online CPUs into mask[0..nbits); returns how many, or -errno. */
int cpus_online(bool *mask, int nbits);

#endif
