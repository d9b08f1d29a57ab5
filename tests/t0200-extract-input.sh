#!/bin/sh
# `dadeum extract` input handling: encodings (detected and forced), standard
# input, decoding errors and their messages, unreadable inputs, --lenient,
# NUL bytes, line ends and degenerate files.
#
# The fixtures of tests/data/enc/ (see its README.md) hold the same text in
# every encoding; more variants are made here with iconv rather than
# committed. Outputs are compared by columns 2-7 (line to reversed; cut -f2-7).
. "$(dirname "$0")/lib.sh"

ENC=$TEST_DATA/enc
HEADER='file	line	ko	gloss	kind	count	reversed	en	abbr	confidence	evidence	source'
printf '%s\n' "$HEADER" >header

# rows FILE: the output FILE without its file column
rows() { cut -f2-7 "$1"; }

# same_rows EXPECT OUT: OUT without its file column is EXPECT, which holds
# the header and at least one pair (so that two empty outputs never agree)
same_rows() {
	test $(wc -l <"$1") -gt 1 || { echo "$1 has no pairs"; return 1; }
	rows "$2" >actual &&
	test_cmp "$1" actual
}


# A document with pairs on lines 1, 3, 5 and 6 (line 6 repeats line 1).
cat >doc.utf8.txt <<'EOF'
과학기술정보통신부(장관 유상임, 이하 '과기정통부')는 18일 밝혔다.

3대 국면전환요소(게임체인저)를 발표했다.
보도시점 2025. 5. 28.(수) 16:00
주요 7개국(G7) 회의에 이어 서비스형 소프트웨어(SaaS) 시장이 커졌다.
과학기술정보통신부(장관 유상임, 이하 '과기정통부')는 다시 밝혔다.
EOF

test_expect_success 'setup: the reference outputs' '
	dadeum extract "$ENC/sample.utf8.txt" >sample.out &&
	rows sample.out >sample.rows &&
	test $(wc -l <sample.rows) = 5 &&
	test_grep "^2	미스트랄	Mistral	english	1	0\$" sample.rows &&
	dadeum extract doc.utf8.txt >doc.out &&
	rows doc.out >doc.rows &&
	test_grep "^1	과학기술정보통신부	과기정통부	shortform	2	0\$" doc.rows &&
	test_grep "^5	주요 7개국	G7	abbrev	1	0\$" doc.rows
'

# ---- every encoding gives the same pairs ---------------------------------------

for f in sample.utf8-bom.txt sample.utf16le.txt sample.utf16be.txt sample.utf16le-bom.txt \
	 sample.utf16be-bom.txt sample.cp949.txt sample.nfd.utf8.txt; do
	test_expect_success "fixture $f gives the pairs of sample.utf8.txt" "
		dadeum extract '$ENC/$f' >out &&
		same_rows sample.rows out &&
		cut -f1 out >files &&
		sed 1d files | sort -u >names &&
		echo '$ENC/$f' >expect &&
		test_cmp expect names
	"
done

test_expect_success 'fixture ksx1001.euc-kr.txt gives the pairs of ksx1001.utf8.txt' '
	dadeum extract "$ENC/ksx1001.utf8.txt" >expect.out &&
	dadeum extract "$ENC/ksx1001.euc-kr.txt" >actual.out &&
	rows expect.out >expect &&
	rows actual.out >actual &&
	test $(wc -l <expect) = 4 &&
	test_cmp expect actual
'

test_expect_success 'setup: encoding variants of a document made with iconv' '
	iconv -f utf-8 -t cp949 doc.utf8.txt >doc.cp949.txt &&
	iconv -f utf-8 -t utf-16le doc.utf8.txt >doc.utf16le.txt &&
	iconv -f utf-8 -t utf-16be doc.utf8.txt >doc.utf16be.txt &&
	{ printf "\377\376" && cat doc.utf16le.txt; } >doc.utf16le-bom.txt &&
	{ printf "\376\377" && cat doc.utf16be.txt; } >doc.utf16be-bom.txt &&
	{ printf "\357\273\277" && cat doc.utf8.txt; } >doc.utf8-bom.txt &&
	sed "s/\$/\r/" doc.utf8.txt >doc.crlf.txt &&
	iconv -f utf-8 -t utf-16le doc.crlf.txt >doc.crlf.utf16le.txt &&
	! cmp -s doc.utf8.txt doc.cp949.txt
'

for f in doc.cp949.txt doc.utf16le.txt doc.utf16be.txt doc.utf16le-bom.txt \
	 doc.utf16be-bom.txt doc.utf8-bom.txt doc.crlf.txt doc.crlf.utf16le.txt; do
	test_expect_success "iconv variant $f gives the pairs of the UTF-8 document" "
		dadeum extract $f >out &&
		same_rows doc.rows out
	"
done

# Larger than one 64 KiB read and the detection window, so multi-byte
# characters straddle read boundaries in every encoding.
test_expect_success 'encoding variants of a 180 KB document agree' '
	i=0 &&
	while [ $i -lt 500 ]; do
		cat doc.utf8.txt && i=$((i + 1)) || return 1
	done >long.utf8.txt &&
	test $(wc -c <long.utf8.txt) -gt 150000 &&
	iconv -f utf-8 -t cp949 long.utf8.txt >long.cp949.txt &&
	{ printf "\377\376" && iconv -f utf-8 -t utf-16le long.utf8.txt; } >long.utf16le.txt &&
	iconv -f utf-8 -t utf-16be long.utf8.txt >long.utf16be.txt &&
	dadeum extract long.utf8.txt >long.out &&
	rows long.out >expect &&
	test_grep "^1	과학기술정보통신부	과기정통부	shortform	1000	0\$" expect &&
	for f in long.cp949.txt long.utf16le.txt long.utf16be.txt; do
		dadeum extract $f >out && same_rows expect out || return 1
	done
'

# ---- standard input -------------------------------------------------------------

test_expect_success 'stdin: - reads standard input' '
	dadeum extract - <"$ENC/sample.cp949.txt" >out 2>err &&
	test ! -s err &&
	same_rows sample.rows out
'

test_expect_success 'stdin: the file column says -' '
	dadeum extract - <doc.utf8.txt >out &&
	sed 1d out | cut -f1 | sort -u >names &&
	echo - >expect &&
	test_cmp expect names
'

test_expect_success 'stdin: UTF-16 with BOM on standard input' '
	dadeum extract - <doc.utf16be-bom.txt >out &&
	same_rows doc.rows out
'

test_expect_success 'stdin: - between files keeps the order' '
	dadeum extract "$ENC/sample.utf8.txt" - doc.utf8.txt <doc.cp949.txt >out &&
	sed 1d out | cut -f1 | uniq >names &&
	printf "%s\n" "$ENC/sample.utf8.txt" - doc.utf8.txt >expect &&
	test_cmp expect names
'

# ---- forced encodings ----------------------------------------------------------

test_expect_success '--encoding cp949 reads a CP949 file' '
	dadeum extract --encoding cp949 "$ENC/sample.cp949.txt" >out &&
	same_rows sample.rows out
'

test_expect_success '--encoding CP949 (any case) reads a CP949 file' '
	dadeum extract --encoding CP949 doc.cp949.txt >out &&
	same_rows doc.rows out
'

test_expect_success '--encoding euc-kr reads the EUC-KR fixture' '
	dadeum extract "$ENC/ksx1001.utf8.txt" >expect.out &&
	dadeum extract --encoding euc-kr "$ENC/ksx1001.euc-kr.txt" >actual.out &&
	rows expect.out >expect &&
	same_rows expect actual.out
'

test_expect_success '--encoding euc-kr decodes CP949-only syllables (똠) as CP949' '
	dadeum extract --encoding euc-kr "$ENC/sample.cp949.txt" >out 2>err &&
	test ! -s err &&
	same_rows sample.rows out
'

test_expect_success '--encoding overrides detection: UTF-8 text read as cp949 fails' '
	test_expect_code 3 dadeum extract --encoding cp949 "$ENC/sample.utf8.txt" >out 2>err &&
	test_grep "^dadeum: error: cannot decode .*sample.utf8.txt. as cp949 at byte [0-9]" err
'

test_expect_success '--encoding overrides detection: CP949 text read as utf-8 fails' '
	test_expect_code 3 dadeum extract --encoding utf-8 doc.cp949.txt >out 2>err &&
	test_grep "^dadeum: error: cannot decode .doc.cp949.txt. as utf-8 at byte 0\$" err
'

test_expect_success 'unknown --encoding: exit 2 naming it, before the header row (issue 16)' '
	test_expect_code 2 dadeum extract --encoding no-such-charset doc.utf8.txt >out 2>err &&
	test_grep "^dadeum: error: unknown encoding .no-such-charset." err &&
	test ! -s out
'

# ---- decoding errors -----------------------------------------------------------

test_expect_success 'invalid UTF-8: exit 3, one line naming the file and the byte offset' '
	printf "ab(cd)\n가나\377\n다(라)\n" >bad.txt &&
	test_expect_code 3 dadeum extract --encoding utf-8 bad.txt >out 2>err &&
	echo "dadeum: error: cannot decode '"'"'bad.txt'"'"' as utf-8 at byte 13" >expect &&
	test_cmp expect err
'

test_expect_success 'invalid UTF-8 after the 64 KiB detection window: detected UTF-8, exact offset' '
	i=0 &&
	while [ $i -lt 1500 ]; do
		echo "인터넷 기반 자원 공유(클라우드)를 추진한다." && i=$((i + 1)) || return 1
	done >late.txt &&
	size=$(wc -c <late.txt) &&
	test $size -gt 65536 &&
	printf "클라우드\300\200(Cloud)\n" >>late.txt &&
	test_expect_code 3 dadeum extract late.txt >out 2>err &&
	echo "dadeum: error: cannot decode '"'"'late.txt'"'"' as utf-8 at byte $((size + 12))" >expect &&
	test_cmp expect err
'

test_expect_success 'an input error prints no rows of that file' '
	test_expect_code 3 dadeum extract late.txt >out 2>/dev/null &&
	test_cmp header out
'

test_expect_success 'UTF-8 cut inside a character at the end: exit 3 with the offset' '
	printf "가(A)\n가\352\260" >cut.txt &&
	test_expect_code 3 dadeum extract --encoding utf-8 cut.txt >out 2>err &&
	echo "dadeum: error: '"'"'cut.txt'"'"' ends inside a utf-8 character at byte 10" >expect &&
	test_cmp expect err
'

test_expect_success 'truncated UTF-16 (odd byte count): exit 3 with the offset' '
	size=$(wc -c <"$ENC/sample.utf16le-bom.txt") &&
	head -c $((size - 1)) "$ENC/sample.utf16le-bom.txt" >trunc16.txt &&
	test_expect_code 3 dadeum extract trunc16.txt >out 2>err &&
	echo "dadeum: error: '"'"'trunc16.txt'"'"' ends inside a utf-16le character at byte $((size - 2))" >expect &&
	test_cmp expect err
'

test_expect_success 'truncated UTF-16 (a lone high surrogate at the end): exit 3' '
	printf "\376\377\000A\330\075" >surr16.txt &&
	test_expect_code 3 dadeum extract surr16.txt >out 2>err &&
	test_grep "^dadeum: error: .surr16.txt. ends inside a utf-16be character at byte 4\$" err
'

test_expect_success 'truncated CP949: a lead byte at the end, exit 3' '
	{ cat doc.cp949.txt && printf "\260"; } >trunc949.txt &&
	test_expect_code 3 dadeum extract --encoding cp949 trunc949.txt >out 2>err &&
	test_grep "^dadeum: error: .trunc949.txt. " err &&
	test $(wc -l <err) = 1
'

# ---- unreadable inputs ---------------------------------------------------------

test_expect_success 'missing file: exit 3 naming the file' '
	test_expect_code 3 dadeum extract no-such-file.txt >out 2>err &&
	test_grep "^dadeum: error: cannot open .no-such-file.txt.: No such file" err &&
	test $(wc -l <err) = 1
'

test_expect_success 'missing file after a good one: exit 3' '
	test_expect_code 3 dadeum extract doc.utf8.txt no-such-file.txt >out 2>err &&
	test_grep "no-such-file.txt" err
'

test_expect_success 'a directory as input: an error naming it, no crash' '
	mkdir adir &&
	test_must_fail dadeum extract adir >out 2>err &&
	test_grep "^dadeum: error: .*adir" err
'

test_expect_success 'an unreadable file: exit 3' '
	cp doc.utf8.txt secret.txt &&
	chmod 000 secret.txt &&
	if cat secret.txt >/dev/null 2>&1; then
		echo "# skipped: running as root" >&2
	else
		test_expect_code 3 dadeum extract secret.txt >out 2>err &&
		test_grep "^dadeum: error: cannot open .secret.txt.: Permission denied" err
	fi
'

# ---- --lenient -----------------------------------------------------------------

test_expect_success '--lenient: exit 0, one warning with the count, pairs still out' '
	printf "클라우드(Cloud) \377 서비스\n보도(\376)\n주요 7개국(G7) 회의\n" >lenient.txt &&
	test_expect_code 0 dadeum extract --lenient --encoding utf-8 lenient.txt >out 2>err &&
	test $(wc -l <err) = 1 &&
	test_grep "^dadeum: warning: .lenient.txt.: replaced 2 undecodable byte sequence(s) read as utf-8\$" err &&
	printf "%s\nlenient.txt\t1\t클라우드\tCloud\tenglish\t1\t0\tCloud\t\t1.00\tgloss\tbracket\n" "$HEADER" >expect &&
	printf "lenient.txt\t3\t주요 7개국\tG7\tabbrev\t1\t0\tGroup of Seven\tG7\t0.90\tlexicon\tbracket\n" >>expect &&
	test_cmp expect out
'

test_expect_success '--lenient on truncated UTF-16: exit 0 with a warning' '
	test_expect_code 0 dadeum extract --lenient trunc16.txt >out 2>err &&
	test_grep "^dadeum: warning: .trunc16.txt.: replaced 1 " err &&
	same_rows sample.rows out
'

test_expect_success 'without --lenient the same file fails' '
	test_expect_code 3 dadeum extract --encoding utf-8 lenient.txt >out 2>err &&
	test_grep "at byte 20\$" err
'

test_expect_success '--lenient on a clean file: no warning' '
	dadeum extract --lenient doc.utf8.txt >out 2>err &&
	test ! -s err &&
	same_rows doc.rows out
'

# ---- NUL bytes, line ends, degenerate files -------------------------------------

test_expect_success 'a NUL byte is read as a space' '
	printf "클라우드\000서비스(Cloud Service)\n" >nul.txt &&
	printf "클라우드 서비스(Cloud Service)\n" >space.txt &&
	dadeum extract --encoding utf-8 nul.txt >nul.out &&
	dadeum extract space.txt >space.out &&
	rows nul.out >actual &&
	rows space.out >expect &&
	test_grep "클라우드 서비스	Cloud Service" expect &&
	test_cmp expect actual
'

# A stray NUL in UTF-8 must not make the file look like UTF-16 (sniff.c
# asks for NULs in at least one code unit in eight).
test_expect_success 'a NUL byte in detected UTF-8 is read as a space' '
	test_expect_code 0 dadeum extract nul.txt >nul.out 2>err &&
	test ! -s err &&
	dadeum extract space.txt >space.out &&
	rows space.out >expect &&
	test_grep "클라우드 서비스	Cloud Service" expect &&
	rows nul.out >actual &&
	test_cmp expect actual
'

test_expect_success 'a NUL byte in a long detected UTF-8 file is read as a space' '
	i=0 &&
	while [ $i -lt 50 ]; do
		echo "인터넷 기반 자원 공유(클라우드)를 추진한다." && i=$((i + 1)) || return 1
	done >nul-long.txt &&
	printf "주요 7개국\000(G7)\n" >>nul-long.txt &&
	test_expect_code 0 dadeum extract nul-long.txt >out 2>err &&
	test_grep "^nul-long.txt	51	주요 7개국	G7	abbrev	1	0	" out
'

test_expect_success 'a NUL byte in a CP949 file read with --encoding cp949' '
	printf "첫 줄\000\n주요 7개국(G7) 회의\n" | iconv -f utf-8 -t cp949 >nul949.txt &&
	dadeum extract --encoding cp949 nul949.txt >out &&
	test_grep "^nul949.txt	2	주요 7개국	G7	abbrev	1	0	" out
'

test_expect_success 'CRLF line ends keep the line numbers' '
	printf "첫째 줄\r\n\r\n인터넷 기반 자원 공유(클라우드)를 추진\r\n넷째\r\n주요 7개국(G7) 회의\r\n" >crlf.txt &&
	tr -d "\r" <crlf.txt >lf.txt &&
	dadeum extract crlf.txt >crlf.out &&
	dadeum extract lf.txt >lf.out &&
	rows crlf.out >actual &&
	rows lf.out >expect &&
	test_cmp expect actual &&
	sed 1d actual | cut -f1 >lines &&
	printf "3\n5\n" >expect.lines &&
	test_cmp expect.lines lines
'

test_expect_success 'a lone CR ends a line too' '
	printf "첫째 줄\r둘째\r주요 7개국(G7) 회의\n" >cr.txt &&
	dadeum extract cr.txt >out &&
	test_grep "^cr.txt	3	주요 7개국	G7	" out
'

test_expect_success 'an empty file gives only the header' '
	: >empty.txt &&
	test_expect_code 0 dadeum extract empty.txt >out 2>err &&
	test ! -s err &&
	test_cmp header out
'

test_expect_success 'an empty file gives nothing in JSON Lines' '
	dadeum extract --format jsonl empty.txt >out &&
	test ! -s out
'

test_expect_success 'a file with only a BOM gives only the header' '
	printf "\357\273\277" >bom.txt &&
	dadeum extract bom.txt >out &&
	test_cmp header out
'

test_expect_success 'empty standard input gives only the header' '
	dadeum extract - </dev/null >out &&
	test_cmp header out
'

test_expect_success 'a last line without a newline is read' '
	printf "첫째 줄\n주요 7개국(G7) 회의" >nonl.txt &&
	dadeum extract nonl.txt >out &&
	printf "%s\nnonl.txt\t2\t주요 7개국\tG7\tabbrev\t1\t0\tGroup of Seven\tG7\t0.90\tlexicon\tbracket\n" "$HEADER" >expect &&
	test_cmp expect out
'

test_expect_success 'a last line without a newline, in UTF-16LE' '
	printf "첫째 줄\n주요 7개국(G7) 회의" | iconv -f utf-8 -t utf-16le >nonl16.txt &&
	dadeum extract nonl16.txt >out &&
	test_grep "^nonl16.txt	2	주요 7개국	G7	abbrev	1	0	" out
'

test_done
