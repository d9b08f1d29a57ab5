#!/bin/sh
# Bounded memory (issue 16, point 9): every input is read in memory that does
# not grow with its size, and every limit is one line on stderr naming the
# file and where, with exit 3 (docs/dadeum.1, "Limits"; docs/hostile-input.md).
#
#   lines         1 MiB of decoded text (TEXT_LINE_MAX): extract, ingest, check;
#                 /dev/zero and one endless line stop at once
#   extract       occurrences are resolved in sections of 4 MiB; pairs are kept,
#                 so a long document of few distinct pairs stays small
#   XML           256 attributes per element, 64 KiB per attribute value, 256 KiB
#                 of markup expat holds whole (a tag, a comment), 1 MiB of text
#                 per TMX unit, TMX concept or TBX entry (EXCHANGE_MAX_UNIT)
#
# Peak memory (max RSS, GNU time) is asserted on the normal build only: ASan
# maps terabytes of shadow memory and keeps freed blocks in quarantine.
. "$(dirname "$0")/lib.sh"
exec 3>&1 # figures, printed as TAP comments

# sane ERR: ERR holds no sanitizer report
sane() {
	if grep -q -e "Sanitizer" -e "runtime error:" "$1"; then
		say_fail "sanitizer report in $1:"
		head -30 "$1" | sed 's/^/#     /' >&2
		return 1
	fi
}

# status_is WANT GOT PATTERN: GOT is WANT and ./err is one line matching PATTERN
status_is() {
	sane err || return 1
	if [ "$2" != "$1" ]; then
		say_fail "command exited $2, want $1"
		head -20 err | sed 's/^/#     /' >&2
		return 1
	fi
	if [ "$(wc -l <err)" != 1 ]; then
		say_fail "want one line on stderr, got $(wc -l <err)"
		head -20 err | sed 's/^/#     /' >&2
		return 1
	fi
	test_grep "$3" err
}

# fails CODE PATTERN CMD...: CMD exits CODE with exactly one line on stderr,
# matching PATTERN; its stdout is in ./out, its stderr in ./err
fails() {
	want=$1
	pat=$2
	shift 2
	"$@" >out 2>err
	status_is "$want" $? "$pat"
}

# Peak memory is measured with GNU time on the normal build.
case $DADEUM in
*/san/*) RSS= ;;
*) RSS=$(command -v /usr/bin/time || true) ;;
esac
if [ -n "$RSS" ] && ! /usr/bin/time -f %M true >/dev/null 2>&1; then
	RSS= # not GNU time
fi

# peak KB CMD...: runs CMD (its stdout in ./out, stderr in ./err) and fails
# unless its maximum resident set stayed within KB kilobytes; without GNU time
# (or under ASan) only runs it. Returns CMD's status otherwise.
peak() {
	limit=$1
	shift
	if [ -z "$RSS" ]; then
		"$@" >out 2>err
		return $?
	fi
	/usr/bin/time -o rss -f %M "$@" >out 2>err
	st=$?
	kb=$(tail -1 rss)
	echo "# peak $((kb / 1024)) MB (limit $((limit / 1024)) MB): $*" >&3
	if [ "$kb" -gt "$limit" ]; then
		say_fail "peak memory $kb KB over $limit KB: $*"
		return 125
	fi
	return $st
}

# peak_fails KB CODE PATTERN CMD...: peak and fails together
peak_fails() {
	limit=$1
	want=$2
	pat=$3
	shift 3
	peak "$limit" "$@"
	status_is "$want" $? "$pat"
}

LINE_ERR="is longer than 1048576 bytes, the limit for one line\$"

# ---- lines -------------------------------------------------------------------------

test_expect_success 'extract: a line of 1 MiB and one byte is refused, naming file and line' '
	{ printf "주요 7개국(G7) 회의\n둘째 줄\n" && head -c 1048577 /dev/zero | tr "\000" "x"; } >long.txt &&
	fails 3 "^dadeum: error: line 3 of .long.txt. $LINE_ERR" dadeum extract -o long.tsv long.txt &&
	test ! -s out &&
	test ! -e long.tsv
'

test_expect_success 'extract: a line of exactly 1 MiB is read' '
	{ head -c 1048558 /dev/zero | tr "\000" " " && printf "주요 7개국(G7)\n"; } >edge.txt &&
	test $(wc -c <edge.txt) = 1048577 &&
	dadeum extract edge.txt >out 2>err &&
	test ! -s err &&
	test_grep "^edge.txt	1	주요 7개국	G7	abbrev	1	" out
'

test_expect_success 'extract /dev/zero: refused after 1 MiB, at once' '
	test -r /dev/zero || return 0
	peak_fails 65536 3 "^dadeum: error: line 1 of ./dev/zero. $LINE_ERR" \
		timeout 20 "$DADEUM" extract /dev/zero
'

test_expect_success 'extract - on an endless line from a pipe: refused, naming <stdin>' '
	head -c 3000000 /dev/zero >zeros &&
	fails 3 "^dadeum: error: line 1 of .<stdin>. $LINE_ERR" dadeum extract - <zeros
'

test_expect_success 'ingest: a line over 1 MiB is refused, the termbase unchanged' '
	printf "주요 7개국(G7) 회의\n" >ok.txt &&
	dadeum ingest --quiet --db t.db ok.txt &&
	dadeum review --db t.db --dump >before &&
	fails 3 "^dadeum: error: line 3 of .long.txt. $LINE_ERR" dadeum ingest --quiet --db t.db long.txt &&
	dadeum review --db t.db --dump >after &&
	test_cmp before after
'

test_expect_success 'check: one 3 MB line is refused while it is read, in little memory' '
	printf "ko\ten\n인터넷 기반 자원 공유\t클라우드\n" >g.tsv &&
	awk "BEGIN { for (i = 0; i < 100000; i++) printf \"클라우드를 쓴다 \"; printf \"\\n\" }" >draft.txt &&
	test $(wc -c <draft.txt) -gt 2000000 &&
	peak_fails 32768 3 "^dadeum: error: line 1 of .draft.txt. $LINE_ERR" \
		"$DADEUM" check --glossary g.tsv draft.txt &&
	{ printf "첫 줄\r\n클라우드를 쓴다\r\n" && cat draft.txt; } >crlf.txt &&
	fails 3 "^dadeum: error: line 3 of .crlf.txt. $LINE_ERR" dadeum check --glossary g.tsv crlf.txt &&
	fails 3 "^dadeum: error: line 1 of ./dev/zero. $LINE_ERR" \
		timeout 20 "$DADEUM" check --glossary g.tsv /dev/zero
'

# ---- extract: a long document of few distinct pairs -------------------------------

# doc N: N distinct lines (numbered clauses), 500 distinct pairs, each N/500 times
doc() {
	awk -v n="$1" 'BEGIN {
		split("가 나 다 라 마 바 사 아 자 차 카 타 파 하 고 노 도 로 모 보", s, " ")
		for (i = 0; i < n; i++) {
			k = i % 500
			t = s[k % 20 + 1] s[int(k / 20) % 20 + 1] s[int(k / 400) + 1]
			printf "제%d항 정부는 새로운 %s 체계(SYS%d) 도입을 위해 관련 정책을 %d차로 추진한다고 밝혔다.\n", i, t, k, i
		}
	}'
}

test_expect_success 'extract: 50 MB of text with 500 pairs stays under 64 MB, counts right' '
	doc 400000 >big.txt &&
	test $(wc -c <big.txt) -gt 50000000 &&
	peak 65536 "$DADEUM" extract -o big.tsv big.txt &&
	sane err && test ! -s err &&
	test $(wc -l <big.tsv) = 501 &&
	test_grep "^big.txt	1	[^	]*체계	SYS0	abbrev	800	0	" big.tsv &&
	test_grep "^big.txt	500	[^	]*체계	SYS499	abbrev	800	0	" big.tsv &&
	! grep -v -e "	800	0	" -e "^file	" big.tsv
'
rm -f big.txt

test_expect_success 'extract --cross: alignment reads the first 2 MiB and says so' '
	doc 30000 >mid.txt &&
	test $(wc -c <mid.txt) -gt 3000000 &&
	peak 131072 "$DADEUM" extract --cross -o mid.tsv mid.txt &&
	test_grep "^dadeum: warning: .mid.txt.: --cross aligned only lines 1 to [0-9]* (its limit is 2097152 bytes of text)\$" err &&
	test $(wc -l <err) = 1 &&
	test $(wc -l <mid.tsv) = 501
'

# ---- XML: TMX and TBX ---------------------------------------------------------------

xhead='<?xml version="1.0" encoding="UTF-8"?>'
thdr='<header creationtool="x" creationtoolversion="1" segtype="phrase" o-tmf="x" adminlang="en" srclang="ko-KR" datatype="plaintext"/>'
tu='<tu><tuv xml:lang="ko-KR"><seg>공공 데이터</seg></tuv><tuv xml:lang="en-US"><seg>public data</seg></tuv></tu>'
# tmx BODY: a TMX file with BODY after one good unit (BODY read from stdin when -)
tmx() {
	printf '%s\n<tmx version="1.4">%s<body>%s\n' "$xhead" "$thdr" "$tu"
	if [ "$1" = - ]; then cat; else printf '%s' "$1"; fi
	printf '\n</body></tmx>\n'
}
# As (N): N bytes of A
As() { head -c "$1" /dev/zero | tr "\000" A; }
# kos N: N bytes of Hangul (3 bytes a syllable)
kos() { head -c "$(($1 / 3))" /dev/zero | tr "\000" x | sed "s/x/가/g"; }

refused() { # refused FILE PATTERN [KB]: convert FILE refuses it, exit 3, naming the file
	peak_fails "${3:-20480}" 3 \
		"^dadeum: error: cannot read .$1. (t[mb]x): line [0-9]*, column [0-9]*: $2" \
		"$DADEUM" convert "$1" "$1.tsv" &&
	test ! -e "$1.tsv"
}

test_expect_success 'TMX: a 50 MB attribute is refused in under 20 MB' '
	{ printf "<tu tuid=\"" && As 50000000 && printf "\">%s" "${tu#<tu>}"; } | tmx - >attr.tmx &&
	refused attr.tmx "markup (a tag, comment or processing instruction) longer than 262144 bytes"
'

test_expect_success 'TMX: an attribute of 100 KB is refused' '
	{ printf "<tu tuid=\"" && As 100000 && printf "\">%s" "${tu#<tu>}"; } | tmx - >attr100k.tmx &&
	refused attr100k.tmx "attribute .tuid. of <tu> longer than 65536 bytes"
'

test_expect_success 'TMX: a million attributes, and 1,000, are refused in under 20 MB' '
	awk -v tu="${tu#<tu>}" "BEGIN { printf \"<tu\"; for (i = 0; i < 1000000; i++) printf \" a%d=\\\"x\\\"\", i; printf \">%s\", tu }" |
		tmx - >attrs.tmx &&
	refused attrs.tmx "markup (a tag, comment or processing instruction) longer than 262144 bytes" &&
	awk -v tu="${tu#<tu>}" "BEGIN { printf \"<tu\"; for (i = 0; i < 1000; i++) printf \" a%d=\\\"x\\\"\", i; printf \">%s\", tu }" |
		tmx - >attrs1k.tmx &&
	refused attrs1k.tmx "element <tu> has more than 256 attributes"
'

test_expect_success 'TMX: a comment of 2 MB is refused' '
	{ printf "<!-- " && As 2000000 && printf " -->"; } | tmx - >comment.tmx &&
	refused comment.tmx "markup (a tag, comment or processing instruction) longer than 262144 bytes"
'

test_expect_success 'TMX: 40 segments of 0.9 MB in one unit are refused in under 20 MB' '
	seg=$(kos 900000) &&
	i=0 &&
	while [ $i -lt 40 ]; do
		printf "<tuv xml:lang=\"ko-KR\"><seg>%s</seg></tuv>\n" "$seg" && i=$((i + 1)) || return 1
	done >segs &&
	{ printf "<tu>" && cat segs && printf "<tuv xml:lang=\"en-US\"><seg>x</seg></tuv></tu>"; } | tmx - >segs.tmx &&
	test $(wc -c <segs.tmx) -gt 36000000 &&
	refused segs.tmx "unit holds more than 1048576 bytes of text"
'

test_expect_success 'TMX: one segment split by tags, and notes of one unit, count as one' '
	seg=$(kos 600000) &&
	printf "<tu><tuv xml:lang=\"ko-KR\"><seg>%s<hi/>%s</seg></tuv></tu>" "$seg" "$seg" | tmx - >split.tmx &&
	refused split.tmx "unit holds more than 1048576 bytes of text" &&
	printf "<tu><note>%s</note><note>%s</note>%s" "$seg" "$seg" "${tu#<tu>}" | tmx - >notes.tmx &&
	refused notes.tmx "unit holds more than 1048576 bytes of text"
'

test_expect_success 'TMX: the variants of a unit count for it too, short segments and all' '
	awk "BEGIN { printf \"<tu>\"; for (i = 0; i < 40000; i++) printf \"<tuv xml:lang=\\\"ko-KR\\\"><seg>가</seg></tuv>\\n\"; printf \"</tu>\" }" |
		tmx - >variants.tmx &&
	refused variants.tmx "unit holds more than 1048576 bytes of text"
'

test_expect_success 'TMX: units of one concept may not grow it past 1 MiB' '
	awk "BEGIN { for (i = 0; i < 20000; i++) printf \"<tu><prop type=\\\"x-concept-id\\\">7</prop><tuv xml:lang=\\\"ko-KR\\\"><seg>공공 데이터</seg></tuv><tuv xml:lang=\\\"en-US\\\"><seg>public data %d %s</seg></tuv></tu>\\n\", i, \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\" }" |
		tmx - >concept.tmx &&
	refused concept.tmx "the units of one concept hold more than 1048576 bytes of text"
'

test_expect_success 'TMX: a unit of 200,000 languages converts in under 20 MB' '
	awk "BEGIN { printf \"<tu>\"; for (i = 0; i < 200000; i++) printf \"<tuv xml:lang=\\\"x-l%d\\\"><seg>s%d</seg></tuv>\\n\", i, i; printf \"<tuv xml:lang=\\\"ko-KR\\\"><seg>개방형 데이터</seg></tuv><tuv xml:lang=\\\"en-US\\\"><seg>open data</seg></tuv></tu>\" }" |
		tmx - >langs.tmx &&
	peak 20480 "$DADEUM" convert langs.tmx langs.tbx &&
	sane err &&
	test_grep "<term>개방형 데이터</term>" langs.tbx &&
	test_grep "<term>open data</term>" langs.tbx
'

test_expect_success 'TMX: a segment of 1 MB (under the limits) is still read' '
	printf "<tu><tuv xml:lang=\"ko-KR\"><seg>%s</seg></tuv><tuv xml:lang=\"en-US\"><seg>x</seg></tuv></tu>" "$(kos 1000000)" |
		tmx - >seg1m.tmx &&
	peak 20480 "$DADEUM" convert seg1m.tmx seg1m.tbx &&
	test_grep "<term>public data</term>" seg1m.tbx
'

# tbx ENTRY: a TBX-Basic file with a good entry and ENTRY (from stdin when -)
tbx() {
	printf '%s\n<martif type="TBX-Basic" xml:lang="en"><text><body>' "$xhead"
	printf '<termEntry id="c1"><langSet xml:lang="ko-KR"><tig><term>공공 데이터</term></tig></langSet><langSet xml:lang="en-US"><tig><term>public data</term></tig></langSet></termEntry>\n'
	if [ "$1" = - ]; then cat; else printf '%s' "$1"; fi
	printf '\n</body></text></martif>\n'
}

test_expect_success 'TBX: 40 terms of 0.9 MB in one entry, and a term split by tags, are refused' '
	seg=$(kos 900000) &&
	i=0 &&
	while [ $i -lt 40 ]; do
		printf "<tig><term>%d%s</term></tig>\n" $i "$seg" && i=$((i + 1)) || return 1
	done >terms &&
	{ printf "<termEntry><langSet xml:lang=\"ko\">" && cat terms && printf "</langSet></termEntry>"; } | tbx - >terms.tbx &&
	refused terms.tbx "entry holds more than 1048576 bytes of text" &&
	seg=$(kos 600000) &&
	printf "<termEntry><langSet xml:lang=\"ko\"><tig><term>%s<hi/>%s</term></tig></langSet></termEntry>" "$seg" "$seg" |
		tbx - >split.tbx &&
	refused split.tbx "entry holds more than 1048576 bytes of text"
'

test_expect_success 'TBX: a 50 MB attribute is refused in under 20 MB' '
	{ printf "<termEntry id=\"" && As 50000000 && printf "\"><langSet xml:lang=\"ko\"><tig><term>용어</term></tig></langSet></termEntry>"; } |
		tbx - >attr.tbx &&
	refused attr.tbx "markup (a tag, comment or processing instruction) longer than 262144 bytes"
'

test_expect_success 'TBX: an entry of 200,000 languages converts in under 20 MB' '
	awk "BEGIN { printf \"<termEntry>\"; for (i = 0; i < 200000; i++) printf \"<langSet xml:lang=\\\"x-l%d\\\"><tig><term>t</term></tig></langSet>\\n\", i; printf \"<langSet xml:lang=\\\"ko\\\"><tig><term>개방형 데이터</term></tig></langSet><langSet xml:lang=\\\"en\\\"><tig><term>open data</term></tig></langSet></termEntry>\" }" |
		tbx - >langs.tbx &&
	peak 20480 "$DADEUM" convert langs.tbx langs.tmx &&
	sane err &&
	test_grep "<seg>개방형 데이터</seg>" langs.tmx
'

test_expect_success 'import: a hostile TMX is refused the same way, the termbase unchanged' '
	dadeum import --db t.db seg1m.tmx 2>/dev/null &&
	dadeum review --db t.db --dump >before &&
	fails 3 "unit holds more than 1048576 bytes of text" dadeum import --db t.db segs.tmx &&
	dadeum review --db t.db --dump >after &&
	test_cmp before after
'

test_done
