// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * A rescue shell as an initramfs starts one: a mount namespace of its own, an empty root with
 * the static binary alone in it, no /proc, no /sys, no bpffs, no environment. Maps by id work,
 * what needs /proc or /sys says so, bpffs is mounted for pinning as upstream does.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include "handle.h"
#include "objects.h"
#include "util.h"

static char root[256];

static void rm_root(void)
{
	static const char *const mounts[] = { "/sys/fs/bpf", "/pins", "/full", "" };
	char p[512];
	size_t i;

	if (!root[0])
		return;
	/* the mounts die with this test's namespace; the directory stays on the host's /tmp */
	for (i = 0; i < ARRAY_SIZE(mounts); i++) {
		snprintf(p, sizeof(p), "%s%s", root, mounts[i]);
		while (!umount2(p, MNT_DETACH))
			;
	}
	rmdir(root);
	root[0] = 0;
}

static void fini(void)
{
	rm_root();
	t_dir_cleanup();
}

static void copy_file(const char *from, const char *to)
{
	char buf[65536];
	int in = open(from, O_RDONLY | O_CLOEXEC), out;
	ssize_t n;

	cr_assert_geq(in, 0, "open %s: %s", from, strerror(errno));
	out = open(to, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0755);
	cr_assert_geq(out, 0, "open %s: %s", to, strerror(errno));
	while ((n = read(in, buf, sizeof(buf))) > 0)
		cr_assert_eq(write(out, buf, (size_t)n), n);
	cr_assert_eq(n, 0);
	close(in);
	close(out);
}

static char *in_root(const char *path)
{
	return o_fmt("%s%s", root, path);
}

/*
 * This test process gets a mount namespace of its own, with a tmpfs holding only the binary
 * under test and the empty directories a rescue image has: /sys/fs/bpf (not mounted), /pins.
 * A sanitized build cannot run without /proc (its runtime reads /proc/self/maps): the static
 * product stands in for it, as it does in map_show's no-/proc test.
 */
static void make_root(void)
{
	const char *bin = t_bpftool();
	char *p;

	t_require_bpf();
	if (strstr(bin, "-san/"))
		bin = "./bpftool";
	if (access(bin, X_OK))
		t_skip_or_fail("no static %s to run in an empty root", bin);
	o_private_mounts();
	snprintf(root, sizeof(root), "/tmp/bpftool-rescue-%d", (int)getpid());
	rmdir(root);
	cr_assert(!mkdir(root, 0700), "mkdir %s: %s", root, strerror(errno));
	cr_assert(!mount("rescue", root, "tmpfs", 0, "mode=0755,size=8m"), "tmpfs: %s",
		  strerror(errno));
	p = in_root("/bpftool");
	copy_file(bin, p);
	free(p);
	p = in_root("/sys");
	cr_assert(!mkdir(p, 0755));
	free(p);
	p = in_root("/sys/fs");
	cr_assert(!mkdir(p, 0755));
	free(p);
	p = in_root("/sys/fs/bpf");
	cr_assert(!mkdir(p, 0700));
	free(p);
	p = in_root("/pins");
	cr_assert(!mkdir(p, 0700));
	free(p);
}

/* In the child: into the empty root, with no environment at all (env -i chroot ROOT ...). */
static void enter_root(void *arg)
{
	static char *empty_env[] = { NULL };

	(void)arg;
	if (chroot(root) || chdir("/")) {
		dprintf(2, "setup: chroot %s: %s\n", root, strerror(errno));
		_exit(126);
	}
	environ = empty_env;
}

/* Runs /bpftool in the empty root with words split on spaces from a printf format. */
static struct run bare(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static struct run bare(const char *fmt, ...)
{
	const char *bin = getenv("BPFTOOL");
	char *saved = bin ? strdup(bin) : NULL, *line;
	struct run r;
	va_list ap;

	va_start(ap, fmt);
	cr_assert(vasprintf(&line, fmt, ap) >= 0);
	va_end(ap);
	setenv("BPFTOOL", "/bpftool", 1);	/* the path inside the root */
	r = o_run_in(enter_root, NULL, "%s", line);
	if (saved)
		setenv("BPFTOOL", saved, 1);
	else
		unsetenv("BPFTOOL");
	free(saved);
	free(line);
	return r;
}

static const char note[] = "Note: /proc is not mounted: memlock, frozen, owner and pids are not shown\n";
static const char note_f[] = "Note: /proc is not mounted: memlock, frozen, owner and pids are not shown;"
			     " pinned paths only under /sys/fs/bpf\n";
static const char no_cpus[] =
	"Can't get # of possible cpus: No such file or directory (is /sys mounted?)";

/* `map show` of one of the test's maps as it looks without fdinfo; tail after the sizes. */
static char *block(__u32 id, const char *type, const char *name, __u32 k, __u32 v, __u32 n,
		   const char *tail)
{
	return o_fmt("%u: %s  name %s  flags 0x0\n\tkey %uB  value %uB  max_entries %u\n%s", id,
		     type, name, k, v, n, tail);
}

/* The host's `prog show` of the program, without what needs /proc (memlock, pids). */
static char *prog_show_noproc(__u32 id, const char *fmt_tail)
{
	char *out, *p, *q;
	struct run r;

	setenv("TZ", "UTC0", 1);	/* the empty root has no /etc/localtime */
	r = t_run("prog show id %u", id);
	unsetenv("TZ");
	cr_assert_eq(r.status, 0, "%s", r.err);
	out = strdup(r.out);
	t_run_free(&r);
	p = strstr(out, "  memlock ");
	cr_assert(p, "%s", out);
	q = strchr(p + 2, ' ');
	q = strchr(q + 1, 'B');	/* "  memlock 4096B" */
	memmove(p, q + 1, strlen(q + 1) + 1);
	p = strstr(out, "\n\tpids ");	/* this test process holds it */
	if (p)
		strcpy(p, "\n");
	p = o_fmt("%.*s%s\n", (int)strlen(out) - 1, out, fmt_tail);
	free(out);
	return p;
}

Test(rescue, by_id_without_proc_sys_bpffs, .fini = fini)
{
	int h = o_map(BPF_MAP_TYPE_HASH, 4, 4, 8, "rs_hash");
	int pc = o_map(BPF_MAP_TYPE_PERCPU_ARRAY, 4, 4, 2, "rs_pcpu");
	struct prog_load_opts po = {
		.prog_type = BPF_PROG_TYPE_SOCKET_FILTER, .name = "rs_prog", .insn_cnt = 2,
		.insns = (const struct bpf_insn[]){
			{ .code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = 0, .imm = 0 },
			{ .code = BPF_JMP | BPF_EXIT },
		},
	};
	__u32 hid = o_id(h), pcid = o_id(pc), key = 1, val = 2, pid;
	int prog = bpf_prog_load(&po);
	char *want, *s;
	struct bpf_prog_info pinfo;
	struct run r;

	cr_assert_geq(prog, 0);
	cr_assert_eq(prog_info_get(prog, &pinfo), 0);
	pid = pinfo.id;
	cr_assert_eq(bpf_map_update_elem(h, &key, &val, 0), 0);
	make_root();

	r = bare("version");
	cr_expect_eq(r.status, 0);
	cr_expect(!strncmp(r.out, "bpftool v", 9), "%s", r.out);
	cr_expect_str_eq(r.err, "");
	t_run_free(&r);
	r = bare("help");
	cr_expect_eq(r.status, 0);
	cr_expect(!strncmp(r.err, "Usage: bpftool [OPTIONS] OBJECT", 31), "%s", r.err);
	t_run_free(&r);
	r = bare("map help");
	cr_expect_eq(r.status, 0);
	cr_expect(strstr(r.err, "bpftool map { show | list }   [MAP]"), "%s", r.err);
	t_run_free(&r);

	/* show: no fdinfo fields, one note; JSON leaves them out too, and says nothing */
	want = block(hid, "hash", "rs_hash", 4, 4, 8, "");
	o_expect(bare("map show id %u", hid), 0, want, note);
	r = bare("map show");
	cr_expect_eq(r.status, 0, "%s", r.err);
	cr_expect(strstr(r.out, want), "%s", r.out);
	cr_expect_str_eq(r.err, note, "exactly one note for the whole listing");
	cr_expect(!strstr(r.out, "memlock") && !strstr(r.out, "\tpids "), "%s", r.out);
	t_run_free(&r);
	free(want);
	want = o_fmt("{\"id\":%u,\"type\":\"hash\",\"name\":\"rs_hash\",\"flags\":0,"
		     "\"bytes_key\":4,\"bytes_value\":4,\"max_entries\":8}\n", hid);
	o_expect_json(bare("-j map show id %u", hid), 0, want);
	free(want);
	r = bare("-j map show");
	cr_expect_eq(r.status, 0);
	cr_expect(t_json_valid(r.out, r.out_len, NULL), "%s", r.out);
	cr_expect_str_eq(r.err, "");
	t_run_free(&r);

	/* the elements, by id */
	o_expect(bare("map dump id %u", hid), 0, "key: 01 00 00 00  value: 02 00 00 00\n"
		 "Found 1 element\n", "");
	o_expect(bare("map lookup id %u key 1 0 0 0", hid), 0,
		 "key: 01 00 00 00  value: 02 00 00 00\n", "");
	o_expect(bare("map update id %u key 3 0 0 0 value 4 0 0 0", hid), 0, "", "");
	key = 3;
	cr_expect_eq(bpf_map_lookup_elem(h, &key, &val, 0), 0);
	cr_expect_eq(val, 4);
	o_expect(bare("map delete id %u key 3 0 0 0", hid), 0, "", "");
	o_expect(bare("map getnext id %u", hid), 0, "key: None\nnext key:\n01 00 00 00\n", "");
	o_expect_json(bare("-j map lookup id %u key 1 0 0 0", hid), 0,
		      "{\"key\":[\"0x01\",\"0x00\",\"0x00\",\"0x00\"],"
		      "\"value\":[\"0x02\",\"0x00\",\"0x00\",\"0x00\"]}\n");

	/* per-CPU values need the possible CPUs from /sys: refused, never guessed */
	want = o_fmt("Error: %s\n", no_cpus);
	o_expect(bare("map dump id %u", pcid), 255, "", want);
	o_expect(bare("map lookup id %u key 0 0 0 0", pcid), 255, "", want);
	o_expect(bare("map update id %u key 0 0 0 0 value 1 0 0 0", pcid), 255, "", want);
	free(want);
	want = o_fmt("{\"error\":\"%s\"}\n", no_cpus);
	o_expect_json(bare("-j map dump id %u", pcid), 255, want);
	free(want);
	/* its description needs no CPU count */
	want = block(pcid, "percpu_array", "rs_pcpu", 4, 4, 2, "");
	o_expect(bare("map show id %u", pcid), 0, want, note);
	free(want);

	/* no bpffs: pinned selectors fail naming the path, and -n refuses to mount one */
	o_expect(bare("map show pinned /sys/fs/bpf/x"), 255, "",
		 "Error: bpf obj get (/sys/fs/bpf/x): No such file or directory\n");
	o_expect(bare("map dump pinned /sys/fs/bpf"), 255, "",
		 "Error: bpf obj get (/sys/fs/bpf): directory not in bpf file system (bpffs)\n");
	o_expect(bare("-n map pin id %u /sys/fs/bpf/x", hid), 255, "",
		 "Error: no BPF file system found, not mounting it due to --nomount option\n");
	o_expect(bare("-n map create /sys/fs/bpf/y type hash key 4 value 4 entries 2 "
		      "name rs_nomount"), 255, "",
		 "Error: no BPF file system found, not mounting it due to --nomount option\n");
	cr_expect(o_map_name_gone("rs_nomount"), "the map of a failed pin is gone");
	s = in_root("/sys/fs/bpf");
	cr_expect(!o_is_bpffs(s));
	free(s);

	/* prog show: everything but memlock, which is in fdinfo; one note */
	want = prog_show_noproc(pid, "");
	o_expect(bare("prog show id %u", pid), 0, want,
		 "Note: /proc is not mounted: memlock and pids are not shown\n");
	free(want);
	o_expect(bare("-j prog show id %u", pid), 0, NULL, "");

	close(prog);
	close(h);
	close(pc);
}

Test(rescue, bpffs_mounted_for_pinning, .fini = fini)
{
	int h = o_map(BPF_MAP_TYPE_ARRAY, 4, 4, 2, "rs_pinme");
	struct prog_load_opts po = {
		.prog_type = BPF_PROG_TYPE_SOCKET_FILTER, .name = "rs_pinprog", .insn_cnt = 2,
		.insns = (const struct bpf_insn[]){
			{ .code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = 0, .imm = 0 },
			{ .code = BPF_JMP | BPF_EXIT },
		},
	};
	__u32 hid = o_id(h), cid, pid;
	int prog = bpf_prog_load(&po), fd;
	char *want, *s, *p, *tail;
	struct bpf_prog_info pinfo;

	cr_assert_geq(prog, 0);
	cr_assert_eq(prog_info_get(prog, &pinfo), 0);
	pid = pinfo.id;
	make_root();

	/* pin mounts a bpffs on the empty /sys/fs/bpf, as the rescue shell's first pin would */
	o_expect(bare("map pin id %u /sys/fs/bpf/x", hid), 0, "", "");
	s = in_root("/sys/fs/bpf");
	cr_expect(o_is_bpffs(s), "pin mounted bpffs on /sys/fs/bpf");
	free(s);
	want = block(hid, "array", "rs_pinme", 4, 4, 2, "");
	o_expect(bare("map show pinned /sys/fs/bpf/x"), 0, want, note);
	free(want);
	want = block(hid, "array", "rs_pinme", 4, 4, 2, "\tpinned /sys/fs/bpf/x\n");
	o_expect(bare("-f map show id %u", hid), 0, want, note_f);
	free(want);
	want = o_fmt("{\"id\":%u,\"type\":\"array\",\"name\":\"rs_pinme\",\"flags\":0,"
		     "\"bytes_key\":4,\"bytes_value\":4,\"max_entries\":2,"
		     "\"pinned\":[\"/sys/fs/bpf/x\"]}\n", hid);
	o_expect_json(bare("-j -f map show pinned /sys/fs/bpf/x"), 0, want);
	free(want);
	o_expect(bare("map update pinned /sys/fs/bpf/x key 1 0 0 0 value 7 0 0 0"), 0, "", "");
	o_expect(bare("map dump pinned /sys/fs/bpf/x"), 0,
		 "key: 00 00 00 00  value: 00 00 00 00\nkey: 01 00 00 00  value: 07 00 00 00\n"
		 "Found 2 elements\n", "");
	o_expect(bare("map pin id %u /sys/fs/bpf/x", hid), 255, "",
		 "Error: can't pin BPF object: path '/sys/fs/bpf/x' already exists\n");

	/* create mounts one on another empty directory; not over one that has files */
	o_expect(bare("map create /pins/m type hash key 4 value 8 entries 4 name rs_created"), 0,
		 "", "");
	s = in_root("/pins");
	cr_expect(o_is_bpffs(s), "create mounted bpffs on /pins");
	free(s);
	s = in_root("/pins/m");
	cid = o_pinned_id(s);
	free(s);
	want = block(cid, "hash", "rs_created", 4, 8, 4, "");
	o_expect(bare("map show pinned /pins/m"), 0, want, note);
	free(want);
	s = in_root("/full");
	cr_assert(!mkdir(s, 0700));
	free(s);
	s = in_root("/full/keep");
	fd = open(s, O_CREAT | O_WRONLY | O_CLOEXEC, 0600);
	cr_assert_geq(fd, 0);
	close(fd);
	free(s);
	o_expect(bare("map pin id %u /full/x", hid), 255, "",
		 "Error: can't mount BPF file system to pin the object '/full/x': dir '/full' is "
		 "not empty, not mounting over its contents\n");

	/* a pinned program: its kind is told without /proc, and prog show finds its pin */
	s = in_root("/sys/fs/bpf/p");
	cr_assert_eq(bpf_obj_pin(prog, s), 0);
	free(s);
	o_expect(bare("map show pinned /sys/fs/bpf/p"), 255, "",
		 "Error: incorrect object type: prog\n");
	o_expect(bare("map update pinned /sys/fs/bpf/p key 0 0 0 0 value 0 0 0 0"), 255, "",
		 "Error: incorrect object type: prog\n");
	o_expect(bare("prog show pinned /sys/fs/bpf/x"), 255, "",
		 "Error: incorrect object type: map\n");
	p = prog_show_noproc(pid, "");
	o_expect(bare("prog show pinned /sys/fs/bpf/p"), 0, p,
		 "Note: /proc is not mounted: memlock and pids are not shown\n");
	free(p);
	tail = o_fmt("\n\tpinned /sys/fs/bpf/p");
	p = prog_show_noproc(pid, tail);
	o_expect(bare("-f prog show id %u", pid), 0, p,
		 "Note: /proc is not mounted: memlock and pids are not shown; pinned paths only under "
		 "/sys/fs/bpf\n");
	free(p);
	free(tail);
	close(prog);
	close(h);
}
