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

/*
 * The name a document is stored under: relative to the working directory
 * (an absolute name would go into every export: util/path.h), written as
 * every output writes names (\xff).
 */
static void doc_name(const char *path, struct strbuf *name)
{
    struct strbuf rel = STRBUF_INIT;
    path_relative_to_cwd(path, &rel);
    utf8_add_visible(name, rel.buf, rel.len, 0);
    strbuf_release(&rel);
}

/*
 * Changes a pair before it is stored (ingest --parallel's English from the
 * alignment); returns what the pair now points at, freed once it is stored.
 */
typedef void *(*amend_fn)(void *data, const struct extract_pair *x, struct model_pair *pair);

/*
 * Stores the pairs of doc under name in one transaction (kept as it is
 * when the termbase says hash is unchanged), each through amend if given.
 */
static enum dadeum_ingest_status store_doc(struct termbase *tb, const char *name, const char *hash,
                                           uint64_t bytes, const struct extract_doc *doc,
                                           amend_fn amend, void *data, const char *path,
                                           struct dadeum_ingest_result *res, struct dd_error *err)
{
    int unchanged;

    if (termbase_doc_begin(tb, name, hash, bytes, &unchanged, err))
        goto fail;
    for (size_t i = 0; i < extract_doc_count(doc) && !unchanged; i++) {
        const struct extract_pair *x = extract_doc_get(doc, i);
        struct model_pair pair;
        void *owned = NULL;
        int r;

        extract_pair_to_model_in(doc, x, &pair);
        if (amend)
            owned = amend(data, x, &pair);
        r = termbase_doc_add(tb, &pair, err);
        free(owned);
        if (r)
            goto fail;
    }
    if (!unchanged && termbase_doc_commit(tb, err))
        goto fail;
    res->pairs = extract_doc_count(doc);
    return DADEUM_INGEST_STORED;
fail:
    termbase_doc_abort(tb);
    dd_error_prefix(err, "cannot store '%s': ", path);
    return DADEUM_INGEST_ESTORE;
}

enum dadeum_ingest_status dadeum_ingest_file(const struct dadeum_ctx *ctx, struct termbase *tb,
                                             const char *path, const char *encoding,
                                             unsigned text_flags, struct dadeum_ingest_result *res,
                                             struct dd_error *err)
{
    struct content_hash h;
    struct extract_doc *doc = NULL;
    struct strbuf name = STRBUF_INIT;
    enum dadeum_ingest_status ret;
    int current;

    assert(ctx && tb && path && res && err);
    memset(res, 0, sizeof(*res));
    dd_error_clear(err);
    if (hash_file(path, &h, err))
        return DADEUM_INGEST_EHASH;
    res->bytes = h.bytes;
    doc_name(path, &name);
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
    ret = store_doc(tb, name.buf, h.hex, h.bytes, doc, NULL, NULL, path, res, err);
cleanup:
    extract_doc_free(doc);
    strbuf_release(&name);
    return ret;
}

/* What ingest --parallel checks each pair on. */
struct parallel_amend {
    const struct par_doc *ko, *en;
    const struct par_alignment *al;
    struct translit *t;
    size_t taken; /* pairs stored with the aligned English */
};

static void *amend_parallel(void *data, const struct extract_pair *x, struct model_pair *pair)
{
    struct parallel_amend *a = data;
    struct par_term term;

    par_term_check(x, a->ko, a->en, a->al, a->t, &term);
    a->taken += (size_t)par_term_to_model(&term, pair);
    return term.parallel_en; /* pair->en may point into it */
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
    struct strbuf name = STRBUF_INIT;
    enum dadeum_ingest_status ret;
    int current;

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
    doc_name(ko_path, &name);
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
    {
        struct parallel_amend pa = {ko, en, &al, t, 0};
        ret = store_doc(tb, name.buf, h.hex, hk.bytes, doc, amend_parallel, &pa, ko_path, res, err);
        res->parallel = pa.taken;
    }
cleanup:
    par_alignment_release(&al);
    par_doc_free(ko);
    par_doc_free(en);
    extract_doc_free(doc);
    strbuf_release(&name);
    return ret;
}
