#!/bin/sh
# Issue 17, leaks: ingest stores document names relative to the working
# directory, so no absolute local path reaches any export (TMX notes, TBX
# <admin type="source">, CSV, the style guide's <cite>); export
# --source-paths relative|basename|none; a termbase of dadeum 0.1 with
# absolute names exports base names and renames a document on re-ingest.
. "$(dirname "$0")/lib.sh"

mkdir -p docs work
cat >docs/a.txt <<'DOC'
정부는 새로운 인터넷 기반 자원 공유(클라우드) 전략을 발표했다.
인공지능(AI) 안전연구소가 문을 열었다.
DOC
cat >docs/b.txt <<'DOC'
미지의 위험(Unknown Risk)에 대비한다.
DOC
TOP=$PWD
FORMATS="tmx tbx tbx3 tsv omegat csv md html"

# every export of termbase $1 into files out.$fmt with extra options $2...
export_all() {
	db=$1
	shift
	for f in $FORMATS; do
		dadeum export --db "$db" --format $f "$@" -o out.$f || return 1
	done
}

# no absolute path of this machine in any out.* file
no_absolute() {
	for f in $FORMATS; do
		test -s out.$f || { echo "empty out.$f"; return 1; }
		if grep -n -F "$TOP" out.$f || grep -n -F "${TMPDIR:-/tmp}/" out.$f; then
			echo "absolute path in out.$f"
			return 1
		fi
	done
}

test_expect_success 'ingest with absolute paths stores relative names' '
	(cd work && dadeum ingest --db ../t.db "$TOP/docs/a.txt" "$TOP/docs/../docs/b.txt") &&
	dadeum review --db t.db --dump >dump &&
	grep "^document	" dump | cut -f2 >docs.got &&
	printf "../docs/a.txt\n../docs/b.txt\n" >docs.want &&
	test_cmp docs.want docs.got
'

test_expect_success 'no absolute path in any export (tmx, tbx, tbx3, tsv, omegat, csv, md, html)' '
	export_all t.db &&
	no_absolute &&
	test_grep "<note>source: ../docs/a.txt:2</note>" out.tmx &&
	test_grep "<admin type=\"source\">../docs/a.txt:2</admin>" out.tbx &&
	test_grep "<admin type=\"source\">../docs/a.txt:2</admin>" out.tbx3 &&
	test_grep "../docs/a.txt:2" out.csv &&
	test_grep "<cite>../docs/a.txt:2</cite>" out.html &&
	test_grep "(../docs/a.txt:2)" out.md
'

test_expect_success 'ingest from the documents directory: names as given' '
	(cd docs && dadeum ingest --db ../here.db a.txt "$TOP/docs/b.txt") &&
	dadeum review --db here.db --dump >dump &&
	grep "^document	" dump | cut -f2 >docs.got &&
	printf "a.txt\nb.txt\n" >docs.want &&
	test_cmp docs.want docs.got
'

test_expect_success 'ingest --from-jsonl: absolute file names made relative too' '
	dadeum extract --format jsonl -o abs.jsonl "$TOP/docs/a.txt" &&
	test_grep "\"file\":\"$TOP/docs/a.txt\"" abs.jsonl &&
	dadeum ingest --db j.db --from-jsonl abs.jsonl &&
	dadeum review --db j.db --dump >dump &&
	test_grep "^document	docs/a.txt	" dump &&
	export_all j.db &&
	no_absolute
'

test_expect_success '--source-paths basename and none' '
	export_all t.db --source-paths basename &&
	no_absolute &&
	test_grep "<note>source: a.txt:2</note>" out.tmx &&
	test_grep "<admin type=\"source\">a.txt:2</admin>" out.tbx &&
	! grep -q "\.\./docs" out.* &&
	export_all t.db --source-paths none &&
	! grep -q "a\.txt" out.* &&
	! grep -q "<note>source:" out.tmx &&
	! grep -q "type=\"source\"" out.tbx out.tbx3 &&
	! grep -q "<cite>" out.html &&
	test_expect_code 2 dadeum export --db t.db --source-paths absolute -o x.tmx
'

test_expect_success 'a termbase of dadeum 0.1 with absolute names: base names in exports' '
	(cd docs && dadeum ingest --db ../old.db a.txt b.txt) &&
	sqlite3 old.db "UPDATE document SET path = '\''$TOP/docs/'\'' || path" &&
	dadeum review --db old.db --dump >dump &&
	test_grep "^document	$TOP/docs/a.txt	" dump &&
	export_all old.db &&
	no_absolute &&
	test_grep "<note>source: a.txt:2</note>" out.tmx
'

test_expect_success 'and ingesting such a document again renames it, not doubles it' '
	dadeum review --db old.db --dump >before &&
	(cd docs && dadeum ingest --db ../old.db a.txt) &&
	dadeum review --db old.db --dump >after &&
	test "$(grep -c "^document	" after)" = 2 &&
	test_grep "^document	a.txt	" after &&
	! grep -q "^document	$TOP/docs/a.txt	" after &&
	sed "s|$TOP/docs/a.txt|a.txt|" before | sort >expect &&
	sort after >after.sorted &&
	test_cmp expect after.sorted
'

test_expect_success 'imported files keep their own relative sources; absolute ones are cut' '
	dadeum export --db t.db --format tmx -o rel.tmx &&
	sed "s|source: ../docs/a.txt|source: /home/someone/secret/a.txt|" rel.tmx >abs.tmx &&
	test_grep "/home/someone" abs.tmx &&
	dadeum import --db imp.db abs.tmx &&
	export_all imp.db &&
	! grep -q "/home/someone" out.* &&
	test_grep "<note>source: a.txt:2</note>" out.tmx
'

test_done
