#!/bin/sh
# The development corpus (tests/corpus/): every committed text names its source
# on line 1 and comes from a public-sector host, every gold row occurs in its
# document, the splits hold, and the scorer runs on the committed texts with a
# floor well under today's figure (a guard against a silently broken extractor
# or corpus, not a measure: `make eval` measures). Needs python3.
. "$(dirname "$0")/lib.sh"

TOP=$(cd "$TEST_DIR/.." && pwd)
C=$TOP/tests/corpus
command -v python3 >/dev/null || skip_all "python3 not installed"

test_expect_success 'corpus.py check: sources, texts and gold agree' '
	python3 "$C/corpus.py" check >out &&
	test_grep ", 0 problems" out
'

test_expect_success 'at least 60 committed texts, each with its source line' '
	n=$(ls "$C"/docs/*.txt | wc -l) &&
	test "$n" -ge 60 &&
	for f in "$C"/docs/*.txt; do
		head -1 "$f" | grep -q "^# source: https\{0,1\}://" || { echo "$f"; return 1; }
	done
'

test_expect_success 'the test split holds at least 30 % of the documents' '
	python3 "$C/corpus.py" stats >stats &&
	all=$(sed -n "s/^documents \([0-9]*\).*/\1/p" stats) &&
	tst=$(sed -n "s/^test: \([0-9]*\) documents.*/\1/p" stats) &&
	test $((tst * 100)) -ge $((all * 30))
'

test_expect_success 'a row that does not occur in its document is found' '
	mkdir -p bad/docs &&
	cp "$C/corpus.py" bad/ &&
	doc=$(ls "$C/docs" | head -1) &&
	awk -F "\t" -v d="$doc" "NR == 1 || \$1 == d" "$C/SOURCES.tsv" >bad/SOURCES.tsv &&
	test "$(wc -l <bad/SOURCES.tsv)" = 2 &&
	cp "$C/docs/$doc" bad/docs/ &&
	printf "doc\tko\tgloss\tkind\tnote\n%s\t없는말이다\tNOPE\tabbrev\tx\n" "$doc" >bad/gold.tsv &&
	test_expect_code 1 python3 bad/corpus.py check >out &&
	test_grep "does not occur" out
'

test_expect_success 'corpus.py merge --shard folds one shard and leaves the others' '
	mkdir -p m &&
	cp "$C/corpus.py" m/ &&
	printf "doc\taddress\ttext\tagency\tdate\tgenre\tsplit\n" >m/SOURCES.tsv &&
	printf "doc\tko\tgloss\tkind\tnote\n" >m/gold.tsv &&
	printf "인공지능(AI)을 쓴다.\n" >a.txt &&
	printf "클라우드(cloud)를 쓴다.\n" >b.txt &&
	da=$(python3 m/corpus.py add https://www.msit.go.kr/a --text committed --shard one <a.txt) &&
	db=$(python3 m/corpus.py add https://www.msit.go.kr/b --text committed --shard two <b.txt) &&
	printf "%s\t인공지능\tAI\tabbrev\tartificial intelligence\n" "$da" >>m/shards/one/gold.tsv &&
	printf "%s\t클라우드\tcloud\tenglish\tcloud\n" "$db" >>m/shards/two/gold.tsv &&
	python3 m/corpus.py merge --shard one >out &&
	! test -e m/shards/one &&
	test -f m/shards/two/gold.tsv &&
	grep -q "^$da" m/SOURCES.tsv && ! grep -q "^$db" m/SOURCES.tsv &&
	grep -q "인공지능" m/gold.tsv && ! grep -q "클라우드" m/gold.tsv &&
	test_expect_code 1 python3 m/corpus.py merge --shard nosuch 2>err &&
	test_grep "no shard" err &&
	test_expect_code 2 python3 m/corpus.py merge --bogus 2>err &&
	test_expect_code 2 python3 m/corpus.py merge --shard 2>err &&
	test -f m/shards/two/gold.tsv &&
	python3 m/corpus.py merge >out &&
	! test -e m/shards/two &&
	grep -q "^$db" m/SOURCES.tsv
'

test_expect_success 'the committed texts score above the floor' '
	python3 "$C/evaluate.py" --dadeum "$DADEUM" committed >eval &&
	f1=$(sed -n "s/.*strict F1 \([0-9.]*\).*/\1/p" eval) &&
	awk -v f="$f1" "BEGIN { exit !(f >= 0.60) }" || { cat eval; return 1; }
'

test_expect_success 'agreement.py: the second annotation checks and scores' '
	python3 "$C/agreement.py" >agree &&
	test_grep "^== all: 104 documents" agree &&
	f1=$(sed -n "/^== all/,\$ s/.*second against gold.tsv: strict F1 \([0-9.]*\).*/\1/p" agree) &&
	awk -v f="$f1" "BEGIN { exit !(f >= 0.80 && f <= 1) }" || { cat agree; return 1; }
'

test_expect_success 'agreement.py refuses a row that is not in its document' '
	mkdir -p ag/docs &&
	cp "$C/corpus.py" "$C/evaluate.py" "$C/loanword_list.py" "$C/agreement.py" "$C/SOURCES.tsv" "$C/gold.tsv" \
	   "$C/agreement-docs.tsv" ag/ &&
	doc=$(awk -F "\t" "NR > 1 { print \$1 }" "$C/agreement-docs.tsv" | while read d; do
		test -f "$C/docs/$d" && { echo "$d"; break; }; done) &&
	cp "$C/docs/$doc" ag/docs/ &&
	printf "doc\tko\tgloss\tkind\tnote\n%s\t없는말이다\tNOPE\tabbrev\tx\n" "$doc" >ag/agreement-gold.tsv &&
	test_expect_code 1 python3 ag/agreement.py 2>err &&
	test_grep "does not occur in $doc" err &&
	test_expect_code 2 python3 ag/agreement.py --bogus 2>err
'

test_expect_success 'agreement.py names the file and line of a malformed row, header or byte' '
	doc=$(ls ag/docs) &&
	printf "doc\tko\tgloss\tkind\tnote\n%s\t인공지능\tAI\tacronym\tx\n" "$doc" >ag/agreement-gold.tsv &&
	test_expect_code 1 python3 ag/agreement.py 2>err &&
	test_grep "agreement-gold.tsv:2: want doc, ko, gloss and a kind" err &&
	printf "doc\tterm\tgloss\tkind\tnote\n" >ag/agreement-gold.tsv &&
	test_expect_code 1 python3 ag/agreement.py 2>err &&
	test_grep "agreement-gold.tsv:1: header must be" err &&
	printf "doc\tko\tgloss\tkind\tnote\n" >ag/agreement-gold.tsv &&
	test_expect_code 1 python3 ag/agreement.py 2>err &&
	test_grep "agreement-gold.tsv is missing or has no rows" err &&
	printf "doc\tko\tgloss\tkind\tnote\n%s\t\377\tAI\tabbrev\tx\n" "$doc" >ag/agreement-gold.tsv &&
	test_expect_code 1 python3 ag/agreement.py 2>err &&
	test_grep "agreement-gold.tsv: byte 40: not UTF-8" err
'

test_expect_success 'fit.py --only fits the named features and keeps the others' '
	cp "$TOP/glossaries/model/span.tsv" before.tsv &&
	python3 "$C/fit.py" span --dadeum "$DADEUM" --only place,prev_place --l2 1 --check >fit &&
	test_cmp before.tsv "$TOP/glossaries/model/span.tsv" &&
	want=$(awk -F "\t" "\$1 == \"is_rule\" { print \$2 }" before.tsv) &&
	got=$(awk "\$1 == \"is_rule\" { print \$2 }" fit) &&
	awk -v a="$want" -v b="$got" "BEGIN { d = a - b; exit !(d < 0.001 && d > -0.001) }" &&
	test_grep "^  place " fit
'

test_expect_success 'fit.py --leave-out fits without the documents it names' '
	# a committed dev document with a gold row: one the fit reads
	doc=$(awk -F "\t" "FNR == NR { if (\$3 == \"committed\" && \$7 == \"dev\") ok[\$1] = 1; next }
		FNR > 1 && ok[\$1] { print \$1; exit }" "$C/SOURCES.tsv" "$C/gold.tsv") &&
	test -n "$doc" &&
	python3 "$C/fit.py" span --dadeum "$DADEUM" --l2 1 --check >all &&
	printf "%s\n" "$doc" >leave &&
	python3 "$C/fit.py" span --dadeum "$DADEUM" --l2 1 --check --leave-out leave >less &&
	n=$(sed -n "s/.* from \([0-9]*\) documents.*/\1/p" all) &&
	m=$(sed -n "s/.* from \([0-9]*\) documents.*/\1/p" less) &&
	test "$m" -eq $((n - 1))
'

test_expect_success 'fit.py --leave-out refuses a file it cannot read as document names' '
	printf "\377\376\n" >leave-bin &&
	test_expect_code 2 python3 "$C/fit.py" span --dadeum "$DADEUM" --check --leave-out leave-bin 2>err &&
	test_grep "^fit.py: --leave-out leave-bin:1: not UTF-8" err &&
	printf "\nno-such-document.txt\n" >leave-typo &&
	test_expect_code 2 python3 "$C/fit.py" span --dadeum "$DADEUM" --check --leave-out leave-typo 2>err &&
	test_grep "^fit.py: --leave-out leave-typo:2: no document .no-such-document.txt." err
'

test_expect_success 'fit.py counts a decision of a seed release SEED_WEIGHT times' '
	cat >seedw.py <<-EOF &&
	import sys
	sys.path.insert(0, sys.argv[1])
	import fit
	s = fit.seed_gold()[0]
	row = lambda doc, ko, gloss: {"doc": doc, "line": "1", "model": "pair", "ko": fit.norm(ko),
	                              "gloss": fit.norm(gloss), "x": {"bias": 1}}
	rows = [row(s["doc"], s["ko"], s["gloss"]), row("not-a-seed.txt", "x", "y")]
	for w in (1, 3):
	    fit.SEED_WEIGHT = w
	    d = fit.label(rows, "pair")
	    print(len(d), sum(g[0][1] for g in d))
	# the gold gloss after other words is no pair; a wrong boundary is one
	fit.SEED_WEIGHT = 1
	other = row(s["doc"], "다른 조사", s["gloss"])
	longer = row(s["doc"], "국내 " + s["ko"], s["gloss"])
	print(*[fit.label([r], "pair")[0][0][1] for r in (other, longer)])
	EOF
	python3 seedw.py "$C" >got &&
	printf "2 1\n4 3\n0 1\n" >want &&
	test_cmp want got &&
	test_expect_code 2 env DADEUM_SEED_WEIGHT=0 python3 "$C/fit.py" pair --check 2>err &&
	test_grep "DADEUM_SEED_WEIGHT=0" err
'

test_expect_success 'fit.py learns a span choice only where one start is right' '
	cat >spanl.py <<-EOF &&
	import sys
	sys.path.insert(0, sys.argv[1])
	import fit
	s = fit.seed_gold()[0]
	fit.SEED_WEIGHT = 1
	row = lambda ko: {"doc": s["doc"], "line": "1", "model": "span", "ko": fit.norm(ko),
	                  "gloss": fit.norm(s["gloss"]), "x": {"bias": 1}}
	one = [row(s["ko"]), row("국내 " + s["ko"])]
	# two rows that both give the gold side: no choice to learn
	two = [row(s["ko"]), row(s["ko"]), row("국내 " + s["ko"])]
	none = [row("국내 " + s["ko"])]
	print(*[len(fit.label(g, "span")) for g in (one, two, none)])
	print(*[y for x, y in fit.label(one, "span")[0]])
	EOF
	python3 spanl.py "$C" >got &&
	printf "1 0 0\n1 0\n" >want &&
	test_cmp want got
'

test_expect_success 'fit.py --only refuses a feature the model lacks' '
	test_expect_code 2 python3 "$C/fit.py" span --dadeum "$DADEUM" --only no_such --check 2>err &&
	test_grep "no feature no_such" err
'

test_expect_success 'fit.py and cv.py refuse bad option values with exit 2' '
	cp "$TOP/glossaries/model/pair.tsv" before.tsv &&
	for a in "--hold-out x" "--hold-out 3/2" "--hold-out 0/1" "--l2 -1" "--l2 x" "--l2" \
		"--leave-out no-such-file"; do
		test_expect_code 2 python3 "$C/fit.py" pair --dadeum "$DADEUM" $a 2>err &&
		test_grep "^fit.py: --" err || return 1
	done &&
	for a in 0 1 x; do
		test_expect_code 2 python3 "$C/cv.py" --folds $a 2>err &&
		test_grep "^cv.py: --folds $a: not a whole number of 2 or more" err || return 1
	done &&
	test_expect_code 2 python3 "$C/cv.py" --span-only acr_short,no_such 2>err &&
	test_grep "^cv.py: --span-only acr_short,no_such: no feature no_such in span.tsv" err &&
	test_expect_code 2 python3 "$C/cv.py" --span-only "" 2>err &&
	test_grep "no feature (none named)" err &&
	test_expect_code 2 python3 "$C/cv.py" --span-only 2>err &&
	test_cmp before.tsv "$TOP/glossaries/model/pair.tsv"
'

test_expect_success 'mine_morphemes.py proposes pairs from the dev gold, refuses bad options' '
	python3 "$C/mine_morphemes.py" >mined 2>err &&
	head -n 1 mined >head &&
	printf "ko\ten\tdocs\tdice\tmorphemes.tsv\n" >head.want &&
	test_cmp head.want head &&
	test $(wc -l <mined) -gt 100 &&
	test_grep "dev acronym rows with their English" err &&
	for a in "--min-docs 0" "--min-docs x" "--min-dice 2" "--min-dice x" "--bogus 1" "--dic"; do
		test_expect_code 2 python3 "$C/mine_morphemes.py" $a 2>err &&
		test_grep "^mine_morphemes.py: --" err || return 1
	done &&
	test_expect_code 1 python3 "$C/mine_morphemes.py" --dic /nonexistent/ko.dic 2>err &&
	test_grep "^mine_morphemes.py: cannot read /nonexistent/ko.dic" err
'

test_expect_success 'evaluate.py refuses to list the test split errors' '
	test_expect_code 2 python3 "$C/evaluate.py" --dadeum "$DADEUM" --errors test 2>err &&
	test_grep "never read for errors" err
'
T=$TOP/tests/data/translit
test_expect_success 'loanword_list.py: the committed lists are what the review gives' '
	mkdir -p lw &&
	python3 "$C/loanword_list.py" lists "$T/corpus-review.tsv" lw 2>err &&
	cmp lw/corpus-dev.tsv "$T/corpus-dev.tsv" && cmp lw/corpus-test.tsv "$T/corpus-test.tsv" &&
	test_grep "corpus-dev.tsv: [0-9]* words" err
'
test_expect_success 'loanword_list.py: every candidate is a loanword gloss of the gold, reviewed' '
	python3 "$C/loanword_list.py" candidates >cand &&
	test $(wc -l <cand) -gt 500 &&
	awk -F "\t" "NF != 4 || \$3 !~ /^(dev|test)$/ { bad = 1 } END { exit bad }" cand &&
	grep -v "^#" "$T/corpus-review.tsv" | cut -f1 | sort >reviewed &&
	cut -f1 cand | sort >cands &&
	comm -23 cands reviewed >unreviewed && ! test -s unreviewed
'
test_expect_success 'loanword_list.py: a malformed review row is named by file and line' '
	{ head -5 "$T/corpus-review.tsv" && printf "스마트\tsmart\tdev\tmaybe\n"; } >bad-review.tsv &&
	test_expect_code 1 python3 "$C/loanword_list.py" lists bad-review.tsv lw 2>err &&
	test_grep "bad-review.tsv:6: expected ko, en, dev|test, keep|fix|drop" err &&
	test_expect_code 2 python3 "$C/loanword_list.py" bogus 2>err
'

test_expect_success 'fit_translit.py refuses a bad option before it touches the weights' '
	cp "$TOP/glossaries/model/translit.tsv" before.tsv &&
	test_expect_code 2 python3 "$TOP/tests/fit_translit.py" --rounds x 2>err &&
	test_grep "usage\|fit_translit.py \[--dadeum PROG\]" err &&
	test_expect_code 2 python3 "$TOP/tests/fit_translit.py" --rounds 0 2>err &&
	test_expect_code 2 python3 "$TOP/tests/fit_translit.py" --bogus 2>err &&
	cmp before.tsv "$TOP/glossaries/model/translit.tsv"
'

test_done
