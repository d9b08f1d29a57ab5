#!/bin/sh
# `dadeum extract` output: the TSV and JSON Lines formats, -o and its atomic
# write, deterministic order, several files, --explain, and pathological
# inputs (a line of nearly 1 MiB, 10,000 nested brackets) under a timeout.
. "$(dirname "$0")/lib.sh"

HEADER='file	line	ko	gloss	kind	count	reversed	en	abbr	confidence	evidence	source'
printf '%s\n' "$HEADER" >header

# Every kind of row: a short form, an acronym with its expansion, a reversed
# pair, a loanword, a repeated pair (count 2), and rejected brackets.
cat >doc.txt <<'EOF'
과학기술정보통신부(장관 유상임, 이하 '과기정통부')는 18일 밝혔다.
한국인터넷진흥원(KISA, Korea Internet & Security Agency)은 "보안"을 강조했다.
ICT(정보통신기술) 분야의 투자가 늘었다.
경로 C:\Users 와 3대 국면전환요소(게임체인저)를 발표했다.
보도시점 2025. 5. 28.(수) 16:00, 기술(AGI 등)
주요 7개국(G7) 회의에 이어 주요 7개국(G7) 정상회의가 열렸다.
EOF

cat >b.txt <<'EOF'
우수 기업의 해결책 (솔루션)을 지원한다.
EOF

cat >c.txt <<'EOF'
초청국 분과（세션）에서 발언했다.
소프트웨어(SW)중심대학협의회가 참석했다.
EOF

# ---- TSV -----------------------------------------------------------------------

test_expect_success 'TSV: the header names the twelve columns' '
	dadeum extract doc.txt >out &&
	head -n 1 out >first &&
	test_cmp header first
'

# The confidence of a transliteration (column 10) belongs to the transliterator's
# ranking (tests/t0400-translit.sh); here it only has to be a number in (0, 1].
# 게임체인저 is in the plain-words lexicon; 솔루션 and 세션 are transliterated.
test_expect_success 'TSV: the expected rows' '
	dadeum extract doc.txt >out &&
	cut -f1-9,11- out >got &&
	cut -f1-9,11- header - >expect <<-\EOF &&
	doc.txt	1	과학기술정보통신부	과기정통부	shortform	1	0	Ministry of Science and ICT	MSIT	0.85	lexicon	bracket
	doc.txt	2	한국인터넷진흥원	KISA	abbrev	1	0	Korea Internet & Security Agency	KISA	0.95	corpus	bracket
	doc.txt	3	정보통신기술	ICT	abbrev	1	1	Information and Communications Technology	ICT	0.90	lexicon	bracket
	doc.txt	4	국면전환요소	게임체인저	loanword	1	0	game changer		0.95	lexicon	bracket
	doc.txt	6	주요 7개국	G7	abbrev	2	0	Group of Seven	G7	0.90	lexicon	bracket
	EOF
	test_cmp expect got &&
	grep -v translit out | cut -f10 | sed 1d >conf &&
	printf "0.85\n0.95\n0.90\n0.95\n0.90\n" >expect-conf &&
	test_cmp expect-conf conf &&
	dadeum extract b.txt c.txt | grep "	translit	" | cut -f10 >tconf &&
	test "$(wc -l <tconf)" -eq 2 &&
	awk "!(\$1 > 0 && \$1 <= 1) { bad = 1 } END { exit bad }" tconf
'

test_expect_success 'TSV: every row has twelve fields' '
	dadeum extract doc.txt b.txt c.txt >out &&
	test $(wc -l <out) -ge 8 &&
	awk -F "\t" "NF != 12 { print NR \": \" NF \" fields\"; bad = 1 } END { exit bad }" out
'

test_expect_success 'TSV: a TAB in the file name is written \x09 (as in every format), still twelve fields' '
	cp b.txt "tab	name.txt" &&
	dadeum extract "tab	name.txt" >out &&
	awk -F "\t" "NF != 12 { bad = 1 } END { exit bad }" out &&
	test_grep "^tab\\\\x09name.txt	1	해결책	솔루션	" out
'

test_expect_success 'TSV: a TAB inside a line does not add fields' '
	printf "표\t인터넷 기반 자원 공유(클라우드) 및 주요 7개국(G7)\n" >tab.txt &&
	dadeum extract tab.txt >out &&
	test $(wc -l <out) = 3 &&
	awk -F "\t" "NF != 12 { bad = 1 } END { exit bad }" out
'

test_expect_success 'TSV: the kind column holds only the five kinds' '
	dadeum extract doc.txt b.txt c.txt >out &&
	sed 1d out | cut -f5 | sort -u >kinds &&
	test -s kinds &&
	! grep -v -x -e loanword -e english -e abbrev -e native -e shortform kinds
'

# ---- JSON Lines ----------------------------------------------------------------

cat >check_jsonl.py <<'EOF'
# check_jsonl.py JSONL TSV: every line of JSONL is one JSON object with the
# documented members, and the objects carry the same pairs as the TSV file.
import json, sys

keys = ["file", "line", "ko", "gloss", "kind", "count", "reversed", "en", "abbr",
        "confidence", "evidence", "source", "context"]
with open(sys.argv[1], encoding="utf-8") as f:
    lines = f.read().split("\n")
if lines[-1] != "":
    sys.exit("no newline at the end")
objs = []
for n, line in enumerate(lines[:-1], 1):
    o = json.loads(line)
    if not isinstance(o, dict):
        sys.exit("line %d is not an object" % n)
    if list(o) != keys:
        sys.exit("line %d has members %s" % (n, list(o)))
    for k in ("file", "ko", "gloss", "kind", "context", "source"):
        if not isinstance(o[k], str):
            sys.exit("line %d: %s is not a string" % (n, k))
    if type(o["line"]) is not int or type(o["count"]) is not int or o["count"] < 1:
        sys.exit("line %d: bad line or count" % n)
    if type(o["reversed"]) is not bool:
        sys.exit("line %d: reversed is not a boolean" % n)
    for k in ("en", "abbr", "evidence"):
        if o[k] is not None and not isinstance(o[k], str):
            sys.exit("line %d: %s is neither null nor a string" % (n, k))
    if o["confidence"] is not None and not (0 < o["confidence"] <= 1):
        sys.exit("line %d: confidence out of (0, 1]" % n)
    if (o["en"] is None) != (o["confidence"] is None):
        sys.exit("line %d: a confidence goes with an English form" % n)
    objs.append(o)
with open(sys.argv[2], encoding="utf-8") as f:
    tsv = f.read().split("\n")
if tsv[-1] != "":
    sys.exit("TSV: no newline at the end")
rows = [r.split("\t") for r in tsv[1:-1]]
flat = lambda s: s.replace("\t", " ").replace("\n", " ").replace("\r", " ")
want = [[flat(o["file"]), str(o["line"]), o["ko"], o["gloss"], o["kind"], str(o["count"]),
         "1" if o["reversed"] else "0", o["en"] or "", o["abbr"] or "",
         "%.2f" % o["confidence"] if o["confidence"] is not None else "",
         o["evidence"] or "", o["source"]] for o in objs]
if rows != want:
    sys.exit("TSV and JSON Lines differ:\n%s\n%s" % (rows, want))
print(len(objs))
EOF

test_expect_success 'JSON Lines: one valid object per line, the same pairs as TSV' '
	dadeum extract --format jsonl doc.txt b.txt c.txt >out.jsonl &&
	dadeum extract doc.txt b.txt c.txt >out.tsv &&
	/usr/bin/python3 check_jsonl.py out.jsonl out.tsv >count &&
	echo 8 >expect &&
	test_cmp expect count
'

test_expect_success 'JSON Lines: values of the doc.txt pairs' '
	dadeum extract --format jsonl doc.txt >out.jsonl &&
	/usr/bin/python3 -c "
import json, sys
o = [json.loads(l) for l in open(\"out.jsonl\", encoding=\"utf-8\")]
assert o[1][\"en\"] == \"Korea Internet & Security Agency\", o[1]
assert o[1][\"evidence\"] == \"corpus\" and o[1][\"abbr\"] == \"KISA\", o[1]
assert o[0][\"abbr\"] == \"MSIT\" and o[0][\"evidence\"] == \"lexicon\", o[0]
assert o[2][\"reversed\"] is True and o[2][\"ko\"] == \"정보통신기술\", o[2]
assert o[4][\"count\"] == 2 and o[4][\"line\"] == 6, o[4]
assert o[1][\"context\"] == \"한국인터넷진흥원(KISA, Korea Internet & Security Agency)은 \\\"보안\\\"을 강조했다.\", o[1]
assert o[3][\"context\"].startswith(\"경로 C:\\\\Users \"), o[3]
"
'

test_expect_success 'JSON Lines: quotes, backslashes, TABs and controls are escaped' '
	printf "a\\\\b \"q\"\t인터넷 기반 자원 공유(클라우드)\n" >esc.txt &&
	cp b.txt "q\"uo\\te.txt" &&
	dadeum extract --format jsonl esc.txt "q\"uo\\te.txt" >out.jsonl &&
	dadeum extract esc.txt "q\"uo\\te.txt" >out.tsv &&
	/usr/bin/python3 check_jsonl.py out.jsonl out.tsv >count &&
	/usr/bin/python3 -c "
import json
o = [json.loads(l) for l in open(\"out.jsonl\", encoding=\"utf-8\")]
assert o[0][\"context\"] == \"a\\\\b \\\"q\\\"\\t인터넷 기반 자원 공유(클라우드)\", repr(o[0][\"context\"])
assert o[1][\"file\"] == \"q\\\"uo\\\\te.txt\", repr(o[1][\"file\"])
"
'

test_expect_success 'JSON Lines: no header, nothing for a document without pairs' '
	echo "괄호 없는 문장" >none.txt &&
	dadeum extract --format jsonl none.txt >out &&
	test ! -s out
'

# ---- -o ------------------------------------------------------------------------

test_expect_success '-o writes the file and nothing to stdout' '
	dadeum extract doc.txt >expect &&
	test_grep "^doc.txt	1	" expect &&
	dadeum extract -o out.tsv doc.txt >stdout 2>stderr &&
	test ! -s stdout &&
	test ! -s stderr &&
	test_cmp expect out.tsv
'

test_expect_success '--output is -o, also with JSON Lines' '
	dadeum extract --format jsonl doc.txt >expect &&
	test_grep "^{\"file\":\"doc.txt\"" expect &&
	dadeum extract --format jsonl --output out.jsonl doc.txt >stdout &&
	test ! -s stdout &&
	test_cmp expect out.jsonl
'

test_expect_success '-o replaces an existing file and leaves no temporary file' '
	echo old >out.tsv &&
	dadeum extract -o out.tsv doc.txt &&
	dadeum extract doc.txt >expect &&
	test_cmp expect out.tsv &&
	ls >files &&
	! grep "\.tmp\." files
'

test_expect_success '-o - writes to standard output' '
	dadeum extract doc.txt >expect &&
	test_grep "^doc.txt	1	" expect &&
	dadeum extract -o - doc.txt >actual &&
	test_cmp expect actual &&
	test ! -e ./-
'

test_expect_success '-o into a missing directory: exit 4, no file' '
	test_expect_code 4 dadeum extract -o no/such/dir/out.tsv doc.txt >stdout 2>err &&
	test ! -s stdout &&
	test_grep "^dadeum: error: cannot write .no/such/dir/out.tsv.: " err &&
	test ! -e no
'

test_expect_success '-o into a read-only directory: exit 4, old file kept' '
	mkdir ro &&
	echo old >ro/out.tsv &&
	cp ro/out.tsv before &&
	chmod 555 ro &&
	if touch ro/probe 2>/dev/null; then
		rm -f ro/probe
		echo "# skipped: the directory is writable (root)" >&2
	else
		test_expect_code 4 dadeum extract -o ro/out.tsv doc.txt >stdout 2>err &&
		test_grep "^dadeum: error: cannot write " err &&
		test_cmp before ro/out.tsv
	fi
	chmod 755 ro
'

test_expect_success 'stdout that cannot be written: exit 4' '
	if test -w /dev/full; then
		test_expect_code 4 dadeum extract doc.txt >/dev/full 2>err &&
		test_grep "^dadeum: error: cannot write .<stdout>." err
	fi
'

test_expect_success 'setup: an existing output and a bad input' '
	printf "file\tline\nprevious\t1\n" >out.tsv &&
	cp out.tsv out.before &&
	printf "주요 7개국(G7)\n\377\n" >bad.txt
'

test_expect_success 'an undecodable input with -o: exit 3, out.tsv unchanged, no temp file' '
	test_expect_code 3 dadeum extract --encoding utf-8 -o out.tsv doc.txt bad.txt >stdout 2>err &&
	test ! -s stdout &&
	test_grep "bad.txt" err &&
	test_cmp out.before out.tsv &&
	ls -a >files &&
	! grep "^out\.tsv\.tmp\." files
'

test_expect_success 'a missing input with -o: exit 3, out.tsv unchanged, no temp file' '
	test_expect_code 3 dadeum extract -o out.tsv doc.txt no-such-file.txt 2>err &&
	test_cmp out.before out.tsv &&
	ls -a >files &&
	! grep "^out\.tsv\.tmp\." files
'

test_expect_success 'an unknown encoding with -o: exit 2, out.tsv unchanged, no temp file' '
	test_expect_code 2 dadeum extract --encoding nonesuch -o out.tsv doc.txt 2>err &&
	test_cmp out.before out.tsv &&
	ls -a >files &&
	! grep "^out\.tsv\.tmp\." files
'

test_expect_success 'an input error without an old output creates no file' '
	test_expect_code 3 dadeum extract -o fresh.tsv doc.txt no-such-file.txt 2>err &&
	test ! -e fresh.tsv &&
	ls -a >files &&
	! grep "^fresh\.tsv\.tmp\." files
'

test_expect_success 'a usage error with -o writes nothing' '
	test_expect_code 2 dadeum extract -o usage.tsv --format xml doc.txt 2>err &&
	test ! -e usage.tsv
'

# ---- order ---------------------------------------------------------------------

test_expect_success 'output is deterministic: two runs are identical' '
	dadeum extract doc.txt b.txt c.txt >run1 &&
	dadeum extract doc.txt b.txt c.txt >run2 &&
	test $(wc -l <run1) = 9 &&
	cmp run1 run2 &&
	dadeum extract --format jsonl doc.txt b.txt c.txt >run1 &&
	dadeum extract --format jsonl doc.txt b.txt c.txt >run2 &&
	test $(wc -l <run1) = 8 &&
	cmp run1 run2
'

test_expect_success 'rows within a file are in order of first occurrence' '
	dadeum extract doc.txt >out &&
	sed 1d out | cut -f2 >lines &&
	test $(wc -l <lines) = 5 &&
	sort -n lines >sorted &&
	test_cmp sorted lines
'

test_expect_success 'several files: rows grouped by file in the order given' '
	dadeum extract c.txt doc.txt b.txt >out &&
	sed 1d out | cut -f1 | uniq >groups &&
	printf "c.txt\ndoc.txt\nb.txt\n" >expect &&
	test_cmp expect groups &&
	for f in c.txt doc.txt b.txt; do
		dadeum extract $f >one && sed 1d one || return 1
	done >expect.rows &&
	sed 1d out >rows &&
	test_cmp expect.rows rows
'

test_expect_success 'several files: one header only' '
	dadeum extract c.txt doc.txt b.txt >out &&
	grep -c "^file	line	" out >n &&
	echo 1 >expect &&
	test_cmp expect n
'

test_expect_success 'the same file twice gives two groups, counts not merged' '
	dadeum extract b.txt b.txt >out &&
	sed 1d out >rows &&
	cut -f1-9,11- rows >got &&
	printf "b.txt\t1\t해결책\t솔루션\tloanword\t1\t0\tsolution\t\ttranslit\tbracket\nb.txt\t1\t해결책\t솔루션\tloanword\t1\t0\tsolution\t\ttranslit\tbracket\n" >expect &&
	test_cmp expect got
'

# ---- --explain -----------------------------------------------------------------

test_expect_success '--explain: reasons on stderr, stdout unchanged' '
	dadeum extract doc.txt >expect 2>err.plain &&
	test ! -s err.plain &&
	dadeum extract --explain doc.txt >actual 2>err &&
	test_cmp expect actual &&
	test_grep "^doc.txt:5: skipped .*(AGI 등).: examples (등)\$" err &&
	test_grep "^doc.txt:5: skipped .*(수).: list label or weekday\$" err
'

test_expect_success '--explain: every stderr line has the documented shape' '
	dadeum extract --explain doc.txt >/dev/null 2>err &&
	test -s err &&
	! grep -v "^doc.txt:[0-9][0-9]*: skipped .*(.*).: [a-z]" err
'

test_expect_success '--explain names a role and name and a photo position' '
	printf "%s\n" "국립국어원(원장 이상규)과 직무대리(오른쪽에서 두 번째)가 만났다." >roles.txt &&
	dadeum extract --explain roles.txt >out 2>err &&
	test_grep "^roles.txt:1: skipped .*(원장 이상규).: a person.s role and name\$" err &&
	test_grep "^roles.txt:1: skipped .*(오른쪽에서 두 번째).: photo position\$" err &&
	test "$(wc -l <out)" = 1
'

test_expect_success '--explain with -o: the file is the same as without' '
	dadeum extract -o plain.tsv doc.txt &&
	dadeum extract --explain -o explained.tsv doc.txt 2>err &&
	test_cmp plain.tsv explained.tsv &&
	test -s err
'

# ---- pathological inputs -------------------------------------------------------

# Lines are limited to 1 MiB (TEXT_LINE_MAX; t0820 holds the limit): these
# stay just under it.
test_expect_success 'a line of 0.85 MB finishes and gives its pair' '
	printf "가나다라 " >seed &&
	i=0 &&
	while [ $i -lt 16 ]; do
		cat seed seed >seed2 && mv seed2 seed && i=$((i + 1)) || return 1
	done &&
	test $(wc -c <seed) -gt 800000 &&
	{ cat seed && printf "주요 7개국(G7) 회의\n"; } >long.txt &&
	timeout 60 "$DADEUM" extract long.txt >out &&
	cat header - >expect <<-\EOF &&
	long.txt	1	주요 7개국	G7	abbrev	1	0	Group of Seven	G7	0.90	lexicon	bracket
	EOF
	test_cmp expect out
'

test_expect_success 'a line of 0.7 MB of brackets finishes' '
	printf "인터넷 기반 자원 공유(클라우드)를 추진한다. 보도(\04724.5.) 참조. " >seed &&
	i=0 &&
	while [ $i -lt 13 ]; do
		cat seed seed >seed2 && mv seed2 seed && i=$((i + 1)) || return 1
	done &&
	test $(wc -c <seed) -gt 600000 &&
	{ cat seed && echo; } >brackets.txt &&
	timeout 60 "$DADEUM" extract brackets.txt >out &&
	test_grep "^brackets.txt	1	[^	]*자원 공유	클라우드	loanword	[1-9][0-9]*	0	" out &&
	test $(wc -l <out) = 2
'

test_expect_success '10,000 nested parentheses finish without a crash' '
	awk "BEGIN {
		for (i = 0; i < 10000; i++) printf \"(\"
		printf \"클라우드(Cloud)\"
		for (i = 0; i < 10000; i++) printf \")\"
		print \"\"
		print \"주요 7개국(G7)\"
	}" >nested.txt &&
	test $(wc -c <nested.txt) -gt 20000 &&
	timeout 60 "$DADEUM" extract --explain nested.txt >out 2>err &&
	test_grep "^nested.txt	2	주요 7개국	G7	abbrev	1	0	" out
'

test_expect_success '10,000 unclosed and unopened brackets finish' '
	awk "BEGIN {
		for (i = 0; i < 10000; i++) printf \"(\"
		printf \" 주요 7개국(G7) \"
		for (i = 0; i < 20000; i++) printf \")\"
		for (i = 0; i < 10000; i++) printf \"<(\"
		print \"\"
	}" >unbalanced.txt &&
	test $(wc -c <unbalanced.txt) -gt 40000 &&
	timeout 60 "$DADEUM" extract --explain unbalanced.txt >out 2>err &&
	test_grep "^file	line	" out
'

test_done
