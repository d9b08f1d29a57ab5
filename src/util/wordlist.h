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

/*
 * The offset of the word w[0..len) in the list blob[0..size) (sorted in byte
 * order, each word NUL-ended), or -1. A binary search over bytes: from the
 * middle byte back to the start of its word, compare, keep the half that can
 * still hold w.
 */
long wordlist_find(const char *blob, size_t size, const char *w, size_t len);

#endif
