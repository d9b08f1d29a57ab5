#!/bin/sh
# translit_eval.sh [-v] [DADEUM] FILE... - accuracy of `dadeum translit` on
# TSV lists of loanwords (columns ko, en, source; '#' lines and the header
# row are skipped; en may list alternatives separated by '|').
#
# For each file prints one line
#   FILE: N words, top-1 0.923 (strict 0.910), top-3 0.960
# "top-1" compares case-insensitively and ignores spaces and hyphens, so
# "game changer", "game-changer" and "gamechanger" are one answer; "strict"
# requires the exact text (case folded). With -v, every miss is listed as
#   miss  ko  gold  candidates...
# DADEUM defaults to ./dadeum. Exit status 0, or 2 on usage errors.
verbose=0
if [ "${1:-}" = -v ]; then verbose=1; shift; fi
dadeum=./dadeum
case ${1:-} in
*.tsv) ;;
'') echo "usage: tests/translit_eval.sh [-v] [<dadeum>] <file.tsv>..." >&2; exit 2 ;;
*) dadeum=$1; shift ;;
esac
[ $# -ge 1 ] || { echo "usage: tests/translit_eval.sh [-v] [<dadeum>] <file.tsv>..." >&2; exit 2; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/translit-eval.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
for f in "$@"; do
    awk -F'\t' '!/^#/ && $1 != "ko" && $1 != "" && $2 != "" {print $1 "\t" $2}' "$f" >"$tmp/gold"
    cut -f1 "$tmp/gold" >"$tmp/words"
    "$dadeum" translit -n 3 - <"$tmp/words" >"$tmp/out" || { echo "$f: dadeum failed" >&2; exit 1; }
    paste "$tmp/gold" "$tmp/out" | awk -F'\t' -v name="$f" -v verbose=$verbose '
        function norm(s) { s = tolower(s); gsub(/[ -]/, "", s); return s }
        {
            n++
            k = split($2, alt, "|")
            hit1 = 0; strict = 0; hit3 = 0
            for (i = 1; i <= k; i++) {
                if (tolower($4) == tolower(alt[i])) strict = 1
                if ($4 != "" && norm($4) == norm(alt[i])) hit1 = 1
                for (j = 4; j <= 6 && j <= NF; j++)
                    if ($j != "" && norm($j) == norm(alt[i])) hit3 = 1
            }
            t1 += hit1; ts += strict; t3 += hit3
            if (verbose && !hit1) {
                line = "miss\t" $1 "\t" $2
                for (j = 4; j <= NF; j++) line = line "\t" $j
                print line
            }
        }
        END {
            if (!n) { printf "%s: no words\n", name; exit }
            printf "%s: %d words, top-1 %.3f (strict %.3f), top-3 %.3f\n", name, n, t1 / n, ts / n, t3 / n
        }'
done
