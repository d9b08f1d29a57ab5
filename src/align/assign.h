/*
 * assign.h - the assignment problem (Kuhn-Munkres / Hungarian algorithm).
 *
 * Given an nrows x ncols cost matrix, finds the matching of rows to columns
 * (each used at most once, min(nrows, ncols) pairs) with the least total
 * cost. The implementation is the O(n^2 m) shortest-augmenting-path form with
 * row and column potentials: H. W. Kuhn, "The Hungarian method for the
 * assignment problem", Naval Research Logistics Quarterly 2 (1955); J.
 * Munkres, "Algorithms for the assignment and transportation problems",
 * J. SIAM 5 (1957); the potentials formulation follows R. Jonker and A.
 * Volgenant, Computing 38 (1987). Rectangular matrices are handled by
 * solving the transpose when there are more rows than columns.
 *
 * Matrices are row-major arrays of doubles: cost[r * ncols + c].
 */
#ifndef DADEUM_ALIGN_ASSIGN_H
#define DADEUM_ALIGN_ASSIGN_H

#include <stddef.h>

/*
 * Minimises the total cost. Fills row_to_col[r] with the column given to
 * row r, or -1 when r is left out (only when nrows > ncols). Returns the
 * total cost of the assignment (0 for an empty matrix). Assumes the costs
 * are finite. Allocates scratch with xmalloc (never fails).
 */
double assign_min_cost(const double *cost, size_t nrows, size_t ncols,
                       long *row_to_col /* OUT: nrows entries */);

/* The same for a score matrix to maximise; returns the total score. */
double assign_max_score(const double *score, size_t nrows, size_t ncols,
                        long *row_to_col /* OUT: nrows entries */);

#endif
