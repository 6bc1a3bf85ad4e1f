// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Map entries with their BTF types (dump, lookup, peek): "formatted" in JSON mode, and the
 * entries of plain BTF mode's JSON-like document. No syscalls: the command loads the BTF.
 */
#include "print_btf.h"

void elem_fmt_set_btf(struct elem_fmt *f, struct btf_entry *tmpl, const struct btf *btf,
		      const struct bpf_map_info *info)
{
	f->btf = NULL;
	if (!btf)
		return;
	btf_entry_init(tmpl, btf, info, NULL, NULL, f->per_cpu ? (unsigned int)f->ncpus : 0);
	f->btf = tmpl;
}

void elem_btf_formatted(struct json *j, const struct btf_entry *tmpl, const void *key,
			const void *value)
{
	struct btf_entry e = *tmpl;

	e.key = key;
	e.value = value;
	btf_dump_formatted(j, &e);
}

void elem_btf_plain(struct json *j, const struct elem_fmt *f, const void *key,
		    const void *value)
{
	struct btf_entry e;

	if (f->btf) {
		e = *f->btf;
		e.key = key;
		e.value = value;
		if (!btf_entry_check(&e)) {
			/* an error here cut the entry short where upstream does: it is closed */
			btf_dump_entry(j, &e, true);
			return;
		}
	}
	elem_json(j, f, key, value);
}

void elem_btf_error(struct json *j, const struct elem_fmt *f, const void *key, int err)
{
	struct errtext et;
	struct btf_entry e;
	bool typed = false;

	if (f->btf) {
		e = *f->btf;
		e.key = key;
		typed = e.key_type_id && !btf_entry_check(&e);
	}
	json_start_object(j);
	json_name(j, "key");
	if (typed)
		btf_dump_value(j, e.btf, e.key_type_id, key, e.key_size, true);
	else
		json_hex_bytes(j, key, f->key_size);
	json_name(j, "value");
	json_start_object(j);
	json_kv_string(j, "error", elem_error_text(f, err, &et));
	json_end_object(j);
	json_end_object(j);
}
