/*
 * strpool.c - strings copied into large blocks (util/strpool.h).
 *
 * Blocks form a list, newest first. A copy that does not fit in the head
 * block starts a new block at least twice as large (capped at
 * STRPOOL_KEEP unless one string needs more), so a batch of n bytes
 * takes O(log n) blocks.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/strpool.h"
#include "util/xmalloc.h"
#include "util/banned.h"

struct strpool_block {
    struct strpool_block *next; /* the block filled before this one */
    size_t size;                /* bytes in data */
    char data[];
};

static struct strpool_block *block_new(size_t size, struct strpool_block *next)
{
    struct strpool_block *b;
    if (size > SIZE_MAX - sizeof(*b))
        die_oom(size);
    b = xmalloc(sizeof(*b) + size);
    b->next = next;
    b->size = size;
    return b;
}

const char *strpool_dup(struct strpool *p, const char *s, size_t len)
{
    char *copy;
    if (len >= SIZE_MAX / 2)
        die_oom(len);
    if (!p->head || p->head->size - p->used <= len) {
        size_t size = p->head ? p->head->size * 2 : STRPOOL_BLOCK;
        if (size > STRPOOL_KEEP)
            size = STRPOOL_KEEP;
        if (size <= len)
            size = len + 1;
        p->head = block_new(size, p->head);
        p->used = 0;
    }
    copy = p->head->data + p->used;
    memcpy(copy, s, len);
    copy[len] = '\0';
    p->used += len + 1;
    return copy;
}

void strpool_clear(struct strpool *p)
{
    struct strpool_block *keep = NULL, *b = p->head;
    while (b) {
        struct strpool_block *next = b->next;
        /* the largest block within the cap is the one to keep: the head, usually */
        if (!keep && b->size <= STRPOOL_KEEP) {
            keep = b;
            keep->next = NULL;
        } else {
            free(b);
        }
        b = next;
    }
    p->head = keep;
    p->used = 0;
}

void strpool_release(struct strpool *p)
{
    strpool_clear(p);
    free(p->head);
    p->head = NULL;
}
