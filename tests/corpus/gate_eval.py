#!/usr/bin/env python3
"""gate_eval.py - how right is the English side of what `dadeum export` writes?

usage: gate_eval.py [--dadeum PROG] [--pairs] [--errors] SET...

SET is dev, test or committed (see evaluate.py); only documents whose text is
here count. For each set the documents (copies without their '# source:' line,
as a user's files) are ingested into a fresh termbase, and the TMX of
`export` (the default gate) and of `export --all` is read back. A unit is
judged when the gold rows of the set give its Korean side an English: the
English meaning of a gold note (its first field), or the gloss of a gold
`english` or `abbrev` row. It is right when the unit's English side equals
one of them after folding case, hyphens, '&' and words in brackets. Prints,
per export, units, judged units and the share of right English.

--pairs also prints, per evidence of `extract` (gloss, corpus, lexicon,
translit, ...) and per confidence band, how many English forms of judged
pairs are right: what tests/data/translit/calibrate.sh's threshold is
checked against. --errors lists the wrong units (dev only: the test split is
scored, never read for errors).
Exit status 0, 1 when dadeum failed, 2 on usage errors.
"""
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import corpus  # noqa: E402
from evaluate import copies_without_source, english_of, fold_en, load_set, norm  # noqa: E402

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def gold_english(gold_rows):
    """{folded Korean key: set of folded right English sides}."""
    want = defaultdict(set)
    for g in gold_rows:
        ko = norm(g["ko"]).replace(" ", "")
        en = english_of(g.get("note", ""))
        if en:
            want[ko].add(fold_en(en))
        if g["kind"] in ("english", "abbrev") and not re.search(r"[\uac00-\ud7a3]", g["gloss"]):
            want[ko].add(fold_en(g["gloss"]))
    return want


def run(cmd, **kw):
    p = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if p.returncode != 0:
        sys.stderr.write(p.stderr)
        raise SystemExit(1)
    return p


def tmx_units(path):
    """(Korean, English) of every <tu>."""
    units = []
    for tu in ET.parse(path).getroot().iter("tu"):
        segs = {}
        for tuv in tu.iter("tuv"):
            seg = tuv.find("seg")
            segs[tuv.get(XML_LANG, "")] = "".join(seg.itertext()) if seg is not None else ""
        units.append((segs.get("ko-KR", ""), segs.get("en-US", "")))
    return units


def judge(label, units, want, show):
    judged = right = 0
    errors = []
    for ko, en in units:
        key = norm(ko).replace(" ", "")
        if key not in want:
            continue
        judged += 1
        if fold_en(en) in want[key]:
            right += 1
        else:
            errors.append((ko, en, "; ".join(sorted(want[key]))))
    share = right / judged if judged else 0.0
    print(f"  {label:10s} units {len(units):4d}, judged {judged:4d}, right {right:4d} ({share:.3f})")
    if show:
        for e in errors:
            print("    ! %s\t%s\tgold %s" % e)
    return judged, right


def pairs(files, want):
    """Right English by the extractor's evidence and confidence band."""
    p = run(["./dadeum" if not PROG else PROG, "extract", "--format", "tsv"] + files)
    lines = p.stdout.splitlines()
    head = lines[0].split("\t")
    stats = defaultdict(lambda: [0, 0])
    for line in lines[1:]:
        r = dict(zip(head, line.split("\t")))
        key = norm(r["ko"]).replace(" ", "")
        if not r.get("en") or key not in want:
            continue
        conf = float(r.get("confidence") or 0)
        band = "%.1f" % (min(int(conf * 10), 9) / 10)
        s = stats[(r.get("evidence") or "-", band)]
        s[0] += 1
        s[1] += fold_en(r["en"]) in want[key]
    for (ev, band), (n, ok) in sorted(stats.items()):
        print(f"  pairs {ev:22s} conf>={band} judged {n:4d}, right {ok:4d} ({ok / n:.3f})")


PROG = None



def main(argv):
    global PROG
    prog, show, want_pairs, sets = "./dadeum", False, False, []
    i = 0
    while i < len(argv):
        a = argv[i]
        if a == "--dadeum" and i + 1 < len(argv):
            prog = argv[i + 1]
            i += 1
        elif a == "--errors":
            show = True
        elif a == "--pairs":
            want_pairs = True
        elif a in ("-h", "--help"):
            print(__doc__)
            return 0
        else:
            sets.append(a)
        i += 1
    if not sets:
        print(__doc__, file=sys.stderr)
        return 2
    if show and any(s != "dev" for s in sets):
        print("gate_eval.py: --errors is for dev only", file=sys.stderr)
        return 2
    PROG = os.path.abspath(prog)
    for s in sets:
        label, gold, paths, missing = load_set(s)
        want = gold_english(gold)
        print(f"{label}: {len(paths)} documents ({missing} not here)")
        with tempfile.TemporaryDirectory() as tmp:
            files = copies_without_source(paths, tmp)
            db = os.path.join(tmp, "t.db")
            run([PROG, "ingest", "-q", "--db", db] + files)
            for name, extra in (("default", []), ("--all", ["--all"])):
                out = os.path.join(tmp, "out.tmx")
                run([PROG, "export", "--db", db, "-o", out] + extra)
                judge(name, tmx_units(out), want, show)
            if want_pairs:
                pairs(files, want)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
