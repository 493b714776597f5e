#!/bin/bash
# Write the series, cover letter first, as one mbox: build/series.mbox.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

mbox=$BUILD/series.mbox
mkdir -p "$BUILD"
{
	cat "$PATCHES/0000-cover-letter.patch"
	series_files | while read -r p; do echo; cat "$p"; done
} > "$mbox"
log "wrote $mbox ($(grep -c '^From 0\{40\} ' "$mbox") messages)"
printf '%s\n' "$mbox"
