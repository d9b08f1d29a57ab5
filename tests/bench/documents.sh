#!/bin/sh
# documents.sh DADEUM - reading HWP documents (issue 19), run by `make bench`
# through tests/bench/run.sh.
#
#   hwp    dadeum text on the HWP fixtures of tests/data/doc/, each given
#          DOC_REPEAT times to one process (so start-up is paid once): MB/s
#          of HWP file read (OLE2, inflate, records, UTF-16 to UTF-8,
#          normalisation, output; most of an HWP file is pictures, not read)
#          and of text written, beside dadeum text on noori.txt, the same
#          release as plain text, given 5 times as often (the text path),
#          and beside the start-up of one process on one file; beside it,
#          tests/bench/hwp_olefile.py (Debian's python3-olefile and zlib, the
#          text of each PARA_TEXT record: less work than dadeum does) on the
#          same HWP files, when python3-olefile is installed. Medians of
#          DOC_ROUNDS rounds; peak RSS by /usr/bin/time -f %M.
#
# Environment: DOC_REPEAT (default 2000), DOC_ROUNDS (default 5).
set -u
DADEUM=$1
REPEAT=${DOC_REPEAT:-2000}
ROUNDS=${DOC_ROUNDS:-5}
case $DADEUM in /*) ;; *) DADEUM=$(pwd)/$DADEUM ;; esac
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time not installed (apt-get install time)" >&2; exit 1; }
DOC=tests/data/doc
dir=build/bench
mkdir -p "$dir"

# median of the numbers on standard input
median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# run NAME FILE K [CMD...]: CMD (default: dadeum text) on FILE given K times;
# prints the rates (the text out counted from CMD's output for one copy) and RSS
run() {
	name=$1 file=$2 k=$3
	shift 3
	[ $# -gt 0 ] || set -- "$DADEUM" text
	args=$(awk -v f="$file" -v n="$k" 'BEGIN { for (i = 0; i < n; i++) printf "%s ", f }')
	: >"$dir/doc-$name.times"
	: >"$dir/doc-$name.rss"
	i=0
	while [ $i -lt "$ROUNDS" ]; do
		# shellcheck disable=SC2086 # the repeated file names
		/usr/bin/time -f '%e %M' -o "$dir/doc-$name.one" "$@" $args >/dev/null ||
			{ echo "bench: $* $file failed" >&2; return 1; }
		cut -d' ' -f1 "$dir/doc-$name.one" >>"$dir/doc-$name.times"
		cut -d' ' -f2 "$dir/doc-$name.one" >>"$dir/doc-$name.rss"
		i=$((i + 1))
	done
	secs=$(median <"$dir/doc-$name.times")
	rss=$(median <"$dir/doc-$name.rss")
	"$@" "$file" >"$dir/doc-$name.txt" || return 1
	bytes=$(($(wc -c <"$file") * k))
	text=$(($(wc -c <"$dir/doc-$name.txt") * k))
	lines=$(($(wc -l <"$dir/doc-$name.txt") * k))
	awk -v n="$name" -v s="$secs" -v b="$bytes" -v t="$text" -v l="$lines" -v r="$rss" -v k="$k" 'BEGIN {
		if (s <= 0) s = 0.005
		printf "%-16s %5d x %6.1f KB: %5.2f s, %6.1f MB/s of file, %5.1f MB/s of text out, %7.0f lines/s, %4.1f MB RSS\n",
			n, k, b / k / 1000, s, b / s / 1e6, t / s / 1e6, l / s, r / 1000 }'
}

echo "documents: dadeum text, $REPEAT copies per process, median of $ROUNDS rounds"
run noori.hwp "$DOC/noori.hwp" "$REPEAT" || exit 1
run basicsReport.hwp "$DOC/basicsReport.hwp" "$REPEAT" || exit 1
run noori.txt "$DOC/noori.txt" $((REPEAT * 5)) || exit 1
if /usr/bin/python3 -c 'import olefile' 2>/dev/null; then
	run olefile:noori "$DOC/noori.hwp" "$REPEAT" /usr/bin/python3 tests/bench/hwp_olefile.py || exit 1
	run olefile:basics "$DOC/basicsReport.hwp" "$REPEAT" /usr/bin/python3 tests/bench/hwp_olefile.py ||
		exit 1
else
	echo "olefile reference: skipped (apt-get install python3-olefile)"
fi
/usr/bin/time -f '%e %M' -o "$dir/doc-one" "$DADEUM" text -o /dev/null "$DOC/noori.hwp" &&
	awk '{ printf "one process, noori.hwp once: %.2f s (the timer counts 10 ms), %.1f MB RSS\n", $1, $2 / 1000 }' "$dir/doc-one"
