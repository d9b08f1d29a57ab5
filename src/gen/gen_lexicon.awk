# gen_lexicon.awk - compile the curated lexicons in glossaries/lexicon/ into C.
#
#   LC_ALL=C awk -f sort_rows.awk -f gen_lexicon.awk acronyms.tsv plain-words.tsv morphemes.tsv \
#       org-suffixes.tsv person-titles.tsv org-words-en.tsv bracket-labels.tsv \
#       > lexicon_data.h
#
# Each file is a TSV with a header row naming its columns; '#' lines are
# comments. The file kind is recognised by its header, so the order of the
# arguments does not matter. Rows become the lookup tables of lexicon.c
# (see "lookup tables" below); '|' separates alternatives in a value.
# Word lists (header "word	list	source") become NULL-terminated arrays of
# strings, one per list name: org-suffix, person-title, org-word-en,
# bracket-label.
#
# The runtime searches the tables in place: run it under LC_ALL=C (offsets
# count bytes; it refuses to write them otherwise).
#
# Fails loudly: an unreadable argument, a data row that would be dropped (an
# empty key or fewer than two fields), a missing kind or a table under the
# floor below (a word list included: a deleted word-list file leaves its list
# empty) prints one line on stderr, exits 1 and prints nothing on
# stdout (the Makefile writes a temp file and renames it only on success).
# The lexicons are part of the source tree, not of a Debian package.
function cstr(s) {
    gsub(/\\/, "\\\\", s); gsub(/"/, "\\\"", s); gsub(/\r/, "", s)
    return "\"" s "\""
}
function trim(s) { sub(/^[ \t]+/, "", s); sub(/[ \t]+$/, "", s); return s }
function nocr(s) { gsub(/\r/, "", s); return s }
function fail(msg) {
    printf "gen_lexicon.awk: error: %s\n", msg > "/dev/stderr"
    failed = 1
    exit 1
}
# A data row that does not become a table row.
function bad_row() {
    fail(sprintf("%s:%d: row without a key or with fewer than 2 fields", FILENAME, FNR))
}
BEGIN {
    FS = "\t"; na = nb = np = nm = 0
    # word lists: list name -> C array, and its floor (rows on 2026-12-03:
    # 33 organisation suffixes, 39 person titles, 14 English organisation
    # words, 44 bracket labels)
    wl_name["org-suffix"] = "lex_org_suffixes";  wl_min["org-suffix"] = 30
    wl_name["person-title"] = "lex_person_titles"; wl_min["person-title"] = 35
    wl_name["org-word-en"] = "lex_org_words_en";  wl_min["org-word-en"] = 12
    wl_name["bracket-label"] = "lex_bracket_labels"; wl_min["bracket-label"] = 40
    nwl = split("org-suffix person-title org-word-en bracket-label", wl, " ") # a fixed output order
    for (i = 1; i <= nwl; i++) nw[wl[i]] = 0
    # Floors, with a margin under the rows of glossaries/lexicon/ on
    # 2026-12-02 (357 acronyms, 404 plain words, 227 morphemes): a truncated
    # or emptied lexicon stops the build. Lower them when a lexicon shrinks
    # on purpose.
    MIN_ACR = 300; MIN_PLAIN = 350; MIN_MORPH = 190
    LEX_MAX_FORMS = 16 # as src/extract/lexicon.h
    for (i = 1; i < ARGC; i++)
        if (ARGV[i] == "/dev/null")
            continue
        else if ((got = (getline line < ARGV[i])) <= 0)
            fail(sprintf("%s '%s' (a dadeum source file: git checkout glossaries/lexicon)", \
                         got < 0 ? "cannot read" : "empty file", ARGV[i]))
        else
            close(ARGV[i])
}
FNR == 1 { kind = ""; }
/^#/ || /^[ \t\r]*$/ { next }
kind == "" {
    for (i = 1; i <= NF; i++) col[trim($i)] = i
    if (("word" in col) && ("list" in col)) kind = "words"
    else if (("abbr" in col) && ("ko" in col)) kind = "acr"
    else if (("loanword" in col) && ("plain" in col)) kind = "plain"
    else if ("count" in col) kind = "skip" # mined tables: src/gen/gen_attested.awk
    else if (("ko" in col) && ("en" in col)) kind = "morph"
    else kind = "skip"
    ca = col["abbr"]; cen = col["en"]; cko = col["ko"]; cl = col["loanword"]; cp = col["plain"]
    ck = col["kind"]; cw = col["word"]; cli = col["list"]
    delete col
    next
}
kind == "acr" {
    a = trim($ca); if (a == "" || NF < 2) bad_row()
    acr_key[na] = nocr(a); acr_val[na] = nocr(trim($cko)); acr_en[na] = nocr(trim($cen))
    acr_kind[na] = ck ? nocr(trim($ck)) : ""
    na++
}
kind == "plain" {
    l = trim($cl); if (l == "" || NF < 2) bad_row()
    pl_key[np] = nocr(l); pl_val[np] = nocr(trim($cp)); pl_en[np] = cen ? nocr(trim($cen)) : ""
    np++
}
kind == "morph" {
    k = trim($cko); if (k == "" || NF < 2) bad_row()
    mo_key[nm] = nocr(k); mo_val[nm] = nocr(trim($cen))
    nm++
}
kind == "words" {
    w = trim($cw); l = trim($cli); if (w == "" || NF < 2) bad_row()
    if (!(l in wl_name))
        fail(sprintf("%s:%d: unknown word list '%s'", FILENAME, FNR, l))
    words[l, nw[l]++] = cstr(w)
}
# ---- lookup tables -----------------------------------------------------------
# Five maps from a folded key (spaces and tabs removed, ASCII upper case: what
# lexicon.c folds a query to) to the English and kind of the first row that
# gives them and up to LEX_MAX_FORMS forms, the '|' alternatives of the rows'
# values in row order, trimmed of spaces, empty ones dropped:
#   lex_ko_forms    acronym and loanword -> Korean forms (acronym rows, then
#                   plain-word rows)
#   lex_ko_acronym  a single Korean name -> its acronym (acronyms of two bytes
#                   or more)
#   lex_ko_names    every Korean name of an acronym row -> its acronyms, with
#                   the English of the first row that names it
#   lex_loanwords   plain-word loanword -> itself
#   lex_morphemes   Korean morpheme -> English words
# Each is a struct lex_ix array sorted by key in byte order; strings are
# offsets into lex_blob, forms a run of lex_form_offs (no pointers: nothing
# for the loader to relocate).
function fold(s) { s = "" s; gsub(/[ \t]/, "", s); return toupper(s) }
function blob_add(s) {
    if (s in blob_at) return blob_at[s]
    blob_at[s] = blob_len; blob_str[nblob++] = s; blob_len += length(s) + 1
    return blob_at[s]
}
function add_forms(m, key, value, en, kind,    k, id, n, parts, i, f) {
    k = fold(key)
    if (k == "") return
    id = m SUBSEP k
    if (!(id in ent_n)) { ent_n[id] = 0; ent_en[id] = ""; ent_kind[id] = ""; keys[m, nkeys[m]++] = k }
    if (ent_en[id] == "" && en != "") ent_en[id] = en
    if (ent_kind[id] == "" && kind != "") ent_kind[id] = kind
    n = split(value, parts, "|")
    for (i = 1; i <= n; i++) {
        f = parts[i]; sub(/^ +/, "", f); sub(/ +$/, "", f)
        if (f != "" && ent_n[id] < LEX_MAX_FORMS)
            ent_form[id, ent_n[id]++] = f
    }
}
function emit_map(m, name,    n, i, j, kk, idx, id, line) {
    n = nkeys[m]
    for (i = 0; i < n; i++) kk[i] = keys[m, i]
    sorted_rows(kk, n, idx)
    for (i = 0; i < n; i++) {
        id = m SUBSEP kk[idx[i]]
        line = sprintf("    {%d, %d, %d, %d, %d},", blob_add(kk[idx[i]]), \
                       ent_en[id] == "" ? -1 : blob_add(ent_en[id]), \
                       ent_kind[id] == "" ? -1 : blob_add(ent_kind[id]), nform, ent_n[id])
        for (j = 0; j < ent_n[id]; j++) form_off[nform++] = blob_add(ent_form[id, j])
        out[nout++] = line
    }
    tables = tables sprintf("static const struct lex_ix %s[] = {\n", name)
    for (i = 0; i < nout; i++) tables = tables out[i] "\n"
    tables = tables "};\n"
    nout = 0
}
# a C string literal of s, NUL written as \000 (no digit can extend it)
function cbytes(s) {
    gsub(/\\/, "\\\\", s); gsub(/"/, "\\\"", s); gsub(/\?/, "\\?", s)
    return s
}
function check(what, n, min) {
    if (n < min)
        fail(sprintf("%d %s rows in the lexicons, want >= %d (a truncated glossaries/lexicon/*.tsv?)", \
                     n, what, min))
}
END {
    if (failed)
        exit 1
    check("acronym", na, MIN_ACR)
    check("plain-word", np, MIN_PLAIN)
    check("morpheme", nm, MIN_MORPH)
    for (j = 1; j <= nwl; j++) check(wl[j], nw[wl[j]], wl_min[wl[j]])
    if (length("\352\260\200") != 3)
        fail("run under LC_ALL=C: the lookup tables count bytes")
    print "/* Generated by src/gen/gen_lexicon.awk from glossaries/lexicon/; do not edit. */"
    print "#include <stdint.h>"
    print ""
    print "/* One key of a map: strings are offsets into lex_blob, -1 for none. */"
    print "struct lex_ix {"
    print "    int32_t key;   /* the folded key */"
    print "    int32_t en;    /* English of the first row that gives one */"
    print "    int32_t kind;  /* kind of the first acronym row that gives one */"
    print "    uint32_t form; /* its forms are lex_form_offs[form .. form + n) */"
    print "    uint32_t n;    /* at most LEX_MAX_FORMS */"
    print "};"
    for (i = 0; i < na; i++) {
        add_forms("ko", acr_key[i], acr_val[i], acr_en[i], acr_kind[i])
        # only single-name rows map back: a name shared by two acronyms is ambiguous
        if (acr_val[i] !~ /\|/ && length(acr_key[i]) > 1)
            add_forms("acr", acr_val[i], acr_key[i], acr_en[i], acr_kind[i])
        # every name of every row, for the English of an acronym as one name's
        nn = split(acr_val[i], names, "|")
        for (j = 1; j <= nn; j++)
            add_forms("name", names[j], acr_key[i], acr_en[i], acr_kind[i])
    }
    for (i = 0; i < np; i++) {
        add_forms("ko", pl_key[i], pl_val[i], pl_en[i], "")
        add_forms("loan", pl_key[i], pl_key[i], pl_en[i], "")
    }
    for (i = 0; i < nm; i++)
        add_forms("morph", mo_key[i], mo_val[i], "", "")
    emit_map("ko", "lex_ko_forms")
    emit_map("acr", "lex_ko_acronym")
    emit_map("name", "lex_ko_names")
    emit_map("loan", "lex_loanwords")
    emit_map("morph", "lex_morphemes")
    print "#pragma GCC diagnostic push"
    print "#pragma GCC diagnostic ignored \"-Woverlength-strings\""
    printf "static const char lex_blob[] =\n    \""
    for (i = 0; i < nblob; i++) {
        printf "%s\\000", cbytes(blob_str[i])
        if (i + 1 < nblob && i % 8 == 7) printf "\"\n    \""
    }
    printf "\";\n"
    print "#pragma GCC diagnostic pop"
    printf "static const uint32_t lex_form_offs[] = {"
    for (i = 0; i < nform; i++) printf "%s%d", (i ? (i % 16 ? "," : ",\n    ") : "\n    "), form_off[i]
    printf "\n};\n"
    printf "%s", tables
    for (j = 1; j <= nwl; j++) {
        l = wl[j]
        printf "static const char *const %s[] = {\n", wl_name[l]
        for (i = 0; i < nw[l]; i++) printf "    %s,\n", words[l, i]
        printf "    NULL\n};\n"
    }
}
