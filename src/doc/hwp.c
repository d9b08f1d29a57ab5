/*
 * hwp.c - the text of HWP 5.0 documents (Hancom's "HWP Document File
 * Formats 5.0", revision 1.3, published by Hancom for anyone to implement).
 *
 * The file is an OLE2 compound file (doc/ole2.h). Its FileHeader stream
 * holds the signature, the version and the flags (compressed, password,
 * distribution); the body is in BodyText/Section0, Section1, ..., each a
 * sequence of records, raw deflate when the compressed flag is set. A
 * record header is 32 bits: tag (10), level (10), size (12; 0xFFF means a
 * 32-bit size follows). Records nest by level:
 *
 *   PARA_HEADER   L        a paragraph
 *     PARA_TEXT   L+1      its text, UTF-16LE with control characters
 *     CTRL_HEADER L+1      a control anchored in it: table, footnote, ...
 *       LIST_HEADER L+2    a paragraph list (a table cell, the note's text)
 *       PARA_HEADER L+2    the list's paragraphs, and so on down
 *
 * What a reader of the document sees, in order, becomes paragraphs for the
 * sink: each body paragraph with text; each table row, its cells joined by
 * a TAB (the paragraphs of one cell joined by a space, a table inside a
 * cell flattened into the cell), except that a table of one cell (a box
 * framing a title) gives its paragraphs one by one; footnotes and endnotes right after the
 * paragraph that cites them (their records follow its text); text boxes and
 * other drawing objects likewise. Headers, footers and hidden comments are
 * left out: they are page furniture, not the text. Empty paragraphs are not
 * handed out and not counted, so "§N" is the N-th line `dadeum text` prints.
 *
 * Bounds: a section inflates to at most DOC_HWP_INFLATE_MAX bytes in all,
 * and a stream that grows past 1 MiB at a ratio over DOC_HWP_RATIO_MAX is a
 * bomb, not a document; records and text never read past their stream;
 * controls nest at most DOC_HWP_DEPTH_MAX deep.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "doc/doc.h"
#include "doc/doc_int.h"
#include "doc/hwp_int.h"
#include "doc/ole2.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/xmalloc.h"
#include "util/banned.h"

#define DOC_HWP_INFLATE_MAX (256u << 20) /* bytes of records over all sections */
#define DOC_HWP_RATIO_MAX 256            /* inflated / deflated, once past 1 MiB */
#define DOC_HWP_DEPTH_MAX 64             /* controls inside controls */
#define DOC_HWP_SECTIONS_MAX 4096

#define HWPTAG_BEGIN 16
#define TAG_PARA_HEADER (HWPTAG_BEGIN + 50)
#define TAG_PARA_TEXT (HWPTAG_BEGIN + 51)
#define TAG_CTRL_HEADER (HWPTAG_BEGIN + 55)
#define TAG_LIST_HEADER (HWPTAG_BEGIN + 56)
#define TAG_TABLE (HWPTAG_BEGIN + 61)

/* Control ids are four characters read as a big-endian number, stored little-endian. */
#define CHID(a, b, c, d)                                                                           \
    ((uint32_t)(a) << 24 | (uint32_t)(b) << 16 | (uint32_t)(c) << 8 | (uint32_t)(d))
#define CTRL_TABLE CHID('t', 'b', 'l', ' ')
#define CTRL_HEADER CHID('h', 'e', 'a', 'd')
#define CTRL_FOOTER CHID('f', 'o', 'o', 't')
#define CTRL_COMMENT CHID('t', 'c', 'm', 't')

#define FLAG_COMPRESSED 0x1u
#define FLAG_PASSWORD 0x2u
#define FLAG_DISTRIBUTION 0x4u

struct record {
    unsigned tag, level;
    const unsigned char *data;
    size_t size;
};

struct hwp {
    const struct doc_sink *sink;
    struct doc_error *err;
    const char *section; /* "BodyText/Section3", for messages */
    struct record *recs; /* the section's records */
    size_t nrecs;
    unsigned long paras; /* paragraphs handed out */
    struct strbuf text;  /* the paragraph being read */
    int depth;           /* controls entered */
    int stop;            /* what the sink returned, or -1 on an error */
};

/*
 * Inflates raw deflate in[0..inlen) into a new buffer, at most *budget bytes
 * (which is reduced by what was used), refusing a ratio over
 * DOC_HWP_RATIO_MAX once the output passes 1 MiB.
 */
static int inflate_raw(const unsigned char *in, size_t inlen, size_t *budget, const char *what,
                       unsigned char **out, size_t *outlen, struct doc_error *err)
{
    z_stream z;
    size_t cap = inlen * 4 + 4096, got = 0;
    unsigned char *buf;
    int rc;

    memset(&z, 0, sizeof(z));
    if (inflateInit2(&z, -15) != Z_OK)
        return doc__fail(err, "%s: cannot start zlib", what);
    buf = xmalloc(cap);
    z.next_in = (unsigned char *)(uintptr_t)in;
    for (;;) {
        size_t in_left = inlen - (size_t)(z.next_in - in);
        z.avail_in = in_left > 0x40000000u ? 0x40000000u : (uInt)in_left;
        if (cap - got < 65536) {
            if (cap > *budget) {
                inflateEnd(&z);
                free(buf);
                return doc__fail(err, "%s inflates to more than %u MiB, the limit", what,
                                 DOC_HWP_INFLATE_MAX >> 20);
            }
            cap *= 2;
            buf = xrealloc(buf, cap);
        }
        z.next_out = buf + got;
        z.avail_out = (uInt)(cap - got > 0x40000000u ? 0x40000000u : cap - got);
        rc = inflate(&z, Z_NO_FLUSH);
        got = (size_t)(z.next_out - buf);
        if (got > *budget) {
            inflateEnd(&z);
            free(buf);
            return doc__fail(err, "%s inflates to more than %u MiB, the limit", what,
                             DOC_HWP_INFLATE_MAX >> 20);
        }
        if (got > (1u << 20) && got / DOC_HWP_RATIO_MAX > inlen) {
            inflateEnd(&z);
            free(buf);
            return doc__fail(err, "%s inflates more than %u times its size: refused as a bomb",
                             what, DOC_HWP_RATIO_MAX);
        }
        if (rc == Z_STREAM_END)
            break;
        if (rc == Z_BUF_ERROR && z.avail_in == 0) {
            inflateEnd(&z);
            free(buf);
            return doc__fail(err, "%s: compressed data ends early (truncated?)", what);
        }
        if (rc != Z_OK && rc != Z_BUF_ERROR) {
            unsigned long at = (unsigned long)(z.next_in - in);
            inflateEnd(&z);
            free(buf);
            return doc__fail(err, "%s: damaged compressed data near byte %lu", what, at);
        }
    }
    inflateEnd(&z);
    *budget -= got;
    *out = buf;
    *outlen = got;
    return 0;
}

/* Splits a section stream into records; the data pointers point into buf. */
static int split_records(struct hwp *h, const unsigned char *buf, size_t len)
{
    size_t pos = 0, cap = 0;

    h->nrecs = 0;
    while (pos < len) {
        uint32_t hd;
        size_t size;
        struct record *r;

        if (len - pos < 4)
            return doc__fail(h->err, "%s: record header cut short at byte %lu", h->section,
                             (unsigned long)pos);
        hd = doc__le32(buf + pos);
        size = hd >> 20;
        pos += 4;
        if (size == 0xFFF) {
            if (len - pos < 4)
                return doc__fail(h->err, "%s: record size cut short at byte %lu", h->section,
                                 (unsigned long)pos);
            size = doc__le32(buf + pos);
            pos += 4;
        }
        if (size > len - pos)
            return doc__fail(
                h->err, "%s: record of %lu bytes at byte %lu runs past the stream (%lu bytes)",
                h->section, (unsigned long)size, (unsigned long)pos - 4, (unsigned long)len);
        if (h->nrecs == cap) {
            cap = cap ? 2 * cap : 256;
            h->recs = xrealloc(h->recs, st_mult(cap, sizeof(*h->recs)));
        }
        r = &h->recs[h->nrecs++];
        r->tag = hd & 0x3FF;
        r->level = (hd >> 10) & 0x3FF;
        r->data = buf + pos;
        r->size = size;
        pos += size;
    }
    return 0;
}

/*
 * Appends the text of a PARA_TEXT record as UTF-8. Control characters below
 * U+0020 take one code unit (0, 10 line break, 13 paragraph end, 24-31:
 * hyphen, reserved, non-breaking and fixed-width spaces) or eight (the
 * others: inline controls such as 9 TAB, and extended controls that anchor
 * tables, notes and fields, whose content is in CTRL_HEADER records).
 */
static void para_text(struct strbuf *out, const unsigned char *p, size_t size)
{
    size_t n = size / 2, i = 0;

    while (i < n) {
        uint32_t c = doc__le16(p + 2 * i);

        if (c < 0x20) {
            switch (c) {
            case 13:
                return;
            case 10:
            case 30:
            case 31:
                strbuf_addch(out, ' ');
                i++;
                continue;
            case 24:
                strbuf_addch(out, '-');
                i++;
                continue;
            case 0:
            case 25:
            case 26:
            case 27:
            case 28:
            case 29:
                i++;
                continue;
            case 9:
                strbuf_addch(out, '\t');
                break;
            default:
                break;
            }
            i += 8;
            continue;
        }
        i++;
        if (c >= 0xD800 && c < 0xDC00 && i < n) {
            uint32_t lo = doc__le16(p + 2 * i);
            if (lo >= 0xDC00 && lo < 0xE000) {
                c = 0x10000 + ((c - 0xD800) << 10) + (lo - 0xDC00);
                i++;
            }
        }
        if (c >= 0xD800 && c < 0xE000)
            c = 0xFFFD; /* a lone surrogate */
        utf8_add(out, c);
    }
}

/* Hands text to the sink as the next paragraph, unless it is blank. */
static int emit(struct hwp *h, const struct strbuf *text)
{
    char where[32];
    size_t i;

    for (i = 0; i < text->len && (text->buf[i] == ' ' || text->buf[i] == '\t'); i++)
        ;
    if (i == text->len)
        return 0;
    snprintf(where, sizeof(where), "\xc2\xa7%lu", ++h->paras);
    return h->sink->para(h->sink->arg, text->buf, text->len, where);
}

/*
 * Where a paragraph's text goes: to the sink, or, inside a table cell
 * (cell not NULL), onto the cell's text, a space between two texts.
 */
static int para_out(struct hwp *h, const struct strbuf *text, struct strbuf *cell)
{
    if (!cell)
        return emit(h, text);
    if (cell->len && text->len)
        strbuf_addch(cell, ' ');
    strbuf_addbuf(cell, text);
    return 0;
}

/*
 * Where a finished table row goes: to the sink, or, for a table inside a
 * cell (cell not NULL), onto the cell's text after a space.
 */
static int row_out(struct hwp *h, const struct strbuf *row, struct strbuf *cell)
{
    if (!cell)
        return emit(h, row);
    strbuf_addch(cell, ' ');
    strbuf_addbuf(cell, row);
    return 0;
}

static int read_paras(struct hwp *h, size_t *i, unsigned level, struct strbuf *cell);

/*
 * Reads the records of a control's subtree, [*i, end): each LIST_HEADER is
 * followed by its paragraphs at the same level. For a table, each list is a
 * cell whose row address says when a row ends; rows go to the sink (or into
 * cell, for a table inside a cell), cells joined by a TAB.
 */
static int read_lists(struct hwp *h, size_t *i, size_t end, int table, struct strbuf *cell)
{
    struct strbuf row = STRBUF_INIT, c = STRBUF_INIT;
    long cur_row = -1;
    int ncells = 0, ret = 0;

    while (*i < end && !ret) {
        const struct record *r = &h->recs[*i];
        unsigned level = r->level;
        long rowaddr;

        if (r->tag != TAG_LIST_HEADER) {
            ++*i;
            continue;
        }
        /* paragraph count (2), flags (4; older writers: 2 + 2 + 4), then the
         * cell's column and row addresses */
        rowaddr = r->size >= 12 ? (long)doc__le16(r->data + 10) : cur_row;
        ++*i;
        if (!table) {
            ret = read_paras(h, i, level, cell);
            continue;
        }
        if (cur_row >= 0 && rowaddr != cur_row && ncells) {
            ret = row_out(h, &row, cell);
            strbuf_reset(&row);
            ncells = 0;
        }
        cur_row = rowaddr;
        strbuf_reset(&c);
        if (!ret)
            ret = read_paras(h, i, level, &c);
        if (ncells++)
            strbuf_addch(&row, cell ? ' ' : '\t');
        for (size_t k = 0; k < c.len; k++)
            if (c.buf[k] == '\t' && !cell)
                c.buf[k] = ' '; /* a TAB inside a cell is not a column */
        strbuf_addbuf(&row, &c);
    }
    if (!ret && ncells)
        ret = row_out(h, &row, cell);
    strbuf_release(&row);
    strbuf_release(&c);
    return ret;
}

/* The end of the subtree of record i: the first record after it at its level or above. */
static size_t subtree_end(const struct hwp *h, size_t i)
{
    size_t j = i + 1;

    while (j < h->nrecs && h->recs[j].level > h->recs[i].level)
        j++;
    return j;
}

/*
 * Whether the table control at record i is a box: one row of one cell, used
 * to frame a title or a note. Its paragraphs are read as body paragraphs,
 * one line each, rather than joined into one cell.
 */
static int is_box(const struct hwp *h, size_t i)
{
    size_t j = i + 1;

    if (j < h->nrecs && h->recs[j].tag == TAG_TABLE && h->recs[j].level == h->recs[i].level + 1 &&
        h->recs[j].size >= 8)
        return doc__le16(h->recs[j].data + 4) == 1 && doc__le16(h->recs[j].data + 6) == 1;
    return 0;
}

/*
 * Reads the paragraphs at level from *i on: each PARA_HEADER and the records
 * below it. Stops at a record above level or one at level that is not a
 * paragraph (the next cell's LIST_HEADER). A paragraph's text goes to the
 * sink, or into cell (joined by a space) when cell is not NULL.
 */
static int read_paras(struct hwp *h, size_t *i, unsigned level, struct strbuf *cell)
{
    int ret = 0;

    if (++h->depth > DOC_HWP_DEPTH_MAX) {
        doc__fail(h->err, "%s: controls nested more than %d deep", h->section, DOC_HWP_DEPTH_MAX);
        return -1;
    }
    while (*i < h->nrecs && !ret) {
        const struct record *p = &h->recs[*i];
        size_t end, j;
        int said = 0;

        if (p->level < level || (p->level == level && p->tag != TAG_PARA_HEADER))
            break;
        end = subtree_end(h, *i);
        if (p->level > level || p->tag != TAG_PARA_HEADER) {
            *i = end; /* not a paragraph: nothing we read */
            continue;
        }
        strbuf_reset(&h->text);
        for (j = *i + 1; j < end && !ret; j++) {
            const struct record *r = &h->recs[j];
            size_t sub;
            uint32_t id;

            if (r->level != level + 1)
                continue;
            if (r->tag == TAG_PARA_TEXT) {
                para_text(&h->text, r->data, r->size);
                continue;
            }
            if (r->tag != TAG_CTRL_HEADER || r->size < 4)
                continue;
            /* the paragraph's text comes before what it anchors */
            if (!said++)
                ret = para_out(h, &h->text, cell);
            id = doc__le32(r->data);
            sub = j + 1;
            if (!ret && id != CTRL_HEADER && id != CTRL_FOOTER && id != CTRL_COMMENT)
                ret =
                    read_lists(h, &sub, subtree_end(h, j), id == CTRL_TABLE && !is_box(h, j), cell);
            j = subtree_end(h, j) - 1;
        }
        if (!said && !ret)
            ret = para_out(h, &h->text, cell);
        *i = end;
    }
    h->depth--;
    return ret;
}

/* Reads one section stream (already inflated). */
static int read_section(struct hwp *h, const unsigned char *buf, size_t len)
{
    size_t i = 0;
    int ret;

    if (split_records(h, buf, len))
        return -1;
    while (i < h->nrecs) {
        /* the body's paragraphs are at level 0; anything else at the top is skipped */
        ret = read_paras(h, &i, 0, NULL);
        if (ret)
            return ret;
        if (i < h->nrecs)
            i = subtree_end(h, i);
    }
    return 0;
}

int doc_hwp_read_section(const unsigned char *buf, size_t len, int compressed,
                         const struct doc_sink *sink, struct doc_error *err)
{
    struct hwp h;
    unsigned char *data = NULL;
    size_t datalen = 0, budget = DOC_HWP_INFLATE_MAX;
    int ret;

    err->msg[0] = '\0';
    memset(&h, 0, sizeof(h));
    h.sink = sink;
    h.err = err;
    h.section = "BodyText/Section0";
    strbuf_init(&h.text, 0);
    if (compressed && inflate_raw(buf, len, &budget, h.section, &data, &datalen, err)) {
        ret = -1;
    } else {
        ret = read_section(&h, compressed ? data : buf, compressed ? datalen : len);
    }
    free(data);
    free(h.recs);
    strbuf_release(&h.text);
    return ret;
}

int doc_read_hwp(const unsigned char *buf, size_t len, const struct doc_sink *sink,
                 struct doc_error *err)
{
    struct ole2 o;
    struct hwp h;
    unsigned char *fh = NULL, *raw = NULL, *data = NULL;
    size_t fhlen = 0, rawlen = 0, datalen = 0, budget = DOC_HWP_INFLATE_MAX;
    uint32_t version, flags;
    char name[40];
    long idx;
    int ret = -1;

    err->msg[0] = '\0';
    if (ole2_open(&o, buf, len, err))
        return -1;
    memset(&h, 0, sizeof(h));
    h.sink = sink;
    h.err = err;
    strbuf_init(&h.text, 0);
    if ((idx = ole2_find(&o, "FileHeader")) < 0) {
        doc__fail(err, "not an HWP document: no FileHeader stream");
        goto out;
    }
    if (ole2_read(&o, idx, &fh, &fhlen, err))
        goto out;
    if (fhlen < 40 || memcmp(fh, "HWP Document File", 17)) {
        doc__fail(err, "not an HWP document: FileHeader has no 'HWP Document File' signature");
        goto out;
    }
    version = doc__le32(fh + 32);
    flags = doc__le32(fh + 36);
    if (version >> 24 != 5) {
        doc__fail(err, "HWP version %u.%u.%u.%u is not supported (only 5.x)", version >> 24,
                  version >> 16 & 0xFF, version >> 8 & 0xFF, version & 0xFF);
        goto out;
    }
    if (flags & FLAG_PASSWORD) {
        doc__fail(err, "the HWP document is encrypted with a password; save it without one");
        goto out;
    }
    if (flags & FLAG_DISTRIBUTION) {
        doc__fail(err, "the HWP document is a distribution document (배포용 문서), whose text is "
                       "encrypted; ask for the original");
        goto out;
    }
    for (unsigned s = 0;; s++) {
        if (s >= DOC_HWP_SECTIONS_MAX) {
            doc__fail(err, "more than %u sections", DOC_HWP_SECTIONS_MAX);
            goto out;
        }
        snprintf(name, sizeof(name), "BodyText/Section%u", s);
        if ((idx = ole2_find(&o, name)) < 0) {
            if (s == 0) {
                doc__fail(err, "not an HWP document: no BodyText/Section0 stream");
                goto out;
            }
            break;
        }
        h.section = name;
        if (ole2_read(&o, idx, &raw, &rawlen, err))
            goto out;
        if (flags & FLAG_COMPRESSED) {
            if (inflate_raw(raw, rawlen, &budget, name, &data, &datalen, err))
                goto out;
            free(raw);
        } else {
            data = raw;
            datalen = rawlen;
        }
        raw = NULL;
        ret = read_section(&h, data, datalen);
        free(data);
        data = NULL;
        if (ret)
            goto out;
    }
    ret = 0;
out:
    free(fh);
    free(raw);
    free(data);
    free(h.recs);
    strbuf_release(&h.text);
    ole2_close(&o);
    return ret;
}
