#!/bin/bash
# DESC: mlx5 and every directory with touched C files build with W=1 after this patch, no new compiler warning
# SCOPE: patch
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/../lib.sh"

check_build_new gcc "$1"
