#!/usr/bin/env python3
"""mine_morphemes.py - candidate Korean morpheme -> English word pairs from the dev gold.

usage: mine_morphemes.py [--dic KO_DIC] [--min-docs N] [--min-dice X]

The acronym fit of the extractor (src/extract/score.c, score_acronym_fit) asks
which English word each Korean morpheme of a name gives, to tell whether an
acronym spells a word before the term (항만 연결성 지수(PLSCI): 항만 = Port).
glossaries/lexicon/morphemes.tsv holds the pairs the maintainers read off
acronyms.tsv; this script proposes more from the annotators' own work: the dev
split's acronym rows of tests/corpus/gold.tsv (never the test split), whose
note begins with the English expansion (KIEP: "Korea Institute for
International Economic Policy").

For each such row whose English content words can spell the acronym's capital
letters in order, the Korean side is cut into nouns of hunspell-ko (the best
tiling of each word by nouns of two to four syllables, KO_DIC) and every noun
is counted with every English word of the row. A pair is proposed when it
occurs in at least --min-docs documents (3) with a Dice coefficient of at
least --min-dice (0.5), and competitive linking keeps each noun and each
English word in one pair only, the strongest first. Prints ko, en, docs,
dice and whether morphemes.tsv has the noun already; a person reviews the
list, and what is kept goes to glossaries/lexicon/morphemes-mined.tsv.
Exit status 0, 1 when the dictionary cannot be read, 2 on usage errors.
"""
import csv
import os
import re
import subprocess
import sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import corpus  # noqa: E402

STOP = set("of and the for on in at to a an by with from de del la le du des et".split())


def nouns_of(dic):
    awk = os.path.join(ROOT, "src", "gen", "gen_wordforms.awk")
    p = subprocess.run(["awk", "-f", awk, dic], capture_output=True, text=True,
                       env=dict(os.environ, LC_ALL="C"))
    if p.returncode != 0:
        sys.exit(f"mine_morphemes.py: cannot read {dic}: {p.stderr.strip()}")
    return {w for w, c in (ln.split("\t") for ln in p.stdout.splitlines()) if c == "noun"}


def tiling(word, nouns):
    """The nouns (2-4 syllables) that tile word best: most syllables covered, then fewest."""
    best = [(0, 0, [])] + [None] * len(word)
    for i in range(1, len(word) + 1):
        c, k, ps = best[i - 1]
        cands = [(c, k, ps)]
        for n in (2, 3, 4):
            if i >= n and word[i - n:i] in nouns:
                c, k, ps = best[i - n]
                cands.append((c + n, k - 1, ps + [word[i - n:i]]))
        best[i] = max(cands)
    return best[-1][2]


def main(argv):
    dic, min_docs, min_dice = "/usr/share/hunspell/ko.dic", 3, 0.5
    for i in range(0, len(argv), 2):
        opt, val = argv[i], argv[i + 1] if i + 1 < len(argv) else None
        if val is None or opt not in ("--dic", "--min-docs", "--min-dice"):
            sys.stderr.write(f"mine_morphemes.py: {opt}: unknown option or no value\n"
                             + __doc__.split("\n\n")[1] + "\n")
            return 2
        if opt == "--dic":
            dic = val
        elif opt == "--min-docs":
            if not val.isdigit() or int(val) < 1:
                sys.stderr.write(f"mine_morphemes.py: --min-docs {val}: not a whole number of 1 or more\n")
                return 2
            min_docs = int(val)
        else:
            try:
                min_dice = float(val)
            except ValueError:
                min_dice = -1.0
            if not 0 < min_dice <= 1:
                sys.stderr.write(f"mine_morphemes.py: --min-dice {val}: not a number in (0, 1]\n")
                return 2
    nouns = nouns_of(dic)
    known = set()
    with open(os.path.join(ROOT, "glossaries", "lexicon", "morphemes.tsv"), encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#") and "\t" in line:
                known.add(line.split("\t")[0])
    vocabulary = nouns | known
    pair, kc, ec, docs = Counter(), Counter(), Counter(), defaultdict(set)
    rows = 0
    with open(os.path.join(HERE, "gold.tsv"), encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            if r["kind"] != "abbrev" or corpus.split_of(r["doc"]) != "dev":
                continue
            english = re.split(r"[;(]", r["note"])[0]
            words = [w.lower() for w in re.findall(r"[A-Za-z][A-Za-z'-]*", english)
                     if w.lower() not in STOP and len(w) > 2]
            ew = {w.strip("'") for w in words}
            # the content words spell the acronym's capitals in order
            initials = iter("".join(w[0] for w in words).upper())
            if len(ew) < 2 or not all(c in initials for c in r["gloss"] if c.isupper()):
                continue
            ks = set()
            for word in re.split(r"[ ·ㆍ‧\-]+", r["ko"]):
                word = re.sub(r"[^가-힣]", "", word)
                ks.update(tiling(word, vocabulary))
                if word in nouns and 2 <= len(word) <= 4:
                    ks.add(word)
            if not ks:
                continue
            rows += 1
            for k in ks:
                kc[k] += 1
            for e in ew:
                ec[e] += 1
            for k in ks:
                for e in ew:
                    pair[(k, e)] += 1
                    docs[(k, e)].add(r["doc"])
    cands = []
    for (k, e), n in pair.items():
        dice = 2 * n / (kc[k] + ec[e])
        if len(docs[(k, e)]) >= min_docs and dice >= min_dice:
            cands.append((dice, n, k, e))
    cands.sort(reverse=True)
    used_k, used_e = set(), set()
    print("ko\ten\tdocs\tdice\tmorphemes.tsv")
    for dice, n, k, e in cands:
        if k in used_k or e in used_e:
            continue
        used_k.add(k)
        used_e.add(e)
        print(f"{k}\t{e}\t{len(docs[(k, e)])}\t{dice:.2f}\t{'has it' if k in known else 'new'}")
    sys.stderr.write(f"mine_morphemes.py: {rows} dev acronym rows with their English\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
