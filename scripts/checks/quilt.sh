#!/bin/bash
# DESC: quilt push -a --fuzz=0 of patches/series on a pristine base, as distro builders apply it
# SCOPE: series
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/../lib.sh"

wt=$(pristine quilt-src)
n=$(series_files | wc -l)
rc=0
out=$(cd "$wt" && QUILT_PATCHES=$PATCHES QUILT_PC=.pc quilt push -a --fuzz=0 2>&1) || rc=$?
pristine quilt-src >/dev/null
if [ "$rc" -ne 0 ]; then
	printf '%s\n' "$out" | tail -n 15 >&2
	echo "quilt push -a failed: $(printf '%s\n' "$out" | grep -m1 -E 'does not apply|FAILED|fuzz' || true)"
	exit 1
fi
echo "quilt push -a applied $n patches, $(printf '%s\n' "$out" | grep -c 'offset' || true) hunks at an offset"
