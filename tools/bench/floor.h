/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * The benchmark floors' shared minimum: one big output buffer written with few write(2) calls,
 * table-driven hex formatting (plain and JSON), and the map-entry layouts of reference §2.3/2.4.
 * Deliberately hand-written and minimal: the floors are what no implementation can beat.
 */
#ifndef BENCH_FLOOR_H
#define BENCH_FLOOR_H

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <linux/bpf.h>

#include "sys_bpf.h"

#ifndef OB_CAP
#define OB_CAP (256u << 10)	/* output buffer: few write(2) calls */
#endif

struct obuf {
	char *buf;
	size_t len;
	size_t cap;
};

struct fmt {
	__u32 ks, vs;		/* key and value size */
	__u32 ncpu;		/* 1, or the possible CPUs for per-CPU maps */
	__u32 vstride;		/* value bytes per element: vs, or round_up(vs, 8) * ncpu */
	bool percpu, brk, single;
	size_t bound;		/* most bytes one entry can take, plain or JSON */
};

/* "ab" and "\"0xab\"," (7 bytes used, 8 stored so one 8-byte copy writes it) per byte value */
static char hex2[256][2];
static char jhex[256][8];

static inline void floor_die(const char *what, int err)
{
	fprintf(stderr, "Error: %s: %s\n", what, strerror(err < 0 ? -err : err));
	exit(1);
}

static inline void hex_init(void)
{
	static const char d[] = "0123456789abcdef";
	int i;

	for (i = 0; i < 256; i++) {
		hex2[i][0] = d[i >> 4];
		hex2[i][1] = d[i & 15];
		memcpy(jhex[i], "\"0x", 3);
		jhex[i][3] = d[i >> 4];
		jhex[i][4] = d[i & 15];
		jhex[i][5] = '"';
		jhex[i][6] = ',';
	}
}

static inline void ob_init(struct obuf *b, size_t cap)
{
	b->cap = cap;
	b->len = 0;
	b->buf = malloc(cap);
	if (!b->buf)
		floor_die("malloc", ENOMEM);
}

static inline void ob_flush(struct obuf *b)
{
	size_t off = 0;
	ssize_t n;

	while (off < b->len) {
		n = write(1, b->buf + off, b->len - off);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			floor_die("write", n < 0 ? errno : EIO);
		off += (size_t)n;
	}
	b->len = 0;
}

/* Where the next need bytes go; flushes first if they do not fit. */
static inline char *ob_room(struct obuf *b, size_t need)
{
	if (b->cap - b->len < need)
		ob_flush(b);
	return b->buf + b->len;
}

static inline void ob_done(struct obuf *b, char *end)
{
	b->len = (size_t)(end - b->buf);
}

static inline char *put(char *o, const char *s, size_t n)
{
	memcpy(o, s, n);
	return o + n;
}

#define PUTS(o, lit) put((o), (lit), sizeof(lit) - 1)

static inline char *put_u64(char *o, unsigned long long v)
{
	char t[20];
	int n = 0;

	do
		t[n++] = (char)('0' + v % 10);
	while (v /= 10);
	while (n)
		*o++ = t[--n];
	return o;
}

/* fprint_hex: %02x, newline before byte i if i % 16 == 0, two spaces if i % 8 == 0 */
static inline char *put_hex(char *o, const unsigned char *d, __u32 n)
{
	__u32 i;

	for (i = 0; i < n; i++) {
		if (i) {
			if (!(i & 15)) {
				*o++ = '\n';
			} else if (!(i & 7)) {
				o[0] = ' ';
				o[1] = ' ';
				o += 2;
			} else {
				*o++ = ' ';
			}
		}
		memcpy(o, hex2[d[i]], 2);
		o += 2;
	}
	return o;
}

/* "0x01","0x02" (needs one byte of slack past the end) */
static inline char *put_jhex(char *o, const unsigned char *d, __u32 n)
{
	__u32 i;

	for (i = 0; i < n; i++) {
		memcpy(o, jhex[d[i]], 8);
		o += 7;
	}
	return n ? o - 1 : o;
}

static inline bool type_is_percpu(__u32 t)
{
	return t == BPF_MAP_TYPE_PERCPU_HASH || t == BPF_MAP_TYPE_PERCPU_ARRAY ||
	       t == BPF_MAP_TYPE_LRU_PERCPU_HASH || t == BPF_MAP_TYPE_PERCPU_CGROUP_STORAGE;
}

/* libbpf_num_possible_cpus(): highest CPU in /sys/devices/system/cpu/possible, plus one */
static inline __u32 possible_cpus(void)
{
	char buf[256], *p;
	ssize_t n;
	unsigned long hi = 0;
	int fd = open("/sys/devices/system/cpu/possible", O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		floor_die("open /sys/devices/system/cpu/possible", errno);
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		floor_die("read /sys/devices/system/cpu/possible", EIO);
	buf[n] = 0;
	for (p = buf; *p;) {
		if (*p >= '0' && *p <= '9') {
			unsigned long v = strtoul(p, &p, 10);

			if (v > hi)
				hi = v;
		} else {
			p++;
		}
	}
	return (__u32)hi + 1;
}

static inline void fmt_init(struct fmt *f, const struct bpf_map_info *info)
{
	f->ks = info->key_size;
	f->vs = info->value_size;
	f->percpu = type_is_percpu(info->type);
	f->ncpu = f->percpu ? possible_cpus() : 1;
	f->vstride = f->percpu ? ((f->vs + 7) & ~7u) * f->ncpu : f->vs;
	f->brk = f->ks > 16 || f->vs > 16;
	f->single = f->ks + f->vs <= 24 && !f->brk;
	f->bound = 64 + 7 * (size_t)f->ks + (size_t)f->ncpu * (48 + 7 * (size_t)f->vs);
}

/* One entry, plain (reference §2.3) */
static inline char *fmt_plain(const struct fmt *f, char *o, const unsigned char *k,
			      const unsigned char *v)
{
	__u32 c, step;

	if (f->percpu) {
		step = (f->vs + 7) & ~7u;
		if (f->ks) {
			o = PUTS(o, "key:\n");
			o = put_hex(o, k, f->ks);
			*o++ = '\n';
		}
		for (c = 0; c < f->ncpu; c++, v += step) {
			o = PUTS(o, "value (CPU ");
			if (c < 10)
				*o++ = '0';
			o = put_u64(o, c);
			o = PUTS(o, "):");
			*o++ = f->vs > 16 ? '\n' : ' ';
			o = put_hex(o, v, f->vs);
			*o++ = '\n';
		}
		return o;
	}
	if (f->ks) {
		o = PUTS(o, "key:");
		*o++ = f->brk ? '\n' : ' ';
		o = put_hex(o, k, f->ks);
		if (f->single) {
			o[0] = ' ';
			o[1] = ' ';
			o += 2;
		} else {
			*o++ = '\n';
		}
	}
	if (f->vs) {
		o = PUTS(o, "value:");
		*o++ = f->brk ? '\n' : ' ';
		o = put_hex(o, v, f->vs);
	}
	*o++ = '\n';
	return o;
}

/* One entry, compact JSON (reference §2.4) */
static inline char *fmt_json(const struct fmt *f, char *o, const unsigned char *k,
			     const unsigned char *v)
{
	__u32 c, step;

	o = PUTS(o, "{\"key\":[");
	o = put_jhex(o, k, f->ks);
	if (!f->percpu) {
		o = PUTS(o, "],\"value\":[");
		o = put_jhex(o, v, f->vs);
		return PUTS(o, "]}");
	}
	o = PUTS(o, "],\"values\":[");
	step = (f->vs + 7) & ~7u;
	for (c = 0; c < f->ncpu; c++, v += step) {
		if (c)
			*o++ = ',';
		o = PUTS(o, "{\"cpu\":");
		o = put_u64(o, c);
		o = PUTS(o, ",\"value\":[");
		o = put_jhex(o, v, f->vs);
		o = PUTS(o, "]}");
	}
	return PUTS(o, "]}");
}

/* "pinned PATH" or "id N" (as bpftool's MAP), moving *argv past it; returns the fd */
static inline int floor_open(char ***argv)
{
	char **a = *argv;
	int fd;

	if (a[0] && a[1] && !strcmp(a[0], "pinned"))
		fd = bpf_obj_get(a[1], 0);
	else if (a[0] && a[1] && !strcmp(a[0], "id"))
		fd = bpf_map_get_fd_by_id((__u32)strtoul(a[1], NULL, 0), 0);
	else
		floor_die("expected: pinned PATH | id N", EINVAL);
	if (fd < 0)
		floor_die(a[1], fd);
	*argv = a + 2;
	return fd;
}

static inline void floor_info(int fd, struct bpf_map_info *info)
{
	__u32 len = sizeof(*info);
	int r;

	memset(info, 0, sizeof(*info));
	r = bpf_obj_get_info_by_fd(fd, info, &len);
	if (r)
		floor_die("BPF_OBJ_GET_INFO_BY_FD", r);
}

#endif
