/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* mount(2) and umount(2), one small function per operation bpffs auto-mounting needs. */
#ifndef SYS_FS_H
#define SYS_FS_H

/* Each returns 0 or -errno and prints nothing. */

/* mount --make-rprivate DIR: -EINVAL when DIR is not a mount point */
int sys_mount_make_private(const char *dir);
/* mount --bind DIR DIR: makes DIR a mount point */
int sys_mount_bind_self(const char *dir);
/* mount -t bpf bpf DIR -o mode=0700 */
int sys_mount_bpffs(const char *dir);
/* umount DIR: the topmost mount there */
int sys_umount(const char *dir);

#endif
