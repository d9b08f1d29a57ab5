/*
 * exchange.c - the format table, canonical form order, pairs and the concept
 * builder shared by the exchange readers and writers (io/exchange.h).
 */
#include <assert.h>
#include <limits.h>
#include <stdio_ext.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "io/exchange.h"
#include "xml/xml.h"
#include "util/path.h"
#include "util/utf8.h"
#include "util/xmalloc.h"
#include "util/banned.h"

/* ---- options ------------------------------------------------------------------------- */

char *exchange_format_date(long long t, char *buf)
{
    time_t tt = (time_t)t;
    struct tm tm;
    if (!gmtime_r(&tt, &tm))
        memset(&tm, 0, sizeof(tm));
    /* TMX 1.4b: "YYYYMMDDThhmmssZ", always UTC */
    strftime(buf, 17, "%Y%m%dT%H%M%SZ", &tm);
    return buf;
}

/* Reads the n decimal digits at s into *v; returns 0, or -1 when one is not a digit. */
static int date_digits(const char *s, int n, int *v)
{
    *v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        *v = *v * 10 + (s[i] - '0');
    }
    return 0;
}

static int days_in_month(int y, int m)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return days[m - 1] + (m == 2 && leap);
}

int exchange_parse_date(const char *s, long long *t)
{
    size_t len = strlen(s);
    int y, mo, d, h = 0, mi = 0, sec = 0;
    struct tm tm;

    if (len && len <= 12 && strspn(s, "0123456789") == len) {
        long long v = strtoll(s, NULL, 10);
        if (v > EXCHANGE_DATE_MAX)
            return -1;
        *t = v;
        return 0;
    }
    if (len == 10 && s[4] == '-' && s[7] == '-') {
        if (date_digits(s, 4, &y) || date_digits(s + 5, 2, &mo) || date_digits(s + 8, 2, &d))
            return -1;
    } else if (len == 16 && s[8] == 'T' && s[15] == 'Z') {
        if (date_digits(s, 4, &y) || date_digits(s + 4, 2, &mo) || date_digits(s + 6, 2, &d) ||
            date_digits(s + 9, 2, &h) || date_digits(s + 11, 2, &mi) ||
            date_digits(s + 13, 2, &sec))
            return -1;
    } else {
        return -1;
    }
    /* a real day of the Gregorian calendar, no leap second (TMX dates are UTC) */
    if (y < 1970 || mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo) || h > 23 || mi > 59 ||
        sec > 59)
        return -1;
    memset(&tm, 0, sizeof(tm));
    tm.tm_year = y - 1900;
    tm.tm_mon = mo - 1;
    tm.tm_mday = d;
    tm.tm_hour = h;
    tm.tm_min = mi;
    tm.tm_sec = sec;
    *t = (long long)timegm(&tm);
    return 0;
}

int exchange_target_parse(const char *s)
{
    static const char *const names[] = {"english", "abbrev", "loanword"};
    for (int i = 0; i < 3; i++)
        if (!strcmp(s, names[i]))
            return i;
    return -1;
}

/* ---- the format table ------------------------------------------------------------------ */

static const struct exchange_format formats[] = {
    {"tmx", ".tmx", tmx_read, &tmx_writer},
    {"tbx", ".tbx .tbx2 .mtf.xml", tbx_read, &tbx2_writer},
    {"tbx3", ".tbx3", tbx_read, &tbx3_writer},
    {"tsv", ".tsv .tab", tsv_read, &tsv_writer},
    {"omegat", ".txt .utf8", tsv_read, &omegat_writer}, /* OmegaT reads these as UTF-8 */
    {"csv", ".csv", csv_read, &csv_writer},
};

const struct exchange_format *exchange_format_find(const char *name)
{
    for (size_t i = 0; i < sizeof(formats) / sizeof(formats[0]); i++)
        if (!strcmp(formats[i].name, name))
            return &formats[i];
    return NULL;
}

const struct exchange_format *exchange_format_for_path(const char *path)
{
    size_t plen = strlen(path);
    for (size_t i = 0; i < sizeof(formats) / sizeof(formats[0]); i++) {
        const char *e = formats[i].exts;
        while (*e) {
            size_t n = strcspn(e, " ");
            if (plen > n && !strncasecmp(path + plen - n, e, n))
                return &formats[i];
            e += n;
            e += strspn(e, " ");
        }
    }
    return NULL;
}

const struct exchange_format *exchange_format_sniff(const char *path)
{
    char buf[4096], text[4096];
    size_t n, m = 0;
    FILE *fp = fopen(path, "rb");
    const char *name = "csv";

    if (!fp)
        return NULL;
    n = fread(buf, 1, sizeof(buf) - 1, fp);
    fclose(fp);
    if (!n)
        return NULL;
    /* UTF-16: keep the non-NUL bytes, which is enough for ASCII markup */
    for (size_t i = 0; i < n; i++)
        if (buf[i])
            text[m++] = buf[i];
    text[m] = '\0';
    if (strstr(text, "<tmx"))
        name = "tmx";
    else if (strstr(text, "<martif") || strstr(text, "<tbx"))
        name = "tbx";
    else if (memchr(text, '\t', strcspn(text, "\n")) || text[0] == '#')
        name = "tsv";
    return exchange_format_find(name);
}

const char *exchange_format_names(void)
{
    return "tmx, tbx, tbx3, tsv, omegat, csv";
}

/* ---- writers --------------------------------------------------------------------------- */

void exchange_writer_init(struct exchange_writer *w, const struct exchange_writer_ops *ops,
                          FILE *fp, const struct exchange_options *opt)
{
    memset(w, 0, sizeof(*w));
    strbuf_init(&w->buf, 0);
    strbuf_init(&w->tail, 0);
    strbuf_init(&w->tail_kind, 0);
    /*
     * One thread writes each output: without stdio's per-call lock the many
     * small writes of an export cost half as much (glibc, stdio_ext.h).
     */
    __fsetlocking(fp, FSETLOCKING_BYCALLER);
    w->fp = fp;
    w->ops = ops;
    w->opt = *opt;
    if (!w->opt.date)
        w->opt.date = "19700101T000000Z";
}

/* The header goes out with the first concept or the footer, not before: a read that fails first
   writes nothing, which matters where the output cannot be taken back (standard output). */
static void begin(struct exchange_writer *w)
{
    if (w->began)
        return;
    w->began = 1;
    if (w->ops->begin)
        w->ops->begin(w);
}

int exchange_id_given(const char *id)
{
    return id && *id && !(id[0] == '0' && !id[1]); /* not "0", without a call per unit */
}

int exchange_writer_add(void *ctx, const struct model_concept *c)
{
    struct exchange_writer *w = ctx;

    assert(w && w->fp && c); /* c->ko may be NULL: a file row without a Korean side */
    begin(w);
    w->concepts++;
    w->in_concept = 0;
    w->ops->concept(w, c);
    return ferror(w->fp) ? 1 : 0; /* a failed write (full disk) stops the walk */
}

int exchange_writer_add_row(void *ctx, const struct exchange_row *row)
{
    struct exchange_writer *w = ctx;

    assert(w && w->fp && w->ops->row && row);
    begin(w);
    w->concepts++;
    w->in_concept = 0;
    w->ops->row(w, row);
    /* the flag itself: fp is this thread's alone (exchange_writer_init), and a row is cheap */
    return ferror_unlocked(w->fp) ? 1 : 0;
}

void exchange_writer_finish(struct exchange_writer *w)
{
    begin(w);
    if (w->ops->end)
        w->ops->end(w);
}

void exchange_writer_release(struct exchange_writer *w)
{
    free(w->forms);
    w->forms = NULL;
    w->aforms = 0;
    strbuf_release(&w->buf);
    strbuf_release(&w->tail);
    strbuf_release(&w->tail_kind);
}

/* Canonical order; the preferred Korean form is placed first by the caller. */
static int cmp_form_ptrs(const void *a, const void *b)
{
    const struct model_form *x = *(const struct model_form *const *)a;
    const struct model_form *y = *(const struct model_form *const *)b;
    if (x->type != y->type)
        return (int)x->type - (int)y->type;
    return strcmp(x->text, y->text);
}

size_t exchange_sorted_forms(struct exchange_writer *w, const struct model_concept *c)
{
    size_t n = 0, m = 0;
    ALLOC_GROW(w->forms, c->nforms + 1, w->aforms);
    for (size_t i = 0; i < c->nforms; i++)
        if (c->forms[i].text && *c->forms[i].text)
            w->forms[n++] = &c->forms[i];
    if (n <= 16) {
        /* a concept has a handful of forms: insertion sort, without qsort's set-up */
        for (size_t i = 1; i < n; i++) {
            const struct model_form *f = w->forms[i];
            size_t j = i;
            for (; j && cmp_form_ptrs(&w->forms[j - 1], &f) > 0; j--)
                w->forms[j] = w->forms[j - 1];
            w->forms[j] = f;
        }
    } else {
        qsort(w->forms, n, sizeof(*w->forms), cmp_form_ptrs);
    }
    /* drop duplicates */
    for (size_t i = 0; i < n; i++)
        if (!m || cmp_form_ptrs(&w->forms[m - 1], &w->forms[i]))
            w->forms[m++] = w->forms[i];
    /* the preferred Korean form first */
    for (size_t i = 0; c->ko && i < m; i++) {
        if (w->forms[i]->type == MODEL_FORM_KO &&
            (w->forms[i]->text == c->ko || !strcmp(w->forms[i]->text, c->ko))) {
            const struct model_form *p = w->forms[i];
            if (i) { /* mostly first already, being the only 'ko' form */
                memmove(w->forms + 1, w->forms, i * sizeof(*w->forms));
                w->forms[0] = p;
            }
            break;
        }
    }
    w->nforms = m;
    return m;
}

size_t exchange_for_each_pair(struct exchange_writer *w, const struct model_concept *c,
                              exchange_pair_fn fn)
{
    enum model_form_type src = MODEL_FORM_KO, tgt = MODEL_FORM_ENGLISH;
    size_t n = exchange_sorted_forms(w, c), pairs = 0, ntgt = 0;

    switch (w->opt.target) {
    case EXCHANGE_TARGET_ENGLISH:
        for (size_t i = 0; i < n; i++)
            ntgt += w->forms[i]->type == MODEL_FORM_ENGLISH;
        if (!ntgt)
            tgt = MODEL_FORM_ABBREV; /* an abbreviation is the best English there is */
        break;
    case EXCHANGE_TARGET_ABBREV:
        tgt = MODEL_FORM_ABBREV;
        break;
    case EXCHANGE_TARGET_LOANWORD:
        src = MODEL_FORM_LOANWORD;
        tgt = MODEL_FORM_KO;
        break;
    }
    for (size_t i = 0; i < n; i++) {
        if (w->forms[i]->type != src)
            continue;
        for (size_t j = 0; j < n; j++) {
            if (w->forms[j]->type != tgt)
                continue;
            fn(w, c, w->forms[i], w->forms[j]);
            pairs++;
        }
    }
    return pairs;
}

int exchange_paths_parse(const char *s)
{
    static const char *const names[] = {"relative", "basename", "none"};
    for (int i = 0; i < 3; i++)
        if (!strcmp(s, names[i]))
            return EXCHANGE_PATHS_RELATIVE + i;
    return -1;
}

const char *exchange_path_shown(const char *path, enum exchange_paths mode)
{
    if (!path || !*path || mode == EXCHANGE_PATHS_NONE)
        return NULL;
    if (mode == EXCHANGE_PATHS_BASENAME ||
        (mode == EXCHANGE_PATHS_RELATIVE && path_is_absolute(path)))
        return path_basename(path);
    return path;
}

void exchange_source_string(const struct model_concept *c, enum exchange_paths paths,
                            struct strbuf *out)
{
    const char *path = exchange_path_shown(c->example_path, paths);
    if (!path || !*path)
        return;
    /* a name may hold any byte: written the same way in every format */
    utf8_add_visible(out, path, strlen(path), 0);
    if (c->example_pos)
        strbuf_addf(out, ":%s", c->example_pos);
    else if (c->example_line)
        strbuf_addf(out, ":%lu", c->example_line);
}

/* ---- building concepts ------------------------------------------------------------------- */

void exchange_concept_reset(struct exchange_concept *e)
{
    /* copied rather than memset: readers reset a concept or two per unit, and a
       memset of this size is a rep stos, slow to start */
    static const struct model_concept empty = {.status = MODEL_CANDIDATE,
                                               .match = MODEL_MATCH_NONE};
    struct model_form *forms = e->c.forms;
    strpool_clear(&e->strs);
    e->bytes = 0;
    e->c = empty;
    e->c.forms = forms;
    e->c.datcats = e->datcats;
}

size_t exchange_concept_get_bytes(const struct exchange_concept *e)
{
    return e->bytes;
}

void exchange_concept_release(struct exchange_concept *e)
{
    exchange_concept_reset(e);
    free(e->c.forms);
    free(e->datcats);
    strpool_release(&e->strs);
    memset(e, 0, sizeof(*e));
}

/*
 * Controls an imported text keeps: TAB, LF and CR, which CSV and TMX can
 * carry and every writer handles as its format needs (TSV, text: spaces).
 */
#define FORM_KEEP (UTF8_VISIBLE_TAB | UTF8_VISIBLE_NEWLINE)

const char *exchange_concept_strdup(struct exchange_concept *e, const char *s, size_t len)
{
    /* the pool's copy is ours to change: controls become spaces, as in documents */
    char *copy = (char *)strpool_dup(&e->strs, s, len);
    e->bytes += len + 1;
    utf8_blank_controls(copy, len, FORM_KEEP);
    return copy;
}

const char *exchange_concept_strdup_clean(struct exchange_concept *e, const char *s, size_t len)
{
    const char *copy = strpool_dup(&e->strs, s, len);
    e->bytes += len + 1;
    return copy;
}

/*
 * A copy of text[0..len) with each control other than FORM_KEEP's made a
 * space (so that trimming and the duplicate check see what will be
 * stored), which the caller frees; updates *text and *len.
 */
static char *clean_copy(const char **text, size_t *len)
{
    char *copy = xmemdupz(*text, *len);
    *len = utf8_blank_controls(copy, *len, FORM_KEEP);
    *text = copy;
    return copy;
}

/* clean_copy when text[0..len) may hold a control; else NULL (the usual case). */
static char *clean_form(const char **text, size_t *len)
{
    if (utf8_control_free_prefix(*text, *len) == *len)
        return NULL;
    return clean_copy(text, len);
}

static int is_white(unsigned char b)
{
    return b == ' ' || b == '\t' || b == '\n' || b == '\r';
}

int exchange_concept_add_form(struct exchange_concept *e, enum model_form_type type,
                              const char *text, size_t len)
{
    struct model_form *f;
    /* one scan decides both whether the text needs cleaning and whether writers need check it */
    int plain = utf8_control_free_prefix(text, len) == len;
    char *copy = plain ? NULL : clean_copy(&text, &len);
    int ret = 0;

    while (len && is_white((unsigned char)*text)) {
        text++;
        len--;
    }
    while (len && is_white((unsigned char)text[len - 1]))
        len--;
    if (!len)
        goto cleanup;
    for (size_t i = 0; i < e->c.nforms; i++)
        if (e->c.forms[i].type == type && strlen(e->c.forms[i].text) == len &&
            !memcmp(e->c.forms[i].text, text, len))
            goto cleanup;
    ALLOC_GROW(e->c.forms, e->c.nforms + 1, e->aforms);
    f = &e->c.forms[e->c.nforms++];
    memset(f, 0, sizeof(*f));
    f->type = type;
    f->text = strpool_dup(&e->strs, text, len); /* clean_form made it clean */
    f->plain = plain && e->utf8;
    e->bytes += len + 1 + sizeof(*f);
    if (type == MODEL_FORM_KO && !e->c.ko)
        e->c.ko = f->text;
    ret = 1;
cleanup:
    free(copy);
    return ret;
}

/* The value of the decimal digits s[0..len) into *v, saturating as strtoull does; -1 when
   len is 0 or a byte is not a digit. */
static int parse_digits(const char *s, size_t len, unsigned long long *v)
{
    unsigned long long n = 0; /* not *v: a store through it could change s, and is made each step */

    *v = 0;
    if (!len)
        return -1;
    for (size_t i = 0; i < len; i++) {
        unsigned d = (unsigned char)s[i] - '0';
        if (d > 9)
            return -1;
        if (n <= (ULLONG_MAX - 9) / 10)
            n = n * 10 + d; /* cannot wrap */
        else
            n = n > (ULLONG_MAX - d) / 10 ? ULLONG_MAX : n * 10 + d;
    }
    *v = n;
    return 0;
}

int exchange_set_confidence(struct model_concept *c, const char *s)
{
    char *end;
    double v;

    while (*s == ' ')
        s++;
    if (!*s)
        return -1;
    v = strtod(s, &end);
    while (*end == ' ')
        end++;
    if (*end || !(v >= 0 && v <= 1))
        return -1;
    c->confidence = v;
    c->has_confidence = 1;
    return 0;
}

void exchange_add_confidence(const struct model_concept *c, struct strbuf *out)
{
    if (c->has_confidence)
        strbuf_addf(out, "%.2f", c->confidence);
}

long long exchange_parse_id(const char *s)
{
    unsigned long long v;
    /* the usual case, plain digits, without strtoll's locale machinery */
    if (!parse_digits(s, strlen(s), &v))
        return v > LLONG_MAX ? LLONG_MAX : (long long)v;
    return strtoll(s, NULL, 10);
}

/* 1 when b is a decimal digit. */
static int is_digit(char b)
{
    return b >= '0' && b <= '9';
}

/*
 * The start of a document's position label (doc/reader.h) that ends s[0..len)
 * after its last ':', which colon follows ("§12", "fn 2", "en 2", "p3:14"), or
 * 0 when there is none; digits: s[colon..len) is a number. *line receives N
 * of "§N", else 0.
 */
static size_t pos_label_at(const char *s, size_t len, size_t colon, int digits,
                           unsigned long long *line)
{
    unsigned long long v;
    size_t j;

    *line = 0;
    if (!colon || colon == len)
        return 0;
    if (!digits) {
        if (len - colon > 2 && !memcmp(s + colon, "\xc2\xa7", 2) &&
            !parse_digits(s + colon + 2, len - colon - 2, &v)) {
            *line = v;
            return colon;
        }
        if (len - colon > 3 && (s[colon] == 'f' || s[colon] == 'e') &&
            !memcmp(s + colon + 1, "n ", 2) && !parse_digits(s + colon + 3, len - colon - 3, &v))
            return colon;
        return 0;
    }
    /* "p3:14": the part before the last ':' is 'p' and digits, after another ':' */
    for (j = colon - 1; j && is_digit(s[j - 1]); j--)
        ;
    if (j < colon - 1 && j >= 2 && s[j - 1] == 'p' && s[j - 2] == ':')
        return j - 1;
    return 0;
}

/* exchange_concept_set_source, or with keep 0 exchange_concept_count_source. */
static void set_source(struct exchange_concept *e, const char *s, size_t len, int keep)
{
    size_t colon = len, at;
    unsigned long long line = 0, pline;
    struct strbuf name = STRBUF_INIT;
    int digits;

    while (colon && s[colon - 1] != ':')
        colon--;
    digits = colon && !parse_digits(s + colon, len - colon, &line);
    if ((at = pos_label_at(s, len, colon, digits, &pline)) != 0) {
        if (keep) {
            e->c.example_pos = strpool_dup(&e->strs, s + at, len - at);
            e->c.example_line = pline > ULONG_MAX ? ULONG_MAX : (unsigned long)pline;
        }
        e->bytes += len - at + 1;
        len = at - 1;
    } else if (digits) {
        len = colon - 1;
        if (keep)
            e->c.example_line = line > ULONG_MAX ? ULONG_MAX : (unsigned long)line;
    }
    /* a name keeps its controls, written as \x1b (utf8_add_visible); most have none */
    if (utf8_visible_prefix(s, len, 0) == len) {
        if (keep)
            e->c.example_path = strpool_dup(&e->strs, s, len);
        e->bytes += len + 1;
        return;
    }
    utf8_add_visible(&name, s, len, 0);
    if (keep)
        e->c.example_path = strpool_dup(&e->strs, name.buf, name.len);
    e->bytes += name.len + 1;
    strbuf_release(&name);
}

void exchange_concept_set_source(struct exchange_concept *e, const char *s, size_t len)
{
    set_source(e, s, len, 1);
}

void exchange_concept_count_source(struct exchange_concept *e, const char *s, size_t len)
{
    set_source(e, s, len, 0);
}

void exchange_concept_count(struct exchange_concept *e, size_t bytes)
{
    e->bytes += bytes;
}

void exchange_blank_controls(struct strbuf *sb)
{
    if (utf8_control_free_prefix(sb->buf, sb->len) != sb->len) /* else nothing to change */
        strbuf_setlen(sb, utf8_blank_controls(sb->buf, sb->len, FORM_KEEP));
}

static const char *dup_opt(struct exchange_concept *e, const char *s)
{
    return s ? exchange_concept_strdup(e, s, strlen(s)) : NULL;
}

struct model_datcat *exchange_concept_add_datcat(struct exchange_concept *e,
                                                 const struct model_datcat *d)
{
    struct model_datcat *n;
    ALLOC_GROW(e->datcats, e->c.ndatcats + 1, e->adatcats);
    e->c.datcats = e->datcats;
    n = &e->datcats[e->c.ndatcats++];
    *n = *d;
    n->form = dup_opt(e, d->form);
    n->group = dup_opt(e, d->group);
    n->element = dup_opt(e, d->element);
    n->type = dup_opt(e, d->type);
    n->ref = dup_opt(e, d->ref);
    n->value = d->value ? dup_opt(e, d->value) : "";
    return n;
}

/* Letters and digits with two capitals or more, '&' allowed: AI, G7, R&D, but not Wi-Fi. */
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

void exchange_tbx_term_categories(const struct model_concept *c, const struct model_form *f,
                                  int preferred, const char **term_type, const char **status)
{
    const char *type = "fullForm", *st = "admittedTerm-admn-sts";

    switch (f->type) {
    case MODEL_FORM_KO:
        type = preferred ? "fullForm" : "variant";
        st = "preferredTerm-admn-sts";
        break;
    case MODEL_FORM_LOANWORD:
        if (c->status == MODEL_APPROVED)
            st = "deprecatedTerm-admn-sts";
        break;
    case MODEL_FORM_NATIVE:
        type = "variant";
        break;
    case MODEL_FORM_SHORT:
        type = "shortForm";
        break;
    case MODEL_FORM_ENGLISH:
        st = "preferredTerm-admn-sts";
        break;
    case MODEL_FORM_ABBREV:
        type = is_acronym(f->text) ? "acronym" : "abbreviation";
        break;
    default:
        break;
    }
    *term_type = type;
    *status = st;
}

void exchange_concept_set_ko(struct exchange_concept *e, const char *text, size_t len)
{
    char *copy;
    exchange_concept_add_form(e, MODEL_FORM_KO, text, len);
    copy = clean_form(&text, &len); /* as add_form stored it */
    while (len && is_white((unsigned char)*text)) {
        text++;
        len--;
    }
    while (len && is_white((unsigned char)text[len - 1]))
        len--;
    for (size_t i = 0; i < e->c.nforms; i++)
        if (e->c.forms[i].type == MODEL_FORM_KO && strlen(e->c.forms[i].text) == len &&
            !memcmp(e->c.forms[i].text, text, len))
            e->c.ko = e->c.forms[i].text;
    free(copy);
}

void exchange_concept_finish(struct exchange_concept *e)
{
    if (e->c.kind && *e->c.kind)
        return;
    e->c.kind = "";
    for (int t = MODEL_FORM_LOANWORD; t < MODEL_FORM_NTYPES; t++)
        for (size_t i = 0; i < e->c.nforms; i++)
            if ((int)e->c.forms[i].type == t) {
                e->c.kind = model_form_type_name((enum model_form_type)t);
                return;
            }
}

enum model_form_type exchange_guess_type(const char *text)
{
    int upper = 0, lower = 0;
    size_t len = strlen(text); /* once: per character, a 1 MiB form took seconds */
    for (size_t i = 0; i < len;) {
        uint32_t c;
        i += utf8_decode(text + i, len - i, &c);
        if (uc_is_hangul(c))
            return MODEL_FORM_LOANWORD;
        upper += c >= 'A' && c <= 'Z';
        lower += c >= 'a' && c <= 'z';
    }
    return !lower && upper >= 2 ? MODEL_FORM_ABBREV : MODEL_FORM_ENGLISH;
}

void exchange_warn_once(const struct exchange_reader *rd, struct strmap *seen, unsigned long line,
                        unsigned long column, const char *msg)
{
    int created = 0;

    if (!rd->warn || seen->len > EXCHANGE_MAX_WARNINGS)
        return;
    if (seen->len == EXCHANGE_MAX_WARNINGS) {
        strmap_put(seen, "\n", 1, &created); /* no message has a newline: the cap's mark */
        rd->warn(rd->ctx, line, column, "more than 100 different warnings: the rest are not shown");
        return;
    }
    strmap_put(seen, msg, strlen(msg), &created);
    if (created)
        rd->warn(rd->ctx, line, column, msg);
}

/* The XML layer's statuses are the exchange layer's, EOPEN to EINPUT. */
_Static_assert((int)XML_READ_EOPEN == (int)EXCHANGE_EOPEN &&
                   (int)XML_READ_EMALFORMED == (int)EXCHANGE_EMALFORMED &&
                   (int)XML_READ_EREFUSED == (int)EXCHANGE_EREFUSED &&
                   (int)XML_READ_EINPUT == (int)EXCHANGE_EINPUT,
               "enum xml_read_status and enum exchange_status agree");

void exchange_fail_from_xml(struct dd_error *err, const struct dd_error *xe, int stopped)
{
    if (err != xe)
        *err = *xe;
    if (stopped)
        dd_error_set(err, DD_EINPUT, EXCHANGE_ESTOPPED, "stopped");
}

/* ---- skipped units ------------------------------------------------------------------------ */

void exchange_skipped_lang(struct exchange_skipped *s, const char *tag)
{
    size_t n;
    if (!tag || !*tag || s->nlangs > 8)
        return;
    n = strlen(tag);
    for (const char *p = s->langs.buf; p && *p;) {
        size_t m = strcspn(p, ",");
        if (m == n && !memcmp(p, tag, n))
            return;
        p += m;
        p += strspn(p, ", ");
    }
    if (s->nlangs)
        strbuf_addstr(&s->langs, ", ");
    if (s->nlangs++ == 8)
        strbuf_addstr(&s->langs, "...");
    else
        xml_printable(&s->langs, tag, 40); /* a tag from the file: one printable line */
}

int exchange_skipped_report(const struct exchange_reader *rd, const struct exchange_skipped *s,
                            const char *unit, const char *units, struct dd_error *err)
{
    char msg[sizeof(err->message)];
    if (!s->units)
        return 0;
    snprintf(msg, sizeof(msg),
             "%lu %s skipped: none in the source language '%s'; languages found: %s; "
             "use --source-lang/--target-lang",
             s->units, s->units == 1 ? unit : units, rd->opt.source_lang,
             s->nlangs ? s->langs.buf : "none");
    if (!s->concepts) {
        dd_error_clear(err);
        dd_error_set(err, DD_EINPUT, EXCHANGE_EINPUT, "%s", msg);
        return -1;
    }
    if (rd->warn)
        rd->warn(rd->ctx, 0, 0, msg);
    return 0;
}

void exchange_skipped_release(struct exchange_skipped *s)
{
    strbuf_release(&s->langs);
    s->nlangs = 0;
}
