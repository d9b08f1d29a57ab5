#!/bin/sh
# startup.sh DADEUM - what one process costs, run by `make bench` (issue 20).
# People run dadeum once per file: from editors, make rules and GNU parallel.
#
#   one document   dadeum extract on one press release of about 8 KB
#                  beside dadeum --version, the floor of starting the program;
#                  target <= 3 x
#   translit       dadeum translit 클라우드, one process; target <= 10 ms
#   1,000 files    1,000 short documents extracted one process each (as GNU
#                  parallel runs it, here one after another) beside one
#                  process over all of them; target <= 2 x
#   process floor  the same 1,000 one-process runs beside 1,000 runs of
#                  dadeum --version in the same loop: what starting 1,000
#                  processes costs any program, so that the row above can
#                  be read as dadeum's own cost (shown, no target: 1,000
#                  starts alone already exceed 2 x one process)
# Times are means over RUNS runs (default 30), wall clock; the one-document
# row and its floor are the medians of STARTUP_ROUNDS (default 5) alternating
# blocks of those runs.
set -u
. tests/bench/lib.sh
DADEUM=$1
case $DADEUM in /*) ;; *) DADEUM=$(pwd)/$DADEUM ;; esac
RUNS=${RUNS:-30}
dir=build/bench
mkdir -p "$dir"
status=0

# ms per run of "$@" over RUNS runs; a failed run fails the benchmark
per_run() {
	t0=$(date +%s%N)
	i=0
	while [ $i -lt "$RUNS" ]; do
		"$@" >"$dir/startup.out" 2>&1 || { echo "bench: '$*' failed" >&2; status=1; }
		i=$((i + 1))
	done
	t1=$(date +%s%N)
	awk -v a="$t0" -v b="$t1" -v r="$RUNS" 'BEGIN { printf "%.2f", (b - a) / 1e6 / r }'
}


# 1,000 short documents of about 8 KB, the size of a press release: pieces
# of the bundled releases, cut at line ends, each copy with its numbers
# shifted so that the copies differ while staying real administrative prose.
many=$dir/startup-1000
if [ ! -f "$many/.done" ]; then
	rm -rf "$many" && mkdir -p "$many"
	grep -hv '^# source:' docs/corpus/*.txt | LC_ALL=C awk -v out="$many" '
	{ line[n++] = $0 }
	END {
		for (d = 1; d <= 1000; d++) {
			f = sprintf("%s/doc%04d.txt", out, d)
			size = 0
			while (size < 8000) {
				s = line[i++ % n]; t = ""
				while (match(s, /[0-9]+/)) {
					t = t substr(s, 1, RSTART - 1) (substr(s, RSTART, RLENGTH) + int(i / n) % 7)
					s = substr(s, RSTART + RLENGTH)
				}
				print t s > f
				size += length(t s) + 1
			}
			close(f)
		}
	}' && touch "$many/.done"
fi
doc=$many/doc0001.txt
# --version and the one document in alternating blocks of RUNS / ROUNDS runs,
# after a warm-up run of each (the first start reads the binary from disk), so
# that a slow spell of a shared machine hits both alike: the medians of ROUNDS
# blocks. Measured one after the other, 30 runs each, the ratio swung from
# 2.7 to 3.4 between two runs of the same binary.
ROUNDS=${STARTUP_ROUNDS:-5}
"$DADEUM" --version >/dev/null 2>&1
"$DADEUM" extract "$doc" >/dev/null 2>&1
vl=; ol=
saved=$RUNS
RUNS=$(( (RUNS + ROUNDS - 1) / ROUNDS ))
for _ in $(seq "$ROUNDS"); do
	vl="$vl $(per_run "$DADEUM" --version)"
	ol="$ol $(per_run "$DADEUM" extract "$doc")"
done
RUNS=$saved
# shellcheck disable=SC2086 # word splitting intended
ver=$(median $vl)
# shellcheck disable=SC2086
one=$(median $ol)
tl=$(per_run "$DADEUM" translit 클라우드)
printf '  %-44s %8s ms\n' "dadeum --version" "$ver" "dadeum extract, one release of $(wc -c <"$doc") B" \
	"$one" "dadeum translit 클라우드" "$tl"
bench_row "extract one 8 KB document (time)" "$one ms" "--version $ver ms" "$(ratio "$one" "$ver")" "<=" 3
bench_row "translit one word (ms)" "$tl ms" "-" "$tl" "<=" 10

files=$(ls "$many"/doc*.txt)
t0=$(date +%s%N)
for f in $files; do
	"$DADEUM" extract "$f" >>"$dir/startup-each.out" 2>&1 || { echo "bench: extract $f failed" >&2; status=1; }
done
t1=$(date +%s%N)
# shellcheck disable=SC2086
"$DADEUM" extract $files >"$dir/startup-all.out" 2>&1 || { echo "bench: extract of all failed" >&2; status=1; }
t2=$(date +%s%N)
# the process floor: the loop above with --version in place of extract
for _ in $files; do
	"$DADEUM" --version >>"$dir/startup-each.out" 2>&1 || { echo "bench: --version failed" >&2; status=1; }
done
t3=$(date +%s%N)
rm -f "$dir/startup-each.out"
each=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", (b - a) / 1e9 }')
all=$(awk -v a="$t1" -v b="$t2" 'BEGIN { printf "%.2f", (b - a) / 1e9 }')
starts=$(awk -v a="$t2" -v b="$t3" 'BEGIN { printf "%.2f", (b - a) / 1e9 }')
printf '  %-44s %8s s\n' "1,000 documents, one process each" "$each" "1,000 documents, one process" "$all" \
	"1,000 x dadeum --version" "$starts"
bench_row "1,000 documents, a process each (time)" "$each s" "one process $all s" "$(ratio "$each" "$all")" "<=" 2
bench_row "1,000 documents, a process each, over 1,000 x --version (time)" "$each s" \
	"1,000 x --version $starts s" "$(ratio "$each" "$starts")" "-" "-"
exit $status
