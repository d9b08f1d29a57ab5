/*
 * write.c - TMX, TSV and JSONL of aligned segments (see write.h).
 */
#include <string.h>

#include "xml/xml.h"
#include "parallel/write.h"
#include "util/json.h"
#include "util/strbuf.h"
#include "util/banned.h"

void par_write_begin(const struct par_writer *w)
{
    switch (w->format) {
    case PAR_FORMAT_TMX:
        fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n"
              "  <header creationtool=\"dadeum\" creationtoolversion=\"",
              w->fp);
        xml_write_escaped(w->fp, w->tool_version, 1);
        fputs("\" segtype=\"sentence\" o-tmf=\"dadeum\" adminlang=\"en-US\" srclang=\"ko-KR\""
              " datatype=\"plaintext\" creationdate=\"",
              w->fp);
        xml_write_escaped(w->fp, w->date, 1);
        fputs("\"/>\n  <body>\n", w->fp);
        break;
    case PAR_FORMAT_TSV:
        fputs("ko\ten\tscore\tko_pos\ten_pos\tko_file\ten_file\n", w->fp);
        break;
    case PAR_FORMAT_JSONL:
        break;
    }
}

void par_write_end(const struct par_writer *w)
{
    if (w->format == PAR_FORMAT_TMX)
        fputs("  </body>\n</tmx>\n", w->fp);
}

/* The sentences [first, first + n) of d joined by a space, into out. */
static void segment(struct strbuf *out, const struct par_doc *d, size_t first, unsigned n)
{
    strbuf_reset(out);
    for (unsigned k = 0; k < n; k++) {
        if (k)
            strbuf_addch(out, ' ');
        strbuf_add(out, par_sentence_text(d, first + k), d->sent[first + k].len);
    }
}

static void positions(struct strbuf *out, const struct par_doc *d, size_t first, unsigned n)
{
    strbuf_reset(out);
    for (unsigned k = 0; k < n; k++)
        strbuf_addf(out, "%s%lu.%u", k ? "," : "", d->sent[first + k].line, d->sent[first + k].idx);
}

/* A TSV field: tabs and line ends cannot occur in a sentence (the reader splits lines; TAB is
 * kept by the normaliser), so a TAB becomes a space. */
static void tsv_field(FILE *fp, const char *s)
{
    for (; *s; s++)
        fputc(*s == '\t' ? ' ' : *s, fp);
}

static void prop(FILE *fp, const char *type, const char *value)
{
    fprintf(fp, "      <prop type=\"%s\">", type);
    xml_write_escaped(fp, value, 0);
    fputs("</prop>\n", fp);
}

size_t par_write_links(const struct par_writer *w, const struct par_doc *ko,
                       const struct par_doc *en, const struct par_alignment *al, double min_score,
                       const char *ko_name, const char *en_name)
{
    struct strbuf ks = STRBUF_INIT, es = STRBUF_INIT, kp = STRBUF_INIT, ep = STRBUF_INIT;
    char score[32];
    size_t count = 0;
    FILE *fp = w->fp;

    for (size_t i = 0; i < al->n; i++) {
        const struct par_link *l = &al->links[i];
        if (l->score < min_score)
            continue;
        count++;
        segment(&ks, ko, l->ko, l->nko);
        segment(&es, en, l->en, l->nen);
        positions(&kp, ko, l->ko, l->nko);
        positions(&ep, en, l->en, l->nen);
        snprintf(score, sizeof(score), "%.3f", l->score);
        switch (w->format) {
        case PAR_FORMAT_TMX:
            fprintf(fp, "    <tu creationdate=\"%s\">\n", w->date);
            prop(fp, "x-dadeum-score", score);
            prop(fp, "x-dadeum-source-ko", ko_name);
            prop(fp, "x-dadeum-source-en", en_name);
            prop(fp, "x-dadeum-pos-ko", kp.buf);
            prop(fp, "x-dadeum-pos-en", ep.buf);
            fputs("      <tuv xml:lang=\"ko-KR\"><seg>", fp);
            xml_write_escaped(fp, ks.buf, 0);
            fputs("</seg></tuv>\n      <tuv xml:lang=\"en-US\"><seg>", fp);
            xml_write_escaped(fp, es.buf, 0);
            fputs("</seg></tuv>\n    </tu>\n", fp);
            break;
        case PAR_FORMAT_TSV:
            tsv_field(fp, ks.buf);
            fputc('\t', fp);
            tsv_field(fp, es.buf);
            fprintf(fp, "\t%s\t%s\t%s\t", score, kp.buf, ep.buf);
            tsv_field(fp, ko_name);
            fputc('\t', fp);
            tsv_field(fp, en_name);
            fputc('\n', fp);
            break;
        case PAR_FORMAT_JSONL:
            fputs("{\"ko\":", fp);
            json_write_string(fp, ks.buf);
            fputs(",\"en\":", fp);
            json_write_string(fp, es.buf);
            fprintf(fp, ",\"score\":%s,\"ko_pos\":", score);
            json_write_string(fp, kp.buf);
            fputs(",\"en_pos\":", fp);
            json_write_string(fp, ep.buf);
            fputs(",\"ko_file\":", fp);
            json_write_string(fp, ko_name);
            fputs(",\"en_file\":", fp);
            json_write_string(fp, en_name);
            fputs("}\n", fp);
            break;
        }
    }
    strbuf_release(&ks);
    strbuf_release(&es);
    strbuf_release(&kp);
    strbuf_release(&ep);
    return count;
}
