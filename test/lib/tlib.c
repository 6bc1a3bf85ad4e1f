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

void t_expect(struct run r, int status, const char *out, const char *err)
{
	cr_expect_eq(r.status, status, "status %d, want %d; stdout: %s; stderr: %s", r.status,
		     status, r.out, r.err);
	if (out)
		cr_expect_str_eq(r.out, out);
	if (err)
		cr_expect_str_eq(r.err, err);
	t_run_free(&r);
}

void t_expect_json(struct run r, int status, const char *out)
{
	size_t where;

	cr_expect_eq(r.status, status, "status %d, want %d; stderr: %s", r.status, status, r.err);
	cr_expect(t_json_valid(r.out, r.out_len, &where), "invalid JSON at %zu: %s", where, r.out);
	if (out)
		cr_expect_str_eq(r.out, out);
	cr_expect_str_eq(r.err, "");
	t_run_free(&r);
}

void t_run_free(struct run *r)
{
	free(r->out);
	free(r->err);
	r->out = r->err = NULL;
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

static void rm_tree_path(const char *path)
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
		rm_tree_path(sub);
	}
	closedir(d);
	rmdir(path);
}

/* Every directory t_dir() made in this test process; t_dir_cleanup() removes them all. */
static char dir_paths[8][256];
static int ndirs;

const char *t_dir(const char *tag)
{
	struct statfs sf;
	char *p;

	t_require_bpf();
	if (statfs("/sys/fs/bpf", &sf) || sf.f_type != 0xcafe4a11)
		t_skip_or_fail("no bpffs mounted at /sys/fs/bpf");
	cr_assert_lt(ndirs, 8, "too many t_dir() calls in one test");
	p = dir_paths[ndirs++];
	snprintf(p, sizeof(dir_paths[0]), "/sys/fs/bpf/bpftool-test-%d-%s", (int)getpid(), tag);
	rm_tree_path(p);
	cr_assert(!mkdir(p, 0700), "mkdir %s: %s", p, strerror(errno));
	return p;
}

void t_dir_cleanup(void)
{
	while (ndirs > 0)
		rm_tree_path(dir_paths[--ndirs]);
}
