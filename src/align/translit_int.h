/*
 * translit_int.h - the parts of the transliterator shared by src/align/ and
 * by the build-time generator src/gen/gen_translit.c.
 *
 * Jamo strings. A Hangul word is handled as a string of one-byte jamo codes,
 * one per letter, in reading order. Initials, medials and finals are distinct
 * codes, because position matters (받침 ㅅ in 셋 is a [t], initial ㅅ is [s]):
 *
 *   code = JAMO_INI + 0..18   initial  ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ
 *   code = JAMO_MED + 0..20   medial   ㅏ ㅐ ㅑ ㅒ ㅓ ㅔ ㅕ ㅖ ㅗ ㅘ ㅙ ㅚ ㅛ ㅜ ㅝ ㅞ ㅟ ㅠ ㅡ ㅢ
 * ㅣ code = JAMO_FIN + 1..27   final    ㄱ ㄲ ㄳ ㄴ ㄵ ㄶ ㄷ ㄹ ㄺ ... ㅍ ㅎ (Unicode order)
 *
 * The indexes are those of the Unicode syllable formula (UAX #15 §3.12,
 * "Conjoining Jamo Behavior"). Codes run from 0x21 to 0x63: printable ASCII,
 * so the generator can write the index as string literals and a jamo string
 * never contains NUL.
 *
 * The index (generated at build time from Debian's festlex-cmu) is a sorted
 * array of entries, each an English word and one Hangul rendering of one of
 * its CMU pronunciations; see gen_translit.c for the layout.
 */
#ifndef DADEUM_ALIGN_TRANSLIT_INT_H
#define DADEUM_ALIGN_TRANSLIT_INT_H

#include <stddef.h>
#include <stdint.h>

#include "util/strbuf.h"

#define JAMO_INI 0x21                /* first initial code (ㄱ) */
#define JAMO_MED (JAMO_INI + 19)     /* first medial code (ㅏ) */
#define JAMO_FIN (JAMO_MED + 21 - 1) /* final index 1..27 is JAMO_FIN + i */
#define JAMO_END (JAMO_FIN + 28)     /* one past the last code */

/* Unicode indexes of the letters the orthography uses (UAX #15 §3.12 order). */
enum {
    INI_G = 0,
    INI_GG,
    INI_N,
    INI_D,
    INI_DD,
    INI_R,
    INI_M,
    INI_B,
    INI_BB,
    INI_S,
    INI_SS,
    INI_NULL,
    INI_J,
    INI_JJ,
    INI_CH,
    INI_K,
    INI_T,
    INI_P,
    INI_H
};
enum {
    MED_A = 0,
    MED_AE,
    MED_YA,
    MED_YAE,
    MED_EO,
    MED_E,
    MED_YEO,
    MED_YE,
    MED_O,
    MED_WA,
    MED_WAE,
    MED_OE,
    MED_YO,
    MED_U,
    MED_WO,
    MED_WE,
    MED_WI,
    MED_YU,
    MED_EU,
    MED_UI,
    MED_I
};
enum {
    FIN_NONE = 0,
    FIN_G = 1,
    FIN_N = 4,
    FIN_D = 7,
    FIN_L = 8,
    FIN_M = 16,
    FIN_B = 17,
    FIN_S = 19,
    FIN_NG = 21
};

/* Maximum jamo in one rendering or query word; longer input is refused. */
#define TRANSLIT_MAX_JAMO 96

/*
 * The renderings of a word, one numbering for the orthography and the index.
 * translit_ortho_render makes STANDARD, SPELLED, CUSTOMARY and LETTERS;
 * gen_translit.c also stores COMPOUND (the parts of a compound rendered on
 * their own, 제10항) and DERIVED (an agent noun CMU lacks, word + [er]).
 * The values are stored in the generated index (struct translit_entry) and
 * the entries of one word sort by them: append, never renumber.
 */
enum translit_variant {
    TRANSLIT_V_STANDARD = 0,  /* the standard rendering */
    TRANSLIT_V_SPELLED = 1,   /* spelling-influenced: schwa written after its vowel
                                 letter (바나나, 시스템), British [aɪl] of -ile (미사일),
                                 [uː] of -ule (캡슐) */
    TRANSLIT_V_COMPOUND = 2,  /* compound parts rendered alone (startup = start + up) */
    TRANSLIT_V_DERIVED = 3,   /* derived agent noun (changer), a guess */
    TRANSLIT_V_CUSTOMARY = 4, /* customary (제1장 제5항): word-final [p k b g] as 받침
                                 after any plain vowel (빅, 딥, 웹), [d] as ㅅ after a
                                 short one (팟); final [ɔːr] as 오어 (스코어);
                                 American [ɑ] of an o (팝, 박스) */
    TRANSLIT_V_LETTERS = 5    /* a letter reading: phones guessed from the spelling
                                 (gen_translit.c), every [r] written (요구르트); in the
                                 index only those ko.dic attests (사우나, 마라톤) */
};

/*
 * Renders an English word into Hangul jamo codes by the loanword orthography
 * (see translit_ortho.c). word is the spelling (lower case ASCII, used only to choose
 * vowel letters), phones its pronunciation as space-separated ARPAbet phones
 * in the festlex-cmu notation ("k l aw d"; stress digits are ignored).
 * variant is TRANSLIT_V_STANDARD, _SPELLED, _CUSTOMARY or _LETTERS (any
 * other renders as STANDARD). Writes at most max codes to
 * out. Returns the number of codes, or -1 for an unknown phone or overflow.
 */
int translit_ortho_render(const char *word, const char *phones, enum translit_variant variant,
                          unsigned char *out /* OUT */, size_t max);

/*
 * Decomposes UTF-8 Hangul s[0..len) into jamo codes. Precomposed syllables
 * only; anything else makes it fail. Returns the number of codes written, or
 * -1 (not Hangul, or more than max codes).
 */
int translit_jamo_from_utf8(const char *s, size_t len, unsigned char *out /* OUT */, size_t max);

/*
 * Appends the Hangul syllables spelled by codes[0..n) to sb. A medial with no
 * initial before it gets ㅇ; a stray initial or final is written as a
 * compatibility jamo. Returns 0.
 */
int translit_jamo_to_utf8(const unsigned char *codes, size_t n, struct strbuf *sb);

/*
 * Weighted edit distance between jamo strings a and b, in tenths (10 = one
 * plain substitution). Similar jamo cost less (see translit_jamo.c). Returns a value
 * greater than limit as soon as the distance is known to exceed limit.
 */
int translit_jamo_distance(const unsigned char *a, size_t na, const unsigned char *b, size_t nb,
                           int limit);

/* Substitution cost of jamo code a for code b, in tenths (see translit_jamo.c). */
int translit_jamo_sub_cost(unsigned a, unsigned b);

/*
 * The distance column by column over the index word, so that words sharing a
 * prefix share columns (the index is sorted by jamo within each bucket; the
 * scan in translit.c computes the columns). The query a[0..na) is first
 * turned into a profile: its costs laid out by row, so that a column reads a
 * few rows in order instead of a cost table entry per cell. A column holds
 * one byte a row, rows 0..na, each the exact distance up to TRANSLIT_COL_MAX
 * (255), where it saturates; the rows past na hold TRANSLIT_COL_MAX, and so
 * do the TRANSLIT_COL_PAD bytes before row 0 of a column's buffer
 * (translit_jamo_col_init), where the diagonal move into row 0 reads.
 *
 * first_column fills the profile and the column of the empty prefix
 * (na <= TRANSLIT_MAX_JAMO).
 */
#define TRANSLIT_COL_MAX 255
#define TRANSLIT_COL_ROWS 112 /* TRANSLIT_MAX_JAMO + 1 rows, rounded up to 16 */
#define TRANSLIT_COL_PAD 16
#define TRANSLIT_COL_SIZE (TRANSLIT_COL_PAD + TRANSLIT_COL_ROWS)
struct translit_jamo_profile {
    size_t n; /* jamo in the query */
    /* sub[b][i]: a[i - 1] against index jamo b (TRANSLIT_COL_MAX at row 0 and past n,
     * as far as a column reads; only the codes from JAMO_INI are filled) */
    _Alignas(16) unsigned char sub[JAMO_END][TRANSLIT_COL_ROWS];
    /* ins[s][i]: the insertion costs of a[i - 2^s .. i) (TRANSLIT_COL_MAX where
     * i < 2^s and past n) */
    _Alignas(16) unsigned char ins[4][TRANSLIT_COL_ROWS];
    /* del[b]: the deletion cost of index jamo b, in each of 16 bytes */
    _Alignas(16) unsigned char del[JAMO_END][16];
};
void translit_jamo_col_init(unsigned char *buf /* OUT, TRANSLIT_COL_SIZE bytes */);
void translit_jamo_first_column(const unsigned char *a, size_t na,
                                struct translit_jamo_profile *p /* OUT */,
                                unsigned char *col /* OUT */);

/* Number of syllables (medials) in a jamo string. */
size_t translit_jamo_syllables(const unsigned char *codes, size_t n);

#define TRANSLIT_TIER_NONE 10
/* SCOWL size 80: the largest list whose words count as real words (hunspell
 * en_US holds the lists up to 60; roadmap and lockdown are in 80) */
#define TRANSLIT_TIER_LISTED 8

/*
 * One index entry; strings live in the generated blobs below. The rendering
 * is a path of translit_trie (what a scan reads of every node it passes): an
 * entry is read only for a word the scan finds, 8 bytes. What
 * ranking asks of the word itself is in flags, so that ranking the words a
 * scan finds does not read them from the 3.4 MB of translit_words.
 */
struct translit_entry {
    uint32_t word;   /* offset of the NUL-terminated English word in translit_words */
    uint8_t family;  /* CMU words that extend this word by <= 3 letters, capped at 255 */
    uint8_t variant; /* enum translit_variant */
    uint8_t tier;    /* SCOWL size class of the word, 0 (10: commonest) .. 9 (95);
                        TRANSLIT_TIER_NONE when no SCOWL list has it */
    uint8_t flags;   /* enum translit_entry_flags */
};
enum translit_entry_flags {
    TRANSLIT_ENTRY_INFLECTED = 1 << 0, /* a plural or past form (-s, -es, -ed) of another word */
    TRANSLIT_ENTRY_SPELLED = 1 << 1,   /* hunspell en_US accepts the word (translit_word_spelled) */
    TRANSLIT_ENTRY_SHORT = 1 << 2,     /* a word of one letter */
    TRANSLIT_ENTRY_NOT_NOUN = 1 << 3,  /* WordNet's sense counts: mostly not a noun (break) */
    TRANSLIT_ENTRY_SOLID = 1 << 4,     /* English writes it solid with the next word (bio) */
    TRANSLIT_ENTRY_FUNCTION = 1 << 5   /* a common word WordNet lacks: a function word (via) */
};

/* Generated by src/gen/gen_translit.c into build/gen/translit_index.c. */
extern const char translit_words[];
extern const uint32_t translit_words_size; /* bytes of translit_words */
/* hunspell en_US's verdict on each index word, asked at build time: the bit at the
 * word's offset in translit_words is set when hunspell accepts it (a word, not a
 * name or a rare form); translit_spell_known is 0 when the build went without it */
extern const unsigned char translit_word_spelled[];
extern const int translit_spell_known;
/* en_US.dic stems that hunspell accepts and the index lacks, sorted, NUL-separated */
extern const char translit_hunspell_words[];
extern const uint32_t translit_hunspell_word_count;
extern const uint32_t translit_hunspell_words_size; /* bytes, NULs included */
extern const struct translit_entry translit_entries[];
extern const uint32_t translit_entry_count;
/*
 * The renderings as a trie: a node is a prefix of one or more renderings. A
 * scan (translit.c) computes one distance column per node it enters and
 * leaves a whole subtree when the column is beyond its limit. Every query
 * passes through the top levels and into only a few deeper subtrees, so the
 * nodes are stored in two parts, each in preorder (a node's children follow
 * it, and the node after its subtree in its part is its skip):
 *   [0, translit_trie_top_count)  the nodes of depth <= TRANSLIT_TRIE_TOP,
 *                                 less than a megabyte every scan shares;
 *   [translit_trie_top_count, translit_trie_count)
 *                                 the subtrees below them: the subtree of a
 *                                 node of depth TRANSLIT_TRIE_TOP is one run,
 *                                 the runs in the order of their nodes.
 * A node of depth TRANSLIT_TRIE_TOP needs no skip (the node after it is the
 * next of the top): its skip field holds its ordinal o, and its run (its
 * subtree less itself) is [translit_trie_down[o], translit_trie_down[o + 1]).
 * The entries whose rendering is the prefix of node i are
 * translit_trie_first[i] and the nend after it (renderings alike are words
 * alike in sound: won, one); read in preorder, each run after its node, the
 * nodes give the entries in their order. Each first code's trie (a root of
 * depth 1) spans [translit_trie_bucket[c - JAMO_INI],
 * translit_trie_bucket[c - JAMO_INI + 1]) of the top.
 */
#define TRANSLIT_TRIE_TOP 5
struct translit_trie_node {
    uint8_t jamo;   /* the prefix's last jamo code */
    uint8_t depth;  /* the prefix's length, 1 .. TRANSLIT_MAX_JAMO */
    uint8_t maxlen; /* the longest rendering in the subtree */
    uint8_t nend;   /* entries whose rendering is the prefix itself */
    uint32_t skip;  /* the node after the subtree in its part, where a scan goes when it
                       leaves it; at depth TRANSLIT_TRIE_TOP, the ordinal of its run */
};
_Static_assert(sizeof(struct translit_trie_node) == 8, "a scan reads 8 bytes a node");
extern const struct translit_trie_node translit_trie[];
extern const uint32_t translit_trie_first[];
extern const uint32_t translit_trie_down[];
extern const uint32_t translit_trie_count;
extern const uint32_t translit_trie_top_count;
extern const uint32_t translit_trie_bucket[JAMO_END - JAMO_INI + 1];

#endif
