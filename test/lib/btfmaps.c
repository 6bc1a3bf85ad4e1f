// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Test fixture: the BTF and the entry bytes of the maps whose upstream dumps we pinned,
 * shared by the formatter's unit tests, the kernel tests and the golden dump tests.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "btf_dump.h"
#include "btfmaps.h"
#include "cpus.h"
#include "json.h"
#include "util.h"

/*
 * struct gval, 136 bytes (kind_flag set: bitfield members carry their own sizes):
 *   const volatile u64_t cnt; char str[8]; char name[8];
 *   unsigned int flag:3, wide:12; int sneg:4; enum color ebf:2;
 *   int c; int *ptr; _Bool ok; achar cp, cu; enum sgn s; enum color col, col2;
 *   union u { unsigned int w; unsigned short h[2]; } u; enum big big;
 *   unsigned __int128 u128; struct inner { unsigned int x; unsigned short y; } in[2];
 *   unsigned __int128 small; int *nil; struct obf obf; tc tchars[4]; char nonul[4], empty[4];
 * struct obf (no kind_flag; bitfields through the int types' own bit counts):
 *   u3 lo (3 bits) at bit 0, u5 hi (5 bits) at bit 3, u24 mid (24 bits in 4 bytes) at bit 8.
 */
static void gold_gval(struct btfb *b, struct gold_ids *ids, __u32 c8, __u32 cv_u64, __u32 pint,
		      __u32 color, __u32 sgn, __u32 big, __u32 achar)
{
	__u32 inner, inner2, ush2, u, u3, u5, u24, obf, tc, tc4;

	inner = btfb_struct(b, "inner", 8);
	btfb_member(b, "x", ids->t_uint, 0, 0);
	btfb_member(b, "y", ids->t_ushort, 32, 0);
	inner2 = btfb_array(b, inner, ids->t_uint, 2);
	ush2 = btfb_array(b, ids->t_ushort, ids->t_uint, 2);
	u = btfb_union(b, "u", 4);
	btfb_member(b, "w", ids->t_uint, 0, 0);
	btfb_member(b, "h", ush2, 0, 0);
	u3 = btfb_int(b, "u3", 1, 0, 3, 0);
	u5 = btfb_int(b, "u5", 1, 0, 5, 0);
	u24 = btfb_int(b, "u24", 4, 0, 24, 0);
	obf = btfb_struct(b, "obf", 4);
	btfb_member(b, "lo", u3, 0, 0);
	btfb_member(b, "hi", u5, 3, 0);
	btfb_member(b, "mid", u24, 8, 0);
	tc = btfb_typedef(b, "tc", ids->t_char);
	tc4 = btfb_array(b, tc, ids->t_uint, 4);

	ids->gval = btfb_struct(b, "gval", GOLD_VAL_SIZE);
	btfb_member(b, "cnt", cv_u64, 0, 0);
	btfb_member(b, "str", c8, 64, 0);
	btfb_member(b, "name", c8, 128, 0);
	btfb_member(b, "flag", ids->t_uint, 192, 3);
	btfb_member(b, "wide", ids->t_uint, 195, 12);
	btfb_member(b, "sneg", ids->t_int, 207, 4);
	btfb_member(b, "ebf", color, 211, 2);
	btfb_member(b, "c", ids->t_int, 224, 0);
	btfb_member(b, "ptr", pint, 256, 0);
	btfb_member(b, "ok", ids->t_bool, 320, 0);
	btfb_member(b, "cp", achar, 328, 0);
	btfb_member(b, "cu", achar, 336, 0);
	btfb_member(b, "s", sgn, 344, 0);
	btfb_member(b, "col", color, 352, 0);
	btfb_member(b, "col2", color, 384, 0);
	btfb_member(b, "u", u, 416, 0);
	btfb_member(b, "big", big, 448, 0);
	btfb_member(b, "u128", ids->t_u128, 512, 0);
	btfb_member(b, "in", inner2, 640, 0);
	btfb_member(b, "small", ids->t_u128, 768, 0);
	btfb_member(b, "nil", pint, 896, 0);
	btfb_member(b, "obf", obf, 960, 0);
	btfb_member(b, "tchars", tc4, 992, 0);
	btfb_member(b, "nonul", ids->t_c4, 1024, 0);
	btfb_member(b, "empty", ids->t_c4, 1056, 0);
}

static void gold_datasec(struct btfb *b, struct gold_ids *ids, __u32 c8)
{
	__u32 ush3, v1, v2, v3;

	ush3 = btfb_array(b, ids->t_ushort, ids->t_uint, 3);
	v1 = btfb_var(b, "counter", ids->t_int, BTF_VAR_GLOBAL_ALLOCATED);
	v2 = btfb_var(b, "name", c8, BTF_VAR_GLOBAL_ALLOCATED);
	v3 = btfb_var(b, "arr", ush3, BTF_VAR_STATIC);
	ids->datasec = btfb_datasec(b, ".data", GOLD_DATA_SIZE);
	btfb_secinfo(b, v1, 0, 4);
	btfb_secinfo(b, v2, 4, 8);
	btfb_secinfo(b, v3, 12, 6);
}

void gold_btf(struct btfb *b, struct gold_ids *ids)
{
	__u32 c4, c8, u64t, cv, pint, color, sgn, big, achar, f4, f8;

	memset(ids, 0, sizeof(*ids));
	btfb_init(b);
	ids->t_int = btfb_int(b, "int", 4, BTF_INT_SIGNED, 32, 0);
	ids->t_uint = btfb_int(b, "unsigned int", 4, 0, 32, 0);
	ids->t_char = btfb_int(b, "char", 1, BTF_INT_SIGNED, 8, 0);
	ids->t_ushort = btfb_int(b, "unsigned short", 2, 0, 16, 0);
	ids->t_u64 = btfb_int(b, "long long unsigned int", 8, 0, 64, 0);
	ids->t_bool = btfb_int(b, "_Bool", 1, BTF_INT_BOOL, 8, 0);
	ids->t_u128 = btfb_int(b, "unsigned __int128", 16, 0, 128, 0);
	ids->t_long = btfb_int(b, "long int", 8, BTF_INT_SIGNED, 64, 0);
	c4 = btfb_array(b, ids->t_char, ids->t_uint, 4);
	ids->t_c4 = c4;
	ids->gkey = btfb_struct(b, "gkey", GOLD_KEY_SIZE);
	btfb_member(b, "a", ids->t_int, 0, 0);
	btfb_member(b, "b", ids->t_ushort, 32, 0);
	btfb_member(b, "name", c4, 48, 0);
	u64t = btfb_typedef(b, "u64_t", ids->t_u64);
	cv = btfb_const(b, btfb_volatile(b, u64t));
	c8 = btfb_array(b, ids->t_char, ids->t_uint, 8);
	pint = btfb_ptr(b, ids->t_int);
	color = btfb_enum(b, "color", 4, 0);
	btfb_enum_val(b, "RED", 0);
	btfb_enum_val(b, "GREEN", 1);
	btfb_enum_val(b, "BLUE", 2);
	btfb_enum_val(b, "MAXC", -2);
	sgn = btfb_enum(b, "sgn", 1, 1);
	btfb_enum_val(b, "NEG", -1);
	btfb_enum_val(b, "POS", 1);
	big = btfb_enum64(b, "big", 8, 0);
	btfb_enum64_val(b, "SMALL", 1);
	btfb_enum64_val(b, "HUGE", 0x100000000ULL);
	achar = btfb_int(b, "achar", 1, BTF_INT_CHAR, 8, 0);
	gold_gval(b, ids, c8, cv, pint, color, sgn, big, achar);

	ids->pcv = btfb_struct(b, "pcv", GOLD_PCV_SIZE);
	btfb_member(b, "n", ids->t_uint, 0, 0);
	btfb_member(b, "tag", c4, 32, 0);

	gold_datasec(b, ids, c8);

	f4 = btfb_float(b, "float", 4);
	f8 = btfb_float(b, "double", 8);
	ids->fl = btfb_struct(b, "fl", GOLD_FL_SIZE);
	btfb_member(b, "f", f4, 0, 0);
	btfb_member(b, "d", f8, 64, 0);
	btfb_member(b, "after", ids->t_int, 128, 0);
}

static int host_big_endian(void)
{
	const unsigned short one = 1;

	return *(const unsigned char *)&one == 0;
}

void gold_setbits(void *buf, unsigned int off, unsigned int nbits, unsigned long long v)
{
	unsigned char *p = buf;
	unsigned int i;

	for (i = 0; i < nbits; i++) {
		/* little endian: value bit i is bit off + i, counted from each byte's LSB */
		unsigned int k = off + i, bit = (v >> i) & 1;
		unsigned int mask;

		if (host_big_endian()) {
			/* big endian: the value's MSB comes first, bits counted from each MSB */
			k = off + nbits - 1 - i;
			mask = 0x80u >> (k % 8);
		} else {
			mask = 1u << (k % 8);
		}
		if (bit)
			p[k / 8] |= mask;
		else
			p[k / 8] &= ~mask;
	}
}

static void put(unsigned char *p, size_t off, const void *v, size_t n)
{
	memcpy(p + off, v, n);
}

#define PUT(buf, off, type, val)                                                 \
	do {                                                                     \
		type _v = (val);                                                 \
		put(buf, off, &_v, sizeof(_v));                                  \
	} while (0)

static void put_u128(unsigned char *p, size_t off, unsigned long long hi, unsigned long long lo)
{
	PUT(p, off + (host_big_endian() ? 8 : 0), unsigned long long, lo);
	PUT(p, off + (host_big_endian() ? 0 : 8), unsigned long long, hi);
}

void gold_key(int i, unsigned char key[GOLD_KEY_SIZE])
{
	memset(key, 0, GOLD_KEY_SIZE);
	PUT(key, 0, int, i ? -7 : 1);
	PUT(key, 4, unsigned short, i ? 65535 : 2);
	memcpy(key + 6, i ? "xyz" : "abc", 4);
}

static void gold_val0(unsigned char *v)
{
	static const unsigned char str[8] = { 13, 14, 15, 16, 17, 18, 19, 20 };

	PUT(v, 0, unsigned long long, 0x0807060504030201ULL);
	memcpy(v + 8, str, 8);
	memcpy(v + 16, "hello", 6);
	gold_setbits(v, 192, 3, 5);
	gold_setbits(v, 195, 12, 0xabc);
	gold_setbits(v, 207, 4, 0xd);	/* -3 */
	gold_setbits(v, 211, 2, 2);
	PUT(v, 28, int, -5);
	PUT(v, 32, unsigned long long, 0x2827262524232221ULL);
	v[40] = 1;
	v[41] = 'A';
	v[42] = 7;
	v[43] = 0xff;	/* NEG */
	PUT(v, 44, unsigned int, 1);
	PUT(v, 48, unsigned int, 7);
	PUT(v, 52, unsigned short, 1);
	PUT(v, 54, unsigned short, 2);
	PUT(v, 56, unsigned long long, 0x100000000ULL);
	put_u128(v, 64, 2, 1);
	PUT(v, 80, unsigned int, 10);
	PUT(v, 84, unsigned short, 11);
	PUT(v, 88, unsigned int, 12);
	PUT(v, 92, unsigned short, 13);
	put_u128(v, 96, 0, 42);
	gold_setbits(v, 960, 3, 5);
	gold_setbits(v, 963, 5, 17);
	gold_setbits(v + 121, 0, 24, 0x123456);
	memcpy(v + 124, "ab", 2);
	memcpy(v + 128, "abcd", 4);
}

static void gold_val1(unsigned char *v)
{
	memcpy(v + 8, "hi", 3);
	gold_setbits(v, 192, 3, 7);
	gold_setbits(v, 195, 12, 0xfff);
	gold_setbits(v, 207, 4, 0x7);
	gold_setbits(v, 211, 2, 3);
	PUT(v, 28, int, -2147483647 - 1);
	PUT(v, 32, unsigned long long, 1);
	v[41] = '~';
	v[42] = 0xff;
	v[43] = 0x80;
	PUT(v, 44, unsigned int, 0xfffffffeU);	/* MAXC */
	PUT(v, 48, unsigned int, 0x80000000U);
	PUT(v, 52, unsigned int, 0xffffffffU);
	PUT(v, 56, unsigned long long, ~0ULL);
	put_u128(v, 96, 0, ~0ULL);
	PUT(v, 112, unsigned long long, 0xffffffff80000000ULL);
	gold_setbits(v, 960, 3, 7);
	gold_setbits(v, 963, 5, 31);
	gold_setbits(v + 121, 0, 24, 0xffffff);
	v[128] = 0x7f;
	v[132] = 'z';
}

void gold_val(int i, unsigned char val[GOLD_VAL_SIZE])
{
	memset(val, 0, GOLD_VAL_SIZE);
	if (i)
		gold_val1(val);
	else
		gold_val0(val);
}

void gold_pcv(int cpu, unsigned char val[GOLD_PCV_SIZE])
{
	memset(val, 0, GOLD_PCV_SIZE);
	PUT(val, 0, unsigned int, cpu + 1);
	val[4] = 'c';
	val[5] = (unsigned char)('0' + cpu % 10);
}

void gold_data(unsigned char val[GOLD_DATA_SIZE])
{
	memset(val, 0, GOLD_DATA_SIZE);
	PUT(val, 0, int, 7);
	memcpy(val + 4, "hi", 3);
	PUT(val, 12, unsigned short, 1);
	PUT(val, 14, unsigned short, 2);
	PUT(val, 16, unsigned short, 3);
}

void gold_fl(unsigned char val[GOLD_FL_SIZE])
{
	memset(val, 0, GOLD_FL_SIZE);
	PUT(val, 0, float, 1.5f);
	PUT(val, 8, double, -0.1);
	PUT(val, 16, int, 9);
}

const char *const gold_map_names[GOLD_NR] = {
	[GOLD_H] = "gold_h",
	[GOLD_PCA] = "gold_pca",
	[GOLD_DATA] = "gold_data",
	[GOLD_FL] = "gold_fl",
	[GOLD_PCH] = "gold_pch",
};

static int gold_create(struct gold_maps *m, enum gold_map which, const char *dir,
		       const struct map_create_opts *tmpl)
{
	struct map_create_opts o = *tmpl;
	char path[512];
	int fd, err;

	o.name = gold_map_names[which];
	o.btf_fd = (__u32)m->btf_fd;
	fd = bpf_map_create(&o);
	if (fd < 0)
		return fd;
	m->fd[which] = fd;
	if (dir) {
		snprintf(path, sizeof(path), "%s/%s", dir, o.name);
		err = bpf_obj_pin(fd, path);
		if (err)
			return err;
	}
	return 0;
}

static int gold_fill(struct gold_maps *m)
{
	unsigned char key[GOLD_KEY_SIZE], *val;
	int err = 0, i, cpu, k;
	size_t room = (size_t)m->ncpus * 8 + GOLD_VAL_SIZE;

	val = calloc(1, room);
	if (!val)
		return -ENOMEM;
	for (i = 0; i < 2 && !err; i++) {
		gold_key(i, key);
		gold_val(i, val);
		err = bpf_map_update_elem(m->fd[GOLD_H], key, val, 0);
	}
	memset(val, 0, room);
	for (cpu = 0; cpu < m->ncpus; cpu++)
		gold_pcv(cpu, val + (size_t)cpu * 8);	/* stride: value size rounded up to 8 */
	k = 0;
	if (!err)
		err = bpf_map_update_elem(m->fd[GOLD_PCA], &k, val, 0);
	gold_data(val);
	if (!err)
		err = bpf_map_update_elem(m->fd[GOLD_DATA], &k, val, 0);
	gold_fl(val);
	k = 1;
	if (!err)
		err = bpf_map_update_elem(m->fd[GOLD_FL], &k, val, 0);
	memset(val, 0, room);
	PUT(val, 0, int, -1);
	if (m->ncpus > 1)
		PUT(val, 8, int, 3);
	k = 5;
	if (!err)
		err = bpf_map_update_elem(m->fd[GOLD_PCH], &k, val, 0);
	free(val);
	return err;
}

static int gold_ids_of(struct gold_maps *m)
{
	int i;

	for (i = 0; i < GOLD_NR; i++) {
		struct bpf_map_info info;
		__u32 len = sizeof(info);
		int err;

		memset(&info, 0, sizeof(info));
		err = bpf_obj_get_info_by_fd(m->fd[i], &info, &len);
		if (err)
			return err;
		m->id[i] = info.id;
		m->btf_id = info.btf_id;
	}
	return 0;
}

int gold_maps_create(struct gold_maps *m, const char *dir)
{
	const struct gold_ids *g = &m->ids;
	struct map_create_opts o[GOLD_NR] = {
		[GOLD_H] = { .map_type = BPF_MAP_TYPE_HASH, .key_size = GOLD_KEY_SIZE,
			     .value_size = GOLD_VAL_SIZE, .max_entries = 4,
			     .map_flags = BPF_F_ZERO_SEED },
		[GOLD_PCA] = { .map_type = BPF_MAP_TYPE_PERCPU_ARRAY, .key_size = 4,
			       .value_size = GOLD_PCV_SIZE, .max_entries = 2 },
		[GOLD_DATA] = { .map_type = BPF_MAP_TYPE_ARRAY, .key_size = 4,
				.value_size = GOLD_DATA_SIZE, .max_entries = 1 },
		[GOLD_FL] = { .map_type = BPF_MAP_TYPE_HASH, .key_size = 4,
			      .value_size = GOLD_FL_SIZE, .max_entries = 2 },
		[GOLD_PCH] = { .map_type = BPF_MAP_TYPE_PERCPU_HASH, .key_size = 4,
			       .value_size = 4, .max_entries = 2 },
	};
	struct btfb b;
	void *blob;
	size_t size;
	int i, err = 0;

	memset(m, 0, sizeof(*m));
	for (i = 0; i < GOLD_NR; i++)
		m->fd[i] = -1;
	m->ncpus = cpus_possible();
	if (m->ncpus <= 0)
		return m->ncpus ? m->ncpus : -EINVAL;
	gold_btf(&b, &m->ids);
	blob = btfb_blob(&b, &size);
	btfb_free(&b);
	m->btf_fd = bpf_btf_load(blob, (__u32)size, NULL, 0);
	free(blob);
	if (m->btf_fd < 0)
		return m->btf_fd;
	o[GOLD_H].btf_key_type_id = g->gkey;
	o[GOLD_H].btf_value_type_id = g->gval;
	o[GOLD_PCA].btf_key_type_id = g->t_int;
	o[GOLD_PCA].btf_value_type_id = g->pcv;
	o[GOLD_DATA].btf_value_type_id = g->datasec;	/* key type 0: only for a DATASEC */
	o[GOLD_FL].btf_key_type_id = g->t_int;
	o[GOLD_FL].btf_value_type_id = g->fl;
	o[GOLD_PCH].btf_key_type_id = g->t_int;
	o[GOLD_PCH].btf_value_type_id = g->t_int;
	for (i = 0; i < GOLD_NR && !err; i++)
		err = gold_create(m, i, dir, &o[i]);
	if (!err)
		err = gold_fill(m);
	if (!err)
		err = gold_ids_of(m);
	return err;
}

void gold_maps_close(struct gold_maps *m)
{
	int i;

	for (i = 0; i < GOLD_NR; i++)
		if (m->fd[i] >= 0)
			close(m->fd[i]);
	if (m->btf_fd >= 0)
		close(m->btf_fd);
	m->btf_fd = -1;
}

char *gold_file(const char *name)
{
	char path[512];
	char *buf;
	FILE *f;
	long n;

	snprintf(path, sizeof(path), "test/golden/btf/%s", name);
	f = fopen(path, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	buf = malloc((size_t)n + 1);
	if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
		free(buf);
		buf = NULL;
	}
	if (buf)
		buf[n] = 0;
	fclose(f);
	return buf;
}

/* upstream's print_entry_json() for a map with BTF: hex first, "formatted" last. */
static void gold_json_entry(struct json *j, const struct btf *btf,
			    const struct bpf_map_info *info, const struct gold_entry *e,
			    unsigned int ncpus)
{
	struct btf_entry be;
	__u32 stride = round_up(info->value_size, 8);
	unsigned int cpu;

	btf_entry_init(&be, btf, info, e->key, e->value, ncpus);
	json_start_object(j);
	json_name(j, "key");
	json_hex_bytes(j, e->key, info->key_size);
	if (!ncpus) {
		json_name(j, "value");
		json_hex_bytes(j, e->value, info->value_size);
	} else {
		json_name(j, "values");
		json_start_array(j);
		for (cpu = 0; cpu < ncpus; cpu++) {
			json_start_object(j);
			json_kv_u64(j, "cpu", cpu);
			json_name(j, "value");
			json_hex_bytes(j, (const unsigned char *)e->value + (size_t)cpu * stride,
				       info->value_size);
			json_end_object(j);
		}
		json_end_array(j);
	}
	btf_dump_formatted(j, &be);
	json_end_object(j);
}

char *gold_doc(const struct btf *btf, const struct bpf_map_info *info,
	       const struct gold_entry *ents, int n, unsigned int ncpus, enum gold_mode mode,
	       bool lookup)
{
	struct sink s;
	struct json j;
	int i;

	sink_init_mem(&s);
	/* plain BTF mode is always the pretty layout (upstream's get_btf_writer()) */
	json_init(&j, &s, mode != GOLD_JSON);
	if (!lookup)
		json_start_array(&j);
	for (i = 0; i < n; i++) {
		if (mode == GOLD_PLAIN) {
			struct btf_entry be;

			btf_entry_init(&be, btf, info, ents[i].key, ents[i].value, ncpus);
			btf_dump_entry(&j, &be, true);
		} else {
			gold_json_entry(&j, btf, info, &ents[i], ncpus);
		}
	}
	if (!lookup)
		json_end_array(&j);
	json_finish(&j);
	*sink_reserve(&s, 1) = 0;
	return s.buf;	/* the memory sink's buffer: the caller frees it */
}

int gold_struct_ops_create(const char *dir, int *btf_fd)
{
	struct map_create_opts o = {
		.map_type = BPF_MAP_TYPE_STRUCT_OPS, .key_size = 4, .max_entries = 1,
		.name = "gold_so",
	};
	struct gold_ids ids;
	struct btf *vmlinux;
	struct btfb b;
	void *blob;
	size_t size;
	char path[512];
	int id, err, fd;

	*btf_fd = -1;
	vmlinux = btf_load_vmlinux(&err);
	if (!vmlinux)
		return err;
	id = btf_find_by_name_kind(vmlinux, "bpf_struct_ops_tcp_congestion_ops", BTF_KIND_STRUCT);
	if (id > 0)
		err = btf_type_size(vmlinux, (__u32)id, &o.value_size);
	btf_free(vmlinux);
	if (id < 0 || err)
		return id < 0 ? id : err;
	o.btf_vmlinux_value_type_id = (__u32)id;
	gold_btf(&b, &ids);
	blob = btfb_blob(&b, &size);
	btfb_free(&b);
	*btf_fd = bpf_btf_load(blob, (__u32)size, NULL, 0);
	free(blob);
	if (*btf_fd < 0)
		return *btf_fd;
	o.btf_fd = (__u32)*btf_fd;
	fd = bpf_map_create(&o);
	if (fd < 0 || !dir)
		return fd;
	snprintf(path, sizeof(path), "%s/gold_so", dir);
	err = bpf_obj_pin(fd, path);
	if (err) {
		close(fd);
		return err;
	}
	return fd;
}

int gold_dup_create(struct gold_maps *m, const char *dir, const char *name, int fds[2])
{
	struct map_create_opts o = {
		.map_type = BPF_MAP_TYPE_ARRAY, .key_size = 4, .value_size = 4, .max_entries = 2,
		.name = name, .btf_fd = (__u32)m->btf_fd,
		.btf_key_type_id = m->ids.t_int, .btf_value_type_id = m->ids.t_uint,
	};
	char path[512];
	int i, err = 0;

	fds[0] = fds[1] = -1;
	for (i = 0; i < 2 && !err; i++) {
		__u32 k = 1, v = 40 + (__u32)i;

		fds[i] = bpf_map_create(&o);
		if (fds[i] < 0)
			return fds[i];
		err = bpf_map_update_elem(fds[i], &k, &v, 0);
		if (!err && dir) {
			snprintf(path, sizeof(path), "%s/gold_dup%d", dir, i);
			err = bpf_obj_pin(fds[i], path);
		}
	}
	return err;
}

/*
 * struct kinds (96 bytes, 16-aligned):
 *   int *restrict rp; int __tag("user") *tp; struct opaque *fp; int (*fn)(int a, char b);
 *   enum sbig sbig, sbig2 (signed, 64-bit); __int128 s128;
 *   union { unsigned int a; unsigned short b; }; unsigned char m[2][3]; char s2[2][4];
 *   _Bool bits[2]; struct empty {} empty; int tail[0]; signed char sc; int __tag tagged;
 */
static __u32 gold_kinds_btf(struct btfb *b)
{
	__u32 t_int, t_uint, t_char, t_uchar, t_ushort, t_bool, t_s128, t_schar;
	__u32 rp, tp, fwd, proto, fnp, sbig, anon, m23, s24, b2, empty, tail, tagged, kinds;

	btfb_init(b);
	t_int = btfb_int(b, "int", 4, BTF_INT_SIGNED, 32, 0);
	t_uint = btfb_int(b, "unsigned int", 4, 0, 32, 0);
	t_char = btfb_int(b, "char", 1, BTF_INT_SIGNED, 8, 0);
	t_uchar = btfb_int(b, "unsigned char", 1, 0, 8, 0);
	t_ushort = btfb_int(b, "unsigned short", 2, 0, 16, 0);
	t_bool = btfb_int(b, "_Bool", 1, BTF_INT_BOOL, 8, 0);
	t_s128 = btfb_int(b, "__int128", 16, BTF_INT_SIGNED, 128, 0);
	t_schar = btfb_int(b, "signed char", 1, BTF_INT_SIGNED, 8, 0);
	rp = btfb_restrict(b, btfb_ptr(b, t_int));
	tp = btfb_ptr(b, btfb_type_tag(b, "user", t_int));
	fwd = btfb_ptr(b, btfb_fwd(b, "opaque", 0));
	proto = btfb_func_proto(b, t_int);
	btfb_param(b, "a", t_int);
	btfb_param(b, "b", t_char);
	btfb_func(b, "kinds_fn", proto, BTF_FUNC_GLOBAL);
	fnp = btfb_ptr(b, proto);
	sbig = btfb_enum64(b, "sbig", 8, 1);
	btfb_enum64_val(b, "NEGBIG", (__u64)-5LL);
	btfb_enum64_val(b, "ZERO", 0);
	anon = btfb_union(b, NULL, 4);
	btfb_member(b, "a", t_uint, 0, 0);
	btfb_member(b, "b", t_ushort, 0, 0);
	m23 = btfb_array(b, btfb_array(b, t_uchar, t_uint, 3), t_uint, 2);
	s24 = btfb_array(b, btfb_array(b, t_char, t_uint, 4), t_uint, 2);
	b2 = btfb_array(b, t_bool, t_uint, 2);
	empty = btfb_struct(b, "empty", 0);
	tail = btfb_array(b, t_int, t_uint, 0);
	tagged = btfb_type_tag(b, "user", t_int);
	kinds = btfb_struct(b, "kinds", GOLD_KINDS_SIZE);
	btfb_member(b, "rp", rp, 0, 0);
	btfb_member(b, "tp", tp, 64, 0);
	btfb_member(b, "fp", fwd, 128, 0);
	btfb_member(b, "fn", fnp, 192, 0);
	btfb_member(b, "sbig", sbig, 256, 0);
	btfb_member(b, "sbig2", sbig, 320, 0);
	btfb_member(b, "s128", t_s128, 384, 0);
	btfb_member(b, NULL, anon, 512, 0);
	btfb_member(b, "m", m23, 544, 0);
	btfb_member(b, "s2", s24, 592, 0);
	btfb_member(b, "bits", b2, 656, 0);
	btfb_member(b, "empty", empty, 672, 0);
	btfb_member(b, "tail", tail, 672, 0);
	btfb_member(b, "sc", t_schar, 672, 0);
	btfb_member(b, "tagged", tagged, 704, 0);
	btfb_decl_tag(b, "on_struct", kinds, -1);
	btfb_decl_tag(b, "on_member", kinds, 0);
	return kinds;
}

void gold_kinds_val(unsigned char val[GOLD_KINDS_SIZE])
{
	static const unsigned char m[6] = { 1, 2, 3, 4, 5, 6 };

	memset(val, 0, GOLD_KINDS_SIZE);
	PUT(val, 0, unsigned long long, 0x1000);
	PUT(val, 16, unsigned long long, ~0ULL);
	PUT(val, 24, unsigned long long, 0xffffffff81000000ULL);
	PUT(val, 32, long long, -5);
	PUT(val, 40, long long, -6);
	memset(val + 48, 0xff, 16);	/* -1 */
	PUT(val, 64, unsigned int, 0x00020001);
	memcpy(val + 68, m, sizeof(m));
	memcpy(val + 74, "ab\0\0cd\0\0", 8);
	val[82] = 1;
	val[84] = 0xff;	/* -1 */
	PUT(val, 88, int, 42);
}

int gold_kinds_create(const char *dir, int *btf_fd)
{
	struct map_create_opts o = {
		.map_type = BPF_MAP_TYPE_HASH, .key_size = 4, .value_size = GOLD_KINDS_SIZE,
		.max_entries = 2, .name = "gold_kinds", .btf_key_type_id = 1,
	};
	unsigned char val[GOLD_KINDS_SIZE];
	struct btfb b;
	char path[512];
	void *blob;
	size_t size;
	int fd, err, k = 1;

	o.btf_value_type_id = gold_kinds_btf(&b);
	blob = btfb_blob(&b, &size);
	btfb_free(&b);
	*btf_fd = bpf_btf_load(blob, (__u32)size, NULL, 0);
	free(blob);
	if (*btf_fd < 0)
		return *btf_fd;
	o.btf_fd = (__u32)*btf_fd;
	fd = bpf_map_create(&o);
	if (fd < 0)
		return fd;
	gold_kinds_val(val);
	err = bpf_map_update_elem(fd, &k, val, 0);
	if (!err && dir) {
		snprintf(path, sizeof(path), "%s/gold_kinds", dir);
		err = bpf_obj_pin(fd, path);
	}
	if (err) {
		close(fd);
		return err;
	}
	return fd;
}
