/*
 * concept.h - the data model every module shares: concepts, their forms,
 * the pairs documents yield, and how sure we are of them.
 *
 *   model_pair      one pair of one document as extracted and stored
 *   model_concept   one Korean term with its forms (model_form) and the
 *                   TBX data categories kept with it (model_datcat)
 *
 * Nothing here touches storage: the termbase stores these (termbase/),
 * exchange readers and writers produce and consume them (io/), the checker
 * compiles them into patterns (check/). All strings are borrowed: whoever
 * hands out a concept owns its strings and says how long they live.
 *
 * Confidence (confidence.c, docs/termbase.md "Confidence"): every form
 * records its source and the score the source gave; a concept's confidence
 * is its best English-side form's, and the export gate keeps approved
 * concepts and candidates at MODEL_MIN_CONFIDENCE or above.
 */
#ifndef DADEUM_MODEL_CONCEPT_H
#define DADEUM_MODEL_CONCEPT_H

#include <stddef.h>
#include <stdint.h>

#include "model/kind.h"
#include "util/error.h"

/*
 * One pair as stored: an extract_pair, plus the English and abbreviation
 * forms an aligner may add (NULL when absent). ko and gloss are required;
 * gloss may be "" when only en/abbr are known.
 */
struct model_pair {
    const char *ko;        /* Korean term as written */
    const char *gloss;     /* the other side, as written */
    enum model_kind kind;  /* what gloss is */
    unsigned long line;    /* first line in the document */
    const char *pos;       /* that line's position label in a document that is not plain
                            * text ("§12", "p3:14"; doc/reader.h), or NULL: line is it */
    unsigned count;        /* occurrences in the document */
    int reversed;          /* written gloss(term) */
    const char *context;   /* the line of the first occurrence, or NULL */
    const char *expansion; /* English long form of an abbreviation, or NULL */
    const char *en;        /* English form from the aligner, or NULL */
    const char *abbr;      /* abbreviation from the aligner, or NULL */
    const char *en_source; /* where en comes from: extract_pair.evidence ("gloss",
                            * "corpus", "lexicon", "translit", ...), or NULL: unknown */
    double en_score;       /* en's confidence in [0,1] (extract_pair.confidence) */
};

/*
 * Where the pairs of a pair file go (io/pairfile.h; termbase_pair_sink
 * stores them), one document at a time: begin, pair for each pair, then
 * commit; abort after a failure anywhere, also of the reader. Each returns
 * 0, or -1 with err filled in (the status to exit with in err->code).
 * begin sets *skip to 1 when the document is stored with this content
 * hash already: its pairs are then not handed out and commit is not called.
 */
struct model_pair_sink {
    int (*begin)(void *ctx, const char *name, const char *hash, uint64_t bytes, int *skip,
                 struct dd_error *err);
    int (*pair)(void *ctx, const struct model_pair *p, struct dd_error *err);
    int (*commit)(void *ctx, struct dd_error *err);
    void (*abort)(void *ctx);
    void *ctx; /* passed back to each */
};

/*
 * Sources of a form, as stored (evidence.source per document, form.source
 * for forms added by hand or by import; docs/termbase.md, "Confidence"):
 */
#define MODEL_SOURCE_DOCUMENT "document" /* written in the document */
#define MODEL_SOURCE_LEXICON "lexicon"   /* the curated lexicon (glossaries/lexicon/) */
#define MODEL_SOURCE_L10N "l10n"         /* attested in localisation catalogues */
#define MODEL_SOURCE_TRANSLIT "translit" /* a transliteration guess, score = its score */
#define MODEL_SOURCE_PARALLEL                                                                      \
    "parallel" /* the aligned English version holds it (ingest --parallel) */
#define MODEL_SOURCE_DERIVED "derived" /* guessed: an acronym's expansion for another name */
#define MODEL_SOURCE_USER "user"       /* added by `dadeum set` */
#define MODEL_SOURCE_IMPORT "import"   /* merged from an exchange file */

/*
 * Maps the extractor's evidence of an English form (extract_pair.evidence:
 * "gloss", "corpus", "lexicon", "l10n+translit", ...) to a stored source:
 * any transliterated part makes it a translit guess, else l10n, lexicon,
 * document. Returns a MODEL_SOURCE_* string, or NULL for NULL or an
 * unknown name.
 */
const char *model_source_of_evidence(const char *evidence);

/*
 * The default export gate (docs/termbase.md, "Confidence"): approved
 * concepts, and candidates whose confidence is at least this. Fitted by
 * tests/calibrate_translit.py; see confidence.c for the figures.
 */
#define MODEL_MIN_CONFIDENCE 0.95

/*
 * How sure the form's text is, in [0,1], from f->source and f->score:
 * document, user 1; import its score (1 when the file gave none); lexicon,
 * l10n 0.95 at least; translit the calibrated probability of its score
 * (confidence.c); derived its score; unknown source (stored before schema
 * version 3) 0.
 */
double model_form_confidence(const char *source, double score);

struct model_form {
    const char *text;          /* as written */
    enum model_form_type type; /* what it is */
    unsigned long count;       /* occurrences over all documents */
    int user;                  /* 1 when added by `dadeum set` */
    const char *source;        /* where it comes from (MODEL_SOURCE_*), NULL: unknown */
    double score;              /* the source's score in [0,1], or -1 when it gave none */
    double confidence;         /* model_form_confidence(), in [0,1] */
    int plain;                 /* 1: text is known to be valid UTF-8 without controls (C0,
                                  DEL, C1), so a writer needs not check it again; 0: unknown */
};

/* Where a data category sits in a TBX entry (ISO 30042: termEntry, langSet, tig). */
enum model_level {
    MODEL_LEVEL_ENTRY = 0, /* the entry (concept) */
    MODEL_LEVEL_LANG,      /* a language section */
    MODEL_LEVEL_TERM       /* a term section (one form) */
};

/*
 * A data category read from a TBX file that no field of the model holds:
 * subjectField, definition, partOfSpeech, grammaticalGender, a term's note
 * or source, a second entry note, cross-references, transactions, and a
 * termType or administrativeStatus other than the one tbx_write.c derives
 * from the form type. Kept as read, in file order, so that export writes
 * it back where it was (docs/formats.md, "Data categories kept").
 */
struct model_datcat {
    enum model_level level;         /* entry, language section or term */
    int side;                       /* LANG, TERM: 0 the Korean side, 1 the other */
    enum model_form_type form_type; /* TERM: the type of its form */
    const char *form;               /* TERM: the text of its form; else NULL */
    const char *group;              /* "descripGrp", "adminGrp", "transacGrp" or NULL */
    unsigned group_no;              /* which group (ordinal in the entry), 0 for none */
    const char *element;            /* descrip, termNote, admin, note, ref, xref, transac,
                                       transacNote or date */
    const char *type;               /* its type attribute, or NULL */
    const char *ref;                /* its target attribute, or NULL */
    const char *value;              /* its text */
};

struct model_concept {
    int64_t id;                         /* stable concept id (for `dadeum set`) */
    const char *ko;                     /* preferred Korean form */
    const char *kind;                   /* kind of the most frequent gloss ("loanword", ...) */
    enum model_status status;           /* review status */
    const char *note;                   /* reviewer's note, or NULL */
    unsigned long count;                /* occurrences of the Korean forms over all documents */
    unsigned long ndocs;                /* documents with evidence */
    struct model_form *forms;           /* every form, by type, then count, then text */
    size_t nforms;                      /* entries in forms */
    const char *example;                /* a context line, or NULL */
    const char *example_path;           /* its document */
    unsigned long example_line;         /* its line */
    const char *example_pos;            /* its position label ("§12", "p3:14"), or NULL:
                                           example_line is the position */
    enum model_match match;             /* how the lookup found it */
    const char *matched;                /* the form that matched, or NULL */
    int distance;                       /* FUZZY: jamo distance (JAMO_COST_UNIT); PREFIX, SUBSTRING:
                                           characters beyond the query; else 0 */
    const struct model_datcat *datcats; /* data categories kept from TBX, file order */
    size_t ndatcats;                    /* entries in datcats */
    double confidence;                  /* model_concept_confidence(), in [0,1]; from a file:
                                           what it said (x-dadeum-confidence) */
    int has_confidence;                 /* confidence is set (a file may not give one) */
};

/*
 * A stream of concepts: fn(ctx, c) is called once per concept, which is
 * valid only during the call. fn returns 0 to go on; a non-zero value
 * stops the walk and is returned.
 */
typedef int (*model_concept_fn)(void *ctx, const struct model_concept *c);

/*
 * Concepts that can be walked more than once, in the same order each time
 * (a termbase: termbase_source_foreach). foreach calls fn(ctx, c) for every
 * concept with status (enum model_status, or -1: all) and returns 0 when
 * every one was visited, fn's non-zero value when fn stopped the walk, or
 * -1 when the source failed; the source keeps its own error, so that a
 * reader of concepts needs to know nothing of where they are stored.
 */
struct model_concept_source {
    int (*foreach)(void *src, int status, model_concept_fn fn, void *ctx);
    void *src; /* the source's handle, passed back to foreach */
};

/* ---- the confidence gate of exports ------------------------------------------------ */

/*
 * A concept's confidence, in [0,1], rounded to hundredths: approved 1,
 * rejected 0; else the best model_form_confidence of its English-side
 * forms (english, abbrev), or of its other forms when it has none (a
 * concept whose gloss is Korean has no English to get wrong). load_concept
 * sets c->confidence from this for every concept it returns.
 */
double model_concept_confidence(const struct model_concept *c);

/* What the gate decided about a concept. */
enum model_gate {
    MODEL_GATE_PASS = 0, /* approved, or confident enough */
    MODEL_GATE_REJECTED, /* review status rejected */
    MODEL_GATE_TRANSLIT, /* its best English is a transliteration guess below the bar */
    MODEL_GATE_UNKNOWN,  /* its English has no recorded source (before schema 3) */
    MODEL_GATE_WEAK,     /* other evidence below the bar (a derived guess, ...) */
    MODEL_GATE_NREASONS
};

/* Applies the gate "approved, or candidate with confidence >= min" to c. */
enum model_gate model_gate_check(const struct model_concept *c, double min);

/*
 * Copies c into *out without the English-side forms whose confidence is
 * below min (an approved concept keeps every form): out->forms points into
 * forms, which must have room for c->nforms entries and which the caller
 * owns. Returns the number of forms left out.
 */
size_t model_concept_strip_weak(const struct model_concept *c, double min,
                                struct model_concept *out /* OUT */,
                                struct model_form *forms /* OUT */);

#endif
