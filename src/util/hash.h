/*
 * hash.h - the content hash of a document: FNV-1a over its bytes.
 *
 * The termbase stores a document's hash to tell whether ingesting it again
 * would change anything (docs/termbase.md); it is not a cryptographic
 * hash, only a fingerprint of the bytes. The hex form is what is stored:
 * "fnv1a64:" and 16 lower-case hex digits.
 */
#ifndef DADEUM_UTIL_HASH_H
#define DADEUM_UTIL_HASH_H

#include <stddef.h>
#include <stdint.h>

/* Content hash of a document: "fnv1a64:" and 16 hex digits (FNV-1a, 64 bits). */
#define CONTENT_HASH_SIZE 25

struct content_hash {
    uint64_t state;              /* running FNV-1a value */
    char hex[CONTENT_HASH_SIZE]; /* NUL-terminated */
    uint64_t bytes;              /* bytes hashed */
};

/* Starts a hash; feed bytes with content_hash_add, then read h->hex. */
void content_hash_init(struct content_hash *h);
void content_hash_add(struct content_hash *h, const void *data, size_t len);
/* Hashes the bytes of the file at path. Returns 0, or -1 with errno set. */
int content_hash_file(const char *path, struct content_hash *out /* OUT */);

#endif
