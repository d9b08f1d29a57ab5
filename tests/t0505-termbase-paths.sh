#!/bin/sh
# Issue 16, point 5: a termbase path is a plain file name. SQLite would read
# ":memory:" as a private in-memory database and "file:...?mode=memory" as a
# URI (Debian builds SQLite with URI names on), so ingest exited 0 and
# stored nothing; both must name files, from --db and from $DADEUM_DB.
. "$(dirname "$0")/lib.sh"

printf '{"file":"a.txt","line":1,"ko":"클라우드","gloss":"cloud","kind":"english","count":1,"reversed":false,"expansion":null,"context":"클라우드(cloud)"}\n' >a.jsonl

test_expect_success 'a URI-looking --db is a file of that name (issue 16)' '
	dadeum ingest --db "file:x.db?mode=memory" --from-jsonl a.jsonl &&
	test -s "file:x.db?mode=memory" &&
	test ! -e x.db &&
	dadeum lookup --db "file:x.db?mode=memory" --exact 클라우드 >out &&
	test_grep "^클라우드 ↔ cloud" out
'

test_expect_success 'DADEUM_DB=:memory: is a file named :memory: (issue 16)' '
	DADEUM_DB=:memory: dadeum ingest --from-jsonl a.jsonl &&
	test -s ./:memory: &&
	DADEUM_DB=:memory: dadeum lookup --exact 클라우드 >out &&
	test_grep "^클라우드 ↔ cloud" out &&
	dadeum review --db :memory: --dump >dump &&
	test_grep "^document	a.txt" dump
'

test_expect_success 'other odd names: file::memory:, a query string in an absolute path' '
	dadeum ingest --db "file::memory:?cache=shared" --from-jsonl a.jsonl &&
	test -s "file::memory:?cache=shared" &&
	mkdir d && dadeum ingest --db "$PWD/d/file:y.db?immutable=1" --from-jsonl a.jsonl &&
	test -s "d/file:y.db?immutable=1" &&
	dadeum lookup --db "$PWD/d/file:y.db?immutable=1" --exact 클라우드 >out
'

test_done
