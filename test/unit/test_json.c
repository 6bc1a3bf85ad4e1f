// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* The JSON writer: upstream's exact layout (compact and pretty), and escaping that parses back. */
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "tlib.h"

static struct sink s;
static struct json j;

static void setup_compact(void)
{
	sink_init_mem(&s);
	json_init(&j, &s, false);
}

static void setup_pretty(void)
{
	sink_init_mem(&s);
	json_init(&j, &s, true);
}

static void teardown(void)
{
	sink_free(&s);
}

static const char *text(void)
{
	*sink_reserve(&s, 1) = 0;
	return s.buf;
}

static void two_entries(void)
{
	static const unsigned char k1[] = { 1, 0, 0, 0 }, k2[] = { 2, 0, 0, 0 };
	static const unsigned char v1[] = { 1, 2, 3, 4, 5, 6, 7, 8 };
	static const unsigned char v2[] = { 0xff, 0xfe, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f };

	json_start_array(&j);
	json_start_object(&j);
	json_name(&j, "key");
	json_hex_bytes(&j, k1, 4);
	json_name(&j, "value");
	json_hex_bytes(&j, v1, 8);
	json_end_object(&j);
	json_start_object(&j);
	json_name(&j, "key");
	json_hex_bytes(&j, k2, 4);
	json_name(&j, "value");
	json_hex_bytes(&j, v2, 8);
	json_end_object(&j);
	json_end_array(&j);
	json_finish(&j);
}

Test(json, compact_dump_layout, .init = setup_compact, .fini = teardown)
{
	two_entries();
	cr_assert_str_eq(text(),
		"[{\"key\":[\"0x01\",\"0x00\",\"0x00\",\"0x00\"],\"value\":[\"0x01\",\"0x02\","
		"\"0x03\",\"0x04\",\"0x05\",\"0x06\",\"0x07\",\"0x08\"]},{\"key\":[\"0x02\","
		"\"0x00\",\"0x00\",\"0x00\"],\"value\":[\"0xff\",\"0xfe\",\"0x0a\",\"0x0b\","
		"\"0x0c\",\"0x0d\",\"0x0e\",\"0x0f\"]}]\n");
}

/* observed from upstream: bpftool -p map dump of a hash with two entries */
Test(json, pretty_dump_layout, .init = setup_pretty, .fini = teardown)
{
	two_entries();
	cr_assert_str_eq(text(),
		"[{\n"
		"        \"key\": [\"0x01\",\"0x00\",\"0x00\",\"0x00\"\n"
		"        ],\n"
		"        \"value\": [\"0x01\",\"0x02\",\"0x03\",\"0x04\",\"0x05\",\"0x06\",\"0x07\",\"0x08\"\n"
		"        ]\n"
		"    },{\n"
		"        \"key\": [\"0x02\",\"0x00\",\"0x00\",\"0x00\"\n"
		"        ],\n"
		"        \"value\": [\"0xff\",\"0xfe\",\"0x0a\",\"0x0b\",\"0x0c\",\"0x0d\",\"0x0e\",\"0x0f\"\n"
		"        ]\n"
		"    }\n"
		"]\n");
}

Test(json, pretty_error_object, .init = setup_pretty, .fini = teardown)
{
	json_start_object(&j);
	json_kv_string(&j, "error", "can't parse abc as ID");
	json_end_object(&j);
	json_finish(&j);
	cr_assert_str_eq(text(), "{\n    \"error\": \"can't parse abc as ID\"\n}\n");
}

Test(json, empty_containers, .init = setup_pretty, .fini = teardown)
{
	json_start_object(&j);
	json_name(&j, "a");
	json_start_array(&j);
	json_end_array(&j);
	json_name(&j, "o");
	json_start_object(&j);
	json_end_object(&j);
	json_name(&j, "k");
	json_hex_bytes(&j, "", 0);
	json_end_object(&j);
	json_finish(&j);
	cr_assert_str_eq(text(), "{\n    \"a\": [],\n    \"o\": {},\n    \"k\": []\n}\n");
}

Test(json, scalars_compact, .init = setup_compact, .fini = teardown)
{
	json_start_object(&j);
	json_kv_u64(&j, "id", 4294967295u);
	json_kv_s64(&j, "neg", -9223372036854775807LL - 1);
	json_kv_bool(&j, "t", true);
	json_name(&j, "n");
	json_null(&j);
	json_name(&j, "d");
	json_dec_bytes(&j, "1\0", 2);
	json_end_object(&j);
	json_finish(&j);
	cr_assert_str_eq(text(), "{\"id\":4294967295,\"neg\":-9223372036854775808,\"t\":true,"
				 "\"n\":null,\"d\":[49,0]}\n");
}

Test(json, finish_closes_open_containers, .init = setup_compact, .fini = teardown)
{
	json_start_array(&j);
	json_start_object(&j);
	json_kv_u64(&j, "a", 1);
	json_finish(&j);
	cr_assert_str_eq(text(), "[{\"a\":1}]\n");
}

Test(json, escapes, .init = setup_compact, .fini = teardown)
{
	static const char in[] = "q\" b\\ \b\f\n\r\t \x01\x1f \x7f é \xff \xc3";

	json_string_len(&j, in, sizeof(in) - 1);
	cr_assert_str_eq(text(), "\"q\\\" b\\\\ \\b\\f\\n\\r\\t \\u0001\\u001f \x7f é \\u00ff "
				 "\\u00c3\"");
}

Test(json, every_byte_string_parses_back, .init = setup_compact, .fini = teardown)
{
	char in[257];
	size_t where = 0;
	int i, round;

	for (i = 0; i < 256; i++)
		in[i] = (char)i;
	json_string_len(&j, in, 256);
	cr_assert(t_json_valid(s.buf, s.len, &where), "invalid at %zu", where);
	srand(1);
	for (round = 0; round < 2000; round++) {
		size_t n = (size_t)(rand() % 40);

		s.len = 0;
		for (i = 0; i < (int)n; i++)
			in[i] = (char)(rand() & 0xff);
		in[n] = 0;	/* names are C strings; the value keeps any NULs */
		json_init(&j, &s, round & 1);
		json_start_object(&j);
		json_name(&j, in);
		json_string_len(&j, in, n);
		json_end_object(&j);
		json_finish(&j);
		cr_assert(t_json_valid(s.buf, s.len, &where), "round %d invalid at %zu", round,
			  where);
	}
}

Test(json, validator_rejects_broken_documents)
{
	static const char *const bad[] = {
		"", "[", "{\"a\"}", "[1,]", "\"a\nb\"", "{\"a\":1}{}", "01", "\"\\x\"", "[\"\xff\"]",
		"nul", "{'a':1}",
	};
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		cr_assert(!t_json_valid(bad[i], strlen(bad[i]), NULL), "accepted: %s", bad[i]);
	{
		static const char good[] = "[{\"a\": [1, -2.5e3, true, null, \"\\u00e9\"]}]\n";

		cr_assert(t_json_valid(good, strlen(good), NULL));
	}
}
