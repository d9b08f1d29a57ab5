/*
 * cross.c - list alignment and body/appendix substitution (see cross.h).
 *
 * Data: the document's lines (copied), the bracket pairs given by the
 * extractor, and the output pairs. Each line also gets a "search text":
 * the line with spaces and bracket groups removed, and a match gets a map
 * from every search byte back to its byte offset in the line
 * (cross_line_orig), so that a match found space-insensitively can be cut
 * back out of the original with its spaces.
 *
 *   line:    인터넷 기반 자원 공유(클라우드) 이용권도
 *   search:  인터넷기반자원공유이용권도
 *   orig[]:  0 3 6 10 ... (byte offsets of each search byte in line)
 *
 * This file holds the document model shared by the passes (its lines, their
 * bigram index, the bracket pairs, the results), composition and the API;
 * the passes live in cross_acronym.c (acronym score), cross_list.c (list
 * alignment) and cross_subst.c (body/appendix substitution), and share
 * what they need through cross_int.h.
 */
#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "align/cross.h"
#include "align/cross_int.h"
#include "extract/lexicon.h"
#include "text/korean.h"
#include "util/ascii.h"
#include "util/strbuf.h"
#include "util/strmap.h"
#include "util/utf8.h"
#include "util/xmalloc.h"
#include "util/banned.h"

void cross_ilist_free(void *v)
{
    struct ilist *l = v;
    free(l->v);
    free(l);
}

void cross_ilist_add(struct strmap *m, const char *key, size_t len, size_t x)
{
    int created;
    struct strmap_entry *e = strmap_put(m, key, len, &created);
    if (created)
        e->value = xcalloc(1, sizeof(struct ilist));
    struct ilist *l = e->value;
    ALLOC_GROW(l->v, l->n + 1, l->alloc);
    l->v[l->n++] = x;
}

const struct ilist *cross_ilist_get(const struct strmap *m, const char *key, size_t len)
{
    return strmap_get(m, key, len);
}

/* Copies s[0..len) into sb with ASCII letters in lower case (what strncasecmp folds). */
void cross_fold_ascii(const char *s, size_t len, struct strbuf *sb)
{
    strbuf_reset(sb);
    strbuf_add(sb, s, len);
    ascii_fold_buf(sb->buf, sb->buf, len);
}

/* ---- small helpers ------------------------------------------------------------ */

/*
 * Where a key can occur. Substitution and composition look rewritten
 * phrases up in the other lines; scanning every line for each made --cross
 * quadratic in the document (13 s for 2 MB). The code point bigrams of the
 * search texts are indexed instead, and a key is looked for only in the
 * lines that hold its rarest bigram. Search texts are valid UTF-8 (the
 * extractor's normalised lines), so a key found in a line starts on a code
 * point there and all its bigrams are among the line's.
 */
struct postings {
    uint32_t *line; /* indexes into lines, ascending, distinct (in gram_lines) */
    size_t n;       /* used */
};

/* Bytes of the bigram at s + i (0 when fewer than two code points remain); *first: its first. */
static size_t bigram_at(const char *s, size_t len, size_t i, size_t *first /* OUT */)
{
    uint32_t cp;
    size_t a, b;

    if (i >= len)
        return 0;
    a = utf8_decode(s + i, len - i, &cp);
    *first = a;
    if (i + a >= len)
        return 0;
    b = utf8_decode(s + i + a, len - i - a, &cp);
    return a + b;
}

static void lines_unindex(struct cross_doc *c)
{
    strmap_release(&c->grams, NULL);
    free(c->gram_lists);
    free(c->gram_lines);
    c->gram_lists = NULL;
    c->gram_lines = NULL;
    c->indexed = 0;
}

/*
 * The postings of every bigram, built in two passes into two arrays:
 * bigram ids line by line, then counted and laid out end to end. Growing
 * a list per bigram line by line reallocated thousands of arrays all
 * over the heap; that, not the lookups, made the index slower than
 * linear in the lines.
 */
static void index_lines(struct cross_doc *c)
{
    /* bigram id of each (line, distinct bigram), line by line: sized once from
     * the bound, as growing it copied megabytes for a long document */
    size_t aocc = c->bigram_bound ? c->bigram_bound : 1, nocc = 0;
    uint32_t *occ = xmalloc(st_mult(aocc, sizeof(*occ)));
    uint32_t *last = NULL; /* last[id]: 1 + the last line that id was counted for */
    size_t *count = NULL;  /* count[id]: lines that hold the bigram */
    size_t nids = 0, aids = 0, alast = 0;
    size_t *first = xmalloc(st_mult(c->nlines + 1, sizeof(*first))); /* line -> its first occ */

    lines_unindex(c);
    for (size_t li = 0; li < c->nlines; li++) {
        const struct cline *l = &c->lines[li];
        size_t n, a;
        first[li] = nocc;
        for (size_t i = 0; (n = bigram_at(l->srch, l->slen, i, &a)) != 0; i += a) {
            int created;
            struct strmap_entry *e = strmap_put(&c->grams, l->srch + i, n, &created);
            if (created) {
                if (nids >= UINT32_MAX)
                    die_oom(nids);
                ALLOC_GROW(count, nids + 1, aids);
                ALLOC_GROW(last, nids + 1, alast);
                count[nids] = 0;
                last[nids] = 0;
                e->value = (void *)(uintptr_t)++nids;
            }
            uint32_t id = (uint32_t)((uintptr_t)e->value - 1);
            if (last[id] != li + 1) {
                last[id] = (uint32_t)(li + 1);
                count[id]++;
                ALLOC_GROW(occ, nocc + 1, aocc); /* never, but for a broken bound */
                occ[nocc++] = id;
            }
        }
    }
    first[c->nlines] = nocc;
    c->gram_lists = xcalloc(nids ? nids : 1, sizeof(*c->gram_lists));
    c->gram_lines = xmalloc(st_mult(nocc ? nocc : 1, sizeof(*c->gram_lines)));
    for (size_t id = 0, at = 0; id < nids; at += count[id++])
        c->gram_lists[id].line = c->gram_lines + at;
    for (size_t li = 0; li < c->nlines; li++)
        for (size_t k = first[li]; k < first[li + 1]; k++) {
            struct postings *p = &c->gram_lists[occ[k]];
            p->line[p->n++] = (uint32_t)li;
        }
    struct strmap_entry *e;
    strmap_for_each(&c->grams, e)
    {
        e->value = &c->gram_lists[(uintptr_t)e->value - 1];
    }
    c->indexed = c->nlines;
    free(occ);
    free(last);
    free(count);
    free(first);
}

/*
 * The lines that may contain key: sets *lines to the postings of its rarest
 * bigram and returns their count, or, for a key of one code point, sets
 * *lines to NULL and returns every line's (line k is then index k).
 */
size_t cross_lines_for(const struct cross_doc *c, const char *key, size_t klen,
                       const uint32_t **lines /* OUT */)
{
    const struct postings *best = NULL;
    size_t n, a;

    *lines = NULL;
    for (size_t i = 0; (n = bigram_at(key, klen, i, &a)) != 0; i += a) {
        const struct postings *p = strmap_get(&c->grams, key + i, n);
        if (!p)
            return 0;
        if (!best || p->n < best->n)
            best = p;
    }
    if (!best)
        return c->nlines;
    *lines = best->line;
    return best->n;
}

/* Copies s without spaces, middle dots and bracket groups into sb. */
void cross_squeeze(const char *s, size_t len, struct strbuf *sb)
{
    int depth = 0;
    for (size_t i = 0; i < len;) {
        uint32_t c;
        size_t n = utf8_decode(s + i, len - i, &c);
        if (c == '(' || c == '{' || c == '[')
            depth++;
        else if ((c == ')' || c == '}' || c == ']') && depth > 0)
            depth--;
        else if (!depth && !uc_is_space(c) && c != 0xB7 && c != '^')
            strbuf_add(sb, s + i, n);
        i += n;
    }
}

int cross_is_token_char(uint32_t c)
{
    return uc_is_hangul_syllable(c) || uc_is_latin_letter(c) || uc_is_digit(c) || c == '&' ||
           c == '-' || uc_is_han(c);
}

/* 1 when equal after cross_squeeze(). */
int cross_same_squeezed(const char *a, const char *b)
{
    struct strbuf x = STRBUF_INIT, y = STRBUF_INIT;
    cross_squeeze(a, strlen(a), &x);
    cross_squeeze(b, strlen(b), &y);
    int eq = x.len == y.len && !memcmp(x.buf, y.buf, x.len);
    strbuf_release(&x);
    strbuf_release(&y);
    return eq;
}

/* key = cross_squeeze(ko) 0x1F cross_squeeze(gloss), or ko 0x1F gloss when raw */
void cross_pair_key(const char *ko, const char *gloss, int raw, struct strbuf *key)
{
    strbuf_reset(key);
    if (raw) {
        strbuf_addstr(key, ko);
        strbuf_addch(key, '\x1f');
        strbuf_addstr(key, gloss);
        return;
    }
    cross_squeeze(ko, strlen(ko), key);
    strbuf_addch(key, '\x1f');
    cross_squeeze(gloss, strlen(gloss), key);
}

/*
 * The squeezed keys of the bracket pairs, made when the first result is
 * offered: a document whose passes find nothing (most, and the pair-dense
 * ones of the bench) never needs a table as large as its pairs.
 */
static void pair_seen_fill(struct cross_doc *c)
{
    struct strbuf key = STRBUF_INIT;
    strmap_reserve(&c->pair_seen, c->npairs);
    for (size_t i = 0; i < c->npairs; i++) {
        cross_pair_key(c->pairs[i].ko, c->pairs[i].gloss, 0, &key);
        strmap_put(&c->pair_seen, key.buf, key.len, NULL)->value = (void *)1;
    }
    strbuf_release(&key);
}

void cross_out_add(struct cross_doc *c, const char *ko, const char *gloss, enum model_kind kind,
                   unsigned long line, unsigned long gline, double score, const char *evidence)
{
    struct strbuf key = STRBUF_INIT;
    int created, known;
    if (!c->pair_seen.cap)
        pair_seen_fill(c);
    cross_pair_key(ko, gloss, 0, &key);
    known = strmap_get(&c->pair_seen, key.buf, key.len) != NULL;
    cross_pair_key(ko, gloss, 1, &key);
    if (!known)
        strmap_put(&c->out_seen, key.buf, key.len, &created);
    strbuf_release(&key);
    if (known || !created)
        return; /* a bracket pair already, or a result already */
    ALLOC_GROW(c->out, c->nout + 1, c->aout);
    struct cross_pair *p = &c->out[c->nout++];
    p->ko = xstrdup(ko);
    p->gloss = xstrdup(gloss);
    p->kind = kind;
    p->line = line;
    p->gloss_line = gline;
    p->score = score;
    p->evidence = xstrdup(evidence);
}

/* ==== API ======================================================================= */

struct cross_doc *cross_doc_new(unsigned flags)
{
    struct cross_doc *c = xcalloc(1, sizeof(*c));
    c->flags = flags;
    strbuf_init(&c->scratch, 0);
    return c;
}

void cross_doc_reserve(struct cross_doc *c, size_t nlines, size_t npairs)
{
    assert(c);
    if (nlines > c->alines) {
        c->lines = xrealloc(c->lines, st_mult(nlines, sizeof(*c->lines)));
        c->alines = nlines;
    }
    if (npairs > c->apairs) {
        c->pairs = xrealloc(c->pairs, st_mult(npairs, sizeof(*c->pairs)));
        c->apairs = npairs;
    }
}

/* ==== composition ================================================================ */

/*
 * Two glossed parts written next to each other, K1(G1) K2(G2), make one
 * term whose forms compose: 인터넷 기반 자원 공유(클라우드) 보안인증제(CSAP)
 * gives 인터넷 기반 자원 공유 보안인증제 <-> CSAP (an acronym after the last
 * part names the whole) and <-> 클라우드 보안인증제 (the loanword form the
 * appendix uses); 정보통신기술(ICT) 연구개발(R&D) gives <-> ICT R&D. Lists
 * of separate terms also put glossed words side by side, so a composition
 * is reported only when the acronym names it or the document writes its
 * composed gloss somewhere else (the appendix: 클라우드 보안인증제).
 */

/* Offset just past "K(G)" ending at or after from in text, with K ending at kend; 0 if none. */
static size_t glossed_at(const char *text, size_t len, size_t from, const struct dpair *p)
{
    size_t kl = p->klen, gl = p->glen, i = from;

    if (len - i < kl || memcmp(text + i, p->ko, kl))
        return 0;
    i += kl;
    if (i < len && (text[i] == ' ' || text[i] == '^'))
        i++;
    if (i >= len || text[i] != '(')
        return 0;
    i++;
    if (len - i < gl + 1 || memcmp(text + i, p->gloss, gl) || text[i + gl] != ')')
        return 0;
    return i + gl + 1;
}

/* 1 when some line other than skip contains s (spaces and bracket groups ignored). */
static int written_elsewhere(const struct cross_doc *c, const char *s, unsigned long skip)
{
    struct strbuf key = STRBUF_INIT;
    int found = 0;

    cross_squeeze(s, strlen(s), &key);
    const uint32_t *where;
    size_t nwhere = key.len ? cross_lines_for(c, key.buf, key.len, &where) : 0;
    for (size_t w = 0; w < nwhere && !found; w++) {
        const struct cline *l = &c->lines[where ? where[w] : w];
        if (l->no != skip && strstr(l->srch, key.buf))
            found = 1;
    }
    strbuf_release(&key);
    return found;
}

static int composable(enum model_kind k)
{
    return k == MODEL_KIND_LOANWORD || k == MODEL_KIND_ENGLISH || k == MODEL_KIND_ABBREV;
}

static void compose_at(struct cross_doc *c, const struct cline *l, const struct dpair *p1,
                       const struct dpair *p2)
{
    struct strbuf ko = STRBUF_INIT, form = STRBUF_INIT, ev = STRBUF_INIT;

    strbuf_addf(&ko, "%s %s", p1->ko, p2->ko);
    strbuf_addf(&ev, "composition %s(%s) %s(%s)", p1->ko, p1->gloss, p2->ko, p2->gloss);
    if (p2->kind == MODEL_KIND_ABBREV && p1->kind != MODEL_KIND_ABBREV) {
        /* the acronym must start with the first part: Cloud for CSAP, not Arthur for CEO */
        const char *e = p1->kind == MODEL_KIND_ENGLISH ? p1->gloss : p1->en;
        if (!e || ascii_lower((unsigned char)e[0]) != ascii_lower((unsigned char)p2->gloss[0]))
            goto done;
        cross_out_add(c, ko.buf, p2->gloss, MODEL_KIND_ABBREV, l->no, l->no, 0.85, ev.buf);
        strbuf_addf(&form, "%s %s", p1->gloss, p2->ko); /* 클라우드 보안인증제 */
        if (written_elsewhere(c, form.buf, l->no))
            cross_out_add(c, ko.buf, form.buf, p1->kind, l->no, l->no, 0.85, ev.buf);
    } else {
        strbuf_addf(&form, "%s %s", p1->gloss, p2->gloss); /* ICT R&D */
        enum model_kind k = p1->kind == p2->kind ? p1->kind : MODEL_KIND_LOANWORD;
        if (written_elsewhere(c, form.buf, l->no))
            cross_out_add(c, ko.buf, form.buf, k, l->no, l->no, 0.85, ev.buf);
    }
done:
    strbuf_release(&ko);
    strbuf_release(&form);
    strbuf_release(&ev);
}

static int cmp_size(const void *x, const void *y)
{
    size_t a = *(const size_t *)x, b = *(const size_t *)y;
    return a < b ? -1 : a > b;
}

/* An occurrence "K(G)" of pair a at byte at of a line. */
struct glossed {
    size_t pair, at;
};

static int cmp_glossed(const void *x, const void *y)
{
    const struct glossed *a = x, *b = y;
    if (a->pair != b->pair)
        return a->pair < b->pair ? -1 : 1;
    return a->at < b->at ? -1 : a->at > b->at;
}

/*
 * The pairs p written "K(G)" at byte at of line l: found from the brackets
 * of the line (K ends at the bracket, or one space or ^ before it), not by
 * searching the line for every pair. Appends their indexes to *out.
 */
static void pairs_glossed_at(const struct cross_doc *c, const struct cline *l, size_t at,
                             struct ilist *out)
{
    for (size_t q = at + 1; q < l->len; q++) {
        if (l->text[q] != '(')
            continue;
        for (int sep = 0; sep < 2; sep++) {
            size_t kend = q - (size_t)sep;
            if (kend <= at || (sep && l->text[q - 1] != ' ' && l->text[q - 1] != '^'))
                continue;
            uint32_t k = cross_pairs_first(c, &c->by_ko, l->text + at, kend - at);
            for (; k; k = c->by_ko.next[k - 1])
                if (glossed_at(l->text, l->len, at, &c->pairs[k - 1])) {
                    ALLOC_GROW(out->v, out->n + 1, out->alloc);
                    out->v[out->n++] = k - 1;
                }
        }
    }
}

/*
 * K1(G1) K2(G2) on one line: a composed pair. In the order of the pairs, then of
 * the places in the line, then of the second pairs, as a search pair by pair
 * would meet them; each "K(G)" is found from the line's brackets.
 */
static void cross_compose(struct cross_doc *c)
{
    struct glossed *occ = NULL;
    size_t nocc = 0, aocc = 0;
    struct ilist seconds = {NULL, 0, 0};
    for (size_t li = 0; li < c->nlines; li++) {
        const struct cline *l = &c->lines[li];
        nocc = 0;
        /* every "K(G)" of a composable pair whose K starts a word */
        for (size_t q = 0; q < l->len; q++) {
            if (l->text[q] != '(')
                continue;
            for (int sep = 0; sep < 2; sep++) {
                if (sep && (!q || (l->text[q - 1] != ' ' && l->text[q - 1] != '^')))
                    continue;
                size_t kend = q - (size_t)sep;
                /* K is one of the pairs' Korean sides ending at kend: try each start
                 * of a word, no farther back than the longest K */
                size_t lo = kend > c->max_ko ? kend - c->max_ko : 0;
                for (size_t at = kend; at-- > lo;) {
                    if (at && l->text[at - 1] != ' ' && l->text[at - 1] != '(')
                        continue;
                    uint32_t k = cross_pairs_first(c, &c->by_ko, l->text + at, kend - at);
                    for (; k; k = c->by_ko.next[k - 1]) {
                        const struct dpair *p1 = &c->pairs[k - 1];
                        if (composable(p1->kind) && glossed_at(l->text, l->len, at, p1)) {
                            ALLOC_GROW(occ, nocc + 1, aocc);
                            occ[nocc].pair = k - 1;
                            occ[nocc++].at = at;
                        }
                    }
                }
            }
        }
        if (nocc > 1)
            qsort(occ, nocc, sizeof(*occ), cmp_glossed);
        for (size_t i = 0; i < nocc; i++) {
            if (i && !cmp_glossed(&occ[i - 1], &occ[i]))
                continue;
            const struct dpair *p1 = &c->pairs[occ[i].pair];
            size_t end = glossed_at(l->text, l->len, occ[i].at, p1);
            if (end < l->len && l->text[end] == ' ')
                end++;
            seconds.n = 0;
            pairs_glossed_at(c, l, end, &seconds);
            if (seconds.n > 1)
                qsort(seconds.v, seconds.n, sizeof(*seconds.v), cmp_size);
            for (size_t k = 0; k < seconds.n; k++) {
                size_t b = seconds.v[k];
                if ((k && seconds.v[k - 1] == b) || b == occ[i].pair ||
                    !composable(c->pairs[b].kind))
                    continue;
                compose_at(c, l, p1, &c->pairs[b]);
            }
        }
    }
    free(occ);
    free(seconds.v);
}

/*
 * The code points of a line the search text keeps: 1 outside bracket
 * groups, except spaces and ^. *depth carries the nesting from one code
 * point to the next; start it at 0.
 */
static int srch_keeps(uint32_t ch, int *depth)
{
    if (ch == '(' || ch == '{' || ch == '<' || ch == 0x3008)
        ++*depth;
    else if ((ch == ')' || ch == '}' || ch == '>' || ch == 0x3009) && *depth > 0)
        --*depth;
    else if (!*depth && !uc_is_space(ch) && ch != '^')
        return 1;
    return 0;
}

const uint32_t *cross_line_orig(struct cross_doc *c, size_t li)
{
    struct cline *l = &c->lines[li];
    size_t slen = 0;
    int depth = 0;
    if (l->orig)
        return l->orig;
    l->orig = xmalloc(st_mult(l->slen + 1, sizeof(*l->orig)));
    for (size_t i = 0; i < l->len;) {
        uint32_t ch;
        size_t n = utf8_decode(l->text + i, l->len - i, &ch);
        if (srch_keeps(ch, &depth))
            for (size_t k = 0; k < n; k++)
                l->orig[slen++] = (uint32_t)(i + k);
        i += n;
    }
    assert(slen == l->slen);
    l->orig[slen] = (uint32_t)l->len;
    return l->orig;
}

void cross_doc_add_line(struct cross_doc *c, const char *text, size_t len, unsigned long lineno)
{
    assert(c && (text || !len));
    struct strbuf *sb = &c->scratch;
    size_t cps = 0;
    int depth = 0;
    if (len >= UINT32_MAX)
        die_oom(len); /* cross_line_orig gives 32-bit offsets */
    strbuf_reset(sb);
    for (size_t i = 0; i < len;) {
        uint32_t ch;
        size_t n = utf8_decode(text + i, len - i, &ch);
        if (srch_keeps(ch, &depth)) {
            strbuf_add(sb, text + i, n);
            cps++;
        }
        i += n;
    }
    ALLOC_GROW(c->lines, c->nlines + 1, c->alines);
    struct cline *l = &c->lines[c->nlines++];
    l->no = lineno;
    l->text = strpool_dup(&c->pool, len ? text : "", len); /* text may be NULL when empty */
    l->len = (uint32_t)len;
    l->srch = strpool_dup(&c->pool, sb->buf, sb->len);
    l->slen = (uint32_t)sb->len;
    l->orig = NULL;
    c->bigram_bound += cps ? cps - 1 : 0; /* a bigram per code point but the last */
}

void cross_doc_add_pair(struct cross_doc *c, const char *ko, const char *gloss,
                        enum model_kind kind, const char *en)
{
    assert(c && ko && gloss);
    size_t klen = strlen(ko), glen = strlen(gloss);
    if (klen >= UINT32_MAX || glen >= UINT32_MAX)
        die_oom(klen > glen ? klen : glen);
    ALLOC_GROW(c->pairs, c->npairs + 1, c->apairs);
    struct dpair *p = &c->pairs[c->npairs++];
    p->ko = strpool_dup(&c->pool, ko, klen);
    p->gloss = strpool_dup(&c->pool, gloss, glen);
    p->en = en && *en ? strpool_dup(&c->pool, en, strlen(en)) : NULL;
    p->klen = (uint32_t)klen;
    p->glen = (uint32_t)glen;
    p->spaced = memchr(gloss, ' ', glen) != NULL;
    p->kind = kind;
}

static void out_clear(struct cross_doc *c)
{
    for (size_t i = 0; i < c->nout; i++) {
        free((char *)c->out[i].ko);
        free((char *)c->out[i].gloss);
        free((char *)c->out[i].evidence);
    }
    c->nout = 0;
}

static int cmp_size_desc(const void *x, const void *y)
{
    return -cmp_size(x, y);
}

static void pair_index_release(struct pair_index *ix)
{
    free(ix->slot);
    free(ix->next);
    ix->slot = NULL;
    ix->next = NULL;
    ix->mask = 0;
}

static void pairs_unindex(struct cross_doc *c)
{
    pair_index_release(&c->by_fold);
    pair_index_release(&c->by_ko);
    strmap_release(&c->pair_seen, NULL);
    strmap_release(&c->out_seen, NULL);
    c->nglens = 0;
    c->max_ko = 0;
}

/* FNV-1a (strmap_hash's) of s[0..len), with ASCII letters in lower case when folded. */
static uint32_t pair_key_hash(const char *s, size_t len, int folded)
{
    uint64_t h = 0xcbf29ce484222325ull;
    for (size_t i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)s[i];
        h ^= folded ? (unsigned char)ascii_lower(ch) : ch;
        h *= 0x100000001b3ull;
    }
    return (uint32_t)h;
}

/* 1 when the key of ix in pair p is key[0..len) (case aside, for a folded index). */
static int pair_key_is(const struct pair_index *ix, const struct dpair *p, const char *key,
                       size_t len)
{
    if (!ix->folded)
        return p->klen == len && !memcmp(p->ko, key, len);
    if (p->glen != len)
        return 0;
    for (size_t i = 0; i < len; i++)
        if (ascii_lower((unsigned char)p->gloss[i]) != ascii_lower((unsigned char)key[i]))
            return 0;
    return 1;
}

uint32_t cross_pairs_first(const struct cross_doc *c, const struct pair_index *ix, const char *key,
                           size_t len)
{
    if (!ix->slot)
        return 0;
    uint32_t h = pair_key_hash(key, len, ix->folded);
    for (size_t i = h & ix->mask; ix->slot[i].first; i = (i + 1) & ix->mask)
        if (ix->slot[i].hash == h && pair_key_is(ix, &c->pairs[ix->slot[i].first - 1], key, len))
            return ix->slot[i].first;
    return 0;
}

/*
 * Indexes the pairs by ko, or by gloss case folded. The pairs go in from
 * the last to the first, each before the others of its key, so that a
 * key's pairs come out in ascending order, as the passes meet them.
 */
static void pair_index_build(struct cross_doc *c, struct pair_index *ix, int folded)
{
    size_t cap = 16;
    if (c->npairs >= UINT32_MAX / 4)
        die_oom(c->npairs);
    while (cap < 2 * c->npairs)
        cap *= 2;
    ix->folded = folded;
    ix->mask = cap - 1;
    ix->slot = xcalloc(cap, sizeof(*ix->slot));
    ix->next = xcalloc(c->npairs ? c->npairs : 1, sizeof(*ix->next));
    for (size_t pi = c->npairs; pi-- > 0;) {
        const struct dpair *p = &c->pairs[pi];
        const char *key = folded ? p->gloss : p->ko;
        size_t len = folded ? p->glen : p->klen, i;
        uint32_t h = pair_key_hash(key, len, folded);
        for (i = h & ix->mask; ix->slot[i].first; i = (i + 1) & ix->mask)
            if (ix->slot[i].hash == h &&
                pair_key_is(ix, &c->pairs[ix->slot[i].first - 1], key, len))
                break;
        ix->next[pi] = ix->slot[i].first;
        ix->slot[i].hash = h;
        ix->slot[i].first = (uint32_t)pi + 1;
    }
}

/*
 * The lookups of the bracket pairs (see struct cross_doc). An exact gloss
 * is looked up in the folded index and compared (doc_key_at in
 * cross_subst.c): a third index, of exact glosses, cost as much to fill
 * and to keep in the caches as the others.
 */
static void index_pairs(struct cross_doc *c)
{
    pairs_unindex(c);
    pair_index_build(c, &c->by_fold, 1);
    pair_index_build(c, &c->by_ko, 0);
    ALLOC_GROW(c->glens, c->npairs, c->aglens);
    for (size_t i = 0; i < c->npairs; i++) {
        const struct dpair *p = &c->pairs[i];
        if (p->klen > c->max_ko)
            c->max_ko = p->klen;
        if (!p->spaced)
            c->glens[c->nglens++] = p->glen;
    }
    if (c->nglens > 1)
        qsort(c->glens, c->nglens, sizeof(*c->glens), cmp_size_desc);
    size_t k = 0;
    for (size_t i = 0; i < c->nglens; i++)
        if (!k || c->glens[k - 1] != c->glens[i])
            c->glens[k++] = c->glens[i];
    c->nglens = k;
}

void cross_doc_align(struct cross_doc *c)
{
    out_clear(c);
    if (!c->gram_lists || c->indexed != c->nlines)
        index_lines(c);
    assert(c->indexed == c->nlines);
    index_pairs(c);
    if (!(c->flags & CROSS_NO_LISTS))
        cross_lists(c);
    if (!(c->flags & CROSS_NO_SUBST))
        cross_subst(c);
    cross_compose(c);
}

size_t cross_doc_count(const struct cross_doc *c)
{
    return c->nout;
}

const struct cross_pair *cross_doc_get(const struct cross_doc *c, size_t i)
{
    return i < c->nout ? &c->out[i] : NULL;
}

void cross_doc_free(struct cross_doc *c)
{
    if (!c)
        return;
    out_clear(c);
    free(c->out);
    for (size_t i = 0; i < c->nlines; i++)
        free(c->lines[i].orig);
    free(c->lines);
    lines_unindex(c);
    pairs_unindex(c);
    free(c->glens);
    free(c->pairs);
    strpool_release(&c->pool); /* the strings of the lines and the pairs */
    strbuf_release(&c->scratch);
    free(c);
}
