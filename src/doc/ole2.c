/*
 * ole2.c - a small reader of OLE2 compound files ([MS-CFB]).
 *
 * Sector n of the file starts at byte (n + 1) * ssz (the header takes the
 * first sector's place). The FAT maps each sector to the next one of its
 * chain; the sectors of the FAT itself are listed by the DIFAT: 109 entries
 * in the header, then a chain of DIFAT sectors, each holding ssz/4 - 1
 * entries and the number of the next DIFAT sector. Streams shorter than the
 * cutoff (4096) are kept in 64-byte mini sectors inside the mini stream
 * (the root entry's data), chained by the mini FAT.
 *
 * The red-black tree of the directory is only walked to list a storage's
 * children (left, right and child links), with a visited mark per entry so
 * that a damaged tree cannot loop. Nothing here trusts a count from the file
 * beyond what the file's length allows.
 *
 * Written here rather than taken from Debian: libgsf (libgsf-1-dev) reads
 * OLE2 well but brings GLib and GObject into a program that links only
 * expat, SQLite and zlib, and HWP needs only reading streams by name.
 */
#include "doc/ole2.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc/doc_int.h"
#include "util/xmalloc.h"
#include "util/banned.h"

#define ENDOFCHAIN 0xFFFFFFFEu
#define FREESECT 0xFFFFFFFFu
#define NOSTREAM 0xFFFFFFFFu
#define DIR_ENTRY 128
#define MINI_SSZ 64

/* Sectors the file holds, counting a short last one (a truncated tail is caught on read). */
static size_t file_sectors(const struct ole2 *o)
{
    return o->len <= o->ssz ? 0 : (o->len - o->ssz + o->ssz - 1) / o->ssz;
}

/* The bytes of sector n, or NULL when it lies (even partly) past the end of the file. */
static const unsigned char *sector(const struct ole2 *o, uint32_t n)
{
    size_t off = ((size_t)n + 1) * o->ssz;

    if (n >= file_sectors(o) || off > o->len || o->len - off < o->ssz)
        return NULL;
    return o->buf + off;
}

/*
 * Copies the chain starting at first into a new buffer of size bytes (size
 * known) or of the whole chain (size == (size_t)-1). mini selects the mini
 * FAT and mini stream. what names the stream for messages.
 */
static int read_chain(const struct ole2 *o, uint32_t first, size_t size, int mini, const char *what,
                      unsigned char **out, size_t *outlen, struct doc_error *err)
{
    const uint32_t *fat = mini ? o->minifat : o->fat;
    size_t nfat = mini ? o->nminifat : o->nfat;
    size_t ssz = mini ? MINI_SSZ : o->ssz;
    size_t whole = size == (size_t)-1, got = 0, cap, steps = 0;
    unsigned char *buf, *seen;
    uint32_t s = first;

    if (!whole && size > (mini ? o->mini_len : o->len))
        return doc__fail(err, "OLE2 stream '%s' claims %lu bytes, more than the file holds", what,
                         (unsigned long)size);
    cap = whole ? ssz * 8 : size;
    buf = xmalloc(cap ? cap : 1);
    /* a sector seen twice in one chain is a loop, even one that would end at the size */
    seen = xcalloc(nfat ? nfat : 1, 1);
    while (whole ? s != ENDOFCHAIN : got < size) {
        const unsigned char *src = NULL;
        size_t n = whole || size - got > ssz ? ssz : size - got, off = (size_t)s * ssz;

        if (s == ENDOFCHAIN) {
            doc__fail(err, "OLE2 stream '%s' ends after %lu bytes, before its size", what,
                      (unsigned long)got);
            goto bad;
        }
        if (s >= nfat || ++steps > nfat) {
            doc__fail(err, "OLE2 stream '%s': sector %lu is outside the allocation table", what,
                      (unsigned long)s);
            goto bad;
        }
        if (seen[s]) {
            doc__fail(err, "OLE2 stream '%s': loop in the sector chain at sector %lu", what,
                      (unsigned long)s);
            goto bad;
        }
        /* only the bytes needed must be there: a writer may leave the last sector short */
        if (mini)
            src = off <= o->mini_len && o->mini_len - off >= n ? o->mini + off : NULL;
        else if ((off += ssz) <= o->len && o->len - off >= n)
            src = o->buf + off;
        if (!src) {
            doc__fail(err, "OLE2 stream '%s': sector %lu is past the end of the file (truncated?)",
                      what, (unsigned long)s);
            goto bad;
        }
        if (whole && cap - got < n) {
            cap *= 2;
            buf = xrealloc(buf, cap);
        }
        memcpy(buf + got, src, n);
        got += n;
        seen[s] = 1;
        s = fat[s];
    }
    free(seen);
    *out = buf;
    *outlen = got;
    return 0;
bad:
    free(buf);
    free(seen);
    return -1;
}

/* Loads the FAT through the DIFAT. */
static int load_fat(struct ole2 *o, const unsigned char *h, struct doc_error *err)
{
    uint32_t nfatsect = doc__le32(h + 0x2C), difat = doc__le32(h + 0x44),
             ndifat = doc__le32(h + 0x48);
    size_t per = o->ssz / 4, have = file_sectors(o), i, k = 0, steps = 0;
    uint32_t *list;

    if (nfatsect == 0 || nfatsect > have)
        return doc__fail(err, "OLE2 header lists %lu FAT sectors, more than the file holds",
                         (unsigned long)nfatsect);
    list = xmalloc(nfatsect * sizeof(*list));
    for (i = 0; i < 109 && k < nfatsect; i++)
        list[k++] = doc__le32(h + 0x4C + 4 * i);
    while (k < nfatsect) {
        const unsigned char *d;

        if (difat == ENDOFCHAIN || difat == FREESECT || ++steps > ndifat || steps > have) {
            free(list);
            return doc__fail(err, "OLE2 %s chain ends or loops before listing the FAT (sector %lu)",
                             "DIFAT", (unsigned long)difat);
        }
        if (!(d = sector(o, difat))) {
            free(list);
            return doc__fail(err, "OLE2 %s sector %lu is past the end of the file (truncated?)",
                             "DIFAT", (unsigned long)difat);
        }
        for (i = 0; i + 1 < per && k < nfatsect; i++)
            list[k++] = doc__le32(d + 4 * i);
        difat = doc__le32(d + 4 * (per - 1));
    }
    o->nfat = (size_t)nfatsect * per;
    o->fat = xmalloc(o->nfat * sizeof(*o->fat));
    for (k = 0; k < nfatsect; k++) {
        const unsigned char *f = sector(o, list[k]);
        if (!f) {
            unsigned long n = list[k];
            free(list);
            return doc__fail(err, "OLE2 %s sector %lu is past the end of the file (truncated?)",
                             "FAT", n);
        }
        for (i = 0; i < per; i++)
            o->fat[k * per + i] = doc__le32(f + 4 * i);
    }
    free(list);
    return 0;
}

int ole2_open(struct ole2 *o, const unsigned char *buf, size_t len, struct doc_error *err)
{
    const unsigned char *h = buf;
    unsigned shift, major;
    unsigned char *data;
    size_t dlen;

    memset(o, 0, sizeof(*o));
    err->msg[0] = '\0';
    o->buf = buf;
    o->len = len;
    if (len < 512 || memcmp(buf, OLE2_MAGIC, 8))
        return doc__fail(err, "not an OLE2 compound file");
    major = doc__le16(h + 0x1A);
    shift = doc__le16(h + 0x1E);
    if (doc__le16(h + 0x1C) != 0xFFFE ||
        !((major == 3 && shift == 9) || (major == 4 && shift == 12)) || doc__le16(h + 0x20) != 6)
        return doc__fail(err, "OLE2 header: unsupported version %u or sector size", major);
    o->v3 = major == 3;
    o->ssz = 1u << shift;
    o->cutoff = doc__le32(h + 0x38);
    if (len < o->ssz + o->ssz)
        return doc__fail(err, "OLE2 file of %lu bytes is truncated", (unsigned long)len);
    if (load_fat(o, h, err))
        goto bad;
    if (read_chain(o, doc__le32(h + 0x30), (size_t)-1, 0, "directory", &o->dir, &dlen, err))
        goto bad;
    o->ndir = dlen / DIR_ENTRY;
    if (o->ndir == 0 || o->dir[0x42] != 5) {
        doc__fail(err, "OLE2 %s has no root entry (%lu entries)", "directory",
                  (unsigned long)o->ndir);
        goto bad;
    }
    if (doc__le32(h + 0x3C) != ENDOFCHAIN && doc__le32(h + 0x40)) {
        if (read_chain(o, doc__le32(h + 0x3C), (size_t)-1, 0, "mini FAT", &data, &dlen, err))
            goto bad;
        o->nminifat = dlen / 4;
        o->minifat = xmalloc((o->nminifat ? o->nminifat : 1) * sizeof(*o->minifat));
        for (size_t i = 0; i < o->nminifat; i++)
            o->minifat[i] = doc__le32(data + 4 * i);
        free(data);
        /* the mini stream is the root entry's data, read through the FAT */
        uint64_t rsize =
            doc__le32(o->dir + 0x78) | (o->v3 ? 0 : (uint64_t)doc__le32(o->dir + 0x7C) << 32);
        if (rsize > len) {
            doc__fail(err, "OLE2 %s of %lu bytes is longer than the file", "mini stream",
                      (unsigned long)rsize);
            goto bad;
        }
        if (rsize && read_chain(o, doc__le32(o->dir + 0x74), (size_t)rsize, 0, "mini stream",
                                &o->mini, &o->mini_len, err))
            goto bad;
    }
    return 0;
bad:
    ole2_close(o);
    return -1;
}

/* Whether entry e's name (UTF-16LE) is name, compared as OLE2 does: ASCII case folded. */
static int name_is(const unsigned char *e, const char *name, size_t n)
{
    size_t blen = doc__le16(e + 0x40);

    if (blen != 2 * (n + 1) || blen > 64)
        return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned c = doc__le16(e + 2 * i), d = (unsigned char)name[i];
        if (c >= 'a' && c <= 'z')
            c -= 'a' - 'A';
        if (d >= 'a' && d <= 'z')
            d -= 'a' - 'A';
        if (c != d)
            return 0;
    }
    return 1;
}

/* Searches the children tree of storage entry parent for name. */
static long find_child(const struct ole2 *o, long parent, const char *name, size_t n,
                       unsigned char *seen)
{
    uint32_t *stack = xmalloc((o->ndir + 1) * sizeof(*stack));
    size_t sp = 0;
    long found = -1;
    uint32_t c = doc__le32(o->dir + (size_t)parent * DIR_ENTRY + 0x4C);

    memset(seen, 0, o->ndir);
    if (c < o->ndir)
        stack[sp++] = c;
    while (sp && found < 0) {
        uint32_t x = stack[--sp];
        const unsigned char *e = o->dir + (size_t)x * DIR_ENTRY;
        uint32_t l = doc__le32(e + 0x44), r = doc__le32(e + 0x48);

        if (seen[x])
            continue; /* a damaged tree: each entry is looked at once */
        seen[x] = 1;
        if (e[0x42] && name_is(e, name, n))
            found = (long)x;
        if (l < o->ndir && !seen[l])
            stack[sp++] = l;
        if (r < o->ndir && !seen[r])
            stack[sp++] = r;
    }
    free(stack);
    return found;
}

long ole2_find(const struct ole2 *o, const char *path)
{
    unsigned char *seen = xmalloc(o->ndir);
    long at = 0;

    while (at >= 0 && *path) {
        const char *slash = strchr(path, '/');
        size_t n = slash ? (size_t)(slash - path) : strlen(path);
        at = find_child(o, at, path, n, seen);
        path += n + (slash != NULL);
    }
    free(seen);
    return at > 0 && o->dir[(size_t)at * DIR_ENTRY + 0x42] == 2 ? at : -1;
}

int ole2_read(const struct ole2 *o, long idx, unsigned char **out, size_t *len,
              struct doc_error *err)
{
    const unsigned char *e = o->dir + (size_t)idx * DIR_ENTRY;
    uint64_t size = doc__le32(e + 0x78) | (o->v3 ? 0 : (uint64_t)doc__le32(e + 0x7C) << 32);
    char name[33];
    size_t i;

    /* the name for messages, ASCII only (HWP's stream names are) */
    for (i = 0; i < 32 && i * 2 + 1 < 64; i++) {
        unsigned c = doc__le16(e + 2 * i);
        if (!c)
            break;
        name[i] = c >= 0x20 && c < 0x7F ? (char)c : '?';
    }
    name[i] = '\0';
    if (size > o->len)
        return doc__fail(err, "OLE2 stream '%s' claims %lu bytes, more than the file holds", name,
                         (unsigned long)size);
    if (size == 0) {
        *out = xmalloc(1);
        *len = 0;
        return 0;
    }
    return read_chain(o, doc__le32(e + 0x74), (size_t)size, size < o->cutoff, name, out, len, err);
}

void ole2_close(struct ole2 *o)
{
    free(o->fat);
    free(o->minifat);
    free(o->dir);
    free(o->mini);
    memset(o, 0, sizeof(*o));
}
