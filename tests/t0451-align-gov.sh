#!/bin/sh
# dadeum align on Korean government releases and their English versions
# (tests/data/align/gov/, issue 18), scored against the hand-checked gold
# with tests/align/lohelp.py. The floors are the F1 measured when the pairs
# were added, less 0.05: on golds of 9 to 16 links one more wrong or missing
# link falls below them.
. "$(dirname "$0")/lib.sh"

GOV=$TEST_DATA/align/gov
LOHELP=$TEST_DIR/align/lohelp.py

# gov_score KO EN NAME PARA_MIN SENT_MIN: align, score, compare both F1s
gov_score() {
	dadeum align --format tsv -o "$3.tsv" "$GOV/$1" "$GOV/$2" &&
	/usr/bin/python3 "$LOHELP" score "$GOV/$3.gold.tsv" "$3.tsv" \
		--sentence-gold "$GOV/$3.sent.tsv" >"$3.score" &&
	cat "$3.score" &&
	awk -v p="$4" -v s="$5" '
		/^paragraph links:/ { pf = $8; np++ }
		/^sentence links:/ { sf = $8; ns++ }
		END {
			if (np != 1 || ns != 1) { print "no scores"; exit 1 }
			if (pf + 0 < p) { print "paragraph F1 " pf " < " p; exit 1 }
			if (sf + 0 < s) { print "sentence F1 " sf " < " s; exit 1 }
		}' "$3.score"
}

test_expect_success 'MOFA briefing of 12 July 2018 (KO/EN page excerpts)' '
	gov_score mofa-2018-07-12-press-briefing.ko.txt \
		mofa-2018-07-12-press-briefing.en.txt \
		mofa-2018-07-12-press-briefing 0.83 0.86
'

test_expect_success 'MSIT ICT Strategy Committee, Korean cut to an excerpt' '
	gov_score msit-2024-10-18-ict-strategy-committee.excerpt.ko.txt \
		msit-2024-10-18-ict-strategy-committee.en.txt \
		msit-2024-10-18-ict-strategy-committee 0.72 0.70
'

test_expect_success 'the scorer fails a wrong alignment (the floors can fail)' '
	printf "ko\ten\tscore\tko_pos\ten_pos\n" >bad.tsv &&
	printf "a\tb\t1\t11.1\t10.1\nc\td\t1\t13.1\t4.1\n" >>bad.tsv &&
	/usr/bin/python3 "$LOHELP" score \
		"$GOV/msit-2024-10-18-ict-strategy-committee.gold.tsv" bad.tsv \
		--sentence-gold "$GOV/msit-2024-10-18-ict-strategy-committee.sent.tsv" >bad.score &&
	grep "^paragraph links: P 0.0000 R 0.0000 F1 0.0000" bad.score >/dev/null &&
	grep "^sentence links:  P 0.0000 R 0.0000 F1 0.0000" bad.score >/dev/null
'

test_done
