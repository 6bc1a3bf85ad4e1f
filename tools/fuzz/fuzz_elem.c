// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The element words (elem.c): "key DATA", "value VALUE", the flags, in any order, over argv
 * from the fuzzer and a fake map (type, key and value sizes, what the command takes) from its
 * first bytes. Errors go into a JSON document in memory, which must parse back; what parsed
 * must be whole.
 */
#include <stdlib.h>
#include <string.h>

#include "elem.h"
#include "fuzz_common.h"
#include "jsonv.h"
#include "maptype.h"
#include "out.h"
#include "util.h"

/* Map types up to past the last one the kernel knows, sizes up to a few words of bytes. */
#define FUZZ_MAX_TYPE 40
#define FUZZ_MAX_SIZE 72

static void out_mem(void)
{
	memset(&g_out, 0, sizeof(g_out));
	g_out.json = true;
	sink_init_mem(&g_out.so);
	json_init(&g_out.jw, &g_out.so, false);
	g_out.ready = true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *argv[FUZZ_MAX_WORDS + 2], *buf;
	struct elem_spec s = { 0 };
	struct elem e = { 0 };
	struct args a;
	int argc, ret, ncpus;

	if (size < 4)
		return 0;
	s.map_type = data[0] % FUZZ_MAX_TYPE;
	s.key_size = data[1] % FUZZ_MAX_SIZE;
	s.value_size = data[2] % FUZZ_MAX_SIZE;
	s.want_key = data[3] & 1;
	s.want_value = data[3] & 2;
	s.want_flags = data[3] & 4;
	ncpus = 1 + (data[3] >> 4);
	/* argv[0] is the command word: the messages may name it (argv[-1] of the cursor) */
	argv[0] = (char *)"update";
	argc = fuzz_words(data + 4, size - 4, &buf, argv + 1);
	a.argc = argc;
	a.argv = argv + 1;
	/* exactly the bytes asked for: ASan catches a write past them */
	e.key = malloc(s.key_size ? s.key_size : 1);
	e.value = malloc(round_up(s.value_size ? s.value_size : 1, 8) * (size_t)ncpus);
	memset(e.key, 0xa5, s.key_size);
	memset(e.value, 0xa5, s.value_size);

	out_mem();
	ret = elem_parse(&a, &s, &e);
	if (ret != 0 && ret != -1)
		abort();
	if (!ret) {
		/* success: all words consumed, the flag one of three, the value's kind right */
		if (!args_empty(&a) || e.flags > BPF_EXIST)
			abort();
		if (e.kind != ELEM_VALUE_DATA && !map_is_map_of_maps(s.map_type) &&
		    !map_is_map_of_progs(s.map_type))
			abort();
		if (g_out.so.len)
			abort();	/* nothing reported */
		if (e.kind == ELEM_VALUE_DATA && s.value_size)
			elem_fill_per_cpu(e.value, s.value_size, ncpus);
	} else if (!g_out.so.len) {
		abort();	/* a failure always says why */
	}
	if (ret) {
		/* the error is the document: {"error":"..."} */
		json_finish(&g_out.jw);
		if (!t_json_valid(g_out.so.buf, g_out.so.len, NULL))
			abort();
	}
	sink_free(&g_out.so);
	memset(&g_out, 0, sizeof(g_out));
	free(e.key);
	free(e.value);
	free(buf);
	return 0;
}
