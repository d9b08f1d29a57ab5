/*
 * run.c - one file through text_reader and extract_doc.
 */
#include <assert.h>
#include <string.h>

#include "extract/run.h"
#include "util/banned.h"

struct extract_doc *extract_run_file(const char *path, const char *encoding, unsigned text_flags,
                                     unsigned extract_flags, const struct extract_oracle *oracle,
                                     struct extract_run_info *info, struct dd_error *err)
{
    struct text_line line;
    struct extract_doc *doc = NULL;
    struct text_reader *r;
    enum text_reader_status st;
    const char *enc;
    struct extract_run_info scratch;

    assert(path && err);
    if (!info)
        info = &scratch;
    memset(info, 0, sizeof(*info));
    r = text_reader_open(path, encoding, text_flags, err);
    if (!r)
        return NULL;
    doc = extract_doc_new(path, extract_flags, oracle);
    while ((st = text_reader_next(r, &line, err)) == TEXT_READER_OK) {
        if (line.where)
            extract_doc_set_where(doc, line.no, line.where);
        extract_doc_add_line_raw(doc, line.text, line.len, line.raw, line.raw_len, line.no);
        info->bytes += line.len + 1;
    }
    if (st != TEXT_READER_EOF) {
        extract_doc_free(doc);
        doc = NULL;
        goto cleanup;
    }
    dd_error_clear(err);
    info->format = text_reader_get_format(r);
    info->replaced = text_reader_get_replaced(r);
    enc = text_reader_get_encoding(r);
    if (enc) {
        size_t n = strlen(enc);
        if (n >= sizeof(info->encoding))
            n = sizeof(info->encoding) - 1;
        memcpy(info->encoding, enc, n);
        info->encoding[n] = '\0';
    }
    extract_doc_finish(doc);
cleanup:
    text_reader_free(r);
    return doc;
}

void extract_run_position(const struct extract_run_info *info, unsigned long line,
                          struct strbuf *out)
{
    /* HWP, HWPX, DOCX and HTML number paragraphs; a PDF's lines are numbered as a text file's */
    int para = info->format == DOC_HWP || info->format == DOC_HWPX || info->format == DOC_DOCX ||
               info->format == DOC_HTML;
    strbuf_addf(out, "%s%lu", para ? "§" : "", line);
}

void extract_run_where(const struct extract_doc *doc, const struct extract_run_info *info,
                       unsigned long line, struct strbuf *out)
{
    const char *where = extract_doc_where(doc, line);

    if (where)
        strbuf_addstr(out, where);
    else
        extract_run_position(info, line, out);
}
