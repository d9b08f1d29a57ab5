#!/bin/sh
# Crash safety of the writers: export (TMX and TBX), convert and extract -o
# are killed (SIGKILL, and SIGTERM) at random points while they write over an
# existing file, and import is killed while it merges a large TMX. (ingest is
# killed at random points by t0503.)
#
# After every kill the target must be the old file byte for byte, or the
# complete new one (the reference output, and well-formed for xmllint); the
# termbase must open, answer lookup and be unchanged (export, convert) or,
# for import, which commits in batches so that other writers get in (issue
# 16), as before the file, as after it, or part-way, where importing the
# file again gives exactly the state after it.
#
# A SIGKILL cannot be caught, so the temporary file of util/outfile.c
# (TARGET.tmp.XXXXXX, in the target's directory) stays behind when the kill
# comes before the rename. The next write to the same target must remove it
# (issue 16): leftovers accumulate over the rounds, a write that finishes
# must leave none, and one more write after the last round must leave none.
# SIGTERM runs cli_cleanup_on_signal's handler, which must remove it.
#
# Kill delays are random, scaled to the measured duration of a write;
# DADEUM_CRASH_SEED=N repeats a run, DADEUM_CRASH_ROUNDS=N changes the number of
# SIGKILL rounds of export (30).
. "$(dirname "$0")/lib.sh"
exec 3>&1 # summaries, printed as TAP comments from inside tests

rounds=${DADEUM_CRASH_ROUNDS:-30}
seed=${DADEUM_CRASH_SEED:-$(od -An -N2 -tu2 /dev/urandom | tr -d ' ')}
echo "# kill delays seeded with $seed (DADEUM_CRASH_SEED=$seed repeats them)"

gen() { # doc number, lines -> a document with one distinct term per line (as t0503, glued
	# to 체계 so that the term is the whole word whatever the span model makes of it)
	awk -v d="$1" -v n="$2" 'BEGIN {
		split("가 나 다 라 마 바 사 아 자 차 카 타 파 하 고 노 도 로 모 보 소 오 조 초 코 토 포 호", s, " ")
		ns = 28
		for (i = 0; i < n; i++) {
			x = d * 100000 + i
			t = s[x % ns + 1] s[int(x / ns) % ns + 1] s[int(x / ns / ns) % ns + 1] s[d + 1]
			printf "정부는 새로운 %s체계(SYS%dX%d) 도입을 위해 관련 정책을 추진한다고 밝혔다.\n", t, d, i
		}
	}'
}

ms() { # milliseconds since the epoch
	date +%s%N | cut -c1-13
}

# timed FILE CMD...: runs CMD, writes its duration in milliseconds to FILE
timed() {
	out=$1
	shift
	t0=$(ms)
	"$@" || return 1
	echo $(($(ms) - t0)) >"$out"
}

# delay ROUND SPAN_MS: a random delay in seconds for ROUND, from 0 to 1.5 SPAN_MS
delay() {
	awk -v s="$seed" -v r="$1" -v span="$2" \
		'BEGIN { srand(s * 1000 + r); printf "%.3f", rand() * span * 1.5 / 1000 }'
}

# temps TARGET: the temporary files of TARGET left in the current directory
temps() {
	ls -a >dir.list
	grep -c -F -e "$1.tmp." dir.list
}

# intact TARGET OLD NEW: TARGET is OLD or NEW byte for byte; prints which
intact() {
	if cmp -s "$1" "$2"; then
		echo old
	elif cmp -s "$1" "$3"; then
		echo new
	else
		say_fail "$1 is neither the old file nor the complete new one:"
		ls -l "$1" "$2" "$3" >&2
		xmllint --noout "$1" 2>&1 | head -5 >&2
		return 1
	fi
}

# tally NAME WORD: counts WORD under NAME, for the summaries
tally() { echo "$2" >>"tally.$1"; }
summary() {
	sort "tally.$1" | uniq -c | awk '{ printf "%s %s, ", $1, $2 }' | sed 's/, $//'
}

test_expect_success 'setup: a termbase of 2000 concepts, old and reference exports' '
	gen 1 1000 >d1.txt && gen 2 1000 >d2.txt &&
	dadeum ingest --db t.db d1.txt d2.txt &&
	dadeum review --db t.db --dump >t.dump &&
	test $(grep -c "^concept" t.dump) -ge 2000 &&
	for f in tmx tbx; do
		dadeum export --db t.db --date 2020-01-01 -o old.$f &&
		timed span.$f dadeum export --db t.db --date 2025-01-01 -o ref.$f &&
		xmllint --noout old.$f ref.$f &&
		! cmp -s old.$f ref.$f || return 1
	done &&
	echo "# export takes $(cat span.tmx) ms (tmx), $(cat span.tbx) ms (tbx)" >&3
'

# ---- export, SIGKILL -------------------------------------------------------------

# kill_export ROUND FMT SIGNAL: export over out.FMT (the old file), killed with
# SIGNAL after a random delay; the target must be intact, well-formed when new,
# and the termbase must answer lookup (its dump is compared after all rounds)
kill_export() {
	d=$(delay "$1" "$(cat span.$2)")
	cp old.$2 out.$2 || return 1
	"$DADEUM" export --db t.db --date 2025-01-01 -o out.$2 2>err &
	pid=$!
	sleep "$d"
	kill -s "$3" $pid 2>/dev/null
	wait $pid
	st=$?
	if grep -q -e "Sanitizer" -e "runtime error:" err; then
		cat err >&2
		return 1
	fi
	case $st in
	0) how=finished ;;
	137 | 143) how=killed ;;
	*) say_fail "export exited $st"; cat err >&2; return 1 ;;
	esac
	state=$(intact out.$2 old.$2 ref.$2) || return 1
	n=$(temps out.$2)
	tally "$3" "$how-$state"
	if [ "$n" != 0 ]; then
		tally "$3-temps" "left"
	fi
	if [ "$how" = finished ] && [ "$n" != 0 ]; then
		say_fail "a finished export left $n temporary file(s): stale ones must be removed"
		return 1
	fi
	if [ "$3" = TERM ] && [ "$n" != 0 ]; then
		say_fail "SIGTERM after ${d}s left $n temporary file(s) (the handler should remove them)"
		return 1
	fi
	if [ "$state" = new ]; then
		xmllint --noout out.$2 || return 1
	fi
	dadeum lookup --db t.db --exact SYS1X5 >out &&
	test_grep "SYS1X5" out
}

round=1
while [ $round -le "$rounds" ]; do
	fmt=tmx
	[ $((round % 2)) = 0 ] && fmt=tbx
	test_expect_success "export $fmt, kill -9 at a random point (round $round)" \
		"kill_export $round $fmt KILL"
	round=$((round + 1))
done

test_expect_success 'export: after the SIGKILLs, the termbase is unchanged' '
	dadeum review --db t.db --dump >now.dump &&
	test_cmp t.dump now.dump &&
	echo "# export, SIGKILL: $(summary KILL); rounds after which a temporary file was there: $(cat tally.KILL-temps 2>/dev/null | wc -l)" >&3 &&
	test $(wc -l <tally.KILL) = '"$rounds"'
'

# next_write TARGET REF CMD...: after the kills, CMD writes TARGET completely
# and leaves no temporary file of it, whatever the killed writers left
next_write() {
	target=$1 ref=$2
	shift 2
	echo "# $target: $(temps $target) temporary file(s) before the next write" >&3
	"$@" &&
	test_cmp "$ref" "$target" &&
	test "$(temps "$target")" = 0
}

test_expect_success 'export: the next write removes what the killed ones left' '
	next_write out.tmx ref.tmx dadeum export --db t.db --date 2025-01-01 -o out.tmx &&
	next_write out.tbx ref.tbx dadeum export --db t.db --date 2025-01-01 -o out.tbx
'

# ---- export, SIGTERM: the handler removes the temporary file --------------------------

round=1
while [ $round -le 10 ]; do
	fmt=tmx
	[ $((round % 2)) = 0 ] && fmt=tbx
	test_expect_success "export $fmt, SIGTERM at a random point (round $round): no temp file" \
		"kill_export $((1000 + round)) $fmt TERM"
	round=$((round + 1))
done

test_expect_success 'export: summary of the SIGTERM rounds' '
	echo "# export, SIGTERM: $(summary TERM)" >&3 &&
	test $(wc -l <tally.TERM) = 10
'

# ---- convert and extract -o, SIGKILL ---------------------------------------------

test_expect_success 'setup: old and reference outputs of convert and extract' '
	dadeum convert --date 2020-01-01 ref.tbx old-conv.tmx &&
	timed span.conv dadeum convert --date 2025-01-01 ref.tbx ref-conv.tmx &&
	! cmp -s old-conv.tmx ref-conv.tmx &&
	cat d1.txt d2.txt d1.txt d2.txt >dd.txt &&
	dadeum extract d1.txt >old-ex.tsv &&
	timed span.ex dadeum extract -o ref-ex.tsv dd.txt &&
	! cmp -s old-ex.tsv ref-ex.tsv &&
	echo "# convert takes $(cat span.conv) ms, extract $(cat span.ex) ms" >&3
'

# kill_cmd ROUND NAME TARGET CMD...: like kill_export for another writer
kill_cmd() {
	r=$1 name=$2 target=$3
	shift 3
	d=$(delay "$r" "$(cat span.$name)")
	cp old-$target $target || return 1
	"$DADEUM" "$@" 2>err &
	pid=$!
	sleep "$d"
	kill -9 $pid 2>/dev/null
	wait $pid
	st=$?
	if grep -q -e "Sanitizer" -e "runtime error:" err; then
		cat err >&2
		return 1
	fi
	case $st in
	0) how=finished ;;
	137) how=killed ;;
	*) say_fail "$name exited $st"; cat err >&2; return 1 ;;
	esac
	state=$(intact $target old-$target ref-$target) || return 1
	tally "$name" "$how-$state"
	if [ "$how" = finished ] && [ "$(temps $target)" != 0 ]; then
		say_fail "a finished $name left temporary files: stale ones must be removed"
		return 1
	fi
}

round=1
while [ $round -le 8 ]; do
	test_expect_success "convert, kill -9 at a random point (round $round)" \
		"kill_cmd $((2000 + round)) conv conv.tmx convert --date 2025-01-01 ref.tbx conv.tmx"
	test_expect_success "extract -o, kill -9 at a random point (round $round)" \
		"kill_cmd $((3000 + round)) ex ex.tsv extract -o ex.tsv dd.txt"
	round=$((round + 1))
done

test_expect_success 'convert and extract: summary; the next write removes what the killed ones left' '
	echo "# convert, SIGKILL: $(summary conv)" >&3 &&
	echo "# extract -o, SIGKILL: $(summary ex)" >&3 &&
	next_write conv.tmx ref-conv.tmx dadeum convert --date 2025-01-01 ref.tbx conv.tmx &&
	next_write ex.tsv ref-ex.tsv dadeum extract -o ex.tsv dd.txt
'

# ---- import, SIGKILL: batches, completed by importing again ------------------------

test_expect_success 'setup: a TMX of 3000 concepts, the termbase before and after it' '
	gen 3 1500 >d3.txt && gen 4 1500 >d4.txt &&
	dadeum ingest --db big.db d3.txt d4.txt &&
	dadeum export --db big.db --date 2025-01-01 -o big.tmx &&
	dadeum ingest --db base.db d1.txt &&
	dadeum review --db base.db --dump >before.dump &&
	cp base.db ref.db &&
	if test -e base.db-wal; then cp base.db-wal ref.db-wal; fi &&
	timed span.imp dadeum import --db ref.db big.tmx &&
	dadeum review --db ref.db --dump >after.dump &&
	! cmp -s before.dump after.dump &&
	echo "# import takes $(cat span.imp) ms" >&3
'

# kill_import ROUND: import big.tmx into a copy of base.db, killed at random;
# the termbase must be as before or as after the whole file, or part-way and
# completed by importing it again, and answer lookup
kill_import() {
	d=$(delay "$1" "$(cat span.imp)")
	rm -f k.db k.db-wal k.db-shm &&
	cp base.db k.db || return 1
	if test -e base.db-wal; then cp base.db-wal k.db-wal || return 1; fi
	"$DADEUM" import --db k.db big.tmx 2>err &
	pid=$!
	sleep "$d"
	kill -9 $pid 2>/dev/null
	wait $pid
	st=$?
	if grep -q -e "Sanitizer" -e "runtime error:" err; then
		cat err >&2
		return 1
	fi
	dadeum review --db k.db --dump >now.dump || return 1
	if cmp -s now.dump before.dump; then
		state=before
	elif cmp -s now.dump after.dump; then
		state=after
	else
		state=partial
		"$DADEUM" import --db k.db big.tmx 2>err &&
			dadeum review --db k.db --dump >now.dump || return 1
		if ! cmp -s now.dump after.dump; then
			say_fail "import killed after ${d}s (exit $st) left a termbase that importing again does not complete"
			diff after.dump now.dump | head -10 >&2
			return 1
		fi
	fi
	tally imp "$state"
	dadeum lookup --db k.db --exact SYS1X5 >out &&
	test_grep "SYS1X5" out
}

round=1
while [ $round -le 8 ]; do
	test_expect_success "import, kill -9 at a random point (round $round)" \
		"kill_import $((4000 + round))"
	round=$((round + 1))
done

test_expect_success 'import: summary; importing again after the last kill completes' '
	echo "# import, SIGKILL: $(summary imp)" >&3 &&
	dadeum import --db k.db big.tmx &&
	dadeum review --db k.db --dump >now.dump &&
	test_cmp after.dump now.dump
'

test_done
