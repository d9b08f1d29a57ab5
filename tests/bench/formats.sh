#!/bin/sh
# formats.sh DADEUM - exchange-format benchmarks (issue 5), run by `make bench`
# through tests/bench/run.sh. Generated files live in build/bench/ and are
# reused while N is unchanged.
#
#   convert   dadeum convert big.tmx out.tsv, beside xmlwf (expat's own
#             well-formedness checker, no output) on the same file,
#             xmlwf -r (reading in pieces, as we do) and expat_floor (expat
#             fed as we feed it, empty handlers: the floor of a streaming
#             reader; built from tests/bench/expat_floor.c): MB/s and peak RSS
#             (/usr/bin/time -f %M), medians of CONVERT_ROUNDS interleaved
#             rounds. Targets: >= 0.75 x xmlwf, < 20 MB.
#   ttk       translate-toolkit loading a TMX (tmx.tmxfile.parsefile) on the
#             first TTK_N units, under a timeout; its rate is extrapolated to N
#             and reported as such.
#   tbx       writing N TBX entries: dadeum convert pairs.csv out.tbx (median
#             of 3), beside translate-toolkit's csv2tbx on the same file, all
#             N rows. Target: >= 20 x faster. Also dadeum on the full CSV.
#   export    dadeum export of termbases of 10k and N concepts (and of the
#             termbase.sh bench's file when it exists): peak RSS stays flat.
#
# Environment: FORMATS_N (default 1000000 units), TTK_N (default 100000),
# CONVERT_ROUNDS (default 3),
# TTK_TIMEOUT (seconds, default 600), BENCH_SKIP_FORMATS=1 (skip all of it),
# BENCH_SKIP_TTK=1 (skip the translate-toolkit runs, the slow part).
set -u
. tests/bench/lib.sh
DADEUM=$1
N=${FORMATS_N:-1000000}
TTK_N=${TTK_N:-100000}
TTK_TIMEOUT=${TTK_TIMEOUT:-600}
case $DADEUM in /*) ;; *) DADEUM=$(pwd)/$DADEUM ;; esac
dir=build/bench
mkdir -p "$dir"
if [ "${BENCH_SKIP_FORMATS:-0}" = 1 ]; then
	echo "formats: skipped (BENCH_SKIP_FORMATS=1)"
	exit 0
fi
command -v xmlwf >/dev/null || { echo "bench: xmlwf not installed (make deps: expat)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time not installed (apt-get install time)" >&2; exit 1; }

big=$dir/formats-$N.tmx
small=$dir/formats-$TTK_N.tmx

# A deterministic TMX of n units, as dadeum writes them (props, notes, 2 tuvs).
gen_tmx() {
	awk -v n="$1" 'BEGIN {
		split("고 공 관 교 구 국 기 내 노 능 다 대 데 동 드 라 래 리 마 명 모 무 문 미 바 반 방 보 부 비 사 산 상 서 선 성 세 소 수 스 시 신 실 아 안 양 어 업 여 연 영 예 오 용 우 운 원 위 유 인 일 자 작 장 재 전 정 제 조 주 중 지 진 차 처 체 초 추 카 컴 코 크 클 타 터 테 토 통 트 특 파 판 평 포 표 프 플 피 하 학 한 합 해 행 혁 현 협 호 화 확 환 활 회 후", s, " ")
		ns = 0; for (k in s) ns++
		print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">"
		print "  <header creationtool=\"dadeum\" creationtoolversion=\"0.1.0\" segtype=\"phrase\" o-tmf=\"dadeum\" adminlang=\"en-US\" srclang=\"ko-KR\" datatype=\"plaintext\" creationdate=\"20250101T000000Z\"/>\n  <body>"
		x = 12345
		for (i = 1; i <= n; i++) {
			t = ""
			for (j = 0; j < 3 + i % 4; j++) { x = (x * 48271) % 2147483647; t = t s[x % ns + 1] }
			printf "    <tu tuid=\"c%d.1\" creationdate=\"20250101T000000Z\">\n", i
			printf "      <prop type=\"x-concept-id\">%d</prop>\n      <prop type=\"x-kind\">english</prop>\n      <prop type=\"x-status\">candidate</prop>\n", i
			printf "      <note>source: doc%04d.txt:%d</note>\n      <note>example: %s(term %d) &amp; more</note>\n", int(i / 10000), i % 10000 + 1, t, i
			printf "      <tuv xml:lang=\"ko-KR\"><seg>%s</seg></tuv>\n      <tuv xml:lang=\"en-US\"><seg>term %d</seg></tuv>\n    </tu>\n", t, i
		}
		print "  </body>\n</tmx>"
	}'
}

for f in "$big:$N" "$small:$TTK_N"; do
	path=${f%%:*}
	n=${f##*:}
	if [ ! -s "$path" ]; then
		echo "bench: generating $n TMX units into $path (once)"
		gen_tmx "$n" >"$path.tmp" && mv "$path.tmp" "$path" || exit 1
	fi
done
mb=$(awk -v b="$(wc -c <"$big")" 'BEGIN { printf "%.1f", b / 1048576 }')

# runs "$@" under /usr/bin/time; sets sec and kb
timed() {
	/usr/bin/time -f "%e %M" -o "$dir/time.out" "$@" >/dev/null 2>"$dir/err.out"
	st=$?
	sec=$(cut -d ' ' -f 1 "$dir/time.out" | tail -n 1)
	kb=$(cut -d ' ' -f 2 "$dir/time.out" | tail -n 1)
	return $st
}

# The four run in turn, CONVERT_ROUNDS times (default 3), so that a slow
# spell of a shared machine hits each alike; the ratio is of the medians.
# xmlwf maps the whole file and parses it in one call; xmlwf -r reads it in
# pieces, as a streaming reader must (expat then also tracks line numbers
# between pieces); expat_floor (tests/bench/expat_floor.c) is expat fed as
# dadeum feeds it, with empty element handlers: the floor of any streaming
# reader. The target is against plain xmlwf; the others are shown beside it.
floor=$dir/expat_floor
${CC:-cc} -std=c11 -O2 -o "$floor" tests/bench/expat_floor.c -lexpat ||
	{ echo "bench: cannot build expat_floor"; exit 1; }
echo "-- convert: $N units, $mb MB of TMX (median of ${CONVERT_ROUNDS:-3} interleaved rounds)"
xsl=; rsl=; fsl=; dsl=
for round in $(seq "${CONVERT_ROUNDS:-3}"); do
	timed xmlwf "$big" || { echo "xmlwf failed"; cat "$dir/err.out"; exit 1; }
	xsl="$xsl $sec"
	xkb=$kb
	timed xmlwf -r "$big" || { echo "xmlwf -r failed"; cat "$dir/err.out"; exit 1; }
	rsl="$rsl $sec"
	rkb=$kb
	timed "$floor" "$big" || { echo "expat_floor failed"; cat "$dir/err.out"; exit 1; }
	fsl="$fsl $sec"
	fkb=$kb
	timed "$DADEUM" convert --date 2025-01-01 "$big" "$dir/formats-out.tsv" ||
		{ echo "convert failed"; cat "$dir/err.out"; exit 1; }
	dsl="$dsl $sec"
	dkb=$kb
done
# shellcheck disable=SC2086 # word splitting intended
xs=$(median $xsl); rs=$(median $rsl); fs=$(median $fsl); ds=$(median $dsl)
rows=$(grep -vc '^#' "$dir/formats-out.tsv")
awk -v mb="$mb" -v xs="$xs" -v rs="$rs" -v fs="$fs" -v ds="$ds" -v xkb="$xkb" -v rkb="$rkb" \
	-v fkb="$fkb" -v dkb="$dkb" -v rows="$rows" -v n="$N" -v xl="$xsl" -v rl="$rsl" -v fl="$fsl" \
	-v dl="$dsl" 'BEGIN {
	xr = mb / (xs > 0 ? xs : 0.01); rr = mb / (rs > 0 ? rs : 0.01)
	fr = mb / (fs > 0 ? fs : 0.01); dr = mb / (ds > 0 ? ds : 0.01)
	printf "  xmlwf            %7.2f s  %7.1f MB/s  peak RSS %6.1f MB  (runs:%s)\n", xs, xr, xkb / 1024, xl
	printf "  xmlwf -r         %7.2f s  %7.1f MB/s  peak RSS %6.1f MB  (runs:%s; %.2f x xmlwf)\n", rs, rr, rkb / 1024, rl, rr / xr
	printf "  expat_floor      %7.2f s  %7.1f MB/s  peak RSS %6.1f MB  (runs:%s; %.2f x xmlwf)\n", fs, fr, fkb / 1024, fl, fr / xr
	printf "  dadeum convert   %7.2f s  %7.1f MB/s  peak RSS %6.1f MB  (runs:%s; %d rows)\n", ds, dr, dkb / 1024, dl, rows
	printf "  throughput %.2f x xmlwf (target >= 0.75): %s; %.2f x xmlwf -r; %.2f x the streaming floor; peak RSS target < 20 MB: %s\n",
		dr / xr, dr / xr >= 0.75 ? "met" : "MISSED", dr / rr, dr / fr, dkb < 20480 ? "met" : "MISSED"
	if (rows != n) printf "  WARNING: %d rows for %d units\n", rows, n
}'

bench_row "convert $N TMX units (speed)" "$ds s" "expat_floor $fs s" "$(ratio "$fs" "$ds")" ">=" 0.9
bench_row "convert $N TMX units (speed)" "$ds s" "xmlwf $xs s" "$(ratio "$xs" "$ds")" ">=" 0.75
bench_row "convert $N TMX units (peak RSS MB)" "$((dkb / 1024)) MB" "-" "$((dkb / 1024))" "<" 20

if [ "${BENCH_SKIP_TTK:-0}" != 1 ]; then
	echo "-- translate-toolkit loading TMX: $TTK_N units (timeout ${TTK_TIMEOUT}s), extrapolated to $N"
	if timed timeout "$TTK_TIMEOUT" /usr/bin/python3 -c '
import sys
from translate.storage import tmx
t = tmx.tmxfile.parsefile(sys.argv[1])
print(len(t.units))' "$small"; then
		awk -v s="$sec" -v kb="$kb" -v k="$TTK_N" -v n="$N" -v ds="$ds" 'BEGIN {
			printf "  translate-toolkit %6.2f s for %d units, peak RSS %.0f MB; at that rate %d units: ~%.0f s\n", s, k, kb / 1024, n, s * n / k
			printf "  (dadeum convert did %d units in %.2f s: ~%.0f x faster, if ttk scaled linearly)\n", n, ds, (s * n / k) / (ds > 0 ? ds : 0.01)
		}'
	else
		echo "  translate-toolkit did not finish $TTK_N units within ${TTK_TIMEOUT}s"
	fi
else
	echo "-- translate-toolkit: skipped (BENCH_SKIP_TTK=1)"
fi

echo "-- writing $N TBX entries"
# Like for like: dadeum and csv2tbx convert the same two-column CSV
# (source,target), the file csv2tbx takes. dadeum's time is the median of
# three runs, each writing a fresh file; csv2tbx runs once, on all N rows.
csv=$dir/formats-$N.csv
[ -s "$csv" ] || "$DADEUM" convert --date 2025-01-01 "$big" "$csv" || exit 1
pairs=$dir/formats-pairs-$N.csv
[ -s "$pairs" ] || { echo "source,target"; awk -F, 'NR > 1 { print $1 "," $2 }' "$csv"; } >"$pairs"
runs=
for run in 1 2 3; do
	rm -f "$dir/formats-out.tbx"
	timed "$DADEUM" convert --date 2025-01-01 "$pairs" "$dir/formats-out.tbx" ||
		{ echo "convert to TBX failed"; cat "$dir/err.out"; exit 1; }
	runs="$runs $sec"
	tbkb=$kb
done
# shellcheck disable=SC2086 # word splitting intended
tbs=$(median $runs)
entries=$(grep -c '<termEntry' "$dir/formats-out.tbx")
tbmb=$(awk -v b="$(wc -c <"$dir/formats-out.tbx")" 'BEGIN { printf "%.0f", b / 1048576 }')
awk -v s="$tbs" -v runs="$runs" -v kb="$tbkb" -v e="$entries" -v mb="$tbmb" 'BEGIN {
	printf "  dadeum convert pairs.csv -> tbx  %6.2f s (median of%s)  %d entries, %d MB  peak RSS %.1f MB\n", s, runs, e, mb, kb / 1024 }'
rm -f "$dir/formats-out.tbx"
timed "$DADEUM" convert --date 2025-01-01 "$csv" "$dir/formats-out.tbx" ||
	{ echo "convert to TBX failed"; cat "$dir/err.out"; exit 1; }
awk -v s="$sec" -v kb="$kb" -v mb="$(awk -v b="$(wc -c <"$dir/formats-out.tbx")" 'BEGIN { printf "%.0f", b / 1048576 }')" 'BEGIN {
	printf "  dadeum convert full.csv -> tbx   %6.2f s  (every column: notes, source, context; %d MB)  peak RSS %.1f MB\n", s, mb, kb / 1024 }'
if [ "${BENCH_SKIP_TTK:-0}" != 1 ]; then
	rm -f "$dir/formats-ttk.tbx"
	if timed timeout "$TTK_TIMEOUT" csv2tbx --progress=none "$pairs" "$dir/formats-ttk.tbx"; then
		awk -v s="$sec" -v kb="$kb" -v n="$N" -v ds="$tbs" 'BEGIN {
			printf "  csv2tbx pairs.csv -> tbx         %6.2f s  peak RSS %.0f MB\n", s, kb / 1024
			printf "  dadeum is %.1f x faster (target >= 20): %s\n", s / (ds > 0 ? ds : 0.01), s / (ds > 0 ? ds : 0.01) >= 20 ? "met" : "MISSED"
		}'
		bench_row "TBX of $N pairs (speed)" "$tbs s" "csv2tbx $sec s" "$(ratio "$sec" "$tbs")" ">=" 20
	else
		echo "  csv2tbx did not finish $N rows within ${TTK_TIMEOUT}s"
	fi
fi

# The rows an export reads, dumped by the sqlite3 CLI in the order an export
# writes them (by key: a glossary is sorted): the floor of reading the
# termbase. Every concept with its forms, their evidence and documents.
# The same rows in id order (pages read in file order, much faster, but not
# the order any export can use) are shown beside it.
dump_sql="SELECT c.id, c.ko, c.kind, c.status, c.note, c.count, f.id, f.text, f.type, f.user,
	f.source, f.score, e.doc, e.count, e.score, e.source, e.line, e.context, d.path
	FROM concept c LEFT JOIN form f ON f.concept = c.id LEFT JOIN evidence e ON e.form = f.id
	LEFT JOIN document d ON d.id = e.doc ORDER BY c.key, c.id, f.id;"
dump_id_sql=$(printf '%s' "$dump_sql" | sed 's/ORDER BY c.key, c.id, f.id/ORDER BY c.id, f.id/')
echo "-- export: time and peak RSS against termbase size, beside sqlite3 dumping the same rows"
for n in 10000 $N; do
	db=$dir/formats-tb-$n.db
	if [ ! -s "$db" ]; then
		head -n $((n + 1)) "$csv" >"$dir/formats-tb.csv"
		rm -f "$db" "$db-wal" "$db-shm"
		"$DADEUM" import --db "$db" "$dir/formats-tb.csv" || exit 1
	fi
	timed sqlite3 "$db" "$dump_id_sql" || { echo "sqlite3 dump failed"; cat "$dir/err.out"; exit 1; }
	awk -v n="$n" -v s="$sec" -v kb="$kb" 'BEGIN {
		printf "  %8d concepts  %-4s %7.2f s  peak RSS %6.1f MB  (sqlite3 CLI, the same rows by id)\n", n, "dump", s, kb / 1024 }'
	timed sqlite3 "$db" "$dump_sql" || { echo "sqlite3 dump failed"; cat "$dir/err.out"; exit 1; }
	dumps=$sec
	awk -v n="$n" -v s="$sec" -v kb="$kb" 'BEGIN {
		printf "  %8d concepts  %-4s %7.2f s  peak RSS %6.1f MB  (sqlite3 CLI, the same rows by key)\n", n, "dump", s, kb / 1024 }'
	for fmt in tmx tbx; do
		timed "$DADEUM" export --db "$db" --format $fmt --date 2025-01-01 -o "$dir/formats-export.$fmt" ||
			{ echo "export failed"; cat "$dir/err.out"; exit 1; }
		awk -v n="$n" -v f="$fmt" -v s="$sec" -v kb="$kb" 'BEGIN {
			printf "  %8d concepts  %-4s %7.2f s  peak RSS %6.1f MB\n", n, f, s, kb / 1024 }'
		[ "$n" = "$N" ] && {
			bench_row "export $N concepts, $fmt (time)" "$sec s" "sqlite3 dump by key $dumps s" "$(ratio "$sec" "$dumps")" "<=" 2
			bench_row "export $N concepts, $fmt (peak RSS MB)" "$((kb / 1024)) MB" "-" "$((kb / 1024))" "<=" 64
		}
	done
done

# A lookup right after an import of N rows: the import must leave no
# write-ahead log behind (a lookup would otherwise wade through it), and the
# exact lookup stays within 1.2 x the sqlite3 CLI running the same query.
db=$dir/formats-tb-$N.db
rm -f "$db" "$db-wal" "$db-shm"
timed "$DADEUM" import --db "$db" "$dir/formats-tb.csv" || { echo "import failed"; cat "$dir/err.out"; exit 1; }
echo "  import of $N rows: $sec s, peak RSS $((kb / 1024)) MB, log left: $(stat -c %s "$db-wal" 2>/dev/null || echo none)"
walbytes=$(stat -c %s "$db-wal" 2>/dev/null || echo 0)
bench_row "write-ahead log left by import (bytes)" "$walbytes B" "-" "$walbytes" "<=" 0
term=$(sqlite3 "$db" "SELECT ko FROM concept ORDER BY id LIMIT 1 OFFSET 1000")
key=$(sqlite3 "$db" "SELECT key FROM concept ORDER BY id LIMIT 1 OFFSET 1000")
sql="SELECT c.id, c.ko, c.status, c.count FROM form f JOIN concept c ON c.id = f.concept WHERE f.key = '$key';"
per_run() { # ms per run of "$@", mean of 30
	t0=$(date +%s%N)
	for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30; do
		"$@" >/dev/null 2>&1
	done
	t1=$(date +%s%N)
	awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", (b - a) / 1e6 / 30 }'
}
"$DADEUM" lookup --db "$db" --exact "$term" >/dev/null || { echo "bench: '$term' not found after import"; exit 1; }
look=$(per_run "$DADEUM" lookup --db "$db" --exact "$term")
cli=$(per_run sqlite3 "$db" "$sql")
echo "  lookup --exact '$term' right after the import: $look ms; sqlite3, same query: $cli ms"
bench_row "lookup after importing $N rows (time)" "$look ms" "sqlite3 $cli ms" "$(ratio "$look" "$cli")" "<=" 1.2
tb=$dir/termbase-1000000.db
if [ -s "$tb" ]; then
	timed "$DADEUM" export --db "$tb" --format tmx --date 2025-01-01 -o "$dir/formats-export.tmx" &&
		awk -v s="$sec" -v kb="$kb" 'BEGIN {
			printf "   1000000 concepts  tmx  %7.2f s  peak RSS %6.1f MB  (termbase.sh bench file, with evidence)\n", s, kb / 1024 }'
fi
rm -f "$dir/formats-export.tmx" "$dir/formats-export.tbx" "$dir/formats-out.tbx" "$dir/formats-ttk.tbx"
