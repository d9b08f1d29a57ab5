/*
 * reader.c - documents as a stream of normalised lines.
 *
 * The reader keeps one buffer of decoded UTF-8:
 *
 *   text.buf: [ consumed lines | current line ... | rest of the last read ]
 *                              ^pos               ^scan
 *
 * Lines are cut at pos; scan marks how far the search for a line end has
 * got, so a long line arriving in many reads is searched once. Before each
 * read the consumed prefix is dropped, which bounds the buffer by the
 * longest line plus one decoded read; a line that grows past TEXT_LINE_MAX
 * bytes without an end is an error (TEXT_READER_ELONG), so the buffer never
 * holds more than TEXT_LINE_MAX plus one decoded read.
 *
 * Line ends are LF, CR LF and a lone CR (old Mac files and some HWP exports),
 * each counting as one line. A CR at the very end of the decoded text may
 * be the first half of CR LF, so the reader remembers to drop a LF that
 * starts the next read (skip_lf).
 *
 * A read or decoding error is sticky, but it is returned only after the
 * complete lines decoded before it, so a caller has seen every line up to
 * the one holding the bad byte; that partial line is never handed out.
 */
#include "text/reader.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "text/normalize.h"
#include "util/xmalloc.h"
#include "util/banned.h"

#define READ_CHUNK 65536

struct text_reader {
    int fd;                        /* the file, or 0 for stdin */
    int is_stdin;                  /* fd is not ours to close */
    struct text_decoder *dec;      /* raw bytes to UTF-8 */
    char *raw;                     /* READ_CHUNK bytes for read(2) */
    struct strbuf text;            /* decoded, not yet consumed text */
    size_t pos;                    /* start of the current line in text */
    size_t scan;                   /* text[pos..scan) holds no line end */
    struct strbuf line;            /* the normalised line handed out */
    unsigned long no;              /* number of the last line handed out */
    int skip_lf;                   /* the last line ended in CR: drop a leading LF */
    int eof;                       /* the decoder has been finished */
    struct text_reader_error fail; /* the sticky error; code TEXT_READER_OK until then */
};

struct text_reader *text_reader_open(const char *path, const char *encoding, unsigned flags,
                                     struct text_reader_error *err)
{
    struct text_reader *r;
    struct text_decoder *dec;
    int fd;

    memset(err, 0, sizeof(*err));
    dec = text_decoder_new(encoding, flags, &err->decode);
    if (!dec) {
        err->code = TEXT_READER_EENCODING;
        return NULL;
    }
    if (!strcmp(path, "-")) {
        fd = STDIN_FILENO;
    } else {
        do
            fd = open(path, O_RDONLY | O_CLOEXEC);
        while (fd < 0 && errno == EINTR);
        if (fd < 0) {
            err->code = TEXT_READER_EOPEN;
            err->sys_errno = errno;
            text_decoder_free(dec);
            return NULL;
        }
    }
    r = xcalloc(1, sizeof(*r));
    r->fd = fd;
    r->is_stdin = fd == STDIN_FILENO;
    r->dec = dec;
    r->raw = xmalloc(READ_CHUNK);
    strbuf_init(&r->text, 0);
    strbuf_init(&r->line, 0);
    return r;
}

/* Records the sticky error that text_reader_next returns once the text before it is out. */
static void reader_fail(struct text_reader *r, enum text_reader_status code, int sys_errno,
                        const struct text_error *dec)
{
    r->fail.code = code;
    r->fail.sys_errno = sys_errno;
    if (dec)
        r->fail.decode = *dec;
}

/*
 * Reads and decodes one chunk into text, or finishes the decoder at the
 * end of input. On failure the text decoded before the bad byte is kept,
 * so the complete lines before it are still handed out, and r->fail is set.
 */
static void reader_fill(struct text_reader *r)
{
    struct text_error derr;
    ssize_t n;

    strbuf_remove(&r->text, 0, r->pos);
    r->scan -= r->pos;
    r->pos = 0;
    do
        n = read(r->fd, r->raw, READ_CHUNK);
    while (n < 0 && errno == EINTR);
    if (n < 0) {
        reader_fail(r, TEXT_READER_EREAD, errno, NULL);
    } else if (n == 0) {
        r->eof = 1;
        if (text_decoder_finish(r->dec, &r->text, &derr) != TEXT_OK)
            reader_fail(r, TEXT_READER_EDECODE, 0, &derr);
    } else if (text_decoder_feed(r->dec, r->raw, (size_t)n, &r->text, &derr) != TEXT_OK) {
        reader_fail(r, TEXT_READER_EDECODE, 0, &derr);
    }
}

/* Normalises text[pos..end) into line, numbers it and advances pos past skip. */
static void reader_emit(struct text_reader *r, size_t end, size_t skip, struct text_line *line)
{
    strbuf_reset(&r->line);
    text_normalize_line(r->text.buf + r->pos, end - r->pos, &r->line);
    r->pos = r->scan = end + skip;
    line->text = r->line.buf;
    line->len = r->line.len;
    line->no = ++r->no;
}

/* TEXT_READER_ELONG when the line at pos, end bytes in, is over the limit, else TEXT_READER_OK. */
static enum text_reader_status reader_too_long(const struct text_reader *r, size_t end,
                                               struct text_reader_error *err)
{
    if (end - r->pos <= TEXT_LINE_MAX)
        return TEXT_READER_OK;
    err->code = TEXT_READER_ELONG;
    err->line = r->no + 1;
    return err->code;
}

enum text_reader_status text_reader_next(struct text_reader *r, struct text_line *line,
                                         struct text_reader_error *err)
{
    memset(err, 0, sizeof(*err));
    for (;;) {
        size_t i;

        if (r->skip_lf && r->pos < r->text.len) {
            if (r->text.buf[r->pos] == '\n')
                r->pos++;
            r->skip_lf = 0;
            if (r->scan < r->pos)
                r->scan = r->pos;
        }
        for (i = r->scan; i < r->text.len; i++) {
            char c = r->text.buf[i];
            if ((c == '\n' || c == '\r') && reader_too_long(r, i, err))
                return err->code;
            if (c == '\n') {
                reader_emit(r, i, 1, line);
                return TEXT_READER_OK;
            }
            if (c == '\r') {
                if (i + 1 < r->text.len) {
                    reader_emit(r, i, r->text.buf[i + 1] == '\n' ? 2 : 1, line);
                } else {
                    reader_emit(r, i, 1, line);
                    r->skip_lf = 1;
                }
                return TEXT_READER_OK;
            }
        }
        r->scan = r->text.len;
        if (reader_too_long(r, r->text.len, err))
            return err->code;
        if (r->fail.code != TEXT_READER_OK) {
            *err = r->fail;
            return err->code;
        }
        if (r->eof) {
            if (r->pos < r->text.len) {
                reader_emit(r, r->text.len, 0, line);
                return TEXT_READER_OK;
            }
            return TEXT_READER_EOF;
        }
        reader_fill(r);
    }
}

const char *text_reader_get_encoding(const struct text_reader *r)
{
    return text_decoder_get_encoding(r->dec);
}

uint64_t text_reader_get_replaced(const struct text_reader *r)
{
    return text_decoder_get_replaced(r->dec);
}

void text_reader_free(struct text_reader *r)
{
    if (!r)
        return;
    if (!r->is_stdin)
        close(r->fd);
    text_decoder_free(r->dec);
    free(r->raw);
    strbuf_release(&r->text);
    strbuf_release(&r->line);
    free(r);
}
