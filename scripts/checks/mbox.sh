#!/bin/bash
# DESC: the series' mbox (make mbox) applies with git am to the tree below it (the base and the series before it) and gives the posted tree
# SCOPE: series
# USES: scripts/mbox.sh
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/../lib.sh"

dir=${1:-$PATCHES}
mbox=$(MBOX_UNSIGNED=1 "$TOP/scripts/mbox.sh" "$dir" 2>/dev/null)
n=$(series_files "$dir" | wc -l)
# The commit below the series: the base, plus the series before it.
before=0
for s in $SERIES; do
	[ "$TDIR/$s" != "$dir" ] || break
	before=$(( before + $(series_files "$TDIR/$s" | wc -l) ))
done
# nth N: the Nth posted commit, the base for 0.
nth() {
	if [ "$1" -eq 0 ]; then
		git -C "$SRC" rev-parse base
	else
		git -C "$SRC" rev-list --reverse base.."$(posted_rev)" | sed -n "$1p"
	fi
}
posted=$(nth $(( before + n )))
below=$(nth "$before")
wt=$(pristine mbox-src)
git -C "$wt" checkout -q -f --detach "$below"
am_log=$BUILD/results/mbox-am.log
mkdir -p "$BUILD/results"
# The cover letter is an empty patch to git am: skipped, the rest goes on.
{ git -C "$wt" am "$mbox" || git -C "$wt" am --skip; } > "$am_log" 2>&1 || true
applied=$(git -C "$wt" rev-list --count "$below"..HEAD)
same=$(git -C "$wt" diff HEAD "$posted" --stat)
pristine mbox-src >/dev/null
if [ "$applied" -ne "$n" ] || [ -n "$same" ]; then
	echo "git am applied $applied of $n patches: $am_log"
	exit 1
fi
echo "git am applied $n patches; the tree matches the posted series"
