/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* Dispatch tables: the table order is the command line's prefix-matching order. */
#ifndef CMD_H
#define CMD_H

#include <stdbool.h>

#include "args.h"

/* Global options, parsed once by main. */
struct opts {
	bool json;
	bool pretty;
	bool bpffs;		/* -f: show pinned paths */
	bool nomount;		/* -n: never mount bpffs */
	bool debug;		/* -d */
	const char *base_btf;	/* -B FILE */
};

/* What every command gets: the options, and state shared by the commands of one run. */
struct map_fd_cache;

struct ctx {
	struct opts opts;
	struct map_fd_cache *maps;	/* batch: map fds kept across commands; else NULL */
	const char *obj;	/* the object word as typed ("map", "m"), for usage texts */
	const char *verb;	/* the command cmd_select() chose, by its table name ("dump") */
};

typedef int (*cmd_fn)(struct ctx *c, struct args *a);

struct cmd {
	const char *name;
	cmd_fn fn;		/* NULL: a known command this build does not implement */
};

/*
 * upstream's cmd_select(): no word runs the first entry; otherwise the first entry the word
 * is a prefix of wins ("" matches the first). No match prints the help and fails.
 * `what` names the object for messages ("map"), or NULL at the top level.
 */
int cmd_select(const struct cmd *tbl, struct ctx *c, struct args *a, cmd_fn help,
	       const char *what);

#endif
