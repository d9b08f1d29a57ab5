# gen_wordforms.awk - the verb and adverb forms of hunspell-ko's dictionary, as
# "word<TAB>class" lines (UTF-8, precomposed) for gen_wordforms.sh to sort.
#
#   LC_ALL=C awk -f gen_wordforms.awk /usr/share/hunspell/ko.dic
#
# ko.dic (Debian hunspell-ko) stores words in conjoining jamo (NFD) with one
# flag naming the word's paradigm. Read from its .aff, the flags used here are
#   2   a connective form of a verb or adjective (개설해, 가결되어)
#   3   an adnominal form in -ㄴ/-은/-는 (열린, 담긴, 새로운, 위한)
#   4   an adnominal form in -ㄹ (가결될, 가공할)
#   67  an adverb (단연, 달리, 가끔)
#   10, 9, 24, 25, 8, 21 and none: nouns, bound nouns, pronouns, determiners
# A word that is also listed as a noun (대한, 통한) is left out: its class is
# not sure. The nouns themselves are a class too (a particle after one is sure:
# 장관이, 개회사와). Exits 1 with a message when the input is missing or too small.
function fail(msg) { printf "gen_wordforms.awk: %s\n", msg > "/dev/stderr"; bad = 1; exit 1 }
function utf8(cp) {
    return sprintf("%c%c%c", 224 + int(cp / 4096), 128 + int(cp / 64) % 64, 128 + cp % 64)
}
# conjoining jamo (U+1100..U+11FF, three bytes each) composed into syllables
function compose(s,    out, i, b1, b2, b3, cp, l, v, t) {
    out = ""; l = -1; v = -1
    for (i = 1; i <= length(s); ) {
        b1 = ord[substr(s, i, 1)]
        if (b1 < 128) { out = out flush(l, v) substr(s, i, 1); l = v = -1; i++; continue }
        if (b1 < 224 || b1 >= 240) return ""   # not a three-byte character: skip the word
        b2 = ord[substr(s, i + 1, 1)]; b3 = ord[substr(s, i + 2, 1)]
        cp = (b1 % 16) * 4096 + (b2 % 64) * 64 + (b3 % 64)
        i += 3
        if (cp >= 4352 && cp <= 4370) {        # U+1100..U+1112 leading consonant
            out = out flush(l, v); l = cp - 4352; v = -1
        } else if (cp >= 4449 && cp <= 4469 && l >= 0 && v < 0) {   # U+1161..U+1175 vowel
            v = cp - 4449
        } else if (cp >= 4520 && cp <= 4546 && l >= 0 && v >= 0) {  # U+11A8..U+11C2 final
            out = out utf8(44032 + (l * 21 + v) * 28 + cp - 4519); l = v = -1
        } else if (cp >= 44032 && cp <= 55203) {
            out = out flush(l, v) utf8(cp); l = v = -1
        } else {
            return ""
        }
    }
    return out flush(l, v)
}
function flush(l, v) { return (l >= 0 && v >= 0) ? utf8(44032 + (l * 21 + v) * 28) : "" }
BEGIN {
    for (i = 0; i < 256; i++) ord[sprintf("%c", i)] = i
    cls["2"] = "connective"; cls["3"] = "adnominal"; cls["4"] = "adnominal"; cls["67"] = "adverb"
    noun["10"] = noun["9"] = noun["24"] = noun["25"] = noun["8"] = noun["21"] = noun[""] = 1
}
FNR == 1 { if ($0 !~ /^[0-9]+$/) fail(FILENAME ": line 1 is not a word count"); next }
{
    slash = index($0, "/")
    w = slash ? substr($0, 1, slash - 1) : $0
    f = slash ? substr($0, slash + 1) : ""
    w = compose(w)
    if (w == "") next
    if (f in noun) { if (w ~ /^[\200-\377]/) isnoun[w] = 1; next }
    if (f in cls) form[w] = cls[f]
}
END {
    if (bad) exit 1
    n = 0
    for (w in form) {
        if (w in isnoun) continue
        print w "\t" form[w]; n++; count[form[w]]++
    }
    for (w in isnoun) { print w "\tnoun"; count["noun"]++ }
    # Debian 12's hunspell-ko gives 25,627 adnominal, 24,371 connective and 2,552 adverb forms
    # and 33,402 nouns (Hangul ones)
    if (count["adnominal"] < 20000 || count["connective"] < 15000 || count["adverb"] < 2000 ||
        count["noun"] < 30000) {
        printf "gen_wordforms.awk: only %d adnominal, %d connective, %d adverb and %d noun forms in %s (Debian package hunspell-ko)\n", \
            count["adnominal"], count["connective"], count["adverb"], count["noun"], FILENAME > "/dev/stderr"
        exit 1
    }
}
