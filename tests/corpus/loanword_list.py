#!/usr/bin/env python3
"""loanword_list.py - the corpus's loanwords as Hangul -> English lists for translit_eval.sh.

usage: loanword_list.py candidates > REVIEW.tsv
       loanword_list.py lists REVIEW.tsv [DIR]

candidates  prints, from the gold rows of every split (merged and unmerged), each
            Hangul-only gloss of kind loanword once, with the English its annotators
            wrote first in the note (parenthesised asides removed; alternatives from
            several rows joined with |), its split (a word of both splits is test),
            and the verdict `keep`: columns ko, en, split, verdict. A person then
            reviews the file: keep (en is what the Hangul transliterates), fix (en
            rewritten to it: 렌터카 car rental business -> rent-a-car) or drop (not
            English: Japanese 세꼬시, Korean mixed in: 하임리히법; or unclear).
lists       writes corpus-dev.tsv and corpus-test.tsv into DIR (default
            tests/data/translit) from a reviewed file: its keep and fix rows by split, with the American
            spelling added beside a British one (-elling, -ogue).

The review of 2026-12-06 is tests/data/translit/corpus-review.tsv. Exit status 0,
1 on a malformed review file, 2 on usage errors.
"""
import collections
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import corpus  # noqa: E402

DATA = os.path.normpath(os.path.join(HERE, "..", "data", "translit"))
HANGUL = re.compile(r"^[가-힣]+( [가-힣]+)*$")
ENGLISH = re.compile(r"^[A-Za-z][A-Za-z' -]*[A-Za-z]$")
VERDICTS = ("keep", "fix", "drop")


def candidates():
    seen = collections.OrderedDict()
    split = {}
    for g in corpus.all_gold():
        if g["kind"] != "loanword" or not HANGUL.match(g["gloss"]):
            continue
        en = re.sub(r"\s*\([^)]*\)", "", g["note"].split(";")[0]).strip()
        if not ENGLISH.match(en):
            continue
        seen.setdefault(g["gloss"], collections.Counter())[en if en.isupper() else en.lower()] += 1
        if split.get(g["gloss"]) != "test":
            split[g["gloss"]] = corpus.split_of(g["doc"])
    for ko, c in seen.items():
        print(ko, "|".join(e for e, _ in c.most_common()), split[ko], "keep", sep="\t")
    return 0


def read_review(review):
    """The rows (ko, en, split, verdict) of a review file; ValueError naming the file
    and the line of the first malformed one."""
    out = []
    with open(review, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.startswith("#"):
                continue
            r = line.rstrip("\n").split("\t")
            if len(r) != 4 or r[2] not in ("dev", "test") or r[3] not in VERDICTS \
                    or not HANGUL.match(r[0]) or not all(ENGLISH.match(a) for a in r[1].split("|")):
                raise ValueError(f"{review}:{n}: expected ko, en, dev|test, keep|fix|drop")
            out.append(tuple(r))
    return out


def lists(review, out):
    rows = {"dev": [], "test": []}
    try:
        reviewed = read_review(review)
    except ValueError as e:
        print(f"loanword_list.py: {e}", file=sys.stderr)
        return 1
    for ko, en, split, verdict in reviewed:
        if verdict != "drop":
            rows[split].append((ko, corpus.american(en)))
    for split, rs in rows.items():
        path = os.path.join(out, f"corpus-{split}.tsv")
        with open(path + ".tmp", "w", encoding="utf-8") as f:
            f.write(f"# corpus-{split}.tsv - loanwords of the {split} split of tests/corpus/ with the English\n"
                    "# they transliterate, for tests/translit_eval.sh. Made by tests/corpus/loanword_list.py\n"
                    "# from the gold rows' notes, reviewed by hand (tests/data/translit/corpus-review.tsv).\n")
            if split == "dev":
                f.write("# Tuning list: tests/fit_translit.py fits the transliterator's weights on it.\n")
            else:
                f.write("# Held out: never tuned on; a word of both splits is here.\n")
            f.write("ko\ten\tsource\n")
            for ko, en in rs:
                f.write(f"{ko}\t{en}\ttests/corpus/gold.tsv\n")
        os.replace(path + ".tmp", path)
        print(f"{path}: {len(rs)} words", file=sys.stderr)
    return 0


def main(argv):
    if argv == ["candidates"]:
        return candidates()
    if len(argv) in (2, 3) and argv[0] == "lists":
        return lists(argv[1], argv[2] if len(argv) == 3 else DATA)
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
