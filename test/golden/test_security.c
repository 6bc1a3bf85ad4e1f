// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Security properties of the binary: paths are never cut short (a too-long one is an error
 * naming all of it), read-only commands open maps read-only, no fd leaks into a child, and
 * a command touches no map but the one it was given.
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <linux/capability.h>

#include "evpipe.h"
#include "faults.h"
#include "objects.h"
#include "snap.h"
#include "sys_bpf.h"
#include "tdata.h"
#include "util.h"

static void fini(void)
{
	t_dir_cleanup();
}

/* ---- paths longer than PATH_MAX --------------------------------------------------------- */

static char *long_word(size_t n)
{
	char *s = malloc(n + 1);

	cr_assert(s);
	memset(s, 'a', n);
	s[n] = 0;
	return s;
}

/* Plain and JSON: exactly this message, naming the whole path, and this status. */
static void expect_error(const char *args, int status, const char *msg)
{
	char *want = td_fmt("Error: %s\n", msg);

	td_expect(t_run("%s", args), status, "", want);
	free(want);
	want = td_fmt("{\"error\":\"%s\"}\n", msg);
	td_expect_json(t_run("-j %s", args), status, want);
	free(want);
}

Test(security, long_paths_are_errors_not_cut_short, .fini = fini)
{
	char *a = long_word(5000), *path, *line, *msg, *p;
	int fd = td_map_pinned(BPF_MAP_TYPE_HASH, 4, 4, 4, "tsec_lp", &p);
	static const char *const sel_cmds[] = {
		"map show pinned", "map dump pinned", "map lookup pinned %s key 1 0 0 0",
		"map getnext pinned", "map update pinned %s key 1 0 0 0 value 1 0 0 0",
		"map delete pinned %s key 1 0 0 0", "map peek pinned", "map pop pinned",
		"map freeze pinned", "map event_pipe pinned", "map pin pinned %s /sys/fs/bpf/x",
		"prog show pinned",
	};
	const char *dirs[] = { "/sys/fs/bpf", "/tmp", "/nonexistent" };
	size_t i;

	(void)fd;
	/* pin and create: the kernel's answer for such a path, wherever it would go */
	for (i = 0; i < ARRAY_SIZE(dirs); i++) {
		path = td_fmt("%s/%s/x", dirs[i], a);
		msg = td_fmt("can't pin the object (%s): File name too long", path);
		line = td_fmt("map pin pinned %s %s", p, path);
		expect_error(line, 220, msg);
		free(line);
		line = td_fmt("map create %s type hash key 4 value 4 entries 4 name tsec_lpc",
			      path);
		expect_error(line, 220, msg);
		free(line);
		free(msg);
		free(path);
	}
	cr_expect(o_map_name_gone("tsec_lpc"), "a failed create left its map behind");
	/* every MAP and PROG selector */
	path = td_fmt("/sys/fs/bpf/%s", a);
	msg = td_fmt("bpf obj get (%s): File name too long", path);
	for (i = 0; i < ARRAY_SIZE(sel_cmds); i++) {
		char *cmd = strstr(sel_cmds[i], "%s") ? td_fmt(sel_cmds[i], path)
						     : td_fmt("%s %s", sel_cmds[i], path);

		if (!strncmp(sel_cmds[i], "prog", 4)) {
			free(msg);
			msg = td_fmt("bpf obj get (%s): File name too long", path);
		}
		expect_error(cmd, 255, msg);
		free(cmd);
	}
	free(msg);
	/* a value selector and inner_map */
	line = td_fmt("map create /sys/fs/bpf/x type hash_of_maps key 4 value 4 entries 1 "
		      "name tsec_hom inner_map pinned %s", path);
	msg = td_fmt("bpf obj get (%s): File name too long", path);
	expect_error(line, 255, msg);
	free(line);
	free(msg);
	free(path);
	/* batch's file */
	path = td_fmt("/tmp/%s", a);
	msg = td_fmt("Can't open file (%s): File name too long", path);
	line = td_fmt("batch file %s", path);
	expect_error(line, 255, msg);
	free(line);
	free(msg);
	free(path);
	free(p);
	free(a);
}

/* An option message names the whole word too (it was cut at 256 bytes). */
Test(security, long_option_is_named_whole)
{
	char *a = long_word(5000), *line = td_fmt("--%s", a), *msg;

	msg = td_fmt("unrecognized option '--%s'", a);
	{
		struct run r = t_run("%s", line);
		char *want = td_fmt("Error: %s\n", msg);

		cr_expect_eq(r.status, 255);
		cr_expect_str_eq(r.out, "");
		cr_expect(!strncmp(r.err, want, strlen(want)), "message cut short");
		free(want);
		t_run_free(&r);
	}
	{
		char *want = td_fmt("{\"error\":\"%s\"}\n", msg);

		td_expect_json(t_run("-j %s", line), 255, want);
		free(want);
	}
	free(msg);
	free(line);
	free(a);
}

/*
 * A pin as deep as bpffs allows within PATH_MAX (4000 bytes of nested directories) is listed
 * by -f whole.
 */
Test(security, deep_pin_is_listed_whole, .fini = fini)
{
	char *dir = td_fmt("%s", t_dir("sec_deep")), *seg = long_word(200), *want, *p;
	int fd = td_map(BPF_MAP_TYPE_ARRAY, 4, 4, 1, "tsec_deep", 0, 0), i;
	__u32 id = td_map_id(fd);
	struct run r;

	for (i = 0; strlen(dir) + 2 * 201 < 4000; i++) {
		char *next = td_fmt("%s/%s", dir, seg);

		cr_assert_eq(mkdir(next, 0700), 0, "mkdir: %s", strerror(errno));
		free(dir);
		dir = next;
	}
	p = td_fmt("%s/m", dir);
	cr_assert_eq(bpf_obj_pin(fd, p), 0);
	r = t_run("-f map show id %u", id);
	want = td_fmt("\tpinned %s\n", p);
	cr_expect_eq(r.status, 0, "%s", r.err);
	cr_expect(strstr(r.out, want), "the deep pin is missing or cut: %s", r.out);
	t_run_free(&r);
	free(want);
	free(p);
	free(seg);
	free(dir);
}

static void setup_chdir(void *arg)
{
	if (chdir(arg))
		_exit(126);
}

/*
 * An empty FILE names nothing: refused as the kernel refuses it, before any mount is tried
 * (its "dirname" is ".", and an empty current directory was a place to mount bpffs on).
 */
Test(security, empty_pin_path_mounts_nothing, .fini = fini)
{
	char *p;
	const char *tmp;
	int fd = td_map_pinned(BPF_MAP_TYPE_HASH, 4, 4, 4, "tsec_ep", &p);

	(void)fd;
	o_private_mounts();
	tmp = o_tmp("empty");
	/* the child runs in tmp: the binary by its absolute path */
	{
		char *abs = realpath(t_bpftool(), NULL);

		cr_assert(abs);
		setenv("BPFTOOL", abs, 1);
		free(abs);
	}
	{
		const char *argv[] = { "map", "pin", "pinned", p, "", NULL };
		const char *argj[] = { "-j", "map", "pin", "pinned", p, "", NULL };
		const char *argc[] = { "map", "create", "", "type", "hash", "key", "4", "value",
				       "4", "entries", "4", "name", "tsec_ep2", NULL };

		td_expect(t_runv_in(argv, setup_chdir, (void *)tmp), 254, "",
			  "Error: can't pin the object (): No such file or directory\n");
		td_expect_json(t_runv_in(argj, setup_chdir, (void *)tmp), 254,
			       "{\"error\":\"can't pin the object (): "
			       "No such file or directory\"}\n");
		td_expect(t_runv_in(argc, setup_chdir, (void *)tmp), 254, "",
			  "Error: can't pin the object (): No such file or directory\n");
	}
	cr_expect(!o_is_mount_point(tmp), "something was mounted on the current directory");
	cr_expect(o_map_name_gone("tsec_ep2"));
	o_tmp_cleanup();
	free(p);
}

/* ---- read-only access ---------------------------------------------------------------------- */

/*
 * Pins only their owner may read, and a bpftool without CAP_DAC_OVERRIDE: the read-only
 * commands (here the ones test_map_bulk does not cover: getnext with a key, pin, -f show,
 * dump by name, inner_map of create) open with BPF_F_RDONLY and work. A program fd has no
 * read-only mode (BPF_OBJ_GET refuses file_flags for programs), so a 0400 pinned program is
 * refused as upstream refuses it.
 */
Test(security, read_only_commands_need_only_read_access, .fini = fini)
{
	char *p, *pp, *copy, *want, *name, *cr;
	int fd = td_map_pinned(BPF_MAP_TYPE_HASH, 4, 4, 4, "tsec_ro", &p);
	int prog = td_prog("tsec_ro_prog");
	__u32 k = 1, v = 2, id = td_map_id(fd);
	struct run r;

	td_update(fd, &k, &v);
	k = 2;
	td_update(fd, &k, &v);
	pp = td_pin(prog, "tsec_ro_prog");
	copy = td_fmt("%s_again", p);
	cr = td_fmt("%s_hom", p);
	cr_assert_eq(chmod(p, 0400), 0);
	cr_assert_eq(chmod(pp, 0400), 0);
	cr_assert_eq(prctl(PR_CAPBSET_DROP, CAP_DAC_OVERRIDE, 0, 0, 0), 0);
	cr_assert_eq(prctl(PR_CAPBSET_DROP, CAP_DAC_READ_SEARCH, 0, 0, 0), 0);
	r = t_run("map getnext pinned %s key 9 0 0 0", p);
	cr_expect_eq(r.status, 0, "%s", r.err);
	cr_expect(!strncmp(r.out, "key:\n09 00 00 00\nnext key:\n", 27), "%s", r.out);
	t_run_free(&r);
	td_expect(t_run("map pin pinned %s %s", p, copy), 0, "", "");
	cr_expect_eq(o_pinned_id(copy), id);
	r = t_run("-f map show id %u", id);
	want = td_fmt("\tpinned %s\n", p);
	cr_expect(strstr(r.out, want), "a 0400 pin is missing from -f: %s", r.out);
	free(want);
	t_run_free(&r);
	name = td_fmt("name tsec_ro");
	r = t_run("map dump %s", name);
	cr_expect_eq(r.status, 0, "%s", r.err);
	cr_expect(strstr(r.out, "Found 2 elements"), "%s", r.out);
	t_run_free(&r);
	td_expect(t_run("map create %s type hash_of_maps key 4 value 4 entries 1 name tsec_hom "
			"inner_map pinned %s", cr, p), 0, "", "");
	want = td_fmt("Error: bpf obj get (%s): Permission denied\n", pp);
	td_expect(t_run("prog show pinned %s", pp), 255, "", want);
	free(want);
	/* by id there is no file to be refused by */
	r = t_run("prog show id %u", td_prog_id(prog));
	cr_expect_eq(r.status, 0, "%s", r.err);
	t_run_free(&r);
	free(name);
	free(cr);
	free(copy);
	free(pp);
	free(p);
}

/* ---- no fd leaks across exec ------------------------------------------------------------ */

static bool has_cloexec(const char *call_text)
{
	return strstr(call_text, "CLOEXEC") != NULL;
}

/* One call of maker in path: fopen()s with mode "e", fcntl() dups with CLOEXEC, ... */
static void check_call(const char *path, const char *maker, const char *call)
{
	if (!strcmp(maker, "fopen(") || !strcmp(maker, "fdopen(")) {
		const char *mode = strrchr(call, ',');

		cr_expect(mode && strchr(mode, 'e'), "%s: %s without \"e\"", path, call);
	} else if (!strcmp(maker, "fcntl(")) {
		cr_expect(!strstr(call, "F_DUPFD") || has_cloexec(call), "%s: %s", path, call);
	} else if (strcmp(maker, "opendir(")) {
		/* opendir() itself opens with O_CLOEXEC, in glibc and musl */
		cr_expect(has_cloexec(call), "%s: %s without CLOEXEC", path, call);
	}
}

/*
 * The static half: every call in src/ that makes an fd asks for O_CLOEXEC (bpf(2) fds are
 * always close-on-exec), fopen()s use mode "e", and no dup without it.
 */
Test(security, every_fd_call_in_src_asks_for_cloexec)
{
	static const char *const makers[] = {
		"open(", "openat(", "socket(", "socketpair(", "pipe(", "pipe2(", "dup(", "dup2(",
		"dup3(", "epoll_create(", "epoll_create1(", "SYS_perf_event_open", "memfd_create(",
		"eventfd(", "signalfd(", "timerfd_create(", "inotify_init", "accept(", "accept4(",
		"mkstemp(", "tmpfile(", "popen(", "fcntl(", "fopen(", "fdopen(", "opendir(",
	};
	struct dirent **names;
	int n = scandir("src", &names, NULL, alphasort), i, calls = 0;

	cr_assert_gt(n, 0, "run from the source tree: %s", strerror(errno));
	for (i = 0; i < n; i++) {
		char *path, *text, *p;
		size_t k;
		FILE *f;
		long len;

		if (!strstr(names[i]->d_name, ".c")) {
			free(names[i]);
			continue;
		}
		path = td_fmt("src/%s", names[i]->d_name);
		f = fopen(path, "re");
		cr_assert(f, "%s", path);
		fseek(f, 0, SEEK_END);
		len = ftell(f);
		rewind(f);
		text = calloc(1, (size_t)len + 1);
		cr_assert_eq(fread(text, 1, (size_t)len, f), (size_t)len);
		fclose(f);
		for (k = 0; k < ARRAY_SIZE(makers); k++) {
			for (p = strstr(text, makers[k]); p; p = strstr(p + 1, makers[k])) {
				char *end = strchr(p, ';'), call[512];
				size_t clen;

				/* whole words only: "fopen(" is not "open(" */
				if (p > text && (isalnum((unsigned char)p[-1]) || p[-1] == '_'))
					continue;
				/* comments name calls too: a call is code, ending in ';' */
				if (!end || (size_t)(end - p) >= sizeof(call))
					continue;
				clen = (size_t)(end - p);
				memcpy(call, p, clen);
				call[clen] = 0;
				if (strchr(call, '\n') && strstr(call, "*/"))
					continue;	/* inside a comment */
				calls++;
				check_call(path, makers[k], call);
			}
		}
		free(text);
		free(path);
		free(names[i]);
	}
	free(names);
	cr_expect_gt(calls, 10, "found only %d calls: is the audit looking at src/?", calls);
}

/*
 * The dynamic half: at every bpf(2) call of these commands (the moments its files, dirs and
 * bpf objects are open), every fd of the binary above stdin, stdout and stderr is O_CLOEXEC.
 */
Test(security, no_fd_without_cloexec_at_any_bpf_call, .fini = fini)
{
	struct f_notif n = { .cmd = -1, .check_fds = true };
	char *p, *ph, *pin, *batchf;
	int fd = td_map_pinned(BPF_MAP_TYPE_HASH, 4, 4, 4, "tsec_fd", &p), inner, hom;
	const char *cmds[] = {
		"map show", "-f map show", "-f -j map list", "map dump pinned %s",
		"-j map dump name tsec_fd", "map update pinned %s key 1 0 0 0 value 2 0 0 0",
		"map lookup pinned %s key 1 0 0 0", "map getnext pinned %s",
		"prog show", "-f prog show", "map pin pinned %s %s_pin",
		"map freeze pinned %s_pin",
	};
	__u32 k = 0;
	size_t i;
	FILE *f;

	(void)fd;
	inner = td_map(BPF_MAP_TYPE_ARRAY, 4, 4, 1, "tsec_fdin", 0, 0);
	hom = td_map(BPF_MAP_TYPE_HASH_OF_MAPS, 4, 4, 2, "tsec_fdhom", 0, inner);
	ph = td_pin(hom, "tsec_fdhom");
	pin = td_pin(inner, "tsec_fdin");
	cr_assert_eq(bpf_map_update_elem(hom, &k, &inner, 0), 0);
	for (i = 0; i < ARRAY_SIZE(cmds); i++) {
		struct run r = f_run(&n, cmds[i], p, p);

		cr_expect_eq(r.status, 0, "%s: %s", cmds[i], r.err);
		cr_expect_gt(n.fd_checks, 0, "%s: no bpf call seen", cmds[i]);
		cr_expect_str_eq(n.leak, "", "%s: %s", cmds[i], n.leak);
		t_run_free(&r);
	}
	{
		struct run r = f_run(&n, "map update pinned %s key 1 0 0 0 value pinned %s", ph,
				     pin);

		cr_expect_eq(r.status, 0, "%s", r.err);
		cr_expect_str_eq(n.leak, "");
		t_run_free(&r);
	}
	batchf = td_fmt("/tmp/bpftool-security-%d.batch", (int)getpid());
	f = fopen(batchf, "w");
	cr_assert(f);
	fprintf(f, "map show pinned %s\nmap dump pinned %s\nmap create %s_c type array key 4 "
		   "value 4 entries 1 name tsec_fdc inner_map pinned %s\n", p, p, p, pin);
	fclose(f);
	{
		struct run r = f_run(&n, "batch file %s", batchf);

		cr_expect_eq(r.status, 0, "%s", r.err);
		cr_expect_str_eq(n.leak, "", "batch: %s", n.leak);
		t_run_free(&r);
	}
	unlink(batchf);
	free(batchf);
	free(pin);
	free(ph);
	free(p);
}

/* event_pipe holds the most: perf events, mapped rings, epoll. All close-on-exec. */
Test(security, event_pipe_fds_are_cloexec, .fini = fini)
{
	struct map_create_opts o = { .map_type = BPF_MAP_TYPE_PERF_EVENT_ARRAY, .key_size = 4,
				     .value_size = 4, .max_entries = 1, .name = "tsec_pea" };
	const char *argv[] = { "map", "event_pipe", "pinned", NULL, "cpu", "0", "index", "0",
			       NULL };
	char path[64], target[256], line[128];
	struct t_child c;
	struct run r;
	struct dirent *de;
	int fd = bpf_map_create(&o), bpf_fds = 0;
	DIR *d;

	cr_assert_geq(fd, 0);
	argv[3] = td_pin(fd, "tsec_pea");
	t_child_start(&c, argv);
	cr_assert(t_child_wait_watching(&c, 1, 5000), "event_pipe did not start");
	snprintf(path, sizeof(path), "/proc/%d/fd", (int)c.pid);
	d = opendir(path);
	cr_assert(d);
	while ((de = readdir(d))) {
		unsigned long flags = 0;
		char link[300];
		ssize_t n;
		FILE *f;

		if (de->d_name[0] == '.' || atoi(de->d_name) <= 2)
			continue;
		snprintf(link, sizeof(link), "/proc/%d/fd/%s", (int)c.pid, de->d_name);
		n = readlink(link, target, sizeof(target) - 1);
		if (n < 0)
			continue;
		target[n] = 0;
		/* the harness's pipes and Criterion's arena come from the runner; the binary opens
		 * no pipe and nothing under /dev/shm */
		if (!strncmp(target, "pipe:", 5) || !strcmp(target, "/dev/null") ||
		    !strncmp(target, "/dev/shm/bxf_arena", 18))
			continue;
		snprintf(link, sizeof(link), "/proc/%d/fdinfo/%s", (int)c.pid, de->d_name);
		f = fopen(link, "re");
		cr_assert(f);
		while (fgets(line, sizeof(line), f))
			if (sscanf(line, "flags: %lo", &flags) == 1)
				break;
		fclose(f);
		cr_expect(flags & O_CLOEXEC, "fd %s -> %s is not O_CLOEXEC", de->d_name, target);
		bpf_fds++;
	}
	closedir(d);
	cr_expect_geq(bpf_fds, 3, "expected the map, a perf event and epoll, saw %d", bpf_fds);
	r = t_child_finish(&c, SIGINT);
	cr_expect_eq(r.status, 0, "%s", r.err);
	t_run_free(&r);
	free((char *)argv[3]);
}

/* ---- a command touches the map it was given, and no other ---------------------------------- */

#define NM 10

struct bystanders {
	int fd[NM];
	__u32 type[NM], id[NM];
	char *pin[NM];
	const char *name[NM];
};

static void bystander(struct bystanders *b, int i, int fd, __u32 type, const char *name)
{
	b->fd[i] = fd;
	b->type[i] = type;
	b->name[i] = name;
	b->id[i] = td_map_id(fd);
	b->pin[i] = td_pin(fd, name);
}

/* Every map but the target, and every pin still naming its map. */
static char *others(const struct bystanders *b, int target)
{
	char *s = calloc(1, 1);
	int i;

	cr_assert(s);
	for (i = 0; i < NM; i++) {
		char line[64];

		snprintf(line, sizeof(line), "%s %u: ", b->name[i], o_pinned_id(b->pin[i]));
		snap_str(&s, line);
		if (i != target)
			snap_map(&s, b->fd[i], b->type[i]);
		else
			snap_str(&s, "(target)\n");
	}
	snap_mounts(&s);
	return s;
}

Test(security, commands_touch_only_their_map, .fini = fini, .timeout = 60)
{
	static const struct {
		int target;
		const char *fmt;	/* %s: the target's pin */
	} cmds[] = {
		{ 0, "map update pinned %s key 9 0 0 0 value 9 9 9 9" },
		{ 0, "map update pinned %s key 1 0 0 0 value 7 7 7 7 exist" },
		{ 0, "map delete pinned %s key 1 0 0 0" },
		{ 0, "map pin pinned %s %s_second" },
		{ 2, "map update pinned %s key 1 0 0 0 value 5 0 0 0 0 0 0 0" },
		{ 2, "map freeze pinned %s" },
		{ 3, "map push pinned %s value 4 0 0 0" },
		{ 3, "map pop pinned %s" },
		{ 4, "map enqueue pinned %s value 6 0 0 0" },
		{ 4, "map dequeue pinned %s" },
		{ 5, "map update pinned %s key 2 0 0 0 value 3 0 0 0" },
		{ 6, "map update pinned %s key 2 0 0 0 value pinned %s" },
		{ 6, "map delete pinned %s key 2 0 0 0" },
		{ 0, "map create %s_new type hash key 4 value 4 entries 2 name tsec_new" },
		{ 0, "map create %s_hom2 type hash_of_maps key 4 value 4 entries 2 name tsec_hom2 "
		     "inner_map pinned %s" },
		{ 0, "-f map show" },
		{ 0, "-j map dump name tsec_b0" },
		{ 9, "map dump pinned %s" },
		{ 8, "map event_pipe pinned %s cpu 0 index 0" },
	};
	struct bystanders b;
	__u32 k = 1, v = 1;
	__u64 v8 = 1;
	int inner, i;
	size_t c;

	bystander(&b, 0, td_map(BPF_MAP_TYPE_HASH, 4, 4, 8, "tsec_b0", 0, 0), BPF_MAP_TYPE_HASH,
		  "tsec_b0");
	bystander(&b, 1, td_map(BPF_MAP_TYPE_HASH, 4, 4, 8, "tsec_b1", 0, 0), BPF_MAP_TYPE_HASH,
		  "tsec_b1");
	bystander(&b, 2, td_map(BPF_MAP_TYPE_ARRAY, 4, 8, 2, "tsec_b2", 0, 0), BPF_MAP_TYPE_ARRAY,
		  "tsec_b2");
	bystander(&b, 3, td_map(BPF_MAP_TYPE_STACK, 0, 4, 4, "tsec_b3", 0, 0), BPF_MAP_TYPE_STACK,
		  "tsec_b3");
	bystander(&b, 4, td_map(BPF_MAP_TYPE_QUEUE, 0, 4, 4, "tsec_b4", 0, 0), BPF_MAP_TYPE_QUEUE,
		  "tsec_b4");
	bystander(&b, 5, td_map(BPF_MAP_TYPE_PERCPU_HASH, 4, 4, 4, "tsec_b5", 0, 0),
		  BPF_MAP_TYPE_PERCPU_HASH, "tsec_b5");
	inner = td_map(BPF_MAP_TYPE_ARRAY, 4, 4, 1, "tsec_b7", 0, 0);
	bystander(&b, 6, td_map(BPF_MAP_TYPE_HASH_OF_MAPS, 4, 4, 4, "tsec_b6", 0, inner),
		  BPF_MAP_TYPE_HASH_OF_MAPS, "tsec_b6");
	bystander(&b, 7, inner, BPF_MAP_TYPE_ARRAY, "tsec_b7");
	{
		struct map_create_opts o = { .map_type = BPF_MAP_TYPE_PERF_EVENT_ARRAY,
					     .key_size = 4, .value_size = 4, .max_entries = 1,
					     .map_flags = BPF_F_PRESERVE_ELEMS,
					     .name = "tsec_b8" };
		int fd = bpf_map_create(&o);

		cr_assert_geq(fd, 0);
		bystander(&b, 8, fd, BPF_MAP_TYPE_PERF_EVENT_ARRAY, "tsec_b8");
	}
	bystander(&b, 9, td_map(BPF_MAP_TYPE_LPM_TRIE, 8, 4, 4, "tsec_b9", BPF_F_NO_PREALLOC, 0),
		  BPF_MAP_TYPE_LPM_TRIE, "tsec_b9");
	/* contents everywhere */
	for (i = 0; i < 2; i++)
		td_update(b.fd[i], &k, &v);
	td_update(b.fd[2], &k, &v8);
	td_update(b.fd[3], NULL, &v);
	td_update(b.fd[4], NULL, &v);
	{
		__u8 *pv = calloc((size_t)td_ncpus(), 8);

		td_update(b.fd[5], &k, pv);
		free(pv);
	}
	cr_assert_eq(bpf_map_update_elem(b.fd[6], &k, &inner, 0), 0);
	td_update(b.fd[7], &(__u32){ 0 }, &v);
	{
		__u8 key[8] = { 16, 0, 0, 0, 10, 1 };

		td_update(b.fd[9], key, &v);
	}
	for (c = 0; c < ARRAY_SIZE(cmds); c++) {
		int t = cmds[c].target;
		char *before = others(&b, t), *after;
		const char *second = strstr(cmds[c].fmt, "inner_map") ||
				     strstr(cmds[c].fmt, "value pinned") ? b.pin[7] : b.pin[t];

		if (!strncmp(cmds[c].fmt, "map event_pipe", 14)) {
			const char *argv[] = { "map", "event_pipe", "pinned", b.pin[t], "cpu", "0",
					       "index", "0", NULL };
			struct t_child ch;
			struct run r;

			t_child_start(&ch, argv);
			cr_assert(t_child_wait_watching(&ch, 1, 5000), "event_pipe did not start");
			r = t_child_finish(&ch, SIGINT);
			cr_expect_eq(r.status, 0, "%s", r.err);
			t_run_free(&r);
		} else {
			struct run r = t_run(cmds[c].fmt, b.pin[t], second);

			cr_expect_eq(r.status, 0, "'%s': status %d: %s", cmds[c].fmt, r.status,
				     r.err);
			t_run_free(&r);
		}
		after = others(&b, t);
		cr_expect_str_eq(after, before, "'%s' changed another map or pin", cmds[c].fmt);
		free(after);
		free(before);
	}
	for (i = 0; i < NM; i++)
		free(b.pin[i]);
}
