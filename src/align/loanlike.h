/*
 * loanlike.h - how much a Hangul word looks like a loanword.
 *
 * Two jamo n-gram language models compiled into the library (generated at
 * build time by src/gen/gen_loanlike.c, layout in loanlike_int.h): one of
 * the Hangul renderings of common English words (the CMU dictionary through
 * the loanword orthography, SCOWL size 60), one of native and Sino-Korean
 * words (hunspell-ko's nouns and adverbs without the loanwords it holds, and
 * the hanja readings of Unihan). Their log-likelihood ratio, through a
 * logistic calibration fitted on held-out words, gives P(loanword | word)
 * for a word that is a loanword or not with even odds beforehand.
 * docs/extraction.md ("Loanword-likeness") has the held-out figures.
 *
 * The spelling alone decides: 클라우드, 거버넌스 score high and 강연, 인물,
 * 사업 low whatever English words they happen to sound like. Every function
 * is pure, thread-safe, allocates nothing and costs a few hash lookups a
 * letter.
 *
 * Input: UTF-8. Precomposed Hangul syllables (U+AC00..U+D7A3) are scored;
 * any other character ends a word, and the words of s are scored each with
 * its own start and end and their ratios summed. Assumes s[0..len) is
 * readable; it need not be NUL-terminated or valid UTF-8 (an invalid byte is
 * a non-Hangul character).
 */
#ifndef DADEUM_ALIGN_LOANLIKE_H
#define DADEUM_ALIGN_LOANLIKE_H

#include <stddef.h>

/*
 * The log-likelihood ratio ln P(s | loanword model) - ln P(s | native model)
 * in nats, summed over the Hangul words of s: positive when s reads like a
 * loanword. Grows with length; 0 when s holds no Hangul syllable.
 */
double loanlike_llr(const char *s, size_t len);

/*
 * The calibrated log-odds that s is a loanword: a * loanlike_llr(s) + b, the
 * logistic fitted by the generator. 0 (even odds) when s holds no Hangul
 * syllable. The feature to combine with other evidence.
 */
double loanlike_logodds(const char *s, size_t len);

/* P(loanword | s) = 1 / (1 + exp(-loanlike_logodds(s))), in (0, 1). */
double loanlike_prob(const char *s, size_t len);

/*
 * The log-odds of s read as a compound: the larger of loanlike_logodds(s)
 * and, over every cut of s into two parts of at least min_syllables
 * syllables each, the smaller of the two parts' log-odds. Korean writes a
 * compound of loanwords as one word (게임체인저), and the letters where the
 * parts meet rarely meet inside a loanword; a compound of Sino-Korean words
 * gains nothing, its parts reading native too. Assumes s is one word of
 * Hangul syllables (other characters are kept inside the parts).
 */
double loanlike_compound_logodds(const char *s, size_t len, unsigned min_syllables);

#endif
