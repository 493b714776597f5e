#!/bin/bash
# clang: the directories the series touches build with LLVM=1 W=1 (Debian's
# clang and lld) at the tip of the series with no warning the base lacks.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

WT=$BUILD/bisect-src
OUT=$BUILD/check-llvm
LOGS=$BUILD/results/llvm
kmake() { make -s -C "$WT" O="$OUT" LLVM=1 CC="ccache clang" -j"$JOBS" "$@"; }
mapfile -t dirs < <(build_dirs)
[ -e "$WT/.git" ] || die "no $WT: run scripts/bisect.sh first"


# at REV LOG: configure and build the directories at REV.
at() {
	git -C "$WT" checkout -q --detach "$1"
	[ -f "$OUT/.config" ] || kmake defconfig
	"$WT/scripts/kconfig/merge_config.sh" -m -O "$OUT" "$OUT/.config" \
		"$TOP/configs/check.config" >/dev/null
	kmake olddefconfig
	kmake prepare
	kmake W=1 "${dirs[@]}" > "$2" 2>&1
}

mkdir -p "$LOGS"
if ! timed "LLVM=1 W=1 build of ${dirs[*]} at the base" at base "$LOGS/base.log"; then
	record FAIL clang series "the base does not build with LLVM=1: $LOGS/base.log"
	exit 0
fi
if ! timed "LLVM=1 W=1 build of ${dirs[*]} at the tip" at "$(posted_rev)" "$LOGS/tip.log"; then
	grep -E 'error' "$LOGS/tip.log" | head -n 20 >&2 || true
	record FAIL clang series "the series does not build with LLVM=1: $LOGS/tip.log"
	exit 0
fi
new=$(comm -13 <(build_warnings "$LOGS/base.log") <(build_warnings "$LOGS/tip.log"))
if [ -n "$new" ]; then
	printf '%s\n' "$new" | sed 's|^|  clang: |' >&2
	record FAIL clang series "$(printf '%s\n' "$new" | wc -l) new clang warnings: $LOGS/tip.log"
else
	record PASS clang series "$(clang --version | head -n 1), no new warning"
fi
