/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* A byte sink: a buffer flushed to a file descriptor when full, or a growing memory buffer. */
#ifndef SINK_H
#define SINK_H

#include <stdarg.h>
#include <stddef.h>
#include <string.h>

struct sink {
	char *buf;
	size_t len;
	size_t cap;
	int fd;		/* -1: memory sink, grows instead of flushing */
	int err;	/* first write error as -errno; later output is dropped */
	int owns;	/* buf was allocated by the sink (else the caller's) */
};

void sink_init_fd(struct sink *s, int fd, size_t cap);
/* A fd sink over the caller's buffer (it grows into an allocated one only for a bigger piece). */
void sink_init_buf(struct sink *s, int fd, char *buf, size_t cap);
void sink_init_mem(struct sink *s);
void sink_free(struct sink *s);
int sink_flush(struct sink *s);

/* The slow paths of the inline functions below: the buffer is full. */
char *sink_reserve_slow(struct sink *s, size_t n);
void sink_write_slow(struct sink *s, const void *p, size_t n);

/* Always inlined: -Os would call them, and a dump makes millions of these small writes. */
#define SINK_INLINE static inline __attribute__((always_inline))

/*
 * Room for n more bytes, flushing or growing first; write there, then sink_commit() the
 * bytes kept, or sink_commit_to() the end of what was written.
 */
SINK_INLINE char *sink_reserve(struct sink *s, size_t n)
{
	if (s->cap - s->len >= n)
		return s->buf + s->len;
	return sink_reserve_slow(s, n);
}

static inline void sink_commit(struct sink *s, size_t n)
{
	s->len += n;
}

static inline void sink_commit_to(struct sink *s, const char *end)
{
	s->len = (size_t)(end - s->buf);
}

/* A literal's copy is then a few moves; large writes go out in pieces. */
SINK_INLINE void sink_write(struct sink *s, const void *p, size_t n)
{
	if (s->cap - s->len >= n) {
		memcpy(s->buf + s->len, p, n);
		s->len += n;
	} else {
		sink_write_slow(s, p, n);
	}
}

SINK_INLINE void sink_putc(struct sink *s, char c)
{
	*sink_reserve(s, 1) = c;
	s->len++;
}

void sink_puts(struct sink *s, const char *str);
void sink_printf(struct sink *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sink_vprintf(struct sink *s, const char *fmt, va_list ap);

/* Decimal numbers without printf: the hot paths of dump and show use these. */
#define SINK_U64_MAX 20	/* digits of the largest unsigned long long */
char *sink_fmt_u64(char *o, unsigned long long v);	/* writes at o, returns the end */
void sink_u64(struct sink *s, unsigned long long v);
void sink_s64(struct sink *s, long long v);

#endif
