#!/bin/bash
# stable-mbox.sh: write each stable backport as one mbox,
# build/stable/NAME.mbox, in series order, for git am or a mailer.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"
# shellcheck source=scripts/stable.sh
. "$TOP/scripts/stable.sh"

mkdir -p "$BUILD/stable"
for name in $(stable_names); do
	mbox=$BUILD/stable/$name.mbox
	first=1
	while read -r p; do
		[ "$first" -eq 1 ] || echo
		first=0
		cat "$p"
	done < <(series_files "$STABLE/$name") > "$mbox"
	log "wrote $mbox ($(grep -c '^From 0\{40\} ' "$mbox") messages)"
	printf '%s\n' "$mbox"
done
