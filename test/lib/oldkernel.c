// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* An older kernel, emulated at the bpf(2) boundary while the binary under test runs. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>

#include "nobpf.h"
#include "oldkernel.h"

/* ---- in the child, between fork and exec ------------------------------------------------ */

static void die(const char *what)
{
	dprintf(2, "setup: %s: %s\n", what, strerror(errno));
	_exit(126);
}

/* bpf(2), native or i386, goes to the listener; everything else runs. */
static int install_filter(void)
{
	return t_bpf_seccomp(SECCOMP_RET_USER_NOTIF, -1, SECCOMP_FILTER_FLAG_NEW_LISTENER);
}

static void send_fd(int sock, int fd)
{
	char data = 'L', ctl[CMSG_SPACE(sizeof(int))];
	struct iovec iov = { &data, 1 };
	struct msghdr m = {
		.msg_iov = &iov, .msg_iovlen = 1,
		.msg_control = ctl, .msg_controllen = sizeof(ctl),
	};
	struct cmsghdr *c;

	memset(ctl, 0, sizeof(ctl));
	c = CMSG_FIRSTHDR(&m);
	c->cmsg_level = SOL_SOCKET;
	c->cmsg_type = SCM_RIGHTS;
	c->cmsg_len = CMSG_LEN(sizeof(int));
	memcpy(CMSG_DATA(c), &fd, sizeof(int));
	if (sendmsg(sock, &m, 0) != 1)
		die("sendmsg");
}

static void child_setup(void *arg)
{
	struct oldk *k = arg;
	int listener;

	if (k->setup)
		k->setup(k->setup_arg);
	listener = install_filter();
	if (listener < 0)
		die("seccomp user notification");
	send_fd(k->sock[1], listener);
	close(listener);
}

/* ---- the supervisor thread ---------------------------------------------------------------- */

static int recv_fd(int sock)
{
	char data, ctl[CMSG_SPACE(sizeof(int))];
	struct iovec iov = { &data, 1 };
	struct msghdr m = {
		.msg_iov = &iov, .msg_iovlen = 1,
		.msg_control = ctl, .msg_controllen = sizeof(ctl),
	};
	struct cmsghdr *c;
	int fd;

	if (recvmsg(sock, &m, MSG_CMSG_CLOEXEC) != 1)
		return -1;	/* the child died before it got that far */
	c = CMSG_FIRSTHDR(&m);
	if (!c || c->cmsg_type != SCM_RIGHTS)
		return -1;
	memcpy(&fd, CMSG_DATA(c), sizeof(int));
	return fd;
}

static bool peek(pid_t pid, __u64 addr, void *buf, size_t n)
{
	struct iovec local = { buf, n }, remote = { (void *)(unsigned long)addr, n };

	return process_vm_readv(pid, &local, 1, &remote, 1, 0) == (ssize_t)n;
}

static bool poke(pid_t pid, __u64 addr, const void *buf, size_t n)
{
	struct iovec local = { (void *)buf, n }, remote = { (void *)(unsigned long)addr, n };

	return process_vm_writev(pid, &local, 1, &remote, 1, 0) == (ssize_t)n;
}

static bool nonzero(const unsigned char *p, size_t n)
{
	while (n--)
		if (*p++)
			return true;
	return false;
}

/* The caller's memory [addr + from, addr + to) holds a non-zero byte (or cannot be read). */
static bool tail_nonzero(pid_t pid, __u64 addr, __u32 from, __u32 to)
{
	unsigned char buf[4096];

	while (from < to) {
		__u32 n = to - from < sizeof(buf) ? to - from : (__u32)sizeof(buf);

		if (!peek(pid, addr + from, buf, n) || nonzero(buf, n))
			return true;
		from += n;
	}
	return false;
}

static unsigned long long soft_memlock(pid_t pid)
{
	struct rlimit lim;

	if (prlimit(pid, RLIMIT_MEMLOCK, NULL, &lim))
		return 0;
	return lim.rlim_cur;
}

/* What /proc/PID/fd/FD is: "map", "prog" or something else. */
static const char *fd_kind(pid_t pid, __u32 fd)
{
	char path[64], target[64];
	ssize_t n;

	snprintf(path, sizeof(path), "/proc/%d/fd/%u", (int)pid, fd);
	n = readlink(path, target, sizeof(target) - 1);
	if (n < 0)
		return "";
	target[n] = 0;
	if (!strcmp(target, "anon_inode:bpf-map"))
		return "map";
	if (!strcmp(target, "anon_inode:bpf-prog"))
		return "prog";
	return "";
}

/* BPF_OBJ_GET_INFO_BY_FD on a kernel whose info struct is shorter: 0 or an errno. */
static int shorten_info(struct oldk *k, pid_t pid, __u64 uattr, const union bpf_attr *attr)
{
	const char *kind = fd_kind(pid, attr->info.bpf_fd);
	__u32 len = !strcmp(kind, "map") ? k->map_info_len
		    : !strcmp(kind, "prog") ? k->prog_info_len : 0;

	if (!len || attr->info.info_len <= len)
		return 0;
	if (tail_nonzero(pid, attr->info.info, len, attr->info.info_len))
		return E2BIG;
	/* the kernel then copies len bytes and reports len */
	if (!poke(pid, uattr + offsetof(union bpf_attr, info.info_len), &len, sizeof(len)))
		return EFAULT;
	return 0;
}

/* The old kernel's answer to one call: 0 lets the real kernel run it, else an errno. */
static int judge(struct oldk *k, const struct seccomp_notif *n)
{
	__u32 cmd = (__u32)n->data.args[0], size = (__u32)n->data.args[2], known, end;
	__u64 uattr = n->data.args[1];
	union bpf_attr attr;

	if (cmd < OLDK_CMDS)
		k->calls[cmd]++;
	if (k->attr_size && size > k->attr_size && tail_nonzero(n->pid, uattr, k->attr_size, size))
		return E2BIG;
	known = k->attr_size && size > k->attr_size ? k->attr_size : size;
	if (k->ncmds && cmd >= k->ncmds)
		return EINVAL;
	end = cmd < OLDK_CMDS ? k->attr_end[cmd] : 0;
	if (end && end < known && tail_nonzero(n->pid, uattr, end, known))
		return EINVAL;
	if (k->fail_err && (int)cmd == k->fail_cmd)
		return k->fail_err;
	memset(&attr, 0, sizeof(attr));
	if (!peek(n->pid, uattr, &attr, size < sizeof(attr) ? size : sizeof(attr)))
		return 0;	/* the kernel answers EFAULT itself */
	if (cmd == BPF_MAP_CREATE) {
		k->created = true;
		k->memlock_at_create = soft_memlock(n->pid);
		if (k->map_types && attr.map_type >= k->map_types)
			return EINVAL;
	}
	if (k->memlock_rlimit && (cmd == BPF_MAP_CREATE || cmd == BPF_PROG_LOAD) &&
	    soft_memlock(n->pid) < OLDK_MEMLOCK_NEED)
		return EPERM;
	if (cmd == BPF_OBJ_GET_INFO_BY_FD)
		return shorten_info(k, n->pid, uattr, &attr);
	return 0;
}

static void answer(struct oldk *k, int listener)
{
	struct seccomp_notif req;
	struct seccomp_notif_resp resp;
	int err;

	memset(&req, 0, sizeof(req));
	if (ioctl(listener, SECCOMP_IOCTL_NOTIF_RECV, &req))
		return;	/* the caller went away meanwhile */
	err = judge(k, &req);
	memset(&resp, 0, sizeof(resp));
	resp.id = req.id;
	if (err) {
		resp.error = -err;
		if (req.data.args[0] < OLDK_CMDS)
			k->refused[req.data.args[0]]++;
	} else {
		resp.flags = SECCOMP_USER_NOTIF_FLAG_CONTINUE;
	}
	ioctl(listener, SECCOMP_IOCTL_NOTIF_SEND, &resp);
}

static void *supervise(void *arg)
{
	struct oldk *k = arg;
	int listener = recv_fd(k->sock[0]);
	struct pollfd pf;

	if (listener < 0)
		return NULL;
	pf.fd = listener;
	pf.events = POLLIN;
	/* until the binary exits (POLLHUP: no task uses the filter); a minute at most */
	while (poll(&pf, 1, 60000) > 0) {
		if (pf.revents & POLLIN)
			answer(k, listener);
		else if (pf.revents & (POLLHUP | POLLERR | POLLNVAL))
			break;
	}
	close(listener);
	return NULL;
}

struct run oldk_run(struct oldk *k, const char *fmt, ...)
{
	const char *words[256];
	char *line, *save = NULL, *w;
	pthread_t th;
	struct run r;
	va_list ap;
	size_t n = 0;

	va_start(ap, fmt);
	cr_assert(vasprintf(&line, fmt, ap) >= 0);
	va_end(ap);
	for (w = strtok_r(line, " ", &save); w && n < 255; w = strtok_r(NULL, " ", &save))
		words[n++] = w;
	words[n] = NULL;
	memset(k->calls, 0, sizeof(k->calls));
	memset(k->refused, 0, sizeof(k->refused));
	k->created = false;
	k->memlock_at_create = 0;
	cr_assert(!socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, k->sock));
	cr_assert(!pthread_create(&th, NULL, supervise, k));
	r = t_runv_in(words, child_setup, k);
	close(k->sock[1]);	/* a child that never sent the listener ends the thread */
	pthread_join(th, NULL);
	close(k->sock[0]);
	free(line);
	if (r.status == 126 && !strncmp(r.err, "setup: seccomp", 14)) {
		char why[256];

		snprintf(why, sizeof(why), "%s", r.err);
		t_run_free(&r);
		t_skip_or_fail("%s", why);
	}
	return r;
}
