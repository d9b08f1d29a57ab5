/*
 * fuzz_jsonl.c - libFuzzer harness for the JSON Lines pair reader
 * (pairfile_read: `dadeum ingest --from-jsonl`). See fuzz_pairs.h
 * for what is checked. Seeds: tests/data/fuzz/jsonl/.
 */
#include "fuzz_pairs.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_pairs_run("jsonl", PAIRFILE_JSONL, data, size);
    return 0;
}
