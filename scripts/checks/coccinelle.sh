#!/bin/bash
# DESC: the kernel's report-mode semantic patches find nothing new in the files the posted series touches
# SCOPE: series
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/../lib.sh"

LOGS=$BUILD/results/cocci
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mapfile -t cfiles < <(touched_files | grep '\.c$' || true)
if [ ${#cfiles[@]} -eq 0 ]; then
	echo "the series touches no .c file"
	exit 250
fi

# Copy the touched files as they are at REV into DIR (absent ones skipped).
snapshot() {
	local f
	for f in "${cfiles[@]}"; do
		git -C "$SRC" cat-file -e "$1:$f" 2>/dev/null || continue
		mkdir -p "$2/$(dirname "$f")"
		git -C "$SRC" show "$1:$f" > "$2/$f"
	done
}

# Report-mode findings of every semantic patch on DIR, line numbers dropped.
findings() {
	local cocci
	grep -rl '^virtual report' "$SRC/scripts/coccinelle" --include='*.cocci' | sort |
	while read -r cocci; do
		(cd "$1" && spatch -D report --very-quiet --no-show-diff --no-includes \
			--include-headers --timeout 60 --cocci-file "$cocci" --dir . 2>/dev/null) |
			sed -E "s|^\./||; s|:[0-9]+:[0-9]+-[0-9]+:|:|; s|:[0-9]+:[0-9]+:|:|" || true
	done | sort -u
}

mkdir -p "$LOGS"
snapshot base "$tmp/base"
snapshot "$(posted_rev)" "$tmp/tip"
# The base does not change: its findings are kept per set of files.
key=$(printf '%s\n' "$(git -C "$SRC" rev-parse base)" "${cfiles[@]}" | sha256sum | cut -c1-16)
if [ ! -f "$LOGS/base.$key.txt" ]; then
	timed "coccinelle on the base's copies of ${#cfiles[@]} touched files" \
		findings "$tmp/base" > "$LOGS/base.$key.txt"
fi
cp "$LOGS/base.$key.txt" "$LOGS/base.txt"
findings "$tmp/tip" > "$LOGS/tip.txt"
new=$(comm -13 "$LOGS/base.txt" "$LOGS/tip.txt")
if [ -n "$new" ]; then
	printf '%s\n' "$new" | sed 's|^|  coccinelle: |' >&2
	echo "$(printf '%s\n' "$new" | wc -l) new findings: $LOGS/tip.txt"
	exit 1
fi
echo "$(wc -l < "$LOGS/base.txt") findings in the base's copies, none new"
