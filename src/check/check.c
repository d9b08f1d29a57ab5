/*
 * check.c - finding loanwords, English words and stray renderings in a draft.
 *
 * The glossary is compiled once, on the first check_text, into patterns:
 *
 *   concept   preferred plain term, status, count; a group (union-find)
 *     pattern  one written form, folded (below): PLAIN (a Korean form of
 *              the concept), LOANWORD, ENGLISH or ABBREV (its foreign forms)
 *   buckets   strmap from the first two folded code points of a pattern to
 *             the patterns starting with them, longest first
 *
 * Groups: concepts that share a loanword or English form render one thing
 * (클라우드 as 인터넷 기반 자원 공유 here, as 가상 저장 공간 there), and a
 * concept whose own Korean term is another concept's loanword (클라우드 ↔
 * cloud) is that loanword, not a plain term: it joins the group and gives
 * it its English forms, but no PLAIN pattern. A key that is a loanword or
 * English form of any concept is never a PLAIN pattern. A group without a
 * plain term is dropped. The group's preferred concept is the best plain
 * one: approved first, then count, then key.
 *
 * Folding (both sides): conjoining jamo compose to syllables (UAX #15 for
 * Hangul is arithmetic: Unicode 3.12), fullwidth ASCII becomes ASCII,
 * letters are lower-cased (the original is kept for abbreviations), and
 * spaces and middle dots are dropped from the sequence but remembered
 * ("sp") on the next element: they are optional inside Korean terms and
 * must match between two Latin letters or digits.
 *
 * A document is checked in two passes. The scan finds occurrences line by
 * line (longest pattern at each position; a PLAIN term followed by
 * parentheses opens a definition, and foreign forms of its group inside it
 * are accepted; foreign(plain) is the reversed form). The decision pass
 * walks the occurrences in order with per-group state (introduced yet?)
 * and per-abbreviation state (defined yet?), after a pre-pass that picks,
 * per group, the term the document should use (check.h).
 *
 * Files: check_fold.c (folding; the particles are text/korean.h's),
 * check_glossary.c (compiling the glossary), check_scan.c (the scan),
 * check_decide.c (the decision pass); this file reads documents and
 * reports results. They share check_int.h.
 */
#include "check/check.h"

#include <assert.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check/check_int.h"
#include "doc/reader.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/xmalloc.h"
#include "util/json.h"
#include "util/banned.h"

#define READ_CHUNK 65536

/* ---- documents ------------------------------------------------------------------------ */

static struct line *split_lines(const char *text, size_t len, size_t *nlines)
{
    struct line *l = NULL;
    size_t n = 0, alloc = 0, start = 0;

    for (size_t i = 0; i <= len; i++) {
        size_t end_len = 0;
        if (i < len && text[i] == '\n')
            end_len = 1;
        else if (i < len && text[i] == '\r')
            end_len = i + 1 < len && text[i + 1] == '\n' ? 2 : 1;
        else if (i < len)
            continue;
        if (i == len && start == len)
            break;
        ALLOC_GROW(l, n + 1, alloc);
        l[n].s = text + start;
        l[n].len = i - start;
        l[n].end_len = end_len;
        n++;
        i += end_len ? end_len - 1 : 0;
        start = i + 1;
    }
    *nlines = n;
    return l;
}

static int fix_cmp(const void *va, const void *vb)
{
    const struct finding_fix *a = *(const struct finding_fix *const *)va;
    const struct finding_fix *b = *(const struct finding_fix *const *)vb;
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    return a->b0 < b->b0 ? -1 : a->b0 > b->b0;
}

static void build_fixed(struct check_result *r, const struct line *lines, size_t nlines)
{
    struct strbuf out = STRBUF_INIT;
    const struct finding_fix **order = xmalloc(st_mult(r->n + 1, sizeof(*order)));
    size_t k = 0;

    for (size_t i = 0; i < r->n; i++)
        order[i] = &r->fix[i];
    if (r->n)
        qsort(order, r->n, sizeof(*order), fix_cmp);
    for (size_t li = 0; li < nlines; li++) {
        size_t pos = 0;
        for (; k < r->n && order[k]->line == li; k++) {
            if (order[k]->b0 < pos)
                continue; /* overlapping: cannot happen, but never corrupt */
            strbuf_add(&out, lines[li].s + pos, order[k]->b0 - pos);
            strbuf_addstr(&out, order[k]->text);
            pos = order[k]->b1;
        }
        strbuf_add(&out, lines[li].s + pos, lines[li].len - pos + lines[li].end_len);
    }
    r->fixed = strbuf_detach(&out, &r->fixed_len);
    free(order);
}

struct check_result *check_text(struct check_glossary *g, const char *text, size_t len,
                                unsigned flags)
{
    struct check_result *r = xcalloc(1, sizeof(*r));
    struct scan sc = {g, NULL, 0, 0};
    struct fvec t = {NULL, 0, 0};
    size_t nlines;
    struct line *lines;

    assert(g && (text || !len));
    if (!g->compiled)
        check_glossary_compile(g);
    assert(g->compiled);
    lines = split_lines(text, len, &nlines);
    if (g->np)
        for (size_t li = 0; li < nlines; li++) {
            check_fold(lines[li].s, lines[li].len, &t);
            check_scan_line(&sc, li, lines[li].s, &t);
        }
    check_decide(g, &sc, lines, r);
    if (flags & CHECK_FIX)
        build_fixed(r, lines, nlines);
    free(t.v);
    free(sc.o);
    free(lines);
    return r;
}

/*
 * Measures the decoded text from *from on; *cur, the length of the line
 * being read, carries over between calls. Returns -1 with err set (and the
 * line counted as split_lines counts it: LF, CR LF or CR) when a line is
 * over TEXT_LINE_MAX bytes, else 0.
 */
static int check_line_lengths(const struct strbuf *text, size_t *from, size_t *cur,
                              struct dd_error *err)
{
    for (size_t i = *from; i < text->len; i++) {
        char c = text->buf[i];
        if (c == '\n' || c == '\r') {
            *cur = 0;
            continue;
        }
        if (++*cur <= TEXT_LINE_MAX)
            continue;
        err->line = 1;
        for (size_t k = 0; k < i; k++)
            if (text->buf[k] == '\n' || (text->buf[k] == '\r' && text->buf[k + 1] != '\n'))
                err->line++;
        return -1;
    }
    *from = text->len;
    return 0;
}

struct check_result *check_file(struct check_glossary *g, const char *path, const char *encoding,
                                unsigned flags, struct dd_error *err)
{
    assert(g && path && err);
    struct text_decoder *dec = NULL;
    struct strbuf text = STRBUF_INIT;
    struct check_result *r = NULL;
    char *buf = NULL;
    int fd = -1, is_stdin = !strcmp(path, "-");
    ssize_t n;
    size_t measured = 0, cur = 0; /* text measured so far; bytes of its last line */

    dd_error_clear(err);
    dec = text_decoder_new(encoding, 0, err);
    if (!dec) {
        text_input_fail(err, TEXT_READER_EENCODING, path, encoding);
        goto cleanup;
    }
    fd = text_input_open(path, encoding, err);
    if (fd < 0)
        goto cleanup;
    buf = xmalloc(READ_CHUNK);
    for (;;) {
        do
            n = read(fd, buf, READ_CHUNK);
        while (n < 0 && errno == EINTR);
        if (n < 0) {
            err->sys_errno = errno;
            text_input_fail(err, TEXT_READER_EREAD, path, encoding);
            goto cleanup;
        }
        if (n == 0)
            break;
        if (text_decoder_feed(dec, buf, (size_t)n, &text, err) != TEXT_OK) {
            text_input_fail(err, TEXT_READER_EDECODE, path, encoding);
            goto cleanup;
        }
        if (check_line_lengths(&text, &measured, &cur, err)) {
            text_input_fail(err, TEXT_READER_ELONG, path, encoding);
            goto cleanup;
        }
    }
    if (text_decoder_finish(dec, &text, err) != TEXT_OK) {
        text_input_fail(err, TEXT_READER_EDECODE, path, encoding);
        goto cleanup;
    }
    if (check_line_lengths(&text, &measured, &cur, err)) {
        text_input_fail(err, TEXT_READER_ELONG, path, encoding);
        goto cleanup;
    }
    if (check_glossary_prepare(g, text.buf ? text.buf : "", text.len, err))
        goto cleanup;
    r = check_text(g, text.buf, text.len, flags);
cleanup:
    if (fd >= 0 && !is_stdin)
        close(fd);
    free(buf);
    strbuf_release(&text);
    text_decoder_free(dec);
    return r;
}

/* ---- results -------------------------------------------------------------------------- */

const char *check_rule_name(enum check_rule r)
{
    static const char *const names[] = {"loanword", "english", "abbreviation", "order",
                                        "inconsistent"};
    return (unsigned)r < sizeof(names) / sizeof(names[0]) ? names[r] : "?";
}

size_t check_result_count(const struct check_result *r)
{
    return r->n;
}

const struct check_finding *check_result_get(const struct check_result *r, size_t i)
{
    return i < r->n ? &r->f[i] : NULL;
}

void check_result_name_paragraphs(struct check_result *r)
{
    r->paragraphs = 1;
}

const char *check_result_get_fixed(const struct check_result *r, size_t *len)
{
    *len = r->fixed_len;
    return r->fixed;
}

void check_result_free(struct check_result *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->n; i++) {
        free((char *)r->f[i].found);
        free((char *)r->f[i].suggestion);
        free((char *)r->f[i].term);
        free(r->fix[i].text);
    }
    free(r->f);
    free(r->fix);
    free(r->fixed);
    free(r);
}

void check_result_write(const struct check_result *r, const char *file, FILE *fp,
                        enum check_format fmt, unsigned long *nwritten)
{
    struct strbuf name = STRBUF_INIT;

    /* names and glossary texts may hold any byte: see utf8_add_visible */
    utf8_add_visible(&name, file, strlen(file), 0);
    for (size_t i = 0; i < r->n; i++) {
        const struct check_finding *f = &r->f[i];
        if (fmt == CHECK_FORMAT_TEXT) {
            fprintf(fp, "%s:%s%lu:%lu: ", name.buf, r->paragraphs ? "§" : "", f->line, f->column);
            utf8_write_visible(fp, f->found, UTF8_VISIBLE_BLANK);
            fputs(" → ", fp);
            utf8_write_visible(fp, f->suggestion, UTF8_VISIBLE_BLANK);
            fputc('\n', fp);
            continue;
        }
        fputs(*nwritten ? ",\n" : "\n", fp);
        fputs("{\"file\":", fp);
        json_write_string(fp, name.buf);
        fprintf(fp, ",\"line\":%lu,\"column\":%lu,\"rule\":\"%s\",\"found\":", f->line, f->column,
                check_rule_name(f->rule));
        json_write_string(fp, f->found);
        fputs(",\"suggestion\":", fp);
        json_write_string(fp, f->suggestion);
        fputs(",\"term\":", fp);
        json_write_string(fp, f->term);
        fprintf(fp, ",\"first_use\":%s,\"ref_line\":", f->first_use ? "true" : "false");
        if (f->ref_line)
            fprintf(fp, "%lu}", f->ref_line);
        else
            fputs("null}", fp);
        (*nwritten)++;
    }
    strbuf_release(&name);
}
