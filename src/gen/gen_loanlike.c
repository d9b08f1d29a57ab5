/*
 * gen_loanlike.c - build-time generator of the loanword-likeness model
 * (src/align/loanlike.h; table layout in src/align/loanlike_int.h).
 *
 *   gen_loanlike KO_DIC HELD_OUT.tsv... > loanlike_model.c
 *   gen_loanlike --list KO_DIC HELD_OUT.tsv...   (the test words, class, P)
 *
 * Linked with the loanword index (build/gen/translit_index.c) and including
 * build/gen/sino_syllables.h, so its inputs are those the build already has:
 *
 *   loanwords  the Hangul renderings of the CMU dictionary in the index
 *              (gen_translit.c), restricted to common words: SCOWL tier
 *              <= LOAN_TIER (size 60, the lists hunspell en_US holds), not a
 *              plural or past form (derived agent nouns such as changer are
 *              kept); each distinct rendering once
 *   native     hunspell-ko's ko.dic entries of the noun, numeral, pronoun
 *              and adverb classes (NATIVE_FLAGS; verb and adjective forms
 *              are left out: terms are nouns), without the loanwords it holds
 *              as far as they show: an entry with a syllable no hanja reads
 *              that is a rendering of a word of SCOWL size 80 or less
 *              (TRANSLIT_TIER_LISTED), also once ㅡ and ㅓ are not told apart
 *              (버튼 for 버턴), trains the loanword model instead; an entry
 *              that is such a rendering with hanja readings only, or holds
 *              one of two syllables or more beside other syllables
 *              (서비스업), is dropped; plus each Hangul syllable that reads a
 *              KS X 1001 hanja (Unihan via gen_sino.sh) as a one-syllable word
 *   compounds  every fourth training loanword joined to another (게임체인저:
 *              Korean writes compounds of loanwords as one word)
 *   held out   the Korean column of the TSV files named (tests/data/translit/
 *              loanwords.tsv and dev.tsv): loanwords in standard spelling,
 *              removed from both training sets and used only to evaluate
 *
 * Split, by a hash of the jamo string: native words 80 % training, 10 %
 * calibration, 10 % test; other loanwords 90 % training, 10 % calibration.
 * The two models (loanlike_int.h) are trained on the training parts; a
 * logistic calibration log-odds = a * llr + b is fitted (Newton's method) on
 * the calibration parts with the two classes weighted equally, so P is the
 * probability for a word that is a loanword or not with even odds before
 * looking at it. The test: the held-out loanwords against the native test
 * part, scored by the table written (the library's own code), classes
 * weighted equally for accuracy, Brier score and ECE (10 bins of P).
 *
 * Figures at the commit that added it (Debian 12; order 4, 74,787 n-grams):
 * 127,090 training loanwords (25,418 of them compounds) and 25,611 native
 * words; 541 of the 697 held-out loanwords are renderings in the index and
 * were withheld. Calibration log-odds = 0.490 llr - 0.184.
 *
 *               loanwords  native   AUC   accuracy (loan / native)  Brier   ECE
 *   calibration   11,430    3,352  0.999  0.983 (0.980 / 0.985)     0.013  0.002
 *   test             697    3,091  0.995  0.958 (0.928 / 0.988)     0.032  0.032
 *
 * The native test words are ko.dic's, whose loanwords not caught above
 * (리모컨, 실루엣, 기모노) count as native: the native figures are a lower
 * bound. The generated file's header comment gives the figures of the build
 * at hand; docs/extraction.md ("Loanword-likeness") discusses them.
 *
 * The build stops (exit 1, a message naming the Debian package) when an
 * input is missing or too small, when the model separates the calibration
 * words poorly (AUC < MIN_AUC) or when the table written is too small.
 * Output is deterministic.
 */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "align/loanlike_int.h"
#include "sino_syllables.h"
#include "util/banned.h"

#define LOAN_TIER 6            /* SCOWL size 60 and below */
#define MIN_LOAN_WORDS 10000   /* fewer: the index is broken (festlex-cmu, scowl) */
#define MIN_NATIVE_WORDS 10000 /* fewer: ko.dic is not hunspell-ko's */
#define MIN_SINO 400           /* fewer: Unihan is not unicode-data's */
#define MIN_AUC 0.9
#define MIN_SLOTS 5000
#define MAX_WORD 96 /* jamo per word; longer entries are skipped */

/* ko.dic flag classes kept as native words (see the class lists in ko.aff):
 * 10, 25 nouns; 67 adverbs; 8, 20, 21 pronouns; 9, 15, 24, 27 counters and
 * units; 12 - 14, 16 - 18, 29 numerals; none (a few hundred plain nouns). */
static const char *const NATIVE_FLAGS[] = {"10", "25", "67", "8",  "20", "21", "9",  "15", "24",
                                           "27", "12", "13", "14", "16", "17", "18", "29", ""};

static void die(const char *msg, const char *arg)
{
    fprintf(stderr, "gen_loanlike: %s%s%s\n", msg, arg ? ": " : "", arg ? arg : "");
    exit(1);
}

static void *xrealloc_or_die(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p)
        die("out of memory", NULL);
    return p;
}

/* ---- words ------------------------------------------------------------------ */

enum { LOAN = 0, NATIVE = 1 };
enum { TRAIN = 0, CALIB = 1, TEST = 2 };

struct word {
    unsigned char sym[MAX_WORD]; /* symbols 1..67 (loanlike_int.h) */
    unsigned char n;
    unsigned char cls;  /* LOAN or NATIVE */
    unsigned char part; /* TRAIN, CALIB or TEST */
    double llr;         /* filled when scored */
};

static struct word *words;
static size_t nwords, cap_words;

/* A set of symbol strings: open addressing, FNV-1a. */
struct strset {
    char **s;
    size_t cap, n;
};

static uint64_t fnv(const unsigned char *p, size_t n)
{
    uint64_t h = UINT64_C(1469598103934665603);
    for (size_t i = 0; i < n; i++)
        h = (h ^ p[i]) * UINT64_C(1099511628211);
    return h;
}

/* Returns 1 when added, 0 when already present. */
static int strset_add(struct strset *set, const unsigned char *sym, size_t n, int add)
{
    if (add && (set->n + 1) * 2 > set->cap) {
        struct strset big = {NULL, set->cap ? set->cap * 2 : 1024, 0};
        big.s = xrealloc_or_die(NULL, big.cap * sizeof(*big.s));
        memset(big.s, 0, big.cap * sizeof(*big.s));
        for (size_t i = 0; i < set->cap; i++)
            if (set->s[i])
                strset_add(&big, (unsigned char *)set->s[i], strlen(set->s[i]), 1);
        for (size_t i = 0; i < set->cap; i++)
            free(set->s[i]);
        free(set->s);
        *set = big;
    }
    if (!set->cap)
        return 1;
    size_t i = fnv(sym, n) & (set->cap - 1);
    while (set->s[i]) {
        if (strlen(set->s[i]) == n && !memcmp(set->s[i], sym, n))
            return 0;
        i = (i + 1) & (set->cap - 1);
    }
    if (!add)
        return 1;
    set->s[i] = xrealloc_or_die(NULL, n + 1);
    memcpy(set->s[i], sym, n);
    set->s[i][n] = 0;
    set->n++;
    return 1;
}

static int strset_has(struct strset *set, const unsigned char *sym, size_t n)
{
    return !strset_add(set, sym, n, 0);
}

static void add_word(const unsigned char *sym, size_t n, int cls, int part)
{
    if (nwords == cap_words) {
        cap_words = cap_words ? cap_words * 2 : 4096;
        words = xrealloc_or_die(words, cap_words * sizeof(*words));
    }
    struct word *w = &words[nwords++];
    memcpy(w->sym, sym, n);
    w->n = (unsigned char)n;
    w->cls = (unsigned char)cls;
    w->part = (unsigned char)part;
    w->llr = 0;
}

/* Appends the symbols of one precomposed syllable (U+AC00..U+D7A3). */
static size_t syllable_syms(uint32_t cp, unsigned char *out)
{
    uint32_t s = cp - 0xAC00;
    size_t n = 0;
    out[n++] = (unsigned char)(JAMO_INI + s / 588 - JAMO_INI + 1);
    out[n++] = (unsigned char)(JAMO_MED + (s % 588) / 28 - JAMO_INI + 1);
    if (s % 28)
        out[n++] = (unsigned char)(JAMO_FIN + s % 28 - JAMO_INI + 1);
    return n;
}

/*
 * Decodes UTF-8 Hangul, precomposed or conjoining jamo (ko.dic is NFD), into
 * symbols. Returns the count, or -1 for anything else or a word too long.
 */
static int utf8_syms(const char *s, size_t len, unsigned char *out)
{
    size_t n = 0;
    for (size_t i = 0; i < len;) {
        unsigned char b = (unsigned char)s[i];
        if ((b & 0xF0) != 0xE0 || i + 3 > len)
            return -1;
        uint32_t cp = ((uint32_t)(b & 0x0F) << 12) | ((uint32_t)(s[i + 1] & 0x3F) << 6) |
                      (uint32_t)(s[i + 2] & 0x3F);
        i += 3;
        if (n + 3 > MAX_WORD)
            return -1;
        if (cp >= 0xAC00 && cp <= 0xD7A3)
            n += syllable_syms(cp, out + n);
        else if (cp >= 0x1100 && cp <= 0x1112 && (n == 0 || out[n - 1] >= JAMO_MED - JAMO_INI + 1))
            out[n++] = (unsigned char)(cp - 0x1100 + 1);
        else if (cp >= 0x1161 && cp <= 0x1175 && n && out[n - 1] < JAMO_MED - JAMO_INI + 1)
            out[n++] = (unsigned char)(JAMO_MED - JAMO_INI + 1 + cp - 0x1161);
        else if (cp >= 0x11A8 && cp <= 0x11C2 && n && out[n - 1] >= JAMO_MED - JAMO_INI + 1 &&
                 out[n - 1] < JAMO_FIN - JAMO_INI + 2)
            out[n++] = (unsigned char)(JAMO_FIN - JAMO_INI + 1 + cp - 0x11A8 + 1);
        else
            return -1;
    }
    /* a word ends after a medial or a final */
    return n && out[n - 1] >= JAMO_MED - JAMO_INI + 1 ? (int)n : -1;
}

/* ---- inputs ------------------------------------------------------------------- */

static struct strset held_out; /* held-out loanwords (runs of Hangul) */
static struct strset listed;   /* renderings of words of SCOWL size <= 80 */
static struct strset seen;     /* every word taken, against duplicates */
static size_t n_held_out, n_held_in_index;
static struct strset listed_schwa; /* listed, with every ㅡ written ㅓ */

/* Writes ㅡ as ㅓ into out (n symbols). */
static void schwa_fold(const unsigned char *sym, size_t n, unsigned char *out)
{
    for (size_t i = 0; i < n; i++)
        out[i] =
            sym[i] == JAMO_MED + MED_EU - JAMO_INI + 1 ? JAMO_MED + MED_EO - JAMO_INI + 1 : sym[i];
}

/*
 * 1 when the word is a listed rendering once ㅡ and ㅓ are not told apart:
 * the orthography writes a schwa ㅓ, customary spellings often ㅡ (버튼 for
 * the rendering 버턴 of button, 시즌, 리듬).
 */
static int is_customary(const unsigned char *sym, size_t n)
{
    unsigned char f[MAX_WORD];
    schwa_fold(sym, n, f);
    return strset_has(&listed_schwa, f, n);
}

/* Reads the Korean column of a held-out TSV; each Hangul run is one word. */
static void read_held_out(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f)
        die("cannot read a held-out loanword list (tests/data/translit/)", path);
    char line[4096];
    while (fgets(line, sizeof(line), f)) {
        if (line[0] == '#' || !strncmp(line, "ko\t", 3))
            continue;
        size_t end = strcspn(line, "\t\n");
        for (size_t i = 0; i < end;) {
            size_t j = i;
            while (j < end && (unsigned char)line[j] >= 0xE0)
                j += 3;
            unsigned char sym[MAX_WORD];
            int n = j > end ? -1 : utf8_syms(line + i, j - i, sym);
            if (n > 0 && strset_add(&held_out, sym, (size_t)n, 1)) {
                add_word(sym, (size_t)n, LOAN, TEST);
                n_held_out++;
            }
            i = j > i ? j : i + 1;
        }
    }
    fclose(f);
}

/* what read_index takes of the nodes [i, end) of one part of the trie and
 * the runs below them; path holds the rendering of the node the walk is at */
static size_t read_nodes(uint32_t i, uint32_t end, unsigned char *path)
{
    size_t kept = 0;
    for (; i < end; i++) {
        const struct translit_trie_node *nd = &translit_trie[i];
        /* read once: the analyzer cannot see the index is constant */
        const size_t len = nd->depth;
        if (len < 1 || len > TRANSLIT_MAX_JAMO)
            continue;
        path[len - 1] = (unsigned char)(nd->jamo - JAMO_INI + 1);
        if (len <= MAX_WORD) {
            const unsigned char *sym = path; /* the entries' rendering */
            for (uint32_t e = translit_trie_first[i], k = 0; k < nd->nend; e++, k++) {
                const struct translit_entry *en = &translit_entries[e];
                if (en->tier <= TRANSLIT_TIER_LISTED && en->variant != TRANSLIT_V_DERIVED) {
                    unsigned char f[MAX_WORD];
                    strset_add(&listed, sym, len, 1);
                    schwa_fold(sym, len, f);
                    strset_add(&listed_schwa, f, len, 1);
                }
                if (en->tier > LOAN_TIER || (en->flags & TRANSLIT_ENTRY_INFLECTED))
                    continue;
                if (strset_has(&held_out, sym, len)) {
                    if (strset_add(&seen, sym, len, 1))
                        n_held_in_index++;
                    continue;
                }
                if (!strset_add(&seen, sym, len, 1))
                    continue;
                add_word(sym, len, LOAN, fnv(sym, len) % 10 == 0 ? CALIB : TRAIN);
                kept++;
            }
        }
        if (len == TRANSLIT_TRIE_TOP)
            kept +=
                read_nodes(translit_trie_down[nd->skip], translit_trie_down[nd->skip + 1], path);
    }
    return kept;
}

static void read_index(void)
{
    unsigned char path[TRANSLIT_MAX_JAMO];
    /* the trie in preorder, each run after its node: its entries come in
     * index order, each with its rendering the path to its node */
    size_t kept = read_nodes(0, translit_trie_top_count, path);
    if (kept < MIN_LOAN_WORDS)
        die("too few loanword renderings in the index (Debian packages festlex-cmu, scowl)", NULL);
}

static int native_flag(const char *flag)
{
    for (size_t i = 0; i < sizeof(NATIVE_FLAGS) / sizeof(*NATIVE_FLAGS); i++)
        if (!strcmp(flag, NATIVE_FLAGS[i]))
            return 1;
    return 0;
}

static size_t n_kodic_loan, n_kodic_dropped;

/* 1 when the syllable starting at sym[0] (n symbols) reads a KS X 1001 hanja. */
static int sino_at(const unsigned char *sym, size_t n)
{
    unsigned ini = sym[0] - 1u, med = sym[1] - (JAMO_MED - JAMO_INI + 1u);
    unsigned fin = n == 3 ? sym[2] - (JAMO_FIN - JAMO_INI + 1u) : 0;
    unsigned s = (ini * 21 + med) * 28 + fin;
    return (sino_syllable_bits[s / 8] >> (s % 8)) & 1;
}

/* 1 when some syllable of the word reads no hanja. */
static int holds_nonsino(const unsigned char *sym, size_t n)
{
    for (size_t i = 0; i < n;) {
        size_t j = i + 2;
        if (j > n)
            return 1; /* a cut syllable (initial without vowel) reads no hanja */
        if (j < n && sym[j] >= JAMO_FIN - JAMO_INI + 2)
            j++;
        if (!sino_at(sym + i, j - i))
            return 1;
        i = j;
    }
    return 0;
}

/*
 * 1 when the word holds, on syllable boundaries, the rendering of a listed
 * English word of two syllables or more with a syllable no hanja reads
 * (서비스업, 데이터베이스화): a loanword or a compound with one. A
 * Sino-Korean word never qualifies, being hanja readings throughout.
 */
static int holds_loanword(const unsigned char *sym, size_t n)
{
    size_t start[MAX_WORD], ns = 0;
    for (size_t i = 0; i < n; i++)
        if (sym[i] < JAMO_MED - JAMO_INI + 1)
            start[ns++] = i;
    start[ns] = n;
    for (size_t a = 0; a < ns; a++) {
        int nonsino = 0;
        for (size_t b = a + 1; b <= ns; b++) {
            nonsino |= !sino_at(sym + start[b - 1], start[b] - start[b - 1]);
            if (b - a >= 2 && nonsino && strset_has(&listed, sym + start[a], start[b] - start[a]))
                return 1;
        }
    }
    return 0;
}

static void read_kodic(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f)
        die("cannot read the Korean word list (Debian package hunspell-ko)", path);
    char line[1024];
    size_t kept = 0, lines = 0;
    while (fgets(line, sizeof(line), f)) {
        if (lines++ == 0)
            continue; /* the count line */
        line[strcspn(line, "\r\n")] = 0;
        char *slash = strchr(line, '/');
        const char *flag = slash ? slash + 1 : "";
        size_t len = slash ? (size_t)(slash - line) : strlen(line);
        if (!native_flag(flag))
            continue;
        unsigned char sym[MAX_WORD];
        int n = utf8_syms(line, len, sym);
        if (n <= 0)
            continue;
        unsigned h = (unsigned)(fnv(sym, (size_t)n) % 10);
        if (strset_has(&held_out, sym, (size_t)n))
            continue;
        int nonsino = holds_nonsino(sym, (size_t)n);
        if (nonsino && (strset_has(&listed, sym, (size_t)n) || is_customary(sym, (size_t)n))) {
            /* an attested loanword spelling: trains the loanword model */
            n_kodic_loan++;
            if (strset_add(&seen, sym, (size_t)n, 1))
                add_word(sym, (size_t)n, LOAN, h == 0 ? CALIB : TRAIN);
            continue;
        }
        if (strset_has(&listed, sym, (size_t)n) || holds_loanword(sym, (size_t)n)) {
            n_kodic_dropped++;
            continue;
        }
        if (!strset_add(&seen, sym, (size_t)n, 1))
            continue;
        add_word(sym, (size_t)n, NATIVE, h == 0 ? TEST : h == 1 ? CALIB : TRAIN);
        kept++;
    }
    fclose(f);
    if (kept < MIN_NATIVE_WORDS)
        die("too few native words in ko.dic (Debian package hunspell-ko)", path);
}

static size_t n_sino;

static void read_sino(void)
{
    for (uint32_t s = 0; s < 11172; s++) {
        if (!(sino_syllable_bits[s / 8] & (1u << (s % 8))))
            continue;
        unsigned char sym[3];
        size_t n = syllable_syms(0xAC00 + s, sym);
        n_sino++;
        if (strset_add(&seen, sym, n, 1))
            add_word(sym, n, NATIVE, TRAIN);
    }
    if (n_sino < MIN_SINO)
        die("too few Sino-Korean syllables in Unihan (Debian package unicode-data)", NULL);
}

/*
 * Korean writes a compound of loanwords as one word (게임체인저, 데이터센터;
 * 외래어 표기법 제10항), and CMU lists few: every COMPOUND_EVERY-th training
 * rendering is also joined to another one, picked by a fixed stride, so the
 * model sees how one rendering ends and the next begins.
 */
#define COMPOUND_EVERY 4

static size_t n_compounds;

static void add_compounds(void)
{
    size_t *loan = xrealloc_or_die(NULL, nwords * sizeof(*loan)), n = 0, end = nwords;
    for (size_t i = 0; i < end; i++)
        if (words[i].cls == LOAN && words[i].part == TRAIN)
            loan[n++] = i;
    for (size_t k = 0; k < n; k += COMPOUND_EVERY) {
        const struct word *a = &words[loan[k]], *b = &words[loan[(k * 7919 + 13) % n]];
        unsigned char sym[MAX_WORD];
        if (a->n + b->n > MAX_WORD)
            continue;
        memcpy(sym, a->sym, a->n);
        memcpy(sym + a->n, b->sym, b->n);
        add_word(sym, a->n + b->n, LOAN, TRAIN); /* may move words: a, b not used after */
        n_compounds++;
    }
    free(loan);
}

/* ---- counting and the model ------------------------------------------------------ */

struct gram {
    uint64_t key;
    double c[2];  /* times seen as an n-gram, per model */
    double cc[2]; /* times seen as a context (sum of c over what follows) */
    double t[2];  /* distinct symbols seen after it as a context */
    double p[2];  /* interpolated P(last | rest), filled in order */
};

static struct gram *grams;
static size_t cap_grams, n_grams;

static uint64_t key_hash(uint64_t key)
{
    return (key * UINT64_C(0x9E3779B97F4A7C15)) >> 20;
}

/* The slot of key, claimed when new; assumes a free slot exists. */
static struct gram *gram_slot(uint64_t key)
{
    size_t i = (size_t)(key_hash(key) & (cap_grams - 1));
    while (grams[i].key && grams[i].key != key)
        i = (i + 1) & (cap_grams - 1);
    if (!grams[i].key) {
        grams[i].key = key;
        n_grams++;
    }
    return &grams[i];
}

/* The slot of key, doubling the table first to keep it at most half full. */
static struct gram *gram_get(uint64_t key)
{
    if ((n_grams + 1) * 2 > cap_grams) {
        struct gram *old = grams;
        size_t oldcap = cap_grams;
        cap_grams = cap_grams ? cap_grams * 2 : 1 << 16;
        grams = calloc(cap_grams, sizeof(*grams)); /* checks the product for overflow */
        if (!grams)
            die("out of memory", NULL);
        n_grams = 0;
        for (size_t i = 0; i < oldcap; i++)
            if (old[i].key)
                *gram_slot(old[i].key) = old[i];
        free(old);
    }
    return gram_slot(key);
}

static struct gram *gram_find(uint64_t key)
{
    size_t i = (size_t)(key_hash(key) & (cap_grams - 1));
    while (grams[i].key && grams[i].key != key)
        i = (i + 1) & (cap_grams - 1);
    return grams[i].key ? &grams[i] : NULL;
}

static unsigned key_order(uint64_t key)
{
    unsigned bits = 0;
    while (key >>= 1)
        bits++;
    return bits / 7;
}

/* Counts every n-gram of order 1..LOANLIKE_ORDER of one training word. */
static void count_word(const struct word *w)
{
    unsigned char seq[MAX_WORD + 2];
    size_t n = 0;
    seq[n++] = LOANLIKE_BOS;
    memcpy(seq + n, w->sym, w->n);
    n += w->n;
    seq[n++] = LOANLIKE_EOS;
    for (size_t i = 1; i < n; i++) {
        for (size_t k = 0; k < LOANLIKE_ORDER && k <= i; k++) {
            uint64_t ctx = 1;
            for (size_t j = i - k; j < i; j++)
                ctx = (ctx << 7) | seq[j];
            struct gram *g = gram_get((ctx << 7) | seq[i]);
            int fresh = g->c[w->cls] == 0;
            g->c[w->cls] += 1;
            struct gram *c = gram_get(ctx);
            c->cc[w->cls] += 1;
            if (fresh)
                c->t[w->cls] += 1;
        }
    }
}

static int cmp_order(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    unsigned ox = key_order(x), oy = key_order(y);
    if (ox != oy)
        return ox < oy ? -1 : 1;
    return x < y ? -1 : x > y;
}

static struct loanlike_slot *table;
static uint32_t nslots;

static int16_t to_fixed(double ln)
{
    double v = floor(ln * LOANLIKE_SCALE + 0.5);
    if (v < -32767)
        v = -32767;
    return (int16_t)v;
}

/* Computes the interpolated probabilities and fills the hash table. */
static void build_table(void)
{
    for (unsigned s = 1; s <= LOANLIKE_EOS; s++)
        gram_get((UINT64_C(1) << 7) | s); /* every unigram, seen or not */
    uint64_t *keys = xrealloc_or_die(NULL, n_grams * sizeof(*keys));
    size_t nk = 0;
    for (size_t i = 0; i < cap_grams; i++)
        if (grams[i].key && grams[i].key != 1)
            keys[nk++] = grams[i].key;
    qsort(keys, nk, sizeof(*keys), cmp_order);
    nslots = (uint32_t)(nk * 4 / 3 + 1);
    table = xrealloc_or_die(NULL, nslots * sizeof(*table));
    memset(table, 0, nslots * sizeof(*table));
    for (size_t i = 0; i < nk; i++) {
        struct gram *g = gram_find(keys[i]);
        unsigned k = key_order(keys[i]);
        uint64_t top = UINT64_C(1) << (7 * (k - 1));
        const struct gram *ctx = gram_find(keys[i] >> 7);
        const struct gram *lower = k > 1 ? gram_find((keys[i] & (top - 1)) | top) : NULL;
        struct loanlike_slot slot = {keys[i], {LOANLIKE_ABSENT, 0, LOANLIKE_ABSENT, 0}};
        for (int m = 0; m < 2; m++) {
            if (g->cc[m] > 0)
                slot.v[2 * m + 1] = to_fixed(log(g->t[m] / (g->cc[m] + g->t[m])));
            if ((keys[i] & 127) == LOANLIKE_BOS || (k > 1 && g->c[m] == 0))
                continue;
            double pl = k == 1 ? 1.0 / LOANLIKE_EOS : lower->p[m];
            g->p[m] = (g->c[m] + ctx->t[m] * pl) / (ctx->cc[m] + ctx->t[m]);
            slot.v[2 * m] = to_fixed(log(g->p[m]));
        }
        uint64_t h = (keys[i] * UINT64_C(0x9E3779B97F4A7C15)) >> 32;
        uint32_t j = (uint32_t)((h * nslots) >> 32);
        while (table[j].key)
            j = j + 1 == nslots ? 0 : j + 1;
        table[j] = slot;
    }
    free(keys);
}

/* ---- calibration and evaluation ---------------------------------------------------- */

static double score(const struct word *w)
{
    struct loanlike__run r;
    loanlike__run_start(&r);
    double llr = 0;
    for (size_t i = 0; i < w->n; i++)
        llr += loanlike__step(table, nslots, &r, w->sym[i]);
    return llr + loanlike__step(table, nslots, &r, LOANLIKE_EOS);
}

static double cal_a, cal_b;

static double sigmoid(double x)
{
    return 1 / (1 + exp(-x));
}

/* Logistic regression of the class on llr over part, classes weighted equally. */
static void calibrate(int part)
{
    double npos = 0, nneg = 0;
    for (size_t i = 0; i < nwords; i++)
        if (words[i].part == part)
            *(words[i].cls == LOAN ? &npos : &nneg) += 1;
    double a = 0, b = 0;
    for (int it = 0; it < 100; it++) {
        double ga = 0, gb = 0, haa = 0, hab = 0, hbb = 0;
        for (size_t i = 0; i < nwords; i++) {
            if (words[i].part != part)
                continue;
            double x = words[i].llr, y = words[i].cls == LOAN;
            double wt = y ? 0.5 / npos : 0.5 / nneg;
            double p = sigmoid(a * x + b), d = wt * p * (1 - p);
            ga += wt * (p - y) * x;
            gb += wt * (p - y);
            haa += d * x * x;
            hab += d * x;
            hbb += d;
        }
        double det = haa * hbb - hab * hab;
        if (det <= 0)
            break;
        double da = (hbb * ga - hab * gb) / det, db = (haa * gb - hab * ga) / det;
        a -= da;
        b -= db;
        if (fabs(da) < 1e-12 && fabs(db) < 1e-12)
            break;
    }
    cal_a = a;
    cal_b = b;
}

struct figures {
    size_t pos, neg;
    double auc, acc, recall, specificity, brier, ece;
};

static int cmp_llr(const void *a, const void *b)
{
    double x = (*(struct word *const *)a)->llr, y = (*(struct word *const *)b)->llr;
    return x < y ? -1 : x > y;
}

static struct figures evaluate(int part)
{
    struct figures f = {0};
    struct word **v = xrealloc_or_die(NULL, nwords * sizeof(*v));
    size_t n = 0;
    for (size_t i = 0; i < nwords; i++)
        if (words[i].part == part) {
            v[n++] = &words[i];
            *(words[i].cls == LOAN ? &f.pos : &f.neg) += 1;
        }
    if (!f.pos || !f.neg)
        die("nothing to evaluate", NULL);
    qsort(v, n, sizeof(*v), cmp_llr);
    /* AUC = P(llr of a loanword > llr of a native word), ties count half */
    double rank_sum = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && v[j]->llr == v[i]->llr)
            j++;
        for (size_t k = i; k < j; k++)
            if (v[k]->cls == LOAN)
                rank_sum += (i + j + 1) / 2.0;
        i = j;
    }
    f.auc = (rank_sum - f.pos * (f.pos + 1) / 2.0) / ((double)f.pos * f.neg);
    double bin_w[10] = {0}, bin_p[10] = {0}, bin_y[10] = {0}, tp = 0, tn = 0;
    for (size_t i = 0; i < n; i++) {
        int y = v[i]->cls == LOAN;
        double p = sigmoid(cal_a * v[i]->llr + cal_b), wt = y ? 0.5 / f.pos : 0.5 / f.neg;
        if (y && p >= 0.5)
            tp++;
        if (!y && p < 0.5)
            tn++;
        f.brier += wt * (p - y) * (p - y);
        int b = p >= 1 ? 9 : (int)(p * 10);
        bin_w[b] += wt;
        bin_p[b] += wt * p;
        bin_y[b] += wt * y;
    }
    for (int b = 0; b < 10; b++)
        f.ece += fabs(bin_p[b] - bin_y[b]);
    f.recall = tp / f.pos;
    f.specificity = tn / f.neg;
    f.acc = (f.recall + f.specificity) / 2;
    free(v);
    return f;
}

/* ---- output -------------------------------------------------------------------------- */

static size_t out_bytes;

static void out(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void out(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vprintf(fmt, ap);
    va_end(ap);
    if (n < 0)
        die("cannot write the model", strerror(errno));
    out_bytes += (size_t)n;
}

static void out_figures(const char *name, const struct figures *f)
{
    out(" *   %-11s %5zu loanwords, %5zu native: AUC %.3f, balanced accuracy %.3f "
        "(loanwords %.3f, native %.3f),\n *               Brier %.3f, ECE %.3f\n",
        name, f->pos, f->neg, f->auc, f->acc, f->recall, f->specificity, f->brier, f->ece);
}

/* Writes the symbols of w as UTF-8 syllables. */
static void print_word(const struct word *w)
{
    for (size_t i = 0; i < w->n;) {
        unsigned ini = w->sym[i] - 1u, med = w->sym[i + 1] - (JAMO_MED - JAMO_INI + 1u), fin = 0;
        i += 2;
        if (i < w->n && w->sym[i] >= JAMO_FIN - JAMO_INI + 2)
            fin = w->sym[i++] - (JAMO_FIN - JAMO_INI + 1u);
        unsigned cp = 0xAC00 + (ini * 21 + med) * 28 + fin;
        printf("%c%c%c", 0xE0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3F), 0x80 | (cp & 0x3F));
    }
}

/* --list: the test words, "loan" or "native", P and the word, one a line. */
static void list_test(void)
{
    for (size_t i = 0; i < nwords; i++) {
        if (words[i].part != TEST)
            continue;
        printf("%s\t%.4f\t", words[i].cls == LOAN ? "loan" : "native",
               sigmoid(cal_a * words[i].llr + cal_b));
        print_word(&words[i]);
        printf("\n");
    }
}

int main(int argc, char **argv)
{
    int list = argc > 1 && !strcmp(argv[1], "--list");
    argv += list;
    argc -= list;
    if (argc < 3)
        die("usage: gen_loanlike [--list] KO_DIC HELD_OUT.tsv...", NULL);
    for (int i = 2; i < argc; i++)
        read_held_out(argv[i]);
    read_index();
    read_kodic(argv[1]);
    read_sino();
    add_compounds();

    size_t ntrain[2] = {0, 0};
    for (size_t i = 0; i < nwords; i++)
        if (words[i].part == TRAIN) {
            count_word(&words[i]);
            ntrain[words[i].cls]++;
        }
    build_table();
    for (size_t i = 0; i < nwords; i++)
        words[i].llr = score(&words[i]);
    calibrate(CALIB);
    if (!(cal_a > 0))
        die("the calibration failed (the two models do not differ)", NULL);
    struct figures fc = evaluate(CALIB), ft = evaluate(TEST);
    if (fc.auc < MIN_AUC)
        die("the model separates loanwords from native words poorly: check Debian packages "
            "hunspell-ko, festlex-cmu, scowl and unicode-data",
            NULL);

    if (list) {
        list_test();
        return fflush(stdout) || ferror(stdout);
    }
    size_t used = 0;
    for (uint32_t i = 0; i < nslots; i++)
        used += table[i].key != 0;
    out("/*\n * Generated by src/gen/gen_loanlike.c; do not edit. Loanword-likeness model:\n"
        " * jamo %d-grams, Witten-Bell, %u slots (%zu n-grams).\n"
        " * Training words: %zu loanwords (CMU renderings of SCOWL size <= 60 words;\n"
        " * ko.dic gave %zu; %zu compounds of two) and %zu native words (ko.dic\n"
        " * nouns and adverbs; %zu entries dropped as renderings of English words or\n"
        " * compounds holding one; %zu Sino-Korean syllables). %zu held-out loanwords,\n"
        " * %zu of them in the index (withheld from training).\n"
        " * Calibration: log-odds = %.4f * llr %+.4f\n",
        LOANLIKE_ORDER, nslots, used, ntrain[LOAN], n_kodic_loan, n_compounds, ntrain[NATIVE],
        n_kodic_dropped, n_sino, n_held_out, n_held_in_index, cal_a, cal_b);
    out_figures("calibration", &fc);
    out_figures("test", &ft);
    out(" */\n#include \"align/loanlike_int.h\"\n\n");
    out("const uint32_t loanlike_nslots = %u;\n", nslots);
    out("const double loanlike_cal_a = %.17g;\n", cal_a);
    out("const double loanlike_cal_b = %.17g;\n", cal_b);
    out("const struct loanlike_slot loanlike_slots[] = {\n");
    for (uint32_t i = 0; i < nslots; i++) {
        const struct loanlike_slot *s = &table[i];
        if (!s->key)
            out("{0},\n");
        else
            out("{0x%llx,{%d,%d,%d,%d}},\n", (unsigned long long)s->key, s->v[0], s->v[1], s->v[2],
                s->v[3]);
    }
    out("};\n");
    if (fflush(stdout) || ferror(stdout))
        die("cannot write the model", strerror(errno));
    if (used < MIN_SLOTS || out_bytes < (size_t)nslots * 4)
        die("the model written is too small (Debian packages hunspell-ko, festlex-cmu)", NULL);
    return 0;
}
