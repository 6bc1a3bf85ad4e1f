// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Kernel faults the binary must ride out: batch lookups refused as an old kernel or a type
 * without them refuses them (the walk falls back to get_next_key, and prints nothing it did
 * not read).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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
