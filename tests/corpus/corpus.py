#!/usr/bin/env python3
"""corpus.py - build and check the development corpus (tests/corpus/README.md).

usage:
  corpus.py add ADDRESS --text committed|"not committed" --agency A --date YYYY-MM-DD
                --genre G --shard NAME < TEXT
      store one document: the text as stored (the search tool's excerpt) goes to
      docs/DOC.txt (committed) or cache/DOC.txt (not committed, git-ignored), with
      "# source: ADDRESS" on line 1, and a row in shards/NAME/sources.tsv.
      Prints the document name (DOC.txt, from the address's SHA-1).
  corpus.py check [--shard NAME]
      every source row has its text (or is a news page whose text is not here),
      line 1 names the address, committed texts come from public-sector hosts,
      every gold row's Korean side and gloss occur in its document (after NFC and
      white-space folding), kinds are known, no row is repeated.
  corpus.py merge [--shard NAME]
      fold shards/*/ (or only shards/NAME/, leaving the others to annotators still at
      work) into SOURCES.tsv and gold.tsv (split by document: test when the first
      byte of SHA-1("split:" + DOC) is below 0x5a, ~35 %), then remove the shards
      merged. A shard row whose address SOURCES.tsv already has only restores its text.
  corpus.py stats
      documents, pairs, agencies, years, genres, committed share, split sizes.

Exit status: 0, 1 when check finds a problem, 2 on usage errors.
"""
import csv
import hashlib
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
KINDS = {"loanword", "english", "abbrev", "native", "shortform"}
SOURCE_COLS = ["doc", "address", "text", "agency", "date", "genre", "split"]
GOLD_COLS = ["doc", "ko", "gloss", "kind", "note"]
# Hosts whose pages are works of the state or a public agency (free to reuse).
# Universities only where the state runs them (national universities, the Academy of
# Korean Studies); a private university's pages are its own works. Not kocca.kr: its
# news board reposts other bodies' releases and press coverage, whose text is not its own.
PUBLIC_HOST = re.compile(r"(\.go\.kr|\.korea\.kr|^korea\.kr|\.re\.kr|"
                         r"(^|\.)(snu|snuac|gnu|aks)\.ac\.kr|"
                         r"nia\.or\.kr|kisa\.or\.kr|kotra\.or\.kr|"
                         r"kdi\.re\.kr|iitp\.kr|kised\.or\.kr|kofic\.or\.kr)$")


def norm(s):
    s = unicodedata.normalize("NFC", s or "")
    return " ".join(s.split())


def doc_name(address):
    return hashlib.sha1(address.encode("utf-8")).hexdigest()[:12] + ".txt"


def american(en):
    """en with the American spelling of a British one added (labelling|labeling)."""
    out = en.split("|")
    for a in list(out):
        b = re.sub(r"ell(ing|ed)\b", r"el\1", re.sub(r"ogue\b", "og", a))
        if b not in out:
            out.append(b)
    return "|".join(out)


def split_of(doc):
    return "test" if hashlib.sha1(("split:" + doc).encode()).digest()[0] < 0x5A else "dev"


def host_of(address):
    """The host of an address; with a port it is returned as written (host:port), which
    PUBLIC_HOST does not accept: a public site on an odd port is not committed."""
    m = re.match(r"[a-z]+://([^/?#]+)", address)
    return (m.group(1).lower() if m else "")


def read_tsv(path, cols):
    if not os.path.exists(path):
        return []
    try:
        with open(path, encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    except UnicodeDecodeError as e:
        raise SystemExit(f"corpus.py: {path}: byte {e.start}: not UTF-8")
    if not rows or rows[0][: len(cols)] != cols[: len(rows[0][: len(cols)])]:
        raise SystemExit(f"corpus.py: {path}:1: header must be {' '.join(cols)}")
    out = []
    for n, r in enumerate(rows[1:], 2):
        if not r or (len(r) == 1 and not r[0].strip()):
            continue
        r = r + [""] * (len(cols) - len(r))
        d = dict(zip(cols, r))
        d["_where"] = f"{path}:{n}"
        out.append(d)
    return out


def write_tsv(path, cols, rows):
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="") as f:
        f.write("\t".join(cols) + "\n")
        for r in rows:
            f.write("\t".join(r.get(c, "") for c in cols) + "\n")
    os.replace(tmp, path)


def text_path(doc, text):
    return os.path.join(HERE, "docs" if text == "committed" else "cache", doc)


def shard_dirs(only=None):
    base = os.path.join(HERE, "shards")
    if not os.path.isdir(base):
        return []
    names = sorted(os.listdir(base)) if only is None else [only]
    return [os.path.join(base, n) for n in names if os.path.isdir(os.path.join(base, n))]


def _all_rows(only, merged, shard_file, cols):
    rows = []
    if only is None:
        rows += read_tsv(os.path.join(HERE, merged), cols)
    for d in shard_dirs(only):
        rows += read_tsv(os.path.join(d, shard_file), cols)
    return rows


def all_sources(only=None):
    """SOURCES.tsv and every shard's sources.tsv (only one shard's with only)."""
    return _all_rows(only, "SOURCES.tsv", "sources.tsv", SOURCE_COLS)


def all_gold(only=None):
    """gold.tsv and every shard's gold.tsv (only one shard's with only)."""
    return _all_rows(only, "gold.tsv", "gold.tsv", GOLD_COLS)


def cmd_add(args):
    opts = {"--text": None, "--agency": "", "--date": "", "--genre": "", "--shard": None}
    address = None
    i = 0
    while i < len(args):
        if args[i] in opts and i + 1 < len(args):
            opts[args[i]] = args[i + 1]
            i += 2
        elif address is None and not args[i].startswith("--"):
            address = args[i]
            i += 1
        else:
            raise SystemExit(2)
    if not address or opts["--text"] not in ("committed", "not committed") or not opts["--shard"]:
        print(__doc__, file=sys.stderr)
        raise SystemExit(2)
    if opts["--text"] == "committed" and not PUBLIC_HOST.search(host_of(address)):
        raise SystemExit(f"corpus.py: {address}: not a public-sector host; use --text 'not committed'")
    text = sys.stdin.read()
    if not text.strip():
        raise SystemExit("corpus.py: no text on standard input")
    doc = doc_name(address)
    for r in all_sources():
        if r["address"] == address and os.path.exists(text_path(r["doc"], r["text"])):
            raise SystemExit(f"corpus.py: {address} is already in the corpus ({r['_where']})")
    path = text_path(doc, opts["--text"])
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(f"# source: {address}\n")
        f.write(text if text.endswith("\n") else text + "\n")
    sdir = os.path.join(HERE, "shards", opts["--shard"])
    os.makedirs(sdir, exist_ok=True)
    spath = os.path.join(sdir, "sources.tsv")
    rows = read_tsv(spath, SOURCE_COLS)
    rows.append({"doc": doc, "address": address, "text": opts["--text"], "agency": opts["--agency"],
                 "date": opts["--date"], "genre": opts["--genre"], "split": split_of(doc)})
    write_tsv(spath, SOURCE_COLS, rows)
    gpath = os.path.join(sdir, "gold.tsv")
    if not os.path.exists(gpath):
        write_tsv(gpath, GOLD_COLS, [])
    print(doc)


def cmd_check(args):
    only = args[1] if len(args) == 2 and args[0] == "--shard" else None
    problems = 0

    def bad(where, msg):
        nonlocal problems
        problems += 1
        print(f"{where}: {msg}")

    sources = all_sources(only)
    by_doc = {}
    texts = {}
    for r in sources:
        if r["doc"] in by_doc and by_doc[r["doc"]]["address"] != r["address"]:
            bad(r["_where"], f"document {r['doc']} listed twice")
        by_doc[r["doc"]] = r
        if r["text"] not in ("committed", "not committed"):
            bad(r["_where"], "text must be 'committed' or 'not committed'")
            continue
        if r["doc"] != doc_name(r["address"]):
            bad(r["_where"], f"doc should be {doc_name(r['address'])}")
        if r["text"] == "committed" and not PUBLIC_HOST.search(host_of(r["address"])):
            bad(r["_where"], f"{host_of(r['address'])} is not a public-sector host; do not commit its text")
        path = text_path(r["doc"], r["text"])
        if not os.path.exists(path):
            if r["text"] == "committed":
                bad(r["_where"], f"missing {os.path.relpath(path, HERE)}")
            continue
        with open(path, encoding="utf-8") as f:
            raw = f.read()
        first = raw.split("\n", 1)[0]
        if first != f"# source: {r['address']}":
            bad(path + ":1", "line 1 must be '# source: " + r["address"] + "'")
        texts[r["doc"]] = norm(raw.split("\n", 1)[1] if "\n" in raw else "")
    seen = set()
    for g in all_gold(only):
        key = (g["doc"], norm(g["ko"]), norm(g["gloss"]))
        if g["doc"] not in by_doc:
            bad(g["_where"], f"document {g['doc']} is not in any sources.tsv")
            continue
        if key in seen:
            bad(g["_where"], "row repeated")
        seen.add(key)
        if g["kind"] not in KINDS:
            bad(g["_where"], f"kind '{g['kind']}' is not one of {' '.join(sorted(KINDS))}")
        if not key[1] or not key[2]:
            bad(g["_where"], "empty ko or gloss")
        t = texts.get(g["doc"])
        if t is None:
            continue
        for side in ("ko", "gloss"):
            if norm(g[side]) not in t:
                bad(g["_where"], f"{side} '{g[side]}' does not occur in {g['doc']}")
    print(f"check: {len(by_doc)} documents, {len(seen)} gold rows, {problems} problems")
    return 1 if problems else 0


def cmd_merge(args):
    only = args[1] if len(args) == 2 and args[0] == "--shard" else None
    if args and only is None:
        print(__doc__, file=sys.stderr)
        raise SystemExit(2)
    if only is not None and not shard_dirs(only):
        raise SystemExit(f"corpus.py: no shard '{only}' in {os.path.join(HERE, 'shards')}")
    if cmd_check(["--shard", only] if only else []) != 0:
        raise SystemExit("corpus.py: fix the problems before merging")
    # the merged files and the shards being merged: every shard, or the one named
    # (annotators still at work on the others keep theirs)
    src_rows, gold_rows = all_sources(), all_gold()
    if only is not None:
        src_rows = read_tsv(os.path.join(HERE, "SOURCES.tsv"), SOURCE_COLS) + all_sources(only)
        gold_rows = read_tsv(os.path.join(HERE, "gold.tsv"), GOLD_COLS) + all_gold(only)
    sources = {}
    for r in src_rows:
        r["split"] = split_of(r["doc"])
        sources.setdefault(r["doc"], r)
    gold_seen = set()
    order = sorted(sources.values(), key=lambda r: r["doc"])
    gold = []
    for g in sorted(gold_rows, key=lambda g: (g["doc"], g["_where"])):
        key = (g["doc"], norm(g["ko"]), norm(g["gloss"]))
        if key not in gold_seen:
            gold_seen.add(key)
            gold.append(g)
    write_tsv(os.path.join(HERE, "SOURCES.tsv"), SOURCE_COLS, order)
    write_tsv(os.path.join(HERE, "gold.tsv"), GOLD_COLS, gold)
    for d in shard_dirs(only):
        for f in os.listdir(d):
            os.remove(os.path.join(d, f))
        os.rmdir(d)
    return cmd_stats([])


def cmd_stats(_args):
    src = all_sources()
    gold = all_gold()
    docs = {r["doc"]: r for r in src}
    n_by = lambda key: len({r[key] for r in src if r[key]})
    years = sorted({r["date"][:4] for r in src if r["date"]})
    split = {"dev": [0, 0], "test": [0, 0]}
    for r in src:
        split[split_of(r["doc"])][0] += 1
    for g in gold:
        if g["doc"] in docs:
            split[split_of(g["doc"])][1] += 1
    kinds = {}
    for g in gold:
        kinds[g["kind"]] = kinds.get(g["kind"], 0) + 1
    committed = sum(1 for r in src if r["text"] == "committed")
    cpairs = sum(1 for g in gold if docs.get(g["doc"], {}).get("text") == "committed")
    print(f"documents {len(src)} (committed {committed}), gold pairs {len(gold)} (committed {cpairs})")
    print(f"agencies {n_by('agency')}, genres {n_by('genre')}, years {years[0] if years else '-'}"
          f"..{years[-1] if years else '-'} ({len(years)} distinct)")
    print("kinds " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    for s, (d, p) in split.items():
        print(f"{s}: {d} documents, {p} pairs")
    return 0


def main(argv):
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__)
        return 0 if argv else 2
    cmds = {"add": cmd_add, "check": cmd_check, "merge": cmd_merge, "stats": cmd_stats}
    if argv[0] not in cmds:
        print(__doc__, file=sys.stderr)
        return 2
    return cmds[argv[0]](argv[1:]) or 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
