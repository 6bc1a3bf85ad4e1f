// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* The output mode (the program's one global), errors and warnings, and the hex dump layout. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "errstr.h"
#include "hex.h"
#include "out.h"
#include "util.h"

struct out g_out;

void out_init(bool json, bool pretty)
{
	g_out.json = json || pretty;
	g_out.pretty = pretty;
	sink_init_buf(&g_out.so, 1, g_out.so_buf, sizeof(g_out.so_buf));
	json_init(&g_out.jw, &g_out.so, pretty);
	g_out.ready = true;
}

int out_finish(void)
{
	int err;

	if (!g_out.ready)
		return 0;
	if (g_out.json) {
		if (!g_out.jw.wrote)
			json_null(&g_out.jw);
		json_finish(&g_out.jw);
	}
	err = sink_flush(&g_out.so);
	sink_free(&g_out.so);
	g_out.ready = false;
	return err;
}

static void vreport(bool is_err, const char *fmt, va_list ap)
{
	struct sink msg;

	sink_init_mem(&msg);
	sink_vprintf(&msg, fmt, ap);
	if (is_err && memmem(msg.buf, msg.len, errstr(ENOSYS).s, strlen(errstr(ENOSYS).s)))
		g_out.saw_enosys = true;
	if (is_err && g_out.ready && g_out.json && (g_out.jw.depth || !g_out.jw.wrote)) {
		/* the error becomes a value in the one document: {"error":"..."} */
		json_start_object(&g_out.jw);
		json_name(&g_out.jw, "error");
		json_string_len(&g_out.jw, msg.buf, msg.len);
		json_end_object(&g_out.jw);
	} else {
		/* stdout first, so a terminal shows both streams in order */
		if (g_out.ready)
			sink_flush(&g_out.so);
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

	if (g_out.json)
		return;
	va_start(ap, fmt);
	vreport(false, fmt, ap);
	va_end(ap);
}

/*
 * A failed command that met ENOSYS may be on a kernel without bpf(2): bpf_missing() (a probe
 * of the system call, asked only then) decides, so ENOSYS from perf_event_open(2) on a kernel
 * that has bpf(2) gets no note about bpf(2).
 */
void out_hint(int ret, bool (*bpf_missing)(void))
{
	if (ret && (ret == -ENOSYS || g_out.saw_enosys) && bpf_missing())
		p_info("%s", errstr_hint(ENOSYS));
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

/* Groups of 8 bytes "ab cd ..", then two spaces, or a newline after every 16th byte. */
void out_hex(struct sink *s, const void *p, size_t n)
{
	const unsigned char *b = p;
	size_t i, k, m;
	char *o;

	if (!n)
		return;
	/* 3 bytes per byte, at most 2 between groups, 1 of slack for the table's NUL */
	o = sink_reserve(s, n * 4);
	for (i = 0; i < n; i += 8) {
		if (i % 16)
			*o++ = ' ';	/* the group's trailing space becomes two */
		else if (i)
			o[-1] = '\n';
		m = n - i < 8 ? n - i : 8;
		for (k = 0; k < m; k++, o += 3)
			memcpy(o, hex_plain[b[i + k]], 4);
	}
	sink_commit_to(s, o - 1);	/* without the last byte's space */
}
