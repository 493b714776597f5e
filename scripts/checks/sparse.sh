#!/bin/bash
# DESC: sparse (C=1) on what this patch's build recompiles, no new warning
# SCOPE: patch
# USES: configs/check.config
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/../lib.sh"

sparse_warnings() { build_warnings "$1" | grep -vE '\[-W[^]]*\]$' || true; }
base=$(check_build_log base)
log=$(check_build_log "$(sha_of "$1")")
if [ "$(cat "$log.rc")" != 0 ]; then
	echo "not checked: the build failed ($log)"
	exit 1
fi
new=$(new_lines <(sparse_warnings "$base") <(sparse_warnings "$log"))
if [ -n "$new" ]; then
	printf '%s\n' "$new" | sed "s|^|  $(basename "$1"): |" >&2
	echo "$(printf '%s\n' "$new" | wc -l) new sparse warnings: $log"
	exit 1
fi
