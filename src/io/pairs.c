/*
 * pairs.c - TSV and JSON Lines output of extracted pairs.
 */
#include <string.h>

#include "io/pairs.h"
#include "util/json.h"
#include "util/utf8.h"
#include "util/banned.h"

static void tsv_field(FILE *fp, const char *s)
{
    utf8_write_visible(fp, s, UTF8_VISIBLE_BLANK);
}

void pairs_write_header(FILE *fp, enum pairs_format fmt)
{
    if (fmt == PAIRS_TSV)
        fputs("file\tline\tko\tgloss\tkind\tcount\treversed\ten\tabbr\tconfidence\tevidence\t"
              "source\n",
              fp);
}

void pairs_write(FILE *fp, enum pairs_format fmt, const char *file, const struct extract_pair *p)
{
    struct strbuf name = STRBUF_INIT;

    /* a file name may hold any byte; written the same way in both formats */
    if (utf8_visible_prefix(file, strlen(file), 0) != strlen(file)) {
        utf8_add_visible(&name, file, strlen(file), 0);
        file = name.buf;
    }
    if (fmt == PAIRS_TSV) {
        fputs(file, fp);
        fprintf(fp, "\t%lu\t", p->line);
        tsv_field(fp, p->ko);
        fputc('\t', fp);
        tsv_field(fp, p->gloss);
        fprintf(fp, "\t%s\t%u\t%d\t", model_kind_name(p->kind), p->count, p->reversed);
        tsv_field(fp, p->en);
        fputc('\t', fp);
        tsv_field(fp, p->abbr);
        if (p->en)
            fprintf(fp, "\t%.2f\t", p->confidence);
        else
            fputs("\t\t", fp);
        tsv_field(fp, p->evidence);
        fputc('\t', fp);
        tsv_field(fp, p->source);
        fputc('\n', fp);
        strbuf_release(&name);
        return;
    }
    fputs("{\"file\":", fp);
    json_write_string(fp, file);
    fprintf(fp, ",\"line\":%lu,\"ko\":", p->line);
    json_write_string(fp, p->ko);
    fputs(",\"gloss\":", fp);
    json_write_string(fp, p->gloss);
    fprintf(fp, ",\"kind\":\"%s\",\"count\":%u,\"reversed\":%s,\"en\":", model_kind_name(p->kind),
            p->count, p->reversed ? "true" : "false");
    json_write_string(fp, p->en);
    fputs(",\"abbr\":", fp);
    json_write_string(fp, p->abbr);
    if (p->en)
        fprintf(fp, ",\"confidence\":%.2f", p->confidence);
    else
        fputs(",\"confidence\":null", fp);
    fputs(",\"evidence\":", fp);
    json_write_string(fp, p->evidence);
    fputs(",\"source\":", fp);
    json_write_string(fp, p->source);
    fputs(",\"context\":", fp);
    json_write_string(fp, p->context ? p->context : "");
    fputs("}\n", fp);
    strbuf_release(&name);
}
