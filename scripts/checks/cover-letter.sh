#!/bin/bash
# DESC: the cover letter has base-commit:, a Base: line, the diffstat and a Testing: section
# SCOPE: series
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/../lib.sh"

cover=$PATCHES/0000-cover-letter.patch
missing=()
grep -q '^base-commit: [0-9a-f]\{40\}$' "$cover" || missing+=(base-commit)
grep -q "^Base: Debian $BASE_PKG" "$cover" || missing+=("Base: line")
grep -qE '^ [0-9]+ files? changed' "$cover" || missing+=(diffstat)
grep -q '^Testing:' "$cover" || missing+=("Testing: section")
if [ ${#missing[@]} -ne 0 ]; then
	echo "missing: ${missing[*]}"
	exit 1
fi
echo "base-commit, Base:, diffstat and Testing: present"
