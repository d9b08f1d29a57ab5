/*
 * cmd_import.c - `dadeum import`: merge TMX, TBX, TSV and CSV files into the
 * termbase.
 *
 * Each file is read twice by its streaming reader (io/exchange.h): first
 * only to check it, holding no lock, so that a file malformed halfway
 * imports nothing; then into a merge (termbase_merge_begin, termbase.h),
 * which commits in short batches so that other writers (dadeum set, an
 * ingest) get in between. Standard input and other inputs that cannot be
 * read twice (pipes) are first copied to a temporary file; a slow pipe
 * thus holds no lock either. Files are imported in the order given; the
 * first failure stops.
 */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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
    "wins over one in the file. Each file is read through before anything is\n"
    "stored, so a malformed file imports nothing; it is then stored in short\n"
    "transactions, so other writers are not locked out while it is read or\n"
    "stored.\n"
    "\n"
    "options:\n"
    "  --db <file>           the termbase (default $DADEUM_DB, else ./dadeum.db;\n"
    "                        created when missing)\n"
    "  --from <format>       tmx, tbx, tsv, omegat or csv (default: from the\n"
    "                        extension, else from the content)\n"
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
    struct dd_error err;                /* a merge failure */
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

static int on_concept(void *data, const struct model_concept *c)
{
    struct import_ctx *ic = data;
    check_lang(ic, 0, &ic->langs.source);
    check_lang(ic, 1, &ic->langs.target);
    return termbase_merge_add(ic->m, c, &ic->err) ? -1 : 0;
}

/* The checking pass: concepts are read and dropped. */
static int on_concept_check(void *data, const struct model_concept *c)
{
    (void)data;
    (void)c;
    return 0;
}

/*
 * Copies path ("-": standard input) to a new temporary file named in tmp,
 * so that it can be read twice. Returns 0, or -1 after an error message.
 */
static int spool(const char *path, struct strbuf *tmp)
{
    const char *dir = getenv("TMPDIR");
    char buf[65536];
    FILE *in = strcmp(path, "-") ? fopen(path, "rb") : stdin, *out = NULL;
    size_t n;
    int fd, ret = -1;

    if (!in)
        return error("cannot read '%s': %s", path, strerror(errno));
    strbuf_addf(tmp, "%s/dadeum-import.XXXXXX", dir && *dir ? dir : "/tmp");
    cli_cleanup_on_signal(NULL);
    fd = mkstemp(tmp->buf);
    if (fd < 0 || !(out = fdopen(fd, "wb"))) {
        error("cannot copy '%s' to a temporary file: %s", path, strerror(errno));
        if (fd >= 0)
            close(fd);
        goto cleanup;
    }
    cli_cleanup_on_signal(tmp->buf);
    while ((n = fread(buf, 1, sizeof(buf), in)) > 0)
        if (fwrite(buf, 1, n, out) != n)
            break;
    if (ferror(in))
        error("cannot read '%s': %s", path, strerror(errno));
    else if (ferror(out) | fclose(out))
        error("cannot copy '%s' to '%s': %s", path, tmp->buf, strerror(errno));
    else
        ret = 0;
    out = NULL;
cleanup:
    if (out)
        fclose(out);
    if (in != stdin)
        fclose(in);
    return ret;
}

static int import_file(struct termbase *tb, const char *path, const char *from,
                       const struct exchange_options *opt, int verbose)
{
    const struct exchange_format *f = from ? exchange_format_find(from) : NULL;
    struct import_ctx ic;
    struct exchange_reader rd;
    struct dd_error xerr;
    struct termbase_merge_stats st;
    struct strbuf tmp = STRBUF_INIT;
    const char *input = path; /* what the readers read: path or its copy */
    struct stat sb;
    int ret = DADEUM_EXIT_OK;

    memset(&ic, 0, sizeof(ic));
    ic.path = path;
    ic.opt = opt;
    strbuf_init(&ic.langs.source, 0);
    strbuf_init(&ic.langs.target, 0);
    if (!f && strcmp(path, "-"))
        f = exchange_format_for_path(path);
    if (!f && !strcmp(path, "-")) {
        error("reading standard input needs --from");
        ret = DADEUM_EXIT_USAGE;
        goto cleanup;
    }
    if (!strcmp(path, "-") || (!stat(path, &sb) && !S_ISREG(sb.st_mode) && !S_ISDIR(sb.st_mode))) {
        if (spool(path, &tmp)) {
            ret = DADEUM_EXIT_INPUT;
            goto cleanup;
        }
        input = tmp.buf;
    }
    if (!f)
        f = exchange_format_sniff(input);
    if (!f) {
        error("cannot read '%s': %s", path, errno ? strerror(errno) : "empty file");
        ret = DADEUM_EXIT_INPUT;
        goto cleanup;
    }
    memset(&rd, 0, sizeof(rd));
    rd.concept = on_concept_check;
    rd.warn = on_warn;
    rd.ctx = &ic;
    rd.opt = *opt;
    rd.langs = &ic.langs; /* the file's tags, for check_lang in the merging pass */
    if (f->read(input, &rd, &xerr)) {
        dd_error_locate(&xerr, "cannot import '%s' (%s)", path, f->name);
        dd_error_suffix(&xerr, "; nothing imported from it");
        ret = cli_fail(&xerr);
        goto cleanup;
    }
    ic.m = termbase_merge_begin(tb, &ic.err);
    if (!ic.m) {
        ret = cli_fail(&ic.err);
        goto cleanup;
    }
    rd.concept = on_concept;
    rd.warn = NULL; /* given by the first pass */
    if (f->read(input, &rd, &xerr)) {
        st = *termbase_merge_get_stats(ic.m);
        termbase_merge_abort(ic.m);
        if (xerr.detail == EXCHANGE_ESTOPPED) {
            dd_error_prefix(&ic.err, "cannot import '%s': ", path);
            ret = cli_fail(&ic.err);
        } else {
            dd_error_prefix(
                &xerr, "cannot import '%s' (%s): it changed while being imported: ", path, f->name);
            ret = cli_fail(&xerr);
        }
        if (st.committed)
            fprintf(stderr,
                    "%s: its first %lu concepts were imported; importing it again "
                    "completes it\n",
                    path, st.committed);
        goto cleanup;
    }
    st = *termbase_merge_get_stats(ic.m);
    if (termbase_merge_commit(ic.m, &ic.err)) {
        dd_error_prefix(&ic.err, "cannot import '%s': ", path);
        ret = cli_fail(&ic.err);
        goto cleanup;
    }
    if (verbose) {
        utf8_write_visible(stderr, path, 0); /* a name may hold any byte */
        fprintf(stderr, ": %lu concepts, %lu new, %lu updated, %lu new forms\n", st.concepts,
                st.new_concepts, st.updated, st.new_forms);
    }
cleanup:
    if (tmp.len) {
        unlink(tmp.buf);
        cli_cleanup_on_signal(NULL);
    }
    strbuf_release(&tmp);
    strbuf_release(&ic.langs.source);
    strbuf_release(&ic.langs.target);
    return ret;
}

static const struct cli_option options[] = {{"from", required_argument, 'f', 0},
                                            {"source-lang", required_argument, 'S', 0},
                                            {"target-lang", required_argument, 'T', 0},
                                            {"verbose", no_argument, 'v', CLI_SHORT},
                                            CLI_OPTION_END};
static const struct cli_options import_options = {synopsis, help, options, NULL, CLI_DB};

int cmd_import(int argc, char **argv, struct dadeum_ctx *ctx)
{
    struct cli_parser parser;
    const char *db = NULL, *from = NULL;
    struct exchange_options opt = EXCHANGE_OPTIONS_INIT;
    struct cli_langs langs = CLI_LANGS_INIT;
    struct termbase *tb = NULL;
    struct dd_error err;
    int c, verbose = 0, ret = DADEUM_EXIT_OK;

    (void)ctx; /* no CLI_CONTEXT: NULL */
    cli_parser_init(&parser, &import_options);
    while ((c = cli_next_option(&parser, argc, argv)) > 0) {
        switch (c) {
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
            if (cli_langs_option(&langs, c == 'T', optarg)) {
                ret = cli_usage(synopsis, help, 0);
                goto cleanup;
            }
            break;
        case 'v':
            verbose = 1;
            break;
        }
    }
    if (c < 0) {
        ret = parser.status;
        goto cleanup;
    }
    db = parser.db;
    if (optind >= argc) {
        error("no file to import");
        ret = cli_usage(synopsis, help, 0);
        goto cleanup;
    }
    cli_langs_apply(&langs, &opt);
    if (cli_options_only)
        goto cleanup;
    for (int i = optind; i < argc; i++)
        if (cli_check_stdin(argv[i])) {
            ret = DADEUM_EXIT_INPUT;
            goto cleanup;
        }
    tb = termbase_open(db, TERMBASE_CREATE, &err);
    if (!tb) {
        ret = cli_fail(&err);
        goto cleanup;
    }
    for (int i = optind; i < argc && ret == DADEUM_EXIT_OK; i++) {
        errno = 0;
        ret = import_file(tb, argv[i], from, &opt, verbose);
    }
cleanup:
    termbase_free(tb);
    cli_langs_release(&langs);
    return ret;
}
