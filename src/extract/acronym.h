/*
 * acronym.h - English long forms of acronyms (Schwartz & Hearst 2003).
 *
 * A. S. Schwartz and M. A. Hearst, "A simple algorithm for identifying
 * abbreviation definitions in biomedical text", Pacific Symposium on
 * Biocomputing 8:451-462, 2003. The short form's characters are matched
 * right to left against the candidate text; the first character must start
 * a word; the shortest such suffix of the text is the long form.
 */
#ifndef DADEUM_EXTRACT_ACRONYM_H
#define DADEUM_EXTRACT_ACRONYM_H

#include <stddef.h>

/*
 * Finds the long form of acronym acr at the end of text (the words written
 * before it: "Chief Cloud First Officer" for CCFO). Returns the byte offset
 * in text where the long form starts, or -1 when there is none. The long
 * form has at most min(|acr| + 5, 2 |acr|) words and more letters than acr.
 */
long acronym_long_form(const char *acr, size_t alen, const char *text, size_t tlen);

/* 1 when long (a whole phrase) is a valid long form of acr. */
int acronym_matches(const char *acr, size_t alen, const char *lng, size_t llen);

/*
 * 1 when w[0..n) is an English function word that a long form may hold
 * without a letter of its acronym (of, and, for, the, in, on, &, to, as; case
 * ignored): Conference of the Parties is COP.
 */
int acronym_function_word(const char *w, size_t n);

/* The ASCII letters and digits of acronym a[0..n): 4 of STEM, 2 of R&D, 3 of G20. */
size_t acronym_alnum(const char *a, size_t n);

#endif
