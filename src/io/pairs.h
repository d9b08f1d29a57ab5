/*
 * pairs.h - writing extracted pairs as TSV or JSON Lines.
 *
 * TSV: a header row, then one row per pair; tabs, CR and LF inside a field
 * become spaces so that every row has the same number of columns, other
 * controls \x1b (utf8_add_visible). JSON Lines: one object per pair,
 * strings escaped per RFC 8259, UTF-8 as is. In both, the file name is
 * written as utf8_add_visible writes names (\xff for a byte that is not
 * UTF-8, \x09 for a TAB), so the output is UTF-8 whatever the name.
 * Both are written to a stdio stream; the caller checks ferror().
 */
#ifndef DADEUM_IO_PAIRS_H
#define DADEUM_IO_PAIRS_H

#include <stdio.h>

#include "extract/extract.h"

enum pairs_format { PAIRS_TSV, PAIRS_JSONL };

/* Writes the TSV header row (nothing for JSON Lines). */
void pairs_write_header(FILE *fp, enum pairs_format fmt);
/* Writes one pair found in file. */
void pairs_write(FILE *fp, enum pairs_format fmt, const char *file, const struct extract_pair *p);

#endif
