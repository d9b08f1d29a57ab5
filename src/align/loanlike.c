/*
 * loanlike.c - scoring a Hangul word with the two jamo n-gram models (see
 * loanlike.h; table layout and the scoring step in loanlike_int.h).
 *
 * Each syllable is split into its initial, medial and optional final
 * (UAX #15 §3.12, "Conjoining Jamo Behavior"); the letters stream through a
 * run that keeps the last LOANLIKE_ORDER - 1 of them, so a word of any
 * length is scored without a buffer.
 */
#include <math.h>
#include <stdint.h>

#include "align/loanlike.h"
#include "align/loanlike_int.h"
#include "util/banned.h"

/* The code point of the precomposed syllable at s[i..i+3), or 0. */
static uint32_t syllable_at(const char *s, size_t len, size_t i)
{
    if (i + 3 > len)
        return 0;
    unsigned char b0 = (unsigned char)s[i], b1 = (unsigned char)s[i + 1],
                  b2 = (unsigned char)s[i + 2];
    if ((b0 & 0xF0) != 0xE0 || (b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80)
        return 0;
    uint32_t cp = ((uint32_t)(b0 & 0x0F) << 12) | ((uint32_t)(b1 & 0x3F) << 6) | (b2 & 0x3F);
    return cp >= 0xAC00 && cp <= 0xD7A3 ? cp : 0;
}

static double step(struct loanlike__run *r, unsigned code)
{
    return loanlike__step(loanlike_slots, loanlike_nslots, r, code - JAMO_INI + 1);
}

/*
 * The log-likelihood ratio of s[0..len), and when prefix is not NULL that of
 * each s[0..i) for i a syllable's start, in prefix[i]: the letters before i
 * are scored once, and each prefix adds only its end of word to a copy of
 * the run, so that prefix[i] is the very sum loanlike_llr(s, i) adds up.
 */
static double llr_prefixes(const char *s, size_t len, double *prefix)
{
    struct loanlike__run r;
    double llr = 0;
    int in_word = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp = syllable_at(s, len, i);
        if (!cp) {
            if (in_word)
                llr += loanlike__step(loanlike_slots, loanlike_nslots, &r, LOANLIKE_EOS);
            in_word = 0;
            i++;
            continue;
        }
        if (prefix) {
            struct loanlike__run end = r;
            prefix[i] =
                in_word ? llr + loanlike__step(loanlike_slots, loanlike_nslots, &end, LOANLIKE_EOS)
                        : llr;
        }
        if (!in_word)
            loanlike__run_start(&r);
        in_word = 1;
        uint32_t v = cp - 0xAC00;
        llr += step(&r, JAMO_INI + v / 588);
        llr += step(&r, JAMO_MED + v % 588 / 28);
        if (v % 28)
            llr += step(&r, JAMO_FIN + v % 28);
        i += 3;
    }
    if (in_word)
        llr += loanlike__step(loanlike_slots, loanlike_nslots, &r, LOANLIKE_EOS);
    return llr;
}

double loanlike_llr(const char *s, size_t len)
{
    return llr_prefixes(s, len, NULL);
}

double loanlike_logodds(const char *s, size_t len)
{
    for (size_t i = 0; i + 3 <= len; i++)
        if (syllable_at(s, len, i))
            return loanlike_cal_a * loanlike_llr(s, len) + loanlike_cal_b;
    return 0;
}

double loanlike_prob(const char *s, size_t len)
{
    return 1 / (1 + exp(-loanlike_logodds(s, len)));
}

/* Words longer than this many bytes score their first parts from scratch. */
#define PREFIX_MAX 192

double loanlike_compound_logodds(const char *s, size_t len, unsigned min_syllables)
{
    double best, prefix[PREFIX_MAX];
    unsigned total = 0;
    for (size_t i = 0; i < len; i++)
        total += syllable_at(s, len, i) != 0;
    /* loanlike_logodds(s, len), and the first parts' ratios in the same pass */
    if (len <= PREFIX_MAX) {
        double llr = llr_prefixes(s, len, prefix);
        best = total ? loanlike_cal_a * llr + loanlike_cal_b : 0;
    } else {
        best = loanlike_logodds(s, len);
    }
    if (min_syllables < 1)
        min_syllables = 1;
    unsigned left = 0;
    for (size_t i = 0; i < len; i++) {
        if (!syllable_at(s, len, i))
            continue;
        if (left >= min_syllables && total - left >= min_syllables) {
            /* s[0..i) holds left >= 1 syllables: loanlike_logodds(s, i) */
            double a = len <= PREFIX_MAX ? loanlike_cal_a * prefix[i] + loanlike_cal_b
                                         : loanlike_logodds(s, i),
                   b = loanlike_logodds(s + i, len - i);
            double part = a < b ? a : b;
            if (part > best)
                best = part;
        }
        left++;
    }
    return best;
}
