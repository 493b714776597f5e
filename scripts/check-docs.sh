#!/bin/bash
# docs: every .rst file the series touches builds with Sphinx (Debian's)
# with no warning about it that the base did not have. Each file is built
# in the smallest Documentation/ directory around it that has an index
# (SPHINXDIRS), at the base and at the tip, in the bisect worktree.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

WT=$BUILD/bisect-src
LOGS=$BUILD/results/docs
mapfile -t rst < <(touched_files | grep '^Documentation/.*\.rst$' || true)
if [ ${#rst[@]} -eq 0 ]; then
	record SKIP docs series "the series touches no .rst file"
	exit 0
fi
[ -e "$WT/.git" ] || die "no $WT: run scripts/bisect.sh first"

# The SPHINXDIRS entry for FILE (Documentation/ stripped), at the tip.
sphinxdir() {
	local d
	d=$(dirname "$1")
	while [ "$d" != Documentation ] && [ ! -f "$SRC/$d/index.rst" ]; do
		d=$(dirname "$d")
	done
	printf '%s\n' "${d#Documentation/}"
}
mapfile -t dirs < <(for f in "${rst[@]}"; do sphinxdir "$f"; done | sort -u)

# at REV LOG: build the directories' HTML at REV; the warnings go to LOG,
# as "file: warning" with line numbers and the worktree path dropped.
at() {
	git -C "$WT" checkout -q --detach "$1"
	make -s -C "$WT" O="$BUILD/docs" SPHINXDIRS="${dirs[*]}" htmldocs > "$2.raw" 2>&1 ||
		{ tail -n 20 "$2.raw" >&2; return 1; }
	grep -E 'WARNING|ERROR' "$2.raw" | sed -E "s|^$WT/||; s|:[0-9]+: | |" | sort -u > "$2"
}

mkdir -p "$LOGS"
tip=$(posted_rev)
if ! timed "Sphinx on ${dirs[*]} at the base" at base "$LOGS/base.txt" ||
   ! timed "Sphinx on ${dirs[*]} at the tip" at "$tip" "$LOGS/tip.txt"; then
	record FAIL docs series "the Sphinx build failed: $LOGS/*.raw"
	exit 0
fi
for f in "${rst[@]}"; do
	new=$(comm -13 <(grep -F "$f" "$LOGS/base.txt" || true) <(grep -F "$f" "$LOGS/tip.txt" || true))
	if [ -n "$new" ]; then
		printf '%s\n' "$new" | sed 's|^|  docs: |' >&2
		record FAIL docs "$f" "$(printf '%s\n' "$new" | wc -l) new Sphinx warnings: $LOGS/tip.txt"
	else
		record PASS docs "$f" "sphinx-build $(sphinx-build --version | cut -d' ' -f2), no new warning"
	fi
done
