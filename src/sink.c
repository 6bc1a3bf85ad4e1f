// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* A byte sink: a buffer flushed to a file descriptor when full, or a growing memory buffer. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sink.h"
#include "util.h"

void sink_init_fd(struct sink *s, int fd, size_t cap)
{
	*s = (struct sink){ .buf = xmalloc(cap), .cap = cap, .fd = fd, .owns = 1 };
}

void sink_init_buf(struct sink *s, int fd, char *buf, size_t cap)
{
	*s = (struct sink){ .buf = buf, .cap = cap, .fd = fd };
}

void sink_init_mem(struct sink *s)
{
	*s = (struct sink){ .buf = xmalloc(256), .cap = 256, .fd = -1, .owns = 1 };
}

void sink_free(struct sink *s)
{
	if (s->owns)
		free(s->buf);
	s->buf = NULL;
	s->len = s->cap = 0;
}

/* Writes everything buffered; retries short writes and EINTR. */
int sink_flush(struct sink *s)
{
	size_t off = 0;

	if (s->fd < 0)
		return s->err;
	while (off < s->len && !s->err) {
		ssize_t n = write(s->fd, s->buf + off, s->len - off);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			s->err = n < 0 ? -errno : -EIO;
		else
			off += (size_t)n;
	}
	s->len = 0;
	return s->err;
}

char *sink_reserve_slow(struct sink *s, size_t n)
{
	if (s->fd >= 0) {
		sink_flush(s);
		if (n <= s->cap)
			return s->buf;
	}
	while (s->cap - s->len < n)
		s->cap *= 2;
	if (s->owns) {
		s->buf = xrealloc(s->buf, s->cap);
	} else {
		char *buf = xmalloc(s->cap);

		memcpy(buf, s->buf, s->len);
		s->buf = buf;
		s->owns = 1;
	}
	return s->buf + s->len;
}

void sink_write_slow(struct sink *s, const void *p, size_t n)
{
	const char *src = p;

	/* Large writes go out in buffer-sized pieces so a fd sink never grows. */
	while (n) {
		size_t room = s->fd >= 0 && n > s->cap ? s->cap : n;

		memcpy(sink_reserve(s, room), src, room);
		s->len += room;
		src += room;
		n -= room;
	}
}

void sink_puts(struct sink *s, const char *str)
{
	sink_write(s, str, strlen(str));
}

void sink_vprintf(struct sink *s, const char *fmt, va_list ap)
{
	char small[256];
	va_list aq;
	int n;

	va_copy(aq, ap);
	n = vsnprintf(small, sizeof(small), fmt, aq);
	va_end(aq);
	if (n < 0)
		return;
	if ((size_t)n < sizeof(small)) {
		sink_write(s, small, (size_t)n);
	} else {
		char *big = xmalloc((size_t)n + 1);

		vsnprintf(big, (size_t)n + 1, fmt, ap);
		sink_write(s, big, (size_t)n);
		free(big);
	}
}

void sink_printf(struct sink *s, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	sink_vprintf(s, fmt, ap);
	va_end(ap);
}

char *sink_fmt_u64(char *o, unsigned long long v)
{
	unsigned long long t;
	char *end = o + 1;

	for (t = v; t >= 10; t /= 10)
		end++;
	o = end;
	do {
		*--o = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	return end;
}

void sink_u64(struct sink *s, unsigned long long v)
{
	sink_commit_to(s, sink_fmt_u64(sink_reserve(s, SINK_U64_MAX), v));
}

void sink_s64(struct sink *s, long long v)
{
	if (v < 0) {
		sink_putc(s, '-');
		sink_u64(s, 0ULL - (unsigned long long)v);
	} else {
		sink_u64(s, (unsigned long long)v);
	}
}
