// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * map event_pipe: one perf ring per CPU installed in a perf_event_array (or the ring of a
 * ringbuf map, mapped directly), waited on with epoll until a signal; a thin shell around the
 * pure readers of ring.c and the renderers of print_event.c.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include "cpus.h"
#include "errstr.h"
#include "event_pipe.h"
#include "handle.h"
#include "out.h"
#include "print_event.h"
#include "ring.h"
#include "sys_bpf.h"
#include "sys_perf.h"
#include "util.h"

#define PERF_RING_PAGES 16	/* data pages per CPU, as upstream (MMAP_PAGE_CNT) */

/*
 * The one thing the handlers do. A signal handler can only reach a file-scope object; the
 * value is the signal's number, read after the loop.
 */
static volatile sig_atomic_t stop_sig;

static void on_stop(int sig)
{
	stop_sig = sig;
}

/* `cpu N index M`: one ring, for one CPU, at one key. */
struct ep_sel {
	bool one;
	int cpu;
	__u32 index;
};

struct perf_ring {
	int fd;			/* the perf event, -1 when not open */
	int cpu;
	__u32 key;
	bool installed;		/* our fd is at key in the map */
	void *base;		/* struct perf_event_mmap_page, then the data area */
};

struct evpipe {
	int map_fd;
	struct bpf_map_info info;
	size_t page;
	size_t data_size;	/* perf: bytes of each data area, a power of two */
	struct perf_ring *rings;
	int nrings;
	int epfd;
	void *rb_cons;		/* ringbuf: consumer page, read-write */
	void *rb_prod;		/* ringbuf: producer page, the data area twice; read-only */
	size_t rb_prod_len;
};

/* ---- arguments ----------------------------------------------------------------------------- */

static int parse_sel(struct args *a, struct ep_sel *sel)
{
	bool have_cpu = false, have_index = false;
	const char *w;
	uint64_t v;

	while (!args_empty(a)) {
		if (a->argc < 2)
			return args_end(a);
		if (args_take_kw(a, "cpu")) {
			w = args_next(a);
			if (parse_u64(w, 0, INT_MAX, &v)) {
				p_err("can't parse %s as CPU ID", w);
				return -1;
			}
			sel->cpu = (int)v;
			have_cpu = true;
		} else if (args_take_kw(a, "index")) {
			w = args_next(a);
			if (parse_u64(w, 0, UINT32_MAX, &v)) {
				p_err("can't parse %s as index", w);
				return -1;
			}
			sel->index = (__u32)v;
			have_index = true;
		} else {
			return args_end(a);
		}
	}
	if (have_cpu != have_index) {
		p_err("cpu and index must be specified together");
		return -1;
	}
	sel->one = have_cpu;
	return 0;
}

/*
 * The test suite floods a one-page ring to see `lost` records; nothing else should set this.
 * A power of two from 1 to 1024, else ignored.
 */
static size_t perf_ring_pages(void)
{
	const char *s = getenv("BPFTOOL_TEST_PERF_PAGES");
	uint64_t v;

	if (s && !parse_u64(s, 10, 1024, &v) && v && !(v & (v - 1)))
		return (size_t)v;
	return PERF_RING_PAGES;
}

/* ---- signals ------------------------------------------------------------------------------- */

struct sigsave {
	struct sigaction old[4];
	sigset_t oldmask;
	sigset_t waitmask;	/* in force while waiting: the stop signals let through */
};

static const int stop_signals[] = { SIGINT, SIGHUP, SIGTERM };

/*
 * Handlers without SA_RESTART, and the stop signals blocked except inside epoll_pwait(), so a
 * signal can never slip in between checking the flag and going to sleep. SIGPIPE is ignored:
 * a closed stdout ends the loop through EPIPE, and the cleanup still runs.
 */
static void signals_catch(struct sigsave *s)
{
	struct sigaction sa = { .sa_handler = on_stop };
	sigset_t set;
	size_t i;

	stop_sig = 0;
	sigemptyset(&sa.sa_mask);
	sigemptyset(&set);
	for (i = 0; i < ARRAY_SIZE(stop_signals); i++) {
		sigaction(stop_signals[i], &sa, &s->old[i]);
		sigaddset(&set, stop_signals[i]);
	}
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, &s->old[i]);
	sigprocmask(SIG_BLOCK, &set, &s->oldmask);
	s->waitmask = s->oldmask;
	for (i = 0; i < ARRAY_SIZE(stop_signals); i++)
		sigdelset(&s->waitmask, stop_signals[i]);
}

/* Unblocks first, so a signal still pending (a second Ctrl-C) meets our handler. */
static void signals_restore(struct sigsave *s)
{
	size_t i;

	sigprocmask(SIG_SETMASK, &s->oldmask, NULL);
	for (i = 0; i < ARRAY_SIZE(stop_signals); i++)
		sigaction(stop_signals[i], &s->old[i], NULL);
	sigaction(SIGPIPE, &s->old[i], NULL);
}

/* ---- perf rings ---------------------------------------------------------------------------- */

#define PARANOID_UNKNOWN INT_MIN

/* e.g. "2\n"; PARANOID_UNKNOWN when it cannot be read. */
static int perf_paranoid(void)
{
	char buf[32];
	ssize_t n;
	int fd = open("/proc/sys/kernel/perf_event_paranoid", O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return PARANOID_UNKNOWN;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return PARANOID_UNKNOWN;
	buf[n] = 0;
	return atoi(buf);
}

/* Why perf_event_open failed, beyond the errno text. */
static void hint_open(char *buf, size_t len, int err)
{
	static const char need[] = " -- CPU-wide perf events need CAP_PERFMON or CAP_SYS_ADMIN";
	int par;

	buf[0] = 0;
	if (err == -ENOSYS) {
		snprintf(buf, len, " -- the kernel has no perf events (CONFIG_PERF_EVENTS)");
	} else if (err == -ENOENT) {
		/* PERF_COUNT_SW_BPF_OUTPUT came in Linux 4.4; older kernels do not know it */
		snprintf(buf, len, " -- the kernel has no BPF output event (Linux 4.4 and later)");
	} else if (err == -EACCES || err == -EPERM) {
		par = perf_paranoid();
		if (par == PARANOID_UNKNOWN)
			snprintf(buf, len, "%s, or sysctl kernel.perf_event_paranoid <= 0", need);
		else if (par > 0)
			snprintf(buf, len,
				 "%s, or sysctl kernel.perf_event_paranoid <= 0 (it is %d)", need,
				 par);
		else
			snprintf(buf, len, "%s (kernel.perf_event_paranoid is %d, so a security "
				 "module may be what forbids them)", need, par);
	}
}

enum ring_step { STEP_OPEN, STEP_MMAP, STEP_ENABLE, STEP_INSTALL, STEP_EPOLL };

static void report_perf(const struct evpipe *ep, const struct perf_ring *r, enum ring_step step,
			int err)
{
	char hint[256] = "";

	switch (step) {
	case STEP_OPEN:
		hint_open(hint, sizeof(hint), err);
		p_err("failed to create perf buffer: can't open a perf event on CPU %d: %s (%d)%s",
		      r->cpu, errstr(err).s, -err, hint);
		break;
	case STEP_MMAP:
		if (err == -EPERM)
			snprintf(hint, sizeof(hint), " -- over the locked memory limit (sysctl "
				 "kernel.perf_event_mlock_kb, RLIMIT_MEMLOCK; CAP_IPC_LOCK lifts "
				 "it)");
		p_err("failed to create perf buffer: can't map the ring of CPU %d: %s (%d)%s",
		      r->cpu, errstr(err).s, -err, hint);
		break;
	case STEP_ENABLE:
		p_err("failed to create perf buffer: can't enable the event of CPU %d: %s (%d)",
		      r->cpu, errstr(err).s, -err);
		break;
	case STEP_INSTALL:
		if (err == -E2BIG)
			snprintf(hint, sizeof(hint), " -- the map has %u entries",
				 ep->info.max_entries);
		p_err("failed to create perf buffer: can't set key %u (CPU %d) in the map: "
		      "%s (%d)%s", r->key, r->cpu, errstr(err).s, -err, hint);
		break;
	case STEP_EPOLL:
		p_err("failed to create perf buffer: epoll: %s (%d)", errstr(err).s, -err);
		break;
	}
}

/* Opens, maps, enables and installs one ring, then lets epoll watch it; 0 or -errno. */
static int ring_open(struct evpipe *ep, struct perf_ring *r, int idx, enum ring_step *step)
{
	struct perf_event_attr attr = {
		.type = PERF_TYPE_SOFTWARE,
		.size = sizeof(attr),
		.config = PERF_COUNT_SW_BPF_OUTPUT,
		.sample_period = 1,
		.sample_type = PERF_SAMPLE_RAW | PERF_SAMPLE_TIME,
		.wakeup_events = 1,
	};
	int err;

	*step = STEP_OPEN;
	err = perf_event_open_cpu(&attr, r->cpu);
	if (err < 0)
		return err;
	r->fd = err;
	*step = STEP_MMAP;
	err = sys_mmap_shared(r->fd, ep->page + ep->data_size, PROT_READ | PROT_WRITE, 0,
			      &r->base);
	if (err)
		return err;
	*step = STEP_ENABLE;
	err = perf_event_enable(r->fd);
	if (err)
		return err;
	/* BPF_ANY, as upstream: a reader already installed at this key stops receiving */
	*step = STEP_INSTALL;
	err = bpf_map_update_elem(ep->map_fd, &r->key, &r->fd, BPF_ANY);
	if (err)
		return err;
	r->installed = true;
	/* the last step: a test knows the ring is installed once epoll watches it */
	*step = STEP_EPOLL;
	return sys_epoll_add(ep->epfd, r->fd, (unsigned long long)idx);
}

static void rings_close(struct evpipe *ep)
{
	struct perf_ring *r;
	int i;

	for (i = 0; i < ep->nrings; i++) {
		r = &ep->rings[i];
		/* leave nothing installed: BPF_F_PRESERVE_ELEMS maps keep it past our exit */
		if (r->installed)
			bpf_map_delete_elem(ep->map_fd, &r->key);
		if (r->base)
			sys_munmap(r->base, ep->page + ep->data_size);
		if (r->fd >= 0)
			close(r->fd);
	}
	free(ep->rings);
	ep->rings = NULL;
	ep->nrings = 0;
}

static struct perf_ring *ring_add(struct evpipe *ep, int cpu, __u32 key)
{
	struct perf_ring *r;

	ep->rings = xrealloc(ep->rings, sizeof(*r) * (size_t)(ep->nrings + 1));
	r = &ep->rings[ep->nrings++];
	*r = (struct perf_ring){ .fd = -1, .cpu = cpu, .key = key };
	return r;
}

enum ep_cpu_state ep_cpu_state(int cpu, int possible, const bool *online)
{
	if (possible <= 0)
		return EP_CPU_UNKNOWN;
	if (cpu >= possible)
		return EP_CPU_ABSENT;
	if (online && !online[cpu])
		return EP_CPU_OFFLINE;
	return EP_CPU_OK;
}

/* `cpu N`: refuse a CPU that is not there, naming it, before asking the kernel. */
static int check_cpu(int cpu)
{
	int possible = cpus_possible();
	bool *online = NULL;
	enum ep_cpu_state st;

	if (possible > 0) {
		online = xcalloc((size_t)possible, sizeof(bool));
		if (cpus_online(online, possible) < 0) {
			free(online);
			online = NULL;
		}
	}
	st = ep_cpu_state(cpu, possible, online);
	free(online);
	if (st == EP_CPU_ABSENT)
		p_err("failed to create perf buffer: CPU %d does not exist (possible CPUs: 0-%d)",
		      cpu, possible - 1);
	else if (st == EP_CPU_OFFLINE)
		p_err("failed to create perf buffer: CPU %d is offline", cpu);
	return st == EP_CPU_ABSENT || st == EP_CPU_OFFLINE ? -1 : 0;
}

/*
 * Without `cpu`: one ring per online CPU i below max_entries, at key i (libbpf's
 * perf_buffer__new_raw()). Without /sys the online CPUs are unknown: every key is tried, and
 * a CPU the kernel reports as absent (ENODEV offline, EINVAL beyond the last) is skipped.
 */
static int rings_open_all(struct evpipe *ep)
{
	int possible = cpus_possible(), n, cpu, err;
	enum ring_step step;
	bool *online = NULL;
	struct perf_ring *r;

	n = possible > 0 && (__u32)possible < ep->info.max_entries ? possible
								  : (int)ep->info.max_entries;
	if (possible > 0) {
		online = xcalloc((size_t)possible, sizeof(bool));
		if (cpus_online(online, possible) < 0) {
			free(online);
			online = NULL;
		}
	}
	for (cpu = 0; cpu < n; cpu++) {
		if (online && !online[cpu])
			continue;
		r = ring_add(ep, cpu, (__u32)cpu);
		err = ring_open(ep, r, ep->nrings - 1, &step);
		if (err && !online && cpu > 0 && step == STEP_OPEN &&
		    (err == -ENODEV || err == -EINVAL)) {
			ep->nrings--;	/* nothing of it is open */
			continue;
		}
		if (err) {
			report_perf(ep, r, step, err);
			free(online);
			return -1;
		}
	}
	free(online);
	if (!ep->nrings) {
		p_err("failed to create perf buffer: no online CPU below the map's %u entries",
		      ep->info.max_entries);
		return -1;
	}
	return 0;
}

static int rings_open(struct evpipe *ep, const struct ep_sel *sel, size_t pages)
{
	enum ring_step step;
	struct perf_ring *r;
	int err;

	ep->data_size = pages * ep->page;
	ep->epfd = sys_epoll_create();
	if (ep->epfd < 0) {
		p_err("failed to create perf buffer: epoll: %s (%d)", errstr(ep->epfd).s,
		      -ep->epfd);
		return -1;
	}
	if (!sel->one)
		return rings_open_all(ep);
	if (check_cpu(sel->cpu))
		return -1;
	r = ring_add(ep, sel->cpu, sel->index);
	err = ring_open(ep, r, 0, &step);
	if (err) {
		report_perf(ep, r, step, err);
		return -1;
	}
	return 0;
}

struct perf_cb {
	struct evpipe *ep;
	const struct perf_ring *r;
};

static int on_perf_rec(const struct perf_event_header *rec, void *ctx)
{
	struct perf_cb *cb = ctx;
	struct perf_rec pr;

	ring_perf_decode(rec, &pr);
	if (g_out.json)
		event_perf_json(jw(), &pr, cb->r->cpu, cb->r->key);
	else
		event_perf_plain(so(), &pr, cb->r->cpu, cb->r->key);
	return 0;
}

/* One pass over what the ring holds now; a later record wakes epoll again. */
static int ring_drain(struct evpipe *ep, struct perf_ring *r)
{
	struct perf_event_mmap_page *mp = r->base;
	struct perf_cb cb = { ep, r };
	__u64 tail = mp->data_tail;	/* only we write it */
	__u64 head = ring_load_acquire(&mp->data_head);
	int n;

	if (head == tail)
		return 0;
	n = ring_perf_read((char *)r->base + ep->page, ep->data_size, head, &tail, on_perf_rec,
			   &cb);
	ring_store_release(&mp->data_tail, tail);
	if (n < 0) {
		p_err("perf buffer polling failed: corrupt ring on CPU %d", r->cpu);
		return -1;
	}
	return 0;
}

/* ---- ring buffer --------------------------------------------------------------------------- */

static int rb_open(struct evpipe *ep)
{
	__u64 len = ep->page + 2 * (__u64)ep->info.max_entries;
	int err;

	/* the kernel maps the data area twice after the producer page, so no record wraps */
	if (len > SIZE_MAX) {
		p_err("failed to map the ring buffer: %s (%d)", errstr(-E2BIG).s, E2BIG);
		return -1;
	}
	ep->epfd = sys_epoll_create();
	if (ep->epfd < 0) {
		p_err("failed to map the ring buffer: epoll: %s (%d)", errstr(ep->epfd).s,
		      -ep->epfd);
		return -1;
	}
	err = sys_mmap_shared(ep->map_fd, ep->page, PROT_READ | PROT_WRITE, 0, &ep->rb_cons);
	if (!err)
		err = sys_mmap_shared(ep->map_fd, (size_t)len, PROT_READ, (off_t)ep->page,
				      &ep->rb_prod);
	if (err) {
		p_err("failed to map the ring buffer: %s (%d)", errstr(err).s, -err);
		return -1;
	}
	ep->rb_prod_len = (size_t)len;
	err = sys_epoll_add(ep->epfd, ep->map_fd, 0);
	if (err) {
		p_err("failed to map the ring buffer: epoll: %s (%d)", errstr(err).s, -err);
		return -1;
	}
	return 0;
}

static void rb_close(struct evpipe *ep)
{
	if (ep->rb_prod)
		sys_munmap(ep->rb_prod, ep->rb_prod_len);
	if (ep->rb_cons)
		sys_munmap(ep->rb_cons, ep->page);
}

static __u64 now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (__u64)ts.tv_sec * 1000000000ULL + (__u64)ts.tv_nsec;
}

static int on_rb_sample(const void *sample, __u32 len, void *ctx)
{
	/* ring buffer records carry no time stamp: the time they are read stands in for it */
	__u64 ns = now_ns();

	(void)ctx;
	if (g_out.json)
		event_rb_json(jw(), ns, sample, len);
	else
		event_rb_plain(so(), ns, sample, len);
	return 0;
}

static int rb_drain(struct evpipe *ep)
{
	__u64 cons = ring_rb_load_pos(ep->rb_cons);
	__u64 prod = ring_rb_load_pos(ep->rb_prod);
	int n;

	n = ring_rb_read((char *)ep->rb_prod + ep->page, ep->info.max_entries, prod, &cons,
			 on_rb_sample, NULL);
	ring_rb_store_pos(ep->rb_cons, cons);
	if (n < 0) {
		p_err("ring buffer polling failed: corrupt ring");
		return -1;
	}
	return 0;
}

/* ---- the loop ------------------------------------------------------------------------------ */

/* Until a signal, a read error or a closed stdout; output leaves after every batch. */
static int poll_loop(struct evpipe *ep, const sigset_t *waitmask)
{
	int nev = ep->nrings > 0 ? ep->nrings : 1, n, i, err = 0;
	struct epoll_event *ev = xcalloc((size_t)nev, sizeof(*ev));

	while (!stop_sig && !err) {
		n = sys_epoll_pwait(ep->epfd, ev, nev, -1, waitmask);
		if (n == -EINTR)
			continue;
		if (n < 0) {
			p_err("perf buffer polling failed: %s (%d)", errstr(n).s, -n);
			err = -1;
			break;
		}
		for (i = 0; i < n && !err; i++) {
			if (ep->rb_prod)
				err = rb_drain(ep);
			else
				err = ring_drain(ep, &ep->rings[ev[i].data.u64]);
		}
		if (sink_flush(so()))
			break;	/* main reports it; EPIPE, the reader gone, quietly */
	}
	free(ev);
	return err;
}

static int run(struct evpipe *ep, const struct ep_sel *sel, const struct sigsave *sig)
{
	int err;

	if (ep->info.type == BPF_MAP_TYPE_RINGBUF)
		err = rb_open(ep);
	else
		err = rings_open(ep, sel, perf_ring_pages());
	if (err)
		return err;
	if (g_out.json)
		json_start_array(jw());
	err = poll_loop(ep, &sig->waitmask);
	if (g_out.json)
		json_end_array(jw());
	return err;
}

int do_event_pipe(struct ctx *c, struct args *a)
{
	struct evpipe ep = { .map_fd = -1, .epfd = -1 };
	struct ep_sel sel = { 0 };
	struct sigsave sig;
	int err;

	ep.map_fd = map_parse_open(c, a, 0, &ep.info);
	if (ep.map_fd < 0)
		return -1;
	err = -1;
	if (ep.info.type != BPF_MAP_TYPE_PERF_EVENT_ARRAY &&
	    ep.info.type != BPF_MAP_TYPE_RINGBUF) {
		p_err("map is not a perf event array or a ring buffer");
		goto out_map;
	}
	if (parse_sel(a, &sel))
		goto out_map;
	if (sel.one && ep.info.type == BPF_MAP_TYPE_RINGBUF) {
		p_err("cpu and index do not apply to a ring buffer: it has one ring for all CPUs");
		goto out_map;
	}
	ep.page = (size_t)sysconf(_SC_PAGESIZE);
	/* caught from before the setup, so a signal at any point still cleans up */
	signals_catch(&sig);
	err = run(&ep, &sel, &sig);
	rings_close(&ep);
	rb_close(&ep);
	if (ep.epfd >= 0)
		close(ep.epfd);
	if (stop_sig) {
		sink_flush(so());
		fputs("Stopping...\n", stderr);
	}
	signals_restore(&sig);
out_map:
	close(ep.map_fd);
	return err;
}
