#!/bin/bash
# DESC: the patch adds no module parameter (netdev's CI rejects them, test code included)
# SCOPE: patch
# Lines added with module_param*() or MODULE_PARM_DESC() must not
# outnumber those removed, so that rewording a description passes.
set -euo pipefail

pattern='(module_param[a-z_]*|MODULE_PARM_DESC)\('
body=$(sed -n '/^diff --git /,$p' "$1")
added=$(printf '%s\n' "$body" | grep -cE "^\+.*$pattern" || true)
removed=$(printf '%s\n' "$body" | grep -cE "^-.*$pattern" || true)
if [ "$added" -gt "$removed" ]; then
	printf '%s\n' "$body" | grep -E "^\+.*$pattern" | sed "s|^|  $(basename "$1"): |" >&2
	echo "adds a module parameter ($added lines added, $removed removed); move it to patches/local/"
	exit 1
fi
