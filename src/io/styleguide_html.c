/*
 * styleguide_html.c - the style guide as one self-contained HTML5 file.
 *
 * Everything is in the file: the CSS is inline, there is no script, no
 * font or image is fetched, so it opens the same offline, from a mail
 * attachment or on an intranet, and prints (WHATWG HTML Living Standard).
 *
 *   <header>  title, the rule, the number of entries
 *   <nav>     index of initials: <a href="#s00">ㄱ</a> ... (present ones only)
 *   <section id="s00"><h2>ㄱ</h2>
 *     <article class="entry" id="c12"><h3>plain term</h3>
 *       <dl> loanwords to avoid, English, abbreviation, status, count </dl>
 *       <p class="example"> example with the term in <mark>, <cite>source</cite>
 *
 * Text is escaped for element content and attribute values (& < > " '),
 * after controls and, in file names, undecodable bytes are written as \x1b
 * (utf8_add_visible).
 * Print CSS drops the sticky index bar and keeps each entry on one page.
 */
#include <inttypes.h>
#include <string.h>

#include "io/styleguide_int.h"
#include "util/utf8.h"
#include "util/banned.h"

static const char css[] =
    ":root{--ink:#1d232a;--muted:#5b6570;--line:#d5dbe1;--accent:#0b5cad;--avoid:#b3261e;"
    "--bg:#fff;--card:#f7f9fb}\n"
    "*{box-sizing:border-box}\n"
    "body{margin:0;background:var(--bg);color:var(--ink);font:16px/1.6 \"Noto Sans CJK KR\","
    "\"Noto Sans KR\",\"Apple SD Gothic Neo\",\"Malgun Gothic\",\"Nanum Gothic\",sans-serif;"
    "word-break:keep-all;overflow-wrap:anywhere}\n"
    "header,main{max-width:60rem;margin:0 auto;padding:0 1.5rem}\n"
    "header{padding-top:2rem}\n"
    "h1{font-size:1.9rem;margin:0 0 .4rem}\n"
    ".rule{margin:0 0 .3rem;font-size:1.05rem}\n"
    ".total{margin:0;color:var(--muted)}\n"
    "nav.index{position:sticky;top:0;z-index:1;background:var(--bg);border-bottom:1px solid "
    "var(--line);margin-top:1rem}\n"
    "nav.index ol{list-style:none;display:flex;flex-wrap:wrap;gap:.3rem;max-width:60rem;"
    "margin:0 auto;padding:.6rem 1.5rem}\n"
    "nav.index a{display:inline-block;min-width:2.2rem;padding:.15rem .5rem;text-align:center;"
    "border:1px solid var(--line);border-radius:.4rem;color:var(--accent);text-decoration:none;"
    "font-weight:600}\n"
    "nav.index a:hover,nav.index a:focus{background:var(--accent);color:#fff}\n"
    "section{scroll-margin-top:3.5rem}\n"
    "h2{font-size:1.6rem;color:var(--accent);border-bottom:2px solid var(--accent);"
    "margin:2rem 0 1rem;padding-bottom:.2rem}\n"
    ".entry{background:var(--card);border:1px solid var(--line);border-radius:.5rem;"
    "padding:.8rem 1.1rem;margin:0 0 .9rem;break-inside:avoid}\n"
    ".entry h3{font-size:1.3rem;margin:0 0 .4rem}\n"
    ".entry dl{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;margin:0}\n"
    ".entry dt{color:var(--muted);font-size:.92rem}\n"
    ".entry dd{margin:0}\n"
    ".avoid{color:var(--avoid);text-decoration:line-through;text-decoration-color:rgba(179,38,30,."
    "5)}\n"
    ".status-approved{color:#1b6b2c;font-weight:600}\n"
    ".status-rejected{color:var(--avoid)}\n"
    ".example{margin:.6rem 0 0;padding:.4rem .8rem;border-left:3px solid var(--line);"
    "color:#333}\n"
    ".example mark{background:#fff1a8;padding:0 .1em}\n"
    ".example cite{display:block;font-style:normal;color:var(--muted);font-size:.88rem}\n"
    "footer{max-width:60rem;margin:2rem auto;padding:0 1.5rem;color:var(--muted);"
    "font-size:.85rem}\n"
    "@media print{body{font-size:11pt}nav.index{position:static;border:0}"
    "nav.index a{border:0;padding:0 .2rem}.entry{background:none}"
    "h2{break-after:avoid}a{color:inherit}}\n";

/* s[0..len) HTML-escaped. */
static void html_escape(FILE *fp, const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        switch (s[i]) {
        case '&':
            fputs("&amp;", fp);
            break;
        case '<':
            fputs("&lt;", fp);
            break;
        case '>':
            fputs("&gt;", fp);
            break;
        case '"':
            fputs("&quot;", fp);
            break;
        case '\'':
            fputs("&#39;", fp);
            break;
        default:
            fputc(s[i], fp);
        }
    }
}

/*
 * s[0..len) with its controls and undecodable bytes written as \xNN
 * (utf8_add_visible: TAB, LF, CR kept with flags), then HTML-escaped.
 */
static void html_visible(FILE *fp, const char *s, size_t len, unsigned flags)
{
    struct strbuf sb = STRBUF_INIT;

    if (utf8_visible_prefix(s, len, flags) == len) {
        html_escape(fp, s, len);
        return;
    }
    utf8_add_visible(&sb, s, len, flags);
    html_escape(fp, sb.buf, sb.len);
    strbuf_release(&sb);
}

/* Text from the termbase: TAB, LF and CR are white space to HTML. */
static void html_text(FILE *fp, const char *s, size_t len)
{
    html_visible(fp, s, len, UTF8_VISIBLE_TAB | UTF8_VISIBLE_NEWLINE);
}

static void html_str(FILE *fp, const char *s)
{
    html_text(fp, s, strlen(s));
}

/* A file name, the same way in every format (docs/formats.md). */
static void html_name(FILE *fp, const char *s)
{
    html_visible(fp, s, strlen(s), 0);
}

static void html_begin(struct styleguide__ctx *ctx)
{
    FILE *fp = ctx->fp;
    const char *title = ctx->opt->title ? ctx->opt->title : STYLEGUIDE__TITLE;

    fputs("<!DOCTYPE html>\n<html lang=\"ko\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
          "<meta name=\"generator\" content=\"dadeum\">\n<title>",
          fp);
    html_str(fp, title);
    fputs("</title>\n<style>\n", fp);
    fputs(css, fp);
    fputs("</style>\n</head>\n<body>\n<header>\n<h1>", fp);
    html_str(fp, title);
    fputs("</h1>\n<p class=\"rule\">" STYLEGUIDE__RULE "</p>\n", fp);
    fprintf(fp, "<p class=\"total\">용어 %lu개</p>\n</header>\n", ctx->total);
    fputs("<nav class=\"index\" aria-label=\"첫소리 색인\">\n<ol>\n", fp);
    for (int s = 0; s < STYLEGUIDE__NSECTIONS; s++)
        if (ctx->counts[s])
            fprintf(fp, "<li><a href=\"#%s\">%s</a></li>\n", styleguide__section_id(s),
                    styleguide__section_label(s));
    fputs("</ol>\n</nav>\n<main>\n", fp);
}

static void html_section_begin(struct styleguide__ctx *ctx, int section)
{
    fprintf(ctx->fp, "<section id=\"%s\">\n<h2>%s</h2>\n", styleguide__section_id(section),
            styleguide__section_label(section));
}

/* <dt>label</dt><dd>a, b</dd> for the forms of type t, when there are any. */
static void html_forms(FILE *fp, const struct model_concept *c, enum model_form_type t,
                       const char *label, const char *cls)
{
    const char *sep = "";

    if (!styleguide__count_forms(c, t))
        return;
    fprintf(fp, "<dt>%s</dt><dd>", label);
    for (size_t i = 0; i < c->nforms; i++) {
        if (c->forms[i].type != t || !strcmp(c->forms[i].text, c->ko))
            continue;
        fputs(sep, fp);
        if (cls)
            fprintf(fp, "<span class=\"%s\">", cls);
        html_str(fp, c->forms[i].text);
        if (cls)
            fputs("</span>", fp);
        sep = ", ";
    }
    fputs("</dd>\n", fp);
}

static void html_entry(struct styleguide__ctx *ctx, const struct model_concept *c)
{
    FILE *fp = ctx->fp;
    const char *cls;
    const char *loan = styleguide__loanword_label(c, &cls);

    fprintf(fp, "<article class=\"entry\" id=\"c%" PRId64 "\">\n<h3>", c->id);
    html_str(fp, c->ko);
    fputs("</h3>\n<dl>\n", fp);
    html_forms(fp, c, MODEL_FORM_LOANWORD, loan, cls);
    html_forms(fp, c, MODEL_FORM_ENGLISH, STYLEGUIDE__L_ENGLISH, NULL);
    html_forms(fp, c, MODEL_FORM_ABBREV, STYLEGUIDE__L_ABBREV, NULL);
    html_forms(fp, c, MODEL_FORM_NATIVE, STYLEGUIDE__L_NATIVE, NULL);
    html_forms(fp, c, MODEL_FORM_SHORT, STYLEGUIDE__L_SHORT, NULL);
    fprintf(fp, "<dt>%s</dt><dd class=\"status-%s\">%s</dd>\n", STYLEGUIDE__L_STATUS,
            model_status_name(c->status), styleguide__status_label(c->status));
    fprintf(fp, "<dt>%s</dt><dd>%lu회, 문서 %lu건</dd>\n</dl>\n", STYLEGUIDE__L_COUNT, c->count,
            c->ndocs);
    if (c->example && *c->example) {
        struct strbuf pre = STRBUF_INIT, hit = STRBUF_INIT, post = STRBUF_INIT;
        const char *path;

        styleguide__example(c, &pre, &hit, &post);
        fprintf(fp, "<p class=\"example\"><span class=\"label\">%s:</span> ",
                STYLEGUIDE__L_EXAMPLE);
        html_text(fp, pre.buf, pre.len);
        if (hit.len) {
            fputs("<mark>", fp);
            html_text(fp, hit.buf, hit.len);
            fputs("</mark>", fp);
        }
        html_text(fp, post.buf, post.len);
        if ((path = exchange_path_shown(c->example_path, ctx->opt->paths))) {
            fputs("<cite>", fp);
            html_name(fp, path);
            if (c->example_pos) {
                fputc(':', fp);
                html_text(fp, c->example_pos, strlen(c->example_pos));
                fputs("</cite>", fp);
            } else {
                fprintf(fp, ":%lu</cite>", c->example_line);
            }
        }
        fputs("</p>\n", fp);
        strbuf_release(&pre);
        strbuf_release(&hit);
        strbuf_release(&post);
    }
    fputs("</article>\n", fp);
}

static void html_section_end(struct styleguide__ctx *ctx, int section)
{
    (void)section;
    fputs("</section>\n", ctx->fp);
}

static void html_end(struct styleguide__ctx *ctx)
{
    fputs("</main>\n<footer>dadeum이 용어 데이터베이스에서 만든 지침입니다.</footer>\n"
          "</body>\n</html>\n",
          ctx->fp);
}

const struct styleguide__renderer styleguide__html = {html_begin, html_section_begin, html_entry,
                                                      html_section_end, html_end};
