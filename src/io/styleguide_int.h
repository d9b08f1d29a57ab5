/*
 * styleguide_int.h - what the style-guide core shares with its renderers.
 *
 * The core (styleguide.c) decides which concepts are listed, in which order
 * and under which section; a renderer (styleguide_md.c, styleguide_html.c)
 * only turns the calls below into text, in this order:
 *
 *   begin  (section_begin  entry...  section_end)...  end
 *
 * Sections are numbered 0..18 for the initials ㄱ..ㅎ and
 * STYLEGUIDE__OTHER for everything that does not start with a syllable.
 */
#ifndef DADEUM_IO_STYLEGUIDE_INT_H
#define DADEUM_IO_STYLEGUIDE_INT_H

#include <stdio.h>

#include "io/styleguide.h"
#include "util/strbuf.h"

#define STYLEGUIDE__NINITIALS 19
#define STYLEGUIDE__OTHER STYLEGUIDE__NINITIALS
#define STYLEGUIDE__NSECTIONS (STYLEGUIDE__NINITIALS + 1)

struct styleguide__ctx {
    FILE *fp;                                    /* output */
    const struct styleguide_options *opt;        /* filters and title (never NULL) */
    unsigned long counts[STYLEGUIDE__NSECTIONS]; /* entries per section */
    unsigned long total;                         /* entries in all */
};

struct styleguide__renderer {
    void (*begin)(struct styleguide__ctx *ctx);
    void (*section_begin)(struct styleguide__ctx *ctx, int section);
    void (*entry)(struct styleguide__ctx *ctx, const struct model_concept *c);
    void (*section_end)(struct styleguide__ctx *ctx, int section);
    void (*end)(struct styleguide__ctx *ctx);
};

extern const struct styleguide__renderer styleguide__markdown;
extern const struct styleguide__renderer styleguide__html;

/* The default title, and the labels every renderer uses (UTF-8, Korean). */
#define STYLEGUIDE__TITLE "쉬운 우리말 용어 지침"
#define STYLEGUIDE__RULE                                                                           \
    "쉬운 우리말 용어를 쓰고, 외래어·외국어는 처음 한 번만 괄호 안에 함께 씁니다."
#define STYLEGUIDE__L_AVOID "쓰지 말 것"
#define STYLEGUIDE__L_ADMITTED "외래어 (허용)"
#define STYLEGUIDE__L_ENGLISH "영어"
#define STYLEGUIDE__L_ABBREV "약어"
#define STYLEGUIDE__L_NATIVE "비슷한 말"
#define STYLEGUIDE__L_SHORT "줄임말"
#define STYLEGUIDE__L_STATUS "상태"
#define STYLEGUIDE__L_COUNT "빈도"
#define STYLEGUIDE__L_EXAMPLE "용례"

/* Section of a concept by its Korean term: 0..18, or STYLEGUIDE__OTHER. */
int styleguide__section_of(const char *ko);
/* Heading of a section ("ㄱ" .. "ㅎ", "A–Z"). */
const char *styleguide__section_label(int section);
/* ASCII anchor of a section ("s00" .. "s18", "latin"). */
const char *styleguide__section_id(int section);
/* "승인 (approved)" and so on. */
const char *styleguide__status_label(enum model_status r);

/*
 * Cuts c->example to a window around the first Korean form (else the
 * first loanword) found in it: text before (with a leading "…" when cut),
 * the form itself, text after (with "…"). Appends to the three buffers;
 * hit stays empty when no form occurs. Assumes c->example is not NULL.
 */
void styleguide__example(const struct model_concept *c, struct strbuf *pre, struct strbuf *hit,
                         struct strbuf *post);

/*
 * The label of a concept's loanwords, as TBX marks them (tbx_write.c):
 * STYLEGUIDE__L_AVOID once the plain Korean term is approved (TBX
 * deprecatedTerm-admn-sts), else STYLEGUIDE__L_ADMITTED (admittedTerm-admn-sts):
 * an unreviewed pair is no advice yet. *cls gets the HTML class ("avoid" or
 * "admitted").
 */
const char *styleguide__loanword_label(const struct model_concept *c, const char **cls);

/* Number of forms of type t, other than the preferred term itself. */
size_t styleguide__count_forms(const struct model_concept *c, enum model_form_type t);

#endif
