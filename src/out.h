/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* The output mode (the program's one global), errors and warnings, and the hex dump layout. */
#ifndef OUT_H
#define OUT_H

#include <stdbool.h>
#include <stddef.h>

#include "json.h"
#include "sink.h"

/* stdout's buffer: few write(2) calls for a big dump; its pages are touched only as used. */
#define OUT_BUF_SIZE (192 * 1024)

struct out {
	bool json;
	bool pretty;
	bool ready;		/* out_init() has run */
	bool saw_enosys;	/* an error reported ENOSYS's text: out_hint() explains it */
	struct sink so;		/* stdout, fully buffered */
	struct json jw;		/* the JSON document on stdout, in JSON mode */
	char so_buf[OUT_BUF_SIZE];	/* static: no malloc/mmap for a one-line lookup; last,
					 * so a short output shares the page of the fields */
};

/* Set once by main before dispatch; read everywhere else. */
extern struct out g_out;

void out_init(bool json, bool pretty);
/* Ends the JSON document (null if nothing was written), flushes; returns a write error. */
int out_finish(void);

void p_err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void p_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/*
 * After the command, before out_finish(): when it failed (ret != 0) because a system call
 * returned ENOSYS (ret == -ENOSYS, or an error message carried its text), print errstr_hint()'s
 * note on stderr in plain mode. JSON mode stays one document: the error object only.
 */
void out_hint(int ret, bool (*bpf_missing)(void));
_Noreturn void out_fatal(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Shorthands for the stdout sink. */
static inline struct sink *so(void)
{
	return &g_out.so;
}

static inline struct json *jw(void)
{
	return &g_out.jw;
}

/*
 * upstream's fprint_hex layout: "%02x" bytes, one space between, two after every 8th byte,
 * a newline after every 16th; no trailing separator.
 */
void out_hex(struct sink *s, const void *p, size_t n);

#endif
