#!/bin/bash
# DESC: kernel-doc -Wall on a touched .c/.h file, no warning the base did not have
# SCOPE: file
# FILES: \.(c|h)$
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/../lib.sh"

# kernel-doc warnings of FILE at REV, with line numbers dropped so that a
# warning moved by an edit above it is not new.
kdoc_warnings() {
	local tmp rc=0
	tmp=$(mktemp)
	git -C "$SRC" show "$2:$1" > "$tmp" 2>/dev/null || { rm -f "$tmp"; return 0; }
	"$SRC/scripts/kernel-doc" -Wall -none "$tmp" 2>&1 |
		sed -E "s|^$tmp:[0-9]+: ||; s|$tmp|$1|g" | sort || rc=$?
	rm -f "$tmp"
	return "$rc"
}

new=$(new_lines <(kdoc_warnings "$1" base) <(kdoc_warnings "$1" "$(posted_rev)"))
if [ -n "$new" ]; then
	printf '%s\n' "$new" | sed "s|^|  $1: |" >&2
	echo "$(printf '%s\n' "$new" | wc -l) new kernel-doc warnings (see above)"
	exit 1
fi
