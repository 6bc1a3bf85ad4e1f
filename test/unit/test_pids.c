// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* Holders of maps: the table (dedup per pid, discovery order) and the scan over a fake proc. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pids.h"
#include "tlib.h"

Test(pids, table_dedups_in_discovery_order)
{
	struct pids p = { 0 };
	const struct pid_ref *r;
	size_t n;

	pids_add(&p, 7, 300, "c300");
	pids_add(&p, 5, 300, "c300");
	pids_add(&p, 7, 300, "c300");	/* a second fd of the same process */
	pids_add(&p, 7, 100, "c100");
	pids_add(&p, 9, 100, "c100");
	pids_add(&p, 7, 200, "c200");
	pids_add(&p, 7, 100, "c100");
	pids_finish(&p);
	r = pids_find(&p, 7, &n);
	cr_assert_eq(n, 3);
	cr_assert_eq(r[0].pid, 300);
	cr_assert_eq(r[1].pid, 100);
	cr_assert_eq(r[2].pid, 200);
	cr_assert_str_eq(r[1].comm, "c100");
	r = pids_find(&p, 5, &n);
	cr_assert_eq(n, 1);
	cr_assert_eq(r[0].pid, 300);
	cr_assert_eq(pids_find(&p, 6, &n), NULL);
	cr_assert_eq(n, 0);
	cr_assert_eq(pids_find(&p, 10, &n), NULL);
	pids_free(&p);
	pids_finish(&p);	/* empty is fine */
	cr_assert_eq(pids_find(&p, 7, &n), NULL);
}

Test(pids, long_comm_is_cut)
{
	struct pids p = { 0 };
	size_t n;

	pids_add(&p, 1, 2, "0123456789abcdefghij");
	cr_assert_str_eq(pids_find(&p, 1, &n)[0].comm, "0123456789abcde");
	pids_free(&p);
}

static char root[128];

static void put(const char *rel, const char *text)
{
	char path[256];
	int fd;

	snprintf(path, sizeof(path), "%s/%s", root, rel);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	cr_assert_geq(fd, 0, "%s: %s", path, strerror(errno));
	cr_assert_eq(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
}

static void dir(const char *rel)
{
	char path[256];

	snprintf(path, sizeof(path), "%s/%s", root, rel);
	cr_assert(!mkdir(path, 0700), "%s: %s", path, strerror(errno));
}

static void lnk(const char *rel, const char *target)
{
	char path[256];

	snprintf(path, sizeof(path), "%s/%s", root, rel);
	cr_assert(!symlink(target, path), "%s: %s", path, strerror(errno));
}

/* One process of a fake proc tree: fd links and fdinfo files. */
static void proc(const char *pid, const char *comm)
{
	char rel[64];

	dir(pid);
	snprintf(rel, sizeof(rel), "%s/fd", pid);
	dir(rel);
	snprintf(rel, sizeof(rel), "%s/fdinfo", pid);
	dir(rel);
	snprintf(rel, sizeof(rel), "%s/comm", pid);
	put(rel, comm);
}

static void fd(const char *pid, const char *n, const char *link, const char *info)
{
	char rel[64];

	snprintf(rel, sizeof(rel), "%s/fd/%s", pid, n);
	lnk(rel, link);
	snprintf(rel, sizeof(rel), "%s/fdinfo/%s", pid, n);
	put(rel, info);
}

static void rm_rf(void)
{
	char cmd[160];

	snprintf(cmd, sizeof(cmd), "rm -rf %s", root);
	cr_assert_eq(system(cmd), 0);
}

Test(pids, scan_fake_proc, .fini = rm_rf)
{
	struct pids p;
	const struct pid_ref *r;
	size_t n;

	snprintf(root, sizeof(root), "/tmp/bpftool-pids-%d", (int)getpid());
	cr_assert(!mkdir(root, 0700));
	proc("10", "holder\n");
	fd("10", "3", "anon_inode:bpf-map", "pos:\t0\nmap_id:\t42\n");
	fd("10", "4", "anon_inode:bpf-prog", "pos:\t0\nprog_id:\t42\n");
	fd("10", "5", "anon_inode:bpf-map", "pos:\t0\nmap_id:\t42\n");
	fd("10", "6", "/dev/null", "pos:\t0\nmap_id:\t43\n");
	proc("20", "self\n");
	fd("20", "3", "anon_inode:bpf-map", "map_id:\t42\n");
	proc("30", "other\n");
	fd("30", "7", "anon_inode:bpf-map", "map_id:\t43\n");
	fd("30", "8", "anon_inode:bpf-map", "no_id_here:\t1\n");
	dir("self");	/* not a pid */
	dir("0x1");
	put("uptime", "1.0 1.0\n");

	pids_scan(&p, root, 20, OBJ_MAP);
	r = pids_find(&p, 42, &n);
	cr_assert_eq(n, 1, "the own process (20) is left out, pid 10 counted once");
	cr_assert_eq(r[0].pid, 10);
	cr_assert_str_eq(r[0].comm, "holder");
	r = pids_find(&p, 43, &n);
	cr_assert_eq(n, 1);
	cr_assert_eq(r[0].pid, 30);
	cr_assert_str_eq(r[0].comm, "other");
	cr_assert_eq(p.n, 2);
	pids_free(&p);

	pids_scan(&p, "/nonexistent-proc", 0, OBJ_MAP);
	cr_assert_eq(p.n, 0);
	pids_free(&p);
}
