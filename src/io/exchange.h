/*
 * exchange.h - glossary exchange formats: what readers and writers share.
 *
 * The termbase concept (struct model_concept, termbase/termbase.h) is the
 * hub, as cmark's node tree is: readers (tmx_read.c, tbx_read.c, csv.c)
 * produce concepts one at a time and hand each to a callback; writers
 * (tmx_write.c, tbx_write.c, csv.c) consume them one at a time. Neither
 * ever holds more than one concept, so `export`, `import` and `convert`
 * run in memory independent of the number of concepts.
 *
 *   reader --concept--> termbase_merge_add   (dadeum import)
 *   reader --concept--> writer               (dadeum convert)
 *   reader --row--> writer                   (convert, a concept that is one row: TMX to TSV)
 *   termbase_foreach --concept--> writer     (dadeum export)
 *
 * Formats (docs/formats.md):
 *   tmx    TMX 1.4b (LISA/GALA), one <tu> per Korean/target pair
 *   tbx    TBX-Basic in the TBX v2 <martif> layout (ISO 30042:2008)
 *   tbx3   TBX-Basic in TBX v3 DCA style (ISO 30042:2019), <tbx> root
 *   tsv    tab-separated glossary: source TAB target TAB comment, '#' comments
 *   omegat the same rows, no '#' lines: OmegaT's glossary shape (.txt)
 *   csv    RFC 4180 CSV with a header row (memoQ, Phrase)
 *
 * Writers emit forms in one canonical order (exchange_sorted_forms), never
 * in the termbase's count order, so a concept imported from a file and
 * exported again comes out the same.
 */
#ifndef DADEUM_IO_EXCHANGE_H
#define DADEUM_IO_EXCHANGE_H

#include <stddef.h>
#include <stdio.h>

#include "model/concept.h"
#include "util/error.h"
#include "util/strbuf.h"
#include "util/strmap.h"
#include "util/strpool.h"

/* What fills the target column of pair formats (TMX, TSV, CSV). */
enum exchange_target {
    EXCHANGE_TARGET_ENGLISH = 0, /* ko -> English forms (abbreviations when there is none) */
    EXCHANGE_TARGET_ABBREV,      /* ko -> abbreviations */
    EXCHANGE_TARGET_LOANWORD     /* loanword -> plain Korean (a Korean-only style TM) */
};

/*
 * How document names (the source of an example) are written (export
 * --source-paths). The termbase stores names relative to where ingest ran
 * (util/path.h); an absolute one is left only from an older dadeum or an
 * imported file.
 */
enum exchange_paths {
    EXCHANGE_PATHS_ASIS = 0, /* as read (convert: the input file's own) */
    EXCHANGE_PATHS_RELATIVE, /* as stored; an absolute name cut to its base name */
    EXCHANGE_PATHS_BASENAME, /* the base name only ("a.txt") */
    EXCHANGE_PATHS_NONE      /* no source at all */
};

/* Maps "relative", "basename", "none" to a mode; -1 when unknown. */
int exchange_paths_parse(const char *s);
/*
 * The name to write for document path under mode: path, a pointer into it
 * (its base name), or NULL when nothing is to be written (NONE, or path
 * NULL or empty).
 */
const char *exchange_path_shown(const char *path, enum exchange_paths mode);

struct exchange_options {
    const char *source_lang;     /* canonical BCP 47 tag of the Korean side ("ko-KR") */
    const char *target_lang;     /* of the English side ("en-US") */
    enum exchange_target target; /* target column of pair formats */
    const char *date;            /* "YYYYMMDDThhmmssZ" (TMX 1.4b §3.2 dates), UTC */
    const char *tool_version;    /* creationtoolversion */
    enum exchange_paths paths;   /* how the example's document is named */
};

#define EXCHANGE_OPTIONS_INIT                                                                      \
    {                                                                                              \
        "ko-KR", "en-US", EXCHANGE_TARGET_ENGLISH, NULL, "0", EXCHANGE_PATHS_ASIS                  \
    }

/*
 * Formats t (seconds since the epoch) as "YYYYMMDDThhmmssZ" into buf
 * (at least 17 bytes). Returns buf.
 */
char *exchange_format_date(long long t, char *buf);

/* The last second a TMX date can write: 9999-12-31T23:59:59Z. */
#define EXCHANGE_DATE_MAX 253402300799LL

/*
 * Parses a date for --date: seconds since the epoch ("1735689600"),
 * "YYYY-MM-DD", or TMX's "YYYYMMDDThhmmssZ"; all UTC, from 1970-01-01 to
 * EXCHANGE_DATE_MAX. Returns 0, or -1 when s is none of these, names a day
 * the calendar does not have (2025-02-30) or is out of that range.
 */
int exchange_parse_date(const char *s, long long *t /* OUT */);

/* Maps "english", "abbrev", "loanword" to a target; -1 when unknown. */
int exchange_target_parse(const char *s);

/* ---- writers ------------------------------------------------------------------------ */

struct exchange_writer;

/*
 * Parts of a concept that a consumer never reads (struct exchange_reader's
 * omit, exchange_writer_ops's omit): a reader may leave them out rather
 * than copy them, and hand out NULL and 0 in their place. It still counts
 * their bytes against EXCHANGE_MAX_UNIT, so a file is refused at the same
 * unit whoever reads it.
 */
enum exchange_omit {
    EXCHANGE_OMIT_EXAMPLE = 1 << 0 /* example, example_path, _line and _pos */
};

/*
 * A concept of one Korean form and one target form, handed to a writer
 * without a model concept (exchange_writer_add_row): most units of a TMX
 * file are such a concept, and building one and sorting its forms cost as
 * much as the rest of writing its row. A reader hands out a row only when
 * the concept it would build has exactly these two forms and these fields,
 * so that a writer's row op writes the bytes its concept op would. It
 * carries what the TSV rows read (csv.c); a writer that needs more of a
 * concept has no row op and gets the concept.
 */
struct exchange_row {
    const char *source;        /* the Korean form: not empty, trimmed, no control */
    size_t source_len;         /* its bytes */
    const char *target;        /* the target form, likewise (a 'plain' model_form) */
    size_t target_len;         /* its bytes */
    enum model_form_type type; /* the target's type: english or abbrev */
    const char *id;            /* the concept id's decimal digits, no leading zero, as
                                  add_id writes a positive id; "" for none */
    size_t id_len;             /* its bytes */
    enum model_status status;  /* review status */
    const char *kind;          /* as exchange_concept_finish leaves c.kind; not NULL */
    const char *note;          /* the note, or "" for none; no control but TAB, CR, LF
                                  (which the concept's copy keeps as well) */
};

/* One output format: begin writes the header, concept one concept, end the footer. */
struct exchange_writer_ops {
    const char *name;                                                          /* "tmx" */
    void (*begin)(struct exchange_writer *w);                                  /* header */
    void (*concept)(struct exchange_writer *w, const struct model_concept *c); /* body */
    void (*end)(struct exchange_writer *w);                                    /* footer */
    unsigned omit; /* enum exchange_omit: what concept never reads */
    /* a concept given as a row (struct exchange_row), as concept would write it; may be NULL */
    void (*row)(struct exchange_writer *w, const struct exchange_row *row);
};

/* A writer in use. Writers in src/io/ read and update every field. */
struct exchange_writer {
    FILE *fp;                              /* output; the caller checks ferror() */
    const struct exchange_writer_ops *ops; /* the format */
    struct exchange_options opt;           /* a copy of the caller's options */
    unsigned long concepts;                /* concepts given */
    unsigned long units;                   /* units written (tu, termEntry, rows) */
    unsigned long in_concept;              /* units written for the current concept */
    const struct model_form **forms;       /* exchange_sorted_forms's result */
    size_t nforms;                         /* entries in forms */
    size_t aforms;                         /* allocated entries in forms */
    struct strbuf buf;                     /* a unit being built, for writers that want one */
    struct strbuf tail;                    /* the TSV writer's last comment end (csv.c) */
    enum model_status tail_status;         /* what tail was built of: status, */
    enum model_form_type tail_type;        /* target type */
    struct strbuf tail_kind;               /* and kind */
    int began;                             /* the header is written */
};

extern const struct exchange_writer_ops tmx_writer;    /* tmx_write.c */
extern const struct exchange_writer_ops tbx2_writer;   /* tbx_write.c */
extern const struct exchange_writer_ops tbx3_writer;   /* tbx_write.c */
extern const struct exchange_writer_ops tsv_writer;    /* csv.c */
extern const struct exchange_writer_ops omegat_writer; /* csv.c */
extern const struct exchange_writer_ops csv_writer;    /* csv.c */

/*
 * Starts writing ops's format to fp. The header is written with the first
 * concept, or by _finish when there is none, so nothing reaches fp until a
 * concept does. Release with _release.
 */
void exchange_writer_init(struct exchange_writer *w, const struct exchange_writer_ops *ops,
                          FILE *fp, const struct exchange_options *opt);
/*
 * Writes one concept; a model_concept_fn (ctx is the writer). Returns 0,
 * or 1 once the output has failed (ferror), which stops the walk or read
 * feeding it: the caller then reports the write error.
 */
int exchange_writer_add(void *ctx, const struct model_concept *c);
/* exchange_writer_add for a concept given as a row; only for writers with a row op. */
int exchange_writer_add_row(void *ctx, const struct exchange_row *row);
/* Writes the footer (and the header, when no concept came). */
void exchange_writer_finish(struct exchange_writer *w);
/* Frees the scratch; safe to call twice. */
void exchange_writer_release(struct exchange_writer *w);

/*
 * Fills w->forms with the forms of c in canonical order and returns their
 * number: the preferred Korean form first, then by type (enum order), then
 * by text (byte order), duplicates and empty texts dropped.
 */
size_t exchange_sorted_forms(struct exchange_writer *w, const struct model_concept *c);

/*
 * The rows of a pair format for concept c under w->opt.target: calls
 * fn(w, c, source, target) for each pair in canonical order and returns
 * the number of pairs. Uses w->forms (calls exchange_sorted_forms).
 */
typedef void (*exchange_pair_fn)(struct exchange_writer *w, const struct model_concept *c,
                                 const struct model_form *source, const struct model_form *target);
size_t exchange_for_each_pair(struct exchange_writer *w, const struct model_concept *c,
                              exchange_pair_fn fn);

/*
 * "path:line" of the concept's example into out (nothing when there is
 * none, or when paths is EXCHANGE_PATHS_NONE), the path shown as
 * exchange_path_shown says and written as utf8_add_visible writes names
 * (\xff).
 */
void exchange_source_string(const struct model_concept *c, enum exchange_paths paths,
                            struct strbuf *out);

/* ---- readers ------------------------------------------------------------------------ */

/*
 * Why a reader failed, in err->detail of its struct dd_error; err->code is
 * DD_EINPUT for all of them (for ESTOPPED, the callback's own error has
 * the status to exit with).
 */
enum exchange_status {
    EXCHANGE_OK = 0,
    EXCHANGE_EOPEN,      /* cannot open or read the file (errno in sys_errno) */
    EXCHANGE_EMALFORMED, /* not well-formed XML, bad CSV quoting, undecodable bytes */
    EXCHANGE_EREFUSED,   /* hostile XML: entities, a remote DTD, absurd nesting */
    EXCHANGE_EINPUT,     /* well-formed but not this format */
    EXCHANGE_ESTOPPED    /* the concept callback asked to stop (its own error says why) */
};

/*
 * The language tags a file gave the two sides of the concept being handed
 * out (canonical BCP 47, "en-GB"; empty when the file said none or gave a
 * tag that is not BCP 47), so that convert writes them back rather than
 * the defaults. Filled before each concept callback.
 */
struct exchange_langs {
    struct strbuf source; /* the Korean side's tag */
    struct strbuf target; /* the other side's */
};

/* A stream of rows (struct exchange_row), as model_concept_fn is of concepts. */
typedef int (*exchange_row_fn)(void *ctx, const struct exchange_row *row);

/* What a reader reports to. warn may be NULL; see exchange_warn_once for how often it is called. */
struct exchange_reader {
    model_concept_fn concept; /* called per concept; non-zero stops the read */
    exchange_row_fn row;      /* may be NULL; else called, in concept's place, for a concept
                                 that is a row (the TMX reader; the others call concept);
                                 only with omit's EXCHANGE_OMIT_EXAMPLE: a row has none */
    void *ctx;                /* for concept, row and warn */
    void (*warn)(void *ctx, unsigned long line, unsigned long column, const char *msg);
    struct exchange_options opt;  /* languages: which side is Korean */
    struct exchange_langs *langs; /* may be NULL; readers that know tags fill it (TMX, TBX) */
    unsigned omit;                /* enum exchange_omit: what concept never reads */
};

/*
 * Units (TMX <tu>, TBX entries) a reader skipped because no side was in
 * the source language, and the languages they had: a file in other
 * languages ("en" and "xx", as csv2tbx writes) must not convert to an
 * empty glossary in silence.
 */
struct exchange_skipped {
    unsigned long units;    /* units skipped */
    unsigned long concepts; /* concepts handed out; the reader counts them */
    struct strbuf langs;    /* distinct tags of the skipped units, ", "-separated */
    size_t nlangs;          /* tags in langs (at most 8, then "...") */
};

#define EXCHANGE_SKIPPED_INIT                                                                      \
    {                                                                                              \
        0, 0, STRBUF_INIT, 0                                                                       \
    }

/* Adds tag (as read; NULL or empty is ignored) to s's languages unless there. */
void exchange_skipped_lang(struct exchange_skipped *s, const char *tag);
/*
 * At the end of a read that went well: when units were skipped, returns
 * -1 with err filled in (EXCHANGE_EINPUT) if no concept was handed out,
 * else warns once through rd (line 0) and returns 0. The message names
 * the count, what a unit is ("unit", plural "units"), the languages found and
 * the options that choose them.
 */
int exchange_skipped_report(const struct exchange_reader *rd, const struct exchange_skipped *s,
                            const char *unit, const char *units, struct dd_error *err /* OUT */);
void exchange_skipped_release(struct exchange_skipped *s);

/* Distinct warnings a reader gives per file before saying the rest are not shown. */
#define EXCHANGE_MAX_WARNINGS 100

/*
 * For readers: gives msg through rd->warn (when set) unless seen, the
 * file's set of messages given, has it. After EXCHANGE_MAX_WARNINGS
 * distinct messages it says once that the rest are not shown and stays
 * quiet, so neither the output nor seen grows with a hostile file.
 */
void exchange_warn_once(const struct exchange_reader *rd, struct strmap *seen, unsigned long line,
                        unsigned long column, const char *msg);

/*
 * A reader: parses path ("-" is standard input) and calls rd->concept for
 * each concept in file order. Returns 0, or -1 with err filled in; concepts
 * before the error have been handed out, so callers that want all or
 * nothing (import) wrap the read in one transaction.
 */
typedef int (*exchange_read_fn)(const char *path, const struct exchange_reader *rd,
                                struct dd_error *err /* OUT */);

/*
 * For the XML readers: fills err from the XML layer's error xe, or with
 * EXCHANGE_ESTOPPED when the concept callback stopped the read.
 */
void exchange_fail_from_xml(struct dd_error *err, const struct dd_error *xe, int stopped);

int tmx_read(const char *path, const struct exchange_reader *rd, struct dd_error *err);
/* TBX v2 (martif: tig and ntig) and v3 (tbx: termSec), told apart by the root. */
int tbx_read(const char *path, const struct exchange_reader *rd, struct dd_error *err);
int tsv_read(const char *path, const struct exchange_reader *rd, struct dd_error *err);
int csv_read(const char *path, const struct exchange_reader *rd, struct dd_error *err);

/*
 * For readers: 1 when id, a concept id read from a file, names a concept:
 * not NULL, not empty and not "0". Files without ids are grouped by their
 * source text instead; dadeum up to 0.1.0 wrote "0" for "no id".
 */
int exchange_id_given(const char *id);

/* ---- the format table --------------------------------------------------------------- */

struct exchange_format {
    const char *name;                      /* as given to --from / --to / --format */
    const char *exts;                      /* extensions, space-separated, with dots */
    exchange_read_fn read;                 /* NULL when not readable */
    const struct exchange_writer_ops *ops; /* NULL when not writable */
};

/* The format called name, or NULL. */
const struct exchange_format *exchange_format_find(const char *name);
/* The format whose extension path has (case-insensitive), or NULL. */
const struct exchange_format *exchange_format_for_path(const char *path);
/*
 * Guesses the format of the file at path from its first 4 KiB (UTF-16
 * included): <tmx> -> tmx, <martif> or <tbx> -> tbx, a TAB in the first
 * line -> tsv, else csv. NULL when the file cannot be read or is empty.
 */
const struct exchange_format *exchange_format_sniff(const char *path);
/* Names of all formats, comma-separated, for messages. */
const char *exchange_format_names(void);

/* ---- building concepts (for readers) ------------------------------------------------ */

/*
 * A concept being read: c points into the builder's own copies, so it is
 * valid until the next reset. Forms are kept unique by (type, text).
 */
struct exchange_concept {
    struct model_concept c;       /* what readers hand out */
    size_t aforms;                /* allocated entries in c.forms */
    struct strpool strs;          /* the concept's strings */
    size_t bytes;                 /* bytes copied into strs, and the forms' entries */
    struct model_datcat *datcats; /* c.datcats, writable */
    size_t adatcats;              /* allocated entries in datcats */
    int utf8;                     /* every text given is valid UTF-8 (expat's, in the XML
                                     readers): forms without controls are marked plain */
};

#define EXCHANGE_CONCEPT_INIT                                                                      \
    {                                                                                              \
        {0}, 0, STRPOOL_INIT, 0, NULL, 0, 0                                                        \
    }

/*
 * Most bytes of text one unit may hold (a TMX <tu>, a TBX termEntry), and
 * one concept gathered from consecutive units: the text it keeps, its
 * forms, notes and language tags. Readers refuse more with an input error
 * naming the line, so that neither many segments (each under XML_MAX_TEXT)
 * nor a concept repeated over many units grows memory without end.
 */
#define EXCHANGE_MAX_UNIT (1u << 20)

/* Bytes e holds (struct exchange_concept bytes), to hold it to EXCHANGE_MAX_UNIT. */
size_t exchange_concept_get_bytes(const struct exchange_concept *e);

/* Empties e for the next concept (status candidate, no forms). */
void exchange_concept_reset(struct exchange_concept *e);
void exchange_concept_release(struct exchange_concept *e);
/*
 * Returns a copy of s[0..len) owned by e, with each control but TAB, CR
 * and LF (C0, DEL, C1) made a space, as text/normalize.c does in documents:
 * no glossary can carry ESC sequences into the termbase.
 */
const char *exchange_concept_strdup(struct exchange_concept *e, const char *s, size_t len);
/*
 * exchange_concept_strdup for s[0..len) that exchange_blank_controls has
 * made clean already: the same copy and count, without a second scan.
 */
const char *exchange_concept_strdup_clean(struct exchange_concept *e, const char *s, size_t len);
/*
 * Adds a form (copied, controls made spaces as by _strdup; leading and
 * trailing white space trimmed; empty text ignored) unless it is there. The first 'ko' form becomes
 * c.ko when c.ko is not set yet. The form is plain (struct model_form) when e->utf8 is set
 * and text has no control. Returns 1 when added.
 */
int exchange_concept_add_form(struct exchange_concept *e, enum model_form_type type,
                              const char *text, size_t len);
/*
 * Sets c.example_path and c.example_line from s[0..len), "path:line" as
 * exchange_source_string writes it; s without ":digits" at its end is all
 * path. A document's position label at the end ("a.hwp:§12", "a.hwp:fn 2",
 * "a.pdf:p3:14") goes to c.example_pos instead (and N of "§N" to
 * c.example_line, the paragraph it counts). The path is written as
 * utf8_add_visible writes names (\x1b).
 */
void exchange_concept_set_source(struct exchange_concept *e, const char *s, size_t len);
/*
 * For a consumer that omits the example (EXCHANGE_OMIT_EXAMPLE): adds to
 * e's bytes what exchange_concept_set_source would keep of s[0..len), and
 * keeps nothing, so that EXCHANGE_MAX_UNIT holds at the same byte.
 */
void exchange_concept_count_source(struct exchange_concept *e, const char *s, size_t len);
/* Adds bytes to e's count as if they were kept (for text a consumer omits). */
void exchange_concept_count(struct exchange_concept *e, size_t bytes);
/* Makes controls in sb spaces as exchange_concept_strdup does, in place. */
void exchange_blank_controls(struct strbuf *sb);
/* A concept id read from a file: its digits' value, or strtoll's reading of anything else. */
long long exchange_parse_id(const char *s);
/*
 * Adds a copy of data category d (strings copied as by _strdup; NULL
 * strings stay NULL) to c.datcats. Returns the copy, valid until the next
 * reset or add.
 */
struct model_datcat *exchange_concept_add_datcat(struct exchange_concept *e,
                                                 const struct model_datcat *d);

/*
 * The termType and administrativeStatus tbx_write.c writes for form f of
 * concept c when the file gave none (the table in tbx_write.c); preferred:
 * f is c's preferred Korean term. Readers compare a file's values with
 * these and keep those that differ as data categories.
 */
void exchange_tbx_term_categories(const struct model_concept *c, const struct model_form *f,
                                  int preferred, const char **term_type /* OUT */,
                                  const char **status /* OUT */);

/*
 * Reads a concept confidence as the writers write it (x-dadeum-confidence:
 * "0.97"): sets c->confidence and c->has_confidence when s is a number from
 * 0 to 1 (surrounding spaces allowed) and returns 0; else returns -1 and
 * leaves c as it was.
 */
int exchange_set_confidence(struct model_concept *c, const char *s);

/* Appends c's confidence as "0.97" to out; nothing when it has none. */
void exchange_add_confidence(const struct model_concept *c, struct strbuf *out);
/* Makes text (a 'ko' form, added if missing) the preferred Korean form. */
void exchange_concept_set_ko(struct exchange_concept *e, const char *text, size_t len);
/* Sets c.kind from the most telling form when the file did not say. */
void exchange_concept_finish(struct exchange_concept *e);

/*
 * Guesses the type of a target-side text with no other hint: Hangul ->
 * loanword, no lower-case letter and two or more upper-case ones (AI, G7,
 * R&D) -> abbrev, else english.
 */
enum model_form_type exchange_guess_type(const char *text);

#endif
