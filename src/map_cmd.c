// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* The `map` object: its verb table (upstream's order is the prefix-matching order) and help. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "event_pipe.h"
#include "map_cmd.h"
#include "map_elem.h"
#include "map_obj.h"
#include "map_show.h"
#include "out.h"
#include "util.h"

/* One line per command, in the help's order; continuation lines carry their own indent. */
static const char *const map_usages[] = {
	"{ show | list }   [MAP]",
	"create     FILE type TYPE key KEY_SIZE value VALUE_SIZE \\\n"
	"                                  entries MAX_ENTRIES name NAME [flags FLAGS] \\\n"
	"                                  [inner_map MAP] [offload_dev NAME] [map_extra N]",
	"dump       MAP",
	"update     MAP [key DATA] [value VALUE] [UPDATE_FLAGS]",
	"lookup     MAP [key DATA]",
	"getnext    MAP [key DATA]",
	"delete     MAP  key DATA",
	"pin        MAP  FILE",
	"event_pipe MAP [cpu N index M]",
	"peek       MAP",
	"push       MAP value VALUE",
	"pop        MAP",
	"enqueue    MAP value VALUE",
	"dequeue    MAP",
	"freeze     MAP",
	"help",
};

static const char map_grammar[] =
	"       MAP := { id MAP_ID | pinned FILE | name MAP_NAME }\n"
	"       DATA := { [hex] BYTES }\n"
	"       PROG := { id PROG_ID | pinned FILE | tag PROG_TAG | name PROG_NAME }\n"
	"       VALUE := { DATA | MAP | PROG }\n"
	"       UPDATE_FLAGS := { any | exist | noexist }\n"
	"       TYPE := { hash | array | prog_array | perf_event_array | percpu_hash |\n"
	"                 percpu_array | stack_trace | cgroup_array | lru_hash |\n"
	"                 lru_percpu_hash | lpm_trie | array_of_maps | hash_of_maps |\n"
	"                 devmap | devmap_hash | sockmap | cpumap | xskmap | sockhash |\n"
	"                 cgroup_storage | reuseport_sockarray | percpu_cgroup_storage |\n"
	"                 queue | stack | sk_storage | struct_ops | ringbuf | inode_storage |\n"
	"                 task_storage | bloom_filter | user_ringbuf | cgrp_storage | arena }\n"
	"       OPTIONS := { {-j|--json} [{-p|--pretty}] | {-d|--debug} |\n"
	"                    {-f|--bpffs} | {-n|--nomount} }\n";

void map_help_text(struct sink *s, const char *obj)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(map_usages); i++)
		sink_printf(s, "%s bpftool %s %s\n", i ? "      " : "Usage:", obj, map_usages[i]);
	sink_printf(s, "\n%s", map_grammar);
}

/* The usage line of one command, on one line: "dump MAP", "create FILE type TYPE ...". */
static void usage_line(const char *verb, char *out, size_t size)
{
	size_t i, n = 0, len = strlen(verb);
	const char *s;

	out[0] = 0;
	for (i = 0; i < ARRAY_SIZE(map_usages); i++) {
		s = map_usages[i];
		if (!strncmp(s, verb, len) && s[len] == ' ')
			break;
	}
	if (i == ARRAY_SIZE(map_usages))
		return;
	/* runs of blanks, and the backslash-newline of continued lines, become one space */
	for (; *s && n + 2 < size; s++) {
		bool blank = *s == ' ' || *s == '\\' || *s == '\n';

		if (blank && (!n || out[n - 1] == ' '))
			continue;
		out[n++] = blank ? ' ' : *s;
	}
	while (n && out[n - 1] == ' ')
		n--;
	out[n] = 0;
}

int map_help_stderr(struct ctx *c)
{
	struct sink s;

	if (g_out.json)
		return -1;
	sink_init_mem(&s);
	map_help_text(&s, c->obj ? c->obj : "map");
	sink_flush(so());
	fwrite(s.buf, 1, s.len, stderr);
	sink_free(&s);
	return -1;
}

int map_usage(struct ctx *c)
{
	char line[512];

	usage_line(c->verb ? c->verb : "", line, sizeof(line));
	if (line[0])
		p_err("usage: bpftool %s %s", c->obj ? c->obj : "map", line);
	return map_help_stderr(c);
}

static int do_help(struct ctx *c, struct args *a)
{
	struct sink s;

	(void)a;
	if (g_out.json) {
		json_null(jw());
		return 0;
	}
	sink_init_mem(&s);
	map_help_text(&s, c->obj);
	sink_flush(so());
	fwrite(s.buf, 1, s.len, stderr);
	sink_free(&s);
	return 0;
}

static const struct cmd map_cmds[] = {
	{ "show", do_map_show },
	{ "list", do_map_show },
	{ "help", do_help },
	{ "dump", do_map_dump },
	{ "update", do_map_update },
	{ "lookup", do_map_lookup },
	{ "getnext", do_map_getnext },
	{ "delete", do_map_delete },
	{ "pin", do_map_pin },
	{ "event_pipe", do_event_pipe },
	{ "create", do_map_create },
	{ "peek", do_map_lookup },
	{ "push", do_map_update },
	{ "enqueue", do_map_update },
	{ "pop", do_map_pop },
	{ "dequeue", do_map_dequeue },
	{ "freeze", do_map_freeze },
	{ NULL, NULL },
};

int do_map(struct ctx *c, struct args *a)
{
	c->obj = a->argv[-1];
	return cmd_select(map_cmds, c, a, do_help, "map");
}
