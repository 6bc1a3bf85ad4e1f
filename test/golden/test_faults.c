// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Kernel faults the binary must ride out: bpf(2) calls interrupted (EINTR, retried), batch
 * lookups refused as an old kernel or a type without them refuses them (the walk falls back
 * to get_next_key, and prints nothing it did not read).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "faults.h"
#include "objects.h"
#include "sys_bpf.h"
#include "tdata.h"
#include "util.h"

static void fini(void)
{
	t_dir_cleanup();
}

struct maps {
	char *hash, *array, *pcpu, *queue;
	int fd_hash, fd_array, fd_pcpu, fd_queue;
};

static void make_maps(struct maps *m)
{
	__u32 k, v;

	/* a zero hash seed: the same order every run */
	m->fd_hash = td_map(BPF_MAP_TYPE_HASH, 4, 4, 16, "tf_hash", BPF_F_ZERO_SEED, 0);
	m->hash = td_pin(m->fd_hash, "tf_hash");
	m->fd_array = td_map_pinned(BPF_MAP_TYPE_ARRAY, 4, 4, 3, "tf_array", &m->array);
	m->fd_pcpu = td_map_pinned(BPF_MAP_TYPE_PERCPU_ARRAY, 4, 4, 2, "tf_pcpu", &m->pcpu);
	m->fd_queue = td_map_pinned(BPF_MAP_TYPE_QUEUE, 0, 4, 4, "tf_queue", &m->queue);
	for (k = 1; k <= 3; k++) {
		v = k * 0x01010101u;
		td_update(m->fd_hash, &k, &v);
	}
	k = 1;
	v = 0xaabbccdd;
	td_update(m->fd_array, &k, &v);
	v = 7;
	td_update(m->fd_queue, NULL, &v);
}

static void free_maps(struct maps *m)
{
	free(m->hash);
	free(m->array);
	free(m->pcpu);
	free(m->queue);
}

/* ---- batch lookups refused before they start ------------------------------------------------ */

/* The fault, and an alarm that survives exec: a binary that hangs here dies instead. */
static void setup_fault_alarm(void *arg)
{
	o_setup_fault(arg);
	alarm(20);
}

static struct run run_fault(int cmd, int err, const char *opts, const char *path)
{
	struct o_fault f = { .cmd = cmd, .err = err };

	return o_run_in(setup_fault_alarm, &f, "%s map dump pinned %s", opts, path);
}

static void same_as_normal(int err, const char *opts, const char *path)
{
	struct run want = t_run("%s map dump pinned %s", opts, path);
	struct run got = run_fault(BPF_MAP_LOOKUP_BATCH, err, opts, path);

	cr_assert_eq(want.status, 0, "%s", want.err);
	cr_expect_eq(got.status, 0, "errno %d: status %d: %s", err, got.status, got.err);
	cr_expect_str_eq(got.out, want.out, "errno %d, %s dump of %s", err, opts, path);
	cr_expect_str_eq(got.err, "");
	t_run_free(&want);
	t_run_free(&got);
}

/*
 * A kernel before 5.6 answers BPF_MAP_LOOKUP_BATCH with EINVAL without looking at count; so
 * do the refusals of types without batches (ENOTSUPP), of an fd without read access (EPERM).
 * The count then still says what we asked for: dumps printed that many entries of
 * uninitialised buffer. And a batch EINTR was retried forever with the count the kernel had
 * changed.
 */
Test(faults, batch_refused_up_front, .fini = fini, .timeout = 60)
{
	static const int errs[] = { EINVAL, 524 /* ENOTSUPP */, EPERM, EINTR, EFAULT };
	struct maps m;
	size_t i;

	make_maps(&m);
	for (i = 0; i < ARRAY_SIZE(errs); i++) {
		same_as_normal(errs[i], "", m.hash);
		same_as_normal(errs[i], "-j", m.hash);
		same_as_normal(errs[i], "", m.array);
		same_as_normal(errs[i], "-p", m.pcpu);
	}
	td_expect(run_fault(BPF_MAP_LOOKUP_BATCH, EINVAL, "", m.hash), 0,
		  "key: 02 00 00 00  value: 02 02 02 02\n"
		  "key: 01 00 00 00  value: 01 01 01 01\n"
		  "key: 03 00 00 00  value: 03 03 03 03\n"
		  "Found 3 elements\n", "");
	free_maps(&m);
}

/* ---- EINTR on every other bpf(2) call: each is made again, nothing changes --------------- */

static struct f_notif every_other_eintr(void)
{
	return (struct f_notif){ .cmd = -1, .every = 2, .phase = 1, .err = EINTR };
}

/* The same bytes and status as without faults, and faults were injected. */
static void same_under_eintr(const char *fmt, const char *arg)
{
	struct f_notif n = every_other_eintr();
	struct run want = t_run(fmt, arg);
	struct run got = f_run(&n, fmt, arg);

	cr_expect_gt(n.failed, 0, "no call of '%s' was interrupted", fmt);
	cr_expect_eq(got.status, want.status, "'%s': status %d, want %d: %s", fmt, got.status,
		     want.status, got.err);
	cr_expect_str_eq(got.out, want.out, "'%s' %s", fmt, arg);
	cr_expect_str_eq(got.err, want.err, "'%s' %s", fmt, arg);
	t_run_free(&want);
	t_run_free(&got);
}

Test(faults, eintr_is_retried_read_only, .fini = fini, .timeout = 60)
{
	struct maps m;
	char *id;

	make_maps(&m);
	id = td_fmt("%u", td_map_id(m.fd_hash));
	same_under_eintr("map show id %s", id);
	same_under_eintr("-j map show id %s", id);
	same_under_eintr("-f map show pinned %s", m.hash);
	same_under_eintr("map dump pinned %s", m.hash);
	same_under_eintr("-j map dump pinned %s", m.hash);
	same_under_eintr("map dump pinned %s", m.array);
	same_under_eintr("-p map dump pinned %s", m.pcpu);
	same_under_eintr("map lookup id %s key 2 0 0 0", id);
	same_under_eintr("map lookup id %s key 9 0 0 0", id);
	same_under_eintr("map getnext id %s key 1 0 0 0", id);
	same_under_eintr("map peek pinned %s", m.queue);
	same_under_eintr("map dump id %s", "4294967295");
	same_under_eintr("prog show id %s", "4294967295");
	free(id);
	free_maps(&m);
}

Test(faults, eintr_is_retried_when_writing, .fini = fini, .timeout = 60)
{
	struct f_notif n = every_other_eintr();
	struct maps m;
	char *p;

	make_maps(&m);
	td_expect(f_run(&n, "map update pinned %s key 9 0 0 0 value 1 2 3 4", m.hash), 0, "", "");
	cr_expect_gt(n.failed, 0);
	td_expect(f_run(&n, "map delete pinned %s key 1 0 0 0", m.hash), 0, "", "");
	td_expect(f_run(&n, "-j map push pinned %s value 8 0 0 0", m.queue), 0, "null\n", "");
	td_expect(f_run(&n, "map pop pinned %s", m.queue), 0, "value: 07 00 00 00\n", "");
	td_expect(f_run(&n, "map dequeue pinned %s", m.queue), 0, "value: 08 00 00 00\n", "");
	td_expect(t_run("map dump pinned %s", m.hash), 0,
		  "key: 02 00 00 00  value: 02 02 02 02\n"
		  "key: 09 00 00 00  value: 01 02 03 04\n"
		  "key: 03 00 00 00  value: 03 03 03 03\n"
		  "Found 3 elements\n", "");
	p = td_fmt("%s_c", m.hash);
	td_expect(f_run(&n, "map create %s type array key 4 value 4 entries 2 name tf_c", p), 0,
		  "", "");
	cr_expect_gt(n.failed, 0);
	td_expect(f_run(&n, "map freeze pinned %s", p), 0, "", "");
	td_expect(t_run("map update pinned %s key 0 0 0 0 value 1 0 0 0", p), 255, "",
		  "Error: update failed: Operation not permitted\n");
	free(p);
	p = td_fmt("%s_pin", m.hash);
	td_expect(f_run(&n, "map pin pinned %s %s", m.hash, p), 0, "", "");
	td_expect(t_run("map lookup pinned %s key 9 0 0 0", p), 0,
		  "key: 09 00 00 00  value: 01 02 03 04\n", "");
	free(p);
	free_maps(&m);
}

/*
 * Batch lookups that fail with EINTR part way (the kernel's generic batch gave up on a key
 * that vanished): the walk goes on from where it was, and every entry comes once.
 */
Test(faults, batch_eintr_mid_walk, .fini = fini, .timeout = 60)
{
	struct f_notif n = { .cmd = BPF_MAP_LOOKUP_BATCH, .every = 2, .phase = 0, .err = EINTR };
	__u32 *keys = malloc(30000 * 4), *vals = malloc(30000 * 4), i, count = 30000;
	char *p;
	int fd = td_map_pinned(BPF_MAP_TYPE_HASH, 4, 4, 30000, "tf_big", &p);
	struct run want, got;

	for (i = 0; i < count; i++) {
		keys[i] = i * 2654435761u;
		vals[i] = i;
	}
	cr_assert_eq(bpf_map_update_batch(fd, keys, vals, &count, 0), 0);
	want = t_run("map dump pinned %s", p);
	got = f_run(&n, "map dump pinned %s", p);
	cr_expect_geq(n.failed, 1, "%u batch calls, none interrupted", n.calls);
	cr_expect_eq(got.status, 0, "%s", got.err);
	cr_expect(!strcmp(got.out, want.out), "the interrupted dump differs");
	cr_expect(strstr(got.out, "\nFound 30000 elements\n"));
	t_run_free(&want);
	t_run_free(&got);
	free(keys);
	free(vals);
	free(p);
}
