/*
 * test_assign.c - unit tests for src/align/assign.c (Hungarian algorithm):
 * textbook matrices, rectangular shapes both ways, and random matrices
 * checked against brute force over every permutation.
 */
#include <stdio.h>
#include <stdlib.h>

#include "harness.h"
#include "align/assign.h"
#include "util/banned.h"

static void test_square(void)
{
    /* The classic 4 x 4 example: optimum 140 (rows 0..3 -> columns 1,0,2,3). */
    static const double c[] = {82, 83, 69, 92, 77, 37, 49, 92, 11, 69, 5, 86, 8, 9, 98, 23};
    long a[4];
    double t = assign_min_cost(c, 4, 4, a);
    INT_EQ((long)t, 140, "total");
    INT_EQ(a[0], 2, "row 0");
    INT_EQ(a[1], 1, "row 1");
    INT_EQ(a[2], 0, "row 2");
    INT_EQ(a[3], 3, "row 3");
}

static void test_rectangular(void)
{
    /* 2 rows, 3 columns: rows take columns 2 and 0. */
    static const double wide[] = {4, 3, 1, 2, 5, 6};
    long a[3];
    double t = assign_min_cost(wide, 2, 3, a);
    INT_EQ((long)t, 3, "wide total");
    INT_EQ(a[0], 2, "wide row 0");
    INT_EQ(a[1], 0, "wide row 1");

    /* 3 rows, 2 columns: one row stays out. */
    static const double tall[] = {4, 2, 3, 1, 1, 5};
    t = assign_min_cost(tall, 3, 2, a);
    INT_EQ((long)t, 2, "tall total");
    INT_EQ(a[0], -1, "tall row 0 left out");
    INT_EQ(a[1], 1, "tall row 1");
    INT_EQ(a[2], 0, "tall row 2");

    /* Maximising scores. */
    static const double s[] = {0.9, 0.8, 0.85, 0.1};
    t = assign_max_score(s, 2, 2, a);
    INT_EQ(a[0], 1, "max row 0");
    INT_EQ(a[1], 0, "max row 1");
    OK(t > 1.64 && t < 1.66, "max total %g", t);

    INT_EQ((long)assign_min_cost(s, 0, 0, a), 0, "empty");
}

/* Best total over every injective map of rows into columns (rows <= cols). */
static double brute(const double *c, size_t n, size_t m, size_t row, unsigned used)
{
    if (row == n)
        return 0;
    double best = 1e300;
    for (size_t j = 0; j < m; j++) {
        if (used & (1u << j))
            continue;
        double t = c[row * m + j] + brute(c, n, m, row + 1, used | (1u << j));
        if (t < best)
            best = t;
    }
    return best;
}

static void test_random_vs_brute(void)
{
    unsigned seed = 12345;
    for (int round = 0; round < 300; round++) {
        size_t n = 1 + (size_t)(round % 6), m = n + (size_t)((round / 6) % 3);
        double c[64], ct[64];
        long a[8], at[8];
        for (size_t k = 0; k < n * m; k++) {
            seed = seed * 1103515245u + 12345u;
            c[k] = (double)((seed >> 16) % 100);
        }
        double want = brute(c, n, m, 0, 0);
        double got = assign_min_cost(c, n, m, a);
        OK(got == want, "round %d: %g != %g", round, got, want);
        /* The assignment is a valid injective map whose cost is the total. */
        double sum = 0;
        unsigned seen = 0;
        for (size_t i = 0; i < n; i++) {
            OK(a[i] >= 0 && (size_t)a[i] < m && !(seen & (1u << a[i])), "round %d row %zu", round,
               i);
            if (a[i] >= 0) {
                seen |= 1u << a[i];
                sum += c[i * m + (size_t)a[i]];
            }
        }
        OK(sum == got, "round %d sum", round);
        /* The transpose has the same optimum. */
        for (size_t i = 0; i < n; i++)
            for (size_t j = 0; j < m; j++)
                ct[j * n + i] = c[i * m + j];
        OK(assign_min_cost(ct, m, n, at) == want, "round %d transpose", round);
    }
}

int main(void)
{
    RUN(test_square);
    RUN(test_rectangular);
    RUN(test_random_vs_brute);
    return harness_done();
}
