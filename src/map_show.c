// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* `map show` / `map list`: every map, or those one MAP selects. */
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include "bpffs.h"
#include "errstr.h"
#include "handle.h"
#include "map_show.h"
#include "mapdesc.h"
#include "out.h"
#include "pids.h"
#include "print_map.h"
#include "sys_bpf.h"

/* What one listing reads besides the maps themselves, gathered once per run. */
struct show {
	struct map_sources src;
	struct bpffs_pins pins;
	struct pids pids;
	bool noted;		/* the "no /proc" note was printed */
	bool pins_default;	/* -f without /proc: only BPFFS_DEFAULT_DIR was walked */
};

static void show_init(struct ctx *c, struct show *sh)
{
	sh->src.fdinfo_dir = open("/proc/self/fdinfo", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	sh->noted = false;
	sh->pins_default = false;
	if (c->opts.bpffs) {
		sh->pins_default = !bpffs_pins_collect(&sh->pins, OBJ_MAP);
		sh->src.pins = &sh->pins;
	} else {
		sh->src.pins = NULL;
	}
	pids_scan(&sh->pids, "/proc", (int)getpid(), OBJ_MAP);
	sh->src.pids = &sh->pids;
}

static void show_fini(struct show *sh)
{
	if (sh->src.fdinfo_dir >= 0)
		close(sh->src.fdinfo_dir);
	if (sh->src.pins)
		bpffs_pins_free(&sh->pins);
	pids_free(&sh->pids);
}

static void show_one(struct show *sh, int fd, const struct bpf_map_info *info)
{
	struct map_desc d;

	if (sh->src.fdinfo_dir < 0 && !sh->noted) {
		p_info("Note: /proc is not mounted: memlock, frozen and owner are not shown%s",
		       sh->pins_default ? "; pinned paths only under " BPFFS_DEFAULT_DIR : "");
		sh->noted = true;
	}
	map_desc_gather(&d, fd, info, &sh->src);
	if (g_out.json)
		map_show_json(jw(), &d);
	else
		map_show_plain(so(), &d);
}

/* show MAP: one object, or an array when a name matches several maps. */
static int show_subset(struct ctx *c, struct args *a, struct show *sh)
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
static int show_all(struct show *sh)
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
	struct show sh;
	int err;

	if (a->argc != 0 && a->argc != 2)
		return args_end(a);
	show_init(c, &sh);
	err = a->argc ? show_subset(c, a, &sh) : show_all(&sh);
	show_fini(&sh);
	return err;
}
