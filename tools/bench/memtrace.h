/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * Exact peak memory of a traced program, shared by tools/bench/runone (-m) and the tests'
 * t_peak_kib(): a seccomp filter stops the program (PTRACE_EVENT_SECCOMP, with
 * PTRACE_O_TRACESECCOMP) before each system call that can lower its RSS, where the tracer
 * reads VmRSS; at the exit stop it reads VmHWM. VmHWM alone reads low since Linux 6.2 (the
 * high-water mark is updated from unsummed per-CPU RSS counters). Self-contained: runone is
 * built with musl-gcc, which sees no kernel headers but uapi/.
 */
#ifndef MEMTRACE_H
#define MEMTRACE_H

#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <unistd.h>

#include <linux/bpf.h>	/* the classic BPF opcodes */

/* seccomp(2)'s ABI */
#define MT_SECCOMP_SET_MODE_FILTER 1
#define MT_SECCOMP_RET_TRACE 0x7ff00000U
#define MT_SECCOMP_RET_ALLOW 0x7fff0000U
#define MT_AUDIT_ARCH_X86_64 0xc000003eU	/* EM_X86_64 | 64-bit | little-endian */
#define MT_DATA_NR 0		/* struct seccomp_data: int nr; __u32 arch; ... */
#define MT_DATA_ARCH 4

struct mt_insn {		/* struct sock_filter */
	uint16_t code;
	uint8_t jt, jf;
	uint32_t k;
};

struct mt_prog {		/* struct sock_fprog */
	unsigned short len;
	struct mt_insn *filter;
};

#define MT_STMT(code, k) { (uint16_t)(code), 0, 0, (k) }
#define MT_JUMP(code, k, jt, jf) { (uint16_t)(code), (jt), (jf), (k) }
#define MT_TRACE_NR(nr) \
	MT_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (nr), 0, 1), MT_STMT(BPF_RET | BPF_K, MT_SECCOMP_RET_TRACE)

/*
 * In the child, after PTRACE_TRACEME and before exec: x86_64 programs stop before munmap,
 * brk, mremap and madvise. Returns 0, or -1 (the peak is then VmHWM alone).
 */
static inline int memtrace_install(void)
{
#ifdef __x86_64__
	struct mt_insn f[] = {
		MT_STMT(BPF_LD | BPF_W | BPF_ABS, MT_DATA_ARCH),
		MT_JUMP(BPF_JMP | BPF_JEQ | BPF_K, MT_AUDIT_ARCH_X86_64, 1, 0),
		MT_STMT(BPF_RET | BPF_K, MT_SECCOMP_RET_ALLOW),
		MT_STMT(BPF_LD | BPF_W | BPF_ABS, MT_DATA_NR),
		MT_TRACE_NR(SYS_munmap), MT_TRACE_NR(SYS_brk), MT_TRACE_NR(SYS_mremap),
		MT_TRACE_NR(SYS_madvise),
		MT_STMT(BPF_RET | BPF_K, MT_SECCOMP_RET_ALLOW),
	};
	struct mt_prog prog = { .len = sizeof(f) / sizeof(f[0]), .filter = f };

	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0))
		return -1;
	return syscall(SYS_seccomp, MT_SECCOMP_SET_MODE_FILTER, 0, &prog) ? -1 : 0;
#else
	return -1;
#endif
}

/* "VmHWM:	    1032 kB" of /proc/PID/status (field "\nVmHWM:" or "\nVmRSS:"); -1 if absent */
static inline long memtrace_status_kib(pid_t pid, const char *field)
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

#endif
