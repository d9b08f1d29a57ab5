/*
 * align.c - feeding a document's text and bracket pairs to cross.h.
 */
#include "align/align.h"
#include "align/cross.h"
#include "util/strbuf.h"
#include "util/banned.h"

size_t align_cross(struct extract_doc *d, unsigned flags)
{
    struct cross_doc *c = cross_doc_new(flags);
    struct strbuf src = STRBUF_INIT;
    size_t n, before = extract_doc_count(d);

    cross_doc_reserve(c, extract_doc_text_count(d), before);
    for (size_t i = 0; i < extract_doc_text_count(d); i++) {
        size_t len;
        unsigned long no;
        const char *t = extract_doc_get_text(d, i, &len, &no);
        cross_doc_add_line(c, t, len, no);
    }
    for (size_t i = 0; i < before; i++) {
        const struct extract_pair *p = extract_doc_get(d, i);
        cross_doc_add_pair(c, p->ko, p->gloss, p->kind, p->en);
    }
    cross_doc_align(c);
    n = cross_doc_count(c);
    for (size_t i = 0; i < n; i++) {
        const struct cross_pair *x = cross_doc_get(c, i);
        strbuf_reset(&src);
        strbuf_addf(&src, "%s line %lu, score %.2f", x->evidence, x->gloss_line, x->score);
        extract_doc_add_pair(d, x->ko, x->gloss, x->kind, x->line, src.buf);
    }
    strbuf_release(&src);
    cross_doc_free(c);
    return n;
}
