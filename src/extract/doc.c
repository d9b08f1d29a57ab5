/*
 * doc.c - one document: occurrences in, distinct pairs out.
 *
 * Lines are scanned as they arrive; only the occurrences (and each line that
 * holds one, as context) are kept. extract_doc_finish then runs the
 * document-wide steps: agreement per gloss, pass 1 (abbreviations, short
 * forms, reversed pairs) whose results become knowledge, pass 2 (the rest),
 * and grouping by (Korean term, gloss) in order of first occurrence.
 */
#include <stdlib.h>
#include <string.h>

#include "extract/extract_int.h"
#include "extract/lexicon.h"
#include "util/strmap.h"
#include "util/xmalloc.h"
#include "util/banned.h"

struct extract_doc {
    char *name;                 /* as given by the caller */
    unsigned flags;             /* enum extract_flags */
    struct occ *occs;           /* every occurrence in document order */
    size_t nocc, aocc;          /* used, allocated */
    char **lines;               /* normalised lines that hold an occurrence */
    size_t nlines, alines;      /* used, allocated */
    struct extract_pair *pairs; /* results, after finish */
    size_t npairs, apairs;      /* used, allocated */
    struct extract_reject *rejects; /* set aside, with --explain */
    size_t nrej, arej;          /* used, allocated */
    int finished;               /* extract_doc_finish ran */
};

struct extract_doc *extract_doc_new(const char *name, unsigned flags)
{
    struct extract_doc *d = xcalloc(1, sizeof(*d));
    d->name = xstrdup(name);
    d->flags = flags;
    lexicon_init();
    return d;
}

void doc_add_occ(struct extract_doc *d, struct occ *o)
{
    ALLOC_GROW(d->occs, d->nocc + 1, d->aocc);
    o->order = (unsigned)d->nocc;
    d->occs[d->nocc++] = *o;
}

void doc_add_reject(struct extract_doc *d, unsigned long line, const char *left, size_t llen,
                    const char *inner, size_t ilen, const char *reason)
{
    if (!(d->flags & EXTRACT_EXPLAIN))
        return;
    ALLOC_GROW(d->rejects, d->nrej + 1, d->arej);
    struct extract_reject *r = &d->rejects[d->nrej++];
    r->line = line;
    while (llen && *left == ' ')
        left++, llen--;
    r->left = xmemdupz(left, llen);
    r->inner = xmemdupz(inner, ilen);
    r->reason = reason;
}

void extract_doc_add_line(struct extract_doc *d, const char *text, size_t len,
                          unsigned long lineno)
{
    size_t before = d->nocc;
    if (!memchr(text, '(', len) && !memchr(text, '<', len))
        return;
    scan_line(d, text, len, lineno, d->nlines);
    if (d->nocc > before) {
        ALLOC_GROW(d->lines, d->nlines + 1, d->alines);
        d->lines[d->nlines++] = xmemdupz(text, len);
    }
}

static int cmp_gloss(const void *a, const void *b)
{
    const struct occ *x = *(const struct occ *const *)a, *y = *(const struct occ *const *)b;
    int c = strcmp(x->gloss, y->gloss);
    return c ? c : (x->order > y->order) - (x->order < y->order);
}

/* Agreement: occurrences of the same gloss, normal direction. */
static void agree(struct extract_doc *d, struct doc_knowledge *k)
{
    struct occ **v = xcalloc(d->nocc ? d->nocc : 1, sizeof(*v));
    struct strbuf suf = STRBUF_INIT;
    for (size_t i = 0; i < d->nocc; i++)
        v[i] = &d->occs[i];
    qsort(v, d->nocc, sizeof(*v), cmp_gloss);
    for (size_t i = 0; i < d->nocc;) {
        size_t j = i + 1;
        while (j < d->nocc && !strcmp(v[j]->gloss, v[i]->gloss))
            j++;
        strbuf_reset(&suf);
        if (j - i >= 2 && !(v[i]->flags & OCC_SHORTFORM) && span_agreement(v + i, j - i, &suf))
            knowledge_set_agreed(k, v[i]->gloss, suf.buf);
        i = j;
    }
    strbuf_release(&suf);
    free(v);
}

static void add_pair(struct extract_doc *d, struct strmap *index, struct occ *o)
{
    struct strbuf key = STRBUF_INIT;
    int created;
    strbuf_addstr(&key, o->ko);
    strbuf_addch(&key, '\t');
    strbuf_addstr(&key, o->gloss_out);
    struct strmap_entry *e = strmap_put(index, key.buf, key.len, &created);
    if (created) {
        ALLOC_GROW(d->pairs, d->npairs + 1, d->apairs);
        struct extract_pair *p = &d->pairs[d->npairs];
        memset(p, 0, sizeof(*p));
        p->ko = o->ko;
        p->gloss = o->gloss_out;
        p->kind = o->kind;
        p->line = o->line;
        p->reversed = (o->flags & OCC_REVERSED) != 0;
        p->context = d->lines[o->line_idx];
        p->expansion = o->expansion;
        e->value = (void *)(d->npairs + 1);
        d->npairs++;
    }
    struct extract_pair *p = &d->pairs[(size_t)e->value - 1];
    p->count++;
    if (!p->expansion)
        p->expansion = o->expansion;
    strbuf_release(&key);
}

void extract_doc_finish(struct extract_doc *d)
{
    struct doc_knowledge *k;
    struct strmap index = STRMAP_INIT;

    if (d->finished)
        return;
    d->finished = 1;
    k = knowledge_new();
    agree(d, k);
    for (size_t i = 0; i < d->nocc; i++) {
        struct occ *o = &d->occs[i];
        span_decide(o, k, 1);
        if (o->ko)
            knowledge_add(k, o->gloss_out, o->ko);
    }
    for (size_t i = 0; i < d->nocc; i++) {
        struct occ *o = &d->occs[i];
        span_decide(o, k, 2);
        if (o->ko)
            knowledge_add_sibling(k, o->gloss, o->ko);
    }
    for (size_t i = 0; i < d->nocc; i++)
        span_extend_by_siblings(&d->occs[i], k);
    for (size_t i = 0; i < d->nocc; i++) {
        struct occ *o = &d->occs[i];
        if (o->ko)
            add_pair(d, &index, o);
        else if (o->why && (d->flags & EXTRACT_EXPLAIN)) {
            ALLOC_GROW(d->rejects, d->nrej + 1, d->arej);
            struct extract_reject *r = &d->rejects[d->nrej++];
            r->line = o->line;
            r->left = xstrdup(o->left);
            r->inner = xstrdup(o->gloss);
            r->reason = o->why;
        }
    }
    strmap_release(&index, NULL);
    knowledge_free(k);
}

size_t extract_doc_count(const struct extract_doc *d)
{
    return d->npairs;
}

const struct extract_pair *extract_doc_get(const struct extract_doc *d, size_t i)
{
    return i < d->npairs ? &d->pairs[i] : NULL;
}

size_t extract_doc_reject_count(const struct extract_doc *d)
{
    return d->nrej;
}

const struct extract_reject *extract_doc_get_reject(const struct extract_doc *d, size_t i)
{
    return i < d->nrej ? &d->rejects[i] : NULL;
}

const char *extract_doc_get_name(const struct extract_doc *d)
{
    return d->name;
}

void extract_doc_free(struct extract_doc *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->nocc; i++) {
        struct occ *o = &d->occs[i];
        free(o->left);
        free(o->gloss);
        free(o->expansion);
        free(o->ko);
        free(o->gloss_out);
    }
    for (size_t i = 0; i < d->nlines; i++)
        free(d->lines[i]);
    for (size_t i = 0; i < d->nrej; i++) {
        free((char *)d->rejects[i].left);
        free((char *)d->rejects[i].inner);
    }
    free(d->rejects);
    free(d->lines);
    free(d->occs);
    free(d->pairs);
    free(d->name);
    free(d);
}
