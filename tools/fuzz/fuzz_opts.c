// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The argument lexer and dispatch: argv from the fuzzer through opts_parse() and
 * cmd_select() over tables with the real command words (the commands are stubs: the fuzzer
 * must never reach the kernel or the file system).
 */
#include "cmd.h"
#include "fuzz_common.h"
#include "opts.h"
#include "out.h"

static int stub(struct ctx *c, struct args *a)
{
	(void)c;
	/* walk the words the way commands do */
	while (!args_empty(a)) {
		args_is_kw(a, "key");
		args_need(a, 2);
		args_next(a);
	}
	return 0;
}

static const struct cmd map_tbl[] = {
	{ "show", stub }, { "list", stub }, { "help", stub }, { "dump", stub },
	{ "update", stub }, { "lookup", stub }, { "getnext", stub }, { "delete", stub },
	{ "pin", stub }, { "event_pipe", stub }, { "create", stub }, { "peek", stub },
	{ "push", stub }, { "enqueue", stub }, { "pop", stub }, { "dequeue", stub },
	{ "freeze", NULL }, { NULL, NULL },
};

static int map(struct ctx *c, struct args *a)
{
	return cmd_select(map_tbl, c, a, stub, "map");
}

static const struct cmd top_tbl[] = {
	{ "help", stub }, { "batch", stub }, { "prog", NULL }, { "map", map },
	{ "version", stub }, { NULL, NULL },
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *argv[FUZZ_MAX_WORDS + 1], *buf;
	struct opts_error err;
	struct ctx c = { 0 };
	struct args rest;
	int argc;

	argc = fuzz_words(data, size, &buf, argv);
	if (opts_parse(argc, argv, &c.opts, &rest, &err) == OPTS_RUN) {
		out_init(c.opts.json, c.opts.pretty);
		cmd_select(top_tbl, &c, &rest, stub, NULL);
		g_out.so.len = 0;	/* drop output instead of writing it */
		out_finish();
	}
	free(buf);
	return 0;
}
