/*
 * attested.c - the catalogue tables of attested.h, hashed on first use.
 *
 * Keys: a loanword pair is keyed by the jamo codes of its Hangul word, a
 * 0x01 byte and the English word (jamo codes are >= 0x21, so the key is
 * unambiguous); counts are stored in the value pointer.
 */
#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include "align/attested.h"
#include "align/translit_int.h"
#include "util/strmap.h"
#include "util/banned.h"

#define EN_KEY 96 /* bytes of an English word in a key, with the 0x01 */

struct attested_row {
    const char *ko;
    const char *en;
    unsigned count;
};

#include "attested_data.h"

static pthread_once_t once = PTHREAD_ONCE_INIT;
static struct strmap pairs;    /* jamo 0x01 en -> count */
static struct strmap en_sum;   /* en -> total count */
static struct strmap loan_ko;  /* Hangul -> most attested en (the first row: rows are by count) */
static struct strmap word_ko;  /* Korean word -> en */
static struct strmap en_forms; /* en -> struct forms * (its attested Hangul words) */
static size_t nloan, nword;

struct forms {
    size_t n;
    struct {
        unsigned char jamo[TRANSLIT_MAX_JAMO];
        size_t len;
        unsigned count;
    } f[4];
};

static struct forms form_pool[4096]; /* never freed: static tables */
static size_t nforms;

static void build(void)
{
    for (const struct attested_row *r = attested_loan_table; r->ko; r++, nloan++) {
        unsigned char key[TRANSLIT_MAX_JAMO + EN_KEY];
        size_t el = strlen(r->en);
        int n = translit_jamo_from_utf8(r->ko, strlen(r->ko), key, TRANSLIT_MAX_JAMO);
        struct strmap_entry *e;
        int created;
        if (n <= 0 || el >= EN_KEY - 1)
            continue; /* gen_attested.awk admits Hangul only; a long word cannot rank */
        key[n] = 0x01;
        memcpy(key + n + 1, r->en, el);
        e = strmap_put(&pairs, key, (size_t)n + 1 + el, NULL);
        e->value = (void *)((uintptr_t)e->value + r->count);
        e = strmap_put(&en_sum, r->en, el, NULL);
        e->value = (void *)((uintptr_t)e->value + r->count);
        e = strmap_put(&en_forms, r->en, el, &created);
        if (created && nforms < sizeof(form_pool) / sizeof(form_pool[0]))
            e->value = &form_pool[nforms++];
        if (e->value) {
            struct forms *fs = e->value;
            if (fs->n < sizeof(fs->f) / sizeof(fs->f[0])) {
                memcpy(fs->f[fs->n].jamo, key, (size_t)n);
                fs->f[fs->n].len = (size_t)n;
                fs->f[fs->n].count = r->count;
                fs->n++;
            }
        }
        e = strmap_put(&loan_ko, r->ko, strlen(r->ko), &created);
        if (created)
            e->value = (void *)r->en;
    }
    for (const struct attested_row *r = attested_word_table; r->ko; r++, nword++) {
        int created;
        struct strmap_entry *e = strmap_put(&word_ko, r->ko, strlen(r->ko), &created);
        if (created)
            e->value = (void *)r->en;
    }
}

void attested_init(void)
{
    pthread_once(&once, build);
}

unsigned attested_pair_count(const unsigned char *jamo, size_t n, const char *en)
{
    unsigned char key[TRANSLIT_MAX_JAMO + EN_KEY];
    size_t el = strlen(en);

    attested_init();
    if (n > TRANSLIT_MAX_JAMO || el >= EN_KEY - 1)
        return 0;
    memcpy(key, jamo, n);
    key[n] = 0x01;
    memcpy(key + n + 1, en, el);
    return (unsigned)(uintptr_t)strmap_get(&pairs, key, n + 1 + el);
}

unsigned attested_near_count(const unsigned char *jamo, size_t n, const char *en, int limit)
{
    const struct forms *fs;
    unsigned best = 0;

    attested_init();
    fs = strmap_get(&en_forms, en, strlen(en));
    for (size_t i = 0; fs && i < fs->n; i++)
        if (fs->f[i].count > best &&
            translit_jamo_distance(jamo, n, fs->f[i].jamo, fs->f[i].len, limit) <= limit)
            best = fs->f[i].count;
    return best;
}

unsigned attested_en_count(const char *en)
{
    attested_init();
    return (unsigned)(uintptr_t)strmap_get(&en_sum, en, strlen(en));
}

const char *attested_loanword_en(const char *ko, size_t len)
{
    attested_init();
    return strmap_get(&loan_ko, ko, len);
}

const char *attested_word_en(const char *ko, size_t len)
{
    attested_init();
    return strmap_get(&word_ko, ko, len);
}

size_t attested_loanword_rows(void)
{
    attested_init();
    return nloan;
}

size_t attested_word_rows(void)
{
    attested_init();
    return nword;
}
