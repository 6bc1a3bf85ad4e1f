// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* The `map` object: its verb table (upstream's order is the prefix-matching order) and help. */
#include <stdio.h>

#include "map_cmd.h"
#include "out.h"
#include "util.h"

/* One line per command, in the help's order; continuation lines carry their own indent. */
static const char *const map_usage[] = {
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

	for (i = 0; i < ARRAY_SIZE(map_usage); i++)
		sink_printf(s, "%s bpftool %s %s\n", i ? "      " : "Usage:", obj, map_usage[i]);
	sink_printf(s, "\n%s", map_grammar);
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
	{ "show", NULL },
	{ "list", NULL },
	{ "help", do_help },
	{ "dump", NULL },
	{ "update", NULL },
	{ "lookup", NULL },
	{ "getnext", NULL },
	{ "delete", NULL },
	{ "pin", NULL },
	{ "event_pipe", NULL },
	{ "create", NULL },
	{ "peek", NULL },
	{ "push", NULL },
	{ "enqueue", NULL },
	{ "pop", NULL },
	{ "dequeue", NULL },
	{ "freeze", NULL },
	{ NULL, NULL },
};

int do_map(struct ctx *c, struct args *a)
{
	c->obj = a->argv[-1];
	return cmd_select(map_cmds, c, a, do_help, "map");
}
