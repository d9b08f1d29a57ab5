#!/bin/sh
# dadeum lookup: every lookup mode, ranking, output formats, --glossary.
. "$(dirname "$0")/lib.sh"

# Hand-written extractor output, so that these tests do not move with the extractor.
rec() { # file line ko gloss kind count context
	printf '{"file":"%s","line":%s,"ko":"%s","gloss":"%s","kind":"%s","count":%s,"reversed":false,"expansion":null,"context":"%s"}\n' "$@"
}
{
rec a.txt 1 "인터넷 기반 자원 공유" 클라우드 loanword 3 "과학기술정보통신부는 오늘 인공지능 시대를 여는 새로운 인터넷 기반 자원 공유(클라우드) 전략을 발표했다."
rec a.txt 2 인공지능 AI abbrev 2 "인공지능(AI) 안전연구소가 문을 열었다."
rec a.txt 3 "최고 경영자" CEO abbrev 1 "프랑스 기업 미스트랄 AI 최고 경영자(CEO) 면담을 가졌다."
rec a.txt 4 "미지의 위험" "Unknown Risk" english 1 "정부는 미지의 위험(Unknown Risk)에 대비한다."
rec a.txt 5 "미지의 위험 관리 체계" "Unknown Risk Management" english 1 "정부는 미지의 위험 관리 체계(Unknown Risk Management)를 만든다."
rec a.txt 6 "과학기술정보통신부" 과기정통부 shortform 1 "과학기술정보통신부(이하 '과기정통부')는 발표했다."
} >a.jsonl
dadeum ingest --from-jsonl a.jsonl

test_expect_success 'exact Korean term, text output for people' '
	dadeum lookup "인터넷 기반 자원 공유" >out &&
	test_grep "^인터넷 기반 자원 공유 ↔ 클라우드$" out &&
	test_grep "#[0-9]* · loanword · candidate · 3× in 1 document · exact match" out &&
	test_grep "자원 공유(클라우드) 전략.*(a.txt:1)" out
'

test_expect_success 'spacing and particle variants' '
	dadeum lookup --exact "인터넷기반 자원공유" >out &&
	test_grep "^인터넷 기반 자원 공유 ↔ 클라우드" out &&
	dadeum lookup --exact 클라우드를 >out &&
	test_grep "^인터넷 기반 자원 공유 ↔ 클라우드" out &&
	test_grep "variant match" out
'

test_expect_success 'loanword, English in any case, abbreviation' '
	dadeum lookup --exact 클라우드 >l.out &&
	test_grep "exact match .클라우드." l.out &&
	dadeum lookup --exact "unknown RISK" >e.out &&
	test_grep "^미지의 위험 ↔ Unknown Risk$" e.out &&
	dadeum lookup --exact ceo >a.out &&
	test_grep "^최고 경영자 ↔ CEO" a.out
'

test_expect_success 'prefix and substring rank after exact' '
	dadeum lookup --format tsv "미지의 위험" >out &&
	cut -f2,3 out >got &&
	printf "match\tko\nexact\t미지의 위험\nprefix\t미지의 위험 관리 체계\n" >want &&
	test_cmp want got &&
	dadeum lookup --format tsv "위험 관리" >out &&
	test_grep "^[0-9]*	substring	미지의 위험 관리 체계" out &&
	dadeum lookup --format tsv "Risk Manage" >out &&
	test_grep "substring	미지의 위험 관리 체계" out
'

test_expect_success 'fuzzy Korean by jamo distance' '
	dadeum lookup 클라우디 >out &&
	test_grep "^인터넷 기반 자원 공유 ↔ 클라우드" out &&
	test_grep "fuzzy match .클라우드. (distance 1.0)" out &&
	test_expect_code 1 dadeum lookup --exact 클라우디 >out &&
	test ! -s out
'

test_expect_success 'short forms are found too' '
	dadeum lookup --exact 과기정통부 >out &&
	test_grep "^과학기술정보통신부  (also 과기정통부)" out
'

test_expect_success 'not found exits 1' '
	test_expect_code 1 dadeum lookup 전혀없는용어 >out &&
	test ! -s out &&
	test_expect_code 1 dadeum lookup --format json 전혀없는용어 >out &&
	echo "[]" >want && test_cmp want out
'

test_expect_success '--limit and --format json' '
	dadeum lookup --limit 1 --format json "미지의 위" >out &&
	test "$(grep -c "\"id\"" out)" = 1 &&
	test_grep "\"ko\":\"미지의 위험\"" out &&
	test_grep "\"match\":\"prefix\"" out &&
	test_grep "\"example\":{\"file\":\"a.txt\",\"line\":4" out &&
	python3 -c "import json,sys; json.load(open(\"out\"))"
'

test_expect_success '--glossary reads dadeum extract TSV without a termbase' '
	printf "%s\n" "file	line	ko	gloss	kind	count	reversed	expansion" \
		"a.txt	1	인터넷 기반 자원 공유	클라우드	loanword	3	0	" >g.tsv &&
	env DADEUM_DB=none.db "$DADEUM" lookup --glossary g.tsv 클라우드를 >out &&
	test_grep "^인터넷 기반 자원 공유 ↔ 클라우드" out &&
	test ! -e none.db
'

test_expect_success '--glossary reads a two-column ko/gloss TSV with a header' '
	printf "korean\tenglish\n전자 정부\te-Government\n개인정보\tpersonal information\n" >two.tsv &&
	dadeum lookup --glossary two.tsv E-GOVERNMENT >out &&
	test_grep "^전자 정부 ↔ e-Government" out &&
	dadeum lookup --glossary two.tsv 전자정부를 >out &&
	test_grep "^전자 정부" out &&
	test_expect_code 1 dadeum lookup --glossary two.tsv korean
'

test_expect_success '--glossary errors: missing file, bad UTF-8, one column' '
	test_expect_code 3 dadeum lookup --glossary missing.tsv x &&
	printf "ko\tgloss\n\377\tx\n" >bad.tsv &&
	test_expect_code 3 dadeum lookup --glossary bad.tsv x 2>err &&
	test_grep "line 2" err &&
	printf "ko\tgloss\nonly\n" >one.tsv &&
	test_expect_code 3 dadeum lookup --glossary one.tsv x
'

test_expect_success '--glossary reads a TBX glossary too, as check --glossary does' '
	dadeum export --format tbx --date 2026-01-01 -o g.tbx &&
	env DADEUM_DB=none.db "$DADEUM" lookup --glossary g.tbx 클라우드를 >out &&
	test_grep "^인터넷 기반 자원 공유 ↔ 클라우드" out &&
	test ! -e none.db &&
	dadeum lookup --glossary g.tbx --format tsv AI >out &&
	test_grep "인공지능" out &&
	test_expect_code 1 dadeum lookup --glossary g.tbx korean
'

test_expect_success '--glossary: a malformed TBX glossary is exit 3 with its line' '
	printf "<martif><text><body><termEntry>\n" >bad.tbx &&
	test_expect_code 3 dadeum lookup --glossary bad.tbx x 2>err &&
	test_grep "^dadeum: error: cannot read glossary .bad.tbx. (tbx): line [0-9]*, column" err
'

test_expect_success 'output that cannot be written exits 4' '
	if test -w /dev/full; then
		test_expect_code 4 dadeum lookup 클라우드 >/dev/full
	fi
'

test_done
