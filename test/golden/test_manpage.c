// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * man/bpftool-map.8 and `bpftool map help` say the same: the COMMANDS section's usage lines
 * and grammar (parsed from the mdoc source, no mandoc needed) against the help's, token by
 * token, brackets included; and every command there is described under DESCRIPTION.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tlib.h"

#define PAGE "man/bpftool-map.8"
#define MAXTOK 256
#define MAXLINES 64

/* A line as tokens: words and the brackets [ ] { } and | on their own. */
struct toks {
	char *t[MAXTOK];
	int n;
};

struct doc {
	struct toks line[MAXLINES];
	int n;
};

static void push(struct toks *l, const char *s, size_t len)
{
	cr_assert_lt(l->n, MAXTOK);
	l->t[l->n++] = strndup(s, len);
}

/* Splits a word at the bracket characters; drops the help's line-continuation "\". */
static void add_word(struct toks *l, const char *w)
{
	size_t i = 0, start = 0;

	if (!strcmp(w, "\\"))
		return;
	for (; w[i]; i++) {
		if (!strchr("[]{}|", w[i]))
			continue;
		if (i > start)
			push(l, w + start, i - start);
		push(l, w + i, 1);
		start = i + 1;
	}
	if (i > start)
		push(l, w + start, i - start);
}

static void add_words(struct toks *l, const char *text)
{
	char *copy = strdup(text), *save = NULL, *w;

	for (w = strtok_r(copy, " \t\n", &save); w; w = strtok_r(NULL, " \t\n", &save))
		add_word(l, w);
	free(copy);
}

static char *join(const struct toks *l)
{
	size_t len = 1;
	char *s;
	int i;

	for (i = 0; i < l->n; i++)
		len += strlen(l->t[i]) + 1;
	s = calloc(1, len);
	for (i = 0; i < l->n; i++) {
		if (i)
			strcat(s, " ");
		strcat(s, l->t[i]);
	}
	return s;
}

static void free_doc(struct doc *d)
{
	int i, j;

	for (i = 0; i < d->n; i++)
		for (j = 0; j < d->line[i].n; j++)
			free(d->line[i].t[j]);
	d->n = 0;
}

/* roff escapes used in the page's synopsis: \e is a backslash, \& is nothing */
static void unescape(char *w)
{
	char *o = w;

	for (; *w; w++) {
		if (w[0] == '\\' && w[1] == 'e') {
			*o++ = '\\';
			w++;
		} else if (w[0] == '\\' && w[1] == '&') {
			w++;
		} else {
			*o++ = *w;
		}
	}
	*o = 0;
}

/*
 * One mdoc line as the words a reader sees: font macros vanish, Fl puts a dash before its
 * word, Oo/Oc and Bro/Brc are [ ] and { }, Op and Brq enclose the rest of the line.
 */
static void add_mdoc(struct toks *l, const char *line)
{
	static const char *const fonts[] = { "Sy", "Cm", "Ar", "Li", "No", "Ns", "Pa", "Nm" };
	char *copy = strdup(line), *save = NULL, *w, closers[16];
	int nclose = 0, dash = 0;
	size_t i;

	cr_assert(!strchr(line, '"'), "quoted macro arguments are not parsed: %s", line);
	if (*copy != '.') {
		add_words(l, copy);
		free(copy);
		return;
	}
	for (w = strtok_r(copy + 1, " \t", &save); w; w = strtok_r(NULL, " \t", &save)) {
		int font = 0;

		for (i = 0; i < sizeof(fonts) / sizeof(fonts[0]); i++)
			font |= !strcmp(w, fonts[i]);
		if (font)
			continue;
		if (!strcmp(w, "Fl")) {
			dash = 1;
		} else if (!strcmp(w, "Oo") || !strcmp(w, "Op")) {
			add_word(l, "[");
			if (w[1] == 'p')
				closers[nclose++] = ']';
		} else if (!strcmp(w, "Oc")) {
			add_word(l, "]");
		} else if (!strcmp(w, "Bro") || !strcmp(w, "Brq")) {
			add_word(l, "{");
			if (w[2] == 'q')
				closers[nclose++] = '}';
		} else if (!strcmp(w, "Brc")) {
			add_word(l, "}");
		} else {
			char buf[256];

			unescape(w);
			snprintf(buf, sizeof(buf), "%s%s", dash ? "-" : "", w);
			dash = 0;
			add_word(l, buf);
		}
		cr_assert_lt(nclose, 16);
	}
	while (nclose > 0) {
		char c[2] = { closers[--nclose], 0 };

		add_word(l, c);
	}
	free(copy);
}

/* The arguments of an .It line are macro words too: ".It Ar MAP" */
static void add_it(struct toks *l, const char *it)
{
	char buf[1024];

	snprintf(buf, sizeof(buf), ".%s", it + 3 + strspn(it + 3, " "));
	add_mdoc(l, buf);
}

/* Reads the page; returns the lines of section `sh` (without the .Sh line). */
static char **section(const char *sh, int *count)
{
	static char buf[1 << 17];
	char **lines = calloc(2048, sizeof(char *)), *save = NULL, *l, want[64];
	FILE *f = fopen(PAGE, "r");
	size_t len;
	int in = 0, n = 0;

	cr_assert(f, "open %s (tests run from the top directory)", PAGE);
	len = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[len] = 0;
	snprintf(want, sizeof(want), ".Sh %s", sh);
	for (l = strtok_r(buf, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
		if (!strncmp(l, ".Sh ", 4)) {
			in = !strcmp(l, want);
			continue;
		}
		if (in && strncmp(l, ".\\\"", 3) && n < 2047)
			lines[n++] = l;
	}
	cr_assert_gt(n, 0, "no section %s in %s", sh, PAGE);
	*count = n;
	return lines;
}

/* COMMANDS: the .It lines of the -item list, then the := definitions of the -tag list. */
static void parse_page(struct doc *cmds, struct doc *grammar)
{
	int n, i, list = 0;
	char **l = section("COMMANDS", &n);
	struct toks *cur = NULL;

	for (i = 0; i < n; i++) {
		if (!strncmp(l[i], ".Bl -item", 9)) {
			list = 1;
		} else if (!strncmp(l[i], ".Bl -tag", 8)) {
			list = 2;
		} else if (!strcmp(l[i], ".El") || !strcmp(l[i], ".Pp")) {
			cur = NULL;
		} else if (!strncmp(l[i], ".It", 3)) {
			struct doc *d = list == 1 ? cmds : grammar;

			cr_assert(list, "%s: .It outside a list", PAGE);
			cr_assert_lt(d->n, MAXLINES);
			cur = &d->line[d->n++];
			cur->n = 0;
			if (l[i][3])
				add_it(cur, l[i]);	/* ".It Ar MAP": the defined name */
		} else if (cur) {
			add_mdoc(cur, l[i]);
		}
	}
	free(l);
}

/* `map help`: usage lines (joined at a trailing "\"), a blank line, then NAME := lines. */
static void parse_help(const char *help, struct doc *cmds, struct doc *grammar)
{
	char *copy = strdup(help), *save = NULL, *l;
	int blank = 0, cont = 0;

	for (l = strtok_r(copy, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
		struct doc *d = blank ? grammar : cmds;
		size_t len = strlen(l);

		if (!strncmp(l, "Usage:", 6))
			l += 6;
		if (!blank && d->n && !strstr(l, "bpftool") && !cont)
			blank = 1, d = grammar;	/* strtok_r ate the empty line */
		if (!cont && (!blank || strstr(l, " := "))) {
			cr_assert_lt(d->n, MAXLINES);
			d->line[d->n++].n = 0;
		}
		add_words(&d->line[d->n - 1], l);
		cont = len && l[strlen(l) - 1] == '\\';
	}
	free(copy);
}

/* NULL when equal, else a message naming the first difference. */
static char *compare(const char *what, const struct doc *page, const struct doc *help)
{
	char *msg = NULL;
	int i;

	for (i = 0; i < page->n || i < help->n; i++) {
		char *a = i < page->n ? join(&page->line[i]) : strdup("(nothing)");
		char *b = i < help->n ? join(&help->line[i]) : strdup("(nothing)");
		int same = !strcmp(a, b);

		if (!same)
			cr_assert(asprintf(&msg, "%s line %d:\n  man page:   %s\n  map help:   %s",
					   what, i + 1, a, b) > 0);
		free(a);
		free(b);
		if (!same)
			return msg;
	}
	return NULL;
}

static char *map_help(void)
{
	struct run r = t_run("map help");
	char *s;

	cr_assert_eq(r.status, 0);
	s = strdup(r.err);
	t_run_free(&r);
	return s;
}

static char *check(const char *help)
{
	struct doc pc = { 0 }, pg = { 0 }, hc = { 0 }, hg = { 0 };
	char *msg;

	parse_page(&pc, &pg);
	parse_help(help, &hc, &hg);
	cr_assert_gt(pc.n, 10);
	cr_assert_gt(pg.n, 4);
	msg = compare("usage", &pc, &hc);
	if (!msg)
		msg = compare("grammar", &pg, &hg);
	free_doc(&pc);
	free_doc(&pg);
	free_doc(&hc);
	free_doc(&hg);
	return msg;
}

Test(manpage, commands_section_is_map_help)
{
	char *help = map_help(), *msg = check(help);

	cr_expect(!msg, "%s and `bpftool map help` disagree, %s", PAGE, msg);
	free(msg);
	free(help);
}

/* The comparison is strict: a command, a bracket or a type more on one side is caught. */
Test(manpage, the_comparison_catches_differences)
{
	static const struct {
		const char *from, *to;
	} edits[] = {
		{ "       bpftool map help\n", "       bpftool map help\n       bpftool map frob MAP\n" },
		{ "       bpftool map freeze     MAP\n", "" },
		{ "lookup     MAP [key DATA]", "lookup     MAP key DATA" },
		{ "pin        MAP  FILE", "pin        MAP  FILE [extra]" },
		{ "| arena }", "| arena | rhash }" },
		{ "UPDATE_FLAGS := { any | exist | noexist }", "UPDATE_FLAGS := { any | exist }" },
	};
	char *help = map_help();
	size_t i;

	for (i = 0; i < sizeof(edits) / sizeof(edits[0]); i++) {
		const char *at = strstr(help, edits[i].from);
		char *edited, *msg;

		cr_assert(at, "help has no '%s'", edits[i].from);
		cr_assert(asprintf(&edited, "%.*s%s%s", (int)(at - help), help, edits[i].to,
				   at + strlen(edits[i].from)) > 0);
		msg = check(edited);
		cr_expect(msg, "edit %zu ('%s' -> '%s') went unnoticed", i, edits[i].from,
			  edits[i].to);
		free(msg);
		free(edited);
	}
	free(help);
}

/* the command words of a usage line: "bpftool map { show | list } ..." gives show, list */
static void command_words(const struct toks *l, char *out, size_t size)
{
	int i = 2;

	if (l->n > 2 && !strcmp(l->t[2], "{")) {
		for (i = 3; i < l->n && strcmp(l->t[i], "}"); i++)
			if (strcmp(l->t[i], "|"))
				snprintf(out + strlen(out), size - strlen(out), "%s ", l->t[i]);
		return;
	}
	if (l->n > 2)
		snprintf(out + strlen(out), size - strlen(out), "%s ", l->t[2]);
}

Test(manpage, every_command_is_described)
{
	struct doc pc = { 0 }, pg = { 0 }, desc = { 0 };
	char listed[512] = "", described[512] = "";
	char **l;
	int n, i;

	parse_page(&pc, &pg);
	for (i = 0; i < pc.n; i++)
		command_words(&pc.line[i], listed, sizeof(listed));
	l = section("DESCRIPTION", &n);
	for (i = 0; i < n; i++) {
		if (strncmp(l[i], ".It Sy bpftool Cm map ", 22))
			continue;
		cr_assert_lt(desc.n, MAXLINES);
		desc.line[desc.n].n = 0;
		add_it(&desc.line[desc.n], l[i]);
		command_words(&desc.line[desc.n++], described, sizeof(described));
	}
	free(l);
	cr_expect_str_eq(described, listed);
	free_doc(&pc);
	free_doc(&pg);
	free_doc(&desc);
}
