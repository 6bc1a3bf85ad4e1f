// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* Readers of the perf ring and the BPF ring buffer, over memory the caller maps (or fakes). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "ring.h"
#include "util.h"

/* Copies len bytes at ring offset off out of data[0..size), continuing at the start. */
static void ring_copy(void *dst, const void *data, size_t size, size_t off, size_t len)
{
	size_t first = size - off < len ? size - off : len;

	memcpy(dst, (const char *)data + off, first);
	memcpy((char *)dst + first, data, len - first);
}

int ring_perf_read(const void *data, size_t size, __u64 head, __u64 *tail, ring_perf_fn fn,
		   void *ctx)
{
	const struct perf_event_header *rec;
	struct perf_event_header h;
	void *copy;
	size_t off;
	int n = 0, stop;

	if (head - *tail > size)
		return -EBADMSG;
	while (*tail != head) {
		off = (size_t)(*tail & (size - 1));
		/* records are 8-byte aligned, so a header never wraps; copy it anyway, cheaply */
		ring_copy(&h, data, size, off, sizeof(h));
		if (h.size < sizeof(h) || h.size > head - *tail)
			return -EBADMSG;
		/*
		 * The kernel's records are u64 multiples at u64 offsets; one that is not (a
		 * ring we did not get from the kernel) is copied out, so that the callback always
		 * gets an aligned header, as on the strict-alignment CPUs it must.
		 */
		if (off + h.size <= size && !(off & 7)) {
			rec = (const void *)((const char *)data + off);
			stop = fn(rec, ctx);
		} else {
			copy = xmalloc(h.size);
			ring_copy(copy, data, size, off, h.size);
			stop = fn(copy, ctx);
			free(copy);
		}
		*tail += h.size;
		n++;
		if (stop)
			break;
	}
	return n;
}

/*
 * The body of a SAMPLE with PERF_SAMPLE_TIME | PERF_SAMPLE_RAW: u64 time, u32 size, the raw
 * bytes (the kernel pads them so the record ends 8-byte aligned). A LOST: u64 id, u64 lost.
 */
void ring_perf_decode(const struct perf_event_header *rec, struct perf_rec *out)
{
	const char *body = (const char *)(rec + 1);
	size_t len = rec->size - sizeof(*rec);
	__u32 raw;

	memset(out, 0, sizeof(*out));
	out->type = rec->type;
	out->size = rec->size;
	if (rec->type == PERF_RECORD_SAMPLE) {
		if (len >= 8)
			memcpy(&out->time, body, 8);
		if (len >= 12) {
			memcpy(&raw, body + 8, 4);
			out->data = body + 12;
			out->data_len = raw < len - 12 ? raw : (__u32)(len - 12);
		}
	} else if (rec->type == PERF_RECORD_LOST) {
		if (len >= 8)
			memcpy(&out->lost_id, body, 8);
		if (len >= 16)
			memcpy(&out->lost, body + 8, 8);
	}
}

int ring_rb_read(const void *data, size_t size, __u64 prod, __u64 *cons, ring_rb_fn fn,
		 void *ctx)
{
	const char *rec;
	__u32 hdr, len;
	int n = 0, stop = 0;

	/*
	 * The consumer position lives in a page every process that maps the ring may write: one
	 * off the kernel's 8-byte grid, or further behind the producer than the ring is long,
	 * is not ours to trust (an unaligned atomic load faults on strict-alignment CPUs).
	 */
	if (*cons < prod && ((*cons & 7) || prod - *cons > size))
		return -EBADMSG;
	while (*cons < prod && !stop) {
		rec = (const char *)data + (*cons & (size - 1));
		/* pairs with the kernel's release store when it commits or discards */
		hdr = __atomic_load_n((const __u32 *)rec, __ATOMIC_ACQUIRE);
		if (hdr & BPF_RINGBUF_BUSY_BIT)
			break;
		len = hdr & ~(BPF_RINGBUF_BUSY_BIT | BPF_RINGBUF_DISCARD_BIT);
		/*
		 * The kernel moves prod past a record when it reserves it, so a record never
		 * runs past prod; one that does is corrupt (and following it could wrap cons
		 * around 2^64 and never end).
		 */
		if ((__u64)len + BPF_RINGBUF_HDR_SZ > size ||
		    round_up((__u64)len + BPF_RINGBUF_HDR_SZ, 8) > prod - *cons)
			return -EBADMSG;
		if (!(hdr & BPF_RINGBUF_DISCARD_BIT)) {
			stop = fn(rec + BPF_RINGBUF_HDR_SZ, len, ctx);
			n++;
		}
		*cons += round_up((__u64)len + BPF_RINGBUF_HDR_SZ, 8);
	}
	return n;
}
