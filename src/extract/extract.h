/*
 * extract.h - term pairs from one document: the aligner's first half.
 *
 * Feed a document line by line (normalised text, see text/normalize.h); at
 * the end the extractor decides every pair's exact Korean span using the
 * whole document (agreement between occurrences, pairs defined elsewhere in
 * it, the lexicons) and returns one row per distinct (Korean term, gloss),
 * in the order of first occurrence. docs/extraction.md describes the
 * algorithm.
 *
 *   struct extract_doc *d = extract_doc_new("a.txt", 0, oracle);
 *   while (more lines) extract_doc_add_line(d, text, len, lineno);
 *   extract_doc_finish(d);
 *   for (size_t i = 0; i < extract_doc_count(d); i++) use(extract_doc_get(d, i));
 *   extract_doc_free(d);
 *
 * Memory grows with the number of distinct pairs of one document, not with
 * its length: occurrences are resolved in sections of a few MiB (doc.c), and
 * with EXTRACT_KEEP_TEXT at most EXTRACT_TEXT_MAX bytes of text are kept.
 * It is released by extract_doc_free: a caller that streams many files
 * keeps one document alive at a time.
 */
#ifndef DADEUM_EXTRACT_EXTRACT_H
#define DADEUM_EXTRACT_EXTRACT_H

#include <stddef.h>

#include "model/kind.h"
#include "util/strbuf.h"

enum extract_flags {
    EXTRACT_EXPLAIN = 1 << 0,   /* keep rejected candidates with their reason */
    EXTRACT_KEEP_TEXT = 1 << 1, /* keep every line, for whole-document alignment */
    EXTRACT_FEATURES = 1 << 2   /* keep the scorer's feature rows (for tests/corpus/fit.py) */
};

struct extract_pair {
    const char *ko;        /* the Korean term, exact span */
    const char *gloss;     /* the other side: loanword, English, acronym, short form */
    enum model_kind kind;  /* what the gloss is */
    unsigned long line;    /* line of the first occurrence (1-based) */
    unsigned count;        /* occurrences in the document */
    int reversed;          /* 1 when the source wrote gloss(term), e.g. ICT(정보통신기술) */
    const char *context;   /* the line of the first occurrence, normalised */
    const char *expansion; /* long form of an acronym gloss written in the document, or NULL */
    const char *en;        /* English form, or NULL: see evidence */
    const char *abbr;      /* abbreviation of the term, or NULL */
    double confidence;     /* 0..1: how sure the English form is */
    const char *evidence;  /* where en comes from: "gloss" (an English gloss), "corpus" (a
                            * long form written in the document), "lexicon", "translit",
                            * "lexicon+translit" (a mixed gloss), with "l10n" among them
                            * for words of the catalogue tables ("l10n+translit", ...),
                            * "derived" (guessed: the lexicon's one expansion of
                            * an acronym whose Korean name it does not give), or
                            * NULL */
    const char *source;    /* where the pair comes from: "bracket", or for pairs no
                            * bracket ties "list (...)" / "substitution (...)" */
};

/*
 * Fills p from x, as the termbase stores it: the English form keeps x's
 * evidence as its source only when x has one. p points into x's strings.
 */
struct model_pair;
void extract_pair_to_model(const struct extract_pair *x, struct model_pair *p /* OUT */);
/* The same for a pair of d, with its line's position label (extract_doc_where) in p->pos. */
struct extract_doc;
void extract_pair_to_model_in(const struct extract_doc *d, const struct extract_pair *x,
                              struct model_pair *p /* OUT */);

/* A candidate the extractor set aside, for --explain. */
struct extract_reject {
    unsigned long line; /* source line */
    const char *left;   /* text before the bracket (its clause) */
    const char *inner;  /* text inside the bracket */
    const char *reason; /* short static explanation */
};

/*
 * What the extractor may ask a transliterator (src/align/oracle.h provides
 * one, owned by the context of dadeum.h; the extractor does not depend on
 * it). Each document is given its oracle at extract_doc_new: there is no
 * process-wide one.
 *
 *  is_loanword: 1 when the Hangul word s[0..len) (no spaces) is the standard
 *      spelling of an English word, e.g. 게임체인저, whose syllables all read
 *      hanja and so escape the syllable test.
 *  english: appends to out the English rendering of a loanword gloss
 *      ("AI 원스톱 바우처" -> "AI one stop voucher") and returns a confidence in
 *      (0, 1], or returns 0 when it has none; sets *sources to where its words
 *      came from.
 *
 * Implementations must be safe to call from the thread that runs the
 * extractor (a per-thread handle is fine). Any function member may be NULL.
 */
/* Where the English words of a rendered loanword gloss came from. */
enum extract_en_source {
    EXTRACT_EN_TRANSLIT = 1 << 0, /* transliteration (the CMU dictionary in Hangul) */
    EXTRACT_EN_TABLE = 1 << 1     /* words mined from Debian's Korean message catalogues */
};

struct extract_oracle {
    void *data; /* passed first to every member */
    int (*is_loanword)(void *data, const char *s, size_t len);
    double (*english)(void *data, const char *gloss, size_t len, struct strbuf *out,
                      unsigned *sources /* OUT: enum extract_en_source, may be NULL */);
    /* log-odds that the Hangul word s[0..len) is a loanword, from its spelling alone
     * (a calibrated model: src/align/loanlike.h); a feature of the fitted model */
    double (*loanlike)(void *data, const char *s, size_t len);
};

struct extract_doc;

/*
 * Returns a new document named name (copied). Never NULL. oracle is what the
 * extractor asks about loanwords while it reads and resolves this document
 * (dadeum.h: dadeum_ctx_get_oracle gives the one the CLI uses); NULL means
 * none: syllables and lexicons only. It must outlive the document.
 */
struct extract_doc *extract_doc_new(const char *name, unsigned flags,
                                    const struct extract_oracle *oracle);

/*
 * Scans one normalised line. lineno is its number in the source file.
 * Assumes text is valid UTF-8 without a newline.
 */
/*
 * Records where line lineno is in a document that is not plain text: the
 * reader's position label ("§12", "p3:14"; doc/reader.h), given back by
 * extract_doc_where so that stored positions name the paragraph or page.
 * Lines of a text file have none: their number is their position.
 */
void extract_doc_set_where(struct extract_doc *d, unsigned long lineno, const char *where);

/* The label extract_doc_set_where recorded for line lineno, or NULL. */
const char *extract_doc_where(const struct extract_doc *d, unsigned long lineno);

void extract_doc_add_line(struct extract_doc *d, const char *text, size_t len,
                          unsigned long lineno);

/*
 * The same, with raw[0..raw_len), the text the line was normalised from (doc/reader.h):
 * a term or gloss with quotes or middle dots is then given as the document writes them
 * (육성ㆍ보호, Korea’s), not as the normalised line has them (육성·보호, Korea's).
 */
void extract_doc_add_line_raw(struct extract_doc *d, const char *text, size_t len, const char *raw,
                              size_t raw_len, unsigned long lineno);

/* Resolves spans and builds the pairs; call once, after the last line. */
void extract_doc_finish(struct extract_doc *d);

size_t extract_doc_count(const struct extract_doc *d);
/* The i-th pair (0-based, i < count); owned by d. */
const struct extract_pair *extract_doc_get(const struct extract_doc *d, size_t i);

/*
 * Bracket groups not read because their line had more than 256 (a bound on
 * the work per line that only generated or damaged text reaches), and the
 * first such line. Callers warn: nothing is dropped silently.
 */
unsigned long extract_doc_unread_groups(const struct extract_doc *d,
                                        unsigned long *first_line /* OUT: may be NULL */);

size_t extract_doc_reject_count(const struct extract_doc *d);
const struct extract_reject *extract_doc_get_reject(const struct extract_doc *d, size_t i);

const char *extract_doc_get_name(const struct extract_doc *d);

/*
 * With EXTRACT_FEATURES: one row per decision of the fitted model (see
 * docs/extraction.md, "Scoring"): model "edge" (one row per token at or near
 * the left edge, ko = the span starting at that token) or "pair" (ko = the
 * candidate span), and the non-zero features as "name:value" pairs.
 */
struct extract_feature {
    unsigned long line;
    const char *model;
    const char *ko;
    const char *gloss;
    const char *features;
};
size_t extract_doc_feature_count(const struct extract_doc *d);
void extract_doc_get_feature(const struct extract_doc *d, size_t i,
                             struct extract_feature *out /* OUT: owned by d */);

/*
 * Sets the English form of pair i (0-based) and where it comes from; the
 * strings are copied. For the aligner, which knows more than the extractor.
 */
void extract_doc_set_en(struct extract_doc *d, size_t i, const char *en, double confidence,
                        const char *evidence);

/*
 * Appends a pair that no bracket ties (from whole-document alignment) with
 * source describing its evidence; the strings are copied and its English form
 * is filled in as for bracket pairs. Call after extract_doc_finish.
 */
void extract_doc_add_pair(struct extract_doc *d, const char *ko, const char *gloss,
                          enum model_kind kind, unsigned long line, const char *source);

/*
 * Text kept with EXTRACT_KEEP_TEXT, in bytes (normalised lines plus one per
 * line): whole-document alignment (align/cross.c) needs about 40 times this.
 */
#define EXTRACT_TEXT_MAX (2u << 20)

/*
 * With EXTRACT_KEEP_TEXT: 0 when every line was kept, else the number of the
 * first line that was not (the text before it holds EXTRACT_TEXT_MAX bytes);
 * callers warn that alignment saw only the lines before it.
 */
unsigned long extract_doc_text_cut(const struct extract_doc *d);

/* With EXTRACT_KEEP_TEXT: the number of lines kept, and line i (normalised). */
size_t extract_doc_text_count(const struct extract_doc *d);
const char *extract_doc_get_text(const struct extract_doc *d, size_t i, size_t *len /* OUT */,
                                 unsigned long *lineno /* OUT */);

/* The English long form of acronym s written in the document, or NULL. */
const char *extract_doc_get_expansion(const struct extract_doc *d, const char *s);

/* Frees d and everything it returned. Accepts NULL. */
void extract_doc_free(struct extract_doc *d);

#endif
