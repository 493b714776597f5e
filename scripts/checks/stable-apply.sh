#!/bin/bash
# DESC: each stable backport (stable/NAME/) applies to its pinned Debian base with quilt push -a --fuzz=0 and with git am
# SCOPE: rows
# SERIES: no
# USES: scripts/stable.sh stable/*/*
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/../lib.sh"
# shellcheck source=scripts/stable.sh
. "$TOP/scripts/stable.sh"

# quilt_push NAME TREE: one row for quilt on TREE at its base.
quilt_push() {
	local out rc=0 n
	n=$(series_files "$STABLE/$1" | wc -l)
	# Called in an || list, where set -e does not hold: check each step.
	if ! git -C "$2" checkout -q -f --detach base ||
	   ! git -C "$2" clean -q -fdx; then
		record FAIL "stable-apply:$1" "quilt push -a --fuzz=0" \
			"cannot reset $2 to its base"
		return 1
	fi
	out=$(cd "$2" && QUILT_PATCHES=$STABLE/$1 QUILT_PC=.pc \
		quilt push -a --fuzz=0 2>&1) || rc=$?
	git -C "$2" checkout -q -f --detach base || rc=$?
	git -C "$2" clean -q -fdx || rc=$?
	rm -f "$BUILD/stable/$1/applied"
	if [ "$rc" -ne 0 ]; then
		printf '%s\n' "$out" | tail -n 15 >&2
		record FAIL "stable-apply:$1" "quilt push -a --fuzz=0" \
			"$(printf '%s\n' "$out" | grep -m1 -E 'does not apply|FAILED|fuzz|Applying' || echo failed)"
		return 1
	fi
	record PASS "stable-apply:$1" "quilt push -a --fuzz=0" \
		"$n patches on $S_PKG $S_VERSION"
}

for name in $(stable_names); do
	stable_conf "$name"
	stable_tree "$name"
	tree=$S_TREE
	quilt_push "$name" "$tree" || continue
	if out=$(stable_apply "$name" "$tree" 2>&1); then
		record PASS "stable-apply:$name" "git am" \
			"$(git -C "$tree" rev-list --count base..HEAD) commits on $S_PKG $S_VERSION"
	else
		printf '%s\n' "$out" >&2
		record FAIL "stable-apply:$name" "git am" "$(printf '%s\n' "$out" | tail -n 1)"
	fi
done
