/*
 * reader.h - documents as a stream of normalised lines.
 *
 * A reader opens a path ("-" is standard input), decodes it in 64 KiB reads
 * (text/decode.h), splits at LF (a CR before it, or a lone CR, also ends a
 * line), normalises each line (text/normalize.h) and hands it out with its
 * 1-based line number in the original file. Memory is bounded by the longest
 * line, not by the file, and a line is at most TEXT_LINE_MAX bytes of decoded
 * text: a longer one (a file without line ends, /dev/zero, a binary) stops
 * the read with TEXT_READER_ELONG rather than growing the buffer without end.
 *
 * Documents in a container format (doc/doc.h: HWP, HWPX, DOCX, PDF) and web
 * pages (HTML), told apart by their first bytes (or named by
 * TEXT_READER_FORMAT in flags), are read whole, at most TEXT_DOC_MAX bytes,
 * by their reader; each paragraph
 * (or table row) becomes one line, numbered from 1, with a position label
 * ("§12", "p3:14") in where.
 */
#ifndef DADEUM_TEXT_READER_H
#define DADEUM_TEXT_READER_H

#include <stddef.h>
#include <stdint.h>

#include "doc/doc.h"
#include "text/decode.h"

/* Longest line accepted, in bytes of decoded UTF-8 before normalisation (docs/dadeum.1). */
#define TEXT_LINE_MAX (1u << 20)

/* Largest document read whole (HWP, HWPX, DOCX, PDF, HTML), in bytes (docs/dadeum.1). */
#define TEXT_DOC_MAX ((size_t)256 << 20)

/* In text_reader_open's flags: read as format f (enum doc_format) instead of detecting it. */
#define TEXT_READER_FORMAT(f) (((unsigned)(f) + 1) << 8)
#define TEXT_READER_FORMAT_MASK 0xFF00u

struct text_reader;

struct text_line {
    const char *text;  /* normalised UTF-8, NUL-terminated; valid until the next call */
    size_t len;        /* bytes in text */
    unsigned long no;  /* 1-based line number in the source file (paragraph of a document) */
    const char *where; /* a document's position label ("§12"); NULL for text files */
    const char *raw;   /* the decoded text it was normalised from (not NUL-terminated) */
    size_t raw_len;    /* bytes in raw */
};

enum text_reader_status {
    TEXT_READER_OK = 0,
    TEXT_READER_EOF,
    TEXT_READER_EOPEN,   /* the file cannot be opened (errno kept in sys_errno) */
    TEXT_READER_EREAD,   /* a read failed (errno kept in sys_errno) */
    TEXT_READER_EDECODE, /* the error holds the offset and encoding */
    TEXT_READER_EENCODING,
    TEXT_READER_ELONG, /* line number line is longer than TEXT_LINE_MAX bytes */
    TEXT_READER_EDOC   /* a document cannot be read: the message says why */
};

/*
 * Fills err for a failure of kind code to read path as text: err->detail
 * is code, err->code DD_EUSAGE for an unknown encoding and DD_EINPUT for
 * the rest, err->path is path, and the message names path ("-" is
 * "<stdin>") as every command words it: "cannot open 'a.txt': ...",
 * "cannot read ...", "cannot decode 'a.txt' as cp949 at byte 12",
 * "'a.txt' ends inside a utf-8 character at byte 3", "line 7 of 'a.txt' is
 * longer than ...", "unknown encoding 'x'". asked is the encoding the
 * caller asked for (NULL or "auto": detect): a decoding error names it,
 * not the superset that decoded it (euc-kr, not cp949). Assumes err holds
 * sys_errno for EOPEN and EREAD, the decoder's error (offset, encoding,
 * detail TEXT_ETRUNC when the input was cut) for EDECODE, and line for
 * ELONG. For the readers of doc/ and of check/; a document that cannot be
 * read (TEXT_READER_EDOC) is described by the reader itself.
 */
void text_input_fail(struct dd_error *err, enum text_reader_status code, const char *path,
                     const char *asked);

/*
 * Opens path for reading, as the readers of doc/ and of check/ open their
 * input: "-" is standard input (STDIN_FILENO, not to be closed), and an
 * open interrupted by a signal is retried. Returns the descriptor, or -1
 * with err filled in by text_input_fail(TEXT_READER_EOPEN) (asked as
 * there).
 */
int text_input_open(const char *path, const char *asked, struct dd_error *err /* OUT */);

/*
 * Opens path for reading with the given encoding (NULL to detect) and
 * flags (enum text_flags). Returns NULL and fills err on failure.
 */
struct text_reader *text_reader_open(const char *path, const char *encoding, unsigned flags,
                                     struct dd_error *err /* OUT */);

/*
 * Reads the next line into *line. Returns TEXT_READER_OK, TEXT_READER_EOF,
 * or an error status with err filled in.
 */
enum text_reader_status text_reader_next(struct text_reader *r, struct text_line *line /* OUT */,
                                         struct dd_error *err /* OUT */);

/* The format the file was read as (DOC_TEXT for text). */
enum doc_format text_reader_get_format(const struct text_reader *r);

/* The decoder's encoding and replacement count, for messages. */
const char *text_reader_get_encoding(const struct text_reader *r);
uint64_t text_reader_get_replaced(const struct text_reader *r);

/* Closes the file (unless stdin) and frees r. Accepts NULL. */
void text_reader_free(struct text_reader *r);

#endif
