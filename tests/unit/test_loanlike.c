/*
 * test_loanlike.c - unit tests for src/align/loanlike.c: the generated
 * table's invariants, words the model must tell apart, the API's handling
 * of mixed and broken input, compounds, and the held-out loanword lists
 * (which gen_loanlike.c keeps out of training).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "harness.h"
#include "align/loanlike.h"
#include "align/loanlike_int.h"
#include "util/banned.h"

static double p(const char *s)
{
    return loanlike_prob(s, strlen(s));
}

static double llr(const char *s)
{
    return loanlike_llr(s, strlen(s));
}

static void test_table(void)
{
    uint32_t used = 0;
    for (uint32_t i = 0; i < loanlike_nslots; i++)
        used += loanlike_slots[i].key != 0;
    OK(used > 5000, "%u n-grams", used);
    OK(used * 4 <= loanlike_nslots * 3 + 4, "load %u of %u", used, loanlike_nslots);
    OK(loanlike_cal_a > 0, "calibration slope %g", loanlike_cal_a);
    /* every predicted symbol has a unigram in both models, so back-off ends */
    for (unsigned s = 1; s <= LOANLIKE_EOS; s++) {
        const struct loanlike_slot *e =
            loanlike__find(loanlike_slots, loanlike_nslots, (UINT64_C(1) << 7) | s);
        OK(e && e->v[0] != LOANLIKE_ABSENT && e->v[2] != LOANLIKE_ABSENT, "unigram %u", s);
    }
}

static void test_words(void)
{
    /* held-out loanwords (dev.tsv) and Sino-Korean words that spell English
     * words exactly (강연 = gang yearn, 인물 = in mule, 사업 = sa up) */
    static const char *const loan[] = {"클라우드", "거버넌스", "데이터셋", "플랫폼", "네트워크"};
    static const char *const native[] = {"강연", "인물", "사업", "자원", "조직", "연구원"};
    for (size_t i = 0; i < sizeof(loan) / sizeof(*loan); i++)
        OK(p(loan[i]) > 0.9, "%s: P %.3f", loan[i], p(loan[i]));
    for (size_t i = 0; i < sizeof(native) / sizeof(*native); i++)
        OK(p(native[i]) < 0.05, "%s: P %.3f", native[i], p(native[i]));
    OK(llr("클라우드") > 0 && llr("강연") < 0, "signs of the ratio");
}

static void test_api(void)
{
    /* no Hangul: no evidence */
    OK(loanlike_llr("", 0) == 0, "empty");
    OK(loanlike_logodds("cloud 2025", 10) == 0, "Latin only");
    OK(p("cloud") == 0.5, "P of no Hangul %g", p("cloud"));
    OK(loanlike_logodds(NULL, 0) == 0, "NULL with length 0");
    /* the calibration links the three */
    double lo = loanlike_logodds("바우처", strlen("바우처"));
    OK(fabs(lo - (loanlike_cal_a * llr("바우처") + loanlike_cal_b)) < 1e-12, "log-odds");
    OK(fabs(p("바우처") - 1 / (1 + exp(-lo))) < 1e-12, "P from log-odds");
    /* any other character ends a word; words add up */
    double two = llr("클라우드") + llr("강연");
    OK(fabs(llr("클라우드 강연") - two) < 1e-9, "space");
    OK(fabs(llr("클라우드A강연") - two) < 1e-9, "Latin letter");
    OK(fabs(llr("(클라우드)·강연.") - two) < 1e-9, "punctuation");
    /* len bounds the input: no NUL needed, a cut syllable ends the word */
    OK(fabs(loanlike_llr("클라우드강연", strlen("클라우드")) - llr("클라우드")) < 1e-9, "length");
    OK(fabs(loanlike_llr("클라우드", strlen("클라우드") - 1) - llr("클라우")) < 1e-9, "cut");
    /* invalid UTF-8 and compatibility jamo are not Hangul syllables */
    OK(fabs(llr("\xEA\xB0\xEA\xB0\x80") - llr("가")) < 1e-9, "stray lead bytes");
    OK(llr("ㅋㅋㅋ") == 0, "compatibility jamo");
}

static void test_compound(void)
{
    const char *s = "게임체인저";
    double whole = loanlike_logodds(s, strlen(s));
    double comp = loanlike_compound_logodds(s, strlen(s), 2);
    OK(comp > whole, "게임체인저 reads better as 게임 + 체인저: %g vs %g", comp, whole);
    OK(comp > -2.2, "게임체인저 compound log-odds %g", comp);
    s = "투자유치";
    comp = loanlike_compound_logodds(s, strlen(s), 2);
    OK(comp < -2.2, "투자유치: Sino parts stay native: %g", comp);
    /* too short to cut: the whole word */
    s = "강연";
    OK(loanlike_compound_logodds(s, strlen(s), 2) == loanlike_logodds(s, strlen(s)), "강연");
}

/* Share of the Korean column of a translit list that P calls loanwords. */
static double share_loan(const char *path, int *rows)
{
    FILE *f = fopen(path, "r");
    char line[4096];
    int n = 0, yes = 0;
    OK(f != NULL, "%s", path);
    if (!f)
        return 0;
    while (fgets(line, sizeof(line), f)) {
        if (line[0] == '#' || !strncmp(line, "ko\t", 3))
            continue;
        size_t k = strcspn(line, "\t\n");
        n++;
        yes += loanlike_prob(line, k) >= 0.5;
    }
    fclose(f);
    *rows = n;
    return n ? (double)yes / n : 0;
}

static void test_held_out(void)
{
    /* 0.931 and 0.928 at the commit that added the model */
    int n;
    double s = share_loan("tests/data/translit/loanwords.tsv", &n);
    OK(n > 300 && s >= 0.9, "loanwords.tsv: %.3f of %d", s, n);
    s = share_loan("tests/data/translit/dev.tsv", &n);
    OK(n > 300 && s >= 0.9, "dev.tsv: %.3f of %d", s, n);
}

int main(void)
{
    RUN(test_table);
    RUN(test_words);
    RUN(test_api);
    RUN(test_compound);
    RUN(test_held_out);
    return harness_done();
}
