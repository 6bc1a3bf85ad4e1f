// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Streaming JSON writer. The layout follows upstream bpftool's json_writer.c byte for byte
 * (4-space pretty indent, names on new lines, scalar arrays inline, "},{"), but strings are
 * escaped properly: every byte below 0x20 and every byte of invalid UTF-8 becomes \u00XX.
 */
#include <string.h>

#include "json.h"

static const char hexdig[] = "0123456789abcdef";

void json_init(struct json *j, struct sink *out, bool pretty)
{
	memset(j, 0, sizeof(*j));
	j->out = out;
	j->pretty = pretty;
}

static void indent_line(struct json *j)
{
	unsigned int i;

	if (!j->pretty)
		return;
	sink_putc(j->out, '\n');
	for (i = 0; i < j->depth; i++)
		sink_write(j->out, "    ", 4);
}

/* Separator before a new value or name at the current level. */
static void next_item(struct json *j)
{
	if (j->sep)
		sink_putc(j->out, j->sep);
	j->sep = ',';
	if (!j->depth)
		j->wrote = true;
}

static void open_container(struct json *j, bool obj)
{
	unsigned long long bit = 1ULL << (j->depth % 64);

	if (j->depth >= JSON_MAX_DEPTH) {
		json_null(j);
		j->overflow++;	/* its close is swallowed too */
		return;
	}
	next_item(j);
	sink_putc(j->out, obj ? '{' : '[');
	if (obj)
		j->is_obj[j->depth / 64] |= bit;
	else
		j->is_obj[j->depth / 64] &= ~bit;
	j->depth++;
	j->sep = 0;
}

bool json_in_object(const struct json *j)
{
	return j->depth && (j->is_obj[(j->depth - 1) / 64] >> ((j->depth - 1) % 64) & 1);
}

static void close_container(struct json *j)
{
	char close;

	if (j->overflow) {
		j->overflow--;
		return;
	}
	if (!j->depth)
		return;
	close = json_in_object(j) ? '}' : ']';
	j->depth--;
	if (j->sep)
		indent_line(j);
	sink_putc(j->out, close);
	j->sep = ',';
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
		while (run < n && s[run] >= 0x20 && s[run] < 0x80 && s[run] != '"' &&
		       s[run] != '\\')
			run++;
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

void json_name(struct json *j, const char *name)
{
	next_item(j);
	indent_line(j);
	j->sep = 0;
	json_escape(j->out, name, strlen(name));
	if (j->pretty)
		sink_write(j->out, ": ", 2);
	else
		sink_putc(j->out, ':');
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
	next_item(j);
	sink_u64(j->out, v);
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
	const unsigned char *b = p;
	size_t i;

	json_start_array(j);
	if (n) {
		/* each element is "0xNN" plus a comma: 7 bytes */
		char *o = sink_reserve(j->out, n * 7);

		for (i = 0; i < n; i++) {
			if (i)
				*o++ = ',';
			memcpy(o, "\"0x", 3);
			o[3] = hexdig[b[i] >> 4];
			o[4] = hexdig[b[i] & 15];
			o[5] = '"';
			o += 6;
		}
		sink_commit(j->out, n * 7 - 1);
		j->sep = ',';
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
	json_name(j, name);
	json_u64(j, v);
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
