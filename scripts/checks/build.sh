#!/bin/bash
# DESC: mlx5 and every directory with touched C files build with W=1 after this patch, no new compiler warning
# SCOPE: patch
# USES: configs/check.config
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/../lib.sh"

gcc_warnings() { build_warnings "$1" | grep -E '\[-W[^]]*\]$' || true; }
base=$(check_build_log base)
[ "$(cat "$base.rc")" = 0 ] || { echo "the pristine base does not build: $base"; exit 1; }
log=$(check_build_log "$(sha_of "$1")")
if [ "$(cat "$log.rc")" != 0 ]; then
	grep -E 'error' "$log" | head -n 20 >&2 || true
	echo "does not build on its own: $log"
	exit 1
fi
new=$(new_lines <(gcc_warnings "$base") <(gcc_warnings "$log"))
if [ -n "$new" ]; then
	printf '%s\n' "$new" | sed "s|^|  $(basename "$1"): |" >&2
	echo "$(printf '%s\n' "$new" | wc -l) new gcc warnings: $log"
	exit 1
fi
