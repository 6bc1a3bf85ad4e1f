/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * BTF-formatted keys and values, as upstream's btf_dumper.c prints them: JSON mode (the
 * "formatted" object of -j) and plain BTF mode (the JSON-like document of plain dumps).
 */
#ifndef BTF_DUMP_H
#define BTF_DUMP_H

#include <stdbool.h>
#include <stddef.h>

#include <linux/bpf.h>

#include "btf.h"
#include "json.h"

/*
 * One value of type type_id over data[0..size), host byte order. plain selects plain BTF
 * mode's conventions (bare 0x… bitfields and 128-bit ints, quoted pointers, 0xNN for an
 * unprintable char); otherwise JSON mode's. Returns -EINVAL with nothing written when the
 * type has no size or is larger than size; otherwise 0, or -EINVAL after cutting the rest
 * of the enclosing struct short where upstream does (a FWD, a kind with no value).
 */
int btf_dump_value(struct json *j, const struct btf *btf, __u32 type_id, const void *data,
		   size_t size, bool plain);

/* One map entry, as the dump and lookup code hands it over. */
struct btf_entry {
	const struct btf *btf;
	__u32 key_type_id;	/* 0: the map has no key type, and no "key" is printed */
	__u32 value_type_id;
	const void *key;
	__u32 key_size;
	const void *value;	/* per-CPU: ncpus values, stride bytes apart */
	__u32 value_size;
	unsigned int ncpus;	/* 0: not a per-CPU map */
	__u32 stride;		/* per-CPU: round_up(value_size, 8), as the kernel lays them out */
};

/*
 * Fills an entry from the map's info: its key type, the value type upstream uses (the
 * vmlinux one for struct_ops), sizes, and for a per-CPU map (ncpus > 0) the stride.
 */
void btf_entry_init(struct btf_entry *e, const struct btf *btf, const struct bpf_map_info *info,
		    const void *key, const void *value, unsigned int ncpus);
/* 0 when the entry's types have sizes that fit its key and value; else -EINVAL. */
int btf_entry_check(const struct btf_entry *e);
/*
 * upstream's do_dump_btf(): {"key":…,"value":…}, or for a per-CPU map
 * {"key":…,"values":[{"cpu":N,"value":…},…]}. Plain BTF mode calls it (plain = true) for
 * each element of its array; lookup prints one. Nothing is written when btf_entry_check()
 * fails.
 */
int btf_dump_entry(struct json *j, const struct btf_entry *e, bool plain);
/* JSON mode: "formatted":{…} as the last member of a hex entry object; or nothing on -EINVAL. */
int btf_dump_formatted(struct json *j, const struct btf_entry *e);

/*
 * nbits (<= 128) bits from bit bit_off of data as a bitfield of that byte order stores them
 * (little endian: from the least significant bit of each byte; big endian: from the most
 * significant), into hi:lo. Reads (bit_off + nbits + 7) / 8 bytes. Exposed for the tests.
 */
void btf_dump_bits(const void *data, unsigned int bit_off, unsigned int nbits, bool big_endian,
		   __u64 *hi, __u64 *lo);

#endif
