#!/bin/sh
# t0020: the include layering (tests/layering.sh, docs/architecture.md). The
# script passes on a copy of src/ as it is, and fails, naming the file and
# line, when the copy gets an include that goes up the layering, a new include
# of a kind the pending list holds elsewhere, a module the table does not know,
# or loses an include the pending list still names (the list cannot rot).
. "$(dirname "$0")/lib.sh"

TOP=$(cd "$TEST_DIR/.." && pwd)
LAYERING=$TOP/tests/layering.sh

# fresh_copy: ./src is a copy of the tree's src/ (C files only are read)
fresh_copy() {
    rm -rf src && cp -R "$TOP/src" src
}

test_expect_success 'the tree as it is passes' '
    fresh_copy &&
    sh "$LAYERING" src >out 2>&1 &&
    test_grep "includes ok" out
'

test_expect_success 'util including cli fails, naming file and line' '
    fresh_copy &&
    sed "1i #include \"cli/cli.h\"" "$TOP/src/util/strbuf.c" >src/util/strbuf.c &&
    test_expect_code 1 sh "$LAYERING" src >out 2>&1 &&
    test_grep "^src/util/strbuf.c:1: util includes cli" out
'

test_expect_success 'io including termbase in a file the pending list does not name fails' '
    fresh_copy &&
    printf "#include \"termbase/termbase.h\"\n" >>src/io/csv.c &&
    test_expect_code 1 sh "$LAYERING" src >out 2>&1 &&
    test_grep "^src/io/csv.c:[0-9]*: io includes termbase" out
'

test_expect_success 'termbase including extract or io fails' '
    fresh_copy &&
    printf "#include \"extract/lexicon.h\"\n#include \"io/lang.h\"\n" >>src/termbase/lookup.c &&
    test_expect_code 1 sh "$LAYERING" src >out 2>&1 &&
    test_grep "src/termbase/lookup.c:[0-9]*: termbase includes extract" out &&
    test_grep "src/termbase/lookup.c:[0-9]*: termbase includes io" out
'

test_expect_success 'a pending violation that no longer occurs fails' '
    fresh_copy &&
    sed "/^pending=.\$/a\\
    util/strbuf.c  cli/cli.h  # a violation that does not occur" "$LAYERING" >layering.sh &&
    ! cmp -s "$LAYERING" layering.sh &&
    test_expect_code 1 sh layering.sh src >out 2>&1 &&
    test_grep "pending violation util/strbuf.c -> \"cli/cli.h\" no longer occurs" out
'

test_expect_success 'a module missing from the table fails' '
    fresh_copy &&
    mkdir src/sentalign &&
    printf "#include \"util/strbuf.h\"\n" >src/sentalign/split.c &&
    test_expect_code 1 sh "$LAYERING" src >out 2>&1 &&
    test_grep "module sentalign is not in the table" out
'

test_expect_success 'an include that names no file fails' '
    fresh_copy &&
    printf "#include \"no_such_table.h\"\n" >>src/text/sniff.c &&
    test_expect_code 1 sh "$LAYERING" src >out 2>&1 &&
    test_grep "src/text/sniff.c:[0-9]*: include \"no_such_table.h\" names no file" out
'

test_expect_success 'a table row that lets a module include one above it fails' '
    fresh_copy &&
    sed "s/^    util      0\$/    util      0      io/" "$LAYERING" >layering.sh &&
    ! cmp -s "$LAYERING" layering.sh &&
    test_expect_code 1 sh layering.sh src >out 2>&1 &&
    test_grep "table: util (level 0) may include io (level [0-9]*), not below it" out
'

test_done
