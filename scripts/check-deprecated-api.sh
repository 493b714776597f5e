#!/bin/bash
# check-deprecated-api.sh [PATCH...]: no posted patch (or PATCH given)
# adds a module parameter, as netdev's patch CI requires (test code
# included): per patch, the lines it adds with module_param*() or
# MODULE_PARM_DESC() must not outnumber those it removes, so that
# rewording an existing description passes.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

pattern='(module_param[a-z_]*|MODULE_PARM_DESC)\('
while read -r p; do
	name=$(basename "$p")
	body=$(sed -n '/^diff --git /,$p' "$p")
	added=$(printf '%s\n' "$body" | grep -cE "^\+.*$pattern" || true)
	removed=$(printf '%s\n' "$body" | grep -cE "^-.*$pattern" || true)
	if [ "$added" -gt "$removed" ]; then
		printf '%s\n' "$body" | grep -E "^\+.*$pattern" | sed "s|^|  $name: |" >&2
		record FAIL deprecated-api "$name" \
			"adds a module parameter ($added lines added, $removed removed); move it to patches/local/"
	else
		record PASS deprecated-api "$name"
	fi
done < <(if [ $# -gt 0 ]; then printf '%s\n' "$@"; else series_files; fi)
