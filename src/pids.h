/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* The processes holding each map: one scan of /proc/PID/fd links and their fdinfo map_id. */
#ifndef PIDS_H
#define PIDS_H

#include <stddef.h>

#include <linux/types.h>

#include "handle.h"

#define PIDS_COMM_LEN 16	/* TASK_COMM_LEN: 15 characters and the NUL */

struct pid_ref {
	__u32 id;		/* map id */
	int pid;		/* the process (thread group) id */
	char comm[PIDS_COMM_LEN];	/* its group leader's comm */
	size_t seq;		/* discovery order */
};

/* After pids_finish(): sorted by map id, each pid once per map, in discovery order. */
struct pids {
	struct pid_ref *v;
	size_t n, cap;
};

/* Pure table operations. */
void pids_add(struct pids *p, __u32 id, int pid, const char *comm);
void pids_finish(struct pids *p);
/* The holders of one map: *n entries from the returned pointer (NULL when none). */
const struct pid_ref *pids_find(const struct pids *p, __u32 id, size_t *n);
void pids_free(struct pids *p);

/*
 * Newest upstream lists holders with a BPF iterator; without one we read proc (normally
 * "/proc"): every PID directory except `self`, each fd whose link is "anon_inode:bpf-map",
 * its fdinfo's map_id, and the process's comm. An unreadable or missing proc leaves the
 * table empty, silently. Calls pids_finish().
 */
void pids_scan(struct pids *p, const char *proc, int self, enum obj_kind kind);

#endif
