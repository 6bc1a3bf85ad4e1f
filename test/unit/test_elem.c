// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* DATA bytes and element words (elem.c), fed from argv arrays; errors read back from p_err. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "elem.h"
#include "out.h"
#include "util.h"
#include "tlib.h"

/* p_err() in JSON mode into a memory sink: the message comes back as {"error":"..."}. */
static void capture(void)
{
	if (g_out.ready)
		sink_free(&g_out.so);
	memset(&g_out, 0, sizeof(g_out));
	g_out.json = true;
	sink_init_mem(&g_out.so);
	json_init(&g_out.jw, &g_out.so, false);
	g_out.ready = true;
}

static char *captured(void)
{
	char *s = strndup(g_out.so.buf, g_out.so.len);

	cr_assert(s);
	return s;
}

static void release(void)
{
	if (g_out.ready)
		sink_free(&g_out.so);
	memset(&g_out, 0, sizeof(g_out));
}

/* Splits line on spaces into words after a leading "update" (argv[-1] must be readable). */
struct words {
	char *buf;
	char *argv[64];
	struct args a;
};

static void split(struct words *w, const char *line)
{
	char *save = NULL, *t;
	int n = 0;

	w->buf = strdup(line);
	w->argv[n++] = (char *)"update";
	for (t = strtok_r(w->buf, " ", &save); t; t = strtok_r(NULL, " ", &save))
		w->argv[n++] = strcmp(t, "''") ? t : (char *)"";
	w->argv[n] = NULL;
	w->a.argc = n - 1;
	w->a.argv = w->argv + 1;
}

struct result {
	int ret;
	char *err;	/* the captured output: "" or {"error":"..."} */
	__u8 key[64], value[64];
	struct elem e;
	char *words;	/* e.ref points into these */
};

static struct result run(const char *line, const struct elem_spec *s)
{
	struct result r;
	struct words w;

	memset(&r, 0, sizeof(r));
	memset(r.key, 0xaa, sizeof(r.key));
	memset(r.value, 0xaa, sizeof(r.value));
	r.e.key = r.key;
	r.e.value = r.value;
	split(&w, line);
	capture();
	r.ret = elem_parse(&w.a, s, &r.e);
	r.err = captured();
	release();
	r.words = w.buf;
	return r;
}

static void done(struct result *r)
{
	free(r->err);
	free(r->words);
}

static const struct elem_spec upd = {
	.map_type = BPF_MAP_TYPE_HASH, .key_size = 4, .value_size = 8,
	.want_key = true, .want_value = true, .want_flags = true,
};

static const struct elem_spec lkp = {
	.map_type = BPF_MAP_TYPE_HASH, .key_size = 4, .want_key = true,
};

static const struct elem_spec push = {
	.map_type = BPF_MAP_TYPE_QUEUE, .key_size = 0, .value_size = 4,
	.want_key = false, .want_value = true, .want_flags = true,
};

static void expect_err(const char *line, const struct elem_spec *s, const char *msg)
{
	struct result r = run(line, s);
	char *want = NULL;

	cr_assert(asprintf(&want, "{\"error\":\"%s\"}", msg) > 0);
	cr_expect_eq(r.ret, -1, "'%s' was accepted", line);
	cr_expect_str_eq(r.err, want, "'%s'", line);
	free(want);
	done(&r);
}

Test(elem, byte_forms)
{
	static const struct {
		const char *tok;
		bool hex;
		__u8 v;
	} ok[] = {
		{ "0", false, 0 }, { "255", false, 255 }, { "0x1f", false, 0x1f },
		{ "0XAB", false, 0xab }, { "010", false, 8 }, { "077", false, 63 },
		{ "", false, 0 }, { " 7", false, 7 }, { "+5", false, 5 },
		{ "-1", false, 0xff }, { "-128", false, 0x80 }, { "-0", false, 0 },
		{ "-0x80", false, 0x80 }, { "ff", true, 0xff }, { "0xab", true, 0xab },
		{ "0XCD", true, 0xcd }, { "10", true, 0x10 }, { "-1", true, 0xff },
		{ "-80", true, 0x80 }, { "", true, 0 }, { "00000000000255", false, 0xad },
		{ "0000000000000000000000000255", false, 0xad },
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(ok); i++) {
		__u8 v = 0x5a;

		cr_expect_eq(elem_parse_byte(ok[i].tok, ok[i].hex, &v), 0, "'%s' refused",
			     ok[i].tok);
		cr_expect_eq(v, ok[i].v, "'%s' -> %#x, want %#x", ok[i].tok, v, ok[i].v);
	}
}

Test(elem, byte_rejects)
{
	static const char *const junk[] = { "abc", "1x", "0x", "0xg", "08", "09", "1 ", " ", "-",
					    "+", "1.5", "0b1", "--1", "value", "hex", "ff" };
	static const char *const range[] = { "256", "0x100", "0x1ff", "-129", "-0x81", "1000",
					     "99999999999999999999999", "0400" };
	size_t i;
	__u8 v;

	for (i = 0; i < ARRAY_SIZE(junk); i++) {
		v = 0x5a;
		cr_expect_eq(elem_parse_byte(junk[i], false, &v), -EINVAL, "'%s'", junk[i]);
		cr_expect_eq(v, 0x5a, "'%s' wrote a byte", junk[i]);
	}
	for (i = 0; i < ARRAY_SIZE(range); i++) {
		v = 0x5a;
		cr_expect_eq(elem_parse_byte(range[i], false, &v), -ERANGE, "'%s'", range[i]);
		cr_expect_eq(v, 0x5a, "'%s' wrote a byte", range[i]);
	}
	cr_expect_eq(elem_parse_byte("100", true, &v), -ERANGE);
	cr_expect_eq(elem_parse_byte("-81", true, &v), -ERANGE);
	cr_expect_eq(elem_parse_byte("fg", true, &v), -EINVAL);
	cr_expect_eq(elem_parse_byte("8", false, &v), 0);
}

Test(elem, key_value_flags_any_order)
{
	static const __u8 k[4] = { 1, 0, 0, 0 }, val[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };
	struct result r;

	r = run("key 1 0 0 0 value 1 2 3 4 5 6 7 8", &upd);
	cr_assert_eq(r.ret, 0, "%s", r.err);
	cr_expect_str_eq(r.err, "");
	cr_expect_arr_eq(r.key, k, 4);
	cr_expect_arr_eq(r.value, val, 8);
	cr_expect_eq(r.e.flags, BPF_ANY);
	cr_expect_eq(r.e.kind, ELEM_VALUE_DATA);
	cr_expect_eq(r.key[4], 0xaa, "wrote past the key");
	cr_expect_eq(r.value[8], 0xaa, "wrote past the value");
	done(&r);

	r = run("noexist value 1 2 3 4 5 6 7 8 key 1 0 0 0", &upd);
	cr_assert_eq(r.ret, 0, "%s", r.err);
	cr_expect_arr_eq(r.key, k, 4);
	cr_expect_arr_eq(r.value, val, 8);
	cr_expect_eq(r.e.flags, BPF_NOEXIST);
	done(&r);

	/* prefixes: "" and "k" are key, "v" value, "e" exist, "n" noexist, "a" any */
	r = run("'' 1 0 0 0 v 1 2 3 4 5 6 7 8 e", &upd);
	cr_assert_eq(r.ret, 0, "%s", r.err);
	cr_expect_arr_eq(r.key, k, 4);
	cr_expect_eq(r.e.flags, BPF_EXIST);
	done(&r);
	r = run("k 1 0 0 0 va 1 2 3 4 5 6 7 8 n", &upd);
	cr_assert_eq(r.ret, 0, "%s", r.err);
	cr_expect_eq(r.e.flags, BPF_NOEXIST);
	done(&r);
	r = run("a k 1 0 0 0 value 1 2 3 4 5 6 7 8", &upd);
	cr_assert_eq(r.ret, 0, "%s", r.err);
	cr_expect_eq(r.e.flags, BPF_ANY);
	done(&r);
}

Test(elem, hex_and_bases)
{
	static const __u8 k[4] = { 0xff, 0x0a, 0xab, 0x10 }, k2[4] = { 8, 0x1f, 0xff, 0x80 };
	struct result r;

	r = run("key hex ff 0a 0xab 10 value h 1 2 3 4 5 6 7 8", &upd);
	cr_assert_eq(r.ret, 0, "%s", r.err);
	cr_expect_arr_eq(r.key, k, 4);
	done(&r);
	r = run("key 010 0x1f -1 -128 value he 1 2 3 4 5 6 7 8", &upd);
	cr_assert_eq(r.ret, 0, "%s", r.err);
	cr_expect_arr_eq(r.key, k2, 4);
	done(&r);
	/* "" first is the hex keyword (a prefix of it), as upstream */
	r = run("key '' 1 0 0 a value 1 2 3 4 5 6 7 8", &upd);
	cr_assert_eq(r.ret, 0, "%s", r.err);
	cr_expect_eq(r.key[3], 0x0a);
	done(&r);
	/* "" later is the byte 0 */
	r = run("key 1 '' '' 1 value 1 2 3 4 5 6 7 8", &upd);
	cr_assert_eq(r.ret, 0, "%s", r.err);
	cr_expect_eq(r.key[1], 0);
	cr_expect_eq(r.key[3], 1);
	done(&r);
}

Test(elem, errors_in_upstream_words)
{
	expect_err("key 1 0 0", &upd, "key expected 4 bytes got 3");
	expect_err("key 1 0 0 0 value 1 2 3 4 5 6 7", &upd, "value expected 8 bytes got 7");
	expect_err("key hex 1 0 0", &upd, "key expected 4 bytes got 3");
	expect_err("key", &upd, "key expected 4 bytes got 0");
	expect_err("key 7 0 0 value 1 2 3 4 5 6 7 8", &upd, "error parsing byte: value");
	expect_err("key 1 0 0 0 9 value 1 2 3 4 5 6 7 8", &upd, "expected key or value, got: 9");
	expect_err("key 1 0 0 7 hex value 1 2 3 4 5 6 7 8", &upd,
		   "expected key or value, got: hex");
	expect_err("key 1 0 7 hex value 1 2 3 4 5 6 7 8", &upd, "error parsing byte: hex");
	expect_err("key 1 0 0 x", &upd, "error parsing byte: x");
	expect_err("key 1 0 0 08", &upd, "error parsing byte: 08");
	expect_err("key 1 0 0 1x", &upd, "error parsing byte: 1x");
	expect_err("key 1 0 0 0 key 1 0 0 0", &upd, "duplicate key");
	expect_err("value 1 2 3 4 5 6 7 8 value 1 2 3 4 5 6 7 8 key 1 0 0 0", &upd,
		   "duplicate value");
	expect_err("key 1 0 0 0 any value 1 2 3 4 5 6 7 8 exist", &upd,
		   "flags specified multiple times: exist");
	expect_err("key 1 0 0 0", &upd, "did not find value");
	expect_err("value 1 2 3 4 5 6 7 8", &upd, "did not find key");
	expect_err("", &upd, "did not find key");
	expect_err("bogus", &upd, "expected key or value, got: bogus");
	/* lookup-like: no value, no flags */
	expect_err("key 1 0 0 0 value 1", &lkp, "unnecessary value");
	expect_err("key 1 0 0 0 any", &lkp, "flags specified multiple times: any");
	/* key-less maps */
	expect_err("key 1 0 0 0 value 1 0 0 0", &push, "unnecessary key");
	expect_err("", &push, "did not find value");
}

Test(elem, range_deviation)
{
	expect_err("key 256 0 0 0 value 1 2 3 4 5 6 7 8", &upd, "byte out of range: 256");
	expect_err("key 1 0 0 0 value 1 2 3 4 5 6 7 0x1ff", &upd, "byte out of range: 0x1ff");
	expect_err("key -129 0 0 0 value 1 2 3 4 5 6 7 8", &upd, "byte out of range: -129");
	expect_err("key hex 100 0 0 0 value 1 2 3 4 5 6 7 8", &upd, "byte out of range: 100");
}

Test(elem, map_and_prog_values)
{
	struct elem_spec mim = upd, pa = upd;
	struct result r;

	mim.map_type = BPF_MAP_TYPE_ARRAY_OF_MAPS;
	mim.value_size = 4;
	pa.map_type = BPF_MAP_TYPE_PROG_ARRAY;
	pa.value_size = 4;

	r = run("key 1 0 0 0 value id 42 noexist", &mim);
	cr_assert_eq(r.ret, 0, "%s", r.err);
	cr_expect_eq(r.e.kind, ELEM_VALUE_MAP);
	cr_expect_eq(r.e.ref.kind, HANDLE_ID);
	cr_expect_eq(r.e.ref.id, 42);
	cr_expect_eq(r.e.flags, BPF_NOEXIST);
	done(&r);
	r = run("value pinned /sys/fs/bpf/x key 1 0 0 0", &mim);
	cr_assert_eq(r.ret, 0, "%s", r.err);
	cr_expect_eq(r.e.ref.kind, HANDLE_PINNED);
	cr_expect_str_eq(r.e.ref.path, "/sys/fs/bpf/x");
	done(&r);
	r = run("key 1 0 0 0 value tag 0123456789abcdef", &pa);
	cr_assert_eq(r.ret, 0, "%s", r.err);
	cr_expect_eq(r.e.kind, ELEM_VALUE_PROG);
	cr_expect_eq(r.e.ref.kind, HANDLE_TAG);
	cr_expect_eq(r.e.ref.tag[7], 0xef);
	done(&r);
	r = run("key 1 0 0 0 value name myprog", &pa);
	cr_assert_eq(r.ret, 0, "%s", r.err);
	cr_expect_eq(r.e.ref.kind, HANDLE_NAME);
	done(&r);

	expect_err("key 1 0 0 0 value id", &mim, "not enough value arguments for map in map");
	expect_err("key 1 0 0 0 value id", &pa, "not enough value arguments for map of progs");
	expect_err("key 1 0 0 0 value foo 1", &mim,
		   "expected 'id', 'name' or 'pinned', got: 'foo'?");
	expect_err("key 1 0 0 0 value id x", &mim, "can't parse x as ID");
	expect_err("key 1 0 0 0 value id 1 2", &mim, "expected key or value, got: 2");
	mim.value_size = 8;
	pa.value_size = 2;
	expect_err("key 1 0 0 0 value id 1", &mim, "value smaller than 4B for map in map?");
	expect_err("key 1 0 0 0 value id 1", &pa, "value smaller than 4B for map of progs?");
}

Test(elem, per_cpu_fill)
{
	__u8 v[3 * 8];
	int i;

	memset(v, 0, sizeof(v));
	v[0] = 1;
	v[1] = 2;
	v[2] = 3;
	elem_fill_per_cpu(v, 3, 3);
	for (i = 0; i < 3; i++) {
		cr_expect_eq(v[i * 8], 1);
		cr_expect_eq(v[i * 8 + 2], 3);
		cr_expect_eq(v[i * 8 + 3], 0, "padding written");
	}
}
