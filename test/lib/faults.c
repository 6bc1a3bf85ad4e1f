// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Fault injection for the robustness tests: bpf(2) calls of the binary under test answered
 * with an error by a supervisor in the test process (seccomp user notification).
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <linux/filter.h>
#include <linux/seccomp.h>

#include "faults.h"
#include "nobpf.h"

static void die(const char *what)
{
	dprintf(2, "faults: %s: %s\n", what, strerror(errno));
	_exit(126);
}

static void send_fd(int sock, int fd)
{
	char cbuf[CMSG_SPACE(sizeof(int))] = { 0 };
	char byte = 0;
	struct iovec iov = { .iov_base = &byte, .iov_len = 1 };
	struct msghdr msg = {
		.msg_iov = &iov, .msg_iovlen = 1, .msg_control = cbuf,
		.msg_controllen = sizeof(cbuf),
	};
	struct cmsghdr *c = CMSG_FIRSTHDR(&msg);

	c->cmsg_level = SOL_SOCKET;
	c->cmsg_type = SCM_RIGHTS;
	c->cmsg_len = CMSG_LEN(sizeof(int));
	memcpy(CMSG_DATA(c), &fd, sizeof(int));
	if (sendmsg(sock, &msg, 0) != 1)
		die("sendmsg");
}

static int recv_fd(int sock)
{
	char cbuf[CMSG_SPACE(sizeof(int))] = { 0 };
	char byte;
	struct iovec iov = { .iov_base = &byte, .iov_len = 1 };
	struct msghdr msg = {
		.msg_iov = &iov, .msg_iovlen = 1, .msg_control = cbuf,
		.msg_controllen = sizeof(cbuf),
	};
	struct cmsghdr *c;
	int fd;

	if (recvmsg(sock, &msg, 0) != 1)
		return -1;
	c = CMSG_FIRSTHDR(&msg);
	if (!c || c->cmsg_type != SCM_RIGHTS)
		return -1;
	memcpy(&fd, CMSG_DATA(c), sizeof(int));
	return fd;
}

void f_notif_setup(void *arg)
{
	struct f_notif *n = arg;
	int fd = t_bpf_seccomp(SECCOMP_RET_USER_NOTIF, -1, SECCOMP_FILTER_FLAG_NEW_LISTENER);

	if (fd < 0)
		die("seccomp");
	send_fd(n->sock[1], fd);
	/* only stdin, stdout and stderr go across exec: any other fd then is the binary's own */
	if (syscall(SYS_close_range, 3U, ~0U, 0U))
		die("close_range");
	alarm(30);	/* survives exec: a binary that hangs under faults dies */
}

/*
 * The caller's fd table while it waits in bpf(2): the first fd above 2 without O_CLOEXEC
 * ("flags:" in fdinfo is octal, O_CLOEXEC 02000000) goes into n->leak.
 */
static void inspect_fds(struct f_notif *n, pid_t pid)
{
	char path[64], link[256], target[200], line[128];
	struct dirent *de;
	DIR *d;

	snprintf(path, sizeof(path), "/proc/%d/fdinfo", (int)pid);
	d = opendir(path);
	if (!d)
		return;
	n->fd_checks++;
	while ((de = readdir(d))) {
		unsigned long flags = 0;
		int fd = atoi(de->d_name);
		FILE *f;

		if (de->d_name[0] == '.' || fd <= 2)
			continue;
		snprintf(path, sizeof(path), "/proc/%d/fdinfo/%d", (int)pid, fd);
		f = fopen(path, "re");
		if (!f)
			continue;
		while (fgets(line, sizeof(line), f))
			if (sscanf(line, "flags: %lo", &flags) == 1)
				break;
		fclose(f);
		if (flags & O_CLOEXEC || n->leak[0])
			continue;
		snprintf(link, sizeof(link), "/proc/%d/fd/%d", (int)pid, fd);
		memset(target, 0, sizeof(target));
		if (readlink(link, target, sizeof(target) - 1) < 0)
			strcpy(target, "?");
		snprintf(n->leak, sizeof(n->leak), "fd %d -> %s (flags 0%lo)", fd, target, flags);
	}
	closedir(d);
}

/* Answers each bpf call: the chosen ones with the error, the others go through unchanged. */
static void *supervise(void *arg)
{
	struct f_notif *n = arg;
	struct seccomp_notif req;
	struct seccomp_notif_resp resp;
	int fd = recv_fd(n->sock[0]);

	if (fd < 0)
		return NULL;
	for (;;) {
		struct pollfd pf = { .fd = fd, .events = POLLIN };
		bool fail = false;

		if (poll(&pf, 1, -1) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (pf.revents & (POLLHUP | POLLERR | POLLNVAL))
			break;	/* the child and everything it forked are gone */
		memset(&req, 0, sizeof(req));
		if (ioctl(fd, SECCOMP_IOCTL_NOTIF_RECV, &req))
			continue;	/* the caller was killed meanwhile */
		if (n->check_fds)
			inspect_fds(n, (pid_t)req.pid);
		if (n->cmd < 0 || (int)req.data.args[0] == n->cmd) {
			n->calls++;
			fail = n->every && n->calls % n->every == n->phase &&
			       (!n->limit || n->failed < n->limit);
		}
		memset(&resp, 0, sizeof(resp));
		resp.id = req.id;
		if (fail) {
			resp.error = -n->err;
			n->failed++;
		} else {
			resp.flags = SECCOMP_USER_NOTIF_FLAG_CONTINUE;
		}
		ioctl(fd, SECCOMP_IOCTL_NOTIF_SEND, &resp);
	}
	close(fd);
	return NULL;
}

void f_notif_start(struct f_notif *n)
{
	n->calls = n->failed = n->fd_checks = 0;
	n->leak[0] = 0;
	cr_assert_eq(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, n->sock), 0);
	cr_assert_eq(pthread_create(&n->th, NULL, supervise, n), 0);
	n->running = true;
}

void f_notif_stop(struct f_notif *n)
{
	if (!n->running)
		return;
	/* a child that never sent the listener: wake the supervisor's recvmsg */
	shutdown(n->sock[0], SHUT_RDWR);
	shutdown(n->sock[1], SHUT_RDWR);
	pthread_join(n->th, NULL);
	close(n->sock[0]);
	close(n->sock[1]);
	n->running = false;
}

struct run f_run(struct f_notif *n, const char *fmt, ...)
{
	const char *words[256];
	char *line, *save = NULL, *w;
	struct run r;
	va_list ap;
	size_t k = 0;

	va_start(ap, fmt);
	cr_assert(vasprintf(&line, fmt, ap) >= 0);
	va_end(ap);
	for (w = strtok_r(line, " ", &save); w && k < 255; w = strtok_r(NULL, " ", &save))
		words[k++] = w;
	words[k] = NULL;
	f_notif_start(n);
	r = t_runv_in(words, f_notif_setup, n);
	f_notif_stop(n);
	free(line);
	return r;
}
