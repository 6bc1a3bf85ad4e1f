// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* A strict RFC 8259 validator (one value, UTF-8 checked), shared by the tests and the fuzzers. */
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "jsonv.h"

struct jp {
	const unsigned char *s;
	size_t n, i;
	int depth;
};

static void ws(struct jp *p)
{
	while (p->i < p->n && strchr(" \t\r\n", p->s[p->i]) && p->s[p->i])
		p->i++;
}

static bool lit(struct jp *p, const char *word)
{
	size_t len = strlen(word);

	if (p->n - p->i < len || memcmp(p->s + p->i, word, len))
		return false;
	p->i += len;
	return true;
}

static bool is_digit(struct jp *p)
{
	return p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9';
}

static bool number(struct jp *p)
{
	if (p->i < p->n && p->s[p->i] == '-')
		p->i++;
	if (!is_digit(p))
		return false;
	if (p->s[p->i] == '0')
		p->i++;
	else
		while (is_digit(p))
			p->i++;
	if (p->i < p->n && p->s[p->i] == '.') {
		p->i++;
		if (!is_digit(p))
			return false;
		while (is_digit(p))
			p->i++;
	}
	if (p->i < p->n && (p->s[p->i] == 'e' || p->s[p->i] == 'E')) {
		p->i++;
		if (p->i < p->n && (p->s[p->i] == '+' || p->s[p->i] == '-'))
			p->i++;
		if (!is_digit(p))
			return false;
		while (is_digit(p))
			p->i++;
	}
	return true;
}

static bool utf8(struct jp *p)
{
	unsigned char c = p->s[p->i];
	size_t len, k;
	unsigned int cp;

	if (c < 0xc2 || c > 0xf4)
		return false;
	len = c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
	if (p->n - p->i < len)
		return false;
	cp = c & (0x7f >> len);
	for (k = 1; k < len; k++) {
		if ((p->s[p->i + k] & 0xc0) != 0x80)
			return false;
		cp = cp << 6 | (p->s[p->i + k] & 0x3f);
	}
	if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
	    (cp >= 0xd800 && cp <= 0xdfff))
		return false;
	p->i += len;
	return true;
}

static bool string(struct jp *p)
{
	if (p->i >= p->n || p->s[p->i] != '"')
		return false;
	p->i++;
	while (p->i < p->n) {
		unsigned char c = p->s[p->i];

		if (c == '"') {
			p->i++;
			return true;
		}
		if (c < 0x20)
			return false;
		if (c == '\\') {
			p->i++;
			if (p->i >= p->n)
				return false;
			c = p->s[p->i];
			if (c == 'u') {
				int k;

				for (k = 1; k <= 4; k++)
					if (p->i + k >= p->n || !strchr("0123456789abcdefABCDEF",
									p->s[p->i + k]) ||
					    !p->s[p->i + k])
						return false;
				p->i += 5;
			} else if (strchr("\"\\/bfnrt", c) && c) {
				p->i++;
			} else {
				return false;
			}
			continue;
		}
		if (c >= 0x80) {
			if (!utf8(p))
				return false;
			continue;
		}
		p->i++;
	}
	return false;
}

static bool value(struct jp *p);

static bool container(struct jp *p, char close, bool object)
{
	p->i++;
	if (++p->depth > 2 * 4096)
		return false;
	ws(p);
	if (p->i < p->n && p->s[p->i] == close) {
		p->i++;
		p->depth--;
		return true;
	}
	for (;;) {
		ws(p);
		if (object) {
			if (!string(p))
				return false;
			ws(p);
			if (p->i >= p->n || p->s[p->i] != ':')
				return false;
			p->i++;
		}
		if (!value(p))
			return false;
		ws(p);
		if (p->i >= p->n)
			return false;
		if (p->s[p->i] == close) {
			p->i++;
			p->depth--;
			return true;
		}
		if (p->s[p->i] != ',')
			return false;
		p->i++;
	}
}

static bool value(struct jp *p)
{
	ws(p);
	if (p->i >= p->n)
		return false;
	switch (p->s[p->i]) {
	case '{': return container(p, '}', true);
	case '[': return container(p, ']', false);
	case '"': return string(p);
	case 't': return lit(p, "true");
	case 'f': return lit(p, "false");
	case 'n': return lit(p, "null");
	default: return number(p);
	}
}

bool t_json_valid(const char *s, size_t n, size_t *where)
{
	struct jp p = { .s = (const unsigned char *)s, .n = n };
	bool ok = value(&p);

	ws(&p);
	if (ok && p.i != n)
		ok = false;
	if (where)
		*where = p.i;
	return ok;
}

