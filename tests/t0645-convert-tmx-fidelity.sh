#!/bin/sh
# Issue 17: what convert and import keep of a TMX, TBX or CSV from another
# tool: every <note>, the language tags (en-GB stays en-GB), encodings
# other than UTF-8/16 (EUC-KR, CP949), an example ending in a TAB (TBX
# round trip byte-identical), and a file with no Korean side, which is an
# input error naming the languages found rather than an empty glossary.
. "$(dirname "$0")/lib.sh"

F=$TEST_DATA/formats
DTD=$TEST_DATA/schemas/tmx14.dtd
hdr='<header creationtool="x" creationtoolversion="1" segtype="phrase" o-tmf="x" adminlang="en" srclang="ko-KR" datatype="plaintext"/>'

cat >gb.tmx <<EOF2
<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  $hdr
  <body>
    <tu>
      <note>first note</note>
      <note>second note</note>
      <note>third &amp; last</note>
      <tuv xml:lang="ko-KR"><seg>색</seg></tuv>
      <tuv xml:lang="en-GB"><seg>colour</seg></tuv>
    </tu>
    <tu>
      <tuv xml:lang="ko-KR"><seg>정리</seg></tuv>
      <tuv xml:lang="EN-gb"><seg>organise</seg></tuv>
    </tu>
  </body>
</tmx>
EOF2

cat >crlf.tmx <<EOF2
<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  $hdr
  <body>
    <tu><note>line one&#13;
line two</note><tuv xml:lang="ko-KR"><seg>색</seg></tuv><tuv xml:lang="en-GB"><seg>colour</seg></tuv></tu>
  </body>
</tmx>
EOF2

test_expect_success 'a note with CRLF line breaks: one <note> per line, stable' '
	dadeum convert --date 2025-01-02 crlf.tmx c1.tmx &&
	test "$(grep -c "<note>" c1.tmx)" = 2 &&
	! grep "&#13;" c1.tmx &&
	dadeum convert --date 2025-01-02 c1.tmx c2.tmx &&
	test_cmp c1.tmx c2.tmx
'

test_expect_success 'convert keeps every <note> of a unit, in order' '
	dadeum convert --date 2025-01-02 gb.tmx out.tmx &&
	grep "<note>" out.tmx >notes &&
	printf "      <note>%s</note>\n" "first note" "second note" "third &amp; last" >expect &&
	test_cmp expect notes &&
	xmllint --noout --dtdvalid $DTD out.tmx &&
	dadeum convert --date 2025-01-02 out.tmx again.tmx &&
	test_cmp out.tmx again.tmx
'

test_expect_success 'import and export keep every note' '
	dadeum import --db n.db gb.tmx 2>err &&
	dadeum export --db n.db --date 2025-01-02 -o n.tmx &&
	grep "<note>" n.tmx >notes &&
	test_cmp expect notes &&
	dadeum import --db n.db n.tmx &&
	dadeum export --db n.db --date 2025-01-02 -o n2.tmx &&
	test_cmp n.tmx n2.tmx
'

cat >rep.tmx <<EOF2
<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  $hdr
  <body>
    <tu><prop type="x-concept-id">7</prop><note>first note</note><note>second note</note>
      <tuv xml:lang="ko-KR"><seg>색</seg></tuv><tuv xml:lang="en-GB"><seg>colour</seg></tuv></tu>
    <tu><prop type="x-concept-id">7</prop><note>first note</note><note>only in unit 2</note>
      <tuv xml:lang="ko-KR"><seg>색깔</seg></tuv><tuv xml:lang="en-GB"><seg>colour</seg></tuv></tu>
  </body>
</tmx>
EOF2

test_expect_success 'the units of one concept repeat its notes: each kept once' '
	dadeum convert --date 2025-01-02 rep.tmx rep.out.tmx &&
	grep "<note>" rep.out.tmx >notes &&
	printf "      <note>%s</note>\n" "first note" "second note" "only in unit 2" \
		"first note" "second note" "only in unit 2" >expect &&
	test_cmp expect notes &&
	dadeum convert --date 2025-01-02 rep.tmx rep.csv &&
	test_grep ",\"first note\$" rep.csv &&
	test "$(grep -c "first note" rep.csv)" = 2 &&
	dadeum convert --date 2025-01-02 rep.csv rep2.tmx &&
	test_cmp rep.out.tmx rep2.tmx
'

test_expect_success 'convert keeps the input language tags (en-GB stays en-GB)' '
	dadeum convert --date 2025-01-02 gb.tmx out.tmx 2>err &&
	grep -o "xml:lang=\"[^\"]*\"" out.tmx | sort -u >langs &&
	printf "xml:lang=\"%s\"\n" en-GB ko-KR >expect &&
	test_cmp expect langs &&
	! grep en-US out.tmx | grep -v adminlang &&
	for to in tbx tbx3 csv; do
		dadeum convert --date 2025-01-02 gb.tmx out.$to &&
		grep en-GB out.$to >/dev/null &&
		! grep en-US out.$to || return 1
	done &&
	dadeum convert --date 2025-01-02 out.tbx back.tmx &&
	test_cmp out.tmx back.tmx &&
	dadeum convert --date 2025-01-02 out.csv back.csv &&
	test_cmp out.csv back.csv &&
	dadeum convert --date 2025-01-02 gb.tmx out.tsv &&
	test_grep "^# dadeum glossary: ko-KR -> en-GB, " out.tsv &&
	dadeum convert --date 2025-01-02 out.tsv back.tsv &&
	test_cmp out.tsv back.tsv
'

test_expect_success 'a loanword glossary (Korean both sides) does not pass ko-KR as the target tag' '
	dadeum convert --date 2025-01-02 --target loanword gb.tmx lw.csv &&
	head -1 lw.csv >h &&
	test_grep "^ko-KR,ko-KR," h &&
	dadeum convert --date 2025-01-02 lw.csv lw.tmx &&
	! grep "xml:lang=\"ko-KR\"><seg>colour" lw.tmx
'

test_expect_success '--target-lang still chooses' '
	dadeum convert --date 2025-01-02 --target-lang en-US gb.tmx us.tmx &&
	! grep en-GB us.tmx &&
	test_grep "xml:lang=\"en-US\"><seg>colour" us.tmx
'

test_expect_success 'translate-toolkit reads our notes and en-GB' '
	cat >tt.py <<-\PY &&
	import sys
	from translate.storage import tmx
	t = tmx.tmxfile.parsefile(sys.argv[1])
	X = "{http://www.w3.org/XML/1998/namespace}lang"
	for u in t.units:
	    langs = [n.get(X) for n in u.getlanguageNodes()]
	    print("%s|%s|%s|%s" % (u.source, u.target, ",".join(langs), u.getnotes().replace("\n", ";")))
	PY
	/usr/bin/python3 tt.py out.tmx >tt.out &&
	cat >expect <<-\EOF3 &&
	색|colour|ko-KR,en-GB|first note;second note;third & last
	정리|organise|ko-KR,en-GB|
	EOF3
	test_cmp expect tt.out
'

test_expect_success 'import says the termbase does not keep en-GB' '
	dadeum import --db g.db gb.tmx 2>err &&
	test_grep "language tag .en-GB. is not kept: the termbase stores none, and export writes en-US" err &&
	test "$(grep -c "is not kept" err)" = 1
'

cat >xx.tmx <<EOF2
<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  $hdr
  <body>
    <tu><tuv xml:lang="en"><seg>colour</seg></tuv><tuv xml:lang="xx"><seg>xxx</seg></tuv></tu>
    <tu><tuv xml:lang="en"><seg>cloud</seg></tuv><tuv xml:lang="xx"><seg>yyy</seg></tuv></tu>
  </body>
</tmx>
EOF2

test_expect_success 'a TMX without a Korean side: exit 3, no output, languages named' '
	test_expect_code 3 dadeum convert --date 2025-01-02 xx.tmx o.tsv 2>err &&
	! test -e o.tsv &&
	test_grep "2 units skipped: none in the source language .ko-KR.; languages found: en, xx; use --source-lang/--target-lang" err &&
	test_expect_code 3 dadeum import --db x.db xx.tmx 2>err &&
	test_grep "languages found: en, xx" err &&
	dadeum convert --date 2025-01-02 --source-lang xx xx.tmx o.tsv &&
	test_grep "^xxx	colour" o.tsv
'

test_expect_success 'csv2tbx output (en and xx): exit 3, languages named' '
	test_expect_code 3 dadeum convert --date 2025-01-02 $F/csv2tbx-en-xx.tbx o.csv 2>err &&
	! test -e o.csv &&
	test_grep "2 entries skipped: none in the source language .ko-KR.; languages found: en, xx" err &&
	test_expect_code 3 dadeum import --db x.db $F/csv2tbx-en-xx.tbx
'

test_expect_success 'a CSV without a Korean column names the languages found' '
	printf "en,xx\r\ncolour,xxx\r\n" >xx.csv &&
	test_expect_code 3 dadeum convert --date 2025-01-02 xx.csv o.tmx 2>err &&
	test_grep "languages found: en, xx; use --source-lang/--target-lang" err
'

test_expect_success 'some units without Korean: one warning, the rest converted' '
	sed "s|<body>|<body><tu><tuv xml:lang=\"en\"><seg>a</seg></tuv><tuv xml:lang=\"fr\"><seg>b</seg></tuv></tu>|" gb.tmx >some.tmx &&
	dadeum convert --date 2025-01-02 some.tmx some.tsv 2>err &&
	test "$(grep -c "skipped" err)" = 1 &&
	test_grep "1 unit skipped: none in the source language .ko-KR.; languages found: en, fr" err &&
	test "$(grep -vc "^#" some.tsv)" = 2
'

cat >k.tmx.txt <<EOF2
<?xml version="1.0" encoding="EUC-KR"?>
<tmx version="1.4">
  $hdr
  <body>
    <tu><note>메모: 똠얌</note><tuv xml:lang="ko-KR"><seg>인공지능</seg></tuv><tuv xml:lang="en-US"><seg>artificial intelligence</seg></tuv></tu>
    <tu><tuv xml:lang="ko-KR"><seg>똠얌꿍</seg></tuv><tuv xml:lang="en-US"><seg>tom yum goong</seg></tuv></tu>
  </body>
</tmx>
EOF2

test_expect_success 'a TMX in EUC-KR (CP949 syllables too) is read as xmllint reads it' '
	iconv -f UTF-8 -t CP949 k.tmx.txt >k.tmx &&
	xmllint --noout k.tmx &&
	dadeum convert --date 2025-01-02 k.tmx k.tsv &&
	grep -v "^#" k.tsv | cut -f 1,2 >got &&
	printf "인공지능\tartificial intelligence\n똠얌꿍\ttom yum goong\n" >expect &&
	test_cmp expect got &&
	test_grep "note=메모: 똠얌" k.tsv &&
	dadeum import --db k.db k.tmx
'

test_expect_success 'ks_c_5601-1987 (as Windows labels it) and TBX too' '
	sed "s/encoding=\"EUC-KR\"/encoding=\"ks_c_5601-1987\"/" k.tmx >ks.tmx &&
	dadeum convert --date 2025-01-02 ks.tmx ks.tsv &&
	test_cmp k.tsv ks.tsv &&
	dadeum convert --date 2025-01-02 k.tmx k.tbx &&
	iconv -f UTF-8 -t CP949 k.tbx | sed "s/encoding=\"UTF-8\"/encoding=\"EUC-KR\"/" >ke.tbx &&
	dadeum convert --date 2025-01-02 ke.tbx k2.tbx &&
	test_cmp k.tbx k2.tbx
'

test_expect_success 'an encoding iconv does not know is still refused (exit 3)' '
	sed "s/encoding=\"EUC-KR\"/encoding=\"x-no-such\"/" k.tmx >bad.tmx &&
	test_expect_code 3 dadeum convert --date 2025-01-02 bad.tmx bad.tsv 2>err &&
	test_grep "unknown encoding" err &&
	! test -e bad.tsv &&
	sed "s/encoding=\"EUC-KR\"/encoding=\"UTF-8\"/" k.tmx >wrong.tmx &&
	test_expect_code 3 dadeum convert --date 2025-01-02 wrong.tmx wrong.tsv
'

# Units that are a concept of one row go to TSV without a concept being
# built (tmx_read.c, unit_row): the rows must stay those of the concepts,
# for units that go on with the concept of the unit before (by id, and by
# Korean text across a skipped unit), a guessed abbreviation, a status,
# a unit after one whose key is empty (a Korean-only unit with an empty
# second variant), which goes on with what that one gave, and a last unit
# that waits until the file ends.
cat >rows.tmx <<EOF2
<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  $hdr
  <body>
    <tu><prop type="x-concept-id">1</prop><tuv xml:lang="ko-KR"><seg>인공지능</seg></tuv><tuv xml:lang="en-US"><seg>artificial intelligence</seg></tuv></tu>
    <tu><prop type="x-concept-id">1</prop><note>both</note><tuv xml:lang="ko-KR"><seg>인공지능</seg></tuv><tuv xml:lang="en-US"><seg>AI</seg></tuv></tu>
    <tu><tuv xml:lang="ko-KR"><seg>클라우드</seg></tuv><tuv xml:lang="en-US"><seg>cloud</seg></tuv></tu>
    <tu><tuv xml:lang="fr"><seg>nuage</seg></tuv></tu>
    <tu><tuv xml:lang="ko-KR"><seg>클라우드</seg></tuv><tuv xml:lang="en-US"><seg>CLOUD</seg></tuv></tu>
    <tu><tuv xml:lang="ko-KR"><seg>빅데이터</seg></tuv><tuv xml:lang="en-US"><seg>BD</seg></tuv></tu>
    <tu><prop type="x-concept-id">2</prop><prop type="x-status">approved</prop><tuv xml:lang="ko-KR"><seg>기계학습</seg></tuv><tuv xml:lang="en-US"><seg>machine learning</seg></tuv></tu>
    <tu><tuv xml:lang="ko-KR"><seg>로그</seg></tuv><tuv xml:lang="ko-KR"><seg></seg></tuv></tu>
    <tu><tuv xml:lang="ko-KR"><seg>기록</seg></tuv><tuv xml:lang="en-US"><seg>log</seg></tuv></tu>
    <tu><tuv xml:lang="ko-KR"><seg>파일</seg></tuv><tuv xml:lang="en-US"><seg>file</seg></tuv></tu>
  </body>
</tmx>
EOF2

test_expect_success 'units that are rows convert to TSV as their concepts do' '
	cat >expect <<-\EOF3 &&
	인공지능	AI	#1; candidate; kind=english; type=english; note=both
	인공지능	artificial intelligence	#1; candidate; kind=english; type=english; note=both
	클라우드	cloud	#; candidate; kind=english; type=english
	빅데이터	BD	#; candidate; kind=abbrev; type=abbrev
	기계학습	machine learning	#2; approved; kind=english; type=english
	기록	log	#; candidate; kind=loanword; type=english
	파일	file	#; candidate; kind=english; type=english
	EOF3
	dadeum convert --date 2025-01-02 rows.tmx rows.tsv 2>err &&
	grep -v "^#" rows.tsv >got &&
	test_cmp expect got &&
	test_grep "1 unit skipped" err &&
	cat >expect <<-\EOF3 &&
	클라우드	CLOUD	#; candidate; kind=english; type=abbrev
	빅데이터	BD	#; candidate; kind=abbrev; type=abbrev
	EOF3
	dadeum convert --date 2025-01-02 --target abbrev rows.tmx rows.tsv 2>err &&
	grep -v "^#" rows.tsv >got &&
	test_cmp expect got &&
	printf "로그\t기록\t#; candidate; kind=loanword; type=ko\n" >expect &&
	dadeum convert --date 2025-01-02 --target loanword rows.tmx rows.tsv 2>err &&
	grep -v "^#" rows.tsv >got &&
	test_cmp expect got
'

printf '정부는 인공지능(AI) 안전연구소를 열었다.\t\n' >tab.txt

test_expect_success 'an example ending in a TAB: TBX and TBX v3 round trips are byte-identical' '
	dadeum ingest --db tab.db tab.txt &&
	for f in tbx tbx3 tmx csv; do
		dadeum export --db tab.db --format $f --date 2025-01-02 -o e.$f &&
		rm -f r.db &&
		dadeum import --db r.db e.$f &&
		dadeum export --db r.db --format $f --date 2025-01-02 -o r.$f &&
		test_cmp e.$f r.$f &&
		dadeum convert --date 2025-01-02 e.$f c.$f &&
		test_cmp e.$f c.$f || { echo "format $f"; return 1; }
	done &&
	printf "\t</descrip>\n" >tail &&
	grep -o "	</descrip>" e.tbx >got &&
	test -s got
'

test_expect_success 'a pretty-printed TBX context loses only its layout' '
	sed "s|<descrip type=\"context\">\(.*\)</descrip>|<descrip type=\"context\">\n      \1\n    </descrip>|" e.tbx >pretty.tbx &&
	dadeum convert --date 2025-01-02 pretty.tbx p.tbx &&
	test_cmp e.tbx p.tbx
'

test_done
