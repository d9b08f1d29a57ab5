/*
 * cmd_text.c - `dadeum text`: a document's text as dadeum reads it.
 *
 * Every command that reads documents (extract, ingest, check) sees them
 * through doc/reader.h: decoded, cut into lines, normalised, and for HWP
 * and the other containers, turned into one line per paragraph or table
 * row. This command prints exactly those lines, so a user can see what the
 * extractor and the aligner see, and find a position a message names.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "doc/doc.h"
#include "extract/run.h"
#include "doc/reader.h"
#include "util/outfile.h"
#include "util/strbuf.h"
#include "util/banned.h"

static const char synopsis[] =
    "usage: dadeum text [--positions] [--input-format <f>] [--encoding <name>] [--lenient]\n"
    "                   [-o <file>] <file>...\n";

static const char help[] =
    "\n"
    "Prints the text of documents as dadeum reads them: decoded, normalised and,\n"
    "for documents (web pages, HWP, HWPX, DOCX, PDF), one line per paragraph or\n"
    "table row (cells separated by a tab), in reading order. The format is\n"
    "detected from the content.\n"
    "\n"
    "input:\n"
    "  <file>...           documents to read; '-' reads standard input\n"
    "  --input-format <f>  read every file as f (text, html, hwp, hwpx, docx, pdf)\n"
    "                      instead of detecting the format from its content\n"
    "  --encoding <name>   decode text files with this iconv encoding\n"
    "  --lenient           replace undecodable bytes with U+FFFD and warn\n"
    "\n"
    "output:\n"
    "  --positions         start each line with its position and a tab: the line\n"
    "                      number of a text file, the paragraph of a document\n"
    "                      (§12), as messages name them (file.hwp:§12)\n"
    "  -o, --output <file> write to <file> (atomically, once every input was read)\n"
    "\n"
    "exit status: 0 success, 2 usage, 3 a file cannot be read, decoded or is a\n"
    "damaged or unsupported document (nothing is written to -o), 4 output could\n"
    "not be written.\n";

int cli_input_format(const char *name, unsigned *text_flags)
{
    enum doc_format f;

    if (doc_format_parse(name, &f))
        return error("unknown input format '%s' (text, html, hwp, hwpx, docx or pdf)", name);
    *text_flags = (*text_flags & ~TEXT_READER_FORMAT_MASK) | TEXT_READER_FORMAT(f);
    return 0;
}

struct text_opts {
    const char *encoding;
    unsigned text_flags;
    int positions;
};

/* Prints one file. Returns an exit status. */
static int text_file(const char *path, const struct text_opts *o, FILE *out)
{
    struct dd_error e;
    struct text_reader *r;
    struct text_line line;
    enum text_reader_status st;

    r = text_reader_open(path, o->encoding, o->text_flags, &e);
    if (r) {
        while ((st = text_reader_next(r, &line, &e)) == TEXT_READER_OK) {
            if (o->positions) {
                if (line.where)
                    fputs(line.where, out);
                else
                    fprintf(out, "%lu", line.no);
                fputc('\t', out);
            }
            fwrite(line.text, 1, line.len, out);
            fputc('\n', out);
        }
        if (st == TEXT_READER_EOF && text_reader_get_replaced(r))
            cli_warn_replaced(path, text_reader_get_replaced(r), text_reader_get_encoding(r));
        text_reader_free(r);
        if (st == TEXT_READER_EOF)
            return DADEUM_EXIT_OK;
    }
    return cli_fail(&e);
}

static const struct cli_option options[] = {{"positions", no_argument, 'p', 0},
                                            {"input-format", required_argument, 'F', 0},
                                            {"encoding", required_argument, 'e', 0},
                                            {"lenient", no_argument, 'l', 0},
                                            {"output", required_argument, 'o', CLI_SHORT},
                                            CLI_OPTION_END};
static const struct cli_options text_options = {synopsis, help, options, NULL, 0};

int cmd_text(int argc, char **argv, struct dadeum_ctx *ctx)
{
    struct cli_parser parser;
    struct text_opts o = {NULL, 0, 0};
    struct outfile out = OUTFILE_INIT;
    const char *output = NULL;
    int c, ret = DADEUM_EXIT_OK, stdin_count;

    (void)ctx; /* no CLI_CONTEXT: NULL */
    cli_parser_init(&parser, &text_options);
    while ((c = cli_next_option(&parser, argc, argv)) > 0) {
        switch (c) {
        case 'p':
            o.positions = 1;
            break;
        case 'F':
            if (cli_input_format(optarg, &o.text_flags))
                return cli_usage(synopsis, help, 0);
            break;
        case 'e':
            o.encoding = optarg;
            break;
        case 'l':
            o.text_flags |= TEXT_LENIENT;
            break;
        case 'o':
            if (cli_file_option("-o", optarg))
                return cli_usage(synopsis, help, 0);
            output = optarg;
            break;
        }
    }
    if (c < 0)
        return parser.status;
    if (cli_check_inputs(argc, argv, &stdin_count))
        return cli_usage(synopsis, help, 0);
    if (cli_check_encoding(o.encoding))
        return cli_usage(synopsis, help, 0);
    if (cli_options_only)
        return DADEUM_EXIT_OK;
    if (stdin_count && cli_check_stdin("-"))
        return DADEUM_EXIT_INPUT;
    for (int i = optind; i < argc; i++)
        if (cli_refuse_same_file(output, argv[i], "the input"))
            return DADEUM_EXIT_USAGE;
    if (cli_outfile_open(&out, output))
        return DADEUM_EXIT_OUTPUT;
    for (int i = optind; i < argc && ret == DADEUM_EXIT_OK; i++)
        ret = text_file(argv[i], &o, out.fp);
    return cli_outfile_finish(&out, output, ret);
}
