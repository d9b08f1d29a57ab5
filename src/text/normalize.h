/*
 * normalize.h - what real documents contain, folded to one plain form.
 *
 * One line (without its newline) of UTF-8 in, one normalised line out:
 *  - Unicode NFC (UAX #15), so conjoining jamo compose to Hangul syllables;
 *  - fullwidth ASCII (U+FF01..FF5E) to ASCII, ideographic and no-break spaces
 *    to ' ', zero-width characters removed, runs of spaces to one space;
 *  - bracket variants: 〈〉 ⟨⟩ 〈〉 to < >, 【】 to [ ], superscript ⁽⁾ to ( );
 *    title brackets 「」『』《》 are kept;
 *  - quotes: ‘ ’ ‚ ‛ ʻ ʼ to ', “ ” „ ‟ to "; middle dots ㆍ ・ ‧ ∙ ․ to ·;
 *    hyphens U+2010/2011 to '-', wave dashes 〜 to '~';
 *  - HTML: tags of HTML elements (<p>, </div>, <div style=...>, <br/>) are
 *    removed (block elements leave a space), comments removed, named and
 *    numeric entities decoded (&amp; &#12593; &#x3131;); <sup>x</sup> is
 *    treated as the superscript markup below. Text in angle brackets that is
 *    not an HTML tag (<클라우드>) is kept;
 *  - markdown: ** and __ emphasis delimiters removed, backslash escapes
 *    (\* \_ \# ...) resolved, leading heading (#) and quote (>) markers removed;
 *  - superscript markup: X^(Y) becomes X(Y); X^{Y} becomes X{Y}, braces being
 *    an annotation that the extractor never reads as a gloss;
 *  - C0 controls other than TAB, DEL and C1 controls (U+0080..U+009F)
 *    become spaces; TAB (a table cell boundary) is kept; leading and
 *    trailing spaces are trimmed.
 */
#ifndef DADEUM_TEXT_NORMALIZE_H
#define DADEUM_TEXT_NORMALIZE_H

#include <stddef.h>

#include "util/strbuf.h"

/* Appends the normalised form of s[0..len) to out. Assumes s is valid UTF-8. */
void text_normalize_line(const char *s, size_t len, struct strbuf *out);

/*
 * The buffers the passes of text_normalize_line write in turn. A caller
 * that normalises many lines (a document reader) keeps one and releases it
 * at the end, so that a line that needs a pass allocates nothing.
 */
struct text_scratch {
    struct strbuf a, b; /* the passes' outputs */
};
#define TEXT_SCRATCH_INIT                                                                          \
    {                                                                                              \
        STRBUF_INIT, STRBUF_INIT                                                                   \
    }

/* text_normalize_line with the buffers in t, which keeps what they grew to. */
void text_normalize_line_scratch(const char *s, size_t len, struct strbuf *out,
                                 struct text_scratch *t);
/* Frees t's buffers; t can be used again. */
void text_scratch_release(struct text_scratch *t);

/*
 * The same with quotes and middle dots as written (‘ ’ “ ” ㆍ ‧ ・ ∙ ․ are not
 * folded): character for character what text_normalize_line gives, so that a
 * term found in the plain line can be copied as the document writes it.
 */
void text_normalize_line_marked(const char *s, size_t len, struct strbuf *out);

#endif
