/*
 * wordset.h - a short static word list indexed by a small hash table.
 *
 * The extractor asks of every token of every candidate span whether it is,
 * ends with or begins with a word of one of its lists (particles, titles of
 * people, endings of organisations' names). Walking a list with strlen and
 * memcmp per word was an eighth of an extract's time; a set answers a token in
 * as many probes as it has characters that could start a word of the list.
 * The set points into the caller's list (static, NULL-terminated) and copies
 * none of it; its table is built once and kept for the life of the process,
 * as the lists are.
 */
#ifndef DADEUM_UTIL_WORDSET_H
#define DADEUM_UTIL_WORDSET_H

#include <stddef.h>
#include <stdint.h>

struct wordset {
    const char *const *words; /* the list */
    size_t maxlen;            /* bytes in its longest word */
    size_t mask;              /* slots - 1: a power of two, over twice the words */
    struct wordset_slot {
        uint32_t at;  /* 1 + index into words, 0 when empty */
        uint32_t len; /* byte length of that word */
    } * slot;
};

/* Indexes words (NULL-terminated). A word listed twice keeps its first place. */
void wordset_build(struct wordset *set, const char *const *words);
/* The place in the list of the word s[0..len), or -1. */
long wordset_index(const struct wordset *set, const char *s, size_t len);
/* 1 when s[0..len) is a word of the set. */
int wordset_has(const struct wordset *set, const char *s, size_t len);
/*
 * 1 when s[0..len) ends with a word of the set (or is one): the suffixes
 * that begin a UTF-8 character and are no longer than the longest word.
 */
int wordset_suffix_of(const struct wordset *set, const char *s, size_t len);

#endif
