/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* event_pipe records, plain and JSON side by side. No syscalls: the records come decoded. */
#ifndef PRINT_EVENT_H
#define PRINT_EVENT_H

#include <linux/types.h>

#include "json.h"
#include "ring.h"
#include "sink.h"

/*
 * A perf record read from the ring of `cpu`, installed at map key `index`, as upstream prints
 * it: "== @SEC.NSEC CPU: C index: I =====\n" + hex + "\n", "lost N events\n", or
 * "unknown event type=T size=S\n".
 */
void event_perf_plain(struct sink *s, const struct perf_rec *r, int cpu, __u32 index);
/* {"type":9,"cpu":C,"index":I,"timestamp":T,"data":[..]}, LOST: "lost":{"id","count"}. */
void event_perf_json(struct json *j, const struct perf_rec *r, int cpu, __u32 index);

/*
 * A ring buffer sample (an extension: upstream reads perf arrays only). Records carry no
 * time, so ns is when it was read (CLOCK_MONOTONIC): "== @SEC.NSEC ringbuf =====\n" + hex +
 * "\n"; JSON {"type":"ringbuf","timestamp":NS,"data":[..]}.
 */
void event_rb_plain(struct sink *s, __u64 ns, const void *data, __u32 len);
void event_rb_json(struct json *j, __u64 ns, const void *data, __u32 len);

#endif
