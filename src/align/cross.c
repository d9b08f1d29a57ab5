/*
 * cross.c - list alignment and body/appendix substitution (see cross.h).
 *
 * Data: the document's lines (copied), the bracket pairs given by the
 * extractor, and the output pairs. Each line also gets a "search text":
 * the line with spaces and bracket groups removed, plus a map from every
 * search byte back to its byte offset in the line, so that a match found
 * space-insensitively can be cut back out of the original with its spaces.
 *
 *   line:    인터넷 기반 자원 공유(클라우드) 이용권도
 *   search:  인터넷기반자원공유이용권도
 *   orig[]:  0 3 6 10 ... (byte offsets of each search byte in line)
 *
 * Sections: acronym score, lists, substitution, API.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "align/assign.h"
#include "align/cross.h"
#include "extract/korean.h"
#include "extract/lexicon.h"
#include "util/strbuf.h"
#include "util/strmap.h"
#include "util/utf8.h"
#include "util/xmalloc.h"
#include "util/banned.h"

#define NEG_INF (-1e9)
/* Least loss of a swap for a list pair to count as decided (see lists_align). */
#define CROSS_MARGIN 0.05

struct cline {
    unsigned long no; /* line number in the source */
    char *text;       /* normalised line, NUL-terminated */
    size_t len;       /* bytes in text */
    char *srch;       /* search text: no spaces, no bracket groups */
    size_t slen;      /* bytes in srch */
    size_t *orig;     /* orig[i]: offset in text of srch[i] */
};

struct dpair {
    char *ko;             /* Korean side */
    char *gloss;          /* gloss side */
    size_t glen;          /* bytes in gloss */
    int spaced;           /* gloss holds a space */
    enum model_kind kind; /* as the extractor classified it */
    char *en;             /* its English form, or NULL */
};

struct cross_doc {
    unsigned flags;         /* enum cross_flags */
    struct cline *lines;    /* in the order added */
    size_t nlines, alines;  /* used, allocated */
    struct strmap grams;    /* bigram of a search text -> struct postings * */
    size_t indexed;         /* lines in grams */
    struct dpair *pairs;    /* bracket pairs */
    size_t npairs, apairs;  /* used, allocated */
    struct cross_pair *out; /* results; strings owned (cast away const to free) */
    size_t nout, aout;      /* used, allocated */
    /* lookups that keep --cross near-linear (built by index_pairs) */
    struct strmap by_gloss; /* gloss -> struct ilist of pair indexes, ascending */
    struct strmap by_fold;  /* gloss, ASCII case folded -> struct ilist */
    struct strmap by_ko;    /* Korean side -> struct ilist */
    size_t *glens;          /* distinct lengths of glosses without spaces, longest first */
    size_t nglens, aglens;
    size_t max_ko;           /* bytes of the longest Korean side */
    struct strmap out_seen;  /* "ko\x1fgloss" of every result */
    struct strmap pair_seen; /* squeezed "ko\x1fgloss" of every bracket pair */
};

/* A list of indexes (pairs or candidates), ascending. */
struct ilist {
    size_t *v;
    size_t n, alloc;
};

static void ilist_free(void *v)
{
    struct ilist *l = v;
    free(l->v);
    free(l);
}

static void ilist_add(struct strmap *m, const char *key, size_t len, size_t x)
{
    int created;
    struct strmap_entry *e = strmap_put(m, key, len, &created);
    if (created)
        e->value = xcalloc(1, sizeof(struct ilist));
    struct ilist *l = e->value;
    ALLOC_GROW(l->v, l->n + 1, l->alloc);
    l->v[l->n++] = x;
}

static const struct ilist *ilist_get(const struct strmap *m, const char *key, size_t len)
{
    return strmap_get(m, key, len);
}

/* Copies s[0..len) into sb with ASCII letters in lower case (what strncasecmp folds). */
static void fold_ascii(const char *s, size_t len, struct strbuf *sb)
{
    strbuf_reset(sb);
    for (size_t i = 0; i < len; i++)
        strbuf_addch(sb, (char)tolower((unsigned char)s[i]));
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
    uint32_t *line;  /* indexes into lines, ascending, distinct */
    size_t n, alloc; /* used, allocated */
};

static void postings_free(void *v)
{
    struct postings *p = v;
    free(p->line);
    free(p);
}

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

static void index_lines(struct cross_doc *c)
{
    for (size_t li = c->indexed; li < c->nlines; li++) {
        const struct cline *l = &c->lines[li];
        size_t n, a;
        for (size_t i = 0; (n = bigram_at(l->srch, l->slen, i, &a)) != 0; i += a) {
            int created;
            struct strmap_entry *e = strmap_put(&c->grams, l->srch + i, n, &created);
            if (created)
                e->value = xcalloc(1, sizeof(struct postings));
            struct postings *p = e->value;
            if (!p->n || p->line[p->n - 1] != li) {
                ALLOC_GROW(p->line, p->n + 1, p->alloc);
                p->line[p->n++] = (uint32_t)li;
            }
        }
    }
    c->indexed = c->nlines;
}

/*
 * The lines that may contain key: sets *lines to the postings of its rarest
 * bigram and returns their count, or, for a key of one code point, sets
 * *lines to NULL and returns every line's (line k is then index k).
 */
static size_t lines_for(const struct cross_doc *c, const char *key, size_t klen,
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
static void squeeze(const char *s, size_t len, struct strbuf *sb)
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

static int is_token_char(uint32_t c)
{
    return uc_is_hangul_syllable(c) || uc_is_latin_letter(c) || uc_is_digit(c) || c == '&' ||
           c == '-' || uc_is_han(c);
}

/* 1 when equal after squeeze(). */
static int same_squeezed(const char *a, const char *b)
{
    struct strbuf x = STRBUF_INIT, y = STRBUF_INIT;
    squeeze(a, strlen(a), &x);
    squeeze(b, strlen(b), &y);
    int eq = x.len == y.len && !memcmp(x.buf, y.buf, x.len);
    strbuf_release(&x);
    strbuf_release(&y);
    return eq;
}

/* key = squeeze(ko) 0x1F squeeze(gloss), or ko 0x1F gloss when raw */
static void pair_key(const char *ko, const char *gloss, int raw, struct strbuf *key)
{
    strbuf_reset(key);
    if (raw) {
        strbuf_addstr(key, ko);
        strbuf_addch(key, '\x1f');
        strbuf_addstr(key, gloss);
        return;
    }
    squeeze(ko, strlen(ko), key);
    strbuf_addch(key, '\x1f');
    squeeze(gloss, strlen(gloss), key);
}

static void out_add(struct cross_doc *c, const char *ko, const char *gloss, enum model_kind kind,
                    unsigned long line, unsigned long gline, double score, const char *evidence)
{
    struct strbuf key = STRBUF_INIT;
    int created, known;
    pair_key(ko, gloss, 0, &key);
    known = strmap_get(&c->pair_seen, key.buf, key.len) != NULL;
    pair_key(ko, gloss, 1, &key);
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

static int is_function_word(const char *w, size_t n)
{
    static const char *const fw[] = {"of", "and", "for", "the", "in", "on", "&", "to", "as"};
    for (size_t i = 0; i < sizeof(fw) / sizeof(fw[0]); i++)
        if (strlen(fw[i]) == n && !strncasecmp(w, fw[i], n))
            return 1;
    return 0;
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
        int fn = is_function_word(w, wn);
        int caps = wn >= 2;
        for (size_t k = 0; k < wn; k++)
            if (!isupper((unsigned char)w[k]) && w[k] != '&')
                caps = 0;
        for (size_t x = 0; x <= na; x++)
            h[x] = g[x] > NEG_INF ? g[x] - (fn ? 0 : 0.05 * (double)na) : NEG_INF;
        for (size_t x = j; x < na; x++) {
            if (g[x] <= NEG_INF || fn)
                continue;
            if (toupper((unsigned char)w[0]) != acr[x])
                continue;
            if (caps) {
                size_t y = x + 1, k = 1;
                double v = g[x] + 1.0;
                if (v > h[y])
                    h[y] = v;
                for (; k < wn && y < na; k++) {
                    if (toupper((unsigned char)w[k]) == acr[y]) {
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
                    if (toupper((unsigned char)w[k]) != acr[y])
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
                    w[k] = (char)toupper((unsigned char)u->s[u->off[c] + k]);
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
static double acronym_score_raw(const char *abbr, size_t alen, const char *name, size_t nlen,
                                unsigned flags)
{
    char acr[MAX_LETTERS + 1];
    size_t na = 0;
    for (size_t i = 0; i < alen && na < MAX_LETTERS; i++)
        if (isalpha((unsigned char)abbr[i]))
            acr[na++] = (char)toupper((unsigned char)abbr[i]);
    acr[na] = '\0';
    struct strbuf sq = STRBUF_INIT;
    squeeze(name, nlen, &sq);
    if (!na || !sq.len) {
        strbuf_release(&sq);
        return 0;
    }
    lexicon_init();
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
            if (same_squeezed(forms[i], sq.buf)) {
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
    double v = acronym_score_raw(abbr, alen, name, nlen, flags);
    return v > 1 ? 1 : v;
}

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

/* Splits one line into list items. */
static void list_parse(const struct cline *ln, struct list *l)
{
    const char *s = ln->text, *end = ln->text + ln->len;
    char *label = xstrdup("");
    memset(l, 0, sizeof(*l));
    l->line = ln->no;
    while (s < end) {
        /* one raw item: up to a separator outside brackets */
        const char *e = s;
        int depth = 0;
        while (e < end) {
            if (*e == '(' || *e == '[' || *e == '{')
                depth++;
            else if ((*e == ')' || *e == ']' || *e == '}') && depth > 0)
                depth--;
            else if (!depth && (*e == ',' || *e == '/' || *e == ';'))
                break;
            e++;
        }
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
            squeeze(a, (size_t)(b - a), &sq);
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
        *v = acronym_score_raw(ab, al, nm, nl, flags);
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

static void cross_lists(struct cross_doc *c)
{
    struct list *ls = xcalloc(c->nlines ? c->nlines : 1, sizeof(*ls));
    struct strmap memo = STRMAP_INIT;
    for (size_t i = 0; i < c->nlines; i++)
        list_parse(&c->lines[i], &ls[i]);
    for (size_t i = 0; i < c->nlines; i++) {
        if (!list_is_acr(&ls[i]))
            continue;
        /* the Korean list that explains this acronym list best */
        size_t best = (size_t)-1;
        double best_total = 0;
        for (size_t k = 0; k < c->nlines; k++) {
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
                out_add(c, k->text, a->text, MODEL_KIND_ABBREV, ls[best].line, ls[i].line,
                        h[t].score > 1 ? 1 : h[t].score, ev.buf);
                strbuf_release(&ev);
            }
        }
        free(h);
    }
    for (size_t i = 0; i < c->nlines; i++)
        list_release(&ls[i]);
    free(ls);
    strmap_release(&memo, free);
}

/* ==== substitution ============================================================= */

/*
 * A phrase of the gloss side is cut into pieces: Latin runs, and Hangul
 * runs split around the glosses of the document's bracket pairs (셋 inside
 * 데이터셋) and then around lexicon loanwords. Each piece has alternatives:
 * itself, the Korean of a bracket pair, the Korean of the lexicon.
 */
enum alt_src { ALT_SAME = 0, ALT_DOC, ALT_LEX };
#define MAX_ALTS 6
#define MAX_PIECES 12

struct piece {
    size_t off, len;           /* bytes in the gloss line */
    int compound;              /* a bracket gloss found inside a longer Hangul run */
    const char *alt[MAX_ALTS]; /* alternatives (static or owned by the doc) */
    int src[MAX_ALTS];         /* enum alt_src of each */
    size_t nalt;               /* at least 1 (itself, alt[0] == NULL) */
};

struct cand {
    char *ko, *gloss;          /* the pair */
    char *group;               /* head piece and its replacement */
    char *evidence;            /* how */
    unsigned long aline[8];    /* distinct gloss-side lines (first 8) */
    unsigned long bline[8];    /* distinct Korean-side lines (first 8) */
    size_t na, nb;             /* counts, capped at 8 */
    size_t npieces;            /* pieces in the phrase */
    unsigned long line, gline; /* first occurrence */
    int lex;                   /* 1 when a lexicon substitution took part */
};

struct cands {
    struct cand *v;
    size_t n, alloc;
    struct strmap index; /* "ko\x1fgloss" -> index + 1 */
};

static void line_set_add(unsigned long *set, size_t *n, unsigned long x)
{
    for (size_t i = 0; i < *n; i++)
        if (set[i] == x)
            return;
    if (*n < 8)
        set[(*n)++] = x;
}

/* Length of the longest bracket gloss (no spaces) at s, or 0. */
static size_t doc_key_at(const struct cross_doc *c, const char *s, size_t len)
{
    for (size_t i = 0; i < c->nglens; i++) {
        size_t l = c->glens[i];
        const struct ilist *hit = l <= len ? ilist_get(&c->by_gloss, s, l) : NULL;
        for (size_t k = 0; hit && k < hit->n; k++)
            if (!c->pairs[hit->v[k]].spaced)
                return l;
    }
    return 0;
}

static void piece_alts(const struct cross_doc *c, const char *line, struct piece *p)
{
    const char *s = line + p->off;
    p->alt[0] = NULL;
    p->src[0] = ALT_SAME;
    p->nalt = 1;
    struct strbuf folded = STRBUF_INIT;
    fold_ascii(s, p->len, &folded);
    const struct ilist *same = ilist_get(&c->by_fold, folded.buf, folded.len);
    strbuf_release(&folded);
    for (size_t k = 0; same && k < same->n && p->nalt < MAX_ALTS; k++) {
        p->alt[p->nalt] = c->pairs[same->v[k]].ko;
        p->src[p->nalt++] = ALT_DOC;
    }
    int latin = (unsigned char)s[0] < 0x80;
    if (latin && (c->flags & CROSS_NO_ACRONYM_LEXICON))
        return;
    const char *forms[LEX_MAX_FORMS];
    size_t nf = lexicon_ko_forms(s, p->len, forms, LEX_MAX_FORMS);
    for (size_t i = 0; i < nf && p->nalt < MAX_ALTS; i++) {
        int dup = 0;
        for (size_t k = 1; k < p->nalt; k++)
            if (same_squeezed(p->alt[k], forms[i]))
                dup = 1;
        if (dup)
            continue;
        p->alt[p->nalt] = forms[i];
        p->src[p->nalt++] = ALT_LEX;
    }
}

/* Cuts text[a..b) (one token) into pieces; returns the new count. */
static size_t split_token(const struct cross_doc *c, const char *text, size_t a, size_t b,
                          struct piece *ps, size_t np)
{
    size_t i = a;
    while (i < b && np < MAX_PIECES) {
        size_t j = i;
        if ((unsigned char)text[i] < 0x80) {
            while (j < b && (unsigned char)text[j] < 0x80)
                j++;
            ps[np].off = i;
            ps[np].len = j - i;
            ps[np++].compound = 0;
            i = j;
            continue;
        }
        while (j < b && (unsigned char)text[j] >= 0x80)
            j++;
        /* Hangul run text[i..j): bracket glosses first, then lexicon loanwords */
        size_t run0 = i, unk = i;
        while (i < j && np < MAX_PIECES - 1) {
            size_t k = doc_key_at(c, text + i, j - i), lk = 0;
            if (!k)
                for (size_t e = j; e > i + 3; e--) {
                    size_t t = e;
                    while (t > i && ((unsigned char)text[t] & 0xC0) == 0x80)
                        t--;
                    if (t != e)
                        continue;
                    if (lexicon_is_loanword(text + i, e - i)) {
                        lk = e - i;
                        break;
                    }
                }
            /* 데이터셋 is a lexicon word, but 셋 is glossed in this document
             * (데이터 모음(셋)): cut after 데이터 so that 셋 becomes a piece */
            for (size_t p = i + 3; !k && lk && p < i + lk; p++)
                if (((unsigned char)text[p] & 0xC0) != 0x80 &&
                    doc_key_at(c, text + p, j - p) == i + lk - p &&
                    lexicon_is_loanword(text + i, p - i)) {
                    lk = p - i;
                    break;
                }
            size_t m = k ? k : lk;
            if (!m) {
                uint32_t cp;
                i += utf8_decode(text + i, j - i, &cp);
                continue;
            }
            if (unk < i) {
                ps[np].off = unk;
                ps[np].len = i - unk;
                ps[np++].compound = 0;
            }
            int comp = k && i > run0 && np > 0 && ps[np - 1].off + ps[np - 1].len == i &&
                       lexicon_is_loanword(text + ps[np - 1].off, ps[np - 1].len);
            ps[np].off = i;
            ps[np].len = m;
            ps[np++].compound = comp;
            i += m;
            unk = i;
        }
        if (unk < j && np < MAX_PIECES) {
            ps[np].off = unk;
            ps[np].len = j - unk;
            ps[np++].compound = 0;
        }
        i = j;
    }
    return np;
}

static size_t tok_end(const char *t, size_t len, size_t i)
{
    while (i < len) {
        uint32_t cp;
        size_t n = utf8_decode(t + i, len - i, &cp);
        if (!is_token_char(cp))
            break;
        i += n;
    }
    return i;
}

/* 1 when line l has a token boundary before byte os and after oe (a particle may follow). */
static int at_boundaries(const struct cline *l, size_t os, size_t oe)
{
    if (os > 0) {
        size_t pv = utf8_prev(l->text, os);
        uint32_t cp;
        utf8_decode(l->text + pv, l->len - pv, &cp);
        if (is_token_char(cp))
            return 0;
    }
    size_t te = tok_end(l->text, l->len, oe);
    if (te == oe)
        return 1;
    size_t ts = oe;
    while (ts > 0) {
        size_t pv = utf8_prev(l->text, ts);
        uint32_t cp;
        utf8_decode(l->text + pv, l->len - pv, &cp);
        if (!is_token_char(cp))
            break;
        ts = pv;
    }
    return ko_strip_particle(l->text + ts, te - ts, 1) == oe - ts;
}

/* Appends text[a..b) with runs of spaces folded and bracket groups dropped. */
static void add_clean(struct strbuf *sb, const char *t, size_t a, size_t b)
{
    int depth = 0, sp = 0;
    for (size_t i = a; i < b; i++) {
        char ch = t[i];
        if (ch == '(' || ch == '{')
            depth++;
        else if ((ch == ')' || ch == '}') && depth)
            depth--;
        else if (!depth && ch != '^') {
            if (ch == ' ') {
                sp = 1;
                continue;
            }
            if (sp && sb->len)
                strbuf_addch(sb, ' ');
            sp = 0;
            strbuf_addch(sb, ch);
        }
    }
}

static void cand_add(struct cands *cs, const char *ko, const char *gloss, const char *group,
                     const char *ev, unsigned long aline, unsigned long bline, size_t npieces,
                     int lex)
{
    struct strbuf key = STRBUF_INIT;
    pair_key(ko, gloss, 1, &key);
    struct strmap_entry *e = strmap_put(&cs->index, key.buf, key.len, NULL);
    strbuf_release(&key);
    if (e->value) {
        struct cand *d = &cs->v[(uintptr_t)e->value - 1];
        line_set_add(d->aline, &d->na, aline);
        line_set_add(d->bline, &d->nb, bline);
        return;
    }
    e->value = (void *)(uintptr_t)(cs->n + 1);
    ALLOC_GROW(cs->v, cs->n + 1, cs->alloc);
    struct cand *d = &cs->v[cs->n++];
    memset(d, 0, sizeof(*d));
    d->ko = xstrdup(ko);
    d->gloss = xstrdup(gloss);
    d->group = xstrdup(group);
    d->evidence = xstrdup(ev);
    d->npieces = npieces;
    d->line = bline;
    d->gline = aline;
    d->lex = lex;
    line_set_add(d->aline, &d->na, aline);
    line_set_add(d->bline, &d->nb, bline);
}

/* Tries every combination of alternatives of ps[0..np) against the other lines. */
static void try_phrase(struct cross_doc *c, size_t li, struct piece *ps, size_t np, size_t pend,
                       struct cands *cs)
{
    const struct cline *al = &c->lines[li];
    size_t idx[MAX_PIECES] = {0};
    size_t combos = 0;
    for (;;) {
        /* the head (last piece) must be replaced; something must be new */
        struct piece *h = &ps[np - 1];
        int lex = 0, comp = 0;
        for (size_t k = 0; k < np; k++) {
            int src = ps[k].src[idx[k]];
            lex |= src == ALT_LEX;
            comp |= src == ALT_DOC && ps[k].compound;
        }
        size_t first_comp = 0; /* the first compound piece used, 0 when none */
        for (size_t k = np; k-- > 1;)
            if (ps[k].compound && ps[k].src[idx[k]] == ALT_DOC)
                first_comp = k;
        int hsrc = h->src[idx[np - 1]], anchor = 0;
        for (size_t k = 0; k + 1 < np; k++)
            anchor |= ps[k].src[idx[k]] != ALT_SAME;
        if (hsrc == ALT_LEX || (hsrc == ALT_DOC && h->compound) ||
            (np >= 2 && ps[np - 2].compound)) {
            struct strbuf key = STRBUF_INIT;
            size_t pstart[MAX_PIECES + 1];
            for (size_t k = 0; k < np; k++) {
                pstart[k] = key.len;
                if (ps[k].src[idx[k]] == ALT_SAME)
                    strbuf_add(&key, al->text + ps[k].off, ps[k].len);
                else
                    squeeze(ps[k].alt[idx[k]], strlen(ps[k].alt[idx[k]]), &key);
            }
            pstart[np] = key.len;
            const char *head_alt = h->alt[idx[np - 1]];
            /* a short plain form (기반) alone matches anywhere: ask for an anchor */
            int specific = anchor || comp || ko_syllable_count(head_alt, strlen(head_alt)) >= 5;
            const uint32_t *where;
            size_t nwhere = specific ? lines_for(c, key.buf, key.len, &where) : 0;
            for (size_t w = 0; w < nwhere; w++) {
                size_t bi = where ? where[w] : w;
                const struct cline *bl = &c->lines[bi];
                if (bi == li || !bl->slen || key.len > bl->slen)
                    continue;
                const char *hit = bl->srch;
                while ((hit = strstr(hit, key.buf))) {
                    size_t ms = (size_t)(hit - bl->srch), me = ms + key.len;
                    hit++;
                    size_t os = bl->orig[ms], oe = bl->orig[me - 1] + 1;
                    if (!at_boundaries(bl, os, oe))
                        continue;
                    /* cut after the last bracket group inside the span */
                    size_t cut = os;
                    for (size_t t = os; t < oe; t++)
                        if (bl->text[t] == ')' || bl->text[t] == '}')
                            cut = t + 1;
                    size_t k0 = 0;
                    while (k0 < np && bl->orig[ms + pstart[k0]] < cut)
                        k0++;
                    /* a glossed part glued to a loanword makes the term on its
                     * own (평가데이터셋: the term is 데이터셋); what precedes
                     * the loanword modifies it */
                    if (first_comp > 0 && first_comp - 1 > k0)
                        k0 = first_comp - 1;
                    if (k0 >= np)
                        continue;
                    struct strbuf ko = STRBUF_INIT, gl = STRBUF_INIT, grp = STRBUF_INIT,
                                  ev = STRBUF_INIT;
                    add_clean(&ko, bl->text, bl->orig[ms + pstart[k0]], oe);
                    add_clean(&gl, al->text, ps[k0].off, pend);
                    strbuf_add(&grp, al->text + h->off, h->len);
                    strbuf_addf(&grp, "\t%s", head_alt);
                    strbuf_addstr(&ev, "substitution");
                    for (size_t k = k0; k < np; k++)
                        if (ps[k].src[idx[k]] != ALT_SAME) {
                            strbuf_addf(&ev, " %.*s->%s (%s)", (int)ps[k].len, al->text + ps[k].off,
                                        ps[k].alt[idx[k]],
                                        ps[k].src[idx[k]] == ALT_LEX ? "lexicon" : "bracket pair");
                        }
                    if (strcmp(ko.buf, gl.buf))
                        cand_add(cs, ko.buf, gl.buf, grp.buf, ev.buf, al->no, bl->no, np - k0, lex);
                    strbuf_release(&ko);
                    strbuf_release(&gl);
                    strbuf_release(&grp);
                    strbuf_release(&ev);
                }
            }
            strbuf_release(&key);
        }
        /* next combination */
        size_t k = 0;
        while (k < np && ++idx[k] == ps[k].nalt)
            idx[k++] = 0;
        if (k == np || ++combos >= 256)
            break;
    }
}

static int is_conjunction(const char *s, size_t n)
{
    return (n == 3 && !memcmp(s, "\xEB\xB0\x8F", 3)) ||           /* 및 */
           (n == 6 && !memcmp(s, "\xEB\x98\x90\xEB\x8A\x94", 6)); /* 또는 */
}

static void cross_subst(struct cross_doc *c)
{
    struct cands cs = {NULL, 0, 0, STRMAP_INIT};
    for (size_t li = 0; li < c->nlines; li++) {
        const struct cline *l = &c->lines[li];
        size_t ts[256], te[256], nt = 0;
        int gap_ok[256]; /* token t joined to t-1 by spaces only */
        for (size_t i = 0; i < l->len && nt < 256;) {
            uint32_t cp;
            size_t n = utf8_decode(l->text + i, l->len - i, &cp);
            if (!is_token_char(cp)) {
                i += n;
                continue;
            }
            size_t e = tok_end(l->text, l->len, i);
            int ok = nt > 0;
            for (size_t k = nt ? te[nt - 1] : 0; ok && k < i; k++)
                if (l->text[k] != ' ')
                    ok = 0;
            ts[nt] = i;
            te[nt] = e;
            gap_ok[nt++] = ok;
            i = e;
        }
        for (size_t t0 = 0; t0 < nt; t0++) {
            if (t0 && gap_ok[t0] && is_conjunction(l->text + ts[t0 - 1], te[t0 - 1] - ts[t0 - 1]))
                continue;
            for (size_t n = 1; n <= 4 && t0 + n <= nt; n++) {
                size_t t1 = t0 + n - 1;
                if (n > 1 && !gap_ok[t1])
                    break;
                /* the last token loses its particle; inner tokens must be content words */
                size_t last_end = ts[t1] + ko_strip_particle(l->text + ts[t1], te[t1] - ts[t1], 1);
                int bad = 0;
                for (size_t t = t0; t < t1; t++) {
                    struct ko_script sc;
                    ko_script_of(l->text + ts[t], te[t] - ts[t], &sc);
                    if (!sc.latin && ko_token_stop(l->text + ts[t], te[t] - ts[t]) == KO_STOP_HARD)
                        bad = 1;
                }
                if (bad)
                    break;
                struct piece ps[MAX_PIECES];
                size_t np = 0;
                for (size_t t = t0; t <= t1; t++)
                    np = split_token(c, l->text, ts[t], t == t1 ? last_end : te[t], ps, np);
                if (!np)
                    continue;
                for (size_t k = 0; k < np; k++)
                    piece_alts(c, l->text, &ps[k]);
                if (ps[np - 1].nalt < 2)
                    continue;
                try_phrase(c, li, ps, np, last_end, &cs);
            }
        }
    }
    /* per head substitution, the phrase both sides repeat most, then the longest
     * (then the first found): the best of each group, by case-folded group */
    struct strmap group_best = STRMAP_INIT, by_lines = STRMAP_INIT;
    struct strbuf key = STRBUF_INIT;
    for (size_t i = 0; i < cs.n; i++) {
        struct cand *a = &cs.v[i];
        size_t sa = a->na < a->nb ? a->na : a->nb;
        fold_ascii(a->group, strlen(a->group), &key);
        struct strmap_entry *e = strmap_put(&group_best, key.buf, key.len, NULL);
        if (e->value) {
            struct cand *b = &cs.v[(uintptr_t)e->value - 1];
            size_t sb = b->na < b->nb ? b->na : b->nb;
            if (sa < sb || (sa == sb && a->npieces <= b->npieces))
                goto indexed;
        }
        e->value = (void *)(uintptr_t)(i + 1);
    indexed:
        strbuf_reset(&key);
        strbuf_addf(&key, "%lu %lu", a->line, a->gline);
        ilist_add(&by_lines, key.buf, key.len, i);
    }
    for (size_t i = 0; i < cs.n; i++) {
        struct cand *a = &cs.v[i];
        size_t sa = a->na < a->nb ? a->na : a->nb;
        fold_ascii(a->group, strlen(a->group), &key);
        int best = (uintptr_t)strmap_get(&group_best, key.buf, key.len) == i + 1;
        /* a fragment of a longer candidate on the same lines is not a term */
        strbuf_reset(&key);
        strbuf_addf(&key, "%lu %lu", a->line, a->gline);
        const struct ilist *same = best ? ilist_get(&by_lines, key.buf, key.len) : NULL;
        for (size_t k = 0; same && k < same->n && best; k++) {
            size_t j = same->v[k];
            struct cand *b = &cs.v[j];
            size_t lk = strlen(a->ko), lg = strlen(a->gloss);
            if (j != i && !strncmp(b->ko, a->ko, lk) && b->ko[lk] == ' ' &&
                !strncmp(b->gloss, a->gloss, lg) && b->gloss[lg] == ' ')
                best = 0;
        }
        if (best) {
            double score = 0.6 + 0.1 * (double)(sa > 3 ? 3 : sa);
            /* an initialism may mix case (SaaS): no space, ASCII, two capitals */
            size_t caps = 0;
            int acr = 1;
            for (const char *p = a->gloss; *p; p++) {
                caps += isupper((unsigned char)*p) != 0;
                if (!isalnum((unsigned char)*p) && *p != '&' && *p != '-')
                    acr = 0;
            }
            acr = acr && caps >= 2;
            out_add(c, a->ko, a->gloss, acr ? MODEL_KIND_ABBREV : MODEL_KIND_LOANWORD, a->line,
                    a->gline, score, a->evidence);
        }
    }
    strbuf_release(&key);
    strmap_release(&group_best, NULL);
    strmap_release(&by_lines, ilist_free);
    strmap_release(&cs.index, NULL);
    for (size_t i = 0; i < cs.n; i++) {
        free(cs.v[i].ko);
        free(cs.v[i].gloss);
        free(cs.v[i].group);
        free(cs.v[i].evidence);
    }
    free(cs.v);
}

/* ==== API ======================================================================= */

struct cross_doc *cross_doc_new(unsigned flags)
{
    struct cross_doc *c = xcalloc(1, sizeof(*c));
    c->flags = flags;
    return c;
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
    size_t kl = strlen(p->ko), gl = strlen(p->gloss), i = from;

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

    squeeze(s, strlen(s), &key);
    const uint32_t *where;
    size_t nwhere = key.len ? lines_for(c, key.buf, key.len, &where) : 0;
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
        if (!e || tolower((unsigned char)e[0]) != tolower((unsigned char)p2->gloss[0]))
            goto done;
        out_add(c, ko.buf, p2->gloss, MODEL_KIND_ABBREV, l->no, l->no, 0.85, ev.buf);
        strbuf_addf(&form, "%s %s", p1->gloss, p2->ko); /* 클라우드 보안인증제 */
        if (written_elsewhere(c, form.buf, l->no))
            out_add(c, ko.buf, form.buf, p1->kind, l->no, l->no, 0.85, ev.buf);
    } else {
        strbuf_addf(&form, "%s %s", p1->gloss, p2->gloss); /* ICT R&D */
        enum model_kind k = p1->kind == p2->kind ? p1->kind : MODEL_KIND_LOANWORD;
        if (written_elsewhere(c, form.buf, l->no))
            out_add(c, ko.buf, form.buf, k, l->no, l->no, 0.85, ev.buf);
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
            const struct ilist *hit = ilist_get(&c->by_ko, l->text + at, kend - at);
            for (size_t k = 0; hit && k < hit->n; k++)
                if (glossed_at(l->text, l->len, at, &c->pairs[hit->v[k]])) {
                    ALLOC_GROW(out->v, out->n + 1, out->alloc);
                    out->v[out->n++] = hit->v[k];
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
                    const struct ilist *hit = ilist_get(&c->by_ko, l->text + at, kend - at);
                    for (size_t k = 0; hit && k < hit->n; k++) {
                        const struct dpair *p1 = &c->pairs[hit->v[k]];
                        if (composable(p1->kind) && glossed_at(l->text, l->len, at, p1)) {
                            ALLOC_GROW(occ, nocc + 1, aocc);
                            occ[nocc].pair = hit->v[k];
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

void cross_doc_add_line(struct cross_doc *c, const char *text, size_t len, unsigned long lineno)
{
    ALLOC_GROW(c->lines, c->nlines + 1, c->alines);
    struct cline *l = &c->lines[c->nlines++];
    struct strbuf sb = STRBUF_INIT;
    l->no = lineno;
    l->text = xmemdupz(text, len);
    l->len = len;
    /* search text and its map back to the line */
    l->orig = xmalloc(st_mult(len + 1, sizeof(*l->orig)));
    int depth = 0;
    for (size_t i = 0; i < len;) {
        uint32_t ch;
        size_t n = utf8_decode(text + i, len - i, &ch);
        if (ch == '(' || ch == '{' || ch == '<' || ch == 0x3008)
            depth++;
        else if ((ch == ')' || ch == '}' || ch == '>' || ch == 0x3009) && depth > 0)
            depth--;
        else if (!depth && !uc_is_space(ch) && ch != '^') {
            for (size_t k = 0; k < n; k++)
                l->orig[sb.len + k] = i + k;
            strbuf_add(&sb, text + i, n);
        }
        i += n;
    }
    l->orig[sb.len] = len;
    l->slen = sb.len;
    l->srch = strbuf_detach(&sb, NULL);
}

void cross_doc_add_pair(struct cross_doc *c, const char *ko, const char *gloss,
                        enum model_kind kind, const char *en)
{
    ALLOC_GROW(c->pairs, c->npairs + 1, c->apairs);
    c->pairs[c->npairs].en = en && *en ? xstrdup(en) : NULL;
    c->pairs[c->npairs].ko = xstrdup(ko);
    c->pairs[c->npairs].gloss = xstrdup(gloss);
    c->pairs[c->npairs].glen = strlen(gloss);
    c->pairs[c->npairs].spaced = strchr(gloss, ' ') != NULL;
    c->pairs[c->npairs++].kind = kind;
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

static void pairs_unindex(struct cross_doc *c)
{
    strmap_release(&c->by_gloss, ilist_free);
    strmap_release(&c->by_fold, ilist_free);
    strmap_release(&c->by_ko, ilist_free);
    strmap_release(&c->pair_seen, NULL);
    strmap_release(&c->out_seen, NULL);
    c->nglens = 0;
    c->max_ko = 0;
}

/* The lookups of the bracket pairs (see struct cross_doc). */
static void index_pairs(struct cross_doc *c)
{
    struct strbuf key = STRBUF_INIT;
    pairs_unindex(c);
    for (size_t i = 0; i < c->npairs; i++) {
        const struct dpair *p = &c->pairs[i];
        ilist_add(&c->by_gloss, p->gloss, p->glen, i);
        fold_ascii(p->gloss, p->glen, &key);
        ilist_add(&c->by_fold, key.buf, key.len, i);
        ilist_add(&c->by_ko, p->ko, strlen(p->ko), i);
        pair_key(p->ko, p->gloss, 0, &key);
        strmap_put(&c->pair_seen, key.buf, key.len, NULL)->value = (void *)1;
        if (strlen(p->ko) > c->max_ko)
            c->max_ko = strlen(p->ko);
        if (!p->spaced) {
            ALLOC_GROW(c->glens, c->nglens + 1, c->aglens);
            c->glens[c->nglens++] = p->glen;
        }
    }
    if (c->nglens > 1)
        qsort(c->glens, c->nglens, sizeof(*c->glens), cmp_size_desc);
    size_t k = 0;
    for (size_t i = 0; i < c->nglens; i++)
        if (!k || c->glens[k - 1] != c->glens[i])
            c->glens[k++] = c->glens[i];
    c->nglens = k;
    strbuf_release(&key);
}

void cross_doc_align(struct cross_doc *c)
{
    lexicon_init();
    out_clear(c);
    index_lines(c);
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
    for (size_t i = 0; i < c->nlines; i++) {
        free(c->lines[i].text);
        free(c->lines[i].srch);
        free(c->lines[i].orig);
    }
    free(c->lines);
    strmap_release(&c->grams, postings_free);
    pairs_unindex(c);
    free(c->glens);
    for (size_t i = 0; i < c->npairs; i++) {
        free(c->pairs[i].ko);
        free(c->pairs[i].gloss);
        free(c->pairs[i].en);
    }
    free(c->pairs);
    free(c);
}
