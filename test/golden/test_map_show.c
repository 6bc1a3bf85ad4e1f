// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * `map show` / `map list` and the MAP selectors against maps the tests make: upstream's bytes
 * (captured from Debian's bpftool 7.1 on these maps, plus newest upstream's pids lines).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "objects.h"
#include "util.h"

static void fini(void)
{
	t_dir_cleanup();
}

/* One plain block as upstream prints it; tail holds the lines after the sizes. */
static char *block(__u32 id, const char *type, const char *name, __u32 k, __u32 v, __u32 n,
		   const char *tail)
{
	return o_fmt("%u: %s  name %s  flags 0x0\n\tkey %uB  value %uB  max_entries %u  "
		     "memlock %lluB\n%s", id, type, name, k, v, n, o_fdinfo(id, "memlock"), tail);
}

/* The JSON object; tail holds the fields after "frozen". */
static char *object(__u32 id, const char *type, const char *name, __u32 k, __u32 v, __u32 n,
		    int frozen, const char *tail)
{
	return o_fmt("{\"id\":%u,\"type\":\"%s\",\"name\":\"%s\",\"flags\":0,\"bytes_key\":%u,"
		"\"bytes_value\":%u,\"max_entries\":%u,\"bytes_memlock\":%llu,\"frozen\":%d%s}",
		     id, type, name, k, v, n, o_fdinfo(id, "memlock"), frozen, tail);
}

static void expect_show(const char *sel, const char *plain, const char *json)
{
	char *j = o_fmt("%s\n", json);

	o_expect(t_run("map show %s", sel), 0, plain, "");
	o_expect_json(t_run("-j map show %s", sel), 0, j);
	free(j);
}

struct typed {
	const char *file, *type, *name;
	__u32 type_id, k, v, n;
};

static const struct typed types[] = {
	{ "hash", "hash", "o_hash", BPF_MAP_TYPE_HASH, 4, 8, 16 },
	{ "array", "array", "o_array", BPF_MAP_TYPE_ARRAY, 4, 4, 2 },
	{ "pcpu", "percpu_array", "o_pcpu", BPF_MAP_TYPE_PERCPU_ARRAY, 4, 8, 2 },
	{ "lru", "lru_hash", "o_lru", BPF_MAP_TYPE_LRU_HASH, 8, 8, 32 },
	{ "queue", "queue", "o_queue", BPF_MAP_TYPE_QUEUE, 0, 4, 4 },
	{ "ring", "ringbuf", "o_ring", BPF_MAP_TYPE_RINGBUF, 0, 0, 4096 },
	{ "stack", "stack", "o_stack", BPF_MAP_TYPE_STACK, 0, 8, 4 },
	{ "lpm", "lpm_trie", "o_lpm", BPF_MAP_TYPE_LPM_TRIE, 8, 4, 4 },
};

Test(map_show, types, .fini = fini)
{
	const char *dir = t_dir("types");
	struct run r;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(types); i++) {
		const struct typed *t = &types[i];
		struct map_create_opts o = {
			.map_type = t->type_id, .key_size = t->k, .value_size = t->v,
			.max_entries = t->n, .name = t->name,
			.map_flags = t->type_id == BPF_MAP_TYPE_LPM_TRIE ? BPF_F_NO_PREALLOC : 0,
		};
		char *path = o_fmt("%s/%s", dir, t->file), *sel, *p, *j;
		__u32 id = o_pin_close(o_map_opts(&o), path);

		p = block(id, t->type, t->name, t->k, t->v, t->n, "");
		j = object(id, t->type, t->name, t->k, t->v, t->n, 0, "");
		if (o.map_flags) {
			/* the one flag: shown as upstream does, hex in plain, decimal in JSON */
			char *p2 = o_fmt("%u: %s  name %s  flags 0x1%s", id, t->type, t->name,
					 strchr(p, '\n')), *j2;

			j2 = o_fmt("%.*s\"flags\":1%s", (int)(strstr(j, "\"flags\"") - j), j,
				   strstr(j, ",\"bytes_key\""));
			free(p);
			free(j);
			p = p2;
			j = j2;
		}
		sel = o_fmt("pinned %s", path);
		expect_show(sel, p, j);
		free(sel);
		sel = o_fmt("id %u", id);
		expect_show(sel, p, j);
		/* the listing holds the same block */
		r = t_run("map list");
		cr_expect_eq(r.status, 0);
		cr_expect(strstr(r.out, p), "%s not in:\n%s", p, r.out);
		t_run_free(&r);
		free(sel);
		free(path);
		free(p);
		free(j);
	}
}

/* bloom_filter with map_extra, array_of_maps with inner_map: made by `map create` */
Test(map_show, created_bloom_and_map_in_map, .fini = fini)
{
	const char *dir = t_dir("mim");
	struct bpf_map_info info;
	__u32 len = sizeof(info), id;
	char *p, *j;
	int fd;

	o_expect(t_run("map create %s/bloom type bloom_filter key 0 value 4 entries 16 "
		       "name o_bloom map_extra 3", dir), 0, "", "");
	p = o_fmt("%s/bloom", dir);
	fd = bpf_obj_get(p, 0);
	cr_assert_geq(fd, 0);
	memset(&info, 0, sizeof(info));
	cr_assert_eq(bpf_obj_get_info_by_fd(fd, &info, &len), 0);
	close(fd);
	cr_expect_eq(info.map_extra, 3, "map_extra reached the kernel");
	free(p);
	p = block(info.id, "bloom_filter", "o_bloom", 0, 4, 16, "");
	j = object(info.id, "bloom_filter", "o_bloom", 0, 4, 16, 0, "");
	expect_show("name o_bloom", p, j);
	free(p);
	free(j);

	o_expect(t_run("map create %s/inner type array key 4 value 4 entries 1 name o_inner", dir),
		 0, "", "");
	o_expect_json(t_run("-j map create %s/outer type array_of_maps key 4 value 4 entries 2 "
			    "name o_outer inner_map pinned %s/inner", dir, dir), 0, "null\n");
	p = o_fmt("%s/outer", dir);
	id = o_pinned_id(p);
	free(p);
	p = block(id, "array_of_maps", "o_outer", 4, 4, 2, "");
	j = object(id, "array_of_maps", "o_outer", 4, 4, 2, 0, "");
	expect_show("name o_outer", p, j);
	free(p);
	free(j);
}

Test(map_show, prog_array_owner, .fini = fini)
{
	const char *dir = t_dir("owner");
	char *path = o_fmt("%s/jmp", dir), *p, *j, *tail;
	int fd = o_map(BPF_MAP_TYPE_PROG_ARRAY, 4, 4, 4, "o_jmp"), pfd;
	bool jited;
	__u32 id;

	pfd = o_tail_call_prog(fd, &jited);
	close(pfd);
	id = o_pin_close(fd, path);
	tail = o_fmt("\towner_prog_type socket_filter  owner%s jited\n", jited ? "" : " not");
	p = block(id, "prog_array", "o_jmp", 4, 4, 4, tail);
	free(tail);
	/* owner fields sit between memlock and frozen */
	j = o_fmt("{\"id\":%u,\"type\":\"prog_array\",\"name\":\"o_jmp\",\"flags\":0,"
		  "\"bytes_key\":4,\"bytes_value\":4,\"max_entries\":4,\"bytes_memlock\":%llu,"
		  "\"owner_prog_type\":\"socket_filter\",\"owner_jited\":%s,\"frozen\":0}", id,
		  o_fdinfo(id, "memlock"), jited ? "true" : "false");
	free(path);
	path = o_fmt("pinned %s/jmp", dir);
	expect_show(path, p, j);
	free(path);
	free(p);
	free(j);
}

Test(map_show, frozen, .fini = fini)
{
	const char *dir = t_dir("frozen");
	char *path = o_fmt("%s/f", dir), *p, *j;
	__u32 id = o_pin_close(o_map(BPF_MAP_TYPE_ARRAY, 4, 4, 1, "o_frozen"), path);

	o_expect(t_run("map freeze pinned %s", path), 0, "", "");
	p = block(id, "array", "o_frozen", 4, 4, 1, "\tfrozen\n");
	j = object(id, "array", "o_frozen", 4, 4, 1, 1, "");
	expect_show("name o_frozen", p, j);
	free(p);
	free(j);
	free(path);
}

/* Two maps named alike: show takes both (plain blocks, a JSON array); others refuse. */
Test(map_show, shared_name, .fini = fini)
{
	const char *dir = t_dir("dup");
	char *a = o_fmt("%s/a", dir), *b = o_fmt("%s/b", dir), *pa, *pb, *ja, *jb, *p, *j;
	__u32 ida = o_pin_close(o_map(BPF_MAP_TYPE_ARRAY, 4, 4, 2, "o_dup"), a);
	__u32 idb = o_pin_close(o_map(BPF_MAP_TYPE_HASH, 4, 8, 4, "o_dup"), b);

	pa = block(ida, "array", "o_dup", 4, 4, 2, "");
	pb = block(idb, "hash", "o_dup", 4, 8, 4, "");
	ja = object(ida, "array", "o_dup", 4, 4, 2, 0, "");
	jb = object(idb, "hash", "o_dup", 4, 8, 4, 0, "");
	p = o_fmt("%s%s", pa, pb);
	j = o_fmt("[%s,%s]\n", ja, jb);
	o_expect(t_run("map show name o_dup"), 0, p, "");
	o_expect_json(t_run("-j map list name o_dup"), 0, j);
	free(p);
	/* pretty: the array of objects as upstream's writer lays it out */
	p = o_fmt("[{\n        \"id\": %u,\n        \"type\": \"array\",\n", ida);
	{
		struct run r = t_run("-p map show name o_dup");

		cr_expect_eq(r.status, 0);
		cr_expect(!strncmp(r.out, p, strlen(p)), "%s", r.out);
		cr_expect(strstr(r.out, "        \"frozen\": 0\n    },{\n        \"id\": "), "%s",
			  r.out);
		cr_expect(t_json_valid(r.out, r.out_len, NULL));
		t_run_free(&r);
	}
	o_expect(t_run("map freeze name o_dup"), 255, "",
		 "Error: several maps match this handle\n");
	o_expect(t_run("map pin name o_dup %s/c", dir), 255, "",
		 "Error: several maps match this handle\n");
	o_expect_json(t_run("-j map freeze name o_dup"), 255,
		      "{\"error\":\"several maps match this handle\"}\n");
	free(a);
	free(b);
	free(pa);
	free(pb);
	free(ja);
	free(jb);
	free(p);
	free(j);
}

/* -f: every path of a map (sorted), nested directories, and "pinned":[] for the others */
Test(map_show, bpffs_paths, .fini = fini)
{
	const char *dir = t_dir("paths");
	char *sub = o_fmt("%s/x", dir), *deep = o_fmt("%s/x/y", dir), *p1, *p2, *p3, *p, *j, *tail;
	int fd = o_map(BPF_MAP_TYPE_HASH, 4, 4, 8, "o_paths"), held;
	char comm[32];
	__u32 id, hid;

	cr_assert(!mkdir(sub, 0700) && !mkdir(deep, 0700));
	p1 = o_fmt("%s/x/y/deep", dir);
	p2 = o_fmt("%s/top", dir);
	p3 = o_fmt("%s/x/mid", dir);
	cr_assert_eq(bpf_obj_pin(fd, p1), 0);
	cr_assert_eq(bpf_obj_pin(fd, p3), 0);
	id = o_pin_close(fd, p2);
	tail = o_fmt("\tpinned %s\n\tpinned %s\n\tpinned %s\n", p2, p3, p1);
	p = block(id, "hash", "o_paths", 4, 4, 8, tail);
	j = object(id, "hash", "o_paths", 4, 4, 8, 0, "");
	free(tail);
	tail = j;
	j = o_fmt("%.*s,\"pinned\":[\"%s\",\"%s\",\"%s\"]}\n", (int)strlen(tail) - 1, tail, p2, p3,
		  p1);
	free(tail);
	o_expect(t_run("-f map show id %u", id), 0, p, "");
	o_expect_json(t_run("-j --bpffs map show pinned %s", p3), 0, j);
	/* without -f: no paths at all */
	free(p);
	p = block(id, "hash", "o_paths", 4, 4, 8, "");
	o_expect(t_run("map show id %u", id), 0, p, "");
	free(p);
	free(j);

	/* a map nobody pinned, held by this process: "pinned":[] and our own pids line */
	held = o_map(BPF_MAP_TYPE_ARRAY, 4, 4, 1, "o_unpinned");
	hid = o_id(held);
	o_self_comm(comm, sizeof(comm));
	tail = o_fmt("\tpids %s(%d)\n", comm, (int)getpid());
	p = block(hid, "array", "o_unpinned", 4, 4, 1, tail);
	free(tail);
	tail = o_fmt(",\"pinned\":[],\"pids\":[{\"pid\":%d,\"comm\":\"%s\"}]", (int)getpid(),
		     comm);
	j = object(hid, "array", "o_unpinned", 4, 4, 1, 0, tail);
	free(tail);
	tail = j;
	j = o_fmt("%s\n", tail);
	free(tail);
	o_expect(t_run("-f map show id %u", hid), 0, p, "");
	o_expect_json(t_run("-j -f map show id %u", hid), 0, j);
	close(held);
	free(p);
	free(j);
	free(p1);
	free(p2);
	free(p3);
	free(sub);
	free(deep);
}

/* pids: a child process holding the map; our own process is never listed */
Test(map_show, pids_of_holders, .fini = fini)
{
	const char *dir = t_dir("pids");
	char *path = o_fmt("%s/held", dir), *p, *j, *tail;
	int fd = o_map(BPF_MAP_TYPE_ARRAY, 4, 4, 1, "o_held");
	const char *ca, *cb;
	pid_t c1, c2, lo, hi;
	__u32 id;

	cr_assert_eq(bpf_obj_pin(fd, path), 0);
	id = o_id(fd);
	c1 = o_holder(fd, "o_hold_a");
	c2 = o_holder(fd, "o_hold_b");
	close(fd);
	/* /proc lists processes in pid order, which makes the discovery order */
	lo = c1 < c2 ? c1 : c2;
	hi = c1 < c2 ? c2 : c1;
	ca = c1 < c2 ? "o_hold_a" : "o_hold_b";
	cb = c1 < c2 ? "o_hold_b" : "o_hold_a";
	tail = o_fmt("\tpids %s(%d), %s(%d)\n", ca, lo, cb, hi);
	p = block(id, "array", "o_held", 4, 4, 1, tail);
	free(tail);
	tail = o_fmt(",\"pids\":[{\"pid\":%d,\"comm\":\"%s\"},{\"pid\":%d,\"comm\":\"%s\"}]",
		     lo, ca, hi, cb);
	j = object(id, "array", "o_held", 4, 4, 1, 0, tail);
	free(tail);
	expect_show("name o_held", p, j);
	o_holder_stop(c1);
	o_holder_stop(c2);
	free(p);
	p = block(id, "array", "o_held", 4, 4, 1, "");
	free(j);
	j = object(id, "array", "o_held", 4, 4, 1, 0, "");
	expect_show("name o_held", p, j);
	free(p);
	free(j);
	free(path);
}

/* The selector forms: id in three bases, keyword prefixes, name, pinned */
Test(map_show, selectors, .fini = fini)
{
	const char *dir = t_dir("sel");
	char *path = o_fmt("%s/s", dir), *p;
	__u32 id = o_pin_close(o_map(BPF_MAP_TYPE_ARRAY, 4, 4, 1, "o_sel"), path);

	p = block(id, "array", "o_sel", 4, 4, 1, "");
	o_expect(t_run("map show id %u", id), 0, p, "");
	o_expect(t_run("map show id 0x%x", id), 0, p, "");
	o_expect(t_run("map show id 0%o", id), 0, p, "");
	o_expect(t_run("map show i %u", id), 0, p, "");
	o_expect(t_run("m s n o_sel"), 0, p, "");
	o_expect(t_run("map show pinned %s", path), 0, p, "");
	o_expect(t_run("map show p %s", path), 0, p, "");
	{
		/* "" is a prefix of the first keyword, id */
		char ids[16];
		const char *argv[] = { "map", "show", "", ids, NULL };

		snprintf(ids, sizeof(ids), "%u", id);
		o_expect(t_runv(argv), 0, p, "");
	}
	free(p);
	free(path);
}

Test(map_show, selector_errors, .fini = fini)
{
	const char *dir = t_dir("selerr");
	struct prog_load_opts po = { .prog_type = BPF_PROG_TYPE_SOCKET_FILTER, .insn_cnt = 2 };
	static const struct bpf_insn ret0[] = {
		{ .code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = 0, .imm = 0 },
		{ .code = BPF_JMP | BPF_EXIT },
	};
	char *prog = o_fmt("%s/prog", dir), *e, *tmpf;
	int pfd, tfd;

	po.insns = ret0;
	pfd = bpf_prog_load(&po);
	cr_assert_geq(pfd, 0);
	cr_assert_eq(bpf_obj_pin(pfd, prog), 0);
	close(pfd);

	o_expect(t_run("map show id 4000000000"), 255, "",
		 "Error: get map by id (4000000000): No such file or directory\n");
	o_expect_json(t_run("-j map show id 4000000000"), 255,
		      "{\"error\":\"get map by id (4000000000): No such file or directory\"}\n");
	o_expect(t_run("map show id abc"), 255, "", "Error: can't parse abc as ID\n");
	o_expect(t_run("map show id 0x"), 255, "", "Error: can't parse 0x as ID\n");
	o_expect(t_run("map show name 0123456789abcdef"), 255, "", "Error: can't parse name\n");
	o_expect(t_run("map show name o_nosuchmap"), 255, "",
		 "Error: no map with name 'o_nosuchmap'\n");
	o_expect_json(t_run("-j map show name o_nosuchmap"), 255,
		      "{\"error\":\"no map with name 'o_nosuchmap'\"}\n");
	o_expect(t_run("map show foo bar"), 255, "",
		 "Error: expected 'id', 'name' or 'pinned', got: 'foo'?\n");
	o_expect(t_run("map show id"), 255, "", "Error: what is 'id'?\n");
	o_expect(t_run("map show id 1 extra"), 255, "", "Error: what is 'id'?\n");
	o_expect_json(t_run("-j map list id 1 extra"), 255, "{\"error\":\"what is 'id'?\"}\n");
	e = o_fmt("Error: incorrect object type: prog\n");
	o_expect(t_run("map show pinned %s", prog), 255, "", e);
	free(e);
	e = o_fmt("Error: bpf obj get (%s/none): No such file or directory\n", dir);
	o_expect(t_run("map show pinned %s/none", dir), 255, "", e);
	free(e);
	/* a directory on bpffs: EACCES, and the path printed as given */
	e = o_fmt("Error: bpf obj get (%s): Permission denied\n", dir);
	o_expect(t_run("map show pinned %s", dir), 255, "", e);
	free(e);
	/* a regular file elsewhere */
	tmpf = o_fmt("/tmp/bpftool-objects-%d-file", (int)getpid());
	tfd = open(tmpf, O_CREAT | O_WRONLY, 0600);
	cr_assert_geq(tfd, 0);
	close(tfd);
	e = o_fmt("Error: bpf obj get (%s): directory not in bpf file system (bpffs)\n", tmpf);
	o_expect(t_run("map show pinned %s", tmpf), 255, "", e);
	free(e);
	e = o_fmt("{\"error\":\"bpf obj get (%s): directory not in bpf file system (bpffs)\"}\n",
		  tmpf);
	o_expect_json(t_run("-j map show pinned %s", tmpf), 255, e);
	free(e);
	unlink(tmpf);
	free(tmpf);
	free(prog);
}

/* Listing failures and an empty listing, made by failing bpf(2) commands with seccomp */
Test(map_show, listing_faults)
{
	struct o_fault none = { BPF_MAP_GET_NEXT_ID, ENOENT };
	struct o_fault old = { BPF_MAP_GET_NEXT_ID, EINVAL };
	struct o_fault perm = { BPF_MAP_GET_FD_BY_ID, EPERM };
	struct run r;

	t_require_bpf();
	o_expect(o_run_in(o_setup_fault, &none, "map show"), 0, "", "");
	o_expect_json(o_run_in(o_setup_fault, &none, "-j map list"), 0, "[]\n");
	o_expect_json(o_run_in(o_setup_fault, &none, "-p map list"), 0, "[]\n");
	o_expect(o_run_in(o_setup_fault, &old, "map show"), 255, "",
		 "Error: can't get next map: Invalid argument -- kernel too old?\n");
	o_expect_json(o_run_in(o_setup_fault, &old, "-j map show"), 255,
		"[{\"error\":\"can't get next map: Invalid argument -- kernel too old?\"}]\n");
	/* needs one map to exist, which t_require_bpf's probe does not leave: make one */
	{
		int fd = o_map(BPF_MAP_TYPE_ARRAY, 4, 4, 1, "o_fault");

		r = o_run_in(o_setup_fault, &perm, "map show");
		cr_expect_eq(r.status, 255);
		cr_expect_str_eq(r.out, "");
		cr_expect(!strncmp(r.err, "Error: can't get map by id (", 28), "%s", r.err);
		cr_expect(strstr(r.err, "): Operation not permitted\n"), "%s", r.err);
		t_run_free(&r);
		close(fd);
	}
}

/* Without /proc: fdinfo fields left out, one note on stderr (plain only) */
static struct run noproc(const char *fmt, const char *arg)
{
	const char *bin = getenv("BPFTOOL");
	char *saved = bin ? strdup(bin) : NULL;
	struct run r;

	/*
	 * A sanitized build cannot run without /proc (LeakSanitizer needs it, and the runtime
	 * reads its options from /proc/self/environ): run the static product instead.
	 */
	if (bin && strstr(bin, "-san/")) {
		if (access("./bpftool", X_OK))
			t_skip_or_fail("no ./bpftool to run without /proc");
		setenv("BPFTOOL", "./bpftool", 1);
	}
	r = o_run_in(o_setup_noproc, NULL, fmt, arg);
	if (saved)
		setenv("BPFTOOL", saved, 1);
	free(saved);
	return r;
}

Test(map_show, no_proc, .fini = fini)
{
	const char *dir = t_dir("noproc");
	char *path = o_fmt("%s/np", dir), *p, *j, *sel;
	__u32 id = o_pin_close(o_map(BPF_MAP_TYPE_HASH, 4, 4, 4, "o_noproc"), path);
	static const char note[] =
		"Note: /proc is not mounted: memlock, frozen, owner and pids are not shown\n";

	p = o_fmt("%u: hash  name o_noproc  flags 0x0\n\tkey 4B  value 4B  max_entries 4\n", id);
	o_expect(noproc("map show pinned %s", path), 0, p, note);
	sel = o_fmt("%u", id);
	/* -f without /proc/self/mounts: the pins under /sys/fs/bpf, and the note says so */
	free(p);
	p = o_fmt("%u: hash  name o_noproc  flags 0x0\n\tkey 4B  value 4B  max_entries 4\n"
		  "\tpinned %s\n", id, path);
	o_expect(noproc("-f map show id %s", sel), 0, p,
		 "Note: /proc is not mounted: memlock, frozen, owner and pids are not shown; "
		 "pinned paths only under /sys/fs/bpf\n");
	j = o_fmt("{\"id\":%u,\"type\":\"hash\",\"name\":\"o_noproc\",\"flags\":0,\"bytes_key\":4,"
		  "\"bytes_value\":4,\"max_entries\":4}\n", id);
	o_expect_json(noproc("-j map show name %s", "o_noproc"), 0, j);
	free(sel);
	free(p);
	free(j);
	free(path);
}

/* show, pin and the -f walk open read-only: a 0444 pin works without CAP_DAC_OVERRIDE */
Test(map_show, read_only_fds, .fini = fini)
{
	const char *dir = t_dir("ro");
	char *path = o_fmt("%s/ro", dir), *p, *e;
	__u32 id = o_pin_close(o_map(BPF_MAP_TYPE_ARRAY, 4, 4, 1, "o_ro"), path);

	cr_assert(!chmod(path, 0444));
	p = block(id, "array", "o_ro", 4, 4, 1, "");
	o_expect(o_run_in(o_setup_nodac, NULL, "map show pinned %s", path), 0, p, "");
	free(p);
	e = o_fmt("\tpinned %s\n", path);
	p = block(id, "array", "o_ro", 4, 4, 1, e);
	o_expect(o_run_in(o_setup_nodac, NULL, "-f map show id %u", id), 0, p, "");
	free(e);
	free(p);
	o_expect(o_run_in(o_setup_nodac, NULL, "map pin pinned %s %s/ro2", path, dir), 0, "", "");
	/* freeze needs a writable fd: refused, which proves the others asked for less */
	e = o_fmt("Error: bpf obj get (%s): Permission denied\n", path);
	o_expect(o_run_in(o_setup_nodac, NULL, "map freeze pinned %s", path), 255, "", e);
	free(e);
	free(path);
}
