/*
 * run.c - one file through text_reader and extract_doc.
 */
#include <assert.h>
#include <string.h>

#include "extract/run.h"
#include "util/banned.h"

struct extract_doc *extract_run_file(const char *path, const char *encoding, unsigned text_flags,
                                     unsigned extract_flags, const struct extract_oracle *oracle,
                                     struct extract_run_error *err)
{
    struct text_line line;
    struct extract_doc *doc = NULL;
    struct text_reader *r;
    enum text_reader_status st;
    const char *enc;

    assert(path && err);
    memset(err, 0, sizeof(*err));
    r = text_reader_open(path, encoding, text_flags, &err->reader);
    if (!r)
        return NULL;
    doc = extract_doc_new(path, extract_flags, oracle);
    while ((st = text_reader_next(r, &line, &err->reader)) == TEXT_READER_OK) {
        extract_doc_add_line(doc, line.text, line.len, line.no);
        err->bytes += line.len + 1;
    }
    if (st != TEXT_READER_EOF) {
        extract_doc_free(doc);
        doc = NULL;
        goto cleanup;
    }
    err->reader.code = TEXT_READER_OK;
    err->format = text_reader_get_format(r);
    err->replaced = text_reader_get_replaced(r);
    enc = text_reader_get_encoding(r);
    if (enc) {
        size_t n = strlen(enc);
        if (n >= sizeof(err->encoding))
            n = sizeof(err->encoding) - 1;
        memcpy(err->encoding, enc, n);
        err->encoding[n] = '\0';
    }
    extract_doc_finish(doc);
cleanup:
    text_reader_free(r);
    return doc;
}

void extract_run_strerror(const struct extract_run_error *err, const char *path,
                          const char *encoding, struct strbuf *msg)
{
    const char *shown = strcmp(path, "-") ? path : "<stdin>";
    const struct text_reader_error *e = &err->reader;

    switch (e->code) {
    case TEXT_READER_EENCODING:
        strbuf_addf(msg, "unknown encoding '%s'", encoding ? encoding : "");
        break;
    case TEXT_READER_EOPEN:
        strbuf_addf(msg, "cannot open '%s': %s", shown, strerror(e->sys_errno));
        break;
    case TEXT_READER_EDECODE: {
        /* the name the user gave (euc-kr), not the superset decoding it (cp949) */
        const char *as =
            encoding && *encoding && strcmp(encoding, "auto") ? encoding : e->decode.encoding;
        if (e->decode.code == TEXT_ETRUNC)
            strbuf_addf(msg, "'%s' ends inside a %s character at byte %llu", shown, as,
                        (unsigned long long)e->decode.offset);
        else
            strbuf_addf(msg, "cannot decode '%s' as %s at byte %llu", shown, as,
                        (unsigned long long)e->decode.offset);
        break;
    }
    case TEXT_READER_EDOC:
        if (e->format != DOC_TEXT)
            strbuf_addf(msg, "cannot read '%s' as %s: %s", shown, doc_format_name(e->format),
                        e->doc.msg);
        else
            strbuf_addf(msg, "cannot read '%s': %s", shown, e->doc.msg);
        break;
    case TEXT_READER_ELONG:
        strbuf_addf(msg, "line %lu of '%s' is longer than %u bytes, the limit for one line",
                    e->line, shown, TEXT_LINE_MAX);
        break;
    default:
        strbuf_addf(msg, "cannot read '%s': %s", shown, strerror(e->sys_errno));
        break;
    }
}

void extract_run_position(const struct extract_run_error *err, unsigned long line,
                          struct strbuf *out)
{
    /* HWP, HWPX and DOCX number paragraphs; a PDF's lines are numbered as a text file's */
    int para = err->format == DOC_HWP || err->format == DOC_HWPX || err->format == DOC_DOCX;
    strbuf_addf(out, "%s%lu", para ? "§" : "", line);
}
