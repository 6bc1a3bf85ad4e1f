// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* What we know about one map, gathered once: bpf_map_info plus what the kernel shows elsewhere. */
#include <sys/stat.h>

#include "mapdesc.h"

void map_dev_name(const struct bpf_map_info *info, char *name)
{
	struct stat st;

	name[0] = 0;
	if (!info->ifindex || stat("/proc/self/ns/net", &st))
		return;
	if (st.st_dev != info->netns_dev || st.st_ino != info->netns_ino)
		return;
	if (!if_indextoname(info->ifindex, name))
		name[0] = 0;
}
