// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Creates and pins the gold maps (test/lib/btfmaps.c) under a bpffs directory, so that
 * capture.sh can record what an installed bpftool prints for them. Not part of the build.
 */
#include <stdio.h>
#include <string.h>

#include "btfmaps.h"

int main(int argc, char **argv)
{
	struct gold_maps m;
	int err, dup[2], kinds_btf;

	if (argc != 2) {
		fprintf(stderr, "usage: %s BPFFS_DIR\n", argv[0]);
		return 2;
	}
	err = gold_maps_create(&m, argv[1]);
	if (err) {
		fprintf(stderr, "gold maps: %s\n", strerror(-err));
		return 1;
	}
	printf("btf_id %u\n", m.btf_id);
	err = gold_dup_create(&m, argv[1], "gold_dup", dup);
	if (err) {
		fprintf(stderr, "gold_dup: %s\n", strerror(-err));
		return 1;
	}
	err = gold_struct_ops_create(argv[1], &m.btf_fd);
	if (err < 0) {
		fprintf(stderr, "gold_so: %s\n", strerror(-err));
		return 1;
	}
	err = gold_kinds_create(argv[1], &kinds_btf);
	if (err < 0) {
		fprintf(stderr, "gold_kinds: %s\n", strerror(-err));
		return 1;
	}
	return 0;
}
