// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* RLIMIT_MEMLOCK: raised before creating a map, only on kernels that still charge it (< 5.11). */
#include <errno.h>
#include <sys/resource.h>
#include <unistd.h>

#include "memlock.h"
#include "sys_bpf.h"

/* r0 = 0; exit */
static const struct bpf_insn probe_insns[] = {
	{ .code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = 0, .imm = 0 },
	{ .code = BPF_JMP | BPF_EXIT },
};

bool memlock_rlimit_needed(void)
{
	struct prog_load_opts o = {
		.prog_type = BPF_PROG_TYPE_SOCKET_FILTER,
		.insns = probe_insns,
		.insn_cnt = 2,
	};
	struct rlimit init, zero;
	int fd;

	if (getrlimit(RLIMIT_MEMLOCK, &init))
		return false;
	/* only the soft limit: lowering the hard one could not be undone unprivileged */
	zero.rlim_cur = 0;
	zero.rlim_max = init.rlim_max;
	if (setrlimit(RLIMIT_MEMLOCK, &zero))
		return false;
	fd = bpf_prog_load(&o);
	setrlimit(RLIMIT_MEMLOCK, &init);
	if (fd >= 0) {
		close(fd);
		return false;
	}
	return fd == -EPERM;
}

int memlock_raise(bool (*needed)(void))
{
	struct rlimit lim = { RLIM_INFINITY, RLIM_INFINITY };

	if (!needed())
		return 0;
	if (!setrlimit(RLIMIT_MEMLOCK, &lim))
		return 0;
	/* without CAP_SYS_RESOURCE the hard limit is as far as we may go */
	if (getrlimit(RLIMIT_MEMLOCK, &lim))
		return -errno;
	lim.rlim_cur = lim.rlim_max;
	return setrlimit(RLIMIT_MEMLOCK, &lim) ? -errno : 0;
}
