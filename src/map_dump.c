// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * `map dump`: every element of one map, or of each map a name matches: plain hex, JSON, or
 * for maps with BTF their typed values (plain BTF mode's document, JSON's "formatted").
 */
#include <errno.h>
#include <net/if.h>
#include <stdlib.h>
#include <string.h>

#include "btf.h"
#include "errstr.h"
#include "handle.h"
#include "map_cmd.h"
#include "map_elem.h"
#include "mapdesc.h"
#include "mapwalk.h"
#include "names.h"
#include "out.h"
#include "print_btf.h"
#include "print_elem.h"
#include "print_map.h"

/*
 * What to use instead, for the map types whose elements cannot be walked (their
 * get_next_key fails): upstream ends such a dump silently with "Found 0 elements" and a
 * failing status (libbpf/bpftool#103). Plain mode only: the JSON document stays upstream's.
 */
static void explain_unwalkable(const struct bpf_map_info *info, int err)
{
	const char *t = map_type_name(info->type);

	switch (info->type) {
	case BPF_MAP_TYPE_QUEUE:
	case BPF_MAP_TYPE_STACK:
		p_err("can't dump a %s map: its values have no keys to walk; use 'peek' to read "
		      "the next value, 'pop' or 'dequeue' to take it out", t);
		break;
	case BPF_MAP_TYPE_RINGBUF:
		p_err("can't dump a ringbuf map: it is a stream of records, not keyed elements; "
		      "read it with 'event_pipe'");
		break;
	case BPF_MAP_TYPE_USER_RINGBUF:
		p_err("can't dump a user_ringbuf map: user space writes records into it for BPF "
		      "programs to consume, there are no elements to read");
		break;
	case BPF_MAP_TYPE_BLOOM_FILTER:
		p_err("can't dump a bloom_filter map: it keeps only hashes of its values, so "
		      "nothing can list them ('push' adds a value)");
		break;
	case BPF_MAP_TYPE_ARENA:
		p_err("can't dump an arena map: it is memory shared with BPF programs, not keyed "
		      "elements");
		break;
	case BPF_MAP_TYPE_SK_STORAGE:
	case BPF_MAP_TYPE_INODE_STORAGE:
	case BPF_MAP_TYPE_TASK_STORAGE:
	case BPF_MAP_TYPE_CGRP_STORAGE:
		p_err("can't dump a %s map: its elements belong to sockets, inodes, tasks or "
		      "cgroups and cannot be walked from user space", t);
		break;
	default:
		p_err("can't get next key: %s", errstr(err).s);
		break;
	}
}

static void walk_warnings(const struct map_walk *w, unsigned long long shown)
{
	if (w->restarted)
		p_info("Warning: the map changed during the dump and the kernel restarted its "
		       "walk; stopped there, so later elements may be missing");
	else if (w->bounded)
		p_info("Warning: the map changed during the dump faster than it could be read; "
		       "stopped after %llu elements", shown);
}

/*
 * What a dump writes into: the JSON document (JSON mode), plain BTF mode's document (on
 * stdout too), or NULL for plain hex; and the vmlinux BTF its struct_ops maps share.
 */
struct dump {
	struct json *j;
	struct btf *vmlinux;
	bool batch;
};

/* Renders one chunk; returns how many entries it counted for "Found N". */
static unsigned long long render_chunk(const struct map_walk *w, const struct elem_fmt *f,
				       struct json *j, __u32 n)
{
	unsigned long long found = 0;
	__u32 i;

	for (i = 0; i < n; i++) {
		const void *key = map_walk_key(w, i);
		int err = w->chunk_errs ? w->errs[i] : 0;

		if (err) {
			if (!elem_error_shown(f, err))
				continue;
			if (g_out.json)
				elem_error_json(j, f, key, err);
			else if (!j)
				elem_error_plain(so(), f, key, err);
			else
				elem_btf_error(j, f, key, err);
			continue;
		}
		if (g_out.json)
			elem_json(j, f, key, map_walk_value(w, i));
		else if (!j)
			elem_plain(so(), f, key, map_walk_value(w, i));
		else
			elem_btf_plain(j, f, key, map_walk_value(w, i));
		found++;
	}
	return found;
}

static int dump_one(struct dump *d, const struct map_fd *m, bool header)
{
	const struct bpf_map_info *info = &m->info;
	unsigned long long found = 0;
	struct btf_entry types;
	struct btf *btf = NULL;
	struct elem_fmt fmt;
	struct map_walk w;
	char ifname[IF_NAMESIZE];
	int ncpus, n;

	ncpus = map_elem_ncpus(info->type);
	if (ncpus < 0)
		return -1;
	elem_fmt_init(&fmt, info, ncpus);
	if (d->j) {
		/* upstream's get_map_kv_btf(), in JSON and plain BTF mode */
		n = map_elem_btf(info, &d->vmlinux, &btf);
		if (n)
			return n;
		elem_fmt_set_btf(&fmt, &types, btf, info);
		if (header) {
			json_start_object(d->j);
			map_header_json(d->j, info);
			json_name(d->j, "elements");
		}
		json_start_array(d->j);
	} else if (header) {
		map_dev_name(info, ifname);
		map_header_plain(so(), info, ifname);
	}
	if (info->type == BPF_MAP_TYPE_REUSEPORT_SOCKARRAY && info->value_size != 8)
		p_info("Warning: cannot read values from reuseport_sockarray map with "
		       "value_size != 8");
	map_walk_open(&w, m->fd, info, ncpus, d->batch);
	while ((n = map_walk_next(&w)) > 0)
		found += render_chunk(&w, &fmt, d->j, (__u32)n);
	if (d->j) {
		json_end_array(d->j);
		if (header)
			json_end_object(d->j);
	} else {
		elem_found_plain(so(), found);
	}
	if (n < 0 && !g_out.json)
		explain_unwalkable(info, n);
	walk_warnings(&w, found);
	map_walk_close(&w);
	if (btf != d->vmlinux)
		btf_free(btf);
	return n;
}

/* A test seam: BPFTOOL_TEST_NO_BATCH=1 walks every map the way upstream does. */
static bool batch_allowed(void)
{
	const char *v = getenv("BPFTOOL_TEST_NO_BATCH");

	return !v || !*v || !strcmp(v, "0");
}

/* Plain mode prints the BTF document only when every map has BTF (upstream's maps_have_btf). */
static bool maps_have_btf(const struct map_fd *m, int n)
{
	int i;

	for (i = 0; i < n; i++)
		if (!m[i].info.btf_id)
			return false;
	return true;
}

int do_map_dump(struct ctx *c, struct args *a)
{
	struct dump d = { .batch = batch_allowed() };
	struct json btfdoc;
	struct map_fd *m;
	struct handle h;
	int n, i, err = 0;

	if (a->argc != 2)
		return map_usage(c);
	if (handle_parse_map(a, &h))
		return -1;
	if (handle_open_maps(c, &h, BPF_F_RDONLY, &m, &n))
		return -1;
	if (g_out.json) {
		d.j = jw();
	} else if (maps_have_btf(m, n)) {
		json_init(&btfdoc, so(), true);	/* always pretty, as upstream's */
		d.j = &btfdoc;
	}
	if (d.j && n > 1)
		json_start_array(d.j);
	for (i = 0; i < n; i++) {
		err = dump_one(&d, &m[i], n > 1);
		if (!d.j && i != n - 1)
			sink_putc(so(), '\n');
		if (err)
			break;
	}
	if (d.j && n > 1)
		json_end_array(d.j);
	if (d.j == &btfdoc)
		json_finish(&btfdoc);
	btf_free(d.vmlinux);
	map_fds_close(m, n);
	return err;
}
