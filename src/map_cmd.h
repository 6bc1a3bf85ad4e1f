/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* The `map` object: its verb table and help. */
#ifndef MAP_CMD_H
#define MAP_CMD_H

#include "cmd.h"
#include "sink.h"

int do_map(struct ctx *c, struct args *a);
/* The help text, as `bpftool map help` prints it (obj = the word the user typed). */
void map_help_text(struct sink *s, const char *obj);

#endif
