#!/bin/sh
# memory.sh DADEUM - peak memory on large and hostile inputs, run by `make bench`
# (issue 16, point 9; figures in docs/benchmarks.md, limits in docs/dadeum.1).
#
#   extract, one document of 200 MB (BENCH_MEMORY_MB): the bundled press
#             releases (docs/corpus) and the corpus of tests/corpus, one after
#             another with a clause number added to every seventh line, in one
#             file; target: peak RSS <= 64 MB
#   extract /dev/zero, and check on one 100 MB line: refused after 1 MiB
#   convert   hostile TMX: a 200 MB attribute, a million attributes, 300
#             segments of 1 MB in one unit; target: peak RSS <= 20 MB each
# Inputs are made once under build/bench/ (about 1.1 GB).
set -u
. tests/bench/lib.sh
DADEUM=$1
case $DADEUM in /*) ;; *) DADEUM=$(pwd)/$DADEUM ;; esac
dir=build/bench
mkdir -p "$dir"
MB=${BENCH_MEMORY_MB:-200}
command -v /usr/bin/time >/dev/null || { echo "memory: /usr/bin/time (GNU time) not found"; exit 1; }
status=0

# measure NAME LIMIT_MB CMD...: prints wall time, peak RSS and exit status
measure() {
	name=$1
	limit=$2
	shift 2
	/usr/bin/time -o "$dir/mem.time" -f "%e %M" "$@" >/dev/null 2>"$dir/mem.err"
	st=$?
	set -- $(tail -1 "$dir/mem.time")
	verdict=met
	[ "$(($2 / 1024))" -le "$limit" ] || { verdict=MISSED; status=1; }
	bench_row "$name (peak RSS MB)" "$(($2 / 1024)) MB" "-" "$(($2 / 1024))" "<=" "$limit"
	printf '%-44s %6.2f s %7.1f MB  exit %s  (<= %s MB: %s)  %s\n' "$name" "$1" \
		"$(echo "$2" | awk '{ print $1 / 1024 }')" "$st" "$limit" "$verdict" "$(head -c 90 "$dir/mem.err")"
}

doc=$dir/memory-$MB.txt
if [ ! -f "$doc" ]; then
	cat docs/corpus/*.txt tests/corpus/docs/*.txt >"$doc.src" &&
	awk -v want="$((MB * 1000000))" '
		{ line[n++] = $0 }
		END {
			for (i = 0; size < want; i++) {
				l = line[i % n]
				if (i % 7 == 6 && l != "") l = l " 제" (i % 1000) "항"
				print l
				size += length(l) + 1
			}
		}' "$doc.src" >"$doc.tmp" && mv "$doc.tmp" "$doc" && rm -f "$doc.src"
fi

hdr='<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="x" creationtoolversion="1" segtype="phrase" o-tmf="x" adminlang="en" srclang="ko-KR" datatype="plaintext"/><body>'
tu='<tu><tuv xml:lang="ko-KR"><seg>공공 데이터</seg></tuv><tuv xml:lang="en-US"><seg>public data</seg></tuv></tu>'
if [ ! -f "$dir/attr200.tmx" ]; then
	{ printf '%s\n<tu tuid="' "$hdr" && head -c 200000000 /dev/zero | tr '\000' A &&
	  printf '">%s\n</body></tmx>\n' "${tu#<tu>}"; } >"$dir/attr200.tmx"
	awk -v hdr="$hdr" -v tu="${tu#<tu>}" 'BEGIN { printf "%s\n<tu", hdr
		for (i = 0; i < 1000000; i++) printf " a%d=\"x\"", i
		printf ">%s\n</body></tmx>\n", tu }' >"$dir/attrs1e6.tmx"
	seg=$(head -c 333333 /dev/zero | tr '\000' x | sed 's/x/가/g')
	{ printf '%s\n<tu>' "$hdr"
	  i=0; while [ $i -lt 300 ]; do printf '<tuv xml:lang="ko-KR"><seg>%s</seg></tuv>\n' "$seg"; i=$((i + 1)); done
	  printf '<tuv xml:lang="en-US"><seg>x</seg></tuv></tu>\n%s\n</body></tmx>\n' "$tu"; } >"$dir/segs300.tmx"
fi
if [ ! -f "$dir/line100.txt" ]; then
	awk 'BEGIN { for (i = 0; i < 6000000; i++) printf "클라우드를 쓴다 "; printf "\n" }' >"$dir/line100.txt"
	printf 'ko\ten\n인터넷 기반 자원 공유\t클라우드\n' >"$dir/glossary.tsv"
fi

measure "extract one $MB MB document" 64 "$DADEUM" extract -o "$dir/memory.tsv" "$doc"
echo "    $(($(wc -l <"$dir/memory.tsv") - 1)) rows"
measure "extract /dev/zero (refused after 1 MiB)" 64 timeout 60 "$DADEUM" extract /dev/zero
measure "check, one 100 MB line (refused)" 64 "$DADEUM" check --glossary "$dir/glossary.tsv" "$dir/line100.txt"
measure "convert TMX, a 200 MB attribute" 20 "$DADEUM" convert "$dir/attr200.tmx" "$dir/mem-out.tsv"
measure "convert TMX, a million attributes" 20 "$DADEUM" convert "$dir/attrs1e6.tmx" "$dir/mem-out.tsv"
measure "convert TMX, 300 x 1 MB segments in a unit" 20 "$DADEUM" convert "$dir/segs300.tmx" "$dir/mem-out.tsv"
exit $status
