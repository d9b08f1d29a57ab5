/*
 * normalize.c - one line of document text folded to the plain form the
 * extractor reads (the rules are listed in normalize.h).
 *
 * A line goes through up to five passes, each from one strbuf to the next:
 *
 *   html      tags, comments, entities, <sup>   (only if the line has < or &)
 *   nfc       UAX #15 NFC                       (only if the line is not ASCII)
 *   fold      character folding, C0 controls, spaces collapsed
 *   markdown  escapes, emphasis, heading/quote markers, ^( and ^{
 *   space     runs of spaces to one, trimmed    (appends to the caller's out)
 *
 * HTML comes first so that a decoded &lt;p&gt; is text, not a tag, and so
 * that entities (&#x3131;, &nbsp;) reach NFC and folding like any other
 * character. NFC comes before folding because the folding table is written
 * for composed characters.
 *
 * NFC is in nfc.c, the HTML and markdown passes in markup.c (text_int.h).
 */
#include "text/normalize.h"

#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text/nfc.h"
#include "text/text_int.h"
#include "util/utf8.h"
#include "util/xmalloc.h"
#include "util/banned.h"

/* ---- character folding -------------------------------------------------------- */

/* 1 for the quotes and middle dots that fold to ' " and · (the marked form keeps them) */
static int is_mark(uint32_t c)
{
    return (c >= 0x2018 && c <= 0x201F) || c == 0x02BB || c == 0x02BC || c == 0x318D ||
           c == 0x30FB || c == 0xFF65 || c == 0x2024 || c == 0x2027 || c == 0x2219;
}

/*
 * Returns what c folds to: itself, another character, or 0 to drop it.
 * Spaces of every width become ' ', collapsed later. With keep_marks the
 * quotes and middle dots of is_mark stay as they are.
 */
static uint32_t fold_on_page(uint32_t c, int keep_marks);

static uint32_t fold_char_marks(uint32_t c, int keep_marks)
{
    /*
     * The pages of 256 code points that hold a character fold_on_page
     * changes (U+00xx, U+02xx, U+20xx, U+22xx, U+23xx, U+27xx, U+30xx, U+31xx,
     * U+FExx, U+FFxx): a character elsewhere is itself. Most that Korean
     * documents use and that are neither ASCII nor Hangul (arrows, circled
     * digits, shapes, hanja) are answered here. A case on another page must
     * be added here (test_fold_pages in tests/unit/test_text.c checks it).
     */
    static const uint32_t pages[8] = {
        [0x00 >> 5] = 1u << (0x00 & 31) | 1u << (0x02 & 31),
        [0x20 >> 5] = 1u << (0x20 & 31) | 1u << (0x22 & 31) | 1u << (0x23 & 31) |
                      1u << (0x27 & 31) | 1u << (0x30 & 31) | 1u << (0x31 & 31),
        [0xFE >> 5] = 1u << (0xFE & 31) | 1u << (0xFF & 31),
    };
    uint32_t page = c >> 8;

    if (page < 0x100 && !(pages[page >> 5] >> (page & 31) & 1))
        return c;
    return fold_on_page(c, keep_marks);
}

uint32_t text__fold_char(uint32_t c, int keep_marks, int shortcut)
{
    return shortcut ? fold_char_marks(c, keep_marks) : fold_on_page(c, keep_marks);
}

/* fold_char_marks for a character on one of its pages (or any character) */
static uint32_t fold_on_page(uint32_t c, int keep_marks)
{
    if (keep_marks && is_mark(c))
        return c;
    if (c < 0x20)
        return c == '\t' ? c : ' ';
    if (c == 0x7F || (c >= 0x80 && c <= 0x9F)) /* DEL, C1: terminal controls too */
        return ' ';
    if (c < 0x80)
        return c;
    if (c >= 0xFF01 && c <= 0xFF5E) /* fullwidth ASCII */
        return c - 0xFEE0;
    if ((c >= 0x2000 && c <= 0x200A) || c == 0xA0 || c == 0x3000 || c == 0x202F || c == 0x205F)
        return ' ';
    switch (c) {
    case 0x00AD: /* soft hyphen */
    case 0x200B: /* zero width space */
    case 0x200C: /* zero width non-joiner */
    case 0x200D: /* zero width joiner */
    case 0x2060: /* word joiner */
    case 0xFEFF: /* zero width no-break space (a stray BOM) */
        return 0;
    case 0x3008: /* 〈 */
    case 0x27E8: /* ⟨ */
    case 0x2329: /* 〈 */
        return '<';
    case 0x3009: /* 〉 */
    case 0x27E9: /* ⟩ */
    case 0x232A: /* 〉 */
        return '>';
    case 0x3010: /* 【 */
        return '[';
    case 0x3011: /* 】 */
        return ']';
    case 0x207D: /* ⁽ */
        return '(';
    case 0x207E: /* ⁾ */
        return ')';
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x02BB: /* ʻ MODIFIER LETTER TURNED COMMA, typed as an opening quote */
    case 0x02BC: /* ʼ MODIFIER LETTER APOSTROPHE, as a closing one */
        return '\'';
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
        return '"';
    case 0x318D: /* ㆍ HANGUL LETTER ARAEA, typed as a middle dot */
    case 0x30FB: /* ・ */
    case 0xFF65: /* ･ */
    case 0x2024: /* ․ ONE DOT LEADER, the hangeul word processor's middle dot */
    case 0x2027: /* ‧ */
    case 0x2219: /* ∙ */
        return 0xB7;
    case 0x2010:
    case 0x2011:
        return '-';
    case 0x301C: /* 〜 */
    case 0x3030: /* 〰 */
        return '~';
    default:
        return c;
    }
}

static uint32_t fold_char(uint32_t c)
{
    return fold_char_marks(c, 0);
}

#if defined(__SSE2__)
/*
 * From s + i, a character boundary: past whole blocks of 16 bytes of
 * printable ASCII and Hangul syllables (which fold to themselves), to the
 * character boundary where the rest must be read a character at a time.
 */
static size_t blocks_unfolded(const char *s, size_t i, size_t len)
{
    unsigned carry = 0;

    for (; i + 17 <= len; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(s + i));
        __m128i v1 = _mm_loadu_si128((const __m128i *)(s + i + 1));
        __m128i ctl = _mm_or_si128(_mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(-1)),
                                                 _mm_cmplt_epi8(v, _mm_set1_epi8(' '))),
                                   _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7F)));
        if (_mm_movemask_epi8(ctl) || !utf8_block_hangul(v, v1, &carry))
            break;
    }
    return i - utf8_block_back(carry);
}
#endif

/*
 * Copies runs of characters that fold to themselves in one strbuf_add.
 * Returns 1 when a character folded to one the markdown pass reads
 * (＊ to *, ＃ to #, 〉 to >), else 0.
 */
static int pass_fold(const char *s, size_t len, struct strbuf *out, int keep_marks)
{
    size_t i = 0, run = 0; /* run: start of the unchanged bytes not yet copied */
    size_t stop = len;     /* where to look for blocks again */
    int markdown = 0;

    while (i < len) {
        unsigned char b = (unsigned char)s[i];
        uint32_t c, f;
        size_t n;

#if defined(__SSE2__)
        if (i >= stop || i == 0) {
            i = blocks_unfolded(s, i, len);
            stop = i + 16;
            if (i >= len)
                break;
            b = (unsigned char)s[i];
        }
#endif
        if (b >= 0x20 && b < 0x7F) {
            i++;
            continue;
        }
        n = utf8_decode(s + i, len - i, &c);
        f = fold_char_marks(c, keep_marks);
        if (f == c) {
            i += n;
            continue;
        }
        strbuf_add(out, s + run, i - run);
        if (f)
            utf8_add(out, f);
        markdown |= f == '*' || f == '_' || f == '\\' || f == '^' || f == '#' || f == '>';
        run = i += n;
    }
    strbuf_add(out, s + run, i - run);
    return markdown;
}

/* ---- spaces ------------------------------------------------------------------- */

/*
 * The rule of pass_space: a run of spaces becomes one space when a
 * character other than a TAB stands on each side of it, and goes when a
 * TAB or an end of the line is next to it (the cell boundary carries the
 * separation). TABs stay.
 */

#if defined(__SSE2__)
/*
 * The rule over one block: the 16 bytes at p (p[16..31] readable too), of
 * which the first valid (1..16) are the line's, are written at d (room for
 * 16 bytes past what is written) without the spaces that go; returns the
 * new end. Bytes past the line's end must be TABs, so that spaces before
 * it go. *gone_in is 1 when a run of spaces that goes on at p[0] is to go
 * (p[-1] is a TAB, the line's start or a space of such a run), else 0, and
 * is set for the next block.
 *
 * Each run keeps its last space, unless a TAB or the end follows it or the
 * run began after a TAB or the start: the run's bits are found from its
 * first one by an addition, whose carry runs through the run. Copying
 * skips each space that goes with one more store of 16 bytes, so a block
 * with two spaces costs one store more than a block without.
 */
static char *space_block(const char *p, unsigned valid, unsigned *gone_in, char *d)
{
    const __m128i sp = _mm_set1_epi8(' '), tab = _mm_set1_epi8('\t');
    __m128i v = _mm_loadu_si128((const __m128i *)p);
    __m128i v1 = _mm_loadu_si128((const __m128i *)(p + 1));
    unsigned s = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, sp));
    unsigned t = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, tab));
    /* of the byte after each: a space, a TAB */
    unsigned s1 = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v1, sp));
    unsigned t1 = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v1, tab));
    /* the first space of each run (at p[0] perhaps one going on: *gone_in decides) */
    unsigned first = s & ~(s << 1);
    /* the spaces of the runs after a TAB or the start */
    unsigned gone = ((s + (first & ((t << 1) | *gone_in))) ^ s) & s;
    /* and every space before a space or a TAB (or the end) */
    unsigned drop = s & (s1 | t1 | gone) & ((1u << valid) - 1);
    unsigned from = 0;

    *gone_in = ((t | gone) >> 15) & 1;
    if (!drop) {
        _mm_storeu_si128((__m128i *)d, v);
        return d + valid;
    }
    for (; drop; drop &= drop - 1) {
        unsigned at = (unsigned)__builtin_ctz(drop);
        _mm_storeu_si128((__m128i *)d, _mm_loadu_si128((const __m128i *)(p + from)));
        d += at - from;
        from = at + 1;
    }
    _mm_storeu_si128((__m128i *)d, _mm_loadu_si128((const __m128i *)(p + from)));
    return d + (valid - from);
}

/* Applies the rule to s[0..len) and appends the result to out. */
static void pass_space(const char *s, size_t len, struct strbuf *out)
{
    unsigned gone_in = 1; /* the line's start is like a TAB */
    char tail[48];
    size_t tail_at = len; /* where the copy in tail starts */
    char *d;

    /* room for a block's 16 bytes: d is never ahead of s + i */
    strbuf_grow(out, len + 16);
    d = out->buf + out->len;
    /* one call of space_block, so that it is inlined */
    for (size_t i = 0; i < len; i += 16) {
        const char *p = s + i;

        if (i + 32 > len) {
            /* the last bytes, fewer than 32, from a copy padded with TABs (the end is like one) */
            if (tail_at == len) {
                tail_at = i;
                memcpy(tail, p, len - i);
                memset(tail + (len - i), '\t', sizeof(tail) - (len - i));
            }
            p = tail + (i - tail_at);
        }
        d = space_block(p, len - i < 16 ? (unsigned)(len - i) : 16, &gone_in, d);
    }
    strbuf_setlen(out, (size_t)(d - out->buf));
}
#else
/* Applies the rule to s[0..len) and appends the result to out, a byte at a time. */
static void pass_space(const char *s, size_t len, struct strbuf *out)
{
    int start = 1;   /* nothing but TABs written yet */
    int pending = 0; /* spaces seen since the last character written */
    int after_tab = 0;
    char *d;

    strbuf_grow(out, len);
    d = out->buf + out->len;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (c == ' ') {
            pending = !after_tab;
        } else if (c == '\t') {
            *d++ = '\t'; /* spaces before and after a TAB go; the TAB stays */
            pending = 0;
            after_tab = 1;
        } else {
            if (pending && !start)
                *d++ = ' ';
            *d++ = c;
            pending = after_tab = start = 0;
        }
    }
    strbuf_setlen(out, (size_t)(d - out->buf));
}
#endif

/* ---- the line ----------------------------------------------------------------- */

/*
 * What a line needs beyond collapsing spaces. Most lines of Korean prose
 * are ASCII, Hangul syllables and punctuation that is already in its final
 * form, so they skip every pass but the last one (and allocate nothing).
 */
enum {
    NEED_HTML = 1 << 0,     /* '<' or '&' */
    NEED_NFC = 1 << 1,      /* a character NFC may change */
    NEED_FOLD = 1 << 2,     /* a control, width or quote character to fold */
    NEED_MARKDOWN = 1 << 3, /* a character markdown syntax uses */
    NEED_SPACE = 1 << 4,    /* TAB, or a space at an end or next to another */
};

/* What each ASCII byte asks for (a space only next to another: see line_needs). */
static const unsigned char ascii_needs[128] = {
    [0x00] = NEED_FOLD,     [0x01] = NEED_FOLD,    [0x02] = NEED_FOLD,    [0x03] = NEED_FOLD,
    [0x04] = NEED_FOLD,     [0x05] = NEED_FOLD,    [0x06] = NEED_FOLD,    [0x07] = NEED_FOLD,
    [0x08] = NEED_FOLD,     ['\t'] = NEED_SPACE,   [0x0A] = NEED_FOLD,    [0x0B] = NEED_FOLD,
    [0x0C] = NEED_FOLD,     [0x0D] = NEED_FOLD,    [0x0E] = NEED_FOLD,    [0x0F] = NEED_FOLD,
    [0x10] = NEED_FOLD,     [0x11] = NEED_FOLD,    [0x12] = NEED_FOLD,    [0x13] = NEED_FOLD,
    [0x14] = NEED_FOLD,     [0x15] = NEED_FOLD,    [0x16] = NEED_FOLD,    [0x17] = NEED_FOLD,
    [0x18] = NEED_FOLD,     [0x19] = NEED_FOLD,    [0x1A] = NEED_FOLD,    [0x1B] = NEED_FOLD,
    [0x1C] = NEED_FOLD,     [0x1D] = NEED_FOLD,    [0x1E] = NEED_FOLD,    [0x1F] = NEED_FOLD,
    ['<'] = NEED_HTML,      ['&'] = NEED_HTML,     ['*'] = NEED_MARKDOWN, ['_'] = NEED_MARKDOWN,
    ['\\'] = NEED_MARKDOWN, ['^'] = NEED_MARKDOWN, ['#'] = NEED_MARKDOWN, ['>'] = NEED_MARKDOWN,
    [0x7F] = NEED_FOLD,
};

#if defined(__SSE2__)
/*
 * line_needs of the 16 bytes at p (p[16] readable too) when they hold
 * nothing but Hangul syllables, spaces and ASCII that asks for nothing
 * (ascii_needs 0): sets NEED_SPACE in *need for a TAB or two spaces and
 * returns 0. Else returns the positions of what must be read a character
 * at a time (bit i for p[i], always the first byte of a character), and
 * sets *spaces to the positions of TABs and of spaces followed by another.
 *
 * The line is valid UTF-8 (normalize.h), so a byte of 0x80 and above is
 * part of a Hangul syllable U+AC00..U+D77F when it is a continuation byte
 * or a lead EA..ED, EA not before 80..AF (U+A000..U+ABFF) and ED not
 * before 9E..BF (the last 36 syllables are left to the caller): no
 * sequence needs checking, and no state goes from block to block. Were
 * the line not UTF-8 after all, what passes would still come out as it
 * went in, as it does from every pass.
 */
static unsigned block_needs(const char *p, unsigned *need, unsigned *spaces)
{
    const __m128i sp = _mm_set1_epi8(' ');
    __m128i v = _mm_loadu_si128((const __m128i *)p);
    __m128i v1 = _mm_loadu_si128((const __m128i *)(p + 1));
    __m128i tab = _mm_cmpeq_epi8(v, _mm_set1_epi8('\t'));
    /* C0 controls (TAB aside), DEL and the bytes of HTML and markdown, in pairs where one
     * bit tells them apart: '<' '>' (| 2 is '>'), '\\' '^' (| 2 is '^'), '_' DEL (& ~0x20 is '_')
     */
    __m128i ask = _mm_andnot_si128(
        tab, _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(-1)), _mm_cmplt_epi8(v, sp)));
    __m128i or2 = _mm_or_si128(v, _mm_set1_epi8(2));
    __m128i other;
    unsigned bad;

    ask = _mm_or_si128(ask, _mm_cmpeq_epi8(or2, _mm_set1_epi8('>')));
    ask = _mm_or_si128(ask, _mm_cmpeq_epi8(or2, _mm_set1_epi8('^')));
    ask = _mm_or_si128(
        ask, _mm_cmpeq_epi8(_mm_andnot_si128(_mm_set1_epi8(0x20), v), _mm_set1_epi8('_')));
    ask = _mm_or_si128(ask, _mm_cmpeq_epi8(v, _mm_set1_epi8('&')));
    ask = _mm_or_si128(ask, _mm_cmpeq_epi8(v, _mm_set1_epi8('*')));
    ask = _mm_or_si128(ask, _mm_cmpeq_epi8(v, _mm_set1_epi8('#')));
    /* as signed bytes, leads C0..E9 are -64..-23 and EE..FF -18..-1; EA..ED are -22..-19 */
    other = _mm_or_si128(
        _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(-65)), _mm_cmplt_epi8(v, _mm_set1_epi8(-22))),
        _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(-19)),
                      _mm_cmplt_epi8(v, _mm_setzero_si128())));
    other = _mm_or_si128(other, _mm_and_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xEA)),
                                              _mm_cmplt_epi8(v1, _mm_set1_epi8((char)0xB0))));
    other = _mm_or_si128(other, _mm_and_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xED)),
                                              _mm_cmpgt_epi8(v1, _mm_set1_epi8((char)0x9D))));
    *spaces = (unsigned)_mm_movemask_epi8(
        _mm_or_si128(tab, _mm_and_si128(_mm_cmpeq_epi8(v, sp), _mm_cmpeq_epi8(v1, sp))));
    bad = (unsigned)_mm_movemask_epi8(_mm_or_si128(ask, other));
    if (!bad && *spaces)
        *need |= NEED_SPACE;
    return bad;
}

/*
 * line_needs from s + i over blocks of 16 bytes while block_needs passes
 * them; returns where the line must be looked at a character at a time (a
 * character boundary), len when nowhere, and in *upto the end of the
 * first thing to look at. The last bytes of a line, fewer than a block,
 * are checked in a copy padded with 'a' (which asks for nothing).
 */
static size_t blocks_needs(const char *s, size_t i, size_t len, unsigned *need, size_t *upto)
{
    unsigned bad, spaces;
    char tail[33];

    for (; i < len; i += 16) {
        const char *p = s + i;
        size_t at;

        if (i + 17 > len) {
            memcpy(tail, p, len - i);
            memset(tail + (len - i), 'a', sizeof(tail) - (len - i));
            p = tail;
        }
        bad = block_needs(p, need, &spaces);
        if (!bad)
            continue;
        at = (size_t)__builtin_ctz(bad);
        if (spaces & ((1u << at) - 1))
            *need |= NEED_SPACE;
        *upto = i + at + 1;
        return i + at;
    }
    *upto = len;
    return len;
}
#endif

static unsigned line_needs(const char *s, size_t len)
{
    unsigned need = 0;
    size_t i = 0, stop = len;

    if (len && (s[0] == ' ' || s[len - 1] == ' '))
        need |= NEED_SPACE;
    while (i < len) {
#if defined(__SSE2__)
        /* blocks at once; what stops them (a '·', a quote, a '*') a character at a time, and on */
        i = blocks_needs(s, i, len, &need, &stop);
#endif
        for (; i < len && i < stop;) {
            unsigned char b = (unsigned char)s[i];
            uint32_t c;
            size_t n;

            if (b < 0x80) {
                if (b == ' ' && i + 1 < len && s[i + 1] == ' ')
                    need |= NEED_SPACE;
                need |= ascii_needs[b];
                i++;
                continue;
            }
            /* EB, EC: Hangul syllables U+B000..U+CFFF, nothing to do */
            if ((b == 0xEB || b == 0xEC) && i + 3 <= len && (s[i + 1] & 0xC0) == 0x80 &&
                (s[i + 2] & 0xC0) == 0x80) {
                i += 3;
                continue;
            }
            n = utf8_decode(s + i, len - i, &c);
            i += n;
            if (uc_is_hangul_syllable(c))
                continue;
            if (c == UTF8_REPLACEMENT && n == 1)
                need |= NEED_NFC | NEED_FOLD; /* not UTF-8: let the passes decide */
            if (text__nfc_unsafe(c))
                need |= NEED_NFC;
            if (fold_char(c) != c)
                need |= NEED_FOLD;
        }
    }
    return need;
}

/* Normalises s[0..len) onto out, with the passes' buffers in t. */
static void normalize_line(const char *s, size_t len, struct strbuf *out, int keep_marks,
                           struct text_scratch *t)
{
    struct strbuf *a = &t->a, *b = &t->b;
    const char *cur = s;
    size_t cur_len = len;
    unsigned need;

    assert(out && (s || !len));
    need = line_needs(s, len);
    if (!(need & ~(unsigned)NEED_SPACE)) {
        /* the usual line: nothing to fold, so no scratch */
        if (need)
            pass_space(s, len, out);
        else
            strbuf_add(out, s, len);
        return;
    }
    /* room for the passes at once, not a reallocation per run they copy */
    strbuf_reset(a);
    strbuf_reset(b);
    strbuf_grow(a, len + 16);
    strbuf_grow(b, len + 16);

    if (need & NEED_HTML) {
        text__pass_html(cur, cur_len, a);
        cur = a->buf;
        cur_len = a->len;
        /* entities can stand for any character */
        need |= NEED_NFC | NEED_FOLD | NEED_MARKDOWN;
    }
    if (need & NEED_NFC) {
        text_nfc(cur, cur_len, b);
        cur = b->buf;
        cur_len = b->len;
        need |= NEED_FOLD; /* composition can make a foldable character (U+2329) */
    }
    if (need & NEED_FOLD) {
        strbuf_reset(a);
        /* folding can make markdown characters (＊ to *); NFC makes none (UAX #15 maps no
         * character to a sequence with * _ \ ^ # or >) */
        if (pass_fold(cur, cur_len, a, keep_marks))
            need |= NEED_MARKDOWN;
        cur = a->buf;
        cur_len = a->len;
    }
    if (need & NEED_MARKDOWN) {
        strbuf_reset(b);
        text__pass_markdown(cur, cur_len, b);
        cur = b->buf;
        cur_len = b->len;
    }
    if (need & ~(unsigned)NEED_SPACE)
        need |= NEED_SPACE; /* the passes can make spaces (&nbsp;, U+3000, a tag) */
    if (need & NEED_SPACE)
        pass_space(cur, cur_len, out);
    else
        strbuf_add(out, cur, cur_len);
}

void text_scratch_release(struct text_scratch *t)
{
    strbuf_release(&t->a);
    strbuf_release(&t->b);
}

void text_normalize_line_scratch(const char *s, size_t len, struct strbuf *out,
                                 struct text_scratch *t)
{
    normalize_line(s, len, out, 0, t);
}

void text_normalize_line(const char *s, size_t len, struct strbuf *out)
{
    struct text_scratch t = TEXT_SCRATCH_INIT;

    normalize_line(s, len, out, 0, &t);
    text_scratch_release(&t);
}

void text_normalize_line_marked(const char *s, size_t len, struct strbuf *out)
{
    struct text_scratch t = TEXT_SCRATCH_INIT;

    normalize_line(s, len, out, 1, &t);
    text_scratch_release(&t);
}
