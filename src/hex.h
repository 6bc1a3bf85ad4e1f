/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* Hex byte tables: every byte value already formatted, the way keys and values are printed. */
#ifndef HEX_H
#define HEX_H

/*
 * hex_plain[b] is "ab " (3 bytes and a NUL), hex_json[b] is "\"0xab\"," (7 bytes and a NUL):
 * a renderer copies the whole entry (4 or 8 bytes, one move) and advances by 3 or 7, so it
 * needs one byte of room past what it keeps.
 */
extern const char hex_plain[256][4];
extern const char hex_json[256][8];

#endif
