// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* A kernel without bpf(2), simulated: a seccomp filter that makes bpf(2) fail with ENOSYS. */
#include <errno.h>
#include <stddef.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>

#include "nobpf.h"
#include "tlib.h"

/* arch/x86/entry/syscalls/syscall_32.tbl */
#define NR_BPF_I386 357
#define NR_PERF_EVENT_OPEN_I386 336

#if defined(__x86_64__)
#define NATIVE_ARCH AUDIT_ARCH_X86_64
#elif defined(__aarch64__)
#define NATIVE_ARCH AUDIT_ARCH_AARCH64
#endif

/* System call nr (nr_i386 for 32-bit x86 programs), first argument arg0 (< 0: any). */
static int seccomp_syscall(__u32 action, long nr, long nr_i386, int arg0, unsigned int flags)
{
#ifdef NATIVE_ARCH
	/* arch and number as seccomp_data holds them, then bpf's first argument (the command) */
	struct sock_filter f[] = {
		/* 0 */ BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)),
		/* 1 */ BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, NATIVE_ARCH, 1, 0),
		/* 2 */ BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_I386, 2, 7),
		/* 3 */ BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
		/* 4 */ BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (__u32)nr, 2, 5),
		/* 5 */ BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
		/* 6 */ BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (__u32)nr_i386, 0, 3),
		/* 7 */ BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, args[0])),
		/* 8 */ arg0 < 0 ? (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JA, 0, 0, 0)
			     : (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (__u32)arg0, 0, 1),
		/* 9 */ BPF_STMT(BPF_RET | BPF_K, action),
		/* 10 */ BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_fprog prog = { .len = sizeof(f) / sizeof(f[0]), .filter = f };

	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0))
		return -1;
	return (int)syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, flags, &prog);
#else
	(void)action;
	(void)nr;
	(void)nr_i386;
	(void)arg0;
	(void)flags;
	errno = EOPNOTSUPP;
	return -1;
#endif
}

int t_bpf_seccomp(__u32 action, int cmd, unsigned int flags)
{
	return seccomp_syscall(action, SYS_bpf, NR_BPF_I386, cmd, flags);
}

int t_bpf_fail_filter(int cmd, int err)
{
	return t_bpf_seccomp(SECCOMP_RET_ERRNO | ((__u32)err & SECCOMP_RET_DATA), cmd, 0) < 0
		       ? -errno : 0;
}

void t_block_bpf(void)
{
	int err = t_bpf_fail_filter(-1, ENOSYS);

	if (err)
		t_skip_or_fail("seccomp unavailable: %s", strerror(-err));
}

void t_block_perf(int err)
{
	if (seccomp_syscall(SECCOMP_RET_ERRNO | ((__u32)err & SECCOMP_RET_DATA),
			    SYS_perf_event_open, NR_PERF_EVENT_OPEN_I386, -1, 0) < 0)
		t_skip_or_fail("seccomp unavailable: %s", strerror(errno));
}
