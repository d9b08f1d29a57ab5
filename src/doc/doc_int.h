/*
 * doc_int.h - what the readers of the doc module share (not a public
 * header): the little-endian fields of the binary containers, and the one
 * way to fill a doc_error.
 *
 * OLE2 ([MS-CFB] 2.2), zip (APPNOTE 4.4) and HWP 5.0 records all store
 * their integers little-endian, and every reader words its refusals into
 * the same fixed buffer: one copy of each here serves doc.c (detection),
 * ole2.c, zip.c, hwp.c and pdf.c.
 */
#ifndef DADEUM_DOC_DOC_INT_H
#define DADEUM_DOC_DOC_INT_H

#include <stdint.h>

#include "doc/doc.h"

/* The 16-bit little-endian integer at p (2 bytes, which the caller has bounds-checked). */
static inline uint16_t doc__le16(const unsigned char *p)
{
    return (uint16_t)(p[0] | p[1] << 8);
}

/* The 32-bit little-endian integer at p (4 bytes, which the caller has bounds-checked). */
static inline uint32_t doc__le32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/*
 * Writes the printf-style message into err->msg (one line, cut to fit, and
 * never inside a UTF-8 character: a quoted name may be cut) and returns -1,
 * so that a reader can `return doc__fail(err, ...)`.
 */
int doc__fail(struct doc_error *err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
