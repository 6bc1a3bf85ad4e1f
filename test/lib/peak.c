// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* The peak memory of one run: ptrace stops at exit and before memory is given back. */
#include <fcntl.h>
#include <signal.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../../tools/bench/memtrace.h"
#include "peak.h"
#include "tlib.h"

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
		if (memtrace_install())
			_exit(125);
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
			kib = memtrace_status_kib(pid, "\nVmHWM:");
		else if (sig == SIGTRAP && (st >> 16) == PTRACE_EVENT_SECCOMP)
			kib = memtrace_status_kib(pid, "\nVmRSS:");
		else
			deliver = sig, kib = -1;	/* another signal: delivered */
		if (kib > peak)
			peak = kib;
	}
	*status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
	return peak;
}
