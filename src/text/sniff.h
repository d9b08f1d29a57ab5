/*
 * sniff.h - guessing a document's encoding from its first bytes.
 */
#ifndef DADEUM_TEXT_SNIFF_H
#define DADEUM_TEXT_SNIFF_H

#include <stddef.h>

/*
 * Returns the length of a byte-order mark at the start of buf (0 if none)
 * and sets *encoding to "utf-8", "utf-16le" or "utf-16be" when one is found.
 * Needs up to 3 bytes; *partial is set when buf is a proper prefix of a BOM
 * and more input could still complete it.
 */
size_t text_sniff_bom(const char *buf, size_t len, const char **encoding /* OUT */,
                      int *partial /* OUT */);

/*
 * Guesses the encoding of BOM-less content: "utf-8" when buf is valid UTF-8
 * (a sequence cut at the end is allowed unless at_eof), "utf-16le"/"utf-16be"
 * when NUL bytes betray UTF-16, else "cp949". Returns a static string.
 */
const char *text_sniff_content(const char *buf, size_t len, int at_eof);

#endif
