/*
 * termbase.h - the termbase: concepts, their forms and evidence, in SQLite.
 *
 * This module is the only SQLite caller (STYLE.md §1). A termbase is one
 * SQLite file; docs/termbase.md describes the schema, keys, migrations and
 * lookup ranking. In short:
 *
 *   concept   one Korean term: preferred written form, kind, review status
 *             (candidate / approved / rejected), note, total count
 *     form    a written form of the concept: its Korean spellings ('ko'),
 *             loanwords, English words, abbreviations, native synonyms and
 *             short forms; each with normalised keys for lookup
 *       evidence   per form and document: first line, count, context line
 *     datcat  a TBX data category kept from an import (subjectField, a
 *             definition, a term's partOfSpeech or note, ...), by level
 *   document  path (relative to where ingest ran), content hash, size
 *
 * Concept identity is the stem key of the Korean term (spaces removed,
 * trailing particle stripped: text_key), so 인공지능 안전연구소,
 * 인공지능안전연구소 and 클라우드를 / 클라우드 land on one concept.
 *
 * Writing: a document is stored in one transaction (termbase_doc_begin /
 * _add / _commit). Storing it again with the same hash changes nothing;
 * with a new hash its old evidence is replaced. Derived fields (preferred
 * form, kind, count) are recomputed from the evidence with order-free rules,
 * so any ingest order yields the same termbase_dump. Review decisions
 * (status, note, forms added by hand) belong to the concept and survive.
 *
 * Errors: functions return enum termbase_status and fill the caller's
 * struct dd_error (util/error.h): detail is the enum termbase_status, code
 * the exit class, which depends on what the call was doing. A failure to
 * read is DD_EINPUT; a function that writes (termbase_open with
 * TERMBASE_CREATE, termbase_doc_*, termbase_merge_*, termbase_edit) makes EBUSY and EIO DD_EOUTPUT,
 * and a creating open EOPEN too; ENOTFOUND is DD_ENEGATIVE, an invalid lookup query DD_EUSAGE,
 * EINTERNAL DD_EINTERNAL. Nothing here prints or exits.
 */
#ifndef DADEUM_TERMBASE_TERMBASE_H
#define DADEUM_TERMBASE_TERMBASE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "model/concept.h"
#include "text/key.h"
#include "util/error.h"
#include "util/strbuf.h"

/* The schema version this build writes (PRAGMA user_version). */
#define TERMBASE_SCHEMA_VERSION 5
/* Milliseconds a writer waits for another one before TERMBASE_EBUSY. */
#define TERMBASE_BUSY_MS 10000
/* Longest lookup query accepted, in bytes. */
#define TERMBASE_QUERY_MAX 1000

struct termbase;

enum termbase_status {
    TERMBASE_OK = 0,
    TERMBASE_EOPEN,     /* the file cannot be opened or created */
    TERMBASE_ENOTDB,    /* the file is not a termbase (not SQLite, corrupt, foreign tables) */
    TERMBASE_EVERSION,  /* written by a newer dadeum (schema version too high) */
    TERMBASE_EBUSY,     /* another process held the lock past TERMBASE_BUSY_MS */
    TERMBASE_EIO,       /* a read or write failed (disk full, I/O error, read-only) */
    TERMBASE_ENOTFOUND, /* no concept with that id */
    TERMBASE_EINPUT,    /* malformed input (JSONL record, TSV row, query) */
    TERMBASE_EINTERNAL  /* an SQL statement failed unexpectedly: a bug */
};

enum termbase_open_flags {
    TERMBASE_CREATE = 1 << 0,   /* create the file when missing */
    TERMBASE_READONLY = 1 << 1, /* no writes (lookup, review listing) */
    TERMBASE_MEMORY = 1 << 2    /* a private in-memory termbase; path is ignored */
};

/*
 * Opens (or with TERMBASE_CREATE creates) the termbase at path, in WAL mode
 * with a busy timeout, and migrates an older schema forward, one version
 * step per transaction. path is a plain file name: ":memory:" or
 * "file:x?mode=memory" name files (TERMBASE_MEMORY opens a private
 * in-memory termbase). A new file is built beside path and linked into
 * place whole, so no reader or second creator ever sees half a schema.
 * A file we may not write is opened read-only (writes then fail with
 * EIO), immutable when SQLite could not read its WAL otherwise.
 * Returns the handle (free with termbase_free) or NULL with err filled in,
 * its message naming path: EOPEN (missing without CREATE, unreadable, a
 * directory, an empty file opened read-only), ENOTDB (not SQLite, not
 * ours, or damaged: objects of its schema missing), EVERSION, EBUSY, EIO.
 * A read-only open of an old schema fails with EVERSION rather than migrate.
 */
struct termbase *termbase_open(const char *path, unsigned flags, struct dd_error *err /* OUT */);

/* Closes the database and frees tb. Accepts NULL. */
void termbase_free(struct termbase *tb);

/* Schema version of the open file (after migration). */
int termbase_get_version(struct termbase *tb);

/* ---- ingest ---------------------------------------------------------------------- */

/*
 * Returns 1 when document path is stored with this hash (storing it again
 * would change nothing), 0 when not, -1 on error (err filled in).
 */
int termbase_doc_is_current(struct termbase *tb, const char *path, const char *hash,
                            struct dd_error *err /* OUT */);

/*
 * Starts storing document path with content hash and size: opens the write
 * transaction and, when the document was stored before with another hash,
 * removes its old evidence. Sets *unchanged to 1 (and opens nothing) when
 * the stored hash is the same. path is the name as stored: callers make it
 * relative to the working directory (util/path.h); a document stored under
 * the absolute form of a relative path (dadeum up to 0.1 kept names as
 * given) is renamed to path first. Returns TERMBASE_OK or an error (EBUSY,
 * EIO).
 */
enum termbase_status termbase_doc_begin(struct termbase *tb, const char *path, const char *hash,
                                        uint64_t bytes, int *unchanged /* OUT */,
                                        struct dd_error *err /* OUT */);
/* Adds one pair of the open document. Pairs with an empty ko are skipped. */
enum termbase_status termbase_doc_add(struct termbase *tb, const struct model_pair *p,
                                      struct dd_error *err /* OUT */);
/*
 * Recomputes what the document changed, garbage-collects forms and
 * candidate concepts left without evidence, and commits. On failure the
 * transaction is rolled back: the termbase is as before termbase_doc_begin.
 */
enum termbase_status termbase_doc_commit(struct termbase *tb, struct dd_error *err /* OUT */);
/* Rolls the open document back. Safe when none is open. */
void termbase_doc_abort(struct termbase *tb);

/*
 * The termbase as a struct model_pair_sink (model/concept.h): fills *out
 * with callbacks that store each document through termbase_doc_begin,
 * _add, _commit and _abort, so that a reader of pair files (io/pairfile.h)
 * stores into tb without knowing it. out is valid while tb is.
 */
void termbase_pair_sink(struct termbase *tb, struct model_pair_sink *out /* OUT */);

/* ---- concepts --------------------------------------------------------------------- */

struct termbase_result; /* a list of concepts, owned by the caller */

size_t termbase_result_count(const struct termbase_result *r);
/* The i-th concept (i < count), valid until termbase_result_free. */
const struct model_concept *termbase_result_get(const struct termbase_result *r, size_t i);
/* Every concept of r: an array of termbase_result_count(r), valid until termbase_result_free. */
const struct model_concept *termbase_result_items(const struct termbase_result *r);
void termbase_result_free(struct termbase_result *r);

enum termbase_lookup_flags {
    TERMBASE_LOOKUP_EXACT = 1 << 0 /* exact and particle variants only */
};

/*
 * Finds concepts by any form: exact key, particle variant, prefix,
 * substring, then fuzzy Korean (jamo distance), ranked in that order and,
 * within a rank, by distance, review status (approved first, rejected
 * last), count and key. Returns at most limit concepts (0: no limit) in a
 * result the caller frees, or NULL with err filled in: EINPUT for an empty,
 * over-long (TERMBASE_QUERY_MAX) or invalid UTF-8 query, else a storage
 * error. An empty result is not an error.
 */
struct termbase_result *termbase_lookup(struct termbase *tb, const char *query, unsigned flags,
                                        size_t limit, struct dd_error *err /* OUT */);

/*
 * Lists concepts with the given status (-1: all) by count (highest first),
 * then key. limit 0 means no limit. Returns a result or NULL with err.
 */
struct termbase_result *termbase_list(struct termbase *tb, int status, size_t limit,
                                      struct dd_error *err /* OUT */);

/*
 * Streams every concept with the given status (-1: all) in key order (the
 * normalised Korean key, then id: deterministic), calling fn(ctx, c) for
 * each. The concept is valid only during the call, and only one is in
 * memory at a time, so exports stay flat in the size of the termbase. fn
 * returns 0 to go on; a non-zero value stops the walk and is returned.
 * Returns 0 when every concept was visited, or -1 with err filled in.
 */
int termbase_foreach(struct termbase *tb, int status, model_concept_fn fn, void *ctx,
                     struct dd_error *err /* OUT */);

/*
 * Streams the concepts termbase_list would give (status, -1 for all, by
 * count then key, at most limit, 0 for no limit), one in memory at a time:
 * review --all of a large termbase stays flat. fn and the result as for
 * termbase_foreach.
 */
int termbase_list_foreach(struct termbase *tb, int status, size_t limit, model_concept_fn fn,
                          void *ctx, struct dd_error *err /* OUT */);

/*
 * 1 when some concept not rejected has a loanword, English or abbreviation
 * form (what a checker looks for), 0 when none has, -1 with err.
 */
int termbase_has_foreign_forms(struct termbase *tb, struct dd_error *err /* OUT */);

/*
 * Streams, in key order as termbase_foreach, every concept with a form
 * whose lookup key (text_key) starts with one of the n prefixes or equals
 * one of the nkeys keys, and, again and again, every concept sharing a
 * form key with one already chosen. A checker passes what can begin a
 * form in its text (the three code points at each place as a prefix, the
 * two as a whole key): the concepts a check needs are read, not the whole
 * termbase. The candidates live in a temporary table of the connection.
 * fn and the result as for termbase_foreach.
 */
int termbase_foreach_prefixed(struct termbase *tb, const char *const *prefixes, size_t n,
                              const char *const *keys, size_t nkeys, model_concept_fn fn, void *ctx,
                              struct dd_error *err /* OUT */);

/*
 * A termbase as a struct model_concept_source: set src.src to a
 * struct termbase_source and src.foreach to termbase_source_foreach, which
 * walks it as termbase_foreach does and leaves a failure in *err.
 */
struct termbase_source {
    struct termbase *tb;  /* the termbase walked */
    struct dd_error *err; /* OUT: why a walk returned -1 */
};
int termbase_source_foreach(void *source, int status, model_concept_fn fn, void *ctx);

/* ---- merging concepts from exchange files (dadeum import) ------------------------- */

/*
 * Concepts read from TMX, TBX, TSV or CSV (io/exchange.h) are merged, not
 * ingested: they carry no document evidence, so they never change counts,
 * preferred forms or examples of what documents put there. Between
 * termbase_merge_begin and _commit, in IMMEDIATE transactions of at most
 * TERMBASE_MERGE_BATCH concepts or TERMBASE_MERGE_BATCH_MS milliseconds
 * each, with a pause of TERMBASE_MERGE_PAUSE_MS between them in which
 * other writers get the lock (a merge of a million concepts would
 * otherwise lock them out for minutes):
 *
 *   concept  found by the stem key of its preferred Korean form; created
 *            when missing, keeping the file's concept id when that id is
 *            free (so export -> import into an empty termbase -> export
 *            keeps ids), with the file's preferred form, kind, status, note
 *   status   applied only to a candidate concept: a decision in the
 *            termbase wins over one in a file
 *   note     set only when the concept has none; kind only when empty
 *   forms    added when missing, and marked as vouched for (user = 1, as
 *            `dadeum set` does) so that they outlive document changes
 *   example  a concept the merge creates gets the file's example back as
 *            evidence of its preferred form in the document the example
 *            names; unless that document is stored, a stand-in document
 *            row with hash "import" is made, which ingesting the real
 *            document replaces
 *
 * Importing the same file twice, or a file exported from this termbase,
 * adds nothing; so a merge cut short (abort, a failed batch) is finished
 * by merging the same concepts again. Callers that want a malformed file
 * to add nothing read it through once before merging (dadeum import).
 */
#define TERMBASE_MERGE_BATCH 5000
#define TERMBASE_MERGE_BATCH_MS 250
#define TERMBASE_MERGE_PAUSE_MS 10

struct termbase_merge;

struct termbase_merge_stats {
    unsigned long concepts;     /* concepts read */
    unsigned long new_concepts; /* of which created */
    unsigned long new_forms;    /* forms added */
    unsigned long updated;      /* existing concepts whose status, note or kind changed */
    unsigned long committed;    /* concepts read whose batch is committed */
};

/*
 * Opens the write transaction. Returns a handle (ended by _commit or
 * _abort, which free it) or NULL with err filled in (EBUSY, EIO, ...).
 */
struct termbase_merge *termbase_merge_begin(struct termbase *tb, struct dd_error *err /* OUT */);
/*
 * Merges concept c (its id, ko, kind, status, note and forms are read; a
 * concept without a Korean form is skipped), committing the batch when it
 * is full. Returns TERMBASE_OK or a storage error; after an error only
 * _abort is allowed.
 */
enum termbase_status termbase_merge_add(struct termbase_merge *m, const struct model_concept *c,
                                        struct dd_error *err /* OUT */);
/* The counts so far. */
const struct termbase_merge_stats *termbase_merge_get_stats(const struct termbase_merge *m);
/* Commits and frees m. On failure the last batch is rolled back. */
enum termbase_status termbase_merge_commit(struct termbase_merge *m,
                                           struct dd_error *err /* OUT */);
/* Rolls back the batch in progress and frees m. Accepts NULL. */
void termbase_merge_abort(struct termbase_merge *m);

/* One concept by id: a result with one entry, or NULL (ENOTFOUND, ...). */
struct termbase_result *termbase_get(struct termbase *tb, int64_t id,
                                     struct dd_error *err /* OUT */);

/* A review decision; NULL / -1 fields are left as they are. */
struct termbase_edit {
    int status;       /* enum model_status, or -1 */
    const char *en;   /* English form to add, or NULL */
    const char *abbr; /* abbreviation to add, or NULL */
    const char *note; /* note to set ("" clears it), or NULL */
};

/*
 * Applies e to concept id in one transaction. Forms added here are marked
 * as the user's and outlive the documents; so do status and note.
 * Returns TERMBASE_OK, ENOTFOUND, or a storage error.
 */
enum termbase_status termbase_edit(struct termbase *tb, int64_t id, const struct termbase_edit *e,
                                   struct dd_error *err /* OUT */);

/*
 * Writes every concept, form, piece of evidence and document to fp as
 * sorted TSV without row ids: the same content gives the same bytes,
 * whatever order it was ingested in. The caller checks ferror(fp).
 */
enum termbase_status termbase_dump(struct termbase *tb, FILE *fp, struct dd_error *err /* OUT */);

/*
 * Checks the structural invariants (every form has a concept, keys match
 * their text, the fuzzy and substring indexes cover every form, no
 * evidence without a document). Returns TERMBASE_OK or EINTERNAL with
 * the first violation in err->message.
 */
enum termbase_status termbase_check(struct termbase *tb, struct dd_error *err /* OUT */);

#endif
