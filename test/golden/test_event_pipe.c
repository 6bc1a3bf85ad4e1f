// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * map event_pipe, the built binary against real perf_event_array and ringbuf maps: events
 * sent by hand-assembled XDP programs pinned to a CPU, stopped with a signal.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "cpus.h"
#include "evpipe.h"
#include "nobpf.h"
#include "sys_bpf.h"

#define WAIT_MS 10000

static void fini(void)
{
	t_dir_cleanup();
}

struct fix {
	char path[300];
	int fd;
	__u32 entries;
	int possible;
	int ncpu;		/* online CPUs below entries: the rings event_pipe opens */
	int cpu[2];		/* the first two of them (cpu[1] = cpu[0] with one CPU) */
};

/*
 * A perf_event_array with BPF_F_PRESERVE_ELEMS: the kernel keeps its entries when the fd that
 * installed them closes, so only event_pipe's own cleanup empties it (and the test can see).
 */
static void perf_map(struct fix *f, const char *tag)
{
	struct map_create_opts o = { .map_type = BPF_MAP_TYPE_PERF_EVENT_ARRAY, .key_size = 4,
				     .value_size = 4, .map_flags = BPF_F_PRESERVE_ELEMS };
	char name[16];
	bool *online;
	int i;

	memset(f, 0, sizeof(*f));
	snprintf(f->path, sizeof(f->path), "%s/pa", t_dir(tag));
	f->possible = cpus_possible();
	cr_assert_gt(f->possible, 0);
	online = calloc((size_t)f->possible, sizeof(bool));
	cr_assert_geq(cpus_online(online, f->possible), 1);
	f->entries = o.max_entries = (__u32)f->possible;
	snprintf(name, sizeof(name), "t_ep_%s", tag);
	o.name = name;
	f->fd = bpf_map_create(&o);
	cr_assert_geq(f->fd, 0, "map create: %s", strerror(-f->fd));
	cr_assert_eq(bpf_obj_pin(f->fd, f->path), 0);
	for (i = 0; i < f->possible; i++) {
		if (!online[i])
			continue;
		if (f->ncpu < 2)
			f->cpu[f->ncpu] = i;
		f->ncpu++;
	}
	if (f->ncpu == 1)
		f->cpu[1] = f->cpu[0];
	free(online);
}

static void ringbuf_map(struct fix *f, const char *tag)
{
	struct map_create_opts o = { .map_type = BPF_MAP_TYPE_RINGBUF,
				     .max_entries = (__u32)sysconf(_SC_PAGESIZE) };
	char name[16];

	memset(f, 0, sizeof(*f));
	snprintf(f->path, sizeof(f->path), "%s/rb", t_dir(tag));
	snprintf(name, sizeof(name), "t_ep_%s", tag);
	o.name = name;
	f->fd = bpf_map_create(&o);
	cr_assert_geq(f->fd, 0, "map create: %s", strerror(-f->fd));
	cr_assert_eq(bpf_obj_pin(f->fd, f->path), 0);
	f->entries = o.max_entries;
	f->cpu[0] = f->cpu[1] = 0;
}

/* Every key empty: the delete of an empty perf_event_array slot is ENOENT. */
static void expect_nothing_installed(const struct fix *f)
{
	__u32 k;

	for (k = 0; k < f->entries; k++)
		cr_expect_eq(bpf_map_delete_elem(f->fd, &k), -ENOENT, "key %u still installed", k);
}

static void start(struct t_child *c, const char *const *argv, int rings)
{
	t_child_start(c, argv);
	if (!t_child_wait_watching(c, rings, WAIT_MS)) {
		struct run r = t_child_finish(c, SIGKILL);

		cr_assert_fail("event_pipe not ready (status %d): %s%s", r.status, r.out, r.err);
	}
}

static void send_perf(int map_fd, int cpu, const void *data, size_t len)
{
	struct t_ev ev = { .kind = T_EV_PERF, .data = data, .len = len };
	int prog = t_ev_prog(map_fd, &ev, 1);

	cr_assert_eq(t_ev_fire(prog, cpu, 1), 0, "event not delivered on CPU %d", cpu);
	close(prog);
}

static void expect_stopped(struct run *r, int status_want)
{
	cr_expect_eq(r->status, status_want, "status %d; stderr: %s", r->status, r->err);
	cr_expect_str_eq(r->err, "Stopping...\n");
}

static const unsigned char eight[8] = { 0x31 };
static const unsigned char twenty_one[21] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11,
					      12, 13, 14, 15, 16, 17, 18, 19, 20, 21 };

Test(event_pipe, perf_all_cpus_plain, .fini = fini)
{
	const char *argv[] = { "map", "event_pipe", "pinned", NULL, NULL };
	struct t_child c;
	struct fix f;
	struct run r;
	char want[1024], *got;

	perf_map(&f, "plain");
	argv[3] = f.path;
	start(&c, argv, f.ncpu);
	send_perf(f.fd, f.cpu[0], eight, sizeof(eight));
	cr_assert(t_child_wait_out(&c, "=====\n", 1, WAIT_MS), "out: %s", c.out);
	send_perf(f.fd, f.cpu[1], twenty_one, sizeof(twenty_one));
	cr_assert(t_child_wait_out(&c, "=====\n", 2, WAIT_MS), "out: %s", c.out);
	r = t_child_finish(&c, SIGINT);
	/* 8 bytes show as 12, 21 as 28: the raw sample is padded to keep records aligned */
	snprintf(want, sizeof(want),
		 "== @T CPU: %d index: %d =====\n"
		 "31 00 00 00 00 00 00 00  00 00 00 00\n"
		 "== @T CPU: %d index: %d =====\n"
		 "01 02 03 04 05 06 07 08  09 0a 0b 0c 0d 0e 0f 10\n"
		 "11 12 13 14 15 00 00 00  00 00 00 00\n",
		 f.cpu[0], f.cpu[0], f.cpu[1], f.cpu[1]);
	got = t_mask_stamps(r.out);
	cr_expect_str_eq(got, want);
	cr_expect(strstr(r.out, "== @") && r.out[4] >= '0' && r.out[4] <= '9');
	expect_stopped(&r, 0);
	expect_nothing_installed(&f);
	free(got);
	t_run_free(&r);
}

Test(event_pipe, perf_all_cpus_json, .fini = fini)
{
	const char *argv[] = { "-j", "map", "event_pipe", "pinned", NULL, NULL };
	struct t_child c;
	struct fix f;
	struct run r;
	char want[1024], *got;
	size_t where;

	perf_map(&f, "json");
	argv[4] = f.path;
	start(&c, argv, f.ncpu);
	send_perf(f.fd, f.cpu[0], eight, sizeof(eight));
	cr_assert(t_child_wait_out(&c, "\"type\":9", 1, WAIT_MS), "out: %s", c.out);
	send_perf(f.fd, f.cpu[1], twenty_one, sizeof(twenty_one));
	cr_assert(t_child_wait_out(&c, "\"type\":9", 2, WAIT_MS), "out: %s", c.out);
	r = t_child_finish(&c, SIGINT);
	cr_expect(t_json_valid(r.out, r.out_len, &where), "invalid JSON at %zu: %s", where, r.out);
	snprintf(want, sizeof(want),
		 "[{\"type\":9,\"cpu\":%d,\"index\":%d,\"timestamp\":T,"
		 "\"data\":[49,0,0,0,0,0,0,0,0,0,0,0]},"
		 "{\"type\":9,\"cpu\":%d,\"index\":%d,\"timestamp\":T,"
		 "\"data\":[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,"
		 "0,0,0,0,0,0,0]}]\n",
		 f.cpu[0], f.cpu[0], f.cpu[1], f.cpu[1]);
	got = t_mask_stamps(r.out);
	cr_expect_str_eq(got, want);
	expect_stopped(&r, 0);
	expect_nothing_installed(&f);
	free(got);
	t_run_free(&r);
}

Test(event_pipe, perf_pretty, .fini = fini)
{
	const char *argv[] = { "-p", "map", "event_pipe", "pinned", NULL, NULL };
	struct t_child c;
	struct fix f;
	struct run r;
	char want[1024], *got;
	size_t where;

	perf_map(&f, "pretty");
	argv[4] = f.path;
	start(&c, argv, f.ncpu);
	send_perf(f.fd, f.cpu[0], eight, sizeof(eight));
	cr_assert(t_child_wait_out(&c, "\"type\": 9", 1, WAIT_MS), "out: %s", c.out);
	r = t_child_finish(&c, SIGTERM);
	cr_expect(t_json_valid(r.out, r.out_len, &where), "invalid JSON at %zu: %s", where, r.out);
	snprintf(want, sizeof(want),
		 "[{\n"
		 "        \"type\": 9,\n"
		 "        \"cpu\": %d,\n"
		 "        \"index\": %d,\n"
		 "        \"timestamp\": T,\n"
		 "        \"data\": [49,0,0,0,0,0,0,0,0,0,0,0\n"
		 "        ]\n"
		 "    }\n"
		 "]\n", f.cpu[0], f.cpu[0]);
	got = t_mask_stamps(r.out);
	cr_expect_str_eq(got, want);
	expect_stopped(&r, 0);
	expect_nothing_installed(&f);
	free(got);
	t_run_free(&r);
}

/* `cpu C index I`: one ring, on CPU C, at key I; the program sends to key I from CPU C. */
Test(event_pipe, perf_cpu_and_index, .fini = fini)
{
	const char *argv[] = { "map", "event_pipe", "pinned", NULL, "cpu", NULL, "index", "0",
			       NULL };
	struct t_ev ev = { .kind = T_EV_PERF, .data = "ab\0\0", .len = 4, .by_index = true };
	struct t_child c;
	struct fix f;
	struct run r;
	char want[256], cpu[16];
	char *got;
	int prog;

	perf_map(&f, "cpuidx");
	snprintf(cpu, sizeof(cpu), "%d", f.cpu[1]);
	argv[3] = f.path;
	argv[5] = cpu;
	start(&c, argv, 1);
	prog = t_ev_prog(f.fd, &ev, 1);
	cr_assert_eq(t_ev_fire(prog, f.cpu[1], 1), 0);
	cr_assert(t_child_wait_out(&c, "=====\n", 1, WAIT_MS), "out: %s", c.out);
	close(prog);
	r = t_child_finish(&c, SIGHUP);
	snprintf(want, sizeof(want), "== @T CPU: %d index: 0 =====\n61 62 00 00\n", f.cpu[1]);
	got = t_mask_stamps(r.out);
	cr_expect_str_eq(got, want);
	expect_stopped(&r, 0);
	expect_nothing_installed(&f);
	free(got);
	t_run_free(&r);

	/* the same in JSON, index 1 this time (in cpu mode, index need not be the cpu) */
	argv[7] = "1";
	ev.index = 1;
	{
		const char *jargv[] = { "-j", argv[0], argv[1], argv[2], argv[3], argv[4],
					argv[5], argv[6], argv[7], NULL };
		size_t where;

		start(&c, jargv, 1);
		prog = t_ev_prog(f.fd, &ev, 1);
		cr_assert_eq(t_ev_fire(prog, f.cpu[1], 1), 0);
		cr_assert(t_child_wait_out(&c, "}", 1, WAIT_MS), "out: %s", c.out);
		close(prog);
		r = t_child_finish(&c, SIGINT);
		cr_expect(t_json_valid(r.out, r.out_len, &where), "at %zu: %s", where, r.out);
		snprintf(want, sizeof(want),
			 "[{\"type\":9,\"cpu\":%d,\"index\":1,\"timestamp\":T,"
			 "\"data\":[97,98,0,0]}]\n",
			 f.cpu[1]);
		got = t_mask_stamps(r.out);
		cr_expect_str_eq(got, want);
		expect_stopped(&r, 0);
		expect_nothing_installed(&f);
		free(got);
		t_run_free(&r);
	}
}

static void wait_stopped(pid_t pid)
{
	char path[64], buf[512], *p;
	int i;

	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	for (i = 0; i < 1000; i++) {
		FILE *fp = fopen(path, "re");
		size_t n;

		cr_assert(fp);
		n = fread(buf, 1, sizeof(buf) - 1, fp);
		fclose(fp);
		buf[n] = 0;
		p = strrchr(buf, ')');
		if (p && p[1] == ' ' && (p[2] == 'T' || p[2] == 't'))
			return;
		usleep(1000);
	}
	cr_assert_fail("child never stopped");
}

/*
 * A one-page ring (the test seam BPFTOOL_TEST_PERF_PAGES) flooded while the reader is
 * stopped: page/32 - 1 records of 32 bytes fit (the kernel keeps the ring from filling up
 * completely, so head never catches tail), the rest is reported as lost with the next event
 * that finds room. That event wraps around the end of the ring and lands on the first lap's
 * bytes, so its padding shows stale data, as upstream's does.
 */
Test(event_pipe, perf_small_ring_reports_lost, .fini = fini)
{
	const char *argv[] = { "map", "event_pipe", "pinned", NULL, NULL };
	struct t_ev ev = { .kind = T_EV_PERF, .data = eight, .len = 8 };
	int fits = (int)(sysconf(_SC_PAGESIZE) / 32) - 1, prog;
	struct t_child c;
	struct fix f;
	struct run r;
	char want[256];
	const char *lost;

	perf_map(&f, "lost");
	argv[3] = f.path;
	setenv("BPFTOOL_TEST_PERF_PAGES", "1", 1);
	start(&c, argv, f.ncpu);
	unsetenv("BPFTOOL_TEST_PERF_PAGES");
	prog = t_ev_prog(f.fd, &ev, 1);
	kill(c.pid, SIGSTOP);
	wait_stopped(c.pid);
	t_ev_fire(prog, f.cpu[0], (__u32)fits + 500);	/* those that do not fit: ENOSPC */
	kill(c.pid, SIGCONT);
	cr_assert(t_child_wait_out(&c, "=====\n", fits, WAIT_MS), "got %d",
		  t_count(c.out, "=====\n"));
	send_perf(f.fd, f.cpu[0], "2\0\0\0\0\0\0\0", 8);
	cr_assert(t_child_wait_out(&c, "=====\n", fits + 1, WAIT_MS));
	close(prog);
	r = t_child_finish(&c, SIGINT);
	cr_expect_eq(t_count(r.out, "=====\n31 00 00 00 00 00 00 00  00 00 00 00\n"), fits);
	lost = strstr(r.out, "lost ");
	cr_assert(lost, "no lost record: %s", r.out);
	snprintf(want, sizeof(want), "lost 500 events\n== @");
	cr_expect(!strncmp(lost, want, strlen(want)), "%.60s", lost);
	cr_expect(strstr(lost, "=====\n32 00 00 00 00 00 00 00  31 00 00 00\n"), "%s", lost);
	cr_expect_eq(t_count(r.out, "lost "), 1);
	expect_stopped(&r, 0);
	expect_nothing_installed(&f);
	t_run_free(&r);
}

Test(event_pipe, json_without_events_is_an_empty_array, .fini = fini)
{
	const char *argv[] = { "-j", "map", "event_pipe", "pinned", NULL, NULL };
	struct t_child c;
	struct fix f;
	struct run r;

	perf_map(&f, "empty");
	argv[4] = f.path;
	start(&c, argv, f.ncpu);
	r = t_child_finish(&c, SIGINT);
	cr_expect_str_eq(r.out, "[]\n");
	expect_stopped(&r, 0);
	expect_nothing_installed(&f);
	t_run_free(&r);
}

/* `| head`: a closed stdout ends the loop at the next write, quietly, with cleanup. */
Test(event_pipe, closed_stdout_ends_quietly, .fini = fini)
{
	const char *argv[] = { "map", "event_pipe", "pinned", NULL, NULL };
	struct t_child c;
	struct fix f;
	struct run r;

	perf_map(&f, "epipe");
	argv[3] = f.path;
	start(&c, argv, f.ncpu);
	close(c.out_fd);
	c.out_fd = -1;
	send_perf(f.fd, f.cpu[0], eight, sizeof(eight));
	r = t_child_finish(&c, 0);
	cr_expect_eq(r.status, 0, "status %d: %s", r.status, r.err);
	cr_expect_str_eq(r.err, "");
	expect_nothing_installed(&f);
	t_run_free(&r);
}

/* ---- ring buffers (an extension) -------------------------------------------------------- */

struct rb_pages {
	__u64 cons, prod;
};

static struct rb_pages rb_positions(int fd)
{
	long page = sysconf(_SC_PAGESIZE);
	struct rb_pages p;
	void *c, *pr;

	c = mmap(NULL, (size_t)page, PROT_READ, MAP_SHARED, fd, 0);
	pr = mmap(NULL, (size_t)page, PROT_READ, MAP_SHARED, fd, page);
	cr_assert(c != MAP_FAILED && pr != MAP_FAILED);
	p.cons = *(volatile __u64 *)c;
	p.prod = *(volatile __u64 *)pr;
	munmap(c, (size_t)page);
	munmap(pr, (size_t)page);
	return p;
}

static int rb_prog(int fd)
{
	struct t_ev ev[] = {
		{ .kind = T_EV_RB, .data = "first", .len = 5 },
		{ .kind = T_EV_RB_DISCARD, .len = 16 },
		{ .kind = T_EV_RB, .data = "12345678", .len = 8 },
	};

	return t_ev_prog(fd, ev, 3);
}

Test(event_pipe, ringbuf_plain_with_a_discarded_record, .fini = fini)
{
	const char *argv[] = { "map", "event_pipe", "pinned", NULL, NULL };
	struct rb_pages pos;
	struct t_child c;
	struct fix f;
	struct run r;
	char *got;
	int prog;

	ringbuf_map(&f, "rb");
	argv[3] = f.path;
	start(&c, argv, 1);
	prog = rb_prog(f.fd);
	cr_assert_eq(t_ev_fire(prog, 0, 1), 0);
	cr_assert(t_child_wait_out(&c, "=====\n", 2, WAIT_MS), "out: %s", c.out);
	cr_assert_eq(t_ev_fire(prog, 0, 1), 0);
	cr_assert(t_child_wait_out(&c, "=====\n", 4, WAIT_MS), "out: %s", c.out);
	close(prog);
	r = t_child_finish(&c, SIGINT);
	got = t_mask_stamps(r.out);
	cr_expect_str_eq(got, "== @T ringbuf =====\n66 69 72 73 74\n"
			      "== @T ringbuf =====\n31 32 33 34 35 36 37 38\n"
			      "== @T ringbuf =====\n66 69 72 73 74\n"
			      "== @T ringbuf =====\n31 32 33 34 35 36 37 38\n");
	expect_stopped(&r, 0);
	/* consumed up to the producer, discarded record included */
	pos = rb_positions(f.fd);
	cr_expect_eq(pos.cons, pos.prod);
	cr_expect_eq(pos.prod, 2 * (16 + 24 + 16));
	free(got);
	t_run_free(&r);
}

Test(event_pipe, ringbuf_json, .fini = fini)
{
	const char *argv[] = { "-j", "map", "event_pipe", "pinned", NULL, NULL };
	struct t_child c;
	struct fix f;
	struct run r;
	size_t where;
	char *got;
	int prog;

	ringbuf_map(&f, "rbjson");
	argv[4] = f.path;
	start(&c, argv, 1);
	prog = rb_prog(f.fd);
	cr_assert_eq(t_ev_fire(prog, 0, 1), 0);
	cr_assert(t_child_wait_out(&c, "\"ringbuf\"", 2, WAIT_MS), "out: %s", c.out);
	close(prog);
	r = t_child_finish(&c, SIGTERM);
	cr_expect(t_json_valid(r.out, r.out_len, &where), "invalid JSON at %zu: %s", where, r.out);
	got = t_mask_stamps(r.out);
	cr_expect_str_eq(got, "[{\"type\":\"ringbuf\",\"timestamp\":T,"
			      "\"data\":[102,105,114,115,116]},"
			      "{\"type\":\"ringbuf\",\"timestamp\":T,"
			      "\"data\":[49,50,51,52,53,54,55,56]}]\n");
	expect_stopped(&r, 0);
	free(got);
	t_run_free(&r);
}

/* ---- errors ------------------------------------------------------------------------------- */

static void expect_err(struct run r, const char *err)
{
	cr_expect_eq(r.status, 255, "status %d: %s", r.status, r.err);
	cr_expect_str_eq(r.out, "");
	cr_expect_str_eq(r.err, err);
	t_run_free(&r);
}

static void expect_json_err(struct run r, const char *json)
{
	size_t where;

	cr_expect_eq(r.status, 255, "status %d: %s", r.status, r.err);
	cr_expect(t_json_valid(r.out, r.out_len, &where), "%s", r.out);
	cr_expect_str_eq(r.out, json);
	cr_expect_str_eq(r.err, "");
	t_run_free(&r);
}

Test(event_pipe, argument_errors, .fini = fini)
{
	struct fix f;
	const char *p;

	perf_map(&f, "args");
	p = f.path;
	expect_err(t_run("map event_pipe pinned %s cpu 0", p),
		   "Error: cpu and index must be specified together\n");
	expect_err(t_run("map event_pipe pinned %s index 0", p),
		   "Error: cpu and index must be specified together\n");
	expect_err(t_run("map event_pipe pinned %s cpu x index 0", p),
		   "Error: can't parse x as CPU ID\n");
	expect_err(t_run("map event_pipe pinned %s cpu 1x index 0", p),
		   "Error: can't parse 1x as CPU ID\n");
	expect_err(t_run("map event_pipe pinned %s cpu 0x index 0", p),
		   "Error: can't parse 0x as CPU ID\n");
	expect_err(t_run("map event_pipe pinned %s cpu 0 index 08", p),
		   "Error: can't parse 08 as index\n");
	expect_err(t_run("map event_pipe pinned %s cpu 0 index y", p),
		   "Error: can't parse y as index\n");
	expect_err(t_run("map event_pipe pinned %s cpu 0 index 4294967296", p),
		   "Error: can't parse 4294967296 as index\n");
	expect_err(t_run("map event_pipe pinned %s foo 1", p), "Error: what is 'foo'?\n");
	expect_err(t_run("map event_pipe pinned %s cpu", p), "Error: what is 'cpu'?\n");
	expect_err(t_run("map event_pipe pinned %s c 0 i 0 bar", p), "Error: what is 'bar'?\n");
	expect_json_err(t_run("-j map event_pipe pinned %s cpu 0", p),
			"{\"error\":\"cpu and index must be specified together\"}\n");
	expect_nothing_installed(&f);
}

Test(event_pipe, wrong_map_types, .fini = fini)
{
	struct map_create_opts o = { .map_type = BPF_MAP_TYPE_HASH, .key_size = 4,
				     .value_size = 4, .max_entries = 2, .name = "t_ep_hash" };
	char path[300];
	struct fix f;
	int fd;

	snprintf(path, sizeof(path), "%s/h", t_dir("types"));
	fd = bpf_map_create(&o);
	cr_assert_geq(fd, 0);
	cr_assert_eq(bpf_obj_pin(fd, path), 0);
	/* the type is checked before the arguments, as upstream does */
	expect_err(t_run("map event_pipe pinned %s", path),
		   "Error: map is not a perf event array or a ring buffer\n");
	expect_err(t_run("map event_pipe pinned %s foo", path),
		   "Error: map is not a perf event array or a ring buffer\n");
	expect_json_err(t_run("-j map event_pipe pinned %s", path),
			"{\"error\":\"map is not a perf event array or a ring buffer\"}\n");
	close(fd);
	t_dir_cleanup();	/* one private dir at a time */

	ringbuf_map(&f, "rbargs");
	expect_err(t_run("map event_pipe pinned %s cpu 0 index 0", f.path),
		   "Error: cpu and index do not apply to a ring buffer: it has one ring for all "
		   "CPUs\n");
	expect_err(t_run("map event_pipe pinned %s cpu 0", f.path),
		   "Error: cpu and index must be specified together\n");
}

Test(event_pipe, missing_cpu_and_bad_index, .fini = fini)
{
	struct fix f;
	char want[256];

	perf_map(&f, "nocpu");
	snprintf(want, sizeof(want),
		 "Error: failed to create perf buffer: CPU %d does not exist "
		 "(possible CPUs: 0-%d)\n",
		 f.possible, f.possible - 1);
	expect_err(t_run("map event_pipe pinned %s cpu %d index 0", f.path, f.possible), want);
	snprintf(want, sizeof(want),
		 "Error: failed to create perf buffer: CPU 99999 does not exist (possible CPUs: "
		 "0-%d)\n", f.possible - 1);
	expect_err(t_run("map event_pipe pinned %s cpu 99999 index 0", f.path), want);
	snprintf(want, sizeof(want),
		 "Error: failed to create perf buffer: can't set key %u (CPU %d) in the map: "
		 "Argument list too long (7) -- the map has %u entries\n",
		 f.entries, f.cpu[0], f.entries);
	expect_err(t_run("map event_pipe pinned %s cpu %d index %u", f.path, f.cpu[0], f.entries),
		   want);
	expect_nothing_installed(&f);
}

/* The second CPU's ring fails (no fd left): the first one, installed already, is removed. */
Test(event_pipe, failure_halfway_removes_what_was_installed, .fini = fini)
{
	const char *argv[] = { "map", "event_pipe", "pinned", NULL, NULL };
	struct t_child c;
	struct fix f;
	struct run r;
	char want[256];
	int nofile;
	bool seen = false;

	perf_map(&f, "half");
	if (f.ncpu < 2)
		cr_skip_test("needs two online CPUs");
	argv[3] = f.path;
	snprintf(want, sizeof(want),
		 "Error: failed to create perf buffer: can't open a perf event on CPU %d: "
		 "Too many open files (24)\n", f.cpu[1]);
	for (nofile = 4; nofile < 64 && !seen; nofile++) {
		t_child_start_opts(&c, argv, &(struct t_child_opts){ .nofile = nofile });
		r = t_child_finish(&c, 0);
		if (strstr(r.err, "on CPU") && !strstr(r.err, "on CPU 0:") && r.status == 255) {
			seen = true;
			cr_expect_str_eq(r.err, want);
			expect_nothing_installed(&f);
		}
		t_run_free(&r);
	}
	cr_expect(seen, "no file limit made the second ring fail");
}

/* A kernel with bpf(2) but without perf events: the error says so, and no bpf(2) note. */
Test(event_pipe, no_perf_events_names_the_config, .fini = fini)
{
	struct fix f;
	struct run r;

	perf_map(&f, "noperf");
	t_block_perf(ENOSYS);
	r = t_run("map event_pipe pinned %s", f.path);
	cr_expect_eq(r.status, 255);
	cr_expect(strstr(r.err, "Error: failed to create perf buffer: can't open a perf event "
				"on CPU "), "%s", r.err);
	cr_expect(strstr(r.err, ": Function not implemented (38) -- the kernel has no perf "
				"events (CONFIG_PERF_EVENTS)\n"), "%s", r.err);
	cr_expect(!strstr(r.err, "Note:"), "%s", r.err);
	cr_expect_str_eq(r.out, "");
	expect_nothing_installed(&f);
	t_run_free(&r);
	r = t_run("-j map event_pipe pinned %s", f.path);
	cr_expect(strstr(r.out, "{\"error\":\"failed to create perf buffer: can't open a perf "
				"event on CPU "), "%s", r.out);
	t_expect_json(r, 255, NULL);
	expect_nothing_installed(&f);
}

#define PARANOID "/proc/sys/kernel/perf_event_paranoid"

static int saved_paranoid = -100;	/* -100: not changed */

static int paranoid_read(void)
{
	FILE *fp = fopen(PARANOID, "re");
	int par = 0;

	cr_assert(fp);
	cr_assert_eq(fscanf(fp, "%d", &par), 1);
	fclose(fp);
	return par;
}

static void paranoid_write(int par)
{
	FILE *fp = fopen(PARANOID, "we");

	cr_assert(fp, PARANOID ": %s", strerror(errno));
	fprintf(fp, "%d\n", par);
	cr_assert_eq(fclose(fp), 0);
}

static void fini_paranoid(void)
{
	if (saved_paranoid != -100)
		paranoid_write(saved_paranoid);
	fini();
}

/*
 * Without CAP_PERFMON, CPU-wide perf events need kernel.perf_event_paranoid <= 0; where the
 * machine allows them to everyone, the test raises it to 2 for its run (and puts it back).
 */
Test(event_pipe, no_perf_capability_names_what_is_missing, .fini = fini_paranoid)
{
	const char *argv[] = { "map", "event_pipe", "pinned", NULL, NULL };
	struct t_child c;
	struct fix f;
	struct run r;
	int par = paranoid_read();

	if (par <= 0) {
		saved_paranoid = par;
		paranoid_write(2);
	}
	perf_map(&f, "caps");
	argv[3] = f.path;
	t_child_start_opts(&c, argv, &(struct t_child_opts){ .drop_perf_caps = true });
	r = t_child_finish(&c, 0);
	cr_expect_eq(r.status, 255);
	cr_expect(strstr(r.err, "Error: failed to create perf buffer: can't open a perf event "
				"on CPU "), "%s", r.err);
	cr_expect(strstr(r.err, ": Permission denied (13) -- CPU-wide perf events need "
				"CAP_PERFMON or CAP_SYS_ADMIN, or sysctl "
				"kernel.perf_event_paranoid <= 0 (it is "), "%s", r.err);
	expect_nothing_installed(&f);
	t_run_free(&r);
}
