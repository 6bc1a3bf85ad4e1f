// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Benchmark floor for `bpftool map show`: per map BPF_MAP_GET_NEXT_ID, GET_FD_BY_ID,
 * GET_INFO_BY_FD, one read of /proc/self/fdinfo/FD, format, close. usage: floor-show [-j]
 * (Offloaded maps are not rendered: there are none on a benchmark host.)
 */
#include "floor.h"
#include "names.h"

struct extra {			/* fdinfo values, as text ("" when the line is absent) */
	char memlock[24], frozen[24], owner_type[24], owner_jited[24];
};

/* fdinfo lines look like "memlock:\t2320\n"; copies the text after the tab */
static void fdinfo_get(const char *buf, const char *key, char *dst, size_t room)
{
	size_t kl = strlen(key), n = 0;
	const char *p = buf;

	dst[0] = 0;
	while (*p) {
		if (!strncmp(p, key, kl) && p[kl] == ':' && p[kl + 1] == '\t') {
			p += kl + 2;
			while (p[n] && p[n] != '\n' && n + 1 < room)
				n++;
			memcpy(dst, p, n);
			dst[n] = 0;
			return;
		}
		p = strchr(p, '\n');
		if (!p)
			return;
		p++;
	}
}

static void fdinfo_read(int fd, struct extra *x)
{
	char path[40], buf[2048], *p = PUTS(path, "/proc/self/fdinfo/");
	ssize_t n;
	int f;

	p = put_u64(p, (unsigned int)fd);
	*p = 0;
	f = open(path, O_RDONLY | O_CLOEXEC);
	n = f < 0 ? -1 : read(f, buf, sizeof(buf) - 1);
	if (f >= 0)
		close(f);
	buf[n > 0 ? n : 0] = 0;
	fdinfo_get(buf, "memlock", x->memlock, sizeof(x->memlock));
	fdinfo_get(buf, "frozen", x->frozen, sizeof(x->frozen));
	fdinfo_get(buf, "owner_prog_type", x->owner_type, sizeof(x->owner_type));
	fdinfo_get(buf, "owner_jited", x->owner_jited, sizeof(x->owner_jited));
}

static char *put_str(char *o, const char *s)
{
	return put(o, s, strlen(s));
}

static char *put_xhex(char *o, __u32 v)
{
	static const char d[] = "0123456789abcdef";
	int sh = 28;

	while (sh > 0 && !(v >> sh))
		sh -= 4;
	for (; sh >= 0; sh -= 4)
		*o++ = d[(v >> sh) & 15];
	return o;
}

static char *put_type(char *o, const char *(*name)(uint32_t), __u32 type, bool json)
{
	const char *t = name(type);

	if (!t)
		return put_u64(json ? o : PUTS(o, "type "), type);
	if (json)
		*o++ = '"';
	o = put_str(o, t);
	if (json)
		*o++ = '"';
	return o;
}

/* reference §2.2, plain */
static char *show_plain(char *o, const struct bpf_map_info *i, const struct extra *x)
{
	bool frozen = atoi(x->frozen) != 0;

	o = put_u64(o, i->id);
	o = PUTS(o, ": ");
	o = put_type(o, map_type_name, i->type, false);
	o = PUTS(o, "  ");
	if (i->name[0]) {
		o = PUTS(o, "name ");
		o = put(o, i->name, strnlen(i->name, sizeof(i->name)));
		o = PUTS(o, "  ");
	}
	o = PUTS(o, "flags 0x");
	o = put_xhex(o, i->map_flags);
	o = PUTS(o, "\n\tkey ");
	o = put_u64(o, i->key_size);
	o = PUTS(o, "B  value ");
	o = put_u64(o, i->value_size);
	o = PUTS(o, "B  max_entries ");
	o = put_u64(o, i->max_entries);
	if (x->memlock[0]) {
		o = PUTS(o, "  memlock ");
		o = put_str(o, x->memlock);
		*o++ = 'B';
	}
	if (i->type == BPF_MAP_TYPE_PROG_ARRAY && (x->owner_type[0] || x->owner_jited[0])) {
		o = PUTS(o, "\n\t");
		if (x->owner_type[0]) {
			o = PUTS(o, "owner_prog_type ");
			o = put_type(o, prog_type_name, (__u32)atoi(x->owner_type), false);
			o = PUTS(o, "  ");
		}
		if (x->owner_jited[0] && atoi(x->owner_jited))
			o = PUTS(o, "owner jited");
		else if (x->owner_jited[0])
			o = PUTS(o, "owner not jited");
	}
	if (i->btf_id || frozen) {
		o = PUTS(o, "\n\t");
		if (i->btf_id) {
			o = PUTS(o, "btf_id ");
			o = put_u64(o, i->btf_id);
		}
		if (frozen)
			o = i->btf_id ? PUTS(o, "  frozen") : PUTS(o, "frozen");
	}
	*o++ = '\n';
	return o;
}

/* reference §2.2, JSON; kernel map names are [A-Za-z0-9_.] only, so nothing needs escaping */
static char *show_json(char *o, const struct bpf_map_info *i, const struct extra *x)
{
	o = PUTS(o, "{\"id\":");
	o = put_u64(o, i->id);
	o = PUTS(o, ",\"type\":");
	o = put_type(o, map_type_name, i->type, true);
	if (i->name[0]) {
		o = PUTS(o, ",\"name\":\"");
		o = put(o, i->name, strnlen(i->name, sizeof(i->name)));
		*o++ = '"';
	}
	o = PUTS(o, ",\"flags\":");
	o = put_u64(o, i->map_flags);
	o = PUTS(o, ",\"bytes_key\":");
	o = put_u64(o, i->key_size);
	o = PUTS(o, ",\"bytes_value\":");
	o = put_u64(o, i->value_size);
	o = PUTS(o, ",\"max_entries\":");
	o = put_u64(o, i->max_entries);
	if (x->memlock[0]) {
		o = PUTS(o, ",\"bytes_memlock\":");
		o = put_str(o, x->memlock);
	}
	if (i->type == BPF_MAP_TYPE_PROG_ARRAY && x->owner_type[0]) {
		o = PUTS(o, ",\"owner_prog_type\":");
		o = put_type(o, prog_type_name, (__u32)atoi(x->owner_type), true);
	}
	if (i->type == BPF_MAP_TYPE_PROG_ARRAY && x->owner_jited[0])
		o = atoi(x->owner_jited) ? PUTS(o, ",\"owner_jited\":true") :
					   PUTS(o, ",\"owner_jited\":false");
	o = PUTS(o, ",\"frozen\":");
	o = put_u64(o, (unsigned int)atoi(x->frozen));
	if (i->btf_id) {
		o = PUTS(o, ",\"btf_id\":");
		o = put_u64(o, i->btf_id);
	}
	*o++ = '}';
	return o;
}

int main(int argc, char **argv)
{
	struct bpf_map_info info;
	struct extra x;
	struct obuf ob;
	bool json = argc > 1 && !strcmp(argv[1], "-j");
	__u32 id = 0, n = 0;
	char *o;
	int fd, r;

	ob_init(&ob, OB_CAP);
	if (json)
		ob.buf[ob.len++] = '[';
	while (!(r = bpf_map_get_next_id(id, &id))) {
		fd = bpf_map_get_fd_by_id(id, 0);
		if (fd == -ENOENT)	/* gone since get_next_id */
			continue;
		if (fd < 0)
			floor_die("BPF_MAP_GET_FD_BY_ID", fd);
		floor_info(fd, &info);
		fdinfo_read(fd, &x);
		close(fd);
		o = ob_room(&ob, 512);
		if (json) {
			if (n)
				*o++ = ',';
			o = show_json(o, &info, &x);
		} else {
			o = show_plain(o, &info, &x);
		}
		ob_done(&ob, o);
		n++;
	}
	if (r != -ENOENT)
		floor_die("BPF_MAP_GET_NEXT_ID", r);
	if (json) {
		o = ob_room(&ob, 2);
		ob_done(&ob, PUTS(o, "]\n"));
	}
	ob_flush(&ob);
	return 0;
}
