// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* Hex byte tables: every byte value already formatted, the way keys and values are printed. */
#include "hex.h"

#define HEX_ROW(X, h)                                                                     \
	X(h, "0") X(h, "1") X(h, "2") X(h, "3") X(h, "4") X(h, "5") X(h, "6") X(h, "7")     \
	X(h, "8") X(h, "9") X(h, "a") X(h, "b") X(h, "c") X(h, "d") X(h, "e") X(h, "f")
#define HEX_ALL(X)                                                                        \
	HEX_ROW(X, "0") HEX_ROW(X, "1") HEX_ROW(X, "2") HEX_ROW(X, "3")                   \
	HEX_ROW(X, "4") HEX_ROW(X, "5") HEX_ROW(X, "6") HEX_ROW(X, "7")                   \
	HEX_ROW(X, "8") HEX_ROW(X, "9") HEX_ROW(X, "a") HEX_ROW(X, "b")                   \
	HEX_ROW(X, "c") HEX_ROW(X, "d") HEX_ROW(X, "e") HEX_ROW(X, "f")

#define PLAIN_BYTE(h, l) h l " ",
#define JSON_BYTE(h, l) "\"0x" h l "\",",

const char hex_plain[256][4] = { HEX_ALL(PLAIN_BYTE) };
const char hex_json[256][8] = { HEX_ALL(JSON_BYTE) };
