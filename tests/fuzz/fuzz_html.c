/*
 * fuzz_html.c - libFuzzer harness for the web page reader (doc_read_html)
 * and the <meta charset> prescan (doc_html_charset).
 *
 * The reader takes a page already decoded to UTF-8 (the text reader's
 * decoder guarantees that), so the harness gives it the valid UTF-8 prefix
 * of the input; the prescan takes the raw bytes. Every paragraph given must
 * be non-empty valid UTF-8 of one line, labelled "§N" with N counting up
 * from 1, and must survive the normaliser the text reader runs on it; the
 * reader never fails. A charset name found must be a short word of the
 * characters the prescan accepts. Seeds: tests/data/fuzz/html/.
 */
#include <assert.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "doc/doc.h"
#include "text/normalize.h"
#include "util/strbuf.h"
#include "util/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int check_para(void *arg, const char *text, size_t len, const char *where)
{
    unsigned long *n = arg;
    char expect[32];
    struct strbuf line = STRBUF_INIT;

    assert(len > 0);
    assert(text[0] != ' ' && text[len - 1] != ' ');
    assert(utf8_valid_prefix(text, len) == len);
    assert(!memchr(text, '\n', len) && !memchr(text, '\r', len));
    snprintf(expect, sizeof expect, "§%lu", ++*n);
    assert(where && !strcmp(where, expect));
    text_normalize_line(text, len, &line);
    assert(utf8_valid_prefix(line.buf ? line.buf : "", line.len) == line.len);
    strbuf_release(&line);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    unsigned long n = 0;
    struct doc_sink sink = {check_para, &n};
    struct doc_error err;
    char name[64];
    const char *s = (const char *)data;

    assert(doc_read_html(s, utf8_valid_prefix(s, size), &sink, &err) == 0);
    if (doc_html_charset(data, size, name, sizeof name)) {
        size_t len = strlen(name);
        assert(len > 0 && len < sizeof name);
        for (size_t i = 0; i < len; i++)
            assert(strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:",
                          name[i]));
    }
    return 0;
}
