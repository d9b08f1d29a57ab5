#!/bin/sh
# dadeum review and dadeum set: listing, decisions, and decisions surviving ingests.
. "$(dirname "$0")/lib.sh"

rec() { # file line ko gloss kind count
	printf '{"file":"%s","line":%s,"ko":"%s","gloss":"%s","kind":"%s","count":%s,"reversed":false,"expansion":null,"context":"%s(%s) 문장"}\n' "$@" "$3" "$4"
}
{
rec a.txt 1 "인터넷 기반 자원 공유" 클라우드 loanword 5
rec a.txt 2 인공지능 AI abbrev 3
rec a.txt 3 "초기 기업" 스타트업 loanword 1
rec a.txt 4 "미지의 위험" "Unknown Risk" english 1
} >a.jsonl
{
rec a.txt 1 "인공지능" AI abbrev 1
} >a2.jsonl
dadeum ingest --from-jsonl a.jsonl

id_of() { # ko -> concept id from the TSV listing
	dadeum review --all --format tsv >ids.tsv &&
	awk -F'\t' -v ko="$1" '$3 == ko { print $1 }' ids.tsv
}

test_expect_success 'review lists candidates, most frequent first' '
	dadeum review --format tsv >out &&
	cut -f3,10,11 out >got &&
	printf "ko\tstatus\tcount\n인터넷 기반 자원 공유\tcandidate\t5\n인공지능\tcandidate\t3\n미지의 위험\tcandidate\t1\n초기 기업\tcandidate\t1\n" >want &&
	test_cmp want got &&
	dadeum review --limit 1 >text &&
	test_grep "^인터넷 기반 자원 공유 ↔ 클라우드" text &&
	! grep -q 인공지능 text
'

test_expect_success 'set approves, adds English and abbreviation, notes' '
	id=$(id_of "인터넷 기반 자원 공유") && test -n "$id" &&
	dadeum set "$id" --status approved --en "cloud computing" --abbr CC --note "MOIS style" >out &&
	test_grep "^인터넷 기반 자원 공유 ↔ 클라우드 ↔ cloud computing ↔ CC" out &&
	test_grep "approved" out &&
	test_grep "note: MOIS style" out &&
	dadeum lookup --exact "Cloud Computing" >l.out &&
	test_grep "approved" l.out &&
	dadeum review --status approved --format tsv >appr &&
	test "$(wc -l <appr)" = 2
'

test_expect_success 'options may follow or precede the id' '
	id=$(id_of "초기 기업") &&
	dadeum set --status rejected "$id" >out &&
	test_grep "rejected" out
'

test_expect_success 'decisions survive re-ingesting a changed document' '
	id=$(id_of "인터넷 기반 자원 공유") &&
	dadeum ingest --from-jsonl a2.jsonl &&
	dadeum lookup --exact 클라우드 >out &&
	test_grep "^인터넷 기반 자원 공유 ↔ 클라우드 ↔ cloud computing ↔ CC" out &&
	test_grep "#$id · loanword · approved" out &&
	test_grep "note: MOIS style" out &&
	dadeum lookup --exact cc >out2 && test_grep "approved" out2 &&
	dadeum ingest --from-jsonl a.jsonl &&
	test "$(id_of "인터넷 기반 자원 공유")" = "$id" &&
	dadeum review --status approved --format tsv >appr &&
	test_grep "	5	1	a.txt	1	MOIS style$" appr
'

test_expect_success 'an undecided concept without evidence disappears' '
	dadeum lookup --exact "미지의 위험" >o &&
	dadeum ingest --from-jsonl a2.jsonl &&
	test_expect_code 1 dadeum lookup --exact "미지의 위험" >o &&
	dadeum lookup --exact "초기 기업" >o && test_grep rejected o
'

test_expect_success 'note can be cleared, status reset to candidate' '
	id=$(id_of "인터넷 기반 자원 공유") &&
	dadeum set "$id" --note "" --status candidate >out &&
	! grep -q "note:" out && test_grep candidate out
'

test_expect_success 'set errors: usage 2, unknown id 1, no termbase 3' '
	test_expect_code 2 dadeum set &&
	test_expect_code 2 dadeum set 1 &&
	test_expect_code 2 dadeum set abc --status approved &&
	test_expect_code 2 dadeum set 1 --status maybe &&
	test_expect_code 2 dadeum set 0 --status approved &&
	test_expect_code 1 dadeum set 999999 --status approved 2>err &&
	test_grep "no concept 999999" err &&
	test_expect_code 3 dadeum set --db nowhere.db 1 --status approved &&
	test ! -e nowhere.db
'

test_expect_success 'review errors: usage 2, no termbase 3' '
	test_expect_code 2 dadeum review --status maybe &&
	test_expect_code 2 dadeum review extra &&
	test_expect_code 3 dadeum review --db nowhere.db
'

test_done
