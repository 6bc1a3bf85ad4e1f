// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Writes the seed inputs of the fuzz targets that take structured bytes (BTF blobs with
 * values, synthetic rings, element words over a fake map, fdinfo and mounts text) into
 * tools/fuzz/corpus/<target>/. `make fuzz-seeds` runs it; the seeds are committed.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "btfbuild.h"
#include "btfmaps.h"

#define CORPUS "tools/fuzz/corpus/"

struct buf {
	unsigned char p[65536];
	size_t n;
};

static void put(struct buf *b, const void *p, size_t n)
{
	if (b->n + n > sizeof(b->p)) {
		fprintf(stderr, "mkseeds: seed too big\n");
		exit(1);
	}
	memcpy(b->p + b->n, p, n);
	b->n += n;
}

static void put_u16(struct buf *b, unsigned int v)
{
	unsigned char le[2] = { (unsigned char)v, (unsigned char)(v >> 8) };

	put(b, le, 2);
}

static void save(const char *target, const char *name, const struct buf *b)
{
	char path[256];
	FILE *f;

	snprintf(path, sizeof(path), CORPUS "%s", target);
	mkdir(path, 0755);
	snprintf(path, sizeof(path), CORPUS "%s/%s", target, name);
	f = fopen(path, "we");
	if (!f || fwrite(b->p, 1, b->n, f) != b->n || fclose(f)) {
		fprintf(stderr, "mkseeds: %s: %s\n", path, strerror(errno));
		exit(1);
	}
}

/* Words as the fuzzers split them: NUL-separated. */
static void words(struct buf *b, const char *const *w)
{
	for (; *w; w++)
		put(b, *w, strlen(*w) + 1);
	if (b->n)
		b->n--;		/* no NUL after the last word */
}

/* ---- fuzz_elem: type, key size, value size, what the command takes, then words ----------- */

static void elem_seed(const char *name, unsigned int type, unsigned int ks, unsigned int vs,
		      unsigned int want, const char *const *w)
{
	struct buf b = { .n = 0 };
	unsigned char hdr[4] = { (unsigned char)type, (unsigned char)ks, (unsigned char)vs,
				 (unsigned char)want };

	put(&b, hdr, 4);
	words(&b, w);
	save("fuzz_elem", name, &b);
}

static void elem_seeds(void)
{
	static const char *const upd[] = { "key", "1", "0", "0", "0", "value", "0x10", "020",
					   "255", "-1", "noexist", NULL };
	static const char *const hex[] = { "value", "hex", "ff", "0xab", "0XCD", "7", "key",
					   "hex", "01", "02", "03", "04", "exist", NULL };
	static const char *const bad[] = { "key", "1", "0", "0", "value", "1", "2", "3", "4",
					   NULL };
	static const char *const mim[] = { "key", "0", "0", "0", "0", "value", "id", "5",
					   "any", NULL };
	static const char *const prg[] = { "value", "pinned", "/sys/fs/bpf/p", "key", "1", "0",
					   "0", "0", NULL };
	static const char *const tag[] = { "k", "1", "0", "0", "0", "v", "tag",
					   "0123456789abcdef", "e", NULL };
	static const char *const q[] = { "value", "1", "2", "3", "4", "key", "1", NULL };
	static const char *const dup[] = { "key", "1", "0", "0", "0", "key", "2", "0", "0",
					   "0", "any", "any", NULL };

	elem_seed("hash_update", 1, 4, 4, 7, upd);
	elem_seed("hex", 1, 4, 4, 7, hex);
	elem_seed("short_key", 1, 4, 4, 7, bad);
	elem_seed("map_in_map", 12, 4, 4, 7, mim);
	elem_seed("prog_array", 3, 4, 4, 7, prg);
	elem_seed("prog_tag", 3, 4, 4, 7, tag);
	elem_seed("queue_push", 22, 0, 4, 6, q);
	elem_seed("percpu", 5 | 0, 4, 12, 7 | 0x30, upd);
	elem_seed("dup_key", 1, 4, 4, 1, dup);
}

/* ---- fuzz_btf: flags, u16 blob length, blob, [u16, split blob,] value bytes -------------- */

static void btf_seed(const char *name, unsigned int flags, const void *blob, size_t n,
		     const void *split, size_t sn, const void *val, size_t vn)
{
	struct buf b = { .n = 0 };
	unsigned char f = (unsigned char)flags;

	put(&b, &f, 1);
	put_u16(&b, (unsigned int)n);
	put(&b, blob, n);
	if (flags & 1) {
		put_u16(&b, (unsigned int)sn);
		put(&b, split, sn);
	}
	put(&b, val, vn);
	save("fuzz_btf", name, &b);
}

static void btf_seeds(void)
{
	unsigned char key[GOLD_KEY_SIZE], val[GOLD_VAL_SIZE], ent[4 + GOLD_VAL_SIZE];
	struct gold_ids ids;
	struct btfb b, s;
	void *blob, *sblob;
	size_t n, sn;
	__u32 i32, st, big, arr, var;

	gold_btf(&b, &ids);
	blob = btfb_blob(&b, &n);
	gold_key(1, key);
	gold_val(1, val);
	btf_seed("gold_key", 0, blob, n, NULL, 0, key, sizeof(key));
	btf_seed("gold_val_pretty", 2, blob, n, NULL, 0, val, sizeof(val));
	/* an entry: key type, value type, key size, value size, then the bytes */
	ent[0] = (unsigned char)ids.gkey;
	ent[1] = (unsigned char)ids.pcv;
	ent[2] = GOLD_KEY_SIZE;
	ent[3] = GOLD_PCV_SIZE | 64;
	memcpy(ent + 4, val, GOLD_VAL_SIZE);
	btf_seed("gold_entry_percpu", 4, blob, n, NULL, 0, ent, sizeof(ent));
	ent[1] = (unsigned char)ids.fl;
	ent[3] = GOLD_FL_SIZE;
	btf_seed("gold_entry", 0, blob, n, NULL, 0, ent, sizeof(ent));

	/* split BTF over a small base: a struct of base ints, an array, a datasec */
	btfb_free(&b);
	free(blob);
	btfb_init(&b);
	i32 = btfb_int(&b, "int", 4, BTF_INT_SIGNED, 32, 0);
	btfb_int(&b, "long int", 8, BTF_INT_SIGNED, 64, 0);
	blob = btfb_blob(&b, &n);
	btfb_init_split(&s, b.next_id, (__u32)b.slen);
	/* members and secinfos go to the last record: make their types first */
	arr = btfb_array(&s, i32, i32, 2);
	st = btfb_struct(&s, "split_s", 16);
	btfb_member(&s, "x", i32, 0, 0);
	btfb_member(&s, "bits", i32, 32, 5);
	btfb_member(&s, "arr", arr, 64, 0);
	big = btfb_enum64(&s, "e64", 8, 1);
	btfb_enum64_val(&s, "M", (__u64)-1);
	var = btfb_var(&s, "v", big, 1);
	btfb_datasec(&s, ".bss", 8);
	btfb_secinfo(&s, var, 0, 8);
	btfb_ptr(&s, st);
	btfb_fwd(&s, "fwd", 0);
	btfb_func(&s, "f", btfb_func_proto(&s, i32), 0);
	btfb_decl_tag(&s, "tag", st, 0);
	btfb_type_tag(&s, "user", i32);
	sblob = btfb_blob(&s, &sn);
	btf_seed("split", 1, blob, n, sblob, sn, val, 32);
	btfb_free(&s);
	free(sblob);
	btfb_free(&b);
	free(blob);

	/* zero-sized elements nested three deep in a 4-byte struct (once a hang) */
	btfb_init(&b);
	i32 = btfb_int(&b, "int", 4, BTF_INT_SIGNED, 32, 0);
	st = btfb_struct(&b, "empty", 0);
	arr = btfb_array(&b, btfb_array(&b, btfb_array(&b, st, i32, 1u << 30), i32, 1u << 30),
			 i32, 1u << 30);
	st = btfb_struct(&b, "v", 4);
	btfb_member(&b, "x", i32, 0, 0);
	btfb_member(&b, "z", arr, 32, 0);
	blob = btfb_blob(&b, &n);
	btf_seed("nested_empty", 0, blob, n, NULL, 0, val, 8);
	btfb_free(&b);
	free(blob);
}

/* ---- fuzz_ring: log2 size, stop count, u64 position, u16 span, data area ----------------- */

static void ring_seed(const char *name, unsigned int lg, unsigned long long pos,
		      unsigned int span, const void *area, size_t n)
{
	struct buf b = { .n = 0 };
	unsigned char hdr[2] = { (unsigned char)(lg - 6), 0 };

	put(&b, hdr, 2);
	put(&b, &pos, 8);
	put_u16(&b, span);
	put(&b, area, n);
	save("fuzz_ring", name, &b);
}

static void ring_seeds(void)
{
	unsigned char area[256] = { 0 };
	/* perf: a SAMPLE (type 9) of 32 bytes: header, time, raw size 12, 12 raw bytes, pad */
	static const unsigned char sample[32] = {
		9, 0, 0, 0, 32, 0, 0, 0,
		1, 2, 3, 4, 5, 6, 7, 8,
		12, 0, 0, 0, 'a', 'b', 'c', 'd',
		'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l',
	};
	/* and a LOST (type 2): id, count */
	static const unsigned char lost[24] = {
		2, 0, 0, 0, 24, 0, 0, 0, 15, 0, 0, 0, 0, 0, 0, 0, 0x89, 0x0b, 0, 0, 0, 0, 0, 0,
	};
	/* ring buffer: a committed record of 5 bytes, a discarded one, a busy one */
	static const unsigned char rb[48] = {
		5, 0, 0, 0, 0, 0, 0, 0, 'h', 'e', 'l', 'l', 'o', 0, 0, 0,
		4, 0, 0, 0x40, 0, 0, 0, 0, 1, 2, 3, 4, 0, 0, 0, 0,
		4, 0, 0, 0x80, 0, 0, 0, 0, 1, 2, 3, 4, 0, 0, 0, 0,
	};

	memcpy(area, sample, sizeof(sample));
	memcpy(area + 32, lost, sizeof(lost));
	ring_seed("perf", 8, 0, 56, area, 256);
	/* a record that wraps around the end of a 64-byte area */
	memset(area, 0, sizeof(area));
	memcpy(area + 48, sample, 16);
	memcpy(area, sample + 16, 16);
	ring_seed("perf_wrap", 6, 48, 32, area, 64);
	ring_seed("perf_far", 6, 0xfffffffffffffff0ULL, 32, area, 64);
	ring_seed("rb", 7, 0, 48, rb, sizeof(rb));
	ring_seed("rb_far", 7, 0x100000000ULL, 48, rb, sizeof(rb));
}

/* ---- text seeds ----------------------------------------------------------------------------- */

static void text_seed(const char *target, const char *name, const char *text)
{
	struct buf b = { .n = 0 };

	put(&b, text, strlen(text));
	save(target, name, &b);
}

static void text_seeds(void)
{
	text_seed("fuzz_fdinfo", "map",
		  "pos:\t0\nflags:\t02000002\nmnt_id:\t15\nino:\t1058\nmap_type:\t3\n"
		  "key_size:\t4\nvalue_size:\t4\nmax_entries:\t4\nmap_flags:\t0x0\n"
		  "map_extra:\t0x0\nmemlock:\t344\nmap_id:\t71\nfrozen:\t0\n"
		  "owner_prog_type:\t1\nowner_jited:\t1\n");
	text_seed("fuzz_fdinfo", "prog",
		  "prog_id\npos:\t0\nflags:\t02000002\nprog_type:\t1\nprog_jited:\t1\n"
		  "prog_tag:\ta04f5eef06a7f555\nmemlock:\t4096\nprog_id:\t12\n"
		  "run_time_ns:\t0\nrun_cnt:\t0\nrecursion_misses:\t0\nverified_insns:\t2\n");
	text_seed("fuzz_fdinfo", "odd",
		  "memlock:  0x7fffffffffffffff\nfrozen:\t\nmap_id:\t99999999999999999999\n"
		  "owner_jited:1 2\nmemlock:\t5\n");
	text_seed("fuzz_mounts", "mounts",
		  "sysfs /sys sysfs rw,nosuid,nodev,noexec,relatime 0 0\n"
		  "bpf /sys/fs/bpf bpf rw,nosuid,nodev,noexec,relatime,mode=700 0 0\n"
		  "bpf /tmp/with\\040space\\011tab\\012nl\\134bs bpf rw,relatime 0 0\n"
		  "none /a\\777b bpf rw 0 0\n"
		  "short line\n"
		  "   \n"
		  "bpf\t/x\tbpf\n");
	text_seed("fuzz_mounts", "paths", "/\n//\na/b\nb\n/b/\n/sys/fs/bpf/x//y///\n.\n..\n");
}

int main(void)
{
	elem_seeds();
	btf_seeds();
	ring_seeds();
	text_seeds();
	return 0;
}
