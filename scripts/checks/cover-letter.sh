#!/bin/bash
# DESC: the series' cover letter has a base-commit: that is the track's base commit, a Base: line naming the base package, the diffstat and a Testing: section
# SCOPE: series
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/../lib.sh"

dir=${1:-$PATCHES}
cover=$dir/0000-cover-letter.patch
[ -f "$cover" ] || { echo "no cover letter: ${cover#"$TOP"/}"; exit 1; }
base=$(git -C "$SRC" rev-parse base)
missing=()
have=$(sed -n 's/^base-commit: \([0-9a-f]\{40\}\)$/\1/p' "$cover")
[ -n "$have" ] || missing+=(base-commit)
grep -q "^Base: Debian $SRC_PKG" "$cover" || missing+=("Base: line")
grep -qE '^ [0-9]+ files? changed' "$cover" || missing+=(diffstat)
grep -q '^Testing:' "$cover" || missing+=("Testing: section")
if [ ${#missing[@]} -ne 0 ]; then
	echo "missing: ${missing[*]}"
	exit 1
fi
if [ "$have" != "$base" ]; then
	echo "base-commit: $have is not the track's base $base (make export TRACK=$TRACK)"
	exit 1
fi
echo "base-commit (the track's base), Base:, diffstat and Testing: present"
