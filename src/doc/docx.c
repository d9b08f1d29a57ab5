/*
 * docx.c - DOCX (Office Open XML WordprocessingML, ECMA-376 Part 1, §17).
 *
 * A DOCX is a zip (zip.h) holding word/document.xml, the body, and
 * word/footnotes.xml and word/endnotes.xml when there are notes. Each is
 * read through expat (xml/xml.h), matching elements by local name (the
 * prefix "w" is conventional):
 *
 *   w:p                   a paragraph (flow.h)
 *   w:r/w:t               its text; inside a run, w:tab is a TAB, w:br and
 *                         w:cr a space, w:noBreakHyphen a '-' (a w:tab
 *                         outside a run is a tab stop of w:pPr, not text)
 *   w:tbl/w:tr/w:tc       a table, one row per w:tr
 *   w:del, w:moveFrom     tracked deletions: left out (their text is in
 *                         w:delText, and w:t of moved-away runs)
 *   w:ins, w:moveTo       tracked insertions: kept
 *   w:delText, w:instrText   deleted text and field codes: not text
 *   mc:Fallback           the second rendering of a text box or drawing
 *                         (mc:Choice holds the same text): left out
 *   w:footnote, w:endnote in footnotes.xml and endnotes.xml: one note each,
 *                         given after the body ("fn N", "en N" in order);
 *                         the separator notes (w:type set) are left out
 *
 * Page headers and footers (word/headerN.xml) and comments are not read.
 */
#include <string.h>

#include "doc/doc.h"
#include "doc/flow.h"
#include "doc/zip.h"
#include "xml/xml.h"
#include "util/banned.h"

struct docx_state {
    struct flow flow;          /* paragraphs and rows */
    struct xml_reader *reader; /* to turn text callbacks on inside w:t only */
    unsigned in_run;           /* open w:r elements */
    unsigned in_t;             /* open w:t elements */
    unsigned deleted;          /* open w:del and w:moveFrom elements */
    unsigned skip;             /* > 0 inside mc:Fallback or a separator note: its depth */
};

static int stop(const struct docx_state *st)
{
    return st->flow.rc ? -1 : 0;
}

/* Whether a note has a type attribute (w:type, whatever the prefix): a separator, not a note. */
static int has_type(const char **attrs)
{
    for (size_t i = 0; attrs && attrs[i]; i += 2)
        if (!strcmp(flow_local_name(attrs[i]), "type"))
            return 1;
    return 0;
}

static int on_start(void *ctx, const char *name, const char **attrs)
{
    struct docx_state *st = ctx;
    const char *n = flow_local_name(name);

    if (st->skip) {
        st->skip++;
        return 0;
    }
    switch (n[0]) {
    case 'p':
        if (!strcmp(n, "p"))
            flow_begin(&st->flow, FLOW_PARA);
        break;
    case 'r':
        if (!strcmp(n, "r"))
            st->in_run++;
        break;
    case 't':
        if (!strcmp(n, "t")) {
            st->in_t++;
            xml_reader_want_text(st->reader, st->in_run && !st->deleted);
        } else if (!strcmp(n, "tab")) {
            if (st->in_run && !st->deleted)
                flow_text(&st->flow, "\t", 1);
        } else if (!strcmp(n, "tbl")) {
            flow_begin(&st->flow, FLOW_TABLE);
        } else if (!strcmp(n, "tr")) {
            flow_begin(&st->flow, FLOW_ROW);
        } else if (!strcmp(n, "tc")) {
            flow_begin(&st->flow, FLOW_CELL);
        }
        break;
    case 'b':
    case 'c':
        if ((!strcmp(n, "br") || !strcmp(n, "cr")) && st->in_run && !st->deleted)
            flow_text(&st->flow, " ", 1);
        break;
    case 'n':
        if (!strcmp(n, "noBreakHyphen") && st->in_run && !st->deleted)
            flow_text(&st->flow, "-", 1);
        break;
    case 'd':
        if (!strcmp(n, "del"))
            st->deleted++;
        break;
    case 'm':
        if (!strcmp(n, "moveFrom"))
            st->deleted++;
        break;
    case 'F':
        if (!strcmp(n, "Fallback"))
            st->skip = 1;
        break;
    case 'f':
    case 'e':
        if (!strcmp(n, "footnote") || !strcmp(n, "endnote")) {
            if (has_type(attrs))
                st->skip = 1; /* separator, continuationSeparator, continuationNotice */
            else
                flow_begin_note(&st->flow, n[0]);
        }
        break;
    }
    return stop(st);
}

static int on_end(void *ctx, const char *name)
{
    struct docx_state *st = ctx;
    const char *n = flow_local_name(name);

    if (st->skip) {
        st->skip--;
        return 0;
    }
    if (!strcmp(n, "t")) {
        if (st->in_t)
            st->in_t--;
        xml_reader_want_text(st->reader, 0);
    } else if (!strcmp(n, "r")) {
        if (st->in_run)
            st->in_run--;
    } else if (!strcmp(n, "del") || !strcmp(n, "moveFrom")) {
        if (st->deleted)
            st->deleted--;
    } else if (!strcmp(n, "p") || !strcmp(n, "tbl") || !strcmp(n, "tr") || !strcmp(n, "tc") ||
               !strcmp(n, "footnote") || !strcmp(n, "endnote")) {
        flow_end(&st->flow);
    }
    return stop(st);
}

static int on_text(void *ctx, const char *s, size_t len)
{
    struct docx_state *st = ctx;
    if (st->in_t && st->in_run && !st->deleted)
        flow_text(&st->flow, s, len);
    return 0;
}

int doc_read_docx(const unsigned char *buf, size_t len, const struct doc_sink *sink,
                  struct doc_error *err)
{
    static const char *const notes[] = {"word/footnotes.xml", "word/endnotes.xml"};
    struct zip z;
    struct docx_state st;
    const struct xml_handlers h = {on_start, on_end, on_text, NULL};
    const struct zip_entry *e = NULL;
    int rc = -1, found;

    memset(&st, 0, sizeof st);
    if (flow_open_zip(&st.flow, sink, &z, buf, len, err) < 0 ||
        zip_require(&z, "word/document.xml", "a DOCX", &e, err) < 0 ||
        flow_read_xml(&z, e, &h, &st, &st.reader, &st.flow.rc, err) < 0)
        goto cleanup;
    for (size_t i = 0; i < sizeof notes / sizeof notes[0] && !st.flow.rc; i++) {
        found = zip_find(&z, notes[i], &e, err);
        if (found < 0)
            goto cleanup;
        /* a note part starts afresh: nothing open carries over from the body */
        st.in_run = st.in_t = st.deleted = st.skip = 0;
        if (found && flow_read_xml(&z, e, &h, &st, &st.reader, &st.flow.rc, err) < 0)
            goto cleanup;
    }
    rc = flow_finish(&st.flow);

cleanup:
    return flow_close_zip(&st.flow, &z, rc);
}
