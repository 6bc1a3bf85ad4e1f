// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The bad-input matrix: malformed command lines across every command (missing and extra
 * words, wrong sizes, bytes out of range, unknown ids, paths, types and flags, non-bpffs
 * paths, quotes and control characters, huge numbers, empty words, prefixes that pick
 * another command). Each row: the exact message and status; nothing on stdout in plain mode
 * (but upstream's stdout quirks); in -j mode exactly one JSON document, {"error":...}, and
 * nothing on stderr; and afterwards every map of the fixture, every pin, every mount exactly
 * as before.
 *
 * Words may hold @D (the fixture's bpffs dir), @T (a non-empty directory not on bpffs), @L
 * (5000 bytes of 'a'); messages too.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "objects.h"
#include "snap.h"
#include "sys_bpf.h"
#include "tdata.h"
#include "util.h"

enum kind {
	ERR,		/* Error: msg on stderr, {"error":msg} in -j */
	ERR_HELP_MAIN,	/* ... then the main help on stderr */
	ERR_HELP_MAP,	/* ... then the map help */
	ERR_HELP_PROG,	/* ... then the prog help */
	USAGE,		/* msg (the usage line), then upstream's map help on stderr; -j: the error */
	QUIRK,		/* msg is what upstream prints on stdout; -j: null */
};

struct row {
	const char *argv[24];
	int status;
	enum kind kind;
	const char *msg;
	const char *json;	/* the -j document when it is not {"error":msg} */
};

#define M "map"
#define H "@D/h"

static const struct row rows[] = {
	/* ---- the top level, options, batch ---- */
	{ { "bogus" }, 255, ERR_HELP_MAIN, "unknown object 'bogus'" },
	{ { "-" }, 255, ERR_HELP_MAIN, "unknown object '-'" },
	{ { "-x", M, "show" }, 255, ERR_HELP_MAIN, "unrecognized option '-x'" },
	{ { "--json=1", M, "show" }, 255, ERR_HELP_MAIN,
	  "option '--json=1' doesn't allow an argument" },
	{ { "--bpffs=x", M }, 255, ERR_HELP_MAIN, "option '--bpffs=x' doesn't allow an argument" },
	{ { "--@L" }, 255, ERR_HELP_MAIN, "unrecognized option '--@L'" },
	{ { M, "bogus" }, 255, ERR_HELP_MAP, "unknown map command 'bogus'" },
	{ { M, "Show" }, 255, ERR_HELP_MAP, "unknown map command 'Show'" },
	{ { M, "showx" }, 255, ERR_HELP_MAP, "unknown map command 'showx'" },
	{ { "prog", "bogus" }, 255, ERR_HELP_PROG, "unknown prog command 'bogus'" },
	{ { "prog", "load", "x", "y" }, 255, ERR, "'prog load' is not supported by this build" },
	{ { "link", "show" }, 255, ERR, "'link' is not supported by this build" },
	{ { "batch" }, 255, ERR, "too few parameters for batch" },
	{ { "batch", "file" }, 255, ERR, "too few parameters for batch" },
	{ { "batch", "foo", "x" }, 255, ERR, "expected 'file', got: foo" },
	{ { "batch", "file", "a", "b" }, 255, ERR, "too many parameters for batch" },
	{ { "batch", "file", "/nonexistent/x" }, 255, ERR,
	  "Can't open file (/nonexistent/x): No such file or directory" },
	{ { "batch", "file", "@D" }, 255, ERR, "reading batch file failed: Is a directory",
	  "[{\"error\":\"reading batch file failed: Is a directory\"}]\n" },
	{ { "batch", "file", "/tmp/@L" }, 255, ERR,
	  "Can't open file (/tmp/@L): File name too long" },

	/* ---- show ---- */
	{ { M, "show", "id" }, 255, ERR, "what is 'id'?" },
	{ { M, "show", "id", "1", "extra" }, 255, ERR, "what is 'id'?" },
	{ { M, "list", "id", "abc" }, 255, ERR, "can't parse abc as ID" },
	{ { M, "show", "id", "4294967296" }, 255, ERR, "can't parse 4294967296 as ID" },
	{ { M, "show", "id", "-1" }, 255, ERR, "can't parse -1 as ID" },
	{ { M, "show", "id", "" }, 255, ERR, "can't parse  as ID" },
	{ { M, "show", "id", "99999999999999999999" }, 255, ERR,
	  "can't parse 99999999999999999999 as ID" },
	{ { M, "show", "id", "0x" }, 255, ERR, "can't parse 0x as ID" },
	{ { M, "show", "id", " 5" }, 255, ERR, "can't parse  5 as ID" },
	{ { M, "show", "id", "4294967295" }, 255, ERR,
	  "get map by id (4294967295): No such file or directory" },
	{ { M, "show", "pinned", "/tmp" }, 255, ERR,
	  "bpf obj get (/tmp): directory not in bpf file system (bpffs)" },
	{ { M, "show", "pinned", "/etc/passwd" }, 255, ERR,
	  "bpf obj get (/etc/passwd): directory not in bpf file system (bpffs)" },
	{ { M, "show", "pinned", "@D" }, 255, ERR, "bpf obj get (@D): Permission denied" },
	{ { M, "show", "pinned", "/nonexistent" }, 255, ERR,
	  "bpf obj get (/nonexistent): No such file or directory" },
	{ { M, "show", "pinned", "" }, 255, ERR, "bpf obj get (): No such file or directory" },
	{ { M, "show", "pinned", "@D/prog" }, 255, ERR, "incorrect object type: prog" },
	{ { M, "show", "pinned", "@D/x\"y" }, 255, ERR,
	  "bpf obj get (@D/x\"y): No such file or directory" },
	{ { M, "show", "pinned", "@D/\x1b[31mred\\n" }, 255, ERR,
	  "bpf obj get (@D/\x1b[31mred\\n): No such file or directory" },
	{ { M, "show", "pinned", "@D/tab\there\r" }, 255, ERR,
	  "bpf obj get (@D/tab\there\r): No such file or directory" },
	{ { M, "show", "pinned", "@D/\xff\xfe" }, 255, ERR,
	  "bpf obj get (@D/\xff\xfe): No such file or directory" },
	{ { M, "show", "pinned", "/sys/fs/bpf/@L" }, 255, ERR,
	  "bpf obj get (/sys/fs/bpf/@L): File name too long" },
	{ { M, "show", "name", "abcdefghijklmnop" }, 255, ERR, "can't parse name" },
	{ { M, "show", "name", "tbi_nonexistent" }, 255, ERR,
	  "no map with name 'tbi_nonexistent'" },
	{ { M, "show", "name", "a\nb" }, 255, ERR, "no map with name 'a\nb'" },
	{ { M, "show", "foo", "bar" }, 255, ERR,
	  "expected 'id', 'name' or 'pinned', got: 'foo'?" },
	{ { M, "list", "tag", "x" }, 255, ERR, "expected 'id', 'name' or 'pinned', got: 'tag'?" },
	{ { M, "", "pinned", H, "x" }, 255, ERR, "what is 'pinned'?" },

	/* ---- dump ---- */
	{ { M, "dump" }, 255, USAGE, "usage: bpftool map dump MAP" },
	{ { M, "dump", "id" }, 255, USAGE, "usage: bpftool map dump MAP" },
	{ { M, "dump", "pinned", H, "extra" }, 255, USAGE, "usage: bpftool map dump MAP" },
	{ { M, "d", "pinned", H, "key", "1", "0", "0", "0" }, 255, USAGE,
	  "usage: bpftool map dump MAP" },
	{ { M, "dump", "pinned", "/nonexistent" }, 255, ERR,
	  "bpf obj get (/nonexistent): No such file or directory" },
	{ { M, "dump", "id", "4294967295" }, 255, ERR,
	  "get map by id (4294967295): No such file or directory" },
	{ { M, "dump", "name", "" }, 255, ERR, "no map with name ''" },
	{ { M, "dump", "pinned", "@D/prog" }, 255, ERR, "incorrect object type: prog" },

	/* ---- lookup ---- */
	{ { M, "lookup", "pinned", H }, 255, ERR, "did not find key" },
	{ { M, "lookup", "id" }, 255, USAGE, "usage: bpftool map lookup MAP [key DATA]" },
	{ { M, "lookup", "pinned", H, "key" }, 255, ERR, "key expected 4 bytes got 0" },
	{ { M, "lookup", "pinned", H, "key", "1", "0", "0" }, 255, ERR,
	  "key expected 4 bytes got 3" },
	{ { M, "lookup", "pinned", H, "key", "1", "0", "0", "0", "0" }, 255, ERR,
	  "expected key or value, got: 0" },
	{ { M, "lookup", "pinned", H, "key", "256", "0", "0", "0" }, 255, ERR,
	  "byte out of range: 256" },
	{ { M, "lookup", "pinned", H, "key", "-129", "0", "0", "0" }, 255, ERR,
	  "byte out of range: -129" },
	{ { M, "lookup", "pinned", H, "key", "99999999999999999999", "0", "0", "0" }, 255, ERR,
	  "byte out of range: 99999999999999999999" },
	{ { M, "lookup", "pinned", H, "key", "hex", "ff", "1ff", "0", "0" }, 255, ERR,
	  "byte out of range: 1ff" },
	{ { M, "lookup", "pinned", H, "key", "0x", "0", "0", "0" }, 255, ERR,
	  "error parsing byte: 0x" },
	{ { M, "lookup", "pinned", H, "key", "1", "0", "0", "08" }, 255, ERR,
	  "error parsing byte: 08" },
	{ { M, "lookup", "pinned", H, "key", "1", "0", "0", "1x" }, 255, ERR,
	  "error parsing byte: 1x" },
	{ { M, "lookup", "pinned", H, "key", " ", "0", "0", "0" }, 255, ERR,
	  "error parsing byte:  " },
	{ { M, "lookup", "pinned", H, "key", "1", "0", "0", "0", "hex" }, 255, ERR,
	  "expected key or value, got: hex" },
	{ { M, "lookup", "pinned", H, "key", "1", "0", "0", "0", "value", "1", "2", "3", "4" },
	  255, ERR, "unnecessary value" },
	{ { M, "lookup", "pinned", H, "key", "1", "0", "0", "0", "any" }, 255, ERR,
	  "flags specified multiple times: any" },
	{ { M, "lookup", "pinned", H, "key", "1", "0", "0", "0", "key", "1", "0", "0", "0" }, 255,
	  ERR, "duplicate key" },
	{ { M, "lookup", "pinned", "@D/q", "key", "1" }, 255, ERR, "unnecessary key" },
	{ { M, "lookup", "pinned", H, "key", "9", "0", "0", "0" }, 254, QUIRK,
	  "key:\n09 00 00 00\n\nNot found\n", "null\n" },
	{ { M, "lookup", "pinned", "@D/prog", "key", "1" }, 255, ERR,
	  "incorrect object type: prog" },

	/* ---- getnext ---- */
	{ { M, "getnext", "id" }, 255, USAGE, "usage: bpftool map getnext MAP [key DATA]" },
	{ { M, "getnext", "pinned", H, "key", "1" }, 255, ERR, "key expected 4 bytes got 1" },
	{ { M, "g", "pinned", H, "key", "1" }, 255, ERR, "key expected 4 bytes got 1" },
	{ { M, "getnext", "pinned", H, "value", "1" }, 255, ERR, "unnecessary value" },
	{ { M, "getnext", "pinned", H, "key", "1", "0", "0", "0", "extra" }, 255, ERR,
	  "expected key or value, got: extra" },
	{ { M, "getnext", "pinned", "@D/q" }, 234, ERR, "can't get next key: Invalid argument" },
	{ { M, "getnext", "pinned", "@D/a", "key", "1", "0", "0", "0" }, 254, ERR,
	  "can't get next key: No such file or directory" },

	/* ---- update ---- */
	{ { M, "update", "id" }, 255, USAGE,
	  "usage: bpftool map update MAP [key DATA] [value VALUE] [UPDATE_FLAGS]" },
	{ { M, "update", "pinned", H }, 255, ERR, "did not find key" },
	{ { M, "update", "pinned", H, "key", "1", "0", "0", "0" }, 255, ERR,
	  "did not find value" },
	{ { M, "update", "pinned", H, "value", "1", "2", "3", "4" }, 255, ERR,
	  "did not find key" },
	{ { M, "update", "pinned", H, "key", "1", "0", "0", "0", "value", "1", "2", "3" }, 255,
	  ERR, "value expected 4 bytes got 3" },
	{ { M, "update", "pinned", H, "key", "1", "0", "0", "0", "value", "1", "2", "3", "4",
	    "5" }, 255, ERR, "expected key or value, got: 5" },
	{ { M, "update", "pinned", H, "key", "1", "0", "0", "value", "1", "2", "3", "4" }, 255,
	  ERR, "error parsing byte: value" },
	{ { M, "update", "pinned", H, "key", "1", "0", "0", "0", "value", "1", "2", "3", "4",
	    "exist", "noexist" }, 255, ERR, "flags specified multiple times: noexist" },
	{ { M, "update", "pinned", H, "key", "1", "0", "0", "0", "value", "1", "2", "3", "4",
	    "value", "1", "2", "3", "4" }, 255, ERR, "duplicate value" },
	{ { M, "update", "pinned", H, "key", "1", "0", "0", "0", "value", "1", "2", "3", "4",
	    "bogus" }, 255, ERR, "expected key or value, got: bogus" },
	{ { M, "update", "pinned", H, "key", "1", "0", "0", "0", "value", "hex", "gg", "0", "0",
	    "0" }, 255, ERR, "error parsing byte: gg" },
	{ { M, "update", "pinned", H, "key", "1", "0", "0", "0", "value", "1", "2", "3", "-200" },
	  255, ERR, "byte out of range: -200" },
	{ { M, "update", "pinned", H, "key", "1", "0", "0", "0", "value", "1", "2", "3", "4",
	    "noexist" }, 239, ERR, "update failed: File exists" },
	{ { M, "update", "pinned", H, "key", "7", "0", "0", "0", "value", "1", "2", "3", "4",
	    "exist" }, 254, ERR, "update failed: No such file or directory" },
	{ { M, "update", "pinned", "@D/a", "key", "2", "0", "0", "0", "value", "1", "2", "3", "4",
	    "5", "6", "7", "8" }, 249, ERR, "update failed: Argument list too long" },
	{ { M, "update", "pinned", "@D/a", "key", "0", "0", "0", "0", "value", "1", "2", "3", "4",
	    "5", "6", "7", "8", "noexist" }, 239, ERR, "update failed: File exists" },
	{ { M, "update", "pinned", "@D/pc", "key", "3", "0", "0", "0", "value", "1", "2", "3", "4",
	    "5", "6", "7", "8" }, 255, ERR, "expected key or value, got: 5" },
	{ { M, "update", "pinned", "@D/q", "key", "1", "value", "1", "2", "3", "4" }, 255, ERR,
	  "unnecessary key" },
	{ { M, "update", "pinned", "@D/hom", "key", "1", "0", "0", "0", "value", "id" }, 255, ERR,
	  "not enough value arguments for map in map" },
	{ { M, "update", "pinned", "@D/hom", "key", "1", "0", "0", "0", "value", "id",
	    "4294967295" }, 255, ERR, "get map by id (4294967295): No such file or directory" },
	{ { M, "update", "pinned", "@D/hom", "key", "1", "0", "0", "0", "value", "pinned",
	    "/nonexistent" }, 255, ERR, "bpf obj get (/nonexistent): No such file or directory" },
	{ { M, "update", "pinned", "@D/hom", "key", "1", "0", "0", "0", "value", "bogus", "x" },
	  255, ERR, "expected 'id', 'name' or 'pinned', got: 'bogus'?" },
	{ { M, "update", "pinned", "@D/hom", "key", "1", "0", "0", "0", "value", "pinned", H },
	  234, ERR, "update failed: Invalid argument" },
	{ { M, "update", "pinned", "@D/hom", "key", "1", "0", "0", "0", "value", "pinned",
	    "@D/prog" }, 255, ERR, "incorrect object type: prog" },
	{ { M, "update", "pinned", "@D/pa", "key", "0", "0", "0", "0", "value", "tag", "xyz" },
	  255, ERR, "can't parse tag" },
	{ { M, "update", "pinned", "@D/pa", "key", "0", "0", "0", "0", "value", "id", "abc" },
	  255, ERR, "can't parse abc as ID" },
	{ { M, "update", "pinned", "@D/pa", "key", "0", "0", "0", "0", "value", "pinned", H },
	  255, ERR, "incorrect object type: map" },
	{ { M, "update", "pinned", "@D/pa", "key", "0", "0", "0", "0", "value", "name",
	    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
	    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" },
	  255, ERR, "can't parse name" },
	{ { M, "update", "pinned", "@D/pa", "key", "0", "0", "0", "0", "value", "id" }, 255, ERR,
	  "not enough value arguments for map of progs" },
	{ { M, "update", "pinned", "@D/fz", "key", "0", "0", "0", "0", "value", "1", "0", "0",
	    "0" }, 255, ERR, "update failed: Operation not permitted" },
	{ { M, "update", "pinned", "@D/lpm", "key", "33", "0", "0", "0", "1", "2", "3", "4",
	    "value", "1", "0", "0", "0" }, 234, ERR, "update failed: Invalid argument" },
	{ { M, "update", "id", "x", "key", "1" }, 255, ERR, "can't parse x as ID" },
	{ { M, "update", "name", "tbi_nosuch", "key", "1" }, 255, ERR,
	  "no map with name 'tbi_nosuch'" },

	/* ---- delete ---- */
	{ { M, "delete", "id" }, 255, USAGE, "usage: bpftool map delete MAP key DATA" },
	{ { M, "delete", "pinned", H }, 255, ERR, "did not find key" },
	{ { M, "delete", "pinned", H, "key", "1", "0", "0" }, 255, ERR,
	  "key expected 4 bytes got 3" },
	{ { M, "delete", "pinned", H, "key", "9", "0", "0", "0" }, 254, ERR,
	  "delete failed: No such file or directory" },
	{ { M, "delete", "pinned", "@D/a", "key", "1", "0", "0", "0" }, 234, ERR,
	  "delete failed: Invalid argument" },
	{ { M, "delete", "pinned", H, "key", "1", "0", "0", "0", "value", "1" }, 255, ERR,
	  "unnecessary value" },
	{ { M, "delete", "pinned", H, "key", "1", "0", "0", "0", "any" }, 255, ERR,
	  "flags specified multiple times: any" },
	{ { M, "delete", "pinned", "@D/fz", "key", "0", "0", "0", "0" }, 255, ERR,
	  "delete failed: Operation not permitted" },

	/* ---- pin ---- */
	{ { M, "pin", "pinned", H }, 234, ERR, "'pin' needs at least 3 arguments, 2 found" },
	{ { M, "pin", "pinned", H, "@D/a" }, 255, ERR,
	  "can't pin BPF object: path '@D/a' already exists" },
	{ { M, "pin", "pinned", H, "@D/sub" }, 255, ERR,
	  "can't pin BPF object: path '@D/sub' already exists" },
	{ { M, "pin", "pinned", H, "/nonexistent/x" }, 255, ERR,
	  "can't pin BPF object: dir '/nonexistent' doesn't exist" },
	{ { M, "pin", "pinned", H, "@T/x" }, 255, ERR,
	  "can't mount BPF file system to pin the object '@T/x': dir '@T' is not empty, not "
	  "mounting over its contents" },
	{ { "-n", M, "pin", "pinned", H, "@T/x" }, 255, ERR,
	  "no BPF file system found, not mounting it due to --nomount option" },
	{ { M, "pin", "pinned", H, "@D/sub/a.b" }, 255, ERR,
	  "can't pin the object (@D/sub/a.b): Operation not permitted" },
	{ { M, "pin", "pinned", H, "" }, 254, ERR,
	  "can't pin the object (): No such file or directory" },
	{ { M, "pin", "pinned", H, "@D/@L" }, 220, ERR,
	  "can't pin the object (@D/@L): File name too long" },
	{ { M, "pin", "id", "abc", "@D/x" }, 255, ERR, "can't parse abc as ID" },
	{ { M, "p", "pinned", H, "key", "1", "0", "0", "0" }, 255, ERR,
	  "can't mount BPF file system to pin the object 'key': dir '.' is not empty, not "
	  "mounting over its contents" },

	/* ---- create ---- */
	{ { M, "create", "@D/c1", "type", "hash" }, 255, ERR,
	  "'create' needs at least 7 arguments, 3 found" },
	{ { M, "c", "pinned", H }, 255, ERR, "'c' needs at least 7 arguments, 2 found" },
	{ { M, "create", "@D/c1", "type", "hsh", "key", "4", "value", "4", "entries", "4", "name",
	    "c1" }, 255, ERR, "unrecognized map type: hsh" },
	{ { M, "create", "@D/c1", "type", "Hash", "key", "4", "value", "4", "entries", "4", "name",
	    "c1" }, 255, ERR, "unrecognized map type: Hash" },
	{ { M, "create", "@D/c1", "type", "", "key", "4", "value", "4", "entries", "4", "name",
	    "c1" }, 255, ERR, "unrecognized map type: " },
	{ { M, "create", "@D/c1", "type", "hash", "type", "array", "key", "4", "value", "4",
	    "name", "c1" }, 255, ERR, "map type already specified" },
	{ { M, "create", "@D/c1", "type", "hash", "key", "4", "key", "8", "value", "4", "name",
	    "c1" }, 255, ERR, "key size already specified" },
	{ { M, "create", "@D/c1", "type", "hash", "key", "abc", "value", "4", "entries", "4",
	    "name", "c1" }, 255, ERR, "can't parse abc as key size" },
	{ { M, "create", "@D/c1", "type", "hash", "key", "4", "value", "4", "entries",
	    "4294967296", "name", "c1" }, 255, ERR, "can't parse 4294967296 as max entries" },
	{ { M, "create", "@D/c1", "type", "hash", "key", "4", "value", "4", "entries", "-1",
	    "name", "c1" }, 255, ERR, "can't parse -1 as max entries" },
	{ { M, "create", "@D/c1", "type", "hash", "key", "4", "value", "4", "entries", "4",
	    "bogus", "x" }, 255, ERR, "unknown arg bogus" },
	{ { M, "create", "@D/c1", "type", "hash", "key", "4", "value", "4", "entries", "4",
	    "flags", "1" }, 255, ERR, "map name not specified" },
	{ { M, "create", "@D/c1", "type", "hash", "key", "4", "value", "4", "entries", "4",
	    "name", "c1", "flags", "x" }, 255, ERR, "can't parse x as flags" },
	{ { M, "create", "@D/c1", "type", "hash", "key", "4", "value", "4", "entries", "4",
	    "name", "c1", "map_extra", "x" }, 255, ERR, "can't parse x as map_extra" },
	{ { M, "create", "@D/c1", "type", "hash", "key", "4", "value", "4", "entries", "4",
	    "name" }, 255, ERR, "'4' needs at least 2 arguments, 1 found" },
	{ { M, "create", "@D/c1", "type", "hash", "key", "4", "value", "0", "entries", "4",
	    "name", "c1" }, 255, ERR, "map create failed: Invalid argument" },
	{ { M, "create", "@D/c1", "type", "hash", "key", "4", "value", "4", "entries", "0",
	    "name", "c1" }, 255, ERR, "map create failed: Invalid argument" },
	{ { M, "create", "@D/c1", "type", "hash", "key", "4", "value", "4", "entries", "4",
	    "name", "c1", "offload_dev", "nosuchdev0" }, 255, ERR,
	  "unrecognized netdevice 'nosuchdev0': No such device" },
	{ { M, "create", "@D/c1", "type", "hash_of_maps", "key", "4", "value", "4", "entries",
	    "4", "name", "c1", "inner_map", "id", "4294967295" }, 255, ERR,
	  "get map by id (4294967295): No such file or directory" },
	{ { M, "create", "@D/c1", "type", "hash_of_maps", "key", "4", "value", "4", "entries",
	    "4", "name", "c1", "inner_map", "pinned", "@D/prog" }, 255, ERR,
	  "incorrect object type: prog" },
	{ { M, "create", H, "type", "hash", "key", "4", "value", "4", "entries", "4", "name",
	    "c1" }, 255, ERR, "can't pin BPF object: path '@D/h' already exists" },
	{ { M, "create", "/nonexistent/c1", "type", "hash", "key", "4", "value", "4", "entries",
	    "4", "name", "c1" }, 255, ERR,
	  "can't pin BPF object: dir '/nonexistent' doesn't exist" },
	{ { M, "create", "@D/c.1", "type", "hash", "key", "4", "value", "4", "entries", "4",
	    "name", "c1" }, 255, ERR, "can't pin the object (@D/c.1): Operation not permitted" },
	{ { M, "create", "@T/c1", "type", "hash", "key", "4", "value", "4", "entries", "4",
	    "name", "c1" }, 255, ERR,
	  "can't mount BPF file system to pin the object '@T/c1': dir '@T' is not empty, not "
	  "mounting over its contents" },
	{ { M, "create", "", "type", "hash", "key", "4", "value", "4", "entries", "4", "name",
	    "c1" }, 254, ERR, "can't pin the object (): No such file or directory" },

	/* ---- freeze ---- */
	{ { M, "freeze" }, 255, ERR, "'freeze' needs at least 2 arguments, 0 found" },
	{ { M, "freeze", "id" }, 255, ERR, "'freeze' needs at least 2 arguments, 1 found" },
	{ { M, "freeze", "pinned", "@D/a", "extra" }, 255, ERR, "what is 'extra'?" },
	{ { "m", "f", "pinned", H, "x" }, 255, ERR, "what is 'x'?" },
	{ { M, "freeze", "pinned", "@D/fz" }, 255, ERR,
	  "failed to freeze map: Operation not permitted" },

	/* ---- event_pipe ---- */
	{ { M, "event_pipe" }, 255, ERR, "expected 'id', 'name' or 'pinned', got: '(null)'?" },
	{ { M, "event_pipe", "pinned", H }, 255, ERR,
	  "map is not a perf event array or a ring buffer" },
	{ { M, "e", "pinned", "@D/a" }, 255, ERR,
	  "map is not a perf event array or a ring buffer" },
	{ { M, "event_pipe", "pinned", "@D/pea", "cpu", "x", "index", "0" }, 255, ERR,
	  "can't parse x as CPU ID" },
	{ { M, "event_pipe", "pinned", "@D/pea", "cpu", "", "index", "0" }, 255, ERR,
	  "can't parse  as CPU ID" },
	{ { M, "event_pipe", "pinned", "@D/pea", "cpu", "0", "index", "" }, 255, ERR,
	  "can't parse  as index" },
	{ { M, "event_pipe", "pinned", "@D/pea", "cpu", "0" }, 255, ERR,
	  "cpu and index must be specified together" },
	{ { M, "event_pipe", "pinned", "@D/pea", "index", "0" }, 255, ERR,
	  "cpu and index must be specified together" },
	{ { M, "event_pipe", "pinned", "@D/pea", "cpu", "0", "index", "x" }, 255, ERR,
	  "can't parse x as index" },
	{ { M, "event_pipe", "pinned", "@D/pea", "foo", "1" }, 255, ERR, "what is 'foo'?" },
	{ { M, "event_pipe", "pinned", "@D/pea", "cpu", "99999999999", "index", "0" }, 255, ERR,
	  "can't parse 99999999999 as CPU ID" },
	{ { M, "event_pipe", "pinned", "@D/pea", "cpu", "0", "index", "5" }, 255, ERR,
	  "failed to create perf buffer: can't set key 5 (CPU 0) in the map: Argument list too "
	  "long (7) -- the map has 2 entries" },

	/* ---- queue and stack verbs ---- */
	{ { M, "push", "pinned", "@D/st" }, 255, ERR, "did not find value" },
	{ { M, "push", "id" }, 255, USAGE, "usage: bpftool map push MAP value VALUE" },
	{ { M, "push", "pinned", "@D/st", "value", "1", "2", "3" }, 255, ERR,
	  "value expected 4 bytes got 3" },
	{ { M, "push", "pinned", "@D/st", "key", "1", "value", "1", "2", "3", "4" }, 255, ERR,
	  "unnecessary key" },
	{ { M, "push", "pinned", "@D/q", "value", "1", "2", "3", "4" }, 249, ERR,
	  "update failed: Argument list too long" },
	{ { M, "push", "pinned", H, "value", "1", "2", "3", "4" }, 255, ERR, "did not find key" },
	{ { M, "enqueue", "pinned", "@D/st", "value", "1", "2", "3", "4", "5" }, 255, ERR,
	  "expected key or value, got: 5" },
	{ { M, "pop", "id" }, 255, USAGE, "usage: bpftool map pop MAP" },
	{ { M, "pop", "pinned", H }, 255, ERR,
	  "'pop' takes elements out of queue and stack maps only, not hash maps: use 'lookup' "
	  "and 'delete' with a key" },
	{ { M, "po", "pinned", "@D/pc" }, 255, ERR,
	  "'pop' takes elements out of queue and stack maps only, not percpu_hash maps: use "
	  "'lookup' and 'delete' with a key" },
	{ { M, "dequeue", "pinned", "@D/a" }, 255, ERR,
	  "'dequeue' takes elements out of queue and stack maps only, not array maps: use "
	  "'lookup' and 'delete' with a key" },
	{ { M, "peek", "pinned", "@D/q", "key", "1" }, 255, ERR, "unnecessary key" },
	{ { M, "pe", "pinned", "@D/q", "value", "1" }, 255, ERR, "unnecessary value" },
	{ { M, "pe", "pinned", H }, 255, ERR, "did not find key" },
	{ { M, "pop", "pinned", "@D/eq" }, 254, QUIRK, "Error: empty map\n", "null\n" },
	{ { M, "dequeue", "pinned", "@D/eq" }, 254, QUIRK, "Error: empty map\n", "null\n" },
	{ { M, "peek", "pinned", "@D/eq" }, 254, QUIRK, "key:\n\n\nNot found\n", "null\n" },

	/* ---- prog show ---- */
	{ { "prog", "show", "id" }, 255, ERR, "what is 'id'?" },
	{ { "prog", "show", "id", "1", "2" }, 255, ERR, "what is 'id'?" },
	{ { "prog", "show", "id", "abc" }, 255, ERR, "can't parse abc as ID" },
	{ { "prog", "show", "id", "4294967295" }, 255, ERR,
	  "get by id (4294967295): No such file or directory" },
	{ { "prog", "show", "tag", "xyz" }, 255, ERR, "can't parse tag" },
	{ { "prog", "show", "tag", "0123456789abcdeg" }, 255, ERR, "can't parse tag" },
	{ { "prog", "show", "name",
	    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
	    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" },
	  255, ERR, "can't parse name" },
	{ { "prog", "show", "pinned", H }, 255, ERR, "incorrect object type: map" },
	{ { "prog", "show", "pinned", "/sys/fs/bpf/@L" }, 255, ERR,
	  "bpf obj get (/sys/fs/bpf/@L): File name too long" },
	{ { "prog", "show", "bogus", "1" }, 255, ERR,
	  "expected 'id', 'tag', 'name' or 'pinned', got: 'bogus'?" },
};

/* ---- placeholders ------------------------------------------------------------------------ */

struct env {
	char *dir;
	const char *tmp;
	char *lng;
};

static char *expand(const struct env *e, const char *s)
{
	size_t cap = strlen(s) + 1, len = 0;
	char *out = malloc(cap);

	cr_assert(out);
	while (*s) {
		const char *rep = NULL;

		if (s[0] == '@' && s[1] == 'D')
			rep = e->dir;
		else if (s[0] == '@' && s[1] == 'T')
			rep = e->tmp;
		else if (s[0] == '@' && s[1] == 'L')
			rep = e->lng;
		if (rep) {
			size_t n = strlen(rep);

			out = realloc(out, cap += n);
			cr_assert(out);
			memcpy(out + len, rep, n);
			len += n;
			s += 2;
		} else {
			out[len++] = *s++;
		}
	}
	out[len] = 0;
	return out;
}

/* JSON string escaping as RFC 8259 wants it, written apart from the product's. */
static char *json_str(const char *s)
{
	char *out = malloc(strlen(s) * 6 + 3), *o = out;

	cr_assert(out);
	*o++ = '"';
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\') {
			*o++ = '\\';
			*o++ = (char)c;
		} else if (c == '\n') {
			o += sprintf(o, "\\n");
		} else if (c == '\t') {
			o += sprintf(o, "\\t");
		} else if (c == '\r') {
			o += sprintf(o, "\\r");
		} else if (c < 0x20 || c >= 0x80) {
			/* no valid UTF-8 in these rows: every high byte stands alone */
			o += sprintf(o, "\\u%04x", c);
		} else {
			*o++ = (char)c;
		}
	}
	*o++ = '"';
	*o = 0;
	return out;
}

/* ---- the fixture and its snapshot --------------------------------------------------------- */

struct fixture {
	struct env env;
	int fd[16];
	__u32 type[16];
	const char *name[16];
	int n;
	char *help_main, *help_map, *help_prog;
};

static void add(struct fixture *f, int fd, __u32 type, const char *name)
{
	char *p = td_pin(fd, name);

	free(p);
	f->fd[f->n] = fd;
	f->type[f->n] = type;
	f->name[f->n] = name;
	f->n++;
}

static void put(int fd, __u32 k, const void *v)
{
	td_update(fd, &k, v);
}

static char *help_of(const char *words)
{
	struct run r = t_run("%s", words);
	char *s = r.err;

	cr_assert_eq(r.status, 0);
	free(r.out);
	return s;
}

static void fixture_make(struct fixture *f)
{
	__u8 v8[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };
	__u32 v, k;
	__u8 lpm_key[8] = { 24, 0, 0, 0, 10, 0, 0, 0 };
	int inner, fd, i;
	char *p;
	FILE *file;

	memset(f, 0, sizeof(*f));
	o_private_mounts();
	/* the fixture's pins go where td_pin() puts them: that is @D */
	p = td_pin(td_prog("tbi_prog"), "prog");
	*strrchr(p, '/') = 0;
	f->env.dir = p;
	f->env.tmp = o_tmp("bad");
	p = td_fmt("%s/keep", f->env.tmp);
	file = fopen(p, "w");
	cr_assert(file);
	fclose(file);
	free(p);
	f->env.lng = malloc(5001);
	memset(f->env.lng, 'a', 5000);
	f->env.lng[5000] = 0;
	p = td_fmt("%s/sub", f->env.dir);
	cr_assert_eq(mkdir(p, 0700), 0);
	free(p);

	/* a zero hash seed: the same walk order every time */
	fd = td_map(BPF_MAP_TYPE_HASH, 4, 4, 8, "tbi_h", BPF_F_ZERO_SEED, 0);
	v = 0x04030201;
	put(fd, 1, &v);
	v = 0x08070605;
	put(fd, 2, &v);
	add(f, fd, BPF_MAP_TYPE_HASH, "h");
	fd = td_map(BPF_MAP_TYPE_ARRAY, 4, 8, 2, "tbi_a", 0, 0);
	put(fd, 1, v8);
	add(f, fd, BPF_MAP_TYPE_ARRAY, "a");
	fd = td_map(BPF_MAP_TYPE_PERCPU_HASH, 4, 4, 4, "tbi_pc", 0, 0);
	{
		__u8 *pv = calloc((size_t)td_ncpus(), 8);

		for (i = 0; i < td_ncpus(); i++)
			pv[i * 8] = (__u8)(9 + i);
		put(fd, 3, pv);
		free(pv);
	}
	add(f, fd, BPF_MAP_TYPE_PERCPU_HASH, "pc");
	fd = td_map(BPF_MAP_TYPE_QUEUE, 0, 4, 2, "tbi_q", 0, 0);
	v = 1;
	td_update(fd, NULL, &v);
	v = 2;
	td_update(fd, NULL, &v);
	add(f, fd, BPF_MAP_TYPE_QUEUE, "q");
	fd = td_map(BPF_MAP_TYPE_STACK, 0, 4, 4, "tbi_st", 0, 0);
	v = 3;
	td_update(fd, NULL, &v);
	add(f, fd, BPF_MAP_TYPE_STACK, "st");
	add(f, td_map(BPF_MAP_TYPE_QUEUE, 0, 4, 2, "tbi_eq", 0, 0), BPF_MAP_TYPE_QUEUE, "eq");
	fd = td_map(BPF_MAP_TYPE_LPM_TRIE, 8, 4, 4, "tbi_lpm", BPF_F_NO_PREALLOC, 0);
	v = 1;
	td_update(fd, lpm_key, &v);
	add(f, fd, BPF_MAP_TYPE_LPM_TRIE, "lpm");
	add(f, td_map(BPF_MAP_TYPE_PROG_ARRAY, 4, 4, 2, "tbi_pa", 0, 0), BPF_MAP_TYPE_PROG_ARRAY,
	    "pa");
	inner = td_map(BPF_MAP_TYPE_ARRAY, 4, 4, 1, "tbi_in", 0, 0);
	add(f, inner, BPF_MAP_TYPE_ARRAY, "inner");
	fd = td_map(BPF_MAP_TYPE_HASH_OF_MAPS, 4, 4, 2, "tbi_hom", 0, inner);
	k = 1;
	cr_assert_eq(bpf_map_update_elem(fd, &k, &inner, 0), 0);
	add(f, fd, BPF_MAP_TYPE_HASH_OF_MAPS, "hom");
	add(f, td_map(BPF_MAP_TYPE_PERF_EVENT_ARRAY, 4, 4, 2, "tbi_pea", 0, 0),
	    BPF_MAP_TYPE_PERF_EVENT_ARRAY, "pea");
	add(f, td_map(BPF_MAP_TYPE_RINGBUF, 0, 0, 4096, "tbi_rb", 0, 0), BPF_MAP_TYPE_RINGBUF,
	    "rb");
	fd = td_map(BPF_MAP_TYPE_ARRAY, 4, 4, 1, "tbi_fz", 0, 0);
	cr_assert_eq(bpf_map_freeze(fd), 0);
	add(f, fd, BPF_MAP_TYPE_ARRAY, "fz");

	f->help_main = help_of("help");
	f->help_map = help_of("map help");
	f->help_prog = help_of("prog help");
}

static char *snapshot(const struct fixture *f)
{
	char *s = calloc(1, 1), *sub;
	int i;

	cr_assert(s);
	for (i = 0; i < f->n; i++) {
		snap_str(&s, f->name[i]);
		snap_str(&s, ": ");
		snap_map(&s, f->fd[i], f->type[i]);
	}
	snap_dir(&s, f->env.dir);
	sub = td_fmt("%s/sub", f->env.dir);
	snap_dir(&s, sub);
	free(sub);
	snap_dir(&s, f->env.tmp);
	snap_dir(&s, ".");
	snap_mounts(&s);	/* no mount left behind */
	return s;
}

/* ---- running a row ------------------------------------------------------------------------ */

static struct run run_row(const struct fixture *f, const struct row *r, bool json, char **words)
{
	const char *argv[32];
	int n = 0, i;

	if (json)
		argv[n++] = "-j";
	/* "--": words like "-1" are arguments; rows that start with an option are options */
	if (r->argv[0][0] != '-')
		argv[n++] = "--";
	for (i = 0; r->argv[i]; i++) {
		words[i] = expand(&f->env, r->argv[i]);
		argv[n++] = words[i];
	}
	words[i] = NULL;
	argv[n] = NULL;
	return t_runv(argv);
}

static void free_words(char **words)
{
	int i;

	for (i = 0; words[i]; i++)
		free(words[i]);
}

static char *describe(const struct row *r)
{
	char *d = calloc(1, 1);
	int i;

	for (i = 0; r->argv[i]; i++) {
		snap_str(&d, i ? " " : "");
		snap_str(&d, strlen(r->argv[i]) > 60 ? "<long>" : r->argv[i]);
	}
	return d;
}

static void check_plain(const struct fixture *f, const struct row *r, const char *what)
{
	char *words[24], *msg = r->msg ? expand(&f->env, r->msg) : NULL, *want = NULL;
	struct run got = run_row(f, r, false, words);

	cr_expect_eq(got.status, r->status, "%s: status %d, want %d", what, got.status,
		     r->status);
	switch (r->kind) {
	case QUIRK:
		cr_expect_str_eq(got.out, msg, "%s: stdout\n%s", what, got.out);
		cr_expect_str_eq(got.err, "", "%s: stderr\n%s", what, got.err);
		break;
	default:
		want = td_fmt("Error: %s\n%s", msg,
			      r->kind == ERR_HELP_MAIN ? f->help_main :
			      r->kind == ERR_HELP_MAP || r->kind == USAGE ? f->help_map :
			      r->kind == ERR_HELP_PROG ? f->help_prog : "");
		cr_expect_str_eq(got.out, "", "%s: stdout\n%s", what, got.out);
		cr_expect_str_eq(got.err, want, "%s: stderr\n%s\nwant\n%s", what, got.err, want);
		break;
	}
	free(want);
	free(msg);
	free_words(words);
	t_run_free(&got);
}

static void check_json(const struct fixture *f, const struct row *r, const char *what)
{
	char *words[24], *want, *msg, *esc;
	struct run got = run_row(f, r, true, words);
	size_t where = 0;

	if (r->json) {
		want = expand(&f->env, r->json);
	} else {
		msg = expand(&f->env, r->msg);
		esc = json_str(msg);
		want = td_fmt("{\"error\":%s}\n", esc);
		free(esc);
		free(msg);
	}
	cr_expect_eq(got.status, r->status, "%s -j: status %d, want %d", what, got.status,
		     r->status);
	cr_expect(t_json_valid(got.out, got.out_len, &where), "%s -j: invalid JSON at %zu: %s",
		  what, where, got.out);
	cr_expect_str_eq(got.out, want, "%s -j: stdout\n%s\nwant\n%s", what, got.out, want);
	cr_expect_str_eq(got.err, "", "%s -j: stderr\n%s", what, got.err);
	free(want);
	free_words(words);
	t_run_free(&got);
}

static void fini(void)
{
	t_dir_cleanup();
	o_tmp_cleanup();
}

Test(bad_input, matrix, .fini = fini, .timeout = 300)
{
	struct fixture f;
	char *before, *after;
	size_t i;

	fixture_make(&f);
	cr_assert_geq(ARRAY_SIZE(rows), 100);
	before = snapshot(&f);
	for (i = 0; i < ARRAY_SIZE(rows); i++) {
		char *what = describe(&rows[i]);

		check_plain(&f, &rows[i], what);
		after = snapshot(&f);
		cr_assert_str_eq(after, before, "'%s' changed a map, a pin or a mount", what);
		free(after);
		check_json(&f, &rows[i], what);
		after = snapshot(&f);
		cr_assert_str_eq(after, before, "'-j %s' changed a map, a pin or a mount", what);
		free(after);
		free(what);
	}
	free(before);
	free(f.env.lng);
	free(f.env.dir);
	free(f.help_main);
	free(f.help_map);
	free(f.help_prog);
}
