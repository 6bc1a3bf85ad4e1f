/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* /proc/<pid>/fdinfo/<fd>: "key:\tvalue" lines, parsed from a buffer; the read is a thin shell. */
#ifndef FDINFO_H
#define FDINFO_H

#include <stddef.h>
#include <sys/types.h>

/*
 * The fdinfo of a map fd on 6.18 looks like:
 *	pos:	0
 *	flags:	02000002
 *	map_type:	3
 *	map_flags:	0x0
 *	memlock:	344
 *	map_id:	71
 *	frozen:	0
 *	owner_prog_type:	1
 *	owner_jited:	1
 * fdinfo_get() finds the line whose key is exactly `key` in the NUL-terminated buf and parses
 * its value as an unsigned number in C notation (decimal, 0x hex, leading-0 octal). Returns 0,
 * -ENOENT (no such line) or -EINVAL (the value is not a number). Pure.
 */
int fdinfo_get(const char *buf, const char *key, unsigned long long *val);

/*
 * Reads the fdinfo file `name` (an fd number as text) relative to dirfd (an open
 * /proc/self/fdinfo or /proc/PID/fdinfo directory) into buf, NUL-terminated.
 * Returns the length or -errno.
 */
ssize_t fdinfo_read(int dirfd, const char *name, char *buf, size_t size);
/* The same for one of our own fds. */
ssize_t fdinfo_read_fd(int dirfd, int fd, char *buf, size_t size);

/* Room enough for any bpf object's fdinfo (a map's is about 250 bytes). */
#define FDINFO_BUF_SIZE 4096

#endif
