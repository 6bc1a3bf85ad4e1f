/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* Streaming JSON writer with upstream bpftool's byte layout, but always-valid escaping. */
#ifndef JSON_H
#define JSON_H

#include <stdbool.h>
#include <stddef.h>

#include "sink.h"

/* Containers nest at most this deep; deeper opens are refused (written as null). */
#define JSON_MAX_DEPTH 4096

struct json {
	struct sink *out;
	unsigned int depth;
	bool pretty;
	char sep;		/* ',' once a value was written at this level, else 0 */
	bool wrote;		/* a top-level value has been written */
	unsigned int overflow;	/* opens refused past JSON_MAX_DEPTH, not yet closed */
	/* a bit per open level: an object (1) or an array; 512 bytes, so that the writer,
	 * stdout's sink and the start of its buffer share one page (struct out) */
	unsigned long long is_obj[JSON_MAX_DEPTH / 64];
};

void json_init(struct json *j, struct sink *out, bool pretty);
/* Closes whatever is still open and ends the document with one newline. */
void json_finish(struct json *j);

void json_start_object(struct json *j);
void json_end_object(struct json *j);
void json_start_array(struct json *j);
void json_end_array(struct json *j);

/* The innermost open container is an object (a name must come next). */
bool json_in_object(const struct json *j);

void json_name(struct json *j, const char *name);
void json_name_len(struct json *j, const char *name, size_t n);
void json_string(struct json *j, const char *s);
void json_string_len(struct json *j, const char *s, size_t n);
void json_u64(struct json *j, unsigned long long v);
void json_s64(struct json *j, long long v);
void json_bool(struct json *j, bool v);
void json_null(struct json *j);
/* A number or bare word the caller has already formatted (e.g. "1.5", "true"). */
void json_raw(struct json *j, const char *text);
/* Byte arrays as upstream prints keys and values: ["0x01","0xff"]. */
void json_hex_bytes(struct json *j, const void *p, size_t n);
/* Byte arrays as decimal numbers (event_pipe data): [49,0,0]. */
void json_dec_bytes(struct json *j, const void *p, size_t n);

/* name + value in one call */
void json_kv_string(struct json *j, const char *name, const char *s);
void json_kv_u64(struct json *j, const char *name, unsigned long long v);
void json_kv_hex(struct json *j, const char *name, const void *p, size_t n);
/*
 * Per-CPU values as upstream prints them: [{"cpu":0,"value":[<hex bytes>]},...], ncpus
 * values of n bytes each, stride bytes apart.
 */
void json_cpu_values(struct json *j, const void *values, size_t stride, int ncpus, size_t n);
void json_kv_s64(struct json *j, const char *name, long long v);
void json_kv_bool(struct json *j, const char *name, bool v);

/* The string escaper, exposed for the tests and for error texts. */
void json_escape(struct sink *out, const char *s, size_t n);

#endif
