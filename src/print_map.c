// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* Map renderers, plain and JSON side by side. No syscalls here: the data comes gathered. */
#include <string.h>

#include "names.h"
#include "print_map.h"

/* ---- shared by map and program listings ---- */

void obj_dev_plain(struct sink *s, __u32 ifindex, __u64 ns_dev, __u64 ns_ino, const char *ifname)
{
	if (!ifindex)
		return;
	sink_puts(s, "  offloaded_to ");
	if (ifname && *ifname)
		sink_puts(s, ifname);
	else
		sink_printf(s, "ifindex %u ns_dev %llu ns_ino %llu", ifindex,
			    (unsigned long long)ns_dev, (unsigned long long)ns_ino);
}

void obj_dev_json(struct json *j, __u32 ifindex, __u64 ns_dev, __u64 ns_ino, const char *ifname)
{
	if (!ifindex)
		return;
	json_name(j, "dev");
	json_start_object(j);
	json_kv_u64(j, "ifindex", ifindex);
	json_kv_u64(j, "ns_dev", ns_dev);
	json_kv_u64(j, "ns_inode", ns_ino);
	if (ifname && *ifname)
		json_kv_string(j, "ifname", ifname);
	json_end_object(j);
}

void obj_pins_plain(struct sink *s, const struct bpffs_pin *pins, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		sink_puts(s, "\n\tpinned ");
		sink_puts(s, pins[i].path);
	}
}

void obj_pids_plain(struct sink *s, const struct pid_ref *pids, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		sink_puts(s, i ? ", " : "\n\tpids ");
		sink_printf(s, "%s(%d)", pids[i].comm, pids[i].pid);
	}
}

void obj_pins_json(struct json *j, const struct bpffs_pin *pins, size_t n)
{
	size_t i;

	json_name(j, "pinned");
	json_start_array(j);
	for (i = 0; i < n; i++)
		json_string(j, pins[i].path);
	json_end_array(j);
}

void obj_pids_json(struct json *j, const struct pid_ref *pids, size_t n)
{
	size_t i;

	if (!n)
		return;
	json_name(j, "pids");
	json_start_array(j);
	for (i = 0; i < n; i++) {
		json_start_object(j);
		json_kv_s64(j, "pid", pids[i].pid);
		json_kv_string(j, "comm", pids[i].comm);
		json_end_object(j);
	}
	json_end_array(j);
}

/* ---- maps ---- */

static void type_plain(struct sink *s, __u32 type)
{
	const char *name = map_type_name(type);

	if (name) {
		sink_puts(s, name);
	} else {
		sink_puts(s, "type ");
		sink_u64(s, type);
	}
}

void map_header_plain(struct sink *s, const struct bpf_map_info *info, const char *ifname)
{
	sink_u64(s, info->id);
	sink_puts(s, ": ");
	type_plain(s, info->type);
	sink_puts(s, "  ");
	if (info->name[0])
		sink_printf(s, "name %.*s  ", BPF_OBJ_NAME_LEN, info->name);
	sink_printf(s, "flags 0x%x", info->map_flags);
	obj_dev_plain(s, info->ifindex, info->netns_dev, info->netns_ino, ifname);
	sink_putc(s, '\n');
}

void map_header_json(struct json *j, const struct bpf_map_info *info)
{
	const char *type = map_type_name(info->type);

	json_kv_u64(j, "id", info->id);
	if (type)
		json_kv_string(j, "type", type);
	else
		json_kv_u64(j, "type", info->type);
	if (info->name[0]) {
		json_name(j, "name");
		json_string_len(j, info->name, strnlen(info->name, BPF_OBJ_NAME_LEN));
	}
	json_kv_u64(j, "flags", info->map_flags);
}

void map_dev_json(struct json *j, const struct bpf_map_info *info, const char *ifname)
{
	obj_dev_json(j, info->ifindex, info->netns_dev, info->netns_ino, ifname);
}

/* ---- map show ---------------------------------------------------------------------------- */

/* ---- maps ---- */

static void owner_plain(struct sink *s, const struct map_fdinfo *f)
{
	const char *name;

	if (!f->has_owner_type && !f->has_owner_jited)
		return;
	sink_puts(s, "\n\t");
	if (f->has_owner_type) {
		name = prog_type_name(f->owner_prog_type);
		if (name)
			sink_printf(s, "owner_prog_type %s  ", name);
		else
			sink_printf(s, "owner_prog_type %u  ", f->owner_prog_type);
	}
	if (f->has_owner_jited)
		sink_puts(s, f->owner_jited ? "owner jited" : "owner not jited");
}

void map_show_plain(struct sink *s, const struct map_desc *d)
{
	const struct bpf_map_info *info = &d->info;
	bool frozen = d->fd.has_frozen && d->fd.frozen;

	map_header_plain(s, info, d->ifname);
	sink_printf(s, "\tkey %uB  value %uB  max_entries %u", info->key_size, info->value_size,
		    info->max_entries);
	if (d->fd.has_memlock)
		sink_printf(s, "  memlock %lluB", d->fd.memlock);
	owner_plain(s, &d->fd);
	obj_pins_plain(s, d->pins, d->n_pins);
	if (info->btf_id || frozen)
		sink_puts(s, "\n\t");
	if (info->btf_id)
		sink_printf(s, "btf_id %u", info->btf_id);
	if (frozen)
		sink_puts(s, info->btf_id ? "  frozen" : "frozen");
	obj_pids_plain(s, d->pids, d->n_pids);
	sink_putc(s, '\n');
}

static void owner_json(struct json *j, const struct map_fdinfo *f)
{
	const char *name;

	if (f->has_owner_type) {
		name = prog_type_name(f->owner_prog_type);
		if (name)
			json_kv_string(j, "owner_prog_type", name);
		else
			json_kv_u64(j, "owner_prog_type", f->owner_prog_type);
	}
	if (f->has_owner_jited)
		json_kv_bool(j, "owner_jited", f->owner_jited);
}

void map_show_json(struct json *j, const struct map_desc *d)
{
	const struct bpf_map_info *info = &d->info;

	json_start_object(j);
	map_header_json(j, info);
	map_dev_json(j, info, d->ifname);
	json_kv_u64(j, "bytes_key", info->key_size);
	json_kv_u64(j, "bytes_value", info->value_size);
	json_kv_u64(j, "max_entries", info->max_entries);
	if (d->fd.has_memlock)
		json_kv_s64(j, "bytes_memlock", (long long)d->fd.memlock);
	owner_json(j, &d->fd);
	/* upstream prints 0 when fdinfo has no frozen line; without fdinfo we cannot know */
	if (d->fd.read)
		json_kv_u64(j, "frozen", d->fd.has_frozen && d->fd.frozen);
	if (info->btf_id)
		json_kv_u64(j, "btf_id", info->btf_id);
	if (d->show_pinned)
		obj_pins_json(j, d->pins, d->n_pins);
	obj_pids_json(j, d->pids, d->n_pids);
	json_end_object(j);
}
