/*
 * cmd_extract.c - `dadeum extract`: documents in, term pairs out.
 *
 * Files are processed one at a time, in the order given: read, decode,
 * normalise, scan, resolve, print, free. Memory therefore depends on the
 * largest document, not on the number of files. With -o the rows go to a
 * temporary file that replaces FILE only when every input was read.
 */
#include <errno.h>
#include <getopt.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "align/align.h"
#include "align/oracle.h"
#include "cli/cli.h"
#include "extract/extract.h"
#include "extract/run.h"
#include "io/pairs.h"
#include "text/reader.h"
#include "util/outfile.h"
#include "util/xmalloc.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/banned.h"

static const char synopsis[] =
    "usage: dadeum extract [--format (tsv | jsonl | features)] [-o <file>] [--encoding <name>]\n"
    "                      [--lenient] [--explain] [--cross] [-j <n>] <file>...\n";

static const char help[] =
    "\n"
    "Finds term(gloss) and gloss(term) pairs, 이하 short forms and short titles in\n"
    "Korean documents, decides the exact Korean span of each term, classifies the\n"
    "gloss (loanword, english, abbrev, native, shortform) and prints one row per\n"
    "distinct (file, Korean term, gloss) in order of first occurrence.\n"
    "\n"
    "input:\n"
    "  <file>...           documents to read; '-' reads standard input\n"
    "  --encoding <name>   decode with this iconv encoding instead of detecting\n"
    "                      (detection: UTF-8 with or without BOM, UTF-16LE/BE with\n"
    "                      BOM, CP949/EUC-KR)\n"
    "  --lenient           replace undecodable bytes with U+FFFD and warn, rather\n"
    "                      than stop with an error\n"
    "\n"
    "output:\n"
    "  --format tsv        columns file, line, ko, gloss, kind, count, reversed, en,\n"
    "                      abbr, confidence, evidence, source, after a header row\n"
    "                      (default)\n"
    "  --format jsonl      one JSON object per pair, with the source line as context\n"
    "  --format features   the fitted model's inputs instead of pairs: columns file,\n"
    "                      line, model (edge or pair), ko, gloss, features (for\n"
    "                      tests/corpus/fit.py; see docs/extraction.md)\n"
    "  -o, --output <file> write to <file> (atomically: a temporary file is renamed\n"
    "                      over it once every input was read)\n"
    "  --explain           also list the brackets set aside, with the reason, on\n"
    "                      standard error (for a candidate the model rejected: its\n"
    "                      score and the features that weighed most)\n"
    "  -j, --jobs <n>      extract n files at once on n threads (0: one per CPU);\n"
    "                      the output is the same as with one\n"
    "  --cross             also report pairs that no bracket ties: an institution\n"
    "                      list aligned with its acronym list, and body terms\n"
    "                      aligned with the loanwords of an appendix (source\n"
    "                      column says how, with a score)\n"
    "\n"
    "exit status: 0 pairs written (possibly none), 2 usage, 3 an input could not be\n"
    "read or decoded, or has a line over 1 MiB (nothing is written to -o), 4 output\n"
    "could not be written.\n";

struct extract_opts {
    enum pairs_format format; /* output format */
    const char *output;       /* -o path or NULL for stdout */
    const char *encoding;     /* forced encoding or NULL */
    unsigned text_flags;      /* enum text_flags */
    unsigned extract_flags;   /* enum extract_flags */
    int cross;                /* --cross: whole-document alignment */
    int features;             /* --format features: the model's inputs, not pairs */
};

/* One input: the document extracted from it, or why it could not be. */
struct job {
    const char *path;             /* as given */
    struct extract_doc *doc;      /* the result, NULL when reading failed */
    struct extract_run_info info; /* lenient replacements, the encoding */
    struct dd_error *err;         /* what went wrong, NULL when reading worked (a struct
                                     dd_error is 5 KiB: one per input would not be flat) */
    int done;                     /* produced (under the pool's mutex with -j) */
};

/* Reads and aligns one document (no output: this may run on a worker thread). */
static void produce(struct job *j, const struct extract_opts *opt)
{
    struct dd_error err;

    j->doc = extract_run_file(j->path, opt->encoding, opt->text_flags, opt->extract_flags, &j->info,
                              &err);
    if (!j->doc) {
        j->err = xmalloc(sizeof(*j->err));
        *j->err = err;
    }
    if (j->doc && opt->cross)
        align_cross(j->doc, 0);
}

/* Prints what one document gave, in input order. Returns an exit status. */
static int consume(struct job *j, const struct extract_opts *opt, FILE *out)
{
    const char *path = j->path, *shown = strcmp(path, "-") ? path : "<stdin>";
    struct extract_doc *doc = j->doc;

    if (!doc) {
        int ret = cli_fail(j->err);
        free(j->err);
        j->err = NULL;
        return ret;
    }
    if (j->info.replaced)
        warning("'%s': replaced %llu undecodable byte sequence(s) read as %s", shown,
                (unsigned long long)j->info.replaced, j->info.encoding);
    {
        unsigned long first, unread = extract_doc_unread_groups(doc, &first);
        if (unread)
            warning("%s:%lu: %lu bracket group(s) beyond the first 256 on a line not read", shown,
                    first, unread);
        if (opt->cross && (first = extract_doc_text_cut(doc)))
            warning("'%s': --cross aligned only lines 1 to %lu (its limit is %u bytes of text)",
                    shown, first - 1, EXTRACT_TEXT_MAX);
    }
    if (opt->features)
        for (size_t i = 0; i < extract_doc_feature_count(doc); i++) {
            struct extract_feature f;
            extract_doc_get_feature(doc, i, &f);
            fprintf(out, "%s\t%lu\t%s\t%s\t%s\t%s\n", path, f.line, f.model, f.ko, f.gloss,
                    f.features);
        }
    else
        for (size_t i = 0; i < extract_doc_count(doc); i++)
            pairs_write(out, opt->format, path, extract_doc_get(doc, i));
    for (size_t i = 0; i < extract_doc_reject_count(doc); i++) {
        const struct extract_reject *x = extract_doc_get_reject(doc, i);
        struct strbuf line = STRBUF_INIT;
        strbuf_addf(&line, "%s:%lu: skipped '%s(%s)': %s", shown, x->line, x->left, x->inner,
                    x->reason);
        utf8_write_visible(stderr, line.buf, 0); /* the name may hold any byte */
        fputc('\n', stderr);
        strbuf_release(&line);
    }
    extract_doc_free(doc);
    j->doc = NULL;
    return DADEUM_EXIT_OK;
}

/*
 * -j N: N worker threads extract documents while the main thread prints them
 * in input order, so the output is the same as with one thread. Workers stay
 * at most `window` documents ahead of the printer, which keeps memory
 * bounded by a few documents whatever the number of files.
 */
struct pool {
    pthread_mutex_t mu;             /* guards the fields below and jobs[].done */
    pthread_cond_t cv;              /* signalled on every change */
    struct job *jobs;               /* one per input */
    size_t njobs, next, printed;    /* inputs, next to take, inputs printed */
    size_t window;                  /* documents a worker may run ahead */
    int stop;                       /* the printer met an error */
    const struct extract_opts *opt; /* shared, read-only */
};

static void *worker(void *arg)
{
    struct pool *p = arg;
    for (;;) {
        pthread_mutex_lock(&p->mu);
        while (!p->stop && p->next < p->njobs && p->next >= p->printed + p->window)
            pthread_cond_wait(&p->cv, &p->mu);
        if (p->stop || p->next >= p->njobs) {
            pthread_mutex_unlock(&p->mu);
            break;
        }
        struct job *j = &p->jobs[p->next++];
        pthread_mutex_unlock(&p->mu);
        produce(j, p->opt);
        pthread_mutex_lock(&p->mu);
        j->done = 1;
        pthread_cond_broadcast(&p->cv);
        pthread_mutex_unlock(&p->mu);
    }
    align_release_oracle(); /* this thread's transliterator */
    return NULL;
}

/* Extracts every input with nthreads workers; returns the first error status. */
static int run_jobs(struct job *jobs, size_t n, unsigned nthreads, const struct extract_opts *opt,
                    FILE *out)
{
    int ret = DADEUM_EXIT_OK;

    if (nthreads <= 1 || n <= 1) {
        for (size_t i = 0; i < n && ret == DADEUM_EXIT_OK; i++) {
            produce(&jobs[i], opt);
            ret = consume(&jobs[i], opt, out);
        }
        return ret;
    }
    struct pool p = {PTHREAD_MUTEX_INITIALIZER,
                     PTHREAD_COND_INITIALIZER,
                     jobs,
                     n,
                     0,
                     0,
                     2 * (size_t)nthreads,
                     0,
                     opt};
    pthread_t *tids = xcalloc(nthreads, sizeof(*tids));
    unsigned started = 0;
    align_prepare_threads(); /* shared tables are built once, here */
    for (; started < nthreads; started++)
        if (pthread_create(&tids[started], NULL, worker, &p))
            break;
    if (!started) {
        free(tids);
        return run_jobs(jobs, n, 1, opt, out);
    }
    for (size_t i = 0; i < n && ret == DADEUM_EXIT_OK; i++) {
        pthread_mutex_lock(&p.mu);
        while (!jobs[i].done)
            pthread_cond_wait(&p.cv, &p.mu);
        pthread_mutex_unlock(&p.mu);
        ret = consume(&jobs[i], opt, out);
        pthread_mutex_lock(&p.mu);
        p.printed = i + 1;
        if (ret != DADEUM_EXIT_OK)
            p.stop = 1;
        pthread_cond_broadcast(&p.cv);
        pthread_mutex_unlock(&p.mu);
    }
    for (unsigned t = 0; t < started; t++)
        pthread_join(tids[t], NULL);
    for (size_t i = 0; i < n; i++) {
        extract_doc_free(jobs[i].doc); /* produced after an error, never printed */
        free(jobs[i].err);
    }
    free(tids);
    return ret;
}

int cmd_extract(int argc, char **argv)
{
    static const struct option longopts[] = {{"format", required_argument, NULL, 'f'},
                                             {"output", required_argument, NULL, 'o'},
                                             {"encoding", required_argument, NULL, 'e'},
                                             {"lenient", no_argument, NULL, 'l'},
                                             {"explain", no_argument, NULL, 'x'},
                                             {"cross", no_argument, NULL, 'c'},
                                             {"jobs", required_argument, NULL, 'j'},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    struct extract_opts opt = {PAIRS_TSV, NULL, NULL, 0, 0, 0, 0};
    struct outfile out = OUTFILE_INIT;
    struct job *jobs;
    unsigned nthreads = 1;
    int c, ret = DADEUM_EXIT_OK, stdin_count = 0;

    cli_options_begin();
    while ((c = getopt_long(argc, argv, "+:ho:j:", longopts, NULL)) != -1) {
        switch (c) {
        case 'f':
            if (!strcmp(optarg, "tsv"))
                opt.format = PAIRS_TSV;
            else if (!strcmp(optarg, "jsonl") || !strcmp(optarg, "json"))
                opt.format = PAIRS_JSONL;
            else if (!strcmp(optarg, "features")) {
                opt.format = PAIRS_TSV;
                opt.features = 1;
                opt.extract_flags |= EXTRACT_FEATURES;
            } else {
                error("unknown format '%s' (tsv, jsonl or features)", optarg);
                return cli_usage(synopsis, help, 0);
            }
            break;
        case 'o':
            if (cli_file_option("-o", optarg))
                return cli_usage(synopsis, help, 0);
            opt.output = optarg;
            break;
        case 'e':
            opt.encoding = optarg;
            break;
        case 'l':
            opt.text_flags |= TEXT_LENIENT;
            break;
        case 'x':
            opt.extract_flags |= EXTRACT_EXPLAIN;
            break;
        case 'c':
            opt.cross = 1;
            opt.extract_flags |= EXTRACT_KEEP_TEXT;
            break;
        case 'j': {
            unsigned long v;
            if (cli_parse_number("-j", optarg, 0, 256, &v))
                return cli_usage(synopsis, help, 0);
            if (v == 0) {
                long cpus = sysconf(_SC_NPROCESSORS_ONLN);
                v = cpus > 0 ? (unsigned long)cpus : 1;
            }
            nthreads = (unsigned)v;
            break;
        }
        case 'h':
            return cli_usage(synopsis, help, 1);
        default:
            cli_option_error(c, argv, longopts);
            return cli_usage(synopsis, help, 0);
        }
    }
    if (optind >= argc) {
        error("no input files (use '-' for standard input)");
        return cli_usage(synopsis, help, 0);
    }
    for (int i = optind; i < argc; i++)
        stdin_count += !strcmp(argv[i], "-");
    if (stdin_count > 1) {
        error("standard input ('-') can be read only once");
        return cli_usage(synopsis, help, 0);
    }
    /* before the header row is written */
    if (cli_check_encoding(opt.encoding))
        return cli_usage(synopsis, help, 0);
    if (cli_options_only)
        return DADEUM_EXIT_OK;
    if (stdin_count && cli_check_stdin("-"))
        return DADEUM_EXIT_INPUT;
    for (int i = optind; i < argc; i++)
        if (cli_refuse_same_file(opt.output, argv[i], "the input"))
            return DADEUM_EXIT_USAGE;
    if (cli_outfile_open(&out, opt.output)) {
        error("cannot write '%s': %s", opt.output, strerror(errno));
        return DADEUM_EXIT_OUTPUT;
    }
    if (opt.features)
        fputs("file\tline\tmodel\tko\tgloss\tfeatures\n", out.fp);
    else
        pairs_write_header(out.fp, opt.format);
    jobs = xcalloc((size_t)(argc - optind), sizeof(*jobs));
    for (int i = optind; i < argc; i++)
        jobs[i - optind].path = argv[i];
    ret = run_jobs(jobs, (size_t)(argc - optind), nthreads, &opt, out.fp);
    free(jobs);
    if (ret == DADEUM_EXIT_OK && outfile_commit(&out)) {
        error("cannot write '%s': %s", opt.output ? opt.output : "<stdout>", strerror(errno));
        ret = DADEUM_EXIT_OUTPUT;
    }
    if (ret != DADEUM_EXIT_OK)
        outfile_abort(&out);
    cli_cleanup_on_signal(NULL);
    return ret;
}
