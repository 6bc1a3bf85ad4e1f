// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Creates, fills (BPF_MAP_UPDATE_BATCH) and pins the benchmark's maps under DIR.
 * usage: bench-setup DIR NAME:TYPE:KEY:VALUE:ENTRIES... [show:COUNT]
 *   TYPE hash | percpu_hash | array; every map is filled to ENTRIES; key i carries i as a
 *   little-endian u32 in its first bytes, values a pattern of i. show:COUNT pins COUNT small
 *   maps (hash and array, every tenth frozen) under DIR/show/ for `map show`.
 */
#include <sys/stat.h>

#include "floor.h"

#define CHUNK 65536u		/* entries per update_batch call */

static void fill_key(unsigned char *k, __u32 ks, __u32 i)
{
	__u32 j;

	for (j = 0; j < ks; j++)
		k[j] = j < 4 ? (unsigned char)(i >> (8 * j)) : (unsigned char)(i * 7 + j);
}

static void fill_value(unsigned char *v, __u32 len, __u32 i)
{
	__u32 j;

	for (j = 0; j < len; j++)
		v[j] = (unsigned char)(i * 131 + j * 7 + 1);
}

static void pin(int fd, const char *dir, const char *name)
{
	char path[4096];
	int r;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	r = bpf_obj_pin(fd, path);
	if (r)
		floor_die(path, r);
	close(fd);
}

static int create(__u32 type, __u32 ks, __u32 vs, __u32 entries, const char *name)
{
	struct map_create_opts o = {
		.map_type = type, .key_size = ks, .value_size = vs, .max_entries = entries,
		.name = name,
	};
	int fd = bpf_map_create(&o);

	if (fd < 0)
		floor_die(name, fd);
	return fd;
}

static void make_filled(const char *dir, const char *spec)
{
	char name[64], tname[32], mname[BPF_OBJ_NAME_LEN];
	__u32 ks, vs, n, type, stride, i, c, count;
	unsigned char *keys, *vals;
	int fd, r;

	if (sscanf(spec, "%40[^:]:%31[^:]:%u:%u:%u", name, tname, &ks, &vs, &n) != 5 || !n)
		floor_die(spec, EINVAL);
	if (!strcmp(tname, "hash"))
		type = BPF_MAP_TYPE_HASH;
	else if (!strcmp(tname, "percpu_hash"))
		type = BPF_MAP_TYPE_PERCPU_HASH;
	else if (!strcmp(tname, "array"))
		type = BPF_MAP_TYPE_ARRAY;
	else
		floor_die(tname, EINVAL);
	stride = type == BPF_MAP_TYPE_PERCPU_HASH ? ((vs + 7) & ~7u) * possible_cpus() : vs;
	snprintf(mname, sizeof(mname), "bench_%.9s", name);
	fd = create(type, ks, vs, n, mname);
	keys = malloc((size_t)CHUNK * ks);
	vals = malloc((size_t)CHUNK * stride);
	if (!keys || !vals)
		floor_die("malloc", ENOMEM);
	for (i = 0; i < n; i += count) {
		count = n - i < CHUNK ? n - i : CHUNK;
		for (c = 0; c < count; c++) {
			fill_key(keys + (size_t)c * ks, ks, i + c);
			fill_value(vals + (size_t)c * stride, stride, i + c);
		}
		r = bpf_map_update_batch(fd, keys, vals, &count, 0);
		if (r)
			floor_die("BPF_MAP_UPDATE_BATCH", r);
	}
	free(keys);
	free(vals);
	pin(fd, dir, name);
}

static void make_show(const char *dir, __u32 count)
{
	char sub[4096], name[32];
	unsigned char k[4] = { 1 }, v[8] = { 2 };
	__u32 i;
	int fd, r;

	snprintf(sub, sizeof(sub), "%s/show", dir);
	if (mkdir(sub, 0700) && errno != EEXIST)
		floor_die(sub, errno);
	for (i = 0; i < count; i++) {
		snprintf(name, sizeof(name), "bench_s%04u", i);
		fd = create(i & 1 ? BPF_MAP_TYPE_ARRAY : BPF_MAP_TYPE_HASH, 4, 8, i & 1 ? 4 : 16,
			    name);
		r = bpf_map_update_elem(fd, k, v, 0);
		if (!r && i % 10 == 9)
			r = bpf_map_freeze(fd);
		if (r)
			floor_die(name, r);
		pin(fd, sub, name + 6);
	}
}

int main(int argc, char **argv)
{
	int i;

	if (argc < 3) {
		fprintf(stderr, "usage: bench-setup DIR NAME:TYPE:KEY:VALUE:ENTRIES... "
				"[show:COUNT]\n");
		return 2;
	}
	for (i = 2; i < argc; i++) {
		if (!strncmp(argv[i], "show:", 5))
			make_show(argv[1], (__u32)strtoul(argv[i] + 5, NULL, 10));
		else
			make_filled(argv[1], argv[i]);
	}
	return 0;
}
