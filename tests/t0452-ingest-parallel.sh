#!/bin/sh
# dadeum ingest --parallel: terms whose English the aligned English version
# confirms or proposes are stored with the source "parallel" (issue 18);
# the others keep the extractor's English; errors.
. "$(dirname "$0")/lib.sh"

KO=$TEST_DATA/align/terms-ko.txt
EN=$TEST_DATA/align/terms-en.txt
RKO=$TEST_DATA/align/release-ko.txt
REN=$TEST_DATA/align/release-en.txt

# the evidence rows of the English forms: concept key, form, source, score
english_evidence() {
	dadeum review --db "$1" --dump | awk -F "\t" '$1 == "evidence" && $3 == "english" { print $2 "\t" $4 "\t" $(NF-1) "\t" $NF }' | LC_ALL=C sort
}

test_expect_success 'without --parallel: the transliterator guesses reader for 리더' '
	dadeum ingest --db plain.db "$KO" &&
	dadeum lookup --db plain.db 리더 >out &&
	head -1 out >got &&
	printf "지도자 ↔ 리더 ↔ reader\n" >expect &&
	test_cmp expect got
'

test_expect_success 'the aligned English gives leader, with the source parallel' '
	dadeum ingest --db par.db --parallel "$KO" "$EN" >out 2>err &&
	test ! -s out && test ! -s err &&
	dadeum lookup --db par.db 리더 >out &&
	head -1 out >got &&
	printf "지도자 ↔ 리더 ↔ leader\n" >expect &&
	test_cmp expect got &&
	dadeum lookup --db par.db --format json 리더 >j &&
	grep -F "\"english\":[\"leader\"]" j >/dev/null &&
	grep -F "\"confidence\":0.97" j >/dev/null
'

test_expect_success 'confirmed, proposed and absent English: sources and scores' '
	english_evidence par.db >got &&
	printf "위험요소\trisk\tlexicon\t0.9500\n" >expect &&
	printf "자원공유\tcloud\tparallel\t0.9800\n" >>expect &&
	printf "지도자\tleader\tparallel\t0.9700\n" >>expect &&
	LC_ALL=C sort expect >e && test_cmp e got &&
	english_evidence plain.db >got &&
	printf "위험요소\trisk\tlexicon\t0.9500\n" >expect &&
	printf "자원공유\tcloud\ttranslit\t1.0000\n" >>expect &&
	# 리더 reads reader and leader alike: the guess says it is a toss
	printf "지도자\treader\ttranslit\t0.5000\n" >>expect &&
	LC_ALL=C sort expect >e && test_cmp e got
'

test_expect_success 'parallel evidence passes the export gate a guess misses' '
	dadeum export --db plain.db --format tsv -o plain.tsv 2>/dev/null &&
	! grep -F "클라우드" plain.tsv >/dev/null &&
	dadeum export --db par.db --format tsv -o par.tsv 2>/dev/null &&
	grep -F "cloud" par.tsv >/dev/null &&
	grep -F "leader" par.tsv >/dev/null
'

test_expect_success 'a lexicon English the translation confirms becomes parallel' '
	dadeum ingest --db rel.db --parallel "$RKO" "$REN" &&
	english_evidence rel.db >got &&
	printf "과학기술정보통신부\tMinistry of Science and ICT\tparallel\t0.9800\n" >expect &&
	test_cmp expect got
'

test_expect_success 're-ingesting the pair changes nothing; the Korean alone replaces it' '
	dadeum review --db par.db --dump >before &&
	dadeum ingest --db par.db --parallel "$KO" "$EN" &&
	dadeum review --db par.db --dump >after &&
	test_cmp before after &&
	cp "$KO" k.txt && cp "$EN" e.txt &&
	dadeum ingest --db both.db --parallel k.txt e.txt &&
	dadeum ingest --db both.db k.txt &&
	english_evidence both.db >got &&
	english_evidence plain.db >expect &&
	test_cmp expect got
'

test_expect_success 'errors: an odd number of files, --from-jsonl, unreadable files' '
	test_expect_code 2 dadeum ingest --db err.db --parallel "$KO" 2>err &&
	test $(grep -c "^dadeum: error: " err) = 1 &&
	grep -F "pairs of files" err >/dev/null &&
	test_expect_code 2 dadeum ingest --db err.db --parallel "$KO" "$EN" "$KO" &&
	test_expect_code 2 dadeum ingest --db err.db --parallel --from-jsonl x.jsonl &&
	test ! -e err.db &&
	test_expect_code 3 dadeum ingest --db err.db --parallel "$KO" missing.txt 2>err &&
	test $(wc -l <err) = 1 &&
	grep -F "cannot read '\''missing.txt'\''" err >/dev/null &&
	test_expect_code 3 dadeum ingest --db err.db --parallel missing.txt "$EN" 2>err &&
	test $(wc -l <err) = 1 &&
	test_expect_code 3 dadeum ingest --db err.db --parallel missing.txt "$EN" "$KO" "$EN" &&
	english_evidence err.db >got &&
	english_evidence par.db >expect &&
	test_cmp expect got
'

test_done
