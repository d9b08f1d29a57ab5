/*
 * tbx_write.c - TBX-Basic output, TBX v2 (martif) and TBX v3 (ISO 30042:2019).
 *
 * One entry per concept, one language section per language, one term
 * section per form:
 *
 *   v2 (ISO 30042:2008, TBX-Basic v2)     v3 (ISO 30042:2019, TBX-Basic, DCA style)
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
 * The pairs (termType, administrativeStatus) differ per form type, which is
 * how tbx_read.c gets the types back. TBX-Basic has no slot for the review
 * status or kind: they go in entry-level notes "x-status: ..." and
 * "x-kind: ...", beside the reviewer's note; so does the concept's
 * confidence, "x-dadeum-confidence: 0.97" (an <admin> or <descrip> of a type
 * TBX-Basic lacks would fail its validation; docs/formats.md). context and source go with the
 * preferred Korean term, the form the example was found for.
 */
#include <stdio.h>
#include <string.h>

#include "io/exchange.h"
#include "io/xml.h"
#include "util/banned.h"

struct tbx_tags {
    const char *entry; /* termEntry / conceptEntry */
    const char *lang;  /* langSet / langSec */
    const char *term;  /* tig / termSec */
};

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
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<martif type=\"TBX-Basic\" xml:lang=\"", fp);
    xml_write_escaped(fp, w->opt.target_lang, 1);
    fputs("\">\n  <martifHeader>\n", fp);
    header_desc(w);
    fputs("    <encodingDesc><p type=\"XCSURI\">TBXBasicXCSV02.xcs</p></encodingDesc>\n"
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

static int is_acronym(const char *s)
{
    int letters = 0;
    for (; *s; s++) {
        if (*s >= 'A' && *s <= 'Z')
            letters++;
        else if (!(*s >= '0' && *s <= '9') && *s != '&')
            return 0;
    }
    return letters >= 2;
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

static void write_term(struct exchange_writer *w, const struct tbx_tags *t,
                       const struct termbase_concept *c, const struct termbase_form *f,
                       int preferred)
{
    struct strbuf *sb = &w->buf;
    const char *type = "fullForm", *status = "admittedTerm-admn-sts";

    switch (f->type) {
    case TERMBASE_FORM_KO:
        type = preferred ? "fullForm" : "variant";
        status = "preferredTerm-admn-sts";
        break;
    case TERMBASE_FORM_LOANWORD:
        if (c->status == TERMBASE_APPROVED)
            status = "deprecatedTerm-admn-sts";
        break;
    case TERMBASE_FORM_NATIVE:
        type = "variant";
        break;
    case TERMBASE_FORM_SHORT:
        type = "shortForm";
        break;
    case TERMBASE_FORM_ENGLISH:
        status = "preferredTerm-admn-sts";
        break;
    case TERMBASE_FORM_ABBREV:
        type = is_acronym(f->text) ? "acronym" : "abbreviation";
        break;
    default:
        break;
    }
    tag(sb, "          ", "<", t->term);
    ADD(sb, "            <term>");
    xml_add_escaped(sb, f->text, 0);
    ADD(sb, "</term>\n");
    term_note(sb, "termType", type);
    term_note(sb, "administrativeStatus", status);
    if (preferred) {
        struct strbuf src = STRBUF_INIT;
        if (c->example && *c->example) {
            ADD(sb, "            <descrip type=\"context\">");
            xml_add_escaped(sb, c->example, 0);
            ADD(sb, "</descrip>\n");
        }
        exchange_source_string(c, &src);
        if (src.len) {
            ADD(sb, "            <admin type=\"source\">");
            xml_add_escaped(sb, src.buf, 0);
            ADD(sb, "</admin>\n");
        }
        strbuf_release(&src);
    }
    tag(sb, "          ", "</", t->term);
}

static int source_side(enum termbase_form_type t)
{
    return t != TERMBASE_FORM_ENGLISH && t != TERMBASE_FORM_ABBREV;
}

static void write_entry(struct exchange_writer *w, const struct tbx_tags *t,
                        const struct termbase_concept *c)
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
    strbuf_addstr(sb, termbase_review_name(c->status));
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
    for (int side = 1; side >= 0; side--) {
        int open = 0;
        for (size_t i = 0; i < n; i++) {
            const struct termbase_form *f = w->forms[i];
            if (source_side(f->type) != side)
                continue;
            if (!open) {
                ADD(sb, "        <");
                strbuf_addstr(sb, t->lang);
                ADD(sb, " xml:lang=\"");
                xml_add_escaped(sb, side ? w->opt.source_lang : w->opt.target_lang, 1);
                ADD(sb, "\">\n");
                open = 1;
            }
            write_term(w, t, c, f, i == 0 && f->type == TERMBASE_FORM_KO);
        }
        if (open)
            tag(sb, "        ", "</", t->lang);
    }
    tag(sb, "      ", "</", t->entry);
    fwrite(sb->buf, 1, sb->len, w->fp);
}

static void tbx2_concept(struct exchange_writer *w, const struct termbase_concept *c)
{
    write_entry(w, &v2, c);
}

static void tbx3_concept(struct exchange_writer *w, const struct termbase_concept *c)
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

const struct exchange_writer_ops tbx2_writer = {"tbx", tbx2_begin, tbx2_concept, tbx2_end};
const struct exchange_writer_ops tbx3_writer = {"tbx3", tbx3_begin, tbx3_concept, tbx3_end};
