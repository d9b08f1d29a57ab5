/*
 * wordlist.h - a sorted word list kept as one string.
 *
 * Generated tables of words (hunspell-ko's verb forms, WordNet's compounds,
 * the transliteration index) are written as the words in byte order, each
 * ended by a NUL, in one string: data without pointers, so nothing is
 * relocated when a process starts. They are searched in place.
 */
#ifndef DADEUM_UTIL_WORDLIST_H
#define DADEUM_UTIL_WORDLIST_H

#include <stddef.h>
#include <stdint.h>

/*
 * The offset of the word w[0..len) in the list blob[0..size) (sorted in byte
 * order, each word NUL-ended), or -1. A binary search over bytes: from the
 * middle byte back to the start of its word, compare, keep the half that can
 * still hold w.
 */
long wordlist_find(const char *blob, size_t size, const char *w, size_t len);

/*
 * The same, through a hash index of the list made at build time
 * (src/gen/gen_wordindex.c): slot[0..mask] holds 1 + the offset of a word
 * hashed (strmap_hash) to its place or found free after it, or 0.
 */
long wordlist_index_find(const char *blob, const uint32_t *slot, size_t mask, const char *w,
                         size_t len);

#endif
