#!/bin/bash
# Build the mlx5 core directory, and every other directory whose C files
# the series touches, with W=1 and sparse (C=1) at the base and after each
# patch in turn, in a worktree of build/linux: every patch must build on
# its own and add no compiler or sparse warning the base did not have.
# C=1 checks the files that are recompiled, which after a patch are the
# files it touches and those that include them.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

WT=$BUILD/bisect-src
OUT=$BUILD/check
LOGS=$BUILD/results/bisect
mapfile -t flags < <(kmake_flags)
kmake() { make -s -C "$WT" O="$OUT" "${flags[@]}" "$@"; }

# Options the tree does not know yet (a later patch adds them) are
# dropped by olddefconfig: merge the fragment again at every step.
merge_fragment() {
	"$WT/scripts/kconfig/merge_config.sh" -m -O "$OUT" "$OUT/.config" \
		"$TOP/configs/check.config" >/dev/null
	kmake olddefconfig
}

configure() {
	kmake defconfig
	merge_fragment
	cp "$TOP/configs/check.config" "$OUT/.config.fragment"
}

# gcc's warnings carry their option ("[-W...]"), sparse's do not.
gcc_warnings() { build_warnings "$1" | grep -E '\[-W[^]]*\]$' || true; }
sparse_warnings() { build_warnings "$1" | grep -vE '\[-W[^]]*\]$' || true; }

# new_check CHECK NAME LOG KIND: record whether LOG has KIND warnings
# that the base's log did not.
new_check() {
	local new
	new=$(comm -13 <("$4_warnings" "$LOGS/base.log") <("$4_warnings" "$3"))
	if [ -n "$new" ]; then
		printf '%s\n' "$new" | sed "s|^|  $2: |" >&2
		record FAIL "$1" "$2" "$(printf '%s\n' "$new" | wc -l) new $4 warnings: $3"
	else
		record PASS "$1" "$2"
	fi
}

mapfile -t dirs < <(build_dirs)

# wbuild LOG LABEL: the W=1 build of the directories, its output in LOG.
wbuild() {
	local rc=0 start
	start=$(date +%s)
	kmake W=1 C=1 "${dirs[@]}" > "$1" 2>&1 || rc=$?
	log "W=1 C=1 build of ${dirs[*]} $2: $(( $(date +%s) - start )) s$( [ "$rc" -eq 0 ] || echo ", FAILED")"
	return "$rc"
}

mkdir -p "$LOGS"
if [ ! -d "$WT/.git" ] && [ ! -f "$WT/.git" ]; then
	git -C "$SRC" worktree prune
	git -C "$SRC" worktree add -q --detach "$WT" base
fi
git -C "$WT" checkout -q --detach base
if ! cmp -s "$TOP/configs/check.config" "$OUT/.config.fragment" 2>/dev/null; then
	timed "configuring the check build (defconfig + configs/check.config)" configure
fi
merge_fragment
timed "prepare (check build)" kmake prepare
if ! wbuild "$LOGS/base.log" "at the base"; then
	record FAIL build base "the pristine base does not build: $LOGS/base.log"
	exit 0
fi

mapfile -t names < <(series_files | xargs -n1 basename)
i=0
while read -r sha; do
	name=${names[$i]:-"commit $sha"}
	i=$((i + 1))
	git -C "$WT" checkout -q --detach "$sha"
	merge_fragment
	log="$LOGS/$(printf '%04d' "$i").log"
	if ! wbuild "$log" "after $name"; then
		grep -E 'error' "$log" | head -n 20 >&2 || true
		record FAIL build "$name" "does not build on its own: $log"
		record FAIL sparse "$name" "not checked: the build failed"
		continue
	fi
	new_check build "$name" "$log" gcc
	new_check sparse "$name" "$log" sparse
done < <(git -C "$SRC" rev-list --reverse base.."$(posted_rev)")
