/*
 * tbx_read.c - reading TBX into concepts, streaming: TBX v2 (ISO 30042:2008,
 * <martif>, terms in <tig> or <ntig>/<termGrp>) and TBX v3 (ISO 30042:2019,
 * <tbx>, terms in <termSec>), told apart by the root element.
 *
 * One concept per termEntry / conceptEntry. Terms in the language section
 * of the source language (ko) become Korean forms, those of the target
 * language (en) English forms; other languages are ignored. The form type
 * comes back from the pair (termType, administrativeStatus) that
 * tbx_write.c writes (see the table there):
 *
 *   source side   shortForm -> shortform; admitted/deprecated/superseded:
 *                 variant -> native, else loanword; otherwise a Korean
 *                 spelling, the first non-variant one preferred
 *   target side   acronym, abbreviation, initialism -> abbrev, else English
 *                 (no termType: AI-like text is an abbreviation)
 *
 * Entry-level notes "x-status: ..." and "x-kind: ..." restore the review
 * status and kind; the first other note is the reviewer's note. descrip
 * type="context" and admin type="source" of the preferred Korean term give
 * the example.
 *
 * Every other TBX-Basic data category is kept as read (struct
 * termbase_datcat: level, language side, form, group, element, type,
 * target, text): subjectField, definition, further notes, partOfSpeech,
 * grammaticalGender, geographicalUsage, termLocation, customerSubset,
 * projectSubset, cross-references, transactions, a context or source on
 * another term, and a termType or administrativeStatus that differs from
 * what tbx_write.c derives from the form type (an English shortForm, a
 * deprecated term of a candidate). TBX v3 DCT elements (<basic:context>,
 * any prefix) are read as their DCA equivalents (descrip type="context").
 * What is still dropped (terms in other languages, elements outside
 * TBX-Basic, inline markup flattened to text) is counted and reported
 * once per kind at the end.
 *
 * Memory: the text an entry's elements hold (terms, notes, contexts, of
 * every language) and its language tags count against EXCHANGE_MAX_UNIT;
 * past it the read stops with an input error, so text split by child
 * elements or spread over many terms cannot grow an entry without end.
 */
#include <stdlib.h>
#include <string.h>

#include "io/exchange.h"
#include "io/lang.h"
#include "xml/xml.h"
#include "util/strmap.h"
#include "util/xmalloc.h"
#include "util/banned.h"

enum side { SIDE_OTHER = 0, SIDE_SOURCE, SIDE_TARGET };

/* Bytes of an entry's language tags kept for the warning about skipped entries. */
#define ENTRY_TAGS_MAX 1024

enum tbx_text {
    T_NONE = 0,
    T_TERM,
    T_TERMTYPE,
    T_ADMSTATUS,
    T_CONTEXT,
    T_SOURCE,
    T_ENTRY_NOTE,
    T_DATCAT
};

/* A term of the entry with the termType and administrativeStatus the file gave it. */
struct tbx_term {
    enum model_form_type type; /* its form */
    const char *text;          /* the form's text (the concept's pool) */
    int side;                  /* 0 Korean, 1 the other language */
    const char *term_type;     /* as read, NULL when absent */
    const char *status;        /* as read, NULL when absent */
};

/* What was not kept, by kind, for the warnings at the end. */
#define TBX_MAX_DROPPED 32
struct tbx_dropped {
    char what[64];       /* "<xyz> elements", "terms in other languages", ... */
    unsigned long count; /* how many */
};

struct tbx_reader {
    struct xml_reader *xr;                                    /* positions and errors */
    const struct exchange_reader *rd;                         /* where concepts go */
    int depth;                                                /* open elements */
    int root_ok;                                              /* <martif> or <tbx> seen */
    int in_entry;                                             /* inside termEntry / conceptEntry */
    int in_termsec;                                           /* inside tig / ntig / termSec */
    int entry_depth;                                          /* depth of the entry element */
    enum side side;                                           /* language section being read */
    enum tbx_text what;                                       /* what the text being read is */
    int what_depth;                                           /* depth of the element holding it */
    struct strbuf text;                                       /* it */
    struct strbuf term, termtype, admstatus, context, source; /* the term being read */
    int have_preferred;                                       /* the preferred Korean term is set */
    struct exchange_concept cur;                              /* the concept being read */
    struct strmap warned;                                     /* warnings given */
    int stopped;                                              /* the callback said stop */
    struct strbuf lang[2];    /* the entry's source and target tags (first langSet of each) */
    struct strbuf entry_tags; /* the entry's tags, ' '-separated, up to ENTRY_TAGS_MAX bytes */
    size_t entry_bytes;       /* text read in the entry (EXCHANGE_MAX_UNIT) */
    struct exchange_skipped skipped; /* entries without a Korean term */
    int in_lang;                     /* inside langSet / langSec */
    int termsec_depth;               /* depth of the term section element */
    int have_context, have_source;   /* the term section's context and source are read */
    struct strbuf group;             /* descripGrp / adminGrp / transacGrp open, or empty */
    int group_depth;                 /* its depth */
    unsigned group_no, ngroups;      /* its ordinal in the entry; groups so far */
    struct strbuf dc_element, dc_type, dc_ref;   /* the data category being read */
    size_t term_datcats;                         /* first datcat of the term section being read */
    struct tbx_term *terms;                      /* the entry's terms */
    size_t nterms, aterms;                       /* used, allocated */
    struct tbx_dropped dropped[TBX_MAX_DROPPED]; /* what was not kept */
    size_t ndropped;                             /* kinds in dropped */
};

/* Counts one thing not kept, of kind what. */
static void drop(struct tbx_reader *r, const char *what)
{
    size_t i;
    for (i = 0; i < r->ndropped; i++)
        if (!strcmp(r->dropped[i].what, what))
            break;
    if (i == r->ndropped) {
        if (r->ndropped == TBX_MAX_DROPPED)
            i = TBX_MAX_DROPPED - 1, what = "elements of other kinds";
        else
            r->ndropped++;
        snprintf(r->dropped[i].what, sizeof(r->dropped[i].what), "%s", what);
    }
    r->dropped[i].count++;
}

/* Says once per kind what was not kept, with the count. */
static void report_dropped(struct tbx_reader *r)
{
    for (size_t i = 0; i < r->ndropped && r->rd->warn; i++) {
        char msg[160];
        snprintf(msg, sizeof(msg), "%s not kept: %lu", r->dropped[i].what, r->dropped[i].count);
        r->rd->warn(r->rd->ctx, 0, 0, msg);
    }
}

/* Data category elements of TBX-Basic kept as read, and the groups around them. */
static int is_datcat_element(const char *name)
{
    static const char *const names[] = {"descrip", "termNote", "admin",       "note", "ref",
                                        "xref",    "transac",  "transacNote", "date"};
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
        if (!strcmp(name, names[i]))
            return 1;
    return 0;
}

static int is_group(const char *name)
{
    return !strcmp(name, "descripGrp") || !strcmp(name, "adminGrp") || !strcmp(name, "transacGrp");
}

/*
 * TBX v3 DCT style names a data category by a namespaced element
 * (<basic:context>, ISO 30042:2019 and the TBX-Basic dialect); DCA style,
 * which we write, by element and type. Maps a prefixed name to its DCA
 * element and type; 0 when the local name is no TBX-Basic category.
 */
static int dct_to_dca(const char *name, const char **element, const char **type)
{
    static const struct {
        const char *local, *element;
    } map[] = {
        {"context", "descrip"},
        {"definition", "descrip"},
        {"subjectField", "descrip"},
        {"termType", "termNote"},
        {"administrativeStatus", "termNote"},
        {"partOfSpeech", "termNote"},
        {"grammaticalGender", "termNote"},
        {"geographicalUsage", "termNote"},
        {"termLocation", "termNote"},
        {"source", "admin"},
        {"customerSubset", "admin"},
        {"projectSubset", "admin"},
        {"crossReference", "ref"},
        {"externalCrossReference", "xref"},
        {"xGraphic", "xref"},
        {"transactionType", "transac"},
        {"responsibility", "transacNote"},
    };
    const char *colon = strchr(name, ':');
    if (!colon)
        return 0;
    for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
        if (!strcmp(colon + 1, map[i].local)) {
            *element = map[i].element;
            *type = map[i].local;
            return 1;
        }
    return 0;
}

static void warn(struct tbx_reader *r, const char *msg)
{
    unsigned long line, col;
    xml_reader_get_position(r->xr, &line, &col);
    exchange_warn_once(r->rd, &r->warned, line, col, msg);
}

static enum side lang_side(struct tbx_reader *r, const char **attrs)
{
    const char *l = xml_attr(attrs, "xml:lang");
    struct strbuf tag = STRBUF_INIT, msg = STRBUF_INIT, shown = STRBUF_INIT;
    enum side s = SIDE_OTHER;
    enum lang_result res;

    if (!l && (l = xml_attr(attrs, "lang")))
        warn(r, "deprecated 'lang' attribute read as xml:lang");
    if (!l)
        return SIDE_OTHER;
    res = lang_normalize(l, &tag);
    if (res == LANG_REPAIRED) {
        xml_printable(&shown, l, XML_PRINTABLE_MAX);
        strbuf_addf(&msg, "language tag '%s' read as '%s' (BCP 47 separates with '-')", shown.buf,
                    tag.buf);
        warn(r, msg.buf);
    }
    if (lang_same_language(tag.buf, r->rd->opt.source_lang))
        s = SIDE_SOURCE;
    else if (lang_same_language(tag.buf, r->rd->opt.target_lang))
        s = SIDE_TARGET;
    if (s != SIDE_OTHER && res != LANG_INVALID && !r->lang[s - 1].len)
        strbuf_addbuf(&r->lang[s - 1], &tag); /* convert writes it back (struct exchange_langs) */
    /* for the warning about entries without a Korean term, which names 9 languages */
    if (r->entry_tags.len < ENTRY_TAGS_MAX) {
        if (r->entry_tags.len)
            strbuf_addch(&r->entry_tags, ' ');
        strbuf_addstr(&r->entry_tags, tag.buf);
    }
    strbuf_release(&tag);
    strbuf_release(&msg);
    strbuf_release(&shown);
    return s;
}

static int is_entry(const char *name)
{
    return !strcmp(name, "termEntry") || !strcmp(name, "conceptEntry");
}

static int is_termsec(const char *name)
{
    return !strcmp(name, "tig") || !strcmp(name, "ntig") || !strcmp(name, "termSec");
}

/* Counts len more bytes read in the entry; -1 (the read stops) past EXCHANGE_MAX_UNIT. */
static int entry_keep(struct tbx_reader *r, size_t len)
{
    r->entry_bytes += len;
    if (r->entry_bytes <= EXCHANGE_MAX_UNIT)
        return 0;
    xml_reader_fail(r->xr, "entry holds more than %u bytes of text", EXCHANGE_MAX_UNIT);
    return -1;
}

static int on_start(void *ctx, const char *name, const char **attrs)
{
    struct tbx_reader *r = ctx;
    const char *type;

    if (!r->depth++) {
        if (strcmp(name, "martif") && strcmp(name, "tbx")) {
            xml_reader_fail(r->xr, "not a TBX file: the root element is <%s>", name);
            return -1;
        }
        r->root_ok = 1;
        xml_reader_want_text(r->xr, 0); /* only inside the elements read (r->what) */
        return 0;
    }
    if (is_entry(name)) {
        const char *id = xml_attr(attrs, "id");
        exchange_concept_reset(&r->cur);
        r->nterms = 0;
        r->ngroups = 0;
        strbuf_reset(&r->group);
        strbuf_reset(&r->lang[0]);
        strbuf_reset(&r->lang[1]);
        strbuf_reset(&r->entry_tags);
        r->entry_bytes = 0;
        r->in_entry = 1;
        r->entry_depth = r->depth;
        r->have_preferred = 0;
        if (id && (*id == 'c' || *id == 'C'))
            id++;
        if (id && *id && strspn(id, "0123456789") == strlen(id))
            r->cur.c.id = exchange_parse_id(id);
        return 0;
    }
    if (!r->in_entry)
        return 0;
    if (r->what) {
        /* markup inside a text kept (hi, foreign, ...): its text is kept, the markup not */
        struct strbuf what = STRBUF_INIT;
        strbuf_addf(&what, "<%.40s> markup inside a text (the text is kept)", name);
        drop(r, what.buf);
        strbuf_release(&what);
        return 0;
    }
    type = xml_attr(attrs, "type");
    dct_to_dca(name, &name, &type); /* <basic:context> reads as <descrip type="context"> */
    if (!strcmp(name, "langSet") || !strcmp(name, "langSec")) {
        r->side = lang_side(r, attrs);
        r->in_lang = 1;
        return 0;
    } else if (is_termsec(name) && !r->in_termsec) {
        r->in_termsec = 1;
        r->termsec_depth = r->depth;
        r->have_context = r->have_source = 0;
        r->term_datcats = r->cur.c.ndatcats;
        strbuf_reset(&r->term);
        strbuf_reset(&r->termtype);
        strbuf_reset(&r->admstatus);
        strbuf_reset(&r->context);
        strbuf_reset(&r->source);
        return 0;
    } else if (!strcmp(name, "termGrp") && r->in_termsec) {
        return 0;
    } else if (!strcmp(name, "term") && r->in_termsec) {
        r->what = T_TERM;
    } else if (!strcmp(name, "termNote") && type && !strcmp(type, "termType") && r->in_termsec &&
               !r->group.len && !r->termtype.len) {
        r->what = T_TERMTYPE;
    } else if (!strcmp(name, "termNote") && type && !strcmp(type, "administrativeStatus") &&
               r->in_termsec && !r->group.len && !r->admstatus.len) {
        r->what = T_ADMSTATUS;
    } else if (!strcmp(name, "descrip") && type && !strcmp(type, "context") && r->in_termsec &&
               !r->group.len && !r->have_context) {
        r->what = T_CONTEXT;
    } else if (!strcmp(name, "admin") && type && !strcmp(type, "source") && r->in_termsec &&
               !r->group.len && !r->have_source) {
        r->what = T_SOURCE;
    } else if (!strcmp(name, "note") && r->depth == r->entry_depth + 1 && !r->group.len) {
        r->what = T_ENTRY_NOTE;
    } else if (is_group(name) && !r->group.len) {
        strbuf_addstr(&r->group, name);
        r->group_depth = r->depth;
        r->group_no = ++r->ngroups;
        return 0;
    } else if (is_datcat_element(name)) {
        const char *target = xml_attr(attrs, "target");
        r->what = T_DATCAT;
        strbuf_reset(&r->dc_element);
        strbuf_addstr(&r->dc_element, name);
        strbuf_reset(&r->dc_type);
        if (type)
            strbuf_addstr(&r->dc_type, type);
        strbuf_reset(&r->dc_ref);
        if (target)
            strbuf_addstr(&r->dc_ref, target);
    } else {
        struct strbuf what = STRBUF_INIT;
        strbuf_addf(&what, "<%.40s> elements", name);
        drop(r, what.buf);
        strbuf_release(&what);
        return 0;
    }
    r->what_depth = r->depth;
    strbuf_reset(&r->text);
    xml_reader_text_into(r->xr, &r->text, &r->entry_bytes, EXCHANGE_MAX_UNIT);
    return 0;
}

/* Text r->text does not take (xml_reader_text_into): a piece past EXCHANGE_MAX_UNIT, refused. */
static int on_text(void *ctx, const char *s, size_t len)
{
    struct tbx_reader *r = ctx;
    if (!r->what)
        return 0;
    if (entry_keep(r, len)) /* text is read inside entries only */
        return -1;
    strbuf_add(&r->text, s, len);
    return 0;
}

/*
 * Strips the white space a pretty-printer puts around text: up to the
 * last line break of a leading run of white space and the indentation
 * after it, and from the first line break of a trailing run. Text that
 * itself starts or ends with a space or TAB ("…\t") keeps it.
 */
static void trim_layout(struct strbuf *sb)
{
    size_t a = 0, b = sb->len, i;
    for (i = 0; i < sb->len && strchr(" \t\r\n", sb->buf[i]); i++)
        if (sb->buf[i] == '\n')
            a = i + 1;
    while (a && a < sb->len && (sb->buf[a] == ' ' || sb->buf[a] == '\t'))
        a++;
    for (i = sb->len; i > a && strchr(" \t\r\n", sb->buf[i - 1]); i--)
        if (sb->buf[i - 1] == '\n')
            b = i - 1 > a && sb->buf[i - 2] == '\r' ? i - 2 : i - 1;
    memmove(sb->buf, sb->buf + a, b - a);
    strbuf_setlen(sb, b - a);
}

/*
 * Adds the data category in r->dc_* with text value at level (a term's
 * gets its form at the end of the term section). One in a language the
 * reader drops is counted instead.
 */
static void add_datcat(struct tbx_reader *r, enum model_level level, const char *value)
{
    struct model_datcat d;

    if (level != MODEL_LEVEL_ENTRY && r->side == SIDE_OTHER) {
        drop(r, "data categories in other languages");
        return;
    }
    memset(&d, 0, sizeof(d));
    d.level = level;
    d.side = level == MODEL_LEVEL_ENTRY ? 0 : r->side == SIDE_TARGET;
    d.group = r->group.len ? r->group.buf : NULL;
    d.group_no = r->group.len ? r->group_no : 0;
    d.element = r->dc_element.buf;
    d.type = r->dc_type.len ? r->dc_type.buf : NULL;
    d.ref = r->dc_ref.len ? r->dc_ref.buf : NULL;
    d.value = value;
    exchange_concept_add_datcat(&r->cur, &d);
}

static void end_text(struct tbx_reader *r)
{
    struct exchange_concept *e = &r->cur;
    struct strbuf *dst = NULL;
    switch (r->what) {
    case T_TERM:
        dst = &r->term;
        break;
    case T_TERMTYPE:
        dst = &r->termtype;
        break;
    case T_ADMSTATUS:
        dst = &r->admstatus;
        break;
    case T_CONTEXT:
        dst = &r->context;
        r->have_context = 1;
        break;
    case T_SOURCE:
        dst = &r->source;
        r->have_source = 1;
        break;
    case T_ENTRY_NOTE:
        if (!strncmp(r->text.buf, "x-status: ", 10)) {
            int st = model_status_parse(r->text.buf + 10);
            if (st >= 0)
                e->c.status = (enum model_status)st;
        } else if (!strncmp(r->text.buf, "x-dadeum-confidence: ", 21)) {
            exchange_set_confidence(&e->c, r->text.buf + 21);
        } else if (!strncmp(r->text.buf, "x-kind: ", 8)) {
            e->c.kind = exchange_concept_strdup(e, r->text.buf + 8, r->text.len - 8);
        } else if (!e->c.note && r->text.len) {
            e->c.note = exchange_concept_strdup(e, r->text.buf, r->text.len);
        } else if (r->text.len) {
            /* a second note: kept as an entry-level data category */
            strbuf_reset(&r->dc_element);
            strbuf_addstr(&r->dc_element, "note");
            strbuf_reset(&r->dc_type);
            strbuf_reset(&r->dc_ref);
            trim_layout(&r->text);
            add_datcat(r, MODEL_LEVEL_ENTRY, r->text.buf);
        }
        break;
    case T_DATCAT:
        trim_layout(&r->text);
        add_datcat(r,
                   r->in_termsec ? MODEL_LEVEL_TERM
                   : r->in_lang  ? MODEL_LEVEL_LANG
                                 : MODEL_LEVEL_ENTRY,
                   r->text.buf);
        break;
    default:
        break;
    }
    if (dst) {
        strbuf_reset(dst);
        strbuf_addbuf(dst, &r->text);
        if (dst == &r->context)
            trim_layout(dst); /* the example is a line as found: "…\t" stays */
        else
            strbuf_trim(dst);
    }
    r->what = T_NONE;
    xml_reader_want_text(r->xr, 0);
}

/* The text of c's form of type t equal to text (as stored), or NULL. */
static const char *stored_form(const struct model_concept *c, enum model_form_type t,
                               const char *text)
{
    for (size_t i = 0; i < c->nforms; i++)
        if (c->forms[i].type == t && !strcmp(c->forms[i].text, text))
            return c->forms[i].text;
    return NULL;
}

/* A term-level data category with the term section's own element (context, source). */
static void add_term_datcat(struct tbx_reader *r, const char *element, const char *type,
                            const struct strbuf *value)
{
    strbuf_reset(&r->dc_element);
    strbuf_addstr(&r->dc_element, element);
    strbuf_reset(&r->dc_type);
    strbuf_addstr(&r->dc_type, type);
    strbuf_reset(&r->dc_ref);
    add_datcat(r, MODEL_LEVEL_TERM, value->buf);
}

static void end_termsec(struct tbx_reader *r)
{
    struct exchange_concept *e = &r->cur;
    const char *tt = r->termtype.buf, *as = r->admstatus.buf, *text;
    enum model_form_type type = MODEL_FORM_KO;
    int preferred = 0;
    struct tbx_term *t;

    if (!r->term.len || r->side == SIDE_OTHER) {
        if (r->term.len)
            drop(r, "terms in other languages");
        e->c.ndatcats = r->term_datcats; /* its data categories go with it */
        return;
    }
    if (r->side == SIDE_SOURCE) {
        if (!strcmp(tt, "shortForm"))
            type = MODEL_FORM_SHORT;
        else if (!strncmp(as, "admittedTerm", 12) || !strncmp(as, "deprecatedTerm", 14) ||
                 !strncmp(as, "supersededTerm", 14))
            type = !strcmp(tt, "variant") ? MODEL_FORM_NATIVE : MODEL_FORM_LOANWORD;
        else
            preferred = strcmp(tt, "variant") != 0 && !r->have_preferred;
    } else {
        if (!strcmp(tt, "acronym") || !strcmp(tt, "abbreviation") || !strcmp(tt, "initialism"))
            type = MODEL_FORM_ABBREV;
        else if (!*tt)
            type = exchange_guess_type(r->term.buf) == MODEL_FORM_ABBREV ? MODEL_FORM_ABBREV
                                                                         : MODEL_FORM_ENGLISH;
        else
            type = MODEL_FORM_ENGLISH;
    }
    if (preferred) {
        exchange_concept_set_ko(e, r->term.buf, r->term.len);
        r->have_preferred = 1;
    } else {
        exchange_concept_add_form(e, type, r->term.buf, r->term.len);
    }
    text = stored_form(&e->c, type, r->term.buf);
    /* the example is the preferred Korean term's context with its source */
    if (preferred && text && e->c.ko == text && r->context.len && r->source.len && !e->c.example &&
        !e->c.example_path) {
        e->c.example = exchange_concept_strdup(e, r->context.buf, r->context.len);
        exchange_concept_set_source(e, r->source.buf, r->source.len);
    } else {
        if (r->context.len)
            add_term_datcat(r, "descrip", "context", &r->context);
        if (r->source.len)
            add_term_datcat(r, "admin", "source", &r->source);
    }
    if (!text) {
        /* the term had controls made spaces: no data category can name it */
        e->c.ndatcats = r->term_datcats;
        return;
    }
    for (size_t i = r->term_datcats; i < e->c.ndatcats; i++) {
        e->datcats[i].form_type = type;
        e->datcats[i].form = text;
    }
    ALLOC_GROW(r->terms, r->nterms + 1, r->aterms);
    t = &r->terms[r->nterms++];
    t->type = type;
    t->text = text;
    t->side = r->side == SIDE_TARGET;
    t->term_type = *tt ? exchange_concept_strdup(e, tt, strlen(tt)) : NULL;
    t->status = *as ? exchange_concept_strdup(e, as, strlen(as)) : NULL;
}

/*
 * At the end of an entry, when the preferred term and the status are
 * known: a termType or administrativeStatus the writer would not derive
 * from the form type is kept as the term's data category.
 */
static void keep_term_categories(struct tbx_reader *r)
{
    struct exchange_concept *e = &r->cur;
    for (size_t i = 0; i < r->nterms; i++) {
        const struct tbx_term *t = &r->terms[i];
        struct model_form f;
        struct model_datcat d;
        const char *tt, *as;
        memset(&f, 0, sizeof(f));
        f.type = t->type;
        f.text = t->text;
        exchange_tbx_term_categories(
            &e->c, &f, t->type == MODEL_FORM_KO && e->c.ko && !strcmp(e->c.ko, t->text), &tt, &as);
        memset(&d, 0, sizeof(d));
        d.level = MODEL_LEVEL_TERM;
        d.side = t->side;
        d.form_type = t->type;
        d.form = t->text;
        d.element = "termNote";
        if (t->term_type && strcmp(t->term_type, tt)) {
            d.type = "termType";
            d.value = t->term_type;
            exchange_concept_add_datcat(e, &d);
        }
        if (t->status && strcmp(t->status, as)) {
            d.type = "administrativeStatus";
            d.value = t->status;
            exchange_concept_add_datcat(e, &d);
        }
    }
    r->nterms = 0;
}

static int on_end(void *ctx, const char *name)
{
    struct tbx_reader *r = ctx;
    int depth = r->depth--;
    if (!r->in_entry)
        return 0;
    if (r->what) {
        if (depth == r->what_depth)
            end_text(r);
        return 0;
    }
    if (r->group.len && depth == r->group_depth) {
        strbuf_reset(&r->group);
    } else if (is_termsec(name) && r->in_termsec && depth == r->termsec_depth) {
        /* ntig holds a termGrp: the section ends with its own element */
        r->in_termsec = 0;
        end_termsec(r);
    } else if (!strcmp(name, "langSet") || !strcmp(name, "langSec")) {
        r->side = SIDE_OTHER;
        r->in_lang = 0;
    } else if (is_entry(name)) {
        r->in_entry = 0;
        exchange_concept_finish(&r->cur);
        keep_term_categories(r);
        if (!r->cur.c.ko) {
            /* counted, and reported once at the end with the languages found */
            r->skipped.units++;
            for (char *p = r->entry_tags.buf, *sp, c; *p; p = sp + !!c) {
                sp = p + strcspn(p, " ");
                c = *sp;
                *sp = '\0';
                exchange_skipped_lang(&r->skipped, p);
                *sp = c;
            }
        } else if (r->cur.c.nforms) {
            struct exchange_langs *langs = r->rd->langs;
            if (langs) {
                strbuf_reset(&langs->source);
                strbuf_addbuf(&langs->source, &r->lang[0]);
                strbuf_reset(&langs->target);
                strbuf_addbuf(&langs->target, &r->lang[1]);
            }
            r->skipped.concepts++;
            if (r->rd->concept(r->rd->ctx, &r->cur.c)) {
                r->stopped = 1;
                return -1;
            }
        }
    }
    return 0;
}

/* A warning about the whole file (xml/xml.h): no position. */
static void on_file_warn(void *ctx, const char *msg)
{
    struct tbx_reader *r = ctx;
    exchange_warn_once(r->rd, &r->warned, 0, 0, msg);
}

int tbx_read(const char *path, const struct exchange_reader *rd, struct dd_error *err)
{
    static const struct xml_handlers h = {on_start, on_end, on_text, on_file_warn};
    struct tbx_reader r;
    struct dd_error xe;
    int ret;

    memset(&r, 0, sizeof(r));
    memset(err, 0, sizeof(*err));
    r.rd = rd;
    strbuf_init(&r.text, 64);
    strbuf_init(&r.term, 64);
    strbuf_init(&r.termtype, 16);
    strbuf_init(&r.admstatus, 32);
    strbuf_init(&r.context, 64);
    strbuf_init(&r.source, 64);
    strbuf_init(&r.lang[0], 0);
    strbuf_init(&r.lang[1], 0);
    strbuf_init(&r.entry_tags, 0);
    strbuf_init(&r.skipped.langs, 0);
    strbuf_init(&r.group, 0);
    strbuf_init(&r.dc_element, 0);
    strbuf_init(&r.dc_type, 0);
    strbuf_init(&r.dc_ref, 0);
    exchange_concept_reset(&r.cur);
    r.cur.utf8 = 1; /* expat hands out valid UTF-8 only */
    ret = xml_read_file(path, &h, &r, &r.xr, &xe);
    if (!ret && !r.root_ok) {
        dd_error_set(&xe, DD_EINPUT, XML_READ_EINPUT, "not a TBX file");
        ret = -1;
    }
    if (ret)
        exchange_fail_from_xml(err, &xe, r.stopped);
    else
        ret = exchange_skipped_report(rd, &r.skipped, "entry", "entries", err);
    if (!ret)
        report_dropped(&r);
    strbuf_release(&r.group);
    strbuf_release(&r.dc_element);
    strbuf_release(&r.dc_type);
    strbuf_release(&r.dc_ref);
    free(r.terms);
    strbuf_release(&r.lang[0]);
    strbuf_release(&r.lang[1]);
    strbuf_release(&r.entry_tags);
    exchange_skipped_release(&r.skipped);
    strbuf_release(&r.text);
    strbuf_release(&r.term);
    strbuf_release(&r.termtype);
    strbuf_release(&r.admstatus);
    strbuf_release(&r.context);
    strbuf_release(&r.source);
    exchange_concept_release(&r.cur);
    strmap_release(&r.warned, NULL);
    return ret ? -1 : 0;
}
