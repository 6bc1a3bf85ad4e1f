/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* Shared by the fuzz targets: split fuzzer bytes into NUL-separated words. */
#ifndef FUZZ_COMMON_H
#define FUZZ_COMMON_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define FUZZ_MAX_WORDS 64

/* Copies data into a NUL-terminated buffer and splits it at NUL bytes; returns argc. */
static inline int fuzz_words(const uint8_t *data, size_t size, char **buf, char **argv)
{
	int argc = 0;
	size_t i;

	*buf = malloc(size + 1);
	memcpy(*buf, data, size);
	(*buf)[size] = 0;
	argv[argc++] = *buf;
	for (i = 0; i < size && argc < FUZZ_MAX_WORDS; i++) {
		if (!(*buf)[i])
			argv[argc++] = *buf + i + 1;
	}
	argv[argc] = NULL;
	return argc;
}

#endif
