// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* The batch file reader: line joining, comments and word splitting over arbitrary bytes. */
#include <stdlib.h>

#include "batch.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = malloc(BATCH_LINE_MAX), *line;
	char **argv = malloc(sizeof(*argv) * (BATCH_ARGS_MAX + 1));
	struct batch_src src;
	int err, n, i;

	batch_src_mem(&src, (const char *)data, size);
	while ((line = batch_next_line(&src, buf, &err))) {
		n = batch_split(line, argv, BATCH_ARGS_MAX);
		for (i = 0; i < n; i++)
			if (!argv[i] || argv[i] < buf || argv[i] >= buf + BATCH_LINE_MAX)
				abort();
		if (n >= 0 && argv[n])
			abort();
	}
	free(argv);
	free(buf);
	return 0;
}
