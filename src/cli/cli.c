/*
 * cli.c - messages, usage and signal cleanup for the commands.
 */
#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "dadeum.h"
#include "io/exchange.h"
#include "io/lang.h"
#include "io/render.h"
#include "termbase/termbase.h"
#include "text/decode.h"
#include "util/error.h"
#include "util/outfile.h"
#include "util/utf8.h"
#include "util/banned.h"

/*
 * One message line on stderr. Messages quote file names and file contents,
 * which may hold any byte: the line is written as utf8_add_visible makes
 * it, so that no name can move the cursor or retitle the terminal.
 */
static void message(const char *prefix, const char *fmt, va_list ap)
{
    struct strbuf sb = STRBUF_INIT;

    strbuf_addstr(&sb, prefix);
    strbuf_vaddf(&sb, fmt, ap);
    utf8_write_visible(stderr, sb.buf, 0);
    fputc('\n', stderr);
    strbuf_release(&sb);
}

int error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    message("dadeum: error: ", fmt, ap);
    va_end(ap);
    return -1;
}

/* The library's error codes are the documented exit statuses, one to one. */
_Static_assert((int)DD_ENEGATIVE == (int)DADEUM_EXIT_NEGATIVE &&
                   (int)DD_EUSAGE == (int)DADEUM_EXIT_USAGE &&
                   (int)DD_EINPUT == (int)DADEUM_EXIT_INPUT &&
                   (int)DD_EOUTPUT == (int)DADEUM_EXIT_OUTPUT &&
                   (int)DD_EINTERNAL == (int)DADEUM_EXIT_INTERNAL,
               "enum dd_code and enum dadeum_exit agree");

int cli_fail(const struct dd_error *e)
{
    struct strbuf sb = STRBUF_INIT;

    assert(e && e->code != DD_OK && e->code < DD_NCODES);
    dd_error_format(e, &sb);
    error("%s", sb.buf);
    strbuf_release(&sb);
    return (int)e->code;
}

void warning(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    message("dadeum: warning: ", fmt, ap);
    va_end(ap);
}

void cli_warn_replaced(const char *path, unsigned long long n, const char *encoding)
{
    warning("'%s': replaced %llu undecodable byte sequence(s) read as %s",
            strcmp(path, "-") ? path : "<stdin>", n, encoding ? encoding : "?");
}

void cli_warn_unread_groups(const char *path, const char *at, unsigned long n)
{
    warning("%s:%s: %lu bracket group(s) beyond the first 256 on a line not read",
            strcmp(path, "-") ? path : "<stdin>", at, n);
}

/* Standard input was closed when dadeum started (cli_sanitize_stdfds). */
static int stdin_was_closed;

int cli_sanitize_stdfds(void)
{
    /* in order: open() takes the lowest free descriptor, which is fd itself */
    for (int fd = 0; fd <= 2; fd++) {
        if (fcntl(fd, F_GETFD) >= 0 || errno != EBADF)
            continue;
        /*
         * Standard input gets /dev/null open for writing only, so that a
         * read nobody checked with cli_check_stdin fails (EBADF) instead of
         * taking an empty file for the input.
         */
        if (open("/dev/null", fd == 0 ? O_WRONLY : O_RDWR) != fd)
            return error("cannot open '/dev/null': %s", strerror(errno));
        if (fd == 0)
            stdin_was_closed = 1;
    }
    return 0;
}

int cli_check_stdin(const char *path)
{
    if (path && !strcmp(path, "-") && stdin_was_closed)
        return error("cannot read standard input: it is closed");
    return 0;
}

int cli_usage(const char *synopsis, const char *help, int to_stdout)
{
    if (to_stdout) {
        fputs(synopsis, stdout);
        fputs(help, stdout);
        return DADEUM_EXIT_OK;
    }
    fputs(synopsis, stderr);
    fputs("Try 'dadeum <command> -h' for more information.\n", stderr);
    return DADEUM_EXIT_USAGE;
}

/* The temporary file of the output being written, for the handler below. */
static char cleanup_path[4096];

static void on_signal(int sig)
{
    if (cleanup_path[0])
        unlink(cleanup_path);
    signal(sig, SIG_DFL);
    raise(sig);
}

void cli_cleanup_on_signal(const char *tmp_path)
{
    static int installed;
    size_t n = tmp_path ? strlen(tmp_path) : 0;
    if (n >= sizeof(cleanup_path))
        n = 0;
    memcpy(cleanup_path, tmp_path ? tmp_path : "", n);
    cleanup_path[n] = '\0';
    if (!installed) {
        installed = 1;
        signal(SIGINT, on_signal);
        signal(SIGTERM, on_signal);
        signal(SIGHUP, on_signal);
    }
}

int cli_outfile_open(struct outfile *o, const char *path)
{
    sigset_t hold, old;
    int ret, e;

    sigemptyset(&hold);
    sigaddset(&hold, SIGINT);
    sigaddset(&hold, SIGTERM);
    sigaddset(&hold, SIGHUP);
    /* the handler first (with no file yet), so that a signal held below is caught */
    cli_cleanup_on_signal(NULL);
    sigprocmask(SIG_BLOCK, &hold, &old);
    ret = outfile_open(o, path);
    e = errno;
    if (!ret)
        cli_cleanup_on_signal(outfile_get_tmp(o));
    sigprocmask(SIG_SETMASK, &old, NULL);
    if (ret)
        return error("cannot write '%s': %s", path, strerror(e));
    if (o->nlink > 1)
        warning("'%s' has %lu hard links: only this name gets the new contents", path, o->nlink);
    return 0;
}

int cli_outfile_finish(struct outfile *o, const char *path, int ret)
{
    if (ret == DADEUM_EXIT_OK && outfile_commit(o)) {
        error("cannot write '%s': %s", path ? path : "<stdout>", strerror(errno));
        ret = DADEUM_EXIT_OUTPUT;
    }
    if (ret != DADEUM_EXIT_OK)
        outfile_abort(o);
    cli_cleanup_on_signal(NULL);
    return ret;
}

int cli_refuse_same_file(const char *output, const char *input, const char *what)
{
    if (!outfile_same_file(output, input))
        return 0;
    return error("output '%s' is the same file as %s '%s'", output, what, input);
}

int cli_close_stdout(void)
{
    static int closed;
    int lost, e;

    if (closed)
        return 0;
    closed = 1;
    errno = 0;
    lost = ferror(stdout);
    if (fflush(stdout))
        lost = 1;
    e = errno;
    if (fclose(stdout) && !lost) {
        lost = 1;
        e = errno;
    }
    errno = e ? e : EIO;
    return lost ? -1 : 0;
}

/* ---- options --------------------------------------------------------------------------- */

int cli_options_only;

static int option_error(int c, char **argv, const struct option *longopts);

/* The id of --db under CLI_DB: no command's own (theirs are letters) */
#define CLI_OPT_DB 0x100

/* 1 when the synopsis or help of t writes option o as "--name" (and "-x" when short). */
static int option_documented(const struct cli_options *t, const struct cli_option *o)
{
    char name[64];
    int n = snprintf(name, sizeof(name), "--%s", o->name);
    int ok = n > 0 && (size_t)n < sizeof(name) &&
             (strstr(t->synopsis, name) || (t->help && strstr(t->help, name)));
    if (ok && (o->flags & CLI_SHORT)) {
        snprintf(name, sizeof(name), "-%c", o->id);
        ok = strstr(t->synopsis, name) || (t->help && strstr(t->help, name));
    }
    return ok;
}

void cli_parser_init(struct cli_parser *p, const struct cli_options *table)
{
    size_t n = 0, k = 0;

    assert(p && table && table->synopsis && table->options);
    p->table = table;
    p->status = DADEUM_EXIT_OK;
    p->db = NULL;
    p->db_given = 0;
    p->shortopts[k++] = ':'; /* a missing value is ':', not '?' */
    p->shortopts[k++] = 'h';
    for (const struct cli_option *o = table->options; o->name; o++) {
        assert(n + 1 < CLI_MAX_OPTIONS); /* room for --db too */
        assert(o->id > 0 && o->id != 'h' && o->id != '?' && o->id != ':' && o->id != CLI_OPT_DB);
        assert(!(table->flags & CLI_DB) || strcmp(o->name, "db"));
        /* the table and the texts -h prints must agree (t0005 runs every -h) */
        assert(option_documented(table, o));
        p->longopts[n++] = (struct option){o->name, o->has_arg, NULL, o->id};
        if (o->flags & CLI_SHORT) {
            p->shortopts[k++] = (char)o->id;
            if (o->has_arg == required_argument)
                p->shortopts[k++] = ':';
        }
    }
    if (table->flags & CLI_DB) {
        const char *env = getenv("DADEUM_DB");
        p->db = env && *env ? env : "dadeum.db";
        p->db_given = 0;
        p->longopts[n++] = (struct option){"db", required_argument, NULL, CLI_OPT_DB};
    }
    p->longopts[n++] = (struct option){"help", no_argument, NULL, 'h'};
    p->longopts[n] = (struct option){NULL, 0, NULL, 0};
    p->shortopts[k] = '\0';
    optind = 0;
    opterr = 0;
}

static int print_usage(const struct cli_options *t, int to_stdout)
{
    return t->usage ? t->usage(to_stdout) : cli_usage(t->synopsis, t->help, to_stdout);
}

int cli_next_option(struct cli_parser *p, int argc, char **argv)
{
    int c;

again:
    c = getopt_long(argc, argv, p->shortopts, p->longopts, NULL);
    switch (c) {
    case CLI_OPT_DB:
        if (cli_file_option("--db", optarg)) {
            p->status = print_usage(p->table, 0);
            return -1;
        }
        p->db = optarg;
        p->db_given = 1;
        goto again;
    case -1:
        return 0;
    case 'h':
        p->status = print_usage(p->table, 1);
        return -1;
    case '?':
    case ':':
        option_error(c, argv, p->longopts);
        p->status = print_usage(p->table, 0);
        return -1;
    default:
        return c;
    }
}

/* The long option of longopts that the name typed (before any '=') stands for, or NULL. */
static const struct option *long_option(const char *typed, const struct option *longopts)
{
    size_t n = strcspn(typed, "=");
    const struct option *found = NULL;

    for (const struct option *o = longopts; o && o->name; o++) {
        if (strncmp(o->name, typed, n))
            continue;
        if (!o->name[n])
            return o; /* exact */
        if (found)
            return NULL; /* ambiguous abbreviation */
        found = o;
    }
    return found;
}

/*
 * Prints the error for what getopt_long just returned as c ('?' or ':'):
 * "unknown option 'X'", "option 'X' needs a value" or "option 'X' takes no
 * value". Returns -1.
 */
static int option_error(int c, char **argv, const struct option *longopts)
{
    const char *arg = optind > 0 ? argv[optind - 1] : "";
    int is_long = arg && arg[0] == '-' && arg[1] == '-';
    const struct option *o = is_long ? long_option(arg + 2, longopts) : NULL;

    if (c == ':') {
        if (is_long)
            return error("option '%.*s' needs a value", (int)strcspn(arg, "="), arg);
        return error("option '-%c' needs a value", optopt);
    }
    /* a long option given a value it does not take: getopt sets optopt to its val */
    if (o && optopt && o->val == optopt && o->has_arg == no_argument && strchr(arg, '='))
        return error("option '--%s' takes no value", o->name);
    if (optopt)
        return error("unknown option '-%c'", optopt);
    return error("unknown option '%.*s'", (int)strcspn(arg ? arg : "", "="), arg ? arg : "");
}

int cli_parse_number(const char *opt, const char *arg, unsigned long min, unsigned long max,
                     unsigned long *out)
{
    unsigned long v = 0;

    for (const char *p = arg; *p; p++) {
        unsigned d = (unsigned)(*p - '0');
        if (d > 9 || v > (max - d) / 10)
            goto bad; /* not a digit, or past max (overflow included) */
        v = v * 10 + d;
    }
    if (!*arg || v < min || v > max)
        goto bad;
    *out = v;
    return 0;
bad:
    return error("%s needs a whole number from %lu to %lu, not '%s'", opt, min, max, arg);
}

int cli_file_option(const char *opt, const char *arg)
{
    if (*arg)
        return 0;
    return error("%s needs a file name, not an empty string", opt);
}

int cli_check_encoding(const char *name)
{
    struct dd_error err;
    struct text_decoder *d = name ? text_decoder_new(name, 0, &err) : NULL;

    text_decoder_free(d);
    /* "" would mean "detect", as no --encoding does */
    if (!name || (d && *name))
        return 0;
    return error("unknown encoding '%s' (--encoding takes a name 'iconv -l' lists, such as "
                 "UTF-8, CP949 or UTF-16LE)",
                 name);
}

int cli_parse_limit(const char *arg, size_t *limit)
{
    unsigned long v;
    if (cli_parse_number("--limit", arg, 0, CLI_LIMIT_MAX, &v))
        return -1;
    *limit = (size_t)v;
    return 0;
}

int cli_parse_termbase_format(const char *arg, int *fmt)
{
    if (!strcmp(arg, "text"))
        *fmt = RENDER_TEXT;
    else if (!strcmp(arg, "tsv"))
        *fmt = RENDER_TSV;
    else if (!strcmp(arg, "json"))
        *fmt = RENDER_JSON;
    else
        return error("unknown format '%s' (text, tsv or json)", arg);
    return 0;
}

int cli_langs_option(struct cli_langs *l, int target, const char *arg)
{
    struct strbuf *out = target ? &l->target : &l->source;

    strbuf_reset(out);
    if (lang_normalize(arg, out) == LANG_INVALID || !strcmp(arg, "*all*")) {
        error("%s needs a BCP 47 language tag such as ko-KR, not '%s'",
              target ? "--target-lang" : "--source-lang", arg);
        return -1;
    }
    return 0;
}

void cli_langs_apply(const struct cli_langs *l, struct exchange_options *opt)
{
    if (l->source.len)
        opt->source_lang = l->source.buf;
    if (l->target.len)
        opt->target_lang = l->target.buf;
}

void cli_langs_release(struct cli_langs *l)
{
    strbuf_release(&l->source);
    strbuf_release(&l->target);
}

int cli_target_option(const char *arg, struct exchange_options *opt)
{
    int t = exchange_target_parse(arg);

    if (t < 0)
        return error("unknown target '%s' (english, abbrev or loanword)", arg);
    opt->target = (enum exchange_target)t;
    return 0;
}

int cli_exchange_date(const char *date_opt, char *buf)
{
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    long long t = (long long)time(NULL);

    if (date_opt && exchange_parse_date(date_opt, &t)) {
        error("--date needs a day from 1970-01-01 to 9999-12-31 as YYYY-MM-DD, "
              "YYYYMMDDThhmmssZ or epoch seconds, not '%s'",
              date_opt);
        return -1;
    }
    if (!date_opt && sde && *sde && exchange_parse_date(sde, &t)) {
        error("SOURCE_DATE_EPOCH must be epoch seconds, not '%s'", sde);
        return -1;
    }
    exchange_format_date(t, buf);
    return 0;
}

struct termbase *cli_glossary_open(const char *db, const char *glossary, int *status)
{
    struct dd_error err;
    struct termbase *tb;

    *status = DADEUM_EXIT_OK;
    if (cli_check_stdin(glossary)) {
        *status = DADEUM_EXIT_INPUT;
        return NULL;
    }
    tb = dadeum_glossary_open(db, glossary, &err);
    if (!tb)
        *status = cli_fail(&err);
    return tb;
}

int cli_check_inputs(int argc, char **argv, int *reads_stdin)
{
    int stdin_count = 0;

    *reads_stdin = 0;
    if (optind >= argc) {
        error("no input files (use '-' for standard input)");
        return -1;
    }
    for (int i = optind; i < argc; i++)
        stdin_count += !strcmp(argv[i], "-");
    if (stdin_count > 1) {
        error("standard input ('-') can be read only once");
        return -1;
    }
    *reads_stdin = stdin_count;
    return 0;
}
