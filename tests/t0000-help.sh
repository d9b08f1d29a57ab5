#!/bin/sh
# The command line itself: --help, --version, usage errors and their exit
# codes (after git's t0012-help.sh), and the synopsis printed by -h against
# the one in docs/dadeum.1 (after git's t0450-txt-doc-vs-help.sh).
. "$(dirname "$0")/lib.sh"

MANPAGE=$TEST_DIR/../docs/dadeum.1

# ---- dadeum ------------------------------------------------------------------

test_expect_success '--help prints to stdout and exits 0' '
	test_expect_code 0 dadeum --help >out 2>err &&
	test_grep "^usage: dadeum " out &&
	test ! -s err
'

test_expect_success '--help lists the extract command' '
	dadeum --help >out &&
	test_grep "^  extract  *[a-z]" out
'

test_expect_success '--help ends with the exit status section' '
	dadeum --help >out &&
	test_grep "^exit status:" out &&
	for code in 0 1 2 3 4 5; do
		test_grep "^  $code  [a-z]" out || return 1
	done &&
	tail -n 1 out >last &&
	test_grep "^  5  internal error" last
'

test_expect_success '-h and help are the same as --help' '
	dadeum --help >expect &&
	dadeum -h >actual1 &&
	dadeum help >actual2 &&
	test_cmp expect actual1 &&
	test_cmp expect actual2
'

test_expect_success 'no arguments: usage on stderr, exit 2' '
	test_expect_code 2 dadeum >out 2>err &&
	test ! -s out &&
	test_grep "^usage: dadeum " err
'

test_expect_success 'unknown command: error message, exit 2' '
	test_expect_code 2 dadeum frobnicate >out 2>err &&
	test ! -s out &&
	test_grep "^dadeum: error: .*frobnicate" err &&
	test $(wc -l <err) = 1
'

test_expect_success 'an option as command is unknown too' '
	test_expect_code 2 dadeum --frobnicate >out 2>err &&
	test_grep "^dadeum: error: " err
'

test_expect_success '--version prints the version, exit 0' '
	test_expect_code 0 dadeum --version >out 2>err &&
	test ! -s err &&
	test_grep "^dadeum [0-9][0-9]*\.[0-9][0-9]*\.[0-9][0-9]*$" out &&
	test $(wc -l <out) = 1
'

# ---- dadeum extract ----------------------------------------------------------

test_expect_success 'extract -h: usage and options on stdout, exit 0' '
	test_expect_code 0 dadeum extract -h >out 2>err &&
	test ! -s err &&
	test_grep "^usage: dadeum extract " out &&
	for opt in --format --output --encoding --lenient --explain; do
		grep -F -e "$opt" out >/dev/null || { echo "no $opt"; return 1; }
	done
'

test_expect_success 'extract --help is extract -h' '
	dadeum extract -h >expect &&
	dadeum extract --help >actual &&
	test_grep "^usage: dadeum extract " actual &&
	test_cmp expect actual
'

test_expect_success 'extract: unknown option, exit 2 with the usage on stderr' '
	echo "클라우드(Cloud)" >in.txt &&
	test_expect_code 2 dadeum extract --frobnicate in.txt >out 2>err &&
	test_grep "^dadeum: error: unknown option .--frobnicate." err &&
	test_grep "^usage: dadeum extract " err
'

test_expect_success 'extract: unknown short option, exit 2' '
	echo "클라우드(Cloud)" >in.txt &&
	test_expect_code 2 dadeum extract -Z in.txt >out 2>err &&
	test_grep "^dadeum: error: " err
'

test_expect_success 'extract: no input files, exit 2' '
	test_expect_code 2 dadeum extract >out 2>err &&
	test ! -s out &&
	test_grep "^dadeum: error: no input files" err &&
	test_grep "^usage: dadeum extract " err
'

test_expect_success 'extract: options without files, exit 2' '
	test_expect_code 2 dadeum extract --lenient --format jsonl >out 2>err &&
	test_grep "^dadeum: error: no input files" err
'

test_expect_success 'extract: -o without its argument, exit 2' '
	test_expect_code 2 dadeum extract -o >out 2>err &&
	test_grep "^dadeum: error: " err
'

test_expect_success 'extract: bad --format, exit 2 and nothing on stdout' '
	echo "클라우드(Cloud)" >in.txt &&
	test_expect_code 2 dadeum extract --format xml in.txt >out 2>err &&
	test ! -s out &&
	test_grep "^dadeum: error: unknown format .xml." err
'

test_expect_success 'extract: --format tsv, jsonl and json are accepted' '
	echo "클라우드(Cloud)" >in.txt &&
	dadeum extract --format tsv in.txt >tsv &&
	dadeum extract --format jsonl in.txt >jsonl &&
	dadeum extract --format json in.txt >json &&
	test_cmp jsonl json &&
	test_grep "^file	line	" tsv &&
	test_grep "^{" jsonl
'

test_expect_success 'usage errors print lowercase messages without a full stop' '
	test_expect_code 2 dadeum extract >out 2>err1;
	test_expect_code 2 dadeum nosuchcmd >out 2>err2;
	test_expect_code 2 dadeum extract --format x y >out 2>err3;
	cat err1 err2 err3 >err &&
	grep "^dadeum: error:" err >errors &&
	test $(wc -l <errors) = 3 &&
	! grep "^dadeum: error: [A-Z]" errors &&
	! grep "\.$" errors
'

# ---- docs/dadeum.1 against -h ------------------------------------------------

# Prints a roff file as plain words: comments and request names dropped
# (their arguments kept, unquoted), font and character escapes resolved,
# all white space folded into single spaces.
roff_words() {
	sed -e '/^[.'"'"']\\"/d' -e 's/^[.'"'"'][A-Za-z]*//' -e 's/"//g' \
	    -e 's/\\f\[[^]]*\]//g' -e 's/\\f([A-Za-z][A-Za-z]//g' -e 's/\\f[A-Za-z0-9]//g' \
	    -e 's/\\-/-/g' -e 's/\\&//g' -e 's/\\(aq/'"'"'/g' -e 's/\\e/\\/g' "$1" |
	tr -s ' \t\n' '   '
}

# The synopsis of a -h text: the lines up to the first empty one, with
# "usage: " dropped and white space folded.
help_synopsis() {
	sed -e '/^$/,$d' -e 's/^usage: //' "$1" | tr -s ' \t\n' '   ' | sed 's/ $//'
}

test_expect_success 'the man page exists and lists every section' '
	test -f "$MANPAGE" &&
	for s in NAME SYNOPSIS DESCRIPTION COMMANDS INPUT OUTPUT "EXIT STATUS" FILES \
		 EXAMPLES "SEE ALSO"; do
		grep "^\.SH \"*$s\"*\$" "$MANPAGE" >/dev/null ||
		{ echo "no section $s"; return 1; }
	done
'

test_expect_success 'the synopsis of extract -h is in docs/dadeum.1' '
	dadeum extract -h >help &&
	help_synopsis help >synopsis &&
	test_grep "^dadeum extract \[--format" synopsis &&
	roff_words "$MANPAGE" >doc &&
	grep -F -e "$(cat synopsis)" doc >/dev/null ||
	{ echo "not in $MANPAGE: $(cat synopsis)"; return 1; }
'

test_expect_success 'the synopsis of dadeum --help is in docs/dadeum.1' '
	dadeum --help >help &&
	help_synopsis help >synopsis &&
	test_grep "^dadeum \[--version\]" synopsis &&
	roff_words "$MANPAGE" >doc &&
	grep -F -e "$(cat synopsis)" doc >/dev/null ||
	{ echo "not in $MANPAGE: $(cat synopsis)"; return 1; }
'

test_expect_success 'every long option of extract -h is documented' '
	dadeum extract -h >help &&
	roff_words "$MANPAGE" >doc &&
	grep -o -e "--[a-z][a-z-]*" help | sort -u >options &&
	test -s options &&
	while read opt; do
		grep -F -e "$opt" doc >/dev/null || { echo "undocumented: $opt"; return 1; }
	done <options
'

# git's t0450 proper: every command listed by --help has its -h synopsis in
# the man page (cli.h, "Adding a command", step 3).
test_expect_success 'the synopsis of every command of --help is in docs/dadeum.1' '
	dadeum --help >help &&
	sed -n "/^commands:/,/^\$/s/^  \([a-z][a-z-]*\) .*/\1/p" help >commands &&
	test_grep "^extract\$" commands &&
	roff_words "$MANPAGE" >doc &&
	while read cmd; do
		dadeum $cmd -h >cmd-help 2>cmd-err ||
		{ echo "dadeum $cmd -h failed"; return 1; }
		help_synopsis cmd-help >synopsis &&
		grep -F -e "$(cat synopsis)" doc >/dev/null ||
		{ echo "no synopsis of $cmd in $MANPAGE: $(cat synopsis)"; return 1; }
	done <commands
'

test_expect_success 'every exit status of --help is in EXIT STATUS' '
	dadeum --help >help &&
	sed -n "/^exit status:/,\$s/^  \([0-9]\)  .*/\1/p" help >codes &&
	test $(wc -l <codes) = 6 &&
	sed -n "/^\.SH \"*EXIT STATUS\"*\$/,/^\.SH /p" "$MANPAGE" >section &&
	while read code; do
		grep "^\.B $code\$" section >/dev/null || { echo "no status $code"; return 1; }
	done <codes
'

test_expect_success 'the man page renders without warnings' '
	if command -v groff >/dev/null; then
		groff -k -man -Tutf8 -ww "$MANPAGE" >rendered 2>warnings &&
		test ! -s warnings &&
		test -s rendered
	elif command -v man >/dev/null; then
		man -l "$MANPAGE" >rendered 2>warnings && test -s rendered
	else
		echo "# skipped: neither groff nor man installed" >&2
	fi
'

test_done
