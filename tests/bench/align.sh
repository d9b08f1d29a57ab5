#!/bin/sh
# align.sh DADEUM - `dadeum align` against hunalign on the LibreOffice help, run by
# `make bench` (issue 18; figures in docs/sentence-alignment.md).
#
#   data      Debian's libreoffice-help-ko and libreoffice-help-en-us, fetched with
#             `apt-get download` into build/ and unpacked under build/lohelp/ (once);
#             tests/align/lohelp.py makes the Writer help sample (one paragraph a line,
#             gold pairs from the paragraph ids; the dev set the model was tuned on),
#             the same with 5% of the Korean paragraphs left out, and 200 pages outside
#             Writer drawn with seed 18 (held out), also with 5% left out
#   peers     hunalign (../shared/peers/, LGPL) built under build/peers/, run with its
#             empty dictionary data/null.dic, by default and with -realign, on the same
#             files; skipped with a message when ../shared is absent
#   scaling   dadeum align on the Writer sample repeated 1, 4 and 16 times: wall time
#             and peak RSS (/usr/bin/time) should grow linearly
set -u
. tests/bench/lib.sh
DADEUM=$1
case $DADEUM in /*) ;; *) DADEUM=$(pwd)/$DADEUM ;; esac
SHARED=${SHARED:-../shared}
PYTHON=${PYTHON:-python3}
dir=build/lohelp
root=$dir/usr/share/libreoffice/help
score="$PYTHON tests/align/lohelp.py score"

if [ ! -d "$root/ko" ] || [ ! -d "$root/en-US" ]; then
	mkdir -p "$dir"
	if ! ls build/libreoffice-help-ko_*.deb build/libreoffice-help-en-us_*.deb >/dev/null 2>&1; then
		(cd build && apt-get download libreoffice-help-ko libreoffice-help-en-us) >"$dir.log" 2>&1 ||
		{ echo "align: cannot fetch the LibreOffice help (apt-get download; see $dir.log): skipped"; exit 0; }
	fi
	for d in build/libreoffice-help-ko_*.deb build/libreoffice-help-en-us_*.deb; do
		dpkg-deb -x "$d" "$dir" || exit 1
	done
fi
for s in writer writer-drop sample sample-drop; do
	[ -f "$dir/$s/gold.tsv" ] && continue
	case $s in
	writer) $PYTHON tests/align/lohelp.py make "$root" "$dir/$s" --module swriter ;;
	writer-drop) $PYTHON tests/align/lohelp.py make "$root" "$dir/$s" --module swriter --drop 0.05 ;;
	sample) $PYTHON tests/align/lohelp.py make "$root" "$dir/$s" --sample 200 --exclude swriter ;;
	sample-drop)
		$PYTHON tests/align/lohelp.py make "$root" "$dir/$s" --sample 200 --exclude swriter \
			--drop 0.05
		;;
	esac || exit 1
done

# run NAME OUT CMD...: runs CMD with its standard output to OUT, prints time and peak RSS
run() {
	name=$1
	out=$2
	shift 2
	if command -v /usr/bin/time >/dev/null; then
		/usr/bin/time -o "$dir/time" -f "%e %U %S %M" "$@" >"$out" 2>"$dir/err" ||
		{ echo "$name: failed"; cat "$dir/err"; return 1; }
		set -- $(tail -1 "$dir/time")
		# CPU time as well: on a shared machine the wall time says more about the neighbours
		printf '%-22s %8s s wall %8s s CPU %8s KB\n' "$name" "$1" \
			"$(echo "$2 $3" | awk '{ printf "%.2f", $1 + $2 }')" "$4"
	else
		"$@" >"$out" 2>"$dir/err" || { echo "$name: failed"; return 1; }
		printf '%-22s\n' "$name"
	fi
}

hunalign=
if [ -f "$SHARED/peers/hunalign-2fbcbc9.tar.gz" ]; then
	hdir=build/peers/hunalign-2fbcbc9
	if [ ! -x "$hdir/src/hunalign/hunalign" ]; then
		mkdir -p build/peers && tar xzf "$SHARED/peers/hunalign-2fbcbc9.tar.gz" -C build/peers &&
		make -C "$hdir/src/hunalign" >build/peers/hunalign.log 2>&1 ||
		echo "align: hunalign did not build (see build/peers/hunalign.log)"
	fi
	[ -x "$hdir/src/hunalign/hunalign" ] && hunalign=$hdir/src/hunalign/hunalign
else
	echo "align: $SHARED/peers not found: hunalign skipped"
fi

status=0
for s in writer writer-drop sample sample-drop; do
	echo "-- $s: $(wc -l <"$dir/$s/ko.txt") Korean, $(wc -l <"$dir/$s/en.txt") English paragraphs, $(wc -l <"$dir/$s/gold.tsv") gold pairs"
	run "dadeum align" "$dir/$s/dadeum.tsv" "$DADEUM" align --format tsv "$dir/$s/ko.txt" "$dir/$s/en.txt" &&
	$score "$dir/$s" "$dir/$s/dadeum.tsv" --sentences >"$dir/$s/dadeum.score" || status=1
	cat "$dir/$s/dadeum.score"
	f1() { awk -v k="$2" '$1 == k { for (i = 1; i < NF; i++) if ($i == "F1") print $(i + 1) }' "$1"; }
	pf=$(f1 "$dir/$s/dadeum.score" paragraph)
	sf=$(f1 "$dir/$s/dadeum.score" sentence)
	if [ -n "$hunalign" ]; then
		# hunalign writes translate.txt into its working directory: run it in the sample's
		top=$(pwd)
		run "hunalign" "$dir/$s/hunalign.ladder" env -C "$dir/$s" "$top/$hunalign" -utf \
			"$top/$hdir/data/null.dic" ko.txt en.txt &&
		$score "$dir/$s" "$dir/$s/hunalign.ladder" --ladder || status=1
		run "hunalign -realign" "$dir/$s/hunalign-realign.ladder" env -C "$dir/$s" \
			"$top/$hunalign" -utf -realign "$top/$hdir/data/null.dic" ko.txt en.txt &&
		$score "$dir/$s" "$dir/$s/hunalign-realign.ladder" --ladder >"$dir/$s/realign.score" ||
			status=1
		cat "$dir/$s/realign.score"
		hf=$(f1 "$dir/$s/realign.score" paragraph)
		bench_row "align $s, paragraph F1 over hunalign -realign" "F1 $pf" "hunalign -realign $hf" \
			"$(ratio "$pf" "$hf")" ">" 1
	fi
	case $s in
	writer | sample)
		bench_row "align $s, paragraph links (F1)" "F1 $pf" "-" "$pf" ">=" 0.97
		bench_row "align $s, sentence links (F1)" "F1 $sf" "-" "$sf" ">=" 0.95
		;;
	esac
done

echo "-- scaling: the Writer sample repeated"
for k in 1 4 16; do
	rm -f "$dir/x$k.ko" "$dir/x$k.en"
	i=0
	while [ $i -lt $k ]; do
		cat "$dir/writer/ko.txt" >>"$dir/x$k.ko"
		cat "$dir/writer/en.txt" >>"$dir/x$k.en"
		i=$((i + 1))
	done
	/usr/bin/time -f "%e %U %S %M" -o "$dir/x$k.time" "$DADEUM" align --format tsv -o "$dir/x$k.tsv" \
		"$dir/x$k.ko" "$dir/x$k.en" || status=1
	read -r w u sy kb <"$dir/x$k.time"
	printf '%-22s %8s s wall %8s s CPU %8s KB\n' "dadeum align ${k}x" "$w" \
		"$(echo "$u $sy" | awk '{ printf "%.2f", $1 + $2 }')" "$kb"
	eval "cpu$k=$(echo "$u $sy" | awk '{ printf "%.2f", $1 + $2 }')"
done
# linear: 16 times the input within 16 x 1.25 the CPU time of 4 times, less the fixed part
bench_row "align 16x over 4x the Writer help (CPU)" "$cpu16 s" "4x $cpu4 s" "$(ratio "$cpu16" "$cpu4")" "<=" 4.4
exit $status
