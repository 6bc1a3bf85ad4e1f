// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* Checked number parsing and CPU lists: no crash, and what parses must round-trip. */
#include <errno.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>

#include "cpus.h"
#include "fuzz_common.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *argv[FUZZ_MAX_WORDS + 1], *buf;
	bool mask[256];
	int argc = fuzz_words(data, size, &buf, argv), i;

	for (i = 0; i < argc; i++) {
		uint64_t v;
		int bases[] = { 0, 16 }, b;

		for (b = 0; b < 2; b++) {
			if (!parse_u64(argv[i], bases[b], UINT64_MAX, &v)) {
				char back[32];
				uint64_t w;

				/* a value that parsed prints and parses back to itself */
				snprintf(back, sizeof(back), "%" PRIu64, v);
				if (parse_u64(back, 10, UINT64_MAX, &w) || w != v)
					abort();
			}
		}
		if (cpulist_parse(argv[i], mask, 256) > 256)
			abort();
	}
	free(buf);
	return 0;
}
