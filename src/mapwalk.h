/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* Walking every element of a map in chunks: BPF_MAP_LOOKUP_BATCH, else get_next_key + lookup. */
#ifndef MAPWALK_H
#define MAPWALK_H

#include <stdbool.h>
#include <stddef.h>

#include <linux/bpf.h>

/* Bytes of keys + values one chunk holds (the buffers grow only if a hash bucket is larger). */
#define MAPWALK_BUDGET (96 * 1024)

struct map_walk {
	int fd;
	__u32 type;
	__u32 key_size;
	__u32 max_entries;
	size_t vsize;		/* bytes of one value as the kernel copies it (all CPUs) */
	bool batch;		/* still reading with BPF_MAP_LOOKUP_BATCH */
	bool bucket_cursor;	/* the batch resumes at a hash bucket: it never restarts */
	__u32 cap;		/* entries the buffers hold */
	__u8 *keys;		/* cap keys */
	__u8 *values;		/* cap values */
	int *errs;		/* cap errnos of the fallback's lookups (0: read) */
	bool chunk_errs;	/* errs[] is valid for the current chunk */
	__u8 *cursor;		/* the batch's resume token: a bucket index or a key */
	__u8 *prev;		/* the last key returned: where the fallback goes on from */
	__u8 *first;		/* the first key returned: seeing it again means a restart */
	bool started, have_prev, have_first, done;
	int pending;		/* an error to report after the entries already returned */
	unsigned long long steps, bound;
	bool restarted;		/* stopped: the kernel restarted the walk from the start */
	bool bounded;		/* stopped: more entries than the map can hold */
};

/*
 * Prepares a walk over the map's elements; ncpus is the possible CPU count (per-CPU
 * maps), batch false forces the get_next_key + lookup fallback (a test seam).
 */
void map_walk_open(struct map_walk *w, int fd, const struct bpf_map_info *info, int ncpus,
		   bool batch);
/*
 * The next chunk: returns how many entries keys[]/values[] (and errs[] when chunk_errs)
 * hold, 0 at the end, or -errno when the map cannot be walked (its get_next_key fails
 * with something other than ENOENT: queues, ring buffers, bloom filters, ...).
 */
int map_walk_next(struct map_walk *w);
void map_walk_close(struct map_walk *w);

static inline void *map_walk_key(const struct map_walk *w, __u32 i)
{
	return w->keys + (size_t)i * w->key_size;
}

static inline void *map_walk_value(const struct map_walk *w, __u32 i)
{
	return w->values + (size_t)i * w->vsize;
}

#endif
