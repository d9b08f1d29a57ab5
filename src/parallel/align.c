/*
 * align.c - paragraphs, then sentences, by dynamic programming in a band.
 *
 * The cost of a link of Korean units with English units is Gale and
 * Church's (1993), lengths counted in English characters (e1: each Hangul
 * character of the Korean counts c, any other character 1; e2: the English
 * characters):
 *
 *   delta = (e2 - e1) / sqrt(s2 (e1 + e2) / 2)
 *   cost  = -log(2 (1 - Phi(|delta|))) - log P(link type)
 *           - anchor_match * shared anchors + anchor_miss * unmatched anchors
 *
 * with c measured on the LibreOffice help (docs/sentence-alignment.md): an
 * English text has about 2.5 characters per Hangul character of its Korean.
 * Anchors (parallel/doc.c, parallel/lexicon.c) are numbers, Latin tokens,
 * termbase forms and transliterated loanwords: a Korean anchor found in the
 * English is shared; a hard Korean one that is not, and an English number
 * absent from the Korean, are unmatched (a loanword's rendering is soft).
 *
 * The paragraph pass keeps, for row i (Korean units 0..i), only the columns
 * within `band` of the diagonal i * m / n; the back-pointers take one byte
 * a cell, (n + 1) (2 band + 1) bytes, and the costs three rows. When the
 * best path runs along the edge of the band the pass is redone with twice
 * the band, so a document with a long untranslated section still aligns.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "parallel/lexicon.h"
#include "parallel/parallel.h"
#include "util/xmalloc.h"
#include "util/banned.h"

/*
 * Measured and tuned on the Writer help (docs/sentence-alignment.md): 2.48
 * English characters per Hangul character on the 5,380 translated
 * paragraph pairs; the variance there is 5.7, but the search does best with
 * a flat length model (200) and the anchors, as headings and UI names are
 * short and their lengths vary far more than a normal law allows.
 */
const struct par_model par_model_default = {2.48, 200, 2.0, 1.0};

/*
 * The six link types, with Gale and Church's prior probabilities for
 * sentences, and weights for paragraphs: paragraphs of a translated
 * document are rarely merged or split, but a translation leaves some out.
 */
static const struct {
    unsigned di, dj;
    double prior, para_prior;
} moves[] = {{1, 1, 0.89, 0.97},       {1, 0, 0.0099 / 2, 0.05}, {0, 1, 0.0099 / 2, 0.05},
             {2, 1, 0.089 / 2, 0.001}, {1, 2, 0.089 / 2, 0.001}, {2, 2, 0.011, 0.0002}};
#define NMOVES (sizeof(moves) / sizeof(moves[0]))

/* A side of one alignment pass: paragraphs or sentences [base, base + n) of a document. */
struct side {
    const struct par_doc *d;
    int para;
    size_t base, n;
};

/* A unit's length as English characters: Hangul counts ratio, anything else 1 (see above). */
static double units_len(const struct side *s, size_t k, unsigned cnt, double ratio)
{
    double l = 0;
    for (unsigned q = 0; q < cnt; q++) {
        uint32_t c, h;
        if (s->para)
            c = s->d->para[s->base + k + q].chars, h = s->d->para[s->base + k + q].hangul;
        else
            c = s->d->sent[s->base + k + q].chars, h = s->d->sent[s->base + k + q].hangul;
        l += ratio * h + (c - h);
    }
    return l;
}

/* Where unit k's anchors are in the document's pool. */
static void unit(const struct side *s, size_t k, uint32_t *aoff, uint32_t *an)
{
    if (s->para) {
        const struct par_paragraph *p = &s->d->para[s->base + k];
        *aoff = p->aoff, *an = p->an;
    } else {
        const struct par_sentence *p = &s->d->sent[s->base + k];
        *aoff = p->aoff, *an = p->an;
    }
}

/* How many anchors units [k, k + cnt) have, counted with repeats (a bound on their union). */
static size_t anchor_count(const struct side *s, size_t k, unsigned cnt)
{
    size_t n = 0;
    for (unsigned q = 0; q < cnt; q++)
        n += s->para ? s->d->para[s->base + k + q].an : s->d->sent[s->base + k + q].an;
    return n;
}

struct scratch {
    uint32_t *a, *b;
    size_t acap, bcap;
};

/* The union of the anchors of units [k, k + cnt) into *buf (sorted, distinct); its size. */
static size_t gather(const struct side *s, size_t k, unsigned cnt, uint32_t **buf, size_t *cap)
{
    uint32_t o1 = 0, n1 = 0, o2 = 0, n2 = 0;
    if (cnt >= 1)
        unit(s, k, &o1, &n1);
    if (cnt >= 2)
        unit(s, k + 1, &o2, &n2);
    if ((size_t)n1 + n2 > *cap) {
        *cap = (size_t)n1 + n2 + 64;
        *buf = xrealloc(*buf, st_mult(*cap, sizeof(**buf)));
    }
    /* a document without anchors has no pool: no pointer arithmetic on NULL */
    const uint32_t *x = n1 ? s->d->anchors + o1 : NULL, *y = n2 ? s->d->anchors + o2 : NULL;
    size_t i = 0, j = 0, w = 0;
    while (i < n1 || j < n2) {
        uint32_t v;
        if (j >= n2 || (i < n1 && par_anchor_key(x[i]) < par_anchor_key(y[j])))
            v = x[i++];
        else if (i >= n1 || par_anchor_key(y[j]) < par_anchor_key(x[i]))
            v = y[j++];
        else
            v = x[i] < y[j] ? x[i] : y[j], i++, j++; /* the hard one of the two */
        (*buf)[w++] = v;
    }
    return w;
}

struct linkcost {
    double cost;  /* for the search */
    double score; /* for the output, 0..1 */
};

static struct linkcost link_cost(const struct side *ko, size_t i, unsigned di,
                                 const struct side *en, size_t j, unsigned dj, double prior,
                                 struct scratch *sc)
{
    const struct par_model *m = &par_model_default;
    size_t na = gather(ko, i, di, &sc->a, &sc->acap);
    size_t nb = gather(en, j, dj, &sc->b, &sc->bcap);
    struct linkcost r;
    double e1 = units_len(ko, i, di, m->ratio), e2 = units_len(en, j, dj, m->ratio);
    double mean = (e1 + e2) / 2;
    double delta = mean > 0 ? (e2 - e1) / sqrt(m->variance * mean) : 0;
    double p = erfc(fabs(delta) / sqrt(2.0));
    if (p < 1e-30)
        p = 1e-30;
    /* shared and unmatched anchors, by merging the two sorted sets */
    size_t shared = 0, kmiss = 0, emiss = 0, x = 0, y = 0;
    while (x < na || y < nb) {
        uint32_t ka = x < na ? par_anchor_key(sc->a[x]) : 0,
                 kb = y < nb ? par_anchor_key(sc->b[y]) : 0;
        if (y >= nb || (x < na && ka < kb))
            kmiss += !(sc->a[x] & PAR_ANCHOR_SOFT), x++; /* a soft anchor missing costs nothing */
        else if (x >= na || kb < ka)
            emiss += (sc->b[y] & PAR_ANCHOR_NUMBER) != 0, y++;
        else
            shared++, x++, y++;
    }
    if (!di || !dj)
        shared = kmiss = emiss = 0; /* a unit left alone agrees with nothing */
    r.cost = -log(p) - log(prior) - m->anchor_match * (double)shared +
             m->anchor_miss * (double)(kmiss + emiss);
    r.score = p * (double)(shared + 1) / (double)(shared + kmiss + emiss + 1);
    return r;
}

/*
 * The best path through the grid of ko->n x en->n in a band of half-width
 * band: moves written backwards into *steps (count returned). *touched is
 * set when the path runs along the band's edge.
 */
static size_t dp(const struct side *ko, const struct side *en, size_t band, unsigned char **steps,
                 int *touched, struct scratch *sc)
{
    size_t n = ko->n, m = en->n, w = 2 * band + 1;
    unsigned char *bp = xmalloc(st_mult(n + 1, w));
    double *rows[3];
    size_t lo[3];
    for (int r = 0; r < 3; r++)
        rows[r] = xmalloc(st_mult(w, sizeof(double)));

#define CENTER(i) (n ? (size_t)(((double)(i) * (double)m) / (double)n + 0.5) : 0)
#define LO(i) (CENTER(i) > band ? CENTER(i) - band : 0)
#define HI(i) (CENTER(i) + band < m ? CENTER(i) + band : m)
    for (size_t i = 0; i <= n; i++) {
        double *cur = rows[i % 3];
        size_t l = LO(i), h = HI(i);
        lo[i % 3] = l;
        for (size_t j = l; j <= h; j++) {
            double best = HUGE_VAL;
            unsigned char bm = 0xFF;
            if (i == 0 && j == 0)
                best = 0;
            for (unsigned k = 0; k < NMOVES; k++) {
                unsigned di = moves[k].di, dj = moves[k].dj;
                if (di > i || dj > j)
                    continue;
                size_t pi = i - di, pj = j - dj;
                size_t pl = di ? lo[pi % 3] : l, ph = di ? HI(pi) : h;
                if (pj < pl || pj > ph)
                    continue;
                double prev = (di ? rows[pi % 3] : cur)[pj - pl];
                if (prev == HUGE_VAL)
                    continue;
                double pr = ko->para ? moves[k].para_prior : moves[k].prior;
                /*
                 * The length cost is never negative and the anchors take off
                 * at most anchor_match for each Korean one: skip the link's
                 * full cost when even that bound cannot beat the best.
                 */
                if (best != HUGE_VAL) {
                    double bound = prev - log(pr);
                    if (di && dj)
                        bound -= par_model_default.anchor_match * (double)anchor_count(ko, pi, di);
                    if (bound >= best)
                        continue;
                }
                double c = prev + link_cost(ko, pi, di, en, pj, dj, pr, sc).cost;
                if (c < best)
                    best = c, bm = (unsigned char)k;
            }
            cur[j - l] = best;
            bp[i * w + (j - l)] = bm;
        }
    }
    /* back from (n, m) */
    size_t cap = n + m + 1, cnt = 0, i = n, j = m;
    *steps = xmalloc(cap);
    *touched = 0;
    while (i > 0 || j > 0) {
        size_t l = LO(i), h = HI(i);
        if ((j == l && l > 0) || (j == h && h < m))
            *touched = 1;
        unsigned char k = bp[i * w + (j - l)];
        if (k == 0xFF) { /* unreachable: cannot happen with 1-0 and 0-1 moves */
            *touched = 1;
            break;
        }
        (*steps)[cnt++] = k;
        i -= moves[k].di;
        j -= moves[k].dj;
    }
#undef CENTER
#undef LO
#undef HI
    free(bp);
    for (int r = 0; r < 3; r++)
        free(rows[r]);
    return cnt;
}

static void emit(struct par_alignment *al, size_t *cap, size_t ko, unsigned nko, size_t en,
                 unsigned nen, double score)
{
    if (al->n == *cap) {
        *cap = *cap ? 2 * *cap : 256;
        al->links = xrealloc(al->links, st_mult(*cap, sizeof(*al->links)));
    }
    struct par_link *l = &al->links[al->n++];
    l->ko = ko, l->en = en, l->nko = nko, l->nen = nen, l->score = score;
}

/* The band at first: wide enough for the usual local disorder, small enough to be linear. */
#define BAND_START 32
/*
 * The band is doubled while the best path touches its edge, until the next
 * grid would pass this many cells (one byte each): a pair of documents that
 * do not correspond at all must not take memory quadratic in their length.
 */
#define BAND_MAX_CELLS (16u << 20)

/*
 * The best path over ko x en in the smallest band (from BAND_START, doubled)
 * whose path does not run along its edge; returns the number of steps
 * (backwards in *steps) and the band used in *band_out.
 */
static size_t search(const struct side *ko, const struct side *en, unsigned char **steps,
                     size_t *band_out, struct scratch *sc)
{
    size_t n = ko->n, m = en->n, full = n > m ? n : m, nsteps;
    /* rows must overlap: the centres of two rows are up to m / n columns apart */
    size_t band = BAND_START, slope = n ? (m + n - 1) / n : m;
    int touched;

    if (band < slope + 2)
        band = slope + 2;
    for (;;) {
        if (band > full + 1)
            band = full + 1;
        nsteps = dp(ko, en, band, steps, &touched, sc);
        if (!touched || band > full || (n + 1) > BAND_MAX_CELLS / (4 * band + 1))
            break;
        free(*steps);
        band *= 2;
    }
    *band_out = band;
    return nsteps;
}

int par_align(const struct par_doc *ko, const struct par_doc *en, struct par_alignment *out)
{
    struct side pk = {ko, 1, 0, ko->npara}, pe = {en, 1, 0, en->npara};
    struct scratch sc = {NULL, NULL, 0, 0};
    size_t band, cap = 0, nsteps;
    unsigned char *steps;

    memset(out, 0, sizeof(*out));
    nsteps = search(&pk, &pe, &steps, &band, &sc);
    out->band = (unsigned)band;
    /* forwards over the paragraph links; sentences inside each */
    size_t i = 0, j = 0;
    for (size_t s = nsteps; s-- > 0;) {
        unsigned di = moves[steps[s]].di, dj = moves[steps[s]].dj;
        if (di && dj) {
            const struct par_paragraph *a = &ko->para[i], *b = &en->para[j];
            size_t ka = a->first, kn = ko->para[i + di - 1].first + ko->para[i + di - 1].n - ka;
            size_t ea = b->first, en_n = en->para[j + dj - 1].first + en->para[j + dj - 1].n - ea;
            struct side sk = {ko, 0, ka, kn}, se = {en, 0, ea, en_n};
            out->para_links++;
            if (kn == 1 && en_n == 1) {
                emit(out, &cap, ka, 1, ea, 1, link_cost(&sk, 0, 1, &se, 0, 1, 1, &sc).score);
            } else {
                unsigned char *ss;
                size_t b2, ns = search(&sk, &se, &ss, &b2, &sc);
                size_t x = 0, y = 0;
                for (size_t q = ns; q-- > 0;) {
                    unsigned ddi = moves[ss[q]].di, ddj = moves[ss[q]].dj;
                    if (ddi && ddj)
                        emit(out, &cap, ka + x, ddi, ea + y, ddj,
                             link_cost(&sk, x, ddi, &se, y, ddj, 1, &sc).score);
                    x += ddi;
                    y += ddj;
                }
                free(ss);
            }
        }
        i += di;
        j += dj;
    }
    free(steps);
    free(sc.a);
    free(sc.b);
    return 0;
}

void par_alignment_release(struct par_alignment *al)
{
    free(al->links);
    memset(al, 0, sizeof(*al));
}
