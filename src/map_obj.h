/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* The commands that make or name map objects: create, pin, freeze. */
#ifndef MAP_OBJ_H
#define MAP_OBJ_H

#include "cmd.h"

int do_map_create(struct ctx *c, struct args *a);
int do_map_pin(struct ctx *c, struct args *a);
int do_map_freeze(struct ctx *c, struct args *a);

#endif
