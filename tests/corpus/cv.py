#!/usr/bin/env python3
"""cv.py - cross-validated strict F1 of the fitted extractor on the dev split.

usage: cv.py [--folds N] [--dadeum PROG] [--out FILE] [--span-only F1,F2,...]

`make eval` scores the dev split with weights fitted on that same split, which
flatters any change that adds features. This measures what a fit does on
documents it has not seen: the dev documents (those with their text here) are
split into N folds by a hash of their names (fit.cv_fold); for each fold the
span and pair models are fitted on the other folds and the seed releases
(fit.py --hold-out), the binary is rebuilt with those weights, and the fold is
extracted. The pooled predictions are scored like evaluate.py (strict F1 over
all dev documents, each scored by a model that never saw it). The test split is
never touched. --out writes the pooled predictions (doc, ko, gloss; sorted) to
FILE, to compare two versions of the code. --span-only refits only the named
features of the span model in each fold (fit.py --only), every other weight and
the pair model kept: what a partial refit does on documents it has not seen.
The weights in glossaries/model/ are restored and the binary
rebuilt at the end, whatever happens.
Exit status 0, 1 when a fit, a build or dadeum fails, 2 on usage errors.
"""
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import fit  # noqa: E402
from evaluate import load_set, norm, run_dadeum  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(HERE))
MODEL = os.path.join(ROOT, "glossaries", "model")


def sh(cmd):
    p = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    if p.returncode != 0:
        sys.stderr.write(p.stdout + p.stderr)
        raise SystemExit(1)
    return p.stdout


def main(argv):
    folds, prog, out, only = 4, "./dadeum", None, None
    i = 0
    while i < len(argv):
        if argv[i] == "--folds" and i + 1 < len(argv):
            if not argv[i + 1].isdigit() or int(argv[i + 1]) < 2:
                print(f"cv.py: --folds {argv[i + 1]}: not a whole number of 2 or more", file=sys.stderr)
                return 2
            folds = int(argv[i + 1]); i += 1
        elif argv[i] == "--dadeum" and i + 1 < len(argv):
            prog = argv[i + 1]; i += 1
        elif argv[i] == "--out" and i + 1 < len(argv):
            out = argv[i + 1]; i += 1
        elif argv[i] == "--span-only" and i + 1 < len(argv):
            only = argv[i + 1]; i += 1
        else:
            print(__doc__, file=sys.stderr)
            return 2
        i += 1
    if only is not None:
        known = fit.current_weights(os.path.join(MODEL, "span.tsv"))
        unknown = [n for n in only.split(",") if n not in known]
        if unknown or not only:
            print(f"cv.py: --span-only {only}: no feature {', '.join(unknown) or '(none named)'} "
                  "in span.tsv", file=sys.stderr)
            return 2
    _, gold_rows, paths, missing = load_set("dev")
    saved = tempfile.mkdtemp(prefix="dadeum-cv.")
    for name in ("span.tsv", "pair.tsv"):
        shutil.copy(os.path.join(MODEL, name), saved)
    pred = set()
    try:
        for k in range(folds):
            held = {d: p for d, p in paths.items() if fit.cv_fold(d, folds) == k}
            for name in ("span.tsv", "pair.tsv"):
                shutil.copy(os.path.join(saved, name), os.path.join(MODEL, name))
            for model in (("span",) if only else ("span", "pair")):
                sh([sys.executable, os.path.join(HERE, "fit.py"), model, "--dadeum", prog,
                    "--hold-out", f"{k}/{folds}"] + (["--only", only] if only else []))
                sh(["make", "--no-print-directory", "all"])
            rows, _ = run_dadeum(prog, held, False)
            pred |= {(os.path.basename(r["file"]), norm(r["ko"]), norm(r["gloss"])) for r in rows}
            print(f"  fold {k + 1}/{folds}: {len(held)} documents", flush=True)
    finally:
        for name in ("span.tsv", "pair.tsv"):
            shutil.copy(os.path.join(saved, name), os.path.join(MODEL, name))
        shutil.rmtree(saved)
        subprocess.run(["make", "--no-print-directory", "all"], cwd=ROOT, capture_output=True)
    gold = {(g["doc"], norm(g["ko"]), norm(g["gloss"])) for g in gold_rows}
    if out:
        with open(out, "w", encoding="utf-8") as f:
            for x in sorted(pred):
                f.write("\t".join(x) + ("\tgold" if x in gold else "\tspurious") + "\n")
    tp = gold & pred
    p = len(tp) / len(pred) if pred else 0.0
    r = len(tp) / len(gold) if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    print(f"== dev, {folds}-fold cross-validated: {len(gold)} gold pairs in {len(paths)} documents"
          + (f" ({missing} without their text here)" if missing else ""))
    print(f"  strict F1 {f:.3f} (P {p:.3f} R {r:.3f}); predicted {len(pred)}, exact {len(tp)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
