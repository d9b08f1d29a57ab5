/*
 * check.h - checking a draft against the termbase: plain Korean first.
 *
 * Korean public documents follow the plain-language rule: write the plain
 * Korean term and give the loanword once in parentheses,
 * 인터넷 기반 자원 공유(클라우드), then the plain term alone. A glossary
 * (struct check_glossary, built from termbase concepts) tells which
 * loanwords, English words and abbreviations have a plain Korean term;
 * check_text() reads a document and reports, in document order:
 *
 *   loanword      a bare loanword (클라우드를, 클라우드 기반의): on its first
 *                 use write plain(loanword), later the plain term
 *   english       the same for an English word or phrase (cloud)
 *   abbreviation  an abbreviation used before it was defined as plain(ABBR);
 *                 after the definition the bare abbreviation is fine
 *   order         the reversed form loanword(plain): write plain(loanword)
 *   inconsistent  one concept written with different plain terms in one
 *                 document (concepts that share a loanword are renderings
 *                 of one thing): every other rendering should become the
 *                 one the document should use
 *
 * The term the document should use for a concept is the rendering it
 * already uses when it uses exactly one, else the glossary's preferred one
 * (approved before candidate, then the most frequent).
 *
 * Matching is tolerant: spaces inside Korean terms do not matter
 * (인터넷기반 자원공유), a particle may follow (클라우드를, 세션에서는), NFD
 * jamo and fullwidth letters match their plain forms, English ignores case
 * (abbreviations do not). A Korean term matches only as a whole word: it
 * must start a word, and end one or be followed by a particle, so
 * 멀티클라우드 and 클라우드화 are not uses of 클라우드.
 *
 * Fixing (CHECK_FIX) rewrites each finding and adjusts a following particle
 * to the final consonant (받침) of the new last syllable: 클라우드를 →
 * 인터넷 기반 자원 공유를, 세션을 → 분과를, 허브가 → 거점이, 플랫폼은 →
 * 기반은 (이/가, 은/는, 을/를, 과/와, 으로/로 ...). After parentheses the
 * particle agrees with the word before them (국립국어원 guidance):
 * 인터넷 기반 자원 공유(클라우드)를. A fixed document checks clean.
 *
 * Columns are 1-based code-point columns in the original (decoded) line.
 * Nothing here prints or exits.
 */
#ifndef DADEUM_CHECK_CHECK_H
#define DADEUM_CHECK_CHECK_H

#include <stddef.h>
#include <stdio.h>

#include "termbase/termbase.h"
#include "text/decode.h"

/* ---- the glossary ------------------------------------------------------------------ */

struct check_glossary;

/* Returns a new, empty glossary (free with check_glossary_free). */
struct check_glossary *check_glossary_new(void);

/*
 * Copies what checking needs from concept c: its preferred term, Korean
 * forms, loanwords, English forms and abbreviations, status and count.
 * Rejected concepts and concepts without a loanword, English form or
 * abbreviation are ignored. Must not be called after check_text.
 */
void check_glossary_add(struct check_glossary *g, const struct model_concept *c);

/*
 * Adds every concept of tb (check_glossary_add). Returns 0, or -1 with err
 * filled in when the termbase cannot be read.
 */
int check_glossary_add_termbase(struct check_glossary *g, struct termbase *tb,
                                struct dd_error *err /* OUT */);

/* Number of concepts kept so far. */
size_t check_glossary_count(const struct check_glossary *g);

/*
 * Draws the glossary from tb text by text instead of adding the whole
 * termbase: check_glossary_prepare reads, for the text about to be
 * checked, the concepts whose forms can occur in it and the concepts
 * grouped with them (termbase_foreach_prefixed), and nothing else, so a
 * page is checked against a termbase of a million concepts in the time of
 * a few thousand index lookups. The findings are those of
 * check_glossary_add_termbase. tb must stay open while g is used.
 */
void check_glossary_use_termbase(struct check_glossary *g, struct termbase *tb);
/* Replaces the concepts of the previous text (see above); 0, or -1 with err. No-op without tb. */
int check_glossary_prepare(struct check_glossary *g, const char *text, size_t len,
                           struct dd_error *err /* OUT */);
/* Empties g (concepts, patterns), keeping its termbase. */
void check_glossary_clear(struct check_glossary *g);

/* Frees g. Accepts NULL. */
void check_glossary_free(struct check_glossary *g);

/* ---- checking ---------------------------------------------------------------------- */

enum check_rule {
    CHECK_RULE_LOANWORD = 0, /* bare loanword */
    CHECK_RULE_ENGLISH,      /* bare English word or phrase */
    CHECK_RULE_ABBREV,       /* abbreviation used before it was defined */
    CHECK_RULE_ORDER,        /* loanword(plain) instead of plain(loanword) */
    CHECK_RULE_INCONSISTENT  /* another plain term for the same concept */
};

/* "loanword", "english", "abbreviation", "order", "inconsistent". */
const char *check_rule_name(enum check_rule r);

struct check_finding {
    enum check_rule rule;   /* what is wrong */
    unsigned long line;     /* 1-based line */
    unsigned long column;   /* 1-based code-point column in the original line */
    const char *found;      /* the text as written (without a particle) */
    const char *suggestion; /* what to write instead (without a particle) */
    const char *term;       /* the plain Korean term the document should use */
    int first_use;          /* 1 when this is the concept's first use in the document */
    unsigned long ref_line; /* inconsistent: first line with term; abbreviation:
                             * line of a later definition; else 0 */
};

enum check_flags {
    CHECK_FIX = 1 << 0 /* also build the corrected document */
};

/* The findings of one document, owned by the caller. */
struct check_result;

/*
 * Checks the UTF-8 document text[0..len) (bad bytes read as U+FFFD; line
 * ends LF, CR LF or CR) against g. With CHECK_FIX, also builds the corrected
 * document (line ends kept). Returns the result (free with
 * check_result_free); never fails.
 */
struct check_result *check_text(struct check_glossary *g, const char *text, size_t len,
                                unsigned flags);

/*
 * Reads path ("-": standard input), decodes it (text/decode.h: encoding
 * NULL to detect UTF-8, UTF-16 or CP949) and checks it as check_text does.
 * The document is held in memory (--fix rewrites it), but no line may be
 * longer than TEXT_LINE_MAX bytes of decoded text: the read stops there
 * with TEXT_READER_ELONG, so one endless line (/dev/zero) costs at most
 * 1 MiB. Returns the result, or NULL with err filled in as text_input_fail
 * (doc/reader.h) fills it: err->detail is an enum text_reader_status.
 */
struct check_result *check_file(struct check_glossary *g, const char *path, const char *encoding,
                                unsigned flags, struct dd_error *err /* OUT */);

size_t check_result_count(const struct check_result *r);
/* The i-th finding (i < count), in document order; valid until check_result_free. */
const struct check_finding *check_result_get(const struct check_result *r, size_t i);
/* The corrected document (UTF-8) with CHECK_FIX, else NULL; *len set to its length. */
const char *check_result_get_fixed(const struct check_result *r, size_t *len /* OUT */);
/* Frees r. Accepts NULL. */
void check_result_free(struct check_result *r);
/* The lines checked were a document's paragraphs (doc/reader.h): text output names them §N. */
void check_result_name_paragraphs(struct check_result *r);

enum check_format {
    CHECK_FORMAT_TEXT = 0, /* file:line:col: found → suggestion */
    CHECK_FORMAT_JSON      /* objects of one JSON array (RFC 8259) */
};

/*
 * Writes the findings of r, found in file, to fp. Text: one line each,
 * "file:line:col: found → suggestion". JSON: one object per finding,
 * each on its own line after "\n" (",\n" when *nwritten is not 0); the
 * caller writes "[" before the first file and "\n]\n" (or "]\n" when
 * nothing was written) after the last; *nwritten counts the objects
 * written. The file name, and controls in the texts, are written as
 * utf8_add_visible does (\x1b), so that nothing reaches a terminal raw.
 * The caller checks ferror(fp).
 */
void check_result_write(const struct check_result *r, const char *file, FILE *fp,
                        enum check_format fmt, unsigned long *nwritten /* IN/OUT */);

#endif
