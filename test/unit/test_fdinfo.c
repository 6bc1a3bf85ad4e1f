// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* fdinfo text: exact keys, C-notation numbers, and the map fields `map show` takes from it. */
#include <errno.h>

#include "fdinfo.h"
#include "mapdesc.h"
#include "tlib.h"

/* a prog array's fdinfo as 6.18 writes it */
static const char prog_array_fdinfo[] =
	"pos:\t0\n"
	"flags:\t02000002\n"
	"mnt_id:\t15\n"
	"ino:\t2065\n"
	"map_type:\t3\n"
	"key_size:\t4\n"
	"value_size:\t4\n"
	"max_entries:\t4\n"
	"map_flags:\t0x0\n"
	"map_extra:\t0x0\n"
	"memlock:\t344\n"
	"map_id:\t71\n"
	"frozen:\t0\n"
	"owner_prog_type:\t1\n"
	"owner_jited:\t1\n";

Test(fdinfo, get_exact_keys)
{
	unsigned long long v = 99;

	cr_assert_eq(fdinfo_get(prog_array_fdinfo, "memlock", &v), 0);
	cr_assert_eq(v, 344);
	cr_assert_eq(fdinfo_get(prog_array_fdinfo, "map_id", &v), 0);
	cr_assert_eq(v, 71);
	cr_assert_eq(fdinfo_get(prog_array_fdinfo, "pos", &v), 0);
	cr_assert_eq(v, 0);
	/* the key must match whole: "map" and "lock" are no keys, "type" is not map_type */
	cr_assert_eq(fdinfo_get(prog_array_fdinfo, "map", &v), -ENOENT);
	cr_assert_eq(fdinfo_get(prog_array_fdinfo, "lock", &v), -ENOENT);
	cr_assert_eq(fdinfo_get(prog_array_fdinfo, "type", &v), -ENOENT);
	cr_assert_eq(fdinfo_get(prog_array_fdinfo, "owner_prog_type", &v), 0);
	cr_assert_eq(v, 1);
	cr_assert_eq(fdinfo_get("", "memlock", &v), -ENOENT);
}

Test(fdinfo, get_number_notations)
{
	unsigned long long v = 0;

	cr_assert_eq(fdinfo_get(prog_array_fdinfo, "flags", &v), 0);
	cr_assert_eq(v, 02000002);
	cr_assert_eq(fdinfo_get("map_flags:\t0x480\n", "map_flags", &v), 0);
	cr_assert_eq(v, 0x480);
	cr_assert_eq(fdinfo_get("memlock:\t18446744073709551615", "memlock", &v), 0);
	cr_assert_eq(v, 18446744073709551615ULL);
	cr_assert_eq(fdinfo_get("memlock:\t12x\n", "memlock", &v), -EINVAL);
	cr_assert_eq(fdinfo_get("memlock:\t\n", "memlock", &v), -EINVAL);
	cr_assert_eq(fdinfo_get("memlock:\t99999999999999999999\n", "memlock", &v), -EINVAL);
	/* a later line, and a key that is a prefix of an earlier one */
	cr_assert_eq(fdinfo_get("frozen_x:\t5\nfrozen:\t1\n", "frozen", &v), 0);
	cr_assert_eq(v, 1);
}

Test(fdinfo, map_fields)
{
	struct map_fdinfo f;

	map_fdinfo_parse(&f, prog_array_fdinfo, BPF_MAP_TYPE_PROG_ARRAY);
	cr_assert(f.read && f.has_memlock && f.has_frozen && f.has_owner_type &&
		  f.has_owner_jited);
	cr_assert_eq(f.memlock, 344);
	cr_assert(!f.frozen);
	cr_assert_eq(f.owner_prog_type, 1);
	cr_assert(f.owner_jited);

	/* owner lines count only for prog arrays, as upstream reads them */
	map_fdinfo_parse(&f, prog_array_fdinfo, BPF_MAP_TYPE_ARRAY);
	cr_assert(f.has_memlock && !f.has_owner_type && !f.has_owner_jited);

	/* an old kernel: no frozen line, no memlock */
	map_fdinfo_parse(&f, "pos:\t0\nmap_type:\t1\nfrozen_not:\t1\n", BPF_MAP_TYPE_HASH);
	cr_assert(f.read && !f.has_memlock && !f.has_frozen);

	map_fdinfo_parse(&f, "frozen:\t1\nowner_jited:\t0\n", BPF_MAP_TYPE_PROG_ARRAY);
	cr_assert(f.has_frozen && f.frozen && !f.has_owner_type && f.has_owner_jited &&
		  !f.owner_jited);
}
