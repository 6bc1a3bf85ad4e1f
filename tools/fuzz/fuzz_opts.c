// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The command line, end to end: argv from the fuzzer through opts_parse(), the real command
 * tables (do_map, do_prog) and every command's own word parsing (MAP and PROG handles, DATA,
 * create's arguments, update flags, event_pipe's cpu/index...). A seccomp filter set up once
 * makes bpf(2) and perf_event_open(2) fail with ENOSYS and mount(2)/umount2(2) with EPERM, so
 * each command runs until it would first reach the kernel and fails there, as on a kernel
 * without bpf(2): the fuzzer never touches a map or a mount. batch (it reads files) is left
 * out; its line reader has its own target, fuzz_batch.
 */
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <stdio.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>

#include "cmd.h"
#include "fuzz_common.h"
#include "map_cmd.h"
#include "opts.h"
#include "out.h"
#include "prog_cmd.h"

static int stub(struct ctx *c, struct args *a)
{
	(void)c;
	(void)a;
	return 0;
}

/* main.c's table, in its order (prefixes select the same); batch and help are stubs */
static const struct cmd top_tbl[] = {
	{ "help", stub }, { "batch", NULL }, { "prog", do_prog }, { "map", do_map },
	{ "link", NULL }, { "cgroup", NULL }, { "perf", NULL }, { "net", NULL },
	{ "feature", NULL }, { "btf", NULL }, { "gen", NULL }, { "struct_ops", NULL },
	{ "iter", NULL }, { "token", NULL }, { "version", stub }, { NULL, NULL },
};

#define DENY(nr, err)                                                  \
	BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (nr), 0, 1),               \
	BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | (err))

static int no_kernel_objects(void)
{
	struct sock_filter f[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 1, 0),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS),
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
		DENY(SYS_bpf, ENOSYS),
		DENY(SYS_perf_event_open, ENOSYS),
		DENY(SYS_mount, EPERM),
		DENY(SYS_umount2, EPERM),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_fprog prog = { .len = sizeof(f) / sizeof(f[0]), .filter = f };

	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0))
		return -1;
	return (int)syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog);
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
#if !defined(__x86_64__)
#error "fuzz_opts's seccomp filter is written for x86_64"
#endif
	if (no_kernel_objects()) {
		perror("fuzz_opts: seccomp");
		abort();
	}
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *argv[FUZZ_MAX_WORDS + 1], *buf;
	struct opts_error err;
	struct ctx c = { 0 };
	struct args rest;
	int argc;

	argc = fuzz_words(data, size, &buf, argv);
	if (opts_parse(argc, argv, &c.opts, &rest, &err) == OPTS_RUN) {
		out_init(c.opts.json, c.opts.pretty);
		cmd_select(top_tbl, &c, &rest, stub, NULL);
		g_out.so.len = 0;	/* drop output instead of writing it */
		out_finish();
	}
	free(buf);
	return 0;
}
