#!/bin/sh
# extract.sh DADEUM - extraction throughput, run by `make bench` (issue 7).
#
# Corpora of about 50 MB and 200 MB (BENCH_EXTRACT_SIZES="50 200", in MB) are
# made from the bundled press releases (docs/corpus): thousands of documents,
# each a copy with its numbers shifted so that copies differ while staying
# real Korean administrative prose. They are made once under build/bench/.
#
# Side by side, in one run, with wall time, throughput and peak RSS:
#   dadeum extract        the whole job: decode, normalise, scan, spans, kinds,
#                         English forms; one thread
#   dadeum extract -j 2   the same on two threads
#   dadeum no-brackets    one thread, on a copy of the corpus with ( ) < > made
#                         spaces: what reading, decoding and normalising cost
#                         alone, the floor under the whole job
#   grep -oP              matching bracket groups only, no decision at all
#   python3 re            the same regex in Python
# and then one document of about 5 MB, with and without --cross (whole-document
# alignment, whose cost grows with the document).
# Target (issue 7): dadeum >= 1.0 x grep throughput; memory flat in the input.
# The reading row (issue 20: no slower than iconv) is the median of READ_ROUNDS
# (default 5) interleaved rounds of the two, each timed to the microsecond.
set -u
. tests/bench/lib.sh
DADEUM=$1
case $DADEUM in /*) ;; *) DADEUM=$(pwd)/$DADEUM ;; esac
dir=build/bench
mkdir -p "$dir"
SIZES=${BENCH_EXTRACT_SIZES:-"50 200"}
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
PAREN='\([^()]*\)'

make_corpus() { # MB -> build/bench/corpus-MB/doc*.txt
	out=$dir/corpus-$1
	[ -f "$out/.done" ] && return 0
	rm -rf "$out" && mkdir -p "$out"
	LC_ALL=C awk -v want="$(($1 * 1000000))" -v out="$out" '
	FNR == 1 { nd++ }
	{ doc[nd] = doc[nd] $0 "\n" }
	END {
		size = 0
		for (copy = 0; size < want; copy++) {
			for (d = 1; d <= nd && size < want; d++) {
				s = doc[d]; t = ""
				# shift every number so that copies differ (dates stay dates)
				while (match(s, /[0-9]+/)) {
					t = t substr(s, 1, RSTART - 1) (substr(s, RSTART, RLENGTH) + copy % 7)
					s = substr(s, RSTART + RLENGTH)
				}
				t = t s
				f = sprintf("%s/doc%05d.txt", out, copy * nd + d)
				printf "%s", t > f
				close(f)
				size += length(t)
			}
		}
	}' docs/corpus/*.txt && touch "$out/.done"
}

cat >"$dir/paren_re.py" <<'EOF'
import re, sys
pat = re.compile(r"\([^()]*\)")
n = 0
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        for line in f:
            n += len(pat.findall(line))
print(n)
EOF

# timed NAME CMD...: prints "NAME status seconds rssKB". The output goes to a
# file, not /dev/null: GNU grep notices /dev/null and stops at the first
# match (as -q does), which would time nothing.
timed() {
	name=$1
	shift
	/usr/bin/time -f "%e %M" -o "$dir/time.out" "$@" >"$dir/timed.out" 2>"$dir/err.out"
	st=$?
	read -r secs rss <"$dir/time.out"
	echo "$name $st $secs $rss"
}

# timed_median NAME N CMD...: as timed, but the median of N runs, each read
# to the microsecond around the process (as /usr/bin/time reads it: from
# before its start to its end). A run of 0.07 s timed in /usr/bin/time's
# 10 ms ticks moves a ratio to it by 14 % a tick. RSS: the largest run's.
timed_median() {
	"$PY" - "$dir" "$@" <<'EOF'
import resource, subprocess, sys, time
d, name, n, cmd = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]
secs, st = [], 0
for _ in range(n):
    with open(d + "/timed.out", "w") as out, open(d + "/err.out", "w") as err:
        t0 = time.perf_counter()
        st = subprocess.run(cmd, stdout=out, stderr=err).returncode or st
        secs.append(time.perf_counter() - t0)
secs.sort()
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print("%s %d %.4f %d" % (name, st, secs[(n - 1) // 2], rss))
EOF
}

status=0

# report BYTES: one row per line of extract.times (name, exit status, seconds,
# peak RSS in KB) with the throughput over BYTES; a failed run sets status.
report() {
	while read -r name st secs rss; do
		if [ "$st" != 0 ]; then
			echo "bench: '$name' failed (exit $st): $(head -c 300 "$dir/err.out")" >&2
			status=1
		fi
		awk -v n="$name" -v b="$1" -v s="$secs" -v r="$rss" 'BEGIN {
			if (s <= 0) s = 0.01
			printf "%-22s %8.1f %9.2f %9.1f %8.1f\n", n, b / 1e6, s, b / 1e6 / s, r / 1024 }'
	done <"$dir/extract.times"
}
printf '%-22s %8s %9s %9s %8s\n' "" "MB" "seconds" "MB/s" "RSS MB"
for mb in $SIZES; do
	make_corpus "$mb"
	files=$(ls "$dir/corpus-$mb"/doc*.txt)
	nob=$dir/corpus-$mb-nobrackets
	if [ ! -f "$nob/.done" ]; then
		rm -rf "$nob" && mkdir -p "$nob"
		for f in $files; do
			tr '()<>' '    ' <"$f" >"$nob/${f##*/}"
		done
		touch "$nob/.done"
	fi
	nob_files=$(ls "$nob"/doc*.txt)
	bytes=$(cat $files | wc -c)
	: >"$dir/extract.times"
	# shellcheck disable=SC2086
	{
		timed dadeum "$DADEUM" extract $files
		timed dadeum-j2 "$DADEUM" extract -j 2 $files
		timed dadeum-no-brackets "$DADEUM" extract $nob_files
		timed grep grep -ohP "$PAREN" $files
		timed iconv iconv -f UTF-8 -t UTF-16 $nob_files
		command -v uconv >/dev/null && timed uconv-nfc uconv -f utf-8 -t utf-8 -x nfc $nob_files
		timed python "$PY" "$dir/paren_re.py" $files
	} >>"$dir/extract.times"
	report "$bytes"
	awk -v mb="$mb" '{ t[$1] = $3 } END {
		if (t["dadeum"] > 0 && t["dadeum-j2"] > 0)
			printf "%d MB: dadeum throughput / grep = %.3f (1 thread), %.3f (2 threads)\n",
			       mb, t["grep"] / t["dadeum"], t["grep"] / t["dadeum-j2"]
		if (t["dadeum-no-brackets"] > 0)
			printf "%d MB: reading, decoding and normalising alone / grep = %.3f\n",
			       mb, t["grep"] / t["dadeum-no-brackets"] }' "$dir/extract.times"
	t() { awk -v n="$1" '$1 == n { print $3 }' "$dir/extract.times"; }
	bench_row "extract $mb MB, 1 thread (speed)" "$(t dadeum) s" "grep -oP $(t grep) s" \
		"$(ratio "$(t grep)" "$(t dadeum)")" ">=" 1.0
	bench_row "extract $mb MB, -j 2 over -j 1 (speed)" "$(t dadeum-j2) s" "-j 1 $(t dadeum) s" \
		"$(ratio "$(t dadeum)" "$(t dadeum-j2)")" ">=" 1.8
	# the reading row: 0.2 s against 0.2 s is two ticks of /usr/bin/time and a
	# first pass over files written a moment ago, so it is the median of
	# READ_ROUNDS interleaved rounds (default 5), each timed to the microsecond
	: >"$dir/read.times"
	# shellcheck disable=SC2086
	for round in $(seq "${READ_ROUNDS:-5}"); do
		timed_median dadeum-no-brackets 1 "$DADEUM" extract $nob_files
		timed_median iconv 1 iconv -f UTF-8 -t UTF-16 $nob_files
	done >>"$dir/read.times"
	r() { awk -v n="$1" '$1 == n { print $3 }' "$dir/read.times" | sort -n |
		awk '{ v[NR] = $1 } END { printf "%.3f", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
	echo "$mb MB, no brackets, median of ${READ_ROUNDS:-5} interleaved rounds:" \
		"dadeum $(r dadeum-no-brackets) s, iconv $(r iconv) s"
	bench_row "reading $mb MB, no brackets (speed)" "$(r dadeum-no-brackets) s" "iconv $(r iconv) s" \
		"$(ratio "$(r iconv)" "$(r dadeum-no-brackets)")" ">=" 1.0
	[ -n "$(t uconv-nfc)" ] &&
		bench_row "reading $mb MB, no brackets (speed)" "$(t dadeum-no-brackets) s" \
			"uconv -x nfc $(t uconv-nfc) s" "$(ratio "$(t uconv-nfc)" "$(t dadeum-no-brackets)")" ">=" 1.0
done

# --cross aligns within a document, so its cost grows with the document, not
# the corpus: one document of about 5 MB (200 press releases end to end).
long=$dir/long-document.txt
if [ ! -s "$long" ]; then
	make_corpus 50
	cat "$dir"/corpus-50/doc000*.txt "$dir"/corpus-50/doc001*.txt >"$long.tmp" &&
		mv "$long.tmp" "$long"
fi
bytes=$(wc -c <"$long")
{
	timed long-doc "$DADEUM" extract "$long"
	timed long-doc-cross "$DADEUM" extract --cross "$long"
} >"$dir/extract.times"
report "$bytes"

# --cross on a pair-dense document (issue 20): every line glosses a new term
# and names an earlier one, so the distinct pairs grow with the lines. The
# target is near-linear: 16k lines within 4 x the time of 4k lines.
make_dense() { # LINES -> build/bench/cross-dense-LINES.txt
	f=$dir/cross-dense-$1.txt
	[ -s "$f" ] && return 0
	LC_ALL=C awk -v n="$1" 'BEGIN {
		split("가 나 다 라 마 바 사 아 자 차 카 타 파 하 거 너 더 러 머 버 서 어 저 처 커 터 퍼 허", syl, " ")
		srand(7)
		for (i = 0; i < n; i++) {
			j = int(rand() * (i > 0 ? i : 1))
			printf "정부는 %s(%s)을 추진하고 %s 성과를 점검하며 %s 예산을 늘린다.\n",
			       term(i), acr(i), term(j), acr(j)
		}
	}
	function term(i,   t, k, x) { t = ""; x = i; for (k = 0; k < 4; k++) { t = t syl[x % 28 + 1]; x = int(x / 28) } return t "사업" }
	function acr(i,   a, k, x) { a = ""; x = i; for (k = 0; k < 4; k++) { a = a sprintf("%c", 65 + x % 26); x = int(x / 26) } return a }
	' >"$f.tmp" && mv "$f.tmp" "$f"
}
make_dense 4000
make_dense 16000
{
	timed_median cross-dense-4k 5 "$DADEUM" extract --cross "$dir/cross-dense-4000.txt"
	timed_median cross-dense-16k 5 "$DADEUM" extract --cross "$dir/cross-dense-16000.txt"
} >"$dir/extract.times"
report "$(wc -c <"$dir/cross-dense-16000.txt")"
awk '{ t[$1] = $3 } END {
	if (t["cross-dense-4k"] > 0)
		printf "cross: 16k lines / 4k lines = %.2f x the time (target <= 4: %s)\n",
		       t["cross-dense-16k"] / t["cross-dense-4k"],
		       t["cross-dense-16k"] <= 4 * t["cross-dense-4k"] ? "met" : "missed" }' "$dir/extract.times"
t4=$(awk '$1 == "cross-dense-4k" { print $3 }' "$dir/extract.times")
t16=$(awk '$1 == "cross-dense-16k" { print $3 }' "$dir/extract.times")
bench_row "extract --cross, 16k over 4k lines (time)" "$t16 s" "4k lines $t4 s" "$(ratio "$t16" "$t4")" "<=" 4
exit $status
