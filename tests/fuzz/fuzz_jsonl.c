/*
 * fuzz_jsonl.c - libFuzzer harness for the JSON Lines pair reader
 * (termbase_ingest_jsonl: `dadeum ingest --from-jsonl`). See fuzz_pairs.h
 * for what is checked. Seeds: tests/data/fuzz/jsonl/.
 */
#include "fuzz_pairs.h"

static enum termbase_status read_jsonl(struct termbase *tb, const char *path, struct dd_error *err)
{
    return termbase_ingest_jsonl(tb, path, NULL, NULL, err);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_pairs_run("jsonl", read_jsonl, data, size);
    return 0;
}
