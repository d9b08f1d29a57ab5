/*
 * strpool.h - strings copied into large blocks and freed all at once.
 *
 * For data with one lifetime, such as the strings of the concept an
 * exchange reader is gathering: one copy costs a bounds check and a
 * memcpy instead of a malloc, and letting go of them all is one
 * strpool_clear instead of a free per string. Copies never move, so
 * pointers stay valid until the next clear.
 *
 *   struct strpool pool = STRPOOL_INIT;
 *   const char *a = strpool_dup(&pool, s, len);
 *   ...
 *   strpool_clear(&pool);      (a is gone; the first block is kept)
 *   strpool_release(&pool);
 */
#ifndef DADEUM_UTIL_STRPOOL_H
#define DADEUM_UTIL_STRPOOL_H

#include <stddef.h>

struct strpool_block;

struct strpool {
    struct strpool_block *head; /* the block being filled; older ones follow it */
    size_t used;                /* bytes used in head */
};

#define STRPOOL_INIT                                                                               \
    {                                                                                              \
        NULL, 0                                                                                    \
    }

/* Returns a NUL-terminated copy of s[0..len) owned by the pool. */
const char *strpool_dup(struct strpool *p, const char *s, size_t len);
/*
 * Forgets every copy. Keeps one block for reuse when it is no larger than
 * STRPOOL_KEEP, so memory does not stay at the size of the largest batch.
 */
void strpool_clear(struct strpool *p);
/* Frees every block; the pool is empty and reusable. */
void strpool_release(struct strpool *p);

#define STRPOOL_BLOCK 4096       /* bytes in a first block */
#define STRPOOL_KEEP (64 * 1024) /* largest block strpool_clear keeps */

#endif
