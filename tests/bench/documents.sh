#!/bin/sh
# documents.sh DADEUM - reading HWP documents (issue 19), run by `make bench`
# through tests/bench/run.sh.
#
#   hwp    dadeum text on the HWP fixtures of tests/data/doc/, each given
#          DOC_REPEAT times to one process (so start-up is paid once): MB/s
#          of HWP file read (OLE2, inflate, records, UTF-16 to UTF-8,
#          normalisation, output; most of an HWP file is pictures, not read)
#          and of text written, beside dadeum text on noori.txt, the same
#          release as plain text, given 20 times as often (the text path),
#          and beside the start-up of one process on one file. Medians of
#          DOC_ROUNDS rounds; peak RSS by /usr/bin/time -f %M.
#
# Environment: DOC_REPEAT (default 200), DOC_ROUNDS (default 5).
set -u
DADEUM=$1
REPEAT=${DOC_REPEAT:-200}
ROUNDS=${DOC_ROUNDS:-5}
case $DADEUM in /*) ;; *) DADEUM=$(pwd)/$DADEUM ;; esac
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time not installed (apt-get install time)" >&2; exit 1; }
DOC=tests/data/doc
dir=build/bench
mkdir -p "$dir"

# median of the numbers on standard input
median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# run NAME FILE K: dadeum text on FILE given K times; prints the rates and RSS
run() {
	k=$3
	args=$(awk -v f="$2" -v n="$k" 'BEGIN { for (i = 0; i < n; i++) printf "%s ", f }')
	: >"$dir/doc-$1.times"
	: >"$dir/doc-$1.rss"
	i=0
	while [ $i -lt "$ROUNDS" ]; do
		# shellcheck disable=SC2086 # the repeated file names
		/usr/bin/time -f '%e %M' -o "$dir/doc-$1.one" "$DADEUM" text -o /dev/null $args ||
			{ echo "bench: dadeum text $2 failed" >&2; return 1; }
		cut -d' ' -f1 "$dir/doc-$1.one" >>"$dir/doc-$1.times"
		cut -d' ' -f2 "$dir/doc-$1.one" >>"$dir/doc-$1.rss"
		i=$((i + 1))
	done
	secs=$(median <"$dir/doc-$1.times")
	rss=$(median <"$dir/doc-$1.rss")
	"$DADEUM" text "$2" >"$dir/doc-$1.txt"
	bytes=$(($(wc -c <"$2") * k))
	text=$(($(wc -c <"$dir/doc-$1.txt") * k))
	lines=$(($(wc -l <"$dir/doc-$1.txt") * k))
	awk -v n="$1" -v s="$secs" -v b="$bytes" -v t="$text" -v l="$lines" -v r="$rss" -v k="$k" 'BEGIN {
		if (s <= 0) s = 0.005
		printf "%-16s %5d x %6.1f KB: %5.2f s, %6.1f MB/s of file, %5.1f MB/s of text out, %7.0f lines/s, %4.1f MB RSS\n",
			n, k, b / k / 1000, s, b / s / 1e6, t / s / 1e6, l / s, r / 1000 }'
}

echo "documents: dadeum text, $REPEAT copies per process, median of $ROUNDS rounds"
run noori.hwp "$DOC/noori.hwp" "$REPEAT" || exit 1
run basicsReport.hwp "$DOC/basicsReport.hwp" "$REPEAT" || exit 1
run noori.txt "$DOC/noori.txt" $((REPEAT * 20)) || exit 1
/usr/bin/time -f '%e %M' -o "$dir/doc-one" "$DADEUM" text -o /dev/null "$DOC/noori.hwp" &&
	awk '{ printf "one process, noori.hwp once: %.2f s (the timer counts 10 ms), %.1f MB RSS\n", $1, $2 / 1000 }' "$dir/doc-one"
