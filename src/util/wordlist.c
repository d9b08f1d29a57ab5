/*
 * wordlist.c - search of a sorted word list kept as one string, and of its hash
 * index (wordlist.h).
 */
#include <string.h>

#include "util/wordlist.h"
#include "util/strmap.h"
#include "util/banned.h"

long wordlist_find(const char *blob, size_t size, const char *w, size_t len)
{
    size_t lo = 0, hi = size; /* word starts in [lo, hi) */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        while (mid > lo && blob[mid - 1] != '\0')
            mid--;
        size_t ml = strlen(blob + mid);
        int c = memcmp(blob + mid, w, ml < len ? ml : len);
        if (c == 0)
            c = ml < len ? -1 : ml > len;
        if (c == 0)
            return (long)mid;
        if (c < 0)
            lo = mid + ml + 1;
        else
            hi = mid;
    }
    return -1;
}

long wordlist_index_find(const char *blob, const uint32_t *slot, size_t mask, const char *w,
                         size_t len)
{
    for (size_t h = (size_t)strmap_hash(w, len) & mask; slot[h]; h = (h + 1) & mask) {
        const char *c = blob + slot[h] - 1;
        size_t i = 0;
        while (i < len && c[i] && c[i] == w[i])
            i++;
        if (i == len && !c[i])
            return (long)(slot[h] - 1);
    }
    return -1;
}
