/*
 * styleguide.h - the termbase as an editors' style guide, in Markdown or HTML.
 *
 * Korean public documents follow the plain-language rule: write the plain
 * Korean term and give the loanword once in parentheses. A style guide lists,
 * per concept, the plain term to write, the loanwords to avoid, the English
 * and abbreviation, the review status, an example sentence with its source
 * document, and how often the term was seen.
 *
 * Order: Korean dictionary order. A precomposed syllable is
 * 0xAC00 + (initial * 21 + vowel) * 28 + final (The Unicode Standard, 3.12),
 * and the Unicode orders of the 19 initials (ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ
 * ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ), the 21 vowels and the 27 finals are those of the
 * 표준국어대사전, so code-point order of modern syllables is dictionary
 * order. Entries are sorted by the termbase key (NFC, spaces removed,
 * trailing particle stripped: text_key) and grouped in one section per
 * initial of the key's first syllable; keys that do not start with a
 * syllable (Latin letters, digits, hanja, compatibility jamo) form a last
 * section, "A–Z", in code-point order.
 *
 * Two ways in:
 *  - styleguide_write_termbase() streams a termbase in three passes of
 *    termbase_foreach (count the sections for the index, write the Hangul
 *    sections, write the rest), holding one concept at a time: memory does
 *    not grow with the termbase;
 *  - styleguide_new() / _add() / _write() take concepts in any order (a
 *    glossary read elsewhere, tests), copy and sort them.
 * Both produce the same bytes for the same concepts.
 *
 * Formats (one renderer per file over the shared core in styleguide.c):
 *   styleguide_md.c    CommonMark; headings per initial, a list per entry
 *   styleguide_html.c  one self-contained HTML5 file: inline CSS, no script,
 *                      nothing fetched; an index of initials links to the
 *                      sections; print CSS keeps entries whole
 */
#ifndef DADEUM_IO_STYLEGUIDE_H
#define DADEUM_IO_STYLEGUIDE_H

#include <stdio.h>

#include "io/exchange.h"

enum styleguide_format { STYLEGUIDE_MARKDOWN = 0, STYLEGUIDE_HTML };

/* "md" or "markdown", "html": the format; -1 for any other name. */
int styleguide_format_parse(const char *name);

/* Which concepts to list (all must hold). */
struct styleguide_options {
    int status;                /* enum model_status to keep, or -1: every status but rejected */
    const char *kind;          /* keep concepts of this kind or with a form of this type
                                * ("loanword", "english", "abbrev", ...), or NULL */
    unsigned long min_count;   /* keep concepts seen at least this often (0: all) */
    const char *title;         /* document title, or NULL for the default */
    enum exchange_paths paths; /* how an example's document is cited (exchange_path_shown) */
    double min_confidence;     /* styleguide_write_termbase only: the export gate
                                * (model_gate_check; weak English forms of kept
                                * concepts are left out too), or -1: none */
};

#define STYLEGUIDE_OPTIONS_INIT                                                                    \
    {                                                                                              \
        -1, NULL, 0, NULL, EXCHANGE_PATHS_ASIS, -1                                                 \
    }

/* 1 when concept c passes the filters of opt (NULL: the defaults). */
int styleguide_options_match(const struct styleguide_options *opt, const struct model_concept *c);

/*
 * Writes the style guide of every concept of src that passes opt (NULL:
 * the defaults) to fp, in three walks of src. Returns 0, or -1 when src
 * failed (its own error says why; the output is then incomplete). The
 * caller checks ferror(fp). Assumes src yields the same concepts in the
 * same order on every walk (nothing writes to a termbase meanwhile).
 */
int styleguide_write_source(const struct model_concept_source *src, FILE *fp,
                            enum styleguide_format fmt, const struct styleguide_options *opt);

/* A style guide being collected from concepts in any order. */
struct styleguide;

/* Returns a new, empty style guide (free with styleguide_free). opt may be NULL. */
struct styleguide *styleguide_new(enum styleguide_format fmt, const struct styleguide_options *opt);
/* Copies c when it passes the filters. Returns 1 when kept, 0 when filtered out. */
int styleguide_add(struct styleguide *sg, const struct model_concept *c);
/* Sorts what was added and writes the style guide to fp. The caller checks ferror(fp). */
void styleguide_write(struct styleguide *sg, FILE *fp);
/* Frees sg and its copies. Accepts NULL. */
void styleguide_free(struct styleguide *sg);

#endif
