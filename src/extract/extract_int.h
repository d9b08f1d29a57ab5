/*
 * extract_int.h - the extractor's internal data model (module extract only).
 *
 * A line is scanned once (scan.c). Every bracket group that may hold a gloss
 * becomes an occurrence: the clause to its left, the cleaned gloss
 * (gloss.c), the text glued to its right, and flags. Occurrences wait until
 * the document ends, because the span of one depends on the others
 * (span.c); doc.c then groups them into pairs.
 *
 *    ...개최되는 주요 7개국(G7) 디지털 기술 장관회의에
 *    \_______ left ______/ \gloss/\___ right ...
 *                 clause start: after the last hard boundary
 *
 * Whatever may ask the document's oracle (struct extract_oracle, NULL for
 * none) takes it as a parameter: the extractor keeps no state outside the
 * document, so two documents with different oracles may be read at once.
 */
#ifndef DADEUM_EXTRACT_EXTRACT_INT_H
#define DADEUM_EXTRACT_EXTRACT_INT_H

#include <stddef.h>

#include "extract/extract.h"
#include "text/korean.h"
#include "util/strbuf.h"

enum occ_flags {
    OCC_SHORTFORM = 1 << 0,  /* the bracket defined a short form with 이하 */
    OCC_TITLE = 1 << 1,      /* term and bracket sit at the end of a 「title」 */
    OCC_QUOTED = 1 << 2,     /* the gloss itself was quoted: ('이음5G') */
    OCC_CHAIN = 1 << 3,      /* one item of a list of X(Y) items */
    OCC_ATTRIB = 1 << 4,     /* followed by 기준/집계/자료...: a source, not a gloss */
    OCC_REVERSED = 1 << 5,   /* gloss(term): the Korean side is inside */
    OCC_ANGLE = 1 << 6,      /* written with <> rather than () */
    OCC_SPACED = 1 << 7,     /* a space before the bracket: X (Y), often an aside */
    OCC_HANJA = 1 << 8,      /* the gloss is hanja read by the syllables before it */
    OCC_PHRASE = 1 << 9,     /* the term is a name built as "X에 관한 Y" */
    OCC_SAMETERM = 1 << 10,  /* an acronym beside a short form's definition: its term */
    OCC_PLAIN_DOC = 1 << 11, /* the document is about plain words (다듬은 말, 순화어) */
    OCC_DOTTED = 1 << 12,    /* plain words listed with dots or commas (모임·회의): an
                                enumeration unless the document is about plain words */
    OCC_EXPANDED = 1 << 13,  /* the term starts at a word the acronym's English expansion
                                names (넷제로 of Net Zero Industry Act): no shorter span */
    OCC_COORD = 1 << 14,     /* the term is nouns coordinated with 및 or commas whose
                                initials the acronym spells (과학, 기술, 공학 및 수학(STEM)) */
    OCC_PARALLEL = 1 << 15,  /* a dotted gloss of as many items as the dotted words before
                                it (가상·증강현실(VR·AR)): the term crosses the dots */
    OCC_LETTERS = 1 << 16,   /* the word before the bracket names the acronym's letters
                                (씨티(CT), 에이오에이(AOA)): it alone is the term */
    OCC_RESTATES = 1 << 17,  /* a Korean restatement beside a Latin gloss, back places
                                before it (유네스코(UNESCO, 국제연합교육과학문화기구)): it
                                glosses the term that gloss was paired with */
    OCC_ITEM = 1 << 18       /* the clause is a bulleted list item the bracket closes
                                (△제품 안전성 입증(Safety Substantiation) △…) */
};

struct occ {
    unsigned long line; /* source line number */
    size_t line_idx;    /* index of the line's context string in the doc */
    char *left;         /* the clause before the bracket, trimmed */
    char *gloss;        /* cleaned gloss text (or the Korean term if reversed) */
    char *expansion;    /* English long form found with an acronym, or NULL */
    char right[48];     /* up to a few characters glued after the bracket */
    unsigned flags;     /* enum occ_flags */
    unsigned order;     /* position in the document, for stable output */
    unsigned back;      /* OCC_RESTATES: how many occurrences back its Latin gloss is */
    unsigned chain;     /* OCC_CHAIN: which list of X(Y) items of its line (1, 2, ...):
                           two lists on one line decide apart (doc.c chain_consensus) */

    /* decided by span.c */
    int weak;                  /* span chosen by proportion alone (no anchor, no agreement) */
    char *ko;                  /* the Korean term, NULL when rejected */
    char *gloss_out;           /* the gloss as reported */
    enum model_kind kind;      /* kind of the gloss */
    const char *why;           /* reason when rejected */
    char *cand;                /* rejected by a rule evidence may overturn: the span it
                                * would have taken (the scorer decides), else NULL */
    enum model_kind cand_kind; /* the kind that span would have had */
    double score;              /* the scorer's probability that this is a pair */
};

/* ---- gloss.c ---------------------------------------------------------------- */

/*
 * Cleans the inside of a bracket into out and sets OCC_SHORTFORM/OCC_QUOTED
 * in *flags. Returns NULL when the inside can be a gloss, or a static reason
 * ("date", "enumeration", ...) when it cannot. expansion receives an English
 * long form given beside an acronym ("KISA, Korea Internet & Security Agency",
 * "EAS : East Asia Summit"); extra the other glosses of a bracket of several
 * items ("國防科學硏究所, Agency for Defense Development, ADD": ADD, with the
 * hanja and, when its initials do not fit, the English as extras). oracle
 * tells a loanword item from a Korean one (NULL: syllables and lexicon only).
 */
struct gloss_extra {
    struct strbuf g[3]; /* more glosses of the same term: hanja, English, a loanword */
    size_t n;           /* how many are set */
    unsigned restates;  /* bit i: g[i] is a Korean restatement that takes the term of
                         * the gloss beside it: the one a hanja's reading decides
                         * (懈怠, 게으름), or the one an acronym or English name found
                         * before the bracket (UNESCO, 국제연합교육과학문화기구) */
};
#define GLOSS_EXTRA_INIT                                                                           \
    {                                                                                              \
        {STRBUF_INIT, STRBUF_INIT, STRBUF_INIT}, 0, 0                                              \
    }
const char *gloss_clean(const char *inner, size_t len, const struct extract_oracle *oracle,
                        struct strbuf *out, unsigned *flags, struct strbuf *expansion /* OUT */,
                        struct gloss_extra *extra /* OUT: glosses beside the first */);

/* 1 when s (no spaces) looks like an acronym: CEO, G7, R&D, SaaS, K-CLOUD. */
int gloss_is_acronym_token(const char *s, size_t len);
/* 1 when s[0..len) is a file's type in lower case (pdf, png, hwp) or a table or
 * figure of a paper (Table 1, Fig. 2): what a bracket points at, not a name. */
int gloss_file_reference(const char *s, size_t len);
/* 1 when s[0..len) is a web address without its scheme: lower-case labels of letters,
 * digits and hyphens joined by dots, ending in a top-level domain (kncap.org,
 * malteo.korean.go.kr). */
int gloss_domain_name(const char *s, size_t len);
/* Where the unit begins in token s[0..len) when it is an amount glued to its unit
 * and nothing more (1Bq, 100㎿, 3.5GHz); 0 otherwise (5G, 3D). */
size_t gloss_unit_after_amount(const char *s, size_t len);
/* 1 when s[0..4) is a year, four digits from 1000 to 2999 (s has four bytes). */
int gloss_is_year(const char *s);

/* Kind of a gloss from its own shape (before comparing it with the term). */
enum model_kind gloss_shape_kind(const char *gloss, size_t len,
                                 const struct extract_oracle *oracle);

/* 1 when Hangul text s looks like a transliterated loanword (may ask the oracle). */
int gloss_is_loanword(const char *s, size_t len, const struct extract_oracle *oracle);
/* The same without the oracle: syllables and lexicon only (for the Korean side). */
int term_is_loanword(const char *s, size_t len);
/*
 * 1 when a word of Korean text s is native though a syllable of it reads no hanja
 * (which makes term_is_loanword take it for borrowed): a dictionary noun the
 * oracle does not read as an English word (동네, 팻말, 미세먼지), or a verb's noun
 * in -기 (다듬기). Without an oracle only the latter: the dictionary lists 피켓 too.
 */
int term_has_native_word(const char *s, size_t len, const struct extract_oracle *oracle);

/* ---- scan.c ----------------------------------------------------------------- */

struct extract_doc;
/* Appends the occurrences of one normalised line to d. */
void scan_line(struct extract_doc *d, const char *s, size_t len, unsigned long lineno,
               size_t line_idx);

/* The oracle d was given at extract_doc_new, or NULL. */
const struct extract_oracle *doc_oracle(const struct extract_doc *d);
/* Adds a finished occurrence (takes ownership of its strings). */
void doc_add_occ(struct extract_doc *d, struct occ *o);
/* Counts n bracket groups of line that scan_line did not read (over its cap). */
void doc_note_unread(struct extract_doc *d, unsigned long line, unsigned long n);
/* Records a rejected candidate when --explain is on. */
void doc_add_reject(struct extract_doc *d, unsigned long line, const char *left, size_t llen,
                    const char *inner, size_t ilen, const char *reason);

/* ---- span.c ----------------------------------------------------------------- */

#define MAX_TOKS 32 /* tokens of left context considered */

/* The reason of a bracket followed by 기준, 집계 or 자료 (시장 규모(IDC) 기준): it may
 * name the source of a figure rather than gloss the words before it, or both
 * (순안정자금조달비율(NSFR) 기준); span.c refuses an acronym the lexicon names
 * otherwise and leaves the rest to the pair model without a verdict */
#define WHY_ATTRIBUTION "source attribution (기준, 집계, 자료 follow)"

struct tok {
    const char *s;     /* start, inside the left context */
    size_t len;        /* bytes */
    int dot;           /* 1 when a middle dot (no space) separates it from the previous token */
    enum ko_stop stop; /* as a token standing before a term */
};

/* Splits left into at most MAX_TOKS tokens (the last ones). Returns the count. */
size_t span_tokenize(const char *left, struct tok *t /* OUT: MAX_TOKS */);
/* 1 when needle occurs in hay, ASCII letters compared without case. */
int span_mem_casefind(const char *hay, size_t hlen, const char *needle, size_t nlen);
/* 1 when the digits d[0..dl) occur in g[0..glen) as a whole number (not 2 in 2011). */
int span_number_in(const char *g, size_t glen, const char *d, size_t dl);
/* 1 when s[0..len) ends with p[0..plen). */
int span_ends_with(const char *s, size_t len, const char *p, size_t plen);
/* 1 when s ends like the name of an organisation (위원회, 연구원, 협회, ...). */
int span_org_like(const char *s, size_t len);
/* 1 when token t ends in a comma (an item of a list: 기술,). */
int span_ends_with_comma(const struct tok *t);
/* Words of s[0..len): runs of characters other than spaces. */
unsigned span_word_count(const char *s, size_t len);
/* The next word of s[0..len) at or after *i, words split at spaces: moves *i past the
 * spaces to the word's start and returns its end (*i == len, the end, when none is left). */
size_t span_next_word(const char *s, size_t len, size_t *i);
/* The two items of s[0..len) either side of its one comma or middle dot, the spaces
 * by the separator trimmed (아세안, 동남아국가연합): 1 and sets a, al, b, bl; 0 when
 * s has no separator or more than one. */
int span_two_items(const char *s, size_t len, const char **a, size_t *al, const char **b,
                   size_t *bl);
/* The Korean name of Latin letter c (either case) as Korean writes it: variant 0 the
 * usual one (씨 for C, 케이 for K), 1 another one or NULL (시 for C); NULL for no letter. */
const char *span_letter_name(char c, int variant);
/* 1 when t[i] is a parent body before a body's name that acronym acr does not
 * spell (문화체육관광부 of 문화체육관광부 해외문화홍보원(KOCIS)). */
int span_parent_unspelled(const struct tok *t, int i, int m, const char *acr);
/* 1 when t[s] begins names joined by middle dots whose letters acronym acr spells. */
int span_dotted_region(const struct tok *t, int s, int m, const char *acr);
/* 1 when t is the bound noun 간, 전 or 후, which no term starts with. */
int span_bound_noun(const struct tok *t);
/* 1 when s ends with a person's title (교수, 장관, 원장, ...). */
int span_person_title(const char *s, size_t len);
/* Can an acronym's letter c stand for a word whose first syllable is s (ㅍ: P, F)? */
int span_initial_matches_letter(uint32_t s, char c);
int span_korean_name(const char *s, size_t len);
/* 1 when Hangul s[0..len) sounds like one word of Latin gloss g (그린 and Green; score.c). */
int score_sounds_like_word(const char *s, size_t len, const char *g);
/* 1 when some word of the English text e[0..el) (words of letters) is a content word of
 * expansion x: equal, or sharing the first five letters (manage, management). */
int span_english_in_expansion(const char *e, size_t el, const char *x);
/* 1 when t[i] of t[0..m) is 소재 spaced before a name: where it is, not part of it. */
int span_located_at(const struct tok *t, int i, int m);
/* How much Hangul ko[0..kl) sounds like Latin gloss: consonant skeletons in nine
 * classes, their longest common subsequence over the longer (score.c). */
double score_sound_fit(const char *ko, size_t kl, const char *gloss);
/* 1 when Hangul reading[0..rl) sounds like the acronym whose Korean name the lexicon
 * gives as name[0..nl): 아세안 and 동남아시아국가연합 (ASEAN) (score.c). */
int score_reads_acronym(const char *reading, size_t rl, const char *name, size_t nl);
/* Share of acronym acr's letters that ko[0..kl) spells in order, by morphemes
 * and Latin letters (score.c). */
double score_acronym_fit(const char *ko, size_t kl, const char *acr);
/* 1 when token tk names a country or region that acronym acr does not begin
 * with (미국 of 미국 특허청(USPTO); not 일본 of 일본 해상보안청(JCG)). */
int score_place_unspelled(const char *tk, size_t len, const char *acr);
/* 1 when s[0..len) names a country or region (word-classes.tsv: place), 의 aside. */
int score_place_word(const char *s, size_t len);
/* A sound fit at least this close says the Hangul is the Latin name written in
 * Hangul (마리아 헬레나 안드레 = Maria Helena André, 반크 = VANK). */
#define SOUND_FIT_NAME 0.6
/* ... and this close, for a word Korean already has (a verb, adjective or adverb
 * form, a function word): 그린 is Green (1.0), 함께 is not MICE (0.67). */
#define SOUND_FIT_WORD 0.8

/* Knowledge gathered across the document before spans are decided. */
struct doc_knowledge;
struct doc_knowledge *knowledge_new(void);
void knowledge_free(struct doc_knowledge *k);
/* Records that gloss renders ko in this document (AI -> 인공지능). */
void knowledge_add(struct doc_knowledge *k, const char *gloss, const char *ko);
/* Records the agreed suffix of the spans of gloss (from several occurrences). */
void knowledge_set_agreed(struct doc_knowledge *k, const char *gloss, const char *suffix);

/* Records another rendering of gloss decided in this document. */
void knowledge_add_sibling(struct doc_knowledge *k, const char *gloss, const char *ko);

/*
 * For an occurrence whose span was chosen by proportion alone: extends it by
 * one token when another rendering of the same gloss in the document starts
 * with the word just left of it (민관 협치체계 beside 민관협치).
 */
void span_extend_by_siblings(struct occ *o, const struct doc_knowledge *k);

/*
 * Computes, over the occurrences of one gloss, the token suffix of their
 * left contexts on which they agree (see docs/extraction.md). Appends it to
 * out (spaces removed) and returns 1, or returns 0 when there is none.
 */
int span_agreement(struct occ **occs, size_t n, struct strbuf *out);

/*
 * Decides o->ko, o->gloss_out and o->kind, or leaves o->ko NULL with o->why.
 * pass 1 decides only the strong pairs (abbreviations, short forms, reversed);
 * pass 2 the rest, with what pass 1 taught k.
 */
void span_decide(struct occ *o, struct doc_knowledge *k, const struct extract_oracle *oracle,
                 int pass);

/* ---- score.c ---------------------------------------------------------------- */

/*
 * The fitted model (glossaries/model/, docs/extraction.md "Scoring"): the
 * edge model moves the left edge of every candidate span a token at a time,
 * then the pair model gives the probability that the candidate is a pair.
 * score_decide sets o->ko (accepted) or o->why (rejected, with the score and
 * the strongest features; the string is appended to reasons, which owns it).
 */
struct score_row {
    const char *model; /* "pair" or "span" */
    char *ko;          /* the candidate span (span: the span starting at that token) */
    char *gloss;       /* the candidate's gloss, as scored */
    char *features;    /* "name:value" pairs separated by spaces, non-zero only */
};
struct strmap;
/* facts: what the span model found about tokens of the document's occurrences
 * so far, kept for the next (token -> its facts, values freed with free); NULL:
 * nothing kept */
void score_decide(struct occ *o, const char *line /* the occurrence's line */,
                  const struct extract_oracle *oracle, struct strmap *facts,
                  char **why_out /* OUT: owned reason, or NULL */, struct score_row **rows,
                  size_t *nrows, size_t *arows /* with features */);

#endif
