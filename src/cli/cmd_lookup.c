/*
 * cmd_lookup.c - `dadeum lookup`: find a concept by any of its forms.
 *
 * With --glossary the TSV or TBX file is loaded into a private in-memory
 * termbase (dadeum_glossary_open, as check does) and searched the same way,
 * so every lookup mode works on it too.
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
    "usage: dadeum lookup [--db <file> | --glossary <file>] [--exact] [--limit <n>]\n"
    "                     [--format (text | tsv | json)] <query>\n";

static const char help[] =
    "\n"
    "Finds concepts by any form: the Korean term (spacing and a trailing particle\n"
    "do not matter: 클라우드를, 인터넷기반 자원공유), loanword, English (any case),\n"
    "abbreviation; then by prefix, substring and, for Korean, by jamo edit\n"
    "distance (클라우디 finds 클라우드). Results are ranked in that order.\n"
    "\n"
    "source:\n"
    "  --db <file>        the termbase (default $DADEUM_DB, else ./dadeum.db)\n"
    "  --glossary <file>  search a glossary instead: TBX (by extension, read as\n"
    "                     'dadeum import' reads it), else TSV (a header row, then\n"
    "                     ko and gloss columns, e.g. 'dadeum extract' output)\n"
    "\n"
    "search:\n"
    "  --exact            exact forms and particle/spacing variants only\n"
    "  -n, --limit <n>    at most n concepts (default 10, 0 for all)\n"
    "\n"
    "output:\n"
    "  --format text      concept on one line (term ↔ loanword ↔ English ↔\n"
    "                     abbreviation), then id, status, count, an example (default)\n"
    "  --format tsv       one row per concept after a header row\n"
    "  --format json      a JSON array\n"
    "\n"
    "exit status: 0 found, 1 nothing found, 2 usage (also an empty, over-long or\n"
    "non-UTF-8 query), 3 the termbase or glossary cannot be read, 4 output could\n"
    "not be written.\n";

static const struct cli_option options[] = {{"glossary", required_argument, 'g', 0},
                                            {"exact", no_argument, 'x', 0},
                                            {"limit", required_argument, 'n', CLI_SHORT},
                                            {"format", required_argument, 'f', 0},
                                            CLI_OPTION_END};
static const struct cli_options lookup_options = {synopsis, help, options, NULL, CLI_DB};

int cmd_lookup(int argc, char **argv, struct dadeum_ctx *ctx)
{
    struct cli_parser parser;
    const char *db = NULL, *glossary = NULL;
    enum render_format fmt = RENDER_TEXT;
    struct termbase *tb = NULL;
    struct termbase_result *r = NULL;
    struct dd_error err;
    unsigned flags = 0;
    size_t limit = 10;
    int c, ret = DADEUM_EXIT_OK;

    (void)ctx; /* no CLI_CONTEXT: NULL */
    cli_parser_init(&parser, &lookup_options);
    while ((c = cli_next_option(&parser, argc, argv)) > 0) {
        switch (c) {
        case 'g':
            if (cli_file_option("--glossary", optarg))
                return cli_usage(synopsis, help, 0);
            glossary = optarg;
            break;
        case 'x':
            flags |= TERMBASE_LOOKUP_EXACT;
            break;
        case 'n':
            if (cli_parse_limit(optarg, &limit))
                return cli_usage(synopsis, help, 0);
            break;
        case 'f': {
            int f;
            if (cli_parse_termbase_format(optarg, &f))
                return cli_usage(synopsis, help, 0);
            fmt = (enum render_format)f;
            break;
        }
        }
    }
    if (c < 0)
        return parser.status;
    db = parser.db;
    if (optind != argc - 1) {
        error(optind >= argc ? "no query" : "one query only (quote it if it has spaces)");
        return cli_usage(synopsis, help, 0);
    }
    if (parser.db_given && glossary) {
        error("--db and --glossary cannot be combined: --glossary searches a file instead");
        return cli_usage(synopsis, help, 0);
    }
    if (cli_options_only)
        return DADEUM_EXIT_OK;
    tb = cli_glossary_open(db, glossary, &ret);
    if (!tb)
        return ret;
    r = termbase_lookup(tb, argv[optind], flags, limit, &err);
    if (!r) {
        ret = cli_fail(&err);
        goto cleanup;
    }
    render_concepts(termbase_result_items(r), termbase_result_count(r), stdout, fmt);
    if (fflush(stdout) || ferror(stdout)) {
        error("cannot write to standard output: %s", strerror(errno));
        ret = DADEUM_EXIT_OUTPUT;
    } else if (!termbase_result_count(r)) {
        ret = DADEUM_EXIT_NEGATIVE;
    }
cleanup:
    termbase_result_free(r);
    termbase_free(tb);
    return ret;
}
