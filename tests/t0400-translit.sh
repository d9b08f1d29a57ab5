#!/bin/sh
# t0400-translit.sh - `dadeum translit`: output format, stdin, bad input, help.
. "$(dirname "$0")/lib.sh"

tab=$(printf '\t')

test_expect_success 'one word: word, tab, best candidate first' '
	dadeum translit 클라우드 >out &&
	test_grep "^클라우드${tab}cloud" out &&
	test "$(wc -l <out)" = 1
'

test_expect_success 'several words give one line each, in order' '
	dadeum translit 거버넌스 플랫폼 바우처 >out &&
	cut -f1,2 out >actual &&
	printf "거버넌스\tgovernance\n플랫폼\tplatform\n바우처\tvoucher\n" >expect &&
	test_cmp expect actual
'

test_expect_success 'compounds: spaced, or closed up when one word' '
	dadeum translit 게임체인저 딥페이크 >out &&
	cut -f1,2 out >actual &&
	printf "게임체인저\tgame changer\n딥페이크\tdeepfake\n" >expect &&
	test_cmp expect actual
'

test_expect_success 'a compound WordNet lists wins over homophone parts' '
	dadeum translit 롤모델 핫이슈 스마트팜 >out &&
	cut -f1,2 out >actual &&
	printf "롤모델\trole model\n핫이슈\thot issue\n스마트팜\tsmart farm\n" >expect &&
	test_cmp expect actual
'

test_expect_success 'letter names read as the initialism, below an exact word' '
	dadeum translit 시에스 씨씨티브이 에이아이 아이 비디오 >out &&
	cut -f1,2 out >actual &&
	printf "%s\t%s\n" 시에스 CS 씨씨티브이 CCTV 에이아이 AI 아이 eye 비디오 video >expect &&
	test_cmp expect actual
'

test_expect_success 'a letter prefix: K- and e-, unless solid, letters or a Korean word' '
	dadeum translit 케이컬처 케이팝 이커머스 이메일 케이티 이자율 >out &&
	cut -f1,2 out >actual &&
	printf "%s\t%s\n" 케이컬처 K-culture 케이팝 K-pop 이커머스 e-commerce 이메일 email \
		케이티 KT 이자율 "" >expect &&
	test_cmp expect actual
'

test_expect_success 'no letter prefix beside letter names or an exact rendering of a name' '
	# 케이티 is KT, never K-tea; 이라크 is Iraq, not e-lark; 이집트 not e-zipped
	dadeum translit -n 8 케이티 케이케이 이케이 케이에스 이라크 이집트 이사벨 >out &&
	! grep -E "${tab}(K|e)-" out &&
	dadeum translit -n 1 이라크 >out &&
	printf "이라크\tiraq\n" >expect &&
	test_cmp expect out
'

test_expect_success 'a prefixed word whose rest reads two ways is a coin toss' '
	# 러닝 is running or learning: 이러닝 keeps both, at one confidence under one half
	dadeum translit -n 2 --score 이러닝 >out &&
	test_grep "^이러닝${tab}e-\(running\|learning\) (0\.\([0-4][0-9]\))${tab}e-\(running\|learning\) (0\.\2)$" out
'

test_expect_success 'the [æ] of a one-syllable word keeps 애 unless British says [ɑː]' '
	dadeum translit 퀀텀닷 찬스 >out &&
	cut -f1,2 out >actual &&
	printf "%s\t%s\n" 퀀텀닷 "quantum dot" 찬스 chance >expect &&
	test_cmp expect actual
'

test_expect_success 'a final [d] after a short vowel may be 받침 ㅅ, ranked below the standard' '
	dadeum translit 팟캐스트 패드 >out &&
	cut -f1,2 out >actual &&
	printf "%s\t%s\n" 팟캐스트 podcast 패드 pad >expect &&
	test_cmp expect actual
'

test_expect_success 'the -ule of a word is British [uː], with [j] after an alveolar' '
	dadeum translit 캡슐 >out &&
	cut -f1,2 out >actual &&
	printf "%s\t%s\n" 캡슐 capsule >expect &&
	test_cmp expect actual
'

test_expect_success 'a common capitalised word is a word (SCOWL english-upper)' '
	dadeum translit 인디언 >out &&
	cut -f1,2 out >actual &&
	printf "%s\t%s\n" 인디언 indian >expect &&
	test_cmp expect actual
'

test_expect_success 'a verb or a function word ranks below a noun (WordNet)' '
	dadeum translit 브레이크 그린뉴딜 바이어 위민 >out &&
	cut -f1,2 out >actual &&
	printf "%s\t%s\n" 브레이크 brake 그린뉴딜 "green new deal" 바이어 buyer 위민 women >expect &&
	test_cmp expect actual
'

test_expect_success 'a verb loses only to a noun that sounds the same' '
	# set is mostly a verb, but sat is a variant and sett rare: set stays sure
	dadeum translit -n 1 --score 셋 스타트 >actual &&
	printf "%s\t%s\n" 셋 "set (1.00)" 스타트 "start (1.00)" >expect &&
	test_cmp expect actual
'

test_expect_success 'a compound part English writes solid with the next joins it' '
	dadeum translit 바이오모니터링 업사이클 드림팀 위러브 >out &&
	cut -f1,2 out >actual &&
	printf "%s\t%s\n" 바이오모니터링 biomonitoring 업사이클 upcycle 드림팀 "dream team" \
		위러브 "we love" >expect &&
	test_cmp expect actual
'

test_expect_success 'a WordNet compound chooses among equally close part readings' '
	dadeum translit 커피숍 롤모델 >out &&
	cut -f1,2 out >actual &&
	printf "%s\t%s\n" 커피숍 "coffee shop" 롤모델 "role model" >expect &&
	test_cmp expect actual
'

test_expect_success 'Hangul words written apart read as the compound WordNet lists' '
	dadeum translit "패스트 트랙" 패스트 "빅 데이터" >out &&
	cut -f1,2 out >actual &&
	printf "%s\t%s\n" "패스트 트랙" "fast track" 패스트 past "빅 데이터" "big data" >expect &&
	test_cmp expect actual
'

test_expect_success 'the -ed of a word ending in t or d is British [i], not a schwa' '
	dadeum translit 블렌디드 레이티드 커넥티드 >out &&
	cut -f1,2 out >actual &&
	printf "%s\t%s\n" 블렌디드 blended 레이티드 rated 커넥티드 connected >expect &&
	test_cmp expect actual
'

test_expect_success 'an -ing reading takes the attested prior of its stem' '
	dadeum translit 소싱 캐싱 >out &&
	cut -f1,2 out >actual &&
	printf "%s\t%s\n" 소싱 sourcing 캐싱 caching >expect &&
	test_cmp expect actual
'

test_expect_success 'a compound WordNet hyphenates is written with the hyphen' '
	dadeum translit 체크인 워크인 >out &&
	cut -f1,2 out >actual &&
	printf "%s\t%s\n" 체크인 check-in 워크인 walk-in >expect &&
	test_cmp expect actual
'

test_expect_success '-n limits the candidates, --all prints more' '
	dadeum translit -n 1 클라우드 >one &&
	printf "클라우드\tcloud\n" >expect &&
	test_cmp expect one &&
	dadeum translit --all 클라우드 >all &&
	test "$(awk -F"\t" "{print NF}" all)" -gt 3
'

test_expect_success '--score adds a confidence' '
	dadeum translit -n 1 --score 클라우드 >out &&
	test_grep "^클라우드${tab}cloud (\(0\.9[0-9]\|1\.00\))$" out
'

test_expect_success 'words from standard input, CRLF and blank lines' '
	printf "클라우드\r\n\n바우처\n" >in &&
	dadeum translit -n 1 - <in >out &&
	printf "클라우드\tcloud\n\t\n바우처\tvoucher\n" >expect &&
	test_cmp expect out
'

test_expect_success 'mixed gloss keeps its Latin parts' '
	dadeum translit "AI 원스톱 바우처" AI바우처 >out &&
	test_grep "^AI 원스톱 바우처${tab}AI .* voucher$" out &&
	test_grep "^AI바우처${tab}AI voucher$" out
'

test_expect_success 'empty and garbage input: the word, a tab, nothing' '
	dadeum translit "" "!!!" 뷁뷁 >out &&
	printf "\t\n!!!\t\n뷁뷁\t\n" >expect &&
	test_cmp expect out
'

test_expect_success 'invalid UTF-8 argument: error, exit 3, other words printed' '
	test_expect_code 3 dadeum translit "$(printf "a\377b")" 바우처 >out 2>err &&
	test_grep "not valid UTF-8" err &&
	test_grep "^바우처${tab}voucher" out
'

test_expect_success 'invalid UTF-8 on stdin: exit 3' '
	printf "\377\n클라우드\n" >in &&
	test_expect_code 3 dadeum translit - <in >out 2>err &&
	test_grep "not valid UTF-8" err &&
	test_grep "^클라우드${tab}cloud" out
'

test_expect_success '-h prints help on stdout and exits 0' '
	dadeum translit -h >out &&
	test_grep "^usage: dadeum translit" out &&
	test_grep "exit status" out
'

test_expect_success 'usage errors exit 2' '
	test_expect_code 2 dadeum translit 2>err &&
	test_grep "usage: dadeum translit" err &&
	test_expect_code 2 dadeum translit --bogus 클라우드 2>err &&
	test_expect_code 2 dadeum translit -n 0 클라우드 2>err &&
	test_expect_code 2 dadeum translit -n x 클라우드 2>err
'

test_expect_success 'the catalogues decide between equally close words' '
	# vote and boat render 보트 alike; the catalogues attest boat beside it
	dadeum translit -n 2 보트 >out &&
	printf "보트\tboat\tvote\n" >expect &&
	test_cmp expect out
'

test_expect_success 'the catalogues of general desktop software attest sports' '
	# spots and sports render 스포츠 alike; the catalogue of GNOME Software shows sports
	dadeum translit -n 1 스포츠 >out &&
	printf "스포츠\tsports\n" >expect &&
	test_cmp expect out
'

test_expect_success 'a mixed gloss is spelled with the Korean word tables' '
	dadeum translit "AI 국가펀드" >out &&
	printf "AI 국가펀드\tAI national fund\n" >expect &&
	test_cmp expect out
'

test_expect_success 'a loanword between table words is read exactly, or not at all' '
	# 산림 and 기업 are table words; 바이오매스 and 스타 are exact readings of real
	# words; 유스 is use or youth at a tie, so 유스올림픽 keeps its own reading
	dadeum translit "AI 산림바이오매스" "AI 양자컴퓨팅" "AI 스타기업" "AI 유스올림픽" >out &&
	printf "%s\t%s\n" "AI 산림바이오매스" "AI forest biomass" "AI 양자컴퓨팅" \
		"AI quantum computing" "AI 스타기업" "AI star business" \
		"AI 유스올림픽" "AI use olympic" >expect &&
	test_cmp expect out
'

test_expect_success 'table words that spell one English word are written solid' '
	# 블랙 and 아웃, 마이크로 and 데이터 are table words; the reading of the
	# whole is blackout, microdata: English writes them as one word. 빅 데이터
	# is no such word and stays two
	dadeum translit "AI 블랙아웃" "AI 마이크로데이터" "AI 빅데이터" >out &&
	printf "%s\t%s\n" "AI 블랙아웃" "AI blackout" "AI 마이크로데이터" "AI microdata" \
		"AI 빅데이터" "AI big data" >expect &&
	test_cmp expect out
'

test_expect_success 'a Korean word beside a loanword is the tables word, not a transliteration' '
	# 투자 read as letters is "to jar"; the catalogues and the morphemes say investment
	dadeum translit "그린필드 투자" "브라운필드 투자" >out &&
	printf "그린필드 투자\tgreenfield investment\n브라운필드 투자\tbrownfield investment\n" >expect &&
	test_cmp expect out
'

test_expect_success 'a broken attested table cannot build' '
	gen="$TEST_DIR/../src/gen" &&
	lex="$TEST_DIR/../glossaries/lexicon" &&
	LC_ALL=C awk -f "$gen/sort_rows.awk" -f "$gen/gen_attested.awk" "$lex/attested-loanwords.tsv" "$lex/l10n-words.tsv" >ok.h &&
	test_grep "attested_loan_table" ok.h &&
	mkdir bad &&
	sed "/^파일	/d" "$lex/attested-loanwords.tsv" >bad/attested-loanwords.tsv &&
	test_must_fail env LC_ALL=C awk -f "$gen/sort_rows.awk" -f "$gen/gen_attested.awk" bad/attested-loanwords.tsv "$lex/l10n-words.tsv" >/dev/null 2>err &&
	test_grep "header declares" err &&
	sed "s/^파일	file	/파일	File	/" "$lex/attested-loanwords.tsv" >bad/attested-loanwords.tsv &&
	test_must_fail env LC_ALL=C awk -f "$gen/sort_rows.awk" -f "$gen/gen_attested.awk" bad/attested-loanwords.tsv "$lex/l10n-words.tsv" >/dev/null 2>err &&
	test_grep "lower-case" err &&
	sed "s/^\(파일	file	\).*/\1x/" "$lex/attested-loanwords.tsv" >bad/attested-loanwords.tsv &&
	test_must_fail env LC_ALL=C awk -f "$gen/sort_rows.awk" -f "$gen/gen_attested.awk" bad/attested-loanwords.tsv "$lex/l10n-words.tsv" >/dev/null 2>err &&
	test_grep "positive integer" err
'

test_expect_success 'listed in dadeum --help' '
	dadeum --help >out &&
	test_grep "^  translit " out
'

test_done
