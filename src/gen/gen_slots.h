/*
 * gen_slots.h - the open-addressing tables the index generators write
 * (gen_lexindex.c, gen_wordindex.c), for lookups that hash as strmap_hash
 * (FNV-1a) does and probe linearly.
 *
 * CAP is the least power of two, at least 16, of at least twice the keys;
 * slot[h & (CAP - 1)] holds 1 + the value of a key that hashes to h, or of one
 * in the first free slot after it, or 0. A generator puts its keys in, checks
 * them as it goes, and prints each table as
 *
 *   static const uint32_t NAME_slot[CAP] = {...};
 */
#ifndef DADEUM_GEN_SLOTS_H
#define DADEUM_GEN_SLOTS_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "util/strmap.h"

struct slots {
    const char *name; /* the table's name, before _slot */
    uint32_t *slot;
    size_t cap;
};

/* A table named name for n keys; 0 when memory runs out. */
static int slots_init(struct slots *x, const char *name, size_t n)
{
    x->name = name;
    x->cap = 16;
    while (x->cap < 2 * n)
        x->cap *= 2;
    x->slot = calloc(x->cap, sizeof(*x->slot));
    return x->slot != NULL;
}

/* Puts key[0..len) in, with value (below UINT32_MAX). The keys must be distinct: a
 * lookup stops at the first slot that holds its key. */
static void slots_put(struct slots *x, const char *key, size_t len, uint32_t value)
{
    size_t h = (size_t)strmap_hash(key, len) & (x->cap - 1);
    while (x->slot[h])
        h = (h + 1) & (x->cap - 1);
    x->slot[h] = value + 1;
}

/* Prints the table and frees it. */
static void slots_print(struct slots *x)
{
    printf("static const uint32_t %s_slot[%zu] = {", x->name, x->cap);
    for (size_t i = 0; i < x->cap; i++)
        printf("%s%u", !i ? "" : i % 16 ? "," : ",\n", (unsigned)x->slot[i]);
    printf("};\n\n");
    free(x->slot);
    x->slot = NULL;
}

#endif
