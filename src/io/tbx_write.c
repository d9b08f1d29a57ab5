/*
 * tbx_write.c - TBX-Basic output, TBX v2 (martif) and TBX v3 (ISO 30042:2019).
 *
 * One entry per concept, one language section per language, one term
 * section per form:
 *
 *   v2 (ISO 30042:2008, TBX-Basic v2)     v3 (ISO 30042:2019, TBX-Basic, DCA style)
 *   <!DOCTYPE martif SYSTEM "TBXBasic...">
 *   <martif type="TBX-Basic" xml:lang>    <tbx type="TBX-Basic" style="dca" xml:lang
 *                                              xmlns="urn:iso:std:iso:30042:ed-2">
 *     <martifHeader>...                     <tbxHeader>...
 *     <text><body>                          <text><body>
 *       <termEntry id="c12">                  <conceptEntry id="c12">
 *         <note>x-status: approved</note>       (the same notes)
 *         <note>x-dadeum-confidence: 0.97</note>
 *         <langSet xml:lang="ko-KR">            <langSec xml:lang="ko-KR">
 *           <tig>                                 <termSec>
 *             <term>인공지능</term>                  (the same children)
 *             <termNote type="termType">fullForm</termNote>
 *             <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
 *             <descrip type="context">인공지능(AI) 안전연구소가 ...</descrip>
 *             <admin type="source">a.txt:2</admin>
 *
 * Data categories and picklist values (TBX-Basic; tests/t0610 checks them):
 *
 *   form             language  termType      administrativeStatus
 *   preferred ko     source    fullForm      preferredTerm-admn-sts
 *   other ko         source    variant       preferredTerm-admn-sts
 *   loanword         source    fullForm      admittedTerm-admn-sts, or
 *                                            deprecatedTerm-admn-sts once the concept
 *                                            (its plain Korean term) is approved
 *   native synonym   source    variant       admittedTerm-admn-sts
 *   short form       source    shortForm     admittedTerm-admn-sts
 *   English          target    fullForm      preferredTerm-admn-sts
 *   abbreviation     target    acronym (letters only: AI, CEO) or
 *                              abbreviation  admittedTerm-admn-sts
 *
 * (exchange_tbx_term_categories, exchange.c, holds this table.)
 *
 * The pairs (termType, administrativeStatus) differ per form type, which is
 * how tbx_read.c gets the types back. The data categories an import kept
 * (struct model_datcat) are written back at their level and in file
 * order: entry ones after the notes, language ones before the first term,
 * a term's termNotes after the two above (a kept termType or
 * administrativeStatus replaces the derived one) and its other ones after
 * the example. TBX-Basic has no slot for the review
 * status or kind: they go in entry-level notes "x-status: ..." and
 * "x-kind: ...", beside the reviewer's note; so does the concept's
 * confidence, "x-dadeum-confidence: 0.97" (an <admin> or <descrip> of a type
 * TBX-Basic lacks would fail its validation; docs/formats.md). context and source go with the
 * preferred Korean term, the form the example was found for.
 */
#include <stdio.h>
#include <string.h>

#include "io/exchange.h"
#include "xml/xml.h"
#include "util/banned.h"

struct tbx_tags {
    const char *entry; /* termEntry / conceptEntry */
    const char *lang;  /* langSet / langSec */
    const char *term;  /* tig / termSec */
};

/* System id of the TBX v2 DOCTYPE and the XCS file the header names, beside the .tbx. */
#define TBX2_DTD "TBXBasiccoreStructV02.dtd"
#define TBX2_XCS "dadeum-tbx-basic.xcs"

static const struct tbx_tags v2 = {"termEntry", "langSet", "tig"};
static const struct tbx_tags v3 = {"conceptEntry", "langSec", "termSec"};

static void header_desc(struct exchange_writer *w)
{
    FILE *fp = w->fp;
    fputs("    <fileDesc>\n"
          "      <titleStmt><title>dadeum glossary</title></titleStmt>\n"
          "      <sourceDesc><p>Exported by dadeum ",
          fp);
    xml_write_escaped(fp, w->opt.tool_version, 0);
    fprintf(fp, " on %s</p></sourceDesc>\n    </fileDesc>\n", w->opt.date);
}

static void tbx2_begin(struct exchange_writer *w)
{
    FILE *fp = w->fp;
    /*
     * The DOCTYPE of the TBX-Basic sample: TBXChecker wants it ("not
     * minimally TBX valid" without), and no reader here fetches it. The
     * XCS is ours (glossaries/dadeum-tbx-basic.xcs): the stock one lists
     * en, fr and de only, so every ko-KR langSet failed against it.
     */
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<!DOCTYPE martif SYSTEM \"" TBX2_DTD "\">\n"
          "<martif type=\"TBX-Basic\" xml:lang=\"",
          fp);
    xml_write_escaped(fp, w->opt.target_lang, 1);
    fputs("\">\n  <martifHeader>\n", fp);
    header_desc(w);
    fputs("    <encodingDesc><p type=\"XCSURI\">" TBX2_XCS "</p></encodingDesc>\n"
          "  </martifHeader>\n  <text>\n    <body>\n",
          fp);
}

static void tbx3_begin(struct exchange_writer *w)
{
    FILE *fp = w->fp;
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<tbx xmlns=\"urn:iso:std:iso:30042:ed-2\" type=\"TBX-Basic\" style=\"dca\" xml:lang=\"",
          fp);
    xml_write_escaped(fp, w->opt.target_lang, 1);
    fputs("\">\n  <tbxHeader>\n", fp);
    header_desc(w);
    fputs("  </tbxHeader>\n  <text>\n    <body>\n", fp);
}

/*
 * An entry is built in w->buf and written with one fwrite: stdio's per-call
 * cost was half the time of writing a million entries (make bench).
 * ADD appends a string literal without strlen.
 */
#define ADD(sb, lit) strbuf_add((sb), (lit), sizeof(lit) - 1)

static void term_note(struct strbuf *sb, const char *type, const char *value)
{
    ADD(sb, "            <termNote type=\"");
    strbuf_addstr(sb, type);
    ADD(sb, "\">");
    strbuf_addstr(sb, value);
    ADD(sb, "</termNote>\n");
}

static void tag(struct strbuf *sb, const char *indent, const char *open, const char *name)
{
    strbuf_addstr(sb, indent);
    strbuf_addstr(sb, open);
    strbuf_addstr(sb, name);
    ADD(sb, ">\n");
}

/* 1 when d belongs to form f on side (a term-level data category). */
static int datcat_of(const struct model_datcat *d, const struct model_form *f, int side)
{
    return d->level == MODEL_LEVEL_TERM && d->side == side && d->form_type == f->type && d->form &&
           !strcmp(d->form, f->text);
}

/* The value of f's termNote of the given type kept from an import, or NULL. */
static const char *kept_term_note(const struct model_concept *c, const struct model_form *f,
                                  int side, const char *type)
{
    for (size_t i = 0; i < c->ndatcats; i++) {
        const struct model_datcat *d = &c->datcats[i];
        if (datcat_of(d, f, side) && !strcmp(d->element, "termNote") && d->type &&
            !strcmp(d->type, type))
            return d->value;
    }
    return NULL;
}

static int is_derived_note(const struct model_datcat *d)
{
    return !strcmp(d->element, "termNote") && d->type &&
           (!strcmp(d->type, "termType") || !strcmp(d->type, "administrativeStatus"));
}

/* What write_datcats writes of a term's data categories. */
enum datcat_part {
    PART_ALL = 0,    /* entry and language section: everything */
    PART_TERM_NOTES, /* a term's termNotes but termType and administrativeStatus */
    PART_TERM_OTHERS /* the rest of a term's */
};

/*
 * Writes the data categories of c kept from an import (struct model_datcat)
 * that sit at level on side (for a term, f's) in file order, each as
 * <element type="..." target="...">value</element>, consecutive members
 * of one group inside their descripGrp / adminGrp / transacGrp.
 */
static void write_datcats(struct strbuf *sb, const char *indent, const struct model_concept *c,
                          enum model_level level, int side, const struct model_form *f,
                          enum datcat_part part)
{
    const struct model_datcat *open = NULL; /* the group being written */

    for (size_t i = 0; i < c->ndatcats; i++) {
        const struct model_datcat *d = &c->datcats[i];
        int note;
        if (d->level != level || (level != MODEL_LEVEL_ENTRY && d->side != side) ||
            (f && !datcat_of(d, f, side)))
            continue;
        note = !strcmp(d->element, "termNote") && !d->group;
        if ((part == PART_TERM_NOTES && (!note || is_derived_note(d))) ||
            (part == PART_TERM_OTHERS && note))
            continue;
        if (open && (!d->group || strcmp(open->group, d->group) || open->group_no != d->group_no)) {
            strbuf_addstr(sb, indent);
            tag(sb, "", "</", open->group);
            open = NULL;
        }
        if (d->group && !open) {
            strbuf_addstr(sb, indent);
            tag(sb, "", "<", d->group);
            open = d;
        }
        strbuf_addstr(sb, indent);
        if (open)
            ADD(sb, "  ");
        strbuf_addch(sb, '<');
        strbuf_addstr(sb, d->element);
        if (d->type) {
            ADD(sb, " type=\"");
            xml_add_escaped(sb, d->type, 1);
            strbuf_addch(sb, '"');
        }
        if (d->ref) {
            ADD(sb, " target=\"");
            xml_add_escaped(sb, d->ref, 1);
            strbuf_addch(sb, '"');
        }
        strbuf_addch(sb, '>');
        xml_add_escaped(sb, d->value, 0);
        ADD(sb, "</");
        strbuf_addstr(sb, d->element);
        ADD(sb, ">\n");
    }
    if (open) {
        strbuf_addstr(sb, indent);
        tag(sb, "", "</", open->group);
    }
}

static void write_term(struct exchange_writer *w, const struct tbx_tags *t,
                       const struct model_concept *c, const struct model_form *f, int side,
                       int preferred)
{
    struct strbuf *sb = &w->buf;
    const char *type, *status, *kept;

    /* what the form type says, unless the file the concept came from said otherwise */
    exchange_tbx_term_categories(c, f, preferred, &type, &status);
    if ((kept = kept_term_note(c, f, side, "termType")))
        type = kept;
    if ((kept = kept_term_note(c, f, side, "administrativeStatus")))
        status = kept;
    tag(sb, "          ", "<", t->term);
    ADD(sb, "            <term>");
    xml_add_escaped(sb, f->text, 0);
    ADD(sb, "</term>\n");
    term_note(sb, "termType", type);
    term_note(sb, "administrativeStatus", status);
    write_datcats(sb, "            ", c, MODEL_LEVEL_TERM, side, f, PART_TERM_NOTES);
    if (preferred) {
        struct strbuf src = STRBUF_INIT;
        if (c->example && *c->example) {
            ADD(sb, "            <descrip type=\"context\">");
            xml_add_escaped(sb, c->example, 0);
            ADD(sb, "</descrip>\n");
        }
        exchange_source_string(c, w->opt.paths, &src);
        if (src.len) {
            ADD(sb, "            <admin type=\"source\">");
            xml_add_escaped(sb, src.buf, 0);
            ADD(sb, "</admin>\n");
        }
        strbuf_release(&src);
    }
    write_datcats(sb, "            ", c, MODEL_LEVEL_TERM, side, f, PART_TERM_OTHERS);
    tag(sb, "          ", "</", t->term);
}

static int source_side(enum model_form_type t)
{
    return t != MODEL_FORM_ENGLISH && t != MODEL_FORM_ABBREV;
}

static void write_entry(struct exchange_writer *w, const struct tbx_tags *t,
                        const struct model_concept *c)
{
    struct strbuf *sb = &w->buf;
    size_t n = exchange_sorted_forms(w, c);

    if (!n)
        return;
    w->units++;
    strbuf_reset(sb);
    ADD(sb, "      <");
    strbuf_addstr(sb, t->entry);
    /*
     * An entry's id is an XML ID, unique in the file. A concept read
     * from a file without ids (id 0) gets "e" and its ordinal, which
     * cannot clash with a "c" id and which tbx_read.c reads as no id.
     */
    if (c->id > 0)
        strbuf_addf(sb, " id=\"c%lld\"", (long long)c->id);
    else
        strbuf_addf(sb, " id=\"e%lu\"", w->concepts);
    ADD(sb, ">\n        <note>x-status: ");
    strbuf_addstr(sb, model_status_name(c->status));
    ADD(sb, "</note>\n");
    if (c->has_confidence) {
        ADD(sb, "        <note>x-dadeum-confidence: ");
        exchange_add_confidence(c, sb);
        ADD(sb, "</note>\n");
    }
    if (c->kind && *c->kind) {
        ADD(sb, "        <note>x-kind: ");
        xml_add_escaped(sb, c->kind, 0);
        ADD(sb, "</note>\n");
    }
    if (c->note && *c->note) {
        ADD(sb, "        <note>");
        xml_add_escaped(sb, c->note, 0);
        ADD(sb, "</note>\n");
    }
    write_datcats(sb, "        ", c, MODEL_LEVEL_ENTRY, 0, NULL, PART_ALL);
    for (int side = 1; side >= 0; side--) {
        int open = 0;
        for (size_t i = 0; i < n; i++) {
            const struct model_form *f = w->forms[i];
            if (source_side(f->type) != side)
                continue;
            if (!open) {
                ADD(sb, "        <");
                strbuf_addstr(sb, t->lang);
                ADD(sb, " xml:lang=\"");
                xml_add_escaped(sb, side ? w->opt.source_lang : w->opt.target_lang, 1);
                ADD(sb, "\">\n");
                write_datcats(sb, "          ", c, MODEL_LEVEL_LANG, !side, NULL, PART_ALL);
                open = 1;
            }
            write_term(w, t, c, f, !side, i == 0 && f->type == MODEL_FORM_KO);
        }
        if (open)
            tag(sb, "        ", "</", t->lang);
    }
    tag(sb, "      ", "</", t->entry);
    fwrite(sb->buf, 1, sb->len, w->fp);
}

static void tbx2_concept(struct exchange_writer *w, const struct model_concept *c)
{
    write_entry(w, &v2, c);
}

static void tbx3_concept(struct exchange_writer *w, const struct model_concept *c)
{
    write_entry(w, &v3, c);
}

static void tbx2_end(struct exchange_writer *w)
{
    fputs("    </body>\n  </text>\n</martif>\n", w->fp);
}

static void tbx3_end(struct exchange_writer *w)
{
    fputs("    </body>\n  </text>\n</tbx>\n", w->fp);
}

const struct exchange_writer_ops tbx2_writer = {"tbx", tbx2_begin, tbx2_concept, tbx2_end, 0, NULL};
const struct exchange_writer_ops tbx3_writer = {"tbx3",   tbx3_begin, tbx3_concept,
                                                tbx3_end, 0,          NULL};
