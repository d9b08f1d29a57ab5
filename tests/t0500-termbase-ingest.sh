#!/bin/sh
# dadeum ingest: the termbase file, idempotent and order-free ingest,
# changed documents, --from-jsonl, and the progress rule (quiet off a terminal).
. "$(dirname "$0")/lib.sh"

cat >a.txt <<'DOC'
정부는 새로운 인터넷 기반 자원 공유(클라우드) 전략을 발표했다.
인공지능(AI) 안전연구소가 문을 열었다.
미스트랄 AI 최고 경영자(CEO) 면담을 가졌다.
DOC
cat >b.txt <<'DOC'
인터넷기반 자원공유(클라우드) 시장이 커지고 있다.
미지의 위험(Unknown Risk)에 대비한다.
과학기술정보통신부(이하 '과기정통부')는 발표했다.
DOC
cat >c.txt <<'DOC'
데이터 센터(Data Center) 전력 사용이 늘었다.
인공지능(AI) 기술 개발을 지원한다.
DOC

test_expect_success 'ingest creates ./dadeum.db by default and is quiet' '
	dadeum ingest a.txt b.txt c.txt >out 2>err &&
	test -f dadeum.db &&
	test ! -s out && test ! -s err
'

test_expect_success 'DADEUM_DB and --db choose the file' '
	DADEUM_DB=env.db dadeum ingest a.txt && test -f env.db &&
	DADEUM_DB=env.db dadeum ingest --db opt.db a.txt && test -f opt.db &&
	DADEUM_DB=env.db dadeum review --dump >env.dump &&
	dadeum review --db opt.db --dump >opt.dump &&
	test_cmp env.dump opt.dump
'

test_expect_success 're-ingesting unchanged documents changes nothing' '
	dadeum review --dump >before &&
	dadeum ingest a.txt b.txt c.txt &&
	dadeum ingest c.txt a.txt &&
	dadeum review --dump >after &&
	test_cmp before after
'

test_expect_success 'any ingest order gives the same dump' '
	dadeum ingest --db o1.db c.txt b.txt a.txt &&
	dadeum ingest --db o2.db b.txt &&
	dadeum ingest --db o2.db a.txt c.txt &&
	dadeum review --db o1.db --dump >o1 &&
	dadeum review --db o2.db --dump >o2 &&
	test_cmp before o1 &&
	test_cmp before o2
'

test_expect_success 'spacing variants across documents are one concept' '
	dadeum review --all --format tsv >all &&
	test "$(grep -c "클라우드" all)" = 1 &&
	dadeum review --dump >dump &&
	test_grep "^form	자원공유	ko	자원 공유	" dump &&
	test_grep "^form	자원공유	ko	자원공유	" dump &&
	test_grep "	자원 공유	클라우드	.*	2	2	a.txt	1	" all
'

test_expect_success 'a changed document replaces its old evidence' '
	cp c.txt c.orig &&
	echo "양자 컴퓨팅(Quantum Computing) 연구를 확대한다." >c.txt &&
	dadeum ingest c.txt &&
	dadeum review --dump >changed &&
	! grep -q "Data Center" changed &&
	test_grep "Quantum Computing" changed &&
	test_grep "^evidence	인공지능	ko	인공지능	a.txt" changed &&
	! grep -q "^evidence	인공지능	ko	인공지능	c.txt" changed &&
	cp c.orig c.txt && dadeum ingest c.txt &&
	dadeum review --dump >restored &&
	test_cmp before restored
'

test_expect_success '--from-jsonl stores the same concepts as ingest' '
	dadeum extract --format jsonl a.txt b.txt c.txt >pairs.jsonl &&
	dadeum ingest --db j.db --from-jsonl pairs.jsonl &&
	dadeum review --db j.db --dump >j.dump &&
	grep -v "^document" before >want &&
	grep -v "^document" j.dump >got &&
	test_cmp want got &&
	dadeum ingest --db j.db --from-jsonl pairs.jsonl &&
	dadeum review --db j.db --dump >j2.dump &&
	test_cmp j.dump j2.dump
'

test_expect_success '--from-jsonl reads standard input and split map outputs' '
	dadeum extract --format jsonl c.txt >m1.jsonl &&
	dadeum extract --format jsonl a.txt b.txt >m2.jsonl &&
	cat m1.jsonl m2.jsonl >merged.jsonl &&
	dadeum ingest --db s.db --from-jsonl - <merged.jsonl &&
	dadeum review --db s.db --dump >s.dump &&
	test_cmp j.dump s.dump
'

test_expect_success '--from-jsonl keeps en and abbr columns from an aligner' '
	printf "%s\n" "{\"file\":\"x.txt\",\"line\":1,\"ko\":\"최고 경영자\",\"gloss\":\"CEO\",\"kind\":\"abbrev\",\"count\":1,\"reversed\":false,\"expansion\":null,\"context\":\"문맥\",\"en\":\"chief executive officer\",\"abbr\":\"CEO\"}" >al.jsonl &&
	dadeum ingest --db al.db --from-jsonl al.jsonl &&
	dadeum lookup --db al.db "Chief Executive Officer" >al.out &&
	test_grep "최고 경영자 ↔ chief executive officer ↔ CEO" al.out
'

test_expect_success 'malformed JSON Lines are an input error (3)' '
	printf "{\"file\":\"x\",\"ko\":\"가\"\n" >bad.jsonl &&
	test_expect_code 3 dadeum ingest --db bad.db --from-jsonl bad.jsonl 2>err &&
	test_grep "line 1" err &&
	test_expect_code 3 dadeum ingest --db bad.db --from-jsonl missing.jsonl
'

test_expect_success 'an unreadable document is reported, the others stored (3)' '
	test_expect_code 3 dadeum ingest --db part.db missing.txt a.txt 2>err &&
	test_grep "missing.txt" err &&
	dadeum lookup --db part.db --exact 클라우드 >out
'

test_expect_success 'usage errors exit 2' '
	test_expect_code 2 dadeum ingest &&
	test_expect_code 2 dadeum ingest --bogus a.txt &&
	test_expect_code 2 dadeum ingest - &&
	test_expect_code 2 dadeum ingest --from-jsonl x.jsonl a.txt &&
	dadeum ingest -h >help && test_grep "from-jsonl" help
'

test_done
