#!/bin/sh
# styleguide-screenshot.sh - look at the HTML style guide in a real browser.
#
#   sh tests/styleguide-screenshot.sh [<out-dir>]
#
# Not part of `make test` (it needs Chromium and a Korean font: as root,
# `apt-get install -y chromium fonts-nanum`). Builds a termbase from
# tests/data/check/terms.jsonl, writes the style guide as HTML with the test
# driver (build/tests/test_styleguide write html ...), and renders it with
# headless Chromium, offline and without a profile, into
# <out-dir>/styleguide.png (screen, 1200x1600) and <out-dir>/styleguide.pdf
# (print layout). Open the PNG and check that the Korean text is readable,
# the index of initials sits at the top and each entry is one block.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$top/build/screenshot}
mkdir -p "$out"
out=$(cd "$out" && pwd)
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ]; then
	echo "styleguide-screenshot: no chromium; as root: apt-get install -y chromium fonts-nanum" >&2
	exit 1
fi
make -C "$top" --no-print-directory all build/tests/test_styleguide >/dev/null
work=$(mktemp -d "${TMPDIR:-/tmp}/dadeum-shot.XXXXXX")
trap 'rm -rf "$work"' EXIT
db=$work/terms.db
"$top/dadeum" ingest --db "$db" --quiet --from-jsonl "$top/tests/data/check/terms.jsonl"
"$top/dadeum" lookup --db "$db" --exact --format tsv "인터넷 기반 자원 공유" >"$work/l.tsv"
"$top/dadeum" set --db "$db" "$(sed -n 2p "$work/l.tsv" | cut -f1)" --status approved >/dev/null
"$top/build/tests/test_styleguide" write html "$db" >"$out/styleguide.html"
flags="--headless --no-sandbox --disable-gpu --disable-background-networking
       --disable-component-update --disable-sync --no-first-run --hide-scrollbars"
# shellcheck disable=SC2086
"$browser" $flags --user-data-dir="$work/profile" --window-size=1200,1600 \
	--screenshot="$out/styleguide.png" "file://$out/styleguide.html" 2>"$work/log" ||
	{ cat "$work/log" >&2; exit 1; }
# shellcheck disable=SC2086
"$browser" $flags --user-data-dir="$work/profile" --no-pdf-header-footer \
	--print-to-pdf="$out/styleguide.pdf" "file://$out/styleguide.html" 2>>"$work/log" ||
	{ cat "$work/log" >&2; exit 1; }
echo "wrote $out/styleguide.html, $out/styleguide.png and $out/styleguide.pdf"
