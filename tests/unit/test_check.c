/*
 * test_check.c - unit tests for src/check: what counts as a use, first and
 * later uses, definitions, abbreviations, inconsistent renderings, the
 * reversed form, columns, particles after a 받침 change, and --fix output
 * that checks clean. Concepts are built in memory; no termbase is needed.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "check/check.h"
#include "doc/reader.h"
#include "util/strbuf.h"
#include "util/xmalloc.h"
#include "util/banned.h"

/* ---- helpers ----------------------------------------------------------------------- */

/* Adds a concept: ko, then (type, text) pairs ending with a NULL text. */
static void add(struct check_glossary *g, int64_t id, const char *ko, enum model_status st,
                unsigned long count, ...)
{
    struct model_form forms[8];
    struct model_concept c;
    va_list ap;
    size_t n = 0;

    memset(&c, 0, sizeof(c));
    memset(forms, 0, sizeof(forms));
    forms[n].text = ko;
    forms[n++].type = MODEL_FORM_KO;
    va_start(ap, count);
    for (;;) {
        enum model_form_type t = (enum model_form_type)va_arg(ap, int);
        const char *text = va_arg(ap, const char *);
        if (!text)
            break;
        forms[n].type = t;
        forms[n++].text = text;
    }
    va_end(ap);
    c.id = id;
    c.ko = ko;
    c.status = st;
    c.count = count;
    c.forms = forms;
    c.nforms = n;
    check_glossary_add(g, &c);
}

#define L MODEL_FORM_LOANWORD
#define E MODEL_FORM_ENGLISH
#define A MODEL_FORM_ABBREV
#define K MODEL_FORM_KO

static struct check_glossary *glossary(void)
{
    struct check_glossary *g = check_glossary_new();
    add(g, 1, "인터넷 기반 자원 공유", MODEL_APPROVED, 9, L, "클라우드", E, "cloud", 0, NULL);
    add(g, 2, "인공지능", MODEL_CANDIDATE, 5, A, "AI", 0, NULL);
    add(g, 3, "분과", MODEL_CANDIDATE, 2, L, "세션", 0, NULL);
    add(g, 4, "기반", MODEL_CANDIDATE, 2, L, "플랫폼", 0, NULL);
    add(g, 5, "거점", MODEL_CANDIDATE, 2, L, "허브", 0, NULL);
    add(g, 6, "교육 틀", MODEL_CANDIDATE, 1, L, "프레임", 0, NULL);
    add(g, 7, "가상 자원 공유", MODEL_CANDIDATE, 1, L, "클라우드", 0, NULL);
    add(g, 8, "미지의 위험", MODEL_CANDIDATE, 1, E, "Unknown Risk", 0, NULL);
    add(g, 9, "데이터", MODEL_CANDIDATE, 3, E, "data", 0, NULL); /* a loanword as a term */
    add(g, 10, "폐기된 용어", MODEL_REJECTED, 9, L, "리젝트", 0, NULL);
    add(g, 11, "자료", MODEL_CANDIDATE, 4, L, "데이터", 0, NULL);
    add(g, 12, "누리집", MODEL_CANDIDATE, 1, K, "누리 집", 0, NULL); /* no foreign form */
    return g;
}

/* Checks text and returns "line:col:rule:found>suggestion" lines, and the fix. */
static char *run(struct check_glossary *g, const char *text, char **fixed)
{
    struct check_result *r = check_text(g, text, strlen(text), fixed ? CHECK_FIX : 0);
    struct strbuf sb = STRBUF_INIT;

    for (size_t i = 0; i < check_result_count(r); i++) {
        const struct check_finding *f = check_result_get(r, i);
        strbuf_addf(&sb, "%lu:%lu:%s:%s>%s\n", f->line, f->column, check_rule_name(f->rule),
                    f->found, f->suggestion);
    }
    if (fixed) {
        size_t len;
        const char *s = check_result_get_fixed(r, &len);
        *fixed = xmemdupz(s, len);
    }
    check_result_free(r);
    return strbuf_detach(&sb, NULL);
}

/* Expects exactly want (findings) for text. */
#define EXPECT(g, text, want)                                                                      \
    do {                                                                                           \
        char *got_ = run((g), (text), NULL);                                                       \
        STR_EQ(got_, (want), "for %s", (text));                                                    \
        free(got_);                                                                                \
    } while (0)

/* Expects the fixed text and that it checks clean. */
#define EXPECT_FIX(g, text, want)                                                                  \
    do {                                                                                           \
        char *fx_, *f_ = run((g), (text), &fx_), *again_;                                          \
        STR_EQ(fx_, (want), "fixing %s", (text));                                                  \
        again_ = run((g), fx_, NULL);                                                              \
        STR_EQ(again_, "", "re-checking the fix of %s", (text));                                   \
        free(fx_);                                                                                 \
        free(f_);                                                                                  \
        free(again_);                                                                              \
    } while (0)

/* ---- tests ------------------------------------------------------------------------- */

static void test_first_and_later_uses(void)
{
    struct check_glossary *g = glossary();
    EXPECT(g, "클라우드를 쓴다. 클라우드 기반의 서비스.\n",
           "1:1:loanword:클라우드>인터넷 기반 자원 공유(클라우드)\n"
           "1:11:loanword:클라우드>인터넷 기반 자원 공유\n");
    /* the accepted form is fine; only later bare uses are findings */
    EXPECT(g, "인터넷 기반 자원 공유(클라우드)를 쓴다.\n클라우드도 쓴다.\n",
           "2:1:loanword:클라우드>인터넷 기반 자원 공유\n");
    /* spacing inside the plain term and before the parenthesis does not matter */
    EXPECT(g, "인터넷기반 자원공유 (클라우드)를 쓴다. 인터넷 기반 자원 공유가 좋다.\n", "");
    /* English ignores case, needs whole words; a multiword form keeps its space */
    EXPECT(g, "CLOUD와 clouds와 Unknown Risk, UnknownRisk.\n",
           "1:1:english:CLOUD>인터넷 기반 자원 공유(CLOUD)\n"
           "1:16:english:Unknown Risk>미지의 위험(Unknown Risk)\n");
    check_glossary_free(g);
}

static void test_whole_words(void)
{
    struct check_glossary *g = glossary();
    /* inside a longer word, or followed by something that is not a particle */
    EXPECT(g, "멀티클라우드와 클라우드화, 세션들에서\n", "");
    /* particles of every kind */
    EXPECT(g, "세션에서는 논의했다.\n", "1:1:loanword:세션>분과(세션)\n");
    /* rejected concepts and concepts without foreign forms are not checked */
    EXPECT(g, "리젝트를 누리 집에서 본다.\n", "");
    /* a term that is itself another concept's loanword is the loanword */
    EXPECT(g, "데이터를 모은다. data도.\n",
           "1:1:loanword:데이터>자료(데이터)\n1:11:english:data>자료\n");
    check_glossary_free(g);
}

static void test_abbreviations(void)
{
    struct check_glossary *g = glossary();
    EXPECT(g, "인공지능(AI) 기술. AI 정책.\n", "");
    /* used before it was defined, and lower case is not the abbreviation */
    EXPECT(g, "AI 정책과 ai.\n\n인공지능(AI) 기술.\n", "1:1:abbreviation:AI>인공지능(AI)\n");
    {
        struct check_result *r =
            check_text(g, "AI 정책.\n인공지능(AI)\n", strlen("AI 정책.\n인공지능(AI)\n"), 0);
        INT_EQ(check_result_count(r), 1, "one finding");
        if (check_result_count(r) == 1)
            INT_EQ(check_result_get(r, 0)->ref_line, 2, "the later definition");
        check_result_free(r);
    }
    /* reversed: AI(인공지능) */
    EXPECT(g, "AI(인공지능) 기술.\n", "1:1:order:AI(인공지능)>인공지능(AI)\n");
    check_glossary_free(g);
}

static void test_inconsistent(void)
{
    struct check_glossary *g = glossary();
    EXPECT(g, "가상 자원 공유(클라우드)를 쓰고 인터넷 기반 자원 공유도 쓴다.\n",
           "1:1:inconsistent:가상 자원 공유>인터넷 기반 자원 공유\n");
    /* one rendering used consistently is fine, and bare uses follow it */
    EXPECT(g, "가상 자원 공유를 쓴다. 클라우드도.\n",
           "1:15:loanword:클라우드>가상 자원 공유(클라우드)\n");
    check_glossary_free(g);
}

static void test_columns_and_encodings(void)
{
    struct check_glossary *g = glossary();
    /* columns count code points of the original line: NFD jamo count one each */
    EXPECT(g, "가나다 \xe1\x84\x89\xe1\x85\xa6\xe1\x84\x89\xe1\x85\xa7\xe1\x86\xab을\n",
           "1:5:loanword:\xe1\x84\x89\xe1\x85\xa6\xe1\x84\x89\xe1\x85\xa7\xe1\x86\xab>분과(\xe1\x84"
           "\x89\xe1\x85\xa6\xe1\x84\x89\xe1\x85\xa7\xe1\x86\xab)\n");
    /* fullwidth letters, CR LF and lone CR line ends */
    EXPECT(g, "\xef\xbc\xa1\xef\xbc\xa9 정책\r\n둘째 줄\r셋째 허브\n",
           "1:1:abbreviation:\xef\xbc\xa1\xef\xbc\xa9>인공지능(\xef\xbc\xa1\xef\xbc\xa9)\n"
           "3:4:loanword:허브>거점(허브)\n");
    EXPECT(g, "", "");
    EXPECT(g, "\n\n", "");
    check_glossary_free(g);
}

static void test_fix_particles(void)
{
    struct check_glossary *g = glossary();
    EXPECT_FIX(g, "클라우드를 쓴다. 클라우드를 쓴다.\n",
               "인터넷 기반 자원 공유(클라우드)를 쓴다. 인터넷 기반 자원 공유를 쓴다.\n");
    EXPECT_FIX(g, "분과(세션)를 연다. 세션을 연다.\n", "분과(세션)를 연다. 분과를 연다.\n");
    EXPECT_FIX(g, "기반(플랫폼)이다. 플랫폼은 크다. 플랫폼과 허브가 있다. 허브는, 허브로\n",
               "기반(플랫폼)이다. 기반은 크다. 기반과 거점(허브)이 있다. 거점은, 거점으로\n");
    /* ㄹ takes the vowel form of 으로: 교육 틀로 */
    EXPECT_FIX(g, "프레임으로 본다. 프레임으로 본다.\n",
               "교육 틀(프레임)로 본다. 교육 틀로 본다.\n");
    /* Latin before the particle: 을/를 follows the new Korean word */
    EXPECT_FIX(g, "Unknown Risk를 줄인다.\r\n", "미지의 위험(Unknown Risk)을 줄인다.\r\n");
    /* the reversed form, with a particle after the parenthesis */
    EXPECT_FIX(g, "허브(거점)가 된다.", "거점(허브)이 된다.");
    /* inconsistent renderings and an abbreviation defined late */
    EXPECT_FIX(g, "가상 자원 공유(클라우드)와 인터넷 기반 자원 공유가 있다.\nAI와 인공지능(AI)\n",
               "인터넷 기반 자원 공유(클라우드)와 인터넷 기반 자원 공유가 있다.\n"
               "인공지능(AI)과 인공지능(AI)\n");
    check_glossary_free(g);
}

static void test_empty_glossary(void)
{
    struct check_glossary *g = check_glossary_new();
    INT_EQ(check_glossary_count(g), 0, "empty");
    EXPECT(g, "클라우드를 쓴다.\n", "");
    check_glossary_free(g);
    g = glossary();
    INT_EQ(check_glossary_count(g), 10, "rejected and foreign-less concepts are dropped");
    check_glossary_free(g);
}

static void test_file_errors(void)
{
    struct check_glossary *g = glossary();
    struct dd_error err;
    struct check_result *r;
    FILE *fp;

    r = check_file(g, "/nonexistent/draft.txt", NULL, 0, &err);
    OK(!r && err.detail == TEXT_READER_EOPEN && err.code == DD_EINPUT, "missing file");
    r = check_file(g, "/dev/null", "no-such-encoding", 0, &err);
    OK(!r && err.detail == TEXT_READER_EENCODING && err.code == DD_EUSAGE, "unknown encoding");
    fp = fopen("build-test-check.tmp", "wb");
    if (fp) {
        fputs("\xa1\xa1\xff\xff\xff", fp); /* not CP949, not UTF-8 */
        fclose(fp);
        r = check_file(g, "build-test-check.tmp", "utf-8", 0, &err);
        OK(!r && err.detail == TEXT_READER_EDECODE && err.code == DD_EINPUT, "undecodable");
        check_result_free(r);
        remove("build-test-check.tmp");
    }
    check_glossary_free(g);
}

int main(void)
{
    RUN(test_first_and_later_uses);
    RUN(test_whole_words);
    RUN(test_abbreviations);
    RUN(test_inconsistent);
    RUN(test_columns_and_encodings);
    RUN(test_fix_particles);
    RUN(test_empty_glossary);
    RUN(test_file_errors);
    return harness_done();
}
