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
 * message on stderr.
 */
#include <flite/flite.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/banned.h"

/* Not in flite's installed headers; defined in libflite_cmulex. */
cst_lexicon *cmu_lex_init(void);

static const char *const sizes[] = {"10", "20", "35", "40", "50", "55", "60", "70", "80", "95"};
static const char *const lists[] = {"english-words", "american-words"};

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
    size_t k = 0, files = 0;

    if (argc != 4 || (max = strtol(argv[3], NULL, 10)) < 10) {
        fputs("usage: gen_translit_lts <cmudict-0.4.out> <scowl-dir> <max-size>\n", stderr);
        return 1;
    }
    fp = fopen(argv[1], "r");
    if (!fp) {
        perror(argv[1]);
        return 1;
    }
    while (fgets(line, sizeof(line), fp)) {
        const char *q = line[0] == '(' && line[1] == '"' ? strchr(line + 2, '"') : NULL;
        if (q && all_lower(line + 2, (size_t)(q - line - 2)))
            add(&cmu, &ncmu, &acmu, line + 2, (size_t)(q - line - 2));
    }
    fclose(fp);
    qsort(cmu, ncmu, sizeof(*cmu), cmp_str);

    for (size_t l = 0; l < sizeof(lists) / sizeof(lists[0]); l++)
        for (size_t s = 0; s < sizeof(sizes) / sizeof(sizes[0]) && atol(sizes[s]) <= max; s++) {
            char path[4096];
            if ((size_t)snprintf(path, sizeof(path), "%s/%s.%s", argv[2], lists[l], sizes[s]) >=
                sizeof(path))
                continue;
            fp = fopen(path, "r");
            if (!fp)
                continue;
            files++;
            while (fgets(line, sizeof(line), fp)) {
                size_t len = strcspn(line, "\r\n");
                char *w = line;
                line[len] = '\0';
                if (len >= 2 && all_lower(line, len) &&
                    !bsearch(&w, cmu, ncmu, sizeof(*cmu), cmp_str))
                    add(&cand, &ncand, &acand, line, len);
            }
            fclose(fp);
        }
    if (files < 2 || ncmu < 1000) {
        fprintf(stderr, "gen_translit_lts: CMU (%zu words) or SCOWL (%zu files) missing\n", ncmu,
                files);
        return 1;
    }
    qsort(cand, ncand, sizeof(*cand), cmp_str);

    lex = cmu_lex_init();
    for (size_t i = 0; i < ncand; i++) {
        cst_val *ph;
        if (k && !strcmp(cand[i], cand[k - 1]))
            continue;
        cand[k++] = cand[i];
        ph = lex_lookup(lex, cand[i], NULL, NULL);
        if (!ph)
            continue;
        printf("(\"%s\" nil (((", cand[i]);
        for (const cst_val *v = ph; v; v = val_cdr(v))
            printf("%s%s", v == ph ? "" : " ", val_string(val_car(v)));
        printf(") 1)))\n");
        delete_val(ph);
    }
    return ferror(stdout) ? 1 : 0;
}
