/*
 * cmd_ingest.c - `dadeum ingest`: documents (or extract's JSON Lines) into the termbase.
 *
 * Each document is hashed first; one already stored with that hash is not
 * even read again. Otherwise it is extracted exactly as `dadeum extract`
 * does (extract/run.h) and stored in one transaction, so an interrupted
 * ingest leaves the termbase as it was before the document in progress.
 * A document that cannot be read is reported and skipped; the exit status
 * says so at the end.
 */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "extract/run.h"
#include "io/pairfile.h"
#include "termbase/termbase.h"
#include "util/hash.h"
#include "util/path.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/banned.h"

static const char synopsis[] =
    "usage: dadeum ingest [--db <file>] [--encoding <name>] [--lenient] [--quiet]\n"
    "                     (<file>... | --from-jsonl <file>)\n";

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
    "  --lenient            replace undecodable bytes with U+FFFD and warn\n"
    "                       (neither goes with --from-jsonl)\n"
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

/* Stores one document. Returns an exit status. */
static int ingest_file(struct termbase *tb, const char *path, const char *encoding,
                       unsigned text_flags, struct progress *p)
{
    struct content_hash h;
    struct dd_error err;
    struct extract_run_info info;
    struct extract_doc *doc = NULL;
    struct strbuf name = STRBUF_INIT, rel = STRBUF_INIT;
    int current, unchanged, ret = DADEUM_EXIT_OK;

    if (content_hash_file(path, &h)) {
        error("cannot read '%s': %s", path, strerror(errno));
        return DADEUM_EXIT_INPUT;
    }
    p->bytes += (double)h.bytes;
    /*
     * The document is known by its name relative to the working directory
     * (an absolute name would go into every export: util/path.h), written
     * as every output writes names (\xff).
     */
    path_relative_to_cwd(path, &rel);
    utf8_add_visible(&name, rel.buf, rel.len, 0);
    current = termbase_doc_is_current(tb, name.buf, h.hex, &err);
    if (current < 0) {
        ret = cli_fail(&err);
        goto cleanup;
    }
    if (current)
        goto cleanup;
    doc = extract_run_file(path, encoding, text_flags, 0, &info, &err);
    if (!doc) {
        ret = cli_fail(&err);
        goto cleanup;
    }
    if (info.replaced)
        warning("'%s': replaced %llu undecodable byte sequence(s) read as %s", path,
                (unsigned long long)info.replaced, info.encoding);
    {
        unsigned long first, unread = extract_doc_unread_groups(doc, &first);
        if (unread)
            warning("%s:%lu: %lu bracket group(s) beyond the first 256 on a line not read", path,
                    first, unread);
    }
    if (termbase_doc_begin(tb, name.buf, h.hex, h.bytes, &unchanged, &err))
        goto fail;
    for (size_t i = 0; i < extract_doc_count(doc) && !unchanged; i++) {
        struct model_pair pair;
        extract_pair_to_model(extract_doc_get(doc, i), &pair);
        if (termbase_doc_add(tb, &pair, &err))
            goto fail;
    }
    if (!unchanged && termbase_doc_commit(tb, &err))
        goto fail;
    p->pairs += extract_doc_count(doc);
    goto cleanup;
fail:
    termbase_doc_abort(tb);
    dd_error_prefix(&err, "cannot store '%s': ", path);
    ret = cli_fail(&err);
cleanup:
    extract_doc_free(doc);
    strbuf_release(&name);
    strbuf_release(&rel);
    return ret;
}

int cmd_ingest(int argc, char **argv)
{
    static const struct option longopts[] = {{"db", required_argument, NULL, 'd'},
                                             {"encoding", required_argument, NULL, 'e'},
                                             {"lenient", no_argument, NULL, 'l'},
                                             {"from-jsonl", required_argument, NULL, 'j'},
                                             {"quiet", no_argument, NULL, 'q'},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    const char *db = getenv("DADEUM_DB"), *encoding = NULL, *jsonl = NULL;
    struct termbase *tb = NULL;
    struct dd_error err;
    struct progress p;
    unsigned text_flags = 0;
    int c, quiet = 0, ret = DADEUM_EXIT_OK;

    memset(&p, 0, sizeof(p));
    if (!db || !*db)
        db = "dadeum.db";
    cli_options_begin();
    while ((c = getopt_long(argc, argv, "+:hq", longopts, NULL)) != -1) {
        switch (c) {
        case 'd':
            if (cli_file_option("--db", optarg))
                return cli_usage(synopsis, help, 0);
            db = optarg;
            break;
        case 'e':
            encoding = optarg;
            break;
        case 'l':
            text_flags |= TEXT_LENIENT;
            break;
        case 'j':
            if (cli_file_option("--from-jsonl", optarg))
                return cli_usage(synopsis, help, 0);
            jsonl = optarg;
            break;
        case 'q':
            quiet = 1;
            break;
        case 'h':
            return cli_usage(synopsis, help, 1);
        default:
            cli_option_error(c, argv, longopts);
            return cli_usage(synopsis, help, 0);
        }
    }
    if (!jsonl && optind >= argc) {
        error("no input files");
        return cli_usage(synopsis, help, 0);
    }
    if (jsonl && optind < argc) {
        error("--from-jsonl takes no other input files");
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
        p.total = (unsigned long)(argc - optind);
        for (int i = optind; i < argc; i++) {
            int r = ingest_file(tb, argv[i], encoding, text_flags, &p);
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
    termbase_free(tb);
    return ret;
}
