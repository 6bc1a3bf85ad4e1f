// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* Snapshots for the "nothing else changed" checks: map elements, pins, mounts. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/bpf.h>

#include "handle.h"
#include "objects.h"
#include "snap.h"
#include "sys_bpf.h"
#include "tdata.h"
#include "util.h"

void snap_str(char **s, const char *t)
{
	size_t len = strlen(*s);

	*s = realloc(*s, len + strlen(t) + 1);
	cr_assert(*s);
	strcpy(*s + len, t);
}

static void snap_hex(char **s, const void *p, size_t n)
{
	const __u8 *b = p;
	size_t len = strlen(*s), i;

	*s = realloc(*s, len + 2 * n + 2);
	cr_assert(*s);
	for (i = 0; i < n; i++)
		sprintf(*s + len + 2 * i, "%02x", b[i]);
	strcpy(*s + len + 2 * n, " ");
}

void snap_map(char **s, int fd, __u32 type)
{
	struct bpf_map_info info;
	__u8 key[64], next[64], *val;
	size_t vsize;
	bool first = true;
	int err;

	cr_assert_eq(map_info_get(fd, &info), 0);
	cr_assert_leq(info.key_size, sizeof(key));
	vsize = info.value_size;
	if (type == BPF_MAP_TYPE_PERCPU_HASH || type == BPF_MAP_TYPE_PERCPU_ARRAY ||
	    type == BPF_MAP_TYPE_LRU_PERCPU_HASH)
		vsize = round_up(vsize, 8) * (size_t)td_ncpus();
	val = calloc(1, vsize + 8);
	cr_assert(val);
	if (type == BPF_MAP_TYPE_QUEUE || type == BPF_MAP_TYPE_STACK) {
		/* no walk: the next value out (the fixtures' queued values all differ) */
		err = bpf_map_lookup_elem(fd, NULL, val, 0);
		snap_hex(s, &err, sizeof(err));
		if (!err)
			snap_hex(s, val, vsize);
	} else if (type != BPF_MAP_TYPE_RINGBUF && type != BPF_MAP_TYPE_PERF_EVENT_ARRAY) {
		while (!bpf_map_get_next_key(fd, first ? NULL : key, next)) {
			memcpy(key, next, info.key_size);
			first = false;
			err = bpf_map_lookup_elem(fd, key, val, 0);
			snap_hex(s, key, info.key_size);
			snap_hex(s, &err, sizeof(err));
			if (!err)
				snap_hex(s, val, vsize);
		}
	}
	snap_str(s, o_fdinfo_fd(fd, "frozen") ? "frozen\n" : "\n");
	free(val);
}

void snap_dir(char **s, const char *dir)
{
	struct dirent **names;
	int n = scandir(dir, &names, NULL, alphasort), i;

	cr_assert_geq(n, 0, "scandir %s: %s", dir, strerror(errno));
	for (i = 0; i < n; i++) {
		snap_str(s, names[i]->d_name);
		snap_str(s, "\n");
		free(names[i]);
	}
	free(names);
}

void snap_mounts(char **s)
{
	char line[4096];
	FILE *m = fopen("/proc/self/mounts", "re");

	cr_assert(m);
	while (fgets(line, sizeof(line), m))
		snap_str(s, line);
	fclose(m);
}
