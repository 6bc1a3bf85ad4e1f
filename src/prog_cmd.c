// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The `prog` object: `prog show` / `prog list` (what a rescue shell needs to find the program
 * a prog_array slot should point at) and help. The other prog commands are in upstream's
 * table so their prefixes match as upstream, and fail as not supported by this build.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include "bpffs.h"
#include "errstr.h"
#include "handle.h"
#include "out.h"
#include "pids.h"
#include "print_prog.h"
#include "prog_cmd.h"
#include "listing.h"
#include "progdesc.h"
#include "sys_bpf.h"

static const char prog_help[] =
	"Usage: bpftool %s { show | list } [PROG]\n"
	"       bpftool %s help\n"
	"\n"
	"       PROG := { id PROG_ID | pinned FILE | tag PROG_TAG | name PROG_NAME }\n"
	"       OPTIONS := { {-j|--json} [{-p|--pretty}] | {-d|--debug} |\n"
	"                    {-f|--bpffs} }\n";

static int do_help(struct ctx *c, struct args *a)
{
	(void)a;
	if (g_out.json) {
		json_null(jw());
		return 0;
	}
	sink_flush(so());
	fprintf(stderr, prog_help, c->obj, c->obj);
	return 0;
}

static void show_one(struct listing *l, int fd, const struct bpf_prog_info *info, bool orphaned)
{
	struct prog_desc d;

	listing_note(l, "memlock and pids are not shown");
	prog_desc_gather(&d, fd, info, l);
	d.orphaned = orphaned;
	if (g_out.json)
		prog_show_json(jw(), &d);
	else
		prog_show_plain(so(), &d);
	prog_desc_free(&d);
}

/* show PROG: one object, or an array when a tag or name matches several programs. */
static int show_subset(struct ctx *c, struct args *a, struct listing *sh)
{
	struct prog_fd *p;
	struct handle h;
	int i, n;

	if (handle_parse_prog(a, &h))
		return -1;
	if (handle_open_progs(c, &h, &p, &n))
		return -1;
	if (g_out.json && n > 1)
		json_start_array(jw());
	for (i = 0; i < n; i++)
		show_one(sh, p[i].fd, &p[i].info, false);
	if (g_out.json && n > 1)
		json_end_array(jw());
	prog_fds_close(p, n);
	return 0;
}

static int show_walked(void *ctx, int fd, const union obj_info *info, int info_err)
{
	show_one(ctx, fd, &info->prog, info_err == -ENODEV);
	return 0;
}

/* show: every program in id order; ids that vanish midway are skipped. */
static int show_all(struct listing *sh)
{
	int err;

	if (g_out.json)
		json_start_array(jw());
	err = obj_walk(OBJ_PROG, 0, show_walked, sh);
	if (g_out.json)
		json_end_array(jw());
	return err;
}

static int do_show(struct ctx *c, struct args *a)
{
	struct listing sh;
	int err;

	if (a->argc != 0 && a->argc != 2)
		return args_end(a);
	listing_init(&sh, OBJ_PROG, c->opts.bpffs);
	err = a->argc ? show_subset(c, a, &sh) : show_all(&sh);
	listing_fini(&sh);
	return err;
}

/* upstream's table, in its order */
static const struct cmd prog_cmds[] = {
	{ "show", do_show },
	{ "list", do_show },
	{ "help", do_help },
	{ "dump", NULL },
	{ "pin", NULL },
	{ "load", NULL },
	{ "loadall", NULL },
	{ "attach", NULL },
	{ "detach", NULL },
	{ "tracelog", NULL },
	{ "run", NULL },
	{ "profile", NULL },
	{ NULL, NULL },
};

int do_prog(struct ctx *c, struct args *a)
{
	c->obj = a->argv[-1];
	return cmd_select(prog_cmds, c, a, do_help, "prog");
}
