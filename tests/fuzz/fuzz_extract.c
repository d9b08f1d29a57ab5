/*
 * fuzz_extract.c - libFuzzer harness for the extractor.
 *
 * Input is split into lines; each valid UTF-8 line is normalised and fed to
 * one document, which is then resolved. Every pair must be non-empty valid
 * UTF-8 with a positive count and a line number that exists (fuzz_doc.h).
 */
#include "fuzz_doc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    unsigned long nlines;
    struct extract_doc *doc = fuzz_doc_read(data, size, EXTRACT_EXPLAIN, &nlines);

    fuzz_doc_check(doc, nlines);
    extract_doc_free(doc);
    return 0;
}
