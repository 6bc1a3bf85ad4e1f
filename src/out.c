// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* The output mode (the program's one global), errors and warnings, and the hex dump layout. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "out.h"
#include "util.h"

struct out out;

void out_init(bool json, bool pretty)
{
	out.json = json || pretty;
	out.pretty = pretty;
	sink_init_fd(&out.so, 1, OUT_BUF_SIZE);
	json_init(&out.jw, &out.so, pretty);
	out.ready = true;
}

int out_finish(void)
{
	int err;

	if (!out.ready)
		return 0;
	if (out.json) {
		if (!out.jw.wrote)
			json_null(&out.jw);
		json_finish(&out.jw);
	}
	err = sink_flush(&out.so);
	sink_free(&out.so);
	out.ready = false;
	return err;
}

static void vreport(bool is_err, const char *fmt, va_list ap)
{
	struct sink msg;

	sink_init_mem(&msg);
	sink_vprintf(&msg, fmt, ap);
	if (is_err && out.ready && out.json && (out.jw.depth || !out.jw.wrote)) {
		/* the error becomes a value in the one document: {"error":"..."} */
		json_start_object(&out.jw);
		json_name(&out.jw, "error");
		json_string_len(&out.jw, msg.buf, msg.len);
		json_end_object(&out.jw);
	} else {
		/* stdout first, so a terminal shows both streams in order */
		if (out.ready)
			sink_flush(&out.so);
		fprintf(stderr, "%s%.*s\n", is_err ? "Error: " : "", (int)msg.len, msg.buf);
	}
	sink_free(&msg);
}

void p_err(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(true, fmt, ap);
	va_end(ap);
}

/* Warnings and notes: stderr in plain mode, nothing in JSON mode (as upstream). */
void p_info(const char *fmt, ...)
{
	va_list ap;

	if (out.json)
		return;
	va_start(ap, fmt);
	vreport(false, fmt, ap);
	va_end(ap);
}

void out_fatal(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(true, fmt, ap);
	va_end(ap);
	out_finish();
	exit(255);
}

static const char hexdig[] = "0123456789abcdef";

void out_hex(struct sink *s, const void *p, size_t n)
{
	const unsigned char *b = p;
	char *o;
	size_t i;

	if (!n)
		return;
	/* two digits and at most two separator bytes per byte */
	o = sink_reserve(s, n * 4);
	for (i = 0; i < n; i++) {
		if (i) {
			if (i % 16 == 0) {
				*o++ = '\n';
			} else {
				*o++ = ' ';
				if (i % 8 == 0)
					*o++ = ' ';
			}
		}
		*o++ = hexdig[b[i] >> 4];
		*o++ = hexdig[b[i] & 15];
	}
	sink_commit(s, (size_t)(o - (s->buf + s->len)));
}
