/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* bpffs: the pinned paths of every map (one walk of every bpffs mount), and auto-mounting. */
#ifndef BPFFS_H
#define BPFFS_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>

#include <linux/types.h>

#include "handle.h"

/* ---- pure helpers ------------------------------------------------------------------------ */

/*
 * One line of /proc/self/mounts, e.g. "bpf /sys/fs/bpf bpf rw,nosuid,relatime,mode=700 0 0".
 * Splits it in place and decodes the kernel's octal escapes (\040 for a space) in the
 * directory; *dir and *type point into line. Returns 0, or -EINVAL for a malformed line.
 */
int bpffs_mount_line(char *line, char **dir, char **type);

/* POSIX dirname() of path into out[n] ("a/b" -> "a", "b" -> ".", "/b" -> "/"); no libgen. */
void bpffs_dirname(const char *path, char *out, size_t n);

/* ---- pinned paths ------------------------------------------------------------------------ */

struct bpffs_pin {
	__u32 id;
	char *path;
};

/* Every pinned map, sorted by id, then path (upstream's order is hash order: unspecified). */
struct bpffs_pins {
	struct bpffs_pin *v;
	size_t n, cap;
};

/* Where bpffs is mounted by convention, the one place looked at without /proc. */
#define BPFFS_DEFAULT_DIR "/sys/fs/bpf"

/*
 * Walks every bpf mount listed in the mounts file (normally /proc/self/mounts) once: each
 * regular file is opened with BPF_OBJ_GET (maps read-only) and, if it is an object of the
 * kind, recorded under its id. Does not cross into other file systems; a bpffs mounted below
 * another is walked as its own mount. Without the mounts file the table stays empty and the
 * result is false. Never prints.
 */
bool bpffs_pins_build(struct bpffs_pins *t, const char *mounts, enum obj_kind kind);
/* The same for the one mount point dir (nothing when it is not a bpffs). */
void bpffs_pins_build_at(struct bpffs_pins *t, const char *dir, enum obj_kind kind);
/*
 * What -f shows: every mount of /proc/self/mounts, or without /proc (an initramfs) only
 * BPFFS_DEFAULT_DIR; false in that case, so that the caller can say so.
 */
bool bpffs_pins_collect(struct bpffs_pins *t, enum obj_kind kind);
/* The paths of one map: *n entries from the returned pointer (NULL when none). */
const struct bpffs_pin *bpffs_pins_find(const struct bpffs_pins *t, __u32 id, size_t *n);
void bpffs_pins_free(struct bpffs_pins *t);

/* ---- auto-mount for pinning -------------------------------------------------------------- */

/* What bpffs_prepare_pin() mounted, so that a failed pin can undo it. */
struct bpffs_mount {
	char dir[PATH_MAX];
	bool bound;	/* DIR was bind-mounted onto itself first */
	bool mounted;	/* a bpffs is mounted on DIR */
};

bool bpffs_is_bpffs(const char *dir);

/*
 * Newest upstream's mount_bpffs_for_file(), before pinning at path: refuses an existing path
 * and a missing directory; when dirname(path) is not on bpffs (and nomount is false), mounts
 * a bpffs there (make-private, a bind mount of the dir onto itself if it is no mount point,
 * then `mount -t bpf bpf DIR -o mode=0700`). Unlike upstream it refuses a directory that is
 * not empty instead of hiding its contents. Reports with p_err() and returns -1 on failure
 * (-ENAMETOOLONG for a path of PATH_MAX bytes or more, -ENOENT for an empty one, as the
 * kernel would refuse them),
 * leaving nothing mounted; on success *m tells what was mounted.
 */
int bpffs_prepare_pin(const char *path, bool nomount, struct bpffs_mount *m);
/* Undoes what bpffs_prepare_pin() mounted (when the pin after it failed). */
void bpffs_unmount(struct bpffs_mount *m);

#endif
