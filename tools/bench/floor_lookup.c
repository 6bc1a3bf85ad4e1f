// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Benchmark floor for `bpftool map lookup`: open, BPF_OBJ_GET_INFO_BY_FD, one lookup, format,
 * one write. usage: floor-lookup [-j] pinned PATH | id N  key BYTE...
 */
#include "floor.h"

int main(int argc, char **argv)
{
	struct bpf_map_info info;
	struct obuf ob;
	struct fmt f;
	unsigned char *key, *val;
	bool json = false;
	__u32 i;
	char *o;
	int fd, r;

	(void)argc;
	argv++;
	if (*argv && !strcmp(*argv, "-j")) {
		json = true;
		argv++;
	}
	fd = floor_open(&argv);
	floor_info(fd, &info);
	fmt_init(&f, &info);
	if (!*argv || strcmp(*argv++, "key"))
		floor_die("expected: key BYTE...", EINVAL);
	key = calloc(1, f.ks + 1);
	val = calloc(1, f.vstride + 1);
	if (!key || !val)
		floor_die("malloc", ENOMEM);
	for (i = 0; i < f.ks; i++) {
		if (!argv[i])
			floor_die("key too short", EINVAL);
		key[i] = (unsigned char)strtoul(argv[i], NULL, 0);
	}
	hex_init();
	ob_init(&ob, f.bound + 64);
	o = ob.buf;
	r = bpf_map_lookup_elem(fd, key, val, 0);
	if (r == -ENOENT) {
		if (json) {
			o = PUTS(o, "null\n");
		} else {
			o = PUTS(o, "key:\n");
			o = put_hex(o, key, f.ks);
			o = PUTS(o, "\n\nNot found\n");
		}
	} else if (r) {
		floor_die("lookup", r);
	} else if (json) {
		o = fmt_json(&f, o, key, val);
		*o++ = '\n';
	} else {
		o = fmt_plain(&f, o, key, val);
	}
	ob_done(&ob, o);
	ob_flush(&ob);
	return r ? 254 : 0;
}
