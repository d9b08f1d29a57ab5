/*
 * render.h - concepts for people and scripts: the output of lookup, review
 * and set.
 *
 * Text puts each concept on one line as "plain term ↔ loanword ↔ English
 * ↔ abbreviation", then id, kind, status, count and how it matched, then
 * one example sentence (shortened around the term) with its document and
 * line. TSV has a header row and one row per concept, lists joined by
 * "; ". JSON is one array of objects (RFC 8259). docs/formats.md gives the
 * columns and keys.
 */
#ifndef DADEUM_IO_RENDER_H
#define DADEUM_IO_RENDER_H

#include <stddef.h>
#include <stdio.h>

#include "model/concept.h"

enum render_format {
    RENDER_TEXT = 0, /* for people: the concept on one line, then status and example */
    RENDER_TSV,      /* header row, one row per concept, lists joined by "; " */
    RENDER_JSON      /* one JSON array of objects (RFC 8259) */
};

/*
 * Writes the n concepts of cs to fp in fmt (a TSV header row or an empty
 * JSON array also when n is 0). The caller checks ferror(fp).
 */
void render_concepts(const struct model_concept *cs, size_t n, FILE *fp, enum render_format fmt);

/* The same a concept at a time, for a stream of concepts: the header (or
 * "["), the i-th concept (0-based, for JSON's separators), then the end. */
void render_begin(FILE *fp, enum render_format fmt);
void render_concept(FILE *fp, enum render_format fmt, const struct model_concept *c, size_t i);
void render_end(FILE *fp, enum render_format fmt);

#endif
