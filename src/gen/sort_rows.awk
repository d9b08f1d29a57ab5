# sort_rows.awk - the one sort of the awk generators (gen_lexicon.awk,
# gen_attested.awk and gen_model.awk load it first: awk -f sort_rows.awk -f gen_X.awk).
#
# sorted_rows(key, n, idx): idx[0..n) = 0..n-1 ordered by key[] (compared as
# strings: byte order under LC_ALL=C, as strcmp orders them), equal keys in
# row order; a bottom-up merge sort (POSIX awk has no sort of its own).
function sorted_rows(key, n, idx,    tmp, w, lo, mid, hi, a, b, k, i) {
    for (i = 0; i < n; i++) idx[i] = i
    for (w = 1; w < n; w *= 2) {
        for (lo = 0; lo < n; lo += 2 * w) {
            mid = lo + w < n ? lo + w : n
            hi = lo + 2 * w < n ? lo + 2 * w : n
            a = lo; b = mid; k = lo
            while (a < mid && b < hi)
                tmp[k++] = (key[idx[b]] "" < key[idx[a]] "") ? idx[b++] : idx[a++]
            while (a < mid) tmp[k++] = idx[a++]
            while (b < hi) tmp[k++] = idx[b++]
        }
        for (i = 0; i < n; i++) idx[i] = tmp[i]
    }
}
