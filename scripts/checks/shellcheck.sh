#!/bin/bash
# DESC: every shell file the patch adds or changes is shellcheck-clean as the patch leaves it, every finding counted (netdev's CI fails a new selftest with any)
# SCOPE: patch
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/../lib.sh"

mapfile -t files < <(sed -n 's|^+++ b/\(.*\.sh\)$|\1|p' "$1")
if [ ${#files[@]} -eq 0 ]; then
	echo "no shell file"
	exit 0
fi
command -v shellcheck > /dev/null ||
	{ echo "shellcheck is not installed: scripts/deps.sh check installs it"; exit 1; }
sha=$(sha_of "$(realpath "$1")")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bad=()
for f in "${files[@]}"; do
	mkdir -p "$tmp/$(dirname "$f")"
	git -C "$SRC" show "$sha:$f" > "$tmp/$f"
	(cd "$tmp" && shellcheck "$f") >&2 || bad+=("$f")
done
if [ ${#bad[@]} -ne 0 ]; then
	echo "shellcheck findings in ${bad[*]}"
	exit 1
fi
echo "shellcheck-clean: ${files[*]}"
