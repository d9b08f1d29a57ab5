/*
 * fuzz_decode.c - libFuzzer harness for detection, decoding and normalising.
 *
 * The first byte picks the encoding (auto or one of the named ones) and the
 * chunk size, so that carry-over between feeds is exercised as in
 * tests/unit/test_text.c. Every decoded line must be valid UTF-8 and survive
 * the normaliser; the normaliser's output must be valid UTF-8 too.
 */
#include <assert.h>
#include <stdint.h>
#include <string.h>

#include "text/decode.h"
#include "text/normalize.h"
#include "util/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const encodings[] = {NULL,    "utf-8",  "utf-16le", "utf-16be",
                                            "cp949", "euc-kr", "utf-16"};
    struct dd_error err;
    struct strbuf out = STRBUF_INIT, norm = STRBUF_INIT;
    if (size < 1)
        return 0;
    unsigned sel = data[0];
    const char *enc = encodings[sel % 7];
    size_t chunk = 1 + (sel >> 3);
    unsigned flags = (sel & 0x80) ? TEXT_LENIENT : 0;
    data++;
    size--;
    struct text_decoder *d = text_decoder_new(enc, flags, &err);
    assert(d);
    enum text_status st = TEXT_OK;
    for (size_t i = 0; i < size && st == TEXT_OK; i += chunk) {
        size_t n = size - i < chunk ? size - i : chunk;
        st = text_decoder_feed(d, (const char *)data + i, n, &out, &err);
    }
    if (st == TEXT_OK)
        st = text_decoder_finish(d, &out, &err);
    assert(utf8_valid_prefix(out.buf, out.len) == out.len);
    if (st != TEXT_OK)
        assert(err.offset <= size);
    text_normalize_line(out.buf, out.len, &norm);
    assert(utf8_valid_prefix(norm.buf, norm.len) == norm.len);
    text_decoder_free(d);
    strbuf_release(&out);
    strbuf_release(&norm);
    return 0;
}
