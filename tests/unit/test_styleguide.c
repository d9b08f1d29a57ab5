/*
 * test_styleguide.c - unit tests for src/io/styleguide*: dictionary order and
 * sections, filters, escaping, and that streaming a termbase gives the same
 * bytes as collecting its concepts.
 *
 * Also the driver of the end-to-end goldens (tests/t0710-styleguide.sh)
 * until `dadeum export --format md|html` calls the same function:
 *
 *   test_styleguide write (md | html) <termbase> [<status> [<kind> [<min-count>]]]
 *
 * writes styleguide_write_termbase() output to standard output ("-" skips
 * a filter).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "io/styleguide.h"
#include "termbase/termbase.h"
#include "io/styleguide_int.h"
#include "util/banned.h"

/* ---- helpers ----------------------------------------------------------------------- */

struct tconcept {
    const char *ko;
    const char *loan, *en, *abbr; /* may be NULL */
    enum model_status status;
    unsigned long count;
    const char *example;
};

static const struct tconcept concepts[] = {
    {"하이퍼 링크 대체어", "하이퍼링크", NULL, NULL, MODEL_CANDIDATE, 1, NULL},
    {"인터넷 기반 자원 공유", "클라우드", "cloud", NULL, MODEL_APPROVED, 9,
     "정부는 새로운 인터넷 기반 자원 공유(클라우드) 전략을 발표했다."},
    {"AI 기본법", NULL, "AI Basic Act", NULL, MODEL_CANDIDATE, 2, NULL},
    {"까다로운 <용어> & \"따옴표\"", "*별표*", NULL, NULL, MODEL_CANDIDATE, 1,
     "<script>alert(1)</script> 까다로운 <용어> & \"따옴표\" 예문"},
    {"가상 자원 공유", "클라우드", NULL, NULL, MODEL_REJECTED, 1, NULL},
    {"인공지능", NULL, NULL, "AI", MODEL_APPROVED, 5, "인공지능(AI) 안전연구소가 문을 열었다."},
    {"거점", "허브", NULL, NULL, MODEL_CANDIDATE, 2, NULL},
    {"5세대 이동통신", NULL, NULL, "5G", MODEL_CANDIDATE, 1, NULL},
    {"각도", NULL, "angle", NULL, MODEL_CANDIDATE, 1, NULL},
    {NULL, NULL, NULL, NULL, 0, 0, NULL}};

/* Fills c (and forms[4]) from t. */
static void concept_of(const struct tconcept *t, int64_t id, struct model_concept *c,
                       struct model_form *forms)
{
    memset(c, 0, sizeof(*c));
    c->id = id;
    c->ko = t->ko;
    c->kind = t->loan ? "loanword" : t->en ? "english" : "abbrev";
    c->status = t->status;
    c->count = t->count;
    c->ndocs = 1;
    c->forms = forms;
    forms[c->nforms].type = MODEL_FORM_KO;
    forms[c->nforms++].text = t->ko;
    if (t->loan) {
        forms[c->nforms].type = MODEL_FORM_LOANWORD;
        forms[c->nforms++].text = t->loan;
    }
    if (t->en) {
        forms[c->nforms].type = MODEL_FORM_ENGLISH;
        forms[c->nforms++].text = t->en;
    }
    if (t->abbr) {
        forms[c->nforms].type = MODEL_FORM_ABBREV;
        forms[c->nforms++].text = t->abbr;
    }
    c->example = t->example;
    c->example_path = t->example ? "보도자료.txt" : NULL;
    c->example_line = 7;
}

/* The style guide of the test concepts with opt, as a string. */
static char *render(enum styleguide_format fmt, const struct styleguide_options *opt)
{
    struct styleguide *sg = styleguide_new(fmt, opt);
    char *buf = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&buf, &len);

    for (size_t i = 0; concepts[i].ko; i++) {
        struct model_concept c;
        struct model_form forms[4];
        concept_of(&concepts[i], (int64_t)i + 1, &c, forms);
        styleguide_add(sg, &c);
    }
    styleguide_write(sg, fp);
    fclose(fp);
    styleguide_free(sg);
    return buf;
}

/* Position of needle in hay, or -1. */
static long pos(const char *hay, const char *needle)
{
    const char *p = strstr(hay, needle);
    return p ? (long)(p - hay) : -1;
}

/* ---- tests ------------------------------------------------------------------------- */

static void test_sections(void)
{
    INT_EQ(styleguide__section_of("가방"), 0, "ㄱ");
    INT_EQ(styleguide__section_of("까치"), 1, "ㄲ");
    INT_EQ(styleguide__section_of("  나무"), 2, "leading spaces do not count");
    INT_EQ(styleguide__section_of("힘"), 18, "ㅎ");
    INT_EQ(styleguide__section_of("AI 기본법"), STYLEGUIDE__OTHER, "Latin");
    INT_EQ(styleguide__section_of("5세대"), STYLEGUIDE__OTHER, "digit");
    INT_EQ(styleguide__section_of("ㄱ자형"), STYLEGUIDE__OTHER, "compatibility jamo");
    STR_EQ(styleguide__section_label(9), "ㅅ", "label");
    STR_EQ(styleguide__section_label(STYLEGUIDE__OTHER), "A–Z", "label");
    INT_EQ(styleguide_format_parse("md"), STYLEGUIDE_MARKDOWN, "md");
    INT_EQ(styleguide_format_parse("html"), STYLEGUIDE_HTML, "html");
    INT_EQ(styleguide_format_parse("pdf"), -1, "pdf");
}

static void test_markdown_order(void)
{
    char *md = render(STYLEGUIDE_MARKDOWN, NULL);
    long ga = pos(md, "### 각도"), geo = pos(md, "### 거점"), gga = pos(md, "### 까다로운"),
         in = pos(md, "### 인공지능"), inter = pos(md, "### 인터넷 기반"),
         ha = pos(md, "### 하이퍼"), ai = pos(md, "### AI 기본법"), g5 = pos(md, "### 5세대");

    OK(ga > 0 && ga < geo && geo < gga && gga < in && in < inter && inter < ha && ha < g5 &&
           g5 < ai,
       "dictionary order, then Latin and digits in code-point order:\n%s", md);
    OK(pos(md, "## ㄱ\n") < ga && pos(md, "## ㄲ\n") < gga && pos(md, "## ㅇ\n") < in &&
           pos(md, "## ㅎ\n") < ha && pos(md, "## A–Z\n") < g5,
       "one heading per initial:\n%s", md);
    OK(pos(md, "## ㄴ") < 0, "no empty sections");
    OK(pos(md, "가상 자원 공유") < 0, "rejected concepts are left out by default");
    OK(pos(md, "용어 8개: [ㄱ](#ㄱ) · [ㄲ](#ㄲ) · [ㅇ](#ㅇ) · [ㅎ](#ㅎ) · [A–Z](#az)\n") > 0,
       "index of initials:\n%s", md);
    OK(pos(md, "- 쓰지 말 것: 클라우드\n- 영어: cloud\n- 상태: 승인 (approved)\n"
               "- 빈도: 9회, 문서 1건\n- 용례: 정부는 새로운 **인터넷 기반 자원 공유**(클라우드) "
               "전략을 발표했다. (보도자료.txt:7)\n") > 0,
       "entry:\n%s", md);
    OK(pos(md, "### 까다로운 \\<용어\\> \\& \"따옴표\"\n") > 0 && pos(md, "\\*별표\\*") > 0,
       "markdown escaped:\n%s", md);
    free(md);
}

static void test_filters(void)
{
    struct styleguide_options opt = STYLEGUIDE_OPTIONS_INIT;
    char *md;

    opt.status = MODEL_APPROVED;
    md = render(STYLEGUIDE_MARKDOWN, &opt);
    OK(pos(md, "용어 2개") > 0 && pos(md, "### 인공지능") > 0 && pos(md, "### 거점") < 0,
       "--status approved:\n%s", md);
    free(md);
    opt.status = MODEL_REJECTED;
    md = render(STYLEGUIDE_MARKDOWN, &opt);
    OK(pos(md, "용어 1개") > 0 && pos(md, "### 가상 자원 공유") > 0, "--status rejected");
    free(md);
    opt.status = -1;
    opt.kind = "loanword";
    md = render(STYLEGUIDE_MARKDOWN, &opt);
    OK(pos(md, "용어 4개") > 0 && pos(md, "### 인공지능") < 0 && pos(md, "### 거점") > 0,
       "--kind loanword:\n%s", md);
    free(md);
    opt.kind = "abbrev";
    opt.min_count = 2;
    md = render(STYLEGUIDE_MARKDOWN, &opt);
    OK(pos(md, "용어 1개") > 0 && pos(md, "### 인공지능") > 0, "--kind abbrev --min-count 2");
    free(md);
    opt.kind = NULL;
    opt.min_count = 100;
    opt.title = "빈 지침";
    md = render(STYLEGUIDE_MARKDOWN, &opt);
    STR_EQ(md, "# 빈 지침\n\n" STYLEGUIDE__RULE "\n\n용어 0개\n", "nothing left");
    free(md);
}

static void test_html(void)
{
    char *html = render(STYLEGUIDE_HTML, NULL);

    OK(!strncmp(html, "<!DOCTYPE html>\n<html lang=\"ko\">", 32), "doctype");
    OK(pos(html, "<script") < 0 && pos(html, "&lt;script&gt;alert(1)&lt;/script&gt;") > 0,
       "text is escaped, no script");
    OK(pos(html, "http://") < 0 && pos(html, "https://") < 0 && pos(html, "src=") < 0,
       "nothing is fetched");
    OK(pos(html, "<li><a href=\"#s00\">ㄱ</a></li>") > 0 && pos(html, "<section id=\"s00\">") > 0,
       "index links to sections");
    OK(pos(html, "<a href=\"#s02\">") < 0, "no link to an empty section");
    OK(pos(html, "<dt>쓰지 말 것</dt><dd><span class=\"avoid\">클라우드</span></dd>") > 0,
       "loanword to avoid");
    OK(pos(html, "<mark>인터넷 기반 자원 공유</mark>(클라우드)") > 0, "term marked in example");
    OK(pos(html, "@media print") > 0, "print CSS");
    OK(pos(html, "</html>\n") == (long)strlen(html) - 8, "ends the document");
    free(html);
}

/* Stores the test concepts in an in-memory termbase, one document. */
static struct termbase *termbase_of_concepts(void)
{
    struct dd_error err;
    struct termbase *tb = termbase_open(NULL, TERMBASE_MEMORY, &err);
    int unchanged;

    if (!tb ||
        termbase_doc_begin(tb, "보도자료.txt", "fnv1a64:0000000000000001", 10, &unchanged, &err))
        return tb;
    for (size_t i = 0; concepts[i].ko; i++) {
        const struct tconcept *t = &concepts[i];
        struct model_pair p;
        memset(&p, 0, sizeof(p));
        p.ko = t->ko;
        p.gloss = t->loan ? t->loan : t->en ? t->en : t->abbr;
        p.kind = t->loan ? MODEL_KIND_LOANWORD : t->en ? MODEL_KIND_ENGLISH : MODEL_KIND_ABBREV;
        p.line = i + 1;
        p.count = (unsigned)t->count;
        p.context = t->example;
        p.en = t->loan ? t->en : NULL;
        termbase_doc_add(tb, &p, &err);
    }
    termbase_doc_commit(tb, &err);
    return tb;
}

static int collect(void *ctx, const struct model_concept *c)
{
    styleguide_add(ctx, c);
    return 0;
}

static void test_stream_equals_collect(void)
{
    struct dd_error err;
    struct termbase *tb = termbase_of_concepts();

    for (int fmt = STYLEGUIDE_MARKDOWN; fmt <= STYLEGUIDE_HTML; fmt++) {
        char *a = NULL, *b = NULL;
        size_t alen = 0, blen = 0;
        FILE *fa = open_memstream(&a, &alen), *fb = open_memstream(&b, &blen);
        struct styleguide *sg = styleguide_new((enum styleguide_format)fmt, NULL);

        struct termbase_source ts = {tb, &err};
        struct model_concept_source src = {termbase_source_foreach, &ts};
        INT_EQ(styleguide_write_source(&src, fa, (enum styleguide_format)fmt, NULL), 0, "%s",
               err.message);
        INT_EQ(termbase_foreach(tb, -1, collect, sg, &err), 0, "%s", err.message);
        styleguide_write(sg, fb);
        fclose(fa);
        fclose(fb);
        STR_EQ(a, b, "streamed and collected (format %d)", fmt);
        OK(pos(a, "인터넷 기반 자원 공유") > 0, "content");
        styleguide_free(sg);
        free(a);
        free(b);
    }
    termbase_free(tb);
}

/* ---- the golden-test driver ---------------------------------------------------------- */

static int driver(int argc, char **argv)
{
    struct styleguide_options opt = STYLEGUIDE_OPTIONS_INIT;
    struct dd_error err;
    struct termbase *tb;
    int fmt = argc > 2 ? styleguide_format_parse(argv[2]) : -1, ret = 0;

    if (argc < 4 || fmt < 0) {
        fprintf(stderr, "usage: test_styleguide write (md | html) <termbase> [<status> [<kind> "
                        "[<min-count>]]]\n");
        return 2;
    }
    if (argc > 4 && strcmp(argv[4], "-"))
        opt.status = model_status_parse(argv[4]);
    if (argc > 5 && strcmp(argv[5], "-"))
        opt.kind = argv[5];
    if (argc > 6)
        opt.min_count = strtoul(argv[6], NULL, 10);
    tb = termbase_open(argv[3], TERMBASE_READONLY, &err);
    if (!tb) {
        fprintf(stderr, "test_styleguide: %s\n", err.message);
        return 3;
    }
    struct termbase_source ts = {tb, &err};
    struct model_concept_source src = {termbase_source_foreach, &ts};
    if (styleguide_write_source(&src, stdout, (enum styleguide_format)fmt, &opt)) {
        fprintf(stderr, "test_styleguide: %s\n", err.message);
        ret = 3;
    }
    termbase_free(tb);
    return ret;
}

int main(int argc, char **argv)
{
    if (argc > 1 && !strcmp(argv[1], "write"))
        return driver(argc, argv);
    RUN(test_sections);
    RUN(test_markdown_order);
    RUN(test_filters);
    RUN(test_html);
    RUN(test_stream_equals_collect);
    return harness_done();
}
