/*
 * fuzz_pairs.h - what the pair-reader harnesses (fuzz_jsonl.c, fuzz_tsv.c)
 * share. Not a harness itself: the Makefile builds tests/fuzz/fuzz_*.c only.
 *
 * Each input is written to the per-process temporary file of
 * fuzz_exchange.h and read into a fresh in-memory termbase by the reader
 * under test, as `dadeum ingest --from-jsonl` and `dadeum lookup
 * --glossary` read it (io/pairfile.c into termbase_pair_sink). Checked:
 *   - a failed read says why: PAIRFILE_EINPUT with the line, DD_EINPUT, a
 *     one-line message;
 *   - the termbase passes termbase_check whatever was read;
 *   - every concept listed has valid UTF-8 forms without C0 or C1
 *     controls (they become spaces on import), and its text, TSV and JSON
 *     output is valid UTF-8;
 *   - reading the same input again changes nothing (termbase_dump before
 *     and after is the same): the documents are known by their hash.
 */
#ifndef DADEUM_FUZZ_PAIRS_H
#define DADEUM_FUZZ_PAIRS_H

#include "fuzz_exchange.h"
#include "io/pairfile.h"
#include "io/render.h"
#include "termbase/termbase.h"

static void fuzz_pairs_check_text(const char *s)
{
    if (!s)
        return;
    fuzz_check_str(s);
    for (size_t i = 0; s[i]; i++) {
        unsigned char c = (unsigned char)s[i];
        assert(c >= 0x20 && c != 0x7f);
        assert(!(c == 0xc2 && (unsigned char)s[i + 1] >= 0x80 && (unsigned char)s[i + 1] <= 0x9f));
    }
}

static char *fuzz_pairs_dump(struct termbase *tb)
{
    struct dd_error err;
    char *buf = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&buf, &len);

    assert(fp);
    assert(termbase_dump(tb, fp, &err) == TERMBASE_OK);
    assert(!ferror(fp));
    fclose(fp);
    fuzz_check_utf8(buf, len);
    return buf;
}

static void fuzz_pairs_list(struct termbase *tb)
{
    struct dd_error err;
    struct termbase_result *r = termbase_list(tb, -1, 0, &err);

    assert(r);
    for (size_t i = 0; i < termbase_result_count(r); i++) {
        const struct model_concept *c = termbase_result_get(r, i);
        assert(c->id > 0 && c->ko && *c->ko);
        fuzz_pairs_check_text(c->ko);
        fuzz_pairs_check_text(c->note);
        fuzz_pairs_check_text(c->example);
        for (size_t k = 0; k < c->nforms; k++)
            fuzz_pairs_check_text(c->forms[k].text);
    }
    for (int fmt = RENDER_TEXT; fmt <= RENDER_JSON; fmt++) {
        char *buf = NULL;
        size_t len = 0;
        FILE *fp = open_memstream(&buf, &len);
        assert(fp);
        render_concepts(termbase_result_items(r), termbase_result_count(r), fp,
                        (enum render_format)fmt);
        assert(!ferror(fp));
        fclose(fp);
        fuzz_check_utf8(buf, len);
        free(buf);
    }
    termbase_result_free(r);
}

static void fuzz_pairs_run(const char *name, enum pairfile_format fmt, const uint8_t *data,
                           size_t size)
{
    const char *path = fuzz_input_file(name, data, size);
    struct dd_error err;
    struct termbase *tb = termbase_open(NULL, TERMBASE_MEMORY, &err);
    struct model_pair_sink sink;
    int rc;
    char *before, *after;

    assert(tb);
    termbase_pair_sink(tb, &sink);
    memset(&err, 0x5a, sizeof(err));
    rc = pairfile_read(path, fmt, &sink, NULL, NULL, &err);
    if (rc) {
        assert(rc == -1);
        assert(err.detail == PAIRFILE_EINPUT && err.code == DD_EINPUT && err.line >= 1);
        assert(memchr(err.message, '\0', sizeof(err.message)));
        assert(err.message[0] && !strchr(err.message, '\n'));
    }
    assert(termbase_check(tb, &err) == TERMBASE_OK);
    fuzz_pairs_list(tb);
    if (!rc) {
        before = fuzz_pairs_dump(tb);
        assert(pairfile_read(path, fmt, &sink, NULL, NULL, &err) == 0);
        after = fuzz_pairs_dump(tb);
        assert(!strcmp(before, after));
        free(before);
        free(after);
    }
    termbase_free(tb);
}

#endif
