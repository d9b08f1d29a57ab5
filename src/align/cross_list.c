/*
 * cross_list.c - list alignment: a list of acronyms paired with a list of
 * Korean names, item by item (see cross.h).
 */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "align/assign.h"
#include "align/cross.h"
#include "align/cross_int.h"
#include "text/korean.h"
#include "util/strbuf.h"
#include "util/strmap.h"
#include "util/utf8.h"
#include "util/xmalloc.h"
#include "util/banned.h"

/* Least loss of a swap for a list pair to count as decided (see lists_align). */
#define CROSS_MARGIN 0.05

/* ==== lists ===================================================================== */

enum item_type { ITEM_OTHER = 0, ITEM_ACR, ITEM_KO };

struct item {
    char *text;          /* the item as written, trimmed */
    char *label;         /* "(산업계)" label in force, or "" */
    enum item_type type; /* what it looks like */
};

struct list {
    unsigned long line; /* source line */
    struct item *items; /* in order */
    size_t n, alloc;    /* used, allocated */
    size_t nacr, nko;   /* items by type */
};

static void list_release(struct list *l)
{
    for (size_t i = 0; i < l->n; i++) {
        free(l->items[i].text);
        free(l->items[i].label);
    }
    free(l->items);
}

/* An acronym: 2..10 of A-Z 0-9 & -, at least two capitals. */
static int is_acronym(const char *s, size_t len)
{
    size_t caps = 0;
    if (len < 2 || len > 10)
        return 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (isupper(ch))
            caps++;
        else if (!isdigit(ch) && ch != '&' && ch != '-')
            return 0;
    }
    return caps >= 2;
}

/* Length of a "(label)" at s: '(' 1..8 Hangul syllables ')', or 0. */
static size_t label_len(const char *s, size_t len)
{
    size_t i = 1, syl = 0;
    if (!len || s[0] != '(')
        return 0;
    while (i < len) {
        uint32_t c;
        size_t n = utf8_decode(s + i, len - i, &c);
        if (c == ')')
            return syl >= 1 && syl <= 8 ? i + 1 : 0;
        if (!uc_is_hangul_syllable(c))
            return 0;
        syl++;
        i += n;
    }
    return 0;
}

static const char *skip_bullets(const char *s, const char *e)
{
    for (;;) {
        while (s < e && (*s == ' ' || *s == '*' || *s == '-' || *s == '\t'))
            s++;
        if (s >= e || (unsigned char)*s < 0x80)
            return s;
        uint32_t c;
        size_t n = utf8_decode(s, (size_t)(e - s), &c);
        /* ※ ▪ □ ○ ◦ • △ ▲ ▶ ➔ ◆ ■ and the like: symbols, not letters */
        if (c == 0x203B || (c >= 0x25A0 && c <= 0x25FF) || c == 0x2022 || c == 0x2794 || c == 0xB7)
            s += n;
        else
            return s;
    }
}

/* The end of the raw item at s: the first separator outside brackets, or end. */
static const char *item_end(const char *s, const char *end)
{
    int depth = 0;
    while (s < end) {
        if (*s == '(' || *s == '[' || *s == '{')
            depth++;
        else if ((*s == ')' || *s == ']' || *s == '}') && depth > 0)
            depth--;
        else if (!depth && (*s == ',' || *s == '/' || *s == ';'))
            break;
        s++;
    }
    return s;
}

/* The raw items of a line, counted up to enough. */
static size_t raw_items(const struct cline *ln, size_t enough)
{
    const char *s = ln->text, *end = ln->text + ln->len;
    size_t n = 0;
    for (; s < end && n < enough; n++) {
        const char *e = item_end(s, end);
        s = e < end ? e + 1 : e;
    }
    return n;
}

/* Splits one line into list items. */
static void list_parse(const struct cline *ln, struct list *l)
{
    const char *s = ln->text, *end = ln->text + ln->len;
    char *label = xstrdup("");
    memset(l, 0, sizeof(*l));
    l->line = ln->no;
    while (s < end) {
        /* one raw item: up to a separator outside brackets */
        const char *e = item_end(s, end);
        const char *a = skip_bullets(s, e);
        /* "참석기관 : (산업계) X": keep what follows the colon */
        for (const char *p = e; p > a; p--)
            if (p[-1] == ':') {
                a = skip_bullets(p, e);
                break;
            }
        size_t ll = label_len(a, (size_t)(e - a));
        if (ll && (a + ll == e || a[ll] == ' ')) {
            free(label);
            label = xmemdupz(a, ll);
            a = skip_bullets(a + ll, e);
        }
        const char *b = e;
        while (b > a && b[-1] == ' ')
            b--;
        if (b - a >= 4 && !memcmp(b - 4, " \xEB\x93\xB1", 4)) /* trailing " 등" */
            b -= 4;
        if (b > a) {
            ALLOC_GROW(l->items, l->n + 1, l->alloc);
            struct item *it = &l->items[l->n++];
            it->text = xmemdupz(a, (size_t)(b - a));
            it->label = xstrdup(label);
            struct strbuf sq = STRBUF_INIT;
            cross_squeeze(a, (size_t)(b - a), &sq);
            struct ko_script sc;
            ko_script_of(sq.buf, sq.len, &sc);
            size_t spaces = 0;
            for (const char *p = a; p < b; p++)
                spaces += *p == ' ';
            it->type = ITEM_OTHER;
            if (is_acronym(sq.buf, sq.len))
                it->type = ITEM_ACR;
            else if (sc.hangul >= 2 && sc.hangul <= 20 && !sc.latin && !sc.digit && !sc.other &&
                     spaces <= 1)
                it->type = ITEM_KO;
            l->nacr += it->type == ITEM_ACR;
            l->nko += it->type == ITEM_KO;
            strbuf_release(&sq);
        }
        s = e < end ? e + 1 : e;
    }
    free(label);
}

static int list_is_acr(const struct list *l)
{
    return l->nacr >= 3 && l->nacr * 5 >= l->n * 3;
}
static int list_is_ko(const struct list *l)
{
    return l->nko >= 3 && l->nko * 5 >= l->n * 3;
}

struct list_hit {
    size_t a, k;  /* acronym item, Korean item */
    double score; /* cross_acronym_score */
};

/* 1 when some item of l carries label lab. */
static int has_label(const struct list *l, const char *lab, enum item_type t)
{
    for (size_t i = 0; i < l->n; i++)
        if (l->items[i].type == t && !strcmp(l->items[i].label, lab))
            return 1;
    return 0;
}

/*
 * acronym_score_raw through memo (acronym NUL name -> double *): a long
 * document repeats its lists, and every acronym list is scored against
 * every Korean list.
 */
static double memo_score(struct strmap *memo, const char *ab, const char *nm, unsigned flags)
{
    size_t al = strlen(ab), nl = strlen(nm);
    struct strbuf key = STRBUF_INIT;
    int created;

    strbuf_add(&key, ab, al + 1); /* with its NUL, which no name holds */
    strbuf_add(&key, nm, nl);
    struct strmap_entry *e = strmap_put(memo, key.buf, key.len, &created);
    strbuf_release(&key);
    if (created) {
        double *v = xmalloc(sizeof(*v));
        *v = cross_acronym_score_raw(ab, al, nm, nl, flags);
        e->value = v;
    }
    return *(const double *)e->value;
}

/*
 * Aligns acronym list A with Korean list K, one assignment per shared label
 * and one over the rest. Appends the assigned pairs to hits (all of them,
 * weak ones included) and returns the sum of the scores above the threshold.
 */
static double lists_align(const struct list *A, const struct list *K, unsigned flags,
                          struct strmap *memo, struct list_hit **hits, size_t *nhits, size_t *ahits)
{
    double total = 0;
    /* groups: each label of A shared with K, then "" for the pool */
    for (size_t g = 0; g <= A->n; g++) {
        const char *lab = g < A->n ? A->items[g].label : NULL;
        if (lab) {
            if (!*lab || A->items[g].type != ITEM_ACR || !has_label(K, lab, ITEM_KO))
                continue;
            int seen = 0; /* first item of A with this label only */
            for (size_t h = 0; h < g; h++)
                if (A->items[h].type == ITEM_ACR && !strcmp(A->items[h].label, lab))
                    seen = 1;
            if (seen)
                continue;
        }
        size_t ra[64], ck[64], nr = 0, nc = 0;
        for (size_t i = 0; i < A->n && nr < 64; i++) {
            const struct item *it = &A->items[i];
            if (it->type != ITEM_ACR)
                continue;
            int pooled = !*it->label || !has_label(K, it->label, ITEM_KO);
            if (lab ? !strcmp(it->label, lab) : pooled)
                ra[nr++] = i;
        }
        for (size_t i = 0; i < K->n && nc < 64; i++) {
            const struct item *it = &K->items[i];
            if (it->type != ITEM_KO)
                continue;
            int pooled = !*it->label || !has_label(A, it->label, ITEM_ACR);
            if (lab ? !strcmp(it->label, lab) : pooled)
                ck[nc++] = i;
        }
        if (!nr || !nc)
            continue;
        double *m = xmalloc(st_mult(nr * nc, sizeof(*m)));
        long *asg = xmalloc(st_mult(nr, sizeof(*asg)));
        for (size_t r = 0; r < nr; r++)
            for (size_t k = 0; k < nc; k++) {
                const char *ab = A->items[ra[r]].text, *nm = K->items[ck[k]].text;
                m[r * nc + k] = memo_score(memo, ab, nm, flags);
            }
        assign_max_score(m, nr, nc, asg);
        for (size_t r = 0; r < nr; r++) {
            if (asg[r] < 0)
                continue;
            size_t c1 = (size_t)asg[r];
            double sc = m[r * nc + c1];
            /*
             * Ambiguous when giving row r another column (swapping with
             * the row that holds it, if any) loses less than CROSS_MARGIN:
             * the letters do not decide, and a guess is worse than nothing.
             */
            int ambiguous = 0;
            for (size_t c2 = 0; c2 < nc && !ambiguous; c2++) {
                if (c2 == c1)
                    continue;
                double alt = m[r * nc + c2], cur = sc;
                for (size_t r2 = 0; r2 < nr; r2++)
                    if (asg[r2] == (long)c2) {
                        alt += m[r2 * nc + c1];
                        cur += m[r2 * nc + c2];
                    }
                if (alt >= cur - CROSS_MARGIN)
                    ambiguous = 1;
            }
            if (ambiguous && !(flags & CROSS_ALL_LIST_PAIRS))
                sc = sc < CROSS_LIST_THRESHOLD ? sc : CROSS_LIST_THRESHOLD - 0.01;
            ALLOC_GROW(*hits, *nhits + 1, *ahits);
            (*hits)[*nhits].a = ra[r];
            (*hits)[*nhits].k = ck[asg[r]];
            (*hits)[(*nhits)++].score = sc;
            if (sc >= CROSS_LIST_THRESHOLD)
                total += sc;
        }
        free(m);
        free(asg);
    }
    return total;
}

void cross_lists(struct cross_doc *c)
{
    struct list *ls = NULL; /* the lines that are acronym or Korean lists, in order */
    size_t nls = 0, als = 0;
    struct strmap memo = STRMAP_INIT;
    /* Only lists take part: a line of fewer than three items is not parsed,
     * and a parsed one that is no list is let go at once, instead of every
     * line's items being held to the end (most lines of a long document are
     * prose, and holding them made this pass grow faster than the lines). */
    for (size_t i = 0; i < c->nlines; i++) {
        if (raw_items(&c->lines[i], 3) < 3)
            continue;
        ALLOC_GROW(ls, nls + 1, als);
        list_parse(&c->lines[i], &ls[nls]);
        if (list_is_acr(&ls[nls]) || list_is_ko(&ls[nls]))
            nls++;
        else
            list_release(&ls[nls]);
    }
    for (size_t i = 0; i < nls; i++) {
        if (!list_is_acr(&ls[i]))
            continue;
        /* the Korean list that explains this acronym list best */
        size_t best = (size_t)-1;
        double best_total = 0;
        for (size_t k = 0; k < nls; k++) {
            struct list_hit *h = NULL;
            size_t nh = 0, ah = 0;
            if (k == i || !list_is_ko(&ls[k]))
                continue;
            double t = lists_align(&ls[i], &ls[k], c->flags, &memo, &h, &nh, &ah);
            free(h);
            if (t > best_total) {
                best_total = t;
                best = k;
            }
        }
        if (best == (size_t)-1)
            continue;
        struct list_hit *h = NULL;
        size_t nh = 0, ah = 0, strong = 0;
        lists_align(&ls[i], &ls[best], c->flags, &memo, &h, &nh, &ah);
        for (size_t t = 0; t < nh; t++)
            strong += h[t].score >= CROSS_LIST_THRESHOLD;
        /* a list pairing that explains little is a coincidence */
        if (strong >= 2 && strong * 5 >= ls[i].nacr * 2) {
            for (size_t t = 0; t < nh; t++) {
                if (h[t].score < CROSS_LIST_THRESHOLD && !(c->flags & CROSS_ALL_LIST_PAIRS))
                    continue;
                const struct item *a = &ls[i].items[h[t].a], *k = &ls[best].items[h[t].k];
                struct strbuf ev = STRBUF_INIT;
                strbuf_addf(&ev, "list alignment: line %lu %s vs line %lu%s%s", ls[best].line,
                            k->label, ls[i].line, *a->label ? " " : "", a->label);
                cross_out_add(c, k->text, a->text, MODEL_KIND_ABBREV, ls[best].line, ls[i].line,
                              h[t].score > 1 ? 1 : h[t].score, ev.buf);
                strbuf_release(&ev);
            }
        }
        free(h);
    }
    for (size_t i = 0; i < nls; i++)
        list_release(&ls[i]);
    free(ls);
    strmap_release(&memo, free);
}
