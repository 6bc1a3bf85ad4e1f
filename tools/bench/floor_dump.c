// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Benchmark floor for `bpftool map dump`: BPF_MAP_LOOKUP_BATCH in large batches, then nothing
 * (-n), upstream's plain layout, or its compact JSON (-j), into one big buffer.
 * usage: floor-dump [-j|-n] pinned PATH | id N
 */
#include "floor.h"

#ifndef BATCH_BYTES
#define BATCH_BYTES (256u << 10)	/* keys + values fetched per bpf(2) call */
#endif

struct dump {
	struct fmt f;
	struct obuf ob;
	int mode;		/* 'p' plain, 'j' JSON, 'n' no output */
	unsigned long long n;	/* entries so far */
};

static void emit(struct dump *d, const unsigned char *keys, const unsigned char *vals,
		 __u32 count)
{
	const struct fmt *f = &d->f;
	__u32 i;
	char *o;

	if (d->mode == 'n') {
		d->n += count;
		return;
	}
	for (i = 0; i < count; i++, d->n++, keys += f->ks, vals += f->vstride) {
		o = ob_room(&d->ob, f->bound);
		if (d->mode == 'j') {
			*o++ = d->n ? ',' : '[';
			o = fmt_json(f, o, keys, vals);
		} else {
			o = fmt_plain(f, o, keys, vals);
		}
		ob_done(&d->ob, o);
	}
}

static void finish(struct dump *d)
{
	char *o;

	if (d->mode == 'n')
		return;
	o = ob_room(&d->ob, 64);
	if (d->mode == 'j') {
		if (!d->n)
			*o++ = '[';
		o = PUTS(o, "]\n");
	} else {
		o = PUTS(o, "Found ");
		o = put_u64(o, d->n);
		o = d->n == 1 ? PUTS(o, " element\n") : PUTS(o, " elements\n");
	}
	ob_done(&d->ob, o);
	ob_flush(&d->ob);
}

static void alloc_batch(const struct fmt *f, __u32 room, unsigned char **keys,
			unsigned char **vals)
{
	free(*keys);
	free(*vals);
	*keys = malloc((size_t)room * f->ks + 1);
	*vals = malloc((size_t)room * f->vstride + 1);
	if (!*keys || !*vals)
		floor_die("malloc", ENOMEM);
}

/* The batch cursor is a bucket index for hash maps and a key for the generic (array) ops. */
static void walk(int fd, const struct bpf_map_info *info, struct dump *d)
{
	size_t tok = d->f.ks > 8 ? d->f.ks : 8;
	__u32 room = BATCH_BYTES / (d->f.ks + d->f.vstride), count;
	unsigned char *keys = NULL, *vals = NULL, *in = NULL, *out = calloc(2, tok);
	int r;

	if (!out)
		floor_die("malloc", ENOMEM);
	if (room > info->max_entries)
		room = info->max_entries;
	if (room < 64)
		room = 64;
	alloc_batch(&d->f, room, &keys, &vals);
	for (;;) {
		count = room;
		r = bpf_map_lookup_batch(fd, in, out, keys, vals, &count, 0);
		if (r == -ENOSPC && !count) {	/* one bucket holds more than room: grow */
			room *= 2;
			alloc_batch(&d->f, room, &keys, &vals);
			continue;
		}
		if (r && r != -ENOENT)
			floor_die("BPF_MAP_LOOKUP_BATCH", r);
		emit(d, keys, vals, count);
		if (r == -ENOENT)
			break;
		in = out + tok;
		memcpy(in, out, tok);
	}
	free(keys);
	free(vals);
	free(out);
}

int main(int argc, char **argv)
{
	struct bpf_map_info info;
	struct dump d = { .mode = 'p' };
	int fd;

	(void)argc;
	argv++;
	if (*argv && (!strcmp(*argv, "-j") || !strcmp(*argv, "-n")))
		d.mode = (*argv++)[1];
	fd = floor_open(&argv);
	floor_info(fd, &info);
	fmt_init(&d.f, &info);
	hex_init();
	if (d.mode != 'n')
		ob_init(&d.ob, OB_CAP > 2 * d.f.bound ? OB_CAP : 2 * d.f.bound);
	walk(fd, &info, &d);
	finish(&d);
	return 0;
}
