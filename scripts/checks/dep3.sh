#!/bin/bash
# DESC: the patch's DEP-3 headers (Origin, Forwarded) agree with its body, as Debian's packaging reads them: a mainline backport starts with "[ Upstream commit <sha> ]"; a patch of a "mainline" series must be one
# SCOPE: patch
# USES: scripts/dep3.py
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/../lib.sh"

if [ "$(basename "$(dirname "$1")")" = mainline ] &&
	! grep -q '^\[ Upstream commit [0-9a-f]* \]$' "$1"; then
	echo "in a mainline series, but no \"[ Upstream commit <sha> ]\" line: a backport of what?"
	exit 1
fi
python3 "$TOP/scripts/dep3.py" check "$1"
