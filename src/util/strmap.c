/*
 * strmap.c - open-addressing string hash table.
 */
#include <stdint.h>
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

/*
 * The tag of a slot holding a key of hash h: never 0, which marks an empty
 * slot. Its bits are the top of the 32 the entry keeps, so that resize can
 * copy it; below 2^25 slots they are not the bits that chose the slot.
 */
static unsigned char tag_of(uint32_t h)
{
    return (unsigned char)(h >> 25 | 0x80);
}

/*
 * The slot of key, or the empty slot where it would go (from the 32 bits
 * of hash an entry keeps: a table of more than 2^31 keys would start its
 * probes in its first 2^32 slots, still correct). The probe reads
 * the tags, one byte a slot, and an entry only when its tag matches: a
 * table of many keys outgrows the caches, and most lookups are for keys
 * it does not hold, which the tags alone answer.
 */
static size_t find_slot(const struct strmap_entry *slots, const unsigned char *tags, size_t cap,
                        const void *key, size_t len, uint32_t h)
{
    size_t i = (size_t)h & (cap - 1);
    unsigned char t = tag_of(h);
    for (;;) {
        if (!tags[i])
            return i;
        if (tags[i] == t) {
            const struct strmap_entry *e = &slots[i];
            if (e->hash == h && e->keylen == len && !memcmp(e->key, key, len))
                return i;
        }
        i = (i + 1) & (cap - 1);
    }
}

static void resize(struct strmap *m, size_t ncap)
{
    /* the tags follow the slots in the same block */
    struct strmap_entry *ns = xcalloc(ncap, sizeof(*ns) + 1);
    unsigned char *nt = (unsigned char *)(ns + ncap);
    for (size_t i = 0; i < m->cap; i++) {
        if (m->tags[i]) {
            const struct strmap_entry *e = &m->slots[i];
            size_t to = find_slot(ns, nt, ncap, e->key, e->keylen, e->hash);
            nt[to] = m->tags[i];
            ns[to] = *e;
        }
    }
    free(m->slots);
    m->slots = ns;
    m->tags = nt;
    m->cap = ncap;
}

void strmap_reserve(struct strmap *m, size_t n)
{
    size_t ncap = m->cap ? m->cap : 16;
    if (!n)
        return;
    while (ncap / 2 < n) {
        if (ncap > SIZE_MAX / 4 / sizeof(struct strmap_entry))
            die_oom(n);
        ncap *= 2;
    }
    if (ncap > m->cap)
        resize(m, ncap);
}

void *strmap_get(const struct strmap *m, const void *key, size_t len)
{
    if (!m->cap)
        return NULL;
    size_t i = find_slot(m->slots, m->tags, m->cap, key, len, (uint32_t)strmap_hash(key, len));
    return m->tags[i] ? m->slots[i].value : NULL;
}

struct strmap_entry *strmap_put(struct strmap *m, const void *key, size_t len, int *created)
{
    uint32_t h = (uint32_t)strmap_hash(key, len);
    if (len > UINT32_MAX)
        die_oom(len);
    if ((m->len + 1) * 2 > m->cap)
        resize(m, m->cap ? m->cap * 2 : 16);
    size_t i = find_slot(m->slots, m->tags, m->cap, key, len, h);
    struct strmap_entry *e = &m->slots[i];
    if (created)
        *created = !m->tags[i];
    if (!m->tags[i]) {
        m->tags[i] = tag_of(h);
        e->key = (char *)strpool_dup(&m->keys, key, len);
        e->keylen = (uint32_t)len;
        e->hash = h;
        e->value = NULL;
        m->len++;
    }
    return e;
}

void strmap_release(struct strmap *m, void (*free_value)(void *))
{
    /* the tags say which slots hold a value, without reading the slots */
    for (size_t i = 0; free_value && i < m->cap; i++)
        if (m->tags[i])
            free_value(m->slots[i].value);
    strpool_release(&m->keys);
    free(m->slots); /* and the tags */
    m->slots = NULL;
    m->tags = NULL;
    m->cap = m->len = 0;
}
