/*
 * test_zipdoc.c - unit tests for src/doc/zip.c, hwpx.c, docx.c and pdf.c:
 * the paragraphs and table rows read from the real files of
 * tests/data/doc/ (text checked by hand against their XML), tracked
 * changes, notes, labels, a sink that stops the reader, and damaged or
 * hostile archives built here (truncated, bad CRC-32, too many entries, a
 * zip bomb, a header that lies, encryption, ZIP64) and PDFs without text.
 * Run from the top directory (the paths are relative to it).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <zlib.h>

#include "harness.h"
#include "doc/doc.h"
#include "doc/zip.h"
#include "util/strbuf.h"
#include "util/xmalloc.h"
#include "util/banned.h"

#define DATA "tests/data/doc/"

/* ---- helpers --------------------------------------------------------------------------- */

static unsigned char *slurp(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    struct strbuf sb = STRBUF_INIT;
    char chunk[65536];
    size_t n;

    if (!fp) {
        fprintf(stderr, "  cannot open %s\n", path);
        *len = 0;
        return xcalloc(1, 1);
    }
    while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
        strbuf_add(&sb, chunk, n);
    fclose(fp);
    return (unsigned char *)strbuf_detach(&sb, len);
}

/* The collecting sink: "where<TAB>text\n" per call; stops with stop_rc after stop_after calls. */
struct collect {
    struct strbuf out;
    int calls;
    int stop_after; /* 0: never */
    int stop_rc;
};

static int collect_para(void *arg, const char *text, size_t len, const char *where)
{
    struct collect *c = arg;
    strbuf_addstr(&c->out, where);
    strbuf_addch(&c->out, '|');
    strbuf_add(&c->out, text, len);
    strbuf_addch(&c->out, '\n');
    c->calls++;
    return c->stop_after && c->calls >= c->stop_after ? c->stop_rc : 0;
}

typedef int (*reader_fn)(const unsigned char *, size_t, const struct doc_sink *,
                         struct doc_error *);

/* Reads buf with fn; returns the reader's value, the text in *text (static, overwritten). */
static int run_reader(reader_fn fn, const unsigned char *buf, size_t len, const char **text,
                      struct doc_error *err)
{
    static struct collect c = {STRBUF_INIT, 0, 0, 0};
    struct doc_sink sink = {collect_para, &c};
    strbuf_reset(&c.out);
    strbuf_addstr(&c.out, "");
    c.calls = 0;
    memset(err, 0, sizeof *err);
    int rc = fn(buf, len, &sink, err);
    *text = c.out.buf;
    return rc;
}

static int read_file(reader_fn fn, const char *path, const char **text, struct doc_error *err)
{
    size_t len;
    unsigned char *buf = slurp(path, &len);
    int rc = run_reader(fn, buf, len, text, err);
    free(buf);
    return rc;
}

/* ---- real files ------------------------------------------------------------------------ */

static void test_hwpx_files(void)
{
    struct doc_error err;
    const char *text;

    INT_EQ(read_file(doc_read_hwpx, DATA "ParaHead.hwpx", &text, &err), 0, "%s", err.msg);
    STR_EQ(text,
           "§1|글머리1-1\n§2|글머리1-2\n§3|글머리2-1\n§4|글머리2-2\n§5|번호1\n§6|번호2\n"
           "§7|번호3\n§8|번호3-1\n§9|번호3-2\n§10|번호4\n§11|번호-4-1-1-1\n§12|번호-4-1-1-2\n"
           "§13|번호-4-1-2\n§14|번호-4-1-2-1\n§15|개요1\n§16|개요1-1\n§17|개요1-2\n"
           "§18|개요1-3\n§19|개요2\n§20|개요2-1\n§21|개요2-1-1\n",
           "ParaHead: empty paragraphs not given, numbering is not text");

    /* merged cells: the XML has rows of 2, 1 and 2 cells */
    INT_EQ(read_file(doc_read_hwpx, DATA "SimpleTable.hwpx", &text, &err), 0, "%s", err.msg);
    STR_EQ(text, "§1|1\t2\n§2|3\n§3|5\t4\n", "SimpleTable");

    /* a text box title (hp:rect/hp:drawText), a paragraph, then the table; empty cells kept */
    INT_EQ(read_file(doc_read_hwpx, DATA "Table.hwpx", &text, &err), 0, "%s", err.msg);
    STR_EQ(text,
           "§1|C반 기말고사\n§2|날짜\n§3|이름\t국어\t영어\t수학\n§4|개똥이\t89\t65\t78\n"
           "§5|칠득이\t77\t77\t77\n§6|팔푼이\t88\t88\t88\n§7|육손이\t66\t66\t66\n§8|합계\t\t\t\n",
           "Table");

    /* runs " 우리는 ", "수학", " 이다.", "더" around fields and shapes; an empty text box */
    INT_EQ(read_file(doc_read_hwpx, DATA "sample1.hwpx", &text, &err), 0, "%s", err.msg);
    STR_EQ(text, "§1|수학\n§2|우리는 수학 이다.더\n", "sample1: shape comments are not text");
}

static void test_hwpx_tracked(void)
{
    struct doc_error err;
    const char *text;

    INT_EQ(read_file(doc_read_hwpx, DATA "tracked.hwpx", &text, &err), 0, "%s", err.msg);
    STR_EQ(text,
           "§1|제목\n"                /* the page header (머리말) left out */
           "§2|변경 문서\t인간은\n"   /* " 추적" deleted, "인간은" inserted */
           "§3|남는 글\n§4|다음 글\n" /* a deletion across the paragraph end */
           "§5|표 앞\n§6|가\t나\n§7|다\t라 마\n§8|표 뒤\n" /* table inside the paragraph */
           "§9|각주가 있는 문단.\n" /* hp:lineBreak as a space, footnote out of the flow */
           "§10|둘째 구역\n"        /* section1.xml, after section0.xml as the spine says */
           "fn 1|각주 내용\n",
           "tracked.hwpx");
}

static void test_docx_tracked(void)
{
    struct doc_error err;
    const char *text;

    INT_EQ(read_file(doc_read_docx, DATA "tracked.docx", &text, &err), 0, "%s", err.msg);
    STR_EQ(text,
           "§1|인공지능(AI) 기본법\n"                 /* a w:pPr tab stop is no TAB */
           "§2|과학기술정보통신부는 오늘 발표했다.\n" /* w:del out, w:ins in */
           "§3|담당\t김지혜 (044-202-4363)\n"         /* w:tab, w:br; w:moveFrom out */
           "§4|용어\t영문\t비고\n§5|클라우드\tcloud computing\t\n"
           "§6|본문\n§7|글상자\n§8|끝\n"          /* the text box once (no mc:Fallback) */
           "fn 1|2026년 1월 1일 기준 둘째 문단\n" /* separators left out */
           "en 1|미주\n",
           "tracked.docx");
}

/* The DOCX made by LibreOffice from the corpus gives its non-blank lines, trimmed. */
static void test_docx_corpus(void)
{
    struct doc_error err;
    const char *text;
    size_t len;
    char *orig = (char *)slurp("docs/corpus/msit-2026-05-29-g7-digital-ministers.txt", &len);
    struct strbuf want = STRBUF_INIT;
    unsigned long n = 0;

    for (char *line = orig; line < orig + len;) {
        char *nl = memchr(line, '\n', (size_t)(orig + len - line));
        char *end = nl ? nl : orig + len;
        char *a = line, *b = end;
        while (a < b && (*a == ' ' || *a == '\t'))
            a++;
        while (b > a && (b[-1] == ' ' || b[-1] == '\t' || b[-1] == '\r'))
            b--;
        if (b > a) {
            strbuf_addf(&want, "§%lu|", ++n);
            strbuf_add(&want, a, (size_t)(b - a));
            strbuf_addch(&want, '\n');
        }
        line = end + 1;
    }
    INT_EQ(read_file(doc_read_docx, DATA "msit-g7.docx", &text, &err), 0, "%s", err.msg);
    INT_EQ(n, 18, "non-blank lines of the corpus text");
    STR_EQ(text, want.buf, "msit-g7.docx");
    OK(strstr(text, "§3|## 류제명 제2차관, 주요 7개국(G7) 디지털 기술 장관회의 참석\n") != NULL,
       "the title as the third paragraph");
    strbuf_release(&want);
    free(orig);
}

/* A sink's nonzero value stops the reader, which returns it. */
static void test_sink_stops(void)
{
    static const char *const files[] = {DATA "tracked.hwpx", DATA "tracked.docx"};
    for (int i = 0; i < 2; i++) {
        size_t len;
        unsigned char *buf = slurp(files[i], &len);
        struct collect c = {STRBUF_INIT, 0, 2, 7};
        struct doc_sink sink = {collect_para, &c};
        struct doc_error err;
        int rc = (i ? doc_read_docx : doc_read_hwpx)(buf, len, &sink, &err);
        INT_EQ(rc, 7, "%s", files[i]);
        INT_EQ(c.calls, 2, "%s: no call after the stop", files[i]);
        strbuf_release(&c.out);
        free(buf);
    }
    struct collect c = {STRBUF_INIT, 0, 1, 5};
    struct doc_sink sink = {collect_para, &c};
    struct doc_error err;
    INT_EQ(doc_read_pdf(DATA "msit-g7.pdf", &sink, &err), 5, "pdf");
    INT_EQ(c.calls, 1, "pdf: no call after the stop");
    strbuf_release(&c.out);
}

/* ---- PDF ---------------------------------------------------------------------------------- */

static int pdf(const char *path, const char **text, struct doc_error *err)
{
    static struct collect c = {STRBUF_INIT, 0, 0, 0};
    struct doc_sink sink = {collect_para, &c};
    strbuf_reset(&c.out);
    strbuf_addstr(&c.out, "");
    c.calls = 0;
    memset(err, 0, sizeof *err);
    int rc = doc_read_pdf(path, &sink, err);
    *text = c.out.buf;
    return rc;
}

static void test_pdf(void)
{
    struct doc_error err;
    const char *text;

    INT_EQ(pdf(DATA "msit-g7.pdf", &text, &err), 0, "%s", err.msg);
    /* pdftotext -layout: wrapped lines joined, a digit set apart from Hangul ("제 2 차관") */
    OK(!strncmp(text,
                "p1:1|보도 시점 2026. 5. 30.(토) 00:00   배포 2026. 5. 29.(금) 14:00 "
                "(2026. 6. 1.(월) 조간)\n"
                "p1:4|## 류제명 제 2 차관, 주요 7 개국(G7) 디지털 기술 장관회의 참석\n"
                "p1:6|- 인공지능 안전·중소기업 인공지능 도입·탄소중립·온라인 아동 보호 등 "
                "국제 인공지능 현안 논의\n"
                "p1:7|- 미스트랄 AI 최고 경영자(CEO) 면담 통해 인공지능 산업 협력 후속 논의\n"
                "p1:9|과학기술정보통신부(부총리 겸 과기정통부 장관 배경훈, 이하 "
                "‘과기정통부’)는 류제명 제 2 차관을 수석대표로 5 월 29 일(현지 소요 시간) "
                "프랑스 파리에서 개최되는 주요 7 개국(G7) 디지털 기술 장관회의에 "
                "참석하였다고 밝혔다.\n",
                strlen("p1:1|보도 시점 2026. 5. 30.(토) 00:00   배포 2026. 5. 29.(금) 14:00 "
                       "(2026. 6. 1.(월) 조간)\n"
                       "p1:4|## 류제명 제 2 차관, 주요 7 개국(G7) 디지털 기술 장관회의 참석\n"
                       "p1:6|- 인공지능 안전·중소기업 인공지능 도입·탄소중립·온라인 아동 보호 등 "
                       "국제 인공지능 현안 논의\n"
                       "p1:7|- 미스트랄 AI 최고 경영자(CEO) 면담 통해 인공지능 산업 협력 후속 "
                       "논의\n"
                       "p1:9|과학기술정보통신부(부총리 겸 과기정통부 장관 배경훈, 이하 "
                       "‘과기정통부’)는 류제명 제 2 차관을 수석대표로 5 월 29 일(현지 소요 "
                       "시간) 프랑스 파리에서 개최되는 주요 7 개국(G7) 디지털 기술 장관회의에 "
                       "참석하였다고 밝혔다.\n")),
       "first paragraphs: %.400s", text);
    /* a line wrapped between 인공지능 and (AI) is joined with a space, not lost */
    OK(strstr(text, "인공지능 (AI) 안전연구소") != NULL, "wrapped pair joined");
    const char *last = strstr(text, "p1:58|담당 부서");
    OK(last != NULL, "the contact table starts at page 1, line 58");

    /* pages at form feeds, lines counted per page, a list mark starts a paragraph */
    INT_EQ(pdf(DATA "two-pages.pdf", &text, &err), 0, "%s", err.msg);
    STR_EQ(text,
           "p1:1|Cloud computing (CC) is a model for network access.\n"
           "p1:4|- first item\np1:5|- second item\np2:1|Second page text.\n",
           "two-pages.pdf");

    INT_EQ(pdf(DATA "image-only.pdf", &text, &err), -1, "image only");
    STR_EQ(err.msg, "no extractable text (a scanned image?)", "image only");
    STR_EQ(text, "", "nothing given");

    INT_EQ(pdf(DATA "no-such-file.pdf", &text, &err), -1, "missing file");
    OK(strstr(err.msg, "pdftotext failed with exit status 1") != NULL, "%s", err.msg);

    INT_EQ(pdf(DATA "tracked.docx", &text, &err), -1, "not a PDF");
    OK(strstr(err.msg, "pdftotext failed with exit status") != NULL, "%s", err.msg);

    /* a file name starting with '-' is a file, not an option of pdftotext */
    char cwd[4096], tmpl[] = "/tmp/test_zipdoc.XXXXXX";
    size_t plen;
    unsigned char *pdfbytes = slurp(DATA "msit-g7.pdf", &plen);
    OK(getcwd(cwd, sizeof cwd) != NULL && mkdtemp(tmpl) != NULL && chdir(tmpl) == 0, "scratch");
    FILE *fp = fopen("-g7.pdf", "wb");
    OK(fp && fwrite(pdfbytes, 1, plen, fp) == plen && fclose(fp) == 0, "write -g7.pdf");
    INT_EQ(pdf("-g7.pdf", &text, &err), 0, "-g7.pdf: %s", err.msg);
    OK(!strncmp(text, "p1:1|보도 시점", strlen("p1:1|보도 시점")), "-g7.pdf read");
    unlink("-g7.pdf");
    OK(chdir(cwd) == 0 && rmdir(tmpl) == 0, "scratch removed");
    free(pdfbytes);

    /* without pdftotext: the message names the Debian package */
    char *path = getenv("PATH") ? xstrdup(getenv("PATH")) : NULL;
    setenv("PATH", "/nonexistent", 1);
    INT_EQ(pdf(DATA "msit-g7.pdf", &text, &err), -1, "no pdftotext");
    OK(strstr(err.msg, "poppler-utils") != NULL, "%s", err.msg);
    if (path)
        setenv("PATH", path, 1);
    free(path);
}

/* ---- damaged and hostile archives ------------------------------------------------------- */

struct zent {
    const char *name;
    const void *data;
    size_t len;
    int deflate;         /* 1: deflate the data; 0: store it */
    unsigned flags;      /* general purpose flags */
    unsigned method;     /* 0: stored or deflate as above; else this method number */
    int bad_crc;         /* 1: write a wrong CRC-32 */
    uint32_t claim_size; /* nonzero: the inflated size the headers claim */
    size_t drop;         /* compressed bytes left out at the end */
};

static void put16(struct strbuf *sb, unsigned v)
{
    strbuf_addch(sb, (int)(v & 0xff));
    strbuf_addch(sb, (int)(v >> 8 & 0xff));
}

static void put32(struct strbuf *sb, uint32_t v)
{
    put16(sb, v & 0xffff);
    put16(sb, v >> 16);
}

/* Builds a zip of n entries into out (replacing its contents); count16 overrides the EOCD counts.
 */
static void build_zip(struct strbuf *out, const struct zent *e, size_t n, long count16)
{
    struct strbuf cd = STRBUF_INIT;
    strbuf_reset(out);
    for (size_t i = 0; i < n; i++) {
        unsigned char *comp = NULL;
        uLongf clen = 0;
        const unsigned char *payload = e[i].data;
        if (e[i].deflate) {
            z_stream zs;
            memset(&zs, 0, sizeof zs);
            deflateInit2(&zs, 9, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY);
            clen = deflateBound(&zs, (uLong)e[i].len);
            comp = xmalloc(clen);
            zs.next_in = (Bytef *)e[i].data;
            zs.avail_in = (uInt)e[i].len;
            zs.next_out = comp;
            zs.avail_out = (uInt)clen;
            deflate(&zs, Z_FINISH);
            clen = zs.total_out;
            deflateEnd(&zs);
            payload = comp;
            clen -= e[i].drop;
        } else {
            clen = (uLongf)e[i].len;
        }
        uint32_t crc = (uint32_t)crc32(crc32(0, Z_NULL, 0), e[i].data, (uInt)e[i].len);
        if (e[i].bad_crc)
            crc ^= 0x5a5a5a5a;
        uint32_t usize = e[i].claim_size ? e[i].claim_size : (uint32_t)e[i].len;
        unsigned method = e[i].method ? e[i].method : e[i].deflate ? 8 : 0;
        size_t nlen = strlen(e[i].name), off = out->len;

        put32(out, 0x04034b50);
        put16(out, 20);
        put16(out, e[i].flags);
        put16(out, method);
        put32(out, 0);
        put32(out, crc);
        put32(out, (uint32_t)clen);
        put32(out, usize);
        put16(out, (unsigned)nlen);
        put16(out, 0);
        strbuf_add(out, e[i].name, nlen);
        strbuf_add(out, payload, clen);

        put32(&cd, 0x02014b50);
        put16(&cd, 20);
        put16(&cd, 20);
        put16(&cd, e[i].flags);
        put16(&cd, method);
        put32(&cd, 0);
        put32(&cd, crc);
        put32(&cd, (uint32_t)clen);
        put32(&cd, usize);
        put16(&cd, (unsigned)nlen);
        put16(&cd, 0);
        put16(&cd, 0);
        put16(&cd, 0);
        put16(&cd, 0);
        put32(&cd, 0);
        put32(&cd, (uint32_t)off);
        strbuf_add(&cd, e[i].name, nlen);
        free(comp);
    }
    size_t cd_off = out->len;
    strbuf_addbuf(out, &cd);
    unsigned count = count16 >= 0 ? (unsigned)count16 : (unsigned)n;
    put32(out, 0x06054b50);
    put16(out, 0);
    put16(out, 0);
    put16(out, count);
    put16(out, count);
    put32(out, (uint32_t)cd.len);
    put32(out, (uint32_t)cd_off);
    put16(out, 0);
    strbuf_release(&cd);
}

static const char small_doc[] =
    "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
    "<w:body><w:p><w:r><w:t>본문</w:t></w:r></w:p></w:body></w:document>";

/* Reads the zip in sb as DOCX; -1 expected with a message holding want. */
static void expect_refused(const struct strbuf *sb, const char *want, const char *what)
{
    struct doc_error err;
    const char *text;
    int rc = run_reader(doc_read_docx, (const unsigned char *)sb->buf, sb->len, &text, &err);
    INT_EQ(rc, -1, "%s", what);
    OK(strstr(err.msg, want) != NULL, "%s: message '%s' lacks '%s'", what, err.msg, want);
    STR_EQ(text, "", "%s: nothing given", what);
}

static void test_zip_builder_sane(void)
{
    /* the builder makes zips the reader accepts, so the refusals below are the damage's */
    struct strbuf sb = STRBUF_INIT;
    struct zent e[] = {{"word/document.xml", small_doc, sizeof small_doc - 1, 1, 0, 0, 0, 0, 0}};
    struct doc_error err;
    const char *text;
    build_zip(&sb, e, 1, -1);
    INT_EQ(run_reader(doc_read_docx, (unsigned char *)sb.buf, sb.len, &text, &err), 0, "%s",
           err.msg);
    STR_EQ(text, "§1|본문\n", "deflated");
    e[0].deflate = 0;
    build_zip(&sb, e, 1, -1);
    INT_EQ(run_reader(doc_read_docx, (unsigned char *)sb.buf, sb.len, &text, &err), 0, "%s",
           err.msg);
    STR_EQ(text, "§1|본문\n", "stored");

    /* a line end inside XML text is white space: the sink's text stays one line */
    static const char lf_doc[] = "<w:document><w:body><w:p><w:r><w:t>줄\n바꿈\r\n끝</w:t></w:r>"
                                 "</w:p></w:body></w:document>";
    struct zent lf[] = {{"word/document.xml", lf_doc, sizeof lf_doc - 1, 1, 0, 0, 0, 0, 0}};
    build_zip(&sb, lf, 1, -1);
    INT_EQ(run_reader(doc_read_docx, (unsigned char *)sb.buf, sb.len, &text, &err), 0, "%s",
           err.msg);
    STR_EQ(text, "§1|줄 바꿈 끝\n", "LF and CR LF as spaces (expat makes CR LF one LF)");
    strbuf_release(&sb);
}

static void test_zip_damaged(void)
{
    struct strbuf sb = STRBUF_INIT;
    struct zent e[] = {{"word/document.xml", small_doc, sizeof small_doc - 1, 1, 0, 0, 0, 0, 0}};

    /* a bad CRC-32 */
    e[0].bad_crc = 1;
    build_zip(&sb, e, 1, -1);
    expect_refused(&sb, "zip entry 'word/document.xml': CRC-32 mismatch", "bad CRC");
    e[0].bad_crc = 0;

    /* an encrypted entry (flag bit 0) */
    e[0].flags = 1;
    build_zip(&sb, e, 1, -1);
    expect_refused(&sb, "zip entry 'word/document.xml': is encrypted", "encrypted");
    e[0].flags = 0;

    /* a method we do not read (12: bzip2) */
    e[0].method = 12;
    build_zip(&sb, e, 1, -1);
    expect_refused(&sb, "uses compression method 12", "bzip2");
    e[0].method = 0;

    /* ZIP64: the EOCD's count at its maximum */
    build_zip(&sb, e, 1, 0xffff);
    expect_refused(&sb, "ZIP64 archives are not supported", "ZIP64");

    /* two entries of one name */
    struct zent two[] = {e[0], e[0]};
    build_zip(&sb, two, 2, -1);
    expect_refused(&sb, "zip entry 'word/document.xml': occurs twice", "duplicate");

    /* a header that says less than the data inflates to */
    e[0].claim_size = 20;
    build_zip(&sb, e, 1, -1);
    expect_refused(&sb, "inflates to more than the 20 bytes its header says", "short claim");
    /* ... or more */
    e[0].claim_size = (uint32_t)sizeof small_doc + 100;
    build_zip(&sb, e, 1, -1);
    expect_refused(&sb, "inflates to 152 bytes, its header says 253", "long claim");
    /* deflate data cut short inside the stream */
    struct zent cutz[] = {
        {"word/document.xml", small_doc, sizeof small_doc - 1, 1, 0, 0, 0, 0, 20}};
    build_zip(&sb, cutz, 1, -1);
    expect_refused(&sb, "zip entry 'word/document.xml': deflate data ends early", "cut stream");
    e[0].claim_size = 0;

    /* not well-formed XML names the entry, line and column */
    struct zent bad[] = {
        {"word/document.xml", "<w:document><w:p></w:document>", 31, 1, 0, 0, 0, 0, 0}};
    build_zip(&sb, bad, 1, -1);
    expect_refused(&sb, "zip entry 'word/document.xml': line 1, column", "malformed XML");

    /* an entity declaration is refused by xml/xml.c */
    static const char bomb_xml[] = "<!DOCTYPE d [<!ENTITY a \"aaaa\">]><d>&a;</d>";
    struct zent ent[] = {{"word/document.xml", bomb_xml, sizeof bomb_xml - 1, 1, 0, 0, 0, 0, 0}};
    build_zip(&sb, ent, 1, -1);
    expect_refused(&sb, "zip entry 'word/document.xml'", "entity");

    /* not the format asked for */
    struct zent other[] = {{"mimetype", "application/hwp+zip", 19, 0, 0, 0, 0, 0, 0}};
    build_zip(&sb, other, 1, -1);
    expect_refused(&sb, "not a DOCX file: no zip entry 'word/document.xml'", "HWPX as DOCX");
    struct doc_error err;
    const char *text;
    size_t len;
    unsigned char *docx = slurp(DATA "tracked.docx", &len);
    INT_EQ(run_reader(doc_read_hwpx, docx, len, &text, &err), -1, "DOCX as HWPX");
    STR_EQ(err.msg, "not an HWPX file: no zip entry 'mimetype'", "DOCX as HWPX");
    struct zent mime[] = {{"mimetype", "application/zip", 15, 0, 0, 0, 0, 0, 0}};
    build_zip(&sb, mime, 1, -1);
    INT_EQ(run_reader(doc_read_hwpx, (unsigned char *)sb.buf, sb.len, &text, &err), -1, "mime");
    STR_EQ(err.msg, "not an HWPX file: zip entry 'mimetype' is not application/hwp+zip", "mime");

    /* a section the package document lists but the zip lacks */
    static const char hpf[] =
        "<opf:package xmlns:opf=\"http://www.idpf.org/2007/opf/\"><opf:manifest>"
        "<opf:item id=\"s\" href=\"Contents/section9&#10;.xml\"/></opf:manifest>"
        "<opf:spine><opf:itemref idref=\"s\"/></opf:spine></opf:package>";
    struct zent nosec[] = {{"mimetype", "application/hwp+zip", 19, 0, 0, 0, 0, 0, 0},
                           {"Contents/content.hpf", hpf, sizeof hpf - 1, 1, 0, 0, 0, 0, 0}};
    build_zip(&sb, nosec, 2, -1);
    INT_EQ(run_reader(doc_read_hwpx, (unsigned char *)sb.buf, sb.len, &text, &err), -1, "no sec");
    STR_EQ(err.msg,
           "Contents/content.hpf lists section 'Contents/section9?.xml', which the zip lacks",
           "a line feed in the name is shown as '?'");

    /* truncated: every prefix of a real file is refused or read, never a crash */
    int refused = 0;
    for (size_t cut = 0; cut < len; cut++) {
        if (run_reader(doc_read_docx, docx, cut, &text, &err) == -1 && err.msg[0])
            refused++;
    }
    INT_EQ(refused, (long long)len, "every prefix of tracked.docx refused with a message");
    INT_EQ(run_reader(doc_read_docx, docx, len / 2, &text, &err), -1, "cut in half");
    STR_EQ(err.msg, "not a zip archive (no end of central directory record)", "cut in half");
    free(docx);

    /* the central directory kept, the data cut short: the entry is named */
    struct zent big[] = {{"word/document.xml", small_doc, sizeof small_doc - 1, 0, 0, 0, 0, 0, 0}};
    build_zip(&sb, big, 1, -1);
    size_t cd_at = sb.len - 22 - (46 + strlen("word/document.xml"));
    struct strbuf cut = STRBUF_INIT;
    strbuf_add(&cut, sb.buf, 60);
    strbuf_add(&cut, sb.buf + cd_at, sb.len - cd_at);
    /* fix the central directory offset in the EOCD to where it now is */
    cut.buf[cut.len - 6] = 60;
    cut.buf[cut.len - 5] = cut.buf[cut.len - 4] = cut.buf[cut.len - 3] = 0;
    expect_refused(&cut, "zip entry 'word/document.xml': data runs past the end", "data cut");
    strbuf_release(&cut);
    strbuf_release(&sb);
}

static void test_zip_limits(void)
{
    struct strbuf sb = STRBUF_INIT;

    /* 10,001 entries: one past the limit */
    size_t n = ZIP_MAX_ENTRIES + 1;
    struct zent *many = xcalloc(n, sizeof *many);
    char(*names)[16] = xcalloc(n, sizeof *names);
    for (size_t i = 0; i < n; i++) {
        snprintf(names[i], sizeof names[i], "f%05zu", i);
        many[i].name = names[i];
        many[i].data = "";
    }
    many[0].name = "word/document.xml";
    many[0].data = small_doc;
    many[0].len = sizeof small_doc - 1;
    build_zip(&sb, many, n, -1);
    expect_refused(&sb, "zip archive has 10001 entries, more than the limit of 10000", "entries");
    /* exactly the limit is read */
    build_zip(&sb, many, n - 1, -1);
    struct doc_error err;
    const char *text;
    INT_EQ(run_reader(doc_read_docx, (unsigned char *)sb.buf, sb.len, &text, &err), 0,
           "10000 entries: %s", err.msg);
    free(many);
    free(names);

    /* a zip bomb: 16 MiB of zeros deflate to about 16 KiB (1000:1) */
    size_t zlen = 16u << 20;
    char *zeros = xcalloc(zlen, 1);
    struct zent bomb[] = {{"word/document.xml", zeros, zlen, 1, 0, 0, 0, 0, 0}};
    build_zip(&sb, bomb, 1, -1);
    OK(sb.len < 100000, "the bomb is small: %zu bytes", sb.len);
    expect_refused(&sb, "zip entry 'word/document.xml': compression ratio above 200:1", "bomb");
    free(zeros);

    /* a header claiming 1 GiB */
    struct zent huge[] = {
        {"word/document.xml", small_doc, sizeof small_doc - 1, 1, 0, 0, 0, 1u << 30, 0}};
    build_zip(&sb, huge, 1, -1);
    expect_refused(&sb, "inflates to 1073741824 bytes, more than the limit of 67108864", "1 GiB");

    /*
     * 300 sections of 1 MiB each (at the ratio floor, so no ratio check):
     * the 256th passes ZIP_MAX_TOTAL (256 MiB, with mimetype and content.hpf). The spine names the
     * first one twice more, which is read once.
     */
    size_t slen = ZIP_RATIO_FLOOR, nsec = 300;
    char *sec = xmalloc(slen);
    memset(sec, ' ', slen);
    memcpy(sec, "<s>", 3);
    memcpy(sec + slen - 4, "</s>", 4);
    struct strbuf spine = STRBUF_INIT;
    struct zent *secs = xcalloc(nsec + 2, sizeof *secs);
    char(*secnames)[32] = xcalloc(nsec, sizeof *secnames);
    strbuf_addstr(&spine, "<package><manifest>");
    for (size_t i = 0; i < nsec; i++) {
        snprintf(secnames[i], sizeof secnames[i], "Contents/section%zu.xml", i);
        strbuf_addf(&spine, "<item id=\"s%zu\" href=\"%s\"/>", i, secnames[i]);
        secs[i + 2] = (struct zent){secnames[i], sec, slen, 1, 0, 0, 0, 0, 0};
    }
    strbuf_addstr(&spine, "</manifest><spine><itemref idref=\"s0\"/><itemref idref=\"s0\"/>");
    for (size_t i = 0; i < nsec; i++)
        strbuf_addf(&spine, "<itemref idref=\"s%zu\"/>", i);
    strbuf_addstr(&spine, "</spine></package>");
    secs[0] = (struct zent){"mimetype", "application/hwp+zip", 19, 0, 0, 0, 0, 0, 0};
    secs[1] = (struct zent){"Contents/content.hpf", spine.buf, spine.len, 1, 0, 0, 0, 0, 0};
    build_zip(&sb, secs, nsec + 2, -1);
    INT_EQ(run_reader(doc_read_hwpx, (unsigned char *)sb.buf, sb.len, &text, &err), -1, "total");
    STR_EQ(err.msg,
           "zip entry 'Contents/section255.xml': the entries read inflate to more than 268435456 "
           "bytes in all",
           "ZIP_MAX_TOTAL, the first section read once");
    strbuf_release(&spine);
    free(secs);
    free(secnames);
    free(sec);

    /* a section the spine names twice is read once */
    static const char sec_p[] = "<hs:sec><hp:p><hp:run><hp:t>한 번</hp:t></hp:run></hp:p></hs:sec>";
    static const char twice[] = "<package><manifest><item id=\"a\" href=\"Contents/section0.xml\"/>"
                                "</manifest><spine><itemref idref=\"a\"/><itemref idref=\"a\"/>"
                                "</spine></package>";
    struct zent tw[] = {{"mimetype", "application/hwp+zip", 19, 0, 0, 0, 0, 0, 0},
                        {"Contents/content.hpf", twice, sizeof twice - 1, 1, 0, 0, 0, 0, 0},
                        {"Contents/section0.xml", sec_p, sizeof sec_p - 1, 1, 0, 0, 0, 0, 0}};
    build_zip(&sb, tw, 3, -1);
    INT_EQ(run_reader(doc_read_hwpx, (unsigned char *)sb.buf, sb.len, &text, &err), 0, "%s",
           err.msg);
    STR_EQ(text, "§1|한 번\n", "read once");

    /* 2 MiB of varied text at a modest ratio is read (the ratio limit is not the size limit) */
    struct strbuf xml = STRBUF_INIT;
    strbuf_addstr(&xml, "<w:document><w:body>");
    for (unsigned i = 0; xml.len < (2u << 20); i++)
        strbuf_addf(&xml, "<w:p><w:r><w:t>문단 %u: %08x</w:t></w:r></w:p>", i,
                    (unsigned)(i * 2654435761u));
    strbuf_addstr(&xml, "</w:body></w:document>");
    struct zent fine[] = {{"word/document.xml", xml.buf, xml.len, 1, 0, 0, 0, 0, 0}};
    build_zip(&sb, fine, 1, -1);
    INT_EQ(run_reader(doc_read_docx, (unsigned char *)sb.buf, sb.len, &text, &err), 0, "2 MiB: %s",
           err.msg);
    OK(!strncmp(text, "§1|문단 0: 00000000\n", strlen("§1|문단 0: 00000000\n")), "2 MiB read");
    strbuf_release(&xml);
    strbuf_release(&sb);
}

/* Names in messages are one printable line, cut at ZIP_NAME_MAX bytes. */
static void test_zip_printable(void)
{
    char out[ZIP_NAME_MAX + 8];
    STR_EQ(zip_printable(out, sizeof out, "a\nb\x7f", 4), "a?b?", "controls");
    STR_EQ(zip_printable(out, sizeof out, "본문.xml", strlen("본문.xml")), "본문.xml", "UTF-8");
    STR_EQ(zip_printable(out, sizeof out, "\xff\xfe", 2), "??", "not UTF-8");
    char longname[200];
    memset(longname, 'x', sizeof longname);
    zip_printable(out, sizeof out, longname, sizeof longname);
    INT_EQ(strlen(out), ZIP_NAME_MAX + 3, "cut, with ...");
}

int main(void)
{
    RUN(test_hwpx_files);
    RUN(test_hwpx_tracked);
    RUN(test_docx_tracked);
    RUN(test_docx_corpus);
    RUN(test_sink_stops);
    RUN(test_pdf);
    RUN(test_zip_builder_sane);
    RUN(test_zip_damaged);
    RUN(test_zip_limits);
    RUN(test_zip_printable);
    return harness_done();
}
