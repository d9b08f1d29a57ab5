/*
 * cmd_ingest.c - `dadeum ingest`: documents (or extract's JSON Lines) into the termbase.
 *
 * Each document goes through dadeum_ingest_file (dadeum.h): hashed, and
 * when not already stored, extracted as `dadeum extract` does and stored in
 * one transaction. A document that cannot be read is reported and skipped;
 * the exit status says so at the end.
 */
#include <assert.h>
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "dadeum.h"
#include "align/translit.h"
#include "extract/run.h"
#include "io/pairfile.h"
#include "parallel/parallel.h"
#include "termbase/termbase.h"
#include "util/strbuf.h"
#include "util/banned.h"

static const char synopsis[] =
    "usage: dadeum ingest [--db <file>] [--encoding <name>] [--input-format <f>] [--lenient]\n"
    "                     [--quiet] (<file>... | --parallel (<ko> <en>)... |\n"
    "                     --from-jsonl <file>)\n";

static const char help[] =
    "\n"
    "Extracts term pairs from documents and stores them in the termbase, one\n"
    "transaction per document. A document already stored with the same content\n"
    "is skipped; a changed one has its old evidence replaced. Review decisions\n"
    "(dadeum set) are kept. Documents are stored by their names relative to the\n"
    "working directory, never by absolute paths.\n"
    "\n"
    "termbase:\n"
    "  --db <file>          the termbase (default $DADEUM_DB, else ./dadeum.db);\n"
    "                       created when missing\n"
    "\n"
    "input:\n"
    "  <file>...            documents, as for 'dadeum extract'\n"
    "  --encoding <name>    decode with this iconv encoding instead of detecting\n"
    "  --input-format <f>   read every file as f (text, html, hwp, hwpx, docx, pdf)\n"
    "                       instead of detecting the format from its content\n"
    "  --lenient            replace undecodable bytes with U+FFFD and warn\n"
    "                       (neither goes with --from-jsonl)\n"
    "  --parallel           the files are pairs: a Korean document, then its\n"
    "                       English version; each pair is aligned as 'dadeum\n"
    "                       align' does, and a term whose English the aligned\n"
    "                       English holds (or, for a loanword with no English or\n"
    "                       a transliteration guess, renders) is stored with it\n"
    "                       and the source 'parallel'\n"
    "  --from-jsonl <file>  store 'dadeum extract --format jsonl' output instead\n"
    "                       ('-' reads standard input); records of one file must\n"
    "                       be consecutive\n"
    "  -q, --quiet          no progress line (shown only when stderr is a terminal)\n"
    "\n"
    "exit status: 0 every document stored, 2 usage, 3 an input or the termbase\n"
    "could not be read (other documents are still stored), 4 the termbase could\n"
    "not be written.\n";

struct progress {
    int on;                /* show progress */
    struct timespec start; /* when ingest began */
    unsigned long files;   /* documents done */
    unsigned long total;   /* documents given */
    unsigned long pairs;   /* pairs stored */
    double bytes;          /* input bytes read */
};

static double elapsed(const struct progress *p)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - p->start.tv_sec) + (now.tv_nsec - p->start.tv_nsec) / 1e9;
}

static void progress_show(const struct progress *p)
{
    double t = elapsed(p);
    if (!p->on)
        return;
    if (p->total)
        fprintf(stderr, "\ringest: %lu/%lu files", p->files, p->total);
    else
        fprintf(stderr, "\ringest: %lu files", p->files);
    fprintf(stderr, ", %.1f MB/s, %lu pairs ", t > 0 ? p->bytes / 1e6 / t : 0.0, p->pairs);
    fflush(stderr);
}

static void on_jsonl_progress(void *ctx, const struct pairfile_progress *tp)
{
    struct progress *p = ctx;
    p->files = tp->docs;
    p->pairs = tp->pairs;
    p->bytes = (double)tp->bytes;
    progress_show(p);
}

/* With --parallel: what aligns each Korean document with its English version. */
struct parallel {
    struct translit *translit; /* loanwords as anchors, and proposals */
    struct par_lexicon *lexicon;
};

/*
 * Stores one document (dadeum_ingest_file), or with par a Korean document
 * and its English version en (dadeum_ingest_parallel), and reports it.
 * Returns an exit status.
 */
static int ingest_file(const struct dadeum_ctx *ctx, struct termbase *tb, const char *path,
                       const char *en, const struct parallel *par, const char *encoding,
                       unsigned text_flags, struct progress *p)
{
    struct dadeum_ingest_result res;
    struct dd_error err;
    enum dadeum_ingest_status st;

    if (par)
        st = dadeum_ingest_parallel(ctx, tb, path, en, encoding, text_flags, par->lexicon,
                                    par->translit, &res, &err);
    else
        st = dadeum_ingest_file(ctx, tb, path, encoding, text_flags, &res, &err);
    p->bytes += (double)res.bytes;
    switch (st) {
    case DADEUM_INGEST_EHASH:
    case DADEUM_INGEST_ECHECK:
    case DADEUM_INGEST_EREAD:
        return cli_fail(&err);
    case DADEUM_INGEST_CURRENT:
        return DADEUM_EXIT_OK;
    case DADEUM_INGEST_STORED:
    case DADEUM_INGEST_ESTORE:
        break;
    }
    if (res.read.replaced)
        cli_warn_replaced(path, res.read.replaced, res.read.encoding);
    if (res.en_replaced)
        cli_warn_replaced(en, res.en_replaced, res.en_encoding);
    if (res.unread_groups) {
        struct strbuf at = STRBUF_INIT;
        extract_run_position(&res.read, res.first_unread, &at);
        cli_warn_unread_groups(path, at.buf, res.unread_groups);
        strbuf_release(&at);
    }
    if (st == DADEUM_INGEST_ESTORE)
        return cli_fail(&err);
    p->pairs += res.pairs;
    return DADEUM_EXIT_OK;
}

static const struct cli_option options[] = {{"encoding", required_argument, 'e', 0},
                                            {"lenient", no_argument, 'l', 0},
                                            {"input-format", required_argument, 'F', 0},
                                            {"from-jsonl", required_argument, 'j', 0},
                                            {"quiet", no_argument, 'q', CLI_SHORT},
                                            {"parallel", no_argument, 'p', 0},
                                            CLI_OPTION_END};
static const struct cli_options ingest_options = {synopsis, help, options, NULL, CLI_DB};

int cmd_ingest(int argc, char **argv, struct dadeum_ctx *ctx)
{
    struct cli_parser parser;
    const char *db = NULL, *encoding = NULL, *jsonl = NULL;
    struct termbase *tb = NULL;
    struct dd_error err;
    struct progress p;
    unsigned text_flags = 0;
    struct parallel par = {NULL, NULL};
    int c, quiet = 0, parallel = 0, ret = DADEUM_EXIT_OK;

    memset(&p, 0, sizeof(p));
    cli_parser_init(&parser, &ingest_options);
    while ((c = cli_next_option(&parser, argc, argv)) > 0) {
        switch (c) {
        case 'e':
            encoding = optarg;
            break;
        case 'l':
            text_flags |= TEXT_LENIENT;
            break;
        case 'F':
            if (cli_input_format(optarg, &text_flags))
                return cli_usage(synopsis, help, 0);
            break;
        case 'j':
            if (cli_file_option("--from-jsonl", optarg))
                return cli_usage(synopsis, help, 0);
            jsonl = optarg;
            break;
        case 'q':
            quiet = 1;
            break;
        case 'p':
            parallel = 1;
            break;
        }
    }
    if (c < 0)
        return parser.status;
    db = parser.db;
    if (!jsonl && optind >= argc) {
        error("no input files");
        return cli_usage(synopsis, help, 0);
    }
    if (jsonl && optind < argc) {
        error("--from-jsonl takes no other input files");
        return cli_usage(synopsis, help, 0);
    }
    if (jsonl && parallel) {
        error("--parallel reads documents; --from-jsonl reads extracted pairs");
        return cli_usage(synopsis, help, 0);
    }
    if (parallel && (argc - optind) % 2) {
        error("--parallel takes pairs of files (Korean, then English): %d given", argc - optind);
        return cli_usage(synopsis, help, 0);
    }
    for (int i = optind; i < argc; i++)
        if (!strcmp(argv[i], "-")) {
            error("ingest needs document paths; for standard input use "
                  "'dadeum extract --format jsonl - | dadeum ingest --from-jsonl -'");
            return cli_usage(synopsis, help, 0);
        }
    if (jsonl && (encoding || (text_flags & TEXT_LENIENT))) {
        error("%s applies to documents; --from-jsonl reads UTF-8 JSON Lines",
              encoding ? "--encoding" : "--lenient");
        return cli_usage(synopsis, help, 0);
    }
    /* before the termbase is created */
    if (cli_check_encoding(encoding))
        return cli_usage(synopsis, help, 0);
    if (cli_options_only)
        return DADEUM_EXIT_OK;
    assert(ctx); /* CLI_CONTEXT in the command table */
    if (cli_check_stdin(jsonl))
        return DADEUM_EXIT_INPUT;
    tb = termbase_open(db, TERMBASE_CREATE, &err);
    if (!tb) {
        return cli_fail(&err);
    }
    p.on = !quiet && isatty(STDERR_FILENO);
    clock_gettime(CLOCK_MONOTONIC, &p.start);
    if (jsonl) {
        struct model_pair_sink sink;

        termbase_pair_sink(tb, &sink);
        if (pairfile_read(jsonl, PAIRFILE_JSONL, &sink, on_jsonl_progress, &p, &err)) {
            if (p.on)
                fputc('\n', stderr);
            ret = cli_fail(&err);
            goto cleanup;
        }
    } else {
        int step = parallel ? 2 : 1;

        if (parallel) {
            /* as dadeum align reads them without --db */
            par.translit = translit_new(0, NULL);
            par.lexicon = par_lexicon_new();
            par_lexicon_set_translit(par.lexicon, par.translit);
        }
        p.total = (unsigned long)(argc - optind) / (unsigned long)step;
        for (int i = optind; i < argc; i += step) {
            int r = ingest_file(ctx, tb, argv[i], parallel ? argv[i + 1] : NULL,
                                parallel ? &par : NULL, encoding, text_flags, &p);
            p.files++;
            progress_show(&p);
            if (r == DADEUM_EXIT_OUTPUT || r == DADEUM_EXIT_INTERNAL || r == DADEUM_EXIT_USAGE) {
                ret = r; /* the termbase itself failed: stop */
                break;
            }
            if (r != DADEUM_EXIT_OK)
                ret = r;
        }
    }
    if (p.on)
        fputc('\n', stderr);
cleanup:
    par_lexicon_free(par.lexicon);
    translit_free(par.translit);
    termbase_free(tb);
    return ret;
}
