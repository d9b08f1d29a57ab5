/*
 * tmx_read.c - reading TMX (1.1 to 1.4b) into concepts, streaming.
 *
 * Per <tu>: the Korean <tuv> (the one whose language is the source
 * language's, "ko"), and the target <tuv> (the target language's, "en");
 * when a unit has two Korean <tuv>, it is a Korean-only style unit
 * (loanword -> plain Korean, tmx_write.c --target loanword). Text inside
 * <bpt>, <ept>, <ph>, <it> and <ut> is native code and is dropped; <hi> text
 * is kept. dadeum's own properties (x-concept-id, x-kind, x-status,
 * x-abbreviation, x-loanword, x-english, x-native, x-shortform) and notes are read back;
 * consecutive units with the same x-concept-id (or, without one, the same Korean text) form
 * one concept.
 *
 * Rows: a consumer that takes rows (struct exchange_reader's row: convert
 * to TSV) gets a concept of one unit, one Korean and one target form and
 * nothing a row lacks as an exchange_row, without the concept being built
 * (unit_row). Such a unit waits until the next unit with a Korean side
 * tells whether its concept goes on; if it does, both take the usual way.
 *
 * Notes: the last "source: " and "example: " notes of a unit are the
 * example's place and line (tmx_write.c writes them after the others);
 * every other note is kept, in order, joined by line feeds into the
 * concept's note, which tmx_write.c writes back as one <note> per line. A
 * note the concept has from an earlier unit is not added again.
 *
 * Languages: each side's tag is handed out with the concept (struct
 * exchange_langs), so `convert` writes en-GB back as en-GB.
 *
 * Tolerated, with one warning per kind and file: xml:lang in any case
 * ("KO", "EN-us"), POSIX tags ("ko_KR", read as ko-KR), the TMX 1.1 `lang`
 * attribute, srclang="*all*". Units without a Korean side are skipped and
 * counted: one warning at the end names their languages, and a file of
 * nothing else is an input error (struct exchange_skipped). Anything not
 * well-formed stops the read (xml/xml.h).
 *
 * Memory: a unit (two, when one waits as a row) keeps the text of its Korean and target variants,
 * props and notes, at most EXCHANGE_MAX_UNIT bytes (and so does a concept gathered from several
 * units), else the read stops with an input error; variants of other languages keep no text, and
 * only the first few keep a slot (for the languages of a skipped unit's warning), so a unit of a
 * million languages is read in constant memory.
 */
#include <stdlib.h>
#include <string.h>

#include "io/exchange.h"
#include "io/lang.h"
#include "xml/xml.h"
#include "util/strmap.h"
#include "util/utf8.h"
#include "util/xmalloc.h"
#include "util/banned.h"

/* Which side of the pair a language tag is on (both when the two share a language). */
enum side { SIDE_SOURCE = 1, SIDE_TARGET = 2 };

/* Variants of other languages that get a slot of their own (exchange_skipped_lang lists 9). */
#define OTHER_TUVS 9

struct tuv {
    unsigned side;        /* enum side bits of its xml:lang, 0 for another language */
    struct strbuf seg;    /* text; always empty for another language */
    struct strbuf lang;   /* its canonical tag; "" when none or not BCP 47 */
    int exact;            /* lang is the attribute as written (so read_lang gave no warning):
                             the variant in this slot of the next unit, which mostly repeats
                             it, takes side and lang from here (tuv_begin) */
    unsigned long tag_id; /* names lang's bytes: variants with one id have one tag (read_lang) */
};

/* dadeum's own properties, which it reads back. */
enum prop {
    PROP_OTHER,
    PROP_ID,         /* x-concept-id */
    PROP_KIND,       /* x-kind */
    PROP_STATUS,     /* x-status */
    PROP_CONFIDENCE, /* x-dadeum-confidence */
    PROP_FORM        /* x-abbreviation, x-loanword, ...: a form of prop_form's type */
};

/*
 * What one <tu> gathers until it ends. The reader has two: a unit that is
 * a row (struct exchange_row) waits in one while the next unit, read into
 * the other, tells whether the concept goes on (tmx_reader.pending).
 */
struct unit {
    struct tuv *tuvs;                    /* the unit's variants */
    size_t ntuv, atuv;                   /* used, allocated */
    size_t nother;                       /* the unit's variants of other languages */
    struct exchange_concept tu;          /* the unit's form props, status and confidence */
    const char *tu_id;                   /* its x-concept-id (tu_idbuf.buf), or NULL */
    int id_plain;                        /* tu_id is digits as a row has them (plain_id) */
    struct strbuf tu_idbuf;              /* the last x-concept-id given, controls made spaces */
    struct strbuf tu_kind;               /* its x-kind, likewise; has_kind: there is one */
    int has_kind;                        /* an x-kind was given */
    struct strbuf tu_notes;              /* its other notes, '\n'-separated */
    struct strbuf tu_source, tu_example; /* its last "source: "/"example: " note, prefix and all */
};

struct tmx_reader {
    struct xml_reader *xr;            /* for positions and errors */
    const struct exchange_reader *rd; /* where concepts go */
    int root_ok;                      /* <tmx> seen */
    int in_tu, in_tuv, in_seg;        /* where we are */
    int in_prop, in_note;             /* (a seg counts only inside a tuv) */
    int skip;                         /* inside a native-code element of a seg (xml_reader_skip) */
    struct strbuf text;               /* prop or note text */
    enum prop prop;                   /* what the open prop is */
    enum model_form_type prop_form;   /* for PROP_FORM */
    size_t unit_bytes;                /* text the unit (or header) keeps: EXCHANGE_MAX_UNIT */
    struct unit units[2];             /* the unit being read, and one that may wait */
    struct unit *u;                   /* the unit being read (in units) */
    /*
     * A unit read that is a concept of one row (unit_row), not handed out
     * yet: the next unit with a Korean side may go on with its concept,
     * which then takes the usual way. NULL when none waits; else the
     * concept being gathered (cur) is empty.
     */
    struct unit *pending;
    const char *pending_key;                     /* its id or Korean text */
    size_t pending_key_len;                      /* its bytes */
    const struct tuv *pending_src, *pending_tgt; /* its variants */
    struct exchange_row row;                     /* its row */
    struct exchange_concept cur;                 /* the concept being gathered */
    struct strbuf key;                           /* its id or Korean text; "" when empty */
    struct strbuf notes;                         /* its notes, '\n'-separated */
    struct strbuf cur_lang[2];                   /* its source and target tags (first unit's) */
    int has_example, has_source;                 /* rd->omit: it has them, though none is kept */
    /*
     * A unit has gone into cur since it was last handed out. Mostly the
     * same as a key, but a unit whose key is empty (a Korean-only unit with
     * an empty second variant) leaves what it gave for the next unit to go
     * on with, whatever that one's key: flush hands out nothing without a
     * key.
     */
    int gathering;
    struct strbuf canon;             /* scratch: a tuv's canonical tag */
    struct exchange_skipped skipped; /* units without a Korean side */
    struct strmap warned;            /* warnings given */
    int stopped;                     /* the callback said stop */
    struct strbuf lang_seen[2];      /* tags last read without a warning */
    struct strbuf canon_seen[2];     /* their canonical forms */
    unsigned side_seen[2];           /* their enum side bits */
    unsigned long id_seen[2];        /* the tag ids (struct tuv) of canon_seen */
    unsigned long tag_ids;           /* the last tag id given; 0 names the empty tag */
    int lang_next;                   /* which of lang_seen to replace next */
    unsigned long langs_id[2];       /* the tag ids rd->langs holds, or TAG_UNKNOWN */
};

/* In langs_id: rd->langs holds tags of no known id (at the start, after flush). */
#define TAG_UNKNOWN ((unsigned long)-1)

/*
 * strcmp(a, b) == 0. A byte loop here cost seven instructions a byte;
 * glibc's strcmp compares a word at a time, which is less from about five
 * bytes on, the length of the language tags and ids a unit compares.
 */
static int str_eq(const char *a, const char *b)
{
    return !strcmp(a, b);
}

/* Exchanges the contents of a and b: a copy the reader needs not make. */
static void swap_bufs(struct strbuf *a, struct strbuf *b)
{
    struct strbuf t = *a;
    *a = *b;
    *b = t;
}

static void warn(struct tmx_reader *r, const char *msg)
{
    unsigned long line, col;
    xml_reader_get_position(r->xr, &line, &col);
    exchange_warn_once(r->rd, &r->warned, line, col, msg);
}

/*
 * Which side a language attribute is on (enum side bits), warning about
 * repairs: the tag is read in its canonical form, which goes to canon_out
 * (may be NULL; left empty for a tag that is not BCP 47), and *id_out
 * (may be NULL) names those bytes: one id, one tag. Tags of the two
 * remembered ones keep their ids; any other gets a new one.
 */
static unsigned read_lang(struct tmx_reader *r, const char *tag, struct strbuf *canon_out,
                          unsigned long *id_out)
{
    struct strbuf canon = STRBUF_INIT, msg = STRBUF_INIT, shown = STRBUF_INIT;
    const struct exchange_options *opt = &r->rd->opt;
    enum lang_result res;
    unsigned side;

    /* nearly every tuv repeats one of two tags: remember the last two that needed no warning */
    for (int i = 0; i < 2; i++)
        if (r->lang_seen[i].len && str_eq(tag, r->lang_seen[i].buf)) {
            if (canon_out)
                strbuf_addbuf(canon_out, &r->canon_seen[i]);
            if (id_out)
                *id_out = r->id_seen[i];
            return r->side_seen[i];
        }
    switch (res = lang_normalize(tag, &canon)) {
    case LANG_CANONICAL:
        break;
    case LANG_REPAIRED:
        xml_printable(&shown, tag, XML_PRINTABLE_MAX);
        strbuf_addf(&msg, "language tag '%s' read as '%s' (BCP 47 separates with '-')", shown.buf,
                    canon.buf);
        break;
    case LANG_INVALID:
        xml_printable(&shown, tag, XML_PRINTABLE_MAX);
        strbuf_addf(&msg, "'%s' is not a BCP 47 language tag", shown.buf);
        break;
    default:
        break;
    }
    side = (lang_same_language(canon.buf, opt->source_lang) ? SIDE_SOURCE : 0) |
           (lang_same_language(canon.buf, opt->target_lang) ? SIDE_TARGET : 0);
    if (canon_out && res != LANG_INVALID)
        strbuf_addbuf(canon_out, &canon);
    if (!msg.len) {
        strbuf_reset(&r->lang_seen[r->lang_next]);
        strbuf_addstr(&r->lang_seen[r->lang_next], tag);
        strbuf_reset(&r->canon_seen[r->lang_next]);
        strbuf_addbuf(&r->canon_seen[r->lang_next], &canon);
        r->side_seen[r->lang_next] = side;
        r->id_seen[r->lang_next] = ++r->tag_ids;
        r->lang_next ^= 1;
    } else {
        warn(r, msg.buf);
        ++r->tag_ids; /* a tag not remembered: an id of its own */
    }
    if (id_out)
        *id_out = r->tag_ids;
    strbuf_release(&canon);
    strbuf_release(&msg);
    strbuf_release(&shown);
    return side;
}

/*
 * xml_attr, here where it can be inlined: a unit asks for three
 * attributes, and the call with its loop over the names cost more than
 * the comparison.
 */
static inline const char *attr_of(const char **attrs, const char *name)
{
    /* glibc's strcmp takes a word at a time: cheaper than a byte loop for "xml:lang" */
    for (; *attrs; attrs += 2)
        if (**attrs == *name && !strcmp(*attrs, name))
            return attrs[1];
    return NULL;
}

/*
 * attr_of(attrs, "type") for a <prop>, which has that attribute alone:
 * its name told by five bytes, which cost less than the strcmp call.
 */
static const char *prop_type(const char **attrs)
{
    const char *n = attrs[0];
    if (n && !attrs[2] && n[0] == 't' && n[1] == 'y' && n[2] == 'p' && n[3] == 'e' && !n[4])
        return attrs[1];
    return attr_of(attrs, "type");
}

/* 1 when name is "xml:lang", told by its bytes: less than the strcmp call. */
static int is_xml_lang(const char *n)
{
    return n[0] == 'x' && n[1] == 'm' && n[2] == 'l' && n[3] == ':' && n[4] == 'l' && n[5] == 'a' &&
           n[6] == 'n' && n[7] == 'g' && !n[8];
}

static const char *lang_attr(struct tmx_reader *r, const char **attrs)
{
    /* a <tuv> mostly has xml:lang alone */
    const char *l =
        attrs[0] && !attrs[2] && is_xml_lang(attrs[0]) ? attrs[1] : attr_of(attrs, "xml:lang");
    if (!l && (l = attr_of(attrs, "lang")))
        warn(r, "deprecated 'lang' attribute (TMX 1.1) read as xml:lang");
    return l;
}

/* The elements the reader acts on (indexes into elements[]); every other one is passed over. */
enum element {
    EL_OTHER,
    EL_HEADER,
    EL_TU,
    EL_TUV,
    EL_SEG,
    EL_PROP,
    EL_NOTE,
    EL_NATIVE /* bpt, ept, ph, it, ut: native code, whose text is dropped */
};

/*
 * Which element name is (xml.c keeps it for the end tag). Every start tag
 * passes here, so it compares bytes rather than calling strcmp down a list
 * of names.
 */
static unsigned element_of(const char *n)
{
    switch (n[0]) {
    case 't': /* tu, tuv */
        if (n[1] != 'u')
            return EL_OTHER;
        return !n[2] ? EL_TU : n[2] == 'v' && !n[3] ? EL_TUV : EL_OTHER;
    case 's':
        return n[1] == 'e' && n[2] == 'g' && !n[3] ? EL_SEG : EL_OTHER;
    case 'p': /* prop, ph */
        if (n[1] == 'h')
            return !n[2] ? EL_NATIVE : EL_OTHER;
        return n[1] == 'r' && n[2] == 'o' && n[3] == 'p' && !n[4] ? EL_PROP : EL_OTHER;
    case 'n':
        return n[1] == 'o' && n[2] == 't' && n[3] == 'e' && !n[4] ? EL_NOTE : EL_OTHER;
    case 'h':
        return !strcmp(n + 1, "eader") ? EL_HEADER : EL_OTHER;
    case 'b': /* bpt, ept */
    case 'e':
        return n[1] == 'p' && n[2] == 't' && !n[3] ? EL_NATIVE : EL_OTHER;
    case 'i': /* it, ut */
    case 'u':
        return n[1] == 't' && !n[2] ? EL_NATIVE : EL_OTHER;
    default:
        return EL_OTHER;
    }
}

/*
 * s, of len bytes, is the literal lit. Inlined with a literal, strlen is a
 * constant and memcmp a few loads, not a call; and memcmp reads no byte of
 * s past its len bytes, since it runs only when len is the literal's.
 */
static inline int equals(const char *s, size_t len, const char *lit)
{
    size_t n = strlen(lit);
    return len == n && !memcmp(s, lit, n);
}

/* PROP_FORM with *form set to type when s (len bytes) is name, else PROP_OTHER. */
static enum prop form_prop(const char *s, size_t len, const char *name, enum model_form_type type,
                           enum model_form_type *form)
{
    if (!equals(s, len, name))
        return PROP_OTHER;
    *form = type;
    return PROP_FORM;
}

/*
 * What a <prop type="..."> is, type having len bytes; *form gets the form
 * type of PROP_FORM. By the letter after "x-", then one comparison of
 * known length: three props a unit.
 */
static enum prop prop_of(const char *type, size_t len, enum model_form_type *form)
{
    if (!type || type[0] != 'x' || type[1] != '-')
        return PROP_OTHER;
    switch (type[2]) {
    case 'c':
        return equals(type, len, "x-concept-id") ? PROP_ID : PROP_OTHER;
    case 'k':
        return equals(type, len, "x-kind") ? PROP_KIND : PROP_OTHER;
    case 's':
        return equals(type, len, "x-status")
                   ? PROP_STATUS
                   : form_prop(type, len, "x-shortform", MODEL_FORM_SHORT, form);
    case 'd':
        return equals(type, len, "x-dadeum-confidence") ? PROP_CONFIDENCE : PROP_OTHER;
    case 'a':
        return form_prop(type, len, "x-abbreviation", MODEL_FORM_ABBREV, form);
    case 'l':
        return form_prop(type, len, "x-loanword", MODEL_FORM_LOANWORD, form);
    case 'e':
        return form_prop(type, len, "x-english", MODEL_FORM_ENGLISH, form);
    case 'n':
        return form_prop(type, len, "x-native", MODEL_FORM_NATIVE, form);
    default:
        return PROP_OTHER;
    }
}

static int flush(struct tmx_reader *r)
{
    struct exchange_langs *langs = r->rd->langs;
    int ret = 0;
    if (!r->key.len)
        return 0;
    exchange_concept_finish(&r->cur);
    if (r->notes.len)
        r->cur.c.note = exchange_concept_strdup(&r->cur, r->notes.buf, r->notes.len);
    if (r->cur.c.nforms) {
        /* swapped, not copied; only for a concept handed out, so that the buffers a
           callback last saw stay the caller's */
        if (langs) {
            swap_bufs(&langs->source, &r->cur_lang[0]);
            swap_bufs(&langs->target, &r->cur_lang[1]);
            r->langs_id[0] = r->langs_id[1] = TAG_UNKNOWN;
        }
        r->skipped.concepts++;
        if (r->rd->concept(r->rd->ctx, &r->cur.c)) {
            r->stopped = 1;
            ret = -1;
        }
    }
    exchange_concept_reset(&r->cur);
    r->gathering = 0;
    strbuf_reset(&r->key);
    strbuf_reset(&r->notes);
    strbuf_reset(&r->cur_lang[0]);
    strbuf_reset(&r->cur_lang[1]);
    r->has_example = r->has_source = 0;
    return ret;
}

static void tuv_begin(struct tmx_reader *r, const char **attrs)
{
    struct unit *u = r->u;
    const char *l = lang_attr(r, attrs);
    size_t old = u->atuv;
    struct tuv *v = u->ntuv < u->atuv ? &u->tuvs[u->ntuv] : NULL;
    int same = l && v && v->exact && str_eq(l, v->lang.buf); /* as this slot's last tag */
    unsigned side;
    unsigned long id = 0; /* of r->canon's tag */

    if (same) {
        side = v->side;
    } else {
        strbuf_reset(&r->canon);
        side = l ? read_lang(r, l, &r->canon, &id) : 0;
    }
    if (!side && u->nother++ >= OTHER_TUVS && u->ntuv && !u->tuvs[u->ntuv - 1].side) {
        u->ntuv--; /* the last slot of another language is reused */
        if (same) {
            /* and the tag goes there */
            strbuf_reset(&r->canon);
            strbuf_addbuf(&r->canon, &v->lang);
            id = v->tag_id;
            same = 0;
        }
    } else if (side) {
        r->unit_bytes += sizeof(struct tuv);
    }
    ALLOC_GROW(u->tuvs, u->ntuv + 1, u->atuv);
    for (size_t i = old; i < u->atuv; i++) {
        strbuf_init(&u->tuvs[i].seg, 0);
        strbuf_init(&u->tuvs[i].lang, 0);
        u->tuvs[i].exact = 0;
        u->tuvs[i].tag_id = 0;
    }
    v = &u->tuvs[u->ntuv];
    strbuf_reset(&v->seg);
    if (!same) {
        swap_bufs(&v->lang, &r->canon);
        v->tag_id = id;
        v->exact = l && v->lang.len && str_eq(l, v->lang.buf);
    }
    v->side = side;
    u->ntuv++;
}

/* Counts len more bytes kept for the unit; -1 (the read stops) past EXCHANGE_MAX_UNIT. */
static int unit_keep(struct tmx_reader *r, size_t len)
{
    r->unit_bytes += len;
    if (r->unit_bytes <= EXCHANGE_MAX_UNIT)
        return 0;
    xml_reader_fail(r->xr, "%s holds more than %u bytes of text", r->in_tu ? "unit" : "header",
                    EXCHANGE_MAX_UNIT);
    return -1;
}

/*
 * Where the text of the open seg goes: into its variant's buffer, counted
 * for the unit (xml/xml.h); another language's, and native code's, to
 * on_text, which drops it.
 */
static void seg_text(struct tmx_reader *r)
{
    struct tuv *v = &r->u->tuvs[r->u->ntuv - 1];
    if (v->side && !r->skip)
        xml_reader_text_into(r->xr, &v->seg, &r->unit_bytes, EXCHANGE_MAX_UNIT);
    else
        xml_reader_want_text(r->xr, 1);
}

/*
 * The start tags (struct xml_table). Inside a seg only native code is
 * looked at: the tags of other elements there are passed over, their text
 * kept as the seg's.
 */
static int start_root(void *ctx, const char *name, const char **attrs)
{
    struct tmx_reader *r = ctx;
    (void)attrs;
    if (strcmp(name, "tmx")) {
        xml_reader_fail(r->xr, "not a TMX file: the root element is <%s>, not <tmx>", name);
        return -1;
    }
    r->root_ok = 1;
    xml_reader_want_text(r->xr, 0); /* only inside seg, prop and note */
    return 0;
}

static int start_tu(void *ctx, const char **attrs)
{
    struct tmx_reader *r = ctx;
    (void)attrs;
    if (r->in_seg)
        return 0;
    r->in_tu = 1;
    r->in_tuv = 0; /* a <tu> inside a <tuv> starts afresh */
    if (r->pending == r->u)
        r->u = &r->units[r->u == &r->units[0]]; /* the other, while this one waits */
    r->u->ntuv = 0;
    r->u->nother = 0;
    r->unit_bytes = 0;
    /* the unit's form props, status and confidence are all unit_done reads of tu */
    if (r->u->tu.c.nforms)
        exchange_concept_reset(&r->u->tu);
    r->u->tu.c.status = MODEL_CANDIDATE;
    r->u->tu.c.has_confidence = 0;
    r->u->tu_id = NULL;
    r->u->has_kind = 0;
    strbuf_reset(&r->u->tu_notes);
    strbuf_reset(&r->u->tu_source);
    strbuf_reset(&r->u->tu_example);
    return 0;
}

static int start_tuv(void *ctx, const char **attrs)
{
    struct tmx_reader *r = ctx;
    if (!r->in_seg && r->in_tu) {
        r->in_tuv = 1;
        tuv_begin(r, attrs);
    }
    return 0;
}

static int start_seg(void *ctx, const char **attrs)
{
    struct tmx_reader *r = ctx;
    (void)attrs;
    if (!r->in_seg && r->in_tuv && r->u->ntuv) {
        r->in_seg = 1;
        seg_text(r);
    }
    return 0;
}

static int start_prop(void *ctx, const char **attrs)
{
    struct tmx_reader *r = ctx;
    const char *type;
    size_t len;

    if (r->in_seg)
        return 0;
    r->in_prop = 1;
    strbuf_reset(&r->text);
    xml_reader_text_into(r->xr, &r->text, &r->unit_bytes, EXCHANGE_MAX_UNIT);
    type = prop_type(attrs);
    /* the checks measured the value when it is the tag's one attribute (the usual prop) */
    len = xml_reader_value_len(r->xr);
    if (type && len == (size_t)-1)
        len = strlen(type);
    r->prop = prop_of(type, len, &r->prop_form);
    return 0;
}

static int start_note(void *ctx, const char **attrs)
{
    struct tmx_reader *r = ctx;
    (void)attrs;
    if (r->in_seg)
        return 0;
    r->in_note = 1;
    strbuf_reset(&r->text);
    xml_reader_text_into(r->xr, &r->text, &r->unit_bytes, EXCHANGE_MAX_UNIT);
    return 0;
}

static int start_header(void *ctx, const char **attrs)
{
    struct tmx_reader *r = ctx;
    const char *s;
    if (!r->in_seg && (s = attr_of(attrs, "srclang")))
        read_lang(r, s, NULL, NULL); /* for its warnings */
    return 0;
}

/* Native code in a seg: its text, and the elements in it, are dropped until it ends. */
static int start_native(void *ctx, const char **attrs)
{
    struct tmx_reader *r = ctx;
    (void)attrs;
    if (r->in_seg) {
        r->skip = 1;
        xml_reader_skip(r->xr);
        seg_text(r);
    }
    return 0;
}

/*
 * Text the buffers of xml_reader_text_into do not take: native code and
 * other languages (dropped), and a piece that takes the unit past
 * EXCHANGE_MAX_UNIT (refused here).
 */
static int on_text(void *ctx, const char *s, size_t len)
{
    struct tmx_reader *r = ctx;
    if (r->skip)
        return 0;
    if (r->in_seg) {
        struct tuv *v = &r->u->tuvs[r->u->ntuv - 1];
        if (!v->side)
            return 0; /* another language: only its tag is reported */
        if (unit_keep(r, len))
            return -1;
        strbuf_add(&v->seg, s, len);
    } else if (r->in_prop || r->in_note) {
        if (unit_keep(r, len))
            return -1;
        strbuf_add(&r->text, s, len);
    }
    return 0;
}

/* 1 for the bytes strbuf_trim removes. */
static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/*
 * exchange_blank_controls, which an id or kind (short, printable ASCII)
 * passes untouched: such a one is told here by a loop, without the call.
 */
static void blank_controls(struct strbuf *sb)
{
    for (size_t i = 0; i < sb->len; i++)
        if ((unsigned char)sb->buf[i] < 0x20 || (unsigned char)sb->buf[i] >= 0x7F) {
            exchange_blank_controls(sb);
            return;
        }
}

/*
 * 1 when id, of len bytes, is the digits of a positive number as add_id
 * (csv.c) writes it: no leading zero, at most 18 digits (below LLONG_MAX).
 */
static int plain_id(const char *id, size_t len)
{
    if (!len || len > 18 || *id == '0')
        return 0;
    for (size_t i = 0; i < len; i++)
        if (id[i] < '0' || id[i] > '9')
            return 0;
    return 1;
}

/* A prop of the unit has ended: dadeum's own are read back. */
static void prop_done(struct tmx_reader *r)
{
    struct exchange_concept *e = &r->u->tu;
    int status;
    /* most props have no space to trim: no call for them */
    if (r->text.len && (is_space(r->text.buf[0]) || is_space(r->text.buf[r->text.len - 1])))
        strbuf_trim(&r->text);
    switch (r->prop) {
    case PROP_ID:
        if (exchange_id_given(r->text.buf)) {
            swap_bufs(&r->u->tu_idbuf, &r->text);
            /* the usual id, digits, has no control to blank: one loop over it, not two */
            r->u->id_plain = plain_id(r->u->tu_idbuf.buf, r->u->tu_idbuf.len);
            if (!r->u->id_plain)
                blank_controls(&r->u->tu_idbuf);
            r->u->tu_id = r->u->tu_idbuf.buf;
        }
        break;
    case PROP_KIND:
        swap_bufs(&r->u->tu_kind, &r->text);
        blank_controls(&r->u->tu_kind);
        r->u->has_kind = 1;
        break;
    case PROP_STATUS:
        /* kind.c's name of MODEL_CANDIDATE, which nearly every unit gives: no lookup */
        if (equals(r->text.buf, r->text.len, "candidate"))
            e->c.status = MODEL_CANDIDATE;
        else if ((status = model_status_parse(r->text.buf)) >= 0)
            e->c.status = (enum model_status)status;
        break;
    case PROP_CONFIDENCE:
        exchange_set_confidence(&e->c, r->text.buf);
        break;
    case PROP_FORM:
        exchange_concept_add_form(e, r->prop_form, r->text.buf, r->text.len);
        break;
    default:
        break;
    }
}

/* Appends line to the '\n'-separated list notes. */
static void add_note(struct strbuf *notes, const char *line, size_t len)
{
    if (!len)
        return;
    if (notes->len)
        strbuf_addch(notes, '\n');
    strbuf_add(notes, line, len);
}

/* 1 when the '\n'-separated list notes has line[0..len) as one of its lines. */
static int has_note(const struct strbuf *notes, const char *line, size_t len)
{
    for (const char *p = notes->buf, *end = notes->buf + notes->len; p < end;) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        if (n == len && !memcmp(p, line, len))
            return 1;
        p += n + 1;
    }
    return 0;
}

/*
 * A <note> of the unit: the last "source: " and "example: " notes are kept
 * aside for the example; an earlier one, and every other note, joins the
 * unit's notes.
 */
static void note_done(struct tmx_reader *r)
{
    struct strbuf *slot = NULL;
    if (r->text.len >= 8 && !memcmp(r->text.buf, "source: ", 8))
        slot = &r->u->tu_source;
    else if (r->text.len >= 9 && !memcmp(r->text.buf, "example: ", 9))
        slot = &r->u->tu_example;
    if (!slot) {
        add_note(&r->u->tu_notes, r->text.buf, r->text.len);
        return;
    }
    add_note(&r->u->tu_notes, slot->buf, slot->len);
    swap_bufs(slot, &r->text); /* r->text is emptied when the next prop or note opens */
}

/* Sets the concept's tag for side i (0 source, 1 target) from v, or warns when it has another. */
static void concept_lang(struct tmx_reader *r, int i, const struct tuv *v)
{
    struct strbuf msg = STRBUF_INIT;
    if (!v->lang.len)
        return;
    if (!r->cur_lang[i].len) {
        strbuf_add(&r->cur_lang[i], v->lang.buf, v->lang.len); /* inline, unlike strbuf_addbuf */
        return;
    }
    if (str_eq(r->cur_lang[i].buf, v->lang.buf))
        return;
    strbuf_addf(&msg, "units of one concept in '%s' and '%s': written as '%s'", r->cur_lang[i].buf,
                v->lang.buf, r->cur_lang[i].buf);
    warn(r, msg.buf);
    strbuf_release(&msg);
}

/*
 * The Korean and the target variant of unit u (NULL when it has none);
 * *ko_only: the target is a second Korean one (loanword -> plain Korean).
 */
static void unit_sides(const struct unit *u, const struct tuv **src_out, const struct tuv **tgt_out,
                       int *ko_only)
{
    const struct tuv *src = NULL, *tgt = NULL;

    *ko_only = 0;
    for (size_t i = 0; i < u->ntuv; i++) {
        const struct tuv *v = &u->tuvs[i];
        if (!src && (v->side & SIDE_SOURCE))
            src = v;
        else if (!tgt && (v->side & SIDE_TARGET))
            tgt = v;
    }
    if (!tgt) {
        /* two Korean variants: loanword -> plain Korean */
        for (size_t i = 0; i < u->ntuv && src; i++)
            if (&u->tuvs[i] != src && (u->tuvs[i].side & SIDE_SOURCE)) {
                tgt = &u->tuvs[i];
                *ko_only = 1;
                break;
            }
    }
    *src_out = src;
    *tgt_out = tgt;
}

/* Puts unit u, with its variants src and tgt and its grouping key, into the current concept. */
static int add_unit(struct tmx_reader *r, const struct unit *u, const struct tuv *src,
                    const struct tuv *tgt, int ko_only, const char *key)
{
    struct exchange_concept *e = &r->cur;
    const struct exchange_concept *tu = &u->tu;
    enum model_form_type type = MODEL_FORM_ENGLISH;

    if (!str_eq(key, r->key.buf) && flush(r))
        return -1;
    if (!r->key.len)
        strbuf_addstr(&r->key, key);
    r->gathering = 1;
    concept_lang(r, 0, src);
    if (tgt && !ko_only)
        concept_lang(r, 1, tgt);
    if (ko_only) {
        exchange_concept_add_form(e, MODEL_FORM_KO, tgt->seg.buf, tgt->seg.len);
        exchange_concept_add_form(e, MODEL_FORM_LOANWORD, src->seg.buf, src->seg.len);
    } else {
        exchange_concept_add_form(e, MODEL_FORM_KO, src->seg.buf, src->seg.len);
    }
    if (tgt && !ko_only && tgt->seg.len) {
        int is_abbr = 0;
        for (size_t i = 0; i < tu->c.nforms; i++)
            if (tu->c.forms[i].type == MODEL_FORM_ABBREV) {
                struct strbuf t = STRBUF_INIT;
                strbuf_addbuf(&t, &tgt->seg);
                strbuf_trim(&t);
                is_abbr |= !strcmp(t.buf, tu->c.forms[i].text);
                strbuf_release(&t);
            }
        if (is_abbr)
            type = MODEL_FORM_ABBREV;
        else if (!u->tu_id && exchange_guess_type(tgt->seg.buf) == MODEL_FORM_ABBREV)
            type = MODEL_FORM_ABBREV;
        exchange_concept_add_form(e, type, tgt->seg.buf, tgt->seg.len);
    }
    for (size_t i = 0; i < tu->c.nforms; i++)
        exchange_concept_add_form(e, tu->c.forms[i].type, tu->c.forms[i].text,
                                  strlen(tu->c.forms[i].text));
    if (u->tu_id && !e->c.id)
        e->c.id = exchange_parse_id(u->tu_id);
    if (u->has_kind && !e->c.kind)
        e->c.kind = exchange_concept_strdup_clean(e, u->tu_kind.buf, u->tu_kind.len);
    if (tu->c.status != MODEL_CANDIDATE)
        e->c.status = tu->c.status;
    if (tu->c.has_confidence && (!e->c.has_confidence || tu->c.confidence > e->c.confidence)) {
        e->c.confidence = tu->c.confidence;
        e->c.has_confidence = 1;
    }
    if (!r->notes.len) {
        strbuf_addbuf(&r->notes, &u->tu_notes);
    } else {
        /* units of one concept repeat its notes (tmx_write.c): add the new ones only */
        for (const char *p = u->tu_notes.buf, *end = p + u->tu_notes.len; p < end;) {
            const char *nl = memchr(p, '\n', (size_t)(end - p));
            size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
            if (!has_note(&r->notes, p, n))
                add_note(&r->notes, p, n);
            p += n + 1;
        }
    }
    if (u->tu_example.len > 9 && !e->c.example && !r->has_example) {
        if (r->rd->omit & EXCHANGE_OMIT_EXAMPLE) /* counted, not kept */
            exchange_concept_count(e, u->tu_example.len - 9 + 1);
        else
            e->c.example = exchange_concept_strdup(e, u->tu_example.buf + 9, u->tu_example.len - 9);
        r->has_example = 1;
    }
    if (u->tu_source.len > 8 && !e->c.example_path && !r->has_source) {
        if (r->rd->omit & EXCHANGE_OMIT_EXAMPLE)
            exchange_concept_count_source(e, u->tu_source.buf + 8, u->tu_source.len - 8);
        else
            exchange_concept_set_source(e, u->tu_source.buf + 8, u->tu_source.len - 8);
        r->has_source = 1;
    }
    if (exchange_concept_get_bytes(e) + r->notes.len > EXCHANGE_MAX_UNIT) {
        xml_reader_fail(r->xr, "the units of one concept hold more than %u bytes of text",
                        EXCHANGE_MAX_UNIT);
        return -1;
    }
    return 0;
}

/* 1 when a form's text is as add_form would store it: not empty, no control, nothing to trim. */
static int plain_form(const struct strbuf *sb)
{
    return sb->len && sb->buf[0] != ' ' && sb->buf[sb->len - 1] != ' ' &&
           utf8_control_free_prefix(sb->buf, sb->len) == sb->len;
}

/*
 * Whether unit u, alone, is a concept the consumer may have as a row
 * (struct exchange_row): then fills r->row and returns 1. Such a unit has a
 * Korean and a target variant whose texts add_unit would store as they are,
 * no form props, an id written as read (or none) and notes without
 * controls to blank; bytes, the text it keeps, is far enough below
 * EXCHANGE_MAX_UNIT that its concept cannot go past it (the source note
 * it counts may grow four times, written as \x1b). The row holds what
 * add_unit and flush would make of it for the writers that take rows:
 * the example is not among it (they omit it).
 */
static int unit_row(struct tmx_reader *r, const struct unit *u, const struct tuv *src,
                    const struct tuv *tgt, int ko_only, size_t bytes)
{
    struct exchange_row *row = &r->row;

    if (ko_only || !tgt || u->tu.c.nforms || bytes > EXCHANGE_MAX_UNIT / 16 ||
        !plain_form(&src->seg) || !plain_form(&tgt->seg) || (u->tu_id && !u->id_plain) ||
        (u->tu_notes.len &&
         utf8_visible_prefix(u->tu_notes.buf, u->tu_notes.len,
                             UTF8_VISIBLE_TAB | UTF8_VISIBLE_NEWLINE) != u->tu_notes.len))
        return 0;
    row->source = src->seg.buf;
    row->source_len = src->seg.len;
    row->target = tgt->seg.buf;
    row->target_len = tgt->seg.len;
    /* as add_unit decides, without the form props a row has not */
    row->type = !u->tu_id && exchange_guess_type(tgt->seg.buf) == MODEL_FORM_ABBREV
                    ? MODEL_FORM_ABBREV
                    : MODEL_FORM_ENGLISH;
    row->id = u->tu_id ? u->tu_id : ""; /* tu_id is tu_idbuf's text */
    row->id_len = u->tu_id ? u->tu_idbuf.len : 0;
    row->status = u->tu.c.status;
    /* exchange_concept_finish's kind for a concept of a 'ko' form and this one */
    row->kind = u->has_kind && u->tu_kind.len ? u->tu_kind.buf : model_form_type_name(row->type);
    row->note = u->tu_notes.buf;
    return 1;
}

/* Makes to hold the tag from; mostly it does already (the units of a file repeat two tags). */
static void set_lang(struct strbuf *to, const struct strbuf *from)
{
    if (to->len == from->len && !memcmp(to->buf, from->buf, to->len))
        return;
    strbuf_reset(to);
    strbuf_add(to, from->buf, from->len);
}

/* Hands out the waiting unit's row, with its tags as flush hands out a concept's. */
static int hand_out_row(struct tmx_reader *r)
{
    struct exchange_langs *langs = r->rd->langs;

    r->pending = NULL;
    /* mostly the row's tags are those langs holds: known by their ids, not compared */
    if (langs && r->langs_id[0] != r->pending_src->tag_id) {
        set_lang(&langs->source, &r->pending_src->lang);
        r->langs_id[0] = r->pending_src->tag_id;
    }
    if (langs && r->langs_id[1] != r->pending_tgt->tag_id) {
        set_lang(&langs->target, &r->pending_tgt->lang);
        r->langs_id[1] = r->pending_tgt->tag_id;
    }
    r->skipped.concepts++;
    if (r->rd->row(r->rd->ctx, &r->row)) {
        r->stopped = 1;
        return -1;
    }
    return 0;
}

/*
 * The keys a and b, of alen and blen bytes, are equal. Keys that differ
 * mostly differ in their length or last byte (consecutive ids): told
 * without the call.
 */
static int key_eq(const char *a, size_t alen, const char *b, size_t blen)
{
    return alen == blen && (!alen || (a[alen - 1] == b[alen - 1] && !memcmp(a, b, alen)));
}

/*
 * The finished unit: into the current concept, or, when it starts a
 * concept and is a row (unit_row), kept waiting for the next unit to tell
 * whether the concept goes on. bytes: the text it keeps.
 */
static int unit_done(struct tmx_reader *r, size_t bytes)
{
    struct unit *u = r->u;
    const struct tuv *src, *tgt;
    const char *key;
    size_t key_len;
    int ko_only;

    unit_sides(u, &src, &tgt, &ko_only);
    if (!src || !src->seg.len) {
        r->skipped.units++;
        for (size_t i = 0; i < u->ntuv; i++)
            exchange_skipped_lang(&r->skipped, u->tuvs[i].lang.buf);
        return 0;
    }
    if (u->tu_id) {
        key = u->tu_id;
        key_len = u->tu_idbuf.len;
    } else {
        const struct strbuf *k = ko_only && tgt ? &tgt->seg : &src->seg;
        key = k->buf;
        key_len = k->len;
    }
    if (r->pending) {
        if (!key_eq(key, key_len, r->pending_key, r->pending_key_len)) {
            if (hand_out_row(r))
                return -1;
        } else {
            /* the concept goes on: the waiting unit goes into it first */
            const struct unit *p = r->pending;
            r->pending = NULL;
            if (add_unit(r, p, r->pending_src, r->pending_tgt, 0, r->pending_key))
                return -1;
        }
    }
    /*
     * A unit that starts a concept: another concept is being gathered, or
     * none is (after a row, the usual case: no strcmp).
     */
    if (r->rd->row && (r->key.len ? !str_eq(key, r->key.buf) : !r->gathering) &&
        unit_row(r, u, src, tgt, ko_only, bytes)) {
        if (flush(r)) /* the concept before, as add_unit would */
            return -1;
        r->pending = u;
        r->pending_key = key;
        r->pending_key_len = key_len;
        r->pending_src = src;
        r->pending_tgt = tgt;
        return 0;
    }
    return add_unit(r, u, src, tgt, ko_only, key);
}

/* The end tags; those of elements inside a seg (but the seg's own) change nothing. */
static int end_seg(void *ctx)
{
    struct tmx_reader *r = ctx;
    if (r->in_seg) {
        r->in_seg = 0;
        xml_reader_want_text(r->xr, 0);
    }
    return 0;
}

static int end_tuv(void *ctx)
{
    struct tmx_reader *r = ctx;
    if (!r->in_seg)
        r->in_tuv = 0;
    return 0;
}

/* The end of a <prop> or <note> whose text was being kept (*in): the text stops, and a
 * unit's gets done with it. */
static int end_text(struct tmx_reader *r, int *in, void (*done)(struct tmx_reader *))
{
    if (*in && !r->in_seg) {
        *in = 0;
        xml_reader_want_text(r->xr, 0);
        if (r->in_tu)
            done(r);
    }
    return 0;
}

static int end_prop(void *ctx)
{
    struct tmx_reader *r = ctx;
    return end_text(r, &r->in_prop, prop_done);
}

static int end_note(void *ctx)
{
    struct tmx_reader *r = ctx;
    return end_text(r, &r->in_note, note_done);
}

static int end_tu(void *ctx)
{
    struct tmx_reader *r = ctx;
    if (r->in_tu && !r->in_seg) {
        size_t bytes = r->unit_bytes;
        r->in_tu = 0;
        r->unit_bytes = 0;
        return unit_done(r, bytes);
    }
    return 0;
}

/* The end of the native-code element that xml_reader_skip passed over: back in the seg. */
static int end_native(void *ctx)
{
    struct tmx_reader *r = ctx;
    if (r->skip) {
        r->skip = 0;
        seg_text(r);
    }
    return 0;
}

/* By enum element. */
static const struct xml_element elements[] = {
    [EL_OTHER] = {NULL, NULL},          [EL_HEADER] = {start_header, NULL},
    [EL_TU] = {start_tu, end_tu},       [EL_TUV] = {start_tuv, end_tuv},
    [EL_SEG] = {start_seg, end_seg},    [EL_PROP] = {start_prop, end_prop},
    [EL_NOTE] = {start_note, end_note}, [EL_NATIVE] = {start_native, end_native},
};

/* A warning about the whole file (xml/xml.h): no position. */
static void on_file_warn(void *ctx, const char *msg)
{
    struct tmx_reader *r = ctx;
    exchange_warn_once(r->rd, &r->warned, 0, 0, msg);
}

/* Empties a unit's buffers for the read (tu's texts are expat's: valid UTF-8). */
static void unit_init(struct unit *u)
{
    memset(u, 0, sizeof(*u));
    strbuf_init(&u->tu_notes, 0);
    strbuf_init(&u->tu_source, 0);
    strbuf_init(&u->tu_example, 0);
    strbuf_init(&u->tu_idbuf, 0);
    strbuf_init(&u->tu_kind, 0);
    exchange_concept_reset(&u->tu);
    u->tu.utf8 = 1;
}

static void unit_release(struct unit *u)
{
    for (size_t i = 0; i < u->atuv; i++) {
        strbuf_release(&u->tuvs[i].seg);
        strbuf_release(&u->tuvs[i].lang);
    }
    free(u->tuvs);
    exchange_concept_release(&u->tu);
    strbuf_release(&u->tu_notes);
    strbuf_release(&u->tu_source);
    strbuf_release(&u->tu_example);
    strbuf_release(&u->tu_idbuf);
    strbuf_release(&u->tu_kind);
}

int tmx_read(const char *path, const struct exchange_reader *rd, struct dd_error *err)
{
    static const struct xml_table t = {start_root, element_of, elements, on_text, on_file_warn};
    struct tmx_reader r;
    struct dd_error xe;
    int ret;

    memset(&r, 0, sizeof(r));
    memset(err, 0, sizeof(*err));
    r.rd = rd;
    strbuf_init(&r.text, 64);
    strbuf_init(&r.key, 64);
    strbuf_init(&r.notes, 0);
    strbuf_init(&r.canon, 0);
    for (int i = 0; i < 2; i++) {
        strbuf_init(&r.lang_seen[i], 0);
        strbuf_init(&r.canon_seen[i], 0);
        strbuf_init(&r.cur_lang[i], 0);
        unit_init(&r.units[i]);
    }
    r.u = &r.units[0];
    r.langs_id[0] = r.langs_id[1] = TAG_UNKNOWN;
    strbuf_init(&r.skipped.langs, 0);
    exchange_concept_reset(&r.cur);
    r.cur.utf8 = 1; /* expat hands out valid UTF-8 only */
    ret = xml_read_file_table(path, &t, &r, &r.xr, &xe);
    if (!ret && !r.root_ok) {
        dd_error_set(&xe, DD_EINPUT, XML_READ_EINPUT, "not a TMX file");
        ret = -1;
    }
    if (!ret && r.pending) /* then the concept being gathered is empty */
        ret = hand_out_row(&r);
    if (!ret)
        ret = flush(&r);
    if (ret)
        exchange_fail_from_xml(err, &xe, r.stopped);
    else
        ret = exchange_skipped_report(rd, &r.skipped, "unit", "units", err);
    strbuf_release(&r.text);
    strbuf_release(&r.key);
    exchange_concept_release(&r.cur);
    strmap_release(&r.warned, NULL);
    for (int i = 0; i < 2; i++) {
        strbuf_release(&r.lang_seen[i]);
        strbuf_release(&r.canon_seen[i]);
        strbuf_release(&r.cur_lang[i]);
        unit_release(&r.units[i]);
    }
    strbuf_release(&r.notes);
    strbuf_release(&r.canon);
    exchange_skipped_release(&r.skipped);
    return ret ? -1 : 0;
}
