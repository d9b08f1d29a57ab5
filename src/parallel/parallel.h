/*
 * parallel.h - a Korean document and its English version, aligned sentence by sentence.
 *
 *   struct par_doc *ko = par_doc_read("a.ko.html", NULL, 0, NULL, 0, &err);
 *   struct par_doc *en = par_doc_read("a.en.html", NULL, 0, NULL, 1, &err);
 *   struct par_alignment al;
 *   par_align(ko, en, &al);
 *   ... al.links[0 .. al.n) ...
 *   par_alignment_release(&al); par_doc_free(ko); par_doc_free(en);
 *
 * Documents are read with doc/reader.h (the reader extract uses: encodings,
 * HTML and markdown markup removed); every non-empty line is a paragraph,
 * and paragraphs are cut into sentences by parallel/split.h. The aligner
 * (docs/sentence-alignment.md) links paragraphs first, then the sentences
 * inside each group of linked paragraphs, each time by dynamic programming
 * over links 1-1, 1-0, 0-1, 2-1, 1-2 and 2-2, with a length model (Gale and
 * Church, calibrated for Korean and English) and lexical anchors (numbers
 * and Latin tokens found on both sides, termbase pairs). The paragraph pass runs
 * in a band around the diagonal, widened only when the best path touches
 * its edge: memory is linear in the length of the documents.
 */
#ifndef DADEUM_PARALLEL_PARALLEL_H
#define DADEUM_PARALLEL_PARALLEL_H

#include <stddef.h>
#include <stdint.h>

#include "doc/reader.h"

/* One sentence of a document. */
struct par_sentence {
    size_t off, len;    /* bytes in the document's text */
    unsigned long line; /* 1-based line of its paragraph in the source file */
    unsigned idx;       /* 1-based number of the sentence in its paragraph */
    uint32_t chars;     /* length in code points (the length model's unit) */
    uint32_t hangul;    /* how many of them are Hangul */
    uint32_t aoff, an;  /* its anchors: anchors[aoff .. aoff + an), sorted, distinct */
};

/* One paragraph: sentences [first, first + n). */
struct par_paragraph {
    size_t first, n;
    uint32_t chars, hangul;
    uint32_t aoff, an;
};

struct par_doc {
    char *path;
    char *text; /* the sentences' bytes, each followed by a NUL */
    size_t text_len;
    struct par_sentence *sent;
    size_t nsent;
    struct par_paragraph *para;
    size_t npara;
    uint32_t *anchors; /* hashes: numbers have the top bit set */
    size_t nanchors;
    uint64_t replaced; /* byte sequences replaced under TEXT_LENIENT */
    char encoding[32]; /* the encoding the decoder used, for messages */
};

/* A NUL-terminated sentence of d. */
static inline const char *par_sentence_text(const struct par_doc *d, size_t i)
{
    return d->text + d->sent[i].off;
}

/*
 * Termbase pairs as anchors (클라우드 ↔ cloud, 과기정통부 ↔ MSIT): every
 * form of one concept, Korean or English, gives the same anchor, so a
 * Korean sentence holding 클라우드 and an English one holding "cloud"
 * share it. A Korean form matches where a word starts (particles may
 * follow: 클라우드를); an English one matches whole words, in any case.
 */
struct par_lexicon;
struct par_lexicon *par_lexicon_new(void);
/* Adds form (english: 1 for the English side) of concept; forms shorter than 2 characters are
 * ignored. */
void par_lexicon_add(struct par_lexicon *lx, int english, const char *form, uint64_t concept);
/*
 * Also anchor on loanwords: a Hangul word that looks like a loanword
 * (align/loanlike.h), its particle taken off, gives the anchor of the
 * English word t transliterates it to (필드를 -> field), which an English
 * sentence holding "field" or "fields" shares. t stays the caller's.
 */
struct translit;
void par_lexicon_set_translit(struct par_lexicon *lx, struct translit *t);
/* Number of forms kept. */
size_t par_lexicon_count(const struct par_lexicon *lx);
void par_lexicon_free(struct par_lexicon *lx);

/*
 * Reads path ("-": standard input) with encoding (NULL: detect) and
 * text_flags (enum text_flags); lexicon (may be NULL) adds the anchors of
 * its forms for the side english says. Returns the document, or NULL with
 * err filled in (see doc/reader.h).
 */
struct par_doc *par_doc_read(const char *path, const char *encoding, unsigned text_flags,
                             struct par_lexicon *lexicon, int english,
                             struct dd_error *err /* OUT */);
void par_doc_free(struct par_doc *d);

/* One link: Korean sentences [ko, ko + nko) with English [en, en + nen); nko, nen <= 2. */
struct par_link {
    size_t ko, en;
    unsigned nko, nen;
    double score; /* 0 .. 1: the length model's probability times the anchors' agreement */
};

struct par_alignment {
    struct par_link *links; /* every link with both sides non-empty, in document order */
    size_t n;
    size_t para_links; /* links of the paragraph pass with both sides non-empty */
    unsigned band;     /* half-width of the paragraph band in the end */
};

/* The model's constants (docs/sentence-alignment.md gives how they were measured). */
struct par_model {
    double ratio;    /* English characters per Hangul character (other characters count 1) */
    double variance; /* s^2 of Gale and Church: variance of the length difference per character */
    double anchor_match, anchor_miss; /* cost per shared anchor (subtracted), per unmatched one */
};
extern const struct par_model par_model_default;

/* Aligns ko with en into *out. Returns 0. */
int par_align(const struct par_doc *ko, const struct par_doc *en,
              struct par_alignment *out /* OUT */);
void par_alignment_release(struct par_alignment *al);

#endif
