// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* Global options with GNU getopt_long's rules, hand-rolled (pure: no output, no exit). */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "opts.h"
#include "util.h"

struct optdef {
	const char *name;
	char flag;
	bool has_arg;
};

/* upstream's long options, in its table order; -m and -L are accepted and do nothing here */
static const struct optdef optdefs[] = {
	{ "help", 'h', false },
	{ "pretty", 'p', false },
	{ "version", 'V', false },
	{ "bpffs", 'f', false },
	{ "json", 'j', false },
	{ "debug", 'd', false },
	{ "mapcompat", 'm', false },
	{ "nomount", 'n', false },
	{ "use-loader", 'L', false },
	{ "base-btf", 'B', true },
};

static const struct optdef *find_short(char c)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(optdefs); i++)
		if (optdefs[i].flag == c)
			return &optdefs[i];
	return NULL;
}

/* Exact name, else the one option the text is a prefix of; NULL when none or ambiguous. */
static const struct optdef *find_long(const char *text, size_t len, bool *ambiguous)
{
	const struct optdef *hit = NULL;
	size_t i;

	*ambiguous = false;
	for (i = 0; i < ARRAY_SIZE(optdefs); i++) {
		if (strncmp(optdefs[i].name, text, len))
			continue;
		if (strlen(optdefs[i].name) == len)
			return &optdefs[i];
		if (hit)
			*ambiguous = true;
		hit = &optdefs[i];
	}
	return *ambiguous ? NULL : hit;
}

struct parse {
	struct opts *o;
	bool help, version;
	bool failed;
	struct opts_error *err;
};

/* The first problem on the line is the one reported, as getopt would; what is kept whole. */
static void fail(struct parse *p, const char *fmt, const char *what)
{
	if (p->failed || p->help)
		return;
	p->failed = true;
	p->err->fmt = fmt;
	p->err->word = what;
}

/* The same for one letter of a cluster ("-x" of "-jx"). */
static void fail_short(struct parse *p, const char *fmt, char letter)
{
	p->err->opt[0] = '-';
	p->err->opt[1] = letter;
	p->err->opt[2] = 0;
	fail(p, fmt, p->err->opt);
}

static void apply(struct parse *p, char flag, const char *arg)
{
	switch (flag) {
	case 'h':
		if (!p->failed)
			p->help = true;
		break;
	case 'V': p->version = true; break;
	case 'p': p->o->pretty = true; p->o->json = true; break;
	case 'j': p->o->json = true; break;
	case 'f': p->o->bpffs = true; break;
	case 'd': p->o->debug = true; break;
	case 'n': p->o->nomount = true; break;
	case 'B': p->o->base_btf = arg; break;
	default: break;	/* -m, -L: no effect on map commands */
	}
}

/* "--name", "--name=value", "--name value"; returns how many extra argv words it used. */
static int parse_long(struct parse *p, char *arg, char *next)
{
	char *name = arg + 2, *eq = strchr(name, '=');
	size_t len = eq ? (size_t)(eq - name) : strlen(name);
	const struct optdef *d;
	bool ambiguous;

	d = find_long(name, len, &ambiguous);
	if (!d) {
		fail(p, ambiguous ? "option '%s' is ambiguous" : "unrecognized option '%s'", arg);
		return 0;
	}
	if (!d->has_arg) {
		if (eq)
			fail(p, "option '%s' doesn't allow an argument", arg);
		else
			apply(p, d->flag, NULL);
		return 0;
	}
	if (eq) {
		apply(p, d->flag, eq + 1);
		return 0;
	}
	if (!next) {
		fail(p, "option '%s' requires an argument", arg);
		return 0;
	}
	apply(p, d->flag, next);
	return 1;
}

/* "-jp", "-Bfile", "-B file"; returns how many extra argv words it used. */
static int parse_short(struct parse *p, char *arg, char *next)
{
	char *c;

	for (c = arg + 1; *c; c++) {
		const struct optdef *d = find_short(*c);

		if (!d) {
			fail_short(p, "unrecognized option '%s'", *c);
			continue;
		}
		if (!d->has_arg) {
			apply(p, d->flag, NULL);
			continue;
		}
		if (c[1]) {
			apply(p, d->flag, c + 1);
			return 0;
		}
		if (!next) {
			fail_short(p, "option '%s' requires an argument", *c);
			return 0;
		}
		apply(p, d->flag, next);
		return 1;
	}
	return 0;
}

enum opts_result opts_parse(int argc, char **argv, struct opts *o, struct args *rest,
			    struct opts_error *err)
{
	static char *const no_args[] = { (char *)"bpftool", NULL };
	struct parse p = { .o = o, .err = err };
	int i, n = 1;
	bool only_words = false;

	if (argc < 1) {		/* exec'd with an empty argv: no words, no options */
		rest->argv = (char **)no_args + 1;
		rest->argc = 0;
		return OPTS_RUN;
	}

	/* the words move to the front of argv: word n never lands past argument i, read first */
	for (i = 1; i < argc; i++) {
		char *arg = argv[i], *next = i + 1 < argc ? argv[i + 1] : NULL;

		if (only_words || arg[0] != '-' || !arg[1])
			argv[n++] = arg;
		else if (!strcmp(arg, "--"))
			only_words = true;
		else if (arg[1] == '-')
			i += parse_long(&p, arg, next);
		else
			i += parse_short(&p, arg, next);
	}
	argv[n] = NULL;
	rest->argv = argv + 1;
	rest->argc = n - 1;
	if (p.help)
		return OPTS_HELP;
	if (p.failed)
		return OPTS_ERROR;
	return p.version ? OPTS_VERSION : OPTS_RUN;
}
