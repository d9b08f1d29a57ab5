#!/bin/sh
# docs.sh DADEUM - document reading throughput (issue 19), run by `make bench`
# through tests/bench/run.sh. Generated files live in build/bench/.
#
#   docx   reading a DOCX of DOCS_COPIES copies of the three corpus releases
#          (one paragraph a line, a table row every 20 paragraphs, a
#          footnote), beside `unzip -p FILE word/document.xml` (inflating
#          alone, the floor): MB/s of word/document.xml, peak RSS.
#   pdf    reading a PDF beside pdftotext -layout itself on it (the reader
#          runs pdftotext, so the difference is our splitting and joining).
#          The PDF is the longest corpus release converted by LibreOffice
#          into build/bench/ when soffice is installed, else
#          tests/data/doc/msit-g7.pdf.
#
# The reader is `dadeum text --positions` once that command exists (it is
# looked for with `DADEUM text --help`), until then tests/bench/doc_read.c
# built against build/libdadeum.a; read_doc below is the one place to change.
# Medians of DOCS_ROUNDS (default 3) interleaved rounds.
# Environment: DOCS_COPIES (default 300), DOCS_ROUNDS, BENCH_SKIP_DOCS=1.
set -u
. tests/bench/lib.sh
DADEUM=$1
COPIES=${DOCS_COPIES:-300}
ROUNDS=${DOCS_ROUNDS:-3}
case $DADEUM in /*) ;; *) DADEUM=$(pwd)/$DADEUM ;; esac
dir=build/bench
mkdir -p "$dir"
if [ "${BENCH_SKIP_DOCS:-0}" = 1 ]; then
	echo "docs: skipped (BENCH_SKIP_DOCS=1)"
	exit 0
fi
for p in unzip:unzip pdftotext:poppler-utils python3:python3; do
	command -v "${p%%:*}" >/dev/null ||
		{ echo "bench: ${p%%:*} not installed (apt-get install ${p##*:})" >&2; exit 1; }
done
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time not installed (apt-get install time)" >&2; exit 1; }

# read_doc [timed] FORMAT FILE: the document's paragraphs on stdout, as dadeum
# reads them (with "timed": under /usr/bin/time, see timed below)
if "$DADEUM" text --help >/dev/null 2>&1; then
	reader="dadeum text"
	read_doc() {
		t=; [ "$1" = timed ] && { t=timed; shift; }
		$t "$DADEUM" text --positions "$2"
	}
else
	reader="doc_read (tests/bench/doc_read.c)"
	# shellcheck disable=SC2046 # pkg-config's words
	${CC:-cc} -std=c11 -O2 -Isrc -o "$dir/doc_read" tests/bench/doc_read.c build/libdadeum.a \
		$(pkg-config --libs expat) -lz ||
		{ echo "bench: cannot build doc_read" >&2; exit 1; }
	read_doc() {
		t=; [ "$1" = timed ] && { t=timed; shift; }
		$t "$dir/doc_read" "$1" "$2"
	}
fi

# runs "$@" under /usr/bin/time; sets sec and kb
timed() {
	/usr/bin/time -f "%e %M" -o "$dir/time.out" "$@" >/dev/null 2>"$dir/err.out"
	st=$?
	sec=$(cut -d ' ' -f 1 "$dir/time.out" | tail -n 1)
	kb=$(cut -d ' ' -f 2 "$dir/time.out" | tail -n 1)
	return $st
}

# ---- DOCX -------------------------------------------------------------------------------
docx=$dir/docs-$COPIES.docx
if [ ! -s "$docx" ]; then
	echo "bench: writing $docx ($COPIES copies of docs/corpus, once)"
	python3 - "$docx" "$COPIES" docs/corpus/*.txt <<'PY' || exit 1
import sys, zipfile
from xml.sax.saxutils import escape
out, copies, files = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
lines = [l.strip() for f in files for l in open(f, encoding="utf-8") if l.strip()]
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
parts = []
for c in range(copies):
    for i, l in enumerate(lines):
        if i % 20 == 19:
            cells = "".join(f'<w:tc><w:p><w:r><w:t>{escape(x)}</w:t></w:r></w:p></w:tc>'
                            for x in (l[:20], l[20:40], str(c)))
            parts.append(f"<w:tbl><w:tr>{cells}</w:tr></w:tbl>")
        else:
            parts.append(f'<w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr><w:r><w:rPr><w:lang w:val="ko-KR"/></w:rPr><w:t xml:space="preserve">{escape(l)}</w:t></w:r></w:p>')
doc = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {W}><w:body>{"".join(parts)}</w:body></w:document>'
notes = f'<?xml version="1.0" encoding="UTF-8"?>\n<w:footnotes {W}><w:footnote w:id="2"><w:p><w:r><w:t>각주</w:t></w:r></w:p></w:footnote></w:footnotes>'
with zipfile.ZipFile(out + ".tmp", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr(zipfile.ZipInfo("word/document.xml", (2026, 1, 1, 0, 0, 0)), doc, zipfile.ZIP_DEFLATED)
    z.writestr(zipfile.ZipInfo("word/footnotes.xml", (2026, 1, 1, 0, 0, 0)), notes, zipfile.ZIP_DEFLATED)
import os
os.rename(out + ".tmp", out)
PY
fi
xml_mb=$(unzip -p "$docx" word/document.xml | wc -c | awk '{ printf "%.1f", $1 / 1048576 }')
file_mb=$(wc -c <"$docx" | awk '{ printf "%.1f", $1 / 1048576 }')
paras=$(read_doc docx "$docx" | wc -l)
echo "-- docx: $docx, $file_mb MB zip, $xml_mb MB word/document.xml, $paras paragraphs and rows; reader: $reader"
usl=; dsl=
for round in $(seq "$ROUNDS"); do
	timed unzip -p "$docx" word/document.xml || { echo "unzip failed"; cat "$dir/err.out"; exit 1; }
	usl="$usl $sec"; ukb=$kb
	read_doc timed docx "$docx" || { echo "reader failed"; cat "$dir/err.out"; exit 1; }
	dsl="$dsl $sec"; dkb=$kb
done
# shellcheck disable=SC2086 # word splitting intended
us=$(median $usl); ds=$(median $dsl)
awk -v mb="$xml_mb" -v us="$us" -v ds="$ds" -v ukb="$ukb" -v dkb="$dkb" -v ul="$usl" -v dl="$dsl" 'BEGIN {
	ur = mb / (us > 0 ? us : 0.01); dr = mb / (ds > 0 ? ds : 0.01)
	printf "  unzip -p          %6.2f s  %7.1f MB/s  peak RSS %6.1f MB  (runs:%s)\n", us, ur, ukb / 1024, ul
	printf "  read docx         %6.2f s  %7.1f MB/s  peak RSS %6.1f MB  (runs:%s; %.2f x unzip -p)\n", ds, dr, dkb / 1024, dl, dr / ur
}'
bench_row "read DOCX, $xml_mb MB of XML (speed)" "$ds s" "unzip -p $us s" "$(ratio "$us" "$ds")" "-" "-"

# ---- PDF --------------------------------------------------------------------------------
pdf=$dir/docs-ict-strategy.pdf
if [ ! -s "$pdf" ]; then
	if command -v soffice >/dev/null; then
		cp docs/corpus/msit-2024-10-18-ict-strategy-committee.txt "$dir/docs-ict-strategy.txt"
		HOME=$(pwd)/$dir soffice --headless --infilter="Text (encoded):UTF8,LF,,," \
			--convert-to pdf --outdir "$dir" "$dir/docs-ict-strategy.txt" >/dev/null 2>&1
	fi
	[ -s "$pdf" ] || pdf=tests/data/doc/msit-g7.pdf
fi
pages=$(pdftotext -layout -enc UTF-8 "$pdf" - | tr -cd '\f' | wc -c)
paras=$(read_doc pdf "$pdf" | wc -l)
echo "-- pdf: $pdf, $pages pages, $paras paragraphs; reader: $reader"
psl=; dsl=
for round in $(seq "$ROUNDS"); do
	timed pdftotext -layout -enc UTF-8 "$pdf" - || { echo "pdftotext failed"; cat "$dir/err.out"; exit 1; }
	psl="$psl $sec"; pkb=$kb
	read_doc timed pdf "$pdf" || { echo "reader failed"; cat "$dir/err.out"; exit 1; }
	dsl="$dsl $sec"; dkb=$kb
done
# shellcheck disable=SC2086 # word splitting intended
ps=$(median $psl); ds=$(median $dsl)
awk -v ps="$ps" -v ds="$ds" -v pkb="$pkb" -v dkb="$dkb" -v pl="$psl" -v dl="$dsl" 'BEGIN {
	printf "  pdftotext -layout %6.2f s  peak RSS %6.1f MB  (runs:%s)\n", ps, pkb / 1024, pl
	printf "  read pdf          %6.2f s  peak RSS %6.1f MB  (runs:%s; %.2f x the time of pdftotext; peak RSS: the larger of ours and pdftotext'"'"'s)\n", ds, dkb / 1024, dl, (ps > 0 ? ds / ps : 0)
}'
bench_row "read PDF, $pages pages (speed)" "$ds s" "pdftotext $ps s" "$(ratio "$ps" "$ds")" "-" "-"
