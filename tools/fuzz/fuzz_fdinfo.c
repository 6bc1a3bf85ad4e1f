// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The fdinfo parser (fdinfo.c) over any text: the keys show and prog show ask for, and a key
 * from the input's first line. A value found must be the number its line says.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fdinfo.h"
#include "fuzz_common.h"

static const char *const keys[] = {
	"memlock", "frozen", "owner_prog_type", "owner_jited", "map_id", "prog_id", "pos",
	"flags", "map_flags", "",
};

static void get(const char *buf, const char *key)
{
	unsigned long long v;
	int r = fdinfo_get(buf, key, &v);

	if (r && r != -2 && r != -22)	/* ENOENT, EINVAL */
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = malloc(size + 1), *nl, key[64];
	size_t i, n;

	memcpy(buf, data, size);
	buf[size] = 0;
	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		get(buf, keys[i]);
	nl = strchr(buf, '\n');
	n = nl ? (size_t)(nl - buf) : strlen(buf);
	if (n < sizeof(key)) {
		memcpy(key, buf, n);
		key[n] = 0;
		get(nl ? nl + 1 : buf + n, key);
	}
	free(buf);
	return 0;
}
