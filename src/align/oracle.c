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

static _Thread_local struct translit *handle;
/*
 * Answers already given, shared by all threads: a corpus repeats its words,
 * and a lookup costs milliseconds. Only the translit handle is per thread.
 */
static pthread_mutex_t cache_mu = PTHREAD_MUTEX_INITIALIZER;
static struct strmap loan_cache;    /* word -> (void *)1 yes, (void *)2 no */
static struct strmap english_cache; /* gloss -> struct cached_english * */

struct cached_english {
    double confidence; /* 0 when there is no rendering */
    unsigned sources;  /* enum extract_en_source */
    char en[];         /* the rendering, NUL-terminated */
};

static struct translit *get(void)
{
    if (!handle)
        handle = translit_new(0, NULL);
    return handle;
}

static int lookup_is_loanword(const char *s, size_t len);

static int oracle_is_loanword(const char *s, size_t len)
{
    if (!len)
        return 0;
    pthread_mutex_lock(&cache_mu);
    uintptr_t v = (uintptr_t)strmap_get(&loan_cache, s, len);
    pthread_mutex_unlock(&cache_mu);
    if (!v) {
        v = lookup_is_loanword(s, len) ? 1 : 2;
        pthread_mutex_lock(&cache_mu);
        strmap_put(&loan_cache, s, len, NULL)->value = (void *)v;
        pthread_mutex_unlock(&cache_mu);
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

static int lookup_is_loanword(const char *s, size_t len)
{
    struct translit_candidate c[1];
    if (translit_lookup(get(), s, len, c, 1) < 1)
        return 0;
    if (c[0].distance != 0 || !(c[0].flags & TRANSLIT_CAND_WORD))
        return 0;
    int compound = (c[0].flags & TRANSLIT_CAND_COMPOUND) != 0;
    if (compound && ko_syllable_count(s, len) < 4)
        return 0;
    double lo = compound ? loanlike_compound_logodds(s, len, 2) : loanlike_logodds(s, len);
    return lo >= LOAN_LOGODDS_EXACT;
}

static double lookup_english(const char *gloss, size_t len, struct strbuf *out, unsigned *sources);

static double oracle_english(const char *gloss, size_t len, struct strbuf *out, unsigned *sources)
{
    unsigned src = 0;
    pthread_mutex_lock(&cache_mu);
    const struct cached_english *ce = strmap_get(&english_cache, gloss, len);
    double c = ce ? ce->confidence : 0;
    if (ce && c > 0) {
        strbuf_addstr(out, ce->en);
        src = ce->sources;
    }
    pthread_mutex_unlock(&cache_mu);
    if (ce) {
        if (sources)
            *sources = src;
        return c;
    }
    struct strbuf en = STRBUF_INIT;
    c = lookup_english(gloss, len, &en, &src);
    struct cached_english *nce = xmalloc(sizeof(*nce) + en.len + 1);
    nce->confidence = c;
    nce->sources = c > 0 ? src : 0;
    memcpy(nce->en, en.buf, en.len + 1);
    pthread_mutex_lock(&cache_mu);
    int created;
    struct strmap_entry *e = strmap_put(&english_cache, gloss, len, &created);
    if (created)
        e->value = nce;
    else
        free(nce); /* another thread answered meanwhile: the same answer */
    pthread_mutex_unlock(&cache_mu);
    if (c > 0)
        strbuf_addbuf(out, &en);
    if (sources)
        *sources = c > 0 ? src : 0;
    strbuf_release(&en);
    return c;
}

static double lookup_english(const char *gloss, size_t len, struct strbuf *out, unsigned *sources)
{
    struct strbuf en = STRBUF_INIT;
    double conf = 0;
    unsigned how = 0;
    int kept = translit_gloss_sources(get(), gloss, len, &en, &how);
    *sources = (how & TRANSLIT_SRC_TRANSLIT ? EXTRACT_EN_TRANSLIT : 0) |
               (how & TRANSLIT_SRC_TABLE ? EXTRACT_EN_TABLE : 0);
    if (kept == 0 && en.len) {
        /* the weakest part decides: look each Hangul run up again for its score */
        conf = 1.0;
        for (size_t i = 0; i < len;) {
            uint32_t c0 = (unsigned char)gloss[i];
            size_t j = i;
            if (c0 < 0x80) {
                i++;
                continue;
            }
            while (j < len && (unsigned char)gloss[j] >= 0x80)
                j++;
            struct translit_candidate c[1];
            if (translit_lookup(get(), gloss + i, j - i, c, 1) == 1 && c[0].score < conf)
                conf = c[0].score;
            i = j;
        }
        strbuf_addbuf(out, &en);
    }
    strbuf_release(&en);
    return conf;
}

/* The spelling model's log-odds, at the best split into two parts for a compound
 * (게임체인저 reads as 게임 + 체인저: -0.9, not -4.3 as one word). */
static double oracle_loanlike(const char *s, size_t len)
{
    return loanlike_compound_logodds(s, len, 2);
}

static const struct extract_oracle oracle = {oracle_is_loanword, oracle_english, oracle_loanlike};

void align_install_oracle(void)
{
    extract_set_oracle(&oracle);
}

void align_release_oracle(void)
{
    translit_free(handle);
    handle = NULL;
}

void align_release_oracle_cache(void)
{
    pthread_mutex_lock(&cache_mu);
    strmap_release(&loan_cache, NULL);
    strmap_release(&english_cache, free);
    pthread_mutex_unlock(&cache_mu);
}

void align_prepare_threads(void)
{
    get();
    lexicon_init();
}
