#!/bin/bash
# DESC: build/series.mbox (make mbox) applies with git am to a pristine base and gives the posted tree
# SCOPE: series
# USES: scripts/mbox.sh
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/../lib.sh"

mbox=$("$TOP/scripts/mbox.sh" 2>/dev/null)
n=$(series_files | wc -l)
wt=$(pristine mbox-src)
am_log=$BUILD/results/mbox-am.log
{ git -C "$wt" am "$mbox" || { git -C "$wt" am --skip && true; }; } > "$am_log" 2>&1 || true
applied=$(git -C "$wt" rev-list --count base..HEAD)
same=$(git -C "$wt" diff HEAD "$(posted_rev)" --stat)
pristine mbox-src >/dev/null
if [ "$applied" -ne "$n" ] || [ -n "$same" ]; then
	echo "git am applied $applied of $n patches: $am_log"
	exit 1
fi
echo "git am applied $n patches; the tree matches the posted series"
