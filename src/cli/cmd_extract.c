/*
 * cmd_extract.c - `dadeum extract`: documents in, term pairs out.
 *
 * Files are processed one at a time, in the order given: read, decode,
 * normalise, scan, resolve, print, free. Memory therefore depends on the
 * largest document, not on the number of files. With -o the rows go to a
 * temporary file that replaces FILE only when every input was read.
 */
#include <assert.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "dadeum.h"
#include "extract/extract.h"
#include "extract/run.h"
#include "io/pairs.h"
#include "doc/reader.h"
#include "util/outfile.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/banned.h"

static const char synopsis[] =
    "usage: dadeum extract [--format (tsv | jsonl | features)] [-o <file>] [--encoding <name>]\n"
    "                      [--input-format <f>] [--lenient] [--explain] [--cross] [-j <n>]\n"
    "                      <file>...\n";

static const char help[] =
    "\n"
    "Finds term(gloss) and gloss(term) pairs, 이하 short forms and short titles in\n"
    "Korean documents, decides the exact Korean span of each term, classifies the\n"
    "gloss (loanword, english, abbrev, native, shortform) and prints one row per\n"
    "distinct (file, Korean term, gloss) in order of first occurrence.\n"
    "\n"
    "input:\n"
    "  <file>...           documents to read; '-' reads standard input\n"
    "  --encoding <name>   decode with this iconv encoding instead of detecting\n"
    "                      (detection: UTF-8 with or without BOM, UTF-16LE/BE with\n"
    "                      BOM, CP949/EUC-KR)\n"
    "  --input-format <f>  read every file as f (text, html, hwp, hwpx, docx, pdf)\n"
    "                      instead of detecting the format from its content\n"
    "  --lenient           replace undecodable bytes with U+FFFD and warn, rather\n"
    "                      than stop with an error\n"
    "\n"
    "output:\n"
    "  --format tsv        columns file, line, ko, gloss, kind, count, reversed, en,\n"
    "                      abbr, confidence, evidence, source, after a header row\n"
    "                      (default)\n"
    "  --format jsonl      one JSON object per pair, with the source line as context\n"
    "  --format features   the fitted model's inputs instead of pairs: columns file,\n"
    "                      line, model (edge or pair), ko, gloss, features (for\n"
    "                      tests/corpus/fit.py; see docs/extraction.md)\n"
    "  -o, --output <file> write to <file> (atomically: a temporary file is renamed\n"
    "                      over it once every input was read)\n"
    "  --explain           also list the brackets set aside, with the reason, on\n"
    "                      standard error (for a candidate the model rejected: its\n"
    "                      score and the features that weighed most)\n"
    "  -j, --jobs <n>      extract n files at once on n threads (0: one per CPU);\n"
    "                      the output is the same as with one\n"
    "  --cross             also report pairs that no bracket ties: an institution\n"
    "                      list aligned with its acronym list, and body terms\n"
    "                      aligned with the loanwords of an appendix (source\n"
    "                      column says how, with a score)\n"
    "\n"
    "exit status: 0 pairs written (possibly none), 2 usage, 3 an input could not be\n"
    "read or decoded, or has a line over 1 MiB (nothing is written to -o), 4 output\n"
    "could not be written.\n";

struct extract_opts {
    struct dadeum_extract_options lib; /* what the library needs to extract */
    enum pairs_format format;          /* output format */
    const char *output;                /* -o path or NULL for stdout */
    int features;                      /* --format features: the model's inputs, not pairs */
    FILE *out;                         /* where the rows go */
};

/* Prints what one document gave, in input order (dadeum_extract_fn). Returns an exit status. */
static int consume(void *data, const char *path, struct extract_doc *doc,
                   const struct extract_run_info *info, const struct dd_error *err)
{
    const struct extract_opts *opt = data;
    const char *shown = strcmp(path, "-") ? path : "<stdin>";
    FILE *out = opt->out;

    if (!doc)
        return cli_fail(err);
    if (info->replaced)
        cli_warn_replaced(path, info->replaced, info->encoding);
    {
        unsigned long first, unread = extract_doc_unread_groups(doc, &first);
        if (unread) {
            struct strbuf at = STRBUF_INIT;
            extract_run_where(doc, info, first, &at);
            cli_warn_unread_groups(path, at.buf, unread);
            strbuf_release(&at);
        }
        if (opt->lib.cross && (first = extract_doc_text_cut(doc)))
            warning("'%s': --cross aligned only lines 1 to %lu (its limit is %u bytes of text)",
                    shown, first - 1, EXTRACT_TEXT_MAX);
    }
    if (opt->features)
        for (size_t i = 0; i < extract_doc_feature_count(doc); i++) {
            struct extract_feature f;
            extract_doc_get_feature(doc, i, &f);
            fprintf(out, "%s\t%lu\t%s\t%s\t%s\t%s\n", path, f.line, f.model, f.ko, f.gloss,
                    f.features);
        }
    else
        for (size_t i = 0; i < extract_doc_count(doc); i++)
            pairs_write(out, opt->format, path, extract_doc_get(doc, i));
    for (size_t i = 0; i < extract_doc_reject_count(doc); i++) {
        const struct extract_reject *x = extract_doc_get_reject(doc, i);
        struct strbuf line = STRBUF_INIT;
        strbuf_addf(&line, "%s:", shown);
        extract_run_where(doc, info, x->line, &line);
        strbuf_addf(&line, ": skipped '%s(%s)': %s", x->left, x->inner, x->reason);
        utf8_write_visible(stderr, line.buf, 0); /* the name may hold any byte */
        fputc('\n', stderr);
        strbuf_release(&line);
    }
    return DADEUM_EXIT_OK;
}

static const struct cli_option options[] = {{"format", required_argument, 'f', 0},
                                            {"output", required_argument, 'o', CLI_SHORT},
                                            {"encoding", required_argument, 'e', 0},
                                            {"lenient", no_argument, 'l', 0},
                                            {"input-format", required_argument, 'F', 0},
                                            {"explain", no_argument, 'x', 0},
                                            {"cross", no_argument, 'c', 0},
                                            {"jobs", required_argument, 'j', CLI_SHORT},
                                            CLI_OPTION_END};
static const struct cli_options extract_options = {synopsis, help, options, NULL, 0};

int cmd_extract(int argc, char **argv, struct dadeum_ctx *ctx)
{
    struct cli_parser parser;
    struct extract_opts opt = {DADEUM_EXTRACT_OPTIONS_INIT, PAIRS_TSV, NULL, 0, NULL};
    struct outfile out = OUTFILE_INIT;
    int c, ret = DADEUM_EXIT_OK, stdin_count;

    cli_parser_init(&parser, &extract_options);
    while ((c = cli_next_option(&parser, argc, argv)) > 0) {
        switch (c) {
        case 'f':
            if (!strcmp(optarg, "tsv"))
                opt.format = PAIRS_TSV;
            else if (!strcmp(optarg, "jsonl") || !strcmp(optarg, "json"))
                opt.format = PAIRS_JSONL;
            else if (!strcmp(optarg, "features")) {
                opt.format = PAIRS_TSV;
                opt.features = 1;
                opt.lib.extract_flags |= EXTRACT_FEATURES;
            } else {
                error("unknown format '%s' (tsv, jsonl or features)", optarg);
                return cli_usage(synopsis, help, 0);
            }
            break;
        case 'o':
            if (cli_file_option("-o", optarg))
                return cli_usage(synopsis, help, 0);
            opt.output = optarg;
            break;
        case 'e':
            opt.lib.encoding = optarg;
            break;
        case 'l':
            opt.lib.text_flags |= TEXT_LENIENT;
            break;
        case 'F':
            if (cli_input_format(optarg, &opt.lib.text_flags))
                return cli_usage(synopsis, help, 0);
            break;
        case 'x':
            opt.lib.extract_flags |= EXTRACT_EXPLAIN;
            break;
        case 'c':
            opt.lib.cross = 1;
            opt.lib.extract_flags |= EXTRACT_KEEP_TEXT;
            break;
        case 'j': {
            unsigned long v;
            if (cli_parse_number("-j", optarg, 0, 256, &v))
                return cli_usage(synopsis, help, 0);
            if (v == 0) {
                long cpus = sysconf(_SC_NPROCESSORS_ONLN);
                v = cpus > 0 ? (unsigned long)cpus : 1;
            }
            opt.lib.jobs = (unsigned)v;
            break;
        }
        }
    }
    if (c < 0)
        return parser.status;
    if (cli_check_inputs(argc, argv, &stdin_count))
        return cli_usage(synopsis, help, 0);
    /* before the header row is written */
    if (cli_check_encoding(opt.lib.encoding))
        return cli_usage(synopsis, help, 0);
    if (cli_options_only)
        return DADEUM_EXIT_OK;
    assert(ctx); /* CLI_CONTEXT in the command table */
    if (stdin_count && cli_check_stdin("-"))
        return DADEUM_EXIT_INPUT;
    for (int i = optind; i < argc; i++)
        if (cli_refuse_same_file(opt.output, argv[i], "the input"))
            return DADEUM_EXIT_USAGE;
    if (cli_outfile_open(&out, opt.output))
        return DADEUM_EXIT_OUTPUT;
    if (opt.features)
        fputs("file\tline\tmodel\tko\tgloss\tfeatures\n", out.fp);
    else
        pairs_write_header(out.fp, opt.format);
    opt.out = out.fp;
    ret = dadeum_extract_files(ctx, (const char *const *)argv + optind, (size_t)(argc - optind),
                               &opt.lib, consume, &opt);
    return cli_outfile_finish(&out, opt.output, ret);
}
