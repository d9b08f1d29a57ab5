/*
 * test_cross.c - unit tests for src/align/cross.c: the acronym-to-name
 * score, list alignment on a small document (with and without the acronym
 * lexicon), body/appendix substitution, and an end-to-end run over the two
 * development documents of docs/corpus/ (bracket extractor -> cross),
 * measured against the cross pairs expected for them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "align/cross.h"
#include "dadeum.h"
#include "extract/extract.h"
#include "doc/reader.h"
#include "util/banned.h"

/* made in main: the documents are extracted as the CLI extracts them */
static struct dadeum_ctx *ctx;

#define N_ELEMS(a) (sizeof(a) / sizeof((a)[0]))

static double sc(const char *a, const char *n, unsigned flags)
{
    return cross_acronym_score(a, strlen(a), n, strlen(n), flags);
}

static void test_acronym_score(void)
{
    unsigned nl = CROSS_NO_ACRONYM_LEXICON;
    /* in order: Telecommunications Technology Association */
    OK(sc("TTA", "한국정보통신기술협회", nl) >= 0.9, "%g", sc("TTA", "한국정보통신기술협회", nl));
    /* head moved: Korea Institute of Science and Technology */
    OK(sc("KIST", "한국과학기술연구원", nl) >= 0.85, "%g", sc("KIST", "한국과학기술연구원", nl));
    /* Electronics and Telecommunications Research Institute */
    OK(sc("ETRI", "한국전자통신연구원", nl) >= 0.85, "%g", sc("ETRI", "한국전자통신연구원", nl));
    /* the wrong name scores lower */
    OK(sc("TTA", "한국과학기술연구원", nl) < sc("TTA", "한국정보통신기술협회", nl), "wrong");
    OK(sc("KTOA", "한국통신사업자연합회", nl) > sc("KTOA", "한국소프트웨어산업협회", nl), "ktoa");
    /* the lexicon adds a bonus when it knows the pair */
    OK(sc("KOVA", "벤처기업협회", 0) > sc("KOVA", "벤처기업협회", nl), "lexicon bonus");
    OK(sc("", "한국", 0) == 0, "empty");
}

static const char *const list_doc[] = {
    "※ 참석기관 : (산업계) 한국정보통신기술협회, 한국소프트웨어산업협회, 벤처기업협회, "
    "한국정보통신진흥협회, 한국통신사업자연합회, (학계) 대학정보통신연구센터협의회, "
    "소프트웨어(SW)중심대학협의회, (연구계) 한국전자통신연구원, 한국과학기술연구원, "
    "한국표준과학연구원, 한국전자기술연구원, (간사기관) 정보통신기획평가원, 정보통신산업진흥원, "
    "한국지능정보사회진흥원",
    "회의는 오후에 열렸다.",
    " * (산업계) KOVA, TTA, KAIT, KTOA, KOSA / (학계) ITRC, SW중심대학 / (연구계) ETRI, KIST, "
    "KRISS, KETI / (전담기관) IITP, NIPA, NIA",
};

static const char *const list_gold[][2] = {
    {"한국정보통신기술협회", "TTA"},   {"한국소프트웨어산업협회", "KOSA"},
    {"벤처기업협회", "KOVA"},          {"한국정보통신진흥협회", "KAIT"},
    {"한국통신사업자연합회", "KTOA"},  {"대학정보통신연구센터협의회", "ITRC"},
    {"한국전자통신연구원", "ETRI"},    {"한국과학기술연구원", "KIST"},
    {"한국표준과학연구원", "KRISS"},   {"한국전자기술연구원", "KETI"},
    {"정보통신기획평가원", "IITP"},    {"정보통신산업진흥원", "NIPA"},
    {"한국지능정보사회진흥원", "NIA"},
};

static int in_gold(const struct cross_pair *p, const char *const (*gold)[2], size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(p->ko, gold[i][0]) && !strcmp(p->gloss, gold[i][1]))
            return 1;
    return 0;
}

static void run_list_doc(unsigned flags, size_t *right, size_t *wrong)
{
    struct cross_doc *c = cross_doc_new(flags | CROSS_NO_SUBST);
    for (size_t i = 0; i < N_ELEMS(list_doc); i++)
        cross_doc_add_line(c, list_doc[i], strlen(list_doc[i]), i + 1);
    cross_doc_align(c);
    *right = *wrong = 0;
    for (size_t i = 0; i < cross_doc_count(c); i++) {
        const struct cross_pair *p = cross_doc_get(c, i);
        int ok = in_gold(p, list_gold, N_ELEMS(list_gold));
        *right += ok;
        *wrong += !ok;
        printf("# %s %s\t%s\t%.2f\t%s\n", ok ? "  " : "XX", p->ko, p->gloss, p->score, p->evidence);
    }
    cross_doc_free(c);
}

static void test_lists(void)
{
    size_t right, wrong;
    run_list_doc(0, &right, &wrong);
    printf("# with the acronym lexicon: %zu right, %zu wrong of %zu\n", right, wrong,
           N_ELEMS(list_gold));
    OK(right >= 12 && wrong == 0, "right %zu wrong %zu", right, wrong);
    run_list_doc(CROSS_NO_ACRONYM_LEXICON, &right, &wrong);
    printf("# without the acronym lexicon: %zu right, %zu wrong of %zu\n", right, wrong,
           N_ELEMS(list_gold));
    /* ETRI/KETI and NIA/NIPA fit their letters equally well both ways: dropped */
    OK(right >= 8 && wrong == 0, "right %zu wrong %zu", right, wrong);
}

/* ---- composition ------------------------------------------------------------------ */

static int has_out(const struct cross_doc *c, const char *ko, const char *gloss)
{
    for (size_t i = 0; i < cross_doc_count(c); i++) {
        const struct cross_pair *p = cross_doc_get(c, i);
        if (!strcmp(p->ko, ko) && !strcmp(p->gloss, gloss))
            return 1;
    }
    return 0;
}

static void test_compose(void)
{
    static const char *const lines[] = {
        "인터넷 기반 자원 공유(클라우드) 보안인증제(CSAP) 개편",
        "아서 맨쉬(Arthur Mensch) 최고 경영 책임자(CEO)와 면담",
        "정보통신기술(ICT) 연구개발(R&D) 예산",
        "인공지능(AI) 반도체(칩) 육성",
        "부록: 클라우드 보안인증제 현황, ICT R&D 혁신",
    };
    static const struct {
        const char *ko, *gloss, *en;
        enum model_kind kind;
    } pairs[] = {
        {"인터넷 기반 자원 공유", "클라우드", "cloud", MODEL_KIND_LOANWORD},
        {"보안인증제", "CSAP", NULL, MODEL_KIND_ABBREV},
        {"아서 맨쉬", "Arthur Mensch", NULL, MODEL_KIND_ENGLISH},
        {"최고 경영 책임자", "CEO", NULL, MODEL_KIND_ABBREV},
        {"정보통신기술", "ICT", NULL, MODEL_KIND_ABBREV},
        {"연구개발", "R&D", NULL, MODEL_KIND_ABBREV},
        {"인공지능", "AI", NULL, MODEL_KIND_ABBREV},
        {"반도체", "칩", "chip", MODEL_KIND_LOANWORD},
    };
    struct cross_doc *c = cross_doc_new(CROSS_NO_LISTS | CROSS_NO_SUBST);

    for (size_t i = 0; i < N_ELEMS(lines); i++)
        cross_doc_add_line(c, lines[i], strlen(lines[i]), i + 1);
    for (size_t i = 0; i < N_ELEMS(pairs); i++)
        cross_doc_add_pair(c, pairs[i].ko, pairs[i].gloss, pairs[i].kind, pairs[i].en);
    cross_doc_align(c);
    OK(has_out(c, "인터넷 기반 자원 공유 보안인증제", "CSAP"), "the acronym names the whole");
    OK(has_out(c, "인터넷 기반 자원 공유 보안인증제", "클라우드 보안인증제"),
       "the appendix's loanword form");
    OK(has_out(c, "정보통신기술 연구개발", "ICT R&D"), "two acronyms, written together elsewhere");
    OK(!has_out(c, "아서 맨쉬 최고 경영 책임자", "CEO"), "CEO does not start with Arthur");
    OK(!has_out(c, "인공지능 반도체", "AI 칩"), "a composition nobody writes is not reported");
    OK(cross_doc_count(c) == 3, "%zu pairs", cross_doc_count(c));
    cross_doc_free(c);
}

/* ---- end to end over the development documents -------------------------------- */

static const char *const corpus_gold[][2] = {
    /* msit-2025-05-28-ict-commercialisation-dialogue.txt (lists) */
    {"한국정보통신기술협회", "TTA"},
    {"한국소프트웨어산업협회", "KOSA"},
    {"벤처기업협회", "KOVA"},
    {"한국정보통신진흥협회", "KAIT"},
    {"한국통신사업자연합회", "KTOA"},
    {"대학정보통신연구센터협의회", "ITRC"},
    {"한국전자통신연구원", "ETRI"},
    {"한국과학기술연구원", "KIST"},
    {"한국표준과학연구원", "KRISS"},
    {"한국전자기술연구원", "KETI"},
    {"한국초기투자엑셀러레이터협회", "KAIA"},
    {"정보통신기획평가원", "IITP"},
    {"정보통신산업진흥원", "NIPA"},
    {"한국지능정보사회진흥원", "NIA"},
    /* msit-2024-10-18-ict-strategy-committee.txt (body vs appendix) */
    {"서비스형 소프트웨어", "SaaS"},
    {"실증 시험대", "테스트베드"},
    {"이용권", "바우처"},
    {"인공지능 컴퓨팅 기반", "AI 컴퓨팅 인프라"},
    {"인공지능 혁신 자금", "AI 혁신펀드"},
    {"데이터 모음", "데이터셋"},
    {"국제 인공지능 안전연구소 관계망", "국제 AI안전연구소 네트워크"},
    /* composition: 인터넷 기반 자원 공유(클라우드) 보안인증제(CSAP) */
    {"인터넷 기반 자원 공유 보안인증제", "CSAP"},
    {"인터넷 기반 자원 공유 보안인증제", "클라우드 보안인증제"},
};

/* Runs extractor + cross over path; counts pairs in and out of the gold. */
static int run_corpus(const char *path, unsigned flags, size_t *right, size_t *wrong)
{
    struct dd_error err;
    struct text_reader *r = text_reader_open(path, NULL, 0, &err);
    if (!r)
        return -1;
    struct extract_doc *d = dadeum_doc_new(ctx, path, 0);
    struct cross_doc *c = cross_doc_new(flags);
    struct text_line ln;
    while (text_reader_next(r, &ln, &err) == TEXT_READER_OK) {
        extract_doc_add_line(d, ln.text, ln.len, ln.no);
        cross_doc_add_line(c, ln.text, ln.len, ln.no);
    }
    extract_doc_finish(d);
    for (size_t i = 0; i < extract_doc_count(d); i++) {
        const struct extract_pair *p = extract_doc_get(d, i);
        cross_doc_add_pair(c, p->ko, p->gloss, p->kind, p->en);
    }
    cross_doc_align(c);
    for (size_t i = 0; i < cross_doc_count(c); i++) {
        const struct cross_pair *p = cross_doc_get(c, i);
        int ok = in_gold(p, corpus_gold, N_ELEMS(corpus_gold));
        *right += ok;
        *wrong += !ok;
        printf("# %s %lu/%lu %s\t%s\t%s\t%.2f\t%s\n", ok ? "  " : "XX", p->line, p->gloss_line,
               p->ko, p->gloss, model_kind_name(p->kind), p->score, p->evidence);
    }
    cross_doc_free(c);
    extract_doc_free(d);
    text_reader_free(r);
    return 0;
}

static void test_corpus(void)
{
    static const char *const docs[] = {
        "docs/corpus/msit-2025-05-28-ict-commercialisation-dialogue.txt",
        "docs/corpus/msit-2024-10-18-ict-strategy-committee.txt",
    };
    for (int nolex = 0; nolex <= 1; nolex++) {
        size_t right = 0, wrong = 0;
        for (size_t i = 0; i < N_ELEMS(docs); i++) {
            printf("# %s%s\n", docs[i], nolex ? " (no acronym lexicon)" : "");
            OK(run_corpus(docs[i], nolex ? CROSS_NO_ACRONYM_LEXICON : 0, &right, &wrong) == 0,
               "cannot read %s", docs[i]);
        }
        printf("# corpus%s: %zu of %zu gold pairs found, %zu other pairs: recall %.2f, "
               "precision %.2f\n",
               nolex ? " without acronym lexicon" : "", right, N_ELEMS(corpus_gold), wrong,
               (double)right / (double)N_ELEMS(corpus_gold),
               right + wrong ? (double)right / (double)(right + wrong) : 0.0);
        /* floors, so that a regression shows */
        OK(right >= (nolex ? 8u : 13u), "right %zu", right);
        OK(wrong <= (nolex ? 2u : 5u), "wrong %zu", wrong);
    }
}

int main(void)
{
    ctx = dadeum_ctx_new(); /* the CLI's extractor: lexicons, tables, oracle */
    RUN(test_acronym_score);
    RUN(test_lists);
    RUN(test_compose);
    RUN(test_corpus);
    dadeum_ctx_free(ctx);
    return harness_done();
}
