/*
 * wordset.c - a short static word list indexed by a small hash table (wordset.h).
 */
#include <string.h>

#include "util/strmap.h"
#include "util/wordset.h"
#include "util/xmalloc.h"
#include "util/banned.h"

void wordset_build(struct wordset *set, const char *const *words)
{
    size_t n = 0, cap = 16;
    while (words[n])
        n++;
    while (cap < 2 * n + 2)
        cap *= 2;
    set->words = words;
    set->maxlen = 0;
    set->mask = cap - 1;
    set->slot = xcalloc(cap, sizeof(*set->slot)); /* kept for the life of the process */
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(words[i]), h = strmap_hash(words[i], len) & set->mask;
        /* one walk finds the word listed before or the free slot it takes */
        while (set->slot[h].at &&
               !(set->slot[h].len == len && !memcmp(words[set->slot[h].at - 1], words[i], len)))
            h = (h + 1) & set->mask;
        if (set->slot[h].at)
            continue;
        set->slot[h].at = (uint32_t)i + 1;
        set->slot[h].len = (uint32_t)len;
        if (len > set->maxlen)
            set->maxlen = len;
    }
}

long wordset_index(const struct wordset *set, const char *s, size_t len)
{
    if (len > set->maxlen)
        return -1;
    for (size_t h = strmap_hash(s, len) & set->mask; set->slot[h].at; h = (h + 1) & set->mask)
        if (set->slot[h].len == len && !memcmp(set->words[set->slot[h].at - 1], s, len))
            return (long)set->slot[h].at - 1;
    return -1;
}

int wordset_has(const struct wordset *set, const char *s, size_t len)
{
    return wordset_index(set, s, len) >= 0;
}

int wordset_suffix_of(const struct wordset *set, const char *s, size_t len)
{
    size_t from = len > set->maxlen ? len - set->maxlen : 0;
    for (size_t i = from; i < len; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80 && wordset_has(set, s + i, len - i))
            return 1;
    return 0;
}
