/*
 * fuzz_cross.c - libFuzzer harness for whole-document alignment (--cross).
 *
 * Input is split into lines as in fuzz_extract.c; the document keeps its
 * text, is resolved, and align_cross then parses its lists and searches its
 * lines for substitutions and compositions. Every pair, the cross pairs
 * included, must be non-empty valid UTF-8 with a positive count and a line
 * number that exists. No transliterator is installed: the aligner's own
 * parsing is what is fuzzed, and a lookup per input would slow it tenfold.
 */
#include <assert.h>
#include <stdint.h>
#include <string.h>

#include "align/align.h"
#include "extract/extract.h"
#include "text/normalize.h"
#include "util/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_valid(const char *s)
{
    assert(s && utf8_valid_prefix(s, strlen(s)) == strlen(s));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct extract_doc *doc = extract_doc_new("fuzz", EXTRACT_KEEP_TEXT);
    struct strbuf line = STRBUF_INIT;
    const char *s = (const char *)data;
    unsigned long no = 0;

    for (size_t i = 0; i < size;) {
        const char *nl = memchr(s + i, '\n', size - i);
        size_t n = nl ? (size_t)(nl - (s + i)) : size - i;
        no++;
        size_t valid = utf8_valid_prefix(s + i, n);
        strbuf_reset(&line);
        text_normalize_line(s + i, valid, &line);
        extract_doc_add_line(doc, line.buf, line.len, no);
        i += n + 1;
    }
    extract_doc_finish(doc);
    align_cross(doc, 0);
    for (size_t i = 0; i < extract_doc_count(doc); i++) {
        const struct extract_pair *p = extract_doc_get(doc, i);
        assert(*p->ko && *p->gloss);
        check_valid(p->ko);
        check_valid(p->gloss);
        if (p->en)
            check_valid(p->en);
        if (p->source)
            check_valid(p->source);
        assert(p->count >= 1 && p->line >= 1 && p->line <= no);
    }
    extract_doc_free(doc);
    strbuf_release(&line);
    return 0;
}
