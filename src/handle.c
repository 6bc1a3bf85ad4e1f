// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* MAP and PROG selectors (id N, pinned P, name N, tag T): parse the words, then open. */
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/vfs.h>
#include <unistd.h>

#include <linux/magic.h>

#include "errstr.h"
#include "handle.h"
#include "out.h"
#include "progdesc.h"
#include "sys_bpf.h"
#include "util.h"

/* ---- parsing (no kernel) ------------------------------------------------------------------ */

static int parse_id(struct args *a, struct handle *h)
{
	const char *w = args_next(a);

	if (parse_u32(w, &h->id)) {
		p_err("can't parse %s as ID", w);
		return -1;
	}
	h->kind = HANDLE_ID;
	return 0;
}

static int parse_tag(const char *w, __u8 *tag)
{
	int i;

	if (strlen(w) != 2 * BPF_TAG_SIZE)
		return -1;
	for (i = 0; i < BPF_TAG_SIZE; i++) {
		char byte[3] = { w[2 * i], w[2 * i + 1], 0 };
		uint64_t v;

		if (parse_u64(byte, 16, 255, &v))
			return -1;
		tag[i] = (__u8)v;
	}
	return 0;
}

/* Shared by both kinds: the keyword, then its one argument. */
static int parse_common(struct args *a, struct handle *h, bool prog)
{
	const char *kw = args_peek(a);
	size_t max_name = prog ? PROG_NAME_MAX - 1 : BPF_OBJ_NAME_LEN - 1;

	memset(h, 0, sizeof(*h));
	if (a->argc < 2) {
		if (prog)
			p_err("expected 'id', 'tag', 'name' or 'pinned', got: '%s'?",
			      kw ? kw : "(null)");
		else
			p_err("expected 'id', 'name' or 'pinned', got: '%s'?", kw ? kw : "(null)");
		return -1;
	}
	if (args_take_kw(a, "id"))
		return parse_id(a, h);
	if (prog && args_take_kw(a, "tag")) {
		if (parse_tag(args_peek(a), h->tag)) {
			p_err("can't parse tag");
			return -1;
		}
		args_next(a);
		h->kind = HANDLE_TAG;
		return 0;
	}
	if (args_take_kw(a, "name")) {
		h->name = args_next(a);
		if (strlen(h->name) > max_name) {
			p_err("can't parse name");
			return -1;
		}
		h->kind = HANDLE_NAME;
		return 0;
	}
	if (args_take_kw(a, "pinned")) {
		h->path = args_next(a);
		h->kind = HANDLE_PINNED;
		return 0;
	}
	if (prog)
		p_err("expected 'id', 'tag', 'name' or 'pinned', got: '%s'?", kw);
	else
		p_err("expected 'id', 'name' or 'pinned', got: '%s'?", kw);
	return -1;
}

int handle_parse_map(struct args *a, struct handle *h)
{
	return parse_common(a, h, false);
}

int handle_parse_prog(struct args *a, struct handle *h)
{
	return parse_common(a, h, true);
}

/* ---- opening ------------------------------------------------------------------------------ */

/* upstream's hint for the commands a kernel before 4.13 does not have (EINVAL) */
static const char *too_old(int err)
{
	return err == -EINVAL ? " -- kernel too old?" : "";
}

int map_info_get(int fd, struct bpf_map_info *info)
{
	__u32 len = sizeof(*info);

	memset(info, 0, sizeof(*info));
	return bpf_obj_get_info_by_fd(fd, info, &len);
}

int prog_info_get(int fd, struct bpf_prog_info *info)
{
	__u32 len = sizeof(*info);

	memset(info, 0, sizeof(*info));
	return bpf_obj_get_info_by_fd(fd, info, &len);
}

const char *obj_kind_name(enum obj_kind kind)
{
	return kind == OBJ_PROG ? "prog" : "map";
}

static bool on_bpffs(const char *path)
{
	char *dir = xstrdup(path), *slash = strrchr(dir, '/');
	struct statfs sf;
	bool yes;

	/* the whole path, never a cut-down copy of it */
	if (slash == dir)
		dir[1] = 0;
	else if (slash)
		*slash = 0;
	yes = !statfs(slash ? dir : ".", &sf) && sf.f_type == BPF_FS_MAGIC;
	free(dir);
	return yes;
}

int handle_map_fd_by_id(__u32 id, __u32 open_flags)
{
	int fd = bpf_map_get_fd_by_id(id, open_flags);

	/* Linux < 4.15 knows no open_flags (CHECK_ATTR: EINVAL): read-write is all it has */
	if (fd == -EINVAL && open_flags)
		fd = bpf_map_get_fd_by_id(id, 0);
	return fd;
}

int handle_obj_get(const char *path, __u32 file_flags)
{
	int fd = bpf_obj_get(path, file_flags);

	/* the same for file_flags before 4.15; links refuse them too, then say what they are */
	if (fd == -EINVAL && file_flags)
		fd = bpf_obj_get(path, 0);
	return fd;
}

/*
 * Whether the object at fd is the map (or program) that has its id: same info, same object.
 * 1 yes, 0 no (there is none of that id, or it differs), -1 when we may not open it.
 */
static int is_map_by_id(const struct bpf_map_info *seen)
{
	struct bpf_map_info info;
	int fd = handle_map_fd_by_id(seen->id, BPF_F_RDONLY), err;

	if (fd < 0)
		return fd == -ENOENT ? 0 : -1;
	err = map_info_get(fd, &info);
	close(fd);
	if (err)
		return -1;
	/* type, id, sizes, flags, name: the part every kernel fills (4.15+; 4.13: no name) */
	return !memcmp(&info, seen, offsetof(struct bpf_map_info, ifindex));
}

static int is_prog_by_id(const struct bpf_prog_info *seen)
{
	struct bpf_prog_info info;
	int fd = bpf_prog_get_fd_by_id(seen->id), err;

	if (fd < 0)
		return fd == -ENOENT ? 0 : -1;
	err = prog_info_get(fd, &info);
	close(fd);
	if (err && err != -ENODEV)
		return -1;
	return info.type == seen->type && info.id == seen->id &&
	       !memcmp(info.tag, seen->tag, BPF_TAG_SIZE) && info.load_time == seen->load_time;
}

/*
 * Without /proc: the kernel fills the info of whatever the fd is, so read it as both kinds
 * and ask for the map, then the program, with that id; only the same object has the same
 * info (a program's info read as a map's would need a map of that id whose sizes are the
 * program's tag). Pinned objects are maps, programs and links: neither is a link. NULL when
 * we may not look (no privilege to open objects by id).
 */
static const char *kind_by_info(int fd)
{
	union obj_info info;
	__u32 len = sizeof(info);
	int err, map, prog;

	memset(&info, 0, sizeof(info));
	err = bpf_obj_get_info_by_fd(fd, &info, &len);
	if (err && err != -ENODEV)
		return NULL;
	map = is_map_by_id(&info.map);
	if (map > 0)
		return "map";
	prog = is_prog_by_id(&info.prog);
	if (prog > 0)
		return "prog";
	return map < 0 || prog < 0 ? NULL : "link";
}

/*
 * The kind of a bpf fd, from its /proc/self/fd link ("anon_inode:bpf-map"), or without
 * /proc (an initramfs) from the kernel's info about it; NULL when neither can tell.
 */
const char *handle_fd_kind(int fd)
{
	static const char *const kinds[] = { "map", "prog", "link" };
	char link[64], target[128];
	ssize_t n;
	size_t i;

	snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
	n = readlink(link, target, sizeof(target) - 1);
	if (n < 0)
		return errno == ENOENT ? kind_by_info(fd) : NULL;
	target[n] = 0;
	for (i = 0; i < ARRAY_SIZE(kinds); i++) {
		char want[32];

		snprintf(want, sizeof(want), "anon_inode:bpf-%s", kinds[i]);
		if (!strcmp(target, want))
			return kinds[i];
	}
	return "unknown";
}

/*
 * Whether fd is surely a map, without /proc (whose first lookup in a process costs more than
 * a whole one-key lookup): a batch lookup of no elements does nothing, and the kernel answers
 * EINVAL for every fd that is not a map. Any other answer (0, ENOTSUPP, EPERM) proves a map;
 * EINVAL (not a map, or a kernel before 5.6 without batches) leaves it to the /proc check.
 */
static bool surely_map(int fd)
{
	__u32 count = 0;

	return bpf_map_lookup_batch(fd, NULL, NULL, NULL, NULL, &count, 0) != -EINVAL;
}

/* upstream's open_obj_pinned_any(): BPF_OBJ_GET, then check it is the kind wanted. */
static int open_pinned(const char *path, __u32 flags, const char *want)
{
	const char *kind;
	int fd = handle_obj_get(path, flags);

	if (fd < 0) {
		if (fd == -EACCES && !on_bpffs(path))
			p_err("bpf obj get (%s): directory not in bpf file system (bpffs)", path);
		else
			p_err("bpf obj get (%s): %s", path, errstr(fd).s);
		return -1;
	}
	if (!strcmp(want, "map") && surely_map(fd))
		return fd;
	kind = handle_fd_kind(fd);
	if (kind && strcmp(kind, want)) {
		p_err("incorrect object type: %s", kind);
		close(fd);
		return -1;
	}
	return fd;
}

static void push_map(struct map_fd **out, int *n, int fd, const struct bpf_map_info *info)
{
	*out = xrealloc(*out, sizeof(**out) * (size_t)(*n + 1));
	(*out)[*n].fd = fd;
	(*out)[*n].info = *info;
	(*n)++;
}

/* ---- walking every object of a kind -------------------------------------------------- */

/* One object of the walk: 0 when its fd and info are in place, 1 to skip it, -1 to stop. */
static int walk_open(enum obj_kind kind, __u32 id, __u32 flags, int *fd, union obj_info *info,
		     int *info_err)
{
	const char *what = obj_kind_name(kind);

	*fd = kind == OBJ_MAP ? handle_map_fd_by_id(id, flags) : bpf_prog_get_fd_by_id(id);
	if (*fd == -ENOENT)
		return 1;	/* gone since get_next_id */
	if (*fd < 0) {
		p_err("can't get %s by id (%u): %s", what, id, errstr(*fd).s);
		return -1;
	}
	*info_err = kind == OBJ_MAP ? map_info_get(*fd, &info->map)
				    : prog_info_get(*fd, &info->prog);
	/* ENODEV: a program offloaded to a device that is gone; its info is still there */
	if (*info_err && !(kind == OBJ_PROG && *info_err == -ENODEV)) {
		p_err("can't get %s info: %s", what, errstr(*info_err).s);
		close(*fd);
		return -1;
	}
	return 0;
}

int obj_walk(enum obj_kind kind, __u32 open_flags, obj_walk_fn fn, void *ctx)
{
	union obj_info info;
	int err, fd, info_err;
	__u32 id = 0;

	for (;;) {
		err = kind == OBJ_MAP ? bpf_map_get_next_id(id, &id)
				      : bpf_prog_get_next_id(id, &id);
		if (err == -ENOENT)
			return 0;
		if (err) {
			p_err("can't get next %s: %s%s", kind == OBJ_MAP ? "map" : "program",
			      errstr(err).s, too_old(err));
			return -1;
		}
		err = walk_open(kind, id, open_flags, &fd, &info, &info_err);
		if (err > 0)
			continue;
		if (err < 0)
			return -1;
		err = fn(ctx, fd, &info, info_err);
		if (err != 1)
			close(fd);
		if (err < 0)
			return -1;
	}
}

struct name_walk {
	const char *name;
	struct map_fd **out;
	int *n;
};

static int keep_named_map(void *ctx, int fd, const union obj_info *info, int info_err)
{
	struct name_walk *w = ctx;

	(void)info_err;
	if (strncmp(info->map.name, w->name, BPF_OBJ_NAME_LEN))
		return 0;
	push_map(w->out, w->n, fd, &info->map);
	return 1;
}

/* Walks every map id and keeps those named exactly `name`. */
static int open_maps_by_name(const char *name, __u32 flags, struct map_fd **out, int *n)
{
	struct name_walk w = { name, out, n };

	if (obj_walk(OBJ_MAP, flags, keep_named_map, &w))
		return -1;
	if (!*n) {
		p_err("no map with name '%s'", name);
		return -1;
	}
	return 0;
}

/* ---- the fds a batch keeps open -------------------------------------------------------- */

/*
 * A cached fd serves a handle of the same kind and target, opened with the same flags or
 * read-write (which also serves a read-only request).
 */
static struct map_fd_cached *cache_find(struct map_fd_cache *mc, const struct handle *h,
					__u32 flags)
{
	size_t i;

	for (i = 0; mc && i < mc->n; i++) {
		struct map_fd_cached *e = &mc->v[i];

		if (e->kind != h->kind || (e->flags != flags && e->flags))
			continue;
		if (h->kind == HANDLE_ID ? e->id == h->id : !strcmp(e->path, h->path))
			return e;
	}
	return NULL;
}

static void cache_add(struct map_fd_cache *mc, const struct handle *h, __u32 flags, int fd,
		      const struct bpf_map_info *info)
{
	struct map_fd_cached *e;
	int keep;

	if (!mc || mc->n >= MAP_FD_CACHE_MAX)
		return;
	keep = fcntl(fd, F_DUPFD_CLOEXEC, 0);
	if (keep < 0)
		return;
	e = &mc->v[mc->n++];
	e->kind = h->kind;
	e->id = h->id;
	e->path = h->kind == HANDLE_PINNED ? xstrdup(h->path) : NULL;
	e->flags = flags;
	e->fd = keep;
	e->info = *info;
}

void map_fd_cache_free(struct map_fd_cache *mc)
{
	size_t i;

	for (i = 0; i < mc->n; i++) {
		close(mc->v[i].fd);
		free(mc->v[i].path);
	}
	mc->n = 0;
}

/*
 * The one map an id or a path names: its fd and info (no allocation: a lookup makes none).
 * In a batch, a cached fd of the same map is duplicated instead of opening it again.
 */
static int open_one_map(struct ctx *c, const struct handle *h, __u32 open_flags,
			struct bpf_map_info *info)
{
	struct map_fd_cached *hit = cache_find(c->maps, h, open_flags);
	int fd, err;

	if (hit) {
		fd = fcntl(hit->fd, F_DUPFD_CLOEXEC, 0);
		if (fd < 0) {
			p_err("can't duplicate the map fd: %s", errstr(-errno).s);
			return -1;
		}
		*info = hit->info;
		return fd;
	}
	switch (h->kind) {
	case HANDLE_ID:
		fd = handle_map_fd_by_id(h->id, open_flags);
		if (fd < 0) {
			p_err("get map by id (%u): %s%s", h->id, errstr(fd).s, too_old(fd));
			return -1;
		}
		break;
	case HANDLE_PINNED:
		fd = open_pinned(h->path, open_flags, "map");
		if (fd < 0)
			return -1;
		break;
	default:
		p_err("expected 'id', 'name' or 'pinned'");
		return -1;
	}
	err = map_info_get(fd, info);
	if (err) {
		p_err("can't get map info: %s%s", errstr(err).s, too_old(err));
		close(fd);
		return err;
	}
	cache_add(c->maps, h, open_flags, fd, info);
	return fd;
}

int handle_open_maps(struct ctx *c, const struct handle *h, __u32 open_flags,
		     struct map_fd **out, int *n)
{
	struct bpf_map_info info;
	int fd, err;

	*out = NULL;
	*n = 0;
	if (h->kind == HANDLE_NAME) {
		err = open_maps_by_name(h->name, open_flags, out, n);
		if (err)
			map_fds_close(*out, *n);
		return err;
	}
	fd = open_one_map(c, h, open_flags, &info);
	if (fd < 0)
		return fd;
	push_map(out, n, fd, &info);
	return 0;
}

void map_fds_close(struct map_fd *m, int n)
{
	int i;

	for (i = 0; i < n; i++)
		close(m[i].fd);
	free(m);
}

int handle_open_map(struct ctx *c, const struct handle *h, __u32 open_flags,
		    struct bpf_map_info *info)
{
	struct bpf_map_info unused;
	struct map_fd *m;
	int n, fd, err;

	if (h->kind != HANDLE_NAME)
		return open_one_map(c, h, open_flags, info ? info : &unused);
	err = handle_open_maps(c, h, open_flags, &m, &n);
	if (err)
		return err;
	if (n > 1) {
		p_err("several maps match this handle");
		map_fds_close(m, n);
		return -1;
	}
	fd = m[0].fd;
	if (info)
		*info = m[0].info;
	free(m);
	return fd;
}

int map_parse_open(struct ctx *c, struct args *a, __u32 open_flags, struct bpf_map_info *info)
{
	struct handle h;

	if (handle_parse_map(a, &h))
		return -1;
	return handle_open_map(c, &h, open_flags, info);
}

/* ---- programs ----------------------------------------------------------------------------- */


/* By tag, or by the full name (upstream compares the BTF name of a truncated one). */
static bool prog_matches(const struct handle *h, int fd, const struct bpf_prog_info *info)
{
	char name[PROG_NAME_MAX];

	if (h->kind == HANDLE_TAG)
		return !memcmp(info->tag, h->tag, BPF_TAG_SIZE);
	prog_full_name(fd, info, name, sizeof(name));
	return !strcmp(name, h->name);
}

static void push_prog(struct prog_fd **progs, int *n, int fd, const struct bpf_prog_info *info)
{
	*progs = xrealloc(*progs, sizeof(**progs) * (size_t)(*n + 1));
	(*progs)[*n].fd = fd;
	(*progs)[*n].info = *info;
	(*n)++;
}

struct prog_walk {
	const struct handle *h;
	struct prog_fd **out;
	int *n;
};

static int keep_matching_prog(void *ctx, int fd, const union obj_info *info, int info_err)
{
	struct prog_walk *w = ctx;

	if (info_err || !prog_matches(w->h, fd, &info->prog))
		return 0;
	push_prog(w->out, w->n, fd, &info->prog);
	return 1;
}

/* tag and name: walk every program and keep those that match. */
static int open_progs_by_walk(const struct handle *h, struct prog_fd **progs, int *n)
{
	struct prog_walk w = { h, progs, n };

	if (obj_walk(OBJ_PROG, 0, keep_matching_prog, &w))
		return -1;
	if (!*n) {
		if (h->kind == HANDLE_TAG)
			p_err("no program with tag %02x%02x%02x%02x%02x%02x%02x%02x", h->tag[0],
			      h->tag[1], h->tag[2], h->tag[3], h->tag[4], h->tag[5], h->tag[6],
			      h->tag[7]);
		else
			p_err("no program with name '%s'", h->name);
		return -1;
	}
	return 0;
}

int handle_open_progs(struct ctx *c, const struct handle *h, struct prog_fd **progs, int *n)
{
	struct bpf_prog_info info;
	int fd, err;

	(void)c;
	*progs = NULL;
	*n = 0;
	if (h->kind == HANDLE_TAG || h->kind == HANDLE_NAME) {
		err = open_progs_by_walk(h, progs, n);
		if (err)
			prog_fds_close(*progs, *n);
		return err;
	}
	if (h->kind == HANDLE_ID) {
		fd = bpf_prog_get_fd_by_id(h->id);
		if (fd < 0) {
			p_err("get by id (%u): %s%s", h->id, errstr(fd).s, too_old(fd));
			return -1;
		}
	} else {
		fd = open_pinned(h->path, 0, "prog");
		if (fd < 0)
			return -1;
	}
	err = prog_info_get(fd, &info);
	if (err) {
		p_err("can't get prog info: %s%s", errstr(err).s, too_old(err));
		close(fd);
		return -1;
	}
	push_prog(progs, n, fd, &info);
	return 0;
}

void prog_fds_close(struct prog_fd *p, int n)
{
	int i;

	for (i = 0; i < n; i++)
		close(p[i].fd);
	free(p);
}

int handle_open_prog(struct ctx *c, const struct handle *h, struct bpf_prog_info *info)
{
	struct prog_fd *p;
	int n, fd;

	if (handle_open_progs(c, h, &p, &n))
		return -1;
	if (n > 1) {
		p_err("several programs match this handle");
		prog_fds_close(p, n);
		return -1;
	}
	fd = p[0].fd;
	*info = p[0].info;
	free(p);
	return fd;
}
