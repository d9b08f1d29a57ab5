#!/bin/sh
# dadeum align: exact links on a small hand-translated pair, the three
# formats, exit codes, atomic -o; the sentence TMX against the TMX 1.4b DTD,
# read by translate-toolkit and applied by OmegaT headless.
. "$(dirname "$0")/lib.sh"

DTD=$TEST_DATA/schemas/tmx14.dtd
KO=$TEST_DATA/align/release-ko.txt
EN=$TEST_DATA/align/release-en.txt

test_expect_success 'the links of the hand-translated pair' '
	dadeum align --format tsv -o out.tsv "$KO" "$EN" &&
	cut -f4,5 out.tsv >got &&
	printf "ko_pos\ten_pos\n1.1\t1.1\n2.1\t2.1\n3.1\t3.1\n3.2\t3.2\n4.1\t4.1\n6.1,6.2\t5.1\n7.1\t6.1\n" >expect &&
	test_cmp expect got
'

test_expect_success 'TSV rows hold the sentences, a score and the files' '
	head -1 out.tsv >h &&
	printf "ko\ten\tscore\tko_pos\ten_pos\tko_file\ten_file\n" >expect &&
	test_cmp expect h &&
	grep -F "2024. 10. 18.(금) 제5차" out.tsv >row &&
	grep -F "October 18, 2024 (Fri.)" row >/dev/null &&
	awk -F "\t" "NR > 1 && !(\$3 >= 0 && \$3 <= 1) { exit 1 }" out.tsv
'

test_expect_success 'the TMX validates against the TMX 1.4b DTD' '
	SOURCE_DATE_EPOCH=1735689600 dadeum align -o out.tmx "$KO" "$EN" 2>err &&
	test ! -s err &&
	xmllint --noout --dtdvalid "$DTD" out.tmx &&
	grep "<header " out.tmx >h &&
	for a in "segtype=\"sentence\"" "srclang=\"ko-KR\"" "creationtool=\"dadeum\"" \
		"creationdate=\"20250101T000000Z\""; do
		grep -F "$a" h >/dev/null || { echo "no $a"; return 1; }
	done &&
	test $(grep -c "<tu " out.tmx) = 7 &&
	test $(grep -c "<prop type=\"x-dadeum-score\">" out.tmx) = 7 &&
	grep -F "<prop type=\"x-dadeum-source-ko\">$KO</prop>" out.tmx >/dev/null &&
	grep -F "<prop type=\"x-dadeum-source-en\">$EN</prop>" out.tmx >/dev/null
'

test_expect_success 'segments are escaped' '
	printf "A &lt; B 조건이다.\n" >k.txt && printf "It is A < B & C.\n" >e.txt &&
	printf "<b>굵게</b> 표시한다.\n" >>k.txt && printf "Shown in <b> bold.\n" >>e.txt &&
	dadeum align -o esc.tmx k.txt e.txt &&
	xmllint --noout --dtdvalid "$DTD" esc.tmx &&
	grep -F "<seg>It is A &lt; B &amp; C.</seg>" esc.tmx >/dev/null
'

test_expect_success 'translate-toolkit reads the sentence pairs' '
	cat >tt.py <<-\PY &&
	import sys
	from translate.storage import tmx
	t = tmx.tmxfile.parsefile(sys.argv[1])
	for u in t.units:
	    print("%s\t%s" % (u.source, u.target))
	PY
	/usr/bin/python3 tt.py out.tmx >tt.out &&
	tail -n +2 out.tsv | cut -f1,2 >expect &&
	test_cmp expect tt.out
'

test_expect_success 'JSONL carries the same links' '
	dadeum align --format jsonl -o out.jsonl "$KO" "$EN" &&
	cat >j.py <<-\PY &&
	import json, sys
	for line in open(sys.argv[1], encoding="utf-8"):
	    o = json.loads(line)
	    print("%s\t%s\t%.3f\t%s\t%s" % (o["ko"], o["en"], o["score"], o["ko_pos"], o["en_pos"]))
	PY
	/usr/bin/python3 j.py out.jsonl >got &&
	tail -n +2 out.tsv | cut -f1-5 >expect &&
	test_cmp expect got
'

test_expect_success 'several pairs in one run; --min-score drops weak links' '
	dadeum align --format tsv -o two.tsv "$KO" "$EN" "$KO" "$EN" &&
	test $(wc -l <two.tsv) = 15 &&
	dadeum align --format tsv --min-score 0.9 -o strong.tsv "$KO" "$EN" &&
	awk -F "\t" "NR > 1 && \$3 < 0.9 { exit 1 }" strong.tsv &&
	test $(wc -l <strong.tsv) -lt $(wc -l <out.tsv)
'

test_expect_success '--db: termbase pairs count as anchors' '
	printf "정부는 새로운 인터넷 기반 자원 공유(클라우드) 전략을 발표했다.\n" >g.txt &&
	printf "과학기술정보통신부(이하 \047과기정통부\047)는 발표했다.\n" >>g.txt &&
	dadeum ingest --quiet --db tb.db g.txt &&
	printf "과기정통부는 클라우드 도입을 늘린다.\n지원을 늘린다.\n" >k.txt &&
	printf "Support will grow.\nMSIT will expand the adoption of cloud.\n" >e.txt &&
	dadeum align --format tsv -o plain.tsv k.txt e.txt &&
	dadeum align --format tsv --db tb.db -o lex.tsv k.txt e.txt &&
	cut -f4,5 plain.tsv >got &&
	printf "ko_pos\ten_pos\n1.1\t1.1\n2.1\t2.1\n" >expect &&
	test_cmp expect got &&
	cut -f4,5 lex.tsv >got &&
	printf "ko_pos\ten_pos\n1.1\t2.1\n" >expect &&
	test_cmp expect got &&
	test_expect_code 3 dadeum align --db missing.db k.txt e.txt &&
	test_expect_code 2 dadeum align --db tb.db -o tb.db k.txt e.txt
'

test_expect_success '--format terms: what the aligned English says of the terms' '
	printf "정부는 인터넷 기반 자원 공유(클라우드) 전략을 발표했다.\n" >tk.txt &&
	printf "연결 지점(허브) 구축을 지원한다.\n위험 요소(리스크) 관리가 중요하다.\n" >>tk.txt &&
	printf "The government announced a cloud strategy.\n" >te.txt &&
	printf "It supports the building of hubs.\nManaging hazards matters.\n" >>te.txt &&
	dadeum align --format terms -o terms.tsv tk.txt te.txt &&
	head -1 terms.tsv | cut -f1-9 >h &&
	printf "ko\tgloss\tkind\ten\tevidence\tparallel\tparallel_en\tlinks\tfound\n" >expect &&
	test_cmp expect h &&
	cut -f2,6,7 terms.tsv | tail -n +2 >got &&
	printf "클라우드\tconfirmed\tcloud\n허브\tconfirmed\thub\n리스크\tabsent\t\n" >expect &&
	test_cmp expect got &&
	test_expect_code 2 dadeum align --format terms - te.txt <tk.txt
'

test_expect_success '--pairs reads a list of pairs' '
	printf "# Korean\tEnglish\n\n%s\t%s\n" "$KO" "$EN" >list.tsv &&
	dadeum align --format tsv --pairs list.tsv -o listed.tsv "$KO" "$EN" &&
	test_cmp two.tsv listed.tsv &&
	printf "%s\n" "$KO" >bad-list.tsv &&
	test_expect_code 3 dadeum align --pairs bad-list.tsv 2>err &&
	grep "bad-list.tsv:1:" err >/dev/null &&
	test_expect_code 3 dadeum align --pairs missing-list.tsv &&
	: >empty-list.tsv &&
	test_expect_code 3 dadeum align --pairs empty-list.tsv &&
	test_expect_code 2 dadeum align --pairs - - "$EN" <list.tsv
'

test_expect_success 'exit 1 when nothing aligned' '
	: >empty.txt &&
	test_expect_code 1 dadeum align --format tsv -o none.tsv empty.txt "$EN" &&
	test_expect_code 1 dadeum align --min-score 1 -o none.tmx "$KO" "$EN"
'

test_expect_success 'usage errors exit 2 before writing' '
	test_expect_code 2 dadeum align "$KO" 2>err && grep "pairs" err >/dev/null &&
	test_expect_code 2 dadeum align &&
	test_expect_code 2 dadeum align --format xml "$KO" "$EN" &&
	test_expect_code 2 dadeum align --min-score 1.5 "$KO" "$EN" &&
	test_expect_code 2 dadeum align --min-score x "$KO" "$EN" &&
	test_expect_code 2 dadeum align --encoding nosuch "$KO" "$EN" &&
	test_expect_code 2 dadeum align - - &&
	cp "$KO" k2.txt && test_expect_code 2 dadeum align -o k2.txt k2.txt "$EN" &&
	cmp "$KO" k2.txt &&
	dadeum align -h >help && grep "usage: dadeum align" help >/dev/null
'

test_expect_success 'an unreadable input exits 3 and leaves -o untouched' '
	echo old >keep.tmx &&
	test_expect_code 3 dadeum align -o keep.tmx "$KO" missing.txt 2>err &&
	grep "missing.txt" err >/dev/null &&
	echo old >expect && test_cmp expect keep.tmx &&
	printf "\377\376\000\330" >bad.txt &&
	test_expect_code 3 dadeum align --encoding utf-8 bad.txt "$EN"
'

test_expect_success '--lenient replaces undecodable bytes and warns' '
	printf "잘못된 바이트 \377 가 있다.\n" >lenient.txt &&
	test_expect_code 3 dadeum align --encoding utf-8 lenient.txt "$EN" &&
	dadeum align --lenient --encoding utf-8 --format tsv -o len.tsv lenient.txt "$EN" 2>err &&
	grep "replaced 1 undecodable" err >/dev/null
'

test_expect_success 'an unwritable output exits 4' '
	test_expect_code 4 dadeum align -o no/such/dir/out.tmx "$KO" "$EN"
'

test_expect_success 'standard input is one of the sides' '
	dadeum align --format tsv -o stdin.tsv - "$EN" <"$KO" &&
	cut -f1-5 stdin.tsv >a && cut -f1-5 out.tsv >b && test_cmp b a
'

test_expect_success 'OmegaT applies the sentence TMX headless (ko-KR -> en-US)' '
	if ! command -v omegat >/dev/null; then
		echo "# skipped: omegat is not installed (apt-get install omegat; make deps)" >&2
		exit 0
	fi
	mkdir -p proj/source proj/target proj/tm/auto proj/glossary proj/dictionary proj/omegat &&
	cp out.tmx proj/tm/auto/dadeum.tmx &&
	sed -n "8p" out.tsv | cut -f1 >s1 && sed -n "5p" out.tsv | cut -f1 >s2 &&
	sed -n "8p" out.tsv | cut -f2 >t1 && sed -n "5p" out.tsv | cut -f2 >t2 &&
	{ cat s1; echo; cat s2; } >proj/source/release.txt &&
	{ cat t1; echo; cat t2; } >expect &&
	omegat_translate proj &&
	test_cmp expect proj/target/release.txt
'

test_done
