// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* The peak memory of one run: ptrace stops at exit and before memory is given back. */
#include <fcntl.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>

#include "peak.h"
#include "tlib.h"

#define TRACE_NR(nr) \
	BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (nr), 0, 1), BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_TRACE)

static void trace_memory_returns(void)
{
	struct sock_filter f[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 1, 0),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
		TRACE_NR(SYS_munmap), TRACE_NR(SYS_brk), TRACE_NR(SYS_mremap), TRACE_NR(SYS_madvise),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_fprog prog = { .len = sizeof(f) / sizeof(f[0]), .filter = f };

	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) ||
	    syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog))
		_exit(125);
}

static long status_kib(pid_t pid, const char *field)
{
	char path[64], text[4096], *p;
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "/proc/%d/status", (int)pid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	n = read(fd, text, sizeof(text) - 1);
	close(fd);
	if (n <= 0)
		return -1;
	text[n] = 0;
	p = strstr(text, field);
	return p ? strtol(p + strlen(field), NULL, 10) : -1;
}

long t_peak_kib(const char *const *words, int *status)
{
	const char *argv[64] = { t_bpftool() };
	long peak = -1, kib;
	int n = 1, st, sig, null, deliver = 0;
	pid_t pid;

	while (*words && n < 63)
		argv[n++] = *words++;
	argv[n] = NULL;
	pid = fork();
	cr_assert_geq(pid, 0);
	if (!pid) {
		null = open("/dev/null", O_WRONLY);
		if (null < 0 || dup2(null, 1) < 0 || dup2(null, 2) < 0 ||
		    ptrace(PTRACE_TRACEME, 0, NULL, NULL))
			_exit(126);
		trace_memory_returns();
		execv(argv[0], (char *const *)argv);
		_exit(127);
	}
	/* the exec's SIGTRAP: from here stop at exit and at the filter's system calls */
	cr_assert_eq(waitpid(pid, &st, 0), pid);
	cr_assert(WIFSTOPPED(st) && WSTOPSIG(st) == SIGTRAP, "status 0x%x", st);
	cr_assert_eq(ptrace(PTRACE_SETOPTIONS, pid, NULL,
			    (void *)(long)(PTRACE_O_TRACEEXIT | PTRACE_O_TRACESECCOMP |
					   PTRACE_O_EXITKILL)), 0);
	for (;;) {
		cr_assert_eq(ptrace(PTRACE_CONT, pid, NULL, (void *)(long)deliver), 0);
		cr_assert_eq(waitpid(pid, &st, 0), pid);
		if (!WIFSTOPPED(st))
			break;
		deliver = 0;
		sig = WSTOPSIG(st);
		if (sig == SIGTRAP && (st >> 16) == PTRACE_EVENT_EXIT)
			kib = status_kib(pid, "\nVmHWM:");
		else if (sig == SIGTRAP && (st >> 16) == PTRACE_EVENT_SECCOMP)
			kib = status_kib(pid, "\nVmRSS:");
		else
			deliver = sig, kib = -1;	/* another signal: delivered */
		if (kib > peak)
			peak = kib;
	}
	*status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
	return peak;
}
