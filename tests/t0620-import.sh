#!/bin/sh
# dadeum import: round trips (export -> import -> export byte-identical, into
# the same termbase and into an empty one), no duplicates, third-party files
# (UTF-16 with BOM, KO / ko_KR / EN-us, lang=, srclang="*all*"), TBX v2
# ntig and v3 termSec, CSV edge cases, and ingest order still free.
. "$(dirname "$0")/lib.sh"

F=$TEST_DATA/formats
cat >a.txt <<'DOC'
정부는 새로운 인터넷 기반 자원 공유(클라우드) 전략을 발표했다.
인공지능(AI) 안전연구소가 문을 열었다.
미스트랄 AI 최고 경영자(CEO) 면담을 가졌다.
DOC
cat >b.txt <<'DOC'
인터넷기반 자원공유(클라우드) 시장이 커지고 있다.
미지의 위험(Unknown Risk)에 대비한다.
과학기술정보통신부(이하 '과기정통부')는 발표했다.
데이터 센터(Data Center) 전력 사용이 늘었다.
인공지능(artificial intelligence) 기술을 지원한다.
DOC

test_expect_success 'setup' '
	dadeum ingest --db t.db a.txt b.txt &&
	dadeum set --db t.db 1 --status approved --note "검토 완료" >/dev/null &&
	dadeum set --db t.db 4 --status rejected >/dev/null
'

for fmt in tmx tbx tbx3 tsv csv; do
	test_expect_success "round trip $fmt: export, import into the same termbase, export" "
		dadeum export --db t.db --format $fmt --date 2025-01-02 -o one.$fmt &&
		dadeum review --db t.db --dump >dump1 &&
		dadeum import --db t.db --from ${fmt%3} one.$fmt 2>err &&
		test ! -s err &&
		dadeum export --db t.db --format $fmt --date 2025-01-02 -o two.$fmt &&
		test_cmp one.$fmt two.$fmt &&
		dadeum review --db t.db --all --format tsv >all &&
		test \$(grep -c . all) = 7
	"
	test_expect_success "round trip $fmt: export, import into an empty termbase, export" "
		rm -f e-$fmt.db && dadeum import --db e-$fmt.db --from ${fmt%3} one.$fmt &&
		dadeum export --db e-$fmt.db --format $fmt --date 2025-01-02 -o three.$fmt &&
		test_cmp one.$fmt three.$fmt
	"
done

test_expect_success 'importing twice changes nothing' '
	dadeum review --db t.db --dump >before &&
	dadeum import --db t.db one.tmx one.tbx one.csv &&
	dadeum review --db t.db --dump >after &&
	test_cmp before after
'

test_expect_success 'a decision in the termbase wins over the file' '
	sed "s/<prop type=\"x-status\">approved/<prop type=\"x-status\">rejected/" one.tmx >flip.tmx &&
	dadeum import --db t.db flip.tmx &&
	dadeum export --db t.db --format tmx --date 2025-01-02 -o after.tmx &&
	test_cmp one.tmx after.tmx
'

test_expect_success 'imported forms survive a changed document' '
	dadeum import --db t.db one.tmx &&
	printf "전혀 다른 내용이다.\n" >b.txt && dadeum ingest --db t.db b.txt &&
	dadeum lookup --db t.db --exact "Unknown Risk" >out &&
	test_grep "미지의 위험" out
'

test_expect_success 'ingest then import equals import then ingest (dump)' '
	dadeum export --db t.db --format tbx -o base.tbx &&
	printf "클라우드 컴퓨팅(cloud computing) 확산\n" >c.txt &&
	dadeum ingest --db o1.db c.txt && dadeum import --db o1.db base.tbx &&
	dadeum import --db o2.db base.tbx && dadeum ingest --db o2.db c.txt &&
	dadeum review --db o1.db --dump >d1 && dadeum review --db o2.db --dump >d2 &&
	test_cmp d1 d2
'

for f in third-utf16le.tmx third-utf16be.tmx third-utf8bom.tmx; do
	test_expect_success "third-party TMX $f: every Korean unit kept" "
		rm -f p.db && dadeum import --db p.db $F/$f 2>warn &&
		test_grep \"language tag .ko_KR. read as .ko-KR.\" warn &&
		test_grep \"deprecated .lang. attribute\" warn &&
		test_grep \"units\\? skipped: none in the source language .ko-KR.; languages found: \" warn &&
		dadeum export --db p.db --date 2025-01-02 -o p.tmx &&
		xmllint --noout --dtdvalid $TEST_DATA/schemas/tmx14.dtd p.tmx &&
		dadeum export --db p.db --format tsv -o p.tsv &&
		grep -v '^#' p.tsv | cut -f 1,2 | sort >got &&
		sort $F/third.pairs >expect &&
		test_cmp expect got &&
		! grep -o 'xml:lang=\"[^\"]*\"' p.tmx | grep -v -e ko-KR -e en-US
	"
done

test_expect_success 'TBX v2 with ntig and odd languages, and TBX v3' '
	rm -f x.db && dadeum import --db x.db $F/other-v2.tbx $F/other-v3.tbx 2>warn &&
	dadeum export --db x.db --format tbx -o x.tbx &&
	test_grep "<term>데이터센터</term>" x.tbx &&
	test_grep "<term>DC</term>" x.tbx &&
	grep -A1 "<term>DC</term>" x.tbx | grep -q acronym &&
	grep -A2 "<term>클라우드</term>" x.tbx | grep -q admittedTerm &&
	test_grep "<term>가상 저장 공간</term>" x.tbx &&
	! grep -q "<term>Cloud</term>" x.tbx &&
	test_grep "<termEntry id=\"c77\">" x.tbx &&
	grep -A1 "<termEntry id=\"c77\">" x.tbx | grep -q "x-status: approved" &&
	grep -A2 "<term>하이퍼스케일 AI</term>" x.tbx | grep -q deprecatedTerm
'

test_expect_success 'CSV: BOM, quotes, comma and CRLF inside fields' '
	rm -f c.db && dadeum import --db c.db $F/edge.csv &&
	dadeum export --db c.db --format csv -o c.csv &&
	test_grep "^\"쉼표, 있는 용어\",\"comma, term\",.*,\"say \"\"hi\"\"\"," c.csv &&
	dadeum lookup --db c.db --exact "comma, term" >out && test_grep "쉼표" out &&
	dadeum export --db c.db --format tmx -o c.tmx &&
	test_grep "<seg>줄" c.tmx
'

test_expect_success 'a CSV without language columns is refused' '
	printf "foo,bar\nx,y\n" >nolang.csv &&
	test_expect_code 3 dadeum import --db c.db nolang.csv 2>err &&
	test_grep "header row" err
'

test_expect_success 'format from the content when the extension says nothing' '
	cp one.tmx noext && rm -f n.db && dadeum import --db n.db noext &&
	dadeum export --db n.db --date 2025-01-02 -o n.tmx && test_cmp one.tmx n.tmx
'

test_expect_success 'usage' '
	test_expect_code 2 dadeum import --db t.db &&
	test_expect_code 2 dadeum import --db t.db --from pdf x.pdf &&
	test_expect_code 3 dadeum import --db t.db missing.tmx 2>err &&
	test_grep "missing.tmx" err
'

test_expect_success 'a write session ends with the log truncated (issue 20)' '
	awk "BEGIN { for (i = 0; i < 3000; i++) printf \"용어%d\tterm%d\n\", i, i }" >many.tsv &&
	dadeum import --db wal.db many.tsv &&
	test -f wal.db && ! test -s wal.db-wal &&
	printf "인공지능(AI) 안전연구소가 문을 열었다.\n" >w.txt &&
	dadeum ingest --db wal.db w.txt &&
	! test -s wal.db-wal &&
	dadeum lookup --db wal.db --exact 용어7 >out &&
	test_grep "term7" out
'

test_done
