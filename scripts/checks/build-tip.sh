#!/bin/bash
# DESC: the track's series as a whole: mlx5 and every directory with touched C files build with W=1 at the base and at the tip, no new compiler warning and nothing unresolved at modpost (a stable queue is built at its tip; row build, per patch, is in make test-full)
# SCOPE: tree
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/../lib.sh"

read -ra names <<< "$SERIES"
check_build_new gcc "$(series_files "$TDIR/${names[-1]}" | tail -n 1)"
echo "the tip builds, no new warning against the base"
