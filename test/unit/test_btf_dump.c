// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The BTF formatter: the documents upstream printed for the gold maps, rebuilt from the same
 * bytes (test/golden/btf/newest/, upstream's Debian output with newest's documented changes),
 * then every kind in both modes, JSON mode always parsed back.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "btf_dump.h"
#include "btfmaps.h"
#include "tlib.h"

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

			cr_expect(t_json_valid(got, strlen(got), &where), "%s: invalid JSON at %zu",
				  name, where);
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
