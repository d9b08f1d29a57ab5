/*
 * ingest.c - dadeum_ingest_file: one document, extracted and stored.
 *
 * The document is hashed first; one already stored with that hash is not
 * even read again. Otherwise it is extracted exactly as `dadeum extract`
 * does and stored in one transaction, so an interrupted ingest leaves the
 * termbase as it was before the document in progress.
 */
#include <assert.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "dadeum.h"
#include "model/concept.h"
#include "parallel/parallel.h"
#include "parallel/terms.h"
#include "util/hash.h"
#include "util/path.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/banned.h"

enum dadeum_ingest_status dadeum_ingest_file(const struct dadeum_ctx *ctx, struct termbase *tb,
                                             const char *path, const char *encoding,
                                             unsigned text_flags, struct dadeum_ingest_result *res,
                                             struct dd_error *err)
{
    struct content_hash h;
    struct extract_doc *doc = NULL;
    struct strbuf name = STRBUF_INIT, rel = STRBUF_INIT;
    enum dadeum_ingest_status ret = DADEUM_INGEST_STORED;
    int current, unchanged;

    assert(ctx && tb && path && res && err);
    memset(res, 0, sizeof(*res));
    dd_error_clear(err);
    if (content_hash_file(path, &h)) {
        err->sys_errno = errno;
        dd_error_set(err, DD_EINPUT, 0, "cannot read '%s': %s", path, strerror(err->sys_errno));
        dd_error_set_path(err, path);
        return DADEUM_INGEST_EHASH;
    }
    res->bytes = h.bytes;
    /*
     * The document is known by its name relative to the working directory
     * (an absolute name would go into every export: util/path.h), written
     * as every output writes names (\xff).
     */
    path_relative_to_cwd(path, &rel);
    utf8_add_visible(&name, rel.buf, rel.len, 0);
    current = termbase_doc_is_current(tb, name.buf, h.hex, err);
    if (current) {
        ret = current < 0 ? DADEUM_INGEST_ECHECK : DADEUM_INGEST_CURRENT;
        goto cleanup;
    }
    doc = dadeum_extract_file(ctx, path, encoding, text_flags, 0, &res->read, err);
    if (!doc) {
        ret = DADEUM_INGEST_EREAD;
        goto cleanup;
    }
    res->unread_groups = extract_doc_unread_groups(doc, &res->first_unread);
    if (termbase_doc_begin(tb, name.buf, h.hex, h.bytes, &unchanged, err))
        goto fail;
    for (size_t i = 0; i < extract_doc_count(doc) && !unchanged; i++) {
        struct model_pair pair;
        extract_pair_to_model_in(doc, extract_doc_get(doc, i), &pair);
        if (termbase_doc_add(tb, &pair, err))
            goto fail;
    }
    if (!unchanged && termbase_doc_commit(tb, err))
        goto fail;
    res->pairs = extract_doc_count(doc);
    goto cleanup;
fail:
    termbase_doc_abort(tb);
    dd_error_prefix(err, "cannot store '%s': ", path);
    ret = DADEUM_INGEST_ESTORE;
cleanup:
    extract_doc_free(doc);
    strbuf_release(&name);
    strbuf_release(&rel);
    return ret;
}

/* Hashes path into h; -1 with err filled in when it cannot be read. */
static int hash_file(const char *path, struct content_hash *h, struct dd_error *err)
{
    if (!content_hash_file(path, h))
        return 0;
    err->sys_errno = errno;
    dd_error_set(err, DD_EINPUT, 0, "cannot read '%s': %s", path, strerror(err->sys_errno));
    dd_error_set_path(err, path);
    return -1;
}

enum dadeum_ingest_status dadeum_ingest_parallel(const struct dadeum_ctx *ctx, struct termbase *tb,
                                                 const char *ko_path, const char *en_path,
                                                 const char *encoding, unsigned text_flags,
                                                 struct par_lexicon *lexicon, struct translit *t,
                                                 struct dadeum_ingest_result *res,
                                                 struct dd_error *err)
{
    struct content_hash hk, he, h;
    struct extract_doc *doc = NULL;
    struct par_doc *ko = NULL, *en = NULL;
    struct par_alignment al = {0};
    struct strbuf name = STRBUF_INIT, rel = STRBUF_INIT;
    enum dadeum_ingest_status ret = DADEUM_INGEST_STORED;
    int current, unchanged;

    assert(ctx && tb && ko_path && en_path && res && err);
    memset(res, 0, sizeof(*res));
    dd_error_clear(err);
    if (hash_file(ko_path, &hk, err) || hash_file(en_path, &he, err))
        return DADEUM_INGEST_EHASH;
    res->bytes = hk.bytes + he.bytes;
    /*
     * The stored hash covers both files and says "parallel": a plain
     * ingest of the Korean document, or one with another English
     * version, stores different evidence, so it must not be taken for
     * this one (and the other way round).
     */
    content_hash_init(&h);
    content_hash_add(&h, "parallel ", 9);
    content_hash_add(&h, hk.hex, strlen(hk.hex));
    content_hash_add(&h, " ", 1);
    content_hash_add(&h, he.hex, strlen(he.hex));
    path_relative_to_cwd(ko_path, &rel);
    utf8_add_visible(&name, rel.buf, rel.len, 0);
    current = termbase_doc_is_current(tb, name.buf, h.hex, err);
    if (current) {
        ret = current < 0 ? DADEUM_INGEST_ECHECK : DADEUM_INGEST_CURRENT;
        goto cleanup;
    }
    doc = dadeum_extract_file(ctx, ko_path, encoding, text_flags, 0, &res->read, err);
    if (!doc || !(ko = par_doc_read(ko_path, encoding, text_flags, lexicon, 0, err)) ||
        !(en = par_doc_read(en_path, encoding, text_flags, lexicon, 1, err))) {
        ret = DADEUM_INGEST_EREAD;
        goto cleanup;
    }
    res->en_replaced = en->replaced;
    memcpy(res->en_encoding, en->encoding, sizeof(res->en_encoding));
    res->unread_groups = extract_doc_unread_groups(doc, &res->first_unread);
    par_align(ko, en, &al);
    if (termbase_doc_begin(tb, name.buf, h.hex, hk.bytes, &unchanged, err))
        goto fail;
    for (size_t i = 0; i < extract_doc_count(doc) && !unchanged; i++) {
        const struct extract_pair *x = extract_doc_get(doc, i);
        struct model_pair pair;
        struct par_term term;
        int r;

        extract_pair_to_model_in(doc, x, &pair);
        par_term_check(x, ko, en, &al, t, &term);
        res->parallel += (size_t)par_term_to_model(&term, &pair);
        r = termbase_doc_add(tb, &pair, err);
        free(term.parallel_en);
        if (r)
            goto fail;
    }
    if (!unchanged && termbase_doc_commit(tb, err))
        goto fail;
    res->pairs = extract_doc_count(doc);
    goto cleanup;
fail:
    termbase_doc_abort(tb);
    dd_error_prefix(err, "cannot store '%s': ", ko_path);
    ret = DADEUM_INGEST_ESTORE;
cleanup:
    par_alignment_release(&al);
    par_doc_free(ko);
    par_doc_free(en);
    extract_doc_free(doc);
    strbuf_release(&name);
    strbuf_release(&rel);
    return ret;
}
