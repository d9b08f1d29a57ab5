/*
 * fuzz_zip.c - libFuzzer harness for the zip container and the HWPX and
 * DOCX readers (doc_read_hwpx, doc_read_docx).
 *
 * An input that starts with "PK" is read as a whole archive, by both
 * readers. Any other input is XML: the harness stores it, with a correct
 * CRC-32, as Contents/section0.xml of an HWPX (beside its mimetype) and as
 * word/document.xml and word/footnotes.xml of a DOCX, so that mutations
 * reach the XML and the paragraph assembly instead of dying at the CRC
 * check. Every paragraph given must be non-empty valid UTF-8 of one line
 * with a label; a refusal must return -1 with a one-line message. Seeds:
 * tests/data/fuzz/zip/ (XML) and tests/data/doc/ (archives).
 */
#include <assert.h>
#include <stdint.h>
#include <string.h>

#include <zlib.h>

#include "doc/doc.h"
#include "util/strbuf.h"
#include "util/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int check_para(void *arg, const char *text, size_t len, const char *where)
{
    (void)arg;
    assert(len > 0);
    assert(utf8_valid_prefix(text, len) == len);
    assert(!memchr(text, '\n', len) && !memchr(text, '\r', len));
    assert(where && *where);
    return 0;
}

static void check(int rc, const struct doc_error *err)
{
    assert(rc == 0 || rc == -1);
    if (rc == -1) {
        assert(err->msg[0]);
        assert(!strchr(err->msg, '\n'));
    }
}

static void put16(struct strbuf *sb, unsigned v)
{
    strbuf_addch(sb, (int)(v & 0xff));
    strbuf_addch(sb, (int)(v >> 8 & 0xff));
}

static void put32(struct strbuf *sb, uint32_t v)
{
    put16(sb, v & 0xffff);
    put16(sb, v >> 16);
}

/* Appends a stored entry to zip and its central directory record to cd. */
static void add_stored(struct strbuf *zip, struct strbuf *cd, unsigned *n, const char *name,
                       const void *data, size_t len)
{
    uint32_t crc = (uint32_t)crc32(crc32(0, Z_NULL, 0), data, (uInt)len);
    size_t nlen = strlen(name), off = zip->len;
    for (int c = 0; c < 2; c++) {
        struct strbuf *sb = c ? cd : zip;
        put32(sb, c ? 0x02014b50 : 0x04034b50);
        if (c)
            put16(sb, 20);
        put16(sb, 20);
        put16(sb, 0);
        put16(sb, 0);
        put32(sb, 0);
        put32(sb, crc);
        put32(sb, (uint32_t)len);
        put32(sb, (uint32_t)len);
        put16(sb, (unsigned)nlen);
        put16(sb, 0);
        if (c) {
            put16(sb, 0);
            put16(sb, 0);
            put16(sb, 0);
            put32(sb, 0);
            put32(sb, (uint32_t)off);
        }
        strbuf_add(sb, name, nlen);
        if (!c)
            strbuf_add(sb, data, len);
    }
    (*n)++;
}

static void finish_zip(struct strbuf *zip, struct strbuf *cd, unsigned n)
{
    size_t cd_off = zip->len;
    strbuf_addbuf(zip, cd);
    put32(zip, 0x06054b50);
    put32(zip, 0);
    put16(zip, n);
    put16(zip, n);
    put32(zip, (uint32_t)cd->len);
    put32(zip, (uint32_t)cd_off);
    put16(zip, 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct doc_sink sink = {check_para, NULL};
    struct doc_error err;

    if (size >= 2 && data[0] == 'P' && data[1] == 'K') {
        check(doc_read_hwpx(data, size, &sink, &err), &err);
        check(doc_read_docx(data, size, &sink, &err), &err);
        return 0;
    }
    struct strbuf zip = STRBUF_INIT, cd = STRBUF_INIT;
    unsigned n = 0;
    add_stored(&zip, &cd, &n, "mimetype", "application/hwp+zip", 19);
    add_stored(&zip, &cd, &n, "Contents/section0.xml", data, size);
    finish_zip(&zip, &cd, n);
    check(doc_read_hwpx((const unsigned char *)zip.buf, zip.len, &sink, &err), &err);

    strbuf_reset(&zip);
    strbuf_reset(&cd);
    n = 0;
    add_stored(&zip, &cd, &n, "word/document.xml", data, size);
    add_stored(&zip, &cd, &n, "word/footnotes.xml", data, size);
    finish_zip(&zip, &cd, n);
    check(doc_read_docx((const unsigned char *)zip.buf, zip.len, &sink, &err), &err);
    strbuf_release(&zip);
    strbuf_release(&cd);
    return 0;
}
