// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* `prog show` of hand-assembled programs: fields, selectors, -f, pids, stats; plain and JSON. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "btfbuild.h"
#include "objects.h"
#include "sys_bpf.h"
#include "tlib.h"

/* r1 = map (ld_imm64 of a map fd); r0 = XDP_PASS; exit */
static int load_xdp_with_map(int map_fd, const char *name)
{
	struct bpf_insn insns[] = {
		{ .code = BPF_LD | BPF_DW | BPF_IMM, .dst_reg = 1, .src_reg = BPF_PSEUDO_MAP_FD,
		  .imm = map_fd },
		{ 0 },
		{ .code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = 0, .imm = 2 },
		{ .code = BPF_JMP | BPF_EXIT },
	};
	struct prog_load_opts o = { .prog_type = BPF_PROG_TYPE_XDP, .insns = insns,
				    .insn_cnt = 4, .name = name };
	int fd = bpf_prog_load(&o);

	cr_assert_geq(fd, 0, "prog load: %s", strerror(-fd));
	return fd;
}

/* r0 = 0; exit, as a socket filter with the given license */
static int load_sockfilter(const char *name, const char *license)
{
	static const struct bpf_insn insns[] = {
		{ .code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = 0, .imm = 0 },
		{ .code = BPF_JMP | BPF_EXIT },
	};
	struct prog_load_opts o = { .prog_type = BPF_PROG_TYPE_SOCKET_FILTER, .insns = insns,
				    .insn_cnt = 2, .name = name, .license = license };
	int fd = bpf_prog_load(&o);

	cr_assert_geq(fd, 0, "prog load: %s", strerror(-fd));
	return fd;
}

static struct bpf_prog_info info_of(int fd)
{
	struct bpf_prog_info info;
	__u32 len = sizeof(info);

	memset(&info, 0, sizeof(info));
	cr_assert_eq(bpf_obj_get_info_by_fd(fd, &info, &len), 0);
	return info;
}

static char *tag_of(const struct bpf_prog_info *info)
{
	return o_fmt("%02x%02x%02x%02x%02x%02x%02x%02x", info->tag[0], info->tag[1],
		     info->tag[2], info->tag[3], info->tag[4], info->tag[5], info->tag[6],
		     info->tag[7]);
}

/* upstream's wall clock for load_time, for each of the seconds the tool may have seen */
static bool loaded_at_ok(const char *line, const struct bpf_prog_info *info, bool json)
{
	struct timespec real, boot;
	time_t secs;
	int d;

	clock_gettime(CLOCK_REALTIME, &real);
	clock_gettime(CLOCK_BOOTTIME, &boot);
	secs = (real.tv_sec - boot.tv_sec) +
	       (time_t)((real.tv_nsec - boot.tv_nsec + (long long)info->load_time) / 1000000000LL);
	for (d = -1; d <= 1; d++) {
		time_t t = secs + d;
		char want[64];
		struct tm tm;

		localtime_r(&t, &tm);
		if (json)
			snprintf(want, sizeof(want), "\"loaded_at\":%lld,", (long long)t);
		else
			strftime(want, sizeof(want), "\tloaded_at %FT%T%z  uid 0\n", &tm);
		if (strstr(line, want))
			return true;
	}
	return false;
}

static void fini(void)
{
	t_dir_cleanup();
}

Test(prog_show, plain_and_json_fields, .fini = fini)
{
	const char *dir = t_dir("prog");
	int map = o_map(BPF_MAP_TYPE_ARRAY, 4, 8, 1, "tp_map");
	int xdp = load_xdp_with_map(map, "tp_xdp");
	struct bpf_prog_info xi = info_of(xdp);
	char *path = o_fmt("%s/xdp", dir), *tag = tag_of(&xi), *want;
	char comm[32];
	struct run r;

	cr_assert_eq(bpf_obj_pin(xdp, path), 0);
	r = t_run("prog show pinned %s", path);
	cr_expect_eq(r.status, 0, "%s", r.err);
	want = o_fmt("%u: xdp  name tp_xdp  tag %s  gpl\n", xi.id, tag);
	cr_expect(!strncmp(r.out, want, strlen(want)), "%s", r.out);
	cr_expect(loaded_at_ok(r.out, &xi, false), "%s", r.out);
	free(want);
	o_self_comm(comm, sizeof(comm));
	want = o_fmt("\txlated %uB  jited %uB  memlock %lluB  map_ids %u\n\tpids %s(%d)\n",
		     xi.xlated_prog_len, xi.jited_prog_len, o_fdinfo_fd(xdp, "memlock"), o_id(map),
		     comm, (int)getpid());
	cr_expect(strstr(r.out, want) && !strcmp(strstr(r.out, want), want), "%s", r.out);
	free(want);
	t_run_free(&r);

	r = t_run("-j prog show id %u", xi.id);
	cr_expect_eq(r.status, 0);
	cr_expect(t_json_valid(r.out, r.out_len, NULL), "%s", r.out);
	want = o_fmt("{\"id\":%u,\"type\":\"xdp\",\"name\":\"tp_xdp\",\"tag\":\"%s\","
		     "\"gpl_compatible\":true,\"loaded_at\":", xi.id, tag);
	cr_expect(!strncmp(r.out, want, strlen(want)), "%s", r.out);
	free(want);
	cr_expect(loaded_at_ok(r.out, &xi, true), "%s", r.out);
	want = o_fmt("\"uid\":0,\"orphaned\":false,\"bytes_xlated\":%u,\"jited\":true,"
		     "\"bytes_jited\":%u,\"bytes_memlock\":%llu,\"map_ids\":[%u],"
		     "\"pids\":[{\"pid\":%d,\"comm\":\"%s\"}]}\n",
		     xi.xlated_prog_len, xi.jited_prog_len, o_fdinfo_fd(xdp, "memlock"),
		     o_id(map), (int)getpid(), comm);
	cr_expect(strstr(r.out, want), "%s\nwant %s", r.out, want);
	free(want);
	t_run_free(&r);
	free(tag);
	free(path);
	close(xdp);
	close(map);
}

Test(prog_show, unnamed_nongpl_pinned_and_pids, .fini = fini)
{
	const char *dir = t_dir("prog2");
	int anon = load_sockfilter(NULL, "GPL"), prop = load_sockfilter("tp_prop", "Proprietary");
	struct bpf_prog_info ai = info_of(anon), pi = info_of(prop);
	char *p1 = o_fmt("%s/anon", dir), *p2 = o_fmt("%s/sub_anon", dir), *want, *tag;
	char comm[32];
	struct run r;

	cr_assert_eq(bpf_obj_pin(anon, p1), 0);
	cr_assert_eq(bpf_obj_pin(anon, p2), 0);
	r = t_run("-f prog show id %u", ai.id);
	tag = tag_of(&ai);
	o_self_comm(comm, sizeof(comm));
	want = o_fmt("%u: socket_filter  tag %s  gpl\n", ai.id, tag);
	cr_expect(!strncmp(r.out, want, strlen(want)), "%s", r.out);
	free(want);
	want = o_fmt("\n\tpinned %s\n\tpinned %s\n\tpids %s(%d)\n", p1, p2, comm, (int)getpid());
	cr_expect(strstr(r.out, want), "%s\nwant:%s", r.out, want);
	free(want);
	free(tag);
	t_run_free(&r);

	/* not GPL: no "gpl"; JSON with -f: "pinned" present even when empty */
	r = t_run("-f prog show id %u", pi.id);
	tag = tag_of(&pi);
	want = o_fmt("%u: socket_filter  name tp_prop  tag %s\n", pi.id, tag);
	cr_expect(!strncmp(r.out, want, strlen(want)), "%s", r.out);
	free(want);
	t_run_free(&r);
	r = t_run("-jf prog show id %u", pi.id);
	cr_expect(t_json_valid(r.out, r.out_len, NULL), "%s", r.out);
	cr_expect(strstr(r.out, "\"gpl_compatible\":false,"), "%s", r.out);
	want = o_fmt(",\"pinned\":[],\"pids\":[{\"pid\":%d,\"comm\":\"%s\"}]}\n", (int)getpid(),
		     comm);
	cr_expect(strstr(r.out, want), "%s\nwant %s", r.out, want);
	free(want);
	free(tag);
	t_run_free(&r);
	free(p1);
	free(p2);
	close(anon);
	close(prop);
}

Test(prog_show, selectors_by_name_and_tag, .fini = fini)
{
	int a = load_sockfilter("tp_twin", "GPL"), b = load_sockfilter("tp_twin", "GPL");
	struct bpf_prog_info ai = info_of(a), bi = info_of(b);
	char *tag = tag_of(&ai), *want;
	struct run r;

	/* same instructions, same tag: both match by tag and by name */
	r = t_run("-j prog show name tp_twin");
	cr_expect_eq(r.status, 0);
	cr_expect(t_json_valid(r.out, r.out_len, NULL), "%s", r.out);
	cr_expect(r.out[0] == '[' && strstr(r.out, "},{\"id\":"), "%s", r.out);
	t_run_free(&r);
	r = t_run("prog show tag %s", tag);
	cr_expect_eq(r.status, 0);
	want = o_fmt("%u: socket_filter  name tp_twin", ai.id);
	cr_expect(strstr(r.out, want), "%s", r.out);
	free(want);
	want = o_fmt("%u: socket_filter  name tp_twin", bi.id);
	cr_expect(strstr(r.out, want), "%s", r.out);
	free(want);
	t_run_free(&r);
	/* prefixes: p s, and "list" */
	r = t_run("p l i %u", ai.id);
	cr_expect_eq(r.status, 0);
	cr_expect(strstr(r.out, "name tp_twin"), "%s", r.out);
	t_run_free(&r);
	free(tag);
	close(a);
	close(b);
}

Test(prog_show, listing_contains_ours_and_stats, .fini = fini)
{
	int stats, p = load_sockfilter("tp_stats", "GPL");
	struct bpf_prog_info pi;
	unsigned char pkt[64] = { 0 };
	struct prog_test_run_opts ro = { .data_in = pkt, .data_size_in = sizeof(pkt),
					 .repeat = 10 };
	struct run r;
	char *want;

	stats = bpf_enable_stats(BPF_STATS_RUN_TIME);
	cr_assert_geq(stats, 0, "enable stats: %s", strerror(-stats));
	cr_assert_eq(bpf_prog_test_run(p, &ro), 0);
	pi = info_of(p);
	r = t_run("prog show");
	cr_expect_eq(r.status, 0);
	want = o_fmt("%u: socket_filter  name tp_stats  tag ", pi.id);
	cr_expect(strstr(r.out, want), "%s", r.out);
	free(want);
	if (pi.run_cnt) {
		want = o_fmt("  gpl run_time_ns ");
		cr_expect(strstr(r.out, want), "%s", r.out);
		free(want);
		t_run_free(&r);
		r = t_run("-j prog show id %u", pi.id);
		want = o_fmt("\"gpl_compatible\":true,\"run_time_ns\":");
		cr_expect(strstr(r.out, want), "%s", r.out);
		cr_expect(strstr(r.out, ",\"run_cnt\":"), "%s", r.out);
		free(want);
	}
	t_run_free(&r);
	r = t_run("-j prog show");
	cr_expect(t_json_valid(r.out, r.out_len, NULL), "%s", r.out);
	cr_expect(r.out[0] == '[');
	t_run_free(&r);
	close(stats);
	close(p);
}

Test(prog_show, errors_and_help)
{
	struct run r = t_run("prog show id 1 extra");

	cr_expect_eq(r.status, 255);
	cr_expect_str_eq(r.err, "Error: what is 'id'?\n");
	t_run_free(&r);
	r = t_run("prog show tag 12345");
	cr_expect_str_eq(r.err, "Error: can't parse tag\n");
	t_run_free(&r);
	r = t_run("prog show foo 1");
	cr_expect_str_eq(r.err, "Error: expected 'id', 'tag', 'name' or 'pinned', got: 'foo'?\n");
	t_run_free(&r);
	r = t_run("prog show id 4294967295");
	cr_expect_eq(r.status, 255);
	cr_expect_str_eq(r.err, "Error: get by id (4294967295): No such file or directory\n");
	t_run_free(&r);
	r = t_run("-j prog show name no_such_prog_x");
	cr_expect_eq(r.status, 255);
	cr_expect_str_eq(r.out, "{\"error\":\"no program with name 'no_such_prog_x'\"}\n");
	t_run_free(&r);
	r = t_run("prog load x y");
	cr_expect_eq(r.status, 255);
	cr_expect_str_eq(r.err, "Error: 'prog load' is not supported by this build\n");
	t_run_free(&r);
	r = t_run("prog help");
	cr_expect_eq(r.status, 0);
	cr_expect(!strncmp(r.err, "Usage: bpftool prog { show | list } [PROG]\n", 43), "%s", r.err);
	t_run_free(&r);
	r = t_run("-j prog help");
	cr_expect_str_eq(r.out, "null\n");
	t_run_free(&r);
}

/* A name longer than the kernel's 15 characters: shown and matched whole, from BTF. */
Test(prog_show, full_name_from_btf, .fini = fini)
{
	static const struct bpf_insn insns[] = {
		{ .code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = 0, .imm = 0 },
		{ .code = BPF_JMP | BPF_EXIT },
	};
	const char *full = "tp_a_rather_long_program_name";
	struct bpf_func_info fi = { .insn_off = 0 };
	struct prog_load_opts o = { .prog_type = BPF_PROG_TYPE_SOCKET_FILTER, .insns = insns,
				    .insn_cnt = 2, .name = full };
	struct bpf_prog_info pi;
	char log[4096] = "", *want;
	struct btfb b;
	struct run r;
	size_t size;
	void *blob;
	int btf_fd, fd;
	__u32 i32;

	t_require_bpf();
	btfb_init(&b);
	i32 = btfb_int(&b, "int", 4, BTF_INT_SIGNED, 32, 0);
	fi.type_id = btfb_func(&b, full, btfb_func_proto(&b, i32), BTF_FUNC_GLOBAL);
	blob = btfb_blob(&b, &size);
	btf_fd = bpf_btf_load(blob, (__u32)size, log, sizeof(log));
	cr_assert_geq(btf_fd, 0, "btf load: %s\n%s", strerror(-btf_fd), log);
	o.prog_btf_fd = (__u32)btf_fd;
	o.func_info = &fi;
	o.func_info_cnt = 1;
	o.log_buf = log;
	o.log_size = sizeof(log);
	fd = bpf_prog_load(&o);
	cr_assert_geq(fd, 0, "prog load: %s\n%s", strerror(-fd), log);
	pi = info_of(fd);
	cr_assert_str_eq(pi.name, "tp_a_rather_lon");
	r = t_run("prog show name %s", full);
	cr_expect_eq(r.status, 0, "%s", r.err);
	want = o_fmt("%u: socket_filter  name %s  tag ", pi.id, full);
	cr_expect(!strncmp(r.out, want, strlen(want)), "%s", r.out);
	free(want);
	want = o_fmt("\n\tbtf_id %u\n", pi.btf_id);
	cr_expect(strstr(r.out, want), "%s", r.out);
	free(want);
	t_run_free(&r);
	r = t_run("-j prog show id %u", pi.id);
	want = o_fmt("\"name\":\"%s\",", full);
	cr_expect(strstr(r.out, want), "%s", r.out);
	free(want);
	want = o_fmt(",\"btf_id\":%u,", pi.btf_id);
	cr_expect(strstr(r.out, want), "%s", r.out);
	free(want);
	t_run_free(&r);
	/* the truncated name no longer selects it: upstream compares full names */
	r = t_run("prog show name tp_a_rather_lon");
	cr_expect_eq(r.status, 255);
	t_run_free(&r);
	free(blob);
	btfb_free(&b);
	close(fd);
	close(btf_fd);
}
