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
#include <string.h>

#include "dadeum.h"
#include "model/concept.h"
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
