/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* The `map` object: its verb table and help. */
#ifndef MAP_CMD_H
#define MAP_CMD_H

#include "cmd.h"
#include "sink.h"

int do_map(struct ctx *c, struct args *a);
/* The help text, as `bpftool map help` prints it (obj = the word the user typed). */
void map_help_text(struct sink *s, const char *obj);
/*
 * upstream's usage() for a command whose words do not fit: the map help on stderr. First it
 * names the problem with the command's usage line ("Error: usage: bpftool map dump MAP"),
 * which in JSON mode is the document's error object (upstream prints a bare null there).
 */
int map_usage(struct ctx *c);
/* The map help alone on stderr (nothing in JSON mode), after an error already reported. */
int map_help_stderr(struct ctx *c);

#endif
