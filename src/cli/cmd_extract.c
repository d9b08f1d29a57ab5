/*
 * cmd_extract.c - `dadeum extract`: documents in, term pairs out.
 *
 * Files are processed one at a time, in the order given: read, decode,
 * normalise, scan, resolve, print, free. Memory therefore depends on the
 * largest document, not on the number of files. With -o the rows go to a
 * temporary file that replaces FILE only when every input was read.
 */
#include <errno.h>
#include <getopt.h>
#include <string.h>

#include "align/align.h"
#include "cli/cli.h"
#include "extract/extract.h"
#include "extract/run.h"
#include "io/pairs.h"
#include "text/reader.h"
#include "util/outfile.h"
#include "util/strbuf.h"
#include "util/banned.h"

static const char synopsis[] =
    "usage: dadeum extract [--format (tsv | jsonl)] [-o <file>] [--encoding <name>]\n"
    "                      [--lenient] [--explain] [--cross] <file>...\n";

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
    "  --lenient           replace undecodable bytes with U+FFFD and warn, rather\n"
    "                      than stop with an error\n"
    "\n"
    "output:\n"
    "  --format tsv        columns file, line, ko, gloss, kind, count, reversed, en,\n"
    "                      abbr, confidence, evidence, source, after a header row\n"
    "                      (default)\n"
    "  --format jsonl      one JSON object per pair, with the source line as context\n"
    "  -o, --output <file> write to <file> (atomically: a temporary file is renamed\n"
    "                      over it once every input was read)\n"
    "  --explain           also list the brackets set aside, with the reason, on\n"
    "                      standard error\n"
    "  --cross             also report pairs that no bracket ties: an institution\n"
    "                      list aligned with its acronym list, and body terms\n"
    "                      aligned with the loanwords of an appendix (source\n"
    "                      column says how, with a score)\n"
    "\n"
    "exit status: 0 pairs written (possibly none), 2 usage, 3 an input could not be\n"
    "read or decoded (nothing is written to -o), 4 output could not be written.\n";

struct extract_opts {
    enum pairs_format format; /* output format */
    const char *output;       /* -o path or NULL for stdout */
    const char *encoding;     /* forced encoding or NULL */
    unsigned text_flags;      /* enum text_flags */
    unsigned extract_flags;   /* enum extract_flags */
    int cross;                /* --cross: whole-document alignment */
};

/* Reads one document and prints its pairs. Returns an exit status. */
static int extract_file(const char *path, const struct extract_opts *opt, FILE *out)
{
    struct extract_run_error err;
    struct extract_doc *doc;
    const char *shown = strcmp(path, "-") ? path : "<stdin>";

    doc = extract_run_file(path, opt->encoding, opt->text_flags, opt->extract_flags, &err);
    if (!doc) {
        struct strbuf msg = STRBUF_INIT;
        extract_run_strerror(&err, path, opt->encoding, &msg);
        error("%s", msg.buf);
        strbuf_release(&msg);
        return err.reader.code == TEXT_READER_EENCODING ? DADEUM_EXIT_USAGE : DADEUM_EXIT_INPUT;
    }
    if (opt->cross)
        align_cross(doc, 0);
    if (err.replaced)
        warning("'%s': replaced %llu undecodable byte sequence(s) read as %s", shown,
                (unsigned long long)err.replaced, err.encoding);
    for (size_t i = 0; i < extract_doc_count(doc); i++)
        pairs_write(out, opt->format, path, extract_doc_get(doc, i));
    for (size_t i = 0; i < extract_doc_reject_count(doc); i++) {
        const struct extract_reject *x = extract_doc_get_reject(doc, i);
        fprintf(stderr, "%s:%lu: skipped '%s(%s)': %s\n", shown, x->line, x->left, x->inner,
                x->reason);
    }
    extract_doc_free(doc);
    return DADEUM_EXIT_OK;
}

int cmd_extract(int argc, char **argv)
{
    static const struct option longopts[] = {{"format", required_argument, NULL, 'f'},
                                             {"output", required_argument, NULL, 'o'},
                                             {"encoding", required_argument, NULL, 'e'},
                                             {"lenient", no_argument, NULL, 'l'},
                                             {"explain", no_argument, NULL, 'x'},
                                             {"cross", no_argument, NULL, 'c'},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    struct extract_opts opt = {PAIRS_TSV, NULL, NULL, 0, 0, 0};
    struct outfile out = OUTFILE_INIT;
    int c, ret = DADEUM_EXIT_OK;

    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "+ho:", longopts, NULL)) != -1) {
        switch (c) {
        case 'f':
            if (!strcmp(optarg, "tsv"))
                opt.format = PAIRS_TSV;
            else if (!strcmp(optarg, "jsonl") || !strcmp(optarg, "json"))
                opt.format = PAIRS_JSONL;
            else {
                error("unknown format '%s' (tsv or jsonl)", optarg);
                return cli_usage(synopsis, help, 0);
            }
            break;
        case 'o':
            opt.output = optarg;
            break;
        case 'e':
            opt.encoding = optarg;
            break;
        case 'l':
            opt.text_flags |= TEXT_LENIENT;
            break;
        case 'x':
            opt.extract_flags |= EXTRACT_EXPLAIN;
            break;
        case 'c':
            opt.cross = 1;
            opt.extract_flags |= EXTRACT_KEEP_TEXT;
            break;
        case 'h':
            return cli_usage(synopsis, help, 1);
        default:
            error("unknown option '%s'", argv[optind - 1]);
            return cli_usage(synopsis, help, 0);
        }
    }
    if (optind >= argc) {
        error("no input files (use '-' for standard input)");
        return cli_usage(synopsis, help, 0);
    }
    if (outfile_open(&out, opt.output)) {
        error("cannot write '%s': %s", opt.output, strerror(errno));
        return DADEUM_EXIT_OUTPUT;
    }
    cli_cleanup_on_signal(outfile_get_tmp(&out));
    pairs_write_header(out.fp, opt.format);
    for (int i = optind; i < argc && ret == DADEUM_EXIT_OK; i++)
        ret = extract_file(argv[i], &opt, out.fp);
    if (ret == DADEUM_EXIT_OK && outfile_commit(&out)) {
        error("cannot write '%s': %s", opt.output ? opt.output : "<stdout>", strerror(errno));
        ret = DADEUM_EXIT_OUTPUT;
    }
    if (ret != DADEUM_EXIT_OK)
        outfile_abort(&out);
    cli_cleanup_on_signal(NULL);
    return ret;
}
