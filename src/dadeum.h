/*
 * dadeum.h - the library's public API: one context, and the pipelines the
 * commands run (as cmark's CLI is a caller of cmark.h).
 *
 * A context owns what extraction consults: the lexicons and the
 * transliterator's tables (built when the context is made, before any
 * thread starts) and the oracle that answers the extractor's questions
 * about loanwords (align/oracle.h), with its per-thread transliterators and
 * cached answers. Nothing is installed process-wide: every document is
 * extracted with the oracle of the context it was made from, so tests,
 * fuzzers and the CLI run one extractor.
 *
 *   struct dadeum_ctx *ctx = dadeum_ctx_new();
 *   struct dd_error err;
 *   struct extract_doc *d = dadeum_extract_file(ctx, "a.txt", NULL, 0, 0, NULL, &err);
 *   ... extract_doc_count(d), extract_doc_get(d, i) ...
 *   extract_doc_free(d);
 *   dadeum_ctx_free(ctx);
 *
 * A context may be used from several threads at once; free it after they
 * ended. The library never prints and never exits (STYLE.md §4): each
 * function says what it returns and where the details of a failure go.
 */
#ifndef DADEUM_DADEUM_H
#define DADEUM_DADEUM_H

#include <stddef.h>
#include <stdint.h>

#include "extract/extract.h"
#include "extract/run.h"
#include "io/exchange.h"
#include "termbase/termbase.h"
#include "util/error.h"

struct dadeum_ctx;

/* A new context with its tables built; never NULL. Free with dadeum_ctx_free. */
struct dadeum_ctx *dadeum_ctx_new(void);

/* Frees ctx, its oracle and every thread's transliterator. Accepts NULL. */
void dadeum_ctx_free(struct dadeum_ctx *ctx);

/* The oracle to pass to extract_doc_new / extract_run_file; owned by ctx. */
const struct extract_oracle *dadeum_ctx_get_oracle(const struct dadeum_ctx *ctx);

/* extract_doc_new with the context's oracle. */
struct extract_doc *dadeum_doc_new(const struct dadeum_ctx *ctx, const char *name,
                                   unsigned flags /* enum extract_flags */);

/* extract_run_file (extract/run.h) with the context's oracle. */
struct extract_doc *dadeum_extract_file(const struct dadeum_ctx *ctx, const char *path,
                                        const char *encoding, unsigned text_flags,
                                        unsigned extract_flags,
                                        struct extract_run_info *info /* OUT */,
                                        struct dd_error *err /* OUT */);

/* ---- many documents, in order, on several threads ------------------------------------ */

struct dadeum_extract_options {
    const char *encoding;   /* forced encoding, or NULL to detect */
    unsigned text_flags;    /* enum text_flags */
    unsigned extract_flags; /* enum extract_flags */
    int cross;              /* also align the whole document (align/align.h: align_cross) */
    unsigned jobs;          /* worker threads; 0 or 1: the calling thread alone */
};
#define DADEUM_EXTRACT_OPTIONS_INIT                                                                \
    {                                                                                              \
        NULL, 0, 0, 0, 1                                                                           \
    }

/*
 * Called on the calling thread once per input, in the order of paths: doc
 * is the finished document (owned by the library, freed after the call), or
 * NULL when the file could not be read and err says why; info holds the
 * encoding, lenient replacements and format read. A non-zero return stops
 * the run and is returned by dadeum_extract_files.
 */
typedef int (*dadeum_extract_fn)(void *data, const char *path, struct extract_doc *doc,
                                 const struct extract_run_info *info, const struct dd_error *err);

/*
 * Extracts paths[0..n) with opt->jobs worker threads while the calling
 * thread hands the documents to fn in input order, so that what fn sees is
 * the same whatever the number of threads. Workers run at most 2 * jobs
 * documents ahead of fn, which bounds memory whatever n is. Returns 0 when
 * fn returned 0 for every input, else fn's first non-zero value (no later
 * input is handed to fn then).
 */
int dadeum_extract_files(struct dadeum_ctx *ctx, const char *const *paths, size_t n,
                         const struct dadeum_extract_options *opt, dadeum_extract_fn fn,
                         void *data);

/* ---- documents into a termbase ------------------------------------------------------- */

enum dadeum_ingest_status {
    DADEUM_INGEST_STORED = 0, /* extracted and stored (or its evidence replaced) */
    DADEUM_INGEST_CURRENT,    /* already stored with this content: not read again */
    DADEUM_INGEST_EHASH,      /* the file could not be read to hash it */
    DADEUM_INGEST_EREAD,      /* it could not be read or decoded */
    DADEUM_INGEST_ECHECK,     /* the termbase could not be asked about it */
    DADEUM_INGEST_ESTORE      /* the pairs could not be stored (rolled back) */
};

struct dadeum_ingest_result {
    uint64_t bytes;               /* bytes of the file (hashed), 0 when unreadable */
    size_t pairs;                 /* pairs extracted (STORED) */
    struct extract_run_info read; /* the encoding, lenient replacements and format read */
    unsigned long unread_groups;  /* bracket groups not read (extract_doc_unread_groups) */
    unsigned long first_unread;   /* and the first line that had some */
    size_t parallel;              /* dadeum_ingest_parallel: pairs given the aligned English */
    uint64_t en_replaced;         /* and byte sequences replaced in the English (TEXT_LENIENT) */
    char en_encoding[32];         /* the encoding the English was read as */
};

/*
 * Stores the pairs of the document at path in tb in one transaction, under
 * its name relative to the working directory (util/path.h), extracted
 * exactly as dadeum_extract_file does; a document stored with the same
 * content is not read again. Returns what happened; res has the details,
 * and err the failure for the E statuses ("cannot read 'a.txt': ...",
 * the reader's message, the termbase's, or for ESTORE "cannot store
 * 'a.txt': " before it), its code the exit status.
 */
enum dadeum_ingest_status dadeum_ingest_file(const struct dadeum_ctx *ctx, struct termbase *tb,
                                             const char *path, const char *encoding,
                                             unsigned text_flags,
                                             struct dadeum_ingest_result *res /* OUT */,
                                             struct dd_error *err /* OUT */);

/*
 * As dadeum_ingest_file, for a Korean document and its English version
 * (issue 18): ko_path is extracted, both are read and aligned sentence by
 * sentence (parallel/parallel.h; lexicon, may be NULL, adds its anchors),
 * and each pair whose English the aligned English confirms, or whose
 * loanword it renders where the pair had no English or a transliteration
 * guess, is stored with that English and the source "parallel"
 * (parallel/terms.h: par_term_to_model; t, may be NULL, makes the
 * proposals). The document is stored under ko_path's name with a hash of
 * both files, so that ingesting it alone or with another English version
 * extracts it again. res->parallel counts the pairs changed. Errors as for
 * dadeum_ingest_file, on either file.
 */
struct par_lexicon;
struct translit;
enum dadeum_ingest_status dadeum_ingest_parallel(const struct dadeum_ctx *ctx, struct termbase *tb,
                                                 const char *ko_path, const char *en_path,
                                                 const char *encoding, unsigned text_flags,
                                                 struct par_lexicon *lexicon, struct translit *t,
                                                 struct dadeum_ingest_result *res /* OUT */,
                                                 struct dd_error *err /* OUT */);

/* ---- a glossary ---------------------------------------------------------------------- */

/*
 * Opens the glossary a command searches: with glossary (a file name), a
 * private in-memory termbase holding that file, read as TBX when its
 * extension says so (as 'dadeum import' reads it), else as a TSV glossary
 * (io/pairfile.h); without, the termbase db read-only. Returns it (free
 * with termbase_free), or NULL with err filled in: a TBX file that cannot
 * be read is named "cannot read glossary 'g.tbx' (tbx): line L, column C:".
 */
struct termbase *dadeum_glossary_open(const char *db, const char *glossary,
                                      struct dd_error *err /* OUT */);

#endif
