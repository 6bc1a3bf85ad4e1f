/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* Test fixture: builds raw BTF blobs record by record (types, members, strings, header). */
#ifndef BTFBUILD_H
#define BTFBUILD_H

#include <stddef.h>

#include <linux/btf.h>

struct btfb {
	unsigned char *types;
	size_t tlen, tcap;
	char *strs;
	size_t slen, scap;
	__u32 next_id;		/* id the next type record gets */
	__u32 start_str;	/* split BTF: the base's string length */
	size_t last;		/* offset of the last type record, to which members are added */
};

/* A base blob: ids from 1, strings starting with the empty string. */
void btfb_init(struct btfb *b);
/* A split blob over a base with base_cnt ids (0 included) and base_str_len string bytes. */
void btfb_init_split(struct btfb *b, __u32 base_cnt, __u32 base_str_len);
void btfb_free(struct btfb *b);

/* A string's offset as records use it (NULL or "" is 0, the base's empty string). */
__u32 btfb_str(struct btfb *b, const char *s);

/* Any record: header words, then extra bytes. Returns its id. For corrupt blobs. */
__u32 btfb_raw(struct btfb *b, __u32 name_off, __u32 info, __u32 size_type, const void *extra,
	       size_t extra_len);
/* Appends raw bytes to the type section (after the last record). */
void btfb_raw_bytes(struct btfb *b, const void *p, size_t n);

__u32 btfb_int(struct btfb *b, const char *name, __u32 size, __u32 encoding, __u32 bits,
	       __u32 offset);
__u32 btfb_ptr(struct btfb *b, __u32 type);
__u32 btfb_array(struct btfb *b, __u32 elem, __u32 index_type, __u32 nelems);
__u32 btfb_struct(struct btfb *b, const char *name, __u32 size);
__u32 btfb_union(struct btfb *b, const char *name, __u32 size);
/* A member of the last struct/union; bitfield_size != 0 sets the record's kind_flag. */
void btfb_member(struct btfb *b, const char *name, __u32 type, __u32 bit_offset,
		 __u32 bitfield_size);
__u32 btfb_enum(struct btfb *b, const char *name, __u32 size, int is_signed);
void btfb_enum_val(struct btfb *b, const char *name, __s32 val);
__u32 btfb_enum64(struct btfb *b, const char *name, __u32 size, int is_signed);
void btfb_enum64_val(struct btfb *b, const char *name, __u64 val);
__u32 btfb_fwd(struct btfb *b, const char *name, int is_union);
__u32 btfb_typedef(struct btfb *b, const char *name, __u32 type);
__u32 btfb_volatile(struct btfb *b, __u32 type);
__u32 btfb_const(struct btfb *b, __u32 type);
__u32 btfb_restrict(struct btfb *b, __u32 type);
__u32 btfb_type_tag(struct btfb *b, const char *name, __u32 type);
__u32 btfb_func_proto(struct btfb *b, __u32 ret);
void btfb_param(struct btfb *b, const char *name, __u32 type);
__u32 btfb_func(struct btfb *b, const char *name, __u32 proto, __u32 linkage);
__u32 btfb_var(struct btfb *b, const char *name, __u32 type, __u32 linkage);
__u32 btfb_datasec(struct btfb *b, const char *name, __u32 size);
void btfb_secinfo(struct btfb *b, __u32 var, __u32 offset, __u32 size);
__u32 btfb_float(struct btfb *b, const char *name, __u32 size);
__u32 btfb_decl_tag(struct btfb *b, const char *name, __u32 type, __s32 component_idx);

/* The finished blob (header, types, strings), malloc'ed; *size gets its length. */
void *btfb_blob(const struct btfb *b, size_t *size);

#endif
