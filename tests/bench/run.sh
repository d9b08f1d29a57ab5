#!/bin/sh
# run.sh DADEUM - the benchmarks behind `make bench`. Each tests/bench/*.sh
# other than this one is run with the binary; the first failure is the status.
cd "$(dirname "$0")/../.." || exit 1
status=0
for b in tests/bench/*.sh; do
	[ "$(basename "$b")" = run.sh ] && continue
	echo "== $(basename "$b" .sh)"
	sh "$b" "$@" || status=1
done
exit $status
