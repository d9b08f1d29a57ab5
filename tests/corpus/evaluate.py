#!/usr/bin/env python3
"""evaluate.py - score `dadeum extract` on a split of the corpus (used by `make eval`).

usage: evaluate.py [--dadeum PROG] [--errors] [--cross] SET...

SET is one of
  dev | test | all       the corpus documents of tests/corpus/ in that split
  committed              the committed documents (both splits): what a fresh checkout can rerun
  seeds:GOLD:DIR         a gold file and the folder of its documents (../shared/eval)

For each set, prints strict F1 with precision and recall (exact document, Korean
span and gloss, after NFC and white-space folding, as ../shared/eval/score.py),
recall by kind, boundary accuracy (the exact Korean span among gold pairs whose
gloss was found at all), loanword->English top-1 (the `en` column against the
English forms of the gold note: its first field, that field without its asides
in parentheses, each aside and each part between commas or slashes, in British
and American spelling (corpus.py); and, for a loanword of
tests/data/translit/corpus-review.tsv kept or fixed there, the English it
transliterates; for gold loanword pairs found exactly), and
the reasons behind the missed gold pairs: the --explain reason of a skipped
bracket holding the gloss, "wrong boundary" when the gloss was paired with
other Korean words, or "no candidate" when nothing held it. Documents whose text
is not here (news pages: see README.md) are counted and skipped. The documents
of unmerged shards (tests/corpus/shards/) count too, and a line on standard
error says so: a figure taken while annotators write is not comparable with one
taken before or after.

--errors lists every missed and spurious pair. Only use it on dev or seeds:
the test split is scored, never read for errors.
Exit status 0, 1 when dadeum failed, 2 on usage errors.
"""
import csv
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import corpus  # noqa: E402
import loanword_list  # noqa: E402


def norm(s):
    s = unicodedata.normalize("NFC", s or "")
    return " ".join(s.split())


def fold_en(s):
    s = norm(s).lower()
    s = re.sub(r"\([^)]*\)", " ", s)
    s = s.replace("&", " and ").replace("-", " ").replace("·", " ")
    return " ".join(s.split())


def english_of(note):
    """The English meaning: the note's first field, unless it is a remark or holds Hangul."""
    first = (note or "").split(";")[0].strip()
    if not first or re.search(r"[\uac00-\ud7a3\u3130-\u318f'‘’]", first):
        return None
    if first.lower().startswith(("paren", "written", "reversed", "person", "doubtful", "mixed",
                                 "preceded", "ambiguous", "quotes", "occurs", "typo")):
        return None
    return first


def english_forms(note):
    """The English forms the note's first field gives (english_of), folded: the field,
    the field without its asides in parentheses, each aside, each comma-separated part."""
    first = english_of(note)
    if not first:
        return set()
    parts = [first, re.sub(r"\([^)]*\)", " ", first)] + re.findall(r"\(([^)]*)\)", first)
    parts += [c for p in parts[1:2] for c in re.split(r"[,/]", p)]
    return {fold_en(y) for x in parts for y in corpus.american(x).split("|") if fold_en(y)}


REVIEW = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "translit",
                      "corpus-review.tsv")


def reviewed_english():
    """{Hangul loanword: folded English it transliterates} from the review of the corpus's
    loanwords (loanword_list.read_review), rows kept or fixed."""
    if not os.path.exists(REVIEW):  # a copy of the scripts alone (tests/t0160-corpus.sh)
        return {}
    try:
        rows = loanword_list.read_review(REVIEW)
    except ValueError as e:
        raise SystemExit(f"evaluate.py: {e}")
    return {ko: {fold_en(a) for a in corpus.american(en).split("|")}
            for ko, en, _, verdict in rows if verdict != "drop"}


def read_rows(path):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    head = [h.strip().lower() for h in rows[0]] if rows else []
    return [dict(zip(head, r)) for r in rows[1:]]


def load_set(name):
    """Returns (label, gold rows, {doc: text path}, missing document count)."""
    if name.startswith("seeds:"):
        _, gold, folder = name.split(":", 2)
        rows = read_rows(gold)
        docs = {r["doc"]: os.path.join(folder, r["doc"]) for r in rows}
        return "seeds", rows, {d: p for d, p in docs.items() if os.path.exists(p)}, 0
    sources = corpus.all_sources()
    shards = corpus.shard_dirs()
    if shards:
        # what annotators are still writing moves under a figure taken now
        print(f"evaluate.py: the {name} set includes {len(shards)} unmerged shard(s) of "
              f"tests/corpus/shards/ ({', '.join(os.path.basename(d) for d in shards)}): "
              "two figures are comparable only when taken on the same shards", file=sys.stderr)
    want = {}
    for s in sources:
        split = corpus.split_of(s["doc"])
        if name == "all" or name == split or (name == "committed" and s["text"] == "committed"):
            want[s["doc"]] = corpus.text_path(s["doc"], s["text"])
    if name not in ("dev", "test", "all", "committed"):
        raise SystemExit(f"evaluate.py: unknown set '{name}'")
    # a document with no gold row is not annotated yet: never run dadeum on it
    annotated = {g["doc"] for g in corpus.all_gold()}
    want = {d: p for d, p in want.items() if d in annotated}
    have = {d: p for d, p in want.items() if os.path.exists(p)}
    gold = [g for g in corpus.all_gold() if g["doc"] in have]
    return name, gold, have, len(want) - len(have)


def copies_without_source(paths, tmp):
    """Copies each document {doc: path} into tmp under its name, without the
    '# source:' line (a user's file has none); returns the copies' paths."""
    files = []
    for doc, path in sorted(paths.items()):
        with open(path, encoding="utf-8") as f:
            text = f.read()
        if text.startswith("# source: "):
            text = text.split("\n", 1)[1] if "\n" in text else ""
        out = os.path.join(tmp, doc)
        with open(out, "w", encoding="utf-8") as f:
            f.write(text)
        files.append(out)
    return files


def run_dadeum(prog, paths, cross):
    """Runs extract on copies without the '# source:' line; returns (pred rows, explain lines)."""
    with tempfile.TemporaryDirectory() as tmp:
        files = copies_without_source(paths, tmp)
        if not files:
            return [], []
        cmd = [prog, "extract", "--explain", "--format", "tsv"] + (["--cross"] if cross else []) + files
        p = subprocess.run(cmd, capture_output=True, text=True)
        if p.returncode != 0:
            sys.stderr.write(p.stderr)
            raise SystemExit(1)
        rows = list(csv.reader(p.stdout.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE))
        head = rows[0] if rows else []
        pred = [dict(zip(head, r)) for r in rows[1:]]
        return pred, p.stderr.splitlines()


EXPLAIN = re.compile(r"^(.*?):(\d+): skipped '(.*)': (.*)$")


def score(label, gold_rows, paths, missing, prog, show, cross):
    pred_rows, explain = run_dadeum(prog, paths, cross)
    gold = {}
    for g in gold_rows:
        gold.setdefault((g["doc"], norm(g["ko"]), norm(g["gloss"])), g)
    pred = {}
    for r in pred_rows:
        key = (os.path.basename(r["file"]), norm(r["ko"]), norm(r["gloss"]))
        pred.setdefault(key, r)
    tp = set(gold) & set(pred)
    p = len(tp) / len(pred) if pred else 0.0
    r = len(tp) / len(gold) if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0

    pred_by_gloss = defaultdict(set)
    for d, k, g in pred:
        pred_by_gloss[(d, g)].add(k)
    found = [x for x in gold if (x[0], x[2]) in pred_by_gloss]
    boundary = sum(1 for x in found if x in tp) / len(found) if found else 0.0

    by_kind = defaultdict(lambda: [0, 0])
    for x, g in gold.items():
        by_kind[g["kind"]][1] += 1
        by_kind[g["kind"]][0] += x in tp

    en_n = en_ok = 0
    en_miss = []
    review = reviewed_english()
    for x in tp:
        g = gold[x]
        want = english_of(g.get("note", ""))
        if g["kind"] != "loanword" or not want:
            continue
        en_n += 1
        got = pred[x].get("en", "")
        if got and fold_en(got) in english_forms(g["note"]) | review.get(norm(g["gloss"]), set()):
            en_ok += 1
        else:
            en_miss.append((x, got, want))

    skipped = defaultdict(list)
    for line in explain:
        m = EXPLAIN.match(line)
        if m:
            skipped[os.path.basename(m.group(1))].append((norm(m.group(3)), m.group(4)))
    reasons = Counter()
    reason_of = {}
    for x in set(gold) - tp:
        if (x[0], x[2]) in pred_by_gloss:
            reasons["wrong boundary"] += 1
            reason_of[x] = "wrong boundary"
            continue
        why = next((w for text, w in skipped.get(x[0], []) if x[2] in text), None)
        if why and why.startswith("score "):
            rule = re.search(r"; rule: ([^;]*)", why)
            why = "model rejected (" + (rule.group(1) if rule else "?") + ")"
        reasons[why or "no candidate"] += 1
        reason_of[x] = why or "no candidate"

    docs = len({x[0] for x in gold})
    print(f"== {label}: {len(gold)} gold pairs in {docs} documents"
          + (f" ({missing} documents without their text here: see tests/corpus/README.md)" if missing else ""))
    print(f"  strict F1 {f:.3f} (P {p:.3f} R {r:.3f}); predicted {len(pred)}, exact {len(tp)}")
    print("  recall by kind: " + ", ".join(
        f"{k} {ok}/{n} {ok / n:.2f}" for k, (ok, n) in sorted(by_kind.items())))
    print(f"  boundary accuracy {boundary:.3f} ({sum(1 for x in found if x in tp)}/{len(found)} glosses found)")
    if en_n:
        print(f"  loanword->English top-1 {en_ok / en_n:.3f} ({en_ok}/{en_n})")
    print("  missed, by reason: " + (", ".join(f"{w} {n}" for w, n in sorted(reasons.items(), key=lambda r: (-r[1], r[0]))) or "none"))
    if show:
        for x in sorted(set(gold) - tp):
            near = sorted(pred_by_gloss.get((x[0], x[2]), []))
            print("  -", "\t".join(x), ("  [predicted ko: " + " | ".join(near) + "]") if near
                  else f"  [{reason_of[x]}]")
        for x in sorted(set(pred) - tp):
            print("  +", "\t".join(x))
        for x, got, want in en_miss:
            print(f"  ! {x[1]}\t{x[2]}\tgot '{got}', gold '{want}'")
    return f


def main(argv):
    prog = "./dadeum"
    show = cross = False
    sets = []
    i = 0
    while i < len(argv):
        a = argv[i]
        if a == "--dadeum" and i + 1 < len(argv):
            prog = argv[i + 1]
            i += 1
        elif a == "--errors":
            show = True
        elif a == "--cross":
            cross = True
        elif a in ("-h", "--help"):
            print(__doc__)
            return 0
        else:
            sets.append(a)
        i += 1
    if not sets:
        print(__doc__, file=sys.stderr)
        return 2
    if show and any(s in ("test", "all", "committed") for s in sets):
        print("evaluate.py: --errors is for dev and seeds only; the test split is never read for errors",
              file=sys.stderr)
        return 2
    for s in sets:
        label, gold, paths, missing = load_set(s)
        score(label, gold, paths, missing, prog, show, cross)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
