// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * dump at scale and under stress: 100k elements through the batch and the fallback path,
 * bounded memory, a map churned while it is dumped, read-only access, no /sys.
 */
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <linux/capability.h>

#include "sys_bpf.h"
#include "peak.h"
#include "tdata.h"

static void fini(void)
{
	t_dir_cleanup();
}

/* A hash (or array) of n entries, key i (4 bytes), value bytes derived from i. */
static int fill(__u32 type, __u32 n, __u32 vsize, const char *name, char **path)
{
	int fd = td_map_pinned(type, 4, vsize, n, name, path);
	/* per-CPU values come as one 8-byte aligned slot per possible CPU */
	size_t stride = type == BPF_MAP_TYPE_PERCPU_HASH ?
			(size_t)(vsize + 7) / 8 * 8 * (size_t)td_ncpus() : vsize;
	__u32 *keys = malloc((size_t)n * 4), i, count = n;
	__u8 *vals = calloc(n, stride);
	int err;

	cr_assert(keys && vals);
	for (i = 0; i < n; i++) {
		keys[i] = type == BPF_MAP_TYPE_ARRAY ? i : i * 2654435761u;
		memset(vals + (size_t)i * stride, (int)(i & 0xff), stride);
		memcpy(vals + (size_t)i * stride, &i, 4);
	}
	err = bpf_map_update_batch(fd, keys, vals, &count, 0);
	cr_assert_eq(err, 0, "update batch: %s", strerror(-err));
	cr_assert_eq(count, n);
	free(keys);
	free(vals);
	return fd;
}

static struct run dump_with(const char *opts, const char *path, bool batch)
{
	struct run r;

	if (!batch)
		setenv("BPFTOOL_TEST_NO_BATCH", "1", 1);
	r = t_run("%s map dump pinned %s", opts, path);
	unsetenv("BPFTOOL_TEST_NO_BATCH");
	return r;
}

static void same_dumps(const char *opts, const char *path, const char *found)
{
	struct run a = dump_with(opts, path, true), b = dump_with(opts, path, false);

	cr_assert_eq(a.status, 0, "%s", a.err);
	cr_assert_eq(b.status, 0, "%s", b.err);
	cr_expect_str_eq(a.err, "");
	cr_expect_str_eq(b.err, "");
	cr_assert_eq(a.out_len, b.out_len, "batch %zu bytes, fallback %zu", a.out_len, b.out_len);
	cr_assert(!memcmp(a.out, b.out, a.out_len), "batch and fallback dumps differ");
	if (found) {
		cr_assert_geq(a.out_len, strlen(found));
		cr_expect_str_eq(a.out + a.out_len - strlen(found), found);
	} else {
		size_t where;

		cr_expect(t_json_valid(a.out, a.out_len, &where), "invalid JSON at %zu", where);
	}
	t_run_free(&a);
	t_run_free(&b);
}

Test(map_bulk, batch_and_fallback_agree_on_100k, .fini = fini, .timeout = 120)
{
	char *ph, *pa, *pp;

	fill(BPF_MAP_TYPE_HASH, 100000, 8, "td_b100k", &ph);
	same_dumps("", ph, "\nFound 100000 elements\n");
	same_dumps("-j", ph, NULL);
	fill(BPF_MAP_TYPE_ARRAY, 20000, 12, "td_barr", &pa);
	same_dumps("", pa, "\nFound 20000 elements\n");
	fill(BPF_MAP_TYPE_PERCPU_HASH, 5000, 4, "td_bpch", &pp);
	same_dumps("", pp, "\nFound 5000 elements\n");
	same_dumps("-p", pp, NULL);
	free(ph);
	free(pa);
	free(pp);
}

static long child_maxrss_kb(void)
{
	struct rusage ru;

	cr_assert_eq(getrusage(RUSAGE_CHILDREN, &ru), 0);
	return ru.ru_maxrss;
}

/* The dump streams: a map of 100k x 64 bytes (6.4 MB of data) needs no more memory. */
Test(map_bulk, memory_is_constant, .fini = fini, .timeout = 120)
{
	char *small, *big;
	struct run r;
	long base, peak;

	fill(BPF_MAP_TYPE_HASH, 16, 60, "td_msmall", &small);
	fill(BPF_MAP_TYPE_HASH, 100000, 60, "td_mbig", &big);
	r = t_run("-j map dump pinned %s", small);
	cr_assert_eq(r.status, 0);
	t_run_free(&r);
	base = child_maxrss_kb();
	r = t_run("-j map dump pinned %s", big);
	cr_assert_eq(r.status, 0);
	cr_assert_gt(r.out_len, 100000 * 60 * 6);
	t_run_free(&r);
	peak = child_maxrss_kb();
	cr_expect_lt(peak - base, 3 * 1024, "dump of 100k entries grew RSS by %ld KiB",
		     peak - base);
	free(small);
	free(big);
}

/*
 * The goal, on the product: peak memory <= 512 KiB for any dump size, plain and JSON,
 * per-CPU values included (the sanitized build is not the product: its runtime alone is
 * bigger). Exact peak: see t_peak_kib().
 */
Test(map_bulk, peak_memory_within_512_kib, .fini = fini, .timeout = 120)
{
	const char *modes[] = { "--", "-j", "-p" }, *bin = t_bpftool();
	char *big, *pc;
	long kib;
	int st;
	size_t i;

	if (strstr(bin, "-san/"))
		cr_skip_test("a sanitized build's memory is its runtime's");
	fill(BPF_MAP_TYPE_HASH, 100000, 60, "td_pbig", &big);
	fill(BPF_MAP_TYPE_PERCPU_HASH, 20000, 8, "td_ppc", &pc);
	for (i = 0; i < 3; i++) {
		kib = t_peak_kib((const char *[]){ modes[i], "map", "dump", "pinned", big, NULL },
				 &st);
		cr_expect_eq(st, 0);
		cr_expect(kib > 0 && kib <= 512, "%s dump of 100k x 64 bytes: peak %ld KiB",
			  modes[i], kib);
		kib = t_peak_kib((const char *[]){ modes[i], "map", "dump", "pinned", pc, NULL },
				 &st);
		cr_expect_eq(st, 0);
		cr_expect(kib > 0 && kib <= 512, "%s dump of 20k per-CPU: peak %ld KiB", modes[i],
			  kib);
	}
	free(big);
	free(pc);
}

/* ---- churn: another process deletes and re-inserts keys while we dump ---------------------- */

#define CHURN_N 40000
#define CHURN_TOUCHED 20000	/* keys 0 .. CHURN_TOUCHED-1 are churned */

static pid_t churn(int fd)
{
	pid_t pid = fork();

	cr_assert_geq(pid, 0);
	if (!pid) {
		__u64 v;
		__u32 k;
		int i;

		alarm(60);
		for (i = 0;; i = (i + 7919) % CHURN_TOUCHED) {
			k = (__u32)i;
			v = k;
			bpf_map_delete_elem(fd, &k);
			bpf_map_update_elem(fd, &k, &v, 0);
		}
	}
	return pid;
}

static void stop(pid_t pid)
{
	int st;

	kill(pid, SIGKILL);
	waitpid(pid, &st, 0);
}

/* Parses "key: xx xx xx xx  value: ..." lines; counts each key, returns the lines. */
static __u32 parse_keys(const char *out, __u8 *count, __u32 *dups)
{
	const char *p = out;
	__u32 lines = 0;

	*dups = 0;
	while ((p = strstr(p, "key: "))) {
		unsigned int b[4];
		__u32 k;

		cr_assert_eq(sscanf(p, "key: %x %x %x %x", &b[0], &b[1], &b[2], &b[3]), 4);
		k = b[0] | b[1] << 8 | b[2] << 16 | (__u32)b[3] << 24;
		cr_assert_lt(k, CHURN_N, "key %u", k);
		if (count[k]++)
			(*dups)++;
		lines++;
		p += 5;
	}
	return lines;
}

Test(map_bulk, churned_dump_terminates_without_duplicates, .fini = fini, .timeout = 120)
{
	__u8 *count = calloc(CHURN_N, 1);
	char *path, *found;
	int fd = td_hash_seq(CHURN_N, "td_churn", &path), round;
	__u32 lines, dups, i;
	struct run r;
	pid_t pid;

	pid = churn(fd);
	for (round = 0; round < 3; round++) {
		memset(count, 0, CHURN_N);
		r = t_run("map dump pinned %s", path);
		cr_assert_eq(r.status, 0, "%s", r.err);
		lines = parse_keys(r.out, count, &dups);
		cr_expect_eq(dups, 0, "%u keys printed twice", dups);
		for (i = CHURN_TOUCHED; i < CHURN_N; i++)
			cr_expect(count[i] == 1, "untouched key %u missing", i);
		found = td_fmt("Found %u element%s\n", lines, lines == 1 ? "" : "s");
		cr_expect(strstr(r.out, found), "%s", found);
		free(found);
		t_run_free(&r);
	}
	stop(pid);
	free(count);
	free(path);
}

/*
 * The get_next_key fallback cannot promise as much (see mapwalk.c): it must end, and
 * never print more than the bound.
 */
Test(map_bulk, churned_fallback_terminates, .fini = fini, .timeout = 120)
{
	__u8 *count = calloc(CHURN_N, 1);
	char *path;
	int fd = td_hash_seq(CHURN_N, "td_churn", &path);
	__u32 lines, dups;
	struct run r;
	pid_t pid;

	pid = churn(fd);
	setenv("BPFTOOL_TEST_NO_BATCH", "1", 1);
	r = t_run("map dump pinned %s", path);
	unsetenv("BPFTOOL_TEST_NO_BATCH");
	stop(pid);
	cr_assert_eq(r.status, 0, "%s", r.err);
	lines = parse_keys(r.out, count, &dups);
	cr_expect_leq(lines, 4 * CHURN_N + 64);
	cr_expect(strstr(r.out, "\nFound "));
	t_run_free(&r);
	free(count);
	free(path);
}

/* ---- access -------------------------------------------------------------------------------- */

/*
 * A pinned map only readable by its owner, and a bpftool without CAP_DAC_OVERRIDE: the
 * read-only commands open it with BPF_F_RDONLY and work, the writing ones are refused.
 * (Upstream 7.1 opens everything read-write, so even its dump fails here.)
 */
Test(map_bulk, read_only_access, .fini = fini)
{
	__u32 k = 1;
	__u64 v = 2;
	char *p, *err;
	int fd = td_map_pinned(BPF_MAP_TYPE_HASH, 4, 8, 4, "td_ro", &p);
	int fq = td_map(BPF_MAP_TYPE_QUEUE, 0, 4, 4, "td_roq", 0, 0);
	char *pq = td_pin(fq, "td_roq");

	td_update(fd, &k, &v);
	td_update(fq, NULL, &k);
	cr_assert_eq(chmod(p, 0400), 0);
	cr_assert_eq(chmod(pq, 0400), 0);
	/* children exec without these capabilities; this process keeps its own */
	cr_assert_eq(prctl(PR_CAPBSET_DROP, CAP_DAC_OVERRIDE, 0, 0, 0), 0);
	cr_assert_eq(prctl(PR_CAPBSET_DROP, CAP_DAC_READ_SEARCH, 0, 0, 0), 0);
	td_expect(t_run("map dump pinned %s", p), 0,
		  "key: 01 00 00 00  value: 02 00 00 00 00 00 00 00\nFound 1 element\n", "");
	td_expect(t_run("map lookup pinned %s key 1 0 0 0", p), 0,
		  "key: 01 00 00 00  value: 02 00 00 00 00 00 00 00\n", "");
	td_expect(t_run("map getnext pinned %s", p), 0, "key: None\nnext key:\n01 00 00 00\n", "");
	td_expect(t_run("map peek pinned %s", pq), 0, "value: 01 00 00 00\n", "");
	err = td_fmt("Error: bpf obj get (%s): Permission denied\n", p);
	td_expect(t_run("map update pinned %s key 1 0 0 0 value 0 0 0 0 0 0 0 0", p), 255, "",
		  err);
	td_expect(t_run("map delete pinned %s key 1 0 0 0", p), 255, "", err);
	free(err);
	err = td_fmt("Error: bpf obj get (%s): Permission denied\n", pq);
	td_expect(t_run("map pop pinned %s", pq), 255, "", err);
	td_expect(t_run("map push pinned %s value 1 0 0 0", pq), 255, "", err);
	free(err);
	free(p);
	free(pq);
}

/* Without /sys the CPU count of per-CPU values is unknown: say so, do not guess. */
Test(map_bulk, no_sys_mounted)
{
	int fd = td_map(BPF_MAP_TYPE_PERCPU_ARRAY, 4, 4, 1, "td_nosys", 0, 0);
	int fh = td_map(BPF_MAP_TYPE_ARRAY, 4, 4, 1, "td_nosys2", 0, 0);
	static const char msg[] =
		"Can't get # of possible cpus: No such file or directory (is /sys mounted?)";
	char *want;

	if (unshare(CLONE_NEWNS))
		t_skip_or_fail("unshare(CLONE_NEWNS): %s", strerror(errno));
	cr_assert_eq(mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL), 0);
	cr_assert_eq(umount2("/sys", MNT_DETACH), 0, "umount /sys: %s", strerror(errno));
	want = td_fmt("Error: %s\n", msg);
	td_expect(t_run("map dump id %u", td_map_id(fd)), 255, "", want);
	td_expect(t_run("map lookup id %u key 0 0 0 0", td_map_id(fd)), 255, "", want);
	td_expect(t_run("map update id %u key 0 0 0 0 value 1 0 0 0", td_map_id(fd)), 255, "",
		  want);
	free(want);
	want = td_fmt("{\"error\":\"%s\"}\n", msg);
	td_expect_json(t_run("-j map dump id %u", td_map_id(fd)), 255, want);
	free(want);
	/* maps without per-CPU values need no CPU count */
	td_expect(t_run("map dump id %u", td_map_id(fh)), 0,
		  "key: 00 00 00 00  value: 00 00 00 00\nFound 1 element\n", "");
}
