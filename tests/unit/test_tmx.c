/*
 * test_tmx.c - unit tests for the exchange path: termbase_foreach (key
 * order, status filter, early stop, one concept at a time), the merge API,
 * and the TMX and TBX writers and readers on small fixtures (write a
 * concept, read it back, compare).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "io/exchange.h"
#include "termbase/termbase.h"
#include "util/banned.h"

static struct termbase *mem_with(const char *const *pairs)
{
    struct dd_error err;
    struct termbase *tb = termbase_open(NULL, TERMBASE_MEMORY, &err);
    int unchanged;
    termbase_doc_begin(tb, "doc.txt", "fnv1a64:0000000000000001", 10, &unchanged, &err);
    for (size_t i = 0; pairs[i]; i += 2) {
        struct model_pair p;
        memset(&p, 0, sizeof(p));
        p.ko = pairs[i];
        p.gloss = pairs[i + 1];
        p.kind = exchange_guess_type(p.gloss) == MODEL_FORM_ABBREV ? MODEL_KIND_ABBREV
                                                                   : MODEL_KIND_ENGLISH;
        p.line = i / 2 + 1;
        p.count = 1;
        p.context = "문맥";
        termbase_doc_add(tb, &p, &err);
    }
    termbase_doc_commit(tb, &err);
    return tb;
}

static const char *const pairs[] = {"하나", "one",      "셋", "three", "둘",
                                    "two",  "인공지능", "AI", NULL};

struct seen {
    struct strbuf keys; /* ko of each concept, ';'-separated */
    int stop_after;     /* stop after this many, 0: never */
    int n;              /* concepts seen */
};

static int collect(void *ctx, const struct model_concept *c)
{
    struct seen *s = ctx;
    strbuf_addf(&s->keys, "%s;", c->ko);
    s->n++;
    return s->stop_after && s->n >= s->stop_after ? 7 : 0;
}

static void test_foreach(void)
{
    struct termbase *tb = mem_with(pairs);
    struct dd_error err;
    struct seen s = {STRBUF_INIT, 0, 0};

    INT_EQ(termbase_foreach(tb, -1, collect, &s, &err), 0, "%s", err.message);
    STR_EQ(s.keys.buf, "둘;셋;인공지능;하나;", "key (byte) order");
    strbuf_reset(&s.keys);
    s.n = 0;
    INT_EQ(termbase_foreach(tb, MODEL_APPROVED, collect, &s, &err), 0, "approved");
    INT_EQ(s.n, 0, "none approved yet");
    {
        struct termbase_edit e = {MODEL_APPROVED, NULL, NULL, NULL};
        termbase_edit(tb, 2, &e, &err);
    }
    INT_EQ(termbase_foreach(tb, MODEL_APPROVED, collect, &s, &err), 0, "approved");
    STR_EQ(s.keys.buf, "셋;", "the approved one");
    strbuf_reset(&s.keys);
    s.n = 0;
    s.stop_after = 2;
    INT_EQ(termbase_foreach(tb, -1, collect, &s, &err), 7, "the callback's value stops it");
    INT_EQ(s.n, 2, "stopped after two");
    strbuf_release(&s.keys);
    termbase_free(tb);
}

/* Writes the termbase in fmt to a string the caller frees. */
static char *export_str(struct termbase *tb, const struct exchange_writer_ops *ops,
                        enum exchange_target target)
{
    struct exchange_options opt = EXCHANGE_OPTIONS_INIT;
    struct exchange_writer w;
    struct dd_error err;
    char *buf = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&buf, &len);
    opt.date = "20250102T000000Z";
    opt.target = target;
    exchange_writer_init(&w, ops, fp, &opt);
    termbase_foreach(tb, -1, exchange_writer_add, &w, &err);
    exchange_writer_finish(&w);
    exchange_writer_release(&w);
    fclose(fp);
    return buf;
}

struct merge_ctx {
    struct termbase_merge *m;
    struct dd_error err;
};

static int merge_one(void *ctx, const struct model_concept *c)
{
    struct merge_ctx *mc = ctx;
    return termbase_merge_add(mc->m, c, &mc->err) ? -1 : 0;
}

/*
 * Writes text to a temporary file and reads it with read, handing each
 * concept to fn(ctx); langs, when not NULL, receives each concept's tags.
 */
static int read_text(exchange_read_fn read, const char *text, model_concept_fn fn, void *ctx,
                     struct exchange_langs *langs, struct dd_error *err)
{
    char path[] = "/tmp/dadeum-test-tmx.XXXXXX";
    int fd = mkstemp(path), ret;
    FILE *fp = fdopen(fd, "w");
    struct exchange_reader rd;
    struct exchange_options opt = EXCHANGE_OPTIONS_INIT;

    fputs(text, fp);
    fclose(fp);
    memset(&rd, 0, sizeof(rd));
    rd.concept = fn;
    rd.ctx = ctx;
    rd.opt = opt;
    rd.langs = langs;
    ret = read(path, &rd, err);
    unlink(path);
    return ret;
}

/* Reads file text with read into a new in-memory termbase. */
static struct termbase *import_str(exchange_read_fn read, const char *text, int *ret)
{
    struct dd_error err;
    struct termbase *tb = termbase_open(NULL, TERMBASE_MEMORY, &err);
    struct merge_ctx mc;
    struct dd_error xerr;

    mc.m = termbase_merge_begin(tb, &err);
    *ret = read_text(read, text, merge_one, &mc, NULL, &xerr);
    if (*ret)
        termbase_merge_abort(mc.m);
    else
        termbase_merge_commit(mc.m, &err);
    return tb;
}

static void test_tmx_round_trip(void)
{
    struct termbase *tb = mem_with(pairs), *tb2;
    char *one = export_str(tb, &tmx_writer, EXCHANGE_TARGET_ENGLISH), *two;
    int ret;

    OK(strstr(one, "<tuv xml:lang=\"ko-KR\"><seg>인공지능</seg></tuv>") != NULL, "ko tuv");
    OK(strstr(one, "<prop type=\"x-abbreviation\">AI</prop>") != NULL, "abbreviation prop");
    OK(strstr(one, "srclang=\"ko-KR\" datatype=\"plaintext\"") != NULL, "header");
    tb2 = import_str(tmx_read, one, &ret);
    INT_EQ(ret, 0, "read back");
    two = export_str(tb2, &tmx_writer, EXCHANGE_TARGET_ENGLISH);
    STR_EQ(two, one, "TMX -> termbase -> TMX is the same");
    free(one);
    free(two);
    termbase_free(tb2);
    termbase_free(tb);
}

static void test_tbx_round_trip(void)
{
    const struct exchange_writer_ops *ops[] = {&tbx2_writer, &tbx3_writer};
    for (int i = 0; i < 2; i++) {
        struct termbase *tb = mem_with(pairs), *tb2;
        char *one = export_str(tb, ops[i], EXCHANGE_TARGET_ENGLISH), *two;
        int ret;
        tb2 = import_str(tbx_read, one, &ret);
        INT_EQ(ret, 0, "read back %s", ops[i]->name);
        two = export_str(tb2, ops[i], EXCHANGE_TARGET_ENGLISH);
        STR_EQ(two, one, "%s round trip", ops[i]->name);
        free(one);
        free(two);
        termbase_free(tb2);
        termbase_free(tb);
    }
}

static void test_tmx_reader_fixtures(void)
{
    static const char third[] =
        "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header srclang=\"*all*\"/><body>\n"
        "<tu><tuv xml:lang=\"KO\"><seg>공공 <hi>데이터</hi></seg></tuv>"
        "<tuv xml:lang=\"EN-us\"><seg>public <ph>&lt;x/&gt;</ph>data</seg></tuv></tu>\n"
        "<tu><tuv lang=\"ko_KR\"><seg>연구개발</seg></tuv><tuv "
        "lang=\"en\"><seg>R&amp;D</seg></tuv></tu>\n"
        "<tu><tuv xml:lang=\"fr\"><seg>données</seg></tuv><tuv "
        "xml:lang=\"en\"><seg>data</seg></tuv></tu>\n"
        "</body></tmx>\n";
    struct termbase *tb;
    char *out;
    int ret;

    tb = import_str(tmx_read, third, &ret);
    INT_EQ(ret, 0, "third-party TMX");
    out = export_str(tb, &tsv_writer, EXCHANGE_TARGET_ENGLISH);
    OK(strstr(out, "공공 데이터\tpublic data\t") != NULL, "hi text kept, ph code dropped: %s", out);
    OK(strstr(out, "연구개발\tR&D\t") != NULL, "lang= and ko_KR read");
    OK(strstr(out, "type=abbrev") != NULL, "R&D guessed as an abbreviation");
    OK(!strstr(out, "données"), "no Korean side: skipped");
    free(out);
    termbase_free(tb);

    /* every native-code element dropped, names that only start like ours kept or ignored */
    tb = import_str(
        tmx_read,
        "<tmx><header srclang=\"ko-KR\"/><body>"
        "<tu><prop type=\"x-kind\">abbrev</prop><props type=\"x-kind\">no</props>"
        "<prop type=\"x-kindx\">no</prop><prop type=\"kind\">no</prop><notes>no</notes>"
        "<tuv xml:lang=\"ko\"><seg>가<bpt i=\"1\">b</bpt>나<ept i=\"1\">e</ept>"
        "다<ph>p</ph><it pos=\"begin\">i</it><ut>u</ut><phx>라</phx><segx>마</segx>"
        "<i>바</i><u>사</u><p>아</p><b>자</b><e>차</e><bptx>카</bptx><t>타</t></seg></tuv>"
        "<tuvx xml:lang=\"en\"><seg>no</seg></tuvx>"
        "<tuv xml:lang=\"en\"><seg>A<it pos=\"end\">x<ph>y</ph>z</it>B</seg></tuv>"
        "</tu></body></tmx>",
        &ret);
    INT_EQ(ret, 0, "inline elements");
    out = export_str(tb, &tsv_writer, EXCHANGE_TARGET_ENGLISH);
    OK(strstr(out, "가나다라마바사아자차카타\tAB\t") != NULL,
       "native code dropped, other text kept: %s", out);
    OK(strstr(out, "kind=abbrev;") != NULL, "only <prop type=\"x-kind\"> read: %s", out);
    free(out);
    termbase_free(tb);

    tb = import_str(tmx_read, "<tmx><body><tu><tuv xml:lang=\"ko\"><seg>x</seg></tuv>", &ret);
    INT_EQ(ret, -1, "truncated");
    out = export_str(tb, &tsv_writer, EXCHANGE_TARGET_ENGLISH);
    OK(!strstr(out, "\tx\t"), "nothing imported");
    free(out);
    termbase_free(tb);
    tb = import_str(tmx_read, "<martif/>", &ret);
    INT_EQ(ret, -1, "not TMX");
    termbase_free(tb);
}

static void test_merge_keeps_decisions(void)
{
    struct termbase *tb = mem_with(pairs);
    struct dd_error err;
    struct termbase_edit e = {MODEL_REJECTED, NULL, NULL, "no"};
    struct termbase_merge *m;
    struct model_form f[2] = {{"하나", MODEL_FORM_KO, 0, 0, NULL, -1, 0, 0},
                              {"uno", MODEL_FORM_ENGLISH, 0, 0, NULL, -1, 0, 0}};
    struct model_concept c;
    struct termbase_result *r;

    termbase_edit(tb, 1, &e, &err);
    memset(&c, 0, sizeof(c));
    c.ko = "하나";
    c.status = MODEL_APPROVED;
    c.note = "yes";
    c.forms = f;
    c.nforms = 2;
    m = termbase_merge_begin(tb, &err);
    INT_EQ(termbase_merge_add(m, &c, &err), TERMBASE_OK, "%s", err.message);
    INT_EQ(termbase_merge_add(m, &c, &err), TERMBASE_OK, "twice");
    INT_EQ(termbase_merge_get_stats(m)->new_forms, 1, "one new form, once");
    INT_EQ(termbase_merge_get_stats(m)->new_concepts, 0, "no new concept");
    INT_EQ(termbase_merge_commit(m, &err), TERMBASE_OK, "commit");
    r = termbase_get(tb, 1, &err);
    INT_EQ(termbase_result_get(r, 0)->status, MODEL_REJECTED, "the termbase's decision wins");
    STR_EQ(termbase_result_get(r, 0)->note, "no", "and its note");
    termbase_result_free(r);
    OK(termbase_check(tb, &err) == TERMBASE_OK, "%s", err.message);
    termbase_free(tb);
}

/* "path:line" splits at the last colon only when digits follow it; ids read as strtoll would. */
static void test_source_and_id(void)
{
    static const struct {
        const char *in, *path;
        unsigned long line;
    } cases[] = {
        {"doc.txt:12", "doc.txt", 12},
        {"C:/docs/a.txt:7", "C:/docs/a.txt", 7},
        {"a:b", "a:b", 0},
        {"doc.txt:", "doc.txt:", 0},
        {"doc.txt:1x", "doc.txt:1x", 0},
        {":3", "", 3},
        {"no-line", "no-line", 0},
        {"big:99999999999999999999999", "big", (unsigned long)-1},
        {"max:18446744073709551615", "max", (unsigned long)-1},
        {"zeros:000000000000000000000000042", "zeros", 42},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct exchange_concept e = EXCHANGE_CONCEPT_INIT;
        exchange_concept_reset(&e);
        exchange_concept_set_source(&e, cases[i].in, strlen(cases[i].in));
        STR_EQ(e.c.example_path, cases[i].path, "path of '%s'", cases[i].in);
        INT_EQ(e.c.example_line, cases[i].line, "line of '%s'", cases[i].in);
        exchange_concept_release(&e);
    }
    INT_EQ(exchange_parse_id("42"), 42, "digits");
    INT_EQ(exchange_parse_id("007"), 7, "leading zeros");
    INT_EQ(exchange_parse_id(" 12"), 12, "leading space, as strtoll");
    INT_EQ(exchange_parse_id("-5"), -5, "sign, as strtoll");
    INT_EQ(exchange_parse_id("12abc"), 12, "trailing garbage, as strtoll");
    INT_EQ(exchange_parse_id("c12"), 0, "no digits first");
    INT_EQ(exchange_parse_id("99999999999999999999"), 9223372036854775807LL, "saturates");
    INT_EQ(exchange_parse_id("9223372036854775807"), 9223372036854775807LL, "the largest");
    INT_EQ(exchange_parse_id("0000000000000000000000000000012"), 12, "many leading zeros");
}

/* --date: the calendar and 1970..9999 (issue 16); every accepted date formats back as given. */
static void test_parse_date(void)
{
    static const char *const bad[] = {"253402300800",
                                      "999999999999",
                                      "2025-02-30",
                                      "2023-02-29",
                                      "2025-13-01",
                                      "2025-00-10",
                                      "2025-04-31",
                                      "1969-12-31",
                                      "20250101T240000Z",
                                      "20250101T235960Z",
                                      "20250230T000000Z",
                                      "2025-1-01",
                                      "+1",
                                      " 1",
                                      "",
                                      "2025-02-28x",
                                      "0000-01-01"};
    static const struct {
        const char *in, *out;
    } good[] = {{"0", "19700101T000000Z"},
                {"253402300799", "99991231T235959Z"},
                {"2024-02-29", "20240229T000000Z"},
                {"2000-02-29", "20000229T000000Z"},
                {"20251231T235959Z", "20251231T235959Z"},
                {"1735689600", "20250101T000000Z"}};
    long long t;
    char buf[32];

    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
        INT_EQ(exchange_parse_date(bad[i], &t), -1, "'%s'", bad[i]);
    for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
        INT_EQ(exchange_parse_date(good[i].in, &t), 0, "'%s'", good[i].in);
        STR_EQ(exchange_format_date(t, buf), good[i].out, "'%s'", good[i].in);
    }
}

/* The forms a reader handed out, with their plain flags. */
struct plain_seen {
    char text[8][32];
    int plain[8];
    size_t n;
};

static int collect_plain(void *ctx, const struct model_concept *c)
{
    struct plain_seen *ps = ctx;
    for (size_t i = 0; i < c->nforms && ps->n < 8; i++) {
        snprintf(ps->text[ps->n], sizeof(ps->text[0]), "%s", c->forms[i].text);
        ps->plain[ps->n++] = c->forms[i].plain;
    }
    return 0;
}

/* Reads text, a file of format read, and collects its forms into *ps. */
static int read_plain(exchange_read_fn read, const char *text, struct plain_seen *ps)
{
    struct dd_error err;
    memset(ps, 0, sizeof(*ps));
    return read_text(read, text, collect_plain, ps, NULL, &err);
}

/*
 * A form is plain (writers skip their checks) only when it is known to be
 * valid UTF-8 without controls: from expat, with none; never a text whose
 * controls were blanked, nor one from a reader that does not know.
 */
static void test_plain_forms(void)
{
    static const char tmx[] = "<tmx version=\"1.4\"><header srclang=\"ko-KR\"/><body>"
                              "<tu><tuv xml:lang=\"ko-KR\"><seg> 가나 </seg></tuv>"
                              "<tuv xml:lang=\"en-US\"><seg>plain</seg></tuv></tu>"
                              "<tu><tuv xml:lang=\"ko-KR\"><seg>다라</seg></tuv>"
                              "<tuv xml:lang=\"en-US\"><seg>a&#9;tab</seg></tuv></tu>"
                              "<tu><tuv xml:lang=\"ko-KR\"><seg>마바</seg></tuv>"
                              "<tuv xml:lang=\"en-US\"><seg>c1&#x85;x</seg></tuv></tu>"
                              "</body></tmx>\n";
    struct plain_seen ps;

    INT_EQ(read_plain(tmx_read, tmx, &ps), 0, "tmx read");
    INT_EQ((int)ps.n, 6, "forms");
    STR_EQ(ps.text[0], "가나", "trimmed");
    INT_EQ(ps.plain[0], 1, "'가나' is plain");
    INT_EQ(ps.plain[1], 1, "'plain' is plain");
    STR_EQ(ps.text[3], "a\ttab", "TAB kept");
    INT_EQ(ps.plain[3], 0, "a TAB: not plain");
    STR_EQ(ps.text[5], "c1 x", "C1 blanked");
    INT_EQ(ps.plain[5], 0, "a blanked control: not plain");
    INT_EQ(read_plain(tsv_read, "가나\tplain\n", &ps), 0, "tsv read");
    INT_EQ((int)ps.n, 2, "tsv forms");
    INT_EQ(ps.plain[0] | ps.plain[1], 0, "the TSV reader does not vouch for its text");
}

/* The target tags handed out with each concept, space-separated. */
static int collect_langs(void *ctx, const struct model_concept *c)
{
    struct exchange_langs *langs = ctx;
    (void)c;
    strbuf_addf(&langs[1].target, "%s%s/%s", langs[1].target.len ? " " : "", langs[0].source.buf,
                langs[0].target.buf);
    return 0;
}

/*
 * A variant's tag is read once per slot while the units repeat it
 * (start_tuv): a unit that puts its variants in another order, or names
 * another language, still gets its own tags.
 */
static void test_tuv_tags_per_unit(void)
{
    static const char tmx[] =
        "<tmx version=\"1.4\"><header srclang=\"ko-KR\"/><body>"
        "<tu><tuv xml:lang=\"ko-KR\"><seg>가</seg></tuv>"
        "<tuv xml:lang=\"en-GB\"><seg>a</seg></tuv></tu>"
        "<tu><tuv xml:lang=\"en-US\"><seg>b</seg></tuv>"
        "<tuv xml:lang=\"ko-KR\"><seg>나</seg></tuv></tu>"
        "<tu><tuv xml:lang=\"en-US\"><seg>c</seg></tuv>"
        "<tuv xml:lang=\"ko_KR\"><seg>다</seg></tuv></tu>"
        "<tu><tuv xml:lang=\"ko-KR\"><seg>라</seg></tuv>"
        "<tuv xml:lang=\"fr\"><seg>d</seg></tuv><tuv xml:lang=\"en-GB\"><seg>d</seg></tuv></tu>"
        "</body></tmx>\n";
    struct exchange_langs langs[2] = {{STRBUF_INIT, STRBUF_INIT}, {STRBUF_INIT, STRBUF_INIT}};
    struct dd_error err;

    INT_EQ(read_text(tmx_read, tmx, collect_langs, langs, &langs[0], &err), 0, "%s", err.message);
    STR_EQ(langs[1].target.buf, "ko-KR/en-GB ko-KR/en-US ko-KR/en-US ko-KR/en-GB",
           "each unit's tags");
    for (int i = 0; i < 2; i++) {
        strbuf_release(&langs[i].source);
        strbuf_release(&langs[i].target);
    }
}

int main(void)
{
    RUN(test_parse_date);
    RUN(test_source_and_id);
    RUN(test_foreach);
    RUN(test_tmx_round_trip);
    RUN(test_tbx_round_trip);
    RUN(test_tmx_reader_fixtures);
    RUN(test_merge_keeps_decisions);
    RUN(test_plain_forms);
    RUN(test_tuv_tags_per_unit);
    return harness_done();
}
