/*
 * lexicon.h - what doc.c asks of the termbase pairs (parallel.h has the rest).
 */
#ifndef DADEUM_PARALLEL_LEXICON_H
#define DADEUM_PARALLEL_LEXICON_H

#include <stddef.h>
#include <stdint.h>

#include "parallel/parallel.h"

/*
 * Calls add(ctx, anchor) for every form of the side english says found in
 * s[0..len) (a Korean form where a word starts, an English one as whole
 * words). Returns how many.
 */
size_t par_lexicon_match(const struct par_lexicon *lx, int english, const char *s, size_t len,
                         void (*add)(void *ctx, uint32_t anchor), void *ctx);

#endif
