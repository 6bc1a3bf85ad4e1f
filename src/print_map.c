// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* Map renderers, plain and JSON side by side. No syscalls here: the data comes gathered. */
#include <string.h>

#include "names.h"
#include "print_map.h"

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
	if (info->ifindex) {
		sink_puts(s, "  offloaded_to ");
		if (ifname && *ifname)
			sink_puts(s, ifname);
		else
			sink_printf(s, "ifindex %u ns_dev %llu ns_ino %llu", info->ifindex,
				    (unsigned long long)info->netns_dev,
				    (unsigned long long)info->netns_ino);
	}
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
	if (!info->ifindex)
		return;
	json_name(j, "dev");
	json_start_object(j);
	json_kv_u64(j, "ifindex", info->ifindex);
	json_kv_u64(j, "ns_dev", info->netns_dev);
	json_kv_u64(j, "ns_inode", info->netns_ino);
	if (ifname && *ifname)
		json_kv_string(j, "ifname", ifname);
	json_end_object(j);
}
