/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* Readers of the two kernel rings, perf (per CPU) and BPF ring buffer: pure code over buffers. */
#ifndef RING_H
#define RING_H

#include <stddef.h>

#include <linux/bpf.h>
#include <linux/perf_event.h>

/*
 * Ring positions shared with the kernel. The reader loads the producer's position with
 * acquire (the records before it are then visible) and stores its own with release (the
 * kernel may reuse the space only after we are done reading it). Where a 64-bit atomic is
 * not always lock-free (i386, 32-bit MIPS...), a volatile access and a fence: it can tear
 * only as a position crosses a multiple of 2^32 (4 GiB through one ring), and only for a
 * 32-bit program on a 64-bit kernel, whose positions are the only ones that get there.
 */
#if defined(__GCC_ATOMIC_LLONG_LOCK_FREE) && __GCC_ATOMIC_LLONG_LOCK_FREE == 2
/* the kernel's positions are 8-aligned (e.g. data_head at 1024), even where a u64 is not */
typedef __u64 __attribute__((aligned(8))) ring_pos_t;

static inline __u64 ring_load_acquire(const __u64 *p)
{
	return __atomic_load_n((const ring_pos_t *)p, __ATOMIC_ACQUIRE);
}

static inline void ring_store_release(__u64 *p, __u64 v)
{
	__atomic_store_n((ring_pos_t *)p, v, __ATOMIC_RELEASE);
}
#else
static inline __u64 ring_load_acquire(const __u64 *p)
{
	__u64 v = *(const volatile __u64 *)p;

	__atomic_thread_fence(__ATOMIC_ACQUIRE);
	return v;
}

static inline void ring_store_release(__u64 *p, __u64 v)
{
	__atomic_thread_fence(__ATOMIC_RELEASE);
	*(volatile __u64 *)p = v;
}
#endif

/* ---- perf ring: struct perf_event_mmap_page, then a power-of-two data area ---------------- */

/*
 * Called with each record, whole (one that wraps around the end of the data area is copied
 * out first); rec->size bytes are readable. Non-zero stops the read after this record.
 */
typedef int (*ring_perf_fn)(const struct perf_event_header *rec, void *ctx);

/*
 * Reads the records in [*tail, head) of the data area data[0..size) (size a power of two) and
 * advances *tail past each one. Returns the number read, or -EBADMSG for a ring that cannot
 * be the kernel's (a record shorter than its header or longer than the ring, or more data than
 * fits); *tail is then left at the bad record.
 */
int ring_perf_read(const void *data, size_t size, __u64 head, __u64 *tail, ring_perf_fn fn,
		   void *ctx);

/* A record of a ring opened with sample_type PERF_SAMPLE_TIME | PERF_SAMPLE_RAW, decoded. */
struct perf_rec {
	__u32 type;		/* PERF_RECORD_* */
	__u16 size;		/* of the whole record */
	__u64 time;		/* SAMPLE: PERF_SAMPLE_TIME */
	const void *data;	/* SAMPLE: the raw bytes, padding included */
	__u32 data_len;		/* SAMPLE: as the record says, cut to what it holds */
	__u64 lost_id;		/* LOST */
	__u64 lost;		/* LOST: how many records were dropped */
};

/*
 * Decodes rec (rec->size bytes). A SAMPLE or LOST record too short for its fields decodes
 * as that type with the missing fields zero.
 */
void ring_perf_decode(const struct perf_event_header *rec, struct perf_rec *out);

/* ---- BPF ring buffer: consumer page, producer page, then the data area mapped twice ------- */

/*
 * The positions are unsigned long in the kernel, at the start of their pages. Read as 64 bits
 * they are right on every 64-bit kernel and, the rest of the page being zero, on 32-bit
 * little-endian kernels as well; a 32-bit big-endian program (a MIPS router) can only assume
 * its kernel is 32-bit too, and uses the native long, as libbpf does everywhere.
 */
#if __SIZEOF_LONG__ == 4 && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
static inline __u64 ring_rb_load_pos(const void *page)
{
	return __atomic_load_n((const unsigned long *)page, __ATOMIC_ACQUIRE);
}

static inline void ring_rb_store_pos(void *page, __u64 v)
{
	__atomic_store_n((unsigned long *)page, (unsigned long)v, __ATOMIC_RELEASE);
}
#else
static inline __u64 ring_rb_load_pos(const void *page)
{
	return ring_load_acquire(page);
}

static inline void ring_rb_store_pos(void *page, __u64 v)
{
	ring_store_release(page, v);
}
#endif

/* Called with each committed, not discarded sample. Non-zero stops after this sample. */
typedef int (*ring_rb_fn)(const void *sample, __u32 len, void *ctx);

/*
 * Reads the records in [*cons, prod) of the data area data[0..size) (size a power of two;
 * data[size..2*size) must repeat it, as the kernel's double mapping does, so no record
 * wraps). Each record: a u32 length with BPF_RINGBUF_BUSY_BIT / BPF_RINGBUF_DISCARD_BIT
 * (loaded with acquire), a u32 page offset, the sample, padding to 8 bytes. Stops at a busy
 * record (not committed yet: *cons stays on it), skips discarded ones, and advances *cons
 * past everything else. Returns the number of samples delivered, or -EBADMSG for a length
 * that does not fit in the ring or runs past prod, or a consumer position that cannot be
 * right (not 8-byte aligned, or more than the ring's size behind prod).
 */
int ring_rb_read(const void *data, size_t size, __u64 prod, __u64 *cons, ring_rb_fn fn,
		 void *ctx);

#endif
