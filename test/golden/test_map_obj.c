// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* `map create`, `map pin`, `map freeze`: kernel results, upstream's messages and exit codes. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "objects.h"
#include "util.h"

static void fini(void)
{
	t_dir_cleanup();
	o_tmp_cleanup();
}

static struct bpf_map_info pinned_info(const char *path)
{
	struct bpf_map_info info;
	__u32 len = sizeof(info);
	int fd = bpf_obj_get(path, 0);

	cr_assert_geq(fd, 0, "%s: %s", path, strerror(-fd));
	memset(&info, 0, sizeof(info));
	cr_assert_eq(bpf_obj_get_info_by_fd(fd, &info, &len), 0);
	close(fd);
	return info;
}

Test(map_obj, create, .fini = fini)
{
	const char *dir = t_dir("create");
	struct bpf_map_info info;
	char *p;

	/* keywords in any order, by prefix; numbers in C notation */
	o_expect(t_run("map create %s/h t hash k 0x4 v 010 e 16 n o_created f 1", dir), 0, "", "");
	p = o_fmt("%s/h", dir);
	info = pinned_info(p);
	cr_expect_eq(info.type, BPF_MAP_TYPE_HASH);
	cr_expect_eq(info.key_size, 4);
	cr_expect_eq(info.value_size, 8);
	cr_expect_eq(info.max_entries, 16);
	cr_expect_eq(info.map_flags, 1);
	cr_expect_str_eq(info.name, "o_created");
	free(p);
	/* a zero does not count as "already specified", as upstream */
	o_expect(t_run("map create %s/a type array key 0 key 4 value 4 entries 1 name o_a", dir),
		 0, "", "");
	o_expect_json(t_run("-j map create %s/j type queue key 0 value 4 entries 4 name o_j", dir),
		      0, "null\n");
	p = o_fmt("%s/j", dir);
	cr_expect_eq(pinned_info(p).type, BPF_MAP_TYPE_QUEUE);
	free(p);
	/* the name is cut to 15 characters, with newest upstream's warning */
	o_expect(t_run("map create %s/long type array key 4 value 4 entries 1 "
		       "name o_0123456789abcdefghij", dir), 0, "",
		 "Warning: map name is longer than 15 characters, it will be truncated.\n");
	p = o_fmt("%s/long", dir);
	cr_expect_str_eq(pinned_info(p).name, "o_0123456789abc");
	free(p);
	/* ... and no warning in JSON mode */
	o_expect_json(t_run("-j map create %s/long2 type array key 4 value 4 entries 1 "
			    "name o_0123456789abcdefghij", dir), 0, "null\n");
	/* map_extra, our extension: bloom filter hash count */
	o_expect(t_run("map create %s/bloom type bloom_filter key 0 value 4 entries 8 "
		       "name o_bl map_extra 5", dir), 0, "", "");
	p = o_fmt("%s/bloom", dir);
	cr_expect_eq(pinned_info(p).map_extra, 5);
	free(p);
}

/* Every map type name 6.18 knows is accepted by exact name (the kernel may still refuse). */
Test(map_obj, create_type_names, .fini = fini)
{
	static const char *const names[] = {
		"unspec", "hash", "array", "prog_array", "perf_event_array", "percpu_hash",
		"percpu_array", "stack_trace", "cgroup_array", "lru_hash", "lru_percpu_hash",
		"lpm_trie", "array_of_maps", "hash_of_maps", "devmap", "sockmap", "cpumap",
		"xskmap", "sockhash", "cgroup_storage", "reuseport_sockarray",
		"percpu_cgroup_storage", "queue", "stack", "sk_storage", "devmap_hash",
		"struct_ops", "ringbuf", "inode_storage", "task_storage", "bloom_filter",
		"user_ringbuf", "cgrp_storage", "arena",
	};
	const char *dir = t_dir("names");
	size_t i;

	for (i = 0; i < ARRAY_SIZE(names); i++) {
		struct run r = t_run("map create %s/t%zu type %s key 4 value 4 entries 1 name o_t",
				     dir, i, names[i]);

		cr_expect(!strstr(r.err, "unrecognized map type"), "%s: %s", names[i], r.err);
		cr_expect(r.status == 0 || strstr(r.err, "Error: map create failed: "), "%s: %s",
			  names[i], r.err);
		t_run_free(&r);
	}
	o_expect(t_run("map create %s/u type unspec key 4 value 4 entries 1 name o_u", dir), 255,
		 "", "Error: map create failed: Invalid argument\n");
	/* exact names only: no prefixes, no case folding */
	o_expect(t_run("map create %s/x type has key 4 value 4 entries 1 name o_x", dir), 255, "",
		 "Error: unrecognized map type: has\n");
	o_expect(t_run("map create %s/x type Hash key 4 value 4 entries 1 name o_x", dir), 255, "",
		 "Error: unrecognized map type: Hash\n");
}

struct create_err {
	const char *args;	/* after "map create DIR/x " */
	int status;
	const char *err;
};

static const struct create_err create_errs[] = {
	{ "type hsh key 4 value 4 entries 4 name o_x", 255,
	  "Error: unrecognized map type: hsh\n" },
	{ "type hash type hash key 4 value 4 entries 4 name o_x", 255,
	  "Error: map type already specified\n" },
	{ "type hash key x value 4 entries 4 name o_x", 255,
	  "Error: can't parse x as key size\n" },
	{ "type hash key 4 value 4q entries 4 name o_x", 255,
	  "Error: can't parse 4q as value size\n" },
	{ "type hash key 4 value 4 entries 4294967296 name o_x", 255,
	  "Error: can't parse 4294967296 as max entries\n" },
	{ "type hash key 4 value 4 entries 4 name o_x flags 0x", 255,
	  "Error: can't parse 0x as flags\n" },
	{ "type hash key 4 value 4 entries 4 name o_x map_extra z", 255,
	  "Error: can't parse z as map_extra\n" },
	{ "type hash key 4 key 4 value 4 entries 4 name o_x", 255,
	  "Error: key size already specified\n" },
	{ "type hash key 4 value 4 entries 4 entries 5 name o_x", 255,
	  "Error: max entries already specified\n" },
	{ "type hash key 4 value 4 entries 4 name o_x foo bar", 255, "Error: unknown arg foo\n" },
	{ "type hash key 4 value 4 entries 4 nam", 255,
	  "Error: '4' needs at least 2 arguments, 1 found\n" },
	{ "type hash key 4 value 4 entries 4 flags 0", 255, "Error: map name not specified\n" },
	{ "type hash key 4 value 4 entries 4 name o_x offload_dev o_nosuchdev", 255,
	  "Error: unrecognized netdevice 'o_nosuchdev': No such device\n" },
	{ "type hash key 4 value 4 entries 4 name o_x dev o_nosuchdev", 255,
	  "Warning: 'bpftool map create [...] dev <ifname>' syntax is deprecated.\n"
	  "Going further, please use 'offload_dev <ifname>' to request hardware offload for the "
	  "map.\nError: unrecognized netdevice 'o_nosuchdev': No such device\n" },
	{ "type hash key 4 value 4 entries 4 name o_x offload_dev lo o lo", 255,
	  "Error: offload device already specified\n" },
	{ "type hash key 4 value 0 entries 4 name o_x", 255,
	  "Error: map create failed: Invalid argument\n" },
	{ "type array_of_maps key 4 value 4 entries 4 name o_x inner_map name o_nosuchmap", 255,
	  "Error: no map with name 'o_nosuchmap'\n" },
};

Test(map_obj, create_errors, .fini = fini)
{
	const char *dir = t_dir("cerr");
	char *p;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(create_errs); i++) {
		const struct create_err *e = &create_errs[i];

		o_expect(t_run("map create %s/x %s", dir, e->args), e->status, "", e->err);
	}
	o_expect(t_run("map create"), 255, "",
		 "Error: 'create' needs at least 7 arguments, 0 found\n");
	o_expect(t_run("map c %s/x type hash key 4 value", dir), 255, "",
		 "Error: 'c' needs at least 7 arguments, 6 found\n");
	o_expect_json(t_run("-j map create %s/x type hsh key 4 value 4 entries 4 name o_x", dir),
		      255, "{\"error\":\"unrecognized map type: hsh\"}\n");
	/* inner_map with too few words: the error, then the help (only the error in JSON) */
	{
		static const char want[] =
			"Error: 'inner_map' needs at least 2 arguments, 1 found\n"
			"Usage: bpftool map { show | list }   [MAP]\n";
		struct run r = t_run("map create %s/x type hash key 4 value 4 entries 4 name o_x "
				     "inner_map id", dir);

		cr_expect_eq(r.status, 255);
		cr_expect(!strncmp(r.err, want, strlen(want)), "%s", r.err);
		t_run_free(&r);
	}
	o_expect_json(t_run("-j map create %s/x type hash key 4 value 4 entries 4 name o_x "
			    "inner_map id", dir), 255,
		      "{\"error\":\"'inner_map' needs at least 2 arguments, 1 found\"}\n");
	/* nothing was made by any of them */
	p = o_fmt("%s/x", dir);
	cr_expect(access(p, F_OK), "%s exists", p);
	free(p);
	cr_expect(o_map_name_gone("o_x"));
}

/* A failed pin after a successful create leaves no file and no map. */
Test(map_obj, create_pin_failures, .fini = fini)
{
	const char *dir = t_dir("cpin");
	char *e;

	o_expect(t_run("map create %s/taken type array key 4 value 4 entries 1 name o_taken", dir),
		 0, "", "");
	e = o_fmt("Error: can't pin BPF object: path '%s/taken' already exists\n", dir);
	o_expect(t_run("map create %s/taken type array key 4 value 4 entries 1 name o_second",
		       dir), 255, "", e);
	free(e);
	cr_expect(o_map_name_gone("o_second"));
	e = o_fmt("Error: can't pin BPF object: dir '%s/nodir' doesn't exist\n", dir);
	o_expect(t_run("map create %s/nodir/m type array key 4 value 4 entries 1 name o_nodir",
		       dir), 255, "", e);
	free(e);
	cr_expect(o_map_name_gone("o_nodir"));
	/* bpffs refuses names with a dot: EPERM, 256 - 1 */
	e = o_fmt("Error: can't pin the object (%s/a.b): Operation not permitted\n", dir);
	o_expect(t_run("map create %s/a.b type array key 4 value 4 entries 1 name o_dot", dir),
		 255, "", e);
	free(e);
	cr_expect(o_map_name_gone("o_dot"));
	e = o_fmt("{\"error\":\"can't pin the object (%s/a.b): Operation not permitted\"}\n", dir);
	o_expect_json(t_run("-j map create %s/a.b type array key 4 value 4 entries 1 name o_dot",
			    dir), 255, e);
	free(e);
}

Test(map_obj, pin, .fini = fini)
{
	const char *dir = t_dir("pin");
	char *src = o_fmt("%s/src", dir), *e, *p;
	__u32 id = o_pin_close(o_map(BPF_MAP_TYPE_ARRAY, 4, 4, 1, "o_pin"), src);

	o_expect(t_run("map pin id %u %s/by_id", id, dir), 0, "", "");
	o_expect_json(t_run("-j map pin pinned %s %s/by_path", src, dir), 0, "null\n");
	o_expect(t_run("map p name o_pin %s/by_name extra words", dir), 0, "", "");
	p = o_fmt("%s/by_name", dir);
	cr_expect_eq(o_pinned_id(p), id);
	free(p);
	p = o_fmt("%s/by_path", dir);
	cr_expect_eq(o_pinned_id(p), id);
	free(p);

	o_expect(t_run("map pin id %u", id), 234, "",
		 "Error: 'pin' needs at least 3 arguments, 2 found\n");
	o_expect(t_run("map pin"), 234, "", "Error: 'pin' needs at least 3 arguments, 0 found\n");
	o_expect_json(t_run("-j map pin"), 234,
		      "{\"error\":\"'pin' needs at least 3 arguments, 0 found\"}\n");
	e = o_fmt("Error: can't pin BPF object: path '%s' already exists\n", src);
	o_expect(t_run("map pin id %u %s", id, src), 255, "", e);
	free(e);
	e = o_fmt("Error: can't pin BPF object: dir '%s/no/such' doesn't exist\n", dir);
	o_expect(t_run("map pin id %u %s/no/such/x", id, dir), 255, "", e);
	free(e);
	e = o_fmt("Error: can't pin the object (%s/x.y): Operation not permitted\n", dir);
	o_expect(t_run("map pin id %u %s/x.y", id, dir), 255, "", e);
	free(e);
	o_expect(t_run("map pin id 4000000000 %s/gone", dir), 255, "",
		 "Error: get map by id (4000000000): No such file or directory\n");
	o_expect(t_run("map pin foo 1 %s/gone", dir), 255, "",
		 "Error: expected 'id', 'name' or 'pinned', got: 'foo'?\n");
	free(src);
}

Test(map_obj, freeze, .fini = fini)
{
	const char *dir = t_dir("freeze");
	char *path = o_fmt("%s/f", dir);
	__u32 id = o_pin_close(o_map(BPF_MAP_TYPE_ARRAY, 4, 4, 1, "o_freeze"), path);
	struct map_create_opts mo = {
		.map_type = BPF_MAP_TYPE_ARRAY, .key_size = 4, .value_size = 8, .max_entries = 4,
		.map_flags = BPF_F_MMAPABLE, .name = "o_mmapped",
	};
	void *mem;
	int fd;

	o_expect(t_run("map freeze id %u extra", id), 255, "", "Error: what is 'extra'?\n");
	o_expect(t_run("map freeze"), 255, "",
		 "Error: 'freeze' needs at least 2 arguments, 0 found\n");
	o_expect(t_run("map f id"), 255, "", "Error: 'f' needs at least 2 arguments, 1 found\n");
	cr_expect_eq(o_fdinfo(id, "frozen"), 0, "no change by the refused ones");
	o_expect(t_run("map freeze id %u", id), 0, "", "");
	cr_expect_eq(o_fdinfo(id, "frozen"), 1);
	/* a frozen map grants no write access any more: EPERM (255) */
	o_expect(t_run("map freeze pinned %s", path), 255, "",
		 "Error: failed to freeze map: Operation not permitted\n");
	o_expect_json(t_run("-j map freeze name o_freeze"), 255,
		      "{\"error\":\"failed to freeze map: Operation not permitted\"}\n");
	/* a writable mapping makes it EBUSY: 256 - 16, as upstream (observed 240) */
	fd = o_map_opts(&mo);
	mem = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	cr_assert_neq(mem, MAP_FAILED);
	o_expect(t_run("map freeze id %u", o_id(fd)), 240, "",
		 "Error: failed to freeze map: Device or resource busy\n");
	munmap(mem, 4096);
	o_expect_json(t_run("-j map freeze id %u", o_id(fd)), 0, "null\n");
	close(fd);
	free(path);
}

/* bpffs auto-mount, in this test's own mount namespace and under /tmp only */
Test(map_obj, automount, .fini = fini)
{
	const char *sdir = t_dir("auto");
	char *src = o_fmt("%s/src", sdir), *base, *empty, *full, *keep, *e, *p, *none, *dot;
	__u32 id = o_pin_close(o_map(BPF_MAP_TYPE_ARRAY, 4, 4, 1, "o_auto"), src);
	struct stat st;
	int fd;

	o_private_mounts();
	base = xstrdup(o_tmp("auto"));
	empty = o_fmt("%s/empty", base);
	full = o_fmt("%s/full", base);
	none = o_fmt("%s/nomount", base);
	dot = o_fmt("%s/dot", base);
	keep = o_fmt("%s/full/keep", base);
	cr_assert(!mkdir(empty, 0700) && !mkdir(full, 0700) && !mkdir(none, 0700) &&
		  !mkdir(dot, 0700));
	fd = open(keep, O_CREAT | O_WRONLY, 0600);
	cr_assert_geq(fd, 0);
	close(fd);

	/* an empty directory: bpffs mounted there (mode 0700), the map pinned in it */
	o_expect(t_run("map pin id %u %s/m", id, empty), 0, "", "");
	cr_expect(o_is_bpffs(empty));
	cr_expect(!stat(empty, &st) && (st.st_mode & 0777) == 0700);
	p = o_fmt("%s/m", empty);
	cr_expect_eq(o_pinned_id(p), id);
	free(p);
	/* and create into the same, now bpffs, directory: no second mount */
	o_expect(t_run("map create %s/c type hash key 4 value 4 entries 1 name o_auto2", empty), 0,
		 "", "");

	/* not empty: refused, contents still visible, nothing mounted */
	e = o_fmt("Error: can't mount BPF file system to pin the object '%s/m': dir '%s' is not "
		  "empty, not mounting over its contents\n", full, full);
	o_expect(t_run("map pin id %u %s/m", id, full), 255, "", e);
	free(e);
	cr_expect(!o_is_bpffs(full) && !o_is_mount_point(full));
	cr_expect(!access(keep, F_OK));

	/* -n: no mount at all */
	o_expect(t_run("-n map pin id %u %s/m", id, none), 255, "",
		 "Error: no BPF file system found, not mounting it due to --nomount option\n");
	o_expect_json(t_run("-j --nomount map create %s/m type hash key 4 value 4 entries 1 "
			    "name o_nomnt", none), 255,
		      "{\"error\":\"no BPF file system found, not mounting it due to --nomount "
		      "option\"}\n");
	cr_expect(!o_is_bpffs(none) && !o_is_mount_point(none));
	cr_expect(o_map_name_gone("o_nomnt"));

	/* mounted, then the pin fails (a dot): the mounts are taken back, the map is gone */
	e = o_fmt("Error: can't pin the object (%s/a.b): Operation not permitted\n", dot);
	o_expect(t_run("map create %s/a.b type hash key 4 value 4 entries 1 name o_dotmnt", dot),
		 255, "", e);
	free(e);
	cr_expect(!o_is_bpffs(dot) && !o_is_mount_point(dot), "mount left behind on %s", dot);
	cr_expect(o_map_name_gone("o_dotmnt"));

	free(src);
	free(base);
	free(empty);
	free(full);
	free(keep);
	free(none);
	free(dot);
}

Test(map_obj, help_names_map_extra)
{
	struct run r = t_run("map help");

	cr_expect(strstr(r.err, "\n                                  [inner_map MAP] "
			 "[offload_dev NAME] [map_extra N]\n"), "%s", r.err);
	t_run_free(&r);
}
