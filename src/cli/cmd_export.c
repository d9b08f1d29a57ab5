/*
 * cmd_export.c - `dadeum export`: write the termbase as TMX, TBX, TSV or CSV.
 *
 * Streams: termbase_foreach hands the concepts over one at a time, in key
 * order, and the writer (io/exchange.h) writes each at once, so memory does
 * not grow with the termbase. Output goes through a temporary file renamed
 * over the target at the end (util/outfile.h): an interrupted export never
 * leaves a partial file.
 *
 * The gate (docs/termbase.md, "Confidence"): by default only approved
 * concepts and candidates with confidence >= MODEL_MIN_CONFIDENCE are
 * written, and of those candidates only the English forms that reach it;
 * --min-confidence moves the bar, --all writes everything. One line on
 * stderr says what was left out, by reason.
 *
 * Adding an output format: write its struct exchange_writer_ops in src/io/
 * and add one line to the table below.
 */
#include <errno.h>
#include <getopt.h>
#include <malloc.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "io/exchange.h"
#include "io/styleguide.h"
#include "termbase/termbase.h"
#include "util/outfile.h"
#include "util/xmalloc.h"
#include "util/banned.h"

static const struct export_format {
    const char *name;                      /* --format value */
    const struct exchange_writer_ops *ops; /* its writer, or NULL for a style guide */
    const char *help;                      /* one line for -h */
} formats[] = {
    {"tmx", &tmx_writer, "TMX 1.4b translation memory, one <tu> per pair (default)"},
    {"tbx", &tbx2_writer, "TBX-Basic, TBX v2 <martif> layout (ISO 30042:2008)"},
    {"tbx3", &tbx3_writer, "TBX-Basic, TBX v3 DCA style (ISO 30042:2019)"},
    {"tsv", &tsv_writer, "tab-separated: source TAB target TAB comment, '#' header lines"},
    {"omegat", &omegat_writer, "OmegaT glossary (.txt): the tsv rows without a header"},
    {"csv", &csv_writer, "RFC 4180 CSV with a header row (memoQ, Phrase)"},
    {"md", NULL, "style-guide glossary in Markdown, by initial (docs/style-guide.md)"},
    {"html", NULL, "style-guide glossary, one self-contained printable HTML file"},
};

#define NFORMATS (sizeof(formats) / sizeof(formats[0]))

static const char synopsis[] =
    "usage: dadeum export [--format <format>] [-o <file>] [--db <file>]\n"
    "                     [--status (candidate | approved | rejected)]\n"
    "                     [--target (english | abbrev | loanword)] [--source-lang <tag>]\n"
    "                     [--target-lang <tag>] [--date <date>]\n"
    "                     [--kind <kind>] [--min-count <n>]\n"
    "                     [--source-paths (relative | basename | none)]\n"
    "                     [--all | --min-confidence <x>] [-q]\n";

static const char help_head[] =
    "\n"
    "Writes the concepts of the termbase in an exchange format that CAT tools\n"
    "import (OmegaT, memoQ, Trados, Phrase; see docs/formats.md), in the order\n"
    "of their Korean key. The output is replaced only when it is complete.\n"
    "\n"
    "formats (--format; default from the extension of -o, else tmx):\n";

static const char help_tail[] =
    "\n"
    "options:\n"
    "  -o, --output <file>   write there instead of standard output\n"
    "  --db <file>           the termbase (default $DADEUM_DB, else ./dadeum.db)\n"
    "  --status <status>     only concepts with this review status (md, html:\n"
    "                        default every status but rejected)\n"
    "  --kind <kind>         md, html: only concepts of this kind or with a form of\n"
    "                        it (loanword, english, abbrev, native or shortform)\n"
    "  --min-count <n>       md, html: only concepts seen at least n times\n"
    "  --target english      TMX/TSV/CSV target column: English forms, else the\n"
    "                        abbreviation (default)\n"
    "  --target abbrev       the abbreviations (AI, CEO)\n"
    "  --target loanword     loanword -> plain Korean, both sides Korean (a style TM)\n"
    "  --source-lang <tag>   BCP 47 tag of the Korean side (default ko-KR)\n"
    "  --target-lang <tag>   of the English side (default en-US)\n"
    "  --date <date>         creation date written (YYYY-MM-DD, YYYYMMDDThhmmssZ or\n"
    "                        epoch seconds, 1970 to 9999; default\n"
    "                        $SOURCE_DATE_EPOCH, else now)\n"
    "  --source-paths <how>  how the example's document is named (TMX, TBX, CSV,\n"
    "                        md, html): relative (default: as stored, relative to\n"
    "                        where ingest ran; an absolute name left by an older\n"
    "                        dadeum or an import as its base name), basename\n"
    "                        (a.txt) or none\n"
    "\n"
    "gate (every format; docs/termbase.md, \"Confidence\"):\n"
    "  (default)             approved concepts, and candidates whose English the\n"
    "                        document, the lexicon or localisation data back, or\n"
    "                        a transliteration right >= 95 % of the time:\n"
    "                        confidence >= 0.95; weaker English forms of kept\n"
    "                        concepts are left out too (--target loanword,\n"
    "                        which writes no English: rejected ones only)\n"
    "  --min-confidence <x>  approved concepts and candidates with confidence >= x\n"
    "                        (0 to 1)\n"
    "  --all                 every concept and form, rejected ones included\n"
    "  -q, --quiet           do not say on stderr what the gate left out\n"
    "\n"
    "exit status: 0 written, 2 usage, 3 the termbase cannot be read, 4 the\n"
    "output could not be written, 5 internal error.\n";

static int usage(int to_stdout)
{
    if (!to_stdout)
        return cli_usage(synopsis, "", 0);
    fputs(synopsis, stdout);
    fputs(help_head, stdout);
    for (size_t i = 0; i < NFORMATS; i++)
        printf("  %-6s %s\n", formats[i].name, formats[i].help);
    fputs(help_tail, stdout);
    return DADEUM_EXIT_OK;
}

/* The gate between the termbase and a writer, and what it left out. */
struct gate {
    double min;                                  /* confidence a candidate needs */
    int keep_rejected;                           /* --status rejected asked for them */
    unsigned long seen;                          /* concepts given */
    unsigned long left_out[MODEL_GATE_NREASONS]; /* concepts left out, by reason */
    unsigned long weak_forms;                    /* English forms left out of kept ones */
    struct model_form *forms;                    /* scratch for strip_weak */
    size_t aforms;                               /* allocated entries in forms */
    struct exchange_writer *w;                   /* next stage, or NULL: count only */
    const struct styleguide_options *so;         /* count only what a style guide lists */
};

/* Decides on c; returns 1 when it passes (then *out is c as written). */
static int gate_pass(struct gate *g, const struct model_concept *c, struct model_concept *out)
{
    enum model_gate why = model_gate_check(c, g->min);

    g->seen++;
    if (why == MODEL_GATE_REJECTED && g->keep_rejected)
        why = MODEL_GATE_PASS;
    if (why != MODEL_GATE_PASS) {
        g->left_out[why]++;
        return 0;
    }
    ALLOC_GROW(g->forms, c->nforms + 1, g->aforms);
    g->weak_forms += model_concept_strip_weak(c, g->min, out, g->forms);
    return 1;
}

/* A model_concept_fn: the gate, then the writer. */
static int gate_write(void *ctx, const struct model_concept *c)
{
    struct gate *g = ctx;
    struct model_concept kept;

    if (g->so && !styleguide_options_match(g->so, c))
        return 0;
    if (!gate_pass(g, c, &kept))
        return 0;
    return g->w ? exchange_writer_add(g->w, &kept) : 0;
}

/*
 * The one stderr line: "left out N of M concepts (K translit guesses below
 * 0.95, ...); use --all to include them". Nothing when nothing was.
 */
static void gate_report(const struct gate *g)
{
    unsigned long n = 0;
    const char *sep = "";

    for (int i = 1; i < MODEL_GATE_NREASONS; i++)
        n += g->left_out[i];
    if (!n && !g->weak_forms)
        return;
    fprintf(stderr, "dadeum: export: left out %lu of %lu concepts (", n, g->seen);
    for (int i = 1; i < MODEL_GATE_NREASONS; i++) {
        if (!g->left_out[i])
            continue;
        fprintf(stderr, "%s%lu ", sep, g->left_out[i]);
        switch ((enum model_gate)i) {
        case MODEL_GATE_REJECTED:
            fputs("rejected", stderr);
            break;
        case MODEL_GATE_TRANSLIT:
            fprintf(stderr, "transliteration guesses below %.2f", g->min);
            break;
        case MODEL_GATE_UNKNOWN:
            fputs("of unknown source: ingest their documents again", stderr);
            break;
        default:
            fprintf(stderr, "with other evidence below %.2f", g->min);
            break;
        }
        sep = ", ";
    }
    if (g->weak_forms)
        fprintf(stderr, "%s%lu weaker English forms of kept concepts", sep, g->weak_forms);
    fputs("); use --all to include them\n", stderr);
}

/* Parses --min-confidence: a number in [0,1]. Returns 0, or -1 after a message. */
static int parse_confidence(const char *s, double *out)
{
    char *end;
    double v;

    errno = 0;
    v = strtod(s, &end);
    if (!*s || *end || errno || !(v >= 0 && v <= 1))
        return error("--min-confidence wants a number from 0 to 1, not '%s'", s);
    *out = v;
    return 0;
}

static const struct export_format *find_format(const char *name)
{
    for (size_t i = 0; i < NFORMATS; i++)
        if (!strcmp(formats[i].name, name))
            return &formats[i];
    return NULL;
}

/*
 * -o must not name the termbase or one of SQLite's files beside it (its
 * journal, WAL and shared memory). Returns -1 after a message, else 0.
 */
static int refuse_termbase(const char *output, const char *db)
{
    static const char *const suffixes[] = {"", "-wal", "-shm", "-journal"};
    struct strbuf p = STRBUF_INIT;
    int ret = 0;

    for (size_t i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]) && !ret; i++) {
        strbuf_reset(&p);
        strbuf_addf(&p, "%s%s", db, suffixes[i]);
        ret = cli_refuse_same_file(output, p.buf, "the termbase");
    }
    strbuf_release(&p);
    return ret;
}

static const struct cli_option options[] = {
    {"format", required_argument, 'f', 0},         {"output", required_argument, 'o', CLI_SHORT},

    {"status", required_argument, 's', 0},         {"target", required_argument, 't', 0},
    {"source-lang", required_argument, 'S', 0},    {"target-lang", required_argument, 'T', 0},
    {"date", required_argument, 'D', 0},           {"kind", required_argument, 'k', 0},
    {"min-count", required_argument, 'm', 0},      {"source-paths", required_argument, 'P', 0},
    {"min-confidence", required_argument, 'c', 0}, {"all", no_argument, 'a', 0},
    {"quiet", no_argument, 'q', CLI_SHORT},        CLI_OPTION_END};
static const struct cli_options export_options = {synopsis, help_tail, options, usage, CLI_DB};

int cmd_export(int argc, char **argv, struct dadeum_ctx *ctx)
{
    struct cli_parser parser;
    const char *db = NULL, *output = NULL, *date_opt = NULL;
    const struct export_format *fmt = NULL;
    struct exchange_options opt = EXCHANGE_OPTIONS_INIT;
    struct cli_langs langs = CLI_LANGS_INIT;
    struct outfile out = OUTFILE_INIT;
    struct exchange_writer w;
    struct termbase *tb = NULL;
    struct dd_error err;
    struct styleguide_options so = STYLEGUIDE_OPTIONS_INIT;
    struct gate gate = {MODEL_MIN_CONFIDENCE, 0, 0, {0}, 0, NULL, 0, NULL, NULL};
    int c, rc, status = -1, ret = DADEUM_EXIT_OK, writer_open = 0, min_count_opt = 0;
    int all = 0, quiet = 0, min_given = 0;
    char date[32];

    /* never an absolute local path in a file handed around (issue #17) */
    opt.paths = so.paths = EXCHANGE_PATHS_RELATIVE;
    (void)ctx; /* no CLI_CONTEXT: NULL */
    cli_parser_init(&parser, &export_options);
    while ((c = cli_next_option(&parser, argc, argv)) > 0) {
        switch (c) {
        case 'f':
            if (!(fmt = find_format(optarg))) {
                error("unknown format '%s' (tmx, tbx, tbx3, tsv, omegat, csv, md or html)", optarg);
                ret = usage(0);
                goto cleanup;
            }
            break;
        case 'o':
            if (cli_file_option("-o", optarg)) {
                ret = usage(0);
                goto cleanup;
            }
            output = optarg;
            break;
        case 's':
            if ((status = model_status_parse(optarg)) < 0) {
                error("unknown status '%s' (candidate, approved or rejected)", optarg);
                ret = usage(0);
                goto cleanup;
            }
            break;
        case 't':
            if (cli_target_option(optarg, &opt)) {
                ret = usage(0);
                goto cleanup;
            }
            break;
        case 'S':
        case 'T':
            if (cli_langs_option(&langs, c == 'T', optarg)) {
                ret = usage(0);
                goto cleanup;
            }
            break;
        case 'D':
            date_opt = optarg;
            break;
        case 'k':
            /* a concept's kind, or the type of one of its forms (styleguide.h) */
            if (model_form_type_parse(optarg) <= MODEL_FORM_KO) {
                error("unknown kind '%s' (loanword, english, abbrev, native or shortform)", optarg);
                ret = usage(0);
                goto cleanup;
            }
            so.kind = optarg;
            break;
        case 'm':
            if (cli_parse_number("--min-count", optarg, 0, UINT32_MAX, &so.min_count)) {
                ret = usage(0);
                goto cleanup;
            }
            min_count_opt = 1;
            break;
        case 'P': {
            int p = exchange_paths_parse(optarg);
            if (p < 0) {
                error("unknown --source-paths '%s' (relative, basename or none)", optarg);
                ret = usage(0);
                goto cleanup;
            }
            opt.paths = so.paths = (enum exchange_paths)p;
            break;
        }
        case 'c':
            if (parse_confidence(optarg, &gate.min)) {
                ret = usage(0);
                goto cleanup;
            }
            min_given = 1;
            break;
        case 'a':
            all = 1;
            break;
        case 'q':
            quiet = 1;
            break;
        }
    }
    if (c < 0) {
        ret = parser.status;
        goto cleanup;
    }
    db = parser.db;
    if (optind != argc) {
        error("export takes no arguments ('%s')", argv[optind]);
        ret = usage(0);
        goto cleanup;
    }
    if (all && min_given) {
        error("--all and --min-confidence do not go together");
        ret = usage(0);
        goto cleanup;
    }
    gate.keep_rejected = status == MODEL_REJECTED;
    if (opt.target == EXCHANGE_TARGET_LOANWORD && !min_given)
        gate.min = 0; /* no English is written: only rejected concepts stay out */
    if (!fmt && output && strcmp(output, "-")) {
        const struct exchange_format *f = exchange_format_for_path(output);
        const char *dot = strrchr(output, '.');
        fmt = f ? find_format(f->name) : NULL;
        if (!fmt && dot && (!strcmp(dot, ".md") || !strcmp(dot, ".html") || !strcmp(dot, ".htm")))
            fmt = find_format(dot[1] == 'm' ? "md" : "html");
    }
    if (!fmt)
        fmt = &formats[0];
    if (fmt->ops && (so.kind || min_count_opt)) {
        error("%s selects the concepts of a style guide: use it with --format md or html",
              so.kind ? "--kind" : "--min-count");
        ret = usage(0);
        goto cleanup;
    }
    cli_langs_apply(&langs, &opt);
    if (cli_exchange_date(date_opt, date)) {
        ret = usage(0);
        goto cleanup;
    }
    opt.date = date;
    opt.tool_version = DADEUM_VERSION;
    if (cli_options_only)
        goto cleanup;

    /*
     * SQLite's sorters and ephemeral tables take and give back a few hundred
     * KiB for every concept read; with glibc's default trim threshold the
     * heap top shrinks and regrows each time (two brk calls and the page
     * faults after them: half the time of an export). Keep 64 MiB of freed
     * heap instead (glibc mallopt, malloc.h).
     */
    mallopt(M_TRIM_THRESHOLD, 64 << 20);
    if (refuse_termbase(output, db)) {
        ret = DADEUM_EXIT_USAGE;
        goto cleanup;
    }
    tb = termbase_open(db, TERMBASE_READONLY, &err);
    if (!tb) {
        ret = cli_fail(&err);
        goto cleanup;
    }
    if (cli_outfile_open(&out, output)) {
        ret = DADEUM_EXIT_OUTPUT;
        goto cleanup;
    }
    if (!fmt->ops) {
        /* a style guide: three streaming passes over the termbase */
        so.status = status;
        so.min_confidence = all ? -1 : gate.min;
        gate.so = &so;
        /* a counting pass for the report: the style guide's own passes see
         * each concept three times */
        if (!all && !quiet && termbase_foreach(tb, status, gate_write, &gate, &err)) {
            ret = cli_fail(&err);
            goto cleanup;
        }
        struct termbase_source ts = {tb, &err};
        struct model_concept_source src = {termbase_source_foreach, &ts};
        if (styleguide_write_source(
                &src, out.fp, (enum styleguide_format)styleguide_format_parse(fmt->name), &so)) {
            ret = cli_fail(&err);
            goto cleanup;
        }
        goto commit;
    }
    exchange_writer_init(&w, fmt->ops, out.fp, &opt);
    writer_open = 1;
    gate.w = &w;
    if ((rc = termbase_foreach(tb, status, all ? exchange_writer_add : gate_write,
                               all ? (void *)&w : (void *)&gate, &err)) > 0) {
        goto commit; /* the writer stopped the walk: the output failed */
    } else if (rc) {
        ret = cli_fail(&err);
        goto cleanup;
    }
    exchange_writer_finish(&w);
commit:
    if (ferror(out.fp) || outfile_commit(&out)) {
        error("cannot write '%s': %s", output && strcmp(output, "-") ? output : "standard output",
              strerror(errno ? errno : EIO));
        ret = DADEUM_EXIT_OUTPUT;
    }
cleanup:
    if (ret == DADEUM_EXIT_OK && !all && !quiet)
        gate_report(&gate);
    if (ret != DADEUM_EXIT_OK)
        outfile_abort(&out);
    cli_cleanup_on_signal(NULL);
    if (writer_open)
        exchange_writer_release(&w);
    termbase_free(tb);
    free(gate.forms);
    cli_langs_release(&langs);
    return ret;
}
