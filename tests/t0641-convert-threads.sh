#!/bin/sh
# dadeum convert on two threads (cmd_convert.c, util/handoff.h): a file of
# many batches gives the bytes, the warnings in their place and the exit
# status of one thread; a read error after several batches leaves no output;
# a write error is reported as on one thread. DADEUM_CONVERT_THREADS chooses.
. "$(dirname "$0")/lib.sh"

# 20,000 units (3.5 MB; some 12 batches of rows, 25 of concepts), unit
# N on line N + 2: unit 9,000 has a deprecated 'lang' and unit 15,000 a tag
# to repair, both warned where they are; units from 12,000 on are en-GB (the
# tags change).
units() {
	awk 'BEGIN {
		print "<?xml version=\"1.0\"?>"
		print "<tmx version=\"1.4\"><header srclang=\"ko-KR\"/><body>"
		for (i = 1; i <= 20000; i++) {
			ko = (i == 9000) ? "lang" : "xml:lang"
			en = (i == 15000) ? "EN_us" : (i >= 12000 ? "en-GB" : "en-US")
			printf "<tu tuid=\"%d\"><prop type=\"x-dadeum-status\">candidate</prop>", i
			printf "<tuv %s=\"ko-KR\"><seg>용어 %d번</seg></tuv>", ko, i
			printf "<tuv xml:lang=\"%s\"><seg>term number %d</seg></tuv></tu>\n", en, i
		}
		print "</body></tmx>"
	}'
}

test_expect_success 'setup' '
	units >big.tmx &&
	test "$(wc -c <big.tmx)" -gt 3000000 &&
	head -c 3000000 big.tmx >cut.tmx
'

test_expect_success 'two threads write what one writes, warnings in their place' '
	for to in tsv csv tmx tbx; do
		DADEUM_CONVERT_THREADS=1 dadeum convert --date 2025-01-01 big.tmx one.$to 2>one.err &&
		DADEUM_CONVERT_THREADS=2 dadeum convert --date 2025-01-01 big.tmx two.$to 2>two.err &&
		test_cmp one.$to two.$to &&
		test_cmp one.err two.err || { echo "to $to"; return 1; }
	done &&
	test "$(wc -l <one.err)" = 2 &&
	test_grep "big.tmx:9002:.*deprecated .lang. attribute" one.err &&
	test_grep "big.tmx:15002:.*EN_us" one.err &&
	test_grep "^용어 20000번	term number 20000	" one.tsv &&
	test_grep "xml:lang=\"en-GB\"" one.tmx &&
	dadeum convert --date 2025-01-01 big.tmx default.tsv 2>default.err &&
	test_cmp one.tsv default.tsv && test_cmp one.err default.err
'

test_expect_success 'to stdout, the warnings fall between the same bytes of output' '
	for n in 1 2; do
		DADEUM_CONVERT_THREADS=$n dadeum convert --date 2025-01-01 --to tsv big.tmx - \
			>both$n.tsv 2>&1 || return 1
	done &&
	test_cmp both1.tsv both2.tsv &&
	test "$(grep -c "dadeum: warning: big.tmx" both2.tsv)" = 2 &&
	test_grep "^# dadeum glossary" both2.tsv
'

test_expect_success 'a read error after several batches leaves no output' '
	for n in 1 2; do
		test_expect_code 3 env DADEUM_CONVERT_THREADS=$n \
			"$DADEUM" convert --date 2025-01-01 cut.tmx cut$n.tsv 2>cut$n.err &&
		for f in cut$n.tsv*; do
			test ! -e "$f" || return 1 # nor its temporary file
		done
	done &&
	test_cmp cut1.err cut2.err &&
	test_grep "deprecated .lang. attribute" cut2.err &&
	test_grep "cannot read .cut.tmx." cut2.err
'

test_expect_success 'a write error stops the read and is reported as on one thread' '
	if test -w /dev/full; then
		for to in tsv tbx; do
			for n in 1 2; do
				test_expect_code 4 env DADEUM_CONVERT_THREADS=$n \
					"$DADEUM" convert --to $to big.tmx - >/dev/full 2>full$n.err ||
				return 1
			done &&
			test_cmp full1.err full2.err &&
			test_grep "cannot write" full2.err || return 1
		done
	fi
'

# Small inputs stay on one thread, so the cases of the convert tests would
# never reach the copy into a batch (put_concept in cmd_convert.c must copy
# every string of a concept): run them all forced onto two threads.
test_expect_success 'the convert tests pass forced onto two threads' '
	for t in t0640-convert t0645-convert-tmx-fidelity; do
		DADEUM_CONVERT_THREADS=2 DADEUM="$DADEUM" TEST_DATA="$TEST_DATA" \
			sh "$TEST_DIR/$t.sh" >$t.out 2>&1 ||
		{ grep "^not ok" $t.out; return 1; }
	done
'

test_done
