/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * Fault injection for the robustness tests: bpf(2) calls of the binary under test answered
 * with an error by a supervisor in the test process (seccomp user notification), so a
 * chosen call fails once with EINTR (or anything) and the next one goes through.
 */
#ifndef FAULTS_H
#define FAULTS_H

#include <pthread.h>
#include <stdbool.h>

#include "tlib.h"

/* Which bpf(2) calls fail: the n-th ones (counting from 1) with n % every == phase. */
struct f_notif {
	int cmd;		/* only this bpf command (-1: all) */
	unsigned int every;	/* 0: none fails */
	unsigned int phase;
	unsigned int limit;	/* fail at most this many (0: no limit) */
	int err;		/* the errno they fail with */
	bool check_fds;		/* at every bpf call, every fd above 2 must be O_CLOEXEC */
	/* filled in */
	unsigned int calls;	/* bpf calls of that command seen */
	unsigned int failed;	/* of them answered with err */
	unsigned int fd_checks;	/* fd tables inspected */
	char leak[256];		/* the first fd without O_CLOEXEC: "fd 5 -> /x (flags 0100000)" */
	int sock[2];
	pthread_t th;
	bool running;
};

/* Starts the supervisor; then run the binary with t_runv_in(argv, f_notif_setup, n). */
void f_notif_start(struct f_notif *n);
/* In the child before exec: bpf(2) now goes to the supervisor. */
void f_notif_setup(void *arg);
/* Waits for the supervisor to see the child gone. */
void f_notif_stop(struct f_notif *n);

/* Runs the binary with words split on spaces under n (start, run, stop). */
struct run f_run(struct f_notif *n, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
