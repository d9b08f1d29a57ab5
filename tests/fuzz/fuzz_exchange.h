/*
 * fuzz_exchange.h - what the exchange-reader harnesses (fuzz_tmx.c,
 * fuzz_tbx.c, fuzz_csv.c) share. Not a harness itself: the Makefile builds
 * tests/fuzz/fuzz_*.c only.
 *
 * Readers take a path, so each input is written to one temporary file per
 * process, created on the first call and rewritten in place (pwrite,
 * ftruncate) on every later one. The file is unlinked at once and read
 * through /proc/self/fd/N, so a crashing run leaves nothing behind; where
 * /proc is missing it keeps its name and is removed at exit.
 *
 * fuzz_read() runs one reader over the file with the concept callback below,
 * which checks what io/exchange.h promises of a concept handed out (at least
 * one form; every form non-empty, trimmed, valid UTF-8, of a known type and
 * unique by (type, text); ko NULL or one of the 'ko' forms; kind set after
 * exchange_concept_finish; no lookup fields), and hands the concept on to
 * every writer, as `dadeum convert` does, writing into memory; their output
 * must be valid UTF-8. A second read, as `convert` to TSV makes it, takes
 * the rows a reader gives (struct exchange_row; checked as promised) and
 * must write the same TSV and end the same way. A failed read must say why: a code other than
 * EXCHANGE_OK (never ESTOPPED: the callback never stops) and a non-empty,
 * NUL-terminated message without a newline (not checked for UTF-8: a
 * message cut at 255 bytes may end inside a character).
 */
#ifndef DADEUM_FUZZ_EXCHANGE_H
#define DADEUM_FUZZ_EXCHANGE_H

#include <assert.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "io/exchange.h"
#include "util/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char fuzz_path[64];  /* what readers open */
static char fuzz_named[64]; /* the file's own name while it has one */
static int fuzz_fd = -1;    /* the temporary file */

static void fuzz_unlink_named(void)
{
    if (fuzz_named[0])
        unlink(fuzz_named);
}

/* Writes data to the per-process temporary file; returns its path. */
static const char *fuzz_input_file(const char *name, const uint8_t *data, size_t size)
{
    if (fuzz_fd < 0) {
        const char *tmp = getenv("TMPDIR");
        int fd;
        snprintf(fuzz_named, sizeof(fuzz_named), "%s/dadeum-fuzz-%s.XXXXXX",
                 tmp && *tmp && strlen(tmp) < 32 ? tmp : "/tmp", name);
        fuzz_fd = mkstemp(fuzz_named);
        assert(fuzz_fd >= 0);
        snprintf(fuzz_path, sizeof(fuzz_path), "/proc/self/fd/%d", fuzz_fd);
        fd = open(fuzz_path, O_RDONLY);
        if (fd >= 0) {
            close(fd);
            unlink(fuzz_named);
            fuzz_named[0] = '\0';
        } else {
            snprintf(fuzz_path, sizeof(fuzz_path), "%s", fuzz_named);
            atexit(fuzz_unlink_named);
        }
    }
    for (size_t done = 0; done < size;) {
        ssize_t n = pwrite(fuzz_fd, data + done, size - done, (off_t)done);
        assert(n > 0);
        done += (size_t)n;
    }
    assert(ftruncate(fuzz_fd, (off_t)size) == 0);
    return fuzz_path;
}

static void fuzz_check_utf8(const char *s, size_t len)
{
    assert(utf8_valid_prefix(s, len) == len);
}

static void fuzz_check_str(const char *s)
{
    if (s)
        fuzz_check_utf8(s, strlen(s));
}

static int fuzz_is_white(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The writers a concept goes on to, each into its own memory stream. */
#define FUZZ_NWRITERS 5

struct fuzz_ctx {
    unsigned long concepts;                  /* concepts handed out */
    struct exchange_writer w[FUZZ_NWRITERS]; /* tmx, tbx2, tbx3, tsv, csv */
    FILE *fp[FUZZ_NWRITERS];                 /* their streams */
    char *buf[FUZZ_NWRITERS];                /* open_memstream's buffers */
    size_t len[FUZZ_NWRITERS];               /* and lengths */
};

static int fuzz_on_concept(void *data, const struct model_concept *c)
{
    struct fuzz_ctx *ctx = data;
    int ko_is_a_form = c->ko == NULL;

    assert(c->nforms >= 1 && c->forms);
    assert((unsigned)c->status <= MODEL_REJECTED);
    assert(c->kind);
    fuzz_check_str(c->kind);
    fuzz_check_str(c->note);
    fuzz_check_str(c->example);
    fuzz_check_str(c->example_path);
    assert(c->match == MODEL_MATCH_NONE && !c->matched && !c->distance);
    for (size_t i = 0; i < c->nforms; i++) {
        const struct model_form *f = &c->forms[i];
        size_t len;
        assert(f->text);
        len = strlen(f->text);
        assert(len > 0);
        assert((unsigned)f->type < MODEL_FORM_NTYPES);
        fuzz_check_utf8(f->text, len);
        assert(!fuzz_is_white(f->text[0]) && !fuzz_is_white(f->text[len - 1]));
        for (size_t j = 0; j < i; j++)
            assert(c->forms[j].type != f->type || strcmp(c->forms[j].text, f->text));
        if (c->ko == f->text) {
            assert(f->type == MODEL_FORM_KO);
            ko_is_a_form = 1;
        }
    }
    assert(ko_is_a_form);
    ctx->concepts++;
    for (int k = 0; k < FUZZ_NWRITERS; k++)
        exchange_writer_add(&ctx->w[k], c);
    return 0;
}

static void fuzz_on_warn(void *data, unsigned long line, unsigned long column, const char *msg)
{
    (void)data;
    (void)line;
    (void)column;
    assert(msg && *msg);
    assert(!strchr(msg, '\n'));
    fuzz_check_str(msg);
}

/* A second read, for consumers that take rows: rows and concepts to one TSV writer. */
static int fuzz_on_row_concept(void *data, const struct model_concept *c)
{
    exchange_writer_add(data, c);
    return 0;
}

/* What io/exchange.h promises of a row, then the row to the TSV writer. */
static int fuzz_on_row(void *data, const struct exchange_row *row)
{
    const char *forms[2] = {row->source, row->target};
    size_t lens[2] = {row->source_len, row->target_len};

    for (int i = 0; i < 2; i++) {
        assert(lens[i] > 0 && strlen(forms[i]) == lens[i]);
        fuzz_check_utf8(forms[i], lens[i]);
        assert(utf8_control_free_prefix(forms[i], lens[i]) == lens[i]);
        assert(!fuzz_is_white(forms[i][0]) && !fuzz_is_white(forms[i][lens[i] - 1]));
    }
    assert(row->type == MODEL_FORM_ENGLISH || row->type == MODEL_FORM_ABBREV);
    assert(row->id && row->id[0] != '0' && strspn(row->id, "0123456789") == strlen(row->id));
    assert((unsigned)row->status <= MODEL_REJECTED);
    assert(row->kind && *row->kind);
    fuzz_check_str(row->kind);
    assert(row->note);
    assert(utf8_visible_prefix(row->note, strlen(row->note),
                               UTF8_VISIBLE_TAB | UTF8_VISIBLE_NEWLINE) == strlen(row->note));
    return exchange_writer_add_row(data, row);
}

/*
 * Reads the file at path again as `convert` to TSV does, with rows where
 * the reader gives them, and checks that the read ends as the first one
 * (ret, err) and that the TSV is the first read's (tsv[0..len)) byte for
 * byte: a row is written as its concept would be.
 */
static void fuzz_rows(exchange_read_fn read, const char *path, const struct exchange_options *opt,
                      int ret, const struct dd_error *err, const char *tsv, size_t len)
{
    struct exchange_writer w;
    struct exchange_reader rd;
    struct dd_error err2;
    char *buf = NULL;
    size_t n = 0;
    FILE *fp = open_memstream(&buf, &n);

    assert(fp);
    exchange_writer_init(&w, &tsv_writer, fp, opt);
    memset(&rd, 0, sizeof(rd));
    rd.concept = fuzz_on_row_concept;
    rd.row = fuzz_on_row;
    rd.warn = fuzz_on_warn;
    rd.ctx = &w;
    rd.opt = *opt;
    rd.omit = tsv_writer.omit;
    memset(&err2, 0x5a, sizeof(err2));
    assert(read(path, &rd, &err2) == ret);
    assert(err2.detail == err->detail && (!ret || !strcmp(err2.message, err->message)));
    exchange_writer_finish(&w);
    exchange_writer_release(&w);
    assert(!ferror(fp));
    fclose(fp);
    assert(n == len && !memcmp(buf, tsv, len));
    free(buf);
}

/* Runs read over the file at path, checking everything above. */
static void fuzz_read(exchange_read_fn read, const char *path)
{
    static const struct exchange_writer_ops *const ops[FUZZ_NWRITERS] = {
        &tmx_writer, &tbx2_writer, &tbx3_writer, &tsv_writer, &csv_writer};
    struct exchange_options opt = EXCHANGE_OPTIONS_INIT;
    struct exchange_reader rd;
    struct dd_error err;
    struct fuzz_ctx ctx;
    int ret;

    opt.date = "20250101T000000Z";
    memset(&ctx, 0, sizeof(ctx));
    for (int k = 0; k < FUZZ_NWRITERS; k++) {
        ctx.fp[k] = open_memstream(&ctx.buf[k], &ctx.len[k]);
        assert(ctx.fp[k]);
        exchange_writer_init(&ctx.w[k], ops[k], ctx.fp[k], &opt);
    }
    memset(&rd, 0, sizeof(rd));
    rd.concept = fuzz_on_concept;
    rd.warn = fuzz_on_warn;
    rd.ctx = &ctx;
    rd.opt = opt;
    memset(&err, 0x5a, sizeof(err)); /* the reader must fill it in */
    ret = read(path, &rd, &err);
    assert(ret == 0 || ret == -1);
    if (ret) {
        assert(err.detail > EXCHANGE_OK && err.detail < EXCHANGE_ESTOPPED && err.code == DD_EINPUT);
        assert(memchr(err.message, '\0', sizeof(err.message)));
        assert(err.message[0]);
        assert(!strchr(err.message, '\n'));
    } else {
        assert(err.detail == EXCHANGE_OK);
    }
    for (int k = 0; k < FUZZ_NWRITERS; k++) {
        exchange_writer_finish(&ctx.w[k]);
        exchange_writer_release(&ctx.w[k]);
        assert(!ferror(ctx.fp[k]));
        fclose(ctx.fp[k]);
        assert(ctx.w[k].concepts == ctx.concepts);
        fuzz_check_utf8(ctx.buf[k], ctx.len[k]);
    }
    fuzz_rows(read, path, &opt, ret, &err, ctx.buf[3], ctx.len[3]); /* ops[3]: tsv */
    for (int k = 0; k < FUZZ_NWRITERS; k++)
        free(ctx.buf[k]);
}

/* The format sniffer on the same file: a format for any non-empty file. */
static void fuzz_sniff(const char *path, size_t size)
{
    const struct exchange_format *f = exchange_format_sniff(path);
    assert(size ? f != NULL : f == NULL);
}

#endif
