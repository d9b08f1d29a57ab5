/*
 * pairfile.c - pairs read from JSON Lines or TSV instead of documents (io/pairfile.h).
 *
 * Control characters in the values (a JSON "\u001b", a C1 control) become
 * spaces, as text/normalize.c makes them in documents; a file name keeps
 * them, written as \x1b (utf8_add_visible), as every output writes names.
 * An absolute file name is stored relative to the working directory, as
 * `dadeum ingest` stores a document's (util/path.h).
 *
 * JSON (RFC 8259) is parsed only as far as `dadeum extract --format jsonl`
 * writes it: one flat object per line whose values are strings, numbers,
 * true, false or null. Unknown keys are ignored; "en" and "abbr" (from the
 * aligner), and "evidence" and "confidence" (where en comes from, for the
 * export gate) are read when present.
 */
#include <assert.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/pairfile.h"
#include "util/hash.h"
#include "util/path.h"
#include "util/utf8.h"
#include "util/xmalloc.h"
#include "util/banned.h"

enum field {
    F_FILE,
    F_LINE,
    F_KO,
    F_GLOSS,
    F_KIND,
    F_COUNT,
    F_REVERSED,
    F_EXPANSION,
    F_CONTEXT,
    F_EN,
    F_ABBR,
    F_CONFIDENCE,
    F_EVIDENCE,
    NFIELDS
};

static const char *const field_names[NFIELDS] = {
    "file",      "line",    "ko", "gloss", "kind",       "count",   "reversed",
    "expansion", "context", "en", "abbr",  "confidence", "evidence"};

struct record {
    char *f[NFIELDS]; /* owned values, NULL when absent */
};

/* One document being gathered. */
struct group {
    char *file;          /* document name */
    struct strbuf raw;   /* its input lines, for the hash */
    struct record *recs; /* its records */
    size_t n, alloc;     /* used, allocated */
};

static void record_release(struct record *r)
{
    for (int i = 0; i < NFIELDS; i++)
        free(r->f[i]);
}

static void group_reset(struct group *g)
{
    for (size_t i = 0; i < g->n; i++)
        record_release(&g->recs[i]);
    g->n = 0;
    free(g->file);
    g->file = NULL;
    strbuf_reset(&g->raw);
}

static enum model_kind kind_parse(const char *s, const char *gloss)
{
    int hangul = 0, lower = 0;

    int k = model_kind_parse(s);

    if (k >= 0)
        return (enum model_kind)k;
    /* no kind column: guess from the script */
    for (size_t i = 0; gloss && gloss[i];) {
        uint32_t c;
        i += utf8_decode(gloss + i, strlen(gloss + i), &c);
        hangul |= uc_is_hangul(c);
        lower |= c >= 'a' && c <= 'z';
    }
    return hangul ? MODEL_KIND_LOANWORD : lower ? MODEL_KIND_ENGLISH : MODEL_KIND_ABBREV;
}

/* Stores the gathered group as one document. */
static int group_flush(const struct model_pair_sink *sink, struct group *g,
                       struct pairfile_progress *pr, pairfile_progress_fn progress, void *ctx,
                       struct dd_error *err)
{
    struct content_hash h;
    int unchanged = 0;

    if (!g->file)
        return 0;
    content_hash_init(&h);
    content_hash_add(&h, g->raw.buf, g->raw.len);
    if (sink->begin(sink->ctx, g->file, h.hex, h.bytes, &unchanged, err))
        return -1;
    for (size_t i = 0; i < g->n && !unchanged; i++) {
        char **f = g->recs[i].f;
        struct model_pair p;
        memset(&p, 0, sizeof(p));
        p.ko = f[F_KO];
        p.gloss = f[F_GLOSS] ? f[F_GLOSS] : "";
        p.kind = kind_parse(f[F_KIND], p.gloss);
        p.line = f[F_LINE] ? strtoul(f[F_LINE], NULL, 10) : 0;
        p.count = f[F_COUNT] ? (unsigned)strtoul(f[F_COUNT], NULL, 10) : 1;
        p.reversed =
            f[F_REVERSED] && (!strcmp(f[F_REVERSED], "1") || !strcmp(f[F_REVERSED], "true"));
        p.context = f[F_CONTEXT];
        p.expansion = f[F_EXPANSION] && *f[F_EXPANSION] ? f[F_EXPANSION] : NULL;
        p.en = f[F_EN];
        p.abbr = f[F_ABBR];
        p.en_source = p.en ? f[F_EVIDENCE] : NULL;
        p.en_score = f[F_CONFIDENCE] ? strtod(f[F_CONFIDENCE], NULL) : -1;
        if (sink->pair(sink->ctx, &p, err))
            return -1; /* the document stays open: the caller aborts it */
    }
    if (!unchanged && sink->commit(sink->ctx, err))
        return -1;
    pr->docs++;
    pr->unchanged += unchanged ? 1 : 0;
    pr->pairs += g->n;
    if (progress)
        progress(ctx, pr);
    group_reset(g);
    return 0;
}

/* Adds record r read from line to the current group, flushing on a new file. */
static int group_add(const struct model_pair_sink *sink, struct group *g, struct record *r,
                     const char *line, size_t len, const char *default_file,
                     struct pairfile_progress *pr, pairfile_progress_fn progress, void *ctx,
                     struct dd_error *err)
{
    const char *file = r->f[F_FILE] && *r->f[F_FILE] ? r->f[F_FILE] : default_file;
    struct strbuf name = STRBUF_INIT, rel = STRBUF_INIT;

    /* relative to the working directory, as ingest stores a document (util/path.h) */
    if (path_is_absolute(file)) {
        path_relative_to_cwd(file, &rel);
        file = rel.buf;
    }
    /* the document's name as every output writes names (docs/formats.md) */
    if (utf8_visible_prefix(file, strlen(file), 0) != strlen(file)) {
        utf8_add_visible(&name, file, strlen(file), 0);
        file = name.buf;
    }
    if (g->file && strcmp(g->file, file) && group_flush(sink, g, pr, progress, ctx, err)) {
        strbuf_release(&name);
        strbuf_release(&rel);
        return -1;
    }
    if (!g->file)
        g->file = xstrdup(file);
    strbuf_release(&name);
    strbuf_release(&rel);
    strbuf_add(&g->raw, line, len);
    strbuf_addch(&g->raw, '\n');
    ALLOC_GROW(g->recs, g->n + 1, g->alloc);
    g->recs[g->n++] = *r;
    memset(r, 0, sizeof(*r));
    return 0;
}

/* ---- JSON ------------------------------------------------------------------------------ */

static const char *skip_ws(const char *p)
{
    while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
        p++;
    return p;
}

static int hex4(const char *p, uint32_t *out)
{
    uint32_t v = 0;
    for (int i = 0; i < 4; i++) {
        char c = p[i];
        v <<= 4;
        if (c >= '0' && c <= '9')
            v |= (uint32_t)(c - '0');
        else if (c >= 'a' && c <= 'f')
            v |= (uint32_t)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            v |= (uint32_t)(c - 'A' + 10);
        else
            return -1;
    }
    *out = v;
    return 0;
}

/* Parses a JSON string at p (at the quote) into out; returns the end or NULL. */
static const char *json_string(const char *p, struct strbuf *out)
{
    strbuf_reset(out);
    if (*p++ != '"')
        return NULL;
    while (*p != '"') {
        if (!*p || (unsigned char)*p < 0x20)
            return NULL;
        if (*p != '\\') {
            strbuf_addch(out, *p++);
            continue;
        }
        p++;
        switch (*p) {
        case '"':
        case '\\':
        case '/':
            strbuf_addch(out, *p);
            break;
        case 'b':
            strbuf_addch(out, '\b');
            break;
        case 'f':
            strbuf_addch(out, '\f');
            break;
        case 'n':
            strbuf_addch(out, '\n');
            break;
        case 'r':
            strbuf_addch(out, '\r');
            break;
        case 't':
            strbuf_addch(out, '\t');
            break;
        case 'u': {
            uint32_t c, lo;
            if (hex4(p + 1, &c))
                return NULL;
            p += 4;
            if (c >= 0xD800 && c <= 0xDBFF && p[1] == '\\' && p[2] == 'u' && !hex4(p + 3, &lo) &&
                lo >= 0xDC00 && lo <= 0xDFFF) {
                c = 0x10000 + ((c - 0xD800) << 10) + (lo - 0xDC00);
                p += 6;
            }
            utf8_add(out, c);
            break;
        }
        default:
            return NULL;
        }
        p++;
    }
    return p + 1;
}

/* Parses one flat JSON object into r. Returns 0 or -1. */
static int json_record(const char *p, struct record *r)
{
    struct strbuf name = STRBUF_INIT, val = STRBUF_INIT;
    int ret = -1;

    p = skip_ws(p);
    if (*p++ != '{')
        goto cleanup;
    p = skip_ws(p);
    if (*p == '}') {
        ret = 0;
        goto cleanup;
    }
    for (;;) {
        int idx = -1;
        char *value = NULL;
        if (!(p = json_string(skip_ws(p), &name)))
            goto cleanup;
        p = skip_ws(p);
        if (*p++ != ':')
            goto cleanup;
        p = skip_ws(p);
        if (*p == '"') {
            if (!(p = json_string(p, &val)))
                goto cleanup;
            value = xmemdupz(val.buf, val.len);
        } else if (!strncmp(p, "true", 4)) {
            value = xstrdup("1");
            p += 4;
        } else if (!strncmp(p, "false", 5)) {
            value = xstrdup("0");
            p += 5;
        } else if (!strncmp(p, "null", 4)) {
            p += 4;
        } else if (*p == '-' || (*p >= '0' && *p <= '9')) {
            const char *s = p;
            while (*p == '-' || *p == '+' || *p == '.' || *p == 'e' || *p == 'E' ||
                   (*p >= '0' && *p <= '9'))
                p++;
            value = xmemdupz(s, (size_t)(p - s));
        } else {
            goto cleanup;
        }
        for (int i = 0; i < NFIELDS; i++)
            if (!strcmp(name.buf, field_names[i]))
                idx = i;
        if (idx >= 0) {
            free(r->f[idx]);
            r->f[idx] = value;
        } else {
            free(value);
        }
        p = skip_ws(p);
        if (*p == '}')
            break;
        if (*p++ != ',')
            goto cleanup;
    }
    p = skip_ws(p + 1);
    ret = *p ? -1 : 0;
cleanup:
    strbuf_release(&name);
    strbuf_release(&val);
    return ret;
}

/* ---- the two readers --------------------------------------------------------------------- */

/* Splits line at tabs into fields (pointers into line, which is modified). */
static size_t split_tabs(char *line, char **cols, size_t max)
{
    size_t n = 0;
    char *p = line;
    while (n < max) {
        char *tab = strchr(p, '\t');
        cols[n++] = p;
        if (!tab)
            break;
        *tab = '\0';
        p = tab + 1;
    }
    return n;
}

#define MAX_COLS 64

/* Fills err for a failure of the file itself; returns -1. */
static int fail(struct dd_error *err, enum pairfile_status status, unsigned long line,
                const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static int fail(struct dd_error *err, enum pairfile_status status, unsigned long line,
                const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    dd_error_vset(err, DD_EINPUT, status, fmt, ap);
    va_end(ap);
    err->line = line;
    return -1;
}

static int import(const struct model_pair_sink *sink, const char *path, int tsv,
                  pairfile_progress_fn progress, void *ctx, struct dd_error *err)
{
    FILE *fp = strcmp(path, "-") ? fopen(path, "rb") : stdin;
    struct group g = {NULL, STRBUF_INIT, NULL, 0, 0};
    struct pairfile_progress pr = {0, 0, 0, 0};
    struct record r;
    char *line = NULL, *copy = NULL;
    size_t cap = 0;
    ssize_t got;
    unsigned long lineno = 0;
    int colmap[NFIELDS];
    int ret = 0;

    dd_error_clear(err);
    memset(&r, 0, sizeof(r));
    if (!fp)
        return fail(err, PAIRFILE_EOPEN, 0, "cannot open '%s': %s", path, strerror(errno));
    for (int i = 0; i < NFIELDS; i++)
        colmap[i] = -1;
    while ((got = getline(&line, &cap, fp)) >= 0) {
        size_t len = (size_t)got;
        lineno++;
        pr.bytes += len;
        while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        if (utf8_valid_prefix(line, len) != len || memchr(line, '\0', len)) {
            ret = fail(err, PAIRFILE_EINPUT, lineno, "'%s' line %lu: not valid UTF-8 text", path,
                       lineno);
            goto cleanup;
        }
        if (!len)
            continue;
        if (!tsv) {
            if (json_record(line, &r) || !r.f[F_KO]) {
                ret = fail(err, PAIRFILE_EINPUT, lineno, "'%s' line %lu: not a dadeum JSON record",
                           path, lineno);
                goto cleanup;
            }
        } else {
            char *cols[MAX_COLS];
            size_t n;
            free(copy);
            copy = xmemdupz(line, len);
            n = split_tabs(copy, cols, MAX_COLS);
            if (lineno == 1) {
                for (size_t c = 0; c < n; c++)
                    for (int i = 0; i < NFIELDS; i++)
                        if (!strcmp(cols[c], field_names[i]) && colmap[i] < 0)
                            colmap[i] = (int)c;
                if (colmap[F_KO] < 0 || colmap[F_GLOSS] < 0) {
                    colmap[F_KO] = 0;
                    colmap[F_GLOSS] = 1;
                }
                continue;
            }
            if (n < 2) {
                ret = fail(err, PAIRFILE_EINPUT, lineno,
                           "'%s' line %lu: fewer than two tab-separated columns", path, lineno);
                goto cleanup;
            }
            for (int i = 0; i < NFIELDS; i++)
                if (colmap[i] >= 0 && (size_t)colmap[i] < n)
                    r.f[i] = xstrdup(cols[colmap[i]]);
        }
        /* controls in terms and contexts become spaces, as in documents */
        for (int i = 0; i < NFIELDS; i++)
            if (i != F_FILE && r.f[i])
                utf8_blank_controls(r.f[i], strlen(r.f[i]), 0);
        ret = group_add(sink, &g, &r, line, len, path, &pr, progress, ctx, err);
        if (ret)
            goto cleanup;
    }
    if (ferror(fp)) {
        ret = fail(err, PAIRFILE_EOPEN, 0, "cannot read '%s': %s", path, strerror(errno));
        goto cleanup;
    }
    ret = group_flush(sink, &g, &pr, progress, ctx, err);
cleanup:
    if (ret)
        sink->abort(sink->ctx);
    record_release(&r);
    group_reset(&g);
    free(g.recs);
    strbuf_release(&g.raw);
    free(line);
    free(copy);
    if (fp != stdin)
        fclose(fp);
    return ret;
}

int pairfile_read(const char *path, enum pairfile_format fmt, const struct model_pair_sink *sink,
                  pairfile_progress_fn progress, void *ctx, struct dd_error *err)
{
    assert(path && sink && sink->begin && sink->pair && sink->commit && sink->abort && err);
    assert(fmt == PAIRFILE_JSONL || fmt == PAIRFILE_TSV);
    return import(sink, path, fmt == PAIRFILE_TSV, progress, ctx, err);
}
