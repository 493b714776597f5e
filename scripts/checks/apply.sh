#!/bin/bash
# DESC: the posted series and the local queue apply to the pinned base with git am, no fuzz
# SCOPE: series
# USES: scripts/prepare.sh scripts/base.sh
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/../lib.sh"

if ! "$TOP/scripts/prepare.sh" 2>&1 | tee "$BUILD/results/prepare.log" >&2; then
	grep '^ERROR' "$BUILD/results/prepare.log" | tail -n 1
	exit 1
fi
echo "$(series_files | wc -l) patches and $(local_series_files | wc -l) local ones applied with git am"
