// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* event_pipe record renderers, plain and JSON, against upstream's bytes (reference §2.7). */
#include <stdlib.h>
#include <string.h>

#include "print_event.h"
#include "tlib.h"

static const unsigned char one[12] = { 0x31 };

static struct perf_rec sample(__u64 t, const void *d, __u32 n)
{
	return (struct perf_rec){ .type = PERF_RECORD_SAMPLE, .size = 32, .time = t, .data = d,
				  .data_len = n };
}

static struct perf_rec lost(void)
{
	return (struct perf_rec){ .type = PERF_RECORD_LOST, .size = 24, .lost_id = 15,
				  .lost = 2953 };
}

/* Renders into a memory sink; returns the NUL-terminated text (free it). */
static char *plain(const struct perf_rec *r, int cpu, __u32 idx)
{
	struct sink s;

	sink_init_mem(&s);
	event_perf_plain(&s, r, cpu, idx);
	sink_putc(&s, 0);
	return s.buf;
}

Test(print_event, perf_plain_is_upstreams)
{
	unsigned char raw[28];
	struct perf_rec r = sample(387568932005ULL, one, 12);
	struct perf_rec other = { .type = PERF_RECORD_THROTTLE, .size = 40 };
	struct perf_rec l = lost();
	char *t;
	int i;

	t = plain(&r, 0, 0);
	cr_expect_str_eq(t, "== @387.568932005 CPU: 0 index: 0 =====\n"
			    "31 00 00 00 00 00 00 00  00 00 00 00\n");
	free(t);
	for (i = 0; i < 28; i++)
		raw[i] = (unsigned char)(i + 1);
	r = sample(5, raw, 28);
	t = plain(&r, 1, 7);
	cr_expect_str_eq(t, "== @0.000000005 CPU: 1 index: 7 =====\n"
			    "01 02 03 04 05 06 07 08  09 0a 0b 0c 0d 0e 0f 10\n"
			    "11 12 13 14 15 16 17 18  19 1a 1b 1c\n");
	free(t);
	t = plain(&l, 0, 0);
	cr_expect_str_eq(t, "lost 2953 events\n");
	free(t);
	t = plain(&other, 1, 1);
	cr_expect_str_eq(t, "unknown event type=5 size=40\n");
	free(t);
	r = sample(1000000000ULL, NULL, 0);
	t = plain(&r, 0, 0);
	cr_expect_str_eq(t, "== @1.000000000 CPU: 0 index: 0 =====\n\n");
	free(t);
}

Test(print_event, perf_json_compact_and_pretty)
{
	struct perf_rec r = sample(389587093463ULL, one, 12);
	struct perf_rec l = lost();
	struct perf_rec other = { .type = PERF_RECORD_THROTTLE, .size = 40 };
	struct sink s;
	struct json j;
	size_t where;

	sink_init_mem(&s);
	json_init(&j, &s, false);
	json_start_array(&j);
	event_perf_json(&j, &r, 1, 1);
	event_perf_json(&j, &l, 0, 0);
	event_perf_json(&j, &other, 1, 3);
	json_end_array(&j);
	json_finish(&j);
	sink_putc(&s, 0);
	cr_expect_str_eq(s.buf,
		"[{\"type\":9,\"cpu\":1,\"index\":1,\"timestamp\":389587093463,"
		"\"data\":[49,0,0,0,0,0,0,0,0,0,0,0]},"
		"{\"type\":2,\"cpu\":0,\"index\":0,\"lost\":{\"id\":15,\"count\":2953}},"
		"{\"type\":5,\"cpu\":1,\"index\":3}]\n");
	cr_expect(t_json_valid(s.buf, strlen(s.buf), &where));
	sink_free(&s);

	sink_init_mem(&s);
	json_init(&j, &s, true);
	json_start_array(&j);
	event_perf_json(&j, &r, 0, 0);
	event_perf_json(&j, &l, 0, 0);
	json_end_array(&j);
	json_finish(&j);
	sink_putc(&s, 0);
	/* observed with Debian's bpftool -p map event_pipe */
	cr_expect_str_eq(s.buf,
		"[{\n"
		"        \"type\": 9,\n"
		"        \"cpu\": 0,\n"
		"        \"index\": 0,\n"
		"        \"timestamp\": 389587093463,\n"
		"        \"data\": [49,0,0,0,0,0,0,0,0,0,0,0\n"
		"        ]\n"
		"    },{\n"
		"        \"type\": 2,\n"
		"        \"cpu\": 0,\n"
		"        \"index\": 0,\n"
		"        \"lost\": {\n"
		"            \"id\": 15,\n"
		"            \"count\": 2953\n"
		"        }\n"
		"    }\n"
		"]\n");
	cr_expect(t_json_valid(s.buf, strlen(s.buf), &where));
	sink_free(&s);
}

Test(print_event, ringbuf_plain_and_json)
{
	struct sink s;
	struct json j;

	sink_init_mem(&s);
	event_rb_plain(&s, 12345678901ULL, "\x01\x02\xff", 3);
	event_rb_plain(&s, 0, "", 0);
	sink_putc(&s, 0);
	cr_expect_str_eq(s.buf, "== @12.345678901 ringbuf =====\n01 02 ff\n"
				"== @0.000000000 ringbuf =====\n\n");
	sink_free(&s);

	sink_init_mem(&s);
	json_init(&j, &s, false);
	json_start_array(&j);
	event_rb_json(&j, 12345678901ULL, "\x01\x02\xff", 3);
	json_end_array(&j);
	json_finish(&j);
	sink_putc(&s, 0);
	cr_expect_str_eq(s.buf, "[{\"type\":\"ringbuf\",\"timestamp\":12345678901,"
				"\"data\":[1,2,255]}]\n");
	sink_free(&s);
}
