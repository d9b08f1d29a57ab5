/*
 * commands.c - the command table: every command, what it needs, its summary.
 *
 * Shared by main.c, which runs a command, and tests/fuzz/fuzz_options.c,
 * which parses every command's options (git's table in git.c).
 */
#include "cli/cli.h"
#include "util/banned.h"

const struct cli_command cli_commands[] = {
    {"extract", cmd_extract, "find term pairs in Korean documents and print them", CLI_CONTEXT},
    {"ingest", cmd_ingest, "store the pairs of documents in the termbase", CLI_CONTEXT},
    {"text", cmd_text, "print a document's text as dadeum reads it", 0},
    {"lookup", cmd_lookup, "find a term in the termbase by any of its forms", 0},
    {"review", cmd_review, "list termbase concepts awaiting review", 0},
    {"set", cmd_set, "record a review decision on a termbase concept", 0},
    {"translit", cmd_translit, "find the English words Hangul loanwords transliterate", 0},
    {"export", cmd_export, "write the termbase as TMX, TBX, TSV or CSV", 0},
    {"import", cmd_import, "merge TMX, TBX, TSV or CSV files into the termbase", 0},
    {"convert", cmd_convert, "convert between TMX, TBX, TSV and CSV without a termbase", 0},
    {"check", cmd_check, "report loanwords in drafts that have a plain Korean term", 0},
    {"align", cmd_align, "align Korean documents with their English versions into TMX",
     CLI_CONTEXT},
};

const size_t cli_ncommands = sizeof(cli_commands) / sizeof(cli_commands[0]);
