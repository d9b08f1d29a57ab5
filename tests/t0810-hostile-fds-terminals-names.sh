#!/bin/sh
# Issue 16, points 2, 4 and 10: closed standard descriptors, terminal control
# characters in imported glossaries, and file names that are not UTF-8.
# docs/hostile-input.md lists the attacks; docs/formats.md, "Names and
# control characters", has the rule every printer follows.
#
#  - a command started with 0, 1 or 2 closed opens /dev/null there first, so
#    that no output file takes the descriptor (convert 2>&- used to write its
#    warnings into the TMX it wrote); a closed stdin given as '-' is an
#    input error (exit 3), not an empty file;
#  - C0 controls (but TAB, LF, CR), DEL and C1 controls become spaces on
#    import (TSV, CSV, TMX, JSON Lines, TSV glossaries), as extract does in
#    documents; whatever a termbase holds, lookup, review, check and the
#    md, csv, tsv and html exports write controls as \x1b, JSON as \u001b,
#    XML as a character reference: never a raw ESC, BEL or CSI;
#  - a file name is written with each undecodable byte and control as \xNN,
#    the same in TSV, JSON Lines, CSV, HTML, TMX and messages, so dadeum's
#    own import, ingest --from-jsonl and lookup --glossary read its output.
. "$(dirname "$0")/lib.sh"

ESC=$(printf '\033')
CSI=$(printf '\302\233')

# raw_controls FILE: FILE holds a C0 control other than TAB, LF, CR, a DEL
# or a C1 control (as UTF-8); shows the offending lines
raw_controls() {
	LC_ALL=C tr -d '\t\n\r' <"$1" | LC_ALL=C grep -q '[[:cntrl:]]' && {
		say_fail "raw control character in $1:"
		od -c "$1" | head -20 >&2
		return 0
	}
	LC_ALL=C grep -q "$CSI\|$(printf '\302[\200-\237]')" "$1" && {
		say_fail "raw C1 control in $1:"
		od -c "$1" | head -20 >&2
		return 0
	}
	return 1
}

# utf8 FILE: FILE is valid UTF-8
utf8() {
	iconv -f UTF-8 -t UTF-8 "$1" >/dev/null 2>&1 || {
		say_fail "$1 is not valid UTF-8"
		return 1
	}
}

cat >a.txt <<'DOC'
미지의 위험(Unknown Risk)에 대비한다.
과학기술정보통신부(이하 '과기정통부')는 발표했다.
DOC
printf '<tmx version="1.4"><header srclang="ko-KR"/><body><tu><tuv xml:lang="ko-0"><seg>구름</seg></tuv><tuv xml:lang="en-US"><seg>cloud</seg></tuv></tu></body></tmx>\n' >warn.tmx
printf 'ko\tgloss\n인터넷 기반 자원 공유\t클라우드\n' >g.tsv
printf '클라우드 서비스\n' >draft.txt

# ---- point 2: closed standard descriptors ------------------------------------------

test_expect_success 'convert 2>&-: the warnings do not land in the output file (issue 16)' '
	dadeum convert --date 2025-01-02 warn.tmx ref.tmx 2>err &&
	test_grep "warning" err &&
	dadeum convert --date 2025-01-02 warn.tmx o.tmx 2>&- &&
	! grep -q "dadeum:" o.tmx &&
	test_cmp ref.tmx o.tmx
'

test_expect_success 'extract --explain -o 2>&-: the skipped brackets do not land in the output (issue 16)' '
	printf "미지의 위험(Unknown Risk)에 대비한다.\n회의는 5월 28일(수)에 열렸다.\n" >ex.txt &&
	dadeum extract -o ref.tsv ex.txt &&
	dadeum extract --explain -o o.tsv ex.txt 2>&- &&
	test_cmp ref.tsv o.tsv &&
	dadeum extract --explain -o o.tsv ex.txt >&- 2>&- &&
	test_cmp ref.tsv o.tsv &&
	dadeum extract -o o2.tsv ex.txt missing.txt >&- 2>&-;
	test $? = 3 && test ! -e o2.tsv
'

test_expect_success 'check --fix -o with stdin closed: exit 3, no empty output (issue 16)' '
	test_expect_code 3 dadeum check --glossary g.tsv --fix -o fixed.txt - <&- 2>err &&
	test_grep "cannot read standard input: it is closed" err &&
	test ! -e fixed.txt &&
	dadeum check --glossary g.tsv --fix -o fixed.txt - <draft.txt 2>/dev/null &&
	test_grep "인터넷 기반 자원 공유(클라우드) 서비스" fixed.txt
'

test_expect_success 'every command that reads - fails on a closed stdin, exit 3 (issue 16)' '
	for cmd in "extract -" "extract -o out.tsv -" "import --db s.db --from tsv -" \
		"convert --from tsv - out.tmx" "ingest --db s.db --from-jsonl -" \
		"lookup --glossary - 클라우드" "check --glossary - draft.txt" "check --glossary g.tsv -" \
		"translit -"; do
		test_expect_code 3 dadeum $cmd <&- 2>err &&
		test_grep "standard input: it is closed" err || { echo "command: $cmd"; return 1; }
	done &&
	test ! -e out.tsv && test ! -e out.tmx && test ! -e s.db
'

test_expect_success 'closed descriptors, with nothing read from stdin: works as usual' '
	dadeum extract ex.txt <&- >out.tsv &&
	test_cmp ref.tsv out.tsv &&
	dadeum translit 클라우드 <&- 2>&- >out &&
	test_grep "cloud" out
'

# ---- point 4: control characters into terminals -------------------------------------

printf '클라우드\033]0;pwned\007\tcloud\033[2J\t#7; approved; kind=loanword; type=english; note=a\033[31mred\302\233b\n' >evil.tsv
printf 'ko-KR,en-US,note\r\n"서버\033[2J","server\302\233x","n\033]0;t\007"\r\n' >evil.csv
printf '인터넷\033[2J 기반\t클라우드\007\t#; candidate; kind=loanword; type=loanword\n' >evil2.tsv
printf '<tmx version="1.4"><header srclang="ko-KR"/><body><tu><note>c\302\2332J</note><tuv xml:lang="ko-KR"><seg>망\302\233</seg></tuv><tuv xml:lang="en-US"><seg>net\302\2332J</seg></tuv></tu></body></tmx>\n' >evil.tmx

test_expect_success 'import: controls in TSV, CSV and TMX become spaces (issue 16)' '
	dadeum import --db e.db evil.tsv evil.csv evil.tmx evil2.tsv &&
	dadeum review --db e.db --dump >dump &&
	! raw_controls dump &&
	test_grep "클라우드 ]0;pwned" dump &&
	dadeum export --db e.db --format csv -o e.csv &&
	! raw_controls e.csv &&
	test_grep "^서버 \\[2J,server x,[0-9]*,candidate" e.csv &&
	test_grep "a \\[31mred b" e.csv &&
	test_grep "^망,net 2J" e.csv
'

test_expect_success 'lookup, review, check and exports of that termbase write no control (issue 16)' '
	dadeum lookup --db e.db 클라우드 >out &&
	! raw_controls out &&
	dadeum lookup --db e.db --format tsv 서버 >out &&
	! raw_controls out &&
	dadeum review --db e.db >out &&
	! raw_controls out &&
	test_expect_code 1 dadeum check --db e.db draft.txt >out &&
	! raw_controls out &&
	test_grep "^draft.txt:1:1: 클라우드 → 인터넷 \[2J 기반(클라우드)" out &&
	for f in md csv tsv html tmx tbx; do
		dadeum export --db e.db --format $f -o e.$f && ! raw_controls e.$f || return 1
	done
'

test_expect_success 'ingest --from-jsonl and --glossary TSV: \u001b and raw ESC become spaces (issue 16)' '
	printf "{\"file\":\"j.txt\",\"line\":1,\"ko\":\"인터넷\\\\u001b[2J 망\",\"gloss\":\"net\\\\u009b\",\"kind\":\"english\",\"context\":\"x\\\\u0007y\"}\n" >j.jsonl &&
	dadeum ingest --db j.db --from-jsonl j.jsonl &&
	dadeum lookup --db j.db net >out &&
	! raw_controls out &&
	test_grep "인터넷 \\[2J 망 ↔ net" out &&
	printf "ko\tgloss\n인터넷\033[2J 기반\t클라우드\007\n" >eg.tsv &&
	dadeum lookup --glossary eg.tsv 클라우드 >out &&
	! raw_controls out &&
	test_expect_code 1 dadeum check --glossary eg.tsv draft.txt >out &&
	! raw_controls out &&
	test_grep "^draft.txt:1:1: 클라우드 → 인터넷 \[2J 기반(클라우드)" out
'

test_expect_success 'what a termbase already holds is escaped by every printer (issue 16)' '
	dadeum lookup --db e.db --format tsv 클라우드 >out &&
	id=$(awk -F "\t" "NR == 2 { print \$1 }" out) &&
	dadeum set --db e.db "$id" --note "$(printf "x\033[2Jy\302\233z")" --en "$(printf "clo\033ud")" >/dev/null &&
	dadeum lookup --db e.db 클라우드 >out &&
	! raw_controls out &&
	test_grep "note: x\\\\x1b\\[2Jy\\\\xc2\\\\x9bz" out &&
	test_grep "clo\\\\x1bud" out &&
	dadeum review --db e.db --format tsv >out &&
	! raw_controls out &&
	dadeum review --db e.db --dump >out &&
	! raw_controls out &&
	dadeum lookup --db e.db --format json 클라우드 >out &&
	test_grep "x\\\\u001b\\[2Jy\\\\u009bz" out &&
	for f in md csv tsv html tmx tbx; do
		dadeum export --db e.db --format $f -o h.$f && ! raw_controls h.$f || return 1
	done &&
	test_grep "x\\\\x1b\\[2Jy" h.tsv &&
	test_grep "x&#x1B;\\|x\\[2Jy&#x9B;z" h.tmx
'

test_expect_success 'extract: DEL and C1 controls in a document become spaces, like C0 (issue 16)' '
	printf "미지의\302\233 위험(Unknown\177Risk)에 대비한다.\n" >c1.txt &&
	dadeum extract --format jsonl c1.txt >out &&
	! raw_controls out &&
	! grep -q "u009b\\|u007f" out &&
	test_grep "Unknown Risk" out
'

# ---- point 10: file names that are not UTF-8 -------------------------------------

NAME=$(printf 'caf\351\033]0;t\007.txt')
SHOWN='caf\xe9\x1b]0;t\x07.txt'
SHOWN_RE='caf\\xe9\\x1b\]0;t\\x07\.txt'

test_expect_success 'extract: a name with undecodable bytes and controls is escaped, output UTF-8 (issue 16)' '
	cp a.txt "$NAME" &&
	dadeum extract --format jsonl "$NAME" >n.jsonl &&
	utf8 n.jsonl && ! raw_controls n.jsonl &&
	grep -F "\"file\":\"caf\\\\xe9\\\\x1b]0;t\\\\x07.txt\"" n.jsonl &&
	dadeum extract "$NAME" >n.tsv &&
	utf8 n.tsv && ! raw_controls n.tsv &&
	test_grep "^$SHOWN_RE	1	" n.tsv
'

test_expect_success 'dadeum reads back what it wrote: ingest --from-jsonl, import, lookup --glossary (issue 16)' '
	dadeum ingest --db n.db --from-jsonl n.jsonl &&
	dadeum import --db n2.db n.tsv &&
	dadeum lookup --glossary n.tsv Unknown >out &&
	test_grep "미지의 위험" out
'

test_expect_success 'the name is written the same way in every format (issue 16)' '
	dadeum ingest --db n3.db "$NAME" &&
	dadeum lookup --db n3.db Unknown >out &&
	utf8 out && ! raw_controls out && grep -F "($SHOWN:1)" out &&
	dadeum lookup --db n3.db --format json Unknown >out &&
	utf8 out && grep -F "\"file\":\"caf\\\\xe9\\\\x1b]0;t\\\\x07.txt\"" out &&
	dadeum lookup --db n.db Unknown >out &&
	grep -F "($SHOWN:1)" out &&
	for f in csv html tmx tbx md tsv; do
		dadeum export --db n3.db --format $f -o n.$f &&
		utf8 n.$f && ! raw_controls n.$f || return 1
	done &&
	grep -F ",$SHOWN:1," n.csv &&
	grep -F "<cite>$SHOWN:1</cite>" n.html &&
	grep -F "<note>source: $SHOWN:1</note>" n.tmx &&
	printf "Unknown Risk\n" >"$NAME" &&
	printf "ko\tgloss\n미지의 위험\tUnknown Risk\n" >u.tsv &&
	test_expect_code 1 dadeum check --glossary u.tsv "$NAME" >out &&
	grep -F "$SHOWN:1:1: Unknown Risk" out &&
	test_expect_code 1 dadeum check --glossary u.tsv --format json "$NAME" >out &&
	utf8 out && grep -F "\"file\":\"caf\\\\xe9\\\\x1b]0;t\\\\x07.txt\"" out
'

test_expect_success 'messages quote such names escaped too (issue 16)' '
	test_expect_code 3 dadeum extract "$NAME.missing" 2>err &&
	utf8 err && ! raw_controls err &&
	grep -F "cannot open '"'"'$SHOWN.missing'"'"'" err
'

test_done
