/*
 * lexicon.c - lookups in the lexicon tables, searched in place.
 *
 * gen_lexicon.awk folds every key (ASCII upper case, spaces removed, so that
 * "r&d", "R&D" and "인터넷 기반" / "인터넷기반" meet), splits the '|'
 * alternatives of the values and writes each map as an array sorted by key,
 * its strings as offsets into one blob: a lookup folds its query the same
 * way and searches by bisection. Nothing is built at run time (a process
 * that extracts one short document paid for building hash tables of every
 * row), and nothing is relocated at load.
 */
#include <assert.h>
#include <stdint.h>
#include <string.h>

#include "extract/lexicon.h"
#include "util/ascii.h"
#include "util/strbuf.h"
#include "util/banned.h"

/* One key of a map: strings are offsets into lex_blob, -1 for none. */
struct lex_ix {
    int32_t key;   /* the folded key */
    int32_t en;    /* English of the first row that gives one */
    int32_t kind;  /* kind of the first acronym row that gives one */
    uint32_t form; /* its forms are lex_form_offs[form .. form + n) */
    uint32_t n;    /* at most LEX_MAX_FORMS */
};

#include "lexicon_data.h"

#define NKEYS(a) (sizeof(a) / sizeof((a)[0]))

/* Writes the folded s[0..len) to out (room for len bytes); returns its length. */
static size_t fold_to(const char *s, size_t len, char *out)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (c == ' ' || c == '\t')
            continue;
        out[n++] = (char)ascii_upper(c);
    }
    return n;
}

/* The key of map[0..n) that s[0..len) folds to, or NULL. */
static const struct lex_ix *lookup(const struct lex_ix *map, size_t n, const char *s, size_t len)
{
    char small[128]; /* most keys: no allocation per lookup */
    struct strbuf k = STRBUF_INIT;
    const char *key = small;
    const struct lex_ix *found = NULL;
    size_t klen, lo = 0, hi = n;

    if (len <= sizeof(small)) {
        klen = fold_to(s, len, small);
    } else {
        strbuf_grow(&k, len);
        strbuf_setlen(&k, fold_to(s, len, k.buf));
        key = k.buf;
        klen = k.len;
    }
    while (klen && lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const char *t = lex_blob + map[mid].key;
        size_t tl = strlen(t);
        int c = memcmp(key, t, klen < tl ? klen : tl);
        if (!c)
            c = klen < tl ? -1 : klen > tl;
        if (!c) {
            found = &map[mid];
            break;
        }
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    strbuf_release(&k);
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
    return copy_forms(lookup(lex_ko_forms, NKEYS(lex_ko_forms), s, len), forms, max);
}

size_t lexicon_morpheme_en(const char *s, size_t len, const char **en, size_t max)
{
    return copy_forms(lookup(lex_morphemes, NKEYS(lex_morphemes), s, len), en, max);
}

int lexicon_is_loanword(const char *s, size_t len)
{
    return lookup(lex_loanwords, NKEYS(lex_loanwords), s, len) != NULL;
}

const char *lexicon_loanword_en(const char *s, size_t len)
{
    const struct lex_ix *f = lookup(lex_loanwords, NKEYS(lex_loanwords), s, len);
    return f ? str_at(f->en) : NULL;
}

const char *lexicon_acronym_en(const char *s, size_t len)
{
    const struct lex_ix *f = lookup(lex_ko_forms, NKEYS(lex_ko_forms), s, len);
    return f ? str_at(f->en) : NULL;
}

const char *lexicon_acronym_kind(const char *s, size_t len)
{
    const struct lex_ix *f = lookup(lex_ko_forms, NKEYS(lex_ko_forms), s, len);
    return f ? str_at(f->kind) : NULL;
}

const char *lexicon_acronym_for_ko(const char *s, size_t len)
{
    const struct lex_ix *f = lookup(lex_ko_acronym, NKEYS(lex_ko_acronym), s, len);
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
