/*
 * utf8.h - UTF-8 decoding and the character classes the extractor needs.
 *
 * Strings inside dadeum are valid UTF-8 once text/decode.c has run, but the
 * helpers below still never read past the length they are given: a bad or
 * truncated sequence decodes as U+FFFD and consumes one byte.
 */
#ifndef DADEUM_UTIL_UTF8_H
#define DADEUM_UTIL_UTF8_H

#include <stddef.h>
#include <stdint.h>

#include "util/strbuf.h"

#define UTF8_REPLACEMENT 0xFFFDu

/* The general case of utf8_decode: any sequence, valid or not. */
size_t utf8_decode_slow(const char *s, size_t len, uint32_t *cp /* OUT */);

/*
 * Decodes the code point at s (len bytes available) into *cp.
 * Returns the number of bytes consumed (1..4). Invalid input sets
 * *cp = U+FFFD and returns 1. Assumes len > 0.
 *
 * Inline for the two shapes that make up Korean text, ASCII and a valid
 * three-byte sequence (Hangul, CJK punctuation); every other case, and
 * every check the three-byte shortcut does not make, is in the slow path.
 */
static inline size_t utf8_decode(const char *str, size_t len, uint32_t *cp /* OUT */)
{
    const unsigned char *s = (const unsigned char *)str;

    if (s[0] < 0x80) {
        *cp = s[0];
        return 1;
    }
    if ((s[0] & 0xF0) == 0xE0 && s[0] != 0xE0 && len >= 3 && (s[1] & 0xC0) == 0x80 &&
        (s[2] & 0xC0) == 0x80 && (s[0] != 0xED || s[1] < 0xA0)) {
        /* not E0 (overlongs), not ED A0..BF (surrogates) */
        *cp = ((uint32_t)(s[0] & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
        return 3;
    }
    return utf8_decode_slow(str, len, cp);
}

/* Length of the longest valid prefix of s; equals len when s is valid. */
size_t utf8_valid_prefix(const char *s, size_t len);
/*
 * Ends the NUL-terminated s at its longest valid UTF-8 prefix: for a message
 * that snprintf may have cut inside a character. Returns s.
 */
char *utf8_trim_invalid(char *s);
/* Appends cp encoded as UTF-8 (U+FFFD for surrogates and > U+10FFFF). */
void utf8_add(struct strbuf *sb, uint32_t cp);
/* Number of code points in s[0..len). */
size_t utf8_count(const char *s, size_t len);
/* Byte offset of the code point that starts before offset pos (0 at start). */
size_t utf8_prev(const char *s, size_t pos);

/* Precomposed Hangul syllable U+AC00..U+D7A3. */
static inline int uc_is_hangul_syllable(uint32_t c)
{
    return c >= 0xAC00 && c <= 0xD7A3;
}
/* Any Hangul letter: syllables, conjoining and compatibility jamo. */
static inline int uc_is_hangul(uint32_t c)
{
    return uc_is_hangul_syllable(c) || (c >= 0x1100 && c <= 0x11FF) ||
           (c >= 0x3130 && c <= 0x318F) || (c >= 0xA960 && c <= 0xA97F) ||
           (c >= 0xD7B0 && c <= 0xD7FF);
}
/* CJK unified ideographs (hanja) in the BMP blocks documents use. */
static inline int uc_is_han(uint32_t c)
{
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
           (c >= 0xF900 && c <= 0xFAFF);
}
static inline int uc_is_latin_letter(uint32_t c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
           (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
}
static inline int uc_is_digit(uint32_t c)
{
    return c >= '0' && c <= '9';
}
static inline int uc_is_space(uint32_t c)
{
    return c == ' ' || c == '\t' || c == 0xA0 || c == 0x3000 || (c >= 0x2000 && c <= 0x200B);
}

/* Initial consonant index 0..18 of a syllable, or -1. */
static inline int hangul_initial(uint32_t c)
{
    return uc_is_hangul_syllable(c) ? (int)((c - 0xAC00) / 588) : -1;
}
/* Final consonant index 0..27 (0 = none) of a syllable, or -1. */
static inline int hangul_final(uint32_t c)
{
    return uc_is_hangul_syllable(c) ? (int)((c - 0xAC00) % 28) : -1;
}

#endif
