/*
 * utf8.c - UTF-8 per RFC 3629: no overlongs, no surrogates, max U+10FFFF.
 */
#include <string.h>

#include "util/utf8.h"
#include "util/utf8_int.h"
#include "util/banned.h"

#if defined(__SSE2__) && defined(__GNUC__)
#include <tmmintrin.h>
#define UTF8_SSSE3 1 /* utf8__valid_prefix_ssse3 is built, and used when the CPU has SSSE3 */
#else
#define UTF8_SSSE3 0
#endif

size_t utf8_decode_slow(const char *str, size_t len, uint32_t *cp)
{
    const unsigned char *s = (const unsigned char *)str;
    uint32_t c = s[0];
    size_t n, i;

    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
        c &= 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        c &= 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        c &= 0x07;
    } else {
        goto bad;
    }
    if (len < n)
        goto bad;
    for (i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            goto bad;
        c = (c << 6) | (s[i] & 0x3F);
    }
    if ((n == 3 && c < 0x800) || (n == 4 && (c < 0x10000 || c > 0x10FFFF)) ||
        (c >= 0xD800 && c <= 0xDFFF))
        goto bad;
    *cp = c;
    return n;
bad:
    *cp = UTF8_REPLACEMENT;
    return 1;
}

/* 1 when the eight bytes at s are all ASCII. */
static int ascii8(const unsigned char *s)
{
    uint64_t w;
    memcpy(&w, s, sizeof(w));
    return !(w & UINT64_C(0x8080808080808080));
}

/*
 * The characters from s + i while i < stop (or len): returns where it
 * stopped, at a character boundary, and sets *bad when that is an
 * invalid sequence.
 */
static size_t valid_chars(const unsigned char *s, size_t i, size_t len, size_t stop, int *bad)
{
    while (i < len && i < stop) {
        uint32_t c;
        size_t n;

        if (s[i] < 0x80) {
            i++;
            while (i + 8 <= len && ascii8(s + i))
                i += 8;
            continue;
        }
        /* three-byte sequences other than E0 and ED (Hangul, CJK) without decoding */
        if (s[i] >= 0xE1 && s[i] <= 0xEC && i + 3 <= len && (s[i + 1] & 0xC0) == 0x80 &&
            (s[i + 2] & 0xC0) == 0x80) {
            i += 3;
            continue;
        }
        n = utf8_decode((const char *)s + i, len - i, &c);
        if (c == UTF8_REPLACEMENT && n == 1) {
            *bad = 1;
            return i;
        }
        i += n;
    }
    return i;
}

#if defined(__SSE2__)
/*
 * For the 16 bytes at s (s[16] readable too): 1 when they are ASCII and
 * well-formed two- and three-byte sequences (three-byte leads E1..EF, ED
 * only before 80..9F: no surrogates; E0 and four-byte sequences are left to
 * valid_chars), given *carry, the continuation bytes the sequence the
 * previous block ended in still expects (bits 0 and 1). On success *carry
 * is updated; on failure it is left alone.
 */
static int block_valid(const unsigned char *s, unsigned *carry)
{
    __m128i v = _mm_loadu_si128((const __m128i *)s);
    __m128i v1 = _mm_loadu_si128((const __m128i *)(s + 1));
    unsigned hi = (unsigned)_mm_movemask_epi8(v), c, l2, l3, want;

    if (!hi)
        return !*carry;
    /* as signed bytes: continuations 80..BF are below -64, C2..DF -62..-33, E1..EF -31..-17 */
    c = (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(v, _mm_set1_epi8(-64)));
    l2 = (unsigned)_mm_movemask_epi8(_mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(-63)),
                                                   _mm_cmplt_epi8(v, _mm_set1_epi8(-32))));
    l3 = (unsigned)_mm_movemask_epi8(_mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(-32)),
                                                   _mm_cmplt_epi8(v, _mm_set1_epi8(-16))));
    want = (l2 << 1) | (l3 << 1) | (l3 << 2) | *carry;
    if ((c | l2 | l3) != hi || c != (want & 0xFFFF) ||
        _mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xED)),
                                        _mm_cmpgt_epi8(v1, _mm_set1_epi8((char)0x9F)))))
        return 0;
    *carry = want >> 16;
    return 1;
}

/*
 * Where the sequence that block_valid's blocks ended in starts, s + i being
 * the end of the last block: 1 or 2 bytes before it when carry says that
 * sequence goes on, else 0. Found from the bytes once, when the blocks stop,
 * rather than in every block.
 */
static size_t block_back(const unsigned char *s, size_t i, unsigned carry)
{
    if (!carry)
        return 0;
    return (s[i - 1] & 0xC0) == 0x80 ? 2 : 1;
}
#endif

size_t utf8__valid_prefix_sse2(const char *str, size_t len)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    int bad = 0;

#if defined(__SSE2__)
    /*
     * Korean text is ASCII and three-byte syllables, and a loop over
     * characters mispredicts a branch at every change from one to the
     * other: 16 bytes at once with SSE2 (every x86-64 has it), and a block
     * of anything else a character at a time.
     */
    unsigned carry = 0;
    while (i + 17 <= len) {
        if (block_valid(s + i, &carry)) {
            i += 16;
            continue;
        }
        i = valid_chars(s, i - block_back(s, i, carry), len, i + 16, &bad);
        carry = 0;
        if (bad)
            return i;
    }
    i -= block_back(s, i, carry);
#endif
    i = valid_chars(s, i, len, len, &bad);
    return i;
}

#if UTF8_SSSE3
/*
 * With SSSE3, the byte shuffle looks up three 4-bit tables at once, and
 * 16 bytes are validated with no branch and about 20 instructions
 * (Keiser and Lemire, "Validating UTF-8 in less than one instruction per
 * byte", Software: Practice and Experience 51(5), 2021, the "lookup"
 * algorithm as simdutf has it). Each pair of a byte and the one before it
 * is looked up by the high nibble of the first, its low nibble and the
 * high nibble of the second; a bit set in all three answers is an error
 * of that kind. What two bytes cannot tell (a third or fourth byte that
 * is missing or one too many) is found from the bytes two and three back.
 */
enum {
    UTF8_TOO_SHORT = 1 << 0,      /* a lead or ASCII where a continuation must be */
    UTF8_TOO_LONG = 1 << 1,       /* a continuation after ASCII */
    UTF8_OVERLONG_3 = 1 << 2,     /* E0 80..9F */
    UTF8_TOO_LARGE = 1 << 3,      /* F4 90..BF, F5.. */
    UTF8_SURROGATE = 1 << 4,      /* ED A0..BF */
    UTF8_OVERLONG_2 = 1 << 5,     /* C0, C1 */
    UTF8_TOO_LARGE_1000 = 1 << 6, /* F5.. 80..8F */
    UTF8_OVERLONG_4 = 1 << 6,     /* F0 80..8F */
    UTF8_TWO_CONTS = 1 << 7, /* a continuation after a continuation (the bytes before decide) */
    UTF8_CARRY = UTF8_TOO_SHORT | UTF8_TOO_LONG | UTF8_TWO_CONTS /* whatever the low nibble */
};

/* The errors of the 16 bytes in given prev, the 16 before them (0x80 bits: a continuation). */
__attribute__((target("ssse3"))) static __m128i block_errors(__m128i in, __m128i prev)
{
    const __m128i nibble = _mm_set1_epi8(0x0F);
    const __m128i byte1_high = _mm_setr_epi8(
        UTF8_TOO_LONG, UTF8_TOO_LONG, UTF8_TOO_LONG, UTF8_TOO_LONG, UTF8_TOO_LONG, UTF8_TOO_LONG,
        UTF8_TOO_LONG, UTF8_TOO_LONG, (char)UTF8_TWO_CONTS, (char)UTF8_TWO_CONTS,
        (char)UTF8_TWO_CONTS, (char)UTF8_TWO_CONTS, UTF8_TOO_SHORT | UTF8_OVERLONG_2,
        UTF8_TOO_SHORT, UTF8_TOO_SHORT | UTF8_OVERLONG_3 | UTF8_SURROGATE,
        UTF8_TOO_SHORT | UTF8_TOO_LARGE | UTF8_TOO_LARGE_1000 | UTF8_OVERLONG_4);
    const __m128i byte1_low =
        _mm_setr_epi8((char)(UTF8_CARRY | UTF8_OVERLONG_3 | UTF8_OVERLONG_2 | UTF8_OVERLONG_4),
                      (char)(UTF8_CARRY | UTF8_OVERLONG_2), (char)UTF8_CARRY, (char)UTF8_CARRY,
                      (char)(UTF8_CARRY | UTF8_TOO_LARGE),
                      (char)(UTF8_CARRY | UTF8_TOO_LARGE | UTF8_TOO_LARGE_1000),
                      (char)(UTF8_CARRY | UTF8_TOO_LARGE | UTF8_TOO_LARGE_1000),
                      (char)(UTF8_CARRY | UTF8_TOO_LARGE | UTF8_TOO_LARGE_1000),
                      (char)(UTF8_CARRY | UTF8_TOO_LARGE | UTF8_TOO_LARGE_1000),
                      (char)(UTF8_CARRY | UTF8_TOO_LARGE | UTF8_TOO_LARGE_1000),
                      (char)(UTF8_CARRY | UTF8_TOO_LARGE | UTF8_TOO_LARGE_1000),
                      (char)(UTF8_CARRY | UTF8_TOO_LARGE | UTF8_TOO_LARGE_1000),
                      (char)(UTF8_CARRY | UTF8_TOO_LARGE | UTF8_TOO_LARGE_1000),
                      (char)(UTF8_CARRY | UTF8_TOO_LARGE | UTF8_TOO_LARGE_1000 | UTF8_SURROGATE),
                      (char)(UTF8_CARRY | UTF8_TOO_LARGE | UTF8_TOO_LARGE_1000),
                      (char)(UTF8_CARRY | UTF8_TOO_LARGE | UTF8_TOO_LARGE_1000));
    const __m128i byte2_high = _mm_setr_epi8(
        UTF8_TOO_SHORT, UTF8_TOO_SHORT, UTF8_TOO_SHORT, UTF8_TOO_SHORT, UTF8_TOO_SHORT,
        UTF8_TOO_SHORT, UTF8_TOO_SHORT, UTF8_TOO_SHORT,
        (char)(UTF8_TOO_LONG | UTF8_OVERLONG_2 | UTF8_TWO_CONTS | UTF8_OVERLONG_3 |
               UTF8_TOO_LARGE_1000 | UTF8_OVERLONG_4),
        (char)(UTF8_TOO_LONG | UTF8_OVERLONG_2 | UTF8_TWO_CONTS | UTF8_OVERLONG_3 | UTF8_TOO_LARGE),
        (char)(UTF8_TOO_LONG | UTF8_OVERLONG_2 | UTF8_TWO_CONTS | UTF8_SURROGATE | UTF8_TOO_LARGE),
        (char)(UTF8_TOO_LONG | UTF8_OVERLONG_2 | UTF8_TWO_CONTS | UTF8_SURROGATE | UTF8_TOO_LARGE),
        UTF8_TOO_SHORT, UTF8_TOO_SHORT, UTF8_TOO_SHORT, UTF8_TOO_SHORT);
    __m128i prev1 = _mm_alignr_epi8(in, prev, 15);
    __m128i special = _mm_and_si128(
        _mm_and_si128(_mm_shuffle_epi8(byte1_high, _mm_and_si128(_mm_srli_epi16(prev1, 4), nibble)),
                      _mm_shuffle_epi8(byte1_low, _mm_and_si128(prev1, nibble))),
        _mm_shuffle_epi8(byte2_high, _mm_and_si128(_mm_srli_epi16(in, 4), nibble)));
    /* a third byte (two after E0..FF) or a fourth (three after F0..FF) must be a continuation */
    __m128i third = _mm_subs_epu8(_mm_alignr_epi8(in, prev, 14), _mm_set1_epi8(0xE0 - 0x80));
    __m128i fourth = _mm_subs_epu8(_mm_alignr_epi8(in, prev, 13), _mm_set1_epi8(0x70));
    __m128i must = _mm_and_si128(_mm_or_si128(third, fourth), _mm_set1_epi8((char)0x80));

    return _mm_xor_si128(must, special);
}

/*
 * Where the sequence that s[i] goes on starts, when one began before it
 * and does not end before it, else i. Assumes s[0..i) holds whole or
 * unfinished sequences only (validated up to i).
 */
static size_t seq_start(const unsigned char *s, size_t i)
{
    size_t k = i;

    while (k > 0 && i - k < 3 && (s[k - 1] & 0xC0) == 0x80)
        k--;
    if (k > 0 && s[k - 1] >= 0xC0) {
        size_t n = s[k - 1] >= 0xF0 ? 4 : s[k - 1] >= 0xE0 ? 3 : 2;
        if (n > i - (k - 1))
            return k - 1;
    }
    return i;
}

__attribute__((target("ssse3"))) size_t utf8__valid_prefix_ssse3(const char *str, size_t len)
{
    const unsigned char *s = (const unsigned char *)str;
    __m128i prev = _mm_setzero_si128(); /* the 16 bytes before; zeros start the text */
    size_t i = 0;
    int bad = 0;

    while (i + 16 <= len) {
        __m128i in = _mm_loadu_si128((const __m128i *)(s + i));
        __m128i err = block_errors(in, prev);

        if (_mm_movemask_epi8(_mm_cmpeq_epi8(err, _mm_setzero_si128())) == 0xFFFF) {
            prev = in;
            i += 16;
            continue;
        }
        /* from the start of the character the error is in or after, a character at a time */
        i = valid_chars(s, seq_start(s, i), len, i + 16, &bad);
        if (bad)
            return i;
        prev = _mm_setzero_si128(); /* i is a character boundary */
    }
    /* the last bytes, and a sequence the blocks left unfinished */
    return valid_chars(s, seq_start(s, i), len, len, &bad);
}

int utf8__have_ssse3(void)
{
    return __builtin_cpu_supports("ssse3");
}
#else
size_t utf8__valid_prefix_ssse3(const char *s, size_t len)
{
    return utf8__valid_prefix_sse2(s, len);
}

int utf8__have_ssse3(void)
{
    return 0;
}
#endif

size_t utf8_valid_prefix(const char *s, size_t len)
{
    /* chosen at each call: a bit test of what libgcc read from cpuid at start-up */
    return utf8__have_ssse3() ? utf8__valid_prefix_ssse3(s, len) : utf8__valid_prefix_sse2(s, len);
}

char *utf8_trim_invalid(char *s)
{
    s[utf8_valid_prefix(s, strlen(s))] = '\0';
    return s;
}

void utf8_add(struct strbuf *sb, uint32_t c)
{
    char b[4];
    if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        c = UTF8_REPLACEMENT;
    if (c < 0x80) {
        strbuf_addch(sb, (int)c);
        return;
    }
    if (c < 0x800) {
        b[0] = (char)(0xC0 | (c >> 6));
        b[1] = (char)(0x80 | (c & 0x3F));
        strbuf_add(sb, b, 2);
    } else if (c < 0x10000) {
        b[0] = (char)(0xE0 | (c >> 12));
        b[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        b[2] = (char)(0x80 | (c & 0x3F));
        strbuf_add(sb, b, 3);
    } else {
        b[0] = (char)(0xF0 | (c >> 18));
        b[1] = (char)(0x80 | ((c >> 12) & 0x3F));
        b[2] = (char)(0x80 | ((c >> 6) & 0x3F));
        b[3] = (char)(0x80 | (c & 0x3F));
        strbuf_add(sb, b, 4);
    }
}

size_t utf8_count(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            n++;
    return n;
}

size_t utf8_prev(const char *s, size_t pos)
{
    if (pos == 0)
        return 0;
    pos--;
    while (pos > 0 && ((unsigned char)s[pos] & 0xC0) == 0x80)
        pos--;
    return pos;
}

/* ---- text for people and terminals ---------------------------------------------- */

#define ONES UINT64_C(0x0101010101010101)
#define HIGHS UINT64_C(0x8080808080808080)

/* 1 when one of the eight bytes at s is below 0x20, 0x7F or 0xC2 (exact, SWAR). */
static int maybe_control8(const unsigned char *s)
{
    uint64_t w, x, y;
    memcpy(&w, s, sizeof(w));
    x = w ^ (ONES * 0x7F);
    y = w ^ (ONES * 0xC2);
    return !!(((w - ONES * 0x20) & ~w & HIGHS) | ((x - ONES) & ~x & HIGHS) |
              ((y - ONES) & ~y & HIGHS));
}

/* maybe_control8 for the four bytes at s. */
static int maybe_control4(const unsigned char *s)
{
    uint32_t w, x, y;
    const uint32_t ones = 0x01010101u, highs = 0x80808080u;
    memcpy(&w, s, sizeof(w));
    x = w ^ (ones * 0x7F);
    y = w ^ (ones * 0xC2);
    return !!(((w - ones * 0x20) & ~w & highs) | ((x - ones) & ~x & highs) |
              ((y - ones) & ~y & highs));
}

#if defined(__SSE2__)
/* Bit i set when v's byte i is below 0x20, 0x7F or 0xC2 (maybe_control8 for 16 bytes). */
static unsigned control16(__m128i v)
{
    __m128i low = _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1F)), v);
    return (unsigned)_mm_movemask_epi8(
        _mm_or_si128(low, _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(0x7F)),
                                       _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xC2)))));
}
#endif

size_t utf8_control_free_prefix(const char *str, size_t len)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;

#if defined(__SSE2__)
    /*
     * Forms and notes are mostly 8 to 40 bytes: 16 at a time, the last
     * step overlapping the one before, and 8 to 15 bytes as their first
     * and last eight in one register; a step that finds a control leaves
     * the rest to the byte loop below, from where it began.
     */
    if (len >= 16) {
        while (i + 16 <= len && !control16(_mm_loadu_si128((const __m128i *)(s + i))))
            i += 16;
        if (i + 16 > len &&
            (i == len || !control16(_mm_loadu_si128((const __m128i *)(s + len - 16)))))
            return len;
    } else if (len >= 8 &&
               !control16(_mm_unpacklo_epi64(_mm_loadl_epi64((const __m128i *)s),
                                             _mm_loadl_epi64((const __m128i *)(s + len - 8))))) {
        return len;
    }
#endif
    while (i + 8 <= len && !maybe_control8(s + i))
        i += 8;
    /* fewer than eight left: the last eight bytes, which overlap checked ones, in one step */
    if (i < len && i + 8 > len && len >= 8 && !maybe_control8(s + len - 8))
        return len;
    /* four to seven bytes (ids, kinds): two overlapping steps of four */
    if (len >= 4 && len < 8 && !maybe_control4(s) && !maybe_control4(s + len - 4))
        return len;
    while (i < len && s[i] >= 0x20 && s[i] != 0x7F && s[i] != 0xC2)
        i++;
    return i;
}

/* 1 when the ASCII byte b is a control that flags keep. */
static int kept_control(unsigned char b, unsigned flags)
{
    return (b == '\t' && (flags & UTF8_VISIBLE_TAB)) ||
           ((b == '\n' || b == '\r') && (flags & UTF8_VISIBLE_NEWLINE));
}

/* 1 when the eight bytes at s are printable ASCII, 0x20 to 0x7E. */
static int printable8(const unsigned char *s)
{
    return ascii8(s) && !maybe_control8(s);
}

/* printable8 for the four bytes at s. */
static int printable4(const unsigned char *s)
{
    uint32_t w;
    memcpy(&w, s, sizeof(w));
    return !(w & 0x80808080u) && !maybe_control4(s);
}

size_t utf8_visible_prefix(const char *str, size_t len, unsigned flags)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;

    /*
     * Printable ASCII (ids, kinds, English forms: most fields a writer
     * checks) in steps of eight, the last step overlapping the one before,
     * and four to seven bytes in two overlapping steps of four.
     */
    if (len >= 8) {
        while (i + 8 <= len && printable8(s + i))
            i += 8;
        if (i + 8 > len && (i == len || printable8(s + len - 8)))
            return len;
    } else if (len >= 4 && printable4(s) && printable4(s + len - 4)) {
        return len;
    }
    while (i < len) {
        unsigned char b = s[i];
        uint32_t c;
        size_t n;

        if (b >= 0x20 && b < 0x7F) {
            i++;
            /* printable ASCII eight bytes at a time */
            while (i + 8 <= len && ascii8(s + i) && !maybe_control8(s + i))
                i += 8;
            continue;
        }
        if (b < 0x80) {
            if (!kept_control(b, flags))
                return i;
            i++;
            continue;
        }
        /* three-byte sequences other than E0 and ED (Hangul, CJK) without decoding */
        if (b >= 0xE1 && b <= 0xEC && i + 3 <= len && (s[i + 1] & 0xC0) == 0x80 &&
            (s[i + 2] & 0xC0) == 0x80) {
            i += 3;
            continue;
        }
        n = utf8_decode(str + i, len - i, &c);
        if ((c == UTF8_REPLACEMENT && n == 1) || c <= 0x9F) /* not UTF-8, or C1 */
            return i;
        i += n;
    }
    return len;
}

size_t utf8_add_visible(struct strbuf *sb, const char *s, size_t len, unsigned flags)
{
    static const char hex[] = "0123456789abcdef";
    size_t i = 0, escaped = 0;

    while (i < len) {
        size_t ok = utf8_visible_prefix(s + i, len - i, flags), n;
        unsigned char b;
        uint32_t c;

        strbuf_add(sb, s + i, ok);
        i += ok;
        if (i == len)
            break;
        b = (unsigned char)s[i];
        if ((b == '\t' || b == '\n' || b == '\r') && (flags & UTF8_VISIBLE_BLANK)) {
            strbuf_addch(sb, ' ');
            i++;
            continue;
        }
        /* a control (C1 is two bytes) or one byte of an undecodable sequence */
        n = b < 0x80 ? 1 : utf8_decode(s + i, len - i, &c);
        for (size_t k = 0; k < n; k++) {
            unsigned char x = (unsigned char)s[i + k];
            char e[4] = {'\\', 'x', hex[x >> 4], hex[x & 15]};
            strbuf_add(sb, e, sizeof(e));
        }
        escaped += n;
        i += n;
    }
    return escaped;
}

void utf8_write_visible(FILE *fp, const char *s, unsigned flags)
{
    struct strbuf sb = STRBUF_INIT;
    size_t len;

    if (!s)
        return;
    len = strlen(s);
    if (utf8_visible_prefix(s, len, flags) == len) {
        fwrite(s, 1, len, fp);
        return;
    }
    utf8_add_visible(&sb, s, len, flags);
    fwrite(sb.buf, 1, sb.len, fp);
    strbuf_release(&sb);
}

size_t utf8_blank_controls(char *s, size_t len, unsigned flags)
{
    size_t i = utf8_control_free_prefix(s, len), d = i; /* the usual case: all of s */

    while (i < len) {
        unsigned char b = (unsigned char)s[i];
        if (b < 0x20 || b == 0x7F) {
            s[d++] = kept_control(b, flags) ? (char)b : ' ';
            i++;
        } else if (b == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] >= 0x80 &&
                   (unsigned char)s[i + 1] <= 0x9F) {
            s[d++] = ' '; /* U+0080..U+009F */
            i += 2;
        } else {
            s[d++] = s[i++];
        }
    }
    if (d < len)
        s[d] = '\0';
    return d;
}
