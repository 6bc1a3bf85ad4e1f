// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* MAP selector parsing (no kernel): keywords by prefix in upstream's order, ids, names. */
#include <string.h>

#include "handle.h"
#include "tlib.h"

/* Parses words; returns the result and how many words were consumed. */
static int parse(struct handle *h, int *used, const char *w0, const char *w1, const char *w2)
{
	char *words[4] = { (char *)"show", (char *)w0, (char *)w1, (char *)w2 };
	struct args a = { 0, words + 1 };
	int r;

	a.argc = !w0 ? 0 : !w1 ? 1 : !w2 ? 2 : 3;
	r = handle_parse_map(&a, h);
	*used = (int)(a.argv - (words + 1));
	return r;
}

Test(handle, map_ids)
{
	struct handle h;
	int used;

	cr_assert_eq(parse(&h, &used, "id", "30", "rest"), 0);
	cr_assert_eq(h.kind, HANDLE_ID);
	cr_assert_eq(h.id, 30);
	cr_assert_eq(used, 2, "the selector takes exactly two words");
	cr_assert_eq(parse(&h, &used, "id", "0x1e", NULL), 0);
	cr_assert_eq(h.id, 30);
	cr_assert_eq(parse(&h, &used, "id", "036", NULL), 0);
	cr_assert_eq(h.id, 30);
	cr_assert_eq(parse(&h, &used, "i", "4294967295", NULL), 0);
	cr_assert_eq(h.id, 4294967295U);
	cr_assert_eq(parse(&h, &used, "", "7", NULL), 0, "\"\" is a prefix of id");
	cr_assert_eq(h.kind, HANDLE_ID);
	cr_assert_eq(parse(&h, &used, "id", "abc", NULL), -1);
	cr_assert_eq(parse(&h, &used, "id", "4294967296", NULL), -1);
	cr_assert_eq(parse(&h, &used, "id", "", NULL), -1);
}

Test(handle, map_names_and_paths)
{
	struct handle h;
	int used;

	cr_assert_eq(parse(&h, &used, "name", "0123456789abcde", NULL), 0);
	cr_assert_eq(h.kind, HANDLE_NAME);
	cr_assert_str_eq(h.name, "0123456789abcde");
	cr_assert_eq(parse(&h, &used, "n", "x", NULL), 0);
	cr_assert_eq(h.kind, HANDLE_NAME);
	cr_assert_eq(parse(&h, &used, "name", "0123456789abcdef", NULL), -1, "16 characters");
	cr_assert_eq(parse(&h, &used, "p", "/sys/fs/bpf/x", NULL), 0);
	cr_assert_eq(h.kind, HANDLE_PINNED);
	cr_assert_str_eq(h.path, "/sys/fs/bpf/x");
	/* tag is a PROG keyword only */
	cr_assert_eq(parse(&h, &used, "tag", "0011223344556677", NULL), -1);
	cr_assert_eq(parse(&h, &used, "foo", "1", NULL), -1);
	cr_assert_eq(parse(&h, &used, "id", NULL, NULL), -1);
	cr_assert_eq(parse(&h, &used, NULL, NULL, NULL), -1);
}
