#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
# Issue 10's figure: `bpftool batch file` with LINES `map update` lines against PROCS separate
# `bpftool map update` processes (started by xargs, no shell in between), extrapolated to LINES.
# usage: tools/bench/batch.sh [--project PATH] [LINES [PROCS]]   (default 100000 2000; root)
set -eu

PROJECT=./bpftool
if [ "${1:-}" = --project ]; then
	PROJECT=${2:?}
	shift 2
fi
LINES=${1:-100000}
PROCS=${2:-2000}
DIR=/sys/fs/bpf/bpftool-bench-batch-$$
TMP=$(mktemp -d)
trap 'rm -rf "$DIR" "$TMP"' EXIT
trap 'exit 130' INT TERM HUP

[ "$(id -u)" = 0 ] || { echo "batch.sh: needs root" >&2; exit 2; }
mkdir -p "$DIR"
"$PROJECT" map create "$DIR/m" type hash key 4 value 8 entries $((LINES + PROCS)) name bench_batch

# key i as 4 little-endian bytes, value i's low byte then 7 zeroes
awk -v n="$LINES" -v m="$DIR/m" 'BEGIN {
	for (i = 0; i < n; i++)
		printf "map update pinned %s key %d %d %d %d value %d 0 0 0 0 0 0 0\n", m,
			i % 256, int(i / 256) % 256, int(i / 65536) % 256, int(i / 16777216),
			i % 256
}' > "$TMP/batch"
awk -v n="$PROCS" -v m="$DIR/m" 'BEGIN {
	for (i = 0; i < n; i++)
		printf "map update pinned %s key %d %d %d 255 value 1 0 0 0 0 0 0 0\n", m,
			i % 256, int(i / 256) % 256, int(i / 65536) % 256
}' > "$TMP/procs"

TIMEFORMAT='%R %U %S'
b=$( { time "$PROJECT" batch file "$TMP/batch" > /dev/null 2>&1; } 2>&1 )
p=$( { time xargs -L 1 "$PROJECT" < "$TMP/procs" > /dev/null; } 2>&1 )
set -- $b $p
awk -v lines="$LINES" -v procs="$PROCS" -v bw="$1" -v bu="$2" -v bs="$3" \
    -v pw="$4" -v pu="$5" -v ps="$6" 'BEGIN {
	x = lines / procs
	printf "- %s: %s\n", "project", "'"$("$PROJECT" version | head -1)"'"
	printf "- %s\n", "'"$(uptime | sed 's/.*load/load/')"'"
	printf "| run | wall s | cpu s | per update |\n|---|--:|--:|--:|\n"
	printf "| batch file, %d updates, one process | %.2f | %.2f | %.1f us |\n",
		lines, bw, bu + bs, (bu + bs) / lines * 1e6
	printf "| %d processes (measured) | %.2f | %.2f | %.0f us |\n",
		procs, pw, pu + ps, (pu + ps) / procs * 1e6
	printf "| %d processes (extrapolated) | %.1f | %.1f | |\n", lines, pw * x, (pu + ps) * x
	printf "\nbatch is %.0fx less cpu and %.0fx less wall time than one process per update\n",
		(pu + ps) * x / (bu + bs), pw * x / bw
}'
