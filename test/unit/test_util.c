// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* Checked number parsing, prefix matching, the glibc errno texts and the hex layout. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cpus.h"
#include "errstr.h"
#include "out.h"
#include "util.h"
#include "tlib.h"

static int p64(const char *s, int base, uint64_t max, uint64_t *v)
{
	*v = 12345;
	return parse_u64(s, base, max, v);
}

Test(util, parse_bases)
{
	uint64_t v;

	cr_assert_eq(p64("30", 0, UINT32_MAX, &v), 0);
	cr_assert_eq(v, 30);
	cr_assert_eq(p64("0x1e", 0, UINT32_MAX, &v), 0);
	cr_assert_eq(v, 30);
	cr_assert_eq(p64("0X1E", 0, UINT32_MAX, &v), 0);
	cr_assert_eq(v, 30);
	cr_assert_eq(p64("036", 0, UINT32_MAX, &v), 0);
	cr_assert_eq(v, 30);
	cr_assert_eq(p64("0", 0, UINT32_MAX, &v), 0);
	cr_assert_eq(v, 0);
	cr_assert_eq(p64("ff", 16, 255, &v), 0);
	cr_assert_eq(v, 255);
	cr_assert_eq(p64("0xab", 16, 255, &v), 0);
	cr_assert_eq(v, 0xab);
	cr_assert_eq(p64("18446744073709551615", 0, UINT64_MAX, &v), 0);
	cr_assert_eq(v, UINT64_MAX);
}

Test(util, parse_rejects)
{
	static const char *const bad[] = { "", " 1", "1 ", "-1", "+1", "abc", "0x", "08", "1x",
					   "0xg" };
	uint64_t v;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		cr_assert_eq(p64(bad[i], 0, UINT32_MAX, &v), -EINVAL, "accepted '%s'", bad[i]);
		cr_assert_eq(v, 12345, "wrote a value for '%s'", bad[i]);
	}
	cr_assert_eq(p64("4294967296", 0, UINT32_MAX, &v), -ERANGE);
	cr_assert_eq(p64("18446744073709551616", 0, UINT64_MAX, &v), -ERANGE);
	cr_assert_eq(p64("256", 0, 255, &v), -ERANGE);
	cr_assert_eq(p64("g", 16, 255, &v), -EINVAL);
}

Test(util, is_prefix_rules)
{
	cr_assert(is_prefix("", "show"));
	cr_assert(is_prefix("s", "show"));
	cr_assert(is_prefix("show", "show"));
	cr_assert(!is_prefix("showx", "show"));
	cr_assert(!is_prefix("S", "show"));
}

Test(util, errno_texts_are_glibcs)
{
	cr_assert_str_eq(errstr(ENOENT).s, "No such file or directory");
	cr_assert_str_eq(errstr(-EPERM).s, "Operation not permitted");
	cr_assert_str_eq(errstr(ENOMEM).s, "Cannot allocate memory");
	cr_assert_str_eq(errstr(EAGAIN).s, "Resource temporarily unavailable");
	cr_assert_str_eq(errstr(EBADF).s, "Bad file descriptor");
	cr_assert_str_eq(errstr(ENOSYS).s, "Function not implemented");
	cr_assert_str_eq(errstr(EOPNOTSUPP).s, "Operation not supported");
	cr_assert_str_eq(errstr(E2BIG).s, "Argument list too long");
	cr_assert_str_eq(errstr(ENOSPC).s, "No space left on device");
	cr_assert_str_eq(errstr(EEXIST).s, "File exists");
	cr_assert_str_eq(errstr(-524).s, "Unknown error 524");
	cr_assert_str_eq(errstr(0).s, "Success");
	cr_assert_str_eq(errstr(ESHUTDOWN).s, "Cannot send after transport endpoint shutdown");
}

/* The whole table: this runner is linked with glibc, whose strerror() is the reference. */
Test(util, every_errno_text_is_glibcs)
{
	char want[128];
	int e;

	for (e = 0; e < 4096; e++) {
		snprintf(want, sizeof(want), "%s", strerror(e));
		cr_expect_str_eq(errstr(e).s, want, "errno %d", e);
		cr_expect_str_eq(errstr(-e).s, want, "errno -%d", e);
	}
}

static const char *hex(size_t n)
{
	static char buf[512];
	unsigned char in[64];
	struct sink s;
	size_t i;

	for (i = 0; i < n; i++)
		in[i] = (unsigned char)(i + 1);
	sink_init_mem(&s);
	out_hex(&s, in, n);
	memcpy(buf, s.buf, s.len);
	buf[s.len] = 0;
	sink_free(&s);
	return buf;
}

Test(util, hex_layout)
{
	cr_assert_str_eq(hex(0), "");
	cr_assert_str_eq(hex(1), "01");
	cr_assert_str_eq(hex(8), "01 02 03 04 05 06 07 08");
	cr_assert_str_eq(hex(9), "01 02 03 04 05 06 07 08  09");
	cr_assert_str_eq(hex(16), "01 02 03 04 05 06 07 08  09 0a 0b 0c 0d 0e 0f 10");
	cr_assert_str_eq(hex(17), "01 02 03 04 05 06 07 08  09 0a 0b 0c 0d 0e 0f 10\n11");
	cr_assert_str_eq(hex(33), "01 02 03 04 05 06 07 08  09 0a 0b 0c 0d 0e 0f 10\n"
				  "11 12 13 14 15 16 17 18  19 1a 1b 1c 1d 1e 1f 20\n21");
}

Test(util, sink_numbers_and_big_writes)
{
	struct sink s;
	char big[200000];

	sink_init_mem(&s);
	sink_u64(&s, 0);
	sink_putc(&s, ' ');
	sink_u64(&s, 18446744073709551615ULL);
	sink_putc(&s, ' ');
	sink_s64(&s, -42);
	cr_assert_eq(s.len, strlen("0 18446744073709551615 -42"));
	cr_assert(!memcmp(s.buf, "0 18446744073709551615 -42", s.len));
	memset(big, 'x', sizeof(big));
	sink_write(&s, big, sizeof(big));
	cr_assert_eq(s.len, strlen("0 18446744073709551615 -42") + sizeof(big));
	sink_free(&s);
}

Test(util, cpulist_parse)
{
	bool m[16];

	cr_assert_eq(cpulist_parse("0-1\n", m, 16), 2);
	cr_assert(m[0] && m[1] && !m[2]);
	cr_assert_eq(cpulist_parse("0,2-5,8", m, 16), 6);
	cr_assert(m[0] && !m[1] && m[2] && m[5] && !m[6] && m[8]);
	cr_assert_eq(cpulist_parse("3", m, 16), 1);
	cr_assert_eq(cpulist_parse("", m, 16), -EINVAL);
	cr_assert_eq(cpulist_parse("1-", m, 16), -EINVAL);
	cr_assert_eq(cpulist_parse("5-2", m, 16), -EINVAL);
	cr_assert_eq(cpulist_parse("0-16", m, 16), -EINVAL);
	cr_assert_eq(cpulist_parse("0,,1", m, 16), -EINVAL);
	cr_assert_eq(cpulist_parse("0-1x", m, 16), -EINVAL);
	cr_assert_eq(cpus_possible() > 0, 1);
}
