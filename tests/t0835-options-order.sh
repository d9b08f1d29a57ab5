#!/bin/sh
# Options and operands in any order, GNU style (issue 15): every command
# reads an option after its operands as before them, and '--' ends the
# options, so that what follows it is an operand even when it starts
# with '-'.
. "$(dirname "$0")/lib.sh"

unset DADEUM_DB
cat >doc.txt <<'DOC'
정부는 새로운 인터넷 기반 자원 공유(클라우드) 전략을 발표했다.
인공지능(AI) 안전연구소가 문을 열었다.
DOC

test_expect_success 'ingest: an option after the documents (was "cannot read -q")' '
	dadeum ingest --db x.db doc.txt -q 2>err &&
	test ! -s err &&
	dadeum lookup --db x.db 인공지능 >out &&
	test_grep "^인공지능 ↔ .*AI" out
'

test_expect_success 'ingest: --db after the documents' '
	dadeum ingest doc.txt --db y.db --quiet &&
	test -f y.db && test ! -e dadeum.db
'

test_expect_success 'extract: options after the file give what they give before it' '
	dadeum extract --format jsonl -o before.jsonl doc.txt &&
	dadeum extract doc.txt --format jsonl -o after.jsonl &&
	test -s before.jsonl &&
	test_cmp before.jsonl after.jsonl &&
	dadeum extract doc.txt -j 2 doc.txt >j2.tsv &&
	dadeum extract -j 2 doc.txt doc.txt >j2-before.tsv &&
	test_cmp j2-before.tsv j2.tsv
'

test_expect_success 'lookup, translit: options after the operand' '
	dadeum lookup 인공지능 --db x.db --format tsv >after.tsv &&
	dadeum lookup --db x.db --format tsv 인공지능 >before.tsv &&
	test_cmp before.tsv after.tsv &&
	dadeum translit 클라우드 -n 1 >after.txt &&
	dadeum translit -n 1 클라우드 >before.txt &&
	test_cmp before.txt after.txt &&
	test "$(wc -l <after.txt)" = 1
'

test_expect_success 'export and check: options after the operands' '
	dadeum export -o a.tsv --db x.db &&
	test -s a.tsv &&
	echo "우리는 클라우드를 쓴다." >draft.txt &&
	test_expect_code 1 dadeum check draft.txt --db x.db --format json >check-after.txt &&
	test_expect_code 1 dadeum check --db x.db --format json draft.txt >check-before.txt &&
	test_grep "draft.txt" check-after.txt &&
	test_cmp check-before.txt check-after.txt
'

test_expect_success '-- ends the options: a file named -q is a document' '
	cp doc.txt ./-q &&
	dadeum extract -- -q >dash.tsv &&
	test_grep "^-q	" dash.tsv &&
	dadeum ingest --db z.db --quiet -- -q &&
	dadeum lookup --db z.db 인공지능 >out &&
	test_grep "(-q:2)" out
'

test_expect_success '-- ends the options: what follows is never an option' '
	test_expect_code 3 dadeum extract -- --format >out 2>err &&
	test_grep "cannot open .--format." err &&
	test_expect_code 1 dadeum lookup --db x.db -- -n >out
'

test_expect_success 'an unknown option after the operands is still refused' '
	test_expect_code 2 dadeum extract doc.txt --bogus >out 2>err &&
	test_grep "^dadeum: error: unknown option .--bogus." err &&
	test ! -s out
'

test_done
