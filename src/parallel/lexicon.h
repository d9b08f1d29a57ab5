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
size_t par_lexicon_match(struct par_lexicon *lx, int english, const char *s, size_t len,
                         void (*add)(void *ctx, uint32_t anchor), void *ctx);

/*
 * Anchors are 32-bit hashes: numbers have the top bit set; a soft anchor (a
 * loanword's transliteration, which may be wrong) has the next bit set and
 * counts when it is shared but costs nothing when it is not. Anchors are
 * compared and sorted by their key, the hash without the soft bit.
 */
#define PAR_ANCHOR_NUMBER 0x80000000u
#define PAR_ANCHOR_SOFT 0x40000000u

static inline uint32_t par_anchor_key(uint32_t a)
{
    return a & ~PAR_ANCHOR_SOFT;
}

/*
 * The anchor of a Latin word (lower case, n bytes): the same for a word of
 * the text and for the English a loanword transliterates to.
 */
uint32_t par_word_anchor(const char *w, size_t n);

#endif
