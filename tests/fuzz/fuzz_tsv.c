/*
 * fuzz_tsv.c - libFuzzer harness for the TSV pair reader (pairfile_read:
 * `dadeum lookup --glossary`, `dadeum check --glossary`), over glossaries
 * and `dadeum extract` output. See fuzz_pairs.h for what is checked.
 * Seeds: tests/data/fuzz/tsv/.
 */
#include "fuzz_pairs.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_pairs_run("tsv", PAIRFILE_TSV, data, size);
    return 0;
}
