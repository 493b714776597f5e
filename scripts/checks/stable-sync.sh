#!/bin/bash
# DESC: each stable backport's patches match the posted patches of the same subject: the same diff on the series' own base, and a "[ backport: ... ]" note wherever the diff differs
# SCOPE: rows
# USES: scripts/stable.sh stable/*/*
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/../lib.sh"
# shellcheck source=scripts/stable.sh
. "$TOP/scripts/stable.sh"

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

for name in $(stable_names); do
	stable_conf "$name"
	same_base=0
	[ "$S_PKG" != "$BASE_PKG" ] || [ "$S_VERSION" != "$BASE_VERSION" ] || same_base=1
	while read -r p; do
		file=$(basename "$p")
		posted=""
		while read -r q; do
			[ "$(subject "$q")" != "$(subject "$p")" ] || posted=$q
		done < <(series_files)
		if [ -z "$posted" ]; then
			record FAIL "stable-sync:$name" "$file" "no posted patch has its subject: a backport of what?"
		elif [ "$(patch_id "$p")" = "$(patch_id "$posted")" ]; then
			record PASS "stable-sync:$name" "$file" "the same diff as $(basename "$posted")"
		elif [ "$same_base" -eq 1 ]; then
			record FAIL "stable-sync:$name" "$file" "differs from $(basename "$posted") on the same base: make stable-export after changing the series"
		elif grep -q '^\[ backport: ' "$p"; then
			record PASS "stable-sync:$name" "$file" "differs from $(basename "$posted"), with a [ backport: ] note"
		else
			record FAIL "stable-sync:$name" "$file" "differs from $(basename "$posted") and says nothing: add a [ backport: ... ] note"
		fi
	done < <(series_files "$STABLE/$name")
done
