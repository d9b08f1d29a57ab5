#!/usr/bin/env python3
"""fit_translit.py [--dadeum PROG] [--rounds N] - fit the transliterator's ranking weights.

The weights of glossaries/model/translit.tsv (src/align/translit.c's ranking, in
tenths of a jamo substitution) are fitted by coordinate ascent: each weight in
turn is set to each value of a small grid around it, the program rebuilt (`make`,
which regenerates build/gen/translit_weights.h) and the tuning lists scored; a
weight moves only when that wins more words top-1 than its current value (ties
keep it). Rounds repeat until one changes nothing (at most N, default 3).

Tuning data (the only data read):
  tests/data/translit/dev.tsv         the curated development list
  tests/data/translit/corpus-dev.tsv  loanwords of tests/corpus/'s dev split
Held out, scored once at the end and never used to choose:
  tests/data/translit/loanwords.tsv, l10n-kde.tsv, corpus-test.tsv

Top-1 is tests/translit_eval.sh's: case-blind, ignoring spaces and hyphens. The
file is rewritten with the fitted weights (its comments kept; restored to its
starting values when the fit fails or is interrupted); review the diff
and rerun tests/calibrate_translit.py, whose bands read the scores these weights
give. Exit status 0, 1 when a build or a run fails, 2 on usage errors.
"""
import os
import subprocess
import sys

import calibrate_translit as calibrate
from calibrate_translit import norm

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
WEIGHTS = os.path.join(ROOT, "glossaries", "model", "translit.tsv")
TUNE = ("dev.tsv", "corpus-dev.tsv")
HELD_OUT = ("loanwords.tsv", "l10n-kde.tsv", "corpus-test.tsv")


def read_list(name):
    """[(ko, {normalised gold alternatives})] of a list (calibrate_translit's reader)."""
    return [(ko, {norm(a) for a in gold.split("|")}) for ko, gold in calibrate.read_list(name)]


def read_weights():
    head, names, values = [], [], []
    with open(WEIGHTS, encoding="utf-8") as f:
        for line in f:
            r = line.rstrip("\n").split("\t")
            if line.startswith("#") or r == ["feature", "weight"]:
                head.append(line)
            elif len(r) == 2 and r[1].lstrip("-").isdigit():
                names.append(r[0])
                values.append(int(r[1]))
            else:
                raise SystemExit(f"fit_translit.py: {WEIGHTS}: bad row {line.rstrip()!r}")
    return head, names, values


def write_weights(head, names, values):
    with open(WEIGHTS + ".tmp", "w", encoding="utf-8") as f:
        f.writelines(head)
        for n, v in zip(names, values):
            f.write(f"{n}\t{v}\n")
    os.replace(WEIGHTS + ".tmp", WEIGHTS)


def build():
    p = subprocess.run(["make", "-s", "-j2"], cwd=ROOT, capture_output=True, text=True)
    if p.returncode:
        sys.stderr.write(p.stdout + p.stderr)
        raise SystemExit("fit_translit.py: make failed")


def top1(prog, rows):
    p = subprocess.run([prog, "translit", "-n", "1", "-"], input="".join(k + "\n" for k, _ in rows),
                       capture_output=True, text=True)
    if p.returncode:
        raise SystemExit(f"fit_translit.py: {prog} translit failed: {p.stderr.strip()}")
    lines = p.stdout.splitlines()
    if len(lines) != len(rows):
        raise SystemExit(f"fit_translit.py: {prog} translit gave {len(lines)} lines for {len(rows)} words")
    return sum(1 for (_, gold), line in zip(rows, lines)
               if len(line.split("\t")) > 1 and norm(line.split("\t")[1]) in gold)


def grid(name, v):
    if name == "tier_tenths":
        return sorted({0, 5, 10, 15, 20, 30, v})
    return sorted({x for x in (v - 3, v - 2, v - 1, v + 1, v + 2, v + 3, v // 2, v * 2, v)
                   if x >= 0})


def main(argv):
    prog, rounds = os.path.join(ROOT, "dadeum"), 3
    while argv:
        if argv[0] == "--dadeum" and len(argv) > 1:
            prog, argv = os.path.abspath(argv[1]), argv[2:]
        elif argv[0] == "--rounds" and len(argv) > 1 and argv[1].isdigit() and int(argv[1]) > 0:
            rounds, argv = int(argv[1]), argv[2:]
        else:
            print(__doc__, file=sys.stderr)
            return 2
    tune = [r for name in TUNE for r in read_list(name)]
    head, names, values = read_weights()

    def score(vals):
        write_weights(head, names, vals)
        build()
        return top1(prog, tune)

    start = values[:]
    done = False
    try:
        best = score(values)
        print(f"start: {best} of {len(tune)} tuning words top-1 ({best / len(tune):.3f})")
        for rnd in range(1, rounds + 1):
            moved = False
            for i, name in enumerate(names):
                for v in grid(name, values[i]):
                    if v == values[i]:
                        continue
                    trial = values[:]
                    trial[i] = v
                    s = score(trial)
                    if s > best:
                        best, values, moved = s, trial, True
                        print(f"round {rnd}: {name} -> {v}: {best} ({best / len(tune):.3f})", flush=True)
            if not moved:
                break
        done = True
    finally:
        if not done:  # interrupted or failed: leave the file as it was
            write_weights(head, names, start)
    write_weights(head, names, values)
    build()
    print("fitted:", ", ".join(f"{n} {a}->{b}" if a != b else f"{n} {a}"
                               for n, a, b in zip(names, start, values)))
    for name in TUNE + HELD_OUT:
        rows = read_list(name)
        print(f"  {name:16s} {len(rows):4d} words, top-1 {top1(prog, rows) / len(rows):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
