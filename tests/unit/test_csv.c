/*
 * test_csv.c - unit tests for src/io/csv.c: RFC 4180 quoting on write
 * (commas, quotes, CR/LF, edge spaces) and on read (doubled quotes, CRLF
 * inside quotes, BOM, UTF-16, unterminated quotes), and OmegaT TSV
 * (comments, no quoting).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "io/exchange.h"
#include "util/banned.h"

struct rows {
    struct strbuf log; /* "ko|type:text|...;" per concept */
};

static int collect(void *ctx, const struct model_concept *c)
{
    struct rows *r = ctx;
    strbuf_addf(&r->log, "%s", c->ko ? c->ko : "(null)");
    for (size_t i = 0; i < c->nforms; i++)
        if (c->forms[i].type != MODEL_FORM_KO)
            strbuf_addf(&r->log, "|%s:%s", model_form_type_name(c->forms[i].type),
                        c->forms[i].text);
    if (c->note)
        strbuf_addf(&r->log, "|note:%s", c->note);
    strbuf_addch(&r->log, ';');
    return 0;
}

/* Reads bytes as a file with read; the log of concepts into out. */
static int read_bytes(exchange_read_fn read, const char *bytes, size_t len, struct strbuf *out,
                      struct dd_error *err)
{
    char path[] = "/tmp/dadeum-test-csv.XXXXXX";
    int fd = mkstemp(path), ret;
    FILE *fp = fdopen(fd, "wb");
    struct rows r = {STRBUF_INIT};
    struct exchange_reader rd;
    struct exchange_options opt = EXCHANGE_OPTIONS_INIT;

    fwrite(bytes, 1, len, fp);
    fclose(fp);
    memset(&rd, 0, sizeof(rd));
    rd.concept = collect;
    rd.ctx = &r;
    rd.opt = opt;
    ret = read(path, &rd, err);
    strbuf_reset(out);
    strbuf_addbuf(out, &r.log);
    strbuf_release(&r.log);
    unlink(path);
    return ret;
}

static void test_csv_read_quoting(void)
{
    static const char csv[] = "\xef\xbb\xbfko-KR,en-US,note\r\n"
                              "\"쉼표, 용어\",\"comma, term\",\"say \"\"hi\"\"\"\r\n"
                              "\"줄\r\n바꿈\",\"a\nb\",\r\n"
                              "빈칸,\"  x  \",\r\n"
                              "따옴표,\"\"\"\",\r\n";
    struct strbuf log = STRBUF_INIT;
    struct dd_error err;
    INT_EQ(read_bytes(csv_read, csv, sizeof(csv) - 1, &log, &err), 0, "%s", err.message);
    STR_EQ(log.buf,
           "쉼표, 용어|english:comma, term|note:say \"hi\";"
           "줄\r\n바꿈|english:a\nb;"
           "빈칸|english:x;"
           "따옴표|english:\";",
           "fields");
    strbuf_release(&log);
}

static void test_csv_read_utf16(void)
{
    static const char le[] = "\xff\xfek\0o\0,\0e\0n\0\n\0\0\xac,\0x\0\n\0";
    struct strbuf log = STRBUF_INIT;
    struct dd_error err;
    INT_EQ(read_bytes(csv_read, le, sizeof(le) - 1, &log, &err), 0, "%s", err.message);
    STR_EQ(log.buf, "가|english:x;", "UTF-16LE with BOM");
    strbuf_release(&log);
}

static void test_csv_read_errors(void)
{
    static const struct {
        const char *csv;
        unsigned long line;
        const char *msg;
    } cases[] = {
        {"ko,en\n\"open,x\n", 2, "ends inside a quoted field"},
        {"ko,en\n\"a\"b,x\n", 2, "after a closing quote"},
        {"foo,bar\n1,2\n", 1, "header row"},
        {"", 1, "no header row"},
    };
    struct strbuf log = STRBUF_INIT;
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct dd_error err;
        INT_EQ(read_bytes(csv_read, cases[i].csv, strlen(cases[i].csv), &log, &err), -1, "case %zu",
               i);
        INT_EQ(err.line, cases[i].line, "case %zu: %s", i, err.message);
        OK(strstr(err.message, cases[i].msg) != NULL, "case %zu: '%s'", i, err.message);
    }
    strbuf_release(&log);
}

static void test_tsv_read(void)
{
    static const char tsv[] =
        "# a comment\n"
        "인공지능\tartificial intelligence\t#3; approved; kind=abbrev; type=english\n"
        "인공지능\tAI\t#3; approved; kind=abbrev; type=abbrev\n"
        "\n"
        "자원 공유\t클라우드\tfrom \"OmegaT\"\r\n"
        "외톨이\n";
    struct strbuf log = STRBUF_INIT;
    struct dd_error err;
    INT_EQ(read_bytes(tsv_read, tsv, sizeof(tsv) - 1, &log, &err), 0, "%s", err.message);
    STR_EQ(log.buf,
           "인공지능|english:artificial intelligence|abbrev:AI;"
           "클라우드|loanword:자원 공유|note:from \"OmegaT\";",
           "rows of one concept merge; Hangul to Hangul is loanword -> plain Korean");
    strbuf_release(&log);
}

static void test_csv_write(void)
{
    struct model_form f[3] = {{"쉼표, 용어", MODEL_FORM_KO, 0, 0, NULL, -1, 0, 0},
                              {" say \"hi\"\r\nnow", MODEL_FORM_ENGLISH, 0, 0, NULL, -1, 0, 0},
                              {"CSV", MODEL_FORM_ABBREV, 0, 0, NULL, -1, 0, 0}};
    struct model_concept c;
    struct exchange_options opt = EXCHANGE_OPTIONS_INIT;
    struct exchange_writer w;
    char *buf = NULL;
    size_t len = 0;
    FILE *fp;
    struct strbuf log = STRBUF_INIT;
    struct dd_error err;

    memset(&c, 0, sizeof(c));
    c.id = 4;
    c.ko = "쉼표, 용어";
    c.kind = "english";
    c.forms = f;
    c.nforms = 3;
    c.note = "x\ty";
    for (int pass = 0; pass < 2; pass++) {
        fp = open_memstream(&buf, &len);
        exchange_writer_init(&w, pass ? &tsv_writer : &csv_writer, fp, &opt);
        exchange_writer_add(&w, &c);
        exchange_writer_finish(&w);
        exchange_writer_release(&w);
        fclose(fp);
        if (!pass) {
            STR_EQ(strchr(buf, '\n') + 1,
                   "\"쉼표, 용어\",\" say "
                   "\"\"hi\"\"\r\nnow\",4,candidate,english,english,CSV,x\ty,,,\r\n",
                   "CSV row");
            INT_EQ(read_bytes(csv_read, buf, len, &log, &err), 0, "%s", err.message);
            STR_EQ(log.buf, "쉼표, 용어|english:say \"hi\"\r\nnow|abbrev:CSV|note:x\ty;",
                   "and back (edge spaces are trimmed by the concept builder)");
        } else {
            OK(strstr(buf, "쉼표, 용어\t say \"hi\"  now\t#4; candidate; kind=english; "
                           "type=english; note=x y\n") != NULL,
               "TSV row: no quoting, TAB/CR/LF as spaces: %s", buf);
        }
        free(buf);
        buf = NULL;
    }
    strbuf_release(&log);
}

int main(void)
{
    RUN(test_csv_read_quoting);
    RUN(test_csv_read_utf16);
    RUN(test_csv_read_errors);
    RUN(test_tsv_read);
    RUN(test_csv_write);
    return harness_done();
}
