/*
 * cli.h - what every command shares: exit codes, messages, the command table.
 *
 * Adding a command:
 *  1. write src/cli/cmd_<name>.c with int cmd_<name>(int argc, char **argv);
 *  2. declare it below and add a line to the table in main.c;
 *  3. give it a usage string (printed for -h and on misuse) and document it
 *     in docs/dadeum.1 and the README; parse its options as "options" below
 *     says, and add a seed to tests/data/fuzz/options/;
 *  4. add tests/tNNNN-<name>-*.sh.
 * Only this directory prints or chooses exit codes (STYLE.md §4).
 */
#ifndef DADEUM_CLI_CLI_H
#define DADEUM_CLI_CLI_H

#include "util/strbuf.h"

#include <getopt.h>
#include <stddef.h>
#include <stdio.h>

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
 * that the handler does not know. Returns 0, or -1 with errno set.
 */
struct outfile;
int cli_outfile_open(struct outfile *o, const char *path);

/*
 * An output must not replace what the command reads: returns -1 after
 * "output 'OUT' is the same file as WHAT 'IN'" when output and input are
 * one file (device and inode: hard links and symlinks included), else 0.
 * The caller exits DADEUM_EXIT_USAGE.
 */
int cli_refuse_same_file(const char *output, const char *input, const char *what);

int cmd_check(int argc, char **argv);
int cmd_convert(int argc, char **argv);
int cmd_export(int argc, char **argv);
/*
 * --source-lang / --target-lang: the canonical BCP 47 tag of arg into out.
 * Returns 0, or -1 after an error message naming opt.
 */
int cli_lang_option(const char *opt, const char *arg, struct strbuf *out /* OUT */);

/*
 * The creation date of an exchange file, as "YYYYMMDDThhmmssZ" into buf
 * (32 bytes): --date (date_opt) when given, else $SOURCE_DATE_EPOCH, else
 * now. Returns 0, or -1 after an error message (a usage error).
 */
int cli_exchange_date(const char *date_opt, char *buf /* OUT */);

/* ---- options ------------------------------------------------------------------------
 *
 * Every command parses its options the same way:
 *
 *   cli_options_begin();
 *   while ((c = getopt_long(argc, argv, ":ho:", longopts, NULL)) != -1)
 *       switch (c) {
 *       ...
 *       default:
 *           cli_option_error(c, argv, longopts);
 *           return cli_usage(synopsis, help, 0);
 *       }
 *   ... check the combination ...
 *   if (cli_options_only)
 *       return DADEUM_EXIT_OK;
 *
 * The optstring starts with ':' (after a '+'), so that a missing value is
 * told from an unknown option. Values are checked as they are read, with a
 * one-line error naming the option and what it accepts; a misuse exits
 * DADEUM_EXIT_USAGE before any file is opened or anything is written.
 */

/*
 * Set only by tests/fuzz/fuzz_options.c: each cmd_<name> returns
 * DADEUM_EXIT_OK once its options are parsed and checked, before it reads,
 * creates or writes any file.
 */
extern int cli_options_only;

/*
 * Starts parsing a command's argv: optind = 0, glibc's full reset (also of
 * the position inside a group of short options, which optind = 1 keeps
 * from an earlier parse), and getopt's own messages off.
 */
void cli_options_begin(void);

/*
 * Prints the error for what getopt_long just returned as c ('?' or ':'):
 * "unknown option 'X'", "option 'X' needs a value" or "option 'X' takes no
 * value". Returns -1.
 */
int cli_option_error(int c, char **argv, const struct option *longopts);

/*
 * Parses arg, the value of option opt, as a decimal whole number from min
 * to max: no sign, no space, nothing after the digits. Returns 0, or -1
 * after "OPT needs a whole number from MIN to MAX, not 'ARG'".
 */
int cli_parse_number(const char *opt, const char *arg, unsigned long min, unsigned long max,
                     unsigned long *out /* OUT */);

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

/* The largest --limit: results are counted in memory, and an SQL LIMIT is 64-bit. */
#define CLI_LIMIT_MAX 1000000000UL

/* Parses a --limit value (0 to CLI_LIMIT_MAX, 0: all); 0, or -1 after an error message. */
int cli_parse_limit(const char *arg, size_t *limit /* OUT */);
/* Parses text | tsv | json (enum render_format); 0, or -1 after an error message. */
int cli_parse_termbase_format(const char *arg, int *fmt /* OUT */);

int cmd_extract(int argc, char **argv);
int cmd_import(int argc, char **argv);
int cmd_ingest(int argc, char **argv);
int cmd_lookup(int argc, char **argv);
int cmd_review(int argc, char **argv);
int cmd_set(int argc, char **argv);
int cmd_translit(int argc, char **argv);

#endif
