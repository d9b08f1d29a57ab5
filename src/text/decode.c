/*
 * decode.c - streaming decoding to UTF-8; the only file that calls iconv.
 *
 * A decoder moves through three stages:
 *
 *   DEC_BOM    collecting up to 3 bytes to see whether a byte-order mark
 *              starts the input (only when detecting, or when the named
 *              encoding is one a BOM can belong to);
 *   DEC_SNIFF  detecting: buffering up to TEXT_SNIFF_BYTES of content for
 *              text_sniff_content(). A full buffer of plain ASCII is passed
 *              through and detection goes on, so a long English preamble
 *              cannot make a CP949 document look like UTF-8;
 *   DEC_UTF8 / DEC_ICONV
 *              decoding. UTF-8 is validated here (RFC 3629) and copied;
 *              everything else goes through glibc iconv to UTF-8.
 *
 * Invariant: pend holds the raw bytes received but not yet decoded (a BOM
 * prefix, the sniff buffer, or a multi-byte sequence cut at the end of the
 * previous chunk), and offset is the raw-stream offset of pend.buf[0]. So
 * the offset of any byte is offset plus its index in the bytes being
 * decoded, whatever the chunk sizes were, and a reported error offset
 * counts every byte of the input from 0, BOM included. It is the offset of
 * the first byte of the sequence that could not be decoded.
 *
 * EUC-KR is decoded as CP949 (Microsoft's Unified Hangul Code, a superset
 * of KS X 1001 EUC-KR): documents labelled EUC-KR routinely contain the
 * 8,822 extra syllables such as 똠 (0x8C 0x63), which strict EUC-KR
 * rejects. The name reported back is then "cp949".
 */
#include "text/decode.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "text/sniff.h"
#include "text/text_int.h"
#include "util/ascii.h"
#include "util/utf8.h"
#include "util/xmalloc.h"
#include "util/banned.h"

enum dec_stage { DEC_BOM, DEC_SNIFF, DEC_UTF8, DEC_ICONV };

struct text_decoder {
    enum dec_stage stage;  /* see the overview */
    int detect;            /* 1 when no encoding was named */
    unsigned flags;        /* enum text_flags */
    iconv_t cd;            /* open in DEC_ICONV, else (iconv_t)-1 */
    char encoding[32];     /* lower-case name; "" while detecting */
    struct strbuf pend;    /* raw bytes received but not decoded yet */
    uint64_t offset;       /* raw offset of pend.buf[0] */
    uint64_t replaced;     /* U+FFFD written under TEXT_LENIENT */
    int had_bom;           /* a BOM was consumed */
    enum text_status fail; /* the first error; TEXT_OK until then */
    uint64_t fail_offset;  /* its raw offset */
};

/* ---- names ------------------------------------------------------------------- */

static void copy_lower(char *dst, size_t size, const char *src)
{
    size_t i;
    for (i = 0; i + 1 < size && src[i]; i++)
        dst[i] = (char)ascii_lower((unsigned char)src[i]);
    dst[i] = '\0';
}

/*
 * Folds the spellings of the encodings we treat specially to one name
 * (lower-case in name, result in canon); other names are kept for iconv.
 */
static void canonical_name(const char *name, char *canon, size_t size)
{
    static const struct {
        const char *alias; /* a spelling users and documents use */
        const char *name;  /* what we call it */
    } aliases[] = {
        {"utf8", "utf-8"},           {"utf-8", "utf-8"},         {"utf-16le", "utf-16le"},
        {"utf16le", "utf-16le"},     {"utf-16be", "utf-16be"},   {"utf16be", "utf-16be"},
        {"utf-16", "utf-16"},        {"utf16", "utf-16"},        {"euc-kr", "cp949"},
        {"euckr", "cp949"},          {"euc_kr", "cp949"},        {"cseuckr", "cp949"},
        {"ks_c_5601-1987", "cp949"}, {"ksc5601", "cp949"},       {"uhc", "cp949"},
        {"cp949", "cp949"},          {"ms949", "cp949"},         {"mscp949", "cp949"},
        {"windows-949", "cp949"},    {"x-windows-949", "cp949"},
    };
    char lower[32];
    size_t i;

    copy_lower(lower, sizeof(lower), name);
    for (i = 0; i < sizeof(aliases) / sizeof(aliases[0]); i++)
        if (!strcmp(lower, aliases[i].alias)) {
            copy_lower(canon, size, aliases[i].name);
            return;
        }
    copy_lower(canon, size, lower);
}

/*
 * Makes name the encoding in force and prepares its stage. Returns 0, or
 * -1 when iconv does not know the name.
 */
static int decoder_set_encoding(struct text_decoder *d, const char *name)
{
    copy_lower(d->encoding, sizeof(d->encoding), name);
    if (!strcmp(d->encoding, "utf-8")) {
        d->stage = DEC_UTF8;
        return 0;
    }
    /* An explicit "utf-16" without a BOM is big-endian (RFC 2781 section 4.3). */
    d->cd = iconv_open("UTF-8", strcmp(d->encoding, "utf-16") ? d->encoding : "UTF-16BE");
    if (d->cd == (iconv_t)-1)
        return -1;
    d->stage = DEC_ICONV;
    return 0;
}

/* Fills err from the decoder's sticky error; returns its status. */
static enum text_status get_error(const struct text_decoder *d, struct dd_error *err)
{
    struct strbuf msg = STRBUF_INIT;

    dd_error_clear(err);
    err->offset = d->fail_offset;
    memcpy(err->encoding, d->encoding, sizeof(d->encoding));
    _Static_assert(sizeof(err->encoding) == sizeof(d->encoding), "one encoding buffer size");
    if (d->fail == TEXT_EENCODING)
        strbuf_addf(&msg, "unknown encoding '%s'", d->encoding);
    else
        dd_decode_message(&msg, NULL, d->encoding, d->fail_offset, d->fail == TEXT_ETRUNC);
    dd_error_set(err, d->fail == TEXT_EENCODING ? DD_EUSAGE : DD_EINPUT, (int)d->fail, "%s",
                 msg.buf);
    strbuf_release(&msg);
    return d->fail;
}

static void set_error(struct text_decoder *d, enum text_status code, uint64_t offset,
                      struct dd_error *err)
{
    d->fail = code;
    d->fail_offset = offset;
    get_error(d, err);
}

static void replace(struct text_decoder *d, struct strbuf *out)
{
    utf8_add(out, UTF8_REPLACEMENT);
    d->replaced++;
}

/* ---- the two decoders -------------------------------------------------------- */

/*
 * Validates and copies UTF-8. Stops before a sequence cut by the end of
 * in; *used says how many bytes were consumed.
 */
static enum text_status decode_utf8(struct text_decoder *d, const char *in, size_t len,
                                    struct strbuf *out, struct dd_error *err,
                                    size_t *used /* OUT */)
{
    size_t i = 0, run = 0; /* run: start of the valid bytes not yet copied */

    while (i < len) {
        i += utf8_valid_prefix(in + i, len - i);
        if (i == len)
            break;
        if (text__utf8_cut(in + i, len - i))
            break;
        strbuf_add(out, in + run, i - run);
        if (!(d->flags & TEXT_LENIENT)) {
            *used = i;
            set_error(d, TEXT_EILSEQ, d->offset + i, err);
            return TEXT_EILSEQ;
        }
        replace(d, out);
        run = ++i;
    }
    strbuf_add(out, in + run, i - run);
    *used = i;
    return TEXT_OK;
}

/*
 * Converts with iconv, growing out as needed (E2BIG), stopping before a
 * sequence cut by the end of in (EINVAL), and failing or replacing one byte
 * at a bad sequence (EILSEQ).
 */
static enum text_status decode_iconv(struct text_decoder *d, const char *in, size_t len,
                                     struct strbuf *out, struct dd_error *err,
                                     size_t *used /* OUT */)
{
    char *inp = (char *)in; /* iconv's prototype is not const-correct */
    size_t inleft = len;

    while (inleft) {
        char *outp;
        size_t outleft, r;

        /* Two output bytes per input byte covers CP949 and UTF-16 in one call. */
        strbuf_grow(out, inleft * 2 + 16);
        outp = out->buf + out->len;
        outleft = out->alloc - out->len - 1;
        r = iconv(d->cd, &inp, &inleft, &outp, &outleft);
        strbuf_setlen(out, (size_t)(outp - out->buf));
        if (r != (size_t)-1)
            break;
        if (errno == E2BIG)
            continue;
        if (errno == EINVAL)
            break;
        if (!(d->flags & TEXT_LENIENT)) {
            *used = (size_t)(inp - in);
            set_error(d, TEXT_EILSEQ, d->offset + *used, err);
            return TEXT_EILSEQ;
        }
        replace(d, out);
        inp++;
        inleft--;
        iconv(d->cd, NULL, NULL, NULL, NULL);
    }
    *used = (size_t)(inp - in);
    return TEXT_OK;
}

/*
 * Decodes in[0..len) in the current stage (DEC_UTF8 or DEC_ICONV) and keeps
 * the undecoded tail in pend. in may point into pend.
 */
static enum text_status decode_bytes(struct text_decoder *d, const char *in, size_t len,
                                     struct strbuf *out, struct dd_error *err)
{
    enum text_status st;
    size_t used = 0;

    if (d->stage == DEC_UTF8 && in == d->pend.buf && !out->len &&
        utf8_valid_prefix(in, len) == len) {
        /*
         * The usual file once detection has buffered it (all of a file
         * under TEXT_SNIFF_BYTES): pend's buffer becomes the output, and
         * out's goes on as pend, instead of copying every byte over.
         */
        struct strbuf swap = *out;
        *out = d->pend;
        d->pend = swap;
        strbuf_reset(&d->pend);
        d->offset += len;
        return TEXT_OK;
    }
    if (d->stage == DEC_UTF8)
        st = decode_utf8(d, in, len, out, err, &used);
    else
        st = decode_iconv(d, in, len, out, err, &used);
    if (st != TEXT_OK)
        return st;
    d->offset += used;
    if (in == d->pend.buf) {
        strbuf_remove(&d->pend, 0, used);
    } else {
        strbuf_reset(&d->pend);
        strbuf_add(&d->pend, in + used, len - used);
    }
    return TEXT_OK;
}

/* ---- detection ---------------------------------------------------------------- */

static int all_plain_ascii(const char *s, size_t len)
{
    size_t i;
    for (i = 0; i < len; i++)
        if (!s[i] || ((unsigned char)s[i] & 0x80))
            return 0;
    return 1;
}

/*
 * Advances the BOM and sniff stages over pend. Returns 1 when decoding can
 * start on pend, 0 when more input is needed, -1 (err filled) on failure.
 */
static int detect(struct text_decoder *d, int at_eof, struct strbuf *out, struct dd_error *err)
{
    if (d->stage == DEC_BOM) {
        const char *name;
        int partial;
        size_t n = text_sniff_bom(d->pend.buf, d->pend.len, &name, &partial);

        if (partial && !at_eof)
            return 0;
        /* A named encoding only drops its own BOM; a foreign one is content. */
        if (n && !d->detect && strcmp(name, d->encoding) &&
            !(!strcmp(d->encoding, "utf-16") && !strncmp(name, "utf-16", 6)))
            n = 0;
        if (n) {
            d->had_bom = 1;
            strbuf_remove(&d->pend, 0, n);
            d->offset += n;
            if (d->cd != (iconv_t)-1)
                iconv_close(d->cd);
            d->cd = (iconv_t)-1;
            if (decoder_set_encoding(d, name))
                goto no_iconv;
            return 1;
        }
        if (!d->detect) {
            d->stage = d->cd == (iconv_t)-1 ? DEC_UTF8 : DEC_ICONV;
            return 1;
        }
        d->stage = DEC_SNIFF;
    }
    if (d->stage != DEC_SNIFF)
        return 1;
    if (!at_eof && d->pend.len < TEXT_SNIFF_BYTES)
        return 0;
    if (!at_eof && all_plain_ascii(d->pend.buf, d->pend.len)) {
        strbuf_addbuf(out, &d->pend);
        d->offset += d->pend.len;
        strbuf_reset(&d->pend);
        return 0;
    }
    if (decoder_set_encoding(d, text_sniff_content(d->pend.buf, d->pend.len, at_eof)))
        goto no_iconv;
    return 1;
no_iconv:
    set_error(d, TEXT_EENCODING, d->offset, err);
    return -1;
}

/* ---- public API --------------------------------------------------------------- */

struct text_decoder *text_decoder_new(const char *encoding, unsigned flags, struct dd_error *err)
{
    struct text_decoder *d = xcalloc(1, sizeof(*d));
    char canon[32];

    dd_error_clear(err);
    strbuf_init(&d->pend, 0);
    d->flags = flags;
    d->cd = (iconv_t)-1;
    if (!encoding || !strcmp(encoding, "") || !strcmp(encoding, "auto")) {
        d->detect = 1;
        d->stage = DEC_BOM;
        return d;
    }
    canonical_name(encoding, canon, sizeof(canon));
    if (decoder_set_encoding(d, canon)) {
        copy_lower(err->encoding, sizeof(err->encoding), encoding);
        dd_error_set(err, DD_EUSAGE, TEXT_EENCODING, "unknown encoding '%s'", encoding);
        text_decoder_free(d);
        return NULL;
    }
    if (!strcmp(d->encoding, "utf-8") || !strncmp(d->encoding, "utf-16", 6))
        d->stage = DEC_BOM;
    return d;
}

/* text_decoder_feed once the bytes are in pend, while detecting. */
static enum text_status feed_detecting(struct text_decoder *d, struct strbuf *out,
                                       struct dd_error *err)
{
    int r = detect(d, 0, out, err);

    if (r <= 0)
        return (enum text_status)err->detail;
    return decode_bytes(d, d->pend.buf, d->pend.len, out, err);
}

enum text_status text_decoder_feed(struct text_decoder *d, const char *buf, size_t len,
                                   struct strbuf *out, struct dd_error *err)
{
    dd_error_clear(err);
    if (d->fail != TEXT_OK)
        return get_error(d, err);
    if (d->stage == DEC_BOM || d->stage == DEC_SNIFF) {
        strbuf_add(&d->pend, buf, len);
        return feed_detecting(d, out, err);
    }
    if (d->pend.len) {
        strbuf_add(&d->pend, buf, len);
        return decode_bytes(d, d->pend.buf, d->pend.len, out, err);
    }
    return decode_bytes(d, buf, len, out, err);
}

enum text_status text_decoder_feed_buf(struct text_decoder *d, struct strbuf *in,
                                       struct strbuf *out, struct dd_error *err)
{
    enum text_status st;

    if (d->fail == TEXT_OK && (d->stage == DEC_BOM || d->stage == DEC_SNIFF) && !d->pend.len) {
        /* the bytes are buffered for detection: take in's buffer rather than copy it */
        struct strbuf swap = d->pend;

        dd_error_clear(err);
        d->pend = *in;
        *in = swap;
        return feed_detecting(d, out, err);
    }
    st = text_decoder_feed(d, in->buf, in->len, out, err);
    strbuf_reset(in);
    return st;
}

enum text_status text_decoder_finish(struct text_decoder *d, struct strbuf *out,
                                     struct dd_error *err)
{
    enum text_status st;

    dd_error_clear(err);
    if (d->fail != TEXT_OK)
        return get_error(d, err);
    if (d->stage == DEC_BOM || d->stage == DEC_SNIFF) {
        if (detect(d, 1, out, err) < 0)
            return (enum text_status)err->detail;
        st = decode_bytes(d, d->pend.buf, d->pend.len, out, err);
        if (st != TEXT_OK)
            return st;
    }
    if (!d->pend.len)
        return TEXT_OK;
    if (!(d->flags & TEXT_LENIENT)) {
        set_error(d, TEXT_ETRUNC, d->offset, err);
        return TEXT_ETRUNC;
    }
    /* One U+FFFD for the whole cut sequence, as for a truncated character. */
    replace(d, out);
    d->offset += d->pend.len;
    strbuf_reset(&d->pend);
    return TEXT_OK;
}

const char *text_decoder_get_encoding(const struct text_decoder *d)
{
    return d->encoding[0] ? d->encoding : NULL;
}

uint64_t text_decoder_get_replaced(const struct text_decoder *d)
{
    return d->replaced;
}

int text_decoder_had_bom(const struct text_decoder *d)
{
    return d->had_bom;
}

void text_decoder_free(struct text_decoder *d)
{
    if (!d)
        return;
    if (d->cd != (iconv_t)-1)
        iconv_close(d->cd);
    strbuf_release(&d->pend);
    free(d);
}

/* ---- byte maps ------------------------------------------------------------------- */

struct text_charmap {
    iconv_t cd; /* encoding -> UTF-32LE */
};

/*
 * Converts s[0..len) to one code point through m->cd. Returns the code
 * point, -2 when the bytes are the start of a longer sequence (EINVAL),
 * -1 when they are no character (EILSEQ) or more than one.
 */
static long charmap_one(struct text_charmap *m, const char *s, size_t len)
{
    unsigned char out[8];
    char *inp = (char *)s, *outp = (char *)out; /* iconv's prototype is not const-correct */
    size_t inleft = len, outleft = sizeof(out), r;

    iconv(m->cd, NULL, NULL, NULL, NULL);
    r = iconv(m->cd, &inp, &inleft, &outp, &outleft);
    if (r == (size_t)-1)
        return errno == EINVAL ? -2 : -1;
    if (inleft || sizeof(out) - outleft != 4)
        return -1;
    return (long)out[0] | (long)out[1] << 8 | (long)out[2] << 16 | (long)out[3] << 24;
}

struct text_charmap *text_charmap_new(const char *encoding, int map[256])
{
    struct text_charmap *m;
    char canon[32];

    canonical_name(encoding, canon, sizeof(canon));
    if (!strncmp(canon, "utf", 3) || !strncmp(canon, "ucs", 3))
        return NULL; /* expat reads UTF-8 and UTF-16 itself; the rest are not byte maps */
    m = xmalloc(sizeof(*m));
    m->cd = iconv_open("UTF-32LE", canon);
    if (m->cd == (iconv_t)-1) {
        free(m);
        return NULL;
    }
    for (int b = 0; b < 256; b++) {
        char c = (char)b;
        long cp = charmap_one(m, &c, 1);
        map[b] = (int)cp;
        /* an ASCII-compatible encoding only: '<', '&', quotes and names are single bytes */
        if (b < 0x80 && cp != b) {
            text_charmap_free(m);
            return NULL;
        }
    }
    return m;
}

int text_charmap_convert(struct text_charmap *m, const char *s)
{
    long cp = charmap_one(m, s, 2);
    return cp < 0 ? -1 : (int)cp;
}

void text_charmap_free(struct text_charmap *m)
{
    if (!m)
        return;
    iconv_close(m->cd);
    free(m);
}
