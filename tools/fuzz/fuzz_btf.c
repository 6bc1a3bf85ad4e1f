// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The BTF parser and formatter: a blob from the fuzzer (optionally split BTF over a second
 * one) through btf_parse(), then every type id formatted over the rest of the input, in plain
 * BTF mode and in JSON mode, whose output must parse back; and whole map entries as dump and
 * lookup hand them over.
 *
 * Input: u8 flags, u16 length of blob A, A, [u16 length of blob B, B,] value bytes.
 * flags bit 0: B is split BTF over A; bit 1: pretty; bit 2: per-CPU entries.
 */
#include <stdlib.h>
#include <string.h>

#include "btf.h"
#include "btf_dump.h"
#include "fuzz_common.h"
#include "jsonv.h"
#include "util.h"

/* Formatting every id of a big blob over and over teaches the fuzzer little. */
#define FUZZ_MAX_IDS 256

static size_t take_blob(const uint8_t **p, size_t *left, const uint8_t **blob)
{
	size_t n;

	if (*left < 2)
		return 0;
	n = (size_t)(*p)[0] | (size_t)(*p)[1] << 8;
	*p += 2;
	*left -= 2;
	if (n > *left)
		n = *left;
	*blob = *p;
	*p += n;
	*left -= n;
	return n;
}

static void check_json(struct sink *s)
{
	size_t where;

	if (!t_json_valid(s->buf, s->len, &where))
		abort();
}

/* One value of type id, in both modes. */
static void format_id(const struct btf *btf, __u32 id, const uint8_t *v, size_t vlen,
		      bool pretty)
{
	struct sink s;
	struct json j;
	int mode;

	for (mode = 0; mode < 2; mode++) {
		sink_init_mem(&s);
		json_init(&j, &s, pretty);
		json_start_array(&j);
		btf_dump_value(&j, btf, id, v, vlen, mode == 0);
		json_finish(&j);
		if (mode == 1)
			check_json(&s);
		sink_free(&s);
	}
}

/* A map entry with key and value types from the value bytes, as dump -j prints it. */
static void format_entry(const struct btf *btf, const uint8_t *v, size_t vlen, bool pretty,
			 bool per_cpu)
{
	struct bpf_map_info info = { 0 };
	struct btf_entry e;
	unsigned int ncpus = 0;
	struct sink s;
	struct json j;
	__u32 cnt = btf_type_cnt(btf);

	if (vlen < 4)
		return;
	info.btf_id = 1;
	info.btf_key_type_id = v[0] % cnt;
	info.btf_value_type_id = v[1] % cnt;
	info.key_size = v[2] % 64;
	info.value_size = v[3] % 64;
	if (per_cpu) {
		ncpus = 1 + v[3] / 64;
		if ((size_t)round_up(info.value_size, 8) * ncpus > vlen)
			return;
	}
	if (info.key_size > vlen || info.value_size > vlen)
		return;
	btf_entry_init(&e, btf, &info, v, v, ncpus);
	sink_init_mem(&s);
	json_init(&j, &s, pretty);
	json_start_object(&j);
	json_name(&j, "key");
	json_hex_bytes(&j, v, info.key_size);
	btf_dump_formatted(&j, &e);
	json_finish(&j);
	check_json(&s);
	sink_free(&s);
	sink_init_mem(&s);
	json_init(&j, &s, true);
	json_start_array(&j);
	btf_dump_entry(&j, &e, true);
	json_finish(&j);
	sink_free(&s);
}

/* The lookups dump and show make besides formatting. */
static void query(const struct btf *btf, __u32 id)
{
	const struct btf_type *t = btf_type_by_id(btf, id);
	__u32 size;

	if (!t)
		abort();	/* every id below the count has a record */
	btf_type_size(btf, id, &size);
	if (btf_type_by_id(btf, btf_resolve_type(btf, id)) == NULL)
		abort();
	btf_skip_qualifiers(btf, id);
	if (btf_find_by_name_kind(btf, btf_name(btf, t), btf_kind(t)) < 0 && *btf_name(btf, t))
		abort();	/* a named type is found by its name */
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *p = data + 1, *a = NULL, *b = NULL;
	size_t left, na, nb = 0;
	struct btf *base = NULL, *btf;
	bool split, pretty;
	__u32 id, cnt;
	int err;

	if (!size)
		return 0;
	split = data[0] & 1;
	pretty = data[0] & 2;
	left = size - 1;
	na = take_blob(&p, &left, &a);
	if (split)
		nb = take_blob(&p, &left, &b);
	btf = btf_parse(a, na, NULL, &err);
	if (btf && split) {
		base = btf;
		btf = btf_parse(b, nb, base, &err);
	}
	if (!btf) {
		if (err >= 0)
			abort();
		btf_free(base);
		return 0;
	}
	cnt = btf_type_cnt(btf);
	if (btf_ptr_size(btf) != 4 && btf_ptr_size(btf) != 8)
		abort();
	for (id = 0; id < cnt && id < FUZZ_MAX_IDS; id++) {
		query(btf, id);
		format_id(btf, id, p, left, pretty);
	}
	format_entry(btf, p, left, pretty, data[0] & 4);
	btf_free(btf);
	btf_free(base);
	return 0;
}
