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
 * status and kind; another note is the reviewer's note. descrip
 * type="context" and admin type="source" give the example.
 */
#include <stdlib.h>
#include <string.h>

#include "io/exchange.h"
#include "io/lang.h"
#include "io/xml.h"
#include "util/strmap.h"
#include "util/banned.h"

enum side { SIDE_OTHER = 0, SIDE_SOURCE, SIDE_TARGET };

enum tbx_text { T_NONE = 0, T_TERM, T_TERMTYPE, T_ADMSTATUS, T_CONTEXT, T_SOURCE, T_ENTRY_NOTE };

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
    struct strbuf entry_tags; /* every tag of the entry, ' '-separated */
    struct exchange_skipped skipped; /* entries without a Korean term */
};

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
    if (r->entry_tags.len)
        strbuf_addch(&r->entry_tags, ' ');
    strbuf_addstr(&r->entry_tags, tag.buf);
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
        strbuf_reset(&r->lang[0]);
        strbuf_reset(&r->lang[1]);
        strbuf_reset(&r->entry_tags);
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
    type = xml_attr(attrs, "type");
    if (!strcmp(name, "langSet") || !strcmp(name, "langSec")) {
        r->side = lang_side(r, attrs);
    } else if (is_termsec(name) && !r->in_termsec) {
        r->in_termsec = 1;
        strbuf_reset(&r->term);
        strbuf_reset(&r->termtype);
        strbuf_reset(&r->admstatus);
        strbuf_reset(&r->context);
        strbuf_reset(&r->source);
    } else if (!strcmp(name, "term") && r->in_termsec) {
        r->what = T_TERM;
    } else if (!strcmp(name, "termNote") && type && !strcmp(type, "termType")) {
        r->what = T_TERMTYPE;
    } else if (!strcmp(name, "termNote") && type && !strcmp(type, "administrativeStatus")) {
        r->what = T_ADMSTATUS;
    } else if (!strcmp(name, "descrip") && type && !strcmp(type, "context")) {
        r->what = T_CONTEXT;
    } else if (!strcmp(name, "admin") && type && !strcmp(type, "source")) {
        r->what = T_SOURCE;
    } else if (!strcmp(name, "note") && r->depth == r->entry_depth + 1) {
        r->what = T_ENTRY_NOTE;
    } else {
        return 0;
    }
    r->what_depth = r->depth;
    strbuf_reset(&r->text);
    xml_reader_want_text(r->xr, 1);
    return 0;
}

static int on_text(void *ctx, const char *s, size_t len)
{
    struct tbx_reader *r = ctx;
    if (r->what)
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
        break;
    case T_SOURCE:
        dst = &r->source;
        break;
    case T_ENTRY_NOTE:
        if (!strncmp(r->text.buf, "x-status: ", 10)) {
            int st = termbase_review_parse(r->text.buf + 10);
            if (st >= 0)
                e->c.status = (enum termbase_review)st;
        } else if (!strncmp(r->text.buf, "x-dadeum-confidence: ", 21)) {
            exchange_set_confidence(&e->c, r->text.buf + 21);
        } else if (!strncmp(r->text.buf, "x-kind: ", 8)) {
            e->c.kind = exchange_concept_strdup(e, r->text.buf + 8, r->text.len - 8);
        } else if (!e->c.note && r->text.len) {
            e->c.note = exchange_concept_strdup(e, r->text.buf, r->text.len);
        }
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

static void end_termsec(struct tbx_reader *r)
{
    struct exchange_concept *e = &r->cur;
    const char *tt = r->termtype.buf, *as = r->admstatus.buf;
    enum termbase_form_type type = TERMBASE_FORM_KO;
    int preferred = 0;

    if (!r->term.len || r->side == SIDE_OTHER)
        return;
    if (r->side == SIDE_SOURCE) {
        if (!strcmp(tt, "shortForm"))
            type = TERMBASE_FORM_SHORT;
        else if (!strncmp(as, "admittedTerm", 12) || !strncmp(as, "deprecatedTerm", 14) ||
                 !strncmp(as, "supersededTerm", 14))
            type = !strcmp(tt, "variant") ? TERMBASE_FORM_NATIVE : TERMBASE_FORM_LOANWORD;
        else
            preferred = strcmp(tt, "variant") != 0 && !r->have_preferred;
    } else {
        if (!strcmp(tt, "acronym") || !strcmp(tt, "abbreviation") || !strcmp(tt, "initialism"))
            type = TERMBASE_FORM_ABBREV;
        else if (!*tt)
            type = exchange_guess_type(r->term.buf) == TERMBASE_FORM_ABBREV ? TERMBASE_FORM_ABBREV
                                                                            : TERMBASE_FORM_ENGLISH;
        else
            type = TERMBASE_FORM_ENGLISH;
    }
    if (preferred) {
        exchange_concept_set_ko(e, r->term.buf, r->term.len);
        r->have_preferred = 1;
    } else {
        exchange_concept_add_form(e, type, r->term.buf, r->term.len);
    }
    if (r->context.len && !e->c.example)
        e->c.example = exchange_concept_strdup(e, r->context.buf, r->context.len);
    if (r->source.len && !e->c.example_path)
        exchange_concept_set_source(e, r->source.buf, r->source.len);
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
    if (is_termsec(name) && r->in_termsec) {
        /* ntig holds a termGrp: the section ends with its own element */
        r->in_termsec = 0;
        end_termsec(r);
    } else if (!strcmp(name, "langSet") || !strcmp(name, "langSec")) {
        r->side = SIDE_OTHER;
    } else if (is_entry(name)) {
        r->in_entry = 0;
        exchange_concept_finish(&r->cur);
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

int tbx_read(const char *path, const struct exchange_reader *rd, struct exchange_error *err)
{
    static const struct xml_handlers h = {on_start, on_end, on_text};
    struct tbx_reader r;
    struct xml_error xe;
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
    exchange_concept_reset(&r.cur);
    ret = xml_read_file(path, &h, &r, &r.xr, &xe);
    if (!ret && !r.root_ok) {
        xe.code = XML_READ_EINPUT;
        snprintf(xe.message, sizeof(xe.message), "not a TBX file");
        ret = -1;
    }
    if (ret)
        exchange_error_from_xml(err, &xe, r.stopped);
    else
        ret = exchange_skipped_report(rd, &r.skipped, "entry", "entries", err);
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
