#!/bin/bash
# DESC: the same directories build with LLVM=1 W=1 (Debian's clang) at the posted tip, no new warning
# SCOPE: series
# USES: configs/check.config
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/../lib.sh"

OUT=$BUILD/check-llvm
LOGS=$BUILD/results/llvm
mapfile -t dirs < <(build_dirs)
mkdir -p "$LOGS"

# at REV LOG: the LLVM=1 W=1 build of the directories at REV.
at() {
	local wt
	wt=$(worktree bisect-src "$1")
	kmake() { make -s -C "$wt" O="$OUT" LLVM=1 CC="ccache clang" -j"$JOBS" "$@"; }
	[ -f "$OUT/.config" ] || kmake defconfig
	"$wt/scripts/kconfig/merge_config.sh" -m -O "$OUT" "$OUT/.config" \
		"$TOP/configs/check.config" >/dev/null
	kmake olddefconfig
	kmake prepare
	kmake W=1 "${dirs[@]}" > "$2" 2>&1
}

# The base's warnings depend on the base, the config, clang and the
# directories only: built once for them.
key=$({ git -C "$SRC" rev-parse base; cat "$TOP/configs/check.config"
	clang --version | head -n 1; printf '%s\n' "${dirs[@]}"; } |
	sha256sum | cut -c1-16)
if [ -f "$LOGS/base.$key.log" ]; then
	log "LLVM=1 W=1 build of ${dirs[*]} at the base: kept from $(date -u -r "$LOGS/base.$key.log" '+%Y-%m-%d %H:%M') UTC"
elif timed "LLVM=1 W=1 build of ${dirs[*]} at the base" at base "$LOGS/base.log" >&2; then
	cp "$LOGS/base.log" "$LOGS/base.$key.log"
else
	echo "the base does not build with LLVM=1: $LOGS/base.log"
	exit 1
fi
if ! timed "LLVM=1 W=1 build of ${dirs[*]} at the tip" at "$(posted_rev)" "$LOGS/tip.log" >&2; then
	grep -E 'error' "$LOGS/tip.log" | head -n 20 >&2 || true
	echo "the series does not build with LLVM=1: $LOGS/tip.log"
	exit 1
fi
new=$(new_lines <(build_warnings "$LOGS/base.$key.log") <(build_warnings "$LOGS/tip.log"))
if [ -n "$new" ]; then
	printf '%s\n' "$new" | sed 's|^|  clang: |' >&2
	echo "$(printf '%s\n' "$new" | wc -l) new clang warnings: $LOGS/tip.log"
	exit 1
fi
echo "$(clang --version | head -n 1), no new warning"
