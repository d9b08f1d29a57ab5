#!/bin/sh
# Bad queries (empty, huge, invalid UTF-8) and bad termbase paths, with their exit codes.
. "$(dirname "$0")/lib.sh"

printf '{"file":"a.txt","line":1,"ko":"클라우드","gloss":"cloud","kind":"english","count":1,"reversed":false,"expansion":null,"context":"클라우드(cloud)"}\n' >a.jsonl
dadeum ingest --from-jsonl a.jsonl

test_expect_success 'empty and blank queries are usage errors' '
	test_expect_code 2 dadeum lookup "" 2>err &&
	test_grep "empty query" err &&
	test_expect_code 2 dadeum lookup "   " &&
	test_expect_code 2 dadeum lookup &&
	test_expect_code 2 dadeum lookup a b
'

test_expect_success 'a huge query is a usage error, not a crash' '
	q=$(awk "BEGIN { for (i = 0; i < 2000; i++) printf \"클\" }") &&
	test_expect_code 2 dadeum lookup "$q" 2>err &&
	test_grep "longer than" err &&
	q=$(awk "BEGIN { for (i = 0; i < 300; i++) printf \"클\" }") &&
	test_expect_code 1 dadeum lookup "$q"
'

test_expect_success 'invalid UTF-8 queries are usage errors' '
	test_expect_code 2 dadeum lookup "$(printf "\377\376")" 2>err &&
	test_grep "not valid UTF-8" err &&
	test_expect_code 2 dadeum lookup "$(printf "\355\240\200")" &&
	test_expect_code 2 dadeum lookup "$(printf "클\342\202")"
'

test_expect_success 'odd but valid queries: quotes, FTS syntax, wildcards, Latin-1' '
	test_expect_code 1 dadeum lookup "\"\"\"" &&
	test_expect_code 1 dadeum lookup "a OR b NEAR(c)" &&
	test_expect_code 1 dadeum lookup "%_*?" &&
	dadeum lookup "클라*" >out; test $? -le 1 &&
	test_expect_code 1 dadeum lookup "Ünïcödé"
'

test_expect_success 'bad option values are usage errors' '
	test_expect_code 2 dadeum lookup --limit x 클라우드 &&
	test_expect_code 2 dadeum lookup --limit -1 클라우드 &&
	test_expect_code 2 dadeum lookup --format xml 클라우드 &&
	test_expect_code 2 dadeum lookup --bogus 클라우드
'

test_expect_success 'a missing termbase is not created by lookup (3)' '
	test_expect_code 3 dadeum lookup --db missing.db 클라우드 2>err &&
	test_grep "missing.db" err &&
	test ! -e missing.db &&
	DADEUM_DB=missing.db test_expect_code 3 dadeum lookup 클라우드
'

test_expect_success 'a directory, a text file, a foreign SQLite file (3)' '
	mkdir dir &&
	test_expect_code 3 dadeum lookup --db dir 클라우드 &&
	test_expect_code 4 dadeum ingest --db dir a.txt &&
	echo "just text, not a database, but long enough to look like a header" >text.db &&
	test_expect_code 3 dadeum lookup --db text.db 클라우드 2>err &&
	test_grep "not a termbase" err &&
	test_expect_code 3 dadeum ingest --db text.db --from-jsonl a.jsonl &&
	sqlite3 foreign.db "CREATE TABLE t(x)" &&
	test_expect_code 3 dadeum lookup --db foreign.db 클라우드 2>err &&
	test_grep "not a termbase" err
'

test_expect_success 'a termbase from a newer dadeum is refused (3)' '
	cp dadeum.db newer.db &&
	sqlite3 newer.db "PRAGMA user_version = 99" &&
	test_expect_code 3 dadeum lookup --db newer.db 클라우드 2>err &&
	test_grep "newer" err
'

test_expect_success 'a termbase in a missing directory cannot be created (4)' '
	test_expect_code 4 dadeum ingest --db no/such/dir/x.db --from-jsonl a.jsonl
'

# b.jsonl has a document the termbase lacks: ingesting a.jsonl again writes
# nothing and rightly succeeds even on a read-only file.
test_expect_success 'a read-only termbase cannot be written (4), still read' '
	cp dadeum.db ro.db && chmod a-w ro.db &&
	sed "s/a\.txt/b.txt/; s/클라우드/거버넌스/g; s/cloud/governance/g" a.jsonl >b.jsonl &&
	if test "$(id -u)" != 0; then
		test_expect_code 4 dadeum ingest --db ro.db --from-jsonl b.jsonl 2>err &&
		test_grep "cannot update the termbase" err
	fi &&
	dadeum lookup --db ro.db --exact 클라우드 >out
'

test_done
