/*
 * xml.c - the streaming XML reader over expat and the XML writer helper.
 *
 * Reading: one XML_Parser per file, fed 64 KiB at a time through
 * XML_GetBuffer/XML_ParseBuffer, so memory stays flat whatever the file size.
 * The wrappers below sit between expat and the format readers: they count
 * the nesting depth and the length of the current text run, refuse what
 * xml.h lists as hostile, and turn expat's error into struct dd_error with
 * line and column. A callback that fails stops the parser with
 * XML_StopParser; the error it recorded wins over expat's "parsing aborted".
 * For a table-driven reader (xml_read_file_table) the same wrappers look
 * the element up and call its function themselves: one layer, not two.
 *
 * Writing: xml_escape is the one place that decides what may appear in the
 * character data and attribute values we write (XML 1.0 §2.2 Char, §2.4,
 * §3.3.3 attribute value normalisation).
 */
#include <errno.h>
/*
 * Debian's libexpat is built with DTD support (XML_GetFeatureList lists
 * XML_DTD); the header declares the parameter entity and billion-laughs
 * controls only when the application says so.
 */
#ifndef XML_DTD
#define XML_DTD
#endif
#include <expat.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "xml/xml.h"
#include "text/decode.h"
#include "util/utf8.h"
#include "util/xmalloc.h"
#include "util/banned.h"

#define XML_CHUNK (256 * 1024) /* bytes per read and per XML_ParseBuffer */

struct xml_reader {
    XML_Parser parser;            /* expat's handle */
    const struct xml_handlers *h; /* the format reader's callbacks, or NULL: */
    const struct xml_table *t;    /* a table-driven reader's (xml_read_file_table) */
    int (*text)(void *ctx, const char *s, size_t len); /* h's or t's */
    void (*warn)(void *ctx, const char *msg);          /* likewise */
    void *ctx;                                         /* their context */
    unsigned depth;                                    /* open elements */
    unsigned skip_depth;  /* table: depth of the element xml_reader_skip passes over, or 0 */
    size_t text_run;      /* bytes of text since the last tag */
    size_t value_len;     /* the only attribute's value length of the start tag, or -1 */
    struct dd_error *err; /* where errors go */
    int raw_hangul;       /* the first bytes read are UTF-8 with Hangul (see below) */
    int suspect;          /* and the file declares another encoding */
    int text_hangul;      /* Hangul was seen in the decoded text */
    struct strbuf *sink;  /* where text goes, or NULL: to h->text (xml_reader_text_into) */
    size_t *sink_kept;    /* bytes counted against sink_max */
    size_t sink_max;      /* most bytes sink takes before text goes to h->text */
    char declared[40];    /* that encoding, for the warning */
    unsigned char open[XML_MAX_DEPTH + 1]; /* table: each open element's index, by depth */
};

/*
 * Mojibake: a file that declares encoding="ISO-8859-1" (or another
 * single-byte encoding) but holds UTF-8 bytes reads without an error, every
 * Hangul syllable as three Latin-1 letters (클 as "í\u0081´"). When the
 * first chunk of the file is valid UTF-8 with Hangul in it, a declaration of
 * anything but UTF-8/UTF-16 makes the file suspect, and if no Hangul then
 * reaches the text callbacks the reader is warned.
 */
static int raw_utf8_hangul(const char *buf, size_t n, int full)
{
    size_t valid = utf8_valid_prefix(buf, n);
    int hangul = 0;

    /* a full chunk may end inside a character */
    if (valid != n && !(full && n - valid < 4))
        return 0;
    for (size_t i = 0; i < valid && !hangul;) {
        uint32_t c;
        if ((unsigned char)buf[i] < 0x80) {
            i++;
            continue;
        }
        i += utf8_decode(buf + i, valid - i, &c);
        hangul = uc_is_hangul_syllable(c);
    }
    return hangul;
}

static void XMLCALL on_xml_decl(void *data, const XML_Char *version, const XML_Char *encoding,
                                int standalone)
{
    struct xml_reader *r = data;
    (void)version;
    (void)standalone;
    if (r->suspect || !encoding || !r->raw_hangul || !strncasecmp(encoding, "UTF-", 4) ||
        !strncasecmp(encoding, "UTF8", 4) || !strncasecmp(encoding, "UTF16", 5))
        return;
    struct strbuf sb = STRBUF_INIT;
    r->suspect = 1;
    xml_printable(&sb, encoding, sizeof(r->declared) - 1);
    memcpy(r->declared, sb.buf, sb.len + 1);
    strbuf_release(&sb);
}

/* After a successful read: the warning of a suspect file whose text had no Hangul. */
static void warn_mojibake(struct xml_reader *r)
{
    struct strbuf msg = STRBUF_INIT;
    if (!r->suspect || r->text_hangul || !r->warn)
        return;
    strbuf_addf(&msg,
                "declares encoding '%s', but its bytes are UTF-8 with Korean text, which "
                "reads as other letters (mojibake) in that encoding: if the file is UTF-8, "
                "correct its declaration to encoding=\"UTF-8\"",
                r->declared);
    r->warn(r->ctx, msg.buf);
    strbuf_release(&msg);
}

/* ---- errors ------------------------------------------------------------------------ */

static void set_position(struct xml_reader *r)
{
    r->err->line = (unsigned long)XML_GetCurrentLineNumber(r->parser);
    r->err->column = (unsigned long)XML_GetCurrentColumnNumber(r->parser) + 1;
}

static void fail_v(struct xml_reader *r, enum xml_read_status code, const char *fmt, va_list ap)
{
    if (r->err->code)
        return; /* the first error is the one to report */
    dd_error_vset(r->err, DD_EINPUT, (int)code, fmt, ap);
    set_position(r);
    XML_StopParser(r->parser, XML_FALSE);
}

static void refuse(struct xml_reader *r, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void refuse(struct xml_reader *r, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fail_v(r, XML_READ_EREFUSED, fmt, ap);
    va_end(ap);
}

void xml_reader_fail(struct xml_reader *r, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fail_v(r, XML_READ_EINPUT, fmt, ap);
    va_end(ap);
}

void xml_reader_get_position(const struct xml_reader *r, unsigned long *line, unsigned long *column)
{
    *line = (unsigned long)XML_GetCurrentLineNumber(r->parser);
    *column = (unsigned long)XML_GetCurrentColumnNumber(r->parser) + 1;
}

static void XMLCALL on_text(void *data, const XML_Char *s, int len);
static void XMLCALL on_text_sink(void *data, const XML_Char *s, int len);

void xml_reader_want_text(struct xml_reader *r, int want)
{
    r->sink = NULL;
    XML_SetCharacterDataHandler(r->parser, want ? on_text : NULL);
}

void xml_reader_text_into(struct xml_reader *r, struct strbuf *sink, size_t *kept, size_t max)
{
    r->sink = sink;
    r->sink_kept = kept;
    r->sink_max = max;
    XML_SetCharacterDataHandler(r->parser, on_text_sink);
}

/* strcmp(a, b) == 0 for the short names of attributes, without a call into libc. */
static int name_eq(const char *a, const char *b)
{
    while (*a && *a == *b) {
        a++;
        b++;
    }
    return *a == *b;
}

const char *xml_attr(const char **attrs, const char *name)
{
    for (size_t i = 0; attrs && attrs[i]; i += 2)
        if (name_eq(attrs[i], name))
            return attrs[i + 1];
    return NULL;
}

void xml_printable(struct strbuf *out, const char *s, size_t max)
{
    size_t len = strlen(s), i = 0, used = 0;
    /* cut only when s does not fit, leaving room for "..." */
    size_t limit = len <= max ? len : max > 3 ? max - 3 : 0;
    while (i < len) {
        uint32_t c;
        size_t n = utf8_decode(s + i, len - i, &c);
        if (used + n > limit) {
            strbuf_addstr(out, "...");
            break;
        }
        if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c == UTF8_REPLACEMENT && n == 1))
            strbuf_addch(out, '?');
        else
            strbuf_add(out, s + i, n);
        used += n;
        i += n;
    }
}

/* ---- expat callbacks ----------------------------------------------------------------- */

/*
 * Raw bytes of a start tag below which its attributes need no check: a
 * specified attribute takes five bytes at least (' a=""'), so such a tag
 * has fewer than XML_MAX_ATTRS of them, and a raw byte decodes to four
 * bytes of UTF-8 at most (references only shrink; entities are refused),
 * so no value reaches XML_MAX_ATTR. Attributes defaulted by an ATTLIST
 * are not in the tag: a tag with any is checked in full.
 */
#define SMALL_TAG 1024
_Static_assert(SMALL_TAG / 5 < XML_MAX_ATTRS && SMALL_TAG * 4 <= XML_MAX_ATTR,
               "a small tag cannot break an attribute limit");

static int small_tag(struct xml_reader *r, const XML_Char **attrs)
{
    int raw = XML_GetCurrentByteCount(r->parser);
    return raw > 0 && raw <= SMALL_TAG && !attrs[XML_GetSpecifiedAttributeCount(r->parser)];
}

/*
 * The attributes of a start tag with more than one: their number and
 * lengths. Kept out of start_checks, which every tag goes through, so
 * that the callbacks that inline it save fewer registers. Returns -1 when
 * refused.
 */
static __attribute__((noinline)) int check_attrs(struct xml_reader *r, const XML_Char *name,
                                                 const XML_Char **attrs)
{
    for (size_t i = 0; attrs[i] && (i || !small_tag(r, attrs)); i += 2) {
        if (i / 2 >= XML_MAX_ATTRS) {
            refuse(r, "element <%s> has more than %d attributes", name, XML_MAX_ATTRS);
            return -1;
        }
        if (strlen(attrs[i + 1]) > XML_MAX_ATTR) {
            refuse(r, "attribute '%s' of <%s> longer than %u bytes", attrs[i], name, XML_MAX_ATTR);
            return -1;
        }
    }
    return 0;
}

/* What every start tag goes through: the depth and the attributes. Returns -1 when refused. */
static inline int start_checks(struct xml_reader *r, const XML_Char *name, const XML_Char **attrs)
{
    r->text_run = 0;
    r->value_len = (size_t)-1;
    if (++r->depth > XML_MAX_DEPTH) {
        refuse(r, "elements nested deeper than %d", XML_MAX_DEPTH);
        return -1;
    }
    if (!attrs[0])
        return 0;
    if (attrs[2])
        return check_attrs(r, name, attrs);
    /* one attribute (a tuv's language, a prop's type): strlen costs less than small_tag */
    r->value_len = strlen(attrs[1]);
    if (r->value_len <= XML_MAX_ATTR)
        return 0;
    refuse(r, "attribute '%s' of <%s> longer than %u bytes", attrs[0], name, XML_MAX_ATTR);
    return -1;
}

static void XMLCALL on_start(void *data, const XML_Char *name, const XML_Char **attrs)
{
    struct xml_reader *r = data;
    if (r->err->code || start_checks(r, name, attrs))
        return;
    if (r->h->start && r->h->start(r->ctx, name, attrs) && !r->err->code)
        xml_reader_fail(r, "cannot read element '%s'", name);
}

/* The start tag of a table-driven reader: checks, then the element's own function. */
static void XMLCALL on_start_table(void *data, const XML_Char *name, const XML_Char **attrs)
{
    struct xml_reader *r = data;
    const struct xml_table *t = r->t;
    unsigned el = 0;
    int rc = 0;

    if (r->err->code || start_checks(r, name, attrs) || r->skip_depth)
        return;
    if (r->depth == 1) {
        r->open[1] = 0;
        rc = t->root(r->ctx, name, attrs);
    } else {
        r->open[r->depth] = (unsigned char)(el = t->element_of(name));
        if (t->elements[el].start)
            rc = t->elements[el].start(r->ctx, attrs);
    }
    if (rc && !r->err->code)
        xml_reader_fail(r, "cannot read element '%s'", name);
}

static void XMLCALL on_end(void *data, const XML_Char *name)
{
    struct xml_reader *r = data;
    if (r->err->code)
        return;
    r->text_run = 0;
    r->depth--;
    if (r->h->end && r->h->end(r->ctx, name) && !r->err->code)
        xml_reader_fail(r, "cannot read element '%s'", name);
}

static void XMLCALL on_end_table(void *data, const XML_Char *name)
{
    struct xml_reader *r = data;
    int (*end)(void *ctx);

    if (r->err->code)
        return;
    r->text_run = 0;
    if (r->skip_depth) {
        if (r->depth-- != r->skip_depth)
            return; /* inside the element passed over */
        r->skip_depth = 0;
    } else {
        r->depth--;
    }
    end = r->t->elements[r->open[r->depth + 1]].end;
    if (end && end(r->ctx) && !r->err->code)
        xml_reader_fail(r, "cannot read element '%s'", name);
}

size_t xml_reader_value_len(const struct xml_reader *r)
{
    return r->value_len;
}

void xml_reader_skip(struct xml_reader *r)
{
    r->skip_depth = r->depth;
}

static void XMLCALL on_text(void *data, const XML_Char *s, int len)
{
    struct xml_reader *r = data;
    if (r->err->code)
        return;
    r->text_run += (size_t)len;
    if (r->text_run > XML_MAX_TEXT) {
        refuse(r, "text longer than %u bytes", XML_MAX_TEXT);
        return;
    }
    if (r->suspect && !r->text_hangul)
        r->text_hangul = raw_utf8_hangul(s, (size_t)len, 1);
    /* *sink_kept may be past the budget already: the reader counts more than text into it */
    if (r->sink && *r->sink_kept <= r->sink_max && (size_t)len <= r->sink_max - *r->sink_kept) {
        *r->sink_kept += (size_t)len;
        strbuf_add(r->sink, s, (size_t)len);
        return;
    }
    if (r->text && r->text(r->ctx, s, (size_t)len) && !r->err->code)
        xml_reader_fail(r, "cannot read text");
}

/*
 * The text handler while text goes to a sink (xml_reader_text_into). The
 * usual piece, within both limits, of a file that is not suspect, is added
 * here without on_text's other tests (a TMX unit has nine pieces); any
 * other goes to on_text, which decides it as ever.
 */
static void XMLCALL on_text_sink(void *data, const XML_Char *s, int len)
{
    struct xml_reader *r = data;
    size_t n = (size_t)len;
    if (!r->err->code && !r->suspect && r->text_run + n <= XML_MAX_TEXT &&
        *r->sink_kept <= r->sink_max && n <= r->sink_max - *r->sink_kept) {
        r->text_run += n;
        *r->sink_kept += n;
        strbuf_add(r->sink, s, n);
        return;
    }
    on_text(data, s, len);
}

static void XMLCALL on_entity_decl(void *data, const XML_Char *name, int is_param,
                                   const XML_Char *value, int value_len, const XML_Char *base,
                                   const XML_Char *system_id, const XML_Char *public_id,
                                   const XML_Char *notation)
{
    struct xml_reader *r = data;
    (void)value;
    (void)value_len;
    (void)base;
    (void)public_id;
    (void)notation;
    if (system_id) {
        struct strbuf id = STRBUF_INIT;
        xml_printable(&id, system_id, XML_PRINTABLE_MAX);
        refuse(r, "external entity '%s%s' refused (dadeum never fetches '%s')", is_param ? "%" : "",
               name, id.buf);
        strbuf_release(&id);
    } else
        refuse(r, "entity declaration '%s%s' refused (entities are not supported)",
               is_param ? "%" : "", name);
}

static void XMLCALL on_skipped_entity(void *data, const XML_Char *name, int is_param)
{
    refuse(data, "reference to undeclared entity '%s%s'", is_param ? "%" : "", name);
}

/* DTDs that TMX and TBX files name; never read, so naming them is harmless. */
static int known_dtd(const char *sysid)
{
    static const char *const known[] = {"tmx11.dtd",
                                        "tmx12.dtd",
                                        "tmx13.dtd",
                                        "tmx14.dtd",
                                        "TBXcoreStructV02.dtd",
                                        "TBXBasiccoreStructV02.dtd",
                                        "TBXBasicCoreStructV02.dtd",
                                        "TBXcoreStructV03.dtd"};
    const char *base = strrchr(sysid, '/');
    base = base ? base + 1 : sysid;
    for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++)
        if (!strcmp(base, known[i]))
            return 1;
    return 0;
}

static void XMLCALL on_doctype(void *data, const XML_Char *name, const XML_Char *sysid,
                               const XML_Char *pubid, int has_internal_subset)
{
    struct xml_reader *r = data;
    (void)name;
    (void)pubid;
    (void)has_internal_subset;
    /* a URL to an unknown DTD may define entities the document needs: refuse */
    if (sysid && strchr(sysid, ':') && !known_dtd(sysid)) {
        struct strbuf id = STRBUF_INIT;
        xml_printable(&id, sysid, XML_PRINTABLE_MAX);
        refuse(r, "external DTD '%s' refused (dadeum never fetches DTDs)", id.buf);
        strbuf_release(&id);
    }
}

/* ---- parsing ------------------------------------------------------------------------- */

static int XMLCALL charmap_convert(void *data, const char *s)
{
    return text_charmap_convert(data, s);
}

static void XMLCALL charmap_release(void *data)
{
    text_charmap_free(data);
}

/*
 * Expat reads UTF-8, UTF-16, ISO-8859-1 and US-ASCII itself; for any other
 * encoding="..." (EUC-KR and CP949 in Korean TMX files) it asks here, and
 * text/decode.h maps the bytes through iconv, as `extract` decodes them.
 */
static int XMLCALL on_unknown_encoding(void *data, const XML_Char *name, XML_Encoding *info)
{
    struct text_charmap *m = text_charmap_new(name, info->map);
    (void)data;
    if (!m)
        return XML_STATUS_ERROR;
    info->data = m;
    info->convert = charmap_convert;
    info->release = charmap_release;
    return XML_STATUS_OK;
}

/* A reader calling h's functions, or when h is NULL, t's. */
static struct xml_reader *reader_new(const struct xml_handlers *h, const struct xml_table *t,
                                     void *ctx, struct dd_error *err)
{
    struct xml_reader *r = xcalloc(1, sizeof(*r));
    r->h = h;
    r->t = t;
    r->text = h ? h->text : t->text;
    r->warn = h ? h->warn : t->warn;
    r->ctx = ctx;
    r->err = err;
    r->parser = XML_ParserCreate(NULL);
    if (!r->parser)
        die_oom(sizeof(*r));
    XML_SetUserData(r->parser, r);
    if (h)
        XML_SetElementHandler(r->parser, on_start, on_end);
    else
        XML_SetElementHandler(r->parser, on_start_table, on_end_table);
    XML_SetCharacterDataHandler(r->parser, on_text);
    XML_SetEntityDeclHandler(r->parser, on_entity_decl);
    XML_SetSkippedEntityHandler(r->parser, on_skipped_entity);
    XML_SetStartDoctypeDeclHandler(r->parser, on_doctype);
    XML_SetUnknownEncodingHandler(r->parser, on_unknown_encoding, NULL);
    XML_SetXmlDeclHandler(r->parser, on_xml_decl);
    XML_SetParamEntityParsing(r->parser, XML_PARAM_ENTITY_PARSING_NEVER);
    /* a second wall: we refuse entity declarations before any expansion */
    XML_SetBillionLaughsAttackProtectionMaximumAmplification(r->parser, 10.0f);
    XML_SetBillionLaughsAttackProtectionActivationThreshold(r->parser, 1u << 20);
    return r;
}

static void reader_free(struct xml_reader *r)
{
    if (!r)
        return;
    XML_ParserFree(r->parser);
    free(r);
}

/*
 * After fed bytes were parsed: expat holds what follows its last parse event
 * until the token is complete (a start tag with all its attributes, a
 * comment); character data it hands out as it comes. Returns -1 with the
 * error set when that held part is longer than XML_MAX_MARKUP.
 */
static int markup_too_long(struct xml_reader *r, unsigned long long fed)
{
    XML_Index at = XML_GetCurrentByteIndex(r->parser);
    if (at < 0 || fed - (unsigned long long)at <= XML_MAX_MARKUP)
        return 0;
    refuse(r, "markup (a tag, comment or processing instruction) longer than %u bytes",
           XML_MAX_MARKUP);
    return -1;
}

/* After XML_ParseBuffer failed: keeps a callback's error, else expat's. */
static int parse_failed(struct xml_reader *r)
{
    if (!r->err->code) {
        enum XML_Error e = XML_GetErrorCode(r->parser);
        dd_error_set(r->err, DD_EINPUT,
                     e == XML_ERROR_AMPLIFICATION_LIMIT_BREACH ? XML_READ_EREFUSED
                                                               : XML_READ_EMALFORMED,
                     "%s", XML_ErrorString(e));
        set_position(r);
    }
    return -1;
}

/* xml_read_file with h's functions, or when h is NULL, t's. */
static int read_file(const char *path, const struct xml_handlers *h, const struct xml_table *t,
                     void *ctx, struct xml_reader **reader_out, struct dd_error *err)
{
    int is_stdin = !strcmp(path, "-");
    FILE *fp = is_stdin ? stdin : fopen(path, "rb");
    struct xml_reader *r = NULL;
    unsigned long long fed = 0; /* bytes given to expat */
    int ret = 0, first = 1;

    dd_error_clear(err);
    if (!fp) {
        err->sys_errno = errno;
        dd_error_set(err, DD_EINPUT, XML_READ_EOPEN, "%s", strerror(err->sys_errno));
        return -1;
    }
    r = reader_new(h, t, ctx, err);
    if (reader_out)
        *reader_out = r;
    for (;;) {
        void *buf = XML_GetBuffer(r->parser, XML_CHUNK);
        size_t n;
        if (!buf)
            die_oom(XML_CHUNK);
        n = fread(buf, 1, XML_CHUNK, fp);
        if (first) {
            r->raw_hangul = raw_utf8_hangul(buf, n, n == XML_CHUNK);
            first = 0;
        }
        if (ferror(fp)) {
            err->sys_errno = errno;
            dd_error_set(err, DD_EINPUT, XML_READ_EOPEN, "%s", strerror(err->sys_errno));
            ret = -1;
            break;
        }
        fed += n;
        if (XML_ParseBuffer(r->parser, (int)n, n == 0) != XML_STATUS_OK || err->code ||
            markup_too_long(r, fed)) {
            ret = parse_failed(r);
            break;
        }
        if (n == 0)
            break;
    }
    if (!ret)
        warn_mojibake(r);
    if (reader_out)
        *reader_out = NULL;
    reader_free(r);
    if (!is_stdin)
        fclose(fp);
    return ret;
}

int xml_read_file(const char *path, const struct xml_handlers *h, void *ctx,
                  struct xml_reader **reader_out, struct dd_error *err)
{
    return read_file(path, h, NULL, ctx, reader_out, err);
}

int xml_read_file_table(const char *path, const struct xml_table *t, void *ctx,
                        struct xml_reader **reader_out, struct dd_error *err)
{
    return read_file(path, NULL, t, ctx, reader_out, err);
}

int xml_read_buffer(const char *buf, size_t len, const struct xml_handlers *h, void *ctx,
                    struct xml_reader **reader_out, struct dd_error *err)
{
    struct xml_reader *r;
    unsigned long long fed = 0; /* bytes given to expat */
    int ret = 0;

    dd_error_clear(err);
    r = reader_new(h, NULL, ctx, err);
    r->raw_hangul = raw_utf8_hangul(buf, len > XML_CHUNK ? XML_CHUNK : len, len > XML_CHUNK);
    if (reader_out)
        *reader_out = r;
    /* in pieces that fit an int, as XML_Parse wants */
    do {
        size_t n = len > XML_CHUNK ? XML_CHUNK : len;
        fed += n;
        if (XML_Parse(r->parser, buf, (int)n, n == len) != XML_STATUS_OK || err->code ||
            markup_too_long(r, fed)) {
            ret = parse_failed(r);
            break;
        }
        buf += n;
        len -= n;
    } while (len);
    if (!ret)
        warn_mojibake(r);
    if (reader_out)
        *reader_out = NULL;
    reader_free(r);
    return ret;
}

/* ---- writing ------------------------------------------------------------------------- */

/*
 * Length of the XML-legal character at s (1..4), or 0 when it must be
 * dropped, with *n set to the bytes it spans. Assumes len > 0.
 */
static size_t legal_char(const unsigned char *s, size_t len, size_t *n)
{
    uint32_t c;
    if (s[0] < 0x80) {
        *n = 1;
        return s[0] >= 0x20 || s[0] == '\t' || s[0] == '\n' || s[0] == '\r';
    }
    *n = utf8_decode((const char *)s, len, &c);
    if (c == UTF8_REPLACEMENT && *n == 1)
        return 0; /* not UTF-8 */
    /* C1 controls are legal in XML 1.0, only discouraged: they stay */
    if (c == 0xFFFE || c == 0xFFFF || (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    return *n;
}

size_t xml_escape(struct strbuf *out, const char *s, size_t len, int attr)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0, run = 0, removed = 0;

    while (i < len) {
        unsigned char b = p[i];
        const char *rep = NULL;
        size_t n;
        switch (b) {
        case '&':
            rep = "&amp;";
            break;
        case '<':
            rep = "&lt;";
            break;
        case '>':
            rep = "&gt;";
            break;
        case '"':
            rep = attr ? "&quot;" : NULL;
            break;
        case '\t':
            rep = attr ? "&#9;" : NULL;
            break;
        case '\n':
            rep = attr ? "&#10;" : NULL;
            break;
        case '\r':
            rep = "&#13;"; /* a literal CR would become LF on reading (§2.11) */
            break;
        case 0x7F:
            rep = "&#x7F;"; /* DEL and C1 (below): legal, but a terminal acts on them */
            break;
        case 0xC2:
            if (i + 1 < len && p[i + 1] >= 0x80 && p[i + 1] <= 0x9F) {
                strbuf_add(out, s + run, i - run);
                strbuf_addf(out, "&#x%X;", (unsigned)p[i + 1]);
                run = i += 2;
                continue;
            }
            break;
        default:
            break;
        }
        if (rep) {
            strbuf_add(out, s + run, i - run);
            strbuf_addstr(out, rep);
            run = ++i;
            continue;
        }
        if (b >= 0x20 && b < 0x80) {
            i++;
            continue;
        }
        if (legal_char(p + i, len - i, &n)) {
            i += n;
            continue;
        }
        strbuf_add(out, s + run, i - run);
        removed++;
        run = i += n;
    }
    strbuf_add(out, s + run, i - run);
    return removed;
}

/*
 * The length of s when it goes into XML as it is, text or attribute: valid
 * UTF-8 without controls, specials or U+FFFE/U+FFFF (the usual case).
 * Else (size_t)-1: it needs xml_escape.
 */
static size_t plain_length(const char *s)
{
    const char *p = s;
    size_t len;

    for (; *p; p++) {
        unsigned char b = (unsigned char)*p;
        if (b < 0x20 || b >= 0x7F || b == '&' || b == '<' || b == '>' || b == '"')
            break;
    }
    if (!*p)
        return (size_t)(p - s); /* ASCII only */
    len = (size_t)(p - s) + strlen(p);
    if (utf8_valid_prefix(s, len) != len)
        return (size_t)-1;
    for (; *p; p++) {
        unsigned char b = (unsigned char)*p;
        if (b < 0x20 || b == '&' || b == '<' || b == '>' || b == '"' || b == 0xEF || b == 0x7F ||
            b == 0xC2)
            return (size_t)-1;
    }
    return len;
}

void xml_add_escaped(struct strbuf *out, const char *s, int attr)
{
    size_t len = plain_length(s);
    if (len != (size_t)-1)
        strbuf_add(out, s, len);
    else
        xml_escape(out, s, strlen(s), attr);
}

void xml_write_escaped(FILE *fp, const char *s, int attr)
{
    size_t len = plain_length(s);
    if (len != (size_t)-1) {
        fwrite(s, 1, len, fp);
    } else {
        struct strbuf sb = STRBUF_INIT;
        xml_escape(&sb, s, strlen(s), attr);
        fwrite(sb.buf, 1, sb.len, fp);
        strbuf_release(&sb);
    }
}
