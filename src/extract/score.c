/*
 * score.c - candidate pairs decided by fitted weights, not by vetoes.
 *
 * The rules of span.c propose: a span for every bracket that can hold a
 * gloss, accepted or set aside with a reason. Only sure non-terms (dates,
 * amounts, credits, no Korean side) are refused outright. Two logistic
 * models then decide, with weights that tests/corpus/fit.py fits on the
 * development split of the corpus (glossaries/model/):
 *
 *  - the edge model gives P(token belongs to the term) for the token at the
 *    left edge of the span; the edge moves right while the first token's
 *    probability is below one half (올해, 한편, 원장, ...인), or, when it did
 *    not move, left by up to two tokens while the next one's is above;
 *  - the pair model gives P(pair) from the shape of both sides, the list
 *    context, the rule's verdict and its reason; below one half the
 *    candidate is rejected and --explain shows the score and the features
 *    that weighed most.
 *
 * Features are named once, in the X-macro lists below; the generated header
 * defines PW_<name> and EW_<name>, so a feature without a weight does not
 * compile. docs/extraction.md lists what each one measures.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/extract_int.h"
#include "extract/korean.h"
#include "extract/lexicon.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/xmalloc.h"

struct model_word {
    const char *word; /* a Korean word */
    const char *cls;  /* its class: time, connective, deictic, scope */
};

#include "model_data.h"

#include "util/banned.h"

#define PAIR_FEATURES(X)                                                                       \
    X(bias) X(rule_accept) X(why_list) X(why_field_agency) X(why_both_loan) X(why_affiliation) \
    X(why_body_acronym) X(why_source_name) X(why_native) X(why_acronym_spell) X(kind_abbrev)   \
    X(kind_english) X(kind_loanword) X(kind_native) X(kind_shortform) X(chain) X(quoted)       \
    X(angle) X(title) X(weak) X(ko_org) X(ko_person) X(ko_loanlike) X(ko_tokens)              \
    X(ko_one_token) X(ko_first_class) X(ko_latin) X(len_ratio) X(gloss_capitalised)            \
    X(gloss_words) X(gloss_lexicon) X(acr_per_token) X(acr_initial) X(acr_fit) X(right_colon)    \
    X(right_glued) X(clause_bol) X(acr_unrelated) X(lex_match) X(lex_other) X(reversed)

#define EDGE_FEATURES(X)                                                                       \
    X(bias) X(inside) X(time) X(connective) X(deictic) X(scope) X(stop_soft) X(stop_hard)      \
    X(ends_in) X(ends_ui) X(ends_jeok) X(ends_particle) X(person_title) X(org_suffix)          \
    X(one_syllable) X(numeric) X(latin) X(latin_in_gloss) X(loanlike) X(syllables)            \
    X(dot_joined) X(gloss_abbrev) X(gloss_english) X(gloss_loanword) X(shortform) X(title)    \
    X(span_tokens) X(acr_initial) X(weak) X(words_gap) X(acr_gap) X(ends_n)

#define ENUM_PF(n) PF_##n,
#define ENUM_EF(n) EF_##n,
#define NAME(n) #n,
#define WEIGHT_P(n) PW_##n,
#define WEIGHT_E(n) EW_##n,

enum pair_feature { PAIR_FEATURES(ENUM_PF) PF_COUNT };
enum edge_feature { EDGE_FEATURES(ENUM_EF) EF_COUNT };

static const char *const pair_names[] = {PAIR_FEATURES(NAME)};
static const char *const edge_names[] = {EDGE_FEATURES(NAME)};
static const double pair_w[] = {PAIR_FEATURES(WEIGHT_P)};
static const double edge_w[] = {EDGE_FEATURES(WEIGHT_E)};

_Static_assert(sizeof(pair_names) / sizeof(*pair_names) == PF_COUNT, "pair feature names");
_Static_assert(sizeof(edge_w) / sizeof(*edge_w) == EF_COUNT, "edge feature weights");

/* ---- helpers ------------------------------------------------------------------- */

static int ends_with(const char *s, size_t len, const char *p)
{
    size_t pl = strlen(p);
    return len >= pl && !memcmp(s + len - pl, p, pl);
}

static const char *word_class(const char *s, size_t len)
{
    for (size_t i = 0; i < sizeof(model_words) / sizeof(*model_words); i++)
        if (strlen(model_words[i].word) == len && !memcmp(model_words[i].word, s, len))
            return model_words[i].cls;
    return NULL;
}

static int mem_icase_has(const char *hay, size_t hlen, const char *needle, size_t nlen)
{
    if (!nlen || nlen > hlen)
        return 0;
    for (size_t i = 0; i + nlen <= hlen; i++) {
        size_t j = 0;
        while (j < nlen) {
            char a = hay[i + j], b = needle[j];
            if (a >= 'A' && a <= 'Z')
                a = (char)(a - 'A' + 'a');
            if (b >= 'A' && b <= 'Z')
                b = (char)(b - 'A' + 'a');
            if (a != b)
                break;
            j++;
        }
        if (j == nlen)
            return 1;
    }
    return 0;
}

/* 1 when a morpheme at the start of tok has an English word beginning with letter c. */
static int initial_fits(const char *tok, size_t len, char c)
{
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')))
        return 0;
    if (c >= 'a')
        c = (char)(c - 'a' + 'A');
    size_t end = 0;
    for (int syl = 0; syl < 3 && end < len; syl++) {
        uint32_t cp;
        end += utf8_decode(tok + end, len - end, &cp);
        const char *en[LEX_MAX_FORMS];
        size_t n = lexicon_morpheme_en(tok, end, en, LEX_MAX_FORMS);
        for (size_t i = 0; i < n; i++) {
            char e = en[i][0];
            if (e >= 'a' && e <= 'z')
                e = (char)(e - 'a' + 'A');
            if (e == c)
                return 1;
        }
    }
    return 0;
}

/*
 * Share of an acronym's letters that the Korean side spells, in order: each
 * letter is matched by a morpheme (glossaries/lexicon/morphemes.tsv: 한국
 * Korea, 인터넷 Internet, 진흥 Promotion) or a Latin letter further right
 * in ko. 한국인터넷진흥원 spells K, I of KISA; 양자 spells nothing of NIA.
 */
static double acronym_fit(const char *ko, size_t kl, const char *acr)
{
    size_t letters = 0, hit = 0, pos = 0;
    for (const char *a = acr; *a; a++) {
        char c = *a;
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')))
            continue;
        letters++;
        if (c >= 'a')
            c = (char)(c - 'a' + 'A');
        /* the next place right of pos where a morpheme or Latin letter gives c */
        for (size_t p = pos; p < kl;) {
            uint32_t cp;
            size_t cl = utf8_decode(ko + p, kl - p, &cp);
            if (cp < 0x80) {
                char l = (char)cp;
                if (l >= 'a' && l <= 'z')
                    l = (char)(l - 'a' + 'A');
                if (l == c) {
                    hit++, pos = p + cl;
                    break;
                }
                p += cl;
                continue;
            }
            size_t end = p, found = 0;
            for (int syl = 0; syl < 3 && end < kl && !found; syl++) {
                uint32_t d;
                end += utf8_decode(ko + end, kl - end, &d);
                const char *en[LEX_MAX_FORMS];
                size_t n = lexicon_morpheme_en(ko + p, end - p, en, LEX_MAX_FORMS);
                for (size_t i = 0; i < n && !found; i++)
                    if ((en[i][0] & ~0x20) == c)
                        found = end;
            }
            if (found) {
                hit++, pos = found;
                break;
            }
            p += cl;
        }
    }
    return letters ? (double)hit / (double)letters : 0;
}

static double dot(const double *w, const double *x, size_t n)
{
    double z = 0;
    for (size_t i = 0; i < n; i++)
        z += w[i] * x[i];
    return z;
}

static double sigmoid(double z)
{
    return 1.0 / (1.0 + exp(-z));
}

static void features_text(struct strbuf *out, const char *const *names, const double *x, size_t n)
{
    char num[32];
    for (size_t i = 0; i < n; i++) {
        if (x[i] == 0)
            continue;
        if (out->len)
            strbuf_addch(out, ' ');
        strbuf_addstr(out, names[i]);
        snprintf(num, sizeof(num), ":%.4g", x[i]);
        strbuf_addstr(out, num);
    }
}

static void add_row(struct score_row **rows, size_t *nrows, size_t *arows, const char *model,
                    const char *ko, size_t kolen, const char *const *names, const double *x,
                    size_t n)
{
    struct strbuf f = STRBUF_INIT;
    features_text(&f, names, x, n);
    ALLOC_GROW(*rows, *nrows + 1, *arows);
    struct score_row *r = &(*rows)[(*nrows)++];
    r->model = model;
    r->ko = xmemdupz(ko, kolen);
    r->features = strbuf_detach(&f, NULL);
}

static unsigned words_of(const char *g, int *capitalised)
{
    unsigned n = 0, caps = 0;
    int in = 0;
    for (const char *p = g; *p; p++) {
        if (*p == ' ') {
            in = 0;
        } else if (!in) {
            in = 1;
            n++;
            caps += (*p >= 'A' && *p <= 'Z');
        }
    }
    *capitalised = n > 0 && caps == n;
    return n;
}

/* ---- the edge model ------------------------------------------------------------ */

static void edge_features(const struct occ *o, const char *gloss, enum gloss_kind kind,
                          const struct tok *t, int m, int i, int inside, double *x)
{
    const char *s = t[i].s;
    size_t len = t[i].len;
    struct ko_script sc;
    ko_script_of(s, len, &sc);
    memset(x, 0, EF_COUNT * sizeof(*x));
    x[EF_bias] = 1;
    x[EF_inside] = inside;
    const char *cls = word_class(s, len);
    if (cls) {
        x[EF_time] = !strcmp(cls, "time");
        x[EF_connective] = !strcmp(cls, "connective");
        x[EF_deictic] = !strcmp(cls, "deictic");
        x[EF_scope] = !strcmp(cls, "scope");
    }
    enum ko_stop st = ko_token_stop(s, len);
    x[EF_stop_soft] = st == KO_STOP_SOFT;
    x[EF_stop_hard] = st == KO_STOP_HARD;
    x[EF_ends_in] = ends_with(s, len, "인") && sc.hangul > 1;
    x[EF_ends_ui] = ends_with(s, len, "의");
    x[EF_ends_jeok] = ends_with(s, len, "적");
    x[EF_ends_particle] = ko_strip_particle(s, len, 1) < len;
    x[EF_person_title] = span_person_title(s, len);
    x[EF_org_suffix] = sc.hangul > 1 && span_org_like(s, len);
    x[EF_one_syllable] = sc.hangul == 1 && !sc.latin && !sc.digit;
    x[EF_numeric] = ko_is_numeric_token(s, len);
    x[EF_latin] = sc.latin > 0;
    x[EF_latin_in_gloss] = sc.latin > 0 && mem_icase_has(gloss, strlen(gloss), s, len);
    x[EF_loanlike] = sc.hangul > 1 && term_is_loanword(s, len);
    x[EF_syllables] = sc.hangul / 4.0;
    x[EF_dot_joined] = i + 1 < m && t[i + 1].dot;
    x[EF_gloss_abbrev] = kind == GLOSS_ABBREV;
    x[EF_gloss_english] = kind == GLOSS_ENGLISH;
    x[EF_gloss_loanword] = kind == GLOSS_LOANWORD;
    x[EF_shortform] = (o->flags & OCC_SHORTFORM) != 0;
    x[EF_title] = (o->flags & OCC_TITLE) != 0;
    x[EF_span_tokens] = (m - 1 - i) / 4.0;
    x[EF_acr_initial] = kind == GLOSS_ABBREV && initial_fits(s, len, gloss[0]);
    x[EF_weak] = o->weak;
    /* how much of the gloss the tokens right of this one leave unrendered */
    int right = m - 1 - i, capitalised;
    unsigned gw = words_of(gloss, &capitalised), syl = 0;
    for (int j = i + 1; j < m; j++)
        syl += ko_syllable_count(t[j].s, t[j].len);
    double wg = (double)gw - right;
    x[EF_words_gap] = kind != GLOSS_ABBREV ? (wg > 2 ? 2 : wg < -2 ? -2 : wg) / 2 : 0;
    if (kind == GLOSS_ABBREV) {
        struct ko_script gs;
        ko_script_of(gloss, strlen(gloss), &gs);
        double ag = gs.upper - syl / 2.0;
        x[EF_acr_gap] = (ag > 3 ? 3 : ag < -3 ? -3 : ag) / 3;
    }
    uint32_t lastc = 0;
    size_t lp = utf8_prev(s, len);
    utf8_decode(s + lp, len - lp, &lastc);
    x[EF_ends_n] = lastc >= 0xAC00 && lastc <= 0xD7A3 && (lastc - 0xAC00) % 28 == 4;
}

/*
 * Which tokens the edge model is asked about. A token at the start of the span
 * is put in question when something about it suggests sentence material: a
 * function-word class, a particle or adnominal ending, a title, a number, a
 * stop class. A token left of the span is a candidate unless it is a hard
 * stop. Everything else keeps the rules' edge.
 */
static int edge_suspect(const double *x)
{
    return x[EF_time] || x[EF_connective] || x[EF_deictic] || x[EF_scope] || x[EF_ends_particle] ||
           x[EF_ends_in] || x[EF_ends_ui] || x[EF_person_title] || x[EF_stop_soft] ||
           x[EF_stop_hard] || x[EF_numeric] || (x[EF_latin] && !x[EF_latin_in_gloss]);
}

static int edge_extendable(const double *x)
{
    return !x[EF_stop_hard] && !x[EF_numeric] && !(x[EF_latin] && !x[EF_latin_in_gloss]);
}


/* ---- the pair model ------------------------------------------------------------ */

static const struct {
    const char *why;
    enum pair_feature f;
} reasons[] = {
    {"item of a list of X(Y) labels", PF_why_list},
    {"item of a list of field(agency) labels", PF_why_field_agency},
    {"both sides are loanwords", PF_why_both_loan},
    {"affiliation of a person", PF_why_affiliation},
    {"acronym of an organisation after a term that is not one", PF_why_body_acronym},
    {"English name of a source, not a gloss", PF_why_source_name},
    {"native gloss that is neither a restatement nor a short form", PF_why_native},
    {"acronym does not spell the loanword before it", PF_why_acronym_spell},
};


static void pair_features(const struct occ *o, const char *gloss, enum gloss_kind kind,
                          const char *ko, const struct tok *t, int s, int m, int bol, double *x)
{
    size_t kl = strlen(ko), gl = strlen(gloss);
    struct ko_script ks, gs;
    ko_script_of(ko, kl, &ks);
    ko_script_of(gloss, gl, &gs);
    memset(x, 0, PF_COUNT * sizeof(*x));
    x[PF_bias] = 1;
    x[PF_rule_accept] = o->ko != NULL;
    if (!o->ko && o->why)
        for (size_t i = 0; i < sizeof(reasons) / sizeof(*reasons); i++)
            if (!strcmp(o->why, reasons[i].why))
                x[reasons[i].f] = 1;
    x[PF_kind_abbrev] = kind == GLOSS_ABBREV;
    x[PF_kind_english] = kind == GLOSS_ENGLISH;
    x[PF_kind_loanword] = kind == GLOSS_LOANWORD;
    x[PF_kind_native] = kind == GLOSS_NATIVE;
    x[PF_kind_shortform] = kind == GLOSS_SHORTFORM;
    x[PF_chain] = (o->flags & OCC_CHAIN) != 0;
    x[PF_quoted] = (o->flags & OCC_QUOTED) != 0;
    x[PF_angle] = (o->flags & OCC_ANGLE) != 0;
    x[PF_title] = (o->flags & OCC_TITLE) != 0;
    x[PF_weak] = o->weak;
    x[PF_ko_org] = span_org_like(ko, kl);
    x[PF_ko_person] = span_person_title(ko, kl);
    x[PF_ko_loanlike] = ks.hangul > 1 && term_is_loanword(ko, kl);
    int ntok = s >= 0 ? m - s : 1;
    x[PF_ko_tokens] = ntok / 4.0;
    x[PF_ko_one_token] = ntok == 1;
    x[PF_ko_first_class] = s >= 0 && word_class(t[s].s, t[s].len) != NULL;
    x[PF_ko_latin] = ks.latin > 0;
    /* what follows the bracket: "X(Y) : ..." labels a list item; a glued particle
     * (X(Y)는, X(Y)와) continues a sentence */
    const char *r = o->right;
    while (*r == ' ')
        r++;
    x[PF_right_colon] = *r == ':';
    x[PF_right_glued] = (unsigned char)o->right[0] >= 0x80;
    x[PF_clause_bol] = bol;
    x[PF_reversed] = (o->flags & OCC_REVERSED) != 0;
    double kw = ks.hangul * 3.0 + ks.latin + ks.digit, gw = gs.hangul * 3.0 + gs.latin + gs.digit;
    x[PF_len_ratio] = log((kw + 1) / (gw + 1));
    int caps;
    unsigned nw = words_of(gloss, &caps);
    x[PF_gloss_capitalised] = kind == GLOSS_ENGLISH && caps;
    x[PF_gloss_words] = nw / 4.0;
    const char *forms[LEX_MAX_FORMS];
    size_t nf = lexicon_ko_forms(gloss, gl, forms, LEX_MAX_FORMS);
    x[PF_gloss_lexicon] = lexicon_acronym_kind(gloss, gl) != NULL || nf > 0;
    /* the lexicon's Korean for the gloss: this term (it ends with one, spaces aside), or
     * something else (IITP is 정보통신기획평가원, not AI반도체) */
    if (nf) {
        struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;
        for (const char *p = ko; *p; p++)
            if (*p != ' ')
                strbuf_addch(&a, *p);
        int match = 0;
        for (size_t i = 0; i < nf && !match; i++) {
            strbuf_reset(&b);
            for (const char *p = forms[i]; *p; p++)
                if (*p != ' ')
                    strbuf_addch(&b, *p);
            match = b.len && a.len >= b.len && !memcmp(a.buf + a.len - b.len, b.buf, b.len);
        }
        x[PF_lex_match] = match;
        x[PF_lex_other] = !match;
        strbuf_release(&a);
        strbuf_release(&b);
    }
    if (kind == GLOSS_ABBREV) {
        x[PF_acr_per_token] = (double)gs.upper / (ntok ? ntok : 1) / 4.0;
        x[PF_acr_initial] = s >= 0 && initial_fits(t[s].s, t[s].len, gloss[0]);
        x[PF_acr_fit] = acronym_fit(ko, kl, gloss);
        /* an acronym that neither spells the Korean side nor sounds like it, nor
         * shares a Latin letter with it: AI반도체(IITP), 양자(NIA) */
        x[PF_acr_unrelated] = x[PF_acr_fit] == 0 && !x[PF_ko_loanlike] && !x[PF_gloss_lexicon];
    }
}

/* ---- deciding ------------------------------------------------------------------ */

/* The strongest contributions, for --explain: "score 0.21 (against: a -1.3, b -0.6; for: c +0.4)". */
static char *explain(double p, const double *x, size_t n, const char *rule)
{
    struct strbuf sb = STRBUF_INIT;
    char num[64];
    snprintf(num, sizeof(num), "score %.2f < 0.5", p);
    strbuf_addstr(&sb, num);
    if (rule) {
        strbuf_addstr(&sb, "; rule: ");
        strbuf_addstr(&sb, rule);
    }
    for (int side = 0; side < 2; side++) {
        int used[64] = {0}, shown = 0;
        for (int k = 0; k < 3; k++) {
            int best = -1;
            double bv = 0;
            for (size_t i = 1; i < n && i < 64; i++) {
                double c = pair_w[i] * x[i];
                if (used[i] || (side == 0 ? c >= 0 : c <= 0))
                    continue;
                if (best < 0 || fabs(c) > bv)
                    best = (int)i, bv = fabs(c);
            }
            if (best < 0)
                break;
            used[best] = 1;
            snprintf(num, sizeof(num), "%s%s %+.2f", shown ? ", " : (side ? "; for: " : "; against: "),
                     pair_names[best], pair_w[best] * x[best]);
            strbuf_addstr(&sb, num);
            shown++;
        }
    }
    return strbuf_detach(&sb, NULL);
}

/* 1 when nothing but spaces, bullets and symbols precede the clause on its line. */
static int clause_at_line_start(const struct occ *o, const char *line)
{
    const char *at = line ? strstr(line, o->left) : NULL;
    if (!at)
        return 0;
    for (const char *p = line; p < at;) {
        uint32_t c;
        size_t n = utf8_decode(p, (size_t)(at - p), &c);
        if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
            (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0x4E00 && c <= 0x9FFF))
            return 0;
        p += n;
    }
    return 1;
}

void score_decide(struct occ *o, const char *line, char **why_out, struct score_row **rows,
                  size_t *nrows, size_t *arows)
{
    *why_out = NULL;
    if ((o->flags & OCC_REVERSED) && o->kind != GLOSS_LOANWORD)
        return; /* Latin(Korean): the acronym rules decided, and nothing can move */
    const char *span = o->ko ? o->ko : o->cand;
    if (!span)
        return; /* refused outright: a date, an amount, a credit, no Korean side */
    const char *gloss = o->ko ? o->gloss_out : o->gloss;
    enum gloss_kind kind = o->ko ? o->kind : o->cand_kind;

    struct tok t[MAX_TOKS];
    int m = (int)span_tokenize(o->left, t);
    size_t llen = strlen(o->left), slen = strlen(span);
    int s0 = -1;
    if (m && slen <= llen && !memcmp(o->left + llen - slen, span, slen))
        for (int i = 0; i < m; i++)
            if (t[i].s == o->left + llen - slen)
                s0 = i;
    int s = s0;
    if (o->flags & OCC_REVERSED)
        s0 = s = -1; /* loanword(Korean): the Korean side is the inside, whole */
    if (s0 >= 0) {
        double x[EF_COUNT];
        /* trim: cut after the rightmost token in question that is unlikely */
        for (int i = m - 2; i >= s0; i--) {
            edge_features(o, gloss, kind, t, m, i, 1, x);
            if (!edge_suspect(x) && !(i == s0 && o->weak))
                continue;
            if (rows)
                add_row(rows, nrows, arows, "edge", t[i].s, (size_t)(o->left + llen - t[i].s),
                        edge_names, x, EF_COUNT);
            if (sigmoid(dot(edge_w, x, EF_COUNT)) < 0.5) {
                s = i + 1;
                break;
            }
        }
        /* extend: up to two tokens while likely, when nothing was trimmed */
        int trimmed = s != s0;
        for (int i = s0 - 1; !trimmed && s == i + 1 && i >= 0 && s0 - i <= 2; i--) {
            edge_features(o, gloss, kind, t, m, i, 0, x);
            if (!edge_extendable(x))
                break;
            if (rows)
                add_row(rows, nrows, arows, "edge", t[i].s, (size_t)(o->left + llen - t[i].s),
                        edge_names, x, EF_COUNT);
            if (sigmoid(dot(edge_w, x, EF_COUNT)) < 0.5)
                break;
            s = i;
        }
    }
    const char *from = s >= 0 ? t[s].s : span;
    size_t flen = s >= 0 ? (size_t)(o->left + llen - from) : slen;
    /* a count glued to the term (15나노미터, 6자유도) unless the gloss has digits */
    if (!strpbrk(gloss, "0123456789")) {
        size_t d = 0;
        while (d < flen && ((from[d] >= '0' && from[d] <= '9') || from[d] == '.' || from[d] == ','))
            d++;
        if (d && d < flen && (unsigned char)from[d] >= 0x80)
            from += d, flen -= d;
    }

    double x[PF_COUNT];
    char *ko = xmemdupz(from, flen);
    pair_features(o, gloss, kind, ko, t, s, m, clause_at_line_start(o, line), x);
    o->score = sigmoid(dot(pair_w, x, PF_COUNT));
    if (rows)
        add_row(rows, nrows, arows, "pair", ko, flen, pair_names, x, PF_COUNT);
    if (o->score >= 0.5) {
        if (!o->ko) {
            free(o->gloss_out);
            o->gloss_out = xstrdup(o->gloss);
            o->kind = kind;
        }
        free(o->ko);
        o->ko = ko;
        o->why = NULL;
    } else {
        *why_out = explain(o->score, x, PF_COUNT, o->ko ? "accepted" : o->why);
        free(o->ko);
        o->ko = NULL;
        free(ko);
    }
}
