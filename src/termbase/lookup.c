/*
 * lookup.c - finding concepts by any form, and listing them.
 *
 * A lookup runs the tiers of enum model_match in order, each over the
 * query's key (text_key): exact key (index form_key), particle variant
 * (form_stem, and the query's own stem against form_key), prefix (a range
 * scan on form_key), substring (FTS5 trigram index form_fts for three
 * characters or more, a bounded scan below that), fuzzy (table fuzzy, see
 * below). A concept keeps the best tier it reached. Tiers stop once the
 * limit is filled, since a lower tier can never outrank a higher one.
 *
 * Fuzzy: each Korean key of two or more characters is indexed under the
 * hashes of itself and its one-character deletions (two-character keys:
 * one-character wildcards instead, as deleting would leave one syllable
 * shared by thousands). A query looks up its own variants; any shared hash
 * means the two keys are at most one syllable insertion, deletion or
 * substitution apart (the symmetric-deletion scheme of Garbe's SymSpell,
 * over syllables). The few candidates are then scored by weighted jamo
 * distance (util/jamo.h), which also ranks them: 클라우디 -> 클라우드 is one
 * vowel. Cost is a handful of index probes, independent of termbase size.
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "termbase/termbase_int.h"
#include "util/jamo.h"
#include "util/strmap.h"
#include "util/utf8.h"
#include "util/xmalloc.h"
#include "util/banned.h"

/* Fuzzy candidates scored at most (a limit of 0, "all", reads every row of the other tiers). */
#define FUZZY_CAP 5000

struct termbase_result {
    struct model_concept *items; /* the concepts, in rank order */
    size_t n, alloc;             /* used, allocated */
    char **strings;              /* every string the items point at */
    size_t nstr, astr;           /* used, allocated */
};

const struct model_concept *termbase_result_items(const struct termbase_result *r)
{
    return r->items;
}

size_t termbase_result_count(const struct termbase_result *r)
{
    return r ? r->n : 0;
}

const struct model_concept *termbase_result_get(const struct termbase_result *r, size_t i)
{
    return &r->items[i];
}

void termbase_result_free(struct termbase_result *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->nstr; i++)
        free(r->strings[i]);
    for (size_t i = 0; i < r->n; i++) {
        free(r->items[i].forms);
        free((void *)r->items[i].datcats);
    }
    free(r->strings);
    free(r->items);
    free(r);
}

/* A copy of s owned by r, or NULL for NULL. */
static const char *rstr(struct termbase_result *r, const unsigned char *s)
{
    if (!s)
        return NULL;
    ALLOC_GROW(r->strings, r->nstr + 1, r->astr);
    r->strings[r->nstr] = xstrdup((const char *)s);
    return r->strings[r->nstr++];
}

static int form_type_parse(const char *s)
{
    int t = model_form_type_parse(s);
    return t >= 0 ? t : MODEL_FORM_NATIVE;
}

static int cmp_forms(const void *a, const void *b)
{
    const struct model_form *x = a, *y = b;
    if (x->type != y->type)
        return (int)x->type - (int)y->type;
    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    return strcmp(x->text, y->text);
}

/*
 * Sets f's source, score and confidence from columns 4..7 of TB_C_FORMS: the
 * best "score source" of its documents, any source of theirs, and its own
 * (set, import). The more confident of the document's and its own wins.
 */
static void form_source_of(struct termbase_result *r, struct model_form *f, const char *best,
                           const char *any, const char *own, double own_score)
{
    char *end = NULL;

    f->source = NULL;
    f->score = -1;
    if (best) {
        f->score = strtod(best, &end);
        if (end && *end == ' ')
            f->source = rstr(r, (const unsigned char *)end + 1);
    } else if (any) {
        f->source = rstr(r, (const unsigned char *)any);
    }
    f->confidence = model_form_confidence(f->source, f->score);
    if (own) {
        double x = model_form_confidence(own, own_score);
        if (x > f->confidence || !f->source) {
            f->source = rstr(r, (const unsigned char *)own);
            f->score = own_score;
            f->confidence = x;
        }
    }
}

static void form_source(struct termbase_result *r, struct model_form *f, sqlite3_stmt *st)
{
    form_source_of(r, f, (const char *)sqlite3_column_text(st, 4),
                   (const char *)sqlite3_column_text(st, 5),
                   (const char *)sqlite3_column_text(st, 6),
                   sqlite3_column_type(st, 7) == SQLITE_NULL ? -1 : sqlite3_column_double(st, 7));
}

/* Appends concept id with its forms and example to r. */
static enum termbase_status load_concept(struct termbase *tb, struct termbase_result *r, int64_t id,
                                         enum model_match match, const char *matched, int distance,
                                         struct dd_error *err)
{
    struct model_concept *c;
    sqlite3_stmt *st;
    size_t aforms = 0;
    int rc;

    if (!(st = termbase__stmt(tb, TB_C_GET, err)))
        return (enum termbase_status)err->detail;
    sqlite3_bind_int64(st, 1, id);
    rc = sqlite3_step(st);
    if (rc != SQLITE_ROW) {
        sqlite3_reset(st);
        if (rc == SQLITE_DONE)
            return termbase__error(err, TERMBASE_ENOTFOUND, "no concept %lld", (long long)id);
        return termbase__fail(tb, err, "cannot read the termbase");
    }
    ALLOC_GROW(r->items, r->n + 1, r->alloc);
    c = &r->items[r->n++];
    memset(c, 0, sizeof(*c));
    c->id = id;
    c->ko = rstr(r, sqlite3_column_text(st, 0));
    c->kind = rstr(r, sqlite3_column_text(st, 1));
    c->status = (enum model_status)model_status_parse((const char *)sqlite3_column_text(st, 2));
    c->note = rstr(r, sqlite3_column_text(st, 3));
    c->count = (unsigned long)sqlite3_column_int64(st, 4);
    c->ndocs = (unsigned long)sqlite3_column_int64(st, 5);
    if (sqlite3_column_type(st, 6) != SQLITE_NULL) {
        c->example_path = rstr(r, sqlite3_column_text(st, 6));
        c->example_line = (unsigned long)sqlite3_column_int64(st, 7);
        c->example = rstr(r, sqlite3_column_text(st, 8));
        if (sqlite3_column_type(st, 9) != SQLITE_NULL)
            c->example_pos = rstr(r, sqlite3_column_text(st, 9));
    }
    c->match = match;
    c->matched = matched ? rstr(r, (const unsigned char *)matched) : NULL;
    c->distance = distance;
    sqlite3_reset(st);

    if (!(st = termbase__stmt(tb, TB_C_FORMS, err)))
        return (enum termbase_status)err->detail;
    sqlite3_bind_int64(st, 1, id);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct model_form *f;
        ALLOC_GROW(c->forms, c->nforms + 1, aforms);
        f = &c->forms[c->nforms++];
        memset(f, 0, sizeof(*f));
        f->text = rstr(r, sqlite3_column_text(st, 0));
        f->type = (enum model_form_type)form_type_parse((const char *)sqlite3_column_text(st, 1));
        f->user = sqlite3_column_int(st, 2);
        f->count = (unsigned long)sqlite3_column_int64(st, 3);
        form_source(r, f, st);
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return termbase__fail(tb, err, "cannot read the termbase");
    if (c->nforms)
        qsort(c->forms, c->nforms, sizeof(*c->forms), cmp_forms);
    c->confidence = model_concept_confidence(c);
    c->has_confidence = 1;

    /* the TBX data categories kept from imports, in file order */
    if (!(st = termbase__stmt(tb, TB_C_DATCATS, err)))
        return (enum termbase_status)err->detail;
    sqlite3_bind_int64(st, 1, id);
    aforms = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct model_datcat *d, *v = (struct model_datcat *)c->datcats;
        ALLOC_GROW(v, c->ndatcats + 1, aforms);
        c->datcats = v;
        d = &v[c->ndatcats++];
        d->level = (enum model_level)sqlite3_column_int(st, 0);
        d->side = sqlite3_column_int(st, 1);
        d->form_type =
            (enum model_form_type)form_type_parse((const char *)sqlite3_column_text(st, 2));
        d->form = rstr(r, sqlite3_column_text(st, 3));
        d->group = rstr(r, sqlite3_column_text(st, 4));
        d->group_no = (unsigned)sqlite3_column_int(st, 5);
        d->element = rstr(r, sqlite3_column_text(st, 6));
        d->type = rstr(r, sqlite3_column_text(st, 7));
        d->ref = rstr(r, sqlite3_column_text(st, 8));
        d->value = rstr(r, sqlite3_column_text(st, 9));
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return termbase__fail(tb, err, "cannot read the termbase");
    return TERMBASE_OK;
}

/* ---- ranking ------------------------------------------------------------------------------ */

struct hit {
    int64_t concept;       /* concept id */
    enum model_match tier; /* best tier reached */
    int dist;              /* within the tier: extra characters or jamo distance */
    int status_rank;       /* approved 0, candidate 1, rejected 2 */
    unsigned long count;   /* concept count */
    char *ko;              /* preferred form, final tie-break */
    char *matched;         /* the form's text */
};

struct hits {
    struct hit *v;      /* hits so far */
    size_t n, alloc;    /* used, allocated */
    struct strmap seen; /* concept id (8 bytes) -> index + 1 */
};

static int cmp_hits(const void *a, const void *b)
{
    const struct hit *x = a, *y = b;
    if (x->tier != y->tier)
        return (int)x->tier - (int)y->tier;
    if (x->dist != y->dist)
        return x->dist - y->dist;
    if (x->status_rank != y->status_rank)
        return x->status_rank - y->status_rank;
    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    return strcmp(x->ko, y->ko);
}

/* Records concept as found by tier; keeps the better of two hits on one concept. */
static enum termbase_status add_hit(struct termbase *tb, struct hits *h, int64_t concept,
                                    enum model_match tier, int dist, const char *matched,
                                    struct dd_error *err)
{
    struct strmap_entry *e = strmap_put(&h->seen, &concept, sizeof(concept), NULL);
    struct hit *x;
    sqlite3_stmt *st;
    int status;

    if (e->value) {
        x = &h->v[(size_t)e->value - 1];
        if (tier < x->tier || (tier == x->tier && dist < x->dist)) {
            x->tier = tier;
            x->dist = dist;
            free(x->matched);
            x->matched = xstrdup(matched);
        }
        return TERMBASE_OK;
    }
    if (!(st = termbase__stmt(tb, TB_C_GET, err)))
        return (enum termbase_status)err->detail;
    sqlite3_bind_int64(st, 1, concept);
    if (sqlite3_step(st) != SQLITE_ROW) {
        sqlite3_reset(st);
        return TERMBASE_OK; /* a form whose concept vanished meanwhile */
    }
    ALLOC_GROW(h->v, h->n + 1, h->alloc);
    x = &h->v[h->n++];
    e->value = (void *)(uintptr_t)h->n;
    x->concept = concept;
    x->tier = tier;
    x->dist = dist;
    status = model_status_parse((const char *)sqlite3_column_text(st, 2));
    x->status_rank = status == MODEL_APPROVED ? 0 : status == MODEL_REJECTED ? 2 : 1;
    x->count = (unsigned long)sqlite3_column_int64(st, 4);
    x->ko = xstrdup((const char *)sqlite3_column_text(st, 0));
    x->matched = xstrdup(matched);
    sqlite3_reset(st);
    return TERMBASE_OK;
}

/* Runs st (already bound) whose rows are (form id, concept, text), adding hits. */
static enum termbase_status collect(struct termbase *tb, struct hits *h, sqlite3_stmt *st,
                                    enum model_match tier, size_t qchars, struct dd_error *err)
{
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *text = (const char *)sqlite3_column_text(st, 2);
        int dist = 0;
        enum termbase_status ret;
        if (tier == MODEL_MATCH_PREFIX || tier == MODEL_MATCH_SUBSTRING) {
            size_t n = utf8_count(text, strlen(text));
            dist = n > qchars ? (int)(n - qchars) : 0;
        }
        ret = add_hit(tb, h, sqlite3_column_int64(st, 1), tier, dist, text, err);
        if (ret) {
            sqlite3_reset(st);
            return ret;
        }
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return termbase__fail(tb, err, "cannot search the termbase");
    return TERMBASE_OK;
}

static enum termbase_status by_key(struct termbase *tb, struct hits *h, enum tb_stmt id,
                                   const char *key, enum model_match tier, struct dd_error *err)
{
    sqlite3_stmt *st = termbase__stmt(tb, id, err);
    if (!st)
        return (enum termbase_status)err->detail;
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    return collect(tb, h, st, tier, 0, err);
}

static enum termbase_status fuzzy(struct termbase *tb, struct hits *h, const char *key,
                                  struct dd_error *err)
{
    int32_t v[TB_FUZZY_MAX_VARIANTS];
    size_t nv = termbase__fuzzy_variants(key, strlen(key), v, TB_FUZZY_MAX_VARIANTS);
    size_t nchars = utf8_count(key, strlen(key)), ncand = 0;
    int max = JAMO_COST_UNIT * (nchars >= 5 ? 2 : 1);
    struct strmap seen = STRMAP_INIT;
    enum termbase_status ret = TERMBASE_OK;
    uint32_t qj[256];
    size_t nq = jamo_decompose(key, strlen(key), qj, 256);

    if (nq > 256)
        nv = 0;
    for (size_t i = 0; i < nv && !ret && ncand < FUZZY_CAP; i++) {
        sqlite3_stmt *st = termbase__stmt(tb, TB_LK_FUZZY, err);
        int64_t ids[512];
        size_t nids = 0;
        int rc;
        if (!st) {
            ret = (enum termbase_status)err->detail;
            break;
        }
        sqlite3_bind_int64(st, 1, v[i]);
        sqlite3_bind_int64(st, 2, 512);
        while ((rc = sqlite3_step(st)) == SQLITE_ROW)
            ids[nids++] = sqlite3_column_int64(st, 0);
        sqlite3_reset(st);
        if (rc != SQLITE_DONE) {
            ret = termbase__fail(tb, err, "cannot search the termbase");
            break;
        }
        for (size_t k = 0; k < nids && !ret && ncand < FUZZY_CAP; k++) {
            int created;
            uint32_t fj[256];
            size_t nf;
            int d;
            const char *fkey, *text;
            int64_t concept;

            strmap_put(&seen, &ids[k], sizeof(ids[k]), &created);
            if (!created)
                continue;
            ncand++;
            if (!(st = termbase__stmt(tb, TB_LK_FORM, err))) {
                ret = (enum termbase_status)err->detail;
                break;
            }
            sqlite3_bind_int64(st, 1, ids[k]);
            if (sqlite3_step(st) != SQLITE_ROW) {
                sqlite3_reset(st);
                continue;
            }
            concept = sqlite3_column_int64(st, 0);
            text = (const char *)sqlite3_column_text(st, 1);
            fkey = (const char *)sqlite3_column_text(st, 2);
            nf = jamo_decompose(fkey, strlen(fkey), fj, 256);
            d = nf > 256 ? max + 1 : jamo_distance_seq(qj, nq, fj, nf, max);
            if (d <= max && d > 0)
                ret = add_hit(tb, h, concept, MODEL_MATCH_FUZZY, d, text, err);
            sqlite3_reset(st);
        }
    }
    strmap_release(&seen, NULL);
    return ret;
}

/* Validates the query: non-empty, bounded, UTF-8. */
static enum termbase_status check_query(const char *q, struct dd_error *err)
{
    size_t len = q ? strlen(q) : 0;
    if (len > TERMBASE_QUERY_MAX)
        return termbase__error(err, TERMBASE_EINPUT, "query longer than %d bytes",
                               TERMBASE_QUERY_MAX);
    if (utf8_valid_prefix(q ? q : "", len) != len)
        return termbase__error(err, TERMBASE_EINPUT, "query is not valid UTF-8 (byte %zu)",
                               utf8_valid_prefix(q, len));
    return TERMBASE_OK;
}

static enum termbase_status finish(struct termbase *tb, struct hits *h, size_t limit,
                                   struct termbase_result *r, struct dd_error *err)
{
    enum termbase_status ret = TERMBASE_OK;
    if (h->n)
        qsort(h->v, h->n, sizeof(*h->v), cmp_hits);
    for (size_t i = 0; i < h->n && (!limit || i < limit) && !ret; i++)
        ret =
            load_concept(tb, r, h->v[i].concept, h->v[i].tier, h->v[i].matched, h->v[i].dist, err);
    return ret;
}

struct termbase_result *termbase_lookup(struct termbase *tb, const char *query, unsigned flags,
                                        size_t limit, struct dd_error *err)
{
    struct strbuf key = STRBUF_INIT, stem = STRBUF_INIT, tmp = STRBUF_INIT;
    struct hits h = {NULL, 0, 0, STRMAP_INIT};
    struct termbase_result *r = xcalloc(1, sizeof(*r));
    /* rows read per tier: a concept has several forms; -1 is SQLite's "no limit" */
    sqlite3_int64 cap = limit ? (sqlite3_int64)limit * 4 + 50 : -1;
    size_t qchars;
    int txn = 0;
    enum termbase_status ret;
    sqlite3_stmt *st;

    assert(tb && query && err);
    dd_error_clear(err);
    if ((ret = check_query(query, err)))
        goto cleanup;
    text_key(query, strlen(query), 0, &key);
    text_key(query, strlen(query), 1, &stem);
    if (!key.len) {
        ret = termbase__error(err, TERMBASE_EINPUT, "empty query");
        goto cleanup;
    }
    qchars = utf8_count(key.buf, key.len);
    /*
     * One read transaction for all the statements of the lookup, unless the
     * caller has one open: in WAL mode each statement on its own takes and
     * drops a read lock on the -shm file and checks the log (system calls);
     * a lookup runs six to ten of them.
     */
    if (sqlite3_get_autocommit(tb->db) &&
        sqlite3_exec(tb->db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK)
        txn = 1;
#define FULL() (limit && h.n >= limit)
    if ((ret = by_key(tb, &h, TB_LK_KEY, key.buf, MODEL_MATCH_EXACT, err)))
        goto cleanup;
    if ((ret = by_key(tb, &h, TB_LK_STEM, key.buf, MODEL_MATCH_VARIANT, err)))
        goto cleanup;
    if (strcmp(stem.buf, key.buf) &&
        ((ret = by_key(tb, &h, TB_LK_KEY, stem.buf, MODEL_MATCH_VARIANT, err)) ||
         (ret = by_key(tb, &h, TB_LK_STEM, stem.buf, MODEL_MATCH_VARIANT, err))))
        goto cleanup;
    if ((flags & TERMBASE_LOOKUP_EXACT) || FULL())
        goto done;

    /* prefix: key <= k < key + U+10FFFF's last byte */
    strbuf_addbuf(&tmp, &key);
    strbuf_addch(&tmp, (char)0xF4);
    strbuf_addch(&tmp, (char)0x8F);
    strbuf_addch(&tmp, (char)0xBF);
    strbuf_addch(&tmp, (char)0xBF);
    if (!(st = termbase__stmt(tb, TB_LK_PREFIX, err))) {
        ret = (enum termbase_status)err->detail;
        goto cleanup;
    }
    sqlite3_bind_text(st, 1, key.buf, (int)key.len, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, tmp.buf, (int)tmp.len, SQLITE_STATIC);
    sqlite3_bind_int64(st, 3, cap);
    if ((ret = collect(tb, &h, st, MODEL_MATCH_PREFIX, qchars, err)))
        goto cleanup;
    if (FULL())
        goto done;

    /* substring */
    strbuf_reset(&tmp);
    if (qchars >= 3) {
        strbuf_addch(&tmp, '"');
        for (size_t i = 0; i < key.len; i++) {
            if (key.buf[i] == '"')
                strbuf_addch(&tmp, '"');
            strbuf_addch(&tmp, key.buf[i]);
        }
        strbuf_addch(&tmp, '"');
        st = termbase__stmt(tb, TB_LK_FTS, err);
    } else {
        strbuf_addbuf(&tmp, &key);
        st = termbase__stmt(tb, TB_LK_INSTR, err);
    }
    if (!st) {
        ret = (enum termbase_status)err->detail;
        goto cleanup;
    }
    sqlite3_bind_text(st, 1, tmp.buf, (int)tmp.len, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, cap);
    if ((ret = collect(tb, &h, st, MODEL_MATCH_SUBSTRING, qchars, err)))
        goto cleanup;
    if (FULL())
        goto done;

    if ((ret = fuzzy(tb, &h, key.buf, err)))
        goto cleanup;
#undef FULL
done:
    ret = finish(tb, &h, limit, r, err);
cleanup:
    if (txn)
        sqlite3_exec(tb->db, "COMMIT", NULL, NULL,
                     NULL); /* nothing written: cannot fail but busy */
    for (size_t i = 0; i < h.n; i++) {
        free(h.v[i].ko);
        free(h.v[i].matched);
    }
    free(h.v);
    strmap_release(&h.seen, NULL);
    strbuf_release(&key);
    strbuf_release(&stem);
    strbuf_release(&tmp);
    if (ret) {
        /* a query that cannot be looked up is the caller's mistake */
        if (ret == TERMBASE_EINPUT)
            err->code = DD_EUSAGE;
        termbase_result_free(r);
        return NULL;
    }
    return r;
}

struct termbase_result *termbase_list(struct termbase *tb, int status, size_t limit,
                                      struct dd_error *err)
{
    struct termbase_result *r = xcalloc(1, sizeof(*r));
    sqlite3_stmt *st = NULL;
    int64_t *ids = NULL;
    size_t n = 0, alloc = 0;
    enum termbase_status ret = TERMBASE_OK;
    int rc;

    dd_error_clear(err);
    if (sqlite3_prepare_v2(tb->db,
                           "SELECT id FROM concept WHERE ?1 IS NULL OR status = ?1"
                           " ORDER BY count DESC, key LIMIT ?2",
                           -1, &st, NULL) != SQLITE_OK) {
        ret = termbase__prepare_fail(tb, err);
        goto cleanup;
    }
    if (status >= 0)
        sqlite3_bind_text(st, 1, model_status_name((enum model_status)status), -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, limit ? (sqlite3_int64)limit : -1);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        ALLOC_GROW(ids, n + 1, alloc);
        ids[n++] = sqlite3_column_int64(st, 0);
    }
    if (rc != SQLITE_DONE) {
        ret = termbase__fail(tb, err, "cannot read the termbase");
        goto cleanup;
    }
    for (size_t i = 0; i < n && !ret; i++)
        ret = load_concept(tb, r, ids[i], MODEL_MATCH_NONE, NULL, 0, err);
cleanup:
    sqlite3_finalize(st);
    free(ids);
    if (ret) {
        termbase_result_free(r);
        return NULL;
    }
    return r;
}

/* Empties r for the next concept, keeping its arrays allocated. */
static void result_reset(struct termbase_result *r)
{
    for (size_t i = 0; i < r->nstr; i++)
        free(r->strings[i]);
    for (size_t i = 0; i < r->n; i++) {
        free(r->items[i].forms);
        free((void *)r->items[i].datcats);
    }
    r->nstr = 0;
    r->n = 0;
}

int termbase_source_foreach(void *source, int status, model_concept_fn fn, void *ctx)
{
    struct termbase_source *s = source;
    assert(s && s->tb && s->err);
    return termbase_foreach(s->tb, status, fn, ctx, s->err);
}

/*
 * Calls fn for the concept of each id st yields (column 0), one concept in
 * memory at a time; finalizes st. load_concept runs the cached statements
 * while st steps, which SQLite allows. Returns 0, fn's non-zero value, or
 * -1 with err filled in.
 */
static int walk_ids(struct termbase *tb, sqlite3_stmt *st, model_concept_fn fn, void *ctx,
                    struct dd_error *err)
{
    struct termbase_result *r = xcalloc(1, sizeof(*r));
    int ret = 0, rc;

    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        result_reset(r);
        if (load_concept(tb, r, sqlite3_column_int64(st, 0), MODEL_MATCH_NONE, NULL, 0, err)) {
            ret = -1;
            goto cleanup;
        }
        if ((ret = fn(ctx, &r->items[0])) != 0)
            goto cleanup;
    }
    if (rc != SQLITE_DONE) {
        termbase__fail(tb, err, "cannot read the termbase");
        ret = -1;
    }
cleanup:
    sqlite3_finalize(st);
    termbase_result_free(r);
    return ret;
}

/* Prepares a statement of its own (not cached: it steps while load_concept runs the cached ones).
 */
static sqlite3_stmt *prepare_walk(struct termbase *tb, const char *sql, int status,
                                  struct dd_error *err)
{
    sqlite3_stmt *st = NULL;

    if (sqlite3_prepare_v2(tb->db, sql, -1, &st, NULL) != SQLITE_OK) {
        termbase__prepare_fail(tb, err);
        sqlite3_finalize(st);
        return NULL;
    }
    if (status >= 0)
        sqlite3_bind_text(st, 1, model_status_name((enum model_status)status), -1, SQLITE_STATIC);
    return st;
}

/*
 * termbase_foreach reads the whole termbase in two joined statements that
 * SQLite steps in concept key order (the key index, then a small sort of
 * each concept's rows), rather than four statements per concept as
 * load_concept does: an export of a million concepts then costs about what
 * the sqlite3 shell takes to dump the same rows. The aggregates of
 * TB_C_GET and TB_C_FORMS are computed here, to the same values.
 */
static const char walk_rows_sql[] =
    "SELECT c.id, c.ko, c.kind, c.status, c.note, c.count,"
    " f.id, f.text, f.type, f.user, f.source, f.score,"
    " e.doc, e.count, e.score, e.source, e.line, e.context, d.path, e.pos"
    " FROM concept c LEFT JOIN form f ON f.concept = c.id"
    " LEFT JOIN evidence e ON e.form = f.id LEFT JOIN document d ON d.id = e.doc"
    " WHERE ?1 IS NULL OR c.status = ?1 ORDER BY c.key, c.id, f.id";
static const char walk_datcats_sql[] =
    "SELECT d.concept, d.level, d.side, f.type, f.text, d.grp, d.grp_no, d.element, d.type,"
    " d.ref, d.value FROM datcat d JOIN concept c ON c.id = d.concept"
    " LEFT JOIN form f ON f.id = d.form"
    " WHERE ?1 IS NULL OR c.status = ?1 ORDER BY c.key, c.id, d.id";

/* What TB_C_FORMS aggregates over a form's evidence, gathered row by row. */
struct walk_form {
    struct strbuf best; /* max of "score source" (score >= 0, source set), or empty */
    struct strbuf any;  /* max source, or empty */
    int has_best, has_any;
    char *own;        /* the form's own source, or NULL */
    double own_score; /* its score, -1 when NULL */
};

/* TB_C_GET's example: the evidence row first by (not a Korean form, count desc, path, line). */
struct walk_example {
    int set;
    int not_ko;
    int64_t count;
    char *path, *context;
    int64_t line;
    char *pos; /* evidence.pos, or NULL */
};

static void walk_form_finish(struct termbase_result *r, struct model_concept *c,
                             struct walk_form *wf)
{
    if (!c->nforms)
        return;
    form_source_of(r, &c->forms[c->nforms - 1], wf->has_best ? wf->best.buf : NULL,
                   wf->has_any ? wf->any.buf : NULL, wf->own, wf->own_score);
    free(wf->own);
    wf->own = NULL;
    strbuf_reset(&wf->best);
    strbuf_reset(&wf->any);
    wf->has_best = wf->has_any = 0;
}

/* Reads the datcat rows of concept id from st (positioned at its next row in *rc). */
static int walk_datcats(struct termbase *tb, sqlite3_stmt *st, int *rc, struct termbase_result *r,
                        struct model_concept *c, struct dd_error *err)
{
    size_t alloc = 0;

    while (*rc == SQLITE_ROW && sqlite3_column_int64(st, 0) == c->id) {
        struct model_datcat *d, *v = (struct model_datcat *)c->datcats;
        ALLOC_GROW(v, c->ndatcats + 1, alloc);
        c->datcats = v;
        d = &v[c->ndatcats++];
        d->level = (enum model_level)sqlite3_column_int(st, 1);
        d->side = sqlite3_column_int(st, 2);
        d->form_type =
            (enum model_form_type)form_type_parse((const char *)sqlite3_column_text(st, 3));
        d->form = rstr(r, sqlite3_column_text(st, 4));
        d->group = rstr(r, sqlite3_column_text(st, 5));
        d->group_no = (unsigned)sqlite3_column_int(st, 6);
        d->element = rstr(r, sqlite3_column_text(st, 7));
        d->type = rstr(r, sqlite3_column_text(st, 8));
        d->ref = rstr(r, sqlite3_column_text(st, 9));
        d->value = rstr(r, sqlite3_column_text(st, 10));
        *rc = sqlite3_step(st);
    }
    if (*rc != SQLITE_ROW && *rc != SQLITE_DONE)
        return termbase__fail(tb, err, "cannot read the termbase");
    return 0;
}

int termbase_foreach(struct termbase *tb, int status, model_concept_fn fn, void *ctx,
                     struct dd_error *err)
{
    assert(tb && fn && err && status >= -1 && status < MODEL_NSTATUS);
    struct termbase_result *r = xcalloc(1, sizeof(*r));
    sqlite3_stmt *st = NULL, *dc = NULL;
    struct walk_form wf = {STRBUF_INIT, STRBUF_INIT, 0, 0, NULL, -1};
    struct walk_example ex = {0, 0, 0, NULL, NULL, 0, NULL};
    struct strbuf tmp = STRBUF_INIT;
    int64_t *docs = NULL, form_id = 0;
    size_t ndocs = 0, adocs = 0, aforms = 0;
    struct model_concept *c = NULL;
    int ret = -1, rc, drc = SQLITE_DONE;

    dd_error_clear(err);
    if (!(st = prepare_walk(tb, walk_rows_sql, status, err)) ||
        !(dc = prepare_walk(tb, walk_datcats_sql, status, err)))
        goto cleanup;
    drc = sqlite3_step(dc);
    for (;;) {
        rc = sqlite3_step(st);
        if (c && (rc != SQLITE_ROW || sqlite3_column_int64(st, 0) != c->id)) {
            /* the concept is complete: its last form, counts, example, datcats */
            walk_form_finish(r, c, &wf);
            c->ndocs = ndocs;
            if (ex.set) {
                c->example_path = rstr(r, (const unsigned char *)ex.path);
                c->example_line = (unsigned long)ex.line;
                c->example_pos = ex.pos ? rstr(r, (const unsigned char *)ex.pos) : NULL;
                c->example = rstr(r, (const unsigned char *)ex.context);
            }
            if (c->nforms)
                qsort(c->forms, c->nforms, sizeof(*c->forms), cmp_forms);
            c->confidence = model_concept_confidence(c);
            c->has_confidence = 1;
            if (walk_datcats(tb, dc, &drc, r, c, err))
                goto cleanup;
            if ((ret = fn(ctx, c)) != 0)
                goto cleanup;
            ret = -1;
            c = NULL;
        }
        if (rc != SQLITE_ROW)
            break;
        if (!c) {
            result_reset(r);
            ALLOC_GROW(r->items, r->n + 1, r->alloc);
            c = &r->items[r->n++];
            memset(c, 0, sizeof(*c));
            c->id = sqlite3_column_int64(st, 0);
            c->ko = rstr(r, sqlite3_column_text(st, 1));
            c->kind = rstr(r, sqlite3_column_text(st, 2));
            c->status =
                (enum model_status)model_status_parse((const char *)sqlite3_column_text(st, 3));
            c->note = rstr(r, sqlite3_column_text(st, 4));
            c->count = (unsigned long)sqlite3_column_int64(st, 5);
            c->match = MODEL_MATCH_NONE;
            aforms = 0;
            ndocs = 0;
            free(ex.path);
            free(ex.context);
            free(ex.pos);
            memset(&ex, 0, sizeof(ex));
            form_id = 0;
        }
        if (sqlite3_column_type(st, 6) == SQLITE_NULL)
            continue; /* a concept without forms */
        if (!c->nforms || sqlite3_column_int64(st, 6) != form_id) {
            struct model_form *f;
            walk_form_finish(r, c, &wf);
            form_id = sqlite3_column_int64(st, 6);
            ALLOC_GROW(c->forms, c->nforms + 1, aforms);
            f = &c->forms[c->nforms++];
            memset(f, 0, sizeof(*f));
            f->text = rstr(r, sqlite3_column_text(st, 7));
            f->type =
                (enum model_form_type)form_type_parse((const char *)sqlite3_column_text(st, 8));
            f->user = sqlite3_column_int(st, 9);
            wf.own = sqlite3_column_text(st, 10)
                         ? xstrdup((const char *)sqlite3_column_text(st, 10))
                         : NULL;
            wf.own_score =
                sqlite3_column_type(st, 11) == SQLITE_NULL ? -1 : sqlite3_column_double(st, 11);
        }
        if (sqlite3_column_type(st, 12) == SQLITE_NULL)
            continue; /* a form without evidence */
        {
            struct model_form *f = &c->forms[c->nforms - 1];
            int64_t doc = sqlite3_column_int64(st, 12), count = sqlite3_column_int64(st, 13);
            const char *src = (const char *)sqlite3_column_text(st, 15);
            size_t k;

            f->count += (unsigned long)count;
            if (src && sqlite3_column_type(st, 14) != SQLITE_NULL &&
                sqlite3_column_double(st, 14) >= 0) {
                strbuf_reset(&tmp);
                strbuf_addf(&tmp, "%.4f %s", sqlite3_column_double(st, 14), src);
                if (!wf.has_best || strcmp(tmp.buf, wf.best.buf) > 0) {
                    strbuf_reset(&wf.best);
                    strbuf_addstr(&wf.best, tmp.buf);
                    wf.has_best = 1;
                }
            }
            if (src && (!wf.has_any || strcmp(src, wf.any.buf) > 0)) {
                strbuf_reset(&wf.any);
                strbuf_addstr(&wf.any, src);
                wf.has_any = 1;
            }
            for (k = 0; k < ndocs && docs[k] != doc; k++)
                ;
            if (k == ndocs) {
                ALLOC_GROW(docs, ndocs + 1, adocs);
                docs[ndocs++] = doc;
            }
            if (sqlite3_column_type(st, 18) != SQLITE_NULL) {
                int not_ko = f->type != MODEL_FORM_KO;
                const char *path = (const char *)sqlite3_column_text(st, 18);
                int64_t line = sqlite3_column_int64(st, 16);
                int better =
                    !ex.set || not_ko < ex.not_ko ||
                    (not_ko == ex.not_ko &&
                     (count > ex.count ||
                      (count == ex.count &&
                       (strcmp(path, ex.path) < 0 || (!strcmp(path, ex.path) && line < ex.line)))));
                if (better) {
                    const unsigned char *ctxt = sqlite3_column_text(st, 17);
                    const unsigned char *pos = sqlite3_column_text(st, 19);
                    free(ex.path);
                    free(ex.context);
                    free(ex.pos);
                    ex.pos = pos ? xstrdup((const char *)pos) : NULL;
                    ex.set = 1;
                    ex.not_ko = not_ko;
                    ex.count = count;
                    ex.path = xstrdup(path);
                    ex.line = line;
                    ex.context = ctxt ? xstrdup((const char *)ctxt) : NULL;
                }
            }
        }
    }
    if (rc != SQLITE_DONE)
        termbase__fail(tb, err, "cannot read the termbase");
    else
        ret = 0;
cleanup:
    sqlite3_finalize(st);
    sqlite3_finalize(dc);
    free(wf.own);
    strbuf_release(&wf.best);
    strbuf_release(&wf.any);
    strbuf_release(&tmp);
    free(ex.path);
    free(ex.context);
    free(ex.pos);
    free(docs);
    termbase_result_free(r);
    return ret;
}

int termbase_list_foreach(struct termbase *tb, int status, size_t limit, model_concept_fn fn,
                          void *ctx, struct dd_error *err)
{
    assert(tb && fn && err && status >= -1 && status < MODEL_NSTATUS);
    sqlite3_stmt *st;

    dd_error_clear(err);
    st = prepare_walk(tb,
                      "SELECT id FROM concept WHERE ?1 IS NULL OR status = ?1"
                      " ORDER BY count DESC, key LIMIT ?2",
                      status, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 2, limit ? (sqlite3_int64)limit : -1);
    return walk_ids(tb, st, fn, ctx, err);
}

/* Runs sql, which changes the temporary candidate table; -1 with err on failure. */
static int cand_exec(struct termbase *tb, const char *sql, struct dd_error *err)
{
    if (sqlite3_exec(tb->db, sql, NULL, NULL, NULL) != SQLITE_OK) {
        termbase__fail(tb, err, "cannot read the termbase");
        return -1;
    }
    return 0;
}

int termbase_foreach_prefixed(struct termbase *tb, const char *const *prefixes, size_t n,
                              const char *const *keys, size_t nkeys, model_concept_fn fn, void *ctx,
                              struct dd_error *err)
{
    assert(tb && (prefixes || !n) && (keys || !nkeys) && fn && err);
    sqlite3_stmt *ins = NULL, *eq = NULL, *st = NULL;
    struct strbuf hi = STRBUF_INIT;
    int ret = -1;

    dd_error_clear(err);
    if (cand_exec(tb,
                  "CREATE TEMP TABLE IF NOT EXISTS dadeum_cand(id INTEGER PRIMARY KEY);"
                  "DELETE FROM temp.dadeum_cand;",
                  err))
        return -1;
    /* the form_key index gives each prefix's keys as one range: [p, p + U+110000) */
    if (sqlite3_prepare_v2(tb->db,
                           "INSERT OR IGNORE INTO temp.dadeum_cand"
                           " SELECT concept FROM form WHERE key >= ?1 AND key < ?2",
                           -1, &ins, NULL) != SQLITE_OK) {
        termbase__prepare_fail(tb, err);
        goto cleanup;
    }
    for (size_t i = 0; i < n; i++) {
        strbuf_reset(&hi);
        strbuf_addstr(&hi, prefixes[i]);
        strbuf_add(&hi, "\xF4\x90\x80\x80", 4); /* past every valid UTF-8 continuation */
        sqlite3_bind_text(ins, 1, prefixes[i], -1, SQLITE_STATIC);
        sqlite3_bind_text(ins, 2, hi.buf, (int)hi.len, SQLITE_STATIC);
        if (sqlite3_step(ins) != SQLITE_DONE) {
            termbase__fail(tb, err, "cannot read the termbase");
            goto cleanup;
        }
        sqlite3_reset(ins);
    }
    if (sqlite3_prepare_v2(tb->db,
                           "INSERT OR IGNORE INTO temp.dadeum_cand SELECT concept FROM form"
                           " WHERE key = ?1",
                           -1, &eq, NULL) != SQLITE_OK) {
        termbase__prepare_fail(tb, err);
        goto cleanup;
    }
    for (size_t i = 0; i < nkeys; i++) {
        sqlite3_bind_text(eq, 1, keys[i], -1, SQLITE_STATIC);
        if (sqlite3_step(eq) != SQLITE_DONE) {
            termbase__fail(tb, err, "cannot read the termbase");
            goto cleanup;
        }
        sqlite3_reset(eq);
    }
    /* concepts sharing a form key with a candidate, until none is new: a
     * checker groups such concepts, and a group's preferred term may be
     * one whose forms the text never shows */
    for (int round = 0; round < 64; round++) {
        if (cand_exec(tb,
                      "INSERT OR IGNORE INTO temp.dadeum_cand"
                      " SELECT DISTINCT f2.concept FROM temp.dadeum_cand c"
                      " CROSS JOIN form f1 ON f1.concept = c.id"
                      " CROSS JOIN form f2 ON f2.key = f1.key",
                      err))
            goto cleanup;
        if (!sqlite3_changes(tb->db))
            break;
    }
    /* in key order, as termbase_foreach gives them */
    if (sqlite3_prepare_v2(tb->db,
                           "SELECT c.id FROM temp.dadeum_cand x CROSS JOIN concept c ON c.id = x.id"
                           " ORDER BY c.key, c.id",
                           -1, &st, NULL) != SQLITE_OK) {
        termbase__prepare_fail(tb, err);
        goto cleanup;
    }
    ret = walk_ids(tb, st, fn, ctx, err);
    st = NULL;
cleanup:
    sqlite3_finalize(ins);
    sqlite3_finalize(eq);
    sqlite3_finalize(st);
    strbuf_release(&hi);
    return ret;
}

struct termbase_result *termbase_get(struct termbase *tb, int64_t id, struct dd_error *err)
{
    struct termbase_result *r = xcalloc(1, sizeof(*r));

    dd_error_clear(err);
    if (load_concept(tb, r, id, MODEL_MATCH_NONE, NULL, 0, err)) {
        termbase_result_free(r);
        return NULL;
    }
    return r;
}

int termbase_has_foreign_forms(struct termbase *tb, struct dd_error *err)
{
    assert(tb && err);
    sqlite3_stmt *st = NULL;
    int rc;

    dd_error_clear(err);
    if (sqlite3_prepare_v2(tb->db,
                           "SELECT EXISTS (SELECT 1 FROM form f JOIN concept c ON c.id = f.concept"
                           " WHERE f.type IN ('loanword', 'english', 'abbrev')"
                           " AND c.status <> 'rejected' AND c.ko <> '')",
                           -1, &st, NULL) != SQLITE_OK) {
        termbase__prepare_fail(tb, err);
        return -1;
    }
    rc = sqlite3_step(st);
    if (rc != SQLITE_ROW) {
        sqlite3_finalize(st);
        termbase__fail(tb, err, "cannot read the termbase");
        return -1;
    }
    rc = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return rc != 0;
}
