#!/bin/bash
# DESC: the series' cover letter has a base-commit: that is the track's base commit (and, on top of another series, prerequisite-patch-id: lines, the stable patch ids of the series below as mailed, unless the series applies to the base alone), a Base: line naming the base package, the diffstat and a Testing: section
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
# A series on top of another that names no prerequisite says that it
# applies to the base alone (export.sh: DIR/standalone).
if [ "$(basename "$dir")" != "${SERIES%% *}" ] &&
	! grep -q '^prerequisite-patch-id: ' "$cover"; then
	idx=$(mktemp)
	trap 'rm -f "$idx"' EXIT
	GIT_INDEX_FILE=$idx git -C "$SRC" read-tree base
	mapfile -t files < <(series_files "$dir" | xargs -r realpath)
	# One patch after the other: git apply does not chain a file that
	# one patch creates and the next changes.
	for f in "${files[@]}"; do
		out=$(GIT_INDEX_FILE=$idx git -C "$SRC" apply --cached "$f" 2>&1) ||
			{ echo "no prerequisite-patch-id:, yet $(basename "$f") does not apply to the base alone: $(head -n 1 <<< "$out")"; exit 1; }
	done
fi
# The prerequisites it names are the patches of the series before it, as
# mailed, by git patch-id --stable (what b4 matches them with).
if grep -q '^prerequisite-patch-id: ' "$cover"; then
	want=$(for s in $SERIES; do
		[ "$TDIR/$s" != "$dir" ] || break
		series_files "$TDIR/$s" | while read -r f; do
			mail_form "$f" | stable_patch_id
		done
	done)
	have_ids=$(sed -n 's/^prerequisite-patch-id: //p' "$cover")
	if [ "$want" != "$have_ids" ]; then
		echo "prerequisite-patch-id: lines are not the stable patch ids of the series below it, as mailed (make export TRACK=$TRACK): $(diff <(echo "$want") <(echo "$have_ids") | grep '^[<>]' | head -n 2 | tr '\n' ' ')"
		exit 1
	fi
fi
echo "base-commit (the track's base), Base:, diffstat and Testing: present"
