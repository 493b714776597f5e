#!/bin/bash
# DESC: kernel-doc -Wall on a touched .c/.h file, no warning the base did not have
# SCOPE: file
# FILES: \.(c|h)$
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/../lib.sh"

KDOC=${KDOC:-$SRC/scripts/kernel-doc}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# kdoc_warnings FILE REV OUT: kernel-doc's warnings of FILE at REV in OUT,
# with line numbers dropped so that a warning moved by an edit above it
# is not new (the perl kernel-doc prints "FILE:LINE: warning: ...", the
# python one of 6.15 and later "Warning: FILE:LINE ..."). kernel-doc
# -none exits 0 whatever it warns of: a non-zero exit with no warning
# printed is kernel-doc failing, and fails the row (comparing two empty
# outputs would pass).
kdoc_warnings() {
	local src rc=0
	src=$tmp/$(basename "$1")
	: > "$3"
	git -C "$SRC" show "$2:$1" > "$src" 2>/dev/null || return 0
	"$KDOC" -Wall -none "$src" > "$3.raw" 2>&1 || rc=$?
	sed -E "s|^$src:[0-9]+: ||; s|$src:[0-9]+ |$1: |g; s|$src|$1|g" \
		"$3.raw" | sort > "$3"
	if [ "$rc" -ne 0 ] && ! grep -qE '(^|: )(warning|error): ' "$3"; then
		echo "kernel-doc failed on $1 at $2 (exit $rc): $(tail -n 1 "$3.raw")"
		exit 1
	fi
}

kdoc_warnings "$1" base "$tmp/base.txt"
kdoc_warnings "$1" "$(posted_rev)" "$tmp/tip.txt"
new=$(new_lines "$tmp/base.txt" "$tmp/tip.txt")
if [ -n "$new" ]; then
	printf '%s\n' "$new" | sed "s|^|  $1: |" >&2
	echo "$(printf '%s\n' "$new" | wc -l) new kernel-doc warnings (see above)"
	exit 1
fi
