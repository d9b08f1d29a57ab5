/*
 * tmx_write.c - TMX 1.4b (LISA OSCAR, 2005; now GALA) output.
 *
 *   <?xml version="1.0" encoding="UTF-8"?>
 *   <tmx version="1.4">
 *     <header creationtool="dadeum" creationtoolversion="0.1.0" segtype="phrase"
 *             o-tmf="dadeum" adminlang="en-US" srclang="ko-KR" datatype="plaintext"
 *             creationdate="20250101T000000Z"/>
 *     <body>
 *       <tu tuid="c12.1" creationdate="...">
 *         <prop type="x-concept-id">12</prop>       termbase concept id
 *         <prop type="x-kind">abbrev</prop>         what the concept's gloss is
 *         <prop type="x-status">approved</prop>     review status
 *         <prop type="x-dadeum-confidence">0.97</prop>  the concept's confidence
 *                                                   (docs/termbase.md, "Confidence")
 *         <prop type="x-abbreviation">AI</prop>     each abbreviation of the concept
 *         <prop type="x-loanword">에이아이</prop>     its other forms: x-loanword,
 *                                                   x-english, x-native, x-shortform
 *         <note>reviewer's note</note>             one per line of the concept's note
 *         <note>source: a.txt:2</note>              the example's document and line
 *         <note>example: 인공지능(AI) ...</note>     the example line
 *         <tuv xml:lang="ko-KR"><seg>인공지능</seg></tuv>
 *         <tuv xml:lang="en-US"><seg>AI</seg></tuv>
 *       </tu>
 *
 * The seven header attributes TMX 1.4b §4 requires are always written.
 * TMX has no synonyms: a concept with two Korean spellings and two English
 * forms gives four <tu>, all with the same x-concept-id, consecutive, so a
 * reader can put the concept back together. No DOCTYPE: readers must not
 * need to resolve a DTD (xmllint --dtdvalid checks against tmx14.dtd).
 * UTF-8 without a BOM; characters XML 1.0 forbids are dropped (xml/xml.h).
 */
#include <stdio.h>
#include <string.h>

#include "io/exchange.h"
#include "xml/xml.h"
#include "util/banned.h"

static void tmx_begin(struct exchange_writer *w)
{
    FILE *fp = w->fp;
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n"
          "  <header creationtool=\"dadeum\" creationtoolversion=\"",
          fp);
    xml_write_escaped(fp, w->opt.tool_version, 1);
    fputs("\" segtype=\"phrase\" o-tmf=\"dadeum\" adminlang=\"en-US\" srclang=\"", fp);
    xml_write_escaped(fp, w->opt.source_lang, 1);
    fputs("\" datatype=\"plaintext\" creationdate=\"", fp);
    fputs(w->opt.date, fp);
    fputs("\"/>\n  <body>\n", fp);
}

/* Property type of each form type (TMX 1.4b §3.4: user types start with "x-"). */
static const char *const tmx_prop_names[MODEL_FORM_NTYPES] = {
    "x-korean", "x-loanword", "x-english", "x-abbreviation", "x-native", "x-shortform"};

static void prop(FILE *fp, const char *type, const char *value)
{
    if (!value || !*value)
        return;
    fprintf(fp, "      <prop type=\"%s\">", type);
    xml_write_escaped(fp, value, 0);
    fputs("</prop>\n", fp);
}

static void note(FILE *fp, const char *prefix, const char *value)
{
    if (!value || !*value)
        return;
    fputs("      <note>", fp);
    fputs(prefix, fp);
    xml_write_escaped(fp, value, 0);
    fputs("</note>\n", fp);
}

/*
 * The concept's note, one <note> per line: tmx_read.c joins a unit's notes
 * with line feeds, so several notes come back as several notes.
 */
static void notes(FILE *fp, const char *value)
{
    struct strbuf line = STRBUF_INIT;
    while (value && *value) {
        size_t n = strcspn(value, "\n");
        strbuf_reset(&line);
        strbuf_add(&line, value, n);
        if (line.len && line.buf[line.len - 1] == '\r')
            strbuf_setlen(&line, line.len - 1); /* a CRLF note: XML would read the CR as LF */
        note(fp, "", line.buf);
        value += n + (value[n] == '\n');
    }
    strbuf_release(&line);
}

static void tuv(FILE *fp, const char *lang, const char *text)
{
    fputs("      <tuv xml:lang=\"", fp);
    xml_write_escaped(fp, lang, 1);
    fputs("\"><seg>", fp);
    xml_write_escaped(fp, text, 0);
    fputs("</seg></tuv>\n", fp);
}

static void tmx_pair(struct exchange_writer *w, const struct model_concept *c,
                     const struct model_form *source, const struct model_form *target)
{
    FILE *fp = w->fp;
    char id[32];
    struct strbuf src = STRBUF_INIT;

    w->units++;
    w->in_concept++;
    /*
     * A concept read from a file without ids (id 0) gets none: tmx_read.c
     * groups consecutive units by x-concept-id, and one shared "0" would
     * merge unrelated concepts.
     */
    if (c->id > 0) {
        snprintf(id, sizeof(id), "%lld", (long long)c->id);
        fprintf(fp, "    <tu tuid=\"c%s.%lu\" creationdate=\"%s\">\n", id, w->in_concept,
                w->opt.date);
        prop(fp, "x-concept-id", id);
    } else {
        fprintf(fp, "    <tu creationdate=\"%s\">\n", w->opt.date);
    }
    prop(fp, "x-kind", c->kind);
    prop(fp, "x-status", model_status_name(c->status));
    exchange_add_confidence(c, &src);
    prop(fp, "x-dadeum-confidence", src.buf);
    strbuf_reset(&src);
    /*
     * The concept's other forms, so that TMX carries the whole concept:
     * every abbreviation (a reader tells abbreviation targets by them), and
     * the forms that are neither source nor target of this file's pairs.
     * w->forms is in canonical order (exchange_sorted_forms).
     */
    for (size_t i = 0; i < w->nforms; i++) {
        enum model_form_type t = w->forms[i]->type;
        if (t == MODEL_FORM_ABBREV ||
            (t != MODEL_FORM_KO && t != source->type && t != target->type))
            prop(fp, tmx_prop_names[t], w->forms[i]->text);
    }
    notes(fp, c->note);
    exchange_source_string(c, w->opt.paths, &src);
    note(fp, "source: ", src.buf);
    note(fp, "example: ", c->example);
    tuv(fp, w->opt.source_lang, source->text);
    tuv(fp, w->opt.target == EXCHANGE_TARGET_LOANWORD ? w->opt.source_lang : w->opt.target_lang,
        target->text);
    fputs("    </tu>\n", fp);
    strbuf_release(&src);
}

static void tmx_concept(struct exchange_writer *w, const struct model_concept *c)
{
    exchange_for_each_pair(w, c, tmx_pair);
}

static void tmx_end(struct exchange_writer *w)
{
    fputs("  </body>\n</tmx>\n", w->fp);
}

const struct exchange_writer_ops tmx_writer = {"tmx", tmx_begin, tmx_concept, tmx_end, 0, NULL};
