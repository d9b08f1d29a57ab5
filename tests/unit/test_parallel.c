/*
 * test_parallel.c - the sentence splitter and the aligner of src/parallel/.
 *
 * The Korean sentences are from the MSIT releases of docs/corpus/ (KOGL
 * type 1, see its README) or written after them; the English ones are
 * usual cases of abbreviations and numbers.
 */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "align/translit.h"
#include "model/concept.h"
#include "parallel/lexicon.h"
#include "parallel/terms.h"
#include "parallel/parallel.h"
#include "parallel/split.h"
#include "util/strbuf.h"

/* The sentences of s joined by " | ". */
static const char *split(const char *s)
{
    static struct strbuf out = STRBUF_INIT;
    struct par_span *spans = NULL;
    size_t n = 0, cap = 0;
    par_split(s, strlen(s), &spans, &n, &cap);
    strbuf_reset(&out);
    for (size_t i = 0; i < n; i++) {
        if (i)
            strbuf_addstr(&out, " | ");
        strbuf_add(&out, s + spans[i].off, spans[i].len);
    }
    free(spans);
    return out.buf;
}

static void test_korean_endings(void)
{
    STR_EQ(split("국가인공지능위원회도 설립하였다. 이날 전략위에서는 정책방향을 논의하였다."),
           "국가인공지능위원회도 설립하였다. | 이날 전략위에서는 정책방향을 논의하였다.", "다.");
    STR_EQ(
        split("현황 분석이 필요함. 대책을 마련함. 예산이 확보됨. 검토 결과 문제없음. 참고하세요."),
        "현황 분석이 필요함. | 대책을 마련함. | 예산이 확보됨. | 검토 결과 문제없음. | "
        "참고하세요.",
        "함. 됨. 음. 요.");
    STR_EQ(split("무엇이 필요한가? 지금이 기회다! 새 전략이 필요하다."),
           "무엇이 필요한가? | 지금이 기회다! | 새 전략이 필요하다.", "? and !");
    STR_EQ(split("한 문장이다"), "한 문장이다", "no full stop: one sentence");
    STR_EQ(split("   "), "", "spaces only: none");
}

static void test_korean_dates_numbers(void)
{
    STR_EQ(split("보도시점 2024. 10. 18.(금) 14:00"), "보도시점 2024. 10. 18.(금) 14:00",
           "a date with full stops");
    STR_EQ(split("과기정통부는 2018. 9. 4. 기본계획을 발표했다. 예산은 3.5조 원이다."),
           "과기정통부는 2018. 9. 4. 기본계획을 발표했다. | 예산은 3.5조 원이다.",
           "a date before a word, a decimal");
    STR_EQ(split("시장이 성장하였다(2015년 기준). 그러나 활용률은 낮다."),
           "시장이 성장하였다(2015년 기준). | 그러나 활용률은 낮다.", "after a closing bracket");
    STR_EQ(split("“동참하겠다”(윤석열 대통령, ‘24.5.21.) 이후 논의가 이어졌다."),
           "“동참하겠다”(윤석열 대통령, ‘24.5.21.) 이후 논의가 이어졌다.",
           "a date inside brackets");
}

static void test_korean_items(void)
{
    STR_EQ(split("1. 추진 배경"), "1. 추진 배경", "numbered heading");
    STR_EQ(split("가. 현황 분석이 필요함. 나. 대책을 마련함."),
           "가. 현황 분석이 필요함. | 나. 대책을 마련함.", "item letters");
    STR_EQ(split("□ 행사 개요 ㅇ 일시: 2024. 10. 18.(금) ※ 세부 내용은 붙임 참조"),
           "□ 행사 개요 | ㅇ 일시: 2024. 10. 18.(금) | ※ 세부 내용은 붙임 참조",
           "markers mid-line");
    STR_EQ(split("□ 상정 안건(안) : 총 3건"), "□ 상정 안건(안) : 총 3건", "a marker opening");
    STR_EQ(split("① 공공 부문 평가를 개선한다. ② 표준양식을 마련한다."),
           "① 공공 부문 평가를 개선한다. | ② 표준양식을 마련한다.", "circled numbers");
    STR_EQ(split("계획을 발표했다.\xE2\x80\x8B이번 계획은 전환을 목표로 한다."),
           "계획을 발표했다. | 이번 계획은 전환을 목표로 한다.", "a zero-width space");
}

static void test_english(void)
{
    STR_EQ(split("Dr. Kim met Mr. Lee in the U.S. office. They agreed."),
           "Dr. Kim met Mr. Lee in the U.S. office. | They agreed.", "Dr. Mr. U.S.");
    STR_EQ(split("Some tools, e.g. Writer, i.e. the word processor, are free. Others are not."),
           "Some tools, e.g. Writer, i.e. the word processor, are free. | Others are not.",
           "e.g. i.e.");
    STR_EQ(split("See No. 5 on the list. No. It was not there."),
           "See No. 5 on the list. | No. | It was not there.", "No. before a number");
    STR_EQ(split("The value is 0.96. Acme Inc. sells it for 3.50 dollars."),
           "The value is 0.96. | Acme Inc. sells it for 3.50 dollars.", "decimals, Inc.");
    STR_EQ(split("It grew by approx. five percent. \"Good,\" he said. Then he left."),
           "It grew by approx. five percent. | \"Good,\" he said. | Then he left.",
           "lower case after a full stop; quotes");
    STR_EQ(split("Choose Format - Paragraph. Click OK."), "Choose Format - Paragraph. | Click OK.",
           "a dash is not a marker mid-line");
}

/* Writes text to a temporary file and reads it as a document. */
static struct par_doc *doc(const char *text)
{
    char path[] = "/tmp/dadeum-test-parallel-XXXXXX";
    int fd = mkstemp(path);
    FILE *fp = fdopen(fd, "w");
    struct dd_error err;
    fputs(text, fp);
    fclose(fp);
    struct par_doc *d = par_doc_read(path, NULL, 0, NULL, 0, &err);
    remove(path);
    return d;
}

static void test_align(void)
{
    struct par_doc *ko =
        doc("과학기술정보통신부는 2024년 10월 18일 제5차 전략위원회를 열었다.\n"
            "□ 행사 개요\n"
            "위원회는 클라우드 기본계획을 의결하였다. 또한 AI 안전연구소 운영계획을 "
            "공유하였다.\n"
            "이 문단은 영어판에 없다.\n"
            "자세한 내용은 붙임을 참조하기 바란다.\n");
    struct par_doc *en = doc("The Ministry of Science and ICT held the 5th strategy committee on "
                             "October 18, 2024.\n"
                             "Overview\n"
                             "The committee approved the basic plan for cloud computing. It also "
                             "shared the operating plan of the AI Safety Institute.\n"
                             "For details, see the attachment.\n");
    struct par_alignment al;
    OK(ko && en, "documents read");
    if (!ko || !en)
        return;
    INT_EQ(ko->npara, 5, "paragraphs");
    INT_EQ(ko->nsent, 6, "sentences");
    par_align(ko, en, &al);
    INT_EQ(al.n, 5, "links");
    static const size_t want[][4] = {
        {0, 1, 0, 1}, {1, 1, 1, 1}, {2, 1, 2, 1}, {3, 1, 3, 1}, {5, 1, 4, 1}};
    for (size_t i = 0; i < al.n && i < 5; i++) {
        INT_EQ(al.links[i].ko, want[i][0], "link %zu ko", i);
        INT_EQ(al.links[i].nko, want[i][1], "link %zu nko", i);
        INT_EQ(al.links[i].en, want[i][2], "link %zu en", i);
        INT_EQ(al.links[i].nen, want[i][3], "link %zu nen", i);
        OK(al.links[i].score >= 0 && al.links[i].score <= 1, "score %g", al.links[i].score);
    }
    par_alignment_release(&al);
    par_doc_free(ko);
    par_doc_free(en);
}

static void count_anchor(void *ctx, uint32_t anchor)
{
    (void)anchor;
    (*(int *)ctx)++;
}

static void test_lexicon(void)
{
    struct par_lexicon *lx = par_lexicon_new();
    int n;
    par_lexicon_add(lx, 0, "클라우드", 1);
    par_lexicon_add(lx, 1, "cloud", 1);
    par_lexicon_add(lx, 0, "과기정통부", 2);
    par_lexicon_add(lx, 1, "MSIT", 2);
    par_lexicon_add(lx, 1, "x", 3); /* too short: ignored */
    INT_EQ(par_lexicon_count(lx), 4, "forms kept");
#define MATCH(english, s) (n = 0, par_lexicon_match(lx, english, s, strlen(s), count_anchor, &n), n)
    INT_EQ(MATCH(0, "과기정통부는 클라우드를 도입한다."), 2, "forms with particles");
    INT_EQ(MATCH(0, "(클라우드) 멀티클라우드"), 1, "only where a word starts");
    INT_EQ(MATCH(1, "MSIT moves to the Cloud."), 2, "any case");
    INT_EQ(MATCH(1, "cloudy skies, msits"), 0, "whole words only");
#undef MATCH
    par_lexicon_free(lx);
}

static void last_anchor(void *ctx, uint32_t anchor)
{
    *(uint32_t *)ctx = anchor;
}

static void test_loanword_anchors(void)
{
    struct par_lexicon *lx = par_lexicon_new();
    struct translit *t = translit_new(TRANSLIT_NO_SPELL, NULL);
    uint32_t a = 0;
    const char *s = "데이터베이스를 선택한다.";
    par_lexicon_set_translit(lx, t);
    INT_EQ(par_lexicon_match(lx, 0, s, strlen(s), last_anchor, &a), 1, "one loanword");
    OK(a & PAR_ANCHOR_SOFT, "a soft anchor");
    INT_EQ(par_anchor_key(a), par_word_anchor("database", 8), "the key of the English word");
    INT_EQ(par_word_anchor("databases", 9), par_word_anchor("database", 8), "plural -s off");
    s = "사업을 추진한다.";
    INT_EQ(par_lexicon_match(lx, 0, s, strlen(s), last_anchor, &a), 0, "native words: none");
    par_lexicon_free(lx);
    translit_free(t);
}

static void test_terms(void)
{
    struct par_doc *ko = doc("정부는 인터넷 기반 자원 공유(클라우드) 전략을 발표했다.\n"
                             "위험 요소 관리가 중요하다.\n");
    struct par_doc *en = doc("The government announced a strategy for clouds.\n"
                             "Managing hazards matters.\n");
    struct translit *t = translit_new(TRANSLIT_NO_SPELL, NULL);
    struct par_alignment al;
    struct par_term term;
    struct extract_pair p;
    struct model_pair m;

    OK(ko && en, "documents read");
    if (!ko || !en)
        return;
    par_align(ko, en, &al);
    INT_EQ(al.n, 2, "links");
    memset(&p, 0, sizeof(p));
    p.ko = "자원 공유";
    p.gloss = "클라우드";
    p.kind = MODEL_KIND_LOANWORD;
    par_term_check(&p, ko, en, &al, t, &term);
    STR_EQ(par_term_verdict_name(term.verdict), "proposed", "no English: proposed");
    STR_EQ(term.parallel_en, "cloud", "from the transliteration, plural in the text");
    INT_EQ(term.links, 1, "one segment holds it");
    extract_pair_to_model(&p, &m);
    INT_EQ(par_term_to_model(&term, &m), 1, "a proposal fills the English");
    STR_EQ(m.en, "cloud", "proposed English stored");
    STR_EQ(m.en_source, "parallel", "source parallel");
    OK(m.en_score == PAR_TERM_SCORE_PROPOSED, "proposal's score");
    free(term.parallel_en);
    p.en = "cloud";
    p.evidence = "translit";
    p.confidence = 1;
    par_term_check(&p, ko, en, &al, t, &term);
    STR_EQ(par_term_verdict_name(term.verdict), "confirmed", "a guess the English holds");
    extract_pair_to_model(&p, &m);
    INT_EQ(par_term_to_model(&term, &m), 1, "a confirmation replaces the best guess");
    STR_EQ(m.en_source, "parallel", "confirmed: source parallel");
    OK(m.en_score == PAR_TERM_SCORE_CONFIRMED, "confirmation's score");
    p.evidence = "gloss";
    extract_pair_to_model(&p, &m);
    INT_EQ(par_term_to_model(&term, &m), 0, "an English written in the document stays");
    STR_EQ(m.en_source, "gloss", "its evidence kept");
    free(term.parallel_en);
    p.en = "sky";
    p.evidence = "lexicon";
    par_term_check(&p, ko, en, &al, t, &term);
    STR_EQ(par_term_verdict_name(term.verdict), "absent", "not a guess: nothing proposed");
    OK(term.parallel_en == NULL, "no English");
    extract_pair_to_model(&p, &m);
    INT_EQ(par_term_to_model(&term, &m), 0, "absent: the extractor's English stays");
    STR_EQ(m.en, "sky", "kept");
    p.ko = "리스크";
    p.gloss = "risk";
    p.kind = MODEL_KIND_ENGLISH;
    par_term_check(&p, ko, en, &al, t, &term);
    STR_EQ(par_term_verdict_name(term.verdict), "unseen", "in no segment");
    translit_free(t);
    par_alignment_release(&al);
    par_doc_free(ko);
    par_doc_free(en);
}

int main(void)
{
    RUN(test_korean_endings);
    RUN(test_korean_dates_numbers);
    RUN(test_korean_items);
    RUN(test_english);
    RUN(test_align);
    RUN(test_lexicon);
    RUN(test_loanword_anchors);
    RUN(test_terms);
    return harness_done();
}
