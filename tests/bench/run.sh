#!/bin/sh
# run.sh DADEUM - the benchmarks behind `make bench`. Each tests/bench/*.sh
# other than this one and lib.sh is run with the binary and prints its own
# detail; every target also becomes one row of the table printed at the end
# (tests/bench/lib.sh). The status is 1 when a benchmark failed or a target
# was missed.
cd "$(dirname "$0")/../.." || exit 1
. tests/bench/lib.sh
mkdir -p build/bench
: >"$BENCH_TABLE"
status=0
for b in tests/bench/*.sh; do
	case $(basename "$b") in run.sh | lib.sh) continue ;; esac
	[ -n "${BENCH_ONLY:-}" ] && [ "$(basename "$b" .sh)" != "$BENCH_ONLY" ] && continue
	echo "== $(basename "$b" .sh)"
	sh "$b" "$@" || status=1
done
echo
echo "== make bench: $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(uname -m), $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)"
awk -F '\t' 'BEGIN { printf "%-40s %-16s %-30s %7s %-8s %s\n", "task", "dadeum", "floor or peer", "ratio", "target", "verdict" }
	{ printf "%-40s %-16s %-30s %7s %-8s %s\n", $1, $2, $3, $4, $5, $6
	  if ($6 != "info") { n++; if ($6 != "met") bad++ } }
	END { printf "%d targets, %d met\n", n, n - bad }' "$BENCH_TABLE"
grep -q "	MISSED$\|	no figure$" "$BENCH_TABLE" && status=1
exit $status
