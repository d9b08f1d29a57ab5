/*
 * cmd_import.c - `dadeum import`: merge TMX, TBX, TSV and CSV files into the
 * termbase.
 *
 * Each file is read by its streaming reader (io/exchange.h) straight into
 * one merge transaction (termbase_merge_begin, termbase.h): a file that
 * turns out malformed halfway is rolled back whole, and the termbase is as
 * before it. Files are imported in the order given; the first failure stops.
 */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "io/exchange.h"
#include "termbase/termbase.h"
#include "util/utf8.h"
#include "util/banned.h"

static const char synopsis[] =
    "usage: dadeum import [--db <file>] [--from <format>] [--source-lang <tag>]\n"
    "                     [--target-lang <tag>] [--verbose] <file>...\n";

static const char help[] =
    "\n"
    "Merges glossaries and translation memories into the termbase: TMX (1.1 to\n"
    "1.4b), TBX v2 (martif: tig, ntig) and v3 (tbx: termSec), OmegaT TSV and\n"
    "CSV with a header row. UTF-8 with or without BOM and UTF-16 with BOM are\n"
    "read, and TMX/TBX in the encoding they declare (EUC-KR, CP949, ...);\n"
    "language tags in any case or as ko_KR are accepted with a warning. The\n"
    "termbase keeps no tags: one other than --source-lang/--target-lang\n"
    "(en-GB) is reported. Units with no Korean side are skipped and counted.\n"
    "Concepts are matched by their Korean term; forms, status and notes that\n"
    "are already there are not added again, and a decision in the termbase\n"
    "wins over one in the file. Each file is one transaction: a malformed file\n"
    "imports nothing.\n"
    "\n"
    "options:\n"
    "  --db <file>           the termbase (default $DADEUM_DB, else ./dadeum.db;\n"
    "                        created when missing)\n"
    "  --from <format>       tmx, tbx, tsv or csv (default: from the extension,\n"
    "                        else from the content)\n"
    "  --source-lang <tag>   the Korean side's language (default ko-KR; any ko-*)\n"
    "  --target-lang <tag>   the English side's (default en-US; any en-*)\n"
    "  -v, --verbose         a line per file with what was added\n"
    "\n"
    "exit status: 0 imported, 2 usage, 3 a file is unreadable, malformed,\n"
    "refused (entities, remote DTDs) or has nothing in the source language,\n"
    "4 the termbase could not be written, 5 internal error.\n";

struct import_ctx {
    const char *path;                   /* file being imported */
    struct termbase_merge *m;           /* its transaction */
    struct termbase_error err;          /* a merge failure */
    const struct exchange_options *opt; /* the tags export writes */
    struct exchange_langs langs;        /* the file's tags for the concept (io/exchange.h) */
    int warned_lang[2];                 /* a tag of that side was said to be dropped */
};

static void on_warn(void *data, unsigned long line, unsigned long col, const char *msg)
{
    const struct import_ctx *ic = data;
    if (line)
        warning("%s:%lu:%lu: %s", ic->path, line, col, msg);
    else
        warning("%s: %s", ic->path, msg);
}

/*
 * The termbase keeps no language tags (docs/formats.md, "Common options"): a file's en-GB
 * is said once to become export's --target-lang, rather than dropped in
 * silence.
 */
static void check_lang(struct import_ctx *ic, int side, const struct strbuf *tag)
{
    const char *want = side ? ic->opt->target_lang : ic->opt->source_lang;
    if (!tag->len || ic->warned_lang[side] || !strcmp(tag->buf, want))
        return;
    ic->warned_lang[side] = 1;
    warning("%s: language tag '%s' is not kept: the termbase stores none, and export "
            "writes %s (--%s-lang)",
            ic->path, tag->buf, want, side ? "target" : "source");
}

static int on_concept(void *data, const struct termbase_concept *c)
{
    struct import_ctx *ic = data;
    check_lang(ic, 0, &ic->langs.source);
    check_lang(ic, 1, &ic->langs.target);
    return termbase_merge_add(ic->m, c, &ic->err) ? -1 : 0;
}

static int termbase_exit(const struct termbase_error *err)
{
    switch (err->code) {
    case TERMBASE_EOPEN:
    case TERMBASE_ENOTDB:
    case TERMBASE_EVERSION:
    case TERMBASE_EINPUT:
        return DADEUM_EXIT_INPUT;
    case TERMBASE_EINTERNAL:
        return DADEUM_EXIT_INTERNAL;
    default:
        return DADEUM_EXIT_OUTPUT;
    }
}

static int import_file(struct termbase *tb, const char *path, const char *from,
                       const struct exchange_options *opt, int verbose)
{
    const struct exchange_format *f = from ? exchange_format_find(from) : NULL;
    struct import_ctx ic;
    struct exchange_reader rd;
    struct exchange_error xerr;
    struct termbase_merge_stats st;
    int ret;

    memset(&ic, 0, sizeof(ic));
    ic.path = path;
    ic.opt = opt;
    if (!f && strcmp(path, "-"))
        f = exchange_format_for_path(path);
    if (!f && strcmp(path, "-"))
        f = exchange_format_sniff(path);
    if (!f) {
        if (!strcmp(path, "-"))
            error("reading standard input needs --from");
        else
            error("cannot read '%s': %s", path, errno ? strerror(errno) : "empty file");
        return strcmp(path, "-") ? DADEUM_EXIT_INPUT : DADEUM_EXIT_USAGE;
    }
    ic.m = termbase_merge_begin(tb, &ic.err);
    if (!ic.m) {
        error("%s", ic.err.message);
        return termbase_exit(&ic.err);
    }
    memset(&rd, 0, sizeof(rd));
    rd.concept = on_concept;
    rd.warn = on_warn;
    rd.ctx = &ic;
    rd.opt = *opt;
    strbuf_init(&ic.langs.source, 0);
    strbuf_init(&ic.langs.target, 0);
    rd.langs = &ic.langs;
    ret = f->read(path, &rd, &xerr);
    strbuf_release(&ic.langs.source);
    strbuf_release(&ic.langs.target);
    if (ret) {
        termbase_merge_abort(ic.m);
        if (xerr.code == EXCHANGE_ESTOPPED) {
            error("cannot import '%s': %s", path, ic.err.message);
            return termbase_exit(&ic.err);
        }
        if (xerr.line)
            error("cannot import '%s' (%s): line %lu, column %lu: %s; nothing imported from it",
                  path, f->name, xerr.line, xerr.column, xerr.message);
        else
            error("cannot import '%s' (%s): %s; nothing imported from it", path, f->name,
                  xerr.message);
        return DADEUM_EXIT_INPUT;
    }
    st = *termbase_merge_get_stats(ic.m);
    if (termbase_merge_commit(ic.m, &ic.err)) {
        error("cannot import '%s': %s", path, ic.err.message);
        return termbase_exit(&ic.err);
    }
    if (verbose) {
        utf8_write_visible(stderr, path, 0); /* a name may hold any byte */
        fprintf(stderr, ": %lu concepts, %lu new, %lu updated, %lu new forms\n", st.concepts,
                st.new_concepts, st.updated, st.new_forms);
    }
    return DADEUM_EXIT_OK;
}

int cmd_import(int argc, char **argv)
{
    static const struct option longopts[] = {{"db", required_argument, NULL, 'd'},
                                             {"from", required_argument, NULL, 'f'},
                                             {"source-lang", required_argument, NULL, 'S'},
                                             {"target-lang", required_argument, NULL, 'T'},
                                             {"verbose", no_argument, NULL, 'v'},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    const char *db = getenv("DADEUM_DB"), *from = NULL;
    struct exchange_options opt = EXCHANGE_OPTIONS_INIT;
    struct strbuf slang = STRBUF_INIT, tlang = STRBUF_INIT;
    struct termbase *tb = NULL;
    struct termbase_error err;
    int c, verbose = 0, ret = DADEUM_EXIT_OK;

    if (!db || !*db)
        db = "dadeum.db";
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "hv", longopts, NULL)) != -1) {
        switch (c) {
        case 'd':
            db = optarg;
            break;
        case 'f':
            if (!exchange_format_find(optarg) || !exchange_format_find(optarg)->read) {
                error("unknown format '%s' (tmx, tbx, tsv or csv)", optarg);
                ret = cli_usage(synopsis, help, 0);
                goto cleanup;
            }
            from = optarg;
            break;
        case 'S':
        case 'T':
            if (cli_lang_option(c == 'S' ? "--source-lang" : "--target-lang", optarg,
                            c == 'S' ? &slang : &tlang)) {
                ret = cli_usage(synopsis, help, 0);
                goto cleanup;
            }
            break;
        case 'v':
            verbose = 1;
            break;
        case 'h':
            ret = cli_usage(synopsis, help, 1);
            goto cleanup;
        default:
            error("unknown option '%s'", argv[optind - 1]);
            ret = cli_usage(synopsis, help, 0);
            goto cleanup;
        }
    }
    if (optind >= argc) {
        error("no file to import");
        ret = cli_usage(synopsis, help, 0);
        goto cleanup;
    }
    if (slang.len)
        opt.source_lang = slang.buf;
    if (tlang.len)
        opt.target_lang = tlang.buf;
    for (int i = optind; i < argc; i++)
        if (cli_check_stdin(argv[i])) {
            ret = DADEUM_EXIT_INPUT;
            goto cleanup;
        }
    tb = termbase_open(db, TERMBASE_CREATE, &err);
    if (!tb) {
        error("%s", err.message);
        ret = termbase_exit(&err);
        goto cleanup;
    }
    for (int i = optind; i < argc && ret == DADEUM_EXIT_OK; i++) {
        errno = 0;
        ret = import_file(tb, argv[i], from, &opt, verbose);
    }
cleanup:
    termbase_free(tb);
    strbuf_release(&slang);
    strbuf_release(&tlang);
    return ret;
}
