#!/bin/sh
# Issue 16, point 8: read-only use and damage. A user without write access
# could not read a termbase whose -wal and -shm files were gone ("attempt to
# write a readonly database", with the path twice); a termbase with our
# application id but tables missing gave exit 5, 3 or 4 by command and "no
# such table" without the path. Reads now work on a read-only file, and
# damage is one message naming the path, exit 3, from every command.
. "$(dirname "$0")/lib.sh"

printf '{"file":"a.txt","line":1,"ko":"클라우드","gloss":"cloud","kind":"english","count":1,"reversed":false,"expansion":null,"context":"클라우드(cloud)"}\n' >a.jsonl
sed "s/a\.txt/b.txt/; s/클라우드/거버넌스/g; s/cloud/governance/g" a.jsonl >b.jsonl
printf '데이터\tdata\t\n' >c.tsv

# as_reader cmd...: runs cmd as a user who may not write here (nobody when
# we are root, else ourselves after chmod)
if test "$(id -u)" = 0; then
	if command -v setpriv >/dev/null 2>&1 &&
		setpriv --reuid=nobody --regid=nogroup --clear-groups true 2>/dev/null; then
		as_reader() { setpriv --reuid=nobody --regid=nogroup --clear-groups "$@"; }
	elif command -v runuser >/dev/null 2>&1 && runuser -u nobody -- true 2>/dev/null; then
		as_reader() { runuser -u nobody -- "$@"; }
	else
		as_reader=
	fi
else
	as_reader() { "$@"; }
fi
chmod 755 "$SCRATCH"

# a termbase in a directory nobody else may write, without -wal and -shm
mkdir ro &&
dadeum ingest --db ro/t.db --from-jsonl a.jsonl &&
rm -f ro/t.db-wal ro/t.db-shm &&
chmod 644 ro/t.db && chmod 555 ro

if command -v as_reader >/dev/null 2>&1 && ! as_reader test -w ro/t.db; then
	test_expect_success 'a read-only termbase without -wal/-shm can be read (issue 16)' '
		as_reader "$DADEUM" lookup --db ro/t.db --exact 클라우드 >out 2>err &&
		test_grep "^클라우드 ↔ cloud" out &&
		as_reader "$DADEUM" review --db ro/t.db >out 2>err &&
		test_grep "클라우드" out &&
		as_reader "$DADEUM" review --db ro/t.db --dump >out 2>err &&
		as_reader "$DADEUM" export --db ro/t.db >out 2>err &&
		test_grep "cloud" out &&
		test_expect_code 1 as_reader "$DADEUM" check --db ro/t.db a.jsonl >out 2>err &&
		test_grep "클라우드(cloud)" out &&
		test ! -e ro/t.db-wal && test ! -e ro/t.db-shm
	'

	test_expect_success 'writing it fails once, naming the path (4); unchanged input is fine' '
		test_expect_code 4 as_reader "$DADEUM" set 1 --note x --db ro/t.db 2>err &&
		test_grep "^dadeum: error: cannot update the termbase .ro/t.db.: read-only$" err &&
		as_reader "$DADEUM" ingest --db ro/t.db --from-jsonl a.jsonl &&
		test_expect_code 4 as_reader "$DADEUM" ingest --db ro/t.db --from-jsonl b.jsonl 2>err &&
		test_grep "read-only" err &&
		test_expect_code 4 as_reader "$DADEUM" import --db ro/t.db c.tsv 2>err &&
		test_grep "read-only" err &&
		test $(grep -c "ro/t.db" err) = 1
	'

	test_expect_success 'with -wal/-shm left by the owner, a reader can still read' '
		chmod 755 ro && dadeum lookup --db ro/t.db --exact 클라우드 >out && chmod 555 ro &&
		test -e ro/t.db-shm &&
		as_reader "$DADEUM" lookup --db ro/t.db --exact 클라우드 >out 2>err &&
		test_grep "^클라우드 ↔ cloud" out
	'
else
	echo "# skipped the read-only user tests: no user without write access here"
fi
chmod 755 ro

# damaged: our application id and version, but an object of the schema gone
dadeum ingest --db good.db --from-jsonl a.jsonl
for what in fuzzy form_fts concept; do
	test_expect_success "a termbase without '$what': every command says so, exit 3 (issue 16)" '
		cp good.db $what.db &&
		sqlite3 $what.db "DROP TABLE $what" &&
		for cmd in "lookup 클라우드" "lookup --exact 클라우드" review "review --dump" \
			"set 1 --note x" "ingest --from-jsonl b.jsonl" "import c.tsv" \
			"export -o out.tsv" "check a.jsonl"; do
			test_expect_code 3 dadeum $cmd --db $what.db 2>err || return 1
			test_grep "^dadeum: error: .$what.db.: damaged termbase (.*$what.* missing)$" err ||
				return 1
		done
	'
done

test_expect_success 'a changed column is damage too, not an internal error' '
	cp good.db col.db &&
	sqlite3 col.db "ALTER TABLE concept RENAME COLUMN note TO remark" &&
	test_expect_code 3 dadeum lookup --db col.db 클라우드 2>err &&
	test_grep "col.db.: damaged termbase" err &&
	test_expect_code 3 dadeum review --db col.db 2>err &&
	test_grep "col.db.: damaged termbase" err
'

test_expect_success 'tables without a schema version, and damaged pages (3)' '
	cp good.db v0.db &&
	sqlite3 v0.db "PRAGMA user_version = 0" &&
	test_expect_code 3 dadeum lookup --db v0.db 클라우드 2>err &&
	test_grep "v0.db.: damaged termbase" err &&
	test_expect_code 3 dadeum ingest --db v0.db --from-jsonl b.jsonl 2>err &&
	test_grep "v0.db.: damaged termbase" err
'

test_done
