// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* bpftool-static: global options, the top-level object table, result -> exit status. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch.h"
#include "cmd.h"
#include "map_cmd.h"
#include "opts.h"
#include "errstr.h"
#include "out.h"
#include "prog_cmd.h"
#include "sys_bpf.h"
#include "util.h"

#ifndef BPFTOOL_VERSION
#define BPFTOOL_VERSION "0.0.0"
#endif

/* Exit statuses: a command's negative result modulo 256, as upstream's main() returns it. */
enum {
	EXIT_OK = 0,
	EXIT_FAIL = 255,	/* -1: usage and argument errors */
};

static const char main_help[] =
	"Usage: bpftool [OPTIONS] OBJECT { COMMAND | help }\n"
	"       bpftool batch file FILE\n"
	"       bpftool version\n"
	"\n"
	"       OBJECT := { prog | map }\n"
	"       OPTIONS := { {-j|--json} [{-p|--pretty}] | {-d|--debug} |\n"
	"                    {-V|--version} }\n";

static int do_help(struct ctx *c, struct args *a)
{
	(void)c;
	(void)a;
	if (g_out.json) {
		json_null(jw());
		return 0;
	}
	sink_flush(so());
	fputs(main_help, stderr);
	return 0;
}

/* Same three lines (and JSON keys) as upstream, naming this project instead of libbpf. */
static int do_version(struct ctx *c, struct args *a)
{
	(void)c;
	(void)a;
	if (g_out.json) {
		json_start_object(jw());
		json_kv_string(jw(), "version", BPFTOOL_VERSION);
		json_name(jw(), "libbpf_version");
		json_null(jw());
		json_kv_string(jw(), "implementation", "bpftool-static");
		json_name(jw(), "features");
		json_start_object(jw());
		json_kv_bool(jw(), "libbfd", false);
		json_kv_bool(jw(), "llvm", false);
		json_kv_bool(jw(), "crypto", false);
		json_kv_bool(jw(), "skeletons", false);
		json_kv_bool(jw(), "bootstrap", false);
		json_end_object(jw());
		json_end_object(jw());
		return 0;
	}
	sink_puts(so(), "bpftool v" BPFTOOL_VERSION " (bpftool-static: map, prog show, batch)\n"
			"using no libbpf: raw bpf(2) system calls, statically linked\n"
			"features:\n");
	return 0;
}

static int do_batch(struct ctx *c, struct args *a);

/* upstream's table, in its order, so every prefix selects what it selects upstream */
static const struct cmd top_cmds[] = {
	{ "help", do_help },
	{ "batch", do_batch },
	{ "prog", do_prog },
	{ "map", do_map },
	{ "link", NULL },
	{ "cgroup", NULL },
	{ "perf", NULL },
	{ "net", NULL },
	{ "feature", NULL },
	{ "btf", NULL },
	{ "gen", NULL },
	{ "struct_ops", NULL },
	{ "iter", NULL },
	{ "token", NULL },
	{ "version", do_version },
	{ NULL, NULL },
};

static int do_batch(struct ctx *c, struct args *a)
{
	return batch_run(c, a, top_cmds, do_help);
}

static int exit_status(int ret)
{
	int status = (int)((unsigned int)ret & 0xff);

	return ret && !status ? EXIT_FAIL : status;
}

int main(int argc, char **argv)
{
	struct ctx c = { 0 };
	struct args rest;
	struct opts_error err;
	int ret, status, werr;

	switch (opts_parse(argc, argv, &c.opts, &rest, &err)) {
	case OPTS_HELP:
		out_init(c.opts.json, c.opts.pretty);
		ret = do_help(&c, &rest);
		break;
	case OPTS_VERSION:
		out_init(c.opts.json, c.opts.pretty);
		ret = do_version(&c, &rest);
		break;
	case OPTS_ERROR:
		out_init(c.opts.json, c.opts.pretty);
		p_err(err.fmt, err.word);
		if (!g_out.json)
			do_help(&c, &rest);
		ret = -1;
		break;
	default:
		out_init(c.opts.json, c.opts.pretty);
		ret = cmd_select(top_cmds, &c, &rest, do_help, NULL);
		break;
	}
	out_hint(ret, bpf_syscall_missing);
	status = exit_status(ret);
	werr = out_finish();
	if (werr && werr != -EPIPE) {
		fprintf(stderr, "Error: can't write to standard output: %s\n", errstr(werr).s);
		if (!status)
			status = EXIT_FAIL;
	}
	return status;
}
