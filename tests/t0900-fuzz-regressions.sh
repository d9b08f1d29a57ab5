#!/bin/sh
# Inputs that once crashed a fuzzer (tests/data/fuzz/<harness>/) must now be
# handled: a clean exit (0, or 3 for undecodable input), never a crash.
. "$(dirname "$0")/lib.sh"

for f in "$TEST_DATA"/fuzz/*/*; do
    [ -f "$f" ] || continue
    name=$(basename "$(dirname "$f")")/$(basename "$f")
    test_expect_success "fuzz regression $name" '
        "$DADEUM" extract "$f" >out.tsv 2>err.txt
        st=$?
        test "$st" = 0 || test "$st" = 3 || { cat err.txt; echo "exit $st"; false; }
    '
done
test_done
