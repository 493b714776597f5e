#!/bin/bash
# DESC: the series' mbox (make mbox) applies with git am to the tree below it (the base and the series before it) and gives the posted tree
# SCOPE: series
# USES: scripts/mbox.sh
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/../lib.sh"

dir=${1:-$PATCHES}
mbox=$("$TOP/scripts/mbox.sh" "$dir" 2>/dev/null)
n=$(series_files "$dir" | wc -l)
# The commit below the series: the base, plus the series before it.
before=0
for s in $SERIES; do
	[ "$TDIR/$s" != "$dir" ] || break
	before=$(( before + $(series_files "$TDIR/$s" | wc -l) ))
done
posted=$(git -C "$SRC" rev-list --reverse base.."$(posted_rev)" | sed -n "$(( before + n ))p")
below=$(git -C "$SRC" rev-list --reverse base.."$(posted_rev)" | sed -n "${before}p")
wt=$(pristine mbox-src)
git -C "$wt" checkout -q -f --detach "${below:-base}"
am_log=$BUILD/results/mbox-am.log
mkdir -p "$BUILD/results"
{ git -C "$wt" am "$mbox" || { git -C "$wt" am --abort && false; }; } > "$am_log" 2>&1 || true
applied=$(git -C "$wt" rev-list --count "${below:-base}"..HEAD)
same=$(git -C "$wt" diff HEAD "${posted:-base}" --stat)
pristine mbox-src >/dev/null
if [ "$applied" -ne "$n" ] || [ -n "$same" ]; then
	echo "git am applied $applied of $n patches: $am_log"
	exit 1
fi
echo "git am applied $n patches; the tree matches the posted series"
