// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The /proc/self/mounts line parser (bpffs_mount_line) and dirname (bpffs_dirname) over any
 * bytes: fields found inside the line, NUL-terminated, never longer than what they came from.
 */
#include <stdlib.h>
#include <string.h>

#include "bpffs.h"
#include "fuzz_common.h"

static void one_line(const char *src, size_t n)
{
	char *line = malloc(n + 1), *dir, *type;
	size_t len;

	memcpy(line, src, n);
	line[n] = 0;
	len = strlen(line);
	if (!bpffs_mount_line(line, &dir, &type)) {
		if (dir < line || dir > line + len || type < line || type > line + len)
			abort();
		if (strlen(dir) > len || strlen(type) > len || !*type)
			abort();
	}
	free(line);
}

static void one_dirname(const char *src, size_t n, size_t outlen)
{
	char *path = malloc(n + 1), *out = malloc(outlen);

	memcpy(path, src, n);
	path[n] = 0;
	bpffs_dirname(path, out, outlen);
	if (!memchr(out, 0, outlen))
		abort();
	/* a prefix of the path, or "." or "/" */
	if (strcmp(out, ".") && strcmp(out, "/") && strncmp(out, path, strlen(out)))
		abort();
	free(out);
	free(path);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *p = (const char *)data, *end = p + size;

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) + 1 : (size_t)(end - p);

		one_line(p, n);
		one_dirname(p, n, 1 + n % 64);
		p += n;
	}
	return 0;
}
