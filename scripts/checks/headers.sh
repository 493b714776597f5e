#!/bin/bash
# DESC: no new static inline in a .c file, no inline function of more than 3 lines in a header
# SCOPE: patch
# USES: scripts/check-patches.py
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/../lib.sh"

python3 "$TOP/scripts/check-patches.py" --check headers "$SRC" "$1"
