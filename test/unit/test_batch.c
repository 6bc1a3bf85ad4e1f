// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* The batch file's line rules: comments, continuations, quotes, word splitting. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "batch.h"
#include "tlib.h"

static char *words(const char *line, int *n)
{
	static char buf[1024], joined[1024];
	char *argv[64];
	int i;

	strcpy(buf, line);
	*n = batch_split(buf, argv, 64);
	joined[0] = 0;
	for (i = 0; i < *n; i++) {
		strcat(joined, "<");
		strcat(joined, argv[i]);
		strcat(joined, ">");
	}
	return joined;
}

Test(batch, split_words_and_quotes)
{
	int n;

	cr_assert_str_eq(words("map  show\tid 5\r\n", &n), "<map><show><id><5>");
	cr_assert_eq(n, 4);
	cr_assert_str_eq(words("   \t\n", &n), "");
	cr_assert_eq(n, 0);
	cr_assert_str_eq(words("map pin id 1 '/sys/fs/bpf/a b'", &n),
			 "<map><pin><id><1></sys/fs/bpf/a b>");
	cr_assert_str_eq(words("\"x'y\" 'a\"b'", &n), "<x'y><a\"b>");
	/* a closing quote ends the word even when text follows it (upstream's make_args) */
	cr_assert_str_eq(words("'ab'cd ef", &n), "<ab><cd><ef>");
	cr_assert_str_eq(words("ab'c d'", &n), "<ab'c><d'>");
	cr_assert_str_eq(words("''", &n), "<>");
	cr_assert_eq(n, 1);
	words("map 'unterminated", &n);
	cr_assert_eq(n, BATCH_SPLIT_QUOTE);
}

Test(batch, split_too_many_words)
{
	char line[64 * 2 + 1];
	char *argv[64];
	int i;

	for (i = 0; i < 64; i++) {
		line[2 * i] = 'a';
		line[2 * i + 1] = ' ';
	}
	line[128] = 0;
	cr_assert_eq(batch_split(line, argv, 64), BATCH_SPLIT_TOO_MANY);
}

static struct batch_src src;

/* *pos == 0 starts reading text */
static const char *next(const char *text, size_t *pos, int *err)
{
	static char *buf;

	if (!buf)
		buf = malloc(BATCH_LINE_MAX);
	if (!*pos) {
		batch_src_mem(&src, text, strlen(text));
		*pos = 1;
	}
	return batch_next_line(&src, buf, err);
}

Test(batch, lines_comments_continuations)
{
	const char *t = "map show # a comment\n# whole line\n\nmap dump \\\nid 5 # c\\\nversion";
	size_t pos = 0;
	int err;

	cr_assert_str_eq(next(t, &pos, &err), "map show ");
	cr_assert_str_eq(next(t, &pos, &err), "");
	cr_assert_str_eq(next(t, &pos, &err), "\n");
	/* the continued line is comment-stripped too, so "\" after '#' does not continue */
	cr_assert_str_eq(next(t, &pos, &err), "map dump id 5 ");
	cr_assert_str_eq(next(t, &pos, &err), "version");
	cr_assert_null(next(t, &pos, &err));
	cr_assert_eq(err, 0);
}

Test(batch, continuation_at_end_and_long_lines)
{
	size_t pos = 0;
	char *big;
	int err;

	cr_assert_null(next("map show \\\n", &pos, &err));
	cr_assert_eq(err, -EINVAL);
	big = malloc(BATCH_LINE_MAX + 10);
	memset(big, 'a', BATCH_LINE_MAX + 5);
	big[BATCH_LINE_MAX + 5] = 0;
	pos = 0;
	cr_assert_null(next(big, &pos, &err));
	cr_assert_eq(err, -E2BIG);
	free(big);
}
