/*
 * attested.h - words attested in Debian's Korean message catalogues.
 *
 * Two tables mined by src/gen/mine_l10n.py from the English msgid and Korean
 * msgstr of localisation packages and compiled in at build time
 * (src/gen/gen_attested.awk):
 *  - glossaries/lexicon/attested-loanwords.tsv: a Hangul loanword and the
 *    English word the catalogues show beside it, with the number of messages
 *    (센서 -> sensor, 12): the prior that orders homophones in translit.c;
 *  - glossaries/lexicon/l10n-words.tsv: a Korean word and the English word
 *    it translates most often (국가 -> country): the Korean parts of mixed
 *    glosses (국가전략펀드).
 * Both are searched in place (sorted indexes written beside them at build
 * time): nothing is built at run time, and every function is thread-safe.
 * Returned strings are static.
 */
#ifndef DADEUM_ALIGN_ATTESTED_H
#define DADEUM_ALIGN_ATTESTED_H

#include <stddef.h>

/*
 * Messages attesting English word en for the Hangul word whose jamo codes
 * (translit_int.h) are jamo[0..n); 0 when the pair is not attested.
 */
unsigned attested_pair_count(const unsigned char *jamo, size_t n, const char *en);

/*
 * The largest count of an attested Hangul word for en within jamo distance
 * limit (tenths, translit_int.h) of jamo[0..n): 데이타베이스 finds
 * 데이터베이스's count for database. 0 when none is that close.
 */
unsigned attested_near_count(const unsigned char *jamo, size_t n, const char *en, int limit);

/* Messages attesting en as the source of any Hangul word (platform: 5). */
unsigned attested_en_count(const char *en);

/* The English word most attested for UTF-8 Hangul ko[0..len), or NULL. */
const char *attested_loanword_en(const char *ko, size_t len);

/* The English word of Korean word ko[0..len) in l10n-words.tsv, or NULL. */
const char *attested_word_en(const char *ko, size_t len);

/* Rows of the two tables, for tests and `dadeum translit --help`. */
size_t attested_loanword_rows(void);
size_t attested_word_rows(void);

#endif
