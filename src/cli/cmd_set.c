/*
 * cmd_set.c - `dadeum set`: record a review decision on one concept.
 *
 * Status, note and hand-added forms belong to the concept, not to any
 * document, so later ingests keep them (termbase_edit).
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
    "usage: dadeum set [--db <file>] <id> [--status (approved | rejected | candidate)]\n"
    "                  [--en <text>] [--abbr <text>] [--note <text>]\n";

static const char help[] =
    "\n"
    "Records a review decision on the concept <id> (from 'dadeum review' or\n"
    "'dadeum lookup') and prints the concept. Decisions survive later ingests.\n"
    "\n"
    "  --db <file>        the termbase (default $DADEUM_DB, else ./dadeum.db)\n"
    "  --status <status>  approved, rejected or candidate\n"
    "  --en <text>        add an English form\n"
    "  --abbr <text>      add an abbreviation\n"
    "  --note <text>      set the note ('' removes it)\n"
    "\n"
    "exit status: 0 done (also when the concept cannot be printed afterwards: a\n"
    "warning says so), 1 no concept with that id, 2 usage, 3 the termbase cannot\n"
    "be read, 4 it cannot be written (nothing was changed).\n";

static const struct cli_option options[] = {{"status", required_argument, 's', 0},
                                            {"en", required_argument, 'e', 0},
                                            {"abbr", required_argument, 'a', 0},
                                            {"note", required_argument, 'n', 0},
                                            CLI_OPTION_END};
static const struct cli_options set_options = {synopsis, help, options, NULL, CLI_DB};

int cmd_set(int argc, char **argv, struct dadeum_ctx *ctx)
{
    struct cli_parser parser;
    const char *db = NULL;
    struct termbase_edit e = {-1, NULL, NULL, NULL};
    struct termbase *tb = NULL;
    struct termbase_result *r = NULL;
    struct dd_error err;
    long long id;
    char *end;
    int c, ret = DADEUM_EXIT_OK;

    (void)ctx; /* no CLI_CONTEXT: NULL */
    cli_parser_init(&parser, &set_options);
    while ((c = cli_next_option(&parser, argc, argv)) > 0) {
        switch (c) {
        case 's':
            e.status = model_status_parse(optarg);
            if (e.status < 0) {
                error("unknown status '%s' (approved, rejected or candidate)", optarg);
                return cli_usage(synopsis, help, 0);
            }
            break;
        case 'e':
        case 'a':
            if (!*optarg) {
                error("%s needs a text to add, not an empty string", c == 'e' ? "--en" : "--abbr");
                return cli_usage(synopsis, help, 0);
            }
            *(c == 'e' ? &e.en : &e.abbr) = optarg;
            break;
        case 'n':
            e.note = optarg;
            break;
        }
    }
    if (c < 0)
        return parser.status;
    db = parser.db;
    if (optind != argc - 1) {
        error(optind >= argc ? "no concept id" : "one concept id only");
        return cli_usage(synopsis, help, 0);
    }
    errno = 0;
    id = strtoll(argv[optind], &end, 10);
    if (errno || *end || !*argv[optind] || id <= 0) {
        error("'%s' is not a concept id", argv[optind]);
        return cli_usage(synopsis, help, 0);
    }
    if (e.status < 0 && !e.en && !e.abbr && !e.note) {
        error("nothing to set (--status, --en, --abbr or --note)");
        return cli_usage(synopsis, help, 0);
    }
    if (cli_options_only)
        return DADEUM_EXIT_OK;
    tb = termbase_open(db, 0, &err);
    if (!tb) {
        return cli_fail(&err);
    }
    if (termbase_edit(tb, id, &e, &err)) {
        ret = cli_fail(&err);
        goto cleanup;
    }
    r = termbase_get(tb, id, &err);
    if (r)
        render_concepts(termbase_result_items(r), termbase_result_count(r), stdout, RENDER_TEXT);
    /*
     * The decision is committed: a lost printout of it is no reason for a
     * script to think it failed (exit 4 says the termbase was not written).
     */
    if (cli_close_stdout())
        warning("#%lld is set, but it could not be printed: cannot write to standard output: %s",
                id, strerror(errno));
cleanup:
    termbase_result_free(r);
    termbase_free(tb);
    return ret;
}
