/*
 * test_termbase.c - unit tests for src/termbase: keys, ingest (idempotent,
 * replacing, order-free), every lookup tier, review decisions, migration
 * from a version-1 file built here, and bad files and queries.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "termbase/termbase.h"
#include "util/strbuf.h"
#include "util/banned.h"

/* ---- helpers ----------------------------------------------------------------------- */

struct tpair {
    const char *ko, *gloss;
    enum model_kind kind;
    unsigned long line;
    unsigned count;
};

static const struct tpair doc_a[] = {
    {"인터넷 기반 자원 공유", "클라우드", MODEL_KIND_LOANWORD, 3, 5},
    {"인공지능", "AI", MODEL_KIND_ABBREV, 4, 2},
    {"최고 경영자", "CEO", MODEL_KIND_ABBREV, 7, 1},
    {NULL, NULL, 0, 0, 0}};
static const struct tpair doc_b[] = {
    {"인터넷기반 자원공유", "클라우드", MODEL_KIND_LOANWORD, 1, 1},
    {"인공지능 안전연구소", "AI Safety Institute", MODEL_KIND_ENGLISH, 2, 1},
    {"미스트랄", "Mistral", MODEL_KIND_ENGLISH, 9, 1},
    {NULL, NULL, 0, 0, 0}};
static const struct tpair doc_b2[] = {{"미스트랄", "Mistral", MODEL_KIND_ENGLISH, 9, 3},
                                      {NULL, NULL, 0, 0, 0}};

static enum termbase_status store(struct termbase *tb, const char *path, const char *hash,
                                  const struct tpair *pairs, int *unchanged)
{
    struct dd_error err;
    enum termbase_status st = termbase_doc_begin(tb, path, hash, 100, unchanged, &err);
    if (st || *unchanged)
        return st;
    for (; pairs->ko; pairs++) {
        struct model_pair p;
        memset(&p, 0, sizeof(p));
        p.ko = pairs->ko;
        p.gloss = pairs->gloss;
        p.kind = pairs->kind;
        p.line = pairs->line;
        p.count = pairs->count;
        p.context = "문맥 문장";
        if ((st = termbase_doc_add(tb, &p, &err)))
            return st;
    }
    return termbase_doc_commit(tb, &err);
}

static struct termbase *mem(void)
{
    struct dd_error err;
    struct termbase *tb = termbase_open(NULL, TERMBASE_MEMORY, &err);
    OK(tb != NULL, "open :memory: failed: %s", err.message);
    return tb;
}

static char *dump(struct termbase *tb)
{
    struct dd_error err;
    char *buf = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&buf, &len);
    termbase_dump(tb, fp, &err);
    fclose(fp);
    return buf;
}

/* ko of the first lookup result and its match, or "" */
static const char *first(struct termbase *tb, const char *q, unsigned flags, enum model_match *m)
{
    static char out[256];
    struct dd_error err;
    struct termbase_result *r = termbase_lookup(tb, q, flags, 10, &err);
    out[0] = '\0';
    *m = MODEL_MATCH_NONE;
    if (r && termbase_result_count(r)) {
        const struct model_concept *c = termbase_result_get(r, 0);
        snprintf(out, sizeof(out), "%s", c->ko);
        *m = c->match;
    }
    termbase_result_free(r);
    return out;
}

/* ---- tests ------------------------------------------------------------------------- */

static void test_keys(void)
{
    struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;
    text_key("인공지능 안전연구소", strlen("인공지능 안전연구소"), 0, &a);
    text_key("인공지능안전연구소", strlen("인공지능안전연구소"), 0, &b);
    STR_EQ(a.buf, b.buf, "spacing variants share a key");
    strbuf_reset(&a);
    text_key("클라우드를", strlen("클라우드를"), 1, &a);
    STR_EQ(a.buf, "클라우드", "particle stripped in the stem key");
    strbuf_reset(&a);
    text_key("클라우드를", strlen("클라우드를"), 0, &a);
    STR_EQ(a.buf, "클라우드를", "but not in the plain key");
    strbuf_reset(&a);
    text_key("AI Safety Institute", strlen("AI Safety Institute"), 1, &a);
    STR_EQ(a.buf, "aisafetyinstitute", "Latin lower-cased, spaces removed");
    strbuf_reset(&a);
    text_key("분과", strlen("분과"), 1, &a);
    STR_EQ(a.buf, "분과", "a noun ending like a particle is kept");
    strbuf_release(&a);
    strbuf_release(&b);
}

static void test_ingest_and_lookup(void)
{
    struct termbase *tb = mem();
    enum model_match m;
    int unchanged = 0;

    if (!tb)
        return;
    INT_EQ(store(tb, "a.txt", "h1", doc_a, &unchanged), TERMBASE_OK, "store a");
    INT_EQ(store(tb, "b.txt", "h2", doc_b, &unchanged), TERMBASE_OK, "store b");
    STR_EQ(first(tb, "클라우드", 0, &m), "인터넷 기반 자원 공유", "by loanword");
    INT_EQ(m, MODEL_MATCH_EXACT, "exact");
    STR_EQ(first(tb, "인터넷기반 자원공유", 0, &m), "인터넷 기반 자원 공유",
           "spacing variant is the same concept, preferred form by count");
    STR_EQ(first(tb, "클라우드를", 0, &m), "인터넷 기반 자원 공유", "particle variant");
    INT_EQ(m, MODEL_MATCH_VARIANT, "variant");
    STR_EQ(first(tb, "ceo", 0, &m), "최고 경영자", "English case-insensitive");
    STR_EQ(first(tb, "ai safety INSTITUTE", 0, &m), "인공지능 안전연구소", "English words");
    STR_EQ(first(tb, "미스트", 0, &m), "미스트랄", "prefix");
    INT_EQ(m, MODEL_MATCH_PREFIX, "prefix match");
    STR_EQ(first(tb, "안전연구", 0, &m), "인공지능 안전연구소", "substring (trigram)");
    INT_EQ(m, MODEL_MATCH_SUBSTRING, "substring match");
    STR_EQ(first(tb, "경영", 0, &m), "최고 경영자", "two-character substring");
    STR_EQ(first(tb, "클라우디", 0, &m), "인터넷 기반 자원 공유", "fuzzy");
    INT_EQ(m, MODEL_MATCH_FUZZY, "fuzzy match");
    STR_EQ(first(tb, "미스트랑", 0, &m), "미스트랄", "fuzzy on a final consonant");
    STR_EQ(first(tb, "클라우디", TERMBASE_LOOKUP_EXACT, &m), "", "--exact has no fuzzy");
    STR_EQ(first(tb, "없는말", 0, &m), "", "not found");
    {
        struct dd_error err;
        INT_EQ(termbase_check(tb, &err), TERMBASE_OK, "check: %s", err.message);
    }
    termbase_free(tb);
}

static void test_idempotent_and_replace(void)
{
    struct termbase *tb = mem();
    struct dd_error err;
    enum model_match m;
    int unchanged = 0;
    char *d1, *d2;

    if (!tb)
        return;
    store(tb, "a.txt", "h1", doc_a, &unchanged);
    store(tb, "b.txt", "h2", doc_b, &unchanged);
    d1 = dump(tb);
    INT_EQ(store(tb, "b.txt", "h2", doc_b, &unchanged), TERMBASE_OK, "again");
    INT_EQ(unchanged, 1, "same hash is unchanged");
    d2 = dump(tb);
    STR_EQ(d2, d1, "nothing changed");
    free(d2);
    INT_EQ(termbase_doc_is_current(tb, "b.txt", "h2", &err), 1, "current");
    INT_EQ(termbase_doc_is_current(tb, "b.txt", "h3", &err), 0, "not current");
    /* b changes: only 미스트랄 remains */
    INT_EQ(store(tb, "b.txt", "h3", doc_b2, &unchanged), TERMBASE_OK, "replace");
    INT_EQ(unchanged, 0, "changed");
    STR_EQ(first(tb, "AI Safety Institute", 0, &m), "", "old evidence gone with its concept");
    STR_EQ(first(tb, "인터넷기반 자원공유", TERMBASE_LOOKUP_EXACT, &m), "인터넷 기반 자원 공유",
           "the other document's concept stays");
    INT_EQ(termbase_check(tb, &err), TERMBASE_OK, "check: %s", err.message);
    free(d1);
    termbase_free(tb);
}

static void test_order_free(void)
{
    struct termbase *x = mem(), *y = mem();
    int u;
    char *dx, *dy;

    if (!x || !y)
        return;
    store(x, "a.txt", "h1", doc_a, &u);
    store(x, "b.txt", "h2", doc_b, &u);
    store(y, "b.txt", "h2", doc_b, &u);
    store(y, "a.txt", "h1", doc_a, &u);
    dx = dump(x);
    dy = dump(y);
    STR_EQ(dx, dy, "ingest order does not show in the dump");
    OK(strstr(dx, "concept\t인터넷기반자원공유\t인터넷 기반 자원 공유") != NULL,
       "preferred form by count: %s", dx);
    free(dx);
    free(dy);
    termbase_free(x);
    termbase_free(y);
}

static void test_review(void)
{
    struct termbase *tb = mem();
    struct dd_error err;
    struct termbase_edit e = {MODEL_APPROVED, "Cloud", "CLD", "checked"};
    struct termbase_result *r;
    enum model_match m;
    int u;
    int64_t id;

    if (!tb)
        return;
    store(tb, "a.txt", "h1", doc_a, &u);
    r = termbase_lookup(tb, "클라우드", 0, 1, &err);
    OK(r && termbase_result_count(r) == 1, "found");
    if (!r || !termbase_result_count(r))
        return;
    id = termbase_result_get(r, 0)->id;
    termbase_result_free(r);
    INT_EQ(termbase_edit(tb, id, &e, &err), TERMBASE_OK, "edit: %s", err.message);
    INT_EQ(termbase_edit(tb, 99999, &e, &err), TERMBASE_ENOTFOUND, "no such id");
    /* the document disappears: decisions keep the concept and its forms */
    store(tb, "a.txt", "h9", doc_b2, &u);
    STR_EQ(first(tb, "cld", 0, &m), "인터넷 기반 자원 공유", "user abbreviation");
    STR_EQ(first(tb, "클라우드", 0, &m), "인터넷 기반 자원 공유", "kept after re-ingest");
    r = termbase_get(tb, id, &err);
    OK(r != NULL, "get");
    if (r) {
        const struct model_concept *c = termbase_result_get(r, 0);
        INT_EQ(c->status, MODEL_APPROVED, "status kept");
        STR_EQ(c->note, "checked", "note kept");
    }
    termbase_result_free(r);
    r = termbase_list(tb, MODEL_APPROVED, 0, &err);
    INT_EQ(termbase_result_count(r), 1, "one approved");
    termbase_result_free(r);
    termbase_free(tb);
}

static void test_bad_queries(void)
{
    struct termbase *tb = mem();
    struct dd_error err;
    struct strbuf huge = STRBUF_INIT;

    if (!tb)
        return;
    OK(!termbase_lookup(tb, "", 0, 10, &err) && err.detail == TERMBASE_EINPUT, "empty");
    INT_EQ(err.code, DD_EUSAGE, "an invalid query is a usage error");
    OK(!termbase_lookup(tb, "   ", 0, 10, &err) && err.detail == TERMBASE_EINPUT, "spaces only");
    OK(!termbase_lookup(tb, "\xed\xa0\x80", 0, 10, &err) && err.detail == TERMBASE_EINPUT,
       "surrogate is invalid UTF-8");
    OK(!termbase_lookup(tb, "클\xff", 0, 10, &err) && err.detail == TERMBASE_EINPUT, "bad byte");
    for (int i = 0; i < 400; i++)
        strbuf_addstr(&huge, "가");
    OK(!termbase_lookup(tb, huge.buf, 0, 10, &err) && err.detail == TERMBASE_EINPUT, "huge");
    strbuf_release(&huge);
    termbase_free(tb);
}

/* The version-1 schema as released, built by hand: migration must carry it forward. */
static const char v1_sql[] =
    "PRAGMA application_id = 1684104293;"
    "CREATE TABLE document(id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE,"
    " hash TEXT NOT NULL, bytes INTEGER NOT NULL DEFAULT 0);"
    "CREATE TABLE concept(id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, ko TEXT NOT NULL,"
    " kind TEXT NOT NULL DEFAULT '', status TEXT NOT NULL DEFAULT 'candidate'"
    " CHECK (status IN ('candidate', 'approved', 'rejected')), note TEXT,"
    " count INTEGER NOT NULL DEFAULT 0);"
    "CREATE TABLE form(id INTEGER PRIMARY KEY, concept INTEGER NOT NULL REFERENCES concept(id),"
    " type TEXT NOT NULL, text TEXT NOT NULL, key TEXT NOT NULL, stem TEXT NOT NULL,"
    " user INTEGER NOT NULL DEFAULT 0, UNIQUE (concept, type, text));"
    "CREATE INDEX form_key ON form(key); CREATE INDEX form_stem ON form(stem);"
    "CREATE TABLE evidence(form INTEGER NOT NULL REFERENCES form(id),"
    " doc INTEGER NOT NULL REFERENCES document(id), line INTEGER NOT NULL,"
    " count INTEGER NOT NULL, reversed INTEGER NOT NULL DEFAULT 0, context TEXT,"
    " PRIMARY KEY (form, doc)) WITHOUT ROWID;"
    "CREATE INDEX evidence_doc ON evidence(doc);"
    "INSERT INTO document VALUES (1, 'old.txt', 'fnv1a64:0000000000000001', 10);"
    "INSERT INTO concept VALUES (1, '클라우드', '클라우드', 'english', 'approved', 'v1 note', 4);"
    "INSERT INTO form VALUES (1, 1, 'ko', '클라우드', '클라우드', '클라우드', 0);"
    "INSERT INTO form VALUES (2, 1, 'english', 'cloud', 'cloud', 'cloud', 0);"
    "INSERT INTO evidence VALUES (1, 1, 3, 4, 0, '클라우드(cloud) 문장');"
    "PRAGMA user_version = 1;";

static void test_migrate_v1(void)
{
    char path[] = "/tmp/dadeum-test-v1.XXXXXX";
    int fd = mkstemp(path);
    sqlite3 *db = NULL;
    struct termbase *tb;
    struct dd_error err;
    enum model_match m;

    OK(fd >= 0, "mkstemp");
    if (fd < 0)
        return;
    close(fd);
    OK(sqlite3_open(path, &db) == SQLITE_OK, "sqlite open");
    OK(sqlite3_exec(db, v1_sql, NULL, NULL, NULL) == SQLITE_OK, "v1: %s", sqlite3_errmsg(db));
    sqlite3_close(db);

    tb = termbase_open(path, TERMBASE_READONLY, &err);
    OK(!tb && err.detail == TERMBASE_EVERSION, "read-only open refuses to migrate");
    termbase_free(tb);
    tb = termbase_open(path, 0, &err);
    OK(tb != NULL, "open migrates: %s", err.message);
    if (tb) {
        INT_EQ(termbase_get_version(tb), TERMBASE_SCHEMA_VERSION, "version");
        STR_EQ(first(tb, "클라우디", 0, &m), "클라우드", "fuzzy index built by the migration");
        INT_EQ(m, MODEL_MATCH_FUZZY, "fuzzy");
        STR_EQ(first(tb, "라우드", 0, &m), "클라우드", "substring index built");
        STR_EQ(first(tb, "CLOUD", 0, &m), "클라우드", "old forms kept");
        INT_EQ(termbase_check(tb, &err), TERMBASE_OK, "check: %s", err.message);
        termbase_free(tb);
    }
    /* reopening does nothing more */
    tb = termbase_open(path, TERMBASE_READONLY, &err);
    OK(tb != NULL, "now current: %s", err.message);
    termbase_free(tb);
    /* version 5: evidence.pos, NULL for old rows; the document is read again by the next ingest */
    OK(sqlite3_open(path, &db) == SQLITE_OK, "sqlite reopen");
    {
        sqlite3_stmt *st = NULL;
        OK(sqlite3_prepare_v2(db,
                              "SELECT (SELECT count(*) FROM evidence WHERE pos IS NULL),"
                              " (SELECT hash FROM document WHERE id = 1)",
                              -1, &st, NULL) == SQLITE_OK,
           "evidence.pos exists: %s", sqlite3_errmsg(db));
        if (st && sqlite3_step(st) == SQLITE_ROW) {
            INT_EQ(sqlite3_column_int(st, 0), 1, "the old row has no position label");
            STR_EQ((const char *)sqlite3_column_text(st, 1), "v5:v2:fnv1a64:0000000000000001",
                   "the document's hash changed by versions 4 and 5");
        }
        sqlite3_finalize(st);
    }
    sqlite3_close(db);
    unlink(path);
    {
        struct strbuf s = STRBUF_INIT;
        strbuf_addf(&s, "%s-wal", path);
        unlink(s.buf);
        strbuf_reset(&s);
        strbuf_addf(&s, "%s-shm", path);
        unlink(s.buf);
        strbuf_release(&s);
    }
}

static void test_bad_files(void)
{
    char path[] = "/tmp/dadeum-test-bad.XXXXXX";
    int fd = mkstemp(path);
    struct termbase *tb;
    struct dd_error err;
    sqlite3 *db = NULL;

    OK(fd >= 0, "mkstemp");
    if (fd < 0)
        return;
    OK(write(fd,
             "not a database at all, just text that is long enough to be a header......"
             "................................................................",
             138) == 138,
       "write");
    close(fd);
    tb = termbase_open(path, 0, &err);
    OK(!tb && err.detail == TERMBASE_ENOTDB, "garbage is ENOTDB (%d: %s)", err.code, err.message);
    termbase_free(tb);
    unlink(path);

    OK(sqlite3_open(path, &db) == SQLITE_OK, "sqlite open");
    sqlite3_exec(db, "CREATE TABLE t(x)", NULL, NULL, NULL);
    sqlite3_close(db);
    tb = termbase_open(path, 0, &err);
    OK(!tb && err.detail == TERMBASE_ENOTDB, "foreign SQLite is ENOTDB (%d)", err.code);
    termbase_free(tb);
    unlink(path);

    OK(sqlite3_open(path, &db) == SQLITE_OK, "sqlite open");
    sqlite3_exec(db,
                 "PRAGMA application_id = 1684104293; CREATE TABLE t(x);"
                 "PRAGMA user_version = 99",
                 NULL, NULL, NULL);
    sqlite3_close(db);
    tb = termbase_open(path, 0, &err);
    OK(!tb && err.detail == TERMBASE_EVERSION, "newer schema is EVERSION (%d)", err.code);
    termbase_free(tb);
    unlink(path);

    tb = termbase_open(path, 0, &err);
    OK(!tb && err.detail == TERMBASE_EOPEN, "missing without CREATE");
    tb = termbase_open("/tmp", TERMBASE_CREATE, &err);
    OK(!tb && err.detail == TERMBASE_EOPEN, "a directory");
    tb = termbase_open("/nonexistent-dir/x.db", TERMBASE_CREATE, &err);
    OK(!tb && err.detail == TERMBASE_EOPEN, "no such directory (%d)", err.code);
    tb = termbase_open("", TERMBASE_CREATE, &err);
    OK(!tb && err.detail == TERMBASE_EOPEN, "empty path");
}

/* Sources, calibrated bands and the gate (confidence.c; issue #17). */
static void test_confidence(void)
{
    struct model_form f[3] = {
        {"인공지능", MODEL_FORM_KO, 1, 0, "document", 1, 1, 0},
        {"chum than AI gavel", MODEL_FORM_ENGLISH, 1, 0, "translit", 0.41, 0, 0},
        {"AI", MODEL_FORM_ABBREV, 1, 0, "document", 1, 1, 0}};
    struct model_form buf[3];
    struct model_concept c, kept;

    STR_EQ(model_source_of_evidence("gloss"), "document", "gloss");
    STR_EQ(model_source_of_evidence("corpus"), "document", "corpus");
    STR_EQ(model_source_of_evidence("lexicon"), "lexicon", "lexicon");
    STR_EQ(model_source_of_evidence("lexicon+l10n"), "l10n", "lexicon+l10n");
    STR_EQ(model_source_of_evidence("l10n+translit"), "translit", "any translit part");
    OK(model_source_of_evidence(NULL) == NULL, "NULL: unknown");
    OK(model_source_of_evidence("list (x)") == NULL, "unknown name");
    OK(model_form_confidence(NULL, 1) == 0, "unknown source: 0");
    OK(model_form_confidence("lexicon", 0.8) == 0.95, "lexicon at least 0.95");
    OK(model_form_confidence("user", -1) == 1, "user 1");
    OK(model_form_confidence("import", -1) == 1, "import without a confidence 1");
    OK(model_form_confidence("import", 0.62) == 0.62, "import keeps the file's");
    OK(model_form_confidence("translit", 1.0) >= MODEL_MIN_CONFIDENCE, "translit 1.00 passes");
    OK(model_form_confidence("translit", 0.935) >= MODEL_MIN_CONFIDENCE,
       "translit 0.94 as printed passes");
    OK(model_form_confidence("translit", 0.875) >= MODEL_MIN_CONFIDENCE,
       "translit 0.88 as printed passes");
    OK(model_form_confidence("translit", 0.87) < MODEL_MIN_CONFIDENCE, "0.87 does not");
    OK(model_form_confidence("translit", 1.0) <= 0.96, "no guess is surer than 0.96");
    OK(model_form_confidence("translit", 0.41) == 0.61, "a low band");
    STR_EQ(model_source_of_evidence("parallel"), "parallel", "parallel");
    OK(model_form_confidence("parallel", 0.5) == 0.97, "parallel at least 0.97");
    OK(model_form_confidence("parallel", 0.98) == 0.98, "parallel keeps a higher score");
    OK(model_form_confidence("parallel", -1) > model_form_confidence("translit", 1.0),
       "parallel above the best transliteration band");
    OK(model_form_confidence("parallel", 0.98) < model_form_confidence("document", -1),
       "a confirmation below an English written in the document");

    memset(&c, 0, sizeof(c));
    c.ko = "인공지능";
    c.forms = f;
    c.nforms = 3;
    f[1].confidence = model_form_confidence(f[1].source, f[1].score);
    OK(model_concept_confidence(&c) == 1, "best English-side form: the abbreviation");
    INT_EQ(model_gate_check(&c, MODEL_MIN_CONFIDENCE), MODEL_GATE_PASS, "passes");
    INT_EQ((int)model_concept_strip_weak(&c, MODEL_MIN_CONFIDENCE, &kept, buf), 1,
           "the weak English form is left out");
    INT_EQ((int)kept.nforms, 2, "two forms kept");
    c.nforms = 2;
    OK(model_concept_confidence(&c) == 0.61, "only the guess");
    INT_EQ(model_gate_check(&c, MODEL_MIN_CONFIDENCE), MODEL_GATE_TRANSLIT, "translit");
    INT_EQ(model_gate_check(&c, 0.5), MODEL_GATE_PASS, "a lower bar");
    f[1].source = NULL;
    f[1].confidence = 0;
    INT_EQ(model_gate_check(&c, MODEL_MIN_CONFIDENCE), MODEL_GATE_UNKNOWN, "unknown");
    c.status = MODEL_APPROVED;
    OK(model_concept_confidence(&c) == 1, "approved: 1");
    INT_EQ(model_gate_check(&c, 1), MODEL_GATE_PASS, "approved passes any bar");
    INT_EQ((int)model_concept_strip_weak(&c, 1, &kept, buf), 0, "and keeps every form");
    c.status = MODEL_REJECTED;
    INT_EQ(model_gate_check(&c, 0), MODEL_GATE_REJECTED, "rejected");
    c.status = MODEL_CANDIDATE;
    c.nforms = 1;
    OK(model_concept_confidence(&c) == 1, "only Korean forms: nothing to get wrong");
}

int main(void)
{
    RUN(test_keys);
    RUN(test_ingest_and_lookup);
    RUN(test_idempotent_and_replace);
    RUN(test_order_free);
    RUN(test_review);
    RUN(test_bad_queries);
    RUN(test_migrate_v1);
    RUN(test_bad_files);
    RUN(test_confidence);
    return harness_done();
}
