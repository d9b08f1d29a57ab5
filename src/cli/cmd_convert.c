/*
 * cmd_convert.c - `dadeum convert`: from one exchange format to another,
 * without a termbase.
 *
 * The reader hands each concept straight to the writer (io/exchange.h), so
 * a file of any size converts in constant memory. The output is written to
 * a temporary file and renamed at the end; a malformed input leaves no
 * output behind.
 */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "io/exchange.h"
#include "util/outfile.h"
#include "util/banned.h"

static const char synopsis[] =
    "usage: dadeum convert [--from <format>] [--to <format>]\n"
    "                      [--target (english | abbrev | loanword)] [--source-lang <tag>]\n"
    "                      [--target-lang <tag>] [--date <date>] <in> <out>\n";

static const char help[] =
    "\n"
    "Converts a glossary or translation memory between TMX, TBX (v2 and v3),\n"
    "TSV, OmegaT glossaries and CSV, streaming: memory does not grow with the\n"
    "file. The formats come from the extensions (.tmx, .tbx, .tbx3, .tsv/.tab,\n"
    ".txt/.utf8 for OmegaT, .csv) or\n"
    "from --from and --to; '-' is standard input or output. The output is\n"
    "written as 'dadeum export' writes it (docs/formats.md).\n"
    "\n"
    "options:\n"
    "  --from <format>       tmx, tbx, tsv, omegat or csv\n"
    "  --to <format>         tmx, tbx, tbx3, tsv, omegat or csv\n"
    "  --target <column>     target column of TMX/TSV/CSV output: english\n"
    "                        (default), abbrev or loanword (see 'export -h')\n"
    "  --source-lang <tag>   the Korean side's language (default: the input's tag,\n"
    "                        else ko-KR); any ko-* is read as Korean\n"
    "  --target-lang <tag>   the English side's (default: the input's, else en-US)\n"
    "  --date <date>         creation date written (YYYY-MM-DD, YYYYMMDDThhmmssZ or\n"
    "                        epoch seconds, 1970 to 9999; default\n"
    "                        $SOURCE_DATE_EPOCH, else now)\n"
    "\n"
    "exit status: 0 converted, 2 usage, 3 the input is unreadable, malformed or\n"
    "refused (entities, remote DTDs, a limit of the manual's Limits), or has no\n"
    "entry in the source language, 4 the output could not be written.\n";

struct convert_ctx {
    const char *path;            /* input, for warnings */
    struct exchange_writer *w;   /* output */
    const char *lang[2];         /* tags given with --source-lang/--target-lang, or NULL */
    const char *fallback[2];     /* tags written when neither option nor file gives one */
    struct exchange_langs langs; /* the input's tags for the concept (io/exchange.h) */
};

static void on_warn(void *data, unsigned long line, unsigned long col, const char *msg)
{
    const struct convert_ctx *cc = data;
    if (line)
        warning("%s:%lu:%lu: %s", cc->path, line, col, msg);
    else
        warning("%s: %s", cc->path, msg);
}

/* A tag given as an option wins; else the input's tag for this concept; else the default. */
static const char *lang_for(const struct convert_ctx *cc, int side)
{
    const struct strbuf *in = side ? &cc->langs.target : &cc->langs.source;
    if (cc->lang[side])
        return cc->lang[side];
    return in->len ? in->buf : cc->fallback[side];
}

static int on_concept(void *data, const struct model_concept *c)
{
    struct convert_ctx *cc = data;
    cc->w->opt.source_lang = lang_for(cc, 0);
    cc->w->opt.target_lang = lang_for(cc, 1);
    return exchange_writer_add(cc->w, c);
}

/* A concept the reader gives as a row, for a writer that takes one (io/exchange.h). */
static int on_row(void *data, const struct exchange_row *row)
{
    struct convert_ctx *cc = data;
    cc->w->opt.source_lang = lang_for(cc, 0);
    cc->w->opt.target_lang = lang_for(cc, 1);
    return exchange_writer_add_row(cc->w, row);
}

static const struct cli_option options[] = {{"from", required_argument, 'f', 0},
                                            {"to", required_argument, 't', 0},
                                            {"target", required_argument, 'g', 0},
                                            {"source-lang", required_argument, 'S', 0},
                                            {"target-lang", required_argument, 'T', 0},
                                            {"date", required_argument, 'D', 0},
                                            CLI_OPTION_END};
static const struct cli_options convert_options = {synopsis, help, options, NULL, 0};

int cmd_convert(int argc, char **argv, struct dadeum_ctx *ctx)
{
    struct cli_parser parser;
    const struct exchange_format *from = NULL, *to = NULL;
    const char *date_opt = NULL, *in, *outpath;
    struct exchange_options opt = EXCHANGE_OPTIONS_INIT;
    struct cli_langs langs = CLI_LANGS_INIT;
    struct outfile out = OUTFILE_INIT;
    struct exchange_writer w;
    struct exchange_reader rd;
    struct dd_error xerr;
    struct convert_ctx cc;
    int c, ret = DADEUM_EXIT_OK, writer_open = 0, langs_open = 0;
    char date[32];

    (void)ctx; /* no CLI_CONTEXT: NULL */
    cli_parser_init(&parser, &convert_options);
    while ((c = cli_next_option(&parser, argc, argv)) > 0) {
        switch (c) {
        case 'f':
        case 't': {
            const struct exchange_format *f = exchange_format_find(optarg);
            if (!f || (c == 'f' && !f->read)) {
                error("unknown format '%s' (%s)", optarg, exchange_format_names());
                ret = cli_usage(synopsis, help, 0);
                goto cleanup;
            }
            *(c == 'f' ? &from : &to) = f;
            break;
        }
        case 'g':
            if (cli_target_option(optarg, &opt)) {
                ret = cli_usage(synopsis, help, 0);
                goto cleanup;
            }
            break;
        case 'S':
        case 'T':
            if (cli_langs_option(&langs, c == 'T', optarg)) {
                ret = cli_usage(synopsis, help, 0);
                goto cleanup;
            }
            break;
        case 'D':
            date_opt = optarg;
            break;
        }
    }
    if (c < 0) {
        ret = parser.status;
        goto cleanup;
    }
    if (argc - optind != 2) {
        error(argc - optind < 2 ? "convert needs an input and an output file"
                                : "convert takes one input and one output file");
        ret = cli_usage(synopsis, help, 0);
        goto cleanup;
    }
    in = argv[optind];
    outpath = argv[optind + 1];
    if (cli_exchange_date(date_opt, date)) {
        ret = cli_usage(synopsis, help, 0);
        goto cleanup;
    }
    if (cli_options_only)
        goto cleanup;
    if (cli_check_stdin(in)) {
        ret = DADEUM_EXIT_INPUT;
        goto cleanup;
    }
    if (!from && strcmp(in, "-") && !(from = exchange_format_for_path(in)))
        from = exchange_format_sniff(in);
    if (!to && strcmp(outpath, "-"))
        to = exchange_format_for_path(outpath);
    if (!from || !to) {
        if (!from && strcmp(in, "-")) {
            error("cannot read '%s': %s", in, errno ? strerror(errno) : "empty file");
            ret = DADEUM_EXIT_INPUT;
            goto cleanup;
        }
        error("cannot tell the %s format from '%s': use %s", from ? "output" : "input",
              from ? outpath : in, from ? "--to" : "--from");
        ret = cli_usage(synopsis, help, 0);
        goto cleanup;
    }
    opt.date = date;
    opt.tool_version = DADEUM_VERSION;
    cli_langs_apply(&langs, &opt);

    if (cli_refuse_same_file(outpath, in, "the input")) {
        ret = DADEUM_EXIT_USAGE;
        goto cleanup;
    }
    if (cli_outfile_open(&out, outpath)) {
        ret = DADEUM_EXIT_OUTPUT;
        goto cleanup;
    }
    exchange_writer_init(&w, to->ops, out.fp, &opt);
    writer_open = 1;
    memset(&cc, 0, sizeof(cc));
    cc.path = in;
    cc.w = &w;
    cc.lang[0] = langs.source.len ? langs.source.buf : NULL;
    cc.lang[1] = langs.target.len ? langs.target.buf : NULL;
    cc.fallback[0] = opt.source_lang;
    cc.fallback[1] = opt.target_lang;
    strbuf_init(&cc.langs.source, 0);
    strbuf_init(&cc.langs.target, 0);
    langs_open = 1;
    memset(&rd, 0, sizeof(rd));
    rd.concept = on_concept;
    rd.row = to->ops->row ? on_row : NULL;
    rd.warn = on_warn;
    rd.ctx = &cc;
    rd.opt = opt;
    rd.langs = &cc.langs;
    rd.omit = to->ops->omit;
    if (from->read(in, &rd, &xerr) && !(xerr.detail == EXCHANGE_ESTOPPED && ferror(out.fp))) {
        dd_error_locate(&xerr, "cannot read '%s' (%s)", in, from->name);
        ret = cli_fail(&xerr);
        goto cleanup;
    }
    if (!ferror(out.fp)) /* else the write failed and stopped the read */
        exchange_writer_finish(&w);
    if (ferror(out.fp) || outfile_commit(&out)) {
        error("cannot write '%s': %s", outpath, strerror(errno ? errno : EIO));
        ret = DADEUM_EXIT_OUTPUT;
    }
cleanup:
    if (ret != DADEUM_EXIT_OK)
        outfile_abort(&out);
    cli_cleanup_on_signal(NULL);
    if (writer_open)
        exchange_writer_release(&w);
    if (langs_open) {
        strbuf_release(&cc.langs.source);
        strbuf_release(&cc.langs.target);
    }
    cli_langs_release(&langs);
    return ret;
}
