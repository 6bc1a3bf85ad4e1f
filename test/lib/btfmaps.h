/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * Test fixture: the BTF and the entry bytes of the maps whose upstream dumps we pinned
 * (test/golden/btf/), shared by the formatter's unit tests, the kernel tests
 * and the golden dump tests.
 */
#ifndef BTFMAPS_H
#define BTFMAPS_H

#include <stdbool.h>
#include <stddef.h>

#include "btfbuild.h"
#include "btf.h"
#include "sys_bpf.h"

/* Type ids in the gold BTF. */
struct gold_ids {
	__u32 t_int, t_uint, t_char, t_ushort, t_u64, t_bool, t_u128, t_long;
	__u32 t_c4;		/* char[4] */
	__u32 gkey;		/* struct gkey: the hash map's key, 12 bytes */
	__u32 gval;		/* struct gval: its value, 136 bytes */
	__u32 pcv;		/* struct pcv: the percpu_array's value, 8 bytes */
	__u32 datasec;		/* DATASEC ".data", 20 bytes */
	__u32 fl;		/* struct fl: float, double, int; 24 bytes */
};

#define GOLD_KEY_SIZE		12
#define GOLD_VAL_SIZE		136
#define GOLD_PCV_SIZE		8
#define GOLD_DATA_SIZE		20
#define GOLD_FL_SIZE		24

/* Builds the gold BTF into b (initialised here). */
void gold_btf(struct btfb *b, struct gold_ids *ids);

/*
 * Sets nbits bits at bit offset off of buf as the host's bitfields lay them out (little
 * endian: from the least significant bit of byte 0; big endian: from its most significant).
 */
void gold_setbits(void *buf, unsigned int off, unsigned int nbits, unsigned long long v);

/* Entry i (0 or 1) of the hash map "gold_h": key and value. */
void gold_key(int i, unsigned char key[GOLD_KEY_SIZE]);
void gold_val(int i, unsigned char val[GOLD_VAL_SIZE]);
/* CPU cpu's value of slot 0 of the percpu_array "gold_pca". */
void gold_pcv(int cpu, unsigned char val[GOLD_PCV_SIZE]);
/* The one value of the .data array "gold_data". */
void gold_data(unsigned char val[GOLD_DATA_SIZE]);
/* The value of key 1 of "gold_fl". */
void gold_fl(unsigned char val[GOLD_FL_SIZE]);

/* The gold maps, created with the gold BTF, filled, and pinned as DIR/<name>. */
enum gold_map {
	GOLD_H,		/* hash (BPF_F_ZERO_SEED: fixed order), struct gkey -> struct gval */
	GOLD_PCA,	/* percpu_array of 2, int -> struct pcv; slot 0 set on every CPU */
	GOLD_DATA,	/* array of 1, no key type, DATASEC ".data" value */
	GOLD_FL,	/* hash, int -> struct fl (float, double, int) */
	GOLD_PCH,	/* percpu_hash, int -> int: key 5 = -1 on CPU 0, 3 on CPU 1 */
	GOLD_NR,
};

struct gold_maps {
	int btf_fd;
	struct gold_ids ids;
	int fd[GOLD_NR];
	__u32 id[GOLD_NR];	/* map ids */
	__u32 btf_id;
	int ncpus;		/* possible CPUs: per-CPU values */
};

extern const char *const gold_map_names[GOLD_NR];

/* Creates every gold map; returns 0 or -errno (fds < 0 for the ones not created). */
int gold_maps_create(struct gold_maps *m, const char *dir);
void gold_maps_close(struct gold_maps *m);

/*
 * The document upstream's `map dump` (lookup: one entry, not in an array) prints for these
 * entries: plain BTF mode, -j or -p. Per-CPU maps (ncpus > 0) have values ncpus * 8-aligned
 * strides long. The dump and lookup code must produce the same bytes.
 */
enum gold_mode { GOLD_PLAIN, GOLD_JSON, GOLD_PRETTY };

struct gold_entry {
	const void *key;
	const void *value;
};

char *gold_doc(const struct btf *btf, const struct bpf_map_info *info,
	       const struct gold_entry *ents, int n, unsigned int ncpus, enum gold_mode mode,
	       bool lookup);

/*
 * A struct_ops map "gold_so" of vmlinux's bpf_struct_ops_tcp_congestion_ops (the kernel wants
 * some BTF fd even then: the gold BTF's), pinned as DIR/gold_so when dir is set. Returns the
 * fd or -errno; *btf_fd gets the BTF's fd.
 */
int gold_struct_ops_create(const char *dir, int *btf_fd);

/*
 * Two arrays both named name ("gold_dup" in the captures; 2 slots, int -> unsigned int of the
 * gold BTF, slot 1 = 40 and 41), for `map dump name NAME`: pinned as DIR/gold_dup0 and
 * DIR/gold_dup1.
 */
int gold_dup_create(struct gold_maps *m, const char *dir, const char *name, int fds[2]);

/*
 * "gold_kinds": a hash, int -> struct kinds, of its own BTF with what the gold BTF lacks: a
 * restrict pointer, a pointer through a type tag, one to a forward declaration, a function
 * pointer (FUNC_PROTO; a FUNC and two DECL_TAGs sit in the blob too), signed ENUM64s, a
 * signed __int128, an anonymous union, nested arrays (of numbers, of strings), bools, an
 * empty struct, a zero-length array, a signed char, and last a member typed through a
 * TYPE_TAG (where upstream stops with "(unsupported-kind)"). Key 1 holds gold_kinds_val().
 * Pinned as DIR/gold_kinds when dir is set. Returns the map's fd or -errno; *btf_fd gets
 * the BTF's.
 */
#define GOLD_KINDS_SIZE 96
void gold_kinds_val(unsigned char val[GOLD_KINDS_SIZE]);
int gold_kinds_create(const char *dir, int *btf_fd);

/* The contents of test/golden/btf/NAME (run from the source tree's root), NUL-terminated. */
char *gold_file(const char *name);

#endif
