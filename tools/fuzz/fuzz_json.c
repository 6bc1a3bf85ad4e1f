// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* The JSON writer: arbitrary names, strings and structure must always parse back. */
#include <stdlib.h>

#include "fuzz_common.h"
#include "json.h"
#include "jsonv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sink s;
	struct json j;
	size_t i = 0;

	if (!size)
		return 0;
	sink_init_mem(&s);
	/*
	 * Pretty output indents every line by its depth: thousands of levels deep it grows with
	 * the square of the input and the fuzzer crawls. Pretty for the short inputs only; the
	 * long ones (the depth limit) compact.
	 */
	json_init(&j, &s, (data[0] & 1) && size < 512);
	json_start_object(&j);
	/* byte-coded program: the op picks a writer call, the rest of the chunk is its text */
	while (i + 1 < size) {
		unsigned int op = data[i] % 8, n = data[i + 1] % 32;
		const char *text = (const char *)data + i + 2;

		i += 2;
		if (n > size - i)
			n = (unsigned int)(size - i);
		if (op != 4 && json_in_object(&j)) {
			char name[33];

			memcpy(name, text, n);
			name[n] = 0;
			json_name(&j, name);
		}
		switch (op) {
		case 0: json_string_len(&j, text, n); break;
		case 1: json_u64(&j, n * 1234567ULL); break;
		case 2: json_start_array(&j); break;
		case 3: json_start_object(&j); break;
		case 4: if (j.depth > 1) json_end_array(&j); break;
		case 5: json_hex_bytes(&j, text, n); break;
		case 6: json_dec_bytes(&j, text, n); break;
		default: json_bool(&j, n & 1); break;
		}
		i += n;
	}
	json_finish(&j);
	if (!t_json_valid(s.buf, s.len, NULL))
		abort();
	sink_free(&s);
	return 0;
}
