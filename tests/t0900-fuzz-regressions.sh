#!/bin/sh
# The fuzzers' seeds and the inputs that once crashed them
# (tests/data/fuzz/<harness>/), replayed through the command each harness
# stands for. Each must end in a clean exit, never a crash or a sanitizer
# report:
#   decode, extract  dadeum extract: 0, or 3 for undecodable input
#   cross            dadeum extract --cross: the same
#   html             dadeum text --input-format html: 0, or 3 for undecodable input
#   align            dadeum align --lenient, the file against itself: 0, 1 or 3
#   tmx, tbx, csv    dadeum convert (to TSV) and dadeum import (into a new
#                    termbase), csv also read as TSV: any documented status, 0..5
#   query            dadeum lookup on a small termbase, also with --exact and
#                    -n 5: 0 found, 1 nothing found, 2 a query refused
#   jsonl            dadeum ingest --from-jsonl into a new termbase: 0, or 3
#                    for a bad record
#   tsv              dadeum lookup --glossary: 0 or 1, or 3 for a bad row
#   options          the argument vector (one argument a line, the command
#                    first) run for real in the scratch directory, standard
#                    input empty: any documented status, no sanitizer report;
#                    a seed with '/' in an argument is refused, so that no
#                    path outside the scratch directory is ever written
. "$(dirname "$0")/lib.sh"

# clean_exit STATUS MAX ERRFILE: STATUS is 0..MAX, and ERRFILE has no sanitizer
# report and only whole messages, one a line (text from the file quoted in a
# message must not start a line of its own)
clean_exit() {
    if grep -q -e "Sanitizer" -e "runtime error" "$3" || grep -q -v "^dadeum: " "$3"; then
        cat "$3"
        return 1
    fi
    test "$1" -le "$2" || { cat "$3"; echo "exit $1"; return 1; }
}

# read_file FORMAT FILE: convert and import FILE read as FORMAT
read_file() {
    dadeum convert --from "$1" --to tsv --date 2025-01-02 "$2" out.tsv >out.txt 2>err.txt
    clean_exit $? 5 err.txt || return 1
    rm -f imp.db imp.db-wal imp.db-shm
    dadeum import --db imp.db --from "$1" "$2" >out.txt 2>err.txt
    clean_exit $? 5 err.txt
}

# lookup QUERY [OPTION...]: looks QUERY up in q.db
lookup() {
    q=$1
    shift
    dadeum lookup --db q.db "$@" -- "$q" >out.txt 2>err.txt
    clean_exit $? 2 err.txt
}

cat >doc.txt <<'DOC'
정부는 새로운 인터넷 기반 자원 공유(클라우드) 전략을 발표했다.
공공기관은 클라우드 보안 인증(CSAP)을 받은 서비스를 이용해야 한다.
인공지능(AI) 안전연구소가 문을 열었다.
과학기술정보통신부(장관 유상임, 이하 '과기정통부')는 발표했다.
범부처 추진 체계(거버넌스)를 마련한다.
어린이 보호구역(스쿨존)에서는 서행한다.
동네 카페(café)에서 만났다.
DOC
test_expect_success 'setup: a small termbase for the queries' '
    dadeum ingest --db q.db doc.txt
'

for f in "$TEST_DATA"/fuzz/*/*; do
    [ -f "$f" ] || continue
    harness=$(basename "$(dirname "$f")")
    name=$harness/$(basename "$f")
    case $harness in
    tmx | tbx)
        test_expect_success "fuzz seed $name" 'read_file $harness "$f"'
        ;;
    csv)
        test_expect_success "fuzz seed $name" 'read_file csv "$f" && read_file tsv "$f"'
        ;;
    query)
        test_expect_success "fuzz seed $name" '
            q=$(cat "$f") &&
            lookup "$q" && lookup "$q" --exact && lookup "$q" -n 5
        '
        ;;
    jsonl)
        test_expect_success "fuzz seed $name" '
            rm -f j.db j.db-wal j.db-shm &&
            dadeum ingest --db j.db --from-jsonl "$f" >out.txt 2>err.txt
            st=$?
            clean_exit $st 3 err.txt && test "$st" != 1 && test "$st" != 2
        '
        ;;
    tsv)
        test_expect_success "fuzz seed $name" '
            dadeum lookup --glossary "$f" 클라우드 >out.txt 2>err.txt
            clean_exit $? 3 err.txt
        '
        ;;
    options)
        test_expect_success "fuzz seed $name" '
            ! grep -q / "$f" || { echo "a path outside the scratch directory"; false; } &&
            set -- &&
            while IFS= read -r a || [ -n "$a" ]; do set -- "$@" "$a"; done <"$f" &&
            DADEUM_DB=opt.db "$DADEUM" "$@" </dev/null >out.txt 2>err.txt
            st=$?
            ! grep -q -e "Sanitizer" -e "runtime error" err.txt &&
            test "$st" -le 5 || { cat err.txt; echo "exit $st"; false; }
        '
        ;;
    align)
        test_expect_success "fuzz regression $name" '
            "$DADEUM" align --lenient --format tsv "$f" "$f" >out.tsv 2>err.txt
            clean_exit $? 3 err.txt
        '
        ;;
    html)
        test_expect_success "fuzz seed $name" '
            "$DADEUM" text --input-format html "$f" >out.txt 2>err.txt
            clean_exit $? 3 err.txt
        '
        ;;
    cross)
        test_expect_success "fuzz regression $name" '
            "$DADEUM" extract --cross "$f" >out.tsv 2>err.txt
            st=$?
            test "$st" = 0 || test "$st" = 3 || { cat err.txt; echo "exit $st"; false; }
        '
        ;;
    *)
        test_expect_success "fuzz regression $name" '
            "$DADEUM" extract "$f" >out.tsv 2>err.txt
            st=$?
            test "$st" = 0 || test "$st" = 3 || { cat err.txt; echo "exit $st"; false; }
        '
        ;;
    esac
done
test_done
