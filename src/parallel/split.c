/*
 * split.c - sentence boundaries in one paragraph (see split.h for the rules).
 *
 * The paragraph is decoded once into code points with their byte offsets;
 * the rules look a token back and a token ahead of each candidate mark.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "parallel/split.h"
#include "util/utf8.h"
#include "util/xmalloc.h"
#include "util/banned.h"

struct cps {
    uint32_t *cp;
    size_t *off; /* byte offset of cp[i]; off[n] = length */
    size_t n;
};

static int is_space(uint32_t c)
{
    /* the reader removes zero-width characters, but text from elsewhere may keep them */
    return uc_is_space(c) || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF ||
           c == '\n' || c == '\r';
}

static int is_terminal(uint32_t c)
{
    return c == '.' || c == '?' || c == '!' || c == 0x3002 || c == 0x2026;
}

static int is_closer(uint32_t c)
{
    switch (c) {
    case ')':
    case ']':
    case '}':
    case '"':
    case '\'':
    case '>':
    case 0x2019: /* ’ */
    case 0x201D: /* ” */
    case 0x203A: /* › */
    case 0x300B: /* 》 */
    case 0x300D: /* 」 */
    case 0x300F: /* 』 */
    case 0x3009: /* 〉 */
    case 0xFF09: /* ） */
        return 1;
    default:
        return 0;
    }
}

static int is_opener(uint32_t c)
{
    return c == '(' || c == '[' || c == '{' || c == '"' || c == '\'' || c == '<' || c == 0x2018 ||
           c == 0x201C || c == 0x2039 || c == 0x300A || c == 0x300C || c == 0x300E || c == 0x3008;
}

/* Markers that open an item: seen after a space mid-line, they start a new sentence. */
static int is_marker(uint32_t c)
{
    switch (c) {
    case 0x25A1: /* □ */
    case 0x25A0: /* ■ */
    case 0x25C7: /* ◇ */
    case 0x25C6: /* ◆ */
    case 0x25CB: /* ○ */
    case 0x25CF: /* ● */
    case 0x25E6: /* ◦ */
    case 0x2022: /* • */
    case 0x25AA: /* ▪ */
    case 0x25B6: /* ▶ */
    case 0x25BA: /* ► */
    case 0x203B: /* ※ */
    case 0x2039: /* ‹ */
        return 1;
    default:
        /* ① .. ⑳, ❶ .. ➓ */
        return (c >= 0x2460 && c <= 0x2473) || (c >= 0x2776 && c <= 0x2793);
    }
}

/* Markers allowed only at the start of a paragraph or sentence (also common as words or dashes). */
static int is_lead_marker(uint32_t c)
{
    return is_marker(c) || c == 0x3147 /* ㅇ */ || c == 'o' || c == '-' || c == '*' ||
           c == 0x2013 || c == 0x2014 || c == 0x00B7 || c == 0x318D;
}

static int is_upper(uint32_t c)
{
    return c >= 'A' && c <= 'Z';
}

static int is_lower(uint32_t c)
{
    return c >= 'a' && c <= 'z';
}

/* Abbreviations after which a full stop does not end an English sentence. */
static const char *const abbrevs[] = {
    "Dr",  "Mr",  "Mrs",    "Ms",   "Prof", "Inc", "Ltd", "Co",   "Corp", "Jr",   "Sr",
    "St",  "vs",  "e.g",    "i.e",  "U.S",  "U.K", "U.N", "E.U",  "Fig",  "Figs", "Vol",
    "Nos", "cf",  "approx", "Dept", "Gov",  "Sen", "Rep", "Gen",  "Lt",   "Col",  "Sgt",
    "Mt",  "Jan", "Feb",    "Mar",  "Apr",  "Jun", "Jul", "Aug",  "Sep",  "Sept", "Oct",
    "Nov", "Dec", "a.m",    "p.m",  "Ph.D", "al",  "Ave", "Blvd", "Assn", "Bros", "Univ",
    "Rev", "Hon", "pp",     "ed",   "eds",  "Art", "Sec", "Ch",   "para", "Eq",   "vol",
    "no",  "op",  "Ref",    "ref",  "min",  "max", "est", "incl", "Est"};

static int token_is(const struct cps *t, size_t a, size_t b, const char *w)
{
    size_t k = 0;
    for (size_t i = a; i < b; i++, k++)
        if (!w[k] || t->cp[i] != (unsigned char)w[k])
            return 0;
    return w[k] == '\0';
}

static int is_abbrev(const struct cps *t, size_t a, size_t b)
{
    for (size_t i = 0; i < sizeof(abbrevs) / sizeof(abbrevs[0]); i++)
        if (token_is(t, a, b, abbrevs[i]))
            return 1;
    return 0;
}

static int all_digits(const struct cps *t, size_t a, size_t b)
{
    if (a >= b)
        return 0;
    for (size_t i = a; i < b; i++)
        if (!uc_is_digit(t->cp[i]))
            return 0;
    return 1;
}

static int is_roman(const struct cps *t, size_t a, size_t b)
{
    if (a >= b || b - a > 5)
        return 0;
    for (size_t i = a; i < b; i++)
        if (!strchr("IVXivx", (int)t->cp[i]))
            return 0;
    return 1;
}

/* 가 나 다 ... 하: the letters Korean documents number items with (가. 나. 다.). */
static int is_item_letter(uint32_t c)
{
    static const uint32_t letters[] = {0xAC00, 0xB098, 0xB2E4, 0xB77C, 0xB9C8, 0xBC14, 0xC0AC,
                                       0xC544, 0xC790, 0xCC28, 0xCE74, 0xD0C0, 0xD30C, 0xD558};
    for (size_t i = 0; i < sizeof(letters) / sizeof(letters[0]); i++)
        if (c == letters[i])
            return 1;
    return 0;
}

/* Whether only spaces and lead markers come between the sentence start and position a. */
static int opens_sentence(const struct cps *t, size_t start, size_t a)
{
    for (size_t i = start; i < a; i++)
        if (!is_space(t->cp[i]) && !is_lead_marker(t->cp[i]) && !is_opener(t->cp[i]))
            return 0;
    return 1;
}

/*
 * The mark sequence starting at i (a terminal mark) ends at *end (exclusive,
 * after closers); returns whether a sentence ends there.
 */
static int ends_sentence(const struct cps *t, size_t start, size_t i, size_t *end)
{
    size_t e = i;
    while (e < t->n && is_terminal(t->cp[e]))
        e++;
    while (e < t->n && (is_closer(t->cp[e]) || is_terminal(t->cp[e])))
        e++;
    *end = e;
    if (e < t->n && !is_space(t->cp[e]))
        return 0; /* 3.5, 4.(화), U.S, "했다."라고 */
    size_t nx = e;
    while (nx < t->n && is_space(t->cp[nx]))
        nx++;
    if (nx >= t->n)
        return 1;
    uint32_t next = t->cp[nx];
    /* the token before the mark: back over non-spaces, then openers off its start */
    size_t b = i, a = i;
    while (a > start && !is_space(t->cp[a - 1]))
        a--;
    while (a < b && is_opener(t->cp[a]))
        a++;
    if (a == b) /* a mark after a space or an opener alone */
        return !is_lower(next);
    uint32_t last = t->cp[b - 1];
    int first = opens_sentence(t, start, a);

    if (t->cp[i] == '.' && e > i + 1 && is_closer(t->cp[i + 1]) && uc_is_digit(last))
        return 0; /* a date closing a bracket: (’24.5.21.) */
    if (t->cp[i] != '.' || e > i + 1)
        return !is_lower(next); /* ? ! 。 … "..." or a closer after the full stop: 다.) */
    if (uc_is_hangul_syllable(last)) {
        if (b - a == 1 && first && is_item_letter(last))
            return 0; /* 가. 나. */
        return 1;
    }
    if (is_closer(last))
        return !is_lower(next);
    if (all_digits(t, a, b)) {
        if (first)
            return 0; /* 1. 개요 */
        if (uc_is_digit(next))
            return 0; /* 2018. 9. */
        /* the token before is a number with a full stop: the day of 2018. 9. 4. */
        size_t p = a;
        while (p > start && is_space(t->cp[p - 1]))
            p--;
        if (p > start && t->cp[p - 1] == '.' && p - 1 > start && uc_is_digit(t->cp[p - 2]))
            return 0;
        return !is_lower(next);
    }
    if (first && (is_roman(t, a, b) || (b - a == 1 && (is_lower(last) || is_upper(last)))))
        return 0; /* II. a. A. */
    if (b - a == 1 && is_upper(last))
        return 0; /* J. Smith */
    if (token_is(t, a, b, "No") || token_is(t, a, b, "no") || token_is(t, a, b, "Art") ||
        token_is(t, a, b, "Sec") || token_is(t, a, b, "p"))
        return !uc_is_digit(next) && !is_lower(next);
    if (is_abbrev(t, a, b))
        return 0;
    return !is_lower(next);
}

static void push(struct par_span **spans, size_t *n, size_t *cap, const struct cps *t, size_t a,
                 size_t b)
{
    while (a < b && is_space(t->cp[a]))
        a++;
    while (b > a && is_space(t->cp[b - 1]))
        b--;
    if (a == b)
        return;
    if (*n == *cap) {
        *cap = *cap ? 2 * *cap : 16;
        *spans = xrealloc(*spans, st_mult(*cap, sizeof(**spans)));
    }
    (*spans)[*n].off = t->off[a];
    (*spans)[*n].len = t->off[b] - t->off[a];
    (*n)++;
}

size_t par_split(const char *s, size_t len, struct par_span **spans, size_t *n, size_t *cap)
{
    struct cps t;
    size_t before = *n, start = 0;

    t.cp = xmalloc(st_mult(len + 1, sizeof(*t.cp)));
    t.off = xmalloc(st_mult(len + 1, sizeof(*t.off)));
    t.n = 0;
    for (size_t i = 0; i < len;) {
        uint32_t c;
        size_t k = utf8_decode(s + i, len - i, &c);
        if (!k) {
            c = 0xFFFD;
            k = 1;
        }
        t.cp[t.n] = c;
        t.off[t.n++] = i;
        i += k;
    }
    t.off[t.n] = len;

    for (size_t i = 0; i < t.n; i++) {
        uint32_t c = t.cp[i];
        if (is_terminal(c)) {
            size_t end;
            if (ends_sentence(&t, start, i, &end)) {
                push(spans, n, cap, &t, start, end);
                start = end;
            }
            i = end - 1;
        } else if (i > start && is_space(t.cp[i - 1]) && !opens_sentence(&t, start, i) &&
                   (is_marker(c) || (c == 0x3147 && i + 1 < t.n && is_space(t.cp[i + 1])))) {
            /* □ ... ㅇ ... : an item marker after a space starts the next item */
            push(spans, n, cap, &t, start, i);
            start = i;
        }
    }
    push(spans, n, cap, &t, start, t.n);
    free(t.cp);
    free(t.off);
    return *n - before;
}
