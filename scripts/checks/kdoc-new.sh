#!/bin/bash
# DESC: every new non-static function has kernel-doc
# SCOPE: patch
# USES: scripts/check-patches.py
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/../lib.sh"

python3 "$TOP/scripts/check-patches.py" --check kdoc-new "$SRC" "$1"
