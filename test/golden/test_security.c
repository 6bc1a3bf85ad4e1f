// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Security properties of the binary: paths are never cut short (a too-long one is an error
 * naming all of it), read-only commands open maps read-only, no fd leaks into a child, and
 * a command touches no map but the one it was given.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <linux/capability.h>

#include "objects.h"
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
		line = td_fmt("map create %s type hash key 4 value 4 entries 4 name tsec_lpc", path);
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
		const char *argc[] = { "map", "create", "", "type", "hash", "key", "4", "value", "4",
				       "entries", "4", "name", "tsec_ep2", NULL };

		td_expect(t_runv_in(argv, setup_chdir, (void *)tmp), 254, "",
			  "Error: can't pin the object (): No such file or directory\n");
		td_expect_json(t_runv_in(argj, setup_chdir, (void *)tmp), 254,
			       "{\"error\":\"can't pin the object (): No such file or directory\"}\n");
		td_expect(t_runv_in(argc, setup_chdir, (void *)tmp), 254, "",
			  "Error: can't pin the object (): No such file or directory\n");
	}
	cr_expect(!o_is_mount_point(tmp), "something was mounted on the current directory");
	cr_expect(o_map_name_gone("tsec_ep2"));
	o_tmp_cleanup();
	free(p);
}
