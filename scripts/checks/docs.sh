#!/bin/bash
# DESC: a touched .rst builds with Sphinx in the smallest SPHINXDIRS around it, no warning about it the base did not have
# SCOPE: file
# FILES: ^Documentation/.*\.rst$
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/../lib.sh"

f=$1
LOGS=$BUILD/results/docs
mkdir -p "$LOGS"
# The SPHINXDIRS entry for the file (Documentation/ stripped).
d=$(dirname "$f")
while [ "$d" != Documentation ] && [ ! -f "$SRC/$d/index.rst" ]; do
	d=$(dirname "$d")
done
dir=${d#Documentation/}

# warnings REV: the Sphinx warnings of the directory at REV, as "file:
# warning" with line numbers dropped; built once per tree.
warnings() {
	local tree out wt
	tree=$(git -C "$SRC" rev-parse "$1^{tree}")
	out=$LOGS/$tree.$(printf '%s' "$dir" | sha256sum | cut -c1-12).txt
	if [ ! -f "$out" ]; then
		wt=$(worktree bisect-src "$(git -C "$SRC" rev-parse "$1")")
		make -s -C "$wt" O="$BUILD/docs" SPHINXDIRS="$dir" htmldocs > "$out.raw" 2>&1 ||
			{ tail -n 20 "$out.raw" >&2; return 1; }
		grep -E 'WARNING|ERROR' "$out.raw" | sed -E "s|^$wt/||; s|:[0-9]+: | |" |
			sort -u > "$out" || true
	fi
	grep -F "$f" "$out" || true
}

base=$(warnings base) || { echo "the Sphinx build failed at the base: $LOGS/*.raw"; exit 1; }
tip=$(warnings "$(posted_rev)") || { echo "the Sphinx build failed at the tip: $LOGS/*.raw"; exit 1; }
new=$(new_lines <(printf '%s\n' "$base") <(printf '%s\n' "$tip") | grep . || true)
if [ -n "$new" ]; then
	printf '%s\n' "$new" | sed 's|^|  docs: |' >&2
	echo "$(printf '%s\n' "$new" | wc -l) new Sphinx warnings"
	exit 1
fi
echo "sphinx-build $(sphinx-build --version | cut -d' ' -f2), no new warning"
