#!/bin/bash
# DESC: the series applies (quilt push -a --fuzz=0) without each optional part, and without all of them
# SCOPE: series
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/../lib.sh"

# The parts the cover letter says can be dropped, as patch file names
# without their number: the mlx5 profile, and the devlink lock wait with
# the E-Switch worker using it.
declare -A OPTIONAL=(
	[profile]="net-mlx5-Add-a-profile-that-puts-the-E-Switch-in-swi.patch"
	[lock-wait]="devlink-let-a-lock-waiter-sleep-until-the-instance-l.patch
net-mlx5-E-Switch-wake-the-waiting-worker-when-the-d.patch"
)

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
dir=${1:-$PATCHES}
grep -v -e "^#" -e "^$" "$dir/series" > "$tmp/all"

# drop NAME...: the series without the optional parts NAME, or fail.
drop() {
	local name f
	cp "$tmp/all" "$tmp/series"
	for name; do
		for f in ${OPTIONAL[$name]}; do
			if ! grep -q -- "^[0-9]\{4\}-$f\$" "$tmp/series"; then
				echo "optional part $name: no patch NNNN-$f in ${dir#"$TOP"/}/series"
				exit 1
			fi
			grep -v -- "^[0-9]\{4\}-$f\$" "$tmp/series" > "$tmp/s"
			mv "$tmp/s" "$tmp/series"
		done
	done
}

# push NAME...: quilt push -a of the series without NAME on the base.
push() {
	local wt out rc=0
	drop "$@"
	wt=$(pristine quilt-src)
	out=$(cd "$wt" && QUILT_PATCHES=$dir QUILT_SERIES=$tmp/series \
		QUILT_PC=.pc quilt push -a --fuzz=0 2>&1) || rc=$?
	pristine quilt-src >/dev/null
	if [ "$rc" -ne 0 ]; then
		printf '%s\n' "$out" | tail -n 15 >&2
		echo "without $*: $(printf '%s\n' "$out" |
			grep -m1 -E 'does not apply|FAILED|fuzz' || echo "quilt failed")"
		exit 1
	fi
	done_msg+="${done_msg:+; }without $*: $(wc -l < "$tmp/series") applied"
}

done_msg=
for name in "${!OPTIONAL[@]}"; do
	push "$name"
done
# shellcheck disable=SC2068 # one argument per optional part
push ${!OPTIONAL[@]}
echo "$done_msg"
