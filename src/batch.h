/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* `bpftool batch file FILE`: many commands in one process, with upstream's line rules. */
#ifndef BATCH_H
#define BATCH_H

#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>

#include "cmd.h"

#define BATCH_LINE_MAX 65536	/* upstream's BATCH_LINE_LEN_MAX */
#define BATCH_ARGS_MAX 4096	/* upstream's BATCH_ARG_NB_MAX */

/* Why a line could not be split. */
enum batch_split_err {
	BATCH_SPLIT_QUOTE = -1,		/* unterminated quoted string */
	BATCH_SPLIT_TOO_MANY = -2,	/* more than BATCH_ARGS_MAX - 1 words */
};

/*
 * Splits one (comment-stripped, joined) line in place, as upstream's make_args(): words
 * separated by space, tab, CR, LF; a word starting with ' or " runs to the next same quote
 * (no escapes). Returns the word count (0 for an empty line) or a batch_split_err; argv is
 * NULL-terminated. Pure.
 */
int batch_split(char *line, char **argv, int max);

/* Where physical lines come from: a file read as it comes (stdin too), or memory. */
struct batch_src {
	/* one physical line with its '\n' into *line; 0 at the end, -errno on error */
	ssize_t (*read)(struct batch_src *src, const char **line);
	unsigned int lineno;	/* physical lines read so far */
	const char *text;	/* memory source */
	size_t len, pos;
	FILE *f;		/* file source */
	char *buf;
	size_t cap;
};

void batch_src_mem(struct batch_src *src, const char *text, size_t len);

/*
 * Reads the next command: strips what follows '#', joins a line ending in backslash-newline
 * with the next (comment-stripped) one. Returns the line (NUL-terminated, in buf, which has
 * BATCH_LINE_MAX bytes) or NULL at the end with *err 0; -E2BIG in *err for a command over
 * BATCH_LINE_MAX, -EINVAL for a continuation at the end of the input, the read's -errno
 * (or -EIO) on a read error.
 */
char *batch_next_line(struct batch_src *src, char *buf, int *err);

/* The command: top-level words are dispatched through `top`. */
int batch_run(struct ctx *c, struct args *a, const struct cmd *top, cmd_fn help);

#endif
