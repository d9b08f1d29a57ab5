#!/bin/sh
# Hostile inputs and hostile output paths, beyond what the other scripts hold:
# t0200 (decoding errors at the start of files, --lenient, NULs in long files),
# t0300 (-o, a 5 MB line, 10,000 nested brackets), t0504 (termbase paths),
# t0600 (a failed export) and t0630 (hostile TMX for import).
#
# Here: invalid UTF-8 of every kind, lone UTF-16 surrogates in mid-stream and
# invalid EUC-KR at exact offsets; NUL-only and short NUL files; a 100 MB line (refused);
# 10,000 nested brackets of every kind; hostile TBX for import and convert; a
# TMX unit with a million languages; unreadable inputs and unwritable outputs
# for every command that reads or writes files; and a full disk (a file size
# limit, so that write(2) fails with EFBIG) for every writer.
#
# Every failure must be one line on stderr naming the file, the documented exit
# status (docs/dadeum.1: 3 input, 4 output), no sanitizer report, no partial
# output and no temporary file left, an old output unchanged and the termbase
# unchanged (review --dump and sqlite3 .dump before and after).
. "$(dirname "$0")/lib.sh"
exec 3>&1 # timings, printed as TAP comments from inside tests

HEADER='file	line	ko	gloss	kind	count	reversed	en	abbr	confidence	evidence	source'
printf '%s\n' "$HEADER" >header

# ---- helpers ---------------------------------------------------------------------

# sane ERR: ERR holds no sanitizer report
sane() {
	if grep -q -e "Sanitizer" -e "runtime error:" "$1"; then
		say_fail "sanitizer report in $1:"
		head -30 "$1" | sed 's/^/#     /' >&2
		return 1
	fi
}

# fails CODE PATTERN CMD...: CMD exits CODE with exactly one line on stderr,
# matching PATTERN; its stdout is in ./out, its stderr in ./err
fails() {
	want=$1
	pat=$2
	shift 2
	"$@" >out 2>err
	got=$?
	sane err || return 1
	if [ "$got" != "$want" ]; then
		say_fail "command exited $got, want $want: $*"
		head -20 err | sed 's/^/#     /' >&2
		return 1
	fi
	if [ "$(wc -l <err)" != 1 ]; then
		say_fail "want one line on stderr, got $(wc -l <err): $*"
		head -20 err | sed 's/^/#     /' >&2
		return 1
	fi
	test_grep "$pat" err
}

# no_temp PATH: no temporary file of PATH (PATH.tmp.XXXXXX, util/outfile.c) is left
no_temp() {
	ls -a "$(dirname "$1")" >dir.list
	if grep -F -e "$(basename "$1").tmp." dir.list >tmp.list; then
		say_fail "temporary file left behind: $(cat tmp.list)"
		return 1
	fi
}

# no_output PATH: PATH was not created, and no temporary file of it is left
no_output() {
	if test -e "$1" || test -L "$1"; then
		say_fail "$1 was created"
		return 1
	fi
	no_temp "$1"
}

# snap DB [NAME]: the termbase's content, through dadeum and through sqlite3,
# in DB.NAME.dump and DB.NAME.sql (NAME: before)
snap() {
	dadeum review --db "$1" --dump >"$1.${2:-before}.dump" || return 1
	if command -v sqlite3 >/dev/null; then
		sqlite3 "$1" .dump >"$1.${2:-before}.sql" || return 1
	else
		: >"$1.${2:-before}.sql"
	fi
}

# unchanged DB: the termbase is as it was at snap DB
unchanged() {
	snap "$1" after &&
	test_cmp "$1.before.dump" "$1.after.dump" &&
	test_cmp "$1.before.sql" "$1.after.sql"
}

# copydb FROM TO: a copy of a termbase with its write-ahead log
copydb() {
	rm -f "$2" "$2-wal" "$2-shm" &&
	cp "$1" "$2" &&
	if test -e "$1-wal"; then cp "$1-wal" "$2-wal"; fi
}

# test_skip TITLE REASON: a TAP skip, counted as passed by tests/run.sh
test_skip() {
	test_count=$((test_count + 1))
	echo "ok $test_count - $1 # skip $2"
}

is_root() { test "$(id -u)" = 0; }

# the size unit of `ulimit -f` in this shell (512 in dash, 1024 in bash)
fsize_unit() {
	(ulimit -f 1 && trap '' XFSZ && exec head -c 4096 /dev/zero >unit.probe) 2>/dev/null
	wc -c <unit.probe
}

# limited BYTES CMD...: CMD with files limited to BYTES and SIGXFSZ ignored, so
# that a write past BYTES fails with EFBIG, as on a full disk
limited() {
	blocks=$(($1 / UNIT))
	shift
	(ulimit -f "$blocks" && trap '' XFSZ && "$@")
}

# a document generator: n lines, n distinct pairs (as t0503)
gen() {
	awk -v d="$1" -v n="$2" 'BEGIN {
		split("가 나 다 라 마 바 사 아 자 차 카 타 파 하 고 노 도 로 모 보 소 오 조 초 코 토 포 호", s, " ")
		ns = 28
		for (i = 0; i < n; i++) {
			x = d * 100000 + i
			t = s[x % ns + 1] s[int(x / ns) % ns + 1] s[int(x / ns / ns) % ns + 1] s[d + 1]
			printf "정부는 새로운 %s 체계(SYS%dX%d) 도입을 위해 관련 정책을 추진한다고 밝혔다.\n", t, d, i
		}
	}'
}

now() { date +%s; }

# big_line: 101.5 MB of Korean text with three glosses per sentence, no newline
big_line() {
	awk 'BEGIN {
		s = "인터넷 기반 자원 공유(클라우드)를 추진하고 주요 7개국(G7) 회의에서 서비스형 소프트웨어(SaaS)를 논의한다. "
		for (i = 0; i < 700000; i++) printf "%s", s
	}'
}

# many_langs HEADER: a TMX whose one <tu> has a million <tuv> languages
many_langs() {
	awk -v hdr="$1" 'BEGIN {
		printf "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">%s<body>\n<tu>", hdr
		for (i = 0; i < 1000000; i++) printf "<tuv xml:lang=\"x-l%d\"><seg>s%d</seg></tuv>\n", i, i
		printf "<tuv xml:lang=\"ko-KR\"><seg>공공 데이터</seg></tuv>"
		printf "<tuv xml:lang=\"en-US\"><seg>public data</seg></tuv></tu>\n</body></tmx>\n"
	}'
}

# nest_ga: a line of 10,000 nested 가( groups after a gloss, and a second line
nest_ga() {
	awk -v l="$LINE1" 'BEGIN {
		printf "%s ", l
		for (i = 0; i < 10000; i++) printf "가("
		printf "클라우드"
		for (i = 0; i < 10000; i++) printf ")"
		printf "\n주요 7개국(G7) 회의\n"
	}'
}

# nest_kinds: 10,000 of every bracket opened, then closed, then both around a word
nest_kinds() {
	awk 'BEGIN {
		for (i = 0; i < 10000; i++) printf "가(나<다[라{마「바『사《"
		printf "\n"
		for (i = 0; i < 10000; i++) printf "》』」}]>)"
		printf "\n"
		for (i = 0; i < 10000; i++) printf "「(『<《["
		printf "클라우드"
		for (i = 0; i < 10000; i++) printf "]》>』)」"
		printf "\n주요 7개국(G7) 회의\n"
	}'
}

# A line with more than 8 Hangul syllables: enough for the sniffer to call the
# file UTF-8 (SNIFF_UTF8_PROOF in src/text/sniff.c) before a bad byte.
LINE1='인터넷 기반 자원 공유(클라우드)를 추진한다.'

test_expect_success 'setup: documents, a termbase, the size unit of ulimit -f' '
	printf "%s\n" "$LINE1" >line1.txt &&
	printf "%s\n주요 7개국(G7) 회의를 열었다.\n" "$LINE1" >doc.txt &&
	dadeum extract doc.txt >doc.out &&
	test_grep "^doc.txt	2	주요 7개국	G7	" doc.out &&
	gen 1 800 >g1.txt && gen 2 800 >g2.txt &&
	dadeum ingest --db t.db doc.txt g1.txt g2.txt &&
	dadeum export --db t.db --date 2025-01-01 -o ref.tmx &&
	test $(wc -c <ref.tmx) -gt 300000 &&
	UNIT=$(fsize_unit) && echo "# ulimit -f counts in $UNIT-byte blocks" &&
	test "$UNIT" = 512 -o "$UNIT" = 1024
'
UNIT=$(fsize_unit)

# ---- extract: invalid UTF-8 after the sniffer decided UTF-8 --------------------

# u8_case N SEQ: SEQ (printf escapes) in the second line of u8-N.txt
u8_case() {
	{ cat line1.txt && printf "주요 $2(G7) 회의\n"; } >u8-$1.txt &&
	off=$(($(wc -c <line1.txt) + 7)) &&
	fails 3 "^dadeum: error: cannot decode 'u8-$1.txt' as utf-8 at byte $off\$" \
		dadeum extract u8-$1.txt &&
	test_cmp header out &&
	fails 3 "^dadeum: error: cannot decode 'u8-$1.txt' as utf-8 at byte $off\$" \
		dadeum extract -o u8-$1.tsv doc.txt u8-$1.txt &&
	no_output u8-$1.tsv
}

# Each sequence is invalid in UTF-8 (RFC 3629).
n=0
for c in 'a surrogate (ED A0 80):\355\240\200' 'past U+10FFFF (F4 90 80 80):\364\220\200\200' \
	 'a 5-byte form (F8 88 80 80 80):\370\210\200\200\200' 'a lone continuation byte (80):\200' \
	 'an overlong 3-byte slash (E0 80 AF):\340\200\257' 'an overlong 2-byte DEL (C1 BF):\301\277' \
	 'FE:\376' 'FF:\377'; do
	n=$((n + 1))
	test_expect_success "invalid UTF-8, ${c%%:*}, in mid-file: exit 3 at its offset" \
		"u8_case $n '${c#*:}'"
done

test_expect_success 'UTF-8 cut inside a character at the end, detected (no --encoding)' '
	{ cat line1.txt && printf "주요\352\260"; } >cut8.txt &&
	off=$(($(wc -c <line1.txt) + 6)) &&
	fails 3 "^dadeum: error: .cut8.txt. ends inside a utf-8 character at byte $off\$" \
		dadeum extract cut8.txt
'

test_expect_success 'invalid UTF-8 on standard input: named <stdin>, exact offset' '
	off=$(($(wc -c <line1.txt) + 7)) &&
	fails 3 "^dadeum: error: cannot decode .<stdin>. as utf-8 at byte $off\$" \
		dadeum extract - <u8-1.txt
'

# Regression (found by this suite, since fixed): with fewer than 8 multi-byte characters before the bad
# byte the sniffer falls back to CP949, and the error gives the offset where
# CP949 failed (byte 2, inside the first syllable), not that of the bad byte.
test_expect_success 'a short UTF-8 file with one bad byte: the offset of that byte' '
	printf "가(A)\n나\377(B)\n" >short8.txt &&
	fails 3 "^dadeum: error: cannot decode .short8.txt. as utf-8 at byte 10\$" \
		dadeum extract short8.txt
'

# ---- extract: UTF-16 in mid-stream, EUC-KR / CP949 ------------------------------

test_expect_success 'setup: a UTF-16 line' '
	printf "주요 7개국(G7) 회의\n" | iconv -f utf-8 -t utf-16le >l16le &&
	printf "주요 7개국(G7) 회의\n" | iconv -f utf-8 -t utf-16be >l16be &&
	printf "클라우드\n" | iconv -f utf-8 -t utf-16le >k16le &&
	printf "클라우드\n" | iconv -f utf-8 -t utf-16be >k16be &&
	test $(wc -c <l16le) = 28
'

test_expect_success 'UTF-16LE: a lone low surrogate in mid-stream, exit 3 at its offset' '
	{ printf "\377\376" && cat l16le && printf "\000\334" && cat k16le; } >lo16le.txt &&
	fails 3 "^dadeum: error: cannot decode .lo16le.txt. as utf-16le at byte 30\$" \
		dadeum extract lo16le.txt &&
	test_cmp header out
'

test_expect_success 'UTF-16LE: a high surrogate followed by a letter, exit 3 at its offset' '
	{ printf "\377\376" && cat l16le && printf "\000\330A\000" && cat k16le; } >hi16le.txt &&
	fails 3 "^dadeum: error: cannot decode .hi16le.txt. as utf-16le at byte 30\$" \
		dadeum extract hi16le.txt
'

test_expect_success 'UTF-16BE: two high surrogates in a row, a lone low one, exit 3' '
	{ printf "\376\377" && cat l16be && printf "\330\000\330\000" && cat k16be; } >hh16be.txt &&
	fails 3 "^dadeum: error: cannot decode .hh16be.txt. as utf-16be at byte 30\$" \
		dadeum extract hh16be.txt &&
	{ printf "\376\377" && cat l16be && printf "\334\000" && cat k16be; } >lo16be.txt &&
	fails 3 "^dadeum: error: cannot decode .lo16be.txt. as utf-16be at byte 30\$" \
		dadeum extract lo16be.txt
'

test_expect_success 'UTF-16BE of odd length, and a BOM with one byte: exit 3' '
	{ printf "\376\377" && cat l16be && printf "\254"; } >odd16be.txt &&
	fails 3 "^dadeum: error: .odd16be.txt. ends inside a utf-16be character at byte 30\$" \
		dadeum extract odd16be.txt &&
	printf "\377\376A" >bom1.txt &&
	fails 3 "^dadeum: error: .bom1.txt. ends inside a utf-16le character at byte 2\$" \
		dadeum extract bom1.txt
'

test_expect_success 'UTF-16: a U+0000 code unit is read as a space' '
	{ printf "\377\376" && cat l16le && printf "\000\000" && cat k16le; } >nul16.txt &&
	dadeum extract nul16.txt >out 2>err &&
	test ! -s err &&
	test_grep "^nul16.txt	1	주요 7개국	G7	abbrev	1	0	" out
'

test_expect_success 'setup: an 88 KB CP949 document (past the 64 KiB detection window)' '
	awk "BEGIN { for (i = 0; i < 2000; i++) print \"$LINE1\" }" |
		iconv -f utf-8 -t cp949 >long949.txt &&
	test $(wc -c <long949.txt) = 88000 &&
	dadeum extract long949.txt >out &&
	test_grep "	클라우드	loanword	2000	" out
'

test_expect_success 'CP949: an invalid byte after 88 KB, exit 3 at its offset' '
	{ cat long949.txt && printf "\244\244\377\n" && cat long949.txt; } >bad949.txt &&
	fails 3 "^dadeum: error: cannot decode .bad949.txt. as cp949 at byte 88002\$" \
		dadeum extract bad949.txt &&
	test_cmp header out
'

test_expect_success 'CP949: a lead byte before a newline, and one at the end (detected)' '
	{ cat long949.txt && printf "\260\n"; } >lead949.txt &&
	fails 3 "^dadeum: error: cannot decode .lead949.txt. as cp949 at byte 88000\$" \
		dadeum extract lead949.txt &&
	{ cat long949.txt && printf "\260"; } >end949.txt &&
	fails 3 "^dadeum: error: .end949.txt. ends inside a cp949 character at byte 88000\$" \
		dadeum extract end949.txt
'

test_expect_success '--encoding euc-kr: invalid bytes, exit 3 naming the file, no -o file' '
	for b in "\200" "\377\377" "\311\241" "\376\241" "\260 "; do
		{ cat long949.txt && printf "$b(x)\n"; } >euc.txt &&
		fails 3 "^dadeum: error: cannot decode .euc.txt. as \(cp949\|euc-kr\) at byte 88000\$" \
			dadeum extract --encoding euc-kr -o euc.tsv euc.txt &&
		no_output euc.tsv || return 1
	done
'

# ---- extract: NUL bytes ------------------------------------------------------

test_expect_success 'a file of 1 MB of NUL bytes: exit 0, only the header' '
	head -c 1048576 /dev/zero >zeros.txt &&
	dadeum extract zeros.txt >out 2>err &&
	sane err && test ! -s err &&
	test_cmp header out
'

test_expect_success 'a NUL inside a gloss is a space there too' '
	printf "%s\n클라우드 서비스(Cloud\000Service) 도입\n" "$LINE1" >nulgloss.txt &&
	dadeum extract nulgloss.txt >out 2>err &&
	test ! -s err &&
	test_grep "	클라우드 서비스	Cloud Service	" out
'

# Regression (found by this suite, since fixed): two NULs at even offsets in a line of 20 bytes pass the
# sniffer's UTF-16 test (one NUL per 16 bytes), so the UTF-8 text is decoded
# as UTF-16BE: exit 0 and no pair, where NULs should read as spaces.
test_expect_success 'a short UTF-8 line with NUL bytes is read as UTF-8' '
	printf "인공지능(AI)\000 \000\n" >nulshort.txt &&
	dadeum extract nulshort.txt >out 2>err &&
	sane err &&
	test_grep "^nulshort.txt	1	인공지능	AI	abbrev	1	0	" out
'

# ---- extract: a 100 MB line, deep nesting of every bracket ------------------------

# Lines are limited to 1 MiB (TEXT_LINE_MAX, docs/dadeum.1): a 100 MB line is
# refused as soon as its first MiB is read; t0820 holds the memory bound.
test_expect_success 'a 100 MB line without a newline: exit 3 at once, one line naming it' '
	big_line >big.txt &&
	test $(wc -c <big.txt) -gt 100000000 &&
	test $(wc -l <big.txt) = 0 &&
	t0=$(now) &&
	fails 3 "^dadeum: error: line 1 of .big.txt. is longer than 1048576 bytes, the limit for one line\$" \
		timeout 50 "$DADEUM" extract -o big.tsv big.txt &&
	t1=$(now) &&
	rm -f big.txt &&
	echo "# 100 MB line: refused in $((t1 - t0)) s" >&3 &&
	test $((t1 - t0)) -le 5 &&
	test ! -s out &&
	no_output big.tsv
'
rm -f big.txt

test_expect_success '10,000 nested 가( groups with --explain: bounded stderr' '
	nest_ga >nest.txt &&
	timeout 30 "$DADEUM" extract --explain nest.txt >out 2>err &&
	sane err &&
	test_grep "^nest.txt	1	[^	]*자원 공유	클라우드	" out &&
	test_grep "^nest.txt	2	주요 7개국	G7	" out &&
	test $(wc -l <err) -le 100 &&
	! grep -v "^nest.txt:1: skipped .*: [a-z]" err
'

test_expect_success '10,000 nested brackets of every kind, closed and unclosed' '
	nest_kinds >kinds.txt &&
	timeout 30 "$DADEUM" extract --explain kinds.txt >out 2>err &&
	sane err &&
	test_grep "^kinds.txt	4	주요 7개국	G7	" out
'

# ---- XML: hostile TBX for import, hostile TMX and TBX for convert -------------------

xhead='<?xml version="1.0" encoding="UTF-8"?>'
entry='<termEntry id="c1"><langSet xml:lang="ko-KR"><tig><term>공공 데이터</term></tig></langSet><langSet xml:lang="en-US"><tig><term>public data</term></tig></langSet></termEntry>'
# tbx DOCTYPE TERM: a TBX-Basic file with that DOCTYPE and a second entry's term
tbx() {
	printf '%s\n%s\n<martif type="TBX-Basic" xml:lang="en"><text><body>%s<termEntry><langSet xml:lang="ko"><tig><term>%s</term></tig></langSet></termEntry></body></text></martif>\n' \
		"$xhead" "$1" "$entry" "$2"
}
tbx '<!DOCTYPE martif [ <!ENTITY a "aaaaaaaaaa"> <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"> <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"> ]>' '&c;' >laughs.tbx
tbx '<!DOCTYPE martif [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>' '&xxe;' >xxe-file.tbx
tbx '<!DOCTYPE martif [ <!ENTITY xxe PUBLIC "-//X//Y//EN" "file:///etc/passwd"> ]>' '&xxe;' >xxe-public.tbx
tbx '<!DOCTYPE martif SYSTEM "http://127.0.0.1:9/evil.dtd">' '용어' >dtd-url.tbx
tbx '<!DOCTYPE martif SYSTEM "file:///etc/passwd">' '용어' >dtd-file.tbx
tbx '<!DOCTYPE martif PUBLIC "-//EVIL//DTD X//EN" "http://127.0.0.1:9/evil.dtd">' '용어' >dtd-public.tbx
tbx '<!DOCTYPE martif [ <!ENTITY % p SYSTEM "http://127.0.0.1:9/p.dtd"> %p; ]>' '용어' >param.tbx
# the same external entity, in UTF-16 (the reader must not miss it there)
printf '<?xml version="1.0" encoding="UTF-16"?>\n<!DOCTYPE martif [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>\n<martif type="TBX-Basic" xml:lang="en"><text><body>%s<termEntry><langSet xml:lang="ko"><tig><term>&xxe;</term></tig></langSet></termEntry></body></text></martif>\n' \
	"$entry" | iconv -f utf-8 -t utf-16 >xxe-utf16.tbx

thdr='<header creationtool="x" creationtoolversion="1" segtype="phrase" o-tmf="x" adminlang="en" srclang="ko-KR" datatype="plaintext"/>'
tu='<tu><tuv xml:lang="ko-KR"><seg>공공 데이터</seg></tuv><tuv xml:lang="en-US"><seg>public data</seg></tuv></tu>'
# tmx DOCTYPE SEG
tmx() {
	printf '%s\n%s\n<tmx version="1.4">%s<body>%s<tu><tuv xml:lang="ko-KR"><seg>%s</seg></tuv></tu></body></tmx>\n' \
		"$xhead" "$1" "$thdr" "$tu" "$2"
}
tmx '<!DOCTYPE tmx [ <!ENTITY xxe SYSTEM "http://127.0.0.1:9/evil"> ]>' '&xxe;' >xxe-url.tmx
tmx '<!DOCTYPE tmx [ <!ENTITY % p SYSTEM "http://127.0.0.1:9/evil.dtd"> %p; ]>' '용어' >param.tmx
tmx '<!DOCTYPE tmx PUBLIC "-//EVIL//DTD X//EN" "http://127.0.0.1:9/evil.dtd">' '용어' >dtd-public.tmx
tmx '<!DOCTYPE tmx [ <!ENTITY xxe PUBLIC "-//X//Y//EN" "file:///etc/passwd"> ]>' '&xxe;' >xxe-public.tmx

test_expect_success 'setup: a termbase to keep unchanged' '
	dadeum ingest --db x.db doc.txt &&
	snap x.db
'

# refuse FILE PATTERN: import exits 3 with one line naming FILE, its line and
# column, and PATTERN; the termbase is unchanged
refuse() {
	fails 3 "^dadeum: error: cannot import '$1' (tbx): line [0-9][0-9]*, column [0-9][0-9]*: .*nothing imported" \
		dadeum import --db x.db "$1" &&
	test_grep "$2" err &&
	test ! -s out &&
	unchanged x.db
}

test_expect_success 'TBX, billion laughs: refused, termbase unchanged' '
	refuse laughs.tbx "entity declaration .a. refused"
'
test_expect_success 'TBX, external entity to a file (SYSTEM and PUBLIC): refused' '
	refuse xxe-file.tbx "external entity .xxe. refused" &&
	refuse xxe-public.tbx "external entity .xxe. refused" &&
	! grep -q "root:" err
'
test_expect_success 'TBX, external entity in a UTF-16 file: refused' '
	refuse xxe-utf16.tbx "external entity .xxe. refused"
'
test_expect_success 'TBX, a DTD on a URL, on a file, with a PUBLIC id: refused' '
	refuse dtd-url.tbx "external DTD .http://127.0.0.1:9/evil.dtd. refused" &&
	refuse dtd-file.tbx "external DTD .file:///etc/passwd. refused" &&
	refuse dtd-public.tbx "external DTD .http://127.0.0.1:9/evil.dtd. refused"
'
test_expect_success 'TBX, a parameter entity to a URL: refused' '
	refuse param.tbx "refused"
'

test_expect_success 'convert refuses hostile TBX and TMX: exit 3, one line, no output' '
	for f in laughs.tbx xxe-file.tbx xxe-public.tbx xxe-utf16.tbx dtd-url.tbx dtd-file.tbx \
		 dtd-public.tbx param.tbx xxe-url.tmx param.tmx dtd-public.tmx xxe-public.tmx; do
		fails 3 "^dadeum: error: cannot read .$f. (t[bm]x): line [0-9]*, column [0-9]*: .*refused" \
			dadeum convert "$f" conv.tsv &&
		no_output conv.tsv &&
		fails 3 "$f" dadeum convert --to tmx "$f" - || return 1
	done
'

test_expect_success 'XInclude and an internal ATTLIST are inert: /etc/passwd never read' '
	tbx "<!DOCTYPE martif [ <!ATTLIST term xml:lang CDATA \"ko\"> ]>" \
		"<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"file:///etc/passwd\" parse=\"text\"/>" >xinc.tbx &&
	copydb x.db xinc.db &&
	dadeum import --db xinc.db xinc.tbx 2>err &&
	sane err &&
	dadeum review --db xinc.db --dump >xinc.dump &&
	! grep -q "root:" xinc.dump &&
	dadeum convert xinc.tbx xinc.tmx 2>err &&
	xmllint --noout xinc.tmx &&
	! grep -q "root:" xinc.tmx
'

test_expect_success 'a TMX unit with a million <tuv> languages: import and convert, bounded' '
	many_langs "$thdr" >many.tmx &&
	test $(wc -c <many.tmx) -gt 50000000 &&
	xmllint --noout --stream many.tmx &&
	t0=$(now) &&
	timeout 40 "$DADEUM" import --db many.db many.tmx >out 2>err &&
	t1=$(now) &&
	timeout 40 "$DADEUM" convert many.tmx many.tbx >out 2>err2 &&
	t2=$(now) &&
	rm -f many.tmx &&
	echo "# a million languages: import $((t1 - t0)) s, convert $((t2 - t1)) s" >&3 &&
	sane err && sane err2 &&
	test $(wc -l <err) -le 10 &&
	dadeum lookup --db many.db --exact "public data" >out &&
	test_grep "공공 데이터" out &&
	xmllint --noout many.tbx &&
	test_grep "<term>공공 데이터</term>" many.tbx &&
	test_grep "<term>public data</term>" many.tbx
'
rm -f many.tmx

# Regression (found by this suite, since fixed): attribute values are quoted raw in warnings, so a
# character reference &#10; in xml:lang prints a line of the file's choosing,
# here a forged "dadeum: error:" line.
test_expect_success 'a warning quoting a hostile attribute stays on one line' '
	printf "%s\n<tmx version=\"1.4\">%s<body><tu><tuv xml:lang=\"ko&#10;dadeum: error: forged\"><seg>가</seg></tuv><tuv xml:lang=\"ko-KR\"><seg>공공 데이터</seg></tuv></tu></body></tmx>\n" \
		"$xhead" "$thdr" >inject.tmx &&
	copydb x.db inject.db &&
	dadeum import --db inject.db inject.tmx 2>err &&
	sane err &&
	! grep "^dadeum: error: forged" err
'

# A NUL byte in a TSV or CSV field once cut the field there silently
# ("공공\0데이터" imported as "공공"): it must be kept (as a space, as extract
# reads it) or refused with its line (1 in the TSV, 2 in the CSV after the header).
test_expect_success 'a NUL byte in a TSV/CSV field is not a silent truncation' '
	printf "공공\000데이터\tpublic\000data\n클라우드\tcloud\n" >nul.tsv &&
	printf "ko-KR,en-US\n공공\000데이터,public data\n" >nul.csv &&
	for fl in nul.tsv:1 nul.csv:2; do
		f=${fl%:*} l=${fl#*:}
		rm -f nul.db nul.db-wal nul.db-shm &&
		dadeum import --db nul.db $f >out 2>err
		st=$?
		sane err &&
		if test $st = 0; then
			dadeum review --db nul.db --dump >nul.dump &&
			test_grep "데이터" nul.dump
		else
			test $st = 3 && test_grep "^dadeum: error: .*$f.*line $l\|^dadeum: error: .*$f.*:$l:" err
		fi || return 1
	done
'

test_expect_success 'import, convert: bad UTF-8 and UTF-16 in TSV and CSV, exit 3 at the offset' '
	printf "공공 데이터\tpublic data\n인공지능\tartificial intelligence\n" >ok.tsv &&
	test $(wc -c <ok.tsv) = 66 &&
	{ cat ok.tsv && printf "클라\377우드\tcloud\n"; } >bad8.tsv &&
	{ printf "ko-KR,en-US\n" && tr "\t" "," <ok.tsv && printf "클라\300\200우드,cloud\n"; } >bad8.csv &&
	{ printf "\376\377" && iconv -f utf-8 -t utf-16be ok.tsv && printf "\334\000\000\t\000A\000\n"; } >surr16.tsv &&
	{ printf "\377\376" && iconv -f utf-8 -t utf-16le ok.tsv && printf "A"; } >odd16.tsv &&
	for c in bad8.tsv:tsv:utf-8:72 bad8.csv:csv:utf-8:84 surr16.tsv:tsv:utf-16be:98 \
		 odd16.tsv:tsv:utf-16le:98; do
		f=${c%%:*} rest=${c#*:} &&
		fmt=${rest%%:*} rest=${rest#*:} &&
		enc=${rest%%:*} off=${rest#*:} &&
		fails 3 "^dadeum: error: cannot import .$f. ($fmt): .*$enc at byte $off; nothing imported" \
			dadeum import --db x.db $f &&
		unchanged x.db &&
		fails 3 "^dadeum: error: cannot read .$f. ($fmt): .*$enc at byte $off" \
			dadeum convert $f conv.tmx &&
		no_output conv.tmx || return 1
	done
'

# ---- unreadable inputs --------------------------------------------------------

test_expect_success 'import, convert, ingest, check: a missing file, exit 3, termbase unchanged' '
	fails 3 "^dadeum: error: .*no-such.tmx.*No such file" dadeum import --db x.db no-such.tmx &&
	unchanged x.db &&
	fails 3 "^dadeum: error: .*no-such.tmx.*No such file" dadeum convert no-such.tmx conv.tbx &&
	no_output conv.tbx &&
	fails 3 "^dadeum: error: .*no-such.txt.*No such file" dadeum ingest --db x.db no-such.txt &&
	unchanged x.db &&
	fails 3 "^dadeum: error: .*no-such.jsonl.*No such file" dadeum ingest --db x.db --from-jsonl no-such.jsonl &&
	unchanged x.db &&
	test_must_fail dadeum check --db x.db no-such.txt >out 2>err &&
	sane err && test_grep "no-such.txt" err
'

test_expect_success 'import, convert, ingest, check: a directory, exit 3, termbase unchanged' '
	mkdir -p adir.tmx &&
	fails 3 "^dadeum: error: .*adir.tmx.*Is a directory" dadeum import --db x.db adir.tmx &&
	unchanged x.db &&
	fails 3 "^dadeum: error: .*adir.tmx.*Is a directory" dadeum convert adir.tmx conv.tbx &&
	no_output conv.tbx &&
	fails 3 "^dadeum: error: .*adir.tmx.*Is a directory" dadeum convert --from tmx adir.tmx conv.tbx &&
	fails 3 "^dadeum: error: .*adir.tmx.*Is a directory" dadeum ingest --db x.db adir.tmx &&
	fails 3 "^dadeum: error: .*adir.tmx.*Is a directory" dadeum ingest --db x.db --from-jsonl adir.tmx &&
	unchanged x.db &&
	test_must_fail dadeum check --db x.db adir.tmx >out 2>err &&
	sane err && test_grep "adir.tmx" err
'

if is_root; then
	test_skip 'import, convert, ingest: an unreadable file (chmod 000), exit 3' \
		'running as root: chmod 000 does not stop reading'
else
	test_expect_success 'import, convert, ingest: an unreadable file (chmod 000), exit 3' '
		cp ref.tmx secret.tmx && cp doc.txt secret.txt &&
		chmod 000 secret.tmx secret.txt &&
		fails 3 "^dadeum: error: .*secret.tmx.*Permission denied" dadeum import --db x.db secret.tmx &&
		unchanged x.db &&
		fails 3 "^dadeum: error: .*secret.tmx.*Permission denied" dadeum convert secret.tmx conv.tbx &&
		no_output conv.tbx &&
		fails 3 "^dadeum: error: .*secret.txt.*Permission denied" dadeum ingest --db x.db secret.txt &&
		unchanged x.db
	'
fi

# ---- unwritable outputs --------------------------------------------------------

test_expect_success 'export, convert: -o under a missing directory, exit 4, nothing created' '
	fails 4 "^dadeum: error: cannot write .no/such/dir/x.tmx.: No such file" \
		dadeum export --db t.db -o no/such/dir/x.tmx &&
	fails 4 "^dadeum: error: cannot write .no/such/dir/x.tmx.: No such file" \
		dadeum convert ref.tmx no/such/dir/x.tmx &&
	fails 4 "^dadeum: error: cannot write .no/such/dir/x.txt.: " \
		dadeum check --db t.db --fix -o no/such/dir/x.txt doc.txt &&
	test ! -e no
'

test_expect_success 'export, convert, extract, check --fix: a directory as the output, exit 4' '
	mkdir -p outdir &&
	echo keep >outdir/keep &&
	fails 4 "^dadeum: error: cannot write .outdir.: Is a directory" dadeum export --db t.db -o outdir &&
	fails 4 "^dadeum: error: cannot write .outdir/.: " dadeum export --db t.db -o outdir/ &&
	fails 4 "^dadeum: error: cannot write .outdir.: Is a directory" dadeum convert --to tmx ref.tmx outdir &&
	fails 4 "^dadeum: error: cannot write .outdir.: Is a directory" dadeum extract -o outdir doc.txt &&
	fails 4 "^dadeum: error: cannot write .outdir.: Is a directory" dadeum check --db t.db --fix -o outdir doc.txt &&
	test -d outdir &&
	ls -a outdir >list &&
	printf ".\n..\nkeep\n" >expect &&
	test_cmp expect list &&
	no_temp outdir
'

if is_root; then
	test_skip 'convert, check --fix: a read-only directory, exit 4, old file kept' \
		'running as root: a read-only directory is writable'
else
	test_expect_success 'convert, check --fix: a read-only directory, exit 4, old file kept' '
		mkdir -p ro &&
		echo old >ro/out.tbx && echo old >ro/fixed.txt &&
		chmod 555 ro &&
		fails 4 "^dadeum: error: cannot write .ro/out.tbx.: Permission denied" \
			dadeum convert ref.tmx ro/out.tbx &&
		fails 4 "^dadeum: error: cannot write .ro/fixed.txt.: Permission denied" \
			dadeum check --db t.db --fix -o ro/fixed.txt doc.txt &&
		chmod 755 ro &&
		echo old >expect &&
		test_cmp expect ro/out.tbx &&
		test_cmp expect ro/fixed.txt
	'
	chmod 755 ro 2>/dev/null
fi

# Regression (found by this suite, since fixed): -o always writes a temporary file and renames it over
# the target, so a device node given as the output is replaced by a regular
# file. As root, "dadeum export -o /dev/null" replaces /dev/null itself. Tested
# on a copy of /dev/null made with mknod in the scratch directory.
if mknod nulldev.probe c 1 3 2>/dev/null; then
	rm -f nulldev.probe
	test_expect_success '-o a character device (a copy of /dev/null): still a device after' '
		mknod nulldev c 1 3 &&
		for cmd in "export --db t.db -o nulldev" "convert --to tmx ref.tmx nulldev" \
			   "extract -o nulldev doc.txt"; do
			dadeum $cmd >out 2>err
			st=$?
			sane err || return 1
			if ! test -c nulldev; then
				say_fail "dadeum $cmd (exit $st) replaced the device node: $(ls -l nulldev)"
				return 1
			fi
		done
	'
else
	test_skip '-o a character device (a copy of /dev/null): still a device after' \
		'mknod is not permitted here'
fi

# ---- a full disk: a file size limit makes write(2) fail with EFBIG --------------

test_expect_success 'export under a full disk: exit 4, old file unchanged, no temp file, no new file' '
	for f in tmx tbx tbx3 tsv csv md html; do
		echo "old $f" >full.$f && cp full.$f full.$f.before &&
		fails 4 "^dadeum: error: cannot write .full.$f.: File too large\$" \
			limited 65536 dadeum export --db t.db --format $f -o full.$f &&
		test_cmp full.$f.before full.$f &&
		no_temp full.$f || return 1
	done &&
	for f in tmx html; do
		fails 4 "^dadeum: error: cannot write .new.$f.: File too large\$" \
			limited 65536 dadeum export --db t.db -o new.$f &&
		no_output new.$f || return 1
	done
'

test_expect_success 'export to a full standard output: exit 4' '
	fails 4 "^dadeum: error: cannot write .standard output.: File too large\$" \
		limited 65536 dadeum export --db t.db
'

test_expect_success 'convert under a full disk: exit 4, old file unchanged, no temp file' '
	for f in tbx tmx csv; do
		echo "old $f" >conv.$f && cp conv.$f conv.$f.before &&
		fails 4 "^dadeum: error: cannot write .conv.$f.: File too large\$" \
			limited 65536 dadeum convert ref.tmx conv.$f &&
		test_cmp conv.$f.before conv.$f &&
		no_temp conv.$f || return 1
	done
'

test_expect_success 'extract -o under a full disk (tsv, jsonl): exit 4, old file unchanged' '
	cat g1.txt g2.txt g1.txt g2.txt >gg.txt &&
	echo old >ex.tsv && cp ex.tsv ex.before &&
	fails 4 "^dadeum: error: cannot write .ex.tsv.: File too large\$" \
		limited 65536 dadeum extract -o ex.tsv gg.txt &&
	test_cmp ex.before ex.tsv && no_temp ex.tsv &&
	fails 4 "^dadeum: error: cannot write .ex.tsv.: File too large\$" \
		limited 65536 dadeum extract --format jsonl -o ex.tsv gg.txt &&
	test_cmp ex.before ex.tsv && no_temp ex.tsv &&
	fails 4 "^dadeum: error: cannot write .ex.jsonl.: File too large\$" \
		limited 65536 dadeum extract --format jsonl -o ex.jsonl -j 2 g1.txt g2.txt gg.txt &&
	no_output ex.jsonl
'

test_expect_success 'extract to a full standard output: exit 4' '
	fails 4 "^dadeum: error: cannot write .<stdout>.: File too large\$" \
		limited 65536 dadeum extract gg.txt
'

test_expect_success 'check --fix -o under a full disk: exit 4, old file unchanged' '
	awk "BEGIN { for (i = 0; i < 3000; i++) print \"정부는 관련 정책을 꾸준히 추진한다고 밝혔다.\" }" >draft.txt &&
	dadeum check --db t.db --fix -o fixed.txt draft.txt &&
	test_cmp draft.txt fixed.txt &&
	echo old >fixed.txt && cp fixed.txt fixed.before &&
	fails 4 "^dadeum: error: cannot write .fixed.txt.: File too large\$" \
		limited 65536 dadeum check --db t.db --fix -o fixed.txt draft.txt &&
	test_cmp fixed.before fixed.txt && no_temp fixed.txt
'

test_expect_success 'setup: documents and a TMX too big for the limit' '
	gen 3 3000 >g3.txt &&
	gen 4 3000 >g4.txt &&
	dadeum ingest --db g4.db g4.txt &&
	dadeum export --db g4.db -o g4.tmx
'

test_expect_success 'ingest under a full disk: exit 4, termbase unchanged and usable' '
	copydb t.db full.db &&
	snap full.db &&
	test_expect_code 4 limited 65536 dadeum ingest --db full.db g3.txt >out 2>err &&
	sane err && test $(wc -l <err) = 1 &&
	test_grep "^dadeum: error: .*g3.txt" err &&
	unchanged full.db &&
	dadeum lookup --db full.db --exact SYS1X5 >out &&
	dadeum ingest --db full.db g3.txt &&
	dadeum lookup --db full.db --exact SYS3X2999 >out
'

test_expect_success 'import under a full disk: exit 4, termbase unchanged and usable' '
	copydb t.db full.db &&
	snap full.db &&
	test_expect_code 4 limited 65536 dadeum import --db full.db g4.tmx >out 2>err &&
	sane err && test $(wc -l <err) = 1 &&
	test_grep "^dadeum: error: .*g4.tmx" err &&
	unchanged full.db &&
	dadeum lookup --db full.db --exact SYS1X5 >out &&
	dadeum import --db full.db g4.tmx &&
	dadeum lookup --db full.db --exact SYS4X2999 >out
'

# Regression (found by this suite, since fixed): the error is "cannot store 'g3.txt': cannot update the
# termbase: disk I/O error": it names neither the termbase file that could not
# be written nor the cause (EFBIG, "File too large", or a full disk).
test_expect_success 'ingest under a full disk: the message names the termbase file' '
	copydb t.db named.db &&
	test_expect_code 4 limited 65536 dadeum ingest --db named.db g3.txt >out 2>err &&
	test_grep "named.db" err
'

test_expect_success 'more than 256 bracket groups on a line: a warning names the line, nothing dropped silently' '
	awk "BEGIN { printf \"첫 줄\\n\"; for (i = 0; i < 300; i++) printf \"용어%d(T%d) \", i, i; printf \"\\n\" }" >groups.txt &&
	dadeum extract groups.txt >out 2>err &&
	test_grep "^dadeum: warning: groups.txt:2: 44 bracket group(s) beyond the first 256 on a line not read\$" err &&
	test "$(wc -l <err)" = 1
'

test_expect_success 'a file with 300 different warnings: 100 of them, then one saying the rest are not shown' '
	{ echo "<tmx version=\"1.4\"><header srclang=\"ko-KR\"/><body><tu>" &&
	  i=1 && while [ $i -le 300 ]; do echo "<tuv xml:lang=\"ko_$i\"><seg>가</seg></tuv>"; i=$((i + 1)); done &&
	  echo "</tu></body></tmx>"; } >warn300.tmx &&
	dadeum convert warn300.tmx warn300.tsv 2>err &&
	test "$(wc -l <err)" = 101 &&
	test_grep "^dadeum: warning: warn300.tmx:[0-9]*:1: more than 100 different warnings: the rest are not shown\$" err
'

test_expect_success '--encoding euc-kr: the error names euc-kr, not the cp949 that decodes it' '
	printf "\260\241\377\377\n" >badeuc.txt &&
	test_expect_code 3 dadeum extract --encoding euc-kr badeuc.txt >out 2>err &&
	test_grep "^dadeum: error: cannot decode .badeuc.txt. as euc-kr at byte 2\$" err
'

test_expect_success 'a pair on a 120 KB line: its JSONL context is a window around the gloss, not the line' '
	awk "BEGIN { for (i = 0; i < 10000; i++) printf \"가나다 \"; printf \"인터넷 기반 자원 공유(클라우드) 보안 \"; for (i = 0; i < 10000; i++) printf \"라마바 \"; printf \"\\n\" }" >wide.txt &&
	dadeum extract --format jsonl -o wide.jsonl wide.txt &&
	test "$(wc -l <wide.jsonl)" = 1 &&
	test "$(wc -c <wide.jsonl)" -lt 5000 &&
	test_grep "\"context\":\"…[^\"]*공유(클라우드) 보안[^\"]*…\"" wide.jsonl
'

test_expect_success 'a 10,000-syllable word before a gloss is not a term (and --explain says why)' '
	awk "BEGIN { for (i = 0; i < 10000; i++) printf \"가\"; printf \"(클라우드) 기반\\n인터넷 기반 자원 공유(클라우드)\\n\" }" >longword.txt &&
	dadeum extract --explain -o longword.tsv longword.txt 2>err &&
	test "$(wc -l <longword.tsv)" = 2 &&
	test_grep "^longword.txt	2	[^	]*자원 공유	클라우드	" longword.tsv &&
	test_grep "^longword.txt:1: skipped .*: Korean side longer than 60 characters\$" err
'

test_expect_success 'a line wrapped before a bracket: only 160 bytes of the line before are read' '
	awk "BEGIN { for (i = 0; i < 50000; i++) printf \"가\"; printf \"\\n(Pre-Budget Consultation)의 도입\\n\" }" >wrap1.txt &&
	dadeum extract --explain wrap1.txt >wrap1.out 2>wrap1.err &&
	test_grep "no term before the bracket" wrap1.err &&
	awk "BEGIN { for (i = 0; i < 50000; i++) printf \"가\"; printf \" 사전예산제도\\n   (Pre-Budget Consultation)의 도입\\n\" }" >wrap2.txt &&
	dadeum extract wrap2.txt >wrap2.out &&
	test_grep "	사전예산제도	Pre-Budget Consultation	" wrap2.out
'

test_expect_success 'a bracket of 200,000 "A." is read once, not again at every full stop' '
	awk "BEGIN { printf \"가나다(\"; for (i = 0; i < 200000; i++) printf \"A.\"; printf \")\\n인터넷 기반 자원 공유(클라우드)\\n\" }" >dots.txt &&
	timeout 30 "$DADEUM" extract dots.txt >dots.out &&
	test_grep "^dots.txt	2	[^	]*자원 공유	클라우드	" dots.out
'

test_expect_success 'a word of 100,000 hyphenated syllables before an English gloss' '
	awk "BEGIN { for (i = 0; i < 100000; i++) printf \"가-\"; printf \"가(Foo Bar Baz)\\n인터넷 기반 자원 공유(클라우드)\\n\" }" >hyph.txt &&
	timeout 30 "$DADEUM" extract hyph.txt >hyph.out &&
	test_grep "^hyph.txt	2	[^	]*자원 공유	클라우드	" hyph.out
'

test_expect_success '50,000 curly quotes and dots on a line: the pair keeps the dot the line writes' '
	awk "BEGIN { for (i = 0; i < 50000; i++) printf \"‘ㆍ’ \"; printf \"아‧태 전기통신협의체(APT)\\n\" }" >marks.txt &&
	timeout 30 "$DADEUM" extract marks.txt >marks.out &&
	test_grep "	아‧태 전기통신협의체	APT	" marks.out
'

test_done
