# lib.sh - the end-to-end test library (after git's t/test-lib.sh).
#
# A test script sources this file, then runs test_expect_success blocks and
# ends with test_done. Each script gets a fresh scratch directory as its
# working directory. Output is TAP: "ok N - title" / "not ok N - title".
#
#   DADEUM   the binary under test (absolute path; set by tests/run.sh)
#   TEST_DATA the tests/data directory
#
# Never pipe the tool's output into another command inside a test: a pipe
# hides the exit status (and with it a crash). Redirect to a file instead.

set -u
: "${DADEUM:?DADEUM must name the dadeum binary}"
TEST_DIR=$(cd "$(dirname "$0")" && pwd)
TEST_DATA=$TEST_DIR/data
test_count=0
test_failures=0
SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/dadeum-test.XXXXXX")
trap 'rm -rf "$SCRATCH"' EXIT
cd "$SCRATCH" || exit 1

dadeum() { "$DADEUM" "$@"; }

say_fail() {
    printf '# %s\n' "$@" >&2
}

# test_expect_success 'title' 'shell code'
test_expect_success() {
    test_count=$((test_count + 1))
    if (eval "$2") >"$SCRATCH/.out" 2>&1; then
        echo "ok $test_count - $1"
    else
        test_failures=$((test_failures + 1))
        echo "not ok $test_count - $1"
        sed 's/^/#   /' "$SCRATCH/.out" >&2
    fi
}

# test_expect_failure 'title' 'shell code': a known breakage (as in git's test
# library). TAP's TODO directive marks it: "not ok N - title # TODO known
# breakage" while it fails (tests/run.sh counts it apart, not as a failure),
# and "ok N - title # TODO known breakage vanished" once it passes, which is
# the cue to turn it back into test_expect_success.
test_expect_failure() {
    test_count=$((test_count + 1))
    if (eval "$2") >"$SCRATCH/.out" 2>&1; then
        echo "ok $test_count - $1 # TODO known breakage vanished"
    else
        echo "not ok $test_count - $1 # TODO known breakage"
    fi
}

# test_expect_code N cmd... : runs cmd, fails unless it exits with N
test_expect_code() {
    want=$1
    shift
    "$@"
    got=$?
    if [ "$got" != "$want" ]; then
        say_fail "command exited $got, want $want: $*"
        return 1
    fi
    return 0
}

# test_must_fail cmd... : fails unless cmd exits with 1..125 (not a crash)
test_must_fail() {
    "$@"
    got=$?
    if [ "$got" = 0 ]; then
        say_fail "command succeeded, want failure: $*"
        return 1
    fi
    if [ "$got" -gt 125 ]; then
        say_fail "command died with status $got: $*"
        return 1
    fi
    return 0
}

# test_cmp expect actual : compares two files, showing a diff on failure
test_cmp() {
    if ! cmp -s "$1" "$2"; then
        say_fail "files differ: $1 $2"
        diff -u "$1" "$2" | head -40 >&2
        return 1
    fi
}

# test_grep pattern file : like grep -q, but shows the file on failure
test_grep() {
    if ! grep -q -e "$1" "$2"; then
        say_fail "no line matching '$1' in $2:"
        sed 's/^/#     /' "$2" >&2
        return 1
    fi
}

test_done() {
    echo "1..$test_count"
    [ "$test_failures" = 0 ]
}

# skip_all 'reason': skips the whole script (TAP "1..0 # SKIP reason")
skip_all() {
    echo "1..0 # SKIP $1"
    echo "# skipped: $1" >&2
    exit 0
}

# omegat_translate DIR: writes DIR/omegat.project (ko-KR -> en-US, the
# default folders, no sentence segmentation) and has OmegaT translate DIR
# headless, with DIR/tm/auto/*.tmx applied; the log goes to omegat.log.
# The caller makes DIR/source, DIR/tm/auto and skips when omegat is missing.
omegat_translate() {
	mkdir -p "$1/source" "$1/target" "$1/tm/auto" "$1/glossary" "$1/dictionary" "$1/omegat" &&
	cat >"$1/omegat.project" <<-\XML &&
	<?xml version="1.0" encoding="UTF-8" standalone="no"?>
	<omegat>
	  <project version="1.0">
	    <source_dir>__DEFAULT__</source_dir>
	    <source_dir_excludes/>
	    <target_dir>__DEFAULT__</target_dir>
	    <tm_dir>__DEFAULT__</tm_dir>
	    <glossary_dir>__DEFAULT__</glossary_dir>
	    <glossary_file>__DEFAULT__</glossary_file>
	    <dictionary_dir>__DEFAULT__</dictionary_dir>
	    <source_lang>ko-KR</source_lang>
	    <target_lang>en-US</target_lang>
	    <source_tok>org.omegat.tokenizer.LuceneCJKTokenizer</source_tok>
	    <target_tok>org.omegat.tokenizer.LuceneEnglishTokenizer</target_tok>
	    <sentence_seg>false</sentence_seg>
	    <support_default_translations>true</support_default_translations>
	    <remove_tags>false</remove_tags>
	  </project>
	</omegat>
	XML
	HOME=$PWD/home timeout 60 omegat "$PWD/$1" --mode=console-translate \
		-Djava.awt.headless=true >omegat.log 2>&1
}
