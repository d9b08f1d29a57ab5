#!/bin/sh
# t0022: tests/run.sh, on a tree of its own with made-up test scripts: scripts run
# TEST_JOBS at a time are reported in their order whatever order they end in, a
# failure is counted and makes the exit status 1, and a bad TEST_JOBS is refused
# with exit 2 before anything runs.
. "$(dirname "$0")/lib.sh"

TOP=$(cd "$TEST_DIR/.." && pwd)

# ./tree/tests: run.sh and three scripts; the first ends last
mkdir -p tree/tests tree/units && cp "$TOP/tests/run.sh" tree/tests/ || exit 1
cat >tree/tests/t0001-slow.sh <<'EOF'
sleep 1
echo "not ok 1 - slow failure"
exit 1
EOF
cat >tree/tests/t0002-fails.sh <<'EOF'
echo "ok 1 - first"
echo "not ok 2 - planted failure"
echo "the failure's own words" >&2
exit 1
EOF
cat >tree/tests/t0003-quick.sh <<'EOF'
echo "ok 1 - quick"
EOF

test_expect_success 'two at a time: in order, failures counted, exit 1' '
	TEST_JOBS=2 sh tree/tests/run.sh /bin/true tree/units >out 2>&1
	test $? = 1 &&
	grep "not ok" out >failures &&
	printf "    %s\n" "t0001-slow.sh: not ok 1 - slow failure" \
		"t0002-fails.sh: not ok 2 - planted failure" >expect &&
	test_cmp expect failures &&
	grep -q "the failure.s own words" out &&
	tail -n 1 out >last &&
	printf "2 passed, 2 failed\n" >expect &&
	test_cmp expect last
'

test_expect_success 'one at a time gives the same report' '
	TEST_JOBS=1 sh tree/tests/run.sh /bin/true tree/units >one 2>&1
	test $? = 1 &&
	test_cmp out one
'

test_expect_success 'a bad TEST_JOBS is refused with exit 2' '
	for j in 0 x 2x -1; do
		TEST_JOBS=$j sh tree/tests/run.sh /bin/true tree/units >bad 2>err
		test $? = 2 || return 1
		test_grep "TEST_JOBS=$j: not a whole number" err || return 1
		test ! -s bad || return 1
	done
'

test_done
