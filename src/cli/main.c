/*
 * main.c - `dadeum <command> [<options>] [<args>]`: the command table.
 *
 * A thin shell over the library (cmark's main.c, git's git.c): it finds the
 * command and hands it argv with the command name at argv[0]. See cli.h for
 * how to add a command.
 */
#include <errno.h>
#include <malloc.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "dadeum.h"
#include "util/banned.h"

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
    for (size_t i = 0; i < cli_ncommands; i++)
        fprintf(fp, "  %-10s %s\n", cli_commands[i].name, cli_commands[i].summary);
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
    for (size_t i = 0; i < cli_ncommands; i++) {
        if (!strcmp(argv[1], cli_commands[i].name)) {
            /* what extracts gets the context: the lexicons, tables and oracle */
            struct dadeum_ctx *ctx = cli_commands[i].flags & CLI_CONTEXT ? dadeum_ctx_new() : NULL;
            int ret = cli_commands[i].fn(argc - 1, argv + 1, ctx);
            dadeum_ctx_free(ctx);
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
    /*
     * dadeum reads many files in one run, each with buffers of a few hundred KB
     * that are freed at its end. glibc's defaults (its thresholds adjust to the
     * largest block freed) give that memory back to the kernel after every file
     * and fault it in again for the next: 1,900 page faults on 1,975 short
     * files, 10 % of reading them. Blocks under 4 MB come from the heap, and up
     * to 8 MB of free heap is kept for the next file; memory stays bounded.
     */
    mallopt(M_MMAP_THRESHOLD, 4 << 20);
    mallopt(M_TRIM_THRESHOLD, 8 << 20);
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
