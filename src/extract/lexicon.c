/*
 * lexicon.c - hash lookups over the generated lexicon tables.
 *
 * Each key maps to a NULL-terminated array of forms made by splitting the
 * '|' alternatives once at init. Keys are folded (ASCII upper case, spaces
 * removed) so that "r&d", "R&D" and "인터넷 기반" / "인터넷기반" meet.
 */
#include <assert.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "extract/lexicon.h"
#include "lexicon_data.h"
#include "util/ascii.h"
#include "util/strbuf.h"
#include "util/strmap.h"
#include "util/xmalloc.h"
#include "util/banned.h"

struct lex_forms {
    const char *en;                       /* English of the first row seen */
    const char *kind;                     /* kind of the first acronym row seen */
    const char *forms[LEX_MAX_FORMS + 1]; /* NULL-terminated */
    size_t n;                             /* forms used */
};

static struct strmap ko_forms = STRMAP_INIT;   /* acronym/loanword -> Korean forms */
static struct strmap morph_en = STRMAP_INIT;   /* morpheme -> English words */
static struct strmap loanwords = STRMAP_INIT;  /* plain-words keys */
static struct strmap ko_acronym = STRMAP_INIT; /* Korean name -> acronym (first row wins) */
/*
 * Built once per process by build(), under pthread_once: the tables are the
 * read-only image of data compiled into the binary, the same for every
 * context, so dadeum_ctx_new builds them before any thread starts and any
 * other first caller (translit, cross, check) is safe too.
 */
static pthread_once_t once = PTHREAD_ONCE_INIT;

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

static void fold(const char *s, size_t len, struct strbuf *out)
{
    strbuf_reset(out);
    strbuf_grow(out, len);
    strbuf_setlen(out, fold_to(s, len, out->buf));
}

/* Adds each '|' alternative of value to the forms of key in map. */
static void add_forms(struct strmap *map, const char *key, const char *value, const char *en,
                      const char *kind)
{
    char small[128]; /* as in lookup: most keys fold without an allocation */
    struct strbuf k = STRBUF_INIT;
    const char *kb = small;
    size_t kl, len = strlen(key);
    int created;

    if (len <= sizeof(small)) {
        kl = fold_to(key, len, small);
    } else {
        fold(key, len, &k);
        kb = k.buf;
        kl = k.len;
    }
    if (!kl)
        goto done;
    struct strmap_entry *e = strmap_put(map, kb, kl, &created);
    if (created)
        e->value = xcalloc(1, sizeof(struct lex_forms));
    struct lex_forms *f = e->value;
    if (!f->en && en && *en)
        f->en = en;
    if (!f->kind && kind && *kind)
        f->kind = kind;
    for (const char *p = value; *p;) {
        const char *bar = strchr(p, '|');
        size_t n = bar ? (size_t)(bar - p) : strlen(p);
        while (n && p[0] == ' ')
            p++, n--;
        while (n && p[n - 1] == ' ')
            n--;
        if (n && f->n < LEX_MAX_FORMS)
            f->forms[f->n++] = xmemdupz(p, n); /* lives as long as the process */
        p += n;
        while (*p == ' ')
            p++;
        if (*p == '|')
            p++;
    }
done:
    strbuf_release(&k);
}

static void build(void)
{
    for (const struct lex_row *r = lex_acronyms; r->key; r++) {
        add_forms(&ko_forms, r->key, r->value, r->en, r->kind);
        /* only single-name rows map back: a name shared by two acronyms is ambiguous */
        if (!strchr(r->value, '|') && strlen(r->key) > 1)
            add_forms(&ko_acronym, r->value, r->key, r->en, r->kind);
    }
    for (const struct lex_row *r = lex_plain_words; r->key; r++) {
        add_forms(&ko_forms, r->key, r->value, r->en, NULL);
        add_forms(&loanwords, r->key, r->key, r->en, NULL);
    }
    for (const struct lex_row *r = lex_morphemes; r->key; r++)
        add_forms(&morph_en, r->key, r->value, NULL, NULL);
}

void lexicon_init(void)
{
    pthread_once(&once, build);
}

static struct lex_forms *lookup(struct strmap *map, const char *s, size_t len)
{
    char small[128]; /* most keys: no allocation per lookup */
    struct strbuf k = STRBUF_INIT;
    const char *key = small;
    size_t klen;

    lexicon_init();
    if (len <= sizeof(small)) {
        klen = fold_to(s, len, small);
    } else {
        fold(s, len, &k);
        key = k.buf;
        klen = k.len;
    }
    struct lex_forms *f = klen ? strmap_get(map, key, klen) : NULL;
    strbuf_release(&k);
    return f;
}

static size_t copy_forms(const struct lex_forms *f, const char **out, size_t max)
{
    size_t n = 0;
    for (; f && n < f->n && n < max; n++)
        out[n] = f->forms[n];
    return n;
}

size_t lexicon_ko_forms(const char *s, size_t len, const char **forms, size_t max)
{
    return copy_forms(lookup(&ko_forms, s, len), forms, max);
}

size_t lexicon_morpheme_en(const char *s, size_t len, const char **en, size_t max)
{
    return copy_forms(lookup(&morph_en, s, len), en, max);
}

int lexicon_is_loanword(const char *s, size_t len)
{
    return lookup(&loanwords, s, len) != NULL;
}

const char *lexicon_loanword_en(const char *s, size_t len)
{
    struct lex_forms *f = lookup(&loanwords, s, len);
    return f && f->en && *f->en ? f->en : NULL;
}

const char *lexicon_acronym_en(const char *s, size_t len)
{
    struct lex_forms *f = lookup(&ko_forms, s, len);
    return f ? f->en : NULL;
}

const char *lexicon_acronym_kind(const char *s, size_t len)
{
    struct lex_forms *f = lookup(&ko_forms, s, len);
    return f ? f->kind : NULL;
}

const char *lexicon_acronym_for_ko(const char *s, size_t len)
{
    struct lex_forms *f = lookup(&ko_acronym, s, len);
    return f && f->n == 1 ? f->forms[0] : NULL;
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
