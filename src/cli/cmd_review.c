/*
 * cmd_review.c - `dadeum review`: list concepts awaiting (or past) review.
 *
 * Concepts come most frequent first, so that a reviewer's time goes where
 * the documents are. --dump writes the whole termbase as sorted TSV
 * without ids (termbase_dump), which is the same for the same content
 * whatever the ingest order: the tests compare it.
 */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "io/render.h"
#include "termbase/termbase.h"
#include "util/banned.h"

static const char synopsis[] =
    "usage: dadeum review [--db <file>] [--status (candidate | approved | rejected) | --all]\n"
    "                     [--limit <n>] [--format (text | tsv | json)] [--dump]\n";

static const char help[] =
    "\n"
    "Lists the concepts of the termbase with a given review status (candidates\n"
    "by default), most frequent first, with their ids for 'dadeum set'.\n"
    "\n"
    "  --db <file>        the termbase (default $DADEUM_DB, else ./dadeum.db)\n"
    "  --status <status>  list concepts with this status\n"
    "  --all              list every concept (not with --status)\n"
    "  -n, --limit <n>    at most n concepts (default 0: all)\n"
    "  --format <fmt>     text (default), tsv or json, as for 'dadeum lookup'\n"
    "  --dump             write the whole termbase (documents, concepts, forms,\n"
    "                     evidence) as sorted TSV without ids (only --db goes\n"
    "                     with it)\n"
    "\n"
    "exit status: 0 listed (possibly nothing), 2 usage, 3 the termbase cannot be\n"
    "read, 4 output could not be written.\n";

struct review_out {
    enum render_format fmt; /* --format */
    size_t n;               /* concepts written */
};

static int review_one(void *ctx, const struct model_concept *c)
{
    struct review_out *o = ctx;
    render_concept(stdout, o->fmt, c, o->n++);
    return ferror(stdout) ? -1 : 0;
}

static const struct cli_option options[] = {{"status", required_argument, 's', 0},
                                            {"all", no_argument, 'a', 0},
                                            {"limit", required_argument, 'n', CLI_SHORT},
                                            {"format", required_argument, 'f', 0},
                                            {"dump", no_argument, 'D', 0},
                                            CLI_OPTION_END};
static const struct cli_options review_options = {synopsis, help, options, NULL, CLI_DB};

int cmd_review(int argc, char **argv, struct dadeum_ctx *ctx)
{
    struct cli_parser parser;
    const char *db = NULL;
    enum render_format fmt = RENDER_TEXT;
    struct termbase *tb = NULL;
    struct dd_error err;
    int c, status = MODEL_CANDIDATE, dump = 0, ret = DADEUM_EXIT_OK;
    const char *listing = NULL; /* an option of the listing, for the checks below */
    int status_opt = 0, all_opt = 0;
    size_t limit = 0;

    (void)ctx; /* no CLI_CONTEXT: NULL */
    cli_parser_init(&parser, &review_options);
    while ((c = cli_next_option(&parser, argc, argv)) > 0) {
        switch (c) {
        case 's':
            status = model_status_parse(optarg);
            if (status < 0) {
                error("unknown status '%s' (candidate, approved or rejected)", optarg);
                return cli_usage(synopsis, help, 0);
            }
            status_opt = 1;
            listing = "--status";
            break;
        case 'a':
            status = -1;
            all_opt = 1;
            listing = "--all";
            break;
        case 'n':
            if (cli_parse_limit(optarg, &limit))
                return cli_usage(synopsis, help, 0);
            listing = "--limit";
            break;
        case 'f': {
            int f;
            if (cli_parse_termbase_format(optarg, &f))
                return cli_usage(synopsis, help, 0);
            fmt = (enum render_format)f;
            listing = "--format";
            break;
        }
        case 'D':
            dump = 1;
            break;
        }
    }
    if (c < 0)
        return parser.status;
    db = parser.db;
    if (optind < argc) {
        error("unexpected argument '%s'", argv[optind]);
        return cli_usage(synopsis, help, 0);
    }
    if (status_opt && all_opt) {
        error("--status and --all cannot be combined: --all lists every status");
        return cli_usage(synopsis, help, 0);
    }
    if (dump && listing) {
        /* the dump is the whole termbase as sorted TSV, which the tests compare */
        error("--dump writes the whole termbase as TSV: drop %s, or drop --dump to list concepts",
              listing);
        return cli_usage(synopsis, help, 0);
    }
    if (cli_options_only)
        return DADEUM_EXIT_OK;
    tb = termbase_open(db, 0, &err);
    if (!tb) {
        return cli_fail(&err);
    }
    if (dump) {
        if (termbase_dump(tb, stdout, &err)) {
            ret = cli_fail(&err);
            goto cleanup;
        }
    } else {
        /* a concept at a time: review --all of a large termbase stays flat */
        struct review_out out = {fmt, 0};
        render_begin(stdout, fmt);
        if (termbase_list_foreach(tb, status, limit, review_one, &out, &err) && err.code) {
            ret = cli_fail(&err);
            goto cleanup;
        }
        render_end(stdout, fmt); /* after a failed write, the check below reports it */
    }
    if (fflush(stdout) || ferror(stdout)) {
        error("cannot write to standard output: %s", strerror(errno));
        ret = DADEUM_EXIT_OUTPUT;
    }
cleanup:
    termbase_free(tb);
    return ret;
}
