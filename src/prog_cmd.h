/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* The `prog` object: `prog show` / `prog list` and help; the rest of prog is not built. */
#ifndef PROG_CMD_H
#define PROG_CMD_H

#include "cmd.h"

int do_prog(struct ctx *c, struct args *a);

#endif
