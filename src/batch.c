// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* `bpftool batch file FILE`: many commands in one process, with upstream's line rules. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

/* One physical line, without what follows '#'; returns its length or -E2BIG. */
static long take_physical(const char *text, size_t len, size_t *pos, char *out, size_t room)
{
	const char *start = text + *pos, *nl = memchr(start, '\n', len - *pos);
	size_t n = nl ? (size_t)(nl - start) + 1 : len - *pos;
	const char *hash = memchr(start, '#', n);
	size_t keep = hash ? (size_t)(hash - start) : n;

	*pos += n;
	/* upstream reads with fgets(), so a NUL byte ends the line */
	keep = strnlen(start, keep);
	if (keep >= room)
		return -E2BIG;
	memcpy(out, start, keep);
	out[keep] = 0;
	return (long)keep;
}

char *batch_next_line(const char *text, size_t len, size_t *pos, char *buf, int *err)
{
	long n;
	size_t used;

	*err = 0;
	if (*pos >= len)
		return NULL;
	n = take_physical(text, len, pos, buf, BATCH_LINE_MAX);
	if (n < 0) {
		*err = (int)n;
		return NULL;
	}
	used = (size_t)n;
	/* "...\<newline>" continues on the next (comment-stripped) line */
	while (used >= 2 && buf[used - 2] == '\\' && buf[used - 1] == '\n') {
		used -= 2;
		if (*pos >= len) {
			*err = -EINVAL;
			return NULL;
		}
		n = take_physical(text, len, pos, buf + used, BATCH_LINE_MAX - used);
		if (n < 0) {
			*err = (int)n;
			return NULL;
		}
		used += (size_t)n;
	}
	return buf;
}

/* The line number of the last line read, for the failure message. */
static unsigned int line_of(const char *text, size_t pos)
{
	unsigned int n = 0;
	size_t i;

	for (i = 0; i < pos; i++)
		n += text[i] == '\n';
	return n + (pos && text[pos - 1] != '\n');
}

/* The whole input in memory: batch files are small next to what they change. */
static int slurp(const char *path, char **text, size_t *len)
{
	size_t cap = 65536;
	int fd = strcmp(path, "-") ? open(path, O_RDONLY | O_CLOEXEC) : 0;
	ssize_t n;

	if (fd < 0)
		return -errno;
	*text = xmalloc(cap);
	*len = 0;
	for (;;) {
		if (*len == cap)
			*text = xrealloc(*text, cap *= 2);
		n = read(fd, *text + *len, cap - *len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		*len += (size_t)n;
	}
	if (n < 0) {
		n = -errno;
		free(*text);
		*text = NULL;
	}
	if (fd)
		close(fd);
	return (int)n;
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

static int run_text(struct ctx *c, const char *text, size_t len, const struct cmd *top,
		    cmd_fn help)
{
	char *buf = xmalloc(BATCH_LINE_MAX);
	char **argv = xcalloc(BATCH_ARGS_MAX + 1, sizeof(*argv));
	unsigned int lines = 0;
	size_t pos = 0;
	int err = 0, rerr, argc;
	char *line;

	/* argv[-1] for "needs at least N arguments" messages of the first word */
	argv[0] = (char *)"batch";
	while ((line = batch_next_line(text, len, &pos, buf, &rerr))) {
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
				      line_of(text, pos));
			break;
		}
		lines++;
	}
	if (!line && rerr == -E2BIG) {
		p_err("command %u is too long", lines);
		err = -1;
	} else if (!line && rerr) {
		p_err("missing continuation line on command %u", lines);
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
	const char *path;
	char *text = NULL;
	size_t len = 0;
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
	err = slurp(path, &text, &len);
	if (err) {
		p_err("Can't open file (%s): %s", path, errstr(err).s);
		return -1;
	}
	if (!c->maps) {
		cache = xcalloc(1, sizeof(*cache));
		c->maps = cache;
	}
	if (g_out.json)
		json_start_array(jw());
	err = run_text(c, text, len, top, help);
	if (g_out.json)
		json_end_array(jw());
	if (cache) {
		map_fd_cache_free(cache);
		free(cache);
		c->maps = NULL;
	}
	free(text);
	return err;
}
