/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * Snapshots for the "nothing else changed" checks: a map's elements as the kernel holds them
 * (keys and values in walk order, or the next value out of a queue or stack), its frozen
 * state, a directory's names, the mount table.
 */
#ifndef SNAP_H
#define SNAP_H

#include <linux/types.h>

/* Appends to *s (a malloc'ed string): */
void snap_str(char **s, const char *t);
/* every element of the map (type decides how it is read), and "frozen" or not */
void snap_map(char **s, int fd, __u32 type);
/* the names in dir, sorted */
void snap_dir(char **s, const char *dir);
/* /proc/self/mounts */
void snap_mounts(char **s);

#endif
