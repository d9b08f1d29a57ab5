/*
 * tmx_read.c - reading TMX (1.1 to 1.4b) into concepts, streaming.
 *
 * Per <tu>: the Korean <tuv> (the one whose language is the source
 * language's, "ko"), and the target <tuv> (the target language's, "en");
 * when a unit has two Korean <tuv>, it is a Korean-only style unit
 * (loanword -> plain Korean, tmx_write.c --target loanword). Text inside
 * <bpt>, <ept>, <ph>, <it> and <ut> is native code and is dropped; <hi> text
 * is kept. dadeum's own properties (x-concept-id, x-kind, x-status,
 * x-abbreviation, x-loanword, x-english, x-native, x-shortform) and notes ("source: ", "example: ",
 * else the reviewer's note) are read back; consecutive units with the same x-concept-id (or,
 * without one, the same Korean text) form one concept.
 *
 * Tolerated, with one warning per kind and file: xml:lang in any case
 * ("KO", "EN-us"), POSIX tags ("ko_KR", read as ko-KR), the TMX 1.1 `lang`
 * attribute, srclang="*all*". A unit without a Korean side is skipped with
 * a warning. Anything not well-formed stops the read (io/xml.h).
 */
#include <stdlib.h>
#include <string.h>

#include "io/exchange.h"
#include "io/lang.h"
#include "io/xml.h"
#include "util/strmap.h"
#include "util/xmalloc.h"
#include "util/banned.h"

struct tuv {
    struct strbuf lang; /* canonical tag */
    struct strbuf seg;  /* text */
};

struct tmx_reader {
    struct xml_reader *xr;               /* for positions and errors */
    const struct exchange_reader *rd;    /* where concepts go */
    int depth;                           /* open elements */
    int root_ok;                         /* <tmx> seen */
    int in_tu, in_seg, in_prop, in_note; /* where we are */
    int skip;                            /* depth inside native-code elements, 0 outside */
    struct strbuf text;                  /* prop or note text */
    struct strbuf prop_type;             /* type of the open prop */
    struct tuv *tuvs;                    /* the unit's variants */
    size_t ntuv, atuv;                   /* used, allocated */
    struct exchange_concept tu;          /* the unit's props and notes */
    const char *tu_id;                   /* its x-concept-id, in tu */
    struct exchange_concept cur;         /* the concept being gathered */
    struct strbuf key;                   /* its id or Korean text; "" when empty */
    struct strmap warned;                /* warnings given */
    int stopped;                         /* the callback said stop */
    struct strbuf lang_seen[2];          /* tags last found canonical */
    int lang_next;                       /* which of lang_seen to replace next */
};

static void warn(struct tmx_reader *r, const char *msg)
{
    unsigned long line, col;
    xml_reader_get_position(r->xr, &line, &col);
    exchange_warn_once(r->rd, &r->warned, line, col, msg);
}

/* Canonical form of a language attribute into out, warning about repairs. */
static void read_lang(struct tmx_reader *r, const char *tag, struct strbuf *out)
{
    struct strbuf msg = STRBUF_INIT, shown = STRBUF_INIT;
    /* nearly every tuv repeats one of two tags: remember the last canonical ones */
    for (int i = 0; i < 2; i++)
        if (r->lang_seen[i].len && !strcmp(tag, r->lang_seen[i].buf)) {
            strbuf_addstr(out, tag);
            return;
        }
    switch (lang_normalize(tag, out)) {
    case LANG_CANONICAL:
        strbuf_reset(&r->lang_seen[r->lang_next]);
        strbuf_addstr(&r->lang_seen[r->lang_next], tag);
        r->lang_next ^= 1;
        break;
    case LANG_REPAIRED:
        xml_printable(&shown, tag, XML_PRINTABLE_MAX);
        strbuf_addf(&msg, "language tag '%s' read as '%s' (BCP 47 separates with '-')", shown.buf,
                    out->buf);
        break;
    case LANG_INVALID:
        xml_printable(&shown, tag, XML_PRINTABLE_MAX);
        strbuf_addf(&msg, "'%s' is not a BCP 47 language tag", shown.buf);
        break;
    default:
        break;
    }
    if (msg.len)
        warn(r, msg.buf);
    strbuf_release(&msg);
    strbuf_release(&shown);
}

static const char *lang_attr(struct tmx_reader *r, const char **attrs)
{
    const char *l = xml_attr(attrs, "xml:lang");
    if (!l && (l = xml_attr(attrs, "lang")))
        warn(r, "deprecated 'lang' attribute (TMX 1.1) read as xml:lang");
    return l;
}

static int is_native_code(const char *name)
{
    return !strcmp(name, "bpt") || !strcmp(name, "ept") || !strcmp(name, "ph") ||
           !strcmp(name, "it") || !strcmp(name, "ut");
}

static int flush(struct tmx_reader *r)
{
    int ret = 0;
    if (!r->key.len)
        return 0;
    exchange_concept_finish(&r->cur);
    if (r->cur.c.nforms && r->rd->concept(r->rd->ctx, &r->cur.c)) {
        r->stopped = 1;
        ret = -1;
    }
    exchange_concept_reset(&r->cur);
    strbuf_reset(&r->key);
    return ret;
}

static int on_start(void *ctx, const char *name, const char **attrs)
{
    struct tmx_reader *r = ctx;

    if (!r->depth++) {
        if (strcmp(name, "tmx")) {
            xml_reader_fail(r->xr, "not a TMX file: the root element is <%s>, not <tmx>", name);
            return -1;
        }
        r->root_ok = 1;
        xml_reader_want_text(r->xr, 0); /* only inside seg, prop and note */
        return 0;
    }
    if (r->skip) {
        r->skip++;
        return 0;
    }
    if (r->in_seg) {
        if (is_native_code(name))
            r->skip = 1;
        return 0;
    }
    if (!strcmp(name, "tu")) {
        r->in_tu = 1;
        r->ntuv = 0;
        exchange_concept_reset(&r->tu);
        r->tu_id = NULL;
    } else if (!strcmp(name, "tuv") && r->in_tu) {
        const char *l = lang_attr(r, attrs);
        size_t old = r->atuv;
        ALLOC_GROW(r->tuvs, r->ntuv + 1, r->atuv);
        for (size_t i = old; i < r->atuv; i++) {
            strbuf_init(&r->tuvs[i].lang, 0);
            strbuf_init(&r->tuvs[i].seg, 0);
        }
        strbuf_reset(&r->tuvs[r->ntuv].lang);
        strbuf_reset(&r->tuvs[r->ntuv].seg);
        if (l)
            read_lang(r, l, &r->tuvs[r->ntuv].lang);
        r->ntuv++;
    } else if (!strcmp(name, "seg") && r->ntuv) {
        r->in_seg = 1;
        xml_reader_want_text(r->xr, 1);
    } else if (!strcmp(name, "prop")) {
        const char *t = xml_attr(attrs, "type");
        r->in_prop = 1;
        xml_reader_want_text(r->xr, 1);
        strbuf_reset(&r->text);
        strbuf_reset(&r->prop_type);
        strbuf_addstr(&r->prop_type, t ? t : "");
    } else if (!strcmp(name, "note")) {
        r->in_note = 1;
        xml_reader_want_text(r->xr, 1);
        strbuf_reset(&r->text);
    } else if (!strcmp(name, "header")) {
        const char *s = xml_attr(attrs, "srclang");
        if (s) {
            struct strbuf tag = STRBUF_INIT;
            read_lang(r, s, &tag);
            strbuf_release(&tag);
        }
    }
    return 0;
}

static int on_text(void *ctx, const char *s, size_t len)
{
    struct tmx_reader *r = ctx;
    if (r->skip)
        return 0;
    if (r->in_seg)
        strbuf_add(&r->tuvs[r->ntuv - 1].seg, s, len);
    else if (r->in_prop || r->in_note)
        strbuf_add(&r->text, s, len);
    return 0;
}

static void end_prop(struct tmx_reader *r)
{
    struct exchange_concept *e = &r->tu;
    const char *t = r->prop_type.buf;
    strbuf_trim(&r->text);
    if (!strcmp(t, "x-concept-id")) {
        if (exchange_id_given(r->text.buf))
            r->tu_id = exchange_concept_strdup(e, r->text.buf, r->text.len);
    }
    else if (!strcmp(t, "x-kind"))
        e->c.kind = exchange_concept_strdup(e, r->text.buf, r->text.len);
    else if (!strcmp(t, "x-status") && termbase_review_parse(r->text.buf) >= 0)
        e->c.status = (enum termbase_review)termbase_review_parse(r->text.buf);
    else if (!strcmp(t, "x-abbreviation"))
        exchange_concept_add_form(e, TERMBASE_FORM_ABBREV, r->text.buf, r->text.len);
    else if (!strcmp(t, "x-loanword"))
        exchange_concept_add_form(e, TERMBASE_FORM_LOANWORD, r->text.buf, r->text.len);
    else if (!strcmp(t, "x-english"))
        exchange_concept_add_form(e, TERMBASE_FORM_ENGLISH, r->text.buf, r->text.len);
    else if (!strcmp(t, "x-native"))
        exchange_concept_add_form(e, TERMBASE_FORM_NATIVE, r->text.buf, r->text.len);
    else if (!strcmp(t, "x-shortform"))
        exchange_concept_add_form(e, TERMBASE_FORM_SHORT, r->text.buf, r->text.len);
}

static void end_note(struct tmx_reader *r)
{
    struct exchange_concept *e = &r->tu;
    const char *s = r->text.buf;
    if (!strncmp(s, "source: ", 8)) {
        const char *colon = strrchr(s + 8, ':');
        if (colon && colon[1] && strspn(colon + 1, "0123456789") == strlen(colon + 1)) {
            e->c.example_path = exchange_concept_strdup(e, s + 8, (size_t)(colon - s - 8));
            e->c.example_line = strtoul(colon + 1, NULL, 10);
        } else {
            e->c.example_path = exchange_concept_strdup(e, s + 8, strlen(s + 8));
        }
    } else if (!strncmp(s, "example: ", 9)) {
        e->c.example = exchange_concept_strdup(e, s + 9, strlen(s + 9));
    } else if (!e->c.note && r->text.len) {
        e->c.note = exchange_concept_strdup(e, s, r->text.len);
    }
}

/* Puts the finished unit into the current concept. */
static int end_tu(struct tmx_reader *r)
{
    const struct tuv *src = NULL, *tgt = NULL;
    struct exchange_concept *e = &r->cur, *tu = &r->tu;
    enum termbase_form_type type = TERMBASE_FORM_ENGLISH;
    const char *key;
    int ko_only = 0;

    for (size_t i = 0; i < r->ntuv; i++) {
        const struct tuv *v = &r->tuvs[i];
        if (!src && lang_same_language(v->lang.buf, r->rd->opt.source_lang))
            src = v;
        else if (!tgt && lang_same_language(v->lang.buf, r->rd->opt.target_lang))
            tgt = v;
    }
    if (!tgt) {
        /* two Korean variants: loanword -> plain Korean */
        for (size_t i = 0; i < r->ntuv && src; i++)
            if (&r->tuvs[i] != src && lang_same_language(r->tuvs[i].lang.buf, src->lang.buf)) {
                tgt = &r->tuvs[i];
                ko_only = 1;
                break;
            }
    }
    if (!src || !src->seg.len) {
        warn(r, "a <tu> without a Korean <tuv> was skipped");
        return 0;
    }
    key = r->tu_id ? r->tu_id : ko_only && tgt ? tgt->seg.buf : src->seg.buf;
    if (strcmp(key, r->key.buf) && flush(r))
        return -1;
    if (!r->key.len)
        strbuf_addstr(&r->key, key);
    if (ko_only) {
        exchange_concept_add_form(e, TERMBASE_FORM_KO, tgt->seg.buf, tgt->seg.len);
        exchange_concept_add_form(e, TERMBASE_FORM_LOANWORD, src->seg.buf, src->seg.len);
    } else {
        exchange_concept_add_form(e, TERMBASE_FORM_KO, src->seg.buf, src->seg.len);
    }
    if (tgt && !ko_only && tgt->seg.len) {
        int is_abbr = 0;
        for (size_t i = 0; i < tu->c.nforms; i++)
            if (tu->c.forms[i].type == TERMBASE_FORM_ABBREV) {
                struct strbuf t = STRBUF_INIT;
                strbuf_addbuf(&t, &tgt->seg);
                strbuf_trim(&t);
                is_abbr |= !strcmp(t.buf, tu->c.forms[i].text);
                strbuf_release(&t);
            }
        if (is_abbr)
            type = TERMBASE_FORM_ABBREV;
        else if (!r->tu_id && exchange_guess_type(tgt->seg.buf) == TERMBASE_FORM_ABBREV)
            type = TERMBASE_FORM_ABBREV;
        exchange_concept_add_form(e, type, tgt->seg.buf, tgt->seg.len);
    }
    for (size_t i = 0; i < tu->c.nforms; i++)
        exchange_concept_add_form(e, tu->c.forms[i].type, tu->c.forms[i].text,
                                  strlen(tu->c.forms[i].text));
    if (r->tu_id && !e->c.id)
        e->c.id = strtoll(r->tu_id, NULL, 10);
    if (tu->c.kind && !e->c.kind)
        e->c.kind = exchange_concept_strdup(e, tu->c.kind, strlen(tu->c.kind));
    if (tu->c.status != TERMBASE_CANDIDATE)
        e->c.status = tu->c.status;
    if (tu->c.note && !e->c.note)
        e->c.note = exchange_concept_strdup(e, tu->c.note, strlen(tu->c.note));
    if (tu->c.example && !e->c.example)
        e->c.example = exchange_concept_strdup(e, tu->c.example, strlen(tu->c.example));
    if (tu->c.example_path && !e->c.example_path) {
        e->c.example_path =
            exchange_concept_strdup(e, tu->c.example_path, strlen(tu->c.example_path));
        e->c.example_line = tu->c.example_line;
    }
    return 0;
}

static int on_end(void *ctx, const char *name)
{
    struct tmx_reader *r = ctx;
    r->depth--;
    if (r->skip) {
        r->skip--;
        return 0;
    }
    if (r->in_seg) {
        if (!strcmp(name, "seg")) {
            r->in_seg = 0;
            xml_reader_want_text(r->xr, 0);
        }
        return 0;
    }
    if (!strcmp(name, "prop") && r->in_prop) {
        r->in_prop = 0;
        xml_reader_want_text(r->xr, 0);
        if (r->in_tu)
            end_prop(r);
    } else if (!strcmp(name, "note") && r->in_note) {
        r->in_note = 0;
        xml_reader_want_text(r->xr, 0);
        if (r->in_tu)
            end_note(r);
    } else if (!strcmp(name, "tu") && r->in_tu) {
        r->in_tu = 0;
        if (end_tu(r))
            return -1;
    }
    return 0;
}

int tmx_read(const char *path, const struct exchange_reader *rd, struct exchange_error *err)
{
    static const struct xml_handlers h = {on_start, on_end, on_text};
    struct tmx_reader r;
    struct xml_error xe;
    int ret;

    memset(&r, 0, sizeof(r));
    memset(err, 0, sizeof(*err));
    r.rd = rd;
    strbuf_init(&r.text, 64);
    strbuf_init(&r.prop_type, 16);
    strbuf_init(&r.key, 64);
    exchange_concept_reset(&r.tu);
    exchange_concept_reset(&r.cur);
    ret = xml_read_file(path, &h, &r, &r.xr, &xe);
    if (!ret && !r.root_ok) {
        xe.code = XML_READ_EINPUT;
        snprintf(xe.message, sizeof(xe.message), "not a TMX file");
        ret = -1;
    }
    if (!ret)
        ret = flush(&r);
    if (ret)
        exchange_error_from_xml(err, &xe, r.stopped);
    for (size_t i = 0; i < r.atuv; i++) {
        strbuf_release(&r.tuvs[i].lang);
        strbuf_release(&r.tuvs[i].seg);
    }
    free(r.tuvs);
    strbuf_release(&r.text);
    strbuf_release(&r.prop_type);
    strbuf_release(&r.key);
    exchange_concept_release(&r.tu);
    exchange_concept_release(&r.cur);
    strmap_release(&r.warned, NULL);
    strbuf_release(&r.lang_seen[0]);
    strbuf_release(&r.lang_seen[1]);
    return ret ? -1 : 0;
}
