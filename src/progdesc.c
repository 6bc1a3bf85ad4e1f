// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* What `prog show` prints about one program, gathered once: bpf_prog_info plus fdinfo, pins. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "btf.h"
#include "fdinfo.h"
#include "listing.h"
#include "mapdesc.h"
#include "progdesc.h"
#include "sys_bpf.h"
#include "util.h"

void prog_full_name(int fd, const struct bpf_prog_info *info, char *out, size_t size)
{
	struct bpf_func_info finfo = { 0 };
	const struct btf_type *t;
	struct bpf_prog_info pi;
	__u32 len = sizeof(pi);
	struct btf *btf;
	int err;

	snprintf(out, size, "%.*s", BPF_OBJ_NAME_LEN, info->name);
	if (strlen(out) < BPF_OBJ_NAME_LEN - 1 || !info->btf_id || !info->nr_func_info)
		return;
	memset(&pi, 0, sizeof(pi));
	pi.nr_func_info = 1;
	pi.func_info_rec_size = sizeof(finfo);
	pi.func_info = ptr_to_u64(&finfo);
	if (bpf_obj_get_info_by_fd(fd, &pi, &len) || !pi.btf_id)
		return;
	btf = btf_load_by_id(pi.btf_id, &err);
	if (!btf)
		return;
	t = btf_type_by_id(btf, finfo.type_id);
	if (t && btf_kind(t) == BTF_KIND_FUNC && *btf_name(btf, t))
		snprintf(out, size, "%s", btf_name(btf, t));
	btf_free(btf);
}

/* The map ids: a second info call with a buffer for them (upstream's show_prog_maps()). */
static void gather_map_ids(struct prog_desc *d, int fd)
{
	struct bpf_prog_info info;
	__u32 len = sizeof(info), n = d->info.nr_map_ids;

	if (!n)
		return;
	d->map_ids = xcalloc(n, sizeof(*d->map_ids));
	memset(&info, 0, sizeof(info));
	info.nr_map_ids = n;
	info.map_ids = ptr_to_u64(d->map_ids);
	if (bpf_obj_get_info_by_fd(fd, &info, &len) || !info.nr_map_ids)
		return;
	/* maps may have been added meanwhile: the kernel fills at most n */
	d->n_map_ids = info.nr_map_ids < n ? info.nr_map_ids : n;
}

/* upstream's print_boot_time(): wall clock = realtime - boottime + load_time. */
static void gather_load_time(struct prog_desc *d)
{
	struct timespec real, boot;
	time_t secs;

	if (!d->info.load_time)
		return;
	d->loaded_secs = (long long)(d->info.load_time / 1000000000ULL);
	if (clock_gettime(CLOCK_REALTIME, &real) || clock_gettime(CLOCK_BOOTTIME, &boot))
		return;
	secs = (real.tv_sec - boot.tv_sec) +
	       (time_t)((real.tv_nsec - boot.tv_nsec + (long long)d->info.load_time) /
			1000000000LL);
	if (!localtime_r(&secs, &d->loaded_tm))
		return;
	d->loaded_secs = secs;
	d->has_wallclock = true;
}

void prog_desc_gather(struct prog_desc *d, int fd, const struct bpf_prog_info *info,
		      const struct listing *src)
{
	char buf[FDINFO_BUF_SIZE];

	memset(d, 0, sizeof(*d));
	d->info = *info;
	prog_full_name(fd, info, d->name, sizeof(d->name));
	obj_dev_name(info->ifindex, info->netns_dev, info->netns_ino, d->ifname);
	gather_map_ids(d, fd);
	gather_load_time(d);
	if (src->fdinfo_dir >= 0 && fdinfo_read_fd(src->fdinfo_dir, fd, buf, sizeof(buf)) >= 0)
		d->has_memlock = !fdinfo_get(buf, "memlock", &d->memlock);
	if (src->with_pins) {
		d->show_pinned = src->pins.n > 0;
		d->pins = bpffs_pins_find(&src->pins, info->id, &d->n_pins);
	}
	d->pids = pids_find(&src->pids, info->id, &d->n_pids);
}

void prog_desc_free(struct prog_desc *d)
{
	free(d->map_ids);
	d->map_ids = NULL;
}
