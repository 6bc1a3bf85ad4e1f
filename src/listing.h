/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* What a listing (map show, prog show) reads besides the objects, gathered once per run. */
#ifndef LISTING_H
#define LISTING_H

#include <stdbool.h>

#include "bpffs.h"
#include "handle.h"
#include "pids.h"

struct listing {
	int fdinfo_dir;		/* open /proc/self/fdinfo, or -1 (no /proc) */
	bool with_pins;		/* -f: pins holds every pinned path of the kind */
	bool pins_default;	/* -f without /proc: only BPFFS_DEFAULT_DIR was walked */
	bool noted;		/* the "no /proc" note was printed */
	struct bpffs_pins pins;
	struct pids pids;	/* the processes holding each object */
};

void listing_init(struct listing *l, enum obj_kind kind, bool with_pins);
void listing_fini(struct listing *l);
/* Once per run, in plain mode, without /proc: which fields (`missing`) are left out. */
void listing_note(struct listing *l, const char *missing);

#endif
