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
#include <stdio.h>

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

#if defined(__SSE2__)
#include <emmintrin.h>
/*
 * Korean text is ASCII and Hangul syllables, and a loop that decodes it a
 * character at a time mispredicts a branch at every change from one to the
 * other. This checks 16 bytes at once, with SSE2 (every x86-64 has it):
 * v holds the bytes at p, v1 those at p + 1. Returns 0 when each byte of
 * 0x80 and above is part of a well-formed three-byte sequence of a Hangul
 * syllable U+AC00..U+D77F (the last 36 syllables, ED 9E xx, are left to
 * the caller), else the positions (bit i for p[i]) where something else
 * starts or a sequence breaks, so that the caller can read from the first
 * of them a character at a time. *carry has the continuation bytes the
 * previous block's last syllable still expects (bit 0 for p[0], bit 1 for
 * p[1]); on success it is updated for the next block, on failure left
 * alone, so that the caller can step back to the syllable's first byte
 * (utf8_block_back).
 */
static inline unsigned utf8_block_hangul_bad(__m128i v, __m128i v1, unsigned *carry)
{
    unsigned hi = (unsigned)_mm_movemask_epi8(v), c, l, want, bad;

    if (!hi)
        return *carry; /* continuations expected at 0 and 1, and none there */
    /* as signed bytes, continuations 80..BF are below -64, leads EA..ED are -22..-19 */
    c = (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(v, _mm_set1_epi8(-64)));
    l = (unsigned)_mm_movemask_epi8(_mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(-23)),
                                                  _mm_cmplt_epi8(v, _mm_set1_epi8(-18))));
    /* EA needs a second byte from B0 (U+AC00 is EA B0 80), ED one up to 9D (U+D77F) */
    bad = (unsigned)_mm_movemask_epi8(
        _mm_or_si128(_mm_and_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xEA)),
                                   _mm_cmplt_epi8(v1, _mm_set1_epi8((char)0xB0))),
                     _mm_and_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xED)),
                                   _mm_cmpgt_epi8(v1, _mm_set1_epi8((char)0x9D)))));
    want = (l << 1) | (l << 2) | *carry;
    bad |= (hi ^ (c | l)) | (c ^ (want & 0xFFFF));
    if (!bad)
        *carry = want >> 16;
    return bad;
}

/* 1 when utf8_block_hangul_bad finds nothing wrong. */
static inline int utf8_block_hangul(__m128i v, __m128i v1, unsigned *carry)
{
    return !utf8_block_hangul_bad(v, v1, carry);
}

/* How far before a block its unfinished syllable starts, from the carry above. */
static inline size_t utf8_block_back(unsigned carry)
{
    return carry == 3 ? 1 : carry == 1 ? 2 : 0;
}
#endif
/*
 * Ends the NUL-terminated s at its longest valid UTF-8 prefix: for a message
 * that snprintf may have cut inside a character. Returns s.
 */
char *utf8_trim_invalid(char *s);
/* Appends cp encoded as UTF-8 (U+FFFD for surrogates and > U+10FFFF). */
void utf8_add(struct strbuf *sb, uint32_t cp);
/*
 * ---- text for people and terminals ----
 *
 * A file name may hold any byte but '/' and NUL, and a glossary field any
 * character, yet what dadeum prints must be UTF-8 (JSON, XML, its own
 * readers) and must never drive a terminal (ESC ]0;title BEL, ESC [2J,
 * the C1 CSI U+009B). One rule, docs/formats.md "Names and control
 * characters": every byte of an undecodable sequence, of a C0 control
 * (U+0000..U+001F), of DEL (U+007F) and of a C1 control (U+0080..U+009F)
 * is written as the four characters \xNN (lower-case hex), so that a
 * reader can still tell which bytes they were. TAB, LF and CR follow the
 * flags, since some formats can carry them.
 */
enum utf8_visible_flags {
    UTF8_VISIBLE_TAB = 1 << 0,     /* TAB stays as is */
    UTF8_VISIBLE_NEWLINE = 1 << 1, /* LF and CR stay as is */
    UTF8_VISIBLE_BLANK = 1 << 2    /* TAB, LF and CR that do not stay become spaces */
};

/*
 * Appends s[0..len) to sb under the rule above. The result is valid UTF-8
 * without controls (but those the flags keep), and escaping it again
 * changes nothing. Returns the number of input bytes escaped.
 */
size_t utf8_add_visible(struct strbuf *sb, const char *s, size_t len, unsigned flags);
/* Writes the NUL-terminated s (NULL: nothing) to fp as utf8_add_visible does. */
void utf8_write_visible(FILE *fp, const char *s, unsigned flags);
/*
 * Length of the longest prefix of s[0..len) that utf8_add_visible copies
 * as is: len when there is nothing to escape (the usual case).
 */
size_t utf8_visible_prefix(const char *s, size_t len, unsigned flags);
/*
 * Makes each C0 control, DEL and C1 control in s[0..len) a space, in
 * place, as text/normalize.c folds them in documents: for text imported
 * from glossaries. TAB, LF and CR stay when flags has UTF8_VISIBLE_TAB or
 * _NEWLINE. Bytes that are not UTF-8 are left alone. Returns the new
 * length (a C1 control takes two bytes, its space one) and NUL-terminates
 * s there when it shrank.
 */
size_t utf8_blank_controls(char *s, size_t len, unsigned flags);
/*
 * Length of the longest prefix of s[0..len) without a byte below 0x20,
 * 0x7F or 0xC2 (the lead byte of C1 controls): len when s has no control
 * for utf8_blank_controls to change (the usual case; eight bytes a step).
 */
size_t utf8_control_free_prefix(const char *s, size_t len);

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

/*
 * The classes above take code points, not bytes: a byte of 0xC0 and above
 * passes uc_is_latin_letter, so the lead byte of a Hangul syllable (0xEA..0xED)
 * would count as a Latin letter (the hyphen of K-클라우드 as one between
 * letters). These decode the character a byte offset starts or ends.
 */
/* The code point at offset i of s[0..len); 0 when i is len or past it. */
static inline uint32_t utf8_at(const char *s, size_t len, size_t i)
{
    uint32_t c = 0;
    if (i < len)
        utf8_decode(s + i, len - i, &c);
    return c;
}
/* The code point that ends at offset i of s; 0 when i is 0. */
static inline uint32_t utf8_before(const char *s, size_t i)
{
    uint32_t c = 0;
    if (i > 0) {
        size_t p = utf8_prev(s, i);
        utf8_decode(s + p, i - p, &c);
    }
    return c;
}
/* The length in bytes of the run of Latin letters that opens s[0..len) (André). */
static inline size_t utf8_latin_run(const char *s, size_t len)
{
    size_t n = 0;
    for (uint32_t c; n < len;) {
        size_t k = utf8_decode(s + n, len - n, &c);
        if (!uc_is_latin_letter(c))
            break;
        n += k;
    }
    return n;
}
/* The next run of Latin letters in s[0..len) from offset *at on, a word of a gloss:
 * moves *at to where it starts and returns its length, 0 when none is left. A loop
 * over the words: for (size_t i = 0, n; (n = utf8_next_latin_run(s, len, &i)); i += n) */
static inline size_t utf8_next_latin_run(const char *s, size_t len, size_t *at)
{
    for (; *at < len; ++*at) {
        size_t n = utf8_latin_run(s + *at, len - *at);
        if (n)
            return n;
    }
    return 0;
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
