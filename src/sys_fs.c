// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * mount(2) and umount(2), one small function per operation bpffs auto-mounting needs. These go
 * through libc's wrappers rather than syscall(), but live in the sys layer all the same: they
 * change the system, print nothing and return -errno.
 */
#include <errno.h>
#include <stddef.h>
#include <sys/mount.h>

#include "sys_fs.h"

static int ret(int r)
{
	return r ? -errno : 0;
}

int sys_mount_make_private(const char *dir)
{
	return ret(mount("", dir, "none", MS_PRIVATE | MS_REC, NULL));
}

int sys_mount_bind_self(const char *dir)
{
	return ret(mount(dir, dir, "none", MS_BIND, NULL));
}

int sys_mount_bpffs(const char *dir)
{
	return ret(mount("bpf", dir, "bpf", 0, "mode=0700"));
}

int sys_umount(const char *dir)
{
	return ret(umount2(dir, 0));
}
