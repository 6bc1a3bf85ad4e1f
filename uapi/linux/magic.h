/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* statfs(2) f_type values of the pseudo file systems the tool looks at. */
#ifndef BPFMAP_UAPI_LINUX_MAGIC_H
#define BPFMAP_UAPI_LINUX_MAGIC_H

#define BPF_FS_MAGIC		0xcafe4a11	/* bpffs, /sys/fs/bpf */
#define TRACEFS_MAGIC		0x74726163	/* /sys/kernel/tracing */
#define DEBUGFS_MAGIC		0x64626720	/* /sys/kernel/debug */
#define SYSFS_MAGIC		0x62656572
#define PROC_SUPER_MAGIC	0x9fa0
#define TMPFS_MAGIC		0x01021994
#define RAMFS_MAGIC		0x858458f6
#define CGROUP_SUPER_MAGIC	0x27e0eb	/* cgroup v1 */
#define CGROUP2_SUPER_MAGIC	0x63677270	/* cgroup v2 */

#endif /* BPFMAP_UAPI_LINUX_MAGIC_H */
