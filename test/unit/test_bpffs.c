// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* bpffs pure helpers: /proc/self/mounts lines and POSIX dirname. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "bpffs.h"
#include "tlib.h"

static void line(const char *text, int want, const char *dir, const char *type)
{
	char buf[512], *d = NULL, *t = NULL;

	snprintf(buf, sizeof(buf), "%s", text);
	cr_assert_eq(bpffs_mount_line(buf, &d, &t), want, "%s", text);
	if (want)
		return;
	cr_assert_str_eq(d, dir);
	cr_assert_str_eq(t, type);
}

Test(bpffs, mount_lines)
{
	line("bpf /sys/fs/bpf bpf rw,nosuid,nodev,noexec,relatime,mode=700 0 0\n", 0,
	     "/sys/fs/bpf", "bpf");
	line("proc /proc proc rw 0 0", 0, "/proc", "proc");
	/* the kernel escapes space, tab, newline and backslash in paths as octal */
	line("bpf /tmp/with\\040space\\011tab\\134back bpf rw 0 0\n", 0,
	     "/tmp/with space\ttab\\back", "bpf");
	/* a backslash not followed by three octal digits stays */
	line("none /a\\b\\9 tmpfs rw 0 0", 0, "/a\\b\\9", "tmpfs");
	line("  bpf\t/x\tbpf\n", 0, "/x", "bpf");
	line("", -EINVAL, NULL, NULL);
	line("\n", -EINVAL, NULL, NULL);
	line("bpf /only-two\n", -EINVAL, NULL, NULL);
}

static void dn(const char *path, const char *want)
{
	char out[64];

	bpffs_dirname(path, out, sizeof(out));
	cr_assert_str_eq(out, want, "dirname(%s)", path);
}

Test(bpffs, dirname)
{
	dn("/sys/fs/bpf/x", "/sys/fs/bpf");
	dn("/sys/fs/bpf/dir/", "/sys/fs/bpf");
	dn("/sys//fs//x", "/sys//fs");
	dn("a/b", "a");
	dn("a//b//", "a");
	dn("file", ".");
	dn("", ".");
	dn("/x", "/");
	dn("/", "/");
	dn("///", "/");
	dn("./x", ".");
}
