#!/bin/sh
# check reads from the termbase only the concepts a draft can involve
# (check_glossary_prepare, termbase_foreach_prefixed): the forms that can
# occur in it, and every concept grouped with them, however far the group
# reaches. The findings must be those of reading the whole termbase: a
# group's preferred term whose forms the draft never shows, a full-width
# form, a form with a blank the folding drops, and many unrelated concepts.
. "$(dirname "$0")/lib.sh"

unset DADEUM_DB
pair() { # FILE LINE KO GLOSS KIND COUNT
	printf '{"file":"%s","line":%s,"ko":"%s","gloss":"%s","kind":"%s","count":%s,"reversed":false,"expansion":null,"context":"%s(%s)"}\n' \
		"$1" "$2" "$3" "$4" "$5" "$6" "$3" "$4"
}
{
	pair a.txt 1 "가상 저장소" "스토리지" loanword 3
	pair a.txt 2 "저장 공간" "스토리지" loanword 2
	pair a.txt 3 "저장 공간" "storage" english 1
	pair b.txt 1 "자료 보관소" "storage" english 1
	pair c.txt 1 "인공 지능" "ＡＩ" abbrev 1
	pair c.txt 2 "정보ㆍ통신 체계" "아이시티ㆍ망" loanword 1
	# unrelated concepts sharing the draft's syllables
	i=0
	while [ $i -lt 300 ]; do
		pair d.txt $((i + 1)) "스토 사업$i" "스토어$i" loanword 1
		i=$((i + 1))
	done
} >pairs.jsonl
dadeum ingest --quiet --from-jsonl pairs.jsonl >/dev/null 2>&1
dadeum lookup --exact --format tsv "자료 보관소" >lookup.tsv
dadeum set "$(sed -n 2p lookup.tsv | cut -f1)" --status approved >/dev/null

test_expect_success 'a group reached only through a form the draft lacks gives its preferred term' '
	printf "새 스토리지를 도입한다.\n" >draft.txt &&
	test_expect_code 1 dadeum check draft.txt >out &&
	printf "draft.txt:1:3: 스토리지 → 자료 보관소(스토리지)\n" >expect &&
	test_cmp expect out
'

test_expect_success 'a full-width form and a form with a dropped blank are still found' '
	printf "새 AI와 아이시티망을 쓴다.\n" >draft.txt &&
	test_expect_code 1 dadeum check draft.txt >out &&
	printf "draft.txt:1:3: AI → 인공 지능(AI)\ndraft.txt:1:7: 아이시티망 → 정보ㆍ통신 체계(아이시티망)\n" >expect &&
	test_cmp expect out
'

test_expect_success 'several drafts in one run: each gets its own concepts' '
	printf "스토어7을 연다.\n" >one.txt &&
	printf "새 스토리지.\n" >two.txt &&
	test_expect_code 1 dadeum check one.txt two.txt >out &&
	printf "one.txt:1:1: 스토어7 → 스토 사업7(스토어7)\ntwo.txt:1:3: 스토리지 → 자료 보관소(스토리지)\n" >expect &&
	test_cmp expect out
'

test_expect_success 'a draft with none of the forms: no findings, exit 0' '
	printf "아무 관계 없는 문장.\n" >clean.txt &&
	dadeum check clean.txt >out &&
	test ! -s out
'

test_done
