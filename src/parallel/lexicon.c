/*
 * lexicon.c - termbase pairs as alignment anchors (see parallel.h).
 *
 * Forms are indexed by their first character (Korean: a particle may follow
 * the form, so words cannot be the key) or their first word, lower-cased
 * (English); a document is scanned once, and at each word start only the
 * forms under that key are compared.
 */
#include <stdlib.h>
#include <string.h>

#include "align/loanlike.h"
#include "align/translit.h"
#include "parallel/lexicon.h"
#include "util/strmap.h"
#include "util/utf8.h"
#include "util/xmalloc.h"
#include "util/banned.h"

/* How loanword-like a word must look, and how good its rendering must be, to be an anchor. */
#define LOANWORD_MIN_PROB 0.5
#define LOANWORD_MIN_SCORE 0.5

struct lex_form {
    char *text; /* English: lower-cased */
    size_t len;
    uint32_t anchor;
    struct lex_form *next; /* the next form under the same key */
};

struct par_lexicon {
    struct strmap side[2]; /* 0 Korean, 1 English: key -> struct lex_form list */
    size_t count;
    struct translit *translit; /* loanwords -> English, or NULL */
    struct strmap seen;        /* Hangul word -> its anchor + 2, or 1: none */
};

void par_lexicon_set_translit(struct par_lexicon *lx, struct translit *t)
{
    lx->translit = t;
}

/* Particles a loanword may carry, longest first. */
static const char *const particles[] = {"에서는", "으로는", "에서", "으로", "에는", "까지", "부터",
                                        "처럼",   "보다",   "이나", "를",   "을",   "는",   "은",
                                        "이",     "가",     "의",   "에",   "로",   "와",   "과",
                                        "도",     "만",     "나",   "들"};

/* The anchor of the Hangul word w (cached), 0 when it is not a loanword we can render. */
static uint32_t loanword_anchor(struct par_lexicon *lx, const char *w, size_t n)
{
    int created;
    struct strmap_entry *e = strmap_put(&lx->seen, w, n, &created);
    if (!created)
        return (uint32_t)((uintptr_t)e->value > 1 ? (uintptr_t)e->value - 2 : 0);
    e->value = (void *)(uintptr_t)1;
    uint32_t anchor = 0;
    /* the word as it is, then without the longest particle it ends in */
    size_t lens[2] = {n, 0};
    for (size_t p = 0; p < sizeof(particles) / sizeof(particles[0]); p++) {
        size_t pl = strlen(particles[p]);
        if (pl < n && !memcmp(w + n - pl, particles[p], pl)) {
            lens[1] = n - pl;
            break;
        }
    }
    for (int v = 0; v < 2 && !anchor; v++) {
        size_t len = lens[v];
        /* 2 to 8 syllables: longer runs are phrases, slow to search and never one word */
        if (len < 6 || len > 24 || loanlike_prob(w, len) < LOANWORD_MIN_PROB)
            continue;
        struct translit_candidate c;
        if (translit_lookup(lx->translit, w, len, &c, 1) == 1 && c.score >= LOANWORD_MIN_SCORE &&
            !strchr(c.en, ' '))
            anchor = par_word_anchor(c.en, strlen(c.en)) | PAR_ANCHOR_SOFT;
    }
    /* strmap_put may have moved the slot: store through a fresh lookup */
    e = strmap_put(&lx->seen, w, n, NULL);
    e->value = (void *)(uintptr_t)(anchor ? (uintptr_t)anchor + 2 : 1);
    return anchor;
}

struct par_lexicon *par_lexicon_new(void)
{
    struct par_lexicon *lx = xcalloc(1, sizeof(*lx));
    return lx;
}

static int is_word_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

static char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c | 0x20) : c;
}

/* The key of text at s: its first character (Korean) or first word lower-cased (English). */
static size_t key_len(const char *s, size_t len, int english)
{
    if (!english) {
        uint32_t c;
        size_t k = utf8_decode(s, len, &c);
        return k ? k : 1;
    }
    size_t k = 0;
    while (k < len && is_word_byte((unsigned char)s[k]))
        k++;
    return k;
}

void par_lexicon_add(struct par_lexicon *lx, int english, const char *form, uint64_t concept)
{
    size_t len = strlen(form);
    english = !!english;
    if (utf8_count(form, len) < 2 || !is_word_byte((unsigned char)form[0]))
        return;
    struct lex_form *f = xcalloc(1, sizeof(*f));
    f->text = xmemdupz(form, len);
    f->len = len;
    if (english)
        for (size_t i = 0; i < len; i++)
            f->text[i] = lower(f->text[i]);
    /* the concept's anchor: a hash apart from the numbers' (their top bit is set) */
    uint64_t h = concept * 0x9E3779B97F4A7C15ull;
    f->anchor = (uint32_t)(h >> 33) & ~(PAR_ANCHOR_NUMBER | PAR_ANCHOR_SOFT);
    struct strmap_entry *e =
        strmap_put(&lx->side[english], f->text, key_len(f->text, len, english), NULL);
    f->next = e->value;
    e->value = f;
    lx->count++;
}

size_t par_lexicon_count(const struct par_lexicon *lx)
{
    return lx ? lx->count : 0;
}

static void free_list(void *p)
{
    struct lex_form *f = p;
    while (f) {
        struct lex_form *next = f->next;
        free(f->text);
        free(f);
        f = next;
    }
}

void par_lexicon_free(struct par_lexicon *lx)
{
    if (!lx)
        return;
    strmap_release(&lx->side[0], free_list);
    strmap_release(&lx->side[1], free_list);
    strmap_release(&lx->seen, NULL);
    free(lx);
}

/* Anchors of the loanwords of Korean text s[0..len). */
static size_t loanwords(struct par_lexicon *lx, const char *s, size_t len,
                        void (*add)(void *ctx, uint32_t anchor), void *ctx)
{
    size_t found = 0;
    for (size_t i = 0; i < len;) {
        uint32_t c;
        size_t k = utf8_decode(s + i, len - i, &c);
        if (!k || !uc_is_hangul_syllable(c)) {
            i += k ? k : 1;
            continue;
        }
        size_t j = i;
        while (j < len && (k = utf8_decode(s + j, len - j, &c)) && uc_is_hangul_syllable(c))
            j += k;
        uint32_t a = loanword_anchor(lx, s + i, j - i);
        if (a) {
            add(ctx, a);
            found++;
        }
        i = j;
    }
    return found;
}

size_t par_lexicon_match(struct par_lexicon *lx, int english, const char *s, size_t len,
                         void (*add)(void *ctx, uint32_t anchor), void *ctx)
{
    const struct strmap *m;
    char word[128];
    size_t found = 0;

    if (!lx)
        return 0;
    english = !!english;
    if (!english && lx->translit)
        found += loanwords(lx, s, len, add, ctx);
    m = &lx->side[english];
    if (!m->len)
        return found;
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)s[i];
        int start = is_word_byte(c) && (i == 0 || !is_word_byte((unsigned char)s[i - 1]) ||
                                        (!english && (unsigned char)s[i - 1] < 0x80));
        if (!start) {
            i++;
            continue;
        }
        size_t k = key_len(s + i, len - i, english);
        const struct lex_form *f;
        if (english) {
            size_t n = k < sizeof(word) ? k : sizeof(word);
            for (size_t q = 0; q < n; q++)
                word[q] = lower(s[i + q]);
            f = k < sizeof(word) ? strmap_get(m, word, k) : NULL;
        } else {
            f = strmap_get(m, s + i, k);
        }
        for (; f; f = f->next) {
            if (f->len > len - i)
                continue;
            if (english) {
                size_t q = 0;
                while (q < f->len && lower(s[i + q]) == f->text[q])
                    q++;
                if (q < f->len || (i + q < len && is_word_byte((unsigned char)s[i + q])))
                    continue;
            } else if (memcmp(s + i, f->text, f->len)) {
                continue;
            }
            add(ctx, f->anchor);
            found++;
        }
        /* next word (English) or next character (Korean: forms may start inside a word
         * only after a non-Hangul character, as in "(클라우드") */
        i += english ? (k ? k : 1) : k;
    }
    return found;
}
