#!/bin/sh
# t0010: a broken table cannot reach ./dadeum. Each build-time generator in
# src/gen/, fed a missing or truncated input, exits non-zero with one line
# naming the file and the Debian package and prints nothing; `make` on a
# copy of the tree stops before compiling (check-deps) or at the generator,
# leaves no table or temp file in build/gen and links no binary.
# Needs the Debian files the build reads (the build itself needed them).
. "$(dirname "$0")/lib.sh"

TOP=$(cd "$TEST_DIR/.." && pwd)
GEN=$TOP/src/gen
UNI=${UNICODE_DIR:-/usr/share/unicode}
CMU=/usr/share/festival/dicts/cmu/cmudict-0.4.out
SCOWL=/usr/share/dict/scowl
KODIC=/usr/share/hunspell/ko.dic
WORDNET=/usr/share/wordnet
# a sub-make must not join the jobserver or inherit SANITIZE from `make test`
unset MAKEFLAGS MFLAGS MAKELEVEL

[ -r "$UNI/UnicodeData.txt" ] && [ -r "$CMU" ] || skip_all "build inputs not installed"

mkdir empty bad
head -3 "$CMU" >bad/cmu3
: >bad/empty.tsv
head -100 "$UNI/UnicodeData.txt" >bad/UnicodeData.txt
cp "$UNI/CompositionExclusions.txt" bad/
# Unihan with a real IRG file and a cut Readings file: the 2026 bug's shape
ln -s "$UNI/Unihan_IRGSources.txt.bz2" bad/
bzip2 -dc "$UNI/Unihan_Readings.txt.bz2" >bad/readings || exit 1
head -2000 bad/readings | bzip2 >bad/Unihan_Readings.txt.bz2
rm -f bad/readings

# gen_fails WHAT CMD...: CMD must fail (not crash), print nothing on stdout
# and one stderr line that contains WHAT.
gen_fails() {
    what=$1
    shift
    "$@" >gen.out 2>gen.err
    st=$?
    if [ "$st" = 0 ] || [ "$st" -gt 125 ]; then
        say_fail "exit status $st, want 1..125: $*"
        return 1
    fi
    test_grep "$what" gen.err || return 1
    if [ "$(wc -l <gen.err)" != 1 ]; then
        say_fail "want one line on stderr:"
        sed 's/^/#     /' gen.err >&2
        return 1
    fi
    if [ -s gen.out ]; then
        say_fail "stdout not empty: $*"
        return 1
    fi
}

# The C generators: the build's own, else compiled here.
TRANSLIT=$TOP/build/gen/gen_translit
LTS=$TOP/build/gen/gen_translit_lts
if [ ! -x "$TRANSLIT" ]; then
    TRANSLIT=$SCRATCH/gen_translit
    cc -std=c11 -O1 -D_POSIX_C_SOURCE=200809L -I"$TOP/src" -o "$TRANSLIT" "$GEN/gen_translit.c" \
        "$TOP/src/align/translit_ortho.c" "$TOP/src/align/spell.c" "$TOP/src/util/strbuf.c" \
        "$TOP/src/util/xmalloc.c" -ldl || exit 1
fi
if [ ! -x "$LTS" ]; then
    LTS=$SCRATCH/gen_translit_lts
    cc -std=c11 -O1 -I"$TOP/src" -o "$LTS" "$GEN/gen_translit_lts.c" \
        -lflite_cmulex -lflite_usenglish -lflite -lm || exit 1
fi

test_expect_success 'gen_unicode.awk: tables from the real UCD' '
    awk -f "$GEN/gen_unicode.awk" "$UNI/CompositionExclusions.txt" "$UNI/UnicodeData.txt" >u.h &&
    test_grep "unicode_nfc_unsafe" u.h
'
test_expect_success 'gen_unicode.awk: missing UCD names unicode-data' '
    gen_fails "cannot read .*empty/CompositionExclusions.txt.*unicode-data" \
        awk -f "$GEN/gen_unicode.awk" empty/CompositionExclusions.txt empty/UnicodeData.txt
'
test_expect_success 'gen_unicode.awk: truncated UnicodeData.txt names unicode-data' '
    gen_fails "bad/UnicodeData.txt.* 100 lines.*unicode-data" \
        awk -f "$GEN/gen_unicode.awk" bad/CompositionExclusions.txt bad/UnicodeData.txt
'

test_expect_success 'gen_sino.sh: missing Unihan names unicode-data' '
    gen_fails "cannot read .*empty/Unihan_IRGSources.txt.bz2.*unicode-data" sh "$GEN/gen_sino.sh" empty
'
test_expect_success 'gen_sino.sh: truncated Unihan_Readings names unicode-data' '
    gen_fails "bad/Unihan_Readings.txt.bz2.*kHangul.*unicode-data" sh "$GEN/gen_sino.sh" bad
'
test_expect_success 'gen_sino.sh: a corrupt archive fails at bzip2, not downstream' '
    mkdir corrupt && ln -s "$UNI/Unihan_IRGSources.txt.bz2" corrupt/ &&
    echo not-bzip2 >corrupt/Unihan_Readings.txt.bz2 &&
    gen_fails "cannot decompress .*corrupt/Unihan_Readings.txt.bz2.*unicode-data" \
        sh "$GEN/gen_sino.sh" corrupt
'
test_expect_success 'gen_sino.sh: no bzip2 on PATH names bzip2' '
    mkdir bin &&
    for t in mktemp awk wc rm cat head; do ln -s "$(command -v $t)" bin/$t || return 1; done &&
    gen_fails "bzip2 not found (Debian package bzip2)" env PATH="$SCRATCH/bin" /bin/sh "$GEN/gen_sino.sh" "$UNI"
'

test_expect_success 'gen_sino.sh: the readings of the hanja, in code point order' '
    sh "$GEN/gen_sino.sh" "$UNI" >s.h &&
    test_grep "hanja_readings\[" s.h &&
    n=$(sed -n "s/^#define HANJA_READING_COUNT //p" s.h) && test "$n" -ge 8000 &&
    grep -o "{0x[0-9A-F]*," s.h | sed "s/[{,]//g; s/^0x//" >cps &&
    awk "{ printf \"%8s\\n\", \$0 }" cps | tr " " 0 >padded && LC_ALL=C sort -c padded
'
test_expect_success 'gen_wordforms.sh: classes from the real ko.dic' '
    sh "$GEN/gen_wordforms.sh" "$KODIC" >w.h &&
    sed -n "/ko_adnominal_forms\[\]/,/;/p" w.h >adn &&
    sed -n "/ko_connective_forms\[\]/,/;/p" w.h >con &&
    sed -n "/ko_adverb_forms\[\]/,/;/p" w.h >adv &&
    sed -n "/ko_nouns\[\]/,/;/p" w.h >nouns &&
    test_grep "\"열린\\\\0\"" adn && test_grep "\"개설해\\\\0\"" con &&
    test_grep "\"단연\\\\0\"" adv && test_grep "\"기반\\\\0\"" nouns &&
    ! grep -q "\"기반\\\\0\"" adn con adv && ! grep -q "\"열린\\\\0\"" nouns &&
    grep -o "^    \"[^\\\\]*" adn | LC_ALL=C sort -c
'
test_expect_success 'gen_wordforms.sh: missing ko.dic names hunspell-ko' '
    gen_fails "cannot read .*empty/ko.dic.*hunspell-ko" sh "$GEN/gen_wordforms.sh" empty/ko.dic
'
test_expect_success 'gen_wordforms.sh: a cut ko.dic names hunspell-ko' '
    head -n 3000 "$KODIC" >cut.dic &&
    gen_fails "only .* adnominal.*cut.dic.*hunspell-ko" sh "$GEN/gen_wordforms.sh" cut.dic
'
test_expect_success 'gen_lexicon.awk: the real lexicons' '
    LC_ALL=C awk -f "$GEN/sort_rows.awk" -f "$GEN/gen_lexicon.awk" "$TOP"/glossaries/lexicon/*.tsv /dev/null >l.h &&
    test_grep "lex_morphemes" l.h
'
test_expect_success 'gen_lexicon.awk: an empty lexicon fails' '
    gen_fails "empty file .*bad/empty.tsv" awk -f "$GEN/sort_rows.awk" -f "$GEN/gen_lexicon.awk" bad/empty.tsv /dev/null
'
test_expect_success 'gen_lexicon.awk: a missing lexicon fails' '
    gen_fails "cannot read .*nonexistent.tsv" \
        awk -f "$GEN/sort_rows.awk" -f "$GEN/gen_lexicon.awk" "$TOP"/glossaries/lexicon/*.tsv nonexistent.tsv
'
test_expect_success 'gen_lexicon.awk: the word lists are compiled in' '
    test_grep "lex_org_suffixes" l.h &&
    test_grep "lex_person_titles" l.h &&
    test_grep "lex_org_words_en" l.h
'
test_expect_success 'gen_lexicon.awk: a deleted word list fails' '
    mkdir -p nolist &&
    cp "$TOP"/glossaries/lexicon/*.tsv nolist/ &&
    rm nolist/person-titles.tsv &&
    gen_fails "0 person-title rows" awk -f "$GEN/sort_rows.awk" -f "$GEN/gen_lexicon.awk" nolist/*.tsv /dev/null
'
test_expect_success 'gen_lexicon.awk: a word list cut short fails' '
    head -20 "$TOP/glossaries/lexicon/org-suffixes.tsv" >nolist/org-suffixes.tsv &&
    cp "$TOP/glossaries/lexicon/person-titles.tsv" nolist/ &&
    gen_fails "12 org-suffix rows" awk -f "$GEN/sort_rows.awk" -f "$GEN/gen_lexicon.awk" nolist/*.tsv /dev/null
'

# index_gen NAME DIR: the index generator src/gen/NAME.c compiled here as DIR/NAME,
# with the generated header of DIR (the real one, or one made wrong)
index_gen() {
    cc -std=c11 -O1 -I"$TOP/src" -I"$2" -o "$2/$1" "$GEN/$1.c" \
        "$TOP/src/util/strmap.c" "$TOP/src/util/strpool.c" "$TOP/src/util/xmalloc.c"
}
# filled_slots NAME FILE: how many slots of table NAME_slot in FILE hold a value
filled_slots() {
    sed -n "/$1_slot/,/};/p" "$2" | sed "1s/.*{//" | tr -c "0-9\n" " " | tr " " "\n" | grep -c "^[1-9]"
}
# lexindex DIR: gen_lexindex with the lexicon_data.h of DIR
lexindex() {
    index_gen gen_lexindex "$1"
}
test_expect_success 'gen_lexindex: an index of every map of the real lexicons' '
    mkdir -p real && cp l.h real/lexicon_data.h && lexindex real &&
    real/gen_lexindex >i.h &&
    for m in ko_forms ko_acronym ko_names loanwords morphemes; do
        test_grep "^static const uint32_t lex_${m}_slot\[" i.h || return 1
    done &&
    # each map has as many filled slots as keys
    keys=$(sed -n "/^static const struct lex_ix lex_morphemes\[\]/,/^};/p" l.h | grep -c "^    {") &&
    slots=$(filled_slots lex_morphemes i.h) &&
    test "$keys" -ge 150 && test "$slots" = "$keys"
'
test_expect_success 'gen_lexindex: two keys alike fail, nothing written' '
    mkdir -p twice &&
    awk "/^static const struct lex_ix lex_ko_names\[\]/ { print; getline; print; print; next } { print }" \
        l.h >twice/lexicon_data.h && lexindex twice &&
    gen_fails "lex_ko_names: keys out of order or alike" twice/gen_lexindex
'
test_expect_success 'gen_lexindex: a map cut short fails, nothing written' '
    mkdir -p short &&
    awk "/^static const struct lex_ix lex_morphemes\[\]/ { cut = 1; n = 0 }
         cut && /^    \{/ && ++n > 10 { next }
         /^};/ { cut = 0 } { print }" l.h >short/lexicon_data.h && lexindex short &&
    gen_fails "lex_morphemes: 10 keys, want >= 150" short/gen_lexindex
'

# wordindex DIR: gen_wordindex with the ko_wordforms.h of DIR (gen_wordforms.sh's above)
wordindex() {
    index_gen gen_wordindex "$1"
}
test_expect_success 'gen_wordindex: an index of every class of the real word forms' '
    mkdir -p wreal && cp w.h wreal/ko_wordforms.h && wordindex wreal &&
    wreal/gen_wordindex >wi.h &&
    for c in connective_forms nouns adnominal_forms adverb_forms; do
        test_grep "^static const uint32_t ko_${c}_slot\[" wi.h || return 1
    done &&
    # as many filled slots as words
    words=$(sed -n "/^static const char ko_adverb_forms\[\]/,/;$/p" w.h | grep -c "\\\\0\"") &&
    slots=$(filled_slots ko_adverb_forms wi.h) &&
    test "$words" -ge 1000 && test "$slots" = "$words"
'
# wordcut CLASS KEEP TWICE: w.h with class CLASS cut to its first KEEP words
# (all when 0) and, when TWICE is 1, its first word written twice; its size
# taken from the array, as gen_wordforms.sh would have written it
wordcut() {
    awk -v c="ko_$1" -v keep="$2" -v twice="$3" '
        $0 ~ "^static const char " c "\\[\\]" { inside = 1; n = 0; print; next }
        inside && /^    ;$/ { inside = 0; print; next }
        inside { if (++n == 1 && twice) print; if (!keep || n <= keep) print; next }
        $0 ~ "^#define " toupper(c) "_SIZE " { print "#define " toupper(c) "_SIZE (sizeof(" c ") - 1)"; next }
        { print }' w.h
}
test_expect_success 'gen_wordindex: words out of order or alike fail, nothing written' '
    mkdir -p wtwice && wordcut nouns 0 1 >wtwice/ko_wordforms.h && wordindex wtwice &&
    gen_fails "ko_nouns: words out of order, alike or empty" wtwice/gen_wordindex
'
test_expect_success 'gen_wordindex: a class cut short fails, nothing written' '
    mkdir -p wshort && wordcut adverb_forms 10 0 >wshort/ko_wordforms.h && wordindex wshort &&
    gen_fails "ko_adverb_forms: 10 words, want >= 1000" wshort/gen_wordindex
'

test_expect_success 'gen_lexicon.awk: an unknown word list fails with its line' '
    printf "word\tlist\tsource\nfoo\tbogus\tx\n" >bad/words.tsv &&
    gen_fails "bad/words.tsv:2: unknown word list" \
        awk -f "$GEN/sort_rows.awk" -f "$GEN/gen_lexicon.awk" "$TOP"/glossaries/lexicon/*.tsv bad/words.tsv
'
test_expect_success 'gen_lexicon.awk: a lexicon cut to its header fails' '
    grep -v "^#" "$TOP/glossaries/lexicon/acronyms.tsv" | head -1 >bad/acronyms.tsv &&
    gen_fails "0 acronym rows" awk -f "$GEN/sort_rows.awk" -f "$GEN/gen_lexicon.awk" bad/acronyms.tsv \
        "$TOP/glossaries/lexicon/plain-words.tsv" "$TOP/glossaries/lexicon/morphemes.tsv"
'

test_expect_success 'gen_collocations.awk: WordNet compounds' '
	LC_ALL=C awk -f "$GEN/gen_collocations.awk" "$WORDNET/index.noun" >c.c &&
	grep -q "\"role_model\\\\0\"" c.c &&
	grep -q "\"check-in\\\\0\"" c.c &&
	! grep "\"able-bodied_seaman\\\\0\"" c.c
'
test_expect_success 'gen_collocations.awk: a cut index fails' '
	head -3000 "$WORDNET/index.noun" >bad/index.noun &&
	gen_fails "only .* compounds .*wordnet-base" env LC_ALL=C awk -f "$GEN/gen_collocations.awk" \
		bad/index.noun
'
test_expect_success 'gen_collocations.awk: an index out of order fails' '
	{ grep "^role_model " "$WORDNET/index.noun"; cat "$WORDNET/index.noun"; } >bad/index.noun &&
	gen_fails "not in byte order" env LC_ALL=C awk -f "$GEN/gen_collocations.awk" bad/index.noun
'

M=$TOP/glossaries/model
test_expect_success 'gen_model.awk: the fitted model' '
    LC_ALL=C awk -f "$GEN/sort_rows.awk" -f "$GEN/gen_model.awk" "$M/pair.tsv" "$M/span.tsv" \
        "$M/word-classes.tsv" >m.h &&
    grep -q "^#define PW_bias" m.h && grep -q "^#define SW_is_rule" m.h &&
    grep -q "model_words\[\]" m.h &&
    sed -n "s/^    {\"\([^\"]*\)\", .*/\1/p" m.h >words &&
    test $(wc -l <words) -gt 100 && LC_ALL=C sort -cu words
'
test_expect_success 'gen_model.awk: a weight that is not a number fails' '
    sed "s/^bias\t.*/bias\tlarge/" "$M/pair.tsv" >bad/pair.tsv &&
    gen_fails "pair.tsv:.*is not a number" awk -f "$GEN/sort_rows.awk" -f "$GEN/gen_model.awk" bad/pair.tsv \
        "$M/span.tsv" "$M/word-classes.tsv"
'
test_expect_success 'gen_model.awk: a repeated feature fails' '
    { cat "$M/span.tsv"; grep "^is_rule" "$M/span.tsv"; } >bad/span.tsv &&
    gen_fails "repeated" awk -f "$GEN/sort_rows.awk" -f "$GEN/gen_model.awk" "$M/pair.tsv" bad/span.tsv \
        "$M/word-classes.tsv"
'
test_expect_success 'gen_model.awk: a model cut to its header fails' '
    grep -v "^#" "$M/pair.tsv" | head -3 >bad/pair.tsv &&
    gen_fails "only 2 rows" awk -f "$GEN/sort_rows.awk" -f "$GEN/gen_model.awk" bad/pair.tsv "$M/span.tsv" \
        "$M/word-classes.tsv"
'
test_expect_success 'gen_model.awk: a missing weights file fails' '
    gen_fails "expected pair.tsv, span.tsv and word-classes.tsv" \
        awk -f "$GEN/sort_rows.awk" -f "$GEN/gen_model.awk" "$M/pair.tsv" "$M/word-classes.tsv"
'
test_expect_success 'gen_model.awk: the weights of the transliterator' '
    LC_ALL=C awk -v weights=TW_ -f "$GEN/sort_rows.awk" -f "$GEN/gen_model.awk" "$M/translit.tsv" >tw.h &&
    grep -q "^#define TW_split ([0-9]*)$" tw.h && grep -q "^#define TW_pair ([0-9]*)$" tw.h &&
    ! grep -q model_words tw.h &&
    test $(grep -c "^#define TW_" tw.h) -eq $(grep -c "^[a-z_]*	-*[0-9]*$" "$M/translit.tsv")
'
test_expect_success 'gen_model.awk: a transliterator weight that is not an integer fails' '
    sed "s/^split\t.*/split\t1.5/" "$M/translit.tsv" >bad/translit.tsv &&
    gen_fails "translit.tsv:.*is not an integer" awk -v weights=TW_ -f "$GEN/sort_rows.awk" \
        -f "$GEN/gen_model.awk" bad/translit.tsv
'
test_expect_success 'gen_model.awk: transliterator weights cut short fail' '
    grep -v "^#" "$M/translit.tsv" | head -4 >bad/translit.tsv &&
    gen_fails "expected one file of 10 weights or more" awk -v weights=TW_ -f "$GEN/sort_rows.awk" \
        -f "$GEN/gen_model.awk" bad/translit.tsv
'
test_expect_success 'gen_lexicon.awk: a row it would drop fails with its line' '
    { cat "$TOP/glossaries/lexicon/acronyms.tsv" && echo KEYONLY; } >bad/acronyms.tsv &&
    n=$(wc -l <bad/acronyms.tsv) &&
    gen_fails "bad/acronyms.tsv:$n: row without a key" awk -f "$GEN/sort_rows.awk" -f "$GEN/gen_lexicon.awk" \
        bad/acronyms.tsv "$TOP/glossaries/lexicon/plain-words.tsv" "$TOP/glossaries/lexicon/morphemes.tsv"
'

test_expect_success 'gen_translit: a 3-line CMU dictionary names festlex-cmu' '
    gen_fails "bad/cmu3.* 2 pronunciations.*festlex-cmu" "$TRANSLIT" bad/cmu3 "$SCOWL"
'
test_expect_success 'gen_translit: a missing CMU dictionary names festlex-cmu' '
    gen_fails "cannot read .*empty/cmudict-0.4.out.*festlex-cmu" "$TRANSLIT" empty/cmudict-0.4.out "$SCOWL"
'
test_expect_success 'gen_translit: missing SCOWL lists name scowl' '
    gen_fails "cannot read .*empty/english-words.10.*scowl" "$TRANSLIT" "$CMU" empty
'
test_expect_success 'gen_translit: an empty ko.dic names hunspell-ko' '
    gen_fails "bad/empty.tsv.* 0 Korean words.*hunspell-ko" \
        "$TRANSLIT" "$CMU" "$SCOWL" bad/cmu3 bad/empty.tsv "$WORDNET"
'
test_expect_success 'gen_translit: missing WordNet names wordnet-base' '
    gen_fails "cannot read .*empty/verb.exc.*wordnet-base" \
        "$TRANSLIT" "$CMU" "$SCOWL" bad/cmu3 "$KODIC" empty
'
test_expect_success 'gen_translit: cut WordNet sense counts name wordnet-base' '
    mkdir wn &&
    for f in verb.exc adj.exc noun.exc index.noun index.verb index.adj index.adv; do
        ln -s "$WORDNET/$f" wn/ || exit 1
    done &&
    head -1000 "$WORDNET/cntlist.rev" >wn/cntlist.rev &&
    gen_fails "wn/cntlist.rev.* sense-tagged lemmas.*wordnet-base" \
        "$TRANSLIT" "$CMU" "$SCOWL" bad/cmu3 "$KODIC" wn
'
test_expect_success 'gen_translit: missing WordNet sense counts name wordnet-base' '
    rm wn/cntlist.rev &&
    gen_fails "cannot read .*wn/cntlist.rev.*wordnet-base" \
        "$TRANSLIT" "$CMU" "$SCOWL" bad/cmu3 "$KODIC" wn
'
test_expect_success 'gen_translit: a cut WordNet adverb index names wordnet-base' '
    ln -s "$WORDNET/cntlist.rev" wn/ &&
    rm wn/index.adv &&
    head -1000 "$WORDNET/index.adv" >wn/index.adv &&
    gen_fails "wn/index.adv.* adverbs.*wordnet-base" \
        "$TRANSLIT" "$CMU" "$SCOWL" bad/cmu3 "$KODIC" wn
'
test_expect_success 'gen_translit: a cut flite word list names flite1-dev' '
    gen_fails "bad/cmu3.*pronunciations.*flite1-dev" \
        "$TRANSLIT" "$CMU" "$SCOWL" bad/cmu3 "$KODIC" "$WORDNET"
'
test_expect_success 'gen_translit: a missing hunspell en_US names hunspell-en-us' '
    gen_fails "hunspell en_US in .*empty.*dictionary files not found.*hunspell-en-us" \
        "$TRANSLIT" "$CMU" "$SCOWL" bad/cmu3 "$KODIC" "$WORDNET" empty
'
test_expect_success 'gen_translit_lts: a 3-line CMU dictionary names festlex-cmu' '
    gen_fails "bad/cmu3.* 2 words.*festlex-cmu" "$LTS" bad/cmu3 "$SCOWL" 80
'
test_expect_success 'gen_translit_lts: missing SCOWL lists name scowl' '
    gen_fails "cannot read .*empty/english-words.10.*scowl" "$LTS" "$CMU" empty 80
'

# make on a copy of the tree: nothing here touches the real build/.
mkdir -p tree/glossaries &&
    cp -R "$TOP/Makefile" "$TOP/src" tree/ &&
    cp -R "$TOP/glossaries/lexicon" tree/glossaries/ || exit 1

# no_build_output: no binary and nothing but complete tables in tree/build/gen
no_build_output() {
    for f in tree/dadeum tree/build/libdadeum.a tree/build/gen/*+ "$@"; do
        if [ -e "$f" ]; then
            say_fail "$f was left behind"
            return 1
        fi
    done
}

test_expect_success 'make without the Unicode data stops before compiling, names make deps' '
    test_must_fail make -C tree UNICODE_DIR="$SCRATCH/empty" >make.out 2>&1 &&
    test_grep "missing .*empty/UnicodeData.txt.*unicode-data" make.out &&
    test_grep "run .make deps. (as root) to install: unicode-data$" make.out &&
    no_build_output tree/build
'
test_expect_success 'make with a cut Unihan stops at gen_sino.sh, no table, no binary' '
    mkdir uni && ln -s "$UNI/UnicodeData.txt" "$UNI/CompositionExclusions.txt" \
        "$SCRATCH/bad/Unihan_IRGSources.txt.bz2" "$SCRATCH/bad/Unihan_Readings.txt.bz2" uni/ &&
    test_must_fail make -C tree BUILD=build UNICODE_DIR="$SCRATCH/uni" >make.out 2>&1 &&
    test_grep "gen_sino.sh: error: .*Unihan_Readings.txt.bz2.*unicode-data" make.out &&
    no_build_output tree/build/gen/sino_syllables.h &&
    test -s tree/build/gen/unicode_tables.h
'
# a compiler that finds every file but libsqlite3.a (-print-file-name gives back
# the bare name, as gcc does for a file it cannot find)
printf '#!/bin/sh\ncase $1 in -print-file-name=libsqlite3.a) echo libsqlite3.a; exit 0 ;; esac\nexec cc "$@"\n' \
    >nosqlite-cc && chmod +x nosqlite-cc || exit 1
test_expect_success 'make check-deps names the package of a missing static archive' '
    test_must_fail make -C tree check-deps CC="$SCRATCH/nosqlite-cc" >make.out 2>&1 &&
    test_grep "missing libsqlite3.a (Debian package libsqlite3-dev; or build with SHARED_LIBS=1)" \
        make.out &&
    test_grep "run .make deps. (as root) to install: libsqlite3-dev$" make.out &&
    make -C tree check-deps CC="$SCRATCH/nosqlite-cc" SHARED_LIBS=1 >make.out 2>&1
'
test_expect_success 'make with an empty lexicon stops at gen_lexicon.awk' '
    test_must_fail make -C tree LEXICONS="$SCRATCH/bad/empty.tsv" >make.out 2>&1 &&
    test_grep "gen_lexicon.awk: error: empty file" make.out &&
    no_build_output tree/build/gen/lexicon_data.h
'

test_done
