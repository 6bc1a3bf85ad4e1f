/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * BPF Type Format: a bounds-checked parser of raw BTF blobs (split BTF over a base included),
 * type lookups by id in O(1), resolved sizes, and loading a BTF object from the kernel.
 */
#ifndef BTF_H
#define BTF_H

#include <stdbool.h>
#include <stddef.h>

#include <linux/bpf.h>
#include <linux/btf.h>

struct btf;

/*
 * Parses a raw blob (copied: data may be freed afterwards). With base, the blob is split BTF:
 * its ids start after the base's last id and string offsets below the base's string length
 * are the base's strings; base must outlive the result. Everything is checked: the header,
 * every record's length, every type id and name offset, and loops through size-carrying
 * references (typedefs, qualifiers, arrays, struct members, vars) are errors. Returns NULL
 * with *err = -EINVAL (malformed), -ELOOP (a type contains itself), -E2BIG (too many types)
 * or -EOPNOTSUPP (foreign byte order, unknown version or header fields).
 */
struct btf *btf_parse(const void *data, size_t size, const struct btf *base, int *err);
/* The kernel's BTF object with this id; a module's BTF is parsed over vmlinux's. */
struct btf *btf_load_by_id(__u32 id, int *err);
/* The running kernel's BTF: /sys/kernel/btf/vmlinux, or without sysfs its BTF object. */
struct btf *btf_load_vmlinux(int *err);
/* The id of the kernel's BTF object named "vmlinux": 0, or -ENOENT if there is none. */
int btf_vmlinux_id(__u32 *id);
/* A raw BTF file (e.g. /sys/kernel/btf/<module> over vmlinux as base). */
struct btf *btf_load_file(const char *path, const struct btf *base, int *err);
/*
 * The BTF upstream formats a map's entries with (its get_map_kv_btf()): the kernel's for a
 * struct_ops map (btf_vmlinux_value_type_id set: the object btf_vmlinux_id names, where
 * upstream always takes vmlinux's), the map's own (btf_id) when it has a value type, else
 * none: NULL with *err = 0.
 */
struct btf *btf_load_for_map(const struct bpf_map_info *info, int *err);
/*
 * The same for the maps of one command, which share one vmlinux BTF: *vmlinux is loaded on
 * first need and freed by the caller. The result is *vmlinux itself (struct_ops of vmlinux's
 * types) or a BTF to btf_free(); NULL with *err = 0 when the map has no value type. Where the
 * object btf_vmlinux_id names cannot be read (-EPERM: no CAP_SYS_ADMIN), vmlinux's is taken.
 */
struct btf *btf_load_for_map_shared(const struct bpf_map_info *info, struct btf **vmlinux,
				    int *err);
/* The value type those entries are formatted as: the vmlinux one first. */
__u32 btf_map_value_type(const struct bpf_map_info *info);
void btf_free(struct btf *btf);

/* Ids run from 0 (void) to btf_type_cnt() - 1; a split BTF's own start at btf_start_id(). */
__u32 btf_type_cnt(const struct btf *btf);
__u32 btf_start_id(const struct btf *btf);
const struct btf *btf_base(const struct btf *btf);
/* The record of a type, searched down to the base; id 0 is void (kind 0); NULL past the end. */
const struct btf_type *btf_type_by_id(const struct btf *btf, __u32 id);
/* A string by offset (the base's below its length); NULL when out of range. */
const char *btf_str(const struct btf *btf, __u32 off);
/* The type's name, "" when anonymous. */
const char *btf_name(const struct btf *btf, const struct btf_type *t);
/* The resolved size in bytes: 0, or -EINVAL for void, FWD, FUNC and the like (unsized). */
int btf_type_size(const struct btf *btf, __u32 id, __u32 *size);
/* Skips typedefs, qualifiers (const, volatile, restrict, type tags) and vars. */
__u32 btf_resolve_type(const struct btf *btf, __u32 id);
/* Skips qualifiers only (not typedefs). */
__u32 btf_skip_qualifiers(const struct btf *btf, __u32 id);
/* The first type of that kind and name, searched from the base up; -ENOENT if none. */
int btf_find_by_name_kind(const struct btf *btf, const char *name, unsigned int kind);
/* The size of a pointer in this BTF's target: its "long" type's size, else 8. */
__u32 btf_ptr_size(const struct btf *btf);

static inline unsigned int btf_kind(const struct btf_type *t)
{
	return BTF_INFO_KIND(t->info);
}

static inline unsigned int btf_vlen(const struct btf_type *t)
{
	return BTF_INFO_VLEN(t->info);
}

static inline bool btf_kflag(const struct btf_type *t)
{
	return BTF_INFO_KFLAG(t->info);
}

static inline bool btf_is_qualifier(const struct btf_type *t)
{
	unsigned int k = btf_kind(t);

	return k == BTF_KIND_VOLATILE || k == BTF_KIND_CONST || k == BTF_KIND_RESTRICT ||
	       k == BTF_KIND_TYPE_TAG;
}

/* The kind-specific data after the record (the parser checked that it is there). */
static inline __u32 btf_int_word(const struct btf_type *t)
{
	return *(const __u32 *)(t + 1);
}

static inline const struct btf_array *btf_array_of(const struct btf_type *t)
{
	return (const struct btf_array *)(t + 1);
}

static inline const struct btf_member *btf_members(const struct btf_type *t)
{
	return (const struct btf_member *)(t + 1);
}

static inline const struct btf_enum *btf_enums(const struct btf_type *t)
{
	return (const struct btf_enum *)(t + 1);
}

static inline const struct btf_enum64 *btf_enum64s(const struct btf_type *t)
{
	return (const struct btf_enum64 *)(t + 1);
}

static inline const struct btf_param *btf_params(const struct btf_type *t)
{
	return (const struct btf_param *)(t + 1);
}

static inline const struct btf_var_secinfo *btf_secinfos(const struct btf_type *t)
{
	return (const struct btf_var_secinfo *)(t + 1);
}

/* A member's bit offset and bitfield size (0: not a bitfield), per its struct's kind_flag. */
static inline __u32 btf_member_bit_offset(const struct btf_type *t, const struct btf_member *m)
{
	return btf_kflag(t) ? BTF_MEMBER_BIT_OFFSET(m->offset) : m->offset;
}

static inline __u32 btf_member_bitfield_size(const struct btf_type *t,
					     const struct btf_member *m)
{
	return btf_kflag(t) ? BTF_MEMBER_BITFIELD_SIZE(m->offset) : 0;
}

#endif
