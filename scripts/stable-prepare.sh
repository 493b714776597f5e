#!/bin/bash
# stable-prepare.sh [NAME...]: build/stable/NAME/linux, the base of each
# stable backport (installed with apt if needed) with stable/NAME/
# applied by git am, for editing a backport (then make stable-export).
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"
# shellcheck source=scripts/stable.sh
. "$TOP/scripts/stable.sh"

names=("$@")
[ ${#names[@]} -gt 0 ] || mapfile -t names < <(stable_names)
for name in "${names[@]}"; do
	stable_ready "$name"
	log "stable/$name: $(git -C "$S_TREE" rev-list --count base..HEAD) patches on $S_PKG $S_VERSION in $S_TREE"
done
