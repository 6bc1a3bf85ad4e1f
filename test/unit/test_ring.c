// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* The ring readers on synthetic rings: perf (wrap-around, lost, unknown) and BPF ring buffer. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ring.h"
#include "tlib.h"

/* ---- perf ---------------------------------------------------------------------------------- */

#define PSIZE 256

struct seen {
	int n;
	struct perf_rec rec[16];
	unsigned char bytes[16][128];	/* each record, whole */
	int stop_after;			/* callback returns 1 after this many (0: never) */
};

static int on_rec(const struct perf_event_header *h, void *ctx)
{
	struct seen *s = ctx;

	cr_assert_lt(s->n, 16);
	cr_assert_leq(h->size, sizeof(s->bytes[0]));
	memcpy(s->bytes[s->n], h, h->size);
	ring_perf_decode((const void *)s->bytes[s->n], &s->rec[s->n]);
	s->n++;
	return s->stop_after && s->n >= s->stop_after;
}

/* Writes len bytes at ring position pos (wrapping), as the kernel does. */
static void put(unsigned char *ring, __u64 pos, const void *src, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		ring[(pos + i) & (PSIZE - 1)] = ((const unsigned char *)src)[i];
}

/* A SAMPLE with PERF_SAMPLE_TIME | RAW: header, u64 time, u32 size, raw (padded to 8). */
static __u64 put_sample(unsigned char *ring, __u64 pos, __u64 time, const void *raw,
			__u32 len)
{
	__u32 padded = ((len + 4 + 7) & ~7U) - 4;
	struct perf_event_header h = { .type = PERF_RECORD_SAMPLE,
				       .size = (__u16)(8 + 8 + 4 + padded) };
	unsigned char body[256] = { 0 };

	memcpy(body, &time, 8);
	memcpy(body + 8, &padded, 4);
	memcpy(body + 12, raw, len);
	put(ring, pos, &h, 8);
	put(ring, pos + 8, body, h.size - 8);
	return pos + h.size;
}

static __u64 put_lost(unsigned char *ring, __u64 pos, __u64 id, __u64 lost)
{
	struct perf_event_header h = { .type = PERF_RECORD_LOST, .size = 24 };

	put(ring, pos, &h, 8);
	put(ring, pos + 8, &id, 8);
	put(ring, pos + 16, &lost, 8);
	return pos + 24;
}

static __u64 put_other(unsigned char *ring, __u64 pos, __u32 type, __u16 size)
{
	struct perf_event_header h = { .type = type, .size = size };

	put(ring, pos, &h, 8);
	return pos + size;
}

Test(ring_perf, several_records_per_read)
{
	unsigned char ring[PSIZE];
	struct seen s = { 0 };
	__u64 head, tail = 0;

	memset(ring, 0xee, sizeof(ring));
	head = put_sample(ring, 0, 387568932005ULL, "1\0\0\0\0\0\0\0", 8);
	head = put_lost(ring, head, 15, 2953);
	head = put_other(ring, head, PERF_RECORD_THROTTLE, 16);
	head = put_sample(ring, head, 5, "abcd", 4);
	cr_assert_eq(ring_perf_read(ring, PSIZE, head, &tail, on_rec, &s), 4);
	cr_assert_eq(tail, head);
	cr_assert_eq(s.n, 4);

	cr_assert_eq(s.rec[0].type, PERF_RECORD_SAMPLE);
	cr_assert_eq(s.rec[0].time, 387568932005ULL);
	/* 8 bytes of bpf_perf_event_output come out as 12: the raw area is padded */
	cr_assert_eq(s.rec[0].data_len, 12);
	cr_assert_eq(s.rec[0].size, 32);
	cr_assert(!memcmp(s.rec[0].data, "1\0\0\0\0\0\0\0\0\0\0\0", 12));

	cr_assert_eq(s.rec[1].type, PERF_RECORD_LOST);
	cr_assert_eq(s.rec[1].lost_id, 15);
	cr_assert_eq(s.rec[1].lost, 2953);

	cr_assert_eq(s.rec[2].type, PERF_RECORD_THROTTLE);
	cr_assert_eq(s.rec[2].size, 16);

	cr_assert_eq(s.rec[3].data_len, 4);
	cr_assert(!memcmp(s.rec[3].data, "abcd", 4));

	/* nothing new: nothing read, tail unchanged */
	cr_assert_eq(ring_perf_read(ring, PSIZE, head, &tail, on_rec, &s), 0);
	cr_assert_eq(tail, head);
}

Test(ring_perf, record_wrapping_the_end_is_copied_out_whole)
{
	unsigned char ring[PSIZE], raw[60];
	struct seen s = { 0 };
	__u64 start = 7 * PSIZE + PSIZE - 24, head, tail = start;	/* many laps in */
	size_t i;

	for (i = 0; i < sizeof(raw); i++)
		raw[i] = (unsigned char)(i + 1);
	memset(ring, 0xee, sizeof(ring));
	head = put_sample(ring, start, 42, raw, sizeof(raw));	/* 80 bytes: 24 + 56 */
	head = put_sample(ring, head, 43, "wxyz", 4);
	cr_assert_eq(ring_perf_read(ring, PSIZE, head, &tail, on_rec, &s), 2);
	cr_assert_eq(tail, head);
	cr_assert_eq(s.rec[0].time, 42);
	cr_assert_eq(s.rec[0].data_len, 60);
	cr_assert(!memcmp(s.rec[0].data, raw, sizeof(raw)), "wrapped record not contiguous");
	cr_assert_eq(s.rec[1].time, 43);
	cr_assert(!memcmp(s.rec[1].data, "wxyz", 4));
}

Test(ring_perf, header_wrapping_the_end)
{
	unsigned char ring[PSIZE];
	struct seen s = { 0 };
	__u64 start = PSIZE - 4, head, tail = start;	/* not something the kernel does */

	head = put_sample(ring, start, 9, "12345678", 8);
	cr_assert_eq(ring_perf_read(ring, PSIZE, head, &tail, on_rec, &s), 1);
	cr_assert_eq(s.rec[0].time, 9);
	cr_assert(!memcmp(s.rec[0].data, "12345678", 8));
}

static int on_rec_aligned(const struct perf_event_header *h, void *ctx)
{
	cr_assert_eq((unsigned long)h & 7, 0, "record handed over at an unaligned address");
	return on_rec(h, ctx);
}

/* Found by fuzz_ring: a position off the 8-byte grid gave the callback an unaligned header. */
Test(ring_perf, records_off_the_grid_are_handed_over_aligned)
{
	_Alignas(8) unsigned char ring[PSIZE];
	struct seen s = { 0 };
	__u64 start = 4, head, tail = start;

	head = put_sample(ring, start, 7, "abcd", 4);
	head = put_other(ring, head, PERF_RECORD_THROTTLE, 12);	/* not a u64 multiple */
	head = put_sample(ring, head, 8, "efgh", 4);
	cr_assert_eq(ring_perf_read(ring, PSIZE, head, &tail, on_rec_aligned, &s), 3);
	cr_assert_eq(tail, head);
	cr_assert_eq(s.rec[0].time, 7);
	cr_assert_eq(s.rec[1].type, PERF_RECORD_THROTTLE);
	cr_assert_eq(s.rec[2].time, 8);
	cr_assert(!memcmp(s.rec[2].data, "efgh", 4));
}

Test(ring_perf, callback_can_stop)
{
	unsigned char ring[PSIZE];
	struct seen s = { .stop_after = 1 };
	__u64 head, mid, tail = 0;

	mid = put_sample(ring, 0, 1, "aaaa", 4);
	head = put_sample(ring, mid, 2, "bbbb", 4);
	cr_assert_eq(ring_perf_read(ring, PSIZE, head, &tail, on_rec, &s), 1);
	cr_assert_eq(tail, mid);
	s.stop_after = 0;
	cr_assert_eq(ring_perf_read(ring, PSIZE, head, &tail, on_rec, &s), 1);
	cr_assert_eq(tail, head);
	cr_assert_eq(s.rec[1].time, 2);
}

Test(ring_perf, corrupt_rings_are_refused)
{
	unsigned char ring[PSIZE] = { 0 };
	struct seen s = { 0 };
	__u64 tail = 0, head;

	/* a zero-size record would spin forever */
	cr_assert_eq(ring_perf_read(ring, PSIZE, 8, &tail, on_rec, &s), -EBADMSG);
	cr_assert_eq(tail, 0);
	/* more data than the ring holds */
	cr_assert_eq(ring_perf_read(ring, PSIZE, PSIZE + 8, &tail, on_rec, &s), -EBADMSG);
	/* a record running past head */
	head = put_other(ring, 0, PERF_RECORD_THROTTLE, 64);
	cr_assert_eq(ring_perf_read(ring, PSIZE, head - 8, &tail, on_rec, &s), -EBADMSG);
	/* good records before a bad one are delivered, tail stops at the bad one */
	head = put_sample(ring, 0, 1, "aaaa", 4);
	put_other(ring, head, 1, 4);
	cr_assert_eq(ring_perf_read(ring, PSIZE, head + 8, &tail, on_rec, &s), -EBADMSG);
	cr_assert_eq(s.n, 1);
	cr_assert_eq(tail, head);
	cr_assert_eq(s.n, 1);
}

Test(ring_perf, short_records_decode_without_overreading)
{
	unsigned char buf[64] = { 0 };
	struct perf_event_header *h = (void *)buf;
	struct perf_rec r;
	__u32 big = 1000;

	/* a raw size larger than the record: cut to what is there */
	h->type = PERF_RECORD_SAMPLE;
	h->size = 32;
	memcpy(buf + 16, &big, 4);
	ring_perf_decode(h, &r);
	cr_assert_eq(r.data_len, 12);
	cr_assert_eq(r.data, buf + 20);
	/* header only */
	h->size = 8;
	ring_perf_decode(h, &r);
	cr_assert_eq(r.type, PERF_RECORD_SAMPLE);
	cr_assert_eq(r.data_len, 0);
	cr_assert_eq(r.time, 0);
	h->type = PERF_RECORD_LOST;
	h->size = 16;
	memcpy(buf + 8, &big, 4);
	ring_perf_decode(h, &r);
	cr_assert_eq(r.lost_id, 1000);
	cr_assert_eq(r.lost, 0);
}

/* ---- ring buffer ------------------------------------------------------------------------ */

#define RSIZE 128

struct rb {
	_Alignas(8) unsigned char data[2 * RSIZE];	/* mapped twice, as the kernel does */
	__u64 prod;
};

struct rb_seen {
	int n;
	__u32 len[16];
	unsigned char bytes[16][64];
	int stop_after;
};

static int on_sample(const void *p, __u32 len, void *ctx)
{
	struct rb_seen *s = ctx;

	cr_assert_lt(s->n, 16);
	cr_assert_leq(len, sizeof(s->bytes[0]));
	s->len[s->n] = len;
	memcpy(s->bytes[s->n], p, len);
	s->n++;
	return s->stop_after && s->n >= s->stop_after;
}

/* Appends a record (header: len | flags, pg_off) at prod, into both copies of the area. */
static __u64 rb_put(struct rb *rb, const void *src, __u32 len, __u32 flags)
{
	__u32 hdr[2] = { len | flags, 0 }, i;
	__u64 pos = rb->prod;
	unsigned char rec[80] = { 0 };
	__u32 total = (len + 8 + 7) & ~7U;

	memcpy(rec, hdr, 8);
	memcpy(rec + 8, src, len);
	for (i = 0; i < total; i++) {
		rb->data[(pos + i) & (RSIZE - 1)] = rec[i];
		rb->data[RSIZE + ((pos + i) & (RSIZE - 1))] = rec[i];
	}
	rb->prod += total;
	return pos;
}

static void rb_set_flags(struct rb *rb, __u64 pos, __u32 len, __u32 flags)
{
	__u32 hdr = len | flags;

	memcpy(rb->data + (pos & (RSIZE - 1)), &hdr, 4);
	memcpy(rb->data + RSIZE + (pos & (RSIZE - 1)), &hdr, 4);
}

Test(ring_rb, samples_in_order_with_padding_skipped)
{
	struct rb rb = { 0 };
	struct rb_seen s = { 0 };
	__u64 cons = 0;

	rb_put(&rb, "hello", 5, 0);
	rb_put(&rb, "12345678", 8, 0);
	rb_put(&rb, "x", 1, 0);
	cr_assert_eq(ring_rb_read(rb.data, RSIZE, rb.prod, &cons, on_sample, &s), 3);
	cr_assert_eq(cons, rb.prod);
	cr_assert_eq(cons, 16 + 16 + 16);
	cr_assert_eq(s.len[0], 5);
	cr_assert(!memcmp(s.bytes[0], "hello", 5));
	cr_assert_eq(s.len[1], 8);
	cr_assert(!memcmp(s.bytes[1], "12345678", 8));
	cr_assert_eq(s.len[2], 1);
}

Test(ring_rb, discarded_records_are_skipped)
{
	struct rb rb = { 0 };
	struct rb_seen s = { 0 };
	__u64 cons = 0;

	rb_put(&rb, "one", 3, 0);
	rb_put(&rb, "dropped!", 8, BPF_RINGBUF_DISCARD_BIT);
	rb_put(&rb, "two", 3, 0);
	cr_assert_eq(ring_rb_read(rb.data, RSIZE, rb.prod, &cons, on_sample, &s), 2);
	cr_assert_eq(cons, rb.prod);
	cr_assert(!memcmp(s.bytes[0], "one", 3));
	cr_assert(!memcmp(s.bytes[1], "two", 3));
}

Test(ring_rb, busy_record_stops_until_committed)
{
	struct rb rb = { 0 };
	struct rb_seen s = { 0 };
	__u64 cons = 0, busy;

	rb_put(&rb, "one", 3, 0);
	busy = rb_put(&rb, "two", 3, BPF_RINGBUF_BUSY_BIT);
	rb_put(&rb, "three", 5, 0);	/* committed already, but after the busy one */
	cr_assert_eq(ring_rb_read(rb.data, RSIZE, rb.prod, &cons, on_sample, &s), 1);
	cr_assert_eq(cons, busy, "the consumer must wait at the busy record");
	cr_assert_eq(ring_rb_read(rb.data, RSIZE, rb.prod, &cons, on_sample, &s), 0);
	cr_assert_eq(cons, busy);
	rb_set_flags(&rb, busy, 3, 0);	/* the program commits */
	cr_assert_eq(ring_rb_read(rb.data, RSIZE, rb.prod, &cons, on_sample, &s), 2);
	cr_assert_eq(cons, rb.prod);
	cr_assert(!memcmp(s.bytes[1], "two", 3));
	cr_assert(!memcmp(s.bytes[2], "three", 5));
	/* a busy record that is then discarded is skipped once committed */
	busy = rb_put(&rb, "four", 4, BPF_RINGBUF_BUSY_BIT | BPF_RINGBUF_DISCARD_BIT);
	cr_assert_eq(ring_rb_read(rb.data, RSIZE, rb.prod, &cons, on_sample, &s), 0);
	cr_assert_eq(cons, busy);
	rb_set_flags(&rb, busy, 4, BPF_RINGBUF_DISCARD_BIT);
	cr_assert_eq(ring_rb_read(rb.data, RSIZE, rb.prod, &cons, on_sample, &s), 0);
	cr_assert_eq(cons, rb.prod);
}

Test(ring_rb, consumer_catches_up_and_the_ring_wraps)
{
	struct rb rb = { 0 };
	struct rb_seen s = { 0 };
	unsigned char big[40];
	__u64 cons = 0;
	int lap, i;

	for (i = 0; i < 40; i++)
		big[i] = (unsigned char)(0xa0 + i);
	/* many laps of a 128-byte ring, reading after each pair; records straddle the end */
	for (lap = 0; lap < 20; lap++) {
		s.n = 0;
		rb_put(&rb, big, 40, 0);
		rb_put(&rb, "z", 1, 0);
		cr_assert_eq(ring_rb_read(rb.data, RSIZE, rb.prod, &cons, on_sample, &s), 2);
		cr_assert_eq(cons, rb.prod);
		cr_assert_eq(s.len[0], 40);
		cr_assert(!memcmp(s.bytes[0], big, 40), "lap %d", lap);
		cr_assert_eq(s.bytes[1][0], 'z');
		/* caught up: nothing more */
		cr_assert_eq(ring_rb_read(rb.data, RSIZE, rb.prod, &cons, on_sample, &s), 0);
	}
	cr_assert_gt(cons, 5 * RSIZE);
}

Test(ring_rb, only_up_to_prod_and_stop)
{
	struct rb rb = { 0 };
	struct rb_seen s = { .stop_after = 1 };
	__u64 cons = 0, second;

	rb_put(&rb, "a", 1, 0);
	second = rb_put(&rb, "b", 1, 0);
	rb_put(&rb, "c", 1, 0);
	cr_assert_eq(ring_rb_read(rb.data, RSIZE, rb.prod, &cons, on_sample, &s), 1);
	cr_assert_eq(cons, second);
	s.stop_after = 0;
	/* the producer position published so far covers only "b" */
	cr_assert_eq(ring_rb_read(rb.data, RSIZE, second + 16, &cons, on_sample, &s), 1);
	cr_assert_eq(cons, second + 16);
	cr_assert_eq(s.bytes[1][0], 'b');
}

Test(ring_rb, impossible_length_is_refused)
{
	struct rb rb = { 0 };
	struct rb_seen s = { 0 };
	__u64 cons = 0;
	__u32 hdr = RSIZE;	/* + 8 header bytes: larger than the ring */

	memcpy(rb.data, &hdr, 4);
	cr_assert_eq(ring_rb_read(rb.data, RSIZE, 8, &cons, on_sample, &s), -EBADMSG);
	cr_assert_eq(cons, 0);
	cr_assert_eq(s.n, 0);
}

/*
 * The consumer page is writable by every process that maps the ring: a position off the
 * 8-byte grid (an unaligned atomic load faults on ARM) or further behind prod than the ring
 * is long (a walk of garbage that would not end for ages) is refused, not followed.
 */
Test(ring_rb, untrustworthy_consumer_position_is_refused)
{
	struct rb rb = { 0 };
	struct rb_seen s = { 0 };
	__u64 cons = 4;

	rb_put(&rb, "one", 3, 0);
	rb_put(&rb, "two", 3, 0);
	cr_assert_eq(ring_rb_read(rb.data, RSIZE, rb.prod, &cons, on_sample, &s), -EBADMSG);
	cr_assert_eq(cons, 4);
	cr_assert_eq(s.n, 0);
	cons = 0;
	cr_assert_eq(ring_rb_read(rb.data, RSIZE, rb.prod + 2 * RSIZE, &cons, on_sample, &s),
		     -EBADMSG);
	cr_assert_eq(s.n, 0);
	/* a consumer ahead of the producer has nothing to read */
	cons = rb.prod + 64;
	cr_assert_eq(ring_rb_read(rb.data, RSIZE, rb.prod, &cons, on_sample, &s), 0);
	/* from a right position, the records */
	cons = 0;
	cr_assert_eq(ring_rb_read(rb.data, RSIZE, rb.prod, &cons, on_sample, &s), 2);
}

/*
 * Found by fuzz_ring: positions near 2^64 and a record running past prod made cons wrap
 * around to 0, below prod again, and the walk went on for 2^61 records.
 */
Test(ring_rb, record_past_prod_is_refused_and_cons_never_wraps, .timeout = 10)
{
	struct rb rb = { 0 };
	struct rb_seen s = { 0 };
	__u64 cons = UINT64_MAX - 15;

	/* a committed empty record, then one whose header says 8 bytes, with prod after 7 */
	rb_put(&rb, "", 0, 0);
	rb_put(&rb, "", 0, 0);
	cr_assert_eq(ring_rb_read(rb.data, RSIZE, UINT64_MAX, &cons, on_sample, &s), -EBADMSG);
	cr_assert_eq(cons, UINT64_MAX - 7);
	cr_assert_eq(s.n, 1);
	/* a record longer than what prod covers, at the start of a ring */
	memset(&rb, 0, sizeof(rb));
	rb_put(&rb, "12345678", 8, 0);
	cons = 0;
	cr_assert_eq(ring_rb_read(rb.data, RSIZE, 8, &cons, on_sample, &s), -EBADMSG);
	cr_assert_eq(cons, 0);
}

Test(ring_pos, acquire_and_release_helpers)
{
	_Alignas(8) unsigned char page[64] = { 0 };
	__u64 v = 0;

	ring_store_release(&v, 0x123456789aULL);
	cr_assert_eq(ring_load_acquire(&v), 0x123456789aULL);
	ring_rb_store_pos(page, 4096);
	cr_assert_eq(ring_rb_load_pos(page), 4096);
}
