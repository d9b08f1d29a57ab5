#!/bin/sh
# DOCX, HWPX and PDF through the command line (issue 19): the text dadeum
# reads from them, extraction from the DOCX and the PDF made from a bundled
# release (tests/data/doc/README.md says how), and damaged files refused
# with exit 3 and one line. The readers' own cases are in
# tests/unit/test_zipdoc.c; this is what a user meets.
. "$(dirname "$0")/lib.sh"

DOC=$TEST_DATA/doc
TXT=$TEST_DIR/../docs/corpus/msit-2026-05-29-g7-digital-ministers.txt

# one_line_error FILE FORMAT: FILE holds exactly one line, an error naming the input
one_line_error() {
	test $(wc -l <"$1") = 1 &&
	test_grep "^dadeum: error: cannot read '.*' as $2: " "$1"
}

test_expect_success 'the DOCX made from a release gives its paragraphs, in order' '
	dadeum text "$TXT" >txt.out &&
	dadeum text "$DOC/msit-g7.docx" >docx.out &&
	sed "s/^[[:space:]]*//" txt.out | grep -v "^\$" >expect &&
	sed "s/^[[:space:]]*//" docx.out >actual &&
	test_cmp expect actual
'

test_expect_success 'the DOCX made from a release: positions name its paragraphs' '
	dadeum text --positions "$DOC/msit-g7.docx" >out &&
	test_grep "^§3	류제명 제2차관, 주요 7개국(G7) 디지털 기술 장관회의 참석\$" out &&
	test $(wc -l <out) = 18
'

test_expect_success 'extract finds the same pairs in the DOCX as in the text' '
	dadeum extract "$TXT" >txt.tsv &&
	dadeum extract "$DOC/msit-g7.docx" >docx.tsv &&
	cut -f 3- txt.tsv >expect &&
	cut -f 3- docx.tsv >actual &&
	test_cmp expect actual &&
	test $(wc -l <actual) -gt 5
'

# pdftotext sets a digit and Hangul in other fonts apart ("7 개국"): the
# glosses are the same, the Korean side of such a term is spelled as printed.
test_expect_success 'extract finds the same glosses in the PDF as in the text' '
	dadeum extract "$TXT" >txt.tsv &&
	dadeum extract "$DOC/msit-g7.pdf" >pdf.tsv &&
	cut -f 4,5 txt.tsv >expect &&
	cut -f 4,5 pdf.tsv >actual &&
	test_cmp expect actual &&
	test_grep "	주요 7 개국	G7	abbrev	" pdf.tsv
'

test_expect_success 'PDF positions name the page and the line' '
	dadeum text --positions "$DOC/two-pages.pdf" >out &&
	test_grep "^p1:1	" out &&
	test_grep "^p2:" out
'

test_expect_success 'HWPX: a table row is a line, cells TAB-separated' '
	dadeum text "$DOC/Table.hwpx" >out &&
	printf "이름\t국어\t영어\t수학\n" >expect &&
	grep "^이름" out >actual &&
	test_cmp expect actual
'

test_expect_success 'tracked deletions are left out, insertions kept (DOCX, HWPX)' '
	dadeum text "$DOC/tracked.docx" "$DOC/tracked.hwpx" >out &&
	test_grep "과학기술정보통신부는 오늘 발표했다." out &&
	! test_grep "어제" out &&
	test_grep "^남는 글\$" out &&
	! test_grep "지운 글" out
'

test_expect_success 'a PDF with no text: exit 3, one line' '
	test_expect_code 3 dadeum text "$DOC/image-only.pdf" 2>err &&
	one_line_error err pdf &&
	test_grep "no extractable text" err &&
	test_expect_code 3 dadeum extract "$DOC/image-only.pdf" 2>err &&
	one_line_error err pdf
'

test_expect_success 'a zip bomb in a DOCX: exit 3, one line, nothing written' '
	python3 -c "
import zipfile, sys
z = zipfile.ZipFile(sys.argv[1], \"w\", zipfile.ZIP_DEFLATED)
z.writestr(\"[Content_Types].xml\", \"<Types/>\")
z.writestr(\"word/document.xml\", b\"<\" + b\"a\" * (64 << 20) + b\"/>\")
z.close()" bomb.docx &&
	test $(wc -c <bomb.docx) -lt 1000000 &&
	test_expect_code 3 dadeum extract -o out.tsv bomb.docx 2>err &&
	one_line_error err docx &&
	! test -e out.tsv
'

test_expect_success 'a truncated DOCX: exit 3, one line' '
	head -c 3000 "$DOC/msit-g7.docx" >cut.docx &&
	test_expect_code 3 dadeum text --input-format docx cut.docx 2>err &&
	one_line_error err docx
'

test_expect_success 'a zip that is neither HWPX nor DOCX is not read as text' '
	python3 -c "
import zipfile, sys
z = zipfile.ZipFile(sys.argv[1], \"w\")
z.writestr(\"a.txt\", \"인터넷 기반 자원 공유(클라우드)\")
z.close()" plain.zip &&
	test_expect_code 3 dadeum extract plain.zip 2>err &&
	test $(wc -l <err) = 1
'

test_done
