/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* What `prog show` prints about one program, gathered once: bpf_prog_info plus fdinfo, pins. */
#ifndef PROGDESC_H
#define PROGDESC_H

#include <stdbool.h>
#include <time.h>
#include <net/if.h>

#include <linux/bpf.h>

#include "bpffs.h"
#include "handle.h"
#include "pids.h"

struct prog_desc {
	struct bpf_prog_info info;
	char name[PROG_NAME_MAX];	/* the full name (prog_full_name()) */
	bool orphaned;			/* offloaded to a device that is gone (ENODEV) */
	char ifname[IF_NAMESIZE];
	__u32 *map_ids;			/* the maps it uses, n_map_ids of them */
	__u32 n_map_ids;
	bool has_memlock;
	unsigned long long memlock;
	/* load time as wall clock: load_time is nanoseconds since boot */
	bool has_wallclock;
	long long loaded_secs;		/* seconds since the epoch */
	struct tm loaded_tm;		/* local time, valid when has_wallclock */
	bool show_pinned;		/* -f and some program is pinned: JSON "pinned" for all */
	const struct bpffs_pin *pins;
	size_t n_pins;
	const struct pid_ref *pids;
	size_t n_pids;
};

struct listing;

/*
 * upstream's get_prog_full_name(): the kernel keeps 15 characters of a program's name; when
 * those are full and the program has BTF function info, its first FUNC record has the whole
 * name. Into out[size]; the 15-character name when there is nothing better.
 */
void prog_full_name(int fd, const struct bpf_prog_info *info, char *out, size_t size);

/* Fills d for the program open at fd (info read by the caller). Free with prog_desc_free(). */
void prog_desc_gather(struct prog_desc *d, int fd, const struct bpf_prog_info *info,
		      const struct listing *src);
void prog_desc_free(struct prog_desc *d);

#endif
