// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* /proc/<pid>/fdinfo/<fd>: "key:\tvalue" lines, parsed from a buffer; the read is a thin shell. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "fdinfo.h"
#include "util.h"

/* The value of the first line that starts with "key:", or NULL. */
static const char *find_value(const char *buf, const char *key)
{
	size_t klen = strlen(key);
	const char *line = buf;

	while (line && *line) {
		if (!strncmp(line, key, klen) && line[klen] == ':')
			return line + klen + 1;
		line = strchr(line, '\n');
		if (line)
			line++;
	}
	return NULL;
}

int fdinfo_get(const char *buf, const char *key, unsigned long long *val)
{
	const char *v = find_value(buf, key);
	char num[32];
	uint64_t n;
	size_t len;

	if (!v)
		return -ENOENT;
	while (*v == '\t' || *v == ' ')
		v++;
	len = strcspn(v, "\n");
	if (!len || len >= sizeof(num))
		return -EINVAL;
	memcpy(num, v, len);
	num[len] = 0;
	/* the kernel's own C notation: "flags" is 0-prefixed octal, "map_flags" 0x hex */
	if (parse_u64(num, 0, UINT64_MAX, &n))
		return -EINVAL;
	*val = n;
	return 0;
}

ssize_t fdinfo_read(int dirfd, const char *name, char *buf, size_t size)
{
	size_t len = 0;
	ssize_t n;
	int fd = openat(dirfd, name, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return -errno;
	for (;;) {
		size_t room = size - 1 - len;

		n = read(fd, buf + len, room);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			n = -errno;
			close(fd);
			return n;
		}
		len += (size_t)n;
		/* procfs renders the whole file in one read: a short read is its end */
		if ((size_t)n < room || len == size - 1)
			break;
	}
	close(fd);
	buf[len] = 0;
	return (ssize_t)len;
}

ssize_t fdinfo_read_fd(int dirfd, int fd, char *buf, size_t size)
{
	char name[16];

	snprintf(name, sizeof(name), "%d", fd);
	return fdinfo_read(dirfd, name, buf, size);
}
