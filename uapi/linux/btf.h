/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* BPF Type Format (BTF): the raw blob header, type records and kinds. */
#ifndef BPFMAP_UAPI_LINUX_BTF_H
#define BPFMAP_UAPI_LINUX_BTF_H

#include <linux/types.h>

#define BTF_MAGIC	0xeB9F
#define BTF_VERSION	1

/*
 * A raw BTF blob starts with this header.  The type and string sections
 * follow it; their offsets are counted from the end of the header, that
 * is from hdr_len bytes into the blob.
 */
struct btf_header {
	__u16	magic;		/* BTF_MAGIC, in the blob's byte order */
	__u8	version;	/* BTF_VERSION */
	__u8	flags;
	__u32	hdr_len;	/* sizeof(struct btf_header) or more */
	__u32	type_off;
	__u32	type_len;
	__u32	str_off;
	__u32	str_len;
};

/* Limits of type ids, string offsets and member counts. */
#define BTF_MAX_TYPE		0x000fffff
#define BTF_MAX_NAME_OFFSET	0x00ffffff
#define BTF_MAX_VLEN		0xffff

/*
 * Each type record starts with this and is followed by kind-specific
 * data (vlen entries of the kind's entry type, or one extra word).
 *
 * info bits  0-15: vlen (number of members, enumerators, params, ...)
 *           16-23: unused
 *           24-28: kind (BTF_KIND_*)
 *           29-30: unused
 *              31: kind_flag
 */
struct btf_type {
	__u32	name_off;	/* into the string section, 0 if anonymous */
	__u32	info;
	union {
		__u32	size;	/* INT, ENUM, STRUCT, UNION, DATASEC, ... */
		__u32	type;	/* PTR, TYPEDEF, qualifiers, FUNC, VAR, ... */
	};
};

#define BTF_INFO_KIND(info)	(((info) >> 24) & 0x1f)
#define BTF_INFO_VLEN(info)	((info) & 0xffff)
#define BTF_INFO_KFLAG(info)	((info) >> 31)

enum {
	BTF_KIND_UNKN		= 0,	/* the implicit type id 0: void */
	BTF_KIND_INT		= 1,
	BTF_KIND_PTR		= 2,
	BTF_KIND_ARRAY		= 3,
	BTF_KIND_STRUCT		= 4,
	BTF_KIND_UNION		= 5,
	BTF_KIND_ENUM		= 6,	/* 32-bit enumerators */
	BTF_KIND_FWD		= 7,
	BTF_KIND_TYPEDEF	= 8,
	BTF_KIND_VOLATILE	= 9,
	BTF_KIND_CONST		= 10,
	BTF_KIND_RESTRICT	= 11,
	BTF_KIND_FUNC		= 12,
	BTF_KIND_FUNC_PROTO	= 13,
	BTF_KIND_VAR		= 14,
	BTF_KIND_DATASEC	= 15,
	BTF_KIND_FLOAT		= 16,
	BTF_KIND_DECL_TAG	= 17,
	BTF_KIND_TYPE_TAG	= 18,
	BTF_KIND_ENUM64		= 19,	/* 64-bit enumerators */

	NR_BTF_KINDS		= 20,
	BTF_KIND_MAX		= NR_BTF_KINDS - 1,
};

/*
 * BTF_KIND_INT is followed by one __u32:
 *   bits 24-27 encoding, bits 16-23 bit offset, bits 0-7 bit size.
 */
#define BTF_INT_ENCODING(VAL)	(((VAL) & 0x0f000000) >> 24)
#define BTF_INT_OFFSET(VAL)	(((VAL) & 0x00ff0000) >> 16)
#define BTF_INT_BITS(VAL)	((VAL) & 0x000000ff)

#define BTF_INT_SIGNED	(1 << 0)
#define BTF_INT_CHAR	(1 << 1)
#define BTF_INT_BOOL	(1 << 2)

/* BTF_KIND_ENUM: vlen of these follow; kind_flag set means signed. */
struct btf_enum {
	__u32	name_off;
	__s32	val;
};

/* BTF_KIND_ENUM64: vlen of these follow. */
struct btf_enum64 {
	__u32	name_off;
	__u32	val_lo32;
	__u32	val_hi32;
};

/* BTF_KIND_ARRAY: one of these follows. */
struct btf_array {
	__u32	type;		/* element type */
	__u32	index_type;
	__u32	nelems;
};

/*
 * BTF_KIND_STRUCT and BTF_KIND_UNION: vlen of these follow.  With the
 * type's kind_flag clear, offset is the member's bit offset; with it set,
 * bits 24-31 hold the bitfield size (0 for a normal member) and bits 0-23
 * the bit offset.
 */
struct btf_member {
	__u32	name_off;
	__u32	type;
	__u32	offset;
};

#define BTF_MEMBER_BITFIELD_SIZE(val)	((val) >> 24)
#define BTF_MEMBER_BIT_OFFSET(val)	((val) & 0xffffff)

/* BTF_KIND_FUNC_PROTO: vlen of these follow (type 0 last: varargs). */
struct btf_param {
	__u32	name_off;
	__u32	type;
};

/* Linkage of BTF_KIND_VAR, in struct btf_var. */
enum {
	BTF_VAR_STATIC			= 0,
	BTF_VAR_GLOBAL_ALLOCATED	= 1,
	BTF_VAR_GLOBAL_EXTERN		= 2,
};

/* Linkage of BTF_KIND_FUNC, carried in its vlen field. */
enum btf_func_linkage {
	BTF_FUNC_STATIC	= 0,
	BTF_FUNC_GLOBAL	= 1,
	BTF_FUNC_EXTERN	= 2,
};

/* BTF_KIND_VAR: one of these follows. */
struct btf_var {
	__u32	linkage;	/* BTF_VAR_* */
};

/* BTF_KIND_DATASEC: vlen of these follow, one per variable. */
struct btf_var_secinfo {
	__u32	type;		/* the BTF_KIND_VAR */
	__u32	offset;		/* within the section */
	__u32	size;
};

/*
 * BTF_KIND_DECL_TAG: one of these follows.  component_idx -1 tags the
 * type itself, otherwise the member or parameter with that index.
 */
struct btf_decl_tag {
	__s32	component_idx;
};

_Static_assert(sizeof(struct btf_header) == 24, "struct btf_header is 24 bytes");
_Static_assert(sizeof(struct btf_type) == 12, "struct btf_type is 12 bytes");

#endif /* BPFMAP_UAPI_LINUX_BTF_H */
