/*
 * translit.c - Hangul loanword -> English by search in the rendered index.
 *
 * Lookup of one word (see translit.h for the data):
 *
 *   1. decompose the Korean word into jamo codes q[0..n);
 *   2. walk the tries of the renderings whose first code is close to q[0]
 *      (the first consonant of a loanword is rarely far off), computing the
 *      weighted jamo distance one column per node, so that renderings that
 *      share a prefix share its columns, and leaving a subtree as soon as its
 *      column is beyond the limit or it holds no rendering whose length is
 *      close enough to n;
 *   3. keep each English word once, at its best rendering, and rank by
 *      distance plus penalties: a word hunspell rejects in lower case (a
 *      name), a spelling-influenced or customary rendering or a letter
 *      reading (slightly), a plural or past form, a word mostly used as
 *      a verb or adjective (Korean borrows nouns) or a function word, and
 *      rarity: the word's SCOWL size tier, a real frequency class (Debian's
 *      scowl; sale is in the commonest list, sail in the next). Remaining
 *      ties go to the word with the larger CMU
 *      family (cloud: clouds, cloudy ...);
 *   4. when no single word is an exact rendering, split the Korean word at
 *      syllable boundaries into two or three parts, each a real word
 *      (게임+체인저), and rank the compound with the singles. 제10항 1 of the
 *      orthography writes each part of a compound as it stands alone, which
 *      is what makes this search valid;
 *   4b. a word that begins with the Hangul name of K or e whose rest reads as
 *      a word is also that word prefixed (케이팝 K-pop, 이커머스 e-commerce);
 *   5. a word that is wholly the names of Latin letters (시에스, 티브이,
 *      에스엔에스) also reads as that initialism (CS, TV, SNS), ranked at
 *      TW_letter_names: above a near rendering (shies, tb, essence), below
 *      an exact one of a common word (아이 eye, 이지 easy).
 *
 * All costs are in tenths of a plain jamo substitution.
 */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "align/attested.h"
#include "align/translit.h"
#include "align/translit_int.h"
#include "extract/lexicon.h"
#include "text/korean.h"
#include "util/utf8.h"
#include "util/strmap.h"
#include "util/wordlist.h"
#include "util/xmalloc.h"
#include "util/banned.h"

#define MIN_INDEL 3      /* cheapest insertion or deletion (a null initial ㅇ) */
#define FIRST_MAX_COST 5 /* first-code buckets scanned: substitution cost <= this */
#define RANK_POOL 48     /* words spell-checked and ranked per lookup */
/*
 * The ranking's weights (glossaries/model/translit.tsv, fitted by
 * tests/fit_translit.py), in tenths of a plain jamo substitution:
 *   TW_name          a word hunspell rejects (proper names, rare forms)
 *   TW_variant       a spelling-influenced, compound or derived rendering
 *   TW_customary     a customary rendering (빅, 스코어)
 *   TW_letter        a letter reading that ko.dic attests (사우나)
 *   TW_inflected     a plural or past form: loanwords take the base form
 *   TW_not_noun      a word mostly used as a verb or adjective (break, not brake)
 *   TW_function      a function word, never borrowed alone (via, not buyer)
 *   TW_tier_none     a word in no SCOWL list (see tier_penalty)
 *   TW_tier_tenths   tenths of a unit per SCOWL tier
 *   TW_split         per split of a compound
 *   TW_prefix        a letter prefix read off the word (K-pop, step 4b)
 *   TW_join          bonus: the parts of a compound form one known word
 *   TW_colloc        bonus: ... or a compound WordNet lists as separate words
 *   TW_letter_names  the rank of an initialism spelled out in letter names (step 5)
 *   TW_pair          the attested prior's weight (see count_prior)
 */
#include "translit_weights.h"
#define MAX_SYLLABLES 30 /* longer input is refused */
#define MAX_SPLIT_SYL 10 /* longer words are not split */

/*
 * The attested prior (attested.h), in tenths, subtracted from a word's rank:
 * TW_pair * log2(1 + c), c the messages of Debian's Korean catalogues
 * that show the word beside a Hangul spelling within NEAR_LIMIT of the query.
 * Fit on tests/data/translit/dev.tsv by grid search (PAIR 0..12, NEAR 0..8):
 * top-1 0.936 at PAIR 0, 0.944 for PAIR 2..12 at NEAR 0; any NEAR > 0 lost
 * (0.936 at 3, <= 0.933 at 5), so only the exact spelling counts. Also
 * tried and dropped: a prior on the word's count over all spellings (0.893
 * at its smallest useful weight).
 */
#define NEAR_LIMIT 0

/*
 * Ranked words already found (rank_words), by query: one document asks about
 * the same words and the same parts of words again and again (a word the
 * loanword test asked about is glossed next; 사업 is a part of many words),
 * and each answer costs a scan of the index. At most RANK_CACHE_MAX answers of
 * up to RANK_POOL words each are kept (about 4 MB); a full cache starts over,
 * so that a long run's memory stays flat.
 */
#define RANK_CACHE_MAX 4096

struct translit {
    int spell; /* rank with hunspell en_US's verdicts (asked at build time), or not */
    struct strmap rank_cache; /* query jamo, limit, prior -> struct ranked * */
};

/* hunspell's verdict on the index word at offset off (build time). */
static uint8_t word_spelled(uint32_t off)
{
    return (translit_word_spelled[off / 8] >> (off % 8)) & 1;
}

/* One English word found by the scan. */
struct hit {
    uint32_t word;   /* offset in translit_words */
    int dist;        /* best jamo distance over its renderings */
    int rank;        /* dist with the penalties and bonus of step 3 */
    uint8_t variant; /* enum translit_variant */
    uint8_t family;
    uint8_t tier;      /* SCOWL frequency tier, TRANSLIT_TIER_NONE when unlisted */
    uint8_t inflected; /* a plural or past form */
    uint8_t spelled;   /* 1 a word (hunspell or SCOWL up to 80 says so), 0 not, 2 not checked */
    uint8_t hunspell;  /* hunspell's own answer: 1 accepted, 0 not, 2 not checked */
    uint8_t eflags;    /* the entry's flags (enum translit_entry_flags) */
};

/* The best readings of a part of the query, for compounds. */
#define PART_TOP 8
struct part {
    int done;                 /* 1 once looked up */
    size_t n;                 /* readings found */
    int rank[PART_TOP];       /* rank of each real word */
    int dist[PART_TOP];       /* its distance */
    uint32_t word[PART_TOP];  /* its offset in translit_words */
    uint8_t eflags[PART_TOP]; /* its flags (enum translit_entry_flags) */
};

#define INT_MAX_RANK 100000

/* The prior, in tenths, of a pair the catalogues attest c times. */
static int count_prior(unsigned c)
{
    return c ? (int)lround(TW_pair * log2(1.0 + c)) : 0;
}

/* The attested prior of word w for the Hangul word q[0..n), in tenths. */
static int attested_prior(const unsigned char *q, size_t n, const char *w)
{
    return count_prior(attested_near_count(q, n, w, NEAR_LIMIT));
}

/*
 * The Korean stems of a query q[0..n) that ends in the -ing syllable (C + 잉),
 * written into stem[k] with their lengths in len[k]; returns how many (0 when q
 * does not end so). The consonant of the syllable is the stem's last: none or
 * ㄹ ends the stem (라벨링: 라벨, 모니터링: 모니터), a nasal is its 받침 (러닝: 런,
 * 스트리밍: 스트림), and another is written with 으 (블로깅: 블로그; ㅈ and ㅊ
 * with 이: 매칭: 매치; ㅅ both ways: 소싱: 소스, 캐싱: 캐시) or as a 받침 (쇼핑:
 * 숍, 마케팅: 마켓).
 */
static size_t ing_stems(const unsigned char *q, size_t n, unsigned char stem[3][TRANSLIT_MAX_JAMO],
                        size_t len[3])
{
    size_t pn, k = 0;
    int c, open;

    if (n < 5 || q[n - 1] != JAMO_FIN + FIN_NG || q[n - 2] != JAMO_MED + MED_I ||
        q[n - 3] >= JAMO_MED)
        return 0;
    pn = n - 3; /* the stem's jamo, before the -ing syllable */
    c = q[n - 3] - JAMO_INI;
    open = q[pn - 1] >= JAMO_MED && q[pn - 1] <= JAMO_FIN; /* the stem ends in a vowel */
    for (size_t i = 0; i < 3; i++)
        memcpy(stem[i], q, pn);
    if (c == INI_NULL || c == INI_R || ((c == INI_N || c == INI_M) && !open)) {
        len[k++] = pn;
        return k;
    }
    if (c == INI_N || c == INI_M) {
        stem[k][pn] = (unsigned char)(JAMO_FIN + (c == INI_N ? FIN_N : FIN_M));
        len[k++] = pn + 1;
        return k;
    }
    stem[k][pn] = q[n - 3];
    stem[k][pn + 1] = (unsigned char)(JAMO_MED + (c == INI_J || c == INI_CH ? MED_I : MED_EU));
    len[k++] = pn + 2;
    if (c == INI_S) {
        stem[k][pn] = q[n - 3];
        stem[k][pn + 1] = JAMO_MED + MED_I;
        len[k++] = pn + 2;
    }
    int fin = c == INI_B || c == INI_P   ? FIN_B
              : c == INI_G || c == INI_K ? FIN_G
              : c == INI_D || c == INI_T ? FIN_S
                                         : FIN_NONE;
    if (open && fin != FIN_NONE) {
        stem[k][pn] = (unsigned char)(JAMO_FIN + fin);
        len[k++] = pn + 1;
    }
    return k;
}

/*
 * The attested prior of an -ing reading w of q through its stem: the
 * catalogues attest 소스 as source, so 소싱 is sourcing, not saucing (and 캐시
 * as cache: 캐싱 is caching, not cashing). The English stem is w less -ing, with a final e
 * (sourc-e) or one of a doubled consonant (blogg-ing) back. 0 when w is no
 * -ing form or no stem pair is attested.
 */
static int ing_prior(const unsigned char *q, size_t n, const char *w)
{
    unsigned char stem[3][TRANSLIT_MAX_JAMO];
    size_t len[3], ns, wl = strlen(w);
    char en[TRANSLIT_EN_MAX];
    unsigned best = 0;

    if (wl < 6 || wl >= sizeof(en) || strcmp(w + wl - 3, "ing") ||
        !(ns = ing_stems(q, n, stem, len)))
        return 0;
    for (int form = 0; form < 3; form++) {
        size_t el = wl - 3;
        memcpy(en, w, el);
        if (form == 1)
            en[el++] = 'e';
        else if (form == 2 && en[el - 1] == en[el - 2] && !strchr("aeiou", en[el - 1]))
            el--;
        else if (form == 2)
            continue;
        en[el] = '\0';
        for (size_t k = 0; k < ns; k++) {
            unsigned c = attested_pair_count(stem[k], len[k], en);
            if (c > best)
                best = c;
        }
    }
    return count_prior(best);
}

struct translit *translit_new(unsigned flags, enum spell_status *spell_status)
{
    struct translit *t = xcalloc(1, sizeof(*t));

    /* hunspell's verdicts are in the index unless the build went without it */
    t->spell = !(flags & TRANSLIT_NO_SPELL) && translit_spell_known;
    if (spell_status)
        *spell_status = t->spell || (flags & TRANSLIT_NO_SPELL) ? SPELL_OK : SPELL_ENOENT;
    translit_jamo_sub_cost(JAMO_INI, JAMO_INI); /* builds the cost tables now, not mid-lookup */
    return t;
}

void translit_free(struct translit *t)
{
    if (!t)
        return;
    strmap_release(&t->rank_cache, free);
    free(t);
}

size_t translit_index_size(void)
{
    return translit_entry_count;
}

/* Largest distance still credible for a query of syl syllables. */
static int credible_limit(size_t syl)
{
    int l = 4 * (int)syl;
    return l < 5 ? 5 : l > 24 ? 24 : l;
}

static int cmp_hit_word(const void *pa, const void *pb)
{
    const struct hit *a = pa, *b = pb;
    if (a->word != b->word)
        return a->word < b->word ? -1 : 1;
    if (a->dist != b->dist)
        return a->dist - b->dist;
    return a->variant - b->variant;
}

static int cmp_hit_dist(const void *pa, const void *pb)
{
    const struct hit *a = pa, *b = pb;
    if (a->dist != b->dist)
        return a->dist - b->dist;
    return a->family != b->family ? b->family - a->family : (a->word < b->word ? -1 : 1);
}

static int cmp_hit_rank(const void *pa, const void *pb)
{
    const struct hit *a = pa, *b = pb;
    if (a->rank != b->rank)
        return a->rank - b->rank;
    if (a->dist != b->dist)
        return a->dist - b->dist;
    /* homophones: the larger family, then the shorter spelling (shop, shoppe) */
    if (a->family != b->family)
        return b->family - a->family;
    if (strlen(translit_words + a->word) != strlen(translit_words + b->word))
        return strlen(translit_words + a->word) < strlen(translit_words + b->word) ? -1 : 1;
    return strcmp(translit_words + a->word, translit_words + b->word);
}

/*
 * Sorts n hits by cmp, stably: by insertion when they are few, as they
 * mostly are (17 rankings of 505 hits in all for a press release), else by
 * qsort (glibc 2.36's merge sort, stable in practice though the standard
 * promises no order for equal keys; only cmp_hit_word has them, hits of one
 * word at one distance and variant). qsort's calls through a pointer cost a
 * one-document run 0.3 M instructions, most of them on arrays of a few dozen.
 */
static inline void sort_hits(struct hit *h, size_t n, int (*cmp)(const void *, const void *))
{
    if (n > 64) {
        qsort(h, n, sizeof(*h), cmp);
        return;
    }
    for (size_t i = 1; i < n; i++) {
        struct hit x = h[i];
        size_t j = i;
        for (; j > 0 && cmp(&h[j - 1], &x) > 0; j--)
            h[j] = h[j - 1];
        h[j] = x;
    }
}

/*
 * One query of a scan (step 2): the first n jamo of the scanned word, with the
 * entries within limit of them found so far.
 */
struct scan_query {
    size_t n;
    int limit;
    struct hit *hits;
    size_t nh, alloc;
};

/*
 * The distance column cur after index jamo b, from the column prev before it
 * (translit_int.h). Returns 1 when some row is within limit, 0 when none is:
 * then no word that continues the prefix is within limit either (no row of a
 * column is below the least of the column before). limit < TRANSLIT_COL_MAX,
 * so that the rows past the query's, which hold TRANSLIT_COL_MAX, are never
 * within it.
 *
 * With SSE2 the rows are computed 16 at a time: the diagonal and deletion
 * moves of a block first, then the insertion moves down the column as a
 * running minimum: the row above the block (one insertion on) into its first
 * row, then four doubling steps, each adding the insertion costs of the rows
 * it crosses (ins[s]: 2^s rows). Saturating adds give the values of the row by
 * row loop below, which computes them without SSE2.
 */
static inline int column(const struct translit_jamo_profile *p, unsigned b,
                         const unsigned char *prev, unsigned char *cur, int limit)
{
    const unsigned char *row = p->sub[b];

#ifdef __SSE2__
    const __m128i max = _mm_set1_epi8((char)TRANSLIT_COL_MAX);
    const __m128i del = _mm_load_si128((const __m128i *)p->del[b]);
    __m128i last = max, least = max; /* the block above; the least value of each lane */
    for (size_t r = 0; r <= p->n; r += 16) {
        __m128i diag = _mm_loadu_si128((const __m128i *)(prev + r - 1));
        __m128i up = _mm_load_si128((const __m128i *)(prev + r));
        __m128i ins = _mm_load_si128((const __m128i *)(p->ins[0] + r));
        __m128i v = _mm_min_epu8(_mm_adds_epu8(diag, _mm_load_si128((const __m128i *)(row + r))),
                                 _mm_adds_epu8(up, del));
        /* the row above the block into its first row: lanes 1..15 stay at the maximum */
        v = _mm_min_epu8(
            v, _mm_adds_epu8(_mm_or_si128(_mm_srli_si128(last, 15), _mm_slli_si128(max, 1)), ins));
        /* the lanes shifted in hold the maximum: a row above the block adds nothing now */
        v = _mm_min_epu8(
            v, _mm_adds_epu8(_mm_or_si128(_mm_slli_si128(v, 1), _mm_srli_si128(max, 15)), ins));
        v = _mm_min_epu8(v,
                         _mm_adds_epu8(_mm_or_si128(_mm_slli_si128(v, 2), _mm_srli_si128(max, 14)),
                                       _mm_load_si128((const __m128i *)(p->ins[1] + r))));
        v = _mm_min_epu8(v,
                         _mm_adds_epu8(_mm_or_si128(_mm_slli_si128(v, 4), _mm_srli_si128(max, 12)),
                                       _mm_load_si128((const __m128i *)(p->ins[2] + r))));
        v = _mm_min_epu8(v,
                         _mm_adds_epu8(_mm_or_si128(_mm_slli_si128(v, 8), _mm_srli_si128(max, 8)),
                                       _mm_load_si128((const __m128i *)(p->ins[3] + r))));
        _mm_store_si128((__m128i *)(cur + r), v);
        least = _mm_min_epu8(least, v);
        last = v;
    }
    __m128i lim = _mm_set1_epi8((char)limit);
    return _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(least, lim), least)) != 0;
#else
    int within = 0;
    for (size_t i = 0; i <= p->n; i++) {
        unsigned v = prev[i] + p->del[b][0], d = prev[i - 1] + row[i];
        if (d < v)
            v = d;
        if (i && cur[i - 1] + p->ins[0][i] < v)
            v = cur[i - 1] + p->ins[0][i];
        cur[i] = (unsigned char)(v < TRANSLIT_COL_MAX ? v : TRANSLIT_COL_MAX);
        within |= (int)v <= limit;
    }
    return within;
#endif
}

/*
 * What the rest of a scan's one query costs at least, by row: cost[r][i] is
 * the least sum of the insertion costs of the query jamo after row i that a
 * word with r more jamo below the column cannot pair with (the cheapest
 * n - i - r of them, n the query's length); 0 where r covers them,
 * TRANSLIT_COL_MAX past n. Filled by reach_fill for a scan of one query (a
 * whole word): the parts of a compound are scanned together, and their
 * shortest query, whose few jamo any word soon covers, would keep nearly
 * every node that the others let go (the test cost the parts of
 * 클라우드컴퓨팅 more than it saved).
 */
struct scan_reach {
    size_t rows; /* rows 0 .. rows - 1 read, in blocks of 16 */
    size_t rmax; /* r below it has a row of costs: the query's length; 0: no table */
    int limit;   /* the query's limit */
    _Alignas(16) unsigned char cost[TRANSLIT_MAX_JAMO][TRANSLIT_COL_ROWS];
};

/*
 * Whether some row of column col is within the query's limit once what the
 * rest of the query costs at least, with r more jamo of the index word left,
 * is added: if none is, no word of the subtree is within reach, as any
 * alignment leaves the column at some row and pairs at most r more query
 * jamo. column() weighs only what was spent; this prunes a long query's scan
 * among short words, where a prefix of the query is near and every word far
 * (17 jamo against 4: the whole-word scan of 클라우드컴퓨팅, 1.64 M
 * instructions, takes 0.65 M).
 */
static inline int within_reach(const struct scan_reach *reach, const unsigned char *col, size_t r)
{
    if (r >= reach->rmax)
        return 1;
    const unsigned char *pen = reach->cost[r];
#ifdef __SSE2__
    __m128i least = _mm_set1_epi8((char)TRANSLIT_COL_MAX);
    for (size_t i = 0; i < reach->rows; i += 16)
        least = _mm_min_epu8(least, _mm_adds_epu8(_mm_load_si128((const __m128i *)(col + i)),
                                                  _mm_load_si128((const __m128i *)(pen + i))));
    __m128i lim = _mm_set1_epi8((char)reach->limit);
    return _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(least, lim), least)) != 0;
#else
    for (size_t i = 0; i < reach->rows; i++)
        if ((int)col[i] + pen[i] <= reach->limit)
            return 1;
    return 0;
#endif
}

/* Fills reach for the queries qs[0..nq) of the query whose profile is prof: a
 * table for one, none for more. */
static void reach_fill(struct scan_reach *reach, const struct translit_jamo_profile *prof,
                       const struct scan_query *qs, size_t nq)
{
    size_t n = qs[0].n;
    reach->rmax = nq == 1 ? n : 0;
    reach->rows = (n + 1 + 15) / 16 * 16; /* whole blocks, as within_reach reads */
    reach->limit = qs[0].limit;
    for (size_t r = 0; r < reach->rmax; r++)
        memset(reach->cost[r], TRANSLIT_COL_MAX, reach->rows);
    /* c: the insertion costs of q[i .. n), cheapest first, one more for each row
     * from the last up (q[i]'s is prof->ins[0][i + 1]) */
    unsigned c[TRANSLIT_MAX_JAMO], m = 0;
    for (size_t i = reach->rmax ? n + 1 : 0; i-- > 0;) {
        if (i < n) {
            unsigned v = prof->ins[0][i + 1], x = m++;
            for (; x > 0 && c[x - 1] > v; x--)
                c[x] = c[x - 1];
            c[x] = v;
        }
        /* r more jamo pair r of them: the cheapest m - r are inserted */
        unsigned sum = 0;
        for (size_t r = n; r-- > 0;) {
            if (r < m)
                sum += c[m - 1 - r];
            reach->cost[r][i] = (unsigned char)(sum < TRANSLIT_COL_MAX ? sum : TRANSLIT_COL_MAX);
        }
    }
}

/*
 * Whether query q takes a rendering of d jamo whose last distance column is
 * last: within its limit, and of a length within the limit's reach.
 */
static int query_takes(const struct scan_query *q, const unsigned char *last, size_t d)
{
    size_t slack = (size_t)q->limit / MIN_INDEL;
    return last[q->n] <= q->limit && d <= q->n + slack && d + slack >= q->n;
}

/*
 * Appends the nend entries that end at trie node node, whose renderings of d
 * jamo end in the column last, to the queries that take them. The entries are read
 * (translit_trie_first and translit_entries, which a scan would otherwise
 * fault in page by page) only when some query does.
 */
static void add_hits(struct scan_query *qs, size_t nq, const unsigned char *last, size_t d,
                     uint32_t node, unsigned nend)
{
    size_t x = 0;
    while (x < nq && !query_takes(&qs[x], last, d))
        x++;
    if (x == nq)
        return;
    for (uint32_t e = translit_trie_first[node], k = 0; k < nend; e++, k++) {
        const struct translit_entry *en = &translit_entries[e];
        for (x = 0; x < nq; x++) {
            struct scan_query *sq = &qs[x];
            if (!query_takes(sq, last, d))
                continue;
            ALLOC_GROW(sq->hits, sq->nh + 1, sq->alloc);
            struct hit *h = &sq->hits[sq->nh++];
            h->word = en->word;
            h->dist = last[sq->n];
            h->variant = en->variant;
            h->family = en->family;
            h->tier = en->tier;
            h->inflected = (en->flags & TRANSLIT_ENTRY_INFLECTED) != 0;
            h->eflags = en->flags;
            h->spelled = 2;
            h->hunspell = 2;
            h->rank = 0;
        }
    }
}

/*
 * The walk of step 2 over a run of the trie, the nodes [i, end) in preorder:
 * a node's column is computed from its parent's, col[depth - 1], which the
 * walk computed last at that depth; a subtree is left whole when it is too
 * deep, holds no rendering of a length in [lo, hi], or its column is beyond
 * limit. The top (scan) is walked alike, but for the step into each run: a loop
 * of its own, since one loop testing every node for that step, or one walk
 * calling itself, cost a one-document run 0.3 M instructions more.
 */
static inline void scan_run(const struct translit_jamo_profile *prof,
                            const struct scan_reach *reach, struct scan_query *qs, size_t nq,
                            unsigned char *const *col, uint32_t i, uint32_t end, size_t lo,
                            size_t hi, int limit)
{
    while (i < end) {
        const struct translit_trie_node *nd = &translit_trie[i];
        size_t d = nd->depth;
        if (d > hi || nd->maxlen < lo || !column(prof, nd->jamo, col[d - 1], col[d], limit) ||
            !within_reach(reach, col[d], (size_t)(nd->maxlen - d))) {
            i = nd->skip;
            continue;
        }
        if (nd->nend && d >= lo)
            add_hits(qs, nq, col[d], d, i, nd->nend);
        i++;
    }
}

/*
 * Step 2: appends to each query's hits every entry within its limit of its
 * prefix of q, in entry order. One pass serves every prefix: the distance
 * columns of q's first n jamo are the first n + 1 rows of q's, so an entry is
 * left early only when it is beyond the largest limit at every row (no row of
 * a column is ever below the least of the column before). The parts of a
 * compound (best_split) are the prefixes of a few suffixes of the word.
 */
static void scan(const unsigned char *q, struct scan_query *qs, size_t nq)
{
    size_t n = 0, lo = SIZE_MAX, hi = 0; /* lengths [lo, hi] can be within some limit */
    int limit = 0;
    /* col[j] (at TRANSLIT_COL_PAD in colbuf[j]) is the distance column after
     * j jamo of the current index word */
    static _Thread_local _Alignas(
        16) unsigned char colbuf[TRANSLIT_MAX_JAMO + 1][TRANSLIT_COL_SIZE];
    static _Thread_local int col_ready;
    unsigned char *col[TRANSLIT_MAX_JAMO + 1];
    static _Thread_local struct translit_jamo_profile prof;
    static _Thread_local struct scan_reach reach;

    for (size_t k = 0; k < nq; k++) {
        size_t slack = (size_t)qs[k].limit / MIN_INDEL; /* farther lengths cost more */
        if (qs[k].n > n)
            n = qs[k].n;
        if (qs[k].limit > limit)
            limit = qs[k].limit;
        if (qs[k].n - (qs[k].n < slack ? qs[k].n : slack) < lo)
            lo = qs[k].n - (qs[k].n < slack ? qs[k].n : slack);
        if (qs[k].n + slack > hi)
            hi = qs[k].n + slack;
    }
    /* the columns saturate at TRANSLIT_COL_MAX: credible_limit and part_limit
     * stay far below it */
    if (!nq || !n || n > TRANSLIT_MAX_JAMO || limit >= TRANSLIT_COL_MAX)
        return;
    for (size_t j = 0; j <= TRANSLIT_MAX_JAMO; j++) {
        if (!col_ready)
            translit_jamo_col_init(colbuf[j]);
        col[j] = colbuf[j] + TRANSLIT_COL_PAD;
    }
    col_ready = 1;
    translit_jamo_first_column(q, n, &prof, col[0]);
    reach_fill(&reach, &prof, qs, nq);
    for (unsigned c = JAMO_INI; c < JAMO_MED; c++) {
        uint32_t i = translit_trie_bucket[c - JAMO_INI],
                 end = translit_trie_bucket[c - JAMO_INI + 1];
        if (i == end || translit_jamo_sub_cost(q[0], c) > FIRST_MAX_COST)
            continue;
        /* the top's nodes of this bucket, each run after its node */
        while (i < end) {
            const struct translit_trie_node *nd = &translit_trie[i];
            size_t d = nd->depth;
            if (d > hi || nd->maxlen < lo || !column(&prof, nd->jamo, col[d - 1], col[d], limit) ||
                !within_reach(&reach, col[d], (size_t)(nd->maxlen - d))) {
                i = d == TRANSLIT_TRIE_TOP ? i + 1 : nd->skip;
                continue;
            }
            if (nd->nend && d >= lo)
                add_hits(qs, nq, col[d], d, i, nd->nend);
            if (d == TRANSLIT_TRIE_TOP)
                scan_run(&prof, &reach, qs, nq, col, translit_trie_down[nd->skip],
                         translit_trie_down[nd->skip + 1], lo, hi, limit);
            i++;
        }
    }
}

/*
 * Step 3's frequency signal: a word's SCOWL tier (gen_translit.c), one tenth
 * of a substitution per tier, so that between two renderings equally close
 * the commoner word wins (sale over sail). A word no SCOWL list has but
 * hunspell accepts (app, bio: newer than the lists) counts as tier 3: such
 * words are often the newest loanwords, and an exact rendering of one should
 * beat a near rendering of a common word (bio over via).
 */
static int tier_penalty(unsigned tier)
{
    return tier >= TRANSLIT_TIER_NONE ? TW_tier_none : ((int)tier * TW_tier_tenths + 5) / 10;
}

/*
 * A word mostly used as a verb or adjective ranks lower than a homophone that
 * is a noun and as likely, as Korean borrows nouns: 브레이크 is brake or break,
 * 셀 cell before sell. Only against such a homophone (the same distance and
 * kind of rendering, a rank at most the penalty behind): against other words
 * the penalty would only take confidence from a sure reading, 셋 set against
 * the variant sat and the rare sett.
 */
static void not_noun_ties(struct hit *h, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (!(h[i].eflags & TRANSLIT_ENTRY_NOT_NOUN))
            continue;
        for (size_t j = 0; j < n; j++)
            if (!(h[j].eflags & TRANSLIT_ENTRY_NOT_NOUN) && h[j].dist == h[i].dist &&
                h[j].variant == h[i].variant && h[j].rank <= h[i].rank + TW_not_noun) {
                h[i].rank += TW_not_noun;
                break;
            }
    }
}

/*
 * Step 3 for q: ranks the nh hits of its scan in h[], distinct words best
 * first, keeping at most RANK_POOL of them. prior: apply the attested prior
 * (whole words; the parts of a compound would make splits of attested words
 * win over single words: 로드+맵). Returns their number.
 */
static size_t rank_hits(struct translit *t, const unsigned char *q, size_t n, int prior,
                        struct hit *h, size_t nh)
{
    size_t k = 0;

    if (!nh)
        return 0;
    sort_hits(h, nh, cmp_hit_word);
    for (size_t i = 0; i < nh; i++)
        if (!k || h[k - 1].word != h[i].word)
            h[k++] = h[i];
    nh = k;
    sort_hits(h, nh, cmp_hit_dist);
    if (nh > RANK_POOL)
        nh = RANK_POOL;
    k = 0;
    for (size_t i = 0; i < nh; i++) {
        if (h[i].eflags & TRANSLIT_ENTRY_SHORT)
            continue;
        h[i].spelled = h[i].hunspell = t->spell ? (h[i].eflags & TRANSLIT_ENTRY_SPELLED) != 0 : 2;
        /* a word of SCOWL's lists up to size 80 is a word, not a name, even
         * where hunspell (lists up to 60) lacks it: roadmap, lockdown */
        if (h[i].spelled == 0 && h[i].tier <= TRANSLIT_TIER_LISTED &&
            h[i].variant != TRANSLIT_V_DERIVED)
            h[i].spelled = 1;
        if (h[i].variant == TRANSLIT_V_DERIVED && h[i].spelled != 1)
            continue; /* a derived agent noun must be a real word */
        h[i].rank = h[i].dist + tier_penalty(h[i].tier);
        if (h[i].spelled == 0)
            h[i].rank += TW_name;
        if (h[i].inflected)
            h[i].rank += TW_inflected;
        /* whole words only: a compound's parts may be anything (new of green new deal) */
        if (prior && (h[i].eflags & TRANSLIT_ENTRY_FUNCTION))
            h[i].rank += TW_function;
        if (prior) { /* the word's own attestation, or its stem's (sourcing) */
            int a = attested_prior(q, n, translit_words + h[i].word);
            int g = ing_prior(q, n, translit_words + h[i].word);
            h[i].rank -= a > g ? a : g;
        }
        if (h[i].variant == TRANSLIT_V_CUSTOMARY)
            h[i].rank += TW_customary;
        else if (h[i].variant == TRANSLIT_V_LETTERS)
            h[i].rank += TW_letter;
        else if (h[i].variant != TRANSLIT_V_STANDARD)
            h[i].rank += TW_variant;
        h[k++] = h[i];
    }
    if (prior)
        not_noun_ties(h, k);
    sort_hits(h, k, cmp_hit_rank);
    return k;
}

/* Steps 2-3 for q: fills *hits with its ranked words (rank_hits). */
static size_t rank_words_scan(struct translit *t, const unsigned char *q, size_t n, int limit,
                              int prior, struct hit **hits, size_t *alloc)
{
    struct scan_query sq = {n, limit, *hits, 0, *alloc};

    scan(q, &sq, 1);
    *hits = sq.hits;
    *alloc = sq.alloc;
    return rank_hits(t, q, n, prior, sq.hits, sq.nh);
}

/* One answer of rank_words, as the rank cache keeps it. */
struct ranked {
    size_t n;
    struct hit hit[];
};

/*
 * The rank cache's key for a query in key[]: its jamo, limit and prior.
 * Returns the key's length, 0 when the query is not kept.
 */
static size_t rank_key(unsigned char *key, const unsigned char *q, size_t n, int limit, int prior)
{
    if (n > TRANSLIT_MAX_JAMO || limit < 0 || limit > UCHAR_MAX)
        return 0;
    memcpy(key, q, n);
    key[n] = (unsigned char)limit;
    key[n + 1] = (unsigned char)(prior != 0);
    return n + 2;
}

/* Keeps the k ranked words h[] as the answer to key. */
static void rank_store(struct translit *t, const unsigned char *key, size_t klen,
                       const struct hit *h, size_t k)
{
    struct ranked *nr;

    if (t->rank_cache.len >= RANK_CACHE_MAX) {
        strmap_release(&t->rank_cache, free);
        t->rank_cache = (struct strmap)STRMAP_INIT;
    }
    nr = xmalloc(sizeof(*nr) + k * sizeof(nr->hit[0]));
    nr->n = k;
    if (k)
        memcpy(nr->hit, h, k * sizeof(nr->hit[0]));
    strmap_put(&t->rank_cache, key, klen, NULL)->value = nr;
}

/*
 * Steps 2-3 for q (rank_words_scan), answered from t->rank_cache when the same
 * query was ranked before: the answer depends only on the key and t->spell.
 */
static size_t rank_words(struct translit *t, const unsigned char *q, size_t n, int limit, int prior,
                         struct hit **hits, size_t *alloc)
{
    unsigned char key[TRANSLIT_MAX_JAMO + 2];
    size_t klen = rank_key(key, q, n, limit, prior), k;
    const struct ranked *r;

    if (!klen)
        return rank_words_scan(t, q, n, limit, prior, hits, alloc);
    if ((r = strmap_get(&t->rank_cache, key, klen))) {
        ALLOC_GROW(*hits, r->n, *alloc);
        if (r->n)
            memcpy(*hits, r->hit, r->n * sizeof(r->hit[0]));
        return r->n;
    }
    k = rank_words_scan(t, q, n, limit, prior, hits, alloc);
    rank_store(t, key, klen, *hits, k);
    return k;
}

/* Jamo offsets of each syllable start in q; returns the syllable count. */
static size_t syllable_starts(const unsigned char *q, size_t n, size_t *start)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (q[i] < JAMO_MED)
            start[k++] = i;
    start[k] = n;
    return k;
}

struct split_ctx {
    struct translit *t;
    const unsigned char *q;
    size_t syl;                                         /* syllables of q */
    size_t start[MAX_SYLLABLES + 1];                    /* jamo offset of each syllable */
    struct part part[MAX_SPLIT_SYL][MAX_SPLIT_SYL + 1]; /* [from][to] */
};

/* The distance a part of syl syllables may be from a word. */
static int part_limit(size_t syl)
{
    return syl == 1 ? 7 : credible_limit(syl) * 2 / 3;
}

/* Fills part p with the real words of the k ranked words h[]. */
static void part_set(struct part *p, const struct hit *h, size_t k)
{
    p->done = 1;
    for (size_t i = 0; i < k && p->n < PART_TOP; i++) {
        if (h[i].spelled == 0)
            continue;
        p->rank[p->n] = h[i].rank;
        p->dist[p->n] = h[i].dist;
        p->word[p->n] = h[i].word;
        p->eflags[p->n] = h[i].eflags;
        p->n++;
    }
}

/*
 * Looks up every part starting at syllable a that best_split may ask for: all
 * of them (the whole word aside) when it splits in three, else only the rest
 * of the word. Those not ranked before are found in one scan (scan), which
 * costs about as much as that of the longest.
 */
static void part_fill(struct split_ctx *x, size_t a)
{
    struct scan_query sq[MAX_SPLIT_SYL];
    unsigned char key[TRANSLIT_MAX_JAMO + 2];
    size_t to[MAX_SPLIT_SYL], nq = 0;
    const unsigned char *q = x->q + x->start[a];

    for (size_t b = a + 1; b <= x->syl; b++) {
        struct part *p = &x->part[a][b];
        size_t n = x->start[b] - x->start[a], klen;
        const struct ranked *r;
        if ((!a && b == x->syl) || (a && x->syl < 4 && b < x->syl) || p->done)
            continue;
        klen = rank_key(key, q, n, part_limit(b - a), 0);
        if (klen && (r = strmap_get(&x->t->rank_cache, key, klen))) {
            part_set(p, r->hit, r->n);
            continue;
        }
        sq[nq] = (struct scan_query){n, part_limit(b - a), NULL, 0, 0};
        to[nq++] = b;
    }
    scan(q, sq, nq);
    for (size_t k = 0; k < nq; k++) {
        size_t n = rank_hits(x->t, q, sq[k].n, 0, sq[k].hits, sq[k].nh);
        size_t klen = rank_key(key, q, sq[k].n, sq[k].limit, 0);
        if (klen)
            rank_store(x->t, key, klen, sq[k].hits, n);
        part_set(&x->part[a][to[k]], sq[k].hits, n);
        free(sq[k].hits);
    }
}

/* Best real words for syllables [a, b) of the query. */
static struct part *part_get(struct split_ctx *x, size_t a, size_t b)
{
    if (!x->part[a][b].done)
        part_fill(x, a);
    return &x->part[a][b];
}

/* 1 when buf[0..len) is one word hunspell knows. */
static int known_word(const struct translit *t, const char *buf, size_t len)
{
    if (!t->spell)
        return 0;
    if (wordlist_find(translit_hunspell_words, translit_hunspell_words_size, buf, len) >= 0)
        return 1;
    long off = wordlist_find(translit_words, translit_words_size, buf, len);
    return off >= 0 && word_spelled((uint32_t)off);
}

/* 1 when the parts written together are one word hunspell knows (deepfake). */
static int joins_closed(struct translit *t, const uint32_t *w, size_t nw)
{
    char buf[TRANSLIT_EN_MAX];
    size_t len = 0;

    if (!t->spell)
        return 0;
    for (size_t i = 0; i < nw; i++) {
        size_t l = strlen(translit_words + w[i]);
        if (len + l >= sizeof(buf))
            return 0;
        memcpy(buf + len, translit_words + w[i], l);
        len += l;
    }
    buf[len] = '\0';
    return known_word(t, buf, len);
}

/* WordNet's nouns of two or three words (role_model) or hyphenated parts
 * (well-being), sorted, NUL-separated */
extern const char translit_collocations[];
extern const size_t translit_collocations_size;

/*
 * How the parts form an English compound WordNet lists: ' ' spaced (role
 * model, safety belt, valet parking: 롤모델 is role model, not roll model),
 * '-' hyphenated (well-being, know-how, check-in: 체크인 is check-in, not
 * checking); 0 when they form none.
 */
static char joins_collocation(const uint32_t *w, size_t nw)
{
    static const char sep[][2] = {{'_', ' '}, {'-', '-'}}; /* WordNet's, ours */
    char buf[TRANSLIT_EN_MAX];

    for (size_t s = 0; s < sizeof(sep) / sizeof(sep[0]); s++) {
        size_t len = 0;
        for (size_t i = 0; i < nw; i++) {
            const char *p = translit_words + w[i];
            size_t l = strlen(p);
            if (len + l + 1 >= sizeof(buf))
                return 0;
            if (i)
                buf[len++] = sep[s][0];
            for (size_t j = 0; j < l; j++) {
                char c = p[j];
                if (c < 'a' || c > 'z')
                    return 0; /* WordNet's compounds here are lower-case words */
                buf[len++] = c;
            }
        }
        buf[len] = '\0';
        if (wordlist_find(translit_collocations, translit_collocations_size, buf, len) >= 0)
            return sep[s][1];
    }
    return 0;
}

/* Writes the parts with sep between them: none (closed up), ' ' or '-'. */
static void compound_text(const uint32_t *w, size_t nw, char sep, struct translit_candidate *c)
{
    struct strbuf sb = STRBUF_INIT;
    size_t len;

    for (size_t i = 0; i < nw; i++) {
        if (i && sep)
            strbuf_addch(&sb, sep);
        strbuf_addstr(&sb, translit_words + w[i]);
    }
    len = sb.len < TRANSLIT_EN_MAX - 1 ? sb.len : TRANSLIT_EN_MAX - 1;
    memcpy(c->en, sb.buf, len);
    c->en[len] = '\0';
    strbuf_release(&sb);
}

struct split_best {
    int rank;      /* combined rank, INT_MAX_RANK when none */
    int dist;      /* combined distance */
    char sep;      /* written between the parts: ' ', '-', or none (closed up) */
    int colloc;    /* the parts are a WordNet collocation (sep from joins_collocation) */
    uint32_t w[3]; /* the parts */
    size_t n;      /* number of parts */
};

/*
 * Scores one choice of parts. A one-syllable part is ambiguous (원: one,
 * won, wan), so it must be an exact rendering of a word of three letters or
 * more, or of two when it is the last part (스케일+업) or one of the
 * commonest words rendered by the standard rules (rank 0: 업+사이클링, 온+라인),
 * unless the parts together form a known word (딥+페이크: deepfake).
 */
static void split_try(struct translit *t, struct part *const *parts, const size_t *syl,
                      const size_t *pick, size_t np, struct split_best *best)
{
    uint32_t w[3];
    int rank = TW_split * (int)(np - 1), dist = 0, closed, weak = 0, closest = 1;

    for (size_t i = 0; i < np; i++) {
        const struct part *p = parts[i];
        w[i] = p->word[pick[i]];
        rank += p->rank[pick[i]];
        dist += p->dist[pick[i]];
        if (p->dist[pick[i]] > p->dist[0])
            closest = 0;
        if (syl[i] == 1 &&
            (p->dist[pick[i]] > 0 || strlen(translit_words + w[i]) < 2 ||
             (strlen(translit_words + w[i]) == 2 && i + 1 < np && p->rank[pick[i]] > 0)))
            weak = 1;
    }
    if (rank - TW_join >= best->rank)
        return;
    closed = joins_closed(t, w, np);
    /* no part farther than its best reading: a compound must not pull a part to
     * a farther word (smart bomb), but may choose among readings as close as the
     * best (커피 is coffee or copy, neither exactly: 커피숍 is coffee shop); a
     * spaced compound that is one word of the index is closed up later */
    char colloc = !closed && closest ? joins_collocation(w, np) : 0;
    if (weak && !closed && !colloc)
        return;
    if (closed)
        rank -= TW_join;
    else if (colloc)
        rank -= TW_colloc;
    if (rank < best->rank) {
        best->rank = rank;
        best->dist = dist;
        /* closed up: one known word, or two parts the first of which English
         * writes solid with the next (bio, micro, up: biomonitoring, upcycle),
         * unless WordNet lists them spaced or hyphenated */
        best->colloc = colloc != 0;
        if (closed)
            best->sep = 0;
        else if (colloc)
            best->sep = colloc;
        else
            best->sep = np == 2 && (parts[0]->eflags[pick[0]] & TRANSLIT_ENTRY_SOLID) ? 0 : ' ';
        best->n = np;
        memcpy(best->w, w, sizeof(w));
    }
}

/*
 * Step 4: the best split of the query into two or three real words. Returns
 * 1 and fills *c (score holds the rank) when one is credible.
 */
static int best_split(struct translit *t, const unsigned char *q, size_t n, int limit,
                      struct translit_candidate *c, int *rank /* OUT */)
{
    struct split_ctx *x = xcalloc(1, sizeof(*x));
    size_t syl = syllable_starts(q, n, x->start);
    struct split_best best = {INT_MAX_RANK, 0, 0, 0, {0, 0, 0}, 0};
    int found = 0;

    x->t = t;
    x->q = q;
    x->syl = syl;
    for (size_t i = 1; i < syl; i++) {
        struct part *pp[3];
        size_t sy[3], pick[3];
        pp[0] = part_get(x, 0, i);
        if (!pp[0]->n)
            continue;
        pp[1] = part_get(x, i, syl);
        sy[0] = i;
        sy[1] = syl - i;
        for (pick[0] = 0; pick[0] < pp[0]->n; pick[0]++)
            for (pick[1] = 0; pick[1] < pp[1]->n; pick[1]++)
                split_try(t, pp, sy, pick, 2, &best);
        for (size_t j = i + 1; j < syl && syl >= 4; j++) {
            pp[1] = part_get(x, i, j);
            pp[2] = part_get(x, j, syl);
            sy[1] = j - i;
            sy[2] = syl - j;
            for (pick[0] = 0; pick[0] < pp[0]->n && pick[0] < 2; pick[0]++)
                for (pick[1] = 0; pick[1] < pp[1]->n && pick[1] < 2; pick[1]++)
                    for (pick[2] = 0; pick[2] < pp[2]->n && pick[2] < 2; pick[2]++)
                        split_try(t, pp, sy, pick, 3, &best);
        }
    }
    if (best.n && best.dist <= limit) {
        compound_text(best.w, best.n, best.sep, c);
        c->distance = best.dist;
        c->flags = TRANSLIT_CAND_COMPOUND | (t->spell ? TRANSLIT_CAND_WORD : 0) |
                   (best.colloc ? TRANSLIT_CAND_COLLOCATION : 0);
        *rank = best.rank;
        found = 1;
    }
    free(x);
    return found;
}

/*
 * Step 4b: a letter prefix written with the letter's Hangul name, as
 * established spellings write it: K- for Korean (케이팝 K-pop, 케이컬처
 * K-culture) and e- for electronic (이커머스 e-commerce). The rest must hold
 * a syllable no hanja reads, as loanwords do (이자율 is Korean, not e-jowl),
 * and read as a real word, as a part of a compound must (part_limit: 커머스 is
 * near commerce), of two syllables or more after 이, which begins many Korean
 * words; 케 is no hanja reading, so after 케이 one syllable will do when it
 * renders a word of three letters or more exactly (팝: pop). Fills c[] and
 * rank[] with the readings of the rest's two best words, so that a rest read
 * two ways is a coin toss for the whole word too (이러닝: e-learning or
 * e-running, as 러닝 is learning or running); returns how many, 0 when the
 * prefix does not read.
 */
static int letter_prefix(struct translit *t, const char *s, size_t len,
                         struct translit_candidate c[2] /* OUT */, int rank[2] /* OUT */)
{
    static const struct {
        const char *name;  /* the letter's Hangul name */
        const char *en;    /* the prefix written */
        const char *solid; /* ... and written solid with the word */
        size_t min_syl;    /* syllables the rest needs */
    } prefixes[] = {{"케이", "K-", "k", 1}, {"이", "e-", "e", 2}};
    unsigned char q[TRANSLIT_MAX_JAMO];
    struct hit *hits = NULL;
    size_t alloc = 0;
    int found = 0;

    for (size_t k = 0; k < sizeof(prefixes) / sizeof(prefixes[0]) && !found; k++) {
        size_t pl = strlen(prefixes[k].name), nh, syl;
        struct ko_script ks;
        if (len <= pl || memcmp(s, prefixes[k].name, pl))
            continue;
        ko_script_of(s + pl, len - pl, &ks);
        if (!ks.nonsino)
            continue; /* hanja readings throughout: a Korean word (이자율) */
        int n = translit_jamo_from_utf8(s + pl, len - pl, q, sizeof(q));
        if (n <= 0 || (syl = translit_jamo_syllables(q, (size_t)n)) < prefixes[k].min_syl)
            continue;
        nh = rank_words(t, q, (size_t)n, syl == 1 ? 0 : part_limit(syl), 1, &hits, &alloc);
        for (size_t i = 0; i < nh && found < 2; i++) {
            const char *w = translit_words + hits[i].word;
            if (hits[i].spelled != 1 || (syl == 1 && strlen(w) < 3))
                continue;
            struct translit_candidate *p = &c[found];
            memset(p, 0, sizeof(*p));
            /* written solid, a word of its own: 이메일 is email, not e-mail (and
             * after a first reading, the readings so far stand) */
            int l = snprintf(p->en, sizeof(p->en), "%s%s", prefixes[k].solid, w);
            if (l > 0 && (size_t)l < sizeof(p->en) && known_word(t, p->en, (size_t)l))
                break;
            snprintf(p->en, sizeof(p->en), "%s%s", prefixes[k].en, w);
            p->distance = hits[i].dist;
            p->flags = TRANSLIT_CAND_COMPOUND | TRANSLIT_CAND_WORD;
            /* the penalty counts from a sure rest: an attested rest (러닝: running)
             * ranks below 0, where it would hide the doubt the prefix adds and the
             * rest's own coin toss (e-running beside e-learning) */
            rank[found++] = (hits[i].rank > 0 ? hits[i].rank : 0) + TW_prefix;
        }
    }
    free(hits);
    return found;
}

/*
 * Step 5: the initialism that s[0..len) spells in the Hangul names of Latin
 * letters (the National Institute of Korean Language's list, with the common
 * variants 씨, 쥐, 알, 에치), upper case in out; 0 when s is not wholly letter
 * names or names a single letter of one syllable (비, 이, 오: words too).
 */
static int letter_names(const char *s, size_t len, char *out, size_t max)
{
    static const struct {
        const char *name;
        char letter;
    } names[] = {
        {"에이치", 'H'}, {"더블유", 'W'}, {"에이", 'A'}, {"에치", 'H'}, {"에프", 'F'},
        {"에스", 'S'},   {"아이", 'I'},   {"제이", 'J'}, {"케이", 'K'}, {"아르", 'R'},
        {"브이", 'V'},   {"엑스", 'X'},   {"와이", 'Y'}, {"제트", 'Z'}, {"비", 'B'},
        {"시", 'C'},     {"씨", 'C'},     {"디", 'D'},   {"이", 'E'},   {"지", 'G'},
        {"쥐", 'G'},     {"엘", 'L'},     {"엠", 'M'},   {"엔", 'N'},   {"오", 'O'},
        {"피", 'P'},     {"큐", 'Q'},     {"알", 'R'},   {"티", 'T'},   {"유", 'U'},
    };
    /* ok[i]: s[0..i) splits into names; via[i] the name that ends there */
    enum { MAX_BYTES = 3 * 16 };
    signed char via[MAX_BYTES + 1];
    if (len == 0 || len > MAX_BYTES)
        return 0;
    memset(via, -1, sizeof(via));
    via[0] = 0;
    for (size_t i = 0; i < len; i++) {
        if (via[i] < 0)
            continue;
        for (size_t k = 0; k < sizeof(names) / sizeof(names[0]); k++) {
            size_t nl = strlen(names[k].name);
            if (i + nl <= len && via[i + nl] < 0 && !memcmp(s + i, names[k].name, nl))
                via[i + nl] = (signed char)k;
        }
    }
    if (via[len] < 0)
        return 0;
    char rev[MAX_BYTES];
    size_t n = 0;
    for (size_t at = len; at > 0; at -= strlen(names[via[at]].name))
        rev[n++] = names[via[at]].letter;
    if (n + 1 > max || (n == 1 && len == 3))
        return 0;
    for (size_t i = 0; i < n; i++)
        out[i] = rev[n - 1 - i];
    out[n] = '\0';
    return 1;
}

static double confidence(int rank)
{
    return exp(-(rank < 0 ? 0 : rank) / 15.0);
}

/* 1 when one of out[0..n) already reads en. */
static int seen_before(const struct translit_candidate *out, size_t n, const char *en)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(out[i].en, en))
            return 1;
    return 0;
}

/* 1 when one of the n ranked words h[] is an exact rendering, word or name. */
static int exact_hit(const struct hit *h, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (h[i].dist == 0)
            return 1;
    return 0;
}

static int lookup_ranked(struct translit *t, const char *s, size_t len,
                         struct translit_candidate *out, size_t max);

/*
 * Two readings that score nearly the same are a coin toss (보트: boat and vote,
 * 센서: censor and sensor, 바이어: via and buyer): they keep their ranks but
 * not their confidence. Within AMBIGUOUS_GAP of each other the scores are
 * scaled down, to half when the two tie, and no reading after the first
 * scores above it.
 */
#define AMBIGUOUS_GAP 0.1

int translit_lookup(struct translit *t, const char *s, size_t len, struct translit_candidate *out,
                    size_t max)
{
    struct translit_candidate two[2], *c = max >= 2 ? out : two;
    if (max == 0)
        return lookup_ranked(t, s, len, out, 0);
    int n = lookup_ranked(t, s, len, c, max >= 2 ? max : 2);
    if (n >= 2 && c[0].score - c[1].score < AMBIGUOUS_GAP) {
        double gap = c[0].score - c[1].score;
        double scale = 0.5 + 0.5 * (gap > 0 ? gap : 0) / AMBIGUOUS_GAP;
        c[0].score *= scale;
        for (int i = 1; i < n; i++) /* and none after them is surer */
            c[i].score = c[i].score * scale < c[0].score ? c[i].score * scale : c[0].score;
    }
    if (c == two && n > 0) {
        out[0] = two[0];
        n = 1;
    }
    return n;
}

static int lookup_ranked(struct translit *t, const char *s, size_t len,
                         struct translit_candidate *out, size_t max)
{
    unsigned char q[TRANSLIT_MAX_JAMO];
    struct hit *hits = NULL;
    size_t alloc = 0, nh, syl, k = 0;
    int n = len ? translit_jamo_from_utf8(s, len, q, sizeof(q)) : -1, limit;
    struct translit_candidate split, prefix[2];
    int have_split = 0, split_rank = 0, nprefix = 0, np = 0, prefix_rank[2] = {0, 0};

    if (n <= 0 || (syl = translit_jamo_syllables(q, (size_t)n)) > MAX_SYLLABLES)
        return -1;
    limit = credible_limit(syl);
    nh = rank_words(t, q, (size_t)n, limit, 1, &hits, &alloc);
    /* a word hunspell lacks may still be a compound it knows the parts of (deepfake) */
    if (syl >= 2 && syl <= MAX_SPLIT_SYL && (!nh || hits[0].dist > 0 || hits[0].hunspell == 0))
        have_split = best_split(t, q, (size_t)n, limit, &split, &split_rank);
    /* not where the whole is letter names (케이티: KT, not K-tea) or renders a
     * word or name exactly (이라크: Iraq, not e-lark) */
    char letters[TRANSLIT_EN_MAX];
    int have_letters = letter_names(s, len, letters, sizeof(letters));
    if (syl >= 2 && !have_letters && !exact_hit(hits, nh))
        nprefix = letter_prefix(t, s, len, prefix, prefix_rank);
    /* a spaced compound that is also one word of the index is written as that word
     * (road map: roadmap) */
    if (have_split && strchr(split.en, ' ')) {
        char joined[TRANSLIT_EN_MAX];
        size_t jl = 0;
        for (const char *p = split.en; *p && jl + 1 < sizeof(joined); p++)
            if (*p != ' ')
                joined[jl++] = *p;
        joined[jl] = '\0';
        for (size_t i = 0; i < nh; i++)
            if (!strcmp(translit_words + hits[i].word, joined)) {
                memcpy(split.en, joined, jl + 1);
                break;
            }
    }
    for (size_t i = 0; k < max && (i < nh || have_split || np < nprefix || have_letters);) {
        struct translit_candidate *c = &out[k];
        if (have_letters && (i >= nh || TW_letter_names < hits[i].rank) &&
            (!have_split || TW_letter_names < split_rank) &&
            (np >= nprefix || TW_letter_names < prefix_rank[np])) {
            have_letters = 0;
            memset(c, 0, sizeof(*c));
            memcpy(c->en, letters, strlen(letters) + 1);
            c->score = confidence(TW_letter_names);
            k++;
            continue;
        }
        if (np < nprefix && (i >= nh || prefix_rank[np] < hits[i].rank) &&
            (!have_split || prefix_rank[np] < split_rank)) {
            *c = prefix[np];
            c->score = confidence(prefix_rank[np]);
            np++;
            k++;
            continue;
        }
        if (have_split && (i >= nh || split_rank <= hits[i].rank)) {
            have_split = 0;
            if (seen_before(out, k, split.en)) /* parts closed up into a word said before */
                continue;
            *c = split;
            c->score = confidence(split_rank);
            k++;
            continue;
        }
        /* a rejected word must be much closer than a real one to be shown */
        if (hits[i].spelled == 0 && hits[i].dist > limit / 2) {
            i++;
            continue;
        }
        {
            const char *w = translit_words + hits[i].word;
            size_t wl = strlen(w) < TRANSLIT_EN_MAX - 1 ? strlen(w) : TRANSLIT_EN_MAX - 1;
            memcpy(c->en, w, wl);
            c->en[wl] = '\0';
        }
        if (seen_before(out, k, c->en)) { /* a closed-up compound said it first */
            i++;
            continue;
        }
        c->distance = hits[i].dist;
        c->score = confidence(hits[i].rank);
        c->flags = (hits[i].spelled == 1 ? TRANSLIT_CAND_WORD : 0) |
                   (hits[i].variant == TRANSLIT_V_DERIVED ? TRANSLIT_CAND_DERIVED : 0);
        k++;
        i++;
    }
    free(hits);
    return (int)k;
}

/* ---- mixed glosses ------------------------------------------------------------------ */

/* How sure a word the tables spell is: the catalogues give a word's commonest
 * rendering in software, not always the one a document means (프로그램: application). */
#define TABLE_WORD_SCORE 0.9
/* The least score of a reading between table words: no homophone at a tie (유스:
 * use or youth, 0.47) and no string of short words (트윈국토: twin gook toe, 0.14). */
#define MIXED_MIN_SCORE 0.5

/* Records where a run's English came from, and lowers *weakest (may be NULL) to its score. */
static void count_source(unsigned *sources, double *weakest, unsigned src, double score)
{
    *sources |= src;
    if (weakest && score < *weakest)
        *weakest = score;
}

/*
 * The English of one table word s[0..len): a Korean word of morphemes.tsv
 * (the curated official-name words) or l10n-words.tsv, or an attested
 * loanword; NULL when no table has it. *len_en gets the length of the first
 * alternative (morphemes.tsv separates them with '|').
 */
static const char *table_word(const char *s, size_t len, size_t *len_en)
{
    const char *en[1], *w = NULL;

    if (lexicon_morpheme_en(s, len, en, 1) == 1)
        w = en[0];
    else if (!(w = attested_word_en(s, len)))
        w = attested_loanword_en(s, len);
    if (w)
        *len_en = strcspn(w, "|");
    return w;
}

/*
 * A Hangul run no single reading fits (국가전략펀드, 청년창업센터): the fewest
 * table words, of two syllables or more each, that spell it, by dynamic
 * programming over syllable boundaries. When no such spelling covers it, the
 * stretches between table words may be loanwords the transliterator reads
 * exactly as English words (산림+바이오매스: forest biomass, 스타+기업: star
 * business). Appends the English, spaced, adds to *sources and lowers
 * *weakest (may be NULL) to the surest it can be, and returns 1; returns 0
 * (out unchanged) when no two or more words cover the run.
 */
static int gloss_segment(struct translit *t, const char *s, size_t len, struct strbuf *out,
                         unsigned *sources, double *weakest)
{
    enum { SYL = 3 }; /* bytes of a precomposed Hangul syllable in UTF-8 */
    size_t m = len / SYL, best[MAX_SYLLABLES + 1] = {0}, from[MAX_SYLLABLES + 1] = {0};
    /* per end k of the chosen segment: 0 a table word, else 1 + the index in read[] */
    size_t how[MAX_SYLLABLES + 1] = {0}, nread = 0;
    struct translit_candidate read[MAX_SYLLABLES];
    /* word[a][k]: syllables [a, k) are a table word (looked up once); starts and
     * ends: some table word starts or ends at that syllable boundary */
    unsigned char word[MAX_SYLLABLES + 1][MAX_SYLLABLES + 1];
    unsigned char starts[MAX_SYLLABLES + 1] = {0}, ends[MAX_SYLLABLES + 1] = {0};
    int tables = 0;

    if (m < 4 || m > MAX_SYLLABLES || len % SYL)
        return 0;
    for (size_t a = 0; a + 2 <= m; a++)
        for (size_t k = a + 2; k <= m; k++) {
            size_t el;
            word[a][k] = table_word(s + a * SYL, (k - a) * SYL, &el) != NULL;
            if (word[a][k])
                starts[a] = ends[k] = 1, tables = 1;
        }
    if (!tables)
        return 0;
    for (int mixed = 0; mixed < 2; mixed++) {
        best[0] = 0;
        for (size_t k = 1; k <= m; k++) {
            best[k] = SIZE_MAX;
            for (size_t a = 0; a + 2 <= k; a++) {
                if (best[a] == SIZE_MAX || best[a] + 1 >= best[k])
                    continue;
                if (word[a][k]) {
                    best[k] = best[a] + 1, from[k] = a, how[k] = 0;
                    continue;
                }
                /* the second pass: a stretch between table words (or the run's
                 * ends) that reads exactly as an English word or compound */
                if (!mixed || !(a == 0 || ends[a]) || !(k == m || starts[k]) || nread == m)
                    continue;
                struct translit_candidate *c = &read[nread];
                if (translit_lookup(t, s + a * SYL, (k - a) * SYL, c, 1) == 1 && c->distance == 0 &&
                    (c->flags & TRANSLIT_CAND_WORD) && c->score >= MIXED_MIN_SCORE) {
                    best[k] = best[a] + 1, from[k] = a, how[k] = 1 + nread++;
                }
            }
        }
        if (best[m] != SIZE_MAX && best[m] >= 2)
            break;
        if (mixed)
            return 0;
    }
    size_t cut[MAX_SYLLABLES + 1], nc = 0;
    for (size_t k = m; k; k = from[k])
        cut[nc++] = k;
    cut[nc] = 0;
    for (size_t i = nc; i-- > 0;) {
        size_t a = cut[i + 1], b = cut[i], el;
        if (i + 1 < nc)
            strbuf_addch(out, ' ');
        if (how[b]) {
            const struct translit_candidate *c = &read[how[b] - 1];
            strbuf_addstr(out, c->en);
            count_source(sources, weakest, TRANSLIT_SRC_TRANSLIT, c->score);
        } else {
            const char *w = table_word(s + a * SYL, (b - a) * SYL, &el);
            strbuf_add(out, w, el);
            count_source(sources, weakest, TRANSLIT_SRC_TABLE, TABLE_WORD_SCORE);
        }
    }
    return 1;
}

/*
 * A gloss of two or three Hangul words written apart reads as one compound
 * when the words written together read as a compound WordNet lists, in as
 * many words: each word alone takes its own likeliest reading (패스트 트랙:
 * past track), the compound the one English pairs (fast track). Appends it
 * and returns 1; returns 0 (out unchanged) otherwise.
 */
static int spaced_collocation(struct translit *t, const char *s, size_t len, struct strbuf *out,
                              unsigned *sources, double *weakest)
{
    char joined[TRANSLIT_EN_MAX];
    size_t n = 0, words = 1, seps = 0;
    struct translit_candidate cand;

    for (size_t i = 0; i < len;) {
        uint32_t c;
        size_t adv = utf8_decode(s + i, len - i, &c);
        if (c == ' ' && n && i + 1 < len && s[i + 1] != ' ') {
            words++;
        } else if (!uc_is_hangul_syllable(c) || n + adv >= sizeof(joined)) {
            return 0;
        } else {
            memcpy(joined + n, s + i, adv);
            n += adv;
        }
        i += adv;
    }
    if (words < 2 || words > 3 || translit_lookup(t, joined, n, &cand, 1) != 1 ||
        !(cand.flags & TRANSLIT_CAND_COLLOCATION))
        return 0;
    for (const char *e = cand.en; *e; e++)
        seps += *e == ' ' || *e == '-';
    if (seps + 1 != words)
        return 0;
    strbuf_addstr(out, cand.en);
    count_source(sources, weakest, TRANSLIT_SRC_TRANSLIT, cand.score);
    return 1;
}

int translit_gloss(struct translit *t, const char *s, size_t len, struct strbuf *out)
{
    unsigned sources = 0;
    return translit_gloss_sources(t, s, len, out, &sources, NULL);
}

/* Whether the spaced words seg[0..len) are word with spaces between its parts. */
static int closes_up(const char *seg, size_t len, const char *word)
{
    size_t k = 0, spaces = 0;

    if (strpbrk(word, " -"))
        return 0;
    for (size_t i = 0; i < len; i++) {
        if (seg[i] == ' ') {
            spaces++;
            continue;
        }
        if (seg[i] != word[k++])
            return 0;
    }
    return spaces && word[k] == '\0';
}

int translit_gloss_sources(struct translit *t, const char *s, size_t len, struct strbuf *out,
                           unsigned *sources, double *weakest)
{
    size_t i = 0, kept = 0;
    int need_space = 0, spaced = 0;

    if (weakest)
        *weakest = 1.0;
    if (utf8_valid_prefix(s, len) != len)
        return -1;
    if (spaced_collocation(t, s, len, out, sources, weakest))
        return 0;
    while (i < len) {
        uint32_t c;
        size_t adv = utf8_decode(s + i, len - i, &c), j = i + adv;
        if (uc_is_space(c)) {
            spaced = 1;
            i = j;
            continue;
        }
        /* a hyphen written against a word joins it (e-패스포트 -> e-passport) */
        if (need_space && !spaced && (s[i - 1] == '-' || s[i] == '-'))
            need_space = 0;
        spaced = 0;
        if (uc_is_hangul_syllable(c)) {
            struct translit_candidate cand;
            const char *tw;
            size_t el;
            while (j < len) {
                uint32_t d;
                size_t a = utf8_decode(s + j, len - j, &d);
                if (!uc_is_hangul_syllable(d))
                    break;
                j += a;
            }
            if (need_space)
                strbuf_addch(out, ' ');
            int found = translit_lookup(t, s + i, j - i, &cand, 1) == 1;
            /* a compound or inexact reading yields to a spelling in table words, or
             * to one table word of two syllables or more: 투자 of 그린필드 투자 is
             * investment, not "to jar" */
            int loose = !found || cand.distance > 0 || (cand.flags & TRANSLIT_CAND_COMPOUND);
            size_t at = out->len;
            int table = loose && gloss_segment(t, s + i, j - i, out, sources, weakest);
            if (table && found && closes_up(out->buf + at, out->len - at, cand.en)) {
                /* the table words are the parts of the one word the reading
                 * found, which English writes solid (블랙+아웃: blackout,
                 * 마이크로+데이터: microdata); both say so, as sure as the tables */
                strbuf_setlen(out, at);
                strbuf_addstr(out, cand.en);
                *sources |= TRANSLIT_SRC_TRANSLIT;
            }
            if (loose && !table && j - i >= 6 && (tw = table_word(s + i, j - i, &el)) &&
                !(found && strlen(cand.en) == el && !memcmp(cand.en, tw, el))) {
                /* (when both say the same word, the reading's own score stands) */
                strbuf_add(out, tw, el);
                table = 1;
                count_source(sources, weakest, TRANSLIT_SRC_TABLE, TABLE_WORD_SCORE);
            }
            if (!table && found) {
                strbuf_addstr(out, cand.en);
                count_source(sources, weakest, TRANSLIT_SRC_TRANSLIT, cand.score);
            } else if (!table) {
                strbuf_add(out, s + i, j - i);
                kept++;
            }
        } else {
            while (j < len) {
                uint32_t d;
                size_t a = utf8_decode(s + j, len - j, &d);
                if (uc_is_hangul_syllable(d) || uc_is_space(d))
                    break;
                j += a;
            }
            if (need_space)
                strbuf_addch(out, ' ');
            strbuf_add(out, s + i, j - i);
        }
        need_space = 1;
        i = j;
    }
    return (int)kept;
}
