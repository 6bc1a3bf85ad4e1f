// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* `bpftool batch file`: argument errors, summary line, stop at failure, JSON wrapping. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tlib.h"

static char path[64];

static const char *batch_file(const char *text)
{
	FILE *f;

	snprintf(path, sizeof(path), "/tmp/bpftool-batch-%d", (int)getpid());
	f = fopen(path, "w");
	cr_assert(f);
	fputs(text, f);
	fclose(f);
	return path;
}

static void fini(void)
{
	if (path[0])
		unlink(path);
}

Test(batch_cli, argument_errors)
{
	struct run r = t_run("batch");

	cr_expect_eq(r.status, 255);
	cr_expect_str_eq(r.err, "Error: too few parameters for batch\n");
	t_run_free(&r);
	r = t_run("batch file a b");
	cr_expect_str_eq(r.err, "Error: too many parameters for batch\n");
	t_run_free(&r);
	r = t_run("batch fil3 x");
	cr_expect_str_eq(r.err, "Error: expected 'file', got: fil3\n");
	t_run_free(&r);
	r = t_run("-j batch f /no/such/file");
	cr_expect_eq(r.status, 255);
	cr_expect_str_eq(r.out, "{\"error\":\"Can't open file (/no/such/file): No such file or "
				"directory\"}\n");
	t_run_free(&r);
}

Test(batch_cli, runs_lines_and_counts, .fini = fini)
{
	const char *f = batch_file("# setup\nversion # v\n\n  \nmap \\\nhelp\n'version'\n");
	struct run r = t_run("batch file %s", f);

	cr_expect_eq(r.status, 0, "%s", r.err);
	cr_expect(strstr(r.out, "processed 3 commands\n"), "%s", r.out);
	cr_expect(!strncmp(r.err, "Usage: bpftool map", 18), "%s", r.err);
	t_run_free(&r);
}

Test(batch_cli, json_wraps_each_command, .fini = fini)
{
	const char *f = batch_file("map help\nmap frob\nversion\n");
	struct run r = t_run("-j batch file %s", f);

	cr_expect_eq(r.status, 255);
	cr_expect(t_json_valid(r.out, r.out_len, NULL), "%s", r.out);
	cr_expect_str_eq(r.out, "[{\"command\":[\"map\",\"help\"],\"output\":null},"
				"{\"command\":[\"map\",\"frob\"],\"output\":{\"error\":\"unknown map "
				"command 'frob'\"}}]\n");
	cr_expect_str_eq(r.err, "");
	t_run_free(&r);
}

Test(batch_cli, stops_at_first_failure, .fini = fini)
{
	const char *f = batch_file("version\n\nmap frob\nversion\n");
	struct run r = t_run("batch file %s", f);

	cr_expect_eq(r.status, 255);
	cr_expect(!strstr(r.out, "processed"), "%s", r.out);
	/* one version ran, the second did not */
	cr_expect(strstr(r.out, "bpftool v") && !strstr(strstr(r.out, "bpftool v") + 1, "bpftool v"));
	cr_expect(strstr(r.err, "Error: batch stopped at command 1 (line 3), which failed\n"),
		  "%s", r.err);
	t_run_free(&r);
}

Test(batch_cli, line_errors, .fini = fini)
{
	struct run r = t_run("batch file %s", batch_file("version\nmap 'x\n"));

	cr_expect_eq(r.status, 255);
	cr_expect_str_eq(r.err, "Error: unterminated quoted string in command 1\n");
	t_run_free(&r);
	r = t_run("batch file %s", batch_file("version \\\n"));
	cr_expect_str_eq(r.err, "Error: missing continuation line on command 0\n");
	t_run_free(&r);
	r = t_run("-p batch file %s", batch_file("version\nmap 'x\n"));
	cr_expect(t_json_valid(r.out, r.out_len, NULL), "%s", r.out);
	t_run_free(&r);
}

Test(batch_cli, options_inside_a_line_are_words, .fini = fini)
{
	struct run r = t_run("-j batch file %s", batch_file("-j version\n"));

	cr_expect_eq(r.status, 255);
	cr_expect_str_eq(r.out, "[{\"command\":[\"-j\",\"version\"],\"output\":{\"error\":"
				"\"unknown object '-j'\"}}]\n");
	t_run_free(&r);
}
