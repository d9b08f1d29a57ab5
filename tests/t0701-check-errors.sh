#!/bin/sh
# dadeum check: usage errors (2), unreadable input, termbase or glossary (3),
# output that cannot be written (4), each with its message.
. "$(dirname "$0")/lib.sh"

DATA=$TEST_DATA/check
unset DADEUM_DB
dadeum ingest --quiet --from-jsonl "$DATA/terms.jsonl" >/dev/null 2>&1
cp "$DATA/draft.txt" draft.txt

test_expect_success 'check -h: usage on stdout, exit 0' '
	test_expect_code 0 dadeum check -h >out 2>err &&
	test ! -s err &&
	test_grep "^usage: dadeum check " out &&
	test_grep "^exit status: " out &&
	dadeum check --help >out2 && test_cmp out out2
'

test_expect_success 'usage errors exit 2 with the usage on stderr' '
	test_expect_code 2 dadeum check >out 2>err &&
	test ! -s out &&
	test_grep "^dadeum: error: no input files" err &&
	test_grep "^usage: dadeum check " err &&
	test_expect_code 2 dadeum check --frobnicate draft.txt >out 2>err &&
	test_grep "^dadeum: error: unknown option .--frobnicate." err &&
	test_expect_code 2 dadeum check --format xml draft.txt >out 2>err &&
	test ! -s out &&
	test_grep "^dadeum: error: unknown format .xml." err &&
	test_expect_code 2 dadeum check --db >out 2>err &&
	test_grep "^dadeum: error: option .--db. needs a value" err
'

test_expect_success '-o and --in-place need --fix; --fix wants one file or --in-place' '
	test_expect_code 2 dadeum check -o x.txt draft.txt 2>err &&
	test_grep "needs --fix" err && test ! -e x.txt &&
	test_expect_code 2 dadeum check --in-place draft.txt 2>err &&
	test_grep "needs --fix" err &&
	test_expect_code 2 dadeum check --fix -o x.txt --in-place draft.txt 2>err &&
	test_expect_code 2 dadeum check --fix draft.txt draft.txt >out 2>err &&
	test ! -s out &&
	test_grep "one file" err &&
	test_expect_code 2 dadeum check --fix --in-place - <draft.txt 2>err &&
	test_grep "standard input" err &&
	test_expect_code 2 dadeum check - - <draft.txt 2>err &&
	test_cmp "$DATA/draft.txt" draft.txt
'

test_expect_success 'unknown encoding: exit 2' '
	test_expect_code 2 dadeum check --encoding klingon draft.txt >out 2>err &&
	test_grep "^dadeum: error: unknown encoding .klingon." err
'

test_expect_success 'missing file: exit 3, the other files are still checked' '
	test_expect_code 3 dadeum check nosuch.txt draft.txt >out 2>err &&
	test_grep "^dadeum: error: cannot open .nosuch.txt.: No such file" err &&
	test "$(grep -c "^draft.txt:" out)" = 15
'

test_expect_success 'undecodable file: exit 3 with the byte offset' '
	printf "클라우드\n\377\376\375 abc\n" >bad.txt &&
	test_expect_code 3 dadeum check --encoding utf-8 bad.txt >out 2>err &&
	test_grep "^dadeum: error: cannot decode .bad.txt. as utf-8 at byte 13" err &&
	test ! -s out &&
	printf "\200\377\200\377" >bad2.txt &&
	test_expect_code 3 dadeum check bad2.txt >out 2>err &&
	test_grep "^dadeum: error: cannot decode .bad2.txt." err &&
	test_expect_code 3 dadeum check --fix -o fixed.txt bad.txt 2>err &&
	test ! -e fixed.txt
'

test_expect_success 'a directory is unreadable: exit 3' '
	mkdir dir &&
	test_expect_code 3 dadeum check dir >out 2>err &&
	test_grep "^dadeum: error: cannot read .dir." err
'

test_expect_success 'missing or broken termbase and glossary: exit 3' '
	test_expect_code 3 dadeum check --db none.db draft.txt >out 2>err &&
	test ! -s out && test_grep "^dadeum: error: " err && test ! -e none.db &&
	echo "not a database" >junk.db &&
	test_expect_code 3 dadeum check --db junk.db draft.txt >out 2>err &&
	test_grep "^dadeum: error: " err &&
	test_expect_code 3 dadeum check --glossary none.tsv draft.txt >out 2>err &&
	test_grep "^dadeum: error: " err &&
	printf "ko\tgloss\nonly\n" >one.tsv &&
	test_expect_code 3 dadeum check --glossary one.tsv draft.txt >out 2>err &&
	test_grep "line 2" err
'

test_expect_success 'an empty glossary warns and finds nothing' '
	printf "ko\tgloss\n" >empty.tsv &&
	test_expect_code 0 dadeum check --glossary empty.tsv draft.txt >out 2>err &&
	test ! -s out &&
	test_grep "^dadeum: warning: the glossary has no loanword" err
'

test_expect_success 'output that cannot be written: exit 4, nothing left behind' '
	if test -w /dev/full; then
		test_expect_code 4 dadeum check draft.txt >/dev/full 2>err &&
		test_grep "^dadeum: error: cannot write" err &&
		test_expect_code 4 dadeum check --fix draft.txt >/dev/full 2>/dev/null
	fi &&
	test_expect_code 4 dadeum check --fix -o nodir/fixed.txt draft.txt 2>err &&
	test_grep "^dadeum: error: cannot write .nodir/fixed.txt." err &&
	test ! -e nodir
'

# (lines are limited to 1 MiB: t0820 holds the limit; this one is just under it)
test_expect_success 'pathological: a 1 MB line of unclosed parentheses, under a time limit' '
	python3 -c "import sys; sys.stdout.write(\"인공지능(클라우드 \" * 40000 + \"\\n\")" >long.txt &&
	test $(wc -c <long.txt) -gt 1000000 &&
	test_expect_code 1 timeout 20 "$DADEUM" check long.txt >out &&
	test "$(wc -l <out)" = 40000
'

test_done
