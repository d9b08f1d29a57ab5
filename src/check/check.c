/*
 * check.c - finding loanwords, English words and stray renderings in a draft.
 *
 * The glossary is compiled once, on the first check_text, into patterns:
 *
 *   concept   preferred plain term, status, count; a group (union-find)
 *     pattern  one written form, folded (below): PLAIN (a Korean form of
 *              the concept), LOANWORD, ENGLISH or ABBREV (its foreign forms)
 *   buckets   strmap from the first two folded code points of a pattern to
 *             the patterns starting with them, longest first
 *
 * Groups: concepts that share a loanword or English form render one thing
 * (클라우드 as 인터넷 기반 자원 공유 here, as 가상 저장 공간 there), and a
 * concept whose own Korean term is another concept's loanword (클라우드 ↔
 * cloud) is that loanword, not a plain term: it joins the group and gives
 * it its English forms, but no PLAIN pattern. A key that is a loanword or
 * English form of any concept is never a PLAIN pattern. A group without a
 * plain term is dropped. The group's preferred concept is the best plain
 * one: approved first, then count, then key.
 *
 * Folding (both sides): conjoining jamo compose to syllables (UAX #15 for
 * Hangul is arithmetic: Unicode 3.12), fullwidth ASCII becomes ASCII,
 * letters are lower-cased (the original is kept for abbreviations), and
 * spaces and middle dots are dropped from the sequence but remembered
 * ("sp") on the next element: they are optional inside Korean terms and
 * must match between two Latin letters or digits.
 *
 * A document is checked in two passes. The scan finds occurrences line by
 * line (longest pattern at each position; a PLAIN term followed by
 * parentheses opens a definition, and foreign forms of its group inside it
 * are accepted; foreign(plain) is the reversed form). The decision pass
 * walks the occurrences in order with per-group state (introduced yet?)
 * and per-abbreviation state (defined yet?), after a pre-pass that picks,
 * per group, the term the document should use (check.h).
 */
#include "check/check.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "text/reader.h"
#include "util/strmap.h"
#include "util/utf8.h"
#include "util/xmalloc.h"
#include "util/json.h"
#include "util/banned.h"

#define READ_CHUNK 65536
/* Patterns shorter than this (in folded code points) are never matched. */
#define MIN_PATTERN 2
/* Longest parenthesis, in folded characters, read as a definition. */
#define MAX_PAREN 200

/* ---- folding -------------------------------------------------------------------------- */

/* One folded character of a line or pattern. */
struct fch {
    uint32_t cp;   /* folded: composed, ASCII, lower case */
    uint32_t orig; /* composed and ASCII, case kept */
    size_t b0, b1; /* bytes of the original text it came from */
    size_t col;    /* 0-based code-point column of b0 */
    int sp;        /* a space or middle dot came before it */
};

struct fvec {
    struct fch *v;   /* folded characters */
    size_t n, alloc; /* used, allocated */
};

static int is_space_like(uint32_t c)
{
    return uc_is_space(c) || c == 0xB7 || c == 0x318D || c == 0x30FB || c == 0x2027 ||
           c == 0x2219 || c == 0xFEFF || c == 0x200C || c == 0x200D;
}

static int is_latin_alnum(uint32_t c)
{
    return uc_is_latin_letter(c) || uc_is_digit(c);
}

static int is_word(uint32_t c)
{
    return uc_is_hangul(c) || is_latin_alnum(c) || uc_is_han(c);
}

static uint32_t fold_lower(uint32_t c)
{
    if (c >= 'A' && c <= 'Z')
        return c + 32;
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7)
        return c + 32;
    return c;
}

/* Folds s[0..len) into f (reset first). */
static void fold(const char *s, size_t len, struct fvec *f)
{
    size_t i = 0, col = 0;
    int sp = 0;

    f->n = 0;
    while (i < len) {
        uint32_t c, c2;
        size_t b0 = i, n = utf8_decode(s + i, len - i, &c);
        size_t col0 = col;

        i += n;
        col++;
        if (is_space_like(c)) {
            sp = 1;
            continue;
        }
        if (c >= 0xFF01 && c <= 0xFF5E)
            c -= 0xFEE0;
        /* L V (T) and LV T as conjoining jamo compose to one syllable */
        if (c >= 0x1100 && c <= 0x1112 && i < len) {
            n = utf8_decode(s + i, len - i, &c2);
            if (c2 >= 0x1161 && c2 <= 0x1175) {
                c = 0xAC00 + ((c - 0x1100) * 21 + (c2 - 0x1161)) * 28;
                i += n;
                col++;
            }
        }
        if (uc_is_hangul_syllable(c) && (c - 0xAC00) % 28 == 0 && i < len) {
            n = utf8_decode(s + i, len - i, &c2);
            if (c2 >= 0x11A8 && c2 <= 0x11C2) {
                c += c2 - 0x11A7;
                i += n;
                col++;
            }
        }
        ALLOC_GROW(f->v, f->n + 1, f->alloc);
        f->v[f->n].cp = fold_lower(c);
        f->v[f->n].orig = c;
        f->v[f->n].b0 = b0;
        f->v[f->n].b1 = i;
        f->v[f->n].col = col0;
        f->v[f->n].sp = sp;
        f->n++;
        sp = 0;
    }
}

/* Appends the folded code points of f (lower case, or as written) as UTF-8. */
static void fold_key(const struct fvec *f, int keep_case, struct strbuf *out)
{
    for (size_t i = 0; i < f->n; i++)
        utf8_add(out, keep_case ? f->v[i].orig : f->v[i].cp);
}

/* ---- particles ------------------------------------------------------------------------ */

/*
 * Particles that may follow a term, as (after a consonant, after a vowel);
 * the same string twice when the particle does not alternate. The 으로
 * family takes its vowel form after ㄹ as well (서울로, 도시로).
 */
static const struct {
    const char *cons, *vowel;
} particles[] = {
    {"이", "가"},         {"은", "는"},         {"을", "를"},         {"과", "와"},
    {"으로", "로"},       {"이나", "나"},       {"이랑", "랑"},       {"이며", "며"},
    {"이고", "고"},       {"이다", "다"},       {"이라는", "라는"},   {"이라고", "라고"},
    {"이란", "란"},       {"이라", "라"},       {"으로서", "로서"},   {"으로써", "로써"},
    {"으로는", "로는"},   {"으로도", "로도"},   {"으로의", "로의"},   {"으로부터", "로부터"},
    {"으로만", "로만"},   {"과의", "와의"},     {"과는", "와는"},     {"과도", "와도"},
    {"이든", "든"},       {"이야", "야"},       {"이면", "면"},       {"이었다", "였다"},
    {"의", "의"},         {"에", "에"},         {"에서", "에서"},     {"에게", "에게"},
    {"도", "도"},         {"만", "만"},         {"까지", "까지"},     {"부터", "부터"},
    {"처럼", "처럼"},     {"보다", "보다"},     {"에는", "에는"},     {"에도", "에도"},
    {"에서는", "에서는"}, {"에서도", "에서도"}, {"에서의", "에서의"}, {"에게는", "에게는"},
    {"까지는", "까지는"}, {"부터는", "부터는"}, {"께", "께"},         {"조차", "조차"},
    {"마저", "마저"},     {"만큼", "만큼"},     {"만의", "만의"},     {"입니다", "입니다"},
    {"인", "인"},         {"임", "임"},         {"들", "들"},         {"들을", "들을"},
    {"들이", "들이"},     {"들은", "들은"},     {"들의", "들의"},     {"에서부터", "에서부터"},
    {"에의", "에의"},     {"와의", "와의"},     {"와", "와"}};

#define NPARTICLES (sizeof(particles) / sizeof(particles[0]))

/* Index of the particle spelled s[0..len) (either form), or -1. */
static int particle_find(const char *s, size_t len)
{
    for (size_t i = 0; i < NPARTICLES; i++)
        if ((strlen(particles[i].cons) == len && !memcmp(particles[i].cons, s, len)) ||
            (strlen(particles[i].vowel) == len && !memcmp(particles[i].vowel, s, len)))
            return (int)i;
    return -1;
}

/*
 * The form of particle p that follows word (its last syllable decides), or
 * NULL when word does not end in a Hangul syllable (keep the particle).
 */
static const char *particle_for(int p, const char *word)
{
    size_t len = strlen(word);
    uint32_t c;
    int fin;

    if (!len)
        return NULL;
    utf8_decode(word + utf8_prev(word, len), len - utf8_prev(word, len), &c);
    fin = hangul_final(c);
    if (fin < 0)
        return NULL;
    if (fin == 0 || (fin == 8 && !strncmp(particles[p].cons, "으로", strlen("으로"))))
        return particles[p].vowel;
    return particles[p].cons;
}

/* ---- the glossary --------------------------------------------------------------------- */

/*
 * A form is checked by its model form type: MODEL_FORM_KO for the plain
 * Korean terms, MODEL_FORM_LOANWORD, _ENGLISH and _ABBREV for the foreign
 * ones (a Hangul English or abbreviation form is read as a loanword);
 * native synonyms, hanja and short forms are not checked.
 */
struct raw_form {
    char *text;                /* as in the termbase */
    enum model_form_type type; /* what it is */
};

struct concept {
    char *plain;            /* preferred plain term */
    char *key;              /* its folded key (lower case, no spaces) */
    int64_t id;             /* termbase id */
    int approved;           /* status is approved */
    unsigned long count;    /* occurrences */
    struct raw_form *forms; /* until compiled */
    size_t nforms;          /* entries in forms */
    size_t parent;          /* union-find */
    int loanish;            /* its plain term is someone's loanword */
};

struct pattern {
    size_t off, n;             /* folded code points in the pools */
    enum model_form_type type; /* what the form is */
    size_t concept;            /* its concept */
    int latin;                 /* holds no Hangul: word boundaries are Latin ones */
};

struct bucket {
    size_t *pat;     /* pattern indexes, longest first */
    size_t n, alloc; /* used, allocated */
};

struct check_glossary {
    struct concept *c;                    /* concepts */
    size_t nc, calloc_;                   /* used, allocated */
    struct pattern *p;                    /* patterns */
    size_t np, palloc;                    /* used, allocated */
    uint32_t *cp, *orig;                  /* pattern code points (folded, as written) */
    unsigned char *sp;                    /* pattern space flags */
    size_t npool;                         /* used in the three pools */
    size_t poolalloc, origalloc, spalloc; /* allocated in each */
    struct strmap buckets;                /* first two folded code points -> struct bucket */
    size_t *best;                         /* per group root: its preferred concept, or SIZE_MAX */
    int compiled;                         /* patterns built */
};

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
    fold(tc->ko, strlen(tc->ko), &f);
    fold_key(&f, 0, &key);
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

static int add_termbase_concept(void *ctx, const struct model_concept *c)
{
    check_glossary_add(ctx, c);
    return 0;
}

int check_glossary_add_termbase(struct check_glossary *g, struct termbase *tb, struct dd_error *err)
{
    return termbase_foreach(tb, -1, add_termbase_concept, g, err) ? -1 : 0;
}

size_t check_glossary_count(const struct check_glossary *g)
{
    return g->nc;
}

static size_t uf_find(struct check_glossary *g, size_t i)
{
    while (g->c[i].parent != i) {
        g->c[i].parent = g->c[g->c[i].parent].parent;
        i = g->c[i].parent;
    }
    return i;
}

static void uf_union(struct check_glossary *g, size_t a, size_t b)
{
    a = uf_find(g, a);
    b = uf_find(g, b);
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
static void glossary_compile(struct check_glossary *g)
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
            fold(rf->text, strlen(rf->text), &f);
            if (f.n < MIN_PATTERN)
                continue;
            strbuf_reset(&key);
            fold_key(&f, rf->type == MODEL_FORM_ABBREV, &key);
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
        size_t r = uf_find(g, ci);
        if (!g->c[ci].loanish &&
            (g->best[r] == SIZE_MAX || concept_better(&g->c[ci], &g->c[g->best[r]])))
            g->best[r] = ci;
    }
    /* 4. patterns: Korean forms of plain concepts, foreign forms of live groups */
    for (size_t ci = 0; ci < g->nc; ci++) {
        struct concept *c = &g->c[ci];
        if (g->best[uf_find(g, ci)] == SIZE_MAX)
            continue;
        for (size_t j = 0; j < c->nforms; j++) {
            struct raw_form *rf = &c->forms[j];
            int created;

            fold(rf->text, strlen(rf->text), &f);
            if (f.n < MIN_PATTERN)
                continue;
            strbuf_reset(&key);
            fold_key(&f, rf->type == MODEL_FORM_ABBREV, &key);
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

void check_glossary_free(struct check_glossary *g)
{
    if (!g)
        return;
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
    free(g);
}

/* ---- scanning ------------------------------------------------------------------------- */

enum occ_role {
    OCC_PLAIN = 0, /* a plain term */
    OCC_FOREIGN,   /* a bare foreign form */
    OCC_DEFINED,   /* a foreign form inside plain( ... ) of its group: a definition */
    OCC_REVERSED   /* foreign(plain) */
};

struct occ {
    enum occ_role role; /* what it is */
    size_t line;        /* 0-based line index */
    size_t b0, b1;      /* bytes of the term (REVERSED: through the closing parenthesis) */
    size_t tb1;         /* end of the foreign term itself */
    size_t pb1;         /* end of a following particle (== b1: none) */
    int particle;       /* index in particles[], or -1 */
    unsigned long col;  /* 1-based column */
    size_t pat;         /* pattern */
    size_t inner;       /* REVERSED: the plain pattern inside */
};

struct line {
    const char *s;  /* start in the document */
    size_t len;     /* bytes without the line end */
    size_t end_len; /* bytes of the line end (0, 1 or 2) */
};

struct finding_fix {
    size_t line, b0, b1; /* bytes replaced */
    char *text;          /* replacement */
};

struct check_result {
    struct check_finding *f; /* findings */
    size_t n, alloc;         /* used, allocated */
    struct finding_fix *fix; /* one per finding */
    size_t fix_alloc;        /* allocated in fix */
    char *fixed;             /* corrected document, or NULL */
    size_t fixed_len;        /* its length */
};

static size_t group_of(struct check_glossary *g, size_t pat)
{
    return uf_find(g, g->p[pat].concept);
}

/* Length in stream elements of a match of pattern pi at t[i..], or 0. */
static size_t match_at(const struct check_glossary *g, const struct fvec *t, size_t i, size_t pi)
{
    const struct pattern *p = &g->p[pi];
    const uint32_t *cp = g->cp + p->off, *orig = g->orig + p->off;
    const unsigned char *sp = g->sp + p->off;

    if (i + p->n > t->n)
        return 0;
    for (size_t k = 0; k < p->n; k++) {
        const struct fch *c = &t->v[i + k];
        if (c->cp != cp[k] || (p->type == MODEL_FORM_ABBREV && c->orig != orig[k]))
            return 0;
        if (k > 0 && c->sp != sp[k] && is_latin_alnum(c->cp) && is_latin_alnum(t->v[i + k - 1].cp))
            return 0;
    }
    return p->n;
}

/* 1 when a term may start at t[i]. */
static int starts_word(const struct fvec *t, size_t i, int latin)
{
    uint32_t prev;
    if (i == 0 || t->v[i].sp)
        return 1;
    prev = t->v[i - 1].cp;
    return latin && uc_is_latin_letter(t->v[i].cp) ? !is_latin_alnum(prev) : !is_word(prev);
}

/*
 * Checks that a term may end before t[j]: the line or word ends, or a
 * particle follows. Sets *pj to the end of the particle and *particle to
 * its index (-1 when none). Returns 0 when the term is part of a longer word.
 */
static int ends_word(const char *s, const struct fvec *t, size_t j, uint32_t last, size_t *pj,
                     int *particle)
{
    size_t k = j;

    *pj = j;
    *particle = -1;
    if (j == t->n || t->v[j].sp || !is_word(t->v[j].cp))
        return 1;
    if (is_latin_alnum(last) && is_latin_alnum(t->v[j].cp))
        return 0;
    if (!uc_is_hangul_syllable(t->v[j].cp))
        return 0;
    while (k < t->n && (k == j || !t->v[k].sp) && uc_is_hangul_syllable(t->v[k].cp))
        k++;
    if (k < t->n && !t->v[k].sp && is_word(t->v[k].cp))
        return is_latin_alnum(last); /* Hangul then more letters: not a particle */
    *particle = particle_find(s + t->v[j].b0, t->v[k - 1].b1 - t->v[j].b0);
    if (*particle < 0)
        return is_latin_alnum(last); /* AI기반: the abbreviation is still used bare */
    *pj = k;
    return 1;
}

/*
 * Index of the ')' closing the '(' at t[open], or 0 when none follows on the
 * line within MAX_PAREN characters: a definition is short, and the bound
 * keeps a line of a million unclosed parentheses linear.
 */
static size_t close_paren(const struct fvec *t, size_t open)
{
    int depth = 0;
    for (size_t k = open; k < t->n && k - open <= MAX_PAREN; k++) {
        if (t->v[k].cp == '(')
            depth++;
        else if (t->v[k].cp == ')' && --depth == 0)
            return k;
    }
    return 0;
}

/* The longest pattern matching at t[i] as a whole word: its index, or SIZE_MAX. */
static size_t best_match(const struct check_glossary *g, const char *s, const struct fvec *t,
                         size_t i, size_t *len, size_t *pj, int *particle)
{
    uint32_t k[2];
    struct bucket *b;

    if (i + 1 >= t->n)
        return SIZE_MAX;
    k[0] = t->v[i].cp;
    k[1] = t->v[i + 1].cp;
    b = strmap_get(&g->buckets, k, sizeof(k));
    if (!b)
        return SIZE_MAX;
    for (size_t x = 0; x < b->n; x++) {
        size_t pi = b->pat[x], n;
        if (!starts_word(t, i, g->p[pi].latin))
            continue;
        n = match_at(g, t, i, pi);
        if (n && ends_word(s, t, i + n, t->v[i + n - 1].cp, pj, particle)) {
            *len = n;
            return pi;
        }
    }
    return SIZE_MAX;
}

struct scan {
    struct check_glossary *g; /* the glossary */
    struct occ *o;            /* occurrences in document order */
    size_t n, alloc;          /* used, allocated */
};

static struct occ *scan_add(struct scan *sc, enum occ_role role, size_t line, const struct fvec *t,
                            size_t i, size_t n, size_t pj, int particle, size_t pat)
{
    struct occ *o;
    ALLOC_GROW(sc->o, sc->n + 1, sc->alloc);
    o = &sc->o[sc->n++];
    memset(o, 0, sizeof(*o));
    o->role = role;
    o->line = line;
    o->b0 = t->v[i].b0;
    o->b1 = o->tb1 = t->v[i + n - 1].b1;
    o->pb1 = particle < 0 ? o->b1 : t->v[pj - 1].b1;
    o->particle = particle;
    o->col = t->v[i].col + 1;
    o->pat = pat;
    return o;
}

static void scan_line(struct scan *sc, size_t line, const char *s, const struct fvec *t)
{
    struct check_glossary *g = sc->g;
    size_t def_end = 0, def_group = SIZE_MAX;

    for (size_t i = 0; i < t->n;) {
        size_t n, pj, pi;
        int particle;

        if (i >= def_end)
            def_group = SIZE_MAX;
        pi = best_match(g, s, t, i, &n, &pj, &particle);
        if (pi == SIZE_MAX) {
            i++;
            continue;
        }
        if (g->p[pi].type == MODEL_FORM_KO) {
            scan_add(sc, OCC_PLAIN, line, t, i, n, pj, particle, pi);
            /* plain( ... ) defines the foreign forms of its group inside */
            if (particle < 0 && i + n < t->n && t->v[i + n].cp == '(') {
                size_t close = close_paren(t, i + n);
                if (close) {
                    def_end = close;
                    def_group = group_of(g, pi);
                }
            }
            i = pj;
            continue;
        }
        if (i < def_end && def_group == group_of(g, pi)) {
            scan_add(sc, OCC_DEFINED, line, t, i, n, pj, particle, pi);
            i = pj;
            continue;
        }
        /* foreign(plain of the same group): the reversed form */
        if (particle < 0 && i + n < t->n && t->v[i + n].cp == '(') {
            size_t close = close_paren(t, i + n), m, pj2, ip;
            int part2;

            ip = i + n + 1;
            if (close && ip < close) {
                size_t inner = best_match(g, s, t, ip, &m, &pj2, &part2);
                if (inner != SIZE_MAX && g->p[inner].type == MODEL_FORM_KO && ip + m == close &&
                    group_of(g, inner) == group_of(g, pi)) {
                    struct occ *o;
                    size_t after = close + 1;
                    int part3;

                    o = scan_add(sc, OCC_REVERSED, line, t, i, n, after, -1, pi);
                    o->b1 = t->v[close].b1;
                    o->pb1 = o->b1;
                    o->inner = inner;
                    /* a particle after ')' agreed with the foreign word */
                    if (after < t->n && !t->v[after].sp && uc_is_hangul_syllable(t->v[after].cp)) {
                        size_t k = after;
                        while (k < t->n && (k == after || !t->v[k].sp) &&
                               uc_is_hangul_syllable(t->v[k].cp))
                            k++;
                        part3 = particle_find(s + t->v[after].b0, t->v[k - 1].b1 - t->v[after].b0);
                        if (part3 >= 0 && (k == t->n || t->v[k].sp || !is_word(t->v[k].cp))) {
                            o->particle = part3;
                            o->pb1 = t->v[k - 1].b1;
                        }
                    }
                    i = close + 1;
                    continue;
                }
            }
        }
        scan_add(sc, OCC_FOREIGN, line, t, i, n, pj, particle, pi);
        i = pj;
    }
}

/* ---- deciding ------------------------------------------------------------------------- */

/* Per group: the renderings the document uses, and what it should use. */
struct group_state {
    size_t target;             /* concept the document should use */
    unsigned long target_line; /* first line using the target, or 0 */
    int nrender;               /* concepts used as renderings: 0, 1, 2 (or more) */
    size_t first_concept;      /* the first one used */
    int introduced;            /* a foreign form was introduced */
};

static void result_add(struct check_result *r, enum check_rule rule, const struct line *lines,
                       const struct occ *o, const char *suggestion, const char *term, int first_use,
                       unsigned long ref_line, size_t fix_b0, size_t fix_b1, const char *fix_text)
{
    struct check_finding *f;
    struct finding_fix *x;
    const char *ls = lines[o->line].s;

    ALLOC_GROW(r->f, r->n + 1, r->alloc);
    ALLOC_GROW(r->fix, r->n + 1, r->fix_alloc);
    f = &r->f[r->n];
    x = &r->fix[r->n];
    r->n++;
    f->rule = rule;
    f->line = (unsigned long)o->line + 1;
    f->column = o->col;
    f->found = xmemdupz(ls + o->b0, o->b1 - o->b0);
    f->suggestion = xstrdup(suggestion);
    f->term = xstrdup(term);
    f->first_use = first_use;
    f->ref_line = ref_line;
    x->line = o->line;
    x->b0 = fix_b0;
    x->b1 = fix_b1;
    x->text = xstrdup(fix_text);
}

/*
 * Records a finding for occurrence o: the text o->b0..b1 becomes
 * suggestion, and a following particle agrees with agree (the word before
 * any parenthesis): it is kept when agree does not end in a syllable.
 */
static void finding(struct check_result *r, enum check_rule rule, const struct line *lines,
                    const struct occ *o, const char *suggestion, const char *term,
                    const char *agree, int first_use, unsigned long ref_line)
{
    struct strbuf fix = STRBUF_INIT;
    size_t end = o->b1;

    strbuf_addstr(&fix, suggestion);
    if (o->particle >= 0) {
        const char *p = particle_for(o->particle, agree);
        if (p) {
            strbuf_addstr(&fix, p);
            end = o->pb1;
        }
    }
    result_add(r, rule, lines, o, suggestion, term, first_use, ref_line, o->b0, end, fix.buf);
    strbuf_release(&fix);
}

static void decide(struct check_glossary *g, const struct scan *sc, const struct line *lines,
                   struct check_result *r)
{
    struct group_state *gs = xcalloc(g->nc + 1, sizeof(*gs));
    unsigned char *defined = xcalloc(g->np + 1, 1);
    unsigned long *def_line = xcalloc(g->np + 1, sizeof(*def_line));
    struct strbuf s = STRBUF_INIT;

    /* pre-pass: renderings used per group, and where abbreviations are defined */
    for (size_t i = 0; i < sc->n; i++) {
        const struct occ *o = &sc->o[i];
        size_t gr, pp = o->role == OCC_REVERSED ? o->inner : o->pat;
        struct group_state *st;

        if (o->role == OCC_DEFINED && g->p[o->pat].type == MODEL_FORM_ABBREV && !def_line[o->pat])
            def_line[o->pat] = (unsigned long)o->line + 1;
        if (o->role != OCC_PLAIN && o->role != OCC_REVERSED)
            continue;
        gr = group_of(g, pp);
        st = &gs[gr];
        if (!st->nrender) {
            st->first_concept = g->p[pp].concept;
            st->nrender = 1;
        } else if (st->first_concept != g->p[pp].concept) {
            st->nrender = 2;
        }
    }
    for (size_t ci = 0; ci < g->nc; ci++) {
        struct group_state *st = &gs[ci];
        if (uf_find(g, ci) != ci)
            continue;
        st->target = st->nrender == 1 ? st->first_concept : g->best[ci];
    }
    /* the target's rendering key and first line, for messages */
    for (size_t i = 0; i < sc->n; i++) {
        const struct occ *o = &sc->o[i];
        size_t pp = o->role == OCC_REVERSED ? o->inner : o->pat;
        struct group_state *st;

        if (o->role != OCC_PLAIN && o->role != OCC_REVERSED)
            continue;
        st = &gs[group_of(g, pp)];
        if (!st->target_line && g->p[pp].concept == st->target)
            st->target_line = (unsigned long)o->line + 1;
    }

    for (size_t i = 0; i < sc->n; i++) {
        const struct occ *o = &sc->o[i];
        const struct pattern *p = &g->p[o->pat];
        struct group_state *st = &gs[group_of(g, o->pat)];
        const char *term = g->c[st->target].plain;
        char *found = xmemdupz(lines[o->line].s + o->b0, o->tb1 - o->b0);
        enum check_rule rule = p->type == MODEL_FORM_ABBREV    ? CHECK_RULE_ABBREV
                               : p->type == MODEL_FORM_ENGLISH ? CHECK_RULE_ENGLISH
                                                               : CHECK_RULE_LOANWORD;

        strbuf_reset(&s);
        switch (o->role) {
        case OCC_PLAIN:
            if (st->nrender > 1 && p->concept != st->target)
                finding(r, CHECK_RULE_INCONSISTENT, lines, o, term, term, term, 0, st->target_line);
            break;
        case OCC_DEFINED:
            st->introduced = 1;
            if (p->type == MODEL_FORM_ABBREV)
                defined[o->pat] = 1;
            break;
        case OCC_FOREIGN:
            if (p->type == MODEL_FORM_ABBREV) {
                if (defined[o->pat])
                    break;
                strbuf_addf(&s, "%s(%s)", term, found);
                finding(r, rule, lines, o, s.buf, term, term, 1,
                        def_line[o->pat] > o->line + 1 ? def_line[o->pat] : 0);
                defined[o->pat] = 1;
                st->introduced = 1;
            } else if (!st->introduced) {
                strbuf_addf(&s, "%s(%s)", term, found);
                finding(r, rule, lines, o, s.buf, term, term, 1, 0);
                st->introduced = 1;
            } else {
                finding(r, rule, lines, o, term, term, term, 0, 0);
            }
            break;
        case OCC_REVERSED:
            if (p->type == MODEL_FORM_ABBREV ? !defined[o->pat] : !st->introduced) {
                strbuf_addf(&s, "%s(%s)", term, found);
                finding(r, CHECK_RULE_ORDER, lines, o, s.buf, term, term, 1, 0);
            } else if (p->type == MODEL_FORM_ABBREV) {
                finding(r, CHECK_RULE_ORDER, lines, o, found, term, found, 0, 0);
            } else {
                finding(r, CHECK_RULE_ORDER, lines, o, term, term, term, 0, 0);
            }
            if (p->type == MODEL_FORM_ABBREV)
                defined[o->pat] = 1;
            st->introduced = 1;
            break;
        }
        free(found);
    }
    strbuf_release(&s);
    free(gs);
    free(defined);
    free(def_line);
}

/* ---- documents ------------------------------------------------------------------------ */

static struct line *split_lines(const char *text, size_t len, size_t *nlines)
{
    struct line *l = NULL;
    size_t n = 0, alloc = 0, start = 0;

    for (size_t i = 0; i <= len; i++) {
        size_t end_len = 0;
        if (i < len && text[i] == '\n')
            end_len = 1;
        else if (i < len && text[i] == '\r')
            end_len = i + 1 < len && text[i + 1] == '\n' ? 2 : 1;
        else if (i < len)
            continue;
        if (i == len && start == len)
            break;
        ALLOC_GROW(l, n + 1, alloc);
        l[n].s = text + start;
        l[n].len = i - start;
        l[n].end_len = end_len;
        n++;
        i += end_len ? end_len - 1 : 0;
        start = i + 1;
    }
    *nlines = n;
    return l;
}

static int fix_cmp(const void *va, const void *vb)
{
    const struct finding_fix *a = *(const struct finding_fix *const *)va;
    const struct finding_fix *b = *(const struct finding_fix *const *)vb;
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    return a->b0 < b->b0 ? -1 : a->b0 > b->b0;
}

static void build_fixed(struct check_result *r, const struct line *lines, size_t nlines)
{
    struct strbuf out = STRBUF_INIT;
    const struct finding_fix **order = xmalloc(st_mult(r->n + 1, sizeof(*order)));
    size_t k = 0;

    for (size_t i = 0; i < r->n; i++)
        order[i] = &r->fix[i];
    if (r->n)
        qsort(order, r->n, sizeof(*order), fix_cmp);
    for (size_t li = 0; li < nlines; li++) {
        size_t pos = 0;
        for (; k < r->n && order[k]->line == li; k++) {
            if (order[k]->b0 < pos)
                continue; /* overlapping: cannot happen, but never corrupt */
            strbuf_add(&out, lines[li].s + pos, order[k]->b0 - pos);
            strbuf_addstr(&out, order[k]->text);
            pos = order[k]->b1;
        }
        strbuf_add(&out, lines[li].s + pos, lines[li].len - pos + lines[li].end_len);
    }
    r->fixed = strbuf_detach(&out, &r->fixed_len);
    free(order);
}

struct check_result *check_text(struct check_glossary *g, const char *text, size_t len,
                                unsigned flags)
{
    struct check_result *r = xcalloc(1, sizeof(*r));
    struct scan sc = {g, NULL, 0, 0};
    struct fvec t = {NULL, 0, 0};
    size_t nlines;
    struct line *lines;

    if (!g->compiled)
        glossary_compile(g);
    lines = split_lines(text, len, &nlines);
    if (g->np)
        for (size_t li = 0; li < nlines; li++) {
            fold(lines[li].s, lines[li].len, &t);
            scan_line(&sc, li, lines[li].s, &t);
        }
    decide(g, &sc, lines, r);
    if (flags & CHECK_FIX)
        build_fixed(r, lines, nlines);
    free(t.v);
    free(sc.o);
    free(lines);
    return r;
}

/*
 * Measures the decoded text from *from on; *cur, the length of the line
 * being read, carries over between calls. Returns -1 with err set (and the
 * line counted as split_lines counts it: LF, CR LF or CR) when a line is
 * over TEXT_LINE_MAX bytes, else 0.
 */
static int check_line_lengths(const struct strbuf *text, size_t *from, size_t *cur,
                              struct dd_error *err)
{
    for (size_t i = *from; i < text->len; i++) {
        char c = text->buf[i];
        if (c == '\n' || c == '\r') {
            *cur = 0;
            continue;
        }
        if (++*cur <= TEXT_LINE_MAX)
            continue;
        err->line = 1;
        for (size_t k = 0; k < i; k++)
            if (text->buf[k] == '\n' || (text->buf[k] == '\r' && text->buf[k + 1] != '\n'))
                err->line++;
        return -1;
    }
    *from = text->len;
    return 0;
}

struct check_result *check_file(struct check_glossary *g, const char *path, const char *encoding,
                                unsigned flags, struct dd_error *err)
{
    struct text_decoder *dec = NULL;
    struct strbuf text = STRBUF_INIT;
    struct check_result *r = NULL;
    char *buf = NULL;
    int fd = -1, is_stdin = !strcmp(path, "-");
    ssize_t n;
    size_t measured = 0, cur = 0; /* text measured so far; bytes of its last line */

    dd_error_clear(err);
    dec = text_decoder_new(encoding, 0, err);
    if (!dec) {
        text_input_fail(err, TEXT_READER_EENCODING, path, encoding);
        goto cleanup;
    }
    if (is_stdin) {
        fd = STDIN_FILENO;
    } else {
        do
            fd = open(path, O_RDONLY | O_CLOEXEC);
        while (fd < 0 && errno == EINTR);
        if (fd < 0) {
            err->sys_errno = errno;
            text_input_fail(err, TEXT_READER_EOPEN, path, encoding);
            goto cleanup;
        }
    }
    buf = xmalloc(READ_CHUNK);
    for (;;) {
        do
            n = read(fd, buf, READ_CHUNK);
        while (n < 0 && errno == EINTR);
        if (n < 0) {
            err->sys_errno = errno;
            text_input_fail(err, TEXT_READER_EREAD, path, encoding);
            goto cleanup;
        }
        if (n == 0)
            break;
        if (text_decoder_feed(dec, buf, (size_t)n, &text, err) != TEXT_OK) {
            text_input_fail(err, TEXT_READER_EDECODE, path, encoding);
            goto cleanup;
        }
        if (check_line_lengths(&text, &measured, &cur, err)) {
            text_input_fail(err, TEXT_READER_ELONG, path, encoding);
            goto cleanup;
        }
    }
    if (text_decoder_finish(dec, &text, err) != TEXT_OK) {
        text_input_fail(err, TEXT_READER_EDECODE, path, encoding);
        goto cleanup;
    }
    if (check_line_lengths(&text, &measured, &cur, err)) {
        text_input_fail(err, TEXT_READER_ELONG, path, encoding);
        goto cleanup;
    }
    r = check_text(g, text.buf, text.len, flags);
cleanup:
    if (fd >= 0 && !is_stdin)
        close(fd);
    free(buf);
    strbuf_release(&text);
    text_decoder_free(dec);
    return r;
}

/* ---- results -------------------------------------------------------------------------- */

const char *check_rule_name(enum check_rule r)
{
    static const char *const names[] = {"loanword", "english", "abbreviation", "order",
                                        "inconsistent"};
    return (unsigned)r < sizeof(names) / sizeof(names[0]) ? names[r] : "?";
}

size_t check_result_count(const struct check_result *r)
{
    return r->n;
}

const struct check_finding *check_result_get(const struct check_result *r, size_t i)
{
    return i < r->n ? &r->f[i] : NULL;
}

const char *check_result_get_fixed(const struct check_result *r, size_t *len)
{
    *len = r->fixed_len;
    return r->fixed;
}

void check_result_free(struct check_result *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->n; i++) {
        free((char *)r->f[i].found);
        free((char *)r->f[i].suggestion);
        free((char *)r->f[i].term);
        free(r->fix[i].text);
    }
    free(r->f);
    free(r->fix);
    free(r->fixed);
    free(r);
}

void check_result_write(const struct check_result *r, const char *file, FILE *fp,
                        enum check_format fmt, unsigned long *nwritten)
{
    struct strbuf name = STRBUF_INIT;

    /* names and glossary texts may hold any byte: see utf8_add_visible */
    utf8_add_visible(&name, file, strlen(file), 0);
    for (size_t i = 0; i < r->n; i++) {
        const struct check_finding *f = &r->f[i];
        if (fmt == CHECK_FORMAT_TEXT) {
            fprintf(fp, "%s:%lu:%lu: ", name.buf, f->line, f->column);
            utf8_write_visible(fp, f->found, UTF8_VISIBLE_BLANK);
            fputs(" → ", fp);
            utf8_write_visible(fp, f->suggestion, UTF8_VISIBLE_BLANK);
            fputc('\n', fp);
            continue;
        }
        fputs(*nwritten ? ",\n" : "\n", fp);
        fputs("{\"file\":", fp);
        json_write_string(fp, name.buf);
        fprintf(fp, ",\"line\":%lu,\"column\":%lu,\"rule\":\"%s\",\"found\":", f->line, f->column,
                check_rule_name(f->rule));
        json_write_string(fp, f->found);
        fputs(",\"suggestion\":", fp);
        json_write_string(fp, f->suggestion);
        fputs(",\"term\":", fp);
        json_write_string(fp, f->term);
        fprintf(fp, ",\"first_use\":%s,\"ref_line\":", f->first_use ? "true" : "false");
        if (f->ref_line)
            fprintf(fp, "%lu}", f->ref_line);
        else
            fputs("null}", fp);
        (*nwritten)++;
    }
    strbuf_release(&name);
}
