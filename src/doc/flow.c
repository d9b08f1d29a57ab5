/*
 * flow.c - paragraphs and table rows from XML reader events (see flow.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc/flow.h"
#include "util/utf8.h"
#include "util/banned.h"

void flow_init(struct flow *f, const struct doc_sink *sink)
{
    memset(f, 0, sizeof *f);
    f->sink = sink;
    for (unsigned i = 0; i < FLOW_MAX_DEPTH; i++)
        strbuf_init(&f->stack[i].text, 0);
    strbuf_init(&f->notes, 0);
}

void flow_release(struct flow *f)
{
    for (unsigned i = 0; i < FLOW_MAX_DEPTH; i++)
        strbuf_release(&f->stack[i].text);
    strbuf_release(&f->notes);
}

static int is_space(char c)
{
    return c == ' ' || c == '\t';
}

/* s[*start..*end) without spaces and TABs at either end. */
static void trim(const char *s, size_t len, size_t *start, size_t *end)
{
    size_t a = 0, b = len;
    while (a < b && is_space(s[a]))
        a++;
    while (b > a && is_space(s[b - 1]))
        b--;
    *start = a;
    *end = b;
}

/* Appends s to sb after a space (when sb has text), TABs made spaces. */
static void add_spaced(struct strbuf *sb, const char *s, size_t len)
{
    if (!len)
        return;
    if (sb->len)
        strbuf_addch(sb, ' ');
    size_t at = sb->len;
    strbuf_add(sb, s, len);
    for (size_t i = at; i < sb->len; i++)
        if (sb->buf[i] == '\t')
            sb->buf[i] = ' ';
}

static int emit(struct flow *f, const char *s, size_t len, const char *where)
{
    if (f->rc)
        return f->rc;
    f->rc = f->sink->para(f->sink->arg, s, len, where);
    return f->rc;
}

/*
 * Gives the text of a finished frame (kind: PARA, ROW or CELL) to the frame
 * below level, skipping paragraphs (flushed when the inner frame began) and
 * tables (a row belongs to the table's container).
 */
static int deliver(struct flow *f, unsigned level, enum flow_kind kind, const char *s, size_t len)
{
    size_t a, b;

    if (kind == FLOW_ROW) {
        /* a row of empty cells is no text; a row with text keeps its TABs (the columns) */
        size_t i;
        for (i = 0; i < len && is_space(s[i]); i++)
            ;
        if (i == len)
            return f->rc;
        a = 0;
        b = len;
        while (b > 0 && s[b - 1] == ' ')
            b--;
    } else {
        trim(s, len, &a, &b);
    }
    while (level > 0) {
        struct flow_frame *below = &f->stack[level - 1];
        if (level - 1 >= FLOW_MAX_DEPTH || below->kind == FLOW_PARA || below->kind == FLOW_TABLE) {
            level--;
            continue;
        }
        if (below->kind == FLOW_ROW) {
            /* a finished cell (or stray text directly in a row) is the row's next cell */
            if (below->cells++)
                strbuf_addch(&below->text, '\t');
            size_t at = below->text.len;
            strbuf_add(&below->text, s + a, b - a);
            for (size_t i = at; i < below->text.len; i++)
                if (below->text.buf[i] == '\t')
                    below->text.buf[i] = ' ';
        } else {
            add_spaced(&below->text, s + a, b - a);
        }
        return f->rc;
    }
    if (b == a)
        return f->rc;
    char where[32];
    snprintf(where, sizeof where, "§%lu", ++f->units);
    return emit(f, s + a, b - a, where);
}

/* Gives the text so far of an open paragraph at top, so that what starts inside it comes after. */
static void flush_para(struct flow *f)
{
    if (f->depth == 0 || f->depth > FLOW_MAX_DEPTH)
        return;
    struct flow_frame *top = &f->stack[f->depth - 1];
    if (top->kind != FLOW_PARA || !top->text.len)
        return;
    deliver(f, f->depth - 1, FLOW_PARA, top->text.buf, top->text.len);
    strbuf_reset(&top->text);
}

static int push(struct flow *f, enum flow_kind kind, char note)
{
    if (kind == FLOW_PARA || kind == FLOW_TABLE)
        flush_para(f);
    /* frames past FLOW_MAX_DEPTH are counted, so ends still match, but hold no text */
    if (f->depth < FLOW_MAX_DEPTH) {
        struct flow_frame *fr = &f->stack[f->depth];
        fr->kind = kind;
        fr->cells = 0;
        fr->note = note;
        strbuf_reset(&fr->text);
    }
    f->depth++;
    return f->rc;
}

int flow_begin(struct flow *f, enum flow_kind kind)
{
    return push(f, kind, 0);
}

int flow_begin_note(struct flow *f, char kind)
{
    return push(f, FLOW_NOTE, kind);
}

int flow_end(struct flow *f)
{
    if (f->depth == 0)
        return f->rc;
    unsigned level = --f->depth;
    if (level >= FLOW_MAX_DEPTH)
        return f->rc;
    struct flow_frame *fr = &f->stack[level];
    switch (fr->kind) {
    case FLOW_PARA:
    case FLOW_ROW:
    case FLOW_CELL:
        return deliver(f, level, fr->kind, fr->text.buf, fr->text.len);
    case FLOW_NOTE: {
        size_t a, b;
        trim(fr->text.buf, fr->text.len, &a, &b);
        if (b > a) {
            strbuf_addch(&f->notes, fr->note);
            strbuf_add(&f->notes, fr->text.buf + a, b - a);
            strbuf_addch(&f->notes, '\0');
        }
        return f->rc;
    }
    case FLOW_TABLE:
        break;
    }
    return f->rc;
}

void flow_text(struct flow *f, const char *s, size_t len)
{
    if (f->depth == 0 || f->depth > FLOW_MAX_DEPTH)
        return;
    struct strbuf *sb = &f->stack[f->depth - 1].text;
    size_t at = sb->len;
    strbuf_add(sb, s, len);
    /* a line end in the XML text is white space: the sink's text is one line */
    for (size_t i = at; i < sb->len; i++)
        if (sb->buf[i] == '\n' || sb->buf[i] == '\r')
            sb->buf[i] = ' ';
}

int flow_finish(struct flow *f)
{
    unsigned long fn = 0, en = 0;
    char where[32];

    for (size_t i = 0; i < f->notes.len && !f->rc;) {
        char kind = f->notes.buf[i];
        const char *s = f->notes.buf + i + 1;
        size_t n = strlen(s);
        if (kind == 'e')
            snprintf(where, sizeof where, "en %lu", ++en);
        else
            snprintf(where, sizeof where, "fn %lu", ++fn);
        emit(f, s, n, where);
        i += n + 2;
    }
    return f->rc;
}

/* ---- XML entries of a zip -------------------------------------------------------------- */

const char *flow_local_name(const char *name)
{
    const char *c = strrchr(name, ':');
    return c ? c + 1 : name;
}

int flow_open_zip(struct flow *f, const struct doc_sink *sink, struct zip *z,
                  const unsigned char *buf, size_t len, struct doc_error *err)
{
    flow_init(f, sink);
    err->msg[0] = '\0';
    return zip_open(z, buf, len, err); /* a failed open leaves z for zip_close */
}

int flow_close_zip(struct flow *f, struct zip *z, int rc)
{
    if (f->rc)
        rc = f->rc;
    flow_release(f);
    zip_close(z);
    return rc;
}

int flow_read_xml(struct zip *z, const struct zip_entry *e, const struct xml_handlers *h, void *ctx,
                  struct xml_reader **reader, const int *sink_rc, struct doc_error *err)
{
    unsigned char *data = NULL;
    size_t len = 0;
    struct dd_error xerr;
    int rc;

    if (zip_read(z, e, &data, &len, err) < 0)
        return -1;
    dd_error_clear(&xerr);
    rc = xml_read_buffer((const char *)data, len, h, ctx, reader, &xerr);
    free(data);
    if (rc < 0 && !*sink_rc) {
        char name[ZIP_NAME_MAX + 8];
        zip_printable(name, sizeof name, e->name, e->name_len);
        snprintf(err->msg, sizeof err->msg, "zip entry '%s': line %lu, column %lu: %.120s", name,
                 xerr.line, xerr.column, xerr.message);
        utf8_trim_invalid(err->msg); /* cut inside a character */
        return -1;
    }
    return 0;
}
