// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* The lexer: getopt_long's rules for global options, and bpftool's prefix dispatch. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "opts.h"
#include "out.h"
#include "tlib.h"

struct parsed {
	enum opts_result r;
	struct opts o;
	struct args rest;
	struct opts_error e;
	char err[128];
};

static struct parsed parse(const char *line)
{
	static char copy[512];
	static char *argv[64];
	struct parsed p;
	int argc = 0;
	char *w;

	memset(&p, 0, sizeof(p));
	strcpy(copy, line);
	argv[argc++] = (char *)"bpftool";
	for (w = strtok(copy, " "); w; w = strtok(NULL, " "))
		argv[argc++] = strcmp(w, "''") ? w : (char *)"";
	argv[argc] = NULL;
	p.r = opts_parse(argc, argv, &p.o, &p.rest, &p.e);
	if (p.r == OPTS_ERROR)
		snprintf(p.err, sizeof(p.err), p.e.fmt, p.e.word);
	return p;
}

static void words_are(struct parsed *p, const char *want)
{
	char got[512] = "";
	int i;

	for (i = 0; i < p->rest.argc; i++) {
		if (i)
			strcat(got, " ");
		strcat(got, p->rest.argv[i]);
	}
	cr_assert_str_eq(got, want);
	cr_assert_str_eq(p->rest.argv[-1], "bpftool");
}

Test(opts, options_anywhere)
{
	struct parsed p = parse("map show id 5 -j");

	cr_assert_eq(p.r, OPTS_RUN);
	cr_assert(p.o.json && !p.o.pretty);
	words_are(&p, "map show id 5");
	p = parse("map -p show");
	cr_assert(p.o.json && p.o.pretty);
	words_are(&p, "map show");
}

Test(opts, clusters_and_long_prefixes)
{
	struct parsed p = parse("-jpf --nom --deb map");

	cr_assert_eq(p.r, OPTS_RUN);
	cr_assert(p.o.json && p.o.pretty && p.o.bpffs && p.o.nomount && p.o.debug);
	words_are(&p, "map");
	p = parse("--js --pre --bpf map");
	cr_assert(p.o.json && p.o.pretty && p.o.bpffs);
	words_are(&p, "map");
	p = parse("-m -L --mapcompat map");
	cr_assert_eq(p.r, OPTS_RUN);
	words_are(&p, "map");
}

Test(opts, double_dash_ends_options)
{
	struct parsed p = parse("-j map update id 1 key -- -1 -j 0 0");

	cr_assert_eq(p.r, OPTS_RUN);
	words_are(&p, "map update id 1 key -1 -j 0 0");
	p = parse("map - x");
	words_are(&p, "map - x");
}

Test(opts, base_btf_argument_forms)
{
	struct parsed p = parse("-B /a map");

	cr_assert_str_eq(p.o.base_btf, "/a");
	words_are(&p, "map");
	p = parse("-B/b map");
	cr_assert_str_eq(p.o.base_btf, "/b");
	words_are(&p, "map");
	p = parse("--base-btf=/c map");
	cr_assert_str_eq(p.o.base_btf, "/c");
	words_are(&p, "map");
	p = parse("--base /d map");
	cr_assert_str_eq(p.o.base_btf, "/d");
	words_are(&p, "map");
	p = parse("map -B");
	cr_assert_eq(p.r, OPTS_ERROR);
	cr_assert_str_eq(p.err, "option '-B' requires an argument");
}

Test(opts, errors)
{
	struct parsed p = parse("map -x");

	cr_assert_eq(p.r, OPTS_ERROR);
	cr_assert_str_eq(p.err, "unrecognized option '-x'");
	p = parse("map show -1");
	cr_assert_str_eq(p.err, "unrecognized option '-1'");
	p = parse("--bogus map");
	cr_assert_str_eq(p.err, "unrecognized option '--bogus'");
	p = parse("--b map");	/* bpffs or base-btf */
	cr_assert_str_eq(p.err, "option '--b' is ambiguous");
	p = parse("--json=1 map");
	cr_assert_str_eq(p.err, "option '--json=1' doesn't allow an argument");
	cr_assert(!p.o.json);
	p = parse("-x -j");	/* JSON mode comes from the whole line */
	cr_assert_eq(p.r, OPTS_ERROR);
	cr_assert(p.o.json);
}

Test(opts, help_and_version)
{
	struct parsed p = parse("map dump -V");

	cr_assert_eq(p.r, OPTS_VERSION);
	p = parse("map -h dump");
	cr_assert_eq(p.r, OPTS_HELP);
	p = parse("-h -x");	/* help came first, as getopt would see it */
	cr_assert_eq(p.r, OPTS_HELP);
	p = parse("-x -h");
	cr_assert_eq(p.r, OPTS_ERROR);
}

/* ---- dispatch ---- */

static const char *ran;

static int f_show(struct ctx *c, struct args *a) { (void)c; (void)a; ran = "show"; return 0; }
static int f_list(struct ctx *c, struct args *a) { (void)c; (void)a; ran = "list"; return 0; }
static int f_delete(struct ctx *c, struct args *a) { (void)c; (void)a; ran = "delete"; return 0; }
static int f_dump(struct ctx *c, struct args *a) { (void)c; (void)a; ran = "dump"; return 0; }
static int f_dequeue(struct ctx *c, struct args *a) { (void)c; (void)a; ran = "dequeue"; return 0; }
static int f_help(struct ctx *c, struct args *a) { (void)c; (void)a; ran = "help"; return 0; }

static const struct cmd tbl[] = {
	{ "show", f_show },	{ "list", f_list },	  { "help", f_help },
	{ "dump", f_dump },	{ "delete", f_delete },	  { "pin", NULL },
	{ "dequeue", f_dequeue }, { NULL, NULL },
};

static int select_word(const char *word)
{
	char *argv[] = { (char *)"map", (char *)word, NULL };
	struct args a = { word ? 1 : 0, argv + 1 };
	struct ctx c = { 0 };

	ran = "";
	return cmd_select(tbl, &c, &a, f_help, "map");
}

Test(opts, dispatch_first_prefix_in_table_order, .init = NULL)
{
	out_init(false, false);
	cr_assert_eq(select_word("s"), 0);
	cr_assert_str_eq(ran, "show");
	cr_assert_eq(select_word(""), 0);	/* the empty word matches the first entry */
	cr_assert_str_eq(ran, "show");
	cr_assert_eq(select_word(NULL), 0);	/* no word runs the default */
	cr_assert_str_eq(ran, "show");
	select_word("d");
	cr_assert_str_eq(ran, "dump");
	select_word("de");
	cr_assert_str_eq(ran, "delete");
	select_word("deq");
	cr_assert_str_eq(ran, "dequeue");
	select_word("l");
	cr_assert_str_eq(ran, "list");
	cr_assert_eq(select_word("p"), -1);	/* known, not built */
	cr_assert_eq(select_word("shown"), -1);	/* no match: help, failure */
	cr_assert_str_eq(ran, "help");
	cr_assert_eq(select_word("Show"), -1);	/* case matters */
}
