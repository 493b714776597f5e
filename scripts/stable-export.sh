#!/bin/bash
# stable-export.sh [NAME...]: regenerate stable/NAME/ from the commits of
# its tree, build/stable/NAME/linux, with git format-patch, as export.sh
# does for patches/. The comment lines at the top of stable/NAME/series
# stay. Edit a backport in its tree (make stable-prepare makes it), commit,
# then run this. All backports by default.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"
# shellcheck source=scripts/stable.sh
. "$TOP/scripts/stable.sh"

names=("$@")
[ ${#names[@]} -gt 0 ] || mapfile -t names < <(stable_names)
for name in "${names[@]}"; do
	stable_conf "$name"
	stable_tree "$name"
	tree=$S_TREE
	[ -z "$(git -C "$tree" status --porcelain --untracked-files=no)" ] ||
		die "$tree has uncommitted changes: commit them before exporting"
	n=$(git -C "$tree" rev-list --count base..HEAD)
	[ "$n" -gt 0 ] || die "$tree has no commits on its base: nothing to export"
	dir=$STABLE/$name
	tmp=$(mktemp -d)
	git -C "$tree" format-patch -q --zero-commit --no-signature -o "$tmp" base..HEAD
	blank_context "$tmp"/*.patch
	{
		[ ! -f "$dir/series" ] || sed -n '/^#/!q; p' "$dir/series"
		(cd "$tmp" && ls -- *.patch)
	} > "$tmp/series"
	rm -f "$dir"/[0-9][0-9][0-9][0-9]-*.patch
	mv "$tmp"/*.patch "$tmp/series" "$dir/"
	rmdir "$tmp"
	stable_series_hash "$name" > "$BUILD/stable/$name/applied"
	log "exported $n patches to stable/$name/ ($S_PKG $S_VERSION)"
done
