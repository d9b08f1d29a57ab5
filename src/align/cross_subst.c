/*
 * cross_subst.c - body/appendix substitution: a phrase of the gloss side
 * rewritten through the document's bracket pairs and the lexicon is looked
 * for in the other lines (see cross.h).
 */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "align/cross.h"
#include "align/cross_int.h"
#include "extract/lexicon.h"
#include "text/korean.h"
#include "util/strbuf.h"
#include "util/strmap.h"
#include "util/utf8.h"
#include "util/xmalloc.h"
#include "util/banned.h"

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

/*
 * Length of the longest bracket gloss (no spaces) at s, or 0. s is part of
 * a run of bytes >= 0x80, which ASCII case folding leaves as they are, so
 * it is looked up as it stands among the folded glosses, and a pair there
 * counts when its gloss is exactly s[0..l).
 */
static size_t doc_key_at(const struct cross_doc *c, const char *s, size_t len)
{
    for (size_t i = 0; i < c->nglens; i++) {
        size_t l = c->glens[i];
        uint32_t k = l <= len ? cross_pairs_first(c, &c->by_fold, s, l) : 0;
        for (; k; k = c->by_fold.next[k - 1]) {
            const struct dpair *p = &c->pairs[k - 1];
            if (!p->spaced && p->glen == l && !memcmp(p->gloss, s, l))
                return l;
        }
    }
    return 0;
}

static void piece_alts(const struct cross_doc *c, const char *line, struct piece *p)
{
    const char *s = line + p->off;
    p->alt[0] = NULL;
    p->src[0] = ALT_SAME;
    p->nalt = 1;
    /* the index folds the case of what it is asked */
    uint32_t pk = cross_pairs_first(c, &c->by_fold, s, p->len);
    for (; pk && p->nalt < MAX_ALTS; pk = c->by_fold.next[pk - 1]) {
        p->alt[p->nalt] = c->pairs[pk - 1].ko;
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
            if (cross_same_squeezed(p->alt[k], forms[i]))
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
        if (!cross_is_token_char(cp))
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
        if (cross_is_token_char(cp))
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
        if (!cross_is_token_char(cp))
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
    cross_pair_key(ko, gloss, 1, &key);
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
                    cross_squeeze(ps[k].alt[idx[k]], strlen(ps[k].alt[idx[k]]), &key);
            }
            pstart[np] = key.len;
            const char *head_alt = h->alt[idx[np - 1]];
            /* a short plain form (기반) alone matches anywhere: ask for an anchor */
            int specific = anchor || comp || ko_syllable_count(head_alt, strlen(head_alt)) >= 5;
            const uint32_t *where;
            size_t nwhere = specific ? cross_lines_for(c, key.buf, key.len, &where) : 0;
            for (size_t w = 0; w < nwhere; w++) {
                size_t bi = where ? where[w] : w;
                const struct cline *bl = &c->lines[bi];
                if (bi == li || !bl->slen || key.len > bl->slen)
                    continue;
                const char *hit = bl->srch;
                const uint32_t *orig = NULL;
                while ((hit = strstr(hit, key.buf))) {
                    size_t ms = (size_t)(hit - bl->srch), me = ms + key.len;
                    hit++;
                    if (!orig)
                        orig = cross_line_orig(c, bi);
                    size_t os = orig[ms], oe = orig[me - 1] + 1;
                    if (!at_boundaries(bl, os, oe))
                        continue;
                    /* cut after the last bracket group inside the span */
                    size_t cut = os;
                    for (size_t t = os; t < oe; t++)
                        if (bl->text[t] == ')' || bl->text[t] == '}')
                            cut = t + 1;
                    size_t k0 = 0;
                    while (k0 < np && orig[ms + pstart[k0]] < cut)
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
                    add_clean(&ko, bl->text, orig[ms + pstart[k0]], oe);
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

/*
 * What the windows of a line ask of its tokens, asked once a token: a
 * token is in up to four windows of one to four tokens, and the same
 * questions (its stem, whether it may stand inside a phrase, its pieces,
 * their alternatives) went to the lexicon and the pair index each time.
 * Every answer is a function of the token's text and the document alone.
 */
struct tok_memo {
    size_t stem;           /* end of the token without its particle, 0 before asked */
    signed char bad;       /* a hard stop word that is not Latin; -1 before asked */
    signed char nsplit[2]; /* pieces of [start, end) and [start, stem): -1 before asked,
                              -2 when split_token met its cap (then not kept) */
    struct {
        size_t off, len;
        int compound;
    } split[2][MAX_PIECES];
};

#define ALT_MEMO 64 /* pieces of a line whose alternatives are kept */

struct alt_memo {
    size_t off, len;
    const char *alt[MAX_ALTS];
    int src[MAX_ALTS];
    size_t nalt;
};

/*
 * split_token of text[a..b) appended to ps[np..], from the memo m (v: which
 * end). A split from no pieces that stays two below the cap made every cap
 * check pass, and so does its copy after np pieces while np + its count
 * stays there: the copy is what split_token would append (it looks back
 * only at pieces of the same run).
 */
static size_t split_token_memo(const struct cross_doc *c, const char *text, size_t a, size_t b,
                               struct piece *ps, size_t np, struct tok_memo *m, int v)
{
    if (m->nsplit[v] == -1) {
        struct piece tmp[MAX_PIECES];
        size_t k = split_token(c, text, a, b, tmp, 0);
        m->nsplit[v] = -2;
        if (k <= MAX_PIECES - 2) {
            for (size_t i = 0; i < k; i++) {
                m->split[v][i].off = tmp[i].off;
                m->split[v][i].len = tmp[i].len;
                m->split[v][i].compound = tmp[i].compound;
            }
            m->nsplit[v] = (signed char)k;
        }
    }
    if (m->nsplit[v] < 0 || np + (size_t)m->nsplit[v] > MAX_PIECES - 2)
        return split_token(c, text, a, b, ps, np);
    for (size_t i = 0; i < (size_t)m->nsplit[v]; i++, np++) {
        ps[np].off = m->split[v][i].off;
        ps[np].len = m->split[v][i].len;
        ps[np].compound = m->split[v][i].compound;
    }
    return np;
}

/* piece_alts through the line's memo of them (*n used of ALT_MEMO). */
static void piece_alts_memo(const struct cross_doc *c, const char *line, struct piece *p,
                            struct alt_memo *memo, size_t *n)
{
    for (size_t i = 0; i < *n; i++)
        if (memo[i].off == p->off && memo[i].len == p->len) {
            memcpy(p->alt, memo[i].alt, sizeof(p->alt));
            memcpy(p->src, memo[i].src, sizeof(p->src));
            p->nalt = memo[i].nalt;
            return;
        }
    piece_alts(c, line, p);
    if (*n < ALT_MEMO) {
        struct alt_memo *m = &memo[(*n)++];
        m->off = p->off;
        m->len = p->len;
        memcpy(m->alt, p->alt, sizeof(p->alt));
        memcpy(m->src, p->src, sizeof(p->src));
        m->nalt = p->nalt;
    }
}

static int is_conjunction(const char *s, size_t n)
{
    return (n == 3 && !memcmp(s, "\xEB\xB0\x8F", 3)) ||           /* 및 */
           (n == 6 && !memcmp(s, "\xEB\x98\x90\xEB\x8A\x94", 6)); /* 또는 */
}

void cross_subst(struct cross_doc *c)
{
    struct cands cs = {NULL, 0, 0, STRMAP_INIT};
    struct tok_memo *memo = xmalloc(256 * sizeof(*memo));
    struct alt_memo *alts = xmalloc(ALT_MEMO * sizeof(*alts));
    for (size_t li = 0; li < c->nlines; li++) {
        const struct cline *l = &c->lines[li];
        size_t ts[256], te[256], nt = 0, nalts = 0;
        int gap_ok[256]; /* token t joined to t-1 by spaces only */
        for (size_t i = 0; i < l->len && nt < 256;) {
            uint32_t cp;
            size_t n = utf8_decode(l->text + i, l->len - i, &cp);
            if (!cross_is_token_char(cp)) {
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
            memo[nt].stem = 0;
            memo[nt].bad = -1;
            memo[nt].nsplit[0] = memo[nt].nsplit[1] = -1;
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
                if (!memo[t1].stem)
                    memo[t1].stem =
                        ts[t1] + ko_strip_particle(l->text + ts[t1], te[t1] - ts[t1], 1);
                size_t last_end = memo[t1].stem;
                int bad = 0;
                for (size_t t = t0; t < t1; t++) {
                    if (memo[t].bad < 0) {
                        struct ko_script sc;
                        ko_script_of(l->text + ts[t], te[t] - ts[t], &sc);
                        memo[t].bad = !sc.latin &&
                                      ko_token_stop(l->text + ts[t], te[t] - ts[t]) == KO_STOP_HARD;
                    }
                    bad |= memo[t].bad;
                }
                if (bad)
                    break;
                struct piece ps[MAX_PIECES];
                size_t np = 0;
                for (size_t t = t0; t <= t1; t++)
                    np = split_token_memo(c, l->text, ts[t], t == t1 ? last_end : te[t], ps, np,
                                          &memo[t], t == t1);
                if (!np)
                    continue;
                for (size_t k = 0; k < np; k++)
                    piece_alts_memo(c, l->text, &ps[k], alts, &nalts);
                if (ps[np - 1].nalt < 2)
                    continue;
                try_phrase(c, li, ps, np, last_end, &cs);
            }
        }
    }
    free(memo);
    free(alts);
    /* per head substitution, the phrase both sides repeat most, then the longest
     * (then the first found): the best of each group, by case-folded group */
    struct strmap group_best = STRMAP_INIT, by_lines = STRMAP_INIT;
    struct strbuf key = STRBUF_INIT;
    for (size_t i = 0; i < cs.n; i++) {
        struct cand *a = &cs.v[i];
        size_t sa = a->na < a->nb ? a->na : a->nb;
        cross_fold_ascii(a->group, strlen(a->group), &key);
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
        cross_ilist_add(&by_lines, key.buf, key.len, i);
    }
    for (size_t i = 0; i < cs.n; i++) {
        struct cand *a = &cs.v[i];
        size_t sa = a->na < a->nb ? a->na : a->nb;
        cross_fold_ascii(a->group, strlen(a->group), &key);
        int best = (uintptr_t)strmap_get(&group_best, key.buf, key.len) == i + 1;
        /* a fragment of a longer candidate on the same lines is not a term */
        strbuf_reset(&key);
        strbuf_addf(&key, "%lu %lu", a->line, a->gline);
        const struct ilist *same = best ? cross_ilist_get(&by_lines, key.buf, key.len) : NULL;
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
            cross_out_add(c, a->ko, a->gloss, acr ? MODEL_KIND_ABBREV : MODEL_KIND_LOANWORD,
                          a->line, a->gline, score, a->evidence);
        }
    }
    strbuf_release(&key);
    strmap_release(&group_best, NULL);
    strmap_release(&by_lines, cross_ilist_free);
    strmap_release(&cs.index, NULL);
    for (size_t i = 0; i < cs.n; i++) {
        free(cs.v[i].ko);
        free(cs.v[i].gloss);
        free(cs.v[i].group);
        free(cs.v[i].evidence);
    }
    free(cs.v);
}
