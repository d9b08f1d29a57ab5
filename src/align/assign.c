/*
 * assign.c - Hungarian algorithm with potentials (see assign.h).
 *
 * For n <= m (rows <= columns) rows are added one at a time; each addition
 * grows a shortest-path tree over the columns in reduced costs
 * c(i,j) - u[i] - v[j] (never negative: the potentials keep a feasible dual)
 * until it reaches a free column, then flips the path. n additions of O(nm)
 * each give O(n^2 m). Arrays are 1-based, index 0 standing for "no row" and
 * the virtual start column, as in the classic presentation.
 */
#include <float.h>
#include <stdlib.h>

#include "align/assign.h"
#include "util/xmalloc.h"
#include "util/banned.h"

/* Solves n <= m; a(i, j) reads the cost of row i, column j (0-based). */
static double solve(const double *cost, size_t n, size_t m, int transposed, long *row_to_col)
{
    double *u = xcalloc(n + 1, sizeof(*u));
    double *v = xcalloc(m + 1, sizeof(*v));
    double *minv = xmalloc(st_mult(m + 1, sizeof(*minv)));
    size_t *p = xcalloc(m + 1, sizeof(*p));     /* p[j]: row matched to column j, 0 = free */
    size_t *way = xcalloc(m + 1, sizeof(*way)); /* predecessor column on the path */
    char *used = xmalloc(m + 1);
    double total = 0;

#define A(i, j) (transposed ? cost[(j)*n + (i)] : cost[(i)*m + (j)])
    for (size_t i = 1; i <= n; i++) {
        size_t j0 = 0;
        p[0] = i;
        for (size_t j = 0; j <= m; j++) {
            minv[j] = DBL_MAX;
            used[j] = 0;
        }
        do {
            size_t i0 = p[j0], j1 = 0;
            double delta = DBL_MAX;
            used[j0] = 1;
            for (size_t j = 1; j <= m; j++) {
                if (used[j])
                    continue;
                double cur = A(i0 - 1, j - 1) - u[i0] - v[j];
                if (cur < minv[j]) {
                    minv[j] = cur;
                    way[j] = j0;
                }
                if (minv[j] < delta) {
                    delta = minv[j];
                    j1 = j;
                }
            }
            for (size_t j = 0; j <= m; j++) {
                if (used[j]) {
                    u[p[j]] += delta;
                    v[j] -= delta;
                } else {
                    minv[j] -= delta;
                }
            }
            j0 = j1;
        } while (p[j0] != 0);
        do {
            size_t j1 = way[j0];
            p[j0] = p[j1];
            j0 = j1;
        } while (j0);
    }

    /* row_to_col is indexed by the caller's rows. */
    if (!transposed) {
        for (size_t i = 0; i < n; i++)
            row_to_col[i] = -1;
        for (size_t j = 1; j <= m; j++)
            if (p[j]) {
                row_to_col[p[j] - 1] = (long)(j - 1);
                total += A(p[j] - 1, j - 1);
            }
    } else {
        for (size_t j = 0; j < m; j++)
            row_to_col[j] = -1;
        for (size_t j = 1; j <= m; j++)
            if (p[j]) {
                row_to_col[j - 1] = (long)(p[j] - 1);
                total += A(p[j] - 1, j - 1);
            }
    }
#undef A
    free(u);
    free(v);
    free(minv);
    free(p);
    free(way);
    free(used);
    return total;
}

double assign_min_cost(const double *cost, size_t nrows, size_t ncols, long *row_to_col)
{
    if (!nrows)
        return 0;
    if (!ncols) {
        for (size_t r = 0; r < nrows; r++)
            row_to_col[r] = -1;
        return 0;
    }
    if (nrows <= ncols)
        return solve(cost, nrows, ncols, 0, row_to_col);
    /* More rows than columns: solve for the columns over the transpose. */
    return solve(cost, ncols, nrows, 1, row_to_col);
}

double assign_max_score(const double *score, size_t nrows, size_t ncols, long *row_to_col)
{
    size_t n = st_mult(nrows, ncols);
    double *neg = xmalloc(st_mult(n ? n : 1, sizeof(*neg)));
    for (size_t k = 0; k < n; k++)
        neg[k] = -score[k];
    double total = -assign_min_cost(neg, nrows, ncols, row_to_col);
    free(neg);
    return total;
}
