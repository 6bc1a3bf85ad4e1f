/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* `map show` / `map list`: every map, or those one MAP selects. */
#ifndef MAP_SHOW_H
#define MAP_SHOW_H

#include "cmd.h"

int do_map_show(struct ctx *c, struct args *a);

#endif
