// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Runs one command and measures it: wall time, user+sys CPU time (wait4's rusage) and peak
 * memory. usage: runone [-d | -o OUTFILE] [-m] [-e ERRFILE] -- CMD [ARG...]
 * The command's stdout goes into a pipe that runone drains and counts (-d: /dev/null, bytes
 * then 0; -o: into OUTFILE, bytes its size), stderr to ERRFILE (default /dev/null).
 * Prints one line:
 *   WALL_US CPU_US PEAK_KIB BYTES STATUS     (STATUS = exit code, or 128 + signal)
 * With -m, PEAK_KIB is the largest of VmHWM of /proc/PID/status read at the PTRACE_EVENT_EXIT
 * stop and VmRSS read just before every system call that can give memory back (munmap, brk,
 * mremap, madvise: a seccomp filter stops only those, as PTRACE_EVENT_SECCOMP): this kernel's
 * VmHWM misses memory mapped and unmapped again between two of its updates (a dump's buffers
 * freed before exit), so VmHWM alone read low. Exact, and only the command's own image.
 * Without -m (or when ptrace fails) it is ru_maxrss, which
 * since Linux 6.2 comes from per-CPU RSS counters read without summing (small processes read
 * as 0, steps of 128 KiB) and also counts the forked parent's image before exec. -m costs
 * two ptrace stops (~0.2 ms), so time with -m off and measure memory in a separate run.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/resource.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "memtrace.h"

static char buf[65536];

struct run {
	pid_t pid;
	int status;		/* valid once done */
	int done;
	int execed;		/* the post-exec SIGTRAP was seen and the options set */
	long peak_kib;		/* -1 until read at the exit stop */
	struct rusage ru;
};

static long long now_us(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long long)t.tv_sec * 1000000 + t.tv_nsec / 1000;
}

static void child(int out, const char *errfile, char **argv, const sigset_t *old, int trace)
{
	int err = open(errfile, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);

	sigprocmask(SIG_SETMASK, old, NULL);
	if (out < 0 || err < 0 || dup2(out, 1) < 0 || dup2(err, 2) < 0)
		_exit(126);
	if (trace && !ptrace(PTRACE_TRACEME, 0, NULL, NULL))	/* failing loses the peak */
		memtrace_install();
	execvp(argv[0], argv);
	_exit(127);
}

/* Handles every pending state change of the child: exec and exit stops, signals, the end. */
static void reap(struct run *r)
{
	int st, sig;
	long kib;
	pid_t w;

	while (!r->done && (w = wait4(r->pid, &st, WNOHANG | __WALL, &r->ru)) > 0) {
		if (!WIFSTOPPED(st)) {
			r->status = st;
			r->done = 1;
			break;
		}
		sig = WSTOPSIG(st);
		if (sig == SIGTRAP && (st >> 16) == PTRACE_EVENT_EXIT) {
			kib = memtrace_status_kib(r->pid, "\nVmHWM:");
			if (kib > r->peak_kib)
				r->peak_kib = kib;
			sig = 0;
		} else if (sig == SIGTRAP && (st >> 16) == PTRACE_EVENT_SECCOMP) {
			kib = memtrace_status_kib(r->pid, "\nVmRSS:");
			if (kib > r->peak_kib)
				r->peak_kib = kib;
			sig = 0;
		} else if (sig == SIGTRAP && (st >> 16) == PTRACE_EVENT_EXEC) {
			sig = 0;	/* a wrapper script exec'ing the real program */
		} else if (sig == SIGTRAP && !r->execed && !(st >> 16)) {
			/* the SIGTRAP of the first exec: from now on stop at exit (and report
			 * further execs as events instead of more SIGTRAPs) */
			r->execed = 1;
			ptrace(PTRACE_SETOPTIONS, r->pid, NULL,
			       (void *)(long)(PTRACE_O_TRACEEXIT | PTRACE_O_TRACEEXEC |
					      PTRACE_O_TRACESECCOMP | PTRACE_O_EXITKILL));
			sig = 0;
		}
		ptrace(PTRACE_CONT, r->pid, NULL, (void *)(long)sig);
	}
}

static int fail(const char *what)
{
	fprintf(stderr, "runone: %s: %s\n", what, strerror(errno));
	return 1;
}

static int usage(void)
{
	fputs("usage: runone [-d | -o OUTFILE] [-m] [-e ERRFILE] -- CMD [ARG...]\n", stderr);
	return 2;
}

int main(int argc, char **argv)
{
	const char *errfile = "/dev/null", *outfile = NULL;
	int p[2] = { -1, -1 }, devnull = 0, trace = 0, i, sfd;
	struct run r = { .peak_kib = -1 };
	struct signalfd_siginfo si;
	struct pollfd pf[2];
	long long t0, t1, bytes = 0;
	sigset_t mask, old;
	struct stat sb;
	ssize_t n;

	for (i = 1; i < argc && strcmp(argv[i], "--"); i++) {
		if (!strcmp(argv[i], "-d"))
			devnull = 1;
		else if (!strcmp(argv[i], "-m"))
			trace = 1;
		else if (!strcmp(argv[i], "-o") && i + 1 < argc)
			outfile = argv[++i];
		else if (!strcmp(argv[i], "-e") && i + 1 < argc)
			errfile = argv[++i];
		else
			return usage();
	}
	if (i + 1 >= argc)
		return usage();
	sigemptyset(&mask);
	sigaddset(&mask, SIGCHLD);
	sigprocmask(SIG_BLOCK, &mask, &old);
	sfd = signalfd(-1, &mask, SFD_CLOEXEC);
	if (outfile)
		p[1] = open(outfile, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	else if (devnull)
		p[1] = open("/dev/null", O_WRONLY | O_CLOEXEC);
	else if (pipe2(p, O_CLOEXEC))
		return fail("pipe");
	if (p[1] < 0)
		return fail(outfile ? outfile : "/dev/null");
	if (sfd < 0)
		return fail("signalfd");
	t0 = now_us();
	r.pid = fork();
	if (r.pid < 0)
		return fail("fork");
	if (!r.pid)
		child(p[1], errfile, argv + i + 1, &old, trace);
	/* p[0] is -1 (poll ignores it) unless stdout is the pipe */
	pf[0] = (struct pollfd){ .fd = p[0], .events = POLLIN };
	pf[1] = (struct pollfd){ .fd = sfd, .events = POLLIN };
	if (p[0] >= 0)
		close(p[1]);
	while (!r.done) {
		if (poll(pf, 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			return fail("poll");
		}
		if (pf[0].revents) {
			n = read(p[0], buf, sizeof(buf));
			if (n > 0)
				bytes += n;
			else if (n == 0 || errno != EINTR)
				pf[0].fd = -1;
		}
		if (pf[1].revents) {
			if (read(sfd, &si, sizeof(si)) < 0 && errno != EAGAIN)
				return fail("read signalfd");
			reap(&r);
		}
	}
	while (pf[0].fd >= 0 && (n = read(p[0], buf, sizeof(buf))) > 0)
		bytes += n;
	t1 = now_us();
	if (outfile && !fstat(p[1], &sb))
		bytes = sb.st_size;
	printf("%lld %lld %ld %lld %d\n", t1 - t0,
	       (long long)(r.ru.ru_utime.tv_sec + r.ru.ru_stime.tv_sec) * 1000000 +
		       r.ru.ru_utime.tv_usec + r.ru.ru_stime.tv_usec,
	       r.peak_kib >= 0 ? r.peak_kib : r.ru.ru_maxrss, bytes,
	       WIFEXITED(r.status) ? WEXITSTATUS(r.status) : 128 + WTERMSIG(r.status));
	return 0;
}
