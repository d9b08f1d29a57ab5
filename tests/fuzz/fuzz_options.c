/*
 * fuzz_options.c - libFuzzer harness for the command-line parsing of every
 * command (src/cli/cmd_*.c, cli.c).
 *
 * The input is split at newlines into an argument vector: the first line
 * names the command ("export", "review", ...), the others are its
 * arguments, at most 64. With cli_options_only set, each cmd_<name> parses
 * and checks its options and returns before it reads, creates or writes a
 * file (cli.h), so any vector is safe to run. Checked:
 *   - the status is 0 (options accepted, or -h) or 2 (misuse), never another;
 *   - a misuse printed exactly one "dadeum: error: " line;
 *   - everything printed (the usage, -h, the error) is valid UTF-8 without
 *     a control character but newline: arguments quoted in messages cannot
 *     reach the terminal raw;
 *   - no leak, overflow or undefined behaviour (ASan, UBSan), also over
 *     many runs in one process (getopt's state is reset each time).
 * stdout and stderr are pointed at one memory stream for this; libFuzzer
 * and the sanitizers keep the real standard error. Seeds:
 * tests/data/fuzz/options/.
 */
#include <assert.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "util/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const struct {
    const char *name;                 /* as typed */
    int (*fn)(int argc, char **argv); /* the command */
} commands[] = {
    {"extract", cmd_extract}, {"ingest", cmd_ingest}, {"lookup", cmd_lookup},
    {"review", cmd_review},   {"set", cmd_set},       {"translit", cmd_translit},
    {"export", cmd_export},   {"import", cmd_import}, {"convert", cmd_convert},
    {"check", cmd_check},     {"text", cmd_text},
};

#define MAX_ARGS 64

static FILE *capture; /* what the commands print */
static char *cap_buf;
static size_t cap_len;

static void check_output(int ret)
{
    size_t errors = 0;

    fflush(capture);
    assert(utf8_valid_prefix(cap_buf, cap_len) == cap_len);
    for (size_t i = 0; i < cap_len; i++) {
        unsigned char c = (unsigned char)cap_buf[i];
        assert(c >= 0x20 || c == '\n');
        assert(c != 0x7f);
        if ((i == 0 || cap_buf[i - 1] == '\n') && !strncmp(cap_buf + i, "dadeum: error: ", 15))
            errors++;
    }
    if (ret == DADEUM_EXIT_USAGE)
        assert(errors == 1);
    else
        assert(errors == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *copy, *argv[MAX_ARGS + 1];
    int argc = 0, ret;
    size_t cmd;

    if (!capture) {
        capture = open_memstream(&cap_buf, &cap_len);
        assert(capture);
        cli_options_only = 1;
    }
    copy = malloc(size + 1);
    assert(copy);
    memcpy(copy, data, size);
    copy[size] = '\0';
    for (char *p = copy; argc < MAX_ARGS;) {
        char *nl = strchr(p, '\n');
        argv[argc++] = p;
        if (!nl)
            break;
        *nl = '\0';
        p = nl + 1;
    }
    argv[argc] = NULL;
    for (cmd = 0; cmd < sizeof(commands) / sizeof(commands[0]); cmd++)
        if (!strcmp(argv[0], commands[cmd].name))
            break;
    if (cmd == sizeof(commands) / sizeof(commands[0])) {
        free(copy);
        return 0;
    }
    fseeko(capture, 0, SEEK_SET);
    {
        FILE *out = stdout, *err = stderr;
        stdout = capture;
        stderr = capture;
        ret = commands[cmd].fn(argc, argv);
        stdout = out;
        stderr = err;
    }
    assert(ret == DADEUM_EXIT_OK || ret == DADEUM_EXIT_USAGE);
    check_output(ret);
    free(copy);
    return 0;
}
