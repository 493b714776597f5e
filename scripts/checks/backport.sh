#!/bin/bash
# DESC: each patch of a backport track matches the patch of the same subject in the series it backports (REF_SERIES in track.conf): the same diff, or a "[ backport: ... ]" note saying why not
# SCOPE: rows
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/../lib.sh"

[ -n "$REF_SERIES" ] || { record SKIP backport series "track.conf names no REF_SERIES"; exit 0; }
ref=$TRACKS/$REF_SERIES
[ -f "$ref/series" ] || { record FAIL backport series "REF_SERIES $REF_SERIES: no tracks/$REF_SERIES/series"; exit 0; }

# subject PATCH: its Subject: header, unfolded, without the [PATCH n/m].
subject() {
	awk '/^Subject: /{ s = $0; f = 1; next } f && /^[ \t]/{ s = s $0; next }
	     f { print s; exit }' "$1" | sed -E 's/^Subject: (\[[^]]*\] *)?//'
}
# patch_id PATCH: a hash of its diff, without the blob ids and the line
# numbers of the hunks (git patch-id stops at the empty lines that stand
# for blank context lines in our patches, so it cannot be used).
patch_id() {
	awk '/^diff --git /{ d = 1 } /^-- $/{ d = 0 } d' "$1" |
		grep -v '^index ' | sed -E 's/^@@ [^@]* @@/@@/' | sha256sum | cut -c1-16
}

while read -r p; do
	file=$(basename "$p")
	posted=""
	while read -r q; do
		[ "$(subject "$q")" != "$(subject "$p")" ] || posted=$q
	done < <(series_files "$ref")
	if [ -z "$posted" ]; then
		record FAIL backport "$file" "no patch of $REF_SERIES has its subject: a backport of what?"
	elif [ "$(patch_id "$p")" = "$(patch_id "$posted")" ]; then
		record PASS backport "$file" "the same diff as $REF_SERIES/$(basename "$posted")"
	elif grep -q '^\[ backport: ' "$p"; then
		record PASS backport "$file" "differs from $REF_SERIES/$(basename "$posted"), with a [ backport: ] note"
	else
		record FAIL backport "$file" "differs from $REF_SERIES/$(basename "$posted") and says nothing: add a [ backport: ... ] note"
	fi
done < <(series_files)
