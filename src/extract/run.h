/*
 * run.h - extracting one file: the reader and the extractor wired together.
 *
 * Every command that turns a document into pairs (extract, ingest) goes
 * through extract_run_file, so that decoding, normalisation and extraction
 * behave the same everywhere:
 *
 *   struct extract_run_info info;
 *   struct dd_error err;
 *   struct extract_doc *d = extract_run_file("a.txt", NULL, 0, 0, oracle, &info, &err);
 *   if (!d) { ... err.message says why, err.code is the exit class ... }
 *   ... extract_doc_count(d), extract_doc_get(d, i) ...
 *   extract_doc_free(d);
 */
#ifndef DADEUM_EXTRACT_RUN_H
#define DADEUM_EXTRACT_RUN_H

#include <stdint.h>

#include "extract/extract.h"
#include "doc/reader.h"
#include "util/strbuf.h"

/* What a run read, besides the pairs. */
struct extract_run_info {
    char encoding[32];      /* encoding the decoder used, for warnings */
    uint64_t replaced;      /* byte sequences replaced under TEXT_LENIENT */
    uint64_t bytes;         /* bytes of normalised text read, for progress */
    enum doc_format format; /* what the file was read as (DOC_TEXT for text) */
};

/*
 * Reads path ("-" is standard input) with encoding (NULL to detect) and
 * text_flags (enum text_flags), runs the extractor with extract_flags (enum
 * extract_flags) asking oracle (NULL: none; see extract_doc_new) and
 * returns the finished document, which the caller frees with
 * extract_doc_free; info (may be NULL) is filled in. Returns NULL when the
 * file cannot be opened, read or decoded, with err filled in by the reader
 * (text_input_fail: "cannot decode 'a.txt' as cp949 at byte 12", DD_EUSAGE
 * for an unknown encoding, else DD_EINPUT). The document is named path.
 */
struct extract_doc *extract_run_file(const char *path, const char *encoding, unsigned text_flags,
                                     unsigned extract_flags, const struct extract_oracle *oracle,
                                     struct extract_run_info *info /* OUT */,
                                     struct dd_error *err /* OUT */);

/*
 * Appends the position of line in a file whose run filled info: "12" for a
 * text file, "§12" (the 12th paragraph, as `dadeum text` prints them) for
 * a document, so that messages read "file.hwp:§12".
 */
void extract_run_position(const struct extract_run_info *info, unsigned long line,
                          struct strbuf *out);

/*
 * The same, from doc's own labels when it kept them (extract_doc_where:
 * "p3:14" for a PDF's line, "fn 2" for a footnote), else as above.
 */
void extract_run_where(const struct extract_doc *doc, const struct extract_run_info *info,
                       unsigned long line, struct strbuf *out);

#endif
