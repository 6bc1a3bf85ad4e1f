// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * BTF from the kernel: our blobs loaded with BPF_BTF_LOAD and read back through maps' btf_id,
 * vmlinux (fast, fully parsed), module and hand-made split BTF over it, struct_ops maps, and
 * the gold maps' entries read from the kernel and formatted exactly as upstream printed them.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#include "btf.h"
#include "btf_dump.h"
#include "btfmaps.h"
#include "sys_bpf.h"
#include "tlib.h"
#include "util.h"

static struct gold_maps gm;

static void fini(void)
{
	gold_maps_close(&gm);
	t_dir_cleanup();
}

static void gold_setup(const char *tag)
{
	const char *dir = t_dir(tag);
	int err = gold_maps_create(&gm, dir);

	cr_assert_eq(err, 0, "gold maps: %s", strerror(-err));
}

static struct bpf_map_info info_of(int fd)
{
	struct bpf_map_info info;
	__u32 len = sizeof(info);

	memset(&info, 0, sizeof(info));
	cr_assert_eq(bpf_obj_get_info_by_fd(fd, &info, &len), 0);
	return info;
}

static struct btf *local_gold(void)
{
	struct gold_ids ids;
	struct btfb b;
	struct btf *btf;
	size_t n;
	void *blob;
	int err;

	gold_btf(&b, &ids);
	blob = btfb_blob(&b, &n);
	btfb_free(&b);
	btf = btf_parse(blob, n, NULL, &err);
	free(blob);
	cr_assert(btf);
	return btf;
}

/* Every type the same: kind, name, size or type, resolved size. */
static void expect_same_types(const struct btf *a, const struct btf *b)
{
	__u32 id;

	cr_assert_eq(btf_type_cnt(a), btf_type_cnt(b));
	for (id = 1; id < btf_type_cnt(a); id++) {
		const struct btf_type *ta = btf_type_by_id(a, id), *tb = btf_type_by_id(b, id);
		__u32 sa = 0, sb = 0;

		cr_expect_eq(ta->info, tb->info, "type %u", id);
		cr_expect_eq(ta->size, tb->size, "type %u", id);
		cr_expect_str_eq(btf_name(a, ta), btf_name(b, tb), "type %u", id);
		cr_expect_eq(btf_type_size(a, id, &sa), btf_type_size(b, id, &sb), "type %u", id);
		cr_expect_eq(sa, sb, "type %u", id);
	}
}

Test(btf_load, maps_btf_id_round_trip, .fini = fini)
{
	struct btf *local, *kern;
	int i, err;

	gold_setup("btfid");
	local = local_gold();
	for (i = 0; i < GOLD_NR; i++) {
		struct bpf_map_info info = info_of(gm.fd[i]);

		cr_assert_neq(info.btf_id, 0, "%s has no btf_id", gold_map_names[i]);
		cr_expect_eq(info.btf_id, gm.btf_id);
		cr_expect_neq(info.btf_value_type_id, 0);
		cr_expect_eq(btf_map_value_type(&info), info.btf_value_type_id);
		kern = btf_load_for_map(&info, &err);
		cr_assert(kern, "%s: %s", gold_map_names[i], strerror(-err));
		cr_expect_null(btf_base(kern));
		expect_same_types(local, kern);
		btf_free(kern);
	}
	cr_expect_eq(info_of(gm.fd[GOLD_DATA]).btf_key_type_id, 0);
	cr_expect_eq(info_of(gm.fd[GOLD_H]).btf_value_type_id, gm.ids.gval);
	btf_free(local);
}

/* A blob larger than the first read's buffer makes the loader grow it and ask again. */
Test(btf_load, large_blob_by_id, .fini = fini)
{
	struct btfb b;
	struct btf *local, *kern;
	struct bpf_btf_info bi;
	__u32 id, len = sizeof(bi), i;
	size_t n;
	void *blob;
	int fd, err;
	char name[32];

	t_require_bpf();
	btfb_init(&b);
	id = btfb_int(&b, "int", 4, BTF_INT_SIGNED, 32, 0);
	for (i = 0; i < 3000; i++) {
		snprintf(name, sizeof(name), "t%u", i);
		id = btfb_typedef(&b, name, id);
	}
	blob = btfb_blob(&b, &n);
	btfb_free(&b);
	cr_assert_gt(n, 40000);
	fd = bpf_btf_load(blob, (__u32)n, NULL, 0);
	cr_assert_geq(fd, 0, "BTF_LOAD: %s", strerror(-fd));
	memset(&bi, 0, sizeof(bi));
	cr_assert_eq(bpf_obj_get_info_by_fd(fd, &bi, &len), 0);
	cr_expect_eq(bi.btf_size, n);
	cr_expect_eq(bi.kernel_btf, 0);
	kern = btf_load_by_id(bi.id, &err);
	cr_assert(kern, "load: %s", strerror(-err));
	local = btf_parse(blob, n, NULL, &err);
	cr_assert(local);
	expect_same_types(local, kern);
	btf_free(local);
	btf_free(kern);
	free(blob);
	close(fd);
}

Test(btf_load, errors_and_maps_without_btf, .fini = fini)
{
	struct map_create_opts o = {
		.map_type = BPF_MAP_TYPE_ARRAY, .key_size = 4, .value_size = 4, .max_entries = 1,
		.name = "btf_none",
	};
	struct bpf_map_info info;
	int fd, err = 1;

	t_require_bpf();
	cr_expect_null(btf_load_by_id(0x7ffffff0, &err));
	cr_expect_eq(err, -ENOENT);
	fd = bpf_map_create(&o);
	cr_assert_geq(fd, 0);
	info = info_of(fd);
	cr_expect_null(btf_load_for_map(&info, &err));
	cr_expect_eq(err, 0);
	close(fd);
	cr_expect_null(btf_load_file("/nonexistent/btf", NULL, &err));
	cr_expect_eq(err, -ENOENT);
}

static double now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static struct btf *vmlinux_or_skip(void)
{
	struct btf *v;
	int err;

	if (access("/sys/kernel/btf/vmlinux", R_OK))
		t_skip_or_fail("no /sys/kernel/btf/vmlinux: %s", strerror(errno));
	v = btf_load_vmlinux(&err);
	cr_assert(v, "vmlinux: %s", strerror(-err));
	return v;
}

/* All of vmlinux, under 100 ms (a few ms here), then O(1) lookups of every id. */
Test(btf_load, vmlinux_fast_and_complete)
{
	struct btf *v;
	FILE *f;
	unsigned char *buf;
	size_t n = 0, cap = 1 << 20, r;
	double t0, ms;
	__u32 id, size, cnt, structs = 0;
	int err, ts;

	f = fopen("/sys/kernel/btf/vmlinux", "rb");
	if (!f)
		t_skip_or_fail("no /sys/kernel/btf/vmlinux: %s", strerror(errno));
	buf = malloc(cap);
	while ((r = fread(buf + n, 1, cap - n, f)) > 0) {
		n += r;
		if (n == cap)
			buf = realloc(buf, cap *= 2);
	}
	fclose(f);
	t0 = now_ms();
	v = btf_parse(buf, n, NULL, &err);
	ms = now_ms() - t0;
	free(buf);
	cr_assert(v, "vmlinux: %s", strerror(-err));
	cr_expect_lt(ms, 100.0, "parsing vmlinux took %.1f ms", ms);
	cnt = btf_type_cnt(v);
	cr_expect_gt(cnt, 10000);
	t0 = now_ms();
	for (id = 1; id < cnt; id++) {
		const struct btf_type *t = btf_type_by_id(v, id);

		cr_assert(t);
		if (btf_kind(t) == BTF_KIND_STRUCT) {
			structs++;
			cr_assert_eq(btf_type_size(v, id, &size), 0, "struct %u", id);
			cr_assert_eq(size, t->size);
		}
	}
	ms = now_ms() - t0;
	cr_expect_lt(ms, 100.0, "looking up %u ids took %.1f ms", cnt, ms);
	cr_expect_gt(structs, 1000);
	ts = btf_find_by_name_kind(v, "task_struct", BTF_KIND_STRUCT);
	cr_assert_gt(ts, 0);
	cr_expect(!btf_type_size(v, (__u32)ts, &size) && size > 1000);
	ts = btf_find_by_name_kind(v, "int", BTF_KIND_INT);
	cr_expect(ts > 0 && !btf_type_size(v, (__u32)ts, &size) && size == 4);
	cr_expect_eq(btf_ptr_size(v), sizeof(long));
	btf_free(v);
}

/* The kernel's own BTF objects: vmlinux by id matches sysfs; each module's is split. */
Test(btf_load, kernel_objects_by_id)
{
	struct btf *v = vmlinux_or_skip();
	__u32 id = 0;
	int seen_vmlinux = 0, modules = 0;

	while (!bpf_btf_get_next_id(id, &id)) {
		struct bpf_btf_info bi;
		char name[64] = "";
		__u32 len = sizeof(bi);
		struct btf *k;
		int fd, err;

		fd = bpf_btf_get_fd_by_id(id);
		if (fd < 0)
			continue;	/* freed meanwhile */
		memset(&bi, 0, sizeof(bi));
		bi.name = (__u64)(unsigned long)name;
		bi.name_len = sizeof(name);
		err = bpf_obj_get_info_by_fd(fd, &bi, &len);
		close(fd);
		if (err || !bi.kernel_btf)
			continue;
		k = btf_load_by_id(id, &err);
		cr_assert(k, "BTF %u (%s): %s", id, name, strerror(-err));
		if (!strcmp(name, "vmlinux")) {
			seen_vmlinux++;
			cr_expect_null(btf_base(k));
			cr_expect_eq(btf_type_cnt(k), btf_type_cnt(v));
		} else {
			modules++;
			cr_expect_not_null(btf_base(k), "%s is not split", name);
			cr_expect_eq(btf_start_id(k), btf_type_cnt(v));
		}
		btf_free(k);
	}
	cr_expect_eq(seen_vmlinux, 1);
	{
		__u32 vid = 0;
		struct btf *k;
		int err;

		cr_assert_eq(btf_vmlinux_id(&vid), 0);
		k = btf_load_by_id(vid, &err);
		cr_assert(k, "vmlinux by id %u: %s", vid, strerror(-err));
		expect_same_types(v, k);
		btf_free(k);
	}
	cr_log_info("kernel BTF objects: vmlinux and %d modules", modules);
	btf_free(v);
}

/* Does any member of this split's own types refer to a type in the base? */
static int base_refs(const struct btf *split)
{
	__u32 id;
	int n = 0;

	for (id = btf_start_id(split); id < btf_type_cnt(split); id++) {
		const struct btf_type *t = btf_type_by_id(split, id);
		unsigned int i;

		if (btf_kind(t) != BTF_KIND_STRUCT)
			continue;
		for (i = 0; i < btf_vlen(t); i++) {
			__u32 mt = btf_members(t)[i].type, size;

			if (mt && mt < btf_start_id(split)) {
				cr_assert_eq(btf_type_size(split, mt, &size) == 0,
					     btf_type_size(btf_base(split), mt, &size) == 0);
				n++;
			}
		}
	}
	return n;
}

/*
 * Split BTF over the real vmlinux: every module file in /sys/kernel/btf (none on some
 * kernels), and always one made here that uses vmlinux's ids and strings.
 */
Test(btf_load, split_over_vmlinux)
{
	struct btf *v = vmlinux_or_skip(), *split;
	struct btfb s;
	DIR *d;
	struct dirent *de;
	int in, lh, err;
	__u32 st, size, x_name, start_str;
	unsigned char val[24] = { 0 };
	size_t n;
	void *blob;
	struct sink out;
	struct json j;

	d = opendir("/sys/kernel/btf");
	cr_assert(d);
	while ((de = readdir(d))) {
		char path[300];

		if (de->d_name[0] == '.' || !strcmp(de->d_name, "vmlinux"))
			continue;
		snprintf(path, sizeof(path), "/sys/kernel/btf/%s", de->d_name);
		split = btf_load_file(path, v, &err);
		cr_assert(split, "%s: %s", path, strerror(-err));
		cr_expect_eq(btf_start_id(split), btf_type_cnt(v));
		base_refs(split);
		btf_free(split);
	}
	closedir(d);

	in = btf_find_by_name_kind(v, "int", BTF_KIND_INT);
	lh = btf_find_by_name_kind(v, "list_head", BTF_KIND_STRUCT);
	cr_assert(in > 0 && lh > 0);
	x_name = btf_type_by_id(v, (__u32)in)->name_off;	/* "int", from vmlinux's strings */
	/* the split's strings start where vmlinux's end */
	start_str = 0;
	{
		const char *s0 = btf_str(v, 0);
		__u32 lo = 0, hi = 0x7fffffff;

		cr_assert(s0);
		/* vmlinux's string length: the first offset out of range */
		while (lo < hi) {
			__u32 mid = lo + (hi - lo) / 2;

			if (btf_str(v, mid))
				lo = mid + 1;
			else
				hi = mid;
		}
		start_str = lo;
	}
	btfb_init_split(&s, btf_type_cnt(v), start_str);
	st = btfb_struct(&s, "my_mod_s", 24);
	btfb_member(&s, "x", (__u32)in, 0, 0);
	btfb_member(&s, "l", (__u32)lh, 64, 0);
	btfb_member(&s, NULL, (__u32)in, 32, 0);
	((struct btf_member *)(s.types + s.tlen) - 1)->name_off = x_name;
	blob = btfb_blob(&s, &n);
	btfb_free(&s);
	split = btf_parse(blob, n, v, &err);
	free(blob);
	cr_assert(split, "split: %s", strerror(-err));
	cr_expect_eq(base_refs(split), 3);
	cr_expect(!btf_type_size(split, st, &size) && size == 24);
	cr_expect_str_eq(btf_name(split, btf_type_by_id(split, (__u32)lh)), "list_head");
	val[0] = 7;
	sink_init_mem(&out);
	json_init(&j, &out, false);
	cr_expect_eq(btf_dump_value(&j, split, st, val, sizeof(val), true), 0);
	*sink_reserve(&out, 1) = 0;
	cr_expect_str_eq(out.buf,
			 "{\"x\":7,\"l\":{\"next\":\"(nil)\",\"prev\":\"(nil)\"},\"int\":0}");
	sink_free(&out);
	btf_free(split);
	btf_free(v);
}

/* ---- the gold maps' entries, read from the kernel, as upstream printed them -------------- */

struct entries {
	struct gold_entry e[8];
	unsigned char *buf;
	int n;
};

static void read_entries(int fd, const struct bpf_map_info *info, unsigned int ncpus,
			 struct entries *out)
{
	size_t vsz = ncpus ? (size_t)ncpus * round_up(info->value_size, 8) : info->value_size;
	size_t esz = info->key_size + vsz;
	unsigned char *prev = NULL;
	int i = 0;

	out->buf = calloc(8, esz);
	while (i < 8) {
		unsigned char *k = out->buf + i * esz, *v = k + info->key_size;

		if (bpf_map_get_next_key(fd, prev, k))
			break;
		cr_assert_eq(bpf_map_lookup_elem(fd, k, v, 0), 0);
		out->e[i] = (struct gold_entry){ k, v };
		prev = k;
		i++;
	}
	out->n = i;
}

static void expect_kernel_doc(enum gold_map which, const char *dir, const char *file,
			      unsigned int ncpus, bool exact)
{
	static const char *const ext[] = { "plain", "json", "pretty" };
	struct bpf_map_info info = info_of(gm.fd[which]);
	struct entries ents;
	struct btf *btf;
	int mode, err;

	btf = btf_load_for_map(&info, &err);
	cr_assert(btf, "%s: %s", file, strerror(-err));
	read_entries(gm.fd[which], &info, ncpus, &ents);
	for (mode = GOLD_PLAIN; mode <= GOLD_PRETTY; mode++) {
		char name[128], *want, *got;
		size_t where = 0;

		got = gold_doc(btf, &info, ents.e, ents.n, ncpus, mode, false);
		if (mode != GOLD_PLAIN)
			cr_expect(t_json_valid(got, strlen(got), &where), "%s at %zu", file,
				  where);
		snprintf(name, sizeof(name), "%s/%s.%s", dir, file, ext[mode]);
		want = gold_file(name);
		cr_assert(want, "missing test/golden/btf/%s", name);
		if (exact)
			cr_expect_str_eq(got, want, "%s differs:\n%s", name, got);
		free(want);
		free(got);
	}
	free(ents.buf);
	btf_free(btf);
}

Test(btf_load, kernel_entries_as_upstream, .fini = fini)
{
	gold_setup("btfdoc");
	expect_kernel_doc(GOLD_H, "newest", "dump_gold_h", 0, true);
	expect_kernel_doc(GOLD_DATA, "newest", "dump_gold_data", 0, true);
	expect_kernel_doc(GOLD_FL, "ours", "dump_gold_fl", 0, true);
	/* the per-CPU captures were made with 2 possible CPUs */
	expect_kernel_doc(GOLD_PCA, "newest", "dump_gold_pca", (unsigned int)gm.ncpus,
			  gm.ncpus == 2);
	expect_kernel_doc(GOLD_PCH, "newest", "dump_gold_pch", (unsigned int)gm.ncpus,
			  gm.ncpus == 2);
}

/* struct_ops: the value's type is the kernel's; its layout is the kernel's, too. */
Test(btf_load, struct_ops_value, .fini = fini)
{
	struct bpf_map_info info;
	struct utsname u;
	char *release;
	bool exact;
	int fd, btf_fd;

	t_dir("btfso");
	fd = gold_struct_ops_create(NULL, &btf_fd);
	if (fd == -ENOENT || fd == -EOPNOTSUPP)
		t_skip_or_fail("no tcp_congestion_ops struct_ops here: %s", strerror(-fd));
	cr_assert_geq(fd, 0, "struct_ops map: %s", strerror(-fd));
	info = info_of(fd);
	cr_expect_neq(info.btf_vmlinux_value_type_id, 0);
	cr_expect_eq(info.btf_key_type_id, 0);
	gm.fd[GOLD_H] = fd;	/* closed by fini */
	gm.btf_fd = btf_fd;
	for (int i = 1; i < GOLD_NR; i++)
		gm.fd[i] = -1;
	release = gold_file("newest/kernel.txt");
	cr_assert(release);
	uname(&u);
	exact = !strncmp(release, u.release, strlen(u.release)) &&
		release[strlen(u.release)] == '\n';
	free(release);
	expect_kernel_doc(GOLD_H, "newest", "dump_gold_so", 0, exact);
}
