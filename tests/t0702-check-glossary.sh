#!/bin/sh
# dadeum check --glossary with a TBX file (issue #6): findings at the places
# the termbase it was exported from finds them. (TBX keeps no counts, so when
# two concepts share a loanword the suggested plain term may differ.)
. "$(dirname "$0")/lib.sh"

DATA=$TEST_DATA/check
unset DADEUM_DB
test_expect_success 'setup: a termbase and its TBX export' '
    dadeum ingest --quiet --db tb.db --from-jsonl "$DATA/terms.jsonl" &&
    dadeum export --db tb.db --format tbx --date 2026-01-01 -o g.tbx &&
    test_expect_code 1 dadeum check --db tb.db "$DATA/draft.txt" >from-db.txt
'
test_expect_success 'a TBX glossary gives the findings of the termbase' '
    test_expect_code 1 dadeum check --glossary g.tbx "$DATA/draft.txt" >from-tbx.txt &&
    test -s from-tbx.txt &&
    sed "s/: .*//" from-db.txt | grep -v ":6:" >where-db &&
    sed "s/: .*//" from-tbx.txt | grep -v ":6:" >where-tbx &&
    test $(wc -l <where-db) -ge 10 &&
    test_cmp where-db where-tbx
'
test_expect_success 'a malformed TBX glossary is exit 3 with its line' '
    printf "<martif><text><body><termEntry>\n" >bad.tbx &&
    test_expect_code 3 dadeum check --glossary bad.tbx "$DATA/draft.txt" 2>err &&
    test_grep "bad.tbx" err
'
test_done
