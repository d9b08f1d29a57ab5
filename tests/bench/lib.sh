# lib.sh - what the benchmarks share (sourced by tests/bench/*.sh).
#
# Every target of `make bench` is one row of one table: the task, what dadeum
# measured, the floor of the same work or the peer a user would pick with its
# figure, the ratio, the target and whether it was met. Each script appends
# its rows with bench_row; run.sh empties the table first and prints it last.

BENCH_TABLE=${BENCH_TABLE:-build/bench/table.tsv}

# bench_row TASK DADEUM FLOOR RATIO OP TARGET
#   TASK    what was timed ("export 1M concepts, TMX")
#   DADEUM  dadeum's figure with its unit ("12.3 s")
#   FLOOR   the floor or peer and its figure ("sqlite3 dump 6.1 s"), or "-"
#   RATIO   a number: the ratio the target is about, as the issue states it
#   OP      <=, >=, < or >; "-" for a figure shown beside its peer without a target
#   TARGET  the bound (a number), or "-"
# The verdict is computed here, so that no script can print "met" by hand.
bench_row() {
	verdict=$(awk -v r="$4" -v op="$5" -v t="$6" 'BEGIN {
		if (r == "" || r !~ /^[0-9.eE+-]+$/) { print "no figure"; exit }
		if (op == "-") { print "info"; exit }
		r += 0; t += 0
		ok = op == "<=" ? r <= t : op == ">=" ? r >= t : op == "<" ? r < t : r > t
		print ok ? "met" : "MISSED" }')
	ratio=$(awk -v r="$4" 'BEGIN { if (r ~ /^[0-9.eE+-]+$/) printf "%.2f", r; else print "-" }')
	mkdir -p "$(dirname "$BENCH_TABLE")"
	printf '%s\t%s\t%s\t%s\t%s %s\t%s\n' "$1" "$2" "$3" "$ratio" "$5" "$6" "$verdict" >>"$BENCH_TABLE"
}

# ratio A B: A / B with two decimals (B of 0 counts as 0.01)
ratio() {
	awk -v a="$1" -v b="$2" 'BEGIN { if (b <= 0) b = 0.01; printf "%.3f", a / b }'
}

# median A B ...: the median of the numbers given, one per argument
median() {
	printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
