#!/bin/sh
# `dadeum extract --cross` (issue #3): pairs that no bracket ties, from list
# alignment and body/appendix substitution, on the bundled corpus.
. "$(dirname "$0")/lib.sh"

corpus=$TEST_DIR/../docs/corpus
lists=$corpus/msit-2025-05-28-ict-commercialisation-dialogue.txt
body=$corpus/msit-2024-10-18-ict-strategy-committee.txt

test_expect_success 'without --cross every pair comes from a bracket' '
    dadeum extract "$lists" >plain.tsv &&
    tail -n +2 plain.tsv | cut -f12 | sort -u >sources &&
    echo bracket >expect &&
    test_cmp expect sources
'

test_expect_success '--cross keeps the bracket pairs and adds aligned list pairs' '
    dadeum extract --cross "$lists" >cross.tsv &&
    grep "	bracket\$" cross.tsv >bracket-rows &&
    tail -n +2 plain.tsv >plain-rows &&
    test_cmp plain-rows bracket-rows &&
    grep "	list alignment" cross.tsv | cut -f3,4 | sort >pairs &&
    for p in "한국정보통신기술협회	TTA" "벤처기업협회	KOVA" "한국통신사업자연합회	KTOA" \
             "한국전자통신연구원	ETRI" "정보통신산업진흥원	NIPA"; do
        test_grep "^$p\$" pairs || return 1
    done
'

test_expect_success 'every aligned list pair has a score of at least 0.6' '
    grep "	list alignment" cross.tsv | sed "s/.*score \([0-9.]*\)\$/\1/" >scores &&
    test -s scores &&
    awk "\$1 < 0.6 { bad = 1 } END { exit bad }" scores
'

test_expect_success '--cross finds a body term for an appendix acronym' '
    dadeum extract --cross "$body" >body.tsv &&
    grep "	substitution" body.tsv | cut -f3,4 >subst &&
    test_grep "^서비스형 소프트웨어	SaaS\$" subst &&
    test_grep "^인공지능 컴퓨팅 기반	AI 컴퓨팅 인프라\$" subst
'

test_expect_success 'a glossed syllable glued to a loanword: the compound is the term' '
    printf "%s\n" "인공지능 안전 평가 데이터 모음(셋) 구축 및 평가도구 개발을 지원한다." "" \
        "[붙임] 세부 과제" "- (평가 기반) 안전 평가데이터셋 구축, 평가도구 개발" >glued.txt &&
    dadeum extract --cross glued.txt >glued.tsv &&
    grep "	substitution" glued.tsv | cut -f3,4,5,8 >actual &&
    printf "데이터 모음\t데이터셋\tloanword\tdataset\n" >expect &&
    test_cmp expect actual &&
    dadeum extract glued.txt | cut -f3,4 >plain &&
    test_grep "^모음	셋\$" plain
'

test_expect_success 'an acronym the lexicon gives to another body gets its English only as a guess' '
    grep "	KAIA	" cross.tsv >kaia &&
    test "$(cut -f11 kaia)" = derived &&
    awk -F "\t" "{ exit !(\$10 < 0.95) }" kaia
'
test_done
