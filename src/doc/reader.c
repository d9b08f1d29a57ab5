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
 *
 * Documents: the first read is looked at (doc_detect). Text goes on as
 * above, the bytes already read (left in raw) being decoded first; while
 * the decoder buffers the start of the input to detect its encoding, it
 * takes raw's buffer rather than a copy (a file under TEXT_SNIFF_BYTES
 * becomes text without being copied). A file that
 * starts like a container (OLE2, zip, %PDF) or a web page ("<!doctype html",
 * "<html") is read whole, at most TEXT_DOC_MAX bytes, and detected again on
 * all of it (a zip's entries decide HWPX or DOCX); its reader runs at once
 * and its paragraphs are kept (paras) and handed out one per line. A zip
 * that is neither HWPX nor DOCX is decoded as text, from the whole buffer.
 * A web page is decoded whole first (in the encoding its <meta charset>
 * names, when no encoding was asked for and it has no BOM), then read by
 * doc_read_html.
 */
#include "doc/reader.h"

#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "doc/doc.h"
#include "text/normalize.h"
#include "util/xmalloc.h"
#include "util/banned.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#define READ_CHUNK 65536

/* One paragraph of a document, as its reader gave it. */
struct text_para {
    char *text; /* UTF-8, line ends turned into spaces */
    size_t len;
    char *where; /* position label */
};

struct text_reader {
    int fd;                       /* the file, or 0 for stdin */
    int is_stdin;                 /* fd is not ours to close */
    struct text_decoder *dec;     /* raw bytes to UTF-8 */
    struct strbuf raw;            /* read(2)'s bytes not yet decoded (room for READ_CHUNK) */
    struct strbuf text;           /* decoded, not yet consumed text */
    size_t pos;                   /* start of the current line in text */
    size_t scan;                  /* text[pos..scan) holds no line end */
    struct strbuf line;           /* the normalised line handed out */
    struct text_scratch scratch;  /* the normaliser's buffers, kept from line to line */
    unsigned long no;             /* number of the last line handed out */
    int skip_lf;                  /* the last line ended in CR: drop a leading LF */
    int eof;                      /* the decoder has been finished */
    enum text_reader_status fail; /* the sticky error; TEXT_READER_OK until then */
    struct dd_error *fail_err;    /* its details, allocated when it happens */
    char *path;                   /* as given, for messages */
    char *asked;                  /* the encoding asked for, or NULL */
    unsigned flags;               /* text_reader_open's flags (TEXT_LENIENT) */
    enum doc_format format;       /* DOC_TEXT, or the container read into paras */
    const char *pending;          /* bytes of whole not yet decoded */
    size_t pending_len;
    char *whole;             /* the whole file, when it was read for detection */
    struct text_para *paras; /* a document's paragraphs */
    size_t npara, next, cap; /* count, the next to hand out, allocated */
};

void text_input_fail(struct dd_error *err, enum text_reader_status code, const char *path,
                     const char *asked)
{
    const char *shown = strcmp(path, "-") ? path : "<stdin>";
    struct strbuf msg = STRBUF_INIT;

    assert(code != TEXT_READER_OK && code != TEXT_READER_EOF);
    switch (code) {
    case TEXT_READER_EENCODING:
        strbuf_addf(&msg, "unknown encoding '%s'", asked ? asked : "");
        break;
    case TEXT_READER_EOPEN:
        strbuf_addf(&msg, "cannot open '%s': %s", shown, strerror(err->sys_errno));
        break;
    case TEXT_READER_EDECODE: {
        /* the name the user gave (euc-kr), not the superset decoding it (cp949) */
        const char *as = asked && *asked && strcmp(asked, "auto") ? asked : err->encoding;
        dd_decode_message(&msg, path, as, err->offset, err->detail == TEXT_ETRUNC);
        break;
    }
    case TEXT_READER_ELONG:
        strbuf_addf(&msg, "line %lu of '%s' is longer than %u bytes, the limit for one line",
                    err->line, shown, TEXT_LINE_MAX);
        break;
    default:
        strbuf_addf(&msg, "cannot read '%s': %s", shown, strerror(err->sys_errno));
        break;
    }
    dd_error_set(err, code == TEXT_READER_EENCODING ? DD_EUSAGE : DD_EINPUT, (int)code, "%s",
                 msg.buf);
    dd_error_set_path(err, path);
    strbuf_release(&msg);
}

int text_input_open(const char *path, const char *asked, struct dd_error *err)
{
    int fd;

    if (!strcmp(path, "-"))
        return STDIN_FILENO;
    do
        fd = open(path, O_RDONLY | O_CLOEXEC);
    while (fd < 0 && errno == EINTR);
    if (fd < 0) {
        err->sys_errno = errno;
        text_input_fail(err, TEXT_READER_EOPEN, path, asked);
    }
    return fd;
}

/*
 * Fills err for a document that cannot be read as format f (DOC_TEXT: not
 * yet known) for the reason why: "cannot read 'a.hwp' as hwp: ...".
 */
static void doc_input_fail(struct dd_error *err, const char *path, enum doc_format f,
                           const char *why)
{
    const char *shown = strcmp(path, "-") ? path : "<stdin>";

    if (f != DOC_TEXT)
        dd_error_set(err, DD_EINPUT, TEXT_READER_EDOC, "cannot read '%s' as %s: %s", shown,
                     doc_format_name(f), why);
    else
        dd_error_set(err, DD_EINPUT, TEXT_READER_EDOC, "cannot read '%s': %s", shown, why);
    dd_error_set_path(err, path);
}

/*
 * Reads into buf[0..len) until at least min bytes are there or the input
 * ends (a pipe may deliver a few bytes at a time). Returns the count or -1.
 */
static ssize_t read_some(int fd, char *buf, size_t len, size_t min)
{
    size_t got = 0;

    while (got < min) {
        ssize_t n = read(fd, buf + got, len - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return -1;
        if (n == 0)
            break;
        got += (size_t)n;
    }
    return (ssize_t)got;
}

/* doc_sink: keeps one paragraph. */
static int keep_para(void *arg, const char *text, size_t len, const char *where)
{
    struct text_reader *r = arg;
    struct text_para *p;

    if (r->npara == r->cap) {
        r->cap = r->cap ? 2 * r->cap : 64;
        r->paras = xrealloc(r->paras, st_mult(r->cap, sizeof(*r->paras)));
    }
    p = &r->paras[r->npara++];
    p->text = xmemdupz(text, len);
    p->len = len;
    for (size_t i = 0; i < len; i++)
        if (p->text[i] == '\n' || p->text[i] == '\r')
            p->text[i] = ' ';
    p->where = xstrdup(where);
    return 0;
}

static int starts_like_container(const char *b, size_t n)
{
    return (n >= 8 && !memcmp(b, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8)) ||
           (n >= 4 && !memcmp(b, "PK\x03\x04", 4)) || (n >= 5 && !memcmp(b, "%PDF-", 5));
}

/*
 * Decodes a web page read whole (r->whole, len bytes) and reads it into
 * paras. A <meta charset> is honoured when no encoding was asked for, the
 * page has no byte-order mark, and iconv knows the name ("utf-16" on a page
 * whose bytes are ASCII cannot be right: HTML reads it as utf-8, and so
 * does detection). Returns 0, or -1 with err filled in.
 */
static int reader_html(struct text_reader *r, const char *path, size_t len, struct dd_error *err)
{
    struct doc_sink sink = {keep_para, r};
    struct strbuf page = STRBUF_INIT;
    struct doc_error derr;
    struct dd_error e;
    char cs[64];

    if ((!r->asked || !*r->asked || !strcmp(r->asked, "auto")) &&
        !(len >= 3 && !memcmp(r->whole, "\xef\xbb\xbf", 3)) &&
        doc_html_charset((const unsigned char *)r->whole, len, cs, sizeof cs) &&
        strncasecmp(cs, "utf-16", 6)) {
        struct text_decoder *d = text_decoder_new(cs, r->flags & TEXT_LENIENT, &e);
        if (d) {
            text_decoder_free(r->dec);
            r->dec = d;
        }
    }
    dd_error_clear(&e);
    if (text_decoder_feed(r->dec, r->whole, len, &page, &e) != TEXT_OK ||
        text_decoder_finish(r->dec, &page, &e) != TEXT_OK) {
        *err = e;
        text_input_fail(err, TEXT_READER_EDECODE, path, r->asked);
        strbuf_release(&page);
        return -1;
    }
    free(r->whole);
    r->whole = NULL;
    if (doc_read(DOC_HTML, path, (const unsigned char *)(page.buf ? page.buf : ""), page.len, &sink,
                 &derr)) {
        doc_input_fail(err, path, DOC_HTML, derr.msg);
        strbuf_release(&page);
        return -1;
    }
    strbuf_release(&page);
    return 0;
}

/*
 * Decides the format of r's file (forced: TEXT_READER_FORMAT's value, or
 * -1 to detect) and reads a container whole through its reader. Returns 0,
 * or -1 with err filled in.
 */
static int reader_sniff(struct text_reader *r, const char *path, int forced, struct dd_error *err)
{
    ssize_t n;
    size_t len, cap;
    struct doc_sink sink = {keep_para, r};
    struct doc_error derr;
    enum doc_format f;
    int html;

    if (forced == DOC_TEXT)
        return 0;
    /* 8 bytes tell a container (OLE2 magic) from text, 64 a web page's "<!doctype html" */
    n = read_some(r->fd, r->raw.buf, READ_CHUNK, 64);
    if (n < 0) {
        err->sys_errno = errno;
        text_input_fail(err, TEXT_READER_EREAD, path, r->asked);
        return -1;
    }
    len = (size_t)n;
    html = forced == DOC_HTML ||
           (forced < 0 && doc_detect((const unsigned char *)r->raw.buf, len) == DOC_HTML);
    if (forced < 0 && !html && !starts_like_container(r->raw.buf, len)) {
        strbuf_setlen(&r->raw, len); /* text: decoded from raw */
        return 0;
    }
    cap = 4 * (size_t)READ_CHUNK;
    r->whole = xmalloc(cap);
    memcpy(r->whole, r->raw.buf, len);
    for (;;) {
        if (cap - len < READ_CHUNK) {
            cap *= 2;
            r->whole = xrealloc(r->whole, cap);
        }
        n = read_some(r->fd, r->whole + len, cap - len, 1);
        if (n < 0) {
            err->sys_errno = errno;
            text_input_fail(err, TEXT_READER_EREAD, path, r->asked);
            return -1;
        }
        if (n == 0)
            break;
        len += (size_t)n;
        if (len > TEXT_DOC_MAX) {
            snprintf(derr.msg, sizeof(derr.msg), "larger than %zu MiB, the limit for a document",
                     TEXT_DOC_MAX >> 20);
            doc_input_fail(err, path, DOC_TEXT, derr.msg);
            return -1;
        }
    }
    if (forced >= 0)
        f = (enum doc_format)forced;
    else
        f = html ? DOC_HTML : doc_detect((const unsigned char *)r->whole, len);
    if (!doc_is_container(f)) {
        r->pending = r->whole;
        r->pending_len = len;
        return 0;
    }
    r->format = f;
    if (f == DOC_HTML)
        return reader_html(r, path, len, err);
    if (doc_read(f, path, (const unsigned char *)r->whole, len, &sink, &derr)) {
        doc_input_fail(err, path, f, derr.msg);
        return -1;
    }
    free(r->whole);
    r->whole = NULL;
    return 0;
}

struct text_reader *text_reader_open(const char *path, const char *encoding, unsigned flags,
                                     struct dd_error *err)
{
    struct text_reader *r;
    struct text_decoder *dec;
    int fd;

    dd_error_clear(err);
    dec = text_decoder_new(encoding, flags, err);
    if (!dec) {
        text_input_fail(err, TEXT_READER_EENCODING, path, encoding);
        return NULL;
    }
    fd = text_input_open(path, encoding, err);
    if (fd < 0) {
        text_decoder_free(dec);
        return NULL;
    }
    r = xcalloc(1, sizeof(*r));
    r->fd = fd;
    r->is_stdin = fd == STDIN_FILENO;
    r->dec = dec;
    r->path = xstrdup(path);
    r->asked = encoding ? xstrdup(encoding) : NULL;
    r->flags = flags;
    strbuf_init(&r->raw, READ_CHUNK);
    strbuf_init(&r->text, 0);
    strbuf_init(&r->line, 0);
    r->scratch = (struct text_scratch)TEXT_SCRATCH_INIT;
    if (reader_sniff(r, path, (int)((flags & TEXT_READER_FORMAT_MASK) >> 8) - 1, err)) {
        text_reader_free(r);
        return NULL;
    }
    return r;
}

/* Records the sticky error that text_reader_next returns once the text before it is out. */
static void reader_fail(struct text_reader *r, enum text_reader_status code, int sys_errno,
                        const struct dd_error *dec)
{
    r->fail = code;
    free(r->fail_err);
    r->fail_err = xmalloc(sizeof(*r->fail_err));
    if (dec)
        *r->fail_err = *dec;
    else
        dd_error_clear(r->fail_err);
    r->fail_err->sys_errno = sys_errno;
    text_input_fail(r->fail_err, code, r->path, r->asked);
}

/*
 * Reads and decodes one chunk into text, or finishes the decoder at the
 * end of input. On failure the text decoded before the bad byte is kept,
 * so the complete lines before it are still handed out, and r->fail is set.
 */
static void reader_fill(struct text_reader *r)
{
    struct dd_error derr;
    ssize_t n;

    strbuf_remove(&r->text, 0, r->pos);
    r->scan -= r->pos;
    r->pos = 0;
    if (r->pending_len) {
        /* the file read whole while detecting the format */
        if (text_decoder_feed(r->dec, r->pending, r->pending_len, &r->text, &derr) != TEXT_OK)
            reader_fail(r, TEXT_READER_EDECODE, 0, &derr);
        r->pending_len = 0;
        free(r->whole);
        r->whole = NULL;
        return;
    }
    if (!r->raw.len) {
        /* (raw holds the first read already when detection made it) */
        strbuf_grow(&r->raw, READ_CHUNK);
        do
            n = read(r->fd, r->raw.buf, READ_CHUNK);
        while (n < 0 && errno == EINTR);
        if (n < 0) {
            reader_fail(r, TEXT_READER_EREAD, errno, NULL);
            return;
        }
        if (n == 0) {
            r->eof = 1;
            if (text_decoder_finish(r->dec, &r->text, &derr) != TEXT_OK)
                reader_fail(r, TEXT_READER_EDECODE, 0, &derr);
            return;
        }
        strbuf_setlen(&r->raw, (size_t)n);
    }
    /* the decoder may take raw's buffer while it buffers for detection, rather than copy */
    if (text_decoder_feed_buf(r->dec, &r->raw, &r->text, &derr) != TEXT_OK)
        reader_fail(r, TEXT_READER_EDECODE, 0, &derr);
}

/* Normalises text[pos..end) into line, numbers it and advances pos past skip. */
static void reader_emit(struct text_reader *r, size_t end, size_t skip, struct text_line *line)
{
    strbuf_reset(&r->line);
    text_normalize_line_scratch(r->text.buf + r->pos, end - r->pos, &r->line, &r->scratch);
    line->raw = r->text.buf + r->pos;
    line->raw_len = end - r->pos;
    r->pos = r->scan = end + skip;
    line->text = r->line.buf;
    line->len = r->line.len;
    line->no = ++r->no;
    line->where = NULL;
}

/* The next paragraph of a document as a line. */
static enum text_reader_status reader_next_para(struct text_reader *r, struct text_line *line,
                                                struct dd_error *err)
{
    const struct text_para *p;

    if (r->next >= r->npara)
        return TEXT_READER_EOF;
    p = &r->paras[r->next++];
    if (p->len > TEXT_LINE_MAX) {
        err->line = r->next;
        text_input_fail(err, TEXT_READER_ELONG, r->path, r->asked);
        return TEXT_READER_ELONG;
    }
    strbuf_reset(&r->line);
    text_normalize_line_scratch(p->text, p->len, &r->line, &r->scratch);
    line->raw = p->text;
    line->raw_len = p->len;
    line->text = r->line.buf;
    line->len = r->line.len;
    line->no = r->next;
    line->where = p->where;
    return TEXT_READER_OK;
}

/* TEXT_READER_ELONG when the line at pos, end bytes in, is over the limit, else TEXT_READER_OK. */
static enum text_reader_status reader_too_long(const struct text_reader *r, size_t end,
                                               struct dd_error *err)
{
    if (end - r->pos <= TEXT_LINE_MAX)
        return TEXT_READER_OK;
    err->line = r->no + 1;
    text_input_fail(err, TEXT_READER_ELONG, r->path, r->asked);
    return TEXT_READER_ELONG;
}

/*
 * Where the first CR or LF of s[0..len) is, or len. Both are looked for in
 * one pass, 16 bytes at a time with SSE2, rather than memchr for LF and then
 * again for a CR before it.
 */
static size_t line_end(const char *s, size_t len)
{
    size_t i = 0;

#if defined(__SSE2__)
    for (; i + 16 <= len; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(s + i));
        unsigned m = (unsigned)_mm_movemask_epi8(_mm_or_si128(
            _mm_cmpeq_epi8(v, _mm_set1_epi8('\n')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\r'))));
        if (m)
            return i + (size_t)__builtin_ctz(m);
    }
#endif
    for (; i < len; i++)
        if (s[i] == '\n' || s[i] == '\r')
            return i;
    return len;
}

enum text_reader_status text_reader_next(struct text_reader *r, struct text_line *line,
                                         struct dd_error *err)
{
    dd_error_clear(err);
    if (r->format != DOC_TEXT)
        return reader_next_para(r, line, err);
    for (;;) {
        size_t i;

        if (r->skip_lf && r->pos < r->text.len) {
            if (r->text.buf[r->pos] == '\n')
                r->pos++;
            r->skip_lf = 0;
            if (r->scan < r->pos)
                r->scan = r->pos;
        }
        i = r->scan + line_end(r->text.buf + r->scan, r->text.len - r->scan);
        if (i < r->text.len) {
            char c = r->text.buf[i];
            if (reader_too_long(r, i, err))
                return TEXT_READER_ELONG;
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
            return TEXT_READER_ELONG;
        if (r->fail != TEXT_READER_OK) {
            *err = *r->fail_err;
            return r->fail;
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

enum doc_format text_reader_get_format(const struct text_reader *r)
{
    return r->format;
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
    strbuf_release(&r->raw);
    free(r->whole);
    for (size_t i = 0; i < r->npara; i++) {
        free(r->paras[i].text);
        free(r->paras[i].where);
    }
    free(r->paras);
    strbuf_release(&r->text);
    strbuf_release(&r->line);
    text_scratch_release(&r->scratch);
    free(r->fail_err);
    free(r->path);
    free(r->asked);
    free(r);
}
