#!/bin/sh
# t0950-valgrind.sh - a sample of every command under valgrind memcheck:
# no invalid read or write, no use of uninitialised memory, no definite or
# indirect leak (issue 7). The ASan+UBSan pass of `make test` covers the
# whole suite; valgrind also sees what ASan does not instrument (libexpat,
# SQLite, hunspell, glibc iconv) and runs the optimised build as shipped.
#
# Skipped for the sanitizer build (valgrind cannot run ASan binaries) and
# where valgrind is missing (`make deps` installs it).
. "$(dirname "$0")/lib.sh"

case $DADEUM in
*/san/*)
	skip_all "valgrind does not run ASan builds; the normal build's pass covers it"
	;;
esac
command -v valgrind >/dev/null 2>&1 || skip_all "valgrind not installed (make deps installs it)"

CORPUS=$TEST_DIR/../docs/corpus
DOC1=$CORPUS/msit-2024-10-18-ict-strategy-committee.txt
DOC2=$CORPUS/msit-2025-05-28-ict-commercialisation-dialogue.txt

# vg CMD...: runs dadeum under memcheck; exit 99 on any error or leak
vg() {
	valgrind -q --error-exitcode=99 --leak-check=full \
		--suppressions="$TEST_DIR/valgrind.supp" \
		--errors-for-leak-kinds=definite,indirect \
		--show-leak-kinds=definite,indirect "$DADEUM" "$@"
}

test_expect_success 'extract (decode, normalise, spans, English forms) is clean' '
	vg extract -o pairs.tsv "$DOC1" &&
	test "$(wc -l <pairs.tsv)" -gt 10
'

test_expect_success 'extract -j 2 --cross (threads, list alignment) is clean' '
	vg extract -j 2 --cross -o cross.tsv "$CORPUS"/*.txt
'

test_expect_success 'extract of CP949 input (iconv) is clean' '
	vg extract -o cp949.tsv "$TEST_DATA/enc/sample.cp949.txt" &&
	vg extract -o euckr.tsv --encoding euc-kr "$TEST_DATA/enc/ksx1001.euc-kr.txt"
'

test_expect_success 'ingest (documents, JSONL), lookup (exact, fuzzy), review are clean' '
	vg ingest --db tb.db "$CORPUS"/*.txt &&
	"$DADEUM" extract --format jsonl -o pairs.jsonl "$DOC1" &&
	vg ingest --db tb.db --from-jsonl pairs.jsonl &&
	vg lookup --db tb.db 클라우드 >lookup.out &&
	test -s lookup.out &&
	{ vg lookup --db tb.db 클라우디 >fuzzy.out; test $? -le 1; } &&
	vg review --db tb.db --limit 5 >review.out
'

test_expect_success 'export tmx, tbx, tbx3, csv, html is clean' '
	vg export --db tb.db --format tmx -o out.tmx &&
	vg export --db tb.db --format tbx -o out.tbx &&
	vg export --db tb.db --format tbx3 -o out3.tbx &&
	vg export --db tb.db --format csv -o out.csv &&
	vg export --db tb.db --format html -o out.html
'

test_expect_success 'import and convert (expat readers) are clean' '
	vg import --db tb2.db out.tmx out3.tbx out.csv &&
	vg convert out.tbx back.tmx &&
	vg convert "$TEST_DATA/formats/third-utf16le.tmx" third.tsv
'

test_expect_success 'check with a TBX glossary and --fix is clean' '
	{ vg check --glossary out.tbx "$DOC2" >check.out; test $? -le 1; } &&
	cp "$DOC2" draft.txt &&
	{ vg check --glossary out.tbx --fix -o fixed.txt draft.txt >/dev/null; test $? -le 1; }
'

test_expect_success 'align (splitter, aligner, termbase anchors, TMX/TSV/JSONL) is clean' '
	vg align --db tb.db -o align.tmx "$TEST_DATA/align/release-ko.txt" \
		"$TEST_DATA/align/release-en.txt" &&
	vg align --format tsv -o align.tsv "$TEST_DATA/align/release-ko.txt" \
		"$TEST_DATA/align/release-en.txt" "$DOC1" "$TEST_DATA/align/release-en.txt" &&
	vg align --format jsonl -o align.jsonl "$TEST_DATA/align/release-ko.txt" \
		"$TEST_DATA/align/release-en.txt" &&
	vg align --format terms -o align-terms.tsv "$TEST_DATA/align/release-ko.txt" \
		"$TEST_DATA/align/release-en.txt" &&
	test "$(grep -c "<tu " align.tmx)" = 7
'

test_expect_success 'translit is clean' '
	vg translit 클라우드 게임체인저 데이터셋 >translit.out
'

test_expect_success 'errors (bad input, hostile XML) are clean' '
	printf "\\377\\376\\377 bad" >bad.txt &&
	{ vg extract bad.txt >/dev/null 2>&1; test $? = 3; } &&
	printf "<tmx><body><tu>" >cut.tmx &&
	{ vg import --db tb3.db cut.tmx 2>/dev/null; test $? = 3; }
'

test_done
