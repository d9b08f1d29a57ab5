#!/bin/sh
# Every command's options, in its -h text and in docs/dadeum.1 (after git's
# t0450-txt-doc-vs-help.sh, which compares the synopses: t0000-help.sh does
# that here). Each option that 'dadeum CMD -h' defines must be documented
# in the man page's section for CMD, and each option that section defines
# (its .TP tags, and CMD's synopsis) must be in the -h text. -h and --help,
# which every command takes, are documented once, under OPTIONS.
. "$(dirname "$0")/lib.sh"

MANPAGE=$TEST_DIR/../docs/dadeum.1
COMMANDS="extract translit ingest lookup review set export import convert check"

# help_defined CMD: the options of CMD's usage and of the lines of its -h
# text that define one (they start with spaces and '-'; the option part ends
# where two spaces start the description)
help_defined() {
	"$DADEUM" "$1" -h >help.txt || return 1
	awk '
		/^usage: / { u = 1 }
		u && /^$/ { u = 0 }
		u || /^ +-/ {
			line = $0
			if (!u) { sub(/^ +/, "", line); n = index(line, "  "); if (n) line = substr(line, 1, n - 1) }
			while (match(line, /(^|[ ,\[(|])--?[a-z][a-z0-9-]*/)) {
				s = substr(line, RSTART, RLENGTH); sub(/^[^-]/, "", s); print s
				line = substr(line, RSTART + RLENGTH)
			}
		}' help.txt | grep -v -x -e -h -e --help | sort -u
}

# help_mentioned CMD: every option the -h text names anywhere
help_mentioned() {
	"$DADEUM" "$1" -h >help.txt || return 1
	awk '{
		line = $0
		while (match(line, /(^|[ ,\[(|])--?[a-z][a-z0-9-]*/)) {
			s = substr(line, RSTART, RLENGTH); sub(/^[^-]/, "", s); print s
			line = substr(line, RSTART + RLENGTH)
		}
	}' help.txt | sort -u
}

# man_options CMD MODE: the options of the section ".SS "dadeum CMD"";
# MODE "defined" takes its .TP tags and CMD's SYNOPSIS entry, "mentioned"
# every option written anywhere in the section
man_options() {
	awk -v cmd="$1" -v mode="$2" '
		function grab(line,    s) {
			gsub(/\\-/, "-", line); gsub(/\\f[BIRP]/, " ", line); gsub(/"/, " ", line)
			while (match(line, /(^|[ ,\[(|])--?[a-z][a-z0-9-]*/)) {
				s = substr(line, RSTART, RLENGTH); sub(/^[^-]/, "", s); print s
				line = substr(line, RSTART + RLENGTH)
			}
		}
		/^\.SH / { syn = ($0 == ".SH SYNOPSIS"); sec = 0; next }
		/^\.SS / { sec = ($0 == ".SS \"dadeum " cmd "\""); next }
		syn && /^\.sp/ { insyn = 0; next }
		syn && index($0, "\\fBdadeum " cmd "\\fR") == 1 { insyn = 1 }
		syn && insyn && mode == "defined" { grab($0); next }
		sec && /^\.TP/ { tag = 1; next }
		sec && (mode == "mentioned" || tag) { grab($0) }
		{ tag = 0 }
	' "$MANPAGE" | grep -v -x -e -h -e --help | sort -u
}

for cmd in $COMMANDS; do
	test_expect_success "$cmd: every option of -h is in the man page section" '
		help_defined '"$cmd"' >in-help &&
		man_options '"$cmd"' mentioned >in-man &&
		test -s in-help &&
		comm -23 in-help in-man >missing &&
		test_cmp /dev/null missing
	'
	test_expect_success "$cmd: every option the man page section defines is in -h" '
		man_options '"$cmd"' defined >in-man &&
		help_mentioned '"$cmd"' >in-help &&
		test -s in-man &&
		comm -23 in-man in-help >missing &&
		test_cmp /dev/null missing
	'
done

test_expect_success 'the test sees a missing option (an -h line the man page lacks)' '
	printf "%s\n" --db --bogus-option | sort >in-help &&
	man_options set mentioned >in-man &&
	comm -23 in-help in-man >missing &&
	test_grep "bogus-option" missing
'

test_done
