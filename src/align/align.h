/*
 * align.h - whole-document alignment on top of the extractor.
 *
 * align_cross adds to a finished document the pairs that no bracket ties:
 * list alignments and body/appendix substitutions (align/cross.h). The
 * document must have been extracted with EXTRACT_KEEP_TEXT.
 */
#ifndef DADEUM_ALIGN_ALIGN_H
#define DADEUM_ALIGN_ALIGN_H

#include "extract/extract.h"

/* Adds the cross pairs of d; flags are enum cross_flags. Returns how many. */
size_t align_cross(struct extract_doc *d, unsigned flags);

#endif
