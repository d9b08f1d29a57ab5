#!/bin/sh
# Regenerates tests/data/golden/ from the bundled corpus with ./dadeum.
set -e
top=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$top/tests/data/golden"
cd "$top/docs/corpus"
"$top/dadeum" extract --format tsv *.txt >"$top/tests/data/golden/corpus.tsv"
"$top/dadeum" extract --format jsonl *.txt >"$top/tests/data/golden/corpus.jsonl"
echo "updated tests/data/golden/corpus.{tsv,jsonl}; review with git diff"
