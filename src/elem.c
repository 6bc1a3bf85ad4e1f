// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* Element words: DATA bytes ("[hex] B1 B2 ...") and the key/value/flags around them. Pure. */
#include <errno.h>
#include <string.h>

#include "elem.h"
#include "maptype.h"
#include "out.h"
#include "util.h"

static bool is_blank(char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

/*
 * strtoul()'s syntax (blanks, sign, 0x / leading-0 prefixes), but checked: upstream keeps
 * the low byte of whatever strtoul() returns (256 -> 00, -129 -> 7f), we refuse it.
 */
int elem_parse_byte(const char *tok, bool hex, __u8 *out)
{
	const char *s = tok;
	unsigned int base = hex ? 16 : 0, v = 0;
	bool neg = false, any = false;

	if (!*s) {
		*out = 0;	/* upstream: strtoul("") is 0 with nothing left over */
		return 0;
	}
	while (is_blank(*s))
		s++;
	if (*s == '+' || *s == '-')
		neg = *s++ == '-';
	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X') && digit_val(s[2]) < 16) {
		base = 16;
		s += 2;
	} else if (!base) {
		base = s[0] == '0' ? 8 : 10;
	}
	for (; digit_val(*s) < (int)base; s++) {
		any = true;
		v = v * base + (unsigned int)digit_val(*s);
		if (v > 256)
			v = 256;	/* already out of range either way; no overflow */
	}
	if (!any || *s)
		return -EINVAL;
	if (neg ? v > 128 : v > 255)
		return -ERANGE;
	*out = (__u8)(neg ? 256 - v : v);
	return 0;
}

int elem_parse_data(struct args *a, const char *what, __u8 *buf, __u32 n)
{
	bool hex = false;
	__u32 i = 0;
	int err;

	/* only the first word may switch to hex; "" and "h" are prefixes of it, as upstream */
	if (args_take_kw(a, "hex"))
		hex = true;
	while (i < n && !args_empty(a)) {
		const char *tok = args_next(a);

		err = elem_parse_byte(tok, hex, &buf[i]);
		if (err == -ERANGE) {
			p_err("byte out of range: %s", tok);
			return -1;
		}
		if (err) {
			p_err("error parsing byte: %s", tok);
			return -1;
		}
		i++;
	}
	if (i != n) {
		p_err("%s expected %u bytes got %u", what, n, i);
		return -1;
	}
	return 0;
}

/* A MAP or PROG selector as the value: always two words ("id 5", "pinned /x"). */
static int parse_value_ref(struct args *a, struct elem *e, bool prog)
{
	struct args sub = { .argc = 2, .argv = a->argv };

	if (a->argc < 2) {
		p_err("not enough value arguments for %s", prog ? "map of progs" : "map in map");
		return -1;
	}
	if (prog ? handle_parse_prog(&sub, &e->ref) : handle_parse_map(&sub, &e->ref))
		return -1;
	e->kind = prog ? ELEM_VALUE_PROG : ELEM_VALUE_MAP;
	a->argc -= 2;
	a->argv += 2;
	return 0;
}

/* The value's form is chosen by the map type, not by the words. */
static int parse_value(struct args *a, const struct elem_spec *s, struct elem *e)
{
	if (map_is_map_of_maps(s->map_type) || map_is_map_of_progs(s->map_type)) {
		bool prog = map_is_map_of_progs(s->map_type);

		if (s->value_size != 4) {
			p_err("value smaller than 4B for %s?",
			      prog ? "map of progs" : "map in map");
			return -1;
		}
		return parse_value_ref(a, e, prog);
	}
	e->kind = ELEM_VALUE_DATA;
	return elem_parse_data(a, "value", e->value, s->value_size);
}

static bool is_flag(const struct args *a)
{
	return args_is_kw(a, "any") || args_is_kw(a, "noexist") || args_is_kw(a, "exist");
}

/* Keywords in upstream's order: key, value, then the flags (so "" is key, "e" exist). */
int elem_parse(struct args *a, const struct elem_spec *s, struct elem *e)
{
	bool key = s->want_key, value = s->want_value, flags = s->want_flags;

	e->flags = BPF_ANY;
	e->kind = ELEM_VALUE_DATA;
	memset(&e->ref, 0, sizeof(e->ref));
	while (!args_empty(a)) {
		if (args_take_kw(a, "key")) {
			if (!key) {
				p_err(s->key_size ? "duplicate key" : "unnecessary key");
				return -1;
			}
			if (elem_parse_data(a, "key", e->key, s->key_size))
				return -1;
			key = false;
		} else if (args_take_kw(a, "value")) {
			if (!value) {
				p_err(s->value_size ? "duplicate value" : "unnecessary value");
				return -1;
			}
			if (parse_value(a, s, e))
				return -1;
			value = false;
		} else if (is_flag(a)) {
			const char *w = args_next(a);

			if (!flags) {
				p_err("flags specified multiple times: %s", w);
				return -1;
			}
			if (is_prefix(w, "any"))
				e->flags = BPF_ANY;
			else if (is_prefix(w, "noexist"))
				e->flags = BPF_NOEXIST;
			else
				e->flags = BPF_EXIST;
			flags = false;
		} else {
			p_err("expected key or value, got: %s", args_peek(a));
			return -1;
		}
	}
	if (key || value) {
		p_err("did not find %s", key ? "key" : "value");
		return -1;
	}
	return 0;
}

void elem_fill_per_cpu(__u8 *value, __u32 value_size, int ncpus)
{
	size_t step = round_up((size_t)value_size, 8);
	int i;

	for (i = 1; i < ncpus; i++)
		memcpy(value + (size_t)i * step, value, value_size);
}
