#!/bin/sh
# Issue 16, point 6: creating a termbase races. Two ingests starting on a
# new file: one failed at once with "database is locked" and stored
# nothing; a lookup during creation said "schema version 0 needs
# migrating". A new termbase now appears whole (built beside it, then
# linked into place), so a reader sees no file or a complete one.
. "$(dirname "$0")/lib.sh"

cp "$TEST_DIR"/../docs/corpus/*.txt . 2>/dev/null ||
	skip_all "no corpus in docs/corpus"
printf '{"file":"a.txt","line":1,"ko":"클라우드","gloss":"cloud","kind":"english","count":1,"reversed":false,"expansion":null,"context":"클라우드(cloud)"}\n' >a.jsonl
dadeum ingest --db ref.db *.txt 2>/dev/null
dadeum review --db ref.db --dump >ref.dump

test_expect_success 'two ingests and a lookup on a new termbase, 10 rounds (issue 16)' '
	for i in 1 2 3 4 5 6 7 8 9 10; do
		rm -f c.db c.db-wal c.db-shm &&
		{ dadeum ingest --db c.db *.txt 2>e1 & p1=$!; } &&
		{ dadeum ingest --db c.db *.txt 2>e2 & p2=$!; } &&
		{ dadeum lookup --db c.db 클라우드 >/dev/null 2>e3; l=$?; } &&
		wait $p1 && wait $p2 &&
		test ! -s e1 && test ! -s e2 || { cat e1 e2; return 1; }
		# a lookup finds nothing yet, or finds it: never a half-made schema
		if test $l = 3; then test_grep "no termbase there" e3 || return 1; fi
		! grep -q "schema version 0" e3 || return 1
		dadeum review --db c.db --dump >c.dump && test_cmp ref.dump c.dump || return 1
	done
'

test_expect_success 'creation leaves no temporary file behind' '
	ls -a >files &&
	! grep "\.new-" files
'

test_expect_success 'an empty file made by hand is filled in; lookup calls it empty (3)' '
	: >empty.db &&
	test_expect_code 3 dadeum lookup --db empty.db 클라우드 2>err &&
	test_grep "empty.db.*empty file" err &&
	{ dadeum ingest --db empty.db --from-jsonl a.jsonl & p=$!; } &&
	dadeum ingest --db empty.db --from-jsonl a.jsonl &&
	wait $p &&
	dadeum lookup --db empty.db --exact 클라우드 >out
'

test_done
