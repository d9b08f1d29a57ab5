#!/bin/sh
# English forms and abbreviations in `dadeum extract` output (issue #3):
# an English gloss is its own English form; an acronym's long form comes from
# the document (Schwartz-Hearst) before the lexicon; a term the lexicon names
# gets its acronym.
. "$(dirname "$0")/lib.sh"

# cut ko, gloss, kind, en, abbr, evidence from a TSV file
cols() {
    tail -n +2 "$1" | cut -f3,4,5,8,9,11
}

# rows KO GLOSS KIND EN ABBR EVIDENCE...: the lines cols prints, six fields each
rows() {
    printf "%s\t%s\t%s\t%s\t%s\t%s\n" "$@"
}

test_expect_success 'long forms written in the document win over the lexicon' '
    cat >doc.txt <<-\EOF &&
	Chief Cloud First Officer (CCFO)를 두고, 최고 클라우드 책임자(CCFO)가 총괄한다.
	한국인터넷진흥원(KISA, Korea Internet & Security Agency)이 발표했다.
	EOF
    dadeum extract doc.txt >out.tsv &&
    cols out.tsv >actual &&
    rows "최고 클라우드 책임자" CCFO abbrev "Chief Cloud First Officer" CCFO corpus \
        "한국인터넷진흥원" KISA abbrev "Korea Internet & Security Agency" KISA corpus >expect &&
    test_cmp expect actual
'

test_expect_success 'English after an acronym and a middle dot is its long form when the acronym abbreviates it' '
    cat >doc.txt <<-\EOF &&
	미국은 화장품 규제 현대화법(MoCRA·The Modernization of Cosmetics Regulation Act of 2022)을 시행했다.
	독일연구재단(DFG, German Research Foundation)과 일한다.
	EOF
    dadeum extract doc.txt >out.tsv &&
    cols out.tsv >actual &&
    rows "화장품 규제 현대화법" MoCRA abbrev "The Modernization of Cosmetics Regulation Act of 2022" MoCRA corpus >expect &&
    test_cmp expect actual
'

test_expect_success 'a loanword that spells the acronym beside it takes the acronym as its English' '
    cat >doc.txt <<-\EOF &&
	농촌진흥청은 해외농업기술개발사업(코피아, KOPIA) 센터를 열었다.
	EOF
    dadeum extract doc.txt >out.tsv &&
    cols out.tsv >actual &&
    rows "해외농업기술개발사업" KOPIA abbrev "" KOPIA "" \
        "해외농업기술개발사업" 코피아 loanword KOPIA KOPIA corpus >expect &&
    test_cmp expect actual
'
test_expect_success 'an acronym and its long form joined by a middle dot' '
    printf "CCFO·Chief Cloud First Officer 신설\n최고 클라우드 책임자(CCFO) 임명\n" >dot.txt &&
    dadeum extract dot.txt >out.tsv &&
    cols out.tsv >actual &&
    rows "최고 클라우드 책임자" CCFO abbrev "Chief Cloud First Officer" CCFO corpus >expect &&
    test_cmp expect actual
'

test_expect_success 'a long form that does not spell the acronym is not taken' '
    printf "Cloud Policy Office (CCFO) 설치, 최고 클라우드 책임자(CCFO)\n" >bad.txt &&
    dadeum extract bad.txt >out.tsv &&
    cols out.tsv >actual &&
    printf "%s\t%s\t%s\t\t%s\t\n" "최고 클라우드 책임자" CCFO abbrev CCFO >expect &&
    test_cmp expect actual
'

test_expect_success 'English glosses are their own English form; known acronyms come from the lexicon' '
    printf "정렬기술(Alignment) 연구와 양해각서(MOU) 체결, 정보통신기술 연구개발(ICT R&D) 투자\n" >lex.txt &&
    dadeum extract lex.txt >out.tsv &&
    cols out.tsv >actual &&
    rows 정렬기술 Alignment english Alignment "" gloss \
        양해각서 MOU abbrev "Memorandum of Understanding" MOU lexicon \
        "정보통신기술 연구개발" "ICT R&D" abbrev \
        "Information and Communications Technology Research and Development" "ICT R&D" lexicon \
        >expect &&
    test_cmp expect actual
'

test_expect_success 'a term the acronym lexicon names gets its acronym' '
    printf "과학기술정보통신부(이하 ‘과기정통부’)는 밝혔다.\n" >ko.txt &&
    dadeum extract ko.txt >out.tsv &&
    cols out.tsv >actual &&
    rows 과학기술정보통신부 과기정통부 shortform "Ministry of Science and ICT" MSIT lexicon >expect &&
    test_cmp expect actual
'

test_expect_success 'an acronym takes the English of the lexicon row that names the term' '
    printf "%s\n" "한국소비자원(KCA)과 한국방송통신전파진흥원(KCA)이 만났다." \
        "클라우드 보안인증제(CSAP)를 받았다." >rows.txt &&
    dadeum extract rows.txt >out.tsv &&
    cols out.tsv >actual &&
    rows 한국소비자원 KCA abbrev "Korea Consumer Agency" KCA lexicon >expect &&
    rows 한국방송통신전파진흥원 KCA abbrev "Korea Communications Agency" KCA lexicon >>expect &&
    rows "클라우드 보안인증제" CSAP abbrev "Cloud Security Assurance Program" CSAP lexicon >>expect &&
    test_cmp expect actual
'

test_expect_success 'for another Korean name the lexicon English is only a guess' '
    printf "차량에 위치확인시스템(GPS) 단말기를 단다.\n" >gps.txt &&
    dadeum extract gps.txt >out.tsv &&
    cols out.tsv >actual &&
    rows 위치확인시스템 GPS abbrev "Global Positioning System" GPS derived >expect &&
    test_cmp expect actual &&
    awk -F "\t" "NR == 2 { exit !(\$10 < 0.95) }" out.tsv
'

test_expect_success 'no guess when the morphemes of the Korean name give none of its words' '
    printf "거리에 폐쇄회로(CC) 카메라를 달고 조류인플루엔자(AI)에 대비한다.\n" >cc.txt &&
    dadeum extract cc.txt >out.tsv &&
    cols out.tsv >actual &&
    printf "%s\t%s\tabbrev\t\t%s\t\n" 폐쇄회로 CC CC 조류인플루엔자 AI AI >expect &&
    test_cmp expect actual
'

test_expect_success 'JSON Lines carries the same English fields' '
    dadeum extract --format jsonl lex.txt >out.jsonl &&
    /usr/bin/python3 -c "
import json, sys
rows = [json.loads(l) for l in open(\"out.jsonl\", encoding=\"utf-8\")]
mou = [r for r in rows if r[\"gloss\"] == \"MOU\"][0]
assert mou[\"en\"] == \"Memorandum of Understanding\", mou
assert mou[\"abbr\"] == \"MOU\" and mou[\"evidence\"] == \"lexicon\", mou
assert 0 < mou[\"confidence\"] <= 1, mou
al = [r for r in rows if r[\"gloss\"] == \"Alignment\"][0]
assert al[\"abbr\"] is None and al[\"evidence\"] == \"gloss\", al
"
'
test_expect_success 'a loanword gloss is transliterated into English' '
    printf "현장 견학(투어)을 진행하고 인공지능 연결망(AI 네트워크)을 구축한다.\n" >tr.txt &&
    dadeum extract tr.txt >out.tsv &&
    cols out.tsv >actual &&
    rows 견학 투어 loanword tour "" translit \
        "인공지능 연결망" "AI 네트워크" loanword "AI network" "" lexicon >expect &&
    test_cmp expect actual
'

test_expect_success 'the lexicon English of a loanword wins over its transliteration' '
    printf "가상 융합 세계(메타버스)를 연다.\n" >lx.txt &&
    dadeum extract lx.txt >out.tsv &&
    cols out.tsv >actual &&
    rows "가상 융합 세계" 메타버스 loanword metaverse "" lexicon >expect &&
    test_cmp expect actual
'

test_expect_success 'a mixed gloss: lexicon words, transliterated words and Latin parts' '
    printf "국제 연구개발 거점(글로벌 R\&D센터)과 현장 견학 안내(투어 가이드)를 둔다.\n" >mx.txt &&
    dadeum extract mx.txt >out.tsv &&
    cols out.tsv >actual &&
    rows "국제 연구개발 거점" "글로벌 R&D센터" loanword "global R&D center" "" lexicon \
        "견학 안내" "투어 가이드" loanword "tour guide" "" lexicon+translit >expect &&
    test_cmp expect actual
'
test_expect_success 'evidence names the catalogue tables for the words they spell' '
    printf "정부는 국가 전략 기금(AI 국가펀드)을 만든다.\n" >l10n.txt &&
    dadeum extract l10n.txt >out.tsv &&
    cut -f4,8,11 out.tsv | tail -n +2 >actual &&
    printf "AI 국가펀드\tAI national fund\tl10n\n" >expect &&
    test_cmp expect actual
'

test_expect_success 'a loanword with its English beside it takes that English, and the English is a gloss too' '
    printf "지능형 공장(스마트 팩토리, Smart Factory) 보급\n" >sf.txt &&
    dadeum extract sf.txt >out.tsv &&
    cut -f4,8,10,11 out.tsv | tail -n +2 >actual &&
    printf "스마트 팩토리\tSmart Factory\t1.00\tcorpus\nSmart Factory\tSmart Factory\t1.00\tgloss\n" >expect &&
    test_cmp expect actual
'
test_expect_success 'a hyphen written against a loanword joins its English' '
    printf "전자 신분증(e-패스포트)과 지역 안내(K-가이드)를 만든다.\n" >hy.txt &&
    dadeum extract hy.txt >out.tsv &&
    cut -f4,8 out.tsv | tail -n +2 >actual &&
    printf "e-패스포트\te-passport\nK-가이드\tK-guide\n" >expect &&
    test_cmp expect actual
'
test_expect_success 'a long form broken at a line end takes the lexicon spelling of its words' '
    printf "%s\n" "세계보건기구(WHO, World Health Organi- zation)와 국제전기통신연합(ITU," \
        "International Telecommun ication Union), 경제협력개발기구(OECD, Organisation for" \
        "Economic Cooperation and Development)가 모였다." | tr "\n" " " >br.txt &&
    dadeum extract br.txt >out.tsv &&
    cut -f4,8 out.tsv | tail -n +2 >actual &&
    printf "%s\t%s\n" WHO "World Health Organization" ITU "International Telecommunication Union" \
        OECD "Organisation for Economic Cooperation and Development" >expect &&
    test_cmp expect actual &&
    dadeum ingest -q --db br.db br.txt &&
    dadeum export --db br.db --all -o br.tmx &&
    sed -n "s/.*<seg>\(.*\)<\/seg>.*/\1/p" br.tmx >segs &&
    grep -x "International Telecommunication Union" segs &&
    ! grep -e "Organi- zation" -e "Telecommun ication" segs
'
test_expect_success 'an acronym gloss of several words: a word of another body is not the term'"'"'s English' '
    printf "%s\n" "OECD ODA(공적개발원조) 지표와 AI OCR(문서자동인식시스템)을 쓴다." >ow.txt &&
    dadeum extract ow.txt >out.tsv &&
    cut -f3,4,8 out.tsv | tail -n +2 >actual &&
    printf "%s\t%s\t%s\n" 공적개발원조 "OECD ODA" "Official Development Assistance" \
        문서자동인식시스템 "AI OCR" "Artificial Intelligence Optical Character Recognition" >expect &&
    test_cmp expect actual
'
test_done
