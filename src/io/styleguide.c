/*
 * styleguide.c - the style-guide core: filters, dictionary order, sections.
 *
 * Streaming (styleguide_write_termbase) relies on termbase_foreach handing
 * out concepts ordered by key, which is code-point order: every key that
 * starts with a syllable U+AC00..U+D7A3 comes in one run, sorted by initial
 * (see styleguide.h), and the others come before or after that run. So:
 *
 *   pass 1  count the entries of each section (the index needs them first)
 *   pass 2  write the syllable sections, skipping the rest
 *   pass 3  write the "A–Z" section, skipping syllables
 *
 * The collecting API sorts its copies by (section, key, id), the same
 * order, so both paths give the same bytes.
 */
#include "io/styleguide.h"

#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "io/styleguide_int.h"
#include "text/key.h"
#include "util/utf8.h"
#include "util/xmalloc.h"
#include "util/banned.h"

/* Characters of context kept before and after the term in an example. */
#define EXAMPLE_BEFORE 40
#define EXAMPLE_AFTER 70

static const struct styleguide_options default_options = STYLEGUIDE_OPTIONS_INIT;

int styleguide_format_parse(const char *name)
{
    if (!strcmp(name, "md") || !strcmp(name, "markdown"))
        return STYLEGUIDE_MARKDOWN;
    if (!strcmp(name, "html"))
        return STYLEGUIDE_HTML;
    return -1;
}

static const struct styleguide__renderer *renderer_of(enum styleguide_format fmt)
{
    return fmt == STYLEGUIDE_HTML ? &styleguide__html : &styleguide__markdown;
}

int styleguide_options_match(const struct styleguide_options *opt, const struct model_concept *c)
{
    if (!opt)
        opt = &default_options;
    if (opt->status < 0 ? c->status == MODEL_REJECTED : (int)c->status != opt->status)
        return 0;
    if (c->count < opt->min_count)
        return 0;
    if (opt->kind) {
        int found = c->kind && !strcmp(c->kind, opt->kind);
        for (size_t i = 0; i < c->nforms && !found; i++)
            found = !strcmp(model_form_type_name(c->forms[i].type), opt->kind);
        if (!found)
            return 0;
    }
    return 1;
}

/* ---- sections and labels ---------------------------------------------------------- */

int styleguide__section_of(const char *ko)
{
    struct strbuf key = STRBUF_INIT;
    uint32_t cp = 0;
    int s;

    text_key(ko, strlen(ko), 1, &key);
    if (key.len)
        utf8_decode(key.buf, key.len, &cp);
    strbuf_release(&key);
    s = hangul_initial(cp);
    return s < 0 ? STYLEGUIDE__OTHER : s;
}

const char *styleguide__section_label(int section)
{
    static const char *const labels[STYLEGUIDE__NSECTIONS] = {
        "ㄱ", "ㄲ", "ㄴ", "ㄷ", "ㄸ", "ㄹ", "ㅁ", "ㅂ", "ㅃ", "ㅅ",
        "ㅆ", "ㅇ", "ㅈ", "ㅉ", "ㅊ", "ㅋ", "ㅌ", "ㅍ", "ㅎ", "A–Z"};
    return labels[section];
}

const char *styleguide__section_id(int section)
{
    static const char *const ids[STYLEGUIDE__NSECTIONS] = {
        "s00", "s01", "s02", "s03", "s04", "s05", "s06", "s07", "s08", "s09",
        "s10", "s11", "s12", "s13", "s14", "s15", "s16", "s17", "s18", "latin"};
    return ids[section];
}

const char *styleguide__status_label(enum model_status r)
{
    switch (r) {
    case MODEL_APPROVED:
        return "승인 (approved)";
    case MODEL_REJECTED:
        return "반려 (rejected)";
    default:
        return "검토 중 (candidate)";
    }
}

const char *styleguide__loanword_label(const struct model_concept *c, const char **cls)
{
    int avoid = c->status == MODEL_APPROVED;
    if (cls)
        *cls = avoid ? "avoid" : "admitted";
    return avoid ? STYLEGUIDE__L_AVOID : STYLEGUIDE__L_ADMITTED;
}

size_t styleguide__count_forms(const struct model_concept *c, enum model_form_type t)
{
    size_t n = 0;
    for (size_t i = 0; i < c->nforms; i++)
        n += c->forms[i].type == t && strcmp(c->forms[i].text, c->ko);
    return n;
}

void styleguide__example(const struct model_concept *c, struct strbuf *pre, struct strbuf *hit,
                         struct strbuf *post)
{
    const char *s = c->example, *at = strstr(s, c->ko);
    size_t len = strlen(s), start = 0, end, hit_len = 0, n;

    if (at && *c->ko) {
        hit_len = strlen(c->ko);
    } else {
        at = NULL;
        for (int pass = 0; pass < 2 && !at; pass++)
            for (size_t i = 0; i < c->nforms && !at; i++) {
                enum model_form_type t = c->forms[i].type;
                if ((pass == 0 ? t == MODEL_FORM_KO : t == MODEL_FORM_LOANWORD) &&
                    *c->forms[i].text && (at = strstr(s, c->forms[i].text)))
                    hit_len = strlen(c->forms[i].text);
            }
    }
    if (at) {
        start = (size_t)(at - s);
        for (n = 0; n < EXAMPLE_BEFORE && start > 0; n++)
            start = utf8_prev(s, start);
        if (start > 0)
            strbuf_addstr(pre, "…");
        strbuf_add(pre, s + start, (size_t)(at - s) - start);
        strbuf_add(hit, at, hit_len);
        start = (size_t)(at - s) + hit_len;
    }
    end = start;
    for (n = 0; n < (at ? EXAMPLE_AFTER : EXAMPLE_BEFORE + EXAMPLE_AFTER) && end < len; n++) {
        uint32_t cp;
        end += utf8_decode(s + end, len - end, &cp);
    }
    strbuf_add(at ? post : pre, s + start, end - start);
    if (end < len)
        strbuf_addstr(at ? post : pre, "…");
}

/* ---- streaming over a termbase ---------------------------------------------------- */

struct stream {
    struct styleguide__ctx ctx;                  /* what the renderer sees */
    const struct styleguide__renderer *r;        /* the renderer */
    int pass;                                    /* 1 count, 2 syllables, 3 the rest */
    int open;                                    /* section being written, or -1 */
    unsigned char opened[STYLEGUIDE__NSECTIONS]; /* sections already written */
};

/* Opens section s (closing the open one) unless it is open already. */
static void switch_section(struct styleguide__ctx *ctx, const struct styleguide__renderer *r,
                           int *open, unsigned char *opened, int s)
{
    if (*open == s)
        return;
    if (*open >= 0)
        r->section_end(ctx, *open);
    *open = s;
    /* out-of-order input cannot open a section twice: its id must stay unique */
    if (!opened[s])
        r->section_begin(ctx, s);
    opened[s] = 1;
}

static int stream_concept(void *vctx, const struct model_concept *c)
{
    struct stream *st = vctx;
    int s;

    if (!styleguide_options_match(st->ctx.opt, c))
        return 0;
    if (st->ctx.opt->min_confidence >= 0 &&
        model_gate_check(c, st->ctx.opt->min_confidence) != MODEL_GATE_PASS &&
        !(c->status == MODEL_REJECTED && st->ctx.opt->status == MODEL_REJECTED))
        return 0;
    s = styleguide__section_of(c->ko);
    if (st->pass == 1) {
        st->ctx.counts[s]++;
        st->ctx.total++;
        return 0;
    }
    if ((st->pass == 2) != (s != STYLEGUIDE__OTHER))
        return 0;
    switch_section(&st->ctx, st->r, &st->open, st->opened, s);
    if (st->ctx.opt->min_confidence >= 0) {
        /* the English the gate keeps, as the exchange formats write it */
        struct model_concept kept;
        struct model_form *forms = xcalloc(c->nforms + 1, sizeof(*forms));
        model_concept_strip_weak(c, st->ctx.opt->min_confidence, &kept, forms);
        st->r->entry(&st->ctx, &kept);
        free(forms);
    } else {
        st->r->entry(&st->ctx, c);
    }
    return 0;
}

int styleguide_write_source(const struct model_concept_source *src, FILE *fp,
                            enum styleguide_format fmt, const struct styleguide_options *opt)
{
    struct stream st;
    int status;

    assert(src && src->foreach && fp);

    memset(&st, 0, sizeof(st));
    st.ctx.fp = fp;
    st.ctx.opt = opt ? opt : &default_options;
    st.r = renderer_of(fmt);
    st.open = -1;
    /* the status filter is also the query's: fewer rows to load */
    status = st.ctx.opt->status;
    for (st.pass = 1; st.pass <= 3; st.pass++) {
        if (src->foreach (src->src, status, stream_concept, &st))
            return -1;
        if (st.pass == 1)
            st.r->begin(&st.ctx);
    }
    if (st.open >= 0)
        st.r->section_end(&st.ctx, st.open);
    st.r->end(&st.ctx);
    return 0;
}

/* ---- collecting concepts in any order --------------------------------------------- */

struct item {
    struct model_concept c; /* a deep copy */
    char *key;              /* text_key(ko, stem) */
    int section;            /* styleguide__section_of(ko) */
};

struct styleguide {
    enum styleguide_format fmt;    /* output format */
    struct styleguide_options opt; /* filters; title copied */
    char *title;                   /* owned copy of opt.title */
    char *kind;                    /* owned copy of opt.kind */
    struct item *items;            /* kept concepts */
    size_t n, alloc;               /* used and allocated items */
};

static char *dup_or_null(const char *s)
{
    return s ? xstrdup(s) : NULL;
}

struct styleguide *styleguide_new(enum styleguide_format fmt, const struct styleguide_options *opt)
{
    struct styleguide *sg = xcalloc(1, sizeof(*sg));

    sg->fmt = fmt;
    sg->opt = opt ? *opt : default_options;
    sg->title = dup_or_null(sg->opt.title);
    sg->kind = dup_or_null(sg->opt.kind);
    sg->opt.title = sg->title;
    sg->opt.kind = sg->kind;
    return sg;
}

int styleguide_add(struct styleguide *sg, const struct model_concept *c)
{
    struct item *it;
    struct strbuf key = STRBUF_INIT;

    if (!styleguide_options_match(&sg->opt, c))
        return 0;
    ALLOC_GROW(sg->items, sg->n + 1, sg->alloc);
    it = &sg->items[sg->n++];
    memset(it, 0, sizeof(*it));
    it->c = *c;
    it->c.ko = xstrdup(c->ko);
    it->c.kind = dup_or_null(c->kind);
    it->c.note = dup_or_null(c->note);
    it->c.example = dup_or_null(c->example);
    it->c.example_path = dup_or_null(c->example_path);
    it->c.example_pos = dup_or_null(c->example_pos);
    it->c.matched = dup_or_null(c->matched);
    it->c.datcats = NULL; /* a style guide shows none; c's are not ours to keep */
    it->c.ndatcats = 0;
    it->c.forms = c->nforms ? xcalloc(c->nforms, sizeof(*c->forms)) : NULL;
    for (size_t i = 0; i < c->nforms; i++) {
        it->c.forms[i] = c->forms[i];
        it->c.forms[i].text = xstrdup(c->forms[i].text);
    }
    text_key(c->ko, strlen(c->ko), 1, &key);
    it->key = strbuf_detach(&key, NULL);
    it->section = styleguide__section_of(c->ko);
    return 1;
}

static int item_cmp(const void *va, const void *vb)
{
    const struct item *a = va, *b = vb;
    int d;

    if (a->section != b->section)
        return a->section < b->section ? -1 : 1;
    if ((d = strcmp(a->key, b->key)) != 0)
        return d;
    return a->c.id < b->c.id ? -1 : a->c.id > b->c.id;
}

void styleguide_write(struct styleguide *sg, FILE *fp)
{
    const struct styleguide__renderer *r = renderer_of(sg->fmt);
    struct styleguide__ctx ctx;
    unsigned char opened[STYLEGUIDE__NSECTIONS] = {0};
    int open = -1;

    memset(&ctx, 0, sizeof(ctx));
    ctx.fp = fp;
    ctx.opt = &sg->opt;
    if (sg->n)
        qsort(sg->items, sg->n, sizeof(*sg->items), item_cmp);
    for (size_t i = 0; i < sg->n; i++)
        ctx.counts[sg->items[i].section]++;
    ctx.total = sg->n;
    r->begin(&ctx);
    for (size_t i = 0; i < sg->n; i++) {
        switch_section(&ctx, r, &open, opened, sg->items[i].section);
        r->entry(&ctx, &sg->items[i].c);
    }
    if (open >= 0)
        r->section_end(&ctx, open);
    r->end(&ctx);
}

void styleguide_free(struct styleguide *sg)
{
    if (!sg)
        return;
    for (size_t i = 0; i < sg->n; i++) {
        struct model_concept *c = &sg->items[i].c;
        for (size_t j = 0; j < c->nforms; j++)
            free((char *)c->forms[j].text);
        free(c->forms);
        free((char *)c->ko);
        free((char *)c->kind);
        free((char *)c->note);
        free((char *)c->example);
        free((char *)c->example_path);
        free((char *)c->example_pos);
        free((char *)c->matched);
        free(sg->items[i].key);
    }
    free(sg->items);
    free(sg->title);
    free(sg->kind);
    free(sg);
}
