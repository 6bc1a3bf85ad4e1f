// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * BTF-formatted keys and values, as upstream's btf_dumper.c prints them: JSON mode (the
 * "formatted" object of -j) and plain BTF mode (the JSON-like document of plain dumps).
 *
 * Where upstream prints something that is not JSON in JSON mode ("(unsupported-kind)",
 * `"""` for a quote char), we print a JSON string instead; plain BTF mode keeps upstream's
 * bytes. FLOAT, which upstream cannot print, prints as a number; a TYPE_TAG resolves like
 * the other qualifiers. Every read is checked against the buffer.
 */
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "btf_dump.h"
#include "util.h"

/*
 * Arrays of zero-sized elements would print without reading anything: bound them, for the
 * whole value (nested, each array's own bound would multiply: 1024^3 elements in 4 bytes).
 */
#define MAX_EMPTY_ELEMS 1024

/*
 * How much one value may print: far more than any real type (every byte of the data as its
 * own number is one node a byte; bitfields, unions and empty members add some), far less than
 * a runaway (see dump_type()).
 */
#define MAX_NODES_PER_BYTE 16
#define MAX_NODES_MIN (1ULL << 20)

struct dumper {
	struct json *j;
	const struct btf *btf;
	const unsigned char *data;
	size_t size;
	bool plain;
	bool big;	/* host byte order: map data is host-endian */
	unsigned int empty_left;	/* zero-sized array elements still to print */
	unsigned long long nodes_left;	/* values, containers and markers still to print */
};

static bool host_big_endian(void)
{
	const __u16 one = 1;

	return *(const unsigned char *)&one == 0;
}

static bool in_bounds(const struct dumper *d, size_t off, size_t n)
{
	return off <= d->size && n <= d->size - off;
}

/*
 * upstream's bare markers ("(unsupported-kind)", "(fwd-kind-invalid)", "(unknown)", and our
 * "(out-of-bounds)", "(too-deep)" and "(too-big)" for BTF no sane map has): kept bare
 * in plain BTF mode, a JSON string in JSON mode so that the document stays valid.
 */
static int marker(struct dumper *d, const char *text, int err)
{
	if (d->plain)
		json_raw(d->j, text);
	else
		json_string(d->j, text);
	return err;
}

/*
 * How deep values may nest in the document; deeper types stop with a marker. Far more than
 * real BTF needs (the kernel resolves at most 32 levels), and a bound on our recursion.
 */
#define BTF_DUMP_MAX_DEPTH 128

static bool room_to_nest(const struct dumper *d)
{
	return d->j->depth + 2 < BTF_DUMP_MAX_DEPTH;
}

void btf_dump_bits(const void *data, unsigned int bit_off, unsigned int nbits, bool big_endian,
		   __u64 *hi, __u64 *lo)
{
	const unsigned char *p = data;
	unsigned int i;

	*hi = *lo = 0;
	if (nbits > 128)
		nbits = 128;
	for (i = 0; i < nbits; i++) {
		unsigned int k = bit_off + i, bit;

		if (big_endian) {
			/* the field's most significant bit comes first: shift the value left */
			bit = (p[k / 8] >> (7 - k % 8)) & 1;
			*hi = *hi << 1 | *lo >> 63;
			*lo = *lo << 1 | bit;
		} else {
			bit = (p[k / 8] >> (k % 8)) & 1;
			if (i < 64)
				*lo |= (__u64)bit << i;
			else
				*hi |= (__u64)bit << (i - 64);
		}
	}
}

static void fmt_hex128(char *buf, size_t n, __u64 hi, __u64 lo)
{
	if (hi)
		snprintf(buf, n, "0x%llx%016llx", (unsigned long long)hi, (unsigned long long)lo);
	else
		snprintf(buf, n, "0x%llx", (unsigned long long)lo);
}

/* upstream's btf_int128_print(): "0x%llx", or "0x%llx%016llx" when the upper half is set. */
static void print_hex128(struct dumper *d, __u64 hi, __u64 lo)
{
	char buf[40];

	fmt_hex128(buf, sizeof(buf), hi, lo);
	if (d->plain)
		json_raw(d->j, buf);
	else
		json_string(d->j, buf);
}

static int dump_bitfield(struct dumper *d, unsigned int nbits, unsigned int bit_off, size_t off)
{
	__u64 hi, lo;

	if (!in_bounds(d, off, (bit_off + nbits + 7) / 8))
		return marker(d, "(out-of-bounds)", -EINVAL);
	btf_dump_bits(d->data + off, bit_off, nbits, d->big, &hi, &lo);
	print_hex128(d, hi, lo);
	return 0;
}

/* An int that is a bitfield: in a struct without kind_flag, or with its own bit offset. */
static int dump_int_bits(struct dumper *d, __u32 word, unsigned int bit_off, size_t off)
{
	unsigned int total = bit_off + BTF_INT_OFFSET(word);

	return dump_bitfield(d, BTF_INT_BITS(word), total % 8, off + total / 8);
}

static void dump_char(struct dumper *d, unsigned char c)
{
	char buf[16];

	if (c >= 0x20 && c <= 0x7e) {	/* isprint() in the C locale */
		json_string_len(d->j, (const char *)&c, 1);
		return;
	}
	if (d->plain)
		snprintf(buf, sizeof(buf), "0x%x", c);
	else
		snprintf(buf, sizeof(buf), "\"\\u00%02x\"", c);
	json_raw(d->j, buf);
}

static void dump_int_value(struct dumper *d, unsigned int bits, bool is_signed, size_t off)
{
	const void *p = d->data + off;

	if (bits == 64) {
		__u64 v;

		memcpy(&v, p, 8);
		if (is_signed)
			json_s64(d->j, (__s64)v);
		else
			json_u64(d->j, v);
	} else if (bits == 32) {
		__u32 v;

		memcpy(&v, p, 4);
		if (is_signed)
			json_s64(d->j, (__s32)v);
		else
			json_u64(d->j, v);
	} else if (bits == 16) {
		__u16 v;

		memcpy(&v, p, 2);
		if (is_signed)
			json_s64(d->j, (__s16)v);
		else
			json_u64(d->j, v);
	} else {
		__u8 v = *(const __u8 *)p;

		if (is_signed)
			json_s64(d->j, (__s8)v);
		else
			json_u64(d->j, v);
	}
}

/* upstream's btf_dumper_int(), checks in its order. */
static int dump_int(struct dumper *d, const struct btf_type *t, unsigned int bit_off, size_t off)
{
	__u32 word = btf_int_word(t), bits = BTF_INT_BITS(word);

	if (bit_off || BTF_INT_OFFSET(word) || bits % 8)
		return dump_int_bits(d, word, bit_off, off);
	if (bits == 128)
		return dump_bitfield(d, 128, 0, off);
	switch (BTF_INT_ENCODING(word)) {
	case 0:
	case BTF_INT_SIGNED:
		if (bits != 64 && bits != 32 && bits != 16 && bits != 8)
			return dump_int_bits(d, word, bit_off, off);
		if (!in_bounds(d, off, bits / 8))
			return marker(d, "(out-of-bounds)", -EINVAL);
		dump_int_value(d, bits, BTF_INT_ENCODING(word) == BTF_INT_SIGNED, off);
		return 0;
	case BTF_INT_CHAR:
		if (!in_bounds(d, off, 1))
			return marker(d, "(out-of-bounds)", -EINVAL);
		dump_char(d, d->data[off]);
		return 0;
	default:	/* BTF_INT_BOOL: the parser allowed no other encoding */
		if (!in_bounds(d, off, 1))
			return marker(d, "(out-of-bounds)", -EINVAL);
		json_bool(d->j, d->data[off] != 0);
		return 0;
	}
}

/* Reads an n-byte (1, 2, 4, 8) value, sign- or zero-extended. */
static __u64 read_extended(const unsigned char *p, unsigned int n, bool is_signed)
{
	__u64 v = 0;

	switch (n) {
	case 1:
		v = is_signed ? (__u64)(__s64)(__s8)p[0] : p[0];
		break;
	case 2: {
		__u16 x;

		memcpy(&x, p, 2);
		v = is_signed ? (__u64)(__s64)(__s16)x : x;
		break;
	}
	case 4: {
		__u32 x;

		memcpy(&x, p, 4);
		v = is_signed ? (__u64)(__s64)(__s32)x : x;
		break;
	}
	default:
		memcpy(&v, p, 8);
	}
	return v;
}

/*
 * An enumerator's name if one has this value, else the value as signed decimal (upstream
 * reads ENUM values signed, ENUM64 ones as 64 bits). A value matches an enumerator with the
 * same bits in the enum's size: upstream compares sign-extended values, so for a 1- or 2-byte
 * unsigned enum it misses enumerators above the signed range (0x80 in a u8 enum).
 */
static int dump_enum(struct dumper *d, const struct btf_type *t, size_t off)
{
	bool is64 = btf_kind(t) == BTF_KIND_ENUM64;
	__u64 raw, mask = t->size >= 8 ? ~0ULL : (1ULL << (t->size * 8)) - 1;
	unsigned int i;

	if (!in_bounds(d, off, t->size))
		return marker(d, "(out-of-bounds)", -EINVAL);
	raw = read_extended(d->data + off, t->size, false);
	for (i = 0; i < btf_vlen(t); i++) {
		__u64 ev;
		__u32 name_off;

		if (is64) {
			const struct btf_enum64 *e = &btf_enum64s(t)[i];

			ev = (__u64)e->val_hi32 << 32 | e->val_lo32;
			name_off = e->name_off;
		} else {
			const struct btf_enum *e = &btf_enums(t)[i];

			ev = (__u64)(__s64)e->val;
			name_off = e->name_off;
		}
		if ((ev & mask) == raw) {
			const char *name = btf_str(d->btf, name_off);

			json_string(d->j, name ? name : "");
			return 0;
		}
	}
	json_s64(d->j, (__s64)read_extended(d->data + off, t->size, is64 ? btf_kflag(t) : true));
	return 0;
}

static int dump_ptr(struct dumper *d, size_t off)
{
	unsigned int n = btf_ptr_size(d->btf);
	char buf[24];
	__u64 v;

	if (!in_bounds(d, off, n))
		return marker(d, "(out-of-bounds)", -EINVAL);
	v = read_extended(d->data + off, n, false);
	if (!d->plain) {
		json_u64(d->j, v);
		return 0;
	}
	/* newest upstream quotes glibc's "%p": (nil) or 0x… */
	if (v)
		snprintf(buf, sizeof(buf), "0x%llx", (unsigned long long)v);
	else
		snprintf(buf, sizeof(buf), "(nil)");
	json_string(d->j, buf);
	return 0;
}

static void print_real(struct dumper *d, long double v, int digits)
{
	char buf[64];

	if (isnan(v)) {
		json_string(d->j, "nan");
	} else if (isinf(v)) {
		json_string(d->j, v < 0 ? "-inf" : "inf");
	} else {
		snprintf(buf, sizeof(buf), "%.*Lg", digits, v);
		json_raw(d->j, buf);
	}
}

/* IEEE 754 binary16, without libm. */
static long double half_value(__u16 h)
{
	unsigned int e = (h >> 10) & 0x1f, m = h & 0x3ff;
	long double v;
	unsigned int i;

	if (e == 0x1f)
		v = m ? NAN : INFINITY;
	else if (!e)
		v = m / 16777216.0L;		/* m * 2^-24 */
	else {
		v = (1024 + m) / 16777216.0L;	/* then times 2^(e - 1) */
		for (i = 1; i < e; i++)
			v *= 2;
	}
	return h & 0x8000 ? -v : v;
}

/*
 * upstream prints "(unsupported-kind)" for FLOAT and stops; we print the number: %.9g for
 * float and %.17g for double (enough digits to read the same value back), %.5g for a half,
 * and long double when it has the type's size here, else its bytes as a hex string.
 */
static int dump_float(struct dumper *d, const struct btf_type *t, size_t off)
{
	const unsigned char *p = d->data + off;
	__u64 hi, lo;

	if (!in_bounds(d, off, t->size))
		return marker(d, "(out-of-bounds)", -EINVAL);
	if (t->size == 2) {
		__u16 h;

		memcpy(&h, p, 2);
		print_real(d, half_value(h), 5);
	} else if (t->size == 4) {
		float f;

		memcpy(&f, p, 4);
		print_real(d, f, 9);
	} else if (t->size == 8) {
		double v;

		memcpy(&v, p, 8);
		print_real(d, v, 17);
	} else if (t->size == sizeof(long double)) {
		long double v;

		memcpy(&v, p, sizeof(v));
		print_real(d, v, LDBL_DECIMAL_DIG);
	} else {
		char buf[40];

		btf_dump_bits(p, 0, t->size * 8, d->big, &hi, &lo);
		fmt_hex128(buf, sizeof(buf), hi, lo);
		json_string(d->j, buf);
	}
	return 0;
}

static int dump_type(struct dumper *d, __u32 id, unsigned int bit_off, size_t off);

/* upstream's is_str_array(): char elements, a NUL, and only 0x20-0x7e before it. */
static bool is_str_array(const struct dumper *d, const struct btf_array *a, size_t off,
			 size_t *len)
{
	const struct btf_type *e = btf_type_by_id(d->btf, btf_skip_qualifiers(d->btf, a->type));
	__u32 i;

	/* typedefs are not skipped: a typedef of char does not make a string */
	if (!a->nelems || !e || btf_kind(e) != BTF_KIND_INT || e->size != 1)
		return false;
	if (BTF_INT_ENCODING(btf_int_word(e)) != BTF_INT_CHAR &&
	    strcmp(btf_name(d->btf, e), "char"))
		return false;
	for (i = 0; i < a->nelems && in_bounds(d, off + i, 1); i++) {
		unsigned char c = d->data[off + i];

		if (!c) {
			*len = i;
			return true;
		}
		if (c < 0x20 || c > 0x7e)
			return false;
	}
	return false;
}

static int dump_array(struct dumper *d, const struct btf_type *t, size_t off)
{
	const struct btf_array *a = btf_array_of(t);
	__u32 esize, i, n = a->nelems;
	size_t len;
	int err = 0;

	if (is_str_array(d, a, off, &len)) {
		json_string_len(d->j, (const char *)d->data + off, len);
		return 0;
	}
	if (btf_type_size(d->btf, a->type, &esize))
		return marker(d, "(unsupported-kind)", -EINVAL);
	if (!room_to_nest(d))
		return marker(d, "(too-deep)", -E2BIG);
	json_start_array(d->j);
	for (i = 0; i < n && !err; i++) {
		if (!esize) {
			if (!d->empty_left)
				break;
			d->empty_left--;
		}
		/* in 64 bits: an element past the data ends the array (and never wraps around) */
		if ((__u64)off + (__u64)i * esize > d->size) {
			err = marker(d, "(out-of-bounds)", -EINVAL);
			break;
		}
		err = dump_type(d, a->type, 0, off + (size_t)i * esize);
	}
	json_end_array(d->j);
	return err;
}

static int dump_struct(struct dumper *d, const struct btf_type *t, size_t off)
{
	const struct btf_member *m = btf_members(t);
	unsigned int i;
	int err = 0;

	if (!room_to_nest(d))
		return marker(d, "(too-deep)", -E2BIG);
	json_start_object(d->j);
	for (i = 0; i < btf_vlen(t) && !err; i++) {
		__u32 bit = btf_member_bit_offset(t, &m[i]);
		__u32 bits = btf_member_bitfield_size(t, &m[i]);
		const char *name = btf_str(d->btf, m[i].name_off);

		json_name(d->j, name ? name : "");
		if (bits)
			err = dump_bitfield(d, bits, bit % 8, off + bit / 8);
		else
			err = dump_type(d, m[i].type, bit % 8, off + bit / 8);
	}
	json_end_object(d->j);
	return err;
}

static int dump_var(struct dumper *d, const struct btf_type *t, unsigned int bit_off, size_t off)
{
	int err;

	if (!room_to_nest(d))
		return marker(d, "(too-deep)", -E2BIG);
	json_start_object(d->j);
	json_name(d->j, btf_name(d->btf, t));
	err = dump_type(d, t->type, bit_off, off);
	json_end_object(d->j);
	return err;
}

/* {".data":[{"var":value},…]}: one object per variable, at its offset in the section. */
static int dump_datasec(struct dumper *d, const struct btf_type *t, size_t off)
{
	const struct btf_var_secinfo *v = btf_secinfos(t);
	unsigned int i;
	int err = 0;

	if (!room_to_nest(d))
		return marker(d, "(too-deep)", -E2BIG);
	json_start_object(d->j);
	json_name(d->j, btf_name(d->btf, t));
	json_start_array(d->j);
	for (i = 0; i < btf_vlen(t) && !err; i++) {
		if ((__u64)off + v[i].offset > d->size)
			err = marker(d, "(out-of-bounds)", -EINVAL);
		else
			err = dump_type(d, v[i].type, 0, off + v[i].offset);
	}
	json_end_array(d->j);
	json_end_object(d->j);
	return err;
}

/* upstream's btf_dumper_do_type(). Qualifier chains are followed by a loop, not recursion. */
static int dump_type(struct dumper *d, __u32 id, unsigned int bit_off, size_t off)
{
	const struct btf_type *t = btf_type_by_id(d->btf, id);

	/*
	 * Every value, container and marker counts against a budget for the whole value:
	 * members that all share the same bytes (unions of unions of unions, which the kernel
	 * accepts) would otherwise multiply into billions of lines from a few bytes.
	 */
	if (!d->nodes_left)
		return marker(d, "(too-big)", -E2BIG);
	d->nodes_left--;
	/* nothing of this value is in the data (a member past its struct: not kernel BTF) */
	if (off > d->size)
		return marker(d, "(out-of-bounds)", -EINVAL);
	if (!t)
		return marker(d, "(unknown)", -EINVAL);
	switch (btf_kind(t)) {
	case BTF_KIND_INT:
		return dump_int(d, t, bit_off, off);
	case BTF_KIND_STRUCT:
	case BTF_KIND_UNION:
		return dump_struct(d, t, off);
	case BTF_KIND_ARRAY:
		return dump_array(d, t, off);
	case BTF_KIND_ENUM:
	case BTF_KIND_ENUM64:
		return dump_enum(d, t, off);
	case BTF_KIND_PTR:
		return dump_ptr(d, off);
	case BTF_KIND_UNKN:
		return marker(d, "(unknown)", 0);
	case BTF_KIND_FWD:
		/* a map's key or value can't be a forward declaration */
		return marker(d, "(fwd-kind-invalid)", -EINVAL);
	case BTF_KIND_TYPEDEF:
	case BTF_KIND_VOLATILE:
	case BTF_KIND_CONST:
	case BTF_KIND_RESTRICT:
	case BTF_KIND_TYPE_TAG:
		id = btf_resolve_type(d->btf, id);
		t = btf_type_by_id(d->btf, id);
		if (t && (btf_kind(t) == BTF_KIND_TYPEDEF || btf_is_qualifier(t)))
			return marker(d, "(unknown)", -EINVAL);	/* not reached: no loops */
		return dump_type(d, id, bit_off, off);
	case BTF_KIND_VAR:
		return dump_var(d, t, bit_off, off);
	case BTF_KIND_DATASEC:
		return dump_datasec(d, t, off);
	case BTF_KIND_FLOAT:
		return dump_float(d, t, off);
	default:	/* FUNC, FUNC_PROTO, DECL_TAG: no value to show */
		return marker(d, "(unsupported-kind)", -EINVAL);
	}
}

int btf_dump_value(struct json *j, const struct btf *btf, __u32 type_id, const void *data,
		   size_t size, bool plain)
{
	struct dumper d = {
		.j = j, .btf = btf, .data = data, .size = size, .plain = plain,
		.big = host_big_endian(), .empty_left = MAX_EMPTY_ELEMS,
		.nodes_left = MAX_NODES_PER_BYTE * (unsigned long long)size + MAX_NODES_MIN,
	};
	__u32 tsize;

	if (btf_type_size(btf, type_id, &tsize) || tsize > size)
		return -EINVAL;
	return dump_type(&d, type_id, 0, 0);
}

void btf_entry_init(struct btf_entry *e, const struct btf *btf, const struct bpf_map_info *info,
		    const void *key, const void *value, unsigned int ncpus)
{
	memset(e, 0, sizeof(*e));
	e->btf = btf;
	e->key_type_id = info->btf_key_type_id;
	e->value_type_id = btf_map_value_type(info);
	e->key = key;
	e->key_size = info->key_size;
	e->value = value;
	e->value_size = info->value_size;
	e->ncpus = ncpus;
	e->stride = round_up(info->value_size, 8);
}

static bool fits(const struct btf *btf, __u32 id, __u32 size)
{
	__u32 tsize;

	return !btf_type_size(btf, id, &tsize) && tsize <= size;
}

int btf_entry_check(const struct btf_entry *e)
{
	if (!e->btf || (e->key_type_id && !fits(e->btf, e->key_type_id, e->key_size)))
		return -EINVAL;
	if (!fits(e->btf, e->value_type_id, e->value_size))
		return -EINVAL;
	if (e->ncpus && e->stride < e->value_size)
		return -EINVAL;
	return 0;
}

int btf_dump_entry(struct json *j, const struct btf_entry *e, bool plain)
{
	unsigned int cpu;
	int err;

	err = btf_entry_check(e);
	if (err)
		return err;
	json_start_object(j);
	if (e->key_type_id) {
		json_name(j, "key");
		err = btf_dump_value(j, e->btf, e->key_type_id, e->key, e->key_size, plain);
		if (err)
			goto out;
	}
	if (!e->ncpus) {
		json_name(j, "value");
		err = btf_dump_value(j, e->btf, e->value_type_id, e->value, e->value_size, plain);
		goto out;
	}
	json_name(j, "values");
	json_start_array(j);
	for (cpu = 0; cpu < e->ncpus && !err; cpu++) {
		const unsigned char *v = (const unsigned char *)e->value + (size_t)cpu * e->stride;

		json_start_object(j);
		json_kv_u64(j, "cpu", cpu);
		json_name(j, "value");
		err = btf_dump_value(j, e->btf, e->value_type_id, v, e->value_size, plain);
		json_end_object(j);
	}
	json_end_array(j);
out:
	json_end_object(j);
	return err;
}

int btf_dump_formatted(struct json *j, const struct btf_entry *e)
{
	int err = btf_entry_check(e);

	if (err)
		return err;
	json_name(j, "formatted");
	return btf_dump_entry(j, e, false);
}
