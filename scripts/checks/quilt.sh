#!/bin/bash
# DESC: quilt push -a --fuzz=0 of the series on a pristine base (the series before it pushed first), as distro builders apply it
# SCOPE: series
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/../lib.sh"

dir=${1:-$PATCHES}
wt=$(pristine quilt-src)
n=$(series_files "$dir" | wc -l)
rc=0 out=""
for s in $SERIES; do
	out+=$(cd "$wt" && QUILT_PATCHES=$TDIR/$s QUILT_PC=.pc-$s \
		quilt push -a --fuzz=0 2>&1) || { rc=$?; break; }
	[ "$TDIR/$s" != "$dir" ] || break
done
pristine quilt-src >/dev/null
if [ "$rc" -ne 0 ]; then
	printf '%s\n' "$out" | tail -n 15 >&2
	echo "quilt push -a failed: $(printf '%s\n' "$out" | grep -m1 -E 'does not apply|FAILED|fuzz' || true)"
	exit 1
fi
echo "quilt push -a applied $n patches, $(printf '%s\n' "$out" | grep -c 'offset' || true) hunks at an offset"
