// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * btf_load_for_map_shared(): the BTF the maps of one command are formatted with, where the
 * struct_ops maps share one vmlinux BTF, loaded once.
 */
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "btf.h"
#include "btfmaps.h"
#include "sys_bpf.h"
#include "tlib.h"

static struct gold_maps gm;
static int so_fd[2] = { -1, -1 }, so_btf[2] = { -1, -1 };

static void fini(void)
{
	int i;

	gold_maps_close(&gm);
	for (i = 0; i < 2; i++) {
		if (so_fd[i] >= 0)
			close(so_fd[i]);
		if (so_btf[i] >= 0)
			close(so_btf[i]);
	}
	t_dir_cleanup();
}

static struct bpf_map_info info_of(int fd)
{
	struct bpf_map_info info;
	__u32 len = sizeof(info);

	memset(&info, 0, sizeof(info));
	cr_assert_eq(bpf_obj_get_info_by_fd(fd, &info, &len), 0);
	return info;
}

Test(btf_shared, vmlinux_loaded_once, .fini = fini)
{
	struct bpf_map_info info[2];
	struct btf *vmlinux = NULL, *a, *b;
	int err, i;

	t_dir("btfshared");
	for (i = 0; i < 2; i++) {
		so_fd[i] = gold_struct_ops_create(NULL, &so_btf[i]);
		if (so_fd[i] == -ENOENT || so_fd[i] == -EOPNOTSUPP)
			t_skip_or_fail("no tcp_congestion_ops struct_ops: %s", strerror(-so_fd[i]));
		cr_assert_geq(so_fd[i], 0, "struct_ops map: %s", strerror(-so_fd[i]));
		info[i] = info_of(so_fd[i]);
	}
	a = btf_load_for_map_shared(&info[0], &vmlinux, &err);
	cr_assert(a, "%s", strerror(-err));
	cr_expect_eq(a, vmlinux, "a struct_ops of vmlinux's types gets the shared vmlinux");
	b = btf_load_for_map_shared(&info[1], &vmlinux, &err);
	cr_expect_eq(b, a, "and the same one again, not a second load");
	cr_expect_gt(btf_find_by_name_kind(vmlinux, "bpf_struct_ops_tcp_congestion_ops",
					   BTF_KIND_STRUCT), 0);
	btf_free(vmlinux);
}

Test(btf_shared, own_btf_and_none, .fini = fini)
{
	struct map_create_opts o = {
		.map_type = BPF_MAP_TYPE_ARRAY, .key_size = 4, .value_size = 4, .max_entries = 1,
		.name = "gshared_nobtf",
	};
	struct bpf_map_info info;
	struct btf *vmlinux = NULL, *btf;
	int err;

	err = gold_maps_create(&gm, t_dir("btfown"));
	cr_assert_eq(err, 0, "gold maps: %s", strerror(-err));
	info = info_of(gm.fd[GOLD_H]);
	btf = btf_load_for_map_shared(&info, &vmlinux, &err);
	cr_assert(btf, "%s", strerror(-err));
	cr_expect_null(vmlinux, "a map's own BTF stands alone: no vmlinux needed");
	cr_expect_eq(btf_type_cnt(btf) > gm.ids.gval, true);
	btf_free(btf);

	so_fd[0] = bpf_map_create(&o);
	cr_assert_geq(so_fd[0], 0);
	info = info_of(so_fd[0]);
	err = 1;
	cr_expect_null(btf_load_for_map_shared(&info, &vmlinux, &err));
	cr_expect_eq(err, 0, "no BTF is no error");
	cr_expect_null(vmlinux);
}
