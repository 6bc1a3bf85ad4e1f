// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* The sys layer on a kernel whose bpf(2) says ENOSYS (seccomp seam): every wrapper returns it. */
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "nobpf.h"
#include "sys_bpf.h"
#include "tlib.h"

Test(enosys, every_kind_of_wrapper_returns_minus_enosys)
{
	struct map_create_opts o = {
		.map_type = BPF_MAP_TYPE_HASH, .key_size = 4, .value_size = 4, .max_entries = 1,
		.name = "t_enosys",
	};
	__u32 id = 0, key = 0, val = 0;

	t_block_bpf();
	cr_expect_eq(bpf_map_get_next_id(0, &id), -ENOSYS);
	cr_expect_eq(bpf_map_get_fd_by_id(1, 0), -ENOSYS);
	cr_expect_eq(bpf_map_create(&o), -ENOSYS);
	cr_expect_eq(bpf_obj_get("/sys/fs/bpf/t_enosys", 0), -ENOSYS);
	cr_expect_eq(bpf_map_lookup_elem(0, &key, &val, 0), -ENOSYS);
	cr_expect_eq(bpf_btf_get_next_id(0, &id), -ENOSYS);
}

Test(enosys, other_system_calls_still_work)
{
	t_block_bpf();
	cr_expect_gt(getpid(), 0);
	cr_expect_eq(access("/", F_OK), 0);
}

/* The probe behind the bpf(2) note: false on this kernel, true once bpf(2) is blocked. */
Test(enosys, bpf_syscall_missing_probe)
{
	t_require_bpf();
	cr_expect(!bpf_syscall_missing());
	t_block_bpf();
	cr_expect(bpf_syscall_missing());
}
