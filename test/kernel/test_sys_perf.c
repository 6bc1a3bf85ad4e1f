// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* sys_perf.c and the ring readers on the real kernel: a perf ring and a ring buffer, by hand. */
#include <errno.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/mman.h>
#include <unistd.h>

#include "evpipe.h"
#include "ring.h"
#include "sys_bpf.h"
#include "sys_perf.h"

struct got {
	int n;
	struct perf_rec r;
	unsigned char data[64];
};

static int keep(const struct perf_event_header *h, void *ctx)
{
	struct got *g = ctx;

	ring_perf_decode(h, &g->r);
	if (g->r.data_len <= sizeof(g->data))
		memcpy(g->data, g->r.data, g->r.data_len);
	g->n++;
	return 0;
}

Test(sys_perf, perf_ring_by_hand)
{
	struct perf_event_attr attr = {
		.type = PERF_TYPE_SOFTWARE, .size = sizeof(attr),
		.config = PERF_COUNT_SW_BPF_OUTPUT, .sample_period = 1,
		.sample_type = PERF_SAMPLE_RAW | PERF_SAMPLE_TIME, .wakeup_events = 1,
	};
	struct map_create_opts mo = { .map_type = BPF_MAP_TYPE_PERF_EVENT_ARRAY, .key_size = 4,
				      .value_size = 4, .max_entries = 1, .name = "t_sysperf" };
	struct t_ev ev = { .kind = T_EV_PERF, .data = "abcdefgh", .len = 8, .by_index = true };
	size_t page = (size_t)sysconf(_SC_PAGESIZE), size = 2 * page;
	struct perf_event_mmap_page *mp;
	struct epoll_event out[2];
	struct got g = { 0 };
	int map, fd, ep, prog;
	__u32 key = 0;
	void *base;
	__u64 tail;

	t_require_bpf();
	map = bpf_map_create(&mo);
	cr_assert_geq(map, 0);
	fd = perf_event_open_cpu(&attr, 0);
	if (fd == -EACCES || fd == -EPERM || fd == -ENOSYS)
		t_skip_or_fail("perf_event_open: %s", strerror(-fd));
	cr_assert_geq(fd, 0, "perf_event_open: %s", strerror(-fd));
	cr_assert_eq(sys_mmap_shared(fd, page + size, PROT_READ | PROT_WRITE, 0, &base), 0);
	cr_assert_eq(perf_event_enable(fd), 0);
	cr_assert_eq(bpf_map_update_elem(map, &key, &fd, BPF_ANY), 0);
	ep = sys_epoll_create();
	cr_assert_geq(ep, 0);
	cr_assert_eq(sys_epoll_add(ep, fd, 7), 0);
	cr_assert_eq(sys_epoll_pwait(ep, out, 2, 0, NULL), 0);

	prog = t_ev_prog(map, &ev, 1);
	cr_assert_eq(t_ev_fire(prog, 0, 1), 0);
	cr_assert_eq(sys_epoll_pwait(ep, out, 2, 5000, NULL), 1);
	cr_assert_eq(out[0].data.u64, 7);

	mp = base;
	tail = mp->data_tail;
	cr_assert_eq(ring_perf_read((char *)base + page, size, ring_load_acquire(&mp->data_head),
				    &tail, keep, &g), 1);
	ring_store_release(&mp->data_tail, tail);
	cr_assert_eq(g.r.type, PERF_RECORD_SAMPLE);
	cr_assert_eq(g.r.data_len, 12);
	cr_assert(!memcmp(g.data, "abcdefgh\0\0\0\0", 12));
	cr_assert_gt(g.r.time, 0);
	cr_assert_eq(mp->data_tail, mp->data_head);

	cr_assert_eq(bpf_map_delete_elem(map, &key), 0);
	cr_assert_eq(bpf_map_delete_elem(map, &key), -ENOENT);
	cr_assert_eq(sys_munmap(base, page + size), 0);
	close(prog);
	close(ep);
	close(fd);
	close(map);
}

struct rb_got {
	int n;
	char s[4][16];
};

static int keep_rb(const void *p, __u32 len, void *ctx)
{
	struct rb_got *g = ctx;

	cr_assert_lt(len, sizeof(g->s[0]));
	memcpy(g->s[g->n], p, len);
	g->s[g->n][len] = 0;
	g->n++;
	return 0;
}

Test(sys_perf, ring_buffer_by_hand)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	struct map_create_opts mo = { .map_type = BPF_MAP_TYPE_RINGBUF,
				      .max_entries = (__u32)page, .name = "t_sysrb" };
	struct t_ev ev[] = {
		{ .kind = T_EV_RB, .data = "one", .len = 3 },
		{ .kind = T_EV_RB_DISCARD, .len = 8 },
		{ .kind = T_EV_RB, .data = "three", .len = 5 },
	};
	struct epoll_event out;
	struct rb_got g = { 0 };
	void *cons, *prod;
	int map, ep, prog, lap;
	__u64 c;

	t_require_bpf();
	map = bpf_map_create(&mo);
	cr_assert_geq(map, 0, "ringbuf: %s", strerror(-map));
	cr_assert_eq(sys_mmap_shared(map, page, PROT_READ | PROT_WRITE, 0, &cons), 0);
	cr_assert_eq(sys_mmap_shared(map, 3 * page, PROT_READ, (off_t)page, &prod), 0);
	/* the producer side cannot be mapped writable */
	cr_assert_neq(sys_mmap_shared(map, page, PROT_READ | PROT_WRITE, (off_t)page, &prod), 0);
	ep = sys_epoll_create();
	cr_assert_eq(sys_epoll_add(ep, map, 1), 0);
	prog = t_ev_prog(map, ev, 3);
	/* enough laps that records straddle the end of the data area (read in its 2nd copy) */
	for (lap = 0; lap < 200; lap++) {
		g.n = 0;
		cr_assert_eq(t_ev_fire(prog, 0, 1), 0);
		cr_assert_eq(sys_epoll_pwait(ep, &out, 1, 5000, NULL), 1);
		c = ring_rb_load_pos(cons);
		cr_assert_eq(ring_rb_read((char *)prod + page, page, ring_rb_load_pos(prod), &c,
					  keep_rb, &g), 2);
		ring_rb_store_pos(cons, c);
		cr_assert_eq(c, ring_rb_load_pos(prod));
		cr_assert_str_eq(g.s[0], "one");
		cr_assert_str_eq(g.s[1], "three");
	}
	cr_assert_gt(c, 2 * page);
	cr_assert_eq(sys_epoll_pwait(ep, &out, 1, 0, NULL), 0);
	sys_munmap(prod, 3 * page);
	sys_munmap(cons, page);
	close(prog);
	close(ep);
	close(map);
}
