/*
 * pairfile.h - reading term pairs from files instead of documents: the
 * JSON Lines of `dadeum extract --format jsonl` (`dadeum ingest
 * --from-jsonl`) and TSV glossaries (`lookup --glossary`, `check
 * --glossary`).
 *
 * Both readers turn each input line into a record of named fields, group
 * consecutive records by their "file" field (the whole input when there
 * is none) and hand each group to a struct model_pair_sink as one
 * document, with a content hash over the group's raw lines
 * (util/hash.h): re-importing the same output changes nothing, importing
 * a new extraction of a file replaces that file's evidence. The reader
 * knows nothing of where the pairs go; termbase_pair_sink stores them.
 *
 * JSON Lines: one flat object per line whose values are strings, numbers,
 * true, false or null (RFC 8259, as far as dadeum writes it); keys file,
 * line, ko, gloss, kind, count, reversed, expansion, context, en, abbr,
 * confidence and evidence are read, others ignored. TSV: a header row,
 * then rows of at least two columns; columns named ko and gloss (and
 * optionally the other keys) are used when the header names them, else
 * the first two columns are ko and gloss; `dadeum extract` TSV has a file
 * column, whose value then names the document instead of path.
 */
#ifndef DADEUM_IO_PAIRFILE_H
#define DADEUM_IO_PAIRFILE_H

#include <stdint.h>

#include "model/concept.h"
#include "util/error.h"

enum pairfile_format {
    PAIRFILE_JSONL = 0, /* `dadeum extract --format jsonl` */
    PAIRFILE_TSV        /* a TSV glossary, or `dadeum extract` TSV */
};

/* Why the file itself failed, in err->detail; err->code is then DD_EINPUT. */
enum pairfile_status {
    PAIRFILE_OK = 0,
    PAIRFILE_EOPEN, /* path cannot be opened or read (the message says which) */
    PAIRFILE_EINPUT /* a line is not valid UTF-8, not a dadeum record, or has too few columns */
};

/* What pairfile_read reports after each document. */
struct pairfile_progress {
    unsigned long docs;      /* documents stored or found unchanged so far */
    unsigned long unchanged; /* of which unchanged */
    unsigned long pairs;     /* pairs read so far */
    uint64_t bytes;          /* input bytes read so far */
};

typedef void (*pairfile_progress_fn)(void *ctx, const struct pairfile_progress *p);

/*
 * Reads the pairs of path ("-" is standard input) in fmt into sink,
 * calling progress (may be NULL) after each document. Returns 0, or -1
 * with err filled in: by the reader (detail PAIRFILE_EOPEN, or
 * PAIRFILE_EINPUT with err->line), or by the sink; the sink's open
 * document is then aborted, and documents before it stay stored.
 */
int pairfile_read(const char *path, enum pairfile_format fmt, const struct model_pair_sink *sink,
                  pairfile_progress_fn progress, void *ctx, struct dd_error *err /* OUT */);

#endif
