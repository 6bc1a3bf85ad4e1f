/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* perf_event_open(2), its enable ioctl, the ring mappings and epoll: one small function each. */
#ifndef SYS_PERF_H
#define SYS_PERF_H

#include <signal.h>
#include <stddef.h>
#include <sys/types.h>

#include <linux/perf_event.h>

struct epoll_event;

/* A CPU-wide event (pid -1, no group), close-on-exec. Returns the fd or -errno. */
int perf_event_open_cpu(const struct perf_event_attr *attr, int cpu);
/* PERF_EVENT_IOC_ENABLE. 0 or -errno. */
int perf_event_enable(int fd);

/* MAP_SHARED mapping of fd at off; *addr is set on success. 0 or -errno. */
int sys_mmap_shared(int fd, size_t len, int prot, off_t off, void **addr);
int sys_munmap(void *addr, size_t len);

/* epoll_create1(EPOLL_CLOEXEC): the fd or -errno. */
int sys_epoll_create(void);
/* EPOLL_CTL_ADD for EPOLLIN, with data.u64 = data. 0 or -errno. */
int sys_epoll_add(int epfd, int fd, unsigned long long data);
/*
 * epoll_pwait(2): ready count or -errno; -EINTR is returned, not retried, so a signal can end
 * the wait. sigmask (may be NULL) is in force during the wait only.
 */
int sys_epoll_pwait(int epfd, struct epoll_event *ev, int n, int timeout_ms,
		    const sigset_t *sigmask);

#endif
