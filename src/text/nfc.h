/*
 * nfc.h - Unicode Normalization Form C (UAX #15), table driven from the UCD
 * (build/gen/unicode_tables.h). text_normalize_line (normalize.h) uses it;
 * so do lookup keys (termbase) that must not fold anything else.
 */
#ifndef DADEUM_TEXT_NFC_H
#define DADEUM_TEXT_NFC_H

#include <stddef.h>

#include "util/strbuf.h"

/* Appends the NFC form of s[0..len) to out (no other folding). */
void text_nfc(const char *s, size_t len, struct strbuf *out);

#endif
