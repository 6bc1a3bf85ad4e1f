/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* A byte sink: a buffer flushed to a file descriptor when full, or a growing memory buffer. */
#ifndef SINK_H
#define SINK_H

#include <stdarg.h>
#include <stddef.h>

struct sink {
	char *buf;
	size_t len;
	size_t cap;
	int fd;		/* -1: memory sink, grows instead of flushing */
	int err;	/* first write error as -errno; later output is dropped */
	int owns;	/* buf was allocated by the sink */
};

void sink_init_fd(struct sink *s, int fd, size_t cap);
void sink_init_mem(struct sink *s);
void sink_free(struct sink *s);
int sink_flush(struct sink *s);

/* Room for n more bytes, flushing or growing first; write there, then sink_commit(). */
char *sink_reserve(struct sink *s, size_t n);
static inline void sink_commit(struct sink *s, size_t n)
{
	s->len += n;
}

void sink_write(struct sink *s, const void *p, size_t n);
void sink_puts(struct sink *s, const char *str);
void sink_putc(struct sink *s, char c);
void sink_printf(struct sink *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sink_vprintf(struct sink *s, const char *fmt, va_list ap);

/* Decimal numbers without printf: the hot paths of dump and show use these. */
void sink_u64(struct sink *s, unsigned long long v);
void sink_s64(struct sink *s, long long v);

#endif
