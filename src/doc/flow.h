/*
 * flow.h - paragraphs and table rows from the events of an XML document
 * reader (internal to src/doc/; hwpx.c and docx.c share it).
 *
 * HWPX and DOCX nest the same way: paragraphs hold runs of text, a table
 * holds rows of cells, a cell holds paragraphs (and maybe another table),
 * and a paragraph can hold a table (HWPX: hp:p/hp:run/hp:tbl), a text box
 * or a note. The reader calls the begin/end pair of a frame at the start
 * and end tag of the element that makes it, so the stack is balanced by
 * XML's well-formedness; flow turns the frames into sink calls:
 *
 *   - a paragraph of the body is one sink call, labelled "§N";
 *   - a table row of the body is one sink call, its cells joined by a TAB
 *     (the paragraphs of a cell joined by a space, TABs inside a cell made
 *     spaces), also labelled "§N": N counts the units given to the sink,
 *     so "§N" is the N-th line of what `dadeum text` prints;
 *   - a table inside a cell becomes text of that cell (cells and rows
 *     joined by spaces);
 *   - when a paragraph or table starts inside an open paragraph (a table
 *     anchored in a paragraph, a text box), the text of the outer one so
 *     far is given first, then the inner one, then the rest of the outer:
 *     reading order is kept;
 *   - notes (footnotes, endnotes) are kept and given after the body,
 *     labelled "fn N" or "en N";
 *   - text is trimmed of spaces at both ends; a paragraph or row without
 *     text (white space only) is not given.
 */
#ifndef DADEUM_DOC_FLOW_H
#define DADEUM_DOC_FLOW_H

#include <stddef.h>

#include "doc/doc.h"
#include "doc/zip.h"
#include "xml/xml.h"
#include "util/strbuf.h"

/* Deepest nesting of frames; deeper frames are counted but not kept (see flow_push). */
#define FLOW_MAX_DEPTH 64

enum flow_kind { FLOW_PARA, FLOW_TABLE, FLOW_ROW, FLOW_CELL, FLOW_NOTE };

struct flow_frame {
    enum flow_kind kind; /* what opened the frame */
    struct strbuf text;  /* its text so far */
    unsigned cells;      /* ROW: cells added so far */
    char note;           /* NOTE: 'f' footnote, 'e' endnote */
};

struct flow {
    const struct doc_sink *sink;             /* where paragraphs go */
    int rc;                                  /* the sink's nonzero value, once it stopped */
    unsigned long units;                     /* body units given so far (the N of "§N") */
    struct flow_frame stack[FLOW_MAX_DEPTH]; /* open frames, bottom first */
    unsigned depth;                          /* open frames, kept or not */
    struct strbuf notes;                     /* kept notes: kind byte, text, NUL; in order */
};

void flow_init(struct flow *f, const struct doc_sink *sink);
void flow_release(struct flow *f);

/* Frame boundaries; each returns f->rc (nonzero: the sink asked to stop). */
int flow_begin(struct flow *f, enum flow_kind kind);
int flow_end(struct flow *f);
/* A note frame: kind 'f' (footnote) or 'e' (endnote). */
int flow_begin_note(struct flow *f, char kind);

/* Appends text to the innermost frame (text outside any frame is dropped). */
void flow_text(struct flow *f, const char *s, size_t len);

/* Gives the kept notes to the sink; returns f->rc. Call once, after the body. */
int flow_finish(struct flow *f);

/* ---- XML entries of a zip ------------------------------------------------------------ */

/* name without its namespace prefix ("hp:p" -> "p"). */
const char *flow_local_name(const char *name);

/*
 * The start of a reader of a zip-based document (docx.c, hwpx.c): inits f
 * for sink, clears err and opens the archive buf[0..len) into z. Returns 0,
 * or -1 with err set; either way the reader ends with flow_close_zip.
 */
int flow_open_zip(struct flow *f, const struct doc_sink *sink, struct zip *z,
                  const unsigned char *buf, size_t len, struct doc_error *err /* OUT */);

/*
 * The end of such a reader: releases f and z (after flow_open_zip, whether
 * or not it failed). Returns rc, the reader's result so far, or the sink's
 * nonzero value when the sink stopped the read.
 */
int flow_close_zip(struct flow *f, struct zip *z, int rc);

/*
 * Inflates entry e of z and parses it with h and ctx (reader as for
 * xml_read_buffer). A parse stopped because the sink asked (*sink_rc
 * nonzero) is no error. Returns 0, or -1 with err naming the entry and
 * the line and column.
 */
int flow_read_xml(struct zip *z, const struct zip_entry *e, const struct xml_handlers *h, void *ctx,
                  struct xml_reader **reader /* OUT: may be NULL */, const int *sink_rc,
                  struct doc_error *err /* OUT */);

#endif
