/*
 * harness.h - a tiny unit-test harness (after cmark's api_test/harness.h).
 *
 * Each test file defines test functions and a main() that calls them with
 * RUN(fn). Checks never abort: a failure prints file:line and the values,
 * counts, and the test goes on. The program prints one TAP line per test
 * function, then "# N passed, N failed" checks, and exits 1 if any failed.
 */
#ifndef DADEUM_TESTS_HARNESS_H
#define DADEUM_TESTS_HARNESS_H

#include <stdio.h>
#include <string.h>

static int harness_tests, harness_failed_tests;
static int harness_checks, harness_failed_checks;
static int harness_cur_failed;

#define OK(cond, ...)                                                                              \
    do {                                                                                           \
        harness_checks++;                                                                          \
        if (!(cond)) {                                                                             \
            harness_failed_checks++;                                                               \
            harness_cur_failed = 1;                                                                \
            fprintf(stderr, "  %s:%d: check failed: %s: ", __FILE__, __LINE__, #cond);             \
            fprintf(stderr, __VA_ARGS__);                                                          \
            fputc('\n', stderr);                                                                   \
        }                                                                                          \
    } while (0)

#define INT_EQ(got, want, ...)                                                                     \
    do {                                                                                           \
        long long harness_g = (long long)(got), harness_w = (long long)(want);                     \
        harness_checks++;                                                                          \
        if (harness_g != harness_w) {                                                              \
            harness_failed_checks++;                                                               \
            harness_cur_failed = 1;                                                                \
            fprintf(stderr, "  %s:%d: %s = %lld, want %lld: ", __FILE__, __LINE__, #got,           \
                    harness_g, harness_w);                                                         \
            fprintf(stderr, __VA_ARGS__);                                                          \
            fputc('\n', stderr);                                                                   \
        }                                                                                          \
    } while (0)

#define STR_EQ(got, want, ...)                                                                     \
    do {                                                                                           \
        const char *harness_gs = (got), *harness_ws = (want);                                      \
        harness_checks++;                                                                          \
        if (!harness_gs || !harness_ws || strcmp(harness_gs, harness_ws)) {                        \
            harness_failed_checks++;                                                               \
            harness_cur_failed = 1;                                                                \
            fprintf(stderr, "  %s:%d: %s = \"%s\", want \"%s\": ", __FILE__, __LINE__, #got,       \
                    harness_gs ? harness_gs : "(null)", harness_ws ? harness_ws : "(null)");       \
            fprintf(stderr, __VA_ARGS__);                                                          \
            fputc('\n', stderr);                                                                   \
        }                                                                                          \
    } while (0)

#define RUN(fn)                                                                                    \
    do {                                                                                           \
        harness_cur_failed = 0;                                                                    \
        fn();                                                                                      \
        harness_tests++;                                                                           \
        if (harness_cur_failed)                                                                    \
            harness_failed_tests++;                                                                \
        printf("%s %d - %s\n", harness_cur_failed ? "not ok" : "ok", harness_tests, #fn);          \
    } while (0)

static inline int harness_done(void)
{
    printf("1..%d\n# %d checks, %d failed\n", harness_tests, harness_checks, harness_failed_checks);
    return harness_failed_tests ? 1 : 0;
}

#endif
