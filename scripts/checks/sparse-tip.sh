#!/bin/bash
# DESC: sparse (C=1) on what the whole series changes (the tip's build against the base's), no new warning (row sparse, per patch, is in make test-full)
# SCOPE: tree
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/../lib.sh"

read -ra names <<< "$SERIES"
check_build_new sparse "$(series_files "$TDIR/${names[-1]}" | tail -n 1)"
echo "no new sparse warning at the tip against the base"
