// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The dump and lookup hot paths' shortcuts (hex tables, one-reservation JSON emitters, the
 * caller's sink buffer) write exactly what the one-step-at-a-time ways write.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hex.h"
#include "jsonv.h"
#include "json.h"
#include "out.h"
#include "sink.h"
#include "tlib.h"
#include "util.h"

static unsigned char bytes[512];

static void fill(unsigned int seed)
{
	size_t i;

	for (i = 0; i < sizeof(bytes); i++)
		bytes[i] = (unsigned char)((i * 131 + seed * 7 + (i >> 3)) ^ (seed >> 1));
}

static char *text(struct sink *s)
{
	*sink_reserve(s, 1) = 0;
	return s->buf;
}

Test(hotpath, hex_tables)
{
	char want[16];
	int b;

	for (b = 0; b < 256; b++) {
		snprintf(want, sizeof(want), "%02x ", b);
		cr_assert_str_eq(hex_plain[b], want);
		snprintf(want, sizeof(want), "\"0x%02x\",", b);
		cr_assert_str_eq(hex_json[b], want);
	}
}

/* upstream's fprint_hex byte by byte: "%02x", one space, two after every 8th, \n every 16th */
static void ref_hex(struct sink *s, const unsigned char *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (i)
			sink_puts(s, i % 16 == 0 ? "\n" : i % 8 == 0 ? "  " : " ");
		sink_printf(s, "%02x", b[i]);
	}
}

Test(hotpath, out_hex_is_fprint_hex)
{
	struct sink got, want;
	size_t n;

	for (n = 0; n <= 70; n++) {
		fill((unsigned int)n);
		sink_init_mem(&got);
		sink_init_mem(&want);
		sink_puts(&got, "<");
		sink_puts(&want, "<");
		out_hex(&got, bytes, n);
		ref_hex(&want, bytes, n);
		sink_puts(&got, ">");
		sink_puts(&want, ">");
		cr_assert_str_eq(text(&got), text(&want), "n = %zu", n);
		sink_free(&got);
		sink_free(&want);
	}
}

/* A hex array the long way: an array of "0xNN" strings; null where no level may open. */
static void ref_hex_array(struct json *j, const unsigned char *b, size_t n)
{
	char s[8];
	size_t i;

	if (j->depth >= JSON_MAX_DEPTH) {
		json_null(j);
		return;
	}
	json_start_array(j);
	for (i = 0; i < n; i++) {
		snprintf(s, sizeof(s), "0x%02x", b[i]);
		json_string(j, s);
	}
	json_end_array(j);
}

/* Both writers at the same place in the same document: depth levels open, one item in. */
struct pair {
	struct sink gs, ws;
	struct json got, want;
};

static void pair_open(struct pair *p, bool pretty, unsigned int depth)
{
	unsigned int i;

	sink_init_mem(&p->gs);
	sink_init_mem(&p->ws);
	json_init(&p->got, &p->gs, pretty);
	json_init(&p->want, &p->ws, pretty);
	for (i = 0; i < depth; i++) {
		json_start_object(&p->got);
		json_start_object(&p->want);
		json_kv_u64(&p->got, "before", i);
		json_kv_u64(&p->want, "before", i);
		json_name(&p->got, "in");
		json_name(&p->want, "in");
	}
}

static void pair_check(struct pair *p, const char *what)
{
	json_finish(&p->got);
	json_finish(&p->want);
	cr_assert_str_eq(text(&p->gs), text(&p->ws), "%s", what);
	cr_assert(t_json_valid(p->gs.buf, p->gs.len, NULL), "%s", what);
	sink_free(&p->gs);
	sink_free(&p->ws);
}

static const size_t sizes[] = { 0, 1, 2, 7, 8, 9, 16, 17, 64, 300 };

Test(hotpath, json_hex_emitters_match_the_long_way)
{
	static const char *const names[] = { "key", "value", "a\"b", "\xc3\xa9t\xc3\xa9", "" };
	unsigned int depth, k, nm;
	struct pair p;
	char what[64];
	int pretty;

	for (pretty = 0; pretty < 2; pretty++) {
		for (depth = 0; depth < 4; depth++) {
			for (k = 0; k < ARRAY_SIZE(sizes); k++) {
				fill(k + depth);
				snprintf(what, sizeof(what), "hex pretty %d depth %u n %zu", pretty,
					 depth, sizes[k]);
				pair_open(&p, pretty, depth);
				json_start_array(&p.got);
				json_start_array(&p.want);
				json_hex_bytes(&p.got, bytes, sizes[k]);
				ref_hex_array(&p.want, bytes, sizes[k]);
				json_hex_bytes(&p.got, bytes + 1, sizes[k]);
				ref_hex_array(&p.want, bytes + 1, sizes[k]);
				pair_check(&p, what);
				for (nm = 0; nm < ARRAY_SIZE(names); nm++) {
					pair_open(&p, pretty, depth);
					json_start_object(&p.got);
					json_start_object(&p.want);
					json_kv_hex(&p.got, names[nm], bytes, sizes[k]);
					json_name(&p.want, names[nm]);
					ref_hex_array(&p.want, bytes, sizes[k]);
					json_kv_u64(&p.got, names[nm], sizes[k] * 1000003);
					json_name(&p.want, names[nm]);
					json_u64(&p.want, sizes[k] * 1000003);
					pair_check(&p, what);
				}
			}
		}
	}
}

/* Names that need escaping take the long way, on their own pretty line like the others. */
Test(hotpath, escaped_names_pretty)
{
	static const unsigned char b[] = { 1, 2 };
	struct sink s;
	struct json j;

	sink_init_mem(&s);
	json_init(&j, &s, true);
	json_start_object(&j);
	json_kv_u64(&j, "a\"b", 1);
	json_kv_hex(&j, "t\tab", b, 2);
	json_name(&j, "\xc3\xa9");
	json_start_object(&j);
	json_kv_u64(&j, "\x01", 2);
	json_end_object(&j);
	json_end_object(&j);
	json_finish(&j);
	cr_assert_str_eq(text(&s), "{\n    \"a\\\"b\": 1,\n    \"t\\tab\": [\"0x01\",\"0x02\"\n"
				   "    ],\n    \"\xc3\xa9\": {\n        \"\\u0001\": 2\n    }\n}\n");
	sink_free(&s);
}

/* What json_cpu_values() stands for, one call at a time; null where no level may open. */
static void ref_cpu_values(struct json *j, const unsigned char *v, size_t stride, int ncpus,
			   size_t n)
{
	int i;

	if (j->depth >= JSON_MAX_DEPTH) {
		json_null(j);
		return;
	}
	json_start_array(j);
	for (i = 0; i < ncpus; i++) {
		if (j->depth >= JSON_MAX_DEPTH) {
			json_null(j);
			continue;
		}
		json_start_object(j);
		json_name(j, "cpu");
		json_u64(j, (unsigned int)i);
		json_name(j, "value");
		ref_hex_array(j, v + (size_t)i * stride, n);
		json_end_object(j);
	}
	json_end_array(j);
}

Test(hotpath, json_cpu_values_matches_the_long_way)
{
	static const size_t vsizes[] = { 0, 4, 8, 13, 20 };
	unsigned int depth, k;
	struct pair p;
	char what[80];
	int pretty, ncpus;

	for (pretty = 0; pretty < 2; pretty++)
		for (depth = 0; depth < 4; depth++)
			for (ncpus = 0; ncpus <= 12; ncpus += 3)
				for (k = 0; k < ARRAY_SIZE(vsizes); k++) {
					size_t stride = (vsizes[k] + 7) / 8 * 8;

					fill(k + (unsigned int)ncpus);
					snprintf(what, sizeof(what), "pretty %d depth %u ncpus %d n %zu",
						 pretty, depth, ncpus, vsizes[k]);
					pair_open(&p, pretty, depth);
					json_start_object(&p.got);
					json_start_object(&p.want);
					json_name(&p.got, "values");
					json_name(&p.want, "values");
					json_cpu_values(&p.got, bytes, stride, ncpus, vsizes[k]);
					ref_cpu_values(&p.want, bytes, stride, ncpus, vsizes[k]);
					pair_check(&p, what);
				}
}

/* At the nesting limit the emitters write null for what cannot open, and stay valid JSON. */
Test(hotpath, emitters_at_the_depth_limit)
{
	unsigned int depth, i;
	struct pair p;
	char what[32];

	fill(3);
	for (depth = JSON_MAX_DEPTH - 3; depth <= JSON_MAX_DEPTH; depth++) {
		snprintf(what, sizeof(what), "depth %u", depth);
		sink_init_mem(&p.gs);
		sink_init_mem(&p.ws);
		json_init(&p.got, &p.gs, false);
		json_init(&p.want, &p.ws, false);
		for (i = 0; i < depth; i++) {
			json_start_array(&p.got);
			json_start_array(&p.want);
		}
		json_cpu_values(&p.got, bytes, 8, 3, 5);
		ref_cpu_values(&p.want, bytes, 8, 3, 5);
		json_hex_bytes(&p.got, bytes, 3);
		ref_hex_array(&p.want, bytes, 3);
		pair_check(&p, what);
	}
}

Test(hotpath, u64_digits)
{
	static const unsigned long long v[] = { 0, 9, 10, 99, 100, 4294967295ULL,
						 10000000000000000000ULL, ULLONG_MAX };
	char got[SINK_U64_MAX + 1], want[32];
	size_t i;

	for (i = 0; i < ARRAY_SIZE(v); i++) {
		*sink_fmt_u64(got, v[i]) = 0;
		snprintf(want, sizeof(want), "%llu", v[i]);
		cr_assert_str_eq(got, want);
	}
}

/* stdout's sink writes from the caller's buffer and moves to its own for a bigger piece. */
Test(hotpath, sink_over_a_callers_buffer)
{
	char small[16], back[128];
	struct sink s;
	int fds[2];
	ssize_t n;
	char *o;

	cr_assert_eq(pipe(fds), 0);
	sink_init_buf(&s, fds[1], small, sizeof(small));
	sink_puts(&s, "hello ");
	cr_assert_eq(s.buf, small);
	o = sink_reserve(&s, 40);	/* flushes "hello ", then outgrows small */
	cr_assert_neq(s.buf, small);
	memset(o, 'x', 40);
	sink_commit(&s, 40);
	sink_puts(&s, "!");
	cr_assert_eq(sink_flush(&s), 0);
	sink_free(&s);	/* frees its own buffer only */
	close(fds[1]);
	n = read(fds[0], back, sizeof(back) - 1);
	close(fds[0]);
	cr_assert_eq(n, 47);
	back[n] = 0;
	cr_assert_str_eq(back, "hello xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx!");
}
