/*
 * translit.h - Hangul loanword -> English (클라우드 -> cloud).
 *
 * Back-transliteration by search: every word of the CMU pronouncing
 * dictionary (Debian's festlex-cmu) was rendered into Hangul at build time by
 * the official loanword orthography (외래어 표기법 제3장 제1절, over the IPA
 * table of 제2장; see translit_ortho.c), and the index of those renderings is compiled
 * into the library. A Korean word is decomposed into jamo and compared with
 * the renderings by a weighted jamo edit distance in which similar jamo
 * (ㅔ/ㅐ, ㅓ/ㅗ, ㅂ/ㅍ, 받침 ㅅ/ㄷ ...) cost less; hunspell en_US (spell.h)
 * tells real words from the names the dictionary also holds, and the SCOWL
 * word lists (Debian's scowl) give each word a frequency tier that orders
 * homophones (세일: sale before sail). Common words newer than the 2008 CMU
 * list (web, blog, selfie) are pronounced at build time by flite's CMU
 * lexicon and letter-to-sound rules. Loanwords read off the spelling
 * (사우나, 마라톤) are found by letter readings that Debian's Korean
 * dictionary (hunspell-ko) attests at build time. When no single
 * word fits, the Korean word is split into two or three parts (게임+체인저 ->
 * game changer).
 *
 *   struct translit *t = translit_new(0, NULL);
 *   struct translit_candidate c[5];
 *   int n = translit_lookup(t, "클라우드", strlen("클라우드"), c, 5);
 *   ... c[0].en is "cloud" ...
 *   translit_free(t);
 *
 * A handle is not thread-safe; make one per thread. The first translit_new
 * builds shared cost tables: call it before starting threads.
 */
#ifndef DADEUM_ALIGN_TRANSLIT_H
#define DADEUM_ALIGN_TRANSLIT_H

#include <stddef.h>

#include "align/spell.h"
#include "util/strbuf.h"

enum translit_flags {
    TRANSLIT_NO_SPELL = 1 << 0 /* do not load hunspell: rank by distance alone */
};

enum translit_cand_flags {
    TRANSLIT_CAND_WORD = 1 << 0,       /* hunspell en_US accepts every part */
    TRANSLIT_CAND_COMPOUND = 1 << 1,   /* made of two or three index words */
    TRANSLIT_CAND_DERIVED = 1 << 2,    /* an agent noun derived at build time */
    TRANSLIT_CAND_COLLOCATION = 1 << 3 /* a compound WordNet lists spaced or hyphenated */
};

#define TRANSLIT_EN_MAX 96 /* bytes of an English candidate, with the NUL */

struct translit_candidate {
    char en[TRANSLIT_EN_MAX]; /* English, lower case, NUL-terminated */
    double score;             /* confidence in (0, 1]; 1 = exact rendering of one of
                                 the commonest words (SCOWL size 10) */
    int distance;             /* jamo distance in tenths of a substitution */
    unsigned flags;           /* enum translit_cand_flags */
};

struct translit;

/*
 * Returns a new transliterator (caller frees with translit_free). Loads
 * hunspell en_US unless flags has TRANSLIT_NO_SPELL; when the dictionary is
 * missing it still works, ranking by distance alone, and *spell_status (may
 * be NULL) says why. Never returns NULL.
 */
struct translit *translit_new(unsigned flags, enum spell_status *spell_status /* OUT */);

/* Frees t; accepts NULL. */
void translit_free(struct translit *t);

/*
 * Finds English words whose Hangul rendering is close to the Hangul word
 * s[0..len) (precomposed syllables only, no spaces). Writes up to max
 * candidates, best first, to out and returns how many: 0 when none is
 * credible, -1 when s is empty, not all Hangul, or longer than 30 syllables.
 */
int translit_lookup(struct translit *t, const char *s, size_t len,
                    struct translit_candidate *out /* OUT */, size_t max);

/*
 * Renders a gloss that mixes scripts ("AI 원스톱 바우처") into English,
 * appending to out: Latin and digit runs are kept as written, each Hangul run
 * is replaced by its best candidate, and the parts are joined by single
 * spaces (none beside a hyphen the gloss writes against them). A Hangul run with no credible
 * candidate is kept as it is. Returns the number of Hangul runs kept untranslated (0 = all
 * translated), or -1 when s is not valid UTF-8 (out is then unchanged).
 */
int translit_gloss(struct translit *t, const char *s, size_t len, struct strbuf *out);

enum translit_source {
    TRANSLIT_SRC_TRANSLIT = 1 << 0, /* a run rendered by transliteration */
    TRANSLIT_SRC_TABLE = 1 << 1     /* a run spelled by the catalogue tables (attested.h) */
};
/* translit_gloss, also OR-ing into *sources where the English of each Hangul run came from,
 * and setting *weakest (when not NULL) to the least score of the runs it transliterated
 * (1.0 when the tables spelled them all). */
int translit_gloss_sources(struct translit *t, const char *s, size_t len, struct strbuf *out,
                           unsigned *sources /* OUT */, double *weakest /* OUT */);

/* Number of entries (word renderings) in the compiled index. */
size_t translit_index_size(void);

#endif
