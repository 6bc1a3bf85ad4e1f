// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The bash completion (tools/bash-completion/bpftool), sourced in a plain bash and called
 * with COMP_WORDS/COMP_CWORD as bash would; COMPREPLY is compared sorted. Live map ids and
 * names come from a stand-in bpftool that prints a canned `-j map show`, and from the real
 * binary on the real kernel.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sys_bpf.h"
#include "tlib.h"

#define SCRIPT "tools/bash-completion/bpftool"

static const char harness[] =
	"exec 2>&1\n"
	"source " SCRIPT " || exit 1\n"
	"COMP_WORDS=(\"$@\"); COMP_CWORD=$(($# - 1))\n"
	"COMP_LINE=\"$*\"; COMP_POINT=${#COMP_LINE}\n"
	"_bpftool bpftool \"${COMP_WORDS[COMP_CWORD]}\" \"${COMP_WORDS[COMP_CWORD - 1]}\"\n"
	"((${#COMPREPLY[@]})) || exit 0\n"
	"printf '%s\\n' \"${COMPREPLY[@]}\" | LC_ALL=C sort | tr '\\n' ' ' | sed 's/ $//'\n";

/*
 * Completes `line` with `bin` as the program word: words split on spaces, a trailing space
 * makes an empty word to complete. Returns the sorted candidates, space-separated.
 */
static char *complete_with(const char *bin, const char *line)
{
	char *copy = strdup(line), *save = NULL, *w, *out = NULL;
	const char *argv[64] = { "bash", "--norc", "--noprofile", "-c", harness, "bash", bin };
	size_t n = 7, len = 0, cap = 0;
	int p[2], st;
	pid_t pid;

	/* the line's first word, "bpftool", is replaced by bin */
	w = strtok_r(copy, " ", &save);
	for (w = strtok_r(NULL, " ", &save); w && n < 62; w = strtok_r(NULL, " ", &save))
		argv[n++] = w;
	if (!*line || line[strlen(line) - 1] == ' ')
		argv[n++] = "";
	argv[n] = NULL;
	cr_assert(!pipe(p));
	pid = fork();
	cr_assert(pid >= 0);
	if (!pid) {
		dup2(p[1], 1);
		close(p[0]);
		execv("/bin/bash", (char *const *)argv);
		_exit(127);
	}
	close(p[1]);
	for (;;) {
		ssize_t r;

		if (len + 4096 + 1 > cap) {
			cap = (len + 4096 + 1) * 2;
			out = realloc(out, cap);
			cr_assert(out);
		}
		r = read(p[0], out + len, 4096);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		len += (size_t)r;
	}
	out[len] = 0;
	close(p[0]);
	waitpid(pid, &st, 0);
	cr_assert(WIFEXITED(st) && !WEXITSTATUS(st), "bash failed on '%s': %s", line, out);
	free(copy);
	return out;
}

static char stub[256];

/*
 * A stand-in bpftool whose `-j map show` lists a hash map 7 "flows" and a prog_array 12, and
 * whose `-j prog show` lists programs 21 "xdp_pass" and 3 "sock_f" (map_ids and btf_id must
 * not be taken for ids).
 */
static void make_stub(void)
{
	static const char body[] =
		"#!/bin/sh\n"
		"h='{\"id\":7,\"type\":\"hash\",\"name\":\"flows\",\"flags\":0,\"bytes_key\":4,"
		"\"bytes_value\":8,\"max_entries\":16,\"bytes_memlock\":2320,\"frozen\":0,"
		"\"pids\":[{\"pid\":1,\"comm\":\"init\"}]}'\n"
		"p='{\"id\":12,\"type\":\"prog_array\",\"name\":\"jmp_table\",\"flags\":0,"
		"\"bytes_key\":4,\"bytes_value\":4,\"max_entries\":4,\"owner_prog_type\":\"xdp\","
		"\"owner_jited\":true,\"frozen\":0}'\n"
		"g='[{\"id\":21,\"type\":\"xdp\",\"name\":\"xdp_pass\",\"tag\":\"0011223344556677\","
		"\"gpl_compatible\":true,\"map_ids\":[7],\"btf_id\":99},{\"id\":3,\"type\":"
		"\"socket_filter\",\"name\":\"sock_f\",\"tag\":\"a1b2c3d4e5f60718\","
		"\"gpl_compatible\":true}]'\n"
		"case \"$*\" in\n"
		"'-j map show') echo \"[$h,$p]\" ;;\n"
		"'-j prog show') echo \"$g\" ;;\n"
		"'-j map show id 7'|'-j map show name flows') echo \"$h\" ;;\n"
		"'-j map show id 12'|'-j map show i 12') echo \"$p\" ;;\n"
		"*) echo '{\"error\":\"stub\"}'; exit 255 ;;\n"
		"esac\n";
	int fd;

	snprintf(stub, sizeof(stub), "/tmp/bpftool-comp-%d", (int)getpid());
	fd = open(stub, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0755);
	cr_assert(fd >= 0);
	cr_assert(write(fd, body, sizeof(body) - 1) == (ssize_t)sizeof(body) - 1);
	close(fd);
}

static void drop_stub(void)
{
	if (stub[0])
		unlink(stub);
}

static void expect(const char *line, const char *want)
{
	char *got = complete_with(t_bpftool(), line);

	cr_expect_str_eq(got, want, "completing '%s': got '%s', want '%s'", line, got, want);
	free(got);
}

static void expect_stub(const char *line, const char *want)
{
	char *got = complete_with(stub, line);

	cr_expect_str_eq(got, want, "completing '%s' (stub): got '%s', want '%s'", line, got,
			 want);
	free(got);
}

static const char map_cmds[] =
	"create delete dequeue dump enqueue event_pipe freeze getnext help list lookup peek pin "
	"pop push show update";

Test(completion, objects_and_commands)
{
	expect("bpftool ", "batch help map prog version");
	expect("bpftool p", "prog");
	expect("bpftool prog ", "help list show");
	expect("bpftool prog s ", "id name pinned tag");
	expect("bpftool prog list ", "id name pinned tag");
	expect("bpftool prog help ", "");
	expect("bpftool b", "batch");
	expect("bpftool batch ", "file");
	expect("bpftool b f /dev/nul", "/dev/null");
	expect("bpftool batch file x ", "");
	expect("bpftool m", "map");
	expect("bpftool v", "version");
	expect("bpftool map ", map_cmds);
	expect("bpftool map d", "delete dequeue dump");
	expect("bpftool map e", "enqueue event_pipe");
	expect("bpftool -j map l", "list lookup");
	expect("bpftool m -p ", map_cmds);
	expect("bpftool version ", "");
	expect("bpftool map help ", "");
}

Test(completion, global_options)
{
	expect("bpftool -",
	       "-- --base-btf --bpffs --debug --help --json --mapcompat --nomount --pretty "
	       "--use-loader --version -B -L -V -d -f -h -j -m -n -p");
	expect("bpftool --p", "--pretty");
	expect("bpftool map show --", "-- --base-btf --bpffs --debug --help --json --mapcompat "
	       "--nomount --pretty --use-loader --version");
	expect("bpftool -j -- map ", map_cmds);
	expect("bpftool -B /dev/nul", "/dev/null");
}

Test(completion, selectors_and_keywords)
{
	expect("bpftool map show ", "id name pinned");
	expect("bpftool map s ", "id name pinned");	/* prefixes as upstream: s is show */
	expect("bpftool map dump ", "id name pinned");
	expect("bpftool map show id 5 ", "");
	expect("bpftool map lookup id 5 ", "key");
	expect("bpftool map lookup id 5 key ", "hex");
	expect("bpftool map delete pinned /sys/fs/bpf/x ", "key");
	expect("bpftool map push id 5 ", "value");
	expect("bpftool map enqueue id 5 value ", "hex");
	expect("bpftool map freeze id 5 ", "");
	expect("bpftool map event_pipe id 3 ", "cpu index");
	expect("bpftool map event_pipe id 3 cpu 0 ", "index");
	expect("bpftool map event_pipe id 3 index 0 ", "cpu");
	expect("bpftool map event_pipe id 3 cpu 0 index 0 ", "");
}

Test(completion, update_keywords_once, .init = make_stub, .fini = drop_stub)
{
	expect_stub("bpftool map update id 7 ", "any exist key noexist value");
	expect_stub("bpftool map update id 7 key ", "hex");
	expect_stub("bpftool map update id 7 key 1 2 3 4 ", "any exist noexist value");
	expect_stub("bpftool map update id 7 key 1 2 3 4 value ", "hex");
	expect_stub("bpftool map update id 7 key 1 2 3 4 value 0 0 0 0 0 0 0 0 ",
		    "any exist noexist");
	expect_stub("bpftool map update id 7 key 1 2 3 4 value 0 0 0 0 0 0 0 0 noexist ", "");
	/* a prog_array's value is a PROG selector */
	expect_stub("bpftool map update id 12 key 0 0 0 0 value ", "id name pinned tag");
	expect_stub("bpftool map update i 12 value id ", "21 3");	/* the live programs */
	expect_stub("bpftool map update i 12 value name x", "xdp_pass");
	expect_stub("bpftool map update i 12 value tag ", "0011223344556677 a1b2c3d4e5f60718");
	expect_stub("bpftool map update i 12 value id 3 ", "any exist key noexist");
	expect_stub("bpftool map update id 7 value 0 ", "any exist key noexist");
}

Test(completion, create, .init = make_stub, .fini = drop_stub)
{
	expect("bpftool map create /sys/fs/bpf/x ",
	       "entries flags inner_map key map_extra name offload_dev type value");
	expect("bpftool map create /sys/fs/bpf/x type ha", "hash hash_of_maps");
	expect("bpftool map create /sys/fs/bpf/x type hash key 4 value 8 ",
	       "entries flags inner_map map_extra name offload_dev");
	expect("bpftool map create /sys/fs/bpf/x type hash key 4 value 8 name ", "");
	expect("bpftool map create /sys/fs/bpf/x o", "offload_dev");
	expect("bpftool map create /sys/fs/bpf/x offload_dev l", "lo");
	expect("bpftool map create /sys/fs/bpf/x type hash inner_map ", "id name pinned");
	expect_stub("bpftool map create /sys/fs/bpf/x type hash inner_map id ", "12 7");
	expect("bpftool map create /sys/fs/bpf/x inner_map id 3 ",
	       "entries flags key map_extra name offload_dev type value");
}

Test(completion, live_ids_and_names, .init = make_stub, .fini = drop_stub)
{
	expect_stub("bpftool map show id ", "12 7");
	expect_stub("bpftool map show id 1", "12");
	expect_stub("bpftool map dump name ", "flows jmp_table");
	expect_stub("bpftool -j map lookup n f", "flows");
	expect_stub("bpftool map update name ", "flows jmp_table");
	expect_stub("bpftool prog show id ", "21 3");
	expect_stub("bpftool prog show name ", "sock_f xdp_pass");
	expect_stub("bpftool -j prog list tag a", "a1b2c3d4e5f60718");
	expect_stub("bpftool prog show id 3 ", "");
}

Test(completion, pinned_paths)
{
	char dir[] = "/tmp/bpftool-comp-XXXXXX", path[64], line[128], want[256];
	int fd;

	cr_assert(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/m1", dir);
	fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
	cr_assert(fd >= 0);
	close(fd);
	snprintf(path, sizeof(path), "%s/sub", dir);
	cr_assert(!mkdir(path, 0700));
	snprintf(line, sizeof(line), "bpftool map show pinned %s/", dir);
	snprintf(want, sizeof(want), "%s/m1 %s/sub/", dir, dir);
	expect(line, want);
	snprintf(line, sizeof(line), "bpftool map pin id 3 %s/s", dir);
	snprintf(want, sizeof(want), "%s/sub/", dir);
	expect(line, want);
	snprintf(line, sizeof(line), "bpftool map create %s/m", dir);
	snprintf(want, sizeof(want), "%s/m1", dir);
	expect(line, want);
	snprintf(path, sizeof(path), "%s/m1", dir);
	unlink(path);
	snprintf(path, sizeof(path), "%s/sub", dir);
	rmdir(path);
	rmdir(dir);
	/* nothing typed yet: the bpffs mount points */
	{
		char *got = complete_with(t_bpftool(), "bpftool map show pinned ");

		cr_expect(strstr(got, "/sys/fs/bpf/"), "%s", got);
		free(got);
	}
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* the words between "TYPE := {" and "}" of `map help`, sorted */
static char *help_types(const char *help)
{
	const char *p = strstr(help, "TYPE := {"), *e;
	char *words, *save = NULL, *w, *list[128], *out;
	size_t n = 0, i, len = 0;

	cr_assert(p, "%s", help);
	p += strlen("TYPE := {");
	e = strchr(p, '}');
	cr_assert(e);
	words = strndup(p, (size_t)(e - p));
	for (w = strtok_r(words, " |\n", &save); w && n < 128; w = strtok_r(NULL, " |\n", &save))
		list[n++] = w;
	qsort(list, n, sizeof(list[0]), cmp_str);
	out = calloc(1, strlen(help) + 1);
	for (i = 0; i < n; i++)
		len += (size_t)sprintf(out + len, "%s%s", i ? " " : "", list[i]);
	free(words);
	return out;
}

/* the command words of `map help`'s usage lines, sorted ("show | list" gives both) */
static char *help_commands(const char *help)
{
	char *copy = strdup(help), *line, *save = NULL, *list[64], *out;
	size_t n = 0, i, len = 0;

	for (line = strtok_r(copy, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char *p = strstr(line, "bpftool map ");

		if (!p || (strncmp(line, "Usage:", 6) && strncmp(line, "       bpftool", 14)))
			continue;
		p += strlen("bpftool map ");
		if (*p == '{') {
			char *a = p + 2, *b = strstr(a, " | "), *c;

			cr_assert(b);
			*b = 0;
			c = b + 3;
			*strchr(c, ' ') = 0;
			list[n++] = a;
			list[n++] = c;
		} else {
			char *sp = strchr(p, ' ');

			if (sp)
				*sp = 0;
			list[n++] = p;
		}
	}
	qsort(list, n, sizeof(list[0]), cmp_str);
	out = calloc(1, 1024);
	for (i = 0; i < n; i++)
		len += (size_t)sprintf(out + len, "%s%s", i ? " " : "", list[i]);
	free(copy);
	return out;
}

/* The completion's lists are the help's lists: a new command or type must reach both. */
Test(completion, same_lists_as_map_help)
{
	struct run r = t_run("map help");
	char *types = help_types(r.err), *cmds = help_commands(r.err);

	expect("bpftool map ", cmds);
	expect("bpftool map create /sys/fs/bpf/x type ", types);
	free(types);
	free(cmds);
	t_run_free(&r);
}

static void fini(void)
{
	t_dir_cleanup();
}

/*
 * The real binary on the real kernel: a pinned map's id, name and path are offered. Until
 * `map show` is in the build, its JSON error must simply offer nothing.
 */
Test(completion, live_maps_from_the_kernel, .fini = fini)
{
	struct map_create_opts o = {
		.map_type = BPF_MAP_TYPE_HASH, .key_size = 4, .value_size = 4, .max_entries = 1,
		.name = "t_complete",
	};
	struct bpf_map_info info;
	__u32 len = sizeof(info);
	const char *dir = t_dir("complete");
	char line[256], id[16], *got;
	struct run r;
	int fd;

	fd = bpf_map_create(&o);
	cr_assert_geq(fd, 0, "%s", strerror(-fd));
	memset(&info, 0, sizeof(info));
	cr_assert_eq(bpf_obj_get_info_by_fd(fd, &info, &len), 0);
	snprintf(line, sizeof(line), "%s/t_complete", dir);
	cr_assert_eq(bpf_obj_pin(fd, line), 0);
	snprintf(id, sizeof(id), "%u", info.id);

	snprintf(line, sizeof(line), "bpftool map show pinned %s/t_c", dir);
	got = complete_with(t_bpftool(), line);
	cr_expect(strstr(got, "/t_complete"), "%s", got);
	free(got);

	r = t_run("-j map show");
	snprintf(line, sizeof(line), "bpftool map show id %s", id);
	got = complete_with(t_bpftool(), line);
	if (r.status) {
		cr_expect_str_eq(got, "");	/* {"error":...}: nothing to offer */
	} else {
		cr_expect(!strcmp(got, id) || strstr(got, id), "id %s not offered: %s", id, got);
		free(got);
		got = complete_with(t_bpftool(), "bpftool map dump name t_compl");
		cr_expect_str_eq(got, "t_complete");
	}
	free(got);
	t_run_free(&r);
	close(fd);
}
