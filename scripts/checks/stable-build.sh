#!/bin/bash
# DESC: each stable backport builds mlx5_core.ko on its base with Debian's config for that base
# SCOPE: rows
# SERIES: no
# USES: scripts/stable.sh scripts/build.sh stable/*/*
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/../lib.sh"
# shellcheck source=scripts/stable.sh
. "$TOP/scripts/stable.sh"

for name in $(stable_names); do
	stable_ready "$name"
	out=$BUILD/stable/$name/debian
	if "$TOP/scripts/build.sh" "$S_TREE" "$out" "$S_CONFIG_FILE" >&2; then
		record PASS "stable-build:$name" "mlx5_core.ko" \
			"$(basename "$S_CONFIG_FILE" .xz) of $S_CONFIG_PKG $S_VERSION"
	else
		record FAIL "stable-build:$name" "mlx5_core.ko" \
			"does not build with $(basename "$S_CONFIG_FILE"): $out/mlx5.log"
	fi
done
