/*
 * test_pipeline.c - the library's context and pipelines (src/dadeum.h):
 * a document made from a context asks its oracle, one made without an
 * oracle does not; dadeum_extract_files hands documents over in input order
 * whatever the number of threads, and stops at the callback's first
 * non-zero answer; dadeum_glossary_open reads a TSV glossary.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"

#include "dadeum.h"
#include "util/strbuf.h"

static struct dadeum_ctx *ctx;
static char dir[] = "/tmp/dadeum-test-pipeline.XXXXXX";

static struct extract_doc *one_line(struct extract_doc *d, const char *line)
{
    extract_doc_add_line(d, line, strlen(line), 1);
    extract_doc_finish(d);
    return d;
}

/* 툴킷 is in no lexicon: only the oracle's transliterator renders it */
static void test_context_oracle(void)
{
    static const char line[] = "정부는 새 도구(툴킷)를 낸다.";
    struct extract_doc *with = one_line(dadeum_doc_new(ctx, "a.txt", 0), line);
    struct extract_doc *without = one_line(extract_doc_new("a.txt", 0, NULL), line);
    const struct extract_pair *p = extract_doc_count(with) ? extract_doc_get(with, 0) : NULL;
    const struct extract_pair *q = extract_doc_count(without) ? extract_doc_get(without, 0) : NULL;

    OK(dadeum_ctx_get_oracle(ctx) != NULL, "the context has an oracle");
    OK(p && p->en && !strcmp(p->en, "toolkit") && !strcmp(p->evidence, "translit"),
       "the context's oracle renders the gloss: %s", p && p->en ? p->en : "(none)");
    OK(q && !q->en, "no oracle, no transliteration");
    extract_doc_free(with);
    extract_doc_free(without);
}

struct seen {
    struct strbuf order; /* "path:pairs;" per document handed over */
    size_t calls, stop_at;
};

static int collect(void *data, const char *path, struct extract_doc *doc,
                   const struct extract_run_info *info, const struct dd_error *err)
{
    struct seen *s = data;
    (void)info;
    OK(!doc == (err != NULL), "an error comes exactly with a missing document");
    s->calls++;
    strbuf_addf(&s->order, "%s:%zu;", strrchr(path, '/') + 1, doc ? extract_doc_count(doc) : 99);
    return s->calls == s->stop_at ? 7 : 0;
}

static void test_extract_files_order(void)
{
    enum { N = 9 };
    char *paths[N + 1];
    struct strbuf want = STRBUF_INIT;

    for (int i = 0; i < N; i++) {
        struct strbuf path = STRBUF_INIT;
        strbuf_addf(&path, "%s/%d.txt", dir, i);
        FILE *fp = fopen(path.buf, "w");
        OK(fp != NULL, "create %s", path.buf);
        if (!fp)
            return;
        /* i pairs in file i, so the order shows in the counts */
        for (int k = 0; k < i; k++)
            fprintf(fp, "인공지능 기술 %d호(AI%d)를 쓴다.\n", k, k);
        fclose(fp);
        paths[i] = strbuf_detach(&path, NULL);
    }
    paths[N] = (char *)"/nonexistent/x.txt";
    for (unsigned jobs = 1; jobs <= 4; jobs += 3) {
        struct dadeum_extract_options opt = DADEUM_EXTRACT_OPTIONS_INIT;
        struct seen s = {STRBUF_INIT, 0, 0};
        opt.jobs = jobs;
        INT_EQ(dadeum_extract_files(ctx, (const char *const *)paths, N + 1, &opt, collect, &s), 0,
               "every input handed over (jobs %u)", jobs);
        if (jobs == 1)
            strbuf_addbuf(&want, &s.order);
        else
            STR_EQ(s.order.buf, want.buf, "the same order with %u threads", jobs);
        strbuf_release(&s.order);
    }
    OK(strstr(want.buf, "0.txt:0;1.txt:") == want.buf, "input order: %s", want.buf);
    OK(strstr(want.buf, "x.txt:99;") != NULL, "an unreadable input is handed over as NULL");
    {
        struct dadeum_extract_options opt = DADEUM_EXTRACT_OPTIONS_INIT;
        struct seen s = {STRBUF_INIT, 0, 3};
        opt.jobs = 2;
        INT_EQ(dadeum_extract_files(ctx, (const char *const *)paths, N + 1, &opt, collect, &s), 7,
               "the callback's value stops the run");
        INT_EQ((long)s.calls, 3L, "nothing handed over after the stop");
        strbuf_release(&s.order);
    }
    for (int i = 0; i < N; i++) {
        unlink(paths[i]);
        free(paths[i]);
    }
    strbuf_release(&want);
}

static void test_glossary_open(void)
{
    struct strbuf path = STRBUF_INIT;
    struct dd_error err;
    struct termbase *tb;
    FILE *fp;

    strbuf_addf(&path, "%s/g.tsv", dir);
    fp = fopen(path.buf, "w");
    OK(fp != NULL, "create %s", path.buf);
    if (!fp)
        return;
    fputs("ko\tgloss\n전자정부\te-Government\n", fp);
    fclose(fp);
    tb = dadeum_glossary_open("/nonexistent/unused.db", path.buf, &err);
    OK(tb != NULL, "a TSV glossary opens without the termbase");
    termbase_free(tb);
    tb = dadeum_glossary_open(NULL, "/nonexistent/g.tsv", &err);
    OK(!tb && err.code == DD_EINPUT, "a missing TSV file: an input error");
    unlink(path.buf);
    strbuf_release(&path);
}

int main(void)
{
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 1;
    }
    ctx = dadeum_ctx_new();
    RUN(test_context_oracle);
    RUN(test_extract_files_order);
    RUN(test_glossary_open);
    dadeum_ctx_free(ctx);
    rmdir(dir);
    return harness_done();
}
