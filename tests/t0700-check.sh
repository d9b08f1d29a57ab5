#!/bin/sh
# dadeum check on a realistic draft: goldens for text, JSON and --fix output
# (first and later uses, particles after a 받침 change, spacing, an
# abbreviation used before its definition, inconsistent renderings), the fix
# re-checks clean, -o and --in-place, standard input, CP949 / UTF-16 / CRLF
# drafts, and a TSV glossary instead of the termbase.
. "$(dirname "$0")/lib.sh"

DATA=$TEST_DATA/check
unset DADEUM_DB
dadeum ingest --quiet --from-jsonl "$DATA/terms.jsonl" >/dev/null 2>&1
# the termbase's preferred rendering of 클라우드 is approved
dadeum lookup --exact --format tsv "인터넷 기반 자원 공유" >lookup.tsv
dadeum set "$(sed -n 2p lookup.tsv | cut -f1)" --status approved >/dev/null
cp "$DATA/draft.txt" draft.txt

test_expect_success 'findings as file:line:col: found → suggestion, exit 1' '
	test_expect_code 1 dadeum check draft.txt >out 2>err &&
	test_cmp "$DATA/draft.text" out &&
	test ! -s err
'

test_expect_success 'the first bare use gets plain(loanword), later ones the plain term' '
	test_expect_code 1 dadeum check draft.txt >out &&
	test_grep "^draft.txt:1:31: 클라우드 → 인터넷 기반 자원 공유(클라우드)$" out &&
	test_grep "^draft.txt:2:12: 클라우드 → 인터넷 기반 자원 공유$" out &&
	test_grep "^draft.txt:2:24: 클라우드 → 인터넷 기반 자원 공유$" out &&
	test_grep "^draft.txt:3:14: MOU → 업무 협약(MOU)$" out &&
	test_grep "^draft.txt:6:1: 가상 저장 공간 → 인터넷 기반 자원 공유$" out &&
	! grep "^draft.txt:3:2[0-9]: MOU" out &&
	! grep "^draft.txt:7:1: AI" out
'

test_expect_success '--format json: golden, and valid JSON' '
	test_expect_code 1 dadeum check --format json draft.txt >out &&
	test_cmp "$DATA/draft.json" out &&
	python3 -c "import json,sys; a=json.load(open(\"out\")); assert len(a)==15, len(a); assert a[0][\"rule\"]==\"loanword\""
'

test_expect_success '--fix writes the corrected document to stdout, findings to stderr' '
	test_expect_code 0 dadeum check --fix draft.txt >fixed 2>err &&
	test_cmp "$DATA/draft.fixed.txt" fixed &&
	test_cmp "$DATA/draft.text" err &&
	test_cmp "$DATA/draft.txt" draft.txt
'

test_expect_success 'particles follow the new final consonant' '
	dadeum check --fix draft.txt >fixed 2>/dev/null &&
	test_grep "업무 협약(MOU)을 맺고" fixed &&
	test_grep "거점(허브)이 될" fixed &&
	test_grep "분과(세션)를 열어" fixed &&
	test_grep "지역 거점은 기반(플랫폼)과" fixed &&
	test_grep "인터넷 기반 자원 공유와 인터넷기반" fixed &&
	test_grep "미지의 위험(Unknown Risk)을" fixed
'

test_expect_success 'the fixed document checks clean' '
	dadeum check --fix draft.txt >fixed.txt 2>/dev/null &&
	test_expect_code 0 dadeum check fixed.txt >out 2>err &&
	test ! -s out && test ! -s err
'

test_expect_success 'a clean document: exit 0, no output; JSON is []' '
	test_expect_code 0 dadeum check "$DATA/clean.txt" >out 2>err &&
	test ! -s out && test ! -s err &&
	test_expect_code 0 dadeum check --format json "$DATA/clean.txt" >out &&
	echo "[]" >want && test_cmp want out
'

test_expect_success '--fix -o writes a new file and leaves the draft alone' '
	test_expect_code 0 dadeum check --fix -o new.txt draft.txt >out 2>/dev/null &&
	test ! -s out &&
	test_cmp "$DATA/draft.fixed.txt" new.txt &&
	test_cmp "$DATA/draft.txt" draft.txt
'

test_expect_success '--in-place replaces the file through a temporary file and rename' '
	cp draft.txt inplace.txt &&
	ln inplace.txt hardlink.txt &&
	test_expect_code 0 dadeum check --fix --in-place inplace.txt 2>/dev/null &&
	test_cmp "$DATA/draft.fixed.txt" inplace.txt &&
	test_cmp "$DATA/draft.txt" hardlink.txt &&
	test "$(ls -a | grep -c "^\.inplace\|inplace.txt.*[^t]$")" = 0 &&
	test_expect_code 0 dadeum check inplace.txt
'

test_expect_success '--in-place fixes several files' '
	cp draft.txt one.txt && cp draft.txt two.txt &&
	dadeum check --fix --in-place one.txt two.txt 2>err &&
	test_cmp "$DATA/draft.fixed.txt" one.txt &&
	test_cmp "$DATA/draft.fixed.txt" two.txt &&
	test "$(grep -c "^one.txt:" err)" = 15 && test "$(grep -c "^two.txt:" err)" = 15
'

test_expect_success 'standard input is <stdin>' '
	test_expect_code 1 dadeum check - <draft.txt >out &&
	sed "s/^draft.txt:/<stdin>:/" "$DATA/draft.text" >want &&
	test_cmp want out &&
	dadeum check --fix - <draft.txt >fixed 2>/dev/null &&
	test_cmp "$DATA/draft.fixed.txt" fixed
'

test_expect_success 'several files are reported in order' '
	cp draft.txt second.txt &&
	test_expect_code 1 dadeum check draft.txt "$DATA/clean.txt" second.txt >out &&
	test "$(grep -c "^draft.txt:" out)" = 15 &&
	test "$(grep -c "^second.txt:" out)" = 15 &&
	test "$(sed -n 16p out | cut -d: -f1)" = second.txt
'

test_expect_success 'CP949 and UTF-16 drafts: same columns; the fix is UTF-8' '
	iconv -f UTF-8 -t CP949 draft.txt >cp949.txt &&
	test_expect_code 1 dadeum check cp949.txt >out &&
	sed "s/^draft.txt:/cp949.txt:/" "$DATA/draft.text" >want &&
	test_cmp want out &&
	dadeum check --fix cp949.txt >fixed 2>/dev/null &&
	test_cmp "$DATA/draft.fixed.txt" fixed &&
	{ printf "\377\376"; iconv -f UTF-8 -t UTF-16LE draft.txt; } >utf16.txt &&
	test_expect_code 1 dadeum check utf16.txt >out &&
	sed "s/^draft.txt:/utf16.txt:/" "$DATA/draft.text" >want &&
	test_cmp want out
'

test_expect_success 'CRLF line ends are kept by --fix; columns count characters' '
	sed "s/\$/\r/" draft.txt >crlf.txt &&
	test_expect_code 1 dadeum check crlf.txt >out &&
	sed "s/^draft.txt:/crlf.txt:/" "$DATA/draft.text" >want &&
	test_cmp want out &&
	dadeum check --fix crlf.txt >fixed 2>/dev/null &&
	sed "s/\$/\r/" "$DATA/draft.fixed.txt" >want &&
	test_cmp want fixed
'

test_expect_success 'spacing, particles and NFD jamo are tolerated' '
	printf "%s\n" "가. 클라우드에서는 안 된다." "나. 인터넷기반 자원공유 (클라우드)로 간다." >t1.txt &&
	test_expect_code 1 dadeum check t1.txt >out &&
	printf "%s\n" "t1.txt:1:4: 클라우드 → 인터넷 기반 자원 공유(클라우드)" >want &&
	test_cmp want out &&
	printf "\341\204\211\341\205\246\341\204\211\341\205\247\341\206\253\354\235\204 \354\227\264\353\213\244.\n" >nfd.txt &&
	test_expect_code 1 dadeum check nfd.txt >out &&
	test_grep "^nfd.txt:1:1: .* → 분과(" out
'

test_expect_success '--glossary reads dadeum extract TSV instead of the termbase' '
	printf "%s\n" "이날 회의는 분과(세션)로 나뉘었다." "지역 거점(허브)이 문을 연다." \
		"두 기관은 업무 협약(MOU)을 맺었다." >source.txt &&
	dadeum extract --format tsv source.txt >g.tsv &&
	printf "%s\n" "허브와 세션을 쓰고 MOU를 맺는다." >d.txt &&
	test_expect_code 1 env DADEUM_DB=missing.db "$DADEUM" check --glossary g.tsv d.txt >out &&
	printf "%s\n" "d.txt:1:1: 허브 → 거점(허브)" "d.txt:1:5: 세션 → 분과(세션)" \
		"d.txt:1:12: MOU → 업무 협약(MOU)" >want &&
	test_cmp want out &&
	test ! -e missing.db
'

test_expect_success '--glossary reads a two-column ko/gloss TSV' '
	printf "korean\tloanword\n거점\t허브\n" >two.tsv &&
	printf "허브가 된다.\n" >h.txt &&
	dadeum check --glossary two.tsv --fix h.txt >fixed 2>/dev/null &&
	printf "거점(허브)이 된다.\n" >want &&
	test_cmp want fixed
'

test_done
