#!/bin/sh
# dadeum extract -j N: several files on several threads, with output identical
# to one thread, and the same stop at the first unreadable input.
. "$(dirname "$0")/lib.sh"

corpus=$TEST_DIR/../docs/corpus
test_expect_success 'setup: twelve documents' '
    i=0 &&
    for f in "$corpus"/*.txt "$corpus"/*.txt "$corpus"/*.txt "$corpus"/*.txt; do
        i=$((i + 1)) && cp "$f" "doc$i.txt" || return 1
    done &&
    printf "인공지능(AI)와 클라우드\\n" >small.txt &&
    test -f doc12.txt
'

test_expect_success '-j 2 and -j 4 give the output of -j 1' '
    dadeum extract doc*.txt small.txt >one.tsv &&
    dadeum extract -j 2 doc*.txt small.txt >two.tsv &&
    dadeum extract --jobs 4 doc*.txt small.txt >four.tsv &&
    test $(wc -l <one.tsv) -gt 100 &&
    test_cmp one.tsv two.tsv &&
    test_cmp one.tsv four.tsv
'

test_expect_success '-j 0 uses one thread per CPU, same output' '
    dadeum extract -j 0 --format jsonl doc*.txt >zero.jsonl &&
    dadeum extract --format jsonl doc*.txt >serial.jsonl &&
    test_cmp serial.jsonl zero.jsonl
'

test_expect_success 'with -j, output stops at the first unreadable input, as with one thread' '
    test_expect_code 3 dadeum extract doc1.txt doc2.txt missing.txt doc3.txt doc4.txt >serial.out 2>serial.err &&
    test_expect_code 3 dadeum extract -j 3 doc1.txt doc2.txt missing.txt doc3.txt doc4.txt >par.out 2>par.err &&
    test_cmp serial.out par.out &&
    test_cmp serial.err par.err
'

test_expect_success 'a bad -j is a usage error' '
    test_expect_code 2 dadeum extract -j x doc1.txt 2>err &&
    test_grep "^dadeum: error: -j needs a whole number from 0 to 256, not .x.$" err &&
    test_expect_code 2 dadeum extract -j 999 doc1.txt 2>err
'

test_expect_success 'standard input can be named once only' '
    test_expect_code 2 dadeum extract - - <doc1.txt 2>err &&
    test_grep "only once" err
'
test_done
