#!/bin/sh
# Extractor cases: tests/data/extract/cases.txt holds blocks of
#   ### title
#   input lines
#   ---
#   ko<TAB>gloss<TAB>kind   (the expected pairs, in order; none when empty)
# Each block runs `dadeum extract` on its input and compares ko/gloss/kind.
# A title starting "[known] " is a known breakage: the annotation rules say
# what is expected, and the fitted model (glossaries/model/) does not do it
# yet; it runs as test_expect_failure.
. "$(dirname "$0")/lib.sh"

cases=$TEST_DATA/extract/cases.txt
awk -v dir="$SCRATCH" '
/^### / { n++; title = substr($0, 5); part = "in"; f = sprintf("%s/case%03d", dir, n);
          print title > (f ".title"); printf "" > (f ".in"); printf "" > (f ".want"); next }
/^---$/ && n { part = "want"; next }
n { print > (f "." part) }
' "$cases"

for t in "$SCRATCH"/case*.title; do
    base=${t%.title}
    title=$(cat "$t")
    expect=test_expect_success
    case $title in "[known] "*) expect=test_expect_failure ;; esac
    $expect "$title" "
        dadeum extract '$base.in' >'$base.out' &&
        tail -n +2 '$base.out' >'$base.rows' &&
        cut -f3-5 '$base.rows' >'$base.got' &&
        test_cmp '$base.want' '$base.got'
    "
done
test_done
