/*
 * ole2.h - a small reader of OLE2 compound files (the container of HWP 5.0).
 *
 * Internal to src/doc. The whole file is in memory; ole2_open checks the
 * header and loads the FAT (through the header's DIFAT and the DIFAT sector
 * chain), the directory, the mini FAT and the mini stream; ole2_read copies
 * one stream out. Every sector number is checked against the FAT and the
 * file, every chain walk is bounded by the number of sectors (a loop in the
 * FAT is an error, not a hang), and no stream is longer than the file.
 */
#ifndef DADEUM_DOC_OLE2_H
#define DADEUM_DOC_OLE2_H

#include <stddef.h>
#include <stdint.h>

#include "doc/doc.h"

#define OLE2_MAGIC "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

struct ole2 {
    const unsigned char *buf; /* the whole file */
    size_t len;
    uint32_t ssz;    /* sector size: 512 or 4096 */
    uint32_t cutoff; /* streams shorter than this live in the mini stream */
    uint32_t *fat;   /* next sector of each sector */
    size_t nfat;
    uint32_t *minifat; /* next mini sector of each mini sector */
    size_t nminifat;
    unsigned char *dir;  /* the directory stream, 128 bytes an entry */
    size_t ndir;         /* entries in dir */
    unsigned char *mini; /* the mini stream (the root entry's data) */
    size_t mini_len;
    int v3; /* major version 3: stream sizes are 32 bits */
};

/* Loads the container in buf (which must outlive o). Returns 0, or -1 with err set. */
int ole2_open(struct ole2 *o, const unsigned char *buf, size_t len,
              struct doc_error *err /* OUT */);

/*
 * Finds a stream by path ("FileHeader", "BodyText/Section0"): each
 * component is looked up among the children of the storage before it.
 * Returns the directory entry index, or -1 when there is no such stream.
 */
long ole2_find(const struct ole2 *o, const char *path);

/* Copies stream entry idx into a new buffer (*out, *len; free it). Returns 0 or -1 with err. */
int ole2_read(const struct ole2 *o, long idx, unsigned char **out /* OUT */, size_t *len /* OUT */,
              struct doc_error *err /* OUT */);

void ole2_close(struct ole2 *o);

#endif
