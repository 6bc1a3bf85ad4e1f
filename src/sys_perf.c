// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * perf_event_open(2) (libc has no wrapper), its enable ioctl, the mmap of a perf or BPF ring,
 * and epoll: one small function per kernel call, each returning a result or -errno.
 */
#include <errno.h>
#include <sys/epoll.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "sys_perf.h"

int perf_event_open_cpu(const struct perf_event_attr *attr, int cpu)
{
	long r = syscall(SYS_perf_event_open, attr, -1, cpu, -1, PERF_FLAG_FD_CLOEXEC);

	return r < 0 ? -errno : (int)r;
}

int perf_event_enable(int fd)
{
	return ioctl(fd, PERF_EVENT_IOC_ENABLE, 0) < 0 ? -errno : 0;
}

int sys_mmap_shared(int fd, size_t len, int prot, off_t off, void **addr)
{
	void *p = mmap(NULL, len, prot, MAP_SHARED, fd, off);

	if (p == MAP_FAILED)
		return -errno;
	*addr = p;
	return 0;
}

int sys_munmap(void *addr, size_t len)
{
	return munmap(addr, len) < 0 ? -errno : 0;
}

int sys_epoll_create(void)
{
	int fd = epoll_create1(EPOLL_CLOEXEC);

	return fd < 0 ? -errno : fd;
}

int sys_epoll_add(int epfd, int fd, unsigned long long data)
{
	struct epoll_event ev = { .events = EPOLLIN, .data.u64 = data };

	return epoll_ctl(epfd, EPOLL_CTL_ADD, fd, &ev) < 0 ? -errno : 0;
}

int sys_epoll_pwait(int epfd, struct epoll_event *ev, int n, int timeout_ms,
		    const sigset_t *sigmask)
{
	int r = epoll_pwait(epfd, ev, n, timeout_ms, sigmask);

	return r < 0 ? -errno : r;
}
