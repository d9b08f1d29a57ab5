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
 * trailing particle stripped: termbase_key), so 인공지능 안전연구소,
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
 * struct termbase_error; nothing here prints or exits.
 */
#ifndef DADEUM_TERMBASE_TERMBASE_H
#define DADEUM_TERMBASE_TERMBASE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "extract/extract.h"
#include "util/strbuf.h"

/* The schema version this build writes (PRAGMA user_version). */
#define TERMBASE_SCHEMA_VERSION 4
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

struct termbase_error {
    enum termbase_status code; /* TERMBASE_OK when there is no error */
    int sqlite_code;           /* extended SQLite result code, or 0 */
    unsigned long line;        /* input line for TERMBASE_EINPUT, else 0 */
    char message[256];         /* what failed, lower-case, no newline */
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
struct termbase *termbase_open(const char *path, unsigned flags,
                               struct termbase_error *err /* OUT */);

/* Closes the database and frees tb. Accepts NULL. */
void termbase_free(struct termbase *tb);

/* Schema version of the open file (after migration). */
int termbase_get_version(struct termbase *tb);

/* ---- keys ------------------------------------------------------------------------ */

/*
 * Appends the lookup key of s[0..len) to out: NFC (text/nfc.h), spaces
 * and the middle dot removed, ASCII and Latin-1 letters lower-cased. With
 * stem set, a trailing Korean particle is stripped as well
 * (ko_strip_particle, keeping a stem of two syllables or more).
 */
void termbase_key(const char *s, size_t len, int stem, struct strbuf *out);

/* ---- ingest ---------------------------------------------------------------------- */

/* Content hash of a document: "fnv1a64:" and 16 hex digits (FNV-1a, 64 bits). */
#define TERMBASE_HASH_SIZE 25

struct termbase_hash {
    uint64_t state;               /* running FNV-1a value */
    char hex[TERMBASE_HASH_SIZE]; /* NUL-terminated */
    uint64_t bytes;               /* bytes hashed */
};

/* Starts a hash; feed bytes with termbase_hash_add, then read h->hex. */
void termbase_hash_init(struct termbase_hash *h);
void termbase_hash_add(struct termbase_hash *h, const void *data, size_t len);
/* Hashes the bytes of the file at path. Returns 0, or -1 with errno set. */
int termbase_hash_file(const char *path, struct termbase_hash *out /* OUT */);

/*
 * One pair as stored: an extract_pair, plus the English and abbreviation
 * forms an aligner may add (NULL when absent). ko and gloss are required;
 * gloss may be "" when only en/abbr are known.
 */
struct termbase_pair {
    const char *ko;        /* Korean term as written */
    const char *gloss;     /* the other side, as written */
    enum gloss_kind kind;  /* what gloss is */
    unsigned long line;    /* first line in the document */
    unsigned count;        /* occurrences in the document */
    int reversed;          /* written gloss(term) */
    const char *context;   /* the line of the first occurrence, or NULL */
    const char *expansion; /* English long form of an abbreviation, or NULL */
    const char *en;        /* English form from the aligner, or NULL */
    const char *abbr;      /* abbreviation from the aligner, or NULL */
    const char *en_source; /* where en comes from: extract_pair.evidence ("gloss",
                            * "corpus", "lexicon", "translit", ...), or NULL: unknown */
    double en_score;       /* en's confidence in [0,1] (extract_pair.confidence) */
};

/* Fills p from an extractor pair, with the aligner's en and abbr when it set them. */
void termbase_pair_from_extract(struct termbase_pair *p, const struct extract_pair *x);

/*
 * Returns 1 when document path is stored with this hash (storing it again
 * would change nothing), 0 when not, -1 on error (err filled in).
 */
int termbase_doc_is_current(struct termbase *tb, const char *path, const char *hash,
                            struct termbase_error *err /* OUT */);

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
                                        struct termbase_error *err /* OUT */);
/* Adds one pair of the open document. Pairs with an empty ko are skipped. */
enum termbase_status termbase_doc_add(struct termbase *tb, const struct termbase_pair *p,
                                      struct termbase_error *err /* OUT */);
/*
 * Recomputes what the document changed, garbage-collects forms and
 * candidate concepts left without evidence, and commits. On failure the
 * transaction is rolled back: the termbase is as before termbase_doc_begin.
 */
enum termbase_status termbase_doc_commit(struct termbase *tb, struct termbase_error *err /* OUT */);
/* Rolls the open document back. Safe when none is open. */
void termbase_doc_abort(struct termbase *tb);

/* What termbase_ingest_jsonl reports after each document. */
struct termbase_progress {
    unsigned long docs;      /* documents stored or found unchanged so far */
    unsigned long unchanged; /* of which unchanged */
    unsigned long pairs;     /* pairs read so far */
    uint64_t bytes;          /* input bytes read so far */
};

typedef void (*termbase_progress_fn)(void *ctx, const struct termbase_progress *p);

/*
 * Stores the output of `dadeum extract --format jsonl` read from path ("-"
 * is standard input). Consecutive records with the same "file" form one
 * document, hashed over those records' bytes; each is stored as by
 * termbase_doc_begin/_add/_commit. progress (may be NULL) is called after
 * each document. Returns TERMBASE_OK, EOPEN (cannot read path), EINPUT
 * (bad record: err->line), or a storage error; documents before the bad
 * one stay stored.
 */
enum termbase_status termbase_ingest_jsonl(struct termbase *tb, const char *path,
                                           termbase_progress_fn progress, void *ctx,
                                           struct termbase_error *err /* OUT */);

/*
 * Stores a TSV glossary as one document named path: a header row, then rows
 * of at least two columns. Columns named ko and gloss (and optionally kind,
 * line, count, expansion, en, abbr, context) are used when the header names
 * them, else the first two columns are ko and gloss; `dadeum extract` TSV
 * has a file column, whose value then names the document instead.
 * Returns TERMBASE_OK, EOPEN, EINPUT (invalid UTF-8, too few columns:
 * err->line), or a storage error.
 */
enum termbase_status termbase_load_tsv(struct termbase *tb, const char *path,
                                       struct termbase_error *err /* OUT */);

/* ---- concepts --------------------------------------------------------------------- */

enum termbase_review { TERMBASE_CANDIDATE = 0, TERMBASE_APPROVED, TERMBASE_REJECTED };

/* "candidate", "approved", "rejected"; and back (-1 when unknown). */
const char *termbase_review_name(enum termbase_review r);
int termbase_review_parse(const char *s);

/* Form types; the names are stored in the database. */
enum termbase_form_type {
    TERMBASE_FORM_KO = 0,   /* a Korean spelling of the concept's term */
    TERMBASE_FORM_LOANWORD, /* Hangul transliteration (클라우드) */
    TERMBASE_FORM_ENGLISH,  /* English word or long form (cloud) */
    TERMBASE_FORM_ABBREV,   /* abbreviation (CEO) */
    TERMBASE_FORM_NATIVE,   /* Korean synonym or hanja */
    TERMBASE_FORM_SHORT,    /* short form or short title (과기정통부) */
    TERMBASE_FORM_NTYPES
};

const char *termbase_form_type_name(enum termbase_form_type t);

/*
 * Sources of a form, as stored (evidence.source per document, form.source
 * for forms added by hand or by import; docs/termbase.md, "Confidence"):
 */
#define TERMBASE_SOURCE_DOCUMENT "document" /* written in the document */
#define TERMBASE_SOURCE_LEXICON "lexicon"   /* the curated lexicon (glossaries/lexicon/) */
#define TERMBASE_SOURCE_L10N "l10n"         /* attested in localisation catalogues */
#define TERMBASE_SOURCE_TRANSLIT "translit" /* a transliteration guess, score = its score */
#define TERMBASE_SOURCE_DERIVED "derived"   /* guessed from the term's parts */
#define TERMBASE_SOURCE_USER "user"         /* added by `dadeum set` */
#define TERMBASE_SOURCE_IMPORT "import"     /* merged from an exchange file */

/*
 * Maps the extractor's evidence of an English form (extract_pair.evidence:
 * "gloss", "corpus", "lexicon", "l10n+translit", ...) to a stored source:
 * any transliterated part makes it a translit guess, else l10n, lexicon,
 * document. Returns a TERMBASE_SOURCE_* string, or NULL for NULL or an
 * unknown name.
 */
const char *termbase_source_of_evidence(const char *evidence);

/*
 * The default export gate (docs/termbase.md, "Confidence"): approved
 * concepts, and candidates whose confidence is at least this. Fitted by
 * tests/calibrate_translit.py; see confidence.c for the figures.
 */
#define TERMBASE_MIN_CONFIDENCE 0.95

/*
 * How sure the form's text is, in [0,1], from f->source and f->score:
 * document, user 1; import its score (1 when the file gave none); lexicon,
 * l10n 0.95 at least; translit the calibrated probability of its score
 * (confidence.c); derived its score; unknown source (stored before schema
 * version 3) 0.
 */
double termbase_form_confidence(const char *source, double score);

struct termbase_form {
    const char *text;             /* as written */
    enum termbase_form_type type; /* what it is */
    unsigned long count;          /* occurrences over all documents */
    int user;                     /* 1 when added by `dadeum set` */
    const char *source;           /* where it comes from (TERMBASE_SOURCE_*), NULL: unknown */
    double score;                 /* the source's score in [0,1], or -1 when it gave none */
    double confidence;            /* termbase_form_confidence(), in [0,1] */
};

/* How a lookup matched, best first. */
enum termbase_match {
    TERMBASE_MATCH_EXACT = 0, /* the query's key equals a form's key */
    TERMBASE_MATCH_VARIANT,   /* equal after stripping a particle (클라우드를) */
    TERMBASE_MATCH_PREFIX,    /* a form's key starts with the query's key */
    TERMBASE_MATCH_SUBSTRING, /* a form's key contains it */
    TERMBASE_MATCH_FUZZY,     /* jamo edit distance (클라우디) */
    TERMBASE_MATCH_NONE       /* listed, not looked up */
};

const char *termbase_match_name(enum termbase_match m);

/* Where a data category sits in a TBX entry (ISO 30042: termEntry, langSet, tig). */
enum termbase_level {
    TERMBASE_LEVEL_ENTRY = 0, /* the entry (concept) */
    TERMBASE_LEVEL_LANG,      /* a language section */
    TERMBASE_LEVEL_TERM       /* a term section (one form) */
};

/*
 * A data category read from a TBX file that no field of the model holds:
 * subjectField, definition, partOfSpeech, grammaticalGender, a term's note
 * or source, a second entry note, cross-references, transactions, and a
 * termType or administrativeStatus other than the one tbx_write.c derives
 * from the form type. Kept as read, in file order, so that export writes
 * it back where it was (docs/formats.md, "Data categories kept").
 */
struct termbase_datcat {
    enum termbase_level level;         /* entry, language section or term */
    int side;                          /* LANG, TERM: 0 the Korean side, 1 the other */
    enum termbase_form_type form_type; /* TERM: the type of its form */
    const char *form;                  /* TERM: the text of its form; else NULL */
    const char *group;                 /* "descripGrp", "adminGrp", "transacGrp" or NULL */
    unsigned group_no;                 /* which group (ordinal in the entry), 0 for none */
    const char *element;               /* descrip, termNote, admin, note, ref, xref, transac,
                                          transacNote or date */
    const char *type;                  /* its type attribute, or NULL */
    const char *ref;                   /* its target attribute, or NULL */
    const char *value;                 /* its text */
};

struct termbase_concept {
    int64_t id;                  /* stable concept id (for `dadeum set`) */
    const char *ko;              /* preferred Korean form */
    const char *kind;            /* kind of the most frequent gloss ("loanword", ...) */
    enum termbase_review status; /* review status */
    const char *note;            /* reviewer's note, or NULL */
    unsigned long count;         /* occurrences of the Korean forms over all documents */
    unsigned long ndocs;         /* documents with evidence */
    struct termbase_form *forms; /* every form, by type, then count, then text */
    size_t nforms;               /* entries in forms */
    const char *example;         /* a context line, or NULL */
    const char *example_path;    /* its document */
    unsigned long example_line;  /* its line */
    enum termbase_match match;   /* how the lookup found it */
    const char *matched;         /* the form that matched, or NULL */
    int distance;                /* FUZZY: jamo distance (JAMO_COST_UNIT); PREFIX, SUBSTRING:
                                    characters beyond the query; else 0 */
    const struct termbase_datcat *datcats; /* data categories kept from TBX, file order */
    size_t ndatcats;                       /* entries in datcats */
    double confidence;                     /* termbase_concept_confidence(), in [0,1]; from a file:
                                              what it said (x-dadeum-confidence) */
    int has_confidence;                    /* confidence is set (a file may not give one) */
};

struct termbase_result; /* a list of concepts, owned by the caller */

size_t termbase_result_count(const struct termbase_result *r);
/* The i-th concept (i < count), valid until termbase_result_free. */
const struct termbase_concept *termbase_result_get(const struct termbase_result *r, size_t i);
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
                                        size_t limit, struct termbase_error *err /* OUT */);

/*
 * Lists concepts with the given status (-1: all) by count (highest first),
 * then key. limit 0 means no limit. Returns a result or NULL with err.
 */
struct termbase_result *termbase_list(struct termbase *tb, int status, size_t limit,
                                      struct termbase_error *err /* OUT */);

/*
 * Streams every concept with the given status (-1: all) in key order (the
 * normalised Korean key, then id: deterministic), calling fn(ctx, c) for
 * each. The concept is valid only during the call, and only one is in
 * memory at a time, so exports stay flat in the size of the termbase. fn
 * returns 0 to go on; a non-zero value stops the walk and is returned.
 * Returns 0 when every concept was visited, or -1 with err filled in.
 */
typedef int (*termbase_concept_fn)(void *ctx, const struct termbase_concept *c);
int termbase_foreach(struct termbase *tb, int status, termbase_concept_fn fn, void *ctx,
                     struct termbase_error *err /* OUT */);

/* ---- the confidence gate of exports ------------------------------------------------ */

/*
 * A concept's confidence, in [0,1], rounded to hundredths: approved 1,
 * rejected 0; else the best termbase_form_confidence of its English-side
 * forms (english, abbrev), or of its other forms when it has none (a
 * concept whose gloss is Korean has no English to get wrong). load_concept
 * sets c->confidence from this for every concept it returns.
 */
double termbase_concept_confidence(const struct termbase_concept *c);

/* What the gate decided about a concept. */
enum termbase_gate {
    TERMBASE_GATE_PASS = 0, /* approved, or confident enough */
    TERMBASE_GATE_REJECTED, /* review status rejected */
    TERMBASE_GATE_TRANSLIT, /* its best English is a transliteration guess below the bar */
    TERMBASE_GATE_UNKNOWN,  /* its English has no recorded source (before schema 3) */
    TERMBASE_GATE_WEAK,     /* other evidence below the bar (a derived guess, ...) */
    TERMBASE_GATE_NREASONS
};

/* Applies the gate "approved, or candidate with confidence >= min" to c. */
enum termbase_gate termbase_gate_check(const struct termbase_concept *c, double min);

/*
 * Copies c into *out without the English-side forms whose confidence is
 * below min (an approved concept keeps every form): out->forms points into
 * forms, which must have room for c->nforms entries and which the caller
 * owns. Returns the number of forms left out.
 */
size_t termbase_concept_strip_weak(const struct termbase_concept *c, double min,
                                   struct termbase_concept *out /* OUT */,
                                   struct termbase_form *forms /* OUT */);

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
struct termbase_merge *termbase_merge_begin(struct termbase *tb,
                                            struct termbase_error *err /* OUT */);
/*
 * Merges concept c (its id, ko, kind, status, note and forms are read; a
 * concept without a Korean form is skipped), committing the batch when it
 * is full. Returns TERMBASE_OK or a storage error; after an error only
 * _abort is allowed.
 */
enum termbase_status termbase_merge_add(struct termbase_merge *m, const struct termbase_concept *c,
                                        struct termbase_error *err /* OUT */);
/* The counts so far. */
const struct termbase_merge_stats *termbase_merge_get_stats(const struct termbase_merge *m);
/* Commits and frees m. On failure the last batch is rolled back. */
enum termbase_status termbase_merge_commit(struct termbase_merge *m,
                                           struct termbase_error *err /* OUT */);
/* Rolls back the batch in progress and frees m. Accepts NULL. */
void termbase_merge_abort(struct termbase_merge *m);

/* One concept by id: a result with one entry, or NULL (ENOTFOUND, ...). */
struct termbase_result *termbase_get(struct termbase *tb, int64_t id,
                                     struct termbase_error *err /* OUT */);

/* A review decision; NULL / -1 fields are left as they are. */
struct termbase_edit {
    int status;       /* enum termbase_review, or -1 */
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
                                   struct termbase_error *err /* OUT */);

enum termbase_format {
    TERMBASE_FORMAT_TEXT = 0, /* for people: the concept on one line, then status and example */
    TERMBASE_FORMAT_TSV,      /* header row, one row per concept, lists joined by "; " */
    TERMBASE_FORMAT_JSON      /* one JSON array of objects (RFC 8259) */
};

/*
 * Writes the concepts of r to fp in fmt. Text output shows each concept as
 * "plain term ↔ loanword ↔ English ↔ abbreviation", then id, kind, status,
 * count and how it matched, then one example sentence (shortened around the
 * term) with its document and line. The caller checks ferror(fp).
 */
void termbase_result_write(const struct termbase_result *r, FILE *fp, enum termbase_format fmt);

/*
 * Writes every concept, form, piece of evidence and document to fp as
 * sorted TSV without row ids: the same content gives the same bytes,
 * whatever order it was ingested in. The caller checks ferror(fp).
 */
enum termbase_status termbase_dump(struct termbase *tb, FILE *fp,
                                   struct termbase_error *err /* OUT */);

/*
 * Checks the structural invariants (every form has a concept, keys match
 * their text, the fuzzy and substring indexes cover every form, no
 * evidence without a document). Returns TERMBASE_OK or EINTERNAL with
 * the first violation in err->message.
 */
enum termbase_status termbase_check(struct termbase *tb, struct termbase_error *err /* OUT */);

#endif
