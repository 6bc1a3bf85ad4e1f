/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* Fixtures for the map data tests: maps, programs, pins, and output expectations. */
#ifndef TDATA_H
#define TDATA_H

#include <linux/bpf.h>

#include "tlib.h"

/* Creates a map (cr_assert on failure) and returns its fd. */
int td_map(__u32 type, __u32 key, __u32 value, __u32 entries, const char *name, __u32 flags,
	   int inner_fd);
/* Pins fd as <t_dir>/<name>; returns the path (free it). */
char *td_pin(int fd, const char *name);
/* Creates and pins in one step; *path (free it) gets the pin path when path is not NULL. */
int td_map_pinned(__u32 type, __u32 key, __u32 value, __u32 entries, const char *name,
		  char **path);
/* A pinned hash 4/8 holding keys 0..n-1, each with the value of its key (one batch). */
int td_hash_seq(__u32 n, const char *name, char **path);
__u32 td_map_id(int fd);
__u32 td_prog_id(int fd);
/* A socket filter that returns 0, named name. */
int td_prog(const char *name);
/* bpf_map_update_elem() that must succeed. */
void td_update(int fd, const void *key, const void *value);

/* The possible CPUs, as per-CPU values are laid out. */
int td_ncpus(void);

/* asprintf() that must succeed. */
char *td_fmt(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* The run ended with status and exactly these bytes (NULL: not checked); frees r. */
#define td_expect t_expect
/* Same for JSON mode: stdout valid JSON and exactly out, stderr empty. */
#define td_expect_json t_expect_json
/* The plain dump of the map at path, as the binary prints it (free it). */
char *td_dump(const char *path);

#endif
