// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* The binary where bpf(2) returns ENOSYS: kernel-free commands work, others explain it. */
#include <string.h>

#include "nobpf.h"
#include "tlib.h"

static const char note[] =
	"Note: this kernel has no bpf(2) system call (built without CONFIG_BPF_SYSCALL),\n"
	"      or it is blocked (a seccomp filter, a container runtime, or an emulator\n"
	"      such as qemu-user, which implements neither bpf(2) nor perf_event_open(2))\n";

Test(enosys_cli, version_and_help_need_no_kernel)
{
	struct run want = t_run("version"), r;

	t_block_bpf();
	r = t_run("version");
	cr_expect_eq(r.status, 0);
	cr_expect_str_eq(r.out, want.out);
	cr_expect_str_eq(r.err, "");
	t_run_free(&r);
	t_run_free(&want);
	r = t_run("map help");
	cr_expect_eq(r.status, 0);
	cr_expect(!strncmp(r.err, "Usage: bpftool map ", 19), "%s", r.err);
	cr_expect(!strstr(r.err, "Note:"), "%s", r.err);
	t_run_free(&r);
	r = t_run("map frobnicate");	/* a usage error is not explained as ENOSYS */
	cr_expect_eq(r.status, 255);
	cr_expect(!strstr(r.err, "Note:"), "%s", r.err);
	t_run_free(&r);
}

/*
 * `map show` is the first command to reach bpf(2). Until it is in the build it fails with
 * "not supported"; from then on this asserts the ENOSYS error and the note.
 */
Test(enosys_cli, show_explains_enosys)
{
	static const char unsupported[] = "Error: 'map show' is not supported by this build\n";
	struct run r;
	const char *nl;

	t_block_bpf();
	r = t_run("map show");
	cr_expect_neq(r.status, 0);
	if (strcmp(r.err, unsupported)) {
		nl = strchr(r.err, '\n');
		cr_assert(nl, "%s", r.err);
		cr_expect(!strncmp(r.err, "Error: ", 7), "%s", r.err);
		cr_expect(!strncmp(nl - 24, "Function not implemented", 24), "%s", r.err);
		cr_expect_str_eq(nl + 1, note);
	}
	t_run_free(&r);
	r = t_run("-j map show");
	cr_expect_neq(r.status, 0);
	cr_expect(t_json_valid(r.out, r.out_len, NULL), "%s", r.out);
	cr_expect(!strncmp(r.out, "{\"error\":\"", 10) || !strncmp(r.out, "[{\"error\":\"", 11),
		  "%s", r.out);
	cr_expect_str_eq(r.err, "");
	t_run_free(&r);
}
