/*
 * doc.c - telling document formats apart by content, and reading any of them.
 *
 * Detection looks at bytes, never at the name: a .hwp attachment saved as
 * .txt, or a web page saved as .hwp, is read for what it is.
 *
 * - OLE2 (D0 CF 11 E0 A1 B1 1A E1): HWP 5.0. Every OLE2 file goes to the HWP
 *   reader, which checks the FileHeader stream's "HWP Document File"
 *   signature and refuses anything else (a Word 97 .doc, a damaged file) by
 *   name; decoding a binary container as text would only give noise.
 * - zip (PK 03 04): HWPX when the first entry is a stored "mimetype" reading
 *   application/hwp+zip (OWPML's rule, as in ODF and EPUB); DOCX when an
 *   entry is named word/document.xml, found in the central directory when
 *   buf holds the end of the file, else by walking the local headers.
 * - "%PDF-": PDF. A leading "<!doctype html" or "<html" (after a UTF-8 BOM
 *   and white space, any case): HTML. Anything else: text.
 */
#include "doc/doc.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "doc/doc_int.h"
#include "doc/ole2.h"
#include "util/utf8.h"
#include "util/banned.h"

static const char *const names[] = {"text", "html", "hwp", "hwpx", "docx", "pdf"};

#define DOCX_PART "word/document.xml"
#define HWPX_MIME "application/hwp+zip"

/* Whether the zip's central directory, if buf reaches it, names word/document.xml (-1: not found).
 */
static int zip_central_has_docx(const unsigned char *buf, size_t len)
{
    size_t i, lo = len > 65557 ? len - 65557 : 0, pos, end, n;

    if (len < 22)
        return -1;
    for (i = len - 22 + 1; i-- > lo;) {
        if (memcmp(buf + i, "PK\x05\x06", 4))
            continue;
        pos = doc__le32(buf + i + 16);
        end = pos + (size_t)doc__le32(buf + i + 12);
        if (pos > i || end > i || end < pos)
            return -1;
        for (n = 0; pos + 46 <= end && n < 65536; n++) {
            size_t nl = doc__le16(buf + pos + 28), el = doc__le16(buf + pos + 30),
                   cl = doc__le16(buf + pos + 32);
            if (memcmp(buf + pos, "PK\x01\x02", 4) || nl > end - pos - 46)
                return 0;
            if (nl == sizeof(DOCX_PART) - 1 && !memcmp(buf + pos + 46, DOCX_PART, nl))
                return 1;
            pos += 46 + nl + el + cl;
        }
        return 0;
    }
    return -1;
}

/* Walks the local headers as long as their sizes are known. */
static int zip_local_has_docx(const unsigned char *buf, size_t len)
{
    size_t pos = 0;

    for (unsigned n = 0; n < 65536 && pos + 30 <= len && !memcmp(buf + pos, "PK\x03\x04", 4); n++) {
        size_t nl = doc__le16(buf + pos + 26), el = doc__le16(buf + pos + 28),
               cs = doc__le32(buf + pos + 18);
        if (nl > len - pos - 30)
            return 0;
        if (nl == sizeof(DOCX_PART) - 1 && !memcmp(buf + pos + 30, DOCX_PART, nl))
            return 1;
        if (doc__le16(buf + pos + 6) & 0x8)
            return 0; /* sizes in a data descriptor after the data: cannot skip it */
        if (cs > len - pos - 30 - nl || el > len - pos - 30 - nl - cs)
            return 0;
        pos += 30 + nl + el + cs;
    }
    return 0;
}

static enum doc_format detect_zip(const unsigned char *buf, size_t len)
{
    size_t nl = doc__le16(buf + 26), el = doc__le16(buf + 28), cs = doc__le32(buf + 18);
    int has;

    /* len >= 30 (doc_detect); the name, the extra field and the data must be in buf */
    if (len >= 38 && doc__le16(buf + 8) == 0 && nl == 8 && cs == sizeof(HWPX_MIME) - 1 &&
        len - 38 >= el && len - 38 - el >= cs && !memcmp(buf + 30, "mimetype", 8) &&
        !memcmp(buf + 38 + el, HWPX_MIME, cs))
        return DOC_HWPX;
    has = zip_central_has_docx(buf, len);
    if (has < 0)
        has = zip_local_has_docx(buf, len);
    return has > 0 ? DOC_DOCX : DOC_TEXT;
}

enum doc_format doc_detect(const unsigned char *buf, size_t len)
{
    size_t i = 0;

    if (len >= 8 && !memcmp(buf, OLE2_MAGIC, 8))
        return DOC_HWP;
    if (len >= 30 && !memcmp(buf, "PK\x03\x04", 4))
        return detect_zip(buf, len);
    if (len >= 5 && !memcmp(buf, "%PDF-", 5))
        return DOC_PDF;
    if (len >= 3 && !memcmp(buf, "\xef\xbb\xbf", 3))
        i = 3;
    while (i < len && (buf[i] == ' ' || buf[i] == '\t' || buf[i] == '\r' || buf[i] == '\n'))
        i++;
    if ((len - i >= 14 && !strncasecmp((const char *)buf + i, "<!doctype html", 14)) ||
        (len - i >= 5 && !strncasecmp((const char *)buf + i, "<html", 5)))
        return DOC_HTML;
    return DOC_TEXT;
}

const char *doc_format_name(enum doc_format f)
{
    return (unsigned)f < sizeof(names) / sizeof(names[0]) ? names[f] : "unknown";
}

int doc_format_parse(const char *name, enum doc_format *out)
{
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        if (!strcasecmp(name, names[i])) {
            *out = (enum doc_format)i;
            return 0;
        }
    }
    return -1;
}

int doc_is_container(enum doc_format f)
{
    return f == DOC_HWP || f == DOC_HWPX || f == DOC_DOCX || f == DOC_PDF || f == DOC_HTML;
}

int doc_read(enum doc_format f, const char *path, const unsigned char *buf, size_t len,
             const struct doc_sink *sink, struct doc_error *err)
{
    err->msg[0] = '\0';
    switch (f) {
    case DOC_HWP:
        return doc_read_hwp(buf, len, sink, err);
    case DOC_HWPX:
        return doc_read_hwpx(buf, len, sink, err);
    case DOC_DOCX:
        return doc_read_docx(buf, len, sink, err);
    case DOC_PDF:
        return doc_read_pdf(path, sink, err);
    case DOC_HTML:
        return doc_read_html((const char *)buf, len, sink, err);
    default:
        snprintf(err->msg, sizeof(err->msg), "%s is not a document container", doc_format_name(f));
        return -1;
    }
}

int doc__fail(struct doc_error *err, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
    va_end(ap);
    utf8_trim_invalid(err->msg); /* cut inside a character */
    return -1;
}
