/*
 * cmd_translit.c - `dadeum translit`: Hangul loanwords in, English out.
 *
 * One output line per input word: the word as given, a tab, then the English
 * candidates best first, tab-separated; nothing after the tab when no
 * candidate is credible. A word that mixes scripts ("AI 원스톱 바우처") is
 * rendered as one gloss with its Latin parts kept (translit_gloss).
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "align/translit.h"
#include "cli/cli.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/banned.h"

static const char synopsis[] =
    "usage: dadeum translit [--all | -n <count>] [--score] (<word>... | -)\n";

static const char help[] =
    "\n"
    "Finds the English words that Hangul loanwords transliterate, e.g.\n"
    "클라우드 -> cloud, 게임체인저 -> game changer, by comparing each word with the\n"
    "standard Hangul spelling (외래어 표기법) of every word of the CMU pronouncing\n"
    "dictionary; hunspell en_US tells real words from names.\n"
    "\n"
    "input:\n"
    "  <word>...           words to transliterate; a word with Latin letters or\n"
    "                      spaces is a gloss: its Hangul parts are replaced and\n"
    "                      the rest kept ('AI 원스톱 바우처')\n"
    "  -                   read words from standard input, one per line\n"
    "\n"
    "output (one line per word: word, tab, candidates separated by tabs):\n"
    "  -n, --count <count> print at most <count> candidates, 1 to 32 (default 3)\n"
    "  --all               print every credible candidate (not with -n)\n"
    "  --score             follow each candidate with ' (0.87)', its confidence\n"
    "\n"
    "exit status: 0 every word was looked up (with or without a result),\n"
    "2 usage, 3 a word is not valid UTF-8 (the others are still printed),\n"
    "4 output could not be written.\n";

#define ALL_MAX 32

struct translit_opts {
    size_t count; /* candidates per word */
    int score;    /* print confidences */
};

/* Prints the line for word w. Returns an exit status. */
static int translit_word(struct translit *t, const char *w, size_t len, const char *where,
                         size_t no, const struct translit_opts *opt, FILE *out)
{
    struct translit_candidate cand[ALL_MAX];
    int n, hangul_only = len > 0;

    if (utf8_valid_prefix(w, len) != len) {
        error("%s %zu is not valid UTF-8 at byte %zu", where, no, utf8_valid_prefix(w, len) + 1);
        return DADEUM_EXIT_INPUT;
    }
    fwrite(w, 1, len, out);
    fputc('\t', out);
    for (size_t i = 0; i < len;) {
        uint32_t c;
        i += utf8_decode(w + i, len - i, &c);
        if (!uc_is_hangul_syllable(c))
            hangul_only = 0;
    }
    if (!hangul_only) {
        struct strbuf sb = STRBUF_INIT;
        size_t hangul = 0;
        for (size_t i = 0; i < len;) {
            uint32_t c;
            i += utf8_decode(w + i, len - i, &c);
            hangul += uc_is_hangul_syllable(c);
        }
        /* a gloss counts only when it has Hangul to replace */
        if (hangul && translit_gloss(t, w, len, &sb) == 0)
            fputs(sb.buf, out);
        strbuf_release(&sb);
        fputc('\n', out);
        return DADEUM_EXIT_OK;
    }
    n = translit_lookup(t, w, len, cand, opt->count);
    for (int i = 0; i < n; i++) {
        if (i)
            fputc('\t', out);
        fputs(cand[i].en, out);
        if (opt->score)
            fprintf(out, " (%.2f)", cand[i].score);
    }
    fputc('\n', out);
    return DADEUM_EXIT_OK;
}

/* Trims ASCII white space (and the CR of CRLF) around s[0..*len). */
static const char *trim(const char *s, size_t *len)
{
    while (*len && (s[*len - 1] == '\n' || s[*len - 1] == '\r' || s[*len - 1] == ' ' ||
                    s[*len - 1] == '\t'))
        (*len)--;
    while (*len && (*s == ' ' || *s == '\t')) {
        s++;
        (*len)--;
    }
    return s;
}

static const struct cli_option options[] = {{"count", required_argument, 'n', CLI_SHORT},
                                            {"all", no_argument, 'a', 0},
                                            {"score", no_argument, 's', 0},
                                            CLI_OPTION_END};
static const struct cli_options translit_options = {synopsis, help, options, NULL, 0};

int cmd_translit(int argc, char **argv, struct dadeum_ctx *ctx)
{
    struct cli_parser parser;
    struct translit_opts opt = {3, 0};
    struct translit *t = NULL;
    enum spell_status st;
    int c, ret = DADEUM_EXIT_OK, count_opt = 0, all_opt = 0;

    (void)ctx; /* no CLI_CONTEXT: NULL */
    cli_parser_init(&parser, &translit_options);
    while ((c = cli_next_option(&parser, argc, argv)) > 0) {
        switch (c) {
        case 'n': {
            unsigned long v;
            if (cli_parse_number("-n", optarg, 1, ALL_MAX, &v))
                return cli_usage(synopsis, help, 0);
            opt.count = (size_t)v;
            count_opt = 1;
            break;
        }
        case 'a':
            opt.count = ALL_MAX;
            all_opt = 1;
            break;
        case 's':
            opt.score = 1;
            break;
        }
    }
    if (c < 0)
        return parser.status;
    if (optind >= argc) {
        error("no words given (use '-' to read them from standard input)");
        return cli_usage(synopsis, help, 0);
    }
    if (count_opt && all_opt) {
        error("--all and -n cannot be combined: --all prints every credible candidate");
        return cli_usage(synopsis, help, 0);
    }
    if (cli_options_only)
        return DADEUM_EXIT_OK;
    t = translit_new(0, &st);
    if (st != SPELL_OK)
        warning("this build has no hunspell en_US verdicts (%s when it was built); "
                "ranking without them",
                spell_strerror(st));
    for (int i = optind; i < argc; i++) {
        int r;
        if (!strcmp(argv[i], "-")) {
            char *line = NULL;
            size_t cap = 0;
            ssize_t got;
            size_t no = 0;
            if (cli_check_stdin(argv[i])) {
                ret = DADEUM_EXIT_INPUT;
                continue;
            }
            while ((got = getline(&line, &cap, stdin)) != -1) {
                size_t len = (size_t)got;
                const char *w = trim(line, &len);
                r = translit_word(t, w, len, "<stdin> line", ++no, &opt, stdout);
                if (r != DADEUM_EXIT_OK)
                    ret = r;
            }
            free(line);
            continue;
        }
        r = translit_word(t, argv[i], strlen(argv[i]), "word", (size_t)(i - optind) + 1, &opt,
                          stdout);
        if (r != DADEUM_EXIT_OK)
            ret = r;
    }
    translit_free(t);
    if (fflush(stdout) || ferror(stdout)) {
        error("cannot write '<stdout>': %s", strerror(errno));
        return DADEUM_EXIT_OUTPUT;
    }
    return ret;
}
