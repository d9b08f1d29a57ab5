/*
 * cross_acronym.c - how well an acronym abbreviates a name (see cross.h:
 * cross_acronym_score). Used by list alignment (cross_list.c).
 */
#include <assert.h>
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "align/cross.h"
#include "align/cross_int.h"
#include "extract/acronym.h"
#include "extract/lexicon.h"
#include "util/ascii.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/xmalloc.h"
#include "util/banned.h"

#define NEG_INF (-1e9)

/* ==== acronym score ============================================================ */

/*
 * The name as a sequence of units: one per Hangul syllable, or one per run
 * of Latin letters/digits (대학ICT연구센터 -> 대 학 ICT 연 구 센 터).
 */
#define MAX_UNITS 48
#define MAX_LETTERS 16
#define MAX_MORPH 8 /* longest morpheme tried, in units */

struct name_units {
    const char *s;             /* squeezed name */
    size_t off[MAX_UNITS + 1]; /* byte offset of each unit; off[n] = end */
    int latin[MAX_UNITS];      /* 1 for a Latin run */
    size_t n;                  /* number of units */
};

static void units_of(const char *s, size_t len, struct name_units *u)
{
    u->s = s;
    u->n = 0;
    for (size_t i = 0; i < len && u->n < MAX_UNITS;) {
        uint32_t c;
        size_t n = utf8_decode(s + i, len - i, &c);
        u->off[u->n] = i;
        u->latin[u->n] = 0;
        if (c < 0x80 && isalnum((int)c)) {
            u->latin[u->n] = 1;
            while (i < len && (unsigned char)s[i] < 0x80 && isalnum((unsigned char)s[i]))
                i++;
        } else {
            i += n;
        }
        u->n++;
    }
    u->off[u->n] = len > 0 && u->n == MAX_UNITS ? u->off[u->n - 1] : len;
    if (u->n < MAX_UNITS)
        u->off[u->n] = len;
}

/*
 * Best value of explaining acr[j..j') by the words of rendering e, in order,
 * for every j' > j: best[j'] (NEG_INF when impossible). A word gives nothing
 * (content words cost 0.02), its initial (1.0) plus up to two following
 * letters (0.8 each), or, for an all-capitals word (ICT), a subsequence of
 * its letters starting with the first (1.0 each).
 */
static void match_rendering(const char *e, const char *acr, size_t na, size_t j, double *best)
{
    double g[MAX_LETTERS + 1], h[MAX_LETTERS + 1];
    for (size_t x = 0; x <= na; x++)
        g[x] = best[x] = NEG_INF;
    g[j] = 0;
    const char *p = e;
    while (*p) {
        while (*p && (*p == ' ' || *p == ',' || *p == '-' || *p == '(' || *p == ')'))
            p++;
        if (!*p)
            break;
        const char *w = p;
        while (*p && *p != ' ' && *p != ',' && *p != '-' && *p != '(' && *p != ')')
            p++;
        size_t wn = (size_t)(p - w);
        int fn = acronym_function_word(w, wn);
        int caps = wn >= 2;
        for (size_t k = 0; k < wn; k++)
            if (!isupper((unsigned char)w[k]) && w[k] != '&')
                caps = 0;
        for (size_t x = 0; x <= na; x++)
            h[x] = g[x] > NEG_INF ? g[x] - (fn ? 0 : 0.05 * (double)na) : NEG_INF;
        for (size_t x = j; x < na; x++) {
            if (g[x] <= NEG_INF || fn)
                continue;
            if (ascii_upper((unsigned char)w[0]) != acr[x])
                continue;
            if (caps) {
                size_t y = x + 1, k = 1;
                double v = g[x] + 1.0;
                if (v > h[y])
                    h[y] = v;
                for (; k < wn && y < na; k++) {
                    if (ascii_upper((unsigned char)w[k]) == acr[y]) {
                        y++;
                        v += 1.0;
                        if (v > h[y])
                            h[y] = v;
                    }
                }
            } else {
                double v = g[x] + 1.0;
                size_t y = x + 1;
                if (v > h[y])
                    h[y] = v;
                for (size_t k = 1; k < 3 && k < wn && y < na; k++, y++) {
                    if (ascii_upper((unsigned char)w[k]) != acr[y])
                        break;
                    v += 0.8;
                    if (v > h[y + 1])
                        h[y + 1] = v;
                }
            }
        }
        memcpy(g, h, sizeof(g));
    }
    for (size_t x = j + 1; x <= na; x++)
        best[x] = g[x];
}

/* 1 when one of the renderings is Korea/Korean/national: skipped for free. */
static int is_korea_like(const char *const *en, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!strcasecmp(en[i], "Korea") || !strcasecmp(en[i], "Korean") ||
            !strcasecmp(en[i], "national"))
            return 1;
    return 0;
}

/*
 * DP over the unit ranges rs[0..nr) (processed in that order; a morpheme
 * never crosses a range) and the acronym letters. Returns the best total
 * credit minus penalties, letters left over counting nothing.
 */
static double acronym_dp(const struct name_units *u, const size_t (*rs)[2], size_t nr,
                         const char *acr, size_t na, int implicit)
{
    size_t total = 0;
    for (size_t r = 0; r < nr; r++)
        total += rs[r][1] - rs[r][0];
    /* dp[(q) * (na + 1) + j], q = virtual position 0..total */
    double *dp = xmalloc(st_mult((total + 1) * (na + 1), sizeof(*dp)));
    for (size_t k = 0; k < (total + 1) * (na + 1); k++)
        dp[k] = NEG_INF;
#define DP(q, j) dp[(q) * (na + 1) + (j)]
    DP(0, 0) = 0;
    if (implicit && na >= 2) {
        if (acr[0] == 'K') {
            DP(0, 1) = 0.5;
            if (acr[1] == 'O')
                DP(0, 2) = 0.9;
        } else if (acr[0] == 'N') {
            DP(0, 1) = 0.5;
        }
    }
    size_t base = 0;
    double best[MAX_LETTERS + 1];
    double pen = 0.1 * (double)na; /* a skipped morpheme costs 0.1 of the score */
    for (size_t r = 0; r < nr; r++) {
        size_t a = rs[r][0], b = rs[r][1];
        for (size_t c = a; c < b; c++) {
            size_t q = base + (c - a);
            /* letters no unit explains */
            for (size_t j = 0; j < na; j++)
                if (DP(q, j) > NEG_INF && DP(q, j) > DP(q, j + 1))
                    DP(q, j + 1) = DP(q, j);
            int any = 0;
            for (size_t j = 0; j <= na; j++)
                if (DP(q, j) > NEG_INF)
                    any = 1;
            if (!any)
                continue;
            if (u->latin[c]) {
                /* A Latin run renders itself. */
                char w[32];
                size_t wn = u->off[c + 1] - u->off[c];
                if (wn >= sizeof(w))
                    wn = sizeof(w) - 1;
                for (size_t k = 0; k < wn; k++)
                    w[k] = (char)ascii_upper((unsigned char)u->s[u->off[c] + k]);
                w[wn] = '\0';
                for (size_t j = 0; j <= na; j++) {
                    if (DP(q, j) <= NEG_INF)
                        continue;
                    if (DP(q, j) - pen > DP(q + 1, j))
                        DP(q + 1, j) = DP(q, j) - pen;
                    if (j == na)
                        continue;
                    match_rendering(w, acr, na, j, best);
                    for (size_t y = j + 1; y <= na; y++)
                        if (best[y] > NEG_INF && DP(q, j) + best[y] > DP(q + 1, y))
                            DP(q + 1, y) = DP(q, j) + best[y];
                }
                continue;
            }
            /* an unknown syllable */
            for (size_t j = 0; j <= na; j++)
                if (DP(q, j) > NEG_INF && DP(q, j) - pen / 10 > DP(q + 1, j))
                    DP(q + 1, j) = DP(q, j) - pen / 10;
            for (size_t k = c + 1; k <= b && k - c <= MAX_MORPH; k++) {
                int hangul = 1;
                for (size_t t = c; t < k; t++)
                    if (u->latin[t])
                        hangul = 0;
                if (!hangul)
                    break;
                const char *en[LEX_MAX_FORMS];
                size_t ne =
                    lexicon_morpheme_en(u->s + u->off[c], u->off[k] - u->off[c], en, LEX_MAX_FORMS);
                if (!ne)
                    continue;
                size_t qk = base + (k - a);
                double skip = is_korea_like(en, ne) ? 0 : pen;
                for (size_t j = 0; j <= na; j++) {
                    if (DP(q, j) <= NEG_INF)
                        continue;
                    if (DP(q, j) - skip > DP(qk, j))
                        DP(qk, j) = DP(q, j) - skip;
                    if (j == na)
                        continue;
                    for (size_t e = 0; e < ne; e++) {
                        match_rendering(en[e], acr, na, j, best);
                        for (size_t y = j + 1; y <= na; y++)
                            if (best[y] > NEG_INF && DP(q, j) + best[y] > DP(qk, y))
                                DP(qk, y) = DP(q, j) + best[y];
                    }
                }
            }
        }
        base += b - a;
    }
    double v = NEG_INF;
    for (size_t j = 0; j <= na; j++)
        if (DP(total, j) > v)
            v = DP(total, j);
#undef DP
    free(dp);
    return v;
}

/* cross_acronym_score before capping at 1, so that the lexicon bonus still separates two perfect
 * letter fits. */
double cross_acronym_score_raw(const char *abbr, size_t alen, const char *name, size_t nlen,
                               unsigned flags)
{
    char acr[MAX_LETTERS + 1];
    size_t na = 0;
    for (size_t i = 0; i < alen && na < MAX_LETTERS; i++)
        if (isalpha((unsigned char)abbr[i]))
            acr[na++] = (char)ascii_upper((unsigned char)abbr[i]);
    acr[na] = '\0';
    struct strbuf sq = STRBUF_INIT;
    cross_squeeze(name, nlen, &sq);
    if (!na || !sq.len) {
        strbuf_release(&sq);
        return 0;
    }
    struct name_units u;
    units_of(sq.buf, sq.len, &u);

    /* Does the name start with 한국/국가 (a Korea-like morpheme)? */
    size_t lead = 0;
    for (size_t k = 1; k <= u.n && k <= 3; k++) {
        const char *en[LEX_MAX_FORMS];
        if (u.latin[k - 1])
            break;
        size_t ne = lexicon_morpheme_en(u.s, u.off[k], en, LEX_MAX_FORMS);
        if (ne && is_korea_like(en, ne))
            lead = k;
    }
    size_t rs[3][2] = {{0, u.n}};
    double v = acronym_dp(&u, (const size_t(*)[2])rs, 1, acr, na, 1);

    /* The head moved to the front: [lead] head [middle]. */
    for (size_t k = lead + 1; k < u.n; k++) {
        const char *en[LEX_MAX_FORMS];
        if (u.n - k > MAX_MORPH || u.latin[k])
            continue;
        if (!lexicon_morpheme_en(u.s + u.off[k], u.off[u.n] - u.off[k], en, LEX_MAX_FORMS))
            continue;
        size_t nr = 0;
        if (lead) {
            rs[nr][0] = 0;
            rs[nr++][1] = lead;
        }
        rs[nr][0] = k;
        rs[nr++][1] = u.n;
        rs[nr][0] = lead;
        rs[nr++][1] = k;
        double w = acronym_dp(&u, (const size_t(*)[2])rs, nr, acr, na, 1) - 0.05 * (double)na;
        if (w > v)
            v = w;
    }
    double score = v / (double)na;
    if (score < 0)
        score = 0;
    if (score > 1)
        score = 1;
    if (!(flags & CROSS_NO_ACRONYM_LEXICON)) {
        const char *forms[LEX_MAX_FORMS];
        size_t nf = lexicon_ko_forms(abbr, alen, forms, LEX_MAX_FORMS);
        for (size_t i = 0; i < nf; i++)
            if (cross_same_squeezed(forms[i], sq.buf)) {
                score += 0.5;
                break;
            }
    }
    strbuf_release(&sq);
    return score;
}

double cross_acronym_score(const char *abbr, size_t alen, const char *name, size_t nlen,
                           unsigned flags)
{
    assert((abbr || !alen) && (name || !nlen));
    double v = cross_acronym_score_raw(abbr, alen, name, nlen, flags);
    return v > 1 ? 1 : v;
}
