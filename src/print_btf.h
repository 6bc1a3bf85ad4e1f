/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * Map entries with their BTF types (dump, lookup, peek): "formatted" in JSON mode, and the
 * entries of plain BTF mode's JSON-like document. No syscalls: the command loads the BTF.
 */
#ifndef PRINT_BTF_H
#define PRINT_BTF_H

#include <linux/bpf.h>

#include "btf_dump.h"
#include "json.h"
#include "print_elem.h"

/*
 * Gives f the map's BTF types: tmpl (kept by the caller for as long as f) is filled for the
 * map's key and value types, per-CPU slots as f has them; btf NULL (no value type) leaves f
 * without.
 */
void elem_fmt_set_btf(struct elem_fmt *f, struct btf_entry *tmpl, const struct btf *btf,
		      const struct bpf_map_info *info);

/*
 * JSON mode: "formatted":{…} for this key and value, as the last member of the entry object
 * elem_json() is writing; nothing when the types don't fit the sizes (the entry stays hex).
 */
void elem_btf_formatted(struct json *j, const struct btf_entry *tmpl, const void *key,
			const void *value);

/*
 * Plain BTF mode (j: the document on stdout, pretty): {"key": …, "value": …} or per-CPU
 * {"key": …, "values": [{"cpu": N, "value": …},…]} with plain conventions (bare 0x…
 * bitfields, quoted pointers). An entry whose types don't fit, or of a map without a value
 * type, is written as its hex JSON entry: the document stays well-formed.
 */
void elem_btf_plain(struct json *j, const struct elem_fmt *f, const void *key,
		    const void *value);

/*
 * Plain BTF mode, an entry whose value could not be read (err > 0): {"key": …, "value":
 * {"error": "<no entry>"}}, with plain mode's texts. (Upstream printf()s its hex error line
 * into the middle of the document.) The key is formatted when its type fits, else hex.
 */
void elem_btf_error(struct json *j, const struct elem_fmt *f, const void *key, int err);

#endif
