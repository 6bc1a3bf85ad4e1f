// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* Small helpers: allocation that exits on OOM, checked number parsing, prefix matching. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "out.h"
#include "util.h"

static void *oom(void *p)
{
	if (!p)
		out_fatal("mem alloc failed");
	return p;
}

void *xmalloc(size_t n)
{
	return oom(malloc(n ? n : 1));
}

void *xcalloc(size_t nmemb, size_t size)
{
	return oom(calloc(nmemb ? nmemb : 1, size ? size : 1));
}

void *xrealloc(void *p, size_t n)
{
	return oom(realloc(p, n ? n : 1));
}

char *xstrdup(const char *s)
{
	return oom(strdup(s));
}

int digit_val(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return 99;
}

int parse_u64(const char *s, int base, uint64_t max, uint64_t *res)
{
	uint64_t v = 0;
	bool range = false;

	if (!s || !*s)
		return -EINVAL;
	if ((base == 0 || base == 16) && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		s += 2;
		if (!*s)
			return -EINVAL;
	} else if (base == 0) {
		base = s[0] == '0' ? 8 : 10;
	}
	for (; *s; s++) {
		int d = digit_val(*s);

		if (d >= base)
			return -EINVAL;
		if (v > (UINT64_MAX - (uint64_t)d) / (uint64_t)base)
			range = true;
		else
			v = v * (uint64_t)base + (uint64_t)d;
	}
	if (range || v > max)
		return -ERANGE;
	*res = v;
	return 0;
}

int parse_u32(const char *s, uint32_t *res)
{
	uint64_t v;
	int err = parse_u64(s, 0, UINT32_MAX, &v);

	if (!err)
		*res = (uint32_t)v;
	return err;
}

/* bpftool's rule: the word matches when it is a prefix of the full word; "" matches all. */
bool is_prefix(const char *word, const char *full)
{
	size_t n = strlen(word);

	return n <= strlen(full) && !memcmp(word, full, n);
}
