/*
 * oracle.c - translit.h and loanlike.h answering the extractor.
 *
 * A word counts as a loanword only on two kinds of evidence together. The
 * transliterator's: the best candidate is an exact rendering (distance 0) of
 * a word hunspell knows, and a compound of two or more English words needs
 * four syllables or more, because short Sino words are easily spelled by two
 * tiny English words (조작 = jaw + jack). The spelling's: loanlike.h's
 * P(loanword) is at least LOAN_P_EXACT, read as a compound of parts of two
 * syllables or more when the candidate is a compound (게임체인저 = 게임 +
 * 체인저). Many Sino-Korean words are exact renderings of something (강연 =
 * gang yearn, 인물 = in mule); their spelling reads native (P < 0.02).
 */
#include <assert.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "align/loanlike.h"
#include "align/oracle.h"
#include "align/translit.h"
#include "extract/extract.h"
#include "extract/lexicon.h"
#include "text/korean.h"
#include "util/strmap.h"
#include "util/xmalloc.h"
#include "util/banned.h"

/*
 * One oracle per context (dadeum.h). The translit handle is per thread (a
 * lookup keeps scratch state in it), made on a thread's first question so
 * that a context that never extracts pays nothing for hunspell, and kept in
 * the oracle's list so that align_oracle_free releases every thread's. The
 * answers already given are shared by all threads: a corpus repeats its
 * words, and a lookup costs milliseconds.
 */
struct align_oracle {
    struct extract_oracle iface; /* what the extractor calls, data = this */
    pthread_key_t key;           /* this thread's struct translit * */
    pthread_mutex_t mu;          /* guards the fields below */
    struct translit **handles;   /* every thread's handle, freed with the oracle */
    size_t nhandles, ahandles;
    struct strmap loan_cache;     /* word -> (void *)1 yes, (void *)2 no */
    struct strmap english_cache;  /* gloss -> struct cached_english * */
    struct strmap loanlike_cache; /* word -> double *, oracle_loanlike's answers */
};

/*
 * At most this many answers are kept in each of the oracle's caches; a full
 * cache starts over, so that a long run's memory stays flat. The extractor
 * asks about the same few words again and again (one 8 KB release: 185
 * questions of the spelling model about 31 words, an answer costing about
 * 11,000 instructions; a transliteration costs far more).
 */
#define ORACLE_CACHE_MAX 4096

struct cached_english {
    double confidence; /* 0 when there is no rendering */
    unsigned sources;  /* enum extract_en_source */
    char en[];         /* the rendering, NUL-terminated */
};

/*
 * Keeps value as the answer for key, under the oracle's lock. When another
 * thread answered meanwhile, value is freed (it is the same answer);
 * free_value is NULL for values that are not memory of their own.
 */
static void cache_put(struct align_oracle *o, struct strmap *cache, const char *key, size_t len,
                      void *value, void (*free_value)(void *))
{
    pthread_mutex_lock(&o->mu);
    if (cache->len >= ORACLE_CACHE_MAX) {
        strmap_release(cache, free_value);
        *cache = (struct strmap)STRMAP_INIT;
    }
    int created;
    struct strmap_entry *e = strmap_put(cache, key, len, &created);
    if (created)
        e->value = value;
    else if (free_value)
        free_value(value);
    pthread_mutex_unlock(&o->mu);
}

static struct translit *get(struct align_oracle *o)
{
    struct translit *t = pthread_getspecific(o->key);
    if (!t) {
        t = translit_new(0, NULL);
        if (pthread_setspecific(o->key, t))
            abort(); /* out of memory, as xmalloc would abort */
        pthread_mutex_lock(&o->mu);
        ALLOC_GROW(o->handles, o->nhandles + 1, o->ahandles);
        o->handles[o->nhandles++] = t;
        pthread_mutex_unlock(&o->mu);
    }
    return t;
}

static int lookup_is_loanword(struct align_oracle *o, const char *s, size_t len);

static int oracle_is_loanword(void *data, const char *s, size_t len)
{
    struct align_oracle *o = data;
    if (!len)
        return 0;
    pthread_mutex_lock(&o->mu);
    uintptr_t v = (uintptr_t)strmap_get(&o->loan_cache, s, len);
    pthread_mutex_unlock(&o->mu);
    if (!v) {
        v = lookup_is_loanword(o, s, len) ? 1 : 2;
        cache_put(o, &o->loan_cache, s, len, (void *)v, NULL);
    }
    return v == 1;
}

/*
 * The least P(loanword) of an exact rendering, in log-odds (P = 0.1). The
 * words the oracle is asked about are those the syllable test could not
 * decide, mostly hanja readings throughout, where the model is least sure
 * (게임 0.29, 피자 0.10). On the held-out words of gen_loanlike.c that the
 * transliterator renders exactly, P >= 0.1 keeps 591 of the 597 loanwords
 * and drops 15 of the 19 native words.
 */
#define LOAN_LOGODDS_EXACT (-2.1972245773362196) /* ln(0.1 / 0.9) */
/* The least P(loanword) of a rendering one jamo off (P = 0.95). */
#define LOAN_LOGODDS_SURE 2.9444389791664403 /* ln(0.95 / 0.05) */

static int lookup_is_loanword(struct align_oracle *o, const char *s, size_t len)
{
    /* the spelling model first: it costs little, and when it rejects the word
     * read whole and (four syllables or more) at its best split, no reading
     * can make it a loanword; the transliterator's search of the index is the
     * costly part (most words asked about are hanja readings: 인공지능) */
    double whole = loanlike_logodds(s, len);
    int split_ok = ko_syllable_count(s, len) >= 4;
    double split = split_ok ? loanlike_compound_logodds(s, len, 2) : whole;
    if (whole < LOAN_LOGODDS_EXACT && (!split_ok || split < LOAN_LOGODDS_EXACT))
        return 0;
    struct translit_candidate c[1];
    if (translit_lookup(get(o), s, len, c, 1) < 1)
        return 0;
    if (!(c[0].flags & TRANSLIT_CAND_WORD))
        return 0;
    int compound = (c[0].flags & TRANSLIT_CAND_COMPOUND) != 0;
    /* a spelling the orthography's rules do not give exactly, within one jamo of an
     * English word (프로토타입 for prototype, where the rules write 프로토타이프;
     * 인플루엔자): a loanword when the spelling model is sure of it */
    if (c[0].distance != 0)
        return !compound && c[0].distance <= 10 && whole >= LOAN_LOGODDS_SURE;
    if (compound && !split_ok)
        return 0;
    return (compound ? split : whole) >= LOAN_LOGODDS_EXACT;
}

static double lookup_english(struct align_oracle *o, const char *gloss, size_t len,
                             struct strbuf *out, unsigned *sources);

static double oracle_english(void *data, const char *gloss, size_t len, struct strbuf *out,
                             unsigned *sources)
{
    struct align_oracle *o = data;
    unsigned src = 0;
    pthread_mutex_lock(&o->mu);
    const struct cached_english *ce = strmap_get(&o->english_cache, gloss, len);
    double c = ce ? ce->confidence : 0;
    if (ce && c > 0) {
        strbuf_addstr(out, ce->en);
        src = ce->sources;
    }
    pthread_mutex_unlock(&o->mu);
    if (ce) {
        if (sources)
            *sources = src;
        return c;
    }
    struct strbuf en = STRBUF_INIT;
    c = lookup_english(o, gloss, len, &en, &src);
    struct cached_english *nce = xmalloc(sizeof(*nce) + en.len + 1);
    nce->confidence = c;
    nce->sources = c > 0 ? src : 0;
    memcpy(nce->en, en.buf, en.len + 1);
    cache_put(o, &o->english_cache, gloss, len, nce, free);
    if (c > 0)
        strbuf_addbuf(out, &en);
    if (sources)
        *sources = c > 0 ? src : 0;
    strbuf_release(&en);
    return c;
}

static double lookup_english(struct align_oracle *o, const char *gloss, size_t len,
                             struct strbuf *out, unsigned *sources)
{
    struct strbuf en = STRBUF_INIT;
    double conf = 0;
    unsigned how = 0;
    double weakest = 0;
    int kept = translit_gloss_sources(get(o), gloss, len, &en, &how, &weakest);
    *sources = (how & TRANSLIT_SRC_TRANSLIT ? EXTRACT_EN_TRANSLIT : 0) |
               (how & TRANSLIT_SRC_TABLE ? EXTRACT_EN_TABLE : 0);
    if (kept == 0 && en.len) {
        /* the weakest transliterated part decides; words the tables spell are sure */
        conf = weakest;
        strbuf_addbuf(out, &en);
    }
    strbuf_release(&en);
    return conf;
}

/* The spelling model's log-odds, at the best split into two parts for a compound
 * (게임체인저 reads as 게임 + 체인저: -0.9, not -4.3 as one word). */
static double oracle_loanlike(void *data, const char *s, size_t len)
{
    struct align_oracle *o = data;
    pthread_mutex_lock(&o->mu);
    const double *c = strmap_get(&o->loanlike_cache, s, len);
    double z = c ? *c : 0;
    pthread_mutex_unlock(&o->mu);
    if (c)
        return z;
    z = loanlike_compound_logodds(s, len, 2);
    double *nc = xmalloc(sizeof(*nc));
    *nc = z;
    cache_put(o, &o->loanlike_cache, s, len, nc, free);
    return z;
}

struct align_oracle *align_oracle_new(void)
{
    struct align_oracle *o = xcalloc(1, sizeof(*o));
    o->iface.data = o;
    o->iface.is_loanword = oracle_is_loanword;
    o->iface.english = oracle_english;
    o->iface.loanlike = oracle_loanlike;
    if (pthread_key_create(&o->key, NULL) || pthread_mutex_init(&o->mu, NULL))
        abort(); /* out of keys or memory: nothing to run on */
    return o;
}

const struct extract_oracle *align_oracle_get(const struct align_oracle *o)
{
    assert(o);
    return &o->iface;
}

void align_oracle_prepare_threads(struct align_oracle *o)
{
    assert(o);
    get(o);
}

void align_oracle_free(struct align_oracle *o)
{
    if (!o)
        return;
    for (size_t i = 0; i < o->nhandles; i++)
        translit_free(o->handles[i]);
    free(o->handles);
    strmap_release(&o->loan_cache, NULL);
    strmap_release(&o->english_cache, free);
    strmap_release(&o->loanlike_cache, free);
    pthread_key_delete(o->key);
    pthread_mutex_destroy(&o->mu);
    free(o);
}
