// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Walking every element of a map in chunks. The fast path is BPF_MAP_LOOKUP_BATCH (5.6+):
 * one bpf(2) call returns thousands of keys and values. The hash family has its own batch
 * code whose resume token is a bucket index, so deleting elements under it never restarts
 * the walk and no key comes twice. Arrays and LPM tries use the kernel's generic batch,
 * which walks with get_next_key inside the kernel. Everything else (and kernels without
 * batches) is walked the way upstream bpftool does it: get_next_key, then lookup, per key.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "maptype.h"
#include "mapwalk.h"
#include "sys_bpf.h"
#include "util.h"


/* Past this the batch buffers do not grow; the walk goes on with get_next_key instead. */
#define MAPWALK_GROW_MAX (64 * 1024 * 1024)

/* The hash family's batch: the resume token is a bucket index. */
static bool batch_by_bucket(__u32 type)
{
	return type == BPF_MAP_TYPE_HASH || type == BPF_MAP_TYPE_PERCPU_HASH ||
	       type == BPF_MAP_TYPE_LRU_HASH || type == BPF_MAP_TYPE_LRU_PERCPU_HASH ||
	       type == BPF_MAP_TYPE_HASH_OF_MAPS;
}

/*
 * The kernel's generic batch (get_next_key + lookup in the kernel): used only where every
 * key it finds can be read. It gives up on a slot whose lookup fails (an empty
 * array_of_maps slot ends it with EINTR), so the other types take the fallback, which
 * reports such slots one by one as upstream does.
 */
static bool batch_by_key(__u32 type)
{
	return type == BPF_MAP_TYPE_ARRAY || type == BPF_MAP_TYPE_PERCPU_ARRAY ||
	       type == BPF_MAP_TYPE_LPM_TRIE;
}

static void alloc_bufs(struct map_walk *w, __u32 cap)
{
	free(w->keys);
	free(w->values);
	free(w->errs);
	w->cap = cap;
	w->keys = xmalloc((size_t)cap * w->key_size);
	w->values = xmalloc((size_t)cap * w->vsize);
	w->errs = xmalloc((size_t)cap * sizeof(*w->errs));
}

void map_walk_open(struct map_walk *w, int fd, const struct bpf_map_info *info, int ncpus,
		   bool batch)
{
	size_t elem, cap;

	memset(w, 0, sizeof(*w));
	w->fd = fd;
	w->type = info->type;
	w->key_size = info->key_size;
	w->max_entries = info->max_entries;
	w->vsize = info->value_size;
	if (map_is_per_cpu(info->type))
		w->vsize = round_up((size_t)info->value_size, 8) * (size_t)ncpus;
	w->bucket_cursor = batch_by_bucket(info->type);
	w->batch = batch && (w->bucket_cursor || batch_by_key(info->type));
	elem = w->key_size + w->vsize;
	cap = MAPWALK_BUDGET / (elem ? elem : 1);
	if (cap > info->max_entries)
		cap = info->max_entries;
	alloc_bufs(w, cap ? (__u32)cap : 1);
	/* a bucket index (u32) or a key */
	w->cursor = xcalloc(w->key_size > 8 ? w->key_size : 8, 1);
	w->prev = xcalloc(w->key_size, 1);
	w->first = xcalloc(w->key_size, 1);
	/*
	 * No map holds more than max_entries elements at a time (stack_trace keys go up to
	 * the next power of two); a walk that returns four times as many is being fed by
	 * concurrent inserts faster than it reads, and stops.
	 */
	w->bound = 4ULL * info->max_entries + 64;
}

void map_walk_close(struct map_walk *w)
{
	free(w->keys);
	free(w->values);
	free(w->errs);
	free(w->cursor);
	free(w->prev);
	free(w->first);
	memset(w, 0, sizeof(*w));
	w->fd = -1;
}

/*
 * Whether key k, about to be returned, may be: not when it is the first key again (the
 * kernel restarted the walk because the key we continued from was deleted: hash maps
 * start over at the first bucket, LPM tries at the leftmost node), nor past the bound.
 */
static bool walk_admit(struct map_walk *w, const __u8 *k)
{
	if (w->have_first && !memcmp(k, w->first, w->key_size)) {
		w->restarted = true;
		w->done = true;
		return false;
	}
	if (++w->steps > w->bound) {
		w->bounded = true;
		w->done = true;
		return false;
	}
	return true;
}

/* Key k is returned: it is the one to go on from, and maybe the first one. */
static void walk_keep(struct map_walk *w, const __u8 *k)
{
	if (!w->have_first) {
		memcpy(w->first, k, w->key_size);
		w->have_first = true;
	}
	memcpy(w->prev, k, w->key_size);
	w->have_prev = true;
}

/*
 * upstream's walk: get_next_key from the last key, then look the key up. Its limits, all
 * about maps that change while we read them:
 *  - keyed maps (hash, LPM, ...): a key deleted between get_next_key and lookup is skipped
 *    and the walk goes on after the key before it (upstream prints "<no entry>" and then
 *    continues from the deleted key, which makes the kernel start over). If the key we go
 *    on from is deleted before our get_next_key, the kernel still starts over: we stop
 *    when we see the first key again, so the entries after that point are missing (and if
 *    the first key itself went away meanwhile, some keys can come twice until the bound).
 *    A key deleted and re-inserted while we stand on it moves to the head of its hash
 *    bucket, and the kernel then walks that bucket's earlier keys again: a few duplicates.
 *  - the walk never returns more than 4 * max_entries + 64 keys.
 * Slot-indexed maps (arrays, prog/fd arrays, devmaps, sockmaps) never restart, and an
 * unreadable slot is returned with its errno, as upstream prints it.
 */
static int fallback_chunk(struct map_walk *w)
{
	__u32 n = 0;
	int err;

	w->chunk_errs = true;
	while (n < w->cap && !w->done) {
		__u8 *k = map_walk_key(w, n);

		err = bpf_map_get_next_key(w->fd, w->have_prev ? w->prev : NULL, k);
		if (err == -ENOENT) {
			w->done = true;
			break;
		}
		if (err) {
			if (n) {
				w->pending = err;	/* after the entries we have */
				break;
			}
			w->done = true;
			return err;
		}
		if (!walk_admit(w, k))
			break;
		err = bpf_map_lookup_elem(w->fd, k, map_walk_value(w, n), 0);
		if (err == -ENOENT && !map_is_indexed(w->type))
			continue;	/* deleted meanwhile: go on after the previous key */
		w->errs[n] = -err;
		walk_keep(w, k);
		n++;
	}
	return (int)n;
}

/* A hash bucket holds more elements than the chunk: double it, within reason. */
static bool grow(struct map_walk *w)
{
	size_t elem = w->key_size + w->vsize;

	if (w->cap >= w->max_entries || (size_t)w->cap * 2 * elem > MAPWALK_GROW_MAX)
		return false;
	alloc_bufs(w, w->cap * 2);
	return true;
}

/* Checks a generic batch's keys as the fallback checks its own; returns how many stand. */
static __u32 walk_admit_chunk(struct map_walk *w, __u32 count)
{
	__u32 i;

	for (i = 0; i < count; i++) {
		if (!walk_admit(w, map_walk_key(w, i)))
			return i;
		walk_keep(w, map_walk_key(w, i));
	}
	return count;
}

static int batch_chunk(struct map_walk *w)
{
	for (;;) {
		__u32 count = w->cap;
		int err;

		err = bpf_map_lookup_batch(w->fd, w->started ? w->cursor : NULL, w->cursor,
					   w->keys, w->values, &count, 0);
		if (count > w->cap)
			count = 0;	/* never: the kernel fills at most what it was given */
		if (err == -ENOSPC && !count && w->bucket_cursor) {
			if (grow(w))
				continue;
			w->batch = false;	/* a giant bucket: read it key by key */
			return fallback_chunk(w);
		}
		if (err && err != -ENOENT && !w->started && !count) {
			/* no batch here (kernel < 5.6: EINVAL; type without it: ENOTSUPP) */
			w->batch = false;
			return fallback_chunk(w);
		}
		w->started = true;
		w->chunk_errs = false;
		if (err == -ENOENT)
			w->done = true;
		else if (err)
			w->batch = false;	/* go on key by key from the last key kept */
		/*
		 * EINTR among them: the generic batch met a key deleted under it. The sys layer
		 * reports no entries then (it cannot tell the kernel's count from one it never
		 * wrote), so the fallback reads again from the last key we kept: nothing lost.
		 */
		if (!w->bucket_cursor)
			count = walk_admit_chunk(w, count);
		else if (count)
			walk_keep(w, map_walk_key(w, count - 1));
		if (count || w->done)
			return (int)count;
		if (!w->batch)
			return fallback_chunk(w);
		if (++w->steps > w->bound) {
			w->bounded = true;
			w->done = true;
			return 0;
		}
	}
}

int map_walk_next(struct map_walk *w)
{
	int err;

	if (w->pending) {
		err = w->pending;
		w->pending = 0;
		w->done = true;
		return err;
	}
	if (w->done)
		return 0;
	return w->batch ? batch_chunk(w) : fallback_chunk(w);
}
