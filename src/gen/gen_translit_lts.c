/*
 * gen_translit_lts.c - build-time pronunciations for words the 2008 CMU
 * dictionary lacks (web, blog, selfie, podcast), from flite.
 *
 *   gen_translit_lts <cmudict-0.4.out> <scowl-dir> <max-size> > translit_lts.out
 *
 * The loanword index (gen_translit.c) renders the words of Debian's
 * festlex-cmu, a 2008 snapshot of the CMU pronouncing dictionary. Newer and
 * common words are missing from it but are in the SCOWL word lists (Debian's
 * scowl). For each all-lower-case word of the SCOWL lists english-words.N and
 * american-words.N with N <= max-size (60 is the size of hunspell en_US) that
 * festlex-cmu does not have, this program asks flite's CMU lexicon
 * (libflite_cmulex: a later CMU dictionary with letter-to-sound rules for
 * the words it lacks) for a pronunciation and writes it in festlex-cmu's own
 * line format, so gen_translit reads both files with one parser:
 *
 *     ("selfie" nil (((s eh1 l f iy0) 1)))
 *
 * (one syllable group holding all phones: gen_translit ignores syllables).
 * Output is sorted by word and deterministic. Exit status 0, or 1 with a
 * one-line message on stderr naming the file and the Debian package when an
 * input is missing, unreadable or under the floors below (nothing is printed
 * then); the Makefile writes stdout to a temp file and renames it only on
 * success.
 */
#include <errno.h>
#include <flite/flite.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define GEN_NAME "gen_translit_lts"
#include "gen/gen_input.h"
#include "util/banned.h"

/* Not in flite's installed headers; defined in libflite_cmulex. */
cst_lexicon *cmu_lex_init(void);

static const char *const sizes[] = {"10", "20", "35", "40", "50", "55", "60", "70", "80", "95"};
static const char *const lists[] = {"english-words", "american-words"};

/*
 * Floors, about 10 % under what Debian 12 gave on 2026-12-02: festlex-cmu
 * has 105,775 all-lower-case entries; at max-size 80 (the Makefile's
 * TRANSLIT_LTS_SIZE) SCOWL holds 196,622 words CMU lacks (60: 36,357; 10: 24),
 * so the candidate floor applies from size 80 up.
 */
#define MIN_CMU_WORDS 95000
#define MIN_CANDIDATES_80 175000

static char **cmu, **cand;
static size_t ncmu, acmu, ncand, acand;

static void add(char ***v, size_t *n, size_t *alloc, const char *s, size_t len)
{
    char *d;
    if (*n == *alloc) {
        *alloc = *alloc ? *alloc * 2 : 4096;
        *v = realloc(*v, *alloc * sizeof(**v));
        if (!*v)
            goto oom;
    }
    d = malloc(len + 1);
    if (!d)
        goto oom;
    memcpy(d, s, len);
    d[len] = '\0';
    (*v)[(*n)++] = d;
    return;
oom:
    fputs("gen_translit_lts: out of memory\n", stderr);
    exit(1);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* 1 when s[0..len) is lower-case ASCII letters only. */
static int all_lower(const char *s, size_t len)
{
    if (!len)
        return 0;
    for (size_t i = 0; i < len; i++)
        if (s[i] < 'a' || s[i] > 'z')
            return 0;
    return 1;
}

int main(int argc, char **argv)
{
    char line[4096];
    cst_lexicon *lex;
    FILE *fp;
    long max;
    size_t k = 0;

    if (argc != 4 || (max = strtol(argv[3], NULL, 10)) < 10) {
        fputs("usage: gen_translit_lts <cmudict-0.4.out> <scowl-dir> <max-size>\n", stderr);
        return 1;
    }
    fp = open_input(argv[1], "festlex-cmu");
    while (fgets(line, sizeof(line), fp)) {
        const char *q = line[0] == '(' && line[1] == '"' ? strchr(line + 2, '"') : NULL;
        if (q && all_lower(line + 2, (size_t)(q - line - 2)))
            add(&cmu, &ncmu, &acmu, line + 2, (size_t)(q - line - 2));
    }
    close_input(fp, argv[1], "festlex-cmu");
    check_floor(argv[1], "festlex-cmu", "words", ncmu, MIN_CMU_WORDS);
    qsort(cmu, ncmu, sizeof(*cmu), cmp_str);

    for (size_t l = 0; l < sizeof(lists) / sizeof(lists[0]); l++)
        for (size_t s = 0;
             s < sizeof(sizes) / sizeof(sizes[0]) && strtol(sizes[s], NULL, 10) <= max; s++) {
            char path[4096];
            if ((size_t)snprintf(path, sizeof(path), "%s/%s.%s", argv[2], lists[l], sizes[s]) >=
                sizeof(path))
                die_input(argv[2], "scowl", ENAMETOOLONG);
            fp = open_input(path, "scowl");
            while (fgets(line, sizeof(line), fp)) {
                size_t len = strcspn(line, "\r\n");
                char *w = line;
                line[len] = '\0';
                if (len >= 2 && all_lower(line, len) &&
                    !bsearch(&w, cmu, ncmu, sizeof(*cmu), cmp_str))
                    add(&cand, &ncand, &acand, line, len);
            }
            close_input(fp, path, "scowl");
        }
    qsort(cand, ncand, sizeof(*cand), cmp_str);
    for (size_t i = 0; i < ncand; i++)
        if (!k || strcmp(cand[i], cand[k - 1]))
            cand[k++] = cand[i];
    if (max >= 80)
        check_floor(argv[2], "scowl", "words CMU lacks", k, MIN_CANDIDATES_80);

    lex = cmu_lex_init();
    for (size_t i = 0; i < k; i++) {
        cst_val *ph = lex_lookup(lex, cand[i], NULL, NULL);
        if (!ph)
            continue;
        printf("(\"%s\" nil (((", cand[i]);
        for (const cst_val *v = ph; v; v = val_cdr(v))
            printf("%s%s", v == ph ? "" : " ", val_string(val_car(v)));
        printf(") 1)))\n");
        delete_val(ph);
    }
    if (fflush(stdout) || ferror(stdout)) {
        fprintf(stderr, "gen_translit_lts: error: cannot write: %s\n", strerror(errno));
        return 1;
    }
    return 0;
}
