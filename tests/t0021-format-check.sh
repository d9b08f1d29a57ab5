#!/bin/sh
# t0021: make format-check passes on a copy of the tree as it is, and fails,
# naming the file, on a copy with one file written other than clang-format
# writes it; make format then fixes that copy.
. "$(dirname "$0")/lib.sh"

TOP=$(cd "$TEST_DIR/.." && pwd)
# a sub-make must not join the jobserver of `make test`
unset MAKEFLAGS MFLAGS MAKELEVEL
command -v "${CLANG_FORMAT:-clang-format}" >/dev/null 2>&1 || skip_all "clang-format not installed"

# ./tree: the Makefile, .clang-format and every C file make format-check reads
mkdir tree && cp "$TOP/Makefile" "$TOP/.clang-format" tree/ &&
    (cd "$TOP" && find src tests -name '*.[ch]' -type f | tar -cf - -T -) | (cd tree && tar -xf -) ||
    exit 1

test_expect_success 'the tree as it is passes' '
    make -s -C tree format-check >out 2>&1 &&
    test_grep "format-check: [0-9]* files ok" out
'

test_expect_success 'a misformatted file fails and is named' '
    sed "s/^    /  /" tree/src/util/strbuf.c >strbuf.c &&
    ! cmp -s strbuf.c tree/src/util/strbuf.c &&
    cp strbuf.c tree/src/util/strbuf.c &&
    test_must_fail make -s -C tree format-check >out 2>&1 &&
    test_grep "^    src/util/strbuf.c\$" out &&
    ! grep -q "src/util/strbuf.h" out
'

test_expect_success 'make format fixes it' '
    make -s -C tree format FORMAT_SRC=src/util/strbuf.c >/dev/null 2>&1 &&
    test_cmp "$TOP/src/util/strbuf.c" tree/src/util/strbuf.c &&
    make -s -C tree format-check >out 2>&1
'

test_done
