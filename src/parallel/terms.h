/*
 * terms.h - what an alignment says about the terms of the Korean document.
 *
 * For each pair the extractor found in the Korean document (extract/extract.h),
 * the aligned segments whose Korean holds the term (or its Hangul gloss, the
 * loanword) are read on the English side:
 *  - confirmed: the English holds the pair's English form (whole words, any
 *    case): the translation uses it, whatever gave it (gloss, lexicon, or a
 *    transliteration guess, which this makes evidence, "parallel");
 *  - proposed: the pair had no English, or only a transliteration guess that
 *    the English lacks, and every Hangul word of the loanword has a
 *    transliteration candidate (parallel_en) in the English segment;
 *  - absent: aligned segments hold the term but their English has neither;
 *  - unseen: no aligned segment holds the term.
 */
#ifndef DADEUM_PARALLEL_TERMS_H
#define DADEUM_PARALLEL_TERMS_H

#include <stdio.h>

#include "extract/extract.h"
#include "parallel/parallel.h"

struct translit;

enum par_term_verdict { PAR_TERM_UNSEEN, PAR_TERM_CONFIRMED, PAR_TERM_PROPOSED, PAR_TERM_ABSENT };

const char *par_term_verdict_name(enum par_term_verdict v);

struct par_term {
    const struct extract_pair *pair;
    enum par_term_verdict verdict;
    char *parallel_en; /* the English found in the aligned segment (confirmed, proposed) */
    unsigned links;    /* aligned links whose Korean holds the term */
    unsigned found;    /* of which the English holds parallel_en */
    const struct par_link *example; /* a link that gave the verdict, or NULL */
};

/*
 * The verdict on pair over the links of al (ko and en the documents aligned);
 * t (may be NULL: no proposals) transliterates loanwords. The caller frees
 * out->parallel_en.
 */
void par_term_check(const struct extract_pair *pair, const struct par_doc *ko,
                    const struct par_doc *en, const struct par_alignment *al, struct translit *t,
                    struct par_term *out /* OUT */);

/*
 * The scores "parallel" evidence gets (model/confidence.c says what they
 * are worth and why): a confirmation, where the extractor and the
 * translation agree, and a proposal, a transliteration candidate the
 * translation uses.
 */
#define PAR_TERM_SCORE_CONFIRMED 0.98
#define PAR_TERM_SCORE_PROPOSED 0.97

/*
 * What ingest --parallel stores: p is term->pair as extract_pair_to_model
 * made it. When the verdict is confirmed or proposed and the alignment's
 * evidence is worth more than the pair's own (model_form_confidence: it is
 * for a transliteration guess, a lexicon entry or no English, not for an
 * English written in the document), sets p->en to term->parallel_en (p
 * borrows it), p->en_source to "parallel" and p->en_score. Returns 1 when
 * p changed, else 0.
 */
struct model_pair;
int par_term_to_model(const struct par_term *term, struct model_pair *p);

/* The header row of the terms TSV. */
void par_terms_write_header(FILE *fp);
/* One row: ko, gloss, kind, en, evidence, parallel, parallel_en, links, found, files, example. */
void par_terms_write(FILE *fp, const struct par_term *term, const struct par_doc *en,
                     const char *ko_name, const char *en_name);

#endif
