/*
 * fuzz_doc.h - what the document harnesses (fuzz_extract.c, fuzz_cross.c)
 * share. Not a harness itself: the Makefile builds tests/fuzz/fuzz_*.c only.
 *
 * fuzz_doc_read() splits the input into lines, normalises the valid UTF-8
 * prefix of each and feeds it to a new document of the CLI's context
 * (dadeum.h, so with its oracle) with the given flags, then
 * resolves it; *nlines receives the line count. fuzz_doc_check() asserts
 * what the extractor promises of every pair: a non-empty Korean side and
 * gloss, every string valid UTF-8, a positive count and an existing line.
 */
#ifndef DADEUM_FUZZ_DOC_H
#define DADEUM_FUZZ_DOC_H

#include <assert.h>
#include <stdint.h>
#include <string.h>

#include "dadeum.h"
#include "extract/extract.h"
#include "text/normalize.h"
#include "util/strbuf.h"
#include "util/utf8.h"

/*
 * The context the CLI makes for extract, made on the first input and kept
 * for the process (its oracle caches answers across inputs, as in one run
 * of dadeum extract over many files).
 */
static struct dadeum_ctx *fuzz_ctx(void)
{
    static struct dadeum_ctx *ctx;
    if (!ctx)
        ctx = dadeum_ctx_new();
    return ctx;
}

static struct extract_doc *fuzz_doc_read(const uint8_t *data, size_t size, unsigned flags,
                                         unsigned long *nlines)
{
    struct extract_doc *doc = dadeum_doc_new(fuzz_ctx(), "fuzz", flags);
    struct strbuf line = STRBUF_INIT;
    const char *s = (const char *)data;
    unsigned long no = 0;

    for (size_t i = 0; i < size;) {
        const char *nl = memchr(s + i, '\n', size - i);
        size_t n = nl ? (size_t)(nl - (s + i)) : size - i;
        no++;
        strbuf_reset(&line);
        size_t valid = utf8_valid_prefix(s + i, n);
        text_normalize_line(s + i, valid, &line);
        extract_doc_add_line_raw(doc, line.buf, line.len, s + i, valid, no);
        i += n + 1;
    }
    strbuf_release(&line);
    extract_doc_finish(doc);
    *nlines = no;
    return doc;
}

static void fuzz_check_utf8(const char *s)
{
    assert(utf8_valid_prefix(s, strlen(s)) == strlen(s));
}

static void fuzz_doc_check(const struct extract_doc *doc, unsigned long nlines)
{
    for (size_t i = 0; i < extract_doc_count(doc); i++) {
        const struct extract_pair *p = extract_doc_get(doc, i);
        assert(p->ko && *p->ko && p->gloss && *p->gloss);
        fuzz_check_utf8(p->ko);
        fuzz_check_utf8(p->gloss);
        if (p->en)
            fuzz_check_utf8(p->en);
        if (p->source)
            fuzz_check_utf8(p->source);
        assert(p->count >= 1 && p->line >= 1 && p->line <= nlines);
    }
}

#endif
