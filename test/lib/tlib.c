// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* Test helpers: run the built binary, validate JSON, make kernel fixtures, loud skips. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/vfs.h>
#include <sys/wait.h>
#include <unistd.h>

#include <linux/bpf.h>

#include "tlib.h"

const char *t_bpftool(void)
{
	const char *p = getenv("BPFTOOL");

	return p && *p ? p : "./bpftool";
}

bool t_in_ci(void)
{
	const char *ci = getenv("CI");

	return ci && !strcmp(ci, "true");
}

struct buf {
	char *p;
	size_t len, cap;
};

static void buf_add(struct buf *b, const char *src, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		b->p = realloc(b->p, b->cap);
		cr_assert(b->p);
	}
	memcpy(b->p + b->len, src, n);
	b->len += n;
	b->p[b->len] = 0;
}

/* Reads both pipes until both close (poll, so neither can fill up and block the child). */
static void drain(int ofd, int efd, struct buf *o, struct buf *e)
{
	struct pollfd pf[2] = { { .fd = ofd, .events = POLLIN }, { .fd = efd, .events = POLLIN } };
	char tmp[65536];

	while (pf[0].fd >= 0 || pf[1].fd >= 0) {
		int i;

		if (poll(pf, 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			cr_assert_fail("poll: %s", strerror(errno));
		}
		for (i = 0; i < 2; i++) {
			ssize_t n;

			if (pf[i].fd < 0 || !pf[i].revents)
				continue;
			n = read(pf[i].fd, tmp, sizeof(tmp));
			if (n > 0) {
				buf_add(i ? e : o, tmp, (size_t)n);
			} else if (n == 0 || errno != EINTR) {
				close(pf[i].fd);
				pf[i].fd = -1;
			}
		}
	}
}

struct run t_runv_in(const char *const *argv, void (*setup)(void *), void *arg)
{
	struct buf o = { 0 }, e = { 0 };
	struct run r = { 0 };
	int op[2], ep[2], st;
	const char *args[256];
	size_t i;
	pid_t pid;

	args[0] = t_bpftool();
	for (i = 0; argv[i] && i < 254; i++)
		args[i + 1] = argv[i];
	args[i + 1] = NULL;
	cr_assert(!pipe(op) && !pipe(ep));
	pid = fork();
	cr_assert(pid >= 0);
	if (!pid) {
		int null = open("/dev/null", O_RDONLY);

		dup2(null, 0);
		dup2(op[1], 1);
		dup2(ep[1], 2);
		close(op[0]);
		close(ep[0]);
		if (setup)
			setup(arg);
		execv(args[0], (char *const *)args);
		dprintf(2, "exec %s: %s\n", args[0], strerror(errno));
		_exit(127);
	}
	close(op[1]);
	close(ep[1]);
	buf_add(&o, "", 0);
	buf_add(&e, "", 0);
	drain(op[0], ep[0], &o, &e);
	while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
		;
	r.out = o.p;
	r.out_len = o.len;
	r.err = e.p;
	r.err_len = e.len;
	r.status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
	return r;
}

struct run t_runv(const char *const *argv)
{
	return t_runv_in(argv, NULL, NULL);
}

struct run t_run(const char *fmt, ...)
{
	const char *words[256];
	char *line, *save = NULL, *w;
	struct run r;
	va_list ap;
	size_t n = 0;

	va_start(ap, fmt);
	cr_assert(vasprintf(&line, fmt, ap) >= 0);
	va_end(ap);
	for (w = strtok_r(line, " ", &save); w && n < 255; w = strtok_r(NULL, " ", &save))
		words[n++] = w;
	words[n] = NULL;
	r = t_runv(words);
	free(line);
	return r;
}

void t_run_free(struct run *r)
{
	free(r->out);
	free(r->err);
	r->out = r->err = NULL;
}

/* ---- strict JSON validation ---------------------------------------------------------------- */

struct jp {
	const unsigned char *s;
	size_t n, i;
	int depth;
};

static void ws(struct jp *p)
{
	while (p->i < p->n && strchr(" \t\r\n", p->s[p->i]) && p->s[p->i])
		p->i++;
}

static bool lit(struct jp *p, const char *word)
{
	size_t len = strlen(word);

	if (p->n - p->i < len || memcmp(p->s + p->i, word, len))
		return false;
	p->i += len;
	return true;
}

static bool is_digit(struct jp *p)
{
	return p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9';
}

static bool number(struct jp *p)
{
	if (p->i < p->n && p->s[p->i] == '-')
		p->i++;
	if (!is_digit(p))
		return false;
	if (p->s[p->i] == '0')
		p->i++;
	else
		while (is_digit(p))
			p->i++;
	if (p->i < p->n && p->s[p->i] == '.') {
		p->i++;
		if (!is_digit(p))
			return false;
		while (is_digit(p))
			p->i++;
	}
	if (p->i < p->n && (p->s[p->i] == 'e' || p->s[p->i] == 'E')) {
		p->i++;
		if (p->i < p->n && (p->s[p->i] == '+' || p->s[p->i] == '-'))
			p->i++;
		if (!is_digit(p))
			return false;
		while (is_digit(p))
			p->i++;
	}
	return true;
}

static bool utf8(struct jp *p)
{
	unsigned char c = p->s[p->i];
	size_t len, k;
	unsigned int cp;

	if (c < 0xc2 || c > 0xf4)
		return false;
	len = c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
	if (p->n - p->i < len)
		return false;
	cp = c & (0x7f >> len);
	for (k = 1; k < len; k++) {
		if ((p->s[p->i + k] & 0xc0) != 0x80)
			return false;
		cp = cp << 6 | (p->s[p->i + k] & 0x3f);
	}
	if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
	    (cp >= 0xd800 && cp <= 0xdfff))
		return false;
	p->i += len;
	return true;
}

static bool string(struct jp *p)
{
	if (p->i >= p->n || p->s[p->i] != '"')
		return false;
	p->i++;
	while (p->i < p->n) {
		unsigned char c = p->s[p->i];

		if (c == '"') {
			p->i++;
			return true;
		}
		if (c < 0x20)
			return false;
		if (c == '\\') {
			p->i++;
			if (p->i >= p->n)
				return false;
			c = p->s[p->i];
			if (c == 'u') {
				int k;

				for (k = 1; k <= 4; k++)
					if (p->i + k >= p->n || !strchr("0123456789abcdefABCDEF",
									p->s[p->i + k]) ||
					    !p->s[p->i + k])
						return false;
				p->i += 5;
			} else if (strchr("\"\\/bfnrt", c) && c) {
				p->i++;
			} else {
				return false;
			}
			continue;
		}
		if (c >= 0x80) {
			if (!utf8(p))
				return false;
			continue;
		}
		p->i++;
	}
	return false;
}

static bool value(struct jp *p);

static bool container(struct jp *p, char close, bool object)
{
	p->i++;
	if (++p->depth > 512)
		return false;
	ws(p);
	if (p->i < p->n && p->s[p->i] == close) {
		p->i++;
		p->depth--;
		return true;
	}
	for (;;) {
		ws(p);
		if (object) {
			if (!string(p))
				return false;
			ws(p);
			if (p->i >= p->n || p->s[p->i] != ':')
				return false;
			p->i++;
		}
		if (!value(p))
			return false;
		ws(p);
		if (p->i >= p->n)
			return false;
		if (p->s[p->i] == close) {
			p->i++;
			p->depth--;
			return true;
		}
		if (p->s[p->i] != ',')
			return false;
		p->i++;
	}
}

static bool value(struct jp *p)
{
	ws(p);
	if (p->i >= p->n)
		return false;
	switch (p->s[p->i]) {
	case '{': return container(p, '}', true);
	case '[': return container(p, ']', false);
	case '"': return string(p);
	case 't': return lit(p, "true");
	case 'f': return lit(p, "false");
	case 'n': return lit(p, "null");
	default: return number(p);
	}
}

bool t_json_valid(const char *s, size_t n, size_t *where)
{
	struct jp p = { .s = (const unsigned char *)s, .n = n };
	bool ok = value(&p);

	ws(&p);
	if (ok && p.i != n)
		ok = false;
	if (where)
		*where = p.i;
	return ok;
}

/* ---- kernel fixtures ---------------------------------------------------------------------- */

void t_require_bpf(void)
{
	union bpf_attr attr;
	long fd;

	memset(&attr, 0, sizeof(attr));
	attr.map_type = BPF_MAP_TYPE_ARRAY;
	attr.key_size = 4;
	attr.value_size = 4;
	attr.max_entries = 1;
	fd = syscall(SYS_bpf, BPF_MAP_CREATE, &attr, sizeof(attr));
	if (fd < 0)
		t_skip_or_fail("bpf(2) unavailable: %s", strerror(errno));
	close((int)fd);
}

static char dir_path[256];

const char *t_dir(const char *tag)
{
	struct statfs sf;

	t_require_bpf();
	if (statfs("/sys/fs/bpf", &sf) || sf.f_type != 0xcafe4a11)
		t_skip_or_fail("no bpffs mounted at /sys/fs/bpf");
	snprintf(dir_path, sizeof(dir_path), "/sys/fs/bpf/bpftool-test-%d-%s", (int)getpid(),
		 tag);
	t_dir_cleanup();
	snprintf(dir_path, sizeof(dir_path), "/sys/fs/bpf/bpftool-test-%d-%s", (int)getpid(),
		 tag);
	cr_assert(!mkdir(dir_path, 0700), "mkdir %s: %s", dir_path, strerror(errno));
	return dir_path;
}

static void rm_tree(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *de;

	if (!d) {
		unlink(path);
		return;
	}
	while ((de = readdir(d))) {
		char sub[512];

		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		snprintf(sub, sizeof(sub), "%s/%s", path, de->d_name);
		rm_tree(sub);
	}
	closedir(d);
	rmdir(path);
}

void t_dir_cleanup(void)
{
	if (dir_path[0])
		rm_tree(dir_path);
	dir_path[0] = 0;
}
