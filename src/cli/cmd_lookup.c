/*
 * cmd_lookup.c - `dadeum lookup`: find a concept by any of its forms.
 *
 * With --glossary the TSV file is loaded into a private in-memory termbase
 * and searched the same way, so every lookup mode works on it too.
 */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "io/pairfile.h"
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
    "  --glossary <file>  search a TSV glossary instead (a header row, then ko and\n"
    "                     gloss columns, e.g. 'dadeum extract' output)\n"
    "\n"
    "search:\n"
    "  --exact            exact forms and particle/spacing variants only\n"
    "  --limit <n>        at most n concepts (default 10, 0 for all)\n"
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

/* Stores the TSV glossary at path in tb (io/pairfile.h); 0, or -1 with err filled in. */
static int load_tsv(struct termbase *tb, const char *path, struct dd_error *err)
{
    struct model_pair_sink sink;

    termbase_pair_sink(tb, &sink);
    return pairfile_read(path, PAIRFILE_TSV, &sink, NULL, NULL, err);
}

int cmd_lookup(int argc, char **argv)
{
    static const struct option longopts[] = {{"db", required_argument, NULL, 'd'},
                                             {"glossary", required_argument, NULL, 'g'},
                                             {"exact", no_argument, NULL, 'x'},
                                             {"limit", required_argument, NULL, 'n'},
                                             {"format", required_argument, NULL, 'f'},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    const char *db = getenv("DADEUM_DB"), *glossary = NULL;
    enum render_format fmt = RENDER_TEXT;
    struct termbase *tb = NULL;
    struct termbase_result *r = NULL;
    struct dd_error err;
    unsigned flags = 0;
    size_t limit = 10;
    int c, ret = DADEUM_EXIT_OK, db_opt = 0;

    if (!db || !*db)
        db = "dadeum.db";
    cli_options_begin();
    while ((c = getopt_long(argc, argv, ":hn:", longopts, NULL)) != -1) {
        switch (c) {
        case 'd':
            if (cli_file_option("--db", optarg))
                return cli_usage(synopsis, help, 0);
            db = optarg;
            db_opt = 1;
            break;
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
        case 'h':
            return cli_usage(synopsis, help, 1);
        default:
            cli_option_error(c, argv, longopts);
            return cli_usage(synopsis, help, 0);
        }
    }
    if (optind != argc - 1) {
        error(optind >= argc ? "no query" : "one query only (quote it if it has spaces)");
        return cli_usage(synopsis, help, 0);
    }
    if (db_opt && glossary) {
        error("--db and --glossary cannot be combined: --glossary searches a file instead");
        return cli_usage(synopsis, help, 0);
    }
    if (cli_options_only)
        return DADEUM_EXIT_OK;
    if (cli_check_stdin(glossary))
        return DADEUM_EXIT_INPUT;
    if (glossary) {
        tb = termbase_open(NULL, TERMBASE_MEMORY, &err);
        if (tb && load_tsv(tb, glossary, &err)) {
            termbase_free(tb);
            tb = NULL;
        }
    } else {
        tb = termbase_open(db, TERMBASE_READONLY, &err);
    }
    if (!tb) {
        return cli_fail(&err);
    }
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
