// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* Dispatch tables: the table order is the command line's prefix-matching order. */
#include "cmd.h"
#include "out.h"
#include "util.h"

int cmd_select(const struct cmd *tbl, struct ctx *c, struct args *a, cmd_fn help,
	       const char *what)
{
	const char *word = args_peek(a);
	const struct cmd *e;

	for (e = tbl; e->name; e++) {
		if (word && !is_prefix(word, e->name))
			continue;
		if (word)
			args_next(a);
		c->verb = e->name;
		if (!e->fn) {
			p_err("'%s%s%s' is not supported by this build", what ? what : "",
			      what ? " " : "", e->name);
			return -1;
		}
		return e->fn(c, a);
	}
	if (what)
		p_err("unknown %s command '%s'", what, word);
	else
		p_err("unknown object '%s'", word);
	if (!g_out.json) {
		args_next(a);
		help(c, a);
	}
	return -1;
}
