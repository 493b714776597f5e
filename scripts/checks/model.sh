#!/bin/bash
# DESC: the Promela model verifies with SPIN, and each broken variant gives its counterexample (a row per variant)
# SCOPE: rows
# SERIES: no
# USES: scripts/model.sh scripts/pan-verdict.sh model/*
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/../lib.sh"

"$TOP/scripts/model.sh" || grep -q '^FAIL	model' "$RESULTS" ||
	record FAIL model spin "scripts/model.sh failed before its verdict"
