// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The BTF parser over hand-built blobs: every kind, lookups, sizes, split BTF, and clean
 * errors for truncated, corrupted, looping and random blobs (run it under SAN=1).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "btf.h"
#include "btf_dump.h"
#include "btfmaps.h"
#include "tlib.h"

static void *blob_of(struct btfb *b, size_t *n)
{
	void *p = btfb_blob(b, n);

	btfb_free(b);
	return p;
}

/* Parses and returns the error (0: it parsed, and was freed). */
static int parse_err(const void *blob, size_t n, const struct btf *base)
{
	struct btf *btf;
	int err = 12345;

	btf = btf_parse(blob, n, base, &err);
	cr_assert((btf != NULL) == (err == 0), "result and err disagree: %d", err);
	btf_free(btf);
	return err;
}

static struct btf_header *hdr(void *blob)
{
	return blob;
}

/* ---- valid blobs ------------------------------------------------------------------------ */

Test(btf, every_kind)
{
	struct btfb b;
	struct btf *btf;
	__u32 in, p, arr, st, un, en, en64, fwd, td, vo, co, re, proto, fn, var, sec, fl, dt, tt;
	__u32 size;
	size_t n;
	void *blob;
	int err;

	btfb_init(&b);
	in = btfb_int(&b, "int", 4, BTF_INT_SIGNED, 32, 0);
	p = btfb_ptr(&b, in);
	arr = btfb_array(&b, in, in, 5);
	st = btfb_struct(&b, "st", 16);
	btfb_member(&b, "a", in, 0, 0);
	btfb_member(&b, "p", p, 64, 0);
	un = btfb_union(&b, "un", 4);
	btfb_member(&b, "x", in, 0, 0);
	en = btfb_enum(&b, "en", 4, 0);
	btfb_enum_val(&b, "E0", 0);
	en64 = btfb_enum64(&b, "en64", 8, 1);
	btfb_enum64_val(&b, "E1", 1ULL << 40);
	fwd = btfb_fwd(&b, "fw", 1);
	td = btfb_typedef(&b, "td", st);
	vo = btfb_volatile(&b, td);
	co = btfb_const(&b, vo);
	re = btfb_restrict(&b, p);
	proto = btfb_func_proto(&b, in);
	btfb_param(&b, "arg", in);
	btfb_param(&b, NULL, 0);	/* varargs */
	fn = btfb_func(&b, "fn", proto, BTF_FUNC_GLOBAL);
	var = btfb_var(&b, "v", arr, BTF_VAR_GLOBAL_ALLOCATED);
	sec = btfb_datasec(&b, ".bss", 20);
	btfb_secinfo(&b, var, 0, 20);
	fl = btfb_float(&b, "double", 8);
	dt = btfb_decl_tag(&b, "tag", st, 1);
	tt = btfb_type_tag(&b, "user", in);
	blob = blob_of(&b, &n);
	btf = btf_parse(blob, n, NULL, &err);
	free(blob);
	cr_assert(btf, "parse: %d", err);
	cr_expect_eq(btf_type_cnt(btf), tt + 1);
	cr_expect_eq(btf_start_id(btf), 1);
	cr_expect_null(btf_base(btf));
	cr_expect_eq(btf_kind(btf_type_by_id(btf, 0)), BTF_KIND_UNKN);
	cr_expect_null(btf_type_by_id(btf, tt + 1));
	cr_expect_str_eq(btf_name(btf, btf_type_by_id(btf, st)), "st");
	cr_expect_str_eq(btf_name(btf, btf_type_by_id(btf, p)), "");
	cr_expect_str_eq(btf_str(btf, btf_members(btf_type_by_id(btf, st))[1].name_off), "p");
	cr_expect_null(btf_str(btf, 100000));
	cr_expect_eq(btf_vlen(btf_type_by_id(btf, proto)), 2);
	cr_expect_eq(btf_vlen(btf_type_by_id(btf, fn)), BTF_FUNC_GLOBAL);
	cr_expect(btf_kflag(btf_type_by_id(btf, en64)));
	cr_expect(btf_kflag(btf_type_by_id(btf, fwd)));

	cr_expect(!btf_type_size(btf, in, &size) && size == 4);
	cr_expect(!btf_type_size(btf, p, &size) && size == 8);
	cr_expect(!btf_type_size(btf, arr, &size) && size == 20);
	cr_expect(!btf_type_size(btf, st, &size) && size == 16);
	cr_expect(!btf_type_size(btf, un, &size) && size == 4);
	cr_expect(!btf_type_size(btf, en, &size) && size == 4);
	cr_expect(!btf_type_size(btf, en64, &size) && size == 8);
	cr_expect(!btf_type_size(btf, co, &size) && size == 16);
	cr_expect(!btf_type_size(btf, re, &size) && size == 8);
	cr_expect(!btf_type_size(btf, var, &size) && size == 20);
	cr_expect(!btf_type_size(btf, sec, &size) && size == 20);
	cr_expect(!btf_type_size(btf, fl, &size) && size == 8);
	cr_expect(!btf_type_size(btf, tt, &size) && size == 4);
	cr_expect_eq(btf_type_size(btf, 0, &size), -EINVAL);
	cr_expect_eq(btf_type_size(btf, fwd, &size), -EINVAL);
	cr_expect_eq(btf_type_size(btf, proto, &size), -EINVAL);
	cr_expect_eq(btf_type_size(btf, fn, &size), -EINVAL);
	cr_expect_eq(btf_type_size(btf, dt, &size), -EINVAL);
	cr_expect_eq(btf_type_size(btf, tt + 1, &size), -EINVAL);

	cr_expect_eq(btf_resolve_type(btf, co), st);
	cr_expect_eq(btf_resolve_type(btf, var), arr);
	cr_expect_eq(btf_resolve_type(btf, tt), in);
	cr_expect_eq(btf_skip_qualifiers(btf, co), td);
	cr_expect_eq(btf_skip_qualifiers(btf, in), in);
	cr_expect_eq(btf_find_by_name_kind(btf, "td", BTF_KIND_TYPEDEF), (int)td);
	cr_expect_eq(btf_find_by_name_kind(btf, "td", BTF_KIND_STRUCT), -ENOENT);
	cr_expect_eq(btf_find_by_name_kind(btf, "fn", BTF_KIND_FUNC), (int)fn);
	btf_free(btf);
}

Test(btf, gold_sizes)
{
	struct gold_ids ids;
	struct btfb b;
	struct btf *btf;
	__u32 size;
	size_t n;
	void *blob;
	int err;

	gold_btf(&b, &ids);
	blob = blob_of(&b, &n);
	btf = btf_parse(blob, n, NULL, &err);
	free(blob);
	cr_assert(btf, "parse: %d", err);
	cr_expect(!btf_type_size(btf, ids.gkey, &size) && size == GOLD_KEY_SIZE);
	cr_expect(!btf_type_size(btf, ids.gval, &size) && size == GOLD_VAL_SIZE);
	cr_expect(!btf_type_size(btf, ids.datasec, &size) && size == GOLD_DATA_SIZE);
	cr_expect(!btf_type_size(btf, ids.t_u128, &size) && size == 16);
	btf_free(btf);
}

/* A longer header is accepted when the fields we don't know are zero. */
Test(btf, longer_header)
{
	struct btfb b;
	unsigned char *blob, *big;
	size_t n;

	btfb_init(&b);
	btfb_int(&b, "int", 4, BTF_INT_SIGNED, 32, 0);
	blob = blob_of(&b, &n);
	big = calloc(1, n + 8);
	memcpy(big, blob, sizeof(struct btf_header));
	memcpy(big + sizeof(struct btf_header) + 8, blob + sizeof(struct btf_header),
	       n - sizeof(struct btf_header));
	hdr(big)->hdr_len += 8;
	cr_expect_eq(parse_err(big, n + 8, NULL), 0);
	big[sizeof(struct btf_header) + 3] = 1;
	cr_expect_eq(parse_err(big, n + 8, NULL), -EOPNOTSUPP);
	free(big);
	free(blob);
}

Test(btf, pointer_cycles_are_fine)
{
	struct btfb b;
	__u32 list, p, self;
	size_t n;
	void *blob;

	btfb_init(&b);
	list = btfb_struct(&b, "list", 8);
	p = list + 1;
	btfb_member(&b, "next", p, 0, 0);
	cr_assert_eq(btfb_ptr(&b, list), p);
	self = btfb_ptr(&b, 0);
	((struct btf_type *)(b.types + b.last))->type = self;	/* void *p = &p */
	blob = blob_of(&b, &n);
	cr_expect_eq(parse_err(blob, n, NULL), 0);
	free(blob);
}

/* ---- header and sections ---------------------------------------------------------------- */

static void *small_blob(size_t *n)
{
	struct btfb b;
	__u32 in, s;

	btfb_init(&b);
	in = btfb_int(&b, "int", 4, BTF_INT_SIGNED, 32, 0);
	s = btfb_struct(&b, "s", 8);
	btfb_member(&b, "a", in, 0, 0);
	btfb_member(&b, "b", in, 32, 0);
	btfb_typedef(&b, "t", s);
	return blob_of(&b, n);
}

Test(btf, every_truncation_fails)
{
	size_t n, len;
	unsigned char *blob = small_blob(&n), *cut;

	cr_assert_eq(parse_err(blob, n, NULL), 0);
	for (len = 0; len < n; len++) {
		cut = malloc(len ? len : 1);
		memcpy(cut, blob, len);
		cr_expect_neq(parse_err(cut, len, NULL), 0, "accepted %zu of %zu bytes", len, n);
		free(cut);
	}
	free(blob);
}

Test(btf, bad_headers)
{
	size_t n;
	unsigned char *blob = small_blob(&n);
	struct btf_header h = *hdr(blob);

#define EXPECT_HDR(field, value, err)                                                    \
	do {                                                                             \
		*hdr(blob) = h;                                                          \
		hdr(blob)->field = (value);                                              \
		cr_expect_eq(parse_err(blob, n, NULL), (err), #field " = " #value);      \
	} while (0)

	EXPECT_HDR(magic, 0x1234, -EINVAL);
	EXPECT_HDR(magic, 0x9feb, -EOPNOTSUPP);	/* the other byte order */
	EXPECT_HDR(version, 2, -EOPNOTSUPP);
	EXPECT_HDR(hdr_len, 8, -EINVAL);
	EXPECT_HDR(hdr_len, (__u32)n + 1, -EINVAL);
	EXPECT_HDR(hdr_len, 0xffffffff, -EINVAL);
	EXPECT_HDR(type_off, 2, -EINVAL);		/* misaligned */
	EXPECT_HDR(type_off, 0xfffffff0, -EINVAL);
	EXPECT_HDR(type_len, h.type_len + 4, -EINVAL);	/* overlaps the strings */
	EXPECT_HDR(type_len, h.type_len - 4, -EINVAL);	/* cuts a record */
	EXPECT_HDR(type_len, 0xffffffff, -EINVAL);
	EXPECT_HDR(str_off, h.str_off - 1, -EINVAL);
	EXPECT_HDR(str_off, 0xffffffff, -EINVAL);
	EXPECT_HDR(str_len, h.str_len + 1, -EINVAL);
	EXPECT_HDR(str_len, 0, -EINVAL);		/* a base needs the empty string */
	EXPECT_HDR(str_len, h.str_len - 1, -EINVAL);	/* not NUL-terminated */
	*hdr(blob) = h;
	blob[h.hdr_len + h.str_off] = 'x';		/* does not start with "" */
	cr_expect_eq(parse_err(blob, n, NULL), -EINVAL);
	blob[h.hdr_len + h.str_off] = 0;
	cr_expect_eq(parse_err(blob, n, NULL), 0);
	free(blob);
#undef EXPECT_HDR
}

/* ---- records ---------------------------------------------------------------------------- */

/* A blob whose only records are made by fn(b); returns the parse error. */
static int records_err(void (*fn)(struct btfb *b))
{
	struct btfb b;
	size_t n;
	void *blob;
	int err;

	btfb_init(&b);
	fn(&b);
	blob = blob_of(&b, &n);
	err = parse_err(blob, n, NULL);
	free(blob);
	return err;
}

static __u32 mk_int(struct btfb *b)
{
	return btfb_int(b, "int", 4, BTF_INT_SIGNED, 32, 0);
}

static void r_vlen_overflow(struct btfb *b)
{
	__u32 in = mk_int(b);

	btfb_struct(b, "s", 4);
	btfb_member(b, "a", in, 0, 0);
	((struct btf_type *)(b->types + b->last))->info += 3;	/* claims 4 members */
}

static void r_huge_vlen(struct btfb *b)
{
	btfb_raw(b, 0, BTF_KIND_ENUM << 24 | 0xffff, 4, NULL, 0);
}

static void r_unknown_kind(struct btfb *b)
{
	btfb_raw(b, 0, 20u << 24, 0, NULL, 0);
}

static void r_kind_zero(struct btfb *b)
{
	btfb_raw(b, 0, 0, 0, NULL, 0);
}

static void r_short_record(struct btfb *b)
{
	mk_int(b);
	btfb_raw_bytes(b, "\0\0\0\0", 4);
}

static void r_ptr_out_of_range(struct btfb *b)
{
	btfb_ptr(b, 99);
}

static void r_member_type_out_of_range(struct btfb *b)
{
	btfb_struct(b, "s", 4);
	btfb_member(b, "a", 77, 0, 0);
}

static void r_array_index_out_of_range(struct btfb *b)
{
	btfb_array(b, mk_int(b), 50, 2);
}

static void r_param_out_of_range(struct btfb *b)
{
	btfb_func_proto(b, 0);
	btfb_param(b, "x", 3);
}

static void r_proto_ret_out_of_range(struct btfb *b)
{
	btfb_func_proto(b, 5);
}

static void r_datasec_var_out_of_range(struct btfb *b)
{
	btfb_datasec(b, ".data", 4);
	btfb_secinfo(b, 9, 0, 4);
}

static void r_datasec_var_past_end(struct btfb *b)
{
	__u32 v = btfb_var(b, "v", mk_int(b), 0);

	btfb_datasec(b, ".data", 4);
	btfb_secinfo(b, v, 2, 4);
}

static void r_name_out_of_range(struct btfb *b)
{
	btfb_raw(b, 5000, BTF_KIND_INT << 24, 4, "\x20\0\0\0", 4);
}

static void r_member_name_out_of_range(struct btfb *b)
{
	__u32 in = mk_int(b);

	btfb_struct(b, "s", 4);
	btfb_member(b, "a", in, 0, 0);
	((struct btf_member *)(b->types + b->tlen) - 1)->name_off = 0x7fffffff;
}

static void r_enum_name_out_of_range(struct btfb *b)
{
	btfb_enum(b, "e", 4, 0);
	btfb_enum_val(b, "A", 1);
	((struct btf_enum *)(b->types + b->tlen) - 1)->name_off = 999;
}

static void r_param_name_out_of_range(struct btfb *b)
{
	btfb_func_proto(b, 0);
	btfb_param(b, "x", 0);
	((struct btf_param *)(b->types + b->tlen) - 1)->name_off = 999;
}

static void r_int_bad_size(struct btfb *b)
{
	btfb_int(b, "i3", 3, 0, 24, 0);
}

static void r_int_too_many_bits(struct btfb *b)
{
	btfb_int(b, "i", 16, 0, 129, 0);
}

static void r_int_bits_past_size(struct btfb *b)
{
	btfb_int(b, "i", 1, 0, 6, 4);
}

static void r_int_two_encodings(struct btfb *b)
{
	btfb_int(b, "i", 1, BTF_INT_SIGNED | BTF_INT_CHAR, 8, 0);
}

static void r_enum_bad_size(struct btfb *b)
{
	btfb_enum(b, "e", 3, 0);
}

static void r_float_bad_size(struct btfb *b)
{
	btfb_float(b, "f", 3);
}

static void r_decl_tag_bad_index(struct btfb *b)
{
	btfb_decl_tag(b, "t", mk_int(b), -2);
}

static void r_bitfield_too_wide(struct btfb *b)
{
	__u32 in = mk_int(b);

	btfb_struct(b, "s", 64);
	btfb_member(b, "a", in, 0, 129);
}

static void r_array_size_overflow(struct btfb *b)
{
	__u32 big = btfb_struct(b, "big", 0x10000);

	btfb_array(b, big, big, 0x10000);
}

static void r_typedef_self(struct btfb *b)
{
	btfb_typedef(b, "t", 1);
}

static void r_typedef_loop(struct btfb *b)
{
	btfb_typedef(b, "a", 2);
	btfb_typedef(b, "b", 1);
}

static void r_qualifier_loop(struct btfb *b)
{
	btfb_const(b, 2);
	btfb_volatile(b, 3);
	btfb_restrict(b, 4);
	btfb_type_tag(b, "x", 1);
}

static void r_array_of_itself(struct btfb *b)
{
	btfb_array(b, 1, 1, 4);
}

static void r_struct_contains_itself(struct btfb *b)
{
	btfb_struct(b, "s", 4);
	btfb_member(b, "me", 1, 0, 0);
}

static void r_structs_contain_each_other(struct btfb *b)
{
	btfb_struct(b, "a", 4);
	btfb_member(b, "b", 3, 0, 0);
	btfb_array(b, 1, 1, 1);
	btfb_union(b, "c", 4);
	btfb_member(b, "a", 2, 0, 0);
}

static void r_var_loop(struct btfb *b)
{
	btfb_var(b, "v", 2, 0);
	btfb_datasec(b, ".data", 4);
	btfb_secinfo(b, 1, 0, 4);
	((struct btf_type *)b->types)->type = 2;	/* the var's type is the section */
}

static const struct {
	const char *what;
	void (*fn)(struct btfb *b);
	int err;
} bad_records[] = {
	{ "vlen past the section", r_vlen_overflow, -EINVAL },
	{ "vlen 65535", r_huge_vlen, -EINVAL },
	{ "unknown kind", r_unknown_kind, -EINVAL },
	{ "kind 0", r_kind_zero, -EINVAL },
	{ "short record", r_short_record, -EINVAL },
	{ "ptr out of range", r_ptr_out_of_range, -EINVAL },
	{ "member type out of range", r_member_type_out_of_range, -EINVAL },
	{ "array index out of range", r_array_index_out_of_range, -EINVAL },
	{ "param out of range", r_param_out_of_range, -EINVAL },
	{ "return type out of range", r_proto_ret_out_of_range, -EINVAL },
	{ "datasec var out of range", r_datasec_var_out_of_range, -EINVAL },
	{ "datasec var past the end", r_datasec_var_past_end, -EINVAL },
	{ "name out of range", r_name_out_of_range, -EINVAL },
	{ "member name out of range", r_member_name_out_of_range, -EINVAL },
	{ "enum name out of range", r_enum_name_out_of_range, -EINVAL },
	{ "param name out of range", r_param_name_out_of_range, -EINVAL },
	{ "int size 3", r_int_bad_size, -EINVAL },
	{ "int 129 bits", r_int_too_many_bits, -EINVAL },
	{ "int bits past size", r_int_bits_past_size, -EINVAL },
	{ "int two encodings", r_int_two_encodings, -EINVAL },
	{ "enum size 3", r_enum_bad_size, -EINVAL },
	{ "float size 3", r_float_bad_size, -EINVAL },
	{ "decl_tag index -2", r_decl_tag_bad_index, -EINVAL },
	{ "bitfield 129 bits", r_bitfield_too_wide, -EINVAL },
	{ "array size overflow", r_array_size_overflow, -EINVAL },
	{ "typedef of itself", r_typedef_self, -ELOOP },
	{ "typedef loop", r_typedef_loop, -ELOOP },
	{ "qualifier loop", r_qualifier_loop, -ELOOP },
	{ "array of itself", r_array_of_itself, -ELOOP },
	{ "struct contains itself", r_struct_contains_itself, -ELOOP },
	{ "structs contain each other", r_structs_contain_each_other, -ELOOP },
	{ "var of its own section", r_var_loop, -ELOOP },
};

Test(btf, bad_records)
{
	size_t i;

	for (i = 0; i < sizeof(bad_records) / sizeof(bad_records[0]); i++)
		cr_expect_eq(records_err(bad_records[i].fn), bad_records[i].err, "%s: got %d",
			     bad_records[i].what, records_err(bad_records[i].fn));
}

Test(btf, too_many_types)
{
	struct btfb b;
	size_t n;
	void *blob;
	__u32 i;

	btfb_init(&b);
	for (i = 0; i < BTF_MAX_TYPE; i++)
		btfb_fwd(&b, NULL, 0);
	blob = btfb_blob(&b, &n);
	cr_expect_eq(parse_err(blob, n, NULL), 0);	/* ids 1..0xfffff */
	free(blob);
	btfb_fwd(&b, NULL, 0);
	blob = blob_of(&b, &n);
	cr_expect_eq(parse_err(blob, n, NULL), -E2BIG);
	free(blob);
}

/* A long acyclic chain is resolved without recursion. */
Test(btf, long_typedef_chain)
{
	struct btfb b;
	struct btf *btf;
	__u32 i, id, size;
	size_t n;
	void *blob;
	int err;

	btfb_init(&b);
	id = mk_int(&b);
	for (i = 0; i < 200000; i++)
		id = btfb_typedef(&b, NULL, id);
	blob = blob_of(&b, &n);
	btf = btf_parse(blob, n, NULL, &err);
	free(blob);
	cr_assert(btf, "parse: %d", err);
	cr_expect(!btf_type_size(btf, id, &size) && size == 4);
	cr_expect_eq(btf_resolve_type(btf, id), 1);
	btf_free(btf);
}

/* ---- split BTF -------------------------------------------------------------------------- */

Test(btf, split_over_a_base)
{
	struct btfb b, s;
	struct btf *base, *split;
	__u32 in, st, base_cnt, base_str, sp, ss, arr, size;
	size_t n;
	void *blob;
	int err;

	btfb_init(&b);
	in = mk_int(&b);
	st = btfb_struct(&b, "base_s", 8);
	btfb_member(&b, "x", in, 0, 0);
	btfb_member(&b, "y", in, 32, 0);
	base_cnt = b.next_id;
	base_str = (__u32)b.slen;
	blob = blob_of(&b, &n);
	base = btf_parse(blob, n, NULL, &err);
	free(blob);
	cr_assert(base, "base: %d", err);
	cr_assert_eq(btf_type_cnt(base), base_cnt);

	btfb_init_split(&s, base_cnt, base_str);
	sp = btfb_ptr(&s, st);
	cr_expect_eq(sp, base_cnt);
	arr = btfb_array(&s, st, in, 3);
	ss = btfb_struct(&s, "split_s", 32);
	btfb_member(&s, "arr", arr, 0, 0);
	btfb_member(&s, "p", sp, 192, 0);
	/* a name from the base's strings: "x" */
	btfb_member(&s, NULL, in, 248, 0);
	((struct btf_member *)(s.types + s.tlen) - 1)->name_off =
		btf_members(btf_type_by_id(base, st))[0].name_off;
	blob = blob_of(&s, &n);
	split = btf_parse(blob, n, base, &err);
	cr_assert(split, "split: %d", err);
	cr_expect_eq(btf_start_id(split), base_cnt);
	cr_expect_eq(btf_base(split), base);
	cr_expect_eq(btf_type_cnt(split), ss + 1);
	cr_expect_eq(btf_type_by_id(split, st), btf_type_by_id(base, st));
	cr_expect_str_eq(btf_name(split, btf_type_by_id(split, st)), "base_s");
	cr_expect_str_eq(btf_name(split, btf_type_by_id(split, ss)), "split_s");
	cr_expect_str_eq(btf_str(split, btf_members(btf_type_by_id(split, ss))[2].name_off), "x");
	cr_expect(!btf_type_size(split, arr, &size) && size == 24);
	cr_expect(!btf_type_size(split, st, &size) && size == 8);
	cr_expect_eq(btf_find_by_name_kind(split, "base_s", BTF_KIND_STRUCT), (int)st);
	cr_expect_eq(btf_find_by_name_kind(split, "split_s", BTF_KIND_STRUCT), (int)ss);
	/* standing alone, its ids and names point nowhere */
	cr_expect_eq(parse_err(blob, n, NULL), -EINVAL);
	free(blob);

	/* a split blob may have no strings of its own */
	btfb_init_split(&s, base_cnt, base_str);
	btfb_typedef(&s, NULL, st);
	blob = blob_of(&s, &n);
	cr_expect_eq(parse_err(blob, n, base), 0);
	free(blob);
	/* ... but one past the base's last id is out of range */
	btfb_init_split(&s, base_cnt, base_str);
	btfb_typedef(&s, NULL, base_cnt + 1);
	blob = blob_of(&s, &n);
	cr_expect_eq(parse_err(blob, n, base), -EINVAL);
	free(blob);
	btf_free(split);
	btf_free(base);
}

/* ---- random mutations ------------------------------------------------------------------- */

static unsigned int rnd(unsigned int *seed)
{
	*seed = *seed * 1103515245 + 12345;
	return *seed >> 8;
}

/* Formats something of every type that parsed, in both modes: nothing may go wrong. */
static void exercise(const struct btf *btf)
{
	static unsigned char data[256];
	__u32 id, cnt = btf_type_cnt(btf);

	for (id = 1; id < cnt && id < 64; id++) {
		struct sink s;
		struct json j;
		size_t where = 0;

		sink_init_mem(&s);
		json_init(&j, &s, false);
		btf_dump_value(&j, btf, id, data, sizeof(data), false);
		cr_assert(t_json_valid(s.buf, s.len, &where) || !s.len, "type %u: invalid JSON",
			  id);
		sink_free(&s);
		sink_init_mem(&s);
		json_init(&j, &s, true);
		btf_dump_value(&j, btf, id, data, sizeof(data), true);
		sink_free(&s);
	}
}

Test(btf, random_mutations_never_crash)
{
	struct gold_ids ids;
	struct btfb b;
	unsigned char *blob, *m;
	unsigned int seed = 0xb7f;
	size_t n;
	int round, parsed = 0;

	gold_btf(&b, &ids);
	blob = blob_of(&b, &n);
	m = malloc(n);
	for (round = 0; round < 20000; round++) {
		struct btf *btf;
		int k, flips = 1 + rnd(&seed) % 4, err;
		size_t len = n;

		memcpy(m, blob, n);
		for (k = 0; k < flips; k++) {
			size_t at = rnd(&seed) % n;

			switch (rnd(&seed) % 4) {
			case 0:
				m[at] = (unsigned char)rnd(&seed);
				break;
			case 1:
				m[at] ^= (unsigned char)(1u << (rnd(&seed) % 8));
				break;
			case 2:	/* a small id or count in a 32-bit field */
				if (at + 4 <= n) {
					__u32 v = rnd(&seed) % 300;

					memcpy(m + (at & ~(size_t)3), &v, 4);
				}
				break;
			default:
				len = rnd(&seed) % (n + 1);
			}
		}
		btf = btf_parse(m, len, NULL, &err);
		cr_assert((btf != NULL) == (err == 0));
		if (btf) {
			parsed++;
			exercise(btf);
			btf_free(btf);
		}
	}
	cr_expect_gt(parsed, 1000, "too few mutants parsed (%d): the loop tests little", parsed);
	free(m);
	free(blob);
}
