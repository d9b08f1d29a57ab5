#!/bin/sh
# dadeum export's confidence gate (issue #17): the default writes approved
# concepts and candidates whose English is backed (document, lexicon) or a
# transliteration in a band right >= 95 % of the time; --all and
# --min-confidence change it; one stderr line counts what was left out; every
# format carries the confidence; the style guide uses the same gate and
# labels loanwords as TBX does; an old termbase migrates.
. "$(dirname "$0")/lib.sh"

unset DADEUM_DB
# One record per case, as `dadeum extract --format jsonl` writes them:
#   미지의 위험   English written in the document
#   기반          a loanword whose English the lexicon gives
#   가상 자원     a transliteration guess of score 0.80 (band probability 0.88)
#   인공지능 개발 a transliteration guess of score 0.41 (0.61)
#   예전 용어     English without a recorded source (an older extract)
cat >g.jsonl <<'EOF'
{"file":"g.txt","line":1,"ko":"미지의 위험","gloss":"Unknown Risk","kind":"english","count":1,"reversed":false,"context":"미지의 위험(Unknown Risk)에 대비한다.","en":"Unknown Risk","confidence":1.00,"evidence":"gloss"}
{"file":"g.txt","line":2,"ko":"기반","gloss":"플랫폼","kind":"loanword","count":1,"reversed":false,"context":"공공 기반(플랫폼)을 만든다.","en":"platform","confidence":0.95,"evidence":"lexicon"}
{"file":"g.txt","line":3,"ko":"가상 자원","gloss":"클라우드 네이티브","kind":"loanword","count":1,"reversed":false,"context":"가상 자원(클라우드 네이티브) 전략.","en":"cloud native","confidence":0.80,"evidence":"translit"}
{"file":"g.txt","line":4,"ko":"인공지능 개발","gloss":"첨단 AI개발","kind":"loanword","count":1,"reversed":false,"context":"인공지능 개발(첨단 AI개발)이 필요하다.","en":"chum than AI gavel","confidence":0.41,"evidence":"translit"}
{"file":"g.txt","line":5,"ko":"예전 용어","gloss":"올드 텀","kind":"loanword","count":1,"reversed":false,"context":"예전 용어(올드 텀)이다.","en":"old term"}
EOF

segs() { sed -n 's/.*xml:lang="en-US"><seg>\(.*\)<\/seg>.*/\1/p' "$1" | sort; }

test_expect_success 'setup: a termbase with backed English and guesses' '
	dadeum ingest --db g.db --from-jsonl g.jsonl
'

test_expect_success 'default TMX: backed English in, weak guesses out' '
	dadeum export --db g.db --date 2025-01-02 -o def.tmx 2>err &&
	segs def.tmx >got &&
	printf "%s\n" "Unknown Risk" platform >want &&
	test_cmp want got
'

test_expect_success 'stderr says how many were left out and why, on one line' '
	echo "dadeum: export: left out 3 of 5 concepts (2 transliteration guesses below 0.95, 1 of unknown source: ingest their documents again); use --all to include them" >want &&
	test_cmp want err
'

test_expect_success 'the TMX carries the confidence of each concept' '
	grep -A4 "<tu tuid=\"c1.1\"" def.tmx >unit &&
	grep -F "<prop type=\"x-dadeum-confidence\">" def.tmx >props &&
	test $(grep -c . props) = 2 &&
	test_grep "x-dadeum-confidence\">1.00<" props &&
	test_grep "x-dadeum-confidence\">0.95<" props
'

test_expect_success '--all writes every concept, quietly' '
	dadeum export --db g.db --all --date 2025-01-02 -o all.tmx 2>err &&
	test ! -s err &&
	segs all.tmx >got &&
	printf "%s\n" "Unknown Risk" "chum than AI gavel" "cloud native" "old term" platform >want &&
	test_cmp want got &&
	test_grep "x-dadeum-confidence\">0.61<" all.tmx &&
	test_grep "x-dadeum-confidence\">0.00<" all.tmx
'

test_expect_success '--min-confidence moves the bar' '
	dadeum export --db g.db --min-confidence 0.85 -o m85.tmx 2>err &&
	segs m85.tmx >got &&
	printf "%s\n" "Unknown Risk" "cloud native" platform >want &&
	test_cmp want got &&
	test_grep "left out 2 of 5 concepts (1 transliteration guesses below 0.85, 1 of unknown" err &&
	dadeum export --db g.db --min-confidence 0.5 -o m50.tmx 2>err &&
	test $(segs m50.tmx | grep -c .) = 4 &&
	dadeum export --db g.db --min-confidence 1 -o m100.tmx 2>err &&
	segs m100.tmx >got && echo "Unknown Risk" >want && test_cmp want got
'

test_expect_success '-q silences the report' '
	dadeum export --db g.db -q --date 2025-01-02 -o q.tmx 2>err &&
	test ! -s err &&
	test_cmp def.tmx q.tmx
'

test_expect_success '--min-confidence wants a number from 0 to 1 (2)' '
	for x in 1.5 -0.1 abc "" 0.5x nan; do
		test_expect_code 2 dadeum export --db g.db --min-confidence "$x" -o x.tmx 2>err &&
		test_grep "min-confidence wants a number from 0 to 1" err || return 1
	done &&
	test_expect_code 2 dadeum export --db g.db --all --min-confidence 0.5 2>err &&
	test_grep "do not go together" err &&
	test ! -e x.tmx
'

test_expect_success 'TBX, CSV and TSV pass the same gate; TBX and CSV carry the confidence' '
	dadeum export --db g.db --format tbx -o g.tbx 2>/dev/null &&
	test $(grep -c "<termEntry" g.tbx) = 2 &&
	test_grep "<note>x-dadeum-confidence: 0.95</note>" g.tbx &&
	dadeum export --db g.db --format csv -o g.csv 2>/dev/null &&
	test_grep ",confidence" g.csv &&
	test_grep "^기반,platform,.*,0.95" g.csv &&
	dadeum export --db g.db --format tsv -o g.tsv 2>/dev/null &&
	! grep -q "chum than" g.tsv &&
	test_grep "platform" g.tsv
'

test_expect_success '--target loanword writes no English: only rejected concepts stay out' '
	dadeum export --db g.db --target loanword -o lw.tmx 2>err &&
	test ! -s err &&
	test_grep "<seg>첨단 AI개발</seg>" lw.tmx &&
	test_grep "<seg>클라우드 네이티브</seg>" lw.tmx
'

test_expect_success 'a rejected concept is left out and counted' '
	cp g.db r.db &&
	dadeum set --db r.db 1 --status rejected >/dev/null &&
	dadeum export --db r.db -o r.tmx 2>err &&
	test_grep "left out 4 of 5 concepts (1 rejected, 2 transliteration" err &&
	dadeum export --db r.db --status rejected -o rr.tmx 2>err &&
	test_grep "Unknown Risk" rr.tmx
'

test_expect_success 'the style guide uses the same gate' '
	dadeum export --db g.db --format md -o g.md 2>err &&
	test_grep "^### 기반" g.md &&
	test_grep "^### 미지의 위험" g.md &&
	! grep -q "첨단 AI개발" g.md &&
	! grep -q "chum than AI gavel" g.md &&
	test_grep "left out 3 of 5 concepts" err &&
	dadeum export --db g.db --format md --all -o all.md 2>err &&
	test ! -s err &&
	test_grep "chum than AI gavel" all.md
'

test_expect_success 'style guide and TBX agree on a loanword: admitted, deprecated once approved' '
	test_grep "^- 외래어 (허용): 플랫폼" g.md &&
	grep -A3 "<term>플랫폼</term>" g.tbx >t && test_grep admittedTerm-admn-sts t &&
	cp g.db a.db &&
	id=$(dadeum lookup --db a.db --exact --format tsv 기반 | sed -n 2p | cut -f1) &&
	dadeum set --db a.db "$id" --status approved >/dev/null &&
	dadeum export --db a.db --format md -o a.md 2>/dev/null &&
	test_grep "^- 쓰지 말 것: 플랫폼" a.md &&
	dadeum export --db a.db --format tbx -o a.tbx 2>/dev/null &&
	grep -A3 "<term>플랫폼</term>" a.tbx >t && test_grep deprecatedTerm-admn-sts t
'

test_expect_success 'an approved guess passes; English added by a reviewer counts as sure' '
	cp g.db s.db &&
	id=$(dadeum lookup --db s.db --exact --format tsv "인공지능 개발" | sed -n 2p | cut -f1) &&
	dadeum set --db s.db "$id" --status approved >/dev/null &&
	id=$(dadeum lookup --db s.db --exact --format tsv "가상 자원" | sed -n 2p | cut -f1) &&
	dadeum set --db s.db "$id" --en "cloud-native" >/dev/null &&
	dadeum export --db s.db -o s.tmx 2>err &&
	segs s.tmx >got &&
	printf "%s\n" "Unknown Risk" "chum than AI gavel" cloud-native platform >want &&
	test_cmp want got &&
	test_grep "left out 1 of 5 concepts (1 of unknown source" err
'

test_expect_success 'import keeps a file'"'"'s confidence: round trip into an empty termbase' '
	dadeum export --db g.db --all --date 2025-01-02 -o one.tmx 2>/dev/null &&
	dadeum import --db e.db one.tmx &&
	dadeum export --db e.db --all --date 2025-01-02 -o two.tmx 2>/dev/null &&
	test_cmp one.tmx two.tmx &&
	dadeum export --db e.db -o gated.tmx 2>err &&
	segs gated.tmx >got && segs def.tmx >want && test_cmp want got
'

test_expect_success 'documents: written English and lexicon pass, a weak guess does not' '
	cat >d.txt <<-\DOC &&
	미지의 위험(Unknown Risk)에 대비한다.
	인공지능 개발(첨단 AI개발)이 필요하다.
	디지털 전환점(AI 시대)을 맞았다.
	공공 데이터를 모으는 기반(플랫폼)을 만든다.
	DOC
	dadeum ingest --db d.db d.txt &&
	dadeum export --db d.db -o d.tmx 2>err &&
	test_grep "<seg>Unknown Risk</seg>" d.tmx &&
	test_grep "<seg>platform</seg>" d.tmx &&
	! grep -q "seethe\|gavel" d.tmx
'

test_expect_success 'an old termbase migrates: unknown sources until its documents are ingested again' '
	cp d.db old.db && rm -f old.db-wal old.db-shm &&
	sqlite3 old.db "ALTER TABLE evidence DROP COLUMN pos;
		ALTER TABLE evidence DROP COLUMN source; ALTER TABLE evidence DROP COLUMN score;
		ALTER TABLE form DROP COLUMN source; ALTER TABLE form DROP COLUMN score;
		DROP TRIGGER datcat_form_ad; DROP TRIGGER datcat_concept_ad; DROP TABLE datcat;
		PRAGMA user_version = 2" &&
	test_expect_code 3 dadeum export --db old.db -o o.tmx 2>err &&
	test_grep "needs migrating" err &&
	dadeum set --db old.db 1 --note "migrated" >/dev/null &&
	test "$(sqlite3 old.db "PRAGMA user_version")" = 5 &&
	dadeum export --db old.db -o o.tmx 2>err &&
	test_grep "of unknown source: ingest their documents again" err &&
	! grep -q "<seg>Unknown Risk</seg>" o.tmx &&
	dadeum ingest --db old.db d.txt &&
	dadeum export --db old.db -o o.tmx 2>err &&
	! grep -q "unknown source" err &&
	test_grep "<seg>Unknown Risk</seg>" o.tmx &&
	test_grep "<seg>platform</seg>" o.tmx
'

test_done
