#!/bin/bash
# DESC: mlx5_core.ko builds with Debian's own config (what "make" builds: no KUnit, distro options)
# SCOPE: series
# USES: scripts/build.sh
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/../lib.sh"

if ! "$TOP/scripts/build.sh" >&2; then
	echo "does not build with Debian's config: build/debian/mlx5.log"
	exit 1
fi
echo "Debian's config.amd64_none_amd64, build/debian"
