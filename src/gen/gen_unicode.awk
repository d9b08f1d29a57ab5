# gen_unicode.awk - print the C tables behind text/normalize.c's NFC (UAX #15).
#
#   awk -f src/gen/gen_unicode.awk CompositionExclusions.txt UnicodeData.txt
#
# Reads Debian's unicode-data files (UCD 15.0 on bookworm) and prints four
# sorted arrays, each searched with bsearch(3) at run time:
#
#   unicode_ccc[]        ranges of equal non-zero Canonical_Combining_Class
#   unicode_decomp[]     canonical decompositions (one or two code points),
#                        applied recursively by the C code
#   unicode_comp[]       primary composites: pairs (a, b) -> c, excluding the
#                        full composition exclusions (the exclusions file,
#                        singletons and non-starter decompositions)
#   unicode_nfc_unsafe[] ranges of code points that may change under NFC or
#                        combine with what precedes them; everything else is a
#                        safe boundary for the C fast path
#
# Hangul syllables are algorithmic (UAX #15 section 16) and are not listed,
# except that the conjoining vowels and trailing consonants count as unsafe.
# Portable to mawk and gawk in any locale: only ASCII string functions.
#
# Fails loudly: an unreadable input or tables smaller than the floors below
# print one line naming the file and the Debian package (unicode-data) on
# stderr, exit 1 and print nothing on stdout (the Makefile writes a temp
# file and renames it only on success).

# Floors, with a margin under the real figures of Debian 12's unicode-data
# (UCD 15.0): 34,924 UnicodeData lines, 81 exclusion lines, 388 combining
# class runs, 2,061 canonical decompositions, 941 primary composites and 425
# NFC-unsafe ranges (3,815 table rows). The canonical decompositions and the
# composites are frozen by Unicode's normalization stability policy, so the
# figures can only grow.
function fail(msg) {
    printf "gen_unicode.awk: error: %s\n", msg > "/dev/stderr"
    failed = 1
    exit 1
}

function check(what, n, min, file) {
    if (n < min)
        fail(sprintf("'%s' gives %d %s, want >= %d (Debian package unicode-data truncated?)", \
                     file, n, what, min))
}

BEGIN {
    MIN_DATA_LINES = 30000
    MIN_EXCL_LINES = 70
    MIN_CCC_RUNS = 350
    MIN_DECOMP = 2000
    MIN_COMP = 900
    MIN_UNSAFE_RUNS = 380
    if (ARGC != 3)
        fail("usage: awk -f gen_unicode.awk CompositionExclusions.txt UnicodeData.txt")
    for (i = 1; i < ARGC; i++)
        if ((got = (getline line < ARGV[i])) <= 0)
            fail(sprintf("%s '%s' (Debian package unicode-data); run 'make deps' (as root)", \
                         got < 0 ? "cannot read" : "empty file", ARGV[i]))
        else
            close(ARGV[i])
}

function hex(s,    i, n) {
    n = 0
    s = toupper(s)
    for (i = 1; i <= length(s); i++)
        n = n * 16 + index("0123456789ABCDEF", substr(s, i, 1)) - 1
    return n
}

function h(n) {
    return sprintf("0x%04X", n)
}

# Shell sort of a[1..n] by numeric value.
function sort_num(a, n,    gap, i, j, t) {
    for (gap = int(n / 2); gap > 0; gap = int(gap / 2))
        for (i = gap + 1; i <= n; i++) {
            t = a[i]
            for (j = i; j > gap && a[j - gap] > t; j -= gap)
                a[j] = a[j - gap]
            a[j] = t
        }
}

# Prints items joined by ", ", a few per line.
function emit(item, per_line) {
    if (col == 0)
        printf "    "
    printf "%s,", item
    if (++col == per_line) {
        printf "\n"
        col = 0
    } else {
        printf " "
    }
}

function end_array() {
    if (col != 0)
        printf "\n"
    col = 0
    printf "};\n\n"
}

FILENAME == ARGV[1] {
    sub(/#.*/, "")
    gsub(/[ \t\r]/, "")
    if ($0 == "")
        next
    nexcl++
    if (split($0, r, /\.\./) == 2) {
        for (c = hex(r[1]); c <= hex(r[2]); c++)
            excl[c] = 1
    } else {
        excl[hex($0)] = 1
    }
    next
}

{
    ndata++
    split($0, f, ";")
    cp = hex(f[1])
    ccc = f[4] + 0
    if (ccc != 0) {
        cccof[cp] = ccc
        unsafe[cp] = 1
    }
    if (f[6] != "" && substr(f[6], 1, 1) != "<") {
        nd++
        dcp[nd] = cp
        n = split(f[6], p, " ")
        da[nd] = hex(p[1])
        db[nd] = n > 1 ? hex(p[2]) : 0
        unsafe[cp] = 1
    }
}

# Prints the rows row[1..n] of one array.
function emit_rows(row, n, per_line,    i) {
    for (i = 1; i <= n; i++)
        emit(row[i], per_line)
    end_array()
}

END {
    if (failed)
        exit 1
    # Every table is built first and checked against the floors; only then
    # is anything printed.

    # Combining classes, as runs of consecutive code points (UnicodeData is sorted).
    n = 0
    for (c in cccof)
        keys[++n] = c + 0
    sort_num(keys, n)
    lo = -1
    nccc = 0
    for (i = 1; i <= n; i++) {
        c = keys[i]
        if (lo >= 0 && c == hi + 1 && cccof[c] == cls) {
            hi = c
            continue
        }
        if (lo >= 0)
            cccrow[++nccc] = "{" h(lo) ", " h(hi) ", " cls "}"
        lo = c; hi = c; cls = cccof[c]
    }
    if (lo >= 0)
        cccrow[++nccc] = "{" h(lo) ", " h(hi) ", " cls "}"

    for (i = 1; i <= nd; i++)
        decrow[i] = "{" h(dcp[i]) ", " h(da[i]) ", " h(db[i]) "}"

    # Primary composites: pair decompositions of a starter into a starter
    # and anything, minus the composition exclusions.
    # The sort key a * 2^21 + b exceeds 2^31; awks turn such numbers into
    # subscripts with CONVFMT ("%.6g"), so keys are sorted as values only
    # and the entries are found again through the index i they carry.
    if (nd >= 4096)
        fail("more than 4095 decompositions in '" ARGV[2] "'")
    nc = 0
    for (i = 1; i <= nd; i++) {
        if (db[i] == 0 || (dcp[i] in excl) || (dcp[i] in cccof) || (da[i] in cccof))
            continue
        ckeys[++nc] = (da[i] * 2097152 + db[i]) * 4096 + i
        unsafe[db[i]] = 1
    }
    sort_num(ckeys, nc)
    for (i = 1; i <= nc; i++) {
        j = ckeys[i] % 4096
        comprow[i] = "{" h(da[j]) ", " h(db[j]) ", " h(dcp[j]) "}"
    }

    for (c = 4449; c <= 4469; c++)      # U+1161..U+1175 conjoining vowels
        unsafe[c] = 1
    for (c = 4520; c <= 4546; c++)      # U+11A8..U+11C2 trailing consonants
        unsafe[c] = 1
    n = 0
    for (c in unsafe)
        ukeys[++n] = c + 0
    sort_num(ukeys, n)
    lo = -1
    nunsafe = 0
    for (i = 1; i <= n; i++) {
        c = ukeys[i]
        if (lo >= 0 && c == hi + 1) {
            hi = c
            continue
        }
        if (lo >= 0)
            unsaferow[++nunsafe] = "{" h(lo) ", " h(hi) "}"
        lo = c; hi = c
    }
    if (lo >= 0)
        unsaferow[++nunsafe] = "{" h(lo) ", " h(hi) "}"

    check("exclusion lines", nexcl, MIN_EXCL_LINES, ARGV[1])
    check("lines", ndata, MIN_DATA_LINES, ARGV[2])
    check("combining class runs", nccc, MIN_CCC_RUNS, ARGV[2])
    check("canonical decompositions", nd, MIN_DECOMP, ARGV[2])
    check("primary composites", nc, MIN_COMP, ARGV[2])
    check("NFC-unsafe ranges", nunsafe, MIN_UNSAFE_RUNS, ARGV[2])

    print "/* Generated by src/gen/gen_unicode.awk from the UCD (UAX #15 data); do not edit. */"
    print "#ifndef DADEUM_GEN_UNICODE_TABLES_H"
    print "#define DADEUM_GEN_UNICODE_TABLES_H"
    print ""
    print "#include <stdint.h>"
    print ""
    print "static const struct unicode_ccc_range {"
    print "    uint32_t lo, hi; /* inclusive code point range */"
    print "    uint8_t ccc;     /* Canonical_Combining_Class, never 0 here */"
    print "} unicode_ccc[] = {"
    emit_rows(cccrow, nccc, 3)
    print "static const struct unicode_decomp {"
    print "    uint32_t cp;   /* the decomposable code point */"
    print "    uint32_t a, b; /* its canonical decomposition; b is 0 for a singleton */"
    print "} unicode_decomp[] = {"
    emit_rows(decrow, nd, 3)
    print "static const struct unicode_comp {"
    print "    uint32_t a, b; /* starter and the character that follows it */"
    print "    uint32_t cp;   /* the primary composite */"
    print "} unicode_comp[] = {"
    emit_rows(comprow, nc, 3)
    print "static const struct unicode_range {"
    print "    uint32_t lo, hi; /* inclusive code point range */"
    print "} unicode_nfc_unsafe[] = {"
    emit_rows(unsaferow, nunsafe, 5)
    print "#endif"
}
