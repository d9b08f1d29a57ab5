#!/bin/sh
# run.sh BINARY UNITDIR [BINARY2 UNITDIR2] - run the unit and end-to-end tests.
#
# Each pair is one build (normal, then ASan+UBSan). Unit binaries and test
# scripts print TAP; this script counts "ok" and "not ok" lines across all of
# them, reports each failing test, and ends with the line
#   N passed, N failed
# The test scripts of a build run TEST_JOBS at a time (default: the number of
# processors; each works in a scratch directory of its own, tests/lib.sh), and
# are reported in their order whatever order they end in.
# exiting 1 when anything failed (or a test program crashed). Known breakages
# (TAP "# TODO", from test_expect_failure) are listed and counted apart.
top=$(cd "$(dirname "$0")/.." && pwd)
passed=0
failed=0
known=0
log=$(mktemp "${TMPDIR:-/tmp}/dadeum-run.XXXXXX")
runs=$(mktemp -d "${TMPDIR:-/tmp}/dadeum-runs.XXXXXX")
trap 'rm -f "$log"; rm -rf "$runs"' EXIT
jobs=${TEST_JOBS:-$(nproc 2>/dev/null || echo 1)}
case $jobs in '' | *[!0-9]* | 0)
    echo "run.sh: TEST_JOBS=$jobs: not a whole number >= 1" >&2
    exit 2
    ;;
esac

# TAP output of one program in $log, its exit status in $1, its name in $2
count() {
    ok=$(grep -c '^ok ' "$log")
    nok=$(grep '^not ok ' "$log" | grep -vc '# TODO')
    todo=$(grep '^not ok ' "$log" | grep -c '# TODO')
    passed=$((passed + ok))
    failed=$((failed + nok))
    known=$((known + todo))
    grep '^not ok ' "$log" | grep -v '# TODO' | sed "s|^|    $2: |"
    grep '^not ok .*# TODO' "$log" | sed "s|^|    $2: |"
    if [ "$1" != 0 ] && [ "$nok" = 0 ]; then
        echo "    $2: exited with status $1 without a failing test (crash?)"
        failed=$((failed + 1))
    fi
}

run_build() {
    bin=$1
    units=$2
    case $bin in /*) ;; *) bin=$top/$bin ;; esac
    case $units in /*) ;; *) units=$top/$units ;; esac
    echo "== $(basename "$(dirname "$bin")")/$(basename "$bin") ($bin)"
    for u in "$units"/test_*; do
        [ -x "$u" ] || continue
        (cd "$top" && "$u") >"$log" 2>"$log.err"
        st=$?
        count "$st" "$(basename "$u")"
        [ "$st" = 0 ] || sed 's/^/      /' "$log.err" | head -30
        rm -f "$log.err"
    done
    # script number n runs in the background, its output in $runs/n.*, its
    # status in $runs/n.st once it ends; scripts are collected (counted) in
    # their order as they end, and a new one starts while fewer than TEST_JOBS
    # run (the longest, t0950, would hold back the rest if the oldest had to
    # end first)
    n=0
    next=0
    for t in "$top"/tests/t[0-9]*.sh; do
        [ -f "$t" ] || continue
        n=$((n + 1))
        (
            DADEUM=$bin sh "$t" >"$runs/$n.out" 2>"$runs/$n.err"
            echo $? >"$runs/$n.st"
        ) &
        eval "pid_$n=\$! name_$n=\$t"
        while :; do
            while [ "$next" -lt "$n" ] && [ -f "$runs/$((next + 1)).st" ]; do
                next=$((next + 1))
                collect "$next"
            done
            [ "$(running)" -ge "$jobs" ] || break
            sleep 0.1
        done
    done
    while [ "$next" -lt "$n" ]; do
        next=$((next + 1))
        collect "$next"
    done
}

# how many of the scripts started by run_build have not ended
running() {
    r=0
    k=$next
    while [ "$k" -lt "$n" ]; do
        k=$((k + 1))
        [ -f "$runs/$k.st" ] || r=$((r + 1))
    done
    echo "$r"
}

# counts the test script numbered $1 of run_build, once it has ended
collect() {
    eval "wait \$pid_$1; t=\$name_$1"
    mv "$runs/$1.out" "$log"
    st=$(cat "$runs/$1.st")
    count "$st" "$(basename "$t")"
    [ "$st" = 0 ] || sed 's/^/      /' "$runs/$1.err" | head -40
    rm -f "$runs/$1.err" "$runs/$1.st"
}

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:exitcode=99}
# LeakSanitizer's tracer dies (signal 11) reading the dynamic TLS block that
# glibc 2.36 gives libstdc++ once hunspell is loaded with dlopen ("DTLS 6 at
# 0x9bb"): do not scan thread-local storage (the translit handles kept there,
# one per thread, are also listed by the oracle of src/dadeum.h's context and
# freed with it before exit, so nothing is hidden there), and do not
# print LSan's built-in suppression of glibc's TLS allocation, which would add
# lines to the standard error the tests compare.
export LSAN_OPTIONS=${LSAN_OPTIONS:-use_tls=0:print_suppressions=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1:exitcode=98}
while [ $# -ge 2 ]; do
    run_build "$1" "$2"
    shift 2
done
[ "$known" = 0 ] || echo "$known known breakage(s), marked TODO (see tests/lib.sh, test_expect_failure)"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
