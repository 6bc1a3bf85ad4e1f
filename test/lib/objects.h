/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* Fixtures for the map object tests: maps, a tail-calling program, holders, odd environments. */
#ifndef OBJECTS_H
#define OBJECTS_H

#include <stdbool.h>
#include <sys/types.h>

#include <linux/bpf.h>

#include "sys_bpf.h"
#include "tlib.h"

/* printf into a fresh string; free it. */
char *o_fmt(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Compare a run with what upstream prints (NULL: don't check that stream); frees r. */
#define o_expect t_expect
/* JSON mode: valid, exactly out, nothing on stderr; frees r. */
#define o_expect_json t_expect_json

/* t_run() with a setup hook run in the child before exec. */
struct run o_run_in(void (*setup)(void *), void *arg, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Setups: a private mount namespace with an empty tmpfs over /proc (no /proc at all)... */
void o_setup_noproc(void *arg);
/* ... no CAP_DAC_OVERRIDE (so file modes bind root too) ... */
void o_setup_nodac(void *arg);
/* ... and bpf(cmd) failing with err, for arg = struct o_fault *. */
struct o_fault {
	int cmd;
	int err;
};
void o_setup_fault(void *arg);

/* Maps (asserting success). */
int o_map(__u32 type, __u32 key, __u32 value, __u32 entries, const char *name);
int o_map_opts(const struct map_create_opts *o);
__u32 o_id(int fd);
/* Pins fd at path and closes it; returns the map id. */
__u32 o_pin_close(int fd, const char *path);
__u32 o_pinned_id(const char *path);
/* A number from the fdinfo of the map with this id (read by the test itself). */
unsigned long long o_fdinfo(__u32 id, const char *key);
/* The same for any bpf fd of the test's own (a program's memlock, say). */
unsigned long long o_fdinfo_fd(int fd, const char *key);
/* Whether any map has this name (polls up to a second for freed maps to go). */
bool o_map_name_gone(const char *name);

/*
 * A socket filter that tail-calls into prog_array_fd, loaded (so the array gets its owner)
 * and returned; *jited tells whether the kernel JITed it.
 */
int o_tail_call_prog(int prog_array_fd, bool *jited);

/* A child process named comm that holds fd until o_holder_stop(). */
pid_t o_holder(int fd, const char *comm);
void o_holder_stop(pid_t pid);

/* The test process's own comm (the runner's holders show it). */
void o_self_comm(char *comm, size_t n);

/* A fresh empty directory under /tmp (not on bpffs); o_tmp_cleanup() unmounts and removes. */
const char *o_tmp(const char *tag);
void o_tmp_cleanup(void);
/* A private mount namespace for this test process, so mounts never reach the host. */
void o_private_mounts(void);
bool o_is_bpffs(const char *dir);
/* Whether dir is a mount point (its device differs from its parent's, or mountinfo says). */
bool o_is_mount_point(const char *dir);

#endif
