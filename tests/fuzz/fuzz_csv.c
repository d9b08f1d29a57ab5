/*
 * fuzz_csv.c - libFuzzer harness for the delimited readers: csv_read (RFC
 * 4180 with a header row) and tsv_read (OmegaT glossary), both on the same
 * input, which goes through the encoding detector first (UTF-8, UTF-16 with
 * BOM, CP949).
 *
 * See fuzz_exchange.h for what is checked of every concept read and of a
 * failed read. Seeds: tests/data/fuzz/csv/.
 */
#include "fuzz_exchange.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *path = fuzz_input_file("csv", data, size);
    fuzz_sniff(path, size);
    fuzz_read(csv_read, path);
    fuzz_read(tsv_read, path);
    return 0;
}
