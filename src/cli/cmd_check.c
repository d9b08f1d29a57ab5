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
#include <sys/stat.h>

#include "check/check.h"
#include "cli/cli.h"
#include "io/exchange.h"
#include "termbase/termbase.h"
#include "doc/reader.h"
#include "util/outfile.h"
#include "util/banned.h"

static const char synopsis[] =
    "usage: dadeum check [--db <file> | --glossary <file>] [--format (text | json)]\n"
    "                    [--encoding <name>] [--input-format <f>] [--fix [-o <file> | "
    "--in-place]]\n"
    "                    <file>...\n";

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
    "  --input-format <f> read every file as f (text, html, hwp, hwpx, docx, pdf)\n"
    "                     instead of detecting it; findings in a document are\n"
    "                     named by paragraph (file.hwp:§12:3), and --fix\n"
    "                     rewrites text files only\n"
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
    unsigned text_flags;   /* --input-format, as TEXT_READER_FORMAT */
};

/*
 * Opens the glossary (the termbase, or a TSV or TBX file read into a
 * private one) into *tb, from which g draws each text's concepts. Returns
 * an exit status.
 */
static int load_glossary(const struct check_opts *o, struct check_glossary *g, struct termbase **tb)
{
    struct dd_error err;
    int ret = DADEUM_EXIT_OK, any;

    *tb = cli_glossary_open(o->db, o->glossary, &ret);
    if (!*tb)
        return ret;
    check_glossary_use_termbase(g, *tb);
    if ((any = termbase_has_foreign_forms(*tb, &err)) < 0)
        return cli_fail(&err);
    if (!any)
        warning("the %s has no loanword, English or abbreviation with a plain Korean term",
                o->glossary ? "glossary" : "termbase");
    return ret;
}

/*
 * A document (HWP and the other containers of doc/doc.h) is read through
 * the text reader, its paragraphs checked as lines of one text; text files
 * go to check_file, which keeps their line ends for --fix. Only a regular
 * file is looked at first (a pipe cannot be read twice), unless
 * --input-format names a container. Returns 0 when path is not a document,
 * 1 with *out set when it was checked, -1 after an error message.
 */
static int check_document(struct check_glossary *g, const char *path, const struct check_opts *o,
                          struct check_result **out)
{
    unsigned forced = (o->text_flags & TEXT_READER_FORMAT_MASK) >> 8;
    struct dd_error e;
    struct text_reader *r;
    struct text_line line;
    struct strbuf text = STRBUF_INIT;
    enum text_reader_status st;
    struct stat sb;

    if (forced == DOC_TEXT + 1 || forced == DOC_HTML + 1)
        return 0;
    if (!forced && (!strcmp(path, "-") || stat(path, &sb) || !S_ISREG(sb.st_mode)))
        return 0;
    r = text_reader_open(path, o->encoding, o->text_flags, &e);
    /* a web page is checked as the text it is, so that --fix can rewrite it */
    if (r && (text_reader_get_format(r) == DOC_TEXT || text_reader_get_format(r) == DOC_HTML)) {
        text_reader_free(r);
        return 0;
    }
    if (r && o->fix) {
        error("--fix cannot rewrite '%s', a %s document: check it without --fix", path,
              doc_format_name(text_reader_get_format(r)));
        text_reader_free(r);
        return -1;
    }
    while (r && (st = text_reader_next(r, &line, &e)) == TEXT_READER_OK) {
        strbuf_add(&text, line.text, line.len);
        strbuf_addch(&text, '\n');
    }
    if (!r || st != TEXT_READER_EOF) {
        cli_fail(&e);
        text_reader_free(r);
        strbuf_release(&text);
        return -1;
    }
    text_reader_free(r);
    if (check_glossary_prepare(g, text.buf ? text.buf : "", text.len, &e)) {
        cli_fail(&e);
        strbuf_release(&text);
        return -1;
    }
    *out = check_text(g, text.buf ? text.buf : "", text.len, 0);
    check_result_name_paragraphs(*out);
    strbuf_release(&text);
    return 1;
}

/* Writes the corrected document of r to path (NULL: stdout). Returns an exit status. */
static int write_fixed(const struct check_result *r, const char *path)
{
    struct outfile out = OUTFILE_INIT;
    size_t len;
    const char *text = check_result_get_fixed(r, &len);
    const char *shown = path && strcmp(path, "-") ? path : "<stdout>";

    if (cli_outfile_open(&out, path))
        return DADEUM_EXIT_OUTPUT;
    if ((len && fwrite(text, 1, len, out.fp) != len) || outfile_commit(&out)) {
        error("cannot write '%s': %s", shown, strerror(errno));
        outfile_abort(&out);
        cli_cleanup_on_signal(NULL);
        return DADEUM_EXIT_OUTPUT;
    }
    cli_cleanup_on_signal(NULL);
    return DADEUM_EXIT_OK;
}

static const struct cli_option options[] = {{"glossary", required_argument, 'g', 0},
                                            {"format", required_argument, 'f', 0},
                                            {"encoding", required_argument, 'e', 0},
                                            {"input-format", required_argument, 'F', 0},
                                            {"fix", no_argument, 'x', 0},
                                            {"output", required_argument, 'o', CLI_SHORT},
                                            {"in-place", no_argument, 'i', 0},
                                            CLI_OPTION_END};
static const struct cli_options check_options = {synopsis, help, options, NULL, CLI_DB};

static int parse_options(int argc, char **argv, struct check_opts *o)
{
    struct cli_parser parser;
    int c;

    cli_parser_init(&parser, &check_options);
    while ((c = cli_next_option(&parser, argc, argv)) > 0) {
        switch (c) {
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
        case 'F':
            if (cli_input_format(optarg, &o->text_flags))
                return cli_usage(synopsis, help, 0);
            break;
        case 'o':
            if (cli_file_option("-o", optarg))
                return cli_usage(synopsis, help, 0);
            o->output = optarg;
            break;
        case 'i':
            o->in_place = 1;
            break;
        }
    }
    if (c < 0)
        return parser.status;
    o->db = parser.db;
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
    if (parser.db_given && o->glossary) {
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

int cmd_check(int argc, char **argv, struct dadeum_ctx *ctx)
{
    struct check_opts o = {NULL, NULL, NULL, NULL, CHECK_FORMAT_TEXT, 0, 0, 0};
    struct check_glossary *g = NULL;
    struct termbase *tb = NULL;
    FILE *report;
    unsigned long nwritten = 0, nfindings = 0;
    int ret, input_failed = 0;

    (void)ctx; /* no CLI_CONTEXT: NULL */
    if ((ret = parse_options(argc, argv, &o)) >= 0)
        return ret;
    ret = DADEUM_EXIT_OK;
    g = check_glossary_new();
    if ((ret = load_glossary(&o, g, &tb)) != DADEUM_EXIT_OK)
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
        switch (check_document(g, argv[i], &o, &r)) {
        case -1:
            input_failed = 1;
            continue;
        case 0:
            r = check_file(g, argv[i], o.encoding, o.fix ? CHECK_FIX : 0, &err);
            break;
        default:
            break;
        }
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
    termbase_free(tb);
    return ret;
}
