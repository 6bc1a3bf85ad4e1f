// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The binary under stress and faults: a 100k-entry hash churned by other threads while it is
 * dumped, a hash bucket larger than the batch (ENOSPC: the batch grows), stdout closed early
 * (SIGPIPE), stdout full (ENOSPC on write), and stop/continue signals during a long dump.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "evpipe.h"
#include "sys_bpf.h"
#include "tdata.h"
#include "util.h"

static void fini(void)
{
	t_dir_cleanup();
}

/* ---- churn: threads delete and re-insert half the keys of a 100k hash while we dump ------- */

#define CHURN_N 100000
#define CHURN_TOUCHED 50000	/* keys 0 .. CHURN_TOUCHED-1 come and go */
#define CHURN_THREADS 2

struct churner {
	int fd;
	__u32 first, count;
};

static void *churn_thread(void *arg)
{
	const struct churner *c = arg;
	__u32 i = 0, k;
	__u64 v;

	for (;;) {
		k = c->first + i;
		v = k;
		bpf_map_delete_elem(c->fd, &k);
		bpf_map_update_elem(c->fd, &k, &v, 0);
		i = (i + 7919) % c->count;
	}
	return NULL;
}

/* A child process whose threads churn disjoint parts of the touched keys. */
static pid_t churn(int fd)
{
	pid_t pid = fork();

	cr_assert_geq(pid, 0);
	if (!pid) {
		struct churner c[CHURN_THREADS];
		pthread_t th[CHURN_THREADS];
		int t;

		alarm(120);
		/* churn all the time, but leave the dump some of the machine's CPU */
		if (nice(10) < 0)
			_exit(1);
		for (t = 0; t < CHURN_THREADS; t++) {
			c[t].fd = fd;
			c[t].first = (__u32)t * (CHURN_TOUCHED / CHURN_THREADS);
			c[t].count = CHURN_TOUCHED / CHURN_THREADS;
			if (pthread_create(&th[t], NULL, churn_thread, &c[t]))
				_exit(1);
		}
		pause();
		_exit(0);
	}
	return pid;
}

static void stop(pid_t pid)
{
	int st;

	kill(pid, SIGKILL);
	waitpid(pid, &st, 0);
}

/*
 * Counts each key of "key: xx xx xx xx  value: ..." lines; returns the lines, *dups. Line by
 * line: ASan's strstr() checks the whole rest of the haystack at every call.
 */
static __u32 parse_keys(const char *out, __u8 *count, __u32 *dups)
{
	const char *p = out, *nl;
	__u32 lines = 0;

	*dups = 0;
	for (; *p; p = nl + 1) {
		unsigned int b[4];
		__u32 k;

		nl = strchr(p, '\n');
		if (!strncmp(p, "key: ", 5)) {
			cr_assert_eq(sscanf(p, "key: %x %x %x %x", &b[0], &b[1], &b[2], &b[3]), 4);
			k = b[0] | b[1] << 8 | b[2] << 16 | (__u32)b[3] << 24;
			cr_assert_lt(k, CHURN_N, "key %u", k);
			if (count[k]++)
				(*dups)++;
			lines++;
		}
		if (!nl)
			break;
	}
	return lines;
}

Test(robust, churn_100k_by_threads, .fini = fini, .timeout = 240)
{
	__u8 *count = calloc(CHURN_N, 1);
	char *path, *found;
	int fd = td_hash_seq(CHURN_N, "tr_churn", &path), round;
	__u32 lines, dups, i, missing;
	struct run r;
	pid_t pid;

	pid = churn(fd);
	for (round = 0; round < 3; round++) {
		memset(count, 0, CHURN_N);
		r = t_run("map dump pinned %s", path);
		cr_assert_eq(r.status, 0, "round %d: status %d: %s", round, r.status, r.err);
		lines = parse_keys(r.out, count, &dups);
		cr_expect_eq(dups, 0, "round %d: %u keys printed twice", round, dups);
		for (i = CHURN_TOUCHED, missing = 0; i < CHURN_N; i++)
			missing += count[i] != 1;
		cr_expect_eq(missing, 0, "round %d: %u stable keys missing", round, missing);
		cr_log_info("churn round %d: %u entries, %u duplicates, %u of %u stable keys "
			    "missing", round, lines, dups, missing, CHURN_N - CHURN_TOUCHED);
		found = td_fmt("Found %u element%s\n", lines, lines == 1 ? "" : "s");
		cr_expect(strstr(r.out, found), "round %d: no '%s'", round, found);
		free(found);
		t_run_free(&r);
	}
	/* the same in JSON: one valid document */
	r = t_run("-j map dump pinned %s", path);
	cr_expect_eq(r.status, 0);
	cr_expect(t_json_valid(r.out, r.out_len, NULL), "churned -j dump is not valid JSON");
	t_run_free(&r);
	stop(pid);
	free(count);
	free(path);
}

/* ---- a hash bucket larger than the batch: ENOSPC, and the batch grows ----------------------- */

/*
 * Values of 70000 bytes: one entry fills the 128 KiB chunk budget, so the first batch holds
 * one entry, and 16 keys in 16 buckets share one somewhere (the odds of none are 16!/16^16).
 */
#define BIG_V 70000
#define BIG_N 16

static bool batch_hits_enospc(int fd)
{
	__u8 *keys = malloc(4 * BIG_N), *vals = malloc((size_t)BIG_V * BIG_N);
	__u32 cursor = 0, count;
	bool started = false, hit = false;
	int err;

	cr_assert(keys && vals);
	for (;;) {
		count = 1;
		err = bpf_map_lookup_batch(fd, started ? &cursor : NULL, &cursor, keys, vals,
					   &count, 0);
		if (err == -ENOSPC) {
			hit = true;
			break;
		}
		if (err)
			break;
		started = true;
	}
	free(keys);
	free(vals);
	return hit;
}

Test(robust, batch_grows_on_enospc, .fini = fini, .timeout = 120)
{
	__u8 *v = malloc(BIG_V);
	struct run batch, fallback;
	char *path = NULL;
	__u32 k, tries;
	int fd = -1;

	cr_assert(v);
	for (tries = 0; tries < 10; tries++) {
		if (fd >= 0) {
			close(fd);
			unlink(path);
			free(path);
		}
		fd = td_map_pinned(BPF_MAP_TYPE_HASH, 4, BIG_V, BIG_N, "tr_bucket", &path);
		for (k = 0; k < BIG_N; k++) {
			memset(v, (int)k, BIG_V);
			td_update(fd, &k, v);
		}
		if (batch_hits_enospc(fd))
			break;
	}
	cr_assert_lt(tries, 10, "no hash bucket with two keys in 10 maps");
	batch = t_run("map dump pinned %s", path);
	setenv("BPFTOOL_TEST_NO_BATCH", "1", 1);
	fallback = t_run("map dump pinned %s", path);
	unsetenv("BPFTOOL_TEST_NO_BATCH");
	cr_expect_eq(batch.status, 0, "%s", batch.err);
	cr_expect_str_eq(batch.err, "");
	cr_expect(strstr(batch.out, "\nFound 16 elements\n"), "not every entry was dumped");
	cr_expect_eq(batch.out_len, fallback.out_len);
	cr_expect(!strcmp(batch.out, fallback.out), "batch and fallback dumps differ");
	t_run_free(&batch);
	t_run_free(&fallback);
	free(v);
	free(path);
}

/* ---- stdout closed early: `dump | head -1` ------------------------------------------------- */

struct piped {
	int status;		/* exit status, or 128 + signal */
	char *err;
	char first[256];	/* the first line read */
};

static void ignore_sigpipe(void *arg)
{
	(void)arg;
	signal(SIGPIPE, SIG_IGN);	/* ignored stays ignored across exec */
}

/* Runs the binary with stdout into a pipe whose reader leaves after the first line. */
static struct piped run_head1(const char *const *words, bool sigpipe_ignored)
{
	const char *argv[32] = { t_bpftool() };
	struct piped p = { 0 };
	int out[2], errp[2], st, i;
	size_t n = 0;
	char buf[65536];
	ssize_t got;
	pid_t pid;

	for (i = 0; words[i]; i++)
		argv[i + 1] = words[i];
	cr_assert(!pipe(out) && !pipe(errp));
	pid = fork();
	cr_assert_geq(pid, 0);
	if (!pid) {
		dup2(out[1], 1);
		dup2(errp[1], 2);
		close(out[0]);
		close(errp[0]);
		if (sigpipe_ignored)
			ignore_sigpipe(NULL);
		execv(argv[0], (char *const *)argv);
		_exit(127);
	}
	close(out[1]);
	close(errp[1]);
	while (n < sizeof(p.first) - 1 && read(out[0], p.first + n, 1) == 1 &&
	       p.first[n++] != '\n')
		;
	close(out[0]);
	p.err = calloc(1, 1);
	while ((got = read(errp[0], buf, sizeof(buf))) > 0) {
		size_t len = strlen(p.err);

		p.err = realloc(p.err, len + (size_t)got + 1);
		memcpy(p.err + len, buf, (size_t)got);
		p.err[len + (size_t)got] = 0;
	}
	close(errp[0]);
	cr_assert_eq(waitpid(pid, &st, 0), pid);
	p.status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
	return p;
}

Test(robust, closed_stdout_ends_quietly, .fini = fini, .timeout = 120)
{
	char *path, *batchf;
	int fd = td_hash_seq(CHURN_N, "tr_churn", &path);
	const char *dump[] = { "map", "dump", "pinned", NULL, NULL };
	const char *dumpj[] = { "-j", "map", "dump", "pinned", NULL, NULL };
	const char *show[] = { "-f", "map", "show", NULL };
	const char *batch[] = { "batch", "file", NULL, NULL };
	const char *const *cmds[] = { dump, dumpj, batch };
	struct piped p;
	FILE *f;
	int i, ign;

	(void)fd;
	dump[3] = path;
	dumpj[4] = path;
	batchf = td_fmt("/tmp/bpftool-robust-%d.batch", (int)getpid());
	f = fopen(batchf, "w");
	cr_assert(f);
	for (i = 0; i < 50; i++)
		fprintf(f, "map dump pinned %s\n", path);
	fclose(f);
	batch[2] = batchf;
	/* upstream is killed by SIGPIPE, quietly; with SIGPIPE ignored we end quietly with 0 */
	for (ign = 0; ign < 2; ign++) {
		for (i = 0; i < (int)ARRAY_SIZE(cmds); i++) {
			p = run_head1(cmds[i], ign);
			cr_expect_eq(p.status, ign ? 0 : 128 + SIGPIPE, "%s %s: status %d",
				     cmds[i][0], cmds[i][1], p.status);
			cr_expect_str_eq(p.err, "", "%s %s: stderr", cmds[i][0], cmds[i][1]);
			cr_expect_neq(p.first[0], 0, "nothing came out");
			free(p.err);
		}
	}
	/* a show short enough to fit the pipe ends normally */
	p = run_head1(show, false);
	cr_expect_str_eq(p.err, "");
	free(p.err);
	unlink(batchf);
	free(batchf);
	free(path);
}

/* ---- stdout full: every command says so and fails ------------------------------------------ */

static void stdout_full(void *arg)
{
	int fd = open("/dev/full", O_WRONLY);

	(void)arg;
	if (fd < 0 || dup2(fd, 1) < 0)
		_exit(126);
}

#define FULL_MSG "Error: can't write to standard output: No space left on device\n"

static void expect_full(int status, const char *fmt, const char *arg)
{
	char *line = td_fmt(fmt, arg);
	const char *words[32];
	char *save = NULL, *w;
	struct run r;
	int n = 0;

	for (w = strtok_r(line, " ", &save); w; w = strtok_r(NULL, " ", &save))
		words[n++] = w;
	words[n] = NULL;
	r = t_runv_in(words, stdout_full, NULL);
	cr_expect_eq(r.status, status, "'%s' > /dev/full: status %d, want %d", fmt, r.status,
		     status);
	cr_expect(strstr(r.err, FULL_MSG), "'%s' > /dev/full: no message: %s", fmt, r.err);
	t_run_free(&r);
	free(line);
}

Test(robust, full_stdout_is_an_error, .fini = fini, .timeout = 60)
{
	char *path, *batchf;
	int fd = td_map_pinned(BPF_MAP_TYPE_HASH, 4, 4, 8, "tr_full", &path);
	__u32 k = 1, v = 2;
	FILE *f;

	td_update(fd, &k, &v);
	batchf = td_fmt("/tmp/bpftool-robust-%d.batch", (int)getpid());
	f = fopen(batchf, "w");
	cr_assert(f);
	fprintf(f, "map show pinned %s\nmap dump pinned %s\n", path, path);
	fclose(f);
	expect_full(255, "map dump pinned %s", path);
	expect_full(255, "-j map dump pinned %s", path);
	expect_full(255, "-p map dump pinned %s", path);
	expect_full(255, "map show pinned %s", path);
	expect_full(255, "-j map show pinned %s", path);
	expect_full(255, "-f map show%s", "");
	expect_full(255, "map lookup pinned %s key 1 0 0 0", path);
	expect_full(254, "map lookup pinned %s key 9 0 0 0", path);
	expect_full(255, "map getnext pinned %s", path);
	expect_full(255, "-j map update pinned %s key 1 0 0 0 value 3 0 0 0", path);
	expect_full(255, "batch file %s", batchf);
	expect_full(255, "-j batch file %s", batchf);
	expect_full(255, "version%s", "");
	expect_full(255, "-j map help%s", "");
	/* plain prog show writes nothing when no program is loaded; -j always writes [] */
	expect_full(255, "-j prog show%s", "");
	unlink(batchf);
	free(batchf);
	free(path);
}

/* event_pipe: the first record that cannot be written ends it, with the message. */
Test(robust, full_stdout_ends_event_pipe, .fini = fini, .timeout = 60)
{
	struct map_create_opts o = { .map_type = BPF_MAP_TYPE_RINGBUF, .name = "tr_rb",
				     .max_entries = (__u32)sysconf(_SC_PAGESIZE) };
	struct t_ev ev = { .kind = T_EV_RB, .data = "hello", .len = 5 };
	const char *argv[] = { "map", "event_pipe", "pinned", NULL, NULL };
	char *path, *wrap, *abs, *old;
	struct t_child c;
	struct run r;
	int fd, prog, i;
	FILE *f;

	fd = bpf_map_create(&o);
	cr_assert_geq(fd, 0);
	path = td_pin(fd, "tr_rb");
	argv[3] = path;
	/* the child's stdout is /dev/full: a wrapper redirects it, then runs the binary */
	abs = realpath(t_bpftool(), NULL);
	cr_assert(abs);
	wrap = td_fmt("/tmp/bpftool-robust-%d.sh", (int)getpid());
	f = fopen(wrap, "w");
	cr_assert(f);
	fprintf(f, "#!/bin/sh\nexec >/dev/full\nexec '%s' \"$@\"\n", abs);
	fclose(f);
	cr_assert_eq(chmod(wrap, 0700), 0);
	old = getenv("BPFTOOL") ? strdup(getenv("BPFTOOL")) : NULL;
	setenv("BPFTOOL", wrap, 1);
	t_child_start(&c, argv);
	if (old)
		setenv("BPFTOOL", old, 1);
	else
		unsetenv("BPFTOOL");
	cr_assert(t_child_wait_watching(&c, 1, 5000), "event_pipe did not start");
	prog = t_ev_prog(fd, &ev, 1);
	for (i = 0; i < 50 && !c.exited; i++) {
		t_ev_fire(prog, 0, 1);
		t_child_pump(&c, 20);
	}
	r = t_child_finish(&c, SIGKILL);
	cr_expect_eq(r.status, 255, "status %d: %s", r.status, r.err);
	cr_expect_str_eq(r.err, FULL_MSG);
	close(prog);
	t_run_free(&r);
	unlink(wrap);
	free(wrap);
	free(abs);
	free(old);
	free(path);
}

/* ---- stop and continue, again and again, during a long dump into a slow reader ------------- */

Test(robust, stop_continue_storm_keeps_every_byte, .fini = fini, .timeout = 120)
{
	char *path, *want, *got = NULL;
	int fd = td_hash_seq(CHURN_N, "tr_churn", &path), out[2], st, n = 0;
	size_t len = 0, cap = 0;
	struct run ref;
	pid_t pid;

	(void)fd;
	ref = t_run("-j map dump pinned %s", path);
	cr_assert_eq(ref.status, 0);
	want = ref.out;
	cr_assert(!pipe(out));
	pid = fork();
	cr_assert_geq(pid, 0);
	if (!pid) {
		const char *argv[] = { t_bpftool(), "-j", "map", "dump", "pinned", path, NULL };

		dup2(out[1], 1);
		close(out[0]);
		execv(argv[0], (char *const *)argv);
		_exit(127);
	}
	close(out[1]);
	for (;;) {
		char buf[4096];
		ssize_t r;

		/* read slowly, stopping and continuing the writer in between */
		if (n++ % 4 == 0) {
			kill(pid, SIGSTOP);
			usleep(200);
			kill(pid, SIGCONT);
		}
		r = read(out[0], buf, sizeof(buf));
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		if (len + (size_t)r + 1 > cap) {
			cap = (len + (size_t)r + 1) * 2;
			got = realloc(got, cap);
			cr_assert(got);
		}
		memcpy(got + len, buf, (size_t)r);
		len += (size_t)r;
	}
	close(out[0]);
	cr_assert_eq(waitpid(pid, &st, 0), pid);
	cr_expect(WIFEXITED(st) && !WEXITSTATUS(st), "status %d", st);
	cr_assert(got);
	got[len] = 0;
	cr_expect_gt(n, 100, "too few stops to mean anything");
	cr_expect_eq(len, ref.out_len);
	cr_expect(!strcmp(got, want), "bytes lost or changed under stop/continue");
	free(got);
	t_run_free(&ref);
	free(path);
}
