// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The BTF formatter: the documents upstream printed for the gold maps, rebuilt from the same
 * bytes (test/golden/btf/newest/, upstream's Debian output with newest's documented changes),
 * then every kind in both modes, JSON mode always parsed back.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "btf_dump.h"
#include "btfmaps.h"
#include "tlib.h"
#include "util.h"

/* ---- the gold maps ---------------------------------------------------------------------- */

static struct btf *gold_parse(struct gold_ids *ids)
{
	struct btfb b;
	struct btf *btf;
	size_t size;
	void *blob;
	int err;

	gold_btf(&b, ids);
	blob = btfb_blob(&b, &size);
	btfb_free(&b);
	btf = btf_parse(blob, size, NULL, &err);
	free(blob);
	cr_assert(btf, "gold BTF: %d", err);
	return btf;
}

static const char *const mode_ext[] = { "plain", "json", "pretty" };

static void expect_doc(const char *dir, const char *what, const struct btf *btf,
		       const struct bpf_map_info *info, const struct gold_entry *ents, int n,
		       unsigned int ncpus, bool lookup)
{
	int mode;

	for (mode = GOLD_PLAIN; mode <= GOLD_PRETTY; mode++) {
		char name[128], *want, *got;

		snprintf(name, sizeof(name), "%s/%s.%s", dir, what, mode_ext[mode]);
		want = gold_file(name);
		if (!want && lookup && mode != GOLD_PLAIN)
			continue;	/* only some lookups were captured in every mode */
		cr_assert(want, "missing fixture test/golden/btf/%s", name);
		got = gold_doc(btf, info, ents, n, ncpus, mode, lookup);
		cr_expect_str_eq(got, want, "%s differs:\n%s", name, got);
		if (mode != GOLD_PLAIN) {
			size_t where = 0;

			cr_expect(t_json_valid(got, strlen(got), &where),
				  "%s: invalid JSON at %zu", name, where);
		}
		free(got);
		free(want);
	}
}

static struct bpf_map_info map_info(__u32 type, __u32 ks, __u32 vs, __u32 kt, __u32 vt)
{
	struct bpf_map_info info;

	memset(&info, 0, sizeof(info));
	info.type = type;
	info.key_size = ks;
	info.value_size = vs;
	info.btf_id = 1;
	info.btf_key_type_id = kt;
	info.btf_value_type_id = vt;
	return info;
}

Test(btf_dump_gold, hash_struct_key_value)
{
	unsigned char k[2][GOLD_KEY_SIZE], v[2][GOLD_VAL_SIZE];
	struct gold_entry e[2];
	struct gold_ids ids;
	struct btf *btf = gold_parse(&ids);
	struct bpf_map_info info = map_info(BPF_MAP_TYPE_HASH, GOLD_KEY_SIZE, GOLD_VAL_SIZE,
					    ids.gkey, ids.gval);
	int i;

	for (i = 0; i < 2; i++) {
		gold_key(i, k[i]);
		gold_val(i, v[i]);
		e[i] = (struct gold_entry){ k[i], v[i] };
	}
	expect_doc("newest", "dump_gold_h", btf, &info, e, 2, 0, false);
	expect_doc("newest", "lookup_gold_h", btf, &info, e, 1, 0, true);
	btf_free(btf);
}

Test(btf_dump_gold, percpu_array)
{
	unsigned char v0[2 * GOLD_PCV_SIZE], v1[2 * GOLD_PCV_SIZE] = { 0 };
	int k0 = 0, k1 = 1;
	struct gold_entry e[2] = { { &k0, v0 }, { &k1, v1 } };
	struct gold_ids ids;
	struct btf *btf = gold_parse(&ids);
	struct bpf_map_info info = map_info(BPF_MAP_TYPE_PERCPU_ARRAY, 4, GOLD_PCV_SIZE,
					    ids.t_int, ids.pcv);

	gold_pcv(0, v0);
	gold_pcv(1, v0 + 8);
	/* captured with 2 possible CPUs */
	expect_doc("newest", "dump_gold_pca", btf, &info, e, 2, 2, false);
	expect_doc("newest", "lookup_gold_pca", btf, &info, e, 1, 2, true);
	btf_free(btf);
}

Test(btf_dump_gold, percpu_hash_stride)
{
	int k = 5, v[4] = { -1, 0, 3, 0 };	/* 4-byte values, 8 bytes apart */
	struct gold_entry e = { &k, v };
	struct gold_ids ids;
	struct btf *btf = gold_parse(&ids);
	struct bpf_map_info info = map_info(BPF_MAP_TYPE_PERCPU_HASH, 4, 4, ids.t_int, ids.t_int);

	expect_doc("newest", "dump_gold_pch", btf, &info, &e, 1, 2, false);
	btf_free(btf);
}

Test(btf_dump_gold, datasec_without_key_type)
{
	unsigned char v[GOLD_DATA_SIZE];
	int k = 0;
	struct gold_entry e = { &k, v };
	struct gold_ids ids;
	struct btf *btf = gold_parse(&ids);
	struct bpf_map_info info = map_info(BPF_MAP_TYPE_ARRAY, 4, GOLD_DATA_SIZE, 0, ids.datasec);

	gold_data(v);
	expect_doc("newest", "dump_gold_data", btf, &info, &e, 1, 0, false);
	expect_doc("newest", "lookup_gold_data", btf, &info, &e, 1, 0, true);
	btf_free(btf);
}

/* Upstream cuts the struct at its first float ("(unsupported-kind)"): we print the floats. */
Test(btf_dump_gold, float_members)
{
	unsigned char v[GOLD_FL_SIZE];
	int k = 1;
	struct gold_entry e = { &k, v };
	struct gold_ids ids;
	struct btf *btf = gold_parse(&ids);
	struct bpf_map_info info = map_info(BPF_MAP_TYPE_HASH, 4, GOLD_FL_SIZE, ids.t_int, ids.fl);

	gold_fl(v);
	expect_doc("ours", "dump_gold_fl", btf, &info, &e, 1, 0, false);
	btf_free(btf);
}

/* ---- every kind, both modes ------------------------------------------------------------- */

static struct btf *parse_built(struct btfb *b)
{
	struct btf *btf;
	size_t size;
	void *blob = btfb_blob(b, &size);
	int err;

	btf = btf_parse(blob, size, NULL, &err);
	free(blob);
	cr_assert(btf, "parse: %d", err);
	return btf;
}

/* Formats one value compactly (plain BTF mode is pretty in real use: layout is json.c's). */
static char *render(const struct btf *btf, __u32 id, const void *data, size_t size, bool plain,
		    bool pretty, int *ret)
{
	struct sink s;
	struct json j;
	int r;

	sink_init_mem(&s);
	json_init(&j, &s, pretty);
	r = btf_dump_value(&j, btf, id, data, size, plain);
	if (ret)
		*ret = r;
	*sink_reserve(&s, 1) = 0;
	return s.buf;
}

static void check(const struct btf *btf, __u32 id, const void *data, size_t size,
		  const char *json, const char *plain, int want_ret)
{
	size_t where = 0;
	char *got;
	int ret;

	got = render(btf, id, data, size, false, false, &ret);
	cr_expect_str_eq(got, json, "JSON mode: got %s, want %s", got, json);
	cr_expect_eq(ret, want_ret, "JSON mode returned %d", ret);
	cr_expect(t_json_valid(got, strlen(got), &where), "invalid JSON at %zu: %s", where, got);
	free(got);
	got = render(btf, id, data, size, true, false, &ret);
	cr_expect_str_eq(got, plain, "plain mode: got %s, want %s", got, plain);
	cr_expect_eq(ret, want_ret, "plain mode returned %d", ret);
	free(got);
}

static bool big_host(void)
{
	const unsigned short one = 1;

	return *(const unsigned char *)&one == 0;
}

static void put_u128(unsigned char *p, unsigned long long hi, unsigned long long lo)
{
	memcpy(p + (big_host() ? 8 : 0), &lo, 8);
	memcpy(p + (big_host() ? 0 : 8), &hi, 8);
}

Test(btf_dump, integers)
{
	struct btfb b;
	struct btf *btf;
	__u32 u8, s8, u16, s16, u32, s32, u64, s64, bl;
	unsigned char d[8];

	btfb_init(&b);
	u8 = btfb_int(&b, "unsigned char", 1, 0, 8, 0);
	s8 = btfb_int(&b, "signed char", 1, BTF_INT_SIGNED, 8, 0);
	u16 = btfb_int(&b, "unsigned short", 2, 0, 16, 0);
	s16 = btfb_int(&b, "short", 2, BTF_INT_SIGNED, 16, 0);
	u32 = btfb_int(&b, "unsigned int", 4, 0, 32, 0);
	s32 = btfb_int(&b, "int", 4, BTF_INT_SIGNED, 32, 0);
	u64 = btfb_int(&b, "unsigned long", 8, 0, 64, 0);
	s64 = btfb_int(&b, "long", 8, BTF_INT_SIGNED, 64, 0);
	bl = btfb_int(&b, "_Bool", 1, BTF_INT_BOOL, 8, 0);
	btf = parse_built(&b);
	memset(d, 0xff, 8);
	check(btf, u8, d, 1, "255", "255", 0);
	check(btf, s8, d, 1, "-1", "-1", 0);
	check(btf, u16, d, 2, "65535", "65535", 0);
	check(btf, s16, d, 2, "-1", "-1", 0);
	check(btf, u32, d, 4, "4294967295", "4294967295", 0);
	check(btf, u64, d, 8, "18446744073709551615", "18446744073709551615", 0);
	check(btf, s64, d, 8, "-1", "-1", 0);
	{
		int v = -2147483647 - 1;
		long long w = -9223372036854775807LL - 1;
		short h = -32768;

		check(btf, s32, &v, 4, "-2147483648", "-2147483648", 0);
		check(btf, s64, &w, 8, "-9223372036854775808", "-9223372036854775808", 0);
		check(btf, s16, &h, 2, "-32768", "-32768", 0);
	}
	d[0] = 0;
	check(btf, bl, d, 1, "false", "false", 0);
	d[0] = 1;
	check(btf, bl, d, 1, "true", "true", 0);
	d[0] = 2;
	check(btf, bl, d, 1, "true", "true", 0);
	btf_free(btf);
	btfb_free(&b);
}

/* BTF_INT_CHAR: "c" when printable, else "\u00XX" (JSON) or 0xX (plain). */
Test(btf_dump, char_encoding)
{
	static const struct {
		unsigned char c;
		const char *json, *plain;
	} cases[] = {
		{ 'a', "\"a\"", "\"a\"" },
		{ ' ', "\" \"", "\" \"" },
		{ '~', "\"~\"", "\"~\"" },
		/* upstream prints """ and "\" here (not JSON); we escape */
		{ '"', "\"\\\"\"", "\"\\\"\"" },
		{ '\\', "\"\\\\\"", "\"\\\\\"" },
		{ '\n', "\"\\u000a\"", "0xa" },
		{ 0, "\"\\u0000\"", "0x0" },
		{ 0x7f, "\"\\u007f\"", "0x7f" },
		{ 0x80, "\"\\u0080\"", "0x80" },
		{ 0xff, "\"\\u00ff\"", "0xff" },
	};
	struct btfb b;
	struct btf *btf;
	__u32 ch;
	size_t i;

	btfb_init(&b);
	ch = btfb_int(&b, "achar", 1, BTF_INT_CHAR, 8, 0);
	btf = parse_built(&b);
	for (i = 0; i < ARRAY_SIZE(cases); i++)
		check(btf, ch, &cases[i].c, 1, cases[i].json, cases[i].plain, 0);
	btf_free(btf);
	btfb_free(&b);
}

/* kind_flag bitfields, crossing bytes, up to a 128-bit one at an odd bit: host bit order. */
Test(btf_dump, bitfields_crossing_bytes)
{
	struct btfb b;
	struct btf *btf;
	__u32 u32, u128, bf;
	unsigned char d[32] = { 0 };

	btfb_init(&b);
	u32 = btfb_int(&b, "unsigned int", 4, 0, 32, 0);
	u128 = btfb_int(&b, "unsigned __int128", 16, 0, 128, 0);
	bf = btfb_struct(&b, "bf", 32);
	btfb_member(&b, "a", u32, 0, 1);
	btfb_member(&b, "b", u32, 1, 7);
	btfb_member(&b, "c", u32, 8, 9);
	btfb_member(&b, "d", u32, 17, 20);
	btfb_member(&b, "e", u128, 37, 64);
	btfb_member(&b, "f", u32, 101, 3);
	btfb_member(&b, "g", u128, 105, 128);
	btf = parse_built(&b);
	gold_setbits(d, 0, 1, 1);
	gold_setbits(d, 1, 7, 0x55);
	gold_setbits(d, 8, 9, 0x1ab);
	gold_setbits(d, 17, 20, 0xfedcb);
	gold_setbits(d, 37, 64, 0x123456789abcdef0ULL);
	gold_setbits(d, 101, 3, 5);
	gold_setbits(d, 105, 64, 2);
	gold_setbits(d, 169, 64, 1);
	check(btf, bf, d, sizeof(d),
	      "{\"a\":\"0x1\",\"b\":\"0x55\",\"c\":\"0x1ab\",\"d\":\"0xfedcb\","
	      "\"e\":\"0x123456789abcdef0\",\"f\":\"0x5\",\"g\":\"0x10000000000000002\"}",
	      "{\"a\":0x1,\"b\":0x55,\"c\":0x1ab,\"d\":0xfedcb,"
	      "\"e\":0x123456789abcdef0,\"f\":0x5,\"g\":0x10000000000000002}", 0);
	btf_free(btf);
	btfb_free(&b);
}

/* Ints that are bitfields by themselves: an INT offset, an odd bit count, an unaligned member. */
Test(btf_dump, int_bitfields_and_odd_sizes)
{
	struct btfb b;
	struct btf *btf;
	__u32 off3, u24, u16in4, u32, s, u5;
	unsigned char d[8] = { 0 };
	unsigned short h = 0xbeef;

	btfb_init(&b);
	off3 = btfb_int(&b, "off3", 1, 0, 4, 3);
	u24 = btfb_int(&b, "u24", 4, 0, 24, 0);
	u16in4 = btfb_int(&b, "u16in4", 4, 0, 16, 0);
	u32 = btfb_int(&b, "unsigned int", 4, 0, 32, 0);
	u5 = btfb_int(&b, "u5", 1, BTF_INT_SIGNED, 5, 0);
	s = btfb_struct(&b, "unaligned", 8);	/* no kind_flag: offsets are plain bits */
	btfb_member(&b, "x", u32, 4, 0);
	btfb_member(&b, "y", u5, 36, 0);
	btf = parse_built(&b);
	gold_setbits(d, 3, 4, 0xa);
	check(btf, off3, d, 1, "\"0xa\"", "0xa", 0);
	memset(d, 0, sizeof(d));
	gold_setbits(d, 0, 24, 0x123456);
	check(btf, u24, d, 4, "\"0x123456\"", "0x123456", 0);
	memset(d, 0, sizeof(d));
	memcpy(d, &h, 2);
	check(btf, u16in4, d, 4, "48879", "48879", 0);
	memset(d, 0, sizeof(d));
	gold_setbits(d, 4, 32, 0xdeadbeef);
	gold_setbits(d, 36, 5, 0x1f);	/* a signed bitfield: raw bits, no sign */
	check(btf, s, d, 8, "{\"x\":\"0xdeadbeef\",\"y\":\"0x1f\"}",
	      "{\"x\":0xdeadbeef,\"y\":0x1f}", 0);
	btf_free(btf);
	btfb_free(&b);
}

Test(btf_dump, int128)
{
	struct btfb b;
	struct btf *btf;
	__u32 u, s;
	unsigned char d[16];

	btfb_init(&b);
	u = btfb_int(&b, "unsigned __int128", 16, 0, 128, 0);
	s = btfb_int(&b, "__int128", 16, BTF_INT_SIGNED, 128, 0);
	btf = parse_built(&b);
	put_u128(d, 0, 5);
	check(btf, u, d, 16, "\"0x5\"", "0x5", 0);
	put_u128(d, 0, 0);
	check(btf, u, d, 16, "\"0x0\"", "0x0", 0);
	put_u128(d, 2, 1);
	check(btf, u, d, 16, "\"0x20000000000000001\"", "0x20000000000000001", 0);
	put_u128(d, ~0ULL, ~1ULL);	/* -2: printed as its bits */
	check(btf, s, d, 16, "\"0xfffffffffffffffffffffffffffffffe\"",
	      "0xfffffffffffffffffffffffffffffffe", 0);
	btf_free(btf);
	btfb_free(&b);
}

Test(btf_dump, enums)
{
	struct btfb b;
	struct btf *btf;
	__u32 e4, e1s, e1u, e64u, e64s4;
	__u32 v32;
	unsigned char v8;
	__u64 v64;

	btfb_init(&b);
	e4 = btfb_enum(&b, "e4", 4, 0);
	btfb_enum_val(&b, "A", 0);
	btfb_enum_val(&b, "M1", -1);
	e1s = btfb_enum(&b, "e1s", 1, 1);
	btfb_enum_val(&b, "N", -2);
	e1u = btfb_enum(&b, "e1u", 1, 0);
	btfb_enum_val(&b, "HI", 200);
	e64u = btfb_enum64(&b, "e64u", 8, 0);
	btfb_enum64_val(&b, "BIG", 0x8000000000000000ULL);
	e64s4 = btfb_enum64(&b, "e64s4", 4, 1);
	btfb_enum64_val(&b, "NEG", (__u64)-3);
	btf = parse_built(&b);
	v32 = 0xffffffff;
	check(btf, e4, &v32, 4, "\"M1\"", "\"M1\"", 0);
	v32 = 0;
	check(btf, e4, &v32, 4, "\"A\"", "\"A\"", 0);
	v32 = 5;
	check(btf, e4, &v32, 4, "5", "5", 0);
	v32 = 0x80000000;	/* unmatched: signed, as upstream */
	check(btf, e4, &v32, 4, "-2147483648", "-2147483648", 0);
	v8 = 0xfe;
	check(btf, e1s, &v8, 1, "\"N\"", "\"N\"", 0);
	v8 = 0x7f;
	check(btf, e1s, &v8, 1, "127", "127", 0);
	v8 = 200;	/* upstream misses this one (it compares -56 with 200) */
	check(btf, e1u, &v8, 1, "\"HI\"", "\"HI\"", 0);
	v8 = 201;
	check(btf, e1u, &v8, 1, "-55", "-55", 0);
	v64 = 0x8000000000000000ULL;
	check(btf, e64u, &v64, 8, "\"BIG\"", "\"BIG\"", 0);
	v64 = ~0ULL;
	check(btf, e64u, &v64, 8, "-1", "-1", 0);
	v32 = (__u32)-3;
	check(btf, e64s4, &v32, 4, "\"NEG\"", "\"NEG\"", 0);
	v32 = (__u32)-4;
	check(btf, e64s4, &v32, 4, "-4", "-4", 0);
	btf_free(btf);
	btfb_free(&b);
}

Test(btf_dump, pointers)
{
	struct btfb b;
	struct btf *btf;
	__u32 in, p, lng, p32;
	unsigned long long v;
	__u32 w;

	btfb_init(&b);
	in = btfb_int(&b, "int", 4, BTF_INT_SIGNED, 32, 0);
	p = btfb_ptr(&b, in);
	btf = parse_built(&b);
	cr_expect_eq(btf_ptr_size(btf), 8);
	v = 0;
	check(btf, p, &v, 8, "0", "\"(nil)\"", 0);
	v = 0xffff888012345678ULL;
	check(btf, p, &v, 8, "18446612682375452280", "\"0xffff888012345678\"", 0);
	btf_free(btf);
	btfb_free(&b);

	/* a 32-bit target: its long is 4 bytes, so are its pointers */
	btfb_init(&b);
	lng = btfb_int(&b, "long int", 4, BTF_INT_SIGNED, 32, 0);
	p32 = btfb_ptr(&b, lng);
	btf = parse_built(&b);
	cr_expect_eq(btf_ptr_size(btf), 4);
	w = 0x1000;
	check(btf, p32, &w, 4, "4096", "\"0x1000\"", 0);
	btf_free(btf);
	btfb_free(&b);
}

Test(btf_dump, char_arrays)
{
	struct btfb b;
	struct btf *btf;
	__u32 ch, ach, u, c4, cc4, tc, tc4, ac4, c0, uc, uc4;

	btfb_init(&b);
	ch = btfb_int(&b, "char", 1, BTF_INT_SIGNED, 8, 0);
	ach = btfb_int(&b, "achar", 1, BTF_INT_CHAR, 8, 0);
	uc = btfb_int(&b, "unsigned char", 1, 0, 8, 0);
	u = btfb_int(&b, "unsigned int", 4, 0, 32, 0);
	c4 = btfb_array(&b, ch, u, 4);
	cc4 = btfb_array(&b, btfb_const(&b, btfb_volatile(&b, ch)), u, 4);
	tc = btfb_typedef(&b, "tc", ch);
	tc4 = btfb_array(&b, tc, u, 4);
	ac4 = btfb_array(&b, ach, u, 4);
	c0 = btfb_array(&b, ch, u, 0);
	uc4 = btfb_array(&b, uc, u, 4);
	btf = parse_built(&b);
	check(btf, c4, "ab\0c", 4, "\"ab\"", "\"ab\"", 0);
	check(btf, c4, "\0abc", 4, "\"\"", "\"\"", 0);
	check(btf, c4, "abcd", 4, "[97,98,99,100]", "[97,98,99,100]", 0);	/* no NUL */
	check(btf, c4, "a\tb\0", 4, "[97,9,98,0]", "[97,9,98,0]", 0);		/* unprintable */
	check(btf, c4, "a\xe9\0\0", 4, "[97,-23,0,0]", "[97,-23,0,0]", 0);
	check(btf, cc4, "hi\0\0", 4, "\"hi\"", "\"hi\"", 0);		/* qualifiers skipped */
	check(btf, tc4, "hi\0\0", 4, "[104,105,0,0]", "[104,105,0,0]", 0);	/* typedef: not */
	check(btf, ac4, "ok\0\0", 4, "\"ok\"", "\"ok\"", 0);		/* CHAR encoding */
	check(btf, ac4, "o\x01\0\0", 4, "[\"o\",\"\\u0001\",\"\\u0000\",\"\\u0000\"]",
	      "[\"o\",0x1,0x0,0x0]", 0);
	check(btf, uc4, "hi\0\0", 4, "[104,105,0,0]", "[104,105,0,0]", 0);	/* not "char" */
	check(btf, c0, "", 0, "[]", "[]", 0);
	btf_free(btf);
	btfb_free(&b);
}

Test(btf_dump, arrays_structs_unions)
{
	struct btfb b;
	struct btf *btf;
	__u32 in, u16, a3, a23, pt, un, outer;
	unsigned char d[40] = { 0 };
	int i;

	btfb_init(&b);
	in = btfb_int(&b, "int", 4, BTF_INT_SIGNED, 32, 0);
	u16 = btfb_int(&b, "unsigned short", 2, 0, 16, 0);
	a3 = btfb_array(&b, in, in, 3);
	a23 = btfb_array(&b, a3, in, 2);
	pt = btfb_struct(&b, "pt", 4);
	btfb_member(&b, "x", u16, 0, 0);
	btfb_member(&b, "y", u16, 16, 0);
	un = btfb_union(&b, NULL, 4);
	btfb_member(&b, "i", in, 0, 0);
	btfb_member(&b, "p", pt, 0, 0);
	outer = btfb_struct(&b, "outer", 32);
	btfb_member(&b, "m", a23, 0, 0);
	btfb_member(&b, NULL, un, 192, 0);	/* an anonymous union member */
	btfb_member(&b, "last", in, 224, 0);
	btf = parse_built(&b);
	for (i = 0; i < 6; i++)
		memcpy(d + 4 * i, &i, 4);
	{
		unsigned short xy[2] = { 7, 9 };
		int last = -1, iv;
		char want[160];

		memcpy(d + 24, xy, 4);
		memcpy(d + 28, &last, 4);
		memcpy(&iv, d + 24, 4);
		snprintf(want, sizeof(want), "{\"m\":[[0,1,2],[3,4,5]],\"\":{\"i\":%d,"
			 "\"p\":{\"x\":7,\"y\":9}},\"last\":-1}", iv);
		check(btf, outer, d, 32, want, want, 0);
	}
	btf_free(btf);
	btfb_free(&b);
}

Test(btf_dump, qualifiers_typedefs_type_tags)
{
	struct btfb b;
	struct btf *btf;
	__u32 in, chain, tag, s;
	int v[2] = { 42, -7 };

	btfb_init(&b);
	in = btfb_int(&b, "int", 4, BTF_INT_SIGNED, 32, 0);
	chain = btfb_typedef(&b, "t1", btfb_const(&b, btfb_volatile(&b, btfb_restrict(&b,
		btfb_type_tag(&b, "user", btfb_typedef(&b, "t0", in))))));
	tag = btfb_type_tag(&b, "percpu", in);
	s = btfb_struct(&b, "s", 8);
	btfb_member(&b, "a", chain, 0, 0);
	/* upstream prints "(unsupported-kind)" for a member typed by a TYPE_TAG; we resolve it */
	btfb_member(&b, "b", tag, 32, 0);
	btf = parse_built(&b);
	check(btf, chain, v, 4, "42", "42", 0);
	check(btf, s, v, 8, "{\"a\":42,\"b\":-7}", "{\"a\":42,\"b\":-7}", 0);
	btf_free(btf);
	btfb_free(&b);
}

Test(btf_dump, var_value)
{
	struct btfb b;
	struct btf *btf;
	__u32 in, var;
	int v = 5;

	btfb_init(&b);
	in = btfb_int(&b, "int", 4, BTF_INT_SIGNED, 32, 0);
	var = btfb_var(&b, "counter", in, BTF_VAR_GLOBAL_ALLOCATED);
	btf = parse_built(&b);
	check(btf, var, &v, 4, "{\"counter\":5}", "{\"counter\":5}", 0);
	btf_free(btf);
	btfb_free(&b);
}

/* upstream's markers, and where they cut the output short (the rest of that struct). */
Test(btf_dump, markers_cut_the_struct)
{
	struct btfb b;
	struct btf *btf;
	__u32 in, fwd, proto, s1, s2, s3, outer;
	int v[4] = { 1, 2, 3, 4 };

	btfb_init(&b);
	in = btfb_int(&b, "int", 4, BTF_INT_SIGNED, 32, 0);
	fwd = btfb_fwd(&b, "later", 0);
	proto = btfb_func_proto(&b, in);
	s1 = btfb_struct(&b, "s1", 8);
	btfb_member(&b, "a", in, 0, 0);
	btfb_member(&b, "f", fwd, 32, 0);
	btfb_member(&b, "never", in, 32, 0);
	s2 = btfb_struct(&b, "s2", 8);
	btfb_member(&b, "a", in, 0, 0);
	btfb_member(&b, "fn", proto, 32, 0);
	btfb_member(&b, "never", in, 32, 0);
	s3 = btfb_struct(&b, "s3", 8);
	btfb_member(&b, "v", 0, 0, 0);	/* void: "(unknown)", and the struct goes on */
	btfb_member(&b, "b", in, 32, 0);
	outer = btfb_struct(&b, "outer", 16);
	btfb_member(&b, "in", s1, 0, 0);
	btfb_member(&b, "never", in, 64, 0);
	btf = parse_built(&b);
	check(btf, s1, v, 8, "{\"a\":1,\"f\":\"(fwd-kind-invalid)\"}",
	      "{\"a\":1,\"f\":(fwd-kind-invalid)}", -EINVAL);
	check(btf, s2, v, 8, "{\"a\":1,\"fn\":\"(unsupported-kind)\"}",
	      "{\"a\":1,\"fn\":(unsupported-kind)}", -EINVAL);
	check(btf, s3, v, 8, "{\"v\":\"(unknown)\",\"b\":2}", "{\"v\":(unknown),\"b\":2}", 0);
	/* the error stops the enclosing structs too, but every container is closed */
	check(btf, outer, v, 16, "{\"in\":{\"a\":1,\"f\":\"(fwd-kind-invalid)\"}}",
	      "{\"in\":{\"a\":1,\"f\":(fwd-kind-invalid)}}", -EINVAL);
	btf_free(btf);
	btfb_free(&b);
}

Test(btf_dump, floats)
{
	struct btfb b;
	struct btf *btf;
	__u32 f2, f4, f8, f16;
	float f;
	double d;
	unsigned short h;

	btfb_init(&b);
	f2 = btfb_float(&b, "_Float16", 2);
	f4 = btfb_float(&b, "float", 4);
	f8 = btfb_float(&b, "double", 8);
	f16 = btfb_float(&b, "long double", 16);
	btf = parse_built(&b);
	f = 0.1f;
	check(btf, f4, &f, 4, "0.100000001", "0.100000001", 0);
	f = -2.5e-10f;
	check(btf, f4, &f, 4, "-2.49999993e-10", "-2.49999993e-10", 0);
	f = NAN;
	check(btf, f4, &f, 4, "\"nan\"", "\"nan\"", 0);
	f = -INFINITY;
	check(btf, f4, &f, 4, "\"-inf\"", "\"-inf\"", 0);
	d = 1e300;
	check(btf, f8, &d, 8, "1.0000000000000001e+300", "1.0000000000000001e+300", 0);
	d = -0.0;
	check(btf, f8, &d, 8, "-0", "-0", 0);
	d = INFINITY;
	check(btf, f8, &d, 8, "\"inf\"", "\"inf\"", 0);
	h = 0x3c00;	/* 1.0 */
	check(btf, f2, &h, 2, "1", "1", 0);
	h = 0xc000;	/* -2.0 */
	check(btf, f2, &h, 2, "-2", "-2", 0);
	h = 0x7bff;	/* 65504, the largest */
	check(btf, f2, &h, 2, "65504", "65504", 0);
	h = 0x0001;	/* the smallest subnormal, 2^-24 */
	check(btf, f2, &h, 2, "5.9605e-08", "5.9605e-08", 0);
	h = 0x7c01;
	check(btf, f2, &h, 2, "\"nan\"", "\"nan\"", 0);
	if (sizeof(long double) == 16) {
		unsigned char q[16] = { 0 };
		long double ld = 1.25L;

		memcpy(q, &ld, sizeof(ld));
		check(btf, f16, q, 16, "1.25", "1.25", 0);
	}
	btf_free(btf);
	btfb_free(&b);
}

/* Nesting past what the JSON writer tracks stops with a marker; the document stays valid. */
Test(btf_dump, too_deep)
{
	struct btfb b;
	struct btf *btf;
	__u32 id;
	char *got;
	int i, ret;
	size_t where = 0;
	int v = 1;

	btfb_init(&b);
	id = btfb_int(&b, "int", 4, BTF_INT_SIGNED, 32, 0);
	for (i = 0; i < 300; i++)
		id = btfb_array(&b, id, 1, 1);
	btf = parse_built(&b);
	got = render(btf, id, &v, 4, false, true, &ret);
	cr_expect_eq(ret, -E2BIG);
	cr_expect(strstr(got, "\"(too-deep)\""));
	cr_expect(t_json_valid(got, strlen(got), &where), "invalid at %zu", where);
	free(got);
	btf_free(btf);
	btfb_free(&b);
}

/* A member past its struct's size (the kernel would refuse it) is never read. */
Test(btf_dump, out_of_bounds_member)
{
	struct btfb b;
	struct btf *btf;
	__u32 in, s;
	int v = 3;

	btfb_init(&b);
	in = btfb_int(&b, "int", 4, BTF_INT_SIGNED, 32, 0);
	s = btfb_struct(&b, "s", 4);
	btfb_member(&b, "a", in, 0, 0);
	btfb_member(&b, "far", in, 1 << 20, 0);
	btfb_member(&b, "bf", in, 30, 8);	/* a bitfield running past the end */
	btf = parse_built(&b);
	check(btf, s, &v, 4, "{\"a\":3,\"far\":\"(out-of-bounds)\"}",
	      "{\"a\":3,\"far\":(out-of-bounds)}", -EINVAL);
	btf_free(btf);
	btfb_free(&b);
}

Test(btf_dump, zero_sized_elements_are_bounded)
{
	struct btfb b;
	struct btf *btf;
	__u32 e, arr;
	char *got, *p;
	int n = 0;

	btfb_init(&b);
	e = btfb_struct(&b, "empty", 0);
	arr = btfb_array(&b, e, e, 1u << 30);
	btf = parse_built(&b);
	got = render(btf, arr, "", 0, false, false, NULL);
	for (p = got; (p = strstr(p, "{}")); p += 2)
		n++;
	cr_expect_eq(n, 1024);
	free(got);
	btf_free(btf);
	btfb_free(&b);
}

/*
 * Arrays of zero-sized elements nested in each other (accepted by the kernel: a map's value
 * struct { int x; struct {} z[1 << 30][1 << 30][1 << 30]; }): the bound is on the whole value,
 * not on each array, or a four-byte value takes 1024^3 elements to print.
 */
Test(btf_dump, nested_zero_sized_arrays_are_bounded_as_a_whole, .timeout = 10)
{
	struct btfb b;
	struct btf *btf;
	__u32 e, a1, a2, a3, i32, st;
	char *got, *p;
	int n = 0, v = 5, mode;

	btfb_init(&b);
	i32 = btfb_int(&b, "int", 4, BTF_INT_SIGNED, 32, 0);
	e = btfb_struct(&b, "empty", 0);
	a1 = btfb_array(&b, e, i32, 1u << 30);
	a2 = btfb_array(&b, a1, i32, 1u << 30);
	a3 = btfb_array(&b, a2, i32, 1u << 30);
	st = btfb_struct(&b, "v", 4);
	btfb_member(&b, "x", i32, 0, 0);
	btfb_member(&b, "z", a3, 32, 0);
	btf = parse_built(&b);
	for (mode = 0; mode < 2; mode++) {
		size_t where = 0;

		got = render(btf, st, &v, 4, mode, false, NULL);
		n = 0;
		for (p = got; (p = strstr(p, "{}")); p += 2)
			n++;
		cr_expect_leq(n, 1024, "%d empty elements printed", n);
		cr_expect_lt(strlen(got), 64 * 1024, "%zu bytes for a 4-byte value", strlen(got));
		cr_expect(!strncmp(got, "{\"x\":5,\"z\":[[[{}", 15), "%.40s", got);
		if (!mode)
			cr_expect(t_json_valid(got, strlen(got), &where), "invalid JSON at %zu",
				  where);
		free(got);
	}
	btf_free(btf);
	btfb_free(&b);
}

/*
 * Found by fuzz_btf: an array of 33 million members-less 5-byte structs in a 4-byte union
 * (BTF no kernel accepts, which the parser alone does not refuse) printed 33 million "{}"
 * without reading a byte. Elements past the data end the array.
 */
Test(btf_dump, array_past_the_data_ends_there, .timeout = 10)
{
	struct btfb b;
	struct btf *btf;
	__u32 e, arr, u, i32;
	int v = 1;

	btfb_init(&b);
	i32 = btfb_int(&b, "int", 4, BTF_INT_SIGNED, 32, 0);
	e = btfb_struct(&b, "e", 5);
	arr = btfb_array(&b, e, i32, 33554434);
	u = btfb_union(&b, "u", 4);
	btfb_member(&b, "x", arr, 0, 0);
	btf = parse_built(&b);
	check(btf, u, &v, 4, "{\"x\":[{},\"(out-of-bounds)\"]}", "{\"x\":[{},(out-of-bounds)]}",
	      -EINVAL);
	btf_free(btf);
	btfb_free(&b);
}

/*
 * Unions whose members all share the same bytes, nested (valid kernel BTF): 300^4 ints from
 * four bytes. The whole value has a budget; past it, "(too-big)" ends it.
 */
Test(btf_dump, unions_of_unions_are_bounded, .timeout = 20)
{
	struct btfb b;
	struct btf *btf;
	__u32 t, u;
	int v = 7, level, i;
	size_t where = 0;
	char *got, name[16];

	btfb_init(&b);
	t = btfb_int(&b, "int", 4, BTF_INT_SIGNED, 32, 0);
	for (level = 0; level < 4; level++) {
		u = btfb_union(&b, "u", 4);
		for (i = 0; i < 300; i++) {
			snprintf(name, sizeof(name), "m%d", i);
			btfb_member(&b, name, t, 0, 0);
		}
		t = u;
	}
	btf = parse_built(&b);
	got = render(btf, t, &v, 4, false, false, NULL);
	cr_expect(strstr(got, "\"(too-big)\""), "no budget marker");
	cr_expect_lt(strlen(got), 64u << 20, "%zu bytes from 4", strlen(got));
	cr_expect(t_json_valid(got, strlen(got), &where), "invalid JSON at %zu", where);
	free(got);
	btf_free(btf);
	btfb_free(&b);
}

Test(btf_dump, nothing_written_for_a_bad_type_or_size)
{
	struct btfb b;
	struct btf *btf;
	__u32 fwd, u64;
	char *got;
	int ret;

	btfb_init(&b);
	fwd = btfb_fwd(&b, "f", 0);
	u64 = btfb_int(&b, "u64", 8, 0, 64, 0);
	btf = parse_built(&b);
	got = render(btf, fwd, "", 0, false, false, &ret);
	cr_expect_eq(ret, -EINVAL);
	cr_expect_str_empty(got);
	free(got);
	got = render(btf, u64, "1234", 4, true, false, &ret);
	cr_expect_eq(ret, -EINVAL);
	cr_expect_str_empty(got);
	free(got);
	got = render(btf, 999, "1234", 4, true, false, &ret);
	cr_expect_eq(ret, -EINVAL);
	cr_expect_str_empty(got);
	free(got);
	btf_free(btf);
	btfb_free(&b);
}

/* ---- entries ------------------------------------------------------------------------- */

static char *entry_text(const struct btf_entry *e, bool formatted, bool plain, int *ret)
{
	struct sink s;
	struct json j;

	sink_init_mem(&s);
	json_init(&j, &s, false);
	*ret = formatted ? btf_dump_formatted(&j, e) : btf_dump_entry(&j, e, plain);
	*sink_reserve(&s, 1) = 0;
	return s.buf;
}

Test(btf_dump, entries)
{
	struct gold_ids ids;
	struct btf *btf = gold_parse(&ids);
	struct bpf_map_info info = map_info(BPF_MAP_TYPE_PERCPU_ARRAY, 4, 4, ids.t_int,
					    ids.t_uint);
	unsigned int v[6] = { 10, 0, 11, 0, 12, 0 };
	struct btf_entry e;
	int key = 3, ret;
	char *got;

	btf_entry_init(&e, btf, &info, &key, v, 3);
	cr_expect_eq(e.stride, 8);
	cr_expect_eq(e.value_type_id, ids.t_uint);
	got = entry_text(&e, false, true, &ret);
	cr_expect_str_eq(got, "{\"key\":3,\"values\":[{\"cpu\":0,\"value\":10},{\"cpu\":1,"
			      "\"value\":11},{\"cpu\":2,\"value\":12}]}");
	cr_expect_eq(ret, 0);
	free(got);
	/* not per-CPU, and no key type: only "value" (a .data map's shape) */
	info.btf_key_type_id = 0;
	btf_entry_init(&e, btf, &info, &key, v, 0);
	got = entry_text(&e, true, false, &ret);
	cr_expect_str_eq(got, "\"formatted\":{\"value\":10}");
	free(got);
	/* struct_ops: the vmlinux value type wins */
	info.btf_vmlinux_value_type_id = ids.t_int;
	cr_expect_eq(btf_map_value_type(&info), ids.t_int);
	btf_entry_init(&e, btf, &info, &key, v, 0);
	cr_expect_eq(e.value_type_id, ids.t_int);
	btf_free(btf);
}

Test(btf_dump, entry_checks_write_nothing)
{
	struct gold_ids ids;
	struct btf *btf = gold_parse(&ids);
	struct bpf_map_info info = map_info(BPF_MAP_TYPE_HASH, 4, 4, ids.t_int, ids.gval);
	unsigned char v[GOLD_VAL_SIZE] = { 0 };
	struct btf_entry e;
	int key = 0, ret;
	char *got;

	btf_entry_init(&e, btf, &info, &key, v, 0);	/* a 136-byte type for a 4-byte value */
	cr_expect_eq(btf_entry_check(&e), -EINVAL);
	got = entry_text(&e, true, false, &ret);
	cr_expect_eq(ret, -EINVAL);
	cr_expect_str_empty(got);
	free(got);
	info = map_info(BPF_MAP_TYPE_HASH, 2, 4, ids.t_int, ids.t_int);	/* key too small */
	btf_entry_init(&e, btf, &info, &key, v, 0);
	cr_expect_eq(btf_entry_check(&e), -EINVAL);
	info = map_info(BPF_MAP_TYPE_HASH, 4, 4, ids.t_int, 0);	/* no value type */
	btf_entry_init(&e, btf, &info, &key, v, 0);
	cr_expect_eq(btf_entry_check(&e), -EINVAL);
	info = map_info(BPF_MAP_TYPE_PERCPU_HASH, 4, 4, ids.t_int, ids.t_int);
	btf_entry_init(&e, btf, &info, &key, v, 2);
	e.stride = 2;
	cr_expect_eq(btf_entry_check(&e), -EINVAL);
	e.stride = 8;
	cr_expect_eq(btf_entry_check(&e), 0);
	e.btf = NULL;
	cr_expect_eq(btf_entry_check(&e), -EINVAL);
	btf_free(btf);
}

/* upstream's plain BTF layout: pretty, names on new lines, scalar arrays inline. */
Test(btf_dump, plain_mode_is_pretty)
{
	struct gold_ids ids;
	struct btf *btf = gold_parse(&ids);
	unsigned char v[GOLD_PCV_SIZE];
	char *got;

	gold_pcv(1, v);
	got = render(btf, ids.pcv, v, sizeof(v), true, true, NULL);
	cr_expect_str_eq(got, "{\n    \"n\": 2,\n    \"tag\": \"c1\"\n}");
	free(got);
	btf_free(btf);
}

/* ---- bit order --------------------------------------------------------------------------- */

Test(btf_dump, bits_both_byte_orders)
{
	static const unsigned char d[] = { 0xb4, 0x01 }, x[] = { 0x80, 0x01 };
	static const unsigned char y[] = { 0x01, 0x80 };
	unsigned char ones[17];
	__u64 hi, lo;

	btf_dump_bits(d, 2, 5, false, &hi, &lo);
	cr_expect(hi == 0 && lo == 0xd);
	btf_dump_bits(d, 2, 5, true, &hi, &lo);
	cr_expect(hi == 0 && lo == 0x1a);
	btf_dump_bits(x, 7, 2, false, &hi, &lo);
	cr_expect(lo == 3);
	btf_dump_bits(y, 7, 2, true, &hi, &lo);
	cr_expect(lo == 3);
	btf_dump_bits(d, 0, 16, false, &hi, &lo);
	cr_expect(lo == 0x01b4);
	btf_dump_bits(d, 0, 16, true, &hi, &lo);
	cr_expect(lo == 0xb401);
	memset(ones, 0xff, sizeof(ones));
	ones[0] = 0x7f;		/* bit 7 of byte 0: LSB-first it is the last bit of the byte */
	btf_dump_bits(ones, 7, 128, false, &hi, &lo);
	cr_expect(hi == ~0ULL && lo == ~1ULL, "%llx %llx", (unsigned long long)hi,
		  (unsigned long long)lo);
	btf_dump_bits(ones, 7, 128, true, &hi, &lo);
	cr_expect(hi == ~0ULL && lo == ~0ULL);
	ones[0] = 0xfe;		/* MSB-first, bit 7 is the byte's last */
	btf_dump_bits(ones, 7, 128, true, &hi, &lo);
	cr_expect(hi == 0x7fffffffffffffffULL && lo == ~0ULL);
}

/* ---- any bytes in any gold type: JSON mode stays valid --------------------------------- */

Test(btf_dump, random_values_stay_valid_json)
{
	struct gold_ids ids;
	struct btf *btf = gold_parse(&ids);
	const __u32 types[] = { ids.gkey, ids.gval, ids.pcv, ids.datasec, ids.fl };
	unsigned char v[GOLD_VAL_SIZE];
	unsigned int seed = 12345;
	int round;
	size_t i;

	for (round = 0; round < 300; round++) {
		for (i = 0; i < sizeof(v); i++) {
			seed = seed * 1103515245 + 12345;
			v[i] = (unsigned char)(seed >> 16);
			if (round % 3 == 0 && (seed >> 8) % 4 == 0)
				v[i] = 0;	/* make strings likely */
		}
		for (i = 0; i < ARRAY_SIZE(types); i++) {
			size_t where = 0;
			int ret;
			char *got = render(btf, types[i], v, sizeof(v), false, round % 2, &ret);

			cr_assert_eq(ret, 0);
			cr_assert(t_json_valid(got, strlen(got), &where),
				  "round %d type %u at %zu: %s", round, types[i], where, got);
			free(got);
		}
	}
	btf_free(btf);
}
