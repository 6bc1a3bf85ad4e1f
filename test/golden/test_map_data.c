// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * dump, lookup, getnext, update, delete and the queue/stack verbs, run through the built
 * binary on real maps. Expected bytes were captured from upstream bpftool (Debian 7.1) on the
 * same maps, then moved to newest upstream where it differs (inner_map_id for map-in-map).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sys_bpf.h"
#include "util.h"
#include "tdata.h"

static void fini(void)
{
	t_dir_cleanup();
}

/* ["0x01","0x02",...] for the bytes of b */
static char *jhex(const __u8 *b, size_t n)
{
	size_t i, len = 0;
	char *s = malloc(n * 7 + 3);

	cr_assert(s);
	s[len++] = '[';
	for (i = 0; i < n; i++)
		len += (size_t)sprintf(s + len, "%s\"0x%02x\"", i ? "," : "", b[i]);
	s[len++] = ']';
	s[len] = 0;
	return s;
}

/* "1 2 3 ... n" in hex: the words of the key bytes seq() makes */
static const char *hexwords(size_t n)
{
	static char buf[256];
	size_t i, len = 0;

	for (i = 1; i <= n; i++)
		len += (size_t)snprintf(buf + len, sizeof(buf) - len, "%s%zx", i > 1 ? " " : "",
					i);
	return buf;
}

static void seq(__u8 *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		b[i] = (__u8)(i + 1);
}

/* ---- the plain layout rules, by key and value size ------------------------------------- */

struct layout {
	__u32 k, v;
	const char *plain;
};

static const struct layout layouts[] = {
	{ 4, 8, "key: 01 02 03 04  value: 01 02 03 04 05 06 07 08\nFound 1 element\n" },
	{ 8, 16, "key: 01 02 03 04 05 06 07 08  value: 01 02 03 04 05 06 07 08  09 0a 0b 0c "
		 "0d 0e 0f 10\nFound 1 element\n" },
	{ 12, 13, "key: 01 02 03 04 05 06 07 08  09 0a 0b 0c\n"
		  "value: 01 02 03 04 05 06 07 08  09 0a 0b 0c 0d\nFound 1 element\n" },
	{ 8, 17, "key:\n01 02 03 04 05 06 07 08\nvalue:\n"
		 "01 02 03 04 05 06 07 08  09 0a 0b 0c 0d 0e 0f 10\n11\nFound 1 element\n" },
	{ 20, 40, "key:\n01 02 03 04 05 06 07 08  09 0a 0b 0c 0d 0e 0f 10\n11 12 13 14\n"
		  "value:\n01 02 03 04 05 06 07 08  09 0a 0b 0c 0d 0e 0f 10\n"
		  "11 12 13 14 15 16 17 18  19 1a 1b 1c 1d 1e 1f 20\n21 22 23 24 25 26 27 28\n"
		  "Found 1 element\n" },
	{ 1, 1, "key: 01  value: 01\nFound 1 element\n" },
	{ 17, 4, "key:\n01 02 03 04 05 06 07 08  09 0a 0b 0c 0d 0e 0f 10\n11\nvalue:\n"
		 "01 02 03 04\nFound 1 element\n" },
	{ 16, 8, "key: 01 02 03 04 05 06 07 08  09 0a 0b 0c 0d 0e 0f 10  value: 01 02 03 04 "
		 "05 06 07 08\nFound 1 element\n" },
	{ 16, 9, "key: 01 02 03 04 05 06 07 08  09 0a 0b 0c 0d 0e 0f 10\n"
		 "value: 01 02 03 04 05 06 07 08  09\nFound 1 element\n" },
};

Test(map_data, dump_layouts, .fini = fini)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(layouts); i++) {
		const struct layout *l = &layouts[i];
		__u8 key[64], val[64];
		char name[16], *path, *jk, *jv, *want;
		int fd;

		snprintf(name, sizeof(name), "td_l%zu", i);
		fd = td_map_pinned(BPF_MAP_TYPE_HASH, l->k, l->v, 4, name, &path);
		seq(key, l->k);
		seq(val, l->v);
		td_update(fd, key, val);
		td_expect(t_run("map dump pinned %s", path), 0, l->plain, "");
		jk = jhex(key, l->k);
		jv = jhex(val, l->v);
		want = td_fmt("[{\"key\":%s,\"value\":%s}]\n", jk, jv);
		td_expect_json(t_run("-j map dump pinned %s", path), 0, want);
		free(want);
		/* lookup prints the same entry, without the Found line */
		want = td_fmt("%.*s", (int)(strstr(l->plain, "Found") - l->plain), l->plain);
		td_expect(t_run("map lookup pinned %s key hex %s", path, hexwords(l->k)), 0, want,
			  "");
		free(want);
		want = td_fmt("{\"key\":%s,\"value\":%s}\n", jk, jv);
		td_expect_json(t_run("-j map lookup pinned %s key hex %s", path,
				     hexwords(l->k)), 0, want);
		free(want);
		free(jk);
		free(jv);
		free(path);
	}
}

Test(map_data, dump_pretty_and_empty, .fini = fini)
{
	__u32 k;
	__u64 v;
	char *path;
	int fd = td_map_pinned(BPF_MAP_TYPE_HASH, 4, 8, 16, "td_pretty", &path);

	td_expect(t_run("map dump pinned %s", path), 0, "Found 0 elements\n", "");
	td_expect_json(t_run("-j map dump pinned %s", path), 0, "[]\n");
	td_expect_json(t_run("-p map dump pinned %s", path), 0, "[]\n");
	k = 1;
	v = 0x0807060504030201ULL;
	td_update(fd, &k, &v);
	td_expect_json(t_run("-p map dump pinned %s", path), 0,
		       "[{\n"
		       "        \"key\": [\"0x01\",\"0x00\",\"0x00\",\"0x00\"\n"
		       "        ],\n"
		       "        \"value\": [\"0x01\",\"0x02\",\"0x03\",\"0x04\",\"0x05\",\"0x06\","
		       "\"0x07\",\"0x08\"\n"
		       "        ]\n"
		       "    }\n"
		       "]\n");
	/* prefixes: "d" is dump, "p" is pinned */
	td_expect(t_run("map d p %s", path), 0,
		  "key: 01 00 00 00  value: 01 02 03 04 05 06 07 08\nFound 1 element\n", "");
	td_expect(t_run("map dump id %u", td_map_id(fd)), 0,
		  "key: 01 00 00 00  value: 01 02 03 04 05 06 07 08\nFound 1 element\n", "");
	free(path);
}

/* ---- every map family ------------------------------------------------------------------- */

Test(map_data, array_and_lru, .fini = fini)
{
	__u32 k = 1, v = 7;
	char *pa, *pl;
	int fa = td_map_pinned(BPF_MAP_TYPE_ARRAY, 4, 4, 2, "td_arr", &pa);
	int fl = td_map_pinned(BPF_MAP_TYPE_LRU_HASH, 4, 4, 16, "td_lru", &pl);

	td_update(fa, &k, &v);
	td_expect(t_run("map dump pinned %s", pa), 0,
		  "key: 00 00 00 00  value: 00 00 00 00\n"
		  "key: 01 00 00 00  value: 07 00 00 00\n"
		  "Found 2 elements\n", "");
	td_expect_json(t_run("-j map dump pinned %s", pa), 0,
		       "[{\"key\":[\"0x00\",\"0x00\",\"0x00\",\"0x00\"],"
		       "\"value\":[\"0x00\",\"0x00\",\"0x00\",\"0x00\"]},"
		       "{\"key\":[\"0x01\",\"0x00\",\"0x00\",\"0x00\"],"
		       "\"value\":[\"0x07\",\"0x00\",\"0x00\",\"0x00\"]}]\n");
	k = 3;
	v = 9;
	td_update(fl, &k, &v);
	td_expect(t_run("map dump pinned %s", pl), 0,
		  "key: 03 00 00 00  value: 09 00 00 00\nFound 1 element\n", "");
	free(pa);
	free(pl);
}

/* Expected per-CPU text: "key:\n<k>\n" then one line per possible CPU with the same value. */
static char *per_cpu_plain(const char *key, const char *sep, const char *val, int ncpus)
{
	char *s = td_fmt("key:\n%s\n", key), *t;
	int i;

	for (i = 0; i < ncpus; i++) {
		t = td_fmt("%svalue (CPU %02d):%s%s\n", s, i, sep, val);
		free(s);
		s = t;
	}
	return s;
}

static char *per_cpu_json(const char *key, const char *val, int ncpus)
{
	char *s = td_fmt("{\"key\":%s,\"values\":[", key), *t;
	int i;

	for (i = 0; i < ncpus; i++) {
		t = td_fmt("%s%s{\"cpu\":%d,\"value\":%s}", s, i ? "," : "", i, val);
		free(s);
		s = t;
	}
	t = td_fmt("%s]}", s);
	free(s);
	return t;
}

Test(map_data, per_cpu_maps, .fini = fini)
{
	int ncpus = td_ncpus();
	char *ph, *pa, *plru, *want, *e1, *e2, *e3;
	__u8 k4[4] = { 1, 0, 0, 0 }, val20[20];
	int fh = td_map_pinned(BPF_MAP_TYPE_PERCPU_HASH, 4, 4, 16, "td_pch", &ph);
	int fa = td_map_pinned(BPF_MAP_TYPE_PERCPU_ARRAY, 4, 20, 1, "td_pca", &pa);
	int fl = td_map_pinned(BPF_MAP_TYPE_LRU_PERCPU_HASH, 4, 8, 16, "td_lpc", &plru);
	__u64 *slots = calloc((size_t)ncpus, 8);
	int i;

	(void)fh;
	(void)fa;
	/* update copies the value into every possible CPU's slot */
	td_expect(t_run("map update pinned %s key 1 0 0 0 value 1 2 3 4", ph), 0, "", "");
	want = per_cpu_plain("01 00 00 00", " ", "01 02 03 04", ncpus);
	e1 = td_fmt("%sFound 1 element\n", want);
	td_expect(t_run("map dump pinned %s", ph), 0, e1, "");
	td_expect(t_run("map lookup pinned %s key 1 0 0 0", ph), 0, want, "");
	free(e1);
	free(want);
	want = per_cpu_json("[\"0x01\",\"0x00\",\"0x00\",\"0x00\"]",
			    "[\"0x01\",\"0x02\",\"0x03\",\"0x04\"]", ncpus);
	e1 = td_fmt("[%s]\n", want);
	td_expect_json(t_run("-j map dump pinned %s", ph), 0, e1);
	free(e1);
	e1 = td_fmt("%s\n", want);
	td_expect_json(t_run("-j map lookup pinned %s key 1 0 0 0", ph), 0, e1);
	free(e1);
	free(want);

	/* value > 16 bytes: the CPU line breaks */
	seq(val20, 20);
	td_expect(t_run("map update pinned %s key 0 0 0 0 value 1 2 3 4 5 6 7 8 9 10 11 12 13 14 "
			"15 16 17 18 19 20", pa), 0, "", "");
	want = per_cpu_plain("00 00 00 00", "\n",
			     "01 02 03 04 05 06 07 08  09 0a 0b 0c 0d 0e 0f 10\n11 12 13 14",
			     ncpus);
	e1 = td_fmt("%sFound 1 element\n", want);
	td_expect(t_run("map dump pinned %s", pa), 0, e1, "");
	free(e1);
	free(want);
	e2 = jhex(val20, 20);
	want = per_cpu_json("[\"0x00\",\"0x00\",\"0x00\",\"0x00\"]", e2, ncpus);
	e1 = td_fmt("[%s]\n", want);
	td_expect_json(t_run("-j map dump pinned %s", pa), 0, e1);
	free(e1);
	free(e2);
	free(want);

	/* a different value per CPU (written by the kernel API): each slot printed as it is */
	for (i = 0; i < ncpus; i++)
		slots[i] = 0x1100000000000000ULL + (__u64)i;
	td_update(fl, k4, slots);
	want = td_fmt("key:\n01 00 00 00\n");
	for (i = 0; i < ncpus; i++) {
		e3 = td_fmt("%svalue (CPU %02d): %02x 00 00 00 00 00 00 11\n", want, i, i);
		free(want);
		want = e3;
	}
	e1 = td_fmt("%sFound 1 element\n", want);
	td_expect(t_run("map dump pinned %s", plru), 0, e1, "");
	free(e1);
	free(want);
	free(slots);
	free(ph);
	free(pa);
	free(plru);
}

Test(map_data, lpm_trie, .fini = fini)
{
	__u8 k1[8] = { 24, 0, 0, 0, 10, 1, 2, 0 }, k2[8] = { 16, 0, 0, 0, 10, 1, 0, 0 };
	__u32 v1 = 5, v2 = 6;
	int fd = td_map(BPF_MAP_TYPE_LPM_TRIE, 8, 4, 8, "td_lpm", BPF_F_NO_PREALLOC, 0);
	char *p = td_pin(fd, "td_lpm");

	td_update(fd, k1, &v1);
	td_update(fd, k2, &v2);
	td_expect(t_run("map dump pinned %s", p), 0,
		  "key: 18 00 00 00 0a 01 02 00  value: 05 00 00 00\n"
		  "key: 10 00 00 00 0a 01 00 00  value: 06 00 00 00\n"
		  "Found 2 elements\n", "");
	/* longest-prefix lookup; the query key is printed, not the matched prefix */
	td_expect(t_run("map lookup pinned %s key 32 0 0 0 10 1 2 3", p), 0,
		  "key: 20 00 00 00 0a 01 02 03  value: 05 00 00 00\n", "");
	td_expect(t_run("map lookup pinned %s key 32 0 0 0 10 1 9 3", p), 0,
		  "key: 20 00 00 00 0a 01 09 03  value: 06 00 00 00\n", "");
	free(p);
}

static const char queue_err[] =
	"Error: can't dump a queue map: its values have no keys to walk; use 'peek' to read the "
	"next value, 'pop' or 'dequeue' to take it out\n";

Test(map_data, queue_stack_verbs, .fini = fini)
{
	char *pq, *ps;
	int fq = td_map_pinned(BPF_MAP_TYPE_QUEUE, 0, 4, 2, "td_q", &pq);
	int fs = td_map_pinned(BPF_MAP_TYPE_STACK, 0, 4, 2, "td_s", &ps);

	(void)fq;
	(void)fs;
	/* empty */
	td_expect(t_run("map peek pinned %s", pq), 254, "key:\n\n\nNot found\n", "");
	td_expect_json(t_run("-j map peek pinned %s", pq), 254, "null\n");
	td_expect(t_run("map pop pinned %s", pq), 254, "Error: empty map\n", "");
	td_expect(t_run("map dequeue pinned %s extra words", pq), 254, "Error: empty map\n", "");
	td_expect_json(t_run("-j map pop pinned %s", pq), 254, "null\n");
	/* push, enqueue: value only */
	td_expect(t_run("map push pinned %s value 1 0 0 0", pq), 0, "", "");
	td_expect_json(t_run("-j map enqueue pinned %s value 2 0 0 0", pq), 0, "null\n");
	td_expect(t_run("map push pinned %s value 3 0 0 0", pq), 249, "",
		  "Error: update failed: Argument list too long\n");
	td_expect(t_run("map push pinned %s", pq), 255, "", "Error: did not find value\n");
	td_expect(t_run("map push pinned %s key 1 0 0 0 value 1 0 0 0", pq), 255, "",
		  "Error: unnecessary key\n");
	td_expect(t_run("map peek pinned %s", pq), 0, "value: 01 00 00 00\n", "");
	td_expect(t_run("map peek pinned %s key", pq), 255, "", "Error: unnecessary key\n");
	td_expect(t_run("map peek pinned %s value 1 0 0 0", pq), 255, "",
		  "Error: unnecessary value\n");
	td_expect_json(t_run("-j map peek pinned %s", pq), 0,
		       "{\"key\":[],\"value\":[\"0x01\",\"0x00\",\"0x00\",\"0x00\"]}\n");
	/* dump cannot walk them: upstream's stdout and status, and an explanation */
	td_expect(t_run("map dump pinned %s", pq), 234, "Found 0 elements\n", queue_err);
	td_expect_json(t_run("-j map dump pinned %s", pq), 234, "[]\n");
	td_expect(t_run("map pop pinned %s", pq), 0, "value: 01 00 00 00\n", "");
	td_expect_json(t_run("-j map dequeue pinned %s", pq), 0,
		       "{\"key\":[],\"value\":[\"0x02\",\"0x00\",\"0x00\",\"0x00\"]}\n");
	/* a stack gives the last value first */
	td_expect(t_run("map push pinned %s value 1 0 0 0", ps), 0, "", "");
	td_expect(t_run("map push pinned %s value 2 0 0 0", ps), 0, "", "");
	td_expect(t_run("map po pinned %s", ps), 0, "value: 02 00 00 00\n", "");
	td_expect(t_run("map dump pinned %s", ps), 234, "Found 0 elements\n",
		  "Error: can't dump a stack map: its values have no keys to walk; use 'peek' to "
		  "read the next value, 'pop' or 'dequeue' to take it out\n");
	/* getnext and delete reach the kernel, which has no keys to give */
	td_expect(t_run("map getnext pinned %s", pq), 234, "",
		  "Error: can't get next key: Invalid argument\n");
	td_expect(t_run("map delete pinned %s", pq), 255, "", "Error: did not find key\n");
	td_expect(t_run("map delete pinned %s key", pq), 234, "",
		  "Error: delete failed: Invalid argument\n");
	free(pq);
	free(ps);
}

Test(map_data, unwalkable_maps, .fini = fini)
{
	char *pb, *pr, *pu;
	int fb = td_map_pinned(BPF_MAP_TYPE_BLOOM_FILTER, 0, 4, 4, "td_bloom", &pb);
	int fr = td_map_pinned(BPF_MAP_TYPE_RINGBUF, 0, 0, 4096, "td_rb", &pr);
	int fu = td_map_pinned(BPF_MAP_TYPE_USER_RINGBUF, 0, 0, 4096, "td_urb", &pu);

	(void)fb;
	(void)fr;
	(void)fu;
	td_expect(t_run("map push pinned %s value 5 0 0 0", pb), 0, "", "");
	td_expect(t_run("map dump pinned %s", pb), 161, "Found 0 elements\n",
		  "Error: can't dump a bloom_filter map: it keeps only hashes of its values, so "
		  "nothing can list them ('push' adds a value)\n");
	td_expect_json(t_run("-j map dump pinned %s", pb), 161, "[]\n");
	td_expect(t_run("map dump pinned %s", pr), 244, "Found 0 elements\n",
		  "Error: can't dump a ringbuf map: it is a stream of records, not keyed "
		  "elements; read it with 'event_pipe'\n");
	td_expect_json(t_run("-p map dump pinned %s", pr), 244, "[]\n");
	td_expect(t_run("map dump pinned %s", pu), 244, "Found 0 elements\n",
		  "Error: can't dump a user_ringbuf map: user space writes records into it for "
		  "BPF programs to consume, there are no elements to read\n");
	{
		int fa = td_map(BPF_MAP_TYPE_ARENA, 0, 0, 1, "td_arena", BPF_F_MMAPABLE, 0);

		td_expect(t_run("map dump id %u", td_map_id(fa)), 161, "Found 0 elements\n",
			  "Error: can't dump an arena map: it is memory shared with BPF programs, "
			  "not keyed elements\n");
		td_expect_json(t_run("-j map dump id %u", td_map_id(fa)), 161, "[]\n");
		close(fa);
	}
	/* pop takes from queues and stacks only */
	td_expect(t_run("map pop pinned %s", pb), 255, "",
		  "Error: 'pop' takes elements out of queue and stack maps only, not "
		  "bloom_filter maps: use 'lookup' and 'delete' with a key\n");
	free(pb);
	free(pr);
	free(pu);
}

Test(map_data, prog_array, .fini = fini)
{
	const char *warn;
	char *p, *pp, *want;
	int pfd = td_prog("td_prog");
	int fd = td_map_pinned(BPF_MAP_TYPE_PROG_ARRAY, 4, 4, 4, "td_pa", &p);
	__u32 id = td_prog_id(pfd);

	(void)fd;
	pp = td_pin(pfd, "td_prog");
	/* empty slots are skipped */
	td_expect(t_run("map dump pinned %s", p), 0, "Found 0 elements\n", "");
	td_expect(t_run("map update pinned %s key 1 0 0 0 value pinned %s", p, pp), 0, "", "");
	warn = "Warning: updating program array via MAP_ID, make sure this map is kept open\n"
	       "         by some process or pinned otherwise update will be lost\n";
	td_expect(t_run("map update pinned %s key 3 0 0 0 value id %u", p, id), 0, "", warn);
	td_expect_json(t_run("-j map update pinned %s key 2 0 0 0 value id %u", p, id), 0,
		       "null\n");
	want = td_fmt("key: 01 00 00 00  value: %02x %02x %02x %02x\n"
		      "key: 02 00 00 00  value: %02x %02x %02x %02x\n"
		      "key: 03 00 00 00  value: %02x %02x %02x %02x\n"
		      "Found 3 elements\n",
		      id & 255, id >> 8 & 255, id >> 16 & 255, id >> 24,
		      id & 255, id >> 8 & 255, id >> 16 & 255, id >> 24,
		      id & 255, id >> 8 & 255, id >> 16 & 255, id >> 24);
	td_expect(t_run("map dump pinned %s", p), 0, want, "");
	free(want);
	td_expect(t_run("map lookup pinned %s key 0 0 0 0", p), 254,
		  "key:\n00 00 00 00\n\nNot found\n", "");
	td_expect(t_run("map update pinned %s key 1 0 0 0 value name td_prog", p), 0, "", "");
	td_expect(t_run("map update pinned %s key 1 0 0 0 value id", p), 255, "",
		  "Error: not enough value arguments for map of progs\n");
	td_expect(t_run("map update pinned %s key 1 0 0 0 value foo 1", p), 255, "",
		  "Error: expected 'id', 'tag', 'name' or 'pinned', got: 'foo'?\n");
	td_expect(t_run("map update pinned %s key 9 0 0 0 value pinned %s", p, pp), 249, "",
		  "Error: update failed: Argument list too long\n");
	td_expect(t_run("map update pinned %s key 0 0 0 0 value 1 0 0 0", p), 255, "",
		  "Error: expected 'id', 'tag', 'name' or 'pinned', got: '1'?\n");
	td_expect(t_run("map delete pinned %s key 2 0 0 0", p), 0, "", "");
	td_expect(t_run("map delete pinned %s key 2 0 0 0", p), 254, "",
		  "Error: delete failed: No such file or directory\n");
	free(p);
	free(pp);
}

Test(map_data, map_in_map, .fini = fini)
{
	int in1 = td_map(BPF_MAP_TYPE_ARRAY, 4, 4, 1, "td_in1", 0, 0);
	int in2 = td_map(BPF_MAP_TYPE_ARRAY, 4, 4, 1, "td_in2", 0, 0);
	int aom = td_map(BPF_MAP_TYPE_ARRAY_OF_MAPS, 4, 4, 3, "td_aom", 0, in1);
	int hom = td_map(BPF_MAP_TYPE_HASH_OF_MAPS, 4, 4, 3, "td_hom", 0, in1);
	char *pin2 = td_pin(in2, "td_in2"), *pa = td_pin(aom, "td_aom");
	char *ph = td_pin(hom, "td_hom"), *want, *ja;
	__u32 id1 = td_map_id(in1), id2 = td_map_id(in2);
	__u8 b[4];

	td_expect(t_run("map dump pinned %s", pa), 0, "Found 0 elements\n", "");
	td_expect(t_run("map update pinned %s key 2 0 0 0 value id %u", pa, id1), 0, "", "");
	td_expect(t_run("map update pinned %s key 0 0 0 0 value pinned %s", pa, pin2), 0, "", "");
	want = td_fmt("key: 00 00 00 00  inner_map_id: %u \nkey: 02 00 00 00  inner_map_id: %u \n"
		      "Found 2 elements\n", id2, id1);
	td_expect(t_run("map dump pinned %s", pa), 0, want, "");
	free(want);
	memcpy(b, &id2, 4);
	ja = jhex(b, 4);
	want = td_fmt("{\"key\":[\"0x00\",\"0x00\",\"0x00\",\"0x00\"],\"value\":%s,"
		      "\"inner_map_id\":%u}\n", ja, id2);
	td_expect_json(t_run("-j map lookup pinned %s key 0 0 0 0", pa), 0, want);
	free(want);
	want = td_fmt("key: 00 00 00 00  inner_map_id: %u \n", id2);
	td_expect(t_run("map lookup pinned %s key 0 0 0 0", pa), 0, want, "");
	free(want);
	/* a slot without a map is "not found", and dump skips it */
	td_expect(t_run("map lookup pinned %s key 1 0 0 0", pa), 254,
		  "key:\n01 00 00 00\n\nNot found\n", "");

	td_expect(t_run("map update pinned %s key 7 0 0 0 value name td_in2", ph), 0, "", "");
	td_expect(t_run("map update pinned %s key 7 0 0 0 value name td_in2 noexist", ph), 239, "",
		  "Error: update failed: File exists\n");
	want = td_fmt("[{\"key\":[\"0x07\",\"0x00\",\"0x00\",\"0x00\"],\"value\":%s,"
		      "\"inner_map_id\":%u}]\n", ja, id2);
	td_expect_json(t_run("-j map dump pinned %s", ph), 0, want);
	free(want);
	setenv("BPFTOOL_TEST_NO_BATCH", "1", 1);
	want = td_fmt("[{\"key\":[\"0x07\",\"0x00\",\"0x00\",\"0x00\"],\"value\":%s,"
		      "\"inner_map_id\":%u}]\n", ja, id2);
	td_expect_json(t_run("-j map dump pinned %s", ph), 0, want);
	free(want);
	unsetenv("BPFTOOL_TEST_NO_BATCH");
	free(ja);
	td_expect(t_run("map update pinned %s key 1 0 0 0 value pinned", pa), 255, "",
		  "Error: not enough value arguments for map in map\n");
	td_expect(t_run("map update pinned %s key 1 0 0 0 value id 4294967295", pa), 255, "",
		  "Error: get map by id (4294967295): No such file or directory\n");
	td_expect(t_run("map update pinned %s key 1 0 0 0 value pinned %s", pa, ph), 234, "",
		  "Error: update failed: Invalid argument\n");
	free(pin2);
	free(pa);
	free(ph);
}

Test(map_data, unreadable_slots, .fini = fini)
{
	char *pe, *pd, *ps, *pr4, *pr8;
	int fe = td_map_pinned(BPF_MAP_TYPE_PERF_EVENT_ARRAY, 4, 4, 2, "td_pea", &pe);
	int fdv = td_map_pinned(BPF_MAP_TYPE_DEVMAP, 4, 4, 2, "td_devm", &pd);
	int fs = td_map_pinned(BPF_MAP_TYPE_SOCKMAP, 4, 4, 2, "td_sockm", &ps);
	int fr4 = td_map_pinned(BPF_MAP_TYPE_REUSEPORT_SOCKARRAY, 4, 4, 1, "td_rsa4", &pr4);
	int fr8 = td_map_pinned(BPF_MAP_TYPE_REUSEPORT_SOCKARRAY, 4, 8, 1, "td_rsa8", &pr8);

	(void)fe;
	(void)fdv;
	(void)fs;
	(void)fr4;
	(void)fr8;
	td_expect(t_run("map dump pinned %s", pe), 0,
		  "key:\n00 00 00 00\nvalue:\nUnknown error 524\n"
		  "key:\n01 00 00 00\nvalue:\nUnknown error 524\n"
		  "Found 0 elements\n", "");
	td_expect_json(t_run("-j map dump pinned %s", pe), 0,
		       "[{\"key\":[\"0x00\",\"0x00\",\"0x00\",\"0x00\"],\"value\":{\"error\":"
		       "\"Unknown error 524\"}},{\"key\":[\"0x01\",\"0x00\",\"0x00\",\"0x00\"],"
		       "\"value\":{\"error\":\"Unknown error 524\"}}]\n");
	td_expect(t_run("map dump pinned %s", pd), 0,
		  "key: 00 00 00 00  value: <no entry>\n"
		  "key: 01 00 00 00  value: <no entry>\n"
		  "Found 0 elements\n", "");
	td_expect_json(t_run("-j map dump pinned %s", pd), 0,
		       "[{\"key\":[\"0x00\",\"0x00\",\"0x00\",\"0x00\"],\"value\":{\"error\":"
		       "\"No such file or directory\"}},{\"key\":[\"0x01\",\"0x00\",\"0x00\","
		       "\"0x00\"],\"value\":{\"error\":\"No such file or directory\"}}]\n");
	td_expect(t_run("map dump pinned %s", ps), 0,
		  "key:\n00 00 00 00\nvalue:\nNo space left on device\n"
		  "key:\n01 00 00 00\nvalue:\nNo space left on device\n"
		  "Found 0 elements\n", "");
	td_expect(t_run("map dump pinned %s", pr4), 0,
		  "key: 00 00 00 00  value: <cannot read>\nFound 0 elements\n",
		  "Warning: cannot read values from reuseport_sockarray map with value_size "
		  "!= 8\n");
	td_expect_json(t_run("-j map dump pinned %s", pr4), 0,
		       "[{\"key\":[\"0x00\",\"0x00\",\"0x00\",\"0x00\"],\"value\":{\"error\":"
		       "\"No space left on device\"}}]\n");
	td_expect(t_run("map dump pinned %s", pr8), 0,
		  "key: 00 00 00 00  value: <no entry>\nFound 0 elements\n", "");
	td_expect(t_run("map lookup pinned %s key 0 0 0 0", pe), 244, "",
		  "Error: lookup failed: Unknown error 524\n");
	free(pe);
	free(pd);
	free(ps);
	free(pr4);
	free(pr8);
}

/* ---- lookup, getnext, delete -------------------------------------------------------------- */

Test(map_data, lookup_getnext_delete, .fini = fini)
{
	__u32 k;
	__u64 v;
	char *p;
	int fd = td_map_pinned(BPF_MAP_TYPE_HASH, 4, 8, 16, "td_lgd", &p);

	td_expect(t_run("map getnext pinned %s", p), 254, "",
		  "Error: can't get next key: No such file or directory\n");
	k = 1;
	v = 0x0807060504030201ULL;
	td_update(fd, &k, &v);
	td_expect(t_run("map lookup pinned %s key 9 0 0 0", p), 254,
		  "key:\n09 00 00 00\n\nNot found\n", "");
	td_expect_json(t_run("-j map lookup pinned %s key 9 0 0 0", p), 254, "null\n");
	td_expect(t_run("map lookup pinned %s key 1 0 0 0", p), 0,
		  "key: 01 00 00 00  value: 01 02 03 04 05 06 07 08\n", "");
	td_expect(t_run("map getnext pinned %s", p), 0,
		  "key: None\nnext key:\n01 00 00 00\n", "");
	td_expect_json(t_run("-j map getnext pinned %s", p), 0,
		       "{\"key\":null,\"next_key\":[\"0x01\",\"0x00\",\"0x00\",\"0x00\"]}\n");
	/* an unknown key gives the first one */
	td_expect(t_run("map getnext pinned %s key 5 0 0 0", p), 0,
		  "key:\n05 00 00 00\nnext key:\n01 00 00 00\n", "");
	td_expect_json(t_run("-j map getnext pinned %s key 5 0 0 0", p), 0,
		       "{\"key\":[\"0x05\",\"0x00\",\"0x00\",\"0x00\"],\"next_key\":[\"0x01\","
		       "\"0x00\",\"0x00\",\"0x00\"]}\n");
	td_expect(t_run("map getnext pinned %s key 1 0 0 0", p), 254, "",
		  "Error: can't get next key: No such file or directory\n");
	td_expect_json(t_run("-j map getnext pinned %s key 1 0 0 0", p), 254,
		       "{\"error\":\"can't get next key: No such file or directory\"}\n");
	td_expect(t_run("map getnext pinned %s any", p), 255, "",
		  "Error: flags specified multiple times: any\n");
	td_expect(t_run("map lookup pinned %s", p), 255, "", "Error: did not find key\n");
	td_expect(t_run("map lookup pinned %s key 1 0 0 0 extra", p), 255, "",
		  "Error: expected key or value, got: extra\n");
	td_expect(t_run("map delete pinned %s key 9 0 0 0", p), 254, "",
		  "Error: delete failed: No such file or directory\n");
	td_expect(t_run("map del pinned %s value 1", p), 255, "", "Error: unnecessary value\n");
	td_expect_json(t_run("-j map delete pinned %s key 1 0 0 0", p), 0, "null\n");
	td_expect(t_run("map lookup pinned %s key 1 0 0 0", p), 254,
		  "key:\n01 00 00 00\n\nNot found\n", "");
	free(p);
}

Test(map_data, array_getnext_delete, .fini = fini)
{
	char *p;
	int fd = td_map_pinned(BPF_MAP_TYPE_ARRAY, 4, 4, 2, "td_agd", &p);

	(void)fd;
	td_expect(t_run("map getnext pinned %s key 9 0 0 0", p), 0,
		  "key:\n09 00 00 00\nnext key:\n00 00 00 00\n", "");
	td_expect(t_run("map getnext pinned %s key 1 0 0 0", p), 254, "",
		  "Error: can't get next key: No such file or directory\n");
	td_expect(t_run("map delete pinned %s key 0 0 0 0", p), 234, "",
		  "Error: delete failed: Invalid argument\n");
	td_expect(t_run("map update pinned %s key 2 0 0 0 value 1 0 0 0", p), 249, "",
		  "Error: update failed: Argument list too long\n");
	td_expect(t_run("map update pinned %s key 1 0 0 0 value 1 0 0 0 noexist", p), 239, "",
		  "Error: update failed: File exists\n");
	free(p);
}

/* ---- update flags and bad input: the map must not change --------------------------------- */

Test(map_data, update_flags, .fini = fini)
{
	char *p;
	int fd = td_map_pinned(BPF_MAP_TYPE_HASH, 4, 4, 2, "td_flags", &p);

	(void)fd;
	td_expect(t_run("map update pinned %s key 1 0 0 0 value 1 0 0 0 exist", p), 254, "",
		  "Error: update failed: No such file or directory\n");
	td_expect_json(t_run("-j map update pinned %s key 1 0 0 0 value 1 0 0 0 exist", p), 254,
		       "{\"error\":\"update failed: No such file or directory\"}\n");
	td_expect(t_run("map update pinned %s key 1 0 0 0 value 1 0 0 0 noexist", p), 0, "", "");
	td_expect(t_run("map update pinned %s key 1 0 0 0 value 2 0 0 0 noexist", p), 239, "",
		  "Error: update failed: File exists\n");
	td_expect(t_run("map update pinned %s key 1 0 0 0 value 3 0 0 0 e", p), 0, "", "");
	td_expect(t_run("map update pinned %s key 1 0 0 0 value 4 0 0 0 any", p), 0, "", "");
	td_expect(t_run("map update pinned %s key 2 0 0 0 value 5 0 0 0", p), 0, "", "");
	td_expect(t_run("map update pinned %s key 3 0 0 0 value 6 0 0 0", p), 249, "",
		  "Error: update failed: Argument list too long\n");
	/* (hash order differs from map to map: look the keys up one by one) */
	td_expect(t_run("map lookup pinned %s key 1 0 0 0", p), 0,
		  "key: 01 00 00 00  value: 04 00 00 00\n", "");
	td_expect(t_run("map lookup pinned %s key 2 0 0 0", p), 0,
		  "key: 02 00 00 00  value: 05 00 00 00\n", "");
	td_expect(t_run("map lookup pinned %s key 3 0 0 0", p), 254,
		  "key:\n03 00 00 00\n\nNot found\n", "");
	free(p);
}

Test(map_data, bad_input_changes_nothing, .fini = fini)
{
	static const struct {
		const char *args;
		const char *err;
	} bad[] = {
		{ "update %s key 1 0 0", "key expected 4 bytes got 3" },
		{ "update %s key 1 0 0 0 value 1 2 3", "value expected 4 bytes got 3" },
		{ "update %s key 1 0 0 0 value 1 2 3 4 5", "expected key or value, got: 5" },
		{ "update %s key 1 0 0 value 1 2 3 4", "error parsing byte: value" },
		{ "update %s key 1 0 0 0x value 1 2 3 4", "error parsing byte: 0x" },
		{ "update %s key 1 0 0 256 value 1 2 3 4", "byte out of range: 256" },
		{ "update %s key 1 0 0 0 value 1 2 3 -129", "byte out of range: -129" },
		{ "update %s key 1 0 0 0 value hex 1 2 3 1ff", "byte out of range: 1ff" },
		{ "update %s key 1 0 0 0 value 1 2 3 4 key 1 0 0 0", "duplicate key" },
		{ "update %s key 1 0 0 0 value 1 2 3 4 value 1 2 3 4", "duplicate value" },
		{ "update %s key 1 0 0 0 value 1 2 3 4 exist noexist",
		  "flags specified multiple times: noexist" },
		{ "update %s key 1 0 0 0", "did not find value" },
		{ "update %s value 1 2 3 4", "did not find key" },
		{ "update %s key 1 0 0 0 value 1 2 3 4 bogus",
		  "expected key or value, got: bogus" },
		{ "update %s key 1 0 0 0 value 1 2 3 08", "error parsing byte: 08" },
		{ "delete %s key 1 0 0", "key expected 4 bytes got 3" },
		{ "delete %s", "did not find key" },
		{ "delete %s key 1 0 0 0 noexist", "flags specified multiple times: noexist" },
		{ "pop %s", "'pop' takes elements out of queue and stack maps only, not hash "
			    "maps: use 'lookup' and 'delete' with a key" },
		{ "dequeue %s", "'dequeue' takes elements out of queue and stack maps only, not "
				"hash maps: use 'lookup' and 'delete' with a key" },
	};
	char *p, *before, *after, *line, *err;
	__u32 k = 1, v = 0x04030201;
	int fd = td_map_pinned(BPF_MAP_TYPE_HASH, 4, 4, 8, "td_bad", &p);
	size_t i;

	td_update(fd, &k, &v);
	k = 2;
	td_update(fd, &k, &v);
	before = td_dump(p);
	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		char *sel = td_fmt("pinned %s", p);

		line = td_fmt(bad[i].args, sel);
		err = td_fmt("Error: %s\n", bad[i].err);
		td_expect(t_run("-- map %s", line), 255, "", err);
		free(err);
		err = td_fmt("{\"error\":\"%s\"}\n", bad[i].err);
		td_expect_json(t_run("-j -- map %s", line), 255, err);
		free(err);
		after = td_dump(p);
		cr_expect_str_eq(after, before, "'%s' changed the map", line);
		free(after);
		free(line);
		free(sel);
	}
	/* negative bytes need "--" before them on the command line */
	{
		const char *argv[] = { "--", "map", "update", "pinned", p, "key", "-1", "0", "0",
				       "0", "value", "-128", "-2", "0x7f", "0", NULL };

		td_expect(t_runv(argv), 0, "", "");
		td_expect(t_run("map lookup pinned %s key 0xff 0 0 0", p), 0,
			  "key: ff 00 00 00  value: 80 fe 7f 00\n", "");
	}
	free(before);
	free(p);
}

Test(map_data, usage_errors, .fini = fini)
{
	struct run r = t_run("map dump");

	cr_expect_eq(r.status, 255);
	cr_expect_str_eq(r.out, "");
	/* the problem named with the command's usage line, then upstream's map help */
	{
		static const char want[] = "Error: usage: bpftool map dump MAP\n"
					   "Usage: bpftool map { show | list }   [MAP]\n";

		cr_expect(!strncmp(r.err, want, sizeof(want) - 1), "%s", r.err);
	}
	t_run_free(&r);
	td_expect_json(t_run("-j map dump"), 255, "{\"error\":\"usage: bpftool map dump MAP\"}\n");
	td_expect_json(t_run("-j m d id 1 extra"), 255,
		       "{\"error\":\"usage: bpftool m dump MAP\"}\n");
	td_expect_json(t_run("-j map lookup id"), 255,
		       "{\"error\":\"usage: bpftool map lookup MAP [key DATA]\"}\n");
	td_expect_json(t_run("-j map pop id"), 255, "{\"error\":\"usage: bpftool map pop MAP\"}\n");
	td_expect_json(t_run("-j map update id"), 255,
		       "{\"error\":\"usage: bpftool map update MAP [key DATA] [value VALUE] "
		       "[UPDATE_FLAGS]\"}\n");
	td_expect(t_run("map update id 4294967295 key 1"), 255, "",
		  "Error: get map by id (4294967295): No such file or directory\n");
	td_expect(t_run("map lookup bogus 1"), 255, "",
		  "Error: expected 'id', 'name' or 'pinned', got: 'bogus'?\n");
}

/* ---- several maps by name ----------------------------------------------------------------- */

Test(map_data, dump_by_name, .fini = fini)
{
	char name[16], *want, *hdr1, *hdr2;
	__u32 k = 1, v = 5, id1, id2;
	int f1, f2;

	snprintf(name, sizeof(name), "tdn%d", (int)getpid());
	f1 = td_map(BPF_MAP_TYPE_ARRAY, 4, 4, 2, name, 0, 0);
	f2 = td_map(BPF_MAP_TYPE_HASH, 4, 4, 2, name, 0, 0);
	td_update(f2, &k, &v);
	id1 = td_map_id(f1);
	id2 = td_map_id(f2);
	hdr1 = td_fmt("%u: array  name %s  flags 0x0\n", id1, name);
	hdr2 = td_fmt("%u: hash  name %s  flags 0x0\n", id2, name);
	want = td_fmt("%skey: 00 00 00 00  value: 00 00 00 00\n"
		      "key: 01 00 00 00  value: 00 00 00 00\nFound 2 elements\n\n"
		      "%skey: 01 00 00 00  value: 05 00 00 00\nFound 1 element\n", hdr1, hdr2);
	td_expect(t_run("map dump name %s", name), 0, want, "");
	free(want);
	want = td_fmt("[{\"id\":%u,\"type\":\"array\",\"name\":\"%s\",\"flags\":0,\"elements\":"
		      "[{\"key\":[\"0x00\",\"0x00\",\"0x00\",\"0x00\"],"
		      "\"value\":[\"0x00\",\"0x00\",\"0x00\",\"0x00\"]},"
		      "{\"key\":[\"0x01\",\"0x00\",\"0x00\",\"0x00\"],"
		      "\"value\":[\"0x00\",\"0x00\",\"0x00\",\"0x00\"]}]},"
		      "{\"id\":%u,\"type\":\"hash\","
		      "\"name\":\"%s\",\"flags\":0,\"elements\":[{\"key\":[\"0x01\",\"0x00\","
		      "\"0x00\",\"0x00\"],\"value\":[\"0x05\",\"0x00\",\"0x00\",\"0x00\"]}]}]\n",
		      id1, name, id2, name);
	td_expect_json(t_run("-j map dump name %s", name), 0, want);
	free(want);
	/* the other commands want exactly one map */
	td_expect(t_run("map lookup name %s key 1 0 0 0", name), 255, "",
		  "Error: several maps match this handle\n");
	td_expect(t_run("map update name %s key 1 0 0 0 value 1 0 0 0", name), 255, "",
		  "Error: several maps match this handle\n");
	free(hdr1);
	free(hdr2);
	close(f1);
	close(f2);
}
