// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* The commands that make or name map objects: create, pin, freeze. */
#include <errno.h>
#include <net/if.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "bpffs.h"
#include "errstr.h"
#include "handle.h"
#include "map_cmd.h"
#include "map_obj.h"
#include "memlock.h"
#include "names.h"
#include "out.h"
#include "sys_bpf.h"
#include "util.h"

/*
 * upstream's do_pin_fd(): the pre-checks and bpffs auto-mount, then BPF_OBJ_PIN. A failed
 * pin takes back the mount made for it, so nothing is left behind.
 */
static int pin_fd(struct ctx *c, int fd, const char *path)
{
	struct bpffs_mount m;
	int err;

	err = bpffs_prepare_pin(path, c->opts.nomount, &m);
	if (err)
		return err;
	err = bpf_obj_pin(fd, path);
	if (err) {
		p_err("can't pin the object (%s): %s", path, errstr(err).s);
		bpffs_unmount(&m);
	}
	return err;
}

/* ---- create ------------------------------------------------------------------------------ */

struct create {
	struct map_create_opts o;
	char name[BPF_OBJ_NAME_LEN];
	bool have_type, have_name;
	int inner_fd;
};

/* upstream's parse_u32_arg(): KEYWORD N, where N may be given once (a 0 does not count). */
static int take_u32(struct args *a, __u32 *val, const char *what)
{
	const char *w;

	args_next(a);
	w = args_next(a);
	if (*val) {
		p_err("%s already specified", what);
		return -1;
	}
	if (parse_u32(w, val)) {
		p_err("can't parse %s as %s", w, what);
		return -1;
	}
	return 0;
}

static int take_u64(struct args *a, __u64 *val, const char *what)
{
	const char *w;
	uint64_t v;

	args_next(a);
	w = args_next(a);
	if (*val) {
		p_err("%s already specified", what);
		return -1;
	}
	if (parse_u64(w, 0, UINT64_MAX, &v)) {
		p_err("can't parse %s as %s", w, what);
		return -1;
	}
	*val = v;
	return 0;
}

static int take_type(struct args *a, struct create *cr)
{
	const char *w;
	int type;

	args_next(a);
	w = args_next(a);
	if (cr->have_type) {
		p_err("map type already specified");
		return -1;
	}
	/* exact names, no prefixes: a new type must not change what an old prefix meant */
	type = map_type_by_name(w);
	if (type < 0) {
		p_err("unrecognized map type: %s", w);
		return -1;
	}
	cr->o.map_type = (__u32)type;
	cr->have_type = true;
	return 0;
}

static void take_name(struct args *a, struct create *cr)
{
	const char *w;

	args_next(a);
	w = args_next(a);
	if (strlen(w) > BPF_OBJ_NAME_LEN - 1)
		p_info("Warning: map name is longer than %u characters, it will be truncated.",
		       BPF_OBJ_NAME_LEN - 1);
	snprintf(cr->name, sizeof(cr->name), "%s", w);
	cr->have_name = true;
}

static int take_dev(struct args *a, struct create *cr)
{
	const char *w;

	args_next(a);
	w = args_next(a);
	if (cr->o.map_ifindex) {
		p_err("offload device already specified");
		return -1;
	}
	errno = 0;
	cr->o.map_ifindex = if_nametoindex(w);
	if (!cr->o.map_ifindex) {
		p_err("unrecognized netdevice '%s': %s", w, errstr(errno ? errno : ENODEV).s);
		return -1;
	}
	return 0;
}

static int take_inner_map(struct ctx *c, struct args *a, struct create *cr)
{
	int fd;

	args_next(a);
	if (args_need(a, 2))
		return map_help_stderr(c);
	fd = map_parse_open(c, a, BPF_F_RDONLY, NULL);
	if (fd < 0)
		return -1;
	if (cr->inner_fd >= 0)
		close(cr->inner_fd);
	cr->inner_fd = fd;
	cr->o.inner_map_fd = (__u32)fd;
	return 0;
}

/* One KEYWORD VALUE pair, keywords by prefix in upstream's order (map_extra is ours). */
static int create_arg(struct ctx *c, struct args *a, struct create *cr)
{
	if (args_need(a, 2))
		return -1;
	if (args_is_kw(a, "type"))
		return take_type(a, cr);
	if (args_is_kw(a, "name")) {
		take_name(a, cr);
		return 0;
	}
	if (args_is_kw(a, "key"))
		return take_u32(a, &cr->o.key_size, "key size");
	if (args_is_kw(a, "value"))
		return take_u32(a, &cr->o.value_size, "value size");
	if (args_is_kw(a, "entries"))
		return take_u32(a, &cr->o.max_entries, "max entries");
	if (args_is_kw(a, "flags"))
		return take_u32(a, &cr->o.map_flags, "flags");
	if (args_is_kw(a, "dev")) {
		p_info("Warning: 'bpftool map create [...] dev <ifname>' syntax is deprecated.\n"
		       "Going further, please use 'offload_dev <ifname>' to request hardware "
		       "offload for the map.");
		return take_dev(a, cr);
	}
	if (args_is_kw(a, "offload_dev"))
		return take_dev(a, cr);
	if (args_is_kw(a, "inner_map"))
		return take_inner_map(c, a, cr);
	if (args_is_kw(a, "map_extra"))
		return take_u64(a, &cr->o.map_extra, "map_extra");
	p_err("unknown arg %s", args_peek(a));
	return -1;
}

int do_map_create(struct ctx *c, struct args *a)
{
	struct create cr = { .inner_fd = -1 };
	const char *file;
	int err = -1, fd;

	if (args_need(a, 7))
		return -1;
	file = args_next(a);
	while (!args_empty(a))
		if (create_arg(c, a, &cr))
			goto out;
	if (!cr.have_name) {
		p_err("map name not specified");
		goto out;
	}
	cr.o.name = cr.name;
	memlock_raise(memlock_rlimit_needed);
	fd = bpf_map_create(&cr.o);
	if (fd < 0) {
		p_err("map create failed: %s", errstr(fd).s);
		/* before 5.16 the field is unknown: EINVAL, or E2BIG past the end of the attr */
		if (cr.o.map_extra && (fd == -EINVAL || fd == -E2BIG))
			p_info("Note: map_extra needs Linux 5.16 or later, and a map type that "
			       "takes it (bloom_filter, arena)");
		goto out;
	}
	/* the pin holds the map; once the fd is closed a failed pin leaves nothing behind */
	err = pin_fd(c, fd, file);
	close(fd);
	if (!err && g_out.json)
		json_null(jw());
out:
	if (cr.inner_fd >= 0)
		close(cr.inner_fd);
	return err;
}

/* ---- pin, freeze ------------------------------------------------------------------------- */

int do_map_pin(struct ctx *c, struct args *a)
{
	int err, fd;

	if (args_need(a, 3))
		return -EINVAL;
	fd = map_parse_open(c, a, BPF_F_RDONLY, NULL);
	if (fd < 0)
		return -1;
	/* upstream ignores words after FILE */
	err = pin_fd(c, fd, args_peek(a));
	close(fd);
	if (!err && g_out.json)
		json_null(jw());
	return err;
}

int do_map_freeze(struct ctx *c, struct args *a)
{
	int err, fd;

	if (args_need(a, 2))
		return -1;
	fd = map_parse_open(c, a, 0, NULL);
	if (fd < 0)
		return -1;
	if (!args_empty(a)) {
		close(fd);
		return args_end(a);
	}
	err = bpf_map_freeze(fd);
	close(fd);
	if (err) {
		/*
		 * -errno as upstream (EPERM, the usual case, is 255; EBUSY 240); EINVAL only
		 * where the kernel has no BPF_MAP_FREEZE (before 5.2)
		 */
		p_err("failed to freeze map: %s%s", errstr(err).s,
		      err == -EINVAL ? " -- kernel too old?" : "");
		return err;
	}
	if (g_out.json)
		json_null(jw());
	return 0;
}
