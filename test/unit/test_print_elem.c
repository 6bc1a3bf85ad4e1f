// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* Entry renderers (print_elem.c) into memory sinks: every layout rule, plain and JSON. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "print_elem.h"
#include "tlib.h"

static char *plain(__u32 type, __u32 ks, __u32 vs, int ncpus, const void *k, const void *v)
{
	struct bpf_map_info info = { .type = type, .key_size = ks, .value_size = vs };
	struct elem_fmt f;
	struct sink s;
	char *r;

	elem_fmt_init(&f, &info, ncpus);
	sink_init_mem(&s);
	elem_plain(&s, &f, k, v);
	r = strndup(s.buf, s.len);
	sink_free(&s);
	return r;
}

static char *json(bool pretty, __u32 type, __u32 ks, __u32 vs, int ncpus, const void *k,
		  const void *v)
{
	struct bpf_map_info info = { .type = type, .key_size = ks, .value_size = vs };
	struct elem_fmt f;
	struct json j;
	struct sink s;
	char *r;

	elem_fmt_init(&f, &info, ncpus);
	sink_init_mem(&s);
	json_init(&j, &s, pretty);
	elem_json(&j, &f, k, v);
	json_finish(&j);
	r = strndup(s.buf, s.len);
	sink_free(&s);
	return r;
}

static char *error(__u32 type, __u32 ks, int err, bool js)
{
	struct bpf_map_info info = { .type = type, .key_size = ks, .value_size = 4 };
	static const __u8 key[32];
	struct elem_fmt f;
	struct json j;
	struct sink s;
	char *r;

	elem_fmt_init(&f, &info, 1);
	sink_init_mem(&s);
	if (js) {
		json_init(&j, &s, false);
		elem_error_json(&j, &f, key, err);
		json_finish(&j);
	} else {
		elem_error_plain(&s, &f, key, err);
	}
	r = strndup(s.buf, s.len);
	sink_free(&s);
	return r;
}

static void eq(char *got, const char *want)
{
	cr_expect_str_eq(got, want);
	free(got);
}

static const __u8 b[40] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18,
			    19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34,
			    35, 36, 37, 38, 39, 40 };

Test(print_elem, plain_layouts)
{
	eq(plain(BPF_MAP_TYPE_HASH, 4, 8, 1, b, b),
	   "key: 01 02 03 04  value: 01 02 03 04 05 06 07 08\n");
	eq(plain(BPF_MAP_TYPE_HASH, 8, 16, 1, b, b),
	   "key: 01 02 03 04 05 06 07 08  value: 01 02 03 04 05 06 07 08  "
	   "09 0a 0b 0c 0d 0e 0f 10\n");
	eq(plain(BPF_MAP_TYPE_HASH, 12, 13, 1, b, b),
	   "key: 01 02 03 04 05 06 07 08  09 0a 0b 0c\n"
	   "value: 01 02 03 04 05 06 07 08  09 0a 0b 0c 0d\n");
	eq(plain(BPF_MAP_TYPE_HASH, 8, 17, 1, b, b),
	   "key:\n01 02 03 04 05 06 07 08\nvalue:\n"
	   "01 02 03 04 05 06 07 08  09 0a 0b 0c 0d 0e 0f 10\n11\n");
	eq(plain(BPF_MAP_TYPE_QUEUE, 0, 4, 1, NULL, b), "value: 01 02 03 04\n");
	eq(plain(BPF_MAP_TYPE_HASH, 4, 0, 1, b, NULL), "key: 01 02 03 04  \n");
	/* map-in-map: the value is an inner map id, with upstream's trailing space */
	eq(plain(BPF_MAP_TYPE_ARRAY_OF_MAPS, 4, 4, 1, b, "\x2c\x01\x00\x00"),
	   "key: 01 02 03 04  inner_map_id: 300 \n");
	eq(plain(BPF_MAP_TYPE_HASH_OF_MAPS, 20, 4, 1, b, "\x07\x00\x00\x00"),
	   "key:\n01 02 03 04 05 06 07 08  09 0a 0b 0c 0d 0e 0f 10\n11 12 13 14\n"
	   "inner_map_id:\n7 \n");
}

Test(print_elem, plain_per_cpu)
{
	__u8 v[3 * 8] = { 1, 2, 3, 0, 0, 0, 0, 0, 4, 5, 6, 0, 0, 0, 0, 0, 7, 8, 9 };
	__u8 big[2 * 24];

	eq(plain(BPF_MAP_TYPE_PERCPU_HASH, 4, 3, 3, b, v),
	   "key:\n01 02 03 04\nvalue (CPU 00): 01 02 03\nvalue (CPU 01): 04 05 06\n"
	   "value (CPU 02): 07 08 09\n");
	memcpy(big, b, 17);
	memcpy(big + 24, b + 1, 17);
	eq(plain(BPF_MAP_TYPE_PERCPU_ARRAY, 4, 17, 2, b, big),
	   "key:\n01 02 03 04\nvalue (CPU 00):\n"
	   "01 02 03 04 05 06 07 08  09 0a 0b 0c 0d 0e 0f 10\n11\n"
	   "value (CPU 01):\n02 03 04 05 06 07 08 09  0a 0b 0c 0d 0e 0f 10 11\n12\n");
}

Test(print_elem, json_entries)
{
	__u8 v[2 * 8] = { 1, 0, 0, 0, 0, 0, 0, 0, 2 };

	eq(json(false, BPF_MAP_TYPE_HASH, 2, 1, 1, b, b),
	   "{\"key\":[\"0x01\",\"0x02\"],\"value\":[\"0x01\"]}\n");
	eq(json(false, BPF_MAP_TYPE_QUEUE, 0, 1, 1, NULL, b),
	   "{\"key\":[],\"value\":[\"0x01\"]}\n");
	eq(json(false, BPF_MAP_TYPE_ARRAY_OF_MAPS, 1, 4, 1, b, "\x2c\x01\x00\x00"),
	   "{\"key\":[\"0x01\"],\"value\":[\"0x2c\",\"0x01\",\"0x00\",\"0x00\"],"
	   "\"inner_map_id\":300}\n");
	eq(json(false, BPF_MAP_TYPE_PERCPU_HASH, 1, 1, 2, b, v),
	   "{\"key\":[\"0x01\"],\"values\":[{\"cpu\":0,\"value\":[\"0x01\"]},{\"cpu\":1,"
	   "\"value\":[\"0x02\"]}]}\n");
	eq(json(true, BPF_MAP_TYPE_PERCPU_HASH, 1, 1, 2, b, v),
	   "{\n"
	   "    \"key\": [\"0x01\"\n"
	   "    ],\n"
	   "    \"values\": [{\n"
	   "            \"cpu\": 0,\n"
	   "            \"value\": [\"0x01\"\n"
	   "            ]\n"
	   "        },{\n"
	   "            \"cpu\": 1,\n"
	   "            \"value\": [\"0x02\"\n"
	   "            ]\n"
	   "        }\n"
	   "    ]\n"
	   "}\n");
}

Test(print_elem, unreadable_entries)
{
	struct bpf_map_info pa = { .type = BPF_MAP_TYPE_PROG_ARRAY, .key_size = 4 };
	struct bpf_map_info hm = { .type = BPF_MAP_TYPE_HASH_OF_MAPS, .key_size = 4 };
	struct bpf_map_info dm = { .type = BPF_MAP_TYPE_DEVMAP, .key_size = 4 };
	struct elem_fmt f;

	eq(error(BPF_MAP_TYPE_DEVMAP, 4, ENOENT, false), "key: 00 00 00 00  value: <no entry>\n");
	eq(error(BPF_MAP_TYPE_REUSEPORT_SOCKARRAY, 4, ENOSPC, false),
	   "key: 00 00 00 00  value: <cannot read>\n");
	eq(error(BPF_MAP_TYPE_SOCKMAP, 4, ENOSPC, false),
	   "key:\n00 00 00 00\nvalue:\nNo space left on device\n");
	eq(error(BPF_MAP_TYPE_PERF_EVENT_ARRAY, 4, 524, false),
	   "key:\n00 00 00 00\nvalue:\nUnknown error 524\n");
	/* key + message over 24 bytes: two lines, no break */
	eq(error(BPF_MAP_TYPE_HASH, 16, ENOENT, false),
	   "key: 00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00\nvalue: <no entry>\n");
	eq(error(BPF_MAP_TYPE_XSKMAP, 4, EOPNOTSUPP, true),
	   "{\"key\":[\"0x00\",\"0x00\",\"0x00\",\"0x00\"],\"value\":{\"error\":"
	   "\"Operation not supported\"}}\n");
	eq(error(BPF_MAP_TYPE_DEVMAP, 4, ENOENT, true),
	   "{\"key\":[\"0x00\",\"0x00\",\"0x00\",\"0x00\"],\"value\":{\"error\":"
	   "\"No such file or directory\"}}\n");
	elem_fmt_init(&f, &pa, 1);
	cr_expect(!elem_error_shown(&f, ENOENT));
	cr_expect(elem_error_shown(&f, EPERM));
	elem_fmt_init(&f, &hm, 1);
	cr_expect(!elem_error_shown(&f, ENOENT));
	elem_fmt_init(&f, &dm, 1);
	cr_expect(elem_error_shown(&f, ENOENT));
}

Test(print_elem, lookup_miss_getnext_found)
{
	struct bpf_map_info h = { .type = BPF_MAP_TYPE_HASH, .key_size = 4, .value_size = 4 };
	struct bpf_map_info q = { .type = BPF_MAP_TYPE_QUEUE, .value_size = 4 };
	struct elem_fmt f;
	struct json j;
	struct sink s;

	sink_init_mem(&s);
	elem_fmt_init(&f, &h, 1);
	elem_not_found_plain(&s, &f, b);
	elem_fmt_init(&f, &q, 1);
	elem_not_found_plain(&s, &f, NULL);
	elem_next_plain(&s, 4, NULL, b);
	elem_next_plain(&s, 2, b, b + 2);
	elem_found_plain(&s, 0);
	elem_found_plain(&s, 1);
	elem_found_plain(&s, 100000);
	sink_putc(&s, 0);
	cr_expect_str_eq(s.buf, "key:\n01 02 03 04\n\nNot found\n"
				"key:\n\n\nNot found\n"
				"key: None\nnext key:\n01 02 03 04\n"
				"key:\n01 02\nnext key:\n03 04\n"
				"Found 0 elements\nFound 1 element\nFound 100000 elements\n");
	sink_free(&s);
	sink_init_mem(&s);
	json_init(&j, &s, false);
	json_start_array(&j);
	elem_next_json(&j, 2, NULL, b);
	elem_next_json(&j, 2, b, b + 2);
	json_finish(&j);
	sink_putc(&s, 0);
	cr_expect_str_eq(s.buf, "[{\"key\":null,\"next_key\":[\"0x01\",\"0x02\"]},"
				"{\"key\":[\"0x01\",\"0x02\"],\"next_key\":[\"0x03\",\"0x04\"]}]\n"
				   "");
	sink_free(&s);
}
