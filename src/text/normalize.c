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
 * NFC (Unicode Standard Annex #15, "Unicode Normalization Forms") is table
 * driven: build/gen/unicode_tables.h is generated from the UCD by
 * src/gen/gen_unicode.awk. Hangul syllables are decomposed and composed
 * arithmetically (Unicode Standard, section 3.12). The fast path copies
 * every run of "safe" characters as is: a safe character has combining
 * class 0, no canonical decomposition and never composes with the
 * character before it, so NFC cannot change it and a string splits there
 * into independent pieces. ASCII and precomposed Hangul are safe; only the
 * pieces around unsafe characters are decoded, reordered and recomposed.
 */
#include "text/normalize.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "unicode_tables.h"
#include "util/utf8.h"
#include "util/xmalloc.h"
#include "util/banned.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* ---- NFC (UAX #15) ------------------------------------------------------------ */

/* Hangul syllable arithmetic, Unicode Standard section 3.12. */
enum {
    HANGUL_S = 0xAC00,
    HANGUL_L = 0x1100,
    HANGUL_V = 0x1161,
    HANGUL_T = 0x11A7, /* one before the first trailing consonant */
    HANGUL_LCOUNT = 19,
    HANGUL_VCOUNT = 21,
    HANGUL_TCOUNT = 28,
    HANGUL_NCOUNT = HANGUL_VCOUNT * HANGUL_TCOUNT,
    HANGUL_SCOUNT = HANGUL_LCOUNT * HANGUL_NCOUNT
};

struct nfc_char {
    uint32_t cp; /* code point */
    uint8_t ccc; /* its Canonical_Combining_Class */
};

struct nfc_buf {
    struct nfc_char *v; /* the decomposed piece */
    size_t nr, alloc;   /* used and allocated elements */
};

static int cmp_range(const void *key, const void *elem)
{
    uint32_t c = *(const uint32_t *)key;
    const struct unicode_range *r = elem;
    return c < r->lo ? -1 : c > r->hi;
}

static int cmp_ccc(const void *key, const void *elem)
{
    uint32_t c = *(const uint32_t *)key;
    const struct unicode_ccc_range *r = elem;
    return c < r->lo ? -1 : c > r->hi;
}

static int cmp_decomp(const void *key, const void *elem)
{
    uint32_t c = *(const uint32_t *)key;
    const struct unicode_decomp *d = elem;
    return c < d->cp ? -1 : c > d->cp;
}

static int cmp_comp(const void *key, const void *elem)
{
    const uint32_t *ab = key;
    const struct unicode_comp *c = elem;
    if (ab[0] != c->a)
        return ab[0] < c->a ? -1 : 1;
    return ab[1] < c->b ? -1 : ab[1] > c->b;
}

static uint8_t ccc_of(uint32_t c)
{
    const struct unicode_ccc_range *r;
    if (c < 0x300)
        return 0;
    r = bsearch(&c, unicode_ccc, ARRAY_SIZE(unicode_ccc), sizeof(unicode_ccc[0]), cmp_ccc);
    return r ? r->ccc : 0;
}

static int nfc_unsafe(uint32_t c)
{
    if (c < 0xC0 || (c >= HANGUL_S && c < HANGUL_S + HANGUL_SCOUNT))
        return 0;
    return bsearch(&c, unicode_nfc_unsafe, ARRAY_SIZE(unicode_nfc_unsafe),
                   sizeof(unicode_nfc_unsafe[0]), cmp_range) != NULL;
}

static void nfc_push(struct nfc_buf *b, uint32_t c)
{
    ALLOC_GROW(b->v, b->nr + 1, b->alloc);
    b->v[b->nr].cp = c;
    b->v[b->nr].ccc = ccc_of(c);
    b->nr++;
}

/*
 * Canonical ordering (Unicode Standard section 3.11, D109): each
 * run of non-starters is sorted stably by class. Short runs use insertion
 * sort; a long run, which only hostile input has, a counting sort over the
 * 255 classes, so that a line of a million marks stays linear.
 */
static void nfc_reorder(struct nfc_buf *b)
{
    size_t i = 0;

    while (i < b->nr) {
        size_t start, end, j;

        if (!b->v[i].ccc) {
            i++;
            continue;
        }
        for (start = i; i < b->nr && b->v[i].ccc; i++)
            ;
        end = i;
        if (end - start <= 32) {
            for (j = start + 1; j < end; j++) {
                struct nfc_char ch = b->v[j];
                size_t k = j;
                for (; k > start && b->v[k - 1].ccc > ch.ccc; k--)
                    b->v[k] = b->v[k - 1];
                b->v[k] = ch;
            }
        } else {
            size_t count[257] = {0};
            struct nfc_char *tmp = xmalloc(st_mult(end - start, sizeof(*tmp)));
            for (j = start; j < end; j++)
                count[b->v[j].ccc + 1]++;
            for (j = 1; j < 257; j++)
                count[j] += count[j - 1];
            for (j = start; j < end; j++)
                tmp[count[b->v[j].ccc]++] = b->v[j];
            memcpy(b->v + start, tmp, (end - start) * sizeof(*tmp));
            free(tmp);
        }
    }
}

/* Appends the full canonical decomposition of c. */
static void nfc_decompose(struct nfc_buf *b, uint32_t c)
{
    const struct unicode_decomp *d;

    if (c >= HANGUL_S && c < HANGUL_S + HANGUL_SCOUNT) {
        uint32_t s = c - HANGUL_S;
        nfc_push(b, HANGUL_L + s / HANGUL_NCOUNT);
        nfc_push(b, HANGUL_V + s % HANGUL_NCOUNT / HANGUL_TCOUNT);
        if (s % HANGUL_TCOUNT)
            nfc_push(b, HANGUL_T + s % HANGUL_TCOUNT);
        return;
    }
    d = bsearch(&c, unicode_decomp, ARRAY_SIZE(unicode_decomp), sizeof(unicode_decomp[0]),
                cmp_decomp);
    if (!d) {
        nfc_push(b, c);
        return;
    }
    nfc_decompose(b, d->a);
    if (d->b)
        nfc_decompose(b, d->b);
}

/* Returns the primary composite of a and b, or 0. */
static uint32_t nfc_compose_pair(uint32_t a, uint32_t b)
{
    const struct unicode_comp *c;
    uint32_t key[2];

    if (a >= HANGUL_L && a < HANGUL_L + HANGUL_LCOUNT && b >= HANGUL_V &&
        b < HANGUL_V + HANGUL_VCOUNT)
        return HANGUL_S + ((a - HANGUL_L) * HANGUL_VCOUNT + (b - HANGUL_V)) * HANGUL_TCOUNT;
    if (a >= HANGUL_S && a < HANGUL_S + HANGUL_SCOUNT && (a - HANGUL_S) % HANGUL_TCOUNT == 0 &&
        b > HANGUL_T && b < HANGUL_T + HANGUL_TCOUNT)
        return a + (b - HANGUL_T);
    key[0] = a;
    key[1] = b;
    c = bsearch(key, unicode_comp, ARRAY_SIZE(unicode_comp), sizeof(unicode_comp[0]), cmp_comp);
    return c ? c->cp : 0;
}

/*
 * Canonical composition (UAX #15 section 1.3) in place: a character joins
 * the last starter unless a character in between blocks it, that is, has
 * class 0 or a class not lower than its own.
 */
static void nfc_compose(struct nfc_buf *b)
{
    size_t starter = 0, i, n = 0;
    int have_starter = 0;
    int last_ccc = 0; /* class of the last character kept after the starter */

    for (i = 0; i < b->nr; i++) {
        struct nfc_char ch = b->v[i];
        if (have_starter && (n == starter + 1 || last_ccc < ch.ccc)) {
            uint32_t comp = nfc_compose_pair(b->v[starter].cp, ch.cp);
            if (comp) {
                b->v[starter].cp = comp;
                continue;
            }
        }
        if (ch.ccc == 0) {
            starter = n;
            have_starter = 1;
        }
        last_ccc = ch.ccc;
        b->v[n++] = ch;
    }
    b->nr = n;
}

/* Appends the NFC form of the piece s[0..len). */
static void nfc_piece(const char *s, size_t len, struct nfc_buf *b, struct strbuf *out)
{
    size_t i = 0;

    b->nr = 0;
    while (i < len) {
        uint32_t c;
        i += utf8_decode(s + i, len - i, &c);
        nfc_decompose(b, c);
    }
    nfc_reorder(b);
    nfc_compose(b);
    for (i = 0; i < b->nr; i++)
        utf8_add(out, b->v[i].cp);
}

void text_nfc(const char *s, size_t len, struct strbuf *out)
{
    struct nfc_buf b = {NULL, 0, 0};
    size_t i = 0, done = 0; /* s[0..done) is already in out */
    size_t boundary = 0;    /* start of the last safe character at or after done */

    while (i < len) {
        uint32_t c;
        size_t n, start;

        if (!((unsigned char)s[i] & 0x80)) {
            boundary = i++;
            continue;
        }
        n = utf8_decode(s + i, len - i, &c);
        if (!nfc_unsafe(c)) {
            boundary = i;
            i += n;
            continue;
        }
        /* The piece runs from the last safe character to the next one. */
        start = boundary > done ? boundary : done;
        for (i += n; i < len; i += n) {
            n = utf8_decode(s + i, len - i, &c);
            if (!nfc_unsafe(c))
                break;
        }
        strbuf_add(out, s + done, start - done);
        nfc_piece(s + start, i - start, &b, out);
        done = boundary = i;
    }
    strbuf_add(out, s + done, len - done);
    free(b.v);
}

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

static void pass_html(const char *s, size_t len, struct strbuf *out)
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
            strbuf_addch(out, s[i++]);
        }
    }
}

/* ---- character folding -------------------------------------------------------- */

/*
 * Returns what c folds to: itself, another character, or 0 to drop it.
 * Spaces of every width become ' ', collapsed later.
 */
static uint32_t fold_char(uint32_t c)
{
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
        return '\'';
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
        return '"';
    case 0x318D: /* ㆍ HANGUL LETTER ARAEA, typed as a middle dot */
    case 0x30FB: /* ・ */
    case 0xFF65: /* ･ */
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

/* Copies runs of characters that fold to themselves in one strbuf_add. */
static void pass_fold(const char *s, size_t len, struct strbuf *out)
{
    size_t i = 0, run = 0; /* run: start of the unchanged bytes not yet copied */

    while (i < len) {
        unsigned char b = (unsigned char)s[i];
        uint32_t c, f;
        size_t n;

        if (b >= 0x20 && b < 0x7F) {
            i++;
            continue;
        }
        n = utf8_decode(s + i, len - i, &c);
        f = fold_char(c);
        if (f == c) {
            i += n;
            continue;
        }
        strbuf_add(out, s + run, i - run);
        if (f)
            utf8_add(out, f);
        run = i += n;
    }
    strbuf_add(out, s + run, i - run);
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

static void pass_markdown(const char *s, size_t len, struct strbuf *out)
{
    size_t base = out->len;
    int heading;
    size_t i = markdown_prefix(s, len, &heading);
    size_t run = i; /* start of the bytes not yet copied */

    while (i < len) {
        char c = s[i];
        size_t drop; /* bytes to drop at i */

        if (c == '\\' && i + 1 < len && is_ascii_punct((unsigned char)s[i + 1]))
            drop = 1; /* the escaped character itself is kept */
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

/* ---- spaces ------------------------------------------------------------------- */

/*
 * Collapses runs of ' ' to one, drops spaces at both ends and next to a
 * TAB (the cell boundary carries the separation), and appends to out.
 */
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

static unsigned line_needs(const char *s, size_t len)
{
    unsigned need = 0;

    if (len && (s[0] == ' ' || s[len - 1] == ' '))
        need |= NEED_SPACE;
    for (size_t i = 0; i < len;) {
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
        if (nfc_unsafe(c))
            need |= NEED_NFC;
        if (fold_char(c) != c)
            need |= NEED_FOLD;
    }
    return need;
}

void text_normalize_line(const char *s, size_t len, struct strbuf *out)
{
    struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;
    const char *cur = s;
    size_t cur_len = len;
    unsigned need = line_needs(s, len);

    if (need & NEED_HTML) {
        pass_html(cur, cur_len, &a);
        cur = a.buf;
        cur_len = a.len;
        /* entities can stand for any character */
        need |= NEED_NFC | NEED_FOLD;
    }
    if (need & NEED_NFC) {
        text_nfc(cur, cur_len, &b);
        cur = b.buf;
        cur_len = b.len;
        need |= NEED_FOLD; /* composition can make a foldable character (U+2329) */
    }
    if (need & NEED_FOLD) {
        strbuf_reset(&a);
        pass_fold(cur, cur_len, &a);
        cur = a.buf;
        cur_len = a.len;
        need |= NEED_MARKDOWN; /* folding can make markdown characters (＊ to *) */
    }
    if (need & NEED_MARKDOWN) {
        strbuf_reset(&b);
        pass_markdown(cur, cur_len, &b);
        cur = b.buf;
        cur_len = b.len;
    }
    if (need & ~(unsigned)NEED_SPACE)
        need |= NEED_SPACE; /* the passes can make spaces (&nbsp;, U+3000, a tag) */
    if (need & NEED_SPACE)
        pass_space(cur, cur_len, out);
    else
        strbuf_add(out, cur, cur_len);
    strbuf_release(&a);
    strbuf_release(&b);
}
