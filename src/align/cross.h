/*
 * cross.h - pairs that no bracket ties, found across sections of one document.
 *
 * Two kinds of evidence (issue 3, "Evidence across a document"):
 *
 *  - List alignment. A document names institutions once in Korean and once
 *    as acronyms, in another order, often under the same labels:
 *        (산업계) 한국정보통신기술협회, 한국소프트웨어산업협회, ...
 *        (산업계) KOVA, TTA, KAIT, KTOA, KOSA / (학계) ITRC, ...
 *    Lists are comma/slash separated items on one line, segmented by
 *    "(label)". Every acronym x name in a segment is scored by
 *    cross_acronym_score and the segment is solved as an assignment problem
 *    (align/assign.h). Pairs scoring below CROSS_LIST_THRESHOLD are dropped.
 *
 *  - Substitution between body and appendix. A loanword or Latin phrase of
 *    1-4 tokens (AI 컴퓨팅 인프라) is rewritten piece by piece through the
 *    document's own bracket pairs (AI -> 인공지능) and the lexicons
 *    (인프라 -> 기반) and looked for elsewhere in the document, ignoring
 *    spaces and bracket groups and tolerating a final particle. When one
 *    loanword slot is left unexplained (클라우드 바우처 vs 인터넷 기반 자원
 *    공유(클라우드) 이용권), the word in that slot is paired if the two lines
 *    share enough context.
 *
 *   struct cross_doc *c = cross_doc_new(0);
 *   cross_doc_reserve(c, lines, pairs);          (optional)
 *   for each normalised line: cross_doc_add_line(c, text, len, lineno);
 *   for each bracket pair:    cross_doc_add_pair(c, ko, gloss, kind, en);
 *   cross_doc_align(c);
 *   for (i = 0; i < cross_doc_count(c); i++) use(cross_doc_get(c, i));
 *   cross_doc_free(c);
 *
 * The library never prints. Pairs come out in a deterministic order (lists
 * first, by line; then substitutions, by line).
 */
#ifndef DADEUM_ALIGN_CROSS_H
#define DADEUM_ALIGN_CROSS_H

#include <stddef.h>

#include "extract/extract.h"

enum cross_flags {
    CROSS_NO_ACRONYM_LEXICON = 1 << 0, /* ignore glossaries/lexicon/acronyms.tsv (tests) */
    CROSS_NO_LISTS = 1 << 1,           /* skip list alignment */
    CROSS_NO_SUBST = 1 << 2,           /* skip body/appendix substitution */
    CROSS_ALL_LIST_PAIRS = 1 << 3      /* keep weak list pairs too (for measurement) */
};

/*
 * Minimum acronym-to-name score of a reported list pair. A score is the
 * share of the acronym's letters explained (see cross_acronym_score), so
 * 0.6 asks that, after penalties, about two letters in three are the
 * initials of the name's parts: a 4-letter acronym with 3 letters
 * explained passes, a 3-letter one with 2 explained by a generic
 * Korea + Association passes only without penalties. Independently of the
 * threshold, a pair whose swap with another row of the same assignment
 * loses less than 0.05 is treated as undecided and not reported: the
 * letters fit both ways (ETRI/KETI without the lexicon), and a guess is
 * worse than a gap.
 */
#define CROSS_LIST_THRESHOLD 0.6

struct cross_pair {
    const char *ko;           /* Korean side, as written in the document */
    const char *gloss;        /* acronym, loanword or Latin phrase */
    enum model_kind kind;     /* MODEL_KIND_ABBREV or MODEL_KIND_LOANWORD/ENGLISH */
    unsigned long line;       /* line of the Korean side */
    unsigned long gloss_line; /* line of the gloss side */
    double score;             /* 0..1, higher is surer */
    const char *evidence;     /* short human-readable reason */
};

struct cross_doc;

/* Returns a new, empty document (flags: enum cross_flags). Never NULL. */
struct cross_doc *cross_doc_new(unsigned flags);

/*
 * Makes room for nlines lines and npairs bracket pairs in all (optional):
 * a caller that knows the counts spares the arrays their growth, which for
 * a long document moved them through the heap several times.
 */
void cross_doc_reserve(struct cross_doc *c, size_t nlines, size_t npairs);

/*
 * Adds one normalised line (UTF-8, no newline; copied). Lines may come in
 * any order of lineno but are kept in the order given.
 */
void cross_doc_add_line(struct cross_doc *c, const char *text, size_t len, unsigned long lineno);

/*
 * Adds a bracket pair the extractor found in this document, with its
 * English form when known (strings copied).
 */
void cross_doc_add_pair(struct cross_doc *c, const char *ko, const char *gloss,
                        enum model_kind kind, const char *en /* may be NULL */);

/*
 * Finds the cross pairs. Call once, after the last line and pair; calling it
 * again recomputes from scratch. Pairs equal to an added bracket pair are
 * not reported.
 */
void cross_doc_align(struct cross_doc *c);

size_t cross_doc_count(const struct cross_doc *c);
/* The i-th pair (i < count); owned by c, valid until cross_doc_free. */
const struct cross_pair *cross_doc_get(const struct cross_doc *c, size_t i);

/* Frees c and everything it returned. Accepts NULL. */
void cross_doc_free(struct cross_doc *c);

/*
 * How well acronym abbr is explained by Korean name (0..1). The name is
 * segmented into morphemes of lexicon_morpheme_en (any segmentation, by
 * dynamic programming), and each acronym letter must be, in order, the
 * initial (or one of the first three letters) of an English word of those
 * morphemes; a morpheme may give 0..k letters of a multi-word rendering and
 * function words (of, and, for, the) may give none. One reordering is
 * allowed: the head morpheme (연구원, 협회) moved to the front after a
 * leading 한국 ("Korea Institute of Science and Technology"). A leading
 * K/KO or N with no 한국/국가 in the name counts half (implicit "Korea",
 * "National"). Penalties, in units of the final score: 0.1 per skipped
 * morpheme with an English rendering (none for 한국), 0.05 per skipped
 * content word inside a used rendering, 0.05 for the head move, 0.01 per
 * unknown syllable. Unless flags has CROSS_NO_ACRONYM_LEXICON, a pair the acronym
 * lexicon knows adds 0.5 (capped at 1). Never fails; 0 for empty input.
 */
double cross_acronym_score(const char *abbr, size_t alen, const char *name, size_t nlen,
                           unsigned flags);

#endif
