// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* event_pipe test helpers: hand-assembled event producers, and a long-running child bpftool. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "evpipe.h"
#include "sys_bpf.h"

/* ---- producer programs ---------------------------------------------------------------------- */

#define MAX_INSNS 1024

struct prog {
	struct bpf_insn in[MAX_INSNS];
	size_t n;
};

static void emit(struct prog *p, __u8 code, __u8 dst, __u8 src, __s16 off, __s32 imm)
{
	cr_assert_lt(p->n, MAX_INSNS);
	p->in[p->n++] = (struct bpf_insn){ .code = code, .dst_reg = dst, .src_reg = src,
					   .off = off, .imm = imm };
}

static void mov_imm(struct prog *p, __u8 dst, __s32 imm)
{
	emit(p, BPF_ALU64 | BPF_MOV | BPF_K, dst, 0, 0, imm);
}

static void mov_reg(struct prog *p, __u8 dst, __u8 src)
{
	emit(p, BPF_ALU64 | BPF_MOV | BPF_X, dst, src, 0, 0);
}

static void ld_map(struct prog *p, __u8 dst, int fd)
{
	emit(p, BPF_LD | BPF_IMM | BPF_DW, dst, BPF_PSEUDO_MAP_FD, 0, fd);
	emit(p, 0, 0, 0, 0, 0);
}

static void call(struct prog *p, int helper)
{
	emit(p, BPF_JMP | BPF_CALL, 0, 0, 0, helper);
}

#define SLOT 256	/* the payload's stack area: fp - SLOT .. fp */

/* Stores the payload at fp - SLOT: 4-byte immediates, then single bytes. */
static void store_payload(struct prog *p, const unsigned char *d, size_t len)
{
	size_t i = 0;
	__s32 w;

	for (; i + 4 <= len; i += 4) {
		memcpy(&w, d + i, 4);
		emit(p, BPF_ST | BPF_MEM | BPF_W, BPF_REG_10, 0, (__s16)(i - SLOT), w);
	}
	for (; i < len; i++)
		emit(p, BPF_ST | BPF_MEM | BPF_B, BPF_REG_10, 0, (__s16)(i - SLOT), d[i]);
}

/* r7 |= r0, the program's result */
static void collect(struct prog *p)
{
	emit(p, BPF_ALU64 | BPF_OR | BPF_X, BPF_REG_7, BPF_REG_0, 0, 0);
}

static void step(struct prog *p, int map_fd, const struct t_ev *e)
{
	cr_assert(e->len >= 1 && e->len <= SLOT);
	switch (e->kind) {
	case T_EV_PERF:
		store_payload(p, e->data, e->len);
		mov_reg(p, BPF_REG_1, BPF_REG_6);
		ld_map(p, BPF_REG_2, map_fd);
		/* BPF_F_CURRENT_CPU is 0xffffffff: a 32-bit mov, which zero-extends */
		emit(p, BPF_ALU | BPF_MOV | BPF_K, BPF_REG_3, 0, 0,
		     e->by_index ? (__s32)e->index : -1);
		mov_reg(p, BPF_REG_4, BPF_REG_10);
		emit(p, BPF_ALU64 | BPF_ADD | BPF_K, BPF_REG_4, 0, 0, -SLOT);
		mov_imm(p, BPF_REG_5, (__s32)e->len);
		call(p, BPF_FUNC_perf_event_output);
		collect(p);
		break;
	case T_EV_RB:
		store_payload(p, e->data, e->len);
		ld_map(p, BPF_REG_1, map_fd);
		mov_reg(p, BPF_REG_2, BPF_REG_10);
		emit(p, BPF_ALU64 | BPF_ADD | BPF_K, BPF_REG_2, 0, 0, -SLOT);
		mov_imm(p, BPF_REG_3, (__s32)e->len);
		mov_imm(p, BPF_REG_4, 0);
		call(p, BPF_FUNC_ringbuf_output);
		collect(p);
		break;
	case T_EV_RB_DISCARD:
		ld_map(p, BPF_REG_1, map_fd);
		mov_imm(p, BPF_REG_2, (__s32)e->len);
		mov_imm(p, BPF_REG_3, 0);
		call(p, BPF_FUNC_ringbuf_reserve);
		/* NULL: no room; record it as a failure (r7 |= 1) */
		emit(p, BPF_JMP | BPF_JNE | BPF_K, BPF_REG_0, 0, 2, 0);
		emit(p, BPF_ALU64 | BPF_OR | BPF_K, BPF_REG_7, 0, 0, 1);
		emit(p, BPF_JMP | BPF_JA, 0, 0, 3, 0);
		mov_reg(p, BPF_REG_1, BPF_REG_0);
		mov_imm(p, BPF_REG_2, 0);
		call(p, BPF_FUNC_ringbuf_discard);
		break;
	}
}

int t_ev_prog(int map_fd, const struct t_ev *ev, size_t n)
{
	static char log[65536];
	struct prog *p = calloc(1, sizeof(*p));
	struct prog_load_opts o = { .prog_type = BPF_PROG_TYPE_XDP, .license = "GPL",
				    .name = "t_evpipe" };
	size_t i;
	int fd;

	cr_assert(p);
	mov_reg(p, BPF_REG_6, BPF_REG_1);
	mov_imm(p, BPF_REG_7, 0);
	for (i = 0; i < n; i++)
		step(p, map_fd, &ev[i]);
	mov_reg(p, BPF_REG_0, BPF_REG_7);
	emit(p, BPF_JMP | BPF_EXIT, 0, 0, 0, 0);
	o.insns = p->in;
	o.insn_cnt = (__u32)p->n;
	fd = bpf_prog_load(&o);
	if (fd < 0) {
		o.log_buf = log;
		o.log_size = sizeof(log);
		fd = bpf_prog_load(&o);
		cr_assert_geq(fd, 0, "prog load: %s\n%s", strerror(-fd), log);
	}
	free(p);
	return fd;
}

__u32 t_ev_fire(int prog_fd, int cpu, __u32 repeat)
{
	unsigned char pkt[64] = { 0 };
	struct prog_test_run_opts o = { .data_in = pkt, .data_size_in = sizeof(pkt),
					.repeat = repeat };
	cpu_set_t old, one;
	int err;

	cr_assert(!sched_getaffinity(0, sizeof(old), &old));
	CPU_ZERO(&one);
	CPU_SET(cpu, &one);
	cr_assert(!sched_setaffinity(0, sizeof(one), &one), "pin to CPU %d: %s", cpu,
		  strerror(errno));
	err = bpf_prog_test_run(prog_fd, &o);
	sched_setaffinity(0, sizeof(old), &old);
	cr_assert_eq(err, 0, "test run: %s", strerror(-err));
	return o.retval;
}

/* ---- the child ------------------------------------------------------------------------------ */

static void add(char **b, size_t *len, size_t *cap, const char *src, size_t n)
{
	if (*len + n + 1 > *cap) {
		*cap = (*len + n + 1) * 2;
		*b = realloc(*b, *cap);
		cr_assert(*b);
	}
	memcpy(*b + *len, src, n);
	*len += n;
	(*b)[*len] = 0;
}

/* In the child, before exec. */
static void apply(const struct t_child_opts *o)
{
	if (o->nofile) {
		struct rlimit rl = { o->nofile, o->nofile };

		setrlimit(RLIMIT_NOFILE, &rl);
	}
	if (o->drop_perf_caps) {
		/* root regains at exec only what the bounding set holds */
		prctl(PR_CAPBSET_DROP, 21 /* CAP_SYS_ADMIN */, 0, 0, 0);
		prctl(PR_CAPBSET_DROP, 38 /* CAP_PERFMON */, 0, 0, 0);
	}
}

void t_child_start(struct t_child *c, const char *const *argv)
{
	t_child_start_opts(c, argv, &(struct t_child_opts){ 0 });
}

void t_child_start_opts(struct t_child *c, const char *const *argv,
			const struct t_child_opts *o)
{
	const char *args[64];
	int op[2], ep[2];
	size_t i;

	memset(c, 0, sizeof(*c));
	args[0] = t_bpftool();
	for (i = 0; argv[i] && i < 62; i++)
		args[i + 1] = argv[i];
	args[i + 1] = NULL;
	cr_assert(!pipe2(op, O_CLOEXEC) && !pipe2(ep, O_CLOEXEC));
	c->pid = fork();
	cr_assert(c->pid >= 0);
	if (!c->pid) {
		int null = open("/dev/null", O_RDONLY);

		/* a failed assertion ends the test worker: never leave the reader running */
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		dup2(null, 0);
		dup2(op[1], 1);
		dup2(ep[1], 2);
		apply(o);
		execv(args[0], (char *const *)args);
		dprintf(2, "exec %s: %s\n", args[0], strerror(errno));
		_exit(127);
	}
	close(op[1]);
	close(ep[1]);
	c->out_fd = op[0];
	c->err_fd = ep[0];
	add(&c->out, &c->out_len, &c->out_cap, "", 0);
	add(&c->err, &c->err_len, &c->err_cap, "", 0);
}

void t_child_pump(struct t_child *c, int timeout_ms)
{
	struct pollfd pf[2] = { { .fd = c->out_fd, .events = POLLIN },
				{ .fd = c->err_fd, .events = POLLIN } };
	char tmp[65536];
	int i;

	if (c->out_fd < 0 && c->err_fd < 0)
		return;
	if (poll(pf, 2, timeout_ms) <= 0)
		return;
	for (i = 0; i < 2; i++) {
		ssize_t n;

		if (pf[i].fd < 0 || !pf[i].revents)
			continue;
		n = read(pf[i].fd, tmp, sizeof(tmp));
		if (n > 0) {
			if (i)
				add(&c->err, &c->err_len, &c->err_cap, tmp, (size_t)n);
			else
				add(&c->out, &c->out_len, &c->out_cap, tmp, (size_t)n);
		} else if (n == 0 || errno != EINTR) {
			close(pf[i].fd);
			if (i)
				c->err_fd = -1;
			else
				c->out_fd = -1;
		}
	}
}

static long ms_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

static bool child_gone(struct t_child *c)
{
	int st;

	if (c->exited)
		return true;
	if (waitpid(c->pid, &st, WNOHANG) != c->pid)
		return false;
	c->exited = true;
	c->status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
	return true;
}

/* How many fds the child's epoll instance watches: its fdinfo has one "tfd:" line each. */
static int watching(pid_t pid)
{
	char path[320], target[64], line[256];
	struct dirent *de;
	int best = -1;
	DIR *d;

	snprintf(path, sizeof(path), "/proc/%d/fd", (int)pid);
	d = opendir(path);
	if (!d)
		return -1;
	while ((de = readdir(d))) {
		ssize_t n;
		FILE *f;
		int cnt = 0;

		snprintf(path, sizeof(path), "/proc/%d/fd/%s", (int)pid, de->d_name);
		n = readlink(path, target, sizeof(target) - 1);
		if (n < 0)
			continue;
		target[n] = 0;
		if (strcmp(target, "anon_inode:[eventpoll]"))
			continue;
		snprintf(path, sizeof(path), "/proc/%d/fdinfo/%s", (int)pid, de->d_name);
		f = fopen(path, "re");
		if (!f)
			continue;
		while (fgets(line, sizeof(line), f))
			if (!strncmp(line, "tfd:", 4))
				cnt++;
		fclose(f);
		if (cnt > best)
			best = cnt;
	}
	closedir(d);
	return best;
}

/* Until execve, the child is a copy of this runner, with the runner's own epoll fds. */
static bool execed(pid_t pid)
{
	char path[64], self[4096], child[4096];
	ssize_t a, b;

	snprintf(path, sizeof(path), "/proc/%d/exe", (int)pid);
	a = readlink("/proc/self/exe", self, sizeof(self) - 1);
	b = readlink(path, child, sizeof(child) - 1);
	if (a < 0 || b < 0)
		return false;
	return a != b || memcmp(self, child, (size_t)a);
}

bool t_child_wait_watching(struct t_child *c, int n, int timeout_ms)
{
	long end = ms_now() + timeout_ms;

	while (ms_now() < end) {
		if (child_gone(c))
			return false;
		if (execed(c->pid) && watching(c->pid) >= n)
			return true;
		t_child_pump(c, 10);
	}
	return false;
}

int t_count(const char *s, const char *needle)
{
	size_t len = strlen(needle);
	int n = 0;

	for (s = strstr(s, needle); s; s = strstr(s + len, needle))
		n++;
	return n;
}

bool t_child_wait_out(struct t_child *c, const char *needle, int count, int timeout_ms)
{
	long end = ms_now() + timeout_ms;

	while (t_count(c->out, needle) < count) {
		if (ms_now() >= end || c->out_fd < 0)
			return false;
		t_child_pump(c, 20);
	}
	return true;
}

struct run t_child_finish(struct t_child *c, int sig)
{
	struct run r = { 0 };
	long end = ms_now() + 10000;
	int st;

	if (sig && !child_gone(c))
		kill(c->pid, sig);
	while ((c->out_fd >= 0 || c->err_fd >= 0) && ms_now() < end)
		t_child_pump(c, 100);
	if (!c->exited) {
		if (c->out_fd >= 0 || c->err_fd >= 0)
			kill(c->pid, SIGKILL);	/* hung: fail, rather than hang the suite */
		while (waitpid(c->pid, &st, 0) < 0 && errno == EINTR)
			;
		c->exited = true;
		c->status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
	}
	if (c->out_fd >= 0)
		close(c->out_fd);
	if (c->err_fd >= 0)
		close(c->err_fd);
	r.out = c->out;
	r.out_len = c->out_len;
	r.err = c->err;
	r.err_len = c->err_len;
	r.status = c->status;
	memset(c, 0, sizeof(*c));
	return r;
}

/* ---- output ------------------------------------------------------------------------------- */

static bool is_digit(char ch)
{
	return ch >= '0' && ch <= '9';
}

char *t_mask_stamps(const char *s)
{
	size_t cap = strlen(s) + 1, n = 0;
	char *o = malloc(cap);
	const char *key = "\"timestamp\":";

	cr_assert(o);
	while (*s) {
		size_t pre = 0;

		if (!strncmp(s, "== @", 4) && is_digit(s[4]))
			pre = 4;
		else if (!strncmp(s, key, strlen(key)))
			pre = strlen(key) + (s[strlen(key)] == ' ');
		if (pre && is_digit(s[pre])) {
			memcpy(o + n, s, pre);
			n += pre;
			s += pre;
			while (is_digit(*s) || (pre == 4 && *s == '.'))
				s++;
			o[n++] = 'T';
			continue;
		}
		o[n++] = *s++;
	}
	o[n] = 0;
	return o;
}
