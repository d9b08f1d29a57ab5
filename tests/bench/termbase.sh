#!/bin/sh
# termbase.sh DADEUM [N] - lookup benchmark on a generated termbase of N concepts
# (default 1000000), run by `make bench` through tests/bench/run.sh.
#
# The termbase is deterministic: N Korean terms of 3 to 6 syllables drawn by
# the MINSTD generator (exact in awk's doubles) from 114 common syllables
# (none a particle), each with an English gloss, stored with
# `dadeum ingest --from-jsonl` (the real write path) in documents of 10000
# pairs; a few random terms coincide and merge. It is built once under
# build/bench/ and
# reused while N and the generator are unchanged.
#
# Reported side by side, in milliseconds per process (wall clock, averaged):
#   exact      dadeum lookup --exact QUERY
#   sqlite3    the sqlite3 CLI running the same indexed query on the same file
#   substring  dadeum lookup on a 3-syllable piece of a term (FTS5 trigram)
#   fuzzy      dadeum lookup on a term with one jamo changed (fuzzy tier)
# Targets (issue 4): exact <= 1.0 x sqlite3; fuzzy <= 20 ms. Then (issue 20)
# check of a one-page draft against the termbase: <= 0.5 s and <= 50 MB;
# review --all streams (peak RSS flat).
set -u
. tests/bench/lib.sh
DADEUM=$1
N=${2:-1000000}
RUNS=${RUNS:-50}
case $DADEUM in /*) ;; *) DADEUM=$(pwd)/$DADEUM ;; esac
dir=build/bench
db=$dir/termbase-$N.db
mkdir -p "$dir"
command -v sqlite3 >/dev/null || { echo "bench: sqlite3 CLI not installed (make deps)" >&2; exit 1; }

gen() {
	awk -v n="$N" 'BEGIN {
		split("고 공 관 교 구 국 기 내 노 능 다 대 데 동 드 라 래 리 마 명 모 무 문 미 바 반 방 보 부 비 사 산 상 서 선 성 세 소 수 스 시 신 실 아 안 양 어 업 여 연 영 예 오 용 우 운 원 위 유 인 일 자 작 장 재 전 정 제 조 주 중 지 진 차 처 체 초 추 카 컴 코 크 클 타 터 테 토 통 트 특 파 판 평 포 표 프 플 피 하 학 한 합 해 행 혁 현 협 호 화 확 환 활 회 후", s, " ")
		ns = 0; for (k in s) ns++
		x = 12345
		for (i = 0; i < n; i++) {
			len = 3 + (i % 4)
			t = ""
			for (j = 0; j < len; j++) {
				x = (x * 48271) % 2147483647
				t = t s[x % ns + 1]
			}
			printf "{\"file\":\"doc%04d.txt\",\"line\":%d,\"ko\":\"%s\",\"gloss\":\"term%d\",\"kind\":\"english\",\"count\":1,\"reversed\":false,\"expansion\":null,\"context\":\"%s(term%d)\"}\n", int(i / 10000), i % 10000 + 1, t, i, t, i
		}
	}'
}

if [ ! -s "$db" ]; then
	echo "bench: generating $N concepts into $db (once; takes a while)"
	rm -f "$db" "$db-wal" "$db-shm"
	start=$(date +%s)
	gen | "$DADEUM" ingest --quiet --db "$db" --from-jsonl - || exit 1
	echo "bench: built in $(( $(date +%s) - start )) s, $(du -h "$db" | cut -f1)"
fi
concepts=$(sqlite3 "$db" "SELECT count(*) FROM concept")
forms=$(sqlite3 "$db" "SELECT count(*) FROM form")

# queries: a real term, a piece of one, and a misspelling of one
term=$(sqlite3 "$db" "SELECT ko FROM concept WHERE length(ko) = 4 ORDER BY id LIMIT 1 OFFSET 1000")
piece=$(sqlite3 "$db" "SELECT substr(ko, 2, 3) FROM concept WHERE length(ko) = 5 ORDER BY id LIMIT 1 OFFSET 2000")
base=$(sqlite3 "$db" "SELECT ko FROM concept WHERE length(ko) = 4 AND substr(ko, 4, 1) = '드' ORDER BY id LIMIT 1")
[ -n "$base" ] || base=$term
typo=$(printf '%s' "$base" | sed 's/드$/디/')
[ "$typo" != "$base" ] || typo=$(printf '%s' "$base" | sed 's/.$/디/')

# ms per run of "$@" over RUNS runs
per_run() {
	t0=$(date +%s%N)
	i=0
	while [ $i -lt "$RUNS" ]; do "$@" >/dev/null 2>&1; i=$((i + 1)); done
	t1=$(date +%s%N)
	awk -v a="$t0" -v b="$t1" -v r="$RUNS" 'BEGIN { printf "%.2f", (b - a) / 1e6 / r }'
}

# the statement dadeum's exact tier runs first (index form_key), with the concept row
sql="SELECT c.id, c.ko, c.status, c.count FROM form f JOIN concept c ON c.id = f.concept WHERE f.key = '$(printf '%s' "$term" | tr -d ' ')';"

"$DADEUM" lookup --db "$db" --exact "$term" >/dev/null || { echo "bench: exact query '$term' not found" >&2; exit 1; }
"$DADEUM" lookup --db "$db" "$typo" >"$dir/fuzzy.out"; fz=$?
exact=$(per_run "$DADEUM" lookup --db "$db" --exact "$term")
cli=$(per_run sqlite3 "$db" "$sql")
sub=$(per_run "$DADEUM" lookup --db "$db" --limit 10 "$piece")
fuzzy=$(per_run "$DADEUM" lookup --db "$db" --limit 10 "$typo")
nop=$(per_run "$DADEUM" --version)

# peak RSS in MB of one run of "$@"
rss() {
	/usr/bin/time -f %M -o "$dir/rss.out" "$@" >/dev/null 2>&1
	awk '{ printf "%.1f", $1 / 1024 }' "$dir/rss.out"
}

echo "termbase: $concepts concepts, $forms forms, $(du -h "$db" | cut -f1) ($db)"
echo "per process, mean of $RUNS runs (ms), and peak RSS of one run (MB):"
printf '  %-34s %8s ms %7s MB\n' "dadeum lookup --exact '$term'" "$exact" \
	"$(rss "$DADEUM" lookup --db "$db" --exact "$term")"
printf '  %-34s %8s ms %7s MB\n' "sqlite3 CLI, same indexed query" "$cli" "$(rss sqlite3 "$db" "$sql")"
printf '  %-34s %8s ms %7s MB\n' "dadeum lookup '$piece' (substring)" "$sub" \
	"$(rss "$DADEUM" lookup --db "$db" --limit 10 "$piece")"
printf '  %-34s %8s ms %7s MB\n' "dadeum lookup '$typo' (fuzzy)" "$fuzzy" \
	"$(rss "$DADEUM" lookup --db "$db" --limit 10 "$typo")"
printf '  %-34s %8s ms %7s MB\n' "dadeum --version (process floor)" "$nop" "$(rss "$DADEUM" --version)"
ratio=$(awk -v a="$exact" -v b="$cli" 'BEGIN { printf "%.2f", a / b }')
echo "exact / sqlite3 = $ratio (target <= 1.00)"
echo "fuzzy = $fuzzy ms (target <= 20), best hit: $(head -1 "$dir/fuzzy.out") (exit $fz)"
bench_row "lookup --exact, $concepts concepts (time)" "$exact ms" "sqlite3 $cli ms" "$ratio" "<=" 1.0
bench_row "lookup, fuzzy, $concepts concepts (ms)" "$fuzzy ms" "-" "$fuzzy" "<=" 20

# An editor runs check on every save: a one-page draft (the first 40 lines
# of a bundled release) against the whole termbase, and review --all, which
# must stream. Both under a timeout (CHECK_TIMEOUT seconds, default 300).
draft=$dir/termbase-draft.txt
grep -hv '^# source:' docs/corpus/*.txt | head -n 40 >"$draft"
timeout "${CHECK_TIMEOUT:-300}" /usr/bin/time -f "%e %M" -o "$dir/check.time" \
	"$DADEUM" check --db "$db" "$draft" >"$dir/check.out" 2>"$dir/check.err"
st=$?
read -r csec ckb <"$dir/check.time" || { csec=; ckb=0; }
[ "$st" -le 1 ] || { echo "bench: check failed or timed out (exit $st): $(head -c 200 "$dir/check.err")"; csec=; }
echo "check of a one-page draft against $concepts concepts: ${csec:-no result} s, peak RSS $((ckb / 1024)) MB, $(wc -l <"$dir/check.out") findings"
bench_row "check one page, $concepts concepts (s)" "${csec:--} s" "-" "$csec" "<=" 0.5
bench_row "check one page, $concepts concepts (RSS MB)" "$((ckb / 1024)) MB" "-" "$((ckb / 1024))" "<=" 50
timeout "${CHECK_TIMEOUT:-300}" /usr/bin/time -f "%e %M" -o "$dir/review.time" \
	"$DADEUM" review --db "$db" --all >"$dir/review.out" 2>"$dir/review.err"
read -r rsec rkb <"$dir/review.time" || { rsec=; rkb=0; }
echo "review --all of $concepts concepts: ${rsec:-no result} s, peak RSS $((rkb / 1024)) MB"
bench_row "review --all, $concepts concepts (RSS MB)" "$((rkb / 1024)) MB" "-" "$((rkb / 1024))" "<=" 64
rm -f "$dir/review.out"

awk -v r="$ratio" -v f="$fuzzy" 'BEGIN { exit !(r <= 1.0 && f <= 20) }' && echo "bench: targets met" ||
	{ echo "bench: TARGET MISSED"; exit 1; }
