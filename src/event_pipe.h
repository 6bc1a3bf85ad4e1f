/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* map event_pipe: print what BPF programs send to a perf event array or a ring buffer. */
#ifndef EVENT_PIPE_H
#define EVENT_PIPE_H

#include "cmd.h"

int do_event_pipe(struct ctx *c, struct args *a);

#endif
