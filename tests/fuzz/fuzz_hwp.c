/*
 * fuzz_hwp.c - libFuzzer harness for document detection and the HWP 5.0
 * reader (doc_detect, doc_read_hwp; src/doc/).
 *
 * An input that starts with the OLE2 magic is a whole file; any other input
 * is one BodyText section whose first byte says how to take the rest: even,
 * as records (the inflated form), odd, as raw deflate, so that the record
 * parser and the inflater are reached without a valid container around
 * them. Whatever the input, the reader must return 0 or -1 with a one-line
 * reason, and every paragraph must be non-empty valid UTF-8 without a line
 * end or NUL, labelled §N with N counting up from 1. Seeds:
 * tests/data/fuzz/hwp/ (made by tests/data/doc/mkhwp.py).
 */
#include <assert.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc/doc.h"
#include "doc/hwp_int.h"
#include "util/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int check_para(void *arg, const char *text, size_t len, const char *where)
{
    unsigned long *n = arg;
    char want[32];

    assert(len > 0);
    assert(utf8_valid_prefix(text, len) == len);
    assert(!memchr(text, '\n', len) && !memchr(text, '\r', len) && !memchr(text, '\0', len));
    snprintf(want, sizeof(want), "\xc2\xa7%lu", ++*n);
    assert(!strcmp(where, want));
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    unsigned long n = 0;
    struct doc_sink sink = {check_para, &n};
    struct doc_error err;
    enum doc_format f = doc_detect(data, size);
    int ret;

    assert(doc_format_name(f) != NULL);
    if (size >= 8 && !memcmp(data, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8)) {
        assert(f == DOC_HWP);
        ret = doc_read_hwp(data, size, &sink, &err);
    } else if (size >= 1) {
        ret = doc_hwp_read_section(data + 1, size - 1, data[0] & 1, &sink, &err);
    } else {
        return 0;
    }
    assert(ret == 0 || ret == -1);
    if (ret) {
        size_t len = strnlen(err.msg, sizeof(err.msg));
        assert(len > 0 && len < sizeof(err.msg));
        assert(!memchr(err.msg, '\n', len));
    }
    return 0;
}
