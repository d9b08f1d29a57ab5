#!/bin/sh
# layering.sh [SRCDIR] - check that the #include "..." lines of the C sources
# follow the module layering of docs/architecture.md (run by `make lint` and
# `make test`, through tests/t0020-layering.sh).
#
# A module is a directory of SRCDIR (src/util, src/io, ...); the files directly
# in SRCDIR (src/dadeum.h and the library's top) are the module "top". Each
# module may include itself and the modules its row of the table below lists,
# nothing else. Headers generated into build/gen/ (data tables, no includes of
# their own) may be included by any module. Exits 0 when every include is
# allowed, 1 on a violation, on an entry of the pending list that no longer
# occurs (so the list cannot rot), or on a module the table does not know.
# Output names the file and line, as a compiler does.

src=${1:-src}
[ -d "$src" ] || { echo "layering: no directory '$src'" >&2; exit 2; }

# The layering, lowest first (issue 15). A module may include only modules on
# a lower level, and only those its row names: termbase knows no extractor and
# io knows no SQLite, although both sit above extract. The script checks that
# every module named in a row is on a lower level, so the table itself cannot
# let a module include one above it. gen/ (build-time generators, level -)
# is outside the library: it may include util and the translit sources.
#
#   module    level  may include
rules='
    util      0
    model     1      util
    text      2      util model
    xml       3      util text
    doc       4      util model text xml
    extract   5      util model text doc
    translit  5      util model text
    align     6      util model text doc extract translit
    termbase  7      util model text
    io        7      util model text xml doc extract translit align
    parallel  8      util model text xml doc extract translit align termbase io
    check     8      util model text xml doc extract translit align termbase io
    top       9      util model text xml doc extract translit align termbase io check parallel
    pipeline  10     util model text xml doc extract translit align termbase io check parallel top
    cli       11     util model text xml doc extract translit align termbase io check parallel top pipeline
    gen       -      util align translit
'

# Headers the Makefile generates into build/gen/ (found through -Ibuild/gen).
generated='unicode_tables.h sino_syllables.h lexicon_data.h lexicon_index.h model_data.h attested_data.h
ko_wordforms.h ko_wordforms_index.h translit_weights.h'

# Known violations, each "file included-path  # why", to be removed as they
# are fixed; none since the data model moved to model/ (termbase no longer
# includes extract, io no longer includes termbase). An entry that no longer
# occurs is an error: delete it. Do not add to this list; fix the include.
pending='
'

# One line per #include "...": file<TAB>line<TAB>included path, files sorted.
includes=$(cd "$src" && find . -type f \( -name '*.c' -o -name '*.h' \) | sed 's|^\./||' |
    LC_ALL=C sort | while read -r f; do
        awk -v f="$f" '
            /^[ \t]*#[ \t]*include[ \t]*"/ {
                s = $0
                sub(/^[^"]*"/, "", s)
                sub(/".*$/, "", s)
                printf "%s\t%d\t%s\n", f, FNR, s
            }' "$f"
    done)

printf '%s\n' "$includes" | awk -F '\t' -v src="$src" -v rules="$rules" \
    -v generated="$generated" -v pending="$pending" '
function module_of(path,    n, p) {
    n = split(path, p, "/")
    return n == 1 ? "top" : p[1]
}
function exists(path) {
    return (system("test -f \"" src "/" path "\"") == 0)
}
BEGIN {
    bad = 0
    nr = split(rules, line, "\n")
    for (i = 1; i <= nr; i++) {
        if (split(line[i], w, " ") < 2)
            continue
        level[w[1]] = w[2]
        allowed[w[1]] = ""
        for (j = 3; j in w; j++) {
            may[w[1], w[j]] = 1
            allowed[w[1]] = allowed[w[1]] " " w[j]
        }
        delete w
    }
    # the table obeys itself: a row lists only modules on lower levels
    for (k in may) {
        split(k, mm, SUBSEP)
        if (!(mm[2] in level)) {
            printf "layering: table: %s may include unknown module %s\n", mm[1], mm[2]
            bad = 1
        } else if (level[mm[1]] != "-" && level[mm[2]] + 0 >= level[mm[1]] + 0) {
            printf "layering: table: %s (level %s) may include %s (level %s), not below it\n",
                mm[1], level[mm[1]], mm[2], level[mm[2]]
            bad = 1
        }
    }
    ng = split(generated, g, /[ \t\n]+/)
    for (i = 1; i <= ng; i++)
        if (g[i] != "")
            gen[g[i]] = 1
    np = split(pending, line, "\n")
    for (i = 1; i <= np; i++) {
        sub(/#.*/, "", line[i])
        if (split(line[i], w, " ") == 2)
            pend[w[1], w[2]] = 1
        delete w
    }
}
NF == 3 {
    file = $1; inc = $3
    from = module_of(file)
    if (!(from in level)) {
        if (!(from in unknown))
            printf "%s/%s: module %s is not in the table of tests/layering.sh\n", src, file, from
        unknown[from] = 1
        bad = 1
        next
    }
    dir = file; if (!sub(/\/[^\/]*$/, "", dir)) dir = ""
    # as the compiler searches: the file'"'"'s own directory, then -Isrc, then build/gen
    if (dir != "" && exists(dir "/" inc))
        to = from
    else if (inc ~ /^\.|\/\.\.?\//) {
        printf "%s/%s:%d: include \"%s\" is not written from src/\n", src, file, $2, inc
        bad = 1
        next
    } else if (exists(inc))
        to = module_of(inc)
    else if (inc in gen)
        next
    else {
        printf "%s/%s:%d: include \"%s\" names no file of %s/ nor a generated table\n",
            src, file, $2, inc, src
        bad = 1
        next
    }
    if (to == from || (from, to) in may)
        next
    if ((file, inc) in pend) {
        seen[file, inc] = 1
        next
    }
    printf "%s/%s:%d: %s includes %s (\"%s\"): %s may include only itself%s\n",
        src, file, $2, from, to, inc, from, allowed[from] == "" ? "" : ", " substr(allowed[from], 2)
    bad = 1
}
END {
    for (k in pend)
        if (!(k in seen)) {
            split(k, mm, SUBSEP)
            printf "layering: pending violation %s -> \"%s\" no longer occurs: delete it from the pending list of tests/layering.sh\n",
                mm[1], mm[2]
            bad = 1
        }
    exit bad
}' || exit 1
echo "layering: $(printf '%s\n' "$includes" | grep -c .) includes ok," \
    "$(printf '%s\n' "$pending" | grep -c '[a-z]') pending violations (tests/layering.sh)"
