#!/bin/sh
# What replacing an output file keeps and refuses (issue 16; util/outfile.c,
# docs/hostile-input.md): check --fix --in-place and export/extract/convert -o
# keep the old file's mode and owner, write through symlinks to the file they
# name, warn that a hard link is broken; an output that is the termbase, the
# glossary or an input is refused (exit 2); temporary files that a killed
# writer left behind are removed by the next write to the same target.
. "$(dirname "$0")/lib.sh"

DATA=$TEST_DATA/check
unset DADEUM_DB
dadeum ingest --db t.db --quiet --from-jsonl "$DATA/terms.jsonl" >/dev/null 2>&1
dadeum lookup --db t.db --exact --format tsv "인터넷 기반 자원 공유" >lookup.tsv
dadeum set --db t.db "$(sed -n 2p lookup.tsv | cut -f1)" --status approved >/dev/null
dadeum check --db t.db --fix "$DATA/draft.txt" >fixed.txt 2>/dev/null
dadeum export --db t.db --date 2025-01-01 -o ref.tsv

# mode FILE: its permission bits in octal; owner FILE: user:group
mode() { stat -c %a "$1"; }
owner() { stat -c %U:%G "$1"; }

# ---- mode and owner ------------------------------------------------------------

for m in 600 444 755 640; do
	test_expect_success "check --fix --in-place keeps mode $m" '
		cp "$DATA/draft.txt" d'$m'.txt && chmod '$m' d'$m'.txt &&
		dadeum check --db t.db --fix --in-place d'$m'.txt 2>/dev/null &&
		test_cmp fixed.txt d'$m'.txt &&
		test "$(mode d'$m'.txt)" = '$m'
	'
done

test_expect_success 'export -o over a mode-600 file keeps 600 (not world-readable)' '
	echo old >e.tsv && chmod 600 e.tsv &&
	dadeum export --db t.db --date 2025-01-01 -o e.tsv &&
	test_cmp ref.tsv e.tsv &&
	test "$(mode e.tsv)" = 600
'

test_expect_success 'extract -o and convert keep the mode of the file they replace' '
	echo old >x.tsv && chmod 604 x.tsv &&
	dadeum extract -o x.tsv fixed.txt &&
	test "$(mode x.tsv)" = 604 &&
	echo old >c.tmx && chmod 620 c.tmx &&
	dadeum convert --date 2025-01-01 ref.tsv c.tmx &&
	test_grep "<tmx" c.tmx &&
	test "$(mode c.tmx)" = 620
'

test_expect_success 'a new file gets 0666 less the umask' '
	(umask 027 && dadeum export --db t.db -o new.tsv) &&
	test "$(mode new.tsv)" = 640
'

if [ "$(id -u)" = 0 ] && id nobody >/dev/null 2>&1; then
	test_expect_success 'root replacing another user'"'"'s file keeps its owner and group' '
		cp "$DATA/draft.txt" theirs.txt && chown nobody:nogroup theirs.txt &&
		chmod 640 theirs.txt &&
		dadeum check --db t.db --fix --in-place theirs.txt 2>/dev/null &&
		test_cmp fixed.txt theirs.txt &&
		test "$(owner theirs.txt)" = nobody:nogroup &&
		test "$(mode theirs.txt)" = 640 &&
		echo old >theirs.tsv && chown nobody:nogroup theirs.tsv &&
		dadeum export --db t.db --date 2025-01-01 -o theirs.tsv &&
		test_cmp ref.tsv theirs.tsv &&
		test "$(owner theirs.tsv)" = nobody:nogroup
	'

	test_expect_success 'another user may not replace root'"'"'s file (exit 4, file kept)' '
		mkdir shared && chmod 777 shared && chmod 755 . &&
		cp t.db shared/t.db && chmod 644 shared/t.db &&
		echo old >shared/root.tsv && chmod 666 shared/root.tsv &&
		test_expect_code 4 setpriv --reuid=nobody --regid=nogroup --clear-groups \
			"$DADEUM" export --db shared/t.db -o shared/root.tsv 2>err &&
		test_grep "cannot write .shared/root.tsv." err &&
		echo old >expect && test_cmp expect shared/root.tsv &&
		test "$(owner shared/root.tsv)" = root:root &&
		ls -a shared >dir.list && ! grep -F root.tsv.tmp. dir.list
	'
fi

# ---- symlinks and hard links ---------------------------------------------------

test_expect_success 'check --fix --in-place through a symlink fixes its target, keeps the link' '
	mkdir real && cp "$DATA/draft.txt" real/draft.txt && chmod 600 real/draft.txt &&
	ln -s real/draft.txt link.txt &&
	dadeum check --db t.db --fix --in-place link.txt 2>/dev/null &&
	test -L link.txt &&
	test "$(readlink link.txt)" = real/draft.txt &&
	test_cmp fixed.txt real/draft.txt &&
	test "$(mode real/draft.txt)" = 600 &&
	ls -a . real >dir.list && ! grep -F .tmp. dir.list
'

test_expect_success 'export -o through a chain of symlinks, and a dangling one' '
	echo old >target.tsv &&
	ln -s target.tsv l1.tsv && ln -s l1.tsv l2.tsv &&
	dadeum export --db t.db --date 2025-01-01 -o l2.tsv &&
	test -L l1.tsv && test -L l2.tsv &&
	test_cmp ref.tsv target.tsv &&
	ln -s real/created.tsv dangling.tsv &&
	dadeum export --db t.db --date 2025-01-01 -o dangling.tsv &&
	test -L dangling.tsv &&
	test_cmp ref.tsv real/created.tsv
'

test_expect_success 'a symlink loop is an output error (exit 4)' '
	ln -s loop2.tsv loop1.tsv && ln -s loop1.tsv loop2.tsv &&
	test_expect_code 4 dadeum export --db t.db -o loop1.tsv 2>err &&
	test_grep "cannot write .loop1.tsv." err &&
	test -L loop1.tsv && test -L loop2.tsv
'

test_expect_success 'a hard-linked output: this name is replaced, the other keeps the old file, with a warning' '
	echo old >h1.tsv && ln h1.tsv h2.tsv &&
	dadeum export --db t.db --date 2025-01-01 -o h1.tsv 2>err &&
	test_cmp ref.tsv h1.tsv &&
	echo old >expect && test_cmp expect h2.tsv &&
	test_grep "warning: .h1.tsv. has 2 hard links" err
'

# ---- an output that is an input --------------------------------------------------

# refused EXIT FILE CMD...: CMD exits EXIT with one error line naming the output
# and the file it would replace, and FILE is unchanged
refused() {
	want=$1 file=$2
	shift 2
	cp "$file" before.copy || return 1
	test_expect_code "$want" "$@" >out 2>err || return 1
	test_cmp before.copy "$file" &&
	test "$(wc -l <err)" = 1 &&
	test_grep "^dadeum: error: output '.*' is the same file as .* '.*'$" err
}

test_expect_success 'export -o the termbase itself, or its WAL: refused, exit 2' '
	cp t.db self.db && cp t.db-wal self.db-wal 2>/dev/null;
	dadeum review --db self.db --dump >before.dump &&
	refused 2 self.db dadeum export --db self.db -o self.db &&
	test_grep "the same file as the termbase" err &&
	ln -s self.db alias.db && ln self.db hard.db &&
	refused 2 self.db dadeum export --db self.db -o alias.db &&
	refused 2 self.db dadeum export --db alias.db -o hard.db &&
	test_grep "output .hard.db. is the same file as the termbase .alias.db." err &&
	if test -e self.db-wal; then
		refused 2 self.db-wal dadeum export --db self.db -o self.db-wal || return 1
	fi &&
	dadeum review --db self.db --dump >after.dump &&
	test_cmp before.dump after.dump
'

test_expect_success 'extract -o an input: refused, exit 2' '
	cp "$DATA/draft.txt" doc.txt && cp "$DATA/clean.txt" other.txt &&
	refused 2 doc.txt dadeum extract -o doc.txt doc.txt &&
	test_grep "same file as the input" err &&
	refused 2 other.txt dadeum extract -o other.txt doc.txt other.txt &&
	ln -s doc.txt link-doc.txt &&
	refused 2 doc.txt dadeum extract -o link-doc.txt doc.txt
'

test_expect_success 'convert with the input as output: refused, exit 2' '
	cp ref.tsv conv.tsv &&
	refused 2 conv.tsv dadeum convert --to tmx conv.tsv conv.tsv &&
	ln conv.tsv conv2.tsv &&
	refused 2 conv.tsv dadeum convert --to tmx conv.tsv conv2.tsv
'

test_expect_success 'check --fix -o the draft, the termbase or the glossary: refused, exit 2' '
	cp "$DATA/draft.txt" draft.txt && cp t.db c.db &&
	refused 2 draft.txt dadeum check --db t.db --fix -o draft.txt draft.txt &&
	refused 2 c.db dadeum check --db c.db --fix -o c.db draft.txt &&
	test_grep "the termbase" err &&
	refused 2 c.db dadeum check --db c.db --fix --in-place c.db &&
	dadeum export --db t.db --format tsv -o g.tsv &&
	refused 2 g.tsv dadeum check --glossary g.tsv --fix -o g.tsv draft.txt &&
	test_grep "the glossary" err
'

# ---- temporary files left by a killed writer ----------------------------------------

test_expect_success 'the next write removes our stale temporary files, and only those' '
	echo old >s.tsv &&
	echo a >s.tsv.tmp.AbC123 && echo b >s.tsv.tmp.zz9ZZ9 &&
	echo keep >s.tsv.tmp.1234567 && echo keep >s.tsv.tmp.ab_123 &&
	echo keep >s.tsv.tmp.ABCDE && echo keep >other.tsv.tmp.AbC123 &&
	echo keep >S.tsv.tmp.AbC123 &&
	ln -s s.tsv.tmp.AbC123 s.tsv.tmp.Sym123 &&
	mkdir s.tsv.tmp.Dir123 &&
	echo linked >s.tsv.tmp.Lnk123 && ln s.tsv.tmp.Lnk123 linked.keep &&
	echo locked >s.tsv.tmp.Lck123 &&
	flock s.tsv.tmp.Lck123 sleep 30 &
	lockpid=$!
	sleep 0.3 &&
	dadeum export --db t.db --date 2025-01-01 -o s.tsv &&
	kill $lockpid; wait $lockpid;
	test_cmp ref.tsv s.tsv &&
	ls -a >dir.list &&
	! grep -x -e s.tsv.tmp.AbC123 -e s.tsv.tmp.zz9ZZ9 dir.list &&
	for f in s.tsv.tmp.1234567 s.tsv.tmp.ab_123 s.tsv.tmp.ABCDE other.tsv.tmp.AbC123 \
		S.tsv.tmp.AbC123 s.tsv.tmp.Sym123 s.tsv.tmp.Dir123 s.tsv.tmp.Lnk123 s.tsv.tmp.Lck123; do
		grep -q -x -F "$f" dir.list || { say_fail "$f was removed"; return 1; }
	done
'

if [ "$(id -u)" = 0 ] && id nobody >/dev/null 2>&1; then
	test_expect_success 'a stale-looking temporary file of another user is kept' '
		echo old >u.tsv && echo x >u.tsv.tmp.Oth123 && chown nobody u.tsv.tmp.Oth123 &&
		echo y >u.tsv.tmp.Own123 &&
		dadeum export --db t.db -o u.tsv &&
		test -e u.tsv.tmp.Oth123 && ! test -e u.tsv.tmp.Own123
	'
fi

test_expect_success 'check --fix --in-place and extract -o clean up their targets too' '
	cp "$DATA/draft.txt" st.txt && echo x >st.txt.tmp.Old123 &&
	dadeum check --db t.db --fix --in-place st.txt 2>/dev/null &&
	! test -e st.txt.tmp.Old123 &&
	echo x >ex.tsv.tmp.Old123 && dadeum extract -o ex.tsv fixed.txt &&
	! test -e ex.tsv.tmp.Old123 &&
	echo x >cv.tmx.tmp.Old123 && dadeum convert ref.tsv cv.tmx &&
	! test -e cv.tmx.tmp.Old123
'

test_done
