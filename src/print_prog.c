// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* Program renderers for `prog show`, plain and JSON side by side. No syscalls here. */
#include <stdio.h>
#include <string.h>

#include "names.h"
#include "print_map.h"
#include "print_prog.h"

static void tag_text(const struct bpf_prog_info *info, char out[2 * BPF_TAG_SIZE + 1])
{
	static const char hexdig[] = "0123456789abcdef";
	int i;

	for (i = 0; i < BPF_TAG_SIZE; i++) {
		out[2 * i] = hexdig[info->tag[i] >> 4];
		out[2 * i + 1] = hexdig[info->tag[i] & 15];
	}
	out[2 * BPF_TAG_SIZE] = 0;
}

/* "ID: TYPE  [name NAME  ]tag TAG[  offloaded_to DEV][  gpl][ run_time_ns N run_cnt N]..." */
static void header_plain(struct sink *s, const struct prog_desc *d)
{
	const struct bpf_prog_info *info = &d->info;
	const char *type = prog_type_name(info->type);
	char tag[2 * BPF_TAG_SIZE + 1];

	sink_u64(s, info->id);
	sink_puts(s, ": ");
	if (type)
		sink_printf(s, "%s  ", type);
	else
		sink_printf(s, "type %u  ", info->type);
	if (info->name[0])
		sink_printf(s, "name %s  ", d->name);
	tag_text(info, tag);
	sink_printf(s, "tag %s", tag);
	obj_dev_plain(s, info->ifindex, info->netns_dev, info->netns_ino, d->ifname);
	if (info->gpl_compatible)
		sink_puts(s, "  gpl");
	if (info->run_time_ns)
		sink_printf(s, " run_time_ns %lld run_cnt %lld", (long long)info->run_time_ns,
			    (long long)info->run_cnt);
	if (info->recursion_misses)
		sink_printf(s, " recursion_misses %lld", (long long)info->recursion_misses);
	sink_putc(s, '\n');
}

void prog_show_plain(struct sink *s, const struct prog_desc *d)
{
	const struct bpf_prog_info *info = &d->info;
	__u32 i;

	header_plain(s, d);
	if (info->load_time) {
		char when[32];

		if (d->has_wallclock)
			strftime(when, sizeof(when), "%FT%T%z", &d->loaded_tm);
		else
			snprintf(when, sizeof(when), "%lld", d->loaded_secs);
		sink_printf(s, "\tloaded_at %s  uid %u\n", when, info->created_by_uid);
	}
	sink_printf(s, "\txlated %uB", info->xlated_prog_len);
	if (info->jited_prog_len)
		sink_printf(s, "  jited %uB", info->jited_prog_len);
	else
		sink_puts(s, "  not jited");
	if (d->has_memlock)
		sink_printf(s, "  memlock %lluB", d->memlock);
	if (d->orphaned)
		sink_puts(s, "  orphaned");
	for (i = 0; i < d->n_map_ids; i++)
		sink_printf(s, "%s%u", i ? "," : "  map_ids ", d->map_ids[i]);
	obj_pins_plain(s, d->pins, d->n_pins);
	if (info->btf_id)
		sink_printf(s, "\n\tbtf_id %u", info->btf_id);
	obj_pids_plain(s, d->pids, d->n_pids);
	sink_putc(s, '\n');
}

void prog_show_json(struct json *j, const struct prog_desc *d)
{
	const struct bpf_prog_info *info = &d->info;
	const char *type = prog_type_name(info->type);
	char tag[2 * BPF_TAG_SIZE + 1];
	__u32 i;

	json_start_object(j);
	json_kv_u64(j, "id", info->id);
	if (type)
		json_kv_string(j, "type", type);
	else
		json_kv_u64(j, "type", info->type);
	if (info->name[0])
		json_kv_string(j, "name", d->name);
	tag_text(info, tag);
	json_kv_string(j, "tag", tag);
	json_kv_bool(j, "gpl_compatible", info->gpl_compatible);
	if (info->run_time_ns) {
		json_kv_u64(j, "run_time_ns", info->run_time_ns);
		json_kv_u64(j, "run_cnt", info->run_cnt);
	}
	if (info->recursion_misses)
		json_kv_u64(j, "recursion_misses", info->recursion_misses);
	obj_dev_json(j, info->ifindex, info->netns_dev, info->netns_ino, d->ifname);
	if (info->load_time) {
		json_kv_s64(j, "loaded_at", d->loaded_secs);
		json_kv_u64(j, "uid", info->created_by_uid);
	}
	json_kv_bool(j, "orphaned", d->orphaned);
	json_kv_u64(j, "bytes_xlated", info->xlated_prog_len);
	json_kv_bool(j, "jited", info->jited_prog_len);
	if (info->jited_prog_len)
		json_kv_u64(j, "bytes_jited", info->jited_prog_len);
	if (d->has_memlock)
		json_kv_s64(j, "bytes_memlock", (long long)d->memlock);
	if (d->n_map_ids) {
		json_name(j, "map_ids");
		json_start_array(j);
		for (i = 0; i < d->n_map_ids; i++)
			json_u64(j, d->map_ids[i]);
		json_end_array(j);
	}
	if (info->btf_id)
		json_kv_u64(j, "btf_id", info->btf_id);
	if (d->show_pinned)
		obj_pins_json(j, d->pins, d->n_pins);
	obj_pids_json(j, d->pids, d->n_pids);
	json_end_object(j);
}
