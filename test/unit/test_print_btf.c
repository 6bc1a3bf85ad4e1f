// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Entries with BTF types (print_btf.c) into memory sinks: "formatted" as the last member of
 * -j entries, plain BTF mode's entries, and the hex entries and error entries that keep that
 * document well-formed where upstream printf()s hex lines into it.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "btf.h"
#include "btfmaps.h"
#include "json.h"
#include "print_btf.h"
#include "print_elem.h"
#include "tlib.h"

static struct btf *gold(struct gold_ids *ids)
{
	struct btfb b;
	struct btf *btf;
	size_t n;
	void *blob;
	int err;

	gold_btf(&b, ids);
	blob = btfb_blob(&b, &n);
	btfb_free(&b);
	btf = btf_parse(blob, n, NULL, &err);
	free(blob);
	cr_assert(btf, "gold BTF: %d", err);
	return btf;
}

enum how { FORMATTED, PLAIN, ERROR };

/* One entry of a map of that shape with types kt/vt of btf (NULL: none), in one document. */
static char *render(enum how how, const struct btf *btf, struct bpf_map_info info, int ncpus,
		    const void *k, const void *v, int err)
{
	struct btf_entry types;
	struct elem_fmt f;
	struct json j;
	struct sink s;
	char *r;

	elem_fmt_init(&f, &info, ncpus);
	elem_fmt_set_btf(&f, &types, btf, &info);
	sink_init_mem(&s);
	json_init(&j, &s, how != FORMATTED);
	if (how == FORMATTED)
		elem_json(&j, &f, k, v);
	else if (how == PLAIN)
		elem_btf_plain(&j, &f, k, v);
	else
		elem_btf_error(&j, &f, k, err);
	json_finish(&j);
	r = strndup(s.buf, s.len);
	sink_free(&s);
	return r;
}

static struct bpf_map_info map(__u32 type, __u32 ks, __u32 vs, __u32 kt, __u32 vt)
{
	struct bpf_map_info info = {
		.type = type, .key_size = ks, .value_size = vs, .btf_id = 1,
		.btf_key_type_id = kt, .btf_value_type_id = vt,
	};

	return info;
}

static void expect(char *got, const char *want, bool json)
{
	size_t where = 0;

	if (json)
		cr_expect(t_json_valid(got, strlen(got), &where), "invalid at %zu: %s", where, got);
	cr_expect_str_eq(got, want);
	free(got);
}

Test(print_btf, formatted_is_the_last_member)
{
	struct gold_ids ids;
	struct btf *btf = gold(&ids);
	__s32 k = 3;
	__u32 v = 40;
	__u32 pcv[4] = { 7, 0, 8, 0 };	/* 2 CPUs, 8 bytes apart */

	expect(render(FORMATTED, btf, map(BPF_MAP_TYPE_HASH, 4, 4, ids.t_int, ids.t_uint), 1,
		      &k, &v, 0),
	       "{\"key\":[\"0x03\",\"0x00\",\"0x00\",\"0x00\"],"
	       "\"value\":[\"0x28\",\"0x00\",\"0x00\",\"0x00\"],"
	       "\"formatted\":{\"key\":3,\"value\":40}}\n", true);
	expect(render(FORMATTED, btf, map(BPF_MAP_TYPE_PERCPU_HASH, 4, 4, ids.t_int, ids.t_uint),
		      2, &k, pcv, 0),
	       "{\"key\":[\"0x03\",\"0x00\",\"0x00\",\"0x00\"],\"values\":["
	       "{\"cpu\":0,\"value\":[\"0x07\",\"0x00\",\"0x00\",\"0x00\"]},"
	       "{\"cpu\":1,\"value\":[\"0x08\",\"0x00\",\"0x00\",\"0x00\"]}],"
	       "\"formatted\":{\"key\":3,\"values\":[{\"cpu\":0,\"value\":7},"
	       "{\"cpu\":1,\"value\":8}]}}\n", true);
	/* newest: map-in-map's inner_map_id comes before it */
	expect(render(FORMATTED, btf, map(BPF_MAP_TYPE_HASH_OF_MAPS, 4, 4, ids.t_int, ids.t_uint),
		      1, &k, &v, 0),
	       "{\"key\":[\"0x03\",\"0x00\",\"0x00\",\"0x00\"],"
	       "\"value\":[\"0x28\",\"0x00\",\"0x00\",\"0x00\"],\"inner_map_id\":40,"
	       "\"formatted\":{\"key\":3,\"value\":40}}\n", true);
	btf_free(btf);
}

/* Types that don't fit the sizes (or no BTF at all): the entry stays hex. */
Test(print_btf, hex_where_the_types_do_not_fit)
{
	struct gold_ids ids;
	struct btf *btf = gold(&ids);
	static const __u8 k[8] = { 1 }, v[8] = { 2 };
	static const char hex[] = "{\n"
				  "    \"key\": [\"0x01\",\"0x00\"\n"
				  "    ],\n"
				  "    \"value\": [\"0x02\",\"0x00\"\n"
				  "    ]\n"
				  "}\n";

	/* an int key in 2 bytes */
	expect(render(FORMATTED, btf, map(BPF_MAP_TYPE_HASH, 2, 2, ids.t_int, ids.t_ushort), 1,
		      k, v, 0),
	       "{\"key\":[\"0x01\",\"0x00\"],\"value\":[\"0x02\",\"0x00\"]}\n", true);
	expect(render(PLAIN, btf, map(BPF_MAP_TYPE_HASH, 2, 2, ids.t_int, ids.t_ushort), 1, k, v,
		      0), hex, true);
	/* no value type: the map has no BTF to format with */
	expect(render(PLAIN, NULL, map(BPF_MAP_TYPE_HASH, 2, 2, ids.t_ushort, 0), 1, k, v, 0),
	       hex, true);
	btf_free(btf);
}

Test(print_btf, plain_entries)
{
	struct gold_ids ids;
	struct btf *btf = gold(&ids);
	__s32 k = -1;
	__u32 v = 7, pcv[4] = { 1, 0, 2, 0 };

	expect(render(PLAIN, btf, map(BPF_MAP_TYPE_HASH, 4, 4, ids.t_int, ids.t_uint), 1, &k, &v,
		      0),
	       "{\n    \"key\": -1,\n    \"value\": 7\n}\n", true);
	expect(render(PLAIN, btf, map(BPF_MAP_TYPE_PERCPU_ARRAY, 4, 4, ids.t_int, ids.t_uint), 2,
		      &k, pcv, 0),
	       "{\n    \"key\": -1,\n    \"values\": [{\n            \"cpu\": 0,\n"
	       "            \"value\": 1\n        },{\n            \"cpu\": 1,\n"
	       "            \"value\": 2\n        }\n    ]\n}\n", true);
	btf_free(btf);
}

/* A value that could not be read, inside plain BTF mode's document. */
Test(print_btf, error_entries)
{
	struct gold_ids ids;
	struct btf *btf = gold(&ids);
	__s32 k = 5;

	expect(render(ERROR, btf, map(BPF_MAP_TYPE_HASH, 4, 4, ids.t_int, ids.t_uint), 1, &k,
		      NULL, ENOENT),
	       "{\n    \"key\": 5,\n    \"value\": {\n        \"error\": \"<no entry>\"\n"
	       "    }\n}\n", true);
	expect(render(ERROR, btf, map(BPF_MAP_TYPE_HASH, 4, 4, ids.t_int, ids.t_uint), 1, &k,
		      NULL, E2BIG),
	       "{\n    \"key\": 5,\n    \"value\": {\n        \"error\": \"Argument list too "
	       "long\"\n    }\n}\n", true);
	expect(render(ERROR, btf, map(BPF_MAP_TYPE_REUSEPORT_SOCKARRAY, 4, 8, ids.t_int,
				      ids.t_u64), 1, &k, NULL, ENOSPC),
	       "{\n    \"key\": 5,\n    \"value\": {\n        \"error\": \"<cannot read>\"\n"
	       "    }\n}\n", true);
	/* no key type (a DATASEC array), or one that does not fit: the key in hex */
	expect(render(ERROR, btf, map(BPF_MAP_TYPE_ARRAY, 4, 20, 0, ids.datasec), 1, &k, NULL,
		      ENOENT),
	       "{\n    \"key\": [\"0x05\",\"0x00\",\"0x00\",\"0x00\"\n    ],\n"
	       "    \"value\": {\n        \"error\": \"<no entry>\"\n    }\n}\n", true);
	expect(render(ERROR, btf, map(BPF_MAP_TYPE_HASH, 2, 4, ids.t_int, ids.t_uint), 1, &k,
		      NULL, ENOENT),
	       "{\n    \"key\": [\"0x05\",\"0x00\"\n    ],\n"
	       "    \"value\": {\n        \"error\": \"<no entry>\"\n    }\n}\n", true);
	expect(render(ERROR, NULL, map(BPF_MAP_TYPE_HASH, 2, 4, 0, 0), 1, &k, NULL, ENOENT),
	       "{\n    \"key\": [\"0x05\",\"0x00\"\n    ],\n"
	       "    \"value\": {\n        \"error\": \"<no entry>\"\n    }\n}\n", true);
	btf_free(btf);
}

Test(print_btf, no_btf_leaves_the_format_alone)
{
	struct bpf_map_info info = map(BPF_MAP_TYPE_HASH, 4, 4, 1, 2);
	struct btf_entry types;
	struct elem_fmt f;

	elem_fmt_init(&f, &info, 1);
	cr_expect_null(f.btf);
	elem_fmt_set_btf(&f, &types, NULL, &info);
	cr_expect_null(f.btf);
}
