// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* The argument cursor every command reads its words through. */
#include "args.h"
#include "out.h"
#include "util.h"

const char *args_next(struct args *a)
{
	if (a->argc <= 0)
		return NULL;
	a->argc--;
	return *a->argv++;
}

bool args_is_kw(const struct args *a, const char *kw)
{
	return a->argc > 0 && is_prefix(a->argv[0], kw);
}

bool args_take_kw(struct args *a, const char *kw)
{
	if (!args_is_kw(a, kw))
		return false;
	args_next(a);
	return true;
}

int args_need(const struct args *a, int n)
{
	if (a->argc >= n)
		return 0;
	p_err("'%s' needs at least %d arguments, %d found", a->argv[-1], n, a->argc);
	return -1;
}

int args_end(const struct args *a)
{
	if (a->argc <= 0)
		return 0;
	p_err("what is '%s'?", a->argv[0]);
	return -1;
}
