#!/bin/bash
# DESC: the same directories build with LLVM=1 W=1 (Debian's clang) at the posted tip, no new warning (the base is built only if the tip warns)
# SCOPE: tree
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/../lib.sh"

OUT=$BUILD/check-llvm
LOGS=$BUILD/results/llvm
mapfile -t dirs < <(build_dirs)
mkdir -p "$LOGS"

# at REV LOG: the LLVM=1 W=1 build of the directories at REV, every file
# compiled (ccache replays the warnings of a hit), so that LOG has all the
# warnings of REV, not those of the files that changed since the last run.
at() {
	local wt d
	wt=$(worktree bisect-src "$1")
	for d in "${dirs[@]}"; do
		[ ! -d "$OUT/$d" ] || find "$OUT/$d" -name '*.o' -delete
	done
	kmake() { make -s -C "$wt" O="$OUT" LLVM=1 CC="ccache clang" -j"$JOBS" "$@"; }
	[ -f "$OUT/.config" ] || kmake defconfig
	"$wt/scripts/kconfig/merge_config.sh" -m -O "$OUT" "$OUT/.config" \
		"$TDIR/check.config" >/dev/null
	kmake olddefconfig
	kmake prepare
	kmake W=1 "${dirs[@]}" > "$2" 2>&1
}

if ! timed "LLVM=1 W=1 build of ${dirs[*]} at the tip" at "$(posted_rev)" "$LOGS/tip.log" >&2; then
	grep -E 'error' "$LOGS/tip.log" | head -n 20 >&2 || true
	echo "the series does not build with LLVM=1: $LOGS/tip.log"
	exit 1
fi
tip=$(build_warnings "$LOGS/tip.log")
# A new warning is one the tip has and the base has not: with none at the
# tip, the base has nothing to say, and is not built.
if [ -z "$tip" ]; then
	echo "$(clang --version | head -n 1), no warning at the tip"
	exit 0
fi

# The base's warnings depend on the base, the config, clang and the
# directories only: built once for them.
key=$({ git -C "$SRC" rev-parse base; cat "$TDIR/check.config"
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
new=$(new_lines <(build_warnings "$LOGS/base.$key.log") <(printf '%s\n' "$tip"))
if [ -n "$new" ]; then
	printf '%s\n' "$new" | sed 's|^|  clang: |' >&2
	echo "$(printf '%s\n' "$new" | wc -l) new clang warnings: $LOGS/tip.log"
	exit 1
fi
echo "$(clang --version | head -n 1), $(printf '%s\n' "$tip" | wc -l) warnings at the tip, none new"
