#!/bin/bash
# mbox.sh [DIR...]: write each posted series of the track (or the series
# of DIR), cover letter first when it has one, as one mbox:
# build/TRACK/NAME.mbox. Prints the mbox paths.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

dirs=("$@")
[ ${#dirs[@]} -gt 0 ] || mapfile -t dirs < <(series_dirs)
mkdir -p "$BUILD"
for dir in "${dirs[@]}"; do
	mbox=$BUILD/$(basename "$dir").mbox
	{
		[ ! -f "$dir/0000-cover-letter.patch" ] ||
			{ cat "$dir/0000-cover-letter.patch"; echo; }
		series_files "$dir" | while read -r p; do cat "$p"; echo; done
	} > "$mbox"
	log "wrote $mbox ($(grep -c '^From 0\{40\} ' "$mbox") messages)"
	printf '%s\n' "$mbox"
done
