/*
 * doc.h - documents as people receive them: HWP 5.0, HWPX, DOCX, PDF and
 * web pages.
 *
 * A document reader turns a container format into the paragraphs a reader
 * of the document sees, in order, as UTF-8 text: one call of the sink per
 * paragraph, and one per table row (cells joined by a TAB). Each paragraph
 * carries a position label that lets a user find the place in the original
 * ("§12": the 12th paragraph of the body; "p3:14": page 3, line 14 of a
 * PDF), so that messages and the termbase can name it as "file.hwp:§12".
 *
 * Readers work on the whole file in memory (OLE2 and zip need random
 * access), never write to disk, and bound what they inflate (entry count,
 * entry size, compression ratio): a damaged or hostile file is refused with
 * a one-line reason, never a crash. The text reader (doc/reader.h) detects
 * these formats by content (doc_detect) and feeds their paragraphs to the
 * rest of dadeum as numbered lines.
 */
#ifndef DADEUM_DOC_DOC_H
#define DADEUM_DOC_DOC_H

#include <stddef.h>

enum doc_format {
    DOC_TEXT = 0, /* plain text or anything not recognised below: the text reader's business */
    DOC_HTML,     /* a web page: "<!doctype html" or "<html" first */
    DOC_HWP,      /* OLE2 compound file whose FileHeader says "HWP Document File" */
    DOC_HWPX,     /* zip whose first entry "mimetype" is application/hwp+zip */
    DOC_DOCX,     /* zip holding word/document.xml */
    DOC_PDF       /* "%PDF-" */
};

/* Receives one paragraph: text is UTF-8 without line ends (len bytes, not
 * NUL-terminated), where is a NUL-terminated position label. Returns 0 to go
 * on, nonzero to stop the reader (which then returns that value). */
struct doc_sink {
    int (*para)(void *arg, const char *text, size_t len, const char *where);
    void *arg;
};

/* Why a document could not be read: one line, no trailing newline, naming
 * the place in the container (stream, entry, record or byte offset). */
struct doc_error {
    char msg[256];
};

/* The format of a file from its first bytes (at least 8; up to the whole
 * file, since a zip's entries must be looked at to tell HWPX from DOCX). */
enum doc_format doc_detect(const unsigned char *buf, size_t len);

/* Format names for --input-format and messages ("hwp", "hwpx", ...). */
const char *doc_format_name(enum doc_format f);
int doc_format_parse(const char *name, enum doc_format *out /* OUT */);

/*
 * The readers. Each returns 0 when the whole document was read, -1 when it
 * is damaged, encrypted or unsupported (err says why), or the nonzero value
 * the sink returned. buf holds the whole file.
 */
int doc_read_hwp(const unsigned char *buf, size_t len, const struct doc_sink *sink,
                 struct doc_error *err /* OUT */);
int doc_read_hwpx(const unsigned char *buf, size_t len, const struct doc_sink *sink,
                  struct doc_error *err /* OUT */);
int doc_read_docx(const unsigned char *buf, size_t len, const struct doc_sink *sink,
                  struct doc_error *err /* OUT */);
/*
 * HTML takes the page decoded to UTF-8 (text, len bytes), not its bytes:
 * the text reader decodes it first (doc_html_charset), as it does a text
 * file. Navigation, scripts, styles, forms and the head are left out; table
 * rows are paragraphs of TAB-separated cells (html.c). Never fails: a page
 * is read as a browser would, whatever its markup.
 */
int doc_read_html(const char *text, size_t len, const struct doc_sink *sink,
                  struct doc_error *err /* OUT */);
/*
 * The encoding a page declares in a <meta charset=...> or <meta
 * http-equiv="Content-Type" content="...; charset=..."> in its first 1024
 * bytes, as HTML's prescan looks for it: copied to name (size bytes, NUL
 * included) and 1 returned; 0 when there is none (or it is longer).
 */
int doc_html_charset(const unsigned char *buf, size_t len, char *name /* OUT */, size_t size);
/* PDF runs poppler's pdftotext as a separate program on path. */
int doc_read_pdf(const char *path, const struct doc_sink *sink, struct doc_error *err /* OUT */);

/*
 * Whether f is read whole by a document reader (HWP, HWPX, DOCX, PDF, HTML)
 * rather than line by line as text.
 */
int doc_is_container(enum doc_format f);

/*
 * Reads a container with the reader for f: buf and len hold the whole file
 * (path is needed by the PDF reader only; for HTML, buf holds the page
 * decoded to UTF-8). Returns as the readers do; text, which the text reader
 * reads itself, is refused.
 */
int doc_read(enum doc_format f, const char *path, const unsigned char *buf, size_t len,
             const struct doc_sink *sink, struct doc_error *err /* OUT */);

#endif
