/*
 * zip.c - the zip container, read in memory (see zip.h for the layout and
 * the limits).
 *
 * Why our own central-directory reader over zlib rather than minizip or
 * libzip: the file is already in memory, and both libraries want a file or
 * a seekable stream object around it (libzip's zip_source_buffer, minizip's
 * ioapi callbacks), extract through their own buffers and hide the sizes we
 * must check before inflating. The part of APPNOTE we need (EOCD, central
 * directory, local header; stored and deflate) is about 200 lines, every
 * offset bounds-checked here, and zlib does the inflating.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "doc/zip.h"
#include "doc/doc_int.h"
#include "util/utf8.h"
#include "util/xmalloc.h"
#include "util/banned.h"

#define EOCD_SIG 0x06054b50u
#define CDIR_SIG 0x02014b50u
#define LOCAL_SIG 0x04034b50u
#define ZIP64_LOCATOR_SIG 0x07064b50u
#define EOCD_SIZE 22
#define CDIR_SIZE 46
#define LOCAL_SIZE 30

/* General purpose flag bits (APPNOTE 4.4.4). */
#define FLAG_ENCRYPTED 0x0001u
#define FLAG_STRONG_ENCRYPTION 0x0040u
#define FLAG_MASKED_HEADER 0x2000u

const char *zip_printable(char *out, size_t size, const char *name, size_t len)
{
    size_t o = 0, i = 0;

    if (!size)
        return out;
    while (i < len && o + 4 < size && i < ZIP_NAME_MAX) {
        unsigned char c = (unsigned char)name[i];
        size_t n = c < 0x80 ? 1 : utf8_valid_prefix(name + i, len - i > 4 ? 4 : len - i);
        if (c >= 0x80 && n > 0) {
            /* keep the first whole UTF-8 character, if it fits */
            size_t ch = 1;
            while (ch < n && ((unsigned char)name[i + ch] & 0xc0) == 0x80)
                ch++;
            if (o + ch + 4 >= size || i + ch > ZIP_NAME_MAX)
                break;
            memcpy(out + o, name + i, ch);
            o += ch;
            i += ch;
            continue;
        }
        out[o++] = (c < 0x20 || c == 0x7f || c >= 0x80) ? '?' : (char)c;
        i++;
    }
    if (i < len && o + 3 < size) {
        memcpy(out + o, "...", 3);
        o += 3;
    }
    out[o] = '\0';
    return out;
}

static int fail_entry(struct doc_error *err, const struct zip_entry *e, const char *what)
{
    char name[ZIP_NAME_MAX + 8];
    zip_printable(name, sizeof name, e->name, e->name_len);
    return doc__fail(err, "zip entry '%s': %s", name, what);
}

/* Finds the End of Central Directory record: the last signature whose comment ends the file. */
static long find_eocd(const unsigned char *buf, size_t len)
{
    if (len < EOCD_SIZE)
        return -1;
    size_t last = len - EOCD_SIZE;
    size_t stop = last > 0xffff ? last - 0xffff : 0;
    for (size_t i = last + 1; i-- > stop;) {
        if (doc__le32(buf + i) == EOCD_SIG && i + EOCD_SIZE + doc__le16(buf + i + 20) == len)
            return (long)i;
    }
    /* a comment length that does not reach the end: accept the last signature */
    for (size_t i = last + 1; i-- > stop;) {
        if (doc__le32(buf + i) == EOCD_SIG)
            return (long)i;
    }
    return -1;
}

int zip_open(struct zip *z, const unsigned char *buf, size_t len, struct doc_error *err)
{
    memset(z, 0, sizeof *z);
    z->buf = buf;
    z->len = len;

    long eocd_at = find_eocd(buf, len);
    if (eocd_at < 0)
        return doc__fail(err, "not a zip archive (no end of central directory record)");
    const unsigned char *eocd = buf + eocd_at;
    unsigned disk = doc__le16(eocd + 4), cd_disk = doc__le16(eocd + 6);
    unsigned n_disk = doc__le16(eocd + 8), n_total = doc__le16(eocd + 10);
    uint32_t cd_size = doc__le32(eocd + 12), cd_off = doc__le32(eocd + 16);

    /* ZIP64 (APPNOTE 4.3.14): a locator just before the EOCD, or fields at their maximum */
    if ((eocd_at >= 20 && doc__le32(buf + eocd_at - 20) == ZIP64_LOCATOR_SIG) ||
        n_total == 0xffff || cd_size == 0xffffffffu || cd_off == 0xffffffffu)
        return doc__fail(err, "ZIP64 archives are not supported");
    if (disk != 0 || cd_disk != 0 || n_disk != n_total)
        return doc__fail(err, "multi-disk zip archives are not supported");
    if (n_total > ZIP_MAX_ENTRIES)
        return doc__fail(err, "zip archive has %lu entries, more than the limit of %d",
                         (unsigned long)n_total, ZIP_MAX_ENTRIES);
    if (cd_off > (size_t)eocd_at || cd_size > (size_t)eocd_at - cd_off)
        return doc__fail(err, "zip central directory at offset %lu lies outside the file",
                         (unsigned long)cd_off);

    z->entries = xcalloc(n_total ? n_total : 1, sizeof *z->entries);
    size_t p = cd_off, end = (size_t)cd_off + cd_size;
    for (unsigned i = 0; i < n_total; i++) {
        if (end - p < CDIR_SIZE || doc__le32(buf + p) != CDIR_SIG) {
            zip_close(z);
            return doc__fail(err, "zip central directory damaged at offset %lu", (unsigned long)p);
        }
        const unsigned char *c = buf + p;
        unsigned flags = doc__le16(c + 8), method = doc__le16(c + 10);
        size_t nlen = doc__le16(c + 28), xlen = doc__le16(c + 30), clen = doc__le16(c + 32);
        struct zip_entry *e = &z->entries[i];
        uint32_t csize = doc__le32(c + 20), usize = doc__le32(c + 24), local = doc__le32(c + 42);

        if (end - p - CDIR_SIZE < nlen + xlen + clen) {
            zip_close(z);
            return doc__fail(err, "zip central directory record at offset %lu is truncated",
                             (unsigned long)p);
        }
        e->name = (const char *)c + CDIR_SIZE;
        e->name_len = nlen;
        e->method = method;
        e->crc = doc__le32(c + 16);
        e->csize = csize;
        e->usize = usize;
        p += CDIR_SIZE + nlen + xlen + clen;
        z->count = i + 1;

        if (memchr(e->name, '\0', nlen)) {
            zip_close(z);
            return doc__fail(err, "zip entry %lu has a NUL byte in its name", i + 1ul);
        }
        if (csize == 0xffffffffu || usize == 0xffffffffu || local == 0xffffffffu) {
            fail_entry(err, e, "ZIP64 entries are not supported");
            zip_close(z);
            return -1;
        }
        if (flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION | FLAG_MASKED_HEADER) ||
            method == 99) {
            fail_entry(err, e, "is encrypted");
            zip_close(z);
            return -1;
        }
        /* The local header repeats the name; the data starts after its own name and extra. */
        if (local > len || len - local < LOCAL_SIZE || doc__le32(buf + local) != LOCAL_SIG) {
            fail_entry(err, e, "local header missing or outside the file");
            zip_close(z);
            return -1;
        }
        size_t lnlen = doc__le16(buf + local + 26), lxlen = doc__le16(buf + local + 28);
        size_t data = (size_t)local + LOCAL_SIZE + lnlen + lxlen;
        if (data > len || lnlen != nlen || memcmp(buf + local + LOCAL_SIZE, e->name, nlen) != 0) {
            fail_entry(err, e, "local header does not match the central directory");
            zip_close(z);
            return -1;
        }
        if (csize > len - data) {
            fail_entry(err, e, "data runs past the end of the file (truncated archive?)");
            zip_close(z);
            return -1;
        }
        e->data_offset = data;
    }
    return 0;
}

void zip_close(struct zip *z)
{
    free(z->entries);
    z->entries = NULL;
    z->count = 0;
}

int zip_find(const struct zip *z, const char *name, const struct zip_entry **out,
             struct doc_error *err)
{
    size_t nlen = strlen(name);
    const struct zip_entry *found = NULL;

    *out = NULL;
    for (size_t i = 0; i < z->count; i++) {
        const struct zip_entry *e = &z->entries[i];
        if (e->name_len != nlen || memcmp(e->name, name, nlen) != 0)
            continue;
        if (found)
            return fail_entry(err, e, "occurs twice in the archive");
        found = e;
    }
    *out = found;
    return found != NULL;
}

int zip_require(const struct zip *z, const char *name, const char *what,
                const struct zip_entry **out, struct doc_error *err)
{
    int found = zip_find(z, name, out, err);

    if (found < 0)
        return -1;
    if (!found)
        return doc__fail(err, "not %s file: no zip entry '%s'", what, name);
    return 0;
}

static int inflate_entry(const struct zip_entry *e, const unsigned char *src, unsigned char *dst,
                         struct doc_error *err)
{
    z_stream zs;
    char why[160];
    int rc;

    memset(&zs, 0, sizeof zs);
    if (inflateInit2(&zs, -15) != Z_OK)
        return fail_entry(err, e, "cannot start zlib");
    /* zlib counts in uInt: entries are at most ZIP_MAX_ENTRY bytes, far below UINT_MAX */
    zs.next_in = (Bytef *)src;
    zs.avail_in = (uInt)e->csize;
    zs.next_out = dst;
    zs.avail_out = (uInt)e->usize + 1; /* one byte more than declared, to catch a longer stream */
    rc = inflate(&zs, Z_FINISH);
    size_t produced = zs.total_out;
    const char *zmsg = zs.msg;
    if (rc == Z_DATA_ERROR)
        snprintf(why, sizeof why, "damaged deflate data (%s)", zmsg ? zmsg : "zlib");
    inflateEnd(&zs);

    if (rc == Z_DATA_ERROR)
        return fail_entry(err, e, why);
    if (produced > e->usize) {
        snprintf(why, sizeof why, "inflates to more than the %zu bytes its header says", e->usize);
        return fail_entry(err, e, why);
    }
    if (rc != Z_STREAM_END)
        return fail_entry(err, e, "deflate data ends early (truncated archive?)");
    if (produced != e->usize) {
        snprintf(why, sizeof why, "inflates to %zu bytes, its header says %zu", produced, e->usize);
        return fail_entry(err, e, why);
    }
    return 0;
}

int zip_read(struct zip *z, const struct zip_entry *e, unsigned char **out, size_t *out_len,
             struct doc_error *err)
{
    char why[160];

    *out = NULL;
    *out_len = 0;
    if (e->method != 0 && e->method != 8) {
        snprintf(why, sizeof why,
                 "uses compression method %u (only stored and deflate are supported)", e->method);
        return fail_entry(err, e, why);
    }
    if (e->usize > ZIP_MAX_ENTRY) {
        snprintf(why, sizeof why, "inflates to %zu bytes, more than the limit of %u", e->usize,
                 ZIP_MAX_ENTRY);
        return fail_entry(err, e, why);
    }
    /* A zip bomb: refused from its header, before a byte is inflated. */
    if (e->usize > ZIP_RATIO_FLOOR && e->usize / ZIP_MAX_RATIO > e->csize) {
        snprintf(why, sizeof why, "compression ratio above %d:1 (%zu bytes from %zu; a zip bomb?)",
                 ZIP_MAX_RATIO, e->usize, e->csize);
        return fail_entry(err, e, why);
    }
    if (e->usize > ZIP_MAX_TOTAL - z->inflated) {
        snprintf(why, sizeof why, "the entries read inflate to more than %u bytes in all",
                 ZIP_MAX_TOTAL);
        return fail_entry(err, e, why);
    }
    if (e->method == 0 && e->csize != e->usize)
        return fail_entry(err, e, "stored entry whose sizes differ");

    unsigned char *dst = xmalloc(e->usize + 1);
    const unsigned char *src = z->buf + e->data_offset;
    if (e->method == 0) {
        memcpy(dst, src, e->usize);
    } else if (inflate_entry(e, src, dst, err) < 0) {
        free(dst);
        return -1;
    }
    dst[e->usize] = '\0';
    z->inflated += e->usize;

    uint32_t crc = (uint32_t)crc32(0L, Z_NULL, 0);
    /* crc32_z takes a size_t; entries fit in uInt anyway (ZIP_MAX_ENTRY) */
    crc = (uint32_t)crc32(crc, dst, (uInt)e->usize);
    if (crc != e->crc) {
        snprintf(why, sizeof why, "CRC-32 mismatch (header 0x%08lx, data 0x%08lx)",
                 (unsigned long)e->crc, (unsigned long)crc);
        free(dst);
        return fail_entry(err, e, why);
    }
    *out = dst;
    *out_len = e->usize;
    return 0;
}
