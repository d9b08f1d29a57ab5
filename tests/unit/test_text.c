/*
 * test_text.c - unit tests for src/text: decoding, sniffing, NFC and line
 * normalisation, and the line reader.
 *
 * Every decoder test runs at chunk sizes 1..17 and a few larger ones, as
 * expat's runtests.c loops over g_chunkSize: a multi-byte character or a
 * BOM cut anywhere must decode the same. Fixtures are in tests/data/enc/
 * (see its README.md); the NFC conformance test reads the UCD's
 * NormalizationTest.txt.bz2 through bzcat when it is installed.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "text/decode.h"
#include "text/nfc.h"
#include "text/normalize.h"
#include "doc/reader.h"
#include "text/sniff.h"
#include "text/text_int.h"
#include "text/korean.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/banned.h"

#define NORMALIZATION_TEST "/usr/share/unicode/NormalizationTest.txt.bz2"

static const size_t chunk_sizes[] = {1,  2,  3,  4,  5,  6,  7,  8,    9,     10, 11,
                                     12, 13, 14, 15, 16, 17, 64, 1000, 70000, 0};

/* ---- helpers ------------------------------------------------------------------ */

/* tests/data/enc/<name>, found from this file's path so any build dir works. */
static void fixture_path(struct strbuf *sb, const char *name)
{
    const char *f = __FILE__;
    const char *slash = strstr(f, "unit/test_text.c");

    strbuf_reset(sb);
    strbuf_add(sb, f, slash ? (size_t)(slash - f) : 0);
    if (!slash)
        strbuf_addstr(sb, "tests/");
    strbuf_addf(sb, "data/enc/%s", name);
}

static int slurp(const char *path, struct strbuf *sb)
{
    char buf[4096];
    FILE *fp = fopen(path, "rb");
    size_t n;

    strbuf_reset(sb);
    if (!fp)
        return -1;
    while ((n = fread(buf, 1, sizeof(buf), fp)) > 0)
        strbuf_add(sb, buf, n);
    fclose(fp);
    return 0;
}

static void slurp_fixture(const char *name, struct strbuf *sb)
{
    struct strbuf path = STRBUF_INIT;
    fixture_path(&path, name);
    OK(slurp(path.buf, sb) == 0, "cannot read fixture %s", path.buf);
    strbuf_release(&path);
}

struct decoded {
    enum text_status status; /* of the first failing call, or TEXT_OK */
    struct dd_error err;     /* its details */
    char encoding[32];       /* the decoder's encoding at the end */
    int had_bom;             /* text_decoder_had_bom() */
    uint64_t replaced;       /* text_decoder_get_replaced() */
};

/* 1 while the decoding tests feed through text_decoder_feed_buf (test_decode_feed_buf). */
static int decode_by_buf;

/* Decodes data fed in chunks of chunk bytes (0: all at once) into out. */
static void decode_chunked(const char *encoding, unsigned flags, const char *data, size_t len,
                           size_t chunk, struct strbuf *out, struct decoded *res)
{
    struct text_decoder *d;
    struct strbuf in = STRBUF_INIT;
    size_t i = 0;

    memset(res, 0, sizeof(*res));
    strbuf_reset(out);
    d = text_decoder_new(encoding, flags, &res->err);
    if (!d) {
        res->status = (enum text_status)res->err.detail;
        return;
    }
    if (!chunk)
        chunk = len ? len : 1;
    while (i < len) {
        size_t n = len - i < chunk ? len - i : chunk;
        if (decode_by_buf) {
            strbuf_add(&in, data + i, n);
            res->status = text_decoder_feed_buf(d, &in, out, &res->err);
            INT_EQ(in.len, 0, "feed_buf leaves in empty");
        } else {
            res->status = text_decoder_feed(d, data + i, n, out, &res->err);
        }
        if (res->status != TEXT_OK)
            goto done;
        i += n;
    }
    res->status = text_decoder_finish(d, out, &res->err);
done:
    if (text_decoder_get_encoding(d))
        snprintf(res->encoding, sizeof(res->encoding), "%s", text_decoder_get_encoding(d));
    res->had_bom = text_decoder_had_bom(d);
    res->replaced = text_decoder_get_replaced(d);
    text_decoder_free(d);
    strbuf_release(&in);
}

static char *normalized(const char *s)
{
    struct strbuf sb = STRBUF_INIT;
    text_normalize_line(s, strlen(s), &sb);
    return strbuf_detach(&sb, NULL);
}

static char *nfc(const char *s, size_t len)
{
    struct strbuf sb = STRBUF_INIT;
    text_nfc(s, len, &sb);
    return strbuf_detach(&sb, NULL);
}

/* ---- decoding ----------------------------------------------------------------- */

static void test_decode_fixtures(void)
{
    static const struct {
        const char *file;     /* input fixture */
        const char *encoding; /* given to text_decoder_new */
        const char *expect;   /* fixture with the expected UTF-8 */
        const char *detected; /* text_decoder_get_encoding() afterwards */
        int bom;              /* a BOM is dropped */
    } cases[] = {
        {"sample.utf8.txt", NULL, "sample.utf8.txt", "utf-8", 0},
        {"sample.utf8.txt", "UTF-8", "sample.utf8.txt", "utf-8", 0},
        {"sample.utf8-bom.txt", NULL, "sample.utf8.txt", "utf-8", 1},
        {"sample.utf8-bom.txt", "utf8", "sample.utf8.txt", "utf-8", 1},
        {"sample.utf16le-bom.txt", NULL, "sample.utf8.txt", "utf-16le", 1},
        {"sample.utf16be-bom.txt", "auto", "sample.utf8.txt", "utf-16be", 1},
        {"sample.utf16le-bom.txt", "UTF-16LE", "sample.utf8.txt", "utf-16le", 1},
        {"sample.utf16be-bom.txt", "utf-16", "sample.utf8.txt", "utf-16be", 1},
        {"sample.utf16le-bom.txt", "utf-16", "sample.utf8.txt", "utf-16le", 1},
        {"sample.utf16le.txt", NULL, "sample.utf8.txt", "utf-16le", 0},
        {"sample.utf16be.txt", NULL, "sample.utf8.txt", "utf-16be", 0},
        {"sample.utf16be.txt", "utf-16", "sample.utf8.txt", "utf-16", 0},
        {"sample.utf16le.txt", "utf-16le", "sample.utf8.txt", "utf-16le", 0},
        {"sample.cp949.txt", NULL, "sample.utf8.txt", "cp949", 0},
        {"sample.cp949.txt", "CP949", "sample.utf8.txt", "cp949", 0},
        {"sample.cp949.txt", "euc-kr", "sample.utf8.txt", "cp949", 0},
        {"sample.cp949.txt", "UHC", "sample.utf8.txt", "cp949", 0},
        {"ksx1001.euc-kr.txt", NULL, "ksx1001.utf8.txt", "cp949", 0},
        {"ksx1001.euc-kr.txt", "EUC-KR", "ksx1001.utf8.txt", "cp949", 0},
        {"sample.nfd.utf8.txt", NULL, "sample.nfd.utf8.txt", "utf-8", 0},
    };
    struct strbuf in = STRBUF_INIT, want = STRBUF_INIT, out = STRBUF_INIT;
    size_t i, c;

    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        slurp_fixture(cases[i].file, &in);
        slurp_fixture(cases[i].expect, &want);
        for (c = 0; c < sizeof(chunk_sizes) / sizeof(chunk_sizes[0]); c++) {
            struct decoded res;
            decode_chunked(cases[i].encoding, 0, in.buf, in.len, chunk_sizes[c], &out, &res);
            INT_EQ(res.status, TEXT_OK, "%s as %s, chunk %zu: error at %llu", cases[i].file,
                   cases[i].encoding ? cases[i].encoding : "auto", chunk_sizes[c],
                   (unsigned long long)res.err.offset);
            STR_EQ(out.buf, want.buf, "%s as %s, chunk %zu", cases[i].file,
                   cases[i].encoding ? cases[i].encoding : "auto", chunk_sizes[c]);
            INT_EQ(out.len, want.len, "%s, chunk %zu", cases[i].file, chunk_sizes[c]);
            STR_EQ(res.encoding, cases[i].detected, "%s, chunk %zu", cases[i].file, chunk_sizes[c]);
            INT_EQ(res.had_bom, cases[i].bom, "%s, chunk %zu", cases[i].file, chunk_sizes[c]);
        }
    }
    strbuf_release(&in);
    strbuf_release(&want);
    strbuf_release(&out);
}

/* 똠 is CP949 8C 63; strict EUC-KR (KS X 1001) has no such syllable. */
static void test_decode_cp949_only(void)
{
    struct strbuf out = STRBUF_INIT;
    struct decoded res;
    const char *names[] = {NULL, "cp949", "euc-kr", "EUC-KR", "euckr", "ks_c_5601-1987"};
    size_t i;

    for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        decode_chunked(names[i], 0, "\x8C\x63\xBE\xE4\xB2\xE1", 6, 1, &out, &res);
        INT_EQ(res.status, TEXT_OK, "as %s", names[i] ? names[i] : "auto");
        STR_EQ(out.buf, "똠얌꿍", "as %s", names[i] ? names[i] : "auto");
        STR_EQ(res.encoding, "cp949", "as %s", names[i] ? names[i] : "auto");
    }
    strbuf_release(&out);
}

static void test_decode_utf16_surrogates(void)
{
    struct strbuf out = STRBUF_INIT;
    struct decoded res;
    size_t c;

    for (c = 0; c < sizeof(chunk_sizes) / sizeof(chunk_sizes[0]); c++) {
        /* U+1F600 is D83D DE00; U+20BB7 (a CJK extension B hanja) is D842 DFB7. */
        decode_chunked(NULL, 0, "\xFF\xFE\x3D\xD8\x00\xDE\x42\xD8\xB7\xDF", 10, chunk_sizes[c],
                       &out, &res);
        INT_EQ(res.status, TEXT_OK, "LE chunk %zu", chunk_sizes[c]);
        STR_EQ(out.buf, "\U0001F600\U00020BB7", "LE chunk %zu", chunk_sizes[c]);
        decode_chunked(NULL, 0, "\xFE\xFF\xD8\x3D\xDE\x00", 6, chunk_sizes[c], &out, &res);
        STR_EQ(out.buf, "\U0001F600", "BE chunk %zu", chunk_sizes[c]);

        /* A lone low surrogate is a bad sequence at its own offset. */
        decode_chunked(NULL, 0, "\xFF\xFE\x41\x00\x00\xDC\x42\x00", 8, chunk_sizes[c], &out, &res);
        INT_EQ(res.status, TEXT_EILSEQ, "lone surrogate, chunk %zu", chunk_sizes[c]);
        INT_EQ(res.err.offset, 4, "lone surrogate, chunk %zu", chunk_sizes[c]);
        STR_EQ(res.err.encoding, "utf-16le", "chunk %zu", chunk_sizes[c]);

        /* A high surrogate at the end, and an odd trailing byte, are truncation. */
        decode_chunked(NULL, 0, "\xFF\xFE\x41\x00\x3D\xD8", 6, chunk_sizes[c], &out, &res);
        INT_EQ(res.status, TEXT_ETRUNC, "cut pair, chunk %zu", chunk_sizes[c]);
        INT_EQ(res.err.offset, 4, "cut pair, chunk %zu", chunk_sizes[c]);
        decode_chunked("utf-16be", 0, "\0A\0", 3, chunk_sizes[c], &out, &res);
        INT_EQ(res.status, TEXT_ETRUNC, "odd byte, chunk %zu", chunk_sizes[c]);
        INT_EQ(res.err.offset, 2, "odd byte, chunk %zu", chunk_sizes[c]);
        STR_EQ(out.buf, "A", "odd byte, chunk %zu", chunk_sizes[c]);
    }
    strbuf_release(&out);
}

static void test_decode_truncated_fixtures(void)
{
    struct strbuf in = STRBUF_INIT, out = STRBUF_INIT;
    struct decoded res;
    size_t c;

    for (c = 0; c < sizeof(chunk_sizes) / sizeof(chunk_sizes[0]); c++) {
        /* The file ends in "\n\0"; dropping the NUL leaves half a code unit. */
        slurp_fixture("sample.utf16le-bom.txt", &in);
        decode_chunked(NULL, 0, in.buf, in.len - 1, chunk_sizes[c], &out, &res);
        INT_EQ(res.status, TEXT_ETRUNC, "utf-16le, chunk %zu", chunk_sizes[c]);
        INT_EQ(res.err.offset, in.len - 2, "utf-16le, chunk %zu", chunk_sizes[c]);

        /* sample.utf8.txt ends in "원칙\n": drop the newline and the last byte of 칙. */
        slurp_fixture("sample.utf8.txt", &in);
        decode_chunked("utf-8", 0, in.buf, in.len - 2, chunk_sizes[c], &out, &res);
        INT_EQ(res.status, TEXT_ETRUNC, "utf-8, chunk %zu", chunk_sizes[c]);
        INT_EQ(res.err.offset, in.len - 4, "utf-8, chunk %zu", chunk_sizes[c]);
        STR_EQ(res.err.encoding, "utf-8", "chunk %zu", chunk_sizes[c]);

        /* The CP949 fixture ends in 칙 = C4 A2 and "\n". */
        slurp_fixture("sample.cp949.txt", &in);
        decode_chunked(NULL, 0, in.buf, in.len - 2, chunk_sizes[c], &out, &res);
        INT_EQ(res.status, TEXT_ETRUNC, "cp949, chunk %zu", chunk_sizes[c]);
        INT_EQ(res.err.offset, in.len - 3, "cp949, chunk %zu", chunk_sizes[c]);
        STR_EQ(res.err.encoding, "cp949", "chunk %zu", chunk_sizes[c]);
    }
    strbuf_release(&in);
    strbuf_release(&out);
}

static void test_decode_bad_bytes(void)
{
    static const struct {
        const char *encoding; /* given to the decoder */
        const char *data;     /* input */
        size_t len;           /* its length */
        enum text_status status;
        uint64_t offset; /* expected error offset */
        const char *what;
    } cases[] = {
        {"utf-8", "abc\377def", 7, TEXT_EILSEQ, 3, "invalid byte"},
        {NULL, "\xEF\xBB\xBF가\xC3\x28", 8, TEXT_EILSEQ, 6, "bad continuation after BOM"},
        {"utf-8", "x\xC0\xAF", 3, TEXT_EILSEQ, 1, "overlong"},
        {"utf-8", "xy\xED\xA0\x80", 5, TEXT_EILSEQ, 2, "encoded surrogate"},
        {"utf-8", "\xF4\x90\x80\x80", 4, TEXT_EILSEQ, 0, "beyond U+10FFFF"},
        {"utf-8", "가\x80", 4, TEXT_EILSEQ, 3, "stray continuation"},
        {"utf-8", "가\xEA\xB0", 5, TEXT_ETRUNC, 3, "cut at the end"},
        {"utf-8", "가\352\260a", 6, TEXT_EILSEQ, 3, "cut in the middle"},
        {"cp949", "AB\xB0\xA1\x80\x41", 6, TEXT_EILSEQ, 4, "cp949 lead 0x80"},
        {"cp949", "\xB0\xA1\xFF", 3, TEXT_EILSEQ, 2, "cp949 lead 0xFF"},
        {"cp949", "\xB0\xA1\xB0", 3, TEXT_ETRUNC, 2, "cp949 cut"},
        {"euc-kr", "\xB0\xA1\xB0\x20", 4, TEXT_EILSEQ, 2, "cp949 bad trail"},
        {NULL, "abc\xFF", 4, TEXT_EILSEQ, 3, "sniffed cp949"},
    };
    struct strbuf out = STRBUF_INIT;
    size_t i, c;

    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
        for (c = 0; c < sizeof(chunk_sizes) / sizeof(chunk_sizes[0]); c++) {
            struct decoded res;
            decode_chunked(cases[i].encoding, 0, cases[i].data, cases[i].len, chunk_sizes[c], &out,
                           &res);
            INT_EQ(res.status, cases[i].status, "%s, chunk %zu", cases[i].what, chunk_sizes[c]);
            INT_EQ(res.err.detail, cases[i].status, "%s, chunk %zu", cases[i].what, chunk_sizes[c]);
            INT_EQ(res.err.offset, cases[i].offset, "%s, chunk %zu", cases[i].what, chunk_sizes[c]);
            OK(res.err.encoding[0], "%s: no encoding in the error", cases[i].what);
        }
    strbuf_release(&out);
}

static void test_decode_error_is_sticky(void)
{
    struct strbuf out = STRBUF_INIT;
    struct dd_error err;
    struct text_decoder *d = text_decoder_new("utf-8", 0, &err);

    INT_EQ(text_decoder_feed(d, "ab\xFF", 3, &out, &err), TEXT_EILSEQ, "first");
    INT_EQ(text_decoder_feed(d, "cd", 2, &out, &err), TEXT_EILSEQ, "fed again");
    INT_EQ(err.offset, 2, "the first error is kept");
    INT_EQ(text_decoder_finish(d, &out, &err), TEXT_EILSEQ, "finish");
    STR_EQ(out.buf, "ab", "output up to the bad byte");
    text_decoder_free(d);
    text_decoder_free(NULL);
    strbuf_release(&out);
}

static void test_decode_lenient(void)
{
    struct strbuf out = STRBUF_INIT;
    struct decoded res;
    size_t c;

    for (c = 0; c < sizeof(chunk_sizes) / sizeof(chunk_sizes[0]); c++) {
        decode_chunked("utf-8", TEXT_LENIENT, "a\377b\376\303c", 6, chunk_sizes[c], &out, &res);
        INT_EQ(res.status, TEXT_OK, "utf-8, chunk %zu", chunk_sizes[c]);
        STR_EQ(out.buf, "a\uFFFDb\uFFFD\uFFFDc", "utf-8, chunk %zu", chunk_sizes[c]);
        INT_EQ(res.replaced, 3, "utf-8, chunk %zu", chunk_sizes[c]);

        decode_chunked("cp949", TEXT_LENIENT, "\xB0\xA1\x80\x41\x8C\x63", 6, chunk_sizes[c], &out,
                       &res);
        INT_EQ(res.status, TEXT_OK, "cp949, chunk %zu", chunk_sizes[c]);
        STR_EQ(out.buf, "가\uFFFDA똠", "cp949, chunk %zu", chunk_sizes[c]);
        INT_EQ(res.replaced, 1, "cp949, chunk %zu", chunk_sizes[c]);

        /* A sequence cut by the end of input is one replacement. */
        decode_chunked("utf-8", TEXT_LENIENT, "가\xEA\xB0", 5, chunk_sizes[c], &out, &res);
        INT_EQ(res.status, TEXT_OK, "cut, chunk %zu", chunk_sizes[c]);
        STR_EQ(out.buf, "가\uFFFD", "cut, chunk %zu", chunk_sizes[c]);
        INT_EQ(res.replaced, 1, "cut, chunk %zu", chunk_sizes[c]);
    }
    strbuf_release(&out);
}

/*
 * text_decoder_feed_buf takes the buffer fed while detection buffers the
 * input, and copies otherwise: the same text, errors and offsets as
 * text_decoder_feed, at every chunk size.
 */
static void test_decode_feed_buf(void)
{
    decode_by_buf = 1;
    test_decode_fixtures();
    test_decode_truncated_fixtures();
    test_decode_bad_bytes();
    test_decode_lenient();
    decode_by_buf = 0;
}

static void test_decode_unknown_encoding(void)
{
    struct dd_error err;
    struct dd_error rerr;

    OK(text_decoder_new("Klingon-8", 0, &err) == NULL, "unknown name accepted");
    INT_EQ(err.detail, TEXT_EENCODING, "code");
    INT_EQ(err.code, DD_EUSAGE, "an unknown encoding is a usage error");
    STR_EQ(err.encoding, "klingon-8", "name, lower-case");
    OK(text_reader_open("-", "no-such-charset", 0, &rerr) == NULL, "reader accepted it");
    INT_EQ(rerr.detail, TEXT_READER_EENCODING, "reader code");
    INT_EQ(rerr.code, DD_EUSAGE, "reader exit class");
    STR_EQ(rerr.message, "unknown encoding 'no-such-charset'", "reader message");
}

/* Detection passes a long ASCII start through and still finds CP949 or UTF-8 later. */
static void test_decode_long_ascii_prefix(void)
{
    struct strbuf in = STRBUF_INIT, out = STRBUF_INIT, want = STRBUF_INIT;
    struct decoded res;
    size_t i;
    const size_t sizes[] = {1000, 65536, 0};

    for (i = 0; i < 70000; i++)
        strbuf_addch(&in, "abc \n"[i % 5]);
    strbuf_addbuf(&want, &in);
    strbuf_addstr(&want, "똠");
    strbuf_add(&in, "\x8C\x63", 2);
    for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
        decode_chunked(NULL, 0, in.buf, in.len, sizes[i], &out, &res);
        INT_EQ(res.status, TEXT_OK, "cp949 after ASCII, chunk %zu", sizes[i]);
        STR_EQ(res.encoding, "cp949", "chunk %zu", sizes[i]);
        OK(out.len == want.len && !memcmp(out.buf, want.buf, out.len), "cp949 output, chunk %zu",
           sizes[i]);
    }
    strbuf_setlen(&in, in.len - 2);
    strbuf_addstr(&in, "똠");
    decode_chunked(NULL, 0, in.buf, in.len, 4096, &out, &res);
    STR_EQ(res.encoding, "utf-8", "utf-8 after ASCII");
    OK(out.len == want.len && !memcmp(out.buf, want.buf, out.len), "utf-8 output");

    decode_chunked(NULL, 0, "", 0, 0, &out, &res);
    INT_EQ(res.status, TEXT_OK, "empty input");
    INT_EQ(out.len, 0, "empty input");
    /* EF BB without BF is no BOM, nor UTF-8: a CP949 hanja pair. */
    decode_chunked(NULL, 0, "\xEF\xBBx", 3, 1, &out, &res);
    INT_EQ(res.status, TEXT_OK, "half a BOM");
    INT_EQ(res.had_bom, 0, "half a BOM");
    STR_EQ(res.encoding, "cp949", "half a BOM");
    strbuf_release(&in);
    strbuf_release(&out);
    strbuf_release(&want);
}

/* ---- sniffing ----------------------------------------------------------------- */

static void test_sniff(void)
{
    const char *enc;
    int partial;

    INT_EQ(text_sniff_bom("\xEF\xBB\xBFx", 4, &enc, &partial), 3, "utf-8 BOM");
    STR_EQ(enc, "utf-8", "utf-8 BOM");
    INT_EQ(text_sniff_bom("\xFF\xFEx", 3, &enc, &partial), 2, "utf-16le BOM");
    STR_EQ(enc, "utf-16le", "utf-16le BOM");
    INT_EQ(text_sniff_bom("\xFE\xFF", 2, &enc, &partial), 2, "utf-16be BOM");
    STR_EQ(enc, "utf-16be", "utf-16be BOM");
    INT_EQ(text_sniff_bom("\xEF\xBB", 2, &enc, &partial), 0, "half a BOM");
    INT_EQ(partial, 1, "half a BOM is partial");
    INT_EQ(text_sniff_bom("\xFF", 1, &enc, &partial), 0, "one byte");
    INT_EQ(partial, 1, "FF may become FF FE");
    INT_EQ(text_sniff_bom("abc", 3, &enc, &partial), 0, "no BOM");
    INT_EQ(partial, 0, "no BOM is not partial");
    OK(enc == NULL, "no encoding without a BOM");

    STR_EQ(text_sniff_content("plain", 5, 1), "utf-8", "ASCII");
    STR_EQ(text_sniff_content("클라우드", 12, 1), "utf-8", "Hangul");
    STR_EQ(text_sniff_content("클라우", 8, 0), "utf-8", "cut UTF-8 before EOF");
    STR_EQ(text_sniff_content("클라우", 8, 1), "cp949", "cut UTF-8 at EOF");
    STR_EQ(text_sniff_content("\xC5\xAC\xB6\xF3", 4, 1), "cp949", "CP949 클라");
    STR_EQ(text_sniff_content("a\0b\0\x74\xD0", 6, 1), "utf-16le", "UTF-16LE");
    STR_EQ(text_sniff_content("\0a\0b\xD0\x74", 6, 1), "utf-16be", "UTF-16BE");
}

/* ---- NFC ---------------------------------------------------------------------- */

static void test_nfc_basics(void)
{
    /* 한국 in conjoining jamo: ᄒ ᅡ ᆫ ᄀ ᅮ ᆨ */
    const char *jamo = "\u1112\u1161\u11AB\u1100\u116E\u11A8";
    struct {
        const char *in, *want, *what;
    } cases[] = {
        {jamo, "한국", "conjoining jamo"},
        {"ASCII only", "ASCII only", "ASCII"},
        {"클라우드", "클라우드", "precomposed Hangul"},
        {"가\u11A8", "각", "LV syllable + trailing jamo"},
        {"e\u0301", "\u00E9", "e + acute"},
        {"\u212B", "\u00C5", "angstrom sign is a singleton"},
        {"a\u0315\u0300\u05AE\u0301b", "\u00E0\u05AE\u0301\u0315b", "reordering"},
        {"\u0958", "\u0915\u093C", "composition exclusion"},
        {"", "", "empty"},
    };
    size_t i;

    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char *got = nfc(cases[i].in, strlen(cases[i].in));
        STR_EQ(got, cases[i].want, "%s", cases[i].what);
        free(got);
    }
}

/* Parses "0044 0307" into UTF-8. */
static void hex_to_utf8(const char *field, struct strbuf *sb)
{
    char *end;

    strbuf_reset(sb);
    for (;;) {
        unsigned long cp = strtoul(field, &end, 16);
        if (end == field)
            break;
        utf8_add(sb, (uint32_t)cp);
        field = end;
    }
}

/*
 * text__nfc_unsafe answers for the BMP from a bit table made once from the
 * generated ranges: the same answer as the ranges for every code point
 * (Hangul syllables, which NFC composes by arithmetic, are safe in both).
 */
static void test_nfc_unsafe_table(void)
{
    size_t differ = 0;

    for (uint32_t c = 0; c < 0x10000; c++) {
        int want = c >= 0xC0 && !(c >= 0xAC00 && c <= 0xD7A3) && text__nfc_unsafe_search(c);
        if (text__nfc_unsafe(c) != want && !differ++)
            fprintf(stderr, "  first difference: U+%04X\n", (unsigned)c);
    }
    INT_EQ(differ, 0, "BMP code points answered unlike the table");
    OK(text__nfc_unsafe(0x0301) && !text__nfc_unsafe(0x00B7) && !text__nfc_unsafe(0x2192) &&
           text__nfc_unsafe(0x2329) && text__nfc_unsafe(0x1D15E) && !text__nfc_unsafe(0x1F600),
       "a few known answers");
}

/* The fold's shortcut by page answers every code point as the whole fold does:
 * a fold case added on a page the shortcut skips fails here. */
static void test_fold_pages(void)
{
    size_t differ = 0;

    for (uint32_t c = 0; c < 0x110000; c++)
        for (int keep = 0; keep < 2; keep++)
            if (text__fold_char(c, keep, 1) != text__fold_char(c, keep, 0) && !differ++)
                fprintf(stderr, "  first difference: U+%04X\n", (unsigned)c);
    INT_EQ(differ, 0, "code points the shortcut answers unlike the fold");
    OK(text__fold_char(0xFF21, 0, 1) == 'A' && text__fold_char(0x3000, 0, 1) == ' ' &&
           text__fold_char(0x2192, 0, 1) == 0x2192 && text__fold_char(0xAC00, 0, 1) == 0xAC00 &&
           text__fold_char(0x02BB, 0, 1) == '\'' && text__fold_char(0x02BC, 1, 1) == 0x02BC,
       "a few known answers");
}

/*
 * UAX #15 conformance: for every line c1;c2;c3;c4;c5 of NormalizationTest.txt,
 * NFC(c1) = NFC(c2) = NFC(c3) = c2 and NFC(c4) = NFC(c5) = c4; and every code
 * point not listed in part 1 is its own NFC.
 */
static void test_nfc_conformance(void)
{
    static unsigned char listed[0x110000 / 8];
    struct strbuf col[5] = {STRBUF_INIT, STRBUF_INIT, STRBUF_INIT, STRBUF_INIT, STRBUF_INIT};
    struct strbuf got = STRBUF_INIT, one = STRBUF_INIT;
    char line[1024];
    FILE *fp;
    int part = -1, reported = 0;
    long lines = 0, failures = 0;
    uint32_t cp;
    int i;

    if (access(NORMALIZATION_TEST, R_OK)) {
        printf("# skip test_nfc_conformance: %s not found\n", NORMALIZATION_TEST);
        return;
    }
    fp = popen("bzcat " NORMALIZATION_TEST, "r");
    OK(fp != NULL, "cannot run bzcat");
    if (!fp)
        return;
    while (fgets(line, sizeof(line), fp)) {
        char *f[5], *p = line;
        if (line[0] == '#')
            continue;
        if (line[0] == '@') {
            part = line[5] - '0';
            continue;
        }
        for (i = 0; i < 5; i++) {
            f[i] = p;
            p = strchr(p, ';');
            if (!p)
                break;
            *p++ = '\0';
        }
        if (i < 5)
            continue;
        for (i = 0; i < 5; i++)
            hex_to_utf8(f[i], &col[i]);
        if (part == 1) {
            cp = (uint32_t)strtoul(f[0], NULL, 16);
            listed[cp / 8] |= (unsigned char)(1u << (cp % 8));
        }
        lines++;
        for (i = 0; i < 5; i++) {
            const struct strbuf *want = i < 3 ? &col[1] : &col[3];
            strbuf_reset(&got);
            text_nfc(col[i].buf, col[i].len, &got);
            if (got.len == want->len && !memcmp(got.buf, want->buf, got.len))
                continue;
            failures++;
            if (reported++ < 5)
                fprintf(stderr, "  NFC(c%d) wrong for %s;%s;%s;%s;%s\n", i + 1, f[0], f[1], f[2],
                        f[3], f[4]);
        }
    }
    INT_EQ(pclose(fp), 0, "bzcat failed");
    OK(lines > 18000, "only %ld test lines read", lines);
    INT_EQ(failures, 0, "NormalizationTest.txt NFC failures in %ld lines", lines);

    failures = 0;
    for (cp = 0; cp < 0x110000; cp++) {
        if ((cp >= 0xD800 && cp <= 0xDFFF) || (listed[cp / 8] & (1u << (cp % 8))))
            continue;
        strbuf_reset(&one);
        utf8_add(&one, cp);
        strbuf_reset(&got);
        text_nfc(one.buf, one.len, &got);
        if (got.len != one.len || memcmp(got.buf, one.buf, got.len))
            failures++;
    }
    INT_EQ(failures, 0, "unlisted code points changed by NFC");
    for (i = 0; i < 5; i++)
        strbuf_release(&col[i]);
    strbuf_release(&got);
    strbuf_release(&one);
}

/* ---- line normalisation ------------------------------------------------------- */

static void test_normalize_rules(void)
{
    static const struct {
        const char *in, *want;
    } cases[] = {
        /* markdown emphasis, escapes, headings and quotes */
        {"**미스트랄(Mistral) AI**", "미스트랄(Mistral) AI"},
        {"__클라우드__(Cloud) 서비스", "클라우드(Cloud) 서비스"},
        {"회원국\\*", "회원국*"},
        {"\\*\\*강조 아님\\*\\*", "**강조 아님**"},
        {"\\_\\_init\\_\\_ 함수", "__init__ 함수"},
        {"경로 C:\\Users", "경로 C:\\Users"},
        {"## 제목", "제목"},
        {"### 제3장 클라우드 ###", "제3장 클라우드"},
        {"#해시태그", "#해시태그"},
        {"\\## 제목 아님", "## 제목 아님"},
        {"> 인용된 문장", "인용된 문장"},
        {"> > ## 인용 속 제목", "인용 속 제목"},
        {"가격 > 비용", "가격 > 비용"},
        /* superscript markup */
        {"CSAP^(클라우드 보안인증제)", "CSAP(클라우드 보안인증제)"},
        {"우선 이용^{First} 원칙", "우선 이용{First} 원칙"},
        {"2^10 바이트", "2^10 바이트"},
        {"CSAP\\^(보안)", "CSAP^(보안)"},
        /* HTML */
        {"<p>AI 약 9,000억원</p>", "AI 약 9,000억원"},
        {"<div style=\"display: flex;\">x</div>", "x"},
        {"<td>클라우드</td><td>Cloud</td>", "클라우드 Cloud"},
        {"<b>클라우드</b>(Cloud)", "클라우드(Cloud)"},
        {"<SPAN class='a>b'>보안</SPAN>", "보안"},
        {"클라우드<br/>컴퓨팅", "클라우드 컴퓨팅"},
        {"<!-- 주석 -->본문", "본문"},
        {"본문 <!-- 닫히지 않은 주석", "본문"},
        {"CSAP<sup>(클라우드 보안인증제)</sup>", "CSAP(클라우드 보안인증제)"},
        {"클라우드<sup>1)</sup> 서비스", "클라우드{1)} 서비스"},
        {"&amp;", "&"},
        {"R&amp;D(연구개발)", "R&D(연구개발)"},
        {"&lt;p&gt;는 태그", "<p>는 태그"},
        {"&#12593;&#x3131;&#X3131;", "ㄱㄱㄱ"},
        {"&quot;보안&quot;&nbsp;인증", "\"보안\" 인증"},
        {"AT&T &unknown; &#;", "AT&T &unknown; &#;"},
        {"인터넷 기반 자원 공유<클라우드>", "인터넷 기반 자원 공유<클라우드>"},
        {"<AI> 기본법", "<AI> 기본법"},
        {"a < b", "a < b"},
        /* character folding */
        {"（클라우드）", "(클라우드)"},
        {"ＡＩ　기본법", "AI 기본법"},
        {"〈클라우드〉 ⟨보안⟩ 〈인증〉", "<클라우드> <보안> <인증>"},
        {"【공지】", "[공지]"},
        {"『정보통신망법』 「시행령」 《백서》", "『정보통신망법』 「시행령」 《백서》"},
        {"각주⁽주⁾", "각주(주)"},
        {"‘클라우드’ “보안” ‚a‛ „b‟", "'클라우드' \"보안\" 'a' \"b\""},
        {"표준ㆍ인증 가・나 다‧라 마∙바", "표준·인증 가·나 다·라 마·바"},
        {"AR(증강현실)․MR(혼합현실)", "AR(증강현실)·MR(혼합현실)"},
        {"전자‐정부 비‑분리", "전자-정부 비-분리"},
        {"1〜3년", "1~3년"},
        /* and what is itself, on the pages that hold something to fold and elsewhere */
        {"가·나 → ① ▶ ▪ ❖ ※ 「美」 ㈜ ℃ ﹏", "가·나 → ① ▶ ▪ ❖ ※ 「美」 ㈜ ℃ ﹏"},
        /* folded to markdown characters, which the markdown pass then reads */
        {"＊＊굵게＊＊ 끝", "굵게 끝"},
        {"〉 인용", "인용"},
        {"〉〉 ＃＃ 제목 ＃＃", "제목"},
        {"＼＊별＼＊", "*별*"},
        {"“따옴” ＿＿밑줄＿＿", "\"따옴\" 밑줄"},
        {"가＾（주）", "가(주)"},
        {"‘인용’ *그대로", "'인용' *그대로"},
        {"클라\u200B우드\uFEFF", "클라우드"},
        {"소프트\u00AD웨어", "소프트웨어"},
        {"클라우드\u00A0보안\u2003인증", "클라우드 보안 인증"},
        /* NFD Hangul */
        {"\u110F\u1173\u11AF\u1105\u1161", "클라"},
        /* spaces, controls and TABs */
        {"  앞뒤   공백  ", "앞뒤 공백"},
        {"a\001b\177c", "a b c"}, /* DEL and C1 too (issue 16: terminal controls) */
        {"a\033]0;x\007b\xc2\x9b"
         "2Jc",
         "a ]0;x b 2Jc"},
        {"용어\t정의", "용어\t정의"},
        {"용어 \t  정의 ", "용어\t정의"},
        {"\t둘째 칸", "\t둘째 칸"},
        {"", ""},
        {"plain ASCII line", "plain ASCII line"},
    };
    size_t i;

    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char *got = normalized(cases[i].in);
        STR_EQ(got, cases[i].want, "input \"%s\"", cases[i].in);
        free(got);
    }
}

/* The marked form keeps quotes and middle dots and is otherwise the plain one, character for
 * character. */
static void test_normalize_marked(void)
{
    static const struct {
        const char *in, *plain, *marked;
    } cases[] = {
        {"육성ㆍ보호  기본계획", "육성·보호 기본계획", "육성ㆍ보호 기본계획"},
        {"‘Korea’s’ “AI”", "'Korea's' \"AI\"", "‘Korea’s’ “AI”"},
        {"<b>아‧태</b>&nbsp;협의체", "아·태 협의체", "아‧태 협의체"},
        {"**한・미** 회의", "한·미 회의", "한・미 회의"},
        {"AR(증강현실)․MR(혼합현실)", "AR(증강현실)·MR(혼합현실)", "AR(증강현실)․MR(혼합현실)"},
        {"ＡＩ ㆍ", "AI ·", "AI ㆍ"},
        /* a markdown escape of a curly quote goes in both forms */
        {"\\“새\\” 기업", "\"새\" 기업", "“새” 기업"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct strbuf a = STRBUF_INIT, b = STRBUF_INIT, c = STRBUF_INIT;
        text_normalize_line(cases[i].in, strlen(cases[i].in), &a);
        text_normalize_line_marked(cases[i].in, strlen(cases[i].in), &b);
        STR_EQ(a.buf, cases[i].plain, "input \"%s\"", cases[i].in);
        STR_EQ(b.buf, cases[i].marked, "input \"%s\"", cases[i].in);
        INT_EQ(utf8_count(b.buf, b.len), utf8_count(a.buf, a.len), "input \"%s\"", cases[i].in);
        text_normalize_line(b.buf, b.len, &c);
        STR_EQ(c.buf, cases[i].plain, "input \"%s\" folded again", cases[i].in);
        strbuf_release(&a);
        strbuf_release(&b);
        strbuf_release(&c);
    }
}

static void test_normalize_appends(void)
{
    struct strbuf sb = STRBUF_INIT;

    strbuf_addstr(&sb, "앞:");
    text_normalize_line("**뒤**", strlen("**뒤**"), &sb);
    STR_EQ(sb.buf, "앞:뒤", "appends to out");
    strbuf_reset(&sb);
    text_normalize_line("a\0b", 3, &sb);
    STR_EQ(sb.buf, "a b", "NUL is a C0 control");
    strbuf_release(&sb);
}

/*
 * Hostile lines stay linear: 200,000 combining marks of two classes (an
 * insertion sort would take minutes) and 100,000 unclosed "<p " tags.
 */
/*
 * text_normalize_line reads ASCII and Hangul 16 bytes at a time: whatever
 * asks for a pass (a decomposed syllable, a fullwidth letter, a TAB, two
 * spaces, an entity, an emphasis mark, a control) is found at every offset
 * of a long Korean line, with the same result as alone on a short line.
 */
static void test_normalize_blocks(void)
{
    static const struct {
        const char *in, *want;
    } odd[] = {
        {"\xE1\x84\x80\xE1\x85\xA1", "가"}, /* conjoining jamo: NFC composes 가 */
        {"\xEF\xBC\xA1", "A"},              /* fullwidth A */
        {"x\ty", "x\ty"},                   /* a TAB */
        {"x \t y", "x\ty"},                 /* spaces beside a TAB */
        {"x  y", "x y"},                    /* two spaces */
        {"x   ", "x "},                     /* spaces before the rest */
        {"&amp;", "&"},
        {"**굵게**", "굵게"},
        {"\x01", " "},
        {"\xE2\x80\x98q\xE2\x80\x99", "'q'"},
        {"\xED\x9E\xA3", "힣"},
        {"x  \xC2\xB7y", "x \xC2\xB7y"}, /* two spaces, then what stops a block */
        {"x\t\xE2\x80\x98q", "x\t'q"},
    };
    struct strbuf in = STRBUF_INIT, want = STRBUF_INIT, out = STRBUF_INIT;
    size_t bad = 0, checked = 0;

    for (size_t k = 0; k < sizeof(odd) / sizeof(odd[0]); k++)
        for (size_t at = 0; at < 40; at++) {
            strbuf_reset(&in);
            strbuf_reset(&want);
            strbuf_reset(&out);
            for (size_t i = 0; i < at; i++)
                strbuf_addstr(&in, i % 4 == 3 ? " " : i % 2 ? "힣" : "갑");
            strbuf_addstr(&in, "z");
            strbuf_addbuf(&want, &in);
            strbuf_addstr(&in, odd[k].in);
            strbuf_addstr(&want, odd[k].want);
            for (size_t i = 0; i < 12; i++) {
                strbuf_addstr(&in, i % 4 == 3 ? " a" : "한");
                strbuf_addstr(&want, i % 4 == 3 ? " a" : "한");
            }
            text_normalize_line(in.buf, in.len, &out);
            checked++;
            if (strcmp(out.buf, want.buf) && !bad++)
                fprintf(stderr, "  first difference: '%s' at %zu: '%s'\n", odd[k].in, at, out.buf);
            /* and at the end of the line: the prefix, then what "z" and it make alone */
            strbuf_reset(&in);
            strbuf_reset(&want);
            strbuf_reset(&out);
            strbuf_addstr(&in, "z");
            strbuf_addstr(&in, odd[k].in);
            text_normalize_line(in.buf, in.len, &out);
            strbuf_reset(&in);
            for (size_t i = 0; i < at; i++)
                strbuf_addstr(&in, i % 4 == 3 ? " " : i % 2 ? "힣" : "갑");
            strbuf_addbuf(&want, &in);
            strbuf_addbuf(&want, &out);
            strbuf_reset(&out);
            strbuf_addstr(&in, "z");
            strbuf_addstr(&in, odd[k].in);
            text_normalize_line(in.buf, in.len, &out);
            checked++;
            if (strcmp(out.buf, want.buf) && !bad++)
                fprintf(stderr, "  first difference at the end: '%s' at %zu: '%s'\n", odd[k].in, at,
                        out.buf);
        }
    INT_EQ(bad, 0, "of %zu lines, normalised unlike the short line", checked);
    strbuf_release(&in);
    strbuf_release(&want);
    strbuf_release(&out);
}

/*
 * One text_scratch kept from line to line, as the reader keeps it: a long
 * line that needs every pass, then short ones, give what
 * text_normalize_line gives each alone.
 */
static void test_normalize_scratch(void)
{
    static const char *const lines[] = {
        "<p>&lt;긴 줄&gt; **강조** ‘따옴’ ＡＩ　기본법 \u1100\u1161 가나다라마바사 "
        "아자차카타파하</p>",
        "‘짧은’",
        "**굵게**",
        "a &amp; b",
        "",
        "\u110F\u1173\u11AF",
        "ＡＩ",
        "평범한  줄",
    };
    struct text_scratch t = TEXT_SCRATCH_INIT;
    struct strbuf got = STRBUF_INIT, want = STRBUF_INIT;

    for (int round = 0; round < 2; round++)
        for (size_t i = 0; i < sizeof(lines) / sizeof(lines[0]); i++) {
            const char *s = lines[round ? sizeof(lines) / sizeof(lines[0]) - 1 - i : i];
            strbuf_reset(&got);
            strbuf_reset(&want);
            text_normalize_line_scratch(s, strlen(s), &got, &t);
            text_normalize_line(s, strlen(s), &want);
            STR_EQ(got.buf, want.buf, "input \"%s\", round %d", s, round);
        }
    text_scratch_release(&t);
    strbuf_release(&got);
    strbuf_release(&want);
}

/* The space rule of text_normalize_line written plainly, a run at a time. */
static void space_rule(const char *s, size_t len, struct strbuf *out)
{
    for (size_t i = 0; i < len;) {
        size_t j = i;

        if (s[i] != ' ') {
            strbuf_addch(out, s[i++]);
            continue;
        }
        while (j < len && s[j] == ' ')
            j++;
        /* one space between two characters that are not TABs; none beside a TAB or an end */
        if (i > 0 && j < len && s[i - 1] != '\t' && s[j] != '\t')
            strbuf_addch(out, ' ');
        i = j;
    }
}

/* 1 when text_normalize_line gives what space_rule gives for s[0..len), else 0 (and says so once).
 */
static int spaces_as_ruled(const char *s, size_t len, size_t *bad)
{
    struct strbuf got = STRBUF_INIT, want = STRBUF_INIT;
    int same;

    strbuf_addstr(&got, "앞"); /* appended, as the reader's line is */
    strbuf_addstr(&want, "앞");
    text_normalize_line(s, len, &got);
    space_rule(s, len, &want);
    same = got.len == want.len && !memcmp(got.buf, want.buf, got.len);
    if (!same && !(*bad)++)
        fprintf(stderr, "  first difference: '%.*s': '%s', want '%s'\n", (int)len, s, got.buf,
                want.buf);
    strbuf_release(&got);
    strbuf_release(&want);
    return same;
}

/*
 * The space rule is applied 16 bytes at a time: two and three spaces, TABs
 * with spaces beside them and spaces at both ends, at every offset modulo
 * 16 and in lines shorter than a block, after ASCII (one byte a character)
 * and after Hangul (three), and in random lines of those, give what the
 * rule written plainly gives.
 */
static void test_normalize_spaces(void)
{
    static const char *const odd[] = {"  ", "   ", "\t", " \t ", "\t\t", " ", "                 "};
    static const char *const fill[] = {"a", "가", "힣 ", "·"};
    static const char *const alphabet[] = {"a", "가", " ", " ", "  ", "\t", "·", "z "};
    struct strbuf in = STRBUF_INIT;
    size_t bad = 0, checked = 0;
    unsigned seed = 20;

    for (size_t k = 0; k < sizeof(odd) / sizeof(odd[0]); k++)
        for (size_t f = 0; f < sizeof(fill) / sizeof(fill[0]); f++)
            for (size_t at = 0; at < 48; at++)
                for (size_t after = 0; after < 40; after += 13)
                    for (int ends = 0; ends < 4; ends++) {
                        strbuf_reset(&in);
                        if (ends & 1)
                            strbuf_addstr(&in, " ");
                        while (in.len < at)
                            strbuf_addstr(&in, fill[f]);
                        strbuf_addstr(&in, odd[k]);
                        for (size_t i = 0; i < after; i++)
                            strbuf_addstr(&in, fill[(f + i) % 4]);
                        if (ends & 2)
                            strbuf_addstr(&in, "  ");
                        checked++;
                        spaces_as_ruled(in.buf, in.len, &bad);
                    }
    for (int n = 0; n < 20000; n++) {
        size_t pieces;

        strbuf_reset(&in);
        seed = seed * 1103515245u + 12345u;
        pieces = (seed >> 16) % 40;
        for (size_t i = 0; i < pieces; i++) {
            seed = seed * 1103515245u + 12345u;
            strbuf_addstr(&in, alphabet[(seed >> 16) % (sizeof(alphabet) / sizeof(alphabet[0]))]);
        }
        checked++;
        spaces_as_ruled(in.buf, in.len, &bad);
    }
    INT_EQ(bad, 0, "of %zu lines, spaces not as the rule says", checked);
    strbuf_release(&in);
}

static void test_normalize_pathological(void)
{
    struct strbuf in = STRBUF_INIT, out = STRBUF_INIT;
    size_t i, acute = 0, below = 0;
    int sorted = 1;

    strbuf_addch(&in, 'x');
    for (i = 0; i < 100000; i++)
        strbuf_addstr(&in, "\xCC\x81\xCC\x96"); /* U+0301 (class 230), U+0316 (220) */
    text_nfc(in.buf, in.len, &out);
    INT_EQ(out.len, in.len, "marks kept");
    for (i = 1; i + 1 < out.len; i += 2) {
        if (!memcmp(out.buf + i, "\xCC\x96", 2)) {
            below++;
            sorted &= acute == 0;
        } else {
            acute++;
        }
    }
    OK(sorted && acute == 100000 && below == 100000, "class 220 before class 230");

    strbuf_reset(&in);
    strbuf_reset(&out);
    for (i = 0; i < 100000; i++)
        strbuf_addstr(&in, "<p \"");
    text_normalize_line(in.buf, in.len, &out);
    INT_EQ(out.len, in.len, "unclosed tags are text");
    strbuf_release(&in);
    strbuf_release(&out);
}

/* ---- reader ------------------------------------------------------------------- */

/* Reads every line of path into one string, "no:text" per line. */
static enum text_reader_status read_lines(const char *path, const char *encoding,
                                          struct strbuf *out, struct dd_error *err)
{
    struct text_reader *r = text_reader_open(path, encoding, 0, err);
    struct text_line line;
    enum text_reader_status st;

    strbuf_reset(out);
    if (!r)
        return (enum text_reader_status)err->detail;
    while ((st = text_reader_next(r, &line, err)) == TEXT_READER_OK) {
        OK(strlen(line.text) == line.len, "line %lu has a NUL", line.no);
        strbuf_addf(out, "%lu:%s|", line.no, line.text);
    }
    text_reader_free(r);
    return st;
}

static void test_reader_fixtures(void)
{
    static const char *files[] = {
        "sample.utf8.txt",    "sample.utf8-bom.txt",    "sample.utf16le.txt",
        "sample.utf16be.txt", "sample.utf16le-bom.txt", "sample.utf16be-bom.txt",
        "sample.cp949.txt",   "sample.nfd.utf8.txt",
    };
    const char *want = "1:클라우드 보안인증제(CSAP)|2:미스트랄(Mistral) AI와 똠얌꿍|"
                       "3:서비스형 소프트웨어(SaaS) 情報 · 2024년|4:우선 이용(First) 원칙|";
    struct strbuf path = STRBUF_INIT, got = STRBUF_INIT;
    struct dd_error err;
    size_t i;

    for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
        fixture_path(&path, files[i]);
        INT_EQ(read_lines(path.buf, NULL, &got, &err), TEXT_READER_EOF, "%s", files[i]);
        STR_EQ(got.buf, want, "%s", files[i]);
    }
    fixture_path(&path, "lines.crlf.txt");
    INT_EQ(read_lines(path.buf, NULL, &got, &err), TEXT_READER_EOF, "crlf");
    STR_EQ(got.buf, "1:첫째 줄|2:둘째 줄|3:셋째 줄|4:|5:다섯째 줄|", "CRLF, lone CR, no final LF");

    fixture_path(&path, "ksx1001.euc-kr.txt");
    INT_EQ(read_lines(path.buf, "euc-kr", &got, &err), TEXT_READER_EOF, "euc-kr");
    STR_EQ(got.buf,
           "1:클라우드 보안인증제(CSAP)|2:서비스형 소프트웨어(SaaS) 情報 · 2024년|"
           "3:우선 이용(First) 원칙|",
           "euc-kr");

    fixture_path(&path, "no-such-file.txt");
    INT_EQ(read_lines(path.buf, NULL, &got, &err), TEXT_READER_EOPEN, "missing file");
    INT_EQ(err.sys_errno, ENOENT, "errno kept");
    text_reader_free(NULL);
    strbuf_release(&path);
    strbuf_release(&got);
}

static int write_temp(char *tmpl, const struct strbuf *data)
{
    int fd = mkstemp(tmpl);
    ssize_t n;

    if (fd < 0)
        return -1;
    n = write(fd, data->buf, data->len);
    close(fd);
    return n == (ssize_t)data->len ? 0 : -1;
}

/*
 * Line ends across the 64 KiB read boundary: a CR as the last byte of one
 * read and its LF as the first of the next make one line end, not two;
 * a line longer than a read is returned whole.
 */
static void test_reader_boundaries(void)
{
    char tmpl[] = "/tmp/dadeum-test-text-XXXXXX";
    struct strbuf data = STRBUF_INIT, got = STRBUF_INIT;
    struct text_reader *r;
    struct dd_error err;
    struct text_line line;
    size_t i;

    for (i = 0; i < 65535; i++)
        strbuf_addch(&data, 'x');
    strbuf_addstr(&data, "\r\n둘째\r");
    for (i = 0; i < 200000; i++)
        strbuf_addch(&data, "가나 "[i % 7]);
    strbuf_addstr(&data, "\r\n\xFF");
    OK(write_temp(tmpl, &data) == 0, "cannot write %s", tmpl);

    r = text_reader_open(tmpl, "utf-8", 0, &err);
    OK(r != NULL, "open %s", tmpl);
    if (r) {
        INT_EQ(text_reader_next(r, &line, &err), TEXT_READER_OK, "line 1");
        INT_EQ(line.len, 65535, "line 1 length");
        INT_EQ(line.no, 1, "line 1 number");
        INT_EQ(text_reader_next(r, &line, &err), TEXT_READER_OK, "line 2");
        STR_EQ(line.text, "둘째", "line 2");
        INT_EQ(line.no, 2, "line 2 number");
        INT_EQ(text_reader_next(r, &line, &err), TEXT_READER_OK, "line 3");
        INT_EQ(line.no, 3, "line 3 number");
        OK(line.len > 190000, "line 3 is whole (%zu bytes)", line.len);
        INT_EQ(text_reader_next(r, &line, &err), TEXT_READER_EDECODE, "bad byte");
        INT_EQ(err.code, DD_EINPUT, "exit class");
        INT_EQ(err.offset, data.len - 1, "offset of the bad byte");
        STR_EQ(err.encoding, "utf-8", "encoding");
        OK(!strncmp(err.message, "cannot decode '", strlen("cannot decode '")), "message: %s",
           err.message);
        INT_EQ(text_reader_next(r, &line, &err), TEXT_READER_EDECODE, "sticky");
        STR_EQ(text_reader_get_encoding(r), "utf-8", "reader encoding");
        text_reader_free(r);
    }

    /* Lenient: the bad byte becomes U+FFFD on a last line of its own. */
    r = text_reader_open(tmpl, NULL, TEXT_LENIENT, &err);
    OK(r != NULL, "open %s", tmpl);
    if (r) {
        enum text_reader_status st;
        while ((st = text_reader_next(r, &line, &err)) == TEXT_READER_OK)
            strbuf_addf(&got, "%lu ", line.no);
        INT_EQ(st, TEXT_READER_EOF, "lenient reaches EOF");
        STR_EQ(got.buf, "1 2 3 4 ", "line numbers");
        STR_EQ(line.text, "\uFFFD", "last line");
        INT_EQ(text_reader_get_replaced(r), 1, "one replacement");
        text_reader_free(r);
    }
    unlink(tmpl);
    strbuf_release(&data);
    strbuf_release(&got);
}

/*
 * TEXT_LINE_MAX (issue 16): a line of exactly the limit is read, one byte
 * more is TEXT_READER_ELONG with its line number, whether its end is in the
 * same read (CR LF after it) or never comes.
 */
static void test_reader_line_limit(void)
{
    char tmpl[] = "/tmp/dadeum-test-text-XXXXXX", tmpl2[] = "/tmp/dadeum-test-text-XXXXXX";
    struct strbuf data = STRBUF_INIT;
    struct text_reader *r;
    struct dd_error err;
    struct text_line line;

    strbuf_addstr(&data, "첫 줄\r\n");
    for (size_t i = 0; i < TEXT_LINE_MAX; i++)
        strbuf_addch(&data, 'x');
    strbuf_addstr(&data, "\r\n");
    for (size_t i = 0; i <= TEXT_LINE_MAX; i++)
        strbuf_addch(&data, 'y');
    strbuf_addstr(&data, "\r\nlast\n");
    OK(write_temp(tmpl, &data) == 0, "cannot write %s", tmpl);
    r = text_reader_open(tmpl, "utf-8", 0, &err);
    OK(r != NULL, "open %s", tmpl);
    if (r) {
        INT_EQ(text_reader_next(r, &line, &err), TEXT_READER_OK, "line 1");
        INT_EQ(text_reader_next(r, &line, &err), TEXT_READER_OK, "line 2, at the limit");
        INT_EQ(line.len, TEXT_LINE_MAX, "line 2 length");
        INT_EQ(text_reader_next(r, &line, &err), TEXT_READER_ELONG, "line 3, one byte over");
        INT_EQ(err.line, 3, "the long line's number");
        INT_EQ(text_reader_next(r, &line, &err), TEXT_READER_ELONG, "sticky");
        text_reader_free(r);
    }
    unlink(tmpl);
    /* without any line end: refused once a read takes it past the limit */
    strbuf_reset(&data);
    for (size_t i = 0; i < 3 * TEXT_LINE_MAX; i++)
        strbuf_addch(&data, ' ');
    OK(write_temp(tmpl2, &data) == 0, "cannot write %s", tmpl2);
    r = text_reader_open(tmpl2, NULL, 0, &err);
    OK(r != NULL, "open %s", tmpl2);
    if (r) {
        INT_EQ(text_reader_next(r, &line, &err), TEXT_READER_ELONG, "endless line");
        INT_EQ(err.line, 1, "line 1");
        text_reader_free(r);
    }
    unlink(tmpl2);
    strbuf_release(&data);
}

/* "-" reads standard input, which the reader must not close. */
static void test_reader_stdin(void)
{
    struct strbuf path = STRBUF_INIT, got = STRBUF_INIT;
    struct dd_error err;
    int saved = dup(STDIN_FILENO), fd;

    fixture_path(&path, "sample.cp949.txt");
    fd = open(path.buf, O_RDONLY);
    OK(fd >= 0 && saved >= 0, "cannot open %s", path.buf);
    if (fd >= 0 && saved >= 0) {
        dup2(fd, STDIN_FILENO);
        close(fd);
        INT_EQ(read_lines("-", NULL, &got, &err), TEXT_READER_EOF, "stdin");
        OK(strstr(got.buf, "2:미스트랄(Mistral) AI와 똠얌꿍|") != NULL, "stdin text: %s", got.buf);
        OK(fcntl(STDIN_FILENO, F_GETFD) != -1, "stdin was closed");
        dup2(saved, STDIN_FILENO);
    }
    if (saved >= 0)
        close(saved);
    strbuf_release(&path);
    strbuf_release(&got);
}

/* Issue 17: the byte map behind expat's unknown-encoding handler (xml/xml.c). */
static void test_charmap(void)
{
    int map[256];
    struct text_charmap *m = text_charmap_new("EUC-KR", map);

    OK(m != NULL, "EUC-KR has a byte map");
    if (m) {
        INT_EQ(map['<'], '<', "ASCII maps to itself");
        INT_EQ(map['\n'], '\n', "so do controls");
        INT_EQ(map[0xB0], -2, "a lead byte");
        INT_EQ(map[0x8C], -2, "a CP949-only lead byte (EUC-KR reads as CP949)");
        INT_EQ(map[0xFF], -1, "no character starts with 0xFF");
        INT_EQ(text_charmap_convert(m, "\xB0\xA1"), 0xAC00, "가");
        INT_EQ(text_charmap_convert(m, "\x8C\x63"), 0xB620, "똠, CP949 only");
        INT_EQ(text_charmap_convert(m, "\xB0\x20"), -1, "a bad trail byte");
        text_charmap_free(m);
    }
    m = text_charmap_new("ks_c_5601-1987", map);
    OK(m != NULL, "the name Microsoft writes");
    text_charmap_free(m);
    m = text_charmap_new("windows-1252", map);
    OK(m != NULL, "a single-byte encoding");
    if (m)
        INT_EQ(map[0x80], 0x20AC, "the euro sign");
    text_charmap_free(m);
    OK(!text_charmap_new("UTF-16", map), "expat's own encodings are not byte maps");
    OK(!text_charmap_new("UTF-32LE", map), "nor are four-byte units");
    OK(!text_charmap_new("no-such-encoding", map), "an unknown name");
    OK(!text_charmap_new("EBCDIC-US", map), "ASCII-incompatible: '<' is not a single byte 0x3C");
    text_charmap_free(NULL);
}

/* Where hanja are read by the syllables before them: spaces and middle dots
 * separate words on either side, not necessarily at the same places. */
static void test_hanja_reading(void)
{
    static const struct {
        const char *left, *hanja;
        long start;
    } c[] = {
        {"연구소인 한국 과학기술연구원", "韓國科學技術硏究院", 13},
        {"법무부 출입국·외국인정책본부", "出入國·外國人政策本部", 10},
        {"법무부 출입국 외국인정책본부", "出入國·外國人政策本部", 10},
        {"시·도", "市道", 0},
        {"의 대도청", "對 盜 聽", 4},
        {"문화재", "財", 6},
        {"문화재", "·財", -1}, /* a dot before the first word is no separator */
        {"·재", "財", 2},      /* nor is one before the reading */
        {"청자 사자형 뚜껑 향로", "靑磁 獅子形蓋 香爐", -1}, /* 뚜껑 does not read 蓋 */
        {"재", "財 ", -1},
        {"재", "", -1},
    };
    for (size_t i = 0; i < sizeof(c) / sizeof(c[0]); i++)
        INT_EQ(ko_hanja_reading_start(c[i].left, strlen(c[i].left), c[i].hanja, strlen(c[i].hanja)),
               c[i].start, "%s(%s)", c[i].left, c[i].hanja);
}

/* hunspell-ko's answers are kept per thread: asking again, after other tokens
 * took the slots, gives the same answers (and a token too long to keep too). */
static void test_word_memo(void)
{
    static const char *const words[] = {"정책", "발표된",   "개최할",   "함께",   "단연",
                                        "장관", "인공지능", "위원회는", "새로운", "개설해"};
    int form[10], noun[10];
    for (int i = 0; i < 10; i++) {
        form[i] = (int)ko_word_form(words[i], strlen(words[i]));
        noun[i] = ko_is_noun(words[i], strlen(words[i]));
    }
    INT_EQ(noun[0], 1, "%s", "정책 is a noun");
    INT_EQ(form[1], (int)KO_FORM_ADNOMINAL, "%s", "발표된 is an adnominal");
    INT_EQ(form[3], (int)KO_FORM_ADVERB, "%s", "함께 is an adverb");
    char buf[32];
    for (int k = 0; k < 3000; k++) { /* every slot taken several times over */
        snprintf(buf, sizeof(buf), "가%d나", k);
        (void)ko_word_form(buf, strlen(buf));
        (void)ko_is_noun(buf, strlen(buf));
    }
    for (int i = 0; i < 10; i++) {
        INT_EQ((int)ko_word_form(words[i], strlen(words[i])), form[i], "%s form", words[i]);
        INT_EQ(ko_is_noun(words[i], strlen(words[i])), noun[i], "%s noun", words[i]);
    }
    static const char longer[] = "국가과학기술자문회의심의회의운영위원회소위원회"; /* 69 bytes */
    INT_EQ(ko_is_noun(longer, strlen(longer)), ko_is_noun(longer, strlen(longer)), "%s",
           "a token too long to keep");
}

int main(void)
{
    RUN(test_word_memo);
    RUN(test_hanja_reading);
    RUN(test_decode_fixtures);
    RUN(test_decode_cp949_only);
    RUN(test_decode_utf16_surrogates);
    RUN(test_decode_truncated_fixtures);
    RUN(test_decode_bad_bytes);
    RUN(test_decode_error_is_sticky);
    RUN(test_decode_lenient);
    RUN(test_decode_feed_buf);
    RUN(test_decode_unknown_encoding);
    RUN(test_decode_long_ascii_prefix);
    RUN(test_charmap);
    RUN(test_sniff);
    RUN(test_nfc_basics);
    RUN(test_nfc_conformance);
    RUN(test_nfc_unsafe_table);
    RUN(test_fold_pages);
    RUN(test_normalize_rules);
    RUN(test_normalize_marked);
    RUN(test_normalize_appends);
    RUN(test_normalize_blocks);
    RUN(test_normalize_spaces);
    RUN(test_normalize_scratch);
    RUN(test_normalize_pathological);
    RUN(test_reader_fixtures);
    RUN(test_reader_boundaries);
    RUN(test_reader_line_limit);
    RUN(test_reader_stdin);
    return harness_done();
}
