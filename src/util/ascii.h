/*
 * ascii.h - ASCII letters and case folding, the one place they are written.
 *
 * Only A-Z and a-z change; every other byte (digits, punctuation, the bytes
 * of UTF-8 sequences) is left as it is, whatever the locale. The ctype.h
 * functions fold by the C locale, which dadeum never changes, so they give
 * the same results; these say so in their name and take no locale lock.
 */
#ifndef DADEUM_UTIL_ASCII_H
#define DADEUM_UTIL_ASCII_H

#include <stddef.h>

/* 1 when c is A-Z or a-z: a byte of UTF-8 (a Hangul lead byte, 0xEA..0xED) is not, as it
 * would be for uc_is_latin_letter, which takes a decoded code point. */
static inline int ascii_is_letter(int c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/* The offset of the first A-Z or a-z in s[0..len), len when there is none: where an
 * acronym's letters begin past a digit or a mark (the G of 5G, the F of (F)TA). */
static inline size_t ascii_skip_nonletters(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && !ascii_is_letter((unsigned char)s[i]))
        i++;
    return i;
}

/* c with A-Z made a-z (c is a byte value or a char). */
static inline int ascii_lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* c with a-z made A-Z. */
static inline int ascii_upper(int c)
{
    return c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c;
}

/*
 * Compares a[0..n) with b[0..n) ignoring ASCII case, as memcmp compares
 * (NUL bytes are ordinary bytes): 0 when equal, else the sign of the first
 * difference of the lower-cased bytes.
 */
static inline int ascii_casecmp_n(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        int x = ascii_lower((unsigned char)a[i]), y = ascii_lower((unsigned char)b[i]);
        if (x != y)
            return x - y;
    }
    return 0;
}

/* Writes src[0..n) lower-cased to dst[0..n) (dst may be src). */
static inline void ascii_fold_buf(char *dst, const char *src, size_t n)
{
    for (size_t i = 0; i < n; i++)
        dst[i] = (char)ascii_lower((unsigned char)src[i]);
}

#endif
