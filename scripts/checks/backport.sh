#!/bin/bash
# DESC: each patch of a backport track's own series (not "mainline", whose patches are upstream commits: row dep3; not OWN_SERIES, which are for this track only) matches the patch of the same subject in the series it backports (REF_SERIES in track.conf, one or more): the same diff, or a "[ backport: ... ]" note saying why not
# SCOPE: rows
# USES: tracks/upstream/*/*.patch
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/../lib.sh"

[ -n "$REF_SERIES" ] || { record SKIP backport series "track.conf names no REF_SERIES"; exit 0; }
refs=()
for r in $REF_SERIES; do
	[ -f "$TRACKS/$r/series" ] || { record FAIL backport series "REF_SERIES $r: no tracks/$r/series"; exit 0; }
	while read -r q; do refs+=("$q"); done < <(series_files "$TRACKS/$r")
done

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
	for q in "${refs[@]}"; do
		[ "$(subject "$q")" != "$(subject "$p")" ] || posted=$q
	done
	if [ -z "$posted" ]; then
		record FAIL backport "$file" "no patch of $REF_SERIES has its subject: a backport of what?"
	elif [ "$(patch_id "$p")" = "$(patch_id "$posted")" ]; then
		record PASS backport "$file" "the same diff as ${posted#"$TRACKS"/}"
	elif grep -q '^\[ backport: ' "$p"; then
		record PASS backport "$file" "differs from ${posted#"$TRACKS"/}, with a [ backport: ] note"
	else
		record FAIL backport "$file" "differs from ${posted#"$TRACKS"/} and says nothing: add a [ backport: ... ] note"
	fi
done < <(for s in $SERIES; do
	case " mainline $OWN_SERIES " in
	*" $s "*) ;;
	*) series_files "$TDIR/$s" ;;
	esac
done)
