/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* MAP and PROG selectors (id N, pinned P, name N, tag T): parse the words, then open. */
#ifndef HANDLE_H
#define HANDLE_H

#include <linux/bpf.h>

#include "cmd.h"

#define PROG_NAME_MAX 128	/* upstream compares full function names up to this */

/* The kinds of bpf object the tool lists: what /proc/PID/fd links and fdinfo call them. */
enum obj_kind {
	OBJ_MAP,	/* "anon_inode:bpf-map", fdinfo "map_id" */
	OBJ_PROG,	/* "anon_inode:bpf-prog", fdinfo "prog_id" */
};

/* "map" or "prog", as in "anon_inode:bpf-map"; the fdinfo id key is "<name>_id". */
const char *obj_kind_name(enum obj_kind kind);

enum handle_kind {
	HANDLE_ID,
	HANDLE_PINNED,
	HANDLE_NAME,
	HANDLE_TAG,
};

struct handle {
	enum handle_kind kind;
	__u32 id;
	const char *path;		/* pinned: points into argv */
	const char *name;		/* name: points into argv */
	__u8 tag[BPF_TAG_SIZE];
};

/*
 * Consumes "id N" / "pinned PATH" / "name NAME" (prog: also "tag TAG"), keywords matched by
 * prefix in upstream's order. Reports a bad selector with p_err() and returns -1.
 */
int handle_parse_map(struct args *a, struct handle *h);
int handle_parse_prog(struct args *a, struct handle *h);

/*
 * The map fds a batch keeps open, so that repeated references to one map (by id or pinned
 * path; names are looked up every time, since a batch may create maps) reuse one fd and its
 * info instead of opening and querying it per command.
 */
#define MAP_FD_CACHE_MAX 64

struct map_fd_cached {
	enum handle_kind kind;
	__u32 id;
	char *path;
	__u32 flags;
	int fd;
	struct bpf_map_info info;
};

struct map_fd_cache {
	struct map_fd_cached v[MAP_FD_CACHE_MAX];
	size_t n;
};

void map_fd_cache_free(struct map_fd_cache *mc);

/* One opened map: its fd and info (zeroed per map, so no field is stale). */
struct map_fd {
	int fd;
	struct bpf_map_info info;
};

/*
 * Every map the handle selects (several only for name), in id order; open_flags is 0 or
 * BPF_F_RDONLY. Reports errors with p_err() (none found included) and returns -1 or
 * -errno; on success *out holds *n >= 1 maps (free with map_fds_close()).
 */
int handle_open_maps(struct ctx *c, const struct handle *h, __u32 open_flags,
		     struct map_fd **out, int *n);
void map_fds_close(struct map_fd *m, int n);
/* Exactly one map: "several maps match this handle" otherwise. Returns the fd. */
int handle_open_map(struct ctx *c, const struct handle *h, __u32 open_flags,
		    struct bpf_map_info *info);
/* Parse and open in one step, for the commands that take one MAP. */
int map_parse_open(struct ctx *c, struct args *a, __u32 open_flags, struct bpf_map_info *info);

/*
 * The kind of a bpf fd ("map", "prog", "link", or "unknown") from its /proc/self/fd link;
 * NULL when /proc cannot tell (not mounted).
 */
const char *handle_fd_kind(int fd);

/*
 * BPF_MAP_GET_FD_BY_ID and BPF_OBJ_GET with open flags (BPF_F_RDONLY), read-write where the
 * kernel has no such flags (before 4.15). fd or -errno.
 */
int handle_map_fd_by_id(__u32 id, __u32 open_flags);
int handle_obj_get(const char *path, __u32 file_flags);

/* Reads the info of a map fd; -errno on failure. */
int map_info_get(int fd, struct bpf_map_info *info);

union obj_info {
	struct bpf_map_info map;
	struct bpf_prog_info prog;
};

/*
 * Called for each object of a walk with an fd (maps opened with open_flags) and its info;
 * info_err is 0, or -ENODEV for a program offloaded to a device that is gone. Returns 0
 * (the walker closes fd), 1 (fn keeps fd) or -1 to stop the walk.
 */
typedef int (*obj_walk_fn)(void *ctx, int fd, const union obj_info *info, int info_err);

/*
 * Every object of the kind in ascending id order (BPF_MAP/PROG_GET_NEXT_ID); ids that
 * vanish meanwhile are skipped. Reports kernel errors with p_err(); returns 0 or -1.
 */
int obj_walk(enum obj_kind kind, __u32 open_flags, obj_walk_fn fn, void *ctx);

/* One opened program: its fd and info (zeroed per program). */
struct prog_fd {
	int fd;
	struct bpf_prog_info info;
};

/* Reads the info of a program fd (its array pointers zero); -errno on failure. */
int prog_info_get(int fd, struct bpf_prog_info *info);
/* Every program the handle selects (several for tag and name), like handle_open_maps(). */
int handle_open_progs(struct ctx *c, const struct handle *h, struct prog_fd **out, int *n);
void prog_fds_close(struct prog_fd *p, int n);
/* Exactly one program; fills info (its map_ids etc. pointers are zero). Returns the fd. */
int handle_open_prog(struct ctx *c, const struct handle *h, struct bpf_prog_info *info);

#endif
