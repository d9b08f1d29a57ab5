#!/bin/sh
# Hostile and broken XML: entity expansion (billion laughs), external
# entities to a file and to a URL, a DTD on a URL, truncated files, 100k
# nesting, a unit of 2 MB. Each is refused with the file, line and column,
# exit 3, the termbase unchanged and no partial import.
. "$(dirname "$0")/lib.sh"

head='<?xml version="1.0" encoding="UTF-8"?>'
tu='<tu><tuv xml:lang="ko-KR"><seg>공공 데이터</seg></tuv><tuv xml:lang="en-US"><seg>public data</seg></tuv></tu>'
hdr='<header creationtool="x" creationtoolversion="1" segtype="phrase" o-tmf="x" adminlang="en" srclang="ko-KR" datatype="plaintext"/>'

cat >laughs.tmx <<EOF2
$head
<!DOCTYPE tmx [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<tmx version="1.4">$hdr<body>$tu<tu><tuv xml:lang="ko-KR"><seg>&lol9;</seg></tuv></tu></body></tmx>
EOF2
cat >xxe-file.tmx <<EOF2
$head
<!DOCTYPE tmx [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
<tmx version="1.4">$hdr<body>$tu<tu><tuv xml:lang="ko-KR"><seg>&xxe;</seg></tuv></tu></body></tmx>
EOF2
cat >xxe-url.tmx <<EOF2
$head
<!DOCTYPE tmx [ <!ENTITY xxe SYSTEM "http://127.0.0.1:9/evil"> ]>
<tmx version="1.4">$hdr<body>$tu<tu><tuv xml:lang="ko-KR"><seg>&xxe;</seg></tuv></tu></body></tmx>
EOF2
cat >param.tmx <<EOF2
$head
<!DOCTYPE tmx [ <!ENTITY % p SYSTEM "http://127.0.0.1:9/evil.dtd"> %p; ]>
<tmx version="1.4">$hdr<body>$tu</body></tmx>
EOF2
cat >dtd-url.tmx <<EOF2
$head
<!DOCTYPE tmx SYSTEM "http://127.0.0.1:9/evil.dtd">
<tmx version="1.4">$hdr<body>$tu</body></tmx>
EOF2
printf '%s\n<tmx version="1.4">%s<body>%s<tu><tuv xml:lang="ko-KR"><seg>잘린' \
	"$head" "$hdr" "$tu" >truncated.tmx
printf '%s\n<martif type="TBX-Basic" xml:lang="en"><text><body><termEntry><langSet xml:lang="ko"><tig><term>용어</term></tig></langSet></termEntry><termEntry>' \
	"$head" >truncated.tbx
awk 'BEGIN { printf "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><body>"
	for (i = 0; i < 100000; i++) printf "<hi>"; printf "\n" }' >deep.tmx
awk 'BEGIN { printf "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><body><tu><tuv xml:lang=\"ko\"><seg>"
	for (i = 0; i < 70000; i++) printf "가나다라마바사아자차"; printf "</seg></tuv></tu></body></tmx>\n" }' >huge-seg.tmx

test_expect_success 'setup: a termbase to keep unchanged' '
	printf "인공지능(AI) 안전연구소가 문을 열었다.\n" >a.txt &&
	dadeum ingest --db t.db a.txt &&
	dadeum review --db t.db --dump >before &&
	cp t.db t0.db
'

# refuse FILE PATTERN: exit 3, the message names the file, line and column
refuse() {
	test_expect_code 3 dadeum import --db t.db "$1" >out 2>err &&
	test ! -s out &&
	test_grep "^dadeum: error: cannot import '$1'" err &&
	test_grep "line [0-9][0-9]*, column [0-9][0-9]*" err &&
	test_grep "$2" err &&
	test_grep "nothing imported" err &&
	dadeum review --db t.db --dump >after &&
	test_cmp before after
}

test_expect_success 'billion laughs: entity declarations refused' '
	refuse laughs.tmx "entity declaration .lol. refused"
'
test_expect_success 'external entity to a file: refused, never read' '
	refuse xxe-file.tmx "external entity .xxe. refused"
'
test_expect_success 'external entity to a URL: refused, never fetched' '
	refuse xxe-url.tmx "external entity .xxe. refused"
'
test_expect_success 'parameter entity to a URL: refused' '
	refuse param.tmx "refused"
'
test_expect_success 'a DTD on a URL: refused' '
	refuse dtd-url.tmx "external DTD .http://127.0.0.1:9/evil.dtd. refused"
'
test_expect_success 'truncated TMX: nothing of it imported' '
	refuse truncated.tmx "line 2" &&
	! dadeum lookup --db t.db --exact "public data" >out
'
test_expect_success 'truncated TBX' '
	refuse truncated.tbx "no element found\|unclosed token"
'
test_expect_success '100000 nested elements: refused quickly' '
	refuse deep.tmx "nested deeper than 256"
'
test_expect_success 'a 2 MB segment: refused' '
	refuse huge-seg.tmx "text longer than"
'
test_expect_success 'a known DTD name (tmx14.dtd) is fine and never read' '
	printf "%s\n<!DOCTYPE tmx SYSTEM \"http://www.lisa.org/tmx/tmx14.dtd\">\n<tmx version=\"1.4\">%s<body>%s</body></tmx>\n" \
		"$head" "$hdr" "$tu" >known.tmx &&
	dadeum import --db t.db known.tmx &&
	dadeum lookup --db t.db --exact "public data" >out &&
	cp t0.db t.db
'
test_expect_success 'convert refuses the same and leaves no output' '
	for f in laughs.tmx xxe-file.tmx dtd-url.tmx truncated.tmx deep.tmx; do
		test_expect_code 3 dadeum convert $f out.tsv 2>err &&
		test_grep "line [0-9]*, column [0-9]*" err &&
		test ! -e out.tsv || return 1
	done &&
	test "$(ls | grep -c "out.tsv")" = 0
'
test_expect_success 'not a TMX or TBX at all' '
	printf "<html><body/></html>\n" >page.tmx &&
	test_expect_code 3 dadeum import --db t.db page.tmx 2>err &&
	test_grep "not a TMX file" err
'

test_done
