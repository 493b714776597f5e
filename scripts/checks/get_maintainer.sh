#!/bin/bash
# DESC: every address get_maintainer.pl names for the posted series is in its cover letter's To/Cc
# SCOPE: series
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/../lib.sh"

dir=${1:-$PATCHES}
cover=$dir/0000-cover-letter.patch
[ -f "$cover" ] || { echo "no cover letter: ${cover#"$TOP"/}"; exit 1; }
mapfile -t files < <(series_files "$dir")
want=$(cd "$SRC" && ./scripts/get_maintainer.pl --no-rolestats --no-git \
	--no-git-fallback "${files[@]}" 2>/dev/null | sed -E 's/.*<([^>]+)>.*/\1/' | sort -u)
have=$(awk '/^(To|Cc):/{h=1} h && /^$/{exit} h' "$cover" |
	grep -oE '[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+' | sort -u)
absent=$(comm -23 <(printf '%s\n' "$want") <(printf '%s\n' "$have"))
if [ -z "$want" ]; then
	echo "get_maintainer.pl named nobody"
	exit 1
elif [ -n "$absent" ]; then
	echo "not on the cover letter: $(printf '%s\n' "$absent" | paste -sd' ' -)"
	exit 1
fi
echo "$(printf '%s\n' "$want" | wc -l) recipients, all on the cover letter"
