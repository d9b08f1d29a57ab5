#!/bin/sh
# HWP 5.0 documents (issue 19): detection by content, the text dadeum reads
# from them (dadeum text), extraction from them, and damaged or refused files.
#
# tests/data/doc/ holds two real HWP files (see its README.md): noori.hwp, an
# MSIT press release of 2018-09-03, and basicsReport.hwp, a report template.
# noori.txt is `dadeum text noori.hwp`, checked by hand against the
# release (header table, title box, □/o paragraphs, attachment table) and
# committed. Small sound and damaged files are written by mkhwp.py here, one
# fault each, rather than committed as binaries.
. "$(dirname "$0")/lib.sh"

DOC=$TEST_DATA/doc
MKHWP="python3 $DOC/mkhwp.py"

# one_line_error FILE: FILE holds exactly one line, an error naming the input
one_line_error() {
	test $(wc -l <"$1") = 1 &&
	test_grep "^dadeum: error: cannot read '.*' as hwp: " "$1"
}

test_expect_success 'noori.hwp: its paragraphs in order, as verified by hand' '
	dadeum text "$DOC/noori.hwp" >out &&
	test_cmp "$DOC/noori.txt" out
'

# The lines below were read off the release by hand (curly quotes come out
# straight: text/normalize.h).
test_expect_success 'noori.hwp: the header table, one row a line, cells TAB-separated' '
	dadeum text --positions "$DOC/noori.hwp" >out &&
	printf "§1\t보도일시\t2018. 9. 4.(화) 조간(온라인 9. 3. 12:00)부터 보도해 주시기 바랍니다.\n" >expect &&
	printf "§2\t배포일시\t2018. 9. 3.(월) 09:00\t담당부서\t거대공공연구정책과\n" >>expect &&
	printf "§3\t담당과장\t장인숙(02-2110-2430)\t담 당 자\t용찬재 사무관(02-2110-2428)\n" >>expect &&
	head -n 3 out >actual &&
	test_cmp expect actual
'

test_expect_success 'noori.hwp: the title box gives its lines, then the body in order' '
	dadeum text --positions "$DOC/noori.hwp" >out &&
	test_grep "^§4	우리가 독자 개발하여 최초 발사하는 한국형발사체,\$" out &&
	test_grep "^§5	국민이 정한 그 이름은 ｢누리｣\$" out &&
	test_grep "^§8	□ 과학기술정보통신부(장관 유영민, 이하 .과기정통부.)는 우리나라 최초로 순수 우리기술로 개발 중인 한국형발사체(KSLV-2)의 새로운 이름으로 .누리.가 선정되었다고 밝혔다.\$" out &&
	test_grep "^§9	o 한국형발사체는 1.5톤급 실용위성을" out &&
	test_grep "^§18	□ 과기정통부 거대공공연구정책관은 .명칭 공모전을 통해" out
'

test_expect_success 'noori.hwp: the attachment table, rows in order' '
	dadeum text "$DOC/noori.hwp" >out &&
	tail -n 8 out >actual &&
	printf "구 분\t한국형발사체(누리호)\t시험발사체\n형 상\t\t\n" >expect &&
	cat >>expect <<-\EOT &&
	목 적	1.5톤급 실용위성을 지구저궤도(600~800km)에 투입	한국형발사체 75톤급 엔진의 비행성능 검증
	총 길이	47.2 m	25.8 m
	최대 직경	3.5 m	2.6 m
	이륙 중량	200 톤	52.1 톤
	탑재체 중량	1.5 톤	-
	단 수	3단	1단
	EOT
	test_cmp expect actual
'

# The pairs a reader finds in the release (checked by hand before running
# extract): 과학기술정보통신부(..., 이하 ‘과기정통부’) in §8, 한국형발사체(KSLV-2)
# in §8, 한국항공우주연구원(..., 이하 ‘항우연’) in §11.
test_expect_success 'extract on noori.hwp finds the pairs of the release' '
	dadeum extract "$DOC/noori.hwp" >out &&
	cut -f2-5 out >actual &&
	printf "line\tko\tgloss\tkind\n" >expect &&
	printf "8\t과학기술정보통신부\t과기정통부\tshortform\n" >>expect &&
	printf "8\t한국형발사체\tKSLV-2\tabbrev\n" >>expect &&
	printf "11\t한국항공우주연구원\t항우연\tshortform\n" >>expect &&
	test_cmp expect actual
'

test_expect_success 'extract on noori.hwp and on its text give the same pairs' '
	dadeum extract "$DOC/noori.hwp" >hwp.out &&
	dadeum extract "$DOC/noori.txt" >txt.out &&
	cut -f2- hwp.out >hwp.rows &&
	cut -f2- txt.out >txt.rows &&
	test $(wc -l <hwp.rows) -gt 1 &&
	test_cmp txt.rows hwp.rows
'

test_expect_success 'detection is by content: an HWP file named .txt, and standard input' '
	cp "$DOC/noori.hwp" release.txt &&
	dadeum text release.txt >out1 &&
	test_cmp "$DOC/noori.txt" out1 &&
	dadeum text - <"$DOC/noori.hwp" >out2 &&
	test_cmp "$DOC/noori.txt" out2
'

test_expect_success 'basicsReport.hwp: tables, the one-cell title and the footnote text' '
	dadeum text "$DOC/basicsReport.hwp" >out &&
	test $(wc -l <out) -gt 30 &&
	test_grep "^과목명	○○○○\$" out &&
	test_grep "^담당교수	OOO 교수님\$" out &&
	test_grep "^R E P O R T\$" out &&
	test_grep "각주목록을 적용합니다" out
'

test_expect_success 'a made file: TAB, line break, surrogate pair, table rows, footnote after its paragraph, no header' '
	$MKHWP ok.hwp ok &&
	dadeum text --positions ok.hwp >out &&
	printf "§1\t가나다\t라 마\360\235\220\200\n" >expect &&
	printf "§2\t이름\t값\n§3\t인공지능(AI)\t1\n" >>expect &&
	printf "§4\t각주가 있는 문장.\n§5\t각주 내용\n§6\t머리말이 붙은 문단\n" >>expect &&
	test_cmp expect out
'

test_expect_success 'uncompressed sections, and sections in regular sectors, read the same' '
	$MKHWP ok.hwp ok && $MKHWP plain.hwp plain && $MKHWP big.hwp big &&
	dadeum text ok.hwp >ok.out &&
	dadeum text plain.hwp >plain.out &&
	dadeum text big.hwp >big.out &&
	test_cmp ok.out plain.out &&
	test_cmp ok.out big.out
'

test_expect_success 'positions: messages name a paragraph as file:§N, a text line as file:N' '
	dadeum extract --explain "$DOC/noori.hwp" >out 2>err &&
	test_grep "noori.hwp:§1: skipped .(화).: list label or weekday" err &&
	test_grep "noori.hwp:§3: skipped .장인숙(02-2110-2430)." err &&
	dadeum extract --explain "$DOC/noori.txt" >out 2>err &&
	test_grep "noori.txt:1: skipped .(화)." err &&
	dadeum text --positions "$DOC/noori.txt" >pos &&
	test_grep "^1	보도일시" pos
'

test_expect_success 'check names findings in a document by paragraph' '
	printf "ko\tgloss\n인공지능\tAI\n인터넷 기반 자원 공유\t클라우드\n" >g.tsv &&
	printf "%s\n" "AI 기술을 소개한다." >draft.txt &&
	test_expect_code 1 dadeum check --glossary g.tsv draft.txt >txt.out &&
	test_grep "^draft.txt:1:1: " txt.out &&
	$MKHWP ok.hwp ok &&
	test_expect_code 0 dadeum check --glossary g.tsv ok.hwp >hwp.out &&
	test ! -s hwp.out &&
	$MKHWP draft.hwp draft &&
	test_expect_code 1 dadeum check --glossary g.tsv draft.hwp >hwp.out &&
	test_grep "^draft.hwp:§7:1: 클라우드 → 인터넷 기반 자원 공유" hwp.out &&
	test_expect_code 3 dadeum check --glossary g.tsv --fix ok.hwp >fix.out 2>err &&
	test_grep "cannot rewrite" err
'

test_expect_success '--input-format overrides detection' '
	$MKHWP ok.hwp ok &&
	test_expect_code 3 dadeum text --input-format hwp "$DOC/noori.txt" >out 2>err &&
	test_grep "not an OLE2 compound file" err &&
	dadeum text --input-format text --lenient ok.hwp >out 2>err &&
	test_expect_code 2 dadeum text --input-format word ok.hwp 2>err &&
	test_grep "unknown input format .word." err
'

test_expect_success 'damaged: a truncated OLE2 file, exit 3 and one line' '
	head -c 40000 "$DOC/noori.hwp" >trunc.hwp &&
	test_expect_code 3 dadeum text trunc.hwp >out 2>err &&
	one_line_error err && test_grep "truncated" err &&
	test ! -s out &&
	head -c 600 "$DOC/noori.hwp" >short.hwp &&
	test_expect_code 3 dadeum extract short.hwp >out 2>err &&
	one_line_error err
'

test_expect_success 'damaged: a loop in the FAT' '
	$MKHWP loop.hwp fatloop &&
	test_expect_code 3 dadeum text loop.hwp >out 2>err &&
	one_line_error err && test_grep "loop in the sector chain" err
'

test_expect_success 'damaged: a record size past the stream' '
	$MKHWP rec.hwp recsize &&
	test_expect_code 3 dadeum text rec.hwp >out 2>err &&
	one_line_error err && test_grep "runs past the stream" err
'

test_expect_success 'refused: a password-protected and a distribution document' '
	$MKHWP pw.hwp password &&
	test_expect_code 3 dadeum extract pw.hwp >out 2>err &&
	one_line_error err && test_grep "encrypted with a password" err &&
	$MKHWP dist.hwp distribution &&
	test_expect_code 3 dadeum ingest --db t.db dist.hwp >out 2>err &&
	one_line_error err && test_grep "distribution document" err
'

test_expect_success 'refused: an inflate bomb' '
	$MKHWP bomb.hwp bomb &&
	test $(wc -c <bomb.hwp) -lt 65536 &&
	test_expect_code 3 dadeum text bomb.hwp >out 2>err &&
	one_line_error err && test_grep "refused as a bomb" err
'

test_expect_success 'refused: no BodyText, and an OLE2 file that is not HWP' '
	$MKHWP nos.hwp nosection &&
	test_expect_code 3 dadeum text nos.hwp >out 2>err &&
	one_line_error err && test_grep "no BodyText/Section0" err
'

test_expect_success 'with -o nothing is written when a document is damaged' '
	$MKHWP ok.hwp ok && $MKHWP rec.hwp recsize &&
	test_expect_code 3 dadeum text -o out.txt ok.hwp rec.hwp 2>err &&
	test ! -e out.txt
'

test_expect_success 'ingest stores a document, its paragraph number as the line' '
	dadeum ingest --quiet --db tb.db "$DOC/noori.hwp" &&
	dadeum lookup --db tb.db --format tsv 과기정통부 >out &&
	test_grep "과학기술정보통신부" out
'

test_done
