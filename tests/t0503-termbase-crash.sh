#!/bin/sh
# Crash safety: kill -9 at random points during ingest, several times. After
# each kill the termbase must pass its checks and equal the termbase of some
# prefix of the documents (as before the document being stored), and a
# resumed ingest must finish with the same termbase as an uninterrupted one.
. "$(dirname "$0")/lib.sh"

ndocs=6
gen() { # doc number -> synthetic document with many pairs
	awk -v d="$1" -v n=1200 'BEGIN {
		split("가 나 다 라 마 바 사 아 자 차 카 타 파 하 고 노 도 로 모 보 소 오 조 초 코 토 포 호", s, " ")
		ns = 28
		for (i = 0; i < n; i++) {
			x = d * 100000 + i
			t = s[x % ns + 1] s[int(x / ns) % ns + 1] s[int(x / ns / ns) % ns + 1] s[d + 1]
			printf "정부는 새로운 %s 체계(SYS%dX%d) 도입을 위해 관련 정책을 추진한다고 밝혔다.\n", t, d, i
		}
	}'
}
i=1
while [ $i -le $ndocs ]; do gen $i >d$i.txt; i=$((i + 1)); done
docs=$(i=1; while [ $i -le $ndocs ]; do printf 'd%s.txt ' $i; i=$((i + 1)); done)

test_expect_success 'reference termbases for every prefix of the documents' '
	: >prefix0 &&
	i=1 && for d in $docs; do
		dadeum ingest --db ref.db $d &&
		dadeum review --db ref.db --dump >prefix$i || return 1
		i=$((i + 1))
	done &&
	test -s prefix$ndocs
'

# matches DUMP against prefix0..prefixN; prints the index
which_prefix() {
	i=0
	while [ $i -le $ndocs ]; do
		if cmp -s "$1" prefix$i; then echo $i; return 0; fi
		i=$((i + 1))
	done
	return 1
}

seed=$(od -An -N2 -tu2 /dev/urandom | tr -d " ")
echo "# kill delays seeded with $seed"
round=1
while [ $round -le 5 ]; do
	delay=$(awk -v s="$seed" -v r=$round 'BEGIN { srand(s + r); printf "%.3f", 0.02 + rand() * 0.5 }')
	test_expect_success "kill -9 after ${delay}s (round $round) leaves a prefix" '
		"$DADEUM" ingest --db crash.db $docs &
		pid=$! &&
		sleep $delay &&
		kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
		if test -e crash.db; then
			dadeum review --db crash.db --dump >now &&
			k=$(which_prefix now) &&
			echo "# round $round: killed with $k of $ndocs documents stored" &&
			test_must_fail dadeum lookup --db crash.db --exact SYS9X9
		fi
	'
	round=$((round + 1))
done

test_expect_success 'a resumed ingest completes to the uninterrupted result' '
	dadeum ingest --db crash.db $docs &&
	dadeum review --db crash.db --dump >final &&
	test_cmp prefix$ndocs final
'

test_done
