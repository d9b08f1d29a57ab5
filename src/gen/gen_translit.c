/*
 * gen_translit.c - build-time generator of the loanword index.
 *
 *   gen_translit /usr/share/festival/dicts/cmu/cmudict-0.4.out /usr/share/dict/scowl \
 *                [translit_lts.out [/usr/share/hunspell/ko.dic]] > translit_index.c
 *
 * Reads the CMU pronouncing dictionary as Debian's festlex-cmu ships it (the
 * Festival lexicon format, one entry a line:
 *     ("cloud" nil (((k l aw d) 1)))
 * word, part of speech, then syllables of ARPAbet phones with a stress
 * digit), renders every pronunciation of every all-letter word into Hangul
 * with translit_ortho_render() (외래어 표기법 제3장 제1절, see src/align/translit_ortho.c) and
 * writes a C source file that defines the index declared in
 * src/align/translit_int.h:
 *
 *   translit_words    "a\0aaa\0..."  the distinct words, NUL-separated
 *   translit_entries  {word offset, family, variant, tier, flags}, sorted
 *                     by first jamo code, then by rendering (jamo), then word
 *   translit_trie, translit_trie_first, translit_trie_down, translit_trie_bucket
 *                     the renderings as a trie, its top levels and the runs
 *                     below them each in preorder: what the scan reads
 *                     (translit_int.h)
 *
 * Renderings per pronunciation (enum translit_variant): the standard one
 * (STANDARD), the spelling-influenced one when it differs (SPELLED), and for
 * a word that is two dictionary words joined (startup = start + up) the
 * parts rendered on their own (COMPOUND), as 제10항 1 requires for
 * compounds. Agent nouns missing from CMU (changer) are derived as word +
 * [er] and marked DERIVED; the runtime asks hunspell whether they are words.
 * The customary rendering is CUSTOMARY, and letter readings that ko.dic
 * attests are LETTERS.
 *
 * "family" counts the inflected and derived forms of a word that the
 * dictionary also lists (style: styles, styled, stylish, stylist ...): an
 * honest, if rough, sign of how common and productive a word is (CMU lists
 * the forms of common words and mostly bare rare words and names). It breaks
 * ties between homophones (style/stile).
 *
 * "tier" is the word's frequency class: the smallest SCOWL size list
 * (Debian's scowl, english-words.N and american-words.N, N = 10 ... 95) that
 * holds it, as 0 ... 9, or TRANSLIT_TIER_NONE; a spelling variant
 * (variant_1-words) and a capitalised word of english-upper.10 ... 40
 * (Indian) count two sizes rarer. An agent noun SCOWL lacks takes its verb's
 * tier + 2. "inflected" marks plural and past forms,
 * regular and irregular.
 *
 * The optional third file adds words CMU lacks, in the same line format,
 * pronounced by flite (gen_translit_lts.c); a word CMU has or that is derived
 * from a CMU word keeps that pronunciation.
 *
 * The optional fifth argument is WordNet's directory (Debian's wordnet-base):
 * its exception lists name irregular forms (drawn, rode, bought), which are
 * marked "inflected" like plurals unless WordNet also has them as nouns
 * (saw, bit, rose are borrowed as nouns), and its sense counts (cntlist.rev,
 * how often SemCor tags each sense) mark the words mostly used as a verb,
 * adjective or adverb (break, later), which Korean borrows less than nouns.
 * A common word in none of its indexes (index.noun, .verb, .adj, .adv) is a
 * function word (via: is_function_word), and the first words of its two-word
 * nouns tell which words English writes spaced from the next (find_solid_words).
 *
 * The optional fourth file is the word list of Debian's hunspell-ko (ko.dic:
 * a count line, then one word a line, "word/flags", words in conjoining jamo
 * U+1100-U+11FF, i.e. NFD). It decides which letter readings join the
 * index (see "letter readings" below); nothing of it is emitted.
 *
 * The optional sixth argument is the directory of Debian's hunspell-en-us
 * (en_US.aff, en_US.dic): hunspell decides, once here, which index words are
 * English words and which are names or rare forms (the runtime reads the
 * answer from each entry, not from hunspell), and the stems of en_US.dic that
 * the index lacks become translit_hunspell_words, so that two index words
 * written together can be looked up as one word (deep + fake: deepfake).
 *
 * Output is deterministic. Exit status 0, or 1 with a one-line message on
 * stderr naming the file and the Debian package when an input is missing,
 * unreadable or smaller than the floors below; the Makefile writes stdout to
 * a temp file and renames it only on success.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "align/spell.h"
#include "align/translit_int.h"
#define GEN_NAME "gen_translit"
#include "gen/gen_input.h"
#include "util/banned.h"

struct pron {
    char *word;   /* lower-case letters only */
    char *phones; /* "k l aw d" */
    int derived;  /* 1 for a derived agent noun */
};

struct out_entry {
    size_t word; /* index into the word table */
    size_t jamo; /* offset in the jamo blob */
    unsigned char len;
    unsigned char variant;  /* enum translit_variant */
    unsigned char first;    /* first jamo code */
    unsigned char attested; /* 1 when the rendering is a ko.dic word */
};

/* Jamo entry i shares with entry i - 1 of its bucket (0 at a bucket's start). */
static size_t lcp_of(const struct out_entry *ent, const unsigned char *blob, size_t i)
{
    size_t l = 0;
    if (i && ent[i - 1].first == ent[i].first) {
        const unsigned char *a = blob + ent[i - 1].jamo, *b = blob + ent[i].jamo;
        while (l < ent[i - 1].len && l < ent[i].len && a[l] == b[l])
            l++;
    }
    return l;
}

/* SCOWL size classes (Debian scowl, /usr/share/dict/scowl/<list>.<size>),
 * smallest first: a word's smallest class is its frequency tier 0..9. */
static const char *const scowl_sizes[] = {"10", "20", "35", "40", "50",
                                          "55", "60", "70", "80", "95"};
/* [2] holds spelling variants (see load_scowl) */
static const char *const scowl_lists[] = {"english-words", "american-words", "variant_1-words"};
#define TIER_NONE TRANSLIT_TIER_NONE /* not in any SCOWL list */
#define LISTED_TIER TRANSLIT_TIER_LISTED

/*
 * Floors: a truncated or missing input stops the build instead of shipping a
 * thin index. Each sits about 10 % under what Debian 12 gave on 2026-12-02:
 * festlex-cmu 105,775 pronunciations of all-letter words, scowl 426,346
 * distinct lower-case words (30 lists), hunspell-ko 99,599 distinct words,
 * wordnet-base 5,641 irregular forms, 55,191 nouns, 8,429 verbs, 17,874
 * adjectives and 3,630 adverbs of one word (index.verb, .adj, .adv) and
 * 17,333 sense-tagged lemmas (cntlist.rev), gen_translit_lts 196,622
 * pronunciations, and 598,320 index entries.
 */
#define MIN_CMU_PRONS 95000
#define MIN_SCOWL_WORDS 380000
#define MIN_KODIC_WORDS 90000
#define MIN_WN_IRREGULAR 5000
#define MIN_WN_NOUNS 50000
#define MIN_WN_VERBS 7500
#define MIN_WN_ADJS 16000
#define MIN_WN_ADVS 3200
#define MIN_WN_TAGGED 15000
#define MIN_LTS_PRONS 175000
#define MIN_ENTRIES 540000
#define MIN_SPELLED 100000     /* index words hunspell en_US accepts (Debian 12: about 128,000) */
#define MIN_HUNSPELL_EXTRA 300 /* en_US.dic stems the index lacks (Debian 12: 696) */

struct scowl_word {
    char *word;
    unsigned char tier;
};

static struct scowl_word *scowl;
static size_t nscowl, ascowl;

static struct pron *prons;
static size_t nprons, aprons;
static char **words; /* distinct words, sorted */
static size_t nwords;
static unsigned char *family;
static unsigned char *tier; /* per word: SCOWL tier, TIER_NONE when unlisted */
static struct out_entry *entries;
static size_t nentries, aentries;
static unsigned char *jamo_blob;
static size_t njamo, ajamo;

static void *grow(void *p, size_t *alloc, size_t need, size_t size)
{
    if (need <= *alloc)
        return p;
    *alloc = need < 1024 ? 1024 : need * 2;
    p = realloc(p, *alloc * size);
    if (!p) {
        fputs("gen_translit: out of memory\n", stderr);
        exit(1);
    }
    return p;
}

static char *dupstr(const char *s, size_t len)
{
    char *d = malloc(len + 1);
    if (!d) {
        fputs("gen_translit: out of memory\n", stderr);
        exit(1);
    }
    memcpy(d, s, len);
    d[len] = '\0';
    return d;
}

static void add_pron(const char *w, size_t wlen, const char *phones, int derived)
{
    prons = grow(prons, &aprons, nprons + 1, sizeof(*prons));
    prons[nprons].word = dupstr(w, wlen);
    prons[nprons].phones = dupstr(phones, strlen(phones));
    prons[nprons].derived = derived;
    nprons++;
}

static int cmp_scowl_word(const void *pa, const void *pb)
{
    return strcmp(((const struct scowl_word *)pa)->word, ((const struct scowl_word *)pb)->word);
}

static int cmp_scowl(const void *pa, const void *pb)
{
    const struct scowl_word *a = pa, *b = pb;
    int c = strcmp(a->word, b->word);
    return c ? c : a->tier - b->tier;
}

/*
 * Folds the accented lower-case letters of Latin-1 (UTF-8 C3 A0..BF) in
 * s[0..len) to ASCII in place, so that SCOWL's "café" is the "cafe" CMU
 * lists. Returns the new length.
 */
static size_t fold_latin1(char *s, size_t len)
{
    /* U+00E0..U+00FF: à á â ã ä å æ ç è é ê ë ì í î ï ð ñ ò ó ô õ ö ÷ ø ù ú û ü ý þ ÿ */
    static const char fold[] = "aaaaaa/ceeeeiiii/nooooo/ouuuuy/y";
    size_t k = 0;

    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i], d = i + 1 < len ? (unsigned char)s[i + 1] : 0;
        if (c == 0xC3 && d >= 0xA0 && d <= 0xBF) {
            s[k++] = fold[d - 0xA0];
            i++;
        } else {
            s[k++] = s[i];
        }
    }
    return k;
}

/*
 * Adds the words of SCOWL list dir/<list>.<scowl_sizes[t]> at tier wtier. Only
 * all-lower-case ASCII words are kept (names, abbreviations and possessives
 * are in other lists or have other characters); with capital, a word written
 * with a capital first letter is kept in lower case (Indian: indian).
 */
static void load_scowl_file(const char *dir, const char *list, size_t t, unsigned wtier,
                            int capital)
{
    char path[4096], line[256];
    FILE *fp;
    if ((size_t)snprintf(path, sizeof(path), "%s/%s.%s", dir, list, scowl_sizes[t]) >= sizeof(path))
        die_input(dir, "scowl", ENAMETOOLONG);
    fp = open_input(path, "scowl");
    while (fgets(line, sizeof(line), fp)) {
        size_t len = fold_latin1(line, strcspn(line, "\r\n"));
        if (capital && len && line[0] >= 'A' && line[0] <= 'Z')
            line[0] = (char)(line[0] - 'A' + 'a');
        int ok = len > 0;
        for (size_t i = 0; i < len && ok; i++)
            ok = line[i] >= 'a' && line[i] <= 'z';
        if (!ok)
            continue;
        scowl = grow(scowl, &ascowl, nscowl + 1, sizeof(*scowl));
        scowl[nscowl].word = dupstr(line, len);
        scowl[nscowl].tier = (unsigned char)wtier;
        nscowl++;
    }
    close_input(fp, path, "scowl");
}

/*
 * Reads the SCOWL lists under dir; each must be there. Returns the number of
 * distinct words.
 */
static size_t load_scowl(const char *dir)
{
    size_t k = 0;

    for (size_t l = 0; l < sizeof(scowl_lists) / sizeof(scowl_lists[0]); l++)
        for (size_t t = 0; t < sizeof(scowl_sizes) / sizeof(scowl_sizes[0]); t++)
            /* a spelling variant (variant_1: hotline beside hot line,
             * programing beside programming) counts two sizes rarer */
            load_scowl_file(dir, scowl_lists[l], t, l >= 2 ? (t + 2 > 9 ? 9 : t + 2) : t, 0);
    /* SCOWL's capitalised words, two sizes rarer, as a spelling variant: up
     * to size 40 mostly nationalities, languages, religions (Indian, Christian,
     * American: 인디언, 크리스천, 아메리칸), few names (John). From size 50 on
     * the list is mostly surnames and brands (Beckett, Capone, Pernod). */
    for (size_t t = 0; t < sizeof(scowl_sizes) / sizeof(scowl_sizes[0]); t++)
        if (!strcmp(scowl_sizes[t], "10") || !strcmp(scowl_sizes[t], "35") ||
            !strcmp(scowl_sizes[t], "40"))
            load_scowl_file(dir, "english-upper", t, (unsigned)t + 2, 1);
    qsort(scowl, nscowl, sizeof(*scowl), cmp_scowl);
    for (size_t i = 0; i < nscowl; i++)
        if (!k || strcmp(scowl[k - 1].word, scowl[i].word))
            scowl[k++] = scowl[i];
        else
            free(scowl[i].word);
    nscowl = k;
    return nscowl;
}

/* The SCOWL tier of w, TIER_NONE when unlisted. */
static unsigned char scowl_tier(const char *w)
{
    struct scowl_word key, *hit;
    key.word = (char *)(uintptr_t)w;
    key.tier = 0;
    hit = bsearch(&key, scowl, nscowl, sizeof(*scowl), cmp_scowl_word);
    return hit ? hit->tier : TIER_NONE;
}

/* ---- the Korean word list (hunspell-ko) ---------------------------------------- */

struct kword {
    unsigned char *codes; /* jamo codes (translit_int.h) */
    size_t len;           /* number of codes */
};

static struct kword *kodic;
static size_t nkodic, akodic;

static int cmp_kword(const void *pa, const void *pb)
{
    const struct kword *a = pa, *b = pb;
    size_t n = a->len < b->len ? a->len : b->len;
    int c = memcmp(a->codes, b->codes, n);
    return c ? c : a->len < b->len ? -1 : a->len > b->len;
}

/*
 * Converts one ko.dic word (conjoining jamo, UTF-8) to jamo codes. Returns
 * the count, or -1 when it holds anything else or is not a sequence of
 * initial + medial [+ final] syllables.
 */
static int kodic_word(const unsigned char *s, size_t len, unsigned char *out, size_t max)
{
    size_t n = 0;
    int prev = 0; /* 0 start or after a final/medial, 1 after an initial, 2 after a medial */

    for (size_t i = 0; i < len; i += 3) {
        unsigned c;
        if (i + 3 > len || s[i] != 0xE1 || (s[i + 1] & 0xC0) != 0x80 || (s[i + 2] & 0xC0) != 0x80)
            return -1;
        c = (unsigned)(s[i] & 0x0F) << 12 | (unsigned)(s[i + 1] & 0x3F) << 6 | (s[i + 2] & 0x3F);
        if (n == max)
            return -1;
        if (c >= 0x1100 && c <= 0x1112 && prev != 1) {
            out[n++] = (unsigned char)(JAMO_INI + (c - 0x1100));
            prev = 1;
        } else if (c >= 0x1161 && c <= 0x1175 && prev == 1) {
            out[n++] = (unsigned char)(JAMO_MED + (c - 0x1161));
            prev = 2;
        } else if (c >= 0x11A8 && c <= 0x11C2 && prev == 2) {
            out[n++] = (unsigned char)(JAMO_FIN + 1 + (c - 0x11A8));
            prev = 3;
        } else {
            return -1;
        }
    }
    return n && prev >= 2 ? (int)n : -1;
}

/* Reads ko.dic (see the file comment). Returns the number of words kept. */
static size_t load_kodic(const char *path)
{
    char line[1024];
    size_t k = 0;
    FILE *fp = open_input(path, "hunspell-ko");

    while (fgets(line, sizeof(line), fp)) {
        unsigned char codes[TRANSLIT_MAX_JAMO];
        size_t len = strcspn(line, "/\r\n");
        int n = kodic_word((const unsigned char *)line, len, codes, sizeof(codes));
        if (n <= 0)
            continue; /* the count line, digits, Latin letters */
        kodic = grow(kodic, &akodic, nkodic + 1, sizeof(*kodic));
        kodic[nkodic].codes = (unsigned char *)dupstr((const char *)codes, (size_t)n);
        kodic[nkodic].len = (size_t)n;
        nkodic++;
    }
    close_input(fp, path, "hunspell-ko");
    qsort(kodic, nkodic, sizeof(*kodic), cmp_kword);
    for (size_t i = 0; i < nkodic; i++)
        if (!k || cmp_kword(&kodic[k - 1], &kodic[i]))
            kodic[k++] = kodic[i];
        else
            free(kodic[i].codes);
    nkodic = k;
    return nkodic;
}

/* 1 when codes[0..len) is a ko.dic word. */
static int kodic_has(const unsigned char *codes, size_t len)
{
    struct kword key;
    key.codes = (unsigned char *)(uintptr_t)codes;
    key.len = len;
    return nkodic && bsearch(&key, kodic, nkodic, sizeof(*kodic), cmp_kword) != NULL;
}

/* Parses one lexicon line; skips words that are not all letters. */
static void parse_line(const char *line)
{
    const char *q, *p;
    char phones[512];
    size_t n = 0;

    if (line[0] != '(' || line[1] != '"')
        return;
    q = strchr(line + 2, '"');
    if (!q || q == line + 2)
        return;
    for (p = line + 2; p < q; p++)
        if (*p < 'a' || *p > 'z')
            return;
    /* skip the part of speech, then collect letters and spaces */
    p = strchr(q, '(');
    if (!p)
        return;
    for (; *p && n + 2 < sizeof(phones); p++) {
        if (*p >= 'a' && *p <= 'z')
            phones[n++] = *p;
        else if ((*p == ' ' || *p == '(' || *p == ')') && n && phones[n - 1] != ' ')
            phones[n++] = ' ';
    }
    while (n && phones[n - 1] == ' ')
        n--;
    phones[n] = '\0';
    if (n)
        add_pron(line + 2, (size_t)(q - line - 2), phones, 0);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static char **base; /* the words CMU lists, before derivation, sorted */
static size_t nbase;

static int is_base_word(const char *w)
{
    return bsearch(&w, base, nbase, sizeof(*base), cmp_str) != NULL;
}

static long find_word(const char *w)
{
    char **hit = bsearch(&w, words, nwords, sizeof(*words), cmp_str);
    return hit ? (long)(hit - words) : -1;
}

static const char *first_phones(const char *w)
{
    /* prons of a word are adjacent in file order; a linear scan is too slow */
    static size_t *first;
    if (!first) {
        first = calloc(nwords, sizeof(*first));
        if (!first)
            exit(1);
        for (size_t i = nprons; i-- > 0;) {
            long k = find_word(prons[i].word);
            if (k >= 0)
                first[k] = i + 1;
        }
    }
    {
        long k = find_word(w);
        return k >= 0 && first[k] ? prons[first[k] - 1].phones : NULL;
    }
}

static void build_words(void)
{
    char **all = malloc(nprons * sizeof(*all));
    if (!all)
        exit(1);
    for (size_t i = 0; i < nprons; i++)
        all[i] = prons[i].word;
    qsort(all, nprons, sizeof(*all), cmp_str);
    words = all;
    for (size_t i = 0; i < nprons; i++)
        if (!nwords || strcmp(words[nwords - 1], all[i]))
            words[nwords++] = all[i];
}

/* See "family" in the file comment. */
static void count_families(void)
{
    family = calloc(nwords, 1);
    if (!family)
        exit(1);
    for (size_t i = 0; i < nwords; i++) {
        static const char *const suffix[] = {"s",  "es", "ed",  "d",   "ing", "er",  "ers", "r",
                                             "ly", "y",  "ish", "ist", "al",  "ful", "ness"};
        size_t len = strlen(words[i]), c = 0;
        char buf[160], seen[3 * 15][160]; /* distinct forms found */
        if (len + 5 >= sizeof(buf))
            continue;
        for (size_t k = 0; k < sizeof(suffix) / sizeof(suffix[0]); k++) {
            size_t sl = strlen(suffix[k]);
            char form[3][160];
            int nf = 0;
            memcpy(form[nf], words[i], len);
            memcpy(form[nf++] + len, suffix[k], sl + 1);
            if (words[i][len - 1] == 'e' && strchr("ei", suffix[k][0])) { /* style: styled */
                memcpy(form[nf], words[i], len - 1);
                memcpy(form[nf++] + len - 1, suffix[k], sl + 1);
            }
            if (len >= 3 && strchr("ei", suffix[k][0]) && !strchr("aeiouwxy", words[i][len - 1]) &&
                strchr("aeiou", words[i][len - 2]) && !strchr("aeiou", words[i][len - 3])) {
                memcpy(form[nf], words[i], len); /* shop: shopped, shopping */
                form[nf][len] = words[i][len - 1];
                memcpy(form[nf++] + len + 1, suffix[k], sl + 1);
            }
            for (int f = 0; f < nf; f++) {
                size_t j = 0;
                if (!strcmp(form[f], words[i]) || !is_base_word(form[f]))
                    continue;
                while (j < c && strcmp(seen[j], form[f]))
                    j++;
                if (j == c && c < sizeof(seen) / sizeof(seen[0]))
                    memcpy(seen[c++], form[f], strlen(form[f]) + 1);
            }
        }
        family[i] = (unsigned char)c;
    }
}

/* ---- irregular forms (WordNet) --------------------------------------------------- */

/* Sorted word sets read from WordNet: irregular inflected forms, noun lemmas,
 * verb, adjective and adverb lemmas. */
static char **irregular, **nouns, **lemmas;
static size_t nirregular, airregular, nnouns, anouns, nlemmas, alemmas;

/*
 * WordNet's sense counts by lemma (cntlist.rev, "break%2:30:03:: 1 15": lemma,
 * sense key whose first digit is the part of speech, 1 a noun, then sense
 * number and the times SemCor tags the sense), summed over the senses.
 */
struct tag_count {
    char *word;
    unsigned noun, other; /* tags as a noun, as any other part of speech */
};
static struct tag_count *tags;
static size_t ntags, atags;

static int cmp_tag_count(const void *a, const void *b)
{
    return strcmp(((const struct tag_count *)a)->word, ((const struct tag_count *)b)->word);
}

/* Reads cntlist.rev into tags[], one row a lemma of lower-case letters. */
static void load_tag_counts(const char *path)
{
    char line[4096];
    FILE *fp = open_input(path, "wordnet-base");
    size_t k = 0;

    while (fgets(line, sizeof(line), fp)) {
        size_t len = strcspn(line, "%");
        const char *sp = strchr(line, ' ');
        char *end = NULL;
        unsigned long count = 0;
        int ok = len > 0 && line[len] == '%';
        for (size_t i = 0; i < len && ok; i++)
            ok = line[i] >= 'a' && line[i] <= 'z';
        if (ok && sp) { /* "sense_key sense_number tag_count" */
            errno = 0;
            (void)strtoul(sp + 1, &end, 10);
            ok = end != sp + 1 && *end == ' ';
            if (ok) {
                const char *c = end + 1;
                count = strtoul(c, &end, 10);
                ok = end != c && errno == 0 && count <= UINT_MAX;
            }
        }
        if (!ok || !sp)
            continue; /* collocations (data_set), digits, hyphens */
        tags = grow(tags, &atags, ntags + 1, sizeof(*tags));
        tags[ntags].word = dupstr(line, len);
        tags[ntags].noun = line[len + 1] == '1' ? (unsigned)count : 0;
        tags[ntags].other = line[len + 1] == '1' ? 0 : (unsigned)count;
        ntags++;
    }
    close_input(fp, path, "wordnet-base");
    qsort(tags, ntags, sizeof(*tags), cmp_tag_count);
    for (size_t i = 0; i < ntags; i++) {
        if (k && !strcmp(tags[k - 1].word, tags[i].word)) {
            tags[k - 1].noun += tags[i].noun;
            tags[k - 1].other += tags[i].other;
            free(tags[i].word);
        } else
            tags[k++] = tags[i];
    }
    ntags = k;
}

/* Adds the first field of each line of path (WordNet's "word ..." lines) to *set. */
static void load_first_fields(const char *path, char ***set, size_t *n, size_t *alloc)
{
    char line[4096];
    FILE *fp = open_input(path, "wordnet-base");
    while (fgets(line, sizeof(line), fp)) {
        size_t len = strcspn(line, " \n");
        int ok = len > 0 && line[0] != ' ';
        for (size_t i = 0; i < len && ok; i++)
            ok = line[i] >= 'a' && line[i] <= 'z';
        if (!ok)
            continue; /* the licence header, collocations (data_set), hyphens */
        *set = grow(*set, alloc, *n + 1, sizeof(**set));
        (*set)[(*n)++] = dupstr(line, len);
    }
    close_input(fp, path, "wordnet-base");
}

static int cmp_strp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* First words of WordNet's two-word nouns (role of role_model), sorted, repeated
 * once a noun: how often English writes the word spaced from the next. */
static char **open_first;
static size_t nopen_first, aopen_first;

/* Adds to open_first the first word of each two-word noun of index.noun at path. */
static void load_open_compounds(const char *path)
{
    char line[4096];
    FILE *fp = open_input(path, "wordnet-base");
    while (fgets(line, sizeof(line), fp)) {
        size_t len = strcspn(line, " \n"), a = strspn(line, "abcdefghijklmnopqrstuvwxyz");
        if (a == 0 || a >= len || line[a] != '_' ||
            a + 1 + strspn(line + a + 1, "abcdefghijklmnopqrstuvwxyz") != len)
            continue; /* one word, three words, or other characters */
        open_first = grow(open_first, &aopen_first, nopen_first + 1, sizeof(*open_first));
        open_first[nopen_first++] = dupstr(line, a);
    }
    close_input(fp, path, "wordnet-base");
    qsort(open_first, nopen_first, sizeof(*open_first), cmp_strp);
}

/* The two-word nouns of WordNet that begin with w. */
static size_t open_count(const char *w)
{
    size_t lo = 0, hi = nopen_first, n = 0;
    while (lo < hi) { /* the first entry not below w */
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(open_first[mid], w) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    while (lo + n < nopen_first && !strcmp(open_first[lo + n], w))
        n++;
    return n;
}

/*
 * Reads WordNet's exception lists (verb.exc, adj.exc, noun.exc: irregular
 * forms, "drawn draw"), its indexes and its sense counts. Dies when a file is
 * missing or the lists are under the floors.
 */
static void load_wordnet(const char *dir)
{
    static const char *const exc[] = {"verb.exc", "adj.exc", "noun.exc"};
    char path[4096];
    for (size_t i = 0; i < sizeof(exc) / sizeof(exc[0]); i++) {
        if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir, exc[i]) >= sizeof(path))
            die_input(dir, "wordnet-base", ENAMETOOLONG);
        load_first_fields(path, &irregular, &nirregular, &airregular);
    }
    check_floor(dir, "wordnet-base", "irregular forms (*.exc)", nirregular, MIN_WN_IRREGULAR);
    if ((size_t)snprintf(path, sizeof(path), "%s/index.noun", dir) >= sizeof(path))
        die_input(dir, "wordnet-base", ENAMETOOLONG);
    load_first_fields(path, &nouns, &nnouns, &anouns);
    check_floor(path, "wordnet-base", "nouns", nnouns, MIN_WN_NOUNS);
    load_open_compounds(path);
    /* the other parts of speech: a word in none is a function word (via), so a
     * cut index would mark content words (is_function_word) */
    static const struct {
        const char *file, *what;
        size_t min;
    } other[] = {{"index.verb", "verbs", MIN_WN_VERBS},
                 {"index.adj", "adjectives", MIN_WN_ADJS},
                 {"index.adv", "adverbs", MIN_WN_ADVS}};
    for (size_t i = 0; i < sizeof(other) / sizeof(other[0]); i++) {
        size_t before = nlemmas;
        if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir, other[i].file) >= sizeof(path))
            die_input(dir, "wordnet-base", ENAMETOOLONG);
        load_first_fields(path, &lemmas, &nlemmas, &alemmas);
        check_floor(path, "wordnet-base", other[i].what, nlemmas - before, other[i].min);
    }
    qsort(irregular, nirregular, sizeof(*irregular), cmp_strp);
    qsort(nouns, nnouns, sizeof(*nouns), cmp_strp);
    qsort(lemmas, nlemmas, sizeof(*lemmas), cmp_strp);
    if ((size_t)snprintf(path, sizeof(path), "%s/cntlist.rev", dir) >= sizeof(path))
        die_input(dir, "wordnet-base", ENAMETOOLONG);
    load_tag_counts(path);
    check_floor(path, "wordnet-base", "sense-tagged lemmas", ntags, MIN_WN_TAGGED);
}

/*
 * 1 for a word SemCor tags at least twice, over two thirds of the time as a
 * verb, adjective or adverb: break (9 tags as a noun, 95 as a verb; 브레이크
 * is brake, 2 as a noun), later. Korean borrows nouns; rarely tagged words
 * (visa, 0) tell nothing.
 */
static int is_mostly_not_noun(const char *w)
{
    const struct tag_count key = {(char *)w, 0, 0};
    const struct tag_count *t = bsearch(&key, tags, ntags, sizeof(*tags), cmp_tag_count);
    return t && t->other >= 2 && 2 * t->noun < t->other;
}

/*
 * 1 for an irregular inflected form that is not also a noun: drawn, rode,
 * bought; not saw, bit or rose, which Korean borrows as nouns.
 */
static int is_irregular_form(const char *w)
{
    return bsearch(&w, irregular, nirregular, sizeof(*irregular), cmp_strp) &&
           !bsearch(&w, nouns, nnouns, sizeof(*nouns), cmp_strp);
}

/*
 * 1 when stem can be what an inflected form was made from: a CMU word that
 * some SCOWL list has. CMU alone is not enough: it lists "roa", which made
 * "road" look like a past form.
 */
static int is_common_base(const char *stem)
{
    long i = find_word(stem);
    return is_base_word(stem) && i >= 0 && tier[i] != TIER_NONE;
}

/*
 * 1 when w is a plural or past form of another listed word: stem + s, stem
 * in s/x/z/ch/sh/o + es, stem + ed, stem in e + d, stem in y with ies or
 * ied (stories), or a doubled final consonant + ed (shopped); or an
 * irregular form (is_irregular_form). Loanwords are borrowed in the base
 * form, so these rank a little lower (guest over guessed). -ing and -er
 * forms are not marked: 쇼핑, 마케팅, 매니저.
 */
static int is_inflection(const char *w)
{
    static const char *const suffix[] = {"s", "es", "ed", "d"};
    size_t len = strlen(w);
    char stem[160];

    if (is_irregular_form(w))
        return 1;
    if (len >= sizeof(stem) || len < 4)
        return 0;
    for (size_t k = 0; k < sizeof(suffix) / sizeof(suffix[0]); k++) {
        size_t sl = strlen(suffix[k]), n = len - sl;
        if (strcmp(w + n, suffix[k]) || n < 3 || (sl == 1 && w[n - 1] == 's'))
            continue;
        memcpy(stem, w, n);
        stem[n] = '\0';
        if (!strcmp(suffix[k], "d") && stem[n - 1] != 'e')
            continue; /* road is not roa + d; moved is move + d */
        if (!strcmp(suffix[k], "es") && !strchr("sxzoi", stem[n - 1]) &&
            strcmp(stem + n - 2, "ch") && strcmp(stem + n - 2, "sh"))
            continue; /* boxes, buses, wishes; not "clothes" from "cloth" */
        if (is_common_base(stem))
            return 1;
        if ((!strcmp(suffix[k], "es") || !strcmp(suffix[k], "ed")) && stem[n - 1] == 'i') {
            stem[n - 1] = 'y'; /* stories, applied */
            if (is_common_base(stem))
                return 1;
            stem[n - 1] = 'i';
        }
        if (!strcmp(suffix[k], "ed") && n >= 4 && stem[n - 1] == stem[n - 2]) {
            stem[n - 1] = '\0';
            if (is_common_base(stem))
                return 1;
        }
    }
    return 0;
}

/* 1 when WordNet lists w in some part of speech, or as an irregular form. */
static int in_wordnet(const char *w)
{
    return bsearch(&w, nouns, nnouns, sizeof(*nouns), cmp_strp) ||
           bsearch(&w, lemmas, nlemmas, sizeof(*lemmas), cmp_strp) ||
           bsearch(&w, irregular, nirregular, sizeof(*irregular), cmp_strp);
}

/*
 * 1 for a function word: a word of SCOWL's commonest list (size 10, tier
 * FUNCTION_TIER) that WordNet lists in no part of speech, nor any base it
 * could be an inflection of (w less -s, -ed, -ing, -er, -est, with an e, a y
 * or a doubled consonant back, or -men for -man, as WordNet's own morphology
 * strips them): via, against, whom, per (77 words), not caching, safer or
 * women (위민 is women, not wimmin). Such words are not borrowed alone: 바이어
 * is buyer, not via. (WordNet lacks many newer nouns too, keyword, toolkit,
 * blog, but they are rarer than size 10.)
 */
#define FUNCTION_TIER 0
static int is_function_word(const char *w)
{
    static const char *const suffix[][2] = {
        {"s", ""},    {"es", ""},  {"ies", "y"}, {"ed", ""},    {"ed", "e"},
        {"ied", "y"}, {"ing", ""}, {"ing", "e"}, {"er", ""},    {"er", "e"},
        {"ier", "y"}, {"est", ""}, {"est", "e"}, {"iest", "y"}, {"men", "man"}};
    long i = find_word(w);
    size_t len = strlen(w);
    char stem[128];

    if (!nlemmas || i < 0 || tier[i] > FUNCTION_TIER || in_wordnet(w) || len >= sizeof(stem))
        return 0;
    for (size_t k = 0; k < sizeof(suffix) / sizeof(suffix[0]); k++) {
        size_t sl = strlen(suffix[k][0]), n = len - sl;
        if (len <= sl + 1 || strcmp(w + n, suffix[k][0]))
            continue;
        memcpy(stem, w, n);
        memcpy(stem + n, suffix[k][1], strlen(suffix[k][1]) + 1);
        if (in_wordnet(stem))
            return 0;
        if (n >= 2 && stem[n - 1] == stem[n - 2] && !*suffix[k][1]) {
            stem[n - 1] = '\0'; /* shopping: shop */
            if (in_wordnet(stem))
                return 0;
        }
    }
    return 1;
}

/* Adds agent nouns in -er that CMU lacks (changer): see the file comment. */
static void derive_agent_nouns(void)
{
    size_t n = nprons;
    for (size_t i = 0; i < n; i++) {
        const char *w = prons[i].word;
        size_t len = strlen(w);
        char buf[128], ph[600];
        if (len < 4 || len + 3 > sizeof(buf) || strchr("aiouyw", w[len - 1]) ||
            !strcmp(w + len - 2, "er") || !strcmp(w + len - 2, "ed") ||
            !strcmp(w + len - 3, "ing") || !strcmp(w + len - 2, "ly") || w[len - 1] == 's' ||
            (i && !strcmp(prons[i - 1].word, w)))
            continue;
        memcpy(buf, w, len);
        if (w[len - 1] == 'e') {
            buf[len] = 'r';
            buf[len + 1] = '\0';
        } else {
            buf[len] = 'e';
            buf[len + 1] = 'r';
            buf[len + 2] = '\0';
        }
        if (find_word(buf) >= 0)
            continue;
        if ((size_t)snprintf(ph, sizeof(ph), "%s er", prons[i].phones) >= sizeof(ph))
            continue;
        add_pron(buf, strlen(buf), ph, 1);
    }
}

static void add_entry(size_t word, const unsigned char *codes, int len,
                      enum translit_variant variant)
{
    /* skip a rendering the word already has */
    for (size_t i = nentries; i-- > 0 && entries[i].word == word;)
        if (entries[i].len == len && !memcmp(jamo_blob + entries[i].jamo, codes, (size_t)len))
            return;
    jamo_blob = grow(jamo_blob, &ajamo, njamo + (size_t)len, 1);
    memcpy(jamo_blob + njamo, codes, (size_t)len);
    entries = grow(entries, &aentries, nentries + 1, sizeof(*entries));
    entries[nentries].word = word;
    entries[nentries].jamo = njamo;
    entries[nentries].len = (unsigned char)len;
    entries[nentries].variant = (unsigned char)variant;
    entries[nentries].first = codes[0];
    entries[nentries].attested = (unsigned char)kodic_has(codes, (size_t)len);
    nentries++;
    njamo += (size_t)len;
}

/* ---- letter readings -------------------------------------------------------- */

/*
 * Many established loanwords were not taken from English pronunciation but
 * read off the spelling, often through German or Japanese: 사우나 (sauna),
 * 마라톤 (marathon), 알레르기 (allergy), 요구르트 (yogurt), 카페 (cafe). A letter
 * reading guesses phones from the letters the way German or Latin would say
 * them (a [a], e [e], i [i], o [o], u [u], au [au], th [t], every r sounded);
 * the choices below that are genuinely open are tried both ways. A letter
 * reading joins the index only when its Hangul is a word of ko.dic: the
 * dictionary, not the guess, says that Korean uses it.
 */
enum letter_alt {
    ALT_FINAL_E = 1 << 0, /* a final e after a consonant is sounded (cafe: 카페) */
    ALT_I_GLIDE = 1 << 1, /* i before a vowel is a glide (lithium: 리튬) */
    ALT_OU_U = 1 << 2,    /* ou is [u] (soup: 수프), not [au] (mouse: 마우스) */
    ALT_SOFT_G = 1 << 3,  /* g before e, i, y is [dʒ] (energy: 에네르지) */
    ALT_ALL = (1 << 4) - 1
};

static int is_vowel_letter(int c)
{
    return c && strchr("aeiouy", c) != NULL;
}

/* The alternatives that can change the reading of w. */
static unsigned letter_alts(const char *w)
{
    size_t len = strlen(w);
    unsigned m = 0;

    if (len > 3 && w[len - 1] == 'e' && !is_vowel_letter(w[len - 2]))
        m |= ALT_FINAL_E;
    for (size_t i = 0; i + 1 < len; i++) {
        if (i && w[i] == 'i' && is_vowel_letter(w[i + 1]) && w[i + 1] != 'e')
            m |= ALT_I_GLIDE;
        if (w[i] == 'o' && w[i + 1] == 'u')
            m |= ALT_OU_U;
        if (w[i] == 'g' && strchr("eiy", w[i + 1]))
            m |= ALT_SOFT_G;
    }
    return m;
}

/* The phones of a two-letter group at w[0..2), or NULL when it is none. */
static const char *letter_pair(const char *w, unsigned alt)
{
    static const struct {
        char pair[3];
        const char *ph;
    } pairs[] = {
        {"ck", "k"},    {"ch", "ch"}, {"ph", "f"},  {"th", "t"},  {"sh", "sh"}, {"gh", ""},
        {"qu", "k w"},  {"rh", "r"},  {"wh", "w"},  {"au", "aw"}, {"aw", "ao"}, {"ow", "ow"},
        {"ai", "ay"},   {"ay", "ay"}, {"ei", "ey"}, {"ey", "ey"}, {"ee", "iy"}, {"ea", "iy"},
        {"ie", "iy"},   {"oo", "uw"}, {"oa", "ow"}, {"oi", "oy"}, {"oy", "oy"}, {"eu", "y uw"},
        {"ew", "y uw"}, {"ue", "uw"},
    };
    if (w[0] == 'o' && w[1] == 'u')
        return alt & ALT_OU_U ? "uw" : "aw";
    for (size_t i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++)
        if (w[0] == pairs[i].pair[0] && w[1] == pairs[i].pair[1])
            return pairs[i].ph;
    return NULL;
}

/* Writes the letter reading of w under alt to out. Returns 0, or -1 when it
 * does not fit or has no vowel. */
static int letter_phones(const char *w, unsigned alt, char *out, size_t max)
{
    size_t len = strlen(w), end = len, n = 0;
    int vowels = 0;

    if ((len > 3 && w[len - 1] == 'e' && !is_vowel_letter(w[len - 2])) && !(alt & ALT_FINAL_E))
        end = len - 1; /* silent final e */
    for (size_t i = 0; i < end;) {
        char c = w[i], d = i + 1 < end ? w[i + 1] : '\0';
        const char *ph = NULL;
        size_t adv = 1, pl;
        if (!is_vowel_letter(c) && c == d) { /* a doubled consonant is one */
            i++;
            continue;
        }
        if (d && (ph = letter_pair(w + i, alt)) != NULL) {
            adv = 2;
        } else {
            switch (c) {
            case 'a':
                ph = "aa";
                break;
            case 'e':
                ph = "eh";
                break;
            case 'i':
                ph = alt & ALT_I_GLIDE && i && is_vowel_letter(d) && d != 'e' ? "y" : "iy";
                break;
            case 'o':
                ph = "ow";
                break;
            case 'u':
                ph = "uw";
                break;
            case 'y':
                ph = is_vowel_letter(d) && !(i && is_vowel_letter(w[i - 1])) ? "y" : "iy";
                break;
            case 'c':
                ph = d && strchr("eiy", d) ? "s" : "k";
                break;
            case 'g':
                ph = alt & ALT_SOFT_G && d && strchr("eiy", d) ? "jh" : "g";
                break;
            case 'h':
                ph = "hh";
                break;
            case 'j':
                ph = "jh";
                break;
            case 'w':
                ph = is_vowel_letter(d) ? "w" : "uw";
                break;
            case 'x':
                ph = "k s";
                break;
            default: {
                static char one[2];
                one[0] = c;
                one[1] = '\0';
                ph = one; /* b d f k l m n p r s t v z are themselves */
            }
            }
        }
        pl = strlen(ph);
        if (pl) {
            if (n + pl + 2 > max)
                return -1;
            if (n)
                out[n++] = ' ';
            memcpy(out + n, ph, pl);
            n += pl;
            vowels += strchr("aeiou", ph[0]) != NULL && strcmp(ph, "y uw");
            vowels += !strcmp(ph, "y uw");
        }
        i += adv;
    }
    out[n] = '\0';
    return vowels ? 0 : -1;
}

/*
 * Adds the letter readings of index word w that ko.dic has (LETTERS),
 * unless one of the word's own renderings (the last entries added) is a
 * ko.dic word already: Korean has then borrowed the word by its sound
 * (케이프), and a letter reading that is also a word (카페) belongs to
 * another.
 */
static void add_letter_readings(size_t word, const char *w)
{
    unsigned mask = letter_alts(w);

    for (size_t i = nentries; i-- > 0 && entries[i].word == word;)
        if (entries[i].attested)
            return;

    for (unsigned alt = 0; alt <= ALT_ALL; alt++) {
        char ph[512];
        unsigned char codes[TRANSLIT_MAX_JAMO];
        int n;
        if ((alt & ~mask) || letter_phones(w, alt, ph, sizeof(ph)))
            continue;
        n = translit_ortho_render("", ph, TRANSLIT_V_LETTERS, codes, sizeof(codes));
        if (n > 0 && n <= 255 && kodic_has(codes, (size_t)n))
            add_entry(word, codes, n, TRANSLIT_V_LETTERS);
    }
}

/* 제10항 1: a compound of two dictionary words, each part rendered alone. */
static void add_compounds(size_t word, const char *w)
{
    size_t len = strlen(w);
    int done = 0;
    for (size_t k = len >= 5 ? len - 2 : 0; k >= 2 && done < 2; k--) {
        char left[128];
        const char *pl, *pr;
        unsigned char a[TRANSLIT_MAX_JAMO], b[TRANSLIT_MAX_JAMO];
        int na, nb;
        if (k >= sizeof(left))
            continue;
        memcpy(left, w, k);
        left[k] = '\0';
        pl = first_phones(left);
        pr = first_phones(w + k);
        /* both parts real words: CMU's names make "baro" + "meter" of barometer */
        if (!pl || !pr || find_word(left) < 0 || family[find_word(left)] < 1 ||
            family[find_word(w + k)] < 1 || scowl_tier(left) == TIER_NONE ||
            scowl_tier(w + k) == TIER_NONE)
            continue;
        na = translit_ortho_render(left, pl, TRANSLIT_V_STANDARD, a, sizeof(a));
        nb = translit_ortho_render(w + k, pr, TRANSLIT_V_STANDARD, b, sizeof(b));
        if (na <= 0 || nb <= 0 || na + nb > TRANSLIT_MAX_JAMO || na + nb > 255)
            continue;
        memcpy(a + na, b, (size_t)nb);
        add_entry(word, a, na + nb, TRANSLIT_V_COMPOUND);
        done++;
        /* the parts in their customary renderings too: hot+line 핫라인 */
        {
            unsigned char c[TRANSLIT_MAX_JAMO], d[TRANSLIT_MAX_JAMO];
            int nc = translit_ortho_render(left, pl, TRANSLIT_V_CUSTOMARY, c, sizeof(c));
            int nd = translit_ortho_render(w + k, pr, TRANSLIT_V_CUSTOMARY, d, sizeof(d));
            if (nc > 0 && nd > 0 && nc + nd <= TRANSLIT_MAX_JAMO && nc + nd <= 255) {
                memcpy(c + nc, d, (size_t)nd);
                if (nc + nd != na + nb || memcmp(a, c, (size_t)nc + (size_t)nd))
                    add_entry(word, c, nc + nd, TRANSLIT_V_CUSTOMARY);
            }
        }
    }
}

/*
 * Bucket by first jamo, then jamo order: neighbours share prefixes, which the
 * lookup's column-wise distance reuses (translit.c, scan).
 */
static int cmp_entry(const void *pa, const void *pb)
{
    const struct out_entry *a = pa, *b = pb;
    if (a->first != b->first)
        return a->first - b->first;
    size_t n = a->len < b->len ? a->len : b->len;
    int c = memcmp(jamo_blob + a->jamo, jamo_blob + b->jamo, n);
    if (c)
        return c;
    if (a->len != b->len)
        return a->len - b->len;
    if (a->word != b->word)
        return a->word < b->word ? -1 : 1;
    return a->variant - b->variant;
}

/* ---- words English writes solid with the next ------------------------------------ */

static unsigned char *solid; /* per word: 1 when English writes it solid (see below) */

/*
 * Marks the words that English writes solid with the word after them: those
 * that begin at least SOLID_MIN words of SCOWL's lists up to size 80 whose rest
 * is such a word too (bio: biofuel, biomass ...; micro, super, up), SOLID_RATIO
 * times more often than they begin a two-word noun of WordNet (bio: 1, bio
 * assay). A compound of two parts whose first is such a word is written solid:
 * 바이오모니터링 is biomonitoring, 업사이클 upcycle. Words that begin many
 * compounds both ways stay spaced: top (75 solid, 14 spaced: top class), key,
 * and so do words of few solid compounds: dream (17, none: dream team), and
 * function words, which begin no WordNet noun to show that English spaces
 * them, and whose solid count is letters, not compounds: we (weary, weaver,
 * western), for, per. 위러브 is we love, not welove.
 */
#define SOLID_MIN 10
#define SOLID_RATIO 40
static void find_solid_words(void)
{
    unsigned *closed = calloc(nwords, sizeof(*closed));
    solid = calloc(nwords, 1);
    if (!closed || !solid)
        exit(1);
    for (size_t i = 0; i < nscowl; i++) {
        const char *w = scowl[i].word;
        char first[64];
        if (scowl[i].tier > LISTED_TIER)
            continue;
        for (size_t k = 2; k + 3 <= strlen(w) && k < sizeof(first); k++) {
            long j;
            memcpy(first, w, k);
            first[k] = '\0';
            if (scowl_tier(w + k) <= LISTED_TIER && (j = find_word(first)) >= 0)
                closed[j]++;
        }
    }
    for (size_t i = 0; i < nwords; i++)
        solid[i] = closed[i] >= SOLID_MIN &&
                   closed[i] >= SOLID_RATIO * (open_count(words[i]) + 1) &&
                   !is_function_word(words[i]);
    free(closed);
}

/* ---- hunspell en_US, asked once at build time ------------------------------ */

static unsigned char *spelled; /* per word: 1 hunspell accepts it, 0 not; NULL: not asked */
static char **hunspell_extra;  /* en_US.dic stems the index lacks, sorted */
static size_t nhunspell_extra;

static int all_lower_ascii(const char *w, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (w[i] < 'a' || w[i] > 'z')
            return 0;
    return len > 1;
}

/* Opens hunspell en_US in dir, or exits naming the packages (first thing: fail fast). */
static struct spell *open_spelling(const char *dir)
{
    enum spell_status st;
    struct spell *sp = spell_open(dir, "en_US", &st);
    if (!sp) {
        fprintf(stderr,
                GEN_NAME ": error: hunspell en_US in '%s': %s (Debian packages "
                         "hunspell-en-us, libhunspell-1.7-0)\n",
                dir, spell_strerror(st));
        exit(1);
    }
    return sp;
}

static void load_spelling(struct spell *sp, const char *dir)
{
    char path[4096], line[512];
    size_t accepted = 0;

    snprintf(path, sizeof(path), "%s/en_US.dic", dir);
    spelled = malloc(nwords);
    if (!spelled)
        exit(1);
    for (size_t i = 0; i < nwords; i++)
        accepted += spelled[i] = (unsigned char)spell_check(sp, words[i], strlen(words[i]));
    check_floor(path, "hunspell-en-us", "accepted index words", accepted, MIN_SPELLED);
    FILE *fp = open_input(path, "hunspell-en-us");
    size_t alloc = 0;
    while (fgets(line, sizeof(line), fp)) {
        size_t len = strcspn(line, "/\t\r\n");
        line[len] = '\0';
        if (!all_lower_ascii(line, len) || find_word(line) >= 0 || !spell_check(sp, line, len))
            continue;
        if (nhunspell_extra == alloc) {
            alloc = alloc ? 2 * alloc : 1024;
            hunspell_extra = realloc(hunspell_extra, alloc * sizeof(*hunspell_extra));
            if (!hunspell_extra)
                exit(1);
        }
        hunspell_extra[nhunspell_extra] = strdup(line);
        if (!hunspell_extra[nhunspell_extra++])
            exit(1);
    }
    close_input(fp, path, "hunspell-en-us");
    qsort(hunspell_extra, nhunspell_extra, sizeof(*hunspell_extra), cmp_str);
    size_t k = 0;
    for (size_t i = 0; i < nhunspell_extra; i++)
        if (!k || strcmp(hunspell_extra[k - 1], hunspell_extra[i]))
            hunspell_extra[k++] = hunspell_extra[i];
        else
            free(hunspell_extra[i]);
    nhunspell_extra = k;
    check_floor(path, "hunspell-en-us", "stems the index lacks", nhunspell_extra,
                MIN_HUNSPELL_EXTRA);
    spell_free(sp);
}

/*
 * The flags of word w (enum translit_entry_flags), worked out once for all
 * its entries: most words have several renderings, and the WordNet checks
 * are a few binary searches each.
 */
static unsigned word_flags(size_t w)
{
    static unsigned char *flags; /* per word: its flags, with FLAGS_KNOWN once worked out */
    enum { FLAGS_KNOWN = 1 << 7 };
    _Static_assert((int)TRANSLIT_ENTRY_FUNCTION < (int)FLAGS_KNOWN,
                   "a word's flags fit below FLAGS_KNOWN");
    const char *s = words[w];

    if (!flags && !(flags = calloc(nwords, 1)))
        exit(1);
    if (!(flags[w] & FLAGS_KNOWN))
        flags[w] = (unsigned char)(FLAGS_KNOWN | (is_inflection(s) ? TRANSLIT_ENTRY_INFLECTED : 0) |
                                   (spelled && spelled[w] ? TRANSLIT_ENTRY_SPELLED : 0) |
                                   (strlen(s) < 2 ? TRANSLIT_ENTRY_SHORT : 0) |
                                   (is_mostly_not_noun(s) ? TRANSLIT_ENTRY_NOT_NOUN : 0) |
                                   (is_function_word(s) ? TRANSLIT_ENTRY_FUNCTION : 0) |
                                   (solid[w] ? TRANSLIT_ENTRY_SOLID : 0));
    return flags[w] & ~(unsigned)FLAGS_KNOWN;
}

/* A trie node as emit_trie builds it (translit_int.h's, and the entry that first
 * ends at it); skip is the preorder index past its subtree until relayout */
struct node {
    unsigned char jamo, depth, maxlen, nend;
    uint32_t skip, first;
};

static void trie_fail(size_t node, const char *what)
{
    fprintf(stderr, "gen_translit: error: trie node %zu: %s\n", node, what);
    exit(1);
}

/*
 * Writes the trie of emit_trie (nodes[0..n) in preorder, bucket[] its first
 * codes' roots) in the order a scan reads it (translit_int.h): the nodes of
 * depth <= TRANSLIT_TRIE_TOP first, in preorder, then the subtrees below them,
 * in preorder too, so that the top levels every query passes through share a
 * few pages and each deeper subtree is one run. A node of depth
 * TRANSLIT_TRIE_TOP holds in skip the ordinal of its run in translit_trie_down.
 * Then reads the result back as a scan would, and fails unless it gives the
 * nodes of emit_trie in their order, every skip leading past its subtree and
 * every run holding exactly its node's subtree.
 */
static void relayout(const struct node *nodes, size_t n, const uint32_t *bucket)
{
    uint32_t *top = malloc((n + 1) * sizeof(*top)), *bot = malloc((n + 1) * sizeof(*bot));
    uint32_t *down = NULL, nt = 0, nb = 0, nd = 0;
    struct node *out = malloc((n ? n : 1) * sizeof(*out));
    size_t *order = malloc((n ? n : 1) * sizeof(*order));

    if (!top || !bot || !out || !order)
        exit(1);
    /* top[i], bot[i]: the nodes of each part before preorder index i */
    for (size_t i = 0; i < n; i++) {
        top[i] = nt, bot[i] = nb;
        if (nodes[i].depth <= TRANSLIT_TRIE_TOP)
            nt++, nd += nodes[i].depth == TRANSLIT_TRIE_TOP;
        else
            nb++;
    }
    top[n] = nt, bot[n] = nb;
    if (!(down = malloc((nd + 1) * sizeof(*down))))
        exit(1);
    nd = 0;
    for (size_t i = 0; i < n; i++) {
        struct node o = nodes[i];
        if (o.depth < TRANSLIT_TRIE_TOP) {
            o.skip = top[o.skip];
            out[top[i]] = o;
        } else if (o.depth == TRANSLIT_TRIE_TOP) {
            down[nd] = nt + bot[i + 1]; /* its run: its subtree less itself */
            o.skip = nd++;
            out[top[i]] = o;
        } else {
            o.skip = nt + bot[o.skip];
            out[nt + bot[i]] = o;
        }
    }
    down[nd] = (uint32_t)n;

    /* read back: the top in order, each node of depth TRANSLIT_TRIE_TOP
     * followed by its run, must be preorder again */
    {
        size_t k = 0, o = 0;
        if (down[0] != nt)
            trie_fail(nt, "the runs do not start after the top");
        for (uint32_t i = 0; i < nt; i++) {
            order[k++] = i;
            if (out[i].depth != TRANSLIT_TRIE_TOP)
                continue;
            if (out[i].skip != o || down[o] > down[o + 1])
                trie_fail(i, "its run is out of order");
            for (uint32_t j = down[o]; j < down[o + 1]; j++)
                order[k++] = j;
            o++;
        }
        if (k != n || o != nd)
            trie_fail(k, "the runs do not hold the trie");
        for (size_t p = 0; p < n; p++) {
            const struct node *a = &out[order[p]], *b = &nodes[p];
            if (a->jamo != b->jamo || a->depth != b->depth || a->maxlen != b->maxlen ||
                a->nend != b->nend || a->first != b->first)
                trie_fail(order[p], "not the node of its place");
            if (a->depth == TRANSLIT_TRIE_TOP)
                continue;
            /* its skip: the next node of its part past its subtree */
            size_t q = b->skip;
            while (q < n &&
                   (out[order[q]].depth > TRANSLIT_TRIE_TOP) != (a->depth > TRANSLIT_TRIE_TOP))
                q++;
            uint32_t want = q < n                          ? (uint32_t)order[q]
                            : a->depth > TRANSLIT_TRIE_TOP ? (uint32_t)n
                                                           : nt;
            if (a->skip != want)
                trie_fail(order[p], "its skip does not lead past its subtree");
        }
    }

    printf("const struct translit_trie_node translit_trie[] = {");
    for (size_t i = 0; i < n; i++)
        printf("%s{%u,%u,%u,%u,%u}",
               !i      ? ""
               : i % 8 ? ","
                       : ",\n",
               out[i].jamo, out[i].depth, out[i].maxlen, out[i].nend, (unsigned)out[i].skip);
    printf("%s{0,0,0,0,0}};\n\nconst uint32_t translit_trie_first[] = {", n ? "," : "");
    for (size_t i = 0; i < n; i++)
        printf("%s%u", !i ? "" : i % 16 ? "," : ",\n", (unsigned)out[i].first);
    printf("%s0};\n\nconst uint32_t translit_trie_down[] = {", n ? "," : "");
    for (size_t i = 0; i <= nd; i++)
        printf("%s%u", !i ? "" : i % 16 ? "," : ",\n", (unsigned)down[i]);
    printf("};\n\nconst uint32_t translit_trie_count = %zu;\n", n);
    printf("const uint32_t translit_trie_top_count = %u;\n\n", (unsigned)nt);
    printf("const uint32_t translit_trie_bucket[JAMO_END - JAMO_INI + 1] = {");
    for (unsigned k = 0; k <= JAMO_END - JAMO_INI; k++)
        printf("%s%u", k ? "," : "", (unsigned)top[bucket[k]]);
    printf("};\n\n");
    free(top), free(bot), free(down), free(out), free(order);
}

/*
 * The renderings as a trie in preorder (translit_int.h): entry i, sharing
 * lcp jamo with the entry before it in its bucket, adds the nodes of depth
 * lcp + 1 .. len; a rendering alike to the one before adds none and ends at
 * its node. A node's subtree ends where a later entry shares less than the
 * node's depth, or at its bucket's end.
 */
static void emit_trie(void)
{
    size_t cap = 1024, n = 0, path[TRANSLIT_MAX_JAMO + 1], depth = 0;
    struct node *nodes = malloc(cap * sizeof(*nodes));
    uint32_t bucket[JAMO_END - JAMO_INI + 1];
    unsigned c = JAMO_INI;

    if (!nodes)
        exit(1);
    for (size_t i = 0; i < nentries; i++) {
        const struct out_entry *e = &entries[i];
        size_t l = lcp_of(entries, jamo_blob, i);
        for (; c <= e->first; c++)
            bucket[c - JAMO_INI] = (uint32_t)n;
        if (e->len < 1 || e->len > TRANSLIT_MAX_JAMO || l > e->len) {
            fprintf(stderr, "gen_translit: error: entry %zu: a rendering of %u jamo\n", i, e->len);
            exit(1);
        }
        for (; depth > l; depth--) /* the subtrees that end here */
            nodes[path[depth]].skip = (uint32_t)n;
        for (size_t d = l + 1; d <= e->len; d++) {
            if (n == cap && !(nodes = realloc(nodes, (cap *= 2) * sizeof(*nodes))))
                exit(1);
            nodes[n] =
                (struct node){jamo_blob[e->jamo + d - 1], (unsigned char)d, 0, 0, 0, (uint32_t)i};
            path[++depth] = n++;
        }
        if (nodes[path[e->len]].nend == UINT8_MAX) {
            fprintf(stderr, "gen_translit: error: over %u words rendered alike\n", UINT8_MAX);
            exit(1);
        }
        nodes[path[e->len]].nend++;
        for (size_t d = 1; d <= e->len; d++)
            if (nodes[path[d]].maxlen < e->len)
                nodes[path[d]].maxlen = e->len;
    }
    for (; depth > 0; depth--)
        nodes[path[depth]].skip = (uint32_t)n;
    for (; c <= JAMO_END; c++)
        bucket[c - JAMO_INI] = (uint32_t)n;
    /* the trie must give back every rendering, in entry order, each skip must
     * lead to the first node past its subtree (the next of no greater depth),
     * and each maxlen must be its subtree's longest rendering: a broken one
     * cannot build */
    {
        unsigned char back[TRANSLIT_MAX_JAMO];
        size_t seen = 0, open[TRANSLIT_MAX_JAMO + 1], top = 0; /* the path to node i */
        size_t longest[TRANSLIT_MAX_JAMO + 1]; /* the longest rendering below each */
        for (size_t i = 0; i <= n; i++) {
            size_t d = i < n ? nodes[i].depth : 1;
            if (d < 1 || d > top + 1) {
                fprintf(stderr, "gen_translit: error: trie node %zu is malformed\n", i);
                exit(1);
            }
            for (; top >= d; top--) /* the subtrees node i is past */
                if (nodes[open[top]].skip != i || nodes[open[top]].maxlen != longest[top]) {
                    fprintf(stderr,
                            "gen_translit: error: trie node %zu: skip %u, maxlen %u; "
                            "its subtree ends at %zu, its longest rendering is %zu\n",
                            open[top], (unsigned)nodes[open[top]].skip, nodes[open[top]].maxlen, i,
                            longest[top]);
                    exit(1);
                }
            if (i == n)
                break;
            open[++top] = i;
            longest[top] = 0;
            for (size_t l = 1; nodes[i].nend && l <= top; l++)
                if (longest[l] < d)
                    longest[l] = d;
            back[d - 1] = nodes[i].jamo;
            for (size_t k = 0; k < nodes[i].nend; k++, seen++) {
                const struct out_entry *e = &entries[seen];
                if (nodes[i].first + k != seen || e->len != d ||
                    memcmp(jamo_blob + e->jamo, back, d)) {
                    fprintf(stderr, "gen_translit: error: the trie loses entry %zu\n", seen);
                    exit(1);
                }
            }
        }
        if (seen != nentries) {
            fprintf(stderr, "gen_translit: error: the trie holds %zu of %zu entries\n", seen,
                    nentries);
            exit(1);
        }
    }
    relayout(nodes, n, bucket);
    free(nodes);
}

static void emit(const char *source)
{
    size_t *word_off = malloc(nwords * sizeof(*word_off)), off = 0, col = 0;

    if (!word_off)
        exit(1);
    printf("/* Generated by src/gen/gen_translit.c from %s: do not edit. */\n", source);
    printf("#include \"align/translit_int.h\"\n\n");
    printf("#pragma GCC diagnostic ignored \"-Woverlength-strings\"\n\n");
    printf("const char translit_words[] =\n\"");
    for (size_t i = 0; i < nwords; i++) {
        size_t len = strlen(words[i]);
        word_off[i] = off;
        fputs(words[i], stdout);
        fputs("\\0", stdout);
        off += len + 1;
        col += len + 2;
        if (col > 90) {
            fputs("\"\n\"", stdout);
            col = 0;
        }
    }
    printf("\";\n\nconst struct translit_entry translit_entries[] = {\n");
    for (size_t i = 0; i < nentries; i++) {
        const struct out_entry *e = &entries[i];
        printf("{%zu,%u,%u,%u,%u},\n", word_off[e->word], family[e->word], e->variant,
               tier[e->word], word_flags(e->word));
    }
    printf("};\n\nconst uint32_t translit_entry_count = %zu;\n\n", nentries);
    emit_trie();
    /* hunspell's verdict on each word, a bit at the word's offset in translit_words */
    printf("const uint32_t translit_words_size = %zu;\n\n", off);
    printf("const int translit_spell_known = %d;\n\n", spelled != NULL);
    printf("const unsigned char translit_word_spelled[] = {");
    {
        unsigned char *bits = calloc(off / 8 + 1, 1);
        if (!bits)
            exit(1);
        for (size_t i = 0; spelled && i < nwords; i++)
            if (spelled[i])
                bits[word_off[i] / 8] |= (unsigned char)(1u << (word_off[i] % 8));
        for (size_t i = 0; i <= off / 8; i++)
            printf("%s%u", !i ? "" : i % 32 ? "," : ",\n", bits[i]);
        free(bits);
    }
    printf("};\n\n");
    printf("const char translit_hunspell_words[] =\n\"");
    col = 0;
    for (size_t i = 0; i < nhunspell_extra; i++) {
        fputs(hunspell_extra[i], stdout);
        fputs("\\0", stdout);
        col += strlen(hunspell_extra[i]) + 2;
        if (col > 90) {
            fputs("\"\n\"", stdout);
            col = 0;
        }
    }
    size_t extra_size = 0;
    for (size_t i = 0; i < nhunspell_extra; i++)
        extra_size += strlen(hunspell_extra[i]) + 1;
    printf("\";\n\nconst uint32_t translit_hunspell_word_count = %zu;\n", nhunspell_extra);
    printf("const uint32_t translit_hunspell_words_size = %zu;\n", extra_size);
    free(word_off);
}

int main(int argc, char **argv)
{
    char line[4096];
    FILE *fp;

    if (argc < 3 || argc > 7) {
        fputs("usage: gen_translit <cmudict-0.4.out> <scowl-dir> [<extra.out> [<ko.dic> "
              "[<wordnet-dir> [<hunspell-dir>]]]]\n",
              stderr);
        return 1;
    }
    struct spell *sp = argc == 7 ? open_spelling(argv[6]) : NULL;
    /* the dictionary first (it needs nothing else), then the word lists */
    fp = open_input(argv[1], "festlex-cmu");
    while (fgets(line, sizeof(line), fp))
        parse_line(line);
    close_input(fp, argv[1], "festlex-cmu");
    check_floor(argv[1], "festlex-cmu", "pronunciations", nprons, MIN_CMU_PRONS);
    if (argc >= 4)
        fclose(open_input(argv[3], "flite1-dev"));
    if (argc >= 6)
        load_wordnet(argv[5]);
    if (argc >= 5)
        check_floor(argv[4], "hunspell-ko", "Korean words", load_kodic(argv[4]), MIN_KODIC_WORDS);
    check_floor(argv[2], "scowl", "lower-case words", load_scowl(argv[2]), MIN_SCOWL_WORDS);

    build_words();
    base = malloc(nwords * sizeof(*base));
    if (!base)
        return 1;
    memcpy(base, words, nwords * sizeof(*base));
    nbase = nwords;
    derive_agent_nouns();
    /* derived words join the word table, which must stay sorted */
    free(words);
    nwords = 0;
    build_words();
    if (argc >= 4) {
        /* words CMU lacks, in the same format (gen_translit_lts.c); a
         * derivation from a CMU word (changer) beats letter-to-sound */
        size_t before = nprons, nlts = 0;
        fp = open_input(argv[3], "flite1-dev");
        while (fgets(line, sizeof(line), fp)) {
            parse_line(line);
            nlts += nprons > before;
            if (nprons > before && find_word(prons[nprons - 1].word) >= 0) {
                nprons--;
                free(prons[nprons].word);
                free(prons[nprons].phones);
            }
            before = nprons;
        }
        close_input(fp, argv[3], "flite1-dev");
        check_floor(argv[3], "flite1-dev", "pronunciations", nlts, MIN_LTS_PRONS);
        free(words);
        nwords = 0;
        build_words();
    }
    count_families();
    tier = malloc(nwords);
    if (!tier)
        return 1;
    for (size_t i = 0; i < nwords; i++)
        tier[i] = scowl_tier(words[i]);
    /* an agent noun SCOWL lacks is taken to be two tiers rarer than its verb */
    for (size_t i = 0; i < nprons; i++) {
        char stem[128];
        size_t len = strlen(prons[i].word), w = (size_t)find_word(prons[i].word);
        if (!prons[i].derived || tier[w] != TIER_NONE || len >= sizeof(stem))
            continue;
        memcpy(stem, prons[i].word, len - 1); /* changer: change */
        stem[len - 1] = '\0';
        if (scowl_tier(stem) == TIER_NONE && len > 2)
            stem[len - 2] = '\0'; /* builder: build */
        if (scowl_tier(stem) < TIER_NONE)
            tier[w] = (unsigned char)(scowl_tier(stem) + 2 > 9 ? 9 : scowl_tier(stem) + 2);
    }
    for (size_t i = 0; i < nprons; i++) {
        unsigned char codes[TRANSLIT_MAX_JAMO];
        size_t w = (size_t)find_word(prons[i].word);
        /* a derived agent noun that SCOWL lists (influencer) is a word, not a guess */
        int guess = prons[i].derived && scowl_tier(prons[i].word) > LISTED_TIER;
        /* a derived word gets no customary rendering */
        static const enum translit_variant vs[] = {TRANSLIT_V_STANDARD, TRANSLIT_V_SPELLED,
                                                   TRANSLIT_V_CUSTOMARY};
        for (size_t v = 0; v < (prons[i].derived ? 2u : 3u); v++) {
            int n =
                translit_ortho_render(prons[i].word, prons[i].phones, vs[v], codes, sizeof(codes));
            if (n > 0 && n <= 255)
                add_entry(w, codes, n, guess ? TRANSLIT_V_DERIVED : vs[v]);
        }
        if (!prons[i].derived && (i + 1 == nprons || strcmp(prons[i + 1].word, prons[i].word))) {
            add_compounds(w, prons[i].word);
            if (nkodic && tier[w] != TIER_NONE && strlen(prons[i].word) >= 3)
                add_letter_readings(w, prons[i].word);
        }
    }
    find_solid_words();
    qsort(entries, nentries, sizeof(*entries), cmp_entry);
    check_floor(argv[1], "festlex-cmu", "index entries", nentries, MIN_ENTRIES);
    if (sp)
        load_spelling(sp, argv[6]);
    emit(argv[1]);
    if (fflush(stdout) || ferror(stdout)) {
        fprintf(stderr, "gen_translit: error: cannot write the index: %s\n", strerror(errno));
        return 1;
    }
    return 0;
}
