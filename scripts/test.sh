#!/bin/bash
# The test command: apply the series to the pinned base, then checkpatch and
# kernel-doc on every patch, a W=1 build after each patch, and the KUnit
# suites under lockdep in qemu with the console log scanned for splats.
# Ends with "N passed, N failed[, N skipped]" and exits non-zero on a failure.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

start=$(date +%s)
mkdir -p "$BUILD/results"
: > "$RESULTS"

summary() {
	local pass fail skip
	pass=$(grep -c '^PASS' "$RESULTS" || true)
	fail=$(grep -c '^FAIL' "$RESULTS" || true)
	skip=$(grep -c '^SKIP' "$RESULTS" || true)
	echo
	echo "Results ($RESULTS):"
	awk -F'\t' '{ printf "  %-4s %-22s %-60s %s\n", $1, $2, $3, $4 }' "$RESULTS"
	echo "Took $(( $(date +%s) - start )) s."
	printf '%s passed, %s failed%s\n' "$pass" "$fail" \
		"$( [ "$skip" -eq 0 ] || printf ', %s skipped' "$skip")"
	[ "$fail" -eq 0 ]
}

"$TOP/scripts/deps.sh"
if ! "$TOP/scripts/prepare.sh" 2>&1 | tee "$BUILD/results/prepare.log" >&2; then
	record FAIL apply series "$(grep '^ERROR' "$BUILD/results/prepare.log" | tail -n 1)"
	summary
	exit 1
fi
record PASS apply series "$(wc -l < "$PATCHES/series") patches applied with git am"

"$TOP/scripts/checkpatch.sh"
"$TOP/scripts/bisect.sh"
"$TOP/scripts/kunit.sh" lockdep
summary
