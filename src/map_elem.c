// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* Element commands: update/push/enqueue, lookup/peek, getnext, delete, pop/dequeue. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "btf.h"
#include "cpus.h"
#include "elem.h"
#include "errstr.h"
#include "handle.h"
#include "map_cmd.h"
#include "map_elem.h"
#include "maptype.h"
#include "names.h"
#include "out.h"
#include "print_btf.h"
#include "print_elem.h"
#include "sys_bpf.h"
#include "util.h"

int map_elem_ncpus(__u32 map_type)
{
	int n;

	if (!map_is_per_cpu(map_type))
		return 1;
	n = cpus_possible();
	if (n <= 0) {
		p_err("Can't get # of possible cpus: %s (is /sys mounted?)",
		      errstr(n ? n : -EINVAL).s);
		return -1;
	}
	return n;
}

int map_elem_btf(const struct bpf_map_info *info, struct btf **vmlinux, struct btf **btf)
{
	int err;

	*btf = btf_load_for_map_shared(info, vmlinux, &err);
	if (!err)
		return 0;
	if (!info->btf_vmlinux_value_type_id) {
		p_err("failed to get btf");
		return err;
	}
	p_err("failed to get kernel btf");
	/* libbpf_find_kernel_btf()'s "found nothing", and so upstream's exit status */
	return err == -ENOENT ? -ESRCH : err;
}

/* The key and value buffers of one element; zeroed, so no byte the kernel sees is stale. */
struct kv {
	int fd;
	struct bpf_map_info info;
	struct elem_fmt fmt;
	__u8 *key;
	__u8 *value;
	size_t value_len;	/* per-CPU maps: a slot per possible CPU */
	/* small keys and values live here: a one-key lookup then allocates nothing */
	__u8 small[256] __attribute__((aligned(8)));
};

static int kv_open(struct ctx *c, struct args *a, __u32 open_flags, struct kv *kv)
{
	size_t voff;
	int ncpus;

	kv->key = kv->value = NULL;
	kv->fd = map_parse_open(c, a, open_flags, &kv->info);
	if (kv->fd < 0)
		return -1;
	ncpus = map_elem_ncpus(kv->info.type);
	if (ncpus < 0) {
		close(kv->fd);
		kv->fd = -1;
		return -1;
	}
	elem_fmt_init(&kv->fmt, &kv->info, ncpus);
	kv->value_len = map_is_per_cpu(kv->info.type) ? kv->fmt.stride * (size_t)ncpus :
							 kv->info.value_size;
	voff = round_up((size_t)kv->info.key_size, 8);
	if (voff + kv->value_len <= sizeof(kv->small)) {
		memset(kv->small, 0, sizeof(kv->small));
		kv->key = kv->small;
		kv->value = kv->small + voff;
	} else {
		kv->key = xcalloc(kv->info.key_size, 1);
		kv->value = xcalloc(kv->value_len, 1);
	}
	return 0;
}

static void kv_close(struct kv *kv)
{
	if (kv->fd >= 0)
		close(kv->fd);
	if (kv->key != kv->small) {
		free(kv->key);
		free(kv->value);
	}
}

/* upstream passes NULL for a zero-sized key or value (alloc_key_value()) */
static void *key_arg(const struct kv *kv)
{
	return kv->info.key_size ? kv->key : NULL;
}

static void *value_arg(const struct kv *kv)
{
	return kv->info.value_size ? kv->value : NULL;
}

/* lookup, peek, pop: the entry, typed with the map's BTF when it has some (not the miss) */
static int print_entry(struct kv *kv)
{
	struct btf *btf, *vmlinux = NULL;
	struct btf_entry types;
	struct json doc;
	int err;

	err = map_elem_btf(&kv->info, &vmlinux, &btf);
	if (err)
		return err;	/* upstream exits 0 here, after its error */
	elem_fmt_set_btf(&kv->fmt, &types, btf, &kv->info);
	if (g_out.json) {
		elem_json(jw(), &kv->fmt, kv->key, kv->value);
	} else if (btf) {
		json_init(&doc, so(), true);	/* always pretty, as upstream's */
		elem_btf_plain(&doc, &kv->fmt, kv->key, kv->value);
		json_finish(&doc);
	} else {
		elem_plain(so(), &kv->fmt, kv->key, kv->value);
	}
	kv->fmt.btf = NULL;
	if (btf != vmlinux)
		btf_free(btf);
	btf_free(vmlinux);
	return 0;
}

/* ---- update, push, enqueue ------------------------------------------------------------- */

/* The fd a MAP or PROG value names; the kernel stores what it refers to. */
static int open_value_ref(struct ctx *c, const struct elem *e)
{
	struct bpf_prog_info pinfo;

	if (e->kind == ELEM_VALUE_MAP)
		return handle_open_map(c, &e->ref, 0, NULL);
	if (e->ref.kind == HANDLE_ID)
		p_info("Warning: updating program array via MAP_ID, make sure this map is kept "
		       "open\n         by some process or pinned otherwise update will be lost");
	return handle_open_prog(c, &e->ref, &pinfo);
}

int do_map_update(struct ctx *c, struct args *a)
{
	struct elem_spec spec = { 0 };
	struct elem e = { 0 };
	struct kv kv;
	int err, ref = -1;
	__u32 fdval;

	if (a->argc < 2)
		return map_usage(c);
	if (kv_open(c, a, 0, &kv))
		return -1;
	spec.map_type = kv.info.type;
	spec.key_size = kv.info.key_size;
	spec.value_size = kv.info.value_size;
	spec.want_key = kv.info.key_size > 0;
	spec.want_value = kv.info.value_size > 0;
	spec.want_flags = true;
	e.key = kv.key;
	e.value = kv.value;
	err = elem_parse(a, &spec, &e);
	if (err)
		goto out;
	if (e.kind != ELEM_VALUE_DATA) {
		ref = open_value_ref(c, &e);
		if (ref < 0) {
			err = -1;
			goto out;
		}
		fdval = (__u32)ref;
		memcpy(kv.value, &fdval, sizeof(fdval));
	} else if (map_is_per_cpu(kv.info.type)) {
		elem_fill_per_cpu(kv.value, kv.info.value_size, kv.fmt.ncpus);
	}
	err = bpf_map_update_elem(kv.fd, key_arg(&kv), value_arg(&kv), e.flags);
	if (err) {
		p_err("update failed: %s", errstr(err).s);
		goto out;
	}
	if (g_out.json)
		json_null(jw());
out:
	if (ref >= 0)
		close(ref);
	kv_close(&kv);
	return err;
}

/*
 * The start lookup and delete share: the usage check, the map, and its key words. A key
 * is required where the map has one, and with key_always even on a key-less map (upstream's
 * delete). Closes kv itself when it fails.
 */
static int kv_open_key(struct ctx *c, struct args *a, __u32 open_flags, bool key_always,
		       struct kv *kv)
{
	struct elem_spec spec = { 0 };
	struct elem e = { 0 };

	if (a->argc < 2)
		return map_usage(c);
	if (kv_open(c, a, open_flags, kv))
		return -1;
	spec.map_type = kv->info.type;
	spec.key_size = kv->info.key_size;
	spec.want_key = key_always || kv->info.key_size > 0;
	e.key = kv->key;
	if (elem_parse(a, &spec, &e)) {
		kv_close(kv);
		return -1;
	}
	return 0;
}

/* ---- lookup, peek ---------------------------------------------------------------------- */

int do_map_lookup(struct ctx *c, struct args *a)
{
	struct kv kv;
	int err;

	/* peek is this command too: key-less maps take no key */
	if (kv_open_key(c, a, BPF_F_RDONLY, false, &kv))
		return -1;
	err = bpf_map_lookup_elem(kv.fd, key_arg(&kv), value_arg(&kv), 0);
	if (err == -ENOENT) {
		if (g_out.json)
			json_null(jw());
		else
			elem_not_found_plain(so(), &kv.fmt, kv.key);
	} else if (err) {
		p_err("lookup failed: %s", errstr(err).s);
	} else {
		err = print_entry(&kv);
	}
	kv_close(&kv);
	return err;
}

/* ---- getnext --------------------------------------------------------------------------- */

int do_map_getnext(struct ctx *c, struct args *a)
{
	struct elem_spec spec = { 0 };
	struct elem e = { 0 };
	struct kv kv;
	__u8 *next;
	void *key = NULL;
	int err;

	if (a->argc < 2)
		return map_usage(c);
	if (kv_open(c, a, BPF_F_RDONLY, &kv))
		return -1;
	next = xcalloc(kv.info.key_size, 1);
	if (!args_empty(a)) {
		/* as upstream, a key is required once anything follows MAP, even a 0-byte one */
		spec.map_type = kv.info.type;
		spec.key_size = kv.info.key_size;
		spec.want_key = true;
		e.key = kv.key;
		err = elem_parse(a, &spec, &e);
		if (err)
			goto out;
		key = kv.key;
	}
	err = bpf_map_get_next_key(kv.fd, key, next);
	if (err) {
		p_err("can't get next key: %s", errstr(err).s);
		goto out;
	}
	if (g_out.json)
		elem_next_json(jw(), kv.info.key_size, key, next);
	else
		elem_next_plain(so(), kv.info.key_size, key, next);
out:
	free(next);
	kv_close(&kv);
	return err;
}

/* ---- delete ---------------------------------------------------------------------------- */

int do_map_delete(struct ctx *c, struct args *a)
{
	struct kv kv;
	int err;

	if (kv_open_key(c, a, 0, true, &kv))
		return -1;
	err = bpf_map_delete_elem(kv.fd, kv.key);
	if (err) {
		p_err("delete failed: %s", errstr(err).s);
		goto out;
	}
	if (g_out.json)
		json_null(jw());
out:
	kv_close(&kv);
	return err;
}

/* ---- pop, dequeue ---------------------------------------------------------------------- */

/*
 * Upstream passes an uninitialised key buffer of key_size bytes here, so on a hash map
 * its pop deletes whatever key the garbage happens to match. We take elements out of
 * queues and stacks only, which is what pop and dequeue are for.
 */
static int pop(struct ctx *c, struct args *a, const char *verb)
{
	const char *type;
	struct kv kv;
	int err;

	if (a->argc < 2)
		return map_usage(c);
	if (kv_open(c, a, 0, &kv))
		return -1;
	/* words after MAP are ignored, as upstream */
	if (!map_is_queue_stack(kv.info.type)) {
		type = map_type_name(kv.info.type);
		if (type)
			p_err("'%s' takes elements out of queue and stack maps only, not %s maps: "
			      "use 'lookup' and 'delete' with a key", verb, type);
		else
			p_err("'%s' takes elements out of queue and stack maps only, not maps of "
			      "type %u: use 'lookup' and 'delete' with a key", verb, kv.info.type);
		err = -1;
		goto out;
	}
	err = bpf_map_lookup_and_delete_elem(kv.fd, NULL, value_arg(&kv));
	if (err == -ENOENT) {
		if (g_out.json)
			json_null(jw());
		else
			sink_puts(so(), "Error: empty map\n");	/* upstream: stdout */
	} else if (err) {
		p_err("pop failed: %s", errstr(err).s);
	} else {
		err = print_entry(&kv);
	}
out:
	kv_close(&kv);
	return err;
}

int do_map_pop(struct ctx *c, struct args *a)
{
	return pop(c, a, "pop");
}

int do_map_dequeue(struct ctx *c, struct args *a)
{
	return pop(c, a, "dequeue");
}
