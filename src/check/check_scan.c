/*
 * check_scan.c - finding the occurrences of the glossary's patterns in
 * a document, line by line (see check.c).
 */
#include <stdint.h>
#include <string.h>

#include "check/check_int.h"
#include "text/korean.h"
#include "util/utf8.h"
#include "util/xmalloc.h"
#include "util/banned.h"

/* Longest parenthesis, in folded characters, read as a definition. */
#define MAX_PAREN 200

/* ---- scanning ------------------------------------------------------------------------- */

size_t check_group_of(struct check_glossary *g, size_t pat)
{
    return check_uf_find(g, g->p[pat].concept);
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
        if (k > 0 && c->sp != sp[k] && check_is_latin_alnum(c->cp) &&
            check_is_latin_alnum(t->v[i + k - 1].cp))
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
    return latin && uc_is_latin_letter(t->v[i].cp) ? !check_is_latin_alnum(prev)
                                                   : !check_is_word(prev);
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
    if (j == t->n || t->v[j].sp || !check_is_word(t->v[j].cp))
        return 1;
    if (check_is_latin_alnum(last) && check_is_latin_alnum(t->v[j].cp))
        return 0;
    if (!uc_is_hangul_syllable(t->v[j].cp))
        return 0;
    while (k < t->n && (k == j || !t->v[k].sp) && uc_is_hangul_syllable(t->v[k].cp))
        k++;
    if (k < t->n && !t->v[k].sp && check_is_word(t->v[k].cp))
        return check_is_latin_alnum(last); /* Hangul then more letters: not a particle */
    *particle = ko_particle_find(s + t->v[j].b0, t->v[k - 1].b1 - t->v[j].b0);
    if (*particle < 0)
        return check_is_latin_alnum(last); /* AI기반: the abbreviation is still used bare */
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

void check_scan_line(struct scan *sc, size_t line, const char *s, const struct fvec *t)
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
                    def_group = check_group_of(g, pi);
                }
            }
            i = pj;
            continue;
        }
        if (i < def_end && def_group == check_group_of(g, pi)) {
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
                    check_group_of(g, inner) == check_group_of(g, pi)) {
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
                        part3 =
                            ko_particle_find(s + t->v[after].b0, t->v[k - 1].b1 - t->v[after].b0);
                        if (part3 >= 0 && (k == t->n || t->v[k].sp || !check_is_word(t->v[k].cp))) {
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
