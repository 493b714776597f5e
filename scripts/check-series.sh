#!/bin/bash
# Series-level maintainer checks: the per-patch tag/header/kernel-doc
# checks, quilt and git am (mbox) on a pristine base, and get_maintainer's
# recipients in the cover letter.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

cover=$PATCHES/0000-cover-letter.patch
mapfile -t files < <(series_files)

python3 "$TOP/scripts/check-patches.py" "$SRC" "${files[@]}" >> "$RESULTS"

# pristine WT: a worktree of the base, reset to it.
pristine() {
	local wt=$BUILD/$1
	if [ ! -e "$wt/.git" ]; then
		git -C "$SRC" worktree prune
		git -C "$SRC" worktree add -q --detach "$wt" base
	fi
	git -C "$wt" am --abort >/dev/null 2>&1 || true
	git -C "$wt" checkout -q -f --detach base
	git -C "$wt" clean -q -f -d -x
	printf '%s\n' "$wt"
}

# quilt: distro builders apply patches/ as a quilt series, without fuzz.
wt=$(pristine quilt-src)
if out=$(cd "$wt" && QUILT_PATCHES=$PATCHES QUILT_PC=.pc quilt push -a --fuzz=0 2>&1); then
	off=$(printf '%s\n' "$out" | grep -c 'offset' || true)
	record PASS quilt series "quilt push -a applied ${#files[@]} patches, $off hunks at an offset"
else
	printf '%s\n' "$out" | tail -n 15 >&2
	record FAIL quilt series "quilt push -a failed: $(printf '%s\n' "$out" | grep -m1 -E 'does not apply|FAILED|fuzz' || true)"
fi
pristine quilt-src >/dev/null

# mbox: the whole series as one mbox, as a maintainer gets it.
mbox=$BUILD/series.mbox
"$TOP/scripts/mbox.sh" > /dev/null
wt=$(pristine mbox-src)
am_log=$BUILD/results/mbox-am.log
{ git -C "$wt" am "$mbox" || { git -C "$wt" am --skip && true; }; } > "$am_log" 2>&1 || true
applied=$(git -C "$wt" rev-list --count base..HEAD)
if [ "$applied" -eq "${#files[@]}" ] &&
   [ -z "$(git -C "$wt" diff HEAD "$(posted_rev)" --stat)" ]; then
	record PASS mbox series "git am applied ${#files[@]} patches; the tree matches the posted series"
else
	record FAIL mbox series "git am applied $applied of ${#files[@]} patches: $am_log"
fi
pristine mbox-src >/dev/null
missing=()
grep -q '^base-commit: [0-9a-f]\{40\}$' "$cover" || missing+=(base-commit)
grep -q "^Base: Debian $BASE_PKG" "$cover" || missing+=("Base: line")
grep -qE '^ [0-9]+ files? changed' "$cover" || missing+=(diffstat)
grep -q '^Testing:' "$cover" || missing+=("Testing: section")
if [ ${#missing[@]} -eq 0 ]; then
	record PASS cover-letter 0000-cover-letter.patch "base-commit, Base:, diffstat and Testing: present"
else
	record FAIL cover-letter 0000-cover-letter.patch "missing: ${missing[*]}"
fi

# get_maintainer: every address it names for the series is on the cover.
want=$(cd "$SRC" && ./scripts/get_maintainer.pl --no-rolestats --no-git \
	--no-git-fallback "${files[@]}" 2>/dev/null | sed -E 's/.*<([^>]+)>.*/\1/' | sort -u)
have=$(awk '/^(To|Cc):/{h=1} h && /^$/{exit} h' "$cover" | grep -oE '[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+' | sort -u)
absent=$(comm -23 <(printf '%s\n' "$want") <(printf '%s\n' "$have"))
if [ -z "$want" ]; then
	record FAIL get_maintainer series "get_maintainer.pl named nobody"
elif [ -z "$absent" ]; then
	record PASS get_maintainer series "$(printf '%s\n' "$want" | wc -l) recipients, all on the cover letter"
else
	record FAIL get_maintainer series "not on the cover letter: $(printf '%s\n' "$absent" | paste -sd' ' -)"
fi
