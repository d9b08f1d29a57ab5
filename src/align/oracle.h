/*
 * oracle.h - the transliterator behind the extractor's questions.
 *
 * An align_oracle answers the extractor (extract/extract.h, struct
 * extract_oracle) whether a Hangul word is an English loanword and how a
 * loanword gloss reads in English, by translit.h. The context of dadeum.h
 * owns one; pass align_oracle_get() to extract_doc_new. Each thread that
 * asks gets its own translit handle on its first question (so a context
 * that never extracts pays nothing for hunspell); the oracle keeps them and
 * frees them all in align_oracle_free. Its answers are cached for all
 * threads.
 */
#ifndef DADEUM_ALIGN_ORACLE_H
#define DADEUM_ALIGN_ORACLE_H

#include "extract/extract.h"

struct align_oracle;

/* A new oracle; never NULL. Free it with align_oracle_free. */
struct align_oracle *align_oracle_new(void);

/* The interface to hand the extractor; owned by o, valid until it is freed. */
const struct extract_oracle *align_oracle_get(const struct align_oracle *o);

/*
 * Makes the calling thread's translit handle and the lexicon now, so that
 * threads started next find them built (a lookup on the first document
 * would otherwise pay for it). Optional: everything is built on first use,
 * safely from any thread.
 */
void align_oracle_prepare_threads(struct align_oracle *o);

/*
 * Frees o, every thread's translit handle and the cached answers. Call after
 * every thread that used it ended. Accepts NULL.
 */
void align_oracle_free(struct align_oracle *o);

#endif
