/*
 * zip.h - the zip container of HWPX and DOCX, read in memory (internal to
 * src/doc/).
 *
 * A zip (PKWARE APPNOTE.TXT 6.3.x, section 4.3) ends with the End of
 * Central Directory record; it points at the central directory, one record
 * per entry, each pointing at the entry's local header and data:
 *
 *     [local header 1][data 1] ... [local header n][data n]
 *     [central directory: n records][EOCD (22 bytes + comment)]
 *
 * zip_open() checks the whole central directory once (every record inside
 * the buffer, names without NUL, data ranges inside the buffer, methods and
 * flags known) and keeps an array of entries that point into the caller's
 * buffer: nothing is copied and nothing is written to disk. zip_read()
 * inflates one entry with zlib (raw deflate, window bits -15) into a new
 * buffer and checks its size and CRC-32 against the central directory.
 *
 * Limits, so that a hostile archive costs little: at most ZIP_MAX_ENTRIES
 * entries, ZIP_MAX_ENTRY bytes per inflated entry, a compression ratio of
 * ZIP_MAX_RATIO beyond ZIP_RATIO_FLOOR bytes (a zip bomb is refused before
 * it is inflated, and again while it is, should the header lie), and
 * ZIP_MAX_TOTAL bytes inflated per archive (a manifest naming one large
 * entry many times). ZIP64 archives, multi-disk archives and encrypted
 * entries are refused with a reason; the formats we read never need them.
 */
#ifndef DADEUM_DOC_ZIP_H
#define DADEUM_DOC_ZIP_H

#include <stddef.h>
#include <stdint.h>

#include "doc/doc.h"

/* Most entries an archive may hold (a DOCX has about 15, an HWPX about 10). */
#define ZIP_MAX_ENTRIES 10000
/* Largest inflated entry, in bytes. */
#define ZIP_MAX_ENTRY (64u << 20)
/* Highest inflated:compressed ratio accepted for entries past ZIP_RATIO_FLOOR bytes. */
#define ZIP_MAX_RATIO 200
#define ZIP_RATIO_FLOOR (1u << 20)
/* Most bytes inflated from one archive, all zip_read() calls together. */
#define ZIP_MAX_TOTAL (256u << 20)

struct zip_entry {
    const char *name;   /* the entry's name in the buffer, not NUL-terminated */
    size_t name_len;    /* bytes of name */
    unsigned method;    /* 0 stored, 8 deflate */
    uint32_t crc;       /* CRC-32 of the inflated data, from the central directory */
    size_t csize;       /* compressed bytes */
    size_t usize;       /* inflated bytes */
    size_t data_offset; /* where the compressed data starts in the buffer */
};

struct zip {
    const unsigned char *buf;  /* the whole archive (the caller's) */
    size_t len;                /* bytes of buf */
    struct zip_entry *entries; /* in central directory order */
    size_t count;              /* number of entries */
    size_t inflated;           /* bytes inflated so far, for ZIP_MAX_TOTAL */
};

/*
 * Reads the central directory of the archive buf[0..len). Returns 0, or -1
 * with err saying why (not a zip, truncated, ZIP64, encrypted, too many
 * entries, ...). On success call zip_close().
 */
int zip_open(struct zip *z, const unsigned char *buf, size_t len, struct doc_error *err /* OUT */);

/* Frees what zip_open() allocated; accepts a zeroed struct. */
void zip_close(struct zip *z);

/*
 * Looks up the entry called name (exact bytes). Returns 1 and sets *out
 * when there is one, 0 when there is none, -1 with err set when the name
 * occurs twice (two entries of one name make the archive ambiguous).
 */
int zip_find(const struct zip *z, const char *name, const struct zip_entry **out /* OUT */,
             struct doc_error *err /* OUT */);

/*
 * zip_find for an entry the format requires (what names the format with
 * its article: "a DOCX", "an HWPX"). Returns 0 and sets *out, or -1 with
 * err set: "not WHAT file: no zip entry 'NAME'" when there is none, or
 * zip_find's error.
 */
int zip_require(const struct zip *z, const char *name, const char *what,
                const struct zip_entry **out /* OUT */, struct doc_error *err /* OUT */);

/*
 * Inflates entry e into a new buffer of e->usize bytes plus a NUL, which
 * the caller frees. Returns 0, or -1 with err naming the entry and the
 * reason (limit, damaged deflate data, size or CRC-32 mismatch).
 */
int zip_read(struct zip *z, const struct zip_entry *e, unsigned char **out /* OUT */,
             size_t *out_len /* OUT */, struct doc_error *err /* OUT */);

/* Bytes of an entry name zip_printable() keeps. */
#define ZIP_NAME_MAX 80

/*
 * Writes name[0..len) to out (size bytes, NUL-terminated) for quoting in a
 * one-line message: controls, DEL and bytes past 0x7f that are not UTF-8
 * become '?', and a name longer than ZIP_NAME_MAX bytes is cut and ends in
 * "...". Returns out.
 */
const char *zip_printable(char *out, size_t size, const char *name, size_t len);

#endif
