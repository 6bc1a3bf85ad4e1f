// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* The map walker (mapwalk.c) on the real kernel: batch and fallback paths, growth, restarts. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mapwalk.h"
#include "sys_bpf.h"
#include "tdata.h"

static void info_of(int fd, struct bpf_map_info *info)
{
	__u32 len = sizeof(*info);

	memset(info, 0, sizeof(*info));
	cr_assert_eq(bpf_obj_get_info_by_fd(fd, info, &len), 0);
}

/* Walks the whole map; every key must come once; returns the number of entries. */
static int walk_all(int fd, bool batch, __u32 force_cap, bool *stayed_batch, __u32 *chunks)
{
	struct bpf_map_info info;
	struct map_walk w;
	char *seen;
	int n, total = 0;
	__u32 i;

	info_of(fd, &info);
	seen = calloc(info.max_entries, 1);
	cr_assert(seen);
	map_walk_open(&w, fd, &info, 1, batch);
	if (force_cap)
		w.cap = force_cap;
	*chunks = 0;
	while ((n = map_walk_next(&w)) > 0) {
		(*chunks)++;
		for (i = 0; i < (__u32)n; i++) {
			__u32 k, v;

			memcpy(&k, map_walk_key(&w, i), 4);
			memcpy(&v, map_walk_value(&w, i), 4);
			cr_assert_lt(k, info.max_entries);
			cr_assert(!seen[k], "key %u twice", k);
			seen[k] = 1;
			cr_assert_eq(v, k * 3, "key %u value %u", k, v);
			cr_assert(!w.chunk_errs || !w.errs[i]);
			total++;
		}
	}
	cr_assert_eq(n, 0, "walk failed: %s", strerror(-n));
	cr_assert(!w.restarted && !w.bounded);
	*stayed_batch = w.batch;
	map_walk_close(&w);
	free(seen);
	return total;
}

static int filled(__u32 type, __u32 entries, __u32 flags)
{
	int fd = td_map(type, 4, 4, entries, "td_walk", flags, 0);
	__u32 *k = malloc(entries * 4), *v = malloc(entries * 4), i, count = entries;

	for (i = 0; i < entries; i++) {
		k[i] = i;
		v[i] = i * 3;
	}
	cr_assert_eq(bpf_map_update_batch(fd, k, v, &count, 0), 0);
	free(k);
	free(v);
	return fd;
}

Test(mapwalk, hash_batch_and_fallback)
{
	int fd = filled(BPF_MAP_TYPE_HASH, 20000, 0);
	__u32 chunks;
	bool batch;

	cr_assert_eq(walk_all(fd, true, 0, &batch, &chunks), 20000);
	cr_expect(batch, "the hash batch was not used");
	cr_expect_leq(chunks, 4, "%u chunks for 20000 entries", chunks);
	cr_assert_eq(walk_all(fd, false, 0, &batch, &chunks), 20000);
	cr_expect(!batch);
	close(fd);
}

Test(mapwalk, batch_and_small_fallback_chunks)
{
	static const __u32 types[] = { BPF_MAP_TYPE_ARRAY, BPF_MAP_TYPE_HASH };
	__u32 chunks;
	bool batch;
	size_t i;

	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
		int fd = filled(types[i], 5000, 0);

		cr_assert_eq(walk_all(fd, true, 0, &batch, &chunks), 5000);
		cr_expect(batch, "type %u: batch not used", types[i]);
		cr_assert_eq(walk_all(fd, false, 100, &batch, &chunks), 5000);
		cr_expect_eq(chunks, 50);
		close(fd);
	}
}

Test(mapwalk, bucket_larger_than_chunk_grows)
{
	int fd = filled(BPF_MAP_TYPE_HASH, 64, 0);
	__u32 chunks;
	bool batch;

	/* 64 keys in 64 buckets: some bucket holds two, so a 1-entry chunk must grow */
	cr_assert_eq(walk_all(fd, true, 1, &batch, &chunks), 64);
	cr_expect(batch);
	close(fd);
}

Test(mapwalk, slot_maps_take_the_fallback)
{
	int fd = td_map(BPF_MAP_TYPE_DEVMAP, 4, 4, 3, "td_wdev", 0, 0);
	struct bpf_map_info info;
	struct map_walk w;
	int n;

	info_of(fd, &info);
	map_walk_open(&w, fd, &info, 1, true);
	cr_expect(!w.batch);
	n = map_walk_next(&w);
	cr_assert_eq(n, 3);
	cr_assert(w.chunk_errs);
	cr_expect_eq(w.errs[0], ENOENT);
	cr_expect_eq(w.errs[2], ENOENT);
	cr_assert_eq(map_walk_next(&w), 0);
	map_walk_close(&w);
	close(fd);
}

Test(mapwalk, unwalkable_reports_errno)
{
	int fd = td_map(BPF_MAP_TYPE_QUEUE, 0, 4, 3, "td_wq", 0, 0);
	struct bpf_map_info info;
	struct map_walk w;

	info_of(fd, &info);
	map_walk_open(&w, fd, &info, 1, true);
	cr_assert_eq(map_walk_next(&w), -EINVAL);
	cr_assert_eq(map_walk_next(&w), 0);
	map_walk_close(&w);
	close(fd);
}

/* get_next_key from a deleted key starts over; the fallback notices and stops. */
Test(mapwalk, fallback_stops_at_restart)
{
	int fd = filled(BPF_MAP_TYPE_HASH, 64, 0);
	struct bpf_map_info info;
	struct map_walk w;
	__u32 k;

	info_of(fd, &info);
	map_walk_open(&w, fd, &info, 1, false);
	w.cap = 1;
	cr_assert_eq(map_walk_next(&w), 1);
	cr_assert_eq(map_walk_next(&w), 1);
	memcpy(&k, map_walk_key(&w, 0), 4);
	cr_assert_eq(bpf_map_delete_elem(fd, &k), 0);
	while (map_walk_next(&w) > 0)
		;
	cr_expect(w.restarted);
	cr_expect_leq(w.steps, 3);
	map_walk_close(&w);
	close(fd);
}
