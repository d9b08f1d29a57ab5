/*
 * sniff.c - guessing a document's encoding from its first bytes.
 *
 * Korean government documents come in three families: UTF-8 (with or without
 * a BOM), UTF-16 exported from Windows tools (nearly always with a BOM), and
 * legacy EUC-KR/CP949 ("ANSI" on Korean Windows). The order of the tests
 * matters: UTF-16 of ASCII text is valid UTF-8 byte for byte (NUL is a valid
 * UTF-8 character), so NUL bytes are looked at first; then strict UTF-8
 * validity (RFC 3629), which random CP949 text practically never passes;
 * and CP949 is the fallback because it is a superset of EUC-KR (KS X 1001).
 */
#include "text/sniff.h"

#include <string.h>

#include "text/text_int.h"
#include "util/utf8.h"
#include "util/banned.h"

size_t text_sniff_bom(const char *buf, size_t len, const char **encoding, int *partial)
{
    static const struct {
        const char *bytes; /* the byte-order mark */
        size_t len;        /* its length in bytes */
        const char *name;  /* the encoding it announces */
    } boms[] = {
        {"\xEF\xBB\xBF", 3, "utf-8"},
        {"\xFF\xFE", 2, "utf-16le"},
        {"\xFE\xFF", 2, "utf-16be"},
    };
    size_t i;

    *encoding = NULL;
    *partial = 0;
    for (i = 0; i < sizeof(boms) / sizeof(boms[0]); i++) {
        size_t n = len < boms[i].len ? len : boms[i].len;
        if (memcmp(buf, boms[i].bytes, n))
            continue;
        if (n == boms[i].len) {
            *encoding = boms[i].name;
            return n;
        }
        *partial = 1;
    }
    return 0;
}

/*
 * Returns 1 when s[0..len) is the start of a well-formed UTF-8 sequence
 * that more bytes could complete. Assumes 0 < len < the sequence length
 * announced by s[0], so only the range of each byte needs checking
 * (RFC 3629 section 4 narrows the second byte after E0, ED, F0 and F4).
 */
static int utf8_is_cut_sequence(const unsigned char *s, size_t len)
{
    unsigned char lo = 0x80, hi = 0xBF;
    size_t need, i;

    if (s[0] >= 0xC2 && s[0] <= 0xDF)
        need = 2;
    else if (s[0] >= 0xE0 && s[0] <= 0xEF)
        need = 3;
    else if (s[0] >= 0xF0 && s[0] <= 0xF4)
        need = 4;
    else
        return 0;
    if (len >= need)
        return 0;
    if (s[0] == 0xE0)
        lo = 0xA0;
    else if (s[0] == 0xED)
        hi = 0x9F;
    else if (s[0] == 0xF0)
        lo = 0x90;
    else if (s[0] == 0xF4)
        hi = 0x8F;
    for (i = 1; i < len; i++) {
        if (s[i] < lo || s[i] > hi)
            return 0;
        lo = 0x80;
        hi = 0xBF;
    }
    return 1;
}

int text__utf8_cut(const char *s, size_t len)
{
    return len > 0 && utf8_is_cut_sequence((const unsigned char *)s, len);
}

/*
 * Valid multi-byte sequences that make a buffer UTF-8 whatever follows:
 * CP949 text breaks UTF-8 within its first Hangul syllable or two, so a
 * later bad byte is an error in UTF-8 text (reported at its offset).
 */
#define SNIFF_UTF8_PROOF 8

/*
 * Length of the prefix of s that is well-formed CP949 (UHC): ASCII, or a
 * lead byte 81..FE and a trail byte 41..5A, 61..7A or 81..FE. A pair cut
 * by the end counts as well-formed.
 */
static size_t cp949_valid_prefix(const unsigned char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        unsigned char b = s[i];
        if (b < 0x80) {
            i++;
            continue;
        }
        if (b == 0x80 || b == 0xFF)
            return i;
        if (i + 1 == len)
            return len;
        unsigned char t = s[i + 1];
        if (!((t >= 0x41 && t <= 0x5A) || (t >= 0x61 && t <= 0x7A) || (t >= 0x81 && t <= 0xFE)))
            return i;
        i += 2;
    }
    return len;
}

const char *text_sniff_content(const char *buf, size_t len, int at_eof)
{
    size_t zeros[2] = {0, 0}; /* NUL bytes at even and odd offsets */
    size_t i, multi = 0;      /* multi: valid multi-byte sequences seen */
    const char *utf16 = NULL;

    for (const char *z = memchr(buf, 0, len); z; z = memchr(z + 1, 0, len - (size_t)(z + 1 - buf)))
        zeros[(size_t)(z - buf) & 1]++;
    /*
     * ASCII in UTF-16LE puts its NUL at odd offsets, in UTF-16BE at even
     * ones; Hangul (U+AC00..U+D7A3) rarely has a zero byte, so require a
     * clear majority rather than all NULs on one side.
     */
    /* a stray NUL in UTF-8 text is not UTF-16: ask for NULs in at least
     * one unit in eight (Hangul-only UTF-16 has few) on one side */
    if (zeros[1] > 2 * zeros[0] && zeros[1] * 16 >= len)
        utf16 = "utf-16le";
    else if (zeros[0] > 2 * zeros[1] && zeros[0] * 16 >= len)
        utf16 = "utf-16be";

    for (i = 0; i < len;) {
        uint32_t c;
        size_t n;

        if (!((unsigned char)buf[i] & 0x80)) {
            i++;
            continue;
        }
        n = utf8_decode(buf + i, len - i, &c);
        if (n == 1) /* invalid */
            break;
        if (++multi >= SNIFF_UTF8_PROOF && !utf16)
            return "utf-8";
        i += n;
    }
    if (utf16)
        /* NULs in text that is all valid UTF-8, Hangul included, are stray NULs */
        return i == len && multi ? "utf-8" : utf16;
    if (i == len)
        return "utf-8";
    if (!at_eof && len - i < 4 && text__utf8_cut(buf + i, len - i))
        return "utf-8";
    /*
     * Too little UTF-8 before the bad byte to be sure: CP949, unless the
     * bytes are no CP949 either, in which case the UTF-8 error (at its
     * offset) is the better report.
     */
    if (multi && cp949_valid_prefix((const unsigned char *)buf, len) < len)
        return "utf-8";
    return "cp949";
}
