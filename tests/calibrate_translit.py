#!/usr/bin/env python3
"""calibrate_translit.py [--dadeum PROG] - fit the export gate's transliteration bands.

A loanword whose English only the transliterator found (extract's evidence
"translit", "l10n+translit", "lexicon+translit") carries the transliterator's
score, which is not a probability. This script turns it into one and prints
the table src/model/confidence.c holds (translit_bands), with the figures
its provenance comment quotes.

Tuning data (the only data the fit reads):
  tests/data/translit/dev.tsv            the development list of loanwords
  tests/data/translit/corpus-dev.tsv     the loanwords of tests/corpus/'s dev split
                                         (tests/corpus/loanword_list.py)
Held out (scored with the fitted table, never used to fit it):
  tests/data/translit/loanwords.tsv, tests/data/translit/l10n-kde.tsv,
  tests/data/translit/corpus-test.tsv (the test split's loanwords).

Each word goes through `dadeum translit --score -n 1` (the score the
extractor stores for a one-word loanword); its answer is right when it equals
one of the gold alternatives case-blind, ignoring spaces and hyphens (as
tests/translit_eval.sh). The fit: scores sorted, pooled adjacent violators
(isotonic regression) on right/wrong, then bands merged until each holds at
least MIN_BAND words. A band's probability is its share of right answers,
rounded down to hundredths. With the gate at TARGET (MODEL_MIN_CONFIDENCE)
the guesses kept are those of bands whose probability reaches it; the script
prints the lowest score kept, and the precision and share of words kept on
each list.
"""
import math
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

TARGET = 0.95
MIN_BAND = 25
DATA = os.path.join(HERE, "data", "translit")


def norm(s):
    return s.lower().replace(" ", "").replace("-", "")


def read_list(name):
    rows = []
    with open(os.path.join(DATA, name), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            r = line.rstrip("\n").split("\t")
            if len(r) >= 2 and r[0] and r[1] and r[0] != "ko":
                rows.append((r[0], r[1]))
    return rows


def score(prog, rows):
    """[(score, right)] for rows [(ko, gold alternatives)]."""
    p = subprocess.run([prog, "translit", "--score", "-n", "1", "-"], input="".join(
        k + "\n" for k, _ in rows), capture_output=True, text=True, check=True)
    out = []
    for (ko, gold), line in zip(rows, p.stdout.splitlines()):
        cols = line.split("\t")
        cand, s = "", 0.0
        if len(cols) > 1 and cols[1].endswith(")") and " (" in cols[1]:
            cand, num = cols[1].rsplit(" (", 1)
            s = float(num[:-1])
        right = bool(cand) and any(norm(cand) == norm(a) for a in gold.split("|"))
        if cand:
            out.append((s, right))
    return out


def fit(points):
    """Isotonic bands [(lowest score, probability, n)], highest score first."""
    by_score = {}  # words of one score form one block
    for s, r in points:
        n, k = by_score.get(s, (0, 0))
        by_score[s] = (n + 1, k + int(r))
    blocks = []  # [lo, hi, n, right]
    for s in sorted(by_score):
        blocks.append([s, s, by_score[s][0], by_score[s][1]])
        while len(blocks) > 1 and blocks[-2][3] / blocks[-2][2] >= blocks[-1][3] / blocks[-1][2]:
            b = blocks.pop()
            blocks[-1][1] = b[1]
            blocks[-1][2] += b[2]
            blocks[-1][3] += b[3]
    merged = []
    for b in blocks:  # small bands join the band below them
        if merged and merged[-1][2] < MIN_BAND:
            m = merged[-1]
            merged[-1] = [m[0], b[1], m[2] + b[2], m[3] + b[3]]
        else:
            merged.append(list(b))
    if len(merged) > 1 and merged[-1][2] < MIN_BAND:
        b = merged.pop()
        merged[-1] = [merged[-1][0], b[1], merged[-1][2] + b[2], merged[-1][3] + b[3]]
    return [(b[0], b[3] / b[2], b[2]) for b in reversed(merged)]


def prob(bands, s):
    for lo, p, _ in bands:
        if s >= lo:
            return p
    return 0.0


def main(argv):
    prog = "./dadeum"
    if len(argv) == 2 and argv[0] == "--dadeum":
        prog = argv[1]
    elif argv:
        print(__doc__, file=sys.stderr)
        return 2
    sets = {
        "dev.tsv": read_list("dev.tsv"),
        "corpus-dev.tsv": read_list("corpus-dev.tsv"),
        "loanwords.tsv": read_list("loanwords.tsv"),
        "l10n-kde.tsv": read_list("l10n-kde.tsv"),
        "corpus-test.tsv": read_list("corpus-test.tsv"),
    }
    scored = {k: score(prog, v) for k, v in sets.items()}
    tune = scored["dev.tsv"] + scored["corpus-dev.tsv"]
    bands = fit(tune)
    print("bands (lowest raw score, probability, words):")
    for lo, p, n in bands:
        print(f"  {{{lo:.2f}, {math.floor(p * 100 + 1e-9) / 100:.2f}}}, /* {n} words, {p:.3f} */")
    threshold = None
    for lo, p, _ in bands:  # highest first: the lowest band that is right TARGET of the time
        if math.floor(p * 100 + 1e-9) / 100 >= TARGET:
            threshold = lo
    print(f"threshold: raw score >= {threshold:.2f} (probability >= {TARGET})" if threshold is not None
          else "threshold: none")
    for name, pts in scored.items():
        kept = [r for s, r in pts if threshold is not None and s >= threshold]
        prec = sum(kept) / len(kept) if kept else 0.0
        allp = sum(r for _, r in pts) / len(pts) if pts else 0.0
        print(f"  {name:17s} {len(pts):4d} answered, all {allp:.3f}; kept {len(kept):4d}"
              f" ({len(kept) / max(len(pts), 1):.0%}), precision {prec:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
