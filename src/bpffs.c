// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* bpffs: the pinned paths of every map (one walk of every bpffs mount), and auto-mounting. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

#include <linux/magic.h>

#include "bpffs.h"
#include "errstr.h"
#include "handle.h"
#include "out.h"
#include "sys_bpf.h"
#include "sys_fs.h"
#include "util.h"

/* ---- pure helpers ------------------------------------------------------------------------ */

static char *next_field(char **s)
{
	char *start = *s, *end;

	while (*start == ' ' || *start == '\t')
		start++;
	if (!*start || *start == '\n')
		return NULL;
	end = start + strcspn(start, " \t\n");
	if (*end)
		*end++ = 0;
	*s = end;
	return start;
}

/* The kernel writes ' ', '\t', '\n' and '\\' in mount paths as \ooo (fs/proc_namespace.c). */
static void unescape(char *s)
{
	char *o = s;

	while (*s) {
		if (s[0] == '\\' && s[1] >= '0' && s[1] <= '3' && s[2] >= '0' && s[2] <= '7' &&
		    s[3] >= '0' && s[3] <= '7') {
			*o++ = (char)((s[1] - '0') << 6 | (s[2] - '0') << 3 | (s[3] - '0'));
			s += 4;
		} else {
			*o++ = *s++;
		}
	}
	*o = 0;
}

int bpffs_mount_line(char *line, char **dir, char **type)
{
	char *cur = line;

	if (!next_field(&cur))
		return -EINVAL;
	*dir = next_field(&cur);
	*type = *dir ? next_field(&cur) : NULL;
	if (!*type)
		return -EINVAL;
	unescape(*dir);
	return 0;
}

void bpffs_dirname(const char *path, char *out, size_t n)
{
	size_t len = strlen(path);

	/* trailing slashes, then the last component, then the slashes before it */
	while (len > 1 && path[len - 1] == '/')
		len--;
	while (len && path[len - 1] != '/')
		len--;
	while (len > 1 && path[len - 1] == '/')
		len--;
	if (!len)
		snprintf(out, n, "%s", path[0] == '/' ? "/" : ".");
	else
		snprintf(out, n, "%.*s", (int)len, path);
}

/* ---- pinned paths ------------------------------------------------------------------------ */

bool bpffs_is_bpffs(const char *dir)
{
	struct statfs sf;

	return !statfs(dir, &sf) && (unsigned long)sf.f_type == BPF_FS_MAGIC;
}


struct walk {
	struct bpffs_pins *t;
	enum obj_kind kind;		/* which objects are recorded */
	char path[PATH_MAX];
	dev_t dev;			/* the file system being walked */
	char **mounts;			/* every bpf mount point, each walked on its own */
	size_t n_mounts;
};

static void pins_add(struct bpffs_pins *t, __u32 id, const char *path)
{
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 16;
		t->v = xrealloc(t->v, t->cap * sizeof(*t->v));
	}
	t->v[t->n].id = id;
	t->v[t->n].path = xstrdup(path);
	t->n++;
}

/* The id of a pinned object of the kind walked for; 0 for anything else. */
static __u32 pinned_id(int fd, enum obj_kind want)
{
	struct bpf_prog_info pinfo;
	struct bpf_map_info minfo;
	const char *kind = handle_fd_kind(fd);
	__u32 len = sizeof(pinfo);

	if (!kind || strcmp(kind, obj_kind_name(want)))
		return 0;
	if (want == OBJ_MAP)
		return map_info_get(fd, &minfo) ? 0 : minfo.id;
	memset(&pinfo, 0, sizeof(pinfo));
	return bpf_obj_get_info_by_fd(fd, &pinfo, &len) ? 0 : pinfo.id;
}

static void visit_file(struct walk *w)
{
	/* a program cannot be opened read-only: BPF_OBJ_GET refuses file_flags for it */
	int fd = handle_obj_get(w->path, w->kind == OBJ_MAP ? BPF_F_RDONLY : 0);
	__u32 id;

	if (fd < 0)
		return;
	id = pinned_id(fd, w->kind);
	if (id)
		pins_add(w->t, id, w->path);
	close(fd);
}

static bool is_mount_point(const struct walk *w, const char *path)
{
	size_t i;

	for (i = 0; i < w->n_mounts; i++)
		if (!strcmp(w->mounts[i], path))
			return true;
	return false;
}

static void walk_dir(struct walk *w)
{
	size_t len = strlen(w->path);
	struct dirent *de;
	struct stat st;
	DIR *d;
	int fd = open(w->path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);

	if (fd < 0)
		return;
	if (fstat(fd, &st) || st.st_dev != w->dev || !(d = fdopendir(fd))) {
		close(fd);
		return;
	}
	while ((de = readdir(d))) {
		unsigned char type = de->d_type;
		int n;

		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		if (type == DT_UNKNOWN) {
			if (fstatat(dirfd(d), de->d_name, &st, AT_SYMLINK_NOFOLLOW))
				continue;
			type = S_ISDIR(st.st_mode) ? DT_DIR
			       : S_ISREG(st.st_mode) ? DT_REG : DT_LNK;
		}
		if (type != DT_DIR && type != DT_REG)
			continue;
		n = snprintf(w->path + len, sizeof(w->path) - len, "%s%s",
			     len && w->path[len - 1] == '/' ? "" : "/", de->d_name);
		if (n < 0 || (size_t)n >= sizeof(w->path) - len) {
			w->path[len] = 0;
			continue;
		}
		if (type == DT_REG)
			visit_file(w);
		else if (!is_mount_point(w, w->path))
			walk_dir(w);
		w->path[len] = 0;
	}
	closedir(d);
}

/* The bpf mount points, once each, in the order of the mounts file. */
static size_t read_mounts(FILE *f, char ***out)
{
	char *line = NULL, *dir, *type;
	size_t cap = 0, n = 0, i;

	*out = NULL;
	while (getline(&line, &cap, f) > 0) {
		if (bpffs_mount_line(line, &dir, &type) || strncmp(type, "bpf", 3))
			continue;
		for (i = 0; i < n && strcmp((*out)[i], dir); i++)
			;
		if (i < n)
			continue;
		*out = xrealloc(*out, (n + 1) * sizeof(**out));
		(*out)[n++] = xstrdup(dir);
	}
	free(line);
	return n;
}

static int pin_cmp(const void *a, const void *b)
{
	const struct bpffs_pin *x = a, *y = b;

	if (x->id != y->id)
		return x->id < y->id ? -1 : 1;
	return strcmp(x->path, y->path);
}

/* Walks the mount points in w->mounts (freeing them), then sorts the table. */
static void walk_mounts(struct walk *w)
{
	struct bpffs_pins *t = w->t;
	struct stat st;
	size_t i;

	for (i = 0; i < w->n_mounts; i++) {
		/* a bpffs hidden under a later mount: its path now leads elsewhere */
		if (stat(w->mounts[i], &st) || strlen(w->mounts[i]) >= sizeof(w->path) ||
		    !bpffs_is_bpffs(w->mounts[i]))
			continue;
		w->dev = st.st_dev;
		strcpy(w->path, w->mounts[i]);
		walk_dir(w);
	}
	for (i = 0; i < w->n_mounts; i++)
		free(w->mounts[i]);
	free(w->mounts);
	free(w);
	if (t->n)
		qsort(t->v, t->n, sizeof(*t->v), pin_cmp);
}

static struct walk *walk_new(struct bpffs_pins *t, enum obj_kind kind)
{
	struct walk *w = xcalloc(1, sizeof(*w));

	memset(t, 0, sizeof(*t));
	w->t = t;
	w->kind = kind;
	return w;
}

bool bpffs_pins_build(struct bpffs_pins *t, const char *mounts, enum obj_kind kind)
{
	struct walk *w = walk_new(t, kind);
	FILE *f = fopen(mounts, "re");

	if (f) {
		w->n_mounts = read_mounts(f, &w->mounts);
		fclose(f);
	}
	walk_mounts(w);
	return f != NULL;
}

void bpffs_pins_build_at(struct bpffs_pins *t, const char *dir, enum obj_kind kind)
{
	struct walk *w = walk_new(t, kind);

	w->mounts = xmalloc(sizeof(*w->mounts));
	w->mounts[0] = xstrdup(dir);
	w->n_mounts = 1;
	walk_mounts(w);
}

bool bpffs_pins_collect(struct bpffs_pins *t, enum obj_kind kind)
{
	if (bpffs_pins_build(t, "/proc/self/mounts", kind))
		return true;
	bpffs_pins_build_at(t, BPFFS_DEFAULT_DIR, kind);
	return false;
}

const struct bpffs_pin *bpffs_pins_find(const struct bpffs_pins *t, __u32 id, size_t *n)
{
	size_t lo = 0, hi = t->n, end;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (t->v[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (end = lo; end < t->n && t->v[end].id == id; end++)
		;
	*n = end - lo;
	return *n ? &t->v[lo] : NULL;
}

void bpffs_pins_free(struct bpffs_pins *t)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		free(t->v[i].path);
	free(t->v);
	memset(t, 0, sizeof(*t));
}

/* ---- auto-mount for pinning -------------------------------------------------------------- */

/* 1 when dir has no entries, 0 when it has some, -errno when it cannot be read. */
static int dir_empty(const char *dir)
{
	struct dirent *de;
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC), empty = 1;
	DIR *d;

	if (fd < 0)
		return -errno;
	d = fdopendir(fd);
	if (!d) {
		close(fd);
		return -ENOMEM;
	}
	while (empty && (de = readdir(d)))
		if (strcmp(de->d_name, ".") && strcmp(de->d_name, ".."))
			empty = 0;
	closedir(d);
	return empty;
}

void bpffs_unmount(struct bpffs_mount *m)
{
	if (m->mounted)
		sys_umount(m->dir);
	if (m->bound)
		sys_umount(m->dir);
	m->mounted = m->bound = false;
}

/* upstream's mnt_fs(): the detail of a failure into msg. */
static int mount_bpffs(struct bpffs_mount *m, char *msg, size_t n)
{
	int err;

	while ((err = sys_mount_make_private(m->dir))) {
		if (err != -EINVAL || m->bound) {
			snprintf(msg, n, "mount --make-private %s failed: %s", m->dir,
				 errstr(err).s);
			return -1;
		}
		err = sys_mount_bind_self(m->dir);
		if (err) {
			snprintf(msg, n, "mount --bind %s %s failed: %s", m->dir, m->dir,
				 errstr(err).s);
			return -1;
		}
		m->bound = true;
	}
	err = sys_mount_bpffs(m->dir);
	if (err) {
		snprintf(msg, n, "mount -t bpf bpf %s failed: %s", m->dir, errstr(err).s);
		return -1;
	}
	m->mounted = true;
	return 0;
}

int bpffs_prepare_pin(const char *path, bool nomount, struct bpffs_mount *m)
{
	char msg[PATH_MAX * 2 + 128];
	int empty;

	memset(m, 0, sizeof(*m));
	/* no check below may look at a cut-down copy of the path (nor mount over one) */
	if (strlen(path) >= sizeof(m->dir)) {
		p_err("can't pin the object (%s): %s", path, errstr(-ENAMETOOLONG).s);
		return -ENAMETOOLONG;
	}
	/* nor mount anything for a path that names no file (its "dirname" is ".") */
	if (!*path) {
		p_err("can't pin the object (%s): %s", path, errstr(-ENOENT).s);
		return -ENOENT;
	}
	if (!access(path, F_OK)) {
		p_err("can't pin BPF object: path '%s' already exists", path);
		return -1;
	}
	bpffs_dirname(path, m->dir, sizeof(m->dir));
	if (bpffs_is_bpffs(m->dir))
		return 0;
	if (access(m->dir, F_OK)) {
		p_err("can't pin BPF object: dir '%s' doesn't exist", m->dir);
		return -1;
	}
	if (nomount) {
		p_err("no BPF file system found, not mounting it due to --nomount option");
		return -1;
	}
	/* upstream mounts over whatever is there; we will not hide a directory's contents */
	empty = dir_empty(m->dir);
	if (empty <= 0) {
		if (empty)
			snprintf(msg, sizeof(msg), "can't open dir '%s': %s", m->dir,
				 errstr(empty).s);
		else
			snprintf(msg, sizeof(msg),
				 "dir '%s' is not empty, not mounting over its contents", m->dir);
		p_err("can't mount BPF file system to pin the object '%s': %s", path, msg);
		return -1;
	}
	if (mount_bpffs(m, msg, sizeof(msg))) {
		bpffs_unmount(m);
		p_err("can't mount BPF file system to pin the object '%s': %s", path, msg);
		return -1;
	}
	return 0;
}
