/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* event_pipe test helpers: hand-assembled event producers, and a long-running child bpftool. */
#ifndef T_EVPIPE_H
#define T_EVPIPE_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include <linux/bpf.h>

#include "tlib.h"

/* One step of a producer program. */
enum t_ev_kind {
	T_EV_PERF,		/* bpf_perf_event_output(ctx, map, CURRENT_CPU, data, len) */
	T_EV_RB,		/* bpf_ringbuf_output(map, data, len, 0) */
	T_EV_RB_DISCARD,	/* bpf_ringbuf_reserve(map, len, 0) then bpf_ringbuf_discard() */
};

struct t_ev {
	enum t_ev_kind kind;
	const void *data;	/* T_EV_PERF, T_EV_RB */
	size_t len;		/* 1..256 */
	bool by_index;		/* T_EV_PERF: to map key `index`, not BPF_F_CURRENT_CPU */
	__u32 index;
};

/*
 * Loads an XDP program doing the steps in order against map_fd; it returns the OR of the
 * helpers' results (0: every event was delivered). Asserts on a verifier refusal.
 */
int t_ev_prog(int map_fd, const struct t_ev *ev, size_t n);
/* Runs it `repeat` times on `cpu` (the caller is pinned there meanwhile); returns retval. */
__u32 t_ev_fire(int prog_fd, int cpu, __u32 repeat);

/* A bpftool started in the background, its stdout and stderr collected as it goes. */
struct t_child {
	pid_t pid;
	int out_fd, err_fd;
	char *out, *err;
	size_t out_len, err_len, out_cap, err_cap;
	int status;		/* once exited: exit status, or 128 + signal */
	bool exited;
};

/* Starts the binary under test with these words (NULL-terminated); stdin is /dev/null. */
void t_child_start(struct t_child *c, const char *const *argv);

struct t_child_opts {
	int nofile;		/* RLIMIT_NOFILE, 0: inherited */
	bool drop_perf_caps;	/* no CAP_PERFMON, no CAP_SYS_ADMIN (CAP_BPF stays) */
};

void t_child_start_opts(struct t_child *c, const char *const *argv,
			const struct t_child_opts *o);
/* Collects output for up to timeout_ms (returns early when something arrived). */
void t_child_pump(struct t_child *c, int timeout_ms);
/*
 * Ready: the child's epoll instance watches n fds (event_pipe adds each ring to epoll as the
 * last step of installing it). False on timeout or when the child has exited.
 */
bool t_child_wait_watching(struct t_child *c, int n, int timeout_ms);
/* Waits until stdout holds at least count copies of needle. */
bool t_child_wait_out(struct t_child *c, const char *needle, int count, int timeout_ms);
/* Sends sig (0: none), collects everything until exit; the result is the caller's to free. */
struct run t_child_finish(struct t_child *c, int sig);

/* Copy of s with every event time stamp replaced by T ("@T CPU", "\"timestamp\":T"). */
char *t_mask_stamps(const char *s);
/* Occurrences of needle in s. */
int t_count(const char *s, const char *needle);

#endif
