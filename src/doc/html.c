/*
 * html.c - web pages as paragraphs (doc_read_html, doc_html_charset).
 *
 * A small tolerant tokenizer in the spirit of HTML's (WHATWG HTML, §13.2.5),
 * not a tree builder: a page is read once, front to back, and what a reader
 * of the page sees becomes paragraphs.
 *
 *   tags          '<' or '</' and an ASCII letter start a tag, which runs to
 *                 the first '>' outside a quoted attribute value; a '<'
 *                 followed by anything else ("<클라우드>", "a < b") is text
 *   comments      "<!--" to "-->"; "<!" and "<?" other than that (a
 *                 doctype, a processing instruction) to the next '>'
 *   CDATA         "<![CDATA[" to "]]>": text
 *   raw text      the content of script, style, textarea, title, xmp,
 *                 iframe, noembed and noframes runs to its end tag and is
 *                 left out
 *   left out      the content of noscript, template, nav, header, footer,
 *                 aside, form, select, button and the document's head
 *                 (which ends at </head>, <body> or the first block element)
 *   blocks        p, div, li, h1-h6, section, article, blockquote, br, dd,
 *                 dt, ... end a paragraph; each line of a pre is one
 *   tables        a tr is one paragraph, its td and th cells joined by a
 *                 TAB (as the HWP, HWPX and DOCX readers give table rows);
 *                 a table inside a cell is text of that cell
 *   sup           <sup>x</sup> becomes {x} (kept as is when x is already in
 *                 ( ) or { }), as the normaliser reads it in a text file
 *
 * White space outside pre collapses to one space. Character references are
 * left as written: every paragraph goes through text_normalize_line (doc/
 * reader.c), which decodes them exactly as it does in a text file; decoding
 * here too would decode "&amp;lt;" twice. CDATA text, which the normaliser
 * would read as markup, is given with '&' and '<' escaped for that reason.
 *
 * Every step moves forward and nothing is looked at twice (an unterminated
 * tag, comment or raw text element runs to the end of the page), so the
 * time is linear in the page; open elements are counters, and the stack of
 * left-out elements is bounded, so no input can make the memory grow past
 * the page's own text.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "doc/doc.h"
#include "util/strbuf.h"
#include "util/banned.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* Deepest nesting of left-out elements kept by name; deeper ones are counted. */
#define SKIP_MAX 64

/* Longest element name looked up; longer names are unknown elements. */
#define NAME_MAX_LEN 15

/* Elements whose content is raw text, up to their end tag: all left out. */
static const char *const raw_elements[] = {"script", "style",  "textarea", "title",
                                           "xmp",    "iframe", "noembed",  "noframes"};

/* Elements whose content is left out (navigation, forms, the head). */
static const char *const skip_elements[] = {"head",   "noscript", "template", "nav",    "header",
                                            "footer", "aside",    "form",     "select", "button"};

/* Elements that end a paragraph where they start and end. */
static const char *const block_elements[] = {
    "address", "article", "blockquote", "body", "br", "caption",  "center",     "dd",     "details",
    "dialog",  "dir",     "div",        "dl",   "dt", "fieldset", "figcaption", "figure", "h1",
    "h2",      "h3",      "h4",         "h5",   "h6", "hgroup",   "hr",         "html",   "legend",
    "li",      "main",    "menu",       "ol",   "p",  "section",  "summary",    "ul"};

struct html_state {
    const struct doc_sink *sink;
    int rc;                       /* the sink's nonzero value, once it stopped */
    unsigned long units;          /* paragraphs given (the N of "§N") */
    struct strbuf para;           /* the paragraph being read */
    struct strbuf row;            /* the table row being read, cells joined by TAB */
    struct strbuf cell;           /* the cell being read */
    int in_row;                   /* a tr is open */
    int in_cell;                  /* a td or th is open */
    unsigned cells;               /* cells added to row */
    unsigned nested;              /* tables open inside a cell: their text is the cell's */
    unsigned pre;                 /* open pre elements */
    int space;                    /* white space seen since the last text */
    struct strbuf *sup_in;        /* where an open sup's content goes, or NULL */
    size_t sup_at;                /* its start in *sup_in */
    unsigned char skip[SKIP_MAX]; /* open left-out elements (index + 1 in skip_elements) */
    unsigned nskip;               /* count, kept or not */
};

static int lookup(const char *const *names, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(names[i], name))
            return (int)i;
    return -1;
}

static int is_alpha(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_space(int c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* The buffer text goes to now: the open cell, the open row (stray text), or the paragraph. */
static struct strbuf *current(struct html_state *st)
{
    if (st->in_cell || st->in_row)
        return &st->cell;
    return &st->para;
}

static void emit(struct html_state *st, const char *s, size_t len)
{
    char where[32];

    if (st->rc)
        return;
    snprintf(where, sizeof where, "§%lu", ++st->units);
    st->rc = st->sink->para(st->sink->arg, s, len, where);
}

/* sb without spaces at either end. */
static void trimmed(const struct strbuf *sb, size_t *a, size_t *b)
{
    *a = 0;
    *b = sb->len;
    while (*a < *b && sb->buf[*a] == ' ')
        (*a)++;
    while (*b > *a && sb->buf[*b - 1] == ' ')
        (*b)--;
}

/* Gives the paragraph read so far, if it has text. */
static void flush_para(struct html_state *st)
{
    size_t a, b;

    trimmed(&st->para, &a, &b);
    if (b > a)
        emit(st, st->para.buf + a, b - a);
    strbuf_reset(&st->para);
    st->space = 0;
    if (st->sup_in == &st->para)
        st->sup_in = NULL;
}

static void end_cell(struct html_state *st)
{
    size_t a, b;

    if (!st->in_cell && !st->cell.len)
        return;
    trimmed(&st->cell, &a, &b);
    if (st->cells++)
        strbuf_addch(&st->row, '\t');
    strbuf_add(&st->row, st->cell.buf + a, b - a);
    strbuf_reset(&st->cell);
    st->in_cell = 0;
    st->space = 0;
    if (st->sup_in == &st->cell)
        st->sup_in = NULL;
}

/* Gives the row read so far, if any of its cells has text; TABs of empty cells are kept. */
static void end_row(struct html_state *st)
{
    size_t i;

    if (!st->in_row)
        return;
    end_cell(st);
    for (i = 0; i < st->row.len && (st->row.buf[i] == '\t' || st->row.buf[i] == ' '); i++)
        ;
    if (i < st->row.len)
        emit(st, st->row.buf, st->row.len);
    strbuf_reset(&st->row);
    st->in_row = 0;
    st->cells = 0;
}

/* A block boundary: a space inside a cell, else the end of a paragraph. */
static void boundary(struct html_state *st)
{
    if (st->in_cell || st->in_row)
        st->space = 1;
    else
        flush_para(st);
}

/* Appends text of the page, white space collapsed (outside pre) or lines ending paragraphs. */
static void add_text(struct html_state *st, const char *s, size_t len)
{
    if (st->nskip)
        return;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        struct strbuf *sb;

        if (st->pre && (c == '\n' || c == '\r')) {
            if (c == '\r' && i + 1 < len && s[i + 1] == '\n')
                i++;
            boundary(st);
            continue;
        }
        if (is_space((unsigned char)c)) {
            st->space = 1;
            continue;
        }
        sb = current(st);
        if (st->space && sb->len && sb->buf[sb->len - 1] != ' ')
            strbuf_addch(sb, ' ');
        st->space = 0;
        strbuf_addch(sb, c);
    }
}

/* CDATA text: '&' and '<' escaped, so that the normaliser reads them as characters. */
static void add_cdata(struct html_state *st, const char *s, size_t len)
{
    size_t run = 0;

    for (size_t i = 0; i < len; i++) {
        if (s[i] != '&' && s[i] != '<')
            continue;
        add_text(st, s + run, i - run);
        add_text(st, s[i] == '&' ? "&amp;" : "&lt;", s[i] == '&' ? 5 : 4);
        run = i + 1;
    }
    add_text(st, s + run, len - run);
}

/* Ends a sup: its content in { } unless already in ( ) or { } (normalize.h, superscripts). */
static void end_sup(struct html_state *st)
{
    struct strbuf *sb = st->sup_in;
    size_t n;
    char *c;

    st->sup_in = NULL;
    if (!sb || sb != current(st) || st->sup_at > sb->len)
        return;
    n = sb->len - st->sup_at;
    c = sb->buf + st->sup_at;
    if (!n || (n >= 2 && ((c[0] == '(' && c[n - 1] == ')') || (c[0] == '{' && c[n - 1] == '}'))))
        return;
    strbuf_grow(sb, 2);
    c = sb->buf + st->sup_at;
    memmove(c + 1, c, n);
    c[0] = '{';
    c[n + 1] = '}';
    strbuf_setlen(sb, sb->len + 2);
}

/* Pops the left-out elements down to and including the innermost idx; none if it is not open. */
static void skip_close(struct html_state *st, int idx)
{
    unsigned i = st->nskip;

    while (i > 0) {
        i--;
        if (i >= SKIP_MAX)
            continue; /* counted only: matched by any end tag of a left-out element */
        if (st->skip[i] == idx + 1) {
            st->nskip = i;
            return;
        }
    }
    if (st->nskip > SKIP_MAX)
        st->nskip--;
}

static void start_tag(struct html_state *st, const char *name, int self_closing)
{
    int skip = lookup(skip_elements, ARRAY_SIZE(skip_elements), name);
    int block = lookup(block_elements, ARRAY_SIZE(block_elements), name) >= 0;

    /* the head ends where the body begins, with or without </head> */
    if (st->nskip && st->nskip <= SKIP_MAX && st->skip[st->nskip - 1] == 1 &&
        (block || !strcmp(name, "table") || !strcmp(name, "pre")))
        st->nskip--;
    if (skip >= 0) {
        if (self_closing)
            return;
        if (st->nskip < SKIP_MAX)
            st->skip[st->nskip] = (unsigned char)(skip + 1);
        st->nskip++;
        return;
    }
    if (st->nskip)
        return;
    if (!strcmp(name, "table")) {
        if (st->in_cell || st->in_row)
            st->nested++, st->space = 1;
        else
            flush_para(st);
    } else if (!strcmp(name, "tr")) {
        if (st->nested) {
            st->space = 1;
        } else {
            end_row(st);
            flush_para(st);
            st->in_row = 1;
        }
    } else if (!strcmp(name, "td") || !strcmp(name, "th")) {
        if (st->nested) {
            st->space = 1;
        } else {
            if (!st->in_row) {
                flush_para(st);
                st->in_row = 1;
            }
            end_cell(st);
            st->in_cell = 1;
        }
    } else if (!strcmp(name, "pre")) {
        boundary(st);
        st->pre++;
    } else if (!strcmp(name, "sup")) {
        if (!st->sup_in && !self_closing) {
            struct strbuf *sb = current(st);
            st->sup_in = sb;
            st->sup_at = sb->len;
            if (st->space && sb->len && sb->buf[sb->len - 1] != ' ') {
                strbuf_addch(sb, ' ');
                st->sup_at = sb->len;
            }
            st->space = 0;
        }
    } else if (block) {
        boundary(st);
    }
}

static void end_tag(struct html_state *st, const char *name)
{
    int skip = lookup(skip_elements, ARRAY_SIZE(skip_elements), name);

    if (skip >= 0) {
        skip_close(st, skip);
        return;
    }
    if (!strcmp(name, "body") || !strcmp(name, "html"))
        st->nskip = 0; /* whatever was left open ends with the page */
    if (st->nskip)
        return;
    if (!strcmp(name, "table")) {
        if (st->nested) {
            st->nested--;
            st->space = 1;
        } else {
            end_row(st);
        }
    } else if (!strcmp(name, "tr") || !strcmp(name, "tbody") || !strcmp(name, "thead") ||
               !strcmp(name, "tfoot")) {
        if (st->nested)
            st->space = 1;
        else
            end_row(st);
    } else if (!strcmp(name, "td") || !strcmp(name, "th")) {
        if (st->nested)
            st->space = 1;
        else
            end_cell(st);
    } else if (!strcmp(name, "pre")) {
        boundary(st);
        if (st->pre)
            st->pre--;
    } else if (!strcmp(name, "sup")) {
        end_sup(st);
    } else if (lookup(block_elements, ARRAY_SIZE(block_elements), name) >= 0) {
        boundary(st);
    }
}

/* Where the next '>' is from i, or len; when quotes, quoted attribute values are stepped over. */
static size_t tag_end(const char *s, size_t len, size_t i)
{
    int after_eq = 0;

    while (i < len && s[i] != '>') {
        char c = s[i];
        if (after_eq && (c == '"' || c == '\'')) {
            const char *q = memchr(s + i + 1, c, len - i - 1);
            i = q ? (size_t)(q - s) + 1 : len;
            after_eq = 0;
            continue;
        }
        if (c == '=')
            after_eq = 1;
        else if (!is_space((unsigned char)c))
            after_eq = 0;
        i++;
    }
    return i;
}

/* The first occurrence of needle (lower-case ASCII) in s[from..len), any case, or len. */
static size_t find_ci(const char *s, size_t len, size_t from, const char *needle)
{
    size_t n = strlen(needle);

    for (size_t i = from; i + n <= len; i++)
        if ((s[i] | 0x20) == needle[0] && !strncasecmp(s + i, needle, n))
            return i;
    return len;
}

/* After the raw text of element name starting at i: past its end tag, or len. */
static size_t skip_raw(const char *s, size_t len, size_t i, const char *name)
{
    char close[NAME_MAX_LEN + 3];
    size_t n;

    snprintf(close, sizeof close, "</%s", name);
    n = strlen(close);
    for (;;) {
        i = find_ci(s, len, i, close);
        if (i >= len)
            return len;
        if (i + n >= len || is_space((unsigned char)s[i + n]) || s[i + n] == '/' ||
            s[i + n] == '>') {
            i = tag_end(s, len, i + n);
            return i < len ? i + 1 : len;
        }
        i += n;
    }
}

/*
 * Reads the tag at s[i] ('<' and a letter, or '</' and a letter) and acts on
 * it. Returns the position after it.
 */
static size_t read_tag(struct html_state *st, const char *s, size_t len, size_t i)
{
    char name[NAME_MAX_LEN + 1];
    size_t p = i + 1, n = 0, end;
    int close = 0, self_closing, long_name = 0;

    if (s[p] == '/') {
        close = 1;
        p++;
    }
    while (p < len && !is_space((unsigned char)s[p]) && s[p] != '/' && s[p] != '>') {
        if (n < NAME_MAX_LEN)
            name[n++] = (char)(is_alpha((unsigned char)s[p]) ? s[p] | 0x20 : s[p]);
        else
            long_name = 1;
        p++;
    }
    name[n] = '\0';
    end = tag_end(s, len, p);
    self_closing = end < len && end > p && s[end - 1] == '/';
    end = end < len ? end + 1 : len;
    if (long_name)
        return end; /* no element of interest has so long a name */
    if (close) {
        end_tag(st, name);
        return end;
    }
    start_tag(st, name, self_closing);
    if (!self_closing && lookup(raw_elements, ARRAY_SIZE(raw_elements), name) >= 0)
        return skip_raw(s, len, end, name);
    if (!strcmp(name, "plaintext"))
        return len; /* the rest of the page is its text, never a paragraph of the page's own */
    return end;
}

int doc_read_html(const char *text, size_t len, const struct doc_sink *sink, struct doc_error *err)
{
    struct html_state st;
    size_t i = 0, run = 0;

    memset(&st, 0, sizeof st);
    st.sink = sink;
    strbuf_init(&st.para, 0);
    strbuf_init(&st.row, 0);
    strbuf_init(&st.cell, 0);
    err->msg[0] = '\0';
    while (i < len && !st.rc) {
        size_t next;

        if (text[i] != '<' || i + 1 >= len) {
            i++;
            continue;
        }
        if (is_alpha((unsigned char)text[i + 1]) ||
            (text[i + 1] == '/' && i + 2 < len && is_alpha((unsigned char)text[i + 2]))) {
            add_text(&st, text + run, i - run);
            next = read_tag(&st, text, len, i);
        } else if (len - i >= 4 && !memcmp(text + i, "<!--", 4)) {
            add_text(&st, text + run, i - run);
            /* "<!-->" and "<!--->" are whole (empty) comments, as in HTML */
            if (len - i >= 5 && text[i + 4] == '>')
                next = i + 5;
            else if (len - i >= 6 && !memcmp(text + i + 4, "->", 2))
                next = i + 6;
            else {
                size_t j;
                for (j = i + 4; j + 3 <= len && memcmp(text + j, "-->", 3); j++)
                    ;
                next = j + 3 <= len ? j + 3 : len;
            }
        } else if (len - i >= 9 && !memcmp(text + i, "<![CDATA[", 9)) {
            size_t j;
            add_text(&st, text + run, i - run);
            for (j = i + 9; j + 3 <= len && memcmp(text + j, "]]>", 3); j++)
                ;
            if (j + 3 > len)
                j = len;
            if (!st.nskip)
                add_cdata(&st, text + i + 9, j - i - 9);
            next = j < len ? j + 3 : len;
        } else if (text[i + 1] == '!' || text[i + 1] == '?' || text[i + 1] == '/') {
            /* a doctype, a processing instruction, "</3": a bogus comment to '>' */
            const char *e = memchr(text + i, '>', len - i);
            add_text(&st, text + run, i - run);
            next = e ? (size_t)(e - text) + 1 : len;
        } else {
            i++; /* "<클라우드>", "a < b": text */
            continue;
        }
        i = run = next;
    }
    if (!st.rc) {
        add_text(&st, text + run, len - run);
        end_row(&st);
        flush_para(&st);
    }
    strbuf_release(&st.para);
    strbuf_release(&st.row);
    strbuf_release(&st.cell);
    return st.rc;
}

int doc_html_charset(const unsigned char *buf, size_t len, char *name, size_t size)
{
    const char *s = (const char *)buf;
    size_t i = 0;

    /* as HTML's prescan: the first 1024 bytes */
    if (len > 1024)
        len = 1024;
    while ((i = find_ci(s, len, i, "<meta")) < len) {
        size_t end = tag_end(s, len, i + 5), at = find_ci(s, end, i + 5, "charset");
        i = end;
        if (at >= end)
            continue;
        at += 7;
        while (at < end && is_space((unsigned char)s[at]))
            at++;
        if (at >= end || s[at] != '=')
            continue;
        at++;
        while (at < end && (is_space((unsigned char)s[at]) || s[at] == '"' || s[at] == '\''))
            at++;
        size_t n = 0;
        while (at + n < end && n + 1 < size &&
               (is_alpha((unsigned char)s[at + n]) || (s[at + n] >= '0' && s[at + n] <= '9') ||
                s[at + n] == '-' || s[at + n] == '_' || s[at + n] == '.' || s[at + n] == ':'))
            n++;
        if (!n || n + 1 >= size)
            return 0;
        memcpy(name, s + at, n);
        name[n] = '\0';
        return 1;
    }
    return 0;
}
