// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* `bpftool batch file FILE`: many commands in one process, with upstream's line rules. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>

#include "batch.h"
#include "errstr.h"
#include "handle.h"
#include "out.h"
#include "util.h"

int batch_split(char *line, char **argv, int max)
{
	static const char ws[] = " \t\r\n";
	char *cp = line;
	int n = 0;

	while (*cp) {
		cp += strspn(cp, ws);
		if (!*cp)
			break;
		if (n >= max - 1)
			return BATCH_SPLIT_TOO_MANY;
		if (*cp == '\'' || *cp == '"') {
			char quote = *cp++;

			argv[n++] = cp;
			cp = strchr(cp, quote);
			if (!cp)
				return BATCH_SPLIT_QUOTE;
		} else {
			argv[n++] = cp;
			cp += strcspn(cp, ws);
			if (!*cp)
				break;
		}
		*cp++ = 0;
	}
	argv[n] = NULL;
	return n;
}

/* A memory source: the tests and the fuzzer feed text this way. */
static ssize_t mem_read(struct batch_src *src, const char **line)
{
	const char *start = src->text + src->pos, *nl;
	size_t n;

	if (src->pos >= src->len)
		return 0;
	nl = memchr(start, '\n', src->len - src->pos);
	n = nl ? (size_t)(nl - start) + 1 : src->len - src->pos;
	src->pos += n;
	src->lineno++;
	*line = start;
	return (ssize_t)n;
}

void batch_src_mem(struct batch_src *src, const char *text, size_t len)
{
	memset(src, 0, sizeof(*src));
	src->read = mem_read;
	src->text = text;
	src->len = len;
}

/* A file source: one physical line per getline(), so stdin is read as it comes. */
static ssize_t file_read(struct batch_src *src, const char **line)
{
	ssize_t n;

	errno = 0;
	n = getline(&src->buf, &src->cap, src->f);
	if (n < 0 && !ferror(src->f))
		return 0;
	/* the read's own errno (EISDIR for a directory); EINVAL and E2BIG mean lines here */
	if (n < 0)
		return errno && errno != EINVAL && errno != E2BIG ? -errno : -EIO;
	src->lineno++;
	*line = src->buf;
	return n;
}

/* One physical line, without what follows '#', written at out; its length, or -1 and *err. */
static long take_physical(struct batch_src *src, char *out, size_t room, int *err)
{
	const char *line, *hash;
	ssize_t n = src->read(src, &line);
	size_t keep;

	if (n <= 0) {
		*err = (int)n;
		return -1;
	}
	hash = memchr(line, '#', (size_t)n);
	keep = hash ? (size_t)(hash - line) : (size_t)n;
	/* upstream reads with fgets(), so a NUL byte ends the line */
	keep = strnlen(line, keep);
	if (keep >= room) {
		*err = -E2BIG;
		return -1;
	}
	memcpy(out, line, keep);
	out[keep] = 0;
	return (long)keep;
}

char *batch_next_line(struct batch_src *src, char *buf, int *err)
{
	long n;
	size_t used;

	*err = 0;
	n = take_physical(src, buf, BATCH_LINE_MAX, err);
	if (n < 0)
		return NULL;
	used = (size_t)n;
	/* "...\<newline>" continues on the next (comment-stripped) line */
	while (used >= 2 && buf[used - 2] == '\\' && buf[used - 1] == '\n') {
		used -= 2;
		n = take_physical(src, buf + used, BATCH_LINE_MAX - used, err);
		if (n < 0) {
			if (!*err)
				*err = -EINVAL;	/* the input ended after a backslash */
			return NULL;
		}
		used += (size_t)n;
	}
	return buf;
}

static void json_command(char **argv, int argc)
{
	int i;

	json_start_object(jw());
	json_name(jw(), "command");
	json_start_array(jw());
	for (i = 0; i < argc; i++)
		json_string(jw(), argv[i]);
	json_end_array(jw());
	json_name(jw(), "output");
}

/* Runs one split line through the top-level table; JSON wraps it in {"command","output"}. */
static int run_line(struct ctx *c, char **argv, int argc, const struct cmd *top, cmd_fn help)
{
	struct args a = { argc, argv };
	unsigned int depth = jw()->depth;
	int err;

	if (g_out.json)
		json_command(argv, argc);
	err = cmd_select(top, c, &a, help, NULL);
	if (g_out.json) {
		/* a command that wrote nothing still leaves a value: null */
		if (jw()->depth == depth + 1 && !jw()->sep)
			json_null(jw());
		while (jw()->depth > depth)
			json_end_object(jw());
	}
	return err;
}

static int run_src(struct ctx *c, struct batch_src *src, const struct cmd *top, cmd_fn help)
{
	char *buf = xmalloc(BATCH_LINE_MAX);
	char **argv = xcalloc(BATCH_ARGS_MAX + 1, sizeof(*argv));
	unsigned int lines = 0;
	int err = 0, rerr, argc;
	char *line;

	/* argv[-1] for "needs at least N arguments" messages of the first word */
	argv[0] = (char *)"batch";
	while ((line = batch_next_line(src, buf, &rerr))) {
		argc = batch_split(line, argv + 1, BATCH_ARGS_MAX);
		if (argc == BATCH_SPLIT_QUOTE) {
			p_err("unterminated quoted string in command %u", lines);
			err = -1;
			break;
		}
		if (argc == BATCH_SPLIT_TOO_MANY) {
			p_err("too many arguments to command %u", lines);
			err = -1;
			break;
		}
		if (!argc)
			continue;
		err = run_line(c, argv + 1, argc, top, help);
		if (err) {
			if (!g_out.json)
				p_err("batch stopped at command %u (line %u), which failed", lines,
				      src->lineno);
			break;
		}
		lines++;
	}
	if (!line && rerr == -EINVAL) {
		p_err("missing continuation line on command %u", lines);
		err = -1;
	} else if (!line && rerr) {
		p_err("reading batch file failed: %s", errstr(rerr).s);
		err = -1;
	} else if (!err && !g_out.json) {
		sink_printf(so(), "processed %u commands\n", lines);
	}
	free(argv);
	free(buf);
	return err;
}

int batch_run(struct ctx *c, struct args *a, const struct cmd *top, cmd_fn help)
{
	struct map_fd_cache *cache = NULL;
	struct batch_src src;
	const char *path;
	int err;

	if (a->argc < 2) {
		p_err("too few parameters for batch");
		return -1;
	}
	if (a->argc > 2) {
		p_err("too many parameters for batch");
		return -1;
	}
	if (!args_is_kw(a, "file")) {
		p_err("expected 'file', got: %s", args_peek(a));
		return -1;
	}
	args_next(a);
	path = args_next(a);
	memset(&src, 0, sizeof(src));
	src.read = file_read;
	src.f = strcmp(path, "-") ? fopen(path, "re") : stdin;
	if (!src.f) {
		p_err("Can't open file (%s): %s", path, errstr(-errno).s);
		return -1;
	}
	if (!c->maps) {
		cache = xcalloc(1, sizeof(*cache));
		c->maps = cache;
	}
	if (g_out.json)
		json_start_array(jw());
	err = run_src(c, &src, top, help);
	if (g_out.json)
		json_end_array(jw());
	if (cache) {
		map_fd_cache_free(cache);
		free(cache);
		c->maps = NULL;
	}
	if (src.f != stdin)
		fclose(src.f);
	free(src.buf);
	return err;
}
