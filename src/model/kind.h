/*
 * kind.h - the names of the data model: what a gloss is, what a form is,
 * where a concept stands in review, how a lookup matched.
 *
 * One enum set, each with one name table (kind.c) whose size is checked
 * against the enum at compile time. The names are stored in termbases and
 * written to every output, so they never change:
 *
 *   kind        loanword english abbrev native shortform     (a gloss)
 *   form type   ko + the kinds                                (a form)
 *   status      candidate approved rejected                   (a concept)
 *   match       exact variant prefix substring fuzzy none     (a lookup)
 *
 * A form type is a kind shifted by one: MODEL_FORM_KO, the Korean term
 * itself, comes first, then one form type per kind in the same order, so
 * model_form_type_of_kind() is an addition and the kind of a form type
 * is its name.
 */
#ifndef DADEUM_MODEL_KIND_H
#define DADEUM_MODEL_KIND_H

/* What a gloss is: the other side of a term pair. */
enum model_kind {
    MODEL_KIND_LOANWORD = 0, /* Hangul transliteration, also mixed (AI 원스톱 바우처) */
    MODEL_KIND_ENGLISH,      /* Latin-script words (Mistral, Unknown Risk) */
    MODEL_KIND_ABBREV,       /* Latin acronym or initialism (CEO, ICT R&D) */
    MODEL_KIND_NATIVE,       /* Korean synonym, restatement or hanja */
    MODEL_KIND_SHORTFORM, /* 이하 short form or a short title (과기정통부, AI 기본법) */
    MODEL_KIND_NKINDS
};

/* Lower-case name of a kind ("loanword", ...); "unknown" out of range. */
const char *model_kind_name(enum model_kind kind);
/* The kind named s, or -1 when s is NULL or names none. */
int model_kind_parse(const char *s);

/* Form types; the names are stored in the database. */
enum model_form_type {
    MODEL_FORM_KO = 0,                             /* a Korean spelling of the concept's term */
    MODEL_FORM_LOANWORD = 1 + MODEL_KIND_LOANWORD, /* Hangul transliteration (클라우드) */
    MODEL_FORM_ENGLISH = 1 + MODEL_KIND_ENGLISH,   /* English word or long form (cloud) */
    MODEL_FORM_ABBREV = 1 + MODEL_KIND_ABBREV,     /* abbreviation (CEO) */
    MODEL_FORM_NATIVE = 1 + MODEL_KIND_NATIVE,     /* Korean synonym or hanja */
    MODEL_FORM_SHORT = 1 + MODEL_KIND_SHORTFORM,   /* short form or short title (과기정통부) */
    MODEL_FORM_NTYPES
};

_Static_assert(MODEL_FORM_NTYPES == MODEL_KIND_NKINDS + 1,
               "a form type is a kind, or the Korean term itself");

/* "ko", then the kind names; "ko" out of range. */
const char *model_form_type_name(enum model_form_type t);
/* The form type named s, or -1 when s is NULL or names none. */
int model_form_type_parse(const char *s);
/* The form type of a gloss of this kind. */
enum model_form_type model_form_type_of_kind(enum model_kind kind);

/* Review status of a concept. */
enum model_status { MODEL_CANDIDATE = 0, MODEL_APPROVED, MODEL_REJECTED, MODEL_NSTATUS };

/* "candidate", "approved", "rejected" ("candidate" out of range); and back (-1 when unknown). */
const char *model_status_name(enum model_status r);
int model_status_parse(const char *s);

/* How a lookup matched, best first. */
enum model_match {
    MODEL_MATCH_EXACT = 0, /* the query's key equals a form's key */
    MODEL_MATCH_VARIANT,   /* equal after stripping a particle (클라우드를) */
    MODEL_MATCH_PREFIX,    /* a form's key starts with the query's key */
    MODEL_MATCH_SUBSTRING, /* a form's key contains it */
    MODEL_MATCH_FUZZY,     /* jamo edit distance (클라우디) */
    MODEL_MATCH_NONE,      /* listed, not looked up */
    MODEL_MATCH_NMATCHES
};

/* "exact", "variant", ...; "none" out of range. */
const char *model_match_name(enum model_match m);

#endif
