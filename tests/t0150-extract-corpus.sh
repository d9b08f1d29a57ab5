#!/bin/sh
# Golden output: `dadeum extract` on the bundled corpus (docs/corpus), in both
# formats. After a deliberate change of the extractor, regenerate with
#   sh tests/update-golden.sh
# and review the diff before committing it.
. "$(dirname "$0")/lib.sh"

corpus=$TEST_DIR/../docs/corpus
test_expect_success 'corpus pairs match the golden TSV' '
    (cd "$corpus" && "$DADEUM" extract --format tsv *.txt) >actual.tsv &&
    test_cmp "$TEST_DATA/golden/corpus.tsv" actual.tsv
'
test_expect_success 'corpus pairs match the golden JSON Lines' '
    (cd "$corpus" && "$DADEUM" extract --format jsonl *.txt) >actual.jsonl &&
    test_cmp "$TEST_DATA/golden/corpus.jsonl" actual.jsonl
'
test_expect_success 'the corpus yields pairs of every kind' '
    for k in loanword english abbrev native shortform; do
        test_grep "	$k	" actual.tsv || return 1
    done
'
test_done
