#!/bin/bash
# DESC: Signed-off-by: matching From:, Fixes: as 12-character sha and ("subject")
# SCOPE: patch
# USES: scripts/check-patches.py
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/../lib.sh"

python3 "$TOP/scripts/check-patches.py" --check tags "$SRC" "$1"
