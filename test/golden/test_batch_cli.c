// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* `bpftool batch file`: argument errors, summary line, stop at failure, JSON wrapping. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sys_bpf.h"
#include "tlib.h"

static char path[64];

static const char *batch_file(const char *text)
{
	FILE *f;

	snprintf(path, sizeof(path), "/tmp/bpftool-batch-%d", (int)getpid());
	f = fopen(path, "w");
	cr_assert(f);
	fputs(text, f);
	fclose(f);
	return path;
}

static void fini(void)
{
	if (path[0])
		unlink(path);
	t_dir_cleanup();
}

Test(batch_cli, argument_errors)
{
	struct run r = t_run("batch");

	cr_expect_eq(r.status, 255);
	cr_expect_str_eq(r.err, "Error: too few parameters for batch\n");
	t_run_free(&r);
	r = t_run("batch file a b");
	cr_expect_str_eq(r.err, "Error: too many parameters for batch\n");
	t_run_free(&r);
	r = t_run("batch fil3 x");
	cr_expect_str_eq(r.err, "Error: expected 'file', got: fil3\n");
	t_run_free(&r);
	r = t_run("-j batch f /no/such/file");
	cr_expect_eq(r.status, 255);
	cr_expect_str_eq(r.out, "{\"error\":\"Can't open file (/no/such/file): No such file or "
				"directory\"}\n");
	t_run_free(&r);
}

Test(batch_cli, runs_lines_and_counts, .fini = fini)
{
	const char *f = batch_file("# setup\nversion # v\n\n  \nmap \\\nhelp\n'version'\n");
	struct run r = t_run("batch file %s", f);

	cr_expect_eq(r.status, 0, "%s", r.err);
	cr_expect(strstr(r.out, "processed 3 commands\n"), "%s", r.out);
	cr_expect(!strncmp(r.err, "Usage: bpftool map", 18), "%s", r.err);
	t_run_free(&r);
}

Test(batch_cli, json_wraps_each_command, .fini = fini)
{
	const char *f = batch_file("map help\nmap frob\nversion\n");
	struct run r = t_run("-j batch file %s", f);

	cr_expect_eq(r.status, 255);
	cr_expect(t_json_valid(r.out, r.out_len, NULL), "%s", r.out);
	cr_expect_str_eq(r.out, "[{\"command\":[\"map\",\"help\"],\"output\":null},"
				"{\"command\":[\"map\",\"frob\"],\"output\":{\"error\":\"unknown map "
				"command 'frob'\"}}]\n");
	cr_expect_str_eq(r.err, "");
	t_run_free(&r);
}

Test(batch_cli, stops_at_first_failure, .fini = fini)
{
	const char *f = batch_file("version\n\nmap frob\nversion\n");
	struct run r = t_run("batch file %s", f);

	cr_expect_eq(r.status, 255);
	cr_expect(!strstr(r.out, "processed"), "%s", r.out);
	/* one version ran, the second did not */
	cr_expect(strstr(r.out, "bpftool v") && !strstr(strstr(r.out, "bpftool v") + 1, "bpftool v"));
	cr_expect(strstr(r.err, "Error: batch stopped at command 1 (line 3), which failed\n"),
		  "%s", r.err);
	t_run_free(&r);
}

Test(batch_cli, line_errors, .fini = fini)
{
	struct run r = t_run("batch file %s", batch_file("version\nmap 'x\n"));

	cr_expect_eq(r.status, 255);
	cr_expect_str_eq(r.err, "Error: unterminated quoted string in command 1\n");
	t_run_free(&r);
	r = t_run("batch file %s", batch_file("version \\\n"));
	cr_expect_str_eq(r.err, "Error: missing continuation line on command 0\n");
	t_run_free(&r);
	r = t_run("-p batch file %s", batch_file("version\nmap 'x\n"));
	cr_expect(t_json_valid(r.out, r.out_len, NULL), "%s", r.out);
	t_run_free(&r);
}

/* upstream's limits: 65,536 bytes per line, 4,096 words per command (its messages) */
Test(batch_cli, line_limits, .fini = fini)
{
	size_t n = 70000, i;
	char *text = malloc(n + 32);
	struct run r;

	cr_assert(text);
	strcpy(text, "version\nmap show ");
	for (i = strlen(text); i < n; i++)
		text[i] = 'x';
	strcpy(text + n, "\n");
	r = t_run("batch file %s", batch_file(text));
	cr_expect_eq(r.status, 255);
	cr_expect(!strncmp(r.out, "bpftool v", 9), "%s", r.out);
	cr_expect_str_eq(r.err, "Error: reading batch file failed: Argument list too long\n");
	t_run_free(&r);
	r = t_run("-j batch file %s", batch_file(text));
	cr_expect(strstr(r.out, "},{\"error\":\"reading batch file failed: Argument list too "
			   "long\"}]"), "%s", r.out);
	t_expect_json(r, 255, NULL);
	strcpy(text, "version\nmap show");
	for (i = strlen(text); i < 5000 * 2; i += 2)
		memcpy(text + i, " x", 2);
	strcpy(text + i, "\n");
	t_expect(t_run("batch file %s", batch_file(text)), 255, NULL,
		 "Error: too many arguments to command 1\n");
	free(text);
}

Test(batch_cli, options_inside_a_line_are_words, .fini = fini)
{
	struct run r = t_run("-j batch file %s", batch_file("-j version\n"));

	cr_expect_eq(r.status, 255);
	cr_expect_str_eq(r.out, "[{\"command\":[\"-j\",\"version\"],\"output\":{\"error\":"
				"\"unknown object '-j'\"}}]\n");
	t_run_free(&r);
}

/*
 * Lines from stdin run as they arrive, and a second reference to the same pinned map reuses
 * the fd the first one opened: the update still lands after the pin is gone.
 */
Test(batch_cli, stdin_streams_and_fds_are_reused, .fini = fini)
{
	const char *dir = t_dir("batchfd");
	struct map_create_opts o = { .map_type = BPF_MAP_TYPE_HASH, .key_size = 4,
				     .value_size = 4, .max_entries = 4, .name = "tb_reuse" };
	char pin[256], line[512], out[4096];
	int fd = bpf_map_create(&o), in[2], outp[2], st, i;
	__u32 k = 1, v = 0;
	ssize_t n, got = 0;
	pid_t pid;

	cr_assert_geq(fd, 0);
	snprintf(pin, sizeof(pin), "%s/m", dir);
	cr_assert_eq(bpf_obj_pin(fd, pin), 0);
	cr_assert(!pipe(in) && !pipe(outp));
	pid = fork();
	cr_assert_geq(pid, 0);
	if (!pid) {
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		dup2(in[0], 0);
		dup2(outp[1], 1);
		close(in[1]);
		close(outp[0]);
		execl(t_bpftool(), t_bpftool(), "batch", "file", "-", (char *)NULL);
		_exit(127);
	}
	close(in[0]);
	close(outp[1]);
	snprintf(line, sizeof(line), "map update pinned %s key 1 0 0 0 value 7 0 0 0\n", pin);
	cr_assert_eq(write(in[1], line, strlen(line)), (ssize_t)strlen(line));
	for (i = 0; i < 500 && bpf_map_lookup_elem(fd, &k, &v, 0); i++)
		usleep(10000);
	cr_assert_eq(v, 7, "the first line did not run before the input ended");
	cr_assert(!unlink(pin));
	snprintf(line, sizeof(line), "map update pinned %s key 2 0 0 0 value 8 0 0 0\n", pin);
	cr_assert_eq(write(in[1], line, strlen(line)), (ssize_t)strlen(line));
	close(in[1]);
	while ((n = read(outp[0], out + got, sizeof(out) - 1 - (size_t)got)) > 0)
		got += n;
	out[got] = 0;
	close(outp[0]);
	cr_assert_eq(waitpid(pid, &st, 0), pid);
	cr_expect(WIFEXITED(st) && WEXITSTATUS(st) == 0, "status %d, out %s", st, out);
	cr_expect_str_eq(out, "processed 2 commands\n");
	k = 2;
	cr_expect_eq(bpf_map_lookup_elem(fd, &k, &v, 0), 0);
	cr_expect_eq(v, 8);
	close(fd);
}

/* A read error names the read's errno (it said "Input/output error" for every one). */
Test(batch_cli, read_error_names_its_errno)
{
	struct run r = t_run("batch file /tmp");

	cr_expect_eq(r.status, 255);
	cr_expect_str_eq(r.out, "");
	cr_expect_str_eq(r.err, "Error: reading batch file failed: Is a directory\n");
	t_run_free(&r);
	r = t_run("-j batch file /tmp");
	cr_expect_eq(r.status, 255);
	cr_expect_str_eq(r.out, "[{\"error\":\"reading batch file failed: Is a directory\"}]\n");
	t_run_free(&r);
}
