/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* The argument cursor every command reads its words through. */
#ifndef ARGS_H
#define ARGS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * argv[-1] is always readable: it is the word that selected the command, which upstream's
 * "'%s' needs at least %d arguments" message names.
 */
struct args {
	int argc;
	char **argv;
};

static inline const char *args_peek(const struct args *a)
{
	return a->argc > 0 ? a->argv[0] : NULL;
}

static inline bool args_empty(const struct args *a)
{
	return a->argc <= 0;
}

const char *args_next(struct args *a);
/* The current word is a prefix of kw (bpftool's keyword rule; "" matches). */
bool args_is_kw(const struct args *a, const char *kw);
/* Consumes the current word when args_is_kw(). */
bool args_take_kw(struct args *a, const char *kw);
/* upstream's REQ_ARGS: p_err() and -1 when fewer than n words remain. */
int args_need(const struct args *a, int n);
/* upstream's "what is '%s'?" for leftover words; 0 when none is left. */
int args_end(const struct args *a);

#endif
