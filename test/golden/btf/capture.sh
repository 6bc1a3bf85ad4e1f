#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
# Records what an installed upstream bpftool prints for the gold maps (test/lib/btfmaps.c).
# Run as root from the source tree's root:  test/golden/btf/capture.sh [BPFTOOL [OUTDIR]]
# gold_so (struct_ops) depends on the kernel's struct layout: uname -r is kept in kernel.txt.
# The files in debian-7.1/ came from Debian's bpftool 7.1.0+6.1.192-2 on kernel 6.18.
set -eu
B=${1:-/usr/sbin/bpftool}
OUT=${2:-test/golden/btf/debian-7.1}
D=/sys/fs/bpf/btf-capture-$$
CAP=$(mktemp)
trap 'rm -rf "$D" "$CAP"' EXIT
gcc -std=gnu11 -Iuapi -Isrc -Itest/lib -D_GNU_SOURCE -o "$CAP" test/golden/btf/capture.c \
	test/lib/btfbuild.c test/lib/btfmaps.c src/sys_bpf.c src/cpus.c src/util.c src/out.c \
	src/sink.c src/json.c src/errstr.c src/btf.c src/btf_dump.c -lcriterion
mkdir -p "$D" "$OUT"
"$CAP" "$D"
uname -r >"$OUT/kernel.txt"
for m in gold_h gold_pca gold_data gold_fl gold_pch gold_so gold_kinds; do
	"$B" map dump pinned "$D/$m" >"$OUT/dump_$m.plain"
	"$B" -j map dump pinned "$D/$m" >"$OUT/dump_$m.json"
	"$B" -p map dump pinned "$D/$m" >"$OUT/dump_$m.pretty"
done
# several maps by name: the ids vary, so they become @ID0@ and @ID1@
id0=$("$B" -j map show pinned "$D/gold_dup0" | sed 's/^{"id":\([0-9]*\),.*/\1/')
id1=$("$B" -j map show pinned "$D/gold_dup1" | sed 's/^{"id":\([0-9]*\),.*/\1/')
"$B" map dump name gold_dup | sed "s/\b$id0\b/@ID0@/; s/\b$id1\b/@ID1@/" >"$OUT/dump_dup.plain"
"$B" -j map dump name gold_dup | sed "s/\b$id0\b/@ID0@/; s/\b$id1\b/@ID1@/" >"$OUT/dump_dup.json"
"$B" -p map dump name gold_dup | sed "s/\b$id0\b/@ID0@/; s/\b$id1\b/@ID1@/" >"$OUT/dump_dup.pretty"
K0="key 1 0 0 0 2 0 0x61 0x62 0x63 0 0 0"
"$B" map lookup pinned "$D/gold_h" $K0 >"$OUT/lookup_gold_h.plain"
"$B" -j map lookup pinned "$D/gold_h" $K0 >"$OUT/lookup_gold_h.json"
"$B" -p map lookup pinned "$D/gold_h" $K0 >"$OUT/lookup_gold_h.pretty"
"$B" map lookup pinned "$D/gold_pca" key 0 0 0 0 >"$OUT/lookup_gold_pca.plain"
"$B" map lookup pinned "$D/gold_data" key 0 0 0 0 >"$OUT/lookup_gold_data.plain"
"$B" map lookup pinned "$D/gold_h" key 9 0 0 0 2 0 0x61 0x62 0x63 0 0 0 \
	>"$OUT/lookup_gold_h_notfound.plain" || echo "exit $?" >>"$OUT/lookup_gold_h_notfound.plain"
"$B" map lookup pinned "$D/gold_kinds" key 1 0 0 0 >"$OUT/lookup_gold_kinds.plain"
"$B" -j map lookup pinned "$D/gold_kinds" key 1 0 0 0 >"$OUT/lookup_gold_kinds.json"
