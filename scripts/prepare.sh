#!/bin/bash
# Lay out build/TRACK/linux: a git tree whose first commit is the pristine
# base (tagged "base") with the track's posted series applied on top by
# git am, in SERIES order, and then the local queue, tracks/TRACK/local/.
# Incremental: nothing is redone while the base and patches/ are unchanged.
# Local commits in the tree that were not exported are kept on a backup
# branch before the tree is reset, so nothing is lost.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

mapfile -t base < <("$TOP/scripts/base.sh")
[ ${#base[@]} -eq 4 ] || die "track $TRACK: its base is not there (above)"
tarball=${base[0]} version=${base[1]}
stamp=$BUILD/prepared.stamp

unpack() {
	local tmp=$BUILD/unpack.tmp
	rm -rf "$tmp" "$SRC" "$stamp"
	mkdir -p "$tmp"
	tar -C "$tmp" -xf "$tarball"
	mv "$tmp"/* "$SRC"
	rmdir "$tmp"
	git -C "$SRC" init -q -b main
	git -C "$SRC" config gc.auto 0
	# git am records a committer; a fresh machine may have no identity.
	git -C "$SRC" config user.name >/dev/null ||
		git -C "$SRC" config user.name "mlx5 workbench"
	git -C "$SRC" config user.email >/dev/null ||
		git -C "$SRC" config user.email "workbench@localhost"
	printf '%s\n' "$version" > "$SRC/.git/base-version"
}

# apply_one FILE: report offsets, then git am; on failure name the patch
# and show the hunk that did not apply.
apply_one() {
	local p=$1 name out hunk
	name=$(basename "$p")
	if ! out=$(git -C "$SRC" apply --check --verbose "$p" 2>&1); then
		printf '%s\n' "$out" | grep -v '^Checking patch' >&2 || true
		# the hunk: "patch failed: FILE:LINE", else git's first error
		hunk=$(printf '%s\n' "$out" | grep -m1 '^error: patch failed: ' ||
			printf '%s\n' "$out" | grep -m1 '^error: ' || true)
		die "track $TRACK: ${p#"$TDIR"/} does not apply to $SRC_PKG $version: ${hunk#error: }"
	fi
	printf '%s\n' "$out" | grep -F 'offset' | sed "s|^|$name: |" >&2 || true
	git -C "$SRC" am -q --no-3way "$p" ||
		{ git -C "$SRC" am --abort || true; die "track $TRACK: git am failed on ${p#"$TDIR"/}"; }
}

mkdir -p "$BUILD"
if [ ! -f "$SRC/.git/base-version" ] || [ "$(cat "$SRC/.git/base-version")" != "$version" ]; then
	timed "unpacking $(basename "$tarball") ($version)" unpack
	timed "committing the pristine base" commit_base "$SRC" "$SRC_PKG" "$version"
fi

[ -z "$(git -C "$SRC" status --porcelain --untracked-files=no)" ] ||
	die "build/$TRACK/linux has uncommitted changes: commit them (and make export TRACK=$TRACK) or discard them"

want=$(patches_hash)
head=$(git -C "$SRC" rev-parse HEAD)
if [ -f "$stamp" ] && [ "$(sed -n 1p "$stamp")" = "$want" ] &&
   [ "$(sed -n 2p "$stamp")" = "$head" ]; then
	log "build/$TRACK/linux is up to date with tracks/$TRACK/ ($(git -C "$SRC" rev-list --count base..HEAD) patches on $version)"
	exit 0
fi

if [ "$head" != "$(git -C "$SRC" rev-parse base)" ] &&
   { [ ! -f "$stamp" ] || [ "$(sed -n 2p "$stamp")" != "$head" ]; }; then
	keep=backup/$(date +%Y%m%d-%H%M%S)
	git -C "$SRC" branch -f "$keep" HEAD
	warn "build/$TRACK/linux had commits that are not in tracks/$TRACK/: kept on branch $keep"
fi

git -C "$SRC" checkout -q -f -B main base
n=0
while read -r p; do
	apply_one "$p"
	n=$((n + 1))
	# A partly applied series is ours, not a developer's: no backup next time.
	printf 'partial\n%s\n' "$(git -C "$SRC" rev-parse HEAD)" > "$stamp"
done < <(series_files; local_series_files)
printf '%s\n%s\n' "$want" "$(git -C "$SRC" rev-parse HEAD)" > "$stamp"
log "build/$TRACK/linux: $n patches applied on $SRC_PKG $version ($(local_series_files | wc -l) of them local)"
