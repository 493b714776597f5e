#!/bin/bash
# DESC: sparse (C=1) on what this patch's build recompiles, no new warning
# SCOPE: patch
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/../lib.sh"

check_build_new sparse "$1"
