/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* Small helpers: allocation that exits on OOM (the one case where we exit), checked numbers. */
#ifndef UTIL_H
#define UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define offsetofend(type, member) (offsetof(type, member) + sizeof(((type *)0)->member))
#define ptr_to_u64(p) ((__u64)(uintptr_t)(p))
#define round_up(x, y) ((((x) + (y) - 1) / (y)) * (y))

void *xmalloc(size_t n);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);

/*
 * Checked unsigned parse: base 0 means C rules (0x hex, leading 0 octal, else decimal), base 16
 * accepts an optional 0x. Rejects empty strings, signs, spaces, trailing junk and values above
 * max. Returns 0, -EINVAL (not a number) or -ERANGE (above max).
 */
int parse_u64(const char *s, int base, uint64_t max, uint64_t *res);
int parse_u32(const char *s, uint32_t *res);

bool is_prefix(const char *word, const char *full);
/* The value of a digit in bases up to 16 ('7' 7, 'b' and 'B' 11); 99 for anything else. */
int digit_val(char c);

#endif
