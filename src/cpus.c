// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* CPU lists ("0-3,8") as the kernel writes them in /sys/devices/system/cpu/{possible,online}. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cpus.h"
#include "util.h"

static int take_num(const char **s, int nbits)
{
	int v = 0;

	if (**s < '0' || **s > '9')
		return -EINVAL;
	while (**s >= '0' && **s <= '9') {
		v = v * 10 + (**s - '0');
		if (v >= nbits)
			return -EINVAL;
		(*s)++;
	}
	return v;
}

/* e.g. "0-1\n", "0,2-5,8\n" */
int cpulist_parse(const char *s, bool *mask, int nbits)
{
	int count = 0, lo, hi, i;

	memset(mask, 0, sizeof(*mask) * (size_t)nbits);
	for (;;) {
		lo = take_num(&s, nbits);
		if (lo < 0)
			return lo;
		hi = lo;
		if (*s == '-') {
			s++;
			hi = take_num(&s, nbits);
			if (hi < lo)
				return -EINVAL;
		}
		for (i = lo; i <= hi; i++) {
			if (!mask[i])
				count++;
			mask[i] = true;
		}
		if (*s == ',') {
			s++;
			continue;
		}
		if (*s == '\n')
			s++;
		return *s ? -EINVAL : count;
	}
}

static int read_list(const char *path, bool *mask, int nbits)
{
	char buf[4096];
	ssize_t n;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return -errno;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return n < 0 ? -errno : -EINVAL;
	buf[n] = 0;
	return cpulist_parse(buf, mask, nbits);
}

#define CPUS_MAX 8192

int cpus_possible(void)
{
	bool *mask = xcalloc(CPUS_MAX, sizeof(bool));
	int n = read_list("/sys/devices/system/cpu/possible", mask, CPUS_MAX), i;

	if (n > 0) {
		for (i = CPUS_MAX - 1; i >= 0 && !mask[i]; i--)
			;
		n = i + 1;
	}
	free(mask);
	return n;
}

int cpus_online(bool *mask, int nbits)
{
	return read_list("/sys/devices/system/cpu/online", mask, nbits);
}
