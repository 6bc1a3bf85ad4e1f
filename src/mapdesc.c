// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* What we know about one map, gathered once: bpf_map_info plus what the kernel shows elsewhere. */
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>

#include "fdinfo.h"
#include "listing.h"
#include "mapdesc.h"

void obj_dev_name(__u32 ifindex, __u64 ns_dev, __u64 ns_ino, char *name)
{
	struct stat st;

	name[0] = 0;
	if (!ifindex || stat("/proc/self/ns/net", &st))
		return;
	if (st.st_dev != ns_dev || st.st_ino != ns_ino)
		return;
	if (!if_indextoname(ifindex, name))
		name[0] = 0;
}

void map_dev_name(const struct bpf_map_info *info, char *name)
{
	obj_dev_name(info->ifindex, info->netns_dev, info->netns_ino, name);
}

void map_fdinfo_parse(struct map_fdinfo *f, const char *buf, __u32 map_type)
{
	unsigned long long v;

	memset(f, 0, sizeof(*f));
	f->read = true;
	f->has_memlock = !fdinfo_get(buf, "memlock", &f->memlock);
	if (!fdinfo_get(buf, "frozen", &v)) {
		f->has_frozen = true;
		f->frozen = v != 0;
	}
	if (map_type != BPF_MAP_TYPE_PROG_ARRAY)
		return;
	if (!fdinfo_get(buf, "owner_prog_type", &v) && v <= UINT32_MAX) {
		f->has_owner_type = true;
		f->owner_prog_type = (__u32)v;
	}
	if (!fdinfo_get(buf, "owner_jited", &v)) {
		f->has_owner_jited = true;
		f->owner_jited = v != 0;
	}
}

void map_desc_gather(struct map_desc *d, int fd, const struct bpf_map_info *info,
		     const struct listing *src)
{
	char buf[FDINFO_BUF_SIZE];

	memset(d, 0, sizeof(*d));
	d->info = *info;
	map_dev_name(info, d->ifname);
	if (src->fdinfo_dir >= 0 && fdinfo_read_fd(src->fdinfo_dir, fd, buf, sizeof(buf)) >= 0)
		map_fdinfo_parse(&d->fd, buf, info->type);
	if (src->with_pins && src->pins.n) {
		d->show_pinned = true;
		d->pins = bpffs_pins_find(&src->pins, info->id, &d->n_pins);
	}
	d->pids = pids_find(&src->pids, info->id, &d->n_pids);
}
