/*
 * markup.c - the markup passes of text_normalize_line (normalize.h): HTML
 * tags, comments, entities and <sup>; markdown escapes, emphasis and
 * heading/quote markers. Each reads one buffer and appends to another.
 */
#include <stdint.h>
#include <string.h>

#include "text/text_int.h"
#include "util/utf8.h"
#include "util/banned.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* ---- HTML --------------------------------------------------------------------- */

/*
 * HTML elements whose tags are removed; block elements leave a space so
 * that "<td>a</td><td>b</td>" does not run words together.
 */
static const struct {
    const char *name; /* element name, lower-case */
    int block;        /* 1 for a block-level element */
} html_elements[] = {
    {"a", 0},       {"abbr", 0},       {"address", 1},  {"article", 1}, {"aside", 1},
    {"b", 0},       {"bdi", 0},        {"bdo", 0},      {"big", 0},     {"blockquote", 1},
    {"body", 1},    {"br", 1},         {"caption", 1},  {"center", 1},  {"cite", 0},
    {"code", 0},    {"col", 1},        {"colgroup", 1}, {"dd", 1},      {"del", 0},
    {"details", 1}, {"dfn", 0},        {"div", 1},      {"dl", 1},      {"dt", 1},
    {"em", 0},      {"figcaption", 1}, {"figure", 1},   {"font", 0},    {"footer", 1},
    {"h1", 1},      {"h2", 1},         {"h3", 1},       {"h4", 1},      {"h5", 1},
    {"h6", 1},      {"head", 1},       {"header", 1},   {"hr", 1},      {"html", 1},
    {"i", 0},       {"img", 0},        {"ins", 0},      {"kbd", 0},     {"li", 1},
    {"main", 1},    {"mark", 0},       {"nav", 1},      {"ol", 1},      {"p", 1},
    {"pre", 1},     {"q", 0},          {"s", 0},        {"samp", 0},    {"section", 1},
    {"small", 0},   {"span", 0},       {"strike", 0},   {"strong", 0},  {"sub", 0},
    {"summary", 1}, {"sup", 0},        {"table", 1},    {"tbody", 1},   {"td", 1},
    {"tfoot", 1},   {"th", 1},         {"thead", 1},    {"title", 1},   {"tr", 1},
    {"tt", 0},      {"u", 0},          {"ul", 1},       {"var", 0},     {"wbr", 0},
};

/* The entities documents use; numeric ones cover the rest. */
static const struct {
    const char *name; /* without & and ; */
    uint32_t cp;      /* the character */
} html_entities[] = {
    {"amp", '&'},       {"AMP", '&'},      {"lt", '<'},        {"LT", '<'},
    {"gt", '>'},        {"GT", '>'},       {"quot", '"'},      {"QUOT", '"'},
    {"apos", '\''},     {"nbsp", 0xA0},    {"ensp", 0x2002},   {"emsp", 0x2003},
    {"thinsp", 0x2009}, {"zwnj", 0x200C},  {"zwj", 0x200D},    {"shy", 0xAD},
    {"middot", 0xB7},   {"bull", 0x2022},  {"hellip", 0x2026}, {"ndash", 0x2013},
    {"mdash", 0x2014},  {"minus", 0x2212}, {"lsquo", 0x2018},  {"rsquo", 0x2019},
    {"sbquo", 0x201A},  {"ldquo", 0x201C}, {"rdquo", 0x201D},  {"bdquo", 0x201E},
    {"laquo", 0xAB},    {"raquo", 0xBB},   {"lsaquo", 0x2039}, {"rsaquo", 0x203A},
    {"copy", 0xA9},     {"reg", 0xAE},     {"trade", 0x2122},  {"deg", 0xB0},
    {"plusmn", 0xB1},   {"times", 0xD7},   {"divide", 0xF7},   {"micro", 0xB5},
    {"para", 0xB6},     {"sect", 0xA7},    {"cent", 0xA2},     {"pound", 0xA3},
    {"yen", 0xA5},      {"euro", 0x20AC},  {"sup1", 0xB9},     {"sup2", 0xB2},
    {"sup3", 0xB3},     {"frac12", 0xBD},  {"frac14", 0xBC},   {"frac34", 0xBE},
    {"larr", 0x2190},   {"rarr", 0x2192},  {"uarr", 0x2191},   {"darr", 0x2193},
    {"le", 0x2264},     {"ge", 0x2265},    {"ne", 0x2260},     {"prime", 0x2032},
};

static int is_alpha(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_alnum(int c)
{
    return is_alpha(c) || (c >= '0' && c <= '9');
}

static int is_hex(int c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static int hex_value(int c)
{
    return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}

/* Longest tag recognised, attributes included; longer ones stay text. */
#define HTML_TAG_MAX 2048

enum tag_kind { TAG_NONE, TAG_INLINE, TAG_BLOCK, TAG_SUP_OPEN, TAG_SUP_CLOSE };

/*
 * Recognises an HTML tag of a known element at s ('<' at s[0]): <name>,
 * </name>, <name/>, <name attr="...">. Returns its kind and sets *taglen;
 * TAG_NONE for anything else, such as <클라우드> or an unclosed "<p".
 */
static enum tag_kind html_tag(const char *s, size_t len, size_t *taglen /* OUT */)
{
    char name[12];
    size_t p = 1, n = 0, i;
    int close = 0;
    char quote = 0;

    if (p < len && s[p] == '/') {
        close = 1;
        p++;
    }
    if (p >= len || !is_alpha((unsigned char)s[p]))
        return TAG_NONE;
    while (p < len && is_alnum((unsigned char)s[p])) {
        if (n + 1 >= sizeof(name))
            return TAG_NONE;
        name[n++] = (char)(s[p++] | 0x20);
    }
    name[n] = '\0';
    if (p >= len)
        return TAG_NONE;
    if (s[p] == '/' && p + 1 < len && s[p + 1] == '>') {
        p += 2;
    } else if (s[p] == '>') {
        p++;
    } else if (s[p] == ' ' || s[p] == '\t') {
        /*
         * Attributes: up to the first '>' outside quotes. The cap keeps a
         * line of many unclosed "<p " linear.
         */
        if (len > HTML_TAG_MAX)
            len = HTML_TAG_MAX;
        for (; p < len; p++) {
            if (quote) {
                if (s[p] == quote)
                    quote = 0;
            } else if (s[p] == '"' || s[p] == '\'') {
                quote = s[p];
            } else if (s[p] == '>') {
                break;
            }
        }
        if (p >= len)
            return TAG_NONE;
        p++;
    } else {
        return TAG_NONE;
    }
    for (i = 0; i < ARRAY_SIZE(html_elements); i++) {
        if (strcmp(name, html_elements[i].name))
            continue;
        *taglen = p;
        if (!strcmp(name, "sup"))
            return close ? TAG_SUP_CLOSE : TAG_SUP_OPEN;
        return html_elements[i].block ? TAG_BLOCK : TAG_INLINE;
    }
    return TAG_NONE;
}

/*
 * Decodes the character reference at s ('&' at s[0]) into *cp. Returns its
 * length, or 0 when s does not start a complete known reference.
 */
static size_t html_entity(const char *s, size_t len, uint32_t *cp /* OUT */)
{
    size_t p = 1, i;

    if (p < len && s[p] == '#') {
        int hex = 0;
        uint32_t v = 0;
        size_t digits = 0;

        p++;
        if (p < len && (s[p] == 'x' || s[p] == 'X')) {
            hex = 1;
            p++;
        }
        for (; p < len && (hex ? is_hex((unsigned char)s[p]) : s[p] >= '0' && s[p] <= '9'); p++) {
            if (v <= 0x10FFFF)
                v = v * (hex ? 16 : 10) + (uint32_t)hex_value((unsigned char)s[p]);
            digits++;
        }
        if (!digits || p >= len || s[p] != ';')
            return 0;
        /* HTML maps NUL, surrogates and out-of-range values to U+FFFD. */
        *cp = (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) ? UTF8_REPLACEMENT : v;
        return p + 1;
    }
    while (p < len && p < 10 && is_alnum((unsigned char)s[p]))
        p++;
    if (p >= len || s[p] != ';')
        return 0;
    for (i = 0; i < ARRAY_SIZE(html_entities); i++)
        if (strlen(html_entities[i].name) == p - 1 &&
            !memcmp(html_entities[i].name, s + 1, p - 1)) {
            *cp = html_entities[i].cp;
            return p + 1;
        }
    return 0;
}

/*
 * Ends a <sup> whose content starts at out->buf[start]: content already in
 * ( ) or { } stays as is, anything else is wrapped in { } so that a
 * footnote mark such as <sup>1)</sup> reads as an annotation, like X^{Y}.
 */
static void html_close_sup(struct strbuf *out, size_t start)
{
    size_t n = out->len - start;
    char *c = out->buf + start;

    if (!n || (n >= 2 && ((c[0] == '(' && c[n - 1] == ')') || (c[0] == '{' && c[n - 1] == '}'))))
        return;
    strbuf_grow(out, 2);
    c = out->buf + start;
    memmove(c + 1, c, n);
    c[0] = '{';
    c[n + 1] = '}';
    strbuf_setlen(out, out->len + 2);
}

void text__pass_html(const char *s, size_t len, struct strbuf *out)
{
    size_t i = 0, sup_start = 0;
    int in_sup = 0;

    while (i < len) {
        size_t n;
        uint32_t cp;

        if (s[i] == '<') {
            if (len - i >= 4 && !memcmp(s + i, "<!--", 4)) {
                const char *end = NULL;
                size_t j;
                for (j = i + 4; j + 3 <= len; j++)
                    if (!memcmp(s + j, "-->", 3)) {
                        end = s + j + 3;
                        break;
                    }
                /* An unclosed comment runs on past this line: drop the rest. */
                i = end ? (size_t)(end - s) : len;
                continue;
            }
            switch (html_tag(s + i, len - i, &n)) {
            case TAG_NONE:
                strbuf_addch(out, '<');
                i++;
                continue;
            case TAG_BLOCK:
                strbuf_addch(out, ' ');
                break;
            case TAG_INLINE:
                break;
            case TAG_SUP_OPEN:
                if (!in_sup) {
                    in_sup = 1;
                    sup_start = out->len;
                }
                break;
            case TAG_SUP_CLOSE:
                if (in_sup)
                    html_close_sup(out, sup_start);
                in_sup = 0;
                break;
            }
            i += n;
        } else if (s[i] == '&' && (n = html_entity(s + i, len - i, &cp))) {
            utf8_add(out, cp);
            i += n;
        } else {
            /* the text up to the next '<' or '&' in one piece */
            size_t j = i + 1;
            while (j < len && s[j] != '<' && s[j] != '&')
                j++;
            strbuf_add(out, s + i, j - i);
            i = j;
        }
    }
}

/* ---- markdown ----------------------------------------------------------------- */

static int is_ascii_punct(int c)
{
    return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
           (c >= '{' && c <= '~');
}

/*
 * CommonMark block markers at the start of the line: any number of "> "
 * quote markers, then an ATX heading of 1 to 6 '#' followed by a space or
 * the end. Returns how many bytes they take; *heading says one was found.
 */
static size_t markdown_prefix(const char *s, size_t len, int *heading /* OUT */)
{
    size_t i = 0, h;

    *heading = 0;
    for (;;) {
        while (i < len && s[i] == ' ')
            i++;
        if (i < len && s[i] == '>') {
            i++;
            continue;
        }
        break;
    }
    for (h = 0; i + h < len && s[i + h] == '#'; h++)
        ;
    if (h >= 1 && h <= 6 && (i + h == len || s[i + h] == ' ' || s[i + h] == '\t')) {
        *heading = 1;
        i += h;
    }
    return i;
}

void text__pass_markdown(const char *s, size_t len, struct strbuf *out)
{
    size_t base = out->len;
    int heading;
    size_t i = markdown_prefix(s, len, &heading);
    size_t run = i; /* start of the bytes not yet copied */

    while (i < len) {
        char c;
        size_t drop; /* bytes to drop at i */

#if defined(__SSE2__)
        /* to the next '\\', '*', '_' or '^', 16 bytes at a time (SSE2, as in util/utf8.h) */
        if (i + 16 <= len) {
            __m128i v = _mm_loadu_si128((const __m128i *)(s + i));
            unsigned m = (unsigned)_mm_movemask_epi8(
                _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\\')),
                                          _mm_cmpeq_epi8(v, _mm_set1_epi8('*'))),
                             _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('_')),
                                          _mm_cmpeq_epi8(v, _mm_set1_epi8('^')))));
            if (!m) {
                i += 16;
                continue;
            }
            i += (size_t)__builtin_ctz(m);
        }
#endif
        c = s[i];
        if (c == '\\' && i + 1 < len && is_ascii_punct((unsigned char)s[i + 1]))
            drop = 1; /* the escaped character itself is kept */
        /* a curly quote as well, which the plain form has folded to ' or " by now:
         * the marked form (normalize.h) must drop the same backslash */
        else if (c == '\\' && i + 3 < len && (unsigned char)s[i + 1] == 0xE2 &&
                 (unsigned char)s[i + 2] == 0x80 && (unsigned char)s[i + 3] >= 0x98 &&
                 (unsigned char)s[i + 3] <= 0x9F)
            drop = 1;
        else if ((c == '*' || c == '_') && i + 1 < len && s[i + 1] == c)
            drop = 2;
        else if (c == '^' && i + 1 < len && (s[i + 1] == '(' || s[i + 1] == '{'))
            drop = 1;
        else
            drop = 0;
        if (!drop) {
            i++;
            continue;
        }
        strbuf_add(out, s + run, i - run);
        run = i += drop;
        if (drop == 1 && c == '\\')
            i++;
    }
    strbuf_add(out, s + run, len - run);
    if (heading) {
        /* A closing sequence "## Title ##": spaces, '#'s, then a space before them. */
        size_t end = out->len, j;
        while (end > base && out->buf[end - 1] == ' ')
            end--;
        for (j = end; j > base && out->buf[j - 1] == '#'; j--)
            ;
        if (j < end && (j == base || out->buf[j - 1] == ' '))
            strbuf_setlen(out, j);
    }
}
