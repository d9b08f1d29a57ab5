/*
 * fuzz_cross.c - libFuzzer harness for whole-document alignment (--cross).
 *
 * The input becomes a document as in fuzz_extract.c, keeping its text;
 * align_cross then parses its lists and searches its lines for
 * substitutions and compositions. Every pair, the cross pairs included, must
 * pass fuzz_doc_check. No transliterator is installed: the aligner's own
 * parsing is what is fuzzed, and a lookup per input would slow it tenfold.
 */
#include "align/align.h"
#include "fuzz_doc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    unsigned long nlines;
    struct extract_doc *doc = fuzz_doc_read(data, size, EXTRACT_KEEP_TEXT, &nlines);

    align_cross(doc, 0);
    fuzz_doc_check(doc, nlines);
    extract_doc_free(doc);
    return 0;
}
