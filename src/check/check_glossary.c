/*
 * check_glossary.c - compiling the glossary into concepts, groups and
 * patterns (see check.c).
 */
#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check/check_int.h"
#include "util/utf8.h"
#include "util/xmalloc.h"
#include "util/banned.h"

/* Patterns shorter than this (in folded code points) are never matched. */
#define MIN_PATTERN 2

/* ---- the glossary --------------------------------------------------------------------- */

struct check_glossary *check_glossary_new(void)
{
    return xcalloc(1, sizeof(struct check_glossary));
}

static int has_hangul(const char *s)
{
    size_t len = strlen(s);
    for (size_t i = 0; i < len;) {
        uint32_t c;
        i += utf8_decode(s + i, len - i, &c);
        if (uc_is_hangul(c))
            return 1;
    }
    return 0;
}

void check_glossary_add(struct check_glossary *g, const struct model_concept *tc)
{
    struct concept *c;
    int foreign = 0;
    struct fvec f = {NULL, 0, 0};
    struct strbuf key = STRBUF_INIT;

    assert(g && tc);

    if (g->compiled || tc->status == MODEL_REJECTED || !tc->ko || !*tc->ko)
        return;
    for (size_t i = 0; i < tc->nforms; i++) {
        enum model_form_type t = tc->forms[i].type;
        foreign |= t == MODEL_FORM_LOANWORD || t == MODEL_FORM_ENGLISH || t == MODEL_FORM_ABBREV;
    }
    if (!foreign)
        return;
    ALLOC_GROW(g->c, g->nc + 1, g->calloc_);
    c = &g->c[g->nc];
    memset(c, 0, sizeof(*c));
    c->plain = xstrdup(tc->ko);
    check_fold(tc->ko, strlen(tc->ko), &f);
    check_fold_key(&f, 0, &key);
    c->key = strbuf_detach(&key, NULL);
    c->id = tc->id;
    c->approved = tc->status == MODEL_APPROVED;
    c->count = tc->count;
    c->parent = g->nc;
    c->forms = xcalloc(tc->nforms + 1, sizeof(*c->forms));
    for (size_t i = 0; i < tc->nforms; i++) {
        const char *text = tc->forms[i].text;
        enum model_form_type t;

        switch (tc->forms[i].type) {
        case MODEL_FORM_KO:
            t = MODEL_FORM_KO;
            break;
        case MODEL_FORM_LOANWORD:
        case MODEL_FORM_ENGLISH:
            /* the script decides: a Hangul form is read as a loanword */
            t = has_hangul(text) ? MODEL_FORM_LOANWORD : MODEL_FORM_ENGLISH;
            break;
        case MODEL_FORM_ABBREV:
            t = has_hangul(text) ? MODEL_FORM_LOANWORD : MODEL_FORM_ABBREV;
            break;
        default:
            continue; /* native synonyms, hanja and short forms are not checked */
        }
        c->forms[c->nforms].text = xstrdup(text);
        c->forms[c->nforms].type = t;
        c->nforms++;
    }
    /* the preferred term itself is a Korean form too */
    c->forms[c->nforms].text = xstrdup(tc->ko);
    c->forms[c->nforms].type = MODEL_FORM_KO;
    c->nforms++;
    g->nc++;
    free(f.v);
}

static int add_model_concept(void *ctx, const struct model_concept *c)
{
    check_glossary_add(ctx, c);
    return 0;
}

int check_glossary_add_termbase(struct check_glossary *g, struct termbase *tb, struct dd_error *err)
{
    return termbase_foreach(tb, -1, add_model_concept, g, err) ? -1 : 0;
}

void check_glossary_use_termbase(struct check_glossary *g, struct termbase *tb)
{
    assert(g && tb && !g->nc && !g->compiled);
    g->tb = tb;
}

/*
 * The code points a termbase key may hold where check_fold has c: c, and
 * for ASCII its full-width forms (a key lower-cases ASCII only: Ａ stays).
 */
static size_t key_variants(uint32_t c, uint32_t v[3])
{
    size_t n = 0;
    v[n++] = c;
    if (c >= 0x21 && c <= 0x7E) {
        v[n++] = c + 0xFEE0;
        if (c >= 'a' && c <= 'z')
            v[n++] = c - 0x20 + 0xFEE0;
    }
    return n;
}

/*
 * Characters check_fold drops as spaces that a termbase key keeps
 * (text/key.c drops uc_is_space, the middle dots U+00B7 and U+30FB): a form
 * holding one has it in its key, where the folded text has nothing.
 */
static const uint32_t key_kept_blanks[] = {0x318D, 0x2027, 0x2219, 0xFEFF, 0x200C, 0x200D};

static void prefix_add(struct strmap *set, const uint32_t *cps, size_t n)
{
    struct strbuf sb = STRBUF_INIT;
    int created;
    for (size_t i = 0; i < n; i++)
        utf8_add(&sb, cps[i]);
    strmap_put(set, sb.buf, sb.len, &created);
    strbuf_release(&sb);
}

/* Every key spelled by one variant of each of the k code points of t at i (k <= 3). */
static void add_spellings(struct strmap *set, const struct fvec *t, size_t i, size_t k)
{
    uint32_t v[3][3], pick[3];
    size_t nv[3], idx[3] = {0, 0, 0};

    for (size_t j = 0; j < k; j++)
        nv[j] = key_variants(t->v[i + j].cp, v[j]);
    for (;;) {
        size_t j;
        for (j = 0; j < k; j++)
            pick[j] = v[j][idx[j]];
        prefix_add(set, pick, k);
        for (j = k; j-- > 0;) {
            if (++idx[j] < nv[j])
                break;
            idx[j] = 0;
        }
        if (j == (size_t)-1)
            return;
    }
}

/* The strings of a set, as an array the set owns. */
static const char **set_strings(const struct strmap *set, size_t *n)
{
    const char **v = xcalloc(set->len + 1, sizeof(*v));
    *n = 0;
    for (size_t i = 0; i < set->cap; i++)
        if (set->slots[i].key)
            v[(*n)++] = set->slots[i].key;
    return v;
}

int check_glossary_prepare(struct check_glossary *g, const char *text, size_t len,
                           struct dd_error *err)
{
    assert(g && (text || !len) && err);
    struct strmap pre = STRMAP_INIT, keys = STRMAP_INIT;
    struct fvec t = {NULL, 0, 0};
    const char **vp, **vk;
    size_t np, nk;
    int ret;

    dd_error_clear(err);
    if (!g->tb)
        return 0;
    check_glossary_clear(g);
    /*
     * A form matches where its folded code points stand in the folded text
     * (MIN_PATTERN of them at least), so its lookup key is the two code
     * points at some place, or starts with the three there; a key may also
     * hold a blank the folding drops (key_kept_blanks) after its first or
     * second. The termbase gives the concepts with such a key, with those
     * grouped with them, and no other.
     */
    check_fold(text, len, &t);
    for (size_t i = 0; i + 1 < t.n; i++) {
        add_spellings(&keys, &t, i, 2);
        if (i + 2 < t.n)
            add_spellings(&pre, &t, i, 3);
        for (size_t k = 0; k < sizeof(key_kept_blanks) / sizeof(key_kept_blanks[0]); k++) {
            uint32_t two[3] = {t.v[i].cp, key_kept_blanks[k], 0};
            prefix_add(&pre, two, 2);
            two[1] = t.v[i + 1].cp;
            two[2] = key_kept_blanks[k];
            prefix_add(&pre, two, 3);
        }
    }
    for (size_t k = 0; k < sizeof(key_kept_blanks) / sizeof(key_kept_blanks[0]); k++)
        prefix_add(&pre, &key_kept_blanks[k], 1);
    vp = set_strings(&pre, &np);
    vk = set_strings(&keys, &nk);
    ret = termbase_foreach_prefixed(g->tb, vp, np, vk, nk, add_model_concept, g, err) ? -1 : 0;
    free(vp);
    free(vk);
    free(t.v);
    strmap_release(&pre, NULL);
    strmap_release(&keys, NULL);
    return ret;
}

size_t check_glossary_count(const struct check_glossary *g)
{
    return g->nc;
}

size_t check_uf_find(struct check_glossary *g, size_t i)
{
    while (g->c[i].parent != i) {
        g->c[i].parent = g->c[g->c[i].parent].parent;
        i = g->c[i].parent;
    }
    return i;
}

static void uf_union(struct check_glossary *g, size_t a, size_t b)
{
    a = check_uf_find(g, a);
    b = check_uf_find(g, b);
    if (a != b)
        g->c[a < b ? b : a].parent = a < b ? a : b;
}

/* 1 when concept a is preferred to b: approved, then count, then key, then id. */
static int concept_better(const struct concept *a, const struct concept *b)
{
    int d;
    if (a->approved != b->approved)
        return a->approved;
    if (a->count != b->count)
        return a->count > b->count;
    if ((d = strcmp(a->key, b->key)) != 0)
        return d < 0;
    return a->id < b->id;
}

static size_t idx_of(void *v)
{
    return (size_t)(uintptr_t)v - 1;
}

static void *idx_val(size_t i)
{
    return (void *)(uintptr_t)(i + 1);
}

/* Adds a pattern for text of concept ci; f holds its folding. */
static void add_pattern(struct check_glossary *g, const struct fvec *f, enum model_form_type type,
                        size_t ci)
{
    struct pattern *p;
    int latin = 1;

    ALLOC_GROW(g->p, g->np + 1, g->palloc);
    p = &g->p[g->np++];
    memset(p, 0, sizeof(*p));
    ALLOC_GROW(g->cp, g->npool + f->n, g->poolalloc);
    ALLOC_GROW(g->orig, g->npool + f->n, g->origalloc);
    ALLOC_GROW(g->sp, g->npool + f->n, g->spalloc);
    p->off = g->npool;
    p->n = f->n;
    for (size_t i = 0; i < f->n; i++) {
        g->cp[g->npool + i] = f->v[i].cp;
        g->orig[g->npool + i] = f->v[i].orig;
        g->sp[g->npool + i] = (unsigned char)f->v[i].sp;
        if (uc_is_hangul(f->v[i].cp))
            latin = 0;
    }
    g->npool += f->n;
    p->type = type;
    p->concept = ci;
    p->latin = latin;
}

static int pattern_cmp_len(const struct pattern *a, const struct pattern *b);

/* Builds groups, patterns and buckets from the concepts. */
void check_glossary_compile(struct check_glossary *g)
{
    struct strmap foreign = STRMAP_INIT, abbrev = STRMAP_INIT, plain = STRMAP_INIT;
    struct strmap_entry *e;
    struct fvec f = {NULL, 0, 0};
    struct strbuf key = STRBUF_INIT;

    g->compiled = 1;
    /* 1. foreign keys to the best concept owning them; sharing joins groups */
    for (size_t ci = 0; ci < g->nc; ci++) {
        for (size_t j = 0; j < g->c[ci].nforms; j++) {
            struct raw_form *rf = &g->c[ci].forms[j];
            struct strmap *m = rf->type == MODEL_FORM_ABBREV ? &abbrev : &foreign;
            int created;

            if (rf->type == MODEL_FORM_KO)
                continue;
            check_fold(rf->text, strlen(rf->text), &f);
            if (f.n < MIN_PATTERN)
                continue;
            strbuf_reset(&key);
            check_fold_key(&f, rf->type == MODEL_FORM_ABBREV, &key);
            if (rf->type != MODEL_FORM_ABBREV && !strcmp(key.buf, g->c[ci].key))
                continue; /* its own term: 클라우드(클라우드) */
            e = strmap_put(m, key.buf, key.len, &created);
            if (created) {
                e->value = idx_val(ci);
            } else {
                if (m == &foreign)
                    uf_union(g, idx_of(e->value), ci);
                if (concept_better(&g->c[ci], &g->c[idx_of(e->value)]))
                    e->value = idx_val(ci);
            }
        }
    }
    /* 2. a concept whose term is a loanword or English form joins that group */
    for (size_t ci = 0; ci < g->nc; ci++) {
        void *v = strmap_get(&foreign, g->c[ci].key, strlen(g->c[ci].key));
        if (v && idx_of(v) != ci) {
            g->c[ci].loanish = 1;
            uf_union(g, idx_of(v), ci);
        }
    }
    /* 3. the preferred plain concept of each group */
    g->best = xmalloc(st_mult(g->nc + 1, sizeof(*g->best)));
    for (size_t ci = 0; ci < g->nc; ci++)
        g->best[ci] = SIZE_MAX;
    for (size_t ci = 0; ci < g->nc; ci++) {
        size_t r = check_uf_find(g, ci);
        if (!g->c[ci].loanish &&
            (g->best[r] == SIZE_MAX || concept_better(&g->c[ci], &g->c[g->best[r]])))
            g->best[r] = ci;
    }
    /* 4. patterns: Korean forms of plain concepts, foreign forms of live groups */
    for (size_t ci = 0; ci < g->nc; ci++) {
        struct concept *c = &g->c[ci];
        if (g->best[check_uf_find(g, ci)] == SIZE_MAX)
            continue;
        for (size_t j = 0; j < c->nforms; j++) {
            struct raw_form *rf = &c->forms[j];
            int created;

            check_fold(rf->text, strlen(rf->text), &f);
            if (f.n < MIN_PATTERN)
                continue;
            strbuf_reset(&key);
            check_fold_key(&f, rf->type == MODEL_FORM_ABBREV, &key);
            if (rf->type == MODEL_FORM_KO) {
                if (c->loanish || strmap_get(&foreign, key.buf, key.len))
                    continue;
                e = strmap_put(&plain, key.buf, key.len, &created);
                if (!created)
                    continue;
                add_pattern(g, &f, MODEL_FORM_KO, ci);
            } else {
                struct strmap *m = rf->type == MODEL_FORM_ABBREV ? &abbrev : &foreign;
                e = strmap_put(m, key.buf, key.len, &created);
                /* one pattern per key, for its best concept; NULL marks it done */
                if (created || !e->value || idx_of(e->value) != ci)
                    continue;
                e->value = NULL;
                add_pattern(g, &f, rf->type, ci);
            }
        }
    }
    /* 5. buckets by the first two folded code points, longest pattern first */
    for (size_t pi = 0; pi < g->np; pi++) {
        struct pattern *p = &g->p[pi];
        struct bucket *b;
        uint32_t k[2] = {g->cp[p->off], g->cp[p->off + 1]};

        e = strmap_put(&g->buckets, k, sizeof(k), NULL);
        if (!e->value)
            e->value = xcalloc(1, sizeof(struct bucket));
        b = e->value;
        ALLOC_GROW(b->pat, b->n + 1, b->alloc);
        b->pat[b->n++] = pi;
    }
    strmap_for_each(&g->buckets, e)
    {
        struct bucket *b = e->value;
        /* insertion sort: buckets are short */
        for (size_t i = 1; i < b->n; i++) {
            size_t v = b->pat[i], j = i;
            while (j > 0 && pattern_cmp_len(&g->p[b->pat[j - 1]], &g->p[v]) > 0) {
                b->pat[j] = b->pat[j - 1];
                j--;
            }
            b->pat[j] = v;
        }
    }
    for (size_t ci = 0; ci < g->nc; ci++) {
        for (size_t j = 0; j < g->c[ci].nforms; j++)
            free(g->c[ci].forms[j].text);
        free(g->c[ci].forms);
        g->c[ci].forms = NULL;
        g->c[ci].nforms = 0;
    }
    strmap_release(&foreign, NULL);
    strmap_release(&abbrev, NULL);
    strmap_release(&plain, NULL);
    strbuf_release(&key);
    free(f.v);
}

/* Longer first; on a tie abbreviations, loanwords, English, then Korean terms. */
static int pattern_cmp_len(const struct pattern *a, const struct pattern *b)
{
    static const int rank[MODEL_FORM_NTYPES] = {[MODEL_FORM_ABBREV] = 0,
                                                [MODEL_FORM_LOANWORD] = 1,
                                                [MODEL_FORM_ENGLISH] = 2,
                                                [MODEL_FORM_KO] = 3};
    if (a->n != b->n)
        return a->n > b->n ? -1 : 1;
    return rank[a->type] - rank[b->type];
}

static void free_bucket(void *v)
{
    struct bucket *b = v;
    free(b->pat);
    free(b);
}

void check_glossary_clear(struct check_glossary *g)
{
    struct termbase *tb = g->tb;
    for (size_t i = 0; i < g->nc; i++) {
        for (size_t j = 0; j < g->c[i].nforms; j++)
            free(g->c[i].forms[j].text);
        free(g->c[i].forms);
        free(g->c[i].plain);
        free(g->c[i].key);
    }
    free(g->c);
    free(g->p);
    free(g->cp);
    free(g->orig);
    free(g->sp);
    free(g->best);
    strmap_release(&g->buckets, free_bucket);
    memset(g, 0, sizeof(*g));
    g->tb = tb;
}

void check_glossary_free(struct check_glossary *g)
{
    if (!g)
        return;
    check_glossary_clear(g);
    free(g);
}
