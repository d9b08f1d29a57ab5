/*
 * lexicon.c - lookups in the lexicon tables, searched in place.
 *
 * gen_lexicon.awk folds every key (ASCII upper case, spaces removed, so that
 * "r&d", "R&D" and "인터넷 기반" / "인터넷기반" meet), splits the '|'
 * alternatives of the values and writes each map as an array sorted by key,
 * its strings as offsets into one blob: a lookup folds its query the same
 * way and finds it through a hash index of each map: an array of entry
 * numbers that gen_lexindex.c computes at build time from the same keys (a
 * process that extracts one short document paid for building them on its
 * first lookup: every key hashed, all of the blob read). Nothing is copied
 * or relocated at load.
 */
#include <assert.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "extract/lexicon.h"
#include "util/ascii.h"
#include "util/strmap.h"
#include "util/utf8.h"
#include "util/wordset.h"
#include "util/xmalloc.h"
#include "util/banned.h"

#include "lexicon_data.h"  /* struct lex_ix and the maps (gen_lexicon.awk) */
#include "lexicon_index.h" /* their hash indexes (gen_lexindex.c) */

#define NKEYS(a) (sizeof(a) / sizeof((a)[0]))

/* A map and its hash index: slot[h & mask] holds 1 + an entry number, or 0. */
struct lex_map {
    const struct lex_ix *ix;
    const uint32_t *slot;
    size_t mask;
};

#define LEX_MAP(name)                                                                              \
    {                                                                                              \
        name, name##_slot, NKEYS(name##_slot) - 1                                                  \
    }
static const struct lex_map ko_forms = LEX_MAP(lex_ko_forms);
static const struct lex_map ko_acronym = LEX_MAP(lex_ko_acronym);
static const struct lex_map ko_names = LEX_MAP(lex_ko_names);
static const struct lex_map loanwords = LEX_MAP(lex_loanwords);
static const struct lex_map morphemes = LEX_MAP(lex_morphemes);

/*
 * The key of m that s[0..len) folds to, or NULL. Folding (ASCII upper
 * case, spaces and tabs removed) and hashing (strmap_hash of the folded
 * key, as gen_lexindex hashed the keys) are one pass: the extractor asks
 * about every way of cutting a name into morphemes, and two passes and a
 * buffer set up and released per question were most of its cost.
 */
static const struct lex_ix *lookup(const struct lex_map *m, const char *s, size_t len)
{
    char small[128]; /* most keys: no allocation per lookup */
    char *key = small, *big = NULL;
    const struct lex_ix *found = NULL;
    uint64_t h = strmap_hash(NULL, 0); /* of the empty key: where FNV-1a starts */
    size_t klen = 0;

    if (len > sizeof(small))
        key = big = xmalloc(len);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == '\t')
            continue;
        c = (unsigned char)ascii_upper(c);
        key[klen++] = (char)c;
        h = (h ^ c) * 0x100000001b3ull; /* FNV-1a, as strmap_hash */
    }
    if (klen) {
        for (size_t at = (size_t)h & m->mask; m->slot[at]; at = (at + 1) & m->mask) {
            const struct lex_ix *e = &m->ix[m->slot[at] - 1];
            const char *t = lex_blob + e->key;
            size_t i = 0;
            /* compared byte by byte up to its NUL: measuring every probed
             * key first read all of it, the most of a lookup's time */
            while (i < klen && t[i] && t[i] == key[i])
                i++;
            if (i == klen && !t[klen]) {
                found = e;
                break;
            }
        }
    }
    free(big);
    return found;
}

static const char *str_at(int32_t off)
{
    return off < 0 ? NULL : lex_blob + off;
}

static size_t copy_forms(const struct lex_ix *f, const char **out, size_t max)
{
    size_t n = 0;
    for (; f && n < f->n && n < max; n++)
        out[n] = lex_blob + lex_form_offs[f->form + n];
    return n;
}

size_t lexicon_ko_forms(const char *s, size_t len, const char **forms, size_t max)
{
    return copy_forms(lookup(&ko_forms, s, len), forms, max);
}

/* 1 when a and b[0..bl) are the same key: ASCII case and spaces aside */
static int same_key(const char *a, const char *b, size_t bl)
{
    const char *be = b + bl;
    for (;;) {
        while (*a == ' ')
            a++;
        while (b < be && *b == ' ')
            b++;
        if (!*a || b == be)
            return !*a && b == be;
        if (ascii_upper((unsigned char)*a) != ascii_upper((unsigned char)*b))
            return 0;
        a++, b++;
    }
}

int lexicon_is_ko_form(const char *gloss, const char *ko, size_t kl)
{
    const char *forms[LEX_MAX_FORMS];
    size_t n = lexicon_ko_forms(gloss, strlen(gloss), forms, LEX_MAX_FORMS);
    for (size_t f = 0; f < n; f++)
        if (same_key(forms[f], ko, kl))
            return 1;
    return 0;
}

size_t lexicon_morpheme_en(const char *s, size_t len, const char **en, size_t max)
{
    return copy_forms(lookup(&morphemes, s, len), en, max);
}

int lexicon_is_loanword(const char *s, size_t len)
{
    return lookup(&loanwords, s, len) != NULL;
}

const char *lexicon_loanword_en(const char *s, size_t len)
{
    const struct lex_ix *f = lookup(&loanwords, s, len);
    return f ? str_at(f->en) : NULL;
}

const char *lexicon_acronym_en(const char *s, size_t len)
{
    const struct lex_ix *f = lookup(&ko_forms, s, len);
    return f ? str_at(f->en) : NULL;
}

/* The characters of s[0..len) without spaces, at most max of them. */
static size_t chars_of(const char *s, size_t len, uint32_t *out, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < len && n < max;) {
        uint32_t c;
        i += utf8_decode(s + i, len - i, &c);
        if (c != ' ')
            out[n++] = c;
    }
    return n;
}

/* The longest run x[0..xl) and y[0..yl) share, in characters. */
static size_t longest_run(const uint32_t *x, size_t xl, const uint32_t *y, size_t yl)
{
    size_t best = 0;
    for (size_t i = 0; i < xl; i++)
        for (size_t j = 0; j < yl; j++) {
            size_t k = 0;
            while (i + k < xl && j + k < yl && x[i + k] == y[j + k])
                k++;
            if (k > best)
                best = k;
        }
    return best;
}

/* Characters of a name compared (longer names are compared by their start). */
#define NAME_CHARS_MAX 64

size_t lexicon_shared_run(const char *a, size_t al, const char *b, size_t bl)
{
    uint32_t x[NAME_CHARS_MAX], y[NAME_CHARS_MAX];
    size_t xl = chars_of(a, al, x, NAME_CHARS_MAX), yl = chars_of(b, bl, y, NAME_CHARS_MAX);
    return longest_run(x, xl, y, yl);
}

/*
 * 1 when names a and b[0..bl) are one name written two ways: spaces aside,
 * they share a run of two characters or more that is at least two thirds of
 * the shorter (보안인증제 and 클라우드 보안인증, 최고 경영 책임자 and 최고경영자,
 * 한국인터넷진흥원 본원 and 한국인터넷진흥원; not 폐쇄회로 and 공통평가기준).
 */
static int one_name(const char *a, const char *b, size_t bl)
{
    uint32_t x[NAME_CHARS_MAX], y[NAME_CHARS_MAX];
    size_t xl = chars_of(a, strlen(a), x, NAME_CHARS_MAX), yl = chars_of(b, bl, y, NAME_CHARS_MAX);
    size_t best = longest_run(x, xl, y, yl), shorter = xl < yl ? xl : yl;
    return best >= 2 && 3 * best >= 2 * shorter;
}

/* The English of the acronym row that names ko[0..kl) and spells a, or NULL. */
static const char *row_en(const char *a, size_t alen, const char *ko, size_t kl)
{
    const struct lex_ix *e = lookup(&ko_names, ko, kl);
    for (uint32_t i = 0; e && i < e->n; i++)
        if (same_key(lex_blob + lex_form_offs[e->form + i], a, alen))
            return str_at(e->en);
    return NULL;
}

const char *lexicon_acronym_en_for(const char *a, size_t alen, const char *ko, size_t kl,
                                   int *agreed)
{
    const struct lex_ix *f = lookup(&ko_forms, a, alen);
    *agreed = 0;
    if (!f)
        return NULL;
    if (f->n == 0) {
        *agreed = 1; /* no Korean name to hold it to */
        return str_at(f->en);
    }
    const char *en = row_en(a, alen, ko, kl), *only = NULL;
    for (uint32_t i = 0; !en && i < f->n; i++) {
        const char *form = lex_blob + lex_form_offs[f->form + i];
        if (one_name(form, ko, kl))
            en = row_en(a, alen, form, strlen(form));
    }
    if (en) {
        *agreed = 1;
        return en;
    }
    /* another name: the English only when every row of a gives the same one */
    for (uint32_t i = 0; i < f->n; i++) {
        const char *form = lex_blob + lex_form_offs[f->form + i];
        const char *e = row_en(a, alen, form, strlen(form));
        if (!e || (only && strcmp(only, e)))
            return NULL;
        only = e;
    }
    return only;
}

int lexicon_acronym_names(const char *a, size_t alen, const char *ko, size_t kl)
{
    const struct lex_ix *f = lookup(&ko_forms, a, alen);
    int agreed;

    if (!f || !f->n)
        return -1; /* no Korean name to hold it to */
    lexicon_acronym_en_for(a, alen, ko, kl, &agreed);
    return agreed;
}

const char *lexicon_acronym_kind(const char *s, size_t len)
{
    const struct lex_ix *f = lookup(&ko_forms, s, len);
    return f ? str_at(f->kind) : NULL;
}

const char *lexicon_acronym_for_ko(const char *s, size_t len)
{
    const struct lex_ix *f = lookup(&ko_acronym, s, len);
    return f && f->n == 1 ? lex_blob + lex_form_offs[f->form] : NULL;
}

const char *const *lexicon_words(enum lex_wordlist which)
{
    switch (which) {
    case LEX_ORG_SUFFIXES:
        return lex_org_suffixes;
    case LEX_PERSON_TITLES:
        return lex_person_titles;
    case LEX_ORG_WORDS_EN:
        return lex_org_words_en;
    case LEX_BRACKET_LABELS:
        return lex_bracket_labels;
    }
    assert(!"unknown word list");
    return NULL;
}

/* The lists as sets, built on first use (util/wordset.h). */
static struct wordset word_sets[LEX_BRACKET_LABELS + 1];
static pthread_once_t sets_once = PTHREAD_ONCE_INIT;

static void build_word_sets(void)
{
    for (int w = LEX_ORG_SUFFIXES; w <= LEX_BRACKET_LABELS; w++)
        wordset_build(&word_sets[w], lexicon_words((enum lex_wordlist)w));
}

static const struct wordset *word_set(enum lex_wordlist which)
{
    pthread_once(&sets_once, build_word_sets);
    return &word_sets[which];
}

long lexicon_word_index(enum lex_wordlist which, const char *s, size_t len)
{
    return wordset_index(word_set(which), s, len);
}

int lexicon_ends_with_word(enum lex_wordlist which, const char *s, size_t len)
{
    return wordset_suffix_of(word_set(which), s, len);
}
