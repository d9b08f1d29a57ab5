/*
 * termbase_int.h - what the files of src/termbase share (not for other modules).
 *
 * struct termbase holds the connection and a cache of prepared statements,
 * indexed by enum tb_stmt; termbase__stmt prepares one on first use and
 * hands it out reset and unbound. The fuzzy index (table fuzzy) maps 31-bit
 * hashes of key variants to forms; termbase__fuzzy_variants lists them.
 */
#ifndef DADEUM_TERMBASE_TERMBASE_INT_H
#define DADEUM_TERMBASE_TERMBASE_INT_H

#include <sqlite3.h>

#include "termbase/termbase.h"

/* Application id in the database header: "dade" (PRAGMA application_id). */
#define TERMBASE_APP_ID 0x64616465

enum tb_stmt {
    TB_DOC_GET,
    TB_DOC_RENAME,
    TB_DOC_INSERT,
    TB_DOC_UPDATE,
    TB_DOC_TOUCH_OLD,
    TB_DOC_DELETE_EVIDENCE,
    TB_CONCEPT_GET,
    TB_CONCEPT_INSERT,
    TB_TOUCH,
    TB_FORM_GET,
    TB_FORM_INSERT,
    TB_FUZZY_INSERT,
    TB_FUZZY_DELETE,
    TB_EVIDENCE_UPSERT,
    TB_RECOMPUTE,
    TB_GC_FORMS,
    TB_FORM_DELETE,
    TB_GC_CONCEPTS,
    TB_TOUCH_CLEAR,
    TB_LK_KEY,
    TB_LK_STEM,
    TB_LK_PREFIX,
    TB_LK_FTS,
    TB_LK_INSTR,
    TB_LK_FUZZY,
    TB_LK_FORM,
    TB_C_GET,
    TB_C_FORMS,
    TB_C_DATCATS,
    TB_STMT_COUNT
};

struct termbase {
    sqlite3 *db;                       /* the connection */
    char *path;                        /* the path as given, for messages */
    unsigned flags;                    /* enum termbase_open_flags */
    int version;                       /* schema version after migration */
    int writer;                        /* writer_init ran (sync mode, temp table) */
    int in_doc;                        /* a document transaction is open */
    int64_t doc_id;                    /* document.id of the open document */
    sqlite3_stmt *stmt[TB_STMT_COUNT]; /* prepared on first use, NULL before */
    struct strbuf key, stem;           /* scratch for keys */
    int64_t busy_start;                /* ms (monotonic) when the current wait began */
};

/* The statement id, reset and with bindings cleared; NULL with err on failure. */
sqlite3_stmt *termbase__stmt(struct termbase *tb, enum tb_stmt id, struct dd_error *err);

/* Fills err from the connection's last error; returns (enum termbase_status)err->detail. */
enum termbase_status termbase__fail(struct termbase *tb, struct dd_error *err, const char *what);
/*
 * Fills err with code (as err->detail; err->code is its exit class, as a
 * reader's: see termbase__written) and a printf-style message; returns code.
 */
enum termbase_status termbase__error(struct dd_error *err, enum termbase_status code,
                                     const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Milliseconds on a monotonic clock. */
int64_t termbase__now_ms(void);

/*
 * For the functions that write: a termbase that is busy or cannot be
 * written (EBUSY, EIO) is output not written (DD_EOUTPUT); termbase__error
 * classes every failure as a reader's. Returns code.
 */
enum termbase_status termbase__written(struct dd_error *err, enum termbase_status code);
/* After a failed prepare: ENOTDB (the schema was changed: damage) or as termbase__fail. */
enum termbase_status termbase__prepare_fail(struct termbase *tb, struct dd_error *err);

/* Runs one or more SQL statements without results. */
enum termbase_status termbase__exec(struct termbase *tb, const char *sql, struct dd_error *err);

/*
 * Writes the fuzzy-index hashes of key (at most cap, duplicates removed)
 * to out and returns their number; 0 when key is not indexed (no Hangul,
 * fewer than two or more than TB_FUZZY_MAX_CHARS characters).
 */
#define TB_FUZZY_MAX_CHARS 32
#define TB_FUZZY_MAX_VARIANTS (TB_FUZZY_MAX_CHARS + 1)
size_t termbase__fuzzy_variants(const char *key, size_t len, int32_t *out, size_t cap);

/* Adds or removes the fuzzy-index rows of form id with this key. */
enum termbase_status termbase__fuzzy_index(struct termbase *tb, int64_t id, const char *key,
                                           int add, struct dd_error *err);

/* Creates or migrates the schema to TERMBASE_SCHEMA_VERSION (schema.c). */
enum termbase_status termbase__migrate(struct termbase *tb, struct dd_error *err);

/* Text of the schema creation step from version v-1 to v (1-based), for tests and docs. */
const char *termbase__schema_sql(int v);

#endif
