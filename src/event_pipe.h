/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* map event_pipe: print what BPF programs send to a perf event array or a ring buffer. */
#ifndef EVENT_PIPE_H
#define EVENT_PIPE_H

#include <stdbool.h>

#include "cmd.h"

int do_event_pipe(struct ctx *c, struct args *a);

enum ep_cpu_state {
	EP_CPU_OK,
	EP_CPU_UNKNOWN,		/* no /sys to tell: the kernel will say */
	EP_CPU_ABSENT,		/* not a possible CPU */
	EP_CPU_OFFLINE,
};

/*
 * Whether `cpu N` names a CPU that can carry a ring, from the possible count (-errno when
 * unknown) and the online mask (NULL when unknown). Pure.
 */
enum ep_cpu_state ep_cpu_state(int cpu, int possible, const bool *online);

#endif
