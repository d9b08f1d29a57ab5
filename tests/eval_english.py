#!/usr/bin/env python3
"""eval_english.py GOLD PRED - how right are the English forms of extracted pairs?

GOLD: the seed gold standard (doc ko gloss kind note); the note's first field
before ';' is the English meaning. PRED: `dadeum extract` TSV (file, ko,
gloss, en columns). For the pairs found exactly (document, Korean, gloss),
compares `en` with the gold English after folding case, hyphens, '&', and
words in brackets. Prints, per kind, how many gold pairs got an English form
(coverage) and how many of those are right (precision). Used by `make eval`.
"""
import csv
import os
import re
import sys
import unicodedata


def norm(s):
    s = unicodedata.normalize("NFC", s or "")
    return " ".join(s.split())


def fold(s):
    s = norm(s).lower()
    s = re.sub(r"\([^)]*\)", " ", s)
    s = s.replace("&", " and ").replace("-", " ").replace("·", " ")
    return " ".join(s.split())


REMARKS = ("paren", "written", "reversed", "person name", "doubtful", "mixed", "preceded",
           "ambiguous", "quotes", "occurs")


def english_meaning(note):
    """The first field of a gold note gives the English meaning, unless it is a remark."""
    if not note or re.search(r"[\uac00-\ud7a3\u3130-\u318f'‘’]", note):
        return False
    return not note.lower().startswith(REMARKS)


def read(path):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    head = [h.strip().lower() for h in rows[0]]
    return head, rows[1:]


def main(gold_path, pred_path):
    gh, grows = read(gold_path)
    ph, prows = read(pred_path)
    gi = {k: gh.index(k) for k in ("doc", "ko", "gloss", "kind", "note")}
    pi = {k: ph.index(k) for k in ("file", "ko", "gloss", "en")}
    pred = {}
    for r in prows:
        key = (os.path.basename(norm(r[pi["file"]])), norm(r[pi["ko"]]), norm(r[pi["gloss"]]))
        pred.setdefault(key, r[pi["en"]] if pi["en"] < len(r) else "")
    stats = {}
    misses = []
    for r in grows:
        key = (norm(r[gi["doc"]]), norm(r[gi["ko"]]), norm(r[gi["gloss"]]))
        kind = r[gi["kind"]]
        want = r[gi["note"]].split(";")[0].strip()
        if not english_meaning(want):
            continue
        s = stats.setdefault(kind, [0, 0, 0])  # found, given, right
        if key not in pred:
            continue
        s[0] += 1
        got = pred[key]
        if not got:
            continue
        s[1] += 1
        if fold(got) == fold(want):
            s[2] += 1
        else:
            misses.append((kind, key[1], key[2], got, want))
    for kind in sorted(stats):
        found, given, right = stats[kind]
        prec = right / given if given else 0.0
        print(f"  en {kind:10s} found {found:3d}, with English {given:3d}, right {right:3d}"
              f" (precision {prec:.3f})")
    if "--errors" in sys.argv:
        for m in misses:
            print("  ! %s\t%s\t%s\tgot '%s', gold '%s'" % m)


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) != 2:
        sys.exit(__doc__)
    main(*args)
