/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* A strict RFC 8259 validator (one value, UTF-8 checked), shared by the tests and the fuzzers. */
#ifndef JSONV_H
#define JSONV_H

#include <stdbool.h>
#include <stddef.h>

/* true when s[0..n) is exactly one JSON value (surrounding whitespace allowed); else *where. */
bool t_json_valid(const char *s, size_t n, size_t *where);

#endif
