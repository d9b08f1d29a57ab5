#!/bin/sh
# dadeum convert: between formats without a termbase, streaming; the same
# bytes as export; round trips; stdin and stdout.
. "$(dirname "$0")/lib.sh"

F=$TEST_DATA/formats
cat >a.txt <<'DOC'
정부는 새로운 인터넷 기반 자원 공유(클라우드) 전략을 발표했다.
인공지능(AI) 안전연구소가 문을 열었다.
미스트랄 AI 최고 경영자(CEO) 면담을 가졌다.
과학기술정보통신부(이하 '과기정통부')는 발표했다.
DOC

test_expect_success 'setup' '
	dadeum ingest --db t.db a.txt &&
	for f in tmx tbx tbx3 tsv csv; do
		dadeum export --db t.db --format $f --date 2025-01-02 -o e.$f || return 1
	done
'

test_expect_success 'convert gives what export gives, from any format' '
	for from in tmx tbx tbx3; do
		for to in tmx tbx tbx3 csv; do
			dadeum convert --date 2025-01-02 --from ${from%3} --to $to e.$from c.$to &&
			test_cmp e.$to c.$to || { echo "$from -> $to"; return 1; }
		done
	done
'

test_expect_success 'CSV and TSV to themselves' '
	dadeum convert --date 2025-01-02 e.csv c2.csv && test_cmp e.csv c2.csv
'

test_expect_success 'TSV loses only what it cannot hold' '
	dadeum convert --date 2025-01-02 e.tmx c.tsv && test_cmp e.tsv c.tsv &&
	dadeum convert --date 2025-01-02 e.tsv back.tsv && test_cmp e.tsv back.tsv
'

test_expect_success 'stdin and stdout need --from / --to' '
	dadeum convert --date 2025-01-02 --from tmx --to tbx - - <e.tmx >s.tbx &&
	test_cmp e.tbx s.tbx &&
	test_expect_code 2 dadeum convert - out.tbx <e.tmx 2>err &&
	test_grep "use --from" err
'

test_expect_success 'to stdout, input refused before its first concept writes nothing' '
	printf "<?xml version=\"1.0\"?>\n<!DOCTYPE tmx [<!ENTITY a \"aaaa\">]>\n<tmx version=\"1.4\"><body/></tmx>\n" >hostile.tmx &&
	printf "<tmx version=\"1.4\"><header srclang=\"ko-KR\"/><body><tu>\n" >cut.tmx &&
	for f in hostile cut; do
		for to in tmx tbx tsv csv; do
			test_expect_code 3 dadeum convert --to $to $f.tmx - >out 2>err &&
			! test -s out &&
			test_grep "line" err || { echo "$f -> $to"; return 1; }
		done
	done
'

test_expect_success 'to stdout, an input with no concepts still gives a header and footer' '
	printf "<tmx version=\"1.4\"><header srclang=\"ko-KR\"/><body/></tmx>\n" >empty.tmx &&
	dadeum convert --date 2025-01-02 --to tmx empty.tmx - >out.tmx &&
	test_grep "<header" out.tmx && test_grep "</tmx>" out.tmx &&
	dadeum convert --date 2025-01-02 --to tsv empty.tmx - >out.tsv &&
	test "$(grep -c "^#" out.tsv)" = 2
'

test_expect_success 'a full disk stops the read, exit 4, nothing leaked (under ASan)' '
	if test -w /dev/full; then
		awk "BEGIN { for (i = 0; i < 60000; i++) printf \"가%d\tcloud%d\t#%d; approved; note=n\n\", i, i, i }" >many.tsv &&
		for to in csv tmx tbx; do
			test_expect_code 4 dadeum convert --from tsv --to $to many.tsv - >/dev/full 2>err &&
			test_grep "cannot write" err || { echo "to $to"; return 1; }
		done
	fi
'

test_expect_success 'long target texts convert in linear time (the type guess measured each character)' '
	x=$(head -c 900000 /dev/zero | tr "\\000" x) &&
	{
		printf "<tmx version=\"1.4\"><header srclang=\"ko-KR\"/><body>\n" &&
		for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
			printf "<tu><tuv xml:lang=\"ko-KR\"><seg>가%d</seg></tuv>" $i &&
			printf "<tuv xml:lang=\"en-US\"><seg>%s</seg></tuv></tu>\n" "$x" || return 1
		done &&
		printf "</body></tmx>\n"
	} >long.tmx &&
	timeout 30 "$DADEUM" convert --date 2025-01-02 long.tmx long.tsv &&
	test "$(grep -c "^가[0-9]*	xxxx" long.tsv)" = 20
'

test_expect_success 'a TMX language tag against RFC 5646 syntax: a warning, its language still decides the side' '
	printf "<tmx version=\"1.4\"><header srclang=\"ko-KR\"/><body><tu><tuv xml:lang=\"ko-0\"><seg>구름</seg></tuv><tuv xml:lang=\"en-US-US\"><seg>cloud</seg></tuv></tu></body></tmx>\n" >badlang.tmx &&
	dadeum convert --date 2025-01-02 badlang.tmx badlang.tsv 2>err &&
	test_grep "badlang.tmx:1:[0-9]*: .ko-0. is not a BCP 47 language tag" err &&
	test_grep "en-US-US. is not a BCP 47 language tag" err &&
	test_grep "^구름	cloud	" badlang.tsv
'

test_expect_success 'third-party TMX to TBX keeps every Korean unit' '
	dadeum convert $F/third-utf16le.tmx third.tbx 2>warn &&
	test "$(grep -c "<termEntry" third.tbx)" = 5 &&
	test_grep "<term>privacy protection</term>" third.tbx &&
	test_grep "<term>R&amp;D</term>" third.tbx
'

test_expect_success 'usage' '
	test_expect_code 2 dadeum convert e.tmx &&
	test_expect_code 2 dadeum convert e.tmx out.pdf 2>err && test_grep "use --to" err &&
	test_expect_code 2 dadeum convert --to pdf e.tmx x &&
	test_expect_code 3 dadeum convert missing.tmx x.tsv
'

test_expect_success 'convert: a bad --date, SOURCE_DATE_EPOCH or language tag is a usage error, nothing written' '
	printf "ko-KR\ten-US\n클라우드\tcloud\n" >d.tsv &&
	test_expect_code 2 dadeum convert --date yesterday d.tsv d.tmx 2>err &&
	test_grep "^dadeum: error: --date needs a day from 1970-01-01 to 9999-12-31 as YYYY-MM-DD, YYYYMMDDThhmmssZ or epoch seconds, not .yesterday.\$" err &&
	test_expect_code 2 env SOURCE_DATE_EPOCH=soon "$DADEUM" convert d.tsv d.tmx 2>err &&
	test_grep "^dadeum: error: SOURCE_DATE_EPOCH must be epoch seconds, not .soon.\$" err &&
	test_expect_code 2 dadeum convert --source-lang "*all*" d.tsv d.tmx 2>err &&
	test_grep "^dadeum: error: --source-lang needs a BCP 47 language tag such as ko-KR, not .\*all\*.\$" err &&
	test_expect_code 2 dadeum import --db l.db --target-lang "e n" d.tsv 2>err &&
	test_grep "^dadeum: error: --target-lang needs a BCP 47 language tag" err &&
	for bad in ko-0 ko-KR-KR k0 en-a x; do
		test_expect_code 2 dadeum convert --target-lang $bad d.tsv d.tmx 2>err &&
		test_grep "^dadeum: error: --target-lang needs a BCP 47 language tag" err || { echo "$bad"; return 1; }
	done &&
	test ! -e d.tmx && test ! -e l.db &&
	SOURCE_DATE_EPOCH=1735776000 dadeum convert d.tsv d.tmx &&
	test_grep "creationdate=\"20250102T000000Z\"" d.tmx
'

test_expect_success 'files without concept ids: nothing merges, every entry id is unique' '
	printf "source,target\n인공지능,artificial intelligence\n인공지능,AI\n클라우드,cloud\n데이터,data\n" >noid.csv &&
	dadeum convert --date 2025-01-01 noid.csv noid-ref.csv &&
	test "$(grep -c ",,candidate," noid-ref.csv)" = 3 &&
	test_grep "^인공지능,artificial intelligence,,candidate,english,english,AI," noid-ref.csv &&
	for f in tmx tbx tbx3 csv; do
		out=noid.$f && if [ $f = csv ]; then out=noid-to.csv; fi &&
		dadeum convert --date 2025-01-01 --to $f noid.csv $out &&
		dadeum convert --date 2025-01-01 --from $f $out noid-back-$f.csv &&
		test_cmp noid-ref.csv noid-back-$f.csv || return 1
	done &&
	test_must_fail grep -q "x-concept-id\|tuid=" noid.tmx &&
	xmllint --noout --dtdvalid "$TEST_DATA/schemas/tmx14.dtd" noid.tmx &&
	test "$(grep -c "<termEntry id=\"e[0-9]*\">" noid.tbx)" = 3 &&
	test -z "$(grep -o "Entry id=\"[^\"]*\"" noid.tbx noid.tbx3 | sort | uniq -d)" &&
	dadeum convert --to tsv noid.csv noid.tsv &&
	dadeum convert --from tsv noid.tsv noid-back-tsv.csv &&
	test "$(grep -c ",,candidate," noid-back-tsv.csv)" = 3 &&
	test_grep "^인공지능	artificial intelligence	#; candidate; kind=english; type=english\$" noid.tsv
'

test_done
