/*
 * key.h - the key under which a term is found: one spelling for all the
 * ways a term is written.
 *
 * The termbase files concepts and forms under these keys (docs/termbase.md,
 * "Keys"), and the style guide sorts its entries by them, so both agree on
 * which spellings are one term: 인공지능 안전연구소 and 인공지능안전연구소
 * have one key, and with stem set so do 클라우드를 and 클라우드.
 */
#ifndef DADEUM_TEXT_KEY_H
#define DADEUM_TEXT_KEY_H

#include <stddef.h>

#include "util/strbuf.h"

/*
 * Appends the lookup key of s[0..len) to out: NFC (text/normalize.h), spaces
 * and the middle dot removed, ASCII and Latin-1 letters lower-cased. With
 * stem set, a trailing Korean particle is stripped as well
 * (ko_strip_particle, keeping a stem of two syllables or more).
 */
void text_key(const char *s, size_t len, int stem, struct strbuf *out);

#endif
