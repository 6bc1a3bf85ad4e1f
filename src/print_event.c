// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* event_pipe records, plain and JSON side by side, in upstream's layout (map_perf_ring.c). */
#include "out.h"
#include "print_event.h"

static void stamp(struct sink *s, __u64 ns)
{
	sink_printf(s, "== @%llu.%09llu ", (unsigned long long)(ns / 1000000000ULL),
		    (unsigned long long)(ns % 1000000000ULL));
}

void event_perf_plain(struct sink *s, const struct perf_rec *r, int cpu, __u32 index)
{
	switch (r->type) {
	case PERF_RECORD_SAMPLE:
		stamp(s, r->time);
		sink_printf(s, "CPU: %d index: %u =====\n", cpu, index);
		out_hex(s, r->data, r->data_len);
		sink_putc(s, '\n');
		break;
	case PERF_RECORD_LOST:
		sink_printf(s, "lost %llu events\n", (unsigned long long)r->lost);
		break;
	default:
		sink_printf(s, "unknown event type=%u size=%u\n", r->type, r->size);
		break;
	}
}

void event_perf_json(struct json *j, const struct perf_rec *r, int cpu, __u32 index)
{
	json_start_object(j);
	json_kv_u64(j, "type", r->type);
	json_kv_u64(j, "cpu", (unsigned int)cpu);
	json_kv_u64(j, "index", index);
	if (r->type == PERF_RECORD_SAMPLE) {
		json_kv_u64(j, "timestamp", r->time);
		json_name(j, "data");
		json_dec_bytes(j, r->data, r->data_len);
	} else if (r->type == PERF_RECORD_LOST) {
		json_name(j, "lost");
		json_start_object(j);
		json_kv_u64(j, "id", r->lost_id);
		json_kv_u64(j, "count", r->lost);
		json_end_object(j);
	}
	json_end_object(j);
}

void event_rb_plain(struct sink *s, __u64 ns, const void *data, __u32 len)
{
	stamp(s, ns);
	sink_puts(s, "ringbuf =====\n");
	out_hex(s, data, len);
	sink_putc(s, '\n');
}

void event_rb_json(struct json *j, __u64 ns, const void *data, __u32 len)
{
	json_start_object(j);
	json_kv_string(j, "type", "ringbuf");
	json_kv_u64(j, "timestamp", ns);
	json_name(j, "data");
	json_dec_bytes(j, data, len);
	json_end_object(j);
}
