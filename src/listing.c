// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* What a listing (map show, prog show) reads besides the objects, gathered once per run. */
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "listing.h"
#include "out.h"

void listing_init(struct listing *l, enum obj_kind kind, bool with_pins)
{
	memset(l, 0, sizeof(*l));
	l->fdinfo_dir = open("/proc/self/fdinfo", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	l->with_pins = with_pins;
	if (with_pins)
		l->pins_default = !bpffs_pins_collect(&l->pins, kind);
	pids_scan(&l->pids, "/proc", (int)getpid(), kind);
}

void listing_fini(struct listing *l)
{
	if (l->fdinfo_dir >= 0)
		close(l->fdinfo_dir);
	if (l->with_pins)
		bpffs_pins_free(&l->pins);
	pids_free(&l->pids);
}

void listing_note(struct listing *l, const char *missing)
{
	if (l->fdinfo_dir >= 0 || l->noted)
		return;
	p_info("Note: /proc is not mounted: %s%s", missing,
	       l->pins_default ? "; pinned paths only under " BPFFS_DEFAULT_DIR : "");
	l->noted = true;
}
