// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* Test fixture: builds raw BTF blobs record by record (types, members, strings, header). */
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>

#include "btfbuild.h"

static void grow(void **p, size_t *cap, size_t need)
{
	if (need <= *cap)
		return;
	*cap = need * 2 + 64;
	*p = realloc(*p, *cap);
	cr_assert(*p, "btfbuild: out of memory");
}

void btfb_init(struct btfb *b)
{
	memset(b, 0, sizeof(*b));
	b->next_id = 1;
	grow((void **)&b->strs, &b->scap, 1);
	b->strs[0] = 0;
	b->slen = 1;
}

void btfb_init_split(struct btfb *b, __u32 base_cnt, __u32 base_str_len)
{
	memset(b, 0, sizeof(*b));
	b->next_id = base_cnt;
	b->start_str = base_str_len;
}

void btfb_free(struct btfb *b)
{
	free(b->types);
	free(b->strs);
	memset(b, 0, sizeof(*b));
}

__u32 btfb_str(struct btfb *b, const char *s)
{
	size_t n, off;

	if (!s || !*s)
		return 0;
	n = strlen(s) + 1;
	grow((void **)&b->strs, &b->scap, b->slen + n);
	off = b->slen;
	memcpy(b->strs + off, s, n);
	b->slen += n;
	return (__u32)(off + b->start_str);
}

void btfb_raw_bytes(struct btfb *b, const void *p, size_t n)
{
	grow((void **)&b->types, &b->tcap, b->tlen + n);
	memcpy(b->types + b->tlen, p, n);
	b->tlen += n;
}

__u32 btfb_raw(struct btfb *b, __u32 name_off, __u32 info, __u32 size_type, const void *extra,
	       size_t extra_len)
{
	struct btf_type t = { .name_off = name_off, .info = info, .size = size_type };

	b->last = b->tlen;
	btfb_raw_bytes(b, &t, sizeof(t));
	if (extra_len)
		btfb_raw_bytes(b, extra, extra_len);
	return b->next_id++;
}

static __u32 info(__u32 kind, __u32 vlen, int kflag)
{
	return kind << 24 | vlen | (kflag ? 1U << 31 : 0);
}

static __u32 rec(struct btfb *b, const char *name, __u32 kind, int kflag, __u32 size_type,
		 const void *extra, size_t extra_len)
{
	__u32 off = btfb_str(b, name);

	return btfb_raw(b, off, info(kind, 0, kflag), size_type, extra, extra_len);
}

/* Adds one vlen entry to the last record and bumps its vlen. */
static void add_entry(struct btfb *b, const void *p, size_t n)
{
	struct btf_type *t;

	btfb_raw_bytes(b, p, n);
	t = (struct btf_type *)(b->types + b->last);
	t->info++;
}

static void set_kflag(struct btfb *b)
{
	((struct btf_type *)(b->types + b->last))->info |= 1U << 31;
}

__u32 btfb_int(struct btfb *b, const char *name, __u32 size, __u32 encoding, __u32 bits,
	       __u32 offset)
{
	__u32 word = encoding << 24 | offset << 16 | bits;

	return rec(b, name, BTF_KIND_INT, 0, size, &word, sizeof(word));
}

__u32 btfb_ptr(struct btfb *b, __u32 type)
{
	return rec(b, NULL, BTF_KIND_PTR, 0, type, NULL, 0);
}

__u32 btfb_array(struct btfb *b, __u32 elem, __u32 index_type, __u32 nelems)
{
	struct btf_array a = { .type = elem, .index_type = index_type, .nelems = nelems };

	return rec(b, NULL, BTF_KIND_ARRAY, 0, 0, &a, sizeof(a));
}

__u32 btfb_struct(struct btfb *b, const char *name, __u32 size)
{
	return rec(b, name, BTF_KIND_STRUCT, 0, size, NULL, 0);
}

__u32 btfb_union(struct btfb *b, const char *name, __u32 size)
{
	return rec(b, name, BTF_KIND_UNION, 0, size, NULL, 0);
}

void btfb_member(struct btfb *b, const char *name, __u32 type, __u32 bit_offset,
		 __u32 bitfield_size)
{
	struct btf_member m = { .name_off = btfb_str(b, name), .type = type };

	if (bitfield_size) {
		set_kflag(b);
		m.offset = bitfield_size << 24 | bit_offset;
	} else {
		m.offset = bit_offset;
	}
	add_entry(b, &m, sizeof(m));
}

__u32 btfb_enum(struct btfb *b, const char *name, __u32 size, int is_signed)
{
	return rec(b, name, BTF_KIND_ENUM, is_signed, size, NULL, 0);
}

void btfb_enum_val(struct btfb *b, const char *name, __s32 val)
{
	struct btf_enum e = { .name_off = btfb_str(b, name), .val = val };

	add_entry(b, &e, sizeof(e));
}

__u32 btfb_enum64(struct btfb *b, const char *name, __u32 size, int is_signed)
{
	return rec(b, name, BTF_KIND_ENUM64, is_signed, size, NULL, 0);
}

void btfb_enum64_val(struct btfb *b, const char *name, __u64 val)
{
	struct btf_enum64 e = {
		.name_off = btfb_str(b, name), .val_lo32 = (__u32)val, .val_hi32 = val >> 32,
	};

	add_entry(b, &e, sizeof(e));
}

__u32 btfb_fwd(struct btfb *b, const char *name, int is_union)
{
	return rec(b, name, BTF_KIND_FWD, is_union, 0, NULL, 0);
}

__u32 btfb_typedef(struct btfb *b, const char *name, __u32 type)
{
	return rec(b, name, BTF_KIND_TYPEDEF, 0, type, NULL, 0);
}

__u32 btfb_volatile(struct btfb *b, __u32 type)
{
	return rec(b, NULL, BTF_KIND_VOLATILE, 0, type, NULL, 0);
}

__u32 btfb_const(struct btfb *b, __u32 type)
{
	return rec(b, NULL, BTF_KIND_CONST, 0, type, NULL, 0);
}

__u32 btfb_restrict(struct btfb *b, __u32 type)
{
	return rec(b, NULL, BTF_KIND_RESTRICT, 0, type, NULL, 0);
}

__u32 btfb_type_tag(struct btfb *b, const char *name, __u32 type)
{
	return rec(b, name, BTF_KIND_TYPE_TAG, 0, type, NULL, 0);
}

__u32 btfb_func_proto(struct btfb *b, __u32 ret)
{
	return rec(b, NULL, BTF_KIND_FUNC_PROTO, 0, ret, NULL, 0);
}

void btfb_param(struct btfb *b, const char *name, __u32 type)
{
	struct btf_param p = { .name_off = btfb_str(b, name), .type = type };

	add_entry(b, &p, sizeof(p));
}

__u32 btfb_func(struct btfb *b, const char *name, __u32 proto, __u32 linkage)
{
	__u32 off = btfb_str(b, name);

	return btfb_raw(b, off, info(BTF_KIND_FUNC, linkage, 0), proto, NULL, 0);
}

__u32 btfb_var(struct btfb *b, const char *name, __u32 type, __u32 linkage)
{
	struct btf_var v = { .linkage = linkage };

	return rec(b, name, BTF_KIND_VAR, 0, type, &v, sizeof(v));
}

__u32 btfb_datasec(struct btfb *b, const char *name, __u32 size)
{
	return rec(b, name, BTF_KIND_DATASEC, 0, size, NULL, 0);
}

void btfb_secinfo(struct btfb *b, __u32 var, __u32 offset, __u32 size)
{
	struct btf_var_secinfo s = { .type = var, .offset = offset, .size = size };

	add_entry(b, &s, sizeof(s));
}

__u32 btfb_float(struct btfb *b, const char *name, __u32 size)
{
	return rec(b, name, BTF_KIND_FLOAT, 0, size, NULL, 0);
}

__u32 btfb_decl_tag(struct btfb *b, const char *name, __u32 type, __s32 component_idx)
{
	struct btf_decl_tag d = { .component_idx = component_idx };

	return rec(b, name, BTF_KIND_DECL_TAG, 0, type, &d, sizeof(d));
}

void *btfb_blob(const struct btfb *b, size_t *size)
{
	struct btf_header h = {
		.magic = BTF_MAGIC, .version = BTF_VERSION, .hdr_len = sizeof(h),
		.type_off = 0, .type_len = (__u32)b->tlen,
		.str_off = (__u32)b->tlen, .str_len = (__u32)b->slen,
	};
	unsigned char *p;

	*size = sizeof(h) + b->tlen + b->slen;
	p = malloc(*size);
	cr_assert(p, "btfbuild: out of memory");
	memcpy(p, &h, sizeof(h));
	if (b->tlen)
		memcpy(p + sizeof(h), b->types, b->tlen);
	if (b->slen)
		memcpy(p + sizeof(h) + b->tlen, b->strs, b->slen);
	return p;
}
