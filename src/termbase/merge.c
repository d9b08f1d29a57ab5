/*
 * merge.c - merging concepts from exchange files (termbase.h, "merging").
 *
 * A merge owns its prepared statements (finalized when it ends) so that the
 * shared statement cache of termbase.c stays as it is. The transaction is
 * flagged in tb->in_doc, so termbase_free and termbase_doc_abort roll it
 * back like an interrupted document. It is cut into batches (next_batch):
 * one transaction for a whole file locked every other writer out for as
 * long as the file took to read and store (minutes for a million units).
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "termbase/termbase_int.h"
#include "util/xmalloc.h"
#include "util/banned.h"

enum merge_stmt {
    M_CONCEPT_GET,
    M_ID_USED,
    M_CONCEPT_INSERT,
    M_CONCEPT_INSERT_ID,
    M_CONCEPT_UPDATE,
    M_FORM_GET,
    M_FORM_INSERT,
    M_FORM_VOUCH,
    M_DOC_GET,
    M_DOC_INSERT,
    M_EVIDENCE_ADD,
    M_DATCAT_ADD,
    M_NSTMT
};

static const char *const merge_sql[M_NSTMT] = {
    [M_CONCEPT_GET] = "SELECT id FROM concept WHERE key = ?1",
    [M_ID_USED] = "SELECT 1 FROM concept WHERE id = ?1",
    [M_CONCEPT_INSERT] = "INSERT INTO concept(key, ko, kind, status, note)"
                         " VALUES (?2, ?3, ?4, ?5, ?6)",
    [M_CONCEPT_INSERT_ID] = "INSERT INTO concept(id, key, ko, kind, status, note)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    [M_CONCEPT_UPDATE] =
        "UPDATE concept SET"
        " status = CASE WHEN status = 'candidate' AND ?2 <> 'candidate' THEN ?2 ELSE status END,"
        " note = coalesce(note, ?3),"
        " kind = CASE WHEN kind = '' AND ?4 IS NOT NULL THEN ?4 ELSE kind END"
        " WHERE id = ?1 AND ((status = 'candidate' AND ?2 <> 'candidate')"
        "  OR (note IS NULL AND ?3 IS NOT NULL) OR (kind = '' AND ?4 IS NOT NULL))",
    [M_FORM_GET] = "SELECT id, user FROM form WHERE concept = ?1 AND type = ?2 AND text = ?3",
    [M_FORM_INSERT] = "INSERT INTO form(concept, type, text, key, stem, user, source, score)"
                      " VALUES (?1, ?2, ?3, ?4, ?5, 1, 'import', ?6)",
    /* the file's confidence (?2, NULL when it gave none) for a form it vouches for */
    [M_FORM_VOUCH] = "UPDATE form SET user = 1, source = coalesce(source, 'import'),"
                     " score = CASE WHEN source IS NULL THEN ?2 ELSE score END WHERE id = ?1",
    [M_DOC_GET] = "SELECT id FROM document WHERE path = ?1",
    /* a stand-in: ingesting the real document replaces it (its hash differs) */
    [M_DOC_INSERT] = "INSERT INTO document(path, hash, bytes) VALUES (?1, 'import', 0)",
    [M_EVIDENCE_ADD] = "INSERT OR IGNORE INTO evidence(form, doc, line, count, reversed, context,"
                       " pos) VALUES (?1, ?2, ?3, 1, 0, ?4, ?5)",
    /*
     * A data category not there yet. A term has one value of a termNote
     * type (termType, partOfSpeech, ...): the termbase's wins, as its review
     * decisions do.
     */
    [M_DATCAT_ADD] =
        "INSERT INTO datcat(concept, form, level, side, grp, grp_no, element, type, ref, value)"
        " SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10 WHERE NOT EXISTS (SELECT 1 FROM datcat"
        "  WHERE concept = ?1 AND form IS ?2 AND level = ?3 AND side = ?4 AND element = ?7"
        "  AND type IS ?8 AND ((grp IS ?5 AND ref IS ?9 AND value = ?10)"
        "   OR (?7 = 'termNote' AND ?2 IS NOT NULL)))",
};

struct termbase_merge {
    struct termbase *tb;               /* the open termbase */
    sqlite3_stmt *st[M_NSTMT];         /* prepared at begin */
    struct strbuf key, stem;           /* scratch keys */
    struct termbase_merge_stats stats; /* counts so far */
    unsigned long batch;               /* concepts merged in the open transaction */
    int64_t batch_start;               /* when it began (termbase__now_ms) */
};

static void merge_free(struct termbase_merge *m)
{
    if (!m)
        return;
    for (int i = 0; i < M_NSTMT; i++)
        sqlite3_finalize(m->st[i]);
    strbuf_release(&m->key);
    strbuf_release(&m->stem);
    free(m);
}

static struct termbase_merge *merge_begin(struct termbase *tb, struct dd_error *err)
{
    struct termbase_merge *m;

    dd_error_clear(err);
    if (tb->flags & TERMBASE_READONLY) {
        termbase__error(err, TERMBASE_EIO, "cannot update the termbase '%s': read-only", tb->path);
        return NULL;
    }
    if (tb->in_doc) {
        termbase__error(err, TERMBASE_EINTERNAL, "a transaction is already open");
        return NULL;
    }
    m = xcalloc(1, sizeof(*m));
    m->tb = tb;
    strbuf_init(&m->key, 64);
    strbuf_init(&m->stem, 64);
    for (int i = 0; i < M_NSTMT; i++) {
        if (sqlite3_prepare_v2(tb->db, merge_sql[i], -1, &m->st[i], NULL) != SQLITE_OK) {
            termbase__prepare_fail(tb, err);
            merge_free(m);
            return NULL;
        }
    }
    if (termbase__exec(tb, "PRAGMA synchronous = NORMAL", err) ||
        termbase__exec(tb, "BEGIN IMMEDIATE", err)) {
        merge_free(m);
        return NULL;
    }
    tb->in_doc = 1;
    m->batch_start = termbase__now_ms();
    return m;
}

/*
 * Commits the batch and opens the next transaction, pausing in between:
 * a writer waiting on the lock (its busy handler polls every 2 ms) gets
 * in there, so no one waits longer than one batch.
 */
static enum termbase_status next_batch(struct termbase_merge *m, struct dd_error *err)
{
    struct termbase *tb = m->tb;
    enum termbase_status ret = termbase__exec(tb, "COMMIT", err);

    if (ret) {
        termbase_doc_abort(tb);
        return ret;
    }
    tb->in_doc = 0;
    m->stats.committed = m->stats.concepts;
    m->batch = 0;
    sqlite3_sleep(TERMBASE_MERGE_PAUSE_MS);
    if ((ret = termbase__exec(tb, "BEGIN IMMEDIATE", err)))
        return ret;
    tb->in_doc = 1;
    m->batch_start = termbase__now_ms();
    return TERMBASE_OK;
}

void termbase_merge_abort(struct termbase_merge *m)
{
    if (!m)
        return;
    termbase_doc_abort(m->tb);
    merge_free(m);
}

static enum termbase_status merge_commit(struct termbase_merge *m, struct dd_error *err)
{
    enum termbase_status ret;
    dd_error_clear(err);
    ret = termbase__exec(m->tb, "COMMIT", err);
    if (ret) {
        termbase_merge_abort(m);
        return ret;
    }
    m->tb->in_doc = 0;
    merge_free(m);
    return TERMBASE_OK;
}

const struct termbase_merge_stats *termbase_merge_get_stats(const struct termbase_merge *m)
{
    return &m->stats;
}

/* Steps st once; returns SQLITE_ROW, SQLITE_DONE or an error code (err filled in). */
static int step(struct termbase_merge *m, sqlite3_stmt *st, struct dd_error *err)
{
    int rc = sqlite3_step(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        termbase__fail(m->tb, err, "cannot update the termbase");
    return rc;
}

static sqlite3_stmt *stmt(struct termbase_merge *m, enum merge_stmt i)
{
    sqlite3_reset(m->st[i]);
    sqlite3_clear_bindings(m->st[i]);
    return m->st[i];
}

static void bind_opt(sqlite3_stmt *st, int i, const char *s)
{
    if (s && *s)
        sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
}

/* Adds or vouches for form f; score is the file's confidence, or -1 when it gave none. */
static enum termbase_status add_form(struct termbase_merge *m, int64_t concept,
                                     const struct model_form *f, double score, int64_t *fid,
                                     struct dd_error *err)
{
    const char *type = model_form_type_name(f->type);
    sqlite3_stmt *st = stmt(m, M_FORM_GET);
    int rc;
    int64_t id;

    sqlite3_bind_int64(st, 1, concept);
    sqlite3_bind_text(st, 2, type, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, f->text, -1, SQLITE_STATIC);
    rc = step(m, st, err);
    if (rc == SQLITE_ROW) {
        id = *fid = sqlite3_column_int64(st, 0);
        if (sqlite3_column_int(st, 1))
            return TERMBASE_OK;
        st = stmt(m, M_FORM_VOUCH);
        sqlite3_bind_int64(st, 1, id);
        if (score >= 0)
            sqlite3_bind_double(st, 2, score);
        return step(m, st, err) == SQLITE_DONE ? TERMBASE_OK : (enum termbase_status)err->detail;
    }
    if (rc != SQLITE_DONE)
        return (enum termbase_status)err->detail;
    strbuf_reset(&m->key);
    strbuf_reset(&m->stem);
    text_key(f->text, strlen(f->text), 0, &m->key);
    text_key(f->text, strlen(f->text), 1, &m->stem);
    st = stmt(m, M_FORM_INSERT);
    sqlite3_bind_int64(st, 1, concept);
    sqlite3_bind_text(st, 2, type, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, f->text, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, m->key.buf, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 5, m->stem.buf, -1, SQLITE_STATIC);
    if (score >= 0)
        sqlite3_bind_double(st, 6, score);
    if (step(m, st, err) != SQLITE_DONE)
        return (enum termbase_status)err->detail;
    m->stats.new_forms++;
    *fid = sqlite3_last_insert_rowid(m->tb->db);
    return termbase__fuzzy_index(m->tb, *fid, m->key.buf, 1, err);
}

/*
 * Gives a concept the merge created its example back, as evidence of the
 * preferred form in the document the example names: a stand-in document
 * row (hash "import") unless that document is stored. Only new concepts
 * get one, so merging never disturbs what ingest derived.
 */
static enum termbase_status add_example(struct termbase_merge *m, int64_t form,
                                        const struct model_concept *c, struct dd_error *err)
{
    sqlite3_stmt *st = stmt(m, M_DOC_GET);
    int64_t doc;
    int rc;

    sqlite3_bind_text(st, 1, c->example_path, -1, SQLITE_STATIC);
    rc = step(m, st, err);
    if (rc == SQLITE_ROW) {
        doc = sqlite3_column_int64(st, 0);
    } else if (rc == SQLITE_DONE) {
        st = stmt(m, M_DOC_INSERT);
        sqlite3_bind_text(st, 1, c->example_path, -1, SQLITE_STATIC);
        if (step(m, st, err) != SQLITE_DONE)
            return (enum termbase_status)err->detail;
        doc = sqlite3_last_insert_rowid(m->tb->db);
    } else {
        return (enum termbase_status)err->detail;
    }
    st = stmt(m, M_EVIDENCE_ADD);
    sqlite3_bind_int64(st, 1, form);
    sqlite3_bind_int64(st, 2, doc);
    sqlite3_bind_int64(st, 3, (sqlite3_int64)c->example_line);
    sqlite3_bind_text(st, 4, c->example, -1, SQLITE_STATIC);
    if (c->example_pos)
        sqlite3_bind_text(st, 5, c->example_pos, -1, SQLITE_STATIC);
    return step(m, st, err) == SQLITE_DONE ? TERMBASE_OK : (enum termbase_status)err->detail;
}

/*
 * Stores data category d of concept c (stored as id), unless it is there;
 * fids[i] is the stored id of c->forms[i]. A term-level one whose form c
 * does not have is dropped (no reader makes one).
 */
static enum termbase_status add_datcat(struct termbase_merge *m, int64_t id,
                                       const struct model_concept *c, const int64_t *fids,
                                       const struct model_datcat *d, struct dd_error *err)
{
    sqlite3_stmt *st;
    int64_t form = 0;

    if (d->level == MODEL_LEVEL_TERM) {
        for (size_t i = 0; i < c->nforms && !form; i++)
            if (c->forms[i].type == d->form_type && d->form && c->forms[i].text &&
                !strcmp(c->forms[i].text, d->form))
                form = fids[i];
        if (!form)
            return TERMBASE_OK;
    }
    st = stmt(m, M_DATCAT_ADD);
    sqlite3_bind_int64(st, 1, id);
    if (form)
        sqlite3_bind_int64(st, 2, form);
    sqlite3_bind_int(st, 3, (int)d->level);
    sqlite3_bind_int(st, 4, d->level == MODEL_LEVEL_ENTRY ? 0 : d->side);
    bind_opt(st, 5, d->group);
    sqlite3_bind_int(st, 6, d->group ? (int)d->group_no : 0);
    sqlite3_bind_text(st, 7, d->element, -1, SQLITE_STATIC);
    bind_opt(st, 8, d->type);
    bind_opt(st, 9, d->ref);
    sqlite3_bind_text(st, 10, d->value ? d->value : "", -1, SQLITE_STATIC);
    return step(m, st, err) == SQLITE_DONE ? TERMBASE_OK : (enum termbase_status)err->detail;
}

static enum termbase_status merge_add(struct termbase_merge *m, const struct model_concept *c,
                                      struct dd_error *err)
{
    const char *ko = c->ko, *status = model_status_name(c->status);
    struct strbuf ckey = STRBUF_INIT;
    enum termbase_status ret = TERMBASE_OK;
    sqlite3_stmt *st;
    int64_t id = 0, fid = 0, ko_form = 0, *fids = NULL;
    int rc, created = 0;

    dd_error_clear(err);
    for (size_t i = 0; !ko && i < c->nforms; i++)
        if (c->forms[i].type == MODEL_FORM_KO)
            ko = c->forms[i].text;
    if (!ko || !*ko)
        return TERMBASE_OK;
    text_key(ko, strlen(ko), 1, &ckey);
    if (!ckey.len)
        goto cleanup;
    m->stats.concepts++;
    st = stmt(m, M_CONCEPT_GET);
    sqlite3_bind_text(st, 1, ckey.buf, -1, SQLITE_STATIC);
    rc = step(m, st, err);
    if (rc == SQLITE_ROW) {
        id = sqlite3_column_int64(st, 0);
        st = stmt(m, M_CONCEPT_UPDATE);
        sqlite3_bind_int64(st, 1, id);
        sqlite3_bind_text(st, 2, status, -1, SQLITE_STATIC);
        bind_opt(st, 3, c->note);
        bind_opt(st, 4, c->kind);
        if (step(m, st, err) != SQLITE_DONE) {
            ret = (enum termbase_status)err->detail;
            goto cleanup;
        }
        m->stats.updated += sqlite3_changes(m->tb->db) > 0;
    } else if (rc == SQLITE_DONE) {
        enum merge_stmt ins = M_CONCEPT_INSERT;
        if (c->id > 0) {
            st = stmt(m, M_ID_USED);
            sqlite3_bind_int64(st, 1, c->id);
            rc = step(m, st, err);
            if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
                ret = (enum termbase_status)err->detail;
                goto cleanup;
            }
            if (rc == SQLITE_DONE)
                ins = M_CONCEPT_INSERT_ID;
        }
        st = stmt(m, ins);
        if (ins == M_CONCEPT_INSERT_ID)
            sqlite3_bind_int64(st, 1, c->id);
        sqlite3_bind_text(st, 2, ckey.buf, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, ko, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 4, c->kind ? c->kind : "", -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 5, status, -1, SQLITE_STATIC);
        bind_opt(st, 6, c->note);
        if (step(m, st, err) != SQLITE_DONE) {
            ret = (enum termbase_status)err->detail;
            goto cleanup;
        }
        id = sqlite3_last_insert_rowid(m->tb->db);
        m->stats.new_concepts++;
        created = 1;
    } else {
        ret = (enum termbase_status)err->detail;
        goto cleanup;
    }
    if (c->ndatcats)
        fids = xcalloc(c->nforms, sizeof(*fids));
    for (size_t i = 0; i < c->nforms; i++) {
        if (!c->forms[i].text || !*c->forms[i].text)
            continue;
        if ((ret =
                 add_form(m, id, &c->forms[i], c->has_confidence ? c->confidence : -1, &fid, err)))
            goto cleanup;
        if (fids)
            fids[i] = fid;
        if (c->forms[i].type == MODEL_FORM_KO && !strcmp(c->forms[i].text, ko))
            ko_form = fid;
    }
    if (created && ko_form && c->example && *c->example && c->example_path && *c->example_path &&
        (ret = add_example(m, ko_form, c, err)))
        goto cleanup;
    for (size_t i = 0; i < c->ndatcats && !ret; i++)
        ret = add_datcat(m, id, c, fids, &c->datcats[i], err);
cleanup:
    free(fids);
    /* statements bound to ckey must not outlive it */
    for (int i = 0; i < M_NSTMT; i++)
        sqlite3_reset(m->st[i]);
    strbuf_release(&ckey);
    if (!ret && ++m->batch >= 64 &&
        (m->batch >= TERMBASE_MERGE_BATCH ||
         termbase__now_ms() - m->batch_start >= TERMBASE_MERGE_BATCH_MS))
        ret = next_batch(m, err);
    return ret;
}

/* ---- the writers' exit classes (termbase__written) ------------------------------------- */

struct termbase_merge *termbase_merge_begin(struct termbase *tb, struct dd_error *err)
{
    struct termbase_merge *m = merge_begin(tb, err);
    if (!m)
        termbase__written(err, (enum termbase_status)err->detail);
    return m;
}

enum termbase_status termbase_merge_add(struct termbase_merge *m, const struct model_concept *c,
                                        struct dd_error *err)
{
    assert(m && c);
    return termbase__written(err, merge_add(m, c, err));
}

enum termbase_status termbase_merge_commit(struct termbase_merge *m, struct dd_error *err)
{
    return termbase__written(err, merge_commit(m, err));
}
