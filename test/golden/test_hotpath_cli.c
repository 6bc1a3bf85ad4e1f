// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The one-key paths' shortcuts, through the built binary: keys and values in struct kv's
 * own buffer or on the heap (either side of its 256 bytes), and pinned objects told apart
 * without /proc for maps (a program still gets upstream's "incorrect object type").
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tdata.h"

static void fini(void)
{
	t_dir_cleanup();
}

/* upstream's fprint_hex, byte by byte, into s (big enough); returns the end */
static char *ref_hex(char *s, const __u8 *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (i)
			s += sprintf(s, "%s", i % 16 == 0 ? "\n" : i % 8 == 0 ? "  " : " ");
		s += sprintf(s, "%02x", b[i]);
	}
	return s;
}

static char *ref_jhex(char *s, const __u8 *b, size_t n)
{
	size_t i;

	*s++ = '[';
	for (i = 0; i < n; i++)
		s += sprintf(s, "%s\"0x%02x\"", i ? "," : "", b[i]);
	*s++ = ']';
	*s = 0;
	return s;
}

static void pattern(__u8 *b, size_t n, unsigned int seed)
{
	size_t i;

	for (i = 0; i < n; i++)
		b[i] = (__u8)(i * 7 + seed);
}

/* `map update ... value <n bytes>` through the CLI, in a batch file (a line takes them all). */
static void cli_update(const char *path, const __u8 *key, const __u8 *value, size_t n)
{
	char *file = td_fmt("/tmp/bpftool-hotpath-%d.batch", (int)getpid());
	FILE *f = fopen(file, "w");
	size_t i;

	cr_assert(f);
	fprintf(f, "map update pinned %s key %u %u %u %u value", path, key[0], key[1], key[2],
		key[3]);
	for (i = 0; i < n; i++)
		fprintf(f, " 0x%02x", value[i]);
	fprintf(f, "\n");
	cr_assert_eq(fclose(f), 0);
	td_expect(t_run("batch file %s", file), 0, NULL, NULL);
	unlink(file);
	free(file);
}

/* A hash 4/vsize: CLI update, then lookup plain and JSON, byte for byte. */
static void big_value(__u32 vsize, unsigned int seed)
{
	__u8 key[4] = { 2, 0, 0, 0 }, *value = malloc(vsize);
	char *name = td_fmt("th_v%u", vsize), *path, *want = malloc(16 * vsize + 256), *o;
	int fd = td_map_pinned(BPF_MAP_TYPE_HASH, 4, vsize, 4, name, &path);

	cr_assert(value && want);
	pattern(value, vsize, seed);
	cli_update(path, key, value, vsize);
	o = want + sprintf(want, "key:\n02 00 00 00\nvalue:\n");
	o = ref_hex(o, value, vsize);
	strcpy(o, "\n");
	td_expect(t_run("map lookup pinned %s key 2 0 0 0", path), 0, want, "");
	o = want + sprintf(want, "{\"key\":[\"0x02\",\"0x00\",\"0x00\",\"0x00\"],\"value\":");
	o = ref_jhex(o, value, vsize);
	strcpy(o, "}\n");
	td_expect_json(t_run("-j map lookup pinned %s key 2 0 0 0", path), 0, want);
	/* and the element reads back as the kernel has it */
	td_expect(t_run("map lookup pinned %s key 2 0 0 1", path), 254,
		  "key:\n02 00 00 01\n\nNot found\n", "");
	free(value);
	free(want);
	free(path);
	free(name);
	(void)fd;
}

Test(hotpath_cli, values_either_side_of_the_inline_buffer, .fini = fini)
{
	/* the key takes 8 bytes of the 256: 248 fits, 249 and 1000 go to the heap */
	big_value(248, 1);
	big_value(249, 2);
	big_value(1000, 3);
}

/* Per-CPU values: round_up(vsize, 8) bytes per possible CPU after the key's 8. */
static void per_cpu_value(__u32 vsize)
{
	int ncpus = td_ncpus(), c;
	size_t stride = (vsize + 7) / 8 * 8;
	__u8 key[4] = { 5, 0, 0, 0 }, *value = calloc((size_t)ncpus, stride);
	char *name = td_fmt("th_pc%u", vsize), *path, *want = malloc(16 * stride * ncpus + 256);
	char *o;
	int fd = td_map_pinned(BPF_MAP_TYPE_PERCPU_HASH, 4, vsize, 4, name, &path);

	cr_assert(value && want);
	for (c = 0; c < ncpus; c++)
		pattern(value + (size_t)c * stride, vsize, (unsigned int)c * 3 + 1);
	td_update(fd, key, value);
	o = want + sprintf(want, "key:\n05 00 00 00\n");
	for (c = 0; c < ncpus; c++) {
		o += sprintf(o, "value (CPU %02d):%s", c, vsize > 16 ? "\n" : " ");
		o = ref_hex(o, value + (size_t)c * stride, vsize);
		o += sprintf(o, "\n");
	}
	td_expect(t_run("map lookup pinned %s key 5 0 0 0", path), 0, want, "");
	o = want + sprintf(want, "{\"key\":[\"0x05\",\"0x00\",\"0x00\",\"0x00\"],\"values\":[");
	for (c = 0; c < ncpus; c++) {
		o += sprintf(o, "%s{\"cpu\":%d,\"value\":", c ? "," : "", c);
		o = ref_jhex(o, value + (size_t)c * stride, vsize);
		o += sprintf(o, "}");
	}
	strcpy(o, "]}\n");
	td_expect_json(t_run("-j map lookup pinned %s key 5 0 0 0", path), 0, want);
	free(value);
	free(want);
	free(path);
	free(name);
}

Test(hotpath_cli, per_cpu_values_inline_and_on_the_heap, .fini = fini)
{
	per_cpu_value(8);
	per_cpu_value(100);
	per_cpu_value(300);
}

/* The batch probe says "not a map" for a program; /proc then names what it is. */
Test(hotpath_cli, pinned_program_is_not_a_map, .fini = fini)
{
	int pfd = td_prog("th_prog");
	char *p = td_pin(pfd, "th_prog");

	td_expect(t_run("map lookup pinned %s key 0 0 0 0", p), 255, "",
		  "Error: incorrect object type: prog\n");
	td_expect_json(t_run("-j map lookup pinned %s key 0 0 0 0", p), 255,
		       "{\"error\":\"incorrect object type: prog\"}\n");
	td_expect(t_run("map dump pinned %s", p), 255, "", "Error: incorrect object type: prog\n");
	td_expect(t_run("map update pinned %s key 0 0 0 0 value 0 0 0 0", p), 255, "",
		  "Error: incorrect object type: prog\n");
	td_expect(t_run("map getnext pinned %s", p), 255, "",
		  "Error: incorrect object type: prog\n");
	free(p);
}

/* Maps whose batch lookup answers ENOTSUPP or EINVAL are still maps. */
Test(hotpath_cli, pinned_maps_without_batches, .fini = fini)
{
	char *pq, *pa;
	int fq = td_map_pinned(BPF_MAP_TYPE_QUEUE, 0, 4, 2, "th_q", &pq);
	int fa = td_map_pinned(BPF_MAP_TYPE_PROG_ARRAY, 4, 4, 2, "th_pa", &pa);

	td_expect(t_run("map push pinned %s value 1 2 3 4", pq), 0, "", "");
	td_expect(t_run("map peek pinned %s", pq), 0, "value: 01 02 03 04\n", "");
	td_expect(t_run("map lookup pinned %s key 0 0 0 0", pa), 254,
		  "key:\n00 00 00 00\n\nNot found\n", "");
	free(pq);
	free(pa);
	(void)fq;
	(void)fa;
}
