/*
 * doc.c - a document read for alignment: paragraphs, sentences, lengths, anchors.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parallel/lexicon.h"
#include "parallel/parallel.h"
#include "parallel/split.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/xmalloc.h"
#include "util/banned.h"

struct builder {
    struct par_doc *d;
    struct strbuf text;
    size_t sent_cap, para_cap, anc_cap;
    struct par_lexicon *lexicon;
    int english;
};

static void push_anchor(void *ctx, uint32_t h)
{
    struct builder *b = ctx;
    struct par_doc *d = b->d;
    if (d->nanchors == b->anc_cap) {
        b->anc_cap = b->anc_cap ? 2 * b->anc_cap : 256;
        d->anchors = xrealloc(d->anchors, st_mult(b->anc_cap, sizeof(*d->anchors)));
    }
    d->anchors[d->nanchors++] = h;
}

static uint32_t fnv(const char *s, size_t len);

uint32_t par_word_anchor(const char *w, size_t n)
{
    /* plural -s off (fields, field), so that a transliterated loanword meets it */
    if (n > 3 && w[n - 1] == 's' && w[n - 2] != 's')
        n--;
    return fnv(w, n) & ~(PAR_ANCHOR_NUMBER | PAR_ANCHOR_SOFT);
}

static uint32_t fnv(const char *s, size_t len)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}

/* By key, then a hard anchor before a soft one of the same key. */
static int cmp_anchor(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    uint32_t kx = par_anchor_key(x), ky = par_anchor_key(y);
    if (kx != ky)
        return (kx > ky) - (kx < ky);
    return (x > y) - (x < y);
}

/*
 * Appends the anchors of s[0..len) to the document's pool: each run of
 * digits (a number, a date's parts), and each run of Latin letters and
 * digits starting with a letter, two or more long, lower-cased (acronyms,
 * product names, English words left in the Korean text). Sorted, distinct.
 */
static void anchors(struct builder *b, const char *s, size_t len, uint32_t *aoff, uint32_t *an)
{
    struct par_doc *d = b->d;
    size_t start = d->nanchors;
    char tok[64];

    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)s[i];
        if (c >= '0' && c <= '9') {
            size_t j = i;
            while (j < len && s[j] >= '0' && s[j] <= '9')
                j++;
            /* leading zeros do not matter: 09 and 9 are one day */
            size_t k = i;
            while (k + 1 < j && s[k] == '0')
                k++;
            push_anchor(b, (fnv(s + k, j - k) | PAR_ANCHOR_NUMBER) & ~PAR_ANCHOR_SOFT);
            i = j;
        } else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
            size_t j = i, n = 0;
            while (j < len && (((s[j] | 0x20) >= 'a' && (s[j] | 0x20) <= 'z') ||
                               (s[j] >= '0' && s[j] <= '9'))) {
                if (n < sizeof(tok))
                    tok[n++] = (char)(s[j] >= 'A' && s[j] <= 'Z' ? s[j] | 0x20 : s[j]);
                j++;
            }
            if (j - i >= 2)
                push_anchor(b, par_word_anchor(tok, n));
            i = j;
        } else {
            i++;
        }
    }
    par_lexicon_match(b->lexicon, b->english, s, len, push_anchor, b);
    size_t n = d->nanchors - start;
    if (n > 1) {
        qsort(d->anchors + start, n, sizeof(*d->anchors), cmp_anchor);
        size_t w = 1;
        for (size_t r = 1; r < n; r++)
            if (par_anchor_key(d->anchors[start + r]) != par_anchor_key(d->anchors[start + w - 1]))
                d->anchors[start + w++] = d->anchors[start + r];
        d->nanchors = start + w;
    }
    *aoff = (uint32_t)start;
    *an = (uint32_t)(d->nanchors - start);
}

static void add_paragraph(struct builder *b, const struct text_line *line, struct par_span **spans,
                          size_t *cap)
{
    struct par_doc *d = b->d;
    size_t n = 0;

    par_split(line->text, line->len, spans, &n, cap);
    if (!n)
        return;
    if (d->npara == b->para_cap) {
        b->para_cap = b->para_cap ? 2 * b->para_cap : 64;
        d->para = xrealloc(d->para, st_mult(b->para_cap, sizeof(*d->para)));
    }
    struct par_paragraph *p = &d->para[d->npara++];
    p->first = d->nsent;
    p->n = n;
    p->chars = 0;
    p->hangul = 0;
    anchors(b, line->text, line->len, &p->aoff, &p->an);
    for (size_t i = 0; i < n; i++) {
        const char *s = line->text + (*spans)[i].off;
        size_t len = (*spans)[i].len;
        if (d->nsent == b->sent_cap) {
            b->sent_cap = b->sent_cap ? 2 * b->sent_cap : 256;
            d->sent = xrealloc(d->sent, st_mult(b->sent_cap, sizeof(*d->sent)));
        }
        struct par_sentence *st = &d->sent[d->nsent++];
        st->off = b->text.len;
        st->len = len;
        st->line = line->no;
        st->idx = (unsigned)(i + 1);
        st->chars = 0;
        st->hangul = 0;
        for (size_t k = 0; k < len;) {
            uint32_t c;
            size_t step = utf8_decode(s + k, len - k, &c);
            k += step ? step : 1;
            st->chars++;
            st->hangul += uc_is_hangul(c) != 0;
        }
        p->chars += st->chars;
        p->hangul += st->hangul;
        strbuf_add(&b->text, s, len);
        strbuf_addch(&b->text, '\0');
        anchors(b, s, len, &st->aoff, &st->an);
    }
}

struct par_doc *par_doc_read(const char *path, const char *encoding, unsigned text_flags,
                             struct par_lexicon *lexicon, int english, struct dd_error *err)
{
    struct text_reader *r = text_reader_open(path, encoding, text_flags, err);
    struct text_line line;
    enum text_reader_status st;
    struct builder b;
    struct par_span *spans = NULL;
    size_t cap = 0;

    if (!r)
        return NULL;
    memset(&b, 0, sizeof(b));
    b.d = xcalloc(1, sizeof(*b.d));
    b.d->path = xstrdup(path);
    b.lexicon = lexicon;
    b.english = english;
    strbuf_init(&b.text, 0);
    while ((st = text_reader_next(r, &line, err)) == TEXT_READER_OK)
        add_paragraph(&b, &line, &spans, &cap);
    free(spans);
    b.d->replaced = text_reader_get_replaced(r);
    const char *enc = text_reader_get_encoding(r);
    snprintf(b.d->encoding, sizeof(b.d->encoding), "%s", enc ? enc : "?");
    text_reader_free(r);
    b.d->text = strbuf_detach(&b.text, &b.d->text_len);
    if (st != TEXT_READER_EOF) {
        par_doc_free(b.d);
        return NULL;
    }
    return b.d;
}

void par_doc_free(struct par_doc *d)
{
    if (!d)
        return;
    free(d->path);
    free(d->text);
    free(d->sent);
    free(d->para);
    free(d->anchors);
    free(d);
}
