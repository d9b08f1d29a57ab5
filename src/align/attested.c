/*
 * attested.c - the catalogue tables of attested.h, searched in place.
 *
 * gen_attested.awk writes the rows and, beside them, the row numbers sorted
 * by English word and by Korean word (byte order, equal keys in row order),
 * so that a lookup is a binary search over static data: nothing is built at
 * run time, which a process that extracts one short document would pay for
 * in full. A loanword row whose Hangul is not a jamo string the transliterator
 * can hold, or whose English is longer than EN_KEY - 2 bytes, counts for
 * nothing (it cannot be a reading); attested_loanword_rows counts every row.
 */
#include <stdint.h>
#include <string.h>

#include "align/attested.h"
#include "align/translit_int.h"
#include "util/banned.h"

#define EN_KEY 96   /* bytes of an English word a row may have, with a separator */
#define FORMS_MAX 4 /* attested Hangul forms of one English word that count */

struct attested_row {
    const char *ko;
    const char *en;
    unsigned count;
};

#include "attested_data.h"

#define NROWS(a) (sizeof(a) / sizeof((a)[0]))

/* strcmp of s[0..len) against the NUL-terminated t (the order the indexes use) */
static int keycmp(const char *s, size_t len, const char *t)
{
    size_t tl = strlen(t);
    int c = memcmp(s, t, len < tl ? len : tl);
    return c ? c : len < tl ? -1 : len > tl;
}

/*
 * The first position in idx[0..n) whose row's key (ko, or en when by_en) is
 * not below s[0..len); rows of one key follow it in row order.
 */
static size_t lower_bound(const struct attested_row *rows, const unsigned short *idx, size_t n,
                          int by_en, const char *s, size_t len)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const struct attested_row *r = &rows[idx[mid]];
        if (keycmp(s, len, by_en ? r->en : r->ko) > 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The jamo of a loanword row, or -1 when the row counts for nothing. */
static int row_jamo(const struct attested_row *r, unsigned char *jamo /* OUT */)
{
    if (strlen(r->en) >= EN_KEY - 1)
        return -1;
    int n = translit_jamo_from_utf8(r->ko, strlen(r->ko), jamo, TRANSLIT_MAX_JAMO);
    return n > 0 ? n : -1;
}

/* Loanword rows (attested_loan_table order) of en, through attested_loan_by_en. */
#define FOR_EACH_EN_ROW(en, el, r)                                                                 \
    for (size_t at_ = lower_bound(attested_loan_table, attested_loan_by_en,                        \
                                  NROWS(attested_loan_by_en), 1, en, el);                          \
         at_ < NROWS(attested_loan_by_en) &&                                                       \
         !strcmp(((r) = &attested_loan_table[attested_loan_by_en[at_]])->en, en);                  \
         at_++)

unsigned attested_pair_count(const unsigned char *jamo, size_t n, const char *en)
{
    const struct attested_row *r;
    unsigned char rj[TRANSLIT_MAX_JAMO];
    unsigned sum = 0;

    FOR_EACH_EN_ROW(en, strlen(en), r)
    {
        int rn = row_jamo(r, rj);
        if (rn >= 0 && (size_t)rn == n && !memcmp(rj, jamo, n))
            sum += r->count;
    }
    return sum;
}

unsigned attested_near_count(const unsigned char *jamo, size_t n, const char *en, int limit)
{
    const struct attested_row *r;
    unsigned char rj[TRANSLIT_MAX_JAMO];
    unsigned best = 0, forms = 0;

    /* the first FORMS_MAX rows of en that count, in row order (rows are by count) */
    FOR_EACH_EN_ROW(en, strlen(en), r)
    {
        int rn = row_jamo(r, rj);
        if (rn < 0)
            continue;
        if (forms++ == FORMS_MAX)
            break;
        if (r->count > best && translit_jamo_distance(jamo, n, rj, (size_t)rn, limit) <= limit)
            best = r->count;
    }
    return best;
}

unsigned attested_en_count(const char *en)
{
    const struct attested_row *r;
    unsigned char rj[TRANSLIT_MAX_JAMO];
    unsigned sum = 0;

    FOR_EACH_EN_ROW(en, strlen(en), r)
    {
        if (row_jamo(r, rj) >= 0)
            sum += r->count;
    }
    return sum;
}

/* The en of the first row of rows (through idx) whose ko is s[0..len), or NULL;
 * loan: only a row that counts (row_jamo). */
static const char *ko_en(const struct attested_row *rows, const unsigned short *idx, size_t n,
                         int loan, const char *s, size_t len)
{
    unsigned char rj[TRANSLIT_MAX_JAMO];

    for (size_t at = lower_bound(rows, idx, n, 0, s, len);
         at < n && !keycmp(s, len, rows[idx[at]].ko); at++)
        if (!loan || row_jamo(&rows[idx[at]], rj) >= 0)
            return rows[idx[at]].en;
    return NULL;
}

const char *attested_loanword_en(const char *ko, size_t len)
{
    return ko_en(attested_loan_table, attested_loan_by_ko, NROWS(attested_loan_by_ko), 1, ko, len);
}

const char *attested_word_en(const char *ko, size_t len)
{
    return ko_en(attested_word_table, attested_word_by_ko, NROWS(attested_word_by_ko), 0, ko, len);
}

size_t attested_loanword_rows(void)
{
    return NROWS(attested_loan_table) - 1; /* the NULL row ends it */
}

size_t attested_word_rows(void)
{
    return NROWS(attested_word_table) - 1;
}
