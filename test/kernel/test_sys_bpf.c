// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* Every bpf(2) wrapper against the real kernel, with maps pinned under the test's own dir. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <linux/btf.h>

#include "sys_bpf.h"
#include "tlib.h"

static int mk(__u32 type, __u32 k, __u32 v, __u32 n, const char *name)
{
	struct map_create_opts o = {
		.map_type = type, .key_size = k, .value_size = v, .max_entries = n, .name = name,
	};
	int fd = bpf_map_create(&o);

	cr_assert_geq(fd, 0, "map create: %s", strerror(-fd));
	return fd;
}

static void fini(void)
{
	t_dir_cleanup();
}

Test(sys_bpf, element_ops, .fini = fini)
{
	__u32 k = 7, k2 = 9, next = 0;
	__u64 v = 42, got = 0;
	int fd;

	t_require_bpf();
	fd = mk(BPF_MAP_TYPE_HASH, 4, 8, 16, "t_elem");
	cr_assert_eq(bpf_map_lookup_elem(fd, &k, &got, 0), -ENOENT);
	cr_assert_eq(bpf_map_update_elem(fd, &k, &v, BPF_NOEXIST), 0);
	cr_assert_eq(bpf_map_update_elem(fd, &k, &v, BPF_NOEXIST), -EEXIST);
	cr_assert_eq(bpf_map_update_elem(fd, &k2, &v, BPF_EXIST), -ENOENT);
	cr_assert_eq(bpf_map_lookup_elem(fd, &k, &got, 0), 0);
	cr_assert_eq(got, 42);
	cr_assert_eq(bpf_map_get_next_key(fd, NULL, &next), 0);
	cr_assert_eq(next, 7);
	cr_assert_eq(bpf_map_get_next_key(fd, &k, &next), -ENOENT);
	cr_assert_eq(bpf_map_lookup_and_delete_elem(fd, &k, &got), 0);
	cr_assert_eq(bpf_map_delete_elem(fd, &k), -ENOENT);
	cr_assert_eq(bpf_map_update_elem(fd, &k, &v, 0), 0);
	cr_assert_eq(bpf_map_delete_elem(fd, &k), 0);
	cr_assert_eq(bpf_map_freeze(fd), 0);
	cr_assert_eq(bpf_map_update_elem(fd, &k, &v, 0), -EPERM);
	close(fd);
}

Test(sys_bpf, queue_pop, .fini = fini)
{
	__u32 v = 5, got = 0;
	int fd;

	t_require_bpf();
	fd = mk(BPF_MAP_TYPE_QUEUE, 0, 4, 4, "t_queue");
	cr_assert_eq(bpf_map_update_elem(fd, NULL, &v, 0), 0);
	cr_assert_eq(bpf_map_lookup_elem(fd, NULL, &got, 0), 0);
	cr_assert_eq(got, 5);
	got = 0;
	cr_assert_eq(bpf_map_lookup_and_delete_elem(fd, NULL, &got), 0);
	cr_assert_eq(got, 5);
	cr_assert_eq(bpf_map_lookup_and_delete_elem(fd, NULL, &got), -ENOENT);
	close(fd);
}

Test(sys_bpf, batches, .fini = fini)
{
	__u32 keys[100], vals[100], okeys[100], ovals[100], count = 100, out_batch = 0;
	int fd, i, r, total = 0;
	__u32 seen = 0;

	t_require_bpf();
	fd = mk(BPF_MAP_TYPE_HASH, 4, 4, 128, "t_batch");
	for (i = 0; i < 100; i++) {
		keys[i] = (__u32)i;
		vals[i] = (__u32)i * 3;
	}
	cr_assert_eq(bpf_map_update_batch(fd, keys, vals, &count, 0), 0);
	cr_assert_eq(count, 100);
	for (;;) {
		count = 32;
		r = bpf_map_lookup_batch(fd, total ? &out_batch : NULL, &out_batch, okeys, ovals,
					 &count, 0);
		cr_assert(r == 0 || r == -ENOENT, "lookup batch: %s", strerror(-r));
		for (i = 0; i < (int)count; i++) {
			cr_assert_eq(ovals[i], okeys[i] * 3);
			seen += okeys[i];
		}
		total += (int)count;
		if (r == -ENOENT)
			break;
	}
	cr_assert_eq(total, 100);
	cr_assert_eq(seen, 99 * 100 / 2);
	close(fd);
}

Test(sys_bpf, pin_get_ids_info, .fini = fini)
{
	const char *dir = t_dir("sys");
	struct bpf_map_info info;
	__u32 len = sizeof(info), id, next;
	char path[256];
	int fd, fd2, fd3;

	fd = mk(BPF_MAP_TYPE_ARRAY, 4, 8, 3, "t_pin");
	snprintf(path, sizeof(path), "%s/m", dir);
	cr_assert_eq(bpf_obj_pin(fd, path), 0);
	cr_assert_eq(bpf_obj_pin(fd, path), -EEXIST);
	fd2 = bpf_obj_get(path, 0);
	cr_assert_geq(fd2, 0);
	cr_assert(fcntl(fd2, F_GETFD) & FD_CLOEXEC);
	memset(&info, 0, sizeof(info));
	cr_assert_eq(bpf_obj_get_info_by_fd(fd2, &info, &len), 0);
	cr_assert_eq(info.type, BPF_MAP_TYPE_ARRAY);
	cr_assert_eq(info.key_size, 4);
	cr_assert_eq(info.value_size, 8);
	cr_assert_eq(info.max_entries, 3);
	cr_assert_str_eq(info.name, "t_pin");
	cr_assert_leq(len, sizeof(info));
	id = info.id;
	/* the id walk finds it */
	next = 0;
	while (!bpf_map_get_next_id(next, &next) && next != id)
		;
	cr_assert_eq(next, id);
	fd3 = bpf_map_get_fd_by_id(id, BPF_F_RDONLY);
	cr_assert_geq(fd3, 0);
	{
		__u32 k = 0;
		__u64 v = 1;

		cr_assert_eq(bpf_map_update_elem(fd3, &k, &v, 0), -EPERM);
	}
	cr_assert_eq(bpf_map_get_fd_by_id(0xfffffff0u, 0), -ENOENT);
	cr_assert_eq(bpf_obj_get("/sys/fs/bpf/no/such/path", 0), -ENOENT);
	close(fd);
	close(fd2);
	close(fd3);
}

/* r0 = XDP_PASS (2); exit */
static const struct bpf_insn xdp_pass[] = {
	{ .code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = 0, .imm = 2 },
	{ .code = BPF_JMP | BPF_EXIT },
};

Test(sys_bpf, prog_load_test_run_and_ids, .fini = fini)
{
	struct prog_load_opts po = {
		.prog_type = BPF_PROG_TYPE_XDP, .insns = xdp_pass, .insn_cnt = 2, .name = "t_xdp",
	};
	struct prog_test_run_opts ro = { 0 };
	struct bpf_prog_info info;
	unsigned char pkt[64] = { 0 };
	__u32 len = sizeof(info), next = 0;
	int fd, fd2;

	t_require_bpf();
	fd = bpf_prog_load(&po);
	cr_assert_geq(fd, 0, "prog load: %s", strerror(-fd));
	ro.data_in = pkt;
	ro.data_size_in = sizeof(pkt);
	ro.repeat = 1;
	cr_assert_eq(bpf_prog_test_run(fd, &ro), 0);
	cr_assert_eq(ro.retval, 2);
	memset(&info, 0, sizeof(info));
	cr_assert_eq(bpf_obj_get_info_by_fd(fd, &info, &len), 0);
	cr_assert_eq(info.type, BPF_PROG_TYPE_XDP);
	cr_assert_str_eq(info.name, "t_xdp");
	while (!bpf_prog_get_next_id(next, &next) && next != info.id)
		;
	cr_assert_eq(next, info.id);
	fd2 = bpf_prog_get_fd_by_id(info.id);
	cr_assert_geq(fd2, 0);
	close(fd2);
	close(fd);
}

Test(sys_bpf, btf_load_and_get, .fini = fini)
{
	/* one type: int, 4 bytes, signed, named "int" */
	static struct {
		struct btf_header h;
		__u32 types[4];
		char strs[5];
	} __attribute__((packed)) blob = {
		.h = { .magic = BTF_MAGIC, .version = 1, .hdr_len = sizeof(struct btf_header),
		       .type_off = 0, .type_len = 16, .str_off = 16, .str_len = 5 },
		.types = { 1, BTF_KIND_INT << 24, 4, (BTF_INT_SIGNED << 24) | 32 },
		.strs = "\0int",
	};
	struct bpf_btf_info info;
	__u32 len = sizeof(info), next = 0;
	char log[4096] = "";
	int fd, fd2;

	t_require_bpf();
	fd = bpf_btf_load(&blob, sizeof(blob), log, sizeof(log));
	cr_assert_geq(fd, 0, "btf load: %s\n%s", strerror(-fd), log);
	memset(&info, 0, sizeof(info));
	cr_assert_eq(bpf_obj_get_info_by_fd(fd, &info, &len), 0);
	cr_assert_eq(info.btf_size, sizeof(blob));
	while (!bpf_btf_get_next_id(next, &next) && next != info.id)
		;
	cr_assert_eq(next, info.id);
	fd2 = bpf_btf_get_fd_by_id(info.id);
	cr_assert_geq(fd2, 0);
	close(fd2);
	close(fd);
}
