// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * BTF-formatted dump, lookup and peek through the built binary, on maps with hand-built BTF:
 * the bytes upstream printed for them (test/golden/btf/newest/, ours/ where we deliberately
 * differ), the switch between plain BTF mode and hex, and the BTF loading errors.
 */
#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <linux/capability.h>

#include "btfmaps.h"
#include "sys_bpf.h"
#include "tlib.h"

static struct gold_maps gm;
static const char *dir;
static int extra_fd[4] = { -1, -1, -1, -1 };

static void fini(void)
{
	unsigned int i;

	gold_maps_close(&gm);
	for (i = 0; i < sizeof(extra_fd) / sizeof(extra_fd[0]); i++)
		if (extra_fd[i] >= 0)
			close(extra_fd[i]);
	t_dir_cleanup();
}

static void setup(const char *tag)
{
	int err;

	dir = t_dir(tag);
	err = gold_maps_create(&gm, dir);
	cr_assert_eq(err, 0, "gold maps: %s", strerror(-err));
}

static struct bpf_map_info info_of(int fd)
{
	struct bpf_map_info info;
	__u32 len = sizeof(info);

	memset(&info, 0, sizeof(info));
	cr_assert_eq(bpf_obj_get_info_by_fd(fd, &info, &len), 0);
	return info;
}

/* s with every "from" replaced by "to" (malloc'ed) */
static char *subst(const char *s, const char *from, const char *to)
{
	size_t fl = strlen(from), tl = strlen(to), n = 0;
	const char *p;
	char *out, *o;

	for (p = strstr(s, from); p; p = strstr(p + fl, from))
		n++;
	out = malloc(strlen(s) + n * tl + 1);
	cr_assert(out);
	for (o = out; (p = strstr(s, from)); s = p + fl) {
		memcpy(o, s, (size_t)(p - s));
		o += p - s;
		memcpy(o, to, tl);
		o += tl;
	}
	strcpy(o, s);
	return out;
}

static bool is_json(const char *file)
{
	const char *dot = strrchr(file, '.');

	return !strcmp(dot, ".json") || !strcmp(dot, ".pretty");
}

/* The whole stdout of a run against a captured file; JSON ones must parse back. */
static void expect_run(struct run *r, const char *want, const char *what, bool json, bool exact)
{
	size_t where = 0;

	cr_expect_eq(r->status, 0, "%s: status %d, stderr %s", what, r->status, r->err);
	cr_expect_str_eq(r->err, "", "%s", what);
	if (json)
		cr_expect(t_json_valid(r->out, r->out_len, &where), "%s: invalid JSON at %zu",
			  what, where);
	if (exact)
		cr_expect_str_eq(r->out, want, "%s differs:\n%s", what, r->out);
}

static void expect_file(const char *file, bool exact, const char *fmt, const char *arg)
{
	char *want = gold_file(file);
	struct run r;

	cr_assert(want, "missing test/golden/btf/%s", file);
	r = t_run(fmt, arg);
	expect_run(&r, want, file, is_json(file), exact);
	t_run_free(&r);
	free(want);
}

/* `map dump` in the three modes against DIRNAME/dump_NAME.{plain,json,pretty} */
static void expect_dump(const char *name, const char *files, bool exact)
{
	static const char *const modes[][2] = {
		{ "", "plain" }, { "-j ", "json" }, { "-p ", "pretty" },
	};
	char path[512], file[128], fmt[64];
	unsigned int i;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	for (i = 0; i < 3; i++) {
		snprintf(file, sizeof(file), "%s/dump_%s.%s", files, name, modes[i][1]);
		snprintf(fmt, sizeof(fmt), "%smap dump pinned %%s", modes[i][0]);
		expect_file(file, exact, fmt, path);
	}
}

static bool same_kernel(void)
{
	char *release = gold_file("newest/kernel.txt");
	struct utsname u;
	bool same;

	cr_assert(release);
	uname(&u);
	same = !strncmp(release, u.release, strlen(u.release)) &&
	       release[strlen(u.release)] == '\n';
	free(release);
	return same;
}

/* ---- dump --------------------------------------------------------------------------------- */

Test(map_btf, dump_as_upstream, .fini = fini)
{
	setup("btfdump");
	expect_dump("gold_h", "newest", true);
	expect_dump("gold_data", "newest", true);
	/* the per-CPU captures were made with 2 possible CPUs */
	expect_dump("gold_pca", "newest", gm.ncpus == 2);
	expect_dump("gold_pch", "newest", gm.ncpus == 2);
}

/* floats and a TYPE_TAG member: upstream stops at "(unsupported-kind)"; we print them */
Test(map_btf, dump_floats_and_type_tags, .fini = fini)
{
	int btf_fd;

	setup("btfours");
	expect_dump("gold_fl", "ours", true);
	extra_fd[0] = gold_kinds_create(dir, &btf_fd);
	extra_fd[1] = btf_fd;
	cr_assert_geq(extra_fd[0], 0, "gold_kinds: %s", strerror(-extra_fd[0]));
	expect_dump("gold_kinds", "ours", true);
}

Test(map_btf, dump_without_batch_ops, .fini = fini)
{
	setup("btfnobatch");
	setenv("BPFTOOL_TEST_NO_BATCH", "1", 1);
	expect_dump("gold_h", "newest", true);
	expect_dump("gold_pch", "newest", gm.ncpus == 2);
	unsetenv("BPFTOOL_TEST_NO_BATCH");
}

Test(map_btf, dump_struct_ops, .fini = fini)
{
	int fd, btf_fd;

	dir = t_dir("btfso");
	memset(&gm, 0, sizeof(gm));
	gm.btf_fd = -1;
	for (fd = 0; fd < GOLD_NR; fd++)
		gm.fd[fd] = -1;
	fd = gold_struct_ops_create(dir, &btf_fd);
	extra_fd[1] = btf_fd;
	if (fd == -ENOENT || fd == -EOPNOTSUPP)
		t_skip_or_fail("no tcp_congestion_ops struct_ops here: %s", strerror(-fd));
	cr_assert_geq(fd, 0, "struct_ops map: %s", strerror(-fd));
	extra_fd[0] = fd;
	/* the value is vmlinux's struct: its layout is this kernel's */
	expect_dump("gold_so", "newest", same_kernel());
}

/* Several maps by name, all with BTF: one document of map objects with "elements". */
Test(map_btf, dump_several_maps_by_name, .fini = fini)
{
	static const char *const ext[] = { "plain", "json", "pretty" };
	static const char *const opt[] = { "", "-j ", "-p " };
	char name[16], ids[2][16], fmt[64], file[64];
	int fds[2], i;

	setup("btfdup");
	snprintf(name, sizeof(name), "gdup%d", (int)getpid() % 10000000);
	cr_assert_eq(gold_dup_create(&gm, dir, name, fds), 0);
	extra_fd[0] = fds[0];
	extra_fd[1] = fds[1];
	snprintf(ids[0], sizeof(ids[0]), "%u", info_of(fds[0]).id);
	snprintf(ids[1], sizeof(ids[1]), "%u", info_of(fds[1]).id);
	for (i = 0; i < 3; i++) {
		char *raw, *a, *b, *want, qname[32];
		struct run r;

		snprintf(file, sizeof(file), "newest/dump_dup.%s", ext[i]);
		raw = gold_file(file);
		cr_assert(raw);
		snprintf(qname, sizeof(qname), "\"%s\"", name);
		a = subst(raw, "\"gold_dup\"", qname);
		b = subst(a, "@ID0@", ids[0]);
		want = subst(b, "@ID1@", ids[1]);
		snprintf(fmt, sizeof(fmt), "%smap dump name %%s", opt[i]);
		r = t_run(fmt, name);
		expect_run(&r, want, file, i > 0, true);
		t_run_free(&r);
		free(raw);
		free(a);
		free(b);
		free(want);
	}
}

/* Not every map has BTF: plain dumps all of them in hex; JSON formats only where there is. */
Test(map_btf, dump_mixed_maps_is_hex, .fini = fini)
{
	struct map_create_opts o = {
		.map_type = BPF_MAP_TYPE_ARRAY, .key_size = 4, .value_size = 4, .max_entries = 1,
	};
	char name[16], want[2048];
	__u32 id0, id1, k = 0, v;
	struct run r;
	size_t where;

	setup("btfmix");
	snprintf(name, sizeof(name), "gmix%d", (int)getpid() % 10000000);
	o.name = name;
	o.btf_fd = (__u32)gm.btf_fd;
	o.btf_key_type_id = gm.ids.t_int;
	o.btf_value_type_id = gm.ids.t_uint;
	extra_fd[0] = bpf_map_create(&o);
	o.btf_fd = o.btf_key_type_id = o.btf_value_type_id = 0;
	extra_fd[1] = bpf_map_create(&o);
	cr_assert_geq(extra_fd[0], 0);
	cr_assert_geq(extra_fd[1], 0);
	v = 7;
	cr_assert_eq(bpf_map_update_elem(extra_fd[0], &k, &v, 0), 0);
	v = 8;
	cr_assert_eq(bpf_map_update_elem(extra_fd[1], &k, &v, 0), 0);
	id0 = info_of(extra_fd[0]).id;
	id1 = info_of(extra_fd[1]).id;

	r = t_run("map dump name %s", name);
	snprintf(want, sizeof(want),
		 "%u: array  name %s  flags 0x0\nkey: 00 00 00 00  value: 07 00 00 00\n"
		 "Found 1 element\n\n%u: array  name %s  flags 0x0\n"
		 "key: 00 00 00 00  value: 08 00 00 00\nFound 1 element\n", id0, name, id1, name);
	expect_run(&r, want, "plain", false, true);
	t_run_free(&r);

	r = t_run("-j map dump name %s", name);
	snprintf(want, sizeof(want),
		 "[{\"id\":%u,\"type\":\"array\",\"name\":\"%s\",\"flags\":0,\"elements\":["
		 "{\"key\":[\"0x00\",\"0x00\",\"0x00\",\"0x00\"],"
		 "\"value\":[\"0x07\",\"0x00\",\"0x00\",\"0x00\"],"
		 "\"formatted\":{\"key\":0,\"value\":7}}]},"
		 "{\"id\":%u,\"type\":\"array\",\"name\":\"%s\",\"flags\":0,\"elements\":["
		 "{\"key\":[\"0x00\",\"0x00\",\"0x00\",\"0x00\"],"
		 "\"value\":[\"0x08\",\"0x00\",\"0x00\",\"0x00\"]}]}]\n", id0, name, id1, name);
	cr_expect(t_json_valid(r.out, r.out_len, &where));
	expect_run(&r, want, "json", true, true);
	t_run_free(&r);
}

/* Maps with BTF whose dump has no entries: an empty document (and the walk's failure). */
Test(map_btf, dump_empty_and_unwalkable, .fini = fini)
{
	struct map_create_opts o = {
		.map_type = BPF_MAP_TYPE_PROG_ARRAY, .key_size = 4, .value_size = 4,
		.max_entries = 2, .name = "gbtf_progs",
	};
	char path[512];
	struct run r;

	setup("btfempty");
	o.btf_fd = (__u32)gm.btf_fd;
	o.btf_key_type_id = gm.ids.t_int;
	o.btf_value_type_id = gm.ids.t_uint;
	extra_fd[0] = bpf_map_create(&o);
	cr_assert_geq(extra_fd[0], 0, "prog_array with BTF: %s", strerror(-extra_fd[0]));
	snprintf(path, sizeof(path), "%s/progs", dir);
	cr_assert_eq(bpf_obj_pin(extra_fd[0], path), 0);
	/* its empty slots are not entries */
	r = t_run("map dump pinned %s", path);
	expect_run(&r, "[]\n", "prog_array", false, true);
	t_run_free(&r);

	o.map_type = BPF_MAP_TYPE_BLOOM_FILTER;
	o.key_size = 0;
	o.btf_key_type_id = 0;
	o.name = "gbtf_bloom";
	extra_fd[2] = bpf_map_create(&o);
	cr_assert_geq(extra_fd[2], 0, "bloom filter with BTF: %s", strerror(-extra_fd[2]));
	snprintf(path, sizeof(path), "%s/bloom", dir);
	cr_assert_eq(bpf_obj_pin(extra_fd[2], path), 0);
	r = t_run("map dump pinned %s", path);
	cr_expect_str_eq(r.out, "[]\n");
	cr_expect_eq(r.status, 256 - EOPNOTSUPP);
	cr_expect(strstr(r.err, "can't dump a bloom_filter map"), "%s", r.err);
	t_run_free(&r);
	r = t_run("-j map dump pinned %s", path);
	cr_expect_str_eq(r.out, "[]\n");
	cr_expect_eq(r.status, 256 - EOPNOTSUPP);
	t_run_free(&r);
}

/* ---- lookup, peek ------------------------------------------------------------------------- */

#define GOLD_H_KEY0 "key 1 0 0 0 2 0 0x61 0x62 0x63 0 0 0"

Test(map_btf, lookup_as_upstream, .fini = fini)
{
	char path[512];

	setup("btflookup");
	snprintf(path, sizeof(path), "%s/gold_h", dir);
	expect_file("newest/lookup_gold_h.plain", true, "map lookup pinned %s " GOLD_H_KEY0, path);
	expect_file("newest/lookup_gold_h.json", true, "-j map lookup pinned %s " GOLD_H_KEY0,
		    path);
	expect_file("newest/lookup_gold_h.pretty", true, "-p map lookup pinned %s " GOLD_H_KEY0,
		    path);
	snprintf(path, sizeof(path), "%s/gold_pca", dir);
	expect_file("newest/lookup_gold_pca.plain", gm.ncpus == 2,
		    "map lookup pinned %s key 0 0 0 0", path);
	snprintf(path, sizeof(path), "%s/gold_data", dir);
	expect_file("newest/lookup_gold_data.plain", true, "map lookup pinned %s key 0 0 0 0",
		    path);
}

Test(map_btf, lookup_kinds, .fini = fini)
{
	int btf_fd;
	char path[512];

	setup("btflkinds");
	extra_fd[0] = gold_kinds_create(dir, &btf_fd);
	extra_fd[1] = btf_fd;
	cr_assert_geq(extra_fd[0], 0, "gold_kinds: %s", strerror(-extra_fd[0]));
	snprintf(path, sizeof(path), "%s/gold_kinds", dir);
	expect_file("ours/lookup_gold_kinds.plain", true, "map lookup pinned %s key 1 0 0 0",
		    path);
	expect_file("ours/lookup_gold_kinds.json", true, "-j map lookup pinned %s key 1 0 0 0",
		    path);
}

/* A miss stays upstream's hex "Not found" (JSON null), with its 254. */
Test(map_btf, lookup_not_found_is_hex, .fini = fini)
{
	char *want = gold_file("newest/lookup_gold_h_notfound.plain"), *end;
	struct run r;

	setup("btfmiss");
	cr_assert(want);
	end = strstr(want, "exit 254\n");	/* capture.sh appended the status */
	cr_assert(end);
	*end = 0;
	r = t_run("map lookup pinned %s/gold_h key 9 0 0 0 2 0 0x61 0x62 0x63 0 0 0", dir);
	cr_expect_str_eq(r.out, want);
	cr_expect_eq(r.status, 254);
	t_run_free(&r);
	r = t_run("-j map lookup pinned %s/gold_h key 9 0 0 0 2 0 0x61 0x62 0x63 0 0 0", dir);
	cr_expect_str_eq(r.out, "null\n");
	cr_expect_eq(r.status, 254);
	t_run_free(&r);
	free(want);
}

/* peek on a bloom filter with BTF: the one value, as a BTF object (no key type: no "key"). */
Test(map_btf, peek_prints_one_object, .fini = fini)
{
	struct map_create_opts o = {
		.map_type = BPF_MAP_TYPE_BLOOM_FILTER, .value_size = 4, .max_entries = 4,
		.name = "gbtf_peek",
	};
	__u32 v = 0;
	struct run r;
	size_t where;
	char path[512];

	setup("btfpeek");
	o.btf_fd = (__u32)gm.btf_fd;
	o.btf_value_type_id = gm.ids.t_uint;
	extra_fd[0] = bpf_map_create(&o);
	cr_assert_geq(extra_fd[0], 0, "bloom filter with BTF: %s", strerror(-extra_fd[0]));
	cr_assert_eq(bpf_map_update_elem(extra_fd[0], NULL, &v, 0), 0);
	snprintf(path, sizeof(path), "%s/bloom", dir);
	cr_assert_eq(bpf_obj_pin(extra_fd[0], path), 0);
	r = t_run("map peek pinned %s", path);
	expect_run(&r, "{\n    \"value\": 0\n}\n", "plain", false, true);
	t_run_free(&r);
	r = t_run("-j map peek pinned %s", path);
	expect_run(&r, "{\"key\":[],\"value\":[\"0x00\",\"0x00\",\"0x00\",\"0x00\"],"
		       "\"formatted\":{\"value\":0}}\n", "json", true, true);
	cr_expect(t_json_valid(r.out, r.out_len, &where));
	t_run_free(&r);
}

/* ---- BTF that cannot be read -------------------------------------------------------------- */

/* Reading a BTF object by id takes CAP_SYS_ADMIN; opening a pinned map only CAP_BPF. */
static void drop_sys_admin(void *arg)
{
	(void)arg;
	if (prctl(PR_CAPBSET_DROP, CAP_SYS_ADMIN, 0, 0, 0))
		_exit(126);
}

static int drop_too = 1;	/* hide_kernel_btf()'s arg: drop CAP_SYS_ADMIN too */

/* No /sys/kernel/btf (a private mount namespace), and with arg also no CAP_SYS_ADMIN. */
static void hide_kernel_btf(void *arg)
{
	if (unshare(CLONE_NEWNS) || mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) ||
	    mount("none", "/sys/kernel/btf", "tmpfs", 0, NULL))
		_exit(126);
	if (arg)
		drop_sys_admin(NULL);
}

static struct run run_in(void (*fn)(void *), void *arg, const char *j, const char *verb,
			 const char *name, const char *rest)
{
	char path[512];
	const char *argv[16];
	int n = 0;
	struct run r;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if (*j)
		argv[n++] = j;
	argv[n++] = "map";
	argv[n++] = verb;
	argv[n++] = "pinned";
	argv[n++] = path;
	if (rest) {
		argv[n++] = "key";
		argv[n++] = rest;
		argv[n++] = "0";
		argv[n++] = "0";
		argv[n++] = "0";
	}
	argv[n] = NULL;
	r = t_runv_in(argv, fn, arg);
	if (r.status == 126)
		t_skip_or_fail("can't drop CAP_SYS_ADMIN or hide /sys/kernel/btf here");
	return r;
}

Test(map_btf, failed_to_get_btf, .fini = fini)
{
	struct run r;

	setup("btfeperm");
	/* upstream prints its writer's final newline; the status is -EPERM's */
	r = run_in(drop_sys_admin, NULL, "", "dump", "gold_pch", NULL);
	cr_expect_str_eq(r.out, "\n");
	cr_expect_str_eq(r.err, "Error: failed to get btf\n");
	cr_expect_eq(r.status, 255);
	t_run_free(&r);
	r = run_in(drop_sys_admin, NULL, "-j", "dump", "gold_pch", NULL);
	cr_expect_str_eq(r.out, "{\"error\":\"failed to get btf\"}\n");
	cr_expect_eq(r.status, 255);
	t_run_free(&r);
	/* upstream exits 0 after this error: we report the failure */
	r = run_in(drop_sys_admin, NULL, "", "lookup", "gold_pch", "5");
	cr_expect_str_eq(r.out, "");
	cr_expect_str_eq(r.err, "Error: failed to get btf\n");
	cr_expect_eq(r.status, 255);
	t_run_free(&r);
	r = run_in(drop_sys_admin, NULL, "-j", "lookup", "gold_pch", "5");
	cr_expect_str_eq(r.out, "{\"error\":\"failed to get btf\"}\n");
	cr_expect_eq(r.status, 255);
	t_run_free(&r);
}

static void struct_ops_setup(void)
{
	int fd, btf_fd;

	dir = t_dir("btfsoerr");
	memset(&gm, 0, sizeof(gm));
	gm.btf_fd = -1;
	for (fd = 0; fd < GOLD_NR; fd++)
		gm.fd[fd] = -1;
	fd = gold_struct_ops_create(dir, &btf_fd);
	extra_fd[1] = btf_fd;
	if (fd == -ENOENT || fd == -EOPNOTSUPP)
		t_skip_or_fail("no tcp_congestion_ops struct_ops here: %s", strerror(-fd));
	cr_assert_geq(fd, 0, "struct_ops map: %s", strerror(-fd));
	extra_fd[0] = fd;
}

Test(map_btf, failed_to_get_kernel_btf, .fini = fini)
{
	char *want;
	struct run r;

	struct_ops_setup();
	want = gold_file("newest/dump_gold_so.plain");
	cr_assert(want);
	/* without CAP_SYS_ADMIN, vmlinux's BTF still comes from sysfs, as upstream's does */
	r = run_in(drop_sys_admin, NULL, "", "dump", "gold_so", NULL);
	expect_run(&r, want, "no CAP_SYS_ADMIN", false, same_kernel());
	t_run_free(&r);
	/* without sysfs, from the kernel's BTF object (upstream fails here) */
	r = run_in(hide_kernel_btf, NULL, "", "dump", "gold_so", NULL);
	expect_run(&r, want, "no sysfs", false, same_kernel());
	t_run_free(&r);
	/* without both: upstream's message, and libbpf_find_kernel_btf()'s -ESRCH */
	r = run_in(hide_kernel_btf, &drop_too, "", "dump", "gold_so", NULL);
	cr_expect_str_eq(r.out, "\n");
	cr_expect_str_eq(r.err, "Error: failed to get kernel btf\n");
	cr_expect_eq(r.status, 256 - ESRCH);
	t_run_free(&r);
	r = run_in(hide_kernel_btf, &drop_too, "-j", "dump", "gold_so", NULL);
	cr_expect_str_eq(r.out, "{\"error\":\"failed to get kernel btf\"}\n");
	cr_expect_eq(r.status, 256 - ESRCH);
	t_run_free(&r);
	r = run_in(hide_kernel_btf, &drop_too, "", "lookup", "gold_so", "0");
	cr_expect_str_eq(r.err, "Error: failed to get kernel btf\n");
	cr_expect_eq(r.status, 256 - ESRCH);
	t_run_free(&r);
	free(want);
}
