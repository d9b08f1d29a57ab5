/*
 * jamo.c - Hangul decomposition and the weighted jamo edit distance.
 *
 * See jamo.h for the costs. Similarity classes are phonetic neighbours that
 * typists and transliterators confuse: plain/tense/aspirated stops and
 * affricates (ㄱ ㄲ ㅋ, ㄷ ㄸ ㅌ, ㅂ ㅃ ㅍ, ㅈ ㅉ ㅊ, ㅅ ㅆ) and vowels that merged
 * or nearly merged in Seoul speech (ㅐ/ㅔ, ㅒ/ㅖ, ㅙ/ㅚ/ㅞ, ㅢ/ㅣ) or that
 * loanword spelling swaps (ㅓ/ㅗ, ㅜ/ㅡ, ㅕ/ㅛ).
 */
#include <stdlib.h>

#include "util/jamo.h"
#include "util/utf8.h"
#include "util/xmalloc.h"
#include "util/banned.h"

#define SBASE 0xAC00u
#define LBASE 0x1100u
#define VBASE 0x1161u
#define TBASE 0x11A7u
#define LCOUNT 19
#define VCOUNT 21
#define TCOUNT 28
#define NCOUNT (VCOUNT * TCOUNT)
#define SCOUNT (LCOUNT * NCOUNT)

/* Compatibility consonants U+3131..U+314E: initial index, else 100 + final index. */
static const unsigned char compat_consonant[30] = {0,   1,   103, 2,   105, 106, 3,  4,  5,  109,
                                                   110, 111, 112, 113, 114, 115, 6,  7,  8,  118,
                                                   9,   10,  11,  12,  13,  14,  15, 16, 17, 18};

/* Final index 1..27 to the initial index of the same consonant, or -1 (a cluster).
 * short, not signed char: the entries are small numbers, not characters. */
static const short final_as_initial[TCOUNT] = {-1, 0,  1,  -1, 2,  -1, -1, 3, 5,  -1,
                                               -1, -1, -1, -1, -1, -1, 6,  7, -1, 9,
                                               10, 11, 12, 14, 15, 16, 17, 18};

/* Similarity group of each initial (0 = none). */
static const unsigned char initial_group[LCOUNT] = {1, 1, 0, 2, 2, 0, 0, 3, 3, 5,
                                                    5, 0, 4, 4, 4, 1, 2, 3, 0};

/* Similarity group of each vowel (0 = none). */
static const unsigned char vowel_group[VCOUNT] = {0, 1, 0, 2, 3, 1, 6, 2, 3, 0, 5,
                                                  5, 6, 4, 0, 5, 0, 0, 4, 7, 7};

size_t jamo_decompose(const char *s, size_t len, uint32_t *out, size_t cap)
{
    size_t n = 0;
#define EMIT(c)                                                                                    \
    do {                                                                                           \
        if (n < cap)                                                                               \
            out[n] = (c);                                                                          \
        n++;                                                                                       \
    } while (0)
    for (size_t i = 0; i < len;) {
        uint32_t c;
        i += utf8_decode(s + i, len - i, &c);
        if (c >= SBASE && c < SBASE + SCOUNT) {
            uint32_t si = c - SBASE;
            EMIT(LBASE + si / NCOUNT);
            EMIT(VBASE + (si % NCOUNT) / TCOUNT);
            if (si % TCOUNT)
                EMIT(TBASE + si % TCOUNT);
        } else if (c >= 0x3131 && c <= 0x314E) {
            unsigned k = compat_consonant[c - 0x3131];
            EMIT(k >= 100 ? TBASE + (k - 100) : LBASE + k);
        } else if (c >= 0x314F && c <= 0x3163) {
            EMIT(VBASE + (c - 0x314F));
        } else {
            EMIT(c);
        }
    }
#undef EMIT
    return n;
}

/* Consonant identity shared by initial and final forms: 0..18, 100+T for clusters, -1. */
static int consonant_of(uint32_t c)
{
    if (c >= LBASE && c < LBASE + LCOUNT)
        return (int)(c - LBASE);
    if (c > TBASE && c < TBASE + TCOUNT) {
        int l = final_as_initial[c - TBASE];
        return l >= 0 ? l : 100 + (int)(c - TBASE);
    }
    return -1;
}

int jamo_sub_cost(uint32_t x, uint32_t y)
{
    int cx, cy;

    if (x == y)
        return 0;
    cx = consonant_of(x);
    cy = consonant_of(y);
    if (cx >= 0 && cy >= 0) {
        if (cx == cy)
            return JAMO_COST_UNIT / 2; /* same consonant, initial vs final */
        if (cx < LCOUNT && cy < LCOUNT && initial_group[cx] &&
            initial_group[cx] == initial_group[cy])
            return JAMO_COST_UNIT / 2;
        return JAMO_COST_UNIT;
    }
    if (x >= VBASE && x < VBASE + VCOUNT && y >= VBASE && y < VBASE + VCOUNT) {
        unsigned gx = vowel_group[x - VBASE], gy = vowel_group[y - VBASE];
        return gx && gx == gy ? JAMO_COST_UNIT / 2 : JAMO_COST_UNIT;
    }
    return JAMO_COST_UNIT;
}

/* Cost of inserting or deleting c: a final consonant is the easiest letter to drop. */
static int indel_cost(uint32_t c)
{
    return c > TBASE && c < TBASE + TCOUNT ? JAMO_COST_UNIT * 7 / 10 : JAMO_COST_UNIT;
}

int jamo_distance_seq(const uint32_t *a, size_t na, const uint32_t *b, size_t nb, int max)
{
    int stack[2 * 257];
    int *prev = stack, *cur, *heap = NULL, best;

    if (nb + 1 > 257) {
        heap = xmalloc(st_mult(2 * (nb + 1), sizeof(int)));
        prev = heap;
    }
    cur = prev + nb + 1;
    prev[0] = 0;
    for (size_t j = 1; j <= nb; j++)
        prev[j] = prev[j - 1] + indel_cost(b[j - 1]);
    for (size_t i = 1; i <= na; i++) {
        int rowmin, *t;
        cur[0] = prev[0] + indel_cost(a[i - 1]);
        rowmin = cur[0];
        for (size_t j = 1; j <= nb; j++) {
            int d = prev[j - 1] + jamo_sub_cost(a[i - 1], b[j - 1]);
            int del = prev[j] + indel_cost(a[i - 1]);
            int ins = cur[j - 1] + indel_cost(b[j - 1]);
            if (del < d)
                d = del;
            if (ins < d)
                d = ins;
            cur[j] = d;
            if (d < rowmin)
                rowmin = d;
        }
        t = prev;
        prev = cur;
        cur = t;
        if (rowmin > max) {
            free(heap);
            return max + 1;
        }
    }
    best = prev[nb] > max ? max + 1 : prev[nb];
    free(heap);
    return best;
}

int jamo_distance(const char *a, size_t alen, const char *b, size_t blen, int max)
{
    uint32_t sa[128], sb[128];
    uint32_t *pa = sa, *pb = sb;
    size_t na = jamo_decompose(a, alen, sa, 128);
    size_t nb = jamo_decompose(b, blen, sb, 128);
    int d;

    if (na > 128) {
        pa = xmalloc(st_mult(na, sizeof(*pa)));
        jamo_decompose(a, alen, pa, na);
    }
    if (nb > 128) {
        pb = xmalloc(st_mult(nb, sizeof(*pb)));
        jamo_decompose(b, blen, pb, nb);
    }
    d = jamo_distance_seq(pa, na, pb, nb, max);
    if (pa != sa)
        free(pa);
    if (pb != sb)
        free(pb);
    return d;
}
