/*
 * key.c - the lookup key of a term (text/key.h).
 */
#include <string.h>

#include "text/korean.h"
#include "text/key.h"
#include "text/nfc.h"
#include "util/utf8.h"
#include "util/banned.h"

void text_key(const char *s, size_t len, int stem, struct strbuf *out)
{
    struct strbuf nfc = STRBUF_INIT;
    size_t start = out->len;

    text_nfc(s, len, &nfc);
    for (size_t i = 0; i < nfc.len;) {
        uint32_t c;
        i += utf8_decode(nfc.buf + i, nfc.len - i, &c);
        if (uc_is_space(c) || c == '\t' || c == '\n' || c == '\r' || c == 0xB7 || c == 0x30FB)
            continue;
        if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7))
            c += 0x20;
        utf8_add(out, c);
    }
    strbuf_release(&nfc);
    if (stem) {
        size_t n = ko_strip_particle(out->buf + start, out->len - start, 2);
        strbuf_setlen(out, start + n);
    }
}
