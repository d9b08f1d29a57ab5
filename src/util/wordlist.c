/*
 * wordlist.c - search of a sorted word list kept as one string (wordlist.h).
 */
#include <string.h>

#include "util/wordlist.h"
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
