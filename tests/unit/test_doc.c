/*
 * test_doc.c - document detection (doc_detect), format names, and the HWP
 * reader's text on hand-made sections (doc_hwp_read_section): control
 * characters of one and eight code units, surrogates, tables as rows, a
 * one-cell table, and records cut short; the web page reader
 * (doc_read_html) and its charset prescan (doc_html_charset).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "doc/doc.h"
#include "doc/hwp_int.h"
#include "util/strbuf.h"
#include "util/banned.h"

/* ---- detection ------------------------------------------------------------------- */

static void test_detect_magic(void)
{
    static const unsigned char ole2[16] = {0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1};
    static const char pdf[] = "%PDF-1.7\n";

    INT_EQ(doc_detect(ole2, sizeof(ole2)), DOC_HWP, "OLE2 magic");
    INT_EQ(doc_detect(ole2, 7), DOC_TEXT, "7 bytes of the magic are not enough");
    INT_EQ(doc_detect((const unsigned char *)pdf, strlen(pdf)), DOC_PDF, "%%PDF-");
    INT_EQ(doc_detect((const unsigned char *)"%PDF", 4), DOC_TEXT, "%%PDF without the dash");
    INT_EQ(doc_detect((const unsigned char *)"", 0), DOC_TEXT, "empty");
}

static void test_detect_html(void)
{
    static const char *const html[] = {"<!DOCTYPE html><p>x", "\xef\xbb\xbf  \n<html lang=ko>",
                                       "<!doctype HTML>", "\t<HTML>"};
    static const char *const text[] = {"보도자료 <html>", "<htm", "<!doctype xml>", "html"};

    for (size_t i = 0; i < sizeof(html) / sizeof(html[0]); i++)
        INT_EQ(doc_detect((const unsigned char *)html[i], strlen(html[i])), DOC_HTML, "%s",
               html[i]);
    for (size_t i = 0; i < sizeof(text) / sizeof(text[0]); i++)
        INT_EQ(doc_detect((const unsigned char *)text[i], strlen(text[i])), DOC_TEXT, "%s",
               text[i]);
}

/* Appends a stored zip local header and data for name. */
static void zip_entry(struct strbuf *z, const char *name, const char *data, unsigned flags)
{
    unsigned char h[30] = {'P', 'K', 3, 4, 20, 0};
    size_t nl = strlen(name), dl = strlen(data);

    h[6] = (unsigned char)flags;
    h[18] = h[22] = (unsigned char)dl;
    h[26] = (unsigned char)nl;
    strbuf_add(z, h, sizeof(h));
    strbuf_add(z, name, nl);
    strbuf_add(z, data, dl);
}

static void test_detect_zip(void)
{
    struct strbuf z = STRBUF_INIT;

    zip_entry(&z, "mimetype", "application/hwp+zip", 0);
    zip_entry(&z, "Contents/section0.xml", "<x/>", 0);
    INT_EQ(doc_detect((const unsigned char *)z.buf, z.len), DOC_HWPX, "HWPX mimetype first");
    /* cut inside the mimetype's data: no read past the buffer (fuzz_hwp found one) */
    for (size_t n = 30; n < 49; n++)
        INT_EQ(doc_detect((const unsigned char *)z.buf, n), DOC_TEXT, "cut at %zu", n);
    strbuf_reset(&z);
    zip_entry(&z, "[Content_Types].xml", "<Types/>", 0);
    zip_entry(&z, "word/document.xml", "<w:document/>", 0);
    INT_EQ(doc_detect((const unsigned char *)z.buf, z.len), DOC_DOCX, "DOCX by local headers");
    strbuf_reset(&z);
    zip_entry(&z, "[Content_Types].xml", "<Types/>", 8); /* sizes in a data descriptor */
    zip_entry(&z, "word/document.xml", "<w:document/>", 0);
    INT_EQ(doc_detect((const unsigned char *)z.buf, z.len), DOC_TEXT,
           "a data descriptor stops the local walk (no central directory here)");
    strbuf_reset(&z);
    zip_entry(&z, "mimetype", "application/epub+zip", 0);
    INT_EQ(doc_detect((const unsigned char *)z.buf, z.len), DOC_TEXT, "another zip");
    strbuf_release(&z);
}

static void test_format_names(void)
{
    enum doc_format f;

    for (int i = DOC_TEXT; i <= DOC_PDF; i++) {
        OK(!doc_format_parse(doc_format_name((enum doc_format)i), &f), "%d", i);
        INT_EQ(f, i, "round trip of %s", doc_format_name((enum doc_format)i));
    }
    OK(!doc_format_parse("HWP", &f) && f == DOC_HWP, "case does not matter");
    OK(doc_format_parse("word", &f), "unknown name");
    OK(doc_format_parse("", &f), "empty name");
}

/* ---- HWP sections ---------------------------------------------------------------- */

struct paras {
    struct strbuf all; /* "where|text\n" per paragraph */
};

static int collect(void *arg, const char *text, size_t len, const char *where)
{
    struct paras *p = arg;
    strbuf_addstr(&p->all, where);
    strbuf_addch(&p->all, '|');
    strbuf_add(&p->all, text, len);
    strbuf_addch(&p->all, '\n');
    return 0;
}

static void rec(struct strbuf *s, unsigned tag, unsigned level, const void *data, size_t size)
{
    uint32_t h = tag | level << 10 | (uint32_t)(size < 0xFFF ? size : 0xFFF) << 20;
    unsigned char b[4] = {(unsigned char)h, (unsigned char)(h >> 8), (unsigned char)(h >> 16),
                          (unsigned char)(h >> 24)};
    strbuf_add(s, b, 4);
    if (size >= 0xFFF) {
        unsigned char e[4] = {(unsigned char)size, (unsigned char)(size >> 8),
                              (unsigned char)(size >> 16), (unsigned char)(size >> 24)};
        strbuf_add(s, e, 4);
    }
    strbuf_add(s, data, size);
}

/* A paragraph at level with the UTF-16 units u[0..n) as its text. */
static void para(struct strbuf *s, unsigned level, const uint16_t *u, size_t n)
{
    static const unsigned char hdr[24];
    unsigned char *b = malloc(2 * n + 1);
    for (size_t i = 0; i < n; i++) {
        b[2 * i] = (unsigned char)u[i];
        b[2 * i + 1] = (unsigned char)(u[i] >> 8);
    }
    rec(s, 66, level, hdr, sizeof(hdr));
    rec(s, 67, level + 1, b, 2 * n);
    free(b);
}

static void read_section(const struct strbuf *s, struct paras *p, int want_ret, const char *what)
{
    struct doc_sink sink = {collect, p};
    struct doc_error err;

    strbuf_reset(&p->all);
    INT_EQ(doc_hwp_read_section((const unsigned char *)s->buf, s->len, 0, &sink, &err), want_ret,
           "%s: %s", what, want_ret ? "" : err.msg);
}

static void test_hwp_controls(void)
{
    /* 가 TAB(8) 나 LF 다 NBSP(30) 라 hyphen(24) 𝐀(surrogates) lone-high field-start(3, 8 units) 마
     * CR */
    static const uint16_t u[] = {
        0xAC00, 9,      0,      0, 0,   0,   0,   0,   9, 0xB098, 10, 0xB2E4, 30, 0xB77C, 24,
        0xD835, 0xDC00, 0xD800, 3, 'd', 'l', 'f', '%', 0, 0,      3,  0xB9C8, 13, 0xBC14};
    struct strbuf s = STRBUF_INIT;
    struct paras p = {STRBUF_INIT};

    para(&s, 0, u, sizeof(u) / sizeof(u[0]));
    read_section(&s, &p, 0, "controls");
    STR_EQ(p.all.buf,
           "\xc2\xa7"
           "1|가\t나 다 라-\xf0\x9d\x90\x80\xef\xbf\xbd마\n",
           "text after the paragraph end (바) is not read");
    strbuf_release(&s);
    strbuf_release(&p.all);
}

static void test_hwp_table(void)
{
    static const uint16_t tbl[] = {11, ' ' | 'l' << 8, 'b' | 't' << 8, 0, 0, 0, 0, 11, 13};
    static const uint16_t a[] = {0xAC00, 13}, b[] = {0xB098, 13}, c[] = {0xB2E4, 13},
                          d[] = {0xB77C, 13};
    static const unsigned char ctrl[4] = {' ', 'l', 'b', 't'};
    unsigned char table[8] = {0, 0, 0, 0, 2, 0, 2, 0}; /* 2 rows, 2 columns */
    unsigned char lh[47] = {1};
    struct strbuf s = STRBUF_INIT;
    struct paras p = {STRBUF_INIT};
    const uint16_t *cells[] = {a, b, c, d};

    para(&s, 0, tbl, sizeof(tbl) / sizeof(tbl[0]));
    rec(&s, 71, 1, ctrl, sizeof(ctrl));
    rec(&s, 77, 2, table, sizeof(table));
    for (int k = 0; k < 4; k++) {
        lh[8] = (unsigned char)(k % 2);  /* column */
        lh[10] = (unsigned char)(k / 2); /* row */
        rec(&s, 72, 2, lh, sizeof(lh));
        para(&s, 2, cells[k], 2);
    }
    para(&s, 0, b, 2);
    read_section(&s, &p, 0, "table");
    STR_EQ(p.all.buf,
           "\xc2\xa7"
           "1|가\t나\n\xc2\xa7"
           "2|다\t라\n\xc2\xa7"
           "3|나\n",
           "rows");

    /* the same table with one cell is a box: its paragraphs one by one */
    strbuf_reset(&s);
    table[4] = table[6] = 1;
    para(&s, 0, tbl, sizeof(tbl) / sizeof(tbl[0]));
    rec(&s, 71, 1, ctrl, sizeof(ctrl));
    rec(&s, 77, 2, table, sizeof(table));
    lh[8] = lh[10] = 0;
    rec(&s, 72, 2, lh, sizeof(lh));
    para(&s, 2, a, 2);
    para(&s, 2, b, 2);
    read_section(&s, &p, 0, "box");
    STR_EQ(p.all.buf,
           "\xc2\xa7"
           "1|가\n\xc2\xa7"
           "2|나\n",
           "box");
    strbuf_release(&s);
    strbuf_release(&p.all);
}

static void test_hwp_damaged(void)
{
    static const uint16_t a[] = {0xAC00, 13};
    struct strbuf s = STRBUF_INIT;
    struct paras p = {STRBUF_INIT};

    para(&s, 0, a, 2);
    for (size_t cut = 1; cut < s.len; cut++) {
        struct strbuf t = STRBUF_INIT;
        strbuf_add(&t, s.buf, cut);
        /* cut after the PARA_HEADER record (4 + 24 bytes): a paragraph without text */
        read_section(&t, &p, cut == 28 ? 0 : -1, "cut");
        INT_EQ(p.all.len, 0, "nothing handed out from a cut record (%zu)", cut);
        strbuf_release(&t);
    }
    /* an extended size past the stream */
    strbuf_reset(&s);
    rec(&s, 66, 0, "\0\0\0\0", 4);
    strbuf_add(&s, "\x43\x04\xf0\xff\xff\xff\xff\x7f", 8);
    read_section(&s, &p, -1, "32-bit size past the stream");
    /* a big record is read through its 32-bit size */
    strbuf_reset(&s);
    {
        uint16_t big[3000];
        for (size_t i = 0; i < 2999; i++)
            big[i] = 0xAC00;
        big[2999] = 13;
        para(&s, 0, big, 3000);
    }
    read_section(&s, &p, 0, "a 6000-byte PARA_TEXT");
    INT_EQ(p.all.len,
           strlen("\xc2\xa7"
                  "1|\n") +
               2999 * 3,
           "all of it");
    strbuf_release(&s);
    strbuf_release(&p.all);
}

/* ---- the OLE2 container: a FAT listed through DIFAT sectors -------------------------- */

static void put32(unsigned char *p, uint32_t v)
{
    p[0] = (unsigned char)v;
    p[1] = (unsigned char)(v >> 8);
    p[2] = (unsigned char)(v >> 16);
    p[3] = (unsigned char)(v >> 24);
}

/*
 * An OLE2 file of 241 sectors whose header lists 240 FAT sectors: 109 in the
 * header, 127 in DIFAT sector 0 and 4 in DIFAT sector 1 (all of them sector
 * 5, which is allowed and keeps the file small). The directory (sector 6)
 * holds only the root, so a sound file reads up to "no FileHeader stream".
 * next0 is what DIFAT sector 0 names as the next one, ndifat the count.
 */
static unsigned char *difat_file(size_t *len, uint32_t next0, uint32_t ndifat)
{
    size_t n = 512 + 241 * 512;
    unsigned char *f = calloc(1, n), *sec;
    static const char root[] = "Root Entry";

    memcpy(f, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8);
    f[0x18] = 0x3E;
    f[0x1A] = 3;
    f[0x1C] = 0xFE;
    f[0x1D] = 0xFF;
    f[0x1E] = 9;
    f[0x20] = 6;
    put32(f + 0x2C, 240);
    put32(f + 0x30, 6);
    put32(f + 0x38, 4096);
    put32(f + 0x3C, 0xFFFFFFFE);
    put32(f + 0x44, 0);
    put32(f + 0x48, ndifat);
    for (int i = 0; i < 109; i++)
        put32(f + 0x4C + 4 * i, 5);
    sec = f + 512 * 1; /* sector 0: DIFAT */
    for (int i = 0; i < 127; i++)
        put32(sec + 4 * i, 5);
    put32(sec + 508, next0);
    sec = f + 512 * 2; /* sector 1: DIFAT */
    for (int i = 0; i < 127; i++)
        put32(sec + 4 * i, i < 4 ? 5 : 0xFFFFFFFF);
    put32(sec + 508, 0xFFFFFFFE);
    sec = f + 512 * 6; /* sector 5: the FAT */
    for (int i = 0; i < 128; i++)
        put32(sec + 4 * i, i == 6 ? 0xFFFFFFFE : 0xFFFFFFFF);
    sec = f + 512 * 7; /* sector 6: the directory */
    for (size_t i = 0; i < sizeof(root); i++)
        sec[2 * i] = (unsigned char)root[i];
    sec[0x40] = (unsigned char)(2 * sizeof(root));
    sec[0x42] = 5;
    put32(sec + 0x44, 0xFFFFFFFF);
    put32(sec + 0x48, 0xFFFFFFFF);
    put32(sec + 0x4C, 0xFFFFFFFF);
    put32(sec + 0x74, 0xFFFFFFFE);
    *len = n;
    return f;
}

static void test_ole2_difat(void)
{
    struct paras p = {STRBUF_INIT};
    struct doc_sink sink = {collect, &p};
    struct doc_error err;
    size_t len;
    unsigned char *f;

    f = difat_file(&len, 1, 2);
    INT_EQ(doc_read_hwp(f, len, &sink, &err), -1, "sound container, not HWP");
    STR_EQ(err.msg, "not an HWP document: no FileHeader stream", "the DIFAT chain was followed");
    free(f);
    f = difat_file(&len, 0, 1); /* DIFAT sector 0 names itself as the next */
    INT_EQ(doc_read_hwp(f, len, &sink, &err), -1, "DIFAT loop");
    OK(strstr(err.msg, "DIFAT chain ends or loops") != NULL, "%s", err.msg);
    free(f);
    f = difat_file(&len, 1000, 2); /* past the end of the file */
    INT_EQ(doc_read_hwp(f, len, &sink, &err), -1, "DIFAT past the end");
    OK(strstr(err.msg, "DIFAT sector 1000 is past the end of the file") != NULL, "%s", err.msg);
    free(f);
    f = difat_file(&len, 1, 2);
    INT_EQ(doc_read_hwp(f, len - 512 * 200, &sink, &err), -1, "FAT count over the file");
    OK(strstr(err.msg, "more than the file holds") != NULL, "%s", err.msg);
    free(f);
    strbuf_release(&p.all);
}

/* ---- web pages ----------------------------------------------------------------------- */

/* The paragraphs of page as "where|text\n" lines. */
static void html_paras(const char *page, struct strbuf *out)
{
    struct paras p = {STRBUF_INIT};
    struct doc_sink sink = {collect, &p};
    struct doc_error err;

    INT_EQ(doc_read_html(page, strlen(page), &sink, &err), 0, "a page is always read");
    strbuf_reset(out);
    strbuf_addstr(out, p.all.buf ? p.all.buf : "");
    strbuf_release(&p.all);
}

static void test_html_read(void)
{
    static const struct {
        const char *page, *want;
    } cases[] = {
        {"<p>a</p><p>b</p>", "§1|a\n§2|b\n"},
        {"<P CLASS='x'>a\n  b\t c</P >", "§1|a b c\n"},
        {"<div>a<br/>b</div>", "§1|a\n§2|b\n"},
        {"<table><tr><th>a</th><td> b </td><td></td></tr><tr><td></td></tr></table>",
         "§1|a\tb\t\n"},
        {"<table><tr><td><p>a</p><p>b</p></td><td>c</td></table>", "§1|a b\tc\n"},
        {"<tr><td>x<table><tr><td>y</td></tr></table>z</td></tr>", "§1|x y z\n"},
        {"<pre>  a\n\nb\r\nc</pre>", "§1|a\n§2|b\n§3|c\n"},
        {"x<sup>1</sup> y<sup>(2)</sup>", "§1|x{1} y(2)\n"},
        {"<![CDATA[a<b>&c]]>", "§1|a&lt;b>&amp;c\n"},
        {"a &amp;lt; b", "§1|a &amp;lt; b\n"},
        {"<head><title>t</title><p>b", "§1|b\n"},
        {"<head><meta charset=utf-8><body>b</body>", "§1|b\n"},
        {"<nav>n<nav>m</nav>still</nav>a", "§1|a\n"},
        {"<script>if (a<b) document.write('</scr'+'ipt>')</script>c", "§1|c\n"},
        {"<script>x</SCRIPT >c<style>y</style x>d", "§1|cd\n"},
        {"a<!-->b<!--->c<!-- x -- y -->d", "§1|abcd\n"},
        {"a<!doctype html>b<?php x ?>c</ >d", "§1|abcd\n"},
        {"<클라우드> a < b", "§1|<클라우드> a < b\n"},
        {"a<p", "§1|a\n"},
        {"a<!-- b", "§1|a\n"},
        {"<a href=\"x>y\" title=a'b>t</a>", "§1|t\n"},
        {"<button>b</button><form>f<input></form><select><option>o</select>x", "§1|x\n"},
        {"<plaintext>a<p>b", ""},
        {"", ""},
    };
    struct strbuf got = STRBUF_INIT;

    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        html_paras(cases[i].page, &got);
        STR_EQ(got.buf ? got.buf : "", cases[i].want, "%s", cases[i].page);
    }
    strbuf_release(&got);
}

static void test_html_charset(void)
{
    static const struct {
        const char *page, *want; /* NULL: none */
    } cases[] = {
        {"<meta charset=\"EUC-KR\">", "EUC-KR"},
        {"<META CHARSET=utf-8/>", "utf-8"},
        {"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ks_c_5601-1987\">",
         "ks_c_5601-1987"},
        {"<meta name=x><p>charset=euc-kr</p>", NULL},
        {"<meta charset=>", NULL},
        {"<p>no meta</p>", NULL},
    };
    char name[16];

    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        int found = doc_html_charset((const unsigned char *)cases[i].page, strlen(cases[i].page),
                                     name, sizeof name);
        INT_EQ(found, cases[i].want != NULL, "%s", cases[i].page);
        if (found && cases[i].want)
            STR_EQ(name, cases[i].want, "%s", cases[i].page);
    }
    /* a name longer than the buffer is no name; a meta past 1024 bytes is not looked at */
    OK(!doc_html_charset((const unsigned char *)"<meta charset=abcdefghijklmnopqrstuvwxyz>", 41,
                         name, sizeof name),
       "too long");
    {
        struct strbuf page = STRBUF_INIT;
        for (int i = 0; i < 1100; i++)
            strbuf_addch(&page, ' ');
        strbuf_addstr(&page, "<meta charset=utf-8>");
        OK(!doc_html_charset((const unsigned char *)page.buf, page.len, name, sizeof name),
           "past 1024 bytes");
        strbuf_release(&page);
    }
}

int main(void)
{
    RUN(test_detect_magic);
    RUN(test_detect_html);
    RUN(test_detect_zip);
    RUN(test_format_names);
    RUN(test_hwp_controls);
    RUN(test_hwp_table);
    RUN(test_hwp_damaged);
    RUN(test_ole2_difat);
    RUN(test_html_read);
    RUN(test_html_charset);
    return harness_done();
}
