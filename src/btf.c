// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * BPF Type Format: a bounds-checked parser of raw BTF blobs (split BTF over a base included),
 * type lookups by id in O(1), resolved sizes, and loading a BTF object from the kernel.
 *
 * A raw blob is a struct btf_header, then (at offsets counted from the header's end) a type
 * section of records (struct btf_type + kind-specific data) and a string section of
 * NUL-terminated names. Ids number the records from 1 (0 is void); a split blob continues a
 * base's ids and string offsets.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "btf.h"
#include "sys_bpf.h"
#include "util.h"

#define VMLINUX_BTF_PATH "/sys/kernel/btf/vmlinux"

/* Resolution state of each type: what the size pass found. */
enum {
	RES_NEW = 0,
	RES_BUSY,	/* on the resolution stack: reaching it again is a loop */
	RES_SIZED,
	RES_UNSIZED,	/* void, FWD, FUNC, FUNC_PROTO, DECL_TAG, or built on one */
};

struct btf {
	unsigned char *types;	/* the type section, copied to an aligned buffer */
	__u32 types_len;
	char *strs;		/* the string section */
	__u32 str_len;
	__u32 start_id;		/* id of this blob's first record: 1, or the base's count */
	__u32 start_str;	/* string offsets below this are the base's */
	__u32 nr;		/* records in this blob */
	__u32 *offs;		/* record of id start_id + i at types + offs[i] */
	__u32 *sizes;		/* resolved size of each record */
	__u8 *state;		/* RES_* of each record */
	__u32 ptr_sz;
	const struct btf *base;
	struct btf *owned_base;	/* freed with this one (a module's vmlinux) */
};

static const struct btf_type btf_void;

/* Record i of this blob (not of its base). */
static const struct btf_type *rec(const struct btf *btf, __u32 i)
{
	return (const struct btf_type *)(btf->types + btf->offs[i]);
}

__u32 btf_type_cnt(const struct btf *btf)
{
	return btf->start_id + btf->nr;
}

__u32 btf_start_id(const struct btf *btf)
{
	return btf->start_id;
}

const struct btf *btf_base(const struct btf *btf)
{
	return btf->base;
}

/* The blob (this one or a base below it) that holds id; NULL for void or past the end. */
static const struct btf *owner(const struct btf *btf, __u32 id)
{
	while (btf && id < btf->start_id)
		btf = btf->base;
	if (!btf || id - btf->start_id >= btf->nr)
		return NULL;
	return btf;
}

const struct btf_type *btf_type_by_id(const struct btf *btf, __u32 id)
{
	const struct btf *o;

	if (!id)
		return &btf_void;
	o = owner(btf, id);
	if (!o)
		return NULL;
	return rec(o, id - o->start_id);
}

const char *btf_str(const struct btf *btf, __u32 off)
{
	while (btf && off < btf->start_str)
		btf = btf->base;
	if (!btf || off - btf->start_str >= btf->str_len)
		return NULL;
	return btf->strs + (off - btf->start_str);
}

const char *btf_name(const struct btf *btf, const struct btf_type *t)
{
	const char *s = btf_str(btf, t->name_off);

	return s ? s : "";
}

int btf_type_size(const struct btf *btf, __u32 id, __u32 *size)
{
	const struct btf *o = owner(btf, id);
	__u32 i;

	if (!o)
		return -EINVAL;
	i = id - o->start_id;
	if (o->state[i] != RES_SIZED)
		return -EINVAL;
	*size = o->sizes[i];
	return 0;
}

__u32 btf_ptr_size(const struct btf *btf)
{
	return btf->ptr_sz;
}

/* Parsing rejected loops, so these walks end; the bound is only a second line of defence. */
__u32 btf_resolve_type(const struct btf *btf, __u32 id)
{
	__u32 n;

	for (n = 0; n <= BTF_MAX_TYPE; n++) {
		const struct btf_type *t = btf_type_by_id(btf, id);
		unsigned int k;

		if (!t || !id)
			break;
		k = btf_kind(t);
		if (k != BTF_KIND_TYPEDEF && k != BTF_KIND_VAR && !btf_is_qualifier(t))
			break;
		id = t->type;
	}
	return id;
}

__u32 btf_skip_qualifiers(const struct btf *btf, __u32 id)
{
	__u32 n;

	for (n = 0; n <= BTF_MAX_TYPE; n++) {
		const struct btf_type *t = btf_type_by_id(btf, id);

		if (!t || !id || !btf_is_qualifier(t))
			break;
		id = t->type;
	}
	return id;
}

int btf_find_by_name_kind(const struct btf *btf, const char *name, unsigned int kind)
{
	__u32 id, cnt = btf_type_cnt(btf);

	for (id = 1; id < cnt; id++) {
		const struct btf_type *t = btf_type_by_id(btf, id);

		if (btf_kind(t) == kind && !strcmp(btf_name(btf, t), name))
			return (int)id;
	}
	return -ENOENT;
}

void btf_free(struct btf *btf)
{
	if (!btf)
		return;
	free(btf->types);
	free(btf->strs);
	free(btf->offs);
	free(btf->sizes);
	free(btf->state);
	btf_free(btf->owned_base);
	free(btf);
}

/* ---- parsing ---------------------------------------------------------------------------- */

static int parse_header(struct btf *btf, const unsigned char *data, size_t size)
{
	struct btf_header h;
	__u64 meta, tend, send;
	size_t i;

	if (size < sizeof(h))
		return -EINVAL;
	memcpy(&h, data, sizeof(h));
	if (h.magic != BTF_MAGIC)
		/* the other byte order (0x9feb) would need every field swapped */
		return h.magic == 0x9feb ? -EOPNOTSUPP : -EINVAL;
	if (h.version != BTF_VERSION)
		return -EOPNOTSUPP;
	if (h.hdr_len < sizeof(h) || h.hdr_len > size)
		return -EINVAL;
	/* a longer header is fine only if the fields we don't know are zero (as the kernel) */
	for (i = sizeof(h); i < h.hdr_len; i++)
		if (data[i])
			return -EOPNOTSUPP;
	meta = size - h.hdr_len;
	tend = (__u64)h.type_off + h.type_len;
	send = (__u64)h.str_off + h.str_len;
	if (tend > meta || send > meta || h.type_off % 4)
		return -EINVAL;
	if (h.type_len && h.str_len && h.type_off < send && h.str_off < tend)
		return -EINVAL;		/* the sections overlap */
	btf->types = xmalloc(h.type_len ? h.type_len : 1);
	memcpy(btf->types, data + h.hdr_len + h.type_off, h.type_len);
	btf->types_len = h.type_len;
	btf->strs = xmalloc(h.str_len ? h.str_len : 1);
	memcpy(btf->strs, data + h.hdr_len + h.str_off, h.str_len);
	btf->str_len = h.str_len;
	return 0;
}

static int check_strings(const struct btf *btf)
{
	/* a base starts with the empty string (offset 0 = anonymous); a split may be empty */
	if (!btf->base && (!btf->str_len || btf->strs[0]))
		return -EINVAL;
	if (btf->str_len && btf->strs[btf->str_len - 1])
		return -EINVAL;
	if ((__u64)btf->start_str + btf->str_len > 0xffffffffULL)
		return -EINVAL;
	return 0;
}

/* Bytes of kind-specific data after a record, or -EINVAL for an unknown kind. */
static long record_extra(const struct btf_type *t)
{
	unsigned long vlen = btf_vlen(t);

	switch (btf_kind(t)) {
	case BTF_KIND_INT:
	case BTF_KIND_VAR:
	case BTF_KIND_DECL_TAG:
		return 4;
	case BTF_KIND_ARRAY:
		return sizeof(struct btf_array);
	case BTF_KIND_STRUCT:
	case BTF_KIND_UNION:
		return (long)(vlen * sizeof(struct btf_member));
	case BTF_KIND_ENUM:
		return (long)(vlen * sizeof(struct btf_enum));
	case BTF_KIND_ENUM64:
		return (long)(vlen * sizeof(struct btf_enum64));
	case BTF_KIND_FUNC_PROTO:
		return (long)(vlen * sizeof(struct btf_param));
	case BTF_KIND_DATASEC:
		return (long)(vlen * sizeof(struct btf_var_secinfo));
	case BTF_KIND_PTR:
	case BTF_KIND_FWD:
	case BTF_KIND_TYPEDEF:
	case BTF_KIND_VOLATILE:
	case BTF_KIND_CONST:
	case BTF_KIND_RESTRICT:
	case BTF_KIND_FUNC:
	case BTF_KIND_FLOAT:
	case BTF_KIND_TYPE_TAG:
		return 0;
	default:
		return -EINVAL;
	}
}

/* Finds every record: its offset, its length inside the section, the id limit. */
static int index_records(struct btf *btf)
{
	__u32 pos = 0, cap = 0;

	while (pos < btf->types_len) {
		const struct btf_type *t = (const struct btf_type *)(btf->types + pos);
		long extra;

		if (btf->types_len - pos < sizeof(*t))
			return -EINVAL;
		extra = record_extra(t);
		if (extra < 0 || (__u64)btf->types_len - pos - sizeof(*t) < (__u64)extra)
			return -EINVAL;
		if ((__u64)btf->start_id + btf->nr > BTF_MAX_TYPE)
			return -E2BIG;
		if (btf->nr == cap) {
			cap = cap ? cap * 2 : 1024;
			btf->offs = xrealloc(btf->offs, (size_t)cap * sizeof(*btf->offs));
		}
		btf->offs[btf->nr++] = pos;
		pos += (__u32)(sizeof(*t) + (size_t)extra);
	}
	return 0;
}

static bool name_ok(const struct btf *btf, __u32 off)
{
	return btf_str(btf, off) != NULL;
}

static bool id_ok(const struct btf *btf, __u32 id)
{
	return id < btf_type_cnt(btf);
}

static bool pow2_upto(__u32 v, __u32 max)
{
	return v && v <= max && !(v & (v - 1));
}

static int check_int(const struct btf_type *t)
{
	__u32 w = btf_int_word(t), enc = BTF_INT_ENCODING(w);
	__u32 end = BTF_INT_OFFSET(w) + BTF_INT_BITS(w);

	if (!pow2_upto(t->size, 16) || BTF_INT_BITS(w) > 128 || end > 128 ||
	    (end + 7) / 8 > t->size)
		return -EINVAL;
	if (enc && enc != BTF_INT_SIGNED && enc != BTF_INT_CHAR && enc != BTF_INT_BOOL)
		return -EINVAL;
	return 0;
}

static int check_members(const struct btf *btf, const struct btf_type *t)
{
	const struct btf_member *m = btf_members(t);
	unsigned int i;

	for (i = 0; i < btf_vlen(t); i++) {
		if (!name_ok(btf, m[i].name_off) || !id_ok(btf, m[i].type) ||
		    btf_member_bitfield_size(t, &m[i]) > 128)
			return -EINVAL;
	}
	return 0;
}

static int check_enum(const struct btf *btf, const struct btf_type *t)
{
	unsigned int i;

	if (!pow2_upto(t->size, 8))
		return -EINVAL;
	for (i = 0; i < btf_vlen(t); i++) {
		__u32 off = btf_kind(t) == BTF_KIND_ENUM ? btf_enums(t)[i].name_off
							 : btf_enum64s(t)[i].name_off;

		if (!name_ok(btf, off))
			return -EINVAL;
	}
	return 0;
}

static int check_proto(const struct btf *btf, const struct btf_type *t)
{
	const struct btf_param *p = btf_params(t);
	unsigned int i;

	if (!id_ok(btf, t->type))
		return -EINVAL;
	for (i = 0; i < btf_vlen(t); i++)
		if (!name_ok(btf, p[i].name_off) || !id_ok(btf, p[i].type))
			return -EINVAL;
	return 0;
}

static int check_datasec(const struct btf *btf, const struct btf_type *t)
{
	const struct btf_var_secinfo *v = btf_secinfos(t);
	unsigned int i;

	for (i = 0; i < btf_vlen(t); i++)
		if (!id_ok(btf, v[i].type) || (__u64)v[i].offset + v[i].size > t->size)
			return -EINVAL;
	return 0;
}

/* One record's own fields: names in the string section, ids in range, sane sizes. */
static int check_record(const struct btf *btf, const struct btf_type *t)
{
	if (!name_ok(btf, t->name_off))
		return -EINVAL;
	switch (btf_kind(t)) {
	case BTF_KIND_INT:
		return check_int(t);
	case BTF_KIND_ARRAY:
		return id_ok(btf, btf_array_of(t)->type) && id_ok(btf, btf_array_of(t)->index_type)
		       ? 0 : -EINVAL;
	case BTF_KIND_STRUCT:
	case BTF_KIND_UNION:
		return check_members(btf, t);
	case BTF_KIND_ENUM:
	case BTF_KIND_ENUM64:
		return check_enum(btf, t);
	case BTF_KIND_FUNC_PROTO:
		return check_proto(btf, t);
	case BTF_KIND_DATASEC:
		return check_datasec(btf, t);
	case BTF_KIND_FLOAT:
		return t->size == 2 || t->size == 4 || t->size == 8 || t->size == 12 ||
		       t->size == 16 ? 0 : -EINVAL;
	case BTF_KIND_DECL_TAG:
		if (*(const __s32 *)(t + 1) < -1)
			return -EINVAL;
		return id_ok(btf, t->type) ? 0 : -EINVAL;
	case BTF_KIND_FWD:
		return 0;
	default:	/* PTR, TYPEDEF, qualifiers, FUNC, VAR, TYPE_TAG: one type id */
		return id_ok(btf, t->type) ? 0 : -EINVAL;
	}
}

static int check_records(const struct btf *btf)
{
	__u32 i;
	int err;

	for (i = 0; i < btf->nr; i++) {
		err = check_record(btf, rec(btf, i));
		if (err)
			return err;
	}
	return 0;
}

/* libbpf's way to learn the target's pointer size from raw BTF: the size of its "long". */
static __u32 find_ptr_size(const struct btf *btf)
{
	static const char *const longs[] = {
		"long", "long int", "long signed", "long signed int", "signed long",
		"signed long int", "unsigned long", "long unsigned", "long unsigned int",
		"unsigned long int",
	};
	__u32 i;
	size_t k;

	for (i = 0; i < btf->nr; i++) {
		const struct btf_type *t = rec(btf, i);

		if (btf_kind(t) != BTF_KIND_INT || (t->size != 4 && t->size != 8))
			continue;
		for (k = 0; k < ARRAY_SIZE(longs); k++)
			if (!strcmp(btf_name(btf, t), longs[k]))
				return t->size;
	}
	/* BPF programs are 64-bit whatever the host */
	return btf->base ? btf->base->ptr_sz : 8;
}

/*
 * The i-th type a record's size depends on, or false when there is none left. Pointers,
 * FUNC and FUNC_PROTO carry no such dependency, so `struct list { struct list *next; }` is
 * fine, while `typedef t t` or `struct s { struct s x; }` are loops.
 */
static bool size_dep(const struct btf_type *t, __u32 i, __u32 *dep)
{
	switch (btf_kind(t)) {
	case BTF_KIND_TYPEDEF:
	case BTF_KIND_VOLATILE:
	case BTF_KIND_CONST:
	case BTF_KIND_RESTRICT:
	case BTF_KIND_TYPE_TAG:
	case BTF_KIND_VAR:
		*dep = t->type;
		return i == 0;
	case BTF_KIND_ARRAY:
		*dep = btf_array_of(t)->type;
		return i == 0;
	case BTF_KIND_STRUCT:
	case BTF_KIND_UNION:
		if (i >= btf_vlen(t))
			return false;
		*dep = btf_members(t)[i].type;
		return true;
	case BTF_KIND_DATASEC:
		if (i >= btf_vlen(t))
			return false;
		*dep = btf_secinfos(t)[i].type;
		return true;
	default:
		return false;
	}
}

/* The size of a record whose dependencies are resolved; RES_SIZED or RES_UNSIZED. */
static int finish_size(struct btf *btf, __u32 idx, __u32 *size)
{
	const struct btf_type *t = rec(btf, idx);
	__u32 dsize;

	switch (btf_kind(t)) {
	case BTF_KIND_INT:
	case BTF_KIND_ENUM:
	case BTF_KIND_ENUM64:
	case BTF_KIND_FLOAT:
	case BTF_KIND_STRUCT:
	case BTF_KIND_UNION:
	case BTF_KIND_DATASEC:
		*size = t->size;
		return RES_SIZED;
	case BTF_KIND_PTR:
		*size = btf->ptr_sz;
		return RES_SIZED;
	case BTF_KIND_TYPEDEF:
	case BTF_KIND_VOLATILE:
	case BTF_KIND_CONST:
	case BTF_KIND_RESTRICT:
	case BTF_KIND_TYPE_TAG:
	case BTF_KIND_VAR:
		if (btf_type_size(btf, t->type, size))
			return RES_UNSIZED;
		return RES_SIZED;
	case BTF_KIND_ARRAY:
		if (btf_type_size(btf, btf_array_of(t)->type, &dsize))
			return RES_UNSIZED;
		if ((__u64)dsize * btf_array_of(t)->nelems > 0xffffffffULL)
			return -EINVAL;		/* as the kernel: an array's size fits 32 bits */
		*size = dsize * btf_array_of(t)->nelems;
		return RES_SIZED;
	default:
		return RES_UNSIZED;
	}
}

struct frame {
	__u32 idx;	/* record index in this blob */
	__u32 next;	/* next dependency to look at */
};

/* Depth-first, with an explicit stack: a long chain cannot overflow the C stack. */
static int resolve_from(struct btf *btf, __u32 root, struct frame *stack)
{
	__u32 sp = 0;

	stack[sp++] = (struct frame){ .idx = root };
	btf->state[root] = RES_BUSY;
	while (sp) {
		struct frame *f = &stack[sp - 1];
		const struct btf_type *t = rec(btf, f->idx);
		__u32 dep, di;
		int r;

		if (size_dep(t, f->next++, &dep)) {
			if (dep < btf->start_id)
				continue;	/* void, or the base's: already resolved */
			di = dep - btf->start_id;
			if (btf->state[di] == RES_BUSY)
				return -ELOOP;
			if (btf->state[di] == RES_NEW) {
				btf->state[di] = RES_BUSY;
				stack[sp++] = (struct frame){ .idx = di };
			}
			continue;
		}
		r = finish_size(btf, f->idx, &btf->sizes[f->idx]);
		if (r < 0)
			return r;
		btf->state[f->idx] = (__u8)r;
		sp--;
	}
	return 0;
}

static int resolve_sizes(struct btf *btf)
{
	struct frame *stack;
	__u32 i;
	int err = 0;

	btf->sizes = xcalloc(btf->nr ? btf->nr : 1, sizeof(*btf->sizes));
	btf->state = xcalloc(btf->nr ? btf->nr : 1, sizeof(*btf->state));
	stack = xmalloc((btf->nr ? btf->nr : 1) * sizeof(*stack));
	for (i = 0; i < btf->nr && !err; i++)
		if (btf->state[i] == RES_NEW)
			err = resolve_from(btf, i, stack);
	free(stack);
	return err;
}

struct btf *btf_parse(const void *data, size_t size, const struct btf *base, int *err)
{
	struct btf *btf = xcalloc(1, sizeof(*btf));
	int e;

	btf->base = base;
	btf->start_id = base ? btf_type_cnt(base) : 1;
	btf->start_str = base ? base->start_str + base->str_len : 0;
	e = parse_header(btf, data, size);
	if (!e)
		e = check_strings(btf);
	if (!e)
		e = index_records(btf);
	if (!e)
		e = check_records(btf);
	if (!e) {
		btf->ptr_sz = find_ptr_size(btf);
		e = resolve_sizes(btf);
	}
	if (e) {
		btf_free(btf);
		*err = e;
		return NULL;
	}
	*err = 0;
	return btf;
}

/* ---- loading ---------------------------------------------------------------------------- */

/* The whole file: sysfs sizes are only a hint, so read to EOF. */
static int read_file(const char *path, unsigned char **buf, size_t *len)
{
	struct stat st;
	size_t cap, n = 0;
	int fd, err = 0;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	cap = fstat(fd, &st) == 0 && st.st_size > 0 ? (size_t)st.st_size + 1 : 65536;
	*buf = xmalloc(cap);
	for (;;) {
		ssize_t r;

		if (n == cap) {
			cap *= 2;
			*buf = xrealloc(*buf, cap);
		}
		r = read(fd, *buf + n, cap - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			err = -errno;
			break;
		}
		if (!r)
			break;
		n += (size_t)r;
	}
	close(fd);
	if (err) {
		free(*buf);
		*buf = NULL;
	}
	*len = n;
	return err;
}

struct btf *btf_load_file(const char *path, const struct btf *base, int *err)
{
	unsigned char *data = NULL;
	struct btf *btf;
	size_t len = 0;

	*err = read_file(path, &data, &len);
	if (*err)
		return NULL;
	btf = btf_parse(data, len, base, err);
	free(data);
	return btf;
}

int btf_vmlinux_id(__u32 *out)
{
	__u32 id = 0;
	int err;

	while (!(err = bpf_btf_get_next_id(id, &id))) {
		struct bpf_btf_info info;
		char name[16] = "";
		__u32 len = sizeof(info);
		int fd = bpf_btf_get_fd_by_id(id);

		if (fd < 0)
			continue;	/* gone meanwhile */
		memset(&info, 0, sizeof(info));
		info.name = ptr_to_u64(name);
		info.name_len = sizeof(name);
		err = bpf_obj_get_info_by_fd(fd, &info, &len);
		close(fd);
		if (!err && info.kernel_btf && !strcmp(name, "vmlinux")) {
			*out = id;
			return 0;
		}
	}
	return err;
}

/*
 * From sysfs, or when it is not mounted (an initramfs), the same blob through the kernel's
 * BTF object named "vmlinux".
 */
struct btf *btf_load_vmlinux(int *err)
{
	struct btf *btf = btf_load_file(VMLINUX_BTF_PATH, NULL, err);
	__u32 id;

	if (btf || *err != -ENOENT || btf_vmlinux_id(&id))
		return btf;
	return btf_load_by_id(id, err);
}

/*
 * The raw blob and name of a BTF object: ask with the buffer we have, and when the kernel
 * reports a larger btf_size, grow to it and ask again. With skip_vmlinux, the kernel's own
 * "vmlinux" object stops after the first answer (no data: the caller has that blob).
 */
static int btf_fd_data(int fd, unsigned char **data, __u32 *size, char *name, __u32 name_len,
		       bool *kernel_btf, bool skip_vmlinux)
{
	__u32 cap = 4096;
	int err;

	*data = xmalloc(cap);
	for (;;) {
		struct bpf_btf_info info;
		__u32 len = sizeof(info);

		memset(&info, 0, sizeof(info));
		info.btf = ptr_to_u64(*data);
		info.btf_size = cap;
		info.name = ptr_to_u64(name);
		info.name_len = name_len;
		err = bpf_obj_get_info_by_fd(fd, &info, &len);
		if (err)
			break;
		*kernel_btf = info.kernel_btf;
		if (skip_vmlinux && info.kernel_btf && !strcmp(name, "vmlinux")) {
			err = 0;
			*size = 0;
			break;
		}
		if (info.btf_size <= cap) {
			*size = info.btf_size;
			return 0;
		}
		cap = info.btf_size;
		*data = xrealloc(*data, cap);
	}
	free(*data);
	*data = NULL;
	return err;
}

/* *shared, loaded on first use. */
static struct btf *shared_vmlinux(struct btf **shared, int *err)
{
	*err = 0;
	if (!*shared)
		*shared = btf_load_vmlinux(err);
	return *shared;
}

/*
 * The kernel's BTF object with this id. A module's is split BTF over vmlinux's: its own copy
 * (owned_base), or with shared the one in *shared, which is also what the "vmlinux" object
 * itself comes back as.
 */
static struct btf *load_by_id(__u32 id, struct btf **shared, int *err)
{
	struct btf *btf = NULL, *vmlinux = NULL;
	unsigned char *data = NULL;
	char name[64] = "";
	bool kernel_btf = false;
	__u32 size = 0;
	int fd;

	fd = bpf_btf_get_fd_by_id(id);
	if (fd < 0) {
		*err = fd;
		return NULL;
	}
	*err = btf_fd_data(fd, &data, &size, name, sizeof(name), &kernel_btf, shared != NULL);
	close(fd);
	if (*err)
		return NULL;
	if (!data)
		return shared_vmlinux(shared, err);
	/*
	 * BTF loaded by BPF_BTF_LOAD always stands alone; the kernel's own objects other than
	 * vmlinux are modules' BTF, split over vmlinux's (bpftool's btf dump does the same).
	 */
	if (kernel_btf && strcmp(name, "vmlinux")) {
		vmlinux = shared ? shared_vmlinux(shared, err) : btf_load_vmlinux(err);
		if (!vmlinux)
			goto out;
	}
	btf = btf_parse(data, size, vmlinux, err);
	if (btf && !shared)
		btf->owned_base = vmlinux;
	else if (!shared)
		btf_free(vmlinux);
out:
	free(data);
	return btf;
}

struct btf *btf_load_by_id(__u32 id, int *err)
{
	return load_by_id(id, NULL, err);
}

__u32 btf_map_value_type(const struct bpf_map_info *info)
{
	return info->btf_vmlinux_value_type_id ? info->btf_vmlinux_value_type_id
					       : info->btf_value_type_id;
}

struct btf *btf_load_for_map(const struct bpf_map_info *info, int *err)
{
	*err = 0;
	/*
	 * upstream always takes vmlinux's BTF here; btf_vmlinux_id (Linux 6.9+, 0 before) names
	 * the object that holds the type, which is a module's for a struct_ops a module defines.
	 */
	if (info->btf_vmlinux_value_type_id && info->btf_vmlinux_id)
		return btf_load_by_id(info->btf_vmlinux_id, err);
	if (info->btf_vmlinux_value_type_id)
		return btf_load_vmlinux(err);
	if (info->btf_value_type_id)
		return btf_load_by_id(info->btf_id, err);
	return NULL;
}

struct btf *btf_load_for_map_shared(const struct bpf_map_info *info, struct btf **vmlinux,
				    int *err)
{
	struct btf *btf;

	*err = 0;
	if (info->btf_vmlinux_value_type_id && info->btf_vmlinux_id) {
		btf = load_by_id(info->btf_vmlinux_id, vmlinux, err);
		/* reading a BTF object by id takes CAP_SYS_ADMIN; upstream never needs it here */
		if (btf || *err != -EPERM)
			return btf;
	}
	if (info->btf_vmlinux_value_type_id)
		return shared_vmlinux(vmlinux, err);
	if (info->btf_value_type_id)
		return load_by_id(info->btf_id, vmlinux, err);
	return NULL;
}
