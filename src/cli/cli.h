/*
 * cli.h - what every command shares: exit codes, messages, the command table.
 *
 * Adding a command:
 *  1. write src/cli/cmd_<name>.c with
 *     int cmd_<name>(int argc, char **argv, struct dadeum_ctx *ctx);
 *  2. declare it below and add a line to the table in commands.c, with
 *     CLI_CONTEXT when it extracts (ctx is NULL otherwise);
 *  3. give it a synopsis and a help text and an option table naming them
 *     (struct cli_options below: CLI_DB when it works on a termbase), parse
 *     with cli_parser_init / cli_next_option, document every option in its
 *     section of docs/dadeum.1 (tests/t0005-help-man.sh checks) and the
 *     README, and add a seed to tests/data/fuzz/options/;
 *  4. add tests/tNNNN-<name>-*.sh.
 * Only this directory prints or chooses exit codes (STYLE.md §4).
 */
#ifndef DADEUM_CLI_CLI_H
#define DADEUM_CLI_CLI_H

#include <getopt.h>
#include <stddef.h>
#include <stdio.h>

#include "util/strbuf.h"

struct dadeum_ctx;

/* Exit statuses, documented in `dadeum --help` and docs/dadeum.1. */
enum dadeum_exit {
    DADEUM_EXIT_OK = 0,       /* success */
    DADEUM_EXIT_NEGATIVE = 1, /* ran, and the answer is no (nothing found, findings) */
    DADEUM_EXIT_USAGE = 2,    /* bad command line */
    DADEUM_EXIT_INPUT = 3,    /* input unreadable, undecodable or malformed */
    DADEUM_EXIT_OUTPUT = 4,   /* output could not be written */
    DADEUM_EXIT_INTERNAL = 5  /* a bug or an unexpected system failure */
};

#define DADEUM_VERSION "0.1.0"

/*
 * "dadeum: error: ..." on stderr; returns -1 (git usage.c style). The line
 * is written as utf8_add_visible makes it (controls and bytes that are not
 * UTF-8 as \xNN), whatever the names and texts it quotes hold.
 */
int error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/*
 * The one place that reports a library error: prints e's message
 * (dd_error_format) as error() does and returns its exit status, which is
 * e->code (util/error.h: the codes are the exit statuses). Assumes e holds
 * an error.
 */
struct dd_error;
int cli_fail(const struct dd_error *e);

/* "dadeum: warning: ..." on stderr, written as error() writes. */
void warning(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/*
 * The warnings of every command that reads documents (align, extract,
 * ingest, text), worded once. path is as given ("-" is shown as <stdin>).
 *
 * --lenient replaced n (> 0) undecodable byte sequences of path, decoded
 * as encoding (NULL: "?").
 */
void cli_warn_replaced(const char *path, unsigned long long n, const char *encoding);
/* A line of path, at position at (as messages name it), had n bracket groups not read. */
void cli_warn_unread_groups(const char *path, const char *at, unsigned long n);

/*
 * Opens /dev/null on each of descriptors 0, 1 and 2 that is closed (git's
 * sanitize_stdfds), before anything else opens a file: else the first
 * output file would take descriptor 1 or 2 and receive the messages meant
 * for stderr. Remembers a closed stdin for cli_check_stdin. Returns 0, or
 * -1 when /dev/null cannot be opened.
 */
int cli_sanitize_stdfds(void);
/*
 * For an input path given on the command line: when it is "-" and standard
 * input was closed at start-up, prints an error and returns -1 (exit
 * DADEUM_EXIT_INPUT): a closed stdin is not an empty file. Else 0.
 */
int cli_check_stdin(const char *path);

/*
 * The file operands argv[optind..argc) of a command that reads documents:
 * at least one, and standard input ('-') at most once (*reads_stdin: 1
 * when it is one). Returns 0, or -1 after the error (the caller prints
 * its usage).
 */
int cli_check_inputs(int argc, char **argv, int *reads_stdin /* OUT */);

/*
 * Prints the synopsis to stderr with a hint and returns DADEUM_EXIT_USAGE;
 * with to_stdout (for -h) prints the full help to stdout and returns 0.
 */
int cli_usage(const char *synopsis, const char *help, int to_stdout);

/*
 * Flushes and closes standard output, as coreutils' close_stdout does at
 * exit: a full disk or a closed pipe is found here even when nothing
 * checked a printf. Returns -1 with errno set when something written to
 * standard output was lost, else 0. Only the first call closes: later
 * calls return 0 (the first caller reported the loss).
 */
int cli_close_stdout(void);

/* Removes the temporary file of an interrupted write on SIGINT/SIGTERM/SIGHUP. */
void cli_cleanup_on_signal(const char *tmp_path);

/*
 * outfile_open, then cli_cleanup_on_signal for its temporary file, with
 * those signals held in between: a signal can never leave a temporary file
 * that the handler does not know. Returns 0, or -1 after "cannot write
 * 'PATH': ..." (the caller exits DADEUM_EXIT_OUTPUT); standard output (NULL
 * or "-") never fails here.
 */
struct outfile;
int cli_outfile_open(struct outfile *o, const char *path);

/*
 * The end of an output opened with cli_outfile_open(o, path) by a command
 * whose status so far is ret: commits it when ret is DADEUM_EXIT_OK, else
 * discards it, and clears the signal cleanup. Returns ret, or
 * DADEUM_EXIT_OUTPUT after "cannot write 'PATH': ..." ('<stdout>' for a
 * NULL path) when the commit fails, the output then discarded too.
 */
int cli_outfile_finish(struct outfile *o, const char *path, int ret);

/*
 * An output must not replace what the command reads: returns -1 after
 * "output 'OUT' is the same file as WHAT 'IN'" when output and input are
 * one file (device and inode: hard links and symlinks included), else 0.
 * The caller exits DADEUM_EXIT_USAGE.
 */
int cli_refuse_same_file(const char *output, const char *input, const char *what);

/* What a command needs the command table (main.c) to make for it. */
enum cli_command_flags {
    CLI_CONTEXT = 1 << 0 /* a dadeum_ctx (dadeum.h): the command extracts */
};

struct cli_command {
    const char *name; /* as typed */
    /* argv[0] is the command's name; ctx is NULL without CLI_CONTEXT; returns an enum dadeum_exit
     */
    int (*fn)(int argc, char **argv, struct dadeum_ctx *ctx);
    const char *summary; /* one line for --help */
    unsigned flags;      /* enum cli_command_flags */
};

/* The command table (commands.c), in the order --help lists it. */
extern const struct cli_command cli_commands[];
extern const size_t cli_ncommands;

int cmd_align(int argc, char **argv, struct dadeum_ctx *ctx);
int cmd_check(int argc, char **argv, struct dadeum_ctx *ctx);
int cmd_convert(int argc, char **argv, struct dadeum_ctx *ctx);
int cmd_export(int argc, char **argv, struct dadeum_ctx *ctx);

/*
 * The options convert, export and import share for the exchange writers
 * and readers (io/exchange.h), parsed and checked in one place.
 *
 * --source-lang and --target-lang: the canonical BCP 47 tags given, each
 * empty until its option is.
 */
struct cli_langs {
    struct strbuf source; /* --source-lang */
    struct strbuf target; /* --target-lang */
};
#define CLI_LANGS_INIT                                                                             \
    {                                                                                              \
        STRBUF_INIT, STRBUF_INIT                                                                   \
    }
/*
 * --target-lang (target nonzero) or --source-lang: the canonical tag of arg
 * into l. Returns 0, or -1 after an error message naming the option.
 */
int cli_langs_option(struct cli_langs *l, int target, const char *arg);
/* Points opt's source_lang and target_lang at the tags of l that were given. */
struct exchange_options;
void cli_langs_apply(const struct cli_langs *l, struct exchange_options *opt /* OUT */);
void cli_langs_release(struct cli_langs *l);

/*
 * --target (english, abbrev or loanword) into opt->target. Returns 0, or
 * -1 after an error message.
 */
int cli_target_option(const char *arg, struct exchange_options *opt /* OUT */);

/*
 * The creation date of an exchange file, as "YYYYMMDDThhmmssZ" into buf
 * (32 bytes): --date (date_opt) when given, else $SOURCE_DATE_EPOCH, else
 * now. Returns 0, or -1 after an error message (a usage error).
 */
int cli_exchange_date(const char *date_opt, char *buf /* OUT */);

/* ---- options ------------------------------------------------------------------------
 *
 * Every command declares its options once, in a table that also names its
 * usage texts, and parses them the same way, GNU style: options and
 * operands in any order (the operands end up in argv[optind..argc)), "--"
 * ends the options, -h and --help print the help:
 *
 *   static const struct cli_option options[] = {
 *       {"format", required_argument, 'f', 0},
 *       {"output", required_argument, 'o', CLI_SHORT},  (also -o)
 *       CLI_OPTION_END};
 *   static const struct cli_options table = {synopsis, help, options, NULL};
 *
 *   struct cli_parser p;
 *   cli_parser_init(&p, &table);
 *   while ((c = cli_next_option(&p, argc, argv)) > 0)
 *       switch (c) {
 *       case 'f': ... optarg ...
 *       }
 *   if (c < 0)
 *       return p.status;
 *   ... check the combination ...
 *   if (cli_options_only)
 *       return DADEUM_EXIT_OK;
 *
 * A missing value is told from an unknown option. Values are checked as
 * they are read, with a one-line error naming the option and what it
 * accepts; a misuse exits DADEUM_EXIT_USAGE before any file is opened or
 * anything is written.
 */

enum cli_option_flags {
    CLI_SHORT = 1 << 0 /* the option is also -<id> */
};

struct cli_option {
    const char *name; /* the long name, without "--" */
    int has_arg;      /* no_argument or required_argument (getopt.h) */
    int id;           /* what cli_next_option returns: > 0, not 'h', '?' or ':' */
    unsigned flags;   /* enum cli_option_flags */
};
#define CLI_OPTION_END                                                                             \
    {                                                                                              \
        NULL, 0, 0, 0                                                                              \
    }

/* What a command's options table says it needs from the parser. */
enum cli_options_flags {
    /*
     * The command works on a termbase: --db <file> is parsed here (not an
     * empty name), into cli_parser.db, which is $DADEUM_DB when set and not
     * empty, else ./dadeum.db, without --db.
     */
    CLI_DB = 1 << 0
};

/* What a command's -h prints, and the options it takes. */
struct cli_options {
    const char *synopsis;             /* "usage: dadeum CMD ...\n", also printed on misuse */
    const char *help;                 /* the rest of -h */
    const struct cli_option *options; /* ends with CLI_OPTION_END; -h, --help are implied */
    int (*usage)(int to_stdout);      /* prints both instead of cli_usage, or NULL */
    unsigned flags;                   /* enum cli_options_flags */
};

#define CLI_MAX_OPTIONS 24

struct cli_parser {
    const struct cli_options *table;
    struct option longopts[CLI_MAX_OPTIONS + 2]; /* the table's, --help, the end */
    char shortopts[2 * CLI_MAX_OPTIONS + 4];     /* ":" then -h and the CLI_SHORT ones */
    int status;                                  /* exit status once cli_next_option < 0 */
    const char *db;                              /* with CLI_DB: the termbase to use */
    int db_given;                                /* with CLI_DB: --db was given */
};

/*
 * Starts parsing a command's argv with table: getopt's full reset (optind
 * = 0, which also forgets the position inside a group of short options that
 * optind = 1 keeps from an earlier parse) and its own messages off.
 */
void cli_parser_init(struct cli_parser *p, const struct cli_options *table);

/*
 * The id of the next option (its value in optarg); 0 when none is left
 * (operands are argv[optind..argc) then); -1 when the command must return
 * p->status: after -h or --help (help printed, DADEUM_EXIT_OK), or after an
 * unknown option, a missing value or a value given to an option that takes
 * none (error and usage printed on stderr, DADEUM_EXIT_USAGE).
 */
int cli_next_option(struct cli_parser *p, int argc, char **argv);

/*
 * Set only by tests/fuzz/fuzz_options.c: each cmd_<name> returns
 * DADEUM_EXIT_OK once its options are parsed and checked, before it reads,
 * creates or writes any file.
 */
extern int cli_options_only;

/*
 * Parses arg, the value of option opt, as a decimal whole number from min
 * to max: no sign, no space, nothing after the digits. Returns 0, or -1
 * after "OPT needs a whole number from MIN to MAX, not 'ARG'".
 */
int cli_parse_number(const char *opt, const char *arg, unsigned long min, unsigned long max,
                     unsigned long *out /* OUT */);

/*
 * The glossary lookup and check search (dadeum_glossary_open): the TSV or
 * TBX file glossary, or without it the termbase db. Returns it, or NULL
 * after an error message with *status set to the exit status.
 */
struct termbase;
struct termbase *cli_glossary_open(const char *db, const char *glossary, int *status /* OUT */);

/*
 * A file-name value (--db, -o, --glossary, --from-jsonl): returns 0, or -1
 * after "OPT needs a file name, not an empty string" when arg is empty.
 */
int cli_file_option(const char *opt, const char *arg);

/*
 * --encoding: returns 0 when iconv knows name (text/decode.h), else -1
 * after "unknown encoding 'NAME'" with a hint: checked before any input is
 * read or output written.
 */
int cli_check_encoding(const char *name);

/*
 * --input-format: adds TEXT_READER_FORMAT(f) (doc/reader.h) for the
 * format named (doc/doc.h) to *text_flags and returns 0, or returns -1 after
 * "unknown input format 'NAME'" (cmd_text.c).
 */
int cli_input_format(const char *name, unsigned *text_flags /* IN/OUT */);

/* The largest --limit: results are counted in memory, and an SQL LIMIT is 64-bit. */
#define CLI_LIMIT_MAX 1000000000UL

/* Parses a --limit value (0 to CLI_LIMIT_MAX, 0: all); 0, or -1 after an error message. */
int cli_parse_limit(const char *arg, size_t *limit /* OUT */);
/* Parses text | tsv | json (enum render_format); 0, or -1 after an error message. */
int cli_parse_termbase_format(const char *arg, int *fmt /* OUT */);

int cmd_extract(int argc, char **argv, struct dadeum_ctx *ctx);
int cmd_import(int argc, char **argv, struct dadeum_ctx *ctx);
int cmd_ingest(int argc, char **argv, struct dadeum_ctx *ctx);
int cmd_lookup(int argc, char **argv, struct dadeum_ctx *ctx);
int cmd_review(int argc, char **argv, struct dadeum_ctx *ctx);
int cmd_set(int argc, char **argv, struct dadeum_ctx *ctx);
int cmd_text(int argc, char **argv, struct dadeum_ctx *ctx);
int cmd_translit(int argc, char **argv, struct dadeum_ctx *ctx);

#endif
