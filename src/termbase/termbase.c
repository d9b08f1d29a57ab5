/*
 * termbase.c - opening a termbase, keys, and storing documents.
 *
 * A document is stored in one IMMEDIATE transaction:
 *
 *   doc_begin   look the path up; same hash -> nothing to do. Otherwise note
 *               the concepts its old evidence touched (temp.touched), delete
 *               that evidence, upsert the document row.
 *   doc_add     per pair: concept by stem key, forms by (concept, type,
 *               text), evidence by (form, document) - counts add up when a
 *               form occurs in several pairs of the document.
 *   doc_commit  recompute each touched concept (preferred form, kind, count)
 *               from its evidence, delete forms and undecided concepts left
 *               without evidence, commit.
 *
 * Every derived value is a pure function of the evidence (ties broken by
 * byte order), which is why ingest order does not matter.
 *
 * Opening (termbase_open) treats the path as a plain file name, builds a
 * new termbase beside it and links it into place whole (create_whole), and
 * opens files we may not write read-only, immutable when SQLite could not
 * read the WAL otherwise (needs_immutable). docs/termbase.md, "Concurrency".
 */
#include <assert.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "termbase/termbase_int.h"
#include "text/korean.h"
#include "text/nfc.h"
#include "util/path.h"
#include "util/utf8.h"
#include "util/xmalloc.h"
#include "util/banned.h"

/* SQL of each enum tb_stmt, in order. */
static const char *const stmt_sql[TB_STMT_COUNT] = {
    [TB_DOC_GET] = "SELECT id, hash FROM document WHERE path = ?1",
    [TB_DOC_RENAME] = "UPDATE document SET path = ?2 WHERE path = ?1"
                      " AND NOT EXISTS (SELECT 1 FROM document WHERE path = ?2)",
    [TB_DOC_INSERT] = "INSERT INTO document(path, hash, bytes) VALUES (?1, ?2, ?3)",
    [TB_DOC_UPDATE] = "UPDATE document SET hash = ?2, bytes = ?3 WHERE id = ?1",
    [TB_DOC_TOUCH_OLD] = "INSERT OR IGNORE INTO temp.touched(id) SELECT DISTINCT f.concept"
                         " FROM evidence e JOIN form f ON f.id = e.form WHERE e.doc = ?1",
    [TB_DOC_DELETE_EVIDENCE] = "DELETE FROM evidence WHERE doc = ?1",
    [TB_CONCEPT_GET] = "SELECT id FROM concept WHERE key = ?1",
    [TB_CONCEPT_INSERT] = "INSERT INTO concept(key, ko) VALUES (?1, ?2)",
    [TB_TOUCH] = "INSERT OR IGNORE INTO temp.touched(id) VALUES (?1)",
    [TB_FORM_GET] = "SELECT id FROM form WHERE concept = ?1 AND type = ?2 AND text = ?3",
    [TB_FORM_INSERT] = "INSERT INTO form(concept, type, text, key, stem, user, source, score)"
                       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, CASE WHEN ?6 THEN 'user' END,"
                       " CASE WHEN ?6 THEN 1.0 END)",
    [TB_FUZZY_INSERT] = "INSERT OR IGNORE INTO fuzzy(h, form) VALUES (?1, ?2)",
    [TB_FUZZY_DELETE] = "DELETE FROM fuzzy WHERE h = ?1 AND form = ?2",
    /* source and score: the best the document gives the form (ties: the first
     * source by name), so that the order of a document's pairs does not matter */
    [TB_EVIDENCE_UPSERT] =
        "INSERT INTO evidence(form, doc, line, count, reversed, context, source, score, pos)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT(form, doc) DO UPDATE SET"
        " count = count + excluded.count,"
        " source = CASE WHEN coalesce(excluded.score, -1) > coalesce(score, -1)"
        "   OR (coalesce(excluded.score, -1) = coalesce(score, -1)"
        "    AND coalesce(excluded.source, '') < coalesce(source, '')) THEN excluded.source"
        "   ELSE source END,"
        " score = nullif(max(coalesce(excluded.score, -1), coalesce(score, -1)), -1),"
        " context = CASE WHEN excluded.line < line THEN excluded.context ELSE context END,"
        " reversed = CASE WHEN excluded.line < line THEN excluded.reversed ELSE reversed END,"
        " line = min(line, excluded.line)",
    [TB_RECOMPUTE] =
        "UPDATE concept SET"
        " count = (SELECT coalesce(sum(e.count), 0) FROM form f JOIN evidence e ON e.form = f.id"
        "   WHERE f.concept = concept.id AND f.type = 'ko'),"
        " ko = coalesce((SELECT f.text FROM form f JOIN evidence e ON e.form = f.id"
        "   WHERE f.concept = concept.id AND f.type = 'ko'"
        "   GROUP BY f.id ORDER BY sum(e.count) DESC, f.text LIMIT 1), ko),"
        " kind = coalesce((SELECT f.type FROM form f JOIN evidence e ON e.form = f.id"
        "   WHERE f.concept = concept.id AND f.type <> 'ko'"
        "   GROUP BY f.id ORDER BY sum(e.count) DESC, f.type, f.text LIMIT 1), kind)"
        " WHERE id IN (SELECT id FROM temp.touched)",
    [TB_GC_FORMS] = "SELECT f.id, f.key FROM form f JOIN concept c ON c.id = f.concept"
                    " WHERE c.id IN (SELECT id FROM temp.touched) AND f.user = 0"
                    " AND c.status = 'candidate' AND c.note IS NULL"
                    " AND NOT EXISTS (SELECT 1 FROM evidence e WHERE e.form = f.id)",
    [TB_FORM_DELETE] = "DELETE FROM form WHERE id = ?1",
    [TB_GC_CONCEPTS] = "DELETE FROM concept WHERE id IN (SELECT id FROM temp.touched)"
                       " AND status = 'candidate' AND note IS NULL"
                       " AND NOT EXISTS (SELECT 1 FROM form f WHERE f.concept = concept.id)",
    [TB_TOUCH_CLEAR] = "DELETE FROM temp.touched",
    [TB_LK_KEY] = "SELECT id, concept, text FROM form WHERE key = ?1",
    [TB_LK_STEM] = "SELECT id, concept, text FROM form WHERE stem = ?1",
    [TB_LK_PREFIX] = "SELECT id, concept, text FROM form WHERE key >= ?1 AND key < ?2"
                     " ORDER BY length(key), key LIMIT ?3",
    [TB_LK_FTS] =
        "SELECT f.id, f.concept, f.text FROM form_fts JOIN form f ON f.id = form_fts.rowid"
        " WHERE form_fts MATCH ?1 ORDER BY length(f.key), f.key LIMIT ?2",
    [TB_LK_INSTR] = "SELECT id, concept, text FROM form WHERE instr(key, ?1) > 0"
                    " ORDER BY length(key), key LIMIT ?2",
    [TB_LK_FUZZY] = "SELECT form FROM fuzzy WHERE h = ?1 LIMIT ?2",
    [TB_LK_FORM] = "SELECT concept, text, key FROM form WHERE id = ?1",
    /* one statement for the concept row, its document count and its example:
     * each statement prepared costs a lookup process as much as running it */
    [TB_C_GET] = "SELECT c.ko, c.kind, c.status, c.note, c.count,"
                 " (SELECT count(DISTINCT e.doc) FROM form f JOIN evidence e ON e.form = f.id"
                 "  WHERE f.concept = c.id),"
                 " x.path, x.line, x.context, x.pos FROM concept c LEFT JOIN"
                 " (SELECT d.path, e.line, e.context, e.pos FROM form f"
                 "  JOIN evidence e ON e.form = f.id"
                 "  JOIN document d ON d.id = e.doc WHERE f.concept = ?1"
                 "  ORDER BY f.type <> 'ko', e.count DESC, d.path, e.line LIMIT 1) x"
                 " WHERE c.id = ?1",
    /* the best source of a form over its documents, as "score source" (scores are
     * written 0.0000..1.0000, so the text order is the score's), and its own */
    [TB_C_FORMS] = "SELECT f.text, f.type, f.user, coalesce(sum(e.count), 0),"
                   " max(CASE WHEN e.score >= 0 AND e.source IS NOT NULL"
                   "  THEN printf('%.4f %s', e.score, e.source) END),"
                   " max(CASE WHEN e.source IS NOT NULL THEN e.source END),"
                   " f.source, f.score FROM form f"
                   " LEFT JOIN evidence e ON e.form = f.id WHERE f.concept = ?1 GROUP BY f.id",
    [TB_C_DATCATS] = "SELECT d.level, d.side, f.type, f.text, d.grp, d.grp_no, d.element, d.type,"
                     " d.ref, d.value FROM datcat d LEFT JOIN form f ON f.id = d.form"
                     " WHERE d.concept = ?1 ORDER BY d.id",
};

/* ---- errors and statements --------------------------------------------------------- */

/* The exit class of a termbase failure where nothing is written: reading is input. */
static enum dd_code read_class(enum termbase_status code)
{
    switch (code) {
    case TERMBASE_OK:
        return DD_OK;
    case TERMBASE_ENOTFOUND:
        return DD_ENEGATIVE;
    case TERMBASE_EINTERNAL:
        return DD_EINTERNAL;
    default:
        return DD_EINPUT;
    }
}

enum termbase_status termbase__error(struct dd_error *err, enum termbase_status code,
                                     const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    dd_error_vset(err, read_class(code), (int)code, fmt, ap);
    va_end(ap);
    return code;
}

enum termbase_status termbase__written(struct dd_error *err, enum termbase_status code)
{
    if (code == TERMBASE_EBUSY || code == TERMBASE_EIO)
        err->code = DD_EOUTPUT;
    return code;
}

enum termbase_status termbase__fail(struct termbase *tb, struct dd_error *err, const char *what)
{
    int rc = sqlite3_extended_errcode(tb->db);
    const char *path = tb->path ? tb->path : "";
    enum termbase_status code;

    switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        code = TERMBASE_EBUSY;
        break;
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
        code = TERMBASE_ENOTDB;
        break;
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
        code = TERMBASE_EIO;
        break;
    default:
        code = TERMBASE_EINTERNAL;
    }
    if ((rc & 0xff) == SQLITE_NOTADB)
        return termbase__error(err, code, "'%s': not a termbase (%s)", path,
                               sqlite3_errmsg(tb->db));
    if (code == TERMBASE_ENOTDB)
        return termbase__error(err, code, "'%s': damaged termbase (%s)", path,
                               sqlite3_errmsg(tb->db));
    if (code == TERMBASE_EIO && sqlite3_system_errno(tb->db)) {
        /* name what the system said (a full disk, EFBIG, EACCES) */
        return termbase__error(err, code, "%s '%s': %s (%s)", what, path, sqlite3_errmsg(tb->db),
                               strerror(sqlite3_system_errno(tb->db)));
    }
    return termbase__error(err, code, "%s '%s': %s", what, path, sqlite3_errmsg(tb->db));
}

enum termbase_status termbase__prepare_fail(struct termbase *tb, struct dd_error *err)
{
    /*
     * Our statements are fixed and tested against our schema, so one that
     * does not compile (no such table or column) means the file's schema was
     * changed behind our back: damage, not a bug.
     */
    if ((sqlite3_extended_errcode(tb->db) & 0xff) == SQLITE_ERROR) {
        return termbase__error(err, TERMBASE_ENOTDB, "'%s': damaged termbase (%s)",
                               tb->path ? tb->path : "", sqlite3_errmsg(tb->db));
    }
    return termbase__fail(tb, err, "cannot prepare a statement for");
}

sqlite3_stmt *termbase__stmt(struct termbase *tb, enum tb_stmt id, struct dd_error *err)
{
    sqlite3_stmt *st = tb->stmt[id];

    if (!st) {
        if (sqlite3_prepare_v3(tb->db, stmt_sql[id], -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) !=
            SQLITE_OK) {
            termbase__prepare_fail(tb, err);
            return NULL;
        }
        tb->stmt[id] = st;
        return st;
    }
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return st;
}

/*
 * Prepares the connection for writing, once: WAL's NORMAL sync (durable
 * against a killed process, which is what we promise; a power cut may lose
 * the last transactions but never corrupts) and the scratch table of touched
 * concepts. Readers skip this, which keeps a lookup's start-up small.
 */
static enum termbase_status writer_init(struct termbase *tb, struct dd_error *err)
{
    enum termbase_status ret;
    if (tb->writer)
        return TERMBASE_OK;
    ret = termbase__exec(tb,
                         "PRAGMA synchronous = NORMAL;"
                         "CREATE TEMP TABLE IF NOT EXISTS touched(id INTEGER PRIMARY KEY)",
                         err);
    tb->writer = !ret;
    return ret;
}

enum termbase_status termbase__exec(struct termbase *tb, const char *sql, struct dd_error *err)
{
    if (sqlite3_exec(tb->db, sql, NULL, NULL, NULL) != SQLITE_OK)
        return termbase__fail(tb, err, "cannot update the termbase");
    return TERMBASE_OK;
}

/* Steps st to completion (no rows wanted). */
static enum termbase_status run(struct termbase *tb, sqlite3_stmt *st, struct dd_error *err)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        return termbase__fail(tb, err, "cannot update the termbase");
    return TERMBASE_OK;
}

static void bind_text(sqlite3_stmt *st, int i, const char *s)
{
    sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
}

/* ---- open and close ------------------------------------------------------------------ */

int64_t termbase__now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/*
 * The busy handler: polls every 2 ms for up to TERMBASE_BUSY_MS. SQLite's
 * own handler backs off to 100 ms between tries, so a writer that commits
 * in batches (import) and pauses for a few milliseconds between them would
 * rarely be caught free; polling often lets waiting writers in.
 */
static int busy_wait(void *ctx, int count)
{
    struct termbase *tb = ctx;
    int64_t now = termbase__now_ms();

    if (count == 0)
        tb->busy_start = now;
    if (now - tb->busy_start >= TERMBASE_BUSY_MS)
        return 0;
    sqlite3_sleep(2);
    return 1;
}

/*
 * The name SQLite is given for path: relative paths get "./", so that no
 * name is special (":memory:", or a "file:" URI, which Debian's SQLite
 * reads as one even without SQLITE_OPEN_URI).
 */
static void sqlite_name(const char *path, struct strbuf *out)
{
    if (path[0] != '/')
        strbuf_addstr(out, "./");
    strbuf_addstr(out, path);
}

/* A file: URI for name (RFC 3986 percent-encoding) with the query q. */
static void sqlite_uri(const char *name, const char *q, struct strbuf *out)
{
    static const char hex[] = "0123456789ABCDEF";
    strbuf_addstr(out, "file:");
    for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
            strchr("/-._~", *p)) {
            strbuf_addch(out, (char)*p);
        } else {
            strbuf_addch(out, '%');
            strbuf_addch(out, hex[*p >> 4]);
            strbuf_addch(out, hex[*p & 15]);
        }
    }
    strbuf_addf(out, "?%s", q);
}

/* 1 when the file at name exists with a size above 0. */
static int nonempty(const char *name)
{
    struct stat sb;
    return !stat(name, &sb) && sb.st_size > 0;
}

/*
 * Whether a read-only open of name must be immutable: a WAL-mode file
 * (header bytes 18 and 19 are 2) whose -shm file is missing and which we
 * may not create (no write access to the file or its directory; creating
 * it in another user's name would also lock its owner out of writing).
 * SQLite cannot read such a file otherwise. Only when the -wal is missing
 * or empty, so that the main file holds every committed transaction.
 */
static int needs_immutable(const char *name)
{
    unsigned char hdr[20];
    struct strbuf side = STRBUF_INIT;
    FILE *fp = fopen(name, "rb");
    int wal = 0, ret = 0;
    char *slash;

    if (fp) {
        wal = fread(hdr, 1, sizeof(hdr), fp) == sizeof(hdr) && hdr[18] == 2 && hdr[19] == 2;
        fclose(fp);
    }
    if (!wal)
        return 0;
    strbuf_addf(&side, "%s-shm", name);
    if (!access(side.buf, F_OK))
        goto cleanup;
    strbuf_reset(&side);
    strbuf_addf(&side, "%s-wal", name);
    if (nonempty(side.buf))
        goto cleanup;
    strbuf_reset(&side);
    strbuf_addstr(&side, name);
    slash = strrchr(side.buf, '/');
    strbuf_setlen(&side, slash ? (size_t)(slash - side.buf) + 1 : 0);
    strbuf_addch(&side, '.');
    ret = access(name, W_OK) || access(side.buf, W_OK);
cleanup:
    strbuf_release(&side);
    return ret;
}

static struct termbase *termbase_alloc(const char *path, unsigned flags)
{
    struct termbase *tb = xcalloc(1, sizeof(*tb));
    tb->flags = flags;
    tb->path = xstrdup(path);
    strbuf_init(&tb->key, 64);
    strbuf_init(&tb->stem, 64);
    return tb;
}

/* Opens name (a SQLite file name or URI) with oflags into tb->db. */
static enum termbase_status db_connect(struct termbase *tb, const char *name, int oflags,
                                       struct dd_error *err)
{
    /*
     * No bulk page-cache allocation: by default every page cache, the
     * ephemeral ones of ORDER BY, GROUP BY and DISTINCT included, starts by
     * writing headers into 20 pages (86 KB). A lookup's statements open four
     * of those caches and use a page or two of each; the bulk cost it 70 of
     * its 310 page faults, 0.15 ms of a 1.8 ms process. Caches that grow
     * allocate page by page either way. Once SQLite is initialised (by an
     * earlier open, or by a program that embeds us) this is refused,
     * harmlessly.
     */
    sqlite3_config(SQLITE_CONFIG_PAGECACHE, (void *)NULL, 0, 0);
    if (sqlite3_open_v2(name, &tb->db, oflags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
        if (!tb->db)
            return termbase__error(err, TERMBASE_EOPEN, "cannot open '%s': out of memory",
                                   tb->path);
        return termbase__error(err, TERMBASE_EOPEN, "cannot open '%s': %s", tb->path,
                               sqlite3_errmsg(tb->db));
    }
    sqlite3_extended_result_codes(tb->db, 1);
    sqlite3_busy_handler(tb->db, busy_wait, tb);
    return TERMBASE_OK;
}

/* Removes a half-built termbase and what SQLite made beside it. */
static void remove_new(const char *tmp)
{
    static const char *const sfx[] = {"", "-journal", "-wal", "-shm"};
    struct strbuf f = STRBUF_INIT;
    for (size_t i = 0; i < sizeof(sfx) / sizeof(sfx[0]); i++) {
        strbuf_reset(&f);
        strbuf_addf(&f, "%s%s", tmp, sfx[i]);
        unlink(f.buf);
    }
    strbuf_release(&f);
}

/*
 * Creates a termbase at name that appears whole or not at all: the schema
 * is built in a temporary file beside it, which is then linked into place.
 * link() does not replace, so of two processes creating one termbase the
 * second finds the first's file and uses it; a reader never sees a file
 * whose schema is half made (docs/termbase.md, "Concurrency").
 */
static enum termbase_status create_whole(const char *path, const char *name, struct dd_error *err)
{
    static unsigned serial;
    struct strbuf tmp = STRBUF_INIT;
    struct termbase *nb = NULL;
    enum termbase_status ret = TERMBASE_OK;
    int fd;

    strbuf_addf(&tmp, "%s.new-%ld-%u", name, (long)getpid(), serial++);
    fd = open(tmp.buf, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0) {
        ret = termbase__error(err, TERMBASE_EOPEN, "cannot create '%s': %s", path, strerror(errno));
        goto cleanup;
    }
    close(fd);
    nb = termbase_alloc(path, TERMBASE_CREATE);
    if ((ret = db_connect(nb, tmp.buf, SQLITE_OPEN_READWRITE, err)) ||
        (ret = termbase__exec(nb, "PRAGMA journal_mode = WAL", err)) ||
        (ret = termbase__migrate(nb, err)))
        goto cleanup;
    termbase_free(nb); /* checkpoints, and removes the -wal and -shm */
    nb = NULL;
    if (link(tmp.buf, name) && errno != EEXIST) {
        /* a file system without hard links: rename, unless one appeared */
        if (errno == ENOENT || access(name, F_OK) == 0 || rename(tmp.buf, name))
            ret = termbase__error(err, TERMBASE_EOPEN, "cannot create '%s': %s", path,
                                  strerror(errno));
    }
cleanup:
    termbase_free(nb);
    remove_new(tmp.buf);
    strbuf_release(&tmp);
    return ret;
}

static struct termbase *open_termbase(const char *path, unsigned flags, struct dd_error *err)
{
    struct termbase *tb = NULL;
    struct strbuf name = STRBUF_INIT, uri = STRBUF_INIT;
    int oflags = SQLITE_OPEN_READWRITE;
    struct stat sb;

    dd_error_clear(err);
    if (flags & TERMBASE_MEMORY) {
        tb = termbase_alloc("(in memory)", flags & ~(unsigned)TERMBASE_READONLY);
        if (db_connect(tb, ":memory:", SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY, err) ||
            termbase__migrate(tb, err))
            goto fail;
        goto done;
    }
    if (!path || !*path) {
        termbase__error(err, TERMBASE_EOPEN, "empty termbase path");
        return NULL;
    }
    sqlite_name(path, &name);
    if (stat(name.buf, &sb)) {
        if (errno != ENOENT || !(flags & TERMBASE_CREATE)) {
            termbase__error(err, TERMBASE_EOPEN, "cannot open '%s': %s", path,
                            errno == ENOENT ? "no termbase there (run 'dadeum ingest')"
                                            : strerror(errno));
            goto done;
        }
        if (create_whole(path, name.buf, err))
            goto done;
    } else if (S_ISDIR(sb.st_mode)) {
        termbase__error(err, TERMBASE_EOPEN, "cannot open '%s': is a directory", path);
        goto done;
    }
    /*
     * A file we may not write is read as SQLite would, read-only, but on
     * purpose: reading needs no -wal or -shm of ours, and a write then
     * fails with a clear message (ingest of unchanged files still works).
     */
    if (!(flags & TERMBASE_READONLY) && access(name.buf, W_OK) &&
        (errno == EACCES || errno == EROFS || errno == EPERM))
        flags = (flags & ~(unsigned)TERMBASE_CREATE) | TERMBASE_READONLY;
    if (flags & TERMBASE_CREATE)
        oflags |= SQLITE_OPEN_CREATE; /* an empty file made by hand is filled in */
    else if (flags & TERMBASE_READONLY)
        oflags = SQLITE_OPEN_READONLY;
    tb = termbase_alloc(path, flags);
    if ((flags & TERMBASE_READONLY) && needs_immutable(name.buf)) {
        sqlite_uri(name.buf, "immutable=1", &uri);
        if (db_connect(tb, uri.buf, oflags | SQLITE_OPEN_URI, err))
            goto fail;
    } else if (db_connect(tb, name.buf, oflags, err)) {
        goto fail;
    }
    /*
     * Keep the -wal and -shm files when the last connection closes: otherwise
     * every lookup process creates, checkpoints and deletes them, which costs
     * more than the lookup itself (SQLITE_FCNTL_PERSIST_WAL).
     */
    int persist = 1;
    sqlite3_file_control(tb->db, "main", SQLITE_FCNTL_PERSIST_WAL, &persist);
    if (termbase__migrate(tb, err))
        goto fail;
    goto done;
fail:
    termbase_free(tb);
    tb = NULL;
done:
    strbuf_release(&name);
    strbuf_release(&uri);
    return tb;
}

/*
 * A session that wrote ends with the log emptied: the -wal file is kept (see
 * SQLITE_FCNTL_PERSIST_WAL above) but truncated, so that the next reader does
 * not recover a log of everything written (858 MB after a 1M-row import made
 * every later lookup read it: 0.3-0.9 s instead of milliseconds). Best effort:
 * a reader still in the log keeps it, and is waited for 200 ms at most.
 */
static void truncate_log(struct termbase *tb)
{
    sqlite3_busy_handler(tb->db, NULL, NULL);
    sqlite3_busy_timeout(tb->db, 200);
    sqlite3_wal_checkpoint_v2(tb->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
}

void termbase_free(struct termbase *tb)
{
    if (!tb)
        return;
    if (tb->in_doc)
        termbase_doc_abort(tb);
    for (int i = 0; i < TB_STMT_COUNT; i++)
        sqlite3_finalize(tb->stmt[i]);
    if (sqlite3_total_changes(tb->db) > 0 && !(tb->flags & TERMBASE_READONLY))
        truncate_log(tb);
    sqlite3_close(tb->db);
    strbuf_release(&tb->key);
    strbuf_release(&tb->stem);
    free(tb->path);
    free(tb);
}

int termbase_get_version(struct termbase *tb)
{
    return tb->version;
}

/* ---- fuzzy index ----------------------------------------------------------------------- */

static int32_t variant_hash(const char *s, size_t len)
{
    uint64_t h = 0xcbf29ce484222325ull;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 0x100000001b3ull;
    }
    return (int32_t)((h ^ (h >> 32)) & 0x7fffffff);
}

size_t termbase__fuzzy_variants(const char *key, size_t len, int32_t *out, size_t cap)
{
    size_t off[TB_FUZZY_MAX_CHARS + 1], n = 0, nout = 0;
    int hangul = 0;
    char buf[TB_FUZZY_MAX_CHARS * 4 + 4];

    for (size_t i = 0; i < len;) {
        uint32_t c;
        if (n == TB_FUZZY_MAX_CHARS)
            return 0;
        off[n++] = i;
        i += utf8_decode(key + i, len - i, &c);
        hangul |= uc_is_hangul_syllable(c);
    }
    off[n] = len;
    if (!hangul || n < 2 || !cap)
        return 0;
    out[nout++] = variant_hash(key, len);
    for (size_t k = 0; k < n && nout < cap; k++) {
        /* n >= 3: the key without character k; n == 2: with k as a wildcard */
        size_t blen = off[k];
        int32_t h;
        memcpy(buf, key, off[k]);
        if (n == 2)
            buf[blen++] = '\x01';
        memcpy(buf + blen, key + off[k + 1], len - off[k + 1]);
        blen += len - off[k + 1];
        h = variant_hash(buf, blen);
        for (size_t j = 0; j < nout; j++)
            if (out[j] == h)
                goto dup;
        out[nout++] = h;
    dup:;
    }
    return nout;
}

enum termbase_status termbase__fuzzy_index(struct termbase *tb, int64_t id, const char *key,
                                           int add, struct dd_error *err)
{
    int32_t h[TB_FUZZY_MAX_VARIANTS];
    size_t n = termbase__fuzzy_variants(key, strlen(key), h, TB_FUZZY_MAX_VARIANTS);

    for (size_t i = 0; i < n; i++) {
        sqlite3_stmt *st = termbase__stmt(tb, add ? TB_FUZZY_INSERT : TB_FUZZY_DELETE, err);
        enum termbase_status ret;
        if (!st)
            return (enum termbase_status)err->detail;
        sqlite3_bind_int64(st, 1, h[i]);
        sqlite3_bind_int64(st, 2, id);
        ret = run(tb, st, err);
        if (ret)
            return ret;
    }
    return TERMBASE_OK;
}

/* ---- documents ------------------------------------------------------------------------- */

static int doc_is_current(struct termbase *tb, const char *path, const char *hash,
                          struct dd_error *err)
{
    sqlite3_stmt *st = termbase__stmt(tb, TB_DOC_GET, err);
    int rc, current = 0;

    if (!st)
        return -1;
    bind_text(st, 1, path);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        const char *h = (const char *)sqlite3_column_text(st, 1);
        current = h && !strcmp(h, hash);
    } else if (rc != SQLITE_DONE) {
        termbase__fail(tb, err, "cannot read the termbase");
        current = -1;
    }
    sqlite3_reset(st);
    return current;
}

static enum termbase_status doc_begin(struct termbase *tb, const char *path, const char *hash,
                                      uint64_t bytes, int *unchanged, struct dd_error *err)
{
    sqlite3_stmt *st;
    enum termbase_status ret;
    int64_t id = 0;
    int rc, renamed = 0;

    *unchanged = 0;
    if (tb->flags & TERMBASE_READONLY) {
        /* storing an unchanged document writes nothing, so it works read-only */
        rc = termbase_doc_is_current(tb, path, hash, err);
        if (rc < 0)
            return (enum termbase_status)err->detail;
        *unchanged = rc;
        return rc ? TERMBASE_OK
                  : termbase__error(err, TERMBASE_EIO, "cannot update the termbase '%s': read-only",
                                    tb->path);
    }
    if ((ret = writer_init(tb, err)))
        return ret;
    ret = termbase__exec(tb, "BEGIN IMMEDIATE", err);
    if (ret)
        return ret;
    tb->in_doc = 1;
    if ((ret = termbase__exec(tb, "DELETE FROM temp.touched", err)))
        goto fail;
    if (!path_is_absolute(path)) {
        /*
         * dadeum up to 0.1 stored names as given, often absolute; names are
         * now relative to the working directory (util/path.h). A document
         * stored under the absolute form of path takes the new name, so that
         * its evidence is replaced rather than counted twice.
         */
        struct strbuf abs = STRBUF_INIT;
        if (!path_absolute(path, &abs)) {
            if (!(st = termbase__stmt(tb, TB_DOC_RENAME, err))) {
                strbuf_release(&abs);
                goto fail;
            }
            bind_text(st, 1, abs.buf);
            bind_text(st, 2, path);
            ret = run(tb, st, err);
            renamed = !ret && sqlite3_changes(tb->db) > 0;
        }
        strbuf_release(&abs);
        if (ret)
            goto fail;
    }
    if (!(st = termbase__stmt(tb, TB_DOC_GET, err)))
        goto fail;
    bind_text(st, 1, path);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        const char *h = (const char *)sqlite3_column_text(st, 1);
        id = sqlite3_column_int64(st, 0);
        if (h && !strcmp(h, hash)) {
            sqlite3_reset(st);
            *unchanged = 1;
            if (!renamed) {
                termbase_doc_abort(tb);
                return TERMBASE_OK;
            }
            /* the new name is all that changed: keep it */
            tb->in_doc = 0;
            return termbase__exec(tb, "COMMIT", err);
        }
    } else if (rc != SQLITE_DONE) {
        ret = termbase__fail(tb, err, "cannot read the termbase");
        goto fail;
    }
    sqlite3_reset(st);
    if (id) {
        if (!(st = termbase__stmt(tb, TB_DOC_TOUCH_OLD, err)))
            goto fail;
        sqlite3_bind_int64(st, 1, id);
        if ((ret = run(tb, st, err)))
            goto fail;
        if (!(st = termbase__stmt(tb, TB_DOC_DELETE_EVIDENCE, err)))
            goto fail;
        sqlite3_bind_int64(st, 1, id);
        if ((ret = run(tb, st, err)))
            goto fail;
        if (!(st = termbase__stmt(tb, TB_DOC_UPDATE, err)))
            goto fail;
        sqlite3_bind_int64(st, 1, id);
    } else {
        if (!(st = termbase__stmt(tb, TB_DOC_INSERT, err)))
            goto fail;
        bind_text(st, 1, path);
    }
    bind_text(st, 2, hash);
    sqlite3_bind_int64(st, 3, (sqlite3_int64)bytes);
    if ((ret = run(tb, st, err)))
        goto fail;
    tb->doc_id = id ? id : sqlite3_last_insert_rowid(tb->db);
    return TERMBASE_OK;
fail:
    termbase_doc_abort(tb);
    return (enum termbase_status)err->detail ? (enum termbase_status)err->detail
                                             : TERMBASE_EINTERNAL;
}

void termbase_doc_abort(struct termbase *tb)
{
    if (!tb->in_doc)
        return;
    sqlite3_exec(tb->db, "ROLLBACK", NULL, NULL, NULL);
    tb->in_doc = 0;
}

/* Looks up or creates concept for ckey; *id set. */
static enum termbase_status concept_id(struct termbase *tb, const char *ckey, const char *ko,
                                       int64_t *id, struct dd_error *err)
{
    sqlite3_stmt *st = termbase__stmt(tb, TB_CONCEPT_GET, err);
    int rc;

    if (!st)
        return (enum termbase_status)err->detail;
    bind_text(st, 1, ckey);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *id = sqlite3_column_int64(st, 0);
        sqlite3_reset(st);
        return TERMBASE_OK;
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return termbase__fail(tb, err, "cannot read the termbase");
    if (!(st = termbase__stmt(tb, TB_CONCEPT_INSERT, err)))
        return (enum termbase_status)err->detail;
    bind_text(st, 1, ckey);
    bind_text(st, 2, ko);
    if (run(tb, st, err))
        return (enum termbase_status)err->detail;
    *id = sqlite3_last_insert_rowid(tb->db);
    return TERMBASE_OK;
}

/* Looks up or creates form (concept, type, text); *id set. */
static enum termbase_status form_id(struct termbase *tb, int64_t concept, const char *type,
                                    const char *text, int user, int64_t *id, struct dd_error *err)
{
    sqlite3_stmt *st = termbase__stmt(tb, TB_FORM_GET, err);
    int rc;

    if (!st)
        return (enum termbase_status)err->detail;
    sqlite3_bind_int64(st, 1, concept);
    bind_text(st, 2, type);
    bind_text(st, 3, text);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *id = sqlite3_column_int64(st, 0);
        sqlite3_reset(st);
        if (user) {
            char sql[128];
            snprintf(sql, sizeof(sql),
                     "UPDATE form SET user = 1, source = 'user', score = 1.0 WHERE id = %lld",
                     (long long)*id);
            return termbase__exec(tb, sql, err);
        }
        return TERMBASE_OK;
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return termbase__fail(tb, err, "cannot read the termbase");
    strbuf_reset(&tb->key);
    strbuf_reset(&tb->stem);
    text_key(text, strlen(text), 0, &tb->key);
    text_key(text, strlen(text), 1, &tb->stem);
    if (!(st = termbase__stmt(tb, TB_FORM_INSERT, err)))
        return (enum termbase_status)err->detail;
    sqlite3_bind_int64(st, 1, concept);
    bind_text(st, 2, type);
    bind_text(st, 3, text);
    bind_text(st, 4, tb->key.buf);
    bind_text(st, 5, tb->stem.buf);
    sqlite3_bind_int(st, 6, user);
    if (run(tb, st, err))
        return (enum termbase_status)err->detail;
    *id = sqlite3_last_insert_rowid(tb->db);
    return termbase__fuzzy_index(tb, *id, tb->key.buf, 1, err);
}

/*
 * Stores one form of a pair with its evidence in the open document: source
 * (MODEL_SOURCE_*, NULL: unknown) gave it with score (-1: none).
 */
static enum termbase_status add_form(struct termbase *tb, int64_t concept, const char *type,
                                     const char *text, const struct model_pair *p,
                                     const char *source, double score, struct dd_error *err)
{
    sqlite3_stmt *st;
    int64_t fid;
    enum termbase_status ret;

    if (!text || !*text)
        return TERMBASE_OK;
    ret = form_id(tb, concept, type, text, 0, &fid, err);
    if (ret)
        return ret;
    if (!(st = termbase__stmt(tb, TB_EVIDENCE_UPSERT, err)))
        return (enum termbase_status)err->detail;
    sqlite3_bind_int64(st, 1, fid);
    sqlite3_bind_int64(st, 2, tb->doc_id);
    sqlite3_bind_int64(st, 3, (sqlite3_int64)p->line);
    sqlite3_bind_int64(st, 4, p->count ? p->count : 1);
    sqlite3_bind_int(st, 5, p->reversed ? 1 : 0);
    if (p->context)
        bind_text(st, 6, p->context);
    if (source)
        bind_text(st, 7, source);
    if (score >= 0) /* to hundredths, as extract's TSV and JSONL write it: both ingests agree */
        sqlite3_bind_double(st, 8, floor(score * 100 + 0.5) / 100);
    if (p->pos)
        bind_text(st, 9, p->pos);
    return run(tb, st, err);
}

static enum termbase_status doc_add(struct termbase *tb, const struct model_pair *p,
                                    struct dd_error *err)
{
    sqlite3_stmt *st;
    enum termbase_status ret;
    struct strbuf ckey = STRBUF_INIT;
    int64_t cid = 0;
    const char *doc = MODEL_SOURCE_DOCUMENT, *lex = MODEL_SOURCE_LEXICON;

    if (!tb->in_doc)
        return termbase__error(err, TERMBASE_EINTERNAL, "no document open");
    if (!p->ko || !*p->ko)
        return TERMBASE_OK;
    text_key(p->ko, strlen(p->ko), 1, &ckey);
    if (!ckey.len)
        goto cleanup_ok;
    if ((ret = concept_id(tb, ckey.buf, p->ko, &cid, err)))
        goto cleanup;
    if (!(st = termbase__stmt(tb, TB_TOUCH, err))) {
        ret = (enum termbase_status)err->detail;
        goto cleanup;
    }
    sqlite3_bind_int64(st, 1, cid);
    if ((ret = run(tb, st, err)))
        goto cleanup;
    /* what the document writes; then what the aligner found, with its evidence */
    if ((ret = add_form(tb, cid, "ko", p->ko, p, doc, 1, err)))
        goto cleanup;
    if ((ret = add_form(tb, cid, model_kind_name(p->kind), p->gloss, p, doc, 1, err)))
        goto cleanup;
    if ((ret = add_form(tb, cid, "english", p->expansion, p, doc, 1, err)))
        goto cleanup;
    if ((ret = add_form(tb, cid, "english", p->en, p, model_source_of_evidence(p->en_source),
                        p->en_source ? p->en_score : -1, err)))
        goto cleanup;
    /* an abbreviation not written as the gloss came from the lexicon or another pair */
    if (p->abbr && (ret = add_form(tb, cid, "abbrev", p->abbr, p,
                                   p->gloss && !strcmp(p->abbr, p->gloss) ? doc : lex,
                                   p->gloss && !strcmp(p->abbr, p->gloss) ? 1 : 0.85, err)))
        goto cleanup;
cleanup_ok:
    ret = TERMBASE_OK;
cleanup:
    strbuf_release(&ckey);
    return ret;
}

static enum termbase_status doc_commit(struct termbase *tb, struct dd_error *err)
{
    sqlite3_stmt *st, *del;
    enum termbase_status ret;
    int rc;

    if (!tb->in_doc)
        return termbase__error(err, TERMBASE_EINTERNAL, "no document open");
    if (!(st = termbase__stmt(tb, TB_RECOMPUTE, err)) || run(tb, st, err))
        goto fail;
    /* forms of undecided concepts that lost all evidence */
    if (!(st = termbase__stmt(tb, TB_GC_FORMS, err)))
        goto fail;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int64_t fid = sqlite3_column_int64(st, 0);
        const char *key = (const char *)sqlite3_column_text(st, 1);
        if (termbase__fuzzy_index(tb, fid, key ? key : "", 0, err))
            goto fail;
        if (!(del = termbase__stmt(tb, TB_FORM_DELETE, err)))
            goto fail;
        sqlite3_bind_int64(del, 1, fid);
        if (run(tb, del, err))
            goto fail;
    }
    if (rc != SQLITE_DONE) {
        termbase__fail(tb, err, "cannot update the termbase");
        goto fail;
    }
    sqlite3_reset(st);
    if (!(st = termbase__stmt(tb, TB_GC_CONCEPTS, err)) || run(tb, st, err))
        goto fail;
    if (!(st = termbase__stmt(tb, TB_TOUCH_CLEAR, err)) || run(tb, st, err))
        goto fail;
    ret = termbase__exec(tb, "COMMIT", err);
    if (ret)
        goto fail;
    tb->in_doc = 0;
    return TERMBASE_OK;
fail:
    termbase_doc_abort(tb);
    return (enum termbase_status)err->detail ? (enum termbase_status)err->detail
                                             : TERMBASE_EINTERNAL;
}

/* ---- review decisions ------------------------------------------------------------------ */

static enum termbase_status edit(struct termbase *tb, int64_t id, const struct termbase_edit *e,
                                 struct dd_error *err)
{
    sqlite3_stmt *st = NULL;
    enum termbase_status ret;
    int64_t fid;
    int rc;

    dd_error_clear(err);
    if (tb->flags & TERMBASE_READONLY)
        return termbase__error(err, TERMBASE_EIO, "cannot update the termbase '%s': read-only",
                               tb->path);
    if ((ret = writer_init(tb, err)) || (ret = termbase__exec(tb, "BEGIN IMMEDIATE", err)))
        return ret;
    if (!(st = termbase__stmt(tb, TB_C_GET, err))) {
        ret = (enum termbase_status)err->detail;
        goto cleanup;
    }
    sqlite3_bind_int64(st, 1, id);
    rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc == SQLITE_DONE) {
        ret = termbase__error(err, TERMBASE_ENOTFOUND, "no concept %lld", (long long)id);
        goto cleanup;
    } else if (rc != SQLITE_ROW) {
        ret = termbase__fail(tb, err, "cannot read the termbase");
        goto cleanup;
    }
    if (e->status >= 0 || e->note) {
        sqlite3_stmt *up = NULL;
        if (sqlite3_prepare_v2(tb->db,
                               "UPDATE concept SET status = coalesce(?2, status),"
                               " note = CASE WHEN ?3 IS NULL THEN note WHEN ?3 = '' THEN NULL"
                               " ELSE ?3 END WHERE id = ?1",
                               -1, &up, NULL) != SQLITE_OK) {
            ret = termbase__prepare_fail(tb, err);
            goto cleanup;
        }
        sqlite3_bind_int64(up, 1, id);
        if (e->status >= 0)
            bind_text(up, 2, model_status_name((enum model_status)e->status));
        if (e->note)
            bind_text(up, 3, e->note);
        ret = run(tb, up, err);
        sqlite3_finalize(up);
        if (ret)
            goto cleanup;
    }
    if (e->en && *e->en && (ret = form_id(tb, id, "english", e->en, 1, &fid, err)))
        goto cleanup;
    if (e->abbr && *e->abbr && (ret = form_id(tb, id, "abbrev", e->abbr, 1, &fid, err)))
        goto cleanup;
    ret = termbase__exec(tb, "COMMIT", err);
cleanup:
    if (ret)
        sqlite3_exec(tb->db, "ROLLBACK", NULL, NULL, NULL);
    return ret;
}

/* ---- dump and check ---------------------------------------------------------------------- */

/* TAB, CR and LF as spaces; other controls, and names' stray bytes, as \x1b (utf8.h). */
static void dump_field(FILE *fp, const unsigned char *s)
{
    utf8_write_visible(fp, (const char *)s, UTF8_VISIBLE_BLANK);
}

enum termbase_status termbase_dump(struct termbase *tb, FILE *fp, struct dd_error *err)
{
    static const char *const queries[] = {
        "SELECT 'document', path, hash, bytes FROM document ORDER BY path",
        "SELECT 'concept', key, ko, kind, status, count, note FROM concept ORDER BY key",
        "SELECT 'form', c.key, f.type, f.text, f.key, f.stem, f.user, f.source,"
        " CASE WHEN f.score IS NOT NULL THEN printf('%.4f', f.score) END FROM form f"
        " JOIN concept c ON c.id = f.concept ORDER BY c.key, f.type, f.text",
        "SELECT 'evidence', c.key, f.type, f.text, d.path, e.line, e.count, e.reversed, e.context,"
        " e.source, CASE WHEN e.score IS NOT NULL THEN printf('%.4f', e.score) END"
        " FROM evidence e JOIN form f ON f.id = e.form JOIN concept c ON c.id = f.concept"
        " JOIN document d ON d.id = e.doc ORDER BY c.key, f.type, f.text, d.path",
        "SELECT 'datcat', c.key, d.level, d.side, f.type, f.text, d.grp, d.grp_no, d.element,"
        " d.type, d.ref, d.value FROM datcat d JOIN concept c ON c.id = d.concept"
        " LEFT JOIN form f ON f.id = d.form ORDER BY 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12",
    };
    enum termbase_status ret = TERMBASE_OK;

    dd_error_clear(err);
    for (size_t q = 0; q < sizeof(queries) / sizeof(queries[0]) && !ret; q++) {
        sqlite3_stmt *st = NULL;
        int rc;
        if (sqlite3_prepare_v2(tb->db, queries[q], -1, &st, NULL) != SQLITE_OK)
            return termbase__prepare_fail(tb, err);
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            int n = sqlite3_column_count(st);
            for (int i = 0; i < n; i++) {
                if (i)
                    fputc('\t', fp);
                dump_field(fp, sqlite3_column_text(st, i));
            }
            fputc('\n', fp);
        }
        if (rc != SQLITE_DONE)
            ret = termbase__fail(tb, err, "cannot read the termbase");
        sqlite3_finalize(st);
    }
    return ret;
}

enum termbase_status termbase_check(struct termbase *tb, struct dd_error *err)
{
    static const struct {
        const char *sql; /* returns a count of violations */
        const char *what;
    } checks[] = {
        {"SELECT count(*) FROM form WHERE concept NOT IN (SELECT id FROM concept)",
         "forms without a concept"},
        {"SELECT count(*) FROM evidence WHERE form NOT IN (SELECT id FROM form)",
         "evidence without a form"},
        {"SELECT count(*) FROM evidence WHERE doc NOT IN (SELECT id FROM document)",
         "evidence without a document"},
        {"SELECT count(*) FROM fuzzy WHERE form NOT IN (SELECT id FROM form)",
         "fuzzy index rows without a form"},
        {"SELECT count(*) FROM datcat WHERE concept NOT IN (SELECT id FROM concept)"
         " OR (level = 2) <> (form IS NOT NULL) OR form NOT IN (SELECT id FROM form)",
         "data categories without a concept or form"},
        {"SELECT (SELECT count(*) FROM form) - (SELECT count(*) FROM form_fts)",
         "forms missing from the substring index"},
        {"SELECT count(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'",
         "integrity check failures"},
    };
    sqlite3_stmt *st = NULL;
    struct strbuf k = STRBUF_INIT;
    enum termbase_status ret = TERMBASE_OK;
    int rc;

    dd_error_clear(err);
    for (size_t i = 0; i < sizeof(checks) / sizeof(checks[0]); i++) {
        long long n = -1;
        if (sqlite3_prepare_v2(tb->db, checks[i].sql, -1, &st, NULL) != SQLITE_OK)
            return termbase__fail(tb, err, "cannot check the termbase");
        if (sqlite3_step(st) == SQLITE_ROW)
            n = sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
        st = NULL;
        if (n)
            return termbase__error(err, TERMBASE_EINTERNAL, "%s: %lld", checks[i].what, n);
    }
    /* keys are a function of the text */
    if (sqlite3_prepare_v2(tb->db, "SELECT text, key, stem FROM form", -1, &st, NULL) != SQLITE_OK)
        return termbase__fail(tb, err, "cannot check the termbase");
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && !ret) {
        const char *text = (const char *)sqlite3_column_text(st, 0);
        strbuf_reset(&k);
        text_key(text, strlen(text), 0, &k);
        if (strcmp(k.buf, (const char *)sqlite3_column_text(st, 1)))
            ret = termbase__error(err, TERMBASE_EINTERNAL, "form '%s' has a stale key", text);
        strbuf_reset(&k);
        text_key(text, strlen(text), 1, &k);
        if (!ret && strcmp(k.buf, (const char *)sqlite3_column_text(st, 2)))
            ret = termbase__error(err, TERMBASE_EINTERNAL, "form '%s' has a stale stem", text);
    }
    sqlite3_finalize(st);
    strbuf_release(&k);
    return ret;
}

/* ---- the writers' exit classes (termbase__written) ------------------------------------- */

int termbase_doc_is_current(struct termbase *tb, const char *path, const char *hash,
                            struct dd_error *err)
{
    int ret = doc_is_current(tb, path, hash, err);
    if (ret < 0)
        termbase__written(err, (enum termbase_status)err->detail);
    return ret;
}

enum termbase_status termbase_doc_begin(struct termbase *tb, const char *path, const char *hash,
                                        uint64_t bytes, int *unchanged, struct dd_error *err)
{
    return termbase__written(err, doc_begin(tb, path, hash, bytes, unchanged, err));
}

enum termbase_status termbase_doc_add(struct termbase *tb, const struct model_pair *p,
                                      struct dd_error *err)
{
    assert(tb && p);
    return termbase__written(err, doc_add(tb, p, err));
}

enum termbase_status termbase_doc_commit(struct termbase *tb, struct dd_error *err)
{
    return termbase__written(err, doc_commit(tb, err));
}

enum termbase_status termbase_edit(struct termbase *tb, int64_t id, const struct termbase_edit *e,
                                   struct dd_error *err)
{
    assert(tb && e);
    return termbase__written(err, edit(tb, id, e, err));
}

struct termbase *termbase_open(const char *path, unsigned flags, struct dd_error *err)
{
    struct termbase *tb;

    assert(err && (path || (flags & TERMBASE_MEMORY)));
    tb = open_termbase(path, flags, err);
    /* a termbase that cannot be created is output not written */
    if (!tb && (flags & TERMBASE_CREATE)) {
        termbase__written(err, (enum termbase_status)err->detail);
        if (err->detail == TERMBASE_EOPEN)
            err->code = DD_EOUTPUT;
    }
    return tb;
}

/* ---- the termbase as a pair sink ------------------------------------------------------ */

static int sink_begin(void *tb, const char *name, const char *hash, uint64_t bytes, int *skip,
                      struct dd_error *err)
{
    return termbase_doc_begin(tb, name, hash, bytes, skip, err) ? -1 : 0;
}

static int sink_pair(void *tb, const struct model_pair *p, struct dd_error *err)
{
    return termbase_doc_add(tb, p, err) ? -1 : 0;
}

static int sink_commit(void *tb, struct dd_error *err)
{
    return termbase_doc_commit(tb, err) ? -1 : 0;
}

static void sink_abort(void *tb)
{
    termbase_doc_abort(tb);
}

void termbase_pair_sink(struct termbase *tb, struct model_pair_sink *out)
{
    assert(tb && out);
    out->begin = sink_begin;
    out->pair = sink_pair;
    out->commit = sink_commit;
    out->abort = sink_abort;
    out->ctx = tb;
}
