/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* Map entry renderers (dump, lookup, getnext, pop), plain and JSON side by side. No syscalls. */
#ifndef PRINT_ELEM_H
#define PRINT_ELEM_H

#include <stdbool.h>

#include <linux/bpf.h>

#include "errstr.h"
#include "json.h"
#include "sink.h"

struct btf_entry;

/* What the renderers need to know about the map, computed once per map. */
struct elem_fmt {
	__u32 type;
	__u32 key_size;
	__u32 value_size;
	int ncpus;		/* per-CPU maps: slots in a value (possible CPUs) */
	size_t stride;		/* per-CPU maps: bytes per slot, round_up(value_size, 8) */
	bool per_cpu;
	bool map_in_map;	/* the value is an inner map id */
	const struct btf_entry *btf;	/* set: the map's BTF types (print_btf.h), else NULL */
};

void elem_fmt_init(struct elem_fmt *f, const struct bpf_map_info *info, int ncpus);

/*
 * One entry as upstream's print_entry_plain() / print_entry_json(): "key: .. value: ..",
 * per-CPU "value (CPU NN):" blocks, map-in-map "inner_map_id: N "; in JSON, a map with BTF
 * types (f->btf) ends each entry with their "formatted" form.
 */
void elem_plain(struct sink *s, const struct elem_fmt *f, const void *key, const void *value);
void elem_json(struct json *j, const struct elem_fmt *f, const void *key, const void *value);

/*
 * An entry whose value could not be read (err > 0: an errno): plain "value: <no entry>" /
 * "<cannot read>" / the errno text, JSON {"error":"<errno text>"} as the value. Returns false
 * when upstream prints nothing for it (an empty prog_array or map-in-map slot).
 */
bool elem_error_shown(const struct elem_fmt *f, int err);
void elem_error_plain(struct sink *s, const struct elem_fmt *f, const void *key, int err);
void elem_error_json(struct json *j, const struct elem_fmt *f, const void *key, int err);
/* The plain text for such an entry's value: "<no entry>", "<cannot read>" or the errno text. */
const char *elem_error_text(const struct elem_fmt *f, int err, struct errtext *et);

/* lookup's miss: "key:\n<hex>\n\nNot found\n". */
void elem_not_found_plain(struct sink *s, const struct elem_fmt *f, const void *key);

/* getnext: "key:\n<hex>\n" or "key: None\n", then "next key:\n<hex>\n"; JSON object. */
void elem_next_plain(struct sink *s, __u32 key_size, const void *key, const void *next);
void elem_next_json(struct json *j, __u32 key_size, const void *key, const void *next);

/* dump's closing line: "Found N element(s)\n". */
void elem_found_plain(struct sink *s, unsigned long long n);

#endif
