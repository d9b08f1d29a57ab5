/*
 * check_int.h - what the parts of the draft checker share (not a public
 * header; see check.c for the model: folding, patterns, groups, the two
 * passes).
 */
#ifndef DADEUM_CHECK_CHECK_INT_H
#define DADEUM_CHECK_CHECK_INT_H

#include <stddef.h>
#include <stdint.h>

#include "check/check.h"
#include "util/strbuf.h"
#include "util/strmap.h"

/* One folded character of a line or pattern. */
struct fch {
    uint32_t cp;   /* folded: composed, ASCII, lower case */
    uint32_t orig; /* composed and ASCII, case kept */
    size_t b0, b1; /* bytes of the original text it came from */
    size_t col;    /* 0-based code-point column of b0 */
    int sp;        /* a space or middle dot came before it */
};

struct fvec {
    struct fch *v;   /* folded characters */
    size_t n, alloc; /* used, allocated */
};

/*
 * A form is checked by its model form type: MODEL_FORM_KO for the plain
 * Korean terms, MODEL_FORM_LOANWORD, _ENGLISH and _ABBREV for the foreign
 * ones (a Hangul English or abbreviation form is read as a loanword);
 * native synonyms, hanja and short forms are not checked.
 */
struct raw_form {
    char *text;                /* as in the termbase */
    enum model_form_type type; /* what it is */
};

struct concept {
    char *plain;            /* preferred plain term */
    char *key;              /* its folded key (lower case, no spaces) */
    int64_t id;             /* termbase id */
    int approved;           /* status is approved */
    unsigned long count;    /* occurrences */
    struct raw_form *forms; /* until compiled */
    size_t nforms;          /* entries in forms */
    size_t parent;          /* union-find */
    int loanish;            /* its plain term is someone's loanword */
};

struct pattern {
    size_t off, n;             /* folded code points in the pools */
    enum model_form_type type; /* what the form is */
    size_t concept;            /* its concept */
    int latin;                 /* holds no Hangul: word boundaries are Latin ones */
};

struct bucket {
    size_t *pat;     /* pattern indexes, longest first */
    size_t n, alloc; /* used, allocated */
};

struct check_glossary {
    struct concept *c;                    /* concepts */
    size_t nc, calloc_;                   /* used, allocated */
    struct pattern *p;                    /* patterns */
    size_t np, palloc;                    /* used, allocated */
    uint32_t *cp, *orig;                  /* pattern code points (folded, as written) */
    unsigned char *sp;                    /* pattern space flags */
    size_t npool;                         /* used in the three pools */
    size_t poolalloc, origalloc, spalloc; /* allocated in each */
    struct strmap buckets;                /* first two folded code points -> struct bucket */
    size_t *best;                         /* per group root: its preferred concept, or SIZE_MAX */
    int compiled;                         /* patterns built */
    struct termbase *tb;                  /* check_glossary_use_termbase's, or NULL */
};

enum occ_role {
    OCC_PLAIN = 0, /* a plain term */
    OCC_FOREIGN,   /* a bare foreign form */
    OCC_DEFINED,   /* a foreign form inside plain( ... ) of its group: a definition */
    OCC_REVERSED   /* foreign(plain) */
};

struct occ {
    enum occ_role role; /* what it is */
    size_t line;        /* 0-based line index */
    size_t b0, b1;      /* bytes of the term (REVERSED: through the closing parenthesis) */
    size_t tb1;         /* end of the foreign term itself */
    size_t pb1;         /* end of a following particle (== b1: none) */
    int particle;       /* index in ko_particles (text/korean.h), or -1 */
    unsigned long col;  /* 1-based column */
    size_t pat;         /* pattern */
    size_t inner;       /* REVERSED: the plain pattern inside */
};

struct line {
    const char *s;  /* start in the document */
    size_t len;     /* bytes without the line end */
    size_t end_len; /* bytes of the line end (0, 1 or 2) */
};

struct finding_fix {
    size_t line, b0, b1; /* bytes replaced */
    char *text;          /* replacement */
};

struct check_result {
    struct check_finding *f; /* findings */
    size_t n, alloc;         /* used, allocated */
    struct finding_fix *fix; /* one per finding */
    size_t fix_alloc;        /* allocated in fix */
    char *fixed;             /* corrected document, or NULL */
    size_t fixed_len;        /* its length */
    int paragraphs;          /* lines are a document's paragraphs: written as §N */
};

struct scan {
    struct check_glossary *g; /* the glossary */
    struct occ *o;            /* occurrences in document order */
    size_t n, alloc;          /* used, allocated */
};

/* check_fold.c */
int check_is_latin_alnum(uint32_t c);
/* A Hangul, Latin letter or digit, or Han code point. */
int check_is_word(uint32_t c);
/* Folds s[0..len) into f (reset first). */
void check_fold(const char *s, size_t len, struct fvec *f);
/* Appends the folded code points of f (lower case, or as written) as UTF-8. */
void check_fold_key(const struct fvec *f, int keep_case, struct strbuf *out);

/* check_glossary.c */
/* The root of concept i's group (union-find, with path halving). */
size_t check_uf_find(struct check_glossary *g, size_t i);
/* Builds groups, patterns and buckets from the concepts. */
void check_glossary_compile(struct check_glossary *g);

/* check_scan.c */
/* The group of pattern pat. */
size_t check_group_of(struct check_glossary *g, size_t pat);
/* Adds the occurrences in line (text s, folded t) to sc. */
void check_scan_line(struct scan *sc, size_t line, const char *s, const struct fvec *t);

/* check_decide.c */
/* Walks the occurrences of sc in order and adds findings to r. */
void check_decide(struct check_glossary *g, const struct scan *sc, const struct line *lines,
                  struct check_result *r);

#endif
