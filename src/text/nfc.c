/*
 * nfc.c - Unicode Normalization Form C (see nfc.h).
 *
 * NFC (Unicode Standard Annex #15, "Unicode Normalization Forms") is table
 * driven: build/gen/unicode_tables.h is generated from the UCD by
 * src/gen/gen_unicode.awk. Hangul syllables are decomposed and composed
 * arithmetically (Unicode Standard, section 3.12). The fast path copies
 * every run of "safe" characters as is: a safe character has combining
 * class 0, no canonical decomposition and never composes with the
 * character before it, so NFC cannot change it and a string splits there
 * into independent pieces. ASCII and precomposed Hangul are safe; only the
 * pieces around unsafe characters are decoded, reordered and recomposed.
 */
#include "text/nfc.h"

#include <assert.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>

#include "text/text_int.h"
#include "unicode_tables.h"
#include "util/utf8.h"
#include "util/xmalloc.h"
#include "util/banned.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* ---- NFC (UAX #15) ------------------------------------------------------------ */

/* Hangul syllable arithmetic, Unicode Standard section 3.12. */
enum {
    HANGUL_S = 0xAC00,
    HANGUL_L = 0x1100,
    HANGUL_V = 0x1161,
    HANGUL_T = 0x11A7, /* one before the first trailing consonant */
    HANGUL_LCOUNT = 19,
    HANGUL_VCOUNT = 21,
    HANGUL_TCOUNT = 28,
    HANGUL_NCOUNT = HANGUL_VCOUNT * HANGUL_TCOUNT,
    HANGUL_SCOUNT = HANGUL_LCOUNT * HANGUL_NCOUNT
};

struct nfc_char {
    uint32_t cp; /* code point */
    uint8_t ccc; /* its Canonical_Combining_Class */
};

struct nfc_buf {
    struct nfc_char *v; /* the decomposed piece */
    size_t nr, alloc;   /* used and allocated elements */
};

static int cmp_range(const void *key, const void *elem)
{
    uint32_t c = *(const uint32_t *)key;
    const struct unicode_range *r = elem;
    return c < r->lo ? -1 : c > r->hi;
}

static int cmp_ccc(const void *key, const void *elem)
{
    uint32_t c = *(const uint32_t *)key;
    const struct unicode_ccc_range *r = elem;
    return c < r->lo ? -1 : c > r->hi;
}

static int cmp_decomp(const void *key, const void *elem)
{
    uint32_t c = *(const uint32_t *)key;
    const struct unicode_decomp *d = elem;
    return c < d->cp ? -1 : c > d->cp;
}

static int cmp_comp(const void *key, const void *elem)
{
    const uint32_t *ab = key;
    const struct unicode_comp *c = elem;
    if (ab[0] != c->a)
        return ab[0] < c->a ? -1 : 1;
    return ab[1] < c->b ? -1 : ab[1] > c->b;
}

static uint8_t ccc_of(uint32_t c)
{
    const struct unicode_ccc_range *r;
    if (c < 0x300)
        return 0;
    r = bsearch(&c, unicode_ccc, ARRAY_SIZE(unicode_ccc), sizeof(unicode_ccc[0]), cmp_ccc);
    return r ? r->ccc : 0;
}

/*
 * text__nfc_unsafe is asked about every character of a line that is not
 * ASCII or a Hangul syllable (line_needs in normalize.c, and here), and
 * Korean documents have one every hundred bytes or so (a middle dot, a
 * quote, an arrow, a circled digit): the BMP's answers are kept as one bit
 * a code point (8 KB), set from unicode_nfc_unsafe once, instead of a
 * binary search each time.
 */
static uint8_t unsafe_bmp[0x10000 / 8];
static pthread_once_t unsafe_once = PTHREAD_ONCE_INIT;

static void unsafe_bmp_init(void)
{
    for (size_t i = 0; i < ARRAY_SIZE(unicode_nfc_unsafe); i++)
        for (uint32_t c = unicode_nfc_unsafe[i].lo; c <= unicode_nfc_unsafe[i].hi && c < 0x10000;
             c++)
            unsafe_bmp[c >> 3] |= (uint8_t)(1u << (c & 7));
}

int text__nfc_unsafe_search(uint32_t c)
{
    return bsearch(&c, unicode_nfc_unsafe, ARRAY_SIZE(unicode_nfc_unsafe),
                   sizeof(unicode_nfc_unsafe[0]), cmp_range) != NULL;
}

int text__nfc_unsafe(uint32_t c)
{
    if (c < 0xC0 || (c >= HANGUL_S && c < HANGUL_S + HANGUL_SCOUNT))
        return 0;
    if (c < 0x10000) {
        pthread_once(&unsafe_once, unsafe_bmp_init);
        return (unsafe_bmp[c >> 3] >> (c & 7)) & 1;
    }
    return text__nfc_unsafe_search(c);
}

static void nfc_push(struct nfc_buf *b, uint32_t c)
{
    ALLOC_GROW(b->v, b->nr + 1, b->alloc);
    b->v[b->nr].cp = c;
    b->v[b->nr].ccc = ccc_of(c);
    b->nr++;
}

/*
 * Canonical ordering (Unicode Standard section 3.11, D109): each
 * run of non-starters is sorted stably by class. Short runs use insertion
 * sort; a long run, which only hostile input has, a counting sort over the
 * 255 classes, so that a line of a million marks stays linear.
 */
static void nfc_reorder(struct nfc_buf *b)
{
    size_t i = 0;

    while (i < b->nr) {
        size_t start, end, j;

        if (!b->v[i].ccc) {
            i++;
            continue;
        }
        for (start = i; i < b->nr && b->v[i].ccc; i++)
            ;
        end = i;
        if (end - start <= 32) {
            for (j = start + 1; j < end; j++) {
                struct nfc_char ch = b->v[j];
                size_t k = j;
                for (; k > start && b->v[k - 1].ccc > ch.ccc; k--)
                    b->v[k] = b->v[k - 1];
                b->v[k] = ch;
            }
        } else {
            size_t count[257] = {0};
            struct nfc_char *tmp = xmalloc(st_mult(end - start, sizeof(*tmp)));
            for (j = start; j < end; j++)
                count[b->v[j].ccc + 1]++;
            for (j = 1; j < 257; j++)
                count[j] += count[j - 1];
            for (j = start; j < end; j++)
                tmp[count[b->v[j].ccc]++] = b->v[j];
            memcpy(b->v + start, tmp, (end - start) * sizeof(*tmp));
            free(tmp);
        }
    }
}

/* Appends the full canonical decomposition of c. */
static void nfc_decompose(struct nfc_buf *b, uint32_t c)
{
    const struct unicode_decomp *d;

    if (c >= HANGUL_S && c < HANGUL_S + HANGUL_SCOUNT) {
        uint32_t s = c - HANGUL_S;
        nfc_push(b, HANGUL_L + s / HANGUL_NCOUNT);
        nfc_push(b, HANGUL_V + s % HANGUL_NCOUNT / HANGUL_TCOUNT);
        if (s % HANGUL_TCOUNT)
            nfc_push(b, HANGUL_T + s % HANGUL_TCOUNT);
        return;
    }
    d = bsearch(&c, unicode_decomp, ARRAY_SIZE(unicode_decomp), sizeof(unicode_decomp[0]),
                cmp_decomp);
    if (!d) {
        nfc_push(b, c);
        return;
    }
    nfc_decompose(b, d->a);
    if (d->b)
        nfc_decompose(b, d->b);
}

/* Returns the primary composite of a and b, or 0. */
static uint32_t nfc_compose_pair(uint32_t a, uint32_t b)
{
    const struct unicode_comp *c;
    uint32_t key[2];

    if (a >= HANGUL_L && a < HANGUL_L + HANGUL_LCOUNT && b >= HANGUL_V &&
        b < HANGUL_V + HANGUL_VCOUNT)
        return HANGUL_S + ((a - HANGUL_L) * HANGUL_VCOUNT + (b - HANGUL_V)) * HANGUL_TCOUNT;
    if (a >= HANGUL_S && a < HANGUL_S + HANGUL_SCOUNT && (a - HANGUL_S) % HANGUL_TCOUNT == 0 &&
        b > HANGUL_T && b < HANGUL_T + HANGUL_TCOUNT)
        return a + (b - HANGUL_T);
    key[0] = a;
    key[1] = b;
    c = bsearch(key, unicode_comp, ARRAY_SIZE(unicode_comp), sizeof(unicode_comp[0]), cmp_comp);
    return c ? c->cp : 0;
}

/*
 * Canonical composition (UAX #15 section 1.3) in place: a character joins
 * the last starter unless a character in between blocks it, that is, has
 * class 0 or a class not lower than its own.
 */
static void nfc_compose(struct nfc_buf *b)
{
    size_t starter = 0, i, n = 0;
    int have_starter = 0;
    int last_ccc = 0; /* class of the last character kept after the starter */

    for (i = 0; i < b->nr; i++) {
        struct nfc_char ch = b->v[i];
        if (have_starter && (n == starter + 1 || last_ccc < ch.ccc)) {
            uint32_t comp = nfc_compose_pair(b->v[starter].cp, ch.cp);
            if (comp) {
                b->v[starter].cp = comp;
                continue;
            }
        }
        if (ch.ccc == 0) {
            starter = n;
            have_starter = 1;
        }
        last_ccc = ch.ccc;
        b->v[n++] = ch;
    }
    b->nr = n;
}

/* Appends the NFC form of the piece s[0..len). */
static void nfc_piece(const char *s, size_t len, struct nfc_buf *b, struct strbuf *out)
{
    size_t i = 0;

    b->nr = 0;
    while (i < len) {
        uint32_t c;
        i += utf8_decode(s + i, len - i, &c);
        nfc_decompose(b, c);
    }
    nfc_reorder(b);
    nfc_compose(b);
    for (i = 0; i < b->nr; i++)
        utf8_add(out, b->v[i].cp);
}

void text_nfc(const char *s, size_t len, struct strbuf *out)
{
    struct nfc_buf b = {NULL, 0, 0};
    size_t i = 0, done = 0; /* s[0..done) is already in out */

    assert(out && (s || !len));
    size_t boundary = 0; /* start of the last safe character at or after done */

    while (i < len) {
        uint32_t c;
        size_t n, start;

        if (!((unsigned char)s[i] & 0x80)) {
            boundary = i++;
            continue;
        }
        n = utf8_decode(s + i, len - i, &c);
        if (!text__nfc_unsafe(c)) {
            boundary = i;
            i += n;
            continue;
        }
        /* The piece runs from the last safe character to the next one. */
        start = boundary > done ? boundary : done;
        for (i += n; i < len; i += n) {
            n = utf8_decode(s + i, len - i, &c);
            if (!text__nfc_unsafe(c))
                break;
        }
        strbuf_add(out, s + done, start - done);
        nfc_piece(s + start, i - start, &b, out);
        done = boundary = i;
    }
    strbuf_add(out, s + done, len - done);
    free(b.v);
}
