// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Streaming JSON writer. The layout follows upstream bpftool's json_writer.c byte for byte
 * (4-space pretty indent, names on new lines, scalar arrays inline, "},{"), but strings are
 * escaped properly: every byte below 0x20 and every byte of invalid UTF-8 becomes \u00XX.
 */
#include <string.h>

#include "hex.h"
#include "json.h"

/*
 * Every call is made of the put_*() steps below: each writes one item at o, into room the
 * caller reserved (its *_room()), and returns the end. They are inlined (-Os would call each
 * one), so that a call, or an emitter of a whole shape (json_kv_hex, json_cpu_values), makes
 * one reservation and no further calls: a big dump is a few million of them.
 */
#define INLINE inline __attribute__((always_inline))

static const char hexdig[] = "0123456789abcdef";

/* The bytes a string cannot carry as they are: controls, quote, backslash, non-ASCII. */
static const unsigned char not_plain[256] = {
	[0 ... 0x1f] = 1, ['"'] = 1, ['\\'] = 1, [0x80 ... 0xff] = 1,
};

void json_init(struct json *j, struct sink *out, bool pretty)
{
	memset(j, 0, sizeof(*j));
	j->out = out;
	j->pretty = pretty;
}

/* Pretty mode: a new line and 4 spaces per open level (plus extra levels about to open). */
static INLINE size_t line_room(const struct json *j, unsigned int extra)
{
	return j->pretty ? 1 + 4 * ((size_t)j->depth + extra) : 0;
}

static INLINE char *put_line(const struct json *j, char *o)
{
	size_t n = line_room(j, 0);

	if (n) {
		*o++ = '\n';
		memset(o, ' ', n - 1);
		o += n - 1;
	}
	return o;
}

/* Before every name and value: the separator, and before a name (nl) the pretty line. */
static INLINE size_t sep_room(const struct json *j, bool nl)
{
	return 1 + (nl ? line_room(j, 0) : 0);
}

static INLINE char *put_sep(struct json *j, char *o, bool nl)
{
	if (j->sep)
		*o++ = j->sep;
	if (nl)
		o = put_line(j, o);
	if (!j->depth)
		j->wrote = true;
	return o;
}

/* Commits what the steps wrote. */
static INLINE void done(struct json *j, char *o)
{
	sink_commit_to(j->out, o);
}

static INLINE bool is_obj_at(const struct json *j, unsigned int depth)
{
	return j->is_obj[depth / 64] >> (depth % 64) & 1;
}

/* Opens an object or an array; the caller checked depth < JSON_MAX_DEPTH. */
#define OPEN_ROOM 2
static INLINE char *put_open(struct json *j, char *o, bool obj)
{
	unsigned long long bit = 1ULL << (j->depth % 64);

	o = put_sep(j, o, false);
	*o++ = obj ? '{' : '[';
	if (obj)
		j->is_obj[j->depth / 64] |= bit;
	else
		j->is_obj[j->depth / 64] &= ~bit;
	j->depth++;
	j->sep = 0;
	return o;
}

/* Pretty mode: a container that holds something closes on its own line. */
static INLINE size_t close_room(const struct json *j)
{
	return line_room(j, 0) + 1;
}

static INLINE char *put_close(struct json *j, char *o)
{
	j->depth--;
	if (j->sep)
		o = put_line(j, o);
	*o++ = is_obj_at(j, j->depth) ? '}' : ']';
	j->sep = ',';
	return o;
}

/* A name that needs no escaping: quoted, then ':' (": " pretty). */
static INLINE size_t name_room(const struct json *j, size_t n)
{
	return sep_room(j, true) + n + 4;
}

static INLINE char *put_name(struct json *j, char *o, const char *name, size_t n)
{
	o = put_sep(j, o, true);
	*o++ = '"';
	memcpy(o, name, n);
	o += n;
	*o++ = '"';
	*o++ = ':';
	if (j->pretty)
		*o++ = ' ';
	j->sep = 0;
	return o;
}

#define U64_ROOM (1 + SINK_U64_MAX)
static INLINE char *put_u64(struct json *j, char *o, unsigned long long v)
{
	o = put_sep(j, o, false);
	j->sep = ',';
	return sink_fmt_u64(o, v);
}

/* A byte array: "0xNN" per byte (7 bytes with the comma, one of slack), then its close. */
static INLINE size_t hex_room(const struct json *j, size_t n)
{
	return 1 + 1 + 7 * n + 1 + line_room(j, 0) + 1;
}

static INLINE char *put_hex(struct json *j, char *o, const unsigned char *b, size_t n)
{
	size_t i;

	o = put_sep(j, o, false);
	*o++ = '[';
	for (i = 0; i < n; i++, o += 7)
		memcpy(o, hex_json[b[i]], 8);
	if (n) {
		o--;	/* the last comma */
		o = put_line(j, o);	/* at the array's own level, as put_close() */
	}
	*o++ = ']';
	j->sep = ',';
	return o;
}

/* A value follows at the current level (written by the caller). */
static void next_item(struct json *j)
{
	done(j, put_sep(j, sink_reserve(j->out, sep_room(j, false)), false));
	j->sep = ',';
}

static INLINE void open_container(struct json *j, bool obj)
{
	if (j->depth >= JSON_MAX_DEPTH) {
		json_null(j);
		j->overflow++;	/* its close is swallowed too */
		return;
	}
	done(j, put_open(j, sink_reserve(j->out, OPEN_ROOM), obj));
}

bool json_in_object(const struct json *j)
{
	return j->depth && is_obj_at(j, j->depth - 1);
}

static INLINE void close_container(struct json *j)
{
	if (j->overflow) {
		j->overflow--;
		return;
	}
	if (!j->depth)
		return;
	done(j, put_close(j, sink_reserve(j->out, close_room(j))));
}

void json_start_object(struct json *j)
{
	open_container(j, true);
}

void json_start_array(struct json *j)
{
	open_container(j, false);
}

void json_end_object(struct json *j)
{
	close_container(j);
}

void json_end_array(struct json *j)
{
	close_container(j);
}

void json_finish(struct json *j)
{
	while (j->depth)
		close_container(j);
	sink_putc(j->out, '\n');
}

/* How many bytes at the start of s need no escaping. */
static size_t plain_run(const unsigned char *s, size_t n)
{
	size_t i = 0;

	while (i < n && !not_plain[s[i]])
		i++;
	return i;
}

/* Length of the valid UTF-8 sequence at s (at most n bytes), or 0 if it is not one. */
static size_t utf8_len(const unsigned char *s, size_t n)
{
	size_t len, i;
	unsigned int cp;

	if (s[0] < 0xc2 || s[0] > 0xf4)
		return 0;
	len = s[0] < 0xe0 ? 2 : s[0] < 0xf0 ? 3 : 4;
	if (len > n)
		return 0;
	cp = s[0] & (0x7f >> len);
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3f);
	}
	/* overlong forms, surrogates and values past U+10FFFF are not valid */
	if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
	    (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return len;
}

void json_escape(struct sink *out, const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;

	sink_putc(out, '"');
	while (i < n) {
		unsigned char c = s[i];
		size_t run = i;

		/* copy a run of bytes that need no escaping in one write */
		run += plain_run(s + run, n - run);
		if (run > i) {
			sink_write(out, s + i, run - i);
			i = run;
			continue;
		}
		if (c >= 0x80) {
			size_t len = utf8_len(s + i, n - i);

			if (len) {
				sink_write(out, s + i, len);
				i += len;
				continue;
			}
		}
		switch (c) {
		case '"':  sink_write(out, "\\\"", 2); break;
		case '\\': sink_write(out, "\\\\", 2); break;
		case '\b': sink_write(out, "\\b", 2); break;
		case '\f': sink_write(out, "\\f", 2); break;
		case '\n': sink_write(out, "\\n", 2); break;
		case '\r': sink_write(out, "\\r", 2); break;
		case '\t': sink_write(out, "\\t", 2); break;
		default: {
			char u[6] = { '\\', 'u', '0', '0', hexdig[c >> 4], hexdig[c & 15] };

			sink_write(out, u, 6);
		}
		}
		i++;
	}
	sink_putc(out, '"');
}

/* The length of name if it needs no escaping, else -1. */
static INLINE long plain_name(const char *name)
{
	const unsigned char *s = (const unsigned char *)name;
	size_t n = 0;

	while (!not_plain[s[n]])	/* the NUL is not plain either */
		n++;
	return s[n] ? -1 : (long)n;
}

void json_name_len(struct json *j, const char *name, size_t n)
{
	char *o;

	if (plain_run((const unsigned char *)name, n) == n) {
		done(j, put_name(j, sink_reserve(j->out, name_room(j, n)), name, n));
		return;
	}
	done(j, put_sep(j, sink_reserve(j->out, sep_room(j, true)), true));
	json_escape(j->out, name, n);
	o = sink_reserve(j->out, 2);
	*o++ = ':';
	if (j->pretty)
		*o++ = ' ';
	done(j, o);
	j->sep = 0;
}

void json_name(struct json *j, const char *name)
{
	long n = plain_name(name);

	if (n < 0)
		json_name_len(j, name, strlen(name));
	else
		done(j, put_name(j, sink_reserve(j->out, name_room(j, (size_t)n)), name,
				 (size_t)n));
}

void json_string_len(struct json *j, const char *s, size_t n)
{
	next_item(j);
	json_escape(j->out, s, n);
}

void json_string(struct json *j, const char *s)
{
	json_string_len(j, s, strlen(s));
}

void json_u64(struct json *j, unsigned long long v)
{
	done(j, put_u64(j, sink_reserve(j->out, U64_ROOM), v));
}

void json_s64(struct json *j, long long v)
{
	next_item(j);
	sink_s64(j->out, v);
}

void json_raw(struct json *j, const char *text)
{
	next_item(j);
	sink_puts(j->out, text);
}

void json_bool(struct json *j, bool v)
{
	json_raw(j, v ? "true" : "false");
}

void json_null(struct json *j)
{
	json_raw(j, "null");
}

void json_hex_bytes(struct json *j, const void *p, size_t n)
{
	if (j->depth >= JSON_MAX_DEPTH)
		json_null(j);	/* as open_container() refuses it */
	else
		done(j, put_hex(j, sink_reserve(j->out, hex_room(j, n)), p, n));
}

void json_kv_hex(struct json *j, const char *name, const void *p, size_t n)
{
	long len = plain_name(name);
	char *o;

	if (len < 0 || j->depth >= JSON_MAX_DEPTH) {
		json_name(j, name);
		json_hex_bytes(j, p, n);
		return;
	}
	o = sink_reserve(j->out, name_room(j, (size_t)len) + hex_room(j, n));
	o = put_name(j, o, name, (size_t)len);
	done(j, put_hex(j, o, p, n));
}

/* [{"cpu":0,"value":[...]},...]: the calls in the comment below, one reservation per CPU. */
void json_cpu_values(struct json *j, const void *values, size_t stride, int ncpus, size_t n)
{
	const unsigned char *v = values;
	size_t slot;
	char *o;
	int i;

	if (j->depth >= JSON_MAX_DEPTH) {
		json_null(j);	/* the whole array, as json_hex_bytes() */
		return;
	}
	json_start_array(j);
	/* its steps' rooms (a line at most one level below ours each), with room to spare */
	slot = 64 + 7 * n + 4 * line_room(j, 1);
	for (i = 0; i < ncpus; i++, v += stride) {
		if (j->depth >= JSON_MAX_DEPTH) {
			json_null(j);	/* the slot's object cannot open */
			continue;
		}
		if (j->depth + 1 >= JSON_MAX_DEPTH) {	/* nor then its array: the long way */
			json_start_object(j);
			json_kv_u64(j, "cpu", (unsigned int)i);
			json_kv_hex(j, "value", v, n);
			json_end_object(j);
			continue;
		}
		o = sink_reserve(j->out, slot);
		o = put_open(j, o, true);
		o = put_name(j, o, "cpu", 3);
		o = put_u64(j, o, (unsigned int)i);
		o = put_name(j, o, "value", 5);
		o = put_hex(j, o, v, n);
		done(j, put_close(j, o));
	}
	json_end_array(j);
}

void json_dec_bytes(struct json *j, const void *p, size_t n)
{
	const unsigned char *b = p;
	size_t i;

	json_start_array(j);
	for (i = 0; i < n; i++)
		json_u64(j, b[i]);
	json_end_array(j);
}

void json_kv_string(struct json *j, const char *name, const char *s)
{
	json_name(j, name);
	json_string(j, s);
}

void json_kv_u64(struct json *j, const char *name, unsigned long long v)
{
	long len = plain_name(name);
	char *o;

	if (len < 0) {
		json_name(j, name);
		json_u64(j, v);
		return;
	}
	o = sink_reserve(j->out, name_room(j, (size_t)len) + U64_ROOM);
	o = put_name(j, o, name, (size_t)len);
	done(j, put_u64(j, o, v));
}

void json_kv_s64(struct json *j, const char *name, long long v)
{
	json_name(j, name);
	json_s64(j, v);
}

void json_kv_bool(struct json *j, const char *name, bool v)
{
	json_name(j, name);
	json_bool(j, v);
}
