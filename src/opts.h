/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* Global options with GNU getopt_long's rules, hand-rolled (pure: no output, no exit). */
#ifndef OPTS_H
#define OPTS_H

#include <stddef.h>

#include "cmd.h"

enum opts_result {
	OPTS_RUN,	/* run the command in rest */
	OPTS_HELP,	/* -h/--help: print the main help, exit 0 */
	OPTS_VERSION,	/* -V/--version: print the version instead of the command */
	OPTS_ERROR,	/* err says what */
};

/*
 * Parses argv[1..] the way bpftool's getopt_long loop does: options anywhere (permuted out
 * of the way), "--" ends them, long options by unambiguous prefix, short ones clustered
 * ("-jp"), "-B FILE" / "-BFILE" / "--base-btf=FILE". The other words go to rest, in order,
 * with rest->argv[-1] == argv[0]: they are gathered at the front of argv itself (as getopt
 * permutes it), so that a one-key lookup allocates nothing.
 * JSON mode is taken from the whole line, so even an error after "-j" is JSON.
 */
/* What was wrong with the options: p_err(e.fmt, e.word) prints it whole, never cut. */
struct opts_error {
	const char *fmt;	/* with one %s */
	const char *word;	/* the option as given: in argv, or in opt */
	char opt[3];		/* "-x", one letter of a cluster */
};

enum opts_result opts_parse(int argc, char **argv, struct opts *o, struct args *rest,
			    struct opts_error *err);

#endif
