/*
 * styleguide_md.c - the style guide as CommonMark (https://spec.commonmark.org/0.31.2/).
 *
 *   # 쉬운 우리말 용어 지침
 *
 *   (the rule, the number of entries, the index: [ㄱ](#ㄱ) · [ㄴ](#ㄴ) ...)
 *
 *   ## ㄱ
 *
 *   ### 인터넷 기반 자원 공유
 *
 *   - 쓰지 말 것: 클라우드
 *   - 영어: cloud
 *   - 상태: 승인 (approved)
 *   - 빈도: 3회, 문서 1건
 *   - 용례: …새로운 **인터넷 기반 자원 공유**(클라우드) 전략… (a.txt:1)
 *
 * Index links use the anchors GitHub and most renderers derive from a
 * heading (its text, lower-cased, punctuation dropped): "ㄱ", and "az" for
 * "A–Z". Text from the termbase is escaped: ASCII punctuation that could
 * start markup gets a backslash (CommonMark 2.4), line breaks become spaces,
 * other controls \x1b (utf8_add_visible).
 */
#include <string.h>

#include "io/styleguide_int.h"
#include "util/utf8.h"
#include "util/banned.h"

/*
 * s[0..len) with its controls and undecodable bytes written as \xNN
 * (utf8_add_visible, with flags), then markup characters escaped: the
 * backslash of \x1b is doubled, so that it renders as written.
 */
static void md_visible(FILE *fp, const char *s, size_t len, unsigned flags)
{
    struct strbuf sb = STRBUF_INIT;

    utf8_add_visible(&sb, s, len, flags);
    for (size_t i = 0; i < sb.len; i++) {
        char c = sb.buf[i];
        if (strchr("\\`*_[]<>#|~!&", c) && c)
            fputc('\\', fp);
        fputc(c, fp);
    }
    strbuf_release(&sb);
}

/* Text from the termbase: line breaks become spaces. */
static void md_text(FILE *fp, const char *s, size_t len)
{
    md_visible(fp, s, len, UTF8_VISIBLE_BLANK);
}

static void md_str(FILE *fp, const char *s)
{
    md_text(fp, s, strlen(s));
}

/* A file name, the same way in every format (docs/formats.md). */
static void md_name(FILE *fp, const char *s)
{
    md_visible(fp, s, strlen(s), 0);
}

static const char *md_anchor(int section)
{
    return section == STYLEGUIDE__OTHER ? "az" : styleguide__section_label(section);
}

static void md_begin(struct styleguide__ctx *ctx)
{
    FILE *fp = ctx->fp;
    const char *sep = "";

    fputs("# ", fp);
    md_str(fp, ctx->opt->title ? ctx->opt->title : STYLEGUIDE__TITLE);
    fputs("\n\n" STYLEGUIDE__RULE "\n\n", fp);
    fprintf(fp, "용어 %lu개", ctx->total);
    if (ctx->total)
        fputs(": ", fp);
    for (int s = 0; s < STYLEGUIDE__NSECTIONS; s++) {
        if (!ctx->counts[s])
            continue;
        fprintf(fp, "%s[%s](#%s)", sep, styleguide__section_label(s), md_anchor(s));
        sep = " · ";
    }
    fputs("\n", fp);
}

static void md_section_begin(struct styleguide__ctx *ctx, int section)
{
    fprintf(ctx->fp, "\n## %s\n", styleguide__section_label(section));
}

/* "- label: a, b" for the forms of type t, when there are any. */
static void md_forms(FILE *fp, const struct model_concept *c, enum model_form_type t,
                     const char *label)
{
    const char *sep = "";

    if (!styleguide__count_forms(c, t))
        return;
    fprintf(fp, "- %s: ", label);
    for (size_t i = 0; i < c->nforms; i++) {
        if (c->forms[i].type != t || !strcmp(c->forms[i].text, c->ko))
            continue;
        fputs(sep, fp);
        md_str(fp, c->forms[i].text);
        sep = ", ";
    }
    fputc('\n', fp);
}

static void md_entry(struct styleguide__ctx *ctx, const struct model_concept *c)
{
    FILE *fp = ctx->fp;

    fputs("\n### ", fp);
    md_str(fp, c->ko);
    fputs("\n\n", fp);
    md_forms(fp, c, MODEL_FORM_LOANWORD, styleguide__loanword_label(c, NULL));
    md_forms(fp, c, MODEL_FORM_ENGLISH, STYLEGUIDE__L_ENGLISH);
    md_forms(fp, c, MODEL_FORM_ABBREV, STYLEGUIDE__L_ABBREV);
    md_forms(fp, c, MODEL_FORM_NATIVE, STYLEGUIDE__L_NATIVE);
    md_forms(fp, c, MODEL_FORM_SHORT, STYLEGUIDE__L_SHORT);
    fprintf(fp, "- %s: %s\n", STYLEGUIDE__L_STATUS, styleguide__status_label(c->status));
    fprintf(fp, "- %s: %lu회, 문서 %lu건\n", STYLEGUIDE__L_COUNT, c->count, c->ndocs);
    if (c->example && *c->example) {
        struct strbuf pre = STRBUF_INIT, hit = STRBUF_INIT, post = STRBUF_INIT;
        const char *path;

        styleguide__example(c, &pre, &hit, &post);
        fprintf(fp, "- %s: ", STYLEGUIDE__L_EXAMPLE);
        md_text(fp, pre.buf, pre.len);
        if (hit.len) {
            fputs("**", fp);
            md_text(fp, hit.buf, hit.len);
            fputs("**", fp);
        }
        md_text(fp, post.buf, post.len);
        if ((path = exchange_path_shown(c->example_path, ctx->opt->paths))) {
            fputs(" (", fp);
            md_name(fp, path);
            if (c->example_pos) {
                fputc(':', fp);
                md_text(fp, c->example_pos, strlen(c->example_pos));
                fputc(')', fp);
            } else
                fprintf(fp, ":%lu)", c->example_line);
        }
        fputc('\n', fp);
        strbuf_release(&pre);
        strbuf_release(&hit);
        strbuf_release(&post);
    }
}

static void md_section_end(struct styleguide__ctx *ctx, int section)
{
    (void)ctx;
    (void)section;
}

static void md_end(struct styleguide__ctx *ctx)
{
    (void)ctx;
}

const struct styleguide__renderer styleguide__markdown = {md_begin, md_section_begin, md_entry,
                                                          md_section_end, md_end};
