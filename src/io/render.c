/*
 * render.c - writing looked-up concepts as text, TSV or JSON (io/render.h).
 *
 * Text, for people:
 *
 *   인터넷 기반 자원 공유 ↔ 클라우드 ↔ cloud
 *     #3 · loanword · candidate · 39× in 1 document · exact match
 *     "…새로운 인터넷 기반 자원 공유(클라우드) 전략 제시" (a.txt:8)
 *
 * TSV: a header row, then one row per concept; tabs and newlines in values
 * become spaces. JSON: one array of objects, strings escaped per RFC 8259.
 * Text and TSV write other controls, and file names everywhere, as
 * utf8_add_visible does (\x1b), so that a hostile glossary cannot drive the
 * terminal and every output is UTF-8.
 */
#include <assert.h>
#include <inttypes.h>
#include <string.h>

#include "io/render.h"
#include "util/utf8.h"
#include "util/json.h"
#include "util/banned.h"

/* Characters of context shown before and after the term in text output. */
#define SNIPPET_BEFORE 30
#define SNIPPET_AFTER 50

/* A value: TAB, CR and LF as spaces, other controls escaped. */
static void field(FILE *fp, const char *s)
{
    utf8_write_visible(fp, s, UTF8_VISIBLE_BLANK);
}

/* A file name, the same way in every format (docs/formats.md). */
static void name(FILE *fp, const char *s)
{
    utf8_write_visible(fp, s, 0);
}

/* 1 when text is the preferred form or a loanword, English or abbreviation of c. */
static int on_main_line(const struct model_concept *c, const char *text)
{
    if (!strcmp(text, c->ko))
        return 1;
    for (size_t i = 0; i < c->nforms; i++)
        if (c->forms[i].type >= MODEL_FORM_LOANWORD && c->forms[i].type <= MODEL_FORM_ABBREV &&
            !strcmp(c->forms[i].text, text))
            return 1;
    return 0;
}

/*
 * Writes the forms of c of type t joined by sep; returns how many. With
 * skip_shown, forms already on the concept's main line are left out.
 */
static int forms_of(FILE *fp, const struct model_concept *c, enum model_form_type t,
                    const char *sep, int skip_shown)
{
    int n = 0;
    for (size_t i = 0; i < c->nforms; i++) {
        if (c->forms[i].type != t || (skip_shown && on_main_line(c, c->forms[i].text)))
            continue;
        if (n++)
            fputs(sep, fp);
        field(fp, c->forms[i].text);
    }
    return n;
}

static int has_type(const struct model_concept *c, enum model_form_type t, int skip_shown)
{
    for (size_t i = 0; i < c->nforms; i++)
        if (c->forms[i].type == t && !(skip_shown && on_main_line(c, c->forms[i].text)))
            return 1;
    return 0;
}

/* The example, cut to a window around the first Korean form found in it. */
static void snippet(FILE *fp, const struct model_concept *c)
{
    const char *s = c->example, *at = NULL;
    size_t len = strlen(s), start = 0, end, n;

    for (size_t i = 0; i < c->nforms && !at; i++)
        if (c->forms[i].type == MODEL_FORM_KO)
            at = strstr(s, c->forms[i].text);
    if (at) {
        start = (size_t)(at - s);
        for (n = 0; n < SNIPPET_BEFORE && start > 0; n++)
            start = utf8_prev(s, start);
    }
    end = start;
    for (n = 0; n < SNIPPET_BEFORE + SNIPPET_AFTER && end < len; n++) {
        uint32_t cp;
        end += utf8_decode(s + end, len - end, &cp);
    }
    fputs("    \"", fp);
    if (start > 0)
        fputs("…", fp);
    {
        struct strbuf sb = STRBUF_INIT;
        utf8_add_visible(&sb, s + start, end - start, UTF8_VISIBLE_BLANK);
        fwrite(sb.buf, 1, sb.len, fp);
        strbuf_release(&sb);
    }
    if (end < len)
        fputs("…", fp);
    fputs("\"", fp);
}

static void write_text(FILE *fp, const struct model_concept *c)
{
    static const enum model_form_type order[] = {MODEL_FORM_LOANWORD, MODEL_FORM_ENGLISH,
                                                 MODEL_FORM_ABBREV};
    int also = 0;

    field(fp, c->ko);
    for (size_t k = 0; k < sizeof(order) / sizeof(order[0]); k++) {
        if (!has_type(c, order[k], 0))
            continue;
        fputs(" ↔ ", fp);
        forms_of(fp, c, order[k], " / ", 0);
    }
    if (has_type(c, MODEL_FORM_KO, 1) || has_type(c, MODEL_FORM_NATIVE, 1) ||
        has_type(c, MODEL_FORM_SHORT, 1)) {
        static const enum model_form_type rest[] = {MODEL_FORM_KO, MODEL_FORM_NATIVE,
                                                    MODEL_FORM_SHORT};
        fputs("  (also ", fp);
        for (size_t k = 0; k < 3; k++) {
            if (also && has_type(c, rest[k], 1))
                fputs(", ", fp);
            also += forms_of(fp, c, rest[k], ", ", 1);
        }
        fputc(')', fp);
    }
    fprintf(fp, "\n    #%" PRId64 " · ", c->id);
    field(fp, c->kind && *c->kind ? c->kind : "-");
    fprintf(fp, " · %s · %lu× in %lu document%s", model_status_name(c->status), c->count, c->ndocs,
            c->ndocs == 1 ? "" : "s");
    if (c->match == MODEL_MATCH_FUZZY)
        fputs(" · fuzzy match '", fp);
    else if (c->match != MODEL_MATCH_NONE)
        fprintf(fp, " · %s match '", model_match_name(c->match));
    if (c->match != MODEL_MATCH_NONE) {
        field(fp, c->matched);
        fputc('\'', fp);
    }
    if (c->match == MODEL_MATCH_FUZZY)
        fprintf(fp, " (distance %.1f)", c->distance / 10.0);
    fputc('\n', fp);
    if (c->note) {
        fputs("    note: ", fp);
        field(fp, c->note);
        fputc('\n', fp);
    }
    if (c->example) {
        snippet(fp, c);
        fputs(" (", fp);
        name(fp, c->example_path);
        if (c->example_pos)
            fprintf(fp, ":%s)\n", c->example_pos);
        else
            fprintf(fp, ":%lu)\n", c->example_line);
    }
}

static void write_tsv(FILE *fp, const struct model_concept *c)
{
    fprintf(fp, "%" PRId64 "\t%s\t", c->id,
            c->match == MODEL_MATCH_NONE ? "" : model_match_name(c->match));
    field(fp, c->ko);
    for (int t = MODEL_FORM_LOANWORD; t <= MODEL_FORM_SHORT; t++) {
        fputc('\t', fp);
        forms_of(fp, c, (enum model_form_type)t, "; ", 0);
    }
    fputc('\t', fp);
    field(fp, c->kind);
    fprintf(fp, "\t%s\t%lu\t%lu\t", model_status_name(c->status), c->count, c->ndocs);
    name(fp, c->example_path);
    fputc('\t', fp);
    if (c->example && c->example_pos)
        field(fp, c->example_pos);
    else if (c->example)
        fprintf(fp, "%lu", c->example_line);
    fputc('\t', fp);
    field(fp, c->note);
    fputc('\n', fp);
}

static void json_list(FILE *fp, const struct model_concept *c, enum model_form_type t)
{
    int n = 0;
    fputc('[', fp);
    for (size_t i = 0; i < c->nforms; i++) {
        if (c->forms[i].type != t)
            continue;
        if (n++)
            fputc(',', fp);
        json_write_string(fp, c->forms[i].text);
    }
    fputc(']', fp);
}

static void write_json(FILE *fp, const struct model_concept *c)
{
    static const char *const keys[] = {"ko_forms", "loanwords", "english",
                                       "abbrevs",  "native",    "shortforms"};
    fprintf(fp, "{\"id\":%" PRId64 ",\"ko\":", c->id);
    json_write_string(fp, c->ko);
    for (int t = 0; t < MODEL_FORM_NTYPES; t++) {
        fprintf(fp, ",\"%s\":", keys[t]);
        json_list(fp, c, (enum model_form_type)t);
    }
    fputs(",\"kind\":", fp);
    json_write_string(fp, c->kind);
    fprintf(fp, ",\"status\":\"%s\",\"count\":%lu,\"documents\":%lu,", model_status_name(c->status),
            c->count, c->ndocs);
    if (c->has_confidence)
        fprintf(fp, "\"confidence\":%.2f,", c->confidence);
    fputs("\"note\":", fp);
    json_write_string(fp, c->note);
    if (c->match != MODEL_MATCH_NONE) {
        fprintf(fp, ",\"match\":\"%s\",\"matched\":", model_match_name(c->match));
        json_write_string(fp, c->matched);
        fprintf(fp, ",\"distance\":%.1f", c->match == MODEL_MATCH_FUZZY ? c->distance / 10.0 : 0.0);
    }
    fputs(",\"example\":", fp);
    if (c->example) {
        struct strbuf path = STRBUF_INIT;
        utf8_add_visible(&path, c->example_path ? c->example_path : "",
                         c->example_path ? strlen(c->example_path) : 0, 0);
        fputs("{\"file\":", fp);
        json_write_string(fp, c->example_path ? path.buf : NULL);
        strbuf_release(&path);
        fprintf(fp, ",\"line\":%lu,", c->example_line);
        if (c->example_pos) {
            fputs("\"pos\":", fp);
            json_write_string(fp, c->example_pos);
            fputc(',', fp);
        }
        fputs("\"context\":", fp);
        json_write_string(fp, c->example);
        fputc('}', fp);
    } else {
        fputs("null", fp);
    }
    fputc('}', fp);
}

void render_begin(FILE *fp, enum render_format fmt)
{
    assert(fmt == RENDER_TEXT || fmt == RENDER_TSV || fmt == RENDER_JSON);
    if (fmt == RENDER_TSV)
        fputs("id\tmatch\tko\tloanword\tenglish\tabbrev\tnative\tshortform\tkind\tstatus\tcount"
              "\tdocuments\tfile\tline\tnote\n",
              fp);
    if (fmt == RENDER_JSON)
        fputc('[', fp);
}

void render_concept(FILE *fp, enum render_format fmt, const struct model_concept *c, size_t i)
{
    assert(c);
    if (fmt == RENDER_TEXT)
        write_text(fp, c);
    else if (fmt == RENDER_TSV)
        write_tsv(fp, c);
    else {
        fputs(i ? ",\n " : "", fp);
        write_json(fp, c);
    }
}

void render_end(FILE *fp, enum render_format fmt)
{
    if (fmt == RENDER_JSON)
        fputs("]\n", fp);
}

void render_concepts(const struct model_concept *cs, size_t n, FILE *fp, enum render_format fmt)
{
    assert(cs || !n);
    render_begin(fp, fmt);
    for (size_t i = 0; i < n; i++)
        render_concept(fp, fmt, &cs[i], i);
    render_end(fp, fmt);
}
