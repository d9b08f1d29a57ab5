/*
 * cross_int.h - what the passes of cross.c share (not a public header).
 *
 * cross.c owns the document (struct cross_doc: lines, bigram index, bracket
 * pairs, results) and the helpers every pass uses; cross_acronym.c scores an
 * acronym against a name, cross_list.c aligns lists of acronyms with lists
 * of Korean names, cross_subst.c rewrites phrases through the document's
 * bracket pairs and the lexicon. See cross.c for the search text model.
 */
#ifndef DADEUM_ALIGN_CROSS_INT_H
#define DADEUM_ALIGN_CROSS_INT_H

#include <stddef.h>
#include <stdint.h>

#include "align/cross.h"
#include "util/strbuf.h"
#include "util/strmap.h"
#include "util/strpool.h"

/*
 * A line. Its text and srch are in the document's pool: one malloc per
 * line, and one free, scattered over a heap the size of the document,
 * cost more as the document grew than the lines did.
 */
struct cline {
    const char *text; /* normalised line, NUL-terminated */
    const char *srch; /* search text: no spaces, no bracket groups */
    uint32_t *orig;   /* NULL until cross_line_orig maps srch back to text */
    uint32_t len;     /* bytes in text (less than 4 GiB: see cross_line_orig) */
    uint32_t slen;    /* bytes in srch */
    unsigned long no; /* line number in the source */
};

/*
 * A bracket pair; its strings are in the document's pool. The passes read
 * the pairs in the order of the lookups' hits, not their own, so a pair
 * is kept small and carries its lengths (no strlen of a string far away).
 */
struct dpair {
    const char *ko;       /* Korean side */
    const char *gloss;    /* gloss side */
    const char *en;       /* its English form, or NULL */
    uint32_t klen, glen;  /* bytes in ko, in gloss */
    enum model_kind kind; /* as the extractor classified it */
    int spaced;           /* gloss holds a space */
};

/*
 * The bracket pairs by one of their keys: open addressing over pair
 * numbers, 8 bytes a slot, a key compared where the pair keeps it. A
 * string map of the same keys with a list of pair numbers per key read a
 * slot, the key's copy, the list and then the pair: at 16k pairs each
 * lookup of an earlier pair (one in every line of a pair-dense document)
 * was a chain of cache misses, the part of --cross that grew faster than
 * the lines.
 */
struct pair_slot {
    uint32_t hash;  /* of the key */
    uint32_t first; /* 1 + the lowest pair with the key; 0 in an empty slot */
};

struct pair_index {
    struct pair_slot *slot; /* mask + 1 of them, or NULL */
    uint32_t *next;         /* per pair: 1 + the next pair with the same key, or 0 */
    size_t mask;
    int folded; /* the key is the gloss, ASCII case folded; else the Korean side */
};

struct postings; /* the lines of one bigram (cross.c) */

struct cross_doc {
    unsigned flags;        /* enum cross_flags */
    struct cline *lines;   /* in the order added */
    size_t nlines, alines; /* used, allocated */
    size_t bigram_bound;   /* the (line, bigram) postings the lines can make, at most */
    struct strpool pool;   /* the strings of the lines and the pairs */
    struct strbuf scratch; /* a search text being made */
    struct strmap grams;   /* bigram of a search text -> struct postings * (into gram_lists) */
    struct postings *gram_lists; /* one per bigram; their lines are in gram_lines */
    uint32_t *gram_lines;        /* the postings of every bigram, end to end */
    size_t indexed;              /* lines in grams */
    struct dpair *pairs;         /* bracket pairs */
    size_t npairs, apairs;       /* used, allocated */
    struct cross_pair *out;      /* results; strings owned (cast away const to free) */
    size_t nout, aout;           /* used, allocated */
    /* lookups that keep --cross near-linear (built by index_pairs) */
    struct pair_index by_fold; /* gloss, ASCII case folded -> pairs (an exact gloss: the
                                  pairs there whose gloss it equals) */
    struct pair_index by_ko;   /* Korean side -> pairs */
    size_t *glens;             /* distinct lengths of glosses without spaces, longest first */
    size_t nglens, aglens;
    size_t max_ko;           /* bytes of the longest Korean side */
    struct strmap out_seen;  /* "ko\x1fgloss" of every result */
    struct strmap pair_seen; /* squeezed "ko\x1fgloss" of every bracket pair (from the
                                first result on: cross_out_add) */
};

/* A list of indexes (pairs or candidates), ascending. */
struct ilist {
    size_t *v;
    size_t n, alloc;
};

/* Frees a struct ilist (a strmap value destructor). */
void cross_ilist_free(void *v);
/* Appends x to the ilist of key in m, creating it. */
void cross_ilist_add(struct strmap *m, const char *key, size_t len, size_t x);
/* The ilist of key in m, or NULL. */
const struct ilist *cross_ilist_get(const struct strmap *m, const char *key, size_t len);
/*
 * 1 + the lowest pair whose key in ix is key[0..len) (ASCII case folded,
 * for by_fold), or 0; the others follow through ix->next:
 *   for (uint32_t k = cross_pairs_first(c, ix, s, n); k; k = ix->next[k - 1])
 *       use(&c->pairs[k - 1]);
 */
uint32_t cross_pairs_first(const struct cross_doc *c, const struct pair_index *ix, const char *key,
                           size_t len);
/* Copies s[0..len) into sb with ASCII letters in lower case (what strncasecmp folds). */
void cross_fold_ascii(const char *s, size_t len, struct strbuf *sb);
/*
 * The lines that may contain key: sets *lines to the postings of its rarest
 * bigram and returns their count, or, for a key of one code point, sets
 * *lines to NULL and returns every line's (line k is then index k).
 */
size_t cross_lines_for(const struct cross_doc *c, const char *key, size_t klen,
                       const uint32_t **lines /* OUT */);
/*
 * The map from the search text of line li back to its text: orig[i] is the
 * offset in text of srch[i] (i < slen), orig[slen] is len. Made the first
 * time a match in the line needs it and kept with the line: made for every
 * line, it took four bytes per byte of the document.
 */
const uint32_t *cross_line_orig(struct cross_doc *c, size_t li);
/* Copies s without spaces, middle dots and bracket groups into sb. */
void cross_squeeze(const char *s, size_t len, struct strbuf *sb);
/* 1 for a code point that belongs to a token (Hangul, Latin, digit, Han, & and -). */
int cross_is_token_char(uint32_t c);
/* 1 when equal after cross_squeeze(). */
int cross_same_squeezed(const char *a, const char *b);
/* key = squeeze(ko) 0x1F squeeze(gloss), or ko 0x1F gloss when raw */
void cross_pair_key(const char *ko, const char *gloss, int raw, struct strbuf *key);
/* Adds a result unless it is a bracket pair or a result already. */
void cross_out_add(struct cross_doc *c, const char *ko, const char *gloss, enum model_kind kind,
                   unsigned long line, unsigned long gline, double score, const char *evidence);

/* cross_acronym.c: cross_acronym_score without the lexicon's known expansions check. */
double cross_acronym_score_raw(const char *abbr, size_t alen, const char *name, size_t nlen,
                               unsigned flags);
/* cross_list.c: aligns the document's acronym lists with its Korean lists. */
void cross_lists(struct cross_doc *c);
/* cross_subst.c: body/appendix substitution. */
void cross_subst(struct cross_doc *c);

#endif
