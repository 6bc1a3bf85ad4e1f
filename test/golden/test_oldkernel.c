// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Old kernels, emulated at the bpf(2) boundary (test/lib/oldkernel.h): every probe and
 * fallback of the tool meets the answer an older kernel gives, the binary under test runs
 * unchanged. Kernel versions and field offsets are cited where a model uses them.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

#include "btfbuild.h"
#include "handle.h"
#include "objects.h"
#include "oldkernel.h"
#include "util.h"

static void fini(void)
{
	t_dir_cleanup();
}

static void expect_run(struct run r, int status, const char *out, const char *err)
{
	cr_expect_eq(r.status, status, "status %d, want %d; stdout: %s; stderr: %s", r.status,
		     status, r.out, r.err);
	if (out)
		cr_expect_str_eq(r.out, out);
	if (err)
		cr_expect_str_eq(r.err, err);
	t_run_free(&r);
}

/* What the running kernel prints for these words (the reference for a fallback). */
static char *today(const char *fmt, __u32 id)
{
	struct run r = t_run(fmt, id);
	char *out;

	cr_assert_eq(r.status, 0, "%s", r.err);
	out = strdup(r.out);
	t_run_free(&r);
	return out;
}

/* ---- batches (5.6): before them, dump walks with get_next_key and prints the same ---- */

Test(oldkernel, dump_without_batch_ops)
{
	/* Linux 5.5 knows the commands up to BPF_BTF_GET_NEXT_ID; batches came in 5.6 */
	struct oldk k = { .ncmds = BPF_MAP_LOOKUP_BATCH };
	int h = o_map(BPF_MAP_TYPE_HASH, 4, 8, 64, "ok_hash");
	int pc = o_map(BPF_MAP_TYPE_PERCPU_HASH, 4, 4, 8, "ok_pchash");
	int a = o_map(BPF_MAP_TYPE_ARRAY, 4, 4, 5, "ok_array");
	const int fds[] = { h, pc, a };
	const unsigned int n[] = { 40, 3, 5 };
	__u32 i, key;
	size_t f;

	for (key = 0; key < 40; key++) {
		__u64 v = 0x1000 + key;
		static __u32 pv[1024];

		cr_assert_eq(bpf_map_update_elem(h, &key, &v, 0), 0);
		if (key < 3)
			cr_assert_eq(bpf_map_update_elem(pc, &key, pv, 0), 0);
	}
	for (f = 0; f < ARRAY_SIZE(fds); f++) {
		__u32 id = o_id(fds[f]);
		char *want = today("map dump id %u", id), *jwant = today("-j map dump id %u", id);

		expect_run(oldk_run(&k, "map dump id %u", id), 0, want, "");
		cr_expect_eq(k.refused[BPF_MAP_LOOKUP_BATCH], 1, "asked for a batch once");
		cr_expect_eq(k.calls[BPF_MAP_GET_NEXT_KEY], n[f] + 1, "then key by key");
		cr_expect_eq(k.calls[BPF_MAP_LOOKUP_ELEM], n[f]);
		expect_run(oldk_run(&k, "-j map dump id %u", id), 0, jwant, "");
		free(want);
		free(jwant);
	}
	for (i = 0; i < ARRAY_SIZE(fds); i++)
		close(fds[i]);
}

/* ---- ids and info (4.13): before them nothing but help and version works ---------------- */

Test(oldkernel, no_ids_before_4_13, .fini = fini)
{
	/* Linux 4.12's last command is BPF_PROG_TEST_RUN (10); ids came with 4.13 */
	struct oldk k = { .ncmds = BPF_PROG_GET_NEXT_ID };
	const char *dir = t_dir("old412");
	char *path = o_fmt("%s/m", dir), *e;
	__u32 id = o_pin_close(o_map(BPF_MAP_TYPE_ARRAY, 4, 4, 1, "ok_412"), path);

	expect_run(oldk_run(&k, "map show"), 255, "",
		   "Error: can't get next map: Invalid argument -- kernel too old?\n");
	expect_run(oldk_run(&k, "-j map show"), 255,
		   "[{\"error\":\"can't get next map: Invalid argument -- kernel too old?\"}]\n",
		   "");
	expect_run(oldk_run(&k, "prog show"), 255, "",
		   "Error: can't get next program: Invalid argument -- kernel too old?\n");
	expect_run(oldk_run(&k, "map dump name ok_412"), 255, "",
		   "Error: can't get next map: Invalid argument -- kernel too old?\n");
	e = o_fmt("Error: get map by id (%u): Invalid argument -- kernel too old?\n", id);
	expect_run(oldk_run(&k, "map dump id %u", id), 255, "", e);
	free(e);
	/* pinning is older (4.4), the info of what is pinned is not */
	expect_run(oldk_run(&k, "map show pinned %s", path), 255, "",
		   "Error: can't get map info: Invalid argument -- kernel too old?\n");
	expect_run(oldk_run(&k, "version"), 0, NULL, "");
	free(path);
}

/* ---- shorter info structs: nothing past what the kernel filled is shown ------------------ */

/* An array map whose key and value are BTF ints, so that it has a btf_id. */
static int btf_array(const char *name, int *btf_fd)
{
	struct map_create_opts o = {
		.map_type = BPF_MAP_TYPE_ARRAY, .key_size = 4, .value_size = 4, .max_entries = 2,
		.name = name,
	};
	char log[4096] = "";
	struct btfb b;
	size_t size;
	void *blob;
	__u32 i32;

	btfb_init(&b);
	i32 = btfb_int(&b, "int", 4, BTF_INT_SIGNED, 32, 0);
	blob = btfb_blob(&b, &size);
	*btf_fd = bpf_btf_load(blob, (__u32)size, log, sizeof(log));
	cr_assert_geq(*btf_fd, 0, "btf load: %s\n%s", strerror(-*btf_fd), log);
	free(blob);
	btfb_free(&b);
	o.btf_fd = (__u32)*btf_fd;
	o.btf_key_type_id = i32;
	o.btf_value_type_id = i32;
	return o_map_opts(&o);
}

Test(oldkernel, short_map_info, .fini = fini)
{
	struct oldk k = { 0 };
	const char *dir = t_dir("shortinfo");
	int btf_fd, fd = btf_array("ok_btfmap", &btf_fd);
	char *want, *path = o_fmt("%s/m", dir);
	struct bpf_map_info info;
	unsigned long long ml;
	__u32 id;

	cr_assert_eq(map_info_get(fd, &info), 0);
	cr_assert_neq(info.btf_id, 0);
	/* pinned, and no fd of ours left: no pids line */
	id = o_pin_close(fd, path);
	close(btf_fd);
	free(path);
	ml = o_fdinfo(id, "memlock");

	/* 4.13: type, id, sizes, flags (24 bytes); names came in 4.15 */
	k.map_info_len = offsetof(struct bpf_map_info, name);
	want = o_fmt("%u: array  flags 0x0\n\tkey 4B  value 4B  max_entries 2  memlock %lluB\n",
		     id, ml);
	expect_run(oldk_run(&k, "map show id %u", id), 0, want, "");
	free(want);
	want = o_fmt("{\"id\":%u,\"type\":\"array\",\"flags\":0,\"bytes_key\":4,\"bytes_value\":4,"
		     "\"max_entries\":2,\"bytes_memlock\":%llu,\"frozen\":0}\n", id, ml);
	expect_run(oldk_run(&k, "-j map show id %u", id), 0, want, "");
	free(want);
	/* no map has a name there, so none matches one */
	expect_run(oldk_run(&k, "map show name ok_btfmap"), 255, "",
		   "Error: no map with name 'ok_btfmap'\n");

	/* 4.15 (name, 40 bytes) and 4.16 (offload device, 64): no BTF before 4.18 */
	want = o_fmt("%u: array  name ok_btfmap  flags 0x0\n\tkey 4B  value 4B  max_entries 2  "
		     "memlock %lluB\n", id, ml);
	k.map_info_len = offsetof(struct bpf_map_info, ifindex);
	expect_run(oldk_run(&k, "map show id %u", id), 0, want, "");
	k.map_info_len = offsetof(struct bpf_map_info, btf_id);
	expect_run(oldk_run(&k, "map show name ok_btfmap"), 0, want, "");
	free(want);
	/* without a btf_id the dump is hex, in plain and JSON mode */
	expect_run(oldk_run(&k, "map dump id %u", id), 0,
		   "key: 00 00 00 00  value: 00 00 00 00\nkey: 01 00 00 00  value: 00 00 00 00\n"
		   "Found 2 elements\n", "");
	expect_run(oldk_run(&k, "-j map dump id %u", id), 0,
		   "[{\"key\":[\"0x00\",\"0x00\",\"0x00\",\"0x00\"],"
		   "\"value\":[\"0x00\",\"0x00\",\"0x00\",\"0x00\"]},"
		   "{\"key\":[\"0x01\",\"0x00\",\"0x00\",\"0x00\"],"
		   "\"value\":[\"0x00\",\"0x00\",\"0x00\",\"0x00\"]}]\n", "");

	/* 4.18 to 5.15 (80 bytes, before map_extra): the btf_id */
	k.map_info_len = offsetof(struct bpf_map_info, map_extra);
	want = o_fmt("%u: array  name ok_btfmap  flags 0x0\n\tkey 4B  value 4B  max_entries 2  "
		     "memlock %lluB\n\tbtf_id %u\n", id, ml, info.btf_id);
	expect_run(oldk_run(&k, "map show id %u", id), 0, want, "");
	free(want);
	cr_expect_eq(k.refused[BPF_OBJ_GET_INFO_BY_FD], 0);
}

/* A program named longer than the kernel keeps, its full name in BTF func info. */
static int long_named_prog(const char *full, int *btf_fd)
{
	static const struct bpf_insn insns[] = {
		{ .code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = 0, .imm = 0 },
		{ .code = BPF_JMP | BPF_EXIT },
	};
	struct bpf_func_info fi = { .insn_off = 0 };
	struct prog_load_opts o = { .prog_type = BPF_PROG_TYPE_SOCKET_FILTER, .insns = insns,
				    .insn_cnt = 2, .name = full };
	char log[4096] = "";
	struct btfb b;
	size_t size;
	void *blob;
	int fd;

	btfb_init(&b);
	fi.type_id = btfb_func(&b, full,
			       btfb_func_proto(&b, btfb_int(&b, "int", 4, BTF_INT_SIGNED, 32, 0)),
			       BTF_FUNC_GLOBAL);
	blob = btfb_blob(&b, &size);
	*btf_fd = bpf_btf_load(blob, (__u32)size, log, sizeof(log));
	cr_assert_geq(*btf_fd, 0, "btf load: %s\n%s", strerror(-*btf_fd), log);
	free(blob);
	btfb_free(&b);
	o.prog_btf_fd = (__u32)*btf_fd;
	o.func_info = &fi;
	o.func_info_cnt = 1;
	fd = bpf_prog_load(&o);
	cr_assert_geq(fd, 0, "prog load: %s", strerror(-fd));
	return fd;
}

static char *first_line(const char *s)
{
	return o_fmt("%.*s", (int)strcspn(s, "\n"), s);
}

static void expect_first_line(struct run r, const char *want, const char *absent)
{
	char *line = first_line(r.out);

	cr_expect_eq(r.status, 0, "%s", r.err);
	cr_expect_str_eq(line, want);
	cr_expect(!strstr(r.out, absent), "no %s: %s", absent, r.out);
	cr_expect_str_eq(r.err, "");
	free(line);
	t_run_free(&r);
}

Test(oldkernel, short_prog_info_and_no_btf)
{
	const char *full = "ok_a_rather_long_program_name";
	struct oldk k = { 0 };
	int btf_fd, fd = long_named_prog(full, &btf_fd);
	struct bpf_prog_info pi;
	char tag[17], *want;
	struct run r;
	int i;

	cr_assert_eq(prog_info_get(fd, &pi), 0);
	for (i = 0; i < BPF_TAG_SIZE; i++)
		snprintf(tag + 2 * i, 3, "%02x", pi.tag[i]);

	/* 4.13 (40 bytes: type, id, tag, sizes): no name, no load time */
	k.prog_info_len = offsetof(struct bpf_prog_info, load_time);
	want = o_fmt("%u: socket_filter  tag %s", pi.id, tag);
	expect_first_line(oldk_run(&k, "prog show id %u", pi.id), want, "loaded_at");
	free(want);
	/* 4.15 (80 bytes: load time, uid, map ids, name): the kernel's 15 characters */
	k.prog_info_len = offsetof(struct bpf_prog_info, ifindex);
	want = o_fmt("%u: socket_filter  name ok_a_rather_lon  tag %s", pi.id, tag);
	expect_first_line(oldk_run(&k, "prog show id %u", pi.id), want, "btf_id");
	r = oldk_run(&k, "prog show id %u", pi.id);
	cr_expect(strstr(r.out, "\n\tloaded_at "), "%s", r.out);
	t_run_free(&r);
	free(want);
	/* before btf_id and func info (5.0): the kernel's name even where BTF objects exist */
	k.prog_info_len = offsetof(struct bpf_prog_info, btf_id);
	want = o_fmt("%u: socket_filter  name ok_a_rather_lon  tag %s  gpl", pi.id, tag);
	expect_first_line(oldk_run(&k, "prog show id %u", pi.id), want, "btf_id");
	free(want);

	/* BTF unreachable (gone, or a kernel that refuses it): the kernel's name, no error */
	k.prog_info_len = 0;
	k.fail_cmd = BPF_BTF_GET_FD_BY_ID;
	k.fail_err = ENOENT;
	want = o_fmt("%u: socket_filter  name ok_a_rather_lon  tag %s  gpl", pi.id, tag);
	expect_first_line(oldk_run(&k, "prog show id %u", pi.id), want, full);
	cr_expect_eq(k.refused[BPF_BTF_GET_FD_BY_ID], 1);
	k.fail_err = EINVAL;
	expect_first_line(oldk_run(&k, "prog show id %u", pi.id), want, full);
	free(want);
	/* today: the full name */
	want = o_fmt("%u: socket_filter  name %s  tag %s  gpl", pi.id, full, tag);
	expect_first_line(t_run("prog show id %u", pi.id), want, "\n\tbtf_id 0\n");
	free(want);
	close(fd);
	close(btf_fd);
}

Test(oldkernel, map_show_without_btf_objects)
{
	struct oldk k = { .fail_cmd = BPF_BTF_GET_FD_BY_ID, .fail_err = EINVAL };
	int btf_fd, fd = btf_array("ok_btfshow", &btf_fd);
	struct bpf_map_info info;
	char *want;

	cr_assert_eq(map_info_get(fd, &info), 0);
	want = today("map show id %u", info.id);
	expect_run(oldk_run(&k, "map show id %u", info.id), 0, want, "");
	free(want);
	want = today("-j map show id %u", info.id);
	expect_run(oldk_run(&k, "-j map show id %u", info.id), 0, want, "");
	free(want);
	close(fd);
	close(btf_fd);
}

/* ---- RLIMIT_MEMLOCK (before 5.11): raised when the probe says the kernel charges it ----- */

struct limits {
	rlim_t soft, hard;
	bool no_sys_resource;	/* without CAP_SYS_RESOURCE the hard limit is the ceiling */
};

static void set_limits(void *arg)
{
	const struct limits *l = arg;
	struct rlimit r = { l->soft, l->hard };

	if (setrlimit(RLIMIT_MEMLOCK, &r))
		_exit(125);
	if (l->no_sys_resource && prctl(PR_CAPBSET_DROP, 24 /* CAP_SYS_RESOURCE */, 0, 0, 0))
		_exit(125);
}

Test(oldkernel, memlock_rlimit, .fini = fini)
{
	const char *dir = t_dir("memlock");
	struct limits capped = { 64 << 10, 2 << 20, true };
	struct limits tight = { 64 << 10, 512 << 10, true };
	struct oldk k = { .memlock_rlimit = true, .setup = set_limits };
	struct limits low;
	struct rlimit cur;

	/* the hard limits below are lowered from ours, which needs no privilege */
	cr_assert_eq(getrlimit(RLIMIT_MEMLOCK, &cur), 0);
	if (cur.rlim_max < (2 << 20))
		t_skip_or_fail("RLIMIT_MEMLOCK hard limit %llu is below 2 MiB",
			       (unsigned long long)cur.rlim_max);
	low = (struct limits){ 64 << 10, cur.rlim_max, false };
	/* the probe (a program load at a zero limit) fails: raised to infinity if we may */
	k.setup_arg = &low;
	expect_run(oldk_run(&k, "map create %s/a type hash key 4 value 4 entries 4 name ok_ml1",
			    dir), 0, "", "");
	cr_expect(k.created && (k.memlock_at_create == RLIM_INFINITY ||
				k.memlock_at_create == cur.rlim_max), "%llu", k.memlock_at_create);
	cr_expect_geq(k.refused[BPF_PROG_LOAD], 1, "the probe met the old accounting");
	/* without CAP_SYS_RESOURCE: as far as the hard limit */
	k.setup_arg = &capped;
	expect_run(oldk_run(&k, "map create %s/b type hash key 4 value 4 entries 4 name ok_ml2",
			    dir), 0, "", "");
	cr_expect_eq(k.memlock_at_create, 2 << 20);
	/* a hard limit too low: the kernel's refusal, as upstream reports it */
	k.setup_arg = &tight;
	expect_run(oldk_run(&k, "map create %s/c type hash key 4 value 4 entries 4 name ok_ml3",
			    dir), 255, "", "Error: map create failed: Operation not permitted\n");
	cr_expect_eq(k.memlock_at_create, 512 << 10);
	/* a kernel that charges the memory cgroup (5.11+): the limit is left alone */
	k.memlock_rlimit = false;
	k.setup_arg = &capped;
	expect_run(oldk_run(&k, "map create %s/d type hash key 4 value 4 entries 4 name ok_ml4",
			    dir), 0, "", "");
	cr_expect_eq(k.memlock_at_create, 64 << 10, "not raised: %llu", k.memlock_at_create);
	cr_expect_eq(k.refused[BPF_PROG_LOAD], 0);
}

/* ---- freeze (5.2), map_extra (5.16), ring buffers (5.8) ------------------------------- */

Test(oldkernel, freeze_before_5_2)
{
	/* Linux 5.1's last command is BPF_MAP_LOOKUP_AND_DELETE_ELEM (21) */
	struct oldk k = { .ncmds = BPF_MAP_FREEZE };
	int fd = o_map(BPF_MAP_TYPE_ARRAY, 4, 4, 1, "ok_freeze");
	__u32 id = o_id(fd);

	expect_run(oldk_run(&k, "map freeze id %u", id), 234, "",
		   "Error: failed to freeze map: Invalid argument -- kernel too old?\n");
	expect_run(oldk_run(&k, "-j map freeze id %u", id), 234,
		   "{\"error\":\"failed to freeze map: Invalid argument -- kernel too old?\"}\n",
		   "");
	cr_expect_eq(o_fdinfo(id, "frozen"), 0);
	close(fd);
}

#define EXTRA_NOTE "Note: map_extra needs Linux 5.16 or later, and a map type that takes it " \
		   "(bloom_filter, arena)\n"
static const char extra_einval[] = "Error: map create failed: Invalid argument\n" EXTRA_NOTE;
static const char extra_e2big[] = "Error: map create failed: Argument list too long\n" EXTRA_NOTE;

Test(oldkernel, map_extra_and_new_types, .fini = fini)
{
	/*
	 * 5.6 to 5.15: BPF_MAP_CREATE ends at btf_vmlinux_value_type_id (bytes 60..64), map
	 * types up to ringbuf (27: 5.8), inode_storage and task_storage; bloom_filter is 30
	 */
	struct oldk k = { .attr_end = { [BPF_MAP_CREATE] = 64 },
			  .map_types = BPF_MAP_TYPE_BLOOM_FILTER };
	const char *dir = t_dir("extra");

	expect_run(oldk_run(&k, "map create %s/b type bloom_filter key 0 value 4 entries 16 "
			    "name ok_bloom map_extra 3", dir), 255, "",
		   extra_einval);
	expect_run(oldk_run(&k, "-j map create %s/b type bloom_filter key 0 value 4 entries 16 "
			    "name ok_bloom map_extra 3", dir), 255,
		   "{\"error\":\"map create failed: Invalid argument\"}\n", "");
	expect_run(oldk_run(&k, "map create %s/b type bloom_filter key 0 value 4 entries 16 "
			    "name ok_bloom", dir), 255, "",
		   "Error: map create failed: Invalid argument\n");
	/* the attr we pass is longer than that kernel's fields, but zero there: accepted */
	expect_run(oldk_run(&k, "map create %s/h type hash key 4 value 4 entries 4 name ok_h515",
			    dir), 0, "", "");
	cr_expect_eq(k.refused[BPF_MAP_CREATE], 0);
	expect_run(oldk_run(&k, "map create %s/r type ringbuf key 0 value 0 entries 4096 "
			    "name ok_rb515", dir), 0, "", "");

	/* before 5.8 there are no ring buffers to create, read or show */
	k.map_types = BPF_MAP_TYPE_RINGBUF;
	expect_run(oldk_run(&k, "map create %s/r2 type ringbuf key 0 value 0 entries 4096 "
			    "name ok_rb57", dir), 255, "",
		   "Error: map create failed: Invalid argument\n");
	expect_run(oldk_run(&k, "map create %s/q type queue key 0 value 4 entries 4 "
			    "name ok_q57", dir), 0, "", "");
}

/*
 * Linux 4.14: a union bpf_attr of 48 bytes (BPF_PROG_LOAD's kern_version and prog_flags are
 * its last fields), no map names (BPF_MAP_CREATE ends at numa_node, bytes 24..28), no open
 * or file flags (BPF_MAP_GET_FD_BY_ID ends at next_id, BPF_OBJ_GET at bpf_fd), a 24-byte
 * bpf_map_info, commands up to BPF_OBJ_GET_INFO_BY_FD (15). What a router still runs.
 */
Test(oldkernel, linux_4_14, .fini = fini)
{
	struct oldk k = {
		.attr_size = 48,
		.ncmds = BPF_PROG_QUERY,
		.attr_end = {
			[BPF_MAP_CREATE] = offsetof(union bpf_attr, map_name),
			[BPF_MAP_GET_FD_BY_ID] = offsetof(union bpf_attr, open_flags),
			[BPF_OBJ_GET] = offsetof(union bpf_attr, file_flags),
		},
		.map_info_len = offsetof(struct bpf_map_info, name),
	};
	const char *dir = t_dir("old414");
	char *path = o_fmt("%s/m", dir), *want;
	int fd = o_map(BPF_MAP_TYPE_HASH, 4, 4, 4, "ok_414");
	__u32 id, key = 7, val = 9;
	unsigned long long ml;

	cr_assert_eq(bpf_map_update_elem(fd, &key, &val, 0), 0);
	id = o_pin_close(fd, path);
	ml = o_fdinfo(id, "memlock");

	/* reading works: read-write fds where read-only ones are not there yet, no batches */
	want = o_fmt("%u: hash  flags 0x0\n\tkey 4B  value 4B  max_entries 4  memlock %lluB\n",
		     id, ml);
	expect_run(oldk_run(&k, "map show id %u", id), 0, want, "");
	cr_expect_eq(k.refused[BPF_MAP_GET_FD_BY_ID], 1, "read-only first");
	expect_run(oldk_run(&k, "map show pinned %s", path), 0, want, "");
	cr_expect_eq(k.refused[BPF_OBJ_GET], 1);
	free(want);
	want = o_fmt("%u: hash  flags 0x0\n\tkey 4B  value 4B  max_entries 4  memlock %lluB\n"
		     "\tpinned %s\n", id, ml, path);
	expect_run(oldk_run(&k, "-f map show id %u", id), 0, want, "");
	free(want);
	expect_run(oldk_run(&k, "map dump pinned %s", path), 0,
		   "key: 07 00 00 00  value: 09 00 00 00\nFound 1 element\n", "");
	expect_run(oldk_run(&k, "map lookup id %u key 7 0 0 0", id), 0,
		   "key: 07 00 00 00  value: 09 00 00 00\n", "");
	expect_run(oldk_run(&k, "map update pinned %s key 8 0 0 0 value 1 0 0 0", path), 0, "",
		   "");
	expect_run(oldk_run(&k, "map getnext id %u", id), 0, NULL, "");
	expect_run(oldk_run(&k, "map delete id %u key 8 0 0 0", id), 0, "", "");

	/* creating needs map names (4.15); map_extra is past the end of this kernel's attr */
	expect_run(oldk_run(&k, "map create %s/c type hash key 4 value 4 entries 4 name ok_c414",
			    dir), 255, "", "Error: map create failed: Invalid argument\n");
	expect_run(oldk_run(&k, "map create %s/c type hash key 4 value 4 entries 4 name ok_c414 "
			    "map_extra 1", dir), 255, "",
		   extra_e2big);
	cr_expect_eq(k.refused[BPF_MAP_CREATE], 1);
	free(path);
}
