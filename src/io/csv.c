/*
 * csv.c - delimited glossaries: OmegaT TSV and RFC 4180 CSV, read and written.
 *
 * TSV, as OmegaT reads a glossary file (OmegaT manual, "Glossaries"):
 *
 *   # dadeum glossary: ko-KR -> en-US, 20250101T000000Z
 *   인공지능<TAB>AI<TAB>#12; approved; kind=abbrev; type=abbrev
 *
 * one row per Korean/target pair, source TAB target TAB comment; no quoting
 * (TAB, CR and LF inside a field become spaces, other controls \x1b as
 * utf8_add_visible writes them); lines starting with '#' are comments. The comment carries the
 * concept id, review status, kind, the target's form type and the reviewer's note ("note=..."
 * last).
 *
 * The omegat format is the same rows without the two '#' lines: the exact
 * shape of an OmegaT glossary (UTF-8, three columns, no header), written to
 * a .txt, the name OmegaT reads as UTF-8 (it ignores .tsv files and takes
 * a CSV header for an entry). OmegaT shows the comment to the translator.
 *
 * CSV, RFC 4180: CRLF line ends, a header row, fields quoted when they hold
 * a comma, a quote, CR or LF, or start or end with a space; quotes doubled;
 * controls but TAB, CR and LF written as \x1b.
 *
 *   ko-KR,en-US,concept_id,status,kind,type,abbreviation,note,source,example,confidence
 *
 * confidence is the concept's (docs/termbase.md, "Confidence"), last so
 * that readers which take columns by position still find the others.
 *
 * The first two columns are named by language tag, which is how memoQ and
 * Phrase map CSV columns to term base languages.
 *
 * Reading: the bytes go through text/decode.h, so UTF-8 with or without
 * BOM, UTF-16LE/BE with BOM (memoQ exports) and CP949 (Korean Excel) all
 * work; memory is bounded by the longest record. Consecutive rows with the
 * same concept id (or, without ids, the same source text) form one concept.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "io/exchange.h"
#include "io/lang.h"
#include "text/decode.h"
#include "util/strmap.h"
#include "util/utf8.h"
#include "util/xmalloc.h"
#include "util/banned.h"

/* Longest field accepted, in bytes (a glossary field, not a document). */
#define CSV_MAX_FIELD (1u << 20)

/* ---- writing --------------------------------------------------------------------------- */

/* TSV fields cannot quote: TAB, CR and LF become spaces. */
/*
 * A row is built in w->buf and written with one fwrite, as TBX entries are
 * (tbx_write.c): a dozen stdio calls per row were a fifth of converting a
 * million-unit TMX to TSV.
 */
#define ADD(sb, lit) strbuf_add((sb), (lit), sizeof(lit) - 1)

/*
 * Appends s with TAB, CR and LF made spaces (OmegaT's TSV has no quoting)
 * and other controls written as \x1b (utf8_add_visible), so that a
 * glossary shown in a terminal cannot drive it.
 */
static void tsv_field(struct strbuf *sb, const char *s)
{
    const char *p = s;
    size_t len;

    /*
     * A kind or short note is printable ASCII: one loop finds its end and
     * checks it, where strlen and utf8_visible_prefix each walked it.
     */
    while ((unsigned char)*p >= 0x20 && (unsigned char)*p < 0x7F)
        p++;
    if (!*p) {
        strbuf_add(sb, s, (size_t)(p - s));
        return;
    }
    len = (size_t)(p - s) + strlen(p);
    if (utf8_visible_prefix(s, len, UTF8_VISIBLE_BLANK) == len) /* the usual case */
        strbuf_add(sb, s, len);
    else
        utf8_add_visible(sb, s, len, UTF8_VISIBLE_BLANK);
}

/* tsv_field for a form's text, which needs no check when the reader found it plain. */
static void tsv_form(struct strbuf *sb, const struct model_form *f)
{
    if (f->plain)
        strbuf_addstr(sb, f->text);
    else
        tsv_field(sb, f->text);
}

/* Appends s[0..len), which has no control but TAB, CR and LF, as an RFC 4180 field. */
static void csv_quoted(struct strbuf *sb, const char *s, size_t len)
{
    int quote = len && (s[0] == ' ' || s[len - 1] == ' ');
    if (!quote && !strpbrk(s, ",\"\r\n")) {
        strbuf_add(sb, s, len);
        return;
    }
    strbuf_addch(sb, '"');
    for (; *s; s++) {
        if (*s == '"')
            strbuf_addch(sb, '"');
        strbuf_addch(sb, *s);
    }
    strbuf_addch(sb, '"');
}

/* Appends s as an RFC 4180 field, quoted when it must be; controls as in tsv_field but CR, LF. */
static void csv_field(struct strbuf *sb, const char *s)
{
    size_t len = s ? strlen(s) : 0;
    struct strbuf vis = STRBUF_INIT;
    if (!s)
        return;
    if (utf8_visible_prefix(s, len, UTF8_VISIBLE_TAB | UTF8_VISIBLE_NEWLINE) != len) {
        utf8_add_visible(&vis, s, len, UTF8_VISIBLE_TAB | UTF8_VISIBLE_NEWLINE);
        csv_quoted(sb, vis.buf, vis.len);
        strbuf_release(&vis);
        return;
    }
    csv_quoted(sb, s, len);
}

/* csv_field for a form's text, which needs no check for controls when the reader found it plain. */
static void csv_form(struct strbuf *sb, const struct model_form *f)
{
    if (f->plain)
        csv_quoted(sb, f->text, strlen(f->text));
    else
        csv_field(sb, f->text);
}

/* Appends the decimal digits of a positive id (snprintf was 4 % of a TSV row). */
static void add_id(struct strbuf *sb, long long id)
{
    char d[24];
    size_t n = 0;
    unsigned long long v = (unsigned long long)id;
    do
        d[sizeof(d) - ++n] = (char)('0' + v % 10);
    while ((v /= 10) && n < sizeof(d));
    strbuf_add(sb, d + sizeof(d) - n, n);
}

static void tsv_begin(struct exchange_writer *w)
{
    fprintf(w->fp, "# dadeum glossary: %s -> %s, %s\n", w->opt.source_lang,
            w->opt.target == EXCHANGE_TARGET_LOANWORD ? w->opt.source_lang : w->opt.target_lang,
            w->opt.date);
    fputs("# source\ttarget\tcomment (#concept id; status; kind=; type=; note=)\n", w->fp);
}

/*
 * The rest of a row after the id: "; status; kind=...; type=..." with
 * "; note=..." when there is a note, and the line end.
 */
static void tsv_comment_end(struct strbuf *sb, enum model_status status, const char *kind,
                            enum model_form_type type, const char *note)
{
    ADD(sb, "; ");
    strbuf_addstr(sb, model_status_name(status));
    ADD(sb, "; kind=");
    tsv_field(sb, kind);
    ADD(sb, "; type=");
    strbuf_addstr(sb, model_form_type_name(type));
    if (note && *note) {
        ADD(sb, "; note=");
        tsv_field(sb, note);
    }
    strbuf_addch(sb, '\n');
}

static void tsv_pair(struct exchange_writer *w, const struct model_concept *c,
                     const struct model_form *source, const struct model_form *target)
{
    struct strbuf *sb = &w->buf;

    w->units++;
    strbuf_reset(sb);
    tsv_form(sb, source);
    strbuf_addch(sb, '\t');
    tsv_form(sb, target);
    ADD(sb, "\t#");
    if (c->id > 0) /* no id: rows are grouped by their source text */
        add_id(sb, c->id);
    tsv_comment_end(sb, c->status, c->kind ? c->kind : "", target->type, c->note);
    fwrite(sb->buf, 1, sb->len, w->fp);
}

static void tsv_concept(struct exchange_writer *w, const struct model_concept *c)
{
    exchange_for_each_pair(w, c, tsv_pair);
}

/*
 * A concept given as a row (struct exchange_row): the pair tsv_concept
 * would write of its two forms. For --target english the target is one
 * whatever its type (an abbreviation when there is no English form);
 * abbrev wants an abbreviation, loanword a loanword form, which a row
 * has not: then no pair, as for such a concept.
 */
static void tsv_row(struct exchange_writer *w, const struct exchange_row *row)
{
    struct strbuf *sb = &w->buf;
    size_t len;
    char *p;

    if (w->opt.target == EXCHANGE_TARGET_LOANWORD ||
        (w->opt.target == EXCHANGE_TARGET_ABBREV && row->type != MODEL_FORM_ABBREV))
        return;
    w->units++;
    /*
     * The rows of a file mostly repeat one status, kind and type: what
     * tsv_comment_end writes of them is built once, and copied while they
     * repeat (a third of a row's cost when built each time).
     */
    if (!w->tail.len || row->status != w->tail_status || row->type != w->tail_type ||
        strcmp(row->kind, w->tail_kind.buf)) {
        strbuf_reset(&w->tail);
        tsv_comment_end(&w->tail, row->status, row->kind, row->type, NULL);
        strbuf_setlen(&w->tail, w->tail.len - 1); /* without the line end */
        w->tail_status = row->status;
        w->tail_type = row->type;
        strbuf_reset(&w->tail_kind);
        strbuf_addstr(&w->tail_kind, row->kind);
    }
    /*
     * "source TAB target TAB #id" and the comment's end, copied part by
     * part into a buffer grown once: strbuf_add's room test and NUL for
     * each of the six parts cost more than the copies of these short ones.
     * The texts are plain, as tsv_form copies them; the id is digits as
     * add_id writes them.
     */
    strbuf_reset(sb);
    len = row->source_len + 1 + row->target_len + 2 + row->id_len + w->tail.len;
    strbuf_grow(sb, len);
    p = sb->buf;
    memcpy(p, row->source, row->source_len);
    p += row->source_len;
    *p++ = '\t';
    memcpy(p, row->target, row->target_len);
    p += row->target_len;
    *p++ = '\t';
    *p++ = '#';
    memcpy(p, row->id, row->id_len);
    p += row->id_len;
    memcpy(p, w->tail.buf, w->tail.len);
    strbuf_setlen(sb, len);
    if (*row->note) {
        ADD(sb, "; note=");
        tsv_field(sb, row->note);
    }
    strbuf_addch(sb, '\n');
    /* no lock to test: exchange_writer_init gave fp to this thread */
    fwrite_unlocked(sb->buf, 1, sb->len, w->fp);
}

static const char *const csv_columns[] = {"concept_id", "status",       "kind",
                                          "type",       "abbreviation", "note",
                                          "source",     "example",      "confidence"};

static void csv_begin(struct exchange_writer *w)
{
    struct strbuf *sb = &w->buf;

    strbuf_reset(sb);
    csv_field(sb, w->opt.source_lang);
    strbuf_addch(sb, ',');
    csv_field(sb,
              w->opt.target == EXCHANGE_TARGET_LOANWORD ? w->opt.source_lang : w->opt.target_lang);
    for (size_t i = 0; i < sizeof(csv_columns) / sizeof(csv_columns[0]); i++) {
        strbuf_addch(sb, ',');
        strbuf_addstr(sb, csv_columns[i]);
    }
    ADD(sb, "\r\n");
    fwrite(sb->buf, 1, sb->len, w->fp);
}

static void csv_pair(struct exchange_writer *w, const struct model_concept *c,
                     const struct model_form *source, const struct model_form *target)
{
    struct strbuf *sb = &w->buf, field = STRBUF_INIT;

    w->units++;
    strbuf_reset(sb);
    csv_form(sb, source);
    strbuf_addch(sb, ',');
    csv_form(sb, target);
    strbuf_addch(sb, ',');
    if (c->id > 0) /* no id: grouped by source */
        add_id(sb, c->id);
    strbuf_addch(sb, ',');
    strbuf_addstr(sb, model_status_name(c->status));
    strbuf_addch(sb, ',');
    csv_field(sb, c->kind ? c->kind : "");
    strbuf_addch(sb, ',');
    strbuf_addstr(sb, model_form_type_name(target->type));
    strbuf_addch(sb, ',');
    for (size_t i = 0; i < w->nforms; i++) {
        if (w->forms[i]->type != MODEL_FORM_ABBREV)
            continue;
        if (field.len)
            ADD(&field, "; ");
        strbuf_addstr(&field, w->forms[i]->text);
    }
    csv_field(sb, field.buf);
    strbuf_addch(sb, ',');
    csv_field(sb, c->note ? c->note : "");
    strbuf_addch(sb, ',');
    strbuf_reset(&field);
    exchange_source_string(c, w->opt.paths, &field);
    csv_field(sb, field.buf);
    strbuf_addch(sb, ',');
    csv_field(sb, c->example ? c->example : "");
    strbuf_addch(sb, ',');
    exchange_add_confidence(c, sb);
    ADD(sb, "\r\n");
    fwrite(sb->buf, 1, sb->len, w->fp);
    strbuf_release(&field);
}

static void csv_concept(struct exchange_writer *w, const struct model_concept *c)
{
    exchange_for_each_pair(w, c, csv_pair);
}

/* TSV rows carry no example (docs/formats.md) */
const struct exchange_writer_ops tsv_writer = {
    "tsv", tsv_begin, tsv_concept, NULL, EXCHANGE_OMIT_EXAMPLE, tsv_row};
const struct exchange_writer_ops omegat_writer = {
    "omegat", NULL, tsv_concept, NULL, EXCHANGE_OMIT_EXAMPLE, tsv_row};
const struct exchange_writer_ops csv_writer = {"csv", csv_begin, csv_concept, NULL, 0, NULL};

/* ---- reading: records ------------------------------------------------------------------- */

enum col {
    COL_SOURCE,
    COL_TARGET,
    COL_ID,
    COL_STATUS,
    COL_KIND,
    COL_TYPE,
    COL_ABBR,
    COL_NOTE,
    COL_SRCREF,
    COL_EXAMPLE,
    COL_CONFIDENCE,
    COL_COMMENT,
    NCOLS
};

struct dsv_reader {
    const struct exchange_reader *rd; /* where concepts go */
    struct dd_error *err;             /* where errors go */
    int csv;                          /* 1: RFC 4180, 0: TSV */
    /* the record being split */
    struct strbuf *fields;                  /* fields of the current record */
    size_t nfields, afields;                /* used, allocated */
    int quoted, after_quote, pending_quote; /* CSV state: in quotes, just closed, "" check */
    int at_field_start;                     /* nothing read in the current field yet */
    unsigned long line, col;                /* position of the next character */
    unsigned long rec_line;                 /* line where the current record started */
    int rec_started;                        /* the current record has content */
    int pending_cr;                         /* a CR was seen: LF after it is part of the line end */
    /* the table */
    int map[NCOLS];  /* field index of each column, -1 when absent */
    int have_header; /* CSV header read */
    /* the concept being gathered */
    struct exchange_concept cur; /* rows so far */
    struct strbuf key;           /* id or source text of cur, "" when empty */
    struct strmap warned;        /* messages already given */
    struct strbuf lang[2];       /* canonical tags naming the source and target columns */
};

static int dsv_fail(struct dsv_reader *r, enum exchange_status code, unsigned long line,
                    unsigned long col, const char *msg)
{
    if (!r->err->code) {
        dd_error_set(r->err, DD_EINPUT, (int)code, "%s", msg);
        r->err->line = line;
        r->err->column = col;
    }
    return -1;
}

static void dsv_warn(struct dsv_reader *r, const char *msg)
{
    exchange_warn_once(r->rd, &r->warned, r->rec_line, 0, msg);
}

static const char *field(struct dsv_reader *r, enum col c)
{
    int i = r->map[c];
    return i >= 0 && (size_t)i < r->nfields ? r->fields[i].buf : NULL;
}

static int flush_concept(struct dsv_reader *r)
{
    int ret = 0;
    if (!r->key.len)
        return 0;
    exchange_concept_finish(&r->cur);
    if (r->rd->langs) {
        /* the header's tags, for convert to write back (struct exchange_langs) */
        strbuf_reset(&r->rd->langs->source);
        strbuf_addbuf(&r->rd->langs->source, &r->lang[0]);
        strbuf_reset(&r->rd->langs->target);
        strbuf_addbuf(&r->rd->langs->target, &r->lang[1]);
    }
    if (r->cur.c.nforms && r->rd->concept(r->rd->ctx, &r->cur.c))
        ret = dsv_fail(r, EXCHANGE_ESTOPPED, r->rec_line, 0, "stopped");
    exchange_concept_reset(&r->cur);
    strbuf_reset(&r->key);
    return ret;
}

/* TSV comments: "#12; approved; kind=abbrev; type=abbrev; note=...". */
static void parse_comment(struct exchange_concept *e, const char *s, const char **id,
                          const char **status, const char **kind, const char **type)
{
    while (*s) {
        size_t n;
        const char *tok;
        while (*s == ' ' || *s == ';')
            s++;
        if (!strncmp(s, "note=", 5)) {
            e->c.note = exchange_concept_strdup(e, s + 5, strlen(s + 5));
            return;
        }
        n = strcspn(s, ";");
        tok = exchange_concept_strdup(e, s, n);
        if (tok[0] == '#')
            *id = exchange_id_given(tok + 1) ? tok + 1 : NULL;
        else if (!strncmp(tok, "kind=", 5))
            *kind = tok + 5;
        else if (!strncmp(tok, "type=", 5))
            *type = tok + 5;
        else if (model_status_parse(tok) >= 0)
            *status = tok;
        s += n;
    }
}

static int row_to_concept(struct dsv_reader *r)
{
    const char *src = field(r, COL_SOURCE), *tgt = field(r, COL_TARGET);
    const char *id = field(r, COL_ID), *status = field(r, COL_STATUS);
    const char *kind = field(r, COL_KIND), *type = field(r, COL_TYPE);
    const char *comment = field(r, COL_COMMENT), *abbr = field(r, COL_ABBR);
    struct exchange_concept *e = &r->cur;
    struct strbuf key = STRBUF_INIT;
    int t, ret = 0;

    if (!src || !*src)
        return 0;
    if (comment && !r->csv && *comment == '#') {
        /* parsed into a scratch concept first: it may belong to the next concept */
        struct exchange_concept tmp = EXCHANGE_CONCEPT_INIT;
        const char *cid = NULL;
        exchange_concept_reset(&tmp);
        parse_comment(&tmp, comment, &cid, &status, &kind, &type);
        strbuf_addstr(&key, cid ? cid : src);
        if (strcmp(key.buf, r->key.buf) && (ret = flush_concept(r))) {
            exchange_concept_release(&tmp);
            goto cleanup;
        }
        /* move the comment's strings into the current concept */
        id = cid ? exchange_concept_strdup(e, cid, strlen(cid)) : NULL;
        status = status ? exchange_concept_strdup(e, status, strlen(status)) : NULL;
        kind = kind ? exchange_concept_strdup(e, kind, strlen(kind)) : NULL;
        type = type ? exchange_concept_strdup(e, type, strlen(type)) : NULL;
        if (tmp.c.note && !e->c.note)
            e->c.note = exchange_concept_strdup(e, tmp.c.note, strlen(tmp.c.note));
        exchange_concept_release(&tmp);
    } else {
        if (!exchange_id_given(id))
            id = NULL;
        strbuf_addstr(&key, id ? id : src);
        if (strcmp(key.buf, r->key.buf) && (ret = flush_concept(r)))
            goto cleanup;
        if (comment && *comment && !e->c.note)
            e->c.note = exchange_concept_strdup(e, comment, strlen(comment));
    }
    if (!r->key.len)
        strbuf_addbuf(&r->key, &key);
    if (id && *id && !e->c.id)
        e->c.id = exchange_parse_id(id);
    if (status && model_status_parse(status) >= 0)
        e->c.status = (enum model_status)model_status_parse(status);
    if (kind && *kind && !e->c.kind)
        e->c.kind = exchange_concept_strdup(e, kind, strlen(kind));
    t = type ? model_form_type_parse(type) : -1;
    if (tgt && *tgt && t < 0) {
        /* Hangul on both sides, unlabelled: a style list, loanword -> plain Korean */
        t = (int)exchange_guess_type(tgt);
        if (t == MODEL_FORM_LOANWORD)
            t = MODEL_FORM_KO;
    }
    if (t == MODEL_FORM_KO) {
        /* a Korean-only style row: loanword -> plain Korean */
        if (tgt && *tgt) {
            exchange_concept_add_form(e, MODEL_FORM_KO, tgt, strlen(tgt));
            exchange_concept_add_form(e, MODEL_FORM_LOANWORD, src, strlen(src));
        }
    } else {
        exchange_concept_add_form(e, MODEL_FORM_KO, src, strlen(src));
        if (tgt && *tgt)
            exchange_concept_add_form(e, (enum model_form_type)t, tgt, strlen(tgt));
    }
    while (abbr && *abbr) {
        size_t n = strcspn(abbr, ";");
        exchange_concept_add_form(e, MODEL_FORM_ABBREV, abbr, n);
        abbr += n;
        while (*abbr == ';' || *abbr == ' ')
            abbr++;
    }
    if (field(r, COL_NOTE) && *field(r, COL_NOTE) && !e->c.note)
        e->c.note = exchange_concept_strdup(e, field(r, COL_NOTE), strlen(field(r, COL_NOTE)));
    if (field(r, COL_SRCREF) && *field(r, COL_SRCREF) && !e->c.example_path)
        exchange_concept_set_source(e, field(r, COL_SRCREF), strlen(field(r, COL_SRCREF)));
    if (field(r, COL_CONFIDENCE) && *field(r, COL_CONFIDENCE) && !e->c.has_confidence)
        exchange_set_confidence(&e->c, field(r, COL_CONFIDENCE));
    if (field(r, COL_EXAMPLE) && *field(r, COL_EXAMPLE) && !e->c.example)
        e->c.example =
            exchange_concept_strdup(e, field(r, COL_EXAMPLE), strlen(field(r, COL_EXAMPLE)));
cleanup:
    strbuf_release(&key);
    return ret;
}

/* Names a CSV header cell may have for each column. */
static int header_column(struct dsv_reader *r, const char *name, int *seen_lang)
{
    static const struct {
        const char *name;
        enum col col;
    } names[] = {
        {"source", COL_SOURCE}, {"target", COL_TARGET},     {"concept_id", COL_ID},
        {"id", COL_ID},         {"status", COL_STATUS},     {"kind", COL_KIND},
        {"type", COL_TYPE},     {"abbreviation", COL_ABBR}, {"note", COL_NOTE},
        {"comment", COL_NOTE},  {"source_ref", COL_SRCREF}, {"example", COL_EXAMPLE},
        {"korean", COL_SOURCE}, {"english", COL_TARGET},    {"confidence", COL_CONFIDENCE}};
    struct strbuf tag = STRBUF_INIT;
    int ret = -1;

    if (lang_normalize(name, &tag) != LANG_INVALID && strcmp(name, "id")) {
        /* a language column; "source" is also the evidence column after them */
        if (lang_same_language(name, r->rd->opt.source_lang) && r->map[COL_SOURCE] < 0 &&
            !*seen_lang)
            ret = COL_SOURCE;
        else if (r->map[COL_TARGET] < 0)
            ret = COL_TARGET;
        if (ret >= 0) {
            (*seen_lang)++;
            if (lang_normalize(name, &tag) == LANG_REPAIRED)
                dsv_warn(r, "language tag with '_' in the header: read as BCP 47");
        }
        strbuf_release(&tag);
        if (ret >= 0)
            return ret;
    }
    strbuf_release(&tag);
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        if (strcasecmp(name, names[i].name))
            continue;
        /* "source" after the language columns is the example's document */
        if (names[i].col == COL_SOURCE && *seen_lang)
            return COL_SRCREF;
        return names[i].col;
    }
    return -1;
}

/*
 * Our TSV's first comment, "# dadeum glossary: ko-KR -> en-GB, <date>",
 * names the tags (csv.c's tsv_begin): they are kept for convert as a CSV
 * header's are. Other comments are passed over.
 */
static void tsv_header_langs(struct dsv_reader *r, const char *s)
{
    static const char prefix[] = "# dadeum glossary: ";
    const char *arrow, *end;
    struct strbuf tag = STRBUF_INIT;

    if (strncmp(s, prefix, sizeof(prefix) - 1))
        return;
    s += sizeof(prefix) - 1;
    if (!(arrow = strstr(s, " -> ")) || !(end = strchr(arrow + 4, ',')))
        return;
    for (int side = 0; side < 2; side++) {
        strbuf_reset(&tag);
        if (side)
            strbuf_add(&tag, arrow + 4, (size_t)(end - arrow - 4));
        else
            strbuf_add(&tag, s, (size_t)(arrow - s));
        strbuf_reset(&r->lang[side]);
        if (lang_normalize(tag.buf, &r->lang[side]) == LANG_INVALID)
            strbuf_reset(&r->lang[side]);
    }
    if (lang_same_language(r->lang[1].buf, r->rd->opt.source_lang))
        strbuf_reset(&r->lang[1]); /* --target loanword: Korean on both sides */
    strbuf_release(&tag);
}

static int end_record(struct dsv_reader *r)
{
    int ret = 0;
    if (!r->rec_started)
        return 0;
    if (!r->csv) {
        if (!r->fields[0].len && r->nfields == 1)
            goto done;
        if (r->fields[0].buf[0] == '#') {
            tsv_header_langs(r, r->fields[0].buf);
            goto done;
        }
        if (r->nfields < 2) {
            dsv_warn(r, "row without a target column skipped");
            goto done;
        }
    } else if (!r->have_header) {
        struct exchange_skipped found = EXCHANGE_SKIPPED_INIT;
        struct strbuf msg = STRBUF_INIT;
        int seen_lang = 0;
        for (size_t i = 0; i < r->nfields; i++) {
            int c = header_column(r, r->fields[i].buf, &seen_lang);
            if (c >= 0 && r->map[c] < 0)
                r->map[c] = (int)i;
        }
        r->have_header = 1;
        for (int side = 0; side < 2; side++) {
            int i = r->map[side ? COL_TARGET : COL_SOURCE];
            if (i >= 0 && lang_normalize(r->fields[i].buf, &r->lang[side]) == LANG_INVALID)
                strbuf_reset(&r->lang[side]); /* "source", "english": no tag */
        }
        if (lang_same_language(r->lang[1].buf, r->rd->opt.source_lang))
            strbuf_reset(&r->lang[1]); /* --target loanword: Korean on both sides */
        if (r->map[COL_SOURCE] < 0 || r->map[COL_TARGET] < 0) {
            struct strbuf tag = STRBUF_INIT;
            for (size_t i = 0; i < r->nfields; i++) {
                strbuf_reset(&tag);
                if (strcmp(r->fields[i].buf, "id") &&
                    lang_normalize(r->fields[i].buf, &tag) != LANG_INVALID)
                    exchange_skipped_lang(&found, tag.buf);
            }
            strbuf_addf(&msg,
                        "the header row names no Korean and target columns (e.g. ko-KR,en-US); "
                        "languages found: %s; use --source-lang/--target-lang",
                        found.nlangs ? found.langs.buf : "none");
            ret = dsv_fail(r, EXCHANGE_EINPUT, r->rec_line, 1, msg.buf);
            strbuf_release(&tag);
        }
        strbuf_release(&msg);
        exchange_skipped_release(&found);
        goto done;
    }
    ret = row_to_concept(r);
done:
    for (size_t i = 0; i < r->nfields; i++)
        strbuf_reset(&r->fields[i]);
    r->nfields = 0;
    r->rec_started = 0;
    return ret;
}

static void new_field(struct dsv_reader *r)
{
    size_t old = r->afields;
    ALLOC_GROW(r->fields, r->nfields + 1, r->afields);
    for (size_t i = old; i < r->afields; i++)
        strbuf_init(&r->fields[i], 0);
    strbuf_reset(&r->fields[r->nfields]);
    r->nfields++;
    r->at_field_start = 1;
    r->after_quote = 0;
}

/* End of the run of bytes from i that are none of LF, CR, a and b (at least i + 1). */
static size_t run_length(const char *s, size_t i, size_t len, char a, char b)
{
    size_t j = i + 1;
    while (j < len && s[j] != '\n' && s[j] != '\r' && s[j] != a && s[j] != b)
        j++;
    return j;
}

/* Characters (UTF-8 lead bytes) in s[0..n). */
static unsigned long count_chars(const char *s, size_t n)
{
    unsigned long c = 0;
    for (size_t k = 0; k < n; k++)
        c += ((unsigned char)s[k] & 0xC0) != 0x80;
    return c;
}

static int feed_part(struct dsv_reader *r, const char *s, size_t len);

/* Consumes decoded UTF-8. Returns 0 or -1 with r->err set. */
static int feed(struct dsv_reader *r, const char *s, size_t len)
{
    /* a NUL would end a field's C string early: refuse it where it stands */
    const char *nul = memchr(s, '\0', len);
    size_t end = nul ? (size_t)(nul - s) : len;

    if (feed_part(r, s, end))
        return -1;
    if (nul)
        return dsv_fail(r, EXCHANGE_EMALFORMED, r->line, r->col, "NUL byte (not text)");
    return 0;
}

static int feed_part(struct dsv_reader *r, const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        char ch = s[i];
        struct strbuf *f;
        if (r->pending_cr) {
            r->pending_cr = 0;
            if (ch == '\n')
                continue; /* CRLF: the CR already ended the record or was kept */
        }
        if (!r->rec_started) {
            r->rec_started = 1;
            r->rec_line = r->line;
            r->nfields = 0;
            new_field(r);
        }
        f = &r->fields[r->nfields - 1];
        if (r->csv && r->quoted) {
            if (r->pending_quote) {
                r->pending_quote = 0;
                if (ch == '"') {
                    strbuf_addch(f, '"');
                    goto advance;
                }
                r->quoted = 0;
                r->after_quote = 1;
                /* fall through to the unquoted handling of ch */
            } else if (ch == '"') {
                r->pending_quote = 1;
                goto advance;
            } else if (ch != '\n') {
                /* a run of ordinary bytes at once; CR and LF inside quotes are data (§2.6) */
                size_t j = run_length(s, i, len, '"', '"');
                strbuf_add(f, s + i, j - i);
                r->col += count_chars(s + i, j - i);
                i = j - 1;
                if (f->len > CSV_MAX_FIELD)
                    return dsv_fail(r, EXCHANGE_EMALFORMED, r->line, r->col,
                                    "field longer than 1 MiB (an unterminated quote?)");
                continue;
            } else {
                strbuf_addch(f, ch);
                if (f->len > CSV_MAX_FIELD)
                    return dsv_fail(r, EXCHANGE_EMALFORMED, r->line, r->col,
                                    "field longer than 1 MiB (an unterminated quote?)");
                goto advance;
            }
        }
        if (ch == '\n' || ch == '\r') {
            if (end_record(r))
                return -1;
            if (ch == '\r')
                r->pending_cr = 1;
            r->line++;
            r->col = 1;
            continue;
        }
        if (r->csv ? ch == ',' : ch == '\t') {
            new_field(r);
            goto advance;
        }
        if (r->csv && r->after_quote)
            return dsv_fail(r, EXCHANGE_EMALFORMED, r->line, r->col,
                            "text after a closing quote (RFC 4180 §2: double the quote)");
        if (r->csv && ch == '"' && r->at_field_start) {
            r->quoted = 1;
            r->at_field_start = 0;
            goto advance;
        }
        r->at_field_start = 0;
        {
            size_t j = run_length(s, i, len, r->csv ? ',' : '\t', r->csv ? '"' : '\t');
            strbuf_add(f, s + i, j - i);
            r->col += count_chars(s + i, j - i);
            i = j - 1;
        }
        if (f->len > CSV_MAX_FIELD)
            return dsv_fail(r, EXCHANGE_EMALFORMED, r->line, r->col, "field longer than 1 MiB");
        continue;
    advance:
        if (ch == '\n') {
            r->line++;
            r->col = 1;
        } else if (((unsigned char)ch & 0xC0) != 0x80) {
            r->col++;
        }
    }
    return 0;
}

static int dsv_read(const char *path, const struct exchange_reader *rd, struct dd_error *err,
                    int csv)
{
    struct dsv_reader r;
    struct text_decoder *dec = NULL;
    struct dd_error terr;
    struct strbuf out = STRBUF_INIT;
    int is_stdin = !strcmp(path, "-");
    FILE *fp = NULL;
    char buf[65536];
    int ret = -1;
    size_t n;

    dd_error_clear(err);
    memset(&r, 0, sizeof(r));
    r.rd = rd;
    r.err = err;
    r.csv = csv;
    r.line = 1;
    r.col = 1;
    for (int i = 0; i < NCOLS; i++)
        r.map[i] = -1;
    if (!csv) {
        r.map[COL_SOURCE] = 0;
        r.map[COL_TARGET] = 1;
        r.map[COL_COMMENT] = 2;
    }
    strbuf_init(&r.key, 32);
    strbuf_init(&r.lang[0], 0);
    strbuf_init(&r.lang[1], 0);
    exchange_concept_reset(&r.cur);
    fp = is_stdin ? stdin : fopen(path, "rb");
    if (!fp) {
        err->sys_errno = errno;
        dd_error_set(err, DD_EINPUT, EXCHANGE_EOPEN, "%s", strerror(err->sys_errno));
        goto cleanup;
    }
    dec = text_decoder_new(NULL, 0, &terr);
    while ((n = fread(buf, 1, sizeof(buf), fp)) > 0) {
        strbuf_reset(&out);
        if (text_decoder_feed(dec, buf, n, &out, &terr))
            goto decode_error;
        if (feed(&r, out.buf, out.len))
            goto cleanup;
    }
    if (ferror(fp)) {
        err->sys_errno = errno;
        dd_error_set(err, DD_EINPUT, EXCHANGE_EOPEN, "%s", strerror(err->sys_errno));
        goto cleanup;
    }
    strbuf_reset(&out);
    if (text_decoder_finish(dec, &out, &terr))
        goto decode_error;
    if (feed(&r, out.buf, out.len))
        goto cleanup;
    if (r.csv && r.quoted && !r.pending_quote) {
        dsv_fail(&r, EXCHANGE_EMALFORMED, r.rec_line, 0, "the file ends inside a quoted field");
        goto cleanup;
    }
    r.quoted = 0;
    if (end_record(&r) || flush_concept(&r))
        goto cleanup;
    if (csv && !r.have_header) {
        dsv_fail(&r, EXCHANGE_EINPUT, 1, 1, "empty CSV file (no header row)");
        goto cleanup;
    }
    ret = 0;
    goto cleanup;
decode_error : {
    struct strbuf msg = STRBUF_INIT;
    dd_decode_message(&msg, NULL, terr.encoding[0] ? terr.encoding : "utf-8", terr.offset, 0);
    dd_error_set(err, DD_EINPUT, EXCHANGE_EMALFORMED, "%s", msg.buf);
    err->offset = terr.offset;
    strbuf_release(&msg);
}
cleanup:
    if (fp && !is_stdin)
        fclose(fp);
    text_decoder_free(dec);
    strbuf_release(&out);
    for (size_t i = 0; i < r.afields; i++)
        strbuf_release(&r.fields[i]);
    free(r.fields);
    strbuf_release(&r.key);
    exchange_concept_release(&r.cur);
    strmap_release(&r.warned, NULL);
    strbuf_release(&r.lang[0]);
    strbuf_release(&r.lang[1]);
    return ret;
}

int tsv_read(const char *path, const struct exchange_reader *rd, struct dd_error *err)
{
    return dsv_read(path, rd, err, 0);
}

int csv_read(const char *path, const struct exchange_reader *rd, struct dd_error *err)
{
    return dsv_read(path, rd, err, 1);
}
