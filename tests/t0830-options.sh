#!/bin/sh
# Issue 16, point 11: option values and messages. Every option value is
# checked before a file is opened or a byte written, with one line naming
# the option and what it accepts, and exit 2; conflicting options are
# refused; what is printed must arrive (--help >/dev/full fails); hunspell
# never prints; a TMX declared ISO-8859-1 over UTF-8 Hangul is reported.
# docs/hostile-input.md, "Options and messages", lists each case.
. "$(dirname "$0")/lib.sh"

unset DADEUM_DB
cat >doc.txt <<'DOC'
정부는 새로운 인터넷 기반 자원 공유(클라우드) 전략을 발표했다.
인공지능(AI) 안전연구소가 문을 열었다.
DOC
dadeum ingest --quiet --db t.db doc.txt

# usage_error WHAT CMD...: CMD exits 2 with one error line naming WHAT, the
# usage after it, and nothing on standard output
usage_error() {
	what=$1
	shift
	test_expect_code 2 dadeum "$@" >out 2>err &&
	test_grep "^dadeum: error: .*$what" err &&
	test_grep "^usage: dadeum" err &&
	test "$(grep -c "^dadeum:" err)" = 1 &&
	test ! -s out
}

test_expect_success 'export --min-count: negative, overflowing, junk refused (issue 16)' '
	usage_error "--min-count needs a whole number from 0 to 4294967295, not .-1." \
		export --db t.db --format md --min-count -1 &&
	usage_error "--min-count needs a whole number" \
		export --db t.db --format md --min-count 99999999999999999999999 &&
	usage_error "--min-count needs a whole number" export --db t.db --format md --min-count 3x &&
	usage_error "--min-count needs a whole number" export --db t.db --format md --min-count "" &&
	dadeum export --db t.db --format md --min-count 0 >out.md &&
	test_grep "인공지능" out.md
'

test_expect_success 'export --kind: unknown kind refused, values listed (issue 16)' '
	usage_error "unknown kind .bogus. (loanword, english, abbrev, native or shortform)" \
		export --db t.db --format md --kind bogus &&
	usage_error "unknown kind .ko." export --db t.db --format md --kind ko &&
	dadeum export --db t.db --format md --kind abbrev >out.md &&
	test_grep "인공지능" out.md
'

test_expect_success 'export --kind, --min-count with a format they do not apply to (issue 16)' '
	usage_error "--kind selects the concepts of a style guide" export --db t.db --kind abbrev &&
	usage_error "--min-count selects" export --db t.db --format tsv --min-count 2 &&
	usage_error "--kind selects" export --db t.db -o x.tmx --kind abbrev &&
	test ! -e x.tmx
'

test_expect_success '--date: past 9999, calendar days that do not exist, before 1970 (issue 16)' '
	for d in 253402300800 999999999999 2025-02-30 2023-02-29 2025-13-01 2025-04-31 \
		20250101T240000Z 20250101T235960Z 1969-12-31 2025-1-01 +1 " 1"; do
		usage_error "--date needs a day from 1970-01-01 to 9999-12-31" \
			export --db t.db --date "$d" -o x.tmx || return 1
		usage_error "--date needs" convert --date "$d" x.tsv y.tmx || return 1
	done &&
	test ! -e x.tmx &&
	dadeum export --db t.db --date 2024-02-29 -o x.tmx &&
	test_grep "creationdate=\"20240229T000000Z\"" x.tmx &&
	dadeum export --db t.db --date 253402300799 -o x.tmx &&
	test_grep "creationdate=\"99991231T235959Z\"" x.tmx
'

test_expect_success 'lookup --limit 0 returns every match, past 1,000 (issue 16)' '
	{
		printf "ko\tgloss\n" &&
		i=0 &&
		while [ $i -lt 1200 ]; do
			printf "가나다라%d\tterm%d\n" $i $i
			i=$((i + 1))
		done
	} >many.tsv &&
	dadeum lookup --glossary many.tsv --limit 0 --format tsv 가나다라 >out.tsv &&
	test "$(wc -l <out.tsv)" = 1201 &&
	dadeum lookup --glossary many.tsv --limit 7 --format tsv 가나다라 >out.tsv &&
	test "$(wc -l <out.tsv)" = 8 &&
	usage_error "--limit needs a whole number from 0 to 1000000000, not .-1." \
		lookup --db t.db --limit -1 AI &&
	usage_error "--limit needs a whole number" lookup --db t.db --limit 18446744073709551617 AI
'

test_expect_success 'review --dump refuses --format, --limit, --status, --all (issue 16)' '
	usage_error "--dump writes the whole termbase as TSV: drop --format" \
		review --db t.db --dump --format json &&
	usage_error "drop --limit" review --db t.db --dump --limit 1 &&
	usage_error "drop --status" review --db t.db --dump --status approved &&
	usage_error "drop --all" review --db t.db --dump --all &&
	dadeum review --db t.db --dump >dump.tsv &&
	test_grep "^concept" dump.tsv
'

test_expect_success 'review --status with --all refused (issue 16)' '
	usage_error "--status and --all cannot be combined" review --db t.db --status approved --all &&
	usage_error "--status and --all cannot be combined" review --db t.db --all --status rejected
'

test_expect_success 'a missing option value is named as such, in every command (issue 16)' '
	usage_error "option .-o. needs a value" export --db t.db -o &&
	usage_error "option .--output. needs a value" export --db t.db --output &&
	usage_error "option .--db. needs a value" lookup AI --db &&
	usage_error "option .-n. needs a value" lookup --db t.db AI -n &&
	usage_error "option .--limit. needs a value" review --db t.db --limit &&
	usage_error "option .--note. needs a value" set --db t.db 1 --note &&
	usage_error "option .-j. needs a value" extract -j &&
	usage_error "option .--encoding. needs a value" ingest --db t.db --encoding &&
	usage_error "option .--from. needs a value" import --db t.db --from &&
	usage_error "option .--date. needs a value" convert a.tsv b.tmx --date &&
	usage_error "option .--glossary. needs a value" check --glossary &&
	usage_error "option .-n. needs a value" translit -n
'

test_expect_success 'unknown options and values given to flags are named (issue 16)' '
	usage_error "unknown option .-x." export --db t.db -xq &&
	usage_error "unknown option .-z." import --db t.db -vz a.tsv &&
	usage_error "unknown option .--frobnicate." review --frobnicate=1 &&
	usage_error "option .--help. takes no value" export --help=yes &&
	usage_error "option .--exact. takes no value" lookup --exact=1 AI
'

test_expect_success 'empty file names and texts refused, not read as files (issue 16)' '
	usage_error "--db needs a file name, not an empty string" lookup --db "" AI &&
	usage_error "--glossary needs a file name" lookup --glossary "" AI &&
	usage_error "-o needs a file name" export --db t.db -o "" &&
	usage_error "-o needs a file name" extract -o "" doc.txt &&
	usage_error "--from-jsonl needs a file name" ingest --db t.db --from-jsonl "" &&
	usage_error "--db needs a file name" review --db "" &&
	usage_error "--glossary needs a file name" check --glossary "" doc.txt &&
	usage_error "unknown encoding .." extract --encoding "" doc.txt &&
	usage_error "--en needs a text to add, not an empty string" set --db t.db 1 --en "" &&
	usage_error "--abbr needs a text to add" set --db t.db 1 --abbr ""
'

test_expect_success '--db with --glossary refused in lookup and check (issue 16)' '
	printf "ko\tgloss\n인터넷 기반 자원 공유\t클라우드\n" >g.tsv &&
	usage_error "--db and --glossary cannot be combined" lookup --db t.db --glossary g.tsv AI &&
	usage_error "--db and --glossary cannot be combined" check --db t.db --glossary g.tsv doc.txt &&
	DADEUM_DB=t.db dadeum lookup --glossary g.tsv 클라우드 >out &&
	test_grep "클라우드" out
'

test_expect_success 'numeric options: -j, translit -n and --all (issue 16)' '
	usage_error "-j needs a whole number from 0 to 256, not .257." extract -j 257 doc.txt &&
	usage_error "-j needs a whole number" extract -j 99999999999999999999 doc.txt &&
	usage_error "-j needs a whole number" extract -j -1 doc.txt &&
	usage_error "-n needs a whole number from 1 to 32, not .0." translit -n 0 클라우드 &&
	usage_error "-n needs a whole number" translit -n 4294967299 클라우드 &&
	usage_error "--all and -n cannot be combined" translit --all -n 2 클라우드
'

test_expect_success 'extract --encoding bogus: exit 2 before the header row (issue 16)' '
	usage_error "unknown encoding .bogus." extract --encoding bogus doc.txt &&
	usage_error "unknown encoding .bogus." extract --encoding bogus -o x.tsv doc.txt &&
	test ! -e x.tsv
'

test_expect_success 'ingest --encoding bogus creates no termbase; check --encoding bogus (issue 16)' '
	usage_error "unknown encoding .bogus." ingest --db new.db --encoding bogus doc.txt &&
	test ! -e new.db &&
	usage_error "--encoding applies to documents" ingest --db new.db --encoding cp949 \
		--from-jsonl x.jsonl &&
	test ! -e new.db &&
	printf "ko\tgloss\n인터넷 기반 자원 공유\t클라우드\n" >g.tsv &&
	usage_error "unknown encoding .bogus." check --glossary g.tsv --encoding bogus doc.txt
'

test_expect_success '--help, -h and --version to a full disk exit 4 (issue 16)' '
	test -w /dev/full || { echo "# no /dev/full"; return 0; }
	test_expect_code 4 dadeum --help >/dev/full 2>err &&
	test_grep "^dadeum: error: cannot write to standard output" err &&
	test_expect_code 4 dadeum --version >/dev/full 2>err &&
	for c in extract ingest lookup review set translit export import convert check; do
		test_expect_code 4 dadeum $c -h >/dev/full 2>err || return 1
		test_grep "cannot write to standard output" err || return 1
	done &&
	test_expect_code 4 dadeum review --db t.db >/dev/full 2>err &&
	test_expect_code 4 dadeum export --db t.db >/dev/full 2>err
'

test_expect_success 'set >/dev/full: the decision is kept, exit 0 with a warning (issue 16)' '
	test -w /dev/full || { echo "# no /dev/full"; return 0; }
	dadeum lookup --db t.db --exact --format tsv 인공지능 >l.tsv &&
	id=$(sed -n 2p l.tsv | cut -f1) &&
	dadeum set --db t.db "$id" --status approved >/dev/full 2>err &&
	test_grep "^dadeum: warning: #$id is set, but it could not be printed" err &&
	dadeum review --db t.db --status approved --format tsv >r.tsv &&
	test_grep "인공지능" r.tsv
'

test_expect_success 'hunspell never prints: a dictionary it cannot open (issue 16; its verdicts are compiled in since)' '
	command -v python3 >/dev/null || { echo "# no python3"; return 0; }
	mkdir hd &&
	python3 -c "import socket; socket.socket(socket.AF_UNIX).bind(\"hd/en_US.aff\")" &&
	cp /usr/share/hunspell/en_US.dic hd/ 2>/dev/null || : >hd/en_US.dic
	DADEUM_HUNSPELL_DIR=$PWD/hd dadeum translit 클라우드 >out 2>err &&
	test_grep "cloud" out && ! grep -v "^dadeum: " err &&
	DADEUM_HUNSPELL_DIR=$PWD/hd dadeum extract doc.txt >out 2>err &&
	! grep -v "^dadeum: " err
'

test_expect_success 'hunspell under descriptor pressure: only dadeum: lines (issue 16)' '
	command -v python3 >/dev/null || { echo "# no python3"; return 0; }
	cat >fdp.py <<-\EOF &&
	import os, resource, sys
	free, lim, fd = int(sys.argv[1]), 64, -1
	while fd < 63 - free:
	    fd = os.open("/dev/null", os.O_RDONLY)
	    os.set_inheritable(fd, True)
	resource.setrlimit(resource.RLIMIT_NOFILE, (lim, lim))
	os.execv(sys.argv[2], sys.argv[2:])
	EOF
	for free in 2 3 4 5 6; do
		python3 fdp.py $free "$DADEUM" translit 클라우드 >out 2>err
		! grep -v "^dadeum: " err || return 1
		python3 fdp.py $free "$DADEUM" extract -j 2 doc.txt doc.txt >out 2>err
		! grep -v "^dadeum: " err || return 1
	done
'

printf '<?xml version="1.0" encoding="ISO-8859-1"?>\n<tmx version="1.4"><header srclang="ko-KR" datatype="plaintext" segtype="phrase" adminlang="en" o-tmf="x" creationtool="x" creationtoolversion="1"/><body><tu><tuv xml:lang="ko-KR"><seg>인터넷 기반 자원 공유</seg></tuv><tuv xml:lang="en-US"><seg>cloud</seg></tuv></tu></body></tmx>\n' >moji.tmx

test_expect_success 'ISO-8859-1 declared over UTF-8 Hangul: a warning naming the file (issue 16)' '
	dadeum import --db m.db moji.tmx 2>err &&
	test_grep "^dadeum: warning: moji.tmx: declares encoding .ISO-8859-1., but its bytes are UTF-8 with Korean text" err &&
	test "$(grep -c warning err)" = 1 &&
	dadeum convert --date 2025-01-02 moji.tmx o.tsv 2>err &&
	test_grep "moji.tmx: declares encoding .ISO-8859-1." err &&
	sed "s/encoding=\"ISO-8859-1\"/encoding=\"latin1\"/" moji.tmx >moji2.tmx &&
	dadeum convert --date 2025-01-02 moji2.tmx o.tsv 2>err &&
	test_grep "declares encoding .latin1." err
'

test_expect_success 'no warning for real Latin-1 or a correct UTF-8 declaration (issue 16)' '
	dadeum convert --date 2025-01-02 "$TEST_DATA/fuzz/tmx/latin1.tmx" o.tsv 2>err &&
	! grep "declares encoding" err &&
	sed "s/ISO-8859-1/UTF-8/" moji.tmx >utf8.tmx &&
	dadeum convert --date 2025-01-02 utf8.tmx o.tsv 2>err &&
	! grep "declares encoding" err
'

test_expect_success 'document readers: no operand, or standard input twice, is a usage error' '
	printf "인터넷 기반 자원 공유(클라우드)\n" >doc.txt &&
	for cmd in extract text check; do
		test_expect_code 2 dadeum $cmd 2>err </dev/null &&
		test_grep "^dadeum: error: no input files (use .-. for standard input)\$" err &&
		test_expect_code 2 dadeum $cmd - doc.txt - 2>err </dev/null &&
		test_grep "^dadeum: error: standard input (.-.) can be read only once\$" err ||
		return 1
	done &&
	test_expect_code 2 dadeum align - - 2>err </dev/null &&
	test_grep "standard input (.-.) can be read only once" err
'

test_done
