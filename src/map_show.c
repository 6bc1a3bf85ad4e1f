// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* `map show` / `map list`: every map, or those one MAP selects. */
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include "bpffs.h"
#include "errstr.h"
#include "handle.h"
#include "map_show.h"
#include "listing.h"
#include "mapdesc.h"
#include "out.h"
#include "pids.h"
#include "print_map.h"
#include "sys_bpf.h"

static void show_one(struct listing *l, int fd, const struct bpf_map_info *info)
{
	struct map_desc d;

	listing_note(l, "memlock, frozen, owner and pids are not shown");
	map_desc_gather(&d, fd, info, l);
	if (g_out.json)
		map_show_json(jw(), &d);
	else
		map_show_plain(so(), &d);
}

/* show MAP: one object, or an array when a name matches several maps. */
static int show_subset(struct ctx *c, struct args *a, struct listing *sh)
{
	struct map_fd *m;
	struct handle h;
	int i, n;

	if (handle_parse_map(a, &h))
		return -1;
	if (handle_open_maps(c, &h, BPF_F_RDONLY, &m, &n))
		return -1;
	if (g_out.json && n > 1)
		json_start_array(jw());
	for (i = 0; i < n; i++)
		show_one(sh, m[i].fd, &m[i].info);
	if (g_out.json && n > 1)
		json_end_array(jw());
	map_fds_close(m, n);
	return 0;
}

static int show_walked(void *ctx, int fd, const union obj_info *info, int info_err)
{
	(void)info_err;
	show_one(ctx, fd, &info->map);
	return 0;
}

/* show: every map in id order; ids that vanish midway are skipped. */
static int show_all(struct listing *sh)
{
	int err;

	if (g_out.json)
		json_start_array(jw());
	err = obj_walk(OBJ_MAP, BPF_F_RDONLY, show_walked, sh);
	if (g_out.json)
		json_end_array(jw());
	return err;
}

int do_map_show(struct ctx *c, struct args *a)
{
	struct listing sh;
	int err;

	if (a->argc != 0 && a->argc != 2)
		return args_end(a);
	listing_init(&sh, OBJ_MAP, c->opts.bpffs);
	err = a->argc ? show_subset(c, a, &sh) : show_all(&sh);
	listing_fini(&sh);
	return err;
}
