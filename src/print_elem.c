// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* Map entry renderers (dump, lookup, getnext, pop), plain and JSON side by side. No syscalls. */
#include <errno.h>
#include <string.h>

#include "errstr.h"
#include "maptype.h"
#include "out.h"
#include "print_btf.h"
#include "print_elem.h"
#include "util.h"

void elem_fmt_init(struct elem_fmt *f, const struct bpf_map_info *info, int ncpus)
{
	memset(f, 0, sizeof(*f));
	f->type = info->type;
	f->key_size = info->key_size;
	f->value_size = info->value_size;
	f->per_cpu = map_is_per_cpu(info->type);
	f->map_in_map = map_is_map_of_maps(info->type);
	f->ncpus = f->per_cpu ? ncpus : 1;
	f->stride = round_up((size_t)info->value_size, 8);
}

static void put(struct sink *s, const char *lit, size_t n)
{
	sink_write(s, lit, n);
}

#define PUT(s, lit) put(s, lit, sizeof(lit) - 1)

/* "NN" as upstream's %02u. */
static void put_02u(struct sink *s, unsigned int v)
{
	if (v < 10)
		sink_putc(s, '0');
	sink_u64(s, v);
}

static unsigned int inner_id(const void *value)
{
	__u32 id;

	memcpy(&id, value, sizeof(id));
	return id;
}

/*
 * Layout (upstream): names break onto their own line when the key or the value is over 16
 * bytes; the entry is one line when key + value fit in 24 bytes and nothing breaks.
 */
static void plain_kv(struct sink *s, const struct elem_fmt *f, const void *key,
		     const void *value)
{
	bool brk = f->key_size > 16 || f->value_size > 16;
	bool single = f->key_size + f->value_size <= 24 && !brk;

	if (f->key_size) {
		if (brk)
			PUT(s, "key:\n");
		else
			PUT(s, "key: ");
		out_hex(s, key, f->key_size);
		if (single)
			PUT(s, "  ");
		else
			sink_putc(s, '\n');
	}
	if (f->value_size) {
		if (f->map_in_map) {
			if (brk)
				PUT(s, "inner_map_id:\n");
			else
				PUT(s, "inner_map_id: ");
			sink_u64(s, inner_id(value));
			sink_putc(s, ' ');
		} else {
			if (brk)
				PUT(s, "value:\n");
			else
				PUT(s, "value: ");
			out_hex(s, value, f->value_size);
		}
	}
	sink_putc(s, '\n');
}

static void plain_per_cpu(struct sink *s, const struct elem_fmt *f, const void *key,
			  const void *value)
{
	const unsigned char *v = value;
	int i;

	if (f->key_size) {
		PUT(s, "key:\n");
		out_hex(s, key, f->key_size);
		sink_putc(s, '\n');
	}
	if (!f->value_size)
		return;
	for (i = 0; i < f->ncpus; i++) {
		PUT(s, "value (CPU ");
		put_02u(s, (unsigned int)i);
		if (f->value_size > 16)
			PUT(s, "):\n");
		else
			PUT(s, "): ");
		out_hex(s, v + (size_t)i * f->stride, f->value_size);
		sink_putc(s, '\n');
	}
}

void elem_plain(struct sink *s, const struct elem_fmt *f, const void *key, const void *value)
{
	if (f->per_cpu)
		plain_per_cpu(s, f, key, value);
	else
		plain_kv(s, f, key, value);
}

void elem_json(struct json *j, const struct elem_fmt *f, const void *key, const void *value)
{
	json_start_object(j);
	json_kv_hex(j, "key", key, f->key_size);
	if (!f->per_cpu) {
		json_kv_hex(j, "value", value, f->value_size);
		if (f->map_in_map)
			json_kv_u64(j, "inner_map_id", inner_id(value));
	} else {
		json_name(j, "values");
		json_cpu_values(j, value, f->stride, f->ncpus, f->value_size);
	}
	if (f->btf)
		elem_btf_formatted(j, f->btf, key, value);
	json_end_object(j);
}

bool elem_error_shown(const struct elem_fmt *f, int err)
{
	/* an empty slot of a prog_array or map-in-map is simply not there */
	return !(err == ENOENT && (f->map_in_map || map_is_map_of_progs(f->type)));
}

const char *elem_error_text(const struct elem_fmt *f, int err, struct errtext *et)
{
	if (err == ENOENT)
		return "<no entry>";
	if (err == ENOSPC && f->type == BPF_MAP_TYPE_REUSEPORT_SOCKARRAY)
		return "<cannot read>";
	*et = errstr(err);
	return et->s;
}

void elem_error_plain(struct sink *s, const struct elem_fmt *f, const void *key, int err)
{
	struct errtext et;
	const char *msg = elem_error_text(f, err, &et);
	size_t len;
	bool brk, single;

	len = strlen(msg);
	brk = f->key_size > 16 || len > 16;
	single = f->key_size + len <= 24 && !brk;
	if (brk)
		PUT(s, "key:\n");
	else
		PUT(s, "key: ");
	out_hex(s, key, f->key_size);
	if (single)
		PUT(s, "  ");
	else
		sink_putc(s, '\n');
	if (brk)
		PUT(s, "value:\n");
	else
		PUT(s, "value: ");
	put(s, msg, len);
	sink_putc(s, '\n');
}

void elem_error_json(struct json *j, const struct elem_fmt *f, const void *key, int err)
{
	json_start_object(j);
	json_name(j, "key");
	json_hex_bytes(j, key, f->key_size);
	json_name(j, "value");
	json_start_object(j);
	json_kv_string(j, "error", errstr(err).s);
	json_end_object(j);
	json_end_object(j);
}

void elem_not_found_plain(struct sink *s, const struct elem_fmt *f, const void *key)
{
	PUT(s, "key:\n");
	out_hex(s, key, f->key_size);
	PUT(s, "\n\nNot found\n");
}

void elem_next_plain(struct sink *s, __u32 key_size, const void *key, const void *next)
{
	if (key) {
		PUT(s, "key:\n");
		out_hex(s, key, key_size);
		sink_putc(s, '\n');
	} else {
		PUT(s, "key: None\n");
	}
	PUT(s, "next key:\n");
	out_hex(s, next, key_size);
	sink_putc(s, '\n');
}

void elem_next_json(struct json *j, __u32 key_size, const void *key, const void *next)
{
	json_start_object(j);
	json_name(j, "key");
	if (key)
		json_hex_bytes(j, key, key_size);
	else
		json_null(j);
	json_name(j, "next_key");
	json_hex_bytes(j, next, key_size);
	json_end_object(j);
}

void elem_found_plain(struct sink *s, unsigned long long n)
{
	PUT(s, "Found ");
	sink_u64(s, n);
	if (n == 1)
		PUT(s, " element\n");
	else
		PUT(s, " elements\n");
}
