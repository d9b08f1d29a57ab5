/*
 * strmap.c - open-addressing string hash table.
 */
#include <stdlib.h>
#include <string.h>

#include "util/strmap.h"
#include "util/xmalloc.h"
#include "util/banned.h"

uint64_t strmap_hash(const void *key, size_t len)
{
    const unsigned char *p = key;
    uint64_t h = 0xcbf29ce484222325ull;
    for (size_t i = 0; i < len; i++) {
        h ^= p[i];
        h *= 0x100000001b3ull;
    }
    return h;
}

static struct strmap_entry *find_slot(struct strmap_entry *slots, size_t cap, const void *key,
                                      size_t len, uint64_t h)
{
    size_t i = (size_t)h & (cap - 1);
    for (;;) {
        struct strmap_entry *e = &slots[i];
        if (!e->key || (e->hash == h && e->keylen == len && !memcmp(e->key, key, len)))
            return e;
        i = (i + 1) & (cap - 1);
    }
}

static void grow(struct strmap *m)
{
    size_t ncap = m->cap ? m->cap * 2 : 16;
    struct strmap_entry *ns = xcalloc(ncap, sizeof(*ns));
    for (size_t i = 0; i < m->cap; i++) {
        struct strmap_entry *e = &m->slots[i];
        if (e->key)
            *find_slot(ns, ncap, e->key, e->keylen, e->hash) = *e;
    }
    free(m->slots);
    m->slots = ns;
    m->cap = ncap;
}

void *strmap_get(const struct strmap *m, const void *key, size_t len)
{
    if (!m->cap)
        return NULL;
    struct strmap_entry *e = find_slot(m->slots, m->cap, key, len, strmap_hash(key, len));
    return e->key ? e->value : NULL;
}

struct strmap_entry *strmap_put(struct strmap *m, const void *key, size_t len, int *created)
{
    uint64_t h = strmap_hash(key, len);
    if ((m->len + 1) * 2 > m->cap)
        grow(m);
    struct strmap_entry *e = find_slot(m->slots, m->cap, key, len, h);
    if (created)
        *created = !e->key;
    if (!e->key) {
        e->key = (char *)strpool_dup(&m->keys, key, len);
        e->keylen = len;
        e->hash = h;
        e->value = NULL;
        m->len++;
    }
    return e;
}

void strmap_release(struct strmap *m, void (*free_value)(void *))
{
    for (size_t i = 0; i < m->cap; i++) {
        if (m->slots[i].key && free_value)
            free_value(m->slots[i].value);
    }
    strpool_release(&m->keys);
    free(m->slots);
    m->slots = NULL;
    m->cap = m->len = 0;
}
