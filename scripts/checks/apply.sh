#!/bin/bash
# DESC: the track's base is fetched as pinned (row base-drift names pinned and used versions when Debian no longer serves the pin), and its series and local queue apply to it with git am, no fuzz
# SCOPE: rows
# USES: scripts/prepare.sh scripts/base.sh
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/../lib.sh"

mkdir -p "$BUILD_ROOT/results"
plog=$BUILD_ROOT/results/prepare-$TRACK.log
rc=0
"$TOP/scripts/prepare.sh" > "$plog" 2>&1 || rc=$?
cat "$plog" >&2
why=$(grep '^ERROR' "$plog" | tail -n 1 | sed 's/^ERROR: //' || true)

# base-drift: not a failure by itself; a patch that no longer applies on
# the drifted base is.
drift=$(paste -sd';' "$BUILD/base.drift" 2>/dev/null || true)
if [ ! -f "$BUILD/base.used" ]; then
	record FAIL base-drift base "${why:-no base}"
elif [ -z "$drift" ]; then
	record PASS base-drift base "pinned: $(paste -sd';' "$BUILD/base.used")"
elif [ "$rc" -eq 0 ]; then
	record PASS base-drift base "DRIFT: $drift; every patch applies without fuzz"
else
	record FAIL base-drift base "DRIFT: $drift; $why"
fi

if [ "$rc" -ne 0 ]; then
	record FAIL apply series "${why:-prepare.sh exited $rc: $plog}"
	exit 0
fi
record PASS apply series "$(series_files | wc -l) patches and $(local_series_files | wc -l) local ones applied with git am on $(head -n 1 "$BUILD/base.used")"
