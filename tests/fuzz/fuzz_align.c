/*
 * fuzz_align.c - libFuzzer harness for the sentence splitter and the aligner
 * (src/parallel/).
 *
 * The input is cut at its first NUL byte (or in the middle) into a Korean and
 * an English document, written to temporary files and read as `dadeum align`
 * reads them (doc/reader.h, lenient). Checked:
 *   - par_split on each line: spans in order, not overlapping, inside the
 *     line, starting and ending on character boundaries, without spaces at
 *     either end, covering every non-space byte of the line;
 *   - every sentence and paragraph of the documents has its anchors in the
 *     pool, sorted and distinct;
 *   - par_align: links in document order, never crossing, each of 1 or 2
 *     sentences a side, inside the documents, with a score in [0, 1].
 */
#include <assert.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "parallel/parallel.h"
#include "parallel/split.h"
#include "text/decode.h"
#include "util/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int is_space_byte(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static void check_split(const char *s, size_t len)
{
    struct par_span *spans = NULL;
    size_t n = 0, cap = 0, end = 0;
    par_split(s, len, &spans, &n, &cap);
    for (size_t i = 0; i < n; i++) {
        size_t a = spans[i].off, b = a + spans[i].len;
        assert(spans[i].len > 0);
        assert(a >= end && b <= len);
        /* nothing but spaces (or zero-width ones) between two spans */
        for (size_t k = end; k < a; k++)
            assert(is_space_byte((unsigned char)s[k]) || (unsigned char)s[k] >= 0x80);
        assert((((unsigned char)s[a]) & 0xC0) != 0x80);
        assert(b == len || (((unsigned char)s[b]) & 0xC0) != 0x80);
        assert(!is_space_byte((unsigned char)s[a]) && !is_space_byte((unsigned char)s[b - 1]));
        end = b;
    }
    for (size_t k = end; k < len; k++)
        assert(is_space_byte((unsigned char)s[k]) || (unsigned char)s[k] >= 0x80);
    free(spans);
}

static void check_anchors(const struct par_doc *d, uint32_t aoff, uint32_t an)
{
    assert((size_t)aoff + an <= d->nanchors);
    for (uint32_t k = 1; k < an; k++)
        assert(d->anchors[aoff + k - 1] < d->anchors[aoff + k]);
}

static struct par_doc *read_doc(const uint8_t *data, size_t size, int english)
{
    char path[] = "/tmp/fuzz-align-XXXXXX";
    int fd = mkstemp(path);
    struct dd_error err;
    if (fd < 0)
        return NULL;
    if (size && write(fd, data, size) != (ssize_t)size) {
        close(fd);
        unlink(path);
        return NULL;
    }
    close(fd);
    struct par_doc *d = par_doc_read(path, "utf-8", TEXT_LENIENT, NULL, english, &err);
    unlink(path);
    if (!d)
        return NULL;
    for (size_t i = 0; i < d->nsent; i++) {
        check_anchors(d, d->sent[i].aoff, d->sent[i].an);
        assert(d->sent[i].off + d->sent[i].len <= d->text_len);
        assert(d->text[d->sent[i].off + d->sent[i].len] == '\0');
        assert(d->sent[i].hangul <= d->sent[i].chars);
    }
    for (size_t i = 0; i < d->npara; i++) {
        check_anchors(d, d->para[i].aoff, d->para[i].an);
        assert(d->para[i].n > 0 && d->para[i].first + d->para[i].n <= d->nsent);
    }
    return d;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const uint8_t *nul = memchr(data, 0, size);
    size_t cut = nul ? (size_t)(nul - data) : size / 2;
    size_t rest = nul ? cut + 1 : cut;

    /* the splitter alone, on each valid UTF-8 line of the input */
    size_t start = 0;
    for (size_t i = 0; i <= size; i++) {
        if (i == size || data[i] == '\n' || data[i] == 0) {
            size_t len = i - start;
            if (utf8_valid_prefix((const char *)data + start, len) == len)
                check_split((const char *)data + start, len);
            start = i + 1;
        }
    }
    struct par_doc *ko = read_doc(data, cut, 0), *en = read_doc(data + rest, size - rest, 1);
    if (ko && en) {
        struct par_alignment al;
        size_t ki = 0, ei = 0;
        assert(par_align(ko, en, &al) == 0);
        for (size_t i = 0; i < al.n; i++) {
            const struct par_link *l = &al.links[i];
            assert(l->nko >= 1 && l->nko <= 2 && l->nen >= 1 && l->nen <= 2);
            assert(l->ko >= ki && l->en >= ei);
            assert(l->ko + l->nko <= ko->nsent && l->en + l->nen <= en->nsent);
            assert(l->score >= 0 && l->score <= 1);
            ki = l->ko + l->nko;
            ei = l->en + l->nen;
        }
        par_alignment_release(&al);
    }
    par_doc_free(ko);
    par_doc_free(en);
    return 0;
}
