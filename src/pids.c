// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* The processes holding each map (or program): one scan of /proc/PID/fd links and fdinfo ids. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fdinfo.h"
#include "pids.h"
#include "util.h"

void pids_add(struct pids *p, __u32 id, int pid, const char *comm)
{
	struct pid_ref *r;

	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 16;
		p->v = xrealloc(p->v, p->cap * sizeof(*p->v));
	}
	r = &p->v[p->n];
	memset(r, 0, sizeof(*r));
	r->id = id;
	r->pid = pid;
	snprintf(r->comm, sizeof(r->comm), "%s", comm);
	r->seq = p->n++;
}

static int ref_cmp(const void *a, const void *b)
{
	const struct pid_ref *x = a, *y = b;

	if (x->id != y->id)
		return x->id < y->id ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* A pid already listed for this map (its refs run from `first` to `end`). */
static bool seen(const struct pid_ref *first, const struct pid_ref *end, int pid)
{
	for (; first < end; first++)
		if (first->pid == pid)
			return true;
	return false;
}

void pids_finish(struct pids *p)
{
	size_t i, out = 0, run = 0;

	if (!p->n)
		return;
	qsort(p->v, p->n, sizeof(*p->v), ref_cmp);
	for (i = 0; i < p->n; i++) {
		if (out && p->v[out - 1].id != p->v[i].id)
			run = out;
		if (seen(&p->v[run], &p->v[out], p->v[i].pid))
			continue;
		p->v[out++] = p->v[i];
	}
	p->n = out;
}

const struct pid_ref *pids_find(const struct pids *p, __u32 id, size_t *n)
{
	size_t lo = 0, hi = p->n, end;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (p->v[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (end = lo; end < p->n && p->v[end].id == id; end++)
		;
	*n = end - lo;
	return *n ? &p->v[lo] : NULL;
}

void pids_free(struct pids *p)
{
	free(p->v);
	memset(p, 0, sizeof(*p));
}

/* "/proc/PID/comm" holds the name and a newline. */
static void read_comm(int procfd, const char *pid, char *comm)
{
	char path[64];
	ssize_t n;
	int fd;

	comm[0] = 0;
	snprintf(path, sizeof(path), "%s/comm", pid);
	fd = openat(procfd, path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return;
	n = read(fd, comm, PIDS_COMM_LEN - 1);
	close(fd);
	if (n <= 0)
		n = 0;
	comm[n] = 0;
	comm[strcspn(comm, "\n")] = 0;
}

static int open_sub(int procfd, const char *pid, const char *sub)
{
	char path[64];

	snprintf(path, sizeof(path), "%s/%s", pid, sub);
	return openat(procfd, path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
}

static void scan_pid(struct pids *p, int procfd, const char *name, int pid, enum obj_kind kind)
{
	char link[64], comm[PIDS_COMM_LEN] = "", buf[FDINFO_BUF_SIZE], want[32], key[16];
	unsigned long long id;
	int fdd = open_sub(procfd, name, "fd"), infod = -1;
	struct dirent *de;
	DIR *d;

	if (fdd < 0)
		return;
	snprintf(want, sizeof(want), "anon_inode:bpf-%s", obj_kind_name(kind));
	snprintf(key, sizeof(key), "%s_id", obj_kind_name(kind));
	d = fdopendir(fdd);
	if (!d) {
		close(fdd);
		return;
	}
	while ((de = readdir(d))) {
		ssize_t n;

		if (de->d_name[0] == '.')
			continue;
		n = readlinkat(fdd, de->d_name, link, sizeof(link) - 1);
		if (n <= 0)
			continue;
		link[n] = 0;
		if (strcmp(link, want))
			continue;
		if (infod < 0 && (infod = open_sub(procfd, name, "fdinfo")) < 0)
			break;
		if (fdinfo_read(infod, de->d_name, buf, sizeof(buf)) < 0 ||
		    fdinfo_get(buf, key, &id) || id > UINT32_MAX)
			continue;
		if (!comm[0])
			read_comm(procfd, name, comm);
		pids_add(p, (__u32)id, pid, comm);
	}
	if (infod >= 0)
		close(infod);
	closedir(d);
}

static int pid_of(const char *name)
{
	uint64_t v;

	return parse_u64(name, 10, INT32_MAX, &v) || name[0] == '0' ? -1 : (int)v;
}

void pids_scan(struct pids *p, const char *proc, int self, enum obj_kind kind)
{
	struct dirent *de;
	DIR *d;
	int fd = open(proc, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	memset(p, 0, sizeof(*p));
	if (fd < 0)
		return;
	d = fdopendir(fd);
	if (!d) {
		close(fd);
		return;
	}
	while ((de = readdir(d))) {
		int pid = pid_of(de->d_name);

		if (pid > 0 && pid != self)
			scan_pid(p, fd, de->d_name, pid, kind);
	}
	closedir(d);
	pids_finish(p);
}
