/*
 * score.c - candidate pairs decided by fitted weights, not by vetoes.
 *
 * The rules of span.c propose: a span for every bracket that can hold a
 * gloss, accepted or set aside with a reason. Only sure non-terms (dates,
 * amounts, credits, no Korean side) are refused outright. Two logistic
 * models then decide, with weights that tests/corpus/fit.py fits on the
 * development split of the corpus (glossaries/model/):
 *
 *  - the span model scores every start of the term from SPAN_REACH tokens
 *    left of the bracket to the bracket: the first token's shape and class
 *    (올해, 한편, 원장, ...인), the token before it (a particle, a title or
 *    the clause start make a good left edge), what the span holds, and how
 *    much of the gloss it renders; the best start wins;
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
#include "extract/lexicon.h"
#include "text/korean.h"
#include "util/ascii.h"
#include "util/strbuf.h"
#include "util/strmap.h"
#include "util/utf8.h"
#include "util/xmalloc.h"

struct model_word {
    const char *word; /* a Korean word */
    const char *cls;  /* its class: time, connective, deictic, scope, range, place */
};

#include "model_data.h"

#include "util/banned.h"

/* clang-format 14 re-indents these X-macro lists on every run (it never reaches
 * a fixed point, so `make format-check` could never pass): they stay as written. */
/* clang-format off */
#define PAIR_FEATURES(X)                                                                           \
    X(bias)                                                                                        \
    X(rule_accept) X(why_list) X(why_field_agency) X(why_both_loan) X(why_affiliation)             \
        X(why_body_acronym) X(why_source_name) X(why_native) X(why_acronym_spell) X(kind_abbrev)   \
            X(kind_english) X(kind_loanword) X(kind_native) X(kind_shortform) X(chain) X(quoted)   \
                X(angle) X(title) X(weak) X(ko_org) X(ko_person) X(ko_loanlike) X(ko_tokens)       \
                    X(ko_one_token) X(ko_first_class) X(ko_latin) X(len_ratio)                     \
                        X(gloss_capitalised) X(gloss_words) X(gloss_lexicon) X(acr_per_token)      \
                            X(acr_initial) X(acr_fit) X(right_colon) X(right_glued) X(clause_bol)  \
                                X(acr_unrelated) X(lex_match) X(lex_other) X(reversed)             \
                                    X(body_nonorg) X(sound_fit) X(ko_loan_odds) X(gloss_loan_odds) \
                                        X(loan_acr_mismatch) X(spaced) X(hanja_read)       \
                                            X(gloss_place) X(plain_doc) X(plain_list)      \
                                                X(plain_native) X(plain_reversed) X(reversed_class) X(dotted) \
                                                    X(gloss_body)

#define SPAN_FEATURES(X)                                                                           \
    X(bias)                                                                                        \
    X(is_rule) X(longer) X(shorter) X(tokens) X(one_token) X(time) X(connective) X(deictic)        \
        X(scope) X(stop_soft) X(stop_hard) X(ends_in) X(ends_ui) X(ends_jeok) X(ends_particle)     \
            X(ends_n) X(person_title) X(org_first) X(numeric) X(latin_foreign) X(loanlike)         \
                X(one_syllable) X(at_start) X(prev_hard) X(prev_particle) X(prev_class)            \
                    X(prev_title) X(prev_dot) X(prev_numeric) X(prev_latin) X(inner_hard)          \
                        X(inner_dot) X(words_gap) X(words_over) X(acr_gap) X(acr_fit) X(acr_full)  \
                            X(longer_abbrev) X(shorter_abbrev) X(longer_english)                   \
                                X(shorter_english) X(longer_loanword) X(shorter_loanword)          \
                                    X(longer_shortform) X(shorter_shortform) X(longer_weak)        \
                                        X(shorter_weak) X(loan_odds) X(words_exact)                \
                                            X(rule_anchored) X(sound) X(prev_dot_abbrev)           \
                                                X(inner_dot_abbrev) X(adnominal) X(verb_adverb)    \
                                                    X(prev_adnominal) X(prev_verb_adverb)  \
                                                        X(place) X(prev_place) X(lex_name) X(range) X(acr_short)
/* clang-format on */

/* the longest morpheme, in characters, that an acronym's letter is looked up for
 * (아프리카, 천연가스: four syllables) */
#define FIT_MORPHEME_MAX 4

/* how many tokens left of the bracket a term may start (a law's title is longer,
 * but a title's span is the rules' own) */
#define SPAN_REACH 7

#define ENUM_PF(n) PF_##n,
#define ENUM_SF(n) SF_##n,
#define NAME(n) #n,
#define WEIGHT_P(n) PW_##n,
#define WEIGHT_S(n) SW_##n,

enum pair_feature { PAIR_FEATURES(ENUM_PF) PF_COUNT };
enum span_feature { SPAN_FEATURES(ENUM_SF) SF_COUNT };

static const char *const pair_names[] = {PAIR_FEATURES(NAME)};
static const char *const span_names[] = {SPAN_FEATURES(NAME)};
static const double pair_w[] = {PAIR_FEATURES(WEIGHT_P)};
static const double span_w[] = {SPAN_FEATURES(WEIGHT_S)};

_Static_assert(sizeof(pair_names) / sizeof(*pair_names) == PF_COUNT, "pair feature names");
_Static_assert(sizeof(span_w) / sizeof(*span_w) == SF_COUNT, "span feature weights");

/* ---- helpers ------------------------------------------------------------------- */

/* The class of the word s[0..len), or NULL: a binary search of model_words,
 * which gen_model.awk writes in byte order (a few hundred words, asked for
 * every token of every candidate). */
static const char *word_class(const char *s, size_t len)
{
    size_t lo = 0, hi = sizeof(model_words) / sizeof(*model_words);
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2, wl = strlen(model_words[mid].word);
        int c = memcmp(model_words[mid].word, s, wl < len ? wl : len);
        if (c == 0)
            c = wl < len ? -1 : wl > len;
        if (c == 0)
            return model_words[mid].cls;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

/* the first letters the morphemes of one to FIT_MORPHEME_MAX characters at a place give */
struct fit_at {
    uint32_t mask[FIT_MORPHEME_MAX]; /* bit L - 'A' of each English form's first letter L */
    size_t end[FIT_MORPHEME_MAX];    /* where each morpheme ends */
    unsigned char n;                 /* how many of them the span had room for */
};

static void fit_at_fill(const char *ko, size_t kl, size_t p, struct fit_at *f)
{
    size_t end = p;
    f->n = 0;
    for (int syl = 0; syl < FIT_MORPHEME_MAX && end < kl; syl++) {
        uint32_t d;
        end += utf8_decode(ko + end, kl - end, &d);
        const char *en[LEX_MAX_FORMS];
        size_t n = lexicon_morpheme_en(ko + p, end - p, en, LEX_MAX_FORMS);
        uint32_t mask = 0;
        for (size_t i = 0; i < n; i++) {
            unsigned l = (unsigned)(en[i][0] & ~0x20) - 'A';
            if (l < 26)
                mask |= 1u << l;
        }
        f->mask[syl] = mask;
        f->end[syl] = end;
        f->n++;
    }
}

/* 1 when a morpheme at the start of tok has an English word beginning with letter c. */
static int initial_fits(const char *tok, size_t len, char c)
{
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')))
        return 0;
    struct fit_at f;
    fit_at_fill(tok, len, 0, &f);
    for (unsigned syl = 0; syl < f.n; syl++)
        if (f.mask[syl] & 1u << ((c & ~0x20) - 'A'))
            return 1;
    return 0;
}

/* 1 when tk is a country or region (word-classes.tsv: place), with the genitive too:
 * 일본의 of 일본의 이화학연구소 says where as 일본 does. Sets *stem to its length
 * without the 의. */
static int place_word(const char *tk, size_t len, size_t *stem)
{
    const char *cls = word_class(tk, len);
    *stem = len;
    if (!cls && len > 3 && span_ends_with(tk, len, "의", 3))
        cls = word_class(tk, *stem = len - 3);
    return cls && !strcmp(cls, "place");
}

int score_place_word(const char *s, size_t len)
{
    size_t stem;
    return place_word(s, len, &stem);
}

/*
 * 1 when tk is a country or region (place_word) that acronym acr
 * does not begin with: where a body is, not its name (미국 of 미국 특허청(USPTO),
 * 중국 of 중국 해사국(MSA)); 일본 of 일본 해상보안청(JCG) begins it. The letter is
 * checked against the English of the token's morphemes (morphemes.tsv: 일본
 * Japan), or, for a name without them, against its first sound (러시아: R).
 */
int score_place_unspelled(const char *tk, size_t len, const char *acr)
{
    if (!place_word(tk, len, &len))
        return 0;
    acr += ascii_skip_nonletters(acr, strlen(acr));
    if (!*acr)
        return 0;
    const char *en[LEX_MAX_FORMS];
    if (initial_fits(tk, len, *acr)) /* 대한민국: 대한 Korea */
        return 0;
    if (lexicon_morpheme_en(tk, len, en, LEX_MAX_FORMS))
        return 1;
    uint32_t first;
    utf8_decode(tk, len, &first);
    if (span_initial_matches_letter(first, *acr))
        return 0;
    /* 요르단 Jordan, 유고슬라비아 Yugoslavia: a y-glide written for J */
    unsigned v = first - 0xAC00, vowel = v % 588 / 28;
    return !(first >= 0xAC00 && first <= 0xD7A3 && v / 588 == 11 && (*acr | 0x20) == 'j' &&
             (vowel == 2 || vowel == 3 || vowel == 6 || vowel == 7 || vowel == 12 || vowel == 17));
}

/*
 * How many letters from a on the later words of a morpheme's English forms
 * spell in order, after the first word gave the letter before a (아태
 * Asia-Pacific gives the P of APT after its A); and, of, for, the spell
 * nothing (과학기술 science and technology is the S, T of KAIST).
 */
static size_t later_words_fit(const char *ko, size_t kl, const char *a)
{
    const char *en[LEX_MAX_FORMS];
    size_t n = lexicon_morpheme_en(ko, kl, en, LEX_MAX_FORMS), best = 0;
    static const char *const minor[] = {"and", "of", "for", "the"};
    for (size_t i = 0; i < n; i++) {
        const char *w = en[i];
        if (ascii_upper((unsigned char)*w) != ascii_upper((unsigned char)a[-1]))
            continue;
        size_t k = 0;
        const char *l = a;
        for (;;) {
            while (ascii_is_letter((unsigned char)*w))
                w++;
            while (*w && *w != '|' && !ascii_is_letter((unsigned char)*w))
                w++;
            if (!ascii_is_letter((unsigned char)*w))
                break;
            size_t wl = 0;
            while (ascii_is_letter((unsigned char)w[wl]))
                wl++;
            int skip = 0;
            for (size_t m = 0; m < sizeof minor / sizeof *minor; m++)
                skip |= wl == strlen(minor[m]) && !ascii_casecmp_n(w, minor[m], wl);
            if (skip)
                continue;
            while (*l && !ascii_is_letter((unsigned char)*l))
                l++;
            if (ascii_upper((unsigned char)*w) != ascii_upper((unsigned char)*l))
                break;
            k++, l++;
        }
        if (k > best)
            best = k;
    }
    return best;
}

/*
 * Share of an acronym's letters that the Korean side spells, in order: each
 * letter is matched by a morpheme (glossaries/lexicon/morphemes.tsv: 한국
 * Korea, 인터넷 Internet, 진흥 Promotion) or a Latin letter further right
 * in ko. 한국인터넷진흥원 spells K, I of KISA; 양자 spells nothing of NIA.
 */
double score_acronym_fit(const char *ko, size_t kl, const char *acr)
{
    /* each letter scans right of the last match, so the morphemes at a place
     * are looked up once, on the first letter that reaches it, and kept */
    enum { MEMO = 192 };
    struct fit_at memo[MEMO], direct;
    unsigned char known[MEMO];
    memset(known, 0, kl < MEMO ? kl : MEMO);
    size_t letters = 0, hit = 0, pos = 0;
    for (const char *a = acr; *a; a++) {
        char c = *a;
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')))
            continue;
        letters++;
        if (c >= 'a')
            c = (char)(c - 'a' + 'A');
        uint32_t bit = 1u << (c - 'A');
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
            struct fit_at *f = p < MEMO ? &memo[p] : &direct;
            if (p >= MEMO || !known[p]) {
                fit_at_fill(ko, kl, p, f);
                if (p < MEMO)
                    known[p] = 1;
            }
            size_t found = 0;
            for (unsigned syl = 0; syl < f->n && !found; syl++)
                if (f->mask[syl] & bit)
                    found = f->end[syl];
            if (found) {
                hit++, pos = found;
                /* the morpheme's later English words spell the letters after */
                for (size_t k = later_words_fit(ko + p, found - p, a + 1); k; k--) {
                    while (!ascii_is_letter((unsigned char)*++a))
                        ;
                    letters++, hit++;
                }
                break;
            }
            p += cl;
        }
    }
    return letters ? (double)hit / (double)letters : 0;
}

/*
 * Consonant skeletons, for "does the Korean side sound like the gloss?" (티빙 and
 * TVING, 네이버 and Naver, 벡스코 and BEXCO; not 인프라 and GPU). Both sides map to
 * nine consonant classes (K N T L M P S J H) in order; vowels, ㅇ and w/y drop.
 */
static size_t hangul_skeleton(const char *s, size_t len, char *out, size_t max)
{
    /* classes of the 19 initial and 27 final jamo of a syllable */
    static const char initial[] = "KKNTTLMPPSSxJJJKTPH";
    static const char final[] = "xKKKNNNTLLLLLLLLMPPSSNJJKTPH";
    size_t n = 0;
    for (size_t i = 0; i < len && n + 2 < max;) {
        uint32_t c;
        i += utf8_decode(s + i, len - i, &c);
        if (c < 0xAC00 || c > 0xD7A3)
            continue;
        unsigned v = c - 0xAC00, ini = v / 588, fin = v % 28;
        if (initial[ini] != 'x')
            out[n++] = initial[ini];
        if (fin && final[fin] != 'x')
            out[n++] = final[fin];
    }
    out[n] = '\0';
    return n;
}

static size_t latin_skeleton(const char *s, char *out, size_t max)
{
    size_t n = 0;
    for (const char *p = s; *p && n + 2 < max; p++) {
        char c = (char)ascii_lower(*p);
        const char *cls = NULL;
        switch (c) {
        case 'b':
        case 'p':
        case 'f':
        case 'v':
            cls = "P";
            break;
        case 'c':
        case 'k':
        case 'g':
        case 'q':
            cls = "K";
            break;
        case 'd':
        case 't':
            cls = "T";
            break;
        case 'l':
        case 'r':
            cls = "L";
            break;
        case 'm':
            cls = "M";
            break;
        case 'n':
            cls = "N";
            break;
        case 's':
        case 'z':
            cls = "S";
            break;
        case 'x':
            cls = "KS";
            break;
        case 'j':
            cls = "J";
            break;
        case 'h':
            cls = n && out[n - 1] == 'K' ? NULL : "H";
            break; /* ch, gh */
        default:
            break;
        }
        for (; cls && *cls && n + 1 < max; cls++)
            if (!n || out[n - 1] != *cls) /* doubled letters sound once: ll, ss */
                out[n++] = *cls;
    }
    out[n] = '\0';
    return n;
}

/* Longest common subsequence of the two skeletons over the longer one: 0..1. */
double score_sound_fit(const char *ko, size_t kl, const char *gloss)
{
    char a[64], b[64];
    size_t na = hangul_skeleton(ko, kl, a, sizeof(a)), nb = latin_skeleton(gloss, b, sizeof(b));
    if (!na || !nb)
        return 0;
    unsigned short row[64] = {0};
    for (size_t i = 0; i < na; i++) {
        unsigned short diag = 0;
        for (size_t j = 0; j < nb; j++) {
            unsigned short up = row[j + 1];
            row[j + 1] = a[i] == b[j] ? (unsigned short)(diag + 1) : (row[j] > up ? row[j] : up);
            diag = up;
        }
    }
    return (double)row[nb] / (double)(na > nb ? na : nb);
}

/* 1 when Latin gloss g has a vowel letter and so may be said as a word (BEXCO, 코이카 of
 * KOICA); SNS, KSP and MPW are said letter by letter. */
static int said_as_word(const char *g)
{
    for (; *g; g++)
        if (strchr("aeiouy", ascii_lower((unsigned char)*g)))
            return 1;
    return 0;
}

int score_reads_acronym(const char *reading, size_t rl, const char *name, size_t nl)
{
    const char *acr = lexicon_acronym_for_ko(name, nl);
    return acr && score_sound_fit(reading, rl, acr) >= SOUND_FIT_NAME;
}

/*
 * Log-odds that a Hangul word is a loanword, from the oracle's spelling model,
 * clamped to [-4, 4] and scaled to [-1, 1]; 0 (no evidence) without an oracle.
 */
static double loan_logodds(const char *s, size_t len, const struct extract_oracle * or)
{
    if (! or || ! or->loanlike || !len)
        return 0;
    double z = or->loanlike(or->data, s, len);
    return (z > 4 ? 4 : z < -4 ? -4 : z) / 4;
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
                    const char *ko, size_t kolen, const char *gloss, const char *const *names,
                    const double *x, size_t n)
{
    struct strbuf f = STRBUF_INIT;
    features_text(&f, names, x, n);
    ALLOC_GROW(*rows, *nrows + 1, *arows);
    struct score_row *r = &(*rows)[(*nrows)++];
    r->model = model;
    r->ko = xmemdupz(ko, kolen);
    r->gloss = xstrdup(gloss);
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

/* ---- the span model ------------------------------------------------------------ */

/* Facts about one token that the span model asks of the first token and its neighbour. */
struct tok_facts {
    const char *cls; /* word class (glossaries/model/word-classes.tsv) or NULL */
    enum ko_stop stop;
    int particle, ends_in, ends_ui, ends_jeok, ends_n, title, numeric, latin, latin_foreign;
    int noun;          /* hunspell-ko knows it as a noun */
    enum ko_form form; /* a verb, adjective or adverb form (hunspell-ko), or none */
    int hangul;        /* syllables */
};

/* 1 when Hangul s[0..len) sounds like one word of Latin gloss g (그린 and Green);
 * a word Korean has already must sound closer (SOUND_FIT_WORD). */
int score_sounds_like_word(const char *s, size_t len, const char *g)
{
    char word[64];
    double min = ko_word_form(s, len) != KO_FORM_NONE || ko_token_stop(s, len) == KO_STOP_HARD
                     ? SOUND_FIT_WORD
                     : SOUND_FIT_NAME;
    size_t gl = strlen(g);
    for (size_t i = 0, n; (n = utf8_next_latin_run(g, gl, &i)); i += n) {
        if (n >= 3 && n < sizeof(word)) { /* whole characters: André */
            memcpy(word, g + i, n);
            word[n] = '\0';
            if (score_sound_fit(s, len, word) >= min)
                return 1;
        }
    }
    return 0;
}

/*
 * The facts of token tk for gloss. All but two depend on the token's bytes
 * alone, and the occurrences of a document share many tokens (one 8 KB
 * release: 212 tokens asked about, 79 distinct; 인터넷 기반 자원 공유 36
 * times each): those facts are kept in cache (token -> struct tok_facts)
 * when it is not NULL. What depends on the gloss (latin_foreign, and a verb
 * form that is a word of the gloss written in Hangul) is worked out each time.
 */
#define FACTS_CACHE_MAX 4096 /* tokens kept: a full cache keeps what it has */
static void tok_facts(const struct tok *tk, const char *gloss, struct strmap *cache,
                      struct tok_facts *f)
{
    const struct tok_facts *kept = cache ? strmap_get(cache, tk->s, tk->len) : NULL;
    if (kept) {
        *f = *kept;
    } else {
        struct ko_script sc;
        ko_script_of(tk->s, tk->len, &sc);
        size_t stem;
        f->cls = place_word(tk->s, tk->len, &stem) ? "place" : word_class(tk->s, tk->len);
        f->stop = ko_token_stop(tk->s, tk->len);
        /* a particle after a Latin or numeric stem too: APEC은, CSW는, G20과 */
        f->particle =
            ko_strip_particle(tk->s, tk->len, sc.hangul > 1 || !sc.latin ? 1 : 0) < tk->len;
        f->ends_in = span_ends_with(tk->s, tk->len, "인", 3) && sc.hangul > 1;
        f->ends_ui = span_ends_with(tk->s, tk->len, "의", 3);
        f->ends_jeok = span_ends_with(tk->s, tk->len, "적", 3);
        uint32_t c = 0;
        size_t lp = utf8_prev(tk->s, tk->len);
        utf8_decode(tk->s + lp, tk->len - lp, &c);
        f->ends_n = c >= 0xAC00 && c <= 0xD7A3 && (c - 0xAC00) % 28 == 4;
        f->title = span_person_title(tk->s, tk->len);
        f->numeric = ko_is_numeric_token(tk->s, tk->len);
        f->latin = sc.latin > 0;
        f->hangul = (int)sc.hangul;
        f->form = ko_word_form(tk->s, tk->len);
        f->noun = ko_is_noun(tk->s, tk->len);
        if (cache && cache->len < FACTS_CACHE_MAX) {
            struct tok_facts *keep = xmalloc(sizeof(*keep));
            *keep = *f;
            strmap_put(cache, tk->s, tk->len, NULL)->value = keep;
        }
    }
    f->latin_foreign = f->latin && !span_mem_casefind(gloss, strlen(gloss), tk->s, tk->len);
    /* a token that writes a word of a Latin gloss in Hangul is that word, not a
     * Korean verb form: 그린 of 그린 딜(Green Deal) is green, not 'drew' */
    if (f->form != KO_FORM_NONE && score_sounds_like_word(tk->s, tk->len, gloss))
        f->form = KO_FORM_NONE;
    /* ... and a name's syllables are no particle: 테로 of 테로 바르조란타(Tero
     * Varjoranta) does not end in 로 */
    if ((f->stop != KO_STOP_NONE || f->particle) && f->hangul > 1 && f->hangul <= 3 && !f->latin &&
        !ko_ends_as_verb(tk->s, tk->len) && score_sounds_like_word(tk->s, tk->len, gloss))
        f->stop = KO_STOP_NONE, f->particle = 0;
}

/* 1 when the gloss holds the first run of digits of token tk (G7 and 7개국). */
static int gloss_has_digits_of(const char *gloss, const struct tok *tk)
{
    size_t i = 0, n;
    while (i < tk->len && (tk->s[i] < '0' || tk->s[i] > '9'))
        i++;
    for (n = 0; i + n < tk->len && tk->s[i + n] >= '0' && tk->s[i + n] <= '9'; n++)
        ;
    return n && span_number_in(gloss, strlen(gloss), tk->s + i, n);
}

/*
 * The facts of the tokens of one occurrence, each worked out once: the
 * starts score_decide weighs ask about the same tokens again and again.
 */
struct facts_memo {
    const struct tok *t;
    const char *gloss;
    struct strmap *cache; /* the section's (tok_facts), or NULL */
    unsigned char done[MAX_TOKS];
    struct tok_facts f[MAX_TOKS];
};

static const struct tok_facts *facts_of(struct facts_memo *fm, int j)
{
    if (!fm->done[j]) {
        tok_facts(&fm->t[j], fm->gloss, fm->cache, &fm->f[j]);
        fm->done[j] = 1;
    }
    return &fm->f[j];
}

/* 1 when token j is in question at the start of a term (see span_start_allowed). */
static int tok_in_question(struct facts_memo *fm, int j)
{
    const struct tok_facts *f = facts_of(fm, j);
    /* a word ending in ㄴ that is no noun is most often a verb's adnominal form the
     * dictionary does not list (지어진 한국 표준형 원전) */
    return f->cls || f->stop != KO_STOP_NONE || f->particle || f->ends_in || f->ends_ui ||
           f->title || f->numeric || f->latin_foreign || f->form != KO_FORM_NONE ||
           (f->ends_n && !f->noun && f->hangul > 1 && !f->latin);
}

/*
 * Which starts the span model may choose. The rules' start s0 carries their
 * evidence (anchors, agreement, the lexicon), which the features do not see:
 * another start is a candidate only where that evidence is thin. A shorter
 * span drops tokens that are all in question (a function word, a particle or
 * adnominal ending, a title, a number, a foreign Latin word), or any tokens
 * when the rules' span came from proportion alone; a longer one adds at most
 * three tokens that can belong to a noun phrase, where the rules' span was
 * proportional or leaves gloss words or acronym letters unrendered, or stops
 * at a middle dot.
 */
static int span_start_allowed(const struct occ *o, const char *gloss, enum model_kind kind,
                              const struct tok *t, int m, int i, int s0, struct facts_memo *fm)
{
    if (i == s0)
        return 1;
    if (o->flags & OCC_LETTERS)
        return 0; /* 씨티 is CT: the words before describe it */
    if (span_bound_noun(&t[i]))
        return 0; /* 간 협력: a term starts at the noun before 간, or after it */
    /* a scope word says where a thing is and starts 2 of the corpus's 4,842 gold
     * spans (국내, 해외, 민간): no other start is offered there */
    const struct tok_facts *fi = facts_of(fm, i);
    if (fi->cls && !strcmp(fi->cls, "scope"))
        return 0;
    if (i > s0) {
        if (o->flags & OCC_EXPANDED)
            return 0; /* the English beside the acronym names the word the span starts at */
        /* an English name that the rules' span spells out in sound, better than the
         * shorter one does, is whole: 지나 of 지나 러몬도(Gina Raimondo) is Gina,
         * however much it looks like a verb's connective form */
        if (kind == MODEL_KIND_ENGLISH) {
            const char *to = t[m - 1].s + t[m - 1].len;
            double whole = score_sound_fit(t[s0].s, (size_t)(to - t[s0].s), gloss);
            if (whole >= SOUND_FIT_NAME &&
                whole > score_sound_fit(t[i].s, (size_t)(to - t[i].s), gloss))
                return 0;
        }
        if (o->weak || tok_in_question(fm, i - 1))
            return 1;
        /* a name that sounds like its Latin gloss after words describing it (사이버
         * 외교사절단 반크 for VANK): evidence the rules' start did not weigh */
        if (kind == MODEL_KIND_ABBREV || kind == MODEL_KIND_ENGLISH) {
            const char *from = t[i].s, *to = t[m - 1].s + t[m - 1].len;
            if (score_sound_fit(from, (size_t)(to - from), gloss) >= SOUND_FIT_NAME)
                return 1;
        }
        for (int j = s0; j < i; j++)
            if (!tok_in_question(fm, j))
                return 0;
        return 1;
    }
    if (s0 - i > 3)
        return 0;
    for (int j = i; j < s0; j++) {
        const struct tok_facts *f = facts_of(fm, j);
        if (kind == MODEL_KIND_ABBREV && !t[j].dot && !span_dotted_region(t, j, m, gloss) &&
            ((f->cls && !strcmp(f->cls, "place") &&
              score_place_unspelled(t[j].s, t[j].len, gloss)) ||
             span_parent_unspelled(t, j, m, gloss)))
            return 0;
        /* nor a person's name (최기영 과학기술정보통신부(이하 과기정통부) 장관) */
        if (f->stop == KO_STOP_HARD || f->numeric || f->latin_foreign || f->particle ||
            span_korean_name(t[j].s, t[j].len) || span_located_at(t, j, m))
            return 0;
    }
    int capitalised, words = (int)words_of(gloss, &capitalised), syl = 0;
    for (int j = s0; j < m; j++)
        syl += (int)ko_syllable_count(t[j].s, t[j].len);
    struct ko_script gs;
    ko_script_of(gloss, strlen(gloss), &gs);
    int unmet = kind == MODEL_KIND_ABBREV ? (double)gs.upper > syl / 2.0 : words > m - s0;
    /* a short form's syllables start where its long form's first word does, which
     * may be after a modifier of the name (신종 코로나바이러스 감염증(코로나19)) */
    int contraction = kind == MODEL_KIND_SHORTFORM && s0 - i == 1;
    return o->weak || unmet || t[s0].dot || contraction;
}

/*
 * Features of the candidate span t[i..m) for gloss, against the rules' choice
 * s0: the first token, the token before it (a particle, a title, a function
 * word or the clause start make a good left edge), what lies inside, and how
 * much of the gloss the span renders (words, acronym letters).
 */
static void span_features(const struct occ *o, const char *gloss, enum model_kind kind,
                          const struct tok *t, int m, int i, int s0,
                          const struct extract_oracle *oracle, struct facts_memo *fm,
                          double *x /* OUT */)
{
    struct tok_facts f = *facts_of(fm, i), p;
    memset(x, 0, SF_COUNT * sizeof(*x));
    x[SF_bias] = 1;
    x[SF_is_rule] = i == s0;
    /* the rules' start came from evidence (an anchor, agreement between occurrences,
     * the lexicon), not from proportion alone */
    x[SF_rule_anchored] = i == s0 && !o->weak;
    x[SF_longer] = i < s0 ? (s0 - i) / 3.0 : 0;
    x[SF_shorter] = i > s0 ? (i - s0) / 3.0 : 0;
    x[SF_tokens] = (m - i) / 4.0;
    x[SF_one_token] = m - i == 1;
    if (f.cls) {
        x[SF_time] = !strcmp(f.cls, "time");
        x[SF_connective] = !strcmp(f.cls, "connective");
        x[SF_deictic] = !strcmp(f.cls, "deictic");
        x[SF_scope] = !strcmp(f.cls, "scope");
        x[SF_range] = !strcmp(f.cls, "range");
        /* a country or region before a name (미국 질병통제예방센터): the last token
         * always belongs (미국(USA)) */
        x[SF_place] = i < m - 1 && !strcmp(f.cls, "place");
    }
    if (i < m - 1) { /* the last token always belongs: its shape says nothing here */
        x[SF_stop_soft] = f.stop == KO_STOP_SOFT;
        x[SF_stop_hard] = f.stop == KO_STOP_HARD;
        x[SF_ends_in] = f.ends_in;
        x[SF_ends_ui] = f.ends_ui;
        x[SF_ends_jeok] = f.ends_jeok;
        x[SF_ends_particle] = f.particle;
        x[SF_ends_n] = f.ends_n;
        x[SF_person_title] = f.title;
        x[SF_org_first] = f.hangul > 1 && span_org_like(t[i].s, t[i].len);
        x[SF_loanlike] = f.hangul > 1 && term_is_loanword(t[i].s, t[i].len);
        x[SF_one_syllable] = f.hangul == 1 && !f.latin;
        /* a verb or adjective modifying the term (열린, 새로운), a connective form or an
         * adverb (개설해, 단연): hunspell-ko's classes */
        x[SF_adnominal] = f.form == KO_FORM_ADNOMINAL;
        x[SF_verb_adverb] = f.form == KO_FORM_CONNECTIVE || f.form == KO_FORM_ADVERB;
    }
    /* a number the gloss does not repeat (3대, 제17차; not 7개국 of G7, 5G of 이음5G) */
    x[SF_numeric] = f.numeric && !gloss_has_digits_of(gloss, &t[i]);
    if (f.hangul > 1 && !f.latin)
        x[SF_loan_odds] = loan_logodds(t[i].s, t[i].len, oracle);
    x[SF_latin_foreign] = f.latin_foreign;
    /* a comma ends a clause: scan.c reaches over commas only for acronyms that may
     * spell a list of nouns (외교, 정보, 군사, 경제(DIME)) */
    if (i == 0 || span_ends_with_comma(&t[i - 1])) {
        x[SF_at_start] = 1;
    } else {
        p = *facts_of(fm, i - 1);
        x[SF_prev_hard] = p.stop == KO_STOP_HARD;
        x[SF_prev_particle] = p.particle;
        x[SF_prev_class] = p.cls != NULL;
        x[SF_prev_place] = p.cls && !strcmp(p.cls, "place");
        x[SF_prev_title] = p.title;
        x[SF_prev_dot] = t[i].dot;
        x[SF_prev_numeric] = p.numeric;
        x[SF_prev_latin] = p.latin_foreign;
        x[SF_prev_adnominal] = p.form == KO_FORM_ADNOMINAL;
        x[SF_prev_verb_adverb] = p.form == KO_FORM_CONNECTIVE || p.form == KO_FORM_ADVERB;
    }
    int syl = 0;
    for (int j = i; j < m; j++) {
        if (j > i && j < m - 1 && ko_token_stop(t[j].s, t[j].len) == KO_STOP_HARD)
            x[SF_inner_hard] = 1;
        if (j > i && t[j].dot)
            x[SF_inner_dot] = 1;
        syl += (int)ko_syllable_count(t[j].s, t[j].len);
    }
    int capitalised;
    int words = (int)words_of(gloss, &capitalised), ntok = m - i;
    if (kind == MODEL_KIND_ABBREV) {
        struct ko_script gs;
        ko_script_of(gloss, strlen(gloss), &gs);
        double ag = gs.upper - syl / 2.0;
        x[SF_acr_gap] = (ag > 3 ? 3 : ag < -3 ? -3 : ag) / 3;
        /* letters left over: the span is too short for the acronym (전원장치 of
         * 무정전 전원장치(UPS)); a longer span is no worse for it */
        x[SF_acr_short] = ag > 0 ? (ag > 3 ? 3 : ag) / 3 : 0; /* but see SF_sound below */
        const char *from = t[i].s, *to = t[m - 1].s + t[m - 1].len;
        x[SF_acr_fit] = score_acronym_fit(from, (size_t)(to - from), gloss);
        x[SF_acr_full] = x[SF_acr_fit] == 1;
    } else {
        x[SF_words_gap] = words > ntok ? (words - ntok > 3 ? 3 : words - ntok) / 3.0 : 0;
        x[SF_words_over] = ntok > words ? (ntok - words > 3 ? 3 : ntok - words) / 3.0 : 0;
        /* a gloss of several words rendered word for word (미지의 위험 = Unknown Risk,
         * 반려동물 돌보미 = 펫 시터) */
        x[SF_words_exact] = words > 1 && words == ntok;
    }
    /* how far from the rules' start, by what the rules knew: a choice is only
     * between starts, so what all of them share (the gloss) enters through these */
    int shortform = (o->flags & OCC_SHORTFORM) != 0;
    x[SF_longer_abbrev] = kind == MODEL_KIND_ABBREV && !shortform ? x[SF_longer] : 0;
    x[SF_shorter_abbrev] = kind == MODEL_KIND_ABBREV && !shortform ? x[SF_shorter] : 0;
    x[SF_longer_english] = kind == MODEL_KIND_ENGLISH ? x[SF_longer] : 0;
    x[SF_shorter_english] = kind == MODEL_KIND_ENGLISH ? x[SF_shorter] : 0;
    x[SF_longer_loanword] = kind == MODEL_KIND_LOANWORD ? x[SF_longer] : 0;
    x[SF_shorter_loanword] = kind == MODEL_KIND_LOANWORD ? x[SF_shorter] : 0;
    x[SF_longer_shortform] = shortform ? x[SF_longer] : 0;
    x[SF_shorter_shortform] = shortform ? x[SF_shorter] : 0;
    x[SF_longer_weak] = o->weak ? x[SF_longer] : 0;
    x[SF_shorter_weak] = o->weak ? x[SF_shorter] : 0;
    /* a Latin gloss that the span sounds like (부산 벡스코 against 벡스코 for BEXCO) */
    if (kind == MODEL_KIND_ABBREV || kind == MODEL_KIND_ENGLISH) {
        const char *from = t[i].s, *to = t[m - 1].s + t[m - 1].len;
        x[SF_sound] = score_sound_fit(from, (size_t)(to - from), gloss);
        /* no letters are left over when the span spells the acronym out in sound:
         * 벡스코 (BEXCO); an acronym with no vowel is said letter by letter, and a word
         * that shares its consonants does not say it (서비스 of 사회 관계망 서비스(SNS)) */
        if (x[SF_sound] >= SOUND_FIT_NAME && (kind != MODEL_KIND_ABBREV || said_as_word(gloss)))
            x[SF_acr_short] = 0;
    }
    /* the lexicon's Korean name for a Latin gloss, exactly (정보통신기술 for ICT, not
     * 메타버스·정보통신기술); a plain form of a loanword is only the least a term
     * covers (실증 시험대(테스트베드)) */
    if (kind == MODEL_KIND_ABBREV || kind == MODEL_KIND_ENGLISH)
        x[SF_lex_name] =
            lexicon_is_ko_form(gloss, t[i].s, (size_t)(t[m - 1].s + t[m - 1].len - t[i].s));
    /* a name joined by a middle dot (인도·태평양 경제프레임워크) before an acronym */
    x[SF_prev_dot_abbrev] = kind == MODEL_KIND_ABBREV ? x[SF_prev_dot] : 0;
    x[SF_inner_dot_abbrev] = kind == MODEL_KIND_ABBREV ? x[SF_inner_dot] : 0;
}

/* ---- the pair model ------------------------------------------------------------ */

/*
 * 1 when gloss g ends with an organisation's word of two syllables or more (센터,
 * 재단, 위원회) that follows a word of its own and that the Korean side ko does
 * not end with: the gloss names a body, and ko is no other name for it.
 */
static int names_other_body(const char *g, size_t gl, const char *ko, size_t kl)
{
    for (size_t i = utf8_prev(g, gl); i > 0; i = utf8_prev(g, i)) {
        size_t n = gl - i;
        if (ko_syllable_count(g + i, n) >= 2 && ko_syllable_count(g, i) >= 1 &&
            lexicon_word_index(LEX_ORG_SUFFIXES, g + i, n) >= 0)
            return !span_ends_with(ko, kl, g + i, n);
    }
    return 0;
}

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

static void pair_features(const struct occ *o, const char *gloss, enum model_kind kind,
                          const char *ko, const struct tok *t, int s, int m, int bol,
                          const struct extract_oracle *oracle, double *x /* OUT */)
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
    x[PF_kind_abbrev] = kind == MODEL_KIND_ABBREV;
    x[PF_kind_english] = kind == MODEL_KIND_ENGLISH;
    x[PF_kind_loanword] = kind == MODEL_KIND_LOANWORD;
    x[PF_kind_native] = kind == MODEL_KIND_NATIVE;
    x[PF_kind_shortform] = kind == MODEL_KIND_SHORTFORM;
    x[PF_chain] = (o->flags & OCC_CHAIN) != 0;
    x[PF_quoted] = (o->flags & OCC_QUOTED) != 0;
    x[PF_angle] = (o->flags & OCC_ANGLE) != 0;
    x[PF_spaced] = (o->flags & OCC_SPACED) != 0;
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
    if (ks.hangul && !ks.latin)
        x[PF_ko_loan_odds] = loan_logodds(ko, kl, oracle);
    if (gs.hangul && !gs.latin)
        x[PF_gloss_loan_odds] = loan_logodds(gloss, gl, oracle);
    if (kind == MODEL_KIND_ABBREV || kind == MODEL_KIND_ENGLISH)
        x[PF_sound_fit] = score_sound_fit(ko, kl, gloss);
    x[PF_reversed] = (o->flags & OCC_REVERSED) != 0;
    /* plain words listed as alternatives, in a document about plain words */
    x[PF_dotted] = (o->flags & OCC_DOTTED) != 0;
    /* loanword(Korean) where the Korean is a place or a time (코시스센터(서울 중구),
     * 컨벤션센터(오후)): where and when, not a plain word for the loanword */
    if (x[PF_reversed]) {
        const char *sp = memchr(ko, ' ', kl);
        x[PF_reversed_class] = word_class(ko, sp ? (size_t)(sp - ko) : kl) != NULL;
    }
    double kw = ks.hangul * 3.0 + ks.latin + ks.digit, gw = gs.hangul * 3.0 + gs.latin + gs.digit;
    x[PF_len_ratio] = log((kw + 1) / (gw + 1));
    int caps;
    unsigned nw = words_of(gloss, &caps);
    x[PF_gloss_capitalised] = kind == MODEL_KIND_ENGLISH && caps;
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
    if (kind == MODEL_KIND_ABBREV) {
        x[PF_acr_per_token] = (double)gs.upper / (ntok ? ntok : 1) / 4.0;
        x[PF_acr_initial] = s >= 0 && initial_fits(t[s].s, t[s].len, gloss[0]);
        x[PF_acr_fit] = score_acronym_fit(ko, kl, gloss);
        /* a loanword whose acronym neither spells it nor sounds like it: 인프라(GPU) */
        x[PF_loan_acr_mismatch] = x[PF_ko_loanlike] && x[PF_acr_fit] == 0 && x[PF_sound_fit] < 0.5;
        /* an acronym that neither spells the Korean side nor sounds like it, nor
         * shares a Latin letter with it: AI반도체(IITP), 양자(NIA) */
        x[PF_acr_unrelated] = x[PF_acr_fit] == 0 && !x[PF_ko_loanlike] && !x[PF_lex_match];
        /* the lexicon knows the acronym as an organisation, and the Korean side names
         * none (양자(NIA): a field with its agency) */
        const char *lk = lexicon_acronym_kind(gloss, gl);
        x[PF_body_nonorg] = lk && !strcmp(lk, "body") && !x[PF_ko_org] && !x[PF_ko_loanlike];
    }
    /* the gloss names a country or region: where the place is (이스탄불(터키)), not
     * another name for it, unless it shortens the term (중화인민공화국(중국)) */
    {
        const char *gc = word_class(gloss, gl);
        x[PF_gloss_place] = gc && !strcmp(gc, "place");
    }
    /* a Hangul gloss that names a body of another kind than the Korean side: where
     * the thing is or who runs it (프놈펜 대학교(한캄협력센터); reversed,
     * 경주화백컨벤션센터(경주 보문단지 소재)), not another name for it
     * (세계경제포럼(다보스포럼)); a native gloss naming a body is a loanword
     * name's Korean (아세안(동남아시아국가연합)) */
    if (kind == MODEL_KIND_LOANWORD && !gs.latin)
        x[PF_gloss_body] = names_other_body(gloss, gl, ko, kl);
    /* the gloss is hanja that the Korean side reads (국방과학연구소, 國防科學硏究所) */
    x[PF_hanja_read] = (o->flags & OCC_HANJA) != 0;
    /* a document about plain words (다듬은 말, 순화어, 쉬운 우리말): lists of X(Y)
     * are words and their replacements, a native gloss restates, and loanword(plain)
     * is the way such documents write a pair */
    if (o->flags & OCC_PLAIN_DOC) {
        x[PF_plain_doc] = 1;
        x[PF_plain_list] = x[PF_why_list] || x[PF_chain];
        x[PF_plain_native] = x[PF_kind_native] || x[PF_why_native];
        x[PF_plain_reversed] = x[PF_reversed];
    }
}

/* ---- deciding ------------------------------------------------------------------ */

/* The strongest contributions, for --explain: "score 0.21 (against: a -1.3, b -0.6; for: c +0.4)".
 */
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
            snprintf(num, sizeof(num), "%s%s %+.2f",
                     shown ? ", " : (side ? "; for: " : "; against: "), pair_names[best],
                     pair_w[best] * x[best]);
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

void score_decide(struct occ *o, const char *line, const struct extract_oracle *oracle,
                  struct strmap *facts, char **why_out, struct score_row **rows, size_t *nrows,
                  size_t *arows)
{
    *why_out = NULL;
    if ((o->flags & OCC_REVERSED) && o->kind != MODEL_KIND_LOANWORD)
        return; /* Latin(Korean): the acronym rules decided, and nothing can move */
    const char *span = o->ko ? o->ko : o->cand;
    if (!span)
        return; /* refused outright: a date, an amount, a credit, no Korean side */
    const char *gloss = o->ko ? o->gloss_out : o->gloss;
    enum model_kind kind = o->ko ? o->kind : o->cand_kind;

    struct tok t[MAX_TOKS];
    int m = (int)span_tokenize(o->left, t);
    size_t llen = strlen(o->left), slen = strlen(span);
    int s0 = -1;
    if (m && slen <= llen && !memcmp(o->left + llen - slen, span, slen))
        for (int i = 0; i < m; i++)
            if (t[i].s == o->left + llen - slen)
                s0 = i;
    int s = s0;
    /* loanword(Korean): the inside, whole; hanja: the syllables that read it; a name
     * built as "X에 관한 Y" or nouns coordinated with 및: the whole of it (its particles
     * and commas would weigh against it) */
    if (o->flags & (OCC_REVERSED | OCC_HANJA | OCC_PHRASE | OCC_SAMETERM | OCC_COORD))
        s0 = s = -1;
    if (s0 >= 0) {
        /* every start from SPAN_REACH tokens left of the bracket; the best score wins,
         * the rules' start on a tie */
        double x[SF_COUNT];
        int first = m - SPAN_REACH < 0 ? 0 : m - SPAN_REACH;
        if (s0 < first)
            first = s0;
        struct facts_memo fm;
        fm.t = t;
        fm.gloss = gloss;
        fm.cache = facts;
        memset(fm.done, 0, sizeof(fm.done));
        span_features(o, gloss, kind, t, m, s0, s0, oracle, &fm, x);
        double best = dot(span_w, x, SF_COUNT);
        for (int i = m - 1; i >= first; i--) {
            if (!span_start_allowed(o, gloss, kind, t, m, i, s0, &fm))
                continue;
            span_features(o, gloss, kind, t, m, i, s0, oracle, &fm, x);
            double z = dot(span_w, x, SF_COUNT);
            if (rows)
                add_row(rows, nrows, arows, "span", t[i].s, (size_t)(o->left + llen - t[i].s),
                        gloss, span_names, x, SF_COUNT);
            if (i != s0 && z > best)
                best = z, s = i;
        }
    }
    const char *from = s >= 0 ? t[s].s : span;
    size_t flen = s >= 0 ? (size_t)(o->left + llen - from) : slen;
    /* a count glued to the term (15나노미터, 6자유도, 374억톤, 5874만9261메가와트시) unless
     * the gloss has digits: the term starts after it, and what stands before the count
     * (늘어난 5874만9261메가와트시) describes the amount, not the term */
    if (!strpbrk(gloss, "0123456789")) {
        for (size_t i = flen; i-- > 1;)
            if (from[i - 1] == ' ' && from[i] >= '0' && from[i] <= '9') {
                from += i, flen -= i;
                break;
            }
        size_t d = 0, cut = 0;
        for (;;) {
            while (d < flen &&
                   ((from[d] >= '0' && from[d] <= '9') || from[d] == '.' || from[d] == ','))
                d++;
            if (!d || d + 3 > flen || !(from[d - 1] >= '0' && from[d - 1] <= '9') ||
                !(!memcmp(from + d, "만", 3) || !memcmp(from + d, "억", 3) ||
                  !memcmp(from + d, "조", 3) || !memcmp(from + d, "천", 3)))
                break;
            d += 3; /* a large number in words and digits: 5874만9261 */
            cut = d;
        }
        if (d < cut)
            d = cut;
        if (d && d < flen && (unsigned char)from[d] >= 0x80)
            from += d, flen -= d;
    }

    double x[PF_COUNT];
    char *ko = xmemdupz(from, flen);
    pair_features(o, gloss, kind, ko, t, s, m, clause_at_line_start(o, line), oracle, x);
    o->score = sigmoid(dot(pair_w, x, PF_COUNT));
    if (rows)
        add_row(rows, nrows, arows, "pair", ko, flen, gloss, pair_names, x, PF_COUNT);
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
