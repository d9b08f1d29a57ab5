/*
 * schema.c - the termbase schema and its forward migrations.
 *
 * The schema is the sum of the steps below, applied in order: step v takes
 * a database from version v-1 to v. PRAGMA user_version records the version
 * reached; a fresh file runs every step. Each step runs in its own
 * IMMEDIATE transaction that also bumps user_version, so a crash mid-way
 * leaves the last complete version, and two processes opening an old file
 * at once migrate it once (the second re-reads the version under the lock).
 * A new file gets every step in one transaction. A step is SQL plus an optional C function for work
 * SQL cannot express (the fuzzy index needs the jamo-aware variant hashes from termbase.c).
 *
 * Never edit a released step: add a new one and bump
 * TERMBASE_SCHEMA_VERSION. docs/termbase.md shows the resulting schema.
 */
#include <string.h>

#include "termbase/termbase_int.h"
#include "util/banned.h"

/* Version 1: documents, concepts, forms with their keys, evidence. */
static const char step1_sql[] =
    "PRAGMA application_id = 1684104293;\n" /* TERMBASE_APP_ID, "dade" */
    "CREATE TABLE document(\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  path TEXT NOT NULL UNIQUE,\n" /* as given to ingest */
    "  hash TEXT NOT NULL,\n"        /* fnv1a64:<16 hex> of the bytes */
    "  bytes INTEGER NOT NULL DEFAULT 0\n"
    ");\n"
    "CREATE TABLE concept(\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  key TEXT NOT NULL UNIQUE,\n"      /* stem key of the Korean term */
    "  ko TEXT NOT NULL,\n"              /* preferred written form */
    "  kind TEXT NOT NULL DEFAULT '',\n" /* type of the most frequent gloss */
    "  status TEXT NOT NULL DEFAULT 'candidate'\n"
    "    CHECK (status IN ('candidate', 'approved', 'rejected')),\n"
    "  note TEXT,\n"
    "  count INTEGER NOT NULL DEFAULT 0\n" /* occurrences of the Korean forms */
    ");\n"
    "CREATE TABLE form(\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  concept INTEGER NOT NULL REFERENCES concept(id),\n"
    "  type TEXT NOT NULL,\n"              /* ko, loanword, english, abbrev, native, shortform */
    "  text TEXT NOT NULL,\n"              /* as written */
    "  key TEXT NOT NULL,\n"               /* text_key(text, 0) */
    "  stem TEXT NOT NULL,\n"              /* text_key(text, 1) */
    "  user INTEGER NOT NULL DEFAULT 0,\n" /* added by `dadeum set` */
    "  UNIQUE (concept, type, text)\n"
    ");\n"
    "CREATE INDEX form_key ON form(key);\n"
    "CREATE INDEX form_stem ON form(stem);\n"
    "CREATE TABLE evidence(\n"
    "  form INTEGER NOT NULL REFERENCES form(id),\n"
    "  doc INTEGER NOT NULL REFERENCES document(id),\n"
    "  line INTEGER NOT NULL,\n"  /* first line in the document */
    "  count INTEGER NOT NULL,\n" /* occurrences in the document */
    "  reversed INTEGER NOT NULL DEFAULT 0,\n"
    "  context TEXT,\n" /* the first line's text */
    "  PRIMARY KEY (form, doc)\n"
    ") WITHOUT ROWID;\n"
    "CREATE INDEX evidence_doc ON evidence(doc);\n";

/* Version 2: substring (FTS5 trigram) and fuzzy (jamo variant hash) indexes. */
static const char step2_sql[] =
    "CREATE VIRTUAL TABLE form_fts USING fts5(key, content='form', content_rowid='id',\n"
    "  tokenize='trigram');\n"
    "INSERT INTO form_fts(form_fts) VALUES('rebuild');\n"
    "CREATE TRIGGER form_fts_ai AFTER INSERT ON form BEGIN\n"
    "  INSERT INTO form_fts(rowid, key) VALUES (new.id, new.key);\n"
    "END;\n"
    "CREATE TRIGGER form_fts_ad AFTER DELETE ON form BEGIN\n"
    "  INSERT INTO form_fts(form_fts, rowid, key) VALUES ('delete', old.id, old.key);\n"
    "END;\n"
    "CREATE TABLE fuzzy(\n"
    "  h INTEGER NOT NULL,\n" /* 31-bit hash of a key variant */
    "  form INTEGER NOT NULL,\n"
    "  PRIMARY KEY (h, form)\n"
    ") WITHOUT ROWID;\n";

/*
 * Version 3 (issue #17): TBX data categories the model has no field for,
 * kept from imports (struct model_datcat). Self-contained: a table, two
 * indexes, and triggers that drop a form's or a concept's rows with it
 * (ingest garbage-collects forms; the indexes keep that cheap).
 */
static const char step3_sql[] =
    "CREATE TABLE datcat(\n"
    "  id INTEGER PRIMARY KEY,\n" /* file order */
    "  concept INTEGER NOT NULL REFERENCES concept(id),\n"
    "  form INTEGER REFERENCES form(id),\n"  /* term level: its form; else NULL */
    "  level INTEGER NOT NULL,\n"            /* 0 entry, 1 language section, 2 term */
    "  side INTEGER NOT NULL DEFAULT 0,\n"   /* 0 Korean, 1 the other language */
    "  grp TEXT,\n"                          /* descripGrp, adminGrp, transacGrp */
    "  grp_no INTEGER NOT NULL DEFAULT 0,\n" /* which group of the entry */
    "  element TEXT NOT NULL,\n"             /* descrip, termNote, admin, note, ... */
    "  type TEXT,\n"                         /* its type attribute */
    "  ref TEXT,\n"                          /* its target attribute */
    "  value TEXT NOT NULL\n"
    ");\n"
    "CREATE INDEX datcat_concept ON datcat(concept);\n"
    "CREATE INDEX datcat_form ON datcat(form);\n"
    "CREATE TRIGGER datcat_form_ad AFTER DELETE ON form BEGIN\n"
    "  DELETE FROM datcat WHERE form = old.id;\n"
    "END;\n"
    "CREATE TRIGGER datcat_concept_ad AFTER DELETE ON concept BEGIN\n"
    "  DELETE FROM datcat WHERE concept = old.id;\n"
    "END;\n";

/* Fills the fuzzy index for the forms that exist when version 2 is created. */
static enum termbase_status step2_fill(struct termbase *tb, struct dd_error *err)
{
    sqlite3_stmt *st = NULL;
    enum termbase_status ret = TERMBASE_OK;
    int rc;

    if (sqlite3_prepare_v2(tb->db, "SELECT id, key FROM form", -1, &st, NULL) != SQLITE_OK)
        return termbase__fail(tb, err, "cannot read the forms of");
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *key = (const char *)sqlite3_column_text(st, 1);
        ret = termbase__fuzzy_index(tb, sqlite3_column_int64(st, 0), key ? key : "", 1, err);
        if (ret)
            goto cleanup;
    }
    if (rc != SQLITE_DONE)
        ret = termbase__fail(tb, err, "cannot read the forms of");
cleanup:
    sqlite3_finalize(st);
    return ret;
}

/*
 * Version 4: where each form comes from, for the export gate (confidence.c).
 * evidence.source/score: per document, what gave the form there and how
 * sure it was; form.source/score: forms added by `dadeum set` ('user') or by
 * import ('import', with the file's confidence). Rows of older versions get
 * NULL, an unknown source, which the gate leaves out; forms vouched for by
 * hand become 'user'. Stored documents get a changed hash, so that the next
 * `dadeum ingest` of an unchanged file extracts it again and records the
 * sources (stand-in documents of import keep theirs).
 */
static const char step4_sql[] =
    "ALTER TABLE evidence ADD COLUMN source TEXT;\n" /* MODEL_SOURCE_*, NULL: unknown */
    "ALTER TABLE evidence ADD COLUMN score REAL;\n"  /* the source's score in [0,1] */
    "ALTER TABLE form ADD COLUMN source TEXT;\n"     /* 'user', 'import', or NULL */
    "ALTER TABLE form ADD COLUMN score REAL;\n"
    "UPDATE form SET source = 'user' WHERE user = 1;\n"
    "UPDATE document SET hash = 'v2:' || hash WHERE hash <> 'import';\n";

/*
 * Version 5 (issue #19): where in a document that is not plain text the
 * first line is, as its reader names it ("§12": a paragraph of an HWP,
 * HWPX, DOCX or web page; "p3:14": page 3, line 14 of a PDF), so that
 * lookup, review and export show "file.hwp:§12" rather than a paragraph
 * count that reads as a line number. NULL for text files (line is the
 * position) and for rows of older versions until their document is
 * ingested again: as in version 4, stored documents get a changed hash so
 * that the next `dadeum ingest` of an unchanged file reads it again (the
 * schema cannot tell a text file from a document; reading a text file
 * again gives the same rows).
 */
static const char step5_sql[] =
    "ALTER TABLE evidence ADD COLUMN pos TEXT;\n"
    "UPDATE document SET hash = 'v5:' || hash WHERE hash <> 'import';\n";

struct migration {
    const char *sql;                                                  /* DDL and data */
    enum termbase_status (*fn)(struct termbase *, struct dd_error *); /* or NULL */
};

/* steps[v - 1] takes version v - 1 to v. */
static const struct migration steps[TERMBASE_SCHEMA_VERSION] = {
    {step1_sql, NULL}, {step2_sql, step2_fill}, {step3_sql, NULL},
    {step4_sql, NULL}, {step5_sql, NULL},
};

const char *termbase__schema_sql(int v)
{
    return v >= 1 && v <= TERMBASE_SCHEMA_VERSION ? steps[v - 1].sql : NULL;
}

static int read_int_pragma(struct termbase *tb, const char *sql, int *out)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(tb->db, sql, -1, &st, NULL);
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(st);
        if (rc == SQLITE_ROW) {
            *out = sqlite3_column_int(st, 0);
            rc = SQLITE_OK;
        }
    }
    sqlite3_finalize(st);
    return rc;
}

static enum termbase_status open_fail(struct termbase *tb, struct dd_error *err, int rc,
                                      const char *what)
{
    if ((rc & 0xff) == SQLITE_NOTADB)
        return termbase__error(err, TERMBASE_ENOTDB, "'%s': not a termbase (%s)", tb->path,
                               sqlite3_errstr(rc));
    if ((rc & 0xff) == SQLITE_CORRUPT)
        return termbase__error(err, TERMBASE_ENOTDB, "'%s': damaged termbase (%s)", tb->path,
                               sqlite3_errstr(rc));
    return termbase__fail(tb, err, what);
}

/*
 * The named objects each version adds (tables, indexes, triggers, and the
 * FTS5 shadow tables). A file that claims a version but lacks one of them
 * was damaged by hand or by a tool; saying so at open beats a "no such
 * table" from whichever statement meets the gap first.
 */
static const char *const objects[TERMBASE_SCHEMA_VERSION][9] = {
    {"document", "concept", "form", "form_key", "form_stem", "evidence", "evidence_doc", NULL},
    {"form_fts", "form_fts_data", "form_fts_idx", "form_fts_docsize", "form_fts_config",
     "form_fts_ai", "form_fts_ad", "fuzzy", NULL},
    {"datcat", "datcat_concept", "datcat_form", "datcat_form_ad", "datcat_concept_ad", NULL},
    {NULL}, /* version 4 adds columns only */
    {NULL}, /* and so does version 5 */
};

/*
 * Counts into n[v - 1] the rows of sqlite_schema named as objects of
 * version v (v = 1..TERMBASE_SCHEMA_VERSION), and all rows into *ntables.
 * The names are compared here rather than in SQL: a statement of three
 * "count(*) ... WHERE name IN (...)" subqueries cost a lookup process
 * 0.19 ms to compile and run, a bare scan of the 30-odd rows 0.01 ms.
 */
static int count_objects(struct termbase *tb, int *ntables, int n[TERMBASE_SCHEMA_VERSION])
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(tb->db, "SELECT name FROM sqlite_schema", -1, &st, NULL);
    while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *name = (const char *)sqlite3_column_text(st, 0);
        rc = SQLITE_OK;
        ++*ntables;
        for (int v = 0; name && v < TERMBASE_SCHEMA_VERSION; v++)
            for (int i = 0; objects[v][i]; i++)
                if (!strcmp(name, objects[v][i]))
                    n[v]++;
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static int nobjects(int v)
{
    int n = 0;
    while (objects[v - 1][n])
        n++;
    return n;
}

/* Names the first object of versions 1..version that is missing. */
static enum termbase_status missing_object(struct termbase *tb, int version, struct dd_error *err)
{
    sqlite3_stmt *st = NULL;
    const char *gone = NULL;

    if (sqlite3_prepare_v2(tb->db, "SELECT 1 FROM sqlite_schema WHERE name = ?1", -1, &st, NULL) !=
        SQLITE_OK)
        return termbase__fail(tb, err, "cannot read the schema of");
    for (int v = 1; v <= version && !gone; v++)
        for (int i = 0; objects[v - 1][i] && !gone; i++) {
            sqlite3_reset(st);
            sqlite3_bind_text(st, 1, objects[v - 1][i], -1, SQLITE_STATIC);
            if (sqlite3_step(st) != SQLITE_ROW)
                gone = objects[v - 1][i];
        }
    sqlite3_finalize(st);
    return termbase__error(err, TERMBASE_ENOTDB,
                           "'%s': damaged termbase (schema version %d, but '%s' is missing)",
                           tb->path, version, gone ? gone : "?");
}

/*
 * Runs steps from..to in one IMMEDIATE transaction, skipping those another
 * process ran meanwhile (the version is read again under the lock).
 */
static enum termbase_status migrate_steps(struct termbase *tb, int from, int to,
                                          struct dd_error *err)
{
    enum termbase_status ret;
    struct strbuf sql = STRBUF_INIT;
    int now = -1, rc;

    ret = termbase__exec(tb, "BEGIN IMMEDIATE", err);
    if (ret)
        return ret;
    rc = read_int_pragma(tb, "PRAGMA user_version", &now);
    if (rc != SQLITE_OK) {
        ret = open_fail(tb, err, rc, "cannot read the schema version of");
        goto cleanup;
    }
    if (now >= to)
        goto cleanup; /* done by someone else meanwhile */
    for (int v = now + 1 > from ? now + 1 : from; v <= to && !ret; v++) {
        ret = termbase__exec(tb, steps[v - 1].sql, err);
        if (!ret && steps[v - 1].fn)
            ret = steps[v - 1].fn(tb, err);
    }
    if (ret)
        goto cleanup;
    strbuf_addf(&sql, "PRAGMA user_version = %d", to);
    ret = termbase__exec(tb, sql.buf, err);
cleanup:
    if (ret)
        sqlite3_exec(tb->db, "ROLLBACK", NULL, NULL, NULL);
    else
        ret = termbase__exec(tb, "COMMIT", err);
    if (ret)
        sqlite3_exec(tb->db, "ROLLBACK", NULL, NULL, NULL);
    strbuf_release(&sql);
    return ret;
}

/*
 * Switches a new file to WAL. That needs an exclusive lock, for which
 * SQLite may answer busy at once without asking the busy handler (when
 * two processes fill in one empty file): so retry for TERMBASE_BUSY_MS.
 */
static enum termbase_status set_wal(struct termbase *tb, struct dd_error *err)
{
    int64_t start = termbase__now_ms();
    int rc;

    while ((rc = sqlite3_exec(tb->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL)) !=
               SQLITE_OK &&
           (rc & 0xff) == SQLITE_BUSY && termbase__now_ms() - start < TERMBASE_BUSY_MS)
        sqlite3_sleep(2);
    return rc == SQLITE_OK ? TERMBASE_OK : termbase__fail(tb, err, "cannot update the termbase");
}

enum termbase_status termbase__migrate(struct termbase *tb, struct dd_error *err)
{
    int version = 0, appid = 0, ntables = 0, n[TERMBASE_SCHEMA_VERSION] = {0}, damaged, rc;
    enum termbase_status ret;

    /* this runs on every open, lookups included: three statements that
     * compile in microseconds (the pragmas read the file header) */
    rc = read_int_pragma(tb, "PRAGMA user_version", &version);
    if (rc == SQLITE_OK)
        rc = read_int_pragma(tb, "PRAGMA application_id", &appid);
    if (rc == SQLITE_OK)
        rc = count_objects(tb, &ntables, n);
    if (rc != SQLITE_OK)
        return open_fail(tb, err, rc, "cannot read the schema version of");
    if (ntables && appid != TERMBASE_APP_ID)
        return termbase__error(err, TERMBASE_ENOTDB,
                               "'%s': not a termbase (an SQLite database, but not dadeum's)",
                               tb->path);
    if (version > TERMBASE_SCHEMA_VERSION)
        return termbase__error(err, TERMBASE_EVERSION,
                               "'%s': schema version %d is newer than this dadeum's %d", tb->path,
                               version, TERMBASE_SCHEMA_VERSION);
    damaged = ntables && version == 0;
    for (int v = 1; v <= TERMBASE_SCHEMA_VERSION && v <= version; v++)
        damaged |= n[v - 1] != nobjects(v);
    if (damaged)
        return version ? missing_object(tb, version, err)
                       : termbase__error(err, TERMBASE_ENOTDB,
                                         "'%s': damaged termbase (tables, but no schema version)",
                                         tb->path);
    if (!ntables && (tb->flags & TERMBASE_READONLY))
        return termbase__error(err, TERMBASE_EOPEN,
                               "cannot open '%s': an empty file, not a termbase (run 'dadeum "
                               "ingest')",
                               tb->path);
    if (version < TERMBASE_SCHEMA_VERSION && (tb->flags & TERMBASE_READONLY))
        return termbase__error(err, TERMBASE_EVERSION,
                               "'%s': schema version %d needs migrating to %d (open it for "
                               "writing)",
                               tb->path, version, TERMBASE_SCHEMA_VERSION);
    if (!ntables) {
        /* a new file: WAL must be chosen outside a transaction; then one
         * transaction makes the whole schema */
        if ((ret = set_wal(tb, err)) || (ret = migrate_steps(tb, 1, TERMBASE_SCHEMA_VERSION, err)))
            return ret;
    }
    for (int v = version + 1; v <= TERMBASE_SCHEMA_VERSION && ntables; v++) {
        ret = migrate_steps(tb, v, v, err);
        if (ret)
            return ret;
    }
    tb->version = TERMBASE_SCHEMA_VERSION;
    return TERMBASE_OK;
}
