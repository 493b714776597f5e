#!/bin/bash
# results.sh: copy the outputs of the last make test-full and make bench,
# where there are, to docs/results/, the only time the workbench writes
# a tracked file of its own accord.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

mkdir -p "$TOP/docs/results"
copied=0
if [ -f "$BUILD_ROOT/results/summary-full.txt" ]; then
	{
		echo "make test-full, $(date -u -r "$BUILD_ROOT/results/summary-full.txt" +%Y-%m-%d), $(nproc) host CPUs"
		cat "$BUILD_ROOT/results/summary-full.txt"
	} > "$TOP/docs/results/test-full.txt"
	copied=$((copied + 1))
fi
if [ -f "$BUILD/results/bench.txt" ]; then
	cp "$BUILD/results/bench.txt" "$TOP/docs/results/bench.txt"
	copied=$((copied + 1))
fi
[ "$copied" -gt 0 ] || die "nothing to copy: run make test-full or make bench first"
log "docs/results/: $copied files updated (git diff docs/results/)"
