/*
 * test_xml.c - unit tests for src/xml/xml.c and src/io/lang.c: the writer's
 * escaping and removal of XML-illegal characters, the streaming reader
 * (callbacks, chunk boundaries, UTF-16, positions) and its refusals
 * (entities, remote DTDs, depth), and language tag normalisation.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "io/lang.h"
#include "xml/xml.h"
#include "util/strbuf.h"
#include "util/banned.h"

/* ---- writer -------------------------------------------------------------------------- */

static const char *esc(const char *s, size_t len, int attr, size_t *removed)
{
    static struct strbuf sb = STRBUF_INIT;
    strbuf_reset(&sb);
    *removed = xml_escape(&sb, s, len, attr);
    return sb.buf;
}

static void test_escape(void)
{
    size_t r;
    STR_EQ(esc("a & b < c > d", 13, 0, &r), "a &amp; b &lt; c &gt; d", "text");
    INT_EQ(r, 0, "nothing removed");
    STR_EQ(esc("say \"hi\"", 8, 0, &r), "say \"hi\"", "quotes stay in text");
    STR_EQ(esc("say \"hi\"", 8, 1, &r), "say &quot;hi&quot;", "quotes escaped in attributes");
    STR_EQ(esc("a\tb\nc", 5, 0, &r), "a\tb\nc", "TAB and LF stay in text");
    STR_EQ(esc("a\tb\nc", 5, 1, &r), "a&#9;b&#10;c", "TAB and LF as references in attributes");
    STR_EQ(esc("a\rb", 3, 0, &r), "a&#13;b", "CR kept as a reference");
    STR_EQ(esc("인공지능", strlen("인공지능"), 0, &r), "인공지능", "Hangul as is");
}

static void test_escape_illegal(void)
{
    size_t r;
    STR_EQ(esc("a\001b\033c", 5, 0, &r), "abc", "C0 controls removed");
    INT_EQ(r, 2, "two removed");
    STR_EQ(esc("x\0y", 3, 0, &r), "xy", "NUL removed");
    STR_EQ(esc("a\xef\xbf\xbe"
               "b\xef\xbf\xbf",
               8, 0, &r),
           "ab", "U+FFFE and U+FFFF removed");
    STR_EQ(esc("a\xff\xfe"
               "b",
               4, 0, &r),
           "ab", "bytes that are not UTF-8 removed");
    STR_EQ(esc("\xed\xa0\x80z", 4, 0, &r), "z", "an encoded surrogate removed");
    STR_EQ(esc("\xef\xbf\xbd", 3, 0, &r), "\xef\xbf\xbd", "U+FFFD itself is legal");
    STR_EQ(esc("\xc2\x85\x7f", 3, 0, &r), "&#x85;&#x7F;",
           "C1 controls and DEL are legal but terminals act on them: references (issue 16)");
    STR_EQ(esc("\xc2\xa0", 2, 0, &r), "\xc2\xa0", "U+00A0 is no control");
}

static void test_write_escaped(void)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&buf, &len);
    xml_write_escaped(fp, "plain", 0);
    xml_write_escaped(fp, "|<&>\001|", 0);
    xml_write_escaped(fp, "|\"|", 1);
    xml_write_escaped(fp, "|클라우드|", 0);
    fclose(fp);
    STR_EQ(buf, "plain|&lt;&amp;&gt;||&quot;||클라우드|", "stream writer");
    free(buf);
}

static void test_add_escaped(void)
{
    struct strbuf sb = STRBUF_INIT;
    xml_add_escaped(&sb, "plain ", 0);
    xml_add_escaped(&sb, "클라우드 ", 0);
    xml_add_escaped(&sb, "R&D \"x\"", 0);
    STR_EQ(sb.buf, "plain 클라우드 R&amp;D \"x\"", "text: Hangul as it is, & escaped, quotes kept");
    strbuf_reset(&sb);
    xml_add_escaped(&sb, "a\"b\tc", 1);
    STR_EQ(sb.buf, "a&quot;b&#9;c", "attribute: quote and TAB as references");
    strbuf_reset(&sb);
    xml_add_escaped(&sb, "인공\xef\xbf\xbe지능\x01\xff", 0);
    STR_EQ(sb.buf, "인공지능", "Hangul with U+FFFE, a control and a stray byte: removed");
    strbuf_reset(&sb);
    xml_add_escaped(&sb, "", 0);
    INT_EQ(sb.len, 0, "empty string adds nothing");
    strbuf_release(&sb);
}

/* ---- reader -------------------------------------------------------------------------- */

struct trace {
    struct strbuf log; /* "<name lang=..>", "text", "</name>" */
};

static int t_start(void *ctx, const char *name, const char **attrs)
{
    struct trace *t = ctx;
    const char *l = xml_attr(attrs, "xml:lang");
    strbuf_addf(&t->log, "<%s%s%s>", name, l ? " " : "", l ? l : "");
    return 0;
}

static int t_end(void *ctx, const char *name)
{
    struct trace *t = ctx;
    strbuf_addf(&t->log, "</%s>", name);
    return 0;
}

static int t_text(void *ctx, const char *s, size_t len)
{
    struct trace *t = ctx;
    strbuf_add(&t->log, s, len);
    return 0;
}

static const struct xml_handlers trace_h = {t_start, t_end, t_text, NULL};

static int parse(const char *doc, size_t len, struct strbuf *log, struct dd_error *err)
{
    struct trace t = {STRBUF_INIT};
    int ret = xml_read_buffer(doc, len, &trace_h, &t, NULL, err);
    strbuf_reset(log);
    strbuf_addbuf(log, &t.log);
    strbuf_release(&t.log);
    return ret;
}

static void test_reader_basic(void)
{
    static const char doc[] =
        "<?xml version=\"1.0\"?>\n<a><b xml:lang=\"ko\">용어 &amp; &#x41;</b></a>";
    struct strbuf log = STRBUF_INIT;
    struct dd_error err;
    INT_EQ(parse(doc, strlen(doc), &log, &err), 0, "%s", err.message);
    STR_EQ(log.buf, "<a><b ko>용어 & A</b></a>", "callbacks in order");
    strbuf_release(&log);
}

static void test_reader_utf16(void)
{
    /* "<a>가</a>" in UTF-16LE and BE, with BOM */
    static const char le[] = "\xff\xfe<\0a\0>\0\0\xac<\0/\0a\0>\0";
    static const char be[] = "\xfe\xff\0<\0a\0>\xac\0\0<\0/\0a\0>";
    static const char u8bom[] = "\xef\xbb\xbf<a>\xea\xb0\x80</a>";
    struct strbuf log = STRBUF_INIT;
    struct dd_error err;
    INT_EQ(parse(le, sizeof(le) - 1, &log, &err), 0, "LE: %s", err.message);
    STR_EQ(log.buf, "<a>가</a>", "UTF-16LE");
    INT_EQ(parse(be, sizeof(be) - 1, &log, &err), 0, "BE: %s", err.message);
    STR_EQ(log.buf, "<a>가</a>", "UTF-16BE");
    INT_EQ(parse(u8bom, sizeof(u8bom) - 1, &log, &err), 0, "BOM: %s", err.message);
    STR_EQ(log.buf, "<a>가</a>", "UTF-8 with BOM");
    strbuf_release(&log);
}

static void test_reader_errors(void)
{
    static const struct {
        const char *doc;
        enum xml_read_status code;
        unsigned long line;
        const char *msg;
    } cases[] = {
        {"<a>\n<b></a>", XML_READ_EMALFORMED, 2, "mismatched tag"},
        {"<a>\n<b>", XML_READ_EMALFORMED, 2, "no element found"},
        {"<!DOCTYPE a [<!ENTITY x \"y\">]><a>&x;</a>", XML_READ_EREFUSED, 1, "entity declaration"},
        {"<!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>", XML_READ_EREFUSED, 1,
         "external entity"},
        {"<!DOCTYPE a SYSTEM \"http://example.org/a.dtd\"><a/>", XML_READ_EREFUSED, 1,
         "external DTD"},
        {"<!DOCTYPE a SYSTEM \"local.dtd\"><a>&undeclared;</a>", XML_READ_EREFUSED, 1,
         "undeclared entity"},
        {"<a>\x01</a>", XML_READ_EMALFORMED, 1, "not well-formed"},
    };
    struct strbuf log = STRBUF_INIT;
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct dd_error err;
        INT_EQ(parse(cases[i].doc, strlen(cases[i].doc), &log, &err), -1, "case %zu", i);
        INT_EQ(err.detail, cases[i].code, "case %zu: %s", i, err.message);
        INT_EQ(err.line, cases[i].line, "case %zu line", i);
        OK(err.column > 0, "case %zu has a column", i);
        OK(strstr(err.message, cases[i].msg) != NULL, "case %zu: '%s'", i, err.message);
    }
    strbuf_release(&log);
}

static void test_reader_depth(void)
{
    struct strbuf doc = STRBUF_INIT, log = STRBUF_INIT;
    struct dd_error err;
    for (int i = 0; i < XML_MAX_DEPTH; i++)
        strbuf_addstr(&doc, "<a>");
    for (int i = 0; i < XML_MAX_DEPTH; i++)
        strbuf_addstr(&doc, "</a>");
    INT_EQ(parse(doc.buf, doc.len, &log, &err), 0, "XML_MAX_DEPTH levels are fine");
    strbuf_reset(&doc);
    for (int i = 0; i < 100000; i++)
        strbuf_addstr(&doc, "<a>");
    INT_EQ(parse(doc.buf, doc.len, &log, &err), -1, "100000 levels refused");
    INT_EQ(err.detail, XML_READ_EREFUSED, "%s", err.message);
    strbuf_release(&doc);
    strbuf_release(&log);
}

/*
 * Attributes an ATTLIST defaults are not in the tag's bytes: a short tag
 * that gets too many, or too long a value, that way is refused all the same.
 */
/* doc is refused as too big, with a message that says how (needle). */
static void refused(const struct strbuf *doc, struct strbuf *log, const char *what,
                    const char *needle)
{
    struct dd_error err;
    INT_EQ(parse(doc->buf, doc->len, log, &err), -1, "%s", what);
    INT_EQ(err.detail, XML_READ_EREFUSED, "%s: %s", what, err.message);
    OK(strstr(err.message, needle) != NULL, "%s: '%s'", what, err.message);
}

static void test_reader_defaulted_attrs(void)
{
    struct strbuf doc = STRBUF_INIT, log = STRBUF_INIT;
    struct dd_error err;

    strbuf_addstr(&doc, "<!DOCTYPE a [<!ATTLIST a v CDATA \"");
    for (unsigned i = 0; i <= XML_MAX_ATTR; i++)
        strbuf_addch(&doc, 'x');
    strbuf_addstr(&doc, "\">]><a/>");
    refused(&doc, &log, "a long defaulted value", "longer than");
    strbuf_reset(&doc);
    strbuf_addstr(&doc, "<!DOCTYPE a [<!ATTLIST a");
    for (int i = 0; i <= XML_MAX_ATTRS; i++)
        strbuf_addf(&doc, " a%d CDATA \"v\"", i);
    strbuf_addstr(&doc, ">]><a/>");
    refused(&doc, &log, "many defaulted attributes", "more than");
    strbuf_reset(&doc);
    strbuf_addstr(&doc, "<!DOCTYPE a [<!ATTLIST a v CDATA \"short\">]><a/>");
    INT_EQ(parse(doc.buf, doc.len, &log, &err), 0, "a short default: %s", err.message);
    strbuf_release(&doc);
    strbuf_release(&log);
}

/* Text split at every chunk boundary arrives whole. */
static void test_reader_file_chunks(void)
{
    char path[] = "/tmp/dadeum-test-xml.XXXXXX";
    int fd = mkstemp(path);
    FILE *fp = fdopen(fd, "w");
    struct trace t = {STRBUF_INIT};
    struct dd_error err;
    fputs("<r>", fp);
    for (int i = 0; i < 30000; i++)
        fputs("<t>가나</t>", fp);
    fputs("</r>", fp);
    fclose(fp);
    INT_EQ(xml_read_file(path, &trace_h, &t, NULL, &err), 0, "%s", err.message);
    INT_EQ(t.log.len, 3 + 30000 * strlen("<t>가나</t>") + 4, "every byte seen once");
    strbuf_release(&t.log);
    INT_EQ(xml_read_file("/nonexistent/x.xml", &trace_h, &t, NULL, &err), -1, "missing file");
    INT_EQ(err.detail, XML_READ_EOPEN, "EOPEN");
    INT_EQ(err.code, DD_EINPUT, "an unreadable file is an input error");
    unlink(path);
}

/* ---- language tags ---------------------------------------------------------------------- */

static void test_lang(void)
{
    static const struct {
        const char *in, *out;
        enum lang_result res;
    } cases[] = {
        {"ko-KR", "ko-KR", LANG_CANONICAL},
        {"ko", "ko", LANG_CANONICAL},
        {"KO", "ko", LANG_RECASED},
        {"EN-us", "en-US", LANG_RECASED},
        {"ko_KR", "ko-KR", LANG_REPAIRED},
        {"ko_KR.UTF-8", "ko-KR", LANG_REPAIRED},
        {"zh-hant-tw", "zh-Hant-TW", LANG_RECASED},
        {"es-419", "es-419", LANG_CANONICAL},
        {"*all*", "*all*", LANG_CANONICAL},
        {"x-klingon", "x-klingon", LANG_CANONICAL},
        {"", "", LANG_INVALID},
        {"e n", "e n", LANG_INVALID},
        {"ko-", "ko-", LANG_INVALID},
        {"toolongsubtag-KR", "toolongsubtag-KR", LANG_INVALID},
        /* RFC 5646 syntax: what may follow what, and the case of each subtag */
        {"ko-0", "ko-0", LANG_INVALID}, /* a singleton with nothing after it */
        {"ko_0", "ko_0", LANG_INVALID},
        {"en-a", "en-a", LANG_INVALID},
        {"x", "x", LANG_INVALID},
        {"k0", "k0", LANG_INVALID}, /* digits in the primary language */
        {"12", "12", LANG_INVALID},
        {"source", "source", LANG_INVALID},             /* 4-8 letter primary subtags: words */
        {"ko-KR-KR", "ko-KR-KR", LANG_INVALID},         /* two regions */
        {"ko-Hang-Kore", "ko-Hang-Kore", LANG_INVALID}, /* two scripts */
        {"ko-KR-Hang", "ko-KR-Hang", LANG_INVALID},     /* script after region */
        {"en-a-b", "en-a-b", LANG_INVALID},             /* an extension subtag has 2-8 characters */
        {"zh-yue-HK", "zh-yue-HK", LANG_CANONICAL},     /* extlang */
        {"sl-rozaj-biske", "sl-rozaj-biske", LANG_CANONICAL}, /* variants */
        {"de-CH-1901", "de-CH-1901", LANG_CANONICAL},
        {"en-US-u-islamcal", "en-US-u-islamcal", LANG_CANONICAL}, /* extension */
        {"EN-X-US", "en-x-us", LANG_RECASED},                     /* private use stays lower-case */
        {"en-a-bb-x-y", "en-a-bb-x-y", LANG_CANONICAL},
        {"i-klingon", "i-klingon", LANG_CANONICAL},
        {"ko-kore-kr", "ko-Kore-KR", LANG_RECASED},
        {"ko_kr.utf8", "ko-KR", LANG_REPAIRED},
        /* irregular grandfathered tags, outside the grammar (RFC 5646 §2.2.8) */
        {"en-GB-oed", "en-GB-oed", LANG_CANONICAL},
        {"EN-gb-OED", "en-GB-oed", LANG_RECASED},
        {"sgn_BE_FR", "sgn-BE-FR", LANG_REPAIRED},
        {"sgn-CH-DE", "sgn-CH-DE", LANG_CANONICAL},
        {"en-GB-oedx", "en-GB-oedx", LANG_INVALID},
        {"sgn-BE", "sgn-BE", LANG_CANONICAL},
        {"zh-min-nan", "zh-min-nan", LANG_CANONICAL}, /* regular: the grammar takes it */
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct strbuf sb = STRBUF_INIT;
        INT_EQ(lang_normalize(cases[i].in, &sb), cases[i].res, "'%s'", cases[i].in);
        STR_EQ(sb.buf, cases[i].out, "'%s'", cases[i].in);
        strbuf_release(&sb);
    }
    OK(lang_same_language("ko_KR", "KO"), "ko_KR ~ KO");
    OK(lang_same_language("ko-KR", "ko"), "ko-KR ~ ko");
    OK(!lang_same_language("en", "eng"), "en !~ eng");
    OK(!lang_same_language("ko", NULL), "NULL");
}

int main(void)
{
    RUN(test_escape);
    RUN(test_escape_illegal);
    RUN(test_write_escaped);
    RUN(test_add_escaped);
    RUN(test_reader_basic);
    RUN(test_reader_utf16);
    RUN(test_reader_errors);
    RUN(test_reader_depth);
    RUN(test_reader_defaulted_attrs);
    RUN(test_reader_file_chunks);
    RUN(test_lang);
    return harness_done();
}
