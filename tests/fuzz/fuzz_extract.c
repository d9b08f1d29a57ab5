/*
 * fuzz_extract.c - libFuzzer harness for the extractor.
 *
 * Input is split into lines; each valid UTF-8 line is normalised and fed to
 * one document, which is then resolved. Every pair must be non-empty valid
 * UTF-8 with a positive count and a line number that exists.
 */
#include <assert.h>
#include <stdint.h>
#include <string.h>

#include "extract/extract.h"
#include "text/normalize.h"
#include "util/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct extract_doc *doc = extract_doc_new("fuzz", EXTRACT_EXPLAIN);
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
    for (size_t i = 0; i < extract_doc_count(doc); i++) {
        const struct extract_pair *p = extract_doc_get(doc, i);
        assert(p->ko && *p->ko && p->gloss && *p->gloss);
        assert(utf8_valid_prefix(p->ko, strlen(p->ko)) == strlen(p->ko));
        assert(utf8_valid_prefix(p->gloss, strlen(p->gloss)) == strlen(p->gloss));
        assert(p->count >= 1 && p->line >= 1 && p->line <= no);
    }
    extract_doc_free(doc);
    strbuf_release(&line);
    return 0;
}
