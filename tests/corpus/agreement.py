#!/usr/bin/env python3
"""agreement.py - how far two annotators agree, beside how far dadeum agrees with each.

usage: agreement.py [--dadeum PROG]

A sample of 104 corpus documents (agreement-docs.tsv: 52 dev, 52 test, drawn at
random) was annotated a second time, independently, by the conventions alone
(agreement-gold.tsv; see README.md, "Agreement of two annotators"). For each split
this prints strict F1 of the second annotation against gold.tsv (exact document,
Korean span and gloss, after NFC and white-space folding, as evaluate.py), the
boundary agreement (the same Korean span among glosses both annotators paired),
and a lenient F1 that also counts a span one annotator gave as the other's
`ambiguous-boundary (alt: ...)`. With --dadeum, it scores `dadeum extract`
against either annotation on the documents whose text is here.

Exit status 0, 1 when a file is missing or malformed or dadeum failed, 2 on usage errors.
"""
import os
import re
import sys
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import corpus  # noqa: E402
import evaluate  # noqa: E402

norm = evaluate.norm


def keyed(rows):
    """{(doc, ko, gloss): [alternative spans]} of gold rows."""
    out = {}
    for r in rows:
        alts = []
        for alt in re.findall(r"alt: ([^)]*)\)", r.get("note", "")):
            alts += [a.strip() for a in re.split(r"\s*(?:/|;| or |,)\s*", norm(alt)) if a.strip()]
        out.setdefault((r["doc"], norm(r["ko"]), norm(r["gloss"])), alts)
    return out


def prf(gold, pred):
    tp = len(set(gold) & set(pred))
    p = tp / len(pred) if pred else 0.0
    r = tp / len(gold) if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def by_gloss(rows):
    out = defaultdict(set)
    for d, k, g in rows:
        out[(d, g)].add(k)
    return out


def compare(first, second):
    """(P, R, F1 of second against first, same spans, shared glosses, lenient F1)."""
    p, r, f = prf(first, second)
    a, b = by_gloss(first), by_gloss(second)
    shared = [x for x in a if x in b]
    same = sum(1 for x in shared if a[x] & b[x])
    hits = 0
    for x, alts in second.items():
        if x in first:
            hits += 1
            continue
        near = [(x[0], k, x[2]) for k in a.get((x[0], x[2]), ())]
        if any(x[1] in first[y] or y[1] in alts for y in near):
            hits += 1
    lp = hits / len(second) if second else 0.0
    lr = hits / len(first) if first else 0.0
    return p, r, f, same, len(shared), (2 * lp * lr / (lp + lr) if lp + lr else 0.0)


def main(argv):
    prog = None
    if argv[:1] == ["--dadeum"] and len(argv) == 2:
        prog = argv[1]
    elif argv:
        sys.stderr.write(__doc__.split("\n\n")[1] + "\n")
        return 2
    sample = corpus.read_tsv(os.path.join(HERE, "agreement-docs.tsv"), ["doc", "annotator"])
    if not sample:
        sys.stderr.write("agreement.py: agreement-docs.tsv is missing or empty\n")
        return 1
    split = {r["doc"]: r["split"] for r in corpus.read_tsv(os.path.join(HERE, "SOURCES.tsv"), corpus.SOURCE_COLS)}
    docs = {r["doc"] for r in sample}
    unknown = sorted(docs - set(split))
    if unknown:
        sys.stderr.write(f"agreement.py: {unknown[0]} is not in SOURCES.tsv\n")
        return 1
    first = [r for r in corpus.read_tsv(os.path.join(HERE, "gold.tsv"), corpus.GOLD_COLS) if r["doc"] in docs]
    second = corpus.read_tsv(os.path.join(HERE, "agreement-gold.tsv"), corpus.GOLD_COLS)
    if not second:
        sys.stderr.write("agreement.py: agreement-gold.tsv is missing or has no rows\n")
        return 1
    for r in second:
        if r["kind"] not in corpus.KINDS or not r["ko"].strip() or not r["gloss"].strip():
            sys.stderr.write(f"agreement.py: {r['_where']}: want doc, ko, gloss and a kind of "
                             f"{', '.join(sorted(corpus.KINDS))}\n")
            return 1
    stray = sorted({r["doc"] for r in second} - docs)
    if stray:
        sys.stderr.write(f"agreement.py: agreement-gold.tsv: {stray[0]} is not in agreement-docs.tsv\n")
        return 1

    paths = {}
    for d in sorted(docs):
        for where in ("docs", "cache"):
            p = os.path.join(HERE, where, d)
            if os.path.exists(p):
                paths[d] = p
                break
    for r in second:
        if r["doc"] in paths:
            with open(paths[r["doc"]], encoding="utf-8") as f:
                text = norm(f.read())
            for side in ("ko", "gloss"):
                if not r[side] or norm(r[side]) not in text:
                    sys.stderr.write(f"agreement.py: agreement-gold.tsv: {side} '{r[side]}' does not occur in {r['doc']}\n")
                    return 1

    pred = None
    if prog:
        rows, _ = evaluate.run_dadeum(prog, paths, False)
        pred = {(os.path.basename(r["file"]), norm(r["ko"]), norm(r["gloss"])) for r in rows}

    for name in ("dev", "test", "all"):
        want = {d for d in docs if name == "all" or split[d] == name}
        a = keyed(r for r in first if r["doc"] in want)
        b = keyed(r for r in second if r["doc"] in want)
        p, r, f, same, shared, lenient = compare(a, b)
        print(f"== {name}: {len(want)} documents, {len(a)} pairs in gold.tsv, {len(b)} in the second annotation")
        print(f"  second against gold.tsv: strict F1 {f:.3f} (P {p:.3f} R {r:.3f}); lenient F1 {lenient:.3f}")
        print(f"  boundary agreement {same / shared if shared else 0:.3f} ({same}/{shared} glosses both paired)")
        if pred is not None:
            here = {d for d in want if d in paths}
            mine = {x for x in pred if x[0] in here}
            for label, gold in (("gold.tsv", a), ("the second annotation", b)):
                gp, gr, gf = prf({x for x in gold if x[0] in here}, mine)
                print(f"  dadeum against {label}: strict F1 {gf:.3f} (P {gp:.3f} R {gr:.3f}) on {len(here)} documents")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
