/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* Map and program type names, as upstream (libbpf's tables) spells them. */
#ifndef NAMES_H
#define NAMES_H

#include <stdint.h>

/* NULL when the number has no name (upstream then prints the number). */
const char *map_type_name(uint32_t type);
const char *prog_type_name(uint32_t type);
/* Exact (not prefix) match, as upstream's create does; -1 when unknown. */
int map_type_by_name(const char *name);

#endif
