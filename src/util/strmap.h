/*
 * strmap.h - a hash table from byte strings to pointers.
 *
 * Open addressing with linear probing, FNV-1a hashing, load factor <= 1/2.
 * A byte per slot (its tag: empty, or 7 bits of the hash) is probed before
 * the 24-byte entry, so that a lookup of an absent key reads no entry.
 * The table copies every key it stores and frees it on release; the copies
 * go into a string pool (util/strpool.h), so that a table of many keys costs
 * a few blocks instead of a malloc and a free per key, which in a large
 * table were scattered over the heap and made releasing it slower than
 * filling it. Values are the caller's: strmap_release takes an optional
 * destructor for them, as redis's dictType carries valDestructor. Iteration
 * order is the slot order, which is not stable across inserts: callers that
 * print sort first.
 */
#ifndef DADEUM_UTIL_STRMAP_H
#define DADEUM_UTIL_STRMAP_H

#include <stddef.h>
#include <stdint.h>

#include "util/strpool.h"

struct strmap_entry {
    char *key;       /* owned copy (in the pool), NUL-terminated; NULL marks an empty slot */
    void *value;     /* caller-owned */
    uint32_t keylen; /* bytes in key (keys are shorter than 4 GiB) */
    uint32_t hash;   /* the low 32 bits of the FNV-1a of key, cached */
};

struct strmap {
    struct strmap_entry *slots; /* cap slots, NULL until the first insert */
    unsigned char *tags;        /* per slot, 0 when empty, else 7 bits of the hash (after slots) */
    size_t cap;                 /* power of two, or 0 */
    size_t len;                 /* occupied slots */
    struct strpool keys;        /* the copies of the keys */
};

#define STRMAP_INIT                                                                                \
    {                                                                                              \
        NULL, NULL, 0, 0, STRPOOL_INIT                                                             \
    }

uint64_t strmap_hash(const void *key, size_t len);
/*
 * Makes room for n keys in all, so that filling a table of a known size
 * does not rehash it as it grows (each rehash of a large table moves
 * every entry to a random slot).
 */
void strmap_reserve(struct strmap *m, size_t n);
/* Returns the value stored under key, or NULL. */
void *strmap_get(const struct strmap *m, const void *key, size_t len);
/*
 * Returns the slot for key, inserting it with value NULL when absent
 * (*created set to 1). The pointer is valid until the next insert.
 */
struct strmap_entry *strmap_put(struct strmap *m, const void *key, size_t len,
                                int *created /* OUT: may be NULL */);
/* Frees keys and slots; calls free_value(value) on each when given. */
void strmap_release(struct strmap *m, void (*free_value)(void *));

#define strmap_for_each(m, e)                                                                      \
    for ((e) = (m)->slots; (m)->slots && (e) < (m)->slots + (m)->cap; (e)++)                       \
        if ((e)->key)

#endif
