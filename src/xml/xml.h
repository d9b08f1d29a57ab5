/*
 * xml.h - a small streaming XML reader over expat, and an XML writer helper.
 *
 * This module is the only expat caller (STYLE.md §1). Format readers
 * (tmx_read.c, tbx_read.c) see a document as a stream of callbacks, start
 * tag, text, end tag, never as a tree, so memory is bounded by the longest
 * text run and the nesting depth, not by the file.
 *
 * The reader is hardened for files from strangers (XML 1.0, 5th edition):
 *
 *   - no DTD or external entity is ever fetched: parameter entity parsing is
 *     off (XML_PARAM_ENTITY_PARSING_NEVER) and no external entity handler
 *     is installed;
 *   - any <!ENTITY> declaration, internal or external, is refused with an
 *     error, which stops billion-laughs expansion before it starts (expat's
 *     own amplification limit is set as well, as a second wall);
 *   - a reference to an entity that is not declared (one that would live in
 *     an unread external DTD) is an error, not silently dropped;
 *   - a DOCTYPE whose system identifier is a URL is refused unless its last
 *     path segment is a DTD we know (tmx14.dtd, TBXcoreStructV02.dtd, ...);
 *   - nesting deeper than XML_MAX_DEPTH and text runs longer than
 *     XML_MAX_TEXT bytes are errors;
 *   - so are an element with more than XML_MAX_ATTRS attributes, an
 *     attribute value longer than XML_MAX_ATTR bytes, and any piece of
 *     markup (a tag with its attributes, a comment, a processing
 *     instruction, a DOCTYPE) that expat would have to hold whole while it
 *     is longer than XML_MAX_MARKUP bytes: memory stays at a few MiB
 *     whatever one tag holds (the format readers bound what one unit
 *     keeps, io/exchange.h EXCHANGE_MAX_UNIT).
 *
 * Encodings: expat detects UTF-8 (with or without BOM) and UTF-16LE/BE from
 * the byte-order mark or the first bytes, and honours ISO-8859-1 and
 * US-ASCII declarations; text reaches the callbacks as UTF-8.
 *
 * Errors name the line and column (1-based) where expat stopped.
 */
#ifndef DADEUM_IO_XML_H
#define DADEUM_IO_XML_H

#include <stddef.h>
#include <stdio.h>

#include "util/error.h"
#include "util/strbuf.h"

/* Deepest element nesting accepted; TMX and TBX need fewer than 12 levels. */
#define XML_MAX_DEPTH 256
/* Longest text run (one seg, note, term) accepted, in bytes. */
#define XML_MAX_TEXT (1u << 20)
/* Most attributes on one element; TMX and TBX elements have fewer than 20. */
#define XML_MAX_ATTRS 256
/* Longest attribute value accepted, in bytes (dates, ids and tags are short). */
#define XML_MAX_ATTR (64u << 10)
/* Longest piece of markup expat holds whole (a start tag and its attributes, a comment). */
#define XML_MAX_MARKUP (256u << 10)

/* Why a read failed, in err->detail of its struct dd_error; err->code is DD_EINPUT. */
enum xml_read_status {
    XML_READ_OK = 0,
    XML_READ_EOPEN,      /* the file cannot be opened or read (errno in sys_errno) */
    XML_READ_EMALFORMED, /* not well-formed XML (expat's message) */
    XML_READ_EREFUSED,   /* a hostile or unsupported construct: entities, remote DTD, depth */
    XML_READ_EINPUT      /* well-formed, but not the format the caller expects */
};

struct xml_reader; /* one parse in progress, handed to the callbacks */

/*
 * Callbacks; each returns 0 to go on or -1 to stop the parse, after calling
 * xml_reader_fail() to say why. attrs is expat's NULL-terminated array of
 * name, value pairs; names are as written (xml:lang stays "xml:lang", no
 * namespace processing). text arrives in pieces of any size. Any may be NULL.
 */
struct xml_handlers {
    int (*start)(void *ctx, const char *name, const char **attrs);
    int (*end)(void *ctx, const char *name);
    int (*text)(void *ctx, const char *s, size_t len);
    /* may be NULL: a warning about the whole file, given after it was read */
    void (*warn)(void *ctx, const char *msg);
};

/*
 * Parses the file at path ("-" is standard input) in 64 KiB reads, calling
 * h's functions with ctx. reader_out (may be NULL) receives the reader
 * handle before the first callback, for xml_reader_fail and
 * xml_reader_get_position. Returns 0, or -1 with err filled in.
 */
int xml_read_file(const char *path, const struct xml_handlers *h, void *ctx,
                  struct xml_reader **reader_out /* OUT: may be NULL */,
                  struct dd_error *err /* OUT */);

/* The same over a buffer in memory (for tests and fuzzing). */
int xml_read_buffer(const char *buf, size_t len, const struct xml_handlers *h, void *ctx,
                    struct xml_reader **reader_out /* OUT: may be NULL */,
                    struct dd_error *err /* OUT */);

/*
 * A reader built around its own element table: expat's callbacks land in
 * xml.c, which makes its checks (depth, attributes, text runs) and then
 * calls the function of that element directly, with no second layer that
 * looks at the name again. Reading a TMX file is some twenty callbacks a
 * unit, and the two layers of the plain handlers were a third of the
 * reader's own instructions.
 *
 * element_of maps a name to an index into elements (0 for an element the
 * reader passes over: elements[0]'s functions are NULL); the root element
 * goes to root instead, and its end calls nothing. Callbacks return 0 to go
 * on or -1 to stop, as with struct xml_handlers; a start or end function
 * that returns -1 without an error of its own fails the read with "cannot
 * read element 'NAME'". text and warn are as in struct xml_handlers.
 */
struct xml_element {
    int (*start)(void *ctx, const char **attrs); /* may be NULL */
    int (*end)(void *ctx);                       /* may be NULL */
};

struct xml_table {
    int (*root)(void *ctx, const char *name, const char **attrs);
    unsigned (*element_of)(const char *name); /* less than 256 */
    const struct xml_element *elements;
    int (*text)(void *ctx, const char *s, size_t len);
    void (*warn)(void *ctx, const char *msg); /* may be NULL */
};

/* xml_read_file for a table-driven reader. */
int xml_read_file_table(const char *path, const struct xml_table *t, void *ctx,
                        struct xml_reader **reader_out /* OUT: may be NULL */,
                        struct dd_error *err /* OUT */);

/*
 * From a start function of a table-driven reader: the element's content
 * is passed over, no start or end function is called for the elements in
 * it (xml.c still checks them), and the element's own end function is
 * called when it closes. Text goes on as the reader last asked.
 */
void xml_reader_skip(struct xml_reader *r);

/*
 * From a start function of a table-driven reader: the length of the value
 * of the tag's only attribute (attrs[1]), which the checks measured
 * anyway, or (size_t)-1 when the tag has none or more than one. With it a
 * value can be compared with a literal of the same length without a call.
 */
size_t xml_reader_value_len(const struct xml_reader *r);

/* From a callback: records an XML_READ_EINPUT error at the current position. */
void xml_reader_fail(struct xml_reader *r, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* From a callback: the current line and column (1-based). */
void xml_reader_get_position(const struct xml_reader *r, unsigned long *line /* OUT */,
                             unsigned long *column /* OUT */);

/*
 * From a callback: whether text callbacks are wanted from now on (they are
 * at the start). A reader that keeps the text of a few elements only turns
 * them on inside those, and expat skips the white space in between without
 * a call per run of it: a quarter of the time of reading a TMX.
 */
void xml_reader_want_text(struct xml_reader *r, int want);

/*
 * From a callback: text is wanted, and appended to sink as it comes, with
 * *kept counting its bytes, while *kept stays within max; a piece that
 * would take *kept past max, and every piece once *kept is past it (the
 * reader may count other things there), goes to the text callback instead,
 * which reports the limit. Expat hands out text in pieces (at each line
 * end and reference), and a reader that keeps an element's text this way
 * pays no callback per piece. sink and kept must stay valid until the
 * next xml_reader_want_text or xml_reader_text_into.
 */
void xml_reader_text_into(struct xml_reader *r, struct strbuf *sink, size_t *kept, size_t max);

/* Returns the value of attribute name in attrs, or NULL. */
const char *xml_attr(const char **attrs, const char *name);

/* Bytes of a file's text xml_printable keeps, enough for a URL or a tag. */
#define XML_PRINTABLE_MAX 100

/*
 * Appends s, text from the file (an attribute value, a system identifier),
 * to out for quoting in a message, which is one line: line breaks, other
 * C0 and C1 controls, DEL and bytes that are not UTF-8 become '?'. When s
 * is longer than max bytes, it is cut at a character boundary and ends in
 * "..." (max bytes in all).
 */
void xml_printable(struct strbuf *out, const char *s, size_t max);

/* ---- writing ---------------------------------------------------------------------- */

/*
 * Appends s[0..len) to out escaped for XML 1.0 character data (attr = 0:
 * & < > escaped) or for a double-quoted attribute value (attr = 1: also ",
 * and TAB, LF, CR as character references so they survive attribute value
 * normalisation). Characters XML 1.0 forbids (C0 controls other than TAB,
 * LF, CR; U+FFFE, U+FFFF; bytes that are not UTF-8) are removed: TMX and
 * TBX readers refuse them. DEL and C1 controls, legal but acted on by
 * terminals, become character references (&#x9B;). Returns the number of
 * characters removed.
 */
size_t xml_escape(struct strbuf *out, const char *s, size_t len, int attr);

/* Writes s escaped as text (attr = 0) or attribute value (attr = 1) to fp. */
void xml_write_escaped(FILE *fp, const char *s, int attr);

/* Appends s escaped as text (attr = 0) or attribute value (attr = 1) to out. */
void xml_add_escaped(struct strbuf *out, const char *s, int attr);

#endif
