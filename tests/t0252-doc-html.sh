#!/bin/sh
# Web pages (issue 19): an HTML page is read as a document (src/doc/html.c):
# navigation, scripts, styles, forms and the head left out, block elements
# ending paragraphs, a table row one line with TAB-separated cells, labels
# "§N". And positions in the termbase: a document's pairs are stored with
# the reader's label, so that lookup and export name "noori.hwp:§8".
#
# tests/data/doc/page.html is a small page written for this test: a head
# with a title, a style and a script (whose text holds "<p>" and "</div>"),
# header, nav, aside, form and footer around the content, a comment, a
# table with a caption, head and body rows, a pre, a sup and entities.
. "$(dirname "$0")/lib.sh"

DOC=$TEST_DATA/doc

test_expect_success 'page.html: the text a reader of the page sees, in order' '
	dadeum text --positions "$DOC/page.html" >out &&
	printf "§1\t인공지능 & 데이터 정책\n" >expect &&
	printf "§2\t정부는 클라우드 컴퓨팅(cloud computing)을 확대하고 디지털 전환(digital transformation)을 추진한다.\n" >>expect &&
	printf "§3\t둘째 줄: <안내> 클릭.\n" >>expect &&
	printf "§4\t용어 표\n" >>expect &&
	printf "§5\t용어\t설명\n" >>expect &&
	printf "§6\t마이데이터(MyData)\t개인 데이터 이동 제도\n" >>expect &&
	printf "§7\t초거대 인공지능(hyperscale AI)\t\n" >>expect &&
	printf "§8\t첫째 줄\n§9\t둘째 줄\n" >>expect &&
	printf "§10\t각주가 붙은 말{1)}.\n" >>expect &&
	test_cmp expect out
'

test_expect_success 'page.html: extract finds the pairs of the body and the table only' '
	dadeum extract --format tsv "$DOC/page.html" >out &&
	cut -f2,3,4 out >actual &&
	printf "line\tko\tgloss\n" >expect &&
	printf "2\t클라우드 컴퓨팅\tcloud computing\n2\t디지털 전환\tdigital transformation\n" >>expect &&
	printf "6\t마이데이터\tMyData\n7\t초거대 인공지능\thyperscale AI\n" >>expect &&
	test_cmp expect actual &&
	! grep -q "script\|style\|homepage\|notice board\|JavaScript\|related\|search\|copyright\|data policy\|comment" out
'

test_expect_success 'read as text (--input-format text), the page is stripped line by line as before' '
	dadeum text --input-format text "$DOC/page.html" >out &&
	test_grep "스크립트 문장(script sentence)" out &&
	test_grep "알림마당(notice board)" out
'

test_expect_success '--input-format html reads a page without a doctype as a page' '
	printf "<p>첫 문단</p><script>x(1)</script><nav>메뉴</nav><p>둘째 문단</p>\n" >frag.txt &&
	dadeum text frag.txt >out &&
	test_grep "<script>" out &&
	dadeum text --input-format html --positions frag.txt >out &&
	printf "§1\t첫 문단\n§2\t둘째 문단\n" >expect &&
	test_cmp expect out
'

test_expect_success 'a page in EUC-KR is decoded as its <meta charset> says' '
	printf "<html><head><meta charset=\"euc-kr\"></head><body><p>한글 문단(paragraph)</p></body></html>\n" >u.html &&
	iconv -f utf-8 -t cp949 u.html >k.html &&
	dadeum text k.html >out &&
	printf "한글 문단(paragraph)\n" >expect &&
	test_cmp expect out
'

test_expect_success 'tolerant: unclosed tags, comments and raw text run to the end, no crash' '
	printf "<html><p>앞 문단<table><tr><td>칸<td>칸2<tr><td>줄2" >a.html &&
	dadeum text a.html >out &&
	printf "앞 문단\n칸\t칸2\n줄2\n" >expect &&
	test_cmp expect out &&
	printf "<html><p>문단</p><!-- 끝나지 않는 주석 <p>숨음</p>" >b.html &&
	dadeum text b.html >out &&
	printf "문단\n" >expect &&
	test_cmp expect out &&
	printf "<html><p>문단</p><script>var a = \"<p>숨음</p>\"" >c.html &&
	dadeum text c.html >out &&
	test_cmp expect out &&
	printf "<!doctype html><p>a <클라우드> b < c</p>" >d.html &&
	dadeum text d.html >out &&
	printf "a <클라우드> b < c\n" >expect &&
	test_cmp expect out
'

test_expect_success 'a nested table is text of its cell' '
	printf "<html><table><tr><td>밖<table><tr><td>안1</td><td>안2</td></tr></table></td><td>옆</td></tr></table>" >n.html &&
	dadeum text n.html >out &&
	printf "밖 안1 안2\t옆\n" >expect &&
	test_cmp expect out
'

test_expect_success 'a page decoded as its <meta charset> says, not as detection guesses' '
	printf "<html><head><meta charset=\"iso-8859-1\"></head><p>caf\351 (cafe)</p></html>" >l.html &&
	dadeum text l.html >out &&
	printf "caf\303\251 (cafe)\n" >expect &&
	test_cmp expect out
'

test_expect_success 'termbase: lookup and export name the paragraph of a document' '
	cp "$DOC/noori.hwp" "$DOC/page.html" . &&
	printf "거버넌스(governance) 텍스트 줄\n" >a.txt &&
	dadeum ingest --db tb.db noori.hwp page.html a.txt 2>err &&
	dadeum lookup --db tb.db 과학기술정보통신부 >out &&
	test_grep "(noori.hwp:§8)\$" out &&
	dadeum lookup --db tb.db 마이데이터 >out &&
	test_grep "(page.html:§6)\$" out &&
	dadeum lookup --db tb.db 거버넌스 >out &&
	test_grep "(a.txt:1)\$" out &&
	dadeum lookup --db tb.db --format json 마이데이터 >out &&
	test_grep "\"line\":6,\"pos\":\"§6\"," out &&
	dadeum lookup --db tb.db --format json 거버넌스 >out &&
	test_grep "\"line\":1,\"context\":" out &&
	! grep -q "\"pos\"" out &&
	dadeum review --db tb.db >out &&
	test_grep "(noori.hwp:§8)\$" out &&
	dadeum export --db tb.db --all --format tmx -o x.tmx &&
	test_grep "source: noori.hwp:§8<" x.tmx &&
	test_grep "source: a.txt:1<" x.tmx
'

test_expect_success 'extract messages name a PDF line by page and line, as dadeum text does' '
	dadeum extract --explain "$DOC/msit-g7.pdf" 2>err >/dev/null &&
	test_grep "msit-g7.pdf:p1:1: skipped .(토).: list label or weekday" err
'

test_expect_success 'termbase: an import keeps the label of a "source:" note' '
	dadeum import --db tb2.db x.tmx &&
	dadeum lookup --db tb2.db 과학기술정보통신부 >out &&
	test_grep "(noori.hwp:§8)\$" out &&
	dadeum export --db tb2.db --all --format tmx -o y.tmx &&
	grep "source: " x.tmx >a &&
	grep "source: " y.tmx >b &&
	test_cmp a b
'

test_expect_success 'check reads a page as the text it is (lines of the file, no labels)' '
	dadeum check --db tb.db page.html >out 2>err;
	test $? -le 1 &&
	test_grep "^page.html:23:" out &&
	! grep -q "§" out err
'

test_expect_success 'termbase: an old termbase (version 4) migrates and reads its documents again' '
	cp tb.db old.db && rm -f old.db-wal old.db-shm &&
	sqlite3 old.db "ALTER TABLE evidence DROP COLUMN pos; PRAGMA user_version = 4" &&
	test_expect_code 3 dadeum lookup --db old.db 누리 2>err &&
	test_grep "schema version 4 needs migrating to 5" err &&
	dadeum ingest --db old.db noori.hwp 2>err &&
	dadeum lookup --db old.db 과학기술정보통신부 >out &&
	test_grep "(noori.hwp:§8)\$" out
'

test_done
