#!/bin/sh
# Issue 16, point 7: import held the write lock while it read its input,
# so a slow pipe into import locked out `dadeum set` (exit 4 after 10 s)
# and a big import blocked every writer to the end. Import now reads the
# input through before it locks anything, and stores it in short batches.
. "$(dirname "$0")/lib.sh"

printf '클라우드\tcloud\t\n거버넌스\tgovernance\t\n' >g.tsv
dadeum import --db t.db g.tsv

# still_running PID: the import has not finished yet
still_running() { kill -0 "$1" 2>/dev/null; }

test_expect_success 'set is not locked out while import waits on a slow pipe (issue 16)' '
	{ (cat g.tsv; sleep 4; printf "데이터\tdata\t\n") |
		dadeum import --db t.db --from tsv - 2>imp.err & p=$!; } &&
	sleep 1 &&
	dadeum set 1 --note "set during import" --db t.db >set.out 2>set.err &&
	still_running $p &&
	wait $p &&
	dadeum lookup --db t.db --exact 데이터 >out &&
	dadeum lookup --db t.db --exact 클라우드 >out &&
	test_grep "set during import" out
'

# The import stores 용어0 first and 용어39999 last. Once 용어0 can be seen, the
# import is under way: set must then get in before the import ends, which
# the last concept, not there yet when set returns, shows. Before the fix,
# nothing could be seen before the end, and set waited for the whole import.
test_expect_success 'a big import lets another writer in between batches (issue 16)' '
	awk "BEGIN { for (i = 0; i < 40000; i++) printf \"용어%d\\tterm%d\\t\\n\", i, i }" >big.tsv &&
	{ dadeum import --db t.db big.tsv 2>big.err & p=$!; } &&
	i=0 &&
	until dadeum lookup --db t.db --exact 용어0 >/dev/null 2>&1; do
		i=$((i + 1)) && test $i -lt 1200 && still_running $p || return 1
		sleep 0.05
	done &&
	dadeum set 2 --note "set during a big import" --db t.db >set.out 2>set.err &&
	test_expect_code 1 dadeum lookup --db t.db --exact 용어39999 &&
	wait $p &&
	dadeum lookup --db t.db --exact 용어39999 >out &&
	dadeum lookup --db t.db --exact 거버넌스 >out &&
	test_grep "set during a big import" out
'

test_expect_success 'a file malformed at the end still imports nothing' '
	{ cat g.tsv; printf "새용어\tnew term\t\n"; printf "\377\376\n"; } >bad.tsv &&
	test_expect_code 3 dadeum import --db t.db bad.tsv 2>err &&
	test_grep "nothing imported" err &&
	test_expect_code 1 dadeum lookup --db t.db --exact 새용어
'

test_expect_success 'standard input leaves no temporary copy behind' '
	mkdir tmp &&
	TMPDIR=$PWD/tmp dadeum import --db t.db --from tsv - <g.tsv &&
	rmdir tmp
'

test_done
