/*
 * cmd_check.c - `dadeum check`: plain Korean in drafts, like a compiler's warnings.
 *
 * Steps: load the glossary (the termbase, or a TSV glossary through a
 * private in-memory termbase, as lookup does), check each file
 * (check/check.h), print the findings or, with --fix, write the corrected
 * document (to -o, standard output, or each file in place through a
 * temporary file and rename).
 */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "check/check.h"
#include "cli/cli.h"
#include "io/exchange.h"
#include "io/pairfile.h"
#include "termbase/termbase.h"
#include "text/reader.h"
#include "util/outfile.h"
#include "util/banned.h"

static const char synopsis[] =
    "usage: dadeum check [--db <file> | --glossary <file>] [--format (text | json)]\n"
    "                    [--encoding <name>] [--fix [-o <file> | --in-place]] <file>...\n";

static const char help[] =
    "\n"
    "Reports every loanword or English word that has a plain Korean term in the\n"
    "termbase, as file:line:column: found → suggestion. The first use may give the\n"
    "loanword in parentheses, 인터넷 기반 자원 공유(클라우드); later uses take the plain\n"
    "term alone. Particles and spacing do not matter (클라우드를, 클라우드 기반의). Also\n"
    "reported: an abbreviation used before it is defined as plain(ABBR), the\n"
    "reversed form loanword(plain), and one concept written with different plain\n"
    "terms in one document.\n"
    "\n"
    "glossary:\n"
    "  --db <file>        the termbase (default $DADEUM_DB, else ./dadeum.db)\n"
    "  --glossary <file>  a glossary instead: TBX (by extension, read as 'dadeum\n"
    "                     import' reads it), else TSV (a header row, then ko and\n"
    "                     gloss columns, e.g. 'dadeum extract' output)\n"
    "\n"
    "input:\n"
    "  <file>...          drafts to check ('-' for standard input), UTF-8, UTF-16\n"
    "                     or CP949 (detected)\n"
    "  --encoding <name>  decode every file with this encoding instead\n"
    "\n"
    "output:\n"
    "  --format text      file:line:column: found → suggestion (default)\n"
    "  --format json      a JSON array of objects (file, line, column, rule, found,\n"
    "                     suggestion, term, first_use, ref_line)\n"
    "  --fix              write the corrected document (UTF-8) to standard output;\n"
    "                     findings go to standard error\n"
    "  -o, --output <file>  with --fix: write it to <file> (one input file)\n"
    "  --in-place         with --fix: replace each file (temporary file + rename)\n"
    "\n"
    "exit status: 0 no findings (or --fix wrote every file), 1 findings, 2 usage,\n"
    "3 a file, the termbase or the glossary cannot be read or decoded (or a line\n"
    "is over 1 MiB), 4 output could not be written.\n";

struct check_opts {
    const char *db;        /* termbase path */
    const char *glossary;  /* TSV glossary, or NULL */
    const char *encoding;  /* forced input encoding, or NULL */
    const char *output;    /* --fix target, or NULL for stdout */
    enum check_format fmt; /* report format */
    int fix;               /* --fix */
    int in_place;          /* --in-place */
};

/* Stores the TSV glossary at path in tb (io/pairfile.h); 0, or -1 with err filled in. */
static int load_tsv(struct termbase *tb, const char *path, struct dd_error *err)
{
    struct model_pair_sink sink;

    termbase_pair_sink(tb, &sink);
    return pairfile_read(path, PAIRFILE_TSV, &sink, NULL, NULL, err);
}

static int merge_concept(void *m, const struct model_concept *c)
{
    struct dd_error err;
    return termbase_merge_add(m, c, &err) ? -1 : 0;
}

/* Reads a TBX glossary into the in-memory termbase tb. Returns an exit status. */
static int load_exchange(struct termbase *tb, const struct exchange_format *f, const char *path)
{
    struct dd_error err;
    struct dd_error xerr;
    struct exchange_reader rd;
    struct termbase_merge *m = termbase_merge_begin(tb, &err);

    if (!m)
        return cli_fail(&err);
    memset(&rd, 0, sizeof(rd));
    rd.concept = merge_concept;
    rd.ctx = m;
    rd.opt = (struct exchange_options)EXCHANGE_OPTIONS_INIT;
    if (f->read(path, &rd, &xerr)) {
        termbase_merge_abort(m);
        dd_error_locate(&xerr, "cannot read glossary '%s' (%s)", path, f->name);
        return cli_fail(&xerr);
    }
    if (termbase_merge_commit(m, &err))
        return cli_fail(&err);
    return DADEUM_EXIT_OK;
}

/* Loads the glossary: the termbase, or a TSV or TBX file. Returns an exit status. */
static int load_glossary(const struct check_opts *o, struct check_glossary *g)
{
    struct dd_error err;
    struct termbase *tb;
    int ret = DADEUM_EXIT_OK;

    if (cli_check_stdin(o->glossary))
        return DADEUM_EXIT_INPUT;
    if (o->glossary) {
        const struct exchange_format *f = exchange_format_for_path(o->glossary);
        tb = termbase_open(NULL, TERMBASE_MEMORY, &err);
        if (tb && f && f->read && !strcmp(f->name, "tbx")) {
            /* a TBX glossary: read it as dadeum import does */
            if ((ret = load_exchange(tb, f, o->glossary))) {
                termbase_free(tb);
                return ret;
            }
        } else if (tb && load_tsv(tb, o->glossary, &err)) {
            termbase_free(tb);
            tb = NULL;
        }
    } else {
        tb = termbase_open(o->db, TERMBASE_READONLY, &err);
    }
    if (!tb) {
        return cli_fail(&err);
    }
    if (check_glossary_add_termbase(g, tb, &err)) {
        ret = cli_fail(&err);
    } else if (!check_glossary_count(g)) {
        warning("the %s has no loanword, English or abbreviation with a plain Korean term",
                o->glossary ? "glossary" : "termbase");
    }
    termbase_free(tb);
    return ret;
}

/* Writes the corrected document of r to path (NULL: stdout). Returns an exit status. */
static int write_fixed(const struct check_result *r, const char *path)
{
    struct outfile out = OUTFILE_INIT;
    size_t len;
    const char *text = check_result_get_fixed(r, &len);
    const char *shown = path && strcmp(path, "-") ? path : "<stdout>";

    if (cli_outfile_open(&out, path)) {
        error("cannot write '%s': %s", shown, strerror(errno));
        return DADEUM_EXIT_OUTPUT;
    }
    if ((len && fwrite(text, 1, len, out.fp) != len) || outfile_commit(&out)) {
        error("cannot write '%s': %s", shown, strerror(errno));
        outfile_abort(&out);
        cli_cleanup_on_signal(NULL);
        return DADEUM_EXIT_OUTPUT;
    }
    cli_cleanup_on_signal(NULL);
    return DADEUM_EXIT_OK;
}

static int parse_options(int argc, char **argv, struct check_opts *o)
{
    static const struct option longopts[] = {{"db", required_argument, NULL, 'd'},
                                             {"glossary", required_argument, NULL, 'g'},
                                             {"format", required_argument, NULL, 'f'},
                                             {"encoding", required_argument, NULL, 'e'},
                                             {"fix", no_argument, NULL, 'x'},
                                             {"output", required_argument, NULL, 'o'},
                                             {"in-place", no_argument, NULL, 'i'},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    int c, db_opt = 0;

    cli_options_begin();
    while ((c = getopt_long(argc, argv, ":ho:", longopts, NULL)) != -1) {
        switch (c) {
        case 'd':
            if (cli_file_option("--db", optarg))
                return cli_usage(synopsis, help, 0);
            o->db = optarg;
            db_opt = 1;
            break;
        case 'g':
            if (cli_file_option("--glossary", optarg))
                return cli_usage(synopsis, help, 0);
            o->glossary = optarg;
            break;
        case 'f':
            if (!strcmp(optarg, "text"))
                o->fmt = CHECK_FORMAT_TEXT;
            else if (!strcmp(optarg, "json"))
                o->fmt = CHECK_FORMAT_JSON;
            else {
                error("unknown format '%s' (text or json)", optarg);
                return cli_usage(synopsis, help, 0);
            }
            break;
        case 'e':
            o->encoding = optarg;
            break;
        case 'x':
            o->fix = 1;
            break;
        case 'o':
            if (cli_file_option("-o", optarg))
                return cli_usage(synopsis, help, 0);
            o->output = optarg;
            break;
        case 'i':
            o->in_place = 1;
            break;
        case 'h':
            return cli_usage(synopsis, help, 1);
        default:
            cli_option_error(c, argv, longopts);
            return cli_usage(synopsis, help, 0);
        }
    }
    if (optind >= argc) {
        error("no input files (use '-' for standard input)");
        return cli_usage(synopsis, help, 0);
    }
    if ((o->output || o->in_place) && !o->fix) {
        error("%s needs --fix", o->in_place ? "--in-place" : "--output");
        return cli_usage(synopsis, help, 0);
    }
    if (o->output && o->in_place) {
        error("--output and --in-place cannot be combined");
        return cli_usage(synopsis, help, 0);
    }
    if (o->fix && !o->in_place && argc - optind > 1) {
        error("--fix writes one document; give one file, or use --in-place");
        return cli_usage(synopsis, help, 0);
    }
    for (int i = optind; i < argc; i++) {
        if (o->in_place && !strcmp(argv[i], "-")) {
            error("--in-place cannot replace standard input");
            return cli_usage(synopsis, help, 0);
        }
        for (int j = optind; j < i; j++)
            if (!strcmp(argv[i], "-") && !strcmp(argv[j], "-")) {
                error("standard input ('-') can be read only once");
                return cli_usage(synopsis, help, 0);
            }
    }
    if (db_opt && o->glossary) {
        error("--db and --glossary cannot be combined: --glossary checks against a file instead");
        return cli_usage(synopsis, help, 0);
    }
    if (cli_check_encoding(o->encoding))
        return cli_usage(synopsis, help, 0);
    if (cli_options_only)
        return DADEUM_EXIT_OK;
    /* the fixed document must replace neither the glossary nor (with -o) a draft */
    for (int i = optind; o->fix && i < argc; i++) {
        const char *out = o->in_place ? argv[i] : o->output;
        if (cli_refuse_same_file(out, o->glossary ? o->glossary : o->db,
                                 o->glossary ? "the glossary" : "the termbase") ||
            (!o->in_place && cli_refuse_same_file(out, argv[i], "the input")))
            return DADEUM_EXIT_USAGE;
    }
    return -1;
}

int cmd_check(int argc, char **argv)
{
    struct check_opts o = {getenv("DADEUM_DB"), NULL, NULL, NULL, CHECK_FORMAT_TEXT, 0, 0};
    struct check_glossary *g = NULL;
    FILE *report;
    unsigned long nwritten = 0, nfindings = 0;
    int ret, input_failed = 0;

    if (!o.db || !*o.db)
        o.db = "dadeum.db";
    if ((ret = parse_options(argc, argv, &o)) >= 0)
        return ret;
    ret = DADEUM_EXIT_OK;
    g = check_glossary_new();
    if ((ret = load_glossary(&o, g)) != DADEUM_EXIT_OK)
        goto cleanup;
    /* with --fix the document owns standard output */
    report = o.fix ? stderr : stdout;
    if (o.fmt == CHECK_FORMAT_JSON)
        fputc('[', report);
    for (int i = optind; i < argc && ret == DADEUM_EXIT_OK; i++) {
        struct dd_error err;
        struct check_result *r;
        const char *shown = strcmp(argv[i], "-") ? argv[i] : "<stdin>";

        if (cli_check_stdin(argv[i])) {
            input_failed = 1;
            continue;
        }
        r = check_file(g, argv[i], o.encoding, o.fix ? CHECK_FIX : 0, &err);
        if (!r) {
            if (cli_fail(&err) == DADEUM_EXIT_USAGE) {
                ret = DADEUM_EXIT_USAGE;
                break;
            }
            input_failed = 1;
            continue;
        }
        nfindings += check_result_count(r);
        check_result_write(r, shown, report, o.fmt, &nwritten);
        if (o.fix)
            ret = write_fixed(r, o.in_place ? argv[i] : o.output);
        check_result_free(r);
    }
    if (o.fmt == CHECK_FORMAT_JSON)
        fputs(nwritten ? "\n]\n" : "]\n", report);
    if (fflush(report) || ferror(report)) {
        error("cannot write to standard %s: %s", report == stdout ? "output" : "error",
              strerror(errno));
        if (ret == DADEUM_EXIT_OK)
            ret = DADEUM_EXIT_OUTPUT;
    }
    if (ret == DADEUM_EXIT_OK) {
        if (input_failed)
            ret = DADEUM_EXIT_INPUT;
        else if (nfindings && !o.fix)
            ret = DADEUM_EXIT_NEGATIVE;
    }
cleanup:
    check_glossary_free(g);
    return ret;
}
