// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* The object model on the real kernel: bpffs walk, holders, fdinfo gathering, handles, memlock. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bpffs.h"
#include "handle.h"
#include "listing.h"
#include "mapdesc.h"
#include "memlock.h"
#include "objects.h"
#include "pids.h"

static void fini(void)
{
	t_dir_cleanup();
}

static bool yes(void)
{
	return true;
}

static bool no(void)
{
	return false;
}

Test(objects, memlock_probe_and_seam)
{
	struct rlimit lim, low;

	t_require_bpf();
	/* 6.18 charges maps to the memcg, not to RLIMIT_MEMLOCK */
	cr_assert(!memlock_rlimit_needed());
	cr_assert_eq(getrlimit(RLIMIT_MEMLOCK, &lim), 0);
	low.rlim_cur = 0;
	low.rlim_max = lim.rlim_max;
	cr_assert_eq(setrlimit(RLIMIT_MEMLOCK, &low), 0);
	/* the probe restores the limit it lowers; with a zero limit it still says "no" here */
	cr_assert(!memlock_rlimit_needed());
	cr_assert_eq(getrlimit(RLIMIT_MEMLOCK, &lim), 0);
	cr_assert_eq(lim.rlim_cur, 0);
	cr_assert_eq(memlock_raise(no), 0);
	cr_assert_eq(getrlimit(RLIMIT_MEMLOCK, &lim), 0);
	cr_assert_eq(lim.rlim_cur, 0, "not needed: left alone");
	/* the old-kernel branch: raised to infinity, or as far as the hard limit allows */
	cr_assert_eq(memlock_raise(yes), 0);
	cr_assert_eq(getrlimit(RLIMIT_MEMLOCK, &lim), 0);
	cr_assert(lim.rlim_cur == RLIM_INFINITY || lim.rlim_cur == lim.rlim_max);
	cr_assert_neq(lim.rlim_cur, 0);
}

static const struct bpf_insn ret0[] = {
	{ .code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = 0, .imm = 0 },
	{ .code = BPF_JMP | BPF_EXIT },
};

static char mounts[128];

static void rm_mounts(void)
{
	unlink(mounts);
	t_dir_cleanup();
}

Test(objects, bpffs_walk, .fini = rm_mounts)
{
	const char *dir = t_dir("walk");
	struct prog_load_opts po = {
		.prog_type = BPF_PROG_TYPE_SOCKET_FILTER, .insns = ret0, .insn_cnt = 2,
	};
	const struct bpffs_pin *p;
	struct bpffs_pins t;
	char *a, *b, *c, *sub, *deep, *pp, *sl;
	int fd, fd2, pfd;
	__u32 id, id2;
	size_t n;
	FILE *f;

	sub = o_fmt("%s/sub", dir);
	deep = o_fmt("%s/sub/deeper", dir);
	cr_assert(!mkdir(sub, 0700) && !mkdir(deep, 0700));
	a = o_fmt("%s/sub/deeper/z", dir);
	b = o_fmt("%s/a", dir);
	c = o_fmt("%s/sub/m", dir);
	fd = o_map(BPF_MAP_TYPE_ARRAY, 4, 4, 1, "o_walk1");
	id = o_id(fd);
	cr_assert_eq(bpf_obj_pin(fd, a), 0);
	cr_assert_eq(bpf_obj_pin(fd, b), 0);
	cr_assert_eq(bpf_obj_pin(fd, c), 0);
	close(fd);
	fd2 = o_map(BPF_MAP_TYPE_HASH, 4, 4, 1, "o_walk2");
	pp = o_fmt("%s/sub/h", dir);
	id2 = o_pin_close(fd2, pp);
	pfd = bpf_prog_load(&po);
	cr_assert_geq(pfd, 0);
	free(pp);
	pp = o_fmt("%s/prog", dir);
	cr_assert_eq(bpf_obj_pin(pfd, pp), 0);
	close(pfd);
	sl = o_fmt("%s/link", dir);
	cr_assert(!symlink(b, sl));	/* not followed */

	/* our dir as the only bpf mount (twice: walked once), plus a line that is not bpf */
	snprintf(mounts, sizeof(mounts), "/tmp/bpftool-mounts-%d", (int)getpid());
	f = fopen(mounts, "w");
	cr_assert(f);
	fprintf(f, "proc /proc proc rw 0 0\nbpf %s bpf rw 0 0\nbpf %s bpf rw 0 0\n", dir, dir);
	fclose(f);
	bpffs_pins_build(&t, mounts, OBJ_MAP);
	cr_assert_eq(t.n, 4);
	p = bpffs_pins_find(&t, id, &n);
	cr_assert_eq(n, 3);
	cr_assert_str_eq(p[0].path, b, "sorted by path");
	cr_assert_str_eq(p[1].path, a);
	cr_assert_str_eq(p[2].path, c);
	p = bpffs_pins_find(&t, id2, &n);
	cr_assert_eq(n, 1);
	free(pp);
	pp = o_fmt("%s/sub/h", dir);
	cr_assert_str_eq(p[0].path, pp);
	bpffs_pins_free(&t);

	bpffs_pins_build(&t, "/nonexistent/mounts", OBJ_MAP);
	cr_assert_eq(t.n, 0);
	bpffs_pins_free(&t);
	free(a);
	free(b);
	free(c);
	free(sub);
	free(deep);
	free(pp);
	free(sl);
}

Test(objects, pids_of_a_holder, .fini = fini)
{
	const struct pid_ref *r;
	struct pids p;
	pid_t child;
	size_t n;
	__u32 id;
	int fd;

	t_require_bpf();
	fd = o_map(BPF_MAP_TYPE_ARRAY, 4, 4, 1, "o_held");
	id = o_id(fd);
	child = o_holder(fd, "o_holder");
	pids_scan(&p, "/proc", (int)getpid(), OBJ_MAP);
	r = pids_find(&p, id, &n);
	cr_assert_eq(n, 1, "the child only: our own process is left out");
	cr_assert_eq(r[0].pid, child);
	cr_assert_str_eq(r[0].comm, "o_holder");
	pids_free(&p);
	pids_scan(&p, "/proc", 0, OBJ_MAP);
	pids_find(&p, id, &n);
	cr_assert_eq(n, 2, "with nobody left out, the test process too");
	pids_free(&p);
	o_holder_stop(child);
	close(fd);
}

Test(objects, gather_prog_array_owner, .fini = fini)
{
	struct listing src = { .fdinfo_dir = -1 };
	struct bpf_map_info info;
	struct map_desc d;
	bool jited;
	int fd, pfd;

	t_require_bpf();
	fd = o_map(BPF_MAP_TYPE_PROG_ARRAY, 4, 4, 2, "o_owner");
	cr_assert_eq(map_info_get(fd, &info), 0);
	src.fdinfo_dir = open("/proc/self/fdinfo", O_RDONLY | O_DIRECTORY);
	cr_assert_geq(src.fdinfo_dir, 0);
	map_desc_gather(&d, fd, &info, &src);
	cr_assert(d.fd.read && d.fd.has_memlock && d.fd.has_frozen);
	cr_assert(!d.fd.has_owner_type, "no owner before a program uses it");
	pfd = o_tail_call_prog(fd, &jited);
	close(pfd);
	map_desc_gather(&d, fd, &info, &src);
	cr_assert(d.fd.has_owner_type && d.fd.has_owner_jited);
	cr_assert_eq(d.fd.owner_prog_type, BPF_PROG_TYPE_SOCKET_FILTER);
	cr_assert_eq(d.fd.owner_jited, jited);
	cr_assert_eq(d.fd.memlock, o_fdinfo(info.id, "memlock"));
	cr_assert(!d.show_pinned && !d.n_pids);
	close(src.fdinfo_dir);
	close(fd);
}

Test(objects, handles_by_name, .fini = fini)
{
	struct ctx c = { 0 };
	struct handle h = { .kind = HANDLE_NAME, .name = "o_dupname" };
	struct map_fd *m;
	int fd1, fd2, n, fd;

	t_require_bpf();
	fd1 = o_map(BPF_MAP_TYPE_ARRAY, 4, 4, 1, "o_dupname");
	cr_assert_eq(handle_open_maps(&c, &h, BPF_F_RDONLY, &m, &n), 0);
	cr_assert_eq(n, 1);
	cr_assert_eq(m[0].info.id, o_id(fd1));
	map_fds_close(m, n);
	fd = handle_open_map(&c, &h, BPF_F_RDONLY, NULL);
	cr_assert_geq(fd, 0);
	close(fd);
	fd2 = o_map(BPF_MAP_TYPE_HASH, 4, 4, 1, "o_dupname");
	cr_assert_eq(handle_open_maps(&c, &h, BPF_F_RDONLY, &m, &n), 0);
	cr_assert_eq(n, 2);
	cr_assert_lt(m[0].info.id, m[1].info.id, "in id order");
	cr_assert_eq(m[1].info.type, BPF_MAP_TYPE_HASH);
	map_fds_close(m, n);
	cr_assert_eq(handle_open_map(&c, &h, 0, NULL), -1, "several maps match this handle");
	close(fd1);
	close(fd2);
}
