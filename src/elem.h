/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* Element words: DATA bytes ("[hex] B1 B2 ...") and the key/value/flags around them. Pure. */
#ifndef ELEM_H
#define ELEM_H

#include <stdbool.h>

#include <linux/bpf.h>

#include "args.h"
#include "handle.h"

/* What a command takes, from the map's info. */
struct elem_spec {
	__u32 map_type;
	__u32 key_size;
	/*
	 * The value's byte count for update; 0 for the commands that take no value (then a
	 * value is "unnecessary", as upstream words it).
	 */
	__u32 value_size;
	bool want_key;		/* a key must be given */
	bool want_value;	/* a value must be given */
	bool want_flags;	/* any/exist/noexist are accepted */
};

enum elem_value_kind {
	ELEM_VALUE_DATA,	/* bytes, in value[] */
	ELEM_VALUE_MAP,		/* a MAP selector in ref: its fd is the value */
	ELEM_VALUE_PROG,	/* a PROG selector in ref: its fd is the value */
};

struct elem {
	__u8 *key;		/* the caller's buffer: key_size bytes */
	__u8 *value;		/* the caller's buffer: value_size bytes */
	__u64 flags;		/* BPF_ANY (default), BPF_NOEXIST or BPF_EXIST */
	enum elem_value_kind kind;
	struct handle ref;	/* the map or program named as the value */
};

/*
 * One byte: decimal, 0x hex or leading-0 octal (hex: base 16, optional 0x), an optional
 * sign and leading blanks as strtoul() takes them; "" is 0, as upstream. -1 .. -128 are
 * two's complement bytes. Returns 0, -EINVAL (not a number) or -ERANGE (not a byte).
 */
int elem_parse_byte(const char *tok, bool hex, __u8 *out);

/*
 * "[hex] B1 ... Bn": exactly n bytes into buf; what names them in messages ("key").
 * Reports errors with p_err() and returns -1.
 */
int elem_parse_data(struct args *a, const char *what, __u8 *buf, __u32 n);

/*
 * The words after MAP, in any order, as upstream's parse_elem(): "key DATA",
 * "value VALUE" (DATA, or a MAP / PROG selector for map-in-map and prog_array maps),
 * "any" / "noexist" / "exist". Consumes all words; reports the first problem with
 * p_err() and returns -1. Opens nothing: a value selector is left in e->ref.
 */
int elem_parse(struct args *a, const struct elem_spec *s, struct elem *e);

/* Copies the first value_size bytes into each of ncpus slots of round_up(value_size, 8). */
void elem_fill_per_cpu(__u8 *value, __u32 value_size, int ncpus);

#endif
