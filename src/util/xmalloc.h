/*
 * xmalloc.h - allocation that never returns NULL.
 *
 * Out of memory is not an error the tool can recover from: these wrappers
 * print one line and abort, so callers never test for NULL (cmark's xcalloc,
 * git's wrapper.c). ALLOC_GROW is git's amortised growth for plain arrays.
 */
#ifndef DADEUM_UTIL_XMALLOC_H
#define DADEUM_UTIL_XMALLOC_H

#include <stddef.h>

void *xmalloc(size_t size);
void *xcalloc(size_t nmemb, size_t size);
/* Returns the (possibly moved) block; the caller reassigns. */
void *xrealloc(void *ptr, size_t size);
/* Returns a NUL-terminated copy the caller frees. */
char *xstrdup(const char *s);
/* Copies len bytes of s and a NUL; s need not be terminated. */
char *xmemdupz(const void *s, size_t len);

/* Aborts with a message naming the requested size. Never returns. */
_Noreturn void die_oom(size_t size);

/*
 * Ensures x (an array of *x elements) has room for nr elements, growing
 * alloc by half again. Assumes nr > 0 and alloc is the current capacity.
 */
#define ALLOC_GROW(x, nr, alloc)                                                                   \
    do {                                                                                           \
        if ((nr) > (alloc)) {                                                                      \
            size_t alloc_grow__n = (alloc) < 8 ? 16 : (alloc) + (alloc) / 2;                       \
            if (alloc_grow__n < (nr))                                                              \
                alloc_grow__n = (nr);                                                              \
            (x) = xrealloc((x), st_mult(sizeof(*(x)), alloc_grow__n));                             \
            (alloc) = alloc_grow__n;                                                               \
        }                                                                                          \
    } while (0)

/* Multiplies two sizes, aborting on overflow. */
static inline size_t st_mult(size_t a, size_t b)
{
    if (b && a > (size_t)-1 / b)
        die_oom((size_t)-1);
    return a * b;
}

#endif
