// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* errstr_hint() and out_hint(): the note that explains ENOSYS from bpf(2), plain mode only. */
#include <errno.h>
#include <string.h>

#include "errstr.h"
#include "out.h"
#include "tlib.h"

#include <criterion/redirect.h>

static const char note[] =
	"Note: this kernel has no bpf(2) system call (built without CONFIG_BPF_SYSCALL),\n"
	"      or it is blocked (a seccomp filter, a container runtime, or an emulator\n"
	"      such as qemu-user, which implements neither bpf(2) nor perf_event_open(2))\n";

static bool yes(void)
{
	return true;
}

static bool no(void)
{
	return false;
}

static void setup(void)
{
	cr_redirect_stdout();
	cr_redirect_stderr();
}

Test(hint, only_enosys_has_one)
{
	cr_expect_str_eq(errstr(ENOSYS).s, "Function not implemented");
	cr_expect(errstr_hint(ENOSYS));
	cr_expect_eq(errstr_hint(-ENOSYS), errstr_hint(ENOSYS));
	cr_expect(!errstr_hint(0));
	cr_expect(!errstr_hint(-EPERM));
	cr_expect(!errstr_hint(-ENOENT));
	cr_expect(!errstr_hint(-EINVAL));
}

Test(hint, after_an_enosys_error_message, .init = setup)
{
	out_init(false, false);
	p_err("can't get next map: %s", errstr(-ENOSYS).s);
	out_hint(-1, yes);	/* upstream's commands return -1 after such a message */
	out_finish();
	fflush(stderr);
	cr_assert_stderr_eq_str("Error: can't get next map: Function not implemented\n"
				"Note: this kernel has no bpf(2) system call (built without "
				"CONFIG_BPF_SYSCALL),\n"
				"      or it is blocked (a seccomp filter, a container runtime, or an "
				"emulator\n"
				"      such as qemu-user, which implements neither bpf(2) nor "
				"perf_event_open(2))\n");
}

Test(hint, after_an_enosys_result, .init = setup)
{
	out_init(false, false);
	out_hint(-ENOSYS, yes);
	out_finish();
	fflush(stderr);
	cr_assert_stderr_eq_str(note);
}

Test(hint, not_for_other_errors_or_success, .init = setup)
{
	out_init(false, false);
	p_err("get map by id (7): %s", errstr(-ENOENT).s);
	out_hint(-1, yes);
	out_hint(-EPERM, yes);
	out_hint(0, yes);
	out_finish();
	fflush(stderr);
	cr_assert_stderr_eq_str("Error: get map by id (7): No such file or directory\n");
}

Test(hint, not_when_the_command_succeeded, .init = setup)
{
	out_init(false, false);
	p_info("Warning: %s", errstr(ENOSYS).s);	/* a warning is not an error */
	p_err("%s", errstr(ENOSYS).s);
	out_hint(0, yes);
	out_finish();
	fflush(stderr);
	cr_assert_stderr_eq_str("Warning: Function not implemented\n"
				"Error: Function not implemented\n");
}

Test(hint, json_mode_prints_only_the_error_object, .init = setup)
{
	out_init(true, false);
	p_err("can't get next map: %s", errstr(-ENOSYS).s);
	out_hint(-1, yes);
	out_finish();
	fflush(stderr);
	cr_assert_stderr_eq_str("");
}

/* ENOSYS from another system call (perf_event_open) on a kernel that has bpf(2): no note. */
Test(hint, not_when_bpf_is_there, .init = setup)
{
	out_init(false, false);
	p_err("can't open a perf event: %s", errstr(-ENOSYS).s);
	out_hint(-1, no);
	out_hint(-ENOSYS, no);
	out_finish();
	fflush(stderr);
	cr_assert_stderr_eq_str("Error: can't open a perf event: Function not implemented\n");
}
