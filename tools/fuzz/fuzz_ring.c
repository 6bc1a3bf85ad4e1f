// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The perf ring and BPF ring buffer readers (ring.c) over synthetic rings built from the
 * fuzzer's bytes: positions anywhere (a ring buffer's consumer page is writable by every
 * process that maps it), any record headers. Each record handed over must lie inside the
 * ring, whatever the positions say; ASan sees any read outside the buffers.
 *
 * Input: u8 log2 of the data size (6..12), u8 stop-after count, u64 tail (perf) / cons (rb),
 * u16 head - tail / prod - cons, then the data area (repeated to fill it).
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "ring.h"

struct seen {
	const char *lo, *hi;	/* where records may lie */
	unsigned int n, stop;
};

static int on_perf(const struct perf_event_header *rec, void *ctx)
{
	struct seen *s = ctx;
	struct perf_rec pr;
	const char *p = (const char *)rec;

	if (rec->size < sizeof(*rec))
		abort();
	/* a record lies in the ring, or is a copy the reader made of one that wraps */
	if (p >= s->lo && p < s->hi && (size_t)(s->hi - p) < rec->size)
		abort();
	ring_perf_decode(rec, &pr);
	if (pr.data && ((const char *)pr.data < p ||
			(const char *)pr.data + pr.data_len > p + rec->size))
		abort();
	/* read every byte handed over */
	if (pr.data_len) {
		volatile unsigned char sum = 0;
		__u32 i;

		for (i = 0; i < pr.data_len; i++)
			sum ^= ((const unsigned char *)pr.data)[i];
	}
	return ++s->n == s->stop;
}

static int on_rb(const void *sample, __u32 len, void *ctx)
{
	struct seen *s = ctx;
	const char *p = sample;

	if (p < s->lo || p > s->hi || len > (size_t)(s->hi - p))
		abort();
	if (len) {
		volatile unsigned char sum = p[0] ^ p[len - 1];

		(void)sum;
	}
	return ++s->n == s->stop;
}

static void fill(unsigned char *area, size_t size, const uint8_t *src, size_t n)
{
	size_t i;

	if (!n) {
		memset(area, 0, size);
		return;
	}
	for (i = 0; i < size; i++)
		area[i] = src[i % n];
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned char *area;
	size_t dsize;
	__u64 pos, tail, cons;
	__u16 span;
	struct seen s;
	int r;

	if (size < 12)
		return 0;
	dsize = (size_t)1 << (6 + data[0] % 7);
	memcpy(&pos, data + 2, 8);
	memcpy(&span, data + 10, 2);

	/* perf: exactly the data area, so ASan sees a read past its end */
	area = malloc(dsize);
	fill(area, dsize, data + 12, size - 12);
	s = (struct seen){ (char *)area, (char *)area + dsize, 0, data[1] };
	tail = pos;
	r = ring_perf_read(area, dsize, pos + span, &tail, on_perf, &s);
	if (r >= 0 && (unsigned int)r != s.n)
		abort();
	if (tail - pos > (__u64)span)
		abort();	/* never past head */
	free(area);

	/* ring buffer: the data area mapped twice, as the kernel does */
	area = malloc(2 * dsize);
	fill(area, dsize, data + 12, size - 12);
	memcpy(area + dsize, area, dsize);
	s = (struct seen){ (char *)area, (char *)area + 2 * dsize, 0, data[1] };
	cons = pos;
	r = ring_rb_read(area, dsize, pos + span, &cons, on_rb, &s);
	if (r >= 0 && (unsigned int)r != s.n)
		abort();
	free(area);
	return 0;
}
