// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* The built binary: help, version, unknown words, option errors; plain and JSON, exit status. */
#include <string.h>

#include "tlib.h"

static const char main_help[] =
	"Usage: bpftool [OPTIONS] OBJECT { COMMAND | help }\n"
	"       bpftool batch file FILE\n"
	"       bpftool version\n"
	"\n"
	"       OBJECT := { prog | map }\n"
	"       OPTIONS := { {-j|--json} [{-p|--pretty}] | {-d|--debug} |\n"
	"                    {-V|--version} }\n";

#define expect t_expect
#define expect_json t_expect_json

Test(cli, help_is_the_default)
{
	expect(t_runv((const char *[]){ NULL }), 0, "", main_help);
	expect(t_run("help"), 0, "", main_help);
	expect(t_run("h"), 0, "", main_help);
	expect(t_run("map -h dump"), 0, "", main_help);
	expect_json(t_run("-j help"), 0, "null\n");
	expect_json(t_run("-j -h"), 0, "null\n");
}

Test(cli, version)
{
	struct run r = t_run("version");

	cr_expect_eq(r.status, 0);
	cr_expect(!strncmp(r.out, "bpftool v", 9), "%s", r.out);
	cr_expect(strstr(r.out, "bpftool-static"), "version must name this project: %s", r.out);
	cr_expect(strstr(r.out, "\nusing "));
	cr_expect(strstr(r.out, "\nfeatures:"));
	t_run_free(&r);
	r = t_run("map dump -V");	/* -V replaces the command */
	cr_expect_eq(r.status, 0);
	cr_expect(!strncmp(r.out, "bpftool v", 9));
	t_run_free(&r);
	r = t_run("-j v");
	cr_expect_eq(r.status, 0);
	cr_expect(t_json_valid(r.out, r.out_len, NULL), "%s", r.out);
	cr_expect(strstr(r.out, "{\"version\":\""), "%s", r.out);
	cr_expect(strstr(r.out, "\"features\":{"), "%s", r.out);
	t_run_free(&r);
}

Test(cli, unknown_object)
{
	expect(t_run("frobnicate"), 255, "", NULL);
	expect_json(t_run("-j frobnicate"), 255, "{\"error\":\"unknown object 'frobnicate'\"}\n");
	expect_json(t_run("frobnicate -p"), 255,
		    "{\n    \"error\": \"unknown object 'frobnicate'\"\n}\n");
}

Test(cli, unknown_map_command)
{
	struct run r = t_run("map frobnicate");

	cr_expect_eq(r.status, 255);
	cr_expect_str_eq(r.out, "");
	cr_expect(!strncmp(r.err, "Error: unknown map command 'frobnicate'\nUsage: bpftool map ",
			   58), "%s", r.err);
	t_run_free(&r);
	expect_json(t_run("-j map frobnicate"), 255,
		    "{\"error\":\"unknown map command 'frobnicate'\"}\n");
}

Test(cli, unimplemented_objects_fail_clearly)
{
	expect(t_run("link show"), 255, "", "Error: 'link' is not supported by this build\n");
	expect(t_run("l"), 255, "", "Error: 'link' is not supported by this build\n");
	expect(t_run("bt"), 255, "", "Error: 'btf' is not supported by this build\n");
	expect_json(t_run("-j btf"), 255, "{\"error\":\"'btf' is not supported by this build\"}\n");
}

Test(cli, option_errors)
{
	struct run r = t_run("map show -x");

	cr_expect_eq(r.status, 255);
	cr_expect(!strncmp(r.err, "Error: unrecognized option '-x'\nUsage: bpftool [OPTIONS]", 55),
		  "%s", r.err);
	t_run_free(&r);
	expect_json(t_run("-j map show -x"), 255, "{\"error\":\"unrecognized option '-x'\"}\n");
	expect_json(t_run("-j --bogus\"quote"), 255,
		    "{\"error\":\"unrecognized option '--bogus\\\"quote'\"}\n");
}

Test(cli, map_help)
{
	struct run r = t_run("map help");

	cr_expect_eq(r.status, 0);
	cr_expect_str_eq(r.out, "");
	cr_expect(!strncmp(r.err, "Usage: bpftool map { show | list }   [MAP]\n", 43), "%s", r.err);
	cr_expect(strstr(r.err, "| cgrp_storage | arena }\n"), "%s", r.err);
	t_run_free(&r);
	r = t_run("m h extra words");	/* prefixes; help ignores what follows */
	cr_expect_eq(r.status, 0);
	cr_expect(!strncmp(r.err, "Usage: bpftool m { show | list }   [MAP]\n", 41), "%s", r.err);
	t_run_free(&r);
	expect_json(t_run("-j map help"), 0, "null\n");
}
