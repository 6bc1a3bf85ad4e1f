#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
# The benchmark of issue 7: ./bpftool against the floor (the least any implementation can do)
# and against the distribution's bpftool, on maps this script creates and removes.
# usage: tools/bench/bench.sh [--quick] [--check] [--rounds N] [--project PATH]
#                             [--bpftool PATH|none] [--devnull] [--keep] [--out FILE]
#        tools/bench/bench.sh --report   (the table again, from the last run's raw data)
# Run from the top of the tree after `make bench-build` (make bench / make bench-check do).
set -u

B=build/bench
PROJECT=./bpftool
DISTRO=auto
MODE=full
ROUNDS=
DEVNULL=
KEEP=
OUT=

die() { echo "bench: $*" >&2; exit 2; }

while [ $# -gt 0 ]; do
	case $1 in
	--quick) MODE=quick ;;
	--full) MODE=full ;;
	--check) MODE=check ;;
	--rounds) ROUNDS=${2:?}; shift ;;
	--project) PROJECT=${2:?}; shift ;;
	--bpftool) DISTRO=${2:?}; shift ;;
	--devnull) DEVNULL=-d ;;
	--keep) KEEP=1 ;;
	--out) OUT=${2:?}; shift ;;
	--report) MODE=report ;;
	-h|--help) sed -n "2,8p" "$0"; exit 0 ;;
	*) die "unknown option '$1' (see --help)" ;;
	esac
	shift
done

for b in floor-dump floor-lookup floor-show bench-setup runone; do
	[ -x "$B/$b" ] || die "$B/$b missing: run make bench-build"
done
[ "$(id -u)" = 0 ] || die "needs root (bpf(2) and bpffs)"
[ "$(stat -f -c %T /sys/fs/bpf 2>/dev/null)" = bpf_fs ] ||
	die "/sys/fs/bpf is not a bpffs mount (mount -t bpf bpf /sys/fs/bpf)"

# the distribution's bpftool: /usr/sbin/bpftool, else the first bpftool on PATH that is not ours
if [ "$DISTRO" = auto ]; then
	DISTRO=
	for c in /usr/sbin/bpftool "$(command -v bpftool 2>/dev/null)"; do
		[ -n "$c" ] && [ -x "$c" ] || continue
		[ "$(readlink -f "$c")" = "$(readlink -f "$PROJECT")" ] && continue
		DISTRO=$c
		break
	done
elif [ "$DISTRO" = none ]; then
	DISTRO=
fi

case $MODE in
quick)	BIG=${ROUNDS:-3}; SMALL=$((${ROUNDS:-3} * 3))
	MAPS="h4_100k:hash:4:8:100000 h16_100k:hash:16:64:100000 pc_100k:percpu_hash:4:8:100000"
	DUMPS="h4_100k h16_100k pc_100k"; LOOKUP=h4_100k; SHOWN=1000 ;;
full)	BIG=${ROUNDS:-5}; SMALL=$((${ROUNDS:-5} * 3))
	MAPS="h4_1m:hash:4:8:1000000 h4_100k:hash:4:8:100000 h4_1k:hash:4:8:1000
	      h16_100k:hash:16:64:100000 pc_100k:percpu_hash:4:8:100000"
	DUMPS="h4_1m h4_100k h4_1k h16_100k pc_100k"; LOOKUP=h4_1m; SHOWN=1000 ;;
report)	BIG=0; SMALL=0; SHOWN=0 ;;
check)	BIG=0; SMALL=0
	MAPS="h4:hash:4:8:1000 h16:hash:16:64:100 pc:percpu_hash:4:8:100 ar:array:4:8:100
	      h8:hash:8:16:1 h12:hash:12:13:1 h2:hash:2:17:1"
	DUMPS="h4 h16 pc ar h8 h12 h2"; LOOKUP=$DUMPS; SHOWN=50 ;;
esac

TINY=$((BIG * 10))	# rounds of the commands that take a millisecond or so
SHOW="show ($SHOWN+ maps)"
SHOWJ="show -j ($SHOWN+ maps)"
DIR=/sys/fs/bpf/bpftool-bench-$$
O=$B/out
GOLDEN=tools/bench/golden
RAW=$B/raw.txt
case $MODE in
full) : "${OUT:=$B/results.md}" ;;
quick) : "${OUT:=$B/results-quick.md}" ;;
check|report) : "${OUT:=$B/check.txt}" ;;
esac
MISMATCH=0
FAILED=0

cleanup() {
	[ -n "$KEEP" ] && { echo "bench: maps kept in $DIR" >&2; return; }
	rm -rf "$DIR"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

# --- the output check -------------------------------------------------------------------------
# Splits `map show` output into one line per map, "ID<TAB>block" (newlines as \n). $2 = norm:
# the type names newer than bpftool 7.1 become the numbers 7.1 prints.
show_blocks() {
	awk -v norm="$2" '
	function out(b) {
		if (b == "")
			return
		if (norm == "norm") {
			gsub(/: cgrp_storage  /, ": type 32  ", b)
			gsub(/: arena  /, ": type 33  ", b)
			gsub(/: insn_array  /, ": type 34  ", b)
			gsub(/: rhash  /, ": type 35  ", b)
			gsub(/"type":"cgrp_storage"/, "\"type\":32", b)
			gsub(/"type":"arena"/, "\"type\":33", b)
			gsub(/"type":"insn_array"/, "\"type\":34", b)
			gsub(/"type":"rhash"/, "\"type\":35", b)
		}
		match(b, /[0-9]+/)
		print substr(b, RSTART, RLENGTH) "\t" b
	}
	/^\[/ {			# JSON: one array on one line
		s = $0; sub(/^\[/, "", s); sub(/\]$/, "", s)
		n = split(s, parts, /\},\{"id":/)
		for (i = 1; i <= n; i++)
			out((i > 1 ? "{\"id\":" : "") parts[i] (i < n ? "}" : ""))
		next
	}
	/^[0-9]+: / { out(b); b = $0; next }
	{ b = b "\\n" $0 }
	END { out(b) }' "$1"
}

# cmp_out KIND WANT GOT [norm]: "ok ..." or "MISMATCH: ..."
cmp_out() {
	local kind=$1 want=$2 got=$3 norm=${4:-}
	if cmp -s "$want" "$got"; then
		echo "ok (identical)"
	elif [ "$kind" != show ]; then
		echo "MISMATCH: $(cmp "$want" "$got" 2>&1 | sed 's/^[^ ]* [^ ]* //')"
	else
		# show lists every map of the system, and other processes create and remove maps
		# while we run: compare the maps listed by both; ours (bench_s*) must be in both
		show_blocks "$want" "$norm" >"$want.blk"
		show_blocks "$got" "$norm" >"$got.blk"
		awk -F'\t' '
		NR == FNR { a[$1] = $2; next }
		{ b[$1] = $2 }
		END {
			for (id in a) {
				if (!(id in b)) {
					churn++
					if (a[id] ~ /bench_s/) ours++
				} else if (a[id] != b[id]) {
					diff++
					if (first == "" || id + 0 < first + 0) first = id
				} else {
					same++
				}
			}
			for (id in b)
				if (!(id in a)) {
					churn++
					if (b[id] ~ /bench_s/) ours++
				}
			if (diff)
				printf "MISMATCH: %d of %d maps differ, first id %s\n", diff, diff + same, first
			else if (ours || !same)
				printf "MISMATCH: %d benchmark maps missing on one side\n", ours
			else if (churn)
				printf "ok (%d maps equal; %d other maps came or went between the runs)\n",
					same, churn
			else
				printf "ok (%d maps equal)\n", same
		}' "$want.blk" "$got.blk"
	fi
}

# --- measurements -----------------------------------------------------------------------------
# Each measurement: NAME KIND(dump|lookup|show) JSON(-j|"") MAP. cmd_of IMPL KIND J MAP sets
# CMD to the command line of one implementation.
key_of() {	# MAP: the bytes of key 42 (0 in smaller maps) as bench-setup fills them
	local spec ks n i j k=
	spec=$(echo "$MAPS" | tr ' ' '\n' | grep "^$1:")
	ks=$(echo "$spec" | cut -d: -f3)
	n=$(echo "$spec" | cut -d: -f5)
	i=42
	[ "$n" -gt 42 ] || i=0
	for ((j = 0; j < ks; j++)); do	# i little-endian, then (i * 7 + j) & 255
		if [ $j -lt 4 ]; then k="$k $(((i >> (8 * j)) & 255))"
		else k="$k $(((i * 7 + j) & 255))"; fi
	done
	echo "$k"
}

cmd_of() {
	local impl=$1 kind=$2 j=$3 map=$4 tool key
	key=()
	[ "$kind" = lookup ] && read -r -a key <<<"$(key_of "$map")"
	case $impl in
	project) tool=$PROJECT ;;
	distro) tool=$DISTRO ;;
	esac
	case $impl/$kind in
	floor/dump) CMD=("$B/floor-dump" ${j:+"$j"} pinned "$DIR/$map") ;;
	floorread/dump) CMD=("$B/floor-dump" -n pinned "$DIR/$map") ;;
	floor/lookup) CMD=("$B/floor-lookup" ${j:+"$j"} pinned "$DIR/$map" key "${key[@]}") ;;
	floor/show) CMD=("$B/floor-show" ${j:+"$j"}) ;;
	*/dump) CMD=("$tool" ${j:+"$j"} map dump pinned "$DIR/$map") ;;
	*/lookup) CMD=("$tool" ${j:+"$j"} map lookup pinned "$DIR/$map" key "${key[@]}") ;;
	*/show) CMD=("$tool" ${j:+"$j"} map show) ;;
	esac
}

label_of() {
	case $1 in
	project) echo "./bpftool" ;;
	floor) echo "floor" ;;
	floorread) echo "floor, read only" ;;
	distro) echo "$DISTRO_LABEL" ;;
	esac
}

fname() {	# MEAS: where its outputs go, without the file name extension
	echo "$O/${1//[^A-Za-z0-9-]/_}"
}

# once MEAS IMPL KIND J MAP FILE: one run with its output in FILE (stderr in FILE.err) under
# runone -m, which gives the peak memory (raw round 0; it is also the warm-up); sets RC
once() {
	local line
	cmd_of "$2" "$3" "$4" "$5"
	line=$($B/runone -m -o "$6" -e "$6.err" -- "${CMD[@]}") || die "runone failed"
	printf '%s\t%s\t0\t%s\n' "$1" "$2" "$line" >>"$RAW"
	RC=${line##* }
}

# check MEAS KIND J MAP: runs each implementation once into $O/, compares with the floor; sets
# IMPLS (the ones to time) and writes MEAS<TAB>IMPL<TAB>CHECK-TEXT lines to $O/checks
check() {
	local meas=$1 kind=$2 j=$3 map=$4 impl f g text norm
	IMPLS="floor"
	f=$(fname "$meas")
	once "$meas" floor "$kind" "$j" "$map" "$f.floor"
	[ "$RC" = 0 ] || die "floor failed for $meas (exit $RC): $(head -n1 "$f.floor.err")"
	printf '%s\tfloor\t-\n' "$meas" >>"$O/checks"
	# the floors' own golden bytes (verified against bpftool 7.1; deterministic maps only)
	g=$GOLDEN/${f##*/}
	if [ -f "$g" ]; then
		text=$(cmp_out "$kind" "$g" "$f.floor")
		case $text in
		MISMATCH*) MISMATCH=1; echo "bench: $meas: floor vs $g: $text" >&2 ;;
		esac
		printf '%s\tgolden\t%s\n' "$meas" "$text" >>"$O/checks"
	fi
	if [ "$kind" = dump ]; then
		once "$meas" floorread "$kind" "$j" "$map" "$f.floorread"
		[ "$RC" = 0 ] || die "floor -n failed for $meas (exit $RC)"
		printf '%s\tfloorread\t-\n' "$meas" >>"$O/checks"
		IMPLS="$IMPLS floorread"
	fi
	for impl in project distro; do
		[ "$impl" = distro ] && [ -z "$DISTRO" ] && continue
		g=$f.$impl
		once "$meas" "$impl" "$kind" "$j" "$map" "$g"
		if [ "$RC" != 0 ]; then
			text="exit $RC: $(head -n1 "$g.err"; [ -s "$g.err" ] || head -c 200 "$g")"
			if grep -qs 'is not supported by this build' "$g" "$g.err"; then
				text="n/a (not implemented yet): $text"
			else
				text="FAILED: $text"
				FAILED=1
				echo "bench: $meas: $(label_of $impl) $text" >&2
			fi
		else
			norm=
			[ "$impl" = distro ] && norm=norm
			text=$(cmp_out "$kind" "$f.floor" "$g" $norm)
			IMPLS="$IMPLS $impl"
		fi
		case $text in
		MISMATCH*)
			MISMATCH=1
			echo "bench: $meas: $(label_of $impl) $text (floor: $f.floor, it: $g)" >&2
			if [ "$kind" = show ]; then
				diff "$f.floor.blk" "$g.blk" | head -n 6 >&2
			else
				diff "$f.floor" "$g" | head -n 6 >&2
			fi ;;
		esac
		printf '%s\t%s\t%s\n' "$meas" "$impl" "$text" >>"$O/checks"
	done
	# the project first: every round runs the implementations in this order
	case " $IMPLS " in *" project "*) IMPLS="project ${IMPLS/ project/}" ;; esac
}

# measure MEAS KIND J MAP ROUNDS: ROUNDS timed rounds (after check's run, the warm-up)
measure() {
	local meas=$1 kind=$2 j=$3 map=$4 rounds=$5 impl r line
	for ((r = 1; r <= rounds; r++)); do
		for impl in $IMPLS; do
			cmd_of $impl "$kind" "$j" "$map"
			line=$($B/runone $DEVNULL -- "${CMD[@]}") || die "runone failed"
			printf '%s\t%s\t%s\t%s\n' "$meas" "$impl" "$r" "$line" >>"$RAW"
		done
	done
}

run_one() {	# MEAS KIND J MAP ROUNDS
	check "$1" "$2" "$3" "$4"
	if [ "$5" -gt 0 ]; then
		printf '  %-22s %s\n' "$1" "$IMPLS" >&2
		measure "$@"
	fi
}

# --- report -----------------------------------------------------------------------------------
# $O/checks: MEAS<TAB>IMPL<TAB>CHECK; $RAW: MEAS<TAB>IMPL<TAB>ROUND<TAB>WALL_US CPU_US PEAK_KIB
# BYTES STATUS (round 0 is the -m warm-up, which gives the peak memory)
report() {
	echo "| measurement | implementation | wall ms | cpu ms | peak KiB | bytes out |" \
		"wall ÷ floor | cpu ÷ floor | wall ÷ bpftool | cpu ÷ bpftool | output check |"
	echo "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|---|"
	awk -F'\t' -v distro_label="$DISTRO_LABEL" '
	function med(arr, n,   i, j, t) {	# median of arr[1..n]
		for (i = 2; i <= n; i++)
			for (j = i; j > 1 && arr[j - 1] > arr[j]; j--) {
				t = arr[j]; arr[j] = arr[j - 1]; arr[j - 1] = t
			}
		return n % 2 ? arr[(n + 1) / 2] : (arr[n / 2] + arr[n / 2 + 1]) / 2
	}
	function ratio(m, a, b, col,   r, n, x, y, q) {	# median over the rounds of a/b
		n = 0
		for (r = 1; r <= rounds[m]; r++) {
			if (!(((m, a, r) in v) && ((m, b, r) in v)))
				continue
			split(v[m, a, r], x, " "); split(v[m, b, r], y, " ")
			if (y[col] <= 0)
				return "—"
			q[++n] = x[col] / y[col]
		}
		return n ? sprintf("%.2f", med(q, n)) : "—"
	}
	FILENAME ~ /checks$/ {
		if ($2 == "golden")
			next
		chk[$1, $2] = $3
		if (!($1 in seen)) { seen[$1] = 1; order[++nm] = $1 }
		impls[$1] = impls[$1] " " $2
		next
	}
	{
		split($4, x, " ")
		if ($3 == 0) { peak[$1, $2] = x[3]; bytes0[$1, $2] = x[4]; next }
		v[$1, $2, $3] = x[1] " " x[2]
		if ($3 > rounds[$1]) rounds[$1] = $3
		if (x[5] != 0) bad[$1, $2] = bad[$1, $2] " exit " x[5]
		nb[$1, $2]++
		bl[$1, $2, nb[$1, $2]] = x[4]
	}
	END {
		name["project"] = "./bpftool"; name["floor"] = "floor"
		name["floorread"] = "floor, read only"; name["distro"] = distro_label
		for (k = 1; k <= nm; k++) {
			m = order[k]
			ni = split(impls[m], il, " ")
			for (i = 1; i <= ni; i++) {
				p = il[i]; n = 0
				for (r = 1; r <= rounds[m]; r++) {
					if (!((m, p, r) in v))
						continue
					split(v[m, p, r], x, " ")
					w[++n] = x[1] / 1000; c[n] = x[2] / 1000
				}
				nbytes = nb[m, p]
				for (r = 1; r <= nbytes; r++)
					bb[r] = bl[m, p, r]
				by = med(bb, nbytes)
				if (bb[nbytes] == 0)	# --devnull: the untimed run counted them
					by = bytes0[m, p]
				else if (bb[1] != bb[nbytes])	# show: other maps come and go
					by = "≈" by
				ck = chk[m, p]
				if (ck == "-")
					ck = p == "floor" ? "(the reference)" : "(formats nothing)"
				if ((m, p) in bad)
					ck = ck "; FAILED in a round:" bad[m, p]
				if (!n) {
					printf "| %s | %s | n/a | | | | | | | | %s |\n", m, name[p], ck
					continue
				}
				printf "| %s | %s | %.1f | %.1f | %s | %s | %s | %s | %s | %s | %s |\n",
					m, name[p], med(w, n), med(c, n),
					((m, p) in peak) ? peak[m, p] : "?", by,
					ratio(m, p, "floor", 1), ratio(m, p, "floor", 2),
					ratio(m, p, "distro", 1), ratio(m, p, "distro", 2), ck
			}
		}
	}' "$O/checks" "$RAW"
}

header() {
	local cpu ver lib='' out
	cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
	echo "# bpftool-static benchmark ($MODE)"
	echo
	echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); host: $(uname -srm);" \
		"cpu: ${cpu:-?} ×$(nproc) (possible CPUs $(cat /sys/devices/system/cpu/possible))"
	echo "- load at start: $LOAD0"
	ver=$($PROJECT version 2>&1 | head -n1)
	echo "- project: $PROJECT ($ver)"
	echo "- floor: $B/floor-{dump,lookup,show} (static musl -Os; dump: BPF_MAP_LOOKUP_BATCH," \
		"256 KiB batches, 256 KiB output buffer)"
	[ -n "$DISTRO" ] && lib=", $($DISTRO version 2>&1 | sed -n 2p)"
	echo "- distribution bpftool: ${DISTRO:-none}${DISTRO:+ ($DISTRO_LABEL$lib)}"
	echo "- rounds: $BIG (dumps of 100k+ entries), $SMALL (show), $TINY (lookup, 1k dump);" \
		"each round runs the" \
		"implementations one after another, after one untimed run each (the output check," \
		"warm-up and peak memory run)"
	out="a pipe, drained and counted by runone"
	[ -n "$DEVNULL" ] && out=/dev/null
	echo "- stdout: $out"
}

# The comparison must catch what it is there to catch (a changed byte, a changed map, a missing
# map of ours) and accept identical bytes; run on check mode's outputs.
expect() {	# WANT(ok|MISMATCH) WHAT KIND A B
	case $(cmp_out "$3" "$4" "$5") in
	"$1"*) ;;
	*) echo "selftest: $2 not seen as $1"; return 1 ;;
	esac
}

selftest() {
	local d=$O/selftest
	mkdir -p "$d"
	set -- "$(fname "dump h4").floor" "$(fname "$SHOW").floor" "$(fname "$SHOWJ").floor"
	[ -s "$1" ] && [ -s "$2" ] && [ -s "$3" ] || { echo "selftest: outputs missing"; return 1; }
	sed '2s/^key: ./key: Z/' "$1" >"$d/dump"
	sed 's/\(bench_s0003  flags 0x\)0/\11/' "$2" >"$d/show1"
	awk '/bench_s0005/ { skip = 1; next } /^[0-9]+: / { skip = 0 } !skip' "$2" >"$d/show2"
	sed 's/\("name":"bench_s0003","flags":\)0/\11/' "$3" >"$d/showj"
	cp "$2" "$d/same"
	expect MISMATCH "a changed byte" dump "$1" "$d/dump" &&
		expect MISMATCH "a changed map" show "$2" "$d/show1" &&
		expect MISMATCH "a missing map" show "$2" "$d/show2" &&
		expect MISMATCH "a changed JSON map" show "$3" "$d/showj" &&
		expect ok "an equal copy" show "$2" "$d/same" &&
		echo ok
}

# --- main -------------------------------------------------------------------------------------
DISTRO_LABEL=
[ -n "$DISTRO" ] &&
	DISTRO_LABEL="bpftool $($DISTRO version 2>/dev/null | awk 'NR == 1 { print $2 }')"
LOAD0=$(uptime | sed 's/.*load average/load average/')
if [ "$MODE" = report ]; then
	report
	exit 0
fi
rm -rf "$O" && mkdir -p "$O" || die "cannot create $O"
: >"$RAW"
: >"$O/checks"
mkdir "$DIR" || die "cannot create $DIR"
t0=$(date +%s.%N)
# shellcheck disable=SC2086
$B/bench-setup "$DIR" $MAPS "show:$SHOWN" || die "setup failed"
t1=$(date +%s.%N)
echo "bench: maps ready in $DIR ($(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }') s)" >&2
if [ -z "$DISTRO" ]; then
	echo "bench: no distribution bpftool found: comparing with the floor only" >&2
fi

T0=$(date +%s)
for m in $DUMPS; do
	r=$BIG
	case $m in *1k) r=$TINY ;; esac
	run_one "dump $m" dump "" "$m" "$r"
	run_one "dump -j $m" dump -j "$m" "$r"
done
for m in $LOOKUP; do
	run_one "lookup $m" lookup "" "$m" "$TINY"
	run_one "lookup -j $m" lookup -j "$m" "$TINY"
done
run_one "$SHOW" show "" - "$SMALL"
run_one "$SHOWJ" show -j - "$SMALL"
T1=$(date +%s)

if [ "$MODE" = check ]; then
	awk -F'\t' -v d="$DISTRO_LABEL" '$2 == "project" || $2 == "distro" || $2 == "golden" {
		w = $2 == "project" ? "./bpftool" : $2 == "golden" ? "golden bytes" : d
		printf "  %-14s %-24s %s\n", w, $1, $3 }' "$O/checks" | tee "$OUT"
	st=$(selftest)
	echo "  comparator self-test: $st" | tee -a "$OUT"
	[ "$st" = ok ] || MISMATCH=1
	if [ "$MISMATCH" = 1 ] || [ "$FAILED" = 1 ]; then
		echo "bench-check: FAILED: an output differs from the floor's or a command failed" \
			"(above; files in $O)" >&2
		exit 1
	fi
	awk -F'\t' '$2 == "project" && $3 ~ /^ok/ { found = 1 } END { exit !found }' "$O/checks" ||
		echo "bench-check: ./bpftool implements none of these commands yet (skipped); the" \
			"floors were checked against their golden bytes${DISTRO:+ and $DISTRO}" >&2
	echo "bench-check: ok" >&2
	exit 0
fi

{
	header
	echo "- load at end: $(uptime | sed 's/.*load average/load average/');" \
		"timed part took $((T1 - T0)) s"
	echo
	report
	echo
	echo "Times are medians over the rounds; a ratio is the median over the rounds of the two" \
		"implementations' times in the same round. Compare ratios within one run, never absolute" \
		"times across runs. Peak KiB: the largest RSS before memory is given back or at exit (runone -m)."
} | tee "$OUT"
echo "bench: saved $OUT; raw data $RAW; outputs in $O" >&2
if [ "$MISMATCH" = 1 ]; then
	echo "bench: OUTPUT MISMATCH against the floor: the numbers above compare different" \
		"work" >&2
	exit 1
fi
if [ "$FAILED" = 1 ]; then
	echo "bench: a command failed (see the output check column)" >&2
	exit 1
fi
