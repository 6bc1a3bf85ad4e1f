// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* Fixtures for the map data tests: maps, programs, pins, and output expectations. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cpus.h"
#include "sys_bpf.h"
#include "tdata.h"

int td_map(__u32 type, __u32 key, __u32 value, __u32 entries, const char *name, __u32 flags,
	   int inner_fd)
{
	struct map_create_opts o = {
		.map_type = type, .key_size = key, .value_size = value, .max_entries = entries,
		.name = name, .map_flags = flags,
		.inner_map_fd = inner_fd > 0 ? (__u32)inner_fd : 0,
	};
	int fd;

	t_require_bpf();
	fd = bpf_map_create(&o);
	cr_assert_geq(fd, 0, "create %s (type %u): %s", name, type, strerror(-fd));
	return fd;
}

char *td_fmt(const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	cr_assert(vasprintf(&s, fmt, ap) >= 0);
	va_end(ap);
	return s;
}

/* One private bpffs dir per test (each test runs in its own process). */
static const char *dir(void)
{
	static char path[256];

	if (!path[0])
		snprintf(path, sizeof(path), "%s", t_dir("data"));
	return path;
}

char *td_pin(int fd, const char *name)
{
	char *path = td_fmt("%s/%s", dir(), name);
	int err = bpf_obj_pin(fd, path);

	cr_assert_eq(err, 0, "pin %s: %s", path, strerror(-err));
	return path;
}

int td_map_pinned(__u32 type, __u32 key, __u32 value, __u32 entries, const char *name,
		  char **path)
{
	int fd = td_map(type, key, value, entries, name, 0, 0);
	char *p = td_pin(fd, name);

	if (path)
		*path = p;
	else
		free(p);
	return fd;
}

int td_hash_seq(__u32 n, const char *name, char **path)
{
	int fd = td_map_pinned(BPF_MAP_TYPE_HASH, 4, 8, n, name, path);
	__u32 *keys = malloc((size_t)n * 4), i, count = n;
	__u64 *vals = malloc((size_t)n * 8);

	cr_assert(keys && vals);
	for (i = 0; i < n; i++) {
		keys[i] = i;
		vals[i] = i;
	}
	cr_assert_eq(bpf_map_update_batch(fd, keys, vals, &count, 0), 0);
	cr_assert_eq(count, n);
	free(keys);
	free(vals);
	return fd;
}

__u32 td_map_id(int fd)
{
	struct bpf_map_info info;
	__u32 len = sizeof(info);

	memset(&info, 0, sizeof(info));
	cr_assert_eq(bpf_obj_get_info_by_fd(fd, &info, &len), 0);
	return info.id;
}

__u32 td_prog_id(int fd)
{
	struct bpf_prog_info info;
	__u32 len = sizeof(info);

	memset(&info, 0, sizeof(info));
	cr_assert_eq(bpf_obj_get_info_by_fd(fd, &info, &len), 0);
	return info.id;
}

/* r0 = 0; exit */
static const struct bpf_insn ret0[] = {
	{ .code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = 0, .imm = 0 },
	{ .code = BPF_JMP | BPF_EXIT },
};

int td_prog(const char *name)
{
	struct prog_load_opts po = {
		.prog_type = BPF_PROG_TYPE_SOCKET_FILTER, .insns = ret0, .insn_cnt = 2,
		.name = name,
	};
	int fd;

	t_require_bpf();
	fd = bpf_prog_load(&po);
	cr_assert_geq(fd, 0, "prog load: %s", strerror(-fd));
	return fd;
}

void td_update(int fd, const void *key, const void *value)
{
	int err = bpf_map_update_elem(fd, key, value, 0);

	cr_assert_eq(err, 0, "update: %s", strerror(-err));
}

int td_ncpus(void)
{
	int n = cpus_possible();

	cr_assert_gt(n, 0);
	return n;
}

char *td_dump(const char *path)
{
	struct run r = t_run("map dump pinned %s", path);
	char *out = r.out;

	cr_assert_eq(r.status, 0, "dump %s: %s", path, r.err);
	free(r.err);
	return out;
}
