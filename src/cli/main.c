/*
 * main.c - `dadeum <command> [<options>] [<args>]`: the command table.
 *
 * A thin shell over the library (cmark's main.c, git's git.c): it finds the
 * command and hands it argv with the command name at argv[0]. See cli.h for
 * how to add a command.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "align/oracle.h"
#include "cli/cli.h"
#include "util/banned.h"

struct command {
    const char *name;                 /* as typed */
    int (*fn)(int argc, char **argv); /* returns an enum dadeum_exit */
    const char *summary;              /* one line for --help */
};

static const struct command commands[] = {
    {"extract", cmd_extract, "find term pairs in Korean documents and print them"},
    {"ingest", cmd_ingest, "store the pairs of documents in the termbase"},
    {"text", cmd_text, "print a document's text as dadeum reads it (HWP, text)"},
    {"lookup", cmd_lookup, "find a term in the termbase by any of its forms"},
    {"review", cmd_review, "list termbase concepts awaiting review"},
    {"set", cmd_set, "record a review decision on a termbase concept"},
    {"translit", cmd_translit, "find the English words Hangul loanwords transliterate"},
    {"export", cmd_export, "write the termbase as TMX, TBX, TSV or CSV"},
    {"import", cmd_import, "merge TMX, TBX, TSV or CSV files into the termbase"},
    {"convert", cmd_convert, "convert between TMX, TBX, TSV and CSV without a termbase"},
    {"check", cmd_check, "report loanwords in drafts that have a plain Korean term"},
};

static const char help_head[] =
    "usage: dadeum [--version] [--help] <command> [<options>] [<args>]\n"
    "\n"
    "dadeum builds Korean-English glossaries from Korean administrative text:\n"
    "plain Korean terms and the loanwords, English words and abbreviations\n"
    "given beside them, e.g. 인터넷 기반 자원 공유(클라우드).\n"
    "\n"
    "commands:\n";

static const char help_tail[] = "\n"
                                "Run 'dadeum <command> -h' for a command's options.\n"
                                "\n"
                                "exit status:\n"
                                "  0  success\n"
                                "  1  ran, and the answer is negative (nothing found, findings)\n"
                                "  2  usage error\n"
                                "  3  input unreadable, undecodable or malformed\n"
                                "  4  output could not be written\n"
                                "  5  internal error\n";

static int help(FILE *fp)
{
    fputs(help_head, fp);
    for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
        fprintf(fp, "  %-10s %s\n", commands[i].name, commands[i].summary);
    fputs(help_tail, fp);
    return fp == stdout ? DADEUM_EXIT_OK : DADEUM_EXIT_USAGE;
}

static int run(int argc, char **argv)
{
    if (argc < 2)
        return help(stderr);
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help"))
        return help(stdout);
    if (!strcmp(argv[1], "--version")) {
        printf("dadeum %s\n", DADEUM_VERSION);
        return DADEUM_EXIT_OK;
    }
    for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
        if (!strcmp(argv[1], commands[i].name)) {
            /* the extractor may ask the transliterator about loanwords */
            align_install_oracle();
            int ret = commands[i].fn(argc - 1, argv + 1);
            align_release_oracle();
            align_release_oracle_cache();
            return ret;
        }
    }
    error("'%s' is not a dadeum command; see 'dadeum --help'", argv[1]);
    return DADEUM_EXIT_USAGE;
}

int main(int argc, char **argv)
{
    int ret;

    if (cli_sanitize_stdfds())
        return DADEUM_EXIT_INTERNAL;
    ret = run(argc, argv);
    /*
     * What went to standard output (--help, --version, results) must have
     * arrived: `dadeum --help >/dev/full` fails. A command that already
     * failed keeps its status.
     */
    if (cli_close_stdout() && ret <= DADEUM_EXIT_NEGATIVE) {
        error("cannot write to standard output: %s", strerror(errno));
        ret = DADEUM_EXIT_OUTPUT;
    }
    return ret;
}
