/*
 * hwpx.c - HWPX (OWPML, KS X 6101), the XML successor of HWP 5.0.
 *
 * An HWPX file is a zip (zip.h) whose first entry "mimetype" reads
 * "application/hwp+zip". Contents/content.hpf is an OPF package document:
 * its opf:manifest maps ids to parts and its opf:spine gives their order;
 * the sections are the spine's parts named Contents/sectionN.xml (the
 * spine also lists header.xml, which holds styles). Each section is read
 * through expat (xml/xml.h), matching elements by local name (the prefix
 * "hp" is conventional, the namespace http://www.hancom.co.kr/hwpml/2011/
 * paragraph is what counts, and no other namespace of OWPML reuses the
 * names we look at):
 *
 *   hp:p                      a paragraph (flow.h)
 *   hp:run/hp:t               its text; inside hp:t, hp:tab is a TAB,
 *                             hp:lineBreak, hp:nbSpace, hp:fwSpace a space,
 *                             hp:hyphen a '-'
 *   hp:tbl/hp:tr/hp:tc        a table, one row per hp:tr
 *                             (hp:tc/hp:subList/hp:p paragraphs of a cell)
 *   hp:footNote, hp:endNote   notes, given after the body ("fn N", "en N")
 *   hp:header, hp:footer      page headers and footers: left out (repeated
 *                             on every page, not part of the text)
 *   hp:deleteBegin/End        tracked changes (변경 내용 추적): the text
 *                             between a deleteBegin and its deleteEnd (empty
 *                             elements inside hp:t, paired by Id, possibly in
 *                             different paragraphs) is left out; the text
 *                             between hp:insertBegin/End is kept
 *
 * Field instructions (hp:fieldBegin parameters), shape comments and other
 * attributes are not text and are not read.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc/doc.h"
#include "doc/flow.h"
#include "doc/zip.h"
#include "xml/xml.h"
#include "util/strbuf.h"
#include "util/xmalloc.h"
#include "util/banned.h"

#define HWPX_MIMETYPE "application/hwp+zip"
/* Most open deletions tracked (they pair by Id; real documents nest none). */
#define HWPX_MAX_DELETES 64

struct hwpx_state {
    struct flow flow;          /* paragraphs and rows */
    struct xml_reader *reader; /* to turn text callbacks on inside hp:t only */
    unsigned in_t;             /* open hp:t elements */
    unsigned skip;             /* > 0 inside a header or footer: its depth */
    unsigned deletes;          /* open tracked deletions */
};

static int stop(struct hwpx_state *st)
{
    /* the sink asked to stop: end the parse (xml_read_buffer then fails; rc tells why) */
    return st->flow.rc ? -1 : 0;
}

static int on_start(void *ctx, const char *name, const char **attrs)
{
    struct hwpx_state *st = ctx;
    const char *n = flow_local_name(name);
    (void)attrs;

    if (st->skip) {
        st->skip++;
        return 0;
    }
    if (st->in_t) {
        if (!strcmp(n, "deleteBegin")) {
            st->deletes++;
        } else if (!strcmp(n, "deleteEnd")) {
            if (st->deletes)
                st->deletes--;
        } else if (st->deletes) {
            ;
        } else if (!strcmp(n, "tab")) {
            flow_text(&st->flow, "\t", 1);
        } else if (!strcmp(n, "lineBreak") || !strcmp(n, "nbSpace") || !strcmp(n, "fwSpace")) {
            flow_text(&st->flow, " ", 1);
        } else if (!strcmp(n, "hyphen")) {
            flow_text(&st->flow, "-", 1);
        }
        return 0;
    }
    if (!strcmp(n, "p"))
        flow_begin(&st->flow, FLOW_PARA);
    else if (!strcmp(n, "t")) {
        st->in_t++;
        xml_reader_want_text(st->reader, 1);
    } else if (!strcmp(n, "tbl"))
        flow_begin(&st->flow, FLOW_TABLE);
    else if (!strcmp(n, "tr"))
        flow_begin(&st->flow, FLOW_ROW);
    else if (!strcmp(n, "tc"))
        flow_begin(&st->flow, FLOW_CELL);
    else if (!strcmp(n, "footNote"))
        flow_begin_note(&st->flow, 'f');
    else if (!strcmp(n, "endNote"))
        flow_begin_note(&st->flow, 'e');
    else if (!strcmp(n, "header") || !strcmp(n, "footer"))
        st->skip = 1;
    else if (!strcmp(n, "deleteBegin")) /* between runs: a deletion of whole runs */
        st->deletes++;
    else if (!strcmp(n, "deleteEnd") && st->deletes)
        st->deletes--;
    return stop(st);
}

static int on_end(void *ctx, const char *name)
{
    struct hwpx_state *st = ctx;
    const char *n = flow_local_name(name);

    if (st->skip) {
        st->skip--;
        return 0;
    }
    if (st->in_t) {
        if (!strcmp(n, "t")) {
            st->in_t--;
            if (!st->in_t)
                xml_reader_want_text(st->reader, 0);
        }
        return 0;
    }
    if (!strcmp(n, "p") || !strcmp(n, "tbl") || !strcmp(n, "tr") || !strcmp(n, "tc") ||
        !strcmp(n, "footNote") || !strcmp(n, "endNote"))
        flow_end(&st->flow);
    return stop(st);
}

static int on_text(void *ctx, const char *s, size_t len)
{
    struct hwpx_state *st = ctx;
    if (st->in_t && !st->deletes && !st->skip)
        flow_text(&st->flow, s, len);
    return 0;
}

/* ---- Contents/content.hpf ------------------------------------------------------------- */

struct hpf_state {
    struct strbuf items;   /* manifest: id NUL href NUL, ... */
    struct strbuf spine;   /* spine idrefs: idref NUL, ... */
    unsigned long n_spine; /* entries in spine */
    unsigned long n_items; /* entries in items */
};

static int hpf_start(void *ctx, const char *name, const char **attrs)
{
    struct hpf_state *hs = ctx;
    const char *n = flow_local_name(name);

    if (!strcmp(n, "item")) {
        const char *id = xml_attr(attrs, "id"), *href = xml_attr(attrs, "href");
        /* more items than a zip may hold name nothing: bounding them bounds the look-ups */
        if (id && href && hs->n_items < ZIP_MAX_ENTRIES) {
            hs->n_items++;
            strbuf_add(&hs->items, id, strlen(id) + 1);
            strbuf_add(&hs->items, href, strlen(href) + 1);
        }
    } else if (!strcmp(n, "itemref")) {
        const char *idref = xml_attr(attrs, "idref");
        if (idref && hs->n_spine < ZIP_MAX_ENTRIES) {
            strbuf_add(&hs->spine, idref, strlen(idref) + 1);
            hs->n_spine++;
        }
    }
    return 0;
}

static const char *hpf_href(const struct hpf_state *hs, const char *id)
{
    for (size_t i = 0; i < hs->items.len;) {
        const char *item = hs->items.buf + i;
        const char *href = item + strlen(item) + 1;
        if (!strcmp(item, id))
            return href;
        i = (size_t)(href - hs->items.buf) + strlen(href) + 1;
    }
    return NULL;
}

/* Whether href names a section part: ".../sectionN.xml". */
static int is_section(const char *href)
{
    const char *base = strrchr(href, '/');
    base = base ? base + 1 : href;
    size_t n = strlen(base);
    return !strncmp(base, "section", 7) && n > 11 && !strcmp(base + n - 4, ".xml");
}

/* Finds a section part: as written (Hancom writes "Contents/section0.xml"), else relative to
 * Contents/. */
static int find_part(const struct zip *z, const char *href, const struct zip_entry **e,
                     struct doc_error *err)
{
    int found = zip_find(z, href, e, err);
    if (found)
        return found;
    struct strbuf path = STRBUF_INIT;
    strbuf_addstr(&path, "Contents/");
    strbuf_addstr(&path, href);
    found = zip_find(z, path.buf, e, err);
    strbuf_release(&path);
    return found;
}

/* ---- the reader ------------------------------------------------------------------------ */

int doc_read_hwpx(const unsigned char *buf, size_t len, const struct doc_sink *sink,
                  struct doc_error *err)
{
    struct zip z;
    struct hwpx_state st;
    struct hpf_state hs = {STRBUF_INIT, STRBUF_INIT, 0, 0};
    const struct zip_entry *e = NULL;
    unsigned char *mime = NULL;
    size_t mime_len = 0;
    int rc = -1, found;
    const int nosink = 0;
    unsigned long sections = 0;
    char *seen = NULL; /* per zip entry: already read as a section */

    memset(&st, 0, sizeof st);
    if (flow_open_zip(&st.flow, sink, &z, buf, len, err) < 0 ||
        zip_require(&z, "mimetype", "an HWPX", &e, err) < 0 ||
        zip_read(&z, e, &mime, &mime_len, err) < 0)
        goto cleanup;
    while (mime_len &&
           (mime[mime_len - 1] == '\n' || mime[mime_len - 1] == '\r' || mime[mime_len - 1] == ' '))
        mime_len--;
    if (mime_len != strlen(HWPX_MIMETYPE) || memcmp(mime, HWPX_MIMETYPE, mime_len)) {
        snprintf(err->msg, sizeof err->msg,
                 "not an HWPX file: zip entry 'mimetype' is not " HWPX_MIMETYPE);
        goto cleanup;
    }

    found = zip_find(&z, "Contents/content.hpf", &e, err);
    if (found < 0)
        goto cleanup;
    if (found) {
        struct xml_handlers h = {hpf_start, NULL, NULL, NULL};
        if (flow_read_xml(&z, e, &h, &hs, NULL, &nosink, err) < 0)
            goto cleanup;
    }

    struct xml_handlers h = {on_start, on_end, on_text, NULL};
    seen = xcalloc(z.count ? z.count : 1, 1);
    if (hs.n_spine) {
        /* the spine's order; parts that are not sections (header.xml) are not text */
        for (size_t i = 0; i < hs.spine.len; i += strlen(hs.spine.buf + i) + 1) {
            const char *href = hpf_href(&hs, hs.spine.buf + i);
            if (!href || !is_section(href))
                continue;
            found = find_part(&z, href, &e, err);
            if (found < 0)
                goto cleanup;
            if (!found) {
                char name[ZIP_NAME_MAX + 8];
                zip_printable(name, sizeof name, href, strlen(href));
                snprintf(err->msg, sizeof err->msg,
                         "Contents/content.hpf lists section '%s', which the zip lacks", name);
                goto cleanup;
            }
            /* a section listed twice is read once: its text is not doubled */
            if (seen[e - z.entries])
                continue;
            seen[e - z.entries] = 1;
            if (flow_read_xml(&z, e, &h, &st, &st.reader, &st.flow.rc, err) < 0)
                goto cleanup;
            sections++;
            if (st.flow.rc)
                break;
        }
    } else {
        /* no package document: Contents/section0.xml, section1.xml, ... while they exist */
        for (unsigned long i = 0; i < ZIP_MAX_ENTRIES && !st.flow.rc; i++) {
            char path[64];
            snprintf(path, sizeof path, "Contents/section%lu.xml", i);
            found = zip_find(&z, path, &e, err);
            if (found < 0)
                goto cleanup;
            if (!found)
                break;
            if (flow_read_xml(&z, e, &h, &st, &st.reader, &st.flow.rc, err) < 0)
                goto cleanup;
            sections++;
        }
    }
    if (!sections && !st.flow.rc) {
        snprintf(err->msg, sizeof err->msg, "HWPX file without sections (Contents/sectionN.xml)");
        goto cleanup;
    }
    rc = flow_finish(&st.flow);

cleanup:
    free(mime);
    free(seen);
    strbuf_release(&hs.items);
    strbuf_release(&hs.spine);
    return flow_close_zip(&st.flow, &z, rc);
}
