/*
 * lexicon.h - curated knowledge compiled in from glossaries/lexicon/.
 *
 * Three tables and four word lists (lexicon_words), generated at build
 * time by src/gen/gen_lexicon.awk:
 *  - acronyms: an acronym (AI, R&D, ETRI) and its usual Korean name(s);
 *  - plain words: a loanword (클라우드, 바우처) and the plain Korean that
 *    public-language guidance puts in its place (이용권);
 *  - morphemes: a Korean morpheme (한국, 협회) and the English word(s) it
 *    becomes in official names (Korea, Association).
 * Lookups fold Latin case and ignore spaces in Hangul keys; they search
 * static tables and are safe from any thread. Every returned string is
 * static and owned by the lexicon.
 */
#ifndef DADEUM_EXTRACT_LEXICON_H
#define DADEUM_EXTRACT_LEXICON_H

#include <stddef.h>

#define LEX_MAX_FORMS 16 /* forms kept per key (gen_lexicon.awk) */

/*
 * Korean forms for gloss piece s (an acronym or a loanword): fills forms
 * with up to max static strings and returns how many there are.
 */
size_t lexicon_ko_forms(const char *s, size_t len, const char **forms /* OUT */, size_t max);

/* 1 when ko[0..kl) is one of the Korean forms of gloss, spaces aside (정보통신기술 for
 * ICT; 양해각서 for MOU). */
int lexicon_is_ko_form(const char *gloss, const char *ko, size_t kl);

/* English words for Korean morpheme s; returns the count filled in en. */
size_t lexicon_morpheme_en(const char *s, size_t len, const char **en /* OUT */, size_t max);

/* The word lists of glossaries/lexicon/ (one file each). */
enum lex_wordlist {
    LEX_ORG_SUFFIXES,  /* org-suffixes.tsv: 협회, 위원회, 재단 */
    LEX_PERSON_TITLES, /* person-titles.tsv: 교수, 장관, 님 */
    LEX_ORG_WORDS_EN,  /* org-words-en.tsv: Institute, Agency, Inc */
    LEX_BRACKET_LABELS /* bracket-labels.tsv: 요약, 참고, 가칭 (a label, not a gloss) */
};

/* The words of list which, NULL-terminated, static; no lexicon_init needed. */
const char *const *lexicon_words(enum lex_wordlist which);
/* The place in list which of the word s[0..len), or -1 (a hash probe, not a walk). */
long lexicon_word_index(enum lex_wordlist which, const char *s, size_t len);
/* 1 when s[0..len) ends with a word of list which, or is one. */
int lexicon_ends_with_word(enum lex_wordlist which, const char *s, size_t len);

/* 1 when s is a loanword of the plain-words table. */
int lexicon_is_loanword(const char *s, size_t len);

/* The English of loanword s of the plain-words table (cloud for 클라우드), or NULL. */
const char *lexicon_loanword_en(const char *s, size_t len);

/* The kind column of acronym s ("body", "programme", "term"), or NULL. */
const char *lexicon_acronym_kind(const char *s, size_t len);

/* The English expansion of acronym s, or NULL. */
const char *lexicon_acronym_en(const char *s, size_t len);

/*
 * The English expansion of acronym a as the name of ko. *agreed is 1 when it
 * is that of the row whose Korean name is ko or another writing of it (a
 * shared run of two thirds of the shorter, spaces aside: 보안인증제 of 클라우드
 * 보안인증), or when a's rows give no Korean name. Else, when every row
 * of a gives one and the same English, that English with *agreed 0: a guess
 * (CC of 폐쇄회로 is no Common Criteria, 공통평가기준; LLM of 거대언어모델 is the
 * Large Language Model of 대규모 언어모델; KAIA of another association is
 * another body's); NULL when the rows differ (KCA).
 */
const char *lexicon_acronym_en_for(const char *a, size_t alen, const char *ko, size_t kl,
                                   int *agreed /* OUT */);

/*
 * 1 when a row of acronym a[0..alen) names ko[0..kl), or another writing of it as
 * for lexicon_acronym_en_for (ODA of 공적개발원조), 0 when its rows name other terms
 * only (OECD, 경제협력개발기구), -1 when the lexicon gives a no Korean name.
 */
int lexicon_acronym_names(const char *a, size_t alen, const char *ko, size_t kl);

/* The longest run of characters a[0..al) and b[0..bl) share, spaces aside (3 for
 * 공적개발원조 and 개발원조위원회, 0 for 본사 and 코트라). */
size_t lexicon_shared_run(const char *a, size_t al, const char *b, size_t bl);

/* The acronym whose Korean name is s (spaces ignored), or NULL. */
const char *lexicon_acronym_for_ko(const char *s, size_t len);

#endif
