/*
 * cmd_convert.c - `dadeum convert`: from one exchange format to another,
 * without a termbase.
 *
 * The reader hands each concept straight to the writer (io/exchange.h), so
 * a file of any size converts in constant memory. The output is written to
 * a temporary file and renamed at the end; a malformed input leaves no
 * output behind.
 *
 * A large input is read and written on two threads: the reader (this
 * thread) copies each concept, row and warning into a record of a batch
 * (util/handoff.h), and a writer thread formats the records in the same
 * order, warnings included, so that output, messages and exit status are
 * those of one thread. A small input is converted on one thread (see
 * two_threads).
 */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "io/exchange.h"
#include "util/handoff.h"
#include "util/outfile.h"
#include "util/banned.h"

static const char synopsis[] =
    "usage: dadeum convert [--from <format>] [--to <format>]\n"
    "                      [--target (english | abbrev | loanword)] [--source-lang <tag>]\n"
    "                      [--target-lang <tag>] [--date <date>] <in> <out>\n";

static const char help[] =
    "\n"
    "Converts a glossary or translation memory between TMX, TBX (v2 and v3),\n"
    "TSV, OmegaT glossaries and CSV, streaming: memory does not grow with the\n"
    "file. The formats come from the extensions (.tmx, .tbx, .tbx3, .tsv/.tab,\n"
    ".txt/.utf8 for OmegaT, .csv) or\n"
    "from --from and --to; '-' is standard input or output. The output is\n"
    "written as 'dadeum export' writes it (docs/formats.md).\n"
    "\n"
    "options:\n"
    "  --from <format>       tmx, tbx, tsv, omegat or csv\n"
    "  --to <format>         tmx, tbx, tbx3, tsv, omegat or csv\n"
    "  --target <column>     target column of TMX/TSV/CSV output: english\n"
    "                        (default), abbrev or loanword (see 'export -h')\n"
    "  --source-lang <tag>   the Korean side's language (default: the input's tag,\n"
    "                        else ko-KR); any ko-* is read as Korean\n"
    "  --target-lang <tag>   the English side's (default: the input's, else en-US)\n"
    "  --date <date>         creation date written (YYYY-MM-DD, YYYYMMDDThhmmssZ or\n"
    "                        epoch seconds, 1970 to 9999; default\n"
    "                        $SOURCE_DATE_EPOCH, else now)\n"
    "\n"
    "exit status: 0 converted, 2 usage, 3 the input is unreadable, malformed or\n"
    "refused (entities, remote DTDs, a limit of the manual's Limits), or has no\n"
    "entry in the source language, 4 the output could not be written.\n";

struct convert_ctx {
    const char *path;            /* input, for warnings */
    struct exchange_writer *w;   /* output */
    const char *lang[2];         /* tags given with --source-lang/--target-lang, or NULL */
    const char *fallback[2];     /* tags written when neither option nor file gives one */
    struct exchange_langs langs; /* the input's tags for the concept (io/exchange.h) */
    struct handoff *h;           /* to the writer thread; NULL: one thread */
    struct strbuf sent[2];       /* the tags of the last ITEM_LANGS (reader thread) */
    struct strbuf tag[2];        /* the same, the writer thread's copy, which w->opt names */
};

/*
 * Batches of the hand-off: 3 of 256 KiB, some 1,500 rows or 700 concepts of
 * a TMX each, so that the threads meet once a thousand units and the
 * batches stay in the cache (64 KiB x 4 and 1 MiB x 3 were no faster). A
 * concept larger than a batch gets a buffer of its own size, which keeps
 * that size for the batches after it; 3 such can be queued at once. Its
 * text is held to EXCHANGE_MAX_UNIT, but not the structs beside it: a TBX
 * entry of 120,000 one-letter notes counts 840 KB and makes a 9.5 MB
 * record (72 bytes a data category), and six such in a row peak at 51 MB
 * on two threads against 20 MB on one. Bounded, but not "a few MiB".
 */
#define BATCH_BYTES (256 * 1024)
#define BATCHES 3

/* What the reader hands the writer thread: a record (util/handoff.h) starts with its kind. */
enum item_kind { ITEM_CONCEPT, ITEM_ROW, ITEM_LANGS, ITEM_WARNING };

struct item {
    enum item_kind kind;
};

/* A concept, followed by its forms, its data categories and its strings. */
struct concept_item {
    struct item h;
    struct model_concept c;
};

/* A row, followed by its strings. */
struct row_item {
    struct item h;
    struct exchange_row row;
};

/* The tags of the concepts and rows that follow, when they differ from the last. */
struct langs_item {
    struct item h;
    const char *tag[2];
};

/* A warning of the reader, given where the single-thread run gives it. */
struct warning_item {
    struct item h;
    unsigned long line, col;
    const char *msg;
};

/* Bytes put_str needs for s: s and its NUL, nothing for NULL. */
static size_t str_size(const char *s)
{
    return s ? strlen(s) + 1 : 0;
}

/* Copies s[0..len) and a NUL to *p and moves *p past them. Returns the copy. */
static const char *put_mem(char **p, const char *s, size_t len)
{
    char *copy = *p;
    memcpy(copy, s, len);
    copy[len] = '\0';
    *p += len + 1;
    return copy;
}

/* put_mem for a string; NULL stays NULL. */
static const char *put_str(char **p, const char *s)
{
    return s ? put_mem(p, s, strlen(s)) : NULL;
}

static void show_warning(const char *path, unsigned long line, unsigned long col, const char *msg)
{
    if (line)
        warning("%s:%lu:%lu: %s", path, line, col, msg);
    else
        warning("%s: %s", path, msg);
}

static void on_warn(void *data, unsigned long line, unsigned long col, const char *msg)
{
    const struct convert_ctx *cc = data;
    struct warning_item *it;
    char *p;

    if (!cc->h) {
        show_warning(cc->path, line, col, msg);
        return;
    }
    if (!(it = handoff_reserve(cc->h, sizeof(*it) + str_size(msg))))
        return; /* the writer stopped: the single-thread run stops before this */
    p = (char *)(it + 1);
    it->h.kind = ITEM_WARNING;
    it->line = line;
    it->col = col;
    it->msg = put_str(&p, msg);
}

/* A tag given as an option wins; else the input's tag for this concept; else the default. */
static const char *lang_for(const struct convert_ctx *cc, int side)
{
    const struct strbuf *in = side ? &cc->langs.target : &cc->langs.source;
    if (cc->lang[side])
        return cc->lang[side];
    return in->len ? in->buf : cc->fallback[side];
}

/*
 * Sets the writer's tags for the next concept; on two threads, sends them
 * when they changed. Returns 1 when the writer thread stopped, else 0.
 */
static int set_langs(struct convert_ctx *cc)
{
    const char *tag[2] = {lang_for(cc, 0), lang_for(cc, 1)};
    struct langs_item *it;
    char *p;

    if (!cc->h) {
        cc->w->opt.source_lang = tag[0];
        cc->w->opt.target_lang = tag[1];
        return 0;
    }
    if (cc->sent[0].len && !strcmp(tag[0], cc->sent[0].buf) && !strcmp(tag[1], cc->sent[1].buf))
        return 0;
    if (!(it = handoff_reserve(cc->h, sizeof(*it) + str_size(tag[0]) + str_size(tag[1]))))
        return 1;
    p = (char *)(it + 1);
    it->h.kind = ITEM_LANGS;
    for (int side = 0; side < 2; side++) {
        it->tag[side] = put_str(&p, tag[side]);
        strbuf_reset(&cc->sent[side]);
        strbuf_addstr(&cc->sent[side], tag[side]);
    }
    return 0;
}

static size_t datcat_size(const struct model_datcat *d)
{
    return str_size(d->form) + str_size(d->group) + str_size(d->element) + str_size(d->type) +
           str_size(d->ref) + str_size(d->value);
}

/* Copies c, its forms, data categories and strings into a record for the writer thread. */
static int put_concept(struct convert_ctx *cc, const struct model_concept *c)
{
    size_t len = sizeof(struct concept_item) + c->nforms * sizeof(*c->forms) +
                 c->ndatcats * sizeof(*c->datcats) + str_size(c->ko) + str_size(c->kind) +
                 str_size(c->note) + str_size(c->example) + str_size(c->example_path) +
                 str_size(c->example_pos) + str_size(c->matched);
    struct concept_item *it;
    struct model_form *forms;
    struct model_datcat *datcats;
    char *p;

    for (size_t i = 0; i < c->nforms; i++)
        len += str_size(c->forms[i].text) + str_size(c->forms[i].source);
    for (size_t i = 0; i < c->ndatcats; i++)
        len += datcat_size(&c->datcats[i]);
    if (!(it = handoff_reserve(cc->h, len)))
        return 1;
    forms = (struct model_form *)(it + 1);
    datcats = (struct model_datcat *)(forms + c->nforms);
    p = (char *)(datcats + c->ndatcats);
    it->h.kind = ITEM_CONCEPT;
    it->c = *c;
    it->c.ko = put_str(&p, c->ko);
    it->c.kind = put_str(&p, c->kind);
    it->c.note = put_str(&p, c->note);
    it->c.example = put_str(&p, c->example);
    it->c.example_path = put_str(&p, c->example_path);
    it->c.example_pos = put_str(&p, c->example_pos);
    it->c.matched = put_str(&p, c->matched);
    for (size_t i = 0; i < c->nforms; i++) {
        forms[i] = c->forms[i];
        forms[i].text = put_str(&p, c->forms[i].text);
        forms[i].source = put_str(&p, c->forms[i].source);
    }
    it->c.forms = forms;
    for (size_t i = 0; i < c->ndatcats; i++) {
        const struct model_datcat *d = &c->datcats[i];
        datcats[i] = *d;
        datcats[i].form = put_str(&p, d->form);
        datcats[i].group = put_str(&p, d->group);
        datcats[i].element = put_str(&p, d->element);
        datcats[i].type = put_str(&p, d->type);
        datcats[i].ref = put_str(&p, d->ref);
        datcats[i].value = put_str(&p, d->value);
    }
    it->c.datcats = datcats;
    return 0;
}

static int on_concept(void *data, const struct model_concept *c)
{
    struct convert_ctx *cc = data;
    if (set_langs(cc))
        return 1;
    return cc->h ? put_concept(cc, c) : exchange_writer_add(cc->w, c);
}

/* A concept the reader gives as a row, for a writer that takes one (io/exchange.h). */
static int on_row(void *data, const struct exchange_row *row)
{
    struct convert_ctx *cc = data;
    size_t kind_len, note_len;
    struct row_item *it;
    char *p;

    if (set_langs(cc))
        return 1;
    if (!cc->h)
        return exchange_writer_add_row(cc->w, row);
    kind_len = strlen(row->kind);
    note_len = strlen(row->note);
    if (!(it = handoff_reserve(cc->h, sizeof(*it) + row->source_len + row->target_len +
                                          row->id_len + kind_len + note_len + 5)))
        return 1;
    p = (char *)(it + 1);
    it->h.kind = ITEM_ROW;
    it->row = *row;
    it->row.source = put_mem(&p, row->source, row->source_len);
    it->row.target = put_mem(&p, row->target, row->target_len);
    it->row.id = put_mem(&p, row->id, row->id_len);
    it->row.kind = put_mem(&p, row->kind, kind_len);
    it->row.note = put_mem(&p, row->note, note_len);
    return 0;
}

/* The writer thread's handoff_fn: one record, as the reader's callback would have done it. */
static int write_item(void *data, void *record)
{
    struct convert_ctx *cc = data;
    const struct item *it = record;

    switch (it->kind) {
    case ITEM_CONCEPT:
        return exchange_writer_add(cc->w, &((const struct concept_item *)it)->c);
    case ITEM_ROW:
        return exchange_writer_add_row(cc->w, &((const struct row_item *)it)->row);
    case ITEM_LANGS:
        for (int side = 0; side < 2; side++) {
            strbuf_reset(&cc->tag[side]);
            strbuf_addstr(&cc->tag[side], ((const struct langs_item *)it)->tag[side]);
        }
        cc->w->opt.source_lang = cc->tag[0].buf;
        cc->w->opt.target_lang = cc->tag[1].buf;
        return 0;
    case ITEM_WARNING: {
        const struct warning_item *wi = (const struct warning_item *)it;
        show_warning(cc->path, wi->line, wi->col, wi->msg);
        return 0;
    }
    }
    return 0;
}

/*
 * Whether to convert on two threads. The writer thread pays for itself
 * on a large input (1M TMX units: TBX or TMX output 22 % faster in wall
 * time, TSV 2 %), not on a small one: a 1 MiB TMX (2,500 units) converts
 * in about 10 ms on one thread, and two used 1 ms more CPU time for TSV and
 * saved nothing measurable for TBX (perf stat -r 30). A pipe's size is
 * unknown: two threads. DADEUM_CONVERT_THREADS=1 or 2 forces the choice
 * (for tests; HACKING.md).
 */
static int two_threads(const char *in)
{
    const char *env = getenv("DADEUM_CONVERT_THREADS");
    struct stat st;

    if (env && (!strcmp(env, "1") || !strcmp(env, "2")))
        return *env == '2';
    if (strcmp(in, "-") ? stat(in, &st) : fstat(0, &st))
        return 0; /* the reader says why */
    return !S_ISREG(st.st_mode) || st.st_size >= 1024 * 1024;
}

static const struct cli_option options[] = {{"from", required_argument, 'f', 0},
                                            {"to", required_argument, 't', 0},
                                            {"target", required_argument, 'g', 0},
                                            {"source-lang", required_argument, 'S', 0},
                                            {"target-lang", required_argument, 'T', 0},
                                            {"date", required_argument, 'D', 0},
                                            CLI_OPTION_END};
static const struct cli_options convert_options = {synopsis, help, options, NULL, 0};

int cmd_convert(int argc, char **argv, struct dadeum_ctx *ctx)
{
    struct cli_parser parser;
    const struct exchange_format *from = NULL, *to = NULL;
    const char *date_opt = NULL, *in, *outpath;
    struct exchange_options opt = EXCHANGE_OPTIONS_INIT;
    struct cli_langs langs = CLI_LANGS_INIT;
    struct outfile out = OUTFILE_INIT;
    struct exchange_writer w;
    struct exchange_reader rd;
    struct dd_error xerr;
    struct convert_ctx cc;
    int c, ret = DADEUM_EXIT_OK, writer_open = 0, langs_open = 0, read_failed;
    char date[32];

    (void)ctx; /* no CLI_CONTEXT: NULL */
    cli_parser_init(&parser, &convert_options);
    while ((c = cli_next_option(&parser, argc, argv)) > 0) {
        switch (c) {
        case 'f':
        case 't': {
            const struct exchange_format *f = exchange_format_find(optarg);
            if (!f || (c == 'f' && !f->read)) {
                error("unknown format '%s' (%s)", optarg, exchange_format_names());
                ret = cli_usage(synopsis, help, 0);
                goto cleanup;
            }
            *(c == 'f' ? &from : &to) = f;
            break;
        }
        case 'g':
            if (cli_target_option(optarg, &opt)) {
                ret = cli_usage(synopsis, help, 0);
                goto cleanup;
            }
            break;
        case 'S':
        case 'T':
            if (cli_langs_option(&langs, c == 'T', optarg)) {
                ret = cli_usage(synopsis, help, 0);
                goto cleanup;
            }
            break;
        case 'D':
            date_opt = optarg;
            break;
        }
    }
    if (c < 0) {
        ret = parser.status;
        goto cleanup;
    }
    if (argc - optind != 2) {
        error(argc - optind < 2 ? "convert needs an input and an output file"
                                : "convert takes one input and one output file");
        ret = cli_usage(synopsis, help, 0);
        goto cleanup;
    }
    in = argv[optind];
    outpath = argv[optind + 1];
    if (cli_exchange_date(date_opt, date)) {
        ret = cli_usage(synopsis, help, 0);
        goto cleanup;
    }
    if (cli_options_only)
        goto cleanup;
    if (cli_check_stdin(in)) {
        ret = DADEUM_EXIT_INPUT;
        goto cleanup;
    }
    if (!from && strcmp(in, "-") && !(from = exchange_format_for_path(in)))
        from = exchange_format_sniff(in);
    if (!to && strcmp(outpath, "-"))
        to = exchange_format_for_path(outpath);
    if (!from || !to) {
        if (!from && strcmp(in, "-")) {
            error("cannot read '%s': %s", in, errno ? strerror(errno) : "empty file");
            ret = DADEUM_EXIT_INPUT;
            goto cleanup;
        }
        error("cannot tell the %s format from '%s': use %s", from ? "output" : "input",
              from ? outpath : in, from ? "--to" : "--from");
        ret = cli_usage(synopsis, help, 0);
        goto cleanup;
    }
    opt.date = date;
    opt.tool_version = DADEUM_VERSION;
    cli_langs_apply(&langs, &opt);

    if (cli_refuse_same_file(outpath, in, "the input")) {
        ret = DADEUM_EXIT_USAGE;
        goto cleanup;
    }
    if (cli_outfile_open(&out, outpath)) {
        ret = DADEUM_EXIT_OUTPUT;
        goto cleanup;
    }
    exchange_writer_init(&w, to->ops, out.fp, &opt);
    writer_open = 1;
    memset(&cc, 0, sizeof(cc));
    cc.path = in;
    cc.w = &w;
    cc.lang[0] = langs.source.len ? langs.source.buf : NULL;
    cc.lang[1] = langs.target.len ? langs.target.buf : NULL;
    cc.fallback[0] = opt.source_lang;
    cc.fallback[1] = opt.target_lang;
    strbuf_init(&cc.langs.source, 0);
    strbuf_init(&cc.langs.target, 0);
    for (int side = 0; side < 2; side++) {
        strbuf_init(&cc.sent[side], 0);
        strbuf_init(&cc.tag[side], 0);
    }
    langs_open = 1;
    memset(&rd, 0, sizeof(rd));
    rd.concept = on_concept;
    rd.row = to->ops->row ? on_row : NULL;
    rd.warn = on_warn;
    rd.ctx = &cc;
    rd.opt = opt;
    rd.langs = &cc.langs;
    rd.omit = to->ops->omit;
    if (two_threads(in)) /* NULL when no thread can be started: then on one */
        cc.h = handoff_start(write_item, &cc, BATCH_BYTES, BATCHES);
    read_failed = from->read(in, &rd, &xerr) != 0;
    if (cc.h) /* the writer thread writes and warns what the read gave it, then ends */
        handoff_finish(cc.h);
    /*
     * A failed write stops the read, and is what is reported: on two threads
     * the read may go on a little past it, even to an error of its own.
     */
    if (read_failed && !ferror(out.fp)) {
        dd_error_locate(&xerr, "cannot read '%s' (%s)", in, from->name);
        ret = cli_fail(&xerr);
        goto cleanup;
    }
    if (!ferror(out.fp)) /* else the write failed and stopped the read */
        exchange_writer_finish(&w);
    if (ferror(out.fp) || outfile_commit(&out)) {
        error("cannot write '%s': %s", outpath, strerror(errno ? errno : EIO));
        ret = DADEUM_EXIT_OUTPUT;
    }
cleanup:
    if (ret != DADEUM_EXIT_OK)
        outfile_abort(&out);
    cli_cleanup_on_signal(NULL);
    if (writer_open)
        exchange_writer_release(&w);
    if (langs_open) {
        strbuf_release(&cc.langs.source);
        strbuf_release(&cc.langs.target);
        for (int side = 0; side < 2; side++) {
            strbuf_release(&cc.sent[side]);
            strbuf_release(&cc.tag[side]);
        }
    }
    cli_langs_release(&langs);
    return ret;
}
