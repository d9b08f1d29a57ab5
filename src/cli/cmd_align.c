/*
 * cmd_align.c - `dadeum align`: a Korean document and its English version
 * in, a sentence-level translation memory out (issue 18).
 *
 * Pairs are read and aligned one at a time (memory is that of the largest
 * pair); with -o the output replaces FILE only when every pair was read.
 */
#include <errno.h>
#include <assert.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "dadeum.h"
#include "align/translit.h"
#include "extract/run.h"
#include "parallel/parallel.h"
#include "parallel/terms.h"
#include "parallel/write.h"
#include "termbase/termbase.h"
#include "util/outfile.h"
#include "util/strbuf.h"
#include "util/xmalloc.h"
#include "util/banned.h"

static const char synopsis[] =
    "usage: dadeum align [--format (tmx | tsv | jsonl | terms)] [-o <file>] [--min-score <x>]\n"
    "                    [--db <file>] [--encoding <name>] [--lenient] [--pairs <list>]\n"
    "                    [<ko-file> <en-file>...]\n";

static const char help[] =
    "\n"
    "Aligns Korean documents with their English versions sentence by sentence\n"
    "and writes the aligned segments as a translation memory. Each line of a\n"
    "document is a paragraph; paragraphs are aligned first, then the sentences\n"
    "inside them (docs/sentence-alignment.md).\n"
    "\n"
    "input:\n"
    "  <ko-file> <en-file>...  pairs of documents, Korean first; several pairs\n"
    "                      may follow one another; '-' reads standard input once\n"
    "  --pairs <list>      also the pairs of <list>, one a line: the Korean and the\n"
    "                      English path separated by a TAB, as written (relative\n"
    "                      to the current directory); empty lines and lines\n"
    "                      starting with '#' are skipped\n"
    "  --encoding <name>   decode both sides with this iconv encoding instead of\n"
    "                      detecting (as extract does)\n"
    "  --lenient           replace undecodable bytes with U+FFFD and warn\n"
    "  --db <file>         also anchor on the termbase's pairs: a Korean form and an\n"
    "                      English form of one concept (not rejected) in the two\n"
    "                      sentences count as a shared anchor\n"
    "\n"
    "output:\n"
    "  --format tmx        TMX 1.4b, one <tu> per aligned segment, with the score\n"
    "                      and the documents as props (default)\n"
    "  --format tsv        columns ko, en, score, ko_pos, en_pos, ko_file, en_file\n"
    "                      after a header row (a position is LINE.SENTENCE)\n"
    "  --format jsonl      one JSON object per segment, the same fields\n"
    "  --format terms      the term pairs extract finds in the Korean document, each\n"
    "                      with what the aligned English says of it: confirmed (its\n"
    "                      English is there), proposed (a loanword's English found\n"
    "                      there by transliteration), absent or unseen; columns ko,\n"
    "                      gloss, kind, en, evidence, parallel, parallel_en, links,\n"
    "                      found, ko_file, en_file, example_en\n"
    "  --min-score <x>     drop links scored below x (0 to 1; default 0)\n"
    "  -o, --output <file> write to <file> atomically once every pair was read\n"
    "\n"
    "exit status: 0 segments written, 1 nothing aligned, 2 usage, 3 an input or the\n"
    "termbase could not be read or decoded, 4 output could not be written.\n";

static int parse_score(const char *arg, double *out)
{
    char *end;
    errno = 0;
    double v = strtod(arg, &end);
    if (!*arg || *end || errno || !(v >= 0 && v <= 1)) {
        error("--min-score needs a number from 0 to 1, not '%s'", arg);
        return -1;
    }
    *out = v;
    return 0;
}

/* Every Korean-side and English-side form of each concept not rejected. */
static int add_concept(void *ctx, const struct model_concept *c)
{
    struct par_lexicon *lx = ctx;
    int ko = 0, en = 0;
    if (c->status == MODEL_REJECTED)
        return 0;
    for (size_t i = 0; i < c->nforms; i++) {
        if (c->forms[i].type == MODEL_FORM_ENGLISH || c->forms[i].type == MODEL_FORM_ABBREV)
            en = 1;
        else
            ko = 1;
    }
    if (!ko || !en)
        return 0; /* a concept with one side anchors nothing */
    for (size_t i = 0; i < c->nforms; i++) {
        int english =
            c->forms[i].type == MODEL_FORM_ENGLISH || c->forms[i].type == MODEL_FORM_ABBREV;
        par_lexicon_add(lx, english, c->forms[i].text, (uint64_t)c->id);
    }
    return 0;
}

static struct par_lexicon *load_lexicon(const char *db, int *ret)
{
    struct dd_error err;
    struct termbase *tb = termbase_open(db, TERMBASE_READONLY, &err);
    struct par_lexicon *lx;

    if (!tb) {
        *ret = cli_fail(&err);
        return NULL;
    }
    lx = par_lexicon_new();
    if (termbase_foreach(tb, -1, add_concept, lx, &err)) {
        *ret = cli_fail(&err);
        par_lexicon_free(lx);
        lx = NULL;
    }
    termbase_free(tb);
    return lx;
}

static struct par_doc *read_side(const char *path, const char *encoding, unsigned flags,
                                 struct par_lexicon *lx, int english, int *ret)
{
    struct dd_error err;
    struct par_doc *d = par_doc_read(path, encoding, flags, lx, english, &err);

    if (d) {
        if (d->replaced)
            cli_warn_replaced(path, d->replaced, d->encoding);
        return d;
    }
    *ret = cli_fail(&err);
    return NULL;
}

/* --format terms: the extractor's pairs of the Korean document, checked on the alignment. */
static size_t write_terms(FILE *fp, const char *ko_path, const char *en_path,
                          const struct par_doc *ko, const struct par_doc *en,
                          const struct par_alignment *al, const char *encoding, unsigned flags,
                          struct translit *t, const struct dadeum_ctx *ctx, int *ret)
{
    struct dd_error err;
    struct extract_doc *doc =
        extract_run_file(ko_path, encoding, flags, 0, dadeum_ctx_get_oracle(ctx), NULL, &err);
    size_t n = 0;

    if (!doc) {
        *ret = cli_fail(&err);
        return 0;
    }
    for (size_t i = 0; i < extract_doc_count(doc); i++) {
        struct par_term term;
        par_term_check(extract_doc_get(doc, i), ko, en, al, t, &term);
        par_terms_write(fp, &term, en, ko_path, en_path);
        free(term.parallel_en);
        n++;
    }
    extract_doc_free(doc);
    return n;
}

/* The input paths, Korean and English alternating. */
struct file_list {
    char **v;
    size_t n, cap;
};

static void file_list_add(struct file_list *l, const char *path)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? 2 * l->cap : 16;
        l->v = xrealloc(l->v, st_mult(l->cap, sizeof(*l->v)));
    }
    l->v[l->n++] = xstrdup(path);
}

static void file_list_release(struct file_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->v[i]);
    free(l->v);
    l->v = NULL;
    l->n = l->cap = 0;
}

/* --pairs: KO<TAB>EN a line. Returns 0, or an exit status after a message. */
static int read_pairs(const char *path, struct file_list *l)
{
    FILE *fp = strcmp(path, "-") ? fopen(path, "r") : stdin;
    char *line = NULL;
    size_t cap = 0;
    unsigned long no = 0;
    ssize_t len;
    int ret = 0;

    if (!fp || (fp == stdin && cli_check_stdin("-"))) {
        if (!fp)
            error("cannot open '%s': %s", path, strerror(errno));
        return DADEUM_EXIT_INPUT;
    }
    while (!ret && (len = getline(&line, &cap, fp)) >= 0) {
        no++;
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        if (!len || line[0] == '#')
            continue;
        char *tab = strchr(line, '\t');
        if (!tab || tab == line || !tab[1] || strchr(tab + 1, '\t')) {
            error("%s:%lu: a pair is a Korean and an English path separated by one TAB", path, no);
            ret = DADEUM_EXIT_INPUT;
            break;
        }
        *tab = '\0';
        file_list_add(l, line);
        file_list_add(l, tab + 1);
    }
    if (!ret && ferror(fp)) {
        error("cannot read '%s': %s", path, strerror(errno));
        ret = DADEUM_EXIT_INPUT;
    }
    free(line);
    if (fp != stdin)
        fclose(fp);
    return ret;
}

/*
 * Standard input at most once (the list of --pairs included), and never as a
 * Korean side of --format terms. Returns 0, or -1 after a message.
 */
static int check_files(const struct file_list *l, int terms, const char *pairs_list)
{
    size_t stdin_count = pairs_list && !strcmp(pairs_list, "-");
    for (size_t i = 0; i < l->n; i++) {
        if (strcmp(l->v[i], "-"))
            continue;
        stdin_count++;
        if (terms && i % 2 == 0) {
            error("--format terms reads each Korean document twice: '-' cannot be one");
            return -1;
        }
    }
    if (stdin_count > 1) {
        error("standard input ('-') can be read only once");
        return -1;
    }
    return 0;
}

static const struct cli_option options[] = {
    {"format", required_argument, 'f', 0},    {"output", required_argument, 'o', CLI_SHORT},
    {"min-score", required_argument, 's', 0}, {"encoding", required_argument, 'e', 0},
    {"lenient", no_argument, 'l', 0},         {"db", required_argument, 'd', 0},
    {"pairs", required_argument, 'p', 0},     CLI_OPTION_END};
static const struct cli_options align_options = {synopsis, help, options, NULL, 0};

int cmd_align(int argc, char **argv, struct dadeum_ctx *ctx)
{
    struct par_writer w = {NULL, PAR_FORMAT_TMX, NULL, DADEUM_VERSION};
    struct outfile out = OUTFILE_INIT;
    const char *output = NULL, *encoding = NULL, *db = NULL, *pairs_list = NULL;
    struct file_list files = {NULL, 0, 0};
    struct par_lexicon *lexicon = NULL;
    unsigned text_flags = 0;
    double min_score = 0;
    char date[32];
    size_t written = 0;
    struct cli_parser parser;
    int c, ret = DADEUM_EXIT_OK, terms = 0;
    struct translit *translit = NULL;

    cli_parser_init(&parser, &align_options);
    while ((c = cli_next_option(&parser, argc, argv)) > 0) {
        switch (c) {
        case 'f':
            if (!strcmp(optarg, "tmx"))
                w.format = PAR_FORMAT_TMX;
            else if (!strcmp(optarg, "tsv"))
                w.format = PAR_FORMAT_TSV;
            else if (!strcmp(optarg, "jsonl") || !strcmp(optarg, "json"))
                w.format = PAR_FORMAT_JSONL;
            else if (!strcmp(optarg, "terms"))
                terms = 1;
            else {
                error("unknown format '%s' (tmx, tsv, jsonl or terms)", optarg);
                return cli_usage(synopsis, help, 0);
            }
            break;
        case 'o':
            if (cli_file_option("-o", optarg))
                return cli_usage(synopsis, help, 0);
            output = optarg;
            break;
        case 's':
            if (parse_score(optarg, &min_score))
                return cli_usage(synopsis, help, 0);
            break;
        case 'e':
            encoding = optarg;
            break;
        case 'l':
            text_flags |= TEXT_LENIENT;
            break;
        case 'p':
            if (cli_file_option("--pairs", optarg))
                return cli_usage(synopsis, help, 0);
            pairs_list = optarg;
            break;
        case 'd':
            if (cli_file_option("--db", optarg))
                return cli_usage(synopsis, help, 0);
            db = optarg;
            break;
        }
    }
    if (c < 0)
        return parser.status;
    if (optind >= argc && !pairs_list) {
        error("no input files: give a Korean and an English document");
        return cli_usage(synopsis, help, 0);
    }
    if ((argc - optind) % 2) {
        error("documents come in pairs (Korean, English): %d file(s) given", argc - optind);
        return cli_usage(synopsis, help, 0);
    }
    for (int i = optind; i < argc; i++)
        file_list_add(&files, argv[i]);
    if (pairs_list && !cli_options_only && (ret = read_pairs(pairs_list, &files)))
        goto done;
    if (check_files(&files, terms, pairs_list) || cli_check_encoding(encoding) ||
        cli_exchange_date(NULL, date)) {
        ret = cli_usage(synopsis, help, 0);
        goto done;
    }
    if (cli_options_only)
        goto done;
    assert(ctx);    /* CLI_CONTEXT in the command table; options alone need none */
    if (!files.n) { /* only from an empty --pairs list */
        error("no pairs in '%s'", pairs_list);
        ret = DADEUM_EXIT_INPUT;
        goto done;
    }
    for (size_t i = 0; i < files.n; i++) {
        if (!strcmp(files.v[i], "-") && cli_check_stdin("-")) {
            ret = DADEUM_EXIT_INPUT;
            goto done;
        }
        if (cli_refuse_same_file(output, files.v[i], "the input")) {
            ret = DADEUM_EXIT_USAGE;
            goto done;
        }
    }
    if (db && cli_refuse_same_file(output, db, "the termbase")) {
        ret = DADEUM_EXIT_USAGE;
        goto done;
    }
    if (db && !(lexicon = load_lexicon(db, &ret)))
        goto done;
    /* the transliterator: loanwords as anchors, and --format terms's proposals */
    translit = translit_new(0, NULL);
    if (!lexicon)
        lexicon = par_lexicon_new();
    par_lexicon_set_translit(lexicon, translit);
    if (cli_outfile_open(&out, output)) {
        ret = DADEUM_EXIT_OUTPUT;
        goto done;
    }
    w.fp = out.fp;
    w.date = date;
    if (terms) {
        par_terms_write_header(out.fp);
    } else {
        par_write_begin(&w);
    }
    for (size_t i = 0; i + 1 < files.n && ret == DADEUM_EXIT_OK; i += 2) {
        const char *kp = files.v[i], *ep = files.v[i + 1];
        struct par_doc *ko = read_side(kp, encoding, text_flags, lexicon, 0, &ret), *en = NULL;
        struct par_alignment al;
        if (ko)
            en = read_side(ep, encoding, text_flags, lexicon, 1, &ret);
        if (ko && en) {
            par_align(ko, en, &al);
            if (terms)
                written += write_terms(out.fp, kp, ep, ko, en, &al, encoding, text_flags, translit,
                                       ctx, &ret);
            else
                written += par_write_links(&w, ko, en, &al, min_score, kp, ep);
            par_alignment_release(&al);
        }
        par_doc_free(ko);
        par_doc_free(en);
    }
    if (ret == DADEUM_EXIT_OK && !terms)
        par_write_end(&w);
    ret = cli_outfile_finish(&out, output, ret);
    if (ret == DADEUM_EXIT_OK && !written)
        ret = DADEUM_EXIT_NEGATIVE;
done:
    par_lexicon_free(lexicon);
    translit_free(translit);
    file_list_release(&files);
    return ret;
}
