/*
 * jamo.h - Hangul syllables as jamo, and a weighted jamo edit distance.
 *
 * A precomposed syllable U+AC00..U+D7A3 is L*588 + V*28 + T + 0xAC00 with an
 * initial consonant L (0..18), a vowel V (0..20) and an optional final T
 * (0..27, 0 = none): The Unicode Standard, chapter 3.12 "Conjoining Jamo
 * Behavior". jamo_decompose spells it as conjoining jamo (U+1100 + L,
 * U+1161 + V, U+11A7 + T), the same sequence NFD gives (UAX #15).
 * Compatibility jamo typed on their own (U+3131..U+318E, "ㅋㄹ") map to the
 * conjoining letter they stand for, initial form for consonants; any other
 * character passes through unchanged, so Latin text compares letter by letter.
 *
 * Distance: Levenshtein over those jamo, with costs in JAMO_COST_UNIT per
 * full edit: substituting a letter by a similar one (ㄱ/ㅋ/ㄲ, ㅐ/ㅔ, ㅓ/ㅗ,
 * an initial by the same consonant as a final) costs half, inserting or
 * deleting a final consonant costs 7/10; everything else costs a full unit.
 * Costs are integers so that results compare exactly.
 */
#ifndef DADEUM_UTIL_JAMO_H
#define DADEUM_UTIL_JAMO_H

#include <stddef.h>
#include <stdint.h>

/* The cost of one plain insertion, deletion or substitution. */
#define JAMO_COST_UNIT 10

/*
 * Writes the jamo spelling of s[0..len) into out (at most cap code points)
 * and returns the number of code points the full spelling needs, which may
 * exceed cap (then out holds the first cap). Assumes nothing about s: bad
 * UTF-8 bytes decode as U+FFFD. Never fails.
 */
size_t jamo_decompose(const char *s, size_t len, uint32_t *out /* OUT */, size_t cap);

/*
 * Weighted edit distance between the jamo sequences a[0..na) and b[0..nb),
 * in JAMO_COST_UNIT per edit. Returns max + 1 as soon as the distance is
 * known to exceed max (so a caller with a threshold pays O(max * n), not
 * O(n^2), for hopeless pairs). Allocates nothing for na, nb <= 256; longer
 * inputs use the heap (xmalloc: never fails).
 */
int jamo_distance_seq(const uint32_t *a, size_t na, const uint32_t *b, size_t nb, int max);

/* jamo_distance_seq on two UTF-8 strings, decomposed first. */
int jamo_distance(const char *a, size_t alen, const char *b, size_t blen, int max);

/* Cost of substituting jamo x by jamo y (0 when equal). */
int jamo_sub_cost(uint32_t x, uint32_t y);

#endif
