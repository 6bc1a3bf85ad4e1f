// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* Fixtures for the map object tests: maps, a tail-calling program, holders, odd environments. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/vfs.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <linux/filter.h>
#include <linux/seccomp.h>

#include "nobpf.h"
#include "objects.h"

char *o_fmt(const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	cr_assert(vasprintf(&s, fmt, ap) >= 0);
	va_end(ap);
	return s;
}

struct run o_run_in(void (*setup)(void *), void *arg, const char *fmt, ...)
{
	const char *words[256];
	char *line, *save = NULL, *w;
	struct run r;
	va_list ap;
	size_t n = 0;

	va_start(ap, fmt);
	cr_assert(vasprintf(&line, fmt, ap) >= 0);
	va_end(ap);
	for (w = strtok_r(line, " ", &save); w && n < 255; w = strtok_r(NULL, " ", &save))
		words[n++] = w;
	words[n] = NULL;
	r = t_runv_in(words, setup, arg);
	free(line);
	return r;
}

/* These run in the child between fork and exec: report and exit on failure. */
static void die(const char *what)
{
	dprintf(2, "setup: %s: %s\n", what, strerror(errno));
	_exit(126);
}

void o_setup_noproc(void *arg)
{
	(void)arg;
	if (unshare(CLONE_NEWNS))
		die("unshare");
	if (mount("none", "/", NULL, MS_REC | MS_PRIVATE, NULL))
		die("make-rprivate /");
	if (mount("none", "/proc", "tmpfs", 0, "size=4k"))
		die("mount tmpfs on /proc");
}

void o_setup_nodac(void *arg)
{
	(void)arg;
	/* root keeps its bounding set across exec: drop the override from it */
	if (prctl(PR_CAPBSET_DROP, 1 /* CAP_DAC_OVERRIDE */, 0, 0, 0))
		die("PR_CAPBSET_DROP");
}

void o_setup_fault(void *arg)
{
	const struct o_fault *f = arg;

	if (t_bpf_fail_filter(f->cmd, f->err))
		die("seccomp");
}

int o_map_opts(const struct map_create_opts *o)
{
	int fd = bpf_map_create(o);

	cr_assert_geq(fd, 0, "map create %s: %s", o->name ? o->name : "", strerror(-fd));
	return fd;
}

int o_map(__u32 type, __u32 key, __u32 value, __u32 entries, const char *name)
{
	struct map_create_opts o = {
		.map_type = type, .key_size = key, .value_size = value, .max_entries = entries,
		.name = name,
	};

	return o_map_opts(&o);
}

__u32 o_id(int fd)
{
	struct bpf_map_info info;
	__u32 len = sizeof(info);

	memset(&info, 0, sizeof(info));
	cr_assert_eq(bpf_obj_get_info_by_fd(fd, &info, &len), 0);
	return info.id;
}

__u32 o_pin_close(int fd, const char *path)
{
	__u32 id = o_id(fd);
	int err = bpf_obj_pin(fd, path);

	cr_assert_eq(err, 0, "pin %s: %s", path, strerror(-err));
	close(fd);
	return id;
}

__u32 o_pinned_id(const char *path)
{
	int fd = bpf_obj_get(path, 0);
	__u32 id;

	cr_assert_geq(fd, 0, "obj get %s: %s", path, strerror(-fd));
	id = o_id(fd);
	close(fd);
	return id;
}

unsigned long long o_fdinfo_fd(int fd, const char *key)
{
	char path[64], buf[4096], *p;
	size_t klen = strlen(key);
	ssize_t n;
	int info;

	snprintf(path, sizeof(path), "/proc/self/fdinfo/%d", fd);
	info = open(path, O_RDONLY);
	cr_assert_geq(info, 0);
	n = read(info, buf, sizeof(buf) - 1);
	close(info);
	cr_assert_gt(n, 0);
	buf[n] = 0;
	for (p = buf; p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL)
		if (!strncmp(p, key, klen) && p[klen] == ':')
			return strtoull(p + klen + 1, NULL, 0);
	cr_assert_fail("no %s in the fdinfo of fd %d:\n%s", key, fd, buf);
	return 0;
}

unsigned long long o_fdinfo(__u32 id, const char *key)
{
	int fd = bpf_map_get_fd_by_id(id, 0);
	unsigned long long v;

	cr_assert_geq(fd, 0, "map %u: %s", id, strerror(-fd));
	v = o_fdinfo_fd(fd, key);
	close(fd);
	return v;
}

static bool name_exists(const char *name)
{
	struct bpf_map_info info;
	__u32 id = 0, len;
	int fd;

	while (!bpf_map_get_next_id(id, &id)) {
		fd = bpf_map_get_fd_by_id(id, 0);
		if (fd < 0)
			continue;
		len = sizeof(info);
		memset(&info, 0, sizeof(info));
		if (!bpf_obj_get_info_by_fd(fd, &info, &len) && !strcmp(info.name, name)) {
			close(fd);
			return true;
		}
		close(fd);
	}
	return false;
}

bool o_map_name_gone(const char *name)
{
	struct timespec ts = { 0, 20 * 1000 * 1000 };
	int i;

	/* a map is freed after an RCU grace period, not at the last close */
	for (i = 0; i < 50; i++) {
		if (!name_exists(name))
			return true;
		nanosleep(&ts, NULL);
	}
	return false;
}

int o_tail_call_prog(int prog_array_fd, bool *jited)
{
	/* r2 = prog_array (ld_imm64 of a map fd); r3 = 0; tail_call(r1, r2, r3); r0 = 0; exit */
	struct bpf_insn insns[] = {
		{ .code = BPF_LD | BPF_DW | BPF_IMM, .dst_reg = 2, .src_reg = BPF_PSEUDO_MAP_FD,
		  .imm = prog_array_fd },
		{ 0 },
		{ .code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = 3, .imm = 0 },
		{ .code = BPF_JMP | BPF_CALL, .imm = BPF_FUNC_tail_call },
		{ .code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = 0, .imm = 0 },
		{ .code = BPF_JMP | BPF_EXIT },
	};
	struct prog_load_opts o = {
		.prog_type = BPF_PROG_TYPE_SOCKET_FILTER, .insns = insns, .insn_cnt = 6,
		.name = "o_tail",
	};
	struct bpf_prog_info info;
	__u32 len = sizeof(info);
	static char log[65536];
	int fd;

	o.log_buf = log;
	o.log_size = sizeof(log);
	fd = bpf_prog_load(&o);
	cr_assert_geq(fd, 0, "prog load: %s\n%s", strerror(-fd), log);
	memset(&info, 0, sizeof(info));
	cr_assert_eq(bpf_obj_get_info_by_fd(fd, &info, &len), 0);
	*jited = info.jited_prog_len > 0;
	return fd;
}

pid_t o_holder(int fd, const char *comm)
{
	int p[2];
	char c;
	pid_t pid;

	cr_assert(!pipe(p));
	pid = fork();
	cr_assert_geq(pid, 0);
	if (!pid) {
		prctl(PR_SET_NAME, comm, 0, 0, 0);
		prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0);
		(void)fd;	/* inherited: the child holds it */
		close(p[0]);
		if (write(p[1], "r", 1) != 1)
			_exit(1);
		for (;;)
			pause();
	}
	close(p[1]);
	cr_assert_eq(read(p[0], &c, 1), 1);
	close(p[0]);
	return pid;
}

void o_holder_stop(pid_t pid)
{
	kill(pid, SIGKILL);
	while (waitpid(pid, NULL, 0) < 0 && errno == EINTR)
		;
}

void o_self_comm(char *comm, size_t n)
{
	FILE *f = fopen("/proc/self/comm", "r");

	cr_assert(f);
	cr_assert(fgets(comm, (int)n, f));
	fclose(f);
	comm[strcspn(comm, "\n")] = 0;
}

static char tmp_path[256];

static bool same_dev_as_parent(const char *dir)
{
	char parent[300];
	struct stat a, b;

	snprintf(parent, sizeof(parent), "%s/..", dir);
	return !stat(dir, &a) && !stat(parent, &b) && a.st_dev == b.st_dev;
}

bool o_is_mount_point(const char *dir)
{
	char line[1024], want[300];
	bool found = false;
	FILE *f;

	if (!same_dev_as_parent(dir))
		return true;
	/* a bind mount of a directory onto itself keeps the device: ask mountinfo */
	snprintf(want, sizeof(want), " %s ", dir);
	f = fopen("/proc/self/mountinfo", "r");
	cr_assert(f);
	while (!found && fgets(line, sizeof(line), f))
		found = strstr(line, want) != NULL;
	fclose(f);
	return found;
}

bool o_is_bpffs(const char *dir)
{
	struct statfs sf;

	return !statfs(dir, &sf) && sf.f_type == 0xcafe4a11;
}

void o_private_mounts(void)
{
	if (unshare(CLONE_NEWNS))
		t_skip_or_fail("unshare(CLONE_NEWNS): %s", strerror(errno));
	cr_assert(!mount("none", "/", NULL, MS_REC | MS_PRIVATE, NULL), "make-rprivate: %s",
		  strerror(errno));
}

const char *o_tmp(const char *tag)
{
	snprintf(tmp_path, sizeof(tmp_path), "/tmp/bpftool-objects-%d-%s", (int)getpid(), tag);
	o_tmp_cleanup();
	snprintf(tmp_path, sizeof(tmp_path), "/tmp/bpftool-objects-%d-%s", (int)getpid(), tag);
	cr_assert(!mkdir(tmp_path, 0700), "mkdir %s: %s", tmp_path, strerror(errno));
	return tmp_path;
}

/* Unmounts whatever is stacked on dir, then removes the tree below it. */
static void rm_tree(const char *path)
{
	struct dirent *de;
	struct stat st;
	DIR *d;
	int i;

	if (lstat(path, &st))
		return;
	for (i = 0; S_ISDIR(st.st_mode) && i < 8 && o_is_mount_point(path); i++)
		umount2(path, MNT_DETACH);
	d = opendir(path);
	if (!d) {
		unlink(path);
		return;
	}
	while ((de = readdir(d))) {
		char sub[512];

		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		snprintf(sub, sizeof(sub), "%s/%s", path, de->d_name);
		rm_tree(sub);
	}
	closedir(d);
	rmdir(path);
}

void o_tmp_cleanup(void)
{
	struct stat st;

	if (tmp_path[0] && !stat(tmp_path, &st))
		rm_tree(tmp_path);
	tmp_path[0] = 0;
}
