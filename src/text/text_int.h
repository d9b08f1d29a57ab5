/*
 * text_int.h - helpers shared by the files of the text module only.
 */
#ifndef DADEUM_TEXT_TEXT_INT_H
#define DADEUM_TEXT_TEXT_INT_H

#include <stddef.h>
#include <stdint.h>

#include "util/strbuf.h"

/*
 * Returns 1 when s[0..len) is a proper prefix of a well-formed UTF-8
 * sequence (RFC 3629), i.e. more bytes could still complete it; 0 for
 * len == 0, for a complete sequence and for bytes that can never be valid.
 */
int text__utf8_cut(const char *s, size_t len);

/* nfc.c: 1 when NFC may change c or the character before it (not "safe"). */
int text__nfc_unsafe(uint32_t c);
/* The same answer from the table itself, by binary search (past the BMP, and for the tests). */
int text__nfc_unsafe_search(uint32_t c);

/* normalize.c: what c folds to (0: dropped), through the shortcut by page or without it
 * (for the tests: the two must agree on every code point). */
uint32_t text__fold_char(uint32_t c, int keep_marks, int shortcut);

/* markup.c: HTML tags, comments and entities out of s[0..len), appended to out. */
void text__pass_html(const char *s, size_t len, struct strbuf *out);
/* markup.c: markdown escapes, emphasis and block markers out of s[0..len), appended to out. */
void text__pass_markdown(const char *s, size_t len, struct strbuf *out);

#endif
